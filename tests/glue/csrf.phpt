--TEST--
Glue: backend form posts without 微擎's token (or with a wrong one, or from another site) are refused with a clear page and write nothing; the same post with the token works
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('csrf');
$db = $site->db();
$counts = fn () => implode(' ', array_map(fn ($t) => $t . '=' . $db->queryValue("SELECT COUNT(*) FROM {{$t}}"),
    ['store', 'staff', 'client', 'bind_code', 'setting', 'audit', 'contact']));
$site->asAdmin();
$before = $counts();
$form = $site->get($site->web('stores', ['op' => 'edit']));
$token = GlueSite::token($form);
glue_check('the form carries a token', strlen($token) === 8);

$posts = [
    'store create' => [$site->web('stores', ['op' => 'edit']), ['name' => '偷建门店', 'submit' => 1]],
    'staff create' => [$site->web('staff', ['op' => 'edit']), ['name' => '偷建员工', 'submit' => 1]],
    'client create' => [$site->web('clients', ['op' => 'edit']), ['name' => '偷建公司有限公司', 'submit' => 1]],
    'invite code' => [$site->web('clients', ['op' => 'invite', 'id' => 1]), ['role' => 'owner', 'submit' => 1]],
    'accountant change' => [$site->web('clients', ['op' => 'assign', 'id' => 1]), ['staff_id' => 2, 'reason' => '偷换', 'submit' => 1]],
    'staff off duty' => [$site->web('staff', ['op' => 'duty']), ['id' => 1, 'value' => 0, 'submit' => 1]],
    'settings' => ['web/index.php?c=module&a=manage-account&do=setting&m=cloudacct', ['s_firm_name' => '偷改', 's_client_self_register' => 0, 'submit' => 1]],
    'catalog category' => [$site->web('catalog', ['op' => 'category']), ['name' => '偷建分类', 'submit' => 1]],
];
foreach ($posts as $what => [$url, $fields]) {
    foreach (['no token' => [], 'wrong token' => ['token' => 'deadbeef']] as $how => $extra) {
        [$status, $body] = $site->request($url, $fields + $extra);
        glue_check("$what, $how: refused", $status === 200 && str_contains(GlueSite::message($body), '表单校验失败'), "$status " . GlueSite::message($body));
    }
    // the right token but a foreign Referer (another site's page posting here)
    [$status, $body] = $site->request($url, $fields + ['token' => $token], [], ['Referer: http://evil.example/attack.html']);
    glue_check("$what, foreign referer: refused", str_contains(GlueSite::message($body), '表单校验失败'), GlueSite::message($body));
}
glue_check('nothing was written', $counts() === $before, $before . ' → ' . $counts());

// with the token the same store post works
$body = $site->post($site->web('stores', ['op' => 'edit']), ['name' => '西城门店', 'token' => $token, 'submit' => 1]);
glue_check('with the token the store is created', str_contains($body, '西城门店') && (int) $db->queryValue("SELECT COUNT(*) FROM {store} WHERE name = '西城门店'") === 1);

// mobile: a bind without the session token goes back (微擎 prints history.go(-1)) and binds nothing
$site->asAdmin();
$code = $db->queryValue("SELECT code FROM {bind_code} WHERE kind = 'contact' AND used_at = 0 LIMIT 1");
$site->asFan('oGLUE_newfan_csrf');
$body = $site->request($site->app('bind'), ['code' => 'ABCDEFGH', 'name' => '某人', 'phone' => '13800001111', 'submit' => 1])[1];
glue_check('mobile post without token goes back', str_contains($body, 'history.go(-1)'));
glue_check('mobile post without token binds nothing', (int) $db->queryValue("SELECT COUNT(*) FROM {contact} WHERE openid = 'oGLUE_newfan_csrf'") === 0);
?>
--EXPECT--
ok the form carries a token
ok store create, no token: refused
ok store create, wrong token: refused
ok store create, foreign referer: refused
ok staff create, no token: refused
ok staff create, wrong token: refused
ok staff create, foreign referer: refused
ok client create, no token: refused
ok client create, wrong token: refused
ok client create, foreign referer: refused
ok invite code, no token: refused
ok invite code, wrong token: refused
ok invite code, foreign referer: refused
ok accountant change, no token: refused
ok accountant change, wrong token: refused
ok accountant change, foreign referer: refused
ok staff off duty, no token: refused
ok staff off duty, wrong token: refused
ok staff off duty, foreign referer: refused
ok settings, no token: refused
ok settings, wrong token: refused
ok settings, foreign referer: refused
ok catalog category, no token: refused
ok catalog category, wrong token: refused
ok catalog category, foreign referer: refused
ok nothing was written
ok with the token the store is created
ok mobile post without token goes back
ok mobile post without token binds nothing
