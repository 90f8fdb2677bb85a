<?php
/**
 * Quality benchmark (issues 5 and 8) on the data of bench/quality_data.php: 500 staff in 5 stores,
 * 10,000 companies and 10,000,000 ratings (one per closed job) with the per-staff aggregates built
 * from them. bench/quality.sh generates or restores that database and runs this on it:
 *
 *   php -n -d extension=modules/cloudacct.so bench/quality.php DATABASE [ROUNDS=300]
 *
 * Connects as the test user (CLOUDACCT_TEST_DB_* of dev/lib/mariadb.sh) and migrates DATABASE up
 * first (data cached at an older schema). It then
 *  - checks the aggregates against the rows: Σ {staff_rating}.ratings = the rating rows, and for a
 *    sample of 20 employees every aggregate column (counts, value sum, per-dimension sums and
 *    counts, updated_at) equals a direct computation over that employee's ratings;
 *  - times (p50 / p99 / max over ROUNDS calls, fewer for a call slower than its 20 s budget): the
 *    scoreboard (first page, page 10, one store, store-scoped admin, employee view, 200 per page),
 *    the backend ratings list (first page, one employee, bad ratings only, one store, page 10),
 *    an employee's own ratings page (Ratings::forStaff, the busiest and a median employee), the
 *    performance figures (Performance::forStaff for one month, compare() of all 500 for one month);
 *  - times rate() on new finished jobs (made through the work engine), then checks the aggregates
 *    of the employees they went to against their rows again;
 *  - EXPLAINs every distinct statement of those calls (bench/explain.inc) on this data and prints
 *    each plan row that reads a whole table or index of more than 1,000 rows to stderr.
 * Prints "figure value" lines ("name_ms p50 X p99 Y max Z (n=N)" for timings).
 */

declare(strict_types=1);

require __DIR__ . '/../tests/quality/quality.inc';
require_once __DIR__ . '/explain.inc';

use CloudAcct\{Actor, Store};
use CloudAcct\Quality\{Performance, Ratings};

$dbName = (string) ($argv[1] ?? '');
$rounds = (int) ($argv[2] ?? 300);
if ($dbName === '' || $rounds < 1) {
    fwrite(STDERR, "usage: php bench/quality.php DATABASE [ROUNDS=300]\n");
    exit(2);
}
// the EXPLAIN passes: each call once (or the scoreboard's only), in a process with the trace on
$tracing = in_array($argv[3] ?? '', ['trace', 'trace-scoreboard'], true) ? $argv[3] : '';
$db = new CloudAcct\Db\Connection(ca_options(['database' => $dbName]));
CloudAcct\Db\Schema::migrate($db);
$store = new Store($db, 1);
$r = new Ratings($store);
$perf = new Performance($store);
$dims = $r->dimensions();
$admin = Actor::admin(1);
// an admin of stores 2 and 3 (uid 9; made once per database)
if (!$db->queryValue('SELECT 1 FROM {admin_store} WHERE uniacid = 1 AND we7_uid = 9 LIMIT 1')) {
    q_scoped_admin($db, 1, 9, 2, 3);
}
$scoped = Actor::admin(9);
// the busiest employee (staff 1 by the generator's spread) and one from the middle
$busiest = (int) $db->queryValue('SELECT staff_id FROM {staff_rating} WHERE uniacid = 1 ORDER BY ratings DESC, staff_id LIMIT 1');
$median = (int) $db->queryValue('SELECT staff_id FROM {staff_rating} WHERE uniacid = 1 ORDER BY ratings, staff_id LIMIT 1 OFFSET 250');
$month = '2026-10';

$cases = [
    'scoreboard_page1_20' => fn() => $r->scoreboard($admin),
    'scoreboard_page10_20' => fn() => $r->scoreboard($admin, [], 10, 20),
    'scoreboard_store_filter' => fn() => $r->scoreboard($admin, ['store_id' => 3]),
    'scoreboard_scoped_admin' => fn() => $r->scoreboard($scoped),
    'scoreboard_staff_actor' => fn() => $r->scoreboard(Actor::staff($median)),
    'scoreboard_200_per_page' => fn() => $r->scoreboard($admin, [], 1, 200),
    'list_page1_20' => fn() => $r->list($admin),
    'list_page10_20' => fn() => $r->list($admin, [], 10, 20),
    'list_one_staff' => fn() => $r->list($admin, ['staff_id' => $median]),
    'list_bad_only' => fn() => $r->list($admin, ['overall' => 'bad']),
    'list_one_store' => fn() => $r->list($admin, ['store_id' => 3]),
    'list_scoped_admin' => fn() => $r->list($scoped),
    'own_ratings_busiest' => fn() => $r->forStaff(Actor::staff($busiest), $busiest),
    'own_ratings_median' => fn() => $r->forStaff(Actor::staff($median), $median),
    'performance_one_month' => fn() => $perf->forStaff(Actor::staff($median), $median, $month),
    'performance_busiest_year' => fn() => $perf->forStaff(Actor::staff($busiest), $busiest,
        ['from' => '2025-11-01', 'to' => '2026-10-31']),
    'performance_compare_500' => fn() => $perf->compare($admin, $month),
];

/** A new done job of $staff's own company 1 … and a rate() of it by that company's contact. */
$rateOne = function (int $staff, int $i) use ($store, $r, $dims): float {
    $client = 1 + $i % 10000;
    $job = q_job($store, $client, $staff);
    $scores = [];
    foreach ($dims as $k => $d) {
        $scores[$d] = 1 + ($i + $k) % 5;
    }
    $s = hrtime(true);
    $r->rate(Actor::client($client), $job, ['good', 'neutral', 'bad'][$i % 3], $scores, $i % 2 ? '' : '办得很快');
    return (hrtime(true) - $s) / 1e6;
};

if ($tracing) {
    foreach ($cases as $name => $fn) {
        if ($tracing === 'trace' || str_starts_with($name, 'scoreboard_')) {
            $fn();
        }
    }
    if ($tracing === 'trace') {
        $rateOne($median, 0);
    }
    exit(0);
}

/** Mismatching columns of each employee's aggregate rows against a direct computation over their ratings. */
$verify = function (array $staffIds) use ($db, $dims): array {
    $bad = [];
    foreach ($staffIds as $sid) {
        $direct = $db->queryRow("SELECT COUNT(*) AS ratings, COALESCE(SUM(overall = 'good'), 0) AS good,"
            . " COALESCE(SUM(overall = 'neutral'), 0) AS neutral, COALESCE(SUM(overall = 'bad'), 0) AS bad,"
            . " COALESCE(SUM(value_x100), 0) AS value_sum, COALESCE(MAX(created_at), 0) AS updated_at,"
            . " COALESCE(SUM(JSON_VALUE(scores, ?)), 0) AS d0, COALESCE(SUM(JSON_VALUE(scores, ?)), 0) AS d1,"
            . " COALESCE(SUM(JSON_VALUE(scores, ?)), 0) AS d2 FROM {rating} WHERE uniacid = 1 AND staff_id = ?",
            [...array_map(fn($d) => "$.\"$d\"", array_slice($dims, 0, 3)), $sid]);
        $agg = $db->queryRow('SELECT ratings, good, neutral, bad, value_sum, updated_at FROM {staff_rating}'
            . ' WHERE uniacid = 1 AND staff_id = ?', [$sid]) ?? [];
        foreach (['ratings', 'good', 'neutral', 'bad', 'value_sum', 'updated_at'] as $k) {
            if ((int) ($agg[$k] ?? 0) !== (int) $direct[$k]) {
                $bad[] = "staff $sid $k: aggregate " . ($agg[$k] ?? 'none') . ", rows {$direct[$k]}";
            }
        }
        foreach (array_slice($dims, 0, 3) as $i => $d) {
            $row = $db->queryRow('SELECT score_sum, score_count FROM {staff_rating_dim} WHERE uniacid = 1 AND staff_id = ?'
                . ' AND dimension = ?', [$sid, $d]) ?? [];
            if ((int) ($row['score_sum'] ?? 0) !== (int) $direct["d$i"] || (int) ($row['score_count'] ?? 0) !== (int) $direct['ratings']) {
                $bad[] = "staff $sid $d: aggregate " . json_encode($row) . ", rows {$direct["d$i"]} / {$direct['ratings']}";
            }
        }
    }
    return $bad;
};

// ---- the data, and the aggregates against the rows
$t = microtime(true);
$rows = (int) $db->queryValue('SELECT COUNT(*) FROM {rating} WHERE uniacid = 1');
$aggSum = (int) $db->queryValue('SELECT SUM(ratings) FROM {staff_rating} WHERE uniacid = 1');
$sample = array_map('intval', array_column($db->query('SELECT staff_id FROM {staff_rating} WHERE uniacid = 1 ORDER BY staff_id'), 'staff_id'));
$sample = array_values(array_unique([$busiest, $median, ...array_filter($sample, fn($id) => $id % 28 === 1), end($sample)]));
$sample = array_slice($sample, 0, 20);
$mismatch = $verify($sample);
foreach ($mismatch as $m) {
    fwrite(STDERR, "quality: aggregate ≠ rows: $m\n");
}
printf("staff %d\nrating_rows %d\naggregate_ratings %d\naggregate_sample_staff %d\naggregate_sample_mismatches %d\nverify_s %.1f\n",
    $db->queryValue('SELECT COUNT(*) FROM {staff} WHERE uniacid = 1'), $rows, $aggSum, count($sample), count($mismatch)
    + ($rows === $aggSum ? 0 : 1), microtime(true) - $t);
printf("busiest_staff_ratings %d\nmedian_staff_ratings %d\n",
    $db->queryValue('SELECT ratings FROM {staff_rating} WHERE uniacid = 1 AND staff_id = ?', [$busiest]),
    $db->queryValue('SELECT ratings FROM {staff_rating} WHERE uniacid = 1 AND staff_id = ?', [$median]));

// ---- timings
function timed(int $rounds, callable $fn, float $budget = 15.0): array
{
    $fn(); // warm the statement cache
    $t = [];
    $start = microtime(true);
    for ($i = 0; $i < $rounds && ($i < 3 || microtime(true) - $start < $budget); $i++) {
        $s = hrtime(true);
        $fn();
        $t[] = (hrtime(true) - $s) / 1e6;
    }
    sort($t);
    $n = count($t);
    return [$t[intdiv($n, 2)], $t[max(0, (int) ceil($n * 0.99) - 1)], $t[$n - 1], $n];
}
foreach ($cases as $name => $fn) {
    [$p50, $p99, $max, $n] = timed($rounds, $fn);
    printf("%s_ms p50 %.3f p99 %.3f max %.3f (n=%d)\n", $name, $p50, $p99, $max, $n);
}
$list = $r->list($admin);
printf("list_total %d\n", $list['total']);
$top = $r->scoreboard($admin, [], 1, 3);
printf("top3 %s\n", json_encode(array_map(fn($i) => [$i['rank'], $i['ratings'], $i['average'], $i['score']], $top['items'])));

// ---- rate(): new finished jobs of the sampled employees, then their aggregates against their rows
$n = min(300, $rounds);
$t = [];
for ($i = 0; $i < $n; $i++) {
    $t[] = $rateOne($sample[$i % count($sample)], $i + 1);
}
sort($t);
printf("rate_ms p50 %.3f p99 %.3f max %.3f (n=%d)\n", $t[intdiv($n, 2)], $t[max(0, (int) ceil($n * 0.99) - 1)], $t[$n - 1], $n);
$mismatch = $verify($sample);
foreach ($mismatch as $m) {
    fwrite(STDERR, "quality: after rate(), aggregate ≠ rows: $m\n");
}
$rows2 = (int) $db->queryValue('SELECT COUNT(*) FROM {rating} WHERE uniacid = 1');
$agg2 = (int) $db->queryValue('SELECT SUM(ratings) FROM {staff_rating} WHERE uniacid = 1');
printf("rate_new_rows %d\nrate_aggregate_mismatches %d\n", $rows2 - $rows, count($mismatch) + ($rows2 === $agg2 ? 0 : 1));

// ---- EXPLAIN: every distinct statement of the calls above, traced in separate processes
$traced = function (string $mode) use ($dbName): string {
    $trace = tempnam(sys_get_temp_dir(), 'ca_quality_trace');
    $cmd = ca_php_cmd(['cloudacct.db.trace' => $trace, 'cloudacct.db.read_timeout' => 3600]) . ' ' . escapeshellarg(__FILE__)
        . ' ' . escapeshellarg($dbName) . " 1 $mode";
    passthru($cmd, $rc);
    if ($rc !== 0) {
        fwrite(STDERR, "quality: the traced pass ($mode) failed ($rc)\n");
        exit(1);
    }
    return $trace;
};
// the scoreboard reads the aggregates only: none of its statements names the ratings table
$trace = $traced('trace-scoreboard');
$records = bench_trace_records($trace);
unlink($trace);
printf("scoreboard_statements %d\nscoreboard_statements_reading_ratings %d\n", count($records),
    count(array_filter($records, fn($x) => preg_match('/`ims_cloudacct_rating`/', $x[1]) === 1)));
$trace = $traced('trace');
$ex = bench_explain_trace($db, $trace);
unlink($trace);
foreach ($ex['findings'] as $f) {
    fwrite(STDERR, "quality EXPLAIN: $f\n");
}
// a "whole" read of a derived table is the capped pager count's at most 10,001 rows: bounded
$tables = array_filter($ex['findings'], fn($f) => !str_starts_with($f, '<derived'));
printf("explain_statements %d\nexplain_full_scans %d\nexplain_full_scans_of_tables %d\n", $ex['statements'],
    count($ex['findings']), count($tables));
