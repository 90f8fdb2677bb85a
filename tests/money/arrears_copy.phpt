--TEST--
Reports::arrears by store / accountant reads the summary alone: {client_balance} carries the company's store and accountant (migration 12), copied when the summary row is created (a plan's billing run, an offline bill, a manual reminder) and kept equal by Clients::update (store), assignAccountant and bulkHandover in the same transaction; a refused change leaves the copy; the filtered count and total read one index of the summary (no join); the migration backfills the copy of an older schema
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/money.inc';
use CloudAcct\Actor;
use CloudAcct\People\Clients;
[$db, $store] = m_setup('money_arrears_copy');
$m = m_areas($store);
$clientsApi = new Clients($store);
$admin = m_admin();
$sys = m_system();
$s1 = m_store_row($db, 1, '一店');
$s2 = m_store_row($db, 1, '二店');
$x = m_staff($db, 1, ['store_id' => $s1, 'name' => '王会计']);
$y = m_staff($db, 1, ['store_id' => $s2, 'name' => '李会计']);
$a = m_client($db, 1, ['name' => '甲公司', 'store_id' => $s1, 'accountant_id' => $x]);
$b = m_client($db, 1, ['name' => '乙公司', 'store_id' => $s2, 'accountant_id' => $y]);
$c = m_client($db, 1, ['name' => '丙公司', 'store_id' => $s1, 'accountant_id' => 0]);
m_freeze('2026-03-02 10:00:00');
foreach ([$a, $b] as $id) {
    $m->plans->create($admin, $id, ['title' => '记账费', 'amount_fen' => 10000, 'cycle' => 'monthly', 'start' => '2026-03']);
}
$m->billing->run($sys, '2026-03');                                                     // summary rows from the billing run
$m->billing->issue($admin, $c, ['amount_fen' => 5000, 'title' => '工商变更', 'due_date' => '2026-03-10']); // from a ledger entry
m_freeze('2026-03-20 10:00:00');

$copy = fn () => $db->query('SELECT client_id, store_id, accountant_id FROM {client_balance} WHERE uniacid = 1 ORDER BY client_id');
$drift = fn () => (int) $db->queryValue('SELECT COUNT(*) FROM {client_balance} b JOIN {client} c ON c.id = b.client_id AND c.uniacid = b.uniacid'
    . ' WHERE b.store_id <> c.store_id OR b.accountant_id <> c.accountant_id');
$show = function (string $label, array $filter, ?Actor $who = null) use ($m, $admin) {
    $r = $m->reports->arrears($who ?? $admin, $filter, 1, 20);
    $t = $m->reports->arrearsTotal($who ?? $admin, $filter);
    echo str_pad($label, 22), $r['total'], ' [', implode(', ', array_column($r['items'], 'name')), '] total ', $t['clients'], '/', $t['outstanding_fen'], "\n";
};
echo json_encode($copy()), ' drift ', $drift(), "\n";
$show('store 1', ['store_id' => $s1]);
$show('store 2', ['store_id' => $s2]);
$show('accountant x', ['accountant_id' => $x]);
$show('accountant y', ['accountant_id' => $y]);

echo "-- 甲 moves to store 2\n";
$clientsApi->update($admin, $a, ['store_id' => $s2]);
echo json_encode($copy()), ' drift ', $drift(), "\n";
$show('store 1', ['store_id' => $s1]);
$show('store 2', ['store_id' => $s2]);
$show('store 2, overdue', ['store_id' => $s2, 'aging' => 'overdue']);

echo "-- a refused change (an unknown store) changes nothing\n";
m_throws(fn () => $clientsApi->update($admin, $a, ['store_id' => 999, 'name' => '甲公司改']));
echo json_encode($copy()), ' drift ', $drift(), "\n";
echo "-- a rename alone leaves the copy\n";
$clientsApi->update($admin, $b, ['name' => '乙公司（新）']);
echo json_encode($copy()), ' drift ', $drift(), "\n";

echo "-- 丙 gets accountant y\n";
$clientsApi->assignAccountant($admin, $c, $y, '新分配');
echo json_encode($copy()), ' drift ', $drift(), "\n";
$show('accountant y', ['accountant_id' => $y]);
$show('staff y sees', [], Actor::staff($y));
$show('staff x sees', [], Actor::staff($x));

echo "-- y hands every company over to x\n";
echo 'moved ', $clientsApi->bulkHandover($admin, $y, $x, '离职交接'), "\n";
echo json_encode($copy()), ' drift ', $drift(), "\n";
$show('accountant x', ['accountant_id' => $x]);
$show('accountant y', ['accountant_id' => $y]);
$show('staff x, store 1', ['store_id' => $s1], Actor::staff($x));

echo "-- a store-scoped admin (store 1)\n";
$db->execute('INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES (1, 7, ?)', [$s1]);
$show('scoped admin', [], Actor::admin(7));
$show('scoped admin, store 2', ['store_id' => $s2], Actor::admin(7));

echo "-- a summary row created by a manual reminder copies the company too\n";
$d = m_client($db, 1, ['name' => '丁公司', 'store_id' => $s2, 'accountant_id' => $y]);
$m->billing->issue($admin, $d, ['amount_fen' => 8000, 'title' => '年报', 'due_date' => '2026-03-01']);
$db->execute('DELETE FROM {client_balance} WHERE uniacid = 1 AND client_id = ?', [$d]); // (as before the summary existed)
$db->execute('INSERT INTO {client_balance} (uniacid, client_id, store_id, accountant_id, updated_at) VALUES (2, ?, 0, 0, 0)', [$d]); // another uniacid's row
m_throws(fn () => print(json_encode(array_intersect_key($m->dunning->remindNow($admin, $d), ['client_id' => 1])) . "\n"));
echo json_encode($db->query('SELECT uniacid, store_id, accountant_id FROM {client_balance} WHERE client_id = ? ORDER BY uniacid', [$d])), ' drift ', $drift(), "\n";

echo "-- upgrade: a database at version 10 (no copy) is migrated and backfilled\n";
$db->execute('ALTER TABLE {client_balance} DROP KEY idx_arrears_store, DROP KEY idx_arrears_accountant, DROP COLUMN store_id, DROP COLUMN accountant_id,'
    . ' DROP KEY idx_arrears, ADD KEY idx_arrears (uniacid, oldest_open_due)');
$db->execute('DELETE FROM {schema_version} WHERE version = 12');
echo json_encode(CloudAcct\Db\Schema::migrate($db)), "\n";
echo json_encode($copy()), ' drift ', $drift(), "\n";
foreach (['idx_arrears', 'idx_arrears_store', 'idx_arrears_accountant'] as $k) {
    echo $k, ': ', implode(', ', array_column($db->query('SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()'
        . " AND TABLE_NAME = 'ims_cloudacct_client_balance' AND INDEX_NAME = ? ORDER BY SEQ_IN_INDEX", [$k]), 'COLUMN_NAME')), "\n";
}
$show('accountant x', ['accountant_id' => $x]);
echo json_encode(CloudAcct\Db\Schema::migrate($db)), "\n";
?>
--EXPECT--
[{"client_id":1,"store_id":1,"accountant_id":1},{"client_id":2,"store_id":2,"accountant_id":2},{"client_id":3,"store_id":1,"accountant_id":0}] drift 0
store 1               2 [丙公司, 甲公司] total 2/15000
store 2               1 [乙公司] total 1/10000
accountant x          1 [甲公司] total 1/10000
accountant y          1 [乙公司] total 1/10000
-- 甲 moves to store 2
[{"client_id":1,"store_id":2,"accountant_id":1},{"client_id":2,"store_id":2,"accountant_id":2},{"client_id":3,"store_id":1,"accountant_id":0}] drift 0
store 1               1 [丙公司] total 1/5000
store 2               2 [甲公司, 乙公司] total 2/20000
store 2, overdue      2 [甲公司, 乙公司] total 2/20000
-- a refused change (an unknown store) changes nothing
CloudAcct\ValidationException: 门店不存在，请重新选择 (store 999 not found)
[{"client_id":1,"store_id":2,"accountant_id":1},{"client_id":2,"store_id":2,"accountant_id":2},{"client_id":3,"store_id":1,"accountant_id":0}] drift 0
-- a rename alone leaves the copy
[{"client_id":1,"store_id":2,"accountant_id":1},{"client_id":2,"store_id":2,"accountant_id":2},{"client_id":3,"store_id":1,"accountant_id":0}] drift 0
-- 丙 gets accountant y
[{"client_id":1,"store_id":2,"accountant_id":1},{"client_id":2,"store_id":2,"accountant_id":2},{"client_id":3,"store_id":1,"accountant_id":2}] drift 0
accountant y          2 [丙公司, 乙公司（新）] total 2/15000
staff y sees          2 [丙公司, 乙公司（新）] total 2/15000
staff x sees          1 [甲公司] total 1/10000
-- y hands every company over to x
moved 2
[{"client_id":1,"store_id":2,"accountant_id":1},{"client_id":2,"store_id":2,"accountant_id":1},{"client_id":3,"store_id":1,"accountant_id":1}] drift 0
accountant x          3 [丙公司, 甲公司, 乙公司（新）] total 3/25000
accountant y          0 [] total 0/0
staff x, store 1      1 [丙公司] total 1/5000
-- a store-scoped admin (store 1)
scoped admin          1 [丙公司] total 1/5000
scoped admin, store 2 0 [] total 0/0
-- a summary row created by a manual reminder copies the company too
{"client_id":4}
no exception
[{"uniacid":1,"store_id":2,"accountant_id":2},{"uniacid":2,"store_id":0,"accountant_id":0}] drift 0
-- upgrade: a database at version 10 (no copy) is migrated and backfilled
[12]
[{"client_id":1,"store_id":2,"accountant_id":1},{"client_id":2,"store_id":2,"accountant_id":1},{"client_id":3,"store_id":1,"accountant_id":1},{"client_id":4,"store_id":2,"accountant_id":2}] drift 0
idx_arrears: uniacid, oldest_open_due, client_id, outstanding_fen, balance_fen
idx_arrears_store: uniacid, store_id, oldest_open_due, client_id, outstanding_fen, balance_fen
idx_arrears_accountant: uniacid, accountant_id, oldest_open_due, client_id, outstanding_fen, balance_fen
accountant x          3 [丙公司, 甲公司, 乙公司（新）] total 3/25000
[]