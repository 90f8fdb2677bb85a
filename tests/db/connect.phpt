--TEST--
Connection: Unix socket and TCP, 微擎 option spellings, string port, handle behaviour
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Db\Connection;
$sock = new Connection(ca_options());
var_dump($sock->queryValue('SELECT 1 + 1'), $sock->prefix(), str_contains($sock->serverVersion(), 'MariaDB'));
var_dump($sock->queryValue("SELECT @@character_set_connection"), $sock->queryValue('SELECT @@SESSION.sql_mode'));
$tcp = new Connection(ca_options(['socket' => null, 'host' => '127.0.0.1', 'port' => (int) ca_env('DB_PORT')]));
$how = fn($c) => $c->queryValue('SELECT HOST FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()');
var_dump(str_contains($how($tcp), ':'), str_contains($how($sock), ':'));
var_dump($tcp->threadId() !== $sock->threadId());
// 微擎 data/config.php spelling: username, tablepre, port as a string, charset utf8
$o = ca_options(['socket' => null, 'host' => '127.0.0.1', 'port' => ca_env('DB_PORT'), 'tablepre' => 'we7_', 'charset' => 'utf8']);
$o['username'] = $o['user']; unset($o['user'], $o['prefix']);
$we7 = new Connection($o);
var_dump($we7->prefix(), $we7->table('jobs'));
ca_expect_throw(fn() => clone $sock);
ca_expect_throw(function () use ($sock) { $sock->undeclared = 1; });
ca_expect_throw(fn() => $sock->__construct(ca_options()));
var_dump($sock == $sock);
ca_expect_throw(fn() => $sock == $tcp);
$sock->close();
$sock->close();
ca_expect_throw(fn() => $sock->query('SELECT 1'));
ca_expect_throw(fn() => $sock->threadId());
?>
--EXPECT--
int(2)
string(4) "ims_"
bool(true)
string(7) "utf8mb4"
string(67) "STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"
bool(true)
bool(false)
bool(true)
string(4) "we7_"
string(20) "`we7_cloudacct_jobs`"
Error: Trying to clone an uncloneable object of class CloudAcct\Db\Connection
Error: Cannot create dynamic property CloudAcct\Db\Connection::$undeclared
Error: Connection 已初始化 (already constructed)
bool(true)
no exception
Error: 数据库连接已关闭 (the connection was closed)
Error: 数据库连接已关闭 (the connection was closed)
