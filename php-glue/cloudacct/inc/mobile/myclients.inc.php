<?php
/**
 * 我的客户 (staff): the companies I am the exclusive accountant of, what each owes, 提醒缴费
 * (Dunning::remindNow), and for each 上传账目 (the book entry of that company for last month) and
 * its jobs assigned to me.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;
require_once __DIR__ . '/../books.php';

$staff = $this->requireStaff();
$listUrl = $this->createMobileUrl('myclients');

if (cloudacct_str('op') === 'remind' && cloudacct_submitted()) {
    $clientId = cloudacct_int('client_id');
    $error = null;
    $log = null;
    if (cloudacct_attempt(function () use ($staff, $clientId) {
        return cloudacct_do_remind($staff, $clientId);
    }, $error, $log)) {
        message('已提醒客户缴费（通知 ' . (int) $log['recipients'] . ' 位联系人）。', $listUrl, 'success');
    }
    message('未能提醒：' . $error['message'], $listUrl, 'info');
}

$page = cloudacct_page();
$result = cloudacct_guard(function () use ($staff, $page) {
    return cloudacct_do_my_clients($staff, $page);
});
$bookPeriod = cloudacct_books_last_period();
$rows = array();
foreach ($result['items'] as $c) {
    $a = $c['arrears'];
    $rows[] = array('id' => $c['id'], 'name' => $c['name'], 'taxpayer' => cloudacct_label(cloudacct_labels('taxpayer_type'), $c['taxpayer_type']),
        'owed' => $a ? cloudacct_yuan($a['outstanding_fen']) : '', 'overdue_days' => $a ? (int) $a['days_overdue'] : 0,
        'paid_through' => $a ? $a['paid_through'] : '', 'reminded' => $a && $a['last_reminded_at'] ? cloudacct_date($a['last_reminded_at']) : '',
        'book_url' => $this->createMobileUrl('bookedit', array('client_id' => $c['id'], 'period' => $bookPeriod)));
}
$this->render('myclients', array('title' => '我的客户', 'rows' => $rows, 'book_period' => cloudacct_books_period_label($bookPeriod),
    'remind_action' => $this->createMobileUrl('myclients', array('op' => 'remind')),
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('myclients', array('page' => $page + 1)) : '',
    'tabs' => $this->staffTabs('myclients')));
