--TEST--
People: a fan in several companies — companies, current company, switching, colleagues' view, unbinding
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
[$db, $p, $p2] = p_setup('people_contacts_companies');
$contacts = $p['contacts'];
$boss = Actor::admin(1);
$limited = Actor::admin(7);
Clock::freeze(1800000000);
$gulou = $p['stores']->create($boss, ['name' => '鼓楼店']);
$p['stores']->setAdminScope($boss, 7, [$gulou]);
$zhang = $p['staff']->create($boss, ['name' => '张会计']);
$a = $p['clients']->create($boss, ['name' => '公司甲', 'accountant_id' => $zhang, 'store_id' => $gulou]);
$b = $p['clients']->create($boss, ['name' => '公司乙']);
$c = $p['clients']->create($boss, ['name' => '公司丙']);
$bind = function (string $openid, int $client, string $role, string $name, string $phone) use ($contacts, $boss) {
    Clock::advance(10);
    return $contacts->bindByInvite($openid, $contacts->issueInvite($boss, $client, $role), $name, $phone);
};
// one fan in two companies; a company with two people
$wang = $bind('oWx_wang', $a, 'owner', '王老板', '13700000001');
$bind('oWx_wang', $b, 'owner', '王老板', '13700000001');
$liu = $bind('oWx_liu', $a, 'finance', '刘会计', '13700000002');
$me = Actor::client($wang);

echo p_json(array_map(fn($r) => [$r['name'], $r['role'], $r['current']], $contacts->companies($me))), "\n";
var_dump($contacts->currentCompany($me) === $b);
$s0 = p_last_audit_id($db);
$contacts->switchCompany($me, $a);
var_dump($contacts->currentCompany($me) === $a);
p_lines(p_audit($db, $s0));
echo p_json(array_column($contacts->companies($me), 'current', 'name')), "\n";
// both companies are readable, a third is not
echo $p['clients']->get($me, $a)['name'], ' ', $p['clients']->get($me, $b)['name'], "\n";
ca_expect_throw(fn() => $p['clients']->get($me, $c));
// switching only to a bound company; nothing changes otherwise
$before = p_counts($db);
ca_expect_throw(fn() => $contacts->switchCompany($me, $c));
ca_expect_throw(fn() => $contacts->switchCompany($me, 999));
ca_expect_throw(fn() => $contacts->switchCompany($me, 0));
var_dump($contacts->currentCompany($me) === $a, p_counts($db) === $before);
// only contacts have companies to switch
ca_expect_throw(fn() => $contacts->companies($boss));
ca_expect_throw(fn() => $contacts->currentCompany(Actor::staff($zhang)));
ca_expect_throw(fn() => $contacts->switchCompany(Actor::system(), $a));

// the people of a company: admins and the accountant see phones, colleagues do not
echo p_json($contacts->listForClient($boss, $a)), "\n";
echo p_json($contacts->listForClient(Actor::staff($zhang), $a) === $contacts->listForClient($boss, $a)), "\n";
echo p_json($contacts->listForClient(Actor::client($liu), $a)), "\n";
echo p_json($contacts->listForClient($limited, $a) === $contacts->listForClient($boss, $a)), "\n";
ca_expect_throw(fn() => $contacts->listForClient($limited, $b));
ca_expect_throw(fn() => $contacts->listForClient(Actor::client($liu), $b));

// unbind: the company disappears for that person; the current company falls back to the other one
$start = p_last_audit_id($db);
$contacts->unbind($boss, $a, $wang);
echo p_json(array_map(fn($r) => [$r['name'], $r['current']], $contacts->companies($me))), "\n";
var_dump($contacts->currentCompany($me) === $b);
ca_expect_throw(fn() => $p['clients']->get($me, $a));
echo count($contacts->listForClient($boss, $a)), "\n";
// the contact still exists (bound to 乙); unbound from everything it has no companies
$contacts->unbind($boss, $b, $wang);
var_dump($contacts->resolveByOpenid('oWx_wang') === $wang, $contacts->companies($me), $contacts->currentCompany($me));
p_lines(p_audit($db, $start));
$before = p_counts($db);
ca_expect_throw(fn() => $contacts->unbind($boss, $a, $wang));
ca_expect_throw(fn() => $contacts->unbind($boss, $a, 999));
ca_expect_throw(fn() => $contacts->unbind($boss, $a, 0));
ca_expect_throw(fn() => $contacts->unbind(Actor::staff($zhang), $a, $liu));
ca_expect_throw(fn() => $contacts->unbind(Actor::client($liu), $a, $liu));
ca_expect_throw(fn() => $p2['contacts']->unbind($boss, $a, $liu));
var_dump(p_counts($db) === $before);
// openids are per uniacid
var_dump($p2['contacts']->resolveByOpenid('oWx_liu'), $contacts->resolveByOpenid('oWx_nobody'));
ca_expect_throw(fn() => $contacts->resolveByOpenid(''));
ca_drop_db('people_contacts_companies');
?>
--EXPECT--
[["公司甲","owner",false],["公司乙","owner",true]]
bool(true)
bool(true)
contact_switch_company client#1 by client:1 {}
{"公司甲":true,"公司乙":false}
公司甲 公司乙
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 3 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 3 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 999 not found)
ValueError: CloudAcct\People\Contacts::switchCompany(): Argument #2 ($clientId) must be between 1 and 4294967295
bool(true)
bool(true)
CloudAcct\ForbiddenException: 只有客户联系人可以这样做 (client contacts only)
CloudAcct\ForbiddenException: 只有客户联系人可以这样做 (client contacts only)
CloudAcct\ForbiddenException: 只有客户联系人可以这样做 (client contacts only)
[{"contact_id":1,"name":"王老板","phone":"13700000001","role":"owner","bound_at":1800000010,"wechat_bound":true},{"contact_id":3,"name":"刘会计","phone":"13700000002","role":"finance","bound_at":1800000030,"wechat_bound":true}]
true
[{"contact_id":1,"name":"王老板","role":"owner","bound_at":1800000010,"wechat_bound":true},{"contact_id":3,"name":"刘会计","role":"finance","bound_at":1800000030,"wechat_bound":true}]
true
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
[["公司乙",true]]
bool(true)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
1
bool(true)
array(0) {
}
NULL
contact_unbind client#1 by admin:1 {"contact_id":1}
contact_unbind client#2 by admin:1 {"contact_id":1}
CloudAcct\NotFoundException: 该联系人没有绑定此客户 (contact 1 is not bound to client 1)
CloudAcct\NotFoundException: 该联系人没有绑定此客户 (contact 999 is not bound to client 1)
ValueError: CloudAcct\People\Contacts::unbind(): Argument #3 ($contactId) must be between 1 and 4294967295
CloudAcct\ForbiddenException: 只有管理员可以解除联系人绑定 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以解除联系人绑定 (admin only)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
bool(true)
NULL
NULL
CloudAcct\ValidationException: 微信身份无效，请从公众号菜单重新进入 (openid must be 1-64 of [A-Za-z0-9_-])
