<?php
/**
 * 云会计 CloudAcct 开发主机 — the dev host's status page. It proves the extension is alive in
 * this server: version, classes, a pooled connection to the private MariaDB, the schema, the
 * pool counters, the clock and money formatting. (Later this grows into a 微擎-compatible host.)
 */

declare(strict_types=1);

require __DIR__ . '/../lib/db.php';

date_default_timezone_set('Asia/Shanghai');

function h(mixed $v): string
{
    if (is_bool($v)) {
        $v = $v ? 'true' : 'false';
    } elseif ($v === null) {
        $v = 'null';
    } elseif (is_array($v)) {
        $v = json_encode($v, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    }
    return htmlspecialchars((string) $v, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
}

/** Runs one section; a failure shows as an error line instead of breaking the page. */
function section(string $title, callable $body): void
{
    echo '<section><h2>', h($title), "</h2>\n";
    try {
        $body();
    } catch (Throwable $e) {
        echo '<p class="err">出错了：', h(get_class($e)), ' — ', h($e->getMessage()), "</p>\n";
    }
    echo "</section>\n";
}

/** @param array<string|int, mixed> $rows key => value */
function kv_table(array $rows): void
{
    echo "<table>\n";
    foreach ($rows as $k => $v) {
        echo '<tr><th>', h($k), '</th><td>', h($v), "</td></tr>\n";
    }
    echo "</table>\n";
}

$loaded = extension_loaded('cloudacct');
header('Content-Type: text/html; charset=utf-8');
?>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>云会计 CloudAcct 开发主机</title>
<style>
body { font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.15em; border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; }
table { border-collapse: collapse; } th, td { text-align: left; padding: .25em .8em; border-bottom: 1px solid #eee; vertical-align: top; }
th { font-weight: 600; white-space: nowrap; } code { background: #f5f5f5; padding: 0 .3em; }
.ok { color: #1a7f37; } .err { color: #c62828; } .muted { color: #777; }
ul.cols { columns: 2; } ul.cols li { break-inside: avoid; }
</style>
</head>
<body>
<h1>云会计 CloudAcct 开发主机</h1>
<?php if (!$loaded): ?>
<p class="err">扩展 cloudacct 没有加载。请用 <code>dev/demo</code> 启动本页。</p>
<?php else: ?>
<p class="ok">扩展 cloudacct <?= h(phpversion('cloudacct')) ?> 已加载。</p>
<?php endif ?>
<?php

section('运行环境', function (): void {
    kv_table([
        '扩展版本 phpversion(\'cloudacct\')' => phpversion('cloudacct') ?: '(未加载)',
        'PHP' => PHP_VERSION . ' (' . PHP_SAPI . (PHP_ZTS ? ', ZTS' : ', NTS') . ')',
        '工作进程 pid' => getmypid(),
        '页面生成时间' => date('Y-m-d H:i:s'),
    ]);
});

if (!$loaded) {
    echo "</body></html>\n";
    return;
}

section('CloudAcct\\* 类', function (): void {
    $names = (new ReflectionExtension('cloudacct'))->getClassNames();
    sort($names);
    echo '<p>共 ', count($names), " 个：</p>\n<ul class=\"cols\">\n";
    foreach ($names as $name) {
        $r = new ReflectionClass($name);
        $kind = $r->isEnum() ? 'enum' : ($r->isInterface() ? 'interface' : ($r->isAbstract() ? 'abstract class' : ($r->isFinal() ? 'final class' : 'class')));
        echo '<li><code>', h($name), '</code> <span class="muted">', h($kind), "</span></li>\n";
    }
    echo "</ul>\n";
});

$db = null;
section('数据库连接 CloudAcct\\Db\\Connection', function () use (&$db): void {
    $o = cloudacct_demo_db_options();
    $db = cloudacct_demo_connect();
    kv_table([
        '连接方式' => isset($o['socket']) ? 'Unix socket ' . $o['socket'] : 'TCP ' . $o['host'] . ':' . $o['port'],
        '数据库 / 表前缀' => $o['database'] . ' / ' . $o['prefix'],
        'threadId()' => $db->threadId(),
        'serverVersion()' => $db->serverVersion(),
    ]);
});

section('数据库结构 CloudAcct\\Db\\Schema', function () use (&$db): void {
    $latest = CloudAcct\Db\Schema::latestVersion();
    $current = $db ? CloudAcct\Db\Schema::currentVersion($db) : null;
    kv_table([
        'currentVersion()' => $current ?? '(无连接)',
        'latestVersion()' => $latest,
        '状态' => $current === null ? '未知' : ($current >= $latest ? '已是最新' : '有待执行的迁移（dev/demo 启动时会执行）'),
    ]);
    echo "<table>\n<tr><th>版本</th><th>迁移 migrations()</th><th>已执行</th></tr>\n";
    foreach (CloudAcct\Db\Schema::migrations() as $version => $name) {
        echo '<tr><td>', h($version), '</td><td>', h($name), '</td><td>',
            $current === null ? '?' : ($version <= $current ? '✓' : '—'), "</td></tr>\n";
    }
    echo "</table>\n";
});

section('连接池 Connection::poolStats()', function (): void {
    kv_table(CloudAcct\Db\Connection::poolStats());
    echo '<p class="muted">每个工作进程各有一个连接池；多刷新几次，reused 会增长而 opened 不变。</p>', "\n";
});

section('时钟与金额', function (): void {
    $now = CloudAcct\Clock::now();
    kv_table([
        'CloudAcct\\Clock::now()' => $now . '（' . date('Y-m-d H:i:s', $now) . '，北京时间）',
        'CloudAcct\\Money::format(123456)' => CloudAcct\Money::format(123456) . ' 元',
    ]);
});

section('INI 设置', function (): void {
    $rows = [];
    foreach (ini_get_all('cloudacct') ?: [] as $name => $v) {
        $rows[$name] = $v['local_value'];
    }
    kv_table($rows);
});

if ($db) {
    $db->close();
}
?>
<p class="muted">本页由 <code>dev/demo</code> 提供：私有 MariaDB + PHP 内置服务器 + cloudacct 扩展。按 Ctrl-C 停止。</p>
</body>
</html>
