<?php
/**
 * dev/host/seed.php SITE_DIR [--firm small|full] — a demo firm for the dev host, made through the
 * extension's API (so every row passes the same checks, audit, ledger postings and outbox as in
 * production). Does nothing when the database already has client companies.
 *
 *   --firm small (default)  dev/host/seed/small.php: 2 stores, 5 staff, 6 client companies and a
 *                           handful of orders, jobs, bills, ratings, complaints and books, made
 *                           "now" — what the glue and browser tests rely on.
 *   --firm full (--full)    dev/host/seed/full.php: the demo's realistic firm — 3 stores, 12 staff,
 *                           about 200 client companies and a year of work and money, made by
 *                           walking CloudAcct\Clock forward over the last 12 months. Needs
 *                           -d cloudacct.clock_settable=1 (dev/demo passes it). It contains the
 *                           small firm's stores, people and companies under the same names and ids.
 */

declare(strict_types=1);

use CloudAcct\Actor;

$firm = 'small';
$site = null;
for ($i = 1; $i < $argc; $i++) {
    $a = $argv[$i];
    if ($a === '--full') {
        $firm = 'full';
    } elseif ($a === '--firm' && isset($argv[$i + 1])) {
        $firm = $argv[++$i];
    } elseif (str_starts_with($a, '--firm=')) {
        $firm = substr($a, 7);
    } elseif ($site === null && !str_starts_with($a, '--')) {
        $site = $a;
    } else {
        $site = null;
        break;
    }
}
if ($site === null || !in_array($firm, ['small', 'full'], true)) {
    fwrite(STDERR, "usage: php [-d cloudacct.clock_settable=1] dev/host/seed.php SITE_DIR [--firm small|full]\n");
    exit(2);
}
if ($firm === 'full' && ini_get('cloudacct.clock_settable') !== '1') {
    fwrite(STDERR, "seed: the full firm walks the clock over the last year: run php with -d cloudacct.clock_settable=1\n");
    exit(2);
}
putenv('WE7_HOST_SITE=' . realpath($site));
require __DIR__ . '/framework/bootstrap.php';
we7_host_bootstrap();
we7_host_account(1);

$db = new CloudAcct\Db\Connection(we7_host_db_options());
$store = new CloudAcct\Store($db, 1);
if ((int) $db->queryValue('SELECT COUNT(*) FROM {client} WHERE uniacid = 1') > 0) {
    echo "seed: the demo firm is already there\n";
    exit(0);
}
if ($firm === 'full') {
    // the firm's history starts a year ago, at 08:30 China time (UTC+8) of that day
    $seedNow = time();
    $seedStart = intdiv($seedNow - 365 * 86400 + 8 * 3600, 86400) * 86400 - 8 * 3600 + 8 * 3600 + 1800;
    CloudAcct\Clock::freeze($seedStart);
}
$admin = Actor::admin(1, '127.0.0.1');
$stores = new CloudAcct\People\Stores($store);
$staff = new CloudAcct\People\Staff($store);
$clients = new CloudAcct\People\Clients($store);
$contacts = new CloudAcct\People\Contacts($store);
(new CloudAcct\Settings($store))->set($admin, 'firm_name', '云会计演示事务所');
(new CloudAcct\Settings($store))->set($admin, 'firm_phone', '010-88886666');

/** A valid 统一社会信用代码 (GB 32100-2015 check character) from a 17-character body. */
function seed_credit_code(string $body): string
{
    $alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    $weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    $sum = 0;
    for ($i = 0; $i < 17; $i++) {
        $sum += strpos($alphabet, $body[$i]) * $weights[$i];
    }
    $c = 31 - $sum % 31;
    return $body . $alphabet[$c === 31 ? 0 : $c];
}

/** 微擎's fan and member rows of a WeChat user (what following the official account leaves). */
function seed_fan(string $openid, string $nickname): void
{
    if (!pdo_get('mc_mapping_fans', ['uniacid' => 1, 'openid' => $openid])) {
        pdo_insert('mc_members', ['uniacid' => 1, 'nickname' => $nickname, 'createtime' => time()]);
        pdo_insert('mc_mapping_fans', ['acid' => 1, 'uniacid' => 1, 'uid' => pdo_insertid(), 'openid' => $openid,
            'nickname' => $nickname, 'follow' => 1, 'followtime' => time(), 'updatetime' => time()]);
    }
}

require __DIR__ . '/seed/' . $firm . '.php';
