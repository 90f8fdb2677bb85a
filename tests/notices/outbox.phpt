--TEST--
Outbox: enqueue validation and dedup, cancel, the admins' log (get, list, retry with audit), each person's notice list and markRead, uniacid isolation, Sender guards
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/notices.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Notices\{Outbox, Sender};
[$db, $store, $outbox] = ca_notices_setup('n_outbox');
$admin = Actor::admin(1);
// validation
ca_expect_throw(fn() => $outbox->enqueue('boss', 1, 'job_assigned', [], 'k'));
ca_expect_throw(fn() => $outbox->enqueue('client', -1, 'job_assigned', [], 'k'));
ca_expect_throw(fn() => $outbox->enqueue('client', 1, 'Job Assigned', [], 'k'));
ca_expect_throw(fn() => $outbox->enqueue('client', 1, 'job_assigned', [], ''));
ca_expect_throw(fn() => $outbox->enqueue('client', 1, 'job_assigned', [], str_repeat('k', 129)));
ca_expect_throw(fn() => $outbox->enqueue('client', 1, 'job_assigned', [], 'has space'));
ca_expect_throw(fn() => $outbox->enqueue('client', 1, 'job_assigned', [], 'k', 'fax'));
ca_expect_throw(fn() => $outbox->enqueue('client', 1, 'job_assigned', ['title' => "bad\xff"], 'k'));
var_dump($db->queryValue('SELECT COUNT(*) FROM {outbox}'));
// queue, dedup, inside the caller's transaction (rolled back = never queued)
$db->begin();
$outbox->enqueue('client', 1, 'job_assigned', ['title' => '回滚'], 'rolled-back');
$db->rollback();
$a = $outbox->enqueue('client', 1, 'job_assigned', ['job_id' => 1, 'title' => '代理记账'], 'e1');
$b = $outbox->enqueue('client', 1, 'bill_due', ['amount' => '300.00', 'due' => '1月15日'], 'e2', 'inbox');
$c = $outbox->enqueue('staff', 1, 'job_progress', ['job_id' => 1, 'title' => '代理记账', 'note' => '已收到票据'], 'e3');
var_dump($a > 0 && $b > $a && $c > $b, $outbox->enqueue('client', 1, 'job_assigned', [], 'e1'), $db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE dedup_key = 'rolled-back'"));
echo json_encode($db->queryRow('SELECT recipient_kind, recipient_id, channel, template, payload, status, attempts FROM {outbox} WHERE id = ?', [$a]), JSON_UNESCAPED_UNICODE), "\n";
// cancel: only while waiting
var_dump($outbox->cancel('e2', '账单已付清'), $outbox->cancel('e2', '再次'), $outbox->cancel('nope', 'x'));
ca_expect_throw(fn() => $outbox->cancel('e1', ''));
// the admins' log
$row = $outbox->get($admin, $b);
echo $row['status'], ' | ', $row['last_error'], ' | ', $row['payload']['amount'], "\n";
ca_expect_throw(fn() => $outbox->get($admin, 999999));
ca_expect_throw(fn() => $outbox->get(Actor::staff(1), $a));
$list = $outbox->list($admin, ['status' => 'queued']);
echo $list['total'], ' ', implode(',', array_column($list['items'], 'dedup_key')), "\n";
$list = $outbox->list($admin, ['template' => 'bill_due', 'recipient_kind' => 'client', 'recipient_id' => 1, 'since' => 0], 1, 1);
echo $list['total'], ' ', count($list['items']), "\n";
ca_expect_throw(fn() => $outbox->list($admin, ['colour' => 'red']));
ca_expect_throw(fn() => $outbox->list($admin, ['recipient_id' => '1']));
ca_expect_throw(fn() => $outbox->list($admin, [], 0));
ca_expect_throw(fn() => $outbox->list($admin, [], 1, 500));
ca_expect_throw(fn() => $outbox->list(Actor::client(1)));
// retry: cancelled/failed back to the queue (audited); a queued one is a conflict
$outbox->retry($admin, $b);
echo $db->queryValue('SELECT status FROM {outbox} WHERE id = ?', [$b]), ' ', $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'notice_retry' AND object_id = ?", [$b]), "\n";
ca_expect_throw(fn() => $outbox->retry($admin, $b));
ca_expect_throw(fn() => $outbox->retry($admin, 999999));
ca_expect_throw(fn() => $outbox->retry(Actor::staff(1), $b));
// the notice list: contact 1 sees its two, staff 1 its one; paging; unread only
$box = $outbox->inbox(Actor::client(1));
echo $box['total'], ' ', $box['unread'], ' ', implode(' / ', array_map(fn($i) => $i['title'] . ':' . ($i['payload']['title'] ?? $i['payload']['amount']), $box['items'])), "\n";
echo json_encode(array_keys($box['items'][0])), "\n";
echo $outbox->inbox(Actor::client(1), 2, 1)['items'][0]['template'], "\n";
echo $outbox->inbox(Actor::staff(1))['items'][0]['title'], "\n";
var_dump($outbox->inbox(Actor::client(2))['total']);
// markRead: someone else's id changes nothing; then one; then all
var_dump($outbox->markRead(Actor::client(2), [$a]), $outbox->markRead(Actor::client(1), [$a, $c]), $outbox->markRead(Actor::client(1)));
$box = $outbox->inbox(Actor::client(1), 1, 20, true);
var_dump($box['total'], $box['unread'], count($box['items']));
ca_expect_throw(fn() => $outbox->markRead(Actor::client(1), ['x']));
ca_expect_throw(fn() => $outbox->markRead(Actor::client(1), range(1, 201)));
ca_expect_throw(fn() => $outbox->inbox(Actor::system()));
ca_expect_throw(fn() => $outbox->inbox(Actor::client(1), 1, 0));
// another uniacid sees nothing and cannot cancel ours
$other = new Outbox(new Store($db, 2));
var_dump($other->inbox(Actor::client(1))['total'], $other->list($admin)['total'], $other->cancel('e1', '越权'));
ca_expect_throw(fn() => $other->get($admin, $a));
// sender guards: never inside a transaction; plain_http/connect_to need the test INI
$db->begin();
ca_expect_throw(fn() => (new Sender($store))->run());
$db->rollback();
ca_expect_throw(fn() => new Sender($store, null, ['plain_http' => true]));
ca_expect_throw(fn() => new Sender($store, null, ['connect_to' => ['api.weixin.qq.com:80:127.0.0.1:1']]));
ca_drop_db('n_outbox');
?>
--EXPECTF--
ValueError: CloudAcct\Notices\Outbox::enqueue(): Argument #1 ($recipientKind) must be one of "client", "staff", "admin", "staff_pool"
ValueError: CloudAcct\Notices\Outbox::enqueue(): Argument #2 ($recipientId) must be between 0 and 4294967295
ValueError: CloudAcct\Notices\Outbox::enqueue(): Argument #3 ($template) must match [a-z][a-z0-9_]* and be at most 64 characters
ValueError: CloudAcct\Notices\Outbox::enqueue(): Argument #5 ($dedupKey) must be 1 to 128 printable ASCII characters without spaces
ValueError: CloudAcct\Notices\Outbox::enqueue(): Argument #5 ($dedupKey) must be 1 to 128 printable ASCII characters without spaces
ValueError: CloudAcct\Notices\Outbox::enqueue(): Argument #5 ($dedupKey) must be 1 to 128 printable ASCII characters without spaces
ValueError: CloudAcct\Notices\Outbox::enqueue(): Argument #6 ($channel) must be one of "auto", "wechat", "sms", "inbox"
CloudAcct\ValidationException: 通知内容无法编码为 JSON（请检查是否含有无效的 UTF-8）(notice payload is not encodable as JSON)
int(0)
bool(true)
int(0)
int(0)
{"recipient_kind":"client","recipient_id":1,"channel":"auto","template":"job_assigned","payload":"{\"job_id\":1,\"title\":\"代理记账\"}","status":"queued","attempts":0}
bool(true)
bool(false)
bool(false)
CloudAcct\ValidationException: 取消原因：%s
cancelled | 账单已付清 | 300.00
CloudAcct\NotFoundException: 没有这条通知 (no such notice)
CloudAcct\ForbiddenException: 只有管理员可以查看和重发通知 (admin only)
2 e3,e1
1 1
CloudAcct\ValidationException: 未知的筛选条件 colour (unknown filter)
CloudAcct\ValidationException: 筛选条件 recipient_id 的值无效 (filter "recipient_id" has an invalid value)
ValueError: CloudAcct\Notices\Outbox::list(): Argument #3 ($page) must be between 1 and 100000
ValueError: CloudAcct\Notices\Outbox::list(): Argument #4 ($perPage) must be between 1 and 200
CloudAcct\ForbiddenException: 只有管理员可以查看和重发通知 (admin only)
queued 1
CloudAcct\InvalidTransitionException: 只有发送失败或已取消的通知可以重发 (only failed or cancelled notices can be requeued)
CloudAcct\NotFoundException: 没有这条通知 (no such notice)
CloudAcct\ForbiddenException: 只有管理员可以查看和重发通知 (admin only)
2 2 账单即将到期:300.00 / 工单已指派:代理记账
["id","template","title","payload","created_at","read_at"]
job_assigned
工单有新进展
int(0)
int(0)
int(1)
int(1)
int(2)
int(0)
int(0)
ValueError: CloudAcct\Notices\Outbox::markRead(): Argument #2 ($ids) must be a list of positive ints
ValueError: CloudAcct\Notices\Outbox::markRead(): Argument #2 ($ids) must list at most 200 ids
CloudAcct\ForbiddenException: 系统身份没有站内消息 (the system actor has no notice list)
ValueError: CloudAcct\Notices\Outbox::inbox(): Argument #3 ($perPage) must be between 1 and 200
int(0)
int(0)
bool(false)
CloudAcct\NotFoundException: 没有这条通知 (no such notice)
Error: Sender::run() 不能在事务中调用 (must not run inside a transaction)
Error: Option "plain_http" needs cloudacct.http.test_transport=1 (a test setting)
Error: Option "connect_to" needs cloudacct.http.test_transport=1 (a test setting)
