<?php
/**
 * The dev host's stand-in for WeChat Pay: the cashier's "pay" button posts here. It does what
 * 微擎's payment/wechat/notify.php does after WeChat confirms a payment — find the paylog, require
 * status 0 and the amount, set status 1 (one conditional UPDATE, so a replay settles nothing),
 * call the module's payResult() with from=notify (its output goes to WeChat, not the browser) —
 * and then what the browser's return does: payResult() again with from=return.
 */

declare(strict_types=1);

if (!$_W['ispost'] || !checksubmit('submit')) {
    message('请在收银台页面点击支付', '', 'error');
}
$plid = (int) ($_GPC['plid'] ?? 0);
$log = pdo_get('core_paylog', ['plid' => $plid, 'uniacid' => $_W['uniacid']]);
if (!$log) {
    message('支付记录不存在', '', 'error');
}
if ((int) $log['status'] !== 0) {
    message('这个订单已经支付成功, 不需要重复支付.', '', 'info');
}
$moduleId = (int) pdo_getcolumn('modules', ['name' => $log['module']], 'mid');
$uniontid = date('YmdHis') . sprintf('%06d', $moduleId) . random(8, true);
$transactionId = '4200' . date('Ymd') . random(20, true);
// the notify's checks: unpaid, and the amount WeChat reports equals card_fee
$wxapp = $log['type'] === 'wxapp'; // a mini-program's paylog: 微擎's notify calls the Wxapp class
$won = pdo_query('UPDATE ' . tablename('core_paylog') . ' SET status = 1, type = :t, uniontid = :u WHERE plid = :p AND status = 0 AND card_fee = :f',
    [':t' => $wxapp ? 'wxapp' : 'wechat', ':u' => $uniontid, ':p' => $plid, ':f' => $log['card_fee']]);
if ($won !== 1) {
    message('这个订单已经支付成功, 不需要重复支付.', '', 'info');
}
$ret = [
    'weid' => $log['uniacid'], 'uniacid' => $log['uniacid'], 'acid' => $log['acid'], 'result' => 'success', 'type' => 'wechat',
    'from' => 'notify', 'tid' => $log['tid'], 'uniontid' => $uniontid, 'transaction_id' => $transactionId,
    'trade_type' => 'JSAPI', 'follow' => 1, 'user' => $log['openid'], 'fee' => $log['fee'], 'tag' => iunserializer($log['tag']),
    'is_usecard' => 0, 'card_type' => 0, 'card_fee' => $log['card_fee'], 'card_id' => '', 'paytime' => TIMESTAMP,
];
$site = $wxapp ? WeUtility::createModuleWxapp($log['module']) : WeUtility::createModuleSite($log['module']);
if (!$site || !method_exists($site, 'payResult')) {
    message('模块不能接收支付结果', '', 'error');
}
// notify: 微擎 answers WeChat "success" whatever payResult prints; keep its output in a log
ob_start();
$site->payResult($ret);
$out = ob_get_clean();
@mkdir(IA_ROOT . '/data/logs', 0755, true);
file_put_contents(IA_ROOT . '/data/logs/notify.log', date('c') . " plid=$plid tid={$log['tid']} fee={$log['fee']} output=" . json_encode($out, JSON_UNESCAPED_UNICODE) . "\n", FILE_APPEND);
if ($wxapp) {
    exit('{"errno":0,"message":"支付成功"}'); // a mini-program learns it from wx.requestPayment's success
}
// the browser comes back: from=return
$ret['from'] = 'return';
exit($site->payResult($ret));
