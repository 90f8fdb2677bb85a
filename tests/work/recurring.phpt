--TEST--
Work\Recurring: monthly schedules per client, one job per period (recur_key), due day moved past weekends and holidays, catch-up, edits, removal, authorisation and bad input
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
use CloudAcct\Work\{Recurring, Jobs, Scheduler, Calendar};
$db = w_setup('work_recurring');
$store = new Store($db, 1);
$rec = new Recurring($store);
$jobs = new Jobs($store);
$sch = new Scheduler($store);
$admin = Actor::admin(1);
$sys = Actor::system();
$fmt = fn(int $ts) => (new DateTime('@' . $ts))->setTimezone(new DateTimeZone('Asia/Shanghai'))->format('Y-m-d H:i');
Clock::freeze((new DateTime('2026-11-02 08:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
$acct = w_staff($db, 1, ['name' => '专属会计']);
$a = w_client($db, 1, ['accountant_id' => $acct]);
$b = w_client($db, 1);
$ca = Actor::client(w_contact($db, 1, $a));
// 2026-11-16 (Monday) is a holiday in this firm's calendar
$cal = (new Calendar($store))->get();
$cal['exceptions'] = [['date' => '2026-11-16', 'workday' => false]];
(new Calendar($store))->set($admin, $cal);

$bk = $rec->save($admin, $a, ['type' => '记账', 'title' => '月度记账', 'first_period' => '2026-10']);
$tax = $rec->save($admin, $a, ['type' => '报税', 'due_day' => 10, 'dispatch_mode' => 'grab', 'skill' => '税务']);
echo json_encode(array_map(fn($r) => [$r['type'], $r['title'], $r['dispatch_mode'], $r['due_day'], $r['next_period_label'], $r['active']],
    $rec->list($ca, $a)), JSON_UNESCAPED_UNICODE), "\n";
// one period per schedule per run; October is caught up first
echo $sch->createRecurringJobs($sys), ' ', $sch->createRecurringJobs($sys), ' ', $sch->createRecurringJobs($sys), "\n";
foreach ($db->query("SELECT id, title, type, source, status, assignee_id, skill, due_at, recur_key FROM {job} ORDER BY id") as $j) {
    printf("%s | %s | %s | %s | %s | due %s | %s\n", $j['title'], $j['type'], $j['source'], $j['status'],
        $j['assignee_id'] === $acct ? 'accountant' : ($j['assignee_id'] ?: '-'), $fmt($j['due_at']), $j['recur_key']);
}
echo json_encode(array_column($rec->list($admin, $a), 'next_period_label')), "\n";
// a period is never made twice, even if the schedule is set back
$db->execute('UPDATE {recurring} SET next_period = 202611, next_run_at = 0 WHERE id = ?', [$bk]);
echo $sch->createRecurringJobs($sys), ' ', $db->queryValue('SELECT COUNT(*) FROM {job}'), ' ', $rec->list($admin, $a)[0]['next_period_label'], "\n";
// December: the 15th is a Tuesday
Clock::freeze((new DateTime('2026-12-01 00:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
echo json_encode($sch->runDue($sys)['recurring_created']), ' ';
echo $fmt($db->queryValue("SELECT due_at FROM {job} WHERE recur_key = ?", ["r$bk-202612"])), "\n";
// edits keep the schedule's place; removal stops it
echo $rec->save($admin, $a, ['type' => '记账', 'title' => '记账（新）', 'due_day' => 20]) === $bk ? 'same id' : 'new id', ' ',
    $rec->list($admin, $a)[0]['next_period_label'], ' ', $rec->list($admin, $a)[0]['title'], "\n";
$rec->remove($admin, $tax);
ca_expect_throw(fn() => $rec->remove($admin, $tax));
Clock::freeze((new DateTime('2027-01-01 00:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
echo $sch->createRecurringJobs($sys), ' ', $db->queryValue("SELECT title FROM {job} ORDER BY id DESC LIMIT 1"), "\n";
// a client that is no longer active gets no new work, the schedule still moves on
$db->execute("UPDATE {client} SET status = 'inactive' WHERE id = ?", [$a]);
Clock::freeze((new DateTime('2027-02-01 00:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
$before = $db->queryValue('SELECT COUNT(*) FROM {job}');
echo $sch->createRecurringJobs($sys), ' ', $db->queryValue('SELECT COUNT(*) FROM {job}') - $before, ' ', $rec->list($admin, $a)[0]['next_period_label'], "\n";

// authorisation and bad input: nothing written
$n = w_counts($db, 'recurring', 'audit');
ca_expect_throw(fn() => $rec->save($ca, $a, ['type' => '记账']));
ca_expect_throw(fn() => $rec->save(Actor::staff($acct), $a, ['type' => '记账']));
ca_expect_throw(fn() => (new Recurring(new Store($db, 2)))->save($admin, $a, ['type' => '记账']));
ca_expect_throw(fn() => $rec->save($admin, 999, ['type' => '记账']));
ca_expect_throw(fn() => $rec->save($admin, $b, []));
ca_expect_throw(fn() => $rec->save($admin, $b, ['type' => '记账', 'first_period' => '2026-13']));
ca_expect_throw(fn() => $rec->save($admin, $b, ['type' => '记账', 'first_period' => '2026-1']));
ca_expect_throw(fn() => $rec->save($admin, $b, ['type' => '记账', 'first_period' => '1969-12']));
ca_expect_throw(fn() => $rec->save($admin, $b, ['type' => '记账', 'due_day' => 29]));
ca_expect_throw(fn() => $rec->save($admin, $b, ['type' => '记账', 'service_id' => 77]));
ca_expect_throw(fn() => $rec->save($admin, $b, ['type' => str_repeat('账', 33)]));
ca_expect_throw(fn() => $rec->save($admin, $b, ['type' => '记账', 'title' => str_repeat('账', 49)]));
ca_expect_throw(fn() => $rec->list(Actor::client(999), $a));
ca_expect_throw(fn() => $rec->remove($ca, $bk));
var_dump(w_counts($db, 'recurring', 'audit') === $n);
ca_drop_db('work_recurring');
?>
--EXPECT--
[["记账","月度记账","exclusive",0,"2026-10",1],["报税","报税","grab",10,"2026-11",1]]
2 1 0
月度记账 2026年10月 | 记账 | recurring | assigned | accountant | due 2026-10-15 18:00 | r1-202610
报税 2026年11月 | 报税 | recurring | open | - | due 2026-11-10 18:00 | r2-202611
月度记账 2026年11月 | 记账 | recurring | assigned | accountant | due 2026-11-17 18:00 | r1-202611
["2026-12","2026-12"]
0 3 2026-12
2 2026-12-15 18:00
same id 2027-01 记账（新）
CloudAcct\NotFoundException: 周期计划不存在 (schedule 2 not found)
1 记账（新） 2027年1月
0 0 2027-03
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 999 not found)
CloudAcct\ValidationException: 请填写“业务类型” (type is required)
CloudAcct\ValidationException: “起始月份”须为 YYYY-MM 格式的月份 (first_period: YYYY-MM)
CloudAcct\ValidationException: “起始月份”须为 YYYY-MM 格式的月份 (first_period: YYYY-MM)
CloudAcct\ValidationException: “起始月份”须为 YYYY-MM 格式的月份 (first_period: YYYY-MM)
CloudAcct\ValidationException: “每月截止日”须为 0 到 28 之间的整数 (due_day: integer 0..28)
CloudAcct\ValidationException: 服务不存在 (service not found)
CloudAcct\ValidationException: “业务类型”须为 1 到 32 个字符 (type: 1..32 characters)
CloudAcct\ValidationException: “工单标题”须为 1 到 48 个字符 (title: 1..48 characters)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
bool(true)
