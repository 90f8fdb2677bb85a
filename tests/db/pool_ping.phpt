--TEST--
With idle_ping=0 every checkout pings; a link killed while idle is found dead and replaced before use
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.db.idle_ping=0
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Db\Connection;
$db = new Connection(ca_options());
$tid = $db->threadId();
unset($db);
ca_root()->execute("KILL CONNECTION $tid");
$db = new Connection(ca_options());
var_dump($db->threadId() !== $tid, $db->queryValue('SELECT 1'));
$s = Connection::poolStats();
var_dump($s['replaced'], $s['opened']);
?>
--EXPECT--
bool(true)
int(1)
int(1)
int(3)
