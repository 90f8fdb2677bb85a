--TEST--
Books\Books::lines/setLines: the default lines, validated configuration (admins not limited to stores), fallback when the stored setting is malformed
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/books.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Books\Books;
$db = w_setup('books_lines');
$books = new Books(new Store($db, 1));
$admin = Actor::admin(1);
echo json_encode($books->lines(Actor::client(5)), JSON_UNESCAPED_UNICODE), "\n";
$mine = [
    ['key' => 'revenue', 'label' => '营业收入', 'kind' => 'amount'],
    ['key' => 'vat', 'label' => '增值税', 'kind' => 'amount', 'tax' => true],
    ['key' => 'memo', 'label' => '说明', 'kind' => 'text', 'tax' => false],
];
$books->setLines($admin, $mine);
echo json_encode($books->lines(Actor::staff(1)), JSON_UNESCAPED_UNICODE), "\n";
echo $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'books_lines_set'"), "\n";
// bad configurations: nothing stored
$before = $db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'books_lines'");
foreach ([
    [],
    ['a' => ['key' => 'x', 'label' => 'x', 'kind' => 'amount']],
    [['key' => 'Revenue', 'label' => '收入', 'kind' => 'amount']],
    [['key' => 'x', 'label' => '收入', 'kind' => 'amount'], ['key' => 'x', 'label' => '成本', 'kind' => 'amount']],
    [['key' => 'x', 'label' => '', 'kind' => 'amount']],
    [['key' => 'x', 'kind' => 'amount']],
    [['key' => 'x', 'label' => '收入', 'kind' => 'money']],
    [['key' => 'x', 'label' => '备注', 'kind' => 'text', 'tax' => true]],
    [['key' => 'x', 'label' => '收入', 'kind' => 'amount', 'tax' => 1]],
    [['key' => 'x', 'label' => '收入', 'kind' => 'amount', 'colour' => 'red']],
    ['not an object'],
    array_fill(0, 31, ['key' => 'x', 'label' => 'x', 'kind' => 'amount']),
] as $bad) {
    ca_expect_throw(fn() => $books->setLines($admin, $bad));
}
ca_expect_throw(fn() => $books->setLines(Actor::staff(1), $mine));
ca_expect_throw(fn() => $books->setLines(Actor::client(1), $mine));
$db->execute('INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES (1, 9, 1)');
ca_expect_throw(fn() => $books->setLines(Actor::admin(9), $mine));
var_dump($db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'books_lines'") === $before);
// a malformed value written around setLines falls back to the defaults; another uniacid has its own
w_setting($db, 1, 'books_lines', [['key' => 'BAD']]);
echo count($books->lines($admin)), ' ', count((new Books(new Store($db, 2)))->lines($admin)), "\n";
// the area object needs its Store, once
ca_expect_throw(fn() => (new ReflectionClass(Books::class))->newInstanceWithoutConstructor()->lines($admin));
ca_expect_throw(fn() => $books->__construct(new Store($db, 1)));
ca_drop_db('books_lines');
?>
--EXPECT--
[{"key":"revenue","label":"收入","kind":"amount","tax":false},{"key":"cost","label":"成本","kind":"amount","tax":false},{"key":"profit","label":"利润","kind":"amount","tax":false},{"key":"vat","label":"应交增值税","kind":"amount","tax":true},{"key":"income_tax","label":"应交所得税","kind":"amount","tax":true},{"key":"bank_balance","label":"银行余额","kind":"amount","tax":false},{"key":"remark","label":"备注","kind":"text","tax":false}]
[{"key":"revenue","label":"营业收入","kind":"amount","tax":false},{"key":"vat","label":"增值税","kind":"amount","tax":true},{"key":"memo","label":"说明","kind":"text","tax":false}]
1
CloudAcct\ValidationException: 账目项目须为 1 到 30 项的列表 (lines: list of 1..30)
CloudAcct\ValidationException: 账目项目须为 1 到 30 项的列表 (lines: list of 1..30)
CloudAcct\ValidationException: 项目代码须为小写字母开头的字母、数字、下划线，最多 32 位 (lines[0].key: identifier expected)
CloudAcct\ValidationException: 项目代码 x 重复 (lines[1].key: duplicate)
CloudAcct\ValidationException: “项目名称”须为 1 到 20 个字符 (lines[0]: 1..20 characters)
CloudAcct\ValidationException: 请填写项目名称 (lines[0].label: required)
CloudAcct\ValidationException: 项目类型须为 amount（金额）或 text（文字）(lines[0].kind: amount|text)
CloudAcct\ValidationException: 只有金额项目可以计入税额 (lines[0].tax: only amount lines)
CloudAcct\ValidationException: tax 须为 true 或 false (lines[0].tax: bool expected)
CloudAcct\ValidationException: 账目项目只能有 key、label、kind、tax (lines[0]: unknown key)
CloudAcct\ValidationException: 账目项目须为 {key, label, kind, tax} (lines[0]: object expected)
CloudAcct\ValidationException: 账目项目须为 1 到 30 项的列表 (lines: list of 1..30)
CloudAcct\ForbiddenException: 只有管理员可以设置全公司的账目项目 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以设置全公司的账目项目 (admin only)
CloudAcct\ForbiddenException: 门店管理员不能设置全公司的账目项目，请联系总管理员 (admins limited to stores may not do this)
bool(true)
7 7
ReflectionException: Class CloudAcct\Books\Books is an internal class marked as final that cannot be instantiated without invoking its constructor
Error: CloudAcct\Books\Books 已初始化 (already constructed)
