<?php
/**
 * 抢单池 (staff): open jobs this staff member may grab, refreshed live (the page polls
 * op=state, a small JSON list of the ids still open, and marks the others 已被抢走); grab one
 * (exactly one claim wins; the others are told 已被抢走).
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$staff = $this->requireStaff();
$jobs = cloudacct_area('Work\Jobs');
$op = cloudacct_str('op', 'list');

if ($op === 'state') {
    header('Content-Type: application/json; charset=utf-8');
    header('Cache-Control: no-store');
    try {
        $ids = array();
        $r = $jobs->list($staff, 'pool', array(), 1, 100);
        foreach ($r['items'] as $j) {
            $ids[] = (int) $j['id'];
        }
        exit(json_encode(array('errno' => 0, 'open' => $ids, 'total' => (int) $r['total']), JSON_UNESCAPED_UNICODE));
    } catch (Exception $e) {
        exit(json_encode(array('errno' => 1, 'message' => cloudacct_error_text($e)), JSON_UNESCAPED_UNICODE));
    }
}

if ($op === 'grab' && cloudacct_submitted()) {
    $id = cloudacct_int('id');
    $error = null;
    if (cloudacct_attempt(function () use ($staff, $id) {
        cloudacct_do_grab($staff, $id);
    }, $error)) {
        message('抢单成功！请尽快联系客户开始办理。', $this->createMobileUrl('work', array('op' => 'detail', 'id' => $id)), 'success');
    }
    $lost = strpos($error['message'], '已被抢走') !== false;
    message($error['message'], $this->createMobileUrl('pool'), $lost ? 'info' : 'error');
}

$page = cloudacct_page();
$result = cloudacct_guard(function () use ($staff, $page) {
    return cloudacct_do_pool($staff, $page);
});
$rows = array();
foreach ($result['items'] as $j) {
    $rows[] = $j + array('created' => cloudacct_date($j['created_at']), 'deadline' => cloudacct_date($j['grab_deadline'], 'H:i'));
}
$this->render('pool', array('title' => '抢单池', 'rows' => $rows, 'total' => $result['total'],
    'grab_action' => $this->createMobileUrl('pool', array('op' => 'grab')),
    'state_url' => $this->createMobileUrl('pool', array('op' => 'state')),
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('pool', array('page' => $page + 1)) : '',
    'tabs' => $this->staffTabs('pool')));
