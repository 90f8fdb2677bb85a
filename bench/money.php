<?php
/**
 * Money benchmark (DESIGN §7, issue 4) on scale data: CLIENTS client companies with a monthly fee
 * plan and PERIODS months of history generated in SQL (bills, their charges, a payment with its
 * allocation for every paid bill, the per-client summaries) — about 5,000,000 ledger entries at
 * the defaults — then, through the extension: the arrears list (first page, by store, by
 * accountant, 90+ days; every 10th client owes), the billing run of the next month for every
 * client (and its rerun, which must create nothing) and offline payment posting. A sample of clients is reconciled (every
 * balance equals the sum of its entries) and every statement of those operations is
 * EXPLAIN-checked for full scans. Prints "figure value" lines for bench/run.
 *
 *   php -n -d extension=modules/cloudacct.so bench/money.php [CLIENTS=100000] [PERIODS=25]
 *
 * Needs the private MariaDB of dev/lib/mariadb.sh (CLOUDACCT_TEST_DB_* in the environment); uses
 * MariaDB's seq_1_to_N tables. Works in the throw-away database cloudacct_t_bench_money.
 */

declare(strict_types=1);

require __DIR__ . '/../tests/inc/config.inc';
require __DIR__ . '/explain.inc';

use CloudAcct\{Actor, Store};
use CloudAcct\Ledger\{Accounts, Billing, Payments, Reports};

[$clients, $periods] = [(int) ($argv[1] ?? 100000), (int) ($argv[2] ?? 25)];
$child = ($argv[3] ?? '') === '--trace-ops';
$db = $child ? new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_bench_money'])) : ca_db('bench_money');
$store = new Store($db, 1);
$admin = Actor::admin(1, '127.0.0.1');
$median = function (callable $f, int $n = 21): float {
    $t = [];
    for ($i = 0; $i < $n; $i++) {
        $s = hrtime(true);
        $f();
        $t[] = (hrtime(true) - $s) / 1e6;
    }
    sort($t);
    return $t[intdiv($n, 2)];
};
$arrears = [
    'all' => [], 'store' => ['store_id' => 2], 'accountant' => ['accountant_id' => 5], 'aging_90_plus' => ['aging' => '90_plus'],
];

if ($child) {
    // run once under cloudacct.db.trace: the statements the EXPLAIN check looks at
    $reports = new Reports($store);
    foreach ($arrears as $filter) {
        $reports->arrears($admin, $filter, 1, 20);
        $reports->arrears($admin, $filter, 50, 20);
    }
    (new Accounts($store))->summary($admin, 4321);
    (new Accounts($store))->entries($admin, 4321, 1, 20);
    (new Billing($store))->bills($admin, 4321, ['status' => 'open']);
    (new Payments($store))->recordOffline($admin, 4322, 30000, 'BENCH-EXPLAIN');
    (new Billing($store))->run(Actor::system(), '2026-01', ['chunk' => 5000]);
    exit(0);
}

// ---- scale data, in SQL
CloudAcct\Db\Schema::migrate($db);
$t0 = microtime(true);
$db->execute("INSERT INTO {store} (uniacid, name, created_at, updated_at) VALUES (1, '东城店', 0, 0), (1, '西城店', 0, 0), (1, '南城店', 0, 0)");
$db->execute("INSERT INTO {staff} (uniacid, store_id, name, created_at, updated_at) SELECT 1, 1 + seq % 3, CONCAT('会计', seq), 0, 0 FROM seq_1_to_12");
$db->execute("INSERT INTO {client} (uniacid, name, store_id, accountant_id, created_at, updated_at)"
    . " SELECT 1, CONCAT('企业', seq), 1 + seq % 3, 1 + seq % 12, 0, 0 FROM seq_1_to_$clients");
$first = 202601 - 100 * intdiv($periods + 11, 12) + (12 - ($periods - 1) % 12) % 12; // PERIODS months ending 2025-12
$months = [];
for ($y = intdiv($first, 100), $m = $first % 100, $i = 0; $i < $periods; $i++) {
    // due dates are YYYYMMDD (as cloudacct_bill_due_date() makes them), the other times Unix seconds
    $months[] = [$y * 100 + $m, $y * 10000 + $m * 100 + 15,
        (new DateTimeImmutable(sprintf('%04d-%02d-15', $y, $m), new DateTimeZone('Asia/Shanghai')))->getTimestamp()];
    [$y, $m] = $m === 12 ? [$y + 1, 1] : [$y, $m + 1];
}
$db->execute("INSERT INTO {fee_plan} (uniacid, client_id, title, cycle, start_period, paid_through, created_at, updated_at)"
    . " SELECT 1, id, '代理记账费', 'monthly', ?, 0, 0, 0 FROM {client} WHERE uniacid = 1", [$months[0][0]]);
$db->execute("INSERT INTO {plan_price} (uniacid, plan_id, effective_from, amount_fen, created_at)"
    . " SELECT 1, id, ?, 30000, 0 FROM {fee_plan} WHERE uniacid = 1", [$months[0][0]]);
foreach ($months as $idx => [$period, $due, $dueTs]) {
    // every 10th client owes the last 2 months, every 50th the last 6
    $db->execute("INSERT INTO {bill} (uniacid, client_id, plan_id, period, period_to, title, amount_fen, paid_fen, status,"
        . " due_date, created_at, settled_at)"
        . " SELECT 1, client_id, id, ?, ?, '代理记账费', 30000, IF(o, 0, 30000), IF(o, 'open', 'paid'), ?, ?, IF(o, 0, ?)"
        . " FROM (SELECT client_id, id, (client_id % 50 = 0 AND ? >= ?) OR (client_id % 10 = 0 AND ? >= ?) AS o"
        . "   FROM {fee_plan} WHERE uniacid = 1) f ORDER BY client_id",
        [$period, $period, $due, $dueTs - 20 * 86400, $dueTs - 86400, $idx, $periods - 6, $idx, $periods - 2]);
    $db->execute("INSERT INTO {ledger_entry} (uniacid, client_id, kind, amount_fen, bill_id, period, actor_kind, created_at)"
        . " SELECT 1, client_id, 'charge', amount_fen, id, period, 'system', created_at FROM {bill}"
        . " WHERE uniacid = 1 AND period = ? ORDER BY id", [$period]);
    $db->execute("INSERT INTO {payment} (uniacid, client_id, channel, external_id, amount_fen, allocated_fen, method,"
        . " target_kind, target_id, period, paid_at, recorded_by_kind, recorded_by_id, created_at)"
        . " SELECT 1, client_id, 'offline', CONCAT('gen-', id), amount_fen, amount_fen, 'transfer', 'bill', id, period,"
        . " settled_at, 'staff', 1 + client_id % 12, settled_at FROM {bill} WHERE uniacid = 1 AND period = ? AND status = 'paid' ORDER BY id",
        [$period]);
    $db->execute("INSERT INTO {allocation} (uniacid, client_id, payment_id, bill_id, amount_fen, created_at)"
        . " SELECT 1, client_id, id, target_id, amount_fen, created_at FROM {payment} WHERE uniacid = 1 AND period = ? ORDER BY id", [$period]);
    $db->execute("INSERT INTO {ledger_entry} (uniacid, client_id, kind, amount_fen, payment_id, period, actor_kind, actor_id, created_at)"
        . " SELECT 1, client_id, 'payment', -amount_fen, id, period, 'staff', recorded_by_id, created_at FROM {payment}"
        . " WHERE uniacid = 1 AND period = ? ORDER BY id", [$period]);
}
// the per-client summaries, 10,000 clients a statement (each stays well inside the read timeout)
for ($lo = 1; $lo <= $clients; $lo += 10000) {
    $db->execute("INSERT INTO {client_balance} (uniacid, client_id, balance_fen, outstanding_fen, open_bills, oldest_open_due,"
        . " paid_through, entries, updated_at)"
        . " SELECT 1, client_id, SUM(IF(status = 'open', amount_fen, 0)), SUM(IF(status = 'open', amount_fen, 0)), SUM(status = 'open'),"
        . " COALESCE(MIN(IF(status = 'open', due_date, NULL)), 0), COALESCE(MAX(IF(status = 'paid', period, NULL)), 0),"
        . " COUNT(*) + SUM(status = 'paid'), 0 FROM {bill} WHERE uniacid = 1 AND client_id BETWEEN ? AND ? GROUP BY client_id",
        [$lo, $lo + 9999]);
    // the company's store and accountant, copied on its summary as the extension keeps them (migration 12)
    $db->execute("UPDATE {client_balance} b JOIN {client} c ON c.id = b.client_id AND c.uniacid = b.uniacid"
        . " SET b.store_id = c.store_id, b.accountant_id = c.accountant_id WHERE b.uniacid = 1 AND b.client_id BETWEEN ? AND ?",
        [$lo, $lo + 9999]);
    $db->execute("UPDATE {fee_plan} f JOIN {client_balance} b ON b.client_id = f.client_id AND b.uniacid = f.uniacid"
        . " SET f.paid_through = b.paid_through WHERE f.uniacid = 1 AND f.client_id BETWEEN ? AND ?", [$lo, $lo + 9999]);
}
printf("money_scale_clients %d\nmoney_scale_ledger_entries %d\nmoney_scale_generate_s %.1f\n", $clients,
    $db->queryValue('SELECT COUNT(*) FROM {ledger_entry}'), microtime(true) - $t0);

// the generated history obeys the ledger's rules: reconcile a sample of clients
$acc = new Accounts($store);
$mismatches = 0;
foreach (array_merge(range(1, 50), range(max(1, $clients - 49), $clients)) as $c) {
    $mismatches += count($acc->reconcile($admin, $c)['mismatches']);
}
printf("money_scale_reconcile_mismatches %d\n", $mismatches);

// ---- arrears list at this size, before the next month is billed: every 10th client owes (2 or 6 months)
$reports = new Reports($store);
foreach ($arrears as $name => $filter) {
    $total = $reports->arrears($admin, $filter, 1, 20)['total'];
    if ($total === 0) {
        fwrite(STDERR, "bench/money.php: the arrears list $name is empty: the generated history is not what the product reads\n");
        exit(1);
    }
    printf("money_arrears_%s_ms %.2f\nmoney_arrears_%s_clients %d\n", $name, $median(fn() => $reports->arrears($admin, $filter, 1, 20)),
        $name, $total);
}

// ---- billing run of the next month for every client, and its rerun
$billing = new Billing($store);
$t = microtime(true);
$r = $billing->run(Actor::system(), '2026-01', ['chunk' => 5000]);
printf("money_billing_run_s %.2f\nmoney_billing_bills_created %d\n", microtime(true) - $t, $r['bills_created']);
$t = microtime(true);
$r = $billing->run(Actor::system(), '2026-01', ['chunk' => 5000]);
printf("money_billing_rerun_s %.2f\nmoney_billing_rerun_created %d\n", microtime(true) - $t, $r['created_now']);

// ---- offline payment posting (oldest bill first, receipt, ledger, summary) for clients that owe
$payments = new Payments($store);
$who = array_values(array_filter(range(1, min($clients, 3000)), fn($c) => $c % 10 !== 0));
$t = microtime(true);
foreach ($who as $i => $c) {
    $payments->recordOffline($admin, $c, 30000, "BENCH-$i");
}
printf("money_payments_per_s %d\n", count($who) / (microtime(true) - $t));
$mismatches = 0;
foreach (array_slice($who, 0, 100) as $c) {
    $mismatches += count($acc->reconcile($admin, $c)['mismatches']);
}
printf("money_after_payments_reconcile_mismatches %d\n", $mismatches);

// ---- EXPLAIN every statement these operations issue, on this data
$trace = tempnam(sys_get_temp_dir(), 'ca_money_trace');
putenv('CA_INC=' . realpath(__DIR__ . '/../tests/inc/config.inc'));
passthru(ca_php_cmd(['cloudacct.db.trace' => $trace]) . ' ' . escapeshellarg(__FILE__) . " $clients $periods --trace-ops");
$x = bench_explain_trace($db, $trace);
unlink($trace);
printf("money_explain_statements %d\nmoney_explain_full_scans %d\n", $x['statements'], count($x['findings']));
foreach ($x['findings'] as $f) {
    fwrite(STDERR, "full scan: $f\n");
}
