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
 *       table or index of more than 1,000 rows).
 */

declare(strict_types=1);

[$cmd, $file] = [$argv[1] ?? '', $argv[2] ?? ''];
if ($cmd === 'fpm-log') {
    $ms = [];
    foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
        [$d, $status] = explode(' ', $line, 3);
        if ($status === '200') {
            $ms[] = (float) $d;
        }
    }
    sort($ms);
    $n = count($ms);
    if ($n === 0) {
        fwrite(STDERR, "bench/pages.php: no successful request in $file\n");
        exit(1);
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
    exit(0);
}
fwrite(STDERR, "usage: bench/pages.php fpm-log ACCESS_LOG | explain TRACE\n");
exit(2);
