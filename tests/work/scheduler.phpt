--TEST--
Work\Scheduler with a frozen clock: grab-window expiry → escalated or auto-assigned (least_loaded, round_robin), SLA paused while waiting for the client and breaches recorded once, silent jobs in working hours, unpaid orders closed, done jobs closed, idempotent reruns
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
use CloudAcct\Work\{Catalog, Orders, Jobs, Scheduler};
$db = w_setup('work_scheduler');
$store = new Store($db, 1);
$jobs = new Jobs($store);
$sch = new Scheduler($store);
$admin = Actor::admin(1);
$sys = Actor::system();
$at = fn(string $s) => (new DateTime($s, new DateTimeZone('Asia/Shanghai')))->getTimestamp();
$fmt = fn(int $ts) => $ts ? (new DateTime('@' . $ts))->setTimezone(new DateTimeZone('Asia/Shanghai'))->format('m-d H:i') : '-';
$row = fn($id) => $db->queryRow('SELECT status, assignee_id, sla_used_seconds, sla_resumed_at, due_at, sla_breached, silent FROM {job} WHERE id = ?', [$id]);
Clock::freeze($at('2026-11-02 10:00'));
$s1 = w_staff($db, 1);
$s2 = w_staff($db, 1);
$a = w_client($db, 1);
$ca = Actor::client(w_contact($db, 1, $a));

echo "-- grab windows\n";
$j1 = $jobs->create($admin, $a, ['title' => '无人抢']);
Clock::advance(29 * 60);
echo json_encode($sch->expireGrabWindows($sys)), "\n";
Clock::advance(61);
echo json_encode($sch->expireGrabWindows($sys)), ' ', $row($j1)['status'], "\n";
echo json_encode($sch->expireGrabWindows($sys)), "\n";
$h = $jobs->history($admin, $j1);
echo end($h)['event'], ' ', end($h)['actor_kind'], ' ', end($h)['note'], ' ', $db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE template = 'job_escalated' AND recipient_kind = 'admin'"), "\n";
echo json_encode(array_column($jobs->list($admin, 'escalated')['items'], 'id')), "\n";
w_setting($db, 1, 'auto_assign_policy', 'least_loaded');
$jobs->assign($admin, $j1, $s1);
$j2 = $jobs->create($admin, $a, ['title' => '自动派单']);
Clock::advance(31 * 60);
echo json_encode($sch->expireGrabWindows($sys)), ' ', $row($j2)['assignee_id'] === $s2 ? 'least loaded: s2' : 'wrong', "\n";
w_setting($db, 1, 'auto_assign_policy', 'round_robin');
$rr = [];
foreach (range(1, 3) as $i) {
    $rr[] = $jobs->create($admin, $a, ['title' => "轮流 $i"]);
}
Clock::advance(31 * 60);
echo json_encode($sch->expireGrabWindows($sys)), ' ', json_encode(array_map(fn($id) => $row($id)['assignee_id'] === $s1 ? 's1' : 's2', $rr)), "\n";
$db->execute('UPDATE {staff} SET on_duty = 0');
$nobody = $jobs->create($admin, $a, ['title' => '都不在岗']);
Clock::advance(31 * 60);
echo json_encode($sch->expireGrabWindows($sys)), ' ', $row($nobody)['status'], "\n";
$db->execute('UPDATE {staff} SET on_duty = 1');
w_setting($db, 1, 'auto_assign_policy', 'off');
echo 'counters ok: ', json_encode($db->queryValue("SELECT COUNT(*) FROM {staff} s WHERE s.open_jobs <> (SELECT COUNT(*) FROM {job} j WHERE j.assignee_id = s.id AND j.status IN ('assigned', 'in_progress', 'waiting_client'))") === 0), "\n";

echo "-- SLA (uniacid 2)\n";
[$jobs, $sch] = [new Jobs(new Store($db, 2)), new Scheduler(new Store($db, 2))];
$s1 = w_staff($db, 2);
$s2 = w_staff($db, 2);
$a = w_client($db, 2);
$ca = Actor::client(w_contact($db, 2, $a));
Clock::freeze($at('2026-11-02 10:00'));
$j6 = $jobs->create($admin, $a, ['title' => '两小时办结', 'sla_hours' => 2, 'assignee_id' => $s1]);
$r = $row($j6);
echo $fmt($r['due_at']), ' ', $r['sla_resumed_at'] === Clock::now() ? 'running' : 'stopped', "\n";
Clock::freeze($at('2026-11-02 10:30'));
$jobs->start(Actor::staff($s1), $j6);
Clock::freeze($at('2026-11-02 11:00'));
$jobs->askClient(Actor::staff($s1), $j6, '请补充合同');
$r = $row($j6);
echo 'paused: used ', $r['sla_used_seconds'] / 60, ' min, due ', $fmt($r['due_at']), "\n";
Clock::freeze($at('2026-11-03 10:00'));
echo 'breaches while paused: ', $sch->recordSlaBreaches($sys), "\n";
$jobs->clientReplied($ca, $j6, '已补充');
$r = $row($j6);
echo 'resumed: due ', $fmt($r['due_at']), "\n";
Clock::freeze($at('2026-11-03 11:00'));
echo 'at the due time: ', $sch->recordSlaBreaches($sys), "\n";
Clock::advance(60);
echo 'past it: ', $sch->recordSlaBreaches($sys), ' ', $row($j6)['sla_breached'], ' again: ', $sch->recordSlaBreaches($sys), "\n";
echo json_encode($db->queryRow('SELECT job_id, assignee_id, status, due_at - ? AS due_rel FROM {sla_breach} WHERE job_id = ?', [$at('2026-11-03 11:00'), $j6])), "\n";
// late completion without the scheduler still leaves its breach; on-time completion none
Clock::freeze($at('2026-11-04 09:00'));
$late = $jobs->create($admin, $a, ['title' => '一小时', 'sla_hours' => 1, 'assignee_id' => $s2]);
$ok = $jobs->create($admin, $a, ['title' => '也是一小时', 'sla_hours' => 1, 'assignee_id' => $s2]);
$jobs->start(Actor::staff($s2), $late);
$jobs->start(Actor::staff($s2), $ok);
Clock::advance(50 * 60);
$jobs->complete(Actor::staff($s2), $ok);
Clock::advance(20 * 60);
$jobs->complete(Actor::staff($s2), $late);
echo json_encode([$row($late)['sla_breached'], $row($ok)['sla_breached'], $row($late)['due_at'], $row($ok)['sla_used_seconds'] / 60]), ' ',
    $db->queryValue('SELECT status FROM {sla_breach} WHERE job_id = ?', [$late]), ' ', json_encode($db->queryValue('SELECT COUNT(*) FROM {sla_breach} WHERE job_id = ?', [$ok])), "\n";
echo 'breached filter: ', json_encode(array_column($jobs->list($admin, 'all', ['breached' => 1])['items'], 'id') === [$late, $j6]), "\n";

echo "-- silent jobs in working hours (uniacid 3)\n";
[$jobs, $sch] = [new Jobs(new Store($db, 3)), new Scheduler(new Store($db, 3))];
$s1 = w_staff($db, 3);
$s2 = w_staff($db, 3);
$a = w_client($db, 3);
w_setting($db, 3, 'silent_job_hours', 4);
Clock::freeze($at('2026-11-06 17:00')); // Friday
$fri = $jobs->create($admin, $a, ['title' => '周五接单', 'assignee_id' => $s1]);
Clock::freeze($at('2026-11-09 09:30')); // Monday: 64 wall hours, 1.5 working hours
$mon = $jobs->create($admin, $a, ['title' => '周一接单', 'assignee_id' => $s2]);
echo $sch->flagSilentJobs($sys), "\n";
Clock::freeze($at('2026-11-09 14:00')); // Friday 1 h + Monday 09:00-14:00 minus lunch = 5 h
echo $sch->flagSilentJobs($sys), ' ', $row($fri)['silent'], ' ', $row($mon)['silent'], "\n";
Clock::freeze($at('2026-11-09 15:31'));
echo $sch->flagSilentJobs($sys), ' ', $row($mon)['silent'], ' again: ', $sch->flagSilentJobs($sys), "\n";
echo json_encode(array_column($jobs->list($admin, 'all', ['silent' => 1])['items'], 'id') === [$mon, $fri]), "\n";
$jobs->addProgress(Actor::staff($s1), $fri, '已联系客户');
echo $row($fri)['silent'], ' ', $db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE template = 'job_silent'"), "\n";

echo "-- unpaid orders and done jobs (uniacid 4)\n";
$store = new Store($db, 4);
[$jobs, $sch, $cat, $orders] = [new Jobs($store), new Scheduler($store), new Catalog($store), new Orders($store)];
$s1 = w_staff($db, 4);
$a = w_client($db, 4);
$ca = Actor::client(w_contact($db, 4, $a));
$svc = $cat->createService($admin, ['title' => '代办', 'price_fen' => 10000, 'on_sale' => true]);
$o1 = $orders->place($ca, $a, $svc);
$o2 = $orders->place($ca, $a, $svc);
Clock::advance(20 * 60);
$o3 = $orders->place($ca, $a, $svc);
$paid = $orders->settle($sys, $o2['id'], 10000, 'wechat', 'P2');
Clock::advance(11 * 60);
echo $sch->closeUnpaidOrders($sys), ' ', $orders->get($admin, $o1['id'])['status'], ' ', $orders->get($admin, $o1['id'])['note'], ' ',
    $orders->get($admin, $o3['id'])['status'], ' ', $sch->closeUnpaidOrders($sys), "\n";
ca_expect_throw(fn() => $orders->settle($sys, $o1['id'], 10000, 'wechat', 'P1'));
$jobs->grab(Actor::staff($s1), $paid['job_id']);
$jobs->start(Actor::staff($s1), $paid['job_id']);
$jobs->complete(Actor::staff($s1), $paid['job_id']);
Clock::advance(7 * 86400 - 1);
echo $sch->closeDoneJobs($sys), ' ';
Clock::advance(1);
echo $sch->closeDoneJobs($sys), ' ', $row($paid['job_id'])['status'], ' ', $orders->get($admin, $o2['id'])['status'], ' ', $sch->closeDoneJobs($sys), "\n";
$h = $jobs->history($admin, $paid['job_id']);
echo end($h)['event'], ' ', end($h)['actor_kind'], ' ', end($h)['note'], "\n";

echo "-- runDue and guards\n";
echo json_encode($sch->runDue($sys)), "\n";
$o4 = $orders->place($ca, $a, $svc);
$idle = $jobs->create($admin, $a, ['title' => '没人要']);
Clock::advance(86400);
echo json_encode($sch->runDue($sys)), "\n";
echo json_encode($sch->runDue($sys)), "\n";
ca_expect_throw(fn() => $sch->runDue($admin));
ca_expect_throw(fn() => $sch->expireGrabWindows(Actor::staff($s1)));
ca_expect_throw(fn() => $sch->runDue($sys, 0));
ca_expect_throw(fn() => $sch->runDue($sys, 10001));
echo 'leases left: ', $db->queryValue('SELECT COUNT(*) FROM {job} WHERE lease_token IS NOT NULL') + $db->queryValue('SELECT COUNT(*) FROM {order} WHERE lease_token IS NOT NULL'), "\n";
ca_drop_db('work_scheduler');
?>
--EXPECT--
-- grab windows
{"escalated":0,"auto_assigned":0}
{"escalated":1,"auto_assigned":0} escalated
{"escalated":0,"auto_assigned":0}
escalate system 抢单超时，转交管理员指派 1
[1]
{"escalated":0,"auto_assigned":1} least loaded: s2
{"escalated":0,"auto_assigned":3} ["s1","s2","s1"]
{"escalated":1,"auto_assigned":0} escalated
counters ok: true
-- SLA (uniacid 2)
11-02 12:00 running
paused: used 60 min, due -
breaches while paused: 0
resumed: due 11-03 11:00
at the due time: 0
past it: 1 1 again: 0
{"job_id":7,"assignee_id":3,"status":"in_progress","due_rel":0}
[1,0,0,50] done 0
breached filter: true
-- silent jobs in working hours (uniacid 3)
0
1 1 0
1 1 again: 0
true
0 4
-- unpaid orders and done jobs (uniacid 4)
1 cancelled 超时未支付，系统自动关闭 pending_payment 0
CloudAcct\InvalidTransitionException: 订单已取消（超时未支付或已被取消），这笔付款需要退款 (the order was cancelled: refund this payment)
0 1 closed fulfilled 0
close system 完成 7 天后客户未评价，系统自动关闭
-- runDue and guards
{"orders_closed":1,"escalated":0,"auto_assigned":0,"sla_breaches":0,"silent_flagged":0,"jobs_closed":0,"recurring_created":0}
{"orders_closed":1,"escalated":1,"auto_assigned":0,"sla_breaches":0,"silent_flagged":0,"jobs_closed":0,"recurring_created":0}
{"orders_closed":0,"escalated":0,"auto_assigned":0,"sla_breaches":0,"silent_flagged":0,"jobs_closed":0,"recurring_created":0}
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
ValueError: CloudAcct\Work\Scheduler::runDue(): Argument #2 ($limit) must be between 1 and 10000
ValueError: CloudAcct\Work\Scheduler::runDue(): Argument #2 ($limit) must be between 1 and 10000
leases left: 0
