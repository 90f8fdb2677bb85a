<?php
/**
 * 我的评分 (staff): my rating aggregates and ratings, the complaints about me that are resolved or
 * closed (the extension shows an employee nothing earlier), and my performance for this month and
 * last month.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$staff = $this->requireStaff();
$ratings = cloudacct_area('Quality\Ratings');
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
$mine = cloudacct_guard(function () use ($ratings, $staff, $page) {
    return $ratings->forStaff($staff, $staff->id, $page, 20);
});
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
$about = cloudacct_guard(function () use ($complaints, $staff) {
    return $complaints->list($staff, array(), 1, 20);
});
$crows = array();
foreach ($about['items'] as $c) {
    $crows[] = cloudacct_complaint_view($c) + array('url' => $this->createMobileUrl('myscores', array('op' => 'complaint', 'id' => $c['id'])));
}
$performance = cloudacct_area('Quality\Performance');
$months = array();
$thisMonth = cloudacct_period();
foreach (array('本月' => $thisMonth, '上月' => cloudacct_prev_period($thisMonth)) as $label => $p) {
    $f = cloudacct_guard(function () use ($performance, $staff, $p) {
        return $performance->forStaff($staff, $staff->id, $p);
    });
    $months[] = array('label' => $label, 'period' => $p) + cloudacct_performance_view($f);
}
$this->render('myscores', array('title' => '我的评分', 'summary' => $summary, 'dims' => $dims, 'rows' => $rows, 'complaints' => $crows,
    'months' => $months, 'more' => $page * 20 < $mine['total'] ? $this->createMobileUrl('myscores', array('page' => $page + 1)) : '',
    'tabs' => $this->staffTabs('')));
