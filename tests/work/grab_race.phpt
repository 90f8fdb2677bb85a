--TEST--
Work\Jobs::grab from 6 PHP processes over the same 50 jobs: exactly one winner per job, every loser told "已被抢走", counters equal the real counts, one history row per claim
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Work\Jobs;
const WORKERS = 6, JOBS = 50;
$db = w_setup('work_grab_race');
$jobs = new Jobs(new Store($db, 1));
$client = w_client($db, 1);
$staff = [];
for ($i = 0; $i < WORKERS; $i++) {
    $staff[] = w_staff($db, 1, ['open_job_cap' => 1000]);
}
$ids = [];
for ($i = 0; $i < JOBS; $i++) {
    $ids[] = $jobs->create(Actor::admin(1), $client, ['title' => "工单 $i"]);
}
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
// children run under valgrind in the leak lane and start slowly: give them time to line up
$start = sprintf('%.6f', microtime(true) + (getenv('USE_ZEND_ALLOC') === '0' ? 10.0 : 1.0));
$procs = $pipes = [];
foreach ($staff as $i => $s) {
    $cmd = ca_php_cmd() . ' ' . escapeshellarg(__DIR__ . '/grab_race.inc') . ' cloudacct_t_work_grab_race ' . $s . ' '
        . $start . ' ' . implode(',', $ids);
    $procs[$i] = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes[$i]);
}
$won = [];
$taken = 0;
$lat = [];
foreach ($procs as $i => $p) {
    $raw = stream_get_contents($pipes[$i][1]) . stream_get_contents($pipes[$i][2]);
    proc_close($p);
    $r = json_decode($raw, true);
    if (!is_array($r)) {
        echo "worker $i: $raw\n";
        continue;
    }
    foreach ($r['won'] as $id) {
        $won[$id][] = $staff[$i];
    }
    $taken += $r['taken'];
    $lat = array_merge($lat, $r['us']);
    foreach ($r['errors'] as $e) {
        echo "worker $i error: $e\n";
    }
}
ksort($won);
echo "jobs with a winner: ", count($won), "\n";
echo "jobs with more than one winner: ", count(array_filter($won, fn($w) => count($w) > 1)), "\n";
echo "losers told it was taken: ", $taken, " of ", WORKERS * JOBS - JOBS, "\n";
// the database agrees with what each worker was told
$rows = $db->query("SELECT id, status, assignee_id FROM {job} ORDER BY id");
$agree = true;
foreach ($rows as $r) {
    $agree = $agree && $r['status'] === 'assigned' && ($won[$r['id']] ?? []) === [$r['assignee_id']];
}
var_dump($agree);
echo "grab history rows: ", $db->queryValue("SELECT COUNT(*) FROM {job_history} WHERE event = 'grab'"), "\n";
echo "staff whose open_jobs differs from their assigned jobs: ", $db->queryValue("SELECT COUNT(*) FROM {staff} s
    WHERE s.open_jobs <> (SELECT COUNT(*) FROM {job} j WHERE j.assignee_id = s.id AND j.status = 'assigned')"), "\n";
echo "sum of open_jobs: ", $db->queryValue('SELECT SUM(open_jobs) FROM {staff}'), "\n";
sort($lat);
if (getenv('CA_RACE_STATS')) {
    fprintf(STDERR, "grabs %d, p50 %d us, p99 %d us, max %d us\n", count($lat), $lat[intdiv(count($lat), 2)],
        $lat[(int) floor(count($lat) * 0.99)], end($lat));
}
ca_drop_db('work_grab_race');
?>
--EXPECT--
jobs with a winner: 50
jobs with more than one winner: 0
losers told it was taken: 250 of 250
bool(true)
grab history rows: 50
staff whose open_jobs differs from their assigned jobs: 0
sum of open_jobs: 50
