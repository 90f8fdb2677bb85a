--TEST--
People: clients — partial update, tags, duplicates on update, accountant only via handover, admin scope, conditional on the authorised store
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
[$db, $p, $p2] = p_setup('people_clients_update');
$clients = $p['clients'];
$boss = Actor::admin(1);
$limited = Actor::admin(7);
Clock::freeze(1800000000);
$gulou = $p['stores']->create($boss, ['name' => '鼓楼店']);
$taijiang = $p['stores']->create($boss, ['name' => '台江店']);
$p['stores']->setAdminScope($boss, 7, [$gulou]);
$zhang = $p['staff']->create($boss, ['name' => '张会计']);
$a = $clients->create($boss, ['name' => '榕树科技', 'credit_code' => '91350100M000100Y43', 'store_id' => $gulou,
    'accountant_id' => $zhang, 'tags' => ['重点客户']]);
$b = $clients->create($boss, ['name' => '松树贸易', 'store_id' => $taijiang]);
$c = $clients->create($boss, ['name' => '柏树餐饮', 'credit_code' => '91440300708461136T', 'store_id' => $gulou]);
$start = p_last_audit_id($db);

// only the given fields change; tags replace the list; the code is normalised
Clock::advance(30);
$clients->update($boss, $a, ['address' => '软件园 A 座', 'taxpayer_type' => 'general', 'tags' => ['零申报', '季度申报'],
    'status' => 'paused', 'notes' => "发票\t按月寄送"]);
$row = $clients->get($boss, $a);
echo p_json([$row['name'], $row['credit_code'], $row['address'], $row['taxpayer_type'], $row['tags'], $row['status'],
    $row['notes'], $row['accountant_id'], $row['updated_at'] - $row['created_at']]), "\n";
$clients->update($boss, $b, ['credit_code' => '91310000717866186p', 'tags' => []]);
echo p_json([$clients->get($boss, $b)['credit_code'], $clients->get($boss, $b)['tags']]), "\n";
// removing the code
$clients->update($boss, $b, ['credit_code' => null]);
var_dump($clients->get($boss, $b)['credit_code']);
// renaming to itself is no duplicate
$clients->update($boss, $a, ['name' => '榕树科技']);
// move to another store (an admin of all stores)
$clients->update($boss, $b, ['store_id' => $gulou]);
echo $clients->get($limited, $b)['store_name'], "\n";
p_lines(p_audit($db, $start));

$before = p_counts($db);
// duplicates on update
ca_expect_throw(fn() => $clients->update($boss, $c, ['credit_code' => '91350100m000100y43']));
ca_expect_throw(fn() => $clients->update($boss, $b, ['name' => '榕树科技']));
// renaming into a name held by a company with a code while this one has none
ca_expect_throw(fn() => $clients->update($boss, $b, ['name' => '柏树餐饮']));
// the exclusive accountant changes only with a handover record
ca_expect_throw(fn() => $clients->update($boss, $a, ['accountant_id' => 0]));
// validation as in create
ca_expect_throw(fn() => $clients->update($boss, $a, []));
ca_expect_throw(fn() => $clients->update($boss, $a, ['credit_code' => '91350100M000100Y42']));
ca_expect_throw(fn() => $clients->update($boss, $a, ['status' => 'deleted']));
ca_expect_throw(fn() => $clients->update($boss, $a, ['store_id' => 999]));
ca_expect_throw(fn() => $clients->update($boss, $a, ['owner' => 'x']));
var_dump(p_counts($db) === $before);
// two companies of one name, both with codes: fine; then one cannot drop its code
$d = $clients->create($boss, ['name' => '柏树餐饮', 'credit_code' => '91350102MA34ABCD5C']);
$clients->update($boss, $d, ['address' => '仓山区']);
$before = p_counts($db);
ca_expect_throw(fn() => $clients->update($boss, $d, ['credit_code' => '']));
var_dump(p_counts($db) === $before);
// scope: a limited admin neither sees other stores' companies nor moves theirs away
$clients->update($boss, $b, ['store_id' => $taijiang]);
$before = p_counts($db);
ca_expect_throw(fn() => $clients->update($limited, $b, ['address' => 'x']));
ca_expect_throw(fn() => $clients->update($limited, $a, ['store_id' => $taijiang]));
ca_expect_throw(fn() => $clients->update($limited, $a, ['store_id' => 0]));
// not admins, not other uniacids, not missing ids
ca_expect_throw(fn() => $clients->update(Actor::staff($zhang), $a, ['address' => 'x']));
ca_expect_throw(fn() => $clients->update(Actor::client(1), $a, ['address' => 'x']));
ca_expect_throw(fn() => $p2['clients']->update($boss, $a, ['address' => 'x']));
ca_expect_throw(fn() => $clients->update($boss, 999, ['address' => 'x']));
ca_expect_throw(fn() => $clients->update($boss, 0, ['address' => 'x']));
var_dump(p_counts($db) === $before);
$clients->update($limited, $a, ['industry' => '软件']);
echo $clients->get($boss, $a)['industry'], "\n";
ca_drop_db('people_clients_update');
?>
--EXPECT--
["榕树科技","91350100M000100Y43","软件园 A 座","general",["季度申报","零申报"],"paused","发票\t按月寄送",1,30]
["91310000717866186P",[]]
NULL
鼓楼店
client_update client#1 by admin:1 {"taxpayer_type":"general","address":"软件园 A 座","tags":["零申报","季度申报"],"status":"paused","notes":"发票\t按月寄送"}
client_update client#2 by admin:1 {"credit_code":"91310000717866186P","tags":[]}
client_update client#2 by admin:1 {"credit_code":null}
client_update client#1 by admin:1 {"name":"榕树科技"}
client_update client#2 by admin:1 {"store_id":1}
CloudAcct\ValidationException: 统一社会信用代码 91350100M000100Y43 已登记为客户「榕树科技」（编号 1），请勿重复建档 (duplicate credit code)
CloudAcct\ValidationException: 已有同名客户「榕树科技」（编号 1）。如确为不同的公司，请填写统一社会信用代码加以区分 (a company with this name exists)
CloudAcct\ValidationException: 已有同名客户「柏树餐饮」（编号 3）。如确为不同的公司，请填写统一社会信用代码加以区分 (a company with this name exists)
CloudAcct\ValidationException: 更换专属会计请使用「更换专属会计」功能，以便留下交接记录 (use assignAccountant)
CloudAcct\ValidationException: 没有要修改的内容 (nothing to change)
CloudAcct\ValidationException: 统一社会信用代码校验位不符，可能有输错的字符，请对照营业执照逐位核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 服务状态只能是：服务中(active)、暂停(paused)、已终止(terminated) (status: one of active|paused|terminated)
CloudAcct\ValidationException: 门店不存在，请重新选择 (store 999 not found)
CloudAcct\ValidationException: 未知字段：owner (unknown field)
bool(true)
CloudAcct\ValidationException: 已有同名客户「柏树餐饮」（编号 3）。如确为不同的公司，请填写统一社会信用代码加以区分 (a company with this name exists)
bool(true)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\ForbiddenException: 您只能管理自己负责门店的数据，请选择您负责的门店 (store outside the admin's stores)
CloudAcct\ForbiddenException: 门店管理员须选择自己负责的门店 (admins limited to stores must choose one of them)
CloudAcct\ForbiddenException: 只有管理员可以修改客户信息 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以修改客户信息 (admin only)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 999 not found)
ValueError: CloudAcct\People\Clients::update(): Argument #2 ($clientId) must be between 1 and 4294967295
bool(true)
软件
