--TEST--
Quality\Complaints::file with an empty attachments list (the immutable [] literal, as the module passes when nothing was uploaded) files the complaint with no attachments instead of crashing; a list of references is stored as given
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/quality.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Quality\Complaints;
$db = w_setup('quality_complaint_atts');
$store = new Store($db, 1);
$k = new Complaints($store);
$a = w_client($db, 1, ['store_id' => 1, 'name' => '甲公司']);
$ca = Actor::client(w_contact($db, 1, $a));
$id = $k->file($ca, ['client_id' => $a, 'description' => '回复太慢，催了两次', 'attachments' => []]);
echo 'empty list: ', json_encode($k->get($ca, $id)['attachments']), ' stored ', $db->queryValue('SELECT attachments FROM {complaint} WHERE id = ?', [$id]), "\n";
$refs = ['images/1/2026/11/a.png'];
$id2 = $k->file($ca, ['client_id' => $a, 'description' => '回复太慢，催了三次', 'attachments' => $refs]);
echo 'one file: ', json_encode($k->get($ca, $id2)['attachments'], JSON_UNESCAPED_SLASHES), "\n";
echo 'the caller\'s array is untouched: ', json_encode($refs, JSON_UNESCAPED_SLASHES), "\n";
?>
--EXPECT--
empty list: [] stored []
one file: ["images/1/2026/11/a.png"]
the caller's array is untouched: ["images/1/2026/11/a.png"]
