--TEST--
Schema: migrate a fresh database, idempotent rerun, version per prefix, every table has uniacid, dropAll
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Db\Schema;
$db = ca_db('schema_migrate');
var_dump(Schema::currentVersion($db));
$latest = Schema::latestVersion();
// versions ascend from 1 without duplicates (numbers are reserved per area, so one may land before a lower one)
$all = array_keys(Schema::migrations());
$sorted = $all;
sort($sorted);
var_dump($latest === max($all), $all === $sorted && $all[0] === 1 && count(array_unique($all)) === count($all));
var_dump(Schema::migrate($db) === $all, Schema::currentVersion($db) === $latest);
var_dump(Schema::migrate($db), Schema::currentVersion($db) === $latest);
// every module table exists, is InnoDB utf8mb4, and has an indexed uniacid column
$tables = Schema::tables();
var_dump(in_array('schema_version', $tables, true), in_array('audit', $tables, true));
foreach ($tables as $t) {
    $row = $db->queryRow("SELECT ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?", ["ims_cloudacct_$t"]);
    $col = $db->queryRow("SELECT COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = 'uniacid'", ["ims_cloudacct_$t"]);
    if (!$row || $row['ENGINE'] !== 'InnoDB' || !str_starts_with($row['TABLE_COLLATION'], 'utf8mb4') || !$col
        || $col['COLUMN_TYPE'] !== 'int(10) unsigned' || $col['IS_NULLABLE'] !== 'NO') {
        echo "bad table $t: ", json_encode([$row, $col]), "\n";
    }
}
// indexed varchar columns stay within 191 characters (utf8mb4 index limit on old MySQL)
$wide = $db->query("SELECT s.TABLE_NAME, s.COLUMN_NAME, c.CHARACTER_MAXIMUM_LENGTH FROM information_schema.STATISTICS s
    JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME
    WHERE s.TABLE_SCHEMA = DATABASE() AND c.CHARACTER_MAXIMUM_LENGTH > 191 AND s.SUB_PART IS NULL");
var_dump($wide);
// another prefix in the same database is another installation
$other = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_schema_migrate', 'prefix' => 'alt_']));
var_dump(Schema::currentVersion($other), Schema::migrate($other) === $all);
$versions = $db->query('SELECT version, state, applied_at > 0 AS applied FROM {schema_version} ORDER BY version');
var_dump(count($versions) === count($all) && $versions[0]['state'] === 1 && $versions[0]['applied'] === 1);
// uninstall with data removal
Schema::dropAll($db);
var_dump(Schema::currentVersion($db), Schema::currentVersion($other) === $latest);
var_dump($db->queryValue("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'ims\\_%'"));
// and back
var_dump(Schema::migrate($db) === $all);
ca_drop_db('schema_migrate');
?>
--EXPECT--
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
array(0) {
}
bool(true)
bool(true)
bool(true)
array(0) {
}
int(0)
bool(true)
bool(true)
int(0)
bool(true)
int(0)
bool(true)
