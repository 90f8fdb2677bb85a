<?php
/**
 * The identity switcher: who the browser is to the dev host. 微擎 logs backend users in with a
 * password and WeChat users in through OAuth; here one click sets the same state:
 *   admin / backend user → the backend session cookie (uid, signed with the site's authkey)
 *   staff, client contact, new fan → an app session in ims_core_sessions holding the fan's openid
 *                                    (what 微擎's OAuth callback leaves), and its PHPSESSID cookie
 * The demo people are read from the module's tables, so whatever the admin creates shows up here.
 */

declare(strict_types=1);

require dirname(__DIR__) . '/framework/bootstrap.php';
we7_host_bootstrap();
we7_host_account(1);

function sw_h($v): string
{
    return htmlspecialchars((string) $v, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
}

/** Only local paths are followed after switching. */
function sw_next(string $default): string
{
    $next = (string) ($_POST['next'] ?? $_GET['next'] ?? '');
    return preg_match('#^/(web|app)/index\.php(\?[^\s]*)?$#', $next) ? $next : $default;
}

function sw_fan(string $openid, string $nickname): void
{
    global $_W;
    if (!pdo_get('mc_mapping_fans', ['uniacid' => $_W['uniacid'], 'openid' => $openid])) {
        pdo_insert('mc_members', ['uniacid' => $_W['uniacid'], 'nickname' => mb_substr_safe($nickname, 20), 'createtime' => time()]);
        $uid = pdo_insertid();
        pdo_insert('mc_mapping_fans', ['acid' => $_W['acid'], 'uniacid' => $_W['uniacid'], 'uid' => $uid, 'openid' => $openid,
            'nickname' => mb_substr_safe($nickname, 50), 'follow' => 1, 'followtime' => time(), 'updatetime' => time()]);
    }
}

function mb_substr_safe(string $s, int $n): string
{
    preg_match('/^.{0,' . $n . '}/us', $s, $m);
    return $m[0] ?? '';
}

$pre = $_W['config']['cookie']['pre'];
$app = '/app/index.php?i=1&c=entry&m=cloudacct&do=home';
if ($_W['ispost']) {
    $kind = (string) ($_POST['kind'] ?? '');
    if ($kind === 'admin') {
        $uid = (int) ($_POST['uid'] ?? 0);
        if (!pdo_get('users', ['uid' => $uid, 'status' => 2])) {
            http_response_code(400);
            exit('没有这个后台用户');
        }
        setcookie($pre . '__session', we7_host_web_cookie_value($uid), ['path' => '/', 'httponly' => true, 'samesite' => 'Lax']);
        header('Location: ' . sw_next('/web/index.php?c=site&a=entry&m=cloudacct&do=clients'));
        exit;
    }
    if ($kind === 'fan' || $kind === 'newfan') {
        $openid = $kind === 'newfan' ? 'oDEV' . random(24) : (string) ($_POST['openid'] ?? '');
        if (!preg_match('/^[A-Za-z0-9_-]{6,64}$/', $openid)) {
            http_response_code(400);
            exit('openid 不合法');
        }
        sw_fan($openid, trim((string) ($_POST['nickname'] ?? '')) ?: '微信用户');
        $sid = we7_host_session_for((int) $_W['uniacid'], $openid);
        setcookie('PHPSESSID', $sid, ['path' => '/', 'httponly' => true, 'samesite' => 'Lax']);
        header('Location: ' . sw_next($app));
        exit;
    }
    if ($kind === 'logout') {
        setcookie($pre . '__session', '', ['expires' => time() - 3600, 'path' => '/']);
        setcookie('PHPSESSID', '', ['expires' => time() - 3600, 'path' => '/']);
        header('Location: /switch.php');
        exit;
    }
    http_response_code(400);
    exit('未知的身份');
}

$db = we7_host_db();
$users = pdo_getall('users', ['status' => 2], [], '', 'uid');
$installed = pdo_tableexists('cloudacct_staff');
$staff = $contacts = [];
if ($installed) {
    $staff = $db->query('SELECT s.id, s.name, s.title, s.openid, s.active, s.on_duty, st.name AS store FROM {staff} s
        LEFT JOIN {store} st ON st.id = s.store_id AND st.uniacid = s.uniacid WHERE s.uniacid = ? ORDER BY s.id', [$_W['uniacid']]);
    $contacts = $db->query('SELECT c.id, c.name, c.phone, c.openid, GROUP_CONCAT(cl.name ORDER BY cl.id SEPARATOR \'、\') AS companies
        FROM {contact} c LEFT JOIN {client_contact} cc ON cc.contact_id = c.id AND cc.uniacid = c.uniacid
        LEFT JOIN {client} cl ON cl.id = cc.client_id WHERE c.uniacid = ? AND c.openid IS NOT NULL GROUP BY c.id ORDER BY c.id', [$_W['uniacid']]);
}
$known = array_merge(array_column($staff, 'openid'), array_column($contacts, 'openid'));
$fans = array_values(array_filter(pdo_getall('mc_mapping_fans', ['uniacid' => $_W['uniacid']], [], '', 'fanid DESC', [1, 20]),
    fn ($f) => !in_array($f['openid'], $known, true)));
$currentUid = we7_host_web_uid();
$currentOpenid = '';
if (isset($_COOKIE['PHPSESSID']) && ($row = pdo_get('core_sessions', ['sid' => (string) $_COOKIE['PHPSESSID']]))) {
    $currentOpenid = $row['openid'];
}
$next = sw_next('');
header('Content-Type: text/html; charset=utf-8');
?>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>切换身份 - 云会计开发主机</title>
<style>
body { font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 56em; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.1em; border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #eee; }
button { padding: .3em .9em; cursor: pointer; } .muted { color: #777; } .me { background: #e8f5e9; }
form.inline { display: inline; margin: 0; }
</style>
</head>
<body>
<h1>切换身份</h1>
<p class="muted">开发主机用一次点击代替微擎的后台登录和微信授权。当前：后台 uid <?= $currentUid ?: '（未登录）' ?>；微信 openid <?= sw_h($currentOpenid ?: '（无）') ?>。
<a href="/">开始页</a> · <a href="/status.php">扩展状态</a></p>
<?php if ($next !== ''): ?><p>登录后将回到 <code><?= sw_h($next) ?></code></p><?php endif ?>

<h2>管理员（微擎后台用户）</h2>
<table id="switch-admins">
<tr><th>uid</th><th>用户名</th><th>说明</th><th></th></tr>
<?php foreach ($users as $u): ?>
<tr class="<?= $u['uid'] == $currentUid ? 'me' : '' ?>"><td><?= (int) $u['uid'] ?></td><td><?= sw_h($u['username']) ?></td><td><?= sw_h($u['remark']) ?></td>
<td><form class="inline" method="post"><input type="hidden" name="kind" value="admin"><input type="hidden" name="uid" value="<?= (int) $u['uid'] ?>">
<input type="hidden" name="next" value="<?= sw_h($next) ?>"><button type="submit" id="as-admin-<?= (int) $u['uid'] ?>">以此身份进入后台</button></form></td></tr>
<?php endforeach ?>
</table>

<h2>员工（绑定了微信的员工）</h2>
<?php if (!$installed): ?><p class="muted">模块尚未安装。</p><?php endif ?>
<table id="switch-staff">
<tr><th>#</th><th>姓名</th><th>门店</th><th>状态</th><th>openid</th><th></th></tr>
<?php foreach ($staff as $s): ?>
<tr class="<?= $s['openid'] !== null && $s['openid'] === $currentOpenid ? 'me' : '' ?>"><td><?= (int) $s['id'] ?></td><td><?= sw_h($s['name']) ?> <span class="muted"><?= sw_h($s['title']) ?></span></td>
<td><?= sw_h($s['store'] ?? '—') ?></td><td><?= $s['active'] ? ($s['on_duty'] ? '在岗' : '休息') : '停用' ?></td>
<td><?= $s['openid'] === null ? '<span class="muted">未绑定微信（后台“员工”页发绑定码，再用“新微信用户”绑定）</span>' : '<code>' . sw_h($s['openid']) . '</code>' ?></td>
<td><?php if ($s['openid'] !== null): ?><form class="inline" method="post"><input type="hidden" name="kind" value="fan"><input type="hidden" name="openid" value="<?= sw_h($s['openid']) ?>">
<input type="hidden" name="nickname" value="<?= sw_h($s['name']) ?>"><input type="hidden" name="next" value="<?= sw_h($next) ?>">
<button type="submit" id="as-staff-<?= (int) $s['id'] ?>">以此员工打开手机端</button></form><?php endif ?></td></tr>
<?php endforeach ?>
</table>

<h2>客户联系人</h2>
<table id="switch-contacts">
<tr><th>#</th><th>姓名</th><th>公司</th><th>openid</th><th></th></tr>
<?php foreach ($contacts as $c): ?>
<tr class="<?= $c['openid'] === $currentOpenid ? 'me' : '' ?>"><td><?= (int) $c['id'] ?></td><td><?= sw_h($c['name']) ?></td><td><?= sw_h($c['companies'] ?? '—') ?></td><td><code><?= sw_h($c['openid']) ?></code></td>
<td><form class="inline" method="post"><input type="hidden" name="kind" value="fan"><input type="hidden" name="openid" value="<?= sw_h($c['openid']) ?>">
<input type="hidden" name="nickname" value="<?= sw_h($c['name']) ?>"><input type="hidden" name="next" value="<?= sw_h($next) ?>">
<button type="submit" id="as-contact-<?= (int) $c['id'] ?>">以此客户打开手机端</button></form></td></tr>
<?php endforeach ?>
</table>

<h2>其他微信用户</h2>
<form method="post" id="switch-newfan"><input type="hidden" name="kind" value="newfan"><input type="hidden" name="next" value="<?= sw_h($next) ?>">
昵称 <input name="nickname" value="新微信用户"> <button type="submit" id="as-newfan">以新微信用户打开手机端</button>
<span class="muted">（用来体验绑定邀请码、员工绑定码、自助注册）</span></form>
<?php if ($fans): ?>
<table id="switch-fans"><tr><th>昵称</th><th>openid</th><th></th></tr>
<?php foreach ($fans as $f): ?>
<tr class="<?= $f['openid'] === $currentOpenid ? 'me' : '' ?>"><td><?= sw_h($f['nickname']) ?></td><td><code><?= sw_h($f['openid']) ?></code></td>
<td><form class="inline" method="post"><input type="hidden" name="kind" value="fan"><input type="hidden" name="openid" value="<?= sw_h($f['openid']) ?>">
<input type="hidden" name="next" value="<?= sw_h($next) ?>"><button type="submit">以此用户打开手机端</button></form></td></tr>
<?php endforeach ?>
</table>
<?php endif ?>

<h2>退出</h2>
<form method="post"><input type="hidden" name="kind" value="logout"><button type="submit">退出所有身份</button></form>
</body>
</html>
