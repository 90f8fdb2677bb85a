--TEST--
Glue: 装修首页 — the admin edits the client home layout (reorder, a custom block with an XSS payload, hidden blocks, picked services) and the client home shows it in that order, escaped; tokenless posts and bad layouts (javascript: link, 21 blocks, ../ image) are refused with a clear message and store nothing
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('diy');
$db = $site->db();
$stored = fn () => $db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'home_layout'");
$order = function (string $html): array {
    preg_match_all('/id="home-block-\d+" data-type="([a-z]+)"/', $html, $m);
    return $m[1];
};

// the default home: a menu grid of the client pages, the announcement, the first services on sale
$site->asFan('oDEMO_client_liuyang');
$home = $site->get($site->app('home'));
glue_check('default home: menu, notice, services', $order($home) === ['menu', 'notice', 'services'], implode(',', $order($home)) . GlueSite::phpErrors($home));
glue_check('default home: menu links to the client pages', str_contains($home, 'do=accountant') && str_contains($home, 'do=books') && str_contains($home, '我的会计') && GlueSite::phpErrors($home) === '', GlueSite::phpErrors($home));
glue_check('default home: recommended = on-sale services', str_contains($home, '小规模纳税人代理记账') && str_contains($home, '公司注册'));
glue_check('default home keeps the company and the accountant', str_contains($home, '北京远航国际贸易有限公司') && str_contains($home, '李强'));

// the editor page: menu entry, the stored layout for the script, the preview pane, the catalogue
$site->asAdmin();
$page = $site->get($site->web('diy'));
$token = GlueSite::token($page);
glue_check('editor renders', str_contains($page, '装修首页') && str_contains($page, 'id="diy-preview"') && str_contains($page, 'static/diy.js')
    && str_contains($page, 'id="diy-layout"') && strlen($token) === 8 && GlueSite::phpErrors($page) === '', GlueSite::phpErrors($page) . GlueSite::message($page));
glue_check('editor offers the on-sale services', preg_match('/id="diy-options"[^>]*>([^<]*)</', $page, $m) === 1
    && str_contains(html_entity_decode($m[1]), '"title":"公司注册"'));
glue_check('editor is in the backend menu', str_contains(file_get_contents(__DIR__ . '/../../php-glue/cloudacct/manifest.xml'), 'do="diy"'));
// a service taken off sale drops out of the recommendations even when picked
$site->post($site->web('catalog', ['op' => 'sale']), ['id' => 4, 'value' => 0, 'token' => $token, 'submit' => 1]);

// op=upload: a slide image through 微擎's file_upload (JSON answer), a .php file refused, no token refused
$png = base64_decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==');
[, $body] = $site->request($site->web('diy', ['op' => 'upload']), ['token' => $token, 'submit' => 1], ['image' => ['b.png', $png, 'image/png']]);
$up = json_decode($body, true);
glue_check('image uploaded', isset($up['path']) && preg_match('#^images/1/\d{4}/\d{2}/[A-Za-z0-9]+\.png$#', $up['path']) && is_file($site->dir . '/attachment/' . $up['path']), $body);
[, $body] = $site->request($site->web('diy', ['op' => 'upload']), ['token' => $token, 'submit' => 1], ['image' => ['evil.php', '<?php echo 1;', 'image/png']]);
$up = json_decode($body, true);
glue_check('.php upload refused', isset($up['error']) && str_contains($up['error'], '不允许上传') && !isset($up['path']), $body);
[, $body] = $site->request($site->web('diy', ['op' => 'upload']), ['submit' => 1], ['image' => ['b.png', $png, 'image/png']]);
glue_check('tokenless upload refused', str_contains(GlueSite::message($body), '表单校验失败'), GlueSite::message($body));

// the admin's layout: custom block first (XSS payload in title and text), a hidden notice, services picked 3, 4, 1, the menu last
$xss = GLUE_XSS . '<script>alert(1)</script>';
$layout = ['blocks' => [
    ['type' => 'custom', 'title' => '关于我们' . GLUE_XSS, 'text' => "第一行 $xss\n第二行"],
    ['type' => 'notice', 'hidden' => true, 'text' => '这条公告被隐藏了'],
    ['type' => 'services', 'title' => '本月推荐', 'ids' => [3, 4, 1], 'limit' => 5],
    ['type' => 'slides', 'items' => [['image' => 'images/1/2026/11/banner.jpg', 'link' => 'service:3'], ['image' => 'https://cdn.example.com/b.png', 'link' => 'https://example.com/promo']]],
    ['type' => 'notice', 'text' => '国庆期间正常办公 <b>加粗无效</b>'],
    ['type' => 'menu', 'title' => '常用功能', 'items' => [['label' => '去缴费', 'link' => 'bills'], ['label' => '看进度', 'link' => 'jobs', 'icon' => 'images/1/icon.png']]],
]];
$post = fn (array $l, array $extra = []) => $site->post($site->web('diy'), ['layout' => json_encode($l, JSON_UNESCAPED_UNICODE)] + $extra + ['submit' => 1]);

// without the token (and with a wrong one) nothing is stored
$before = $stored();
foreach (['no token' => [], 'wrong token' => ['token' => 'deadbeef']] as $how => $extra) {
    $body = $post($layout, $extra);
    glue_check("$how: refused", str_contains(GlueSite::message($body), '表单校验失败'), GlueSite::message($body));
}
glue_check('tokenless posts stored nothing', $stored() === $before && $before === null, var_export($stored(), true));

// refusals: a clear message on the editor, the submitted layout kept in the form, nothing stored
$bad = [
    'javascript: link' => [['blocks' => [['type' => 'menu', 'items' => [['label' => '点我', 'link' => 'javascript:alert(document.cookie)']]]]], '只能使用 https://'],
    'javascript: slide link' => [['blocks' => [['type' => 'slides', 'items' => [['image' => 'a.jpg', 'link' => 'JavaScript:alert(1)']]]]], '只能使用 https://'],
    '21 blocks' => [['blocks' => array_fill(0, 21, ['type' => 'notice', 'text' => '公告'])], '最多 20 个模块'],
    '../ image' => [['blocks' => [['type' => 'slides', 'items' => [['image' => '../../data/config.php.jpg']]]]], '不能含“..”'],
    'http image' => [['blocks' => [['type' => 'slides', 'items' => [['image' => 'http://evil.example/a.jpg']]]]], '只能使用 https://'],
    'staff page link' => [['blocks' => [['type' => 'menu', 'items' => [['label' => '抢单', 'link' => 'pool']]]]], '只能链接到本模块的页面'],
    'html block' => [['blocks' => [['type' => 'html', 'html' => '<script>alert(1)</script>']]], '类型只能是'],
];
foreach ($bad as $what => [$l, $want]) {
    $body = $post($l, ['token' => $token]);
    $err = preg_match('/id="form-error"[^>]*>([^<]*)</', $body, $m) ? html_entity_decode($m[1], ENT_QUOTES) : '';
    glue_check("$what: refused with a clear message", str_contains($err, $want) && str_contains($err, '首页装修'), $err . GlueSite::message($body));
    glue_check("$what: nothing stored", $stored() === null);
}
$body = $post($layout + ['x' => 1], ['token' => $token]);
glue_check('an unknown top-level key refused', str_contains($body, '只能包含 blocks') && $stored() === null);
$body2 = $site->post($site->web('diy'), ['layout' => '{not json', 'token' => $token, 'submit' => 1]);
glue_check('malformed JSON refused', str_contains($body2, '提交的内容格式不对') && $stored() === null);

// the good layout saves
$body = $post($layout, ['token' => $token]);
glue_check('saved', str_contains(GlueSite::message($body) . $body, '首页已保存') && json_decode($stored(), true) === $layout, GlueSite::message($body));
glue_check('the save is audited', (int) $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'setting_set' AND detail LIKE '%home_layout%'") === 1);
$page = $site->get($site->web('diy'));
glue_check('the editor shows the stored layout escaped', str_contains($page, '&lt;script&gt;alert(1)&lt;/script&gt;') && !str_contains($page, '<script>alert(1)'));

// the client sees it: in that order, hidden block left out, everything escaped
$site->asFan('oDEMO_client_liuyang');
$home = $site->get($site->app('home'));
glue_check('client home in the admin\'s order', $order($home) === ['custom', 'services', 'slides', 'notice', 'menu'], implode(',', $order($home)) . GlueSite::phpErrors($home));
glue_check('hidden block not shown', !str_contains($home, '这条公告被隐藏了'));
glue_check('custom block escaped', str_contains($home, '关于我们&quot;&lt;svg/onload=x&gt;') && str_contains($home, '&lt;script&gt;alert(1)&lt;/script&gt;')
    && !str_contains($home, '<svg') && !str_contains($home, '<script>alert(1)'));
glue_check('notice escaped', str_contains($home, '国庆期间正常办公 &lt;b&gt;加粗无效&lt;/b&gt;'));
$services = substr($home, strpos($home, 'data-type="services"'), 2000);
$p3 = strpos($services, '公司注册');
$p1 = strpos($services, '小规模纳税人代理记账');
glue_check('picked services in the picked order, off-sale one left out', $p3 !== false && $p1 !== false && $p3 < $p1 && !str_contains($services, '工商变更')
    && str_contains($services, '本月推荐'));
glue_check('links resolved with createMobileUrl', preg_match('/href="[^"]*(id=3&amp;do=service|do=service&amp;id=3)&/', $home) === 1 && str_contains($home, 'href="https://example.com/promo"')
    && str_contains($home, 'do=bills') && str_contains($home, '去缴费'), preg_match_all('/href="[^"]*"/', $home, $mm) ? implode(' ', $mm[0]) : '');
glue_check('images through tomedia', str_contains($home, 'attachment/images/1/2026/11/banner.jpg') && str_contains($home, 'src="https://cdn.example.com/b.png"')
    && str_contains($home, 'attachment/images/1/icon.png'));
glue_check('no PHP errors', GlueSite::phpErrors($home) === '', GlueSite::phpErrors($home));

// the admin restores the default
$site->asAdmin();
$site->post($site->web('diy', ['op' => 'reset']), ['token' => $token, 'submit' => 1]);
glue_check('reset back to the default', $stored() === null);
?>
--EXPECT--
ok default home: menu, notice, services
ok default home: menu links to the client pages
ok default home: recommended = on-sale services
ok default home keeps the company and the accountant
ok editor renders
ok editor offers the on-sale services
ok editor is in the backend menu
ok image uploaded
ok .php upload refused
ok tokenless upload refused
ok no token: refused
ok wrong token: refused
ok tokenless posts stored nothing
ok javascript: link: refused with a clear message
ok javascript: link: nothing stored
ok javascript: slide link: refused with a clear message
ok javascript: slide link: nothing stored
ok 21 blocks: refused with a clear message
ok 21 blocks: nothing stored
ok ../ image: refused with a clear message
ok ../ image: nothing stored
ok http image: refused with a clear message
ok http image: nothing stored
ok staff page link: refused with a clear message
ok staff page link: nothing stored
ok html block: refused with a clear message
ok html block: nothing stored
ok an unknown top-level key refused
ok malformed JSON refused
ok saved
ok the save is audited
ok the editor shows the stored layout escaped
ok client home in the admin's order
ok hidden block not shown
ok custom block escaped
ok notice escaped
ok picked services in the picked order, off-sale one left out
ok links resolved with createMobileUrl
ok images through tomedia
ok no PHP errors
ok reset back to the default
