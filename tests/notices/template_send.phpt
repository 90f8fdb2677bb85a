--TEST--
Sender: template messages round trip through the fake WeChat API (bodies, client_msg_id, real Host, truncated thing field, notice list)
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
[$db, $store, $outbox] = ca_notices_setup('n_template');
$db->begin();
$id1 = $outbox->enqueue('client', 1, 'job_assigned', ['job_id' => 42, 'title' => '代理记账 2024年1月'], 'job_assigned:42:1:client:1');
$id2 = $outbox->enqueue('client', 2, 'job_assigned', ['job_id' => 43, 'title' => '一二三四五六七八九十一二三四五六七八九十多出来的字'], 'job_assigned:43:1:client:2');
$db->commit();
var_dump($id1 > 0, $id2 > $id1);
// the same event again is a no-op
var_dump($outbox->enqueue('client', 1, 'job_assigned', ['job_id' => 42, 'title' => 'x'], 'job_assigned:42:1:client:1'));
$calls = [];
$sender = new Sender($store, ca_token_provider(['FAKE_ACCESS_TOKEN'], $calls), ca_fake_options($fake));
echo json_encode($sender->run()), "\n";
echo json_encode($calls), "\n";
$got = ca_fake_received($fake, 'wechat');
foreach ($got as $r) {
    // % written as {pct}: the url's placeholders are percent-encoded, and EXPECTF reads % itself
    echo $r['headers']['host'], ' ', $r['path'], ' token=', $r['query']['access_token'], ' ', $r['headers']['content-type'], "\n", str_replace('%', '{pct}', $r['body']), "\n";
}
ca_outbox_dump($db, ', address, provider_ref, stage');
// nothing left to do
echo json_encode($sender->run()), "\n";
// the notice list of contact 1
$inbox = $outbox->inbox(Actor::client(1));
echo $inbox['total'], ' ', $inbox['unread'], ' ', $inbox['items'][0]['title'], ' ', $inbox['items'][0]['payload']['title'], "\n";
var_dump($outbox->markRead(Actor::client(1)), $outbox->inbox(Actor::client(1))['unread']);
ca_fake_stop($fake);
ca_drop_db('n_template');
?>
--EXPECTF--
bool(true)
bool(true)
int(0)
{"claimed":2,"sent":2,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
[false]
api.weixin.qq.com /cgi-bin/message/template/send token=FAKE_ACCESS_TOKEN application/json
{"touser":"oContact0001","template_id":"TPL_ASSIGNED","url":"https://h5.example.com/job/42?t={pct}E4{pct}BB{pct}A3{pct}E7{pct}90{pct}86{pct}E8{pct}AE{pct}B0{pct}E8{pct}B4{pct}A6{pct}202024{pct}E5{pct}B9{pct}B41{pct}E6{pct}9C{pct}88","client_msg_id":"ca1-%d","data":{"thing1":{"value":"代理记账 2024年1月"},"character_string2":{"value":"JOB42"}}}
api.weixin.qq.com /cgi-bin/message/template/send token=FAKE_ACCESS_TOKEN application/json
{"touser":"oContact0002","template_id":"TPL_ASSIGNED","url":"https://h5.example.com/job/43?t={pct}E4{pct}B8{pct}80{pct}E4{pct}BA{pct}8C{pct}E4{pct}B8{pct}89{pct}E5{pct}9B{pct}9B{pct}E4{pct}BA{pct}94{pct}E5{pct}85{pct}AD{pct}E4{pct}B8{pct}83{pct}E5{pct}85{pct}AB{pct}E4{pct}B9{pct}9D{pct}E5{pct}8D{pct}81{pct}E4{pct}B8{pct}80{pct}E4{pct}BA{pct}8C{pct}E4{pct}B8{pct}89{pct}E5{pct}9B{pct}9B{pct}E4{pct}BA{pct}94{pct}E5{pct}85{pct}AD{pct}E4{pct}B8{pct}83{pct}E5{pct}85{pct}AB{pct}E4{pct}B9{pct}9D{pct}E5{pct}8D{pct}81{pct}E5{pct}A4{pct}9A{pct}E5{pct}87{pct}BA{pct}E6{pct}9D{pct}A5{pct}E7{pct}9A{pct}84{pct}E5{pct}AD{pct}97","client_msg_id":"ca1-%d","data":{"thing1":{"value":"一二三四五六七八九十一二三四五六七八九…"},"character_string2":{"value":"JOB43"}}}
%d client 1 sent wechat 1 | {"address":"oContact0001","provider_ref":"200000000%d","stage":"wechat"}
%d client 2 sent wechat 1 | {"address":"oContact0002","provider_ref":"200000000%d","stage":"wechat"}
{"claimed":0,"sent":0,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
1 1 工单已指派 代理记账 2024年1月
int(1)
int(0)
