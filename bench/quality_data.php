<?php
/**
 * Data for the quality benchmark (issue 8: "10,000,000 ratings"): one firm (uniacid 1) with 5
 * stores, 500 staff, 10,000 client companies (each with one contact), RATINGS finished jobs
 * (closed, one per rating: {rating} has uq_job) and RATINGS ratings over the last 24 months, then
 * the per-staff aggregates ({staff_rating}, {staff_rating_dim}) computed FROM the rating rows with
 * the definitions Ratings::rate() keeps. Generated in SQL (INSERT … SELECT from MariaDB's
 * seq_N_to_M tables, explicit ids, no RAND(): every value is a function of the row number and
 * SEED, so the same RATINGS and SEED always give the same rows), each big table loaded without its
 * secondary indexes, which are then built again in one ALTER per table.
 *
 *   php -n -d extension=modules/cloudacct.so bench/quality_data.php DATABASE [RATINGS=10000000] [SEED=1]
 *
 * Runs as the test user of dev/lib/mariadb.sh (CLOUDACCT_TEST_DB_* in the environment) on an
 * empty DATABASE, which it migrates first. bench/quality.sh caches the resulting data directory.
 *
 * The rows (job / rating n, 1 ≤ n ≤ RATINGS):
 *   company 1 + (n − 1) % 10,000 and its contact (same id); the employee is the smaller of two
 *   CRC32-mixed picks from 1..500 (a triangular spread: employee 1 gets about 40,000 ratings, the
 *   last ones a few dozen), their store 1 + id % 5; created evenly over the 24 months before NOW,
 *   assigned an hour later, done a day later, closed and rated two days later;
 *   each employee has a level L = 20 + CRC32(id, SEED) % 80 and dimension k of rating n scores
 *   min(5, 1 + (CRC32(n, k, SEED) % 100 + L) DIV 32) (1..5); value_x100 = the mean of the three
 *   scores × 100 rounded half up (as rate()); overall good from a mean of 4, bad below 2.5, else
 *   neutral (about 53 % good, 41 % neutral, 6 % bad); every 7th has a comment.
 * Prints "figure value" lines (row counts, seconds).
 */

declare(strict_types=1);

[$dbName, $N, $seed] = [(string) ($argv[1] ?? ''), (int) ($argv[2] ?? 10000000), (int) ($argv[3] ?? 1)];
if ($dbName === '' || $N < 1000 || $N > 100000000) {
    fwrite(STDERR, "usage: php bench/quality_data.php DATABASE [RATINGS=10000000] [SEED=1]\n");
    exit(2);
}
$env = static fn (string $k, string $d = ''): string => ($v = getenv('CLOUDACCT_TEST_DB_' . $k)) === false ? $d : $v;
$db = new CloudAcct\Db\Connection([
    'socket' => $env('SOCKET'), 'user' => $env('USER', 'cloudacct'), 'password' => $env('PASSWORD', 'cloudacct-dev'),
    'database' => $dbName, 'prefix' => 'ims_', 'persistent' => false, 'read_timeout' => 7200, 'write_timeout' => 7200,
]);
CloudAcct\Db\Schema::migrate($db);
if ((int) $db->queryValue('SELECT COUNT(*) FROM {rating}') > 0 || (int) $db->queryValue('SELECT COUNT(*) FROM {staff}') > 0) {
    fwrite(STDERR, "bench/quality_data.php: $dbName already holds data\n");
    exit(1);
}

const STORES = 5;
const STAFF = 500;
const CLIENTS = 10000;
$now = 1795741200;               // 2026-11-27 09:00 Asia/Shanghai, as bench/scale.php
$span = 86400 * 730;             // 24 months
$chunk = 500000;
$dims = (new CloudAcct\Quality\Ratings(new CloudAcct\Store($db, 1)))->dimensions();
if (count($dims) !== 3) {
    fwrite(STDERR, "bench/quality_data.php: expects the three default rating dimensions\n");
    exit(1);
}
$times = [];
$step = function (string $name, callable $f) use (&$times): void {
    $t = microtime(true);
    $f();
    $times[$name] = microtime(true) - $t;
    fwrite(STDERR, sprintf("quality data: %s %.1f s\n", $name, $times[$name]));
};
$ranges = function (int $n) use ($chunk): array {
    $r = [];
    for ($lo = 1; $lo <= $n; $lo += $chunk) {
        $r[] = [$lo, min($n, $lo + $chunk - 1)];
    }
    return $r;
};
/* Loads a table without its secondary indexes and builds them again in one ALTER (read back from
 * the server, so the table ends exactly as the migrations made it). */
$bulk = function (string $table, callable $load) use ($db): void {
    $keys = [];
    foreach ($db->query("SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS"
        . " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY' ORDER BY INDEX_NAME, SEQ_IN_INDEX",
        [$db->prefix() . 'cloudacct_' . $table]) as $r) {
        $keys[$r['INDEX_NAME']]['unique'] = !(int) $r['NON_UNIQUE'];
        $keys[$r['INDEX_NAME']]['cols'][] = $r['COLUMN_NAME'] . ($r['SUB_PART'] ? "({$r['SUB_PART']})" : '');
    }
    if ($keys) {
        $db->execute("ALTER TABLE {{$table}} " . implode(', ', array_map(fn ($k) => "DROP KEY $k", array_keys($keys))));
    }
    $load();
    if ($keys) {
        $db->execute("ALTER TABLE {{$table}} " . implode(', ', array_map(fn ($k, $d) => 'ADD ' . ($d['unique'] ? 'UNIQUE ' : '')
            . "KEY $k (" . implode(', ', $d['cols']) . ')', array_keys($keys), $keys)));
    }
};

// the per-row values, shared by the jobs and the ratings: seq = job id = rating id
$c0 = $now - $span - 3 * 86400;   // the last rating lands a day before NOW
$rowFacts = "seq, 1 + (seq - 1) % " . CLIENTS . " AS client,"
    . " 1 + LEAST(CRC32(seq * 2 + $seed) % " . STAFF . ", CRC32(seq * 2 + 1 + $seed) % " . STAFF . ") AS staff,"
    . " $c0 + (seq * $span) DIV $N AS c";
$db->execute('SET SESSION unique_checks = 0');
$t0 = microtime(true);

$step('people', function () use ($db, $now) {
    $db->execute("INSERT INTO {store} (id, uniacid, name, created_at, updated_at)"
        . " SELECT seq, 1, CONCAT(ELT(seq, '东城', '西城', '南城', '北城', '高新'), '店'), ?, ? FROM seq_1_to_" . STORES, [$now, $now]);
    $db->execute("INSERT INTO {staff} (id, uniacid, store_id, name, phone, title, open_job_cap, openid, hired_at, created_at, updated_at)"
        . " SELECT seq, 1, 1 + seq % " . STORES . ", CONCAT('会计', seq), CONCAT('139', LPAD(seq, 8, '0')), '主办会计', 1000,"
        . " CONCAT('oQualityS', seq), ?, ?, ? FROM seq_1_to_" . STAFF, [$now - 86400 * 1000, $now, $now]);
    $db->execute("INSERT INTO {client} (id, uniacid, name, credit_code, industry, address, store_id, accountant_id, status, created_at, updated_at)"
        . " SELECT seq, 1, CONCAT(ELT(1 + seq % 8, '北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京'),"
        . " ELT(1 + (seq DIV 8) % 10, '云帆', '恒信', '华创', '天成', '瑞丰', '鼎盛', '嘉禾', '启明', '博远', '同创'), seq, '有限公司'),"
        . " CONCAT('91', LPAD(seq, 16, '0')), '商务服务', CONCAT('某区某路', seq, '号'), 1 + (1 + seq % " . STAFF . ") % " . STORES . ","
        . " 1 + seq % " . STAFF . ", 'active', ?, ? FROM seq_1_to_" . CLIENTS, [$now - 86400 * 1000, $now]);
    $db->execute("INSERT INTO {contact} (id, uniacid, name, phone, openid, current_client_id, created_at, updated_at)"
        . " SELECT seq, 1, CONCAT('联系人', seq), CONCAT('138', LPAD(seq, 8, '0')), CONCAT('oQualityC', seq), seq, ?, ?"
        . " FROM seq_1_to_" . CLIENTS, [$now, $now]);
    $db->execute("INSERT INTO {client_contact} (uniacid, client_id, contact_id, role, created_at)"
        . " SELECT 1, seq, seq, 'owner', ? FROM seq_1_to_" . CLIENTS, [$now]);
});

// ---- the finished jobs: minimal but valid closed jobs, one per rating
$step('jobs', function () use ($db, $N, $rowFacts, $ranges, $bulk) {
    $bulk('job', fn () => array_map(function ($r) use ($db, $rowFacts) {
        [$lo, $hi] = $r;
        $db->execute("INSERT INTO {job} (id, uniacid, store_id, client_id, contact_id, source, title, type, description, status,"
            . " dispatch_mode, assignee_id, assigned_at, checklist, state_at, done_at, closed_at, created_by_kind, created_by_id,"
            . " created_at, updated_at)"
            . " SELECT seq, 1, 1 + staff % " . STORES . ", client, client, 'request', ELT(1 + seq % 4, '代理记账', '工商变更', '税务申报', '社保开户'),"
            . " ELT(1 + seq % 4, 'bookkeeping', 'change', 'tax', 'social'), '', 'closed', 'assign', staff, c + 3600, '[]',"
            . " c + 172800, c + 86400, c + 172800, 'contact', client, c, c + 172800"
            . " FROM (SELECT $rowFacts FROM seq_{$lo}_to_$hi) g");
    }, $ranges($N)));
});

// ---- the ratings: one per job, scored by the employee's level and the row's hash
$step('ratings', function () use ($db, $N, $seed, $rowFacts, $ranges, $bulk, $dims) {
    $json = "CONCAT('{\"{$dims[0]}\":', s1, ',\"{$dims[1]}\":', s2, ',\"{$dims[2]}\":', s3, '}')";
    $bulk('rating', fn () => array_map(function ($r) use ($db, $seed, $rowFacts, $json) {
        [$lo, $hi] = $r;
        $db->execute("INSERT INTO {rating} (id, uniacid, job_id, client_id, contact_id, staff_id, store_id, overall, scores,"
            . " value_x100, comment, created_at)"
            . " SELECT seq, 1, seq, client, client, staff, 1 + staff % " . STORES . ","
            . " IF(v >= 400, 'good', IF(v < 250, 'bad', 'neutral')), $json, v, IF(seq % 7 = 0, '服务很好，响应及时', ''), c + 172800 + seq % 3600"
            . " FROM (SELECT h.*, ((s1 + s2 + s3) * 200 + 3) DIV 6 AS v FROM (SELECT f.*,"
            . "   LEAST(5, 1 + (CRC32(CONCAT(seq, ':1:', $seed)) % 100 + lvl) DIV 32) AS s1,"
            . "   LEAST(5, 1 + (CRC32(CONCAT(seq, ':2:', $seed)) % 100 + lvl) DIV 32) AS s2,"
            . "   LEAST(5, 1 + (CRC32(CONCAT(seq, ':3:', $seed)) % 100 + lvl) DIV 32) AS s3"
            . "   FROM (SELECT f0.*, 20 + CRC32(CONCAT(staff, ':', $seed)) % 80 AS lvl FROM (SELECT $rowFacts FROM seq_{$lo}_to_$hi) f0) f) h) g");
    }, $ranges($N)));
});
$db->execute('SET SESSION unique_checks = 1');

// ---- the aggregates FROM the rows, as rate() keeps them: one pass over the ratings
$step('aggregates', function () use ($db, $dims) {
    $db->execute('CREATE TEMPORARY TABLE quality_agg (staff_id INT UNSIGNED NOT NULL PRIMARY KEY, ratings INT UNSIGNED NOT NULL,'
        . ' good INT UNSIGNED NOT NULL, neutral INT UNSIGNED NOT NULL, bad INT UNSIGNED NOT NULL, value_sum BIGINT UNSIGNED NOT NULL,'
        . ' updated_at INT UNSIGNED NOT NULL, d1 BIGINT UNSIGNED NOT NULL, d2 BIGINT UNSIGNED NOT NULL, d3 BIGINT UNSIGNED NOT NULL)');
    $db->execute("INSERT INTO quality_agg SELECT staff_id, COUNT(*), SUM(overall = 'good'), SUM(overall = 'neutral'), SUM(overall = 'bad'),"
        . " SUM(value_x100), MAX(created_at), SUM(JSON_VALUE(scores, ?)), SUM(JSON_VALUE(scores, ?)), SUM(JSON_VALUE(scores, ?))"
        . " FROM {rating} WHERE uniacid = 1 GROUP BY staff_id", array_map(fn ($d) => "$.\"$d\"", $dims));
    $db->execute('INSERT INTO {staff_rating} (uniacid, staff_id, ratings, good, neutral, bad, value_sum, updated_at)'
        . ' SELECT 1, staff_id, ratings, good, neutral, bad, value_sum, updated_at FROM quality_agg');
    foreach ($dims as $i => $d) {
        $db->execute('INSERT INTO {staff_rating_dim} (uniacid, staff_id, dimension, score_sum, score_count)'
            . ' SELECT 1, staff_id, ?, d' . ($i + 1) . ', ratings FROM quality_agg', [$d]);
    }
    $db->execute('DROP TEMPORARY TABLE quality_agg');
});

$count = fn (string $t): int => (int) $db->queryValue("SELECT COUNT(*) FROM {{$t}}");
printf("staff %d\nclients %d\njobs %d\nrating_rows %d\naggregate_ratings %d\ngenerate_s %.1f\n", $count('staff'), $count('client'),
    $count('job'), $count('rating'), $db->queryValue('SELECT SUM(ratings) FROM {staff_rating} WHERE uniacid = 1'), microtime(true) - $t0);
foreach ($times as $k => $v) {
    printf("generate_%s_s %.1f\n", $k, $v);
}
