--TEST--
微擎 pay path under concurrency: 6 processes replay the notify while 2 send the return echo, all at once: exactly one payment, one receipt, one allocation
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; if (!function_exists('proc_open')) die('skip proc_open'); ?>
--FILE--
<?php
require __DIR__ . '/money.inc';
use CloudAcct\Actor;
[$db, $store] = m_setup('money_race');
$m = m_areas($store);
$a = m_client($db, 1);
$ca = m_contact($db, 1, $a);
$m->plans->create(m_admin(), $a, ['title' => '记账费', 'amount_fen' => 30000, 'cycle' => 'monthly', 'start' => '2026-01']);
$m->billing->run(m_system(), '2026-01');
$bill = $m->billing->bills(m_admin(), $a)['items'][0]['id'];
$i = $m->payments->checkout(Actor::client($ca), $a, ['bill_id' => $bill]);

$child = <<<'PHP'
<?php
require getenv('CA_INC');
[$from, $start, $tid] = [$argv[1], (float) $argv[2], $argv[3]];
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_money_race']));
$p = new CloudAcct\Ledger\Payments(new CloudAcct\Store($db, 1));
while (microtime(true) < $start) { usleep(200); }
$out = [];
for ($k = 0; $k < 5; $k++) {
    $r = $p->weengineResult(CloudAcct\Actor::system(), ['tid' => $tid, 'fee' => '300.00', 'from' => $from,
        'result' => 'success', 'transaction_id' => '4200000009', 'user' => 'o1']);
    $out[] = $r['status'];
}
echo implode(',', $out);
PHP;
$file = sys_get_temp_dir() . '/ca_money_race_' . getmypid() . '.php';
file_put_contents($file, $child);
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
$start = microtime(true) + 1.0;
$procs = [];
foreach (['notify', 'return', 'notify', 'notify', 'return', 'notify', 'notify', 'notify'] as $from) {
    $cmd = ca_php_cmd() . ' ' . escapeshellarg($file) . " $from $start " . escapeshellarg($i['tid']);
    $procs[] = [$from, proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes), $pipes];
}
$tally = [];
foreach ($procs as [$from, $proc, $pipes]) {
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    proc_close($proc);
    foreach (explode(',', trim($out)) as $st) {
        $tally["$from:$st"] = ($tally["$from:$st"] ?? 0) + 1;
    }
}
unlink($file);
ksort($tally);
foreach ($tally as $k => $n) { echo "$k x$n\n"; }
echo m_counts($db), "\n";
echo "receipts: ", $db->queryValue('SELECT COUNT(DISTINCT receipt_no) FROM {payment}'), "\n";
m_summary($m->accounts, $a);
m_reconcile($m->accounts);
ca_drop_db('money_race');
?>
--EXPECT--
notify:already_settled x29
notify:settled x1
return:return_ignored x10
bill=1 ledger_entry=2 payment=1 allocation=1 refund=0
receipts: 1
balance=0 outstanding=0 credit=0 overdue=0 open=0 oldest=- paid_through=2026-01
reconcile: ok (1 clients)
