--TEST--
People: exclusive accountant — assign with handover and audit, bulk handover when someone leaves, handover history, the client's accountant card chosen by settings
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
[$db, $p, $p2] = p_setup('people_accountant');
$clients = $p['clients'];
$boss = Actor::admin(1);
$limited = Actor::admin(7);
Clock::freeze(1800000000);
$gulou = $p['stores']->create($boss, ['name' => '鼓楼店']);
$taijiang = $p['stores']->create($boss, ['name' => '台江店']);
$p['stores']->setAdminScope($boss, 7, [$gulou]);
$zhang = $p['staff']->create($boss, ['name' => '张会计', 'phone' => '13900000001', 'photo' => 'images/1/zhang.jpg',
    'wechat' => 'zhang_kj', 'title' => '主管会计', 'store_id' => $gulou]);
$li = $p['staff']->create($boss, ['name' => '李会计', 'store_id' => $gulou]);
$wang = $p['staff']->create($boss, ['name' => '王会计', 'store_id' => $taijiang]);
$a = $clients->create($boss, ['name' => '公司甲', 'store_id' => $gulou]);
$b = $clients->create($boss, ['name' => '公司乙', 'store_id' => $gulou, 'accountant_id' => $zhang]);
$c = $clients->create($boss, ['name' => '公司丙', 'store_id' => $taijiang, 'accountant_id' => $zhang]);
$d = $clients->create($boss, ['name' => '公司丁', 'store_id' => $gulou, 'accountant_id' => $zhang, 'status' => 'terminated']);
$owner = $p['contacts']->bindByInvite('oWx_a', $p['contacts']->issueInvite($boss, $a), '甲老板', '13700000001');
$start = p_last_audit_id($db);

// assign: client row, handover row and audit row together
Clock::advance(100);
$clients->assignAccountant($boss, $a, $zhang, '新签约');
echo $clients->get($boss, $a)['accountant_name'], "\n";
Clock::advance(100);
$clients->assignAccountant($boss, $a, $li, '张会计客户太多，分给李会计');
echo $clients->get($boss, $a)['accountant_name'], "\n";
echo p_json($clients->handovers($boss, ['client_id' => $a])), "\n";
p_lines(p_audit($db, $start));
// nobody (0) is allowed and recorded too
$clients->assignAccountant($boss, $a, 0, '暂不指定');
var_dump($clients->get($boss, $a)['accountant_id'], $clients->accountantCard(Actor::client($owner), $a));
$clients->assignAccountant($boss, $a, $zhang, '重新指定');

// refused, nothing written
$p['staff']->setActive($boss, $wang, false);
$before = p_counts($db);
ca_expect_throw(fn() => $clients->assignAccountant($boss, $a, $zhang, '重复'));
ca_expect_throw(fn() => $clients->assignAccountant($boss, $a, 999, '不存在'));
ca_expect_throw(fn() => $clients->assignAccountant($boss, $a, $wang, '已停用'));
ca_expect_throw(fn() => $clients->assignAccountant($boss, $a, $li, ''));
ca_expect_throw(fn() => $clients->assignAccountant($boss, $a, $li, str_repeat('因', 256)));
ca_expect_throw(fn() => $clients->assignAccountant($boss, $a, -1, '负数'));
ca_expect_throw(fn() => $clients->assignAccountant($boss, 999, $li, '无此客户'));
ca_expect_throw(fn() => $clients->assignAccountant(Actor::staff($zhang), $a, $li, '员工自己换'));
ca_expect_throw(fn() => $clients->assignAccountant(Actor::client($owner), $a, $li, '客户自己换'));
ca_expect_throw(fn() => $p2['clients']->assignAccountant($boss, $a, $li, '外地'));
var_dump(p_counts($db) === $before);
$p['staff']->setActive($boss, $wang, true);
// a limited admin hands over only to staff of their stores
ca_expect_throw(fn() => $clients->assignAccountant($limited, $a, $wang, '跨店'));
$clients->assignAccountant($limited, $a, $li, '门店内调整');

// bulk handover: 张会计 leaves — every company of theirs moves, one handover row each
$start = p_last_audit_id($db);
$h0 = (int) $db->queryValue('SELECT COUNT(*) FROM {handover}');
// a limited admin moves only the companies of their stores
var_dump($clients->bulkHandover($limited, $zhang, $li, '离职交接'));
echo p_json(array_column($clients->search($boss, ['accountant_id' => $zhang])['items'], 'name')), "\n";
var_dump($clients->bulkHandover($boss, $zhang, $li, '离职交接'));
echo p_json(array_column($clients->search($boss, ['accountant_id' => $li])['items'], 'name')), "\n";
var_dump((int) $db->queryValue('SELECT COUNT(*) FROM {handover}') - $h0);
echo p_json($db->query('SELECT client_id, from_staff_id, to_staff_id, reason FROM {handover} ORDER BY id DESC LIMIT 3')), "\n";
p_lines(p_audit($db, $start));
// nothing left to move: 0, nothing written
$before = p_counts($db);
var_dump($clients->bulkHandover($boss, $zhang, $li, '再来一次'));
var_dump(p_counts($db) === $before);
ca_expect_throw(fn() => $clients->bulkHandover($boss, $li, $li, '同一人'));
ca_expect_throw(fn() => $clients->bulkHandover($boss, 999, $li, '无此人'));
ca_expect_throw(fn() => $clients->bulkHandover($boss, $li, 999, '无此人'));
ca_expect_throw(fn() => $clients->bulkHandover($boss, $li, $zhang, ''));
ca_expect_throw(fn() => $clients->bulkHandover($boss, 0, $zhang, '零'));
ca_expect_throw(fn() => $clients->bulkHandover(Actor::staff($li), $li, $zhang, '员工'));
ca_expect_throw(fn() => $p2['clients']->bulkHandover($boss, $li, $zhang, '外地'));
var_dump(p_counts($db) === $before);

// the handover history: filters, paging, who may read it
$all = $clients->handovers($boss);
echo $all['total'], ' ', p_json(array_column($all['items'], 'client_name')), "\n";
echo $clients->handovers($boss, ['staff_id' => $wang])['total'], "\n";
echo $clients->handovers($boss, ['staff_id' => $zhang, 'client_id' => $b])['total'], "\n";
echo $clients->handovers($boss, ['since' => 1800000200])['total'], ' ', $clients->handovers($boss, ['until' => 1800000100])['total'], "\n";
echo $clients->handovers($boss, [], 2, 5)['total'], ' ', count($clients->handovers($boss, [], 2, 5)['items']), "\n";
echo p_json(array_unique(array_column($clients->handovers($limited)['items'], 'client_name'))), "\n";
echo $clients->handovers(Actor::staff($li), ['client_id' => $b])['total'], "\n";
ca_expect_throw(fn() => $clients->handovers(Actor::staff($li)));
ca_expect_throw(fn() => $clients->handovers(Actor::staff($zhang), ['client_id' => $b]));
ca_expect_throw(fn() => $clients->handovers(Actor::client($owner), ['client_id' => $a]));
ca_expect_throw(fn() => $clients->handovers($boss, ['client_id' => 'x']));
echo $p2['clients']->handovers($boss)['total'], "\n";

// the card a client sees: fields chosen by the accountant_card_fields setting
$clients->assignAccountant($boss, $a, $zhang, '老客户点名要张会计');
echo p_json($clients->accountantCard(Actor::client($owner), $a)), "\n";
$p['settings']->set($boss, 'accountant_card_fields', ['title', 'name', 'bank_account', 'wechat']);
echo p_json($clients->accountantCard(Actor::client($owner), $a)), "\n";
$p['settings']->set($boss, 'accountant_card_fields', []);
echo p_json($clients->accountantCard(Actor::client($owner), $a)), "\n";
$p['settings']->set($boss, 'accountant_card_fields', ['name' => 'x']);
echo p_json($clients->accountantCard(Actor::client($owner), $a)), "\n";
$p['settings']->reset($boss, 'accountant_card_fields');
echo p_json($clients->accountantCard(Actor::staff($zhang), $a)), "\n";
// a deactivated accountant shows no card
$p['staff']->setActive($boss, $zhang, false);
var_dump($clients->accountantCard(Actor::client($owner), $a));
ca_expect_throw(fn() => $clients->accountantCard(Actor::client($owner), $b));
ca_expect_throw(fn() => $clients->accountantCard(Actor::client($owner), 0));
ca_drop_db('people_accountant');
?>
--EXPECT--
张会计
李会计
{"total":2,"items":[{"id":5,"client_id":1,"client_name":"公司甲","from_staff_id":1,"from_name":"张会计","to_staff_id":2,"to_name":"李会计","reason":"张会计客户太多，分给李会计","actor_kind":"admin","actor_id":1,"created_at":1800000200},{"id":4,"client_id":1,"client_name":"公司甲","from_staff_id":0,"from_name":null,"to_staff_id":1,"to_name":"张会计","reason":"新签约","actor_kind":"admin","actor_id":1,"created_at":1800000100}]}
accountant_assign client#1 by admin:1 {"from_staff_id":0,"to_staff_id":1,"reason":"新签约"}
accountant_assign client#1 by admin:1 {"from_staff_id":1,"to_staff_id":2,"reason":"张会计客户太多，分给李会计"}
int(0)
NULL
CloudAcct\ValidationException: 该员工已经是此客户的专属会计 (already the exclusive accountant)
CloudAcct\ValidationException: 专属会计不存在或已停用，请重新选择 (staff 999 is not an active staff member)
CloudAcct\ValidationException: 专属会计不存在或已停用，请重新选择 (staff 3 is not an active staff member)
CloudAcct\ValidationException: 请填写交接原因 (reason is required)
CloudAcct\ValidationException: 交接原因：内容太长，请精简后再提交（1 到 255 个字）(reason: too long, 1..255 characters)
ValueError: CloudAcct\People\Clients::assignAccountant(): Argument #3 ($staffId) must be between 0 and 4294967295
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 999 not found)
CloudAcct\ForbiddenException: 只有管理员可以更换专属会计 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以更换专属会计 (admin only)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
bool(true)
CloudAcct\ValidationException: 专属会计不存在或已停用，请重新选择 (staff 3 is not an active staff member)
int(2)
["公司丙"]
int(1)
["公司丁","公司丙","公司乙","公司甲"]
int(3)
[{"client_id":3,"from_staff_id":1,"to_staff_id":2,"reason":"离职交接"},{"client_id":4,"from_staff_id":1,"to_staff_id":2,"reason":"离职交接"},{"client_id":2,"from_staff_id":1,"to_staff_id":2,"reason":"离职交接"}]
accountant_bulk_handover staff#1 by admin:7 {"to_staff_id":2,"count":2,"reason":"离职交接"}
accountant_bulk_handover staff#1 by admin:1 {"to_staff_id":2,"count":1,"reason":"离职交接"}
int(0)
bool(true)
CloudAcct\ValidationException: 交出和接手的会计不能是同一人 (from and to are the same)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 999 not found)
CloudAcct\ValidationException: 专属会计不存在或已停用，请重新选择 (staff 999 is not an active staff member)
CloudAcct\ValidationException: 请填写交接原因 (reason is required)
ValueError: CloudAcct\People\Clients::bulkHandover(): Argument #2 ($fromStaffId) must be between 1 and 4294967295
CloudAcct\ForbiddenException: 只有管理员可以批量交接客户 (admin only)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 2 not found)
bool(true)
11 ["公司丙","公司丁","公司乙","公司甲","公司甲","公司甲","公司甲","公司甲","公司丁","公司丙","公司乙"]
0
2
7 3
11 5
["公司丁","公司乙","公司甲"]
2
CloudAcct\ForbiddenException: 员工只能查看自己负责客户的交接记录，请指定客户 (staff must name a client of theirs)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\ForbiddenException: 只有管理员和员工可以查看交接记录 (admins and staff only)
CloudAcct\ValidationException: 筛选条件 client_id 的值无效 (filter "client_id" has an invalid value)
0
{"name":"张会计","photo":"images/1/zhang.jpg","phone":"13900000001","wechat":"zhang_kj"}
{"name":"张会计","wechat":"zhang_kj","title":"主管会计"}
[]
[]
{"name":"张会计","photo":"images/1/zhang.jpg","phone":"13900000001","wechat":"zhang_kj"}
NULL
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
ValueError: CloudAcct\People\Clients::accountantCard(): Argument #2 ($clientId) must be between 1 and 4294967295
