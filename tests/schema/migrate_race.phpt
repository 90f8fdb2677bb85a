--TEST--
Schema: several processes migrate the same fresh database at once; each version is applied exactly once, all succeed
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/config.inc';
ca_db('schema_race')->close();
$file = sys_get_temp_dir() . '/ca_race_' . getmypid() . '.php';
file_put_contents($file, '<?php require getenv("CA_INC");
$db = new CloudAcct\Db\Connection(ca_options(["database" => "cloudacct_t_schema_race"]));
echo json_encode(CloudAcct\Db\Schema::migrate($db)), "|", CloudAcct\Db\Schema::currentVersion($db), "\n";');
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
$procs = [];
for ($i = 0; $i < 6; $i++) {
    $procs[] = proc_open(ca_php_cmd() . ' ' . escapeshellarg($file), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $outs[] = $pipes;
}
$applied = [];
$ok = 0;
foreach ($procs as $i => $p) {
    $out = stream_get_contents($outs[$i][1]) . stream_get_contents($outs[$i][2]);
    proc_close($p);
    if (preg_match('/^(\[[0-9,]*\])\|(\d+)$/', trim($out), $m) && (int) $m[2] === CloudAcct\Db\Schema::latestVersion()) {
        $ok++;
        $applied = array_merge($applied, json_decode($m[1]));
    } else {
        echo "worker $i: $out\n";
    }
}
unlink($file);
sort($applied);
echo "workers succeeded: $ok\n";
var_dump($applied === array_keys(CloudAcct\Db\Schema::migrations()));
ca_drop_db('schema_race');
?>
--EXPECT--
workers succeeded: 6
bool(true)
