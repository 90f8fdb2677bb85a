--TEST--
Fee plans and the billing run: cycles, prepaid months, dated prices, pauses, ends; reruns create nothing; manual bills by key
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/money.inc';
[$db, $store] = m_setup('money_plans');
$m = m_areas($store);
$admin = m_admin();
m_freeze('2026-01-05 10:00:00');
m_setting($db, 1, 'dunning_steps', [-3, 0, 7]);

$a = m_client($db, 1, ['name' => '甲公司']);
$b = m_client($db, 1, ['name' => '乙公司']);
$c = m_client($db, 1, ['name' => '丙公司']);

$pa = $m->plans->create($admin, $a, ['title' => '代理记账费', 'amount_fen' => 30000, 'cycle' => 'monthly', 'start' => '2026-01']);
$pb = $m->plans->create($admin, $b, ['title' => '代理记账费', 'amount_fen' => 90000, 'cycle' => 'quarterly', 'start' => '2025-11']);
$pc = $m->plans->create($admin, $c, ['title' => '年费', 'amount_fen' => 120000, 'cycle' => 'yearly', 'start' => '2026-01',
    'prepaid_periods' => 12]);
$p = $m->plans->get($admin, $pc);
echo "C: {$p['cycle_label']} start {$p['start']} paid_through {$p['paid_through']} price {$p['amount_fen']}\n";

echo "--- run 2026-01\n";
$r = $m->billing->run(m_system(), '2026-01');
printf("%s %s total=%d done=%d created=%d amount=%d now=%d busy=%s\n", $r['period'], $r['status'], $r['plans_total'],
    $r['plans_done'], $r['bills_created'], $r['amount_fen'], $r['created_now'], var_export($r['busy'], true));
$r = $m->billing->run($admin, '2026-01', ['chunk' => 1]);
printf("rerun: created_now=%d bills_created=%d status=%s\n", $r['created_now'], $r['bills_created'], $r['status']);
echo m_counts($db), "\n";

echo "--- run 2026-02 in slices of one plan\n";
$r = $m->billing->run(m_system(), '2026-02', ['chunk' => 1, 'max_chunks' => 1]);
printf("slice: %s done=%d created=%d\n", $r['status'], $r['plans_done'], $r['bills_created']);
$r = $m->billing->run(m_system(), '2026-02', ['chunk' => 1]);
printf("rest: %s done=%d created=%d\n", $r['status'], $r['plans_done'], $r['bills_created']);
foreach ($m->billing->bills($admin, $b)['items'] as $bill) {
    echo "B bill: {$bill['title']} {$bill['period']}..{$bill['period_to']} {$bill['amount_fen']} due {$bill['due_date']} {$bill['status']}\n";
}

echo "--- prices and pauses\n";
m_throws(fn() => $m->plans->changePrice($admin, $pa, 35000, '2026-02'));
$m->plans->changePrice($admin, $pa, 35000, '2026-03');
$m->plans->pause($admin, $pa, '2026-04');
m_throws(fn() => $m->plans->pause($admin, $pa, '2026-05'));
$m->plans->resume($admin, $pa, '2026-06');
m_throws(fn() => $m->plans->resume($admin, $pa, '2026-07'));
foreach (['2026-03', '2026-04', '2026-05', '2026-06'] as $period) {
    $m->billing->run(m_system(), $period);
}
foreach ($m->billing->bills($admin, $a, [], 1, 50)['items'] as $bill) {
    echo "A bill: {$bill['period']} {$bill['amount_fen']} {$bill['title']}\n";
}
$p = $m->plans->get($admin, $pa);
echo "A prices: ", json_encode($p['prices']), " pauses: ", json_encode($p['pauses']), "\n";

echo "--- end\n";
m_throws(fn() => $m->plans->end($admin, $pb, '2026-03'));
m_throws(fn() => $m->plans->end($admin, $pb, '2026-04'));
$m->plans->end($admin, $pb, '2026-07');
$r = $m->billing->run(m_system(), '2026-08');
echo "B bills after its end: ", $m->billing->bills($admin, $b)['total'], "\n";

echo "--- manual bills\n";
$id1 = $m->billing->issue($admin, $c, ['amount_fen' => 50000, 'title' => '工商年报费', 'due_date' => '2026-01-31', 'key' => 'nb2025']);
$id2 = $m->billing->issue($admin, $c, ['amount_fen' => 50000, 'title' => '工商年报费', 'due_date' => '2026-01-31', 'key' => 'nb2025']);
var_dump($id1 === $id2);
$bill = $m->billing->bill($admin, $id1);
echo "manual: {$bill['title']} {$bill['amount_fen']} due {$bill['due_date']} period {$bill['period']} status {$bill['status']}\n";
m_summary($m->accounts, $a);
m_summary($m->accounts, $c);
m_reconcile($m->accounts);

echo "--- bad input\n";
m_throws(fn() => $m->plans->create($admin, $a, ['title' => 'x', 'amount_fen' => 12.5, 'cycle' => 'monthly', 'start' => '2026-01']));
m_throws(fn() => $m->plans->create($admin, $a, ['title' => 'x', 'amount_fen' => '100', 'cycle' => 'monthly', 'start' => '2026-01']));
m_throws(fn() => $m->plans->create($admin, $a, ['title' => 'x', 'amount_fen' => -100, 'cycle' => 'monthly', 'start' => '2026-01']));
m_throws(fn() => $m->plans->create($admin, $a, ['title' => 'x', 'amount_fen' => 0, 'cycle' => 'monthly', 'start' => '2026-01']));
m_throws(fn() => $m->plans->create($admin, $a, ['title' => 'x', 'amount_fen' => 100, 'cycle' => 'weekly', 'start' => '2026-01']));
m_throws(fn() => $m->plans->create($admin, $a, ['title' => 'x', 'amount_fen' => 100, 'cycle' => 'monthly', 'start' => '2026-1']));
m_throws(fn() => $m->plans->create($admin, $a, ['title' => 'x', 'amount_fen' => 100, 'cycle' => 'quarterly', 'start' => '2026-01', 'end' => '2026-05']));
m_throws(fn() => $m->plans->create($admin, $a, ['title' => 'x', 'amount_fen' => 100, 'cycle' => 'monthly', 'start' => '2026-01', 'colour' => 'red']));
m_throws(fn() => $m->plans->create($admin, $a, ['amount_fen' => 100, 'cycle' => 'monthly', 'start' => '2026-01']));
m_throws(fn() => $m->plans->create(CloudAcct\Actor::staff(1), $a, ['title' => 'x', 'amount_fen' => 100, 'cycle' => 'monthly', 'start' => '2026-01']));
m_throws(fn() => $m->plans->create($admin, 9999, ['title' => 'x', 'amount_fen' => 100, 'cycle' => 'monthly', 'start' => '2026-01']));
m_throws(fn() => $m->plans->create($admin, 0, []));
m_throws(fn() => $m->plans->get($admin, 9999));
m_throws(fn() => $m->billing->run($admin, '2026-13'));
m_throws(fn() => $m->billing->run($admin, '2026-01', ['chunk' => 0]));
m_throws(fn() => $m->billing->run(CloudAcct\Actor::client(1), '2026-01'));
m_throws(fn() => $m->billing->issue($admin, $c, ['amount_fen' => 100, 'title' => 'x']));
m_throws(fn() => $m->billing->bills($admin, $a, ['status' => 'late']));
var_dump($m->billing->progress($admin, '2030-01'));
echo m_counts($db), "\n";
ca_drop_db('money_plans');
?>
--EXPECT--
C: 年付 start 2026-01 paid_through 2026-12 price 120000
--- run 2026-01
2026-01 done total=3 done=3 created=1 amount=30000 now=1 busy=false
rerun: created_now=0 bills_created=1 status=done
bill=1 ledger_entry=1 payment=0 allocation=0 refund=0
--- run 2026-02 in slices of one plan
slice: running done=1 created=1
rest: done done=3 created=2
B bill: 代理记账费 2026-02至2026-04 2026-02..2026-04 90000 due 2026-02-15 open
--- prices and pauses
CloudAcct\ValidationException: 2026-02 及以前的账单已出，不能改动过去；请从之后的月份开始 (from: already billed)
CloudAcct\ConflictException: 该方案已暂停 (the plan is already paused)
CloudAcct\ConflictException: 该方案没有暂停 (the plan is not paused)
A bill: 2026-06 35000 代理记账费 2026-06
A bill: 2026-03 35000 代理记账费 2026-03
A bill: 2026-02 30000 代理记账费 2026-02
A bill: 2026-01 30000 代理记账费 2026-01
A prices: [{"effective_from":"2026-01","amount_fen":30000},{"effective_from":"2026-03","amount_fen":35000}] pauses: [{"from":"2026-04","to":"2026-05"}]
--- end
CloudAcct\ValidationException: 结束月份须在开始之后，且是一个计费周期的最后一个月 (last_period)
CloudAcct\ValidationException: 已出账的周期到 2026-07，结束月份不能更早 (last_period: already billed)
B bills after its end: 2
--- manual bills
bool(true)
manual: 工商年报费 50000 due 2026-01-31 period 2026-01 status open
balance=165000 outstanding=165000 credit=0 overdue=0 open=5 oldest=2026-01-15 paid_through=2025-12
balance=50000 outstanding=50000 credit=0 overdue=0 open=1 oldest=2026-01-31 paid_through=2026-12
reconcile: ok (3 clients)
--- bad input
CloudAcct\ValidationException: “amount_fen”须为整数（金额以分为单位，不能是小数） (amount_fen: int expected)
CloudAcct\ValidationException: “amount_fen”须为整数 (amount_fen: int expected)
CloudAcct\ValidationException: 金额须大于 0 (amount_fen: amount must be positive fen)
CloudAcct\ValidationException: 金额须大于 0 (amount_fen: amount must be positive fen)
CloudAcct\ValidationException: 计费周期须为 月付、季付、半年付 或 年付 (cycle: monthly|quarterly|half_yearly|yearly)
CloudAcct\ValidationException: 月份格式应为 YYYY-MM，如 2026-01 (start: expected YYYY-MM)
CloudAcct\ValidationException: 结束月份须在开始之后，且是一个计费周期的最后一个月 (end)
CloudAcct\ValidationException: 收费方案中有不认识的项：colour (unknown key)
CloudAcct\ValidationException: 请填写方案名称，如“代理记账费” (title is required)
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 9999 not found)
ValueError: CloudAcct\Ledger\Plans::create(): Argument #2 ($clientId) must be greater than 0
CloudAcct\NotFoundException: 收费方案不存在或无权查看 (id 9999 not found)
CloudAcct\ValidationException: 月份格式应为 YYYY-MM，如 2026-01 (period: expected YYYY-MM)
ValueError: CloudAcct\Ledger\Billing::run(): Argument #3 ($options) must have chunk 1..5000 and max_chunks >= 0
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
CloudAcct\ValidationException: 请填写账单名称和到期日 (title and due_date are required)
CloudAcct\ValidationException: 账单状态只能是 open、paid、waived、void (status)
NULL
bill=8 ledger_entry=8 payment=0 allocation=0 refund=0
