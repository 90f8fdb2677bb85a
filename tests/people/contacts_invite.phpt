--TEST--
People: contact invites — issue (admin, the exclusive accountant), bind creating or reusing the contact; used, expired, foreign, unknown, malformed codes refused with nothing written
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
[$db, $p, $p2] = p_setup('people_contacts_invite');
$contacts = $p['contacts'];
$boss = Actor::admin(1);
Clock::freeze(1800000000);
$zhang = $p['staff']->create($boss, ['name' => '张会计']);
$li = $p['staff']->create($boss, ['name' => '李会计']);
$a = $p['clients']->create($boss, ['name' => '公司甲', 'accountant_id' => $zhang]);
$b = $p['clients']->create($boss, ['name' => '公司乙', 'accountant_id' => $li]);
$ended = $p['clients']->create($boss, ['name' => '已终止公司', 'accountant_id' => $zhang, 'status' => 'terminated']);

// the exclusive accountant (or an admin) invites; the code carries the company and the role
$code = $contacts->issueInvite(Actor::staff($zhang), $a, 'finance');
var_dump(preg_match('/^[2-9A-HJ-NP-Z]{8}$/', $code) === 1);
echo p_json($db->queryRow('SELECT kind, target_id, role, issued_by_kind, issued_by_id, expires_at - created_at AS ttl FROM {bind_code} WHERE code = ?', [$code])), "\n";
$owner = $contacts->issueInvite($boss, $a, 'owner', 3600);
echo $db->queryValue('SELECT expires_at - created_at FROM {bind_code} WHERE code = ?', [$owner]), "\n";
// two outstanding invites for one company are fine (a company has several people)
var_dump($code !== $owner);

// binding creates the contact, binds it with the role and makes the company current
$start = p_last_audit_id($db);
$c1 = $contacts->bindByInvite('oWx_fin', $code, '刘会计', '13700000001', '198.51.100.7');
var_dump($contacts->resolveByOpenid('oWx_fin') === $c1);
echo p_json($contacts->companies(Actor::client($c1))), "\n";
echo p_json($db->queryRow('SELECT used_at, used_by_openid FROM {bind_code} WHERE code = ?', [$code])), "\n";
echo p_json($db->queryRow('SELECT actor_kind, actor_id, ip, action, object_id FROM {audit} WHERE id > ?', [$start])), "\n";
// the same fan bound to a second company: the same contact, name and phone updated, the new company current
$second = $contacts->issueInvite(Actor::staff($li), $b);
var_dump($contacts->bindByInvite('oWx_fin', $second, '刘芳', '13700000009') === $c1);
echo p_json([$contacts->companies(Actor::client($c1)), $contacts->listForClient($boss, $a)]), "\n";

// refused, with a reason, writing nothing
$used = $code;
$expired = $contacts->issueInvite($boss, $a, 'member', 300);
$foreign = $p2['contacts']->issueInvite($boss, $p2['clients']->create($boss, ['name' => '外地公司']));
$staffCode = $p['staff']->issueBindCode($boss, $zhang);
$again = $contacts->issueInvite($boss, $a);
$forEnded = $contacts->issueInvite($boss, $b);
$p['clients']->update($boss, $b, ['status' => 'terminated']);
Clock::advance(300);
$before = p_counts($db);
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', $used, '新人', '13700000002'));
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', $expired, '新人', '13700000002'));
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', $foreign, '新人', '13700000002'));
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', $staffCode, '新人', '13700000002'));
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', 'ZZZZZZZZ', '新人', '13700000002'));
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', 'ABCD-123', '新人', '13700000002'));
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', $forEnded, '新人', '13700000002'));
// already bound to that company: refused, and the code is not used up
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_fin', $again, '刘芳', '13700000009'));
// the person's details are checked before anything else
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', $again, '', '13700000002'));
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', $again, str_repeat('名', 33), '13700000002'));
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', $again, '新人', '137000'));
ca_expect_throw(fn() => $contacts->bindByInvite('o/new', $again, '新人', '13700000002'));
ca_expect_throw(fn() => $contacts->bindByInvite('oWx_new', $again, '新人', '13700000002', '::1 '));
var_dump(p_counts($db) === $before);
// the other uniacid's invite works there
var_dump($p2['contacts']->bindByInvite('oWx_new', $foreign, '外地人', '13700000003') > 0);
var_dump($contacts->resolveByOpenid('oWx_new'));
// and the kept code still works here
var_dump($contacts->bindByInvite('oWx_new', $again, '新人', '13700000002') > $c1);

// who may invite
ca_expect_throw(fn() => $contacts->issueInvite(Actor::staff($li), $a));          // not their company
ca_expect_throw(fn() => $contacts->issueInvite(Actor::client($c1), $a));         // clients do not invite
ca_expect_throw(fn() => $contacts->issueInvite(Actor::system(), $a));
ca_expect_throw(fn() => $contacts->issueInvite($boss, $ended));                  // a terminated company
ca_expect_throw(fn() => $contacts->issueInvite($boss, $a, 'boss'));
ca_expect_throw(fn() => $contacts->issueInvite($boss, $a, 'owner', 299));
ca_expect_throw(fn() => $contacts->issueInvite($boss, $a, 'owner', 2592001));
ca_expect_throw(fn() => $contacts->issueInvite($boss, 0));
ca_expect_throw(fn() => $p2['contacts']->issueInvite($boss, $a));
$p['staff']->setActive($boss, $zhang, false);
ca_expect_throw(fn() => $contacts->issueInvite(Actor::staff($zhang), $a));
p_lines(p_audit($db, $start));
ca_drop_db('people_contacts_invite');
?>
--EXPECT--
bool(true)
{"kind":"contact","target_id":1,"role":"finance","issued_by_kind":"staff","issued_by_id":1,"ttl":604800}
3600
bool(true)
bool(true)
[{"client_id":1,"name":"公司甲","status":"active","role":"finance","bound_at":1800000000,"current":true}]
{"used_at":1800000000,"used_by_openid":"oWx_fin"}
{"actor_kind":"client","actor_id":1,"ip":"198.51.100.7","action":"contact_bind","object_id":1}
bool(true)
[[{"client_id":1,"name":"公司甲","status":"active","role":"finance","bound_at":1800000000,"current":false},{"client_id":2,"name":"公司乙","status":"active","role":"owner","bound_at":1800000000,"current":true}],[{"contact_id":1,"name":"刘芳","phone":"13700000009","role":"finance","bound_at":1800000000,"wechat_bound":true}]]
CloudAcct\ValidationException: 邀请码已被使用，每个邀请码只能用一次，请向发码人索取新的邀请码 (code already used)
CloudAcct\ValidationException: 邀请码已过期，请向发码人索取新的邀请码 (code expired)
CloudAcct\ValidationException: 邀请码不存在，请核对后重新输入，或向发码人索取新的邀请码 (unknown code)
CloudAcct\ValidationException: 邀请码不存在，请核对后重新输入，或向发码人索取新的邀请码 (unknown code)
CloudAcct\ValidationException: 邀请码不存在，请核对后重新输入，或向发码人索取新的邀请码 (unknown code)
CloudAcct\ValidationException: 邀请码应为 8 位字母或数字，请核对后重新输入 (malformed code)
CloudAcct\ValidationException: 该公司已终止服务，邀请码不能使用，请联系您的会计 (the client is terminated)
CloudAcct\ValidationException: 您已经绑定了该公司，无需重复绑定 (already bound to this client)
CloudAcct\ValidationException: 请填写姓名 (name is required)
CloudAcct\ValidationException: 姓名：内容太长，请精简后再提交（1 到 32 个字）(name: too long, 1..32 characters)
CloudAcct\ValidationException: 手机号格式不对，应为 11 位手机号码，如 13800138000 (phone: mainland mobile number expected)
CloudAcct\ValidationException: 微信身份无效，请从公众号菜单重新进入 (openid must be 1-64 of [A-Za-z0-9_-])
ValueError: CloudAcct\People\Contacts::bindByInvite(): Argument #5 ($ip) must be an IPv4 or IPv6 address
bool(true)
bool(true)
NULL
bool(true)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\ForbiddenException: 只有管理员或专属会计可以邀请联系人 (admins and the exclusive accountant only)
CloudAcct\ForbiddenException: 只有管理员或专属会计可以邀请联系人 (admins and the exclusive accountant only)
CloudAcct\ValidationException: 该客户已终止服务，不能邀请联系人 (the client is terminated)
CloudAcct\ValidationException: 联系人角色只能是：负责人(owner)、财务(finance)、其他(member) (role: one of owner|finance|member)
ValueError: CloudAcct\People\Contacts::issueInvite(): Argument #4 ($ttlSeconds) must be between 300 and 2592000
ValueError: CloudAcct\People\Contacts::issueInvite(): Argument #4 ($ttlSeconds) must be between 300 and 2592000
ValueError: CloudAcct\People\Contacts::issueInvite(): Argument #2 ($clientId) must be between 1 and 4294967295
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\ForbiddenException: 员工账号不存在或已停用 (staff 1 is not active)
contact_bind client#1 by client:1 {"contact_id":1,"role":"finance","code_id":1}
contact_invite_issue client#2 by staff:2 {"code_id":3,"role":"owner","expires_at":1800604800}
contact_bind client#2 by client:1 {"contact_id":1,"role":"owner","code_id":3}
contact_invite_issue client#1 by admin:1 {"code_id":4,"role":"member","expires_at":1800000300}
staff_bind_code_issue staff#1 by admin:1 {"code_id":6,"expires_at":1800086400}
contact_invite_issue client#1 by admin:1 {"code_id":7,"role":"owner","expires_at":1800604800}
contact_invite_issue client#2 by admin:1 {"code_id":8,"role":"owner","expires_at":1800604800}
client_update client#2 by admin:1 {"status":"terminated"}
contact_bind client#1 by client:5 {"contact_id":5,"role":"owner","code_id":7}
staff_deactivate staff#1 by admin:1 {}
