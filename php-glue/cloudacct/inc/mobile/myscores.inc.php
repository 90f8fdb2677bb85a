<?php
/**
 * 我的评分 (staff): my rating aggregates and ratings, the complaints about me that are resolved or
 * closed (the extension shows an employee nothing earlier), and my performance for this month and
 * last month.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$staff = $this->requireStaff();
$complaints = cloudacct_area('Quality\Complaints');
$op = cloudacct_str('op', 'list');

if ($op === 'complaint') {
    $id = cloudacct_int('id');
    $c = cloudacct_guard(function () use ($complaints, $staff, $id) {
        return $complaints->get($staff, $id);
    }, $this->createMobileUrl('myscores'));
    $this->render('complaint', array('title' => '投诉详情', 'c' => cloudacct_complaint_view($c), 'error' => null,
        'thread' => cloudacct_complaint_thread($c['thread'], 'staff'),
        'can' => array('comment' => false, 'reopen' => false, 'close' => false),
        'urls' => array('job' => $c['job_id'] ? $this->createMobileUrl('work', array('op' => 'detail', 'id' => $c['job_id'])) : ''),
        'back' => $this->createMobileUrl('myscores'), 'tabs' => $this->staffTabs('')));
}

$page = cloudacct_page();
$all = cloudacct_guard(function () use ($staff, $page) {
    return cloudacct_do_my_scores($staff, $page);
});
$mine = $all['ratings'];
$summary = $mine['summary'];
$dims = array();
foreach (isset($summary['dimensions']) && is_array($summary['dimensions']) ? $summary['dimensions'] : array() as $name => $avg) {
    $dims[] = array('name' => (string) $name, 'avg' => number_format($avg, 2));
}
$rows = array();
foreach ($mine['items'] as $r) {
    $r['at'] = cloudacct_date($r['created_at']);
    $r['score_text'] = array();
    foreach (is_array($r['scores']) ? $r['scores'] : array() as $dim => $score) {
        $r['score_text'][] = $dim . ' ' . (int) $score;
    }
    $r['score_text'] = implode(' · ', $r['score_text']);
    $rows[] = $r;
}
$about = $all['complaints'];
$crows = array();
foreach ($about['items'] as $c) {
    $crows[] = cloudacct_complaint_view($c) + array('url' => $this->createMobileUrl('myscores', array('op' => 'complaint', 'id' => $c['id'])));
}
$months = array();
foreach (array('本月' => 'this_month', '上月' => 'last_month') as $label => $k) {
    $months[] = array('label' => $label) + cloudacct_performance_view($all['performance'][$k]);
}
$this->render('myscores', array('title' => '我的评分', 'summary' => $summary, 'dims' => $dims, 'rows' => $rows, 'complaints' => $crows,
    'months' => $months, 'more' => $page * 20 < $mine['total'] ? $this->createMobileUrl('myscores', array('page' => $page + 1)) : '',
    'tabs' => $this->staffTabs('')));
