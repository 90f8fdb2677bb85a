<?php
/**
 * App-side sessions in ims_core_sessions (微擎's WeSessionMysql): the session id comes from
 * state=we7sid-<sid> or the PHPSESSID cookie; $_SESSION['openid'] becomes $_W['openid'].
 */

declare(strict_types=1);

final class We7HostSession implements SessionHandlerInterface
{
    public function open(string $path, string $name): bool
    {
        return true;
    }

    public function close(): bool
    {
        return true;
    }

    public function read(string $id): string|false
    {
        global $_W;
        $row = pdo_get('core_sessions', ['sid' => $id]);
        return $row && (int) $row['expiretime'] > time() ? (string) $row['data'] : '';
    }

    public function write(string $id, string $data): bool
    {
        global $_W;
        pdo_insert('core_sessions', [
            'sid' => $id, 'uniacid' => (int) ($_W['uniacid'] ?? 0), 'openid' => (string) ($_SESSION['openid'] ?? ''),
            'data' => $data, 'expiretime' => time() + 3600 * 24,
        ], true);
        return true;
    }

    public function destroy(string $id): bool
    {
        pdo_delete('core_sessions', ['sid' => $id]);
        return true;
    }

    public function gc(int $max_lifetime): int|false
    {
        return pdo_delete('core_sessions', ['expiretime <' => time()]);
    }
}

function we7_host_session_start(?string $sid = null): void
{
    session_set_save_handler(new We7HostSession(), true);
    session_name('PHPSESSID');
    ini_set('session.use_strict_mode', '0');
    ini_set('session.cookie_path', '/');
    ini_set('session.cookie_httponly', '1');
    ini_set('session.cookie_samesite', 'Lax');
    ini_set('session.serialize_handler', 'php');
    if ($sid !== null && preg_match('/^[a-zA-Z0-9]{16,64}$/', $sid)) {
        session_id($sid);
    }
    session_start();
}

/** Creates a session row for a fan (what 微擎's OAuth callback leaves behind) and returns its id. */
function we7_host_session_for(int $uniacid, string $openid): string
{
    $sid = bin2hex(random_bytes(16));
    $data = 'acid|i:' . $uniacid . ';uniacid|i:' . $uniacid . ';openid|' . serialize($openid) . 'oauth_openid|' . serialize($openid);
    pdo_insert('core_sessions', ['sid' => $sid, 'uniacid' => $uniacid, 'openid' => $openid, 'data' => $data, 'expiretime' => time() + 86400], true);
    return $sid;
}
