--TEST--
Http\Client options: validation, connect_to and plain_http only with cloudacct.http.test_transport=1, INI defaults, no secret in traces
--EXTENSIONS--
cloudacct
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Http\Client;
echo ini_get('cloudacct.http.connect_timeout_ms'), ' ', ini_get('cloudacct.http.timeout_ms'), ' ', ini_get('cloudacct.http.concurrency'), ' [', ini_get('cloudacct.http.ca_file'), '] ', ini_get('cloudacct.http.test_transport'), "\n";
var_dump(ini_set('cloudacct.http.test_transport', '1'));
ca_expect_throw(fn() => new Client(['connect_to' => ['api.weixin.qq.com:80:127.0.0.1:1']]));
ca_expect_throw(fn() => new Client(['timeout_ms' => 0]));
ca_expect_throw(fn() => new Client(['concurrency' => '8']));
ca_expect_throw(fn() => new Client(['max_body' => -1]));
ca_expect_throw(fn() => new Client(['ca_file' => '']));
ca_expect_throw(fn() => new Client(['nope' => 1]));
ca_expect_throw(fn() => new Client([1, 2]));
$c = new Client(['timeout_ms' => 1000, 'ca_file' => '/nonexistent/ca.pem']);
ca_expect_throw(fn() => $c->send([['method' => 'GET']]));
ca_expect_throw(fn() => $c->send(['x']));
ca_expect_throw(fn() => $c->send([['url' => 'http://x', 'method' => 'TRACE']]));
ca_expect_throw(fn() => $c->send([['url' => 'http://x', 'headers' => ["A: b\r\nInjected: yes"]]]));
// only http and https, and TLS is verified: a bad CA file is a connect failure, not a silent pass
$a = $c->request('GET', 'file:///etc/passwd');
echo $a['result'], "\n";
$a = $c->request('GET', 'https://127.0.0.1:9/');
echo $a['result'], "\n";
$r = new ReflectionClass(Client::class);
var_dump($r->isFinal(), $r->isCloneable());
ca_expect_throw(fn() => serialize($c));
?>
--EXPECT--
3000 10000 32 [] 0
bool(false)
Error: Option "connect_to" needs cloudacct.http.test_transport=1 (a test setting)
ValueError: CloudAcct\Http\Client::__construct(): Argument #1 ($options) option "timeout_ms" must be an int between 1 and 3600000
ValueError: CloudAcct\Http\Client::__construct(): Argument #1 ($options) option "concurrency" must be an int between 1 and 1024
ValueError: CloudAcct\Http\Client::__construct(): Argument #1 ($options) option "max_body" must be an int between 1 and 67108864
ValueError: CloudAcct\Http\Client::__construct(): Argument #1 ($options) option "ca_file" must be a file path
ValueError: CloudAcct\Http\Client::__construct(): Argument #1 ($options) contains the unknown option "nope"
ValueError: CloudAcct\Http\Client::__construct(): Argument #1 ($options) must be an array with string keys
ValueError: CloudAcct\Http\Client::send(): Argument #1 ($requests) must give each request a "url" string
ValueError: CloudAcct\Http\Client::send(): Argument #1 ($requests) must be a list of request arrays
ValueError: CloudAcct\Http\Client::send(): Argument #1 ($requests) must give "method" as GET, POST, PUT, PATCH or DELETE
ValueError: CloudAcct\Http\Client::send(): Argument #1 ($requests) must give each header as one "Name: value" line
other
connect
bool(true)
bool(false)
Exception: Serialization of 'CloudAcct\Http\Client' is not allowed
