<?php
/** 我的客户 (staff): the companies I am the exclusive accountant of, what each owes, and 提醒缴费 (Dunning::remindNow). */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$staff = $this->requireStaff();
$listUrl = $this->createMobileUrl('myclients');

if (cloudacct_str('op') === 'remind' && cloudacct_submitted()) {
    $clientId = cloudacct_int('client_id');
    $error = null;
    $log = null;
    if (cloudacct_attempt(function () use ($staff, $clientId) {
        return cloudacct_area('Ledger\Dunning')->remindNow($staff, $clientId);
    }, $error, $log)) {
        message('已提醒客户缴费（通知 ' . (int) $log['recipients'] . ' 位联系人）。', $listUrl, 'success');
    }
    message('未能提醒：' . $error['message'], $listUrl, 'info');
}

$page = cloudacct_page();
$result = cloudacct_guard(function () use ($staff, $page) {
    return cloudacct_area('People\Clients')->search($staff, array('accountant_id' => $staff->id), $page, 20);
});
$owed = array();
cloudacct_guard(function () use ($staff, &$owed) {
    $reports = cloudacct_area('Ledger\Reports');
    for ($p = 1; $p <= 10; $p++) {
        $r = $reports->arrears($staff, array('accountant_id' => $staff->id), $p, 100);
        foreach ($r['items'] as $row) {
            $owed[(int) $row['client_id']] = $row;
        }
        if ($p * 100 >= $r['total']) {
            break;
        }
    }
});
$rows = array();
foreach ($result['items'] as $c) {
    $a = isset($owed[(int) $c['id']]) ? $owed[(int) $c['id']] : null;
    $rows[] = array('id' => $c['id'], 'name' => $c['name'], 'taxpayer' => cloudacct_label(cloudacct_labels('taxpayer_type'), $c['taxpayer_type']),
        'owed' => $a ? cloudacct_yuan($a['outstanding_fen']) : '', 'overdue_days' => $a ? (int) $a['days_overdue'] : 0,
        'paid_through' => $a ? $a['paid_through'] : '', 'reminded' => $a && $a['last_reminded_at'] ? cloudacct_date($a['last_reminded_at']) : '');
}
$this->render('myclients', array('title' => '我的客户', 'rows' => $rows,
    'remind_action' => $this->createMobileUrl('myclients', array('op' => 'remind')),
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('myclients', array('page' => $page + 1)) : '',
    'tabs' => $this->staffTabs('myclients')));
