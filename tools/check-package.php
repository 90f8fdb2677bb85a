<?php
/**
 * The package and build-file check (a lane of dev/test). Prints TAP, one result per check:
 *
 *  - package.xml lists every shipped file (root extension files, src/**, tests/**) with the right
 *    role, and nothing else: nothing missing, nothing that does not exist, nothing from dev/,
 *    tools/, .ci/, php-glue/ or bench/
 *  - package.xml's release version is PHP_CLOUDACCT_VERSION from php_cloudacct.h
 *  - config.m4 and config.w32 each list exactly the .c files under the root and src/
 *  - the configure options agree: config.m4, package.xml (configureoption), composer.json (PIE)
 *  - `pecl package-validate package.xml` reports no error
 *
 * Fix listings with `php tools/package-xml.php --write` (package.xml and config.w32);
 * config.m4's source list is edited by hand.
 *
 *   php tools/check-package.php [--no-pecl]
 */

declare(strict_types=1);

namespace CloudAcct\Tools;

require __DIR__ . '/lib/package.php';

final class Tap
{
    private int $n = 0;
    public int $failed = 0;

    /** @param list<string> $diag */
    public function result(bool $ok, string $name, array $diag = []): void
    {
        $this->n++;
        if (!$ok) {
            $this->failed++;
        }
        echo ($ok ? 'ok' : 'not ok') . " {$this->n} - $name\n";
        foreach ($diag as $line) {
            echo "#   $line\n";
        }
    }

    public function skip(string $name, string $why): void
    {
        $this->n++;
        echo "ok {$this->n} - $name # SKIP $why\n";
    }

    public function plan(): void
    {
        echo "1..{$this->n}\n";
    }
}

/** @return list<string> option names such as enable-cloudacct, with-cloudacct-mysql */
function m4_options(string $root): array
{
    $m4 = (string) @file_get_contents("$root/config.m4");
    preg_match_all('~PHP_ARG_(ENABLE|WITH)\(\s*\[?([\w-]+)\]?~', $m4, $m, PREG_SET_ORDER);
    $opts = array_map(fn ($x) => strtolower($x[1]) . '-' . $x[2], $m);
    sort($opts);
    return $opts;
}

function main(array $argv): int
{
    $root = dirname(__DIR__);
    $tap = new Tap();
    $fix = 'run: php tools/package-xml.php --write';

    // --- package.xml contents ---------------------------------------------------------------
    $pkg = "$root/package.xml";
    $listed = null;
    try {
        $listed = is_file($pkg) ? package_xml_files($pkg) : null;
    } catch (\RuntimeException $e) {
        $tap->result(false, 'package.xml is well-formed', [$e->getMessage()]);
    }
    $shipped = shipped_files($root);

    if ($listed === null) {
        $tap->result(false, 'package.xml lists every shipped file', [is_file($pkg) ? 'unreadable' : 'package.xml is missing', $fix]);
        $tap->result(false, 'package.xml lists only existing shipped files');
        $tap->result(false, 'package.xml gives each file its role');
    } else {
        $missing = array_keys(array_diff_key($shipped, $listed));
        $tap->result($missing === [], 'package.xml lists every shipped file',
            $missing ? array_merge(array_map(fn ($f) => "not listed: $f", $missing), [$fix]) : []);

        $extra = [];
        foreach (array_diff_key($listed, $shipped) as $f => $role) {
            $extra[] = (file_exists("$root/$f") ? 'listed but not shipped: ' : 'listed but does not exist: ') . $f;
        }
        $tap->result($extra === [], 'package.xml lists only existing shipped files', $extra ? array_merge($extra, [$fix]) : []);

        $wrong = [];
        foreach (array_intersect_key($listed, $shipped) as $f => $role) {
            if ($role !== $shipped[$f]) {
                $wrong[] = "$f: role=\"$role\", expected \"{$shipped[$f]}\"";
            }
        }
        $tap->result($wrong === [], 'package.xml gives each file its role', $wrong ? array_merge($wrong, [$fix]) : []);
    }

    // --- version ----------------------------------------------------------------------------
    $hv = header_version($root);
    $pv = null;
    if (is_file($pkg) && preg_match('~<version>\s*<release>([^<]*)</release>~', (string) file_get_contents($pkg), $m)) {
        $pv = trim($m[1]);
    }
    $tap->result($hv !== null && $hv === $pv, 'package.xml release version is PHP_CLOUDACCT_VERSION',
        $hv === $pv ? [] : ['php_cloudacct.h: ' . ($hv ?? '(not found)'), 'package.xml: ' . ($pv ?? '(not found)'), $fix]);

    // --- build files ------------------------------------------------------------------------
    $c = c_sources($root);
    foreach (['config.m4' => m4_sources($root), 'config.w32' => w32_sources($root)] as $file => $named) {
        $diag = [];
        foreach (array_diff($c, $named) as $f) {
            $diag[] = "does not build: $f";
        }
        foreach (array_diff($named, $c) as $f) {
            $diag[] = (file_exists("$root/$f") ? 'not a shipped source: ' : 'does not exist: ') . $f;
        }
        if ($diag && $file === 'config.w32') {
            $diag[] = $fix;
        } elseif ($diag) {
            $diag[] = 'edit the source list in config.m4';
        }
        $tap->result(is_file("$root/$file") && $diag === [], "$file lists exactly the .c files under the root and src/",
            is_file("$root/$file") ? $diag : ["$file is missing"]);
    }

    // --- configure options agree ------------------------------------------------------------
    $m4 = m4_options($root);
    $pecl = [];
    if (is_file($pkg) && preg_match_all('~<configureoption\s+name="([^"]+)"~', (string) file_get_contents($pkg), $m)) {
        $pecl = $m[1];
        sort($pecl);
    }
    $pie = [];
    $composer = json_decode((string) @file_get_contents("$root/composer.json"), true);
    $cdiag = [];
    if (!is_array($composer)) {
        $cdiag[] = 'composer.json is missing or not valid JSON';
    } else {
        if (($composer['type'] ?? '') !== 'php-ext') {
            $cdiag[] = 'composer.json: type must be "php-ext"';
        }
        if (($composer['php-ext']['extension-name'] ?? '') !== EXT_NAME) {
            $cdiag[] = 'composer.json: php-ext.extension-name must be "' . EXT_NAME . '"';
        }
        foreach ($composer['php-ext']['configure-options'] ?? [] as $o) {
            $pie[] = (string) ($o['name'] ?? '');
        }
        sort($pie);
    }
    if ($m4 !== $pecl) {
        $cdiag[] = 'config.m4: ' . implode(' ', $m4) . ' / package.xml configureoption: ' . implode(' ', $pecl);
    }
    if ($m4 !== $pie) {
        $cdiag[] = 'config.m4: ' . implode(' ', $m4) . ' / composer.json configure-options: ' . implode(' ', $pie);
    }
    $tap->result($m4 !== [] && $cdiag === [], 'configure options agree (config.m4, package.xml, composer.json)', $cdiag);

    // --- pecl package-validate --------------------------------------------------------------
    if (in_array('--no-pecl', $argv, true)) {
        $tap->skip('pecl package-validate package.xml', '--no-pecl');
    } elseif (!is_file($pkg)) {
        $tap->result(false, 'pecl package-validate package.xml', ['package.xml is missing']);
    } else {
        $pecl_bin = trim((string) shell_exec('command -v pecl'));
        if ($pecl_bin === '') {
            $tap->result(false, 'pecl package-validate package.xml', ['pecl not found: apt-get install php-pear']);
        } else {
            $out = [];
            $rc = 0;
            exec('cd ' . escapeshellarg($root) . ' && ' . escapeshellarg($pecl_bin) . ' package-validate package.xml 2>&1', $out, $rc);
            $summary = preg_grep('~^Validation: ~', $out);
            $ok = $rc === 0 && $summary && preg_match('~Validation: 0 error~', (string) reset($summary));
            $tap->result((bool) $ok, 'pecl package-validate package.xml', $ok ? [] : array_merge($out, ["exit status $rc"]));
        }
    }

    $tap->plan();
    return $tap->failed ? 1 : 0;
}

exit(main($argv));
