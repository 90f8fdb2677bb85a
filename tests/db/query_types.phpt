--TEST--
Row fetch maps column types to PHP types; long values, NULLs, duplicate and numeric column names
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$db = ca_db('query_types');
$db->execute("CREATE TABLE t (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, tiny TINYINT NULL, big BIGINT NULL,
  ubig BIGINT UNSIGNED NULL, amt DECIMAL(12,2) NULL, f DOUBLE NULL, name VARCHAR(191) NULL, body MEDIUMTEXT NULL,
  bin VARBINARY(16) NULL, d DATE NULL, ts DATETIME NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
$long = str_repeat('长', 100000); // 300,000 bytes: far past the initial buffer
$db->execute('INSERT INTO t (tiny, big, ubig, amt, f, name, body, bin, d, ts) VALUES (?,?,?,?,?,?,?,?,?,?)',
    [-5, PHP_INT_MIN, '18446744073709551615', '1234.50', 0.25, '张三 <b>', $long, "\x00\x01\xff", '2026-02-28', '2026-11-27 08:00:00']);
$db->execute('INSERT INTO t (name) VALUES (?)', [null]);
$rows = $db->query('SELECT * FROM t ORDER BY id');
$r = $rows[0];
foreach ($r as $k => $v) {
    echo $k, ': ', get_debug_type($v), ' ', $k === 'body' ? strlen($v) . ' bytes ' . ($v === $long ? 'same' : 'DIFFERENT') : json_encode($v, JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
}
echo json_encode($rows[1]), "\n";
// the long value again after the buffer grew, and a short one after it
var_dump(strlen($db->queryValue('SELECT body FROM t WHERE id = 1')), $db->queryValue('SELECT body FROM t WHERE id = 2'));
var_dump($db->query('SELECT body FROM t ORDER BY id DESC')[1]['body'] === $long);
// duplicate and numeric column names behave like PHP arrays
var_dump($db->queryRow('SELECT 1 AS a, 2 AS a, 3 AS `7`'));
var_dump($db->queryRow('SELECT * FROM t WHERE id = 99'), $db->queryValue('SELECT id FROM t WHERE id = 99'), $db->query('SELECT * FROM t WHERE id = 99'));
var_dump($db->queryValue('SELECT COUNT(*) FROM t'), $db->queryValue('SELECT SUM(amt) FROM t'), $db->queryValue('SELECT NULL'));
ca_drop_db('query_types');
?>
--EXPECT--
id: int 1
tiny: int -5
big: int -9223372036854775808
ubig: string "18446744073709551615"
amt: string "1234.50"
f: float 0.25
name: string "张三 <b>"
body: string 300000 bytes same
bin: string "\u0000\u0001�"
d: string "2026-02-28"
ts: string "2026-11-27 08:00:00"
{"id":2,"tiny":null,"big":null,"ubig":null,"amt":null,"f":null,"name":null,"body":null,"bin":null,"d":null,"ts":null}
int(300000)
NULL
bool(true)
array(2) {
  ["a"]=>
  int(2)
  [7]=>
  int(3)
}
NULL
NULL
array(0) {
}
int(2)
string(7) "1234.50"
NULL
