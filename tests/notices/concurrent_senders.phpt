--TEST--
Sender: three processes drain the same outbox at once (conditional-UPDATE claims, no SKIP LOCKED): every notice is sent exactly once
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
cloudacct.http.test_transport=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; require __DIR__ . '/../inc/skipif_fake.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/notices.inc';
$fake = ca_fake_start(['now' => CA_NOW, 'latency_ms' => 30]);
[$db, $store, $outbox] = ca_notices_setup('n_concurrent');
$db->begin();
for ($i = 100; $i < 400; $i++) {
    $db->execute('INSERT INTO {contact} (id, uniacid, name, phone, openid, created_at, updated_at) VALUES (?, 1, ?, ?, ?, 0, 0)',
        [$i, "客户$i", '139' . str_pad((string) $i, 8, '0', STR_PAD_LEFT), sprintf('oBulk%07d', $i)]);
    $outbox->enqueue('client', $i, 'job_assigned', ['job_id' => $i, 'title' => "月度记账 $i"], "bulk:$i");
}
$db->commit();
$worker = <<<'PHP'
<?php
require getenv('CA_INC');
CloudAcct\Clock::freeze((int) getenv('CA_NOW'));
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_n_concurrent']));
$sender = new CloudAcct\Notices\Sender(new CloudAcct\Store($db, 1), fn(bool $f) => 'FAKE_ACCESS_TOKEN',
    ['plain_http' => true, 'connect_to' => json_decode(getenv('CA_CONNECT_TO'), true), 'concurrency' => 8]);
echo "ready\n"; fgets(STDIN); // the barrier: all workers start together
$sent = 0;
do {
    $r = $sender->run(25);
    $sent += $r['sent'];
} while ($r['claimed'] > 0);
echo $sent;
PHP;
$file = sys_get_temp_dir() . '/ca_senders_' . getmypid() . '.php';
file_put_contents($file, $worker);
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
putenv('CA_NOW=' . CA_NOW);
putenv('CA_CONNECT_TO=' . json_encode(ca_fake_connect_to($fake)));
$cmd = 'exec ' . ca_php_cmd(['cloudacct.clock_settable' => 1, 'cloudacct.http.test_transport' => 1]) . ' ' . escapeshellarg($file);
// a barrier, not a race against process start-up: each worker says "ready" once connected,
// and all are let go together
$procs = [];
for ($w = 0; $w < 3; $w++) {
    $procs[] = [proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes), $pipes];
}
foreach ($procs as $w => [$p, $pipes]) {
    $line = fgets($pipes[1]);
    if ($line !== "ready\n") {
        echo "worker $w did not start: ", $line, stream_get_contents($pipes[2]), "\n";
    }
}
foreach ($procs as [$p, $pipes]) {
    fwrite($pipes[0], "go\n");
    fclose($pipes[0]);
}
$total = 0;
$each = [];
foreach ($procs as [$p, $pipes]) {
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    proc_close($p);
    $each[] = (int) $out;
    $total += (int) $out;
    if (!preg_match('/^\d+$/', trim($out))) { echo $out, "\n"; }
}
unlink($file);
echo "sent by the workers: $total, each worker sent some: ", json_encode(min($each) > 0), "\n";
echo json_encode($db->query('SELECT status, COUNT(*) AS n, MAX(attempts) AS max_attempts FROM {outbox} GROUP BY status')), "\n";
$ids = array_map(fn($r) => $r['json']['client_msg_id'], ca_fake_received($fake, 'wechat'));
echo count($ids), ' requests, ', count(array_unique($ids)), " distinct client_msg_id\n";
ca_fake_stop($fake);
ca_drop_db('n_concurrent');
?>
--EXPECT--
sent by the workers: 300, each worker sent some: true
[{"status":"sent","n":300,"max_attempts":1}]
300 requests, 300 distinct client_msg_id
