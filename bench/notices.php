<?php
/**
 * Notices benchmark (DESIGN §7): N template messages to the fake WeChat API with L ms of added
 * latency, sent by CloudAcct\Notices\Sender through one libcurl multi handle, next to the same
 * messages sent one by one (concurrency 1). Prints "figure seconds" lines for bench/run.
 *
 *   php -n -d extension=modules/cloudacct.so -d cloudacct.http.test_transport=1 \
 *       bench/notices.php [N=1000] [LATENCY_MS=100] [CONCURRENCY=0 (the notice_concurrency setting, 100)] [N_ONE_BY_ONE=N]
 *
 * Needs the private MariaDB of dev/lib/mariadb.sh (CLOUDACCT_TEST_DB_* in the environment).
 * Everything is set up in a throw-away database cloudacct_bench_notices.
 */

declare(strict_types=1);

require __DIR__ . '/../tests/inc/fake_server.inc';

[$n, $latency, $concurrency] = [(int) ($argv[1] ?? 1000), (int) ($argv[2] ?? 100), (int) ($argv[3] ?? 0)];
$nSerial = (int) ($argv[4] ?? $n);
$env = fn(string $k, string $d = '') => getenv("CLOUDACCT_TEST_$k") !== false ? getenv("CLOUDACCT_TEST_$k") : $d;
$root = new CloudAcct\Db\Connection(['socket' => $env('DB_SOCKET'), 'user' => $env('DB_ROOT_USER', 'root'), 'password' => '',
    'database' => 'mysql', 'persistent' => false]);
$root->execute('DROP DATABASE IF EXISTS cloudacct_bench_notices');
$root->execute('CREATE DATABASE cloudacct_bench_notices CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
$db = new CloudAcct\Db\Connection(['socket' => $env('DB_SOCKET'), 'user' => $env('DB_USER', 'cloudacct'),
    'password' => $env('DB_PASSWORD', 'cloudacct-dev'), 'database' => 'cloudacct_bench_notices', 'prefix' => 'ims_']);
CloudAcct\Db\Schema::migrate($db);
$store = new CloudAcct\Store($db, 1);
(new CloudAcct\Settings($store))->set(CloudAcct\Actor::admin(1), 'notice_templates', ['job_assigned' => ['wechat' => [
    'template_id' => 'TPL_BENCH', 'data' => ['thing1' => '{title}', 'character_string2' => 'JOB{job_id}']]]]);
$outbox = new CloudAcct\Notices\Outbox($store);

$queue = function (string $tag, int $count) use ($db, $outbox) {
    $db->begin();
    for ($i = 1; $i <= $count; $i++) {
        $db->execute('INSERT IGNORE INTO {contact} (id, uniacid, name, phone, openid, created_at, updated_at) VALUES (?, 1, ?, ?, ?, 0, 0)',
            [$i, "客户$i", '139' . str_pad((string) $i, 8, '0', STR_PAD_LEFT), sprintf('oBench%07d', $i)]);
        $outbox->enqueue('client', $i, 'job_assigned', ['job_id' => $i, 'title' => "月度记账 $i"], "$tag:$i");
    }
    $db->commit();
};
$fake = ca_fake_start(['latency_ms' => $latency]);
$send = function (int $c, int $count) use ($store, $fake, $db) {
    $sender = new CloudAcct\Notices\Sender($store, fn(bool $f) => 'FAKE_ACCESS_TOKEN', ca_fake_options($fake, $c ? ['concurrency' => $c] : []));
    $t = microtime(true);
    $r = $sender->run($count);
    $took = microtime(true) - $t;
    if ($r['sent'] !== $count) {
        fwrite(STDERR, 'bench/notices.php: ' . json_encode($r) . "\n");
        exit(1);
    }
    return $took;
};
$queue('fanout', $n);
printf("notices_template_%d_fanout %.3f\n", $n, $send($concurrency, $n));
$queue('serial', $nSerial);
printf("notices_template_%d_one_by_one %.3f\n", $nSerial, $send(1, $nSerial));
ca_fake_stop($fake);
$root->execute('DROP DATABASE IF EXISTS cloudacct_bench_notices');
