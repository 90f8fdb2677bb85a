<?php
/**
 * 装修首页: the admin designs the client home page (the home_layout setting) — blocks (slides,
 * menu grid, announcement, recommended services, custom text) added, removed, reordered (drag or
 * up/down), edited, hidden, with a phone-width preview; saved through Settings::set, which
 * validates it (types, limits, links, image paths) and stores nothing that fails.
 * op=upload takes one slide / icon image through 微擎's file_upload and answers JSON.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;
require_once dirname(__DIR__) . '/diy.php';

$admin = cloudacct_admin();
$settings = cloudacct_area('Settings');
$op = cloudacct_str('op', 'edit');
$error = null;
$self = $this;
$editUrl = $this->createWebUrl('diy');

if ($op === 'upload' && cloudacct_submitted()) {
    $path = cloudacct_upload_image('image', $error);
    header('Content-Type: application/json; charset=utf-8');
    if ($path === false || $path === '') {
        echo json_encode(array('error' => $error ? $error['message'] : '请选择要上传的图片'), JSON_UNESCAPED_UNICODE);
    } else {
        echo json_encode(array('path' => $path, 'url' => tomedia($path)), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    }
    exit;
}
if ($op === 'reset' && cloudacct_submitted()) {
    cloudacct_guard(function () use ($settings, $admin) {
        $settings->reset($admin, 'home_layout');
    });
    itoast('已恢复默认首页', $editUrl, 'success');
}

$layoutJson = null;
if ($op === 'edit' && cloudacct_submitted()) {
    $layoutJson = isset($_POST['layout']) && is_string($_POST['layout']) ? $_POST['layout'] : '';
    $layout = json_decode($layoutJson, true);
    if (!is_array($layout)) {
        $error = array('message' => '首页装修：提交的内容格式不对，请刷新页面后重试。', 'field' => 'layout');
    } elseif (cloudacct_attempt(function () use ($settings, $admin, $layout) {
        $settings->set($admin, 'home_layout', $layout);
    }, $error)) {
        itoast('首页已保存，客户打开首页即可看到', $editUrl, 'success');
    }
}
if ($layoutJson === null) {
    $layoutJson = json_encode(cloudacct_guard(function () use ($settings) {
        return $settings->get('home_layout');
    }), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
}

// what the editor offers: the client pages, the on-sale services (for links and the picker)
$services = cloudacct_guard(function () use ($admin) {
    return cloudacct_area('Work\Catalog')->services($admin, array('on_sale' => true), 1, 100)['items'];
});
$pages = array();
foreach (cloudacct_diy_pages() as $do => $label) {
    if (cloudacct_diy_page_exists($do)) {
        $pages[] = array('link' => $do, 'label' => $label);
    }
}
$catalog = array();
foreach ($services as $s) {
    $catalog[] = array('id' => (int) $s['id'], 'title' => $s['title'], 'summary' => isset($s['summary']) ? $s['summary'] : '',
        'price' => $s['price'], 'cover_url' => !empty($s['cover']) ? tomedia($s['cover']) : '');
}
$this->render('diy', array(
    'error' => $error,
    'action' => $this->createWebUrl('diy'),
    'upload_action' => $this->createWebUrl('diy', array('op' => 'upload')),
    'reset_action' => $this->createWebUrl('diy', array('op' => 'reset')),
    // JSON for the editor script, HTML-escaped by render() into a textarea (read back as .value)
    'layout_json' => $layoutJson,
    'options_json' => json_encode(array('pages' => $pages, 'services' => $catalog, 'attachurl' => $_W['attachurl']),
        JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES),
));
