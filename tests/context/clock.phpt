--TEST--
CloudAcct\Clock: wall time by default; freeze, advance and release when settable
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Clock;
var_dump(abs(Clock::now() - time()) <= 1, Clock::isFrozen());
Clock::freeze(1798732800); // 2027-01-01 00:00 +08:00 is 1798732800 - 28800
var_dump(Clock::now(), Clock::isFrozen());
var_dump(Clock::advance(3600), Clock::now());
var_dump(Clock::advance(-7200));
Clock::release();
var_dump(abs(Clock::now() - time()) <= 1, Clock::isFrozen());
// advancing an unfrozen clock shifts it
var_dump(abs(Clock::advance(86400) - (time() + 86400)) <= 1);
Clock::release();
ca_expect_throw(fn() => Clock::freeze(-1));
ca_expect_throw(fn() => Clock::freeze(4294967296));
Clock::freeze(10);
ca_expect_throw(fn() => Clock::advance(-11));
var_dump(Clock::now());
?>
--EXPECT--
bool(true)
bool(false)
int(1798732800)
bool(true)
int(1798736400)
int(1798736400)
int(1798729200)
bool(true)
bool(false)
bool(true)
ValueError: CloudAcct\Clock::freeze(): Argument #1 ($timestamp) must be a unix timestamp between 0 and 4294967295
ValueError: CloudAcct\Clock::freeze(): Argument #1 ($timestamp) must be a unix timestamp between 0 and 4294967295
ValueError: CloudAcct\Clock::advance(): Argument #1 ($seconds) must keep the clock between 0 and 4294967295
int(10)
