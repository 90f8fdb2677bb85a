--TEST--
People: stores — create, update, get, list, activate; admins limited to stores; bad input writes nothing; uniacid isolation; audit
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/people.inc';
use CloudAcct\{Actor, Clock};
[$db, $p, $p2] = p_setup('people_stores');
$stores = $p['stores'];
$boss = Actor::admin(1, '10.1.1.1');
$limited = Actor::admin(7);
Clock::freeze(1800000000);

// create: admin not limited to stores; fields validated and stored as given
$gulou = $stores->create($boss, ['name' => '鼓楼店', 'address' => '福州市鼓楼区五四路 1 号', 'phone' => '0591-8765 4321', 'sort' => 2]);
$taijiang = $stores->create($boss, ['name' => '台江店', 'sort' => 1]);
$cangshan = $stores->create($boss, ['name' => '仓山店', 'sort' => 1]);
echo p_json($stores->get($boss, $gulou)), "\n";
// list: by sort then id
echo p_json(array_column($stores->list($boss), 'name')), "\n";

// update changes only the given fields
Clock::advance(60);
$stores->update($boss, $taijiang, ['phone' => '+86 591 1234567', 'address' => '台江区']);
$row = $stores->get($boss, $taijiang);
echo p_json([$row['name'], $row['phone'], $row['address'], $row['sort'], $row['updated_at'] - $row['created_at']]), "\n";

// deactivate: gone from everybody's picker, still listed for admins who ask
$stores->setActive($boss, $cangshan, false);
echo p_json(array_column($stores->list($boss), 'id') === [$taijiang, $gulou]), "\n";
echo p_json(array_column($stores->list($boss, true), 'active', 'name')), "\n";
echo p_json(array_column($stores->list(Actor::staff(3), true), 'name')), "\n";
echo p_json(array_column($stores->list(Actor::client(3)), 'name')), "\n";
$stores->setActive($boss, $cangshan, true);
echo p_json($stores->get($boss, $cangshan)['active']), "\n";

// admin scope: limit uid 7 to 鼓楼店; they see and edit only it, and cannot create or scope
var_dump($stores->adminScope($boss, 7));
$stores->setAdminScope($boss, 7, [$gulou, $gulou]);
var_dump($stores->adminScope($boss, 7) === [$gulou], $stores->adminScope($limited, 7) === [$gulou]);
echo p_json(array_column($stores->list($limited, true), 'name')), "\n";
$stores->update($limited, $gulou, ['sort' => 5]);
echo $stores->get($limited, $gulou)['sort'], "\n";
ca_expect_throw(fn() => $stores->get($limited, $taijiang));
ca_expect_throw(fn() => $stores->update($limited, $taijiang, ['sort' => 1]));
ca_expect_throw(fn() => $stores->create($limited, ['name' => '新店']));
ca_expect_throw(fn() => $stores->setActive($limited, $gulou, false));
ca_expect_throw(fn() => $stores->setAdminScope($limited, 8, [$gulou]));
ca_expect_throw(fn() => $stores->adminScope($limited, 1));
// nobody changes their own limit; unknown stores are refused; [] lifts the limit
ca_expect_throw(fn() => $stores->setAdminScope($boss, 1, [$gulou]));
ca_expect_throw(fn() => $stores->setAdminScope($boss, 7, [$gulou, 999]));
ca_expect_throw(fn() => $stores->setAdminScope($boss, 7, ['1']));
ca_expect_throw(fn() => $stores->setAdminScope($boss, 7, [0]));
var_dump($stores->adminScope($boss, 7) === [$gulou]);
$stores->setAdminScope($boss, 7, [$gulou, $cangshan]);
var_dump($stores->adminScope($boss, 7) === [$gulou, $cangshan]);
$stores->setAdminScope($boss, 7, []);
var_dump($stores->adminScope($boss, 7), count($stores->list($limited)));

// only admins manage stores
ca_expect_throw(fn() => $stores->create(Actor::staff(1), ['name' => 'x']));
ca_expect_throw(fn() => $stores->get(Actor::client(1), $gulou));
ca_expect_throw(fn() => $stores->update(Actor::system(), $gulou, ['sort' => 1]));

// bad input: typed errors, nothing written
$before = p_counts($db);
ca_expect_throw(fn() => $stores->create($boss, []));
ca_expect_throw(fn() => $stores->create($boss, ['name' => '']));
ca_expect_throw(fn() => $stores->create($boss, ['name' => str_repeat('店', 65)]));
ca_expect_throw(fn() => $stores->create($boss, ['name' => "鼓楼\x01店"]));
ca_expect_throw(fn() => $stores->create($boss, ['name' => "\xff"]));
ca_expect_throw(fn() => $stores->create($boss, ['name' => 'A', 'phone' => '电话']));
ca_expect_throw(fn() => $stores->create($boss, ['name' => 'A', 'phone' => '12-34']));
ca_expect_throw(fn() => $stores->create($boss, ['name' => 'A', 'sort' => '1']));
ca_expect_throw(fn() => $stores->create($boss, ['name' => 'A', 'sort' => 1000001]));
ca_expect_throw(fn() => $stores->create($boss, ['name' => 'A', 'owner' => 'x']));
ca_expect_throw(fn() => $stores->create($boss, ['name' => 'A', 0 => 'x']));
ca_expect_throw(fn() => $stores->update($boss, $gulou, []));
ca_expect_throw(fn() => $stores->update($boss, 0, ['sort' => 1]));
ca_expect_throw(fn() => $stores->update($boss, 999, ['sort' => 1]));
ca_expect_throw(fn() => $stores->setActive($boss, 999, true));
ca_expect_throw(fn() => $stores->get($boss, -1));
ca_expect_throw(fn() => $stores->adminScope($boss, 0));
var_dump(p_counts($db) === $before);

// another uniacid: its own stores; ours do not exist there
echo p_json($p2['stores']->list($boss)), "\n";
ca_expect_throw(fn() => $p2['stores']->get($boss, $gulou));
ca_expect_throw(fn() => $p2['stores']->update($boss, $gulou, ['name' => 'x']));
ca_expect_throw(fn() => $p2['stores']->setActive($boss, $gulou, false));
ca_expect_throw(fn() => $p2['stores']->setAdminScope($boss, 7, [$gulou]));
$other = $p2['stores']->create($boss, ['name' => '外地店']);
ca_expect_throw(fn() => $stores->get($boss, $other));

// every change left an audit row with the actor
p_lines(p_audit($db));
ca_drop_db('people_stores');
?>
--EXPECT--
{"id":1,"name":"鼓楼店","address":"福州市鼓楼区五四路 1 号","phone":"0591-8765 4321","active":true,"sort":2,"staff_count":0,"client_count":0,"created_at":1800000000,"updated_at":1800000000}
["台江店","仓山店","鼓楼店"]
["台江店","+86 591 1234567","台江区",1,60]
true
{"台江店":true,"仓山店":false,"鼓楼店":true}
["台江店","鼓楼店"]
["台江店","鼓楼店"]
true
array(0) {
}
bool(true)
bool(true)
["鼓楼店"]
5
CloudAcct\NotFoundException: 门店不存在或无权查看 (store 2 not found)
CloudAcct\NotFoundException: 门店不存在或无权查看 (store 2 not found)
CloudAcct\ForbiddenException: 门店管理员不能新建门店，请联系总管理员 (admins limited to stores may not do this)
CloudAcct\ForbiddenException: 门店管理员不能停用或启用门店，请联系总管理员 (admins limited to stores may not do this)
CloudAcct\ForbiddenException: 门店管理员不能设置管理员的门店范围，请联系总管理员 (admins limited to stores may not do this)
CloudAcct\ForbiddenException: 门店管理员不能查看其他管理员的门店范围，请联系总管理员 (admins limited to stores may not do this)
CloudAcct\ForbiddenException: 不能修改自己的门店范围，请由其他总管理员操作 (admins cannot change their own limit)
CloudAcct\ValidationException: 所选门店中有不存在的门店，请刷新后重新选择 (unknown store id)
CloudAcct\ValidationException: 门店编号无效，请刷新后重新选择 (store ids must be positive ints)
CloudAcct\ValidationException: 门店编号无效，请刷新后重新选择 (store ids must be positive ints)
bool(true)
bool(true)
array(0) {
}
int(3)
CloudAcct\ForbiddenException: 只有管理员可以新建门店 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以查看门店详情 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以修改门店 (admin only)
CloudAcct\ValidationException: 请填写门店名称 (name is required)
CloudAcct\ValidationException: 请填写门店名称 (name is required)
CloudAcct\ValidationException: 门店名称：内容太长，请精简后再提交（1 到 64 个字）(name: too long, 1..64 characters)
CloudAcct\ValidationException: 门店名称：内容含有不可见的控制字符，请删除后重新输入 (name: control characters)
CloudAcct\ValidationException: 门店名称：内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号） (name: invalid UTF-8)
CloudAcct\ValidationException: 门店电话只能包含数字、-、+、括号和空格，最多 32 位，如 0591-87654321 (phone: phone number expected)
CloudAcct\ValidationException: 门店电话只能包含数字、-、+、括号和空格，最多 32 位，如 0591-87654321 (phone: phone number expected)
CloudAcct\ValidationException: 排序须为整数 (sort: int expected)
CloudAcct\ValidationException: 排序须为 -1000000 到 1000000 之间的整数 (sort: -1000000..1000000)
CloudAcct\ValidationException: 未知字段：owner (unknown field)
CloudAcct\ValidationException: 未知字段：0 (unknown field)
CloudAcct\ValidationException: 没有要修改的内容 (nothing to change)
ValueError: CloudAcct\People\Stores::update(): Argument #2 ($storeId) must be between 1 and 4294967295
CloudAcct\NotFoundException: 门店不存在或无权查看 (store 999 not found)
CloudAcct\NotFoundException: 门店不存在或无权查看 (store 999 not found)
ValueError: CloudAcct\People\Stores::get(): Argument #2 ($storeId) must be between 1 and 4294967295
ValueError: CloudAcct\People\Stores::adminScope(): Argument #2 ($we7Uid) must be between 1 and 4294967295
bool(true)
[]
CloudAcct\NotFoundException: 门店不存在或无权查看 (store 1 not found)
CloudAcct\NotFoundException: 门店不存在或无权查看 (store 1 not found)
CloudAcct\NotFoundException: 门店不存在或无权查看 (store 1 not found)
CloudAcct\ValidationException: 所选门店中有不存在的门店，请刷新后重新选择 (unknown store id)
CloudAcct\NotFoundException: 门店不存在或无权查看 (store 4 not found)
store_create store#1 by admin:1 {"name":"鼓楼店","address":"福州市鼓楼区五四路 1 号","phone":"0591-8765 4321","sort":2}
store_create store#2 by admin:1 {"name":"台江店","sort":1}
store_create store#3 by admin:1 {"name":"仓山店","sort":1}
store_update store#2 by admin:1 {"address":"台江区","phone":"+86 591 1234567"}
store_deactivate store#3 by admin:1 {}
store_activate store#3 by admin:1 {}
admin_scope_set admin#7 by admin:1 {"store_ids":[1]}
store_update store#1 by admin:7 {"sort":5}
admin_scope_set admin#7 by admin:1 {"store_ids":[1,3]}
admin_scope_set admin#7 by admin:1 {"store_ids":[]}
