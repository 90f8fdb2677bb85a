--TEST--
Quality\Ratings::scoreboard: Bayesian average with the firm-wide prior and the configured weight (one review does not top the board), ties, store filter, store-scoped admins, paging, who may look; read from the aggregate rows only
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/quality.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Quality\Ratings;
$db = w_setup('quality_scoreboard');
$r = new Ratings(new Store($db, 1));
$admin = Actor::admin(1);
echo json_encode($r->scoreboard($admin)), "\n"; // nobody rated yet
$one = w_staff($db, 1, ['store_id' => 1, 'name' => '一条好评']);
$many = w_staff($db, 1, ['store_id' => 1, 'name' => '十条']);
$low = w_staff($db, 1, ['store_id' => 2, 'name' => '三条']);
$gone = w_staff($db, 1, ['store_id' => 2, 'name' => '离职', 'active' => 0]);
$none = w_staff($db, 1, ['store_id' => 2, 'name' => '未评价']);
$other = w_staff($db, 2, ['name' => '别的公众号']);
// The aggregate rows as rate() keeps them (value_sum = Σ rating means × 100).
$seed = fn($uniacid, $staff, $n, $good, $neutral, $bad, $sum) => $db->execute('INSERT INTO {staff_rating} (uniacid, staff_id,'
    . ' ratings, good, neutral, bad, value_sum, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)', [$uniacid, $staff, $n, $good, $neutral, $bad, $sum]);
$seed(1, $one, 1, 1, 0, 0, 500);
$seed(1, $many, 10, 9, 1, 0, 4600);
$seed(1, $low, 3, 0, 2, 1, 900);
$seed(1, $gone, 2, 2, 0, 0, 1000);
$seed(2, $other, 50, 50, 0, 0, 25000);
$db->execute("INSERT INTO {staff_rating_dim} (uniacid, staff_id, dimension, score_sum, score_count) VALUES"
    . " (1, ?, '服务态度', 46, 10), (1, ?, '专业度', 45, 10), (1, ?, '服务态度', 5, 1)", [$many, $many, $one]);
$show = function (array $b) {
    echo $b['total'], ' ', json_encode($b['totals']), ' prior ', $b['prior_mean'], ' m=', $b['prior_weight'], "\n";
    foreach ($b['items'] as $i) {
        echo '  #', $i['rank'], ' ', $i['name'], ' n=', $i['ratings'], ' ', $i['good'], '/', $i['neutral'], '/', $i['bad'],
            ' avg ', $i['average'], ' score ', $i['score'], ' ', json_encode($i['dimensions'], JSON_UNESCAPED_UNICODE), "\n";
    }
};
// prior = (500+4600+900+1000)/16/100 = 4.375 (the inactive employee's ratings count toward the firm's mean)
$show($r->scoreboard($admin));
w_setting($db, 1, 'rating_prior_weight', 0);
$show($r->scoreboard(Actor::staff($low)));
w_setting($db, 1, 'rating_prior_weight', 50);
$show($r->scoreboard($admin, ['store_id' => 1]));
$show($r->scoreboard($admin, [], 2, 1));
$show(q_scoped_admin($db, 1, 9, 2) ? $r->scoreboard(Actor::admin(9)) : []);
$show($r->scoreboard(Actor::admin(9), ['store_id' => 1]));
ca_expect_throw(fn() => $r->scoreboard(Actor::client(1)));
ca_expect_throw(fn() => $r->scoreboard(Actor::staff($gone)));
ca_expect_throw(fn() => $r->scoreboard(Actor::system()));
ca_expect_throw(fn() => $r->scoreboard($admin, ['store' => 1]));
ca_expect_throw(fn() => $r->scoreboard($admin, ['store_id' => '1']));
ca_expect_throw(fn() => $r->scoreboard($admin, [], 0));
ca_expect_throw(fn() => $r->scoreboard($admin, [], 1, 500));
?>
--CLEAN--
<?php require __DIR__ . '/../inc/config.inc'; ca_drop_db('quality_scoreboard'); ?>
--EXPECT--
{"total":0,"totals":{"ratings":0,"good":0,"neutral":0,"bad":0},"prior_mean":0,"prior_weight":5,"items":[]}
3 {"ratings":14,"good":10,"neutral":3,"bad":1} prior 4.375 m=5
  #1 十条 n=10 9/1/0 avg 4.6 score 4.525 {"专业度":4.5,"服务态度":4.6}
  #2 一条好评 n=1 1/0/0 avg 5 score 4.479 {"服务态度":5}
  #3 三条 n=3 0/2/1 avg 3 score 3.859 []
3 {"ratings":14,"good":10,"neutral":3,"bad":1} prior 4.375 m=0
  #1 一条好评 n=1 1/0/0 avg 5 score 5 {"服务态度":5}
  #2 十条 n=10 9/1/0 avg 4.6 score 4.6 {"专业度":4.5,"服务态度":4.6}
  #3 三条 n=3 0/2/1 avg 3 score 3 []
2 {"ratings":11,"good":10,"neutral":1,"bad":0} prior 4.375 m=50
  #1 十条 n=10 9/1/0 avg 4.6 score 4.413 {"专业度":4.5,"服务态度":4.6}
  #2 一条好评 n=1 1/0/0 avg 5 score 4.387 {"服务态度":5}
3 {"ratings":14,"good":10,"neutral":3,"bad":1} prior 4.375 m=50
  #2 一条好评 n=1 1/0/0 avg 5 score 4.387 {"服务态度":5}
1 {"ratings":3,"good":0,"neutral":2,"bad":1} prior 4.375 m=50
  #1 三条 n=3 0/2/1 avg 3 score 4.297 []
0 {"ratings":0,"good":0,"neutral":0,"bad":0} prior 4.375 m=50
CloudAcct\ForbiddenException: 只有员工和管理员可以查看评价排行 (staff and admins only)
CloudAcct\ForbiddenException: 员工账号不存在或已停用 (staff 4 is not active)
CloudAcct\ForbiddenException: 只有员工和管理员可以查看评价排行 (staff and admins only)
CloudAcct\ValidationException: 不支持的筛选条件 (unknown filter)
CloudAcct\ValidationException: 门店须为整数 id (store_id: an int)
ValueError: CloudAcct\Quality\Ratings::scoreboard(): Argument #3 ($page) must be between 1 and 100000
ValueError: CloudAcct\Quality\Ratings::scoreboard(): Argument #4 ($perPage) must be between 1 and 200