--TEST--
SQL errors become typed exceptions with errno and SQLSTATE: syntax, unique key, oversize value, invalid UTF-8 — and nothing half-written
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$db = ca_db('sql_errors');
$db->execute('CREATE TABLE c (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, uniacid INT UNSIGNED NOT NULL,
  code VARCHAR(18) NOT NULL, name VARCHAR(10) NOT NULL, UNIQUE KEY uq (uniacid, code)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4');
function show(callable $fn) {
    try { $fn(); echo "no exception\n"; }
    catch (CloudAcct\DatabaseException $e) {
        printf("%s %d %s | %s\n", get_class($e), $e->getCode(), $e->getSqlState(), $e->getMessage());
    }
}
$db->execute('INSERT INTO c (uniacid, code, name) VALUES (1, ?, ?)', ['A1', '甲公司']);
show(fn() => $db->execute('SELEC 1'));
show(fn() => $db->query('SELECT nope FROM c'));
show(fn() => $db->execute('INSERT INTO c (uniacid, code, name) VALUES (1, ?, ?)', ['A1', '乙']));
show(fn() => $db->execute('INSERT INTO c (uniacid, code, name) VALUES (1, ?, ?)', ['B2', str_repeat('名', 11)]));
show(fn() => $db->execute('INSERT INTO c (uniacid, code, name) VALUES (1, ?, ?)', ['B3', "bad\xC3\x28"]));
show(fn() => $db->execute('INSERT INTO c (uniacid, code, name) VALUES (?, ?, ?)', [-1, 'B4', 'x']));
// an error raised while rows stream in (after the execute succeeded) keeps its errno
show(fn() => $db->query('SELECT (SELECT 1 UNION SELECT 2) AS x FROM c'));
// inside a transaction: the failed statement leaves nothing, and rollback removes the rest
try {
    $db->transaction(function ($db) {
        $db->execute('INSERT INTO c (uniacid, code, name) VALUES (2, ?, ?)', ['T1', 'ok']);
        $db->execute('INSERT INTO c (uniacid, code, name) VALUES (2, ?, ?)', ['T1', 'dup']);
    });
} catch (CloudAcct\DuplicateKeyException $e) {
    echo "rolled back: ", $e->getCode(), "\n";
}
var_dump($db->queryValue('SELECT COUNT(*) FROM c'), $db->inTransaction());
// the connection is still usable after every error
var_dump($db->queryValue('SELECT name FROM c WHERE code = ?', ['A1']));
ca_drop_db('sql_errors');
?>
--EXPECTF--
CloudAcct\DatabaseException 1064 42000 | 数据库错误：You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 (query, errno 1064, SQLSTATE 42000)
CloudAcct\DatabaseException 1054 42S22 | 数据库错误：Unknown column 'nope' in '%s' (query, errno 1054, SQLSTATE 42S22)
CloudAcct\DuplicateKeyException 1062 23000 | 数据重复：Duplicate entry '1-A1' for key 'uq' (query, errno 1062, SQLSTATE 23000)
CloudAcct\DatabaseException 1406 22001 | 数据库错误：Data too long for column 'name' at row 1 (query, errno 1406, SQLSTATE 22001)
CloudAcct\DatabaseException 1366 22007 | 数据库错误：Incorrect string value: '\xC3(' for column `cloudacct_t_sql_errors`.`c`.`name` at row 1 (query, errno 1366, SQLSTATE 22007)
CloudAcct\DatabaseException 1264 22003 | 数据库错误：Out of range value for column 'uniacid' at row 1 (query, errno 1264, SQLSTATE 22003)
CloudAcct\DatabaseException 1242 21000 | 数据库错误：Subquery returns more than 1 row (query, errno 1242, SQLSTATE 21000)
rolled back: 1062
int(1)
bool(false)
string(9) "甲公司"
