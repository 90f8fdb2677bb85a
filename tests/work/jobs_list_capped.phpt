--TEST--
Work\Jobs::list: the pager's count stops at 10,000 (total 10,000, total_capped true) while paging goes on; exact below; each item carries its company's name from one query for the page, never another firm's
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Work\Jobs;
$db = w_setup('work_jobs_list_capped');
$jobs = new Jobs(new Store($db, 1));
$admin = Actor::admin(1);
$a = w_client($db, 1, ['name' => '甲公司']);
$b = w_client($db, 1, ['name' => '<b>乙</b>公司']);
$other = w_client($db, 2, ['name' => '别家公司']);
// 12,000 jobs of 甲 and 乙 in turn, 1 of another firm with the same client id as 甲
$db->execute("INSERT INTO {job} (uniacid, client_id, source, title, description, status, dispatch_mode, checklist,"
    . " state_at, created_by_kind, created_at, updated_at)"
    . " SELECT 1, IF(seq % 2 = 0, ?, ?), 'admin', CONCAT('工单', seq), '', IF(seq % 100 = 0, 'escalated', 'open'), 'grab', '[]',"
    . " 1000, 'admin', 1000 + seq, 1000 + seq FROM seq_1_to_12000", [$a, $b]);
$db->execute("INSERT INTO {job} (uniacid, client_id, source, title, description, status, dispatch_mode, checklist,"
    . " state_at, created_by_kind, created_at, updated_at) VALUES (2, ?, 'admin', '别家', '', 'open', 'grab', '[]', 1, 'admin', 1, 1)", [$other]);

$all = $jobs->list($admin, 'all', [], 1, 20);
var_dump($all['total'], $all['total_capped'], count($all['items']));
// the page is still the newest 20 jobs, with their companies' names
$want = $db->query('SELECT id, client_id FROM {job} WHERE uniacid = 1 ORDER BY id DESC LIMIT 20');
var_dump(array_column($all['items'], 'id') === array_column($want, 'id'));
$names = [$a => '甲公司', $b => '<b>乙</b>公司'];
var_dump(array_map(fn($j) => $j['client_name'], $all['items']) === array_map(fn($r) => $names[(int) $r['client_id']], $want));
// paging goes past the cap
$last = $jobs->list($admin, 'all', [], 600, 20);
var_dump(count($last['items']), $last['total_capped'], (int) end($last['items'])['id'] === (int) $db->queryValue('SELECT MIN(id) FROM {job} WHERE uniacid = 1'));
// below the cap the count is exact
$esc = $jobs->list($admin, 'escalated', [], 1, 20);
var_dump($esc['total'], $esc['total_capped'], $esc['items'][0]['client_name']);
var_dump($jobs->list($admin, 'all', ['client_id' => $a, 'status' => 'escalated'])['total']); // every 100th is even: 甲's
// another firm's list: its own job, its own company's name
$theirs = (new Jobs(new Store($db, 2)))->list($admin, 'all');
var_dump($theirs['total'], $theirs['items'][0]['client_name']);
// an empty page is fine
var_dump((new Jobs(new Store($db, 3)))->list($admin, 'all'));
ca_drop_db('work_jobs_list_capped');
?>
--EXPECT--
int(10000)
bool(true)
int(20)
bool(true)
bool(true)
int(20)
bool(true)
bool(true)
int(120)
bool(false)
string(9) "甲公司"
int(120)
int(1)
string(12) "别家公司"
array(3) {
  ["total"]=>
  int(0)
  ["total_capped"]=>
  bool(false)
  ["items"]=>
  array(0) {
  }
}
