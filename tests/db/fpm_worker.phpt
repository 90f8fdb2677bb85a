--TEST--
One FPM-style worker serves many requests over one MySQL session (php-cgi -T); nothing leaks between requests
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php
require __DIR__ . '/../inc/skipif_db.inc';
$cgi = getenv('CLOUDACCT_TEST_PHP_CGI') ?: '/usr/bin/php-cgi';
if (!is_executable($cgi)) die("skip php-cgi not found ($cgi)");
// Under valgrind (run-tests -m sets USE_ZEND_ALLOC=0) memcheck reports an uninitialised jump inside
// Debian's stripped php binaries around the worker's spawn (no frame in cloudacct.so); the worker's
// own requests are what this test is about, and the plain lane runs it.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind: the php-cgi worker is exercised by the plain phpt lane');
?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$cgi = getenv('CLOUDACCT_TEST_PHP_CGI') ?: '/usr/bin/php-cgi';
$script = sys_get_temp_dir() . '/ca_fpm_' . getmypid() . '.php';
file_put_contents($script, '<?php
require ' . var_export(realpath(__DIR__ . '/../inc/config.inc'), true) . ';
$db = new CloudAcct\Db\Connection(ca_options());
$s = CloudAcct\Db\Connection::poolStats();
// a request that leaves a transaction open and freezes the clock must not affect the next one
$leftOpen = $db->inTransaction();
$db->begin();
$frozen = CloudAcct\Clock::isFrozen();
CloudAcct\Clock::freeze(1000);
echo "REQ thread=", $db->threadId(), " opened=", $s["opened"], " reused=", $s["reused"],
    " open_tx=", (int) $leftOpen, " frozen=", (int) $frozen, "\n";
');
// run-tests exports CGI variables (SCRIPT_FILENAME…) for its own use: start the worker with a clean
// environment, directly (no shell), passing on only our settings and the valgrind lane's allocator ones
$env = ['PATH' => '/usr/bin:/bin'];
foreach (getenv() as $k => $v) {
    if (str_starts_with($k, 'CLOUDACCT_') || in_array($k, ['USE_ZEND_ALLOC', 'ZEND_DONT_UNLOAD_MODULES'], true)) {
        $env[$k] = $v;
    }
}
$argv = [$cgi, '-n', '-d', 'extension=' . ca_extension(), '-d', 'cloudacct.clock_settable=1', '-d', 'pcre.jit=0',
    '-q', '-T', '20', $script];
$proc = proc_open($argv, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, null, $env);
$out = stream_get_contents($pipes[1]);
proc_close($proc);
unlink($script);
preg_match_all('/^REQ thread=(\d+) opened=(\d+) reused=(\d+) open_tx=(\d) frozen=(\d)$/m', $out, $m);
echo "requests served: ", count($m[0]), "\n";
echo "distinct MySQL sessions: ", count(array_unique($m[1])), "\n";
echo "connections opened by the worker: ", max($m[2]), "\n";
echo "reused on the last request: ", end($m[3]), "\n";
echo "open transactions seen: ", array_sum($m[4]), ", frozen clocks seen: ", array_sum($m[5]), "\n";
if (count($m[0]) !== 20) { echo $out; }
?>
--EXPECT--
requests served: 20
distinct MySQL sessions: 1
connections opened by the worker: 1
reused on the last request: 19
open transactions seen: 0, frozen clocks seen: 0
