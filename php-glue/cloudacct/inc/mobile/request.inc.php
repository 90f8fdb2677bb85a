<?php
/** 提交业务需求 (client): a free request (title, type, description, urgency, attachments) for the current company. */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

list($client, $current) = $this->requireClient();
$error = null;
$types = array('办理营业执照', '申领发票', '工商变更', '税务咨询', '社保公积金', '银行开户', '其他');
$form = array('title' => cloudacct_str('title'), 'type' => cloudacct_str('type'), 'description' => cloudacct_text('description'),
    'urgency' => cloudacct_str('urgency') === '1');
if (cloudacct_submitted()) {
    $files = cloudacct_upload_attachments('attachments', $error);
    if ($files !== false) {
        $input = array('title' => $form['title'], 'type' => $form['type'], 'description' => $form['description'],
            'urgency' => $form['urgency'] ? 1 : 0, 'attachments' => $files);
        $jobId = 0;
        if (cloudacct_attempt(function () use ($client, $current, $input) {
            return cloudacct_do_request($client, $current, $input);
        }, $error, $jobId)) {
            message('需求已提交，会计接单后会及时与您联系。', $this->createMobileUrl('jobs', array('op' => 'detail', 'id' => $jobId)), 'success');
        }
        foreach ($files as $f) {
            file_delete($f);
        }
    }
}
$this->render('request', array('title' => '提交需求', 'form' => $form, 'types' => $types, 'error' => $error,
    'action' => $this->createMobileUrl('request'), 'back' => $this->createMobileUrl('jobs'), 'tabs' => $this->clientTabs('jobs')));
