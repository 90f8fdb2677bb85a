--TEST--
Sender: mini-program subscribe messages (body, page, state; no dedup id) and the standalone stable_token mode (token fetched once, cached, forced refresh on 40001; a wrong secret is reported without the secret)
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
use CloudAcct\Actor;
use CloudAcct\Notices\Sender;
$fake = ca_fake_start(['now' => CA_NOW]);
[$db, $store, $outbox, $settings] = ca_notices_setup('n_subscribe', ['notice_wechat_channel' => 'subscribe', 'notice_mp_state' => 'trial']);
$stable = ['stable_token' => ['appid' => 'wxfake0000000001', 'secret' => 'fake-app-secret-0000000000000000']];
$sender = new Sender($store, null, ca_fake_options($fake, $stable));
$outbox->enqueue('client', 1, 'job_assigned', ['job_id' => 11, 'title' => '汇算清缴'], 's1');
$outbox->enqueue('staff', 1, 'job_assigned', ['job_id' => 12, 'title' => '社保开户'], 's2');
echo json_encode($sender->run()), "\n";
foreach (ca_fake_received($fake, 'wechat') as $r) {
    echo $r['method'], ' ', $r['path'], "\n";
    if ($r['path'] === '/cgi-bin/stable_token') {
        echo '  ', json_encode(array_keys($r['json'])), ' force=', json_encode($r['json']['force_refresh']), "\n";
    } else {
        echo '  ', $r['body'], "\n";
        $token = $r['query']['access_token'];
    }
}
// the cached token is reused by the next run: no second token request
$outbox->enqueue('client', 2, 'job_assigned', ['job_id' => 13, 'title' => '开票'], 's3');
$sender->run();
echo count(array_filter(ca_fake_received($fake, 'wechat'), fn($r) => $r['path'] === '/cgi-bin/stable_token')), " token request(s)\n";
// the token is revoked (40001): a forced stable_token refresh, then the message goes
ca_fake_control($fake, ['wechat' => ['tokens' => [$token => 'invalid']]]);
$outbox->enqueue('client', 1, 'job_assigned', ['job_id' => 14, 'title' => '变更'], 's4');
echo json_encode($sender->run()), "\n";
$last = array_filter(ca_fake_received($fake, 'wechat'), fn($r) => $r['path'] === '/cgi-bin/stable_token');
echo count($last), ' token requests, last force=', json_encode(end($last)['json']['force_refresh']), "\n";
// a wrong app secret: reported, never stored
$bad = new Sender($store, null, ca_fake_options($fake, ['stable_token' => ['appid' => 'wxfake0000000001', 'secret' => 'WRONG-SECRET-123']]));
$outbox->enqueue('client', 1, 'job_assigned', ['job_id' => 15, 'title' => '年检'], 's5');
$bad->run();
echo $db->queryValue("SELECT last_error FROM {outbox} WHERE dedup_key = 's5'"), "\n";
var_dump($db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE last_error LIKE '%SECRET%' OR last_error LIKE '%fake-app-secret%'"));
ca_expect_throw(fn() => new Sender($store, null, ['stable_token' => ['appid' => 'x']]));
ca_expect_throw(fn() => new Sender($store, null, ['lease_seconds' => 5]));
ca_expect_throw(fn() => new Sender($store, null, ['what' => 1]));
ca_expect_throw(fn() => $sender->run(0));
ca_fake_stop($fake);
ca_drop_db('n_subscribe');
?>
--EXPECTF--
{"claimed":2,"sent":2,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
POST /cgi-bin/stable_token
  ["grant_type","appid","secret","force_refresh"] force=false
POST /cgi-bin/message/subscribe/send
  {"touser":"oContact0001","template_id":"TPL_ASSIGNED","page":"pages/job/detail?id=11","miniprogram_state":"trial","lang":"zh_CN","data":{"thing1":{"value":"汇算清缴"},"character_string2":{"value":"JOB11"}}}
POST /cgi-bin/message/subscribe/send
  {"touser":"oStaff000001","template_id":"TPL_ASSIGNED","page":"pages/job/detail?id=12","miniprogram_state":"trial","lang":"zh_CN","data":{"thing1":{"value":"社保开户"},"character_string2":{"value":"JOB12"}}}
1 token request(s)
{"claimed":1,"sent":1,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":1,"cancelled":0}
2 token requests, last force=true
stable_token：errcode 40125
int(0)
ValueError: CloudAcct\Notices\Sender::__construct(): Argument #3 ($options) option "stable_token" must be ["appid" => string, "secret" => string]
ValueError: CloudAcct\Notices\Sender::__construct(): Argument #3 ($options) option "lease_seconds" must be an int between 10 and 3600
ValueError: CloudAcct\Notices\Sender::__construct(): Argument #3 ($options) contains the unknown option "what"
ValueError: CloudAcct\Notices\Sender::run(): Argument #1 ($limit) must be between 1 and 10000
