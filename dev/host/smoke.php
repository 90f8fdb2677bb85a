<?php
/**
 * dev/host/smoke.php URL — dev/demo --smoke's check of the 微擎 dev host: switches identity like
 * a person would, opens the backend and mobile pages, and checks that each shows what it should
 * and no PHP error. Plain PHP streams (no curl extension needed). Exit 0 = fine.
 */

declare(strict_types=1);

$base = rtrim($argv[1] ?? '', '/') . '/';
$cookies = [];

function smoke_get(string $url, array $post = null): array
{
    global $cookies;
    $headers = ['Cookie: ' . implode('; ', array_map(fn ($k, $v) => "$k=$v", array_keys($cookies), $cookies))];
    $opts = ['method' => $post === null ? 'GET' : 'POST', 'ignore_errors' => true, 'follow_location' => 0, 'timeout' => 20];
    if ($post !== null) {
        $headers[] = 'Content-Type: application/x-www-form-urlencoded';
        $opts['content'] = http_build_query($post);
    }
    $opts['header'] = implode("\r\n", $headers);
    $body = @file_get_contents($url, false, stream_context_create(['http' => $opts]));
    $status = 0;
    $location = '';
    foreach ($http_response_header ?? [] as $h) {
        if (preg_match('#^HTTP/\S+ (\d+)#', $h, $m)) {
            $status = (int) $m[1];
        } elseif (preg_match('/^Set-Cookie:\s*([^=]+)=([^;]*)/i', $h, $m)) {
            $cookies[$m[1]] = $m[2];
        } elseif (preg_match('/^Location:\s*(\S+)/i', $h, $m)) {
            $location = $m[1];
        }
    }
    return [$status, (string) $body, $location];
}

$failed = 0;
function smoke_check(string $what, string $url, array $want, ?array $post = null): void
{
    global $failed;
    [$status, $body] = smoke_get($url, $post);
    $missing = array_filter($want, fn ($w) => !str_contains($body, $w));
    $bad = preg_match('/(Fatal error|Warning|Notice|Deprecated|Parse error|Uncaught)/', $body, $m) ? $m[1] : '';
    if ($status !== 200 || $missing || $bad !== '') {
        $failed++;
        fprintf(STDERR, "smoke: %s (%s): HTTP %d%s%s\n", $what, $url, $status,
            $missing ? '; lacks: ' . implode(', ', $missing) : '', $bad !== '' ? "; shows a PHP $bad" : '');
        fwrite(STDERR, substr(trim(preg_replace('/\s+/', ' ', strip_tags($body))), 0, 600) . "\n");
    }
}

[$st] = smoke_get($base . 'switch.php', ['kind' => 'admin', 'uid' => 1]);
$st === 302 or fwrite(STDERR, "smoke: the identity switcher did not log the admin in (HTTP $st)\n");
$web = $base . 'web/index.php?c=site&a=entry&m=cloudacct&w7i=1&do=';
// by keyword: the demo firm has ~200 companies, newest first, and 北京星辰 is the first one made
smoke_check('backend: clients', $web . 'clients&keyword=' . rawurlencode('星辰'), ['客户管理', '北京星辰科技有限公司']);
smoke_check('backend: staff', $web . 'staff', ['员工管理', '王芳']);
smoke_check('backend: stores', $web . 'stores', ['门店管理', '海淀总店']);
smoke_check('backend: registrations', $web . 'registrations', ['注册审核', '北京新芽咨询有限公司']);
smoke_check('backend: audit', $web . 'audit', ['操作日志', 'client_create']);
smoke_check('backend: settings', $base . 'web/index.php?c=module&a=manage-account&do=setting&m=cloudacct', ['参数设置', 'dunning_steps']);

smoke_get($base . 'switch.php', ['kind' => 'fan', 'openid' => 'oDEMO_client_liuyang']);
$app = $base . 'app/index.php?i=1&c=entry&m=cloudacct&do=';
smoke_check('mobile: client home', $app . 'home', ['北京远航国际贸易有限公司', '专属会计']);
smoke_check('mobile: accountant card', $app . 'accountant', ['专属会计']);
smoke_get($base . 'switch.php', ['kind' => 'fan', 'openid' => 'oDEMO_staff_wangfang']);
smoke_check('mobile: staff home', $app . 'home', ['王芳']);
exit($failed ? 1 : 0);
