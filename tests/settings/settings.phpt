--TEST--
Settings: defaults, typed validation, per-uniacid values, masked secrets, admin-only writes with audit
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\{Actor, Store, Settings};
$db = ca_db('settings');
CloudAcct\Db\Schema::migrate($db);
$s1 = new Settings(new Store($db, 1));
$s2 = new Settings(new Store($db, 2));
$admin = Actor::admin(1);
var_dump($s1->get('dunning_steps'), $s1->get('client_self_register'), $s1->get('sms_provider'));
$s1->set($admin, 'dunning_steps', [-5, 0, 10]);
$s1->set($admin, 'client_self_register', false);
$s1->set($admin, 'firm_name', '诚信代账 <有限公司>');
$s1->set($admin, 'sms_provider', 'tencent');
$s1->set($admin, 'sms_secret_key', 'AKIDsecret-value-1234');
echo json_encode([$s1->get('dunning_steps'), $s1->get('client_self_register'), $s1->get('firm_name')], JSON_UNESCAPED_UNICODE), "\n";
// another uniacid keeps its defaults
echo json_encode([$s2->get('dunning_steps'), $s2->get('firm_name')]), "\n";
// secrets never come back in full, and sending the mask back keeps the secret
var_dump($s1->get('sms_secret_key'));
$s1->set($admin, 'sms_secret_key', '****1234');
var_dump($db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'sms_secret_key'"));
$all = $s1->all($admin);
echo json_encode($all['sms_secret_key']), "\n";
echo json_encode($all['complaint_reopen_days'], JSON_UNESCAPED_UNICODE), "\n";
var_dump(count($all) >= 9, $all['dunning_steps']['stored'], $all['firm_phone']['stored']);
// reset returns to the default
$s1->reset($admin, 'dunning_steps');
echo json_encode($s1->get('dunning_steps')), "\n";
// bad input: typed, clear, nothing written
$before = $db->queryValue('SELECT COUNT(*) FROM {setting}');
ca_expect_throw(fn() => $s1->set($admin, 'complaint_reopen_days', 91));
ca_expect_throw(fn() => $s1->set($admin, 'complaint_reopen_days', '7'));
ca_expect_throw(fn() => $s1->set($admin, 'client_self_register', 1));
ca_expect_throw(fn() => $s1->set($admin, 'dunning_steps', [1, 'x']));
ca_expect_throw(fn() => $s1->set($admin, 'dunning_steps', ['a' => 1]));
ca_expect_throw(fn() => $s1->set($admin, 'dunning_steps', range(1, 33)));
ca_expect_throw(fn() => $s1->set($admin, 'sms_provider', 'twilio'));
ca_expect_throw(fn() => $s1->set($admin, 'firm_name', str_repeat('名', 65)));
ca_expect_throw(fn() => $s1->set($admin, 'firm_name', "bad\xff"));
ca_expect_throw(fn() => $s1->set($admin, 'accountant_card_fields', 'name'));
ca_expect_throw(fn() => $s1->set($admin, 'no_such_key', 1));
ca_expect_throw(fn() => $s1->get('no_such_key'));
ca_expect_throw(fn() => $s1->set(Actor::staff(3), 'firm_name', 'x'));
ca_expect_throw(fn() => $s1->all(Actor::client(3)));
ca_expect_throw(fn() => $s1->reset(Actor::system(), 'firm_name'));
var_dump($db->queryValue('SELECT COUNT(*) FROM {setting}') === $before);
// every write was audited, and no audit row carries the secret
var_dump($db->queryValue("SELECT COUNT(*) FROM {audit} WHERE uniacid = 1 AND action IN ('setting_set', 'setting_reset')"));
var_dump($db->queryValue("SELECT COUNT(*) FROM {audit} WHERE detail LIKE '%secret-value%'"));
ca_drop_db('settings');
?>
--EXPECT--
array(5) {
  [0]=>
  int(-3)
  [1]=>
  int(0)
  [2]=>
  int(3)
  [3]=>
  int(7)
  [4]=>
  int(15)
}
bool(true)
string(4) "none"
[[-5,0,10],false,"诚信代账 <有限公司>"]
[[-3,0,3,7,15],""]
string(8) "****1234"
string(23) ""AKIDsecret-value-1234""
{"value":"****1234","default":"","label":"\u77ed\u4fe1 SecretKey \/ AccessKeySecret","type":"string","secret":true,"stored":true}
{"value":7,"default":7,"label":"投诉结案后客户可重新打开的天数","type":"int","secret":false,"stored":false}
bool(true)
bool(true)
bool(false)
[-3,0,3,7,15]
CloudAcct\ValidationException: “投诉结案后客户可重新打开的天数”须为 0 到 90 之间的整数 (integer out of range)
CloudAcct\ValidationException: “投诉结案后客户可重新打开的天数”须为 0 到 90 之间的整数 (integer out of range)
CloudAcct\ValidationException: “允许客户自助注册（需管理员审核）”须为是或否 (boolean expected)
CloudAcct\ValidationException: “催费节点（相对到期日的天数）”须为 -60 到 180 之间的整数 (integer out of range)
CloudAcct\ValidationException: “催费节点（相对到期日的天数）”须为最多 32 个整数的列表 (list of integers expected)
CloudAcct\ValidationException: “催费节点（相对到期日的天数）”须为最多 32 个整数的列表 (list of integers expected)
CloudAcct\ValidationException: “短信服务商”只能是：none|tencent|aliyun (one of the options)
CloudAcct\ValidationException: “事务所名称”须为不超过 64 个字符的文本 (text expected)
CloudAcct\ValidationException: “事务所名称”须为不超过 64 个字符的文本 (text expected)
CloudAcct\ValidationException: “客户可见的专属会计信息”格式不对 (array expected)
CloudAcct\ValidationException: 没有这个设置项：no_such_key (unknown setting)
CloudAcct\ValidationException: 没有这个设置项：no_such_key (unknown setting)
CloudAcct\ForbiddenException: 只有管理员可以修改设置 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以修改设置 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以修改设置 (admin only)
bool(true)
int(6)
int(0)
