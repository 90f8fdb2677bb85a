<?php
/**
 * 微擎's module base classes (framework/class/account/account.class.php) for the dev host:
 * WeUtility (creates <Id>Module / <Id>ModuleSite / <Id>ModuleWxapp), WeBase, WeModule,
 * WeModuleSite (pay, payResult), WeModuleWxapp (result), and the account object behind
 * $_W['account'] (array access + getAccessToken()).
 */

declare(strict_types=1);

final class WeUtility
{
    private static function load(string $name, string $file, string $suffix): ?object
    {
        if (!preg_match('/^[a-z][a-z\d_]+$/', $name)) {
            return null;
        }
        $path = IA_ROOT . "/addons/$name/$file";
        if (!is_file($path)) {
            return null;
        }
        require_once $path;
        $class = ucfirst($name) . $suffix;
        if (!class_exists($class, false)) {
            return null;
        }
        $o = new $class();
        $module = module_fetch($name);
        $o->uniacid = $o->weid = $GLOBALS['_W']['uniacid'];
        $o->modulename = $name;
        $o->module = $module;
        $o->__define = $path;
        defined('MODULE_ROOT') or define('MODULE_ROOT', IA_ROOT . "/addons/$name");
        defined('MODULE_URL') or define('MODULE_URL', $GLOBALS['_W']['siteroot'] . "addons/$name/");
        return $o;
    }

    public static function createModule($name)
    {
        return self::load($name, 'module.php', 'Module');
    }

    public static function createModuleSite($name)
    {
        $o = self::load($name, 'site.php', 'ModuleSite');
        if ($o) {
            $o->inMobile = defined('IN_MOBILE');
        }
        return $o;
    }

    public static function createModuleWxapp($name)
    {
        $o = self::load($name, 'wxapp.php', 'ModuleWxapp');
        if ($o) {
            $o->inMobile = true;
        }
        return $o;
    }
}

abstract class WeBase
{
    public $module;
    public $modulename;
    public $weid;
    public $uniacid;
    public $__define;
    public $inMobile = false;

    public function saveSettings($settings)
    {
        global $_W;
        $pars = ['module' => $this->modulename, 'uniacid' => $_W['uniacid']];
        $ok = pdo_exists('uni_account_modules', $pars)
            ? pdo_update('uni_account_modules', ['settings' => iserializer($settings)], $pars) !== false
            : pdo_insert('uni_account_modules', $pars + ['settings' => iserializer($settings), 'enabled' => 1]) !== false;
        cache_build_module_info($this->modulename);
        return $ok;
    }

    protected function createMobileUrl($do, $query = [], $noredirect = true)
    {
        $query['do'] = $do;
        $query['m'] = strtolower($this->modulename);
        return murl('entry', $query, $noredirect);
    }

    protected function createWebUrl($do, $query = [])
    {
        $query['do'] = $do;
        $query['m'] = strtolower($this->modulename);
        return wurl('site/entry', $query);
    }

    /** The compiled template's path; always `include $this->template('x')`. */
    protected function template($filename)
    {
        global $_W;
        $name = strtolower($this->modulename);
        $dir = dirname($this->__define);
        if (defined('IN_SYS')) {
            $candidates = ["$dir/template/$filename.html", WE7_HOST_ROOT . "/themes/web/$filename.html"];
            $compile = IA_ROOT . "/data/tpl/web/default/$name/$filename.tpl.php";
        } else {
            $candidates = ["$dir/template/mobile/$filename.html", "$dir/template/wxapp/$filename.html", WE7_HOST_ROOT . "/themes/app/$filename.html"];
            $compile = IA_ROOT . "/data/tpl/app/default/$name/{$_W['uniacid']}_" . str_replace('/', '_', $filename) . '.tpl.php';
        }
        foreach ($candidates as $source) {
            if (is_file($source)) {
                if (!is_file($compile) || filemtime($source) > filemtime($compile)) {
                    template_compile($source, $compile, true);
                }
                return $compile;
            }
        }
        exit("Error: template source '" . htmlspecialchars((string) $filename) . "' is not exist!");
    }

    protected function fileSave($file_string, $type = 'jpg', $name = 'auto')
    {
        return error(-1, 'fileSave is not used by this module');
    }

    /** doWebXxx / doMobileXxx without a method: addons/<id>/inc/web|mobile/<xxx>.inc.php. */
    public function __call($name, $arguments)
    {
        $web = stripos($name, 'doWeb') === 0;
        $mobile = stripos($name, 'doMobile') === 0;
        if ($web || $mobile) {
            $fun = strtolower(substr($name, $web ? 5 : 8));
            $file = IA_ROOT . "/addons/{$this->modulename}/inc/" . ($web ? 'web' : 'mobile') . "/$fun.inc.php";
            if (preg_match('/^[a-z0-9_]+$/', $fun) && is_file($file)) {
                require $file;
                exit;
            }
        }
        trigger_error("访问的方法 $name 不存在.", E_USER_WARNING);
        return null;
    }
}

abstract class WeModule extends WeBase
{
    public function fieldsFormDisplay($rid = 0)
    {
        return '';
    }

    public function fieldsFormValidate($rid = 0)
    {
        return '';
    }

    public function fieldsFormSubmit($rid)
    {
    }

    public function ruleDeleted($rid)
    {
        return true;
    }

    public function settingsDisplay($settings)
    {
    }
}

abstract class WeModuleSite extends WeBase
{
    /**
     * Renders the cashier for a module order: ['tid' => module-unique id, 'ordersn', 'title',
     * 'fee' => yuan]. A fee <= 0 goes straight to payResult(from=return), as in 微擎.
     */
    protected function pay($params = [], $mine = [])
    {
        global $_W;
        if (!$this->inMobile) {
            message('支付功能只能在手机上使用', '', '');
        }
        $params['module'] = $this->module['name'];
        $fee = round((float) $params['fee'], 2);
        if ($fee <= 0) {
            $site = WeUtility::createModuleSite($params['module']);
            exit($site->payResult(['from' => 'return', 'result' => 'success', 'type' => '', 'tid' => $params['tid'],
                'uniacid' => $_W['uniacid'], 'user' => $_W['openid'], 'fee' => '0.00']));
        }
        $log = pdo_get('core_paylog', ['uniacid' => $_W['uniacid'], 'module' => $params['module'], 'tid' => (string) $params['tid']]);
        if (!$log) {
            pdo_insert('core_paylog', [
                'type' => '', 'uniacid' => $_W['uniacid'], 'acid' => $_W['acid'], 'openid' => (string) $_W['openid'],
                'uniontid' => '', 'tid' => (string) $params['tid'], 'fee' => sprintf('%.2f', $fee), 'card_fee' => sprintf('%.2f', $fee),
                'status' => 0, 'module' => $params['module'], 'tag' => iserializer(['acid' => $_W['acid'], 'uid' => $_W['member']['uid'] ?? 0]),
                'is_usecard' => 0, 'card_type' => 0, 'card_id' => '', 'encrypt_code' => '', 'is_wish' => 0,
            ]);
            $log = pdo_get('core_paylog', ['plid' => pdo_insertid()]);
        }
        if ((int) $log['status'] === 1) {
            message('这个订单已经支付成功, 不需要重复支付.', '', 'info');
        }
        $params['plid'] = $log['plid'];
        $cashier = ['params' => $params, 'log' => $log, 'token' => $_W['token']];
        include template('common/paycenter', TEMPLATE_INCLUDEPATH);
        exit;
    }

    /** Override: called with from=notify (settle) and from=return (show the result). */
    public function payResult($ret)
    {
        if ($ret['from'] === 'return') {
            message($ret['result'] === 'success' ? '支付成功' : '支付失败', '', $ret['result'] === 'success' ? 'success' : 'error');
        }
    }

    protected function payResultQuery($tid)
    {
        global $_W;
        $log = pdo_get('core_paylog', ['uniacid' => $_W['uniacid'], 'module' => $this->module['name'], 'tid' => (string) $tid]);
        return $log ? ['status' => (int) $log['status'], 'fee' => $log['fee'], 'tid' => $log['tid'], 'uniontid' => $log['uniontid']] : [];
    }

    /**
     * 微擎 refunds a paid paylog through the payment API and later calls the module's
     * refundResult() from the refund notify. The dev host has no WeChat Pay: it checks the paylog
     * (paid, amount not above what was paid), records core_refundlog and calls refundResult()
     * with the notify's fields at once.
     */
    protected function refund($tid, $fee = 0, $reason = '')
    {
        global $_W;
        $log = pdo_get('core_paylog', ['uniacid' => $_W['uniacid'], 'module' => $this->module['name'], 'tid' => (string) $tid]);
        if (!$log || (int) $log['status'] !== 1) {
            return error(-1, '订单未支付，不能退款');
        }
        $fee = $fee > 0 ? round((float) $fee, 2) : (float) $log['fee'];
        if ($fee > (float) $log['fee']) {
            return error(-1, '退款金额不能大于支付金额');
        }
        $uniontid = date('YmdHis') . random(8, true);
        pdo_insert('core_refundlog', ['uniacid' => $_W['uniacid'], 'refund_uniontid' => $uniontid, 'reason' => (string) $reason,
            'uniontid' => (string) $log['uniontid'], 'fee' => sprintf('%.2f', $fee), 'status' => 1, 'is_wish' => 0]);
        if (method_exists($this, 'refundResult')) {
            ob_start();
            $this->refundResult(['uniacid' => $_W['uniacid'], 'result' => 'success', 'from' => 'notify', 'type' => 'wechat',
                'tid' => (string) $tid, 'uniontid' => (string) $log['uniontid'], 'refund_uniontid' => $uniontid, 'fee' => sprintf('%.2f', $fee)]);
            ob_end_clean();
        }
        return true;
    }
}

abstract class WeModuleWxapp extends WeBase
{
    public $token;

    /**
     * 微擎's WeModuleWxapp::pay($order) (['tid', 'fee' => yuan, 'title']): a core_paylog row of type
     * wxapp for the fan, then the JSAPI parameters for wx.requestPayment (wechat_build after the
     * unified order). The dev host has no WeChat Pay: the prepay id is made up, the signature is
     * 微擎's MD5 over the parameters with the account key, and the cashier (c=mc&a=cash&do=devpay,
     * plid) stands in for WeChat's notify, calling this class's payResult().
     */
    protected function pay($order)
    {
        global $_W;
        if (empty($order['tid']) || !isset($order['fee'])) {
            return error(1, '支付参数不完整');
        }
        $fee = round((float) $order['fee'], 2);
        $log = pdo_get('core_paylog', ['uniacid' => $_W['uniacid'], 'module' => $this->module['name'], 'tid' => (string) $order['tid']]);
        if (!$log) {
            $mid = (int) pdo_getcolumn('modules', ['name' => $this->module['name']], 'mid');
            pdo_insert('core_paylog', [
                'type' => 'wxapp', 'uniacid' => $_W['uniacid'], 'acid' => $_W['acid'], 'openid' => (string) $_W['openid'],
                'uniontid' => date('YmdHis') . sprintf('%06d', $mid) . random(8, true), 'tid' => (string) $order['tid'],
                'fee' => sprintf('%.2f', $fee), 'card_fee' => sprintf('%.2f', $fee), 'status' => 0, 'module' => $this->module['name'],
                'tag' => iserializer(['acid' => $_W['acid'], 'uid' => $_W['member']['uid'] ?? 0]),
                'is_usecard' => 0, 'card_type' => 0, 'card_id' => '', 'encrypt_code' => '', 'is_wish' => 0,
            ]);
            $log = pdo_get('core_paylog', ['plid' => pdo_insertid()]);
        }
        if ((int) $log['status'] !== 0) {
            return error(1, '这个订单已经支付成功, 不需要重复支付.');
        }
        $params = ['appId' => (string) ($_W['account']['key'] ?? ''), 'timeStamp' => (string) TIMESTAMP, 'nonceStr' => random(32),
            'package' => 'prepay_id=wxdev' . $log['plid'] . random(12), 'signType' => 'MD5'];
        ksort($params);
        $params['paySign'] = strtoupper(md5(urldecode(http_build_query($params)) . '&key=' . md5((string) ($_W['account']['key'] ?? ''))));
        $params['plid'] = (int) $log['plid'];
        return $params;
    }

    public function result($errno, $message, $data = '')
    {
        header('Content-Type: application/json; charset=utf-8');
        exit(json_encode(['errno' => $errno, 'message' => $message, 'data' => $data], JSON_UNESCAPED_UNICODE));
    }

    public function __call($name, $arguments)
    {
        if (stripos($name, 'doPage') === 0) {
            $fun = strtolower(substr($name, 6));
            $file = IA_ROOT . "/addons/{$this->modulename}/inc/wxapp/$fun.inc.php";
            if (preg_match('/^[a-z0-9_]+$/', $fun) && is_file($file)) {
                require $file;
                exit;
            }
        }
        $this->result(1, "访问的方法 $name 不存在.");
    }
}

/** $_W['account']: array access to the account row, plus the WeChat API a module may call. */
final class We7HostAccount implements ArrayAccess
{
    public function __construct(private array $row)
    {
    }

    public function offsetExists(mixed $offset): bool
    {
        return isset($this->row[$offset]);
    }

    public function offsetGet(mixed $offset): mixed
    {
        return $this->row[$offset] ?? null;
    }

    public function offsetSet(mixed $offset, mixed $value): void
    {
        $this->row[$offset] = $value;
    }

    public function offsetUnset(mixed $offset): void
    {
        unset($this->row[$offset]);
    }

    /**
     * 微擎 caches the token under we7:accesstoken:<uniacid> and fetches it with the account's
     * AppID and AppSecret. The dev host does the same against the fake WeChat server of the demo
     * (CLOUDACCT_FAKE_BASE, dev/fakes); without one it hands out a made-up token.
     */
    public function getAccessToken()
    {
        $key = cache_system_key('accesstoken', [$this->row['uniacid']]);
        $token = cache_read($key);
        if ($token) {
            return $token;
        }
        $fake = getenv('CLOUDACCT_FAKE_BASE');
        if (!$fake) {
            $token = 'DEVHOST_' . strtoupper(random(24));
            cache_write($key, $token, 7000);
            return $token;
        }
        $url = $fake . '/cgi-bin/token?grant_type=client_credential&appid=' . urlencode($this->row['key'])
            . '&secret=' . urlencode($this->row['secret']);
        $ctx = stream_context_create(['http' => ['header' => "Host: api.weixin.qq.com\r\n", 'timeout' => 5, 'ignore_errors' => true]]);
        $answer = json_decode((string) @file_get_contents($url, false, $ctx), true);
        if (empty($answer['access_token'])) {
            return error(-1, '获取 access_token 失败：' . ($answer['errmsg'] ?? '假微信服务器无响应'));
        }
        cache_write($key, $answer['access_token'], (int) $answer['expires_in'] - 200);
        return $answer['access_token'];
    }

    public function sendTplNotice($touser, $template_id, $postdata, $url = '', $topcolor = '#FF683F', $miniprogram = [])
    {
        return error(-1, '开发主机不发送模板消息');
    }
}
