<?php
/* The same three operations as bench/db_floor.c, through the extension and through PDO the way
 * a 微擎 module usually does it (PDO with its default emulated prepares).
 * Usage: php db_ops.php ext|pdo N   (DB settings from CLOUDACCT_TEST_DB_* variables)
 * Prints "<op> <ops/s>" per operation. */
[$impl, $n] = [$argv[1], (int) $argv[2]];
$sock = getenv('CLOUDACCT_TEST_DB_SOCKET');
$user = getenv('CLOUDACCT_TEST_DB_USER');
$pass = getenv('CLOUDACCT_TEST_DB_PASSWORD');
$dbname = 'cloudacct_bench';

if ($impl === 'ext') {
    $db = new CloudAcct\Db\Connection(['socket' => $sock, 'user' => $user, 'password' => $pass, 'database' => $dbname]);
    $select = fn($id) => $db->queryRow('SELECT id, uniacid, status, staff_id, title FROM bench_job WHERE uniacid = ? AND id = ?', [1, $id]);
    $grab = fn($id) => $db->execute("UPDATE bench_job SET status = 'assigned', staff_id = ?, version = version + 1 WHERE uniacid = ? AND id = ? AND status = 'open'", [7, 1, $id]);
    $back = fn($id) => $db->execute("UPDATE bench_job SET status = 'open', staff_id = 0, version = version + 1 WHERE uniacid = ? AND id = ? AND status = 'assigned'", [1, $id]);
    $insert = fn($id) => $db->execute('INSERT INTO bench_history (uniacid, job_id, from_state, to_state, at) VALUES (?, ?, ?, ?, ?)', [1, $id, 'open', 'assigned', 1800000000]);
} else {
    $pdo = new PDO("mysql:unix_socket=$sock;dbname=$dbname;charset=utf8mb4", $user, $pass,
        [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::MYSQL_ATTR_FOUND_ROWS => true]);
    $select = function ($id) use ($pdo) {
        $st = $pdo->prepare('SELECT id, uniacid, status, staff_id, title FROM bench_job WHERE uniacid = ? AND id = ?');
        $st->execute([1, $id]);
        return $st->fetch(PDO::FETCH_ASSOC);
    };
    $grab = function ($id) use ($pdo) {
        $st = $pdo->prepare("UPDATE bench_job SET status = 'assigned', staff_id = ?, version = version + 1 WHERE uniacid = ? AND id = ? AND status = 'open'");
        $st->execute([7, 1, $id]);
        return $st->rowCount();
    };
    $back = function ($id) use ($pdo) {
        $st = $pdo->prepare("UPDATE bench_job SET status = 'open', staff_id = 0, version = version + 1 WHERE uniacid = ? AND id = ? AND status = 'assigned'");
        $st->execute([1, $id]);
        return $st->rowCount();
    };
    $insert = function ($id) use ($pdo) {
        $st = $pdo->prepare('INSERT INTO bench_history (uniacid, job_id, from_state, to_state, at) VALUES (?, ?, ?, ?, ?)');
        return $st->execute([1, $id, 'open', 'assigned', 1800000000]);
    };
}

$t = hrtime(true);
for ($i = 0; $i < $n; $i++) {
    $row = $select(1 + $i % 1000);
}
printf("select %.0f\n", $n / ((hrtime(true) - $t) / 1e9));
$t = hrtime(true);
for ($i = 0; $i < $n; $i += 2) {
    $id = 1 + intdiv($i, 2) % 1000;
    if ($grab($id) !== 1 || $back($id) !== 1) {
        fwrite(STDERR, "conditional update did not match\n");
        exit(1);
    }
}
printf("update %.0f\n", $n / ((hrtime(true) - $t) / 1e9));
$t = hrtime(true);
for ($i = 0; $i < $n; $i++) {
    $insert(1 + $i % 1000);
}
printf("insert %.0f\n", $n / ((hrtime(true) - $t) / 1e9));
