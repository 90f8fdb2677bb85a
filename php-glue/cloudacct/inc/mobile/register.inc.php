<?php
/** 企业自助注册: a fan without an invite asks to become a client (an admin approves or rejects). */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$openid = $this->requireOpenid();
$contacts = cloudacct_area('People\Contacts');
$error = null;
$form = array('name' => cloudacct_str('name'), 'phone' => cloudacct_str('phone'), 'company_name' => cloudacct_str('company_name'),
    'credit_code' => cloudacct_str('credit_code'));
if (cloudacct_submitted()) {
    if (cloudacct_attempt(function () use ($contacts, $openid, $form) {
        return $contacts->register($openid, $form['name'], $form['phone'], $form['company_name'],
            $form['credit_code'] === '' ? null : $form['credit_code'], cloudacct_ip());
    }, $error)) {
        message('申请已提交，我们审核后会通知您。', $this->createMobileUrl('home'), 'success');
    }
}
$status = cloudacct_guard(function () use ($contacts, $openid) {
    return $contacts->registrationStatus($openid);
});
if ($status) {
    $labels = cloudacct_labels('registration_status');
    $status['status_label'] = isset($labels[$status['status']]) ? $labels[$status['status']] : $status['status'];
}
$this->render('register', array(
    'title' => '企业注册', 'form' => $form, 'error' => $error, 'status' => $status,
    'allowed' => (bool) cloudacct_area('Settings')->get('client_self_register'),
    'action' => $this->createMobileUrl('register'), 'home' => $this->createMobileUrl('home'),
));
