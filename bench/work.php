<?php
/**
 * Work-engine benchmark (DESIGN §7, issue 3): the grab storm — W PHP processes each trying to grab
 * every one of N open jobs (in its own random order, starting together) through
 * CloudAcct\Work\Jobs::grab — and the cost of the job transitions in one process. Prints
 * "figure value" lines: winners, double assignments, counter mismatches, grab latency
 * p50/p99/max (ms) over every attempt, attempts per second; transitions per second.
 *
 *   php -n -d extension=modules/cloudacct.so bench/work.php [WORKERS=32] [JOBS=1000] [TRANSITIONS=2000]
 *
 * Needs the private MariaDB of dev/lib/mariadb.sh (CLOUDACCT_TEST_DB_* in the environment);
 * works in the throw-away database cloudacct_t_bench_work.
 */

declare(strict_types=1);

require __DIR__ . '/../tests/work/work.inc';

use CloudAcct\{Actor, Store};
use CloudAcct\Work\Jobs;

[$workers, $n, $transitions] = [(int) ($argv[1] ?? 32), (int) ($argv[2] ?? 1000), (int) ($argv[3] ?? 2000)];
$db = w_setup('bench_work');
$jobs = new Jobs(new Store($db, 1));
$admin = Actor::admin(1);
$client = w_client($db, 1);
$staff = [];
for ($i = 0; $i < $workers; $i++) {
    $staff[] = w_staff($db, 1, ['open_job_cap' => 1000000]);
}
$db->begin();
$ids = [];
for ($i = 0; $i < $n; $i++) {
    $ids[] = $jobs->create($admin, $client, ['title' => "抢单 $i"]);
}
$db->commit();

// ---- grab storm
putenv('CA_INC=' . realpath(__DIR__ . '/../tests/inc/config.inc'));
$list = tempnam(sys_get_temp_dir(), 'ca_bench_ids');
file_put_contents($list, implode(',', $ids));
$start = microtime(true) + 2.0 + $workers * 0.05;
$procs = $pipes = [];
foreach ($staff as $i => $s) {
    $procs[$i] = proc_open(ca_php_cmd() . ' ' . escapeshellarg(__DIR__ . '/../tests/work/grab_race.inc')
        . ' cloudacct_t_bench_work ' . $s . ' ' . sprintf('%.6f', $start) . ' "$(cat ' . escapeshellarg($list) . ')"',
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes[$i]);
}
$won = $lat = [];
$errors = 0;
foreach ($procs as $i => $p) {
    $out = stream_get_contents($pipes[$i][1]);
    $err = stream_get_contents($pipes[$i][2]);
    proc_close($p);
    $r = json_decode($out, true);
    if (!is_array($r)) {
        fwrite(STDERR, "worker $i: $out $err\n");
        $errors++;
        continue;
    }
    foreach ($r['won'] as $id) {
        $won[$id][] = $staff[$i];
    }
    $lat = array_merge($lat, $r['us']);
    $errors += count($r['errors']);
}
$wall = microtime(true) - $start;
unlink($list);
sort($lat);
$pct = fn(float $q) => $lat ? $lat[min(count($lat) - 1, (int) floor(count($lat) * $q))] / 1000 : 0;
printf("grab_workers %d\ngrab_jobs %d\ngrab_winners %d\ngrab_double_assignments %d\ngrab_errors %d\n", $workers, $n,
    count($won), count(array_filter($won, fn($w) => count($w) > 1)), $errors);
printf("grab_counter_mismatches %d\n", $db->queryValue("SELECT COUNT(*) FROM {staff} s WHERE s.open_jobs <>
    (SELECT COUNT(*) FROM {job} j WHERE j.assignee_id = s.id AND j.status = 'assigned')"));
printf("grab_p50_ms %.2f\ngrab_p99_ms %.2f\ngrab_max_ms %.2f\ngrab_attempts_per_s %d\n", $pct(0.5), $pct(0.99), end($lat) / 1000,
    count($lat) / max($wall, 0.001));

// ---- transitions in one process: start → ask client → client replied → complete (0 = skip)
if ($transitions === 0) {
    ca_drop_db('bench_work');
    exit(0);
}
$db->execute("UPDATE {job} SET status = 'open', assignee_id = 0, version = version + 1");
$db->execute('UPDATE {staff} SET open_jobs = 0');
$contact = w_contact($db, 1, $client);
$me = Actor::staff($staff[0]);
$cl = Actor::client($contact);
$db->execute('UPDATE {job} SET contact_id = ?', [$contact]);
$k = 0;
$t = hrtime(true);
foreach ($ids as $id) {
    if ($k >= $transitions) {
        break;
    }
    $jobs->grab($me, $id);
    $jobs->start($me, $id);
    $jobs->askClient($me, $id, '请补充资料');
    $jobs->clientReplied($cl, $id, '已补充');
    $jobs->complete($me, $id);
    $k += 5;
}
printf("transitions_per_s %d\n", $k / ((hrtime(true) - $t) / 1e9));
ca_drop_db('bench_work');
