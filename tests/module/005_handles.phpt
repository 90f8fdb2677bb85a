--TEST--
Handle and value classes refuse serialization, cloning and direct construction where it makes no sense
--EXTENSIONS--
cloudacct
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
ca_expect_throw(fn() => serialize(CloudAcct\Actor::system()));
ca_expect_throw(fn() => unserialize('O:23:"CloudAcct\Db\Connection":0:{}'));
ca_expect_throw(fn() => new CloudAcct\Actor());
// internal final classes cannot be made without their constructor
ca_expect_throw(fn() => (new ReflectionClass('CloudAcct\Store'))->newInstanceWithoutConstructor());
?>
--EXPECT--
Exception: Serialization of 'CloudAcct\Actor' is not allowed
Exception: Unserialization of 'CloudAcct\Db\Connection' is not allowed
Error: Call to private CloudAcct\Actor::__construct() from global scope
ReflectionException: Class CloudAcct\Store is an internal class marked as final that cannot be instantiated without invoking its constructor
