--TEST--
Quality\Complaints::escalateOverdue: overdue open/processing complaints escalated once per deadline with one admin notice, resolved ones and those within the deadline left alone, a reopened one escalated again; 3 scheduler processes at once escalate each exactly once
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
$db = w_setup('quality_escalate');
$k = new Complaints(new Store($db, 1));
$admin = Actor::admin(1);
$sys = Actor::system();
Clock::freeze((new DateTime('2026-11-02 10:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
$a = w_client($db, 1);
$ca = Actor::client(w_contact($db, 1, $a));
w_setting($db, 1, 'complaint_deadline_hours', 24);
$file = fn() => $k->file($ca, ['client_id' => $a, 'description' => '服务不到位']);
$c1 = $file();
$c2 = $file();
$c3 = $file();
Clock::advance(20 * 3600);
$c4 = $file();                       // due 20 h later than the others
$k->process($admin, $c2);
$k->resolve($admin, $c3, '已处理');  // resolved in time: never escalated

ca_expect_throw(fn() => $k->escalateOverdue($admin));
ca_expect_throw(fn() => $k->escalateOverdue($ca));
ca_expect_throw(fn() => $k->escalateOverdue($sys, 0));
ca_expect_throw(fn() => $k->escalateOverdue($sys, 1001));
echo $k->escalateOverdue($sys), "\n";          // nothing is due yet
Clock::advance(4 * 3600 + 1);
echo $k->escalateOverdue($sys, 1), ' ', $k->escalateOverdue($sys), ' ', $k->escalateOverdue($sys), "\n";
echo json_encode($db->query('SELECT id, status, escalated_at > 0 AS e FROM {complaint} ORDER BY id')), "\n";
echo json_encode(q_outbox($db, 'complaint_escalated')), ' ', $k->list($admin, ['escalated' => true])['total'], ' ',
    json_encode($k->get($admin, $c1)['escalated']), ' ', array_key_exists('escalated', $k->get($ca, $c1)) ? 'shown' : 'hidden', "\n";
echo $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'complaint_escalate'"), "\n";
// a reopened complaint gets a new deadline and may be escalated again
$k->reopen($ca, $c3, '没解决');
Clock::advance(24 * 3600 + 1);
echo $k->escalateOverdue($sys), ' ', json_encode(q_outbox($db, 'complaint_escalated')), "\n";

// several processes at once: 30 overdue complaints, each escalated once
$db2 = w_setup('quality_escalate_race');
$k2 = new Complaints(new Store($db2, 1));
$a2 = w_client($db2, 1);
$c2a = Actor::client(w_contact($db2, 1, $a2));
for ($i = 0; $i < 30; $i++) {
    $k2->file($c2a, ['client_id' => $a2, 'description' => "投诉 $i 号"]);
}
$now = Clock::now() + 49 * 3600;
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
$start = sprintf('%.6f', microtime(true) + (getenv('USE_ZEND_ALLOC') === '0' ? 10.0 : 1.0));
$procs = $pipes = [];
for ($i = 0; $i < 3; $i++) {
    $cmd = ca_php_cmd(['cloudacct.clock_settable' => 1]) . ' ' . escapeshellarg(__DIR__ . '/escalate.inc')
        . ' cloudacct_t_quality_escalate_race ' . $now . ' ' . $start;
    $procs[$i] = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes[$i]);
}
$total = 0;
foreach ($procs as $i => $p) {
    $raw = stream_get_contents($pipes[$i][1]) . stream_get_contents($pipes[$i][2]);
    proc_close($p);
    $r = json_decode($raw, true);
    if (!isset($r['escalated'])) {
        echo "worker $i: $raw\n";
        continue;
    }
    $total += $r['escalated'];
}
echo "escalated by the workers together: $total\n";
echo "rows escalated: ", $db2->queryValue('SELECT COUNT(*) FROM {complaint} WHERE escalated_at > 0'), "\n";
echo "notices: ", $db2->queryValue("SELECT COUNT(*) FROM {outbox} WHERE template = 'complaint_escalated'"), "\n";
echo "audit rows: ", $db2->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'complaint_escalate'"), "\n";
?>
--CLEAN--
<?php require __DIR__ . '/../inc/config.inc'; ca_drop_db('quality_escalate'); ca_drop_db('quality_escalate_race'); ?>
--EXPECT--
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
ValueError: CloudAcct\Quality\Complaints::escalateOverdue(): Argument #2 ($limit) must be between 1 and 1000
ValueError: CloudAcct\Quality\Complaints::escalateOverdue(): Argument #2 ($limit) must be between 1 and 1000
0
1 1 0
[{"id":1,"status":"open","e":1},{"id":2,"status":"processing","e":1},{"id":3,"status":"resolved","e":0},{"id":4,"status":"open","e":0}]
["admin:0","admin:0"] 2 true hidden
2
2 ["admin:0","admin:0","admin:0","admin:0"]
escalated by the workers together: 30
rows escalated: 30
notices: 30
audit rows: 30