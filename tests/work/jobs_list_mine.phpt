--TEST--
Work\Jobs::list view mine: an employee's jobs newest-updated first (ties by id), counted in full, nothing of other employees or firms; migration 9's idx_mine serves the order without sorting every job the employee has
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Work\Jobs;
$db = w_setup('work_jobs_list_mine');
$jobs = new Jobs(new Store($db, 1));
$s1 = w_staff($db, 1);
$s2 = w_staff($db, 1);
$c = w_client($db, 1, ['accountant_id' => $s1]);
// 3,000 jobs: every 3rd is s1's, the rest s2's; updated_at falls back every 7 ids so the order is not the ids'
$db->execute("INSERT INTO {job} (uniacid, client_id, source, title, description, status, dispatch_mode, assignee_id, checklist,"
    . " state_at, created_by_kind, created_at, updated_at)"
    . " SELECT 1, ?, 'admin', CONCAT('工单', seq), '', IF(seq % 5 = 0, 'closed', 'in_progress'), 'grab', IF(seq % 3 = 0, ?, ?), '[]',"
    . " 1000, 'admin', 1000, 1000 + (seq % 7) * 100 FROM seq_1_to_3000", [$c, $s1, $s2]);
// the same employee id in another firm is somebody else
$db->execute("INSERT INTO {job} (uniacid, client_id, source, title, description, status, dispatch_mode, assignee_id, checklist,"
    . " state_at, created_by_kind, created_at, updated_at) VALUES (2, 1, 'admin', '别家', '', 'assigned', 'grab', ?, '[]', 1, 'admin', 1, 99999)", [$s1]);

$mine = $jobs->list(Actor::staff($s1), 'mine', [], 1, 20);
$want = $db->query('SELECT id FROM {job} WHERE uniacid = 1 AND assignee_id = ? ORDER BY updated_at DESC, id DESC LIMIT 20', [$s1]);
var_dump($mine['total'], array_column($mine['items'], 'id') === array_column($want, 'id'));
echo json_encode(array_slice(array_map(fn($j) => [$j['id'], $j['updated_at']], $mine['items']), 0, 4)), "\n";
$p3 = $jobs->list(Actor::staff($s1), 'mine', [], 3, 20);
var_dump(array_column($p3['items'], 'id') === array_column($db->query('SELECT id FROM {job} WHERE uniacid = 1 AND assignee_id = ?'
    . ' ORDER BY updated_at DESC, id DESC LIMIT 20 OFFSET 40', [$s1]), 'id'));
// a status filter still narrows it
var_dump($jobs->list(Actor::staff($s1), 'mine', ['status' => 'closed'], 1, 20)['total']);
var_dump(count(array_filter($mine['items'], fn($j) => (int) $j['assignee_id'] !== $s1)));

// the index exists with its columns, and the list's order is read from it (no filesort)
echo json_encode(array_column($db->query("SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
    . " AND TABLE_NAME = CONCAT(?, 'cloudacct_job') AND INDEX_NAME = 'idx_mine' ORDER BY SEQ_IN_INDEX", ['ims_']), 'COLUMN_NAME')), "\n";
$db->execute('ANALYZE TABLE {job}');
// (which index the optimiser picks depends on its statistics; that idx_mine is a candidate and
// serves the order without a sort does not)
$plan = $db->query('EXPLAIN SELECT id, title FROM {job} WHERE uniacid = 1 AND assignee_id = ? ORDER BY updated_at DESC, id DESC LIMIT 20', [$s1])[0];
$forced = $db->query('EXPLAIN SELECT id, title FROM {job} FORCE INDEX (idx_mine) WHERE uniacid = 1 AND assignee_id = ? ORDER BY updated_at DESC, id DESC LIMIT 20', [$s1])[0];
var_dump(str_contains((string) $plan['possible_keys'], 'idx_mine'), $forced['key'], str_contains((string) $forced['Extra'], 'filesort'));
// migrating again changes nothing (the step is guarded)
CloudAcct\Db\Schema::migrate($db);
var_dump((int) $db->queryValue("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
    . " AND TABLE_NAME = 'ims_cloudacct_job' AND INDEX_NAME = 'idx_mine' AND SEQ_IN_INDEX = 1"));
ca_drop_db('work_jobs_list_mine');
?>
--EXPECT--
int(1000)
bool(true)
[[2988,1600],[2967,1600],[2946,1600],[2925,1600]]
bool(true)
int(200)
int(0)
["uniacid","assignee_id","updated_at"]
bool(true)
string(8) "idx_mine"
bool(false)
int(1)
