<?php
/**
 * 云会计 — <Id>ModuleSite. 微擎 calls doWeb<Do>() for backend pages and doMobile<Do>() for H5
 * pages; each page body is a thin controller in inc/web/<do>.inc.php or inc/mobile/<do>.inc.php
 * (loaded by 微擎's WeBase::__call): resolve who and what, call the extension, render.
 */
defined('IN_IA') or exit('Access Denied');
require_once __DIR__ . '/inc/bootstrap.php';
require_once __DIR__ . '/inc/pages.php';
require_once __DIR__ . '/inc/actions.php';

class CloudacctModuleSite extends WeModuleSite
{
    use CloudacctView;

    /** Mobile pages: the contact (or null) and its current company, for the page chrome. */
    protected function clientContext()
    {
        $client = cloudacct_client();
        if ($client === null) {
            return array(null, 0, array());
        }
        $contacts = cloudacct_area('People\Contacts');
        $companies = cloudacct_guard(function () use ($contacts, $client) {
            return $contacts->companies($client);
        });
        $current = 0;
        foreach ($companies as $c) {
            if (!empty($c['current'])) {
                $current = (int) $c['client_id'];
            }
        }
        if (!$current && $companies) {
            $current = (int) $companies[0]['client_id'];
        }
        return array($client, $current, $companies);
    }

    /** A client page: the contact and its current company, or off to binding. */
    protected function requireClient()
    {
        list($client, $current, $companies) = $this->clientContext();
        if ($client === null || !$current) {
            message('请先绑定您的企业（输入会计给您的邀请码）。', $this->createMobileUrl('bind'), 'info');
        }
        return array($client, $current, $companies);
    }

    /** The bottom tab bar of client pages. */
    protected function clientTabs($on)
    {
        $tabs = array();
        foreach (array('home' => '首页', 'services' => '服务', 'jobs' => '办事进度', 'bills' => '缴费', 'company' => '我的企业') as $do => $label) {
            $tabs[] = array('url' => $this->createMobileUrl($do), 'label' => $label, 'on' => $do === $on);
        }
        return $tabs;
    }

    /** A page only a WeChat user can use (binding needs the fan's openid). */
    protected function requireOpenid()
    {
        if (cloudacct_openid() === '') {
            message('请在微信中打开本页面。', '', 'info');
        }
        return cloudacct_openid();
    }

    protected function requireStaff()
    {
        $staff = cloudacct_staff();
        if ($staff === null) {
            message('此页面仅限已绑定的员工使用，请先输入管理员发给您的绑定码。', $this->createMobileUrl('staffbind'), 'info');
        }
        return $staff;
    }
    /**
     * Pays an order, a bill or everything owed ($what as for cloudacct_do_checkout): with 微擎's
     * payment through its cashier ($this->pay() → payResult()); with WeChat Pay v3 a page that
     * hands the signed prepay parameters to WeixinJSBridge and then polls the bill or order
     * (cloudacct_do_pay_state). Nothing to pay → an info page back to $back.
     */
    protected function payPage($client, array $what, $back, $kind, $id)
    {
        try {
            $intent = cloudacct_do_checkout($client, $what, cloudacct_openid());
        } catch (CloudacctRefused $e) {
            message($e->getMessage(), $back, $e->kind === 'nothing_to_pay' ? 'info' : 'error');
        } catch (Exception $e) {
            message(cloudacct_error_text($e), $back, 'error');
        } catch (Error $e) {
            message(cloudacct_error_text($e), $back, 'error');
        }
        if ($intent['channel'] !== 'wechat_v3') {
            $this->pay(array('tid' => $intent['tid'], 'ordersn' => $intent['tid'], 'title' => $intent['title'], 'fee' => $intent['fee']));
            exit;
        }
        $resultQuery = array('op' => 'payresult', 'kind' => $kind, 'id' => $id, 'tid' => $intent['tid']);
        $this->render('wxpay', array('title' => '微信支付', 'intent' => array('title' => $intent['title'], 'fee' => $intent['fee'], 'tid' => $intent['tid']),
            'pay_json' => json_encode($intent['pay'], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT),
            'done_url' => $this->createMobileUrl($kind === 'order' ? 'orders' : 'bills', $resultQuery),
            'back' => $back, 'tabs' => $this->clientTabs($kind === 'order' ? 'jobs' : 'bills')));
    }

    /**
     * The result page of a WeChat Pay v3 payment (op=payresult): 已支付 once the bill or order is
     * paid — asking WeChat Pay first when the notify has not come yet — else 支付结果确认中 and
     * the page polls op=paystate.
     */
    protected function payResultPage($client, $kind, $id)
    {
        $tid = cloudacct_str('tid');
        $state = cloudacct_guard(function () use ($client, $kind, $id, $tid) {
            return cloudacct_do_pay_state($client, $kind, $id, $tid);
        }, $this->createMobileUrl('bills'));
        $list = $kind === 'order' ? 'orders' : 'bills';
        $this->render('wxpay_result', array('title' => $state['paid'] ? '已支付' : '支付结果确认中', 'paid' => $state['paid'],
            'state_url' => $this->createMobileUrl($list, array('op' => 'paystate', 'kind' => $kind, 'id' => $id, 'tid' => $tid)),
            'next' => $kind === 'order' ? $this->createMobileUrl('orders', array('op' => 'detail', 'id' => $id))
                : ($kind === 'bill' ? $this->createMobileUrl('bills', array('op' => 'bill', 'id' => $id)) : $this->createMobileUrl('bills')),
            'tabs' => $this->clientTabs($kind === 'order' ? 'jobs' : 'bills')));
    }

    /** The JSON answer of a payment result page's poll (op=paystate): {errno, paid, status, trade_state}. */
    protected function payState($client, $kind, $id)
    {
        header('Content-Type: application/json; charset=utf-8');
        header('Cache-Control: no-store');
        try {
            $s = cloudacct_do_pay_state($client, $kind, $id, cloudacct_str('tid'));
            exit(json_encode(array('errno' => 0) + $s, JSON_UNESCAPED_UNICODE));
        } catch (Exception $e) {
            exit(json_encode(array('errno' => 1, 'message' => cloudacct_error_text($e)), JSON_UNESCAPED_UNICODE));
        }
    }

    /** The bottom tab bar of staff pages. */
    protected function staffTabs($on)
    {
        $tabs = array();
        foreach (array('home' => '首页', 'pool' => '抢单', 'work' => '我的工单', 'myclients' => '我的客户') as $do => $label) {
            $tabs[] = array('url' => $this->createMobileUrl($do), 'label' => $label, 'on' => $do === $on);
        }
        return $tabs;
    }

    /**
     * 微擎's payment result: from=notify (WeChat's server, after 微擎 verified the signature and
     * set core_paylog paid) settles the intent exactly once in the extension; from=return (the
     * browser coming back, also fee-0 short-cuts) never settles, it only tells the payer where
     * things stand.
     */
    public function payResult($ret)
    {
        if (!is_array($ret) || !extension_loaded('cloudacct')) {
            return;
        }
        $from = isset($ret['from']) ? (string) $ret['from'] : '';
        $result = null;
        $failed = '';
        try {
            $result = cloudacct_area('Ledger\Payments')->weengineResult(CloudAcct\Actor::system(cloudacct_ip()), $ret);
        } catch (Exception $e) {
            cloudacct_log($e);
            $failed = cloudacct_error_text($e);
        } catch (Error $e) {
            cloudacct_log($e);
            $failed = cloudacct_error_text($e);
        }
        if ($from !== 'return') {
            return; // notify: 微擎 answers WeChat; nothing for a browser
        }
        $tid = isset($ret['tid']) ? (string) $ret['tid'] : '';
        $next = $this->createMobileUrl('bills');
        $client = cloudacct_client();
        if ($client !== null && $tid !== '') {
            try {
                $order = cloudacct_area('Work\Orders')->getByNumber($client, $tid);
                $next = $this->createMobileUrl('orders', array('op' => 'detail', 'id' => $order['id']));
            } catch (Exception $e) {
                // not an order: a bill or an account payment
            }
        }
        if ($failed !== '') {
            message('支付结果处理失败：' . $failed, $next, 'error');
        }
        $paid = !empty($result['paid']) || (isset($result['status']) && in_array($result['status'], array('settled', 'already_settled'), true));
        message($paid ? '支付成功' : '支付结果确认中，请稍后刷新查看', $next, $paid ? 'success' : 'info');
    }

    /** 微擎's refund notify: the extension records the outcome (a failed refund gives the money back). */
    public function refundResult($ret)
    {
        if (!is_array($ret) || !extension_loaded('cloudacct')) {
            return;
        }
        try {
            cloudacct_area('Ledger\Payments')->weengineRefundResult(CloudAcct\Actor::system(cloudacct_ip()), $ret);
        } catch (Exception $e) {
            cloudacct_log($e);
        } catch (Error $e) {
            cloudacct_log($e);
        }
    }
}
