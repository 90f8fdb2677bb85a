--TEST--
People: staff WeChat binding — one-time expiring codes; used, expired, unknown, foreign, malformed codes and a fan bound elsewhere are refused and write nothing; rebinding; unbinding
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
[$db, $p, $p2] = p_setup('people_staff_bind');
$staff = $p['staff'];
$boss = Actor::admin(1);
Clock::freeze(1800000000);
$zhang = $staff->create($boss, ['name' => '张会计']);
$li = $staff->create($boss, ['name' => '李会计']);
$gone = $staff->create($boss, ['name' => '离职员工']);

// a code: 8 characters without 0 O 1 I, stored with its expiry
$code = $staff->issueBindCode($boss, $zhang);
var_dump(preg_match('/^[2-9A-HJ-NP-Z]{8}$/', $code) === 1);
$row = $db->queryRow('SELECT kind, target_id, expires_at, used_at, issued_by_kind, issued_by_id FROM {bind_code} WHERE code = ?', [$code]);
echo p_json($row), "\n";
var_dump($staff->resolveByOpenid('oWx_zhang'));
// the fan types it in lower case with blanks: still the code
var_dump($staff->bindByCode('oWx_zhang', ' ' . strtolower($code) . ' ', '203.0.113.9') === $zhang);
var_dump($staff->resolveByOpenid('oWx_zhang') === $zhang, $staff->get($boss, $zhang)['wechat_bound']);
echo p_json($db->queryRow('SELECT used_at, used_by_openid FROM {bind_code} WHERE code = ?', [$code])), "\n";
echo p_json($db->queryRow('SELECT actor_kind, actor_id, ip, detail FROM {audit} WHERE action = ?', ['staff_bind_wechat'])), "\n";

$nothing = function () use ($db, &$before) { var_dump(p_counts($db) === $before); };
$before = p_counts($db);
// used, unknown, malformed
ca_expect_throw(fn() => $staff->bindByCode('oWx_li', $code));
ca_expect_throw(fn() => $staff->bindByCode('oWx_li', 'ABCDEFGH'));
ca_expect_throw(fn() => $staff->bindByCode('oWx_li', 'ABC'));
ca_expect_throw(fn() => $staff->bindByCode('oWx_li', 'ABCDEFG0'));
ca_expect_throw(fn() => $staff->bindByCode('oWx_li', 'ABCDEFGHJ'));
$nothing();
// expired
$old = $staff->issueBindCode($boss, $li, 60);
Clock::advance(60);
$before = p_counts($db);
ca_expect_throw(fn() => $staff->bindByCode('oWx_li', $old));
$nothing();
// another uniacid's code is unknown here, and ours there
$foreign = $p2['staff']->create($boss, ['name' => '外地员工']);
$foreignCode = $p2['staff']->issueBindCode($boss, $foreign);
$fresh = $staff->issueBindCode($boss, $li);
$before = p_counts($db);
ca_expect_throw(fn() => $staff->bindByCode('oWx_li', $foreignCode));
ca_expect_throw(fn() => $p2['staff']->bindByCode('oWx_li', $fresh));
$nothing();
// a contact's invite code does not bind staff
$client = $p['clients']->create($boss, ['name' => '某某公司']);
$invite = $p['contacts']->issueInvite($boss, $client);
$before = p_counts($db);
ca_expect_throw(fn() => $staff->bindByCode('oWx_li', $invite));
// a fan bound to 张会计 cannot become 李会计 too: refused, and the code stays usable
ca_expect_throw(fn() => $staff->bindByCode('oWx_zhang', $fresh));
// bad openid / ip
ca_expect_throw(fn() => $staff->bindByCode('', $fresh));
ca_expect_throw(fn() => $staff->bindByCode('o wx', $fresh));
ca_expect_throw(fn() => $staff->bindByCode(str_repeat('a', 65), $fresh));
ca_expect_throw(fn() => $staff->bindByCode('oWx_li', $fresh, 'not-an-ip'));
ca_expect_throw(fn() => $staff->resolveByOpenid("o\0x"));
$nothing();
var_dump($staff->bindByCode('oWx_li', $fresh) === $li);

// issuing a new code voids the unused older one
$first = $staff->issueBindCode($boss, $gone);
$second = $staff->issueBindCode($boss, $gone);
ca_expect_throw(fn() => $staff->bindByCode('oWx_gone', $first));
// an inactive staff member cannot be bound, and resolves to nobody
$staff->setActive($boss, $gone, false);
ca_expect_throw(fn() => $staff->bindByCode('oWx_gone', $second));
ca_expect_throw(fn() => $staff->issueBindCode($boss, $gone));
$staff->setActive($boss, $li, false);
var_dump($staff->resolveByOpenid('oWx_li'));
$staff->setActive($boss, $li, true);
var_dump($staff->resolveByOpenid('oWx_li') === $li);

// a new phone: a new code moves the binding; the old fan no longer resolves
$again = $staff->issueBindCode($boss, $zhang);
var_dump($staff->bindByCode('oWx_zhang_new', $again) === $zhang);
var_dump($staff->resolveByOpenid('oWx_zhang'), $staff->resolveByOpenid('oWx_zhang_new') === $zhang);
echo $db->queryValue("SELECT detail FROM {audit} WHERE action = 'staff_bind_wechat' ORDER BY id DESC LIMIT 1"), "\n";
// unbinding forgets the fan
$staff->unbindWechat($boss, $zhang);
var_dump($staff->resolveByOpenid('oWx_zhang_new'), $staff->get($boss, $zhang)['wechat_bound']);
// the same fan id in another uniacid is another person
var_dump($p2['staff']->resolveByOpenid('oWx_li'));

// who may issue and unbind
ca_expect_throw(fn() => $staff->issueBindCode(Actor::staff($li), $li));
ca_expect_throw(fn() => $staff->issueBindCode($boss, 999));
ca_expect_throw(fn() => $staff->issueBindCode($boss, $li, 59));
ca_expect_throw(fn() => $staff->issueBindCode($boss, $li, 2592001));
ca_expect_throw(fn() => $staff->unbindWechat(Actor::staff($li), $li));
ca_expect_throw(fn() => $p2['staff']->unbindWechat($boss, $li));

p_lines(p_audit($db, 3));
ca_drop_db('people_staff_bind');
?>
--EXPECT--
bool(true)
{"kind":"staff","target_id":1,"expires_at":1800086400,"used_at":0,"issued_by_kind":"admin","issued_by_id":1}
NULL
bool(true)
bool(true)
bool(true)
{"used_at":1800000000,"used_by_openid":"oWx_zhang"}
{"actor_kind":"staff","actor_id":1,"ip":"203.0.113.9","detail":"{\"code_id\":1,\"replaced\":false}"}
CloudAcct\ValidationException: 绑定码已被使用，每个绑定码只能用一次，请向发码人索取新的绑定码 (code already used)
CloudAcct\ValidationException: 绑定码不存在，请核对后重新输入，或向发码人索取新的绑定码 (unknown code)
CloudAcct\ValidationException: 绑定码应为 8 位字母或数字，请核对后重新输入 (malformed code)
CloudAcct\ValidationException: 绑定码应为 8 位字母或数字，请核对后重新输入 (malformed code)
CloudAcct\ValidationException: 绑定码应为 8 位字母或数字，请核对后重新输入 (malformed code)
bool(true)
CloudAcct\ValidationException: 绑定码已过期，请向发码人索取新的绑定码 (code expired)
bool(true)
CloudAcct\ValidationException: 绑定码不存在，请核对后重新输入，或向发码人索取新的绑定码 (unknown code)
CloudAcct\ValidationException: 绑定码不存在，请核对后重新输入，或向发码人索取新的绑定码 (unknown code)
bool(true)
CloudAcct\ValidationException: 绑定码不存在，请核对后重新输入，或向发码人索取新的绑定码 (unknown code)
CloudAcct\ValidationException: 该微信已绑定员工「张会计」，请先由管理员解除绑定后再绑定 (this WeChat user is bound to another staff member)
CloudAcct\ValidationException: 微信身份无效，请从公众号菜单重新进入 (openid must be 1-64 of [A-Za-z0-9_-])
CloudAcct\ValidationException: 微信身份无效，请从公众号菜单重新进入 (openid must be 1-64 of [A-Za-z0-9_-])
CloudAcct\ValidationException: 微信身份无效，请从公众号菜单重新进入 (openid must be 1-64 of [A-Za-z0-9_-])
ValueError: CloudAcct\People\Staff::bindByCode(): Argument #3 ($ip) must be an IPv4 or IPv6 address
CloudAcct\ValidationException: 微信身份无效，请从公众号菜单重新进入 (openid must be 1-64 of [A-Za-z0-9_-])
bool(true)
bool(true)
CloudAcct\ValidationException: 绑定码已过期，请向发码人索取新的绑定码 (code expired)
CloudAcct\ValidationException: 该员工账号已停用，请联系管理员 (staff is inactive)
CloudAcct\ValidationException: 该员工已停用，请先启用再生成绑定码 (staff is inactive)
NULL
bool(true)
bool(true)
NULL
bool(true)
{"code_id":8,"replaced":true}
NULL
bool(false)
NULL
CloudAcct\ForbiddenException: 只有管理员可以生成员工绑定码 (admin only)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 999 not found)
ValueError: CloudAcct\People\Staff::issueBindCode(): Argument #3 ($ttlSeconds) must be between 60 and 2592000
ValueError: CloudAcct\People\Staff::issueBindCode(): Argument #3 ($ttlSeconds) must be between 60 and 2592000
CloudAcct\ForbiddenException: 只有管理员可以解除员工的微信绑定 (admin only)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 2 not found)
staff_bind_code_issue staff#1 by admin:1 {"code_id":1,"expires_at":1800086400}
staff_bind_wechat staff#1 by staff:1 {"code_id":1,"replaced":false}
staff_bind_code_issue staff#2 by admin:1 {"code_id":2,"expires_at":1800000060}
staff_bind_code_issue staff#2 by admin:1 {"code_id":4,"expires_at":1800086460}
client_create client#1 by admin:1 {"name":"某某公司"}
contact_invite_issue client#1 by admin:1 {"code_id":5,"role":"owner","expires_at":1800604860}
staff_bind_wechat staff#2 by staff:2 {"code_id":4,"replaced":false}
staff_bind_code_issue staff#3 by admin:1 {"code_id":6,"expires_at":1800086460}
staff_bind_code_issue staff#3 by admin:1 {"code_id":7,"expires_at":1800086460}
staff_deactivate staff#3 by admin:1 {}
staff_deactivate staff#2 by admin:1 {}
staff_activate staff#2 by admin:1 {}
staff_bind_code_issue staff#1 by admin:1 {"code_id":8,"expires_at":1800086460}
staff_bind_wechat staff#1 by staff:1 {"code_id":8,"replaced":true}
staff_unbind_wechat staff#1 by admin:1 {}
