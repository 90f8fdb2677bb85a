<?php
/**
 * 我的专属会计: the card of the current company's exclusive accountant, or of the company named
 * by client_id — which the core refuses (as not found) unless the contact belongs to it.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

list($client, $current, $companies) = $this->requireClient();
$companyId = cloudacct_int('client_id', $current);
$clients = cloudacct_area('People\Clients');
$company = cloudacct_guard(function () use ($clients, $client, $companyId) {
    return $clients->get($client, $companyId);
}, $this->createMobileUrl('home'));
$card = cloudacct_guard(function () use ($clients, $client, $companyId) {
    return $clients->accountantCard($client, $companyId);
}, $this->createMobileUrl('home'));
if ($card && !empty($card['photo'])) {
    $card['photo'] = tomedia($card['photo']);
}
$this->render('accountant', array('title' => '我的专属会计', 'company' => $company, 'card' => $card,
    'firm_phone' => (string) cloudacct_area('Settings')->get('firm_phone'), 'tabs' => $this->clientTabs('accountant')));
