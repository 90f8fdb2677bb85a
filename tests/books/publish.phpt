--TEST--
Books\Books: the accountant saves a draft and publishes it; clients read only published books of their companies; corrections make revisions; periods, find, list, revisions; notices to the client's contacts
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/books.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Books\Books;
$db = w_setup('books_publish');
$books = new Books(new Store($db, 1));
b_at('2026-11-03 10:00');
$acct = w_staff($db, 1, ['name' => '王会计']);
$other = w_staff($db, 1, ['name' => '李会计']);
$a = w_client($db, 1, ['name' => '甲公司', 'accountant_id' => $acct, 'store_id' => 1]);
$b = w_client($db, 1, ['name' => '乙公司', 'accountant_id' => $other, 'store_id' => 2]);
$ca = w_contact($db, 1, $a);
$ca2 = w_contact($db, 1, $a, $b);
$cb = w_contact($db, 1, $b);
$staff = Actor::staff($acct);
$admin = Actor::admin(1);
$files = [['name' => '10月利润表.pdf', 'url' => 'files/1/2026/11/abc.pdf', 'size' => 12345, 'type' => 'pdf'],
    ['name' => '科目余额表', 'url' => 'https://cdn.example.cn/x/balance.xlsx?sign=1']];
$id = $books->save($staff, $a, '2026-10', ['lines' => ['revenue' => 1234567, 'cost' => 1000000, 'profit' => 234567,
    'vat' => 3704, 'income_tax' => 0, 'bank_balance' => -50, 'remark' => '本月<b>正常</b>'], 'files' => $files,
    'note' => "请查收\n谢谢", 'require_confirm' => true]);
echo "book $id\n";
$g = $books->get($staff, $id);
echo json_encode([$g['status'], $g['revision'], $g['changed'], $g['lines'], $g['draft']['tax_fen'], $g['draft']['require_confirm'],
    count($g['draft']['lines']), $g['draft']['files'][1]['type'], $g['draft']['files'][1]['size'], $g['draft']['note']], JSON_UNESCAPED_UNICODE), "\n";
// drafts are not for clients
ca_expect_throw(fn() => $books->get(Actor::client($ca), $id));
var_dump($books->find(Actor::client($ca), $a, '2026-10'), $books->periods(Actor::client($ca), $a));
// saving again replaces the working copy (same row)
var_dump($books->save($admin, $a, '2026-10', ['lines' => ['revenue' => 1234567, 'vat' => 3704, 'remark' => '本月<b>正常</b>'],
    'files' => $files, 'require_confirm' => true]) === $id);
$n0 = b_last_outbox($db);
echo 'revision ', $books->publish($staff, $id), "\n";
echo json_encode(b_notices($db, $n0)), "\n";
$n1 = b_last_outbox($db);
$c = $books->get(Actor::client($ca), $id);
echo json_encode([$c['client_name'], $c['period'], $c['status'], $c['revision'], $c['tax_fen'], $c['require_confirm'], $c['confirm_status'],
    array_column($c['lines'], 'value', 'key'), $c['lines'][2], count($c['files']), array_key_exists('draft', $c), array_key_exists('changed', $c)],
    JSON_UNESCAPED_UNICODE), "\n";
// publishing again without a change is refused; so is saving back to the same content and publishing
ca_expect_throw(fn() => $books->publish($staff, $id));
$books->save($staff, $a, '2026-10', ['lines' => ['revenue' => 1234567, 'vat' => 3704, 'remark' => '本月<b>正常</b>'],
    'files' => $files, 'require_confirm' => true]);
var_dump($books->get($staff, $id)['changed']);
ca_expect_throw(fn() => $books->publish($staff, $id));
// a correction: the client still reads revision 1 until it is published
$books->save($staff, $a, '2026-10', ['lines' => ['revenue' => 1234567, 'vat' => 4000], 'files' => [], 'require_confirm' => false]);
$g = $books->get($admin, $id);
echo json_encode([$g['revision'], $g['changed'], $g['tax_fen'], $g['draft']['tax_fen'], $books->get(Actor::client($ca2), $id)['tax_fen']]), "\n";
echo 'revision ', $books->publish($admin, $id), "\n";
echo json_encode(b_notices($db, $n1)), "\n";
$c = $books->get(Actor::client($ca2), $id);
echo json_encode([$c['revision'], $c['tax_fen'], $c['require_confirm'], $c['confirm_status'], $c['files'], $c['note']]), "\n";
echo json_encode(array_map(fn($r) => [$r['revision'], $r['tax_fen'], $r['require_confirm'], $r['published_by_kind'], $r['published_by_id'],
    count($r['lines']), count($r['files'])], $books->revisions($staff, $id))), "\n";
ca_expect_throw(fn() => $books->revisions(Actor::client($ca), $id));
// more periods: a draft in September, company B's October
$sep = $books->save($staff, $a, '2026-09', ['lines' => ['revenue' => 1]]);
$bo = $books->save(Actor::staff($other), $b, '2026-10', ['lines' => ['revenue' => 2]]);
$books->publish(Actor::staff($other), $bo);
echo json_encode($books->periods(Actor::client($ca), $a)), "\n";
echo json_encode(array_map(fn($r) => [$r['period'], $r['status'], $r['changed']], $books->periods($staff, $a))), "\n";
echo json_encode(array_column($books->periods(Actor::client($ca2), $b), 'period')), "\n";
$f = $books->find($staff, $a, '2026-09');
echo json_encode([$f['id'] === $sep, $f['status'], $f['draft']['lines'][0]['value']]), "\n";
var_dump($books->find($staff, $a, '2026-08'));
// a contact of company A reading company B: refused, the same as a book that does not exist
ca_expect_throw(fn() => $books->get(Actor::client($ca), $bo));
ca_expect_throw(fn() => $books->get(Actor::client($ca), 999));
ca_expect_throw(fn() => $books->periods(Actor::client($ca), $b));
ca_expect_throw(fn() => $books->find(Actor::client($ca), $b, '2026-10'));
// staff read their clients' books only
ca_expect_throw(fn() => $books->get($staff, $bo));
ca_expect_throw(fn() => $books->periods($staff, $b));
// lists
$show = fn($r) => implode(' ', array_map(fn($i) => "{$i['client_name']}/{$i['period']}/{$i['status']}", $r['items'])) . " ({$r['total']})";
echo $show($books->list($admin)), "\n";
echo $show($books->list($staff)), "\n";
echo $show($books->list($admin, ['status' => 'draft'])), "\n";
echo $show($books->list($admin, ['period' => '2026-10', 'keyword' => '乙'])), "\n";
echo $show($books->list($admin, ['client_id' => $a, 'confirm_status' => 'none'])), "\n";
echo $show($books->list($admin, [], 2, 2)), "\n";
$books->save($staff, $a, '2026-10', ['lines' => ['revenue' => 5]]);
echo $show($books->list($admin, ['status' => 'changed'])), "\n";
echo $show($books->list($admin, ['keyword' => '%'])), "\n";
// an admin limited to store 2 sees company B only
$db->execute('INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES (1, 7, 2)');
echo $show($books->list(Actor::admin(7))), "\n";
ca_expect_throw(fn() => $books->get(Actor::admin(7), $id));
ca_expect_throw(fn() => $books->list(Actor::client($ca)));
foreach ([['status' => 'gone'], ['confirm_status' => 'maybe'], ['period' => '2026-13'], ['period' => 202610], ['client_id' => '1'],
    ['colour' => 1], ['keyword' => str_repeat('长', 51)]] as $bad) {
    ca_expect_throw(fn() => $books->list($admin, $bad));
}
ca_expect_throw(fn() => $books->list($admin, [], 0));
ca_expect_throw(fn() => $books->list($admin, [], 1, 201));
// another uniacid sees nothing
ca_expect_throw(fn() => (new Books(new Store($db, 2)))->get(Actor::admin(1), $id));
echo $db->queryValue("SELECT GROUP_CONCAT(action ORDER BY id) FROM {audit} WHERE object_type = 'book'"), "\n";
ca_drop_db('books_publish');
?>
--EXPECT--
book 1
["draft",0,true,[],3704,true,7,"excel",0,"请查收\n谢谢"]
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 1 not found)
NULL
array(0) {
}
bool(true)
revision 1
["client:1 tax_confirm","client:2 tax_confirm"]
["甲公司","2026-10","published",1,3704,true,"pending",{"revenue":1234567,"vat":3704,"remark":"本月<b>正常<\/b>"},{"key":"remark","label":"备注","kind":"text","tax":false,"value":"本月<b>正常<\/b>"},2,false,false]
CloudAcct\InvalidTransitionException: 账目已发布且没有新的修改，无需重复发布 (book 1 is published and unchanged)
bool(false)
CloudAcct\InvalidTransitionException: 账目已发布且没有新的修改，无需重复发布 (book 1 is published and unchanged)
[1,true,3704,4000,3704]
revision 2
["client:1 books_published","client:2 books_published"]
[2,4000,false,"none",[],""]
[[2,4000,false,"admin",1,2,0],[1,3704,true,"staff",1,3,2]]
CloudAcct\ForbiddenException: 客户只能查看最新发布的账目 (clients read the latest revision only)
[{"id":1,"period":"2026-10","revision":2,"tax_fen":4000,"confirm_status":"none","published_at":1793671200}]
[["2026-10","published",false],["2026-09","draft",true]]
["2026-10"]
[true,"draft",1]
NULL
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 3 not found)
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 999 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 3 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
乙公司/2026-10/published 甲公司/2026-10/published 甲公司/2026-09/draft (3)
甲公司/2026-10/published 甲公司/2026-09/draft (2)
甲公司/2026-09/draft (1)
乙公司/2026-10/published (1)
甲公司/2026-10/published 甲公司/2026-09/draft (2)
甲公司/2026-09/draft (3)
甲公司/2026-10/published (1)
 (0)
乙公司/2026-10/published (1)
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 1 not found)
CloudAcct\ForbiddenException: 客户请按公司查看账目 (clients use periods())
CloudAcct\ValidationException: 状态须为 draft、published 或 changed (status: draft|published|changed)
CloudAcct\ValidationException: 确认状态须为 none、pending、confirmed 或 disputed (confirm_status: none|pending|confirmed|disputed)
CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
CloudAcct\ValidationException: 账期应为 YYYY-MM (period: expected YYYY-MM)
CloudAcct\ValidationException: 客户编号须为正整数 (client_id: positive int)
CloudAcct\ValidationException: 未知的筛选条件；可用 client_id、period、status、confirm_status、keyword (unknown filter)
CloudAcct\ValidationException: “关键词”须为 0 到 50 个字符 (keyword: 0..50 characters)
ValueError: CloudAcct\Books\Books::list(): Argument #3 ($page) must be between 1 and 100000
ValueError: CloudAcct\Books\Books::list(): Argument #4 ($perPage) must be between 1 and 200
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 1 not found)
book_save,book_save,book_publish,book_save,book_save,book_publish,book_save,book_save,book_publish,book_save
