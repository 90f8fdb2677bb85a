--TEST--
{name} expands to the prefixed module table outside quotes; table() validates names
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
$db = ca_db('tables', ['prefix' => 'we7_']);
$db->execute('CREATE TABLE {notes} (id INT PRIMARY KEY, uniacid INT UNSIGNED NOT NULL, body VARCHAR(64) NOT NULL)');
var_dump($db->queryValue("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'we7_cloudacct_notes'"));
$db->execute("INSERT INTO {notes} VALUES (1, 1, '{notes} and \"{x}\" stay as they are')");
$db->execute('INSERT INTO {notes} VALUES (2, 1, ?)', ['{notes}']);
var_dump($db->query("SELECT body, '{notes}' AS lit, `id` FROM {notes} ORDER BY id"));
var_dump($db->table('notes'));
ca_expect_throw(fn() => $db->table('Notes'));
ca_expect_throw(fn() => $db->table('a`b'));
ca_expect_throw(fn() => $db->table(''));
ca_expect_throw(fn() => $db->table(str_repeat('a', 65)));
// {Upper} and { spaced } are not table references
ca_expect_throw(fn() => $db->query('SELECT 1 FROM {Notes}'));
ca_drop_db('tables');
?>
--EXPECTF--
int(1)
array(2) {
  [0]=>
  array(3) {
    ["body"]=>
    string(34) "{notes} and "{x}" stay as they are"
    ["lit"]=>
    string(7) "{notes}"
    ["id"]=>
    int(1)
  }
  [1]=>
  array(3) {
    ["body"]=>
    string(7) "{notes}"
    ["lit"]=>
    string(7) "{notes}"
    ["id"]=>
    int(2)
  }
}
string(21) "`we7_cloudacct_notes`"
ValueError: CloudAcct\Db\Connection::table(): Argument #1 ($name) must contain only a-z, 0-9 and _
ValueError: CloudAcct\Db\Connection::table(): Argument #1 ($name) must contain only a-z, 0-9 and _
ValueError: CloudAcct\Db\Connection::table(): Argument #1 ($name) must be a table name of 1 to 64 characters
ValueError: CloudAcct\Db\Connection::table(): Argument #1 ($name) must be a table name of 1 to 64 characters
CloudAcct\DatabaseException: 数据库错误：You have an error in your SQL syntax;%s
