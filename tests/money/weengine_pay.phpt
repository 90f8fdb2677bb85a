--TEST--
微擎 pay path: checkout intents, payResult settles once (return echo ignored, wrong amount / float fee / unknown tid refused, 100 replays post once), account payments, orders settled with their job, refunds through refundResult
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
[$db, $store] = m_setup('money_weengine');
$m = m_areas($store);
$admin = m_admin();
$sys = m_system();
m_freeze('2026-02-20 09:00:00');
$a = m_client($db, 1, ['name' => '甲公司']);
$ca = m_contact($db, 1, $a);
$client = Actor::client($ca);
$m->plans->create($admin, $a, ['title' => '记账费', 'amount_fen' => 30000, 'cycle' => 'monthly', 'start' => '2026-01']);
$m->billing->run($sys, '2026-01');
$m->billing->run($sys, '2026-02');
$bills = array_column($m->billing->bills($admin, $a)['items'], 'id', 'period');
$ret = fn(array $i, array $over = []) => $over + ['uniacid' => 1, 'acid' => 1, 'result' => 'success', 'type' => 'wechat',
    'from' => 'notify', 'tid' => $i['tid'], 'uniontid' => '2026022009000000000112345678', 'transaction_id' => '4200000001',
    'trade_type' => 'JSAPI', 'follow' => 1, 'user' => 'oFAN1', 'fee' => $i['fee'], 'tag' => '', 'is_usecard' => 0,
    'paytime' => m_ts('2026-02-20 09:01:00')];

echo "--- checkout the February bill\n";
$i = $m->payments->checkout($client, $a, ['bill_id' => $bills['2026-02']]);
printf("tid %s fee %s fee_fen %d %s %s %s target %s#%d\n", preg_match('/^C\d{8}[0-9A-Za-z]{15}$/', $i['tid']) ? 'ok' : $i['tid'],
    $i['fee'], $i['fee_fen'], $i['title'], $i['channel'], $i['status'], $i['target_kind'], $i['target_id']);
$again = $m->payments->checkout($client, $a, ['bill_id' => $bills['2026-02']]);
echo "same intent again: ", var_export($again['tid'] === $i['tid'], true), "\n";

echo "--- the browser's return comes first: nothing is settled\n";
$r = $m->payments->weengineResult($sys, $ret($i, ['from' => 'return']));
echo "{$r['status']} paid=", var_export($r['paid'], true), "\n";
echo "--- refused notifies leave the ledger as it was\n";
$before = m_counts($db);
m_throws(fn() => $m->payments->weengineResult($sys, $ret($i, ['fee' => '299.99'])));
m_throws(fn() => $m->payments->weengineResult($sys, $ret($i, ['fee' => 300.0])));
m_throws(fn() => $m->payments->weengineResult($sys, $ret($i, ['fee' => '300.00元'])));
m_throws(fn() => $m->payments->weengineResult($sys, $ret($i, ['fee' => '-300.00'])));
m_throws(fn() => $m->payments->weengineResult($sys, $ret($i, ['tid' => 'C20260220UNKNOWN000000000'])));
m_throws(fn() => $m->payments->weengineResult($sys, $ret($i, ['from' => 'cashier'])));
m_throws(fn() => $m->payments->weengineResult($sys, ['fee' => '300.00', 'from' => 'notify', 'result' => 'success']));
m_throws(fn() => $m->payments->weengineResult($admin, $ret($i)));
$r = $m->payments->weengineResult($sys, $ret($i, ['result' => 'failed']));
echo "result=failed: {$r['status']}\n";
echo "unchanged: ", var_export(m_counts($db) === $before, true), "\n";

echo "--- the notify settles once; 100 replays post nothing\n";
$r = $m->payments->weengineResult($sys, $ret($i));
echo "{$r['status']} payment #{$r['payment_id']} {$r['target_kind']}#{$r['target_id']} {$r['amount_fen']}\n";
$after = m_counts($db);
$statuses = [];
for ($k = 0; $k < 100; $k++) {
    $statuses[$m->payments->weengineResult($sys, $ret($i))['status']][] = $k;
}
echo "replays: ", implode(', ', array_map(fn($s, $l) => "$s x" . count($l), array_keys($statuses), $statuses)), "\n";
echo "unchanged after replays: ", var_export(m_counts($db) === $after, true), "\n";
$r = $m->payments->weengineResult($sys, $ret($i, ['from' => 'return']));
echo "return after notify: {$r['status']} paid=", var_export($r['paid'], true), "\n";
$p = $m->payments->get($client, $r['payment_id']);
echo "payment {$p['channel']} external id = tid: ", var_export($p['external_id'] === $i['tid'], true),
    " reference {$p['reference']} payer {$p['payer']} paid_at ", date('H:i', $p['paid_at'] + 8 * 3600), "\n";
m_throws(fn() => $m->payments->checkout($client, $a, ['bill_id' => $bills['2026-02']]));
m_summary($m->accounts, $a);
echo "outbox: ", $db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE template = 'payment_received'"), " payment_received\n";

echo "--- pay 500.00 towards the account: January first, the rest is credit\n";
$acct = $m->payments->checkout($client, $a, ['amount_fen' => 50000]);
echo "{$acct['title']} {$acct['fee']} {$acct['target_kind']}\n";
$r = $m->payments->weengineResult($sys, $ret($acct, ['uniontid' => 'U2', 'transaction_id' => '']));
echo "{$r['status']} reference ", $m->payments->get($admin, $r['payment_id'])['reference'], "\n";
m_summary($m->accounts, $a);
m_throws(fn() => $m->payments->checkout($client, $a, ['bill_id' => $bills['2026-01'], 'amount_fen' => 5]));
m_throws(fn() => $m->payments->checkout($client, $a, []));
m_throws(fn() => $m->payments->checkout($client, $a, ['amount_fen' => 0]));
m_throws(fn() => $m->payments->checkout($client, $a, ['amount_fen' => 1.5]));
m_throws(fn() => $m->payments->checkout($sys, $a, ['amount_fen' => 100]));
m_throws(fn() => $m->payments->checkout(Actor::client(999), $a, ['amount_fen' => 100]));

echo "--- an order: paid with its job, then refunded through 微擎\n";
$cat = new CloudAcct\Work\Catalog($store);
$orders = new CloudAcct\Work\Orders($store);
$svc = $cat->createService($admin, ['title' => '工商变更', 'price_fen' => 80000, 'on_sale' => true]);
$o = $orders->place($client, $a, $svc);
$oi = $m->payments->checkout($client, $a, ['order_id' => $o['id']]);
echo "order intent tid = order number: ", var_export($oi['tid'] === $o['order_no'], true), " fee {$oi['fee']}\n";
$r = $m->payments->weengineResult($sys, $ret($oi, ['transaction_id' => '4200000003']));
$o2 = $orders->get($admin, $o['id']);
echo "{$r['status']} order {$o2['status']} paid {$o2['paid_fen']} job ", $o2['job_id'] > 0 ? 'created' : 'missing', "\n";
echo "replay: ", $m->payments->weengineResult($sys, $ret($oi, ['transaction_id' => '4200000003']))['status'], "\n";
m_summary($m->accounts, $a);
$orders->requestRefund($client, $o['id'], '不需要了');
$rf = $m->payments->refund($admin, $r['payment_id'], 80000, '客户取消');
echo "refund {$rf['status']} {$rf['channel']} tid = order number: ", var_export($rf['tid'] === $o['order_no'], true), " fee {$rf['fee']}\n";
m_summary($m->accounts, $a);
$done = $m->payments->weengineRefundResult($sys, ['refund_no' => $rf['out_refund_no'], 'result' => 'success']);
echo "refund {$done['status']}; order ", $orders->get($admin, $o['id'])['status'], "\n";
echo "again: ", $m->payments->weengineRefundResult($sys, ['refund_no' => $rf['out_refund_no'], 'result' => 'success'])['status'], "\n";
m_throws(fn() => $m->payments->refund($admin, $r['payment_id'], 1, '再退'));

echo "--- a bill payment refund that 微擎 refuses gives the money back\n";
$pays = $m->payments->list($admin, $a)['items'];
$acctPay = array_values(array_filter($pays, fn($p) => $p['target_kind'] === '' && $p['channel'] === 'weengine'))[0];
$rf = $m->payments->refund($admin, $acctPay['id'], 10000, '误付');
m_summary($m->accounts, $a);
$bad = $m->payments->weengineRefundResult($sys, ['tid' => $acct['tid'], 'fee' => '100.00', 'result' => 'fail']);
echo "refund {$bad['status']} ({$bad['failure']})\n";
m_summary($m->accounts, $a);
m_throws(fn() => $m->payments->weengineRefundResult($sys, ['tid' => $acct['tid'], 'fee' => 100.0]));
m_throws(fn() => $m->payments->weengineRefundResult($sys, ['refund_no' => 'R-none', 'result' => 'success']));
m_throws(fn() => $m->payments->weengineRefundResult($sys, []));

echo "--- an order cancelled before the money came: the payment stays as credit\n";
$o3 = $orders->place($client, $a, $svc);
$oi3 = $m->payments->checkout($client, $a, ['order_id' => $o3['id']]);
$orders->cancel($client, $o3['id'], '不要了');
$r = $m->payments->weengineResult($sys, $ret($oi3, ['transaction_id' => '4200000004']));
echo "{$r['status']} order ", $orders->get($admin, $o3['id'])['status'], "\n";
m_summary($m->accounts, $a);

echo "--- offline only\n";
m_setting($db, 1, 'payment_mode', 'offline_only');
m_throws(fn() => $m->payments->checkout($client, $a, ['amount_fen' => 100]));
m_reconcile($m->accounts);
m_collect_check($db);
ca_drop_db('money_weengine');
?>
--EXPECT--
--- checkout the February bill
tid ok fee 300.00 fee_fen 30000 记账费 2026-02 weengine pending target bill#2
same intent again: true
--- the browser's return comes first: nothing is settled
return_ignored paid=false
--- refused notifies leave the ledger as it was
CloudAcct\ValidationException: 支付金额与支付单不符，未入账 (paid amount does not match the intent)
CloudAcct\ValidationException: 支付金额须为“12.34”形式的文本，不能是小数类型 (fee must be a decimal string, not float)
CloudAcct\ValidationException: 支付金额无效：金额格式不对，请只填数字和小数点，如 12.34 (fee)
CloudAcct\ValidationException: 支付金额无效：金额不能为负数，请填写 0 或正数 (fee)
CloudAcct\NotFoundException: 没有这笔支付单 (unknown out_trade_no)
CloudAcct\ValidationException: from 只能是 notify 或 return (from)
CloudAcct\ValidationException: 缺少支付单号 tid (tid is required, ≤ 32 characters)
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
result=failed: pending
unchanged: true
--- the notify settles once; 100 replays post nothing
settled payment #1 bill#2 30000
replays: already_settled x100
unchanged after replays: true
return after notify: return_ignored paid=true
payment weengine external id = tid: true reference 4200000001 payer oFAN1 paid_at 09:00
CloudAcct\InvalidTransitionException: 账单已结清，无需支付 (bill 2 is settled)
balance=30000 outstanding=30000 credit=0 overdue=30000 open=1 oldest=2026-01-15 paid_through=2025-12
outbox: 1 payment_received
--- pay 500.00 towards the account: January first, the rest is credit
缴纳服务费 500.00 account
settled reference U2
balance=-20000 outstanding=0 credit=20000 overdue=0 open=0 oldest=- paid_through=2026-02
CloudAcct\ValidationException: 请指定一个支付对象：bill_id、order_id 或 amount_fen (exactly one target)
CloudAcct\ValidationException: 请指定一个支付对象：bill_id、order_id 或 amount_fen (exactly one target)
CloudAcct\ValidationException: 请指定一个支付对象：bill_id、order_id 或 amount_fen (exactly one target)
CloudAcct\ValidationException: “amount_fen”须为整数（金额以分为单位，不能是小数） (amount_fen: int expected)
CloudAcct\ForbiddenException: 支付须由客户或员工发起 (the system does not start payments)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
--- an order: paid with its job, then refunded through 微擎
order intent tid = order number: true fee 800.00
settled order paid paid 80000 job created
replay: already_settled
balance=-20000 outstanding=0 credit=20000 overdue=0 open=0 oldest=- paid_through=2026-02
refund pending weengine tid = order number: true fee 800.00
balance=-20000 outstanding=0 credit=20000 overdue=0 open=0 oldest=- paid_through=2026-02
refund succeeded; order refunded
again: succeeded
CloudAcct\ValidationException: 退款不能超过已付未退的 0.00 元 (refund exceeds what was paid)
--- a bill payment refund that 微擎 refuses gives the money back
balance=-10000 outstanding=0 credit=10000 overdue=0 open=0 oldest=- paid_through=2026-02
refund failed (微擎退款失败)
balance=-20000 outstanding=0 credit=20000 overdue=0 open=0 oldest=- paid_through=2026-02
CloudAcct\ValidationException: 支付金额须为“12.34”形式的文本，不能是小数类型 (fee must be a decimal string, not float)
CloudAcct\NotFoundException: 没有这笔退款 (refund not found)
CloudAcct\ValidationException: 请给出退款单号 refund_no，或支付单号 tid 与金额 fee (refund_no or tid + fee)
--- an order cancelled before the money came: the payment stays as credit
settled_as_credit order cancelled
balance=-100000 outstanding=0 credit=100000 overdue=0 open=0 oldest=- paid_through=2026-02
--- offline only
CloudAcct\ConflictException: 本所未开通在线支付，请联系会计线下缴费 (online payment is off: payment_mode offline_only)
reconcile: ok (1 clients)
collections summary = recount: true (1 rows)
