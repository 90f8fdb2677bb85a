<?php
/** The dev host's start page: where to go as each role. */

declare(strict_types=1);

header('Content-Type: text/html; charset=utf-8');
$root = 'http://' . htmlspecialchars($_SERVER['HTTP_HOST'] ?? '127.0.0.1', ENT_QUOTES);
?>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>云会计 CloudAcct 开发主机</title>
<style>
body { font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 52em; padding: 0 1em; color: #222; line-height: 1.7; }
h1 { font-size: 1.6em; } code { background: #f5f5f5; padding: 0 .3em; } .muted { color: #777; }
</style>
</head>
<body>
<h1>云会计 CloudAcct 开发主机</h1>
<p>一个仿微擎的开发主机：模块 <code>php-glue/cloudacct</code> 像装在真实微擎里一样运行（路由、<code>$_W</code>、<code>$_GPC</code>、模板语法、<code>message()</code>、支付回调）。</p>
<ul>
<li><a href="/switch.php">切换身份</a>：管理员、任一员工、任一客户联系人、新微信用户</li>
<li>管理后台：<a href="/web/index.php?c=site&amp;a=entry&amp;m=cloudacct&amp;do=clients"><?= $root ?>/web/index.php?c=site&amp;a=entry&amp;m=cloudacct&amp;do=clients</a></li>
<li>手机端（公众号 H5）：<a href="/app/index.php?i=1&amp;c=entry&amp;m=cloudacct&amp;do=home"><?= $root ?>/app/index.php?i=1&amp;c=entry&amp;m=cloudacct&amp;do=home</a></li>
<li>模块管理（安装 / 更新 / 卸载）：<a href="/web/index.php?c=module&amp;a=manage-system">/web/index.php?c=module&amp;a=manage-system</a></li>
<li><a href="/status.php">扩展状态页</a>（版本、连接池、迁移）</li>
<li><a href="/fakes.php">假微信 / 短信服务器收到的消息</a>（演示时所有通知都发到这里）</li>
</ul>
<p class="muted">手机端页面最好用浏览器的手机模式打开。</p>
</body>
</html>
