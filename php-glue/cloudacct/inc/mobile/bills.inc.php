<?php
/**
 * 缴费 (client): the current company's 已缴至 and what is owed; bills (open / all); one bill; pay
 * a bill or everything owed through 微擎's cashier; payments with their receipts (收据).
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

list($client, $current) = $this->requireClient();
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$statusLabels = cloudacct_money_labels('bill_status');
$listUrl = $this->createMobileUrl('bills');

if ($op === 'pay' || $op === 'payall') {
    // 微擎's cashier, or with payment_mode wechat_v3 the WeixinJSBridge page (site.php payPage)
    $this->payPage($client, $op === 'pay' ? array('bill_id' => $id) : array('all' => $current), $listUrl,
        $op === 'pay' ? 'bill' : 'all', $op === 'pay' ? $id : $current);
}

if ($op === 'paystate') {
    $this->payState($client, cloudacct_str('kind') === 'all' ? 'all' : 'bill', $id);
}

if ($op === 'payresult') {
    $this->payResultPage($client, cloudacct_str('kind') === 'all' ? 'all' : 'bill', $id);
}

if ($op === 'bill') {
    $bill = cloudacct_guard(function () use ($client, $id) {
        return cloudacct_do_bill($client, $id);
    }, $listUrl);
    foreach (array('amount', 'paid', 'waived', 'owed') as $k) {
        $bill[$k] = cloudacct_yuan($bill[$k . '_fen']);
    }
    $this->render('bill', array('title' => '账单详情', 'b' => $bill, 'back' => $listUrl,
        'pay_url' => $this->createMobileUrl('bills', array('op' => 'pay', 'id' => $id)), 'tabs' => $this->clientTabs('bills')));
}

if ($op === 'receipt') {
    $r = cloudacct_guard(function () use ($client, $id) {
        return cloudacct_do_receipt($client, $id);
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
    $result = cloudacct_guard(function () use ($client, $current, $page) {
        return cloudacct_do_payments($client, $current, $page);
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
$page = cloudacct_page();
$both = cloudacct_guard(function () use ($client, $current, $status, $page) {
    return cloudacct_do_bills($client, $current, $status, $page);
});
$summary = $both['summary'];
$result = $both['bills'];
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
