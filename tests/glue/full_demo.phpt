--TEST--
Glue: the demo's full firm (dev/host/seed.php --firm full: 3 stores, 12 staff, ~200 companies, a year walked on the clock) seeds through the API and every page renders with its data for the founder, a store admin, an employee and a client taken from the identity switcher
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository');
// the seed walks a year of business through the API: one to two minutes on a busy 2-core machine, past
// run-tests' 60 s limit (a timed-out test is killed and retried while its seed still runs)
if (!getenv('CLOUDACCT_FULL_DEMO')) die('skip slow (the year-long seed): set CLOUDACCT_FULL_DEMO=1 TEST_TIMEOUT=600; dev/demo --smoke runs the same page check');
if ((int) getenv('TEST_TIMEOUT') < 300) die('skip needs TEST_TIMEOUT=600 (or run-tests --set-timeout 600): the seed alone takes one to two minutes'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('fulldemo' . getmypid(), false); // a name of its own: the database is dropped at the end
$db = $site->db();

// the full firm only walks the clock when the clock may be set; without it nothing is written
try {
    $site->run('dev/host/seed.php ' . escapeshellarg($site->dir) . ' --firm full');
    echo "seeded without a settable clock\n";
} catch (RuntimeException $e) {
    glue_check('refused without cloudacct.clock_settable=1', str_contains($e->getMessage(), 'cloudacct.clock_settable=1')
        && (int) $db->queryValue('SELECT COUNT(*) FROM {client} WHERE uniacid = 1') === 0, $e->getMessage());
}

$out = $site->run('-d cloudacct.clock_settable=1 dev/host/seed.php ' . escapeshellarg($site->dir) . ' --firm full');
glue_check('seed reports the firm', str_contains($out, '200 client companies'), $out);

$n = fn (string $sql) => (int) $db->queryValue($sql);
$now = CloudAcct\Clock::now();
glue_check('3 stores, 12 staff, 200 companies', $n('SELECT COUNT(*) FROM {store} WHERE uniacid = 1') === 3
    && $n('SELECT COUNT(*) FROM {staff} WHERE uniacid = 1') === 12 && $n('SELECT COUNT(*) FROM {client} WHERE uniacid = 1') >= 200);
glue_check('the small firm\'s names and ids are there', $db->queryValue('SELECT name FROM {client} WHERE uniacid = 1 AND id = 1') === '北京星辰科技有限公司'
    && $db->queryValue('SELECT name FROM {staff} WHERE uniacid = 1 AND id = 1') === '王芳'
    && $db->queryValue("SELECT openid FROM {staff} WHERE uniacid = 1 AND id = 1") === 'oDEMO_staff_wangfang');
glue_check('every credit code is unique', $n('SELECT COUNT(*) FROM {client} WHERE uniacid = 1 AND credit_code IS NOT NULL AND credit_code <> \'\'')
    === $n('SELECT COUNT(DISTINCT credit_code) FROM {client} WHERE uniacid = 1 AND credit_code IS NOT NULL AND credit_code <> \'\''));
// spread over a year, ending now
$first = $n('SELECT MIN(created_at) FROM {job} WHERE uniacid = 1');
$last = $n('SELECT MAX(created_at) FROM {job} WHERE uniacid = 1');
glue_check('jobs spread over the last year up to the last hour', $first < $now - 300 * 86400 && $first > $now - 367 * 86400 && $last > $now - 3600 && $last <= $now,
    "first $first last $last now $now");
glue_check('12 months of bills', $n('SELECT COUNT(DISTINCT period) FROM {bill} WHERE uniacid = 1') >= 12);
foreach (['open', 'assigned', 'in_progress', 'waiting_client', 'escalated', 'done', 'closed', 'cancelled'] as $state) {
    glue_check("jobs in state $state", $n("SELECT COUNT(*) FROM {job} WHERE uniacid = 1 AND status = '$state'") > 0);
}
foreach (['open', 'processing', 'resolved', 'closed'] as $state) {
    glue_check("complaints in state $state", $n("SELECT COUNT(*) FROM {complaint} WHERE uniacid = 1 AND status = '$state'") > 0);
}
glue_check('most bills paid, some owed', $n("SELECT COUNT(*) FROM {bill} WHERE uniacid = 1 AND status = 'paid'") > 10 * $n("SELECT COUNT(*) FROM {bill} WHERE uniacid = 1 AND status = 'open'")
    && $n("SELECT COUNT(*) FROM {bill} WHERE uniacid = 1 AND status = 'open'") > 10);
glue_check('online and offline payments', $n("SELECT COUNT(*) FROM {payment} WHERE uniacid = 1 AND channel = 'weengine'") > 100
    && $n("SELECT COUNT(*) FROM {payment} WHERE uniacid = 1 AND channel = 'offline'") > 100);
glue_check('refunded orders', $n("SELECT COUNT(*) FROM {order} WHERE uniacid = 1 AND status = 'refunded'") > 0);
glue_check('dunning reminders sent', $n('SELECT COUNT(*) FROM {dunning_log} WHERE uniacid = 1') > 100);
glue_check('ratings mostly good, some bad', $n("SELECT COUNT(*) FROM {rating} WHERE uniacid = 1 AND overall = 'good'") > 5 * $n("SELECT COUNT(*) FROM {rating} WHERE uniacid = 1 AND overall = 'bad'")
    && $n("SELECT COUNT(*) FROM {rating} WHERE uniacid = 1 AND overall = 'bad'") > 0 && $n('SELECT COUNT(*) FROM {rating_followup} WHERE uniacid = 1') > 0);
glue_check('books with tax confirmations', $n("SELECT COUNT(*) FROM {book} WHERE uniacid = 1 AND confirm_status = 'confirmed'") > 100);
glue_check('the ledger reconciles', (new CloudAcct\Ledger\Accounts(new CloudAcct\Store($db, 1)))->reconcile(CloudAcct\Actor::system(), 0)['mismatches'] === []);
glue_check('today\'s notices wait for the scheduler, older ones were delivered', $n("SELECT COUNT(*) FROM {outbox} WHERE uniacid = 1 AND status = 'queued'") > 0
    && $n("SELECT COUNT(*) FROM {outbox} WHERE uniacid = 1 AND status = 'queued' AND created_at < " . ($now - 2 * 86400)) === 0);

// seeding again changes nothing
glue_check('a second seed is a no-op', str_contains($site->run('-d cloudacct.clock_settable=1 dev/host/seed.php ' . escapeshellarg($site->dir) . ' --firm full'), 'already there'));

// every page, for each role, from the switcher
$p = proc_open([PHP_BINARY, '-n', __DIR__ . '/../../dev/host/seed/pages_check.php', $site->base], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$report = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
$rc = proc_close($p);
echo preg_replace('/^pages_check: \d+ pages \(\d+ as admin, \d+ as store admin, \d+ as staff, \d+ as client\): /m', 'pages_check: ', $report);
glue_check('pages_check exit status', $rc === 0);
glue_check('no PHP errors in the server log', !preg_match('/PHP (Fatal|Warning|Notice|Deprecated)/', $site->serverLog()), $site->serverLog());
?>
--EXPECT--
ok refused without cloudacct.clock_settable=1
ok seed reports the firm
ok 3 stores, 12 staff, 200 companies
ok the small firm's names and ids are there
ok every credit code is unique
ok jobs spread over the last year up to the last hour
ok 12 months of bills
ok jobs in state open
ok jobs in state assigned
ok jobs in state in_progress
ok jobs in state waiting_client
ok jobs in state escalated
ok jobs in state done
ok jobs in state closed
ok jobs in state cancelled
ok complaints in state open
ok complaints in state processing
ok complaints in state resolved
ok complaints in state closed
ok most bills paid, some owed
ok online and offline payments
ok refunded orders
ok dunning reminders sent
ok ratings mostly good, some bad
ok books with tax confirmations
ok the ledger reconciles
ok today's notices wait for the scheduler, older ones were delivered
ok a second seed is a no-op
pages_check: all fine
ok pages_check exit status
ok no PHP errors in the server log
