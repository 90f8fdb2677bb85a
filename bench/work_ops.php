<?php
/**
 * Work-engine operations for the ratio benchmark (issue 3): each stage runs one order/job
 * operation over every item through the extension and prints "<operations> <seconds>". Run once
 * with -d cloudacct.db.trace=FILE, a stage's trace is what bench/replay.c (the bare C floor) and
 * bench/replay.php (PHP+PDO) replay from the same starting data; bench/run restores that data
 * between runs with the snapshot/restore commands here.
 *
 *   php work_ops.php setup N            fresh database cloudacct_t_bench_ops, N open jobs
 *   php work_ops.php stage NAME         grab|start|progress|ask|reply|complete|close|place|settle|cancel|pay
 *   php work_ops.php snapshot|restore K save / bring back every module table as snapshot K
 */

declare(strict_types=1);

require __DIR__ . '/../tests/work/work.inc';

use CloudAcct\{Actor, Store};
use CloudAcct\Work\{Catalog, Jobs, Orders};

const STAGES = ['grab', 'start', 'progress', 'ask', 'reply', 'complete', 'close', 'place', 'settle', 'cancel', 'pay'];
$state = sys_get_temp_dir() . '/cloudacct-bench-ops.json';
$cmd = $argv[1] ?? '';

$opts = ca_options(['database' => 'cloudacct_t_bench_ops']);

if ($cmd === 'setup') {
    $n = (int) ($argv[2] ?? 1000);
    $db = ca_db('bench_ops');
    CloudAcct\Db\Schema::migrate($db);
    $client = w_client($db, 1);
    $s = [
        'staff' => w_staff($db, 1, ['open_job_cap' => 1000000]),
        'contact' => w_contact($db, 1, $client),
        'client' => $client,
        'service' => (new Catalog(new Store($db, 1)))->createService(Actor::admin(1),
            ['title' => '营业执照办理', 'price_fen' => 50000, 'on_sale' => true]),
        'jobs' => [], 'orders' => [],
    ];
    $jobs = new Jobs(new Store($db, 1));
    $db->transaction(function () use ($jobs, $client, $n, &$s) {
        for ($i = 0; $i < $n; $i++) {
            $s['jobs'][] = $jobs->create(Actor::admin(1), $client, ['title' => "代办事项 $i"]);
        }
    });
    $db->execute('UPDATE {job} SET contact_id = ?', [$s['contact']]);
    // N more companies with a monthly fee and the bill of 2026-01 each: what 'pay' posts against
    $db->execute("INSERT INTO {client} (uniacid, name, created_at, updated_at) SELECT 1, CONCAT('企业', seq), 0, 0 FROM seq_1_to_$n");
    $db->execute("INSERT INTO {fee_plan} (uniacid, client_id, title, cycle, start_period, created_at, updated_at)"
        . " SELECT 1, id, '代理记账费', 'monthly', 202601, 0, 0 FROM {client} WHERE uniacid = 1 AND id > ?", [$client]);
    $db->execute("INSERT INTO {plan_price} (uniacid, plan_id, effective_from, amount_fen, created_at)"
        . " SELECT 1, id, 202601, 30000, 0 FROM {fee_plan} WHERE uniacid = 1");
    (new CloudAcct\Ledger\Billing(new Store($db, 1)))->run(Actor::system(), '2026-01');
    $s['payers'] = array_map('intval', array_column($db->query('SELECT id FROM {client} WHERE uniacid = 1 AND id > ? ORDER BY id', [$client]), 'id'));
    file_put_contents($state, json_encode($s));
    exit(0);
}

if ($cmd === 'snapshot' || $cmd === 'restore') {
    $db = ca_root();
    $tables = array_map(fn($r) => $r['TABLE_NAME'], $db->query("SELECT TABLE_NAME FROM information_schema.TABLES"
        . " WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE 'ims\\_cloudacct\\_%'", [$opts['database']]));
    $snap = 'cloudacct_t_bench_snap' . (int) $argv[2];
    $live = $opts['database'];
    if ($cmd === 'snapshot') {
        $db->execute("DROP DATABASE IF EXISTS $snap");
        $db->execute("CREATE DATABASE $snap");
    }
    foreach ($tables as $t) {
        if ($cmd === 'snapshot') {
            $db->execute("CREATE TABLE $snap.$t LIKE $live.$t");
            $db->execute("INSERT INTO $snap.$t SELECT * FROM $live.$t");
        } else {
            $db->execute("TRUNCATE TABLE $live.$t");
            $db->execute("INSERT INTO $live.$t SELECT * FROM $snap.$t");
        }
    }
    exit(0);
}

if ($cmd !== 'stage' || !in_array($argv[2] ?? '', STAGES, true)) {
    fwrite(STDERR, "usage: see the header of " . __FILE__ . "\n");
    exit(2);
}
$db = new CloudAcct\Db\Connection($opts);
$s = json_decode(file_get_contents($state), true);
$store = new Store($db, 1);
$jobs = new Jobs($store);
$orders = new Orders($store);
$payments = new CloudAcct\Ledger\Payments($store);
$admin = Actor::admin(1, '127.0.0.1');
[$staff, $client, $system] = [Actor::staff($s['staff']), Actor::client($s['contact']), Actor::system()];
$half = fn(int $parity) => array_values(array_filter($s['orders'], fn($k) => $k % 2 === $parity, ARRAY_FILTER_USE_KEY));
$run = match ($argv[2]) {
    'grab' => [$s['jobs'], fn($id) => $jobs->grab($staff, $id)],
    'start' => [$s['jobs'], fn($id) => $jobs->start($staff, $id)],
    'progress' => [$s['jobs'], fn($id) => $jobs->addProgress($staff, $id, '已提交材料，等待审核')],
    'ask' => [$s['jobs'], fn($id) => $jobs->askClient($staff, $id, '请补充法人身份证复印件')],
    'reply' => [$s['jobs'], fn($id) => $jobs->clientReplied($client, $id, '已上传')],
    'complete' => [$s['jobs'], fn($id) => $jobs->complete($staff, $id, '办理完毕')],
    'close' => [$s['jobs'], fn($id) => $jobs->close($client, $id)],
    'place' => [range(1, count($s['jobs'])), fn($i) => $orders->place($client, $s['client'], $s['service'], ['title' => "注册 $i"])['id']],
    'settle' => [$half(0), fn($id) => $orders->settle($system, $id, 50000, 'weengine', "T$id")],
    'cancel' => [$half(1), fn($id) => $orders->cancel($client, $id, '不需要了')],
    'pay' => [$s['payers'], fn($id) => $payments->recordOffline($admin, $id, 30000, "XJ$id")],
};
[$items, $op] = $run;
$out = [];
$t = hrtime(true);
foreach ($items as $item) {
    $out[] = $op($item);
}
$secs = (hrtime(true) - $t) / 1e9;
if ($argv[2] === 'place' && !$s['orders']) {
    $s['orders'] = $out;
    file_put_contents($state, json_encode($s));
}
printf("%d %.6f\n", count($items), $secs);
