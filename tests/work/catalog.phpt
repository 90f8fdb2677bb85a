--TEST--
Work\Catalog: admin CRUD of categories and services, client browsing (on-sale only), filters, tenant isolation, bad input writes nothing
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Work\Catalog;
$db = w_setup('work_catalog');
$cat = new Catalog(new Store($db, 1));
$cat2 = new Catalog(new Store($db, 2));
$admin = Actor::admin(1);
$client = Actor::client(5);
$staff = Actor::staff(3);

$c1 = $cat->saveCategory($admin, ['name' => '工商服务', 'sort' => 2]);
$c2 = $cat->saveCategory($admin, ['name' => '财税服务', 'sort' => 1, 'icon' => 'images/1/icon.png']);
$c3 = $cat->saveCategory($admin, ['name' => '隐藏分类', 'visible' => false]);
echo json_encode(array_column($cat->categories($client), 'name'), JSON_UNESCAPED_UNICODE), "\n";
echo json_encode(array_column($cat->categories($admin), 'name'), JSON_UNESCAPED_UNICODE), "\n";
var_dump($cat->saveCategory($admin, ['visible' => '1'], $c3) === $c3);
echo count($cat->categories($client)), "\n";

$s1 = $cat->createService($admin, ['title' => '营业执照办理', 'category_id' => $c1, 'price_fen' => 50000,
    'on_sale' => true, 'sort' => 1, 'dispatch_mode' => 'grab', 'grab_window_minutes' => 15, 'skill' => '工商',
    'checklist' => ['身份证', '租赁合同'], 'sla_hours' => 24, 'description' => "第一行\n第二行"]);
$s2 = $cat->createService($admin, ['title' => '代理记账 100%', 'category_id' => $c2, 'price_fen' => 30000,
    'price_type' => 'monthly', 'on_sale' => 1, 'dispatch_mode' => 'exclusive']);
$s3 = $cat->createService($admin, ['title' => '未上架的服务']);
$one = $cat->service($client, $s1);
echo $one['title'], ' ', $one['price'], ' ', $one['price_type'], ' ', $one['dispatch_mode'], ' ',
    json_encode($one['checklist'], JSON_UNESCAPED_UNICODE), ' ', $one['sla_hours'], ' ', json_encode($one['description'], JSON_UNESCAPED_UNICODE), "\n";
$three = $cat->service($admin, $s3);
echo $three['price_type'], ' ', $three['dispatch_mode'], ' ', $three['on_sale'], ' ', json_encode($three['checklist']), "\n";
ca_expect_throw(fn() => $cat->service($client, $s3));
ca_expect_throw(fn() => $cat->service($staff, $s3));
$list = $cat->services($client);
echo $list['total'], ' ', json_encode(array_column($list['items'], 'title'), JSON_UNESCAPED_UNICODE), "\n";
var_dump(!isset($list['items'][0]['description']));
echo $cat->services($admin)['total'], ' ', $cat->services($admin, ['on_sale' => 0])['total'], "\n";
echo $cat->services($client, ['on_sale' => 0])['total'], "\n"; // clients always see on-sale only
echo json_encode(array_column($cat->services($client, ['category_id' => $c2])['items'], 'id') === [$s2]), "\n";
echo json_encode(array_column($cat->services($client, ['keyword' => '100%'])['items'], 'id') === [$s2]), "\n";
echo $cat->services($client, ['keyword' => '%'])['total'], "\n"; // the wildcard is literal
$p = $cat->services($admin, [], 2, 2);
echo $p['total'], ' ', count($p['items']), "\n";

// partial update; other fields stay
$cat->updateService($admin, $s1, ['price_fen' => 60000, 'checklist' => []]);
$one = $cat->service($admin, $s1);
echo $one['price_fen'], ' ', $one['title'], ' ', json_encode($one['checklist']), ' ', $one['skill'], "\n";
$cat->updateService($admin, $s3, ['on_sale' => true]);
echo $cat->service($client, $s3)['title'], "\n";

// categories holding services cannot go; deleted services are gone for everyone
ca_expect_throw(fn() => $cat->deleteCategory($admin, $c1));
$cat->deleteService($admin, $s1);
ca_expect_throw(fn() => $cat->service($admin, $s1));
ca_expect_throw(fn() => $cat->deleteService($admin, $s1));
ca_expect_throw(fn() => $cat->updateService($admin, $s1, ['price_fen' => 1]));
$cat->deleteCategory($admin, $c1);
ca_expect_throw(fn() => $cat->deleteCategory($admin, $c1));

// another uniacid sees nothing of this one
ca_expect_throw(fn() => $cat2->service($admin, $s2));
ca_expect_throw(fn() => $cat2->updateService($admin, $s2, ['title' => 'x']));
ca_expect_throw(fn() => $cat2->deleteService($admin, $s2));
ca_expect_throw(fn() => $cat2->saveCategory($admin, ['name' => 'x'], $c2));
echo $cat2->services($admin)['total'], ' ', count($cat2->categories($admin)), "\n";

// bad input: typed errors, nothing written
$before = w_counts($db, 'service', 'category', 'audit');
ca_expect_throw(fn() => $cat->createService($client, ['title' => 'x']));
ca_expect_throw(fn() => $cat->createService($staff, ['title' => 'x']));
ca_expect_throw(fn() => $cat->createService($admin, []));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => '']));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => str_repeat('长', 65)]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => "bad \xC3\x28 utf8"]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => "tab\there"]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'price_fen' => -1]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'price_fen' => 10000000001]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'price_fen' => 12.5]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'price_fen' => '12.50']));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'price_type' => 'weekly']));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'dispatch_mode' => 'random']));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'category_id' => 9999]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'colour' => 'red']));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'cover' => '../../etc/passwd']));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'cover' => 'javascript:alert(1)']));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'checklist' => 'a,b']));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'checklist' => ['a' => 'b']]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'checklist' => array_fill(0, 51, 'x')]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'sla_hours' => 2001]));
ca_expect_throw(fn() => $cat->createService($admin, ['title' => 'x', 'on_sale' => 'yes']));
ca_expect_throw(fn() => $cat->updateService($admin, $s2, ['price_fen' => -100]));
ca_expect_throw(fn() => $cat->updateService($admin, $s2, ['title' => '']));
ca_expect_throw(fn() => $cat->saveCategory($admin, ['icon' => 'x.png']));
ca_expect_throw(fn() => $cat->saveCategory($admin, ['name' => str_repeat('x', 33)]));
ca_expect_throw(fn() => $cat->saveCategory($client, ['name' => 'x']));
ca_expect_throw(fn() => $cat->services($client, ['keyword' => '']));
ca_expect_throw(fn() => $cat->services($client, ['sort' => 'price']));
ca_expect_throw(fn() => $cat->services($client, [], 0));
var_dump(w_counts($db, 'service', 'category', 'audit') === $before);
echo $cat->service($admin, $s2)['price_fen'], "\n";
$audit = $db->query("SELECT action, object_id FROM {audit} WHERE uniacid = 1 AND object_type IN ('service', 'category') ORDER BY id");
echo implode(' ', array_column($audit, 'action')), "\n";
ca_drop_db('work_catalog');
?>
--EXPECT--
["财税服务","工商服务"]
["隐藏分类","财税服务","工商服务"]
bool(true)
3
营业执照办理 500.00 one_off grab ["身份证","租赁合同"] 24 "第一行\n第二行"
one_off grab 0 []
CloudAcct\NotFoundException: 服务不存在或已下架 (service 3 not found or not on sale)
CloudAcct\NotFoundException: 服务不存在或已下架 (service 3 not found or not on sale)
2 ["代理记账 100%","营业执照办理"]
bool(true)
3 1
2
true
true
1
3 1
60000 营业执照办理 [] 工商
未上架的服务
CloudAcct\ConflictException: 分类下还有 1 个服务，请先移走或删除 (category is not empty)
CloudAcct\NotFoundException: 服务不存在或已下架 (service 1 not found or not on sale)
CloudAcct\NotFoundException: 服务不存在 (service 1 not found)
CloudAcct\NotFoundException: 服务不存在 (service 1 not found)
CloudAcct\NotFoundException: 分类不存在 (category 1 not found)
CloudAcct\NotFoundException: 服务不存在或已下架 (service 2 not found or not on sale)
CloudAcct\NotFoundException: 服务不存在 (service 2 not found)
CloudAcct\NotFoundException: 服务不存在 (service 2 not found)
CloudAcct\NotFoundException: 分类不存在 (category 2 not found)
0 0
CloudAcct\ForbiddenException: 只有管理员可以新建服务 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以新建服务 (admin only)
CloudAcct\ValidationException: 请填写“服务名称” (title is required)
CloudAcct\ValidationException: “服务名称”须为 1 到 64 个字符 (title: 1..64 characters)
CloudAcct\ValidationException: “服务名称”须为 1 到 64 个字符 (title: 1..64 characters)
CloudAcct\ValidationException: “服务名称”内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号） (title: invalid text)
CloudAcct\ValidationException: “服务名称”内容含有不可见的控制字符，请删除后重新输入 (title: invalid text)
CloudAcct\ValidationException: “价格（分）”须为 0 到 10000000000 之间的整数 (price_fen: integer 0..10000000000)
CloudAcct\ValidationException: “价格（分）”须为 0 到 10000000000 之间的整数 (price_fen: integer 0..10000000000)
CloudAcct\ValidationException: “价格（分）”须为 0 到 10000000000 之间的整数 (price_fen: integer 0..10000000000)
CloudAcct\ValidationException: “价格（分）”须为 0 到 10000000000 之间的整数 (price_fen: integer 0..10000000000)
CloudAcct\ValidationException: “计价方式”只能是 one_off|monthly|quarterly|yearly (price_type: one of one_off|monthly|quarterly|yearly)
CloudAcct\ValidationException: “派单方式”只能是 grab|direct|exclusive (dispatch_mode: one of grab|direct|exclusive)
CloudAcct\ValidationException: 分类不存在 (category 9999 not found)
CloudAcct\ValidationException: 未知字段 colour (unknown field)
CloudAcct\ValidationException: “封面”不是有效的文件引用 (cover: invalid file reference)
CloudAcct\ValidationException: “封面”不是有效的文件引用 (cover: invalid file reference)
CloudAcct\ValidationException: “办理清单”须为最多 50 项的列表 (checklist: a list of up to 50 items)
CloudAcct\ValidationException: “办理清单”须为最多 50 项的列表 (checklist: a list of up to 50 items)
CloudAcct\ValidationException: “办理清单”须为最多 50 项的列表 (checklist: a list of up to 50 items)
CloudAcct\ValidationException: “办理时限（工作小时）”须为 0 到 2000 之间的整数 (sla_hours: integer 0..2000)
CloudAcct\ValidationException: “是否上架”须为是或否 (on_sale: boolean expected)
CloudAcct\ValidationException: “价格（分）”须为 0 到 10000000000 之间的整数 (price_fen: integer 0..10000000000)
CloudAcct\ValidationException: “服务名称”须为 1 到 64 个字符 (title: 1..64 characters)
CloudAcct\ValidationException: 请填写“分类名称” (name is required)
CloudAcct\ValidationException: “分类名称”须为 1 到 32 个字符 (name: 1..32 characters)
CloudAcct\ForbiddenException: 只有管理员可以修改服务分类 (admin only)
CloudAcct\ValidationException: “关键词”须为 1 到 32 个字符 (keyword: 1..32 characters)
CloudAcct\ValidationException: 未知字段 sort (unknown field)
ValueError: CloudAcct\Work\Catalog::services(): Argument #3 ($page) must be between 1 and 100000
bool(true)
30000
category_save category_save category_save category_save service_create service_create service_create service_update service_update service_delete category_delete
