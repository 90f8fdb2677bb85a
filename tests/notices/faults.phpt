--TEST--
Sender faults: unreachable endpoint, slow endpoint past the timeout, malformed JSON, HTTP 500, hang-up, errcode 45009/47003/43004, a field over the limit, a phone that is not a phone; backoff, give-up, no secret in last_error
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
use CloudAcct\Clock;
use CloudAcct\Notices\Sender;
$fake = ca_fake_start(['now' => CA_NOW]);
[$db, $store, $outbox, $settings] = ca_notices_setup('n_faults', ['notice_max_attempts' => 3]);
$token = fn(bool $force) => 'FAKE_ACCESS_TOKEN';
$p = ['job_id' => 9, 'title' => '税务登记'];
$state = fn(string $key) => $db->queryRow('SELECT status, attempts, CAST(next_attempt_at AS SIGNED) - ? AS wait, last_error FROM {outbox} WHERE dedup_key = ?', [Clock::now(), $key]);
$show = function (string $label, string $key) use ($state) {
    $r = $state($key);
    echo str_pad($label, 12), $r['status'], ' attempts=', $r['attempts'], ' wait=', $r['wait'] > 0 ? ($r['wait'] >= 30 && $r['wait'] <= 38 ? '30..37' : $r['wait']) : 0, ' | ', $r['last_error'], "\n";
};

// unreachable: nothing listens where the hostname is sent
$free = stream_socket_server('tcp://127.0.0.1:0');
$dead = explode(':', stream_socket_get_name($free, false))[1];
fclose($free);
$outbox->enqueue('client', 1, 'job_assigned', $p, 'unreachable');
(new Sender($store, $token, ['plain_http' => true, 'connect_to' => ["api.weixin.qq.com:80:127.0.0.1:$dead"]]))->run();
$show('unreachable', 'unreachable');

$run = function (array $fault, string $key, array $opt = []) use ($fake, $outbox, $store, $token, $p, $show) {
    ca_fake_reset($fake);
    if ($fault) {
        ca_fake_control($fake, ['faults' => [$fault + ['vendor' => 'wechat', 'openid' => 'oContact0001']]]);
    }
    $outbox->enqueue('client', 1, 'job_assigned', $p, $key);
    $t = microtime(true);
    (new Sender($store, $token, ca_fake_options($fake, $opt)))->run();
    $show($key, $key);
    return microtime(true) - $t;
};
$took = $run(['hang_ms' => 5000], 'slow', ['timeout_ms' => 400]);
echo 'gave up after the timeout: ', $took < 3 ? 'yes' : "no ($took s)", "\n";
$run(['malformed' => true], 'malformed');
$run(['status' => 500], 'http500');
$run(['close' => true], 'hangup');
$run(['errcode' => 45009], 'quota');
$run(['errcode' => 47003], 'invalid');
$run(['errcode' => 43004], 'unfollowed');   // no SMS configured: nothing to fall back to
$run(['errcode' => -1], 'busy');

// a payload field over the limit: character_string ≤ 32, checked before anything is sent
ca_fake_reset($fake);
$outbox->enqueue('client', 1, 'job_assigned', ['job_id' => str_repeat('9', 40), 'title' => 'x'], 'toolong');
(new Sender($store, $token, ca_fake_options($fake)))->run();
$show('toolong', 'toolong');
echo count(ca_fake_received($fake)), " requests sent for it\n";

// a phone that is not a phone (contact 4: "12345"), SMS only
$settings->set(CloudAcct\Actor::admin(1), 'sms_provider', 'tencent');
foreach (ca_sms_settings('tencent') as $k => $v) { $settings->set(CloudAcct\Actor::admin(1), $k, $v); }
$outbox->enqueue('client', 4, 'job_assigned', $p, 'notaphone', 'sms');
(new Sender($store, $token, ca_fake_options($fake)))->run();
$show('notaphone', 'notaphone');
echo count(ca_fake_received($fake)), " requests sent for it\n";

// backoff doubles, then the row fails for good after notice_max_attempts (3)
ca_fake_reset($fake);
ca_fake_control($fake, ['faults' => [['vendor' => 'wechat', 'status' => 503]]]);
foreach ([2, 3] as $attempt) {
    $wait = $state('http500')['wait'];
    Clock::advance($wait);
    (new Sender($store, $token, ca_fake_options($fake)))->run();
    $r = $state('http500');
    echo "attempt $attempt: {$r['status']} wait=", $r['wait'] >= 60 && $r['wait'] <= 75 ? '60..75' : $r['wait'], ' | ', $r['last_error'], "\n";
}
// the quota deferral waits for tomorrow (Beijing) and does not use up an attempt
$q = $state('quota');
echo 'quota resumes at ', gmdate('Y-m-d H:i', Clock::now() + $q['wait'] + 8 * 3600), " Beijing\n";
var_dump($db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE last_error LIKE '%FAKE_ACCESS_TOKEN%' OR last_error LIKE '%secret%'"));
ca_fake_stop($fake);
ca_drop_db('n_faults');
?>
--EXPECTF--
unreachable queued attempts=1 wait=30..37 | 微信：无法连接 (could not connect)
slow        queued attempts=1 wait=30..37 | 微信：请求超时 (timed out)
gave up after the timeout: yes
malformed   queued attempts=1 wait=30..37 | 微信返回了无法解析的应答 (malformed JSON reply)
http500     queued attempts=1 wait=30..37 | 微信：对方返回错误的 HTTP 状态 (HTTP error status) HTTP 500
hangup      queued attempts=1 wait=30..37 | 微信：应答不完整或过大 (broken or oversized answer)
quota       deferred attempts=0 wait=%d | 微信 errcode 45009：接口调用已达今日上限 (daily quota reached) — injected rid: %s
invalid     failed attempts=1 wait=0 | 微信 errcode 47003：模板参数不合法 (argument invalid) — injected rid: %s
unfollowed  failed attempts=1 wait=0 | 微信 errcode 43004：用户未关注公众号 (require subscribe) — injected rid: %s
busy        queued attempts=1 wait=30..37 | 微信 errcode -1：微信系统繁忙 (system busy) — injected rid: %s
toolong     failed attempts=1 wait=0 | 字段 character_string2 不符合微信模板规则：字符串（32 位以内的数字、字母或符号） (field over the limit or malformed)
0 requests sent for it
notaphone   failed attempts=1 wait=0 | 手机号码无效，不是中国大陆手机号 (not a mobile phone number)
0 requests sent for it
attempt 2: queued wait=60..75 | 微信：对方返回错误的 HTTP 状态 (HTTP error status) HTTP 503
attempt 3: failed wait=%i | 已重试 3 次仍失败 (gave up after 3 attempts)：微信：对方返回错误的 HTTP 状态 (HTTP error status) HTTP 503
quota resumes at 2024-01-02 00:05 Beijing
int(0)
