--TEST--
The pool: links are reused across Connection objects, never shared by two at once, capped, and optional
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.db.max_persistent=2
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Db\Connection;
$stats = fn() => implode(' ', array_map(fn($k, $v) => "$k=$v", array_keys(Connection::poolStats()), Connection::poolStats()));
$a = new Connection(ca_options());
$b = new Connection(ca_options());
var_dump($a->threadId() !== $b->threadId());
echo $stats(), "\n";
$ta = $a->threadId();
unset($a);                       // back to the pool
echo $stats(), "\n";
$c = new Connection(ca_options());
var_dump($c->threadId() === $ta); // the same session again
echo $stats(), "\n";
// over the cap (2 pooled links per process): the third link lives for its object only
$d = new Connection(ca_options());
echo $stats(), "\n";
unset($d);
echo $stats(), "\n";
// persistent=false never pools
$e = new Connection(ca_options(['persistent' => false]));
$te = $e->threadId();
$e->close();
echo $stats(), "\n";
// different options (another prefix) get other links
$f = new Connection(ca_options(['prefix' => 'x_']));
var_dump($f->threadId() !== $ta && $f->threadId() !== $te);
unset($b, $c, $f);
echo $stats(), "\n";
?>
--EXPECT--
bool(true)
opened=2 reused=0 replaced=0 active=2 idle=0
opened=2 reused=0 replaced=0 active=1 idle=1
bool(true)
opened=2 reused=1 replaced=0 active=2 idle=0
opened=3 reused=1 replaced=0 active=3 idle=0
opened=3 reused=1 replaced=0 active=2 idle=0
opened=4 reused=1 replaced=0 active=2 idle=0
bool(true)
opened=5 reused=1 replaced=0 active=0 idle=2
