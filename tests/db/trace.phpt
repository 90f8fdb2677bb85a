--TEST--
cloudacct.db.trace: every statement that succeeded is appended with its tables expanded and its typed values (the benchmark replays it); failed statements and an unset trace write nothing
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
ca_db('trace')->execute('CREATE TABLE ims_cloudacct_t (id INT PRIMARY KEY, uniacid INT, name VARCHAR(20), ratio DOUBLE)');
$file = sys_get_temp_dir() . '/cloudacct-trace-' . getmypid();
@unlink($file);
$child = <<<'PHP'
require getenv('CA_INC');
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_trace']));
$db->transaction(function ($db) {
    $db->execute('INSERT INTO {t} (id, uniacid, name, ratio) VALUES (?, ?, ?, ?)', [1, 1, "甲\n公司", 0.5]);
    $db->execute('UPDATE {t} SET name = ? WHERE id = ? AND uniacid = ?', [null, 1, 1]);
});
try { $db->execute('INSERT INTO {t} (id) VALUES (?)', [1]); } catch (CloudAcct\DuplicateKeyException $e) {}
echo $db->queryValue("SELECT COUNT(*) FROM {t} WHERE name IS NULL AND ratio = ?", [0.5]), "\n";
PHP;
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
echo shell_exec(ca_php_cmd(['cloudacct.db.trace' => $file]) . ' -r ' . escapeshellarg($child));
// without the setting: nothing is written anywhere
echo shell_exec(ca_php_cmd() . ' -r ' . escapeshellarg('require getenv("CA_INC"); $db = new CloudAcct\Db\Connection(ca_options(["database" => "cloudacct_t_trace"]));'
    . ' echo $db->queryValue("SELECT COUNT(*) FROM {t}"), ini_get("cloudacct.db.trace") === "" ? " off" : " on", "\n";'));
$b = file_get_contents($file);
for ($o = 0; $o < strlen($b);) {
    $kind = $b[$o];
    $len = unpack('V', $b, $o + 1)[1];
    $sql = substr($b, $o + 5, $len);
    $o += 5 + $len;
    $n = unpack('v', $b, $o)[1];
    $o += 2;
    $vals = [];
    for ($i = 0; $i < $n; $i++) {
        $type = ord($b[$o++]);
        if ($type === 1) { $vals[] = unpack('q', $b, $o)[1]; $o += 8; }
        elseif ($type === 2) { $vals[] = unpack('e', $b, $o)[1]; $o += 8; }
        elseif ($type === 3) { $l = unpack('V', $b, $o)[1]; $vals[] = substr($b, $o + 4, $l); $o += 4 + $l; }
        else { $vals[] = null; }
    }
    echo $kind, ' ', $sql, ' ', json_encode($vals, JSON_UNESCAPED_UNICODE), "\n";
}
unlink($file);
ca_drop_db('trace');
?>
--EXPECT--
1
1 off
T START TRANSACTION []
P INSERT INTO `ims_cloudacct_t` (id, uniacid, name, ratio) VALUES (?, ?, ?, ?) [1,1,"甲\n公司",0.5]
P UPDATE `ims_cloudacct_t` SET name = ? WHERE id = ? AND uniacid = ? [null,1,1]
T COMMIT []
P SELECT COUNT(*) FROM `ims_cloudacct_t` WHERE name IS NULL AND ratio = ? [0.5]
