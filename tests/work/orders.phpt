--TEST--
Work\Orders: place at a server-side price, order numbers, settle hook (idempotent, amount-checked) creates the job, free services, cancel, refunds, listing, authorisation, bad input writes nothing
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store, Clock};
use CloudAcct\Work\{Catalog, Orders, Jobs};
$db = w_setup('work_orders');
$store = new Store($db, 1);
$cat = new Catalog($store);
$orders = new Orders($store);
$jobs = new Jobs($store);
$orders2 = new Orders(new Store($db, 2));
$admin = Actor::admin(1);
$system = Actor::system();
Clock::freeze((new DateTime('2026-11-02 10:00', new DateTimeZone('Asia/Shanghai')))->getTimestamp());
$now = Clock::now();

$acct = w_staff($db, 1, ['name' => '张会计']);
$other = w_staff($db, 1, ['name' => '李会计']);
$a = w_client($db, 1, ['name' => '甲公司', 'accountant_id' => $acct]);
$b = w_client($db, 1, ['name' => '乙公司']);
$ca = Actor::client(w_contact($db, 1, $a));
$cb = Actor::client(w_contact($db, 1, $b));
$paid = $cat->createService($admin, ['title' => '营业执照办理', 'price_fen' => 50000, 'on_sale' => true,
    'skill' => '工商', 'sla_hours' => 8, 'checklist' => ['身份证']]);
$free = $cat->createService($admin, ['title' => '免费咨询', 'price_fen' => 0, 'on_sale' => true, 'dispatch_mode' => 'exclusive']);
$off = $cat->createService($admin, ['title' => '下架服务', 'price_fen' => 100]);

// place: the price comes from the catalogue, never from the caller
$o = $orders->place($ca, $a, $paid, ['title' => '新公司注册', 'description' => "经营范围：咨询\n注册地址：上海",
    'attachments' => ['images/1/2026/11/id.jpg']]);
printf("%s %s %d %s %s %d %s\n", $o['status'], $o['status_label'], $o['amount_fen'], $o['amount'], $o['title'],
    $o['job_id'], json_encode($o['actions']));
var_dump(preg_match('/^20261102000001\d{10}$/', $o['order_no']) === 1, strlen($o['order_no']) <= 32,
    $o['expires_at'] === $now + 1800, $o['attachments'] === ['images/1/2026/11/id.jpg']);
// the catalogue price changing later does not change the order
$cat->updateService($admin, $paid, ['price_fen' => 99900]);
echo $orders->get($ca, $o['id'])['amount_fen'], ' ', $orders->getByNumber($system, $o['order_no'])['id'] === $o['id'] ? 'same' : 'diff', "\n";
echo $orders->get(Actor::staff($acct), $o['id'])['id'] === $o['id'] ? "accountant sees it\n" : "no\n";
ca_expect_throw(fn() => $orders->get($cb, $o['id']));
ca_expect_throw(fn() => $orders->get(Actor::staff($other), $o['id']));
ca_expect_throw(fn() => $orders2->get($admin, $o['id']));
ca_expect_throw(fn() => $orders2->getByNumber($system, $o['order_no']));
ca_expect_throw(fn() => $orders->getByNumber($ca, 'nope'));

// settle: system only, exact amount, once
ca_expect_throw(fn() => $orders->settle($admin, $o['id'], 50000, 'wechat', 'T1'));
ca_expect_throw(fn() => $orders->settle($ca, $o['id'], 50000, 'wechat', 'T1'));
ca_expect_throw(fn() => $orders->settle($system, $o['id'], 49999, 'wechat', 'T1'));
ca_expect_throw(fn() => $orders->settle($system, $o['id'], 50000, 'WeChat Pay', 'T1'));
ca_expect_throw(fn() => $orders->settle($system, $o['id'], 50000, 'wechat', str_repeat('x', 65)));
ca_expect_throw(fn() => $orders->settle($system, $o['id'], 50000, 'wechat', "T1\n"));
ca_expect_throw(fn() => $orders->settle($system, 999, 50000, 'wechat', 'T1'));
$r = $orders->settle($system, $o['id'], 50000, 'wechat', '4200001234');
var_dump($r['job_id'] > 0, $r['already_paid']);
$again = $orders->settle($system, $o['id'], 50000, 'wechat', '4200001234');
var_dump($again['job_id'] === $r['job_id'], $again['already_paid']);
ca_expect_throw(fn() => $orders->settle($system, $o['id'], 50000, 'wechat', '4200009999'));
$o = $orders->get($ca, $o['id']);
echo $o['status'], ' ', $o['paid_fen'], ' ', $o['pay_channel'], ' ', $o['pay_ref'], ' ', $o['paid_at'] === $now ? 'now' : 'x', ' ', json_encode($o['actions']), "\n";
echo $db->queryValue('SELECT COUNT(*) FROM {job} WHERE order_id = ?', [$o['id']]), " job\n";
// the job carries the request and the service's dispatch rules
$j = $jobs->get($admin, $r['job_id']);
$due = (new DateTime('@' . $j['due_at']))->setTimezone(new DateTimeZone('Asia/Shanghai'))->format('Y-m-d H:i');
printf("%s %s %s %s %s %s %d %s %s due %s\n", $j['source'], $j['title'], json_encode($j['description'], JSON_UNESCAPED_UNICODE),
    $j['status'], $j['dispatch_mode'], $j['skill'], $j['price_fen'], json_encode($j['attachments']),
    json_encode($j['checklist'], JSON_UNESCAPED_UNICODE), $due);
var_dump($j['contact_id'] === $ca->id, $j['order_id'] === $o['id'], $j['grab_deadline'] === $now + 1800);
echo implode(' ', array_column($db->query("SELECT template FROM {outbox} WHERE uniacid = 1 ORDER BY id"), 'template')), "\n";

// a free service is paid at once; exclusive mode routes its job to the client's accountant
$f = $orders->place($ca, $a, $free);
$fj = $jobs->get($admin, $f['job_id']);
echo $f['status'], ' ', $f['amount'], ' ', $f['pay_channel'], ' ', $fj['status'], ' ', $fj['assignee_id'] === $acct ? 'accountant' : 'other', ' ',
    $db->queryValue('SELECT open_jobs FROM {staff} WHERE id = ?', [$acct]), "\n";
echo json_encode(array_map(fn($h) => [$h['event'], $h['to_status'], $h['actor_kind'], $h['note']], $jobs->history($admin, $f['job_id'])), JSON_UNESCAPED_UNICODE), "\n";

// cancel
$c = $orders->place($ca, $a, $paid);
echo $c['amount_fen'], "\n"; // the new price
ca_expect_throw(fn() => $orders->cancel($cb, $c['id']));
ca_expect_throw(fn() => $orders->cancel(Actor::staff($acct), $c['id']));
$orders->cancel($ca, $c['id'], '不需要了');
$c = $orders->get($admin, $c['id']);
echo $c['status'], ' ', $c['note'], ' ', $c['closed_at'] === $now ? 'closed now' : 'x', "\n";
ca_expect_throw(fn() => $orders->cancel($ca, $c['id']));
ca_expect_throw(fn() => $orders->settle($system, $c['id'], 99900, 'wechat', 'LATE1'));
ca_expect_throw(fn() => $orders->cancel($ca, $o['id'])); // paid orders are refunded, not cancelled

// refunds: never more than paid; partial refunds repeat
ca_expect_throw(fn() => $orders->refundSettled($system, $o['id'], 100));
ca_expect_throw(fn() => $orders->requestRefund($ca, $o['id'], ''));
$orders->requestRefund($ca, $o['id'], '重复购买');
echo $orders->get($admin, $o['id'])['status'], "\n";
ca_expect_throw(fn() => $orders->requestRefund($ca, $o['id'], '再次'));
ca_expect_throw(fn() => $orders->refundSettled($admin, $o['id'], 100));
ca_expect_throw(fn() => $orders->refundSettled($system, $o['id'], 0));
ca_expect_throw(fn() => $orders->refundSettled($system, $o['id'], 50001));
echo $orders->refundSettled($system, $o['id'], 20000), "\n";
ca_expect_throw(fn() => $orders->requestRefund($ca, $o['id'], '剩下的也退'));
$orders->requestRefund($admin, $o['id'], '客户要求全退');
ca_expect_throw(fn() => $orders->refundSettled($system, $o['id'], 30001));
echo $orders->refundSettled($system, $o['id'], 30000), "\n";
$o = $orders->get($ca, $o['id']);
echo $o['status'], ' ', $o['refunded_fen'], ' ', $o['paid_fen'], ' ', json_encode($o['actions']), "\n";
ca_expect_throw(fn() => $orders->requestRefund($admin, $o['id'], '还要退'));

// lists
$l = $orders->list($ca, ['client_id' => $a]);
echo $l['total'], ' ', implode(',', array_column($l['items'], 'status')), "\n";
ca_expect_throw(fn() => $orders->list($ca));
ca_expect_throw(fn() => $orders->list($ca, ['client_id' => $b]));
echo $orders->list($admin)['total'], ' ', $orders->list($admin, ['status' => 'cancelled'])['total'], ' ',
    $orders->list(Actor::staff($acct), ['client_id' => $a])['total'], ' ', $orders2->list($admin)['total'], "\n";
ca_expect_throw(fn() => $orders->list($admin, ['status' => 'lost']));

// bad input: typed errors, nothing written
$before = w_counts($db, 'order', 'job', 'audit', 'outbox', 'job_attachment');
ca_expect_throw(fn() => $orders->place($ca, $a, $off));
ca_expect_throw(fn() => $orders->place($ca, $a, 9999));
ca_expect_throw(fn() => $orders2->place(Actor::admin(1), $a, $paid));
ca_expect_throw(fn() => $orders->place($ca, $b, $paid));
ca_expect_throw(fn() => $orders->place($ca, 9999, $paid));
ca_expect_throw(fn() => $orders->place(Actor::staff($acct), $a, $paid));
ca_expect_throw(fn() => $orders->place($system, $a, $paid));
ca_expect_throw(fn() => $orders->place($ca, $a, $paid, ['title' => "\xff\xfe"]));
ca_expect_throw(fn() => $orders->place($ca, $a, $paid, ['title' => str_repeat('题', 65)]));
ca_expect_throw(fn() => $orders->place($ca, $a, $paid, ['description' => str_repeat('x', 2001)]));
ca_expect_throw(fn() => $orders->place($ca, $a, $paid, ['attachments' => ['/etc/passwd']]));
ca_expect_throw(fn() => $orders->place($ca, $a, $paid, ['attachments' => array_fill(0, 10, 'a.jpg')]));
ca_expect_throw(fn() => $orders->place($ca, $a, $paid, ['urgency' => 5]));
ca_expect_throw(fn() => $orders->place($ca, $a, $paid, ['price_fen' => 1]));
var_dump(w_counts($db, 'order', 'job', 'audit', 'outbox', 'job_attachment') === $before);
// an admin may order for a client of the firm
$ao = $orders->place($admin, $b, $paid);
echo $ao['contact_id'], ' ', $ao['status'], "\n";
ca_drop_db('work_orders');
?>
--EXPECT--
pending_payment 待支付 50000 500.00 营业执照办理 0 ["cancel"]
bool(true)
bool(true)
bool(true)
bool(true)
50000 same
accountant sees it
CloudAcct\NotFoundException: 订单不存在或无权查看 (order not found)
CloudAcct\NotFoundException: 订单不存在或无权查看 (order not found)
CloudAcct\NotFoundException: 订单不存在或无权查看 (order not found)
CloudAcct\NotFoundException: 订单不存在或无权查看 (order not found)
CloudAcct\NotFoundException: 订单不存在或无权查看 (order not found)
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
CloudAcct\ValidationException: 支付金额 49999 分与订单金额 50000 分不符 (amount mismatch)
CloudAcct\ValidationException: 支付渠道须为小写字母标识 (channel: [a-z][a-z0-9_]*, ≤ 16)
CloudAcct\ValidationException: 支付单号最多 64 个可见 ASCII 字符 (reference: up to 64 printable ASCII)
CloudAcct\ValidationException: 支付单号最多 64 个可见 ASCII 字符 (reference: up to 64 printable ASCII)
CloudAcct\NotFoundException: 订单不存在 (order 999 not found)
bool(true)
bool(false)
bool(true)
bool(true)
CloudAcct\ConflictException: 订单已由另一笔付款支付，这笔付款需要退款 (the order was paid by another payment)
paid 50000 wechat 4200001234 now ["refund_request"]
1 job
order 新公司注册 "经营范围：咨询\n注册地址：上海" open grab 工商 50000 ["images\/1\/2026\/11\/id.jpg"] ["身份证"] due 2026-11-03 10:00
bool(true)
bool(true)
bool(true)
order_paid job_pool
paid 0.00 free assigned accountant 1
[["create","open","system",""],["assign","assigned","system","专属会计"]]
99900
CloudAcct\NotFoundException: 订单不存在或无权查看 (order not found)
CloudAcct\ForbiddenException: 您不能对该订单执行“取消订单” (not allowed for staff)
cancelled 不需要了 closed now
CloudAcct\InvalidTransitionException: 订单当前状态为“已取消”，不能“取消订单” (cannot cancel an order that is cancelled)
CloudAcct\InvalidTransitionException: 订单已取消（超时未支付或已被取消），这笔付款需要退款 (the order was cancelled: refund this payment)
CloudAcct\InvalidTransitionException: 订单当前状态为“已支付”，不能“取消订单” (cannot cancel an order that is paid)
CloudAcct\InvalidTransitionException: 订单当前状态为“已支付”，不能“部分退款完成” (cannot refund_done_partial an order that is paid)
CloudAcct\ValidationException: “退款原因”须为 1 到 255 个字符 (reason: 1..255 characters)
refunding
CloudAcct\InvalidTransitionException: 订单当前状态为“退款中”，不能“申请退款” (cannot refund_request an order that is refunding)
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
CloudAcct\ValidationException: 退款金额须大于 0 且不超过可退金额 50000 分 (refund must be 1..50000 fen)
CloudAcct\ValidationException: 退款金额须大于 0 且不超过可退金额 50000 分 (refund must be 1..50000 fen)
partially_refunded
CloudAcct\ForbiddenException: 您不能对该订单执行“申请退款” (not allowed for client)
CloudAcct\ValidationException: 退款金额须大于 0 且不超过可退金额 30000 分 (refund must be 1..30000 fen)
refunded
refunded 50000 50000 []
CloudAcct\InvalidTransitionException: 订单当前状态为“已退款”，不能“申请退款” (cannot refund_request an order that is refunded)
3 cancelled,paid,refunded
CloudAcct\ValidationException: 请指定客户 (client_id is required)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
3 1 3 0
CloudAcct\ValidationException: “状态”只能是 pending_payment|paid|fulfilled|cancelled|refunding|refunded|partially_refunded (status: one of pending_payment|paid|fulfilled|cancelled|refunding|refunded|partially_refunded)
CloudAcct\NotFoundException: 服务不存在或已下架 (service 3 not found or not on sale)
CloudAcct\NotFoundException: 服务不存在或已下架 (service 9999 not found or not on sale)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 9999 not found)
CloudAcct\ForbiddenException: 只有客户或管理员可以下单 (clients and admins only)
CloudAcct\ForbiddenException: 只有客户或管理员可以下单 (clients and admins only)
CloudAcct\ValidationException: “需求标题”内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号） (title: invalid text)
CloudAcct\ValidationException: “需求标题”须为 1 到 64 个字符 (title: 1..64 characters)
CloudAcct\ValidationException: “需求描述”须为 0 到 2000 个字符 (description: 0..2000 characters)
CloudAcct\ValidationException: 附件引用无效（应为上传后得到的文件路径）(attachments: invalid file reference)
CloudAcct\ValidationException: “附件”须为最多 9 项的列表 (attachments: a list of up to 9 items)
CloudAcct\ValidationException: “紧急程度”须为 0 到 1 之间的整数 (urgency: integer 0..1)
CloudAcct\ValidationException: 未知字段 price_fen (unknown field)
bool(true)
0 pending_payment
