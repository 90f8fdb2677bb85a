<?php
/**
 * 云会计 — what a mobile page and its mini-program mirror both do: one function per piece of work
 * (who may do it is decided by the extension against the Actor), two renderers (the H5 controllers
 * in inc/mobile/*.inc.php render templates, wxapp.php answers JSON). Every function takes the
 * resolved Actor and raw input, calls the extension and returns plain data (raw strings — each
 * renderer escapes for its own output); errors are exceptions (the extension's, or
 * CloudacctRefused for what the glue itself refuses). 微擎 API and the cloudacct extension only;
 * PHP 7.4 compatible.
 */

defined('IN_IA') or exit('Access Denied');
require_once __DIR__ . '/pages.php';
require_once __DIR__ . '/books.php';

// ---------------------------------------------------------------- orders (client)

/** The company's orders, newest first: ["total", "items"]. */
function cloudacct_do_orders($client, $clientId, $page, $perPage = 20)
{
    return cloudacct_area('Work\Orders')->list($client, array('client_id' => (int) $clientId), $page, $perPage);
}

/** One order with its attachments as links and what the contact may do with it. */
function cloudacct_do_order($client, $id)
{
    $order = cloudacct_area('Work\Orders')->get($client, (int) $id);
    $order['files'] = cloudacct_attachment_links(isset($order['attachments']) ? $order['attachments'] : array());
    $actions = isset($order['actions']) ? $order['actions'] : array();
    $order['can_pay'] = $order['status'] === 'pending_payment';
    $order['can_cancel'] = in_array('cancel', $actions, true);
    $order['can_refund'] = in_array('refund_request', $actions, true);
    return $order;
}

/** Places an order for the company; $request: title, description, urgency, attachments (paths). */
function cloudacct_do_place_order($client, $clientId, $serviceId, array $request)
{
    return cloudacct_area('Work\Orders')->place($client, (int) $clientId, (int) $serviceId, $request);
}

function cloudacct_do_cancel_order($client, $id, $reason)
{
    cloudacct_area('Work\Orders')->cancel($client, (int) $id, (string) $reason);
}

function cloudacct_do_refund_request($client, $id, $reason)
{
    cloudacct_area('Work\Orders')->requestRefund($client, (int) $id, (string) $reason);
}

// ---------------------------------------------------------------- paying (orders, bills, everything owed)

/** The payment_mode setting: weengine (微擎's cashier), wechat_v3 (WeChat Pay v3 directly) or offline_only. */
function cloudacct_payment_mode()
{
    return (string) cloudacct_area('Settings')->get('payment_mode');
}

/**
 * Starts paying $what for the contact: ['order_id' => id], ['bill_id' => id] or ['all' => company id]
 * (everything owed). Checks that there is something to pay, then asks Payments::checkout; with
 * payment_mode wechat_v3 the payer's openid goes along and the intent carries the signed "pay"
 * parameters for WeixinJSBridge / wx.requestPayment. Returns the intent.
 */
function cloudacct_do_checkout($client, array $what, $openid)
{
    $target = null;
    $clientId = 0;
    if (isset($what['order_id'])) {
        $order = cloudacct_area('Work\Orders')->get($client, (int) $what['order_id']);
        if ($order['status'] !== 'pending_payment') {
            throw new CloudacctRefused('该订单' . $order['status_label'] . '，无需支付。', 'nothing_to_pay');
        }
        $clientId = (int) $order['client_id'];
        $target = array('order_id' => (int) $order['id']);
    } elseif (isset($what['bill_id'])) {
        $bill = cloudacct_area('Ledger\Billing')->bill($client, (int) $what['bill_id']);
        if ($bill['status'] !== 'open') {
            throw new CloudacctRefused('该账单' . cloudacct_label(cloudacct_money_labels('bill_status'), $bill['status']) . '，无需支付。', 'nothing_to_pay');
        }
        $clientId = (int) $bill['client_id'];
        $target = array('bill_id' => (int) $bill['id']);
    } else {
        $clientId = (int) $what['all'];
        $summary = cloudacct_area('Ledger\Accounts')->summary($client, $clientId);
        if ((int) $summary['balance_fen'] <= 0) {
            throw new CloudacctRefused('您没有待缴的费用。', 'nothing_to_pay');
        }
        $target = array('amount_fen' => (int) $summary['balance_fen']);
    }
    $mode = cloudacct_payment_mode();
    if ($mode === 'offline_only') {
        throw new CloudacctRefused('本所暂未开通在线支付，请联系您的会计线下缴费。', 'offline_only');
    }
    if ($mode === 'wechat_v3') {
        if ((string) $openid === '') {
            throw new CloudacctRefused('请在微信中打开本页面再支付。', 'no_openid');
        }
        $target['openid'] = (string) $openid;
    }
    return cloudacct_area('Ledger\Payments')->checkout($client, $clientId, $target);
}

/**
 * Where a payment of the contact stands (the result page polls it): the intent's state, asking
 * WeChat Pay (Payments::wechatQuery, which settles a paid intent once) while a v3 intent is pending
 * — the notify may be late. $kind/$id name what was paid (bill or order). Returns
 * ['paid' => bool, 'status' => …, 'trade_state' => …].
 */
function cloudacct_do_pay_state($client, $kind, $id, $tid)
{
    $paid = false;
    if ($kind === 'bill') {
        $paid = cloudacct_area('Ledger\Billing')->bill($client, (int) $id)['status'] !== 'open';
    } elseif ($kind === 'order') {
        $paid = cloudacct_area('Work\Orders')->get($client, (int) $id)['status'] !== 'pending_payment';
    }
    $out = array('paid' => $paid, 'status' => $paid ? 'paid' : 'pending', 'trade_state' => '');
    if (!$paid && $tid !== '' && cloudacct_payment_mode() === 'wechat_v3') {
        $q = cloudacct_area('Ledger\Payments')->wechatQuery($client, (string) $tid);
        $out['trade_state'] = (string) $q['trade_state'];
        if (in_array($q['status'], array('settled', 'already_settled', 'settled_as_credit'), true)) {
            $out['paid'] = true;
            $out['status'] = 'paid';
        }
    }
    return $out;
}

// ---------------------------------------------------------------- requests and jobs (client)

/** A business request for the company; $input: title, type, description, urgency, attachments (paths). Returns the job id. */
function cloudacct_do_request($client, $clientId, array $input)
{
    return cloudacct_area('Work\Jobs')->request($client, (int) $clientId, $input);
}

function cloudacct_do_jobs($client, $clientId, $page, $perPage = 20)
{
    return cloudacct_area('Work\Jobs')->list($client, 'client', array('client_id' => (int) $clientId), $page, $perPage);
}

/**
 * One job of the contact's companies: the job (attachments as links), its timeline oldest first
 * (state changes and the progress the firm shares, with files), its rating (or null), the rating
 * dimensions, and whether the contact may reply / rate now.
 */
function cloudacct_do_job($client, $id)
{
    $jobs = cloudacct_area('Work\Jobs');
    $job = $jobs->get($client, (int) $id);
    $job['files'] = cloudacct_attachment_links(isset($job['attachments']) ? $job['attachments'] : array());
    $events = array();
    foreach ($jobs->timeline($client, (int) $id) as $e) {
        $events[] = array('at' => (int) $e['at'], 'kind' => (string) $e['kind'],
            'label' => $e['kind'] === 'status' ? (string) $e['label'] : '',
            'event_label' => isset($e['event_label']) ? (string) $e['event_label'] : '',
            'text' => isset($e['text']) ? (string) $e['text'] : '',
            'files' => cloudacct_attachment_links(isset($e['attachments']) ? $e['attachments'] : array()));
    }
    $ratings = cloudacct_area('Quality\Ratings');
    $rating = $ratings->forJob($client, (int) $id);
    return array('job' => $job, 'timeline' => $events, 'rating' => $rating, 'dimensions' => $ratings->dimensions(),
        'can_reply' => in_array('client_replied', isset($job['actions']) ? $job['actions'] : array(), true),
        'can_rate' => !$rating && in_array($job['status'], array('done', 'closed'), true));
}

/** The contact answers the accountant's question (text and attachment paths). */
function cloudacct_do_reply($client, $id, $text, array $files)
{
    cloudacct_area('Work\Jobs')->clientReplied($client, (int) $id, (string) $text, $files);
}

/**
 * Rates a done job once. $scores: dimension index (0, 1, …) or dimension name => '1'..'5'; a
 * value that is not 1-5 goes to the extension as -1 so that it names the field. Returns the rating id.
 */
function cloudacct_do_rate($client, $id, $overall, array $scores, $comment)
{
    $ratings = cloudacct_area('Quality\Ratings');
    $byDim = array();
    foreach ($ratings->dimensions() as $i => $dim) {
        $v = isset($scores[$i]) ? $scores[$i] : (isset($scores[$dim]) ? $scores[$dim] : '');
        if (is_scalar($v) && (string) $v !== '') {
            $byDim[$dim] = preg_match('/^[1-5]$/', (string) $v) ? (int) $v : -1;
        }
    }
    return $ratings->rate($client, (int) $id, (string) $overall, $byDim, (string) $comment);
}

// ---------------------------------------------------------------- bills (client)

/** 已缴至 and what is owed (Accounts::summary) with the company's bills: $status open|paid|waived|void|all. */
function cloudacct_do_bills($client, $clientId, $status, $page, $perPage = 20)
{
    $labels = cloudacct_money_labels('bill_status');
    $filter = isset($labels[$status]) ? array('status' => $status) : array();
    return array('summary' => cloudacct_area('Ledger\Accounts')->summary($client, (int) $clientId),
        'bills' => cloudacct_area('Ledger\Billing')->bills($client, (int) $clientId, $filter, $page, $perPage));
}

function cloudacct_do_bill($client, $id)
{
    $bill = cloudacct_area('Ledger\Billing')->bill($client, (int) $id);
    $bill['status_label'] = cloudacct_label(cloudacct_money_labels('bill_status'), $bill['status']);
    return $bill;
}

function cloudacct_do_payments($client, $clientId, $page, $perPage = 20)
{
    return cloudacct_area('Ledger\Payments')->list($client, (int) $clientId, $page, $perPage);
}

function cloudacct_do_receipt($client, $paymentId)
{
    return cloudacct_area('Ledger\Payments')->receipt($client, (int) $paymentId);
}

// ---------------------------------------------------------------- books (client)

/** The company's published books by period. */
function cloudacct_do_book_periods($client, $clientId)
{
    return cloudacct_area('Books\Books')->periods($client, (int) $clientId);
}

function cloudacct_do_book($client, $id)
{
    return cloudacct_area('Books\Books')->get($client, (int) $id);
}

/** The contact confirms ($confirm true) or disputes (with $comment) the tax of a book's revision. */
function cloudacct_do_book_confirm($client, $id, $revision, $confirm, $comment)
{
    $books = cloudacct_area('Books\Books');
    if ($confirm) {
        $books->confirm($client, (int) $id, (int) $revision);
    } else {
        $books->dispute($client, (int) $id, (int) $revision, (string) $comment);
    }
}

// ---------------------------------------------------------------- complaints and notices (client)

function cloudacct_do_complaints($actor, array $filter, $page, $perPage = 20)
{
    return cloudacct_area('Quality\Complaints')->list($actor, $filter, $page, $perPage);
}

/** Files a complaint about the company (optionally naming one of its jobs). Returns its id. */
function cloudacct_do_complain($client, $clientId, $description, $jobId, array $files)
{
    $input = array('client_id' => (int) $clientId, 'description' => (string) $description, 'attachments' => $files);
    if ((int) $jobId > 0) {
        $input['job_id'] = (int) $jobId;
    }
    return cloudacct_area('Quality\Complaints')->file($client, $input);
}

function cloudacct_do_complaint($actor, $id)
{
    return cloudacct_area('Quality\Complaints')->get($actor, (int) $id);
}

/** The contact's reply / reopen / close of a complaint. */
function cloudacct_do_complaint_write($client, $id, $op, $text)
{
    $complaints = cloudacct_area('Quality\Complaints');
    if ($op === 'reply') {
        $complaints->comment($client, (int) $id, (string) $text);
    } elseif ($op === 'reopen') {
        $complaints->reopen($client, (int) $id, (string) $text);
    } elseif ($op === 'close') {
        $complaints->close($client, (int) $id, (string) $text);
    } else {
        throw new CloudacctRefused('不支持的操作。', 'bad_op');
    }
}

/** 站内消息 of the actor (client or staff), newest first. */
function cloudacct_do_notices($actor, $page, $unreadOnly, $perPage = 20)
{
    return cloudacct_area('Notices\Outbox')->inbox($actor, $page, $perPage, (bool) $unreadOnly);
}

function cloudacct_do_notices_read($actor, array $ids)
{
    return cloudacct_area('Notices\Outbox')->markRead($actor, array_values(array_map('intval', $ids)));
}

// ---------------------------------------------------------------- staff

/** The grab pool this employee may grab from. */
function cloudacct_do_pool($staff, $page, $perPage = 20)
{
    return cloudacct_area('Work\Jobs')->list($staff, 'pool', array(), $page, $perPage);
}

/** Grabs a pool job; exactly one claim wins. A lost race is a CloudacctRefused 'taken'. */
function cloudacct_do_grab($staff, $id)
{
    try {
        cloudacct_area('Work\Jobs')->grab($staff, (int) $id);
    } catch (CloudAcct\Exception $e) {
        if (strpos($e->getMessage(), '已被抢走') !== false) {
            throw new CloudacctRefused('手慢了，该工单已被抢走。', 'taken');
        }
        throw $e;
    }
}

/** My jobs (assigned to me), optionally of one status. */
function cloudacct_do_my_jobs($staff, $status, $page, $perPage = 20)
{
    $filter = $status !== '' && $status !== 'all' ? array('status' => $status) : array();
    return cloudacct_area('Work\Jobs')->list($staff, 'mine', $filter, $page, $perPage);
}

/**
 * One of my jobs: the job (files), all progress newest first (internal entries marked, files), the
 * company when it is mine to see, and the actions I may take. A job not assigned to me is refused.
 */
function cloudacct_do_staff_job($staff, $id)
{
    $jobs = cloudacct_area('Work\Jobs');
    $job = $jobs->get($staff, (int) $id);
    if ((int) $job['assignee_id'] !== (int) $staff->id) {
        throw new CloudacctRefused('该工单不是您负责的。', 'forbidden');
    }
    $entries = array();
    foreach (array_reverse($jobs->progress($staff, (int) $id)) as $p) {
        $entries[] = array('text' => (string) $p['body'], 'internal' => $p['visibility'] !== 'client', 'at' => (int) $p['created_at'],
            'author_kind' => (string) $p['author_kind'], 'author' => cloudacct_label(cloudacct_labels('actor_kind'), $p['author_kind']),
            'files' => cloudacct_attachment_links($p['attachments']));
    }
    $company = null;
    try {
        $company = cloudacct_area('People\Clients')->get($staff, (int) $job['client_id']);
    } catch (Exception $e) {
        $company = null; // not their client: the job alone
    }
    $job['files'] = cloudacct_attachment_links(isset($job['attachments']) ? $job['attachments'] : array());
    $actions = array_flip(isset($job['actions']) ? $job['actions'] : array());
    return array('job' => $job, 'entries' => $entries, 'company' => $company,
        'can' => array('start' => isset($actions['start']), 'ask' => isset($actions['ask_client']), 'replied' => isset($actions['client_replied']),
            'complete' => isset($actions['complete']), 'release' => isset($actions['release']),
            'progress' => in_array($job['status'], array('assigned', 'in_progress', 'waiting_client', 'done'), true)));
}

/** The work actions of an employee on a job: what each one says when it succeeded. */
function cloudacct_staff_job_ops()
{
    return array('start' => '已开始办理', 'progress' => '进度已发布', 'ask' => '已通知客户补充资料', 'replied' => '已记录客户答复',
        'complete' => '已标记为办理完成', 'release' => '已退回抢单池');
}

/** Runs one work action ($op of cloudacct_staff_job_ops()) of the employee on a job. */
function cloudacct_do_staff_job_op($staff, $id, $op, $text, $internal, array $files)
{
    $jobs = cloudacct_area('Work\Jobs');
    $id = (int) $id;
    switch ($op) {
        case 'start':
            $jobs->start($staff, $id);
            break;
        case 'progress':
            $jobs->addProgress($staff, $id, (string) $text, (bool) $internal, $files);
            break;
        case 'ask':
            $jobs->askClient($staff, $id, (string) $text, $files);
            break;
        case 'replied':
            $jobs->clientReplied($staff, $id, (string) $text);
            break;
        case 'complete':
            $jobs->complete($staff, $id, (string) $text);
            break;
        case 'release':
            $jobs->release($staff, $id, (string) $text);
            break;
        default:
            throw new CloudacctRefused('不支持的操作。', 'bad_op');
    }
}

/**
 * The companies I am the exclusive accountant of, each with what it owes (Reports::arrears for my
 * clients): ['total', 'items' => [client + 'arrears' => arrears row or null]].
 */
function cloudacct_do_my_clients($staff, $page, $perPage = 20)
{
    $result = cloudacct_area('People\Clients')->search($staff, array('accountant_id' => $staff->id), $page, $perPage);
    $owed = array();
    $reports = cloudacct_area('Ledger\Reports');
    for ($p = 1; $p <= 10; $p++) {
        $r = $reports->arrears($staff, array('accountant_id' => $staff->id), $p, 100);
        foreach ($r['items'] as $row) {
            $owed[(int) $row['client_id']] = $row;
        }
        if ($p * 100 >= $r['total']) {
            break;
        }
    }
    foreach ($result['items'] as $k => $c) {
        $result['items'][$k]['arrears'] = isset($owed[(int) $c['id']]) ? $owed[(int) $c['id']] : null;
    }
    return $result;
}

/** 提醒缴费 now (Dunning::remindNow): the log row (recipients …). */
function cloudacct_do_remind($staff, $clientId)
{
    return cloudacct_area('Ledger\Dunning')->remindNow($staff, (int) $clientId);
}

/**
 * Saves the books of one of my clients for a period (and publishes them when $publish):
 * $data = lines (key => fen or text), files ([name, url, size[, type]]), note, require_confirm.
 * Returns ['id' => book id, 'revision' => published revision or 0]. A failed publish leaves the
 * draft saved and says so.
 */
function cloudacct_do_book_save($staff, $clientId, $period, array $data, $publish)
{
    $books = cloudacct_area('Books\Books');
    $id = $books->save($staff, (int) $clientId, (string) $period, $data);
    $revision = 0;
    if ($publish) {
        try {
            $revision = $books->publish($staff, $id);
        } catch (CloudAcct\Exception $e) {
            throw new CloudacctRefused('草稿已保存，但未发布：' . cloudacct_error_text($e), 'not_published');
        }
    }
    return array('id' => (int) $id, 'revision' => (int) $revision);
}

/**
 * The book lines (figures) posted as text in 元 → what Books::save takes: amounts in fen through
 * CloudAcct\Money::parse, text lines as they are; '' lines left out. A bad amount throws a
 * CloudacctRefused naming the line.
 */
function cloudacct_book_lines_from_input(array $lines, array $posted)
{
    $out = array();
    foreach ($lines as $l) {
        $raw = isset($posted[$l['key']]) && is_scalar($posted[$l['key']]) ? trim(str_replace("\r\n", "\n", (string) $posted[$l['key']])) : '';
        if ($raw === '') {
            continue;
        }
        if ($l['kind'] !== 'amount') {
            $out[$l['key']] = $raw;
            continue;
        }
        try {
            $out[$l['key']] = CloudAcct\Money::parse(str_replace(array(',', '，', '¥', ' '), '', $raw), true);
        } catch (Exception $e) {
            throw new CloudacctRefused('“' . $l['label'] . '”：' . cloudacct_error_text($e), 'validation');
        } catch (Error $e) {
            throw new CloudacctRefused('“' . $l['label'] . '”金额格式不正确，如 1234.56。', 'validation');
        }
    }
    return $out;
}

/** My rating aggregate and ratings, resolved complaints about me, and my performance this month and last. */
function cloudacct_do_my_scores($staff, $page, $perPage = 20)
{
    $mine = cloudacct_area('Quality\Ratings')->forStaff($staff, $staff->id, $page, $perPage);
    $about = cloudacct_area('Quality\Complaints')->list($staff, array(), 1, 20);
    $performance = cloudacct_area('Quality\Performance');
    $months = array();
    $thisMonth = cloudacct_period();
    foreach (array('this_month' => $thisMonth, 'last_month' => cloudacct_prev_period($thisMonth)) as $k => $p) {
        $months[$k] = array('period' => $p) + $performance->forStaff($staff, $staff->id, $p);
    }
    return array('ratings' => $mine, 'complaints' => $about, 'performance' => $months);
}

// ---------------------------------------------------------------- mini-program uploads

/**
 * The mini-program's way to attach files (wx.uploadFile sends one file per request): each file is
 * uploaded on its own (doPageUpload, the same checks as a page's attachments) and the returned
 * path is then named in the request / reply / progress / complaint. Only paths this session
 * uploaded are accepted there (kept in the session), so nobody can attach somebody else's file.
 */
function cloudacct_upload_remember($path)
{
    if (session_status() !== PHP_SESSION_ACTIVE) {
        return;
    }
    $list = isset($_SESSION['cloudacct_uploads']) && is_array($_SESSION['cloudacct_uploads']) ? $_SESSION['cloudacct_uploads'] : array();
    $list[] = (string) $path;
    $_SESSION['cloudacct_uploads'] = array_slice($list, -50);
}

/** The attachment paths named in $field (a list or one comma-separated text): each must be one of this session's uploads. */
function cloudacct_uploaded_refs($field)
{
    $refs = cloudacct_list($field);
    if (!$refs) {
        return array();
    }
    if (count($refs) > CLOUDACCT_ATTACHMENT_COUNT) {
        throw new CloudacctRefused('附件最多 ' . CLOUDACCT_ATTACHMENT_COUNT . ' 个。', 'validation');
    }
    $mine = isset($_SESSION['cloudacct_uploads']) && is_array($_SESSION['cloudacct_uploads']) ? $_SESSION['cloudacct_uploads'] : array();
    foreach ($refs as $r) {
        if (!in_array($r, $mine, true)) {
            throw new CloudacctRefused('附件无效：请先上传文件（只能使用本次上传的文件）。', 'validation');
        }
    }
    return array_values(array_unique($refs));
}

/** Forgets uploads once a write used them (a path is attached once). */
function cloudacct_uploads_used(array $refs)
{
    if ($refs && isset($_SESSION['cloudacct_uploads']) && is_array($_SESSION['cloudacct_uploads'])) {
        $_SESSION['cloudacct_uploads'] = array_values(array_diff($_SESSION['cloudacct_uploads'], $refs));
    }
}
