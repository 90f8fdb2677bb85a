<?php
/**
 * dev/host/seed/pages_check.php URL — with the full demo firm (dev/host/seed.php SITE --firm full)
 * served at URL: takes the people from the identity switcher (/switch.php) like a person would —
 * the founder, a store's admin, an employee bound to WeChat, a client contact — and opens every
 * page of the module for each role (backend for the admins, the H5 pages for the employee and the
 * client, detail pages from the links of the lists). Each page must answer HTTP 200 without PHP
 * warnings/notices/fatal text or an error page, and the lists and figures must show the firm's
 * data (arrears, the escalated queue and the grab pool not empty, the dashboard's figures not
 * zero). Prints one line per failure and a summary; exit 0 = all fine.
 * Run by tests/glue/full_demo.phpt and by dev/demo --smoke. Plain PHP streams (no curl needed).
 */

declare(strict_types=1);

$base = rtrim($argv[1] ?? '', '/') . '/';
if ($base === '/') {
    fwrite(STDERR, "usage: php dev/host/seed/pages_check.php URL\n");
    exit(2);
}

require __DIR__ . '/../pages_client.php';

$nonEmpty = fn (string $id) => fn (string $html) => (bool) preg_match('/id="' . $id . '"[^>]*>(.(?!<\/table>|<\/ul>))*?(op=detail|client_id=|<td)/s', $html);
$figure = fn (string $id) => fn (string $html) => preg_match('/id="' . $id . '">\s*¥?([0-9.,%]+)/u', $html, $m) && (float) str_replace(',', '', $m[1]) > 0;

$c = new PagesCheck($base);
[$st, $switcher] = $c->request('switch.php');
if ($st !== 200) {
    fwrite(STDERR, "pages_check: the identity switcher answers HTTP $st\n");
    exit(1);
}
preg_match_all('/id="as-staff-(\d+)"/', $switcher, $staffButtons);
preg_match_all('/id="as-contact-(\d+)"/', $switcher, $contactButtons);
preg_match_all('/id="as-admin-(\d+)"/', $switcher, $adminButtons);

/* ---------------------------------------------------------------- the founder: every backend page */
$c->role = 'admin';
$c->switchTo($switcher, 'as-admin-1') or $c->fail('switcher', 'no founder to log in as');
$c->page('dashboard', $c->web('dashboard'), ['chart-jobs', 'chart-collections'], [
    'today\'s jobs are zero' => $figure('fig-today-jobs'), 'open jobs are zero' => $figure('fig-open-jobs'),
    'arrears are zero' => $figure('fig-arrears'), 'good-rating rate is zero' => $figure('fig-ratings')]);
$c->page('clients', $c->web('clients'), ['客户管理'], ['fewer than 20 companies on the first page' => fn ($h) => preg_match_all('/op=detail(&amp;|&)id=\d+/', $h) >= 20]);
$c->page('clients: search', $c->web('clients', ['keyword' => '星辰']), ['北京星辰科技有限公司']);
$c->page('clients: search', $c->web('clients', ['keyword' => '科技']), ['科技有限公司']);
$c->page('client detail', $c->web('clients', ['op' => 'detail', 'id' => 1]), ['北京星辰科技有限公司', '刘洋', '收费方案与账单']);
$c->page('client edit', $c->web('clients', ['op' => 'edit', 'id' => 1]), ['统一社会信用代码']);
$c->page('client new', $c->web('clients', ['op' => 'edit']), ['添加客户']);
$c->page('registrations', $c->web('registrations'), ['北京新芽咨询有限公司', '吴女士']);
$c->page('staff', $c->web('staff'), ['员工管理', '王芳', '马俊', '出纳']);
$c->page('staff edit', $c->web('staff', ['op' => 'edit', 'id' => 2]), ['李强']);
$c->page('stores', $c->web('stores'), ['海淀总店', '朝阳门店', '西城门店']);
$c->page('store scope', $c->web('stores', ['op' => 'scope']), ['管理员门店权限', 'haidian']);
$c->page('catalog', $c->web('catalog'), ['代理记账', '审计报告', '汇算清缴']);
$c->page('diy', $c->web('diy'));
$c->page('audit', $c->web('audit'), ['操作日志', 'client_create']);
$html = $c->page('jobs', $c->web('jobs'), ['工单管理'], ['no jobs listed' => $nonEmpty('jobs-table')]);
$jobId = PagesCheck::firstId($html, 'jobs');
$c->page('job detail', $c->web('jobs', ['op' => 'detail', 'id' => $jobId]));
$html = $c->page('jobs: escalated queue', $c->web('jobs', ['view' => 'escalated']), ['银行开户资料准备'], ['the escalated queue is empty' => $nonEmpty('jobs-table')]);
$c->page('jobs: open', $c->web('jobs', ['status' => 'open']), ['开具完税证明']);
$c->page('jobs: in progress', $c->web('jobs', ['status' => 'in_progress']), [], ['no job in progress' => $nonEmpty('jobs-table')]);
$c->page('jobs: closed', $c->web('jobs', ['status' => 'closed']), [], ['no closed job' => $nonEmpty('jobs-table')]);
$c->page('jobs: silent', $c->web('jobs', ['view' => 'silent']));
$c->page('jobs: breached', $c->web('jobs', ['view' => 'breached']), [], ['no SLA breach' => $nonEmpty('jobs-table')]);
$html = $c->page('orders', $c->web('orders'), ['订单与退款', '公司注册']);
$c->page('order detail', $c->web('orders', ['op' => 'detail', 'id' => PagesCheck::firstId($html, 'orders')]));
$html = $c->page('orders: refunded', $c->web('orders', ['status' => 'refunded']), ['已退款']);
$c->page('refunded order', $c->web('orders', ['op' => 'detail', 'id' => PagesCheck::firstId($html, 'orders')]), ['收款与退款', '已退款']);
$c->page('money: arrears', $c->web('money'), ['欠费报表', '导出 CSV'], ['the arrears list is empty' => $nonEmpty('arrears-table')]);
$c->page('money: arrears 61-90 days', $c->web('money', ['aging' => '61_90']), ['欠费报表']);
$c->page('money: collections', $c->web('money', ['op' => 'collections']), ['收款报表', '线下收款', '合计']);
$c->page('money: billing', $c->web('money', ['op' => 'billing']), ['账单生成', '已完成']);
$c->page('money: dunning log', $c->web('money', ['op' => 'dunning']), ['催费记录'], ['no reminder logged' => fn ($h) => str_contains($h, 'client_id=')]);
$html = $c->page('money: a client\'s account', $c->web('money', ['op' => 'client', 'client_id' => 1]), ['北京星辰科技有限公司', '已缴至', '代理记账费']);
if (preg_match('/op=receipt(?:&amp;|&)client_id=1(?:&amp;|&)payment_id=(\d+)/', $html, $m)) {
    $c->page('money: receipt', $c->web('money', ['op' => 'receipt', 'client_id' => 1, 'payment_id' => (int) $m[1]]), ['北京星辰科技有限公司', '收款单位']);
} else {
    $c->fail('money: a client\'s account', 'no receipt link (北京星辰 pays online every month)');
}
$html = $c->page('books', $c->web('books'), [], ['no books listed' => fn ($h) => PagesCheck::firstId($h, 'books') > 0]);
$c->page('book detail', $c->web('books', ['op' => 'detail', 'id' => PagesCheck::firstId($html, 'books')]));
$c->page('books: confirmed', $c->web('books', ['confirm_status' => 'confirmed']), [], ['no confirmed tax' => fn ($h) => PagesCheck::firstId($h, 'books') > 0]);
$c->page('ratings', $c->web('ratings'), ['好评']);
$c->page('ratings: scoreboard', $c->web('ratings', ['op' => 'scoreboard']), ['王芳', '郑丽']);
$c->page('ratings: follow-ups', $c->web('ratings', ['op' => 'followups', 'status' => 'handled']), ['已回访客户']);
$html = $c->page('complaints', $c->web('complaints'), [], ['no complaints listed' => fn ($h) => PagesCheck::firstId($h, 'complaints') > 0]);
$c->page('complaint detail', $c->web('complaints', ['op' => 'detail', 'id' => PagesCheck::firstId($html, 'complaints')]));
$c->page('complaints: overdue', $c->web('complaints', ['view' => 'overdue']));
$c->page('performance', $c->web('performance'), ['王芳'], ['no finished job this month or last' => fn ($h) => (bool) preg_match('/<td[^>]*>\s*[1-9]\d*\s*<\/td>/', $h)]);
$c->page('settings', 'web/index.php?c=module&a=manage-account&do=setting&m=cloudacct', ['参数设置']);

/* ---------------------------------------------------------------- a store's admin sees their store */
$c->role = 'store admin';
$uids = $adminButtons[1];
if (preg_match('#as-admin-(\d+)"[^<]*</button>#', $switcher) && preg_match('#<td>(\d+)</td><td>haidian</td>#', $switcher, $m)) {
    $c->switchTo($switcher, 'as-admin-' . $m[1]) or $c->fail('switcher', 'cannot log in as haidian');
    $c->page('dashboard', $c->web('dashboard'), [], ['open jobs are zero' => $figure('fig-open-jobs')]);
    $c->page('clients', $c->web('clients', ['keyword' => '北京']), ['客户管理'], ['no companies listed' => fn ($h) => PagesCheck::firstId($h, 'clients') > 0]);
    $c->page('clients: another store\'s company', $c->web('clients', ['keyword' => '禾木']), [], ['朝阳门店\'s 北京禾木 is listed' => fn ($h) => !str_contains($h, '北京禾木餐饮管理有限公司')]);
    $c->page('money: arrears', $c->web('money'), ['欠费报表']);
    $c->page('jobs', $c->web('jobs'), [], ['no jobs listed' => $nonEmpty('jobs-table')]);
} else {
    $c->fail('switcher', 'no store admin (haidian) offered');
}

/* ---------------------------------------------------------------- an employee: 王芳, bound to WeChat */
$c->role = 'staff';
$staffId = (int) ($staffButtons[1][0] ?? 0);
$c->switchTo($switcher, "as-staff-$staffId") or $c->fail('switcher', 'no employee bound to WeChat offered');
$c->page('home', $c->app('home'), ['上班中']);
$c->page('grab pool', $c->app('pool'), [], ['the grab pool is empty' => fn ($h) => str_contains($h, 'id="pool-list"') && !str_contains($h, 'id="pool-empty"')]);
$c->page('my jobs', $c->app('work'));
$html = $c->page('my finished jobs', $c->app('work', ['status' => 'closed']), [], ['no finished job' => fn ($h) => PagesCheck::firstId($h, 'work') > 0]);
$c->page('job', $c->app('work', ['op' => 'detail', 'id' => PagesCheck::firstId($html, 'work')]), ['进度记录']);
$c->page('my clients', $c->app('myclients'), ['欠费'], ['no companies' => fn ($h) => str_contains($h, '有限公司')]);
$c->page('upload books', $c->app('bookedit'));
$c->page('my scores', $c->app('myscores'));
$c->page('bind', $c->app('staffbind'));

/* ---------------------------------------------------------------- a client: 刘洋 (北京星辰 and 北京远航) */
$c->role = 'client';
$contactId = (int) ($contactButtons[1][0] ?? 0);
$c->switchTo($switcher, "as-contact-$contactId") or $c->fail('switcher', 'no client contact offered');
$c->page('home', $c->app('home'), ['专属会计']);
$c->page('company switcher', $c->app('company'), ['北京星辰科技有限公司', '北京远航国际贸易有限公司']);
$c->page('my accountant', $c->app('accountant'), ['专属会计']);
$html = $c->page('services', $c->app('services'), ['公司注册', '审计报告']);
$c->page('service', $c->app('service', ['id' => 3]), ['公司注册', '800.00']);
$c->page('order a service', $c->app('orders', ['op' => 'new', 'service_id' => 3]));
$html = $c->page('my orders', $c->app('orders'), [], ['no orders' => fn ($h) => PagesCheck::firstId($h, 'orders') > 0]);
$c->page('order', $c->app('orders', ['op' => 'detail', 'id' => PagesCheck::firstId($html, 'orders')]));
$c->page('new request', $c->app('request'));
$html = $c->page('my jobs', $c->app('jobs'), [], ['no jobs' => fn ($h) => PagesCheck::firstId($h, 'jobs') > 0]);
$c->page('job timeline', $c->app('jobs', ['op' => 'detail', 'id' => PagesCheck::firstId($html, 'jobs')]));
$html = $c->page('bills', $c->app('bills'), ['已缴至'], ['no bills' => fn ($h) => str_contains($h, 'id="bills-list"')]);
if (($bill = PagesCheck::firstId($html, 'bills', 'bill')) > 0) {
    $c->page('bill', $c->app('bills', ['op' => 'bill', 'id' => $bill]));
}
if (($pay = PagesCheck::firstId($html, 'bills', 'receipt')) > 0) {
    $c->page('receipt', $c->app('bills', ['op' => 'receipt', 'id' => $pay]), ['收据']);
}
$html = $c->page('books', $c->app('books'), [], ['no published books' => fn ($h) => PagesCheck::firstId($h, 'books') > 0]);
$c->page('book', $c->app('books', ['op' => 'detail', 'id' => PagesCheck::firstId($html, 'books')]));
$c->page('complaints', $c->app('complaints'));
$c->page('new complaint', $c->app('complaints', ['op' => 'new']));
$c->page('bind by invite code', $c->app('bind'), ['邀请码']);

foreach ($c->failures as $f) {
    echo $f, "\n";
}
printf("pages_check: %d pages (%s): %s\n", $c->pages, implode(', ', array_map(fn ($k, $v) => "$v as $k", array_keys($c->byRole), $c->byRole)),
    $c->failures ? count($c->failures) . ' failed' : 'all fine');
exit($c->failures ? 1 : 0);
