<?php
/**
 * dev/host/smoke.php URL — dev/demo --smoke's check of the 微擎 dev host: switches identity like
 * a person would, opens the backend and mobile pages, and checks that each shows what it should
 * and no PHP error (dev/host/pages_client.php). Exit 0 = fine.
 */

declare(strict_types=1);

require __DIR__ . '/pages_client.php';

$c = new PagesCheck(rtrim($argv[1] ?? '', '/') . '/');
$login = function (array $who) use ($c): void {
    [$st] = $c->request('switch.php', $who);
    $st === 302 or $c->fail('identity switcher', 'did not log in ' . http_build_query($who) . " (HTTP $st)");
};

$login(['kind' => 'admin', 'uid' => 1]);
$c->role = 'admin';
// by keyword: the demo firm has ~200 companies, newest first, and 北京星辰 is the first one made
$c->page('backend: clients', $c->web('clients', ['keyword' => '星辰']), ['客户管理', '北京星辰科技有限公司']);
$c->page('backend: staff', $c->web('staff'), ['员工管理', '王芳']);
$c->page('backend: stores', $c->web('stores'), ['门店管理', '海淀总店']);
$c->page('backend: registrations', $c->web('registrations'), ['注册审核', '北京新芽咨询有限公司']);
$c->page('backend: audit', $c->web('audit'), ['操作日志', 'client_create']);
$c->page('backend: settings', 'web/index.php?c=module&a=manage-account&do=setting&m=cloudacct', ['参数设置', 'dunning_steps']);

$login(['kind' => 'fan', 'openid' => 'oDEMO_client_liuyang']);
$c->role = 'client';
$c->page('mobile: client home', $c->app('home'), ['北京远航国际贸易有限公司', '专属会计']);
$c->page('mobile: accountant card', $c->app('accountant'), ['专属会计']);
$login(['kind' => 'fan', 'openid' => 'oDEMO_staff_wangfang']);
$c->role = 'employee';
$c->page('mobile: staff home', $c->app('home'), ['王芳']);

foreach ($c->failures as $f) {
    fwrite(STDERR, "smoke: $f\n");
}
exit($c->failures ? 1 : 0);
