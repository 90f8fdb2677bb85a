<?php
/**
 * The global functions a 微擎 module may call (framework/function/*.func.php, web/common,
 * app/common), written for the dev host from the behaviour recorded in
 * /work/shared/reference/weengine-module-contract.md. Names, arguments and return shapes follow
 * 微擎; the bodies are the host's own.
 */

declare(strict_types=1);

const TEMPLATE_DISPLAY = 0;
const TEMPLATE_FETCH = 1;
const TEMPLATE_INCLUDEPATH = 2;

// ---------------------------------------------------------------- errors, serialisation, misc

function error($errno, $message = '')
{
    return ['errno' => $errno, 'message' => $message];
}

function is_error($data)
{
    return is_array($data) && array_key_exists('errno', $data) && $data['errno'] != 0;
}

function iserializer($value)
{
    return serialize($value);
}

function iunserializer($value)
{
    if (!is_string($value) || $value === '') {
        return $value;
    }
    $v = @unserialize($value, ['allowed_classes' => false]);
    return $v === false && $value !== serialize(false) ? $value : $v;
}

function random($length, $numeric = false)
{
    $chars = $numeric ? '0123456789' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    $out = '';
    for ($i = 0; $i < $length; $i++) {
        $out .= $chars[random_int(0, strlen($chars) - 1)];
    }
    return $out;
}

function ihtmlspecialchars($var)
{
    if (is_array($var)) {
        $out = [];
        foreach ($var as $k => $v) {
            $out[is_string($k) ? htmlspecialchars($k, ENT_QUOTES) : $k] = ihtmlspecialchars($v);
        }
        return $out;
    }
    return str_replace('&amp;', '&', htmlspecialchars((string) $var, ENT_QUOTES));
}

function strexists($string, $find)
{
    return strpos((string) $string, (string) $find) !== false;
}

function istrlen($string, $charset = '')
{
    return (int) preg_match_all('/./us', (string) $string);
}

function safe_gpc_int($value, $default = 0)
{
    return is_numeric($value) ? (int) $value : (int) $default;
}

function safe_gpc_string($value, $default = '')
{
    return is_scalar($value) ? trim((string) $value) : $default;
}

function safe_gpc_array($value, $default = [])
{
    return is_array($value) ? $value : $default;
}

// ---------------------------------------------------------------- loader

final class We7HostLoader
{
    /** 微擎's loader includes framework files; the host has them all loaded already. */
    public function __call($name, $args)
    {
        return true;
    }
}

function load()
{
    static $loader;
    return $loader ??= new We7HostLoader();
}

// ---------------------------------------------------------------- cache (MySQL table ims_core_cache)

function cache_read($key)
{
    $row = pdo_get('core_cache', ['key' => $key]);
    if (!$row) {
        return '';
    }
    $data = iunserializer($row['value']);
    if (is_array($data) && isset($data['expire'], $data['data']) && count($data) === 2) {
        return $data['expire'] > time() ? $data['data'] : '';
    }
    return $data;
}

function cache_write($key, $data, $expire = 0)
{
    $value = $expire > 0 ? ['expire' => time() + $expire, 'data' => $data] : $data;
    return pdo_insert('core_cache', ['key' => $key, 'value' => iserializer($value)], true) > 0;
}

function cache_load($key)
{
    static $memo = [];
    return $memo[$key] ??= cache_read($key);
}

function cache_delete($key)
{
    return pdo_delete('core_cache', ['key' => $key]);
}

function cache_clean($prefix = '')
{
    return $prefix === '' ? pdo_delete('core_cache') : pdo_delete('core_cache', ['key LIKE' => $prefix . '%']);
}

function cache_system_key($name, $params = [])
{
    $key = 'we7:' . $name;
    foreach ((array) $params as $v) {
        $key .= ':' . $v;
    }
    return $key;
}

function cache_build_module_info($module)
{
    cache_clean(cache_system_key('module_info', [$module]));
    cache_clean(cache_system_key('module_setting', [$module]));
}

// ---------------------------------------------------------------- URLs

function we7_query(array $params): string
{
    return http_build_query($params, '', '&');
}

/** Backend: url('c/a/do', [...]) → ./index.php?c=…&a=…&do=…&… */
function url($segment, $params = [], $contain_domain = false)
{
    global $_W;
    $parts = explode('/', (string) $segment);
    $q = ['c' => $parts[0] ?? ''];
    if (($parts[1] ?? '') !== '') {
        $q['a'] = $parts[1];
    }
    if (($parts[2] ?? '') !== '') {
        $q['do'] = $parts[2];
    }
    $q += (array) $params;
    $url = './index.php?' . we7_query($q);
    return $contain_domain ? $_W['siteroot'] . 'web/' . substr($url, 2) : $url;
}

/** Backend URL with the account selector. */
function wurl($segment, $params = [], $contain_domain = false)
{
    global $_W;
    $params = (array) $params;
    if (isset($params['m']) && !isset($params['module_name'])) {
        $params = ['do' => $params['do'] ?? '', 'module_name' => $params['m']] + $params;
        unset($params['m']);
    }
    $params['w7i'] = $params['w7i'] ?? $_W['uniacid'];
    return url($segment, $params, $contain_domain);
}

/** App (H5) URL: murl('entry', [...]) → ./index.php?i=<uniacid>&c=entry&… */
function murl($segment, $params = [], $noredirect = true, $addhost = false)
{
    global $_W;
    $parts = explode('/', (string) $segment);
    $q = ['i' => $_W['uniacid'], 'c' => $parts[0]];
    if (($parts[1] ?? '') !== '') {
        $q['a'] = $parts[1];
    }
    if (($parts[2] ?? '') !== '') {
        $q['do'] = $parts[2];
    }
    $q += (array) $params;
    $url = './index.php?' . we7_query($q);
    if (!$noredirect) {
        $url .= '&wxref=mp.weixin.qq.com#wechat_redirect';
    }
    return $addhost ? $_W['siteroot'] . 'app/' . substr($url, 2) : $url;
}

function tomedia($src, $local_path = false, $is_cahce = false)
{
    global $_W;
    $src = trim((string) $src);
    if ($src === '') {
        return '';
    }
    if (preg_match('#^(https?:)?//#i', $src) || str_starts_with($src, 'data:image/')) {
        return $src;
    }
    return ($local_path ? $_W['attachurl_local'] : $_W['attachurl']) . ltrim($src, '/');
}

// ---------------------------------------------------------------- messages

function we7_is_ajax(): bool
{
    global $_W;
    return !empty($_W['isajax']);
}

function message($msg, $redirect = '', $type = '', $tips = false, $extend = [])
{
    global $_W, $_GPC;
    if ($redirect === 'refresh') {
        $redirect = $_W['script_name'] . '?' . ($_SERVER['QUERY_STRING'] ?? '');
    } elseif ($redirect === 'referer') {
        $redirect = $_SERVER['HTTP_REFERER'] ?? './index.php';
    }
    if ($type === '') {
        $type = $redirect === '' ? 'error' : 'success';
    }
    if ($type === 'ajax' || we7_is_ajax()) {
        header('Content-Type: application/json; charset=utf-8');
        $payload = is_array($msg) ? $msg : (string) $msg;
        exit(json_encode(['message' => $payload, 'redirect' => $redirect, 'type' => $type], JSON_UNESCAPED_UNICODE));
    }
    if (is_array($msg)) {
        $msg = $msg['message'] ?? json_encode($msg, JSON_UNESCAPED_UNICODE);
    }
    $label = ['success' => '操作成功', 'error' => '操作失败', 'info' => '提示', 'warning' => '警告'][$type] ?? '提示';
    include template('common/message', TEMPLATE_INCLUDEPATH);
    exit;
}

/** Backend toast: a message carried in a cookie to the next page, then a redirect. */
function itoast($msg, $redirect = '', $type = '')
{
    global $_W;
    if ($redirect === '' || we7_is_ajax()) {
        message($msg, $redirect, $type ?: 'info');
    }
    if ($redirect === 'refresh') {
        $redirect = $_W['script_name'] . '?' . ($_SERVER['QUERY_STRING'] ?? '');
    } elseif ($redirect === 'referer') {
        $redirect = $_SERVER['HTTP_REFERER'] ?? './index.php';
    }
    isetcookie('message', base64_encode(json_encode(['title' => (string) $msg, 'type' => $type ?: 'success'], JSON_UNESCAPED_UNICODE)), 30);
    header('Location: ' . $redirect);
    exit;
}

function iajax($code = 0, $message = '', $redirect = '')
{
    header('Content-Type: application/json; charset=utf-8');
    exit(json_encode(['message' => ['errno' => $code, 'message' => $message], 'redirect' => $redirect, 'type' => 'ajax'], JSON_UNESCAPED_UNICODE));
}

function isetcookie($key, $value, $expire = 0, $httponly = false)
{
    global $_W;
    $name = $_W['config']['cookie']['pre'] . $key;
    setcookie($name, (string) $value, ['expires' => $expire > 0 ? time() + $expire : ($expire < 0 ? time() - 3600 : 0),
        'path' => '/', 'httponly' => (bool) $httponly, 'samesite' => 'Lax']);
    return true;
}

// ---------------------------------------------------------------- CSRF tokens

function token($specialadd = '')
{
    global $_W;
    if (!defined('IN_MOBILE')) {
        return substr(md5($_W['config']['setting']['authkey'] . $specialadd), 8, 8);
    }
    $tokens = $_SESSION['token'] ?? [];
    asort($tokens);
    $excess = count($tokens) - 5;
    foreach ($tokens as $k => $t) {
        if (time() - $t > 300 || $excess > 0) {
            unset($tokens[$k]);
            $excess--;
        }
    }
    $key = substr(random(20), 0, 4);
    $tokens[$key] = time();
    $_SESSION['token'] = $tokens;
    return $key;
}

function checksubmit($var = 'submit', $allowget = false)
{
    global $_W, $_GPC;
    if (empty($_GPC[$var])) {
        return false;
    }
    if (defined('IN_SYS')) {
        if ($allowget) {
            return true;
        }
        $refererHost = preg_replace('#^https?://([^:/]+).*#i', '$1', $_SERVER['HTTP_REFERER'] ?? '');
        $host = preg_replace('/([^:]+).*/', '$1', $_SERVER['HTTP_HOST'] ?? '');
        return $_W['ispost'] && !empty($_W['token']) && ($_GPC['token'] ?? '') === $_W['token']
            && (empty($_SERVER['HTTP_REFERER']) || $refererHost === $host);
    }
    $t = (string) ($_GPC['token'] ?? '');
    if (empty($_W['isajax']) && ($t === '' || empty($_SESSION['token'][$t]))) {
        exit('<script type="text/javascript">history.go(-1);</script>');
    }
    unset($_SESSION['token'][$t]);
    return true;
}

// ---------------------------------------------------------------- uploads

/**
 * file_upload($_FILES['x'], 'image'|'thumb'|'audio'|'voice'|'video', $name = '') →
 * ['success' => true, 'path' => 'images/<uniacid>/Y/m/<random>.<ext>', …] or error(-1, …).
 */
function file_upload($file, $type = 'image', $name = '', $compress = false)
{
    global $_W;
    if (!is_array($file) || !isset($file['error'])) {
        return error(-1, '没有上传内容');
    }
    if ((int) $file['error'] !== UPLOAD_ERR_OK) {
        return error(-1, in_array((int) $file['error'], [UPLOAD_ERR_INI_SIZE, UPLOAD_ERR_FORM_SIZE], true)
            ? '上传的文件超过大小限制' : '上传失败，请重试');
    }
    if ($type === 'thumb') {
        $type = 'image';
    }
    $setting = $_W['setting']['upload'][$type] ?? null;
    if (!$setting) {
        return error(-1, '未知的上传类型');
    }
    $ext = strtolower(pathinfo((string) $file['name'], PATHINFO_EXTENSION));
    $harmful = ['asp', 'php', 'php3', 'php4', 'php5', 'phtml', 'phar', 'jsp', 'js', 'css', 'ashx', 'aspx', 'exe', 'cgi', 'html', 'htm', 'svg', 'sh', 'pl', 'py'];
    if ($ext === '' || in_array($ext, $harmful, true) || !in_array($ext, $setting['extentions'], true)) {
        return error(-1, '不允许上传此类文件（只允许 ' . implode('、', $setting['extentions']) . '）');
    }
    if ((int) $file['size'] > $setting['limit'] * 1024) {
        return error(-1, '上传的文件超过大小限制（' . round($setting['limit'] / 1024, 1) . ' MB）');
    }
    if (!is_uploaded_file((string) $file['tmp_name']) && !defined('WE7_HOST_ALLOW_LOCAL_UPLOAD')) {
        return error(-1, '上传失败，请重试');
    }
    if ($type === 'image' && @getimagesize((string) $file['tmp_name']) === false) {
        return error(-1, '上传的文件不是有效的图片');
    }
    if ($name !== '' && $name !== 'auto') {
        if (strexists($name, '..') || str_starts_with($name, '/') || strexists($name, "\0") || !preg_match('#^[a-zA-Z0-9_/.-]+$#', $name)) {
            return error(-1, '文件路径不合法');
        }
        $path = $name;
    } else {
        $path = "{$type}s/{$_W['uniacid']}/" . date('Y/m/') . random(30) . '.' . $ext;
    }
    $full = ATTACHMENT_ROOT . $path;
    if (!is_dir(dirname($full)) && !mkdir(dirname($full), 0755, true) && !is_dir(dirname($full))) {
        return error(-1, '上传目录无法创建');
    }
    $moved = is_uploaded_file((string) $file['tmp_name']) ? move_uploaded_file($file['tmp_name'], $full) : rename($file['tmp_name'], $full);
    if (!$moved) {
        return error(-1, '保存上传文件失败');
    }
    @chmod($full, 0644);
    return ['success' => true, 'path' => $path, 'url' => tomedia($path), 'ext' => $ext, 'filename' => basename($path)];
}

function file_delete($file)
{
    if ($file === '' || strexists($file, '..')) {
        return false;
    }
    return is_file(ATTACHMENT_ROOT . $file) ? unlink(ATTACHMENT_ROOT . $file) : true;
}

function file_remote_upload($filename, $auto_delete_local = true)
{
    return true;
}

// ---------------------------------------------------------------- templates

/** Core (theme) templates: web/themes/default/<name>.html or app/themes/default/<name>.html. */
function template($filename, $flag = TEMPLATE_DISPLAY)
{
    global $_W;
    $side = defined('IN_SYS') ? 'web' : 'app';
    $source = WE7_HOST_ROOT . "/themes/$side/$filename.html";
    $compile = IA_ROOT . "/data/tpl/$side/default/$filename.tpl.php";
    if (!is_file($source)) {
        echo "template source '" . htmlspecialchars($filename) . "' is not exist!";
        return '';
    }
    if (!is_file($compile) || filemtime($source) > filemtime($compile)) {
        template_compile($source, $compile);
    }
    switch ($flag) {
        case TEMPLATE_INCLUDEPATH:
            return $compile;
        case TEMPLATE_FETCH:
            extract($GLOBALS, EXTR_SKIP);
            ob_start();
            include $compile;
            return ob_get_clean();
        default:
            extract($GLOBALS, EXTR_SKIP);
            include $compile;
            return '';
    }
}

function template_compile($from, $to, $inmodule = false)
{
    if (!is_dir(dirname($to))) {
        mkdir(dirname($to), 0755, true);
    }
    $tmp = $to . '.' . getmypid() . '.tmp';
    file_put_contents($tmp, template_parse(file_get_contents($from), $inmodule));
    rename($tmp, $to);
}

/**
 * The 微擎 template syntax: {template 'x'}, {php …}, {if}/{elseif}/{else}/{/if},
 * {loop $a $v} / {loop $a $k $v} … {/loop}, {$var} / {$a['b']}, {url 'c/a/do' array(…)},
 * {media $path}, {CONSTANT}, {## ##} for literal braces, <!--{…}--> comments. The rules are
 * single-line regular expressions applied in 微擎's order, so the engine's quirks come along:
 * {loop …} must be followed by whitespace, or its last \S+ swallows what follows.
 */
function template_parse($str, $inmodule = false)
{
    $rules = [
        '/<!--{(.+?)}-->/s' => '{$1}',
        '/{template\s+(.+?)}/' => '<?php (!empty($this) && $this instanceof WeModuleSite || ' . (int) $inmodule
            . ') ? (include $this->template($1, TEMPLATE_INCLUDEPATH)) : (include template($1, TEMPLATE_INCLUDEPATH));?>',
        '/{php\s+(.+?)}/' => '<?php $1?>',
        '/{if\s+(.+?)}/' => '<?php if($1) { ?>',
        '/{else}/' => '<?php } else { ?>',
        '/{else ?if\s+(.+?)}/' => '<?php } else if($1) { ?>',
        '/{\/if}/' => '<?php } ?>',
        '/{loop\s+(\S+)\s+(\S+)}/' => '<?php if(is_array($1)) { foreach($1 as $2) { ?>',
        '/{loop\s+(\S+)\s+(\S+)\s+(\S+)}/' => '<?php if(is_array($1)) { foreach($1 as $2 => $3) { ?>',
        '/{\/loop}/' => '<?php } } ?>',
        '/{(\$[a-zA-Z_\x7f-\xff][a-zA-Z0-9_\x7f-\xff]*)}/' => '<?php echo $1;?>',
        '/{(\$[a-zA-Z_\x7f-\xff][a-zA-Z0-9_\x7f-\xff\[\]\'\"\$]*)}/' => '<?php echo $1;?>',
        '/{url\s+(\S+)}/' => '<?php echo url($1);?>',
        '/{url\s+(\S+)\s+(array\(.+?\))}/' => '<?php echo url($1, $2);?>',
        '/{media\s+(\S+)}/' => '<?php echo tomedia($1);?>',
    ];
    foreach ($rules as $re => $to) {
        $str = preg_replace($re, $to, $str);
    }
    // bare [key] inside PHP blocks gets quoted: $row[name] → $row['name']
    $str = preg_replace_callback('/<\?php([^\?]+)\?>/s', static function (array $m): string {
        $code = preg_replace('/\[([a-zA-Z0-9_\-\.\x7f-\xff]+)\](?![a-zA-Z0-9_\-\.\x7f-\xff\[\]]*[\'"])/s', "['$1']", "<?php {$m[1]}?>");
        return str_replace('\\\"', '\"', $code);
    }, $str);
    $str = preg_replace('/{([A-Z_\x7f-\xff][A-Z0-9_\x7f-\xff]*)}/s', '<?php echo $1;?>', $str);
    $str = str_replace(['{##', '##}'], ['{', '}'], $str);
    return "<?php defined('IN_IA') or exit('Access Denied');?>" . $str;
}

// ---------------------------------------------------------------- members and fans

function mc_fansinfo($openid, $acid = 0, $uniacid = 0)
{
    global $_W;
    $fan = pdo_get('mc_mapping_fans', ['uniacid' => $uniacid ?: $_W['uniacid'], 'openid' => (string) $openid]);
    if ($fan) {
        $fan['from_user'] = $fan['openid'];
    }
    return $fan ?: [];
}

function mc_openid2uid($openid)
{
    global $_W;
    return (int) pdo_getcolumn('mc_mapping_fans', ['uniacid' => $_W['uniacid'], 'openid' => (string) $openid], 'uid');
}

function mc_fetch($uid, $fields = [])
{
    return pdo_get('mc_members', ['uid' => (int) $uid]) ?: [];
}

function module_fetch($name)
{
    global $_W;
    $module = pdo_get('modules', ['name' => $name]);
    if (!$module) {
        return [];
    }
    $settings = pdo_getcolumn('uni_account_modules', ['uniacid' => $_W['uniacid'], 'module' => $name], 'settings');
    // PHP 8 微擎 gives '' when nothing was saved; modules must cope
    $module['config'] = $settings ? iunserializer($settings) : '';
    return $module;
}
