<?php
/**
 * 门店管理: list (with inactive ones), create / edit, activate / deactivate, and which stores a
 * 微擎 backend user is limited to (admin store scope).
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$stores = cloudacct_area('People\Stores');
$op = cloudacct_str('op', 'list');
$error = null;

if ($op === 'active' && cloudacct_submitted()) {
    $id = cloudacct_int('id');
    $on = cloudacct_str('active') === '1';
    cloudacct_guard(function () use ($stores, $admin, $id, $on) {
        $stores->setActive($admin, $id, $on);
    });
    itoast($on ? '门店已启用' : '门店已停用', $this->createWebUrl('stores'), 'success');
}

if ($op === 'scope') {
    $uid = cloudacct_int('uid');
    if (cloudacct_submitted()) {
        $ids = array_map('intval', cloudacct_list('store_ids'));
        if (cloudacct_attempt(function () use ($stores, $admin, $uid, $ids) {
            $stores->setAdminScope($admin, $uid, $ids);
        }, $error)) {
            itoast($ids ? '已限定该用户只能管理所选门店' : '已取消门店限制（可管理全部门店）', $this->createWebUrl('stores', array('op' => 'scope', 'uid' => $uid)), 'success');
        }
    }
    $users = pdo_fetchall('SELECT u.uid, u.username, au.role FROM ' . tablename('uni_account_users') . ' au JOIN ' . tablename('users')
        . ' u ON u.uid = au.uid WHERE au.uniacid = :uniacid ORDER BY u.uid', array(':uniacid' => $_W['uniacid']));
    $scope = $uid > 0 ? cloudacct_guard(function () use ($stores, $admin, $uid) {
        return $stores->adminScope($admin, $uid);
    }) : array();
    $this->render('store_scope', array(
        'uid' => $uid,
        'users' => $users,
        'scope' => $scope,
        'stores' => cloudacct_store_options($admin, true),
        'error' => $error,
        'route' => cloudacct_route_fields('stores'),
        'back' => $this->createWebUrl('stores'),
    ));
}

if ($op === 'edit') {
    $id = cloudacct_int('id');
    $row = $id ? cloudacct_guard(function () use ($stores, $admin, $id) {
        return $stores->get($admin, $id);
    }) : array('name' => '', 'address' => '', 'phone' => '', 'sort' => 0);
    if (cloudacct_submitted()) {
        $data = array('name' => cloudacct_str('name'), 'address' => cloudacct_str('address'), 'phone' => cloudacct_str('phone'),
            'sort' => cloudacct_int('sort'));
        $row = array_merge($row, $data);
        if (cloudacct_attempt(function () use ($stores, $admin, $id, $data) {
            return $id ? $stores->update($admin, $id, $data) : $stores->create($admin, $data);
        }, $error)) {
            itoast($id ? '门店已保存' : '门店已添加', $this->createWebUrl('stores'), 'success');
        }
    }
    $this->render('store_edit', array('id' => $id, 'row' => $row, 'error' => $error, 'back' => $this->createWebUrl('stores'),
        'action' => $this->createWebUrl('stores', array('op' => 'edit', 'id' => $id))));
}

$list = cloudacct_store_options($admin, true);
$rows = array();
foreach ($list as $s) {
    $rows[] = $s + array(
        'edit_url' => $this->createWebUrl('stores', array('op' => 'edit', 'id' => $s['id'])),
        'staff_url' => $this->createWebUrl('staff', array('store_id' => $s['id'])),
        'clients_url' => $this->createWebUrl('clients', array('store_id' => $s['id'])),
    );
}
$this->render('stores', array(
    'rows' => $rows,
    'create_url' => $this->createWebUrl('stores', array('op' => 'edit')),
    'scope_url' => $this->createWebUrl('stores', array('op' => 'scope')),
    'active_action' => $this->createWebUrl('stores', array('op' => 'active')),
));
