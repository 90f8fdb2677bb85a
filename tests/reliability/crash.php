<?php
/**
 * Crash tests (issue 8), driven by dev/reliability:
 *
 *   php -n -d extension=cloudacct.so -d cloudacct.clock_settable=1 -d cloudacct.http.test_transport=1 \
 *       tests/reliability/crash.php SCENARIO FAULT SEED KILLS MARIADB_DIR
 *
 * SCENARIO: billing (a billing run over CA_REL_CLIENTS clients, then one offline payment per
 * second client, receipt numbers as idempotency keys), sweep (the work scheduler over
 * CA_REL_JOBS expired grab windows with least-loaded auto-assignment, and unpaid orders to close),
 * drain (CA_REL_MESSAGES outbox rows to the fake WeChat API and fake Tencent SMS with 150 ms of
 * latency). FAULT: php (kill -9 the worker process) or db (kill -9 mariadbd, then restart it on
 * the same data: dev/lib/mariadb.sh crash/restart). KILLS faults land at seeded random points of
 * the scenario's progress; after each one the next worker starts with the business clock one
 * second past the latest lease the dead worker left (so a dead worker blocks nobody beyond its
 * lease), then a worker runs to completion, a second one reruns everything, and the convergence
 * checks run. Prints "RESULT\t..." rows for the table, and what it did.
 *
 * The worker is this file too: crash.php worker SCENARIO DATABASE CLOCK.
 */

declare(strict_types=1);

require_once __DIR__ . '/../inc/config.inc';

use CloudAcct\{Actor, Clock, Store};

if (($argv[1] ?? '') === 'worker') {
    exit(crash_worker($argv[2], $argv[3], (int) $argv[4]));
}

[, $scenario, $fault, $seed, $kills, $dbDir] = $argv + [null, '', '', '8', '3', ''];
if (!in_array($scenario, ['billing', 'sweep', 'drain'], true) || !in_array($fault, ['php', 'db'], true)) {
    fwrite(STDERR, "usage: crash.php billing|sweep|drain php|db SEED KILLS MARIADB_DIR\n");
    exit(2);
}
$kills = (int) $kills;
mt_srand(crc32("$scenario/$fault/$seed"));
$name = "rel_{$scenario}_{$fault}";
$database = "cloudacct_t_$name";
$clients = (int) (getenv('CA_REL_CLIENTS') ?: 5000);
$jobsN = (int) (getenv('CA_REL_JOBS') ?: 3000);
$messages = (int) (getenv('CA_REL_MESSAGES') ?: 1500);
$mariadb = realpath(__DIR__ . '/../../dev/lib/mariadb.sh');
$T = time();                              // the business clock of the next worker
$connect = fn() => new CloudAcct\Db\Connection(ca_options(['database' => $database, 'persistent' => false]));

// ---------------------------------------------------------------- set-up
$db = ca_db($name, ['persistent' => false]);
CloudAcct\Db\Schema::migrate($db);
$store = new Store($db, 1);
$admin = Actor::admin(1, '127.0.0.1');
$fake = null;
Clock::freeze($T);
switch ($scenario) {
    case 'billing':
        require_once __DIR__ . '/../money/money.inc';
        m_bulk_plans($db, 1, $clients);
        // a tenth of the clients have credit before the run: the run applies it to the new bills
        $pay = new CloudAcct\Ledger\Payments($store);
        for ($c = 10; $c <= $clients; $c += 10) {
            $pay->recordOffline($admin, $c, 10000, "PRE-$c");
        }
        $total = $clients + intdiv($clients, 2);
        $progress = fn($db) => (int) $db->queryValue('SELECT COALESCE(SUM(plans_done), 0) FROM {billing_run} WHERE uniacid = 1')
            + (int) $db->queryValue("SELECT COUNT(*) FROM {payment} WHERE uniacid = 1 AND channel = 'offline' AND external_id LIKE 'REL-%'");
        $leaseUntil = fn($db) => (int) $db->queryValue('SELECT COALESCE(MAX(lease_until), 0) FROM {billing_run} WHERE uniacid = 1');
        $unit = 'clients';
        $cases = $clients;
        break;
    case 'sweep':
        require_once __DIR__ . '/../work/work.inc';
        $jobs = new CloudAcct\Work\Jobs($store);
        w_setting($db, 1, 'auto_assign_policy', 'least_loaded');
        for ($i = 0; $i < 20; $i++) {
            w_staff($db, 1, ['open_job_cap' => intdiv($jobsN, 40) ?: 1]);
        }
        $client = w_client($db, 1);
        $ca = Actor::client(w_contact($db, 1, $client));
        $db->begin();
        for ($i = 0; $i < $jobsN; $i++) {
            $jobs->create($admin, $client, ['title' => "月度记账 $i"]);
        }
        $svc = (new CloudAcct\Work\Catalog($store))->createService($admin, ['title' => '代办', 'price_fen' => 100, 'on_sale' => true]);
        $ordersN = intdiv($jobsN, 10);
        for ($i = 0; $i < $ordersN; $i++) {
            (new CloudAcct\Work\Orders($store))->place($ca, $client, $svc);
        }
        $db->commit();
        $T += 7 * 86400; // every grab window, payment window and SLA has run out
        $total = $jobsN + $ordersN + $jobsN; // each job leaves open, each order closes, each job's SLA breach is recorded
        $progress = fn($db) => (int) $db->queryValue("SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND status <> 'open'")
            + (int) $db->queryValue('SELECT COUNT(*) FROM {sla_breach} WHERE uniacid = 1')
            + (int) $db->queryValue("SELECT COUNT(*) FROM {order} WHERE uniacid = 1 AND status <> 'pending_payment'");
        $leaseUntil = fn($db) => max((int) $db->queryValue('SELECT COALESCE(MAX(lease_until), 0) FROM {job} WHERE uniacid = 1 AND lease_token IS NOT NULL'),
            (int) $db->queryValue('SELECT COALESCE(MAX(lease_until), 0) FROM {order} WHERE uniacid = 1 AND lease_token IS NOT NULL'));
        $unit = 'jobs';
        $cases = $jobsN;
        break;
    case 'drain':
        require_once __DIR__ . '/../inc/notices.inc';
        // the fake records every request as it arrives (before its 150 ms answer): the kill points
        // are counted in requests, so a kill lands while a batch is on the wire, not between batches
        $record = sys_get_temp_dir() . "/ca_rel_drain_{$fault}_" . getmypid() . '.jsonl';
        @unlink($record);
        $fake = crash_fake_start(['latency_ms' => 150, 'now' => $T], $record);
        $settings = new CloudAcct\Settings($store);
        foreach (ca_sms_settings('tencent') + ['notice_templates' => ca_templates()] as $k => $v) {
            $settings->set($admin, $k, $v);
        }
        $outbox = new CloudAcct\Notices\Outbox($store);
        $db->begin();
        for ($i = 1; $i <= $messages; $i++) {
            // every third contact has no WeChat: the message goes by SMS (no vendor-side dedup)
            $db->execute('INSERT INTO {contact} (id, uniacid, name, phone, openid, created_at, updated_at) VALUES (?, 1, ?, ?, ?, 0, 0)',
                [$i, "客户$i", '139' . str_pad((string) $i, 8, '0', STR_PAD_LEFT), $i % 3 === 0 ? null : sprintf('oRel%08d', $i)]);
            $outbox->enqueue('client', $i, 'job_assigned', ['job_id' => $i, 'title' => "月度记账 $i"], "rel:$i");
        }
        $db->commit();
        putenv('CA_CONNECT_TO=' . json_encode(ca_fake_connect_to($fake)));
        $total = $messages;
        $progress = function ($db) use ($record) {
            clearstatcache(true, $record);
            return is_file($record) ? substr_count((string) file_get_contents($record), "\n") : 0;
        };
        $leaseUntil = fn($db) => (int) $db->queryValue("SELECT COALESCE(MAX(lease_until), 0) FROM {outbox} WHERE uniacid = 1 AND status = 'sending'");
        $unit = 'messages';
        $cases = $messages;
        break;
}
Clock::release();
$db->close();
printf("%s/%s: %d %s set up; %d progress steps; %d kills (seed %s)\n", $scenario, $fault, $cases, $unit, $total, $kills, $seed);

// ---------------------------------------------------------------- kills at seeded points
$targets = [];
for ($k = 0; $k < $kills; $k++) {
    $targets[] = (int) round($total * (0.05 + 0.9 * mt_rand() / mt_getrandmax()));
}
sort($targets);
$failures = [];
$landed = 0;
$leaseNotes = [];
$db = $connect();
foreach ($targets as $k => $target) {
    $before = $progress($db);
    if ($target <= $before) {
        $target = $before + max(1, intdiv($total - $before, 4)); // the last worker went past it before dying
    }
    $w = crash_spawn($scenario, $database, $T);
    $reached = false;
    $until = microtime(true) + 300;
    while (microtime(true) < $until) {
        if ($progress($db) >= $target) {
            $reached = true;
            break;
        }
        if (!proc_get_status($w['proc'])['running']) {
            break;
        }
        usleep(1000);
    }
    $at = $progress($db);
    if ($fault === 'php') {
        proc_terminate($w['proc'], 9);
    } else {
        // the kill itself without a shell script's start-up time, so it lands where the progress is
        $pid = (int) @file_get_contents("$dbDir/mariadbd.pid");
        if ($pid > 0) {
            proc_close(proc_open(['kill', '-KILL', (string) $pid], [], $unused));
        }
        $o = [];
        exec(escapeshellarg($mariadb) . ' crash ' . escapeshellarg($dbDir) . ' 2>&1', $o, $rc);
        if ($rc !== 0) {
            $failures[] = 'mariadb crash failed: ' . implode(' ', $o);
        }
    }
    $out = crash_reap($w, 60);
    $running = $reached && !str_contains($out, 'WORKER DONE');
    if ($fault === 'db') {
        $o = [];
        exec(escapeshellarg($mariadb) . ' restart ' . escapeshellarg($dbDir) . ' 2>&1', $o, $rc);
        if ($rc !== 0) {
            $failures[] = 'mariadb restart failed: ' . implode(' ', $o);
            break;
        }
        $db = $connect();
        $after = $progress($db);
    } else {
        $after = $progress($db);
    }
    if ($running) {
        $landed++;
    }
    printf("kill %d: target %d, progress at the kill %d, after %d; the worker %s\n", $k + 1, $target, $at, $after,
        $running ? 'was mid-way' : 'had already finished (' . trim(substr($out, -200)) . ')');
    if ($fault === 'db' && $running) {
        printf("  the worker ended with: %s\n", preg_match('/Uncaught ([^\n]{0,200})/', $out, $mm) ? $mm[1] : substr(trim($out), -200));
    }
    // the dead worker's lease: nothing moves before it ends, the next worker starts right after it
    $lease = $leaseUntil($db);
    if ($scenario === 'billing' && $lease > $T) {
        Clock::freeze($T);
        $r = (new CloudAcct\Ledger\Billing(new Store($db, 1)))->run(Actor::system(), '2026-01', ['chunk' => 50]);
        Clock::release();
        if ($r['status'] !== 'done' && (!$r['busy'] || $r['created_now'] !== 0)) {
            $failures[] = "a rerun inside the dead worker's lease was not told busy: " . json_encode($r);
        } else {
            printf("  a billing run inside the dead worker's lease (%d s left): %s\n", $lease - $T, $r['busy'] ? 'busy, created nothing' : $r['status']);
        }
    }
    if ($scenario !== 'billing' && $lease > $T) {
        // a worker running inside the dead worker's lease moves other rows, never the leased ones
        $sql = $scenario === 'sweep'
            ? "SELECT CONCAT('job ', id) AS k, CONCAT(status, ' ', lease_token) AS v FROM {job} WHERE uniacid = 1 AND lease_token IS NOT NULL"
              . " UNION ALL SELECT CONCAT('order ', id), CONCAT(status, ' ', lease_token) FROM {order} WHERE uniacid = 1 AND lease_token IS NOT NULL"
            : "SELECT id AS k, CONCAT(status, ' ', lease_owner, ' ', attempts) AS v FROM {outbox} WHERE uniacid = 1 AND status = 'sending'";
        $held = array_column($db->query($sql), 'v', 'k');
        Clock::freeze($T);
        $st = new Store($db, 1);
        $r = $scenario === 'sweep' ? (new CloudAcct\Work\Scheduler($st))->runDue(Actor::system(), 50)
            : (new CloudAcct\Notices\Sender($st, fn(bool $f) => 'FAKE_ACCESS_TOKEN', ca_fake_options($fake)))->run(100);
        Clock::release();
        $now = array_column($db->query($sql), 'v', 'k');
        $moved = count(array_diff_assoc($held, $now)) + count(array_diff_key($held, $now));
        printf("  a %s inside the dead worker's lease (%d s left): %d leased rows, %d of them touched; it did %s\n",
            $scenario === 'sweep' ? 'sweep' : 'sender', $lease - $T, count($held), $moved, json_encode($r));
        if ($moved > 0 || ($scenario === 'drain' && $r['reclaimed'] > 0)) {
            $failures[] = "a worker inside the dead worker's lease touched $moved of its " . count($held) . ' leased rows';
        }
    }
    if ($lease > $T) {
        $leaseNotes[] = $lease - $T;
    }
    $T = max($T, $lease) + 1;
}

// ---------------------------------------------------------------- run to completion, then rerun
foreach (['completion', 'rerun'] as $pass) {
    $w = crash_spawn($scenario, $database, $T);
    $out = crash_reap($w, 600);
    if (!preg_match('/WORKER DONE (\{.*\})/', $out, $m)) {
        $failures[] = "$pass did not finish: " . trim(substr($out, -300));
        break;
    }
    $r = json_decode($m[1], true);
    printf("%s: %s\n", $pass, $m[1]);
    if ($pass === 'rerun' && ($r['changed'] ?? 1) !== 0) {
        $failures[] = "the rerun still changed something: {$m[1]}";
    }
    $T += 1;
}

// ---------------------------------------------------------------- convergence
$db = $connect();
$store = new Store($db, 1);
$q = fn(string $sql, array $p = []) => (int) $db->queryValue($sql, $p);
$check = function (string $what, int $actual, int $expected) use (&$failures) {
    printf("  %-62s %d%s\n", $what, $actual, $actual === $expected ? '' : " (expected $expected)");
    if ($actual !== $expected) {
        $failures[] = "$what: $actual, expected $expected";
    }
};
echo "convergence:\n";
$detail = '';
switch ($scenario) {
    case 'billing':
        $check('bills of 2026-01', $q('SELECT COUNT(*) FROM {bill} WHERE uniacid = 1 AND period = 202601'), $clients);
        $check('clients with more than one bill of 2026-01', $q('SELECT COUNT(*) FROM (SELECT client_id FROM {bill} WHERE uniacid = 1 AND period = 202601 GROUP BY client_id HAVING COUNT(*) > 1) d'), 0);
        $check('clients without a bill of 2026-01', $q('SELECT COUNT(*) FROM {client} c WHERE c.uniacid = 1 AND NOT EXISTS (SELECT 1 FROM {bill} b WHERE b.uniacid = 1 AND b.client_id = c.id AND b.period = 202601)'), 0);
        $check('bills with other than one charge entry', $q("SELECT COUNT(*) FROM {bill} b WHERE b.uniacid = 1 AND (SELECT COUNT(*) FROM {ledger_entry} e WHERE e.uniacid = 1 AND e.bill_id = b.id AND e.kind = 'charge') <> 1"), 0);
        $check('payments recorded by the workers (one per receipt number)', $q("SELECT COUNT(*) FROM {payment} WHERE uniacid = 1 AND external_id LIKE 'REL-%'"), intdiv($clients, 2));
        $check('receipt numbers paid more than once', $q("SELECT COUNT(*) FROM (SELECT external_id FROM {payment} WHERE uniacid = 1 GROUP BY channel, external_id HAVING COUNT(*) > 1) d"), 0);
        $check('sum of those payments (fen)', $q("SELECT COALESCE(SUM(amount_fen), 0) FROM {payment} WHERE uniacid = 1 AND external_id LIKE 'REL-%'"), intdiv($clients, 2) * 30000);
        $check('payments without their ledger entry', $q("SELECT COUNT(*) FROM {payment} p WHERE p.uniacid = 1 AND NOT EXISTS (SELECT 1 FROM {ledger_entry} e WHERE e.uniacid = 1 AND e.payment_id = p.id AND e.kind = 'payment')"), 0);
        $check('balances ≠ the sum of their ledger entries', $q('SELECT COUNT(*) FROM {client_balance} b WHERE b.uniacid = 1 AND b.balance_fen <> (SELECT COALESCE(SUM(e.amount_fen), 0) FROM {ledger_entry} e WHERE e.uniacid = 1 AND e.client_id = b.client_id)'), 0);
        $check('clients with entries but no balance row', $q('SELECT COUNT(DISTINCT e.client_id) FROM {ledger_entry} e WHERE e.uniacid = 1 AND NOT EXISTS (SELECT 1 FROM {client_balance} b WHERE b.uniacid = 1 AND b.client_id = e.client_id)'), 0);
        $rec = (new CloudAcct\Ledger\Accounts($store))->reconcile(Actor::system(), 0);
        $check("Accounts::reconcile() mismatches over {$rec['clients']} clients", count($rec['mismatches']), 0);
        foreach (array_slice($rec['mismatches'], 0, 5) as $mm) {
            echo '    ', json_encode($mm), "\n";
        }
        $detail = sprintf('%d bills, %d payments, reconcile %d mismatches', $q('SELECT COUNT(*) FROM {bill} WHERE uniacid = 1 AND period = 202601'),
            $q("SELECT COUNT(*) FROM {payment} WHERE uniacid = 1 AND external_id LIKE 'REL-%'"), count($rec['mismatches']));
        break;
    case 'sweep':
        $check('jobs still open', $q("SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND status = 'open'"), 0);
        $esc = $q("SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND status = 'escalated'");
        $asg = $q("SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND status = 'assigned'");
        $check('jobs escalated + auto-assigned', $esc + $asg, $jobsN);
        $check('history rows of a job leaving open (one per job)', $q("SELECT COUNT(*) FROM {job_history} WHERE uniacid = 1 AND from_status = 'open'"), $jobsN);
        $check('jobs that left open more than once', $q("SELECT COUNT(*) FROM (SELECT job_id FROM {job_history} WHERE uniacid = 1 AND from_status = 'open' GROUP BY job_id HAVING COUNT(*) > 1) d"), 0);
        $check('escalated jobs', $q("SELECT COUNT(DISTINCT job_id) FROM {job_history} WHERE uniacid = 1 AND event = 'escalate'"), $esc);
        $check('job_escalated notices (one per escalated job)', $q("SELECT COUNT(*) FROM {outbox} WHERE uniacid = 1 AND template = 'job_escalated'"), $esc);
        $check('staff open-job counters ≠ their jobs in hand', $q("SELECT COUNT(*) FROM {staff} s WHERE s.uniacid = 1 AND s.open_jobs <> (SELECT COUNT(*) FROM {job} j WHERE j.uniacid = 1 AND j.assignee_id = s.id AND j.status IN ('assigned', 'in_progress', 'waiting_client'))"), 0);
        $check('staff over their cap', $q('SELECT COUNT(*) FROM {staff} WHERE uniacid = 1 AND open_jobs > open_job_cap'), 0);
        $check('SLA breach rows (= jobs marked breached)', $q('SELECT COUNT(*) FROM {sla_breach} WHERE uniacid = 1'), $q('SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND sla_breached = 1'));
        $check('job_sla_breached notices to the admins (one per breach)', $q("SELECT COUNT(*) FROM {outbox} WHERE uniacid = 1 AND template = 'job_sla_breached' AND recipient_kind = 'admin'"), $q('SELECT COUNT(*) FROM {sla_breach} WHERE uniacid = 1'));
        $check('jobs with more than one SLA breach row', $q('SELECT COUNT(*) FROM (SELECT job_id FROM {sla_breach} WHERE uniacid = 1 GROUP BY job_id HAVING COUNT(*) > 1) d'), 0);
        $check('orders still unpaid', $q("SELECT COUNT(*) FROM {order} WHERE uniacid = 1 AND status = 'pending_payment'"), 0);
        $check('leases left', $q('SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND lease_token IS NOT NULL')
            + $q('SELECT COUNT(*) FROM {order} WHERE uniacid = 1 AND lease_token IS NOT NULL'), 0);
        $detail = sprintf('%d escalated, %d auto-assigned, %d orders closed, %d SLA breaches', $esc, $asg, $ordersN, $q('SELECT COUNT(*) FROM {sla_breach} WHERE uniacid = 1'));
        break;
    case 'drain':
        $check('outbox rows not sent', $q("SELECT COUNT(*) FROM {outbox} WHERE uniacid = 1 AND status <> 'sent'"), 0);
        $recv = ca_fake_received($fake);
        $byKey = [];
        foreach ($recv as $r) {
            $key = $r['vendor'] === 'wechat' ? ($r['json']['client_msg_id'] ?? '?') : ($r['json']['SessionContext'] ?? '?');
            $byKey[$r['vendor'] . ' ' . $key][] = !empty($r['delivered']);
        }
        $delivered = array_map(fn($l) => count(array_filter($l)), $byKey);
        $wx = array_filter($delivered, fn($k) => str_starts_with($k, 'wechat '), ARRAY_FILTER_USE_KEY);
        $sms = array_filter($delivered, fn($k) => str_starts_with($k, 'tencent '), ARRAY_FILTER_USE_KEY);
        $resent = array_sum(array_map('count', $byKey)) - count($byKey);
        $wxDup = count(array_filter($wx, fn($n) => $n > 1));
        $smsDup = count(array_filter($sms, fn($n) => $n > 1));
        $check('message keys the fake received', count($byKey), $messages);
        $check('keys never delivered', count(array_filter($delivered, fn($n) => $n === 0)), 0);
        $check('WeChat template messages delivered more than once', $wxDup, 0);
        $reclaimed = $q("SELECT COUNT(*) FROM {outbox} WHERE uniacid = 1 AND attempts > 1");
        printf("  %-62s %d\n", 'requests sent again after a crash (same client_msg_id/SessionContext)', $resent);
        printf("  %-62s %d\n", 'rows reclaimed after a dead sender\'s lease (attempts > 1)', $reclaimed);
        printf("  %-62s %d (the documented at-least-once window of SMS)\n", 'SMS delivered twice', $smsDup);
        // at-least-once is bounded: a row is sent at most once per attempt (claim), and a second
        // attempt only happens to a row whose sender died with it in flight (lease reclaimed)
        $attempts = [];
        foreach ($db->query("SELECT id, attempts FROM {outbox} WHERE uniacid = 1") as $r) {
            $attempts['ca1-' . $r['id']] = (int) $r['attempts'];
        }
        $overAttempts = 0;
        foreach ($byKey as $k => $l) {
            $overAttempts += count($l) > ($attempts[explode(' ', $k)[1]] ?? 0) ? 1 : 0;
        }
        $check('keys sent more often than their row was attempted', $overAttempts, 0);

        $inbox = $q("SELECT COUNT(*) FROM {outbox} WHERE uniacid = 1 AND recipient_kind = 'client' AND status = 'sent'");
        $check('notice-list entries (one per message)', $inbox, $messages);
        $detail = sprintf('%d WeChat + %d SMS delivered; %d requests resent, WeChat duplicates %d, SMS duplicates %d', count($wx), count($sms),
            $resent, $wxDup, $smsDup);
        ca_fake_stop($fake);
        @unlink($record);
        break;
}
$leaseText = $leaseNotes ? sprintf('; next worker %s s after the kill (the lease)', implode('/', array_unique($leaseNotes))) : '';
ca_drop_db($name);
foreach ($failures as $f) {
    echo "FAILED: $f\n";
}
$label = ['billing' => "billing run + payments, $cases clients", 'sweep' => "dispatch/SLA sweep, $cases due jobs",
    'drain' => "outbox drain, $cases messages"][$scenario] . ', kill -9 ' . ($fault === 'php' ? 'PHP worker' : 'mariadbd + restart');
printf("RESULT\tcrash\t%s\t%d\t%d\t%s\t%s\n", $label, $cases, $landed, $failures ? 'FAIL' : 'ok',
    ($failures ? $failures[0] . '; ' : '') . $detail . $leaseText . ($landed < $kills ? "; only $landed of $kills kills landed mid-way" : ''));
exit($failures || $landed === 0 ? 1 : 0);

// ---------------------------------------------------------------- helpers
/** ca_fake_start() with --record=FILE (one JSON line per request, written when it arrives). */
function crash_fake_start(array $config, string $record): array
{
    $cmd = [PHP_BINARY, '-n', ca_fake_script(), '--port=0', "--record=$record",
        '--config=' . json_encode($config, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)];
    $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $line = fgets($pipes[1]);
    if (!is_string($line) || !preg_match('~^listening http://([0-9.]+):(\d+)~', $line, $m)) {
        throw new RuntimeException("the fake server did not start: $line " . stream_get_contents($pipes[2]));
    }
    register_shutdown_function('ca_fake_stop_proc', $proc);
    return ['proc' => $proc, 'pipes' => $pipes, 'host' => $m[1], 'port' => (int) $m[2], 'base' => "http://{$m[1]}:{$m[2]}"];
}

function crash_spawn(string $scenario, string $database, int $clock): array
{
    $cmd = 'exec ' . ca_php_cmd(['cloudacct.clock_settable' => 1, 'cloudacct.http.test_transport' => 1]) . ' '
        . escapeshellarg(__FILE__) . " worker $scenario $database $clock";
    $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
    stream_set_blocking($pipes[1], false);
    return ['proc' => $proc, 'out' => $pipes[1]];
}

/** Waits (up to $seconds, then kill -9) for the worker to end; returns what it printed. */
function crash_reap(array $w, int $seconds): string
{
    $out = '';
    $until = microtime(true) + $seconds;
    while (proc_get_status($w['proc'])['running'] && microtime(true) < $until) {
        $out .= (string) stream_get_contents($w['out']);
        usleep(20000);
    }
    if (proc_get_status($w['proc'])['running']) {
        proc_terminate($w['proc'], 9);
        $out .= "\n(killed after {$seconds} s)";
        usleep(100000);
    }
    $out .= (string) stream_get_contents($w['out']);
    fclose($w['out']);
    proc_close($w['proc']);
    return $out;
}

/** The worker: does the scenario's whole job at business time $clock; prints WORKER DONE {changed: n, ...}. */
function crash_worker(string $scenario, string $database, int $clock): int
{
    Clock::freeze($clock);
    $db = new CloudAcct\Db\Connection(ca_options(['database' => $database]));
    $store = new Store($db, 1);
    $sum = ['changed' => 0];
    switch ($scenario) {
        case 'billing':
            $billing = new CloudAcct\Ledger\Billing($store);
            do {
                $r = $billing->run(Actor::system(), '2026-01', ['chunk' => 50, 'max_chunks' => 4]);
                if ($r['busy']) {
                    echo "busy: another worker's lease\n";
                    return 3;
                }
                $sum['changed'] += $r['created_now'];
            } while ($r['status'] !== 'done');
            $sum['bills_created'] = $r['bills_created'];
            $pay = new CloudAcct\Ledger\Payments($store);
            $admin = Actor::admin(1, '127.0.0.1');
            $n = (int) $db->queryValue('SELECT COUNT(*) FROM {client} WHERE uniacid = 1');
            $dup = 0;
            for ($c = 1; $c <= $n; $c += 2) {
                $p = $pay->recordOffline($admin, $c, 30000, "REL-$c");
                !empty($p['duplicate']) ? $dup++ : $sum['changed']++;
            }
            $sum['payments_repeated'] = $dup;
            break;
        case 'sweep':
            $s = new CloudAcct\Work\Scheduler($store);
            do {
                $r = $s->runDue(Actor::system(), 50);
                foreach ($r as $k => $v) {
                    $sum[$k] = ($sum[$k] ?? 0) + $v;
                }
                $sum['changed'] += array_sum($r);
            } while (array_sum($r) > 0);
            break;
        case 'drain':
            $opts = ['plain_http' => true, 'connect_to' => json_decode((string) getenv('CA_CONNECT_TO'), true)];
            $sender = new CloudAcct\Notices\Sender($store, fn(bool $f) => 'FAKE_ACCESS_TOKEN', $opts);
            do {
                $r = $sender->run(100);
                foreach ($r as $k => $v) {
                    $sum[$k] = ($sum[$k] ?? 0) + $v;
                }
                $sum['changed'] += $r['sent'] + $r['failed'];
            } while ($r['claimed'] + $r['reclaimed'] > 0);
            break;
    }
    echo 'WORKER DONE ', json_encode($sum), "\n";
    return 0;
}
