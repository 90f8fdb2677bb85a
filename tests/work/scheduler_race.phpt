--TEST--
Work\Scheduler from 4 PHP processes at once: leases split the due rows, every expired job is escalated exactly once, every unpaid order closed once, no errors
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store, Clock};
use CloudAcct\Work\{Catalog, Orders, Jobs};
const WORKERS = 4;
$db = w_setup('work_sched_race');
$store = new Store($db, 1);
$jobs = new Jobs($store);
$admin = Actor::admin(1);
$t0 = 1793581200;
Clock::freeze($t0);
$a = w_client($db, 1);
$ca = Actor::client(w_contact($db, 1, $a));
$db->begin();
for ($i = 0; $i < 60; $i++) {
    $jobs->create($admin, $a, ['title' => "工单 $i"]);
}
$svc = (new Catalog($store))->createService($admin, ['title' => '代办', 'price_fen' => 100, 'on_sale' => true]);
for ($i = 0; $i < 20; $i++) {
    (new Orders($store))->place($ca, $a, $svc);
}
$db->commit();
$worker = sys_get_temp_dir() . '/ca_sched_race_' . getmypid() . '.php';
file_put_contents($worker, '<?php require getenv("CA_INC");
CloudAcct\Clock::freeze((int) $argv[1] + 3600);
$s = new CloudAcct\Work\Scheduler(new CloudAcct\Store(new CloudAcct\Db\Connection(ca_options(["database" => "cloudacct_t_work_sched_race"])), 1));
echo "ready\n"; fgets(STDIN); // the barrier: all workers start together
$sum = [];
try {
    do {
        $r = $s->runDue(CloudAcct\Actor::system(), 7);
        foreach ($r as $k => $v) { $sum[$k] = ($sum[$k] ?? 0) + $v; }
    } while (array_sum($r) > 0);
    echo json_encode($sum);
} catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(); }');
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
// a barrier, not a timer (children start slowly under valgrind): each worker says "ready" once
// connected, and all are let go together
for ($i = 0; $i < WORKERS; $i++) {
    $procs[$i] = proc_open(ca_php_cmd(['cloudacct.clock_settable' => 1]) . ' ' . escapeshellarg($worker) . " $t0",
        [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes[$i]);
}
foreach ($pipes as $i => $p) {
    $line = fgets($p[1]);
    if ($line !== "ready\n") {
        echo "worker $i did not start: ", $line, stream_get_contents($p[2]), "\n";
    }
}
foreach ($pipes as $p) {
    fwrite($p[0], "go\n");
    fclose($p[0]);
}
$total = [];
$busy = 0;
foreach ($procs as $i => $p) {
    $out = stream_get_contents($pipes[$i][1]) . stream_get_contents($pipes[$i][2]);
    proc_close($p);
    $r = json_decode($out, true);
    if (!is_array($r)) {
        echo "worker $i: $out\n";
        continue;
    }
    $busy += ($r['escalated'] ?? 0) + ($r['orders_closed'] ?? 0) > 0;
    foreach ($r as $k => $v) {
        $total[$k] = ($total[$k] ?? 0) + $v;
    }
}
unlink($worker);
echo "escalated: ", $total['escalated'], ", orders closed: ", $total['orders_closed'], "\n";
echo "escalate history rows: ", $db->queryValue("SELECT COUNT(*) FROM {job_history} WHERE event = 'escalate'"),
    ", jobs with more than one: ", $db->queryValue("SELECT COUNT(*) FROM (SELECT job_id FROM {job_history} WHERE event = 'escalate' GROUP BY job_id HAVING COUNT(*) > 1) x"), "\n";
echo "jobs still open: ", $db->queryValue("SELECT COUNT(*) FROM {job} WHERE status = 'open'"),
    ", orders still unpaid: ", $db->queryValue("SELECT COUNT(*) FROM {order} WHERE status = 'pending_payment'"), "\n";
echo "admin notices: ", $db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE template = 'job_escalated'"),
    ", leases left: ", $db->queryValue('SELECT COUNT(*) FROM {job} WHERE lease_token IS NOT NULL'), "\n";
var_dump($busy >= 2); // the work really was shared
ca_drop_db('work_sched_race');
?>
--EXPECT--
escalated: 60, orders closed: 20
escalate history rows: 60, jobs with more than one: 0
jobs still open: 0, orders still unpaid: 0
admin notices: 60, leases left: 0
bool(true)
