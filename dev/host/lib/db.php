<?php
/**
 * The dev host's database settings, from the environment dev/demo sets (the way 微擎's
 * data/config.php would give them to the glue later):
 *   CLOUDACCT_DB_SOCKET or CLOUDACCT_DB_HOST + CLOUDACCT_DB_PORT, CLOUDACCT_DB_USER,
 *   CLOUDACCT_DB_PASSWORD, CLOUDACCT_DB_NAME, CLOUDACCT_DB_PREFIX (default ims_).
 */

declare(strict_types=1);

function cloudacct_demo_db_options(): array
{
    $env = static fn (string $k, string $d = ''): string => ($v = getenv('CLOUDACCT_DB_' . $k)) === false ? $d : $v;
    $o = [
        'user' => $env('USER', 'cloudacct'),
        'password' => $env('PASSWORD'),
        'database' => $env('NAME', 'cloudacct_demo'),
        'prefix' => $env('PREFIX', 'ims_'),
    ];
    if ($env('SOCKET') !== '') {
        $o['socket'] = $env('SOCKET');
    } else {
        $o['host'] = $env('HOST', '127.0.0.1');
        $o['port'] = (int) $env('PORT', '3306');
    }
    return $o;
}

function cloudacct_demo_connect(): CloudAcct\Db\Connection
{
    return new CloudAcct\Db\Connection(cloudacct_demo_db_options());
}
