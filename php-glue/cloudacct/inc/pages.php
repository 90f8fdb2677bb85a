<?php
/**
 * 云会计 — helpers of the work and money pages (orders, requests, jobs, grab pool, bills,
 * payments, fee plans, dunning, the scheduler): attachments through 微擎's file_upload, labels,
 * and the scheduler passes shared by the direct entry and the CLI command. 微擎 API and the
 * cloudacct extension only; PHP 7.4 compatible.
 */

defined('IN_IA') or exit('Access Denied');

/** What a request or progress entry may carry: extension => 微擎 upload type. */
function cloudacct_attachment_types()
{
    return array('jpg' => 'image', 'jpeg' => 'image', 'png' => 'image', 'gif' => 'image',
        'pdf' => 'audio', 'doc' => 'audio', 'docx' => 'audio', 'xls' => 'audio', 'xlsx' => 'audio', 'zip' => 'audio');
}

/** Largest attachment accepted (bytes); 微擎's own per-type limit applies too. */
const CLOUDACCT_ATTACHMENT_MAX = 10485760;
const CLOUDACCT_ATTACHMENT_COUNT = 9;

/** The uploaded files of a multiple file field (name="attachments[]") as a list of $_FILES-like arrays. */
function cloudacct_uploaded_files($field)
{
    if (empty($_FILES[$field]) || !isset($_FILES[$field]['name'])) {
        return array();
    }
    $f = $_FILES[$field];
    if (!is_array($f['name'])) {
        $f = array('name' => array($f['name']), 'type' => array($f['type']), 'tmp_name' => array($f['tmp_name']),
            'error' => array($f['error']), 'size' => array($f['size']), 'full_path' => array(isset($f['full_path']) ? $f['full_path'] : $f['name']));
    }
    $out = array();
    foreach ($f['name'] as $i => $name) {
        if (!isset($f['error'][$i]) || (int) $f['error'][$i] === UPLOAD_ERR_NO_FILE) {
            continue;
        }
        $out[] = array('name' => (string) $name, 'type' => (string) $f['type'][$i], 'tmp_name' => (string) $f['tmp_name'][$i],
            'error' => (int) $f['error'][$i], 'size' => (int) $f['size'][$i],
            'full_path' => isset($f['full_path'][$i]) ? (string) $f['full_path'][$i] : (string) $name);
    }
    return $out;
}

/**
 * Stores the files of $field through 微擎's file_upload (random names under attachment/) after
 * checking all of them first — count, name (no path, no "..", no NUL), extension, size — so a
 * refused file means nothing is written. Returns the attachment paths, or false with $error set.
 */
function cloudacct_upload_attachments($field, &$error)
{
    $files = cloudacct_uploaded_files($field);
    if (count($files) > CLOUDACCT_ATTACHMENT_COUNT) {
        $error = array('message' => '附件最多 ' . CLOUDACCT_ATTACHMENT_COUNT . ' 个。', 'field' => $field);
        return false;
    }
    $types = cloudacct_attachment_types();
    foreach ($files as $file) {
        $name = $file['name'];
        $shown = (string) preg_replace('/^(.{0,60}).*$/us', '$1', $name);
        foreach (array($name, $file['full_path']) as $n) {
            if ($n === '' || strpos($n, '..') !== false || strpos($n, "\0") !== false || strpbrk($n, '/\\') !== false) {
                $error = array('message' => '附件上传失败：文件名不合法（不能含路径或“..”）。', 'field' => $field);
                return false;
            }
        }
        if ($file['error'] === UPLOAD_ERR_INI_SIZE || $file['error'] === UPLOAD_ERR_FORM_SIZE || $file['size'] > CLOUDACCT_ATTACHMENT_MAX) {
            $error = array('message' => '附件上传失败：' . $shown . ' 超过大小限制（' . (CLOUDACCT_ATTACHMENT_MAX >> 20) . ' MB）。', 'field' => $field);
            return false;
        }
        if ($file['error'] !== UPLOAD_ERR_OK) {
            $error = array('message' => '附件上传失败，请重试。', 'field' => $field);
            return false;
        }
        $ext = strtolower(pathinfo($name, PATHINFO_EXTENSION));
        if (!isset($types[$ext])) {
            $error = array('message' => '附件上传失败：不允许上传此类文件（只允许 ' . implode('、', array_keys($types)) . '）。', 'field' => $field);
            return false;
        }
    }
    $paths = array();
    if ($files) {
        load()->func('file');
    }
    foreach ($files as $file) {
        $ext = strtolower(pathinfo($file['name'], PATHINFO_EXTENSION));
        $r = file_upload($file, $types[$ext]);
        if (is_error($r)) {
            foreach ($paths as $p) {
                file_delete($p);
            }
            $error = array('message' => '附件上传失败：' . $r['message'], 'field' => $field);
            return false;
        }
        $paths[] = $r['path'];
    }
    return $paths;
}

/** Attachment references as links for templates: [['url' => …, 'name' => …, 'image' => bool], …]. */
function cloudacct_attachment_links($refs)
{
    $out = array();
    foreach (is_array($refs) ? $refs : array() as $ref) {
        $path = is_array($ref) ? (isset($ref['path']) ? $ref['path'] : (isset($ref['ref']) ? $ref['ref'] : '')) : (string) $ref;
        if ($path === '') {
            continue;
        }
        $ext = strtolower(pathinfo(parse_url($path, PHP_URL_PATH), PATHINFO_EXTENSION));
        $out[] = array('url' => tomedia($path), 'name' => basename(parse_url($path, PHP_URL_PATH)),
            'image' => in_array($ext, array('jpg', 'jpeg', 'png', 'gif'), true));
    }
    return $out;
}

/** A multi-line text field, raw (not the escaped $_GPC), newlines normalised. */
function cloudacct_text($name)
{
    $json = cloudacct_json_input();
    foreach (array($_POST, $json) as $src) {
        if (isset($src[$name]) && is_string($src[$name])) {
            return str_replace("\r\n", "\n", trim($src[$name]));
        }
    }
    return '';
}

function cloudacct_money_labels($kind)
{
    $all = array(
        'bill_status' => array('open' => '待缴费', 'paid' => '已缴清', 'waived' => '已减免', 'void' => '已作废'),
        'cycle' => array('monthly' => '按月', 'quarterly' => '按季', 'half_yearly' => '按半年', 'yearly' => '按年'),
        'method' => array('cash' => '现金', 'transfer' => '银行转账', 'wechat' => '微信', 'alipay' => '支付宝', 'other' => '其他'),
        'channel' => array('weengine' => '微信支付(微擎)', 'wechat_v3' => '微信支付', 'offline' => '线下收款', 'credit' => '优惠抵扣', 'free' => '免费'),
        'aging' => array('not_due' => '未到期', '1_30' => '逾期1-30天', '31_60' => '逾期31-60天', '61_90' => '逾期61-90天', '90_plus' => '逾期90天以上', 'overdue' => '全部逾期'),
        'dunning_kind' => array('auto' => '自动', 'manual' => '手动'),
    );
    return isset($all[$kind]) ? $all[$kind] : array();
}

function cloudacct_label($labels, $key)
{
    return isset($labels[$key]) ? $labels[$key] : (string) $key;
}

/** "YYYY-MM" of business time (UTC+8) for a unix time. */
function cloudacct_period($ts = null)
{
    $ts = $ts === null ? CloudAcct\Clock::now() : (int) $ts;
    return gmdate('Y-m', $ts + 8 * 3600);
}

function cloudacct_valid_period($p)
{
    return is_string($p) && preg_match('/^\d{4}-(0[1-9]|1[0-2])$/', $p);
}

// ---------------------------------------------------------------- scheduler

/**
 * The scheduler secret: $config['cloudacct']['scheduler_secret'] in 微擎's data/config.php, or
 * the constant CLOUDACCT_SCHEDULER_SECRET defined there. '' when none is configured (the entry
 * then refuses every call).
 */
function cloudacct_scheduler_secret()
{
    static $secret = null;
    if ($secret !== null) {
        return $secret;
    }
    $config = array();
    require IA_ROOT . '/data/config.php';
    $secret = isset($config['cloudacct']['scheduler_secret']) ? (string) $config['cloudacct']['scheduler_secret'] : '';
    if ($secret === '' && defined('CLOUDACCT_SCHEDULER_SECRET')) {
        $secret = (string) constant('CLOUDACCT_SCHEDULER_SECRET');
    }
    return $secret;
}

/**
 * One pass of every due task for one uniacid: the work scheduler (grab windows, silent jobs, SLA,
 * unpaid orders, done jobs, recurring jobs), the billing run of this month (in slices), dunning
 * steps, overdue complaints escalated and resolved ones past the reopen window closed, then the
 * notices sender. $accessToken is fn(bool $force): string or null. Returns what each task did; a
 * failing task is reported and the others still run.
 */
function cloudacct_scheduler_pass(CloudAcct\Store $store, $accessToken, $limit = 100)
{
    $system = CloudAcct\Actor::system('127.0.0.1');
    $report = array();
    $tasks = array(
        'work' => function () use ($store, $system, $limit) {
            return (new CloudAcct\Work\Scheduler($store))->runDue($system, $limit);
        },
        'billing' => function () use ($store, $system) {
            $billing = new CloudAcct\Ledger\Billing($store);
            // A finished month is walked again once a business day (for plans added since), not on
            // every pass: a rerun reads every plan to create nothing.
            $last = $billing->progress($system, cloudacct_period());
            if ($last && $last['status'] === 'done' && $last['finished_at'] > 0
                    && gmdate('Ymd', $last['finished_at'] + 8 * 3600) === gmdate('Ymd', CloudAcct\Clock::now() + 8 * 3600)) {
                return array('period' => $last['period'], 'status' => 'done', 'plans_done' => $last['plans_done'],
                    'plans_total' => $last['plans_total'], 'created_now' => 0, 'busy' => false, 'finished_today' => true);
            }
            $p = $billing->run($system, cloudacct_period(), array('chunk' => 500, 'max_chunks' => 2));
            return array('period' => $p['period'], 'status' => $p['status'], 'plans_done' => $p['plans_done'],
                'plans_total' => $p['plans_total'], 'created_now' => $p['created_now'], 'busy' => !empty($p['busy']));
        },
        'dunning' => function () use ($store, $system, $limit) {
            return (new CloudAcct\Ledger\Dunning($store))->runDue($system, $limit);
        },
        'complaints' => function () use ($store, $system, $limit) {
            $complaints = new CloudAcct\Quality\Complaints($store);
            return array('escalated' => $complaints->escalateOverdue($system, $limit),
                'closed' => $complaints->closeResolved($system, $limit));
        },
        'notices' => function () use ($store, $accessToken, $limit) {
            return (new CloudAcct\Notices\Sender($store, $accessToken))->run($limit * 2);
        },
    );
    foreach ($tasks as $name => $task) {
        try {
            $report[$name] = $task();
        } catch (Exception $e) {
            cloudacct_log($e);
            $report[$name] = array('error' => cloudacct_error_text($e));
        } catch (Error $e) {
            cloudacct_log($e);
            $report[$name] = array('error' => cloudacct_error_text($e));
        }
    }
    return $report;
}

/** Company names by id for list pages (what the actor may not see shows as "#id"). */
function cloudacct_client_names($actor, array $ids)
{
    static $cache = array();
    $out = array();
    foreach (array_unique(array_map('intval', $ids)) as $id) {
        if ($id <= 0) {
            continue;
        }
        if (!isset($cache[$id])) {
            try {
                $cache[$id] = (string) cloudacct_area('People\Clients')->get($actor, $id)['name'];
            } catch (Exception $e) {
                $cache[$id] = '#' . $id;
            }
        }
        $out[$id] = $cache[$id];
    }
    return $out;
}

// ---------------------------------------------------------------- quality (ratings, complaints)

/** A complaint row for templates: dates, a short summary, attachment links. */
function cloudacct_complaint_view(array $c)
{
    $c['created'] = cloudacct_date($c['created_at']);
    $c['resolved'] = !empty($c['resolved_at']) ? cloudacct_date($c['resolved_at']) : '';
    $c['deadline'] = !empty($c['deadline_at']) ? cloudacct_date($c['deadline_at']) : '';
    $c['overdue'] = !empty($c['deadline_at']) && in_array($c['status'], array('open', 'processing'), true) && $c['deadline_at'] < CloudAcct\Clock::now();
    $c['summary'] = preg_match('/^.{41}/us', $c['description']) ? preg_replace('/^(.{40}).*$/us', '$1', $c['description']) . '…' : $c['description'];
    $c['files'] = cloudacct_attachment_links(isset($c['attachments']) ? $c['attachments'] : array());
    $c['job_title'] = isset($c['job_title']) ? (string) $c['job_title'] : '';
    $c['staff_name'] = isset($c['staff_name']) ? (string) $c['staff_name'] : '';
    return $c;
}

/** A complaint's thread for templates: who wrote (the firm's side unnamed for clients and staff), kind, text. */
function cloudacct_complaint_thread(array $thread, $viewer, array $staffNames = array())
{
    $states = cloudacct_complaint_states();
    $out = array();
    foreach ($thread as $n) {
        $who = $n['author_kind'] === 'client' ? ($viewer === 'client' ? '我' : '客户')
            : ($n['author_kind'] === 'system' ? '系统' : ($viewer === 'admin' && $n['author_kind'] === 'admin' ? '管理员 #' . (int) $n['author_id'] : '客服'));
        $out[] = array('kind' => $n['kind'], 'internal' => $n['kind'] === 'internal', 'event' => $n['kind'] === 'event',
            'who' => $who, 'text' => (string) $n['body'], 'at' => cloudacct_date($n['created_at']),
            'change' => $n['kind'] === 'event' ? cloudacct_label($states, $n['from_status']) . ' → ' . cloudacct_label($states, $n['to_status']) : '');
    }
    return $out;
}

function cloudacct_complaint_states()
{
    return array('open' => '待处理', 'processing' => '处理中', 'resolved' => '已解决', 'closed' => '已关闭');
}

/** The month before "YYYY-MM". */
function cloudacct_prev_period($period)
{
    list($y, $m) = array_map('intval', explode('-', $period));
    return gmdate('Y-m', gmmktime(0, 0, 0, $m - 1, 1, $y));
}

/** Performance figures for templates: durations as hours, rates as %, fees in yuan. */
function cloudacct_performance_view(array $f)
{
    $hours = function ($s) {
        return $s === null ? '—' : number_format($s / 3600, 1);
    };
    $f['first_response'] = $hours(isset($f['avg_first_response_seconds']) ? $f['avg_first_response_seconds'] : null);
    $f['completion'] = $hours(isset($f['avg_completion_seconds']) ? $f['avg_completion_seconds'] : null);
    $f['on_time_pct'] = isset($f['on_time_rate']) && $f['on_time_rate'] !== null ? number_format($f['on_time_rate'] * 100, 1) . '%' : '—';
    $f['rating_avg'] = isset($f['rating_average']) && $f['rating_average'] !== null ? number_format($f['rating_average'], 2) : '—';
    $f['fees'] = cloudacct_yuan($f['fees_collected_fen']);
    $f['fees_offline'] = cloudacct_yuan($f['fees_offline_fen']);
    $f['fees_online'] = cloudacct_yuan($f['fees_online_fen']);
    return $f;
}
