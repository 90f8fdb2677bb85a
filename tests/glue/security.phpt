--TEST--
Glue: stored XSS payloads in every user-text field come back escaped; a client cannot open another company's card; uploads of a .php file, an oversize file or a ../ path are refused and nothing is written
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('security');
$db = $site->db();
$x = GLUE_XSS;
$raw = ['<svg/onload=x>'];
$escaped = '&quot;&lt;svg/onload=x&gt;';
$site->asAdmin();
$tok = GlueSite::token($site->get($site->web('stores')));

// stored payloads, through the forms, in every text field they have
$site->post($site->web('stores', ['op' => 'edit']), ['name' => "店$x", 'address' => "址$x", 'phone' => '010-1234', 'token' => $tok, 'submit' => 1]);
$storeId = (int) $db->queryValue('SELECT MAX(id) FROM {store}');
$site->post($site->web('staff', ['op' => 'edit']), ['name' => "员$x", 'title' => "职$x", 'wechat' => 'wx_xss', 'skills' => "技$x",
    'store_id' => $storeId, 'open_job_cap' => 5, 'token' => $tok, 'submit' => 1]);
$staffId = (int) $db->queryValue('SELECT MAX(id) FROM {staff}');
$site->post($site->web('clients', ['op' => 'edit']), ['name' => "公司$x", 'industry' => "业$x", 'address' => "地$x", 'tags' => "签$x",
    'notes' => "注$x", 'store_id' => $storeId, 'accountant_id' => $staffId, 'taxpayer_type' => 'small', 'status' => 'active', 'token' => $tok, 'submit' => 1]);
$clientId = (int) $db->queryValue('SELECT MAX(id) FROM {client}');
$site->post($site->web('clients', ['op' => 'assign', 'id' => $clientId]), ['staff_id' => 1, 'reason' => "因$x", 'token' => $tok, 'submit' => 1]);
$site->post($site->web('catalog', ['op' => 'category']), ['name' => "类$x", 'visible' => 1, 'token' => $tok, 'submit' => 1]);
$catId = (int) $db->queryValue('SELECT MAX(id) FROM {category}');
$site->post($site->web('catalog', ['op' => 'edit']), ['title' => "服$x", 'category_id' => $catId, 'summary' => "简$x", 'description' => "述$x",
    'checklist' => "备$x", 'skill' => '', 'price' => '1.00', 'price_type' => 'one_off', 'dispatch_mode' => 'grab', 'on_sale' => 1, 'token' => $tok, 'submit' => 1]);
$site->post('web/index.php?c=module&a=manage-account&do=setting&m=cloudacct', array_merge(
    array_map(fn ($m) => $m, (function () use ($site) {
        preg_match_all('/name="(s_[a-z0-9_]+)"[^>]*value="([^"]*)"/', $site->get('web/index.php?c=module&a=manage-account&do=setting&m=cloudacct'), $m, PREG_SET_ORDER);
        $out = [];
        foreach ($m as $f) {
            $out[$f[1]] = html_entity_decode($f[2], ENT_QUOTES);
        }
        return $out;
    })()),
    ['s_firm_name' => "所$x", 's_firm_phone' => '010-5555', 'token' => $tok, 'submit' => 1]));
echo 'stored: ', $db->queryValue('SELECT COUNT(*) FROM {store} WHERE name LIKE ?', ['%<svg%']), ' store, ',
    $db->queryValue('SELECT COUNT(*) FROM {staff} WHERE name LIKE ?', ['%<svg%']), ' staff, ',
    $db->queryValue('SELECT COUNT(*) FROM {client} WHERE notes LIKE ?', ['%<svg%']), ' client, ',
    $db->queryValue('SELECT COUNT(*) FROM {service} WHERE description LIKE ?', ['%<svg%']), " service\n";
// a contact and a registration from WeChat, with the payload as their names
$code = (function () use ($site, $clientId, $tok) {
    $html = $site->post($site->web('clients', ['op' => 'invite', 'id' => $clientId]), ['role' => 'owner', 'days' => 7, 'token' => $tok, 'submit' => 1]);
    return preg_match('/id="invite-code">([A-Z0-9]+)</', $html, $m) ? $m[1] : '';
})();
$site->asFan('oGLUE_xss_contact');
$page = $site->get($site->app('bind'));
$site->post($site->app('bind'), ['code' => $code, 'name' => "联$x", 'phone' => '13800009999', 'token' => GlueSite::token($page), 'submit' => 1]);
$site->asFan('oGLUE_xss_register');
$page = $site->get($site->app('register'));
$site->post($site->app('register'), ['company_name' => "申$x", 'name' => "人$x", 'phone' => '13800008888', 'token' => GlueSite::token($page), 'submit' => 1]);
echo 'contact bound: ', $db->queryValue("SELECT COUNT(*) FROM {contact} WHERE openid = 'oGLUE_xss_contact'"), ', registration: ',
    $db->queryValue("SELECT COUNT(*) FROM {registration} WHERE openid = 'oGLUE_xss_register'"), "\n";

$check = function (string $where, string $html, array $must) use ($raw, $escaped) {
    $leaks = array_filter($raw, fn ($r) => str_contains($html, $r));
    $shown = array_filter($must, fn ($m) => !str_contains($html, $m . $escaped));
    glue_check("escaped: $where", !$leaks && !$shown, ($leaks ? 'raw payload in page; ' : '') . ($shown ? 'not shown escaped: ' . implode(', ', $shown) : ''));
};
$site->asAdmin();
$check('stores list', $site->get($site->web('stores')), ['店', '址']);
$check('store edit', $site->get($site->web('stores', ['op' => 'edit', 'id' => $storeId])), ['店', '址']);
$check('staff list', $site->get($site->web('staff')), ['员', '职', '技', '店']);
$check('staff edit', $site->get($site->web('staff', ['op' => 'edit', 'id' => $staffId])), ['员', '职', '技']);
$check('staff bind code', $site->get($site->web('staff', ['op' => 'bindcode', 'id' => $staffId])), ['员']);
$check('clients list', $site->get($site->web('clients')), ['公司', '签', '店']);
$check('client detail', $site->get($site->web('clients', ['op' => 'detail', 'id' => $clientId])), ['公司', '业', '地', '签', '注', '因', '联', '店']);
$check('client edit', $site->get($site->web('clients', ['op' => 'edit', 'id' => $clientId])), ['公司', '业', '地', '签', '注']);
$check('clients filter echo', $site->get($site->web('clients', ['keyword' => "搜$x"])), ['搜']);
$check('registrations', $site->get($site->web('registrations')), ['申', '人']);
$check('catalog', $site->get($site->web('catalog')), ['服', '简', '类']);
$check('service edit', $site->get($site->web('catalog', ['op' => 'edit', 'id' => (int) $db->queryValue('SELECT MAX(id) FROM {service}')])), ['服', '简', '述', '备']);
$check('audit', $site->get($site->web('audit', ['action' => "动$x"])), ['动']);
$check('settings', $site->get('web/index.php?c=module&a=manage-account&do=setting&m=cloudacct'), ['所']);
$check('client staff picker', $site->get($site->web('clients', ['op' => 'edit'])), ['员']);
$site->asFan('oGLUE_xss_contact');
$check('mobile home', $site->get($site->app('home')), ['公司', '所']);
$check('mobile company', $site->get($site->app('company')), ['公司']);
$check('mobile accountant', $site->get($site->app('accountant')), ['公司']);
$check('mobile services', $site->get($site->app('services')), ['服', '简', '类']);
$check('mobile service', $site->get($site->app('service', ['id' => (int) $db->queryValue('SELECT MAX(id) FROM {service}')])), ['服', '简', '述', '备']);
$check('mobile bind form echo', $site->post($site->app('bind'), ['code' => 'x', 'name' => "名$x", 'phone' => '1', 'token' => GlueSite::token($site->get($site->app('bind'))), 'submit' => 1]), ['名']);
$site->asFan('oGLUE_xss_register');
$check('mobile registration status', $site->get($site->app('home')), ['申']);
// the card of the (escaped) accountant as the client sees it: the staff member was replaced by 王芳, so check the name
$site->asFan('oGLUE_xss_contact');
$json = $site->get($site->app('accountant', ['a' => 'wxapp']));
glue_check('wxapp answers JSON (no HTML, the payload as data)', json_decode($json, true)['errno'] === 0);

// ---- a client opening another company's card or page by id
$site->asFan('oDEMO_client_sunli');            // bound to company 2 only
$own = $site->get($site->app('accountant'));
glue_check('own company card', str_contains($own, '北京禾木餐饮管理有限公司'));
foreach ([1, 3, $clientId, 999999] as $other) {
    $html = $site->get($site->app('accountant', ['client_id' => $other]));
    glue_check("card of company $other refused", str_contains(GlueSite::message($html), '客户不存在或无权查看') && !str_contains($html, 'accountant-card'), GlueSite::message($html));
    $json = json_decode($site->get($site->app('accountant', ['a' => 'wxapp', 'client_id' => $other])), true);
    // no payload: at most the error's kind (data.code)
    glue_check("wxapp card of company $other refused", $json['errno'] !== 0 && str_contains($json['message'], '无权查看')
        && (empty($json['data']) || $json['data'] === ['code' => 'not_found']), json_encode($json, JSON_UNESCAPED_UNICODE));
}
$html = $site->post($site->app('company'), ['client_id' => 1, 'token' => GlueSite::token($site->get($site->app('bind'))), 'submit' => 1]);
glue_check('switching to a company not theirs refused', GlueSite::message($html) !== '' && !str_contains($site->get($site->app('home')), '北京星辰科技有限公司'));
$site->asFan('oGLUE_nobody');
glue_check('a fan with no company is sent to binding', str_contains(GlueSite::message($site->get($site->app('accountant', ['client_id' => 1]))), '请先绑定'));

// ---- uploads (staff photo through 微擎's file_upload)
$site->asAdmin();
$files = fn () => (int) trim(shell_exec('find ' . escapeshellarg($site->dir . '/attachment') . ' -type f | wc -l'));
$before = [$files(), $db->queryValue('SELECT photo FROM {staff} WHERE id = 1')];
$edit = $site->web('staff', ['op' => 'edit', 'id' => 1]);
$fields = ['name' => '王芳', 'title' => '主办会计', 'phone' => '13800000001', 'wechat' => 'wx_13800000001', 'store_id' => 1,
    'open_job_cap' => 20, 'skills' => '记账,报税', 'token' => $tok, 'submit' => 1];
$png = base64_decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=');
$cases = [
    'a .php file' => ['photo_file' => ['shell.php', '<?php echo "pwned"; ?>', 'image/png']],
    'a .php file named .png.php' => ['photo_file' => ['a.png.php', $png, 'image/png']],
    'a .phtml file' => ['photo_file' => ['a.phtml', '<?php echo 1; ?>', 'image/png']],
    'an oversize image' => ['photo_file' => ['big.png', $png . str_repeat("\0", 3 * 1024 * 1024), 'image/png']],
    'a script renamed .png' => ['photo_file' => ['fake.png', '<?php echo 1; ?>', 'image/png']],
];
foreach ($cases as $what => $file) {
    $html = $site->request($edit, $fields, $file)[1];
    glue_check("upload of $what refused", str_contains($html, '图片上传失败') && str_contains($html, 'id="form-error"'), GlueSite::phpErrors($html) ?: strip_tags(substr($html, strpos($html, 'form-error') ?: 0, 300)));
}
foreach (['../../data/config.php', '../../../etc/passwd', 'images/1/../../../data/config.php'] as $path) {
    $html = $site->request($edit, ['photo' => $path] + $fields)[1];
    glue_check("photo path $path refused", str_contains($html, 'id="form-error"') && !str_contains($html, 'config.php" alt'), strip_tags(substr($html, strpos($html, 'form-error') ?: 0, 200)));
}
glue_check('nothing written by refused uploads', [$files(), $db->queryValue('SELECT photo FROM {staff} WHERE id = 1')] === $before);
// a real image is stored under attachment/images/<uniacid>/Y/m/ with a random name and served as an image
$site->post($edit, $fields, ['photo_file' => ['我的照片.png', $png, 'image/png']]);
$photo = (string) $db->queryValue('SELECT photo FROM {staff} WHERE id = 1');
glue_check('a real image is stored with a random name', (bool) preg_match('#^images/1/\d{4}/\d{2}/[A-Za-z0-9]{30}\.png$#', $photo), $photo);
[$status, $body] = $site->request('attachment/' . $photo);
glue_check('and served back', $status === 200 && $body === $png);
[$status] = $site->request('attachment/../data/config.php');
glue_check('attachment/../data/config.php is not served', $status === 404);
file_put_contents($site->dir . '/attachment/evil.php', '<?php echo "executed";');
[$status, $body] = $site->request('attachment/evil.php');
glue_check('a .php under attachment/ is never executed', $status === 404 && !str_contains($body, 'executed'));
?>
--EXPECT--
stored: 1 store, 1 staff, 1 client, 1 service
contact bound: 1, registration: 1
ok escaped: stores list
ok escaped: store edit
ok escaped: staff list
ok escaped: staff edit
ok escaped: staff bind code
ok escaped: clients list
ok escaped: client detail
ok escaped: client edit
ok escaped: clients filter echo
ok escaped: registrations
ok escaped: catalog
ok escaped: service edit
ok escaped: audit
ok escaped: settings
ok escaped: client staff picker
ok escaped: mobile home
ok escaped: mobile company
ok escaped: mobile accountant
ok escaped: mobile services
ok escaped: mobile service
ok escaped: mobile bind form echo
ok escaped: mobile registration status
ok wxapp answers JSON (no HTML, the payload as data)
ok own company card
ok card of company 1 refused
ok wxapp card of company 1 refused
ok card of company 3 refused
ok wxapp card of company 3 refused
ok card of company 7 refused
ok wxapp card of company 7 refused
ok card of company 999999 refused
ok wxapp card of company 999999 refused
ok switching to a company not theirs refused
ok a fan with no company is sent to binding
ok upload of a .php file refused
ok upload of a .php file named .png.php refused
ok upload of a .phtml file refused
ok upload of an oversize image refused
ok upload of a script renamed .png refused
ok photo path ../../data/config.php refused
ok photo path ../../../etc/passwd refused
ok photo path images/1/../../../data/config.php refused
ok nothing written by refused uploads
ok a real image is stored with a random name
ok and served back
ok attachment/../data/config.php is not served
ok a .php under attachment/ is never executed
