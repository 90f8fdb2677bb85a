<?php
/**
 * 云会计 upgrade: applies the migrations the installed extension has and the database lacks.
 * Upgrading from any released version to the current one is the same call.
 */
defined('IN_IA') or exit('Access Denied');
require_once __DIR__ . '/inc/bootstrap.php';

cloudacct_migrate();
