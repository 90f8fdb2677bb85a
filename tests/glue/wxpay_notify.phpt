--TEST--
Glue: the WeChat Pay v3 notify entry (do=wxpaynotify, direct) passes php://input and the Wechatpay-* headers to the extension and answers with its status and exact body: a genuine notify 204 and settled once (replay 204), a forged one 401 with the FAIL body and nothing written, a notify POSTed by the fake WeChat Pay itself, GET refused
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository');
require __DIR__ . '/../inc/skipif_fake.inc'; ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
require __DIR__ . '/../inc/fake_server.inc';
$site = new GlueSite('wxpaynotify');
$db = $site->db();
$store = new CloudAcct\Store($db, 1);

// the extension gets the public half of the platform key through the settings
// (the reference's published sample key plays the platform key: no key generation under valgrind)
require __DIR__ . '/../money/wxpay_vectors.inc';
$key = WX_TEST_KEY;
$pub = WX_TEST_PUB;
$apiv3 = substr(bin2hex(random_bytes(16)), 0, 32);
$set = fn(string $k, $v) => $db->execute('REPLACE INTO {setting} (uniacid, name, value, updated_at) VALUES (1, ?, ?, 0)',
    [$k, json_encode($v, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)]);
foreach (['wxpay_mchid' => '1900000001', 'wxpay_appid' => 'wxfake0000000001', 'wxpay_apiv3_key' => $apiv3,
    'wxpay_notify_url' => 'https://pay.example.com/cloudacct/wxpaynotify/1',
    'wxpay_platform_keys' => [['serial' => 'PUB_KEY_ID_01', 'public_key' => $pub]]] as $k => $v) {
    $set($k, $v);
}
// an intent of the demo's first client, made through the extension (weengine mode: no prepay call)
$set('payment_mode', 'weengine');
$i = (new CloudAcct\Ledger\Payments($store))->checkout(CloudAcct\Actor::admin(1, '127.0.0.1'), 1, ['amount_fen' => 4321]);
$plain = json_encode(['mchid' => '1900000001', 'appid' => 'wxfake0000000001', 'out_trade_no' => $i['tid'],
    'transaction_id' => '4200000000202609010000000001', 'trade_type' => 'JSAPI', 'trade_state' => 'SUCCESS', 'trade_state_desc' => '支付成功',
    'success_time' => '2026-09-01T10:00:00+08:00', 'payer' => ['openid' => 'oGLUE'], 'amount' => ['total' => 4321, 'payer_total' => 4321,
    'currency' => 'CNY', 'payer_currency' => 'CNY']], JSON_UNESCAPED_UNICODE);
$nonce = 'n0nce0n0nce0';
$ct = openssl_encrypt($plain, 'aes-256-gcm', $apiv3, OPENSSL_RAW_DATA, $nonce, $tag, 'transaction', 16);
$body = json_encode(['id' => 'EV-1', 'create_time' => '2026-09-01T10:00:05+08:00', 'resource_type' => 'encrypt-resource',
    'event_type' => 'TRANSACTION.SUCCESS', 'summary' => '支付成功', 'resource' => ['original_type' => 'transaction',
    'algorithm' => 'AEAD_AES_256_GCM', 'ciphertext' => base64_encode($ct . $tag), 'associated_data' => 'transaction', 'nonce' => $nonce]],
    JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
$ts = (string) time();
openssl_sign("$ts\nABCDEF\n$body\n", $sig, $key, OPENSSL_ALGO_SHA256);
$headers = ['Wechatpay-Timestamp' => $ts, 'Wechatpay-Nonce' => 'ABCDEF', 'Wechatpay-Serial' => 'PUB_KEY_ID_01',
    'Wechatpay-Signature' => base64_encode($sig), 'Wechatpay-Signature-Type' => 'WECHATPAY2-SHA256-RSA2048'];
$post = function (array $headers, string $body) use ($site) {
    $h = "Content-Type: application/json\r\n";
    foreach ($headers as $k => $v) {
        $h .= "$k: $v\r\n";
    }
    $answer = file_get_contents($site->base . $site->app('wxpaynotify'), false, stream_context_create(['http' => [
        'method' => 'POST', 'header' => $h, 'content' => $body, 'ignore_errors' => true, 'timeout' => 30]]));
    preg_match('#^HTTP/\S+ (\d+)#', $http_response_header[0], $m);
    $type = '';
    foreach ($http_response_header as $line) {
        if (stripos($line, 'Content-Type:') === 0) {
            $type = trim(substr($line, 13));
        }
    }
    return "$m[1] [" . $answer . "]" . ($type !== "" && $answer !== "" ? " $type" : "");
};
$payments = fn() => $db->queryValue("SELECT COUNT(*) FROM {payment} WHERE channel = 'wechat_v3'");
echo "forged: ", $post(['Wechatpay-Signature' => base64_encode(random_bytes(256))] + $headers, $body), "\n";
echo "tampered: ", $post($headers, str_replace('EV-1', 'EV-2', $body)), "\n";
echo "payments: ", $payments(), "\n";
echo "genuine: ", $post($headers, $body), "\n";
echo "replay: ", $post($headers, $body), "\n";
echo "payments: ", $payments(), ", intent ", $db->queryValue('SELECT status FROM {pay_intent} WHERE out_trade_no = ?', [$i['tid']]), "\n";
// the fake WeChat Pay POSTs a notification itself (deliver_to), encrypted and signed with the same keys
$fake = ca_fake_start(['wxpay' => ['mchid' => '1900000001', 'appid' => 'wxfake0000000001', 'platform_serial' => 'PUB_KEY_ID_01',
    'platform_private_key' => $key, 'apiv3_key' => $apiv3]]);
$i2 = (new CloudAcct\Ledger\Payments($store))->checkout(CloudAcct\Actor::admin(1, '127.0.0.1'), 1, ['amount_fen' => 1234]);
$d = ca_fake_call($fake, '/_wxpay/notify', ['event_type' => 'TRANSACTION.SUCCESS', 'original_type' => 'transaction',
    'deliver_to' => $site->base . $site->app('wxpaynotify'), 'resource' => ['mchid' => '1900000001', 'appid' => 'wxfake0000000001',
    'out_trade_no' => $i2['tid'], 'transaction_id' => '4200000000202609010000000002', 'trade_state' => 'SUCCESS',
    'payer' => ['openid' => 'oGLUE'], 'amount' => ['total' => 1234]]]);
echo "delivered by the fake: {$d['delivered']}; payments: ", $payments(), "\n";
ca_fake_stop($fake);
[$st, $b] = $site->request($site->app('wxpaynotify'));
echo "GET: $st $b\n";
$log = $site->serverLog();
echo "PHP errors in the server log: ", preg_match('/(Fatal|Warning|Notice|Deprecated)/', $log) ? $log : 'none', "\n";
echo "the APIv3 key is never logged: ", var_export(!str_contains($log, $apiv3), true), "\n";
?>
--EXPECT--
forged: 401 [{"code":"FAIL","message":"失败"}] application/json; charset=utf-8
tampered: 401 [{"code":"FAIL","message":"失败"}] application/json; charset=utf-8
payments: 0
genuine: 204 []
replay: 204 []
payments: 1, intent paid
delivered by the fake: 204; payments: 2
GET: 405 {"code":"FAIL","message":"失败"}
PHP errors in the server log: none
the APIv3 key is never logged: true
