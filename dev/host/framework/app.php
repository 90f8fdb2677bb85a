<?php
/**
 * app/index.php — the H5 and mini-program side. Routes as 微擎 does:
 *   i=<uniacid> is mandatory (else 404)
 *   c=entry&do=<do>&m=<id>           → <Id>ModuleSite::doMobile<Do>()
 *   c=entry&a=wxapp&do=<do>&m=<id>   → <Id>ModuleWxapp::doPage<Do>()
 *   c=mc&a=cash&do=devpay            → the dev host's stand-in for WeChat Pay + payment/wechat/notify.php
 * Identity: the session (PHPSESSID cookie or state=we7sid-<sid>) holds the fan's openid.
 */

declare(strict_types=1);

define('IN_MOBILE', true);
require __DIR__ . '/bootstrap.php';

we7_host_bootstrap();

$uniacid = (int) ($_GET['i'] ?? $_GET['weid'] ?? 0);
if ($uniacid <= 0 || !we7_host_account($uniacid)) {
    we7_host_404('Access Denied');
}
$c = preg_replace('/[^a-z0-9_-]/i', '', (string) ($_GET['c'] ?? 'home'));
$a = preg_replace('/[^a-z0-9_-]/i', '', (string) ($_GET['a'] ?? ''));
$do = preg_replace('/[^a-z0-9_]/i', '', (string) ($_GET['do'] ?? ''));
$moduleName = strtolower((string) ($_GET['m'] ?? ''));

$sid = null;
if (preg_match('/^we7sid-([a-zA-Z0-9]+)$/', (string) ($_GET['state'] ?? ''), $mm)) {
    $sid = $mm[1];
}
we7_host_session_start($sid);
$_W['session_id'] = session_id();
$_W['openid'] = (string) ($_SESSION['openid'] ?? '');
$_W['fans'] = $_W['openid'] !== '' ? mc_fansinfo($_W['openid']) : [];
$_W['member'] = !empty($_W['fans']['uid']) ? mc_fetch($_W['fans']['uid']) : [];
$_W['uid'] = (int) ($_W['member']['uid'] ?? 0);
$_W['oauth_account'] = $_W['account'];
$_W['platform'] = 'account';
$_W['current_module'] = $moduleName !== '' ? module_fetch($moduleName) : [];
$_W['token'] = token();

if ($c === 'entry') {
    $module = module_fetch($moduleName);
    $enabled = $module && pdo_getcolumn('uni_account_modules', ['uniacid' => $uniacid, 'module' => $moduleName], 'enabled');
    if (!$enabled) {
        message('抱歉，模块不存在或是已经被删除！', '', 'error');
    }
    if ($a === 'wxapp') {
        $app = WeUtility::createModuleWxapp($moduleName) or message('模块不支持小程序', '', 'error');
        if (!empty($app->token)) {
            // checkSign(): md5 of the ksorted query (less sign) + token
            $q = $_GET;
            unset($q['sign']);
            ksort($q);
            if (!hash_equals(md5(http_build_query($q) . $app->token), (string) ($_GET['sign'] ?? ''))) {
                $app->result(1, '签名错误');
            }
        }
        $method = 'doPage' . ucfirst($do);
        exit($app->$method());
    }
    $site = WeUtility::createModuleSite($moduleName) or message('模块缺少 site.php', '', 'error');
    $method = 'doMobile' . ucfirst($do);
    exit($site->$method());
}

if ($c === 'mc' && $a === 'cash' && $do === 'devpay') {
    require __DIR__ . '/cashier.php';
    exit;
}

we7_host_404('Not Found');
