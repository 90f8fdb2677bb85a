<?php
/**
 * Payment notifications at volume (issue 8), driven by dev/reliability:
 *
 *   php -n -d extension=cloudacct.so -d cloudacct.clock_settable=1 -d cloudacct.http.test_transport=1 \
 *       tests/reliability/notify.php N SEED
 *
 * WeChat Pay v3 (uniacid 1, the fake WeChat Pay of dev/fakes signs the notifications): N pay
 * intents, each paid at the fake. Before settlement every intent gets, in a seeded order: a forged
 * signature, a tampered ciphertext, an unknown platform serial, a timestamp 301 s old, a
 * notification genuinely signed by the platform but for another amount, and one for another
 * merchant — each must be refused with its reply and write nothing. Then 4 processes deliver every
 * genuine notification at once (the first settles, the other three are replays), then one more
 * replay and a signed wrong amount after settlement. 微擎 pay (uniacid 2): N/2 intents, each
 * notified with a tampered fee, an unknown tid, the browser's return, then the genuine notify and
 * 3 replays. Checks: exactly one payment per intent with the intent's amount, every intent paid,
 * no payment from a refused notification, the ledger reconciles. Prints "RESULT\t..." rows.
 *
 * The delivering process is this file too: notify.php deliver FILE NOW SEED.
 */

declare(strict_types=1);

require_once __DIR__ . '/../money/wxpay.inc';

use CloudAcct\{Actor, Clock, Store};

if (($argv[1] ?? '') === 'deliver') {
    Clock::freeze((int) $argv[3]);
    $db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_rel_notify']));
    $payments = new CloudAcct\Ledger\Payments(new Store($db, 1));
    $list = json_decode((string) file_get_contents($argv[2]), true);
    mt_srand((int) $argv[4]);
    shuffle($list);
    $out = ['counts' => [], 'errors' => []];
    foreach ($list as $n) {
        try {
            $r = $payments->wechatNotify(Actor::system(), $n['headers'], $n['body']);
            $k = "{$r['status']} {$r['outcome']}";
            if ($r['status'] >= 500) {
                $out['errors'][] = [$n['i'], $r['error'] ?? ''];
            }
        } catch (Throwable $e) {
            $k = get_class($e) . ': ' . $e->getMessage();
        }
        $out['counts'][$k] = ($out['counts'][$k] ?? 0) + 1;
    }
    echo json_encode($out, JSON_UNESCAPED_UNICODE), "\n";
    exit(0);
}

[$n, $seed] = [(int) ($argv[1] ?? 300), (int) ($argv[2] ?? 8)];
$P = max(2, (int) (getenv('CA_REL_NOTIFY_PROCS') ?: 4)); // processes delivering the genuine notifications at once
mt_srand($seed);
$now = m_ts('2026-03-05 10:00:00');
Clock::freeze($now);
$w = wx_setup('rel_notify', $now);
[$db, $m] = [$w->db, $w->m];
$sys = Actor::system();
$failures = [];
$expect = function (string $what, mixed $actual, mixed $expected) use (&$failures) {
    printf("  %-66s %s%s\n", $what, json_encode($actual, JSON_UNESCAPED_UNICODE),
        $actual === $expected ? '' : ' (expected ' . json_encode($expected, JSON_UNESCAPED_UNICODE) . ')');
    if ($actual !== $expected) {
        $failures[] = "$what: " . json_encode($actual, JSON_UNESCAPED_UNICODE);
    }
};
$countPayments = fn(int $u) => (int) $db->queryValue('SELECT COUNT(*) FROM {payment} WHERE uniacid = ?', [$u]);

// ---------------------------------------------------------------- WeChat Pay v3: set-up
echo "WeChat Pay v3: $n intents\n";
$intents = [];
$db->begin();
for ($i = 1; $i <= $n; $i++) {
    $c = m_client($db, 1, ['name' => "企业$i"]);
    $intents[$i] = ['client' => $c, 'contact' => m_contact($db, 1, $c), 'amount' => 10000 + $i];
}
$db->commit();
foreach ($intents as $i => &$it) {
    $r = $m->payments->checkout(Actor::client($it['contact']), $it['client'], ['amount_fen' => $it['amount'], 'openid' => sprintf('oREL%06d', $i)]);
    $it['tid'] = $r['tid'];
    $it['notify'] = wx_pay($w, $r['tid']);
}
unset($it);
$state = ca_fake_call($w->fake, '/_wxpay/state')['orders'];
$plain = fn(array $it, array $over) => array_replace_recursive(['mchid' => WX_MCHID, 'appid' => WX_APPID, 'out_trade_no' => $it['tid'],
    'transaction_id' => $state[$it['tid']]['transaction_id'], 'trade_type' => 'JSAPI', 'trade_state' => 'SUCCESS', 'trade_state_desc' => '支付成功',
    'success_time' => '2026-03-05T10:00:00+08:00', 'payer' => ['openid' => 'oRELPAYER'],
    'amount' => ['total' => $it['amount'], 'payer_total' => $it['amount'], 'currency' => 'CNY', 'payer_currency' => 'CNY']], $over);

// ---------------------------------------------------------------- forgeries and tampering before settlement
$attacks = [
    'forged signature' => fn($it) => [['Wechatpay-Signature' => base64_encode(random_bytes(256))] + $it['notify']['headers'], $it['notify']['body'], '401 bad_signature'],
    'tampered ciphertext' => function ($it) {
        $b = json_decode($it['notify']['body'], true);
        $ct = base64_decode($b['resource']['ciphertext']);
        $pos = mt_rand(0, strlen($ct) - 1);
        $ct[$pos] = chr(ord($ct[$pos]) ^ mt_rand(1, 255)); // never the byte it was
        $b['resource']['ciphertext'] = base64_encode($ct);
        return [$it['notify']['headers'], json_encode($b, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), '401 bad_signature'];
    },
    'unknown platform serial' => fn($it) => [['Wechatpay-Serial' => 'PUB_KEY_ID_0000000000000000000000000002'] + $it['notify']['headers'], $it['notify']['body'], '401 unknown_serial'],
    'signed by the platform, amount +1 fen' => function ($it) use ($w, $plain) {
        $x = wx_notify_of($w, 'TRANSACTION.SUCCESS', 'transaction', $plain($it, ['amount' => ['total' => $it['amount'] + 1, 'payer_total' => $it['amount'] + 1]]));
        return [$x['headers'], $x['body'], '400 amount_mismatch'];
    },
    'signed by the platform, amount -1 fen' => function ($it) use ($w, $plain) {
        $x = wx_notify_of($w, 'TRANSACTION.SUCCESS', 'transaction', $plain($it, ['amount' => ['total' => $it['amount'] - 1, 'payer_total' => $it['amount'] - 1]]));
        return [$x['headers'], $x['body'], '400 amount_mismatch'];
    },
    'signed by the platform, another merchant' => function ($it) use ($w, $plain) {
        $x = wx_notify_of($w, 'TRANSACTION.SUCCESS', 'transaction', $plain($it, ['mchid' => '1900000009']));
        return [$x['headers'], $x['body'], '400 mchid_mismatch'];
    },
];
$refused = [];
$wrong = 0;
$jobs = [];
foreach ($intents as $i => $it) {
    foreach (array_keys($attacks) as $a) {
        $jobs[] = [$i, $a];
    }
}
shuffle($jobs);
foreach ($jobs as [$i, $a]) {
    [$headers, $body, $want] = $attacks[$a]($intents[$i]);
    $r = $m->payments->wechatNotify($sys, $headers, $body);
    $got = "{$r['status']} {$r['outcome']}";
    $refused[$a] = ($refused[$a] ?? 0) + 1;
    if ($got !== $want) {
        $wrong++;
        if ($wrong <= 5) {
            echo "  $a on intent $i: $got, expected $want\n";
        }
    }
}
// the genuine notification, seen 301 s late (a replay of an old capture)
Clock::freeze($now + 301);
foreach ($intents as $i => $it) {
    $r = $m->payments->wechatNotify($sys, $it['notify']['headers'], $it['notify']['body']);
    $refused['genuine but 301 s old'] = ($refused['genuine but 301 s old'] ?? 0) + 1;
    $wrong += "{$r['status']} {$r['outcome']}" === '401 stale_timestamp' ? 0 : 1;
}
Clock::freeze($now);
$forged = array_sum($refused);
echo "refused before settlement:\n";
$expect("$forged forged/tampered/stale notifications answered as expected", $forged - $wrong, $forged);
$expect('payments written by them', $countPayments(1), 0);

// ---------------------------------------------------------------- 4 processes deliver every genuine notification at once
$file = tempnam(sys_get_temp_dir(), 'ca_rel_notify');
file_put_contents($file, json_encode(array_values(array_map(fn($i) => $intents[$i]['notify'] + ['i' => $i], array_keys($intents))),
    JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE));
$procs = [];
for ($k = 0; $k < $P; $k++) {
    $procs[] = proc_open(ca_php_cmd(['cloudacct.clock_settable' => 1, 'cloudacct.http.test_transport' => 1]) . ' ' . escapeshellarg(__FILE__)
        . " deliver " . escapeshellarg($file) . " $now " . ($seed * 10 + $k), [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
    $procs[$k] = [$procs[$k], $pipes[1]];
}
$outcomes = [];
$errors = [];
foreach ($procs as [$p, $out]) {
    $text = stream_get_contents($out);
    proc_close($p);
    $r = json_decode(trim($text), true);
    if (!is_array($r) || !isset($r['counts'])) {
        $failures[] = 'a delivering process failed: ' . substr($text, 0, 300);
        continue;
    }
    foreach ($r['counts'] as $k => $v) {
        $outcomes[$k] = ($outcomes[$k] ?? 0) + $v;
    }
    $errors = array_merge($errors, $r['errors']);
}
unlink($file);
ksort($outcomes);
echo "$P processes × $n genuine notifications at once:\n";
// A 500 is the protocol's "try again later" (WeChat Pay redelivers); it is acceptable only for a
// deadlock / lock wait the transaction's retries did not get through, and only if the redelivery
// is then answered 204. Anything else answered 500 is a failure.
$busy = 0;
foreach ($errors as [$i, $msg]) {
    echo "  500 for intent $i: $msg\n";
    if (!preg_match('/errno (1213|1205)/', $msg)) {
        $failures[] = "a genuine notification answered 500 for another reason than a deadlock: $msg";
        continue;
    }
    $r = $m->payments->wechatNotify($sys, $intents[$i]['notify']['headers'], $intents[$i]['notify']['body']);
    echo "  WeChat Pay's redelivery: {$r['status']} {$r['outcome']}\n";
    if ($r['status'] !== 204) {
        $failures[] = "the redelivery of a notification answered 500 got {$r['status']} {$r['outcome']}";
    }
    $busy++;
}
$expect('settled (one per intent)', $outcomes['204 settled'] ?? 0, $n);
$expect('already_settled + 500 for a deadlock (redelivered)', ($outcomes['204 already_settled'] ?? 0) + $busy, ($P - 1) * $n);
$expect('other answers', array_sum($outcomes) - ($outcomes['204 settled'] ?? 0) - ($outcomes['204 already_settled'] ?? 0) - $busy, 0);

// ---------------------------------------------------------------- after settlement: replay and a signed wrong amount
$late = ['204 already_settled' => 0, '400 amount_mismatch' => 0];
foreach ($intents as $it) {
    $r = $m->payments->wechatNotify($sys, $it['notify']['headers'], $it['notify']['body']);
    $late["{$r['status']} {$r['outcome']}"] = ($late["{$r['status']} {$r['outcome']}"] ?? 0) + 1;
    $x = wx_notify_of($w, 'TRANSACTION.SUCCESS', 'transaction', $plain($it, ['amount' => ['total' => 1, 'payer_total' => 1]]));
    $r = $m->payments->wechatNotify($sys, $x['headers'], $x['body']);
    $late["{$r['status']} {$r['outcome']}"] = ($late["{$r['status']} {$r['outcome']}"] ?? 0) + 1;
}
echo "after settlement:\n";
$expect('a replay and a signed 1-fen notification per intent', $late, ['204 already_settled' => $n, '400 amount_mismatch' => $n]);
$expect('payments (one per intent)', $countPayments(1), $n);
$expect('sum of the payments = sum of the intents (fen)', (int) $db->queryValue('SELECT SUM(amount_fen) FROM {payment} WHERE uniacid = 1'),
    array_sum(array_column($intents, 'amount')));
$expect('intents not paid', (int) $db->queryValue("SELECT COUNT(*) FROM {pay_intent} WHERE uniacid = 1 AND status <> 'paid'"), 0);
$expect('intents with a payment of another amount', (int) $db->queryValue('SELECT COUNT(*) FROM {pay_intent} i JOIN {payment} p ON p.id = i.payment_id AND p.uniacid = i.uniacid WHERE i.uniacid = 1 AND p.amount_fen <> i.amount_fen'), 0);
$wxCases = count($jobs) + $n + $P * $n + 2 * $n;
$wxFaults = count($jobs) + $n + ($P - 1) * $n + 2 * $n;
$wxBusy = $busy;
$wxFail = $failures;

// ---------------------------------------------------------------- 微擎 pay (uniacid 2)
$n2 = max(1, intdiv($n, 2));
echo "微擎 pay: $n2 intents\n";
$store2 = new Store($db, 2);
$pay2 = new CloudAcct\Ledger\Payments($store2);
$wrong2 = 0;
$counts2 = [];
$cases2 = 0;
for ($i = 1; $i <= $n2; $i++) {
    $c = m_client($db, 2, ['name' => "微擎企业$i"]);
    $intent = $pay2->checkout(Actor::client(m_contact($db, 2, $c)), $c, ['amount_fen' => 20000 + $i]);
    $ret = fn(array $over = []) => $over + ['uniacid' => 2, 'acid' => 2, 'result' => 'success', 'type' => 'wechat', 'from' => 'notify',
        'tid' => $intent['tid'], 'uniontid' => sprintf('2026030510000000%012d', $i), 'transaction_id' => sprintf('42%018d', $i),
        'trade_type' => 'JSAPI', 'follow' => 1, 'user' => 'oFAN', 'fee' => $intent['fee'], 'tag' => '', 'is_usecard' => 0, 'paytime' => $now];
    $fen = 20000 + $i;
    $tries = [
        ['tampered fee +0.01', $ret(['fee' => sprintf('%d.%02d', intdiv($fen + 1, 100), ($fen + 1) % 100)]), 'throws'],
        ['tampered fee as a float', $ret(['fee' => (float) ($fen / 100)]), 'throws'], // 201 (int) would be whole yuan, accepted
        ['unknown tid', $ret(['tid' => sprintf('C20260305UNKNOWN%08d', $i)]), 'throws'],
        ['the browser\'s return', $ret(['from' => 'return']), 'return_ignored'],
        ['genuine', $ret(), 'settled'],
        ['replay 1', $ret(), 'already_settled'],
        ['replay 2', $ret(), 'already_settled'],
        // docs/money.md: a paid intent answers already_settled before the amount is compared (the
        // v3 path compares first and answers amount_mismatch); either way nothing is written
        ['replay 3 with another fee', $ret(['fee' => '0.01']), 'already_settled'],
    ];
    foreach ($tries as [$label, $r, $want]) {
        $cases2++;
        try {
            $got = $pay2->weengineResult($sys, $r)['status'];
        } catch (CloudAcct\Exception $e) {
            $got = 'throws';
        }
        $counts2[$label] = ($counts2[$label] ?? 0) + 1;
        if ($got !== $want) {
            $wrong2++;
            if ($wrong2 <= 5) {
                echo "  $label on intent $i: $got, expected $want\n";
            }
        }
    }
}
$expect("$cases2 微擎 notifications answered as expected", $cases2 - $wrong2, $cases2);
$expect('微擎 payments (one per intent)', $countPayments(2), $n2);
$expect('微擎 payments sum (fen)', (int) $db->queryValue('SELECT SUM(amount_fen) FROM {payment} WHERE uniacid = 2'),
    array_sum(range(20001, 20000 + $n2)));
foreach ([1, 2] as $u) {
    $rec = (new CloudAcct\Ledger\Accounts(new Store($db, $u)))->reconcile($sys, 0);
    $expect("uniacid $u: reconcile mismatches over {$rec['clients']} clients", count($rec['mismatches']), 0);
}
$expect('external ids paid twice', (int) $db->queryValue('SELECT COUNT(*) FROM (SELECT uniacid, channel, external_id FROM {payment} GROUP BY uniacid, channel, external_id HAVING COUNT(*) > 1) d'), 0);

$paid2 = $countPayments(2);
ca_fake_stop($w->fake);
ca_drop_db('rel_notify');
foreach ($failures as $f) {
    echo "FAILED: $f\n";
}
printf("RESULT\tnotify\tWeChat Pay v3: %d intents, forged/tampered/stale, %d processes replaying\t%d\t%d\t%s\t%s\n", $n, $P, $wxCases, $wxFaults,
    $wxFail ? 'FAIL' : 'ok', $wxFail ? $wxFail[0] : sprintf('%d refused, %d settled once, %d replays answered already_settled%s, 0 extra payments',
        $forged + $n, $n, $P * $n - $wxBusy, $wxBusy ? ", $wxBusy answered 500 after 3 deadlocks (redelivered: 204)" : ''));
$w2Fail = array_slice($failures, count($wxFail));
printf("RESULT\tnotify\t微擎 pay: %d intents, tampered fee, unknown tid, replays\t%d\t%d\t%s\t%s\n", $n2, $cases2, $cases2 - $n2,
    $w2Fail ? 'FAIL' : 'ok', $w2Fail ? $w2Fail[0] : sprintf('%d payments for %d intents, reconcile clean', $paid2, $n2));
exit($failures ? 1 : 0);
