--TEST--
phpinfo() shows the version, the linked libraries and the pool counters, never a password
--EXTENSIONS--
cloudacct
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
$start = strpos($info, "cloudacct support");
$section = substr($info, $start, 2000);
foreach (['Version => 0.1.0', 'MySQL client library => 3.', 'libcurl => ', 'OpenSSL => OpenSSL ',
          'DB links opened => 0', 'DB links reused => 0', 'DB links replaced (dead) => 0',
          'DB links now => 0 active, 0 idle', 'cloudacct.db.persistent => On', 'cloudacct.db.max_persistent => 8'] as $needle) {
    echo $needle, ': ', str_contains($section, $needle) ? 'yes' : 'NO', "\n";
}
var_dump(stripos($section, 'password'));
?>
--EXPECT--
Version => 0.1.0: yes
MySQL client library => 3.: yes
libcurl => : yes
OpenSSL => OpenSSL : yes
DB links opened => 0: yes
DB links reused => 0: yes
DB links replaced (dead) => 0: yes
DB links now => 0 active, 0 idle: yes
cloudacct.db.persistent => On: yes
cloudacct.db.max_persistent => 8: yes
bool(false)
