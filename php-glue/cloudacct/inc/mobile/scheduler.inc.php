<?php
/**
 * 定时任务 (the manifest's direct function binding do=scheduler): one pass of every due task for
 * this uniacid — work scheduler, billing run slice, dunning, notices sender. Protected by the
 * scheduler secret from data/config.php ($config['cloudacct']['scheduler_secret'] or the constant
 * CLOUDACCT_SCHEDULER_SECRET), given as ?key=… or the X-CloudAcct-Key header and compared in
 * constant time; without a configured secret every call is refused. Answers JSON.
 *   crontab: * * * * * curl -s 'https://<site>/app/index.php?i=<uniacid>&c=entry&m=cloudacct&do=scheduler&key=<secret>'
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

header('Content-Type: application/json; charset=utf-8');
header('Cache-Control: no-store');
$secret = cloudacct_scheduler_secret();
$given = isset($_SERVER['HTTP_X_CLOUDACCT_KEY']) ? (string) $_SERVER['HTTP_X_CLOUDACCT_KEY'] : (isset($_GET['key']) && is_string($_GET['key']) ? $_GET['key'] : '');
if (strlen($secret) < 16) {
    http_response_code(403);
    exit(json_encode(array('errno' => 1, 'message' => '调度入口未启用：请在 data/config.php 中设置 $config[\'cloudacct\'][\'scheduler_secret\']（至少 16 个字符）。'), JSON_UNESCAPED_UNICODE));
}
if (!hash_equals($secret, $given)) {
    http_response_code(403);
    exit(json_encode(array('errno' => 1, 'message' => '调度密钥不正确。'), JSON_UNESCAPED_UNICODE));
}
cloudacct_require_extension();
$uniacid = (int) $_W['uniacid'];
$token = function ($force) use ($uniacid) {
    global $_W;
    if (empty($_W['account']) || !is_object($_W['account'])) {
        throw new RuntimeException('no WeChat account');
    }
    if ($force && function_exists('cache_delete') && function_exists('cache_system_key')) {
        cache_delete(cache_system_key('accesstoken', array('uniacid' => $uniacid)));
    }
    $t = $_W['account']->getAccessToken();
    if (is_error($t) || !is_string($t) || $t === '') {
        throw new RuntimeException('access token unavailable');
    }
    return $t;
};
@set_time_limit(120);
$report = cloudacct_scheduler_pass(cloudacct_store(), $token, max(1, min(1000, cloudacct_int('limit', 100))));
exit(json_encode(array('errno' => 0, 'uniacid' => $uniacid, 'tasks' => $report), JSON_UNESCAPED_UNICODE));
