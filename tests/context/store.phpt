--TEST--
CloudAcct\Store binds one connection to one uniacid
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$db = new CloudAcct\Db\Connection(ca_options());
$s = new CloudAcct\Store($db, 7);
var_dump($s->uniacid(), $s->connection() === $db);
ca_expect_throw(fn() => new CloudAcct\Store($db, 0));
ca_expect_throw(fn() => new CloudAcct\Store($db, -1));
ca_expect_throw(fn() => $s->__construct($db, 8));
var_dump($s->uniacid());
ca_expect_throw(fn() => new CloudAcct\Store(new stdClass, 1));
// the store keeps its connection alive after the caller drops it
unset($db);
var_dump($s->connection()->queryValue('SELECT 42'));
// cycles through the store are collected
$o = new stdClass; $o->s = $s; unset($s, $o);
var_dump(gc_collect_cycles() >= 0);
?>
--EXPECT--
int(7)
bool(true)
ValueError: CloudAcct\Store::__construct(): Argument #2 ($uniacid) must be a positive uniacid
ValueError: CloudAcct\Store::__construct(): Argument #2 ($uniacid) must be a positive uniacid
Error: Store 已初始化 (already constructed)
int(7)
TypeError: CloudAcct\Store::__construct(): Argument #1 ($db) must be of type CloudAcct\Db\Connection, stdClass given
int(42)
bool(true)
