--TEST--
Schema: a claim left by a process that died halfway is taken over once its lease has run out; a live claim is waited for
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Db\Schema;
$db = ca_db('schema_takeover');
Schema::migrate($db);
// simulate: version 1 claimed by a dead process, half applied (its table exists, not marked done)
$db->execute('UPDATE {schema_version} SET state = 0, owner = ?, lease_until = ? WHERE version = 1', ['dead-host:1:0', time() - 10]);
var_dump(Schema::currentVersion($db)); // version 1 is not applied, so nothing above it counts
$applied = Schema::migrate($db);
var_dump(in_array(1, $applied, true));
$row = $db->queryRow('SELECT state, owner <> ? AS new_owner FROM {schema_version} WHERE version = 1', ['dead-host:1:0']);
var_dump($row);
// a live claim by another process that finishes while we wait
$db->execute('UPDATE {schema_version} SET state = 0, owner = ?, lease_until = ? WHERE version = 1', ['busy-host:2:0', time() + 60]);
$helper = proc_open(ca_php_cmd() . ' -r ' . escapeshellarg('require getenv("CA_INC"); usleep(300000);
  $db = new CloudAcct\Db\Connection(ca_options(["database" => "cloudacct_t_schema_takeover"]));
  $db->execute("UPDATE {schema_version} SET state = 1 WHERE version = 1");'), [], $p, null,
  ['CA_INC' => realpath(__DIR__ . '/../inc/config.inc')] + getenv());
$t = microtime(true);
var_dump(Schema::migrate($db));
proc_close($helper);
var_dump(microtime(true) - $t >= 0.25);
ca_drop_db('schema_takeover');
?>
--EXPECT--
int(0)
bool(true)
array(2) {
  ["state"]=>
  int(1)
  ["new_owner"]=>
  int(1)
}
array(0) {
}
bool(true)
