<?php
/**
 * 首页: staff see their card and duty switch; a client contact sees the current company, the
 * exclusive accountant and the home page the admin designed (首页装修: slides, menu, announcement,
 * recommended services, custom blocks); anybody else is offered binding (invite code,
 * staff code) and self-registration.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;
require_once dirname(__DIR__) . '/diy.php';

$staffActor = cloudacct_staff();
if ($staffActor !== null) {
    $staff = cloudacct_area('People\Staff');
    if (cloudacct_submitted()) {
        $on = cloudacct_str('on_duty') === '1';
        cloudacct_guard(function () use ($staff, $staffActor, $on) {
            $staff->setOnDuty($staffActor, $staffActor->id, $on);
        });
        message($on ? '已上班，可以接单了' : '已下班，不会再收到抢单', $this->createMobileUrl('home'), 'success');
    }
    $me = cloudacct_guard(function () use ($staff, $staffActor) {
        return $staff->get($staffActor, $staffActor->id);
    });
    $me['photo_url'] = !empty($me['photo']) ? tomedia($me['photo']) : '';
    $me['skills_text'] = implode('、', isset($me['skills']) ? $me['skills'] : array());
    $this->render('staff_home', array('title' => '员工首页', 'me' => $me, 'action' => $this->createMobileUrl('home'),
        'links' => array(array('url' => $this->createMobileUrl('pool'), 'label' => '抢单池'), array('url' => $this->createMobileUrl('work'), 'label' => '我的工单'),
            array('url' => $this->createMobileUrl('myclients'), 'label' => '我的客户'),
            array('url' => $this->createMobileUrl('bookedit'), 'label' => '上传账目'),
            array('url' => $this->createMobileUrl('myscores'), 'label' => '我的评分')),
        'tabs' => $this->staffTabs('home')));
}

list($client, $current, $companies) = $this->clientContext();
if ($client !== null && $current) {
    $clients = cloudacct_area('People\Clients');
    $company = cloudacct_guard(function () use ($clients, $client, $current) {
        return $clients->get($client, $current);
    });
    $card = cloudacct_guard(function () use ($clients, $client, $current) {
        return $clients->accountantCard($client, $current);
    });
    if ($card && !empty($card['photo'])) {
        $card['photo'] = tomedia($card['photo']);
    }
    $settings = cloudacct_area('Settings');
    $this->render('client_home', array(
        'title' => '首页',
        'company' => $company,
        'companies' => count($companies),
        'card' => $card,
        'firm' => (string) $settings->get('firm_name'),
        'firm_phone' => (string) $settings->get('firm_phone'),
        'blocks' => cloudacct_diy_blocks(function ($do, $query) {
            return $this->createMobileUrl($do, $query);
        }, $client), // 首页装修 (do=diy)
        'tabs' => $this->clientTabs('home'),
    ));
}

$registration = cloudacct_openid() !== '' ? cloudacct_guard(function () {
    return cloudacct_area('People\Contacts')->registrationStatus(cloudacct_openid());
}) : null;
if ($registration) {
    $labels = cloudacct_labels('registration_status');
    $registration['status_label'] = isset($labels[$registration['status']]) ? $labels[$registration['status']] : $registration['status'];
}
$this->render('welcome', array(
    'title' => '欢迎',
    'firm' => (string) cloudacct_area('Settings')->get('firm_name'),
    'registration' => $registration,
    'can_register' => (bool) cloudacct_area('Settings')->get('client_self_register'),
    'bind_url' => $this->createMobileUrl('bind'),
    'staffbind_url' => $this->createMobileUrl('staffbind'),
    'register_url' => $this->createMobileUrl('register'),
    'services_url' => $this->createMobileUrl('services'),
));
