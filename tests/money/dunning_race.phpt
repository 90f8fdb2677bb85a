--TEST--
Dunning scheduler from three processes at once over 300 due bills: each (bill, step) is claimed, logged and queued exactly once
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; if (!function_exists('proc_open')) die('skip proc_open'); ?>
--FILE--
<?php
require __DIR__ . '/money.inc';
[$db, $store] = m_setup('money_dunrace');
$m = m_areas($store);
m_setting($db, 1, 'dunning_steps', [-3, 0, 3]);
m_setting($db, 1, 'dunning_quiet_from', 0);
m_setting($db, 1, 'dunning_quiet_to', 0);
m_bulk_plans($db, 1, 300);
$db->execute("INSERT INTO {contact} (uniacid, name, created_at, updated_at) SELECT uniacid, name, 0, 0 FROM {client} WHERE uniacid = 1 ORDER BY id");
$db->execute("INSERT INTO {client_contact} (uniacid, client_id, contact_id, created_at)"
    . " SELECT c.uniacid, c.id, t.id, 0 FROM {client} c JOIN {contact} t ON t.id - (SELECT MIN(id) FROM {contact}) = c.id - (SELECT MIN(id) FROM {client})");
m_freeze('2026-01-01 10:00:00');
$m->billing->run(m_system(), '2026-01');
$child = <<<'PHP'
<?php
require getenv('CA_INC');
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_money_dunrace']));
$d = new CloudAcct\Ledger\Dunning(new CloudAcct\Store($db, 1));
CloudAcct\Clock::freeze((int) $argv[2]);
while (microtime(true) < (float) $argv[1]) { usleep(200); }
$q = 0;
do { $r = $d->runDue(CloudAcct\Actor::system(), 7); $q += $r['queued']; } while ($r['queued'] + $r['skipped'] > 0);
echo $q;
PHP;
$file = sys_get_temp_dir() . '/ca_money_dunrace_' . getmypid() . '.php';
file_put_contents($file, $child);
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
foreach (['2026-01-12 10:00:00', '2026-01-15 10:00:00', '2026-01-20 10:00:00'] as $when) {
    $start = microtime(true) + 0.5;
    $procs = [];
    for ($k = 0; $k < 3; $k++) {
        $procs[] = proc_open('exec ' . ca_php_cmd(['cloudacct.clock_settable' => 1]) . ' ' . escapeshellarg($file) . " $start " . m_ts($when),
            [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes) ?: null;
        $pp[$k] = $pipes;
    }
    $total = 0;
    foreach ($procs as $k => $p) {
        $out = stream_get_contents($pp[$k][1]) . stream_get_contents($pp[$k][2]);
        proc_close($p);
        if (!is_numeric(trim($out))) { echo $out, "\n"; }
        $total += (int) $out;
    }
    $logs = $db->queryValue('SELECT COUNT(*) FROM {dunning_log}');
    $dups = $db->queryValue('SELECT COUNT(*) FROM (SELECT bill_id, step_key FROM {dunning_log} GROUP BY bill_id, step_key HAVING COUNT(*) > 1) d');
    $outbox = $db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE template = 'dunning_reminder'");
    echo substr($when, 0, 10), ": queued by the three $total, log rows $logs, duplicates $dups, outbox rows $outbox\n";
}
unlink($file);
ca_drop_db('money_dunrace');
?>
--EXPECT--
2026-01-12: queued by the three 300, log rows 300, duplicates 0, outbox rows 300
2026-01-15: queued by the three 300, log rows 600, duplicates 0, outbox rows 600
2026-01-20: queued by the three 300, log rows 900, duplicates 0, outbox rows 900
