--TEST--
Glue: the mini-program API (a=wxapp doPage*) mirrors the mobile pages — home, orders (place, pay through 微擎's WeModuleWxapp::pay → notify → payResult once, cancel), request with an uploaded attachment, jobs (timeline, reply), rate, bills, books (confirm), complaints, notices; staff pool (grab, one wins), work (start, progress with a file, ask), my clients (remind), book entry, my scores — for the right role only; another company's object and another employee's job refused; bad input and non-app POSTs write nothing
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('wxapp', false); // its own small firm, not the demo's seed
$db = $site->db();
$store = new CloudAcct\Store($db, 1);
$admin = CloudAcct\Actor::admin(1);
$count = fn (string $sql, array $p = []) => (int) $db->queryValue($sql, $p);

// ---- the firm: one store, two employees, two companies with one contact each, two services
$stores = new CloudAcct\People\Stores($store);
$staff = new CloudAcct\People\Staff($store);
$clients = new CloudAcct\People\Clients($store);
$contacts = new CloudAcct\People\Contacts($store);
$storeId = $stores->create($admin, ['name' => '测试门店', 'address' => '北京', 'phone' => '010-88886666', 'sort' => 1]);
$staffA = $staff->create($admin, ['name' => '会计甲', 'phone' => '13800000011', 'store_id' => $storeId, 'skills' => ['工商', '记账']]);
$staffB = $staff->create($admin, ['name' => '会计乙', 'phone' => '13800000012', 'store_id' => $storeId, 'skills' => ['工商', '记账']]);
$staff->bindByCode('oWX_staff_a', $staff->issueBindCode($admin, $staffA), '127.0.0.1');
$staff->bindByCode('oWX_staff_b', $staff->issueBindCode($admin, $staffB), '127.0.0.1');
$staff->setOnDuty(CloudAcct\Actor::staff($staffA), $staffA, true);
$staff->setOnDuty(CloudAcct\Actor::staff($staffB), $staffB, true);
$clientX = $clients->create($admin, ['name' => '甲公司', 'taxpayer_type' => 'small', 'store_id' => $storeId, 'accountant_id' => $staffA]);
$clientY = $clients->create($admin, ['name' => '乙公司', 'taxpayer_type' => 'small', 'store_id' => $storeId, 'accountant_id' => $staffB]);
$contacts->bindByInvite('oWX_client_x', $contacts->issueInvite($admin, $clientX, 'owner'), '客户甲', '13900000011', '127.0.0.1');
$contacts->bindByInvite('oWX_client_y', $contacts->issueInvite($admin, $clientY, 'owner'), '客户乙', '13900000012', '127.0.0.1');
$catalog = new CloudAcct\Work\Catalog($store);
$cat = $catalog->saveCategory($admin, ['name' => '工商服务', 'sort' => 1]);
$service = $catalog->createService($admin, ['title' => '公司注册', 'category_id' => $cat, 'price_fen' => 80000, 'price_type' => 'one_off',
    'summary' => '核名、执照', 'on_sale' => true, 'sort' => 1, 'dispatch_mode' => 'grab', 'skill' => '工商']);

$sessions = [];
$as = function (string $openid) use ($site, &$sessions) {
    if (!isset($sessions[$openid])) {
        $site->asFan($openid);
        $sessions[$openid] = $site->cookies;
    }
    $site->cookies = $sessions[$openid];
};
$app = ['X-Requested-With: XMLHttpRequest'];
/** A doPage call: [errno, message, data]; $post null = GET. */
$call = function (string $do, array $q = [], ?array $post = null, array $files = [], array $headers = null) use ($site, $app) {
    [$st, $body] = $site->request($site->app($do, ['a' => 'wxapp'] + $q), $post, $files, $headers ?? $app);
    $j = json_decode($body, true);
    if (!is_array($j)) {
        return [-1, "HTTP $st " . substr($body, 0, 300) . ' server log: ' . substr($site->serverLog(), -600), null];
    }
    return [$j['errno'], $j['message'], $j['data']];
};
$show = fn ($r) => json_encode($r, JSON_UNESCAPED_UNICODE);
$png = base64_decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=');
$files = fn () => (int) trim(shell_exec('find ' . escapeshellarg($site->dir . '/attachment') . ' -type f 2>/dev/null | wc -l'));

// ---- roles: a fan that is nobody, a client on a staff page, staff on a client page
$as('oWX_nobody');
$r = $call('orders');
glue_check('a fan that is not bound gets 41001', $r[0] === 41001 && str_contains($r[1], '绑定'), $show($r));
$r = $call('home');
glue_check('home of a guest', $r[0] === 0 && $r[2]['role'] === 'guest', $show($r));
$as('oWX_client_x');
$r = $call('pool');
glue_check('a client on the grab pool gets 41002', $r[0] === 41002, $show($r));
$r = $call('home');
glue_check('home of a client: company and the DIY layout', $r[0] === 0 && $r[2]['role'] === 'client' && $r[2]['company']['name'] === '甲公司'
    && is_array($r[2]['blocks']) && count($r[2]['blocks']) > 0, $show($r));
$as('oWX_staff_a');
$r = $call('home');
glue_check('home of an employee', $r[0] === 0 && $r[2]['role'] === 'staff' && $r[2]['me']['name'] === '会计甲', $show($r));
$r = $call('bills');
glue_check('an employee on a client page gets 41001', $r[0] === 41001, $show($r));

// ---- request with an attachment (upload first, as wx.uploadFile does)
$as('oWX_client_x');
$jobs0 = $count('SELECT COUNT(*) FROM {job}');
$r = $call('request', [], ['title' => '开发票', 'description' => '请开一张发票'], [], []);
glue_check('a plain form POST (not from the app) is refused', $r[0] === 40501 && $count('SELECT COUNT(*) FROM {job}') === $jobs0, $show($r));
$r = $call('request', ['title' => '开发票']);
glue_check('a GET cannot write', $r[0] === 40501 && $count('SELECT COUNT(*) FROM {job}') === $jobs0, $show($r));
$f0 = $files();
$r = $call('upload', [], [], ['file' => ['shell.php', '<?php echo 1;', 'application/x-php']]);
glue_check('uploading a .php file is refused, nothing stored', $r[0] === 1 && str_contains($r[1], '不允许') && $files() === $f0, $show($r));
$r = $call('upload', [], [], ['file' => ['../evil.png', $png, 'image/png']]);
glue_check('a path in the file name is refused', $r[0] === 1 && $files() === $f0, $show($r));
$up = $call('upload', [], [], ['file' => ['发票.png', $png, 'image/png']]);
glue_check('upload answers the path', $up[0] === 0 && preg_match('#^images/1/#', $up[2]['path'] ?? '') && $files() === $f0 + 1, $show($up));
$r = $call('request', [], ['title' => '开发票', 'description' => '说明', 'attachments' => 'images/1/2026/11/notmine.png']);
glue_check('a path this session did not upload is refused', $r[0] === 1 && $count('SELECT COUNT(*) FROM {job}') === $jobs0, $show($r));
$r = $call('request', [], ['title' => '', 'description' => '说明']);
glue_check('a request without a title: validation, nothing written', $r[0] === 1 && ($r[2]['code'] ?? '') === 'validation'
    && $count('SELECT COUNT(*) FROM {job}') === $jobs0, $show($r));
$r = $call('request', [], ['title' => '开发票', 'type' => '申领发票', 'description' => '请开一张发票', 'attachments' => [$up[2]['path']]]);
$reqJob = (int) ($r[2]['job_id'] ?? 0);
glue_check('request raised with the attachment', $r[0] === 0 && $reqJob > 0
    && $count('SELECT COUNT(*) FROM {job_attachment} WHERE job_id = ? AND ref = ?', [$reqJob, $up[2]['path']]) === 1, $show($r));
$r = $call('request', [], ['title' => '再开一张', 'description' => '说明', 'attachments' => [$up[2]['path']]]);
glue_check('an upload is attached once', $r[0] === 1 && $count('SELECT COUNT(*) FROM {job}') === $jobs0 + 1, $show($r));

// ---- orders: place, pay (微擎's wxapp pay → notify → payResult), cancel
$r = $call('orders', ['op' => 'place'], ['service_id' => $service, 'description' => '注册一家公司']);
$orderId = (int) ($r[2]['order']['id'] ?? 0);
glue_check('order placed, to be paid', $r[0] === 0 && $orderId > 0 && $r[2]['must_pay'] === true, $show($r));
$r = $call('orders', ['op' => 'place'], ['service_id' => 999999]);
glue_check('an order for no such service: refused, nothing written', $r[0] === 1 && $count('SELECT COUNT(*) FROM {order}') === 1, $show($r));
$r = $call('orders');
glue_check('orders list', $r[0] === 0 && $r[2]['total'] === 1 && (int) $r[2]['items'][0]['id'] === $orderId, $show($r));
$pay = $call('orders', ['op' => 'pay'], ['id' => $orderId]);
$plid = (int) ($pay[2]['pay']['plid'] ?? 0);
$paylog = $plid ? pdo_row($site, $plid) : [];
glue_check('pay answers 微擎 wxapp JSAPI parameters', $pay[0] === 0 && $pay[2]['channel'] === 'weengine' && $pay[2]['fee'] === '800.00'
    && str_starts_with($pay[2]['pay']['package'] ?? '', 'prepay_id=') && ($pay[2]['pay']['paySign'] ?? '') !== ''
    && ($paylog['type'] ?? '') === 'wxapp' && ($paylog['tid'] ?? '') === $pay[2]['tid'], $show($pay) . $show($paylog));
$as('oWX_client_y');
$r = $call('orders', ['op' => 'detail', 'id' => $orderId]);
glue_check("another company's order: not found", $r[0] === 1 && ($r[2]['code'] ?? '') === 'not_found', $show($r));
$r = $call('orders', ['op' => 'pay'], ['id' => $orderId]);
glue_check("paying another company's order is refused", $r[0] === 1 && $count('SELECT COUNT(*) FROM {payment}') === 0, $show($r));
$r = $call('orders', ['op' => 'cancel'], ['id' => $orderId]);
glue_check("cancelling another company's order is refused", $r[0] === 1
    && $db->queryValue('SELECT status FROM {order} WHERE id = ?', [$orderId]) === 'pending_payment', $show($r));
$as('oWX_client_x');
$token = GlueSite::token($site->get($site->app('request')));
$site->request('app/index.php?i=1&c=mc&a=cash&do=devpay', ['plid' => $plid, 'token' => $token, 'submit' => 1]);
$token = GlueSite::token($site->get($site->app('request')));
$site->request('app/index.php?i=1&c=mc&a=cash&do=devpay', ['plid' => $plid, 'token' => $token, 'submit' => 1]); // the notify again
$r = $call('orders', ['op' => 'detail', 'id' => $orderId]);
$orderJob = (int) ($r[2]['job_id'] ?? 0);
glue_check('paid once through the wxapp payResult, the job created', $r[0] === 0 && $r[2]['status'] === 'paid' && $orderJob > 0
    && $count("SELECT COUNT(*) FROM {payment} WHERE target_kind = 'order' AND target_id = ?", [$orderId]) === 1, $show($r));
$r = $call('orders', ['op' => 'pay'], ['id' => $orderId]);
glue_check('a paid order is not paid again', $r[0] === 1 && ($r[2]['code'] ?? '') === 'nothing_to_pay', $show($r));
$second = $call('orders', ['op' => 'place'], ['service_id' => $service, 'title' => '第二单']);
$r = $call('orders', ['op' => 'cancel'], ['id' => $second[2]['order']['id'], 'reason' => '不需要了']);
glue_check('an unpaid order cancelled', $r[0] === 0 && $r[2]['status'] === 'cancelled', $show($r));

// ---- staff: the pool, one grab wins; an employee on a job not theirs
$as('oWX_staff_a');
$r = $call('pool');
$inPool = array_map(fn ($j) => (int) $j['id'], $r[2]['items'] ?? []);
glue_check('the paid order is in the pool', $r[0] === 0 && in_array($orderJob, $inPool, true), $show($r));
$r = $call('pool', ['op' => 'grab'], ['id' => $orderJob]);
glue_check('employee A grabs it', $r[0] === 0 && (int) $r[2]['job']['assignee_id'] === $staffA, $show($r));
$as('oWX_staff_b');
$r = $call('pool', ['op' => 'grab'], ['id' => $orderJob]);
glue_check('employee B is told it was taken', $r[0] === 1 && ($r[2]['code'] ?? '') === 'taken' && str_contains($r[1], '已被抢走'), $show($r));
$r = $call('work', ['op' => 'detail', 'id' => $orderJob]);
glue_check("B cannot open A's job", $r[0] === 1 && in_array($r[2]['code'] ?? '', ['forbidden', 'not_found'], true), $show($r));
$progress0 = $count('SELECT COUNT(*) FROM {job_progress} WHERE job_id = ?', [$orderJob]);
$r = $call('work', ['op' => 'progress'], ['id' => $orderJob, 'text' => '乙写的']);
glue_check("B cannot post progress on A's job", $r[0] === 1 && $count('SELECT COUNT(*) FROM {job_progress} WHERE job_id = ?', [$orderJob]) === $progress0, $show($r));
$r = $call('work', ['op' => 'start'], ['id' => $orderJob]);
glue_check("B cannot start A's job", $r[0] === 1 && $db->queryValue('SELECT status FROM {job} WHERE id = ?', [$orderJob]) === 'assigned', $show($r));

$as('oWX_staff_a');
$r = $call('work');
glue_check('my jobs list', $r[0] === 0 && in_array($orderJob, array_map(fn ($j) => (int) $j['id'], $r[2]['items']), true), $show($r));
$r = $call('work', ['op' => 'start'], ['id' => $orderJob]);
glue_check('start', $r[0] === 0 && $r[2]['job']['status'] === 'in_progress', $show($r));
$upA = $call('upload', [], [], ['file' => ['核名.pdf', "%PDF-1.4\n%%EOF\n", 'application/pdf']]);
$r = $call('work', ['op' => 'progress'], ['id' => $orderJob, 'text' => '已提交核名', 'attachments' => [$upA[2]['path'] ?? '']]);
glue_check('progress with a file', $r[0] === 0 && $r[2]['entries'][0]['text'] === '已提交核名' && count($r[2]['entries'][0]['files']) === 1, $show($r));
$r = $call('work', ['op' => 'ask'], ['id' => $orderJob, 'text' => '']);
glue_check('asking the client nothing: refused, state unchanged', $r[0] === 1
    && $db->queryValue('SELECT status FROM {job} WHERE id = ?', [$orderJob]) === 'in_progress', $show($r));
$r = $call('work', ['op' => 'ask'], ['id' => $orderJob, 'text' => '请提供法人身份证']);
glue_check('ask the client', $r[0] === 0 && $r[2]['job']['status'] === 'waiting_client', $show($r));

// ---- the client sees the timeline and replies; employee completes; the client rates
$as('oWX_client_x');
$r = $call('jobs', ['op' => 'detail', 'id' => $orderJob]);
$texts = array_column($r[2]['timeline'] ?? [], 'text');
glue_check('the client timeline shows the progress and the question', $r[0] === 0 && in_array('已提交核名', $texts, true)
    && in_array('请提供法人身份证', $texts, true) && $r[2]['can_reply'] === true, $show($r));
$r = $call('jobs', ['op' => 'reply'], ['id' => $orderJob, 'reply' => '已上传']);
glue_check('the client replies', $r[0] === 0 && $r[2]['job']['status'] === 'in_progress', $show($r));
$as('oWX_client_y');
$r = $call('jobs', ['op' => 'detail', 'id' => $orderJob]);
glue_check("another company's job: not found", $r[0] === 1 && ($r[2]['code'] ?? '') === 'not_found', $show($r));
$r = $call('jobs');
glue_check("another company's list does not hold it", $r[0] === 0 && $r[2]['total'] === 0, $show($r));
$as('oWX_staff_a');
$r = $call('work', ['op' => 'complete'], ['id' => $orderJob, 'text' => '执照已领取']);
glue_check('complete', $r[0] === 0 && $r[2]['job']['status'] === 'done', $show($r));
$as('oWX_client_y');
$r = $call('rate', [], ['id' => $orderJob, 'overall' => 'good', 'scores' => [5, 5, 5]]);
glue_check("rating another company's job is refused", $r[0] === 1 && $count('SELECT COUNT(*) FROM {rating}') === 0, $show($r));
$as('oWX_client_x');
$r = $call('rate', ['id' => $orderJob]);
$dims = $r[2]['dimensions'] ?? [];
glue_check('rate: the dimensions and can_rate', $r[0] === 0 && count($dims) > 0 && $r[2]['can_rate'] === true, $show($r));
$r = $call('rate', [], ['id' => $orderJob, 'overall' => 'good', 'scores' => array_fill(0, count($dims), 9)]);
glue_check('a score of 9: refused, nothing written', $r[0] === 1 && $count('SELECT COUNT(*) FROM {rating}') === 0, $show($r));
$r = $call('rate', [], ['id' => $orderJob, 'overall' => 'good', 'scores' => array_fill(0, count($dims), 5), 'comment' => '很快']);
glue_check('rated once', $r[0] === 0 && $count('SELECT COUNT(*) FROM {rating} WHERE job_id = ?', [$orderJob]) === 1, $show($r));
$r = $call('rate', [], ['id' => $orderJob, 'overall' => 'bad', 'scores' => array_fill(0, count($dims), 1)]);
glue_check('not twice', $r[0] === 1 && $count('SELECT COUNT(*) FROM {rating}') === 1, $show($r));

// ---- complaints and notices
$r = $call('complaints', ['op' => 'new'], ['description' => '回复太慢，催了两次都没有人理', 'job_id' => $orderJob]);
$complaintId = (int) ($r[2]['complaint_id'] ?? 0);
glue_check('complaint filed', $r[0] === 0 && $complaintId > 0, $show($r));
$r = $call('complaints', ['op' => 'new'], ['description' => '']);
glue_check('an empty complaint: refused, nothing written', $r[0] === 1 && $count('SELECT COUNT(*) FROM {complaint}') === 1, $show($r));
$r = $call('complaints');
glue_check('complaints list', $r[0] === 0 && $r[2]['total'] === 1, $show($r));
$r = $call('notices');
glue_check('notices answer the inbox', $r[0] === 0 && isset($r[2]['unread'], $r[2]['items']), $show($r));
$r = $call('notices', ['op' => 'read'], ['ids' => 'abc']);
glue_check('marking bad ids read is refused', $r[0] === 1, $show($r));
$as('oWX_client_y');
$r = $call('complaints', ['op' => 'detail', 'id' => $complaintId]);
glue_check("another company's complaint: not found", $r[0] === 1, $show($r));

// ---- bills: list with 已缴至, detail, another company's refused
$billing = new CloudAcct\Ledger\Billing($store);
$billX = $billing->issue($admin, $clientX, ['amount_fen' => 30000, 'title' => '工商年报费', 'due_date' => date('Y-m-d', time() + 86400 * 10)]);
$as('oWX_client_x');
$r = $call('bills');
glue_check('bills: the open bill and the summary', $r[0] === 0 && $r[2]['total'] === 1 && (int) $r[2]['items'][0]['id'] === $billX
    && (int) $r[2]['summary']['balance_fen'] === 30000 && array_key_exists('paid_through', $r[2]), $show($r));
$r = $call('bills', ['op' => 'bill', 'id' => $billX]);
glue_check('bill detail', $r[0] === 0 && $r[2]['title'] === '工商年报费' && $r[2]['status_label'] === '待缴费', $show($r));
$r = $call('bills', ['op' => 'payments']);
glue_check('payments list', $r[0] === 0 && $r[2]['total'] === 1, $show($r));
$r = $call('bills', ['op' => 'receipt', 'id' => (int) $r[2]['items'][0]['id']]);
glue_check('receipt', $r[0] === 0 && ($r[2]['amount'] ?? '') === '800.00', $show($r));
$as('oWX_client_y');
$r = $call('bills', ['op' => 'bill', 'id' => $billX]);
glue_check("another company's bill: not found", $r[0] === 1, $show($r));
$r = $call('bills', ['client_id' => $clientX]);
glue_check("another company's bills by client_id: refused", $r[0] === 1, $show($r));

// ---- my clients, remind, book entry, books confirm, my scores
$as('oWX_staff_a');
$r = $call('myClients');
$ids = array_map(fn ($c) => (int) $c['id'], $r[2]['items'] ?? []);
glue_check('my clients: only mine, with what they owe', $r[0] === 0 && $ids === [$clientX]
    && (int) ($r[2]['items'][0]['arrears']['outstanding_fen'] ?? 0) === 30000, $show($r));
$as('oWX_staff_b');
$dun0 = $count('SELECT COUNT(*) FROM {dunning_log}');
$r = $call('myClients', ['op' => 'remind'], ['client_id' => $clientX]);
glue_check("B cannot remind A's client", $r[0] === 1 && $count('SELECT COUNT(*) FROM {dunning_log}') === $dun0, $show($r));
$as('oWX_staff_a');
$r = $call('myClients', ['op' => 'remind'], ['client_id' => $clientX]);
glue_check('A reminds their client', $r[0] === 0 && $count('SELECT COUNT(*) FROM {dunning_log}') === $dun0 + 1, $show($r));
$period = gmdate('Y-m', gmmktime(0, 0, 0, (int) gmdate('n', CloudAcct\Clock::now() + 28800) - 1, 1, (int) gmdate('Y', CloudAcct\Clock::now() + 28800)));
$r = $call('bookEdit', ['client_id' => $clientX, 'period' => $period]);
$lineKeys = array_column($r[2]['lines'] ?? [], 'kind', 'key');
glue_check('book entry: the lines to fill', $r[0] === 0 && $lineKeys && $r[2]['book'] === null, $show($r));
$amountKey = array_search('amount', $lineKeys, true);
$r = $call('bookEdit', ['op' => 'save'], ['client_id' => $clientX, 'period' => $period, 'lines' => [$amountKey => '12x']]);
glue_check('a bad amount: refused, nothing written', $r[0] === 1 && $count('SELECT COUNT(*) FROM {book}') === 0, $show($r));
$as('oWX_staff_b');
$r = $call('bookEdit', ['op' => 'save'], ['client_id' => $clientX, 'period' => $period, 'lines' => [$amountKey => '100']]);
glue_check("B cannot keep A's client's books", $r[0] === 1 && $count('SELECT COUNT(*) FROM {book}') === 0, $show($r));
$as('oWX_staff_a');
$taxKey = null;
foreach ($call('bookEdit', ['client_id' => $clientX, 'period' => $period])[2]['lines'] as $l) {
    if (!empty($l['tax']) && $l['kind'] === 'amount') {
        $taxKey = $l['key'];
    }
}
$lines = [$amountKey => '1,234.56'] + ($taxKey ? [$taxKey => '12.34'] : []);
$r = $call('bookEdit', ['op' => 'save'], ['client_id' => $clientX, 'period' => $period, 'lines' => $lines, 'note' => '本月正常',
    'require_confirm' => 1, 'publish' => 1]);
$bookId = (int) ($r[2]['id'] ?? 0);
glue_check('books saved and published', $r[0] === 0 && $bookId > 0 && $r[2]['revision'] === 1, $show($r));
$as('oWX_client_x');
$r = $call('books');
glue_check('client: books by period', $r[0] === 0 && count($r[2]['periods']) === 1 && (int) $r[2]['periods'][0]['id'] === $bookId, $show($r));
$r = $call('books', ['op' => 'confirm'], ['id' => $bookId, 'revision' => 1]);
glue_check('client confirms the tax', $r[0] === 0 && $r[2]['confirm_status'] === 'confirmed', $show($r));
$as('oWX_client_y');
$r = $call('books', ['op' => 'detail', 'id' => $bookId]);
glue_check("another company's book: not found", $r[0] === 1, $show($r));
$as('oWX_staff_a');
$r = $call('myScores');
glue_check('my scores: the rating counted', $r[0] === 0 && (int) $r[2]['ratings']['total'] === 1 && isset($r[2]['performance']['this_month']), $show($r));

// ---- the H5 staff pages link 我的客户 → 上传账目 (that client, last month) and a job of my client → its books
$html = $site->get($site->app('myclients'));
$ok = preg_match('/href="([^"]*)" id="myclient-book-' . $clientX . '"/', $html, $m);
$link = html_entity_decode($m[1] ?? '', ENT_QUOTES);
glue_check('my clients links 上传账目 for the client and last month', $link !== '' && str_contains($link, 'do=bookedit')
    && str_contains($link, 'client_id=' . $clientX) && str_contains($link, 'period=' . $period), $link . substr(strip_tags($html), 0, 200));
$html = $site->get($site->absolute($site->app('myclients'), $link));
glue_check('…which opens the book entry of that company and period', str_contains($html, '甲公司') && str_contains($html, '上传账目')
    && GlueSite::message($html) === '' && GlueSite::phpErrors($html) === '', GlueSite::message($html) . GlueSite::phpErrors($html));
$html = $site->get($site->app('work', ['op' => 'detail', 'id' => $orderJob]));
glue_check('my job of my own client links to its books', str_contains($html, 'id="job-bookedit"'), substr(strip_tags($html), 0, 200));

echo 'server log errors: ', preg_match('/(Fatal error|Warning|Deprecated|Uncaught)[^\n]*/', $site->serverLog(), $m) ? $m[0] : 'none', "\n";

function pdo_row(GlueSite $site, int $plid): array
{
    $rows = (new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_' . $site->db, 'persistent' => false])))
        ->query('SELECT type, tid, status FROM ims_core_paylog WHERE plid = ?', [$plid]);
    return $rows[0] ?? [];
}
?>
--EXPECT--
ok a fan that is not bound gets 41001
ok home of a guest
ok a client on the grab pool gets 41002
ok home of a client: company and the DIY layout
ok home of an employee
ok an employee on a client page gets 41001
ok a plain form POST (not from the app) is refused
ok a GET cannot write
ok uploading a .php file is refused, nothing stored
ok a path in the file name is refused
ok upload answers the path
ok a path this session did not upload is refused
ok a request without a title: validation, nothing written
ok request raised with the attachment
ok an upload is attached once
ok order placed, to be paid
ok an order for no such service: refused, nothing written
ok orders list
ok pay answers 微擎 wxapp JSAPI parameters
ok another company's order: not found
ok paying another company's order is refused
ok cancelling another company's order is refused
ok paid once through the wxapp payResult, the job created
ok a paid order is not paid again
ok an unpaid order cancelled
ok the paid order is in the pool
ok employee A grabs it
ok employee B is told it was taken
ok B cannot open A's job
ok B cannot post progress on A's job
ok B cannot start A's job
ok my jobs list
ok start
ok progress with a file
ok asking the client nothing: refused, state unchanged
ok ask the client
ok the client timeline shows the progress and the question
ok the client replies
ok another company's job: not found
ok another company's list does not hold it
ok complete
ok rating another company's job is refused
ok rate: the dimensions and can_rate
ok a score of 9: refused, nothing written
ok rated once
ok not twice
ok complaint filed
ok an empty complaint: refused, nothing written
ok complaints list
ok notices answer the inbox
ok marking bad ids read is refused
ok another company's complaint: not found
ok bills: the open bill and the summary
ok bill detail
ok payments list
ok receipt
ok another company's bill: not found
ok another company's bills by client_id: refused
ok my clients: only mine, with what they owe
ok B cannot remind A's client
ok A reminds their client
ok book entry: the lines to fill
ok a bad amount: refused, nothing written
ok B cannot keep A's client's books
ok books saved and published
ok client: books by period
ok client confirms the tax
ok another company's book: not found
ok my scores: the rating counted
ok my clients links 上传账目 for the client and last month
ok …which opens the book entry of that company and period
ok my job of my own client links to its books
server log errors: none
