<?php
/**
 * 云会计 scheduler, from cron (command line only):
 *
 *   * * * * * php /www/wwwroot/<site>/addons/cloudacct/cli/scheduler.php >> /var/log/cloudacct-scheduler.log 2>&1
 *
 * Options: --root=DIR (the 微擎 site; default: three folders up from this file as typed, then the
 * real path), --uniacid=1,2 (default: every account with the module enabled), --limit=N (rows per
 * task, default 100), --weengine (load 微擎's framework/bootstrap.inc.php so that WeChat notices
 * can use 微擎's access token; without it WeChat notices wait for the web entry do=scheduler and
 * SMS are sent here). Database credentials come from <root>/data/config.php like the module's.
 * Runs the same pass as the direct entry: work scheduler, billing slice, dunning, notices. Safe
 * to run from several processes at once. Prints one JSON line per uniacid; exit 1 if a task failed.
 */

if (PHP_SAPI !== 'cli') {
    http_response_code(404);
    exit;
}
$opts = getopt('', array('root:', 'uniacid:', 'limit:', 'weengine', 'help'));
if (isset($opts['help'])) {
    fwrite(STDOUT, "usage: php scheduler.php [--root=DIR] [--uniacid=1,2] [--limit=100] [--weengine]\n");
    exit(0);
}
$script = isset($_SERVER['SCRIPT_FILENAME']) ? (string) $_SERVER['SCRIPT_FILENAME'] : __FILE__;
if ($script !== '' && $script[0] !== '/') {
    $script = getcwd() . '/' . $script;
}
$candidates = isset($opts['root']) ? array((string) $opts['root']) : array(dirname($script, 4), dirname(__DIR__, 3));
$root = '';
foreach ($candidates as $dir) {
    if (is_file($dir . '/data/config.php')) {
        $root = rtrim($dir, '/');
        break;
    }
}
if ($root === '') {
    fwrite(STDERR, "cloudacct scheduler: 找不到微擎的 data/config.php，请用 --root=微擎站点目录 指定\n");
    exit(2);
}
if (!extension_loaded('cloudacct')) {
    fwrite(STDERR, "cloudacct scheduler: 命令行 PHP 没有加载 cloudacct 扩展（php -m 查看；或用 php -d extension=cloudacct.so 运行）\n");
    exit(2);
}
$weengine = isset($opts['weengine']) && is_file($root . '/framework/bootstrap.inc.php');
if ($weengine) {
    require $root . '/framework/bootstrap.inc.php'; // defines IN_IA and IA_ROOT
} else {
    define('IN_IA', true);
    define('IA_ROOT', $root);
}
require_once __DIR__ . '/../inc/bootstrap.php';
require_once __DIR__ . '/../inc/pages.php';

$limit = isset($opts['limit']) ? max(1, min(1000, (int) $opts['limit'])) : 100;
try {
    $options = cloudacct_db_options();
    $db = new CloudAcct\Db\Connection($options);
    if (isset($opts['uniacid'])) {
        $uniacids = array_values(array_filter(array_map('intval', explode(',', (string) $opts['uniacid']))));
    } else {
        $prefix = preg_match('/^[A-Za-z0-9_]*$/', $options['prefix']) ? $options['prefix'] : 'ims_';
        $uniacids = array();
        foreach ($db->query('SELECT DISTINCT uniacid FROM `' . $prefix . "uni_account_modules` WHERE module = 'cloudacct' AND enabled = 1 ORDER BY uniacid") as $row) {
            $uniacids[] = (int) $row['uniacid'];
        }
    }
} catch (Exception $e) {
    fwrite(STDERR, 'cloudacct scheduler: ' . cloudacct_error_text($e) . "\n");
    exit(1);
}
$failed = false;
foreach ($uniacids as $uniacid) {
    $token = function ($force) use ($uniacid, $weengine) {
        if (!$weengine || !class_exists('WeAccount')) {
            throw new RuntimeException('no access token on the command line without --weengine');
        }
        if ($force) {
            cache_delete(cache_system_key('accesstoken', array('uniacid' => $uniacid)));
        }
        $t = WeAccount::createByUniacid($uniacid)->getAccessToken();
        if (is_error($t) || !is_string($t) || $t === '') {
            throw new RuntimeException('access token unavailable');
        }
        return $t;
    };
    $report = cloudacct_scheduler_pass(new CloudAcct\Store($db, $uniacid), $token, $limit);
    foreach ($report as $task) {
        if (is_array($task) && isset($task['error'])) {
            $failed = true;
        }
    }
    fwrite(STDOUT, json_encode(array('at' => date('c'), 'uniacid' => $uniacid, 'tasks' => $report), JSON_UNESCAPED_UNICODE) . "\n");
}
exit($failed ? 1 : 0);
