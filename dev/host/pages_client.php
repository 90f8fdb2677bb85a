<?php
/**
 * PagesCheck — the dev host's page checker over HTTP, used by dev/host/smoke.php and
 * dev/host/seed/pages_check.php: keeps the session cookie across requests, switches identity
 * through the switcher's forms, opens pages and records what is wrong with each (HTTP status, PHP
 * warnings, 微擎's error page, a form error, missing text, failed checks, more than 5 s).
 * Plain PHP streams (no curl extension needed).
 */

declare(strict_types=1);

final class PagesCheck
{
    public array $cookies = [];
    public int $pages = 0;
    public array $failures = [];
    public array $byRole = [];
    public string $role = '';

    public function __construct(public string $base)
    {
    }

    /** [status, body, location] */
    public function request(string $url, ?array $post = null): array
    {
        $url = str_starts_with($url, 'http') ? $url : $this->base . ltrim($url, '/');
        $headers = $this->cookies ? ['Cookie: ' . implode('; ', array_map(fn ($k, $v) => "$k=$v", array_keys($this->cookies), $this->cookies))] : [];
        $opts = ['method' => $post === null ? 'GET' : 'POST', 'ignore_errors' => true, 'follow_location' => 0, 'timeout' => 60];
        if ($post !== null) {
            $headers[] = 'Content-Type: application/x-www-form-urlencoded';
            $opts['content'] = http_build_query($post);
        }
        $opts['header'] = implode("\r\n", $headers);
        $body = @file_get_contents($url, false, stream_context_create(['http' => $opts]));
        $status = 0;
        $location = '';
        foreach ($http_response_header ?? [] as $h) {
            if (preg_match('#^HTTP/\S+ (\d+)#', $h, $m)) {
                $status = (int) $m[1];
            } elseif (preg_match('/^Set-Cookie:\s*([^=]+)=([^;]*)/i', $h, $m)) {
                if ($m[2] === '' || $m[2] === 'deleted') {
                    unset($this->cookies[$m[1]]);
                } else {
                    $this->cookies[$m[1]] = $m[2];
                }
            } elseif (preg_match('/^Location:\s*(\S+)/i', $h, $m)) {
                $location = $m[1];
            }
        }
        return [$status, (string) $body, $location];
    }

    public function fail(string $what, string $why): void
    {
        $this->failures[] = "FAIL [{$this->role}] $what: $why";
    }

    /**
     * Opens a page and checks it; $want: strings it must contain, $checks: label => fn(string $html): bool.
     * Returns the body.
     */
    public function page(string $what, string $url, array $want = [], array $checks = []): string
    {
        $t = microtime(true);
        [$status, $body] = $this->request($url);
        $this->pages++;
        $this->byRole[$this->role] = ($this->byRole[$this->role] ?? 0) + 1;
        $problems = [];
        if ($status !== 200) {
            $problems[] = "HTTP $status";
        }
        if (preg_match('/(Fatal error|Warning|Notice|Deprecated|Parse error|Uncaught)[^\n]{0,160}/', $body, $m)) {
            $problems[] = 'PHP: ' . strip_tags($m[0]);
        }
        if (preg_match('/id="we7-message-text">([^<]*)</', $body, $m)) {
            $problems[] = 'error page: ' . html_entity_decode($m[1], ENT_QUOTES);
        }
        if (preg_match('/id="form-error"[^>]*>([^<]*)</', $body, $m)) {
            $problems[] = 'form error: ' . html_entity_decode($m[1], ENT_QUOTES);
        }
        foreach ($want as $w) {
            if (!str_contains($body, $w)) {
                $problems[] = "lacks $w";
            }
        }
        foreach ($checks as $label => $fn) {
            if (!$fn($body)) {
                $problems[] = $label;
            }
        }
        if ((microtime(true) - $t) > 5) {
            $problems[] = sprintf('took %.1f s', microtime(true) - $t);
        }
        if ($problems) {
            $this->fail("$what ($url)", implode('; ', $problems));
        }
        return $body;
    }

    /** The $param of the first link on a page to $do with op=$op (URLs in pages are HTML-escaped, in any order). */
    public static function firstId(string $html, string $do, string $op = 'detail', string $param = 'id'): int
    {
        preg_match_all('/href="([^"]*\?[^"]*)"/', $html, $m);
        foreach ($m[1] as $href) {
            parse_str((string) parse_url(html_entity_decode($href, ENT_QUOTES), PHP_URL_QUERY), $q);
            if (($q['do'] ?? '') === $do && ($q['op'] ?? '') === $op && (int) ($q[$param] ?? 0) > 0) {
                return (int) $q[$param];
            }
        }
        return 0;
    }

    public function web(string $do, array $q = []): string
    {
        return 'web/index.php?' . http_build_query(['c' => 'site', 'a' => 'entry', 'm' => 'cloudacct', 'do' => $do] + $q);
    }

    public function app(string $do, array $q = []): string
    {
        return 'app/index.php?' . http_build_query(['i' => 1, 'c' => 'entry', 'm' => 'cloudacct', 'do' => $do] + $q);
    }

    /** Logs in through the switcher's form for $buttonId; returns false if the switcher has no such button. */
    public function switchTo(string $switcher, string $buttonId): bool
    {
        // the form holding the button: its hidden fields are what the button posts
        if (!preg_match('#<form[^>]*>((?:(?!</form>).)*id="' . preg_quote($buttonId, '#') . '"(?:(?!</form>).)*)</form>#s', $switcher, $m)) {
            return false;
        }
        preg_match_all('/<input type="hidden" name="([a-z]+)" value="([^"]*)"/', $m[1], $f, PREG_SET_ORDER);
        $post = [];
        foreach ($f as [, $k, $v]) {
            $post[$k] = html_entity_decode($v, ENT_QUOTES);
        }
        $this->cookies = [];
        [$status] = $this->request('switch.php', $post);
        return $status === 302;
    }
}
