<?php
/** dev/demo's migration step (dev/host/migrate.php): applies every pending migration through the extension. */

declare(strict_types=1);

require __DIR__ . '/lib/db.php';

$db = cloudacct_demo_connect();
$applied = CloudAcct\Db\Schema::migrate($db);
printf(
    "schema: applied %s; now at version %d of %d\n",
    $applied ? implode(', ', $applied) : 'nothing (already current)',
    CloudAcct\Db\Schema::currentVersion($db),
    CloudAcct\Db\Schema::latestVersion()
);
$db->close();
