--TEST--
INI settings: defaults, scopes and validation
--EXTENSIONS--
cloudacct
--FILE--
<?php
foreach (['db.persistent', 'db.max_persistent', 'db.connect_timeout', 'db.read_timeout', 'db.write_timeout',
          'db.idle_ping', 'db.stmt_cache_size', 'db.tx_attempts', 'clock_settable'] as $k) {
    echo "cloudacct.$k = ", var_export(ini_get("cloudacct.$k"), true), "\n";
}
// runtime-changeable timeouts accept positive values only
var_dump(ini_set('cloudacct.db.connect_timeout', '2'), ini_get('cloudacct.db.connect_timeout'));
var_dump(ini_set('cloudacct.db.connect_timeout', '0'), ini_get('cloudacct.db.connect_timeout'));
var_dump(ini_set('cloudacct.db.idle_ping', '-1'), ini_set('cloudacct.db.idle_ping', '0'));
// system-only settings cannot change at runtime
var_dump(ini_set('cloudacct.db.persistent', '0'), ini_set('cloudacct.clock_settable', '1'));
?>
--EXPECT--
cloudacct.db.persistent = '1'
cloudacct.db.max_persistent = '8'
cloudacct.db.connect_timeout = '5'
cloudacct.db.read_timeout = '30'
cloudacct.db.write_timeout = '30'
cloudacct.db.idle_ping = '30'
cloudacct.db.stmt_cache_size = '128'
cloudacct.db.tx_attempts = '3'
cloudacct.clock_settable = '0'
string(1) "5"
string(1) "2"
bool(false)
string(1) "2"
bool(false)
string(2) "30"
bool(false)
bool(false)
