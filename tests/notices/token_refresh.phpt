--TEST--
Sender: errcode 42001/40001 ask the host's token provider for a fresh token once and resend; a provider that fails or keeps a stale token leaves the rows queued with the reason
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
use CloudAcct\Notices\Sender;
$fake = ca_fake_start(['now' => CA_NOW, 'wechat' => ['tokens' => ['OLD_TOKEN' => 'expired', 'BAD_TOKEN' => 'invalid', 'NEW_TOKEN' => 'valid']]]);
[$db, $store, $outbox] = ca_notices_setup('n_token');
$p = ['job_id' => 7, 'title' => '工商年报'];
// 42001: expired → one forced refresh, both rows resent in the same run
$outbox->enqueue('client', 1, 'job_assigned', $p, 'a1');
$outbox->enqueue('client', 2, 'job_assigned', $p, 'a2');
$calls = [];
$r = (new Sender($store, ca_token_provider(['OLD_TOKEN', 'NEW_TOKEN'], $calls), ca_fake_options($fake)))->run();
echo "42001: sent {$r['sent']}, refreshes {$r['token_refreshes']}, provider calls ", json_encode($calls), "\n";
echo implode(' ', array_map(fn($x) => $x['query']['access_token'] . ':' . json_decode($x['response'], true)['errcode'], ca_fake_received($fake, 'wechat'))), "\n";
// 40001: invalid → the same
ca_fake_reset($fake);
ca_fake_control($fake, ['wechat' => ['tokens' => ['OLD_TOKEN' => 'expired', 'BAD_TOKEN' => 'invalid', 'NEW_TOKEN' => 'valid']]]);
$outbox->enqueue('client', 1, 'job_assigned', $p, 'b1');
$calls = [];
$r = (new Sender($store, ca_token_provider(['BAD_TOKEN', 'NEW_TOKEN'], $calls), ca_fake_options($fake)))->run();
echo "40001: sent {$r['sent']}, refreshes {$r['token_refreshes']}, provider calls ", json_encode($calls), "\n";
// the host keeps handing out a stale token: one refresh only, then back off with the reason
$outbox->enqueue('client', 1, 'job_assigned', $p, 'c1');
$calls = [];
$r = (new Sender($store, ca_token_provider(['OLD_TOKEN'], $calls), ca_fake_options($fake)))->run();
echo "stale: retried {$r['retried']}, provider calls ", json_encode($calls), "\n";
echo $db->queryValue("SELECT last_error FROM {outbox} WHERE dedup_key = 'c1'"), "\n";
// a provider that throws: its message (which could hold anything) is not stored
$db->execute("UPDATE {outbox} SET next_attempt_at = 0 WHERE dedup_key = 'c1'");
$r = (new Sender($store, function (bool $force) { throw new RuntimeException('appsecret=TOP-SECRET'); }, ca_fake_options($fake)))->run();
echo "throws: retried {$r['retried']}\n";
echo $db->queryValue("SELECT last_error FROM {outbox} WHERE dedup_key = 'c1'"), "\n";
// a provider that returns no string
$db->execute("UPDATE {outbox} SET next_attempt_at = 0 WHERE dedup_key = 'c1'");
$r = (new Sender($store, fn(bool $force) => 42, ca_fake_options($fake)))->run();
echo "not a string: retried {$r['retried']}\n";
// no provider at all (and no stable_token): retried with the reason, never fetched with a secret
$db->execute("UPDATE {outbox} SET next_attempt_at = 0 WHERE dedup_key = 'c1'");
$r = (new Sender($store, null, ca_fake_options($fake)))->run();
echo "none: retried {$r['retried']}\n";
echo count(array_filter(ca_fake_received($fake, 'wechat'), fn($x) => str_contains($x['path'], 'token'))), " token requests\n";
var_dump($db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE last_error LIKE '%SECRET%'"));
ca_outbox_dump($db);
ca_fake_stop($fake);
ca_drop_db('n_token');
?>
--EXPECTF--
42001: sent 2, refreshes 1, provider calls [false,true]
OLD_TOKEN:42001 OLD_TOKEN:42001 NEW_TOKEN:0 NEW_TOKEN:0
40001: sent 1, refreshes 1, provider calls [false,true]
stale: retried 1, provider calls [false,true]
微信 errcode 42001：access_token 已过期 (access_token expired) — access_token expired rid: %s
throws: retried 1
获取 access_token 失败：令牌回调抛出 RuntimeException (token provider threw)
not a string: retried 1
none: retried 1
0 token requests
int(0)
%d client 1 sent wechat 1
%d client 2 sent wechat 1
%d client 1 sent wechat 1
%d client 1 queued  4 | 没有 access_token 来源：请由 微擎 传入令牌回调 (no token provider was given)
