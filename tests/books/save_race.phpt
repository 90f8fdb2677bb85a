--TEST--
Books: 4 PHP processes (the accountant and 3 admins) save and publish the same client's books of the same 12 periods at once: one book per period, every call succeeds or is refused with a typed exception, revisions are numbered without gaps and the book points at the last one
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/books.inc';
const WORKERS = 4;
$db = w_setup('books_save_race');
$acct = w_staff($db, 1);
$client = w_client($db, 1, ['accountant_id' => $acct]);
w_contact($db, 1, $client);
$periods = [];
for ($m = 1; $m <= 12; $m++) {
    $periods[] = sprintf('2025-%02d', $m);
}
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
$start = sprintf('%.6f', microtime(true) + (getenv('USE_ZEND_ALLOC') === '0' ? 10.0 : 1.0));
$procs = $pipes = [];
foreach (["staff:$acct", 'admin:1', 'admin:2', 'admin:3'] as $i => $who) {
    $cmd = ca_php_cmd() . ' ' . escapeshellarg(__DIR__ . '/save_race.inc') . ' cloudacct_t_books_save_race ' . $client . ' '
        . $who . ' ' . $start . ' ' . implode(',', $periods);
    $procs[$i] = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes[$i]);
}
$total = [];
foreach ($procs as $i => $p) {
    $raw = stream_get_contents($pipes[$i][1]) . stream_get_contents($pipes[$i][2]);
    proc_close($p);
    $r = json_decode($raw, true);
    if (!is_array($r)) {
        echo "worker $i: $raw\n";
        continue;
    }
    foreach ($r as $k => $n) {
        $total[$k] = ($total[$k] ?? 0) + $n;
    }
}
$allowed = ['save ok', 'publish ok', 'save CloudAcct\ConflictException', 'publish CloudAcct\ConflictException',
    'publish CloudAcct\InvalidTransitionException'];
echo 'unexpected outcomes: ', json_encode(array_diff_key($total, array_flip($allowed))), "\n";
echo 'calls: ', array_sum($total), ' of ', WORKERS * count($periods) * 2 - ($total['save CloudAcct\ConflictException'] ?? 0), "\n";
echo 'books: ', $db->queryValue('SELECT COUNT(*) FROM {book}'), ', one per period: ',
    json_encode((int) $db->queryValue('SELECT COUNT(DISTINCT period) FROM {book}') === count($periods)), "\n";
echo 'successful publishes = revision rows: ', json_encode(($total['publish ok'] ?? 0) === (int) $db->queryValue('SELECT COUNT(*) FROM {book_revision}')), "\n";
$ok = true;
foreach ($db->query('SELECT id, revision, status, changed, content FROM {book}') as $b) {
    $revs = array_map('intval', array_column($db->query('SELECT revision FROM {book_revision} WHERE book_id = ? ORDER BY revision', [$b['id']]), 'revision'));
    $last = $db->queryValue('SELECT content FROM {book_revision} WHERE book_id = ? AND revision = ?', [$b['id'], $b['revision']]);
    $ok = $ok && $revs === range(1, max(1, count($revs))) && $b['revision'] === count($revs) && $b['status'] === 'published'
        && ($b['changed'] === 0) === ($last === $b['content']);
}
echo 'revisions numbered 1..n, the book at the last, changed iff it differs: ', json_encode($ok), "\n";
echo 'audit rows = successful calls: ', json_encode((int) $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE object_type = 'book'")
    === ($total['save ok'] ?? 0) + ($total['publish ok'] ?? 0)), "\n";
echo 'every period saved by several editors: ', json_encode((int) $db->queryValue("SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM {audit}"
    . " WHERE action = 'book_save' GROUP BY object_id) t") >= 2), "\n";
ca_drop_db('books_save_race');
?>
--EXPECT--
unexpected outcomes: []
calls: 96 of 96
books: 12, one per period: true
successful publishes = revision rows: true
revisions numbered 1..n, the book at the last, changed iff it differs: true
audit rows = successful calls: true
every period saved by several editors: true
