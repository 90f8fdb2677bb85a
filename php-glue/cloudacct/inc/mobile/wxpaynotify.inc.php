<?php
/**
 * 微信支付 APIv3 结果通知 (the manifest's direct function binding do=wxpaynotify): WeChat Pay POSTs
 * its payment and refund notifications here. Thin on purpose: the raw body (php://input, untouched)
 * and the Wechatpay-* request headers go to CloudAcct\Ledger\Payments::wechatNotify(), which verifies
 * the signature, decrypts, checks and settles exactly once; this file only prints the HTTP status
 * and the exact reply body it returns (204 without a body, or 4xx/5xx with {"code":"FAIL",…} so
 * that WeChat Pay retries).
 *
 * WeChat Pay wants a notify_url without a query string: let the web server map, e.g.,
 *   https://<site>/cloudacct/wxpaynotify/<uniacid>  →  /app/index.php?i=<uniacid>&c=entry&m=cloudacct&do=wxpaynotify
 * and put that URL in the wxpay_notify_url setting (docs/money.md).
 */
defined('IN_IA') or exit('Access Denied');

header('Cache-Control: no-store');
$fail = '{"code":"FAIL","message":"失败"}';
if (!isset($_SERVER['REQUEST_METHOD']) || $_SERVER['REQUEST_METHOD'] !== 'POST' || !extension_loaded('cloudacct')) {
    http_response_code(isset($_SERVER['REQUEST_METHOD']) && $_SERVER['REQUEST_METHOD'] !== 'POST' ? 405 : 500);
    header('Content-Type: application/json; charset=utf-8');
    exit($fail);
}
$body = (string) file_get_contents('php://input');
$headers = array();
foreach ($_SERVER as $name => $value) {
    if (is_string($value) && strncmp($name, 'HTTP_WECHATPAY_', 15) === 0) {
        $headers[$name] = $value;
    }
}
$reply = array('status' => 500, 'body' => $fail, 'outcome' => 'error');
try {
    $reply = cloudacct_area('Ledger\Payments')->wechatNotify(CloudAcct\Actor::system(cloudacct_ip()), $headers, $body);
} catch (Exception $e) {
    cloudacct_log($e);
} catch (Error $e) {
    cloudacct_log($e);
}
if ($reply['status'] >= 400) {
    // the outcome names what was wrong (bad_signature, amount_mismatch …); never a key
    error_log('[cloudacct] wxpaynotify ' . $reply['status'] . ' ' . $reply['outcome'] . (isset($reply['error']) ? ': ' . $reply['error'] : ''));
}
http_response_code((int) $reply['status']);
if ($reply['body'] !== '') {
    header('Content-Type: application/json; charset=utf-8');
}
exit($reply['body']);
