--TEST--
Dashboard figures (Jobs::stats, Reports::collections): after jobs and money over several days and months — late and back-dated payments, a reversal in a closed month, refunds, a client moving store — they equal a direct computation from the base tables, for the firm, a store-limited admin and the system; jobs in hand are a snapshot shown with its time and recounted after dashboard_snapshot_seconds; refills and reruns change nothing; the migration's backfill gives the same summary; bad input is refused and writes nothing
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store, Clock};
use CloudAcct\Work\Jobs;
use CloudAcct\Ledger\{Payments, Accounts, Reports};
use CloudAcct\People\Clients;
$db = w_setup('work_dashboard_figures');
$store = new Store($db, 1);
$jobs = new Jobs($store);
$pay = new Payments($store);
$acc = new Accounts($store);
$rep = new Reports($store);
$clients = new Clients($store);
$admin = Actor::admin(1);
$sys = Actor::system();
$at = fn (string $local) => (new DateTime($local, new DateTimeZone('Asia/Shanghai')))->getTimestamp();
$db->execute("INSERT INTO {store} (uniacid, name, created_at, updated_at) VALUES (1, '一店', 0, 0), (1, '二店', 0, 0)");
[$s1, $s2] = array_map('intval', array_column($db->query('SELECT id FROM {store} ORDER BY id'), 'id'));
$st1 = w_staff($db, 1, ['store_id' => $s1, 'name' => '王会计']);
$st2 = w_staff($db, 1, ['store_id' => $s2, 'name' => '李会计']);
$a = w_client($db, 1, ['store_id' => $s1, 'name' => '甲公司']);
$b = w_client($db, 1, ['store_id' => $s2, 'name' => '乙公司']);
$c = w_client($db, 1, ['store_id' => $s1, 'name' => '丙公司']);
$db->execute('INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES (1, 7, ?)', [$s2]);
$scoped = Actor::admin(7);
// another uniacid's job and payment never count
$other = w_client($db, 2, ['name' => '别家']);
Clock::freeze($at('2026-10-30 09:00'));
(new Jobs(new Store($db, 2)))->create($admin, $other, ['title' => '别家的']);
(new Payments(new Store($db, 2)))->recordOffline($admin, $other, 99900, 'X-1');

$ids = [];
$mk = function (string $when, int $client, ?int $staff = null) use ($jobs, $admin, $at, &$ids) {
    Clock::freeze($at($when));
    return $ids[] = $jobs->create($admin, $client, ['title' => '记账报税'] + ($staff ? ['assignee_id' => $staff] : []));
};
// ---- three days, across a month end
$mk('2026-10-30 09:00', $a);
$mk('2026-10-30 18:00', $b, $st2);
$pa = $pay->recordOffline($admin, $a, 10000, 'A-1');
$mk('2026-10-31 23:50', $c);
$jobs->grab(Actor::staff($st1), $ids[2]);
$pb = $pay->recordOffline($admin, $b, 20000, 'B-1');
$mk('2026-11-01 00:10', $b);
// recorded in November, paid in October (a closed month by then)
$pay->recordOffline($admin, $c, 5000, 'C-1', ['paid_at' => $at('2026-10-31 12:00')]);
$mk('2026-11-01 15:00', $a, $st1);
$jobs->start(Actor::staff($st1), $ids[4]);

$from = $at('2026-10-25 00:00');
$direct = function (?array $stores, int $from, int $to) use ($db) {
    $scope = $stores === null ? '' : ' AND store_id IN (' . implode(',', $stores) . ')';
    $by = array_fill_keys(['open', 'assigned', 'in_progress', 'waiting_client', 'escalated'], 0);
    foreach ($db->query("SELECT status, COUNT(*) AS n FROM {job} WHERE uniacid = 1$scope GROUP BY status") as $r) {
        if (isset($by[$r['status']])) {
            $by[$r['status']] = (int) $r['n'];
        }
    }
    $days = [];
    for ($t = $from; $t < $to; $t += 86400) {
        $days[gmdate('Y-m-d', $t + 28800)] = 0;
    }
    foreach ($db->query("SELECT created_at FROM {job} WHERE uniacid = 1 AND created_at >= ? AND created_at < ?$scope", [$from, $to]) as $r) {
        $days[gmdate('Y-m-d', (int) $r['created_at'] + 28800)]++;
    }
    $cscope = $stores === null ? '' : ' AND c.store_id IN (' . implode(',', $stores) . ')';
    $money = [];
    foreach ($db->query("SELECT x.period, x.channel, x.amount_fen FROM {payment} x JOIN {client} c ON c.id = x.client_id AND c.uniacid = x.uniacid"
        . " WHERE x.uniacid = 1 AND x.status = 'posted' AND x.channel <> 'adjustment'$cscope") as $r) {
        $k = substr((string) $r['period'], 0, 4) . '-' . substr((string) $r['period'], 4) . ' ' . $r['channel'];
        $money[$k] = ($money[$k] ?? [0, 0, 0]);
        $money[$k][0]++;
        $money[$k][1] += (int) $r['amount_fen'];
    }
    foreach ($db->query("SELECT x.period, x.channel, x.amount_fen FROM {refund} x JOIN {client} c ON c.id = x.client_id AND c.uniacid = x.uniacid"
        . " WHERE x.uniacid = 1 AND x.status = 'succeeded'$cscope") as $r) {
        $k = substr((string) $r['period'], 0, 4) . '-' . substr((string) $r['period'], 4) . ' ' . $r['channel'];
        $money[$k] = ($money[$k] ?? [0, 0, 0]);
        $money[$k][2] += (int) $r['amount_fen'];
    }
    ksort($money);
    return [$by, $days, $money];
};
$figures = function (Actor $who, int $from, int $to) use ($jobs, $rep, $admin) {
    $r = $jobs->stats($who, $from, $to);
    $money = [];
    // (the collections report is for admins and staff; the system's job figures are compared with the firm's money)
    foreach ($rep->collections($who->kind === CloudAcct\ActorKind::System ? $admin : $who, '2026-09', '2026-12') as $row) {
        if ($row['period'] !== 'total') {
            $money[$row['period'] . ' ' . $row['channel']] = [$row['payments'], $row['received_fen'], $row['refunded_fen']];
        }
    }
    return [$r['by_status'], $r['created'], $money, $r['by_status_at']];
};
$compare = function (string $label) use ($figures, $direct, $admin, $scoped, $sys, $s2, $from) {
    $to = Clock::now() + 3600;
    foreach (['firm admin' => [$admin, null], 'store-limited admin' => [$scoped, [$s2]], 'system' => [$sys, null]] as $name => [$who, $stores]) {
        $f = $figures($who, $from, $to);
        $d = $direct($stores, $from, $to);
        $same = $f[0] === $d[0] && $f[1] === $d[1] && $f[2] === $d[2];
        echo "$label, $name: ", $same ? 'equal' : 'DIFFERENT', ' (in hand ', array_sum($f[0]), ', created ', array_sum($f[1]),
            ', net ', array_sum(array_map(fn ($m) => $m[1] - $m[2], $f[2])), ")\n";
        if (!$same) {
            echo json_encode($f), "\n", json_encode($d), "\n";
        }
    }
};
Clock::freeze($at('2026-11-02 10:00'));
$compare('day 4');
echo 'closed days filled: ', $db->queryValue('SELECT COUNT(*) FROM {job_day_fill} WHERE uniacid = 1'), ', rows ',
    $db->queryValue('SELECT COUNT(*) FROM {job_day} WHERE uniacid = 1'), "\n";

// ---- closed months change: a reversal of an October payment, a refund, the client moving store
$entry = (int) $db->queryValue("SELECT id FROM {ledger_entry} WHERE uniacid = 1 AND payment_id = ? AND kind = 'payment'", [$pa['id']]);
$acc->reverse($admin, $entry, '录错了');
$pay->refund($admin, $pb['id'], 3000, '多收');
$clients->update($admin, $c, ['store_id' => $s2]);
// ---- and the jobs move on (same second: the snapshot of jobs in hand is still the one taken at 10:00)
$snap = $jobs->stats($admin, $from, Clock::now() + 3600);
$mk('2026-11-02 10:00', $c);
$jobs->askClient(Actor::staff($st1), $ids[4], '请补充银行流水');
$jobs->cancel($admin, $ids[0], '客户撤回');
$r = $jobs->stats($admin, $from, Clock::now() + 3600);
echo 'within the snapshot time: in hand unchanged ', var_export($r['by_status'] === $snap['by_status'], true), ', as of ',
    gmdate('H:i:s', $r['by_status_at'] + 28800), ', new job counted at once ', var_export($r['created_total'] === $snap['created_total'] + 1, true), "\n";
Clock::freeze($at('2026-11-02 10:01'));
$compare('a minute later');
echo 'as of ', gmdate('H:i:s', $jobs->stats($scoped, $from, Clock::now())['by_status_at'] + 28800), "\n";

// ---- days later, with the snapshot off (0: every call counts)
$db->execute("REPLACE INTO {setting} (uniacid, name, value, updated_at) VALUES (1, 'dashboard_snapshot_seconds', '0', 0)");
$mk('2026-11-03 08:00', $b);
$mk('2026-11-04 23:59', $a);
$jobs->grab(Actor::staff($st2), $ids[6]);
Clock::freeze($at('2026-11-05 09:00'));
$pay->recordOffline($admin, $b, 7000, 'B-2');
$compare('day 7');

// ---- reruns and refills change nothing
$before = [$db->query('SELECT * FROM {job_day} ORDER BY uniacid, day, store_id'), $db->query('SELECT uniacid, day FROM {job_day_fill} ORDER BY uniacid, day')];
$f1 = $figures($admin, $from, Clock::now());
$f2 = $figures($admin, $from, Clock::now());
$after = [$db->query('SELECT * FROM {job_day} ORDER BY uniacid, day, store_id'), $db->query('SELECT uniacid, day FROM {job_day_fill} ORDER BY uniacid, day')];
echo 'rerun: same figures ', var_export(array_slice($f1, 0, 3) === array_slice($f2, 0, 3), true), ', summary rows untouched ', var_export($before === $after, true), "\n";
$db->execute('DELETE FROM {job_day}');
$db->execute('DELETE FROM {job_day_fill}');
$f3 = $figures($admin, $from, Clock::now());
$refilled = [$db->query('SELECT * FROM {job_day} ORDER BY uniacid, day, store_id'), $db->query('SELECT uniacid, day FROM {job_day_fill} ORDER BY uniacid, day')];
echo 'refilled from nothing: same figures ', var_export(array_slice($f1, 0, 3) === array_slice($f3, 0, 3), true), ', same rows ', var_export($refilled === $before, true), "\n";
// a partial first and last day are counted live
$r = $jobs->stats($admin, $at('2026-10-30 12:00'), $at('2026-11-01 12:00'));
echo 'partial days: ', json_encode($r['created']), "\n";
// the migration's backfill gives what the transactions kept
$kept = $db->query('SELECT * FROM {collect_month} WHERE uniacid > 0 AND (payments <> 0 OR received_fen <> 0 OR refunded_fen <> 0) ORDER BY uniacid, period, store_id, channel');
$db->execute('DELETE FROM {collect_month}');
$db->execute('DELETE FROM {schema_version} WHERE version = 13');
CloudAcct\Db\Schema::migrate($db);
$filled = $db->query('SELECT * FROM {collect_month} WHERE uniacid > 0 ORDER BY uniacid, period, store_id, channel');
echo 'backfill = kept in the transactions: ', var_export($filled === $kept, true), ' (', count($kept), " rows)\n";
CloudAcct\Db\Schema::migrate($db);
echo 'migrating again adds nothing: ', var_export($db->query('SELECT * FROM {collect_month} WHERE uniacid > 0 ORDER BY uniacid, period, store_id, channel') === $filled, true), "\n";
$compare('after the backfill');

// ---- refused, nothing written
$counts = fn () => w_counts($db, 'job_day', 'job_day_fill', 'job_hand', 'job_hand_at', 'collect_month');
$n = $counts();
$refused = function (callable $fn) {
    try { $fn(); echo "no exception\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
};
$now = Clock::now();
$refused(fn () => $jobs->stats(Actor::staff($st1), $now - 86400, $now));
$refused(fn () => $jobs->stats($admin, $now, $now - 86400));
$refused(fn () => $jobs->stats($admin, -5, $now));
$refused(fn () => $jobs->stats($admin, $now - 93 * 86400, $now));
$refused(fn () => $rep->collections($admin, '2026-11', '2026-01'));
$refused(fn () => $rep->collections($admin, '2026-13', '2026-12'));
$refused(fn () => $rep->collections($admin, '2026-01', '2026-02', ['region' => 1]));
$refused(fn () => $rep->collections(Actor::client(w_contact($db, 1, $a)), '2026-01', '2026-02'));
echo 'nothing written: ', var_export($counts() === $n, true), "\n";
?>
--EXPECT--
day 4, firm admin: equal (in hand 5, created 5, net 35000)
day 4, store-limited admin: equal (in hand 2, created 2, net 20000)
day 4, system: equal (in hand 5, created 5, net 35000)
closed days filled: 8, rows 5
within the snapshot time: in hand unchanged true, as of 10:00:00, new job counted at once true
a minute later, firm admin: equal (in hand 5, created 6, net 22000)
a minute later, store-limited admin: equal (in hand 3, created 3, net 22000)
a minute later, system: equal (in hand 5, created 6, net 22000)
as of 10:01:00
day 7, firm admin: equal (in hand 7, created 8, net 29000)
day 7, store-limited admin: equal (in hand 4, created 4, net 29000)
day 7, system: equal (in hand 7, created 8, net 29000)
rerun: same figures true, summary rows untouched true
refilled from nothing: same figures true, same rows true
partial days: {"2026-10-30":1,"2026-10-31":1,"2026-11-01":1}
backfill = kept in the transactions: true (3 rows)
migrating again adds nothing: true
after the backfill, firm admin: equal (in hand 7, created 8, net 29000)
after the backfill, store-limited admin: equal (in hand 4, created 4, net 29000)
after the backfill, system: equal (in hand 7, created 8, net 29000)
CloudAcct\ForbiddenException: 只有管理员可以查看工单统计 (admins only)
CloudAcct\ValidationException: 统计区间须为 1 秒到 92 天 (from < to, at most 92 days)
CloudAcct\ValidationException: 统计区间须为 1 秒到 92 天 (from < to, at most 92 days)
CloudAcct\ValidationException: 统计区间须为 1 秒到 92 天 (from < to, at most 92 days)
CloudAcct\ValidationException: 统计区间须在 1 到 36 个月之间，且结束不早于开始 (range: 1..36 months)
CloudAcct\ValidationException: 月份格式应为 YYYY-MM，如 2026-01 (from: expected YYYY-MM)
CloudAcct\ValidationException: 筛选条件中有不认识的项：region (unknown key)
CloudAcct\ForbiddenException: 只有管理员和员工可以查看欠费报表 (admins and staff only)
nothing written: true
