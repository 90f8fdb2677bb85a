--TEST--
Books\Books::confirm/dispute: the client confirms or disputes the tax amount of the revision they read; not required, already confirmed, not published, stale revision, other companies, non-clients refused with nothing written; notices to the accountant (or admins)
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
$db = w_setup('books_confirm');
$books = new Books(new Store($db, 1));
b_at('2026-11-05 09:00');
$acct = w_staff($db, 1);
$a = w_client($db, 1, ['accountant_id' => $acct]);
$b = w_client($db, 1);
$ca = Actor::client(w_contact($db, 1, $a));
$cb = Actor::client(w_contact($db, 1, $b));
$staff = Actor::staff($acct);
$admin = Actor::admin(1);
$tax = ['lines' => ['vat' => 3704, 'income_tax' => 1000], 'require_confirm' => true];
$id = $books->save($staff, $a, '2026-10', $tax);
$counts = fn() => json_encode(w_counts($db, 'book', 'book_revision', 'audit', 'outbox')) . $db->queryValue('SELECT CONCAT(confirm_status, version) FROM {book} WHERE id = ?', [$id]);
$before = $counts();
// not published yet: the client cannot see it
ca_expect_throw(fn() => $books->confirm($ca, $id, 1));
echo $counts() === $before ? "nothing written\n" : "WRITTEN\n";
$books->publish($staff, $id);
$c = $books->get($ca, $id);
echo json_encode([$c['tax_fen'], $c['require_confirm'], $c['confirm_status']]), "\n";
$before = $counts();
ca_expect_throw(fn() => $books->confirm($cb, $id, 1));             // company B's contact
ca_expect_throw(fn() => $books->confirm($staff, $id, 1));          // not a client
ca_expect_throw(fn() => $books->confirm($admin, $id, 1));
ca_expect_throw(fn() => $books->confirm($ca, $id, 2));             // not the revision they read
ca_expect_throw(fn() => $books->confirm($ca, $id, 0));
ca_expect_throw(fn() => $books->confirm($ca, 999, 1));
ca_expect_throw(fn() => $books->dispute($ca, $id, 1, ''));
ca_expect_throw(fn() => $books->dispute($ca, $id, 1, str_repeat('长', 501)));
ca_expect_throw(fn() => $books->dispute($ca, $id, 1, "bad\x00"));
echo $counts() === $before ? "nothing written\n" : "WRITTEN\n";
// dispute, then a correction asks again, then confirm
$n0 = b_last_outbox($db);
$books->dispute($ca, $id, 1, '增值税应为 3,000 元，<请核对>');
$c = $books->get($ca, $id);
echo json_encode([$c['confirm_status'], $c['confirm_comment']], JSON_UNESCAPED_UNICODE), "\n";
ca_expect_throw(fn() => $books->dispute($ca, $id, 1, '再说一次'));
echo json_encode(b_notices($db, $n0)), ' ', $db->queryValue('SELECT payload FROM {outbox} ORDER BY id DESC LIMIT 1'), "\n";
$g = $books->get($staff, $id);
echo json_encode([$g['confirm_status'], $g['confirm_comment']], JSON_UNESCAPED_UNICODE), "\n";
$books->save($staff, $a, '2026-10', ['lines' => ['vat' => 300000, 'income_tax' => 1000], 'require_confirm' => true]);
$books->publish($staff, $id);
$c = $books->get($ca, $id);
echo json_encode([$c['revision'], $c['tax_fen'], $c['confirm_status'], $c['confirm_comment']]), "\n";
ca_expect_throw(fn() => $books->confirm($ca, $id, 1));             // the old revision
$n1 = b_last_outbox($db);
b_at('2026-11-06 10:00');
$books->confirm($ca, $id, 2);
$c = $books->get($ca, $id);
echo json_encode([$c['confirm_status'], $c['confirmed_at'] === CloudAcct\Clock::now()]), "\n";
echo json_encode(b_notices($db, $n1)), "\n";
$before = $counts();
ca_expect_throw(fn() => $books->confirm($ca, $id, 2));             // already confirmed
ca_expect_throw(fn() => $books->dispute($ca, $id, 2, '改主意了'));
echo $counts() === $before ? "nothing written\n" : "WRITTEN\n";
// a disputed revision may still be confirmed; a company without an accountant → admins hear it
$bid = $books->save($admin, $b, '2026-10', $tax);
$books->publish($admin, $bid);
$books->dispute($cb, $bid, 1, '不对');
$n2 = b_last_outbox($db);
$books->confirm($cb, $bid, 1);
echo json_encode(b_notices($db, $n2)), ' ', $books->get($cb, $bid)['confirm_status'], "\n";
// books that do not ask for it
$nid = $books->save($staff, $a, '2026-09', ['lines' => ['vat' => 1]]);
$books->publish($staff, $nid);
$before = $counts();
ca_expect_throw(fn() => $books->confirm($ca, $nid, 1));
ca_expect_throw(fn() => $books->dispute($ca, $nid, 1, '？'));
echo $counts() === $before ? "nothing written\n" : "WRITTEN\n";
echo json_encode(array_map(fn($i) => [$i['period'], $i['confirm_status']], $books->list($admin, ['confirm_status' => 'confirmed'])['items'])), "\n";
echo $db->queryValue("SELECT GROUP_CONCAT(action ORDER BY id) FROM {audit} WHERE action IN ('book_confirm', 'book_dispute')"), "\n";
ca_drop_db('books_confirm');
?>
--EXPECT--
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 1 not found)
nothing written
[4704,true,"pending"]
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 1 not found)
CloudAcct\ForbiddenException: 只有客户本人可以确认税额或提出异议 (clients only)
CloudAcct\ForbiddenException: 只有客户本人可以确认税额或提出异议 (clients only)
CloudAcct\ConflictException: 账目已更新为第 1 版，请查看最新账目后再确认 (revision 2 is not the current one)
ValueError: CloudAcct\Books\Books::confirm(): Argument #3 ($revision) must be greater than 0
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 999 not found)
CloudAcct\ValidationException: “异议说明”须为 1 到 500 个字符 (comment: 1..500 characters)
CloudAcct\ValidationException: “异议说明”须为 1 到 500 个字符 (comment: 1..500 characters)
CloudAcct\ValidationException: “异议说明”内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号） (comment: invalid text)
nothing written
["disputed","增值税应为 3,000 元，<请核对>"]
CloudAcct\InvalidTransitionException: 已经提出过异议，请等待会计更正 (tax confirmation is disputed)
["staff:1 books_disputed"] {"book_id":1,"client_id":1,"period":"2026-10","revision":1,"title":"2026年10月账目","note":"增值税应为 3,000 元，<请核对>"}
["disputed","增值税应为 3,000 元，<请核对>"]
[2,301000,"pending",""]
CloudAcct\ConflictException: 账目已更新为第 2 版，请查看最新账目后再确认 (revision 1 is not the current one)
["confirmed",true]
["staff:1 books_confirmed"]
CloudAcct\InvalidTransitionException: 本期税额已经确认过了 (tax confirmation is confirmed)
CloudAcct\InvalidTransitionException: 本期税额已经确认过了 (tax confirmation is confirmed)
nothing written
["admin:0 books_confirmed"] confirmed
CloudAcct\InvalidTransitionException: 本期账目不需要确认税额 (tax confirmation is none)
CloudAcct\InvalidTransitionException: 本期账目不需要确认税额 (tax confirmation is none)
nothing written
[["2026-10","confirmed"],["2026-10","confirmed"]]
book_dispute,book_confirm,book_dispute,book_confirm
