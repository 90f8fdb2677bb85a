<?php
/**
 * 服务评价: every rating with filters (employee, store, 好/中/差评, date range) and paging; the staff
 * scoreboard (Bayesian average, by store); follow-ups of bad ratings (open first) handled with a
 * note (a form with the token).
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$ratings = cloudacct_area('Quality\Ratings');
$op = cloudacct_str('op', 'list');
$error = null;
$self = $this;
$overallLabels = array('good' => '好评', 'neutral' => '中评', 'bad' => '差评');
$stores = cloudacct_store_options($admin);
$staffOptions = cloudacct_staff_options($admin);
$storeNames = array();
foreach ($stores as $s) {
    $storeNames[(int) $s['id']] = $s['name'];
}
$tabs = array();
foreach (array('list' => '全部评价', 'scoreboard' => '员工排行', 'followups' => '差评跟进') as $k => $label) {
    $tabs[] = array('label' => $label, 'url' => $this->createWebUrl('ratings', array('op' => $k)), 'on' => $op === $k || ($op === 'handle' && $k === 'followups'));
}
$scoreText = function ($scores) {
    $out = array();
    foreach (is_array($scores) ? $scores : array() as $dim => $score) {
        $out[] = $dim . ' ' . (int) $score;
    }
    return implode(' · ', $out);
};

if ($op === 'handle' && cloudacct_submitted()) {
    $id = cloudacct_int('id');
    $note = cloudacct_text('note');
    if (cloudacct_attempt(function () use ($ratings, $admin, $id, $note) {
        $ratings->handleFollowup($admin, $id, $note);
    }, $error)) {
        itoast('已记录跟进结果', $this->createWebUrl('ratings', array('op' => 'followups')), 'success');
    }
    $op = 'followups';
}

if ($op === 'scoreboard') {
    $storeId = cloudacct_int('store_id');
    $page = cloudacct_page();
    $board = cloudacct_guard(function () use ($ratings, $admin, $storeId, $page) {
        return $ratings->scoreboard($admin, $storeId > 0 ? array('store_id' => $storeId) : array(), $page, 20);
    });
    $dims = $ratings->dimensions();
    $rows = array();
    foreach ($board['items'] as $r) {
        $r['store_name'] = isset($storeNames[(int) $r['store_id']]) ? $storeNames[(int) $r['store_id']] : '';
        $r['dim_values'] = array();
        foreach ($dims as $d) {
            $r['dim_values'][] = isset($r['dimensions'][$d]) ? number_format($r['dimensions'][$d], 2) : '—';
        }
        $r['score_text'] = number_format($r['score'], 3);
        $r['average_text'] = number_format($r['average'], 2);
        $rows[] = $r;
    }
    $this->render('ratings_scoreboard', array('tabs' => $tabs, 'rows' => $rows, 'dims' => $dims, 'stores' => $stores, 'store_id' => $storeId,
        'prior_mean' => number_format($board['prior_mean'], 3), 'prior_weight' => $board['prior_weight'],
        'route' => cloudacct_route_fields('ratings'),
        'pager' => cloudacct_pager($board['total'], $page, 20, function ($p) use ($self, $storeId) {
            return $self->createWebUrl('ratings', array('op' => 'scoreboard', 'store_id' => $storeId, 'page' => $p));
        })));
}

if ($op === 'followups') {
    $status = cloudacct_str('status', 'open');
    $filter = in_array($status, array('open', 'handled'), true) ? array('status' => $status) : array();
    $page = cloudacct_page();
    $result = cloudacct_guard(function () use ($ratings, $admin, $filter, $page) {
        return $ratings->followups($admin, $filter, $page, 20);
    });
    $names = cloudacct_client_names($admin, array_map(function ($f) {
        return $f['client_id'];
    }, $result['items']));
    $rows = array();
    foreach ($result['items'] as $f) {
        $rows[] = $f + array('client_name' => isset($names[(int) $f['client_id']]) ? $names[(int) $f['client_id']] : '',
            'created' => cloudacct_date($f['created_at']), 'handled' => cloudacct_date($f['handled_at']), 'score_text' => $scoreText($f['scores']),
            'job_url' => $this->createWebUrl('jobs', array('op' => 'detail', 'id' => $f['job_id'])));
    }
    $this->render('ratings_followups', array('tabs' => $tabs, 'rows' => $rows, 'status' => $status, 'error' => $error,
        'action' => $this->createWebUrl('ratings', array('op' => 'handle')),
        'status_urls' => array('open' => $this->createWebUrl('ratings', array('op' => 'followups', 'status' => 'open')),
            'handled' => $this->createWebUrl('ratings', array('op' => 'followups', 'status' => 'handled')),
            'all' => $this->createWebUrl('ratings', array('op' => 'followups', 'status' => 'all'))),
        'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $status) {
            return $self->createWebUrl('ratings', array('op' => 'followups', 'status' => $status, 'page' => $p));
        })));
}

$q = array('staff_id' => cloudacct_int('staff_id'), 'store_id' => cloudacct_int('store_id'), 'client_id' => cloudacct_int('client_id'),
    'overall' => cloudacct_str('overall'), 'since' => cloudacct_str('since'), 'until' => cloudacct_str('until'));
$filter = array();
foreach (array('staff_id', 'store_id', 'client_id') as $k) {
    if ($q[$k] > 0) {
        $filter[$k] = $q[$k];
    }
}
if (isset($overallLabels[$q['overall']])) {
    $filter['overall'] = $q['overall'];
}
// dates are China time (UTC+8) days; until is inclusive here, exclusive for the extension
foreach (array('since' => 0, 'until' => 86400) as $k => $add) {
    if ($q[$k] !== '') {
        if (preg_match('/^\d{4}-\d{2}-\d{2}$/', $q[$k]) && ($t = strtotime($q[$k] . ' 00:00:00 +0800')) !== false) {
            $filter[$k] = $t + $add;
        } else {
            $error = array('message' => '日期格式应为 YYYY-MM-DD。', 'field' => $k);
            $q[$k] = '';
        }
    }
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($ratings, $admin, $filter, $page) {
    return $ratings->list($admin, $filter, $page, 20);
});
$rows = array();
foreach ($result['items'] as $r) {
    $rows[] = $r + array('at' => cloudacct_date($r['created_at']), 'score_text' => $scoreText($r['scores']),
        'average_text' => number_format($r['average'], 2),
        'job_url' => $this->createWebUrl('jobs', array('op' => 'detail', 'id' => $r['job_id'])));
}
$qs = array_filter($q, function ($v) {
    return $v !== '' && $v !== 0;
});
$this->render('ratings', array('tabs' => $tabs, 'rows' => $rows, 'q' => $q, 'overall' => $overallLabels, 'stores' => $stores,
    'staff' => $staffOptions, 'error' => $error, 'route' => cloudacct_route_fields('ratings'),
    'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $qs) {
        return $self->createWebUrl('ratings', $qs + array('page' => $p));
    }, !empty($result['total_capped']))));
