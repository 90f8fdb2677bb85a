--TEST--
People: clients — create with every field, credit code normalised and checked (GB 32100), duplicate companies named, store and accountant checks, nothing written on bad input
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
[$db, $p, $p2] = p_setup('people_clients_create');
$clients = $p['clients'];
$boss = Actor::admin(1);
$limited = Actor::admin(7);
Clock::freeze(1800000000);
$gulou = $p['stores']->create($boss, ['name' => '鼓楼店']);
$taijiang = $p['stores']->create($boss, ['name' => '台江店']);
$p['stores']->setAdminScope($boss, 7, [$gulou]);
$zhang = $p['staff']->create($boss, ['name' => '张会计', 'store_id' => $gulou]);
$li = $p['staff']->create($boss, ['name' => '李会计', 'store_id' => $taijiang]);
$off = $p['staff']->create($boss, ['name' => '停用会计']);
$p['staff']->setActive($boss, $off, false);
$start = p_last_audit_id($db);

// every field; the credit code is normalised (trimmed, upper case) before it is checked and stored
$a = $clients->create($boss, ['name' => '福州榕树科技有限公司', 'credit_code' => " 91350100m000100y43\n", 'taxpayer_type' => 'general',
    'industry' => '软件和信息技术服务业', 'address' => '福州市鼓楼区软件大道 89 号', 'store_id' => $gulou, 'accountant_id' => $zhang,
    'tags' => ['重点客户', '出口退税'], 'status' => 'active', 'notes' => "每月 10 日前交票\n老板姓陈"]);
echo p_json($clients->get($boss, $a)), "\n";
// defaults
$b = $clients->create($boss, ['name' => '个体户王五']);
$row = $clients->get($boss, $b);
echo p_json([$row['credit_code'], $row['taxpayer_type'], $row['status'], $row['store_id'], $row['accountant_id'], $row['tags'], $row['notes']]), "\n";
// the first exclusive accountant is a handover from nobody
echo p_json($db->query('SELECT client_id, from_staff_id, to_staff_id, reason, actor_kind, actor_id FROM {handover}')), "\n";
p_lines(p_audit($db, $start));

// invalid credit codes: each says what is wrong; nothing written
$before = p_counts($db);
foreach ([
    '91350100M000100Y42',   // wrong check character
    '911100001011114479',   // a sample that circulates with a wrong check character
    '91350100M000100Y4',    // 17 characters
    '91350100M000100Y433',  // 19
    '91350100M0001O0Y43',   // O is not in the alphabet
    '9135010IM000100Y43',   // I
    'Z1350100M000100Y43',   // Z
    '91350100M000100Y4S',   // S
    'B1350100M000100Y48',   // no such registration authority (check character right)
    '9035010XM000100Y4A',   // type 0 / letters in the division
    '913501000000001',      // an old 15-digit 注册号
    '９１３５０１００Ｍ０００１００Ｙ４３', // full-width digits
] as $code) {
    ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'credit_code' => $code]));
}
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'credit_code' => 91350100]));
var_dump(p_counts($db) === $before);

// duplicates: the same credit code (any case), or the same name where either lacks a code, names the existing company
ca_expect_throw(fn() => $clients->create($boss, ['name' => '另一个名字', 'credit_code' => '91350100M000100Y43']));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '另一个名字', 'credit_code' => '91350100m000100y43']));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '个体户王五']));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '个体户王五', 'credit_code' => '92350100MA00D6C61Y']));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '福州榕树科技有限公司']));
var_dump(p_counts($db) === $before);
// same name, both with (different) codes: two real companies
$c = $clients->create($boss, ['name' => '福州榕树科技有限公司', 'credit_code' => '91440300708461136T']);
var_dump($c > $a);
// another uniacid is another firm: the same company may be its client too
$x = $p2['clients']->create($boss, ['name' => '福州榕树科技有限公司', 'credit_code' => '91350100M000100Y43']);
var_dump($x > 0, $p2['clients']->get($boss, $x)['credit_code']);

// store and accountant checks
ca_expect_throw(fn() => $clients->create($limited, ['name' => '外店客户', 'store_id' => $taijiang]));
ca_expect_throw(fn() => $clients->create($limited, ['name' => '无店客户']));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'store_id' => 999]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'accountant_id' => $off]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'accountant_id' => 999]));
ca_expect_throw(fn() => $clients->create($limited, ['name' => '某公司', 'store_id' => $gulou, 'accountant_id' => $li]));
$own = $clients->create($limited, ['name' => '鼓楼客户', 'store_id' => $gulou, 'accountant_id' => $zhang]);
var_dump($clients->get($limited, $own)['accountant_name']);

// other bad input
$before = p_counts($db);
ca_expect_throw(fn() => $clients->create($boss, []));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '王']));
ca_expect_throw(fn() => $clients->create($boss, ['name' => str_repeat('公', 129)]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => "某\n公司"]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'taxpayer_type' => '小规模']));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'status' => 'closed']));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'tags' => ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'tags' => ['重点，优先']]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'tags' => [str_repeat('标', 17)]]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'notes' => str_repeat('备', 2001)]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'notes' => "a\x00b"]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'industry' => ['x']]));
ca_expect_throw(fn() => $clients->create($boss, ['name' => '某公司', 'accountant_id' => '1']));
ca_expect_throw(fn() => $clients->create(Actor::staff($zhang), ['name' => '某公司']));
ca_expect_throw(fn() => $clients->create(Actor::client(1), ['name' => '某公司']));
var_dump(p_counts($db) === $before);
ca_drop_db('people_clients_create');
?>
--EXPECT--
{"id":1,"name":"福州榕树科技有限公司","credit_code":"91350100M000100Y43","taxpayer_type":"general","industry":"软件和信息技术服务业","address":"福州市鼓楼区软件大道 89 号","store_id":1,"store_name":"鼓楼店","accountant_id":1,"accountant_name":"张会计","status":"active","notes":"每月 10 日前交票\n老板姓陈","created_at":1800000000,"updated_at":1800000000,"tags":["出口退税","重点客户"]}
[null,"small","active",0,0,[],""]
[{"client_id":1,"from_staff_id":0,"to_staff_id":1,"reason":"新建客户时指定","actor_kind":"admin","actor_id":1}]
client_create client#1 by admin:1 {"name":"福州榕树科技有限公司","credit_code":"91350100M000100Y43","taxpayer_type":"general","industry":"软件和信息技术服务业","address":"福州市鼓楼区软件大道 89 号","store_id":1,"accountant_id":1,"tags":["重点客户","出口退税"],"status":"active","notes":"每月 10 日前交票\n老板姓陈"}
client_create client#2 by admin:1 {"name":"个体户王五"}
CloudAcct\ValidationException: 统一社会信用代码校验位不符，可能有输错的字符，请对照营业执照逐位核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码校验位不符，可能有输错的字符，请对照营业执照逐位核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码应为 18 位，请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码应为 18 位，请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z），请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z），请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z），请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z），请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码第 1 位（登记管理部门代码）不正确，请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码第 2 位（机构类别代码）不正确，请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码应为 18 位，请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码应为 18 位，请对照营业执照核对 (credit_code: invalid 统一社会信用代码)
CloudAcct\ValidationException: 统一社会信用代码须为文字 (credit_code: string expected)
bool(true)
CloudAcct\ValidationException: 统一社会信用代码 91350100M000100Y43 已登记为客户「福州榕树科技有限公司」（编号 1），请勿重复建档 (duplicate credit code)
CloudAcct\ValidationException: 统一社会信用代码 91350100M000100Y43 已登记为客户「福州榕树科技有限公司」（编号 1），请勿重复建档 (duplicate credit code)
CloudAcct\ValidationException: 已有同名客户「个体户王五」（编号 2）。如确为不同的公司，请填写统一社会信用代码加以区分 (a company with this name exists)
CloudAcct\ValidationException: 已有同名客户「个体户王五」（编号 2）。如确为不同的公司，请填写统一社会信用代码加以区分 (a company with this name exists)
CloudAcct\ValidationException: 已有同名客户「福州榕树科技有限公司」（编号 1）。如确为不同的公司，请填写统一社会信用代码加以区分 (a company with this name exists)
bool(true)
bool(true)
bool(true)
string(18) "91350100M000100Y43"
CloudAcct\ForbiddenException: 您只能管理自己负责门店的数据，请选择您负责的门店 (store outside the admin's stores)
CloudAcct\ForbiddenException: 门店管理员须选择自己负责的门店 (admins limited to stores must choose one of them)
CloudAcct\ValidationException: 门店不存在，请重新选择 (store 999 not found)
CloudAcct\ValidationException: 专属会计不存在或已停用，请重新选择 (staff 3 is not an active staff member)
CloudAcct\ValidationException: 专属会计不存在或已停用，请重新选择 (staff 999 is not an active staff member)
CloudAcct\ValidationException: 专属会计不存在或已停用，请重新选择 (staff 2 is not an active staff member)
string(9) "张会计"
CloudAcct\ValidationException: 请填写客户名称 (name is required)
CloudAcct\ValidationException: 客户名称：内容太短，请补充完整（2 到 128 个字）(name: too short, 2..128 characters)
CloudAcct\ValidationException: 客户名称：内容太长，请精简后再提交（2 到 128 个字）(name: too long, 2..128 characters)
CloudAcct\ValidationException: 客户名称：内容含有不可见的控制字符，请删除后重新输入 (name: control characters)
CloudAcct\ValidationException: 纳税人类型只能是：小规模纳税人(small)、一般纳税人(general) (taxpayer_type: one of small|general)
CloudAcct\ValidationException: 服务状态只能是：服务中(active)、暂停(paused)、已终止(terminated) (status: one of active|paused|terminated)
CloudAcct\ValidationException: 客户标签最多 10 个 (tags: at most 10)
CloudAcct\ValidationException: 客户标签中不能含有逗号，请分成多个标签 (tags: no commas)
CloudAcct\ValidationException: 客户标签：内容太长，请精简后再提交（1 到 16 个字）(tags: too long, 1..16 characters)
CloudAcct\ValidationException: 备注：内容太长，请精简后再提交（0 到 2000 个字）(notes: too long, 0..2000 characters)
CloudAcct\ValidationException: 备注：内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号） (notes: invalid UTF-8)
CloudAcct\ValidationException: 所属行业须为文字 (industry: string expected)
CloudAcct\ValidationException: 专属会计须为整数 (accountant_id: int expected)
CloudAcct\ForbiddenException: 只有管理员可以新建客户 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以新建客户 (admin only)
bool(true)
