<?php
/**
 * People benchmark (issue 5): the client list search at CLIENTS client companies (default 10,000;
 * run it again at 10× to see how the cost grows) — first page unfiltered and by keyword (name or
 * credit-code prefix), store, accountant, tag and status, median of 21 calls each — and every
 * statement of those searches EXPLAIN-checked for full scans. Data generated in SQL: names
 * "<city><word>科技/商贸/…有限公司", credit codes on half of them, 3 stores, 12 accountants, a tag
 * on every tenth company. Prints "figure value" lines for bench/run.
 *
 *   php -n -d extension=modules/cloudacct.so bench/people.php [CLIENTS=10000]
 */

declare(strict_types=1);

require __DIR__ . '/../tests/inc/config.inc';
require __DIR__ . '/explain.inc';

use CloudAcct\{Actor, Store};
use CloudAcct\People\Clients;

$n = (int) ($argv[1] ?? 10000);
$child = ($argv[2] ?? '') === '--trace-ops';
$db = $child ? new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_bench_people'])) : ca_db('bench_people');
$admin = Actor::admin(1, '127.0.0.1');
$searches = [
    'all' => [], 'keyword_name' => ['keyword' => '杭州'], 'keyword_code' => ['keyword' => '91330'],
    'store' => ['store_id' => 2], 'accountant' => ['accountant_id' => 7], 'tag' => ['tag' => '重点客户'], 'status' => ['status' => 'paused'],
];
$clients = new Clients(new Store($db, 1));
if ($child) {
    foreach ($searches as $f) {
        $clients->search($admin, $f, 1, 20);
        $clients->search($admin, $f, 5, 20);
    }
    exit(0);
}

CloudAcct\Db\Schema::migrate($db);
$db->execute("INSERT INTO {store} (uniacid, name, created_at, updated_at) VALUES (1, '东城店', 0, 0), (1, '西城店', 0, 0), (1, '南城店', 0, 0)");
$db->execute("INSERT INTO {staff} (uniacid, store_id, name, created_at, updated_at) SELECT 1, 1 + seq % 3, CONCAT('会计', seq), 0, 0 FROM seq_1_to_12");
$db->execute("INSERT INTO {client} (uniacid, name, credit_code, taxpayer_type, store_id, accountant_id, status, created_at, updated_at)"
    . " SELECT 1, CONCAT(ELT(1 + seq % 8, '杭州', '上海', '北京', '深圳', '广州', '成都', '南京', '苏州'),"
    . "   ELT(1 + (seq DIV 8) % 6, '星辰', '瑞丰', '宏达', '云帆', '恒信', '金桥'), seq,"
    . "   ELT(1 + (seq DIV 48) % 5, '科技', '商贸', '餐饮', '咨询', '建筑'), '有限公司'),"
    . "  IF(seq % 2 = 0, CONCAT('9133', LPAD(seq, 13, '0'), 'X'), NULL), IF(seq % 5 = 0, 'general', 'small'),"
    . "  1 + seq % 3, 1 + seq % 12, IF(seq % 20 = 0, 'paused', 'active'), seq, seq FROM seq_1_to_$n");
$db->execute("INSERT INTO {client_tag} (uniacid, client_id, tag) SELECT 1, id, '重点客户' FROM {client} WHERE uniacid = 1 AND id % 10 = 0");
printf("people_clients %d\n", $db->queryValue('SELECT COUNT(*) FROM {client}'));
foreach ($searches as $name => $filter) {
    $t = [];
    for ($i = 0; $i < 21; $i++) {
        $s = hrtime(true);
        $r = $clients->search($admin, $filter, 1, 20);
        $t[] = (hrtime(true) - $s) / 1e6;
    }
    sort($t);
    if ($name !== 'all' && $r['total'] === 0) {
        fwrite(STDERR, "bench/people.php: the search $name found nothing\n");
        exit(1);
    }
    printf("people_search_%s_ms %.2f\n", $name, $t[10]);
}
$trace = tempnam(sys_get_temp_dir(), 'ca_people_trace');
putenv('CA_INC=' . realpath(__DIR__ . '/../tests/inc/config.inc'));
passthru(ca_php_cmd(['cloudacct.db.trace' => $trace]) . ' ' . escapeshellarg(__FILE__) . " $n --trace-ops");
$x = bench_explain_trace($db, $trace);
unlink($trace);
printf("people_explain_statements %d\npeople_explain_full_scans %d\n", $x['statements'], count($x['findings']));
foreach ($x['findings'] as $f) {
    fwrite(STDERR, "full scan: $f\n");
}
ca_drop_db('bench_people');
