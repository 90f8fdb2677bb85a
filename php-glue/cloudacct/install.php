<?php
/**
 * 云会计 install: 微擎 runs this from its module manager (manifest <install>install.php</install>).
 * The schema belongs to the extension: CloudAcct\Db\Schema::migrate() creates every module table
 * (idempotent, safe if two installs race).
 */
defined('IN_IA') or exit('Access Denied');
require_once __DIR__ . '/inc/bootstrap.php';

cloudacct_migrate();
