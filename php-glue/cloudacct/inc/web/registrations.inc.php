<?php
/**
 * 注册审核: companies' self-registrations (filter by status, keyword; paged); approve onto an
 * existing company or into a new one made from the request (in a chosen store), or reject with a
 * reason the registrant sees.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$contacts = cloudacct_area('People\Contacts');
$op = cloudacct_str('op', 'list');
$error = null;
$self = $this;
$labels = cloudacct_labels('registration_status');
$q = array('status' => cloudacct_str('status', 'pending'), 'keyword' => cloudacct_str('keyword'));
$listUrl = $this->createWebUrl('registrations', array_filter($q, 'strlen'));

if ($op === 'approve' && cloudacct_submitted()) {
    $id = cloudacct_int('id');
    $target = cloudacct_str('target', 'new');
    $clientId = $target === 'existing' ? cloudacct_int('client_id') : null;
    $storeId = cloudacct_int('store_id');
    $approved = 0;
    if ($target === 'existing' && $clientId <= 0) {
        $error = array('message' => '请填写要绑定到的已有客户编号（可在“客户管理”中查到）。', 'field' => 'client_id');
    } elseif (cloudacct_attempt(function () use ($contacts, $admin, $id, $clientId, $storeId) {
        return $contacts->approve($admin, $id, $clientId, $storeId);
    }, $error, $approved)) {
        itoast('已通过，联系人已绑定到客户 #' . $approved, $listUrl, 'success');
    }
}
if ($op === 'reject' && cloudacct_submitted()) {
    $id = cloudacct_int('id');
    $reason = cloudacct_str('reason');
    if (cloudacct_attempt(function () use ($contacts, $admin, $id, $reason) {
        $contacts->reject($admin, $id, $reason);
    }, $error)) {
        itoast('已拒绝该注册申请', $listUrl, 'success');
    }
}

$filter = array();
if (isset($labels[$q['status']])) {
    $filter['status'] = $q['status'];
}
if ($q['keyword'] !== '') {
    $filter['keyword'] = $q['keyword'];
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($contacts, $admin, $filter, $page) {
    return $contacts->registrations($admin, $filter, $page, 20);
});
$rows = array();
foreach ($result['items'] as $r) {
    $rows[] = $r + array(
        'status_label' => isset($labels[$r['status']]) ? $labels[$r['status']] : $r['status'],
        'created' => cloudacct_date($r['created_at']),
        'reviewed' => cloudacct_date($r['reviewed_at']),
        'client_url' => !empty($r['client_id']) ? $this->createWebUrl('clients', array('op' => 'detail', 'id' => $r['client_id'])) : '',
    );
}
$this->render('registrations', array(
    'rows' => $rows, 'q' => $q, 'labels' => $labels, 'error' => $error,
    'stores' => cloudacct_store_options($admin),
    'route' => cloudacct_route_fields('registrations'),
    'approve_action' => $this->createWebUrl('registrations', array('op' => 'approve') + array_filter($q, 'strlen')),
    'reject_action' => $this->createWebUrl('registrations', array('op' => 'reject') + array_filter($q, 'strlen')),
    'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $q) {
        return $self->createWebUrl('registrations', array_filter($q, 'strlen') + array('page' => $p));
    }),
));
