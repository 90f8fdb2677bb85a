<?php
/**
 * What the PECL package ships and how the build files list it; shared by tools/package-xml.php
 * and tools/check-package.php.
 *
 * Shipped: the root extension files (config.m4, config.w32, *.c, *.h except config.h,
 * *.stub.php, README.md, LICENSE*, CREDITS), everything under src/ and everything under tests/
 * except run-tests by-products and tests/core/build/. In a git work tree the candidates are the
 * tracked files plus untracked files git does not ignore (so a new file is noticed before its
 * first commit); outside git, the files that exist. dev/, php-glue/, .ci/, tools/ and bench/
 * are never shipped.
 */

declare(strict_types=1);

namespace CloudAcct\Tools;

const EXT_NAME = 'cloudacct';

/** Files of the project as a sorted list of relative paths. */
function candidate_files(string $root): array
{
    $files = [];
    $git = @shell_exec('git -C ' . escapeshellarg($root) . ' rev-parse --is-inside-work-tree 2>/dev/null');
    if (trim((string) $git) === 'true') {
        $out = shell_exec('git -C ' . escapeshellarg($root) . ' ls-files -z --cached --others --exclude-standard');
        foreach (explode("\0", (string) $out) as $f) {
            if ($f !== '' && is_file("$root/$f")) {
                $files[$f] = true;
            }
        }
    } else {
        $it = new \RecursiveIteratorIterator(
            new \RecursiveCallbackFilterIterator(
                new \RecursiveDirectoryIterator($root, \FilesystemIterator::SKIP_DOTS),
                fn (\SplFileInfo $f) => !($f->isDir() && in_array($f->getFilename(), ['.git', 'node_modules', '.libs', 'autom4te.cache'], true))
            )
        );
        foreach ($it as $f) {
            if ($f->isFile()) {
                $files[substr($f->getPathname(), strlen($root) + 1)] = true;
            }
        }
    }
    $files = array_keys($files);
    sort($files, SORT_STRING);
    return $files;
}

/** Build or test by-products that never ship, even if they exist (outside git). */
function is_byproduct(string $root, string $path): bool
{
    if (preg_match('#(^|/)\.libs/|\.(lo|o|la|a|so|dep|gcda|gcno|swp|orig|rej)$|~$#', $path)) {
        return true;
    }
    if (str_starts_with($path, 'tests/core/build/')) {
        return true;
    }
    // run-tests writes NAME.{diff,exp,log,out,php,sh,mem} next to NAME.phpt
    if (str_starts_with($path, 'tests/')
        && preg_match('~^(.*)\.(diff|exp|log|out|php|sh|mem)$~', $path, $m)
        && is_file("$root/$m[1].phpt")) {
        return true;
    }
    return false;
}

/** path => role (src, test, doc) of every file the PECL package must list. */
function shipped_files(string $root): array
{
    $out = [];
    foreach (candidate_files($root) as $path) {
        if (is_byproduct($root, $path)) {
            continue;
        }
        $role = null;
        if (!str_contains($path, '/')) {
            if (preg_match('~^(config\.m4|config\.w32|.*\.stub\.php|.*\.c|.*\.h)$~', $path) && $path !== 'config.h') {
                $role = 'src';
            } elseif (preg_match('~^(README\.md|LICENSE.*|CREDITS)$~', $path)) {
                $role = 'doc';
            }
        } elseif (str_starts_with($path, 'src/')) {
            $role = 'src';
        } elseif (str_starts_with($path, 'tests/')) {
            $role = 'test';
        }
        if ($role !== null) {
            $out[$path] = $role;
        }
    }
    ksort($out, SORT_STRING);
    return $out;
}

/** The C files the build files must list: root *.c and src/**.c. */
function c_sources(string $root): array
{
    $c = [];
    foreach (shipped_files($root) as $path => $role) {
        if ($role === 'src' && str_ends_with($path, '.c')) {
            $c[] = $path;
        }
    }
    sort($c, SORT_STRING);
    return $c;
}

/** PHP_CLOUDACCT_VERSION from php_cloudacct.h. */
function header_version(string $root): ?string
{
    $h = @file_get_contents("$root/php_cloudacct.h");
    if ($h !== false && preg_match('~#\s*define\s+PHP_CLOUDACCT_VERSION\s+"([^"]+)"~', $h, $m)) {
        return $m[1];
    }
    return null;
}

/** The .c files config.m4 names (anything ending in .c, comments excluded). */
function m4_sources(string $root): array
{
    $m4 = (string) @file_get_contents("$root/config.m4");
    $m4 = preg_replace('~^\s*dnl\b.*$~m', '', $m4);
    preg_match_all('~(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.c)\b~', $m4, $m);
    $files = array_values(array_unique($m[1]));
    sort($files, SORT_STRING);
    return $files;
}

/**
 * The .c files config.w32 names: EXTENSION("cloudacct", "a.c b.c", ...) are root files,
 * ADD_SOURCES(configure_module_dirname + "/src/x", "a.c b.c", "cloudacct") are in src/x.
 */
function w32_sources(string $root): array
{
    $w32 = (string) @file_get_contents("$root/config.w32");
    $w32 = preg_replace('~//.*$~m', '', $w32);
    $files = [];
    if (preg_match_all('~\bEXTENSION\(\s*"' . EXT_NAME . '"\s*,\s*"([^"]*)"~', $w32, $m)) {
        foreach ($m[1] as $list) {
            foreach (preg_split('~\s+~', trim($list), -1, PREG_SPLIT_NO_EMPTY) as $f) {
                $files[] = $f;
            }
        }
    }
    if (preg_match_all('~\bADD_SOURCES\(\s*configure_module_dirname\s*\+\s*"/?([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"' . EXT_NAME . '"~', $w32, $m, PREG_SET_ORDER)) {
        foreach ($m as [, $dir, $list]) {
            $dir = trim(str_replace('\\', '/', $dir), '/');
            foreach (preg_split('~\s+~', trim($list), -1, PREG_SPLIT_NO_EMPTY) as $f) {
                $files[] = ($dir === '' ? '' : "$dir/") . $f;
            }
        }
    }
    $files = array_values(array_unique($files));
    sort($files, SORT_STRING);
    return $files;
}

/** path => role listed in package.xml's <contents> (nested <dir> elements are joined). */
function package_xml_files(string $file): array
{
    $doc = new \DOMDocument();
    if (!@$doc->load($file)) {
        throw new \RuntimeException("$file is not well-formed XML");
    }
    $out = [];
    $walk = function (\DOMElement $el, string $prefix) use (&$walk, &$out): void {
        foreach ($el->childNodes as $child) {
            if (!$child instanceof \DOMElement) {
                continue;
            }
            $name = trim($child->getAttribute('name'), '/');
            if ($child->localName === 'dir') {
                $walk($child, $name === '' ? $prefix : $prefix . $name . '/');
            } elseif ($child->localName === 'file') {
                $out[$prefix . $name] = $child->getAttribute('role');
            }
        }
    };
    foreach ($doc->getElementsByTagName('contents') as $contents) {
        $walk($contents, '');
    }
    ksort($out, SORT_STRING);
    return $out;
}

/** The <contents> element for these files, indented as in package.xml (nested <dir>s). */
function contents_xml(array $files): string
{
    $tree = [];
    foreach ($files as $path => $role) {
        $node = &$tree;
        $parts = explode('/', $path);
        $base = array_pop($parts);
        foreach ($parts as $p) {
            $node['dirs'][$p] ??= [];
            $node = &$node['dirs'][$p];
        }
        $node['files'][$base] = $role;
        unset($node);
    }
    $emit = function (array $node, string $name, int $depth) use (&$emit): string {
        $pad = str_repeat(' ', $depth);
        $s = $pad . '<dir name="' . htmlspecialchars($name, ENT_XML1 | ENT_QUOTES) . "\">\n";
        $dirs = $node['dirs'] ?? [];
        ksort($dirs, SORT_STRING);
        foreach ($dirs as $d => $sub) {
            $s .= $emit($sub, $d, $depth + 1);
        }
        $fs = $node['files'] ?? [];
        ksort($fs, SORT_STRING);
        foreach ($fs as $f => $role) {
            $s .= $pad . ' <file name="' . htmlspecialchars($f, ENT_XML1 | ENT_QUOTES) . '" role="' . $role . "\" />\n";
        }
        return $s . $pad . "</dir>\n";
    };
    return " <contents>\n" . $emit($tree, '/', 2) . " </contents>";
}
