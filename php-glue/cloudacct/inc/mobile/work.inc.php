<?php
/**
 * 我的工单 (staff): jobs assigned to me (by state); one job with the client, its history and all
 * progress (internal entries marked); start, post progress (text, files, internal flag), ask the
 * client, record the client's answer given by phone, complete, put back into the pool.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$staff = $this->requireStaff();
$jobs = cloudacct_area('Work\Jobs');
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$detailUrl = $this->createMobileUrl('work', array('op' => 'detail', 'id' => $id));
$done = array('start' => '已开始办理', 'progress' => '进度已发布', 'ask' => '已通知客户补充资料', 'replied' => '已记录客户答复',
    'complete' => '已标记为办理完成', 'release' => '已退回抢单池');

if (isset($done[$op]) && cloudacct_submitted()) {
    $text = cloudacct_text('text');
    $files = in_array($op, array('progress', 'ask'), true) ? cloudacct_upload_attachments('attachments', $error) : array();
    if ($files !== false) {
        $internal = cloudacct_str('internal') === '1';
        if (cloudacct_attempt(function () use ($jobs, $staff, $id, $op, $text, $internal, $files) {
            switch ($op) {
                case 'start':
                    $jobs->start($staff, $id);
                    break;
                case 'progress':
                    $jobs->addProgress($staff, $id, $text, $internal, $files);
                    break;
                case 'ask':
                    $jobs->askClient($staff, $id, $text, $files);
                    break;
                case 'replied':
                    $jobs->clientReplied($staff, $id, $text);
                    break;
                case 'complete':
                    $jobs->complete($staff, $id, $text);
                    break;
                case 'release':
                    $jobs->release($staff, $id, $text);
                    break;
            }
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
    $job = cloudacct_guard(function () use ($jobs, $staff, $id) {
        return $jobs->get($staff, $id);
    }, $this->createMobileUrl('work'));
    if ((int) $job['assignee_id'] !== (int) $staff->id) {
        message('该工单不是您负责的。', $this->createMobileUrl('work'), 'error');
    }
    $progress = cloudacct_guard(function () use ($jobs, $staff, $id) {
        return $jobs->progress($staff, $id);
    });
    $entries = array();
    foreach (array_reverse($progress) as $p) {
        $entries[] = array('text' => $p['body'], 'internal' => $p['visibility'] !== 'client', 'at' => cloudacct_date($p['created_at']),
            'author' => cloudacct_label(cloudacct_labels('actor_kind'), $p['author_kind']), 'files' => cloudacct_attachment_links($p['attachments']));
    }
    $company = null;
    try {
        $company = cloudacct_area('People\Clients')->get($staff, (int) $job['client_id']);
    } catch (Exception $e) {
        $company = null; // not their client: the job alone
    }
    $job['files'] = cloudacct_attachment_links($job['attachments']);
    $job['created'] = cloudacct_date($job['created_at']);
    $job['due'] = cloudacct_date($job['due_at']);
    $actions = array_flip(isset($job['actions']) ? $job['actions'] : array());
    $urls = array();
    foreach (array_keys($done) as $a) {
        $urls[$a] = $this->createMobileUrl('work', array('op' => $a, 'id' => $id));
    }
    $this->render('work_job', array('title' => $job['title'], 'job' => $job, 'company' => $company, 'entries' => $entries,
        'error' => $error, 'urls' => $urls,
        'can' => array('start' => isset($actions['start']), 'ask' => isset($actions['ask_client']), 'replied' => isset($actions['client_replied']),
            'complete' => isset($actions['complete']), 'release' => isset($actions['release']),
            'progress' => in_array($job['status'], array('assigned', 'in_progress', 'waiting_client', 'done'), true)),
        'back' => $this->createMobileUrl('work'), 'tabs' => $this->staffTabs('work')));
}

$status = cloudacct_str('status');
$filter = $status !== '' && $status !== 'all' ? array('status' => $status) : array();
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($jobs, $staff, $filter, $page) {
    return $jobs->list($staff, 'mine', $filter, $page, 20);
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
