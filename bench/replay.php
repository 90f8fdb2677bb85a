<?php
/* The PHP+PDO comparison for whole operations: replays a statement trace (format in
 * src/db/trace.c) the way a 微擎 module issues SQL — PDO with its default emulated prepares, one
 * prepare per call, rows fetched as associative arrays. Only the SQL is replayed, not the PHP
 * logic a module would run between statements, so PDO's figure is an upper bound on its speed.
 * Usage: php replay.php DB TRACE   (socket/user/password from CLOUDACCT_TEST_DB_*)
 * Prints "<statements> <seconds>". */
[$dbname, $path] = [$argv[1], $argv[2]];
$pdo = new PDO('mysql:unix_socket=' . getenv('CLOUDACCT_TEST_DB_SOCKET') . ";dbname=$dbname;charset=utf8mb4",
    getenv('CLOUDACCT_TEST_DB_USER'), getenv('CLOUDACCT_TEST_DB_PASSWORD'),
    [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::MYSQL_ATTR_FOUND_ROWS => true]);

// Parse first: reading the trace is not part of what is measured.
$b = file_get_contents($path);
$ops = [];
for ($o = 0, $end = strlen($b); $o < $end;) {
    $kind = $b[$o];
    $len = unpack('V', $b, $o + 1)[1];
    $sql = substr($b, $o + 5, $len);
    $o += 5 + $len;
    $n = unpack('v', $b, $o)[1];
    $o += 2;
    $params = [];
    for ($i = 0; $i < $n; $i++) {
        $type = ord($b[$o++]);
        if ($type === 1) {
            $params[] = [unpack('q', $b, $o)[1], PDO::PARAM_INT];
            $o += 8;
        } elseif ($type === 2) {
            $params[] = [unpack('e', $b, $o)[1], PDO::PARAM_STR];
            $o += 8;
        } elseif ($type === 3) {
            $sl = unpack('V', $b, $o)[1];
            $params[] = [substr($b, $o + 4, $sl), PDO::PARAM_STR];
            $o += 4 + $sl;
        } else {
            $params[] = [null, PDO::PARAM_NULL];
        }
    }
    $ops[] = [$kind, $sql, $params];
}

$t = hrtime(true);
foreach ($ops as [$kind, $sql, $params]) {
    if ($kind === 'T') {
        $pdo->exec($sql);
        continue;
    }
    $st = $pdo->prepare($sql);
    foreach ($params as $i => [$v, $type]) {
        $st->bindValue($i + 1, $v, $type);
    }
    $st->execute();
    if ($st->columnCount() > 0) {
        $st->fetchAll(PDO::FETCH_ASSOC);
    }
}
printf("%d %.6f\n", count($ops), (hrtime(true) - $t) / 1e9);
