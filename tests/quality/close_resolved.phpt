--TEST--
Quality\Complaints::closeResolved: resolved complaints close once their reopen window has passed (a reopened and again resolved one counts from its new resolution), the client hears of it, nothing else moves, a second run closes nothing; only the system
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/quality.inc';
use CloudAcct\{Actor, Store, Clock};
use CloudAcct\Quality\Complaints;
$db = w_setup('quality_close_resolved');
$k = new Complaints(new Store($db, 1));
$admin = Actor::admin(1);
$sys = Actor::system();
Clock::freeze((new DateTime('2026-11-02 10:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
$a = w_client($db, 1);
$ca = Actor::client(w_contact($db, 1, $a));
$file = fn() => $k->file($ca, ['client_id' => $a, 'description' => '服务不到位']);
[$c1, $c2, $c3, $c4] = [$file(), $file(), $file(), $file()];
foreach ([$c1, $c2, $c3] as $c) {
    $k->resolve($admin, $c, '已处理');
}
$k->process($admin, $c4);                       // still being worked: never closed by the scheduler

ca_expect_throw(fn() => $k->closeResolved($admin));
ca_expect_throw(fn() => $k->closeResolved($ca));
ca_expect_throw(fn() => $k->closeResolved($sys, 0));
Clock::advance(86400);
$k->reopen($ca, $c3, '还没好');
Clock::advance(86400);
$k->resolve($admin, $c3, '这次好了');             // its window runs from here
Clock::advance(5 * 86400 - 1);                  // 7 days after the first resolutions, minus a second
echo $k->closeResolved($sys), "\n";
Clock::advance(2);
echo $k->closeResolved($sys, 1), ' ', $k->closeResolved($sys), ' ', $k->closeResolved($sys), "\n";
echo json_encode($db->query('SELECT id, status, closed_at > 0 AS c FROM {complaint} ORDER BY id')), "\n";
$t = $k->get($ca, $c1)['thread'];
echo json_encode(end($t)['kind'] . ':' . end($t)['from_status'] . '>' . end($t)['to_status']), ' ',
    json_encode($db->query("SELECT recipient_kind, recipient_id, payload FROM {outbox} WHERE template = 'complaint_update'"
        . " AND payload LIKE '%\"close\"%' ORDER BY id")), ' ',
    $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'complaint_close' AND actor_kind = 'system'"), "\n";
Clock::advance(2 * 86400);
echo $k->closeResolved($sys), ' ', $k->get($admin, $c3)['status'], ' ', $k->get($admin, $c4)['status'], "\n";
// with reopening turned off, a resolved complaint closes at the next run
w_setting($db, 1, 'complaint_reopen_days', 0);
$c5 = $file();
$k->resolve($admin, $c5, '已处理');
Clock::advance(1);
echo $k->closeResolved($sys), ' ', $k->get($ca, $c5)['status'], "\n";
?>
--CLEAN--
<?php require __DIR__ . '/../inc/config.inc'; ca_drop_db('quality_close_resolved'); ?>
--EXPECT--
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
ValueError: CloudAcct\Quality\Complaints::closeResolved(): Argument #2 ($limit) must be between 1 and 1000
0
1 1 0
[{"id":1,"status":"closed","c":1},{"id":2,"status":"closed","c":1},{"id":3,"status":"resolved","c":0},{"id":4,"status":"processing","c":0}]
"event:resolved>closed" [{"recipient_kind":"client","recipient_id":1,"payload":"{\"complaint_id\":1,\"client_id\":1,\"event\":\"close\"}"},{"recipient_kind":"client","recipient_id":1,"payload":"{\"complaint_id\":2,\"client_id\":1,\"event\":\"close\"}"}] 2
1 closed processing
1 closed