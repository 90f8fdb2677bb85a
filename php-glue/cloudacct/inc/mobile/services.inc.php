<?php
/** 服务项目: the on-sale catalogue by category, with a keyword search and paging. */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$actor = cloudacct_staff();
if ($actor === null) {
    list($actor) = $this->requireClient();
}
$catalog = cloudacct_area('Work\Catalog');
$categoryId = cloudacct_int('category_id');
$keyword = cloudacct_str('keyword');
$page = cloudacct_page();
$filter = array();
if ($categoryId > 0) {
    $filter['category_id'] = $categoryId;
}
if ($keyword !== '') {
    $filter['keyword'] = $keyword;
}
$categories = cloudacct_guard(function () use ($catalog, $actor) {
    return $catalog->categories($actor);
});
$result = cloudacct_guard(function () use ($catalog, $actor, $filter, $page) {
    return $catalog->services($actor, $filter, $page, 20);
});
$priceTypes = cloudacct_labels('price_type');
$items = array();
foreach ($result['items'] as $s) {
    $items[] = $s + array(
        'url' => $this->createMobileUrl('service', array('id' => $s['id'])),
        'cover_url' => !empty($s['cover']) ? tomedia($s['cover']) : '',
        'unit' => $s['price_type'] === 'one_off' ? '' : ' / ' . str_replace('按', '', $priceTypes[$s['price_type']] ?? ''),
    );
}
$tabsCats = array(array('url' => $this->createMobileUrl('services'), 'label' => '全部', 'on' => $categoryId === 0));
foreach ($categories as $c) {
    $tabsCats[] = array('url' => $this->createMobileUrl('services', array('category_id' => $c['id'])), 'label' => $c['name'], 'on' => $categoryId === (int) $c['id']);
}
$self = $this;
$this->render('services', array(
    'title' => '服务项目', 'items' => $items, 'cats' => $tabsCats, 'keyword' => $keyword,
    'route' => cloudacct_route_fields('services', true), 'category_id' => $categoryId,
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('services', array_filter(array('category_id' => $categoryId, 'keyword' => $keyword)) + array('page' => $page + 1)) : '',
    'prev' => $page > 1 ? $this->createMobileUrl('services', array_filter(array('category_id' => $categoryId, 'keyword' => $keyword)) + array('page' => $page - 1)) : '',
    'tabs' => $this->clientTabs('services'),
));
