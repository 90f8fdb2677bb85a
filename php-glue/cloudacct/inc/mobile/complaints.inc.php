<?php
/**
 * 我的投诉 (client): the current company's complaints; filing one (description, attachments checked
 * like a business request's, optionally one of the company's jobs); one complaint with its thread
 * (the firm's replies and state changes, never internal notes); reply, reopen within the window
 * (once), close (confirm it is settled). The extension decides what the contact may do ("actions").
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

list($client, $current) = $this->requireClient();
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$detailUrl = $this->createMobileUrl('complaints', array('op' => 'detail', 'id' => $id));

if ($op === 'new') {
    $form = array('description' => cloudacct_text('description'), 'job_id' => cloudacct_int('job_id'));
    if (cloudacct_submitted()) {
        $files = cloudacct_upload_attachments('attachments', $error);
        if ($files !== false) {
            $newId = 0;
            if (cloudacct_attempt(function () use ($client, $current, $form, $files) {
                return cloudacct_do_complain($client, $current, $form['description'], $form['job_id'], $files);
            }, $error, $newId)) {
                message('投诉已提交，我们会尽快处理并回复您。', $this->createMobileUrl('complaints', array('op' => 'detail', 'id' => $newId)), 'success');
            }
            foreach ($files as $f) {
                file_delete($f);
            }
        }
    }
    $recent = cloudacct_guard(function () use ($client, $current) {
        return cloudacct_area('Work\Jobs')->list($client, 'client', array('client_id' => $current), 1, 50);
    });
    $jobOptions = array();
    foreach ($recent['items'] as $j) {
        $jobOptions[] = array('id' => (int) $j['id'], 'title' => $j['title'] . '（' . $j['status_label'] . '）');
    }
    $this->render('complaint_new', array('title' => '我要投诉', 'form' => $form, 'jobs' => $jobOptions, 'error' => $error,
        'action' => $this->createMobileUrl('complaints', array('op' => 'new')), 'back' => $this->createMobileUrl('complaints'),
        'tabs' => $this->clientTabs('')));
}

$writes = array('reply' => '已发送', 'reopen' => '投诉已重新打开，我们会再次处理。', 'close' => '感谢您的确认，投诉已关闭。');
if (isset($writes[$op]) && cloudacct_submitted()) {
    $text = cloudacct_text('text');
    if (cloudacct_attempt(function () use ($client, $id, $op, $text) {
        cloudacct_do_complaint_write($client, $id, $op, $text);
    }, $error)) {
        message($writes[$op], $detailUrl, 'success');
    }
    $op = 'detail';
}

if ($op === 'detail') {
    $c = cloudacct_guard(function () use ($client, $id) {
        return cloudacct_do_complaint($client, $id);
    }, $this->createMobileUrl('complaints'));
    $this->render('complaint', array('title' => '投诉详情', 'c' => cloudacct_complaint_view($c), 'error' => $error,
        'thread' => cloudacct_complaint_thread($c['thread'], 'client'),
        'can' => array_fill_keys($c['actions'], true) + array('comment' => false, 'reopen' => false, 'close' => false),
        'urls' => array('reply' => $this->createMobileUrl('complaints', array('op' => 'reply', 'id' => $id)),
            'reopen' => $this->createMobileUrl('complaints', array('op' => 'reopen', 'id' => $id)),
            'close' => $this->createMobileUrl('complaints', array('op' => 'close', 'id' => $id)),
            'job' => $c['job_id'] ? $this->createMobileUrl('jobs', array('op' => 'detail', 'id' => $c['job_id'])) : ''),
        'back' => $this->createMobileUrl('complaints'), 'tabs' => $this->clientTabs('')));
}

$page = cloudacct_page();
$result = cloudacct_guard(function () use ($client, $current, $page) {
    return cloudacct_do_complaints($client, array('client_id' => $current), $page);
});
$rows = array();
foreach ($result['items'] as $c) {
    $rows[] = cloudacct_complaint_view($c) + array('url' => $this->createMobileUrl('complaints', array('op' => 'detail', 'id' => $c['id'])));
}
$this->render('complaints', array('title' => '我的投诉', 'rows' => $rows,
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('complaints', array('page' => $page + 1)) : '',
    'new_url' => $this->createMobileUrl('complaints', array('op' => 'new')), 'tabs' => $this->clientTabs('')));
