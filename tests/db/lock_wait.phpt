--TEST--
Lock-wait timeout: DeadlockException; transaction() retries and succeeds once the lock is gone, or gives up after its attempts
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$a = ca_db('lock_wait');
$a->execute('CREATE TABLE acct (id INT PRIMARY KEY, balance INT NOT NULL) ENGINE=InnoDB');
$a->execute('INSERT INTO acct VALUES (1, 100), (2, 100)');
$b = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_lock_wait']));
$b->execute('SET SESSION innodb_lock_wait_timeout = 1');
$a->begin();
$a->execute('UPDATE acct SET balance = balance - 10 WHERE id = 1');
try {
    $b->execute('UPDATE acct SET balance = balance + 1 WHERE id = 1');
} catch (CloudAcct\DeadlockException $e) {
    echo get_class($e), ' ', $e->getCode(), ' ', $e->getSqlState(), "\n";
}
// retries are spent while A still holds the lock
$tries = 0;
try {
    $b->transaction(function ($b) use (&$tries) { $tries++; $b->execute('UPDATE acct SET balance = balance + 1 WHERE id = 1'); }, 2);
} catch (CloudAcct\DeadlockException $e) {
    echo "gave up after $tries attempts\n";
}
var_dump($b->inTransaction());
// the holder lets go during the second attempt: the retry wins
$tries = 0;
$b->transaction(function ($b) use (&$tries, $a) {
    if (++$tries === 2) { $a->commit(); }
    $b->execute('UPDATE acct SET balance = balance + 1 WHERE id = 1');
}, 3);
echo "succeeded on attempt $tries\n";
var_dump($a->queryValue('SELECT balance FROM acct WHERE id = 1'));
ca_drop_db('lock_wait');
?>
--EXPECT--
CloudAcct\DeadlockException 1205 HY000
gave up after 2 attempts
bool(false)
succeeded on attempt 2
int(91)
