--TEST--
Billing run killed with SIGKILL halfway, then rerun: committed chunks stay whole, the rest is billed once, a further rerun inserts nothing; four processes billing the same period at once create every bill exactly once
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; if (!function_exists('proc_open')) die('skip proc_open'); ?>
--FILE--
<?php
require __DIR__ . '/money.inc';
[$db, $store] = m_setup('money_killed');
$m = m_areas($store);
m_bulk_plans($db, 1, 3000);
$check = function (string $period) use ($db) {
    $p = (int) str_replace('-', '', $period);
    $bills = $db->queryValue('SELECT COUNT(*) FROM {bill} WHERE period = ?', [$p]);
    $charges = $db->queryValue("SELECT COUNT(*) FROM {ledger_entry} e JOIN {bill} b ON b.id = e.bill_id WHERE e.kind = 'charge' AND b.period = ?", [$p]);
    $dups = $db->queryValue('SELECT COUNT(*) FROM (SELECT client_id FROM {bill} WHERE period = ? GROUP BY client_id HAVING COUNT(*) > 1) d', [$p]);
    $doubled = $db->queryValue("SELECT COUNT(*) FROM (SELECT bill_id FROM {ledger_entry} WHERE kind = 'charge' GROUP BY bill_id HAVING COUNT(*) > 1) d");
    return "bills=$bills charges=$charges duplicate_bills=$dups doubled_charges=$doubled";
};
$child = <<<'PHP'
<?php
require getenv('CA_INC');
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_money_killed']));
$billing = new CloudAcct\Ledger\Billing(new CloudAcct\Store($db, 1));
if ($argv[1] === 'whole') {
    echo "started\n";
    $billing->run(CloudAcct\Actor::system(), '2026-01', ['chunk' => 10]);
    echo "finished\n";
    exit;
}
$start = (float) $argv[2];
while (microtime(true) < $start) { usleep(200); }
$created = 0; $busy = 0;
do {
    $r = $billing->run(CloudAcct\Actor::system(), '2026-02', ['chunk' => 100]);
    $created += $r['created_now'];
    if ($r['busy']) { $busy++; usleep(20000); }
} while ($r['status'] !== 'done');
echo "$created $busy";
PHP;
$file = sys_get_temp_dir() . '/ca_money_killed_' . getmypid() . '.php';
file_put_contents($file, $child);
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));

echo "--- kill -9 in the middle of the run\n";
$watch = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_money_killed', 'persistent' => false]));
$proc = proc_open('exec ' . ca_php_cmd() . ' ' . escapeshellarg($file) . ' whole', [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
fgets($pipes[1]);
$t0 = microtime(true);
while (microtime(true) - $t0 < 60) {
    $done = (int) $watch->queryValue('SELECT plans_done FROM {billing_run} WHERE period = 202601');
    if ($done >= 1000) { break; }
    usleep(500);
}
proc_terminate($proc, 9);
$rest = stream_get_contents($pipes[1]);
proc_close($proc);
echo "child finished: ", var_export(str_contains($rest, 'finished'), true), "\n";
$run = $m->billing->progress(m_admin(), '2026-01');
$done = $run['plans_done'];
echo "after the kill: status {$run['status']}, plans_done a whole number of chunks: ", var_export($done % 10 === 0 && $done >= 1000 && $done < 3000, true), "\n";
echo "bills = plans done: ", var_export((int) $db->queryValue('SELECT COUNT(*) FROM {bill}') === $run['bills_created'] && $run['bills_created'] === $done, true), "\n";
m_reconcile($m->accounts, 0, false);
echo "--- a rerun while the dead process still holds the lease is told so\n";
$r = $m->billing->run(m_system(), '2026-01');
echo "busy=", var_export($r['busy'], true), " created_now={$r['created_now']}\n";
echo "--- once the lease has run out the rerun finishes the job\n";
CloudAcct\Clock::freeze(time() + 600);
$r = $m->billing->run(m_system(), '2026-01');
echo "{$r['status']} created_now = the rest: ", var_export($r['created_now'] === 3000 - $done, true), " total {$r['bills_created']}\n";
echo $check('2026-01'), "\n";
$r = $m->billing->run(m_system(), '2026-01');
echo "rerun: {$r['status']} created_now={$r['created_now']} total={$r['bills_created']}\n";
echo $check('2026-01'), "\n";
m_reconcile($m->accounts);
CloudAcct\Clock::release();

echo "--- four processes bill 2026-02 at the same time\n";
$start = microtime(true) + 1.0;
$procs = [];
for ($k = 0; $k < 4; $k++) {
    $proc = proc_open(ca_php_cmd() . ' ' . escapeshellarg($file) . " race $start", [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $procs[] = [$proc, $pipes];
}
$total = 0;
foreach ($procs as [$proc, $pipes]) {
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    proc_close($proc);
    $created = explode(' ', trim($out))[0];
    if (!is_numeric($created)) { echo $out, "\n"; }
    $total += (int) $created;
}
unlink($file);
echo "created by the four together: $total\n";
echo $check('2026-02'), "\n";
m_reconcile($m->accounts);
ca_drop_db('money_killed');
?>
--EXPECT--
--- kill -9 in the middle of the run
child finished: false
after the kill: status running, plans_done a whole number of chunks: true
bills = plans done: true
reconcile: ok
--- a rerun while the dead process still holds the lease is told so
busy=true created_now=0
--- once the lease has run out the rerun finishes the job
done created_now = the rest: true total 3000
bills=3000 charges=3000 duplicate_bills=0 doubled_charges=0
rerun: done created_now=0 total=3000
bills=3000 charges=3000 duplicate_bills=0 doubled_charges=0
reconcile: ok (3000 clients)
--- four processes bill 2026-02 at the same time
created by the four together: 3000
bills=3000 charges=3000 duplicate_bills=0 doubled_charges=0
reconcile: ok (3000 clients)
