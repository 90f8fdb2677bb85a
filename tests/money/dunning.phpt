--TEST--
Dunning: steps relative to the due date, one reminder per (bill, step), nothing after payment (and the send-time recheck), quiet hours, templates with variables rendered as plain text, staff "remind now" with a rate limit, the log
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
pcre.jit=0
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/money.inc';
use CloudAcct\Actor;
[$db, $store] = m_setup('money_dunning');
$m = m_areas($store);
$admin = m_admin();
$sys = m_system();
m_setting($db, 1, 'dunning_steps', [7, -3, 0]);
m_setting($db, 1, 'firm_name', '诚信代账');
m_setting($db, 1, 'pay_link', 'https://pay.example/app?c={client_id}');
$st = m_staff($db, 1, ['name' => '王会计']);
$a = m_client($db, 1, ['name' => '甲公司']);
$b = m_client($db, 1, ['name' => '乙公司<b>', 'accountant_id' => $st]);
$c1 = m_contact($db, 1, $a);
$c2 = m_contact($db, 1, $a);
$cb = m_contact($db, 1, $b);
m_freeze('2026-01-10 10:00:00');
foreach ([$a, $b] as $c) {
    $m->plans->create($admin, $c, ['title' => '记账费', 'amount_fen' => 30000, 'cycle' => 'monthly', 'start' => '2026-01']);
}
$m->billing->run($sys, '2026-01');
$bills = [];
foreach ([$a, $b] as $c) { $bills[$c] = $m->billing->bills($admin, $c)['items'][0]['id']; }
$outbox = function () use ($db) {
    foreach ($db->query("SELECT recipient_kind, recipient_id, template, payload, dedup_key FROM {outbox} WHERE template = 'dunning_reminder' ORDER BY id") as $r) {
        $p = json_decode($r['payload'], true);
        echo "  -> {$r['recipient_kind']}#{$r['recipient_id']} {$r['dedup_key']} bills=", json_encode($p['bill_ids']), " {$p['recheck']}: {$p['text']}\n";
    }
    $db->execute("DELETE FROM {outbox} WHERE template = 'dunning_reminder'");
};
$run = function (string $when) use ($m, $sys, $outbox) {
    m_freeze($when);
    $r = $m->dunning->runDue($sys);
    echo substr($when, 0, 10), ": queued {$r['queued']} skipped {$r['skipped']} quiet ", var_export($r['quiet'], true), "\n";
    $outbox();
};
$run('2026-01-11 10:00:00');
$run('2026-01-12 10:00:00');
$run('2026-01-12 15:00:00');
$run('2026-01-15 09:00:00');
echo "--- A pays on the 16th; on the 22nd only B is reminded\n";
m_freeze('2026-01-16 10:00:00');
$m->payments->recordOffline($admin, $a, 30000, 'A-1');
var_dump($m->dunning->stillDue($sys, [$bills[$a]]), $m->dunning->stillDue($sys, [$bills[$a], $bills[$b]]), $m->dunning->stillDue($sys, []));
m_setting($db, 1, 'dunning_template_overdue', '{company}：{periods} 的 {amount} 元已逾期 {days_overdue} 天，请点 {pay_link} 缴费。——{firm}');
$run('2026-01-22 10:00:00');
$run('2026-01-23 10:00:00');
echo "--- quiet hours\n";
$run('2026-01-23 22:30:00');
m_throws(fn() => $m->dunning->remindNow(Actor::staff($st), $b));
echo "--- a broken stored template falls back to the default\n";
m_setting($db, 1, 'dunning_template_overdue', '{compnay} 欠费');
m_freeze('2026-01-24 10:00:00');
$l = $m->dunning->remindNow(Actor::staff($st), $b);
echo "remind now: {$l['kind']} {$l['step_key']} ", preg_match('/^m\d+-\d+$/', $l['step_key']) ? 'ok' : 'bad', " recipients {$l['recipients']} {$l['status']}: {$l['text']}\n";
$outbox();
m_throws(fn() => $m->dunning->remindNow(Actor::staff($st), $b));
m_freeze('2026-01-25 11:00:00');
$l = $m->dunning->remindNow($admin, $b);
echo "a day later: {$l['status']}\n";
$outbox();
m_throws(fn() => $m->dunning->remindNow($admin, $a));
m_throws(fn() => $m->dunning->remindNow(Actor::staff($st), $a));
m_throws(fn() => $m->dunning->remindNow(Actor::client($cb), $b));
m_throws(fn() => $m->dunning->runDue($admin));
echo "--- preview\n";
echo $m->dunning->preview($admin, '{company}，{periods}服务费 {amount} 元，到期 {due_date}，已逾期 {days_overdue} 天 {{勿回复}}'), "\n";
m_throws(fn() => $m->dunning->preview($admin, '您好 {compnay}'));
m_throws(fn() => $m->dunning->preview($admin, '您好 {company'));
m_throws(fn() => $m->dunning->preview(Actor::staff($st), '{company}'));
echo "--- the log\n";
$log = $m->dunning->log($admin);
echo "admin sees {$log['total']}\n";
foreach (array_reverse($log['items']) as $x) { echo "  {$x['company']} bill#{$x['bill_id']} ", $x['kind'] === 'manual' ? 'manual' : $x['step_key'], " {$x['status']} {$x['recipients']}\n"; }
echo "staff sees ", $m->dunning->log(Actor::staff($st))['total'], "; manual only ", $m->dunning->log($admin, ['kind' => 'manual'])['total'],
    "; client A sees ", $m->dunning->log(Actor::client($c1))['total'], "; bill of A ", $m->dunning->log($admin, ['bill_id' => $bills[$a]])['total'], "\n";
m_throws(fn() => $m->dunning->log($admin, ['kind' => 'sms']));
m_throws(fn() => $m->dunning->stillDue($admin, [1]));
m_throws(fn() => $m->dunning->stillDue($sys, ['x']));
m_reconcile($m->accounts);
ca_drop_db('money_dunning');
?>
--EXPECT--
2026-01-11: queued 0 skipped 0 quiet false
2026-01-12: queued 2 skipped 0 quiet false
  -> client#1 dun-1-d-3-c1 bills=[1] money.bills_due: 甲公司：您的2026-01服务费 300.00 元将于 2026-01-15 到期，请及时缴纳。缴费：https://pay.example/app?c=1
  -> client#2 dun-1-d-3-c2 bills=[1] money.bills_due: 甲公司：您的2026-01服务费 300.00 元将于 2026-01-15 到期，请及时缴纳。缴费：https://pay.example/app?c=1
  -> client#3 dun-2-d-3-c3 bills=[2] money.bills_due: 乙公司<b>：您的2026-01服务费 300.00 元将于 2026-01-15 到期，请及时缴纳。缴费：https://pay.example/app?c=2
2026-01-12: queued 0 skipped 0 quiet false
2026-01-15: queued 2 skipped 0 quiet false
  -> client#1 dun-1-d0-c1 bills=[1] money.bills_due: 甲公司：您的2026-01服务费 300.00 元今天 (2026-01-15) 到期，请及时缴纳。缴费：https://pay.example/app?c=1
  -> client#2 dun-1-d0-c2 bills=[1] money.bills_due: 甲公司：您的2026-01服务费 300.00 元今天 (2026-01-15) 到期，请及时缴纳。缴费：https://pay.example/app?c=1
  -> client#3 dun-2-d0-c3 bills=[2] money.bills_due: 乙公司<b>：您的2026-01服务费 300.00 元今天 (2026-01-15) 到期，请及时缴纳。缴费：https://pay.example/app?c=2
--- A pays on the 16th; on the 22nd only B is reminded
bool(false)
bool(true)
bool(false)
2026-01-22: queued 1 skipped 0 quiet false
  -> client#3 dun-2-d7-c3 bills=[2] money.bills_due: 乙公司<b>：2026-01 的 300.00 元已逾期 7 天，请点 https://pay.example/app?c=2 缴费。——诚信代账
2026-01-23: queued 0 skipped 0 quiet false
--- quiet hours
2026-01-23: queued 0 skipped 0 quiet true
CloudAcct\ConflictException: 现在是免打扰时段（21:00–8:00），请稍后再提醒 (quiet hours)
--- a broken stored template falls back to the default
remind now: manual m2-1769220000 ok recipients 1 queued: 乙公司<b>：您的2026-01服务费 300.00 元已逾期 9 天（到期日 2026-01-15），请尽快缴纳。缴费：https://pay.example/app?c=2
  -> client#3 dun-0-m2-1769220000-c3 bills=[2] money.bills_due: 乙公司<b>：您的2026-01服务费 300.00 元已逾期 9 天（到期日 2026-01-15），请尽快缴纳。缴费：https://pay.example/app?c=2
CloudAcct\ConflictException: 已提醒过该客户，请约 24 小时后再试 (reminded recently; try again in 1440 min)
a day later: queued
  -> client#3 dun-0-m2-1769310000-c3 bills=[2] money.bills_due: 乙公司<b>：您的2026-01服务费 300.00 元已逾期 10 天（到期日 2026-01-15），请尽快缴纳。缴费：https://pay.example/app?c=2
CloudAcct\ConflictException: 该客户没有待缴账单，无需提醒 (nothing is owed)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\ForbiddenException: 只有员工或管理员可以进行此操作 (staff or admins only)
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
--- preview
示例科技有限公司，2026-01至2026-03服务费 1200.00 元，到期 2026-01-22，已逾期 3 天 {勿回复}
CloudAcct\ValidationException: 模板中有不认识的变量，可用变量见说明（如 {company}、{amount}）（第 7 个字节处）(template error at byte 7)
CloudAcct\ValidationException: 模板中的花括号不成对；变量写作 {name}，要显示花括号本身请写 {{ 或 }}（第 7 个字节处）(template error at byte 7)
CloudAcct\ForbiddenException: 只有管理员可以进行此操作 (admins only)
--- the log
admin sees 7
  甲公司 bill#1 d-3 queued 2
  乙公司<b> bill#2 d-3 queued 1
  甲公司 bill#1 d0 queued 2
  乙公司<b> bill#2 d0 queued 1
  乙公司<b> bill#2 d7 queued 1
  乙公司<b> bill#0 manual queued 1
  乙公司<b> bill#0 manual queued 1
staff sees 5; manual only 2; client A sees 2; bill of A 2
CloudAcct\ValidationException: 类型只能是 auto 或 manual (kind)
CloudAcct\ForbiddenException: 只有系统任务可以进行此操作 (system actor only)
ValueError: CloudAcct\Ledger\Dunning::stillDue(): Argument #2 ($billIds) must be a list of positive bill ids
reconcile: ok (2 clients)
