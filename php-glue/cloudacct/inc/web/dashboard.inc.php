<?php
/**
 * 数据看板: today's new jobs, open and escalated jobs, this month's collections, the arrears
 * total, ratings and complaints at a glance, and two ECharts charts (jobs per day over the last
 * 30 days, collections per month over the last 12 months). Every figure is one aggregate of the
 * extension (Jobs::stats, Reports::arrearsTotal, Reports::collections, list totals) — no SQL here
 * and no list paged through. Jobs per day and collections come from summary rows (docs/work.md,
 * docs/money.md); the jobs in hand are a snapshot, shown with the time it was counted.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$jobs = cloudacct_area('Work\Jobs');
$reports = cloudacct_area('Ledger\Reports');
$ratings = cloudacct_area('Quality\Ratings');
$complaints = cloudacct_area('Quality\Complaints');
$now = CloudAcct\Clock::now();
$day = 86400;
$todayStart = (int) (floor(($now + 8 * 3600) / $day) * $day - 8 * 3600); // 00:00 China time
$since = $todayStart - 29 * $day;

// jobs: counts by state and new jobs per business day, as aggregates (Jobs::stats)
$stats = cloudacct_guard(function () use ($jobs, $admin, $since, $todayStart, $day) {
    return $jobs->stats($admin, $since, $todayStart + $day);
});
$openStates = array('open' => '待抢单', 'assigned' => '已分配', 'in_progress' => '办理中', 'waiting_client' => '待客户补充');
$byState = array();
$openJobs = 0;
foreach ($openStates as $st => $label) {
    $n = (int) $stats['by_status'][$st];
    $byState[] = array('label' => $label, 'count' => $n, 'url' => $this->createWebUrl('jobs', array('status' => $st)));
    $openJobs += $n;
}
$escalated = (int) $stats['by_status']['escalated'];
$handAt = cloudacct_date((int) $stats['by_status_at'], 'H:i:s');
$perDay = array();
foreach ($stats['created'] as $date => $n) {
    $perDay[substr($date, 5)] = (int) $n; // "MM-DD" for the chart
}
$todayNew = (int) end($perDay);

// money: this month's collections, 12 months of collections, the arrears total
$month = cloudacct_period();
$first = gmdate('Y-m', gmmktime(0, 0, 0, (int) substr($month, 5, 2) - 11, 1, (int) substr($month, 0, 4)));
$collections = cloudacct_guard(function () use ($reports, $admin, $first, $month) {
    return $reports->collections($admin, $first, $month);
});
$perMonth = array();
for ($i = 0; $i < 12; $i++) {
    $perMonth[gmdate('Y-m', gmmktime(0, 0, 0, (int) substr($first, 5, 2) + $i, 1, (int) substr($first, 0, 4)))] = 0;
}
foreach ($collections as $row) {
    if (isset($perMonth[$row['period']])) {
        $perMonth[$row['period']] += (int) $row['net_fen'];
    }
}
$arrears = cloudacct_guard(function () use ($reports, $admin) {
    return $reports->arrearsTotal($admin);
});
$arrearsFen = (int) $arrears['outstanding_fen'];
$arrearsClients = (int) $arrears['clients'];

// quality: ratings by kind (the totals of the scoreboard's aggregate rows, never a count over every
// rating), open follow-ups, the top of the scoreboard, complaints waiting
$board = cloudacct_guard(function () use ($ratings, $admin) {
    return $ratings->scoreboard($admin, array(), 1, 5);
});
$ratingCounts = array();
foreach (array('good' => '好评', 'neutral' => '中评', 'bad' => '差评') as $k => $label) {
    $ratingCounts[] = array('key' => $k, 'label' => $label, 'count' => (int) $board['totals'][$k]);
}
$ratingTotal = (int) $board['totals']['ratings'];
$goodRate = $ratingTotal ? number_format(100 * $ratingCounts[0]['count'] / $ratingTotal, 1) . '%' : '—';
$openFollowups = (int) cloudacct_guard(function () use ($ratings, $admin) {
    return $ratings->followups($admin, array('status' => 'open'), 1, 1);
})['total'];
$top = array();
foreach ($board['items'] as $b) {
    $top[] = array('rank' => $b['rank'], 'name' => $b['name'], 'ratings' => $b['ratings'], 'score' => number_format($b['score'], 2));
}
$complaintCounts = array();
foreach (array('open' => '待处理', 'processing' => '处理中') as $st => $label) {
    $complaintCounts[] = array('label' => $label, 'count' => (int) cloudacct_guard(function () use ($complaints, $admin, $st) {
        return $complaints->list($admin, array('status' => $st), 1, 1);
    })['total'], 'url' => $this->createWebUrl('complaints', array('status' => $st)));
}
$escalatedComplaints = (int) cloudacct_guard(function () use ($complaints, $admin) {
    return $complaints->list($admin, array('escalated' => true), 1, 1);
})['total'];

$this->render('dashboard', array(
    'today' => cloudacct_date($now, 'Y-m-d'),
    'jobs' => array('today' => $todayNew, 'open' => $openJobs, 'escalated' => $escalated, 'states' => $byState, 'as_of' => $handAt),
    'money' => array('month' => $month, 'collected' => cloudacct_yuan($perMonth[$month]), 'arrears' => cloudacct_yuan($arrearsFen),
        'arrears_clients' => $arrearsClients),
    'ratings' => array('total' => $ratingTotal, 'counts' => $ratingCounts, 'good_rate' => $goodRate, 'followups' => $openFollowups, 'top' => $top),
    'complaints' => array('counts' => $complaintCounts, 'escalated' => $escalatedComplaints),
    'jobs_chart' => json_encode(array('days' => array_keys($perDay), 'counts' => array_values($perDay))),
    'money_chart' => json_encode(array('months' => array_keys($perMonth), 'yuan' => array_map(function ($f) {
        return round($f / 100, 2);
    }, array_values($perMonth)))),
    'urls' => array('jobs' => $this->createWebUrl('jobs'), 'escalated' => $this->createWebUrl('jobs', array('view' => 'escalated')),
        'collections' => $this->createWebUrl('money', array('op' => 'collections')), 'arrears' => $this->createWebUrl('money'),
        'ratings' => $this->createWebUrl('ratings'), 'followups' => $this->createWebUrl('ratings', array('op' => 'followups')),
        'scoreboard' => $this->createWebUrl('ratings', array('op' => 'scoreboard')), 'complaints' => $this->createWebUrl('complaints'),
        'performance' => $this->createWebUrl('performance')),
));
