--TEST--
Offline payments: idempotent by receipt number, oldest bill first unless one is named, overpayment becomes credit and pays the next bill; waivers, refunds, reversals, voids, credit notes, receipts, who may do what
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
pcre.jit=0
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/money.inc';
use CloudAcct\Actor;
[$db, $store] = m_setup('money_offline');
$m = m_areas($store);
$admin = m_admin();
m_freeze('2026-03-20 10:00:00');
m_setting($db, 1, 'firm_name', '诚信代账');
$s1 = m_store_row($db, 1, '一店');
$s2 = m_store_row($db, 1, '二店');
$st1 = m_staff($db, 1, ['store_id' => $s1, 'name' => '王会计']);
$st2 = m_staff($db, 1, ['store_id' => $s2, 'name' => '李会计']);
$a = m_client($db, 1, ['name' => '甲公司', 'store_id' => $s1, 'accountant_id' => $st1]);
$b = m_client($db, 1, ['name' => '乙公司', 'store_id' => $s2, 'accountant_id' => $st2]);
$ca = m_contact($db, 1, $a);
$staff1 = Actor::staff($st1);
$staff2 = Actor::staff($st2);
$client = Actor::client($ca);
$plan = $m->plans->create($admin, $a, ['title' => '记账费', 'amount_fen' => 30000, 'cycle' => 'monthly', 'start' => '2026-01']);
$m->plans->create($admin, $b, ['title' => '记账费', 'amount_fen' => 20000, 'cycle' => 'monthly', 'start' => '2026-01']);
foreach (['2026-01', '2026-02', '2026-03'] as $p) {
    $m->billing->run(m_system(), $p);
}
$bills = array_column($m->billing->bills($admin, $a)['items'], 'id', 'period');
function show_bills($m, $a) {
    foreach (array_reverse($m->billing->bills(m_admin(), $a)['items']) as $x) {
        echo "  {$x['period']} amount={$x['amount_fen']} paid={$x['paid_fen']} waived={$x['waived_fen']} owed={$x['owed_fen']} {$x['status']}\n";
    }
}
m_summary($m->accounts, $a);

echo "--- staff records 450.00 (oldest first)\n";
$p1 = $m->payments->recordOffline($staff1, $a, 45000, 'R-001', ['method' => 'transfer', 'payer' => '张三', 'note' => '对公转账']);
echo "payment {$p1['receipt_no']} {$p1['channel']} {$p1['method']} {$p1['amount_fen']} allocated={$p1['allocated_fen']} by {$p1['recorded_by_kind']}#{$p1['recorded_by_id']} dup=", var_export($p1['duplicate'], true), "\n";
show_bills($m, $a);
m_summary($m->accounts, $a);
$again = $m->payments->recordOffline($staff1, $a, 45000, 'R-001');
echo "again: same id ", var_export($again['id'] === $p1['id'], true), " dup=", var_export($again['duplicate'], true), "\n";
m_throws(fn() => $m->payments->recordOffline($staff1, $a, 46000, 'R-001'));
m_throws(fn() => $m->payments->recordOffline($staff2, $a, 100, 'R-X'));
m_throws(fn() => $m->payments->recordOffline($client, $a, 100, 'R-X'));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, 0, 'R-X'));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, -500, 'R-X'));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, 100, 'R X'));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, 100, 'R-X', ['method' => 'barter']));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, 100, 'R-X', ['paid_at' => m_ts('2026-03-21 00:00:00')]));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, 100, 'R-X', ['bill_id' => 99999]));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, 12.5, 'R-X'));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, 1200.0, 'R-X'));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, '12.34', 'R-X'));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, '1234abc', 'R-X'));
m_throws(fn() => $m->payments->recordOffline($staff1, $a, null, 'R-X'));
m_throws(fn() => $m->payments->refund($admin, $p1['id'], 0.5, '小数'));
echo m_counts($db), "\n";

echo "--- admin records 600.00 naming the March bill: overpayment becomes credit\n";
$p2 = $m->payments->recordOffline($admin, $a, 60000, 'R-002', ['bill_id' => $bills['2026-03']]);
foreach ($p2['allocations'] as $al) { echo "  to bill {$al['bill_id']} {$al['amount_fen']}\n"; }
show_bills($m, $a);
m_summary($m->accounts, $a);
echo "--- the April bill takes the credit\n";
$m->billing->run(m_system(), '2026-04');
$bills = array_column($m->billing->bills($admin, $a)['items'], 'id', 'period');
show_bills($m, $a);
m_summary($m->accounts, $a);

echo "--- waivers\n";
$w = $m->billing->waive($admin, $bills['2026-04'], 5000, '老客户优惠');
m_throws(fn() => $m->billing->waive($admin, $bills['2026-04'], 10001, '多减'));
m_throws(fn() => $m->billing->waive($admin, $bills['2026-01'], 1, '已结清'));
m_throws(fn() => $m->billing->waive($staff1, $bills['2026-04'], 1, '员工'));
show_bills($m, $a);

echo "--- receipt\n";
$r = $m->payments->receipt($client, $p2['id']);
echo "{$r['firm']} {$r['receipt_no']} {$r['company']} {$r['amount']} {$r['amount_words']} {$r['channel']}\n";
foreach ($r['bills'] as $x) { echo "  {$x['title']} {$x['amount_fen']}\n"; }

echo "--- offline refund of 100.00 from R-001 (its newest bill reopens)\n";
$rf = $m->payments->refund($admin, $p1['id'], 10000, '多收退回');
echo "refund {$rf['status']} {$rf['amount_fen']} {$rf['channel']}\n";
m_throws(fn() => $m->payments->refund($admin, $p1['id'], 35001, '超额'));
m_throws(fn() => $m->payments->refund($staff1, $p1['id'], 100, '员工'));
show_bills($m, $a);
m_summary($m->accounts, $a);
echo "refunds of R-001: ", count($m->payments->refunds($admin, $p1['id'])), "\n";

echo "--- reversals\n";
$entries = $m->accounts->entries($admin, $a, 1, 100)['items'];
$byKind = [];
foreach ($entries as $e) { $byKind[$e['kind']][] = $e; }
$p2entry = array_values(array_filter($entries, fn($e) => $e['kind'] === 'payment' && $e['payment_id'] === $p2['id']))[0];
$rev = $m->accounts->reverse($admin, $p2entry['id'], '录错了');
echo "reversed payment R-002 with entry ", $rev > $p2entry['id'] ? 'new' : 'old', "\n";
echo "R-002 now ", $m->payments->get($admin, $p2['id'])['status'], "\n";
m_throws(fn() => $m->accounts->reverse($admin, $p2entry['id'], '再冲'));
m_throws(fn() => $m->accounts->reverse($admin, $rev, '冲冲销'));
m_throws(fn() => $m->accounts->reverse($admin, $byKind['refund'][0]['id'], '冲退款'));
$p1entry = array_values(array_filter($entries, fn($e) => $e['kind'] === 'payment' && $e['payment_id'] === $p1['id']))[0];
m_throws(fn() => $m->accounts->reverse($admin, $p1entry['id'], '有退款'));
m_throws(fn() => $m->accounts->reverse($staff1, $p1entry['id'], '员工'));
show_bills($m, $a);
m_summary($m->accounts, $a);

echo "--- void the March bill, reverse the April charge\n";
$m->billing->cancel($admin, $bills['2026-03'], '重复出账');
m_throws(fn() => $m->billing->cancel($admin, $bills['2026-03'], '再作废'));
$aprCharge = array_values(array_filter($m->accounts->entries($admin, $a, 1, 100)['items'],
    fn($e) => $e['kind'] === 'charge' && $e['bill_id'] === $bills['2026-04']))[0];
$m->accounts->reverse($admin, $aprCharge['id'], '四月停账');
show_bills($m, $a);
m_summary($m->accounts, $a);

echo "--- credit note\n";
$cn = $m->accounts->credit($admin, $a, 5000, '优惠', 'goodwill-1');
var_dump($cn === $m->accounts->credit($admin, $a, 5000, '优惠', 'goodwill-1'));
m_throws(fn() => $m->accounts->credit($admin, $a, 6000, '优惠', 'goodwill-1'));
m_throws(fn() => $m->payments->receipt($admin, $cn));
m_throws(fn() => $m->payments->refund($admin, $cn, 100, '退调整'));
show_bills($m, $a);
m_summary($m->accounts, $a);

echo "--- who sees what\n";
m_summary($m->accounts, $a, $client);
m_throws(fn() => $m->accounts->summary($client, $b));
m_throws(fn() => $m->payments->get($client, $m->payments->recordOffline($admin, $b, 100, 'B-1')['id']));
m_throws(fn() => $m->payments->list($staff1, $b));
echo "staff1 sees ", $m->payments->list($staff1, $a)['total'], " payments of A\n";
$db->execute('INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES (1, 7, ?)', [$s2]);
m_throws(fn() => $m->accounts->summary(m_admin(7), $a));
echo "scoped admin sees B: ", $m->accounts->summary(m_admin(7), $b)['balance_fen'], "\n";
m_throws(fn() => $m->billing->run(m_admin(7), '2026-05'));
$db->execute('UPDATE {staff} SET active = 0 WHERE id = ?', [$st1]);
m_throws(fn() => $m->payments->recordOffline($staff1, $a, 100, 'R-Z'));
$other = new CloudAcct\Ledger\Accounts(new CloudAcct\Store($db, 2));
m_throws(fn() => $other->summary(m_admin(), $a));
echo "entries of A: ", $m->accounts->entries($admin, $a)['total'], "\n";
foreach (array_reverse($m->accounts->entries($admin, $a, 1, 100)['items']) as $e) {
    echo "  {$e['kind_label']} {$e['amount_fen']} ", preg_replace('/R\d{8}[0-9A-Za-z]{15}/', 'R<no>', $e['memo']), "\n";
}
m_reconcile($m->accounts);
ca_drop_db('money_offline');
?>
--EXPECT--
balance=90000 outstanding=90000 credit=0 overdue=90000 open=3 oldest=2026-01-15 paid_through=2025-12
--- staff records 450.00 (oldest first)
payment SK202603200001 offline transfer 45000 allocated=45000 by staff#1 dup=false
  2026-01 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-02 amount=30000 paid=15000 waived=0 owed=15000 open
  2026-03 amount=30000 paid=0 waived=0 owed=30000 open
balance=45000 outstanding=45000 credit=0 overdue=45000 open=2 oldest=2026-02-15 paid_through=2026-01
again: same id true dup=true
CloudAcct\ConflictException: 收据号 R-001 已用于另一笔收款，请核对 (receipt number already used)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\ForbiddenException: 只有员工或管理员可以进行此操作 (staff or admins only)
CloudAcct\ValidationException: 金额须大于 0 (amount_fen: amount must be positive fen)
CloudAcct\ValidationException: 金额须大于 0 (amount_fen: amount must be positive fen)
CloudAcct\ValidationException: “收据号”须为 1 到 64 个字母、数字或符号，不含空格 (receipt_no: 1..64 printable ASCII)
CloudAcct\ValidationException: 收款方式只能是 cash、transfer、wechat、alipay、other (method)
CloudAcct\ValidationException: 收款时间不能晚于现在，也不能早于五年前 (paid_at out of range)
CloudAcct\NotFoundException: 账单不存在或无权查看 (id 99999 not found)
CloudAcct\ValidationException: 金额须为整数“分”，不能是小数；元请用 CloudAcct\Money::parse("12.34") 换算 (amount_fen: float refused)
CloudAcct\ValidationException: 金额须为整数“分”，不能是小数；元请用 CloudAcct\Money::parse("12.34") 换算 (amount_fen: float refused)
CloudAcct\ValidationException: 金额须为整数“分”，不能是文本；元请用 CloudAcct\Money::parse() 换算 (amount_fen: string refused)
CloudAcct\ValidationException: 金额须为整数“分”，不能是文本；元请用 CloudAcct\Money::parse() 换算 (amount_fen: string refused)
TypeError: CloudAcct\Ledger\Payments::recordOffline(): Argument #3 ($amountFen) must be of type int, null given
CloudAcct\ValidationException: 金额须为整数“分”，不能是小数；元请用 CloudAcct\Money::parse("12.34") 换算 (amount_fen: float refused)
bill=6 ledger_entry=7 payment=1 allocation=2 refund=0
--- admin records 600.00 naming the March bill: overpayment becomes credit
  to bill 3 15000
  to bill 5 30000
  2026-01 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-02 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-03 amount=30000 paid=30000 waived=0 owed=0 paid
balance=-15000 outstanding=0 credit=15000 overdue=0 open=0 oldest=- paid_through=2026-03
--- the April bill takes the credit
  2026-01 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-02 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-03 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-04 amount=30000 paid=15000 waived=0 owed=15000 open
balance=15000 outstanding=15000 credit=0 overdue=0 open=1 oldest=2026-04-15 paid_through=2026-03
--- waivers
CloudAcct\ValidationException: 减免金额不能超过未缴金额 100.00 元 (waiver exceeds what is owed)
CloudAcct\InvalidTransitionException: 账单已结清，无需减免 (nothing is owed on bill 1)
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
  2026-01 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-02 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-03 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-04 amount=30000 paid=15000 waived=5000 owed=10000 open
--- receipt
诚信代账 SK202603200002 甲公司 600.00 陆佰元整 线下收款
  记账费 2026-02 15000
  记账费 2026-03 30000
  记账费 2026-04 15000
--- offline refund of 100.00 from R-001 (its newest bill reopens)
refund succeeded 10000 offline
CloudAcct\ValidationException: 退款不能超过已付未退的 350.00 元 (refund exceeds what was paid)
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
  2026-01 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-02 amount=30000 paid=20000 waived=0 owed=10000 open
  2026-03 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-04 amount=30000 paid=15000 waived=5000 owed=10000 open
balance=20000 outstanding=20000 credit=0 overdue=10000 open=2 oldest=2026-02-15 paid_through=2026-01
refunds of R-001: 1
--- reversals
reversed payment R-002 with entry new
R-002 now reversed
CloudAcct\InvalidTransitionException: 该收款已冲销 (payment 2 is already reversed)
CloudAcct\InvalidTransitionException: 冲销记录不能再冲销 (a reversal cannot be reversed)
CloudAcct\InvalidTransitionException: 订单和退款账目不能在这里冲销 (order and refund entries are not reversed by hand)
CloudAcct\InvalidTransitionException: 该收款已有退款，不能冲销 (payment 1 has refunds)
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
  2026-01 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-02 amount=30000 paid=5000 waived=0 owed=25000 open
  2026-03 amount=30000 paid=0 waived=0 owed=30000 open
  2026-04 amount=30000 paid=0 waived=5000 owed=25000 open
balance=80000 outstanding=80000 credit=0 overdue=55000 open=3 oldest=2026-02-15 paid_through=2026-01
--- void the March bill, reverse the April charge
CloudAcct\InvalidTransitionException: 账单已作废 (bill 5 is already void)
  2026-01 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-02 amount=30000 paid=5000 waived=0 owed=25000 open
  2026-03 amount=30000 paid=0 waived=0 owed=0 void
  2026-04 amount=30000 paid=0 waived=0 owed=0 void
balance=25000 outstanding=25000 credit=0 overdue=25000 open=1 oldest=2026-02-15 paid_through=2026-01
--- credit note
bool(true)
CloudAcct\ConflictException: 这个幂等键已用于另一笔调整 (key already used for another credit note)
CloudAcct\NotFoundException: 调整记录没有收据 (credit notes have no receipt)
CloudAcct\InvalidTransitionException: 这笔记录不能退款（已冲销或是调整） (payment 3 cannot be refunded)
  2026-01 amount=30000 paid=30000 waived=0 owed=0 paid
  2026-02 amount=30000 paid=10000 waived=0 owed=20000 open
  2026-03 amount=30000 paid=0 waived=0 owed=0 void
  2026-04 amount=30000 paid=0 waived=0 owed=0 void
balance=20000 outstanding=20000 credit=0 overdue=20000 open=1 oldest=2026-02-15 paid_through=2026-01
--- who sees what
balance=20000 outstanding=20000 credit=0 overdue=20000 open=1 oldest=2026-02-15 paid_through=2026-01
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
staff1 sees 3 payments of A
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
scoped admin sees B: 79900
CloudAcct\ForbiddenException: 只限部分门店的管理员不能出全所账单 (store-limited admins cannot bill the whole firm)
CloudAcct\ForbiddenException: 员工账号不存在或已停用 (staff 1 is not active)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
entries of A: 13
  应收 30000 记账费 2026-01
  应收 30000 记账费 2026-02
  应收 30000 记账费 2026-03
  收款 -45000 线下收款 SK202603200001
  收款 -60000 线下收款 SK202603200002
  应收 30000 记账费 2026-04
  减免 -5000 减免：老客户优惠
  退款 10000 退款 R<no>：多收退回
  冲销 60000 冲销 #11：录错了
  冲销 -30000 作废账单：重复出账
  冲销 -30000 冲销 #12：四月停账
  冲销 5000 冲销 #12：四月停账
  调整 -5000 贷记调整 优惠
reconcile: ok (2 clients)
