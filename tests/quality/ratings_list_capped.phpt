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
// rating n is by staff 1 for odd n, staff 2 (store 2) for even n, rated at 1,000,000 + n; every 100th is bad
$db->execute("INSERT INTO {rating} (uniacid, job_id, client_id, contact_id, staff_id, store_id, overall, scores, value_x100,"
    . " comment, created_at) SELECT 1, seq, ?, ?, IF(seq % 2, ?, ?), IF(seq % 2, 1, 2), IF(seq % 100 = 0, 'bad', 'good'),"
    . " '{\"服务态度\":5,\"服务速度\":5,\"专业度\":5}', 500, '', 1000000 + seq FROM seq_1_to_10050", [$a, $ca, $s1, $s2]);
// another firm's ratings are not counted
$db->execute("INSERT INTO {rating} (uniacid, job_id, client_id, contact_id, staff_id, store_id, overall, scores, value_x100,"
    . " comment, created_at) SELECT 2, seq, 1, 1, 1, 1, 'good', '{}', 500, '', 3000000 + seq FROM seq_1_to_20");
$show = function (array $l): string {
    return sprintf('total %d capped %s items %d first %d last %d', $l['total'], var_export($l['total_capped'], true),
        count($l['items']), $l['items'][0]['job_id'] ?? 0, $l['items'][count($l['items']) - 1]['job_id'] ?? 0);
};
echo $show($r->list($admin)), "\n";
echo $show($r->list($admin, [], 2, 20)), "\n";
echo $show($r->list($admin, [], 503, 20)), "\n";
echo $show($r->list($admin, ['staff_id' => $s1])), "\n";
echo $show($r->list($admin, ['overall' => 'bad'], 1, 200)), "\n";
echo $show($r->list($admin, ['store_id' => 2, 'since' => 1000000 + 10001])), "\n";
// an admin of store 2 only: that store's ratings, capped the same way
echo $show($r->list(q_scoped_admin($db, 1, 9, 2))), "\n";
echo $show($r->list(Actor::admin(9), ['staff_id' => $s1])), "\n";
// the items are complete rows
$it = $r->list($admin, [], 1, 1)['items'][0];
echo $it['staff_name'], ' ', $it['client_name'], ' ', $it['overall_label'], ' ', $it['average'], ' ', json_encode($it['scores'], JSON_UNESCAPED_UNICODE), "\n";
ca_drop_db('quality_ratings_capped');
?>
--EXPECT--
total 10000 capped true items 20 first 10050 last 10031
total 10000 capped true items 20 first 10030 last 10011
total 10000 capped true items 10 first 10 last 1
total 5025 capped false items 20 first 10049 last 10011
total 100 capped false items 100 first 10000 last 100
total 25 capped false items 20 first 10050 last 10012
total 5025 capped false items 20 first 10050 last 10012
total 0 capped false items 0 first 0 last 0
赵会计 甲公司 好评 5 {"服务态度":5,"服务速度":5,"专业度":5}
