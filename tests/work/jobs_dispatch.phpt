--TEST--
Work\Jobs dispatch: grab eligibility (store, skill, duty, cap, active), release, direct assign and reassignment with history, direct and exclusive modes with fallback, store-limited admins, open_jobs counters
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store, Clock};
use CloudAcct\Work\Jobs;
$db = w_setup('work_jobs_dispatch');
$jobs = new Jobs(new Store($db, 1));
$admin = Actor::admin(1);
Clock::freeze(1793581200);
$s1 = w_staff($db, 1, ['store_id' => 1, 'skills' => ['工商'], 'open_job_cap' => 2]);
$s2 = w_staff($db, 1, ['store_id' => 1]);
$s3 = w_staff($db, 1, ['store_id' => 2, 'skills' => ['工商']]);
$s4 = w_staff($db, 1, ['store_id' => 1, 'skills' => ['工商'], 'on_duty' => 0]);
$s5 = w_staff($db, 1, ['store_id' => 1, 'skills' => ['工商'], 'active' => 0]);
$a = w_client($db, 1, ['store_id' => 1, 'accountant_id' => $s2]);
$c = w_client($db, 1, ['store_id' => 0]);
$d = w_client($db, 1, ['store_id' => 2]);
$ca = Actor::client(w_contact($db, 1, $a));
[$st1, $st2, $st3, $st4, $st5] = array_map(fn($s) => Actor::staff($s), [$s1, $s2, $s3, $s4, $s5]);
$state = fn($id) => $db->queryValue('SELECT CONCAT(status, "/", assignee_id) FROM {job} WHERE id = ?', [$id]);
$counts = fn() => json_encode(array_column($db->query('SELECT open_jobs FROM {staff} ORDER BY id'), 'open_jobs'));
$consistent = fn() => $db->queryValue("SELECT COUNT(*) FROM {staff} s WHERE s.open_jobs <> (SELECT COUNT(*) FROM {job} j
    WHERE j.assignee_id = s.id AND j.status IN ('assigned', 'in_progress', 'waiting_client'))") === 0;

$j1 = $jobs->create($admin, $a, ['title' => '工商年报', 'skill' => '工商']);
$j2 = $jobs->create($admin, $a, ['title' => '地址变更', 'skill' => '工商', 'urgency' => 1]);
$j3 = $jobs->create($admin, $a, ['title' => '股权变更', 'skill' => '工商']);
$free = $jobs->create($admin, $c, ['title' => '咨询']);
echo json_encode([$jobs->get($admin, $j1)['grab_deadline'] - Clock::now(), $jobs->get($admin, $j2)['grab_deadline'] - Clock::now()]), "\n";
// pools: store and skill decide who sees what; urgent first
echo json_encode(array_column($jobs->list($st1, 'pool')['items'], 'id')), ' ', json_encode(array_column($jobs->list($st2, 'pool')['items'], 'id')), ' ',
    json_encode(array_column($jobs->list($st3, 'pool')['items'], 'id')), "\n";
ca_expect_throw(fn() => $jobs->list($st5, 'pool'));
ca_expect_throw(fn() => $jobs->grab($st2, $j1));
ca_expect_throw(fn() => $jobs->grab($st3, $j1));
ca_expect_throw(fn() => $jobs->grab($st4, $j1));
ca_expect_throw(fn() => $jobs->grab($st5, $j1));
ca_expect_throw(fn() => $jobs->grab(Actor::staff(999), $j1));
ca_expect_throw(fn() => $jobs->grab($st1, 999));
echo $counts(), "\n";
$jobs->grab($st1, $j1);
$jobs->grab($st1, $j2);
ca_expect_throw(fn() => $jobs->grab($st1, $j3)); // at the cap of 2
echo $state($j1), ' ', $state($j2), ' ', $state($j3), ' ', $counts(), "\n";
$jobs->grab($st3, $free); // a client without a store: any store may take it
// release: back to the pool with a fresh window
Clock::advance(600);
ca_expect_throw(fn() => $jobs->release($st2, $j2));
$jobs->release($st1, $j2, '这个地址不熟');
$j = $jobs->get($admin, $j2);
echo $j['status'], ' ', $j['assignee_id'], ' ', $j['grab_deadline'] - Clock::now(), ' ', $counts(), "\n";
$jobs->grab($st1, $j3);
$jobs->release($admin, $j1);
echo $state($j1), ' ', $counts(), "\n";

// admin assignment: ignores the pool rules (duty, cap, skill), not the staff member's status
ca_expect_throw(fn() => $jobs->assign($st1, $j1, $s2));
ca_expect_throw(fn() => $jobs->assign($admin, $j1, $s5));
ca_expect_throw(fn() => $jobs->assign($admin, $j1, 999));
$jobs->assign($admin, $j1, $s2, '先给小赵');
$jobs->start($st2, $j1);
ca_expect_throw(fn() => $jobs->assign($admin, $j1, $s2));
$jobs->assign($admin, $j1, $s4, '换人：小赵请假');
echo $state($j1), ' ', $counts(), "\n";
ca_expect_throw(fn() => $jobs->start($st2, $j1)); // no longer theirs
ca_expect_throw(fn() => $jobs->get($st2, $j1));
foreach ($jobs->history($admin, $j1) as $h) {
    printf("%s>%s %s %d>%d %s\n", $h['from_status'] ?: '-', $h['to_status'], $h['event'], $h['assignee_from'], $h['assignee_to'], $h['note']);
}
echo json_encode(array_column($db->query("SELECT recipient_kind, recipient_id, template FROM {outbox} WHERE template IN ('job_assigned', 'job_reassigned') AND recipient_kind = 'staff' ORDER BY id"), 'recipient_id')), "\n";

// cancel: counters follow; clients cannot cancel work already started
ca_expect_throw(fn() => $jobs->cancel($ca, $j1, '不要了'));
$jobs->cancel($admin, $j1, '客户撤回');
echo $state($j1), ' ', $db->queryValue('SELECT cancel_reason FROM {job} WHERE id = ?', [$j1]), ' ', $counts(), "\n";
ca_expect_throw(fn() => $jobs->assign($admin, $j1, $s2));
$jobs->cancel($ca, $j2, '自己办好了');
echo $state($j2), "\n";

// direct mode: straight to the admins' queue
$dj = $jobs->create($admin, $a, ['title' => '疑难账务', 'dispatch_mode' => 'direct']);
echo $state($dj), ' ', json_encode(array_column($jobs->list($admin, 'escalated')['items'], 'id') === [$dj]), "\n";
ca_expect_throw(fn() => $jobs->grab($st1, $dj));
$jobs->assign($admin, $dj, $s2);
echo $state($dj), ' ', $jobs->list($admin, 'escalated')['total'], "\n";
echo json_encode(array_map(fn($h) => $h['event'] . ':' . $h['actor_kind'] . ':' . $h['note'], $jobs->history($admin, $dj)), JSON_UNESCAPED_UNICODE), "\n";

// exclusive mode: the client's accountant when they can take it, else the pool
$e1 = $jobs->create($admin, $a, ['title' => '月度记账', 'dispatch_mode' => 'exclusive']);
echo $state($e1), "\n";
$db->execute('UPDATE {staff} SET on_duty = 0 WHERE id = ?', [$s2]);
$e2 = $jobs->create($admin, $a, ['title' => '月度报税', 'dispatch_mode' => 'exclusive']);
$e3 = $jobs->create($admin, $c, ['title' => '无专属会计', 'dispatch_mode' => 'exclusive']);
echo $state($e2), ' ', $state($e3), ' ', $db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE template = 'job_pool' AND recipient_id IN (?, ?)", [$e2, $e3]), "\n";
$db->execute('UPDATE {staff} SET on_duty = 1, open_job_cap = 2 WHERE id = ?', [$s2]);
$e4 = $jobs->create($admin, $a, ['title' => '满额时', 'dispatch_mode' => 'exclusive']); // s2 holds 2 already
echo $state($e4), "\n";

// created with an assignee
$n = $jobs->create($admin, $d, ['title' => '指定给小孙', 'assignee_id' => $s3]);
echo $state($n), "\n";

// an admin limited to store 2 sees and touches store 2 only
$db->execute('INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES (1, 7, 2)');
$a7 = Actor::admin(7);
ca_expect_throw(fn() => $jobs->get($a7, $e1));
ca_expect_throw(fn() => $jobs->assign($a7, $e2, $s3));
ca_expect_throw(fn() => $jobs->create($a7, $a, ['title' => '跨门店']));
echo json_encode(array_column($jobs->list($a7, 'all')['items'], 'id') === [$n]), ' ', $jobs->get($a7, $n)['title'], "\n";
var_dump($consistent());
ca_drop_db('work_jobs_dispatch');
?>
--EXPECT--
[1800,600]
[2,1,3,4] [4] [4]
CloudAcct\ForbiddenException: 员工账号不存在或已停用 (staff 5 is not active)
CloudAcct\ForbiddenException: 该工单需要“工商”技能，您暂时不能抢 (skill 工商 required)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\ForbiddenException: 您当前不在岗，请先上岗再抢单 (off duty)
CloudAcct\ForbiddenException: 您的员工账号不可用，请联系管理员 (staff account inactive)
CloudAcct\ForbiddenException: 您的员工账号不可用，请联系管理员 (staff account inactive)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 999 not found)
[0,0,0,0,0]
CloudAcct\ForbiddenException: 您手上的工单已达上限（2 个），请先完成一些再抢 (open-job cap reached)
assigned/1 assigned/1 open/0 [2,0,0,0,0]
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 2 not found)
open 0 600 [1,0,1,0,0]
open/0 [1,0,1,0,0]
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
CloudAcct\ForbiddenException: 该员工已停用，不能指派 (staff 5 is inactive)
CloudAcct\NotFoundException: 员工不存在 (staff 999 not found)
CloudAcct\ConflictException: 该工单已由这位员工负责 (already assigned to this employee)
in_progress/4 [1,0,1,1,0]
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
->open create 0>0 
open>assigned grab 0>1 
assigned>open release 1>0 
open>assigned assign 0>2 先给小赵
assigned>in_progress start 2>2 
in_progress>in_progress reassign 2>4 换人：小赵请假
[2,4,2]
CloudAcct\ForbiddenException: 您不能对该工单执行“取消” (not allowed for client)
cancelled/4 客户撤回 [1,0,1,0,0]
CloudAcct\InvalidTransitionException: 工单当前状态为“已取消”，不能“指派” (cannot assign a job that is cancelled)
cancelled/0
escalated/0 true
CloudAcct\InvalidTransitionException: 该工单已转交管理员指派，不能抢单 (waiting for an admin to assign it)
assigned/2 0
["create:admin:","escalate:system:直接指派模式，等待管理员指派","assign:admin:"]
assigned/2
open/0 open/0 2
open/0
assigned/3
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 6 not found)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 7 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
true 指定给小孙
bool(true)
