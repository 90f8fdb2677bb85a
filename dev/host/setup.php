<?php
/**
 * dev/host/setup.php SITE_DIR [--no-install] — lays out a 微擎-like site for the dev host:
 *
 *   SITE_DIR/data/config.php        written like 微擎's installer writes it ($config['db']['master'] …,
 *                                   host 'localhost' + the private server's socket, a random authkey
 *                                   and cookie prefix)
 *   SITE_DIR/addons/cloudacct       → php-glue/cloudacct (a symlink: edits show at once)
 *   SITE_DIR/attachment/            uploads
 *   SITE_DIR/web/resource/components/{bootstrap,jquery} → the npm packages (dev/host/assets.sh)
 *   the host's 微擎 core tables     ims_users, ims_uni_account, ims_account_wechats, ims_mc_*,
 *                                   ims_core_sessions/_cache/_paylog, ims_modules(_bindings),
 *                                   ims_uni_account_modules (only what the host uses)
 *   one founder (uid 1, admin), one account (uniacid 1), and the module installed through the
 *   host's module manager (manifest checks, bindings, install.php → Schema::migrate).
 *
 * Database from CLOUDACCT_DB_SOCKET / _HOST / _PORT / _USER / _PASSWORD / _NAME / _PREFIX.
 * Idempotent: an existing site keeps its config.php (and so its cookies and authkey).
 */

declare(strict_types=1);

$args = array_slice($argv, 1);
$noInstall = in_array('--no-install', $args, true);
$args = array_values(array_filter($args, fn ($a) => $a[0] !== '-'));
if (count($args) !== 1) {
    fwrite(STDERR, "usage: php dev/host/setup.php SITE_DIR [--no-install]\n");
    exit(2);
}
$site = rtrim($args[0], '/');
$repo = dirname(__DIR__, 2);
foreach (['data', 'data/tpl', 'data/logs', 'attachment', 'addons', 'web/resource/components'] as $d) {
    is_dir("$site/$d") || mkdir("$site/$d", 0755, true);
}
$site = realpath($site);

$env = static fn (string $k, string $d = ''): string => ($v = getenv('CLOUDACCT_DB_' . $k)) === false ? $d : $v;
if (!is_file("$site/data/config.php")) {
    $socket = $env('SOCKET');
    $db = [
        'host' => $socket !== '' ? 'localhost' : $env('HOST', '127.0.0.1'),
        'username' => $env('USER', 'cloudacct'),
        'password' => $env('PASSWORD'),
        'port' => $env('PORT', '3306'),
        'database' => $env('NAME', 'cloudacct_demo'),
        'charset' => 'utf8',
        'pconnect' => 0,
        'tablepre' => $env('PREFIX', 'ims_'),
    ];
    $lines = ["<?php", "defined('IN_IA') or exit('Access Denied');", '', '$config = array();', ''];
    foreach ($db as $k => $v) {
        $lines[] = "\$config['db']['master']['$k'] = " . var_export($v, true) . ';';
    }
    if ($socket !== '') {
        $lines[] = '// 云会计: the Unix socket that "localhost" means on this server';
        $lines[] = "\$config['db']['master']['socket'] = " . var_export($socket, true) . ';';
    }
    array_push($lines,
        "\$config['db']['slave_status'] = false;",
        "\$config['db']['slave']['1']['host'] = '';",
        '',
        "\$config['setting']['charset'] = 'utf-8';",
        "\$config['setting']['cache'] = 'mysql';",
        "\$config['setting']['timezone'] = 'Asia/Shanghai';",
        "\$config['setting']['memory_limit'] = '256M';",
        "\$config['setting']['filemode'] = 0644;",
        "\$config['setting']['authkey'] = '" . bin2hex(random_bytes(8)) . "';",
        "\$config['setting']['founder'] = '1';",
        "\$config['setting']['development'] = 0;",
        "\$config['setting']['referrer'] = 0;",
        '',
        "\$config['cookie']['pre'] = '" . substr(bin2hex(random_bytes(2)), 0, 4) . "_';",
        "\$config['cookie']['domain'] = '';",
        "\$config['cookie']['path'] = '/';",
        '',
        "\$config['upload']['attachdir'] = 'attachment';",
        '',
        "// the scheduler entry (do=scheduler, cli/scheduler.php) of the cloudacct module",
        "\$config['cloudacct']['scheduler_secret'] = '" . bin2hex(random_bytes(16)) . "';",
        ''
    );
    file_put_contents("$site/data/config.php", implode("\n", $lines));
}

// the module, and the front-end packages of the 微擎 chrome
$link = "$site/addons/cloudacct";
if (!is_link($link) && !is_dir($link)) {
    symlink("$repo/php-glue/cloudacct", $link);
}
foreach (['bootstrap' => 'bootstrap/dist', 'jquery' => 'jquery/dist'] as $name => $dist) {
    $target = __DIR__ . "/var/npm/node_modules/$dist";
    $l = "$site/web/resource/components/$name";
    if (is_dir($target) && !is_link($l)) {
        symlink($target, $l);
    }
}

putenv("WE7_HOST_SITE=$site");
define('IN_SYS', true);
require __DIR__ . '/framework/bootstrap.php';
require __DIR__ . '/framework/modules.php';
we7_host_bootstrap();

$charset = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4';
$tables = [
    'users' => "uid INT UNSIGNED NOT NULL AUTO_INCREMENT, groupid INT UNSIGNED NOT NULL DEFAULT 0,
        founder_groupid TINYINT UNSIGNED NOT NULL DEFAULT 0, username VARCHAR(30) NOT NULL, password VARCHAR(200) NOT NULL DEFAULT '',
        salt VARCHAR(10) NOT NULL DEFAULT '', type TINYINT UNSIGNED NOT NULL DEFAULT 1, status TINYINT NOT NULL DEFAULT 2,
        joindate INT UNSIGNED NOT NULL DEFAULT 0, lastvisit INT UNSIGNED NOT NULL DEFAULT 0, lastip VARCHAR(15) NOT NULL DEFAULT '',
        remark VARCHAR(500) NOT NULL DEFAULT '', PRIMARY KEY (uid), UNIQUE KEY username (username)",
    'uni_account' => "uniacid INT UNSIGNED NOT NULL AUTO_INCREMENT, groupid INT NOT NULL DEFAULT 0, name VARCHAR(100) NOT NULL,
        description VARCHAR(255) NOT NULL DEFAULT '', default_acid INT UNSIGNED NOT NULL DEFAULT 0, PRIMARY KEY (uniacid)",
    'account_wechats' => "acid INT UNSIGNED NOT NULL AUTO_INCREMENT, uniacid INT UNSIGNED NOT NULL, token VARCHAR(32) NOT NULL DEFAULT '',
        encodingaeskey VARCHAR(255) NOT NULL DEFAULT '', level TINYINT UNSIGNED NOT NULL DEFAULT 4, name VARCHAR(30) NOT NULL,
        `key` VARCHAR(50) NOT NULL DEFAULT '', secret VARCHAR(50) NOT NULL DEFAULT '', PRIMARY KEY (acid), KEY idx_uniacid (uniacid)",
    'uni_account_users' => "id INT UNSIGNED NOT NULL AUTO_INCREMENT, uniacid INT UNSIGNED NOT NULL, uid INT UNSIGNED NOT NULL,
        role VARCHAR(255) NOT NULL DEFAULT 'operator', PRIMARY KEY (id), KEY uniacid (uniacid, uid)",
    'mc_mapping_fans' => "fanid INT UNSIGNED NOT NULL AUTO_INCREMENT, acid INT UNSIGNED NOT NULL, uniacid INT UNSIGNED NOT NULL,
        uid INT UNSIGNED NOT NULL DEFAULT 0, openid VARCHAR(50) NOT NULL, nickname VARCHAR(50) NOT NULL DEFAULT '',
        follow TINYINT UNSIGNED NOT NULL DEFAULT 1, followtime INT UNSIGNED NOT NULL DEFAULT 0, unfollowtime INT UNSIGNED NOT NULL DEFAULT 0,
        tag VARCHAR(1000) NOT NULL DEFAULT '', updatetime INT UNSIGNED NOT NULL DEFAULT 0, unionid VARCHAR(64) NOT NULL DEFAULT '',
        PRIMARY KEY (fanid), UNIQUE KEY openid (uniacid, openid)",
    'mc_members' => "uid INT UNSIGNED NOT NULL AUTO_INCREMENT, uniacid INT UNSIGNED NOT NULL, mobile VARCHAR(18) NOT NULL DEFAULT '',
        nickname VARCHAR(20) NOT NULL DEFAULT '', avatar VARCHAR(255) NOT NULL DEFAULT '', createtime INT UNSIGNED NOT NULL DEFAULT 0,
        PRIMARY KEY (uid)",
    'core_sessions' => "sid CHAR(32) NOT NULL, uniacid INT UNSIGNED NOT NULL DEFAULT 0, openid VARCHAR(50) NOT NULL DEFAULT '',
        data VARCHAR(5000) NOT NULL DEFAULT '', expiretime INT UNSIGNED NOT NULL DEFAULT 0, PRIMARY KEY (sid)",
    'core_cache' => "`key` VARCHAR(100) NOT NULL, value LONGTEXT NOT NULL, PRIMARY KEY (`key`)",
    'core_paylog' => "plid BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, type VARCHAR(20) NOT NULL DEFAULT '', uniacid INT NOT NULL,
        acid INT NOT NULL DEFAULT 0, openid VARCHAR(40) NOT NULL DEFAULT '', uniontid VARCHAR(64) NOT NULL DEFAULT '',
        tid VARCHAR(128) NOT NULL, fee DECIMAL(10,2) NOT NULL, status TINYINT NOT NULL DEFAULT 0, module VARCHAR(50) NOT NULL,
        tag VARCHAR(2000) NOT NULL DEFAULT '', is_usecard TINYINT UNSIGNED NOT NULL DEFAULT 0, card_type TINYINT UNSIGNED NOT NULL DEFAULT 0,
        card_id VARCHAR(50) NOT NULL DEFAULT '', card_fee DECIMAL(10,2) NOT NULL DEFAULT 0, encrypt_code VARCHAR(100) NOT NULL DEFAULT '',
        is_wish TINYINT UNSIGNED NOT NULL DEFAULT 0, coupon VARCHAR(1000) NOT NULL DEFAULT '',
        PRIMARY KEY (plid), KEY idx_tid (uniacid, module, tid), KEY uniontid (uniontid)",
    'core_refundlog' => "id INT UNSIGNED NOT NULL AUTO_INCREMENT, uniacid INT NOT NULL, refund_uniontid VARCHAR(64) NOT NULL DEFAULT '',
        reason VARCHAR(80) NOT NULL DEFAULT '', uniontid VARCHAR(64) NOT NULL DEFAULT '', fee DECIMAL(10,2) NOT NULL DEFAULT 0,
        status INT NOT NULL DEFAULT 0, is_wish TINYINT UNSIGNED NOT NULL DEFAULT 0, PRIMARY KEY (id), KEY uniontid (uniontid)",
    'modules' => "mid INT UNSIGNED NOT NULL AUTO_INCREMENT, name VARCHAR(100) NOT NULL, type VARCHAR(20) NOT NULL DEFAULT '',
        title VARCHAR(100) NOT NULL, version VARCHAR(15) NOT NULL, ability VARCHAR(500) NOT NULL DEFAULT '',
        description VARCHAR(1000) NOT NULL DEFAULT '', author VARCHAR(50) NOT NULL DEFAULT '', url VARCHAR(255) NOT NULL DEFAULT '',
        settings TINYINT UNSIGNED NOT NULL DEFAULT 0, app_support TINYINT UNSIGNED NOT NULL DEFAULT 2,
        wxapp_support TINYINT UNSIGNED NOT NULL DEFAULT 1, PRIMARY KEY (mid), UNIQUE KEY name (name)",
    'modules_bindings' => "eid INT UNSIGNED NOT NULL AUTO_INCREMENT, module VARCHAR(100) NOT NULL, entry VARCHAR(30) NOT NULL,
        `call` VARCHAR(50) NOT NULL DEFAULT '', title VARCHAR(50) NOT NULL DEFAULT '', do VARCHAR(200) NOT NULL DEFAULT '',
        state VARCHAR(200) NOT NULL DEFAULT '', direct INT UNSIGNED NOT NULL DEFAULT 0, url VARCHAR(100) NOT NULL DEFAULT '',
        icon VARCHAR(50) NOT NULL DEFAULT '', displayorder TINYINT UNSIGNED NOT NULL DEFAULT 0, PRIMARY KEY (eid), KEY idx_module (module)",
    'uni_account_modules' => "id INT UNSIGNED NOT NULL AUTO_INCREMENT, uniacid INT UNSIGNED NOT NULL, module VARCHAR(50) NOT NULL,
        enabled TINYINT UNSIGNED NOT NULL DEFAULT 1, settings TEXT NOT NULL, shortcut TINYINT UNSIGNED NOT NULL DEFAULT 0,
        displayorder INT UNSIGNED NOT NULL DEFAULT 0, PRIMARY KEY (id), KEY idx_module (module), KEY idx_uniacid (uniacid)",
];
foreach ($tables as $name => $cols) {
    pdo_query('CREATE TABLE IF NOT EXISTS ' . tablename($name) . " ($cols) $charset");
}

if (!pdo_get('users', ['uid' => 1])) {
    $salt = random(8);
    pdo_insert('users', ['uid' => 1, 'founder_groupid' => 1, 'username' => 'admin', 'password' => sha1("admin888-$salt"),
        'salt' => $salt, 'status' => 2, 'joindate' => time(), 'remark' => '开发主机创始人（密码 admin888，用身份切换登录）']);
}
if (!pdo_get('users', ['username' => 'manager'])) {
    pdo_insert('users', ['founder_groupid' => 0, 'username' => 'manager', 'status' => 2, 'joindate' => time(), 'remark' => '公众号管理员']);
    pdo_insert('uni_account_users', ['uniacid' => 1, 'uid' => pdo_insertid(), 'role' => 'manager']);
}
if (!pdo_get('uni_account', ['uniacid' => 1])) {
    pdo_insert('uni_account', ['uniacid' => 1, 'name' => '云会计演示事务所', 'description' => '开发主机的公众号', 'default_acid' => 1]);
    pdo_insert('account_wechats', ['acid' => 1, 'uniacid' => 1, 'token' => random(32), 'level' => 4, 'name' => '云会计演示事务所',
        'key' => 'wx' . random(16, true), 'secret' => random(32)]);
}

if (!$noInstall) {
    $_W['uid'] = 1;
    $_W['isfounder'] = true;
    we7_host_account(1);
    $r = pdo_get('modules', ['name' => 'cloudacct']) ? we7_module_upgrade('cloudacct') : we7_module_install('cloudacct');
    if (is_error($r)) {
        fwrite(STDERR, "setup: installing cloudacct failed: {$r['message']}\n");
        exit(1);
    }
}
echo "site: $site\n";
