<?php
/**
 * 我的工单 (staff): jobs assigned to me (by state); one job with the client, its history and all
 * progress (internal entries marked); start, post progress (text, files, internal flag), ask the
 * client, record the client's answer given by phone, complete, put back into the pool.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$staff = $this->requireStaff();
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$detailUrl = $this->createMobileUrl('work', array('op' => 'detail', 'id' => $id));
$done = cloudacct_staff_job_ops();

if (isset($done[$op]) && cloudacct_submitted()) {
    $text = cloudacct_text('text');
    $files = in_array($op, array('progress', 'ask'), true) ? cloudacct_upload_attachments('attachments', $error) : array();
    if ($files !== false) {
        $internal = cloudacct_str('internal') === '1';
        if (cloudacct_attempt(function () use ($staff, $id, $op, $text, $internal, $files) {
            cloudacct_do_staff_job_op($staff, $id, $op, $text, $internal, $files);
        }, $error)) {
            message($done[$op], $op === 'release' ? $this->createMobileUrl('work') : $detailUrl, 'success');
        }
        foreach ($files as $f) {
            file_delete($f);
        }
    }
    $op = 'detail';
}

if ($op === 'detail') {
    $view = cloudacct_guard(function () use ($staff, $id) {
        return cloudacct_do_staff_job($staff, $id); // refuses a job that is not mine
    }, $this->createMobileUrl('work'));
    $job = $view['job'];
    $company = $view['company'];
    $entries = array();
    foreach ($view['entries'] as $p) {
        $entries[] = array('at' => cloudacct_date($p['at'])) + $p;
    }
    $job['created'] = cloudacct_date($job['created_at']);
    $job['due'] = cloudacct_date($job['due_at']);
    // my own client: straight to its books (上传账目) from the job
    $bookUrl = $company && isset($company['accountant_id']) && (int) $company['accountant_id'] === (int) $staff->id
        ? $this->createMobileUrl('bookedit', array('client_id' => (int) $company['id'])) : '';
    $urls = array();
    foreach (array_keys($done) as $a) {
        $urls[$a] = $this->createMobileUrl('work', array('op' => $a, 'id' => $id));
    }
    $this->render('work_job', array('title' => $job['title'], 'job' => $job, 'company' => $company, 'entries' => $entries,
        'error' => $error, 'urls' => $urls,
        'can' => $view['can'], 'book_url' => $bookUrl,
        'back' => $this->createMobileUrl('work'), 'tabs' => $this->staffTabs('work')));
}

$status = cloudacct_str('status');
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($staff, $status, $page) {
    return cloudacct_do_my_jobs($staff, $status, $page);
});
$rows = array();
foreach ($result['items'] as $j) {
    $rows[] = $j + array('created' => cloudacct_date($j['created_at']), 'due' => cloudacct_date($j['due_at']),
        'url' => $this->createMobileUrl('work', array('op' => 'detail', 'id' => $j['id'])));
}
$tabsStatus = array();
foreach (array('' => '全部', 'assigned' => '待开始', 'in_progress' => '办理中', 'waiting_client' => '待客户', 'done' => '已完成') as $k => $label) {
    $tabsStatus[] = array('url' => $this->createMobileUrl('work', $k === '' ? array() : array('status' => $k)), 'label' => $label, 'on' => $status === $k);
}
$this->render('work', array('title' => '我的工单', 'rows' => $rows, 'statuses' => $tabsStatus,
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('work', array('status' => $status, 'page' => $page + 1)) : '',
    'tabs' => $this->staffTabs('work')));
