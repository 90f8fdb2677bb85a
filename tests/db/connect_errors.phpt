--TEST--
Connection errors: wrong password, unknown database, no server, bad options — clear exceptions, no password in them
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.db.connect_timeout=2
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
use CloudAcct\Db\Connection;
function attempt(array $o) {
    try {
        new Connection($o);
        echo "connected\n";
    } catch (CloudAcct\Exception $e) {
        $msg = $e->getMessage();
        // the constructor's options never show in a trace: the parameter is #[\SensitiveParameter]
        $frame = $e->getTrace()[0];
        $hidden = $frame['function'] === '__construct' && $frame['args'][0] instanceof SensitiveParameterValue;
        printf("%s errno=%d sqlstate=%s secret-leaked=%s\n", get_class($e), $e->getCode(),
            $e instanceof CloudAcct\DatabaseException ? $e->getSqlState() : '-',
            !$hidden || str_contains($msg . print_r($frame, true), 'S3cret-pw') ? 'yes' : 'no');
        echo '  ', $msg, "\n";
    }
}
attempt(ca_options(['password' => 'S3cret-pw']));
attempt(ca_options(['database' => 'cloudacct_no_such_db']));
attempt(ca_options(['socket' => '/nonexistent/mysqld.sock', 'password' => 'S3cret-pw']));
attempt(ca_options(['socket' => null, 'host' => '127.0.0.1', 'port' => 1, 'password' => 'S3cret-pw']));
attempt(ca_options(['passwd' => 'x']));
attempt(ca_options(['port' => 70000]));
attempt(ca_options(['port' => 'abc']));
attempt(ca_options(['user' => ['x']]));
attempt(ca_options(['prefix' => 'ims`; DROP']));
attempt(ca_options(['charset' => 'latin1']));
attempt(ca_options(['user' => null]));
attempt(ca_options(['host' => "local\0host"]));
attempt([0 => 'x', 'user' => 'u']);
var_dump(Connection::poolStats()['active']);
?>
--EXPECTF--
CloudAcct\ConnectionException errno=1045 sqlstate=28000 secret-leaked=no
  数据库连接失败：Access denied for user 'cloudacct'@'localhost' (using password: YES) (connect, errno 1045, SQLSTATE 28000)
CloudAcct\ConnectionException errno=1049 sqlstate=42000 secret-leaked=no
  数据库连接失败：Unknown database 'cloudacct_no_such_db' (connect, errno 1049, SQLSTATE 42000)
CloudAcct\ConnectionException errno=2002 sqlstate=HY000 secret-leaked=no
  数据库连接失败：Can't connect to local server through socket '/nonexistent/mysqld.sock' (2) (connect, errno 2002, SQLSTATE HY000)
CloudAcct\ConnectionException errno=2002 sqlstate=HY000 secret-leaked=no
  数据库连接失败：Can't connect to server on '127.0.0.1' (%d) (connect, errno 2002, SQLSTATE HY000)
CloudAcct\ValidationException errno=0 sqlstate=- secret-leaked=no
  未知的数据库连接参数 passwd (unknown option)
CloudAcct\ValidationException errno=0 sqlstate=- secret-leaked=no
  数据库连接参数 port 超出范围 0–65535 (option "port" out of range)
CloudAcct\ValidationException errno=0 sqlstate=- secret-leaked=no
  数据库连接参数 port 必须是整数 (option "port" must be an integer)
CloudAcct\ValidationException errno=0 sqlstate=- secret-leaked=no
  数据库连接参数 user 必须是字符串 (option "user" must be a string)
CloudAcct\ValidationException errno=0 sqlstate=- secret-leaked=no
  表前缀只能包含字母、数字和下划线 (invalid table prefix)
CloudAcct\ValidationException errno=0 sqlstate=- secret-leaked=no
  只支持 utf8mb4 字符集 (only utf8mb4 is supported)
CloudAcct\ValidationException errno=0 sqlstate=- secret-leaked=no
  缺少数据库用户名 (option "user" is required)
CloudAcct\ValidationException errno=0 sqlstate=- secret-leaked=no
  数据库连接参数 host 无效 (option "host" is too long or contains NUL)
CloudAcct\ValidationException errno=0 sqlstate=- secret-leaked=no
  未知的数据库连接参数 (integer key) (unknown option)
int(0)
