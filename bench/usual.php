<?php
/*
 * The "usual PHP module" baseline (issue 8, DESIGN §7): the work section's job operations written
 * the way a 微擎 module is usually written — PHP over 微擎's pdo_* helpers (bench/usual_db.inc, a
 * local re-implementation of their documented behaviour), in the read-check-write shape: load
 * the job (and the staff member, the client binding, the settings) with pdo_get, check state,
 * ownership and caps in PHP, then in one transaction a conditional pdo_update of the job, the
 * counters, and pdo_insert of the history, audit and outbox rows. It does the same business work
 * as the extension's operation — the same rows result (see `compare`, run by bench/run) — with
 * the same inputs as bench/work_ops.php's stage, from the same starting data.
 *
 *   php usual.php stage NAME    grab|start|progress|ask|reply|complete|close|pay over
 *                               work_ops.php's items; prints "<operations> <seconds> <statements>"
 *   php usual.php dump          every module table of the bench database, one sorted line per row
 *   php usual.php compare A B   exit 1 (and print the differences) if two dumps differ
 *
 * Needs pdo_mysql only (no extension). Time is 微擎's TIMESTAMP, fixed per request; USUAL_NOW
 * sets it (the comparison freezes both sides' clocks at one instant: bench/usual_freeze.php).
 */

declare(strict_types=1);

require __DIR__ . '/usual_db.inc';

const USUAL_STAGES = ['grab', 'start', 'progress', 'ask', 'reply', 'complete', 'close', 'pay'];
const USUAL_UNIACID = 1;
define('TIMESTAMP', (int) (getenv('USUAL_NOW') ?: time()));

/* ---- the module's own helpers (what a module keeps in its common functions file) ---- */

const JOB_STATES = ['open' => '待抢单', 'assigned' => '已分配', 'in_progress' => '办理中', 'waiting_client' => '待客户补充',
    'done' => '已完成', 'closed' => '已关闭', 'escalated' => '已升级(待指派)', 'cancelled' => '已取消'];
/* event => [to, actor kinds, from states] (the events these pages offer) */
const JOB_EVENTS = [
    'grab' => ['assigned', ['staff'], ['open']],
    'start' => ['in_progress', ['staff'], ['assigned']],
    'ask_client' => ['waiting_client', ['staff'], ['in_progress']],
    'client_replied' => ['in_progress', ['client', 'staff'], ['waiting_client']],
    'complete' => ['done', ['staff', 'admin'], ['in_progress']],
    'close' => ['closed', ['client', 'admin', 'system'], ['done']],
];
const SLA_RUNNING = ['open', 'assigned', 'in_progress', 'escalated'];
const OPEN_WORK = ['assigned', 'in_progress', 'waiting_client'];

function usual_error(string $message): never
{
    throw new RuntimeException($message);
}

function usual_json(array $v): string
{
    return json_encode($v, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
}

function usual_text(string $label, string $text, int $max): string
{
    $text = trim($text);
    // 微擎's istrlen() counts characters; no mbstring needed
    $chars = preg_match_all('/./us', $text);
    if ($text === '' || $chars === false || $chars > $max) {
        usual_error("{$label}须为 1–{$max} 个字");
    }
    return $text;
}

function usual_audit(array $actor, string $action, int $jobId, array $detail): void
{
    pdo_insert('cloudacct_audit', ['uniacid' => USUAL_UNIACID, 'actor_kind' => $actor['kind'], 'actor_id' => $actor['id'],
        'action' => $action, 'object_type' => 'job', 'object_id' => $jobId, 'detail' => usual_json($detail),
        'ip' => $actor['ip'], 'created_at' => TIMESTAMP]);
}

function usual_history(array $actor, int $jobId, string $from, string $to, string $event, int $assigneeFrom,
    int $assigneeTo, string $note = ''): void
{
    pdo_insert('cloudacct_job_history', ['uniacid' => USUAL_UNIACID, 'job_id' => $jobId, 'from_status' => $from,
        'to_status' => $to, 'event' => $event, 'actor_kind' => $actor['kind'], 'actor_id' => $actor['id'],
        'assignee_from' => $assigneeFrom, 'assignee_to' => $assigneeTo, 'note' => $note, 'created_at' => TIMESTAMP]);
}

/** A template message queued for the sender (an outbox row in the same transaction). */
function usual_notice(string $kind, int $recipient, string $template, array $payload, string $dedup): void
{
    pdo_insert('cloudacct_outbox', ['uniacid' => USUAL_UNIACID, 'recipient_kind' => $kind, 'recipient_id' => $recipient,
        'channel' => 'auto', 'template' => $template, 'payload' => usual_json($payload), 'dedup_key' => $dedup,
        'next_attempt_at' => TIMESTAMP, 'created_at' => TIMESTAMP]);
}

function usual_job_notice(string $kind, int $recipient, string $template, array $job, int $seq, string $note = ''): void
{
    $payload = ['job_id' => (int) $job['id'], 'title' => $job['title']];
    if ($note !== '') {
        $payload['note'] = $note;
    }
    usual_notice($kind, $recipient, $template, $payload, "$template:{$job['id']}:$seq:$kind:$recipient");
}

/** The job, if this actor may see it; otherwise "not found". */
function usual_load_job(array $actor, int $id): array
{
    $job = pdo_get('cloudacct_job', ['uniacid' => USUAL_UNIACID, 'id' => $id]);
    $ok = false;
    if ($job) {
        if ($actor['kind'] === 'staff') {
            $ok = (int) $job['assignee_id'] === $actor['id'];
        } elseif ($actor['kind'] === 'client') {
            $ok = pdo_exists('cloudacct_client_contact', ['uniacid' => USUAL_UNIACID, 'client_id' => $job['client_id'],
                'contact_id' => $actor['id']]);
        } else {
            $ok = true;
        }
    }
    if (!$ok) {
        usual_error("工单不存在或无权查看 (job $id not found)");
    }
    return $job;
}

/* ---- the working calendar (business seconds for the SLA), as a module would write it ---- */

function usual_calendar(): array
{
    $cal = ['tz' => 28800, 'weekend' => [0, 6], 'day' => [9 * 3600, 18 * 3600], 'break' => [12 * 3600, 13 * 3600], 'ex' => []];
    $raw = pdo_getcolumn('cloudacct_setting', ['uniacid' => USUAL_UNIACID, 'name' => 'work_calendar'], 'value');
    $set = is_string($raw) ? json_decode($raw, true) : null;
    if (is_array($set)) {
        $hm = fn($s) => is_string($s) && preg_match('/^(\d\d):(\d\d)$/', $s, $m) ? $m[1] * 3600 + $m[2] * 60 : null;
        $cal['day'] = [$hm($set['day_start'] ?? null) ?? $cal['day'][0], $hm($set['day_end'] ?? null) ?? $cal['day'][1]];
        $cal['break'] = ($set['break_start'] ?? '') === '' ? [0, 0] : [$hm($set['break_start']), $hm($set['break_end'])];
        $cal['weekend'] = $set['weekend'] ?? $cal['weekend'];
        foreach ($set['exceptions'] ?? [] as $e) {
            $cal['ex'][$e['date']] = (bool) $e['workday'];
        }
    }
    $cal['iv'] = $cal['break'][0] === $cal['break'][1] ? [$cal['day']]
        : [[$cal['day'][0], $cal['break'][0]], [$cal['break'][1], $cal['day'][1]]];
    return $cal;
}

function usual_workday(array $cal, int $day): bool
{
    $date = gmdate('Y-m-d', $day * 86400);
    return $cal['ex'][$date] ?? !in_array(($day + 4) % 7, $cal['weekend'], true);
}

/** Working seconds of a workday in [s0, s1) (seconds after local midnight). */
function usual_overlap(array $cal, int $s0, int $s1): int
{
    $sum = 0;
    foreach ($cal['iv'] as [$a, $b]) {
        $sum += max(0, min($b, $s1) - max($a, $s0));
    }
    return $sum;
}

function usual_between(array $cal, int $a, int $b): int
{
    if ($b <= $a) {
        return 0;
    }
    [$da, $db] = [intdiv($a + $cal['tz'], 86400), intdiv($b + $cal['tz'], 86400)];
    $total = 0;
    for ($d = $da; $d <= $db; $d++) {
        if (usual_workday($cal, $d)) {
            $total += usual_overlap($cal, $d === $da ? $a + $cal['tz'] - $d * 86400 : 0,
                $d === $db ? $b + $cal['tz'] - $d * 86400 : 86400);
        }
    }
    return $total;
}

/** The instant $x > 0 working seconds after $start. */
function usual_add(array $cal, int $start, int $x): int
{
    $day = intdiv($start + $cal['tz'], 86400);
    $sec = $start + $cal['tz'] - $day * 86400;
    for ($n = 0; $n < 1096; $n++, $day++, $sec = 0) {
        if (!usual_workday($cal, $day)) {
            continue;
        }
        foreach ($cal['iv'] as [$a, $b]) {
            if ($b <= $sec) {
                continue;
            }
            $from = max($a, $sec);
            if ($x <= $b - $from) {
                return $day * 86400 + $from + $x - $cal['tz'];
            }
            $x -= $b - $from;
        }
    }
    usual_error('办理时限超出三年，无法计算 (SLA beyond the calendar)');
}

/* ---- moving a job ---- */

/**
 * One step of the job lifecycle: check the event is allowed, then in one transaction the
 * conditional update of the job, the staff counter, the history, the caller's extra rows,
 * the audit entry and the notices.
 */
function usual_step(array $actor, array $job, string $event, string $note, callable $extra, callable $notices): void
{
    [$to, $kinds, $froms] = JOB_EVENTS[$event];
    $from = $job['status'];
    if (!in_array($from, $froms, true)) {
        usual_error('工单当前状态为“' . (JOB_STATES[$from] ?? $from) . "”，不能执行该操作 (cannot $event a job that is $from)");
    }
    if (!in_array($actor['kind'], $kinds, true)) {
        usual_error("您不能对该工单执行该操作 (not allowed for {$actor['kind']})");
    }
    if ($actor['kind'] === 'staff' && (int) $job['assignee_id'] !== $actor['id']) {
        usual_error('只有负责该工单的员工可以操作 (only the assignee may do this)');
    }
    if ($event === 'complete' && $job['source'] === 'recurring') {
        usual_error('the books filing check of recurring jobs is not written in this baseline');
    }
    $set = ['status' => $to, 'state_at' => TIMESTAMP, 'updated_at' => TIMESTAMP, 'lease_until' => 0, 'lease_token' => null,
        'version +=' => 1];
    if ($event === 'start') {
        $set += ['last_progress_at' => TIMESTAMP, 'silent' => 0];
    } elseif ($event === 'complete') {
        $set += ['done_at' => TIMESTAMP, 'silent' => 0];
    } elseif ($event === 'close') {
        $set += ['closed_at' => TIMESTAMP, 'grab_deadline' => 0, 'silent' => 0];
    }
    pdo_begin();
    try {
        // the SLA clock runs while the firm owes the work
        $was = in_array($from, SLA_RUNNING, true);
        if ((int) $job['sla_total_seconds'] > 0 && $was !== in_array($to, SLA_RUNNING, true)) {
            $cal = usual_calendar();
            if ($was) {
                $spent = (int) $job['sla_resumed_at'] > 0 ? usual_between($cal, (int) $job['sla_resumed_at'], TIMESTAMP) : 0;
                $used = (int) $job['sla_used_seconds'] + $spent;
                if (!$job['sla_breached'] && $used > (int) $job['sla_total_seconds']) {
                    usual_error('recording an SLA breach is not written in this baseline');
                }
                $set += ['sla_used_seconds' => $used, 'sla_resumed_at' => 0, 'due_at' => 0];
            } else {
                $left = (int) $job['sla_total_seconds'] - (int) $job['sla_used_seconds'];
                $set += ['sla_resumed_at' => TIMESTAMP, 'due_at' => $left > 0 ? usual_add($cal, TIMESTAMP, $left) : TIMESTAMP];
            }
        }
        if (!pdo_update('cloudacct_job', $set, ['id' => $job['id'], 'uniacid' => USUAL_UNIACID, 'status' => $from])) {
            usual_error('工单刚被他人更新，请刷新后重试 (the job changed meanwhile)');
        }
        $assignee = (int) $job['assignee_id'];
        if ($assignee && in_array($from, OPEN_WORK, true) && !in_array($to, OPEN_WORK, true)) {
            pdo_update('cloudacct_staff', ['open_jobs -=' => 1], ['id' => $assignee, 'uniacid' => USUAL_UNIACID, 'open_jobs >' => 0]);
        }
        usual_history($actor, (int) $job['id'], $from, $to, $event, $assignee, $assignee, $note);
        $extra();
        $detail = ['from' => $from, 'to' => $to];
        if ($note !== '') {
            $detail['note'] = $note;
        }
        usual_audit($actor, "job_$event", (int) $job['id'], $detail);
        $notices((int) $job['version'] + 1);
        pdo_commit();
    } catch (Throwable $e) {
        pdo_rollback();
        throw $e;
    }
}

/** A progress entry; work by the firm's side also clears the job's silence. */
function usual_progress_row(array $actor, array $job, string $text): int
{
    pdo_insert('cloudacct_job_progress', ['uniacid' => USUAL_UNIACID, 'job_id' => $job['id'], 'author_kind' => $actor['kind'],
        'author_id' => $actor['id'], 'body' => $text, 'visibility' => 'client', 'created_at' => TIMESTAMP]);
    $pid = pdo_insertid();
    if ($actor['kind'] === 'staff' || $actor['kind'] === 'admin') {
        pdo_update('cloudacct_job', ['last_progress_at' => TIMESTAMP, 'silent' => 0], ['id' => $job['id'], 'uniacid' => USUAL_UNIACID]);
    }
    return $pid;
}

/* ---- the operations (what the module's mobile pages do after resolving who is asking) ---- */

function usual_grab(array $staff, int $id): void
{
    $job = pdo_get('cloudacct_job', ['uniacid' => USUAL_UNIACID, 'id' => $id]);
    $me = pdo_get('cloudacct_staff', ['uniacid' => USUAL_UNIACID, 'id' => $staff['id']]);
    if (!$job || ($job['store_id'] && $me && $me['store_id'] != $job['store_id'])) {
        usual_error("工单不存在或无权查看 (job $id not found)");
    }
    if (!$me || !$me['active']) {
        usual_error('您的员工账号不可用，请联系管理员 (staff account inactive)');
    }
    if ($job['status'] !== 'open') {
        usual_error('手慢了，该工单已被抢走 (already taken)');
    }
    if ($job['skill'] !== '' && !pdo_exists('cloudacct_staff_skill', ['uniacid' => USUAL_UNIACID, 'staff_id' => $me['id'],
            'skill' => $job['skill']])) {
        usual_error("该工单需要“{$job['skill']}”技能，您暂时不能抢 (skill required)");
    }
    if (!$me['on_duty']) {
        usual_error('您当前不在岗，请先上岗再抢单 (off duty)');
    }
    if ($me['open_jobs'] >= $me['open_job_cap']) {
        usual_error("您手上的工单已达上限（{$me['open_job_cap']} 个），请先完成一些再抢 (open-job cap reached)");
    }
    pdo_begin();
    try {
        $won = pdo_update('cloudacct_job', ['status' => 'assigned', 'assignee_id' => $me['id'], 'assigned_at' => TIMESTAMP,
            'grab_deadline' => 0, 'last_progress_at' => TIMESTAMP, 'silent' => 0, 'state_at' => TIMESTAMP,
            'updated_at' => TIMESTAMP, 'lease_until' => 0, 'lease_token' => null, 'version +=' => 1],
            ['id' => $id, 'uniacid' => USUAL_UNIACID, 'status' => 'open']);
        if (!$won) {
            usual_error('手慢了，该工单已被抢走 (already taken)');
        }
        pdo_update('cloudacct_staff', ['open_jobs +=' => 1], ['id' => $me['id'], 'uniacid' => USUAL_UNIACID]);
        usual_history($staff, $id, 'open', 'assigned', 'grab', 0, (int) $me['id']);
        usual_audit($staff, 'job_grab', $id, ['assignee' => (int) $me['id']]);
        if ($job['contact_id']) {
            usual_job_notice('client', (int) $job['contact_id'], 'job_assigned', $job, (int) $job['version'] + 1);
        }
        pdo_commit();
    } catch (Throwable $e) {
        pdo_rollback();
        throw $e;
    }
}

function usual_start(array $staff, int $id): void
{
    $job = usual_load_job($staff, $id);
    usual_step($staff, $job, 'start', '', fn() => null, function (int $seq) use ($job) {
        if ($job['contact_id']) {
            usual_job_notice('client', (int) $job['contact_id'], 'job_started', $job, $seq);
        }
    });
}

function usual_add_progress(array $staff, int $id, string $text): int
{
    $text = usual_text('进展内容', $text, 2000);
    $job = usual_load_job($staff, $id);
    if (in_array($job['status'], ['closed', 'cancelled'], true)) {
        usual_error('工单' . JOB_STATES[$job['status']] . "，不能再添加进展 (the job is {$job['status']})");
    }
    pdo_begin();
    try {
        $pid = usual_progress_row($staff, $job, $text);
        usual_audit($staff, 'job_progress', $id, ['progress_id' => $pid, 'internal' => false]);
        if ($job['contact_id']) {
            usual_job_notice('client', (int) $job['contact_id'], 'job_progress', $job, -$pid);
        }
        pdo_commit();
    } catch (Throwable $e) {
        pdo_rollback();
        throw $e;
    }
    return $pid;
}

function usual_ask_client(array $staff, int $id, string $question): void
{
    $question = usual_text('说明', $question, 2000);
    $job = usual_load_job($staff, $id);
    usual_step($staff, $job, 'ask_client', $question, fn() => usual_progress_row($staff, $job, $question),
        function (int $seq) use ($job, $question) {
            if ($job['contact_id']) {
                usual_job_notice('client', (int) $job['contact_id'], 'job_waiting_client', $job, $seq, $question);
            }
        });
}

function usual_client_replied(array $client, int $id, string $answer): void
{
    $answer = usual_text('回复', $answer, 2000);
    $job = usual_load_job($client, $id);
    usual_step($client, $job, 'client_replied', $answer, fn() => usual_progress_row($client, $job, $answer),
        function (int $seq) use ($job, $answer) {
            usual_job_notice('staff', (int) $job['assignee_id'], 'job_progress', $job, $seq, $answer);
        });
}

function usual_complete(array $staff, int $id, string $note): void
{
    $note = $note === '' ? '' : usual_text('备注', $note, 500);
    $job = usual_load_job($staff, $id);
    usual_step($staff, $job, 'complete', $note, function () use ($job) {
        // quality: ask the client to rate, unless the job is rated already
        if (!pdo_exists('cloudacct_rating', ['uniacid' => USUAL_UNIACID, 'job_id' => $job['id']])) {
            if (!$job['contact_id']) {
                usual_error('rating reminders to every contact of a client are not written in this baseline');
            }
            usual_notice('client', (int) $job['contact_id'], 'rating_request', ['job_id' => (int) $job['id'],
                'title' => $job['title']], "rating_request:{$job['id']}:{$job['contact_id']}");
        }
    }, function (int $seq) use ($job, $note) {
        if ($job['contact_id']) {
            usual_job_notice('client', (int) $job['contact_id'], 'job_done', $job, $seq, $note);
        }
    });
}

function usual_close(array $client, int $id): void
{
    $job = usual_load_job($client, $id);
    if ($job['order_id']) {
        usual_error('fulfilling the order of a job is not written in this baseline');
    }
    usual_step($client, $job, 'close', '', fn() => null, function (int $seq) use ($job, $client) {
        if ($job['assignee_id'] && $client['kind'] !== 'staff') {
            usual_job_notice('staff', (int) $job['assignee_id'], 'job_closed', $job, $seq);
        }
    });
}

/* ---- money: an offline payment (收款登记), as a module's admin page would post it ---- */

function usual_period_next(int $period, int $months): int
{
    $m = intdiv($period, 100) * 12 + $period % 100 - 1 + $months;
    return intdiv($m, 12) * 100 + $m % 12 + 1;
}

/** 已缴至 of a plan: through the last period whose bill is settled (or paused) without a gap. */
function usual_paid_through(array $plan, array $bills, array $pauses): int
{
    $through = usual_period_next(usual_period_next((int) $plan['start_period'], (int) $plan['prepaid_periods']), -1);
    $horizon = 0;
    foreach ($bills as $b) {
        $horizon = max($horizon, (int) $b['period_to']);
    }
    $paused = function (int $p) use ($pauses) {
        foreach ($pauses as $x) {
            if ($x['from_period'] <= $p && ($x['to_period'] == 0 || $p <= $x['to_period'])) {
                return true;
            }
        }
        return false;
    };
    $i = 0;
    $n = count($bills);
    for (;;) {
        $next = usual_period_next($through, 1);
        if ($plan['end_period'] != 0 && $next > $plan['end_period']) {
            break;
        }
        while ($i < $n && $bills[$i]['period_to'] < $next) {
            $i++;
        }
        if ($i < $n && $bills[$i]['period'] <= $next) {
            if ($bills[$i]['status'] === 'open') {
                break;
            }
            $through = (int) $bills[$i]['period_to'];
            $i++;
        } elseif ($next <= $horizon && $paused($next)) {
            $through = $next;
        } else {
            break;
        }
    }
    return max(0, $through);
}

function usual_pay_offline(array $admin, int $clientId, int $amount, string $receipt): array
{
    if ($clientId <= 0 || $amount <= 0) {
        usual_error('客户和金额须为正数 (client and amount must be positive)');
    }
    if (!preg_match('/^[\x21-\x7e]{1,64}$/', $receipt)) {
        usual_error('“收据号”须为 1 到 64 个字母、数字或符号，不含空格 (receipt_no)');
    }
    $client = pdo_get('cloudacct_client', ['uniacid' => USUAL_UNIACID, 'id' => $clientId], ['id', 'store_id', 'accountant_id']);
    $stores = $client ? pdo_getall('cloudacct_admin_store', ['uniacid' => USUAL_UNIACID, 'we7_uid' => $admin['id']], ['store_id']) : [];
    if (!$client || ($stores && !in_array($client['store_id'], array_column($stores, 'store_id')))) {
        usual_error("客户不存在或无权查看 (client $clientId not found)");
    }
    $today = (int) gmdate('Ymd', TIMESTAMP + 28800);
    $period = intdiv($today, 100);
    pdo_begin();
    try {
        $bal = pdo_fetch('SELECT * FROM ' . tablename('cloudacct_client_balance') . ' WHERE uniacid = ? AND client_id = ? FOR UPDATE',
            [USUAL_UNIACID, $clientId]);
        if (!$bal) {
            pdo_insert('cloudacct_client_balance', ['uniacid' => USUAL_UNIACID, 'client_id' => $clientId,
                'store_id' => $client['store_id'], 'accountant_id' => $client['accountant_id'], 'updated_at' => TIMESTAMP]);
            $bal = ['balance_fen' => 0, 'outstanding_fen' => 0, 'credit_fen' => 0, 'open_bills' => 0, 'oldest_open_due' => 0,
                'paid_through' => 0, 'entries' => 0];
        }
        $dup = pdo_get('cloudacct_payment', ['uniacid' => USUAL_UNIACID, 'channel' => 'offline', 'external_id' => $receipt],
            ['id', 'client_id', 'amount_fen']);
        if ($dup) {
            if ($dup['client_id'] != $clientId || $dup['amount_fen'] != $amount) {
                usual_error("收据号 $receipt 已用于另一笔收款，请核对 (receipt number already used)");
            }
            pdo_rollback();
            return pdo_get('cloudacct_payment', ['uniacid' => USUAL_UNIACID, 'id' => $dup['id']]) + ['duplicate' => true];
        }
        // receipt number: prefix + business date + the day's sequence
        $prefix = pdo_getcolumn('cloudacct_setting', ['uniacid' => USUAL_UNIACID, 'name' => 'receipt_prefix'], 'value');
        $prefix = $prefix === false ? 'SK' : substr(preg_replace('/[^0-9A-Za-z]/', '', (string) json_decode($prefix)), 0, 8);
        $seq = pdo_fetch('SELECT last_no FROM ' . tablename('cloudacct_receipt_seq') . ' WHERE uniacid = ? AND day = ? FOR UPDATE',
            [USUAL_UNIACID, $today]);
        if ($seq) {
            $no = (int) $seq['last_no'] + 1;
            pdo_update('cloudacct_receipt_seq', ['last_no' => $no], ['uniacid' => USUAL_UNIACID, 'day' => $today]);
        } else {
            $no = 1;
            pdo_insert('cloudacct_receipt_seq', ['uniacid' => USUAL_UNIACID, 'day' => $today, 'last_no' => 1]);
        }
        $receiptNo = sprintf('%s%08d%04d', $prefix, $today, $no);
        pdo_insert('cloudacct_payment', ['uniacid' => USUAL_UNIACID, 'client_id' => $clientId, 'channel' => 'offline',
            'external_id' => $receipt, 'receipt_no' => $receiptNo, 'amount_fen' => $amount, 'method' => 'cash',
            'target_kind' => '', 'target_id' => 0, 'intent_id' => 0, 'reference' => '', 'payer' => '', 'note' => '',
            'period' => $period, 'paid_at' => TIMESTAMP, 'recorded_by_kind' => $admin['kind'],
            'recorded_by_id' => $admin['id'], 'created_at' => TIMESTAMP]);
        $paymentId = pdo_insertid();
        // the dashboard's money-in per month, store and channel
        pdo_query('INSERT INTO ' . tablename('cloudacct_collect_month') . ' (uniacid, period, store_id, channel, payments,'
            . ' received_fen, refunded_fen) VALUES (?, ?, ?, ?, 1, ?, 0) ON DUPLICATE KEY UPDATE payments = payments + 1,'
            . ' received_fen = received_fen + VALUES(received_fen)', [USUAL_UNIACID, $period, $client['store_id'], 'offline', $amount]);
        pdo_insert('cloudacct_ledger_entry', ['uniacid' => USUAL_UNIACID, 'client_id' => $clientId, 'kind' => 'payment',
            'amount_fen' => -$amount, 'bill_id' => 0, 'order_id' => 0, 'payment_id' => $paymentId, 'refund_id' => 0,
            'reverses_id' => null, 'period' => $period, 'memo' => "线下收款 $receiptNo", 'actor_kind' => $admin['kind'],
            'actor_id' => $admin['id'], 'created_at' => TIMESTAMP]);
        $credit = (int) $bal['credit_fen'] + $amount;
        $summary = ['balance_fen' => (int) $bal['balance_fen'] - $amount, 'outstanding_fen' => (int) $bal['outstanding_fen'],
            'open_bills' => (int) $bal['open_bills'], 'oldest_open_due' => (int) $bal['oldest_open_due'],
            'paid_through' => (int) $bal['paid_through'], 'entries' => (int) $bal['entries'] + 1];

        // unapplied money pays the open bills, oldest due first
        $bills = pdo_fetchall('SELECT * FROM ' . tablename('cloudacct_bill') . " WHERE uniacid = ? AND client_id = ?"
            . " AND status = 'open' ORDER BY due_date, period, id LIMIT 200 FOR UPDATE", [USUAL_UNIACID, $clientId]);
        $plans = [];
        if ($bills) {
            $pays = pdo_fetchall('SELECT id, amount_fen, allocated_fen, refunded_fen FROM ' . tablename('cloudacct_payment')
                . " WHERE uniacid = ? AND client_id = ? AND status = 'posted' AND amount_fen > allocated_fen + refunded_fen"
                . ' ORDER BY paid_at, id LIMIT 200 FOR UPDATE', [USUAL_UNIACID, $clientId]);
            $b = 0;
            foreach ($pays as $pay) {
                $avail = $pay['amount_fen'] - $pay['allocated_fen'] - $pay['refunded_fen'];
                while ($avail > 0 && $b < count($bills)) {
                    $bill = &$bills[$b];
                    $owed = $bill['amount_fen'] - $bill['paid_fen'] - $bill['waived_fen'];
                    if ($owed <= 0) {
                        $b++;
                        continue;
                    }
                    $x = min($avail, $owed);
                    pdo_insert('cloudacct_allocation', ['uniacid' => USUAL_UNIACID, 'client_id' => $clientId,
                        'payment_id' => $pay['id'], 'bill_id' => $bill['id'], 'order_id' => 0, 'amount_fen' => $x,
                        'created_at' => TIMESTAMP]);
                    pdo_update('cloudacct_payment', ['allocated_fen +=' => $x], ['uniacid' => USUAL_UNIACID, 'id' => $pay['id']]);
                    $bill['paid_fen'] += $x;
                    $open = $bill['amount_fen'] - $bill['paid_fen'] - $bill['waived_fen'] > 0;
                    pdo_update('cloudacct_bill', ['paid_fen' => $bill['paid_fen'], 'waived_fen' => $bill['waived_fen'],
                        'status' => $open ? 'open' : ($bill['paid_fen'] > 0 ? 'paid' : 'waived'),
                        'settled_at' => $open ? 0 : TIMESTAMP], ['uniacid' => USUAL_UNIACID, 'id' => $bill['id']]);
                    if (!$open && $bill['plan_id'] > 0) {
                        $plans[$bill['plan_id']] = true;
                    }
                    unset($bill);
                    $avail -= $x;
                    $credit -= $x;
                }
            }
            $agg = pdo_fetch('SELECT COUNT(*) AS n, SUM(amount_fen - paid_fen - waived_fen) AS owed, MIN(due_date) AS oldest FROM '
                . tablename('cloudacct_bill') . " WHERE uniacid = ? AND client_id = ? AND status = 'open'", [USUAL_UNIACID, $clientId]);
            $summary['open_bills'] = (int) $agg['n'];
            $summary['outstanding_fen'] = (int) $agg['owed'];
            $summary['oldest_open_due'] = (int) $agg['oldest'];
        }
        // 已缴至 of each plan whose bill was settled, then of the client (the least active plan)
        foreach (array_keys($plans) as $planId) {
            $plan = pdo_get('cloudacct_fee_plan', ['uniacid' => USUAL_UNIACID, 'id' => $planId]);
            if (!$plan) {
                continue;
            }
            $planBills = pdo_getall('cloudacct_bill', ['uniacid' => USUAL_UNIACID, 'plan_id' => $planId],
                ['period', 'period_to', 'status'], '', 'period');
            $pauses = pdo_getall('cloudacct_plan_pause', ['uniacid' => USUAL_UNIACID, 'plan_id' => $planId],
                ['from_period', 'to_period']);
            pdo_update('cloudacct_fee_plan', ['paid_through' => usual_paid_through($plan, $planBills, $pauses)],
                ['uniacid' => USUAL_UNIACID, 'id' => $planId]);
        }
        if ($plans) {
            $through = 0;
            $active = null;
            foreach (pdo_getall('cloudacct_fee_plan', ['uniacid' => USUAL_UNIACID, 'client_id' => $clientId],
                    ['status', 'paid_through']) as $p) {
                $through = max($through, (int) $p['paid_through']);
                if ($p['status'] === 'active') {
                    $active = $active === null ? (int) $p['paid_through'] : min($active, (int) $p['paid_through']);
                }
            }
            $summary['paid_through'] = $active ?? $through;
        }
        pdo_update('cloudacct_client_balance', $summary + ['credit_fen' => $credit, 'updated_at' => TIMESTAMP],
            ['uniacid' => USUAL_UNIACID, 'client_id' => $clientId]);
        pdo_insert('cloudacct_audit', ['uniacid' => USUAL_UNIACID, 'actor_kind' => $admin['kind'], 'actor_id' => $admin['id'],
            'action' => 'payment_offline', 'object_type' => 'payment', 'object_id' => $paymentId,
            'detail' => usual_json(['client_id' => $clientId, 'amount_fen' => $amount, 'receipt' => $receipt]),
            'ip' => $admin['ip'], 'created_at' => TIMESTAMP]);
        foreach (pdo_getall('cloudacct_client_contact', ['uniacid' => USUAL_UNIACID, 'client_id' => $clientId], ['contact_id'],
                '', 'contact_id', 20) as $c) {
            usual_notice('client', (int) $c['contact_id'], 'payment_received', ['client_id' => $clientId,
                'payment_id' => $paymentId, 'amount' => sprintf('%d.%02d', intdiv($amount, 100), $amount % 100)],
                "pay-$paymentId-c{$c['contact_id']}");
        }
        pdo_commit();
    } catch (Throwable $e) {
        pdo_rollback();
        throw $e;
    }
    // the receipt page shows the payment and what it paid
    $payment = pdo_get('cloudacct_payment', ['uniacid' => USUAL_UNIACID, 'id' => $paymentId]);
    $payment['allocations'] = pdo_getall('cloudacct_allocation', ['uniacid' => USUAL_UNIACID, 'client_id' => $clientId,
        'payment_id' => $paymentId], ['bill_id', 'order_id', 'amount_fen']);
    return $payment + ['duplicate' => false];
}

/* ---- commands ---- */

$cmd = $argv[1] ?? '';

if ($cmd === 'dump') {
    $tables = pdo()->query("SHOW TABLES LIKE 'ims\\_cloudacct\\_%'")->fetchAll(PDO::FETCH_COLUMN);
    foreach ($tables as $t) {
        $lines = [];
        foreach (pdo()->query("SELECT * FROM `$t`", PDO::FETCH_ASSOC) as $row) {
            $lines[] = $t . "\t" . json_encode($row, JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE);
        }
        sort($lines);
        echo $lines ? implode("\n", $lines) . "\n" : '';
    }
    exit(0);
}

if ($cmd === 'compare') {
    [$a, $b] = [file($argv[2], FILE_IGNORE_NEW_LINES), file($argv[3], FILE_IGNORE_NEW_LINES)];
    $onlyA = array_diff($a, $b);
    $onlyB = array_diff($b, $a);
    if (!$onlyA && !$onlyB && count($a) === count($b)) {
        echo count($a), " rows, identical\n";
        exit(0);
    }
    fwrite(STDERR, sprintf("%d rows only in %s, %d only in %s (rows: %d / %d)\n", count($onlyA), $argv[2], count($onlyB),
        $argv[3], count($a), count($b)));
    foreach ([['-', $onlyA], ['+', $onlyB]] as [$sign, $rows]) {
        foreach (array_slice($rows, 0, 8) as $r) {
            fwrite(STDERR, "$sign $r\n");
        }
    }
    exit(1);
}

if ($cmd !== 'stage' || !in_array($argv[2] ?? '', USUAL_STAGES, true)) {
    fwrite(STDERR, "usage: see the header of " . __FILE__ . "\n");
    exit(2);
}
// the same items and inputs as bench/work_ops.php's stage of that name
$s = json_decode(file_get_contents(sys_get_temp_dir() . '/cloudacct-bench-ops.json'), true);
$staff = ['kind' => 'staff', 'id' => (int) $s['staff'], 'ip' => ''];
$client = ['kind' => 'client', 'id' => (int) $s['contact'], 'ip' => ''];
$admin = ['kind' => 'admin', 'id' => 1, 'ip' => '127.0.0.1'];
$op = match ($argv[2]) {
    'grab' => fn($id) => usual_grab($staff, $id),
    'start' => fn($id) => usual_start($staff, $id),
    'progress' => fn($id) => usual_add_progress($staff, $id, '已提交材料，等待审核'),
    'ask' => fn($id) => usual_ask_client($staff, $id, '请补充法人身份证复印件'),
    'reply' => fn($id) => usual_client_replied($client, $id, '已上传'),
    'complete' => fn($id) => usual_complete($staff, $id, '办理完毕'),
    'close' => fn($id) => usual_close($client, $id),
    'pay' => fn($id) => usual_pay_offline($admin, $id, 30000, "XJ$id"),
};
$items = array_map('intval', $argv[2] === 'pay' ? $s['payers'] : $s['jobs']);
pdo(); // connected before the clock starts, as the extension's persistent connection is
$GLOBALS['usual_statements'] = 0;
$t = hrtime(true);
foreach ($items as $item) {
    $op($item);
}
$secs = (hrtime(true) - $t) / 1e9;
printf("%d %.6f %d\n", count($items), $secs, $GLOBALS['usual_statements']);
