--TEST--
Quality\Ratings::list: the pager's count stops at 10,000 ratings (total_capped), newest first on every page, filters and scope still apply; below the cap the count is exact
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/quality.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Quality\Ratings;
$db = w_setup('quality_ratings_capped');
$r = new Ratings(new Store($db, 1));
$admin = Actor::admin(1);
$s1 = w_staff($db, 1, ['store_id' => 1, 'name' => '王会计']);
$s2 = w_staff($db, 1, ['store_id' => 2, 'name' => '赵会计']);
$a = w_client($db, 1, ['store_id' => 1, 'name' => '甲公司']);
$ca = w_contact($db, 1, $a);
// 10,050 ratings as rows (job ids need not exist for the list: its joins are LEFT JOINs):
// rating n is by staff 1 for odd n, staff 2 (store 2) for even n, rated at 1,000,000 + n; every 100th is bad,
// else every 3rd neutral (newest first over all kinds merges three index reads: the pages must interleave them)
$db->execute("INSERT INTO {rating} (uniacid, job_id, client_id, contact_id, staff_id, store_id, overall, scores, value_x100,"
    . " comment, created_at) SELECT 1, seq, ?, ?, IF(seq % 2, ?, ?), IF(seq % 2, 1, 2), IF(seq % 100 = 0, 'bad', IF(seq % 3 = 0, 'neutral', 'good')),"
    . " '{\"服务态度\":5,\"服务速度\":5,\"专业度\":5}', 500, '', 1000000 + seq FROM seq_1_to_10050", [$a, $ca, $s1, $s2]);
// another firm's ratings are not counted
$db->execute("INSERT INTO {rating} (uniacid, job_id, client_id, contact_id, staff_id, store_id, overall, scores, value_x100,"
    . " comment, created_at) SELECT 2, seq, 1, 1, 1, 1, 'good', '{}', 500, '', 3000000 + seq FROM seq_1_to_20");
$show = function (array $l): string {
    $ids = array_column($l['items'], 'job_id');
    $d = count($ids) > 1 ? $ids[0] - $ids[1] : 1;
    $step = $ids && in_array($d, [1, 2, 100], true) && $ids === range($ids[0], $ids[0] - (count($ids) - 1) * $d, $d)
        ? 'in order' : 'NOT IN ORDER ' . json_encode($ids);
    return sprintf('total %d capped %s items %d first %d last %d %s', $l['total'], var_export($l['total_capped'], true),
        count($l['items']), $ids[0] ?? 0, $ids ? end($ids) : 0, $ids ? $step : '-');
};
echo $show($r->list($admin)), "\n";
echo $show($r->list($admin, [], 2, 20)), "\n";
echo $show($r->list($admin, [], 503, 20)), "\n";
echo $show($r->list($admin, ['staff_id' => $s1])), "\n";
echo $show($r->list($admin, ['overall' => 'bad'], 1, 200)), "\n";
echo $show($r->list($admin, ['store_id' => 2, 'since' => 1000000 + 10001])), "\n";
echo $show($r->list($admin, ['since' => 1000000 + 10041])), "\n";
echo $show($r->list($admin, ['until' => 1000000 + 11], 1, 200)), "\n";
echo $show($r->list($admin, ['since' => 1000000 + 5001, 'until' => 1000000 + 5101], 3, 20)), "\n";
// an admin of store 2 only: that store's ratings, capped the same way
echo $show($r->list(q_scoped_admin($db, 1, 9, 2))), "\n";
echo $show($r->list(Actor::admin(9), ['staff_id' => $s1])), "\n";
// the items are complete rows
$it = $r->list($admin, [], 1, 1)['items'][0];
echo $it['staff_name'], ' ', $it['client_name'], ' ', $it['overall_label'], ' ', $it['average'], ' ', json_encode($it['scores'], JSON_UNESCAPED_UNICODE), "\n";
ca_drop_db('quality_ratings_capped');
?>
--EXPECT--
total 10000 capped true items 20 first 10050 last 10031 in order
total 10000 capped true items 20 first 10030 last 10011 in order
total 10000 capped true items 10 first 10 last 1 in order
total 5025 capped false items 20 first 10049 last 10011 in order
total 100 capped false items 100 first 10000 last 100 in order
total 25 capped false items 20 first 10050 last 10012 in order
total 10 capped false items 10 first 10050 last 10041 in order
total 10 capped false items 10 first 10 last 1 in order
total 100 capped false items 20 first 5060 last 5041 in order
total 5025 capped false items 20 first 10050 last 10012 in order
total 0 capped false items 0 first 0 last 0 -
赵会计 甲公司 中评 5 {"服务态度":5,"服务速度":5,"专业度":5}
