--TEST--
Sender crash between sending and marking: the row stays leased, is reclaimed after the lease, and the resend carries the same client_msg_id (WeChat drops the duplicate) and SessionContext (SMS has no dedup: delivered again, the documented at-least-once window)
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
use CloudAcct\{Actor, Clock};
use CloudAcct\Notices\Sender;
$fake = ca_fake_start(['now' => CA_NOW, 'faults' => [
    ['vendor' => 'wechat', 'openid' => 'oContact0001', 'hang_ms' => 20000, 'times' => 1],
    ['vendor' => 'tencent', 'phone' => '13900139003', 'hang_ms' => 20000, 'times' => 1],
]]);
[$db, $store, $outbox] = ca_notices_setup('n_crash', ca_sms_settings('tencent'));
$outbox->enqueue('client', 1, 'job_assigned', ['job_id' => 21, 'title' => '出口退税'], 'crash-wx');
$outbox->enqueue('client', 3, 'job_assigned', ['job_id' => 22, 'title' => '出口退税'], 'crash-sms');

// a sender in another process gets as far as sending, then dies (SIGKILL) before marking
$child = <<<'PHP'
<?php
require getenv('CA_INC');
CloudAcct\Clock::freeze((int) getenv('CA_NOW'));
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_n_crash']));
$opts = ['plain_http' => true, 'connect_to' => json_decode(getenv('CA_CONNECT_TO'), true)];
(new CloudAcct\Notices\Sender(new CloudAcct\Store($db, 1), fn(bool $f) => 'FAKE_ACCESS_TOKEN', $opts))->run();
echo "finished?!\n";
PHP;
$file = sys_get_temp_dir() . '/ca_crash_' . getmypid() . '.php';
file_put_contents($file, $child);
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
putenv('CA_NOW=' . CA_NOW);
putenv('CA_CONNECT_TO=' . json_encode(ca_fake_connect_to($fake)));
$proc = proc_open('exec ' . ca_php_cmd(['cloudacct.clock_settable' => 1, 'cloudacct.http.test_transport' => 1]) . ' ' . escapeshellarg($file),
    [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
var_dump(ca_wait_until(fn() => count(ca_fake_received($fake)) >= 2, 120));
proc_terminate($proc, 9);
echo stream_get_contents($pipes[1]), stream_get_contents($pipes[2]);
proc_close($proc);
unlink($file);
// leased for longer than the worst case of the run (every round waiting for the total timeout)
foreach ($db->query("SELECT dedup_key, status, attempts, lease_owner IS NOT NULL AS leased, CAST(lease_until AS SIGNED) - ? AS lease FROM {outbox} ORDER BY id", [CA_NOW]) as $r) {
    $lease = $r['lease'];
    $r['lease'] = $lease >= 60 ? 'lease>=60s' : "lease=$lease";
    echo implode(' ', $r), "\n";
}
// another sender inside the lease: leaves them alone
$sender = new Sender($store, fn(bool $f) => 'FAKE_ACCESS_TOKEN', ca_fake_options($fake));
echo json_encode($sender->run()), "\n";
// after the lease: reclaimed and sent again with the same ids
Clock::advance($lease + 1);
ca_fake_control($fake, ['now' => CA_NOW + $lease + 1]);
echo json_encode($sender->run()), "\n";
ca_outbox_dump($db);
$lines = [];
foreach (ca_fake_received($fake) as $i => $r) {
    $lines[] = ($i < 2 ? 'killed: ' : 'resent: ') . $r['vendor'] . ' ' . ($r['vendor'] === 'wechat' ? $r['json']['client_msg_id'] : $r['json']['SessionContext'])
        . ' delivered=' . json_encode($r['delivered'] ?? false) . (isset($r['duplicate']) ? ' (duplicate client_msg_id)' : '');
}
sort($lines);
echo implode("\n", $lines), "\n";
$refs = array_map(fn($r) => $r['vendor'] === 'wechat' ? $r['json']['client_msg_id'] : $r['json']['SessionContext'], ca_fake_received($fake));
echo count(array_unique($refs)), " distinct ids over ", count($refs), " requests\n";
$wx = array_filter(ca_fake_received($fake, 'wechat'), fn($r) => $r['delivered'] ?? false);
echo count($wx), " WeChat message delivered\n";
echo $outbox->inbox(Actor::client(1))['total'], " in the notice list\n";
ca_fake_stop($fake);
ca_drop_db('n_crash');
?>
--EXPECTF--
bool(true)
crash-wx sending 1 1 lease>=60s
crash-sms sending 1 1 lease>=60s
{"claimed":0,"sent":0,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
{"claimed":2,"sent":2,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":2,"token_refreshes":0,"cancelled":0}
%d client 1 sent wechat 2
%d client 3 sent sms 2
killed: tencent ca1-%d delivered=true
killed: wechat ca1-%d delivered=true
resent: tencent ca1-%d delivered=true
resent: wechat ca1-%d delivered=false (duplicate client_msg_id)
2 distinct ids over 4 requests
1 WeChat message delivered
1 in the notice list
