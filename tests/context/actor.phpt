--TEST--
CloudAcct\Actor: factories, readonly properties, kind checks, bad input
--EXTENSIONS--
cloudacct
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\{Actor, ActorKind};
$c = Actor::client(12, '10.0.0.8');
$s = Actor::staff(3);
$a = Actor::admin(1, '::1');
$y = Actor::system();
foreach ([$c, $s, $a, $y] as $x) {
    printf("%s %d '%s' client=%d staff=%d admin=%d system=%d\n", $x->kind->value, $x->id, $x->ip,
        $x->isClient(), $x->isStaff(), $x->isAdmin(), $x->isSystem());
}
var_dump($c->kind === ActorKind::Client);
ca_expect_throw(function () use ($c) { $c->id = 99; });
ca_expect_throw(fn() => Actor::client(0));
ca_expect_throw(fn() => Actor::staff(-4));
ca_expect_throw(fn() => Actor::admin(4294967296));
ca_expect_throw(fn() => Actor::client(1, '1.2.3.4<script>'));
ca_expect_throw(fn() => Actor::system(str_repeat('1', 46)));
$copy = clone $a;
var_dump($copy == $a, $copy->id);
?>
--EXPECT--
client 12 '10.0.0.8' client=1 staff=0 admin=0 system=0
staff 3 '' client=0 staff=1 admin=0 system=0
admin 1 '::1' client=0 staff=0 admin=1 system=0
system 0 '' client=0 staff=0 admin=0 system=1
bool(true)
Error: Cannot modify readonly property CloudAcct\Actor::$id
ValueError: CloudAcct\Actor::client(): Argument #1 ($contactId) must be a positive id
ValueError: CloudAcct\Actor::staff(): Argument #1 ($staffId) must be a positive id
ValueError: CloudAcct\Actor::admin(): Argument #1 ($uid) must be a positive id
ValueError: CloudAcct\Actor::client(): Argument #2 ($ip) must be an IPv4 or IPv6 address
ValueError: CloudAcct\Actor::system(): Argument #1 ($ip) must be an IPv4 or IPv6 address
bool(true)
int(1)
