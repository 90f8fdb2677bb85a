<?php
/**
 * 我的订单 (client): list of the current company's orders; detail; place an order for a service
 * (with what the accountant needs to know and attachments); pay through 微擎's cashier
 * ($this->pay() → payResult()); cancel an unpaid order; ask for a refund.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

list($client, $current) = $this->requireClient();
$orders = cloudacct_area('Work\Orders');
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$detailUrl = $this->createMobileUrl('orders', array('op' => 'detail', 'id' => $id));

if ($op === 'new') {
    $serviceId = cloudacct_int('service_id');
    $service = cloudacct_guard(function () use ($client, $serviceId) {
        return cloudacct_area('Work\Catalog')->service($client, $serviceId);
    }, $this->createMobileUrl('services'));
    $form = array('title' => cloudacct_str('title', $service['title']), 'description' => cloudacct_text('description'),
        'urgency' => cloudacct_str('urgency') === '1');
    if (cloudacct_submitted()) {
        $files = cloudacct_upload_attachments('attachments', $error);
        if ($files !== false) {
            $request = array('title' => $form['title'], 'description' => $form['description'], 'urgency' => $form['urgency'] ? 1 : 0,
                'attachments' => $files);
            $order = null;
            if (cloudacct_attempt(function () use ($client, $current, $serviceId, $request) {
                return cloudacct_do_place_order($client, $current, $serviceId, $request);
            }, $error, $order)) {
                if ($order['status'] === 'pending_payment') {
                    header('Location: ' . $this->createMobileUrl('orders', array('op' => 'pay', 'id' => $order['id'])));
                    exit;
                }
                message('下单成功，我们会尽快为您办理。', $this->createMobileUrl('orders', array('op' => 'detail', 'id' => $order['id'])), 'success');
            }
            foreach ($files as $f) {
                file_delete($f);
            }
        }
    }
    $this->render('order_new', array('title' => '确认下单', 's' => $service, 'form' => $form, 'error' => $error,
        'action' => $this->createMobileUrl('orders', array('op' => 'new', 'service_id' => $serviceId)),
        'back' => $this->createMobileUrl('service', array('id' => $serviceId)), 'tabs' => $this->clientTabs('services')));
}

if ($op === 'pay') {
    $this->payPage($client, array('order_id' => $id), $detailUrl, 'order', $id);
}

if ($op === 'paystate') {
    $this->payState($client, 'order', $id);
}

if ($op === 'payresult') {
    $this->payResultPage($client, 'order', $id);
}

if ($op === 'cancel' && cloudacct_submitted()) {
    $reason = cloudacct_str('reason');
    cloudacct_guard(function () use ($client, $id, $reason) {
        cloudacct_do_cancel_order($client, $id, $reason);
    }, $detailUrl);
    message('订单已取消', $detailUrl, 'success');
}

if ($op === 'refund' && cloudacct_submitted()) {
    $reason = cloudacct_str('reason');
    cloudacct_guard(function () use ($client, $id, $reason) {
        cloudacct_do_refund_request($client, $id, $reason);
    }, $detailUrl);
    message('退款申请已提交，客服审核后原路退回。', $detailUrl, 'success');
}

if ($op === 'detail') {
    $order = cloudacct_guard(function () use ($client, $id) {
        return cloudacct_do_order($client, $id);
    }, $this->createMobileUrl('orders'));
    $order['created'] = cloudacct_date($order['created_at']);
    $order['paid'] = cloudacct_date($order['paid_at']);
    $order['refunded'] = cloudacct_yuan($order['refunded_fen']);
    $this->render('order_detail', array('title' => '订单详情', 'o' => $order,
        'can_pay' => $order['can_pay'], 'can_cancel' => $order['can_cancel'], 'can_refund' => $order['can_refund'],
        'pay_url' => $this->createMobileUrl('orders', array('op' => 'pay', 'id' => $id)),
        'cancel_action' => $this->createMobileUrl('orders', array('op' => 'cancel', 'id' => $id)),
        'refund_action' => $this->createMobileUrl('orders', array('op' => 'refund', 'id' => $id)),
        'job_url' => $order['job_id'] ? $this->createMobileUrl('jobs', array('op' => 'detail', 'id' => $order['job_id'])) : '',
        'back' => $this->createMobileUrl('orders'), 'tabs' => $this->clientTabs('jobs')));
}

$page = cloudacct_page();
$result = cloudacct_guard(function () use ($client, $current, $page) {
    return cloudacct_do_orders($client, $current, $page);
});
$rows = array();
foreach ($result['items'] as $o) {
    $rows[] = $o + array('created' => cloudacct_date($o['created_at']), 'amount' => cloudacct_yuan($o['amount_fen']),
        'url' => $this->createMobileUrl('orders', array('op' => 'detail', 'id' => $o['id'])));
}
$this->render('orders', array('title' => '我的订单', 'rows' => $rows,
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('orders', array('page' => $page + 1)) : '',
    'services_url' => $this->createMobileUrl('services'), 'tabs' => $this->clientTabs('jobs')));
