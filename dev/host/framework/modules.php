<?php
/**
 * The module manager (framework/model/extension.mod.php + web/source/module/manage-system):
 * parse and check addons/<id>/manifest.xml, write the bindings, run the install / upgrade /
 * uninstall script, keep ims_modules and ims_uni_account_modules. The checks are 微擎's, including
 * the 社区版 bug that makes any <permissions> entry fail ("权限标识格式不正确").
 */

declare(strict_types=1);

const WE7_BINDING_TYPES = ['cover', 'rule', 'menu', 'home', 'profile', 'shortcut', 'function', 'page', 'system_welcome', 'webapp', 'phoneapp'];

/** Parsed manifest or error(). */
function we7_module_manifest(string $name)
{
    if (!preg_match('/^[a-z][a-z\d_]+$/', $name)) {
        return error(1, '模块标识不合法');
    }
    $file = IA_ROOT . "/addons/$name/manifest.xml";
    if (!is_file($file)) {
        return error(1, '模块缺少 manifest.xml');
    }
    $xml = file_get_contents($file);
    if (preg_match('/<!DOCTYPE|<!ENTITY/i', $xml)) {
        return error(1, 'manifest.xml 不允许 DOCTYPE/ENTITY');
    }
    if (!function_exists('simplexml_load_string')) {
        return error(1, '开发主机需要 simplexml 扩展来读取 manifest.xml');
    }
    $doc = @simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NONET);
    if ($doc === false) {
        return error(1, 'manifest.xml 不是有效的 XML');
    }
    $app = $doc->application;
    $m = [
        'application' => [
            'name' => trim((string) $app->name), 'identifie' => trim((string) $app->identifie),
            'version' => trim((string) $app->version), 'type' => trim((string) $app->type),
            'ability' => trim((string) $app->ability), 'description' => trim((string) $app->description),
            'author' => trim((string) $app->author), 'url' => trim((string) $app->url),
            'setting' => (string) $app['setting'] === 'true',
        ],
        'supports' => [], 'bindings' => [], 'permissions' => [],
        'install' => trim((string) $doc->install), 'upgrade' => trim((string) $doc->upgrade), 'uninstall' => trim((string) $doc->uninstall),
    ];
    foreach ($doc->platform->supports->item ?? [] as $item) {
        $m['supports'][] = (string) $item['type'];
    }
    foreach (WE7_BINDING_TYPES as $type) {
        foreach ($doc->bindings->{$type}->entry ?? [] as $e) {
            $m['bindings'][$type][] = [
                'title' => (string) $e['title'], 'do' => (string) $e['do'], 'state' => (string) $e['state'],
                'direct' => (string) $e['direct'] === 'true' ? 1 : 0, 'icon' => (string) $e['icon'],
                'displayorder' => (int) $e['displayorder'],
            ];
        }
    }
    foreach ($doc->permissions->entry ?? [] as $e) {
        // 社区版: the parser stores the id under 'permission', the checker reads 'do'
        $m['permissions'][] = ['title' => (string) $e['title'], 'permission' => (string) $e['do']];
    }
    return $m;
}

/** ext_manifest_check + ext_file_check. */
function we7_module_check(string $name, array $m)
{
    $a = $m['application'];
    if ($a['identifie'] !== $name || !preg_match('/^[a-z][a-z\d_]+$/', $a['identifie'])) {
        return error(1, '模块标识符有误（须与目录名相同）');
    }
    if (!preg_match('/^[\d.]+$/', $a['version'])) {
        return error(1, '模块版本号有误');
    }
    if ($a['ability'] === '') {
        return error(1, '模块功能描述 ability 不能为空');
    }
    foreach ($m['permissions'] as $p) {
        if (empty($p['do'])) {
            return error(1, '权限标识格式不正确,请检查');
        }
    }
    $dir = IA_ROOT . "/addons/$name";
    if (!is_file("$dir/processor.php") && !is_file("$dir/module.php") && !is_file("$dir/site.php")) {
        return error(1, '模块缺失文件，请检查模块文件中 site.php、processor.php、module.php 是否存在');
    }
    return true;
}

function we7_module_sync_bindings(string $name, array $m): void
{
    pdo_delete('modules_bindings', ['module' => $name]);
    foreach ($m['bindings'] as $type => $entries) {
        foreach ($entries as $e) {
            pdo_insert('modules_bindings', ['module' => $name, 'entry' => $type] + $e);
        }
    }
}

/** Runs an install/upgrade/uninstall step: a PHP file of the module, or inline SQL through pdo_run. */
function we7_module_script(string $name, string $script): void
{
    if ($script === '') {
        return;
    }
    if (str_ends_with($script, '.php')) {
        $file = IA_ROOT . "/addons/$name/" . basename($script);
        if (!is_file($file)) {
            throw new RuntimeException("模块脚本 $script 不存在");
        }
        (static function () use ($file) {
            global $_W, $_GPC;
            include $file;
        })();
        return;
    }
    pdo_run($script);
}

function we7_module_install(string $name)
{
    $m = we7_module_manifest($name);
    if (is_error($m)) {
        return $m;
    }
    if (($c = we7_module_check($name, $m)) !== true) {
        return $c;
    }
    if (pdo_get('modules', ['name' => $name])) {
        return error(1, '模块已经安装');
    }
    we7_module_sync_bindings($name, $m);
    we7_module_script($name, $m['install']);
    $a = $m['application'];
    pdo_insert('modules', [
        'name' => $name, 'type' => $a['type'], 'title' => $a['name'], 'version' => $a['version'], 'ability' => $a['ability'],
        'description' => $a['description'], 'author' => $a['author'], 'url' => $a['url'], 'settings' => $a['setting'] ? 1 : 0,
        'app_support' => in_array('app', $m['supports'], true) || !$m['supports'] ? 2 : 1,
        'wxapp_support' => in_array('wxapp', $m['supports'], true) ? 2 : 1,
    ]);
    foreach (pdo_getall('uni_account') as $acct) {
        if (!pdo_get('uni_account_modules', ['uniacid' => $acct['uniacid'], 'module' => $name])) {
            pdo_insert('uni_account_modules', ['uniacid' => $acct['uniacid'], 'module' => $name, 'enabled' => 1, 'settings' => '']);
        }
    }
    cache_build_module_info($name);
    return true;
}

function we7_module_upgrade(string $name)
{
    $m = we7_module_manifest($name);
    if (is_error($m)) {
        return $m;
    }
    if (($c = we7_module_check($name, $m)) !== true) {
        return $c;
    }
    if (!pdo_get('modules', ['name' => $name])) {
        return error(1, '模块尚未安装');
    }
    we7_module_sync_bindings($name, $m);
    we7_module_script($name, $m['upgrade']);
    pdo_update('modules', ['version' => $m['application']['version'], 'title' => $m['application']['name'],
        'ability' => $m['application']['ability']], ['name' => $name]);
    cache_build_module_info($name);
    return true;
}

function we7_module_uninstall(string $name)
{
    $m = we7_module_manifest($name);
    if (is_error($m)) {
        return $m;
    }
    if (!pdo_get('modules', ['name' => $name])) {
        return error(1, '模块尚未安装');
    }
    pdo_delete('modules', ['name' => $name]);
    pdo_delete('modules_bindings', ['module' => $name]);
    we7_module_script($name, $m['uninstall']);
    cache_build_module_info($name);
    return true;
}
