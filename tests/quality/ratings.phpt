--TEST--
Quality\Ratings: rate a finished job once (aggregates in the same transaction), the reminder after completion, bad input and wrong actors write nothing, forJob/forStaff/list visibility, follow-ups of bad ratings
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/quality.inc';
use CloudAcct\{Actor, Store, Clock, InvalidTransitionException};
use CloudAcct\Quality\Ratings;
$db = w_setup('quality_ratings');
$store = new Store($db, 1);
$r = new Ratings($store);
$admin = Actor::admin(1);
Clock::freeze((new DateTime('2026-11-02 10:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
$s1 = w_staff($db, 1, ['store_id' => 1, 'name' => '王会计']);
$s2 = w_staff($db, 1, ['store_id' => 2, 'name' => '赵会计']);
$a = w_client($db, 1, ['store_id' => 1, 'name' => '甲公司']);
$b = w_client($db, 1, ['store_id' => 2, 'name' => '乙公司']);
$ca = w_contact($db, 1, $a);
$ca2 = w_contact($db, 1, $a);
$cb = w_contact($db, 1, $b);
$tables = ['rating', 'staff_rating', 'staff_rating_dim', 'rating_followup', 'outbox', 'audit'];

echo json_encode($r->dimensions(), JSON_UNESCAPED_UNICODE), "\n";

// the reminder: queued when the job is done, to every contact of a job nobody asked for
$j1 = q_job($store, $a, $s1);
echo json_encode(q_outbox($db, 'rating_request')), "\n";
$open = q_job($store, $a, $s1, 'in_progress');
$jb = q_job($store, $b, $s2, 'closed');

$full = ['服务态度' => 5, '服务速度' => 4, '专业度' => 5];
// bad input and wrong actors: typed exceptions, nothing written
$before = w_counts($db, ...$tables);
ca_expect_throw(fn() => $r->rate(Actor::staff($s1), $j1, 'good', $full));
ca_expect_throw(fn() => $r->rate($admin, $j1, 'good', $full));
ca_expect_throw(fn() => $r->rate(Actor::system(), $j1, 'good', $full));
ca_expect_throw(fn() => $r->rate(Actor::client($cb), $j1, 'good', $full));       // another company's job
ca_expect_throw(fn() => $r->rate(Actor::client($ca), 99999, 'good', $full));
try { $r->rate(Actor::client($ca), $open, 'good', $full); } catch (InvalidTransitionException $e) {
    echo get_class($e), ': ', $e->getMessage(), ' [', $e->getCurrentState(), "]\n";
}
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'excellent', $full));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'good', ['服务态度' => 6] + $full));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'good', ['服务速度' => 0] + $full));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'good', ['专业度' => '5'] + $full));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'good', ['专业度' => 4.5] + $full));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'good', $full + ['态度好' => 5]));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'good', [5, 4, 5]));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'good', ['服务态度' => 5, '专业度' => 5]));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'good', $full, str_repeat('好', 501)));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'good', $full, "bad \xff utf-8"));
ca_expect_throw(fn() => $r->rate(Actor::client($ca), 0, 'good', $full));
echo json_encode(w_counts($db, ...$tables) === $before), "\n";

// a good rating: aggregates and the notice to the employee, the contact's reminder cancelled
$id1 = $r->rate(Actor::client($ca), $j1, 'good', $full, "很专业\n及时");
echo json_encode($db->query('SELECT staff_id, ratings, good, neutral, bad, value_sum FROM {staff_rating}')), "\n";
echo json_encode($db->query('SELECT dimension, score_sum, score_count FROM {staff_rating_dim} ORDER BY dimension'),
    JSON_UNESCAPED_UNICODE), "\n";
echo json_encode(q_outbox($db, 'rating_received')), ' ',
    json_encode($db->query("SELECT recipient_id, status FROM {outbox} WHERE template = 'rating_request' ORDER BY id")), "\n";
echo $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'rating_create' AND object_id = ?", [$id1]), "\n";

// once: by the same contact, by a colleague of the same company; nothing written
$before = w_counts($db, ...$tables);
ca_expect_throw(fn() => $r->rate(Actor::client($ca), $j1, 'bad', $full));
ca_expect_throw(fn() => $r->rate(Actor::client($ca2), $j1, 'neutral', $full));
echo json_encode(w_counts($db, ...$tables) === $before), "\n";

// closed jobs can be rated; a bad rating opens a follow-up and tells the admins
$id2 = $r->rate(Actor::client($cb), $jb, 'bad', ['服务态度' => 1, '服务速度' => 2, '专业度' => 2], '拖延');
echo json_encode($db->query('SELECT staff_id, ratings, good, neutral, bad, value_sum FROM {staff_rating} ORDER BY staff_id')), "\n";
echo json_encode($db->query('SELECT rating_id, job_id, staff_id, store_id, status FROM {rating_followup}')), ' ',
    json_encode(q_outbox($db, 'rating_bad')), "\n";

// forJob: the company's contacts, the assignee, admins; not other staff or other companies
$v = $r->forJob(Actor::client($ca2), $j1);
echo $v['overall'], ' ', $v['overall_label'], ' ', $v['average'], ' ', json_encode($v['scores'], JSON_UNESCAPED_UNICODE),
    ' ', json_encode($v['comment'], JSON_UNESCAPED_UNICODE), ' ', $v['staff_name'], ' ', isset($v['contact_id']) ? 'contact' : '-', "\n";
echo $r->forJob(Actor::staff($s1), $j1)['id'] === $id1 ? 'assignee ok' : 'wrong', ' ', $r->forJob($admin, $jb)['overall'], "\n";
var_dump($r->forJob(Actor::staff($s1), $open));
ca_expect_throw(fn() => $r->forJob(Actor::staff($s2), $j1));
ca_expect_throw(fn() => $r->forJob(Actor::client($cb), $j1));
ca_expect_throw(fn() => (new Ratings(new Store($db, 2)))->forJob($admin, $j1));
$scoped = q_scoped_admin($db, 1, 7, 2);
ca_expect_throw(fn() => $r->forJob($scoped, $j1));
echo $r->forJob($scoped, $jb)['overall'], "\n";

// forStaff: oneself and admins; the summary comes from the aggregates
$mine = $r->forStaff(Actor::staff($s1), $s1);
echo $mine['total'], ' ', count($mine['items']), ' ', json_encode($mine['summary'], JSON_UNESCAPED_UNICODE), "\n";
echo $r->forStaff($admin, $s2)['summary']['bad'], ' ', $r->forStaff($scoped, $s2)['total'], "\n";
ca_expect_throw(fn() => $r->forStaff(Actor::staff($s2), $s1));
ca_expect_throw(fn() => $r->forStaff(Actor::client($ca), $s1));
ca_expect_throw(fn() => $r->forStaff($scoped, $s1));
ca_expect_throw(fn() => $r->forStaff($admin, 99999));
ca_expect_throw(fn() => $r->forStaff($admin, $s1, 0));
ca_expect_throw(fn() => $r->forStaff($admin, $s1, 1, 201));

// list: admins, filters, store scope
echo $r->list($admin)['total'], ' ', $r->list($admin, ['overall' => 'bad'])['items'][0]['id'] === $id2 ? 'bad ok' : 'x', ' ',
    $r->list($admin, ['staff_id' => $s1])['total'], ' ', $r->list($admin, ['client_id' => $b])['total'], ' ',
    $r->list($admin, ['store_id' => 1])['total'], ' ', $r->list($admin, ['since' => Clock::now() + 1])['total'], ' ',
    $r->list($admin, ['until' => Clock::now() + 1])['total'], ' ', $r->list($scoped)['total'], "\n";
ca_expect_throw(fn() => $r->list($admin, ['overall' => 'great']));
ca_expect_throw(fn() => $r->list($admin, ['nope' => 1]));
ca_expect_throw(fn() => $r->list(Actor::staff($s1)));
ca_expect_throw(fn() => $r->list(Actor::client($ca)));

// follow-ups: listed for admins of the store, handled once with a note
$f = $r->followups($admin, ['status' => 'open']);
$fid = $f['items'][0]['id'];
echo $f['total'], ' ', $f['items'][0]['staff_name'], ' ', $f['items'][0]['comment'], ' ', $r->followups($scoped)['total'], ' ',
    q_scoped_admin($db, 1, 8, 1) && true ? $r->followups(Actor::admin(8))['total'] : '', "\n";
ca_expect_throw(fn() => $r->handleFollowup(Actor::admin(8), $fid, '已电话回访'));
ca_expect_throw(fn() => $r->handleFollowup(Actor::staff($s2), $fid, '已电话回访'));
ca_expect_throw(fn() => $r->handleFollowup($admin, $fid, ''));
ca_expect_throw(fn() => $r->handleFollowup($admin, 99999, '已电话回访'));
ca_expect_throw(fn() => $r->followups(Actor::staff($s1)));
ca_expect_throw(fn() => $r->followups($admin, ['status' => 'closed']));
$r->handleFollowup($scoped, $fid, '已电话回访，客户接受道歉');
echo json_encode($db->query('SELECT status, note, handled_by, handled_at > 0 AS t FROM {rating_followup}'), JSON_UNESCAPED_UNICODE), "\n";
try { $r->handleFollowup($admin, $fid, '再次'); } catch (InvalidTransitionException $e) {
    echo get_class($e), ' [', $e->getCurrentState(), "]\n";
}
echo $r->followups($admin, ['status' => 'handled'])['total'], ' ', $r->followups($admin, ['status' => 'open'])['total'], "\n";

// a reopened and completed again job: no second reminder once rated; a job asked by one contact reminds that contact only
$jobs = new CloudAcct\Work\Jobs($store);
$jobs->reopen(Actor::client($ca), $j1, '还有一张发票');
$jobs->complete(Actor::staff($s1), $j1);
$asked = $jobs->request(Actor::client($ca2), $a, ['title' => '开发票', 'description' => '5 份']);
$jobs->assign($admin, $asked, $s1);
$jobs->start(Actor::staff($s1), $asked);
$jobs->complete(Actor::staff($s1), $asked);
echo json_encode(q_outbox($db, 'rating_request')), "\n";

// configured dimensions
w_setting($db, 1, 'rating_dimensions', ['态度', '效率']);
echo json_encode($r->dimensions(), JSON_UNESCAPED_UNICODE), "\n";
ca_expect_throw(fn() => $r->rate(Actor::client($ca2), $asked, 'good', $full));
$r->rate(Actor::client($ca2), $asked, 'neutral', ['态度' => 3, '效率' => 4]);
echo json_encode($db->query('SELECT dimension, score_sum, score_count FROM {staff_rating_dim} WHERE staff_id = ? ORDER BY dimension', [$s1]),
    JSON_UNESCAPED_UNICODE), "\n";
w_setting($db, 1, 'rating_dimensions', 'broken');
echo json_encode($r->dimensions(), JSON_UNESCAPED_UNICODE), "\n";
?>
--CLEAN--
<?php require __DIR__ . '/../inc/config.inc'; ca_drop_db('quality_ratings'); ?>
--EXPECT--
["服务态度","服务速度","专业度"]
["client:1","client:2"]
CloudAcct\ForbiddenException: 只有该工单的客户可以评价 (only the job's client may rate it)
CloudAcct\ForbiddenException: 只有该工单的客户可以评价 (only the job's client may rate it)
CloudAcct\ForbiddenException: 只有该工单的客户可以评价 (only the job's client may rate it)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 99999 not found)
CloudAcct\InvalidTransitionException: 工单办理中，完成后才能评价 (the job is in_progress: only done or closed jobs can be rated) [in_progress]
CloudAcct\ValidationException: 总体评价须为 好评/中评/差评 (good|neutral|bad)
CloudAcct\ValidationException: “服务态度”的评分须为 1 到 5 的整数 (服务态度: an int 1..5)
CloudAcct\ValidationException: “服务速度”的评分须为 1 到 5 的整数 (服务速度: an int 1..5)
CloudAcct\ValidationException: “专业度”的评分须为 1 到 5 的整数 (专业度: an int 1..5)
CloudAcct\ValidationException: “专业度”的评分须为 1 到 5 的整数 (专业度: an int 1..5)
CloudAcct\ValidationException: 没有“态度好”这个评价维度 (unknown dimension 态度好)
CloudAcct\ValidationException: 评分须按维度名称给出 (unknown dimension 0)
CloudAcct\ValidationException: 请为“服务速度”打分 (missing score: 服务速度)
CloudAcct\ValidationException: “评价内容”须为 0 到 500 个字符 (comment: 0..500 characters)
CloudAcct\ValidationException: “评价内容”内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号） (comment: invalid text)
ValueError: CloudAcct\Quality\Ratings::rate(): Argument #2 ($jobId) must be between 1 and 4294967295
true
[{"staff_id":1,"ratings":1,"good":1,"neutral":0,"bad":0,"value_sum":467}]
[{"dimension":"专业度","score_sum":5,"score_count":1},{"dimension":"服务态度","score_sum":5,"score_count":1},{"dimension":"服务速度","score_sum":4,"score_count":1}]
["staff:1"] [{"recipient_id":1,"status":"cancelled"},{"recipient_id":2,"status":"queued"},{"recipient_id":3,"status":"queued"}]
1
CloudAcct\ConflictException: 该工单已经评价过了，每个工单只能评价一次 (job 1 is already rated)
CloudAcct\ConflictException: 该工单已经评价过了，每个工单只能评价一次 (job 1 is already rated)
true
[{"staff_id":1,"ratings":1,"good":1,"neutral":0,"bad":0,"value_sum":467},{"staff_id":2,"ratings":1,"good":0,"neutral":0,"bad":1,"value_sum":167}]
[{"rating_id":4,"job_id":3,"staff_id":2,"store_id":2,"status":"open"}] ["admin:0"]
good 好评 4.67 {"服务态度":5,"服务速度":4,"专业度":5} "很专业\n及时" 王会计 -
assignee ok bad
NULL
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
bad
1 1 {"ratings":1,"good":1,"neutral":0,"bad":0,"average":4.67,"dimensions":{"专业度":5,"服务态度":5,"服务速度":4}}
1 1
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
CloudAcct\ForbiddenException: 只有员工本人和管理员可以查看 (the employee and admins only)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 99999 not found)
ValueError: CloudAcct\Quality\Ratings::forStaff(): Argument #3 ($page) must be between 1 and 100000
ValueError: CloudAcct\Quality\Ratings::forStaff(): Argument #4 ($perPage) must be between 1 and 200
2 bad ok 1 1 1 0 2 1
CloudAcct\ValidationException: 筛选条件 overall 的值无效 (filter "overall" has an invalid value)
CloudAcct\ValidationException: 未知的筛选条件 nope (unknown filter)
CloudAcct\ForbiddenException: 只有管理员可以查看全部评价 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以查看全部评价 (admin only)
1 赵会计 拖延 1 0
CloudAcct\NotFoundException: 差评跟进不存在或无权查看 (follow-up 1 not found)
CloudAcct\ForbiddenException: 只有管理员可以处理差评跟进 (admin only)
CloudAcct\ValidationException: “跟进说明”须为 1 到 500 个字符 (note: 1..500 characters)
CloudAcct\NotFoundException: 差评跟进不存在或无权查看 (follow-up 99999 not found)
CloudAcct\ForbiddenException: 只有管理员可以查看差评跟进 (admin only)
CloudAcct\ValidationException: 筛选条件 status 的值无效 (filter "status" has an invalid value)
[{"status":"handled","note":"已电话回访，客户接受道歉","handled_by":7,"t":1}]
CloudAcct\InvalidTransitionException [handled]
1 0
["client:1","client:2","client:3","client:2"]
["态度","效率"]
CloudAcct\ValidationException: 没有“服务态度”这个评价维度 (unknown dimension 服务态度)
[{"dimension":"专业度","score_sum":5,"score_count":1},{"dimension":"态度","score_sum":3,"score_count":1},{"dimension":"效率","score_sum":4,"score_count":1},{"dimension":"服务态度","score_sum":5,"score_count":1},{"dimension":"服务速度","score_sum":4,"score_count":1}]
["服务态度","服务速度","专业度"]