--TEST--
Jobs::stats: jobs by state (every state, zeros included) and new jobs per business day (UTC+8) as aggregates equal to what the lists say — for an admin, a store-scoped admin and the system; staff and clients refused; a bad range refused; another uniacid never counts
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
$db = w_setup('work_jobs_stats');
$jobs = new Jobs(new Store($db, 1));
$admin = Actor::admin(1);
$at = fn (string $local) => (new DateTime($local, new DateTimeZone('Asia/Shanghai')))->getTimestamp();
$s1 = w_staff($db, 1, ['store_id' => 1, 'name' => '王会计']);
$s2 = w_staff($db, 1, ['store_id' => 2, 'name' => '李会计']);
$a = w_client($db, 1, ['store_id' => 1, 'name' => '甲公司']);
$b = w_client($db, 1, ['store_id' => 2, 'name' => '乙公司']);
// created on three business days; 23:30 and 00:30 China time fall on different days
$plan = [['2026-11-02 09:00', $a, $s1], ['2026-11-02 23:30', $b, $s2], ['2026-11-03 00:30', $a, null], ['2026-11-03 10:00', $b, $s2],
    ['2026-11-03 11:00', $b, null], ['2026-11-05 08:00', $a, $s1]];
$ids = [];
foreach ($plan as [$when, $client, $staff]) {
    Clock::freeze($at($when));
    $ids[] = $jobs->create($admin, $client, ['title' => '记账报税'] + ($staff ? ['assignee_id' => $staff] : []));
}
Clock::freeze($at('2026-11-05 12:00'));
$jobs->start(Actor::staff($s1), $ids[0]);
$jobs->complete(Actor::staff($s1), $ids[0]);
$jobs->start(Actor::staff($s2), $ids[3]);
// another uniacid's job on the same day
$other = w_client($db, 2, ['name' => '别家']);
(new Jobs(new Store($db, 2)))->create($admin, $other, ['title' => '别家的']);
$db->execute('INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES (1, 7, 2)');
$scoped = Actor::admin(7);

$from = $at('2026-11-01 00:00');
$to = $at('2026-11-06 00:00');
foreach (['admin' => $admin, 'scoped admin (store 2)' => $scoped, 'system' => Actor::system()] as $name => $actor) {
    $r = $jobs->stats($actor, $from, $to);
    echo "--- $name\n", 'by_status ', json_encode($r['by_status']), "\n", 'created ', json_encode($r['created']), ' total ', $r['created_total'], "\n";
    $lister = $actor->kind === CloudAcct\ActorKind::System ? $admin : $actor;
    $same = true;
    foreach ($r['by_status'] as $st => $n) {
        $same = $same && $jobs->list($lister, 'all', ['status' => $st], 1, 1)['total'] === $n;
    }
    echo 'each state = the list\'s total: ', var_export($same, true), "\n";
}
// the per-day count reads migration 10's index over the days asked, not every job
$plan = $db->query('EXPLAIN SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND created_at >= ? AND created_at < ?', [$from, $to])[0];
echo 'per-day count may use idx_created: ', var_export(str_contains((string) $plan['possible_keys'], 'idx_created'), true), "\n";
$r = $jobs->stats($admin, $at('2026-11-03 00:00'), $at('2026-11-03 12:00'));
echo 'half a day: ', json_encode($r['created']), ' total ', $r['created_total'], "\n";
$refused = function (callable $fn) {
    try { $fn(); echo "no exception\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
};
$refused(fn () => $jobs->stats(Actor::staff($s1), $from, $to));
$refused(fn () => $jobs->stats(Actor::client(w_contact($db, 1, $a)), $from, $to));
$refused(fn () => $jobs->stats($admin, $to, $from));
$refused(fn () => $jobs->stats($admin, $from, $from + 93 * 86400));
?>
--EXPECT--
--- admin
by_status {"open":2,"assigned":2,"in_progress":1,"waiting_client":0,"escalated":0}
created {"2026-11-01":0,"2026-11-02":2,"2026-11-03":3,"2026-11-04":0,"2026-11-05":1} total 6
each state = the list's total: true
--- scoped admin (store 2)
by_status {"open":1,"assigned":1,"in_progress":1,"waiting_client":0,"escalated":0}
created {"2026-11-01":0,"2026-11-02":1,"2026-11-03":2,"2026-11-04":0,"2026-11-05":0} total 3
each state = the list's total: true
--- system
by_status {"open":2,"assigned":2,"in_progress":1,"waiting_client":0,"escalated":0}
created {"2026-11-01":0,"2026-11-02":2,"2026-11-03":3,"2026-11-04":0,"2026-11-05":1} total 6
each state = the list's total: true
per-day count may use idx_created: true
half a day: {"2026-11-03":3} total 3
CloudAcct\ForbiddenException: 只有管理员可以查看工单统计 (admins only)
CloudAcct\ForbiddenException: 只有管理员可以查看工单统计 (admins only)
CloudAcct\ValidationException: 统计区间须为 1 秒到 92 天 (from < to, at most 92 days)
CloudAcct\ValidationException: 统计区间须为 1 秒到 92 天 (from < to, at most 92 days)
