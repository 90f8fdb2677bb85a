--TEST--
People: clients — search by keyword, credit-code prefix, store, accountant, status, taxpayer type and tag; paging; admins limited to stores, staff to their own companies
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
[$db, $p, $p2] = p_setup('people_clients_search');
$clients = $p['clients'];
$boss = Actor::admin(1);
$limited = Actor::admin(7);
Clock::freeze(1800000000);
$gulou = $p['stores']->create($boss, ['name' => '鼓楼店']);
$taijiang = $p['stores']->create($boss, ['name' => '台江店']);
$p['stores']->setAdminScope($boss, 7, [$gulou]);
$zhang = $p['staff']->create($boss, ['name' => '张会计']);
$li = $p['staff']->create($boss, ['name' => '李会计']);
$mk = fn(string $name, array $o = []) => $clients->create($boss, ['name' => $name] + $o);
$a = $mk('福州榕树科技有限公司', ['credit_code' => '91350100M000100Y43', 'store_id' => $gulou, 'accountant_id' => $zhang, 'tags' => ['重点客户'], 'taxpayer_type' => 'general']);
$b = $mk('福州松树贸易有限公司', ['credit_code' => '91440300708461136T', 'store_id' => $taijiang, 'accountant_id' => $li, 'tags' => ['重点客户', '零申报']]);
$c = $mk('厦门柏树餐饮店', ['store_id' => $gulou, 'accountant_id' => $zhang, 'status' => 'paused']);
$d = $mk('100%_纯利公司', ['status' => 'terminated']);
$p2['clients']->create($boss, ['name' => '福州外地公司']);

$names = fn(CloudAcct\Actor $who, array $f = [], int $page = 1, int $per = 20) =>
    p_json(array_column($clients->search($who, $f, $page, $per)['items'], 'name'));
// newest first
echo $names($boss), "\n";
echo $names($boss, ['keyword' => '福州']), "\n";
echo $names($boss, ['keyword' => '科技 ']), "\n";
echo $names($boss, ['keyword' => '91440300']), "\n";     // a credit-code prefix
echo $names($boss, ['keyword' => '9144030o']), "\n";     // no match
echo $names($boss, ['keyword' => '100%_']), "\n";        // LIKE wildcards are literal
echo $names($boss, ['keyword' => '%']), "\n";
echo $names($boss, ['store_id' => $gulou]), "\n";
echo $names($boss, ['store_id' => 0]), "\n";
echo $names($boss, ['accountant_id' => $zhang]), "\n";
echo $names($boss, ['accountant_id' => 0]), "\n";
echo $names($boss, ['status' => 'active']), "\n";
echo $names($boss, ['taxpayer_type' => 'general']), "\n";
echo $names($boss, ['tag' => '重点客户']), "\n";
echo $names($boss, ['tag' => '零申报', 'keyword' => '松树']), "\n";
echo $names($boss, ['tag' => '不存在']), "\n";
$page = $clients->search($boss, [], 2, 3);
echo p_json([$page['total'], array_column($page['items'], 'name')]), "\n";
$first = $clients->search($boss, ['keyword' => '榕树'])['items'][0];
echo p_json($first), "\n";
// a limited admin: only their stores' companies, whatever the filter says
echo $names($limited), "\n";
echo $names($limited, ['store_id' => $taijiang]), "\n";
echo $clients->search($limited, ['accountant_id' => $li])['total'], "\n";
// staff: only the companies they are the exclusive accountant of
echo $names(Actor::staff($zhang)), "\n";
echo $names(Actor::staff($zhang), ['accountant_id' => $li]), "\n";
echo $names(Actor::staff($li)), "\n";
$p['staff']->setActive($boss, $li, false);
ca_expect_throw(fn() => $clients->search(Actor::staff($li)));
// the system sees all; clients use Contacts::companies()
echo $clients->search(Actor::system())['total'], "\n";
ca_expect_throw(fn() => $clients->search(Actor::client(1)));
// another uniacid
echo $names(Actor::admin(1), ['keyword' => '外地']), "\n";
echo $p2['clients']->search($boss)['total'], "\n";
// bad filters and paging
ca_expect_throw(fn() => $clients->search($boss, ['status' => 'closed']));
ca_expect_throw(fn() => $clients->search($boss, ['taxpayer_type' => '小规模']));
ca_expect_throw(fn() => $clients->search($boss, ['store_id' => '1']));
ca_expect_throw(fn() => $clients->search($boss, ['keyword' => str_repeat('字', 65)]));
ca_expect_throw(fn() => $clients->search($boss, ['keyword' => "\xff"]));
ca_expect_throw(fn() => $clients->search($boss, ['name' => '福州']));
ca_expect_throw(fn() => $clients->search($boss, [0 => '福州']));
ca_expect_throw(fn() => $clients->search($boss, [], 100001));
ca_expect_throw(fn() => $clients->search($boss, [], 1, 0));
ca_drop_db('people_clients_search');
?>
--EXPECT--
["100%_纯利公司","厦门柏树餐饮店","福州松树贸易有限公司","福州榕树科技有限公司"]
["福州松树贸易有限公司","福州榕树科技有限公司"]
["福州榕树科技有限公司"]
["福州松树贸易有限公司"]
[]
["100%_纯利公司"]
["100%_纯利公司"]
["厦门柏树餐饮店","福州榕树科技有限公司"]
["100%_纯利公司"]
["厦门柏树餐饮店","福州榕树科技有限公司"]
["100%_纯利公司"]
["福州松树贸易有限公司","福州榕树科技有限公司"]
["福州榕树科技有限公司"]
["福州松树贸易有限公司","福州榕树科技有限公司"]
["福州松树贸易有限公司"]
[]
[4,["福州榕树科技有限公司"]]
{"id":1,"name":"福州榕树科技有限公司","credit_code":"91350100M000100Y43","taxpayer_type":"general","industry":"","store_id":1,"store_name":"鼓楼店","accountant_id":1,"accountant_name":"张会计","status":"active","created_at":1800000000,"updated_at":1800000000,"tags":["重点客户"]}
["厦门柏树餐饮店","福州榕树科技有限公司"]
[]
0
["厦门柏树餐饮店","福州榕树科技有限公司"]
[]
["福州松树贸易有限公司"]
CloudAcct\ForbiddenException: 员工账号不存在或已停用 (staff 2 is not active)
4
CloudAcct\ForbiddenException: 客户请在「我的公司」中查看自己的公司 (clients use Contacts::companies)
[]
1
CloudAcct\ValidationException: 筛选条件 status 的值无效 (filter "status" has an invalid value)
CloudAcct\ValidationException: 筛选条件 taxpayer_type 的值无效 (filter "taxpayer_type" has an invalid value)
CloudAcct\ValidationException: 筛选条件 store_id 的值无效 (filter "store_id" has an invalid value)
CloudAcct\ValidationException: 筛选条件 keyword 的值无效 (filter "keyword" has an invalid value)
CloudAcct\ValidationException: 筛选条件 keyword 的值无效 (filter "keyword" has an invalid value)
CloudAcct\ValidationException: 未知的筛选条件 name (unknown filter)
CloudAcct\ValidationException: 未知的筛选条件 (integer key) (unknown filter)
ValueError: CloudAcct\People\Clients::search(): Argument #3 ($page) must be between 1 and 100000
ValueError: CloudAcct\People\Clients::search(): Argument #4 ($perPage) must be between 1 and 200
