--TEST--
A link goes back to the pool clean: open transactions rolled back, session state reset; a dead pooled link is replaced transparently
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.db.idle_ping=3600
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Db\Connection;
$opts = ca_options(['database' => 'cloudacct_t_pool_reset']);
$db = ca_db('pool_reset');
$db->execute('CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB');
// an abandoned transaction is rolled back before the link is reused
$db->begin();
$db->execute('INSERT INTO t VALUES (1)');
$tid = $db->threadId();
unset($db);
$db = new Connection($opts);
var_dump($db->threadId() === $tid, $db->inTransaction(), $db->queryValue('SELECT COUNT(*) FROM t'));
// session variables and temporary tables do not leak to the next user
$db->execute('SET @secret = 42');
$db->execute('CREATE TEMPORARY TABLE tmp (x INT)');
unset($db);
$db = new Connection($opts);
var_dump($db->threadId() === $tid, $db->queryValue('SELECT @secret'));
ca_expect_throw(fn() => $db->query('SELECT * FROM tmp'));
var_dump($db->queryValue('SELECT @@SESSION.sql_mode'));
// the server drops the idle pooled session: the next Connection gets a new one without an error
$tid = $db->threadId();
unset($db);
ca_root()->execute("KILL CONNECTION $tid");
$db = new Connection($opts);
var_dump($db->queryValue('SELECT 7'), $db->threadId() !== $tid);
echo json_encode(Connection::poolStats()), "\n";
ca_drop_db('pool_reset');
?>
--EXPECTF--
bool(true)
bool(false)
int(0)
bool(true)
NULL
CloudAcct\DatabaseException: 数据库错误：Table 'cloudacct_t_pool_reset.tmp' doesn't exist (query, errno 1146, SQLSTATE 42S02)
string(67) "STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"
int(7)
bool(true)
{"opened":%d,"reused":%d,"replaced":1,"active":1,"idle":0}
