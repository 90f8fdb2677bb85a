--TEST--
People: eight processes use one invite code at the same moment; exactly one binds, the others get a clean 'already used'
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/people.inc';
use CloudAcct\Actor;
[$db, $p] = p_setup('people_invite_race');
$boss = Actor::admin(1);
$a = $p['clients']->create($boss, ['name' => '公司甲']);
$code = $p['contacts']->issueInvite($boss, $a);
$db->close();

// Eight processes use the one code at the same moment, each as a different fan.
$n = 8;
$go = sys_get_temp_dir() . '/ca_invite_race_go_' . getmypid();
$file = sys_get_temp_dir() . '/ca_invite_race_' . getmypid() . '.php';
file_put_contents($file, '<?php require getenv("CA_INC");
$db = new CloudAcct\Db\Connection(ca_options(["database" => "cloudacct_t_people_invite_race"]));
$contacts = new CloudAcct\People\Contacts(new CloudAcct\Store($db, 1));
$db->queryValue("SELECT 1");
echo "ready\n";
while (!file_exists($argv[1])) {
    usleep(500);
}
try {
    $id = $contacts->bindByInvite("oWx_racer" . $argv[2], $argv[3], "抢码人" . $argv[2], "1370000000" . $argv[2]);
    echo "won $id\n";
} catch (CloudAcct\ValidationException $e) {
    echo "lost ", $e->getField(), " ", $e->getMessage(), "\n";
}');
putenv('CA_INC=' . realpath(__DIR__ . '/../inc/config.inc'));
$procs = $pipes = [];
for ($i = 0; $i < $n; $i++) {
    $procs[] = proc_open(ca_php_cmd() . ' ' . escapeshellarg($file) . ' ' . escapeshellarg($go) . " $i $code", [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $io);
    $pipes[] = $io;
}
// start them together once every one is connected and waiting
foreach ($pipes as $io) {
    fgets($io[1]);
}
touch($go);
$outcomes = [];
foreach ($procs as $i => $proc) {
    $out = trim(stream_get_contents($pipes[$i][1]) . stream_get_contents($pipes[$i][2]));
    proc_close($proc);
    $outcomes[] = preg_replace('/^won \d+$/', 'won', $out);
}
unlink($file);
unlink($go);
$counts = array_count_values($outcomes);
ksort($counts);
foreach ($counts as $what => $k) {
    echo "$k × $what\n";
}
// exactly one binding, one contact, one audit row; the code records the winner
$db = new CloudAcct\Db\Connection(ca_options(['database' => 'cloudacct_t_people_invite_race']));
echo $db->queryValue('SELECT COUNT(*) FROM {client_contact}'), ' ', $db->queryValue('SELECT COUNT(*) FROM {contact}'), ' ',
    $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'contact_bind'"), "\n";
var_dump($db->queryValue('SELECT used_by_openid FROM {bind_code} WHERE code = ?', [$code])
    === $db->queryValue('SELECT openid FROM {contact}'));
ca_drop_db('people_invite_race');
?>
--EXPECT--
7 × lost code 邀请码已被使用，每个邀请码只能用一次，请向发码人索取新的邀请码 (code already used)
1 × won
1 1 1
bool(true)
