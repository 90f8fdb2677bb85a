--TEST--
Books: the recurring filing job (报税) of a month cannot be completed while the books of the month it declares (the month before) ask for the client's tax confirmation and the client has not given it; other jobs and periods are not held up
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
use CloudAcct\Work\{Recurring, Jobs, Scheduler};
$db = w_setup('books_filing');
$store = new Store($db, 1);
$books = new Books($store);
$jobs = new Jobs($store);
$admin = Actor::admin(1);
$sys = Actor::system();
b_at('2026-11-01 08:00');
$acct = w_staff($db, 1);
$staff = Actor::staff($acct);
$a = w_client($db, 1, ['accountant_id' => $acct]);
$ca = Actor::client(w_contact($db, 1, $a));
$rec = new Recurring($store);
$rec->save($admin, $a, ['type' => '报税', 'dispatch_mode' => 'exclusive', 'first_period' => '2026-11']);
$rec->save($admin, $a, ['type' => '记账', 'dispatch_mode' => 'exclusive', 'first_period' => '2026-11']);
(new Scheduler($store))->createRecurringJobs($sys);
$tax = $db->queryValue("SELECT id FROM {job} WHERE type = '报税'");
$bk = $db->queryValue("SELECT id FROM {job} WHERE type = '记账'");
echo $db->queryValue('SELECT GROUP_CONCAT(CONCAT(title, "|", recur_key, "|", status) ORDER BY id SEPARATOR "; ") FROM {job}'), "\n";
$jobs->start($staff, $tax);
$jobs->start($staff, $bk);
$status = fn($id) => $db->queryValue('SELECT CONCAT(status, " v", version) FROM {job} WHERE id = ?', [$id]);
$hist = fn() => $db->queryValue('SELECT COUNT(*) FROM {job_history}');
// October's books ask for confirmation: a draft not yet published already holds up the November 报税
$book = $books->save($staff, $a, '2026-10', ['lines' => ['vat' => 3704], 'require_confirm' => true]);
$h = $hist();
ca_expect_throw(fn() => $jobs->complete($staff, $tax));
echo $status($tax), ' ', $hist() === $h ? 'no history' : 'HISTORY', "\n";
// published, pending
$books->publish($staff, $book);
ca_expect_throw(fn() => $jobs->complete($staff, $tax));
ca_expect_throw(fn() => $jobs->complete($admin, $tax));
try {
    $jobs->complete($staff, $tax);
} catch (CloudAcct\InvalidTransitionException $e) {
    echo 'currentState: ', $e->getCurrentState(), "\n";
}
// disputed
$books->dispute($ca, $book, 1, '金额不对');
ca_expect_throw(fn() => $jobs->complete($staff, $tax));
echo $status($tax), "\n";
// the 记账 job of the same client and month is not a filing job
$jobs->complete($staff, $bk);
echo $status($bk), "\n";
// corrected and republished: pending again; confirmed: the filing job completes
$books->save($staff, $a, '2026-10', ['lines' => ['vat' => 3000], 'require_confirm' => true]);
$books->publish($staff, $book);
ca_expect_throw(fn() => $jobs->complete($staff, $tax));
$books->confirm($ca, $book, 2);
$jobs->complete($staff, $tax);
echo $status($tax), "\n";
// December: November's books need no confirmation → no wait; books of the job's own month do not count
b_at('2026-12-01 08:00');
(new Scheduler($store))->createRecurringJobs($sys);
$dec = $db->queryValue("SELECT id FROM {job} WHERE type = '报税' AND recur_key LIKE '%-202612'");
$books->publish($staff, $books->save($staff, $a, '2026-12', ['lines' => ['vat' => 1], 'require_confirm' => true]));
$books->publish($staff, $books->save($staff, $a, '2026-11', ['lines' => ['vat' => 1]]));
$jobs->start($staff, $dec);
$jobs->complete($staff, $dec);
echo $status($dec), "\n";
// the filing type and the offset are settings
b_at('2027-01-02 08:00');
(new Scheduler($store))->createRecurringJobs($sys);
$jan = $db->queryValue("SELECT id FROM {job} WHERE type = '记账' AND recur_key LIKE '%-202701'");
w_setting($db, 1, 'books_filing_job_type', '记账');
w_setting($db, 1, 'books_filing_offset', 1);
$jobs->start($staff, $jan);
ca_expect_throw(fn() => $jobs->complete($staff, $jan));   // December's books are pending
w_setting($db, 1, 'books_filing_offset', 2);              // → November's, which need nothing
$jobs->complete($staff, $jan);
echo $status($jan), "\n";
// a one-off job typed 报税 names no period and is not held up
w_setting($db, 1, 'books_filing_job_type', '报税');
$one = $jobs->create($admin, $a, ['title' => '补报', 'type' => '报税', 'dispatch_mode' => 'direct', 'assignee_id' => $acct]);
$jobs->start($staff, $one);
$jobs->complete($staff, $one);
echo $status($one), "\n";
ca_drop_db('books_filing');
?>
--EXPECT--
报税 2026年11月|r1-202611|assigned; 记账 2026年11月|r2-202611|assigned
CloudAcct\InvalidTransitionException: 2026-10 的账目需要客户确认税额但尚未发布：请先发布账目并等待客户确认 (books of 2026-10 not published)
in_progress v2 no history
CloudAcct\InvalidTransitionException: 客户尚未确认 2026-10 的税额，确认后才能完成报税 (tax amount of 2026-10 not confirmed)
CloudAcct\InvalidTransitionException: 客户尚未确认 2026-10 的税额，确认后才能完成报税 (tax amount of 2026-10 not confirmed)
currentState: in_progress
CloudAcct\InvalidTransitionException: 客户对 2026-10 的税额有异议：请更正账目重新发布，客户确认后才能完成报税 (tax amount of 2026-10 disputed)
in_progress v2
done v3
CloudAcct\InvalidTransitionException: 客户尚未确认 2026-10 的税额，确认后才能完成报税 (tax amount of 2026-10 not confirmed)
done v3
done v3
CloudAcct\InvalidTransitionException: 客户尚未确认 2026-12 的税额，确认后才能完成报税 (tax amount of 2026-12 not confirmed)
done v3
done v3
