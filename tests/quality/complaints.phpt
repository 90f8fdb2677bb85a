--TEST--
Quality\Complaints: file (own company, job of that company, staff), the state machine with typed refusals naming the state, reopen once within N days, thread visibility (internal notes, the employee only once resolved), store-scoped admins, notices on client-visible updates; refused calls write nothing
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
use CloudAcct\Quality\Complaints;
$db = w_setup('quality_complaints');
$store = new Store($db, 1);
$k = new Complaints($store);
$admin = Actor::admin(1);
Clock::freeze((new DateTime('2026-11-02 10:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
$s1 = w_staff($db, 1, ['store_id' => 1, 'name' => '王会计']);
$s2 = w_staff($db, 1, ['store_id' => 2, 'name' => '赵会计']);
$sOther = w_staff($db, 2, ['name' => '别处']);
$a = w_client($db, 1, ['store_id' => 1, 'name' => '甲公司']);
$b = w_client($db, 1, ['store_id' => 2, 'name' => '乙公司']);
$ca = Actor::client(w_contact($db, 1, $a));
$ca2 = Actor::client(w_contact($db, 1, $a));
$cb = Actor::client(w_contact($db, 1, $b));
$ja = q_job($store, $a, $s1);
$jb = q_job($store, $b, $s2);
$scoped1 = q_scoped_admin($db, 1, 7, 1);
$scoped2 = q_scoped_admin($db, 1, 8, 2);
$tables = ['complaint', 'complaint_note', 'outbox', 'audit'];
$thrown = function (callable $fn) {
    try { $fn(); echo "no exception\n"; }
    catch (InvalidTransitionException $e) { echo get_class($e), ': ', $e->getMessage(), ' [', $e->getCurrentState(), "]\n"; }
    catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
};

// filing: bad input and wrong actors write nothing
$before = w_counts($db, ...$tables);
$ok = ['client_id' => $a, 'description' => '报税晚了三天，被罚款'];
$thrown(fn() => $k->file(Actor::staff($s1), $ok));
$thrown(fn() => $k->file($admin, $ok));
$thrown(fn() => $k->file($ca, ['client_id' => $b] + $ok));                 // not their company
$thrown(fn() => $k->file($ca, ['client_id' => 9999] + $ok));
$thrown(fn() => $k->file($ca, ['job_id' => $jb] + $ok));                    // another company's job
$thrown(fn() => $k->file($ca, ['job_id' => 99999] + $ok));
$thrown(fn() => $k->file($ca, ['staff_id' => $sOther] + $ok));              // staff of another uniacid
$thrown(fn() => $k->file($ca, ['staff_id' => '1'] + $ok));
$thrown(fn() => $k->file($ca, ['description' => '太差'] + $ok));
$thrown(fn() => $k->file($ca, ['description' => str_repeat('差', 2001)] + $ok));
$thrown(fn() => $k->file($ca, ['description' => "bad \xc3 text"] + $ok));
$thrown(fn() => $k->file($ca, ['attachments' => ['../../etc/passwd']] + $ok));
$thrown(fn() => $k->file($ca, ['attachments' => array_fill(0, 10, 'images/1/a.jpg')] + $ok));
$thrown(fn() => $k->file($ca, ['attachments' => 'images/1/a.jpg'] + $ok));
$thrown(fn() => $k->file($ca, ['description' => '报税晚了三天']));
$thrown(fn() => $k->file($ca, ['client_id' => $a]));
$thrown(fn() => $k->file($ca, $ok + ['priority' => 1]));
echo json_encode(w_counts($db, ...$tables) === $before), "\n";

// a complaint about a job: its assignee becomes the employee concerned; the admins hear of it
$id = $k->file($ca, $ok + ['job_id' => $ja, 'attachments' => ['images/1/2026/11/fine.jpg']]);
$c = $k->get($ca, $id);
echo $c['status'], ' ', $c['status_label'], ' ', $c['staff_id'] === $s1 ? 'staff=assignee' : 'x', ' ', $c['store_id'], ' ',
    json_encode($c['attachments']), ' ', json_encode($c['actions']), ' ', isset($c['deadline_at']) ? 'deadline shown' : 'no deadline', "\n";
echo json_encode(q_outbox($db, 'complaint_opened')), ' ', ($k->get($admin, $id)['deadline_at'] - Clock::now()) / 3600, "h\n";
$other = $k->file($cb, ['client_id' => $b, 'description' => '会计态度不好', 'staff_id' => $s2]);

// who sees it: the company's contacts, admins of the store; not another company, not the employee yet
echo $k->get($ca2, $id)['id'] === $id ? 'colleague ok' : 'x', ' ', $k->get($scoped1, $id)['id'] === $id ? 'store admin ok' : 'x', "\n";
$thrown(fn() => $k->get($cb, $id));
$thrown(fn() => $k->get($scoped2, $id));
$thrown(fn() => $k->get(Actor::staff($s1), $id));
$thrown(fn() => $k->get(Actor::staff($s2), $id));
$thrown(fn() => (new Complaints(new Store($db, 2)))->get($admin, $id));
$thrown(fn() => $k->get($admin, 0));
echo $k->list($admin)['total'], ' ', $k->list($scoped1)['total'], ' ', $k->list($scoped2)['items'][0]['id'] === $other ? 'own store' : 'x', ' ',
    $k->list($ca)['total'], ' ', $k->list($cb)['total'], ' ', $k->list(Actor::staff($s1))['total'], ' ',
    $k->list($admin, ['staff_id' => $s2])['total'], ' ', $k->list($admin, ['job_id' => $ja])['total'], ' ',
    $k->list($admin, ['status' => 'open'])['total'], "\n";
$thrown(fn() => $k->list($admin, ['status' => 'pending']));
$thrown(fn() => $k->list($admin, [], 1, 0));

// transitions: wrong actors and wrong states are refused naming the state, nothing written
$before = w_counts($db, ...$tables);
$thrown(fn() => $k->process($ca, $id));
$thrown(fn() => $k->process(Actor::staff($s1), $id));
$thrown(fn() => $k->resolve(Actor::staff($s1), $id, '已处理'));
$thrown(fn() => $k->reopen($ca, $id, '不满意'));
$thrown(fn() => $k->close($ca, $id));
$thrown(fn() => $k->close($admin, $id));
$thrown(fn() => $k->process($scoped2, $id));
$thrown(fn() => $k->process($cb, $id));
$thrown(fn() => $k->resolve($admin, $id, ''));
$thrown(fn() => $k->comment(Actor::staff($s1), $id, '我解释一下'));
$thrown(fn() => $k->comment($ca, $id, '内部', true));
$thrown(fn() => $k->comment($ca, $id, ''));
echo json_encode(w_counts($db, ...$tables) === $before), "\n";

// the work: process with an internal note, a reply and an internal comment, the client's message
$k->process($scoped1, $id, '先查一下申报记录');
$thrown(fn() => $k->process($admin, $id));
$k->comment($admin, $id, '您好，我们正在核实申报时间');
$k->comment($admin, $id, '确认是员工漏报', true);
$k->comment($ca, $id, '请尽快');
Clock::advance(3600);
$k->resolve($admin, $id, '罚款由本所承担，已向税局缴纳');
$thrown(fn() => $k->resolve($admin, $id, '再次'));
echo json_encode(q_outbox($db, 'complaint_update'), JSON_UNESCAPED_UNICODE), "\n";
$thread = fn($actor) => implode(' | ', array_map(fn($n) => $n['kind'] . ($n['kind'] === 'event' ? ':' . $n['from_status'] . '>' . $n['to_status'] : ':' . $n['body'])
    . ($n['author_id'] === null ? '' : '@' . $n['author_kind']), $k->get($actor, $id)['thread']));
echo "admin:  ", $thread($admin), "\n";
echo "client: ", $thread($ca), "\n";
// the employee sees it now that it is resolved, without internal notes
echo "staff:  ", $thread(Actor::staff($s1)), "\n";
echo $k->list(Actor::staff($s1))['total'], ' ', json_encode($k->get(Actor::staff($s1), $id)['actions']), ' ',
    json_encode($k->get($ca, $id)['actions']), ' ', json_encode($k->get($admin, $id)['actions']), "\n";

// reopen once, within the window; a new deadline; then resolve again and the client closes it
$k->reopen($ca2, $id, '罚款收据还没给我');
$c = $k->get($admin, $id);
echo $c['status'], ' ', json_encode($c['reopened']), ' ', ($c['deadline_at'] - Clock::now()) / 3600, 'h ', json_encode(q_outbox($db, 'complaint_opened')), "\n";
$k->resolve($admin, $id, '收据已寄出');
$thrown(fn() => $k->reopen($ca, $id, '还是不满意'));
$k->close($ca, $id, '收到了，谢谢');
$thrown(fn() => $k->close($admin, $id));
$thrown(fn() => $k->comment($admin, $id, '补充'));
echo json_encode($db->queryRow('SELECT status, reopened, resolved_at > 0 AS r, closed_at > 0 AS c FROM {complaint} WHERE id = ?', [$id])), "\n";

// the reopen window: complaint_reopen_days after the resolution; 0 turns reopening off
$k->resolve($admin, $other, '已与会计沟通');
Clock::advance(7 * 86400 + 1);
$thrown(fn() => $k->reopen($cb, $other, '没有改善'));
echo json_encode($k->get($cb, $other)['actions']), "\n";
w_setting($db, 1, 'complaint_reopen_days', 30);
$k->reopen($cb, $other, '没有改善');
$k->resolve($scoped2, $other, '已更换会计');
w_setting($db, 1, 'complaint_reopen_days', 0);
$k->close(Actor::system(), $other);
echo $k->get($admin, $other)['status'], ' ', $k->get(Actor::staff($s2), $other)['status'], "\n";

echo implode(',', array_column($db->query("SELECT DISTINCT action FROM {audit} WHERE object_type = 'complaint' ORDER BY action"), 'action')), "\n";
?>
--CLEAN--
<?php require __DIR__ . '/../inc/config.inc'; ca_drop_db('quality_complaints'); ?>
--EXPECT--
CloudAcct\ForbiddenException: 只有客户可以提交投诉 (only clients file complaints)
CloudAcct\ForbiddenException: 只有客户可以提交投诉 (only clients file complaints)
CloudAcct\NotFoundException: 公司不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 公司不存在或无权查看 (client 9999 not found)
CloudAcct\ValidationException: 工单不存在或不属于该公司 (job 2 is not a job of this company)
CloudAcct\ValidationException: 工单不存在或不属于该公司 (job 99999 is not a job of this company)
CloudAcct\ValidationException: 没有这位员工 (staff 3 not found)
CloudAcct\ValidationException: “员工”须为整数 id (staff_id: an int id)
CloudAcct\ValidationException: “投诉内容”须为 5 到 2000 个字符 (description: 5..2000 characters)
CloudAcct\ValidationException: “投诉内容”须为 5 到 2000 个字符 (description: 5..2000 characters)
CloudAcct\ValidationException: “投诉内容”内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号） (description: invalid text)
CloudAcct\ValidationException: 附件引用无效（应为上传后得到的文件路径）(attachments: invalid file reference)
CloudAcct\ValidationException: 附件须为最多 9 个文件引用的列表 (attachments: a list of up to 9 file references)
CloudAcct\ValidationException: 附件须为文件引用的列表 (attachments: a list)
CloudAcct\ValidationException: 请选择被投诉服务所属的公司 (client_id is required)
CloudAcct\ValidationException: 请描述投诉内容 (description is required)
CloudAcct\ValidationException: 未知的字段 priority (unknown field)
true
open 待处理 staff=assignee 1 ["images\/1\/2026\/11\/fine.jpg"] ["comment"] no deadline
["admin:0"] 48h
colleague ok store admin ok
CloudAcct\NotFoundException: 投诉不存在或无权查看 (complaint 1 not found)
CloudAcct\NotFoundException: 投诉不存在或无权查看 (complaint 1 not found)
CloudAcct\NotFoundException: 投诉不存在或无权查看 (complaint 1 not found)
CloudAcct\NotFoundException: 投诉不存在或无权查看 (complaint 1 not found)
CloudAcct\NotFoundException: 投诉不存在或无权查看 (complaint 1 not found)
ValueError: CloudAcct\Quality\Complaints::get(): Argument #2 ($id) must be between 1 and 4294967295
2 1 own store 1 1 0 1 1 2
CloudAcct\ValidationException: 筛选条件 status 的值无效 (filter "status" has an invalid value)
ValueError: CloudAcct\Quality\Complaints::list(): Argument #4 ($perPage) must be between 1 and 200
CloudAcct\ForbiddenException: 无权开始处理该投诉 (not allowed to process this complaint)
CloudAcct\NotFoundException: 投诉不存在或无权查看 (complaint 1 not found)
CloudAcct\NotFoundException: 投诉不存在或无权查看 (complaint 1 not found)
CloudAcct\InvalidTransitionException: 投诉待处理，不能重新打开 (the complaint is open: cannot reopen) [open]
CloudAcct\InvalidTransitionException: 投诉待处理，不能关闭 (the complaint is open: cannot close) [open]
CloudAcct\InvalidTransitionException: 投诉待处理，不能关闭 (the complaint is open: cannot close) [open]
CloudAcct\NotFoundException: 投诉不存在或无权查看 (complaint 1 not found)
CloudAcct\NotFoundException: 投诉不存在或无权查看 (complaint 1 not found)
CloudAcct\ValidationException: “处理结果”须为 1 到 2000 个字符 (text: 1..2000 characters)
CloudAcct\ForbiddenException: 只有客户和管理员可以在投诉中留言 (clients and admins only)
CloudAcct\ForbiddenException: 客户不能添加内部备注 (clients cannot post internal notes)
CloudAcct\ValidationException: “留言”须为 1 到 2000 个字符 (text: 1..2000 characters)
true
CloudAcct\InvalidTransitionException: 投诉处理中，不能开始处理 (the complaint is processing: cannot process) [processing]
CloudAcct\InvalidTransitionException: 投诉已解决，不能处理完毕 (the complaint is resolved: cannot resolve) [resolved]
["client:1","client:1","admin:0","client:1","staff:1"]
admin:  event:>open@client | event:open>processing@admin | internal:先查一下申报记录@admin | reply:您好，我们正在核实申报时间@admin | internal:确认是员工漏报@admin | reply:请尽快@client | event:processing>resolved@admin | reply:罚款由本所承担，已向税局缴纳@admin
client: event:>open@client | event:open>processing | reply:您好，我们正在核实申报时间 | reply:请尽快@client | event:processing>resolved | reply:罚款由本所承担，已向税局缴纳
staff:  event:>open@client | event:open>processing | reply:您好，我们正在核实申报时间 | reply:请尽快@client | event:processing>resolved | reply:罚款由本所承担，已向税局缴纳
1 [] ["reopen","close","comment"] ["close","comment"]
open true 48h ["admin:0","admin:0","admin:0"]
CloudAcct\InvalidTransitionException: 投诉只能重新打开一次 (a complaint can be reopened only once) [resolved]
CloudAcct\InvalidTransitionException: 投诉已关闭，不能关闭 (the complaint is closed: cannot close) [closed]
CloudAcct\InvalidTransitionException: 投诉已关闭，不能再留言 (the complaint is closed) [closed]
{"status":"closed","reopened":1,"r":1,"c":1}
CloudAcct\InvalidTransitionException: 投诉解决已超过 7 天，不能重新打开，请提交新的投诉 (more than 7 days since the resolution) [resolved]
["close","comment"]
closed closed
complaint_close,complaint_comment,complaint_file,complaint_process,complaint_reopen,complaint_resolve