<?php
/** 绑定企业: a fan enters the invite code their accountant gave them, with their name and phone. */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$openid = $this->requireOpenid();
$error = null;
$form = array('code' => cloudacct_str('code'), 'name' => cloudacct_str('name'), 'phone' => cloudacct_str('phone'));
if (cloudacct_submitted()) {
    $contacts = cloudacct_area('People\Contacts');
    if ($form['code'] === '') {
        $error = array('message' => '请输入邀请码。', 'field' => 'code');
    } elseif (cloudacct_attempt(function () use ($contacts, $openid, $form) {
        return $contacts->bindByInvite($openid, $form['code'], $form['name'], $form['phone'], cloudacct_ip());
    }, $error)) {
        message('绑定成功，欢迎使用！', $this->createMobileUrl('home'), 'success');
    }
}
$this->render('bind', array('title' => '绑定企业', 'form' => $form, 'error' => $error, 'action' => $this->createMobileUrl('bind'),
    'home' => $this->createMobileUrl('home')));
