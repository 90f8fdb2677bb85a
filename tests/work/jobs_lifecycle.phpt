--TEST--
Work\Jobs: a client request through grab, start, ask the client, reply, progress, complete, reopen, close; history, client timeline hides internal progress; wrong-state and wrong-actor transitions; order fulfilled on close
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store, Clock, InvalidTransitionException};
use CloudAcct\Work\{Catalog, Orders, Jobs};
$db = w_setup('work_jobs_life');
$store = new Store($db, 1);
$jobs = new Jobs($store);
$admin = Actor::admin(1);
Clock::freeze((new DateTime('2026-11-02 10:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
$t0 = Clock::now();
$s1 = w_staff($db, 1, ['store_id' => 1, 'name' => '王会计']);
$s2 = w_staff($db, 1, ['store_id' => 1, 'name' => '赵会计']);
$a = w_client($db, 1, ['store_id' => 1]);
$b = w_client($db, 1, ['store_id' => 1]);
$ca = Actor::client(w_contact($db, 1, $a));
$cb = Actor::client(w_contact($db, 1, $b));
$st1 = Actor::staff($s1);
$st2 = Actor::staff($s2);
$state = fn($id) => $db->queryValue('SELECT status FROM {job} WHERE id = ?', [$id]);
$open = fn($s) => $db->queryValue('SELECT open_jobs FROM {staff} WHERE id = ?', [$s]);

$id = $jobs->request($ca, $a, ['title' => '申领发票', 'type' => '申领发票', 'description' => '需要增值税专用发票 10 份',
    'attachments' => ['images/1/2026/11/license.jpg']]);
$j = $jobs->get($ca, $id);
printf("%s %s %s %s %s %d %s %s\n", $j['status'], $j['status_label'], $j['source'], $j['type'], $j['dispatch_mode'],
    $j['grab_deadline'] - $t0, json_encode($j['actions']), json_encode($j['attachments']));
echo ($j['due_at'] - $t0) / 3600, "h until due (16 business hours from Mon 10:00 is Wed 10:00)\n";
echo json_encode($jobs->get($st1, $id)['actions']), ' ', json_encode($jobs->get($admin, $id)['actions']), "\n";
ca_expect_throw(fn() => $jobs->get($cb, $id));
ca_expect_throw(fn() => $jobs->get(Actor::client(999), $id));
ca_expect_throw(fn() => (new Jobs(new Store($db, 2)))->get($admin, $id));

// wrong actors and wrong states on an open job
ca_expect_throw(fn() => $jobs->start($st1, $id));
ca_expect_throw(fn() => $jobs->complete($admin, $id));
ca_expect_throw(fn() => $jobs->close($ca, $id));
ca_expect_throw(fn() => $jobs->grab($admin, $id));
ca_expect_throw(fn() => $jobs->grab($ca, $id));

// the grab: one winner, the loser hears "已被抢走" and the state it is in
Clock::advance(300);
$jobs->grab($st2, $id);
try { $jobs->grab($st1, $id); } catch (InvalidTransitionException $e) { echo get_class($e), ' ', $e->getMessage(), ' [', $e->getCurrentState(), "]\n"; }
ca_expect_throw(fn() => $jobs->grab($st2, $id));
echo $state($id), ' ', $open($s2), ' ', $open($s1), "\n";
ca_expect_throw(fn() => $jobs->get($st1, $id)); // no longer in anyone's pool
echo json_encode($jobs->get($st2, $id)['actions']), ' ', $jobs->get($ca, $id)['assignee_name'], "\n";
ca_expect_throw(fn() => $jobs->askClient($st2, $id, '请补充材料'));

$jobs->start($st2, $id);
ca_expect_throw(fn() => $jobs->start($st2, $id));
ca_expect_throw(fn() => $jobs->askClient($st1, $id, '？'));
ca_expect_throw(fn() => $jobs->askClient($st2, $id, ''));
$jobs->askClient($st2, $id, '请上传开票信息', ['images/1/2026/11/form.pdf']);
echo $state($id), "\n";
Clock::advance(3600);
ca_expect_throw(fn() => $jobs->clientReplied($cb, $id, '不是我的'));
$jobs->clientReplied($ca, $id, '已上传，请查收', ['images/1/2026/11/info.jpg']);
$jobs->addProgress($st2, $id, '内部：客户资料齐全，可以办理', true);
$p = $jobs->addProgress($st2, $id, '已向税务局提交申请', false, ['images/1/2026/11/receipt.jpg']);
ca_expect_throw(fn() => $jobs->addProgress($ca, $id, '我想看内部备注', true));
ca_expect_throw(fn() => $jobs->addProgress($st1, $id, '我不是负责人'));
ca_expect_throw(fn() => $jobs->addProgress($st2, $id, ''));
ca_expect_throw(fn() => $jobs->addProgress($st2, $id, "bad \xC0\xAF"));
ca_expect_throw(fn() => $jobs->addProgress($st2, $id, 'x', false, ['../x']));
$jobs->addProgress($ca, $id, '谢谢，辛苦了');
Clock::advance(600);
$jobs->complete($st2, $id, '发票已寄出');
echo $state($id), ' ', $open($s2), "\n";
ca_expect_throw(fn() => $jobs->reopen($ca, $id, ''));
$jobs->reopen($ca, $id, '少了一份发票');
echo $state($id), ' ', $open($s2), "\n";
$jobs->complete($admin, $id);
ca_expect_throw(fn() => $jobs->close($st2, $id));
$jobs->close($ca, $id, '满意');
echo $state($id), ' ', $open($s2), "\n";
foreach (['start', 'complete', 'reopen', 'cancel'] as $m) {
    ca_expect_throw(fn() => $m === 'start' || $m === 'complete' ? $jobs->$m($st2, $id) : $jobs->$m($admin, $id, '原因'));
}
ca_expect_throw(fn() => $jobs->addProgress($st2, $id, '关闭后再写'));

// history: every transition, who, from, to
foreach ($jobs->history($admin, $id) as $h) {
    printf("%s>%s %s(%s) by %s:%d %d>%d %s\n", $h['from_status'] ?: '-', $h['to_status'], $h['event'], $h['event_label'],
        $h['actor_kind'], $h['actor_id'], $h['assignee_from'], $h['assignee_to'], $h['note']);
}
ca_expect_throw(fn() => $jobs->history($ca, $id));
// the client's timeline: labels and client-visible progress only
foreach ($jobs->timeline($ca, $id) as $e) {
    echo $e['kind'] === 'status' ? "[{$e['label']}] {$e['event_label']}" : "{$e['author_kind']}: {$e['text']} " . json_encode($e['attachments']), "\n";
}
$all = $jobs->progress($st2, $id);
$mine = $jobs->progress($ca, $id);
echo count($all), ' ', count($mine), ' ', json_encode(array_column($all, 'visibility')), ' ', json_encode($all[3]['attachments']), "\n";
echo json_encode(array_column($db->query('SELECT action FROM {audit} WHERE object_type = ? AND object_id = ? ORDER BY id', ['job', $id]), 'action')), "\n";
echo json_encode(array_column($db->query('SELECT template, recipient_kind FROM {outbox} ORDER BY id'), 'template')), "\n";

// a paid order's job: closing it fulfils the order
$cat = new Catalog($store);
$orders = new Orders($store);
$svc = $cat->createService($admin, ['title' => '工商变更', 'price_fen' => 80000, 'on_sale' => true]);
$o = $orders->place($ca, $a, $svc);
$jid = $orders->settle(Actor::system(), $o['id'], 80000, 'wechat', 'T-1')['job_id'];
$jobs->grab($st1, $jid);
$jobs->start($st1, $jid);
$jobs->complete($st1, $jid);
echo $orders->get($ca, $o['id'])['status'], ' ';
$jobs->close($admin, $jid);
echo $orders->get($ca, $o['id'])['status'], "\n";
ca_drop_db('work_jobs_life');
?>
--EXPECT--
open 待抢单 request 申领发票 grab 1800 ["cancel"] ["images\/1\/2026\/11\/license.jpg"]
48h until due (16 business hours from Mon 10:00 is Wed 10:00)
["grab"] ["assign","cancel"]
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\InvalidTransitionException: 工单当前状态为“待抢单”，不能“开始办理” (cannot start a job that is open)
CloudAcct\InvalidTransitionException: 工单当前状态为“待抢单”，不能“办理完成” (cannot complete a job that is open)
CloudAcct\InvalidTransitionException: 工单当前状态为“待抢单”，不能“关闭” (cannot close a job that is open)
CloudAcct\ForbiddenException: 只有员工可以抢单 (staff only)
CloudAcct\ForbiddenException: 只有员工可以抢单 (staff only)
CloudAcct\InvalidTransitionException 手慢了，该工单已被抢走 (already taken) [assigned]
CloudAcct\InvalidTransitionException: 您已接下该工单 (the job is already yours)
assigned 1 0
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
["release","start"] 赵会计
CloudAcct\InvalidTransitionException: 工单当前状态为“已分配”，不能“请客户补充资料” (cannot ask_client a job that is assigned)
CloudAcct\InvalidTransitionException: 工单当前状态为“办理中”，不能“开始办理” (cannot start a job that is in_progress)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\ValidationException: “原因或说明”须为 1 到 2000 个字符 (note: 1..2000 characters)
waiting_client
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\ForbiddenException: 客户不能添加内部备注 (clients cannot post internal notes)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 1 not found)
CloudAcct\ValidationException: “进展内容”须为 1 到 2000 个字符 (text: 1..2000 characters)
CloudAcct\ValidationException: “进展内容”内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号） (text: invalid text)
CloudAcct\ValidationException: 附件引用无效（应为上传后得到的文件路径）(attachments: invalid file reference)
done 0
CloudAcct\ValidationException: “原因或说明”须为 1 到 255 个字符 (note: 1..255 characters)
in_progress 1
CloudAcct\ForbiddenException: 您不能对该工单执行“关闭” (not allowed for staff)
closed 0
CloudAcct\InvalidTransitionException: 工单当前状态为“已关闭”，不能“开始办理” (cannot start a job that is closed)
CloudAcct\InvalidTransitionException: 工单当前状态为“已关闭”，不能“办理完成” (cannot complete a job that is closed)
CloudAcct\InvalidTransitionException: 工单当前状态为“已关闭”，不能“重新办理” (cannot reopen a job that is closed)
CloudAcct\InvalidTransitionException: 工单当前状态为“已关闭”，不能“取消” (cannot cancel a job that is closed)
CloudAcct\InvalidTransitionException: 工单已关闭，不能再添加进展 (the job is closed)
->open create(创建) by client:1 0>0 
open>assigned grab(抢单) by staff:2 0>2 
assigned>in_progress start(开始办理) by staff:2 2>2 
in_progress>waiting_client ask_client(请客户补充资料) by staff:2 2>2 请上传开票信息
waiting_client>in_progress client_replied(客户已补充) by client:1 2>2 已上传，请查收
in_progress>done complete(办理完成) by staff:2 2>2 发票已寄出
done>in_progress reopen(重新办理) by client:1 2>2 少了一份发票
in_progress>done complete(办理完成) by admin:1 2>2 
done>closed close(关闭) by client:1 2>2 满意
CloudAcct\ForbiddenException: 客户请查看工单进度时间线 (clients read the timeline)
[待抢单] 创建
[已分配] 抢单
[办理中] 开始办理
[待客户补充] 请客户补充资料
staff: 请上传开票信息 ["images\/1\/2026\/11\/form.pdf"]
[办理中] 客户已补充
client: 已上传，请查收 ["images\/1\/2026\/11\/info.jpg"]
staff: 已向税务局提交申请 ["images\/1\/2026\/11\/receipt.jpg"]
client: 谢谢，辛苦了 []
[已完成] 办理完成
[办理中] 重新办理
[已完成] 办理完成
[已关闭] 关闭
5 4 ["client","client","internal","client","client"] ["images\/1\/2026\/11\/receipt.jpg"]
["job_create","job_grab","job_start","job_ask_client","job_client_replied","job_progress","job_progress","job_progress","job_complete","job_reopen","job_complete","job_close"]
["job_pool","job_assigned","job_started","job_waiting_client","job_progress","job_progress","job_progress","rating_request","job_done","job_reopened","job_done","job_closed"]
paid fulfilled
