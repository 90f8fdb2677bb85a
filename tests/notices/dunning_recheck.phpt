--TEST--
Sender: a dunning reminder is rechecked right before sending — the bill paid after it was queued cancels it (never sent, reason recorded), the unpaid one goes out
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
cloudacct.http.test_transport=1
pcre.jit=0
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; require __DIR__ . '/../inc/skipif_fake.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/notices.inc';
use CloudAcct\{Actor, Clock};
use CloudAcct\Ledger\{Billing, Dunning, Payments, Plans};
use CloudAcct\Notices\Sender;
$fake = ca_fake_start(['now' => CA_NOW]);
[$db, $store, $outbox, $settings] = ca_notices_setup('n_recheck', ['notice_templates' => ca_templates() + ['dunning_reminder' => [
    'wechat' => ['template_id' => 'TPL_DUN', 'data' => ['thing1' => '{company}', 'amount2' => '{amount}元']]]]]);
$admin = Actor::admin(1, '127.0.0.1');
$settings->set($admin, 'dunning_steps', [0]);
$clients = [];
foreach ([1 => '甲公司', 2 => '乙公司'] as $contact => $name) {
    $db->execute('INSERT INTO {client} (uniacid, name, created_at, updated_at) VALUES (1, ?, 0, 0)', [$name]);
    $clients[$contact] = $db->lastInsertId();
    $db->execute('INSERT INTO {client_contact} (uniacid, client_id, contact_id, created_at) VALUES (1, ?, ?, 0)', [$clients[$contact], $contact]);
    (new Plans($store))->create($admin, $clients[$contact], ['title' => '记账费', 'amount_fen' => 30000, 'cycle' => 'monthly', 'start' => '2024-01']);
}
(new Billing($store))->run(Actor::system(), '2024-01');
Clock::freeze(CA_NOW + 14 * 86400); // 2024-01-15 12:00 in Beijing: the due date
$r = (new Dunning($store))->runDue(Actor::system());
echo "queued {$r['queued']}\n";
// 甲公司 pays after the reminder was queued, before the sender runs
$p = (new Payments($store))->recordOffline($admin, $clients[1], 30000, 'XJ-0001');
echo "paid: ", json_encode(array_intersect_key($p, ['amount_fen' => 1])), "\n";
$sender = new Sender($store, fn(bool $force) => 'FAKE_ACCESS_TOKEN', ca_fake_options($fake));
echo json_encode($sender->run()), "\n";
foreach (ca_fake_received($fake, 'wechat') as $got) {
    $b = json_decode($got['body'], true);
    echo $b['touser'], ' ', $b['template_id'], ' ', $b['data']['thing1']['value'], ' ', $b['data']['amount2']['value'], "\n";
}
ca_outbox_dump($db);
// nothing is left to send, and the cancelled one stays cancelled
echo json_encode($sender->run()), "\n";
var_dump(count(ca_fake_received($fake, 'wechat')));
ca_fake_stop($fake);
ca_drop_db('n_recheck');
?>
--EXPECT--
queued 2
paid: {"amount_fen":30000}
{"claimed":3,"sent":2,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":1}
oContact0002 TPL_DUN 乙公司 300.00元
1 client 1 cancelled  1 | 账单已缴清或已取消，提醒不再发送 (the bills are no longer due)
2 client 2 sent wechat 1
3 client 1 sent inbox 1
{"claimed":0,"sent":0,"retried":0,"deferred":0,"failed":0,"fallback":0,"expanded":0,"reclaimed":0,"token_refreshes":0,"cancelled":0}
int(1)
