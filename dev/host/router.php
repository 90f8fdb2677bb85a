<?php
/**
 * Router for PHP's built-in server: `php -S 127.0.0.1:PORT -t SITE_DIR dev/host/router.php`.
 *
 *   /                       the dev host's start page (links for each role)
 *   /switch.php             identity switcher: admin, any staff member, any client contact, a new fan
 *   /status.php             the extension's status page (dev/host/www/index.php)
 *   /fakes.php              what the demo's fake WeChat / SMS servers received (dev/host/pages/fakes.php)
 *   /web/index.php?…        微擎 backend routing (framework/web.php)
 *   /app/index.php?…        微擎 H5 / mini-program routing (framework/app.php)
 *   /attachment/…           uploaded files, served as static files only (never executed)
 *   /addons/<id>/static/…   the module's static files; /web/resource/… the 微擎 chrome's
 */

declare(strict_types=1);

$path = rawurldecode((string) parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH));
$site = rtrim((string) $_SERVER['DOCUMENT_ROOT'], '/');

/** Serves a file below $base with a type from its extension; anything else is a 404. */
function we7_host_static(string $base, string $rel): bool
{
    $types = [
        'css' => 'text/css; charset=utf-8', 'js' => 'text/javascript; charset=utf-8', 'map' => 'application/json',
        'png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'gif' => 'image/gif', 'svg' => 'image/svg+xml',
        'ico' => 'image/x-icon', 'woff' => 'font/woff', 'woff2' => 'font/woff2', 'ttf' => 'font/ttf', 'eot' => 'application/vnd.ms-fontobject',
        'mp3' => 'audio/mpeg', 'amr' => 'audio/amr', 'wav' => 'audio/wav', 'mp4' => 'video/mp4',
        'pdf' => 'application/pdf', 'xls' => 'application/vnd.ms-excel', 'xlsx' => 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'doc' => 'application/msword', 'docx' => 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'zip' => 'application/zip',
    ];
    $ext = strtolower(pathinfo($rel, PATHINFO_EXTENSION));
    $realBase = realpath($base);
    $file = realpath($base . '/' . $rel);
    // symlinked package folders (web/resource) resolve elsewhere: check the unresolved path for ..
    if (!isset($types[$ext]) || $realBase === false || $file === false || !is_file($file) || str_contains($rel, '..')) {
        http_response_code(404);
        header('Content-Type: text/plain; charset=utf-8');
        echo 'Not Found';
        return true;
    }
    header('Content-Type: ' . $types[$ext]);
    header('X-Content-Type-Options: nosniff');
    if ($ext === 'svg') {
        header("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'");
    }
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}

switch (true) {
    case $path === '/' || $path === '/index.php':
        require __DIR__ . '/pages/home.php';
        return true;
    case $path === '/switch.php':
        require __DIR__ . '/pages/switch.php';
        return true;
    case $path === '/fakes.php':
        require __DIR__ . '/pages/fakes.php';
        return true;
    case $path === '/status.php':
        require __DIR__ . '/www/index.php';
        return true;
    case $path === '/web/index.php' || $path === '/web/' || $path === '/web':
        $_SERVER['SCRIPT_NAME'] = '/web/index.php';
        chdir($site . '/web');
        require __DIR__ . '/framework/web.php';
        return true;
    case $path === '/app/index.php' || $path === '/app/' || $path === '/app':
        $_SERVER['SCRIPT_NAME'] = '/app/index.php';
        is_dir($site . '/app') && chdir($site . '/app');
        require __DIR__ . '/framework/app.php';
        return true;
    case str_starts_with($path, '/attachment/'):
        return we7_host_static($site . '/attachment', substr($path, strlen('/attachment/')));
    case (bool) preg_match('#^/addons/([a-z][a-z0-9_]+)/(static/.+|icon\.jpg|preview\.jpg)$#', $path, $m):
        return we7_host_static($site . '/addons/' . $m[1], $m[2]);
    case str_starts_with($path, '/web/resource/'):
        return we7_host_static($site . '/web/resource', substr($path, strlen('/web/resource/')));
    default:
        http_response_code(404);
        header('Content-Type: text/plain; charset=utf-8');
        echo 'Not Found';
        return true;
}
