--TEST--
Http\Client against the fake server: answers, real Host via connect_to, case-insensitive headers, HTTP 500, timeout, unreachable, hang-up, oversized body, fan-out concurrency
--EXTENSIONS--
cloudacct
--INI--
cloudacct.http.test_transport=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_fake.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
require __DIR__ . '/../inc/fake_server.inc';
use CloudAcct\Http\Client;
$fake = ca_fake_start();
$http = new Client(['connect_to' => ca_fake_connect_to($fake), 'timeout_ms' => 2000]);
$token = 'http://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wxfake0000000001&secret=fake-app-secret-0000000000000000';
$a = $http->request('GET', $token);
echo $a['result'], ' ', $a['status'], ' ', $a['headers']['content-type'], ' ', array_keys(json_decode($a['body'], true)) === ['access_token', 'expires_in'] ? 'token' : $a['body'], ' ', $a['error'] === '' ? 'no error' : $a['error'], "\n";
$r = ca_fake_received($fake)[0];
echo $r['headers']['host'], ' ', $r['method'], ' ', $r['path'], ' ', $r['headers']['user-agent'], "\n";
// POST with the exact body bytes and our headers; no Expect: 100-continue even for a big body
$body = json_encode(['touser' => 'oUser000001', 'template_id' => 'T', 'data' => ['thing1' => ['value' => str_repeat('字', 20)]], 'pad' => str_repeat('x', 4096)], JSON_UNESCAPED_UNICODE);
$a = $http->request('POST', 'http://api.weixin.qq.com/cgi-bin/message/template/send?access_token=FAKE_ACCESS_TOKEN', ['Content-Type: application/json', 'X-Test: 1'], $body);
echo $a['result'], ' ', $a['status'], ' ', json_decode($a['body'], true)['errcode'], "\n";
$r = ca_fake_received($fake)[1];
var_dump($r['body'] === $body, $r['headers']['content-type'], $r['headers']['x-test'], isset($r['headers']['expect']));
// faults
ca_fake_control($fake, ['faults' => [
    ['path' => '/cgi-bin/message/template/send', 'openid' => 'o500', 'status' => 500],
    ['path' => '/cgi-bin/message/template/send', 'openid' => 'oslow', 'hang_ms' => 5000],
    ['path' => '/cgi-bin/message/template/send', 'openid' => 'oclose', 'close' => true],
]]);
$send = fn(string $openid, ?Client $c = null) => ($c ?? $http)->request('POST', 'http://api.weixin.qq.com/cgi-bin/message/template/send?access_token=FAKE_ACCESS_TOKEN', [], json_encode(['touser' => $openid]));
$a = $send('o500');
echo $a['result'], ' ', $a['status'], ' ', $a['body'], "\n";
$t = microtime(true);
$a = $send('oslow', new Client(['connect_to' => ca_fake_connect_to($fake), 'timeout_ms' => 300]));
echo $a['result'], ' ', $a['status'], ' ', microtime(true) - $t < 2 ? 'within the timeout' : 'too late', "\n";
$a = $send('oclose');
echo $a['result'], ' ', $a['status'], "\n";
$a = (new Client(['connect_to' => ca_fake_connect_to($fake), 'max_body' => 10]))->request('GET', $token);
echo $a['result'], ' ', $a['status'], "\n";
$free = stream_socket_server('tcp://127.0.0.1:0');
$dead = explode(':', stream_socket_get_name($free, false))[1];
fclose($free);
$a = (new Client(['connect_to' => ["api.weixin.qq.com:80:127.0.0.1:$dead"], 'connect_timeout_ms' => 1000]))->request('GET', $token);
echo $a['result'], ' ', $a['status'], ' ', $a['error'] !== '' ? 'with curl text' : '', "\n";
// fan-out: 20 requests with 200 ms of latency each take ~200 ms at concurrency 20, ~1 s at 4
ca_fake_reset($fake);
ca_fake_control($fake, ['latency_ms' => 200]);
$reqs = array_fill(0, 20, ['url' => $token]);
$took = [];
foreach ([20, 4] as $c) {
    $t = microtime(true);
    $answers = (new Client(['connect_to' => ca_fake_connect_to($fake), 'concurrency' => $c]))->send($reqs);
    $took[$c] = microtime(true) - $t;
    echo "concurrency $c: ", count(array_filter($answers, fn($x) => $x['result'] === 'ok')), " ok\n";
}
// 4 at a time needs 5 rounds of 200 ms, 20 at a time one round: 800 ms more, whatever the overhead
echo $took[4] >= 1.0 ? 'capped' : "too fast {$took[4]}", ', ', $took[4] - $took[20] > 0.5 ? 'parallel' : "not parallel {$took[20]} vs {$took[4]}", "\n";
var_dump($http->send([]));
ca_fake_stop($fake);
?>
--EXPECTF--
ok 200 application/json; charset=utf-8 token no error
api.weixin.qq.com GET /cgi-bin/token cloudacct/%s
ok 200 0
bool(true)
string(16) "application/json"
string(1) "1"
bool(false)
status 500 <html><body>upstream error</body></html>
timeout 0 within the timeout
body 0
body 200
connect 0 with curl text
concurrency 20: 20 ok
concurrency 4: 20 ok
capped, parallel
array(0) {
}
