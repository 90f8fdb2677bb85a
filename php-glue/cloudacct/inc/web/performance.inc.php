<?php
/**
 * 员工绩效: every employee's figures for a month or a date range (China time), store filter and
 * sorting, a bar chart (ECharts) of completed jobs and fees, and the CSV export
 * (Performance::exportCsv).
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$performance = cloudacct_area('Quality\Performance');
$op = cloudacct_str('op', 'report');
$error = null;
$sorts = array('jobs_completed' => '完成工单', 'jobs_taken' => '接单数', 'on_time_rate' => '按时率', 'rating_average' => '评价均分',
    'ratings' => '评价数', 'complaints' => '投诉数', 'sla_breaches' => '超时次数', 'fees_collected_fen' => '收费金额');
$q = array('mode' => cloudacct_str('mode', 'month'), 'month' => cloudacct_str('month', cloudacct_period()),
    'from' => cloudacct_str('from'), 'to' => cloudacct_str('to'), 'store_id' => cloudacct_int('store_id'),
    'sort' => cloudacct_str('sort', 'jobs_completed'));
if (!isset($sorts[$q['sort']])) {
    $q['sort'] = 'jobs_completed';
}
if ($q['mode'] === 'range') {
    $period = array('from' => $q['from'], 'to' => $q['to']);
    $label = $q['from'] . ' 至 ' . $q['to'];
} else {
    $q['mode'] = 'month';
    $period = $q['month'];
    $label = $q['month'];
}
$options = array('sort' => $q['sort']);
if ($q['store_id'] > 0) {
    $options['store_id'] = $q['store_id'];
}
$reportUrl = $this->createWebUrl('performance');

if ($op === 'csv') {
    $body = cloudacct_guard(function () use ($performance, $admin, $period, $options) {
        return $performance->exportCsv($admin, $period, $options);
    }, $reportUrl);
    $name = 'performance-' . preg_replace('/[^0-9A-Za-z_-]+/', '_', is_array($period) ? $period['from'] . '_' . $period['to'] : $period) . '.csv';
    header('Content-Type: text/csv; charset=utf-8');
    header('Content-Disposition: attachment; filename="' . $name . '"');
    header('Cache-Control: no-store');
    echo $body;
    exit;
}

$items = array();
$from = $to = '';
try {
    $report = $performance->compare($admin, $period, $options);
    $items = $report['items'];
    $from = $report['from'];
    $to = $report['to'];
} catch (Exception $e) {
    $error = array('message' => cloudacct_error_text($e), 'field' => $e instanceof CloudAcct\ValidationException ? $e->getField() : '');
} catch (Error $e) {
    $error = array('message' => cloudacct_error_text($e), 'field' => '');
}
$stores = cloudacct_store_options($admin);
$storeNames = array();
foreach ($stores as $s) {
    $storeNames[(int) $s['id']] = $s['name'];
}
$rows = array();
$chart = array('names' => array(), 'completed' => array(), 'taken' => array(), 'fees' => array());
foreach ($items as $f) {
    $f = cloudacct_performance_view($f);
    $f['store_name'] = isset($storeNames[(int) $f['store_id']]) ? $storeNames[(int) $f['store_id']] : '';
    $rows[] = $f;
    $chart['names'][] = (string) $f['name'];
    $chart['completed'][] = (int) $f['jobs_completed'];
    $chart['taken'][] = (int) $f['jobs_taken'];
    $chart['fees'][] = round($f['fees_collected_fen'] / 100, 2);
}
$query = array('mode' => $q['mode'], 'sort' => $q['sort']) + ($q['mode'] === 'range' ? array('from' => $q['from'], 'to' => $q['to']) : array('month' => $q['month']))
    + ($q['store_id'] > 0 ? array('store_id' => $q['store_id']) : array());
$this->render('performance', array('rows' => $rows, 'q' => $q, 'sorts' => $sorts, 'stores' => $stores, 'error' => $error,
    'label' => $label, 'from' => $from, 'to' => $to, 'route' => cloudacct_route_fields('performance'),
    'chart_json' => json_encode($chart, JSON_UNESCAPED_UNICODE),
    'csv_url' => $error ? '' : $this->createWebUrl('performance', array('op' => 'csv') + $query)));
