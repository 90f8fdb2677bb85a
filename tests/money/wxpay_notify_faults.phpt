--TEST--
WeChat Pay v3 notify faults: forged signature, stale timestamp, unknown serial, SIGNTEST probe, missing headers, tampered body, wrong APIv3 key, wrong amount, unknown out_trade_no, wrong mchid/appid, unknown refund, refund amount mismatch, malformed — each a clear reply, nothing written; then the genuine notify settles once
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
cloudacct.http.test_transport=1
pcre.jit=0
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; require __DIR__ . '/../inc/skipif_fake.inc'; ?>
--FILE--
<?php
require __DIR__ . '/wxpay.inc';
require __DIR__ . '/wxpay_vectors.inc';
use CloudAcct\Actor;
$now = m_ts('2026-03-05 10:00:00');
m_freeze('2026-03-05 10:00:00');
$w = wx_setup('money_wx_faults', $now);
[$db, $m] = [$w->db, $w->m];
$sys = m_system();
$a = m_client($db, 1);
$ca = m_contact($db, 1, $a);
$client = Actor::client($ca);
$i = $m->payments->checkout($client, $a, ['amount_fen' => 12345, 'openid' => 'oPAYER0002']);
$n = wx_pay($w, $i['tid']);
$h = $n['headers'];
$before = m_counts($db);
$try = function (string $label, array $headers, string $body) use ($m, $sys) {
    echo str_pad($label, 34), wx_show($m->payments->wechatNotify($sys, $headers, $body)), "\n";
};

echo "--- signature and time\n";
$try('forged signature', ['Wechatpay-Signature' => base64_encode(random_bytes(256))] + $h, $n['body']);
// the reference's published sample key: a well-formed signature by a key that is not the platform's
openssl_sign("{$h['Wechatpay-Timestamp']}\n{$h['Wechatpay-Nonce']}\n{$n['body']}\n", $sig, WX_TEST_KEY, OPENSSL_ALGO_SHA256);
$try('signed with another key', ['Wechatpay-Signature' => base64_encode($sig)] + $h, $n['body']);
$try('SIGNTEST probe', ['Wechatpay-Signature' => 'WECHATPAY/SIGNTEST/' . $h['Wechatpay-Signature']] + $h, $n['body']);
$try('unknown serial', ['Wechatpay-Serial' => 'PUB_KEY_ID_0000000000000000000000000002'] + $h, $n['body']);
$try('tampered body', $h, str_replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESs"', $n['body']));
$try('missing timestamp', array_diff_key($h, ['Wechatpay-Timestamp' => 1]), $n['body']);
$try('no headers', [], $n['body']);
// the same genuine notification, seen by a server whose clock is 5 min 1 s ahead / behind
CloudAcct\Clock::freeze($now + 301);
$try('stale (301 s later)', $h, $n['body']);
CloudAcct\Clock::freeze($now - 301);
$try('from the future (301 s)', $h, $n['body']);
CloudAcct\Clock::freeze($now + 300);
echo "300 s later is still accepted (checked below)\n";
CloudAcct\Clock::freeze($now);
echo "nothing written: ", var_export(m_counts($db) === $before, true), "\n";

echo "--- signed by WeChat Pay, but wrong\n";
$t = ca_fake_call($w->fake, '/_wxpay/state')['orders'][$i['tid']];
$plain = fn(array $over) => array_replace_recursive(['mchid' => WX_MCHID, 'appid' => WX_APPID, 'out_trade_no' => $i['tid'],
    'transaction_id' => $t['transaction_id'], 'trade_type' => 'JSAPI', 'trade_state' => 'SUCCESS', 'trade_state_desc' => '支付成功',
    'success_time' => '2026-03-05T10:00:00+08:00', 'payer' => ['openid' => 'oPAYER0002'],
    'amount' => ['total' => 12345, 'payer_total' => 12345, 'currency' => 'CNY', 'payer_currency' => 'CNY']], $over);
foreach ([
    'wrong amount' => ['amount' => ['total' => 12344, 'payer_total' => 12344]],
    'unknown out_trade_no' => ['out_trade_no' => 'C20260305ZZZZZZZZZZZZZZZ'],
    'another mchid' => ['mchid' => '1900000002'],
    'another appid' => ['appid' => 'wxfake0000000002'],
    'amount as a string' => ['amount' => ['total' => '12345']],
    'not paid (NOTPAY)' => ['trade_state' => 'NOTPAY'],
] as $label => $over) {
    $x = wx_notify_of($w, 'TRANSACTION.SUCCESS', 'transaction', $plain($over));
    $try($label, $x['headers'], $x['body']);
}
// genuinely signed by the platform key, but encrypted with another APIv3 key
$nonce = 'abcdefghijkl';
$ct = openssl_encrypt(json_encode($plain([])), 'aes-256-gcm', str_repeat('k', 32), OPENSSL_RAW_DATA, $nonce, $tag, 'transaction', 16);
$body = json_encode(['id' => 'EV-1', 'event_type' => 'TRANSACTION.SUCCESS', 'resource_type' => 'encrypt-resource', 'resource' => [
    'original_type' => 'transaction', 'algorithm' => 'AEAD_AES_256_GCM', 'ciphertext' => base64_encode($ct . $tag),
    'associated_data' => 'transaction', 'nonce' => $nonce]]);
$sign = function (string $body) use ($w, $now) {
    openssl_sign("$now\nN0NCE\n$body\n", $sig, $w->platform_private, OPENSSL_ALGO_SHA256);
    return ['Wechatpay-Timestamp' => (string) $now, 'Wechatpay-Nonce' => 'N0NCE', 'Wechatpay-Serial' => WX_PLATFORM_SERIAL,
        'Wechatpay-Signature' => base64_encode($sig)];
};
$try('encrypted with another APIv3 key', $sign($body), $body);
$try('signed, but not JSON', $sign('{"id":'), '{"id":');
$try('signed, no resource', $sign('{"event_type":"TRANSACTION.SUCCESS"}'), '{"event_type":"TRANSACTION.SUCCESS"}');
$alg = str_replace('AEAD_AES_256_GCM', 'AEAD_AES_128_GCM', $body);
$try('another algorithm', $sign($alg), $alg);
$try('', [], '');
echo "nothing written: ", var_export(m_counts($db) === $before, true), ", intent still ", $db->queryValue('SELECT status FROM {pay_intent} WHERE out_trade_no = ?', [$i['tid']]), "\n";

echo "--- refunds WeChat Pay does not know of us\n";
$x = wx_notify_of($w, 'REFUND.SUCCESS', 'refund', ['mchid' => WX_MCHID, 'out_trade_no' => $i['tid'], 'transaction_id' => $t['transaction_id'],
    'out_refund_no' => 'R20260305ZZZZZZZZZZZZZZZ', 'refund_id' => '50300000000000000000000000001', 'refund_status' => 'SUCCESS',
    'amount' => ['total' => 12345, 'refund' => 100, 'payer_total' => 12345, 'payer_refund' => 100]]);
$try('unknown out_refund_no', $x['headers'], $x['body']);
$x = wx_notify_of($w, 'TRANSACTION.REFUND', 'transaction', $plain([]));
$try('an event we do not handle', $x['headers'], $x['body']);

echo "--- the genuine notify, 300 s late, settles once\n";
CloudAcct\Clock::freeze($now + 300);
$try('genuine', $h, $n['body']);
$try('replay', $h, $n['body']);
$x = wx_notify_of($w, 'TRANSACTION.SUCCESS', 'transaction', $plain(['amount' => ['total' => 1]]));
$try('wrong amount after settlement', $x['headers'], $x['body']);
echo m_counts($db), "\n";
m_summary($m->accounts, $a);

echo "--- a refund notify with another amount is refused\n";
$pid = (int) $db->queryValue('SELECT payment_id FROM {pay_intent} WHERE out_trade_no = ?', [$i['tid']]);
$rf = $m->payments->refund(m_admin(), $pid, 345, '多付');
$x = wx_refund_notify($w, $rf['out_refund_no'], 'SUCCESS', ['amount' => ['refund' => 346]]);
$try('refund amount mismatch', $x['headers'], $x['body']);
$x = wx_refund_notify($w, $rf['out_refund_no'], 'SUCCESS', ['mchid' => '1900000002']);
$try('refund for another mchid', $x['headers'], $x['body']);
echo "refund still ", $m->payments->refunds(m_admin(), $pid)[0]['status'], "\n";
$x = wx_refund_notify($w, $rf['out_refund_no'], 'ABNORMAL');
$try('REFUND.ABNORMAL', $x['headers'], $x['body']);
echo "refund still ", $m->payments->refunds(m_admin(), $pid)[0]['status'], "\n";
$x = wx_refund_notify($w, $rf['out_refund_no'], 'SUCCESS');
$try('REFUND.SUCCESS', $x['headers'], $x['body']);
m_reconcile($m->accounts);

echo "--- not configured\n";
m_setting($db, 1, 'wxpay_platform_keys', []);
$try('no platform keys', $h, $n['body']);
m_setting($db, 1, 'wxpay_platform_keys', [['serial' => WX_PLATFORM_SERIAL, 'public_key' => $w->platform_public]]);
m_setting($db, 1, 'wxpay_apiv3_key', str_repeat('0', 32));
$try('another APIv3 key configured', $h, $n['body']);
ca_fake_stop($w->fake);
ca_drop_db('money_wx_faults');
?>
--EXPECT--
--- signature and time
forged signature                  401 bad_signature {"code":"FAIL","message":"失败"}
signed with another key           401 bad_signature {"code":"FAIL","message":"失败"}
SIGNTEST probe                    401 bad_signature {"code":"FAIL","message":"失败"}
unknown serial                    401 unknown_serial {"code":"FAIL","message":"失败"}
tampered body                     401 bad_signature {"code":"FAIL","message":"失败"}
missing timestamp                 401 missing_headers {"code":"FAIL","message":"失败"}
no headers                        401 missing_headers {"code":"FAIL","message":"失败"}
stale (301 s later)               401 stale_timestamp {"code":"FAIL","message":"失败"}
from the future (301 s)           401 stale_timestamp {"code":"FAIL","message":"失败"}
300 s later is still accepted (checked below)
nothing written: true
--- signed by WeChat Pay, but wrong
wrong amount                      400 amount_mismatch {"code":"FAIL","message":"失败"}
unknown out_trade_no              404 unknown_out_trade_no {"code":"FAIL","message":"失败"}
another mchid                     400 mchid_mismatch {"code":"FAIL","message":"失败"}
another appid                     400 appid_mismatch {"code":"FAIL","message":"失败"}
amount as a string                400 invalid {"code":"FAIL","message":"失败"}
not paid (NOTPAY)                 204 ignored
encrypted with another APIv3 key  500 decrypt_failed {"code":"FAIL","message":"失败"}
signed, but not JSON              400 malformed {"code":"FAIL","message":"失败"}
signed, no resource               400 malformed {"code":"FAIL","message":"失败"}
another algorithm                 500 decrypt_failed {"code":"FAIL","message":"失败"}
                                  401 missing_headers {"code":"FAIL","message":"失败"}
nothing written: true, intent still pending
--- refunds WeChat Pay does not know of us
unknown out_refund_no             404 unknown_out_refund_no {"code":"FAIL","message":"失败"}
an event we do not handle         204 ignored
--- the genuine notify, 300 s late, settles once
genuine                           204 settled
replay                            204 already_settled
wrong amount after settlement     400 amount_mismatch {"code":"FAIL","message":"失败"}
bill=0 ledger_entry=1 payment=1 allocation=0 refund=0
balance=-12345 outstanding=0 credit=12345 overdue=0 open=0 oldest=- paid_through=-
--- a refund notify with another amount is refused
refund amount mismatch            400 amount_mismatch {"code":"FAIL","message":"失败"}
refund for another mchid          400 mchid_mismatch {"code":"FAIL","message":"失败"}
refund still pending
REFUND.ABNORMAL                   204 refund_pending
refund still pending
REFUND.SUCCESS                    204 refund_succeeded
reconcile: ok (1 clients)
--- not configured
no platform keys                  500 not_configured {"code":"FAIL","message":"失败"}
another APIv3 key configured      500 decrypt_failed {"code":"FAIL","message":"失败"}
