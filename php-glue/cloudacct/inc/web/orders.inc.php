<?php
/**
 * 订单与退款: every order with filters (state, client) and paging, refund requests as a tab;
 * one order with its payment; refund (Payments::refund — 微擎 payments through $this->refund(),
 * the outcome arrives in refundResult()), cancel an unpaid order.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$orders = cloudacct_area('Work\Orders');
$payments = cloudacct_area('Ledger\Payments');
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$self = $this;
$detailUrl = $this->createWebUrl('orders', array('op' => 'detail', 'id' => $id));
$states = array('pending_payment' => '待支付', 'paid' => '已支付', 'fulfilled' => '已完成', 'cancelled' => '已取消',
    'refunding' => '退款申请中', 'refunded' => '已退款', 'partially_refunded' => '部分退款');

/** The payment that paid the order (for refunds), or null. */
$paymentOf = function ($order) use ($payments, $admin) {
    for ($p = 1; $p <= 5; $p++) {
        $r = $payments->list($admin, (int) $order['client_id'], $p, 100);
        foreach ($r['items'] as $pay) {
            if ($pay['target_kind'] === 'order' && (int) $pay['target_id'] === (int) $order['id']) {
                return $pay;
            }
        }
        if ($p * 100 >= $r['total']) {
            break;
        }
    }
    return null;
};

if ($op === 'cancel' && cloudacct_submitted()) {
    $reason = cloudacct_str('reason');
    if (cloudacct_attempt(function () use ($orders, $admin, $id, $reason) {
        $orders->cancel($admin, $id, $reason);
    }, $error)) {
        itoast('订单已取消', $detailUrl, 'success');
    }
    $op = 'detail';
}

if ($op === 'refund' && cloudacct_submitted()) {
    $reason = cloudacct_str('reason');
    $amount = cloudacct_str('amount');
    $refund = null;
    $order = cloudacct_guard(function () use ($orders, $admin, $id) {
        return $orders->get($admin, $id);
    }, $this->createWebUrl('orders'));
    $payment = $paymentOf($order);
    if ($payment === null) {
        $error = array('message' => '该订单没有可退款的收款记录。', 'field' => '');
    } elseif (cloudacct_attempt(function () use ($payments, $admin, $payment, $amount, $reason) {
        return $payments->refund($admin, (int) $payment['id'], CloudAcct\Money::parse($amount), $reason);
    }, $error, $refund)) {
        if (isset($refund['channel']) && $refund['channel'] === 'weengine' && $refund['status'] === 'pending') {
            // 微擎's own refund API; its notify calls refundResult() with the outcome
            $r = $this->refund($refund['tid'], $refund['fee'], $reason);
            if (is_error($r)) {
                cloudacct_guard(function () use ($payments, $refund, $r) {
                    $payments->weengineRefundResult(CloudAcct\Actor::system(cloudacct_ip()),
                        array('refund_no' => $refund['out_refund_no'], 'result' => 'fail', 'message' => $r['message']));
                });
                itoast('退款失败：' . $r['message'] . '（款项已退回原收款，可稍后重试）', $detailUrl, 'error');
            }
            itoast('退款已提交到微信支付，到账后订单自动更新。', $detailUrl, 'success');
        }
        itoast('退款已完成', $detailUrl, 'success');
    }
    $op = 'detail';
}

if ($op === 'detail') {
    $order = cloudacct_guard(function () use ($orders, $admin, $id) {
        return $orders->get($admin, $id);
    }, $this->createWebUrl('orders'));
    $names = cloudacct_client_names($admin, array($order['client_id']));
    $order['client_name'] = $names[(int) $order['client_id']];
    foreach (array('created_at', 'paid_at', 'closed_at', 'expires_at') as $k) {
        $order[$k . '_text'] = cloudacct_date($order[$k]);
    }
    $order['files'] = cloudacct_attachment_links($order['attachments']);
    $order['refunded'] = cloudacct_yuan($order['refunded_fen']);
    $payment = $paymentOf($order);
    if ($payment) {
        $payment['refunded'] = cloudacct_yuan($payment['refunded_fen']);
    }
    $refunds = $payment ? cloudacct_guard(function () use ($payments, $admin, $payment) {
        return $payments->refunds($admin, (int) $payment['id']);
    }) : array();
    foreach ($refunds as $k => $r) {
        $refunds[$k]['amount'] = cloudacct_yuan($r['amount_fen']);
        $refunds[$k]['at'] = cloudacct_date($r['created_at']);
    }
    $refundable = $payment ? (int) $payment['amount_fen'] - (int) $payment['refunded_fen'] : 0;
    $this->render('order_detail', array('o' => $order, 'payment' => $payment, 'refunds' => $refunds, 'error' => $error,
        'refundable' => cloudacct_yuan(max(0, $refundable)),
        'can_refund' => $payment !== null && $refundable > 0 && in_array($order['status'], array('paid', 'refunding', 'fulfilled', 'partially_refunded'), true),
        'can_cancel' => $order['status'] === 'pending_payment',
        'urls' => array('refund' => $this->createWebUrl('orders', array('op' => 'refund', 'id' => $id)),
            'cancel' => $this->createWebUrl('orders', array('op' => 'cancel', 'id' => $id)),
            'job' => $order['job_id'] ? $this->createWebUrl('jobs', array('op' => 'detail', 'id' => $order['job_id'])) : '',
            'client' => $this->createWebUrl('clients', array('op' => 'detail', 'id' => $order['client_id']))),
        'back' => $this->createWebUrl('orders')));
}

$q = array('status' => cloudacct_str('status'), 'client_id' => cloudacct_int('client_id'));
$filter = array();
if (isset($states[$q['status']])) {
    $filter['status'] = $q['status'];
}
if ($q['client_id'] > 0) {
    $filter['client_id'] = $q['client_id'];
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($orders, $admin, $filter, $page) {
    return $orders->list($admin, $filter, $page, 20);
});
$names = cloudacct_client_names($admin, array_map(function ($o) {
    return $o['client_id'];
}, $result['items']));
$rows = array();
foreach ($result['items'] as $o) {
    $rows[] = $o + array('client_name' => isset($names[(int) $o['client_id']]) ? $names[(int) $o['client_id']] : '',
        'amount' => cloudacct_yuan($o['amount_fen']), 'created' => cloudacct_date($o['created_at']),
        'url' => $this->createWebUrl('orders', array('op' => 'detail', 'id' => $o['id'])));
}
$qs = array_filter($q, function ($v) {
    return $v !== '' && $v !== 0;
});
$this->render('orders', array('rows' => $rows, 'q' => $q, 'states' => $states, 'route' => cloudacct_route_fields('orders'),
    'refunds_url' => $this->createWebUrl('orders', array('status' => 'refunding')), 'all_url' => $this->createWebUrl('orders'),
    'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $qs) {
        return $self->createWebUrl('orders', $qs + array('page' => $p));
    })));
