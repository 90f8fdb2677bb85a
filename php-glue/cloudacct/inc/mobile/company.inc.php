<?php
/** 我的企业: the companies this contact belongs to, and switching the current one. */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

list($client, $current, $companies) = $this->requireClient();
if (cloudacct_submitted()) {
    $to = cloudacct_int('client_id');
    cloudacct_guard(function () use ($client, $to) {
        cloudacct_area('People\Contacts')->switchCompany($client, $to);
    });
    message('已切换企业', $this->createMobileUrl('home'), 'success');
}
$roles = cloudacct_labels('contact_role');
$status = cloudacct_labels('client_status');
foreach ($companies as &$c) {
    $c['role_label'] = isset($roles[$c['role']]) ? $roles[$c['role']] : $c['role'];
    $c['status_label'] = isset($status[$c['status']]) ? $status[$c['status']] : $c['status'];
    $c['is_current'] = (int) $c['client_id'] === $current;
}
unset($c);
$this->render('company', array('title' => '我的企业', 'companies' => $companies, 'action' => $this->createMobileUrl('company'),
    'bind_url' => $this->createMobileUrl('bind'), 'tabs' => $this->clientTabs('company')));
