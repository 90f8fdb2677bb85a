--TEST--
Work\Jobs bad input and authorisation: requests and admin jobs validated (titles, UTF-8, lengths, urgency, attachments, unknown keys, services, other clients' companies), list views per actor, nothing written on refusal
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Work\{Jobs, Catalog};
$db = w_setup('work_jobs_input');
$jobs = new Jobs(new Store($db, 1));
$admin = Actor::admin(1);
$s1 = w_staff($db, 1);
$a = w_client($db, 1);
$b = w_client($db, 1);
$gone = w_client($db, 1);
$db->execute("UPDATE {client} SET status = 'inactive' WHERE id = ?", [$gone]);
$ca = Actor::client(w_contact($db, 1, $a));
$svc = (new Catalog(new Store($db, 1)))->createService($admin, ['title' => '社保开户', 'skill' => '社保', 'sla_hours' => 4,
    'dispatch_mode' => 'direct', 'grab_window_minutes' => 5]);
$before = w_counts($db, 'job', 'job_history', 'job_attachment', 'audit', 'outbox');
$cases = [
    fn() => $jobs->request($admin, $a, ['title' => '管理员不能提需求']),
    fn() => $jobs->request(Actor::staff($s1), $a, ['title' => '员工也不能']),
    fn() => $jobs->request($ca, $b, ['title' => '别人的公司']),
    fn() => $jobs->request($ca, 999, ['title' => '不存在的公司']),
    fn() => (new Jobs(new Store($db, 2)))->request($ca, $a, ['title' => '另一个公众号']),
    fn() => $jobs->request($ca, $a, []),
    fn() => $jobs->request($ca, $a, ['title' => '']),
    fn() => $jobs->request($ca, $a, ['title' => str_repeat('票', 65)]),
    fn() => $jobs->request($ca, $a, ['title' => "\xE4\xB8"]),
    fn() => $jobs->request($ca, $a, ['title' => "换行\n标题"]),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 'type' => str_repeat('类', 33)]),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 'description' => str_repeat('长', 2001)]),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 'urgency' => 2]),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 'urgency' => -1]),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 'attachments' => 'a.jpg']),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 'attachments' => ['ok.jpg', 'with space.jpg']]),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 'attachments' => [['nested']]]),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 'service_id' => $svc]),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 'price_fen' => 100]),
    fn() => $jobs->request($ca, $a, ['title' => 'x', 0 => 'y']),
    fn() => $jobs->create($ca, $a, ['title' => '客户不能用 create']),
    fn() => $jobs->create($admin, $gone, ['title' => '停用的客户']),
    fn() => $jobs->create($admin, $a, ['title' => 'x', 'service_id' => 999]),
    fn() => $jobs->create($admin, $a, ['title' => 'x', 'price_fen' => -1]),
    fn() => $jobs->create($admin, $a, ['title' => 'x', 'price_fen' => PHP_INT_MAX]),
    fn() => $jobs->create($admin, $a, ['title' => 'x', 'dispatch_mode' => 'lottery']),
    fn() => $jobs->create($admin, $a, ['title' => 'x', 'sla_hours' => 2001]),
    fn() => $jobs->create($admin, $a, ['title' => 'x', 'assignee_id' => 999]),
    fn() => $jobs->get($ca, 999),
    fn() => $jobs->list($ca, 'mine'),
    fn() => $jobs->list($ca, 'all'),
    fn() => $jobs->list(Actor::staff($s1), 'escalated'),
    fn() => $jobs->list($ca, 'client'),
    fn() => $jobs->list($ca, 'client', ['client_id' => $b]),
    fn() => $jobs->list($ca, 'everything'),
    fn() => $jobs->list($admin, 'all', ['status' => 'lost']),
    fn() => $jobs->list($admin, 'all', ['order' => 'id']),
    fn() => $jobs->list($admin, 'all', [], 1, 0),
];
foreach ($cases as $case) {
    ca_expect_throw($case);
}
var_dump(w_counts($db, 'job', 'job_history', 'job_attachment', 'audit', 'outbox') === $before);
// and what the same calls do with good input
$r = $jobs->request($ca, $a, ['title' => '开具完税证明', 'type' => '开具证明', 'urgency' => 1, 'attachments' => ['images/1/x.png']]);
$j = $jobs->get($ca, $r);
echo $j['urgency'], ' ', $j['dispatch_mode'], ' ', $j['contact_id'] === $ca->id ? 'contact' : '-', "\n";
$c = $jobs->create($admin, $a, ['title' => '开户', 'service_id' => $svc, 'price_fen' => 0]);
$j = $jobs->get($admin, $c);
echo $j['status'], ' ', $j['skill'], ' ', $j['dispatch_mode'], ' ', $j['service_id'] === $svc ? 'service' : '-', ' ', $j['grab_window_minutes'], ' ', $j['sla_total_seconds'], "\n";
$o = $jobs->create($admin, $a, ['title' => '改成抢单', 'service_id' => $svc, 'dispatch_mode' => 'grab', 'skill' => '']);
echo $jobs->get($admin, $o)['status'], ' "', $jobs->get($admin, $o)['skill'], "\"\n";
echo $jobs->list($ca, 'client', ['client_id' => $a])['total'], ' ', $jobs->list($admin, 'all', ['status' => 'open'])['total'], "\n";
ca_drop_db('work_jobs_input');
?>
--EXPECT--
CloudAcct\ForbiddenException: 业务需求须由客户提交；管理员请使用 create (clients only)
CloudAcct\ForbiddenException: 业务需求须由客户提交；管理员请使用 create (clients only)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 999 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\ValidationException: 请填写“标题” (title is required)
CloudAcct\ValidationException: “标题”须为 1 到 64 个字符 (title: 1..64 characters)
CloudAcct\ValidationException: “标题”须为 1 到 64 个字符 (title: 1..64 characters)
CloudAcct\ValidationException: “标题”内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号） (title: invalid text)
CloudAcct\ValidationException: “标题”内容含有不可见的控制字符，请删除后重新输入 (title: invalid text)
CloudAcct\ValidationException: “业务类型”须为 0 到 32 个字符 (type: 0..32 characters)
CloudAcct\ValidationException: “描述”须为 0 到 2000 个字符 (description: 0..2000 characters)
CloudAcct\ValidationException: “紧急程度”须为 0 到 1 之间的整数 (urgency: integer 0..1)
CloudAcct\ValidationException: “紧急程度”须为 0 到 1 之间的整数 (urgency: integer 0..1)
CloudAcct\ValidationException: “附件”须为最多 9 项的列表 (attachments: a list of up to 9 items)
CloudAcct\ValidationException: 附件引用无效（应为上传后得到的文件路径）(attachments: invalid file reference)
CloudAcct\ValidationException: “附件”的每一项须为文本 (attachments: strings expected)
CloudAcct\ValidationException: 未知字段 service_id (unknown field)
CloudAcct\ValidationException: 未知字段 price_fen (unknown field)
CloudAcct\ValidationException: 未知字段 (整数键) (unknown field)
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
CloudAcct\ForbiddenException: 该客户已停用，不能新建工单 (client is not active)
CloudAcct\ValidationException: 服务不存在 (service 999 not found)
CloudAcct\ValidationException: “金额（分）”须为 0 到 10000000000 之间的整数 (price_fen: integer 0..10000000000)
CloudAcct\ValidationException: “金额（分）”须为 0 到 10000000000 之间的整数 (price_fen: integer 0..10000000000)
CloudAcct\ValidationException: “派单方式”只能是 grab|direct|exclusive (dispatch_mode: one of grab|direct|exclusive)
CloudAcct\ValidationException: “办理时限（工作小时）”须为 0 到 2000 之间的整数 (sla_hours: integer 0..2000)
CloudAcct\NotFoundException: 员工不存在 (staff 999 not found)
CloudAcct\NotFoundException: 工单不存在或无权查看 (job 999 not found)
CloudAcct\ForbiddenException: 您不能查看这个工单列表 (view not available to client)
CloudAcct\ForbiddenException: 您不能查看这个工单列表 (view not available to client)
CloudAcct\ForbiddenException: 您不能查看这个工单列表 (view not available to staff)
CloudAcct\ValidationException: 请指定客户 (client_id is required for this view)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
ValueError: CloudAcct\Work\Jobs::list(): Argument #2 ($view) must be one of "mine", "pool", "client", "escalated", "all"
CloudAcct\ValidationException: “状态”只能是 open|assigned|in_progress|waiting_client|done|closed|escalated|cancelled (status: one of open|assigned|in_progress|waiting_client|done|closed|escalated|cancelled)
CloudAcct\ValidationException: 未知字段 order (unknown field)
ValueError: CloudAcct\Work\Jobs::list(): Argument #5 ($perPage) must be between 1 and 200
bool(true)
1 grab contact
escalated 社保 direct service 5 14400
open ""
3 2
