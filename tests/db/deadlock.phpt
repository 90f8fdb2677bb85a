--TEST--
Deadlock victim: two processes lock rows in opposite order; transaction() retries the victim and both commit
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$db = ca_db('deadlock');
$db->execute('CREATE TABLE acct (id INT PRIMARY KEY, balance INT NOT NULL) ENGINE=InnoDB');
$db->execute('INSERT INTO acct VALUES (1, 100), (2, 100)');
$deadlocks = fn() => (int) ca_root()->queryRow("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'")['Value'];
$before = $deadlocks();
$db->close();
$worker = <<<'PHP'
<?php
require getenv('CA_INC');
[$first, $second, $barrier] = [(int) $argv[1], (int) $argv[2], $argv[3]];
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_deadlock']));
$attempts = 0;
$db->transaction(function ($db) use (&$attempts, $first, $second, $barrier) {
    $attempts++;
    $db->execute('UPDATE acct SET balance = balance - 1 WHERE id = ?', [$first]);
    if ($attempts === 1) {
        // a barrier, not a sleep: both hold their first row before either asks for its second,
        // however slow the machine (the valgrind lane) makes either process
        touch("$barrier.$first");
        for ($i = 0; $i < 600 && !file_exists("$barrier.$second"); $i++) { usleep(50000); }
    }
    $db->execute('UPDATE acct SET balance = balance + 1 WHERE id = ?', [$second]);
}, 5);
echo $attempts;
PHP;
$file = sys_get_temp_dir() . '/ca_deadlock_' . getmypid() . '.php';
file_put_contents($file, $worker);
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
$cmd = ca_php_cmd() . ' ' . escapeshellarg($file);
$barrier = escapeshellarg(sys_get_temp_dir() . '/ca_deadlock_barrier_' . getmypid());
$p1 = proc_open("$cmd 1 2 $barrier", [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes1);
$p2 = proc_open("$cmd 2 1 $barrier", [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes2);
$out1 = stream_get_contents($pipes1[1]) . stream_get_contents($pipes1[2]);
$out2 = stream_get_contents($pipes2[1]) . stream_get_contents($pipes2[2]);
proc_close($p1); proc_close($p2);
unlink($file);
foreach (glob(sys_get_temp_dir() . '/ca_deadlock_barrier_' . getmypid() . '.*') as $f) { unlink($f); }
$attempts = [(int) $out1, (int) $out2];
sort($attempts);
echo "attempts: ", implode(',', $attempts), "\n";
if ($attempts !== [1, 2]) { echo $out1, "\n", $out2, "\n"; }
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_deadlock']));
var_dump($db->query('SELECT id, balance FROM acct ORDER BY id'));
var_dump($deadlocks() > $before);
ca_drop_db('deadlock');
?>
--EXPECT--
attempts: 1,2
array(2) {
  [0]=>
  array(2) {
    ["id"]=>
    int(1)
    ["balance"]=>
    int(100)
  }
  [1]=>
  array(2) {
    ["id"]=>
    int(2)
    ["balance"]=>
    int(100)
  }
}
bool(true)
