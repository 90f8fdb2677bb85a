<?php
/**
 * What the demo's fake vendor servers received (dev/fakes/server.php): every WeChat template /
 * subscribe message and SMS the module sent, newest first, with the decoded fields — the demo's
 * stand-in for the phones. The fake's address comes from CLOUDACCT_FAKE_BASE (set by dev/demo).
 */

declare(strict_types=1);

header('Content-Type: text/html; charset=utf-8');
$h = fn($s) => htmlspecialchars((string) $s, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
$base = (string) getenv('CLOUDACCT_FAKE_BASE');
$rows = null;
if ($base !== '') {
    $raw = @file_get_contents($base . '/_received', false, stream_context_create(['http' => ['timeout' => 3]]));
    $rows = is_string($raw) ? json_decode($raw, true) : null;
}

/** One line of what a request carried, per vendor. */
function fakes_summary(array $r): array
{
    $body = json_decode((string) ($r['body'] ?? ''), true) ?: [];
    $path = (string) ($r['path'] ?? '');
    if (($r['vendor'] ?? '') === 'wechat' && str_contains($path, '/message/')) {
        $fields = [];
        foreach ((array) ($body['data'] ?? []) as $k => $v) {
            $fields[] = $k . '：' . (is_array($v) ? ($v['value'] ?? '') : $v);
        }
        return [str_contains($path, 'subscribe') ? '小程序订阅消息' : '公众号模板消息', (string) ($body['touser'] ?? ''),
            (string) ($body['template_id'] ?? ''), implode('；', $fields)];
    }
    if (($r['vendor'] ?? '') === 'wechat') {
        return ['获取 access_token', '', '', $path];
    }
    if (($r['vendor'] ?? '') === 'tencent') {
        return ['腾讯云短信', implode(',', (array) ($body['PhoneNumberSet'] ?? [])), (string) ($body['TemplateId'] ?? ''),
            implode('；', (array) ($body['TemplateParamSet'] ?? []))];
    }
    $q = (array) ($r['params'] ?? []);
    return ['阿里云短信', (string) ($q['PhoneNumbers'] ?? ''), (string) ($q['TemplateCode'] ?? ''), (string) ($q['TemplateParam'] ?? '')];
}

/** HTTP status and the vendor's own code (errcode / Code), and whether it counted as delivered. */
function fakes_answer(array $r): string
{
    $j = json_decode((string) ($r['response'] ?? ''), true) ?: [];
    $code = $j['errcode'] ?? $j['Code'] ?? $j['Response']['SendStatusSet'][0]['Code'] ?? $j['Response']['Error']['Code'] ?? '';
    $out = ($r['status'] ?? '') . ($code !== '' ? " $code" : '');
    if (!empty($r['duplicate'])) {
        $out .= '（重复，已去重）';
    } elseif (array_key_exists('delivered', $r)) {
        $out .= $r['delivered'] ? '（已送达）' : '（未送达）';
    }
    return $out;
}
?>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="15">
<title>假微信 / 短信服务器收到的消息</title>
<style>
body { font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
table { border-collapse: collapse; width: 100%; font-size: 14px; } th, td { border-bottom: 1px solid #ddd; padding: .4em; text-align: left; vertical-align: top; }
.muted { color: #777; } .bad { color: #c00; }
</style>
</head>
<body>
<h1>假微信 / 短信服务器收到的消息</h1>
<p class="muted">演示环境里，模块发出的模板消息、订阅消息和短信都发到本机的假服务器（<code>dev/fakes</code>），签名按真实服务的规则校验。调度器每 20 秒运行一次；本页每 15 秒刷新。<a href="/">返回开发主机首页</a></p>
<?php if ($base === ''): ?>
<p class="bad">没有运行假服务器（只有 <code>dev/demo</code> 会启动它）。</p>
<?php elseif (!is_array($rows)): ?>
<p class="bad">假服务器 <?= $h($base) ?> 没有响应。</p>
<?php elseif (!$rows): ?>
<p>还没有收到任何请求。</p>
<?php else: ?>
<table>
<tr><th>时间</th><th>类型</th><th>接收人</th><th>模板</th><th>内容</th><th>应答</th></tr>
<?php foreach (array_reverse($rows) as $r): [$kind, $to, $tpl, $text] = fakes_summary($r); ?>
<tr><td><?= $h(date('m-d H:i:s', (int) ($r['time'] ?? 0))) ?></td><td><?= $h($kind) ?></td><td><?= $h($to) ?></td><td><?= $h($tpl) ?></td>
<td><?= $h($text) ?></td><td><?= $h(fakes_answer($r)) ?></td></tr>
<?php endforeach; ?>
</table>
<?php endif; ?>
</body>
</html>
