--TEST--
cloudacct.http.test_route (with test_transport=1): a Sender built with no transport options reaches the fake over plain http with the real Host — how the demo points unchanged module code at the fakes; explicit connect_to replaces the route
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
$fake = ca_fake_start(['now' => CA_NOW]);
[$db, $store, $outbox] = ca_notices_setup('n_route');
$outbox->enqueue('client', 1, 'job_assigned', ['job_id' => 7, 'title' => '代理记账'], 'job_assigned:7');
// the module's code, in a process started with the route: no plain_http, no connect_to
$child = <<<'PHP'
require getenv('CA_INC');
CloudAcct\Clock::freeze(CA_NOW);
$store = new CloudAcct\Store(new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_n_route'])), 1);
$sender = new CloudAcct\Notices\Sender($store, fn(bool $force) => 'FAKE_ACCESS_TOKEN');
echo json_encode(['sent' => $sender->run()['sent']]), "\n";
// explicit rules replace the route: this one points nowhere that listens
$c = new CloudAcct\Http\Client(['connect_to' => ['api.weixin.qq.com:80:127.0.0.1:1'], 'connect_timeout_ms' => 1000]);
echo $c->request('GET', 'http://api.weixin.qq.com/x')['result'], "\n";
PHP;
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/notices.inc'));
$cmd = ca_php_cmd(['cloudacct.clock_settable' => 1, 'cloudacct.http.test_transport' => 1,
    'cloudacct.http.test_route' => "{$fake['host']}:{$fake['port']}"]) . ' -r ' . escapeshellarg($child);
echo shell_exec($cmd);
foreach (ca_fake_received($fake, 'wechat') as $r) {
    echo $r['headers']['host'], ' ', $r['path'], ' token=', $r['query']['access_token'], "\n";
}
ca_outbox_dump($db);
ca_fake_stop($fake);
ca_drop_db('n_route');
?>
--EXPECT--
{"sent":1}
connect
api.weixin.qq.com /cgi-bin/message/template/send token=FAKE_ACCESS_TOKEN
1 client 1 sent wechat 1
