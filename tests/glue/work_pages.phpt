--TEST--
Glue: work pages — a client orders and pays (payResult settles once, the job goes to the pool), two employees race to grab it (one wins, the other is told 已被抢走), progress reaches the client's timeline, ask/reply, a bill is paid, remind-to-pay is rate limited; other companies' orders/jobs/bills and other staff's jobs are refused; stored XSS comes back escaped; bad uploads are refused with nothing written
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('work');
$db = $site->db();
$x = GLUE_XSS;
$escaped = '&quot;&lt;svg/onload=x&gt;';
$clean = fn (string $html) => !str_contains($html, '<svg/onload=x>');
$sessions = [];
$as = function (string $openid) use ($site, &$sessions) {
    if (isset($sessions[$openid])) {
        $site->cookies = $sessions[$openid];
        return;
    }
    $site->asFan($openid);
    $sessions[$openid] = $site->cookies;
};
$save = function (string $openid) use ($site, &$sessions) {
    $sessions[$openid] = $site->cookies;
};
$png = base64_decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=');
$files = fn () => (int) trim(shell_exec('find ' . escapeshellarg($site->dir . '/attachment') . ' -type f | wc -l'));
$store = new CloudAcct\Store($db, 1);
$admin = CloudAcct\Actor::admin(1);
// 王芳 learns 工商 too, so that she and 李强 (both 海淀总店) compete for the same job
(new CloudAcct\People\Staff($store))->update($admin, 1, ['skills' => ['记账', '报税', '工商']]);

// ---- the seeded demo shows on every new page
$as('oDEMO_client_liuyang');
foreach (['jobs' => ['新设分公司注册', '待抢单'], 'orders' => ['公司注册', '已支付'], 'bills' => ['已缴至', '代理记账费', '一键缴清'],
    'bills&op=payments' => ['收据'], 'request' => ['提交业务需求', '附件']] as $page => $want) {
    parse_str('do=' . $page, $q);
    $html = $site->get($site->app($q['do'], array_diff_key($q, ['do' => 1])));
    $missing = array_filter($want, fn ($w) => !str_contains($html, $w));
    glue_check("client $page", !$missing && GlueSite::phpErrors($html) === '' && GlueSite::message($html) === '',
        implode(', ', $missing) . ' ' . GlueSite::phpErrors($html) . ' ' . GlueSite::message($html));
}

// ---- order → pay → payResult (settles once) → the job in the pool
$jobsBefore = (int) $db->queryValue('SELECT COUNT(*) FROM {job}');
$form = $site->get($site->app('orders', ['op' => 'new', 'service_id' => 3]));
[$st, , $loc] = $site->request($site->app('orders', ['op' => 'new', 'service_id' => 3]),
    ['title' => "注册$x", 'description' => "说明$x", 'token' => GlueSite::token($form), 'submit' => 1]);
$orderId = (int) $db->queryValue('SELECT MAX(id) FROM {order}');
glue_check('placing an order sends to the cashier', $st === 302 && str_contains($loc, 'op=pay'), "$st $loc");
$cashier = $site->get($site->absolute($site->app('orders'), $loc));
preg_match('/name="plid" value="(\d+)"/', $cashier, $m);
$plid = $m[1] ?? '';
glue_check('the cashier shows the order', $plid !== '' && str_contains($cashier, '800.00'), substr(strip_tags($cashier), 0, 300));
$html = $site->post('app/index.php?i=1&c=mc&a=cash&do=devpay', ['plid' => $plid, 'token' => GlueSite::token($cashier), 'submit' => 1]);
glue_check('paid: the return shows 支付成功', GlueSite::message($html) === '支付成功', GlueSite::message($html) . GlueSite::phpErrors($html));
$order = $db->query('SELECT status, paid_fen, job_id FROM {order} WHERE id = ?', [$orderId])[0];
$jobId = (int) $order['job_id'];
echo 'order: ', $order['status'], ' ', $order['paid_fen'], ', payments: ', $db->queryValue("SELECT COUNT(*) FROM {payment} WHERE target_kind = 'order' AND target_id = ?", [$orderId]),
    ', new jobs: ', (int) $db->queryValue('SELECT COUNT(*) FROM {job}') - $jobsBefore, ', job: ', $db->queryValue('SELECT status FROM {job} WHERE id = ?', [$jobId]), "\n";
// the notify replayed (WeChat retries) and the browser's return again: nothing settles twice
$site->request('app/index.php?i=1&c=mc&a=cash&do=devpay', ['plid' => $plid, 'token' => GlueSite::token($site->get($site->app('request'))), 'submit' => 1]);
$ret = ['from' => 'return', 'result' => 'success', 'tid' => $db->queryValue('SELECT order_no FROM {order} WHERE id = ?', [$orderId]),
    'fee' => '800.00', 'uniacid' => 1, 'type' => 'wechat', 'user' => 'oDEMO_client_liuyang'];
$r = (new CloudAcct\Ledger\Payments($store))->weengineResult(CloudAcct\Actor::system(), $ret);
echo 'after replays: payments ', $db->queryValue("SELECT COUNT(*) FROM {payment} WHERE target_kind = 'order' AND target_id = ?", [$orderId]),
    ', jobs of the order ', $db->queryValue('SELECT COUNT(*) FROM {job} WHERE order_id = ?', [$orderId]), ', return: ', $r['status'], "\n";
$html = $site->get($site->app('orders', ['op' => 'detail', 'id' => $orderId]));
glue_check('order detail: paid, request escaped, link to the job', str_contains($html, '已支付') && str_contains($html, "注册$escaped")
    && str_contains($html, "说明$escaped") && $clean($html) && str_contains($html, 'id="order-job"'));
$save('oDEMO_client_liuyang');

// ---- two employees race for it
$as('oDEMO_staff_liqiang');
$poolA = $site->get($site->app('pool'));
$save('oDEMO_staff_liqiang');
$as('oDEMO_staff_wangfang');
$poolB = $site->get($site->app('pool'));
$save('oDEMO_staff_wangfang');
glue_check('both see the job in the pool, escaped', str_contains($poolA, "id=\"pool-job-$jobId\"") && str_contains($poolB, "id=\"pool-job-$jobId\"")
    && str_contains($poolA, "注册$escaped") && $clean($poolA) && $clean($poolB));
$as('oDEMO_staff_liqiang');
$won = $site->post($site->app('pool', ['op' => 'grab']), ['id' => $jobId, 'token' => GlueSite::token($poolA), 'submit' => 1]);
$save('oDEMO_staff_liqiang');
$as('oDEMO_staff_wangfang');
$lost = $site->post($site->app('pool', ['op' => 'grab']), ['id' => $jobId, 'token' => GlueSite::token($poolB), 'submit' => 1]);
$state = json_decode($site->get($site->app('pool', ['op' => 'state'])), true);
$save('oDEMO_staff_wangfang');
glue_check('the first grab wins', str_contains(GlueSite::message($won), '抢单成功'), GlueSite::message($won));
glue_check('the second is told 已被抢走', str_contains(GlueSite::message($lost), '已被抢走'), GlueSite::message($lost));
glue_check('the live state no longer lists it', ($state['errno'] ?? 1) === 0 && !in_array($jobId, $state['open'], true), json_encode($state));
echo 'assignee: ', $db->queryValue('SELECT s.name FROM {job} j JOIN {staff} s ON s.id = j.assignee_id AND s.uniacid = j.uniacid WHERE j.id = ?', [$jobId]), "\n";

// ---- the loser cannot open or work on it
$progressBefore = (int) $db->queryValue('SELECT COUNT(*) FROM {job_progress}');
$html = $site->get($site->app('work', ['op' => 'detail', 'id' => $jobId]));
glue_check('another employee cannot open the job', GlueSite::message($html) !== '' && !str_contains($html, 'id="work-job"'), GlueSite::message($html));
$html = $site->post($site->app('work', ['op' => 'progress', 'id' => $jobId]), ['text' => '越权', 'token' => GlueSite::token($site->get($site->app('home'))), 'submit' => 1]);
glue_check('nor post progress on it', (int) $db->queryValue('SELECT COUNT(*) FROM {job_progress}') === $progressBefore && GlueSite::message($html) !== '',
    GlueSite::message($html));
$save('oDEMO_staff_wangfang');

// ---- the winner works: start, progress (client-visible with a file, internal), ask the client
$as('oDEMO_staff_liqiang');
$detail = $site->get($site->app('work', ['op' => 'detail', 'id' => $jobId]));
glue_check('winner opens the job', str_contains($detail, 'id="work-job"') && str_contains($detail, "注册$escaped") && $clean($detail), GlueSite::message($detail));
$site->post($site->app('work', ['op' => 'start', 'id' => $jobId]), ['token' => GlueSite::token($detail), 'submit' => 1]);
$detail = $site->get($site->app('work', ['op' => 'detail', 'id' => $jobId]));
$site->post($site->app('work', ['op' => 'progress', 'id' => $jobId]), ['text' => "已核名$x", 'token' => GlueSite::token($detail), 'submit' => 1],
    ['attachments[]' => ['核名通知.png', $png, 'image/png']]);
$detail = $site->get($site->app('work', ['op' => 'detail', 'id' => $jobId]));
$site->post($site->app('work', ['op' => 'progress', 'id' => $jobId]), ['text' => '内部：客户比较急', 'internal' => 1, 'token' => GlueSite::token($detail), 'submit' => 1]);
$detail = $site->get($site->app('work', ['op' => 'detail', 'id' => $jobId]));
glue_check('staff see both entries, escaped, the internal one marked', str_contains($detail, "已核名$escaped") && str_contains($detail, '内部：客户比较急')
    && str_contains($detail, '<b>内部</b>') && $clean($detail));
$site->post($site->app('work', ['op' => 'ask', 'id' => $jobId]), ['text' => "请提供身份证$x", 'token' => GlueSite::token($detail), 'submit' => 1]);
echo 'job now: ', $db->queryValue('SELECT status FROM {job} WHERE id = ?', [$jobId]), ', progress: ',
    $db->queryValue('SELECT COUNT(*) FROM {job_progress} WHERE job_id = ?', [$jobId]), ', attachment stored: ',
    (int) preg_match('#^images/1/\d{4}/\d{2}/[A-Za-z0-9]{30}\.png$#', (string) $db->queryValue('SELECT ref FROM {job_attachment} WHERE job_id = ? ORDER BY id LIMIT 1', [$jobId])), "\n";
$save('oDEMO_staff_liqiang');

// ---- the client's timeline: client-visible progress only, escaped; the client answers
$as('oDEMO_client_liuyang');
$html = $site->get($site->app('jobs', ['op' => 'detail', 'id' => $jobId]));
glue_check('the client sees the progress and the question', str_contains($html, "已核名$escaped") && str_contains($html, "请提供身份证$escaped")
    && str_contains($html, '待客户补充') && str_contains($html, '/attachment/images/1/') && $clean($html), GlueSite::message($html));
glue_check('but not the internal entry', !str_contains($html, '客户比较急'));
$site->post($site->app('jobs', ['op' => 'reply', 'id' => $jobId]), ['reply' => "身份证已上传$x", 'token' => GlueSite::token($html), 'submit' => 1],
    ['attachments[]' => ['身份证.png', $png, 'image/png']]);
$html = $site->get($site->app('jobs', ['op' => 'detail', 'id' => $jobId]));
glue_check('reply recorded, job back in progress', $db->queryValue('SELECT status FROM {job} WHERE id = ?', [$jobId]) === 'in_progress'
    && str_contains($html, "身份证已上传$escaped") && $clean($html));
$list = $site->get($site->app('jobs'));
glue_check('client job list escaped', str_contains($list, "注册$escaped") && $clean($list));
$save('oDEMO_client_liuyang');
$as('oDEMO_staff_liqiang');
$html = $site->get($site->app('work', ['op' => 'detail', 'id' => $jobId]));
glue_check('staff see the reply', str_contains($html, "身份证已上传$escaped") && $clean($html));
$site->post($site->app('work', ['op' => 'complete', 'id' => $jobId]), ['token' => GlueSite::token($html), 'submit' => 1]);
echo 'completed: ', $db->queryValue('SELECT status FROM {job} WHERE id = ?', [$jobId]), "\n";
$save('oDEMO_staff_liqiang');

// ---- a business request with attachments; bad uploads refused, nothing written
$as('oDEMO_client_liuyang');
$before = [$files(), (int) $db->queryValue('SELECT COUNT(*) FROM {job}')];
$cases = [
    'a .php file' => ['shell.php', '<?php echo "pwned"; ?>', 'image/png'],
    'a .png.php file' => ['a.png.php', $png, 'image/png'],
    'an oversize file' => ['big.pdf', str_repeat('x', 10 * 1024 * 1024 + 1), 'application/pdf'],
    'a ../ path' => ['../../data/evil.png', $png, 'image/png'],
    'a script renamed .png' => ['fake.png', '<?php echo 1; ?>', 'image/png'],
];
foreach ($cases as $what => $file) {
    $page = $site->get($site->app('request'));
    $html = $site->request($site->app('request'), ['title' => '开票', 'type' => '申领发票', 'token' => GlueSite::token($page), 'submit' => 1],
        ['attachments[]' => $file])[1];
    glue_check("request with $what refused", str_contains($html, 'id="form-error"') && str_contains($html, '附件上传失败'),
        GlueSite::phpErrors($html) ?: GlueSite::message($html) ?: strip_tags(substr($html, strpos($html, 'form-error') ?: 0, 300)));
}
// one good file next to a bad one: still nothing written
$page = $site->get($site->app('request'));
$site->request($site->app('request'), ['title' => '开票', 'token' => GlueSite::token($page), 'submit' => 1],
    ['attachments[]' => ['ok.png', $png, 'image/png'], 'attachments[1]' => ['x.php', '<?php', 'image/png']]);
glue_check('nothing written by refused uploads', [$files(), (int) $db->queryValue('SELECT COUNT(*) FROM {job}')] === $before,
    json_encode([$files(), $db->queryValue('SELECT COUNT(*) FROM {job}'), $before]));
$page = $site->get($site->app('request'));
$html = $site->post($site->app('request'), ['title' => "开票$x", 'type' => "类$x", 'description' => "三张专票$x", 'urgency' => 1,
    'token' => GlueSite::token($page), 'submit' => 1], ['attachments[]' => ['开票资料.pdf', "%PDF-1.4\n%%EOF\n", 'application/pdf']]);
$reqId = (int) $db->queryValue('SELECT MAX(id) FROM {job}');
glue_check('a request with a PDF is accepted', str_contains(GlueSite::message($html), '需求已提交') && $files() === $before[0] + 1
    && str_contains((string) $db->queryValue('SELECT ref FROM {job_attachment} WHERE job_id = ?', [$reqId]), '.pdf'), GlueSite::message($html));
$html = $site->get($site->app('jobs', ['op' => 'detail', 'id' => $reqId]));
glue_check('request detail escaped', str_contains($html, "开票$escaped") && str_contains($html, "三张专票$escaped") && str_contains($html, "类$escaped") && $clean($html));
// an unpaid order cancelled by the client, with its reason
$form = $site->get($site->app('orders', ['op' => 'new', 'service_id' => 4]));
$site->request($site->app('orders', ['op' => 'new', 'service_id' => 4]), ['title' => '变更股东', 'token' => GlueSite::token($form), 'submit' => 1]);
$unpaid = (int) $db->queryValue('SELECT MAX(id) FROM {order}');
$page = $site->get($site->app('orders', ['op' => 'detail', 'id' => $unpaid]));
glue_check('an unpaid order offers pay and cancel', str_contains($page, 'id="order-pay"') && str_contains($page, 'id="order-cancel"'));
$html = $site->post($site->app('orders', ['op' => 'cancel', 'id' => $unpaid]), ['reason' => "不办了$x", 'token' => GlueSite::token($page), 'submit' => 1]);
echo 'cancelled order: ', $db->queryValue('SELECT status FROM {order} WHERE id = ?', [$unpaid]), "\n";
$save('oDEMO_client_liuyang');
// the request in the pool (escaped), grabbed and put back by the staff member
$as('oDEMO_staff_liqiang');
$pool = $site->get($site->app('pool'));
glue_check('the request in the pool, escaped', str_contains($pool, "id=\"pool-job-$reqId\"") && str_contains($pool, "类$escaped") && $clean($pool));
$site->post($site->app('pool', ['op' => 'grab']), ['id' => $reqId, 'token' => GlueSite::token($pool), 'submit' => 1]);
$detail = $site->get($site->app('work', ['op' => 'detail', 'id' => $reqId]));
glue_check('work detail escaped, release offered', str_contains($detail, "三张专票$escaped") && str_contains($detail, 'id="job-release"') && $clean($detail));
$html = $site->post($site->app('work', ['op' => 'release', 'id' => $reqId]), ['text' => "忙不过来$x", 'token' => GlueSite::token($detail), 'submit' => 1]);
echo 'released: ', $db->queryValue('SELECT CONCAT(status, " ", assignee_id) FROM {job} WHERE id = ?', [$reqId]), ' (', GlueSite::message($html), ")\n";
$save('oDEMO_staff_liqiang');
$as('oDEMO_client_liuyang');

// ---- a bill is paid through the cashier; 已缴至 moves on
$billId = (int) $db->queryValue("SELECT MIN(id) FROM {bill} WHERE client_id = 3 AND status = 'open'");
$period = (new CloudAcct\Ledger\Billing($store))->bill($admin, $billId)['period'];
$cashier = $site->get($site->app('bills', ['op' => 'pay', 'id' => $billId]));
preg_match('/name="plid" value="(\d+)"/', $cashier, $m);
$html = $site->post('app/index.php?i=1&c=mc&a=cash&do=devpay', ['plid' => $m[1] ?? '', 'token' => GlueSite::token($cashier), 'submit' => 1]);
glue_check('bill paid', GlueSite::message($html) === '支付成功' && $db->queryValue('SELECT status FROM {bill} WHERE id = ?', [$billId]) === 'paid',
    GlueSite::message($html));
$html = $site->get($site->app('bills'));
glue_check('已缴至 shows the paid period', (bool) preg_match('#id="paid-through">\s*' . $period . '\s*<#', $html), strip_tags(substr($html, strpos($html, 'paid-through'), 80)));
$payId = (int) $db->queryValue('SELECT MAX(id) FROM {payment} WHERE client_id = 3');
$html = $site->get($site->app('bills', ['op' => 'receipt', 'id' => $payId]));
glue_check('receipt', str_contains($html, '收 据') && str_contains($html, '北京远航国际贸易有限公司') && str_contains($html, '伍佰元整'));

// ---- another company's order, job, bill and receipt by id
$as('oDEMO_client_sunli');
$other = [
    'order' => $site->app('orders', ['op' => 'detail', 'id' => $orderId]),
    'order pay' => $site->app('orders', ['op' => 'pay', 'id' => $orderId]),
    'job' => $site->app('jobs', ['op' => 'detail', 'id' => $jobId]),
    'bill' => $site->app('bills', ['op' => 'bill', 'id' => $billId]),
    'bill pay' => $site->app('bills', ['op' => 'pay', 'id' => (int) $db->queryValue("SELECT MIN(id) FROM {bill} WHERE client_id = 1 AND status = 'open'")]),
    'receipt' => $site->app('bills', ['op' => 'receipt', 'id' => $payId]),
];
foreach ($other as $what => $url) {
    $html = $site->get($url);
    glue_check("another company's $what refused", str_contains(GlueSite::message($html), '不存在') && !str_contains($html, '北京远航')
        && !str_contains($html, 'paycenter-form'), GlueSite::message($html));
}
$html = $site->post($site->app('orders', ['op' => 'refund', 'id' => $orderId]), ['reason' => 'x', 'token' => GlueSite::token($site->get($site->app('request'))), 'submit' => 1]);
glue_check("another company's order refund refused", $db->queryValue('SELECT status FROM {order} WHERE id = ?', [$orderId]) === 'paid' && GlueSite::message($html) !== '');

// ---- remind to pay, and its rate limit
$as('oDEMO_staff_liqiang');
$html = $site->get($site->app('myclients'));
glue_check('my clients with arrears', str_contains($html, '北京远航国际贸易有限公司') && str_contains($html, '提醒缴费'));
$first = $site->post($site->app('myclients', ['op' => 'remind']), ['client_id' => 3, 'token' => GlueSite::token($html), 'submit' => 1]);
$second = $site->post($site->app('myclients', ['op' => 'remind']), ['client_id' => 3, 'token' => GlueSite::token($site->get($site->app('myclients'))), 'submit' => 1]);
glue_check('remind now', str_contains(GlueSite::message($first), '已提醒客户缴费'), GlueSite::message($first));
glue_check('rate limited', str_contains(GlueSite::message($second), '已提醒过该客户'), GlueSite::message($second));
echo 'dunning log rows: ', $db->queryValue("SELECT COUNT(*) FROM {dunning_log} WHERE client_id = 3 AND kind = 'manual'"), "\n";
$html = $site->post($site->app('myclients', ['op' => 'remind']), ['client_id' => 2, 'token' => GlueSite::token($site->get($site->app('myclients'))), 'submit' => 1]);
glue_check('reminding a company not theirs refused', (int) $db->queryValue('SELECT COUNT(*) FROM {dunning_log} WHERE client_id = 2') === 0);

// ---- everything still owed in one payment (after the reminders above)
$as('oDEMO_client_liuyang');
$owed = (int) (new CloudAcct\Ledger\Accounts($store))->summary($admin, 3)['balance_fen'];
$cashier = $site->get($site->app('bills', ['op' => 'payall']));
preg_match('/name="plid" value="(\d+)"/', $cashier, $m);
$html = $site->post('app/index.php?i=1&c=mc&a=cash&do=devpay', ['plid' => $m[1] ?? '', 'token' => GlueSite::token($cashier), 'submit' => 1]);
$summary = (new CloudAcct\Ledger\Accounts($store))->summary($admin, 3);
echo 'pay all: ', $owed > 0 ? 'owed' : 'nothing owed', ', cashier ', str_contains($cashier, CloudAcct\Money::format($owed)) ? 'shows it' : 'wrong',
    ', now owed ', $summary['balance_fen'], ', open bills ', $summary['open_bills'], "\n";
$html = $site->get($site->app('bills'));
glue_check('nothing left to pay', str_contains($html, 'id="owed">¥0.00') && !str_contains($html, 'id="pay-all"')
    && str_contains(GlueSite::message($site->get($site->app('bills', ['op' => 'payall']))), '没有待缴'));

// ---- a mobile form without its token writes nothing
$as('oDEMO_staff_liqiang');
$n = (int) $db->queryValue('SELECT COUNT(*) FROM {job_progress}');
$site->request($site->app('work', ['op' => 'progress', 'id' => $jobId]), ['text' => 'no token', 'submit' => 1]);
glue_check('mobile form without token refused', (int) $db->queryValue('SELECT COUNT(*) FROM {job_progress}') === $n);

glue_check('no PHP errors in the server log', !preg_match('/PHP (Fatal|Warning|Notice|Deprecated)/', $site->serverLog()), $site->serverLog());
?>
--EXPECT--
ok client jobs
ok client orders
ok client bills
ok client bills&op=payments
ok client request
ok placing an order sends to the cashier
ok the cashier shows the order
ok paid: the return shows 支付成功
order: paid 80000, payments: 1, new jobs: 1, job: open
after replays: payments 1, jobs of the order 1, return: return_ignored
ok order detail: paid, request escaped, link to the job
ok both see the job in the pool, escaped
ok the first grab wins
ok the second is told 已被抢走
ok the live state no longer lists it
assignee: 李强
ok another employee cannot open the job
ok nor post progress on it
ok winner opens the job
ok staff see both entries, escaped, the internal one marked
job now: waiting_client, progress: 3, attachment stored: 1
ok the client sees the progress and the question
ok but not the internal entry
ok reply recorded, job back in progress
ok client job list escaped
ok staff see the reply
completed: done
ok request with a .php file refused
ok request with a .png.php file refused
ok request with an oversize file refused
ok request with a ../ path refused
ok request with a script renamed .png refused
ok nothing written by refused uploads
ok a request with a PDF is accepted
ok request detail escaped
ok an unpaid order offers pay and cancel
cancelled order: cancelled
ok the request in the pool, escaped
ok work detail escaped, release offered
released: open 0 (已退回抢单池)
ok bill paid
ok 已缴至 shows the paid period
ok receipt
ok another company's order refused
ok another company's order pay refused
ok another company's job refused
ok another company's bill refused
ok another company's bill pay refused
ok another company's receipt refused
ok another company's order refund refused
ok my clients with arrears
ok remind now
ok rate limited
dunning log rows: 1
ok reminding a company not theirs refused
pay all: owed, cashier shows it, now owed 0, open bills 0
ok nothing left to pay
ok mobile form without token refused
ok no PHP errors in the server log
