--TEST--
People: self-registration — submit, one pending per fan, admin list, approve into a new or an existing company, reject with a reason, each decided once, switched off by a setting
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
[$db, $p, $p2] = p_setup('people_contacts_register');
$contacts = $p['contacts'];
$boss = Actor::admin(1);
$limited = Actor::admin(7);
Clock::freeze(1800000000);
$gulou = $p['stores']->create($boss, ['name' => '鼓楼店']);
$taijiang = $p['stores']->create($boss, ['name' => '台江店']);
$p['stores']->setAdminScope($boss, 7, [$gulou]);
$known = $p['clients']->create($boss, ['name' => '老客户公司', 'credit_code' => '91440300708461136T', 'store_id' => $gulou]);
$other = $p['clients']->create($boss, ['name' => '台江公司', 'store_id' => $taijiang]);
$start = p_last_audit_id($db);

// a fan asks; the code is normalised; one pending request per fan
$r1 = $contacts->register('oWx_zhao', '赵总', '13600000001', '福州新创科技有限公司', '91350100m000100y43', '192.0.2.1');
echo p_json($contacts->registrationStatus('oWx_zhao')), "\n";
echo p_json($db->queryRow('SELECT openid, name, phone, company_name, credit_code, status FROM {registration} WHERE id = ?', [$r1])), "\n";
Clock::advance(10);
$r2 = $contacts->register('oWx_qian', '钱经理', '13600000002', '老客户公司', null);
Clock::advance(10);
$r3 = $contacts->register('oWx_sun', '孙会计', '13600000003', '福州新创科技', '91350100M000100Y43');
$r4 = $contacts->register('oWx_li', '李四', '13600000004', '某某小店', '');
var_dump($contacts->registrationStatus('oWx_nobody'));

$before = p_counts($db);
ca_expect_throw(fn() => $contacts->register('oWx_zhao', '赵总', '13600000001', '另一家公司'));
ca_expect_throw(fn() => $contacts->register('oWx_x', '某人', '13600000009', '某公司', '91350100M000100Y42'));
ca_expect_throw(fn() => $contacts->register('oWx_x', '某人', '13600000009', '某公司', '9135'));
ca_expect_throw(fn() => $contacts->register('oWx_x', '', '13600000009', '某公司'));
ca_expect_throw(fn() => $contacts->register('oWx_x', '某人', '110', '某公司'));
ca_expect_throw(fn() => $contacts->register('oWx_x', '某人', '13600000009', '某'));
ca_expect_throw(fn() => $contacts->register('oWx_x', '某人', '13600000009', str_repeat('公', 129)));
ca_expect_throw(fn() => $contacts->register('oWx x', '某人', '13600000009', '某公司'));
ca_expect_throw(fn() => $contacts->register('oWx_x', '某人', '13600000009', '某公司', null, 'x'));
var_dump(p_counts($db) === $before);

// the admin's list: newest first, filters
$list = fn(array $f = [], ...$more) => p_json(array_column($contacts->registrations($boss, $f, ...$more)['items'], 'company_name'));
echo $list(), "\n";
echo $list(['keyword' => '新创']), "\n";
echo $list(['keyword' => '13600000002']), "\n";
echo $list([], 2, 3), "\n";
echo p_json(array_keys($contacts->registrations($boss)['items'][0])), "\n";
ca_expect_throw(fn() => $contacts->registrations($boss, ['status' => 'done']));
ca_expect_throw(fn() => $contacts->registrations(Actor::staff(1)));
ca_expect_throw(fn() => $contacts->registrations(Actor::client(1)));
echo $p2['contacts']->registrations($boss)['total'], "\n";

// approve into a new company (made from the request, in the admin's store)
Clock::advance(100);
$new = $contacts->approve($limited, $r1, null, $gulou);
$company = $p['clients']->get($boss, $new);
echo p_json([$company['name'], $company['credit_code'], $company['store_id']]), "\n";
$zhao = $contacts->resolveByOpenid('oWx_zhao');
echo p_json([$contacts->companies(Actor::client($zhao))[0]['name'], $contacts->companies(Actor::client($zhao))[0]['role']]), "\n";
echo p_json($contacts->registrationStatus('oWx_zhao')), "\n";
// approve onto an existing company
var_dump($contacts->approve($boss, $r2, $known) === $known);
echo p_json(array_column($contacts->listForClient($boss, $known), 'name')), "\n";
// the same credit code as an existing company: refused, naming it; pick the company instead
$before = p_counts($db);
ca_expect_throw(fn() => $contacts->approve($boss, $r3));
var_dump(p_counts($db) === $before);
// a limited admin creates only in their stores and binds only to their companies
ca_expect_throw(fn() => $contacts->approve($limited, $r3, $other));
ca_expect_throw(fn() => $contacts->approve($limited, $r4, null, $taijiang));
ca_expect_throw(fn() => $contacts->approve($limited, $r4));
var_dump(p_counts($db) === $before);
var_dump($contacts->approve($boss, $r3, $new) === $new);
echo count($contacts->listForClient($boss, $new)), "\n";

// reject with a reason the registrant sees
$contacts->reject($boss, $r4, '请提供营业执照后重新申请');
echo p_json($contacts->registrationStatus('oWx_li')), "\n";
// after a rejection, a new request may be made
$r5 = $contacts->register('oWx_li', '李四', '13600000004', '某某小店', '91310000717866186P');
var_dump($r5 > $r4);
echo $list(['status' => 'pending']), ' ', $list(['status' => 'approved']), ' ', $list(['status' => 'rejected']), "\n";

// each request is decided once
$before = p_counts($db);
ca_expect_throw(fn() => $contacts->approve($boss, $r1));
ca_expect_throw(fn() => $contacts->reject($boss, $r1));
ca_expect_throw(fn() => $contacts->approve($boss, $r4, $known));
ca_expect_throw(fn() => $contacts->reject($boss, $r4, 'again'));
ca_expect_throw(fn() => $contacts->approve($boss, 999));
ca_expect_throw(fn() => $contacts->reject($boss, 999));
ca_expect_throw(fn() => $p2['contacts']->approve($boss, $r5));
ca_expect_throw(fn() => $p2['contacts']->reject($boss, $r5));
ca_expect_throw(fn() => $contacts->approve(Actor::staff(1), $r5));
ca_expect_throw(fn() => $contacts->reject(Actor::client($zhao), $r5));
ca_expect_throw(fn() => $contacts->reject($boss, $r5, str_repeat('因', 256)));
ca_expect_throw(fn() => $contacts->approve($boss, $r5, 0));
ca_expect_throw(fn() => $contacts->approve($boss, $r5, 999));
ca_expect_throw(fn() => $contacts->approve($boss, $r5, null, 999));
var_dump(p_counts($db) === $before);
try {
    $contacts->approve($boss, $r1);
} catch (CloudAcct\InvalidTransitionException $e) {
    var_dump($e->getCurrentState());
}

// the firm can switch self-registration off
$p['settings']->set($boss, 'client_self_register', false);
ca_expect_throw(fn() => $contacts->register('oWx_late', '周总', '13600000005', '晚来公司'));
p_lines(p_audit($db, $start));
ca_drop_db('people_contacts_register');
?>
--EXPECT--
{"id":1,"status":"pending","company_name":"福州新创科技有限公司","client_id":0,"review_note":"","created_at":1800000000,"reviewed_at":0}
{"openid":"oWx_zhao","name":"赵总","phone":"13600000001","company_name":"福州新创科技有限公司","credit_code":"91350100M000100Y43","status":"pending"}
NULL
CloudAcct\ValidationException: 您已提交过申请，正在等待审核，请耐心等候 (a registration is already pending)
CloudAcct\ValidationException: 统一社会信用代码校验位不符，可能有输错的字符，请对照营业执照逐位核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码应为 18 位，请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 请填写姓名 (name is required)
CloudAcct\ValidationException: 手机号格式不对，应为 11 位手机号码，如 13800138000 (phone: mainland mobile number expected)
CloudAcct\ValidationException: 公司名称：内容太短，请补充完整（2 到 128 个字）(company_name: too short, 2..128 characters)
CloudAcct\ValidationException: 公司名称：内容太长，请精简后再提交（2 到 128 个字）(company_name: too long, 2..128 characters)
CloudAcct\ValidationException: 微信身份无效，请从公众号菜单重新进入 (openid must be 1-64 of [A-Za-z0-9_-])
ValueError: CloudAcct\People\Contacts::register(): Argument #6 ($ip) must be an IPv4 or IPv6 address
bool(true)
["某某小店","福州新创科技","老客户公司","福州新创科技有限公司"]
["福州新创科技","福州新创科技有限公司"]
["老客户公司"]
["福州新创科技有限公司"]
["id","name","phone","company_name","credit_code","status","client_id","reviewed_by","review_note","created_at","reviewed_at"]
CloudAcct\ValidationException: 筛选条件 status 的值无效 (filter "status" has an invalid value)
CloudAcct\ForbiddenException: 只有管理员可以查看注册申请 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以查看注册申请 (admin only)
0
["福州新创科技有限公司","91350100M000100Y43",1]
["福州新创科技有限公司","owner"]
{"id":1,"status":"approved","company_name":"福州新创科技有限公司","client_id":3,"review_note":"","created_at":1800000000,"reviewed_at":1800000120}
bool(true)
["钱经理"]
CloudAcct\ValidationException: 统一社会信用代码 91350100M000100Y43 已登记为客户「福州新创科技有限公司」（编号 3），请勿重复建档 (duplicate credit code)
bool(true)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\ForbiddenException: 您只能管理自己负责门店的数据，请选择您负责的门店 (store outside the admin's stores)
CloudAcct\ForbiddenException: 门店管理员须选择自己负责的门店 (admins limited to stores must choose one of them)
bool(true)
bool(true)
2
{"id":4,"status":"rejected","company_name":"某某小店","client_id":0,"review_note":"请提供营业执照后重新申请","created_at":1800000020,"reviewed_at":1800000120}
bool(true)
["某某小店"] ["福州新创科技","老客户公司","福州新创科技有限公司"] ["某某小店"]
CloudAcct\InvalidTransitionException: 该注册申请已处理（已通过），请刷新列表 (registration 1 is approved)
CloudAcct\InvalidTransitionException: 该注册申请已处理（已通过），请刷新列表 (registration 1 is approved)
CloudAcct\InvalidTransitionException: 该注册申请已处理（已拒绝），请刷新列表 (registration 4 is rejected)
CloudAcct\InvalidTransitionException: 该注册申请已处理（已拒绝），请刷新列表 (registration 4 is rejected)
CloudAcct\NotFoundException: 注册申请不存在 (registration 999 not found)
CloudAcct\NotFoundException: 注册申请不存在 (registration 999 not found)
CloudAcct\NotFoundException: 注册申请不存在 (registration 5 not found)
CloudAcct\NotFoundException: 注册申请不存在 (registration 5 not found)
CloudAcct\ForbiddenException: 只有管理员可以审核注册申请 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以审核注册申请 (admin only)
CloudAcct\ValidationException: 拒绝原因：内容太长，请精简后再提交（0 到 255 个字）(reason: too long, 0..255 characters)
ValueError: CloudAcct\People\Contacts::approve(): Argument #3 ($clientId) must be between 1 and 4294967295
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 999 not found)
CloudAcct\ValidationException: 门店不存在，请重新选择 (store 999 not found)
bool(true)
string(8) "approved"
CloudAcct\ForbiddenException: 暂未开放自助注册，请向您的会计索取邀请码 (self-registration is off)
registration_submit registration#1 by client:0 {"openid":"oWx_zhao","company_name":"福州新创科技有限公司","credit_code":"91350100M000100Y43"}
registration_submit registration#2 by client:0 {"openid":"oWx_qian","company_name":"老客户公司"}
registration_submit registration#3 by client:0 {"openid":"oWx_sun","company_name":"福州新创科技","credit_code":"91350100M000100Y43"}
registration_submit registration#4 by client:0 {"openid":"oWx_li","company_name":"某某小店"}
client_create client#3 by admin:7 {"name":"福州新创科技有限公司","credit_code":"91350100M000100Y43","store_id":1}
registration_approve registration#1 by admin:7 {"client_id":3,"contact_id":1,"client_created":true}
contact_bind client#3 by admin:7 {"contact_id":1,"role":"owner","registration_id":1}
registration_approve registration#2 by admin:1 {"client_id":1,"contact_id":2,"client_created":false}
contact_bind client#1 by admin:1 {"contact_id":2,"role":"owner","registration_id":2}
registration_approve registration#3 by admin:1 {"client_id":3,"contact_id":3,"client_created":false}
contact_bind client#3 by admin:1 {"contact_id":3,"role":"owner","registration_id":3}
registration_reject registration#4 by admin:1 {"reason":"请提供营业执照后重新申请"}
registration_submit registration#5 by client:0 {"openid":"oWx_li","company_name":"某某小店","credit_code":"91310000717866186P"}
setting_set setting#0 by admin:1 {"name":"client_self_register"}
