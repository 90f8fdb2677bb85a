<?php
/**
 * Quality benchmark (issue 5): the staff scoreboard (CloudAcct\Quality\Ratings::scoreboard) at
 * 500 employees whose aggregate rows stand for 10,000,000 ratings.
 *
 * The aggregates are SEEDED DIRECTLY into {staff_rating} and {staff_rating_dim} (ratings, good /
 * neutral / bad, value sums, per-dimension sums and counts, as Ratings::rate() keeps them) and
 * {rating} stays empty: the scoreboard never reads the ratings, so inserting 10M rating rows
 * would only measure the disk. What rate() itself costs (the rating row plus the aggregate
 * upserts in one transaction) is measured separately on real finished jobs.
 *
 *   php -n -d extension=modules/cloudacct.so bench/quality.php [STAFF=500] [RATINGS=10000000] [ROUNDS=300]
 *
 * Needs the private MariaDB of dev/lib/mariadb.sh (CLOUDACCT_TEST_DB_* in the environment);
 * works in the throw-away database cloudacct_t_bench_quality. Prints "figure value" lines.
 */

declare(strict_types=1);

require __DIR__ . '/../tests/quality/quality.inc';

use CloudAcct\{Actor, Store};
use CloudAcct\Quality\Ratings;

[$nStaff, $nRatings, $rounds] = [(int) ($argv[1] ?? 500), (int) ($argv[2] ?? 10000000), (int) ($argv[3] ?? 300)];
$db = w_setup('bench_quality');
$store = new Store($db, 1);
$r = new Ratings($store);
mt_srand(42);

// ---- seed: 500 staff in 5 stores, their aggregates summing to $nRatings ratings
$db->begin();
$staff = [];
for ($i = 0; $i < $nStaff; $i++) {
    $staff[] = w_staff($db, 1, ['store_id' => 1 + $i % 5, 'name' => "员工 $i"]);
}
$weights = array_map(fn() => mt_rand(1, 1000), $staff);
$sum = array_sum($weights);
$left = $nRatings;
$rows = $dims = [];
foreach ($staff as $i => $id) {
    $n = $i === $nStaff - 1 ? $left : intdiv($nRatings * $weights[$i], $sum);
    $left -= $n;
    $bad = intdiv($n * mt_rand(0, 8), 100);
    $neutral = intdiv($n * mt_rand(0, 15), 100);
    $mean = mt_rand(300, 500);                      // the employee's mean value ×100
    $rows[] = "(1, $id, $n, " . ($n - $bad - $neutral) . ", $neutral, $bad, " . ($n * $mean) . ', 0)';
    foreach (['服务态度', '服务速度', '专业度'] as $d) {
        $dims[] = "(1, $id, '$d', " . intdiv($n * ($mean + mt_rand(-30, 30)), 100) . ", $n)";
    }
}
foreach (array_chunk($rows, 250) as $chunk) {
    $db->execute('INSERT INTO {staff_rating} (uniacid, staff_id, ratings, good, neutral, bad, value_sum, updated_at) VALUES '
        . implode(', ', $chunk));
}
foreach (array_chunk($dims, 500) as $chunk) {
    $db->execute('INSERT INTO {staff_rating_dim} (uniacid, staff_id, dimension, score_sum, score_count) VALUES '
        . implode(', ', $chunk));
}
$db->commit();
printf("staff %d\naggregate_ratings %d\nrating_rows %d\n", $db->queryValue('SELECT COUNT(*) FROM {staff_rating}'),
    $db->queryValue('SELECT SUM(ratings) FROM {staff_rating}'), $db->queryValue('SELECT COUNT(*) FROM {rating}'));

function timed(int $rounds, callable $fn): array
{
    $fn(); // warm the statement cache
    $t = [];
    for ($i = 0; $i < $rounds; $i++) {
        $s = hrtime(true);
        $fn();
        $t[] = (hrtime(true) - $s) / 1e6;
    }
    sort($t);
    return [$t[intdiv(count($t), 2)], $t[(int) floor(count($t) * 0.99) - 1], $t[count($t) - 1]];
}

$admin = Actor::admin(1);
$scoped = q_scoped_admin($db, 1, 9, 2, 3);
$cases = [
    'scoreboard_page1_20' => fn() => $r->scoreboard($admin),
    'scoreboard_page10_20' => fn() => $r->scoreboard($admin, [], 10, 20),
    'scoreboard_store_filter' => fn() => $r->scoreboard($admin, ['store_id' => 3]),
    'scoreboard_scoped_admin' => fn() => $r->scoreboard($scoped),
    'scoreboard_staff_actor' => fn() => $r->scoreboard(Actor::staff($staff[7])),
    'scoreboard_200_per_page' => fn() => $r->scoreboard($admin, [], 1, 200),
];
foreach ($cases as $name => $fn) {
    [$p50, $p99, $max] = timed($rounds, $fn);
    printf("%s_ms p50 %.3f p99 %.3f max %.3f\n", $name, $p50, $p99, $max);
}
// what the scoreboard reads: its statements, traced in a separate process, must not name {rating}
require_once __DIR__ . '/explain.inc';
$trace = tempnam(sys_get_temp_dir(), 'ca_quality_trace');
putenv('CA_INC=' . realpath(__DIR__ . '/../tests/inc/config.inc'));
shell_exec(ca_php_cmd(['cloudacct.db.trace' => $trace]) . ' -r ' . escapeshellarg('require getenv("CA_INC");'
    . ' $r = new CloudAcct\\Quality\\Ratings(new CloudAcct\\Store(new CloudAcct\\Db\\Connection(ca_options(["database" => "cloudacct_t_bench_quality"])), 1));'
    . ' $r->scoreboard(CloudAcct\\Actor::admin(1)); $r->scoreboard(CloudAcct\\Actor::admin(1), ["store_id" => 3]);'));
$records = bench_trace_records($trace);
unlink($trace);
printf("scoreboard_statements %d\nscoreboard_statements_reading_ratings %d\n", count($records),
    count(array_filter($records, fn($x) => preg_match('/`ims_cloudacct_rating`/', $x[1]) === 1)));
$top = $r->scoreboard($admin, [], 1, 3);
printf("top3 %s\n", json_encode(array_map(fn($i) => [$i['rank'], $i['ratings'], $i['average'], $i['score']], $top['items'])));

// ---- rate(): one rating with its aggregate upserts, on real finished jobs
$n = min(300, $rounds);
$client = w_client($db, 1);
$contact = Actor::client(w_contact($db, 1, $client));
$jobs = [];
for ($i = 0; $i < $n; $i++) {
    $jobs[] = q_job($store, $client, $staff[$i % $nStaff]);
}
$t = [];
foreach ($jobs as $i => $j) {
    $s = hrtime(true);
    $r->rate($contact, $j, ['good', 'neutral', 'bad'][$i % 3], ['服务态度' => 5, '服务速度' => 4, '专业度' => 3 + $i % 3]);
    $t[] = (hrtime(true) - $s) / 1e6;
}
sort($t);
printf("rate_ms p50 %.3f p99 %.3f (n=%d)\n", $t[intdiv($n, 2)], $t[(int) floor($n * 0.99) - 1], $n);
ca_drop_db('bench_quality');
