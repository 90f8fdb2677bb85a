--TEST--
Audit trail: record with actor, IP and clock time; admin-only paged, filtered listing; tenant isolation; bad input writes nothing
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\{Actor, Store, Clock, Audit\Trail};
$db = ca_db('audit');
CloudAcct\Db\Schema::migrate($db);
$t1 = new Trail(new Store($db, 1));
$t2 = new Trail(new Store($db, 2));
$admin = Actor::admin(9, '192.168.1.20');
Clock::freeze(1800000000);
$id1 = $t1->record($admin, 'job_assign', 'job', 17, ['from' => null, 'to' => '张会计', 'note' => '<script>x</script>']);
Clock::advance(60);
$id2 = $t1->record(Actor::staff(4), 'progress_add', 'job', 17);
$id3 = $t1->record(Actor::system(), 'billing_run', '', 0, ['period' => 202611]);
$t2->record($admin, 'job_assign', 'job', 17);
var_dump($id1 > 0 && $id2 > $id1);
$all = $t1->list($admin);
echo "total: ", $all['total'], "\n";
foreach ($all['items'] as $e) {
    printf("%s %s#%d by %s:%d from '%s' at %d %s\n", $e['action'], $e['object_type'], $e['object_id'],
        $e['actor_kind'], $e['actor_id'], $e['ip'], $e['created_at'], $e['detail']);
}
echo json_encode(array_column($t1->list($admin, ['object_type' => 'job', 'object_id' => 17])['items'], 'action')), "\n";
echo json_encode(array_column($t1->list($admin, ['actor_kind' => 'staff'])['items'], 'id') === [$id2]), "\n";
echo json_encode(array_column($t1->list($admin, ['since' => 1800000030])['items'], 'action')), "\n";
echo json_encode(array_column($t1->list($admin, ['until' => 1800000030, 'action' => 'job_assign'])['items'], 'id') === [$id1]), "\n";
$p2 = $t1->list($admin, [], 2, 2);
echo "page 2: total ", $p2['total'], ", items ", count($p2['items']), ", first ", $p2['items'][0]['action'], "\n";
echo "uniacid 2 sees ", $t2->list($admin)['total'], "\n";
// only admins read the trail
ca_expect_throw(fn() => $t1->list(Actor::staff(4)));
ca_expect_throw(fn() => $t1->list(Actor::client(3)));
ca_expect_throw(fn() => $t1->list(Actor::system()));
// bad input: clear errors and nothing written
$before = $db->queryValue('SELECT COUNT(*) FROM {audit}');
ca_expect_throw(fn() => $t1->record($admin, 'Job Assign', 'job', 1));
ca_expect_throw(fn() => $t1->record($admin, '', 'job', 1));
ca_expect_throw(fn() => $t1->record($admin, str_repeat('a', 65), 'job', 1));
ca_expect_throw(fn() => $t1->record($admin, 'x', 'job-x', 1));
ca_expect_throw(fn() => $t1->record($admin, 'x', 'job', -1));
ca_expect_throw(fn() => $t1->record($admin, 'x', 'job', 1, ['bad' => "\xff"]));
ca_expect_throw(fn() => $t1->record($admin, 'x', 'job', 1, ['big' => str_repeat('a', 1100000)]));
ca_expect_throw(fn() => $t1->list($admin, ['nope' => 1]));
ca_expect_throw(fn() => $t1->list($admin, ['actor_id' => '1']));
ca_expect_throw(fn() => $t1->list($admin, [], 0));
ca_expect_throw(fn() => $t1->list($admin, [], 1, 201));
var_dump($db->queryValue('SELECT COUNT(*) FROM {audit}') === $before);
ca_drop_db('audit');
?>
--EXPECT--
bool(true)
total: 3
billing_run #0 by system:0 from '' at 1800000060 {"period":202611}
progress_add job#17 by staff:4 from '' at 1800000060 {}
job_assign job#17 by admin:9 from '192.168.1.20' at 1800000000 {"from":null,"to":"张会计","note":"<script>x</script>"}
["progress_add","job_assign"]
true
["billing_run","progress_add"]
true
page 2: total 3, items 1, first job_assign
uniacid 2 sees 1
CloudAcct\ForbiddenException: 只有管理员可以查看操作日志 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以查看操作日志 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以查看操作日志 (admin only)
ValueError: CloudAcct\Audit\Trail::record(): Argument #2 ($action) must match [a-z][a-z0-9_]* and be at most 64 characters
ValueError: CloudAcct\Audit\Trail::record(): Argument #2 ($action) must match [a-z][a-z0-9_]* and be at most 64 characters
ValueError: CloudAcct\Audit\Trail::record(): Argument #2 ($action) must match [a-z][a-z0-9_]* and be at most 64 characters
ValueError: CloudAcct\Audit\Trail::record(): Argument #3 ($objectType) must match [a-z][a-z0-9_]* and be at most 32 characters
ValueError: CloudAcct\Audit\Trail::record(): Argument #4 ($objectId) must be greater than or equal to 0
CloudAcct\ValidationException: 审计详情无法编码为 JSON（请检查是否含有无效的 UTF-8）(detail is not encodable as JSON)
CloudAcct\ValidationException: 审计详情过大（上限 1 MiB）(detail exceeds 1 MiB)
CloudAcct\ValidationException: 未知的筛选条件 nope (unknown filter)
CloudAcct\ValidationException: 筛选条件 actor_id 的值无效 (filter "actor_id" has an invalid value)
ValueError: CloudAcct\Audit\Trail::list(): Argument #3 ($page) must be between 1 and 100000
ValueError: CloudAcct\Audit\Trail::list(): Argument #4 ($perPage) must be between 1 and 200
bool(true)
