--TEST--
WeChat Pay v3 under concurrency: 4 processes replay the payment notify while 4 settle by query, all at once: one payment, one receipt, one allocation; a refund notify replayed by 4 processes settles the refund once
--EXTENSIONS--
cloudacct
--INI--
cloudacct.http.test_transport=1
pcre.jit=0
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; require __DIR__ . '/../inc/skipif_fake.inc'; ?>
--FILE--
<?php
require __DIR__ . '/wxpay.inc';
use CloudAcct\Actor;
$w = wx_setup('money_wx_race');
[$db, $m] = [$w->db, $w->m];
$a = m_client($db, 1);
$ca = m_contact($db, 1, $a);
$m->plans->create(m_admin(), $a, ['title' => '记账费', 'amount_fen' => 30000, 'cycle' => 'monthly', 'start' => '2026-01']);
$m->billing->run(m_system(), '2026-01');
$bill = $m->billing->bills(m_admin(), $a)['items'][0]['id'];
$i = $m->payments->checkout(Actor::client($ca), $a, ['bill_id' => $bill, 'openid' => 'oRACE']);
$n = wx_pay($w, $i['tid']);

$child = <<<'PHP'
<?php
require getenv('CA_INC');
[$what, $start, $arg, $rounds] = [$argv[1], (float) $argv[2], $argv[3], (int) $argv[4]];
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_money_wx_race']));
$p = new CloudAcct\Ledger\Payments(new CloudAcct\Store($db, 1));
$notify = json_decode(file_get_contents($arg), true);
while (microtime(true) < $start) { usleep(200); }
$out = [];
for ($k = 0; $k < $rounds; $k++) {
    if ($what === 'query') {
        $r = $p->wechatQuery(CloudAcct\Actor::system(), $notify['tid']);
        $out[] = $r['status'];
    } else {
        $r = $p->wechatNotify(CloudAcct\Actor::system(), $notify['headers'], $notify['body']);
        $out[] = $r['status'] . ':' . $r['outcome'];
    }
}
echo implode(',', $out);
PHP;
$file = sys_get_temp_dir() . '/ca_money_wx_race_' . getmypid() . '.php';
$data = sys_get_temp_dir() . '/ca_money_wx_race_' . getmypid() . '.json';
file_put_contents($file, $child);
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
// children run under valgrind in the leak lane: they start slowly, and fewer rounds keep the test in time
$slow = getenv('USE_ZEND_ALLOC') === '0';
$rounds = $slow ? 2 : 5;
$run = function (array $whats) use ($file, $data, $slow, $rounds, &$settled) {
    $start = microtime(true) + ($slow ? 10.0 : 1.5);
    $procs = [];
    foreach ($whats as $what) {
        $cmd = ca_php_cmd(['cloudacct.http.test_transport' => 1, 'pcre.jit' => 0]) . ' ' . escapeshellarg($file) . " $what $start " . escapeshellarg($data) . " $rounds";
        $procs[] = [$what, proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes), $pipes];
    }
    $tally = [];
    foreach ($procs as [$what, $proc, $pipes]) {
        $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        proc_close($proc);
        foreach (explode(',', trim($out)) as $st) {
            $tally["$what $st"] = ($tally["$what $st"] ?? 0) + 1;
        }
    }
    // who wins (a notify or a query) is up to the scheduler: count outcomes over both
    $by = [];
    foreach ($tally as $k => $c) {
        $outcome = preg_replace('/^\w+ (204:)?/', '', $k);
        $by[$outcome] = ($by[$outcome] ?? 0) + $c;
    }
    ksort($by);
    $n = count($whats) * $rounds;
    echo $by === ['already_settled' => $n - 1, $settled => 1] ? "$settled x1, already_settled x" . ($n - 1) . " (of $n)\n" : json_encode($by) . "\n";
};
file_put_contents($data, json_encode(['tid' => $i['tid']] + $n));
$settled = 'settled';
$run(['notify', 'query', 'notify', 'query', 'notify', 'query', 'notify', 'query']);
echo m_counts($db), "\n";
echo "receipts: ", $db->queryValue('SELECT COUNT(DISTINCT receipt_no) FROM {payment}'), "\n";
echo "outbox payment_received: ", $db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE template = 'payment_received'"), "\n";
m_summary($m->accounts, $a);

echo "--- the refund notify from 4 processes\n";
$pid = (int) $db->queryValue('SELECT payment_id FROM {pay_intent} WHERE out_trade_no = ?', [$i['tid']]);
$rf = $m->payments->refund(m_admin(), $pid, 30000, '退回');
file_put_contents($data, json_encode(['tid' => $i['tid']] + wx_refund_notify($w, $rf['out_refund_no'])));
$settled = 'refund_succeeded';
$run(['refund', 'refund', 'refund', 'refund']);
echo m_counts($db), "\n";
echo "refund ", $m->payments->refunds(m_admin(), $pid)[0]['status'], "; audit refund_settle rows: ",
    $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'refund_settle'"), "\n";
m_summary($m->accounts, $a);
m_reconcile($m->accounts);
unlink($file);
unlink($data);
ca_fake_stop($w->fake);
ca_drop_db('money_wx_race');
?>
--EXPECTF--
settled x1, already_settled x%d (of %d)
bill=1 ledger_entry=2 payment=1 allocation=1 refund=0
receipts: 1
outbox payment_received: 1
balance=0 outstanding=0 credit=0 overdue=0 open=0 oldest=- paid_through=2026-01
--- the refund notify from 4 processes
refund_succeeded x1, already_settled x%d (of %d)
bill=1 ledger_entry=3 payment=1 allocation=2 refund=1
refund succeeded; audit refund_settle rows: 1
balance=30000 outstanding=30000 credit=0 overdue=30000 open=1 oldest=2026-01-15 paid_through=2025-12
reconcile: ok (1 clients)
