<?php
/**
 * 服务项目: categories (add, rename, hide, delete when empty) and services (filter, create / edit
 * with cover upload, on / off sale, delete).
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$catalog = cloudacct_area('Work\Catalog');
$op = cloudacct_str('op', 'list');
$error = null;
$self = $this;
$listUrl = $this->createWebUrl('catalog');

if ($op === 'category' && cloudacct_submitted()) {
    $id = cloudacct_int('id');
    $data = array('name' => cloudacct_str('name'), 'sort' => cloudacct_int('sort'), 'visible' => cloudacct_str('visible', '0') === '1');
    if (cloudacct_attempt(function () use ($catalog, $admin, $data, $id) {
        return $catalog->saveCategory($admin, $data, $id);
    }, $error)) {
        itoast($id ? '分类已保存' : '分类已添加', $listUrl, 'success');
    }
}
if ($op === 'delcategory' && cloudacct_submitted()) {
    $id = cloudacct_int('id');
    if (cloudacct_attempt(function () use ($catalog, $admin, $id) {
        $catalog->deleteCategory($admin, $id);
    }, $error)) {
        itoast('分类已删除', $listUrl, 'success');
    }
}
if (($op === 'sale' || $op === 'delete') && cloudacct_submitted()) {
    $id = cloudacct_int('id');
    $on = cloudacct_str('value') === '1';
    cloudacct_guard(function () use ($catalog, $admin, $id, $on, $op) {
        if ($op === 'sale') {
            $catalog->updateService($admin, $id, array('on_sale' => $on));
        } else {
            $catalog->deleteService($admin, $id);
        }
    });
    itoast($op === 'delete' ? '服务已删除' : ($on ? '服务已上架' : '服务已下架'), $listUrl, 'success');
}

$categories = cloudacct_guard(function () use ($catalog, $admin) {
    return $catalog->categories($admin);
});

if ($op === 'edit') {
    $id = cloudacct_int('id');
    $row = $id ? cloudacct_guard(function () use ($catalog, $admin, $id) {
        return $catalog->service($admin, $id);
    }, $listUrl) : array('title' => '', 'category_id' => 0, 'cover' => '', 'summary' => '', 'description' => '', 'price_fen' => 0,
        'price_type' => 'one_off', 'on_sale' => true, 'sort' => 0, 'dispatch_mode' => 'grab', 'grab_window_minutes' => 0, 'skill' => '',
        'checklist' => array(), 'sla_hours' => 0);
    $row['price_text'] = cloudacct_yuan($row['price_fen']);
    if (cloudacct_submitted()) {
        $data = array(
            'title' => cloudacct_str('title'), 'category_id' => cloudacct_int('category_id'), 'summary' => cloudacct_str('summary'),
            'description' => isset($_POST['description']) && is_string($_POST['description']) ? str_replace("\r\n", "\n", trim($_POST['description'])) : '',
            'price_type' => cloudacct_str('price_type'), 'on_sale' => cloudacct_str('on_sale', '0') === '1', 'sort' => cloudacct_int('sort'),
            'dispatch_mode' => cloudacct_str('dispatch_mode'), 'grab_window_minutes' => cloudacct_int('grab_window_minutes'),
            'skill' => cloudacct_str('skill'), 'sla_hours' => cloudacct_int('sla_hours'),
            'checklist' => array_values(array_filter(array_map('trim', preg_split('/\R/u', isset($_POST['checklist']) && is_string($_POST['checklist']) ? $_POST['checklist'] : '')), 'strlen')),
        );
        $row = array_merge($row, $data);
        $row['price_text'] = cloudacct_str('price');
        try {
            $data['price_fen'] = CloudAcct\Money::parse(cloudacct_str('price') === '' ? '0' : cloudacct_str('price'));
        } catch (CloudAcct\ValidationException $e) {
            $error = array('message' => '价格：' . $e->getMessage(), 'field' => 'price');
        }
        $cover = $error ? '' : cloudacct_upload_image('cover_file', $error);
        if (!$error) {
            $data['cover'] = $cover !== '' ? $cover : cloudacct_str('cover');
            $row['cover'] = $data['cover'];
            if (cloudacct_attempt(function () use ($catalog, $admin, $id, $data) {
                return $id ? $catalog->updateService($admin, $id, $data) : $catalog->createService($admin, $data);
            }, $error)) {
                itoast($id ? '服务已保存' : '服务已添加', $listUrl, 'success');
            }
        }
    }
    $row['cover_url'] = !empty($row['cover']) ? tomedia($row['cover']) : '';
    $row['checklist_text'] = implode("\n", is_array($row['checklist']) ? $row['checklist'] : array());
    $this->render('service_edit', array(
        'id' => $id, 'row' => $row, 'error' => $error, 'categories' => $categories,
        'price_types' => cloudacct_labels('price_type'), 'modes' => cloudacct_labels('dispatch_mode'),
        'back' => $listUrl, 'action' => $this->createWebUrl('catalog', array('op' => 'edit', 'id' => $id)),
    ));
}

$q = array('category_id' => cloudacct_str('category_id'), 'keyword' => cloudacct_str('keyword'), 'on_sale' => cloudacct_str('on_sale'));
$filter = array();
if ((int) $q['category_id'] > 0) {
    $filter['category_id'] = (int) $q['category_id'];
}
if ($q['keyword'] !== '') {
    $filter['keyword'] = $q['keyword'];
}
if ($q['on_sale'] === '1' || $q['on_sale'] === '0') {
    $filter['on_sale'] = $q['on_sale'] === '1';
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($catalog, $admin, $filter, $page) {
    return $catalog->services($admin, $filter, $page, 20);
});
$catNames = array();
foreach ($categories as $c) {
    $catNames[$c['id']] = $c['name'];
}
$priceTypes = cloudacct_labels('price_type');
$modes = cloudacct_labels('dispatch_mode');
$rows = array();
foreach ($result['items'] as $s) {
    $rows[] = $s + array(
        'category' => isset($catNames[$s['category_id']]) ? $catNames[$s['category_id']] : '',
        'price_type_label' => isset($priceTypes[$s['price_type']]) ? $priceTypes[$s['price_type']] : $s['price_type'],
        'mode_label' => isset($modes[$s['dispatch_mode']]) ? $modes[$s['dispatch_mode']] : $s['dispatch_mode'],
        'edit_url' => $this->createWebUrl('catalog', array('op' => 'edit', 'id' => $s['id'])),
    );
}
$this->render('catalog', array(
    'rows' => $rows, 'q' => $q, 'categories' => $categories, 'error' => $error,
    'route' => cloudacct_route_fields('catalog'),
    'create_url' => $this->createWebUrl('catalog', array('op' => 'edit')),
    'category_action' => $this->createWebUrl('catalog', array('op' => 'category')),
    'delcategory_action' => $this->createWebUrl('catalog', array('op' => 'delcategory')),
    'sale_action' => $this->createWebUrl('catalog', array('op' => 'sale')),
    'delete_action' => $this->createWebUrl('catalog', array('op' => 'delete')),
    'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $q) {
        return $self->createWebUrl('catalog', array_filter($q, 'strlen') + array('page' => $p));
    }),
));
