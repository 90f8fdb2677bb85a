--TEST--
execute(): affected rows (matched rows, for conditional updates), insert ids, parameter binding and its errors
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$db = ca_db('execute_params');
$db->execute('CREATE TABLE j (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, status VARCHAR(16) NOT NULL, staff INT NULL, f DOUBLE NULL, flag TINYINT NULL)');
var_dump($db->execute('INSERT INTO j (status) VALUES (?), (?), (?)', ['open', 'open', 'done']));
var_dump($db->lastInsertId());
// a conditional update: exactly one winner
var_dump($db->execute("UPDATE j SET status = 'assigned', staff = ? WHERE id = ? AND status = 'open'", [7, 1]));
var_dump($db->execute("UPDATE j SET status = 'assigned', staff = ? WHERE id = ? AND status = 'open'", [8, 1]));
// setting the same values still reports the matched row
var_dump($db->execute("UPDATE j SET status = 'assigned' WHERE id = ?", [1]));
var_dump($db->execute('INSERT INTO j (status, staff, f, flag) VALUES (?, ?, ?, ?)', ['x', null, 1.5, true]));
var_dump($db->queryRow('SELECT staff, f, flag FROM j WHERE id = ?', [$db->lastInsertId()]));
// named keys are taken in order
var_dump($db->queryValue("SELECT CONCAT(?, '-', ?)", ['b' => 10, 'a' => 3]));
ca_expect_throw(fn() => $db->query('SELECT ?', []));
ca_expect_throw(fn() => $db->query('SELECT ?, ?', [1]));
ca_expect_throw(fn() => $db->query('SELECT ?', [1, 2]));
ca_expect_throw(fn() => $db->query('SELECT ?', [[1]]));
ca_expect_throw(fn() => $db->query('SELECT ?', [new stdClass]));
$x = 5; $ref = [&$x];
var_dump($db->queryValue('SELECT CONCAT(?)', $ref));
var_dump($db->execute('DELETE FROM j WHERE id > ?', [100]));
ca_drop_db('execute_params');
?>
--EXPECT--
int(3)
int(1)
int(1)
int(0)
int(1)
int(1)
array(3) {
  ["staff"]=>
  NULL
  ["f"]=>
  float(1.5)
  ["flag"]=>
  int(1)
}
string(4) "10-3"
CloudAcct\DatabaseException: 数据库错误：the statement has 1 placeholders but 0 parameters were given (query, errno 1210, SQLSTATE HY000)
CloudAcct\DatabaseException: 数据库错误：the statement has 2 placeholders but 1 parameters were given (query, errno 1210, SQLSTATE HY000)
CloudAcct\DatabaseException: 数据库错误：the statement has 1 placeholders but 2 parameters were given (query, errno 1210, SQLSTATE HY000)
TypeError: CloudAcct\Db\Connection::query(): Argument #2 ($params) must contain only int, float, string, bool or null values, array given
TypeError: CloudAcct\Db\Connection::query(): Argument #2 ($params) must contain only int, float, string, bool or null values, stdClass given
string(1) "5"
int(0)
