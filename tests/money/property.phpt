--TEST--
Property: 2,000 random operations (billing runs and reruns, manual bills, offline and 微擎 payments with replays, credit notes, waivers, voids, reversals, refunds that succeed or fail) with a fixed seed; after every step the touched client reconciles (balance = sum of entries, credit, open bills, allocations), and a refused operation writes nothing
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/money.inc';
use CloudAcct\Actor;
[$db, $store] = m_setup('money_property');
$m = m_areas($store);
$admin = m_admin();
$sys = m_system();
mt_srand(20260101);
$clients = [];
$contacts = [];
for ($k = 0; $k < 6; $k++) {
    $c = m_client($db, 1, ['name' => "客户$k"]);
    $clients[] = $c;
    $contacts[$c] = Actor::client(m_contact($db, 1, $c));
}
m_freeze('2026-01-01 09:00:00');
$cycles = ['monthly', 'quarterly', 'half_yearly', 'yearly'];
foreach ($clients as $k => $c) {
    $m->plans->create($admin, $c, ['title' => '记账费', 'amount_fen' => mt_rand(1, 60000), 'cycle' => $cycles[$k % 4],
        'start' => '2026-0' . (1 + $k % 3), 'prepaid_periods' => $k === 5 ? 2 : 0]);
}
$period = 202601;
$periods = [];
$now = m_ts('2026-01-01 09:00:00');
$receipt = 0;
$stats = [];
$pick = fn(array $a) => $a[mt_rand(0, count($a) - 1)];
$refundable = function (int $c) use ($db) {
    return $db->query("SELECT id, channel, amount_fen - refunded_fen AS left_fen FROM {payment} WHERE client_id = ? AND status = 'posted'"
        . " AND channel IN ('offline', 'weengine') ORDER BY id", [$c]);
};
$ops = [
    'run' => function () use ($m, $sys, &$period, &$periods) {
        $p = sprintf('%04d-%02d', intdiv($period, 100), $period % 100);
        $m->billing->run($sys, $p, ['chunk' => mt_rand(1, 4)]);
        $periods[] = $p;
        $period = $period % 100 === 12 ? $period + 89 : $period + 1;
        return 0;
    },
    'rerun' => function () use ($m, $sys, &$periods, $pick) {
        if (!$periods) { return 0; }
        $r = $m->billing->run($sys, $pick($periods));
        if ($r['created_now'] !== 0) { throw new LogicException('a rerun created bills'); }
        return 0;
    },
    'issue' => function (int $c) use ($m, $admin) {
        $m->billing->issue($admin, $c, ['amount_fen' => mt_rand(1, 30000), 'title' => '杂费', 'due_date' => '2026-02-01',
            'key' => 'k' . mt_rand(1, 40)]);
        return $c;
    },
    'offline' => function (int $c) use ($m, $admin, $db, &$receipt) {
        $open = $db->query("SELECT id FROM {bill} WHERE client_id = ? AND status = 'open'", [$c]);
        $opt = $open && mt_rand(0, 1) ? ['bill_id' => $open[mt_rand(0, count($open) - 1)]['id']] : [];
        $no = mt_rand(0, 9) === 0 && $receipt > 0 ? 'R' . mt_rand(1, $receipt) : 'R' . ++$receipt;
        $m->payments->recordOffline($admin, $c, mt_rand(0, 20) === 0 ? -5 : mt_rand(1, 50000), $no, $opt);
        return $c;
    },
    'weengine' => function (int $c) use ($m, $sys, $contacts, $db) {
        $open = $db->query("SELECT id FROM {bill} WHERE client_id = ? AND status = 'open'", [$c]);
        $target = $open && mt_rand(0, 2) ? ['bill_id' => $open[mt_rand(0, count($open) - 1)]['id']] : ['amount_fen' => mt_rand(1, 40000)];
        $i = $m->payments->checkout($contacts[$c], $c, $target);
        $ret = ['tid' => $i['tid'], 'fee' => $i['fee'], 'from' => 'notify', 'result' => 'success', 'transaction_id' => 'T' . $i['tid']];
        foreach (range(0, mt_rand(0, 2)) as $_) { $m->payments->weengineResult($sys, $ret); }
        $m->payments->weengineResult($sys, ['from' => 'return'] + $ret);
        return $c;
    },
    'credit' => function (int $c) use ($m, $admin) {
        $m->accounts->credit($admin, $c, mt_rand(1, 5000), '优惠', 'cn' . mt_rand(1, 30));
        return $c;
    },
    'waive' => function (int $c) use ($m, $admin, $db) {
        $open = $db->query("SELECT id, amount_fen - paid_fen - waived_fen AS owed FROM {bill} WHERE client_id = ? AND status = 'open'", [$c]);
        if (!$open) { return $c; }
        $b = $open[mt_rand(0, count($open) - 1)];
        $m->billing->waive($admin, $b['id'], mt_rand(1, $b['owed'] + 100), '减免');
        return $c;
    },
    'cancel' => function (int $c) use ($m, $admin, $db) {
        $bills = $db->query('SELECT id FROM {bill} WHERE client_id = ?', [$c]);
        if ($bills) { $m->billing->cancel($admin, $bills[mt_rand(0, count($bills) - 1)]['id'], '作废'); }
        return $c;
    },
    'reverse' => function (int $c) use ($m, $admin, $db) {
        $e = $db->query("SELECT id FROM {ledger_entry} WHERE client_id = ? AND kind IN ('payment', 'adjustment', 'waiver', 'charge', 'reversal')", [$c]);
        if ($e) { $m->accounts->reverse($admin, $e[mt_rand(0, count($e) - 1)]['id'], '冲销'); }
        return $c;
    },
    'refund' => function (int $c) use ($m, $admin, $sys, $refundable) {
        $pays = $refundable($c);
        if (!$pays) { return $c; }
        $p = $pays[mt_rand(0, count($pays) - 1)];
        $amount = mt_rand(1, max(1, $p['left_fen'] + (mt_rand(0, 5) === 0 ? 1000 : 0)));
        $r = $m->payments->refund($admin, $p['id'], $amount, '退款');
        if ($p['channel'] === 'weengine') {
            $m->payments->weengineRefundResult($sys, ['refund_no' => $r['out_refund_no'], 'result' => mt_rand(0, 2) ? 'success' : 'fail']);
        }
        return $c;
    },
];
$names = array_keys($ops);
$weights = ['run' => 2, 'rerun' => 1, 'issue' => 2, 'offline' => 6, 'weengine' => 4, 'credit' => 2, 'waive' => 2, 'cancel' => 1,
    'reverse' => 2, 'refund' => 3];
$bag = [];
foreach ($weights as $n => $w) { $bag = array_merge($bag, array_fill(0, $w, $n)); }
$bad = 0;
for ($step = 1; $step <= 2000; $step++) {
    $now += mt_rand(600, 86400);
    CloudAcct\Clock::freeze($now);
    $op = $pick($bag);
    $c = $pick($clients);
    $before = $db->queryValue('SELECT COUNT(*) FROM {ledger_entry}') . '/' . $db->queryValue('SELECT COALESCE(SUM(balance_fen), 0) FROM {client_balance}');
    try {
        $touched = $ops[$op]($c);
        $stats[$op]['ok'] = ($stats[$op]['ok'] ?? 0) + 1;
    } catch (CloudAcct\ValidationException | CloudAcct\InvalidTransitionException | CloudAcct\ConflictException $e) {
        $stats[$op]['refused'] = ($stats[$op]['refused'] ?? 0) + 1;
        $after = $db->queryValue('SELECT COUNT(*) FROM {ledger_entry}') . '/' . $db->queryValue('SELECT COALESCE(SUM(balance_fen), 0) FROM {client_balance}');
        if ($after !== $before) { echo "step $step $op: refused but wrote ($before -> $after): ", $e->getMessage(), "\n"; $bad++; }
        $touched = $c;
    }
    $r = $m->accounts->reconcile($sys, $touched);
    if ($step % 100 === 0) {
        $r['mismatches'] = array_merge($r['mismatches'], $m->accounts->reconcile($sys)['mismatches']);
    }
    foreach ($r['mismatches'] as $mm) {
        echo "step $step $op client $touched: {$mm['check']} #{$mm['id']} expected {$mm['expected']} actual {$mm['actual']}\n";
        $bad++;
    }
    if ($bad > 5) { break; }
}
ksort($stats);
echo "steps: ", $step - 1, ", problems: $bad\n";
$total = 0;
foreach ($stats as $op => $s) { $total += ($s['ok'] ?? 0) + ($s['refused'] ?? 0); }
echo "operations: $total; every kind applied and refused at least once where it can be: ";
echo implode(' ', array_map(fn($op, $s) => $op . '(' . (($s['ok'] ?? 0) > 0 ? 'ok' : '-') . '/' . (($s['refused'] ?? 0) > 0 ? 'refused' : '-') . ')', array_keys($stats), $stats)), "\n";
$sum = $db->queryRow('SELECT (SELECT COALESCE(SUM(amount_fen), 0) FROM {ledger_entry}) AS entries, (SELECT COALESCE(SUM(balance_fen), 0) FROM {client_balance}) AS balances');
echo "all balances = all entries: ", var_export($sum['entries'] === $sum['balances'], true), "\n";
echo "ledger entries: ", $db->queryValue('SELECT COUNT(*) FROM {ledger_entry}'), ", payments: ", $db->queryValue('SELECT COUNT(*) FROM {payment}'), ", bills: ", $db->queryValue('SELECT COUNT(*) FROM {bill}'), "\n";
m_reconcile($m->accounts);
ca_drop_db('money_property');
?>
--EXPECT--
steps: 2000, problems: 0
operations: 2000; every kind applied and refused at least once where it can be: cancel(ok/refused) credit(ok/refused) issue(ok/-) offline(ok/refused) refund(ok/refused) rerun(ok/-) reverse(ok/refused) run(ok/-) waive(ok/refused) weengine(ok/-)
all balances = all entries: true
ledger entries: 1823, payments: 740, bills: 594
reconcile: ok (6 clients)
