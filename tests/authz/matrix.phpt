--TEST--
Authorisation matrix: every action taking an Actor × every role × company C1's objects — the roles not allowed are refused (NotFound/Forbidden) or see none of C1's data, with nothing written; the allowed roles succeed
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/fixture.inc';
use CloudAcct\{Store, NotFoundException, ForbiddenException, ValidationException};

$db = ca_db('authz_matrix');
CloudAcct\Db\Schema::migrate($db);
$f = az_fixture($db);
$firm = az_api(new Store($db, 1));
$firm2 = az_api(new Store($db, 2));
$roles = az_roles($f);
$tables = az_tables($db);
az_snapshot($db, $tables);
$base = az_checksums($db, $tables);
$matrix = require __DIR__ . '/matrix.inc';

$count = ['actions' => count($matrix), 'cells' => 0, 'allowed' => 0, 'refused' => 0, 'hidden' => 0];
$problems = [];
foreach ($matrix as $row) {
    [$action, $call, $allowed] = $row;
    $opt = $row[3] ?? [];
    foreach ($roles as $role => $actor) {
        if ($role === 'firm2' && !empty($opt['firm'])) {
            continue;
        }
        $count['cells']++;
        $may = in_array($role, $allowed, true);
        $result = $error = null;
        try {
            $result = $call($actor, $f, $role === 'firm2' ? $firm2 : $firm);
        } catch (Throwable $e) {
            $error = $e;
        }
        $now = az_checksums($db, $tables);
        $wrote = array_keys(array_diff_assoc($now, $base));
        $refusal = $error instanceof NotFoundException || $error instanceof ForbiddenException
            || (!empty($opt['names']) && $error instanceof ValidationException);
        $what = $error ? get_class($error) . ': ' . $error->getMessage() : 'no exception';
        if ($may) {
            $count['allowed']++;
            if ($error && ($refusal || empty($opt['passes']))) {
                $problems[] = "$action by $role: should be allowed, got $what";
            } elseif (!$error && isset($opt['sees']) && !$opt['sees']($result, $f)) {
                $problems[] = "$action by $role: allowed, but the answer lacks C1's object";
            }
        } else {
            if ($refusal) {
                $count['refused']++;
            } elseif (!$error && isset($opt['sees']) && !$opt['sees']($result, $f)) {
                $count['hidden']++;
            } else {
                $problems[] = "$action by $role: should be refused, got $what";
            }
            if ($wrote) {
                $problems[] = "$action by $role: refused, but wrote to " . implode(', ', $wrote);
            }
        }
        if ($wrote) {
            az_restore($db, $base, $now);
        }
    }
}
echo json_encode($count), "\n";
echo count($problems), " problems\n", implode("\n", $problems), "\n";
var_dump(az_checksums($db, $tables) === $base);
ca_drop_db('authz_matrix');
?>
--EXPECT--
{"actions":162,"cells":1446,"allowed":345,"refused":1025,"hidden":76}
0 problems

bool(true)
