--TEST--
Quality\Performance: one employee's figures for a month and a date range (jobs taken/completed, first response, completion time, on-time rate, SLA breaches, ratings, complaints, offline and online fees by the documented rule), the admin comparison with store filter, scope and sorting, CSV export with the formula guard; who may look; bad periods; queries use the per-staff indexes
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/quality.inc';
use CloudAcct\{Actor, Store, Clock};
use CloudAcct\Quality\{Performance, Ratings, Complaints};
use CloudAcct\Work\{Jobs, Scheduler};
$db = w_setup('quality_performance');
$store = new Store($db, 1);
$perf = new Performance($store);
$jobs = new Jobs($store);
$admin = Actor::admin(1);
$sys = Actor::system();
$cn = fn($s) => (new DateTime($s, new DateTimeZone('Asia/Shanghai')))->getTimestamp();
Clock::freeze($cn('2026-11-02 10:00'));   // a Monday
$s1 = w_staff($db, 1, ['store_id' => 1, 'name' => '王会计']);
$s2 = w_staff($db, 1, ['store_id' => 2, 'name' => '=HYPERLINK("x")']);
$s3 = w_staff($db, 1, ['store_id' => 1, 'name' => '离职', 'active' => 0]);
$a = w_client($db, 1, ['store_id' => 1, 'accountant_id' => $s1]);
$b = w_client($db, 1, ['store_id' => 2, 'accountant_id' => $s2]);
$ca = Actor::client(w_contact($db, 1, $a));
$cb = Actor::client(w_contact($db, 1, $b));

// s1: a request grabbed after 30 min, done 2 h later within its SLA (16 business hours)
$j1 = $jobs->request($ca, $a, ['title' => '开票', 'description' => '3 份']);
Clock::advance(1800);
$jobs->grab(Actor::staff($s1), $j1);
$jobs->start(Actor::staff($s1), $j1);
Clock::advance(7200);
$jobs->complete(Actor::staff($s1), $j1);
// s1: an urgent request (8 business hours) grabbed at once, breached, then done
$j2 = $jobs->request($ca, $a, ['title' => '加急', 'description' => '今天要', 'urgency' => 1]);
$jobs->grab(Actor::staff($s1), $j2);
Clock::advance(2 * 86400);
(new Scheduler($store))->recordSlaBreaches($sys);
$jobs->start(Actor::staff($s1), $j2);
$jobs->complete(Actor::staff($s1), $j2);
// s1: a job taken but still in hand; s2: one done admin job without an SLA
$j3 = $jobs->request($ca, $a, ['title' => '咨询', 'description' => '问题']);
Clock::advance(600);
$jobs->grab(Actor::staff($s1), $j3);
$j4 = q_job($store, $b, $s2);
// ratings and complaints
(new Ratings($store))->rate($ca, $j1, 'good', ['服务态度' => 5, '服务速度' => 5, '专业度' => 5]);
(new Ratings($store))->rate($ca, $j2, 'bad', ['服务态度' => 2, '服务速度' => 1, '专业度' => 3]);
(new Complaints($store))->file($ca, ['client_id' => $a, 'description' => '加急也拖了两天', 'job_id' => $j2]);
// fees: offline payments s1 recorded (their client), one an admin recorded (not s1's), online payments of s1's client
$pay = new CloudAcct\Ledger\Payments($store);
$pay->recordOffline(Actor::staff($s1), $a, 30000, 'R-001');
$pay->recordOffline(Actor::staff($s1), $a, 20000, 'R-002');
$pay->recordOffline($admin, $a, 99900, 'R-003');
$pay->recordOffline(Actor::staff($s2), $b, 5000, 'R-004');
// online payments as the money area settles them (channel weengine / wechat_v3), one in December
$online = fn($client, $fen, $at, $ch = 'weengine') => $db->execute("INSERT INTO {payment} (uniacid, client_id, channel,"
    . " external_id, amount_fen, period, paid_at, recorded_by_kind, recorded_by_id, created_at)"
    . " VALUES (1, ?, ?, ?, ?, 202611, ?, 'system', 0, ?)", [$client, $ch, uniqid(), $fen, $at, $at]);
$online($a, 12345, Clock::now());
$online($a, 100, Clock::now(), 'wechat_v3');
$online($a, 777, $cn('2026-12-01 00:00'));
$online($b, 1000, Clock::now());

$show = fn(array $f) => json_encode($f, JSON_UNESCAPED_UNICODE);
echo $show($perf->forStaff(Actor::staff($s1), $s1, '2026-11')), "\n";
echo $show($perf->forStaff($admin, $s2, ['from' => '2026-11-01', 'to' => '2026-11-30'])), "\n";
// December is empty except the online payment on the 1st (00:00 China time belongs to December)
echo $show($perf->forStaff($admin, $s1, '2026-12')), "\n";
$nov2 = $perf->forStaff($admin, $s1, ['from' => '2026-11-02', 'to' => '2026-11-02']);
echo $nov2['jobs_taken'], ' ', $nov2['jobs_completed'], ' ', $nov2['from'], ' ', $nov2['to'], "\n";

// who may look, bad periods
ca_expect_throw(fn() => $perf->forStaff(Actor::staff($s2), $s1, '2026-11'));
ca_expect_throw(fn() => $perf->forStaff($ca, $s1, '2026-11'));
ca_expect_throw(fn() => $perf->forStaff(q_scoped_admin($db, 1, 9, 2), $s1, '2026-11'));
ca_expect_throw(fn() => $perf->forStaff($admin, 9999, '2026-11'));
foreach (['2026-13', '2026-1', '202611', '', '2026-11-01'] as $bad) {
    ca_expect_throw(fn() => $perf->forStaff($admin, $s1, $bad));
}
foreach ([['from' => '2026-11-05', 'to' => '2026-11-01'], ['from' => '2026-01-01', 'to' => '2027-01-02'], ['from' => '2026-02-30', 'to' => '2026-03-01'],
        ['from' => '2026-11-01'], ['from' => '2026-11-01', 'to' => '2026-11-02', 'x' => 1], ['from' => 20261101, 'to' => '2026-11-02']] as $bad) {
    ca_expect_throw(fn() => $perf->forStaff($admin, $s1, $bad));
}
ca_expect_throw(fn() => $perf->forStaff($admin, $s1, 202611));
echo json_encode($perf->forStaff($admin, $s1, ['from' => '2026-01-01', 'to' => '2027-01-01'])['jobs_taken']), "\n"; // 366 days: the most

// the comparison: admins only, scope, store filter, inactive on request, sorting
$cmp = $perf->compare($admin, '2026-11');
echo $cmp['from'], ' ', $cmp['to'], ' ', $cmp['sort'], ' ', implode(',', array_map(fn($i) => $i['staff_id'] . ':' . $i['jobs_completed'] . ':' . $i['fees_collected_fen'], $cmp['items'])), "\n";
echo implode(',', array_column($perf->compare($admin, '2026-11', ['sort' => 'fees_collected_fen', 'include_inactive' => true])['items'], 'staff_id')), ' ',
    implode(',', array_column($perf->compare($admin, '2026-11', ['sort' => 'on_time_rate'])['items'], 'staff_id')), ' ',
    implode(',', array_column($perf->compare($admin, '2026-11', ['store_id' => 2])['items'], 'staff_id')), ' ',
    implode(',', array_column($perf->compare(Actor::admin(9), '2026-11')['items'], 'staff_id')), ' ',
    implode(',', array_column($perf->compare($admin, '2026-11', ['sort' => 'rating_average'])['items'], 'staff_id')), "\n";
ca_expect_throw(fn() => $perf->compare(Actor::staff($s1), '2026-11'));
ca_expect_throw(fn() => $perf->compare($ca, '2026-11'));
ca_expect_throw(fn() => $perf->compare($admin, '2026-11', ['sort' => 'name']));
ca_expect_throw(fn() => $perf->compare($admin, '2026-11', ['store_id' => '1']));
ca_expect_throw(fn() => $perf->compare($admin, '2026-11', ['include_inactive' => 1]));
ca_expect_throw(fn() => $perf->compare($admin, 'November'));

// CSV: BOM, Chinese header, yuan amounts, the name that looks like a formula guarded
$csv = $perf->exportCsv($admin, '2026-11', ['include_inactive' => true]);
echo bin2hex(substr($csv, 0, 3)), "\n", substr($csv, 3);
ca_expect_throw(fn() => $perf->exportCsv(Actor::staff($s1), '2026-11'));

// the per-staff queries go through the per-staff indexes
$keys = [];
foreach ([
    ['job', "assignee_id IN (1) AND assigned_at >= 0 AND assigned_at < 9", 'idx_perf_assigned'],
    ['job', "assignee_id IN (1) AND done_at >= 0 AND done_at < 9 AND status IN ('done', 'closed')", 'idx_perf_done'],
    ['payment', "recorded_by_kind = 'staff' AND recorded_by_id IN (1) AND paid_at >= 0 AND paid_at < 9", 'idx_recorder'],
    ['rating', "staff_id IN (1) AND created_at >= 0 AND created_at < 9", 'idx_staff'],
    ['complaint', "staff_id IN (1) AND created_at >= 0 AND created_at < 9", 'idx_staff'],
] as [$t, $where, $want]) {
    $plan = $db->query("EXPLAIN SELECT COUNT(*) FROM {" . $t . "} FORCE INDEX ($want) WHERE uniacid = 1 AND $where");
    $free = $db->query("EXPLAIN SELECT COUNT(*) FROM {" . $t . "} WHERE uniacid = 1 AND $where");
    $keys[] = $t . ':' . ($plan[0]['key'] === $want && $plan[0]['type'] === 'range' ? 'range' : json_encode($plan[0])) . ':' . json_encode(in_array($free[0]['type'], ['range', 'ref'], true));
}
echo implode(' ', $keys), "\n";
?>
--CLEAN--
<?php require __DIR__ . '/../inc/config.inc'; ca_drop_db('quality_performance'); ?>
--EXPECT--
{"staff_id":1,"jobs_taken":3,"avg_first_response_seconds":800,"jobs_completed":2,"avg_completion_seconds":90000,"with_sla":2,"on_time":1,"on_time_rate":0.5,"sla_breaches":1,"ratings":2,"good":1,"neutral":0,"bad":1,"rating_average":3.5,"complaints":1,"fees_offline_fen":50000,"fees_online_fen":12445,"fees_collected_fen":62445,"from":"2026-11-01","to":"2026-11-30"}
{"staff_id":2,"jobs_taken":1,"avg_first_response_seconds":0,"jobs_completed":1,"avg_completion_seconds":0,"with_sla":1,"on_time":1,"on_time_rate":1,"sla_breaches":0,"ratings":0,"good":0,"neutral":0,"bad":0,"rating_average":null,"complaints":0,"fees_offline_fen":5000,"fees_online_fen":1000,"fees_collected_fen":6000,"from":"2026-11-01","to":"2026-11-30"}
{"staff_id":1,"jobs_taken":0,"avg_first_response_seconds":null,"jobs_completed":0,"avg_completion_seconds":null,"with_sla":0,"on_time":0,"on_time_rate":null,"sla_breaches":0,"ratings":0,"good":0,"neutral":0,"bad":0,"rating_average":null,"complaints":0,"fees_offline_fen":0,"fees_online_fen":777,"fees_collected_fen":777,"from":"2026-12-01","to":"2026-12-31"}
2 1 2026-11-02 2026-11-02
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
CloudAcct\ForbiddenException: 只有员工本人和管理员可以查看 (the employee and admins only)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 9999 not found)
CloudAcct\ValidationException: 期间须为“YYYY-MM”格式的月份 (period: "YYYY-MM")
CloudAcct\ValidationException: 期间须为“YYYY-MM”格式的月份 (period: "YYYY-MM")
CloudAcct\ValidationException: 期间须为“YYYY-MM”格式的月份 (period: "YYYY-MM")
CloudAcct\ValidationException: 期间须为“YYYY-MM”格式的月份 (period: "YYYY-MM")
CloudAcct\ValidationException: 期间须为“YYYY-MM”格式的月份 (period: "YYYY-MM")
CloudAcct\ValidationException: 结束日期须不早于开始日期，且跨度不超过 366 天 (period: to >= from, at most 366 days)
CloudAcct\ValidationException: 结束日期须不早于开始日期，且跨度不超过 366 天 (period: to >= from, at most 366 days)
CloudAcct\ValidationException: 起止日期须为“YYYY-MM-DD” (period: from and to as "YYYY-MM-DD")
CloudAcct\ValidationException: 起止日期须为“YYYY-MM-DD” (period: from and to as "YYYY-MM-DD")
CloudAcct\ValidationException: 期间只能包含 from 和 to (period: only from and to)
CloudAcct\ValidationException: 起止日期须为“YYYY-MM-DD” (period: from and to as "YYYY-MM-DD")
CloudAcct\ValidationException: 期间须为“YYYY-MM”格式的月份 (period: "YYYY-MM")
3
2026-11-01 2026-11-30 jobs_completed 1:2:62445,2:1:6000
1,2,3 2,1 2 2 1,2
CloudAcct\ForbiddenException: 只有管理员可以查看员工绩效对比 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以查看员工绩效对比 (admin only)
CloudAcct\ValidationException: 不支持按 name 排序 (unknown sort key)
CloudAcct\ValidationException: 无效的选项 store_id (invalid option)
CloudAcct\ValidationException: 无效的选项 include_inactive (invalid option)
CloudAcct\ValidationException: 期间须为“YYYY-MM”格式的月份 (period: "YYYY-MM")
efbbbf
员工ID,姓名,门店ID,接单数,完成数,按时完成率,平均响应(秒),平均办理(秒),超时次数,评价数,好评,中评,差评,平均分,投诉,线下收款(元),线上收款(元),收款合计(元)
1,王会计,1,3,2,0.5,800,90000,1,2,1,0,1,3.5,1,500.00,124.45,624.45
2,"'=HYPERLINK(""x"")",2,1,1,1,0,0,0,0,0,0,0,,0,50.00,10.00,60.00
3,离职,1,0,0,,,,0,0,0,0,0,,0,0.00,0.00,0.00
CloudAcct\ForbiddenException: 只有管理员可以查看员工绩效对比 (admin only)
job:range:true job:range:true payment:range:true rating:range:true complaint:range:true