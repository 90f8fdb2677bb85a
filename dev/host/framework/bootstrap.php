<?php
/**
 * The dev host's bootstrap: what 微擎's framework/bootstrap.inc.php (+ the web and app
 * bootstraps) establish before a module runs — IN_IA, IA_ROOT, ATTACHMENT_ROOT, TIMESTAMP, the
 * database from data/config.php (then scrubbed from $_W like 微擎 does), $_GPC (GET + prefixed
 * cookies + POST, HTML-escaped; a JSON body as unescaped __input) and the common $_W keys.
 *
 * IA_ROOT is the site directory dev/host/setup.php wrote (data/config.php, attachment/,
 * addons/cloudacct → php-glue/cloudacct, data/tpl/ for compiled templates).
 */

declare(strict_types=1);

define('IN_IA', true);
define('WE7_HOST_ROOT', dirname(__DIR__));
defined('IA_ROOT') or define('IA_ROOT', rtrim((string) (getenv('WE7_HOST_SITE') ?: $_SERVER['DOCUMENT_ROOT']), '/'));
define('ATTACHMENT_ROOT', IA_ROOT . '/attachment/');
define('TIMESTAMP', time());
define('DEVELOPMENT', 1);
define('IMS_FAMILY', 'c');
define('IMS_VERSION', '2.7.93');

require __DIR__ . '/pdo.php';
require __DIR__ . '/functions.php';
require __DIR__ . '/classes.php';
require __DIR__ . '/session.php';

$_HOST = [];
$_W = [];
$_GPC = [];

/** Reads data/config.php in a function scope, as 微擎's bootstrap does. */
function we7_host_read_config(): array
{
    $file = IA_ROOT . '/data/config.php';
    if (!is_file($file)) {
        http_response_code(500);
        exit('dev host: ' . $file . ' is missing (run dev/host/setup.php)');
    }
    $config = [];
    require $file;
    return $config;
}

function we7_host_bootstrap(): void
{
    global $_W, $_GPC, $_HOST;
    if (PHP_SAPI !== 'cli') {
        // 微擎's bootstrap buffers the page, so a template may still set headers and cookies (the
        // backend header clears the toast cookie after the page has started to render)
        ob_start();
    }
    $config = we7_host_read_config();
    date_default_timezone_set($config['setting']['timezone'] ?? 'Asia/Shanghai');
    $_HOST['dbconfig'] = $config['db']['master'] ?? $config['db'];
    $_W['config'] = $config;
    // connecting scrubs the credentials from $_W (framework/class/db.class.php)
    we7_host_db();
    $_W['config']['db'] = ['tablepre' => $_HOST['dbconfig']['tablepre'], 'slave_status' => $config['db']['slave_status'] ?? false];

    $_W['timestamp'] = TIMESTAMP;
    $_W['charset'] = 'utf-8';
    $_W['clientip'] = $_SERVER['REMOTE_ADDR'] ?? '127.0.0.1';
    $_W['ishttps'] = !empty($_SERVER['HTTPS']) && $_SERVER['HTTPS'] !== 'off';
    $_W['sitescheme'] = $_W['ishttps'] ? 'https://' : 'http://';
    $_W['script_name'] = $_SERVER['SCRIPT_NAME'] ?? '/index.php';
    $host = $_SERVER['HTTP_HOST'] ?? '127.0.0.1';
    $_W['siteroot'] = $_W['sitescheme'] . $host . '/';
    $_W['siteurl'] = $_W['sitescheme'] . $host . ($_SERVER['REQUEST_URI'] ?? '/');
    $_W['ispost'] = ($_SERVER['REQUEST_METHOD'] ?? 'GET') === 'POST';
    $_W['isajax'] = strtolower($_SERVER['HTTP_X_REQUESTED_WITH'] ?? '') === 'xmlhttprequest';
    $_W['attachurl'] = $_W['attachurl_local'] = $_W['siteroot'] . 'attachment/';
    $_W['template'] = 'default';
    $_W['setting'] = [
        'upload' => [
            'image' => ['extentions' => ['gif', 'jpg', 'jpeg', 'png'], 'limit' => 2048],
            'audio' => ['extentions' => ['mp3', 'wma', 'wav', 'amr', 'pdf', 'xls', 'xlsx', 'doc', 'docx', 'zip'], 'limit' => 10240],
            'voice' => ['extentions' => ['mp3', 'wma', 'wav', 'amr'], 'limit' => 2048],
            'video' => ['extentions' => ['rm', 'rmvb', 'wmv', 'avi', 'mpg', 'mpeg', 'mp4'], 'limit' => 20480],
        ],
        'remote' => ['type' => 0],
    ];
    $ua = $_SERVER['HTTP_USER_AGENT'] ?? '';
    $_W['os'] = preg_match('/iPhone|iPad|Android|Mobile/i', $ua) ? 'mobile' : 'windows';
    $_W['container'] = match (true) {
        str_contains($ua, 'wxwork') => 'workwechat',
        str_contains($ua, 'MicroMessenger') => 'wechat',
        str_contains($ua, 'Android') => 'android',
        str_contains($ua, 'iPhone') => 'iphone',
        str_contains($ua, 'iPad') => 'ipad',
        default => 'unknown',
    };

    // $_GPC: GET, then cookies carrying the site prefix (prefix stripped), then POST; escaped
    $pre = $config['cookie']['pre'];
    $cookies = [];
    foreach ($_COOKIE as $k => $v) {
        if (str_starts_with((string) $k, $pre)) {
            $cookies[substr((string) $k, strlen($pre))] = $v;
        }
    }
    $_GPC = ihtmlspecialchars(array_merge($_GET, $cookies, $_POST));
    $body = file_get_contents('php://input');
    if ($body !== '' && $body !== false && !$_POST && (str_contains($_SERVER['CONTENT_TYPE'] ?? '', 'json') || $body[0] === '{' || $body[0] === '[')) {
        $input = json_decode($body, true);
        if (is_array($input)) {
            $_GPC['__input'] = $input;
            $_W['isajax'] = true;
        }
    }
}

/** Loads the platform account row into $_W (uniacid, acid, account, uniaccount). */
function we7_host_account(int $uniacid): bool
{
    global $_W;
    $row = pdo_fetch('SELECT a.uniacid, a.name, w.acid, w.`key`, w.secret, w.level, w.token, w.encodingaeskey FROM '
        . tablename('uni_account') . ' a JOIN ' . tablename('account_wechats') . ' w ON w.uniacid = a.uniacid WHERE a.uniacid = :u',
        [':u' => $uniacid]);
    if (!$row) {
        return false;
    }
    $row['type'] = 1;
    $row['type_sign'] = 'account';
    $_W['uniacid'] = $_W['weid'] = (int) $row['uniacid'];
    $_W['acid'] = (int) $row['acid'];
    $_W['account'] = new We7HostAccount($row);
    $_W['uniaccount'] = $_W['account'];
    return true;
}

/** The backend session cookie: uid and an HMAC of it with the site's authkey. */
function we7_host_web_cookie_value(int $uid): string
{
    global $_W;
    return base64_encode($uid . ':' . hash_hmac('sha256', "web-login:$uid", $_W['config']['setting']['authkey']));
}

function we7_host_web_uid(): int
{
    global $_W;
    $raw = (string) ($_COOKIE[$_W['config']['cookie']['pre'] . '__session'] ?? '');
    $decoded = base64_decode($raw, true);
    if ($decoded === false || !preg_match('/^(\d+):([0-9a-f]{64})$/', $decoded, $m)) {
        return 0;
    }
    return hash_equals(hash_hmac('sha256', "web-login:{$m[1]}", $_W['config']['setting']['authkey']), $m[2]) ? (int) $m[1] : 0;
}

/** Installed module row and the bindings of one kind. */
function we7_host_bindings(string $module, string $entry): array
{
    return pdo_getall('modules_bindings', ['module' => $module, 'entry' => $entry], [], '', 'displayorder DESC, eid ASC');
}

function we7_host_404(string $what): never
{
    http_response_code(404);
    header('Content-Type: text/plain; charset=utf-8');
    exit($what);
}
