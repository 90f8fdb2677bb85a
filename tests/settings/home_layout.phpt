--TEST--
Settings home_layout: the default layout, a valid layout stored as given, every refusal typed and clear with nothing stored
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\{Actor, Store, Settings};
$db = ca_db('home_layout');
CloudAcct\Db\Schema::migrate($db);
$s = new Settings(new Store($db, 1));
$admin = Actor::admin(1);
// the default: empty slides, the client pages as a menu, an announcement, the first services on sale
$def = $s->get('home_layout');
echo implode(',', array_column($def['blocks'], 'type')), "\n";
echo implode(',', array_column($def['blocks'][1]['items'], 'link')), "\n";
echo json_encode([$def['blocks'][0]['items'], $def['blocks'][3]['ids'], $def['blocks'][3]['limit']]), "\n";
// the default passes its own check
$s->set($admin, 'home_layout', $def);
$s->reset($admin, 'home_layout');
$good = ['blocks' => [
    ['type' => 'custom', 'title' => '<b>关于我们</b>', 'text' => "<script>alert(1)</script>\n第二行"],
    ['type' => 'slides', 'items' => [['image' => 'images/1/2026/11/banner.jpg', 'link' => 'service:3'], ['image' => 'https://cdn.example.com/b.png', 'link' => '']]],
    ['type' => 'menu', 'hidden' => true, 'title' => '常用', 'items' => [['label' => '缴费', 'link' => 'bills', 'icon' => 'images/1/i.png'], ['label' => '官网', 'link' => 'https://example.com/a?b=1']]],
    ['type' => 'notice', 'text' => str_repeat('告', 200)],
    ['type' => 'services', 'title' => '', 'ids' => [3, 1], 'limit' => 20],
]];
$s->set($admin, 'home_layout', $good);
var_dump($s->get('home_layout') === $good);
$s->set($admin, 'home_layout', ['blocks' => array_fill(0, 20, ['type' => 'notice', 'text' => '满 20 个'])]);
var_dump(count($s->get('home_layout')['blocks']));
$s->set($admin, 'home_layout', $good);
$stored = $db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'home_layout'");

$n = fn(array $block) => ['blocks' => [$block]];
$bad = [
    'not a layout' => [1, 2],
    'extra top key' => ['blocks' => [], 'html' => '<b>'],
    'blocks not a list' => ['blocks' => ['a' => ['type' => 'notice', 'text' => 'x']]],
    '21 blocks' => ['blocks' => array_fill(0, 21, ['type' => 'notice', 'text' => 'x'])],
    'unknown type' => $n(['type' => 'html', 'html' => '<script>']),
    'no type' => $n(['text' => 'x']),
    'block not an object' => ['blocks' => ['notice']],
    'unknown field' => $n(['type' => 'notice', 'text' => 'x', 'html' => '<b>']),
    'hidden not bool' => $n(['type' => 'notice', 'text' => 'x', 'hidden' => 1]),
    'title too long' => $n(['type' => 'custom', 'title' => str_repeat('题', 33), 'text' => 'x']),
    'notice empty' => $n(['type' => 'notice', 'text' => '']),
    'notice missing' => $n(['type' => 'notice']),
    'notice too long' => $n(['type' => 'notice', 'text' => str_repeat('告', 201)]),
    'notice multiline' => $n(['type' => 'notice', 'text' => "a\nb"]),
    'custom too long' => $n(['type' => 'custom', 'text' => str_repeat('文', 2001)]),
    'custom bad utf8' => $n(['type' => 'custom', 'text' => "ok\xff"]),
    'custom control char' => $n(['type' => 'custom', 'text' => "a\x07b"]),
    'custom text not string' => $n(['type' => 'custom', 'text' => ['x']]),
    'slides no items' => $n(['type' => 'slides']),
    'slides 11' => $n(['type' => 'slides', 'items' => array_fill(0, 11, ['image' => 'a.jpg'])]),
    'slide without image' => $n(['type' => 'slides', 'items' => [['link' => 'bills']]]),
    'slide image ../' => $n(['type' => 'slides', 'items' => [['image' => 'images/../../data/config.jpg']]]),
    'slide image absolute' => $n(['type' => 'slides', 'items' => [['image' => '/etc/passwd.jpg']]]),
    'slide image http' => $n(['type' => 'slides', 'items' => [['image' => 'http://a.com/a.jpg']]]),
    'slide image javascript' => $n(['type' => 'slides', 'items' => [['image' => 'javascript:alert(1)']]]),
    'slide image php' => $n(['type' => 'slides', 'items' => [['image' => 'images/1/a.php']]]),
    'slide link javascript' => $n(['type' => 'slides', 'items' => [['image' => 'a.jpg', 'link' => 'javascript:alert(1)']]]),
    'slide item extra' => $n(['type' => 'slides', 'items' => [['image' => 'a.jpg', 'onclick' => 'x']]]),
    'menu 21' => $n(['type' => 'menu', 'items' => array_fill(0, 21, ['label' => 'a', 'link' => 'bills'])]),
    'menu label empty' => $n(['type' => 'menu', 'items' => [['label' => '', 'link' => 'bills']]]),
    'menu label too long' => $n(['type' => 'menu', 'items' => [['label' => '一二三四五六七八九', 'link' => 'bills']]]),
    'menu link missing' => $n(['type' => 'menu', 'items' => [['label' => '缴费']]]),
    'menu link staff page' => $n(['type' => 'menu', 'items' => [['label' => '抢单', 'link' => 'pool']]]),
    'menu link http' => $n(['type' => 'menu', 'items' => [['label' => '官网', 'link' => 'http://example.com']]]),
    'menu link data' => $n(['type' => 'menu', 'items' => [['label' => 'x', 'link' => 'data:text/html,<script>']]]),
    'menu link quote' => $n(['type' => 'menu', 'items' => [['label' => 'x', 'link' => 'https://a.com/" onclick="x']]]),
    'menu icon ../' => $n(['type' => 'menu', 'items' => [['label' => 'x', 'link' => 'bills', 'icon' => '../x.png']]]),
    'menu link not string' => $n(['type' => 'menu', 'items' => [['label' => 'x', 'link' => 5]]]),
    'services ids not list' => $n(['type' => 'services', 'ids' => 'all']),
    'services id zero' => $n(['type' => 'services', 'ids' => [0]]),
    'services id string' => $n(['type' => 'services', 'ids' => ['1']]),
    'services 21 ids' => $n(['type' => 'services', 'ids' => range(1, 21)]),
    'services limit 0' => $n(['type' => 'services', 'limit' => 0]),
    'services limit 21' => $n(['type' => 'services', 'limit' => 21]),
];
foreach ($bad as $what => $layout) {
    try {
        $s->set($admin, 'home_layout', $layout);
        echo "$what: stored!\n";
    } catch (CloudAcct\ValidationException $e) {
        echo "$what: ", $e->getField(), ' ', $e->getMessage(), "\n";
    }
}
// nothing of that was stored; a non-admin cannot write it either
ca_expect_throw(fn() => $s->set(Actor::client(1), 'home_layout', $good));
var_dump($db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'home_layout'") === $stored);
ca_drop_db('home_layout');
?>
--EXPECT--
slides,menu,notice,services
services,request,jobs,bills,books,orders,accountant,complaints,company
[[],[],4]
bool(true)
int(20)
not a layout: home_layout 首页装修：只能包含 blocks（模块列表）(only "blocks")
extra top key: home_layout 首页装修：只能包含 blocks（模块列表）(only "blocks")
blocks not a list: blocks 首页装修：模块须为列表 (blocks: list expected)
21 blocks: blocks 首页装修：最多 20 个模块，现有 21 个，请删减后再保存 (at most 20 blocks)
unknown type: blocks[0].type 首页装修：第 1 个模块的类型只能是 slides|menu|notice|services|custom (unknown block type)
no type: blocks[0].type 首页装修：第 1 个模块的类型只能是 slides|menu|notice|services|custom (unknown block type)
block not an object: blocks[0].type 首页装修：第 1 个模块的类型只能是 slides|menu|notice|services|custom (unknown block type)
unknown field: blocks[0].html 首页装修：第 1 个模块（公告）含未知字段“html” (unknown field)
hidden not bool: blocks[0].hidden 首页装修：第 1 个模块（公告）的显示设置须为是或否 (boolean expected)
title too long: blocks[0].title 首页装修：第 1 个模块（自定义）的标题最多 32 个字 (too long)
notice empty: blocks[0].text 首页装修：第 1 个模块（公告）的内容不能为空 (required)
notice missing: blocks[0].text 首页装修：第 1 个模块（公告）的内容不能为空 (required)
notice too long: blocks[0].text 首页装修：第 1 个模块（公告）的内容最多 200 个字 (too long)
notice multiline: blocks[0].text 首页装修：第 1 个模块（公告）的内容：内容含有不可见的控制字符，请删除后重新输入
custom too long: blocks[0].text 首页装修：第 1 个模块（自定义）的内容最多 2000 个字 (too long)
custom bad utf8: blocks[0].text 首页装修：第 1 个模块（自定义）的内容：内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号）
custom control char: blocks[0].text 首页装修：第 1 个模块（自定义）的内容：内容含有不可见的控制字符，请删除后重新输入
custom text not string: blocks[0].text 首页装修：第 1 个模块（自定义）的内容须为文字 (string expected)
slides no items: blocks[0].items 首页装修：第 1 个模块（轮播图）的内容须为列表 (items: list expected)
slides 11: blocks[0].items 首页装修：第 1 个模块（轮播图）最多 10 项，现有 11 项 (too many items)
slide without image: blocks[0].items[0].image 首页装修：第 1 个模块（轮播图）第 1 项的图片：不能为空 (required)
slide image ../: blocks[0].items[0].image 首页装修：第 1 个模块（轮播图）第 1 项的图片：图片路径不能含“..” (no .. in paths)
slide image absolute: blocks[0].items[0].image 首页装修：第 1 个模块（轮播图）第 1 项的图片：图片须为附件路径（如 images/1/2026/11/a.jpg）或 https 网址 (bad attachment path)
slide image http: blocks[0].items[0].image 首页装修：第 1 个模块（轮播图）第 1 项的图片：只能使用 https:// 开头的网址 (only https URLs)
slide image javascript: blocks[0].items[0].image 首页装修：第 1 个模块（轮播图）第 1 项的图片：只能使用 https:// 开头的网址 (only https URLs)
slide image php: blocks[0].items[0].image 首页装修：第 1 个模块（轮播图）第 1 项的图片：图片须为 jpg、png、gif 或 webp 文件 (not an image)
slide link javascript: blocks[0].items[0].link 首页装修：第 1 个模块（轮播图）第 1 项的链接：只能使用 https:// 开头的网址 (only https URLs)
slide item extra: blocks[0].items[0].onclick 首页装修：第 1 个模块（轮播图）第 1 项含未知字段“onclick” (unknown field)
menu 21: blocks[0].items 首页装修：第 1 个模块（菜单）最多 20 项，现有 21 项 (too many items)
menu label empty: blocks[0].items[0].label 首页装修：第 1 个模块（菜单）第 1 项的名称不能为空 (required)
menu label too long: blocks[0].items[0].label 首页装修：第 1 个模块（菜单）第 1 项的名称最多 8 个字 (too long)
menu link missing: blocks[0].items[0].link 首页装修：第 1 个模块（菜单）第 1 项的链接：不能为空 (required)
menu link staff page: blocks[0].items[0].link 首页装修：第 1 个模块（菜单）第 1 项的链接：只能链接到本模块的页面或 https 网址 (unknown page)
menu link http: blocks[0].items[0].link 首页装修：第 1 个模块（菜单）第 1 项的链接：只能使用 https:// 开头的网址 (only https URLs)
menu link data: blocks[0].items[0].link 首页装修：第 1 个模块（菜单）第 1 项的链接：只能使用 https:// 开头的网址 (only https URLs)
menu link quote: blocks[0].items[0].link 首页装修：第 1 个模块（菜单）第 1 项的链接：网址格式不对，不能含空格、引号、尖括号 (malformed URL)
menu icon ../: blocks[0].items[0].icon 首页装修：第 1 个模块（菜单）第 1 项的图标：图片路径不能含“..” (no .. in paths)
menu link not string: blocks[0].items[0].link 首页装修：第 1 个模块（菜单）第 1 项的链接须为文字 (string expected)
services ids not list: blocks[0].ids 首页装修：第 1 个模块（推荐服务）的服务须为最多 20 个服务编号的列表 (ids: list of up to 20)
services id zero: blocks[0].ids 首页装修：第 1 个模块（推荐服务）的服务编号须为正整数 (positive ids)
services id string: blocks[0].ids 首页装修：第 1 个模块（推荐服务）的服务编号须为正整数 (positive ids)
services 21 ids: blocks[0].ids 首页装修：第 1 个模块（推荐服务）的服务须为最多 20 个服务编号的列表 (ids: list of up to 20)
services limit 0: blocks[0].limit 首页装修：第 1 个模块（推荐服务）的显示数量须为 1 到 20 (limit: 1..20)
services limit 21: blocks[0].limit 首页装修：第 1 个模块（推荐服务）的显示数量须为 1 到 20 (limit: 1..20)
CloudAcct\ForbiddenException: 只有管理员可以修改设置 (admin only)
bool(true)
