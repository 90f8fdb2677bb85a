<?php
/**
 * Keeps the file listings of package.xml and config.w32 in step with the tree, so nobody edits
 * them by hand.
 *
 *   php tools/package-xml.php           print the package.xml it would write
 *   php tools/package-xml.php --write   rewrite package.xml's <contents> and <version><release>
 *                                       (from PHP_CLOUDACCT_VERSION) and config.w32's source
 *                                       lists (between its BEGIN/END sources markers)
 *   php tools/package-xml.php --check   exit 1 if either file differs from what --write makes
 *
 * A missing package.xml is created from the template below (date = today); afterwards only the
 * generated parts change, so the date, notes and changelog stay as a release left them.
 * config.m4 is not touched: its source list is written by hand and checked by
 * tools/check-package.php.
 */

declare(strict_types=1);

namespace CloudAcct\Tools;

require __DIR__ . '/lib/package.php';

function package_template(string $version): string
{
    $date = gmdate('Y-m-d');
    return <<<XML
<?xml version="1.0" encoding="UTF-8"?>
<package packagerversion="1.10.13" version="2.0" xmlns="http://pear.php.net/dtd/package-2.0" xmlns:tasks="http://pear.php.net/dtd/tasks-1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://pear.php.net/dtd/tasks-1.0 http://pear.php.net/dtd/tasks-1.0.xsd http://pear.php.net/dtd/package-2.0 http://pear.php.net/dtd/package-2.0.xsd">
 <name>cloudacct</name>
 <channel>pecl.php.net</channel>
 <summary>Business core of CloudAcct, a WeEngine module for bookkeeping firms</summary>
 <description>cloudacct is the native core of CloudAcct (云会计), a WeEngine (微擎) module for
bookkeeping firms and accounting practices: service orders and jobs with their state machines,
dispatch (grab, assign, escalate), plans, bills, payments and dunning, ratings and complaints,
monthly books, notices and an audit trail, exposed as CloudAcct\* classes. It talks to
MySQL/MariaDB through libmariadb (a persistent per-process pool with cached prepared
statements, transactions with deadlock retry and versioned schema migrations), to WeChat and
SMS APIs through libcurl, and signs and verifies with OpenSSL.</description>
 <lead>
  <name>CloudAcct Team</name>
  <user>cloudacct</user>
  <email>dev@cloudacct.example</email>
  <active>yes</active>
 </lead>
 <date>$date</date>
 <version>
  <release>$version</release>
  <api>$version</api>
 </version>
 <stability>
  <release>alpha</release>
  <api>alpha</api>
 </stability>
 <license>Proprietary</license>
 <notes>
First alpha: module skeleton, exception hierarchy, MySQL layer (pool, prepared statements,
transactions, migrations), Store/Actor/Clock/Money and the audit trail.
 </notes>
 <contents>
 </contents>
 <dependencies>
  <required>
   <php>
    <min>8.1.0</min>
   </php>
   <pearinstaller>
    <min>1.10.0</min>
   </pearinstaller>
  </required>
 </dependencies>
 <providesextension>cloudacct</providesextension>
 <extsrcrelease>
  <configureoption name="enable-cloudacct" default="yes" prompt="Enable cloudacct?" />
  <configureoption name="with-cloudacct-mysql" default="yes" prompt="Path to mariadb_config or mysql_config (yes = find libmariadb with pkg-config)" />
 </extsrcrelease>
 <changelog>
 </changelog>
</package>

XML;
}

/** package.xml as --write would leave it. */
function generated_package_xml(string $root, string $version): string
{
    $file = "$root/package.xml";
    $xml = is_file($file) ? (string) file_get_contents($file) : package_template($version);
    $contents = contents_xml(shipped_files($root));
    $n = 0;
    $xml = preg_replace_callback('~^[ \t]*<contents>.*?</contents>~ms', fn () => $contents, $xml, 1, $n);
    if ($n !== 1) {
        throw new \RuntimeException("package.xml has no <contents> element");
    }
    $xml = preg_replace_callback(
        '~(<version>\s*<release>)[^<]*(</release>)~',
        fn ($m) => $m[1] . $version . $m[2],
        $xml,
        1
    );
    return $xml;
}

/** config.w32 as --write would leave it. */
function generated_config_w32(string $root): string
{
    $file = "$root/config.w32";
    $w32 = (string) @file_get_contents($file);
    if (!preg_match('~^([ \t]*)// BEGIN sources[^\n]*\n(.*?)^[ \t]*// END sources[^\n]*$~ms', $w32, $m, PREG_OFFSET_CAPTURE)) {
        throw new \RuntimeException("config.w32 has no '// BEGIN sources' ... '// END sources' block");
    }
    $indent = $m[1][0];
    $root_c = [];
    $by_dir = [];
    foreach (c_sources($root) as $path) {
        if (!str_contains($path, '/')) {
            $root_c[] = $path;
        } else {
            $by_dir[dirname($path)][] = basename($path);
        }
    }
    ksort($by_dir, SORT_STRING);
    $lines = [];
    $lines[] = 'EXTENSION("' . EXT_NAME . '", "' . implode(' ', $root_c) . '", PHP_CLOUDACCT_SHARED, "/DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 /I" + configure_module_dirname);';
    foreach ($by_dir as $dir => $files) {
        sort($files, SORT_STRING);
        $lines[] = 'ADD_SOURCES(configure_module_dirname + "/' . $dir . '", "' . implode(' ', $files) . '", "' . EXT_NAME . '");';
    }
    $body = '';
    foreach ($lines as $l) {
        $body .= $indent . $l . "\n";
    }
    return substr($w32, 0, $m[2][1]) . $body . substr($w32, $m[2][1] + strlen($m[2][0]));
}

function main(array $argv): int
{
    $root = dirname(__DIR__);
    $mode = $argv[1] ?? '';
    if (!in_array($mode, ['', '--write', '--check'], true)) {
        fwrite(STDERR, "usage: php tools/package-xml.php [--write|--check]\n");
        return 2;
    }
    $version = header_version($root);
    if ($version === null) {
        fwrite(STDERR, "cannot read PHP_CLOUDACCT_VERSION from php_cloudacct.h\n");
        return 1;
    }
    try {
        $targets = [
            'package.xml' => generated_package_xml($root, $version),
            'config.w32' => generated_config_w32($root),
        ];
    } catch (\RuntimeException $e) {
        fwrite(STDERR, $e->getMessage() . "\n");
        return 1;
    }
    if ($mode === '') {
        echo $targets['package.xml'];
        return 0;
    }
    $status = 0;
    foreach ($targets as $name => $text) {
        $current = @file_get_contents("$root/$name");
        if ($current === $text) {
            continue;
        }
        if ($mode === '--write') {
            file_put_contents("$root/$name", $text);
            echo "wrote $name\n";
        } else {
            echo "$name is out of date: run php tools/package-xml.php --write\n";
            $status = 1;
        }
    }
    return $status;
}

exit(main($argv));
