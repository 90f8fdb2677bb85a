--TEST--
Glue: admin work and money pages — jobs (filters, escalated queue, assign with history), orders and refunds (refundResult), arrears/collections with CSV, a client's account (fee plan, offline payment, idempotent receipt no.), billing run with progress, dunning log; backend forms without the token write nothing; stored XSS escaped; the scheduler entry refuses without/with a wrong secret and runs every pass with it, and the CLI command does the same
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('money');
$db = $site->db();
$x = GLUE_XSS;
$escaped = '&quot;&lt;svg/onload=x&gt;';
$clean = fn (string $html) => !str_contains($html, '<svg/onload=x>');
$ok = fn (string $html) => GlueSite::phpErrors($html) === '' && GlueSite::message($html) === '';
$site->asAdmin();
$tok = GlueSite::token($site->get($site->web('stores')));
$escalated = (int) $db->queryValue("SELECT id FROM {job} WHERE status = 'escalated' LIMIT 1");
$paidOrder = (int) $db->queryValue("SELECT MIN(id) FROM {order} WHERE status = 'paid'");

// ---- every page renders with the demo's data
$pages = [
    'jobs' => ['工单管理', '变更注册地址', '办理中', '李强'],
    'jobs&view=escalated' => ['银行开户资料准备', '已升级(待指派)', '指派'],
    'jobs&status=open' => ['新设分公司注册', '申领增值税专用发票'],
    'jobs&view=silent' => ['久未更新', '没有工单'],
    'jobs&view=breached' => ['已超时'],
    "jobs&op=detail&id=$escalated" => ['银行开户资料准备', '北京青禾文化传媒工作室', 'id="assign-form"', '超时升级'],
    'jobs&op=detail&id=4' => ['变更注册地址', '已预约工商局窗口', '客户租赁合同待盖章', '内部', '抢单'],
    'orders' => ['订单与退款', '公司注册', '工商变更', '待支付'],
    "orders&op=detail&id=$paidOrder" => ['收款与退款', 'id="refund-form"'],
    'money' => ['欠费报表', '北京远航国际贸易有限公司', '导出 CSV'],
    'money&aging=31_60' => ['欠费报表'],
    'money&op=collections' => ['收款报表', '线下收款', '合计'],
    'money&op=billing' => ['账单生成', '已完成'],
    'money&op=dunning' => ['催费记录'],
    'money&op=client&client_id=1' => ['北京星辰科技有限公司', '已缴至', '代理记账费', 'BANK-20260901', '登记线下收款'],
    'clients&op=detail&id=1' => ['收费方案与账单'],
];
foreach ($pages as $page => $want) {
    parse_str('do=' . $page, $q);
    $html = $site->get($site->web($q['do'], array_diff_key($q, ['do' => 1])));
    $missing = array_filter($want, fn ($w) => !str_contains($html, $w));
    glue_check("web $page", !$missing && $ok($html), implode(', ', $missing) . ' ' . GlueSite::phpErrors($html) . ' ' . GlueSite::message($html));
}

// ---- forms without the token write nothing
$before = [$db->queryValue('SELECT assignee_id FROM {job} WHERE id = ?', [$escalated]), $db->queryValue('SELECT COUNT(*) FROM {payment}'),
    $db->queryValue('SELECT COUNT(*) FROM {fee_plan}'), $db->queryValue('SELECT COUNT(*) FROM {bill}')];
$posts = [
    ['jobs', ['op' => 'assign', 'id' => $escalated], ['staff_id' => 4]],
    ['money', ['op' => 'offline', 'client_id' => 2], ['amount' => '100.00', 'receipt_no' => 'NOTOKEN-1', 'method' => 'cash']],
    ['money', ['op' => 'plan', 'client_id' => 6], ['title' => '无令牌', 'amount' => '100.00', 'cycle' => 'monthly', 'start' => '2026-01']],
    ['money', ['op' => 'run'], ['period' => '2027-01']],
];
foreach ($posts as [$do, $q, $fields]) {
    foreach (['no token' => $fields + ['submit' => 1], 'wrong token' => $fields + ['submit' => 1, 'token' => 'deadbeef']] as $what => $f) {
        $html = $site->post($site->web($do, $q), $f);
        glue_check("$do {$q['op']} with $what refused", str_contains(GlueSite::message($html), '表单校验失败'), GlueSite::message($html));
    }
}
glue_check('nothing written without the token', [$db->queryValue('SELECT assignee_id FROM {job} WHERE id = ?', [$escalated]), $db->queryValue('SELECT COUNT(*) FROM {payment}'),
    $db->queryValue('SELECT COUNT(*) FROM {fee_plan}'), $db->queryValue('SELECT COUNT(*) FROM {bill}')] === $before);

// ---- the admin assigns the escalated job
$html = $site->post($site->web('jobs', ['op' => 'assign', 'id' => $escalated]), ['staff_id' => 0, 'token' => $tok, 'submit' => 1]);
glue_check('assign without a staff member: a clear error', str_contains($html, 'id="form-error"') && str_contains($html, '请选择要指派的员工'));
$html = $site->post($site->web('jobs', ['op' => 'assign', 'id' => $escalated]), ['staff_id' => 4, 'note' => "急$x", 'token' => $tok, 'submit' => 1]);
echo 'escalated job: ', $db->queryValue('SELECT CONCAT(status, " ", assignee_id) FROM {job} WHERE id = ?', [$escalated]), ', history: ',
    $db->queryValue("SELECT GROUP_CONCAT(event ORDER BY id) FROM {job_history} WHERE job_id = ?", [$escalated]), "\n";
glue_check('detail shows the assignment, note escaped', str_contains($html, 'id="job-assignee">赵磊') && str_contains($html, "急$escaped") && $clean($html),
    GlueSite::message($html));
$html = $site->get($site->web('jobs', ['view' => 'escalated']));
glue_check('the escalated queue is empty now', !str_contains($html, '银行开户资料准备'));
$html = $site->post($site->web('jobs', ['op' => 'assign', 'id' => $escalated]), ['staff_id' => 2, 'token' => $tok, 'submit' => 1]);
echo 'reassigned: ', $db->queryValue('SELECT assignee_id FROM {job} WHERE id = ?', [$escalated]), ' (', $db->queryValue("SELECT COUNT(*) FROM {job_history} WHERE job_id = ? AND event = 'reassign'", [$escalated]), " reassign row)\n";
$html = $site->post($site->web('jobs', ['op' => 'progress', 'id' => 4]), ['note' => "管理员备注$x", 'internal' => 1, 'token' => $tok, 'submit' => 1]);
glue_check('admin progress escaped', str_contains($html, "管理员备注$escaped") && $clean($html));
$html = $site->get($site->web('jobs', ['client_id' => 1]));
glue_check('jobs filtered by client', str_contains($html, '变更注册地址') && !str_contains($html, '银行开户资料准备'));

// ---- a client asks for a refund; the admin refunds through $this->refund() → refundResult()
$site->asFan('oDEMO_client_liuyang');
$page = $site->get($site->app('orders', ['op' => 'detail', 'id' => $paidOrder]));
$site->post($site->app('orders', ['op' => 'refund', 'id' => $paidOrder]), ['reason' => "不需要了$x", 'token' => GlueSite::token($page), 'submit' => 1]);
echo 'after the request: ', $db->queryValue('SELECT status FROM {order} WHERE id = ?', [$paidOrder]), "\n";
$site->asAdmin();
$html = $site->get($site->web('orders', ['status' => 'refunding']));
glue_check('refund requests tab lists it', str_contains($html, "id=\"order-$paidOrder\""));
$html = $site->get($site->web('orders', ['op' => 'detail', 'id' => $paidOrder]));
glue_check('the reason is shown escaped', str_contains($html, "不需要了$escaped") && $clean($html));
$html = $site->post($site->web('orders', ['op' => 'refund', 'id' => $paidOrder]), ['amount' => '900.00', 'reason' => '超额', 'token' => $tok, 'submit' => 1]);
glue_check('refunding more than paid refused', str_contains($html, 'id="form-error"') && (int) $db->queryValue('SELECT COUNT(*) FROM {refund}') === 0);
$html = $site->post($site->web('orders', ['op' => 'refund', 'id' => $paidOrder]), ['amount' => '800.00', 'reason' => '客户取消', 'token' => $tok, 'submit' => 1]);
echo 'refunded: order ', $db->queryValue('SELECT CONCAT(status, " ", refunded_fen) FROM {order} WHERE id = ?', [$paidOrder]), ', refund ',
    $db->queryValue('SELECT status FROM {refund} ORDER BY id DESC LIMIT 1'), ', paylog refunds ', $db->queryValue('SELECT COUNT(*) FROM ims_core_refundlog'), "\n";
$html = $site->get($site->web('orders', ['op' => 'detail', 'id' => $paidOrder]));
glue_check('refunded amounts shown in yuan', str_contains($html, '已退 ¥800.00') && !preg_match('/已退 \d+ 分/', $html));

// ---- a client's account: fee plan, offline payment (idempotent), XSS escaped
$html = $site->post($site->web('money', ['op' => 'plan', 'client_id' => 6]), ['title' => "费$x", 'amount' => '300.00', 'cycle' => 'quarterly',
    'start' => '2026-10', 'token' => $tok, 'submit' => 1]);
glue_check('fee plan added, title escaped', str_contains($html, "费$escaped") && str_contains($html, '¥300.00') && $clean($html), GlueSite::message($html));
$html = $site->post($site->web('money', ['op' => 'plan', 'client_id' => 6]), ['title' => '坏', 'amount' => '-1', 'cycle' => 'monthly', 'start' => '2026-10', 'token' => $tok, 'submit' => 1]);
glue_check('a bad amount: a clear error, nothing written', str_contains($html, 'id="form-error"') && (int) $db->queryValue('SELECT COUNT(*) FROM {fee_plan} WHERE client_id = 6') === 1);
$planId = (int) $db->queryValue('SELECT MAX(id) FROM {fee_plan}');
$html = $site->post($site->web('money', ['op' => 'price', 'client_id' => 6]), ['plan_id' => $planId, 'amount' => '360.00', 'from' => '2027-01', 'token' => $tok, 'submit' => 1]);
glue_check('price change', str_contains($html, '2027-01 起 ¥360.00'), GlueSite::message($html));
$pay = ['amount' => '200.00', 'receipt_no' => 'RCPT-0001', 'method' => 'cash', 'payer' => "付$x", 'note' => "注$x", 'token' => $tok, 'submit' => 1];
$site->post($site->web('money', ['op' => 'offline', 'client_id' => 2]), $pay);
$html = $site->post($site->web('money', ['op' => 'offline', 'client_id' => 2]), $pay);
echo 'offline payments RCPT-0001: ', $db->queryValue("SELECT COUNT(*) FROM {payment} WHERE external_id = 'RCPT-0001'"), "\n";
glue_check('payer escaped on the account page', str_contains($html, "付$escaped") && $clean($html));

// one-off bill (title escaped), waiver, void; an offline payment's receipt and a partial refund
$html = $site->post($site->web('money', ['op' => 'issue', 'client_id' => 2]), ['title' => "年报$x", 'amount' => '150.00', 'due_date' => '2026-12-31', 'token' => $tok, 'submit' => 1]);
$oneOff = (int) $db->queryValue('SELECT MAX(id) FROM {bill} WHERE client_id = 2');
glue_check('one-off bill issued, title escaped', str_contains($html, "年报$escaped") && $clean($html) && (int) $db->queryValue('SELECT amount_fen FROM {bill} WHERE id = ?', [$oneOff]) === 15000);
$site->post($site->web('money', ['op' => 'waive', 'client_id' => 2]), ['bill_id' => $oneOff, 'amount' => '50.00', 'reason' => "减$x", 'token' => $tok, 'submit' => 1]);
echo 'after the waiver: ', $db->queryValue('SELECT CONCAT(status, " ", waived_fen) FROM {bill} WHERE id = ?', [$oneOff]), "\n";
$html = $site->post($site->web('money', ['op' => 'waive', 'client_id' => 2]), ['bill_id' => $oneOff, 'amount' => '500.00', 'reason' => '太多', 'token' => $tok, 'submit' => 1]);
glue_check('waiving more than owed: a clear error', str_contains($html, 'id="form-error"') && (int) $db->queryValue('SELECT waived_fen FROM {bill} WHERE id = ?', [$oneOff]) === 5000);
$site->post($site->web('money', ['op' => 'void', 'client_id' => 2]), ['bill_id' => $oneOff, 'reason' => '开错了', 'token' => $tok, 'submit' => 1]);
echo 'after the void: ', $db->queryValue('SELECT status FROM {bill} WHERE id = ?', [$oneOff]), "\n";
$payId = (int) $db->queryValue("SELECT id FROM {payment} WHERE external_id = 'RCPT-0001'");
$html = $site->get($site->web('money', ['op' => 'receipt', 'client_id' => 2, 'payment_id' => $payId]));
glue_check('receipt page', str_contains($html, '收 据') && str_contains($html, '贰佰元整') && str_contains($html, 'id="payment-refund-form"'), GlueSite::message($html));
$site->post($site->web('money', ['op' => 'refund', 'client_id' => 2, 'payment_id' => $payId]), ['amount' => '20.00', 'reason' => "多收$x", 'token' => $tok, 'submit' => 1]);
$html = $site->get($site->web('money', ['op' => 'receipt', 'client_id' => 2, 'payment_id' => $payId]));
echo 'offline refund: ', $db->queryValue('SELECT CONCAT(status, " ", amount_fen) FROM {refund} WHERE payment_id = ?', [$payId]), "\n";
glue_check('refund reason escaped', str_contains($html, "多收$escaped") && $clean($html));
$html = $site->get($site->web('money', ['op' => 'receipt', 'client_id' => 2, 'payment_id' => 999999]));
glue_check('unknown receipt: a clear page', GlueSite::message($html) !== '');

// ---- billing run with progress; reports and CSV
$html = $site->post($site->web('money', ['op' => 'run']), ['period' => '2027-01', 'token' => $tok, 'submit' => 1]);
glue_check('billing run shows its progress', str_contains($html, 'id="billing-progress"') && str_contains($html, '2027-01') && (str_contains($html, '已完成') || str_contains($html, '继续生成')),
    GlueSite::message($html) . GlueSite::phpErrors($html));
echo 'bills for 2027-01: ', $db->queryValue("SELECT COUNT(*) FROM {bill} WHERE title LIKE '%2027-01%'"), "\n";
$html = $site->post($site->web('money', ['op' => 'run']), ['period' => '2027-13', 'token' => $tok, 'submit' => 1]);
glue_check('a bad period: a clear error', str_contains($html, 'id="form-error"'));
[$st, $csv] = $site->request($site->web('money', ['op' => 'arrears_csv']));
glue_check('arrears CSV', $st === 200 && str_starts_with($csv, "\xEF\xBB\xBF") && str_contains($csv, '北京远航国际贸易有限公司'), substr($csv, 0, 200));
[$st, $csv] = $site->request($site->web('money', ['op' => 'collections_csv']));
glue_check('collections CSV', $st === 200 && str_contains($csv, '2026') || str_contains($csv, '20'), substr($csv, 0, 200));
$html = $site->get($site->web('money', ['op' => 'arrears_csv', 'aging' => 'bogus']));
glue_check('bad filter ignored', GlueSite::phpErrors($html) === '');

// ---- the dunning log after a staff reminder
$site->asFan('oDEMO_staff_liqiang');
$site->post($site->app('myclients', ['op' => 'remind']), ['client_id' => 3, 'token' => GlueSite::token($site->get($site->app('home'))), 'submit' => 1]);
$site->asAdmin();
$html = $site->get($site->web('money', ['op' => 'dunning', 'kind' => 'manual']));
glue_check('dunning log lists the reminder', str_contains($html, '北京远航国际贸易有限公司') && str_contains($html, '手动'));

// ---- the scheduler entry: refused without a configured secret or with a wrong one
$config = $site->dir . '/data/config.php';
$text = file_get_contents($config);
preg_match("/\\['scheduler_secret'\\] = '([0-9a-f]+)'/", $text, $m);
$secret = $m[1] ?? '';
file_put_contents($config, str_replace("\$config['cloudacct']['scheduler_secret']", '$unused', $text));
$site->cookies = [];
[$st, $body] = $site->request($site->app('scheduler', ['key' => $secret]));
glue_check('no secret configured: refused', $st === 403 && str_contains($body, '未启用'), "$st $body");
file_put_contents($config, $text);
[$st, $body] = $site->request($site->app('scheduler', ['key' => 'wrong-' . $secret]));
glue_check('wrong secret: refused', $st === 403 && str_contains($body, '密钥不正确'), "$st $body");
[$st, $body] = $site->request($site->app('scheduler'));
glue_check('no key: refused', $st === 403);
$outbox = (int) $db->queryValue('SELECT COUNT(*) FROM {outbox}');
[$st, $body] = $site->request($site->app('scheduler'), null, [], ['X-CloudAcct-Key: ' . $secret]);
$r = json_decode($body, true);
glue_check('the right secret runs every pass', $st === 200 && ($r['errno'] ?? 1) === 0 && isset($r['tasks']['work'], $r['tasks']['billing'], $r['tasks']['dunning'], $r['tasks']['complaints'], $r['tasks']['notices'])
    && !isset($r['tasks']['work']['error'], $r['tasks']['billing']['error'], $r['tasks']['dunning']['error'], $r['tasks']['complaints']['error'], $r['tasks']['notices']['error']), "$st $body");
// the CLI command reads data/config.php of the site given
$cmd = ca_php_cmd() . ' ' . escapeshellarg(__DIR__ . '/../../php-glue/cloudacct/cli/scheduler.php') . ' --root=' . escapeshellarg($site->dir) . ' 2>&1';
exec($cmd, $out, $rc);
$line = json_decode($out[0] ?? '', true);
glue_check('CLI scheduler', $rc === 0 && ($line['uniacid'] ?? 0) === 1 && isset($line['tasks']['work'], $line['tasks']['notices']), $rc . ' ' . implode("\n", $out));
glue_check('a month billed today is not walked again by the next pass', ($r['tasks']['billing']['status'] ?? '') === 'done'
    && ($line['tasks']['billing']['finished_today'] ?? false) === true && $line['tasks']['billing']['created_now'] === 0, json_encode($line['tasks']['billing'] ?? null));
[$st, $body] = $site->request('addons/cloudacct/cli/scheduler.php');
glue_check('the CLI file is never run over HTTP', !str_contains($body, 'uniacid') && !str_contains($body, 'tasks'), "$st");

glue_check('no PHP errors in the server log', !preg_match('/PHP (Fatal|Warning|Notice|Deprecated)/', $site->serverLog()), $site->serverLog());
?>
--EXPECT--
ok web jobs
ok web jobs&view=escalated
ok web jobs&status=open
ok web jobs&view=silent
ok web jobs&view=breached
ok web jobs&op=detail&id=3
ok web jobs&op=detail&id=4
ok web orders
ok web orders&op=detail&id=1
ok web money
ok web money&aging=31_60
ok web money&op=collections
ok web money&op=billing
ok web money&op=dunning
ok web money&op=client&client_id=1
ok web clients&op=detail&id=1
ok jobs assign with no token refused
ok jobs assign with wrong token refused
ok money offline with no token refused
ok money offline with wrong token refused
ok money plan with no token refused
ok money plan with wrong token refused
ok money run with no token refused
ok money run with wrong token refused
ok nothing written without the token
ok assign without a staff member: a clear error
escalated job: assigned 4, history: create,escalate,assign
ok detail shows the assignment, note escaped
ok the escalated queue is empty now
reassigned: 2 (1 reassign row)
ok admin progress escaped
ok jobs filtered by client
after the request: refunding
ok refund requests tab lists it
ok the reason is shown escaped
ok refunding more than paid refused
refunded: order refunded 80000, refund succeeded, paylog refunds 1
ok refunded amounts shown in yuan
ok fee plan added, title escaped
ok a bad amount: a clear error, nothing written
ok price change
offline payments RCPT-0001: 1
ok payer escaped on the account page
ok one-off bill issued, title escaped
after the waiver: open 5000
ok waiving more than owed: a clear error
after the void: void
ok receipt page
offline refund: succeeded 2000
ok refund reason escaped
ok unknown receipt: a clear page
ok billing run shows its progress
bills for 2027-01: 5
ok a bad period: a clear error
ok arrears CSV
ok collections CSV
ok bad filter ignored
ok dunning log lists the reminder
ok no secret configured: refused
ok wrong secret: refused
ok no key: refused
ok the right secret runs every pass
ok CLI scheduler
ok a month billed today is not walked again by the next pass
ok the CLI file is never run over HTTP
ok no PHP errors in the server log
