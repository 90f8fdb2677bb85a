--TEST--
People: Clients::search with a keyword counts at most 1,000 matches (total 1000, total_capped true beyond; exact and false at or below), whatever else filters; without a keyword the count stays exact and has no total_capped; pages past the cap still list; another uniacid's matches never count; a bad keyword is refused
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/people.inc';
use CloudAcct\Actor;
[$db, $p, $p2] = p_setup('people_clients_search_capped');
$clients = $p['clients'];
$boss = Actor::admin(1);
$store = $p['stores']->create($boss, ['name' => '鼓楼店']);
// 1,001 companies named …恒信… (the 1,001st in store $store), 999 named …瑞丰…, 5 of another account named …恒信…
$db->execute("INSERT INTO {client} (uniacid, name, store_id, created_at, updated_at) SELECT 1, CONCAT('北京恒信', seq, '科技有限公司'), 0, 0, 0 FROM seq_1_to_1000");
$db->execute("INSERT INTO {client} (uniacid, name, store_id, created_at, updated_at) VALUES (1, '上海恒信商贸有限公司', ?, 0, 0)", [$store]);
$db->execute("INSERT INTO {client} (uniacid, name, store_id, created_at, updated_at) SELECT 1, CONCAT('广州瑞丰', seq, '餐饮有限公司'), ?, 0, 0 FROM seq_1_to_999", [$store]);
$db->execute("INSERT INTO {client} (uniacid, name, store_id, created_at, updated_at) SELECT 2, CONCAT('外地恒信', seq), 0, 0, 0 FROM seq_1_to_5");

$show = function (string $label, array $f, int $page = 1) use ($clients, $boss) {
    $r = $clients->search($boss, $f, $page, 20);
    echo str_pad($label, 26), 'total ', $r['total'], ' capped ', array_key_exists('total_capped', $r) ? var_export($r['total_capped'], true) : '-',
        ' items ', count($r['items']), $r['items'] ? ' first ' . $r['items'][0]['name'] : '', "\n";
};
$show('恒信 (1,001 match)', ['keyword' => '恒信']);
$show('恒信, page 51', ['keyword' => '恒信'], 51);
$show('恒信, page 50', ['keyword' => '恒信'], 50);
$show('瑞丰 (999)', ['keyword' => '瑞丰']);
$show('有限公司 (2,000)', ['keyword' => '有限公司']);
$show('有限公司, store (1,000)', ['keyword' => '有限公司', 'store_id' => $store]);
$show('恒信, store (1)', ['keyword' => '恒信', 'store_id' => $store]);
$show('外地 (another account)', ['keyword' => '外地']);
$show('no keyword (2,000)', []);
$show('blank keyword', ['keyword' => '  ']);
$show('store (1,000)', ['store_id' => $store]);
echo $p2['clients']->search($boss, ['keyword' => '恒信'])['total'], "\n";
try {
    $clients->search($boss, ['keyword' => str_repeat('恒', 65)]);
} catch (CloudAcct\ValidationException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
恒信 (1,001 match)      total 1000 capped true items 20 first 上海恒信商贸有限公司
恒信, page 51           total 1000 capped true items 1 first 北京恒信1科技有限公司
恒信, page 50           total 1000 capped true items 20 first 北京恒信21科技有限公司
瑞丰 (999)              total 999 capped false items 20 first 广州瑞丰999餐饮有限公司
有限公司 (2,000)      total 1000 capped true items 20 first 广州瑞丰999餐饮有限公司
有限公司, store (1,000)total 1000 capped false items 20 first 广州瑞丰999餐饮有限公司
恒信, store (1)         total 1 capped false items 1 first 上海恒信商贸有限公司
外地 (another account)  total 0 capped false items 0
no keyword (2,000)        total 2000 capped - items 20 first 广州瑞丰999餐饮有限公司
blank keyword             total 2000 capped - items 20 first 广州瑞丰999餐饮有限公司
store (1,000)             total 1000 capped - items 20 first 广州瑞丰999餐饮有限公司
5
CloudAcct\ValidationException: 筛选条件 keyword 的值无效 (filter "keyword" has an invalid value)