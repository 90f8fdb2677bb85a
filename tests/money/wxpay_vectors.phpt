--TEST--
WeChat Pay v3 signing: the reference's computed vectors byte for byte (request Authorization for query/close/refund, JSAPI and mini-program paySign, 204 answer and notification verification, AES-256-GCM notification decryption); unknown serial, skew, SIGNTEST probes, forged bodies and bad input refused
--EXTENSIONS--
cloudacct
--FILE--
<?php
require __DIR__ . '/wxpay_vectors.inc';
use CloudAcct\Ledger\WxPay;

const TS = 1554208460;
const NONCE = '593BEC0C930BF1AFEB40B4A08C8FB242';
const MCH = '1900007291';
const SERIAL = '408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB';
const NO = '1217752501201407033233368018';

function sig_of(string $auth): string
{
    preg_match('/signature="([^"]+)"/', $auth, $m);
    return $m[1];
}
function check(string $label, string $got, string $want): void
{
    echo $label, ': ', $got === $want ? 'ok' : "MISMATCH\n  got  $got\n  want $want", "\n";
}

echo "--- request signatures\n";
$auth = WxPay::authorization(MCH, SERIAL, WX_TEST_KEY, 'GET', '/v3/pay/transactions/out-trade-no/' . NO . '?mchid=' . MCH, TS, NONCE, '');
check('V3-3 query', sig_of($auth), WX_V3['V3-3']);
echo preg_replace('/signature="[^"]+"/', 'signature="…"', $auth), "\n";
check('V3-4 close', sig_of(WxPay::authorization(MCH, SERIAL, WX_TEST_KEY, 'POST', '/v3/pay/transactions/out-trade-no/' . NO . '/close',
    TS, NONCE, '{"mchid":"1900007291"}')), WX_V3['V3-4']);
$refund = '{"out_trade_no":"1217752501201407033233368018","out_refund_no":"R1217752501201407033233368018","reason":"test","notify_url":"https://www.weixin.qq.com/wxpay/refund.php","amount":{"refund":100,"total":100,"currency":"CNY"}}';
check('V3-5 refund', sig_of(WxPay::authorization(MCH, SERIAL, WX_TEST_KEY, 'POST', '/v3/refund/domestic/refunds', TS, NONCE, $refund)),
    WX_V3['V3-5']);
// the same key in PKCS#8 form signs the same bytes
openssl_pkey_export(openssl_pkey_get_private(WX_TEST_KEY), $pkcs8);
echo 'PKCS#8 key: ', str_contains($pkcs8, 'BEGIN PRIVATE KEY') ? 'yes' : 'no', ' ';
check('V3-5 refund', sig_of(WxPay::authorization(MCH, SERIAL, $pkcs8, 'POST', '/v3/refund/domestic/refunds', TS, NONCE, $refund)),
    WX_V3['V3-5']);

echo "--- paySign\n";
check('V3-6 JSAPI', WxPay::paySign(WX_TEST_KEY, 'wx8888888888888888', '1414561699', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
    'prepay_id=wx201410272009395522657a690389285100'), WX_V3['V3-6']);
check('V3-7 mini program', WxPay::paySign(WX_TEST_KEY, 'wxd678efh567hg6787', (string) TS, NONCE,
    'prepay_id=wx201410272009395522657a690389285100'), WX_V3['V3-7']);

echo "--- verifying answers\n";
$platform = [['serial' => 'PUB_KEY_ID_OTHER', 'public_key' => 'not a key'], ['serial' => 'PUB_KEY_ID_0000000000000000000001', 'public_key' => WX_TEST_PUB]];
$h = ['Wechatpay-Serial' => 'PUB_KEY_ID_0000000000000000000001', 'Wechatpay-Timestamp' => (string) TS, 'Wechatpay-Nonce' => NONCE,
    'Wechatpay-Signature' => WX_V3['V3-8']];
echo 'V3-8 204 answer: ', WxPay::verify($platform, $h, '', TS), "\n";
echo 'lower-case names: ', WxPay::verify($platform, array_change_key_case($h), '', TS + 300), "\n";
$cgi = [];
foreach ($h as $k => $v) {
    $cgi['HTTP_' . strtoupper(str_replace('-', '_', $k))] = " $v\r\n";
}
echo 'CGI names, padded values: ', WxPay::verify($platform, $cgi, '', TS - 300), "\n";
echo 'a body added: ', WxPay::verify($platform, $h, '{}', TS), "\n";
echo '301 s later: ', WxPay::verify($platform, $h, '', TS + 301), "\n";
echo '301 s earlier: ', WxPay::verify($platform, $h, '', TS - 301), "\n";
echo 'unknown serial: ', WxPay::verify($platform, ['Wechatpay-Serial' => 'PUB_KEY_ID_9'] + $h, '', TS), "\n";
echo 'no platform keys: ', WxPay::verify([], $h, '', TS), "\n";
echo 'SIGNTEST probe: ', WxPay::verify($platform, ['Wechatpay-Signature' => 'WECHATPAY/SIGNTEST/' . WX_V3['V3-8']] + $h, '', TS), "\n";
echo 'SIGNTEST probe (base64 body): ', WxPay::verify($platform, ['Wechatpay-Signature' => 'WECHATPAY/SIGNTEST/' . base64_encode(str_repeat('x', 256))] + $h, '', TS), "\n";
echo 'another nonce: ', WxPay::verify($platform, ['Wechatpay-Nonce' => 'A' . substr(NONCE, 1)] + $h, '', TS), "\n";
$no_sig = $h;
unset($no_sig['Wechatpay-Signature']);
echo 'no signature: ', WxPay::verify($platform, $no_sig, '', TS), "\n";
echo 'timestamp not digits: ', WxPay::verify($platform, ['Wechatpay-Timestamp' => '1554208460.0'] + $h, '', TS), "\n";
echo 'the merchant key is not a platform key: ', WxPay::verify([['serial' => 'S', 'public_key' => WX_TEST_PUB]], ['Wechatpay-Serial' => 's'] + $h, '', TS), "\n";

echo "--- V3-11 notification\n";
$n = ['Wechatpay-Timestamp' => '1704081605', 'Wechatpay-Nonce' => '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
    'Wechatpay-Serial' => 'PUB_KEY_ID_0000000000000000000001', 'Wechatpay-Signature-Type' => 'WECHATPAY2-SHA256-RSA2048',
    'Wechatpay-Signature' => WX_V11_SIG];
echo 'verify: ', WxPay::verify($platform, $n, WX_V11_BODY, 1704081605 + 60), "\n";
echo 'one byte changed: ', WxPay::verify($platform, $n, str_replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESs', WX_V11_BODY), 1704081605), "\n";
echo 'trailing newline: ', WxPay::verify($platform, $n, WX_V11_BODY . "\n", 1704081605), "\n";
$env = json_decode(WX_V11_BODY, true);
$plain = WxPay::decrypt('0123456789abcdef0123456789abcdef', $env['resource']);
$t = json_decode($plain, true);
echo strlen($plain), " bytes: {$t['mchid']} {$t['appid']} {$t['out_trade_no']} {$t['transaction_id']} {$t['trade_state']} {$t['trade_state_desc']} {$t['amount']['total']} {$t['payer']['openid']}\n";
echo 'plaintext as the reference prints it: ', var_export($plain === '{"mchid":"1900007291","appid":"wxd678efh567hg6787","out_trade_no":"1217752501201407033233368018","transaction_id":"4200000000202401010000000001","trade_type":"JSAPI","trade_state":"SUCCESS","trade_state_desc":"支付成功","bank_type":"OTHERS","attach":"","success_time":"2024-01-01T12:00:00+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"amount":{"total":100,"payer_total":100,"currency":"CNY","payer_currency":"CNY"}}', true), "\n";
echo 'tag: ', bin2hex(substr(base64_decode($env['resource']['ciphertext']), -16)), "\n";
function fails(callable $f): void
{
    try {
        $f();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$r = $env['resource'];
fails(fn() => WxPay::decrypt('0123456789abcdef0123456789abcdeF', $r));
fails(fn() => WxPay::decrypt('0123456789abcdef0123456789abcdef', ['associated_data' => 'refund'] + $r));
fails(fn() => WxPay::decrypt('0123456789abcdef0123456789abcdef', ['nonce' => 'fdasflkja485'] + $r));
fails(fn() => WxPay::decrypt('0123456789abcdef0123456789abcdef', ['algorithm' => 'AEAD_AES_128_GCM'] + $r));
fails(fn() => WxPay::decrypt('0123456789abcdef', $r));
fails(fn() => WxPay::decrypt('0123456789abcdef0123456789abcdef', ['ciphertext' => 'not base64!'] + $r));
fails(fn() => WxPay::decrypt('0123456789abcdef0123456789abcdef', ['ciphertext' => base64_encode('short')] + $r));
fails(fn() => WxPay::decrypt('0123456789abcdef0123456789abcdef', ['algorithm' => 'AEAD_AES_256_GCM']));

echo "--- bad input\n";
fails(fn() => WxPay::authorization(MCH, SERIAL, 'not a key', 'GET', '/v3/x', TS, NONCE, ''));
fails(fn() => WxPay::authorization(MCH, SERIAL, "-----BEGIN PRIVATE KEY-----\nsecretbytes\n-----END PRIVATE KEY-----", 'GET', '/v3/x', TS, NONCE, ''));
fails(fn() => WxPay::authorization('19"00', SERIAL, WX_TEST_KEY, 'GET', '/v3/x', TS, NONCE, ''));
fails(fn() => WxPay::authorization(MCH, 'A,B', WX_TEST_KEY, 'GET', '/v3/x', TS, NONCE, ''));
fails(fn() => WxPay::authorization(MCH, SERIAL, WX_TEST_KEY, 'get', '/v3/x', TS, NONCE, ''));
fails(fn() => WxPay::authorization(MCH, SERIAL, WX_TEST_KEY, 'GET', 'https://api.mch.weixin.qq.com/v3/x', TS, NONCE, ''));
fails(fn() => WxPay::authorization(MCH, SERIAL, WX_TEST_KEY, 'GET', '/v3/x', 0, NONCE, ''));
fails(fn() => WxPay::authorization(MCH, SERIAL, WX_TEST_KEY, 'GET', '/v3/x', TS, 'nonce-with-dash', ''));
fails(fn() => WxPay::paySign(WX_TEST_KEY, 'wx1', 'soon', NONCE, 'prepay_id=wx1'));
fails(fn() => WxPay::paySign(WX_TEST_KEY, 'wx1', '1', NONCE, 'wx1'));
fails(fn() => WxPay::paySign('', 'wx1', '1', NONCE, 'prepay_id=wx1'));
fails(fn() => new ReflectionClass(WxPay::class) && (new ReflectionClass(WxPay::class))->newInstance());
?>
--EXPECT--
--- request signatures
V3-3 query: ok
WECHATPAY2-SHA256-RSA2048 mchid="1900007291",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",timestamp="1554208460",serial_no="408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB",signature="…"
V3-4 close: ok
V3-5 refund: ok
PKCS#8 key: yes V3-5 refund: ok
--- paySign
V3-6 JSAPI: ok
V3-7 mini program: ok
--- verifying answers
V3-8 204 answer: ok
lower-case names: ok
CGI names, padded values: ok
a body added: bad_signature
301 s later: stale_timestamp
301 s earlier: stale_timestamp
unknown serial: unknown_serial
no platform keys: unknown_serial
SIGNTEST probe: bad_signature
SIGNTEST probe (base64 body): bad_signature
another nonce: bad_signature
no signature: missing_headers
timestamp not digits: missing_headers
the merchant key is not a platform key: unknown_serial
--- V3-11 notification
verify: ok
one byte changed: bad_signature
trailing newline: bad_signature
431 bytes: 1900007291 wxd678efh567hg6787 1217752501201407033233368018 4200000000202401010000000001 SUCCESS 支付成功 100 oUpF8uMuAJO_M2pxb1Q9zNjWeS6o
plaintext as the reference prints it: true
tag: ff628bb80d98266eab213a103d817649
CloudAcct\Crypto\SignatureException: 通知解密失败 (resource: verification failed)
CloudAcct\Crypto\SignatureException: 通知解密失败 (resource: verification failed)
CloudAcct\Crypto\SignatureException: 通知解密失败 (resource: verification failed)
CloudAcct\Crypto\SignatureException: 通知加密算法不是 AEAD_AES_256_GCM (resource.algorithm)
CloudAcct\Crypto\SignatureException: APIv3 密钥须为 32 个字符 (APIv3 key length)
CloudAcct\Crypto\SignatureException: 通知密文不是有效的 base64 (resource.ciphertext)
CloudAcct\Crypto\SignatureException: 通知密文不是有效的 base64 (resource.ciphertext)
CloudAcct\Crypto\SignatureException: 通知密文不完整 (resource.ciphertext / nonce)
--- bad input
CloudAcct\Crypto\SignatureException: 商户 API 私钥无法用于签名 (merchant private key: unusable key)
CloudAcct\Crypto\SignatureException: 商户 API 私钥无法用于签名 (merchant private key: unusable key)
ValueError: CloudAcct\Ledger\WxPay::authorization(): Argument #1 ($mchid) must be 1 to 32 letters or digits
ValueError: CloudAcct\Ledger\WxPay::authorization(): Argument #2 ($serialNo) must be 1 to 64 printable characters without quotes or commas
ValueError: CloudAcct\Ledger\WxPay::authorization(): Argument #4 ($method) must be GET, POST, PUT, PATCH or DELETE
ValueError: CloudAcct\Ledger\WxPay::authorization(): Argument #5 ($canonicalUrl) must be the path (and query) of the request, starting with /
ValueError: CloudAcct\Ledger\WxPay::authorization(): Argument #6 ($timestamp) must be a positive Unix time
ValueError: CloudAcct\Ledger\WxPay::authorization(): Argument #7 ($nonce) must be 1 to 32 letters or digits
ValueError: CloudAcct\Ledger\WxPay::paySign(): Argument #3 ($timeStamp) must be Unix seconds as a string
ValueError: CloudAcct\Ledger\WxPay::paySign(): Argument #5 ($package) must be "prepay_id=<prepay_id>"
CloudAcct\Crypto\SignatureException: 商户 API 私钥无法用于签名 (merchant private key: unusable key)
ReflectionException: Access to non-public constructor of class CloudAcct\Ledger\WxPay
