--TEST--
Sender: Aliyun SendSms signed with ACS3-HMAC-SHA256 and with RPC HMAC-SHA1, verified by the fake; OutId; wrong secrets fail with the vendor's reason and never show the secret; Tencent rate-limit codes defer
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
$fake = ca_fake_start(['now' => CA_NOW]);
[$db, $store, $outbox, $settings] = ca_notices_setup('n_aliyun', ca_sms_settings('aliyun') + ['notice_wechat_channel' => 'none', 'sms_per_phone_hour' => 0, 'sms_per_phone_day' => 0]);
$admin = Actor::admin(1);
$sender = new Sender($store, null, ca_fake_options($fake));
$p = ['amount' => '1,200.00', 'due' => '2024年1月15日'];
$n = 0;
foreach (['acs3', 'rpc'] as $method) {
    $settings->set($admin, 'sms_aliyun_signature', $method);
    $outbox->enqueue('client', 1, 'bill_due', $p, "bill:$method");
    echo $method, ': ', json_encode($sender->run()), "\n";
    $r = ca_fake_received($fake, 'aliyun')[$n++];
    echo '  ', $r['signature'], ' verified=', json_encode($r['verified']), ' ', $r['method'], ' ', $r['headers']['host'], "\n";
    $params = $r['params'];
    echo '  ', $params['PhoneNumbers'], ' ', $params['SignName'], ' ', $params['TemplateCode'], ' ', $params['TemplateParam'], ' ', $params['OutId'] === 'ca1-' . $db->queryValue("SELECT id FROM {outbox} WHERE dedup_key = ?", ["bill:$method"]) ? 'OutId=row' : 'OutId?', "\n";
    echo '  ', $method === 'acs3' ? ($r['body'] === '' && !isset($r['headers']['content-type']) ? 'query only, empty unsigned body' : 'body?') : ($r['headers']['content-type'] . ' ' . (isset($params['Signature']) ? 'Signature in form' : '')), "\n";
}
ca_outbox_dump($db, ', address, provider_ref');
// a wrong AccessKeySecret: SignatureDoesNotMatch from the gateway (HTTP 400), final, secret not stored
$settings->set($admin, 'sms_secret_key', 'not-the-secret-0123456789');
foreach (['acs3', 'rpc'] as $method) {
    $settings->set($admin, 'sms_aliyun_signature', $method);
    $outbox->enqueue('client', 1, 'bill_due', $p, "wrongkey:$method");
    $sender->run();
    echo $method, ': ', implode(' ', $db->queryRow("SELECT status, last_error FROM {outbox} WHERE dedup_key = ?", ["wrongkey:$method"])), "\n";
}
// business codes: per-number rate limit defers an hour, an illegal number fails
$settings->set($admin, 'sms_secret_key', 'fake-aliyun-secret');
ca_fake_control($fake, ['faults' => [['vendor' => 'aliyun', 'phone' => '13900139002', 'code' => 'isv.BUSINESS_LIMIT_CONTROL']]]);
$outbox->enqueue('client', 2, 'bill_due', $p, 'limited');
$sender->run();
echo implode(' ', $db->queryRow("SELECT status, attempts, CAST(next_attempt_at AS SIGNED) - ? AS wait, last_error FROM {outbox} WHERE dedup_key = 'limited'", [Clock::now()])), "\n";
// Tencent: a wrong SecretKey is AuthFailure.SignatureFailure; a daily per-number limit waits for tomorrow
foreach (ca_sms_settings('tencent') as $k => $v) { $settings->set($admin, $k, $v); }
$settings->set($admin, 'sms_secret_key', 'wrong-tencent-secret');
$outbox->enqueue('client', 1, 'job_assigned', ['job_id' => 1, 'title' => '注销'], 'tc-wrongkey');
$sender->run();
echo implode(' ', $db->queryRow("SELECT status, last_error FROM {outbox} WHERE dedup_key = 'tc-wrongkey'")), "\n";
$settings->set($admin, 'sms_secret_key', 'fake-tencent-secret-key');
ca_fake_control($fake, ['faults' => [['vendor' => 'tencent', 'phone' => '13900139003', 'code' => 'LimitExceeded.PhoneNumberDailyLimit']]]);
$outbox->enqueue('client', 3, 'job_assigned', ['job_id' => 1, 'title' => '注销'], 'tc-daily');
$sender->run();
$r = $db->queryRow("SELECT status, attempts, next_attempt_at, last_error FROM {outbox} WHERE dedup_key = 'tc-daily'");
echo $r['status'], ' ', $r['attempts'], ' until ', gmdate('Y-m-d H:i', $r['next_attempt_at'] + 8 * 3600), ' | ', $r['last_error'], "\n";
var_dump($db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE last_error LIKE '%secret%'"));
ca_fake_stop($fake);
ca_drop_db('n_aliyun');
?>
--EXPECTF--
acs3: {"claimed":1,"sent":1,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
  acs3 verified=true POST dysmsapi.aliyuncs.com
  13900139001 诚信代账 SMS_154950909 {"amount":"1,200.00"} OutId=row
  query only, empty unsigned body
rpc: {"claimed":1,"sent":1,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
  rpc verified=true POST dysmsapi.aliyuncs.com
  13900139001 诚信代账 SMS_154950909 {"amount":"1,200.00"} OutId=row
  application/x-www-form-urlencoded Signature in form
%d client 1 sent sms 1 | {"address":"13900139001","provider_ref":"%d^0"}
%d client 1 sent sms 1 | {"address":"13900139001","provider_ref":"%d^0"}
acs3: failed 阿里云短信 SignatureDoesNotMatch：短信密钥或签名校验失败，请检查短信设置 (signature does not match) — Specified signature is not matched with our calculation.
rpc: failed 阿里云短信 SignatureDoesNotMatch：短信密钥或签名校验失败，请检查短信设置 (signature does not match) — Specified signature is not matched with our calculation.
deferred 0 3600 阿里云短信 isv.BUSINESS_LIMIT_CONTROL：该号码短信发送过于频繁 (business limit control) — injected
failed 腾讯云短信 AuthFailure.SignatureFailure：短信密钥或签名校验失败，请检查短信设置 (authentication failed) — The provided credentials could not be validated. Please check your signature is correct.
deferred 0 until 2024-01-02 00:05 | 腾讯云短信 LimitExceeded.PhoneNumberDailyLimit：该号码今日短信已达上限 (per-number daily limit) — LimitExceeded.PhoneNumberDailyLimit
int(0)
