--TEST--
Prepared statements are prepared once per session and reused; the cache is bounded and evicts the least recently used
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.db.stmt_cache_size=3
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$db = new CloudAcct\Db\Connection(ca_options(['persistent' => false]));
$prepares = fn() => (int) $db->queryRow("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'")['Value'];
$open = fn() => (int) ca_root()->queryValue(
    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?", [$db->threadId()]);
$p0 = $prepares();
for ($i = 0; $i < 50; $i++) {
    $db->queryValue('SELECT ? + 1', [$i]);
}
echo "50 runs, prepares: ", $prepares() - $p0, "\n"; // the SHOW itself is cached after its first run
// four distinct statements with room for three: still correct, the oldest is prepared again
$p0 = $prepares();
$sum = 0;
for ($i = 0; $i < 5; $i++) {
    foreach (['SELECT ? + 0', 'SELECT ? + 10', 'SELECT ? + 100', 'SELECT ? + 1000'] as $sql) {
        $sum += $db->queryValue($sql, [$i]);
    }
}
echo "sum: $sum\n";
var_dump($prepares() - $p0 > 4);
// a schema change under a cached statement: the result shape follows the table
$db->execute('CREATE TEMPORARY TABLE s (a INT)');
$db->execute('INSERT INTO s VALUES (1)');
var_dump(array_keys($db->queryRow('SELECT * FROM s')));
$db->execute('ALTER TABLE s ADD COLUMN b INT NOT NULL DEFAULT 2');
var_dump($db->queryRow('SELECT * FROM s'));
?>
--EXPECT--
50 runs, prepares: 1
sum: 5590
bool(true)
array(1) {
  [0]=>
  string(1) "a"
}
array(2) {
  ["a"]=>
  int(1)
  ["b"]=>
  int(2)
}
