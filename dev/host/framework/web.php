<?php
/**
 * web/index.php — the backend. Routes as 微擎 does:
 *   c=site&a=entry&do=<do>&m=<id> (or module_name=<id>)   → <Id>ModuleSite::doWeb<Do>()
 *   c=module&a=manage-account&do=setting&m=<id>           → <Id>Module::settingsDisplay($config)
 *   c=module&a=manage-system                              → install / upgrade / uninstall
 *   c=home (default)                                      → the module's menu
 * Login is the dev host's identity switcher (/switch.php); entries bound direct="true" need none.
 */

declare(strict_types=1);

define('IN_SYS', true);
require __DIR__ . '/bootstrap.php';
require __DIR__ . '/modules.php';

we7_host_bootstrap();

$c = preg_replace('/[^a-z0-9_-]/i', '', (string) ($_GET['c'] ?? 'home'));
$a = preg_replace('/[^a-z0-9_-]/i', '', (string) ($_GET['a'] ?? ''));
$do = preg_replace('/[^a-z0-9_]/i', '', (string) ($_GET['do'] ?? ''));
$moduleName = strtolower((string) ($_GET['m'] ?? $_GET['module_name'] ?? ''));

// the account: w7i / uniacid, else the __uniacid cookie, else the first account
$uniacid = (int) ($_GET['w7i'] ?? $_GET['uniacid'] ?? $_GPC['__uniacid'] ?? 0);
if ($uniacid <= 0 || !pdo_get('uni_account', ['uniacid' => $uniacid])) {
    $uniacid = (int) pdo_getcolumn('uni_account', [], 'MIN(uniacid)');
}
we7_host_account($uniacid) or we7_host_404('没有公众号');
isetcookie('__uniacid', (string) $uniacid, 7 * 86400);
$_W['current_module'] = $moduleName !== '' ? module_fetch($moduleName) : [];

// direct entries (callbacks, the scheduler) skip login
$direct = false;
if ($c === 'site' && $a === 'entry' && $moduleName !== '') {
    $direct = (bool) pdo_get('modules_bindings', ['module' => $moduleName, 'do' => $do, 'direct' => 1]);
}

$_W['uid'] = we7_host_web_uid();
$user = $_W['uid'] ? pdo_get('users', ['uid' => $_W['uid'], 'status' => 2]) : false;
if (!$user) {
    $_W['uid'] = 0;
    if (!$direct) {
        header('Location: /switch.php?next=' . rawurlencode($_SERVER['REQUEST_URI'] ?? '/web/index.php'));
        exit;
    }
} else {
    $_W['user'] = $user;
    $_W['username'] = $user['username'];
    $_W['isfounder'] = (int) $user['founder_groupid'] === 1;
    $_W['role'] = $_W['highest_role'] = $_W['isfounder'] ? 'founder' : (pdo_getcolumn('uni_account_users', ['uniacid' => $uniacid, 'uid' => $_W['uid']], 'role') ?: 'operator');
    $_W['isadmin'] = $_W['isfounder'];
}
$_W['token'] = token();
$_W['iscontroller'] = 0;

if ($c === 'site' && $a === 'entry') {
    $module = module_fetch($moduleName) or message('模块不存在或未安装', '', 'error');
    $site = WeUtility::createModuleSite($moduleName) or message('模块缺少 site.php', '', 'error');
    if ($do === '') {
        $first = we7_host_bindings($moduleName, 'menu')[0] ?? null;
        $do = $first['do'] ?? '';
    }
    $method = 'doWeb' . ucfirst($do);
    exit($site->$method());
}

if ($c === 'module' && $a === 'manage-account' && $do === 'setting') {
    $module = module_fetch($moduleName) or message('模块不存在或未安装', '', 'error');
    $obj = WeUtility::createModule($moduleName) or message('模块缺少 module.php', '', 'error');
    exit((string) $obj->settingsDisplay($module['config']));
}

if ($c === 'module' && $a === 'manage-system') {
    if (!$_W['isfounder']) {
        message('只有创始人可以管理模块', '', 'error');
    }
    $target = strtolower((string) ($_GPC['module_name'] ?? ''));
    if (in_array($do, ['install', 'upgrade', 'uninstall'], true)) {
        if (!checksubmit('submit')) {
            message('请从模块管理页面提交（缺少令牌）', url('module/manage-system'), 'error');
        }
        $fn = 'we7_module_' . $do;
        try {
            $r = $fn($target);
        } catch (Throwable $e) {
            $r = error(1, $e->getMessage());
        }
        if (is_error($r)) {
            message($r['message'], url('module/manage-system'), 'error');
        }
        message(['install' => '模块安装成功', 'upgrade' => '模块更新成功', 'uninstall' => '模块已卸载'][$do], url('module/manage-system'), 'success');
    }
    $modules = [];
    foreach (glob(IA_ROOT . '/addons/*/manifest.xml') as $f) {
        $name = basename(dirname($f));
        $m = we7_module_manifest($name);
        $modules[] = ['name' => $name, 'manifest' => is_error($m) ? null : $m, 'error' => is_error($m) ? $m['message'] : '',
            'installed' => pdo_get('modules', ['name' => $name])];
    }
    include template('module/manage-system', TEMPLATE_INCLUDEPATH);
    exit;
}

// home: every installed module's menu
$modules = pdo_getall('modules');
include template('home/welcome', TEMPLATE_INCLUDEPATH);
