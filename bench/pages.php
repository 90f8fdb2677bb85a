<?php
/**
 * Helpers of bench/pages.sh (the page benchmark):
 *
 *   php -n bench/pages.php fpm-log ACCESS_LOG
 *       p50 / p95 / p99 of php-fpm's own request durations (the access log's first field,
 *       %{mili}d: from the request reaching the worker to the response handed back) — the
 *       server time, without nginx, wrk and the loopback. Prints "p50 X", "p95 X", "p99 X", "n N".
 *   php -n -d extension=cloudacct.so bench/pages.php explain TRACE
 *       EXPLAIN of every distinct statement in a cloudacct.db.trace file, on the database the
 *       pages ran on (CLOUDACCT_DB_* as dev/host/setup.php); prints "statements N",
 *       "full_scans N" and each finding on stderr (bench/explain.inc: a plan row reading a whole
 *       table or index of more than 1,000 rows), then "large_reads N": plan rows of any type
 *       estimated at more than 100,000 rows (a ref over a whole firm's jobs is a scan too).
 *   php -n bench/pages.php count TRACE
 *       how many statements a trace file holds.
 *   php -n bench/pages.php table RESULTS
 *       the Markdown tables of BENCHMARKS.md's page section from bench/pages.sh's result lines.
 */

declare(strict_types=1);

[$cmd, $file] = [$argv[1] ?? '', $argv[2] ?? ''];
if ($cmd === 'fpm-log') {
    $ms = [];
    foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
        [$d, $status, $rest] = explode(' ', $line, 3);
        // not the status page bench/pages.sh polls between runs
        if ($status === '200' && !str_contains($rest, '/fpm-status')) {
            $ms[] = (float) $d;
        }
    }
    sort($ms);
    $n = count($ms);
    if ($n === 0) {
        // a page slower than the whole run: its requests finish after wrk stopped (wait_idle)
        fwrite(STDERR, "bench/pages.php: no request finished with 200 in $file\n");
        echo "n 0\n";
        exit(0);
    }
    $pct = fn (float $p): float => $ms[min($n - 1, (int) ceil($p / 100 * $n) - 1)];
    printf("p50 %.2f\np95 %.2f\np99 %.2f\nn %d\n", $pct(50), $pct(95), $pct(99), $n);
    exit(0);
}
if ($cmd === 'explain') {
    require __DIR__ . '/explain.inc';
    $env = static fn (string $k, string $d = ''): string => ($v = getenv('CLOUDACCT_DB_' . $k)) === false ? $d : $v;
    $db = new CloudAcct\Db\Connection(['socket' => $env('SOCKET'), 'user' => $env('USER', 'cloudacct'),
        'password' => $env('PASSWORD'), 'database' => $env('NAME', 'cloudacct_pages'), 'persistent' => false]);
    $x = bench_explain_trace($db, $file);
    printf("statements %d\nfull_scans %d\n", $x['statements'], count($x['findings']));
    foreach ($x['findings'] as $f) {
        fwrite(STDERR, "full scan: $f\n");
    }
    // an index range or ref read can be as big as a scan (a COUNT over every job of the firm):
    // every plan row the server estimates at more than 100,000 rows, whatever its type
    $seen = [];
    $large = 0;
    foreach (bench_trace_records($file) as [$kind, $sql, $vals]) {
        if ($kind !== 'P' || !preg_match('/^\s*SELECT\b/i', $sql) || isset($seen[$sql])) {
            continue;
        }
        $seen[$sql] = true;
        foreach ($db->query('EXPLAIN ' . $sql, $vals) as $row) {
            if ((int) ($row['rows'] ?? 0) > 100000) {
                $large++;
                fwrite(STDERR, sprintf("large read: %s: %s via %s, %d rows — %s\n", $row['table'], $row['type'], $row['key'] ?? '-',
                    $row['rows'], preg_replace('/\s+/', ' ', $sql)));
            }
        }
    }
    printf("large_reads %d\n", $large);
    exit(0);
}
if ($cmd === 'count') {
    require __DIR__ . '/explain.inc';
    echo is_file($file) ? count(bench_trace_records($file)) : 0, "\n";
    exit(0);
}
if ($cmd === 'table') {
    echo pages_table($file);
    exit(0);
}
fwrite(STDERR, "usage: bench/pages.php fpm-log ACCESS_LOG | explain TRACE | table RESULTS\n");
exit(2);

/** The page section's two tables: per page server time at each scale and its growth; the rest. */
function pages_table(string $path): string
{
    $v = [];
    foreach (file($path, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
        [$fig, , $x] = explode(' ', $line);
        $v[$fig] = $x;
    }
    $scales = [];
    foreach (array_keys($v) as $fig) {
        if (preg_match('/^pages_([0-9.]+)x_/', $fig, $m)) {
            $scales[$m[1]] = true;
        }
    }
    $scales = array_keys($scales);
    sort($scales, SORT_NUMERIC);
    $pages = [
        'client_home' => ['client: home (DIY blocks, company, accountant card)', '≤ 25'],
        'client_jobs' => ['client: my jobs (办事进度)', '≤ 25'],
        'client_bills' => ['client: my bills (缴费)', ''],
        'staff_work' => ['employee: my jobs (我的工单)', '≤ 25'],
        'staff_pool' => ['employee: grab pool (抢单池)', '≤ 25'],
        'admin_jobs' => ['admin: all jobs', '≤ 25'],
        'admin_escalated' => ['admin: escalated queue', '≤ 25'],
        'admin_arrears' => ['admin: arrears list', '≤ 25'],
        'admin_dashboard' => ['admin: dashboard (数据看板)', ''],
        'admin_client_search' => ['admin: client search by a part of the name', ''],
    ];
    $g = fn (string $fig): string => isset($v[$fig]) ? rtrim(rtrim(sprintf('%.2f', (float) $v[$fig]), '0'), '.') : '—';
    $head = '| page | p95 target, ms |';
    $rule = '|---|---|';
    foreach ($scales as $s) {
        $head .= " {$s}×: server p50 / p95 / p99, ms | {$s}×: wrk p95, ms | {$s}×: req/s | {$s}×: SQL statements |";
        $rule .= '---:|---:|---:|---:|';
    }
    $growth = count($scales) > 1;
    if ($growth) {
        $head .= " server p95 {$scales[count($scales) - 1]}× ÷ {$scales[0]}× (target ≤ 1.5) |";
        $rule .= '---:|';
    }
    $out = "$head\n$rule\n";
    foreach ($pages as $k => [$label, $target]) {
        $row = "| $label | $target |";
        foreach ($scales as $s) {
            $p = "pages_{$s}x_$k";
            $err = (int) ($v["{$p}_errors"] ?? 0);
            $row .= sprintf(' %s / %s / %s | %s | %s%s | %s |', $g("{$p}_server_p50_ms"), $g("{$p}_server_p95_ms"), $g("{$p}_server_p99_ms"),
                $g("{$p}_p95_ms"), $g("{$p}_rps"), $err ? " ($err errors)" : '', $g("{$p}_statements"));
        }
        if ($growth) {
            [$a, $b] = [$v["pages_{$scales[0]}x_{$k}_server_p95_ms"] ?? null, $v["pages_{$scales[count($scales) - 1]}x_{$k}_server_p95_ms"] ?? null];
            $row .= ($a && $b !== null) ? sprintf(' %.2f |', $b / $a) : ' — |';
        }
        $out .= "$row\n";
    }
    $out .= "\n| figure |" . implode('', array_map(fn ($s) => " {$s}× |", $scales)) . "\n|---|" . str_repeat('---:|', count($scales)) . "\n";
    $other = [
        'data_clients' => 'client companies', 'data_staff' => 'staff', 'data_jobs' => 'jobs', 'data_bills' => 'bills',
        'data_bill_months' => 'months of bills per company', 'data_ledger_entries' => 'ledger entries', 'data_ratings' => 'ratings',
        'data_generate_total_s' => 'generating the data (setup + SQL), s', 'data_archive_s' => 'archiving the data directory (zstd), s',
        'data_archive_mb' => 'archive size, MB', 'data_restore_s' => 'restoring it (a run after the first), s',
        'requests' => 'requests measured (all pages)', 'new_connections' => 'new MySQL connections during them (target 0)',
        'new_connections_per_1000_requests' => 'new MySQL connections per 1,000 requests',
        'explain_statements' => 'distinct statements of these pages EXPLAIN-checked',
        'explain_full_scans' => 'of those, reading a whole table or index of > 1,000 rows (target 0)',
        'explain_large_reads' => 'plan rows estimated at > 100,000 rows, any access type (whole-firm counts)',
    ];
    foreach ($other as $k => $label) {
        $row = "| $label |";
        $any = false;
        foreach ($scales as $s) {
            $any = $any || isset($v["pages_{$s}x_$k"]);
            $row .= ' ' . $g("pages_{$s}x_$k") . ' |';
        }
        if ($any) {
            $out .= "$row\n";
        }
    }
    return $out;
}
