<?php
/** 服务详情: one on-sale service (what it includes, price, how it is handled). */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$actor = cloudacct_staff();
if ($actor === null) {
    list($actor) = $this->requireClient();
}
$id = cloudacct_int('id');
$s = cloudacct_guard(function () use ($actor, $id) {
    return cloudacct_area('Work\Catalog')->service($actor, $id);
}, $this->createMobileUrl('services'));
$priceTypes = cloudacct_labels('price_type');
$s['cover_url'] = !empty($s['cover']) ? tomedia($s['cover']) : '';
$s['price_type_label'] = isset($priceTypes[$s['price_type']]) ? $priceTypes[$s['price_type']] : $s['price_type'];
$s['checklist'] = isset($s['checklist']) && is_array($s['checklist']) ? $s['checklist'] : array();
$this->render('service', array('title' => $s['title'], 's' => $s, 'back' => $this->createMobileUrl('services'),
    'phone' => (string) cloudacct_area('Settings')->get('firm_phone'), 'tabs' => $this->clientTabs('services'),
    'order_url' => cloudacct_staff() === null ? $this->createMobileUrl('orders', array('op' => 'new', 'service_id' => $id)) : ''));
