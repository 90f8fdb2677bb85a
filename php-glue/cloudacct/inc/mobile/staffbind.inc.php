<?php
/** 员工绑定: an employee binds this WeChat to their staff record with the code an admin issued. */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$openid = $this->requireOpenid();
$error = null;
$code = cloudacct_str('code');
if (cloudacct_submitted()) {
    $staff = cloudacct_area('People\Staff');
    if ($code === '') {
        $error = array('message' => '请输入绑定码。', 'field' => 'code');
    } elseif (cloudacct_attempt(function () use ($staff, $openid, $code) {
        return $staff->bindByCode($openid, $code, cloudacct_ip());
    }, $error)) {
        message('绑定成功，您现在可以在微信里接单办件了。', $this->createMobileUrl('home'), 'success');
    }
}
$this->render('staffbind', array('title' => '员工绑定', 'code' => $code, 'error' => $error, 'action' => $this->createMobileUrl('staffbind'),
    'home' => $this->createMobileUrl('home')));
