--TEST--
The server side of a session dies mid-transaction: ConnectionException, nothing half-written, the next use reconnects
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$db = ca_db('killed_mid_tx');
$db->execute('CREATE TABLE bill (id INT PRIMARY KEY, amount INT NOT NULL) ENGINE=InnoDB');
$root = ca_root();
$tid = $db->threadId();
$calls = 0;
try {
    $db->transaction(function ($db) use ($root, $tid, &$calls) {
        $calls++;
        $db->execute('INSERT INTO bill VALUES (1, 100)');
        $root->execute("KILL CONNECTION $tid");
        $db->execute('INSERT INTO bill VALUES (2, 200)');
    });
} catch (CloudAcct\ConnectionException $e) {
    echo get_class($e), ' ', $e->getCode(), "\n";
}
echo "callback ran $calls time(s)\n";
var_dump($db->inTransaction());
// the next statement runs on a new session, and the first insert was rolled back with the old one
var_dump($db->queryValue('SELECT COUNT(*) FROM bill'), $db->threadId() !== $tid);
// begin/commit by hand: a lost link poisons the transaction until it is rolled back
$db->begin();
$db->execute('INSERT INTO bill VALUES (3, 300)');
$root->execute('KILL CONNECTION ' . $db->threadId());
ca_expect_throw(fn() => $db->execute('INSERT INTO bill VALUES (4, 400)'));
ca_expect_throw(fn() => $db->execute('INSERT INTO bill VALUES (5, 500)'));
ca_expect_throw(fn() => $db->commit());
var_dump($db->inTransaction(), $db->queryValue('SELECT COUNT(*) FROM bill'));
$db->begin();
$db->execute('INSERT INTO bill VALUES (6, 600)');
$root->execute('KILL CONNECTION ' . $db->threadId());
ca_expect_throw(fn() => $db->execute('INSERT INTO bill VALUES (7, 700)'));
$db->rollback();
var_dump($db->queryValue('SELECT COUNT(*) FROM bill'));
ca_drop_db('killed_mid_tx');
?>
--EXPECTF--
CloudAcct\ConnectionException %d
callback ran 1 time(s)
bool(false)
int(0)
bool(true)
CloudAcct\ConnectionException: 数据库连接失败：%s
CloudAcct\ConnectionException: 数据库连接在事务中断开，事务已回滚，请重试 (connection lost inside a transaction)
CloudAcct\ConnectionException: 数据库连接在事务中断开，事务已回滚，请重试 (connection lost inside a transaction)
bool(false)
int(0)
CloudAcct\ConnectionException: 数据库连接失败：%s
int(0)
