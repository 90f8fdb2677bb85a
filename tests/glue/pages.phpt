--TEST--
Glue: the dev host installs the module through its module manager, and every page renders with the demo firm's data for its role
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('pages');
$db = $site->db();

// installed like 微擎 does it: module row, bindings from the manifest, the extension's schema
echo $db->queryValue("SELECT CONCAT(name, ' ', version, ' settings=', settings) FROM ims_modules"), "\n";
echo implode(', ', array_map(fn ($r) => $r['entry'] . ':' . $r['do'] . ($r['direct'] ? '(direct)' : ''),
    $db->query('SELECT entry, do, direct FROM ims_modules_bindings ORDER BY eid'))), "\n";
glue_check('schema is current', CloudAcct\Db\Schema::currentVersion($db) === CloudAcct\Db\Schema::latestVersion());
glue_check('manifest has no <permissions> block', !str_contains(file_get_contents(__DIR__ . '/../../php-glue/cloudacct/manifest.xml'), '<permissions'));

// backend pages as the founder
$site->asAdmin();
$pages = [
    'clients' => ['客户管理', '北京星辰科技有限公司', '王芳'],
    'clients&op=detail&id=1' => ['北京星辰科技有限公司', '刘洋', '交接记录', '新建客户时指定'],
    'clients&op=edit&id=1' => ['统一社会信用代码', '北京星辰科技有限公司'],
    'clients&op=edit' => ['添加客户'],
    'registrations' => ['注册审核', '北京新芽咨询有限公司', '吴女士'],
    'staff' => ['员工管理', '王芳', '主办会计', '已绑定'],
    'staff&op=edit&id=2' => ['李强', '税务会计'],
    'staff&op=bindcode&id=4' => ['赵磊', '未绑定微信'],
    'stores' => ['门店管理', '海淀总店', '朝阳门店'],
    'stores&op=edit&id=1' => ['海淀总店'],
    'stores&op=scope' => ['管理员门店权限', 'manager'],
    'catalog' => ['服务项目', '代理记账', '公司注册'],
    'audit' => ['操作日志'],
    'audit&action=client_create' => ['操作日志', 'client_create'],
    'audit&action=contact_bind' => ['操作日志', 'contact_bind'],
];
foreach ($pages as $page => $want) {
    parse_str('do=' . $page, $q);
    $html = $site->get($site->web($q['do'], array_diff_key($q, ['do' => 1])));
    $missing = array_filter($want, fn ($w) => !str_contains($html, $w));
    glue_check("web $page", !$missing && GlueSite::phpErrors($html) === '' && GlueSite::message($html) === '',
        implode(', ', $missing) . ' ' . GlueSite::phpErrors($html) . ' ' . GlueSite::message($html));
}
$html = $site->get('web/index.php?c=module&a=manage-account&do=setting&m=cloudacct');
glue_check('web settings', str_contains($html, '参数设置') && str_contains($html, 'dunning_steps') && str_contains($html, '事务所名称')
    && GlueSite::phpErrors($html) === '');
$html = $site->get('web/index.php?c=module&a=manage-system');
glue_check('web module manager', str_contains($html, '云会计') && str_contains($html, '0.1.0'));

// mobile pages, as a client contact with two companies, a staff member, and a new fan
$site->asFan('oDEMO_client_liuyang');
foreach (['home' => ['北京远航国际贸易有限公司', '专属会计', '李强'], 'company' => ['北京星辰科技有限公司', '北京远航国际贸易有限公司', '当前'],
    'accountant' => ['李强', '13800000002'], 'services' => ['小规模纳税人代理记账', '200.00'], 'service&id=3' => ['公司注册', '800.00'],
    'bind' => ['邀请码'], 'register' => ['企业注册']] as $page => $want) {
    parse_str('do=' . $page, $q);
    $html = $site->get($site->app($q['do'], array_diff_key($q, ['do' => 1])));
    $missing = array_filter($want, fn ($w) => !str_contains($html, $w));
    glue_check("app client $page", !$missing && GlueSite::phpErrors($html) === '' && GlueSite::message($html) === '',
        implode(', ', $missing) . ' ' . GlueSite::phpErrors($html) . ' ' . GlueSite::message($html));
}
$site->asFan('oDEMO_staff_wangfang');
$html = $site->get($site->app('home'));
glue_check('app staff home', str_contains($html, '王芳') && str_contains($html, '上班中'), GlueSite::message($html));
$site->asFan('oDEMO_fan_register');
$html = $site->get($site->app('home'));
glue_check('app fan home shows the pending registration', str_contains($html, '北京新芽咨询有限公司') && str_contains($html, '待审核'));

// the switch of company is the contact's own: the next page shows the other company
$site->asFan('oDEMO_client_liuyang');
$html = $site->get($site->app('company'));
$html = $site->post($site->app('company'), ['client_id' => 1, 'token' => GlueSite::token($html), 'submit' => 1]);
glue_check('company switched', str_contains($site->get($site->app('home')), 'id="current-company">北京星辰科技有限公司'));

// a mini-program call goes to doPage* and answers JSON
[$st, $json] = $site->request($site->app('companies', ['a' => 'wxapp']));
$data = json_decode($json, true);
glue_check('wxapp companies', $st === 200 && ($data['errno'] ?? 1) === 0 && count($data['data']['companies'] ?? []) === 2, $json);

glue_check('no PHP errors in the server log', !preg_match('/PHP (Fatal|Warning|Notice|Deprecated)/', $site->serverLog()), $site->serverLog());
?>
--EXPECT--
cloudacct 0.1.0 settings=1
cover:home, cover:services, cover:accountant, cover:bind, cover:staffbind, cover:register, cover:orders, cover:request, cover:jobs, cover:bills, cover:pool, cover:work, cover:myclients, cover:books, cover:bookedit, cover:complaints, cover:myscores, menu:dashboard, menu:clients, menu:registrations, menu:staff, menu:stores, menu:catalog, menu:diy, menu:audit, menu:jobs, menu:orders, menu:money, menu:books, menu:ratings, menu:complaints, menu:performance, function:scheduler(direct), function:wxpaynotify(direct)
ok schema is current
ok manifest has no <permissions> block
ok web clients
ok web clients&op=detail&id=1
ok web clients&op=edit&id=1
ok web clients&op=edit
ok web registrations
ok web staff
ok web staff&op=edit&id=2
ok web staff&op=bindcode&id=4
ok web stores
ok web stores&op=edit&id=1
ok web stores&op=scope
ok web catalog
ok web audit
ok web audit&action=client_create
ok web audit&action=contact_bind
ok web settings
ok web module manager
ok app client home
ok app client company
ok app client accountant
ok app client services
ok app client service&id=3
ok app client bind
ok app client register
ok app staff home
ok app fan home shows the pending registration
ok company switched
ok wxapp companies
ok no PHP errors in the server log
