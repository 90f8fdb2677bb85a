<?php
/**
 * 云会计 — what every controller of the module shares: the database (from 微擎's data/config.php,
 * which 微擎 scrubs from $_W), ONE CloudAcct\Store per request, the Actor from $_W, raw input,
 * CSRF, errors as Chinese messages, and escaping on output. Uses only 微擎's API and the
 * cloudacct extension; PHP 7.4 compatible.
 */

defined('IN_IA') or exit('Access Denied');

/** Connection options for CloudAcct\Db\Connection, read from IA_ROOT/data/config.php. */
function cloudacct_db_options()
{
    static $options = null;
    if ($options !== null) {
        return $options;
    }
    $config = array();
    require IA_ROOT . '/data/config.php';
    $m = isset($config['db']['master']) ? $config['db']['master'] : (isset($config['db']) ? $config['db'] : array());
    $options = array(
        'user' => isset($m['username']) ? (string) $m['username'] : '',
        'password' => isset($m['password']) ? (string) $m['password'] : '',
        'database' => isset($m['database']) ? (string) $m['database'] : '',
        'prefix' => isset($m['tablepre']) ? (string) $m['tablepre'] : 'ims_',
    );
    $host = isset($m['host']) ? trim((string) $m['host']) : 'localhost';
    if ($host === '' || $host === 'localhost') {
        // like libmysqlclient/PDO: "localhost" is the Unix socket
        $options['socket'] = cloudacct_socket_path(isset($m['socket']) ? (string) $m['socket'] : '');
    } else {
        $options['host'] = $host;
        $options['port'] = isset($m['port']) && (int) $m['port'] > 0 ? (int) $m['port'] : 3306;
    }
    return $options;
}

/** The MySQL socket: data/config.php's db.master.socket, else PHP's MySQL INI, else the usual paths. */
function cloudacct_socket_path($configured)
{
    $candidates = array($configured, (string) ini_get('pdo_mysql.default_socket'), (string) ini_get('mysqli.default_socket'),
        '/run/mysqld/mysqld.sock', '/var/run/mysqld/mysqld.sock', '/tmp/mysql.sock', '/var/lib/mysql/mysql.sock');
    foreach ($candidates as $path) {
        if ($path !== '' && file_exists($path)) {
            return $path;
        }
    }
    return '/run/mysqld/mysqld.sock';
}

function cloudacct_require_extension()
{
    if (!extension_loaded('cloudacct')) {
        message('云会计扩展 cloudacct 没有加载，请联系服务商在 PHP 中安装并启用 cloudacct.so。', '', 'error');
    }
}

/** The one Store of this request, bound to $_W['uniacid']. */
function cloudacct_store()
{
    global $_W;
    static $store = null;
    if ($store === null) {
        cloudacct_require_extension();
        try {
            $db = new CloudAcct\Db\Connection(cloudacct_db_options());
        } catch (CloudAcct\Exception $e) {
            cloudacct_log($e);
            message('数据库连接失败，请稍后再试。', '', 'error');
        }
        $store = new CloudAcct\Store($db, (int) $_W['uniacid']);
    }
    return $store;
}

/** An area object on the request's Store: cloudacct_area('People\Clients'). */
function cloudacct_area($class)
{
    static $objects = array();
    if (!isset($objects[$class])) {
        $fq = 'CloudAcct\\' . $class;
        $objects[$class] = new $fq(cloudacct_store());
    }
    return $objects[$class];
}

function cloudacct_ip()
{
    global $_W;
    return isset($_W['clientip']) ? (string) $_W['clientip'] : '';
}

/** The backend user as admin ($_W['uid']). */
function cloudacct_admin()
{
    global $_W;
    if (empty($_W['uid'])) {
        message('请先登录管理后台。', '', 'error');
    }
    return CloudAcct\Actor::admin((int) $_W['uid'], cloudacct_ip());
}

function cloudacct_openid()
{
    global $_W;
    return isset($_W['openid']) ? (string) $_W['openid'] : '';
}

/** The client contact bound to this fan, or null. */
function cloudacct_client()
{
    $openid = cloudacct_openid();
    if ($openid === '') {
        return null;
    }
    $id = cloudacct_area('People\Contacts')->resolveByOpenid($openid);
    return $id === null ? null : CloudAcct\Actor::client($id, cloudacct_ip());
}

/** The active staff member bound to this fan, or null. */
function cloudacct_staff()
{
    $openid = cloudacct_openid();
    if ($openid === '') {
        return null;
    }
    $id = cloudacct_area('People\Staff')->resolveByOpenid($openid);
    return $id === null ? null : CloudAcct\Actor::staff($id, cloudacct_ip());
}

// ---------------------------------------------------------------- input (raw, never the escaped $_GPC)

function cloudacct_json_input()
{
    static $input = null;
    if ($input === null) {
        $input = array();
        $body = file_get_contents('php://input');
        if (is_string($body) && $body !== '' && ($body[0] === '{' || $body[0] === '[')) {
            $decoded = json_decode($body, true);
            $input = is_array($decoded) ? $decoded : array();
        }
    }
    return $input;
}

/** A raw string from POST, a JSON body or GET (in that order), trimmed. */
function cloudacct_str($name, $default = '')
{
    $json = cloudacct_json_input();
    foreach (array($_POST, $json, $_GET) as $src) {
        if (isset($src[$name]) && is_scalar($src[$name])) {
            return trim((string) $src[$name]);
        }
    }
    return $default;
}

function cloudacct_int($name, $default = 0)
{
    $v = cloudacct_str($name, '');
    return preg_match('/^-?\d{1,18}$/', $v) ? (int) $v : $default;
}

function cloudacct_has($name)
{
    $json = cloudacct_json_input();
    return isset($_POST[$name]) || isset($json[$name]) || isset($_GET[$name]);
}

/** A raw list of strings (checkboxes name[], or one text split on commas / blanks / 、). */
function cloudacct_list($name)
{
    $json = cloudacct_json_input();
    foreach (array($_POST, $json, $_GET) as $src) {
        if (!isset($src[$name])) {
            continue;
        }
        $v = $src[$name];
        $items = is_array($v) ? $v : preg_split('/[\s,，、;；]+/u', (string) $v);
        $out = array();
        foreach ($items as $item) {
            if (is_scalar($item) && trim((string) $item) !== '') {
                $out[] = trim((string) $item);
            }
        }
        return $out;
    }
    return array();
}

function cloudacct_page()
{
    return max(1, min(100000, cloudacct_int('page', 1)));
}

// ---------------------------------------------------------------- CSRF

/**
 * True when this is a genuine form submission (POST with name="submit" and 微擎's token);
 * false for a plain GET. A POST that fails the token check is refused with a clear page.
 */
function cloudacct_submitted()
{
    global $_W;
    if (empty($_W['ispost'])) {
        return false;
    }
    if (checksubmit('submit')) {
        return true;
    }
    message('表单校验失败：页面已过期或来源不明，请刷新页面后重新提交。', '', 'error');
    return false;
}

// ---------------------------------------------------------------- errors

/** Something the glue refuses before the extension is asked (a Chinese message; $kind names the error for JSON). */
class CloudacctRefused extends Exception
{
    public $kind;

    public function __construct($message, $kind = 'refused')
    {
        parent::__construct($message);
        $this->kind = $kind;
    }
}


function cloudacct_log($e)
{
    error_log('[cloudacct] ' . get_class($e) . ': ' . $e->getMessage() . ' @ ' . $e->getFile() . ':' . $e->getLine());
}

/** What a person may read about an error: the extension's Chinese message, never SQL or traces. */
function cloudacct_error_text($e)
{
    if ($e instanceof CloudAcct\DatabaseException) {
        cloudacct_log($e);
        if ($e instanceof CloudAcct\DuplicateKeyException) {
            return '数据重复：同样的记录已经存在，请检查后再提交。';
        }
        if ($e instanceof CloudAcct\DeadlockException) {
            return '系统繁忙，请稍后再试。';
        }
        return '数据库暂时不可用，请稍后再试。';
    }
    if ($e instanceof CloudAcct\Exception || $e instanceof CloudacctRefused) {
        return $e->getMessage();
    }
    cloudacct_log($e);
    if ($e instanceof ValueError || $e instanceof TypeError) {
        return '请求参数不正确，请返回后重试。';
    }
    return '系统出错了，请稍后再试。';
}

/** Runs $fn; a CloudAcct error (or a bad argument) becomes a message() page / JSON. */
function cloudacct_guard($fn, $redirect = '')
{
    try {
        return $fn();
    } catch (Exception $e) {
        message(cloudacct_error_text($e), $redirect, 'error');
    } catch (Error $e) {
        message(cloudacct_error_text($e), $redirect, 'error');
    }
    return null;
}

// ---------------------------------------------------------------- output

function cloudacct_e($v)
{
    if (is_bool($v)) {
        return $v ? '1' : '0';
    }
    return htmlspecialchars((string) $v, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
}

/** Escapes every string in a view array (keys too); ints, floats, bools and null stay. */
function cloudacct_escape($v)
{
    if (is_array($v)) {
        $out = array();
        foreach ($v as $k => $item) {
            $out[is_string($k) ? cloudacct_e($k) : $k] = cloudacct_escape($item);
        }
        return $out;
    }
    return is_string($v) ? cloudacct_e($v) : $v;
}

function cloudacct_date($ts, $format = 'Y-m-d H:i')
{
    return $ts ? date($format, (int) $ts) : '';
}

function cloudacct_yuan($fen)
{
    return CloudAcct\Money::format((int) $fen);
}

/** Paging links: [['page' => n, 'url' => …, 'current' => bool], …] plus prev/next, for templates; a capped
 * total (a list that stops counting, like Jobs::list) reads "200 以上" and the pager names no last page. */
function cloudacct_pager($total, $page, $perPage, $urlFor, $capped = false)
{
    $pages = max(1, (int) ceil($total / $perPage));
    $links = array();
    $from = max(1, $page - 4);
    $to = min($pages, $from + 8);
    for ($p = $from; $p <= $to; $p++) {
        $links[] = array('page' => $p, 'url' => $urlFor($p), 'current' => $p === $page);
    }
    return array(
        'total' => (int) $total, 'total_label' => $capped ? $total . ' 以上' : (string) $total, 'capped' => (bool) $capped,
        'page' => $page, 'pages' => $pages, 'links' => $links,
        'prev' => $page > 1 ? $urlFor($page - 1) : '', 'next' => $page < $pages ? $urlFor($page + 1) : '',
    );
}

/** Labels shared by several pages. */
function cloudacct_labels($kind)
{
    $all = array(
        'client_status' => array('active' => '服务中', 'paused' => '暂停', 'terminated' => '已终止'),
        'taxpayer_type' => array('small' => '小规模纳税人', 'general' => '一般纳税人'),
        'contact_role' => array('owner' => '负责人', 'finance' => '财务', 'member' => '其他'),
        'registration_status' => array('pending' => '待审核', 'approved' => '已通过', 'rejected' => '已拒绝'),
        'actor_kind' => array('admin' => '管理员', 'staff' => '员工', 'client' => '客户', 'system' => '系统'),
        'price_type' => array('one_off' => '一次性', 'monthly' => '按月', 'quarterly' => '按季', 'yearly' => '按年'),
        'dispatch_mode' => array('grab' => '抢单', 'direct' => '管理员派单', 'exclusive' => '专属会计'),
    );
    return isset($all[$kind]) ? $all[$kind] : array();
}

/**
 * Rendering for the module's classes: escapes every view variable, puts them in scope, and
 * includes the compiled template (微擎's $this->template()), so {$name} in a template is safe.
 */
trait CloudacctView
{
    protected function render($template, array $vars = array())
    {
        global $_W, $_GPC;
        $__vars = cloudacct_escape($vars);
        extract($__vars, EXTR_SKIP);
        include $this->template($template);
        exit;
    }

    /** The do/op URLs templates need, built here so that they can be escaped like the rest. */
    protected function webUrl($do, $query = array())
    {
        return $this->createWebUrl($do, $query);
    }

    protected function mobileUrl($do, $query = array())
    {
        return $this->createMobileUrl($do, $query);
    }
}

/** Install / upgrade: the extension's migrations on 微擎's database. */
function cloudacct_migrate()
{
    if (!extension_loaded('cloudacct')) {
        throw new RuntimeException('云会计扩展 cloudacct 没有加载：请先在 PHP 中安装并启用 cloudacct.so，再安装本模块。');
    }
    $db = new CloudAcct\Db\Connection(cloudacct_db_options());
    try {
        CloudAcct\Db\Schema::migrate($db);
    } catch (CloudAcct\Exception $e) {
        cloudacct_log($e);
        throw new RuntimeException('云会计数据表安装失败：' . cloudacct_error_text($e));
    }
    $db->close();
}

/** Hidden fields that keep a GET filter form on its page (a GET form drops its action's query). */
function cloudacct_route_fields($do, $mobile = false)
{
    global $_W;
    $fields = $mobile
        ? array('i' => (int) $_W['uniacid'], 'c' => 'entry', 'm' => 'cloudacct', 'do' => $do)
        : array('c' => 'site', 'a' => 'entry', 'm' => 'cloudacct', 'do' => $do, 'w7i' => (int) $_W['uniacid']);
    $out = array();
    foreach ($fields as $k => $v) {
        $out[] = array('name' => $k, 'value' => (string) $v);
    }
    return $out;
}

/**
 * Runs a write; on failure fills $error = ['message' => …, 'field' => …] for the form to show
 * next to the field, and returns false. Success returns true (the result in $result).
 */
function cloudacct_attempt($fn, &$error, &$result = null)
{
    try {
        $result = $fn();
        return true;
    } catch (Exception $e) {
        $error = array('message' => cloudacct_error_text($e), 'field' => $e instanceof CloudAcct\ValidationException ? $e->getField() : '');
    } catch (Error $e) {
        $error = array('message' => cloudacct_error_text($e), 'field' => '');
    }
    return false;
}

/** Store options for selects: [['id' => …, 'name' => …, 'active' => …], …]. */
function cloudacct_store_options($actor, $includeInactive = false)
{
    return cloudacct_guard(function () use ($actor, $includeInactive) {
        return cloudacct_area('People\Stores')->list($actor, $includeInactive);
    });
}

/**
 * Active staff for pickers (admin): id, name, store_id, store_name, open_jobs, open_job_cap,
 * on_duty of the staff the admin may assign, from one statement (Staff::options).
 */
function cloudacct_staff_options($admin)
{
    return cloudacct_guard(function () use ($admin) {
        return cloudacct_area('People\Staff')->options($admin);
    });
}

/** An uploaded image through 微擎's file_upload (type whitelist, size limit, random name). */
function cloudacct_upload_image($field, &$error)
{
    if (empty($_FILES[$field]) || !isset($_FILES[$field]['error']) || $_FILES[$field]['error'] === UPLOAD_ERR_NO_FILE) {
        return '';
    }
    load()->func('file');
    $r = file_upload($_FILES[$field], 'image');
    if (is_error($r)) {
        $error = array('message' => '图片上传失败：' . $r['message'], 'field' => $field);
        return false;
    }
    return $r['path'];
}
