--TEST--
Sender fan-out: a staff_pool notice reaches every employee eligible to grab the job (active, on duty, store, skill, under cap) as their own row; admin notices stay in every admin's list and go to the notice_admin_staff on WeChat
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
[$db, $store, $outbox] = ca_notices_setup('n_fanout', ['notice_admin_staff' => [1]]);
// staff 1, 2 (from the setup) and: 3 without the skill, 4 off duty, 5 at the cap, 6 in another store, 7 deactivated
foreach ([[3, 1, 1, 0, 0, 'oStaff000003'], [4, 0, 1, 0, 0, 'oStaff000004'], [5, 1, 1, 20, 0, 'oStaff000005'], [6, 1, 1, 0, 2, 'oStaff000006'], [7, 1, 0, 0, 0, 'oStaff000007']] as [$id, $duty, $active, $open, $storeId, $openid]) {
    $db->execute('INSERT INTO {staff} (id, uniacid, store_id, name, openid, on_duty, active, open_jobs, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 0, 0)',
        [$id, $storeId, "员工$id", $openid, $duty, $active, $open]);
}
foreach ([1, 2, 4, 5, 6, 7] as $id) {
    $db->execute("INSERT INTO {staff_skill} (uniacid, staff_id, skill) VALUES (1, ?, 'tax')", [$id]);
}
$db->execute("INSERT INTO {job} (id, uniacid, store_id, client_id, source, title, description, status, dispatch_mode, skill, checklist, state_at, created_by_kind, created_at, updated_at)"
    . " VALUES (77, 1, 1, 1, 'request', '申报个税', '', 'open', 'grab', 'tax', '', 0, 'client', 0, 0)");
$db->execute('UPDATE {staff} SET store_id = 1 WHERE id IN (1, 2, 3, 4, 5, 7)');
$outbox->enqueue('staff_pool', 77, 'job_assigned', ['job_id' => 77, 'title' => '申报个税'], 'pool:77');
$outbox->enqueue('admin', 0, 'job_assigned', ['job_id' => 77, 'title' => '申报个税（抢单超时）'], 'admin:77');
$sender = new Sender($store, fn(bool $f) => 'FAKE_ACCESS_TOKEN', ca_fake_options($fake));
echo json_encode($sender->run()), "\n";
ca_outbox_dump($db, ', dedup_key');
echo implode(' ', array_map(fn($r) => $r['json']['touser'], ca_fake_received($fake, 'wechat'))), "\n";
// the notice lists: each employee their own row, every admin the broadcast
foreach ([Actor::staff(1), Actor::staff(2), Actor::staff(3), Actor::admin(9)] as $a) {
    $box = $outbox->inbox($a);
    echo $a->kind->value, ' ', $a->id, ': ', $box['total'], ' ', implode(' / ', array_map(fn($i) => $i['payload']['title'], $box['items'])), "\n";
}
// running again expands nothing twice
echo json_encode($sender->run()), "\n";
ca_fake_stop($fake);
ca_drop_db('n_fanout');
?>
--EXPECTF--
{"claimed":5,"sent":5,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":3,"reclaimed":0,"token_refreshes":0,"cancelled":0}
%d staff_pool 77 sent fanout 1 | {"dedup_key":"pool:77"}
%d admin 0 sent inbox 1 | {"dedup_key":"admin:77"}
%d staff 1 sent wechat 1 | {"dedup_key":"fan:%d:s1"}
%d staff 2 sent inbox 1 | {"dedup_key":"fan:%d:s2"}
%d staff 1 sent wechat 1 | {"dedup_key":"fan:%d:a1"}
oStaff000001 oStaff000001
staff 1: 2 申报个税（抢单超时） / 申报个税
staff 2: 1 申报个税
staff 3: 0 
admin 9: 1 申报个税（抢单超时）
{"claimed":0,"sent":0,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
