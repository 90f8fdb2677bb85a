--TEST--
The MariaDB server is killed (SIGKILL) mid-transaction and restarted: clear exception, nothing half-written, pooled links replaced
--EXTENSIONS--
cloudacct
posix
--SKIPIF--
<?php
require __DIR__ . '/../inc/skipif_db.inc';
if (!is_executable('/usr/sbin/mariadbd') || !is_executable('/usr/bin/mariadb-install-db')) die('skip mariadbd not installed');
?>
--INI--
cloudacct.db.connect_timeout=2
cloudacct.db.idle_ping=3600
--FILE--
<?php
/* A server of its own, so the rest of the suite keeps its database. */
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Db\Connection;
$dir = sys_get_temp_dir() . '/ca_killed_' . getmypid();
@mkdir($dir);
$sock = "$dir/sock";
// whatever happens below, no server and no directory outlive the test
register_shutdown_function(function () use ($dir) {
    if (($pid = (int) @file_get_contents("$dir/pid")) > 0) { posix_kill($pid, 9); }
    exec('rm -rf ' . escapeshellarg($dir));
});
exec('/usr/bin/mariadb-install-db --no-defaults --force --user=root --auth-root-authentication-method=normal --skip-test-db --datadir='
    . escapeshellarg("$dir/data") . ' > ' . escapeshellarg("$dir/install.log") . ' 2>&1', $o, $rc);
function start_server(string $dir): int {
    $cmd = '/usr/sbin/mariadbd --no-defaults --user=root --skip-networking --skip-log-bin --innodb-buffer-pool-size=32M'
        . ' --datadir=' . escapeshellarg("$dir/data") . ' --socket=' . escapeshellarg("$dir/sock")
        . ' --pid-file=' . escapeshellarg("$dir/pid") . ' --log-error=' . escapeshellarg("$dir/err.log");
    $pid = (int) shell_exec("$cmd > /dev/null 2>&1 & echo \$!");
    // ready when it accepts a session (up to a minute: the valgrind lane is slow)
    for ($i = 0; $i < 600; $i++) {
        try {
            (new CloudAcct\Db\Connection(['socket' => "$dir/sock", 'user' => 'root', 'persistent' => false]))->close();
            return $pid;
        } catch (CloudAcct\ConnectionException $e) {
            usleep(100000);
        }
    }
    echo "server did not start: ", @file_get_contents("$dir/err.log"), "\n";
    return $pid;
}
function kill9(int $pid, string $dir): void {
    posix_kill($pid, 9);
    for ($i = 0; $i < 200 && posix_kill($pid, 0); $i++) usleep(50000);
    @unlink("$dir/sock");
}
$pid = start_server($dir);
$opts = ['socket' => $sock, 'user' => 'root', 'password' => '', 'database' => 'mysql'];
$db = new Connection($opts);
$db->execute('CREATE DATABASE ledger');
$db->execute('CREATE TABLE ledger.entry (id INT PRIMARY KEY, fen BIGINT NOT NULL) ENGINE=InnoDB');
$db->execute('INSERT INTO ledger.entry VALUES (1, 100)');
$db->begin();
$db->execute('INSERT INTO ledger.entry VALUES (2, 200)');
kill9($pid, $dir);
ca_expect_throw(fn() => $db->execute('INSERT INTO ledger.entry VALUES (3, 300)'));
$db->rollback();
// no server at the socket now
ca_expect_throw(fn() => $db->queryValue('SELECT 1'));
$other = null;
ca_expect_throw(function () use ($opts, &$other) { $other = new Connection($opts); });
$pid = start_server($dir);
// the committed row survived, the open transaction did not
var_dump($db->query('SELECT id, fen FROM ledger.entry ORDER BY id'));
// a pooled link that died with the server is replaced without an error
$pooled = new Connection($opts);
$pooled->queryValue('SELECT 1');
unset($pooled);
kill9($pid, $dir);
$pid = start_server($dir);
$pooled = new Connection($opts);
var_dump($pooled->queryValue('SELECT COUNT(*) FROM ledger.entry'));
unset($pooled, $db);
kill9($pid, $dir);
?>
--EXPECTF--
CloudAcct\ConnectionException: 数据库连接失败：%s
CloudAcct\ConnectionException: 数据库连接失败：Can't connect to local server through socket '%s' (%d) (connect, errno 2002, SQLSTATE HY000)
CloudAcct\ConnectionException: 数据库连接失败：Can't connect to local server through socket '%s' (%d) (connect, errno 2002, SQLSTATE HY000)
array(1) {
  [0]=>
  array(2) {
    ["id"]=>
    int(1)
    ["fen"]=>
    int(100)
  }
}
int(1)
