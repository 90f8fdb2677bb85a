--TEST--
Quality\Ratings::rate from 4 PHP processes (contacts of the same company) over the same 20 jobs: exactly one rating per job (unique key), the others told it is rated, aggregates equal the ratings
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/quality.inc';
use CloudAcct\Store;
const WORKERS = 4, JOBS = 20;
$db = w_setup('quality_rate_race');
$store = new Store($db, 1);
$client = w_client($db, 1);
$staff = [w_staff($db, 1, ['open_job_cap' => 1000]), w_staff($db, 1, ['open_job_cap' => 1000])];
$contacts = [];
for ($i = 0; $i < WORKERS; $i++) {
    $contacts[] = w_contact($db, 1, $client);
}
$ids = [];
for ($i = 0; $i < JOBS; $i++) {
    $ids[] = q_job($store, $client, $staff[$i % 2]);
}
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
$start = sprintf('%.6f', microtime(true) + (getenv('USE_ZEND_ALLOC') === '0' ? 10.0 : 1.0));
$procs = $pipes = [];
foreach ($contacts as $i => $c) {
    $cmd = ca_php_cmd() . ' ' . escapeshellarg(__DIR__ . '/rate_race.inc') . ' cloudacct_t_quality_rate_race ' . $c . ' '
        . $start . ' ' . implode(',', $ids);
    $procs[$i] = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes[$i]);
}
$rated = [];
$conflicts = 0;
foreach ($procs as $i => $p) {
    $raw = stream_get_contents($pipes[$i][1]) . stream_get_contents($pipes[$i][2]);
    proc_close($p);
    $r = json_decode($raw, true);
    if (!is_array($r)) {
        echo "worker $i: $raw\n";
        continue;
    }
    foreach ($r['rated'] as $id) {
        $rated[$id][] = $contacts[$i];
    }
    $conflicts += $r['conflicts'];
    foreach ($r['errors'] as $e) {
        echo "worker $i error: $e\n";
    }
}
echo "jobs rated: ", count($rated), "\n";
echo "jobs rated more than once: ", count(array_filter($rated, fn($w) => count($w) > 1)), "\n";
echo "told it was rated: ", $conflicts, " of ", WORKERS * JOBS - JOBS, "\n";
echo "rating rows: ", $db->queryValue('SELECT COUNT(*) FROM {rating}'), "\n";
// each rating row is by the contact that was told it won
$agree = true;
foreach ($db->query('SELECT job_id, contact_id FROM {rating}') as $row) {
    $agree = $agree && ($rated[$row['job_id']] ?? []) === [$row['contact_id']];
}
echo "rows agree with the winners: ", json_encode($agree), "\n";
// the aggregates equal what the ratings say, per staff member
$want = $db->query('SELECT staff_id, COUNT(*) AS ratings, SUM(overall = \'good\') AS good, SUM(overall = \'neutral\') AS neutral,'
    . ' SUM(overall = \'bad\') AS bad, SUM(value_x100) AS value_sum FROM {rating} GROUP BY staff_id ORDER BY staff_id');
$got = $db->query('SELECT staff_id, ratings, good, neutral, bad, value_sum FROM {staff_rating} ORDER BY staff_id');
echo "aggregates equal the ratings: ", json_encode(array_map(fn($r) => array_map('intval', $r), $want) === array_map(fn($r) => array_map('intval', $r), $got)), "\n";
echo "dimension counts: ", json_encode(array_map('intval', array_column($db->query('SELECT SUM(score_count) AS n FROM {staff_rating_dim} GROUP BY dimension ORDER BY dimension'), 'n'))), "\n";
?>
--CLEAN--
<?php require __DIR__ . '/../inc/config.inc'; ca_drop_db('quality_rate_race'); ?>
--EXPECT--
jobs rated: 20
jobs rated more than once: 0
told it was rated: 60 of 60
rating rows: 20
rows agree with the winners: true
aggregates equal the ratings: true
dimension counts: [20,20,20]
