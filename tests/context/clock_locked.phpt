--TEST--
CloudAcct\Clock cannot be set unless cloudacct.clock_settable=1 (production safety)
--EXTENSIONS--
cloudacct
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Clock;
ca_expect_throw(fn() => Clock::freeze(100));
ca_expect_throw(fn() => Clock::advance(100));
var_dump(Clock::isFrozen(), abs(Clock::now() - time()) <= 1);
Clock::release(); // harmless
?>
--EXPECT--
Error: 时钟不可设置：仅在 cloudacct.clock_settable=1 时可用 (the clock is settable only in tests)
Error: 时钟不可设置：仅在 cloudacct.clock_settable=1 时可用 (the clock is settable only in tests)
bool(false)
bool(true)
