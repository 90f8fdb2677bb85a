--TEST--
Transactions: begin/commit/rollback, nesting joins the outer one, transaction() returns and rethrows
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$db = ca_db('transactions');
$db->execute('CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB');
$count = fn() => $db->queryValue('SELECT COUNT(*) FROM t');
$db->begin(); $db->execute('INSERT INTO t VALUES (1)'); var_dump($db->inTransaction()); $db->rollback();
var_dump($count(), $db->inTransaction());
$db->begin(); $db->execute('INSERT INTO t VALUES (1)'); $db->commit();
var_dump($count());
// nesting: inner commit is a no-op, the outer commit decides
$db->begin(); $db->begin(); $db->execute('INSERT INTO t VALUES (2)'); $db->commit();
var_dump($db->inTransaction()); $db->rollback();
var_dump($count());
// an inner rollback dooms the outer transaction
$db->begin(); $db->execute('INSERT INTO t VALUES (3)'); $db->begin(); $db->rollback();
ca_expect_throw(fn() => $db->commit());
var_dump($count(), $db->inTransaction());
ca_expect_throw(fn() => $db->commit());
$db->rollback(); // no transaction: harmless
// transaction(): value out, exception rolls back and propagates
var_dump($db->transaction(function ($c) use ($db) { var_dump($c === $db); $c->execute('INSERT INTO t VALUES (4)'); return ['ok' => 4]; }));
ca_expect_throw(fn() => $db->transaction(function ($c) { $c->execute('INSERT INTO t VALUES (5)'); throw new DomainException('业务失败'); }));
var_dump($count());
var_dump($db->transaction(function () {}));
// nested transaction() joins; an inner failure caught by the outer callback still dooms the whole
ca_expect_throw(fn() => $db->transaction(function ($c) {
    $c->execute('INSERT INTO t VALUES (6)');
    try { $c->transaction(function ($c) { throw new RuntimeException('inner'); }); } catch (RuntimeException $e) { echo "caught inner\n"; }
}));
var_dump($count());
ca_expect_throw(fn() => $db->transaction('no_such_function'));
ca_expect_throw(fn() => $db->transaction(fn() => 1, -1));
// Schema changes refuse to run inside a transaction
$db->begin();
ca_expect_throw(fn() => CloudAcct\Db\Schema::migrate($db));
$db->rollback();
ca_drop_db('transactions');
?>
--EXPECT--
bool(true)
int(0)
bool(false)
int(1)
bool(true)
int(1)
CloudAcct\ConflictException: 事务的内层已回滚，整个事务已撤销 (an inner level rolled back)
int(1)
bool(false)
Error: 没有进行中的事务 (no transaction is active)
bool(true)
array(1) {
  ["ok"]=>
  int(4)
}
DomainException: 业务失败
int(2)
NULL
caught inner
CloudAcct\ConflictException: 事务的内层已回滚，整个事务已撤销 (an inner level rolled back)
int(2)
TypeError: CloudAcct\Db\Connection::transaction(): Argument #1 ($fn) must be a valid callback, function "no_such_function" not found or invalid function name
ValueError: CloudAcct\Db\Connection::transaction(): Argument #2 ($attempts) must be between 0 and 100
Error: 不能在事务中升级数据库 (DDL would commit the open transaction)
