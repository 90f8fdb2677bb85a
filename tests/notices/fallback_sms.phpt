--TEST--
Sender: 43004/43101 fall back from WeChat to Tencent Cloud SMS (TC3 verified by the fake), SMS-only recipients, explicit channels, per-phone limits, quiet hours
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
$fake = ca_fake_start(['now' => CA_NOW, 'tencent' => ['sdk_app_id' => '1400006666'], 'faults' => [
    ['vendor' => 'wechat', 'openid' => 'oContact0001', 'errcode' => 43004],
    ['vendor' => 'wechat', 'openid' => 'oContact0002', 'errcode' => 43101],
]]);
[$db, $store, $outbox, $settings] = ca_notices_setup('n_fallback', ca_sms_settings('tencent') + ['sms_per_phone_hour' => 1]);
$sender = new Sender($store, fn(bool $f) => 'FAKE_ACCESS_TOKEN', ca_fake_options($fake));
$p = ['job_id' => 5, 'title' => '工商年报'];
$outbox->enqueue('client', 1, 'job_assigned', $p, 'fallback');           // 43004 → SMS
$outbox->enqueue('client', 2, 'job_assigned', $p, 'wechat-only', 'wechat'); // 43101, WeChat only → failed
$outbox->enqueue('client', 3, 'job_assigned', $p, 'no-openid');          // no WeChat → SMS at once
echo json_encode($sender->run()), "\n";
ca_outbox_dump($db, ', address');
foreach (ca_fake_received($fake, 'tencent') as $r) {
    echo $r['headers']['host'], ' ', $r['headers']['x-tc-action'], ' ', $r['headers']['x-tc-region'], ' verified=', json_encode($r['verified']), "\n";
    echo $r['body'], "\n";
    echo strstr($r['headers']['authorization'], ', SignedHeaders', true), "\n";
}
$sessions = array_map(fn($r) => $r['json']['SessionContext'], ca_fake_received($fake, 'tencent'));
sort($sessions);
$ids = $db->query("SELECT CONCAT('ca1-', id) AS ref FROM {outbox} WHERE sent_channel = 'sms' ORDER BY id");
var_dump($sessions === array_column($ids, 'ref'));

// per-phone limit (1 an hour): the next SMS to contact 3 waits an hour
$outbox->enqueue('client', 3, 'job_assigned', ['job_id' => 6, 'title' => '变更登记'], 'rate');
echo json_encode($sender->run()), "\n";
echo implode(' ', $db->queryRow("SELECT status, attempts, CAST(next_attempt_at AS SIGNED) - ? AS wait, last_error FROM {outbox} WHERE dedup_key = 'rate'", [Clock::now()])), "\n";

// fallback switched off: the WeChat refusal is final
$settings->set(Actor::admin(1), 'notice_sms_fallback', false);
$outbox->enqueue('client', 1, 'job_assigned', $p, 'no-fallback');
$sender->run();
echo implode(' ', $db->queryRow("SELECT status, sent_channel, last_error FROM {outbox} WHERE dedup_key = 'no-fallback'")), "\n";

// quiet hours 22:00–08:00 Beijing: at 23:00 nothing goes out until 08:00
$settings->set(Actor::admin(1), 'notice_quiet_hours', [22, 8]);
Clock::freeze(CA_NOW + 11 * 3600);
ca_fake_control($fake, ['now' => CA_NOW + 11 * 3600]);
$outbox->enqueue('staff', 1, 'job_assigned', $p, 'quiet');
$before = count(ca_fake_received($fake));
echo json_encode($sender->run()), "\n";
$r = $db->queryRow("SELECT status, attempts, next_attempt_at, last_error FROM {outbox} WHERE dedup_key = 'quiet'");
echo $r['status'], ' ', $r['attempts'], ' until ', gmdate('Y-m-d H:i', $r['next_attempt_at'] + 8 * 3600), ' Beijing | ', $r['last_error'], "\n";
var_dump(count(ca_fake_received($fake)) === $before);
// the notice list has it already
echo $outbox->inbox(Actor::staff(1))['total'], "\n";
var_dump($db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE last_error LIKE '%fake-tencent-secret-key%'"));
ca_fake_stop($fake);
ca_drop_db('n_fallback');
?>
--EXPECTF--
{"claimed":3,"sent":2,"retried":0,"deferred":0,"failed":1,"fallback":1,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
%d client 1 sent sms 1 | 微信未送达（微信 errcode 43004：用户未关注公众号 (require subscribe) — injected rid: %s），已改发短信 (fell back to SMS) | {"address":"13900139001"}
%d client 2 failed  1 | 微信 errcode 43101：用户拒收或未订阅该消息 (user refuses to accept the msg) — injected rid: %s | {"address":"oContact0002"}
%d client 3 sent sms 1 | {"address":"13900139003"}
sms.tencentcloudapi.com SendSms ap-guangzhou verified=true
{"PhoneNumberSet":["+8613900139003"],"SmsSdkAppId":"1400006666","SignName":"诚信代账","TemplateId":"1234567","TemplateParamSet":["工商年报"],"SessionContext":"ca1-%d"}
TC3-HMAC-SHA256 Credential=AKIDfakefakefakefakefake/2024-01-01/sms/tc3_request
sms.tencentcloudapi.com SendSms ap-guangzhou verified=true
{"PhoneNumberSet":["+8613900139001"],"SmsSdkAppId":"1400006666","SignName":"诚信代账","TemplateId":"1234567","TemplateParamSet":["工商年报"],"SessionContext":"ca1-%d"}
TC3-HMAC-SHA256 Credential=AKIDfakefakefakefakefake/2024-01-01/sms/tc3_request
bool(true)
{"claimed":1,"sent":0,"retried":0,"deferred":1,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
deferred 0 3600 该号码短信发送次数已达上限，稍后再发 (per-phone SMS limit)
failed  微信 errcode 43004：用户未关注公众号 (require subscribe) — injected rid: %s
{"claimed":2,"sent":0,"retried":0,"deferred":2,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
deferred 0 until 2024-01-02 08:00 Beijing | 免打扰时段，稍后发送 (quiet hours)
bool(true)
1
int(0)
