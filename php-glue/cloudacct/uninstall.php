<?php
/**
 * 云会计 uninstall. The firm's data stays (clients, jobs, bills and their history are records a
 * firm must keep): tables are dropped only when the site owner asks for it by creating the file
 * data/cloudacct-drop-data under the 微擎 root (or defining CLOUDACCT_DROP_DATA as true in
 * data/config.php) before uninstalling. Reinstalling later picks the kept data up again.
 */
defined('IN_IA') or exit('Access Denied');
require_once __DIR__ . '/inc/bootstrap.php';

$cloudacct_drop = (defined('CLOUDACCT_DROP_DATA') && CLOUDACCT_DROP_DATA) || is_file(IA_ROOT . '/data/cloudacct-drop-data');
if ($cloudacct_drop) {
    cloudacct_require_extension();
    $cloudacct_db = new CloudAcct\Db\Connection(cloudacct_db_options());
    CloudAcct\Db\Schema::dropAll($cloudacct_db);
    $cloudacct_db->close();
    @unlink(IA_ROOT . '/data/cloudacct-drop-data');
}
