<?php
/**
 * 缴费 (client): the current company's 已缴至 and what is owed; bills (open / all); one bill; pay
 * a bill or everything owed through 微擎's cashier; payments with their receipts (收据).
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

list($client, $current) = $this->requireClient();
$billing = cloudacct_area('Ledger\Billing');
$payments = cloudacct_area('Ledger\Payments');
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$statusLabels = cloudacct_money_labels('bill_status');
$listUrl = $this->createMobileUrl('bills');

if ($op === 'pay' || $op === 'payall') {
    $target = $op === 'pay' ? array('bill_id' => $id) : null;
    $clientId = $current;
    if ($op === 'pay') {
        $bill = cloudacct_guard(function () use ($billing, $client, $id) {
            return $billing->bill($client, $id);
        }, $listUrl);
        if ($bill['status'] !== 'open') {
            message('该账单' . cloudacct_label($statusLabels, $bill['status']) . '，无需支付。', $listUrl, 'info');
        }
        $clientId = (int) $bill['client_id'];
    } else {
        $summary = cloudacct_guard(function () use ($client, $current) {
            return cloudacct_area('Ledger\Accounts')->summary($client, $current);
        });
        if ((int) $summary['balance_fen'] <= 0) {
            message('您没有待缴的费用。', $listUrl, 'info');
        }
        $target = array('amount_fen' => (int) $summary['balance_fen']);
    }
    $intent = cloudacct_guard(function () use ($payments, $client, $clientId, $target) {
        return $payments->checkout($client, $clientId, $target);
    }, $listUrl);
    $this->pay(array('tid' => $intent['tid'], 'ordersn' => $intent['tid'], 'title' => $intent['title'], 'fee' => $intent['fee']));
    exit;
}

if ($op === 'bill') {
    $bill = cloudacct_guard(function () use ($billing, $client, $id) {
        return $billing->bill($client, $id);
    }, $listUrl);
    $bill['status_label'] = cloudacct_label($statusLabels, $bill['status']);
    foreach (array('amount', 'paid', 'waived', 'owed') as $k) {
        $bill[$k] = cloudacct_yuan($bill[$k . '_fen']);
    }
    $this->render('bill', array('title' => '账单详情', 'b' => $bill, 'back' => $listUrl,
        'pay_url' => $this->createMobileUrl('bills', array('op' => 'pay', 'id' => $id)), 'tabs' => $this->clientTabs('bills')));
}

if ($op === 'receipt') {
    $r = cloudacct_guard(function () use ($payments, $client, $id) {
        return $payments->receipt($client, $id);
    }, $this->createMobileUrl('bills', array('op' => 'payments')));
    $r['paid'] = cloudacct_date($r['paid_at']);
    $r['method_label'] = cloudacct_label(cloudacct_money_labels('method'), $r['method']);
    foreach ($r['bills'] as $k => $b) {
        $r['bills'][$k]['amount'] = cloudacct_yuan($b['amount_fen']);
    }
    $this->render('receipt', array('title' => '收据', 'r' => $r, 'back' => $this->createMobileUrl('bills', array('op' => 'payments')),
        'tabs' => $this->clientTabs('bills')));
}

if ($op === 'payments') {
    $page = cloudacct_page();
    $result = cloudacct_guard(function () use ($payments, $client, $current, $page) {
        return $payments->list($client, $current, $page, 20);
    });
    $channels = cloudacct_money_labels('channel');
    $rows = array();
    foreach ($result['items'] as $p) {
        $rows[] = $p + array('paid' => cloudacct_date($p['paid_at']), 'amount' => cloudacct_yuan($p['amount_fen']),
            'channel_label' => cloudacct_label($channels, $p['channel']),
            'url' => $this->createMobileUrl('bills', array('op' => 'receipt', 'id' => $p['id'])));
    }
    $this->render('payments', array('title' => '缴费记录', 'rows' => $rows, 'back' => $listUrl,
        'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('bills', array('op' => 'payments', 'page' => $page + 1)) : '',
        'tabs' => $this->clientTabs('bills')));
}

$status = cloudacct_str('status', 'open');
$filter = isset($statusLabels[$status]) ? array('status' => $status) : array();
$page = cloudacct_page();
$summary = cloudacct_guard(function () use ($client, $current) {
    return cloudacct_area('Ledger\Accounts')->summary($client, $current);
});
$result = cloudacct_guard(function () use ($billing, $client, $current, $filter, $page) {
    return $billing->bills($client, $current, $filter, $page, 20);
});
$rows = array();
foreach ($result['items'] as $b) {
    $rows[] = $b + array('status_label' => cloudacct_label($statusLabels, $b['status']), 'owed' => cloudacct_yuan($b['owed_fen']),
        'amount' => cloudacct_yuan($b['amount_fen']),
        'url' => $this->createMobileUrl('bills', array('op' => 'bill', 'id' => $b['id'])),
        'pay_url' => $b['status'] === 'open' ? $this->createMobileUrl('bills', array('op' => 'pay', 'id' => $b['id'])) : '');
}
$company = cloudacct_guard(function () use ($client, $current) {
    return cloudacct_area('People\Clients')->get($client, $current);
});
$this->render('bills', array('title' => '缴费', 'company' => $company, 'rows' => $rows, 'status' => $status,
    'owed' => cloudacct_yuan(max(0, (int) $summary['balance_fen'])), 'owed_fen' => (int) $summary['balance_fen'],
    'overdue' => cloudacct_yuan($summary['overdue_fen']), 'credit' => cloudacct_yuan($summary['credit_fen']),
    'paid_through' => (string) $summary['paid_through'],
    'open_url' => $this->createMobileUrl('bills'), 'all_url' => $this->createMobileUrl('bills', array('status' => 'all')),
    'payall_url' => $this->createMobileUrl('bills', array('op' => 'payall')),
    'payments_url' => $this->createMobileUrl('bills', array('op' => 'payments')),
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('bills', array('status' => $status, 'page' => $page + 1)) : '',
    'tabs' => $this->clientTabs('bills')));
