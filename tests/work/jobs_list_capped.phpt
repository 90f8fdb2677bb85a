--TEST--
Work\Jobs::list: the admin views count to the end of the pager's window ((page + 9) × perPage: total is that and total_capped true above it, exact at it and below, exact again when a deep page's window passes the end), the other views up to 10,000; paging goes on past the count; each item carries its company's name from one query for the page, never another firm's
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
// the window moves with the page and the page size: page 5 of 20 counts to 280, page 2 of 50 to 550
$p5 = $jobs->list($admin, 'all', [], 5, 20);
var_dump($p5['total'], $p5['total_capped'], $jobs->list($admin, 'all', [], 2, 50)['total']);
// a window short of the end is capped (page 590: 11,980 of 12,000); one past it is exact
$deep = $jobs->list($admin, 'all', [], 590, 20);
var_dump($deep['total'], $deep['total_capped']);
$last = $jobs->list($admin, 'all', [], 600, 20);
var_dump($last['total'], $last['total_capped'], count($last['items']),
    (int) end($last['items'])['id'] === (int) $db->queryValue('SELECT MIN(id) FROM {job} WHERE uniacid = 1'));
var_dump(count($jobs->list($admin, 'all', [], 601, 20)['items']));
// filters count within the window too: 甲's 6,000 jobs
$mine = $jobs->list($admin, 'all', ['client_id' => $a]);
var_dump($mine['total'], $mine['total_capped']);
// below the window the count is exact: 120 escalated, every 100th job (even: all 甲's)
$esc = $jobs->list($admin, 'escalated', [], 1, 20);
var_dump($esc['total'], $esc['total_capped'], $esc['items'][0]['client_name']);
var_dump($jobs->list($admin, 'all', ['client_id' => $a, 'status' => 'escalated'])['total']);
// the escalated queue at its window's edge: exactly 100 (page 1 of 10) is exact, 101 is capped
$db->execute("UPDATE {job} SET status = 'open' WHERE uniacid = 1 AND status = 'escalated' ORDER BY id DESC LIMIT 20");
$r = $jobs->list($admin, 'escalated', [], 1, 10);
var_dump($r['total'], $r['total_capped'], (int) $db->queryValue("SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND status = 'escalated'"));
$db->execute("UPDATE {job} SET status = 'escalated' WHERE uniacid = 1 AND status = 'open' ORDER BY id LIMIT 1");
$r = $jobs->list($admin, 'escalated', [], 1, 10);
var_dump($r['total'], $r['total_capped'], count($r['items']), (int) $db->queryValue("SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND status = 'escalated'"));
// silent jobs are jobs in hand: a closed job with a stale flag is not listed
$ids = array_map(fn($r) => (int) $r['id'], $db->query('SELECT id FROM {job} WHERE uniacid = 1 ORDER BY id LIMIT 4'));
$db->execute("UPDATE {job} SET silent = 1, status = 'in_progress' WHERE id IN (?, ?)", [$ids[0], $ids[2]]);
$db->execute("UPDATE {job} SET silent = 1, status = 'waiting_client' WHERE id = ?", [$ids[1]]);
$db->execute("UPDATE {job} SET silent = 1, status = 'closed' WHERE id = ?", [$ids[3]]);
$db->execute("UPDATE {job} SET silent = 1, status = 'assigned' WHERE uniacid = 2"); // another firm's
$sil = $jobs->list($admin, 'all', ['silent' => true]);
var_dump(array_column($sil['items'], 'id') === [$ids[2], $ids[1], $ids[0]], $sil['total']);
var_dump(count($jobs->list($admin, 'all', ['silent' => 0])['items']));
// the client view keeps counting to 10,000: 甲's 6,000 exactly
$cv = $jobs->list($admin, 'client', ['client_id' => $a]);
var_dump($cv['total'], $cv['total_capped']);
$db->execute('UPDATE {job} SET client_id = ? WHERE uniacid = 1', [$a]);
$cv = $jobs->list($admin, 'client', ['client_id' => $a], 2, 20);
var_dump($cv['total'], $cv['total_capped'], count($cv['items']));
// another firm's list: its own job, its own company's name
$theirs = (new Jobs(new Store($db, 2)))->list($admin, 'all');
var_dump($theirs['total'], $theirs['items'][0]['client_name']);
// an empty page is fine
var_dump((new Jobs(new Store($db, 3)))->list($admin, 'all'));
ca_drop_db('work_jobs_list_capped');
?>
--EXPECT--
int(200)
bool(true)
int(20)
bool(true)
bool(true)
int(280)
bool(true)
int(550)
int(11980)
bool(true)
int(12000)
bool(false)
int(20)
bool(true)
int(0)
int(200)
bool(true)
int(120)
bool(false)
string(9) "甲公司"
int(120)
int(100)
bool(false)
int(100)
int(100)
bool(true)
int(10)
int(101)
bool(true)
int(3)
int(20)
int(6000)
bool(false)
int(10000)
bool(true)
int(20)
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
