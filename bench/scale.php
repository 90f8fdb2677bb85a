<?php
/**
 * Scale data for the page benchmarks (DESIGN §7, issue 8): one firm (uniacid 1) of SCALE × 10,000
 * client companies, SCALE × 1,000,000 jobs and about SCALE × 5,000,000 ledger entries, generated in
 * SQL (INSERT … SELECT from MariaDB's seq_N_to_M tables) into a database the module is already
 * installed in (dev/host/setup.php ran first). Deterministic: every value is a function of the row
 * number and SEED (no RAND()), and every id is explicit, so the same SCALE and SEED give the same
 * rows. bench/pages.sh caches the resulting data directory.
 *
 *   php -n -d extension=modules/cloudacct.so bench/scale.php SCALE [SEED=1]
 *
 * Connection from CLOUDACCT_DB_SOCKET / _USER / _PASSWORD / _NAME / _PREFIX (as dev/host/setup.php).
 *
 * What one SCALE unit holds (everything grows with SCALE, so the workload per person stays the
 * same and what grows is what the firm-wide pages read):
 *   5 stores, 100 staff (100 client companies each), 10,000 client companies each with one
 *   contact bound by WeChat openid (oScaleC<client id>) and one monthly fee plan;
 *   staff openids oScaleS<staff id>;
 *   100 jobs per company over the last 5 years (1,000,000): 0.2 % open (the grab pool), 0.1 %
 *   escalated, 0.9 % with their accountant (assigned / in progress / waiting for the client),
 *   1 % done, 1 % cancelled, the rest closed — mixed by CRC32(id XOR SEED);
 *   250 months of bills per company (2006-01 … 2026-10): every 10th company owes the last 2,
 *   every 50th the last 6; each paid bill has a payment; a charge entry per bill and a payment
 *   entry per payment (≈ 4,990,000 ledger entries); the per-company summaries (client_balance);
 *   one rating per closed job whose CRC32 says so (about 60 %: a rating needs its own job, so
 *   1,000,000 jobs cannot carry 10,000,000 ratings) with the staff aggregates the scoreboard reads.
 * Not generated: allocations, job history and progress, orders (no measured page reads them).
 *
 * Above SCALE 1 only the firm grows (clients, staff, stores, jobs: the tables the firm-wide pages
 * read): the months of bills shrink to 250 / SCALE (at least 25) and the share of rated closed
 * jobs to 62 % / SCALE (at least 6 %), so SCALE 10 holds 100,000 companies, 10,000,000 jobs, about
 * 5,000,000 ledger entries (25 months; not 50,000,000) and about as many ratings as SCALE 1 —
 * generating 50,000,000 entries and 6,000,000 ratings did not fit the machine's time. No measured
 * page reads a company's ledger beyond its summary row and its open bills.
 * Prints "figure value" lines (row counts, seconds).
 */

declare(strict_types=1);

$scale = (float) ($argv[1] ?? 0);   // fractions (0.01) make a small set for trying the generator
$seed = (int) ($argv[2] ?? 1);
if ($scale < 0.01 || $scale > 100) {
    fwrite(STDERR, "usage: php bench/scale.php SCALE [SEED]   (SCALE 1 = 10,000 clients)\n");
    exit(2);
}
$env = static fn (string $k, string $d = ''): string => ($v = getenv('CLOUDACCT_DB_' . $k)) === false ? $d : $v;
$db = new CloudAcct\Db\Connection([
    'socket' => $env('SOCKET'), 'user' => $env('USER', 'cloudacct'), 'password' => $env('PASSWORD'),
    'database' => $env('NAME', 'cloudacct_pages'), 'prefix' => $env('PREFIX', 'ims_'), 'persistent' => false,
    'read_timeout' => 3600,
]);
if ((int) $db->queryValue('SELECT COUNT(*) FROM {client}') > 0) {
    fwrite(STDERR, "bench/scale.php: the database already holds clients\n");
    exit(1);
}

$C = (int) (10000 * $scale);          // client companies
$S = max(1, (int) (100 * $scale));    // staff
$ST = max(1, (int) (5 * $scale));     // stores
$J = (int) (1000000 * $scale);        // jobs
// beyond SCALE 1 the ledger history and the ratings do not grow with the firm (see the header)
$P = $scale > 1 ? (int) max(25, round(250 / $scale)) : 250;    // months of bills per company
$rated = $scale > 1 ? (int) max(6, round(62 / $scale)) : 62;    // % of closed jobs with a rating
$now = 1795741200;            // 2026-11-27 09:00 Asia/Shanghai: "now" in the generated history
$chunk = 100000;
$times = [];
$step = function (string $name, callable $f) use (&$times): void {
    $t = microtime(true);
    $f();
    $times[$name] = microtime(true) - $t;
    fwrite(STDERR, sprintf("scale: %s %.1f s\n", $name, $times[$name]));
};
// a row's bucket 0..999, well mixed across companies (job n belongs to company 1 + (n - 1) % C)
$mix = "CRC32(seq ^ $seed) % 1000";
$ranges = function (int $n) use ($chunk): array {
    $r = [];
    for ($lo = 1; $lo <= $n; $lo += $chunk) {
        $r[] = [$lo, min($n, $lo + $chunk - 1)];
    }
    return $r;
};

/*
 * Bulk loads into a table without its secondary indexes, which are then built again in one ALTER
 * (a sorted build, several times faster than growing 11 B-trees row by row). The definitions are
 * read back from the server, so the table ends exactly as the migrations made it.
 */
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

$db->execute('SET SESSION unique_checks = 0');
$t0 = microtime(true);
$step('people', function () use ($db, $C, $S, $ST, $now) {
    $db->execute("INSERT INTO {store} (id, uniacid, name, created_at, updated_at)"
        . " SELECT seq, 1, CONCAT(ELT(1 + seq % 5, '东城', '西城', '南城', '北城', '高新'), seq, '店'), ?, ? FROM seq_1_to_$ST", [$now, $now]);
    $db->execute("INSERT INTO {staff} (id, uniacid, store_id, name, phone, title, open_job_cap, openid, hired_at, created_at, updated_at)"
        . " SELECT seq, 1, 1 + seq % $ST, CONCAT('会计', seq), CONCAT('139', LPAD(seq, 8, '0')), '主办会计', 1000,"
        . " CONCAT('oScaleS', seq), ?, ?, ? FROM seq_1_to_$S", [$now - 86400 * 2000, $now, $now]);
    foreach ([[1, $C]] as [$lo, $hi]) {
        $db->execute("INSERT INTO {client} (id, uniacid, name, credit_code, industry, address, store_id, accountant_id, status, created_at, updated_at)"
            . " SELECT seq, 1, CONCAT(ELT(1 + seq % 8, '北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京'),"
            . " ELT(1 + (seq DIV 8) % 10, '云帆', '恒信', '华创', '天成', '瑞丰', '鼎盛', '嘉禾', '启明', '博远', '同创'), seq,"
            . " ELT(1 + (seq DIV 80) % 5, '科技', '商贸', '餐饮', '建筑', '咨询'), '有限公司'),"
            . " CONCAT('91', LPAD(seq, 16, '0')), ELT(1 + (seq DIV 80) % 5, '信息技术', '批发零售', '餐饮', '建筑', '商务服务'),"
            . " CONCAT('某区某路', seq, '号'), 1 + (1 + seq % $S) % $ST, 1 + seq % $S, 'active', ?, ?"
            . " FROM seq_{$lo}_to_$hi", [$now - 86400 * 1800, $now]);
        $db->execute("INSERT INTO {contact} (id, uniacid, name, phone, openid, current_client_id, created_at, updated_at)"
            . " SELECT seq, 1, CONCAT('联系人', seq), CONCAT('138', LPAD(seq, 8, '0')), CONCAT('oScaleC', seq), seq, ?, ?"
            . " FROM seq_{$lo}_to_$hi", [$now, $now]);
        $db->execute("INSERT INTO {client_contact} (uniacid, client_id, contact_id, role, created_at)"
            . " SELECT 1, seq, seq, 'owner', ? FROM seq_{$lo}_to_$hi", [$now]);
    }
});

// ---- jobs: company 1 + (n - 1) % C, its store and accountant; created over the last 5 years
$step('jobs', function () use ($db, $C, $S, $ST, $J, $now, $mix, $ranges, $bulk) {
    $span = 86400 * 1825;
    $bulk('job', fn () => array_map(function ($r) use ($db, $C, $S, $ST, $J, $now, $mix, $span) {
        [$lo, $hi] = $r;
        $db->execute("INSERT INTO {job} (id, uniacid, store_id, client_id, contact_id, source, title, type, description, urgency,"
            . " price_fen, status, dispatch_mode, assignee_id, assigned_at, grab_window_minutes, grab_deadline, checklist,"
            . " sla_total_seconds, due_at, last_progress_at, state_at, done_at, closed_at, created_by_kind, created_by_id,"
            . " created_at, updated_at)"
            . " SELECT seq, 1, store, client, client, 'request', ELT(1 + seq % 4, '代理记账', '工商变更', '税务申报', '社保开户'),"
            . " ELT(1 + seq % 4, 'bookkeeping', 'change', 'tax', 'social'), '', seq % 3, 0, st, 'grab',"
            . " IF(st IN ('open', 'escalated'), 0, acc), IF(st IN ('open', 'escalated'), 0, c + 3600), 30,"
            . " IF(st = 'open', ? + 1800, 0), '[]', 259200, c + 259200, c + 7200, c + 3600 * (1 + b % 48),"
            . " IF(st IN ('done', 'closed'), c + 86400, 0), IF(st = 'closed', c + 172800, 0), 'contact', client, c,"
            . " c + 3600 * (1 + b % 48)"
            . " FROM (SELECT seq, 1 + (seq - 1) % $C AS client, 1 + (1 + (1 + (seq - 1) % $C) % $S) % $ST AS store,"
            . "   1 + (1 + (seq - 1) % $C) % $S AS acc, ? + (seq * $span) DIV $J AS c, $mix AS b,"
            . "   CASE WHEN $mix < 2 THEN 'open' WHEN $mix < 3 THEN 'escalated' WHEN $mix < 6 THEN 'assigned'"
            . "   WHEN $mix < 10 THEN 'in_progress' WHEN $mix < 12 THEN 'waiting_client' WHEN $mix < 22 THEN 'done'"
            . "   WHEN $mix < 32 THEN 'cancelled' ELSE 'closed' END AS st FROM seq_{$lo}_to_$hi) g",
            [$now, $now - $span - 86400]);
    }, $ranges($J)));
    // open jobs are recent (the pool holds what came in today), and the staff's open-job counters
    $db->execute("UPDATE {job} SET created_at = ? - 3600 + id % 3000, updated_at = ? - 3600 + id % 3000, state_at = ? - 3600 + id % 3000"
        . " WHERE uniacid = 1 AND status = 'open'", [$now, $now, $now]);
    $db->execute("UPDATE {staff} s JOIN (SELECT assignee_id, COUNT(*) AS n FROM {job} WHERE uniacid = 1"
        . " AND status IN ('assigned', 'in_progress', 'waiting_client') GROUP BY assignee_id) j ON j.assignee_id = s.id"
        . " SET s.open_jobs = j.n WHERE s.uniacid = 1");
});

// ---- money: one monthly plan per company, P months of bills, payments, ledger, summaries
$months = [];
for ($y = 2026, $m = 10, $i = 0; $i < $P; $i++) {
    $ts = (new DateTimeImmutable(sprintf('%04d-%02d-15', $y, $m), new DateTimeZone('Asia/Shanghai')))->getTimestamp();
    array_unshift($months, [$y * 100 + $m, $y * 10000 + $m * 100 + 15, $ts]);
    [$y, $m] = $m === 1 ? [$y - 1, 12] : [$y, $m - 1];
}
$step('money', function () use ($db, $C, $S, $P, $months, $now, $bulk) {
    $db->execute("INSERT INTO {fee_plan} (id, uniacid, client_id, title, cycle, start_period, paid_through, created_at, updated_at)"
        . " SELECT seq, 1, seq, '代理记账费', 'monthly', ?, 0, ?, ? FROM seq_1_to_$C", [$months[0][0], $now, $now]);
    $db->execute("INSERT INTO {plan_price} (uniacid, plan_id, effective_from, amount_fen, created_at)"
        . " SELECT 1, seq, ?, 30000, ? FROM seq_1_to_$C", [$months[0][0], $now]);
    // bill id = idx × C + company; its charge entry 2 × bill id − 1, its payment (same id) entry 2 × bill id
    $bulk('bill', fn () => $bulk('payment', fn () => $bulk('ledger_entry', function () use ($db, $C, $S, $P, $months) {
    foreach ($months as $idx => [$period, $due, $dueTs]) {
        $owes = "((seq % 50 = 0 AND $idx >= " . ($P - 6) . ") OR (seq % 10 = 0 AND $idx >= " . ($P - 2) . '))';
        $base = $idx * $C;
        $db->execute("INSERT INTO {bill} (id, uniacid, client_id, plan_id, period, period_to, title, amount_fen, paid_fen, status,"
            . " due_date, created_at, settled_at)"
            . " SELECT $base + seq, 1, seq, seq, ?, ?, '代理记账费', 30000, IF($owes, 0, 30000), IF($owes, 'open', 'paid'), ?, ?,"
            . " IF($owes, 0, ?) FROM seq_1_to_$C", [$period, $period, $due, $dueTs - 20 * 86400, $dueTs - 86400]);
        $db->execute("INSERT INTO {payment} (id, uniacid, client_id, channel, external_id, amount_fen, allocated_fen, method,"
            . " target_kind, target_id, period, paid_at, recorded_by_kind, recorded_by_id, created_at)"
            . " SELECT $base + seq, 1, seq, 'offline', CONCAT('gen-', $base + seq), 30000, 30000, 'transfer', 'bill', $base + seq, ?,"
            . " ?, 'staff', 1 + seq % $S, ? FROM seq_1_to_$C WHERE NOT $owes", [$period, $dueTs - 86400, $dueTs - 86400]);
        $db->execute("INSERT INTO {ledger_entry} (id, uniacid, client_id, kind, amount_fen, bill_id, period, actor_kind, created_at)"
            . " SELECT 2 * ($base + seq) - 1, 1, seq, 'charge', 30000, $base + seq, ?, 'system', ? FROM seq_1_to_$C",
            [$period, $dueTs - 20 * 86400]);
        $db->execute("INSERT INTO {ledger_entry} (id, uniacid, client_id, kind, amount_fen, payment_id, period, actor_kind, actor_id, created_at)"
            . " SELECT 2 * ($base + seq), 1, seq, 'payment', -30000, $base + seq, ?, 'staff', 1 + seq % $S, ? FROM seq_1_to_$C WHERE NOT $owes",
            [$period, $dueTs - 86400]);
    }
    })));
    // the summaries follow from the rule above: 6 open bills (every 50th), 2 (every 10th), else none
    [$p2, $p6] = [$months[$P - 2], $months[$P - 6]];
    $open = "IF(seq % 50 = 0, 6, IF(seq % 10 = 0, 2, 0))";
    $db->execute("INSERT INTO {client_balance} (uniacid, client_id, balance_fen, outstanding_fen, open_bills, oldest_open_due,"
        . " paid_through, entries, updated_at)"
        . " SELECT 1, seq, 30000 * $open, 30000 * $open, $open, IF(seq % 50 = 0, ?, IF(seq % 10 = 0, ?, 0)),"
        . " IF(seq % 50 = 0, ?, IF(seq % 10 = 0, ?, ?)), 2 * $P - $open, ? FROM seq_1_to_$C",
        [$p6[1], $p2[1], $months[$P - 7][0], $months[$P - 3][0], $months[$P - 1][0], $now]);
    $db->execute("UPDATE {fee_plan} f JOIN {client_balance} b ON b.client_id = f.client_id AND b.uniacid = f.uniacid"
        . " SET f.paid_through = b.paid_through WHERE f.uniacid = 1");
});

// ---- ratings: one per closed job the mix picks, and the aggregates the scoreboard reads
$step('ratings', function () use ($db, $J, $seed, $ranges, $rated, $bulk) {
    $s = "3 + CRC32(id + $seed) % 3";   // 3..5, the same score for every dimension
    $bulk('rating', fn () => array_map(function ($r) use ($db, $seed, $rated, $s) {
        [$lo, $hi] = $r;
        $db->execute("INSERT INTO {rating} (uniacid, job_id, client_id, contact_id, staff_id, store_id, overall, scores, value_x100,"
            . " comment, created_at)"
            . " SELECT 1, id, client_id, contact_id, assignee_id, store_id, ELT($s - 2, 'bad', 'neutral', 'good'),"
            . " CONCAT('{\"服务态度\":', $s, ',\"服务速度\":', $s, ',\"专业度\":', $s, '}'), 100 * ($s), '', closed_at"
            . " FROM {job} WHERE id BETWEEN $lo AND $hi AND status = 'closed' AND CRC32(id ^ $seed) % 100 < $rated");
    }, $ranges($J)));
    $db->execute("INSERT INTO {staff_rating} (uniacid, staff_id, ratings, good, neutral, bad, value_sum, updated_at)"
        . " SELECT 1, staff_id, COUNT(*), SUM(overall = 'good'), SUM(overall = 'neutral'), SUM(overall = 'bad'), SUM(value_x100), MAX(created_at)"
        . " FROM {rating} WHERE uniacid = 1 GROUP BY staff_id");
    foreach (['服务态度', '服务速度', '专业度'] as $d) {
        $db->execute("INSERT INTO {staff_rating_dim} (uniacid, staff_id, dimension, score_sum, score_count)"
            . " SELECT 1, staff_id, ?, value_sum DIV 100, ratings FROM {staff_rating} WHERE uniacid = 1", [$d]);
    }
});
$db->execute('SET SESSION unique_checks = 1');

$count = fn (string $t): int => (int) $db->queryValue("SELECT COUNT(*) FROM {{$t}}");
printf("scale_bill_months %d\nscale_rated_percent %d\n", $P, $rated);
printf("scale_clients %d\nscale_staff %d\nscale_jobs %d\nscale_bills %d\nscale_ledger_entries %d\nscale_ratings %d\nscale_generate_s %.1f\n",
    $count('client'), $count('staff'), $count('job'), $count('bill'), $count('ledger_entry'), $count('rating'), microtime(true) - $t0);
foreach ($times as $k => $v) {
    printf("scale_generate_%s_s %.1f\n", $k, $v);
}
