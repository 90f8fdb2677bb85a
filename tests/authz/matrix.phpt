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
/* One call: "refused", "hidden" (a list without C1's object), "ok", or what went wrong. */
$cell = function (array $row, string $role) use ($f, $roles, $firm, $firm2): string {
    [, $call, $allowed] = $row;
    $opt = $row[3] ?? [];
    $result = $error = null;
    try {
        $result = $call($roles[$role], $f, $role === 'firm2' ? $firm2 : $firm);
    } catch (Throwable $e) {
        $error = $e;
    }
    $refusal = $error instanceof NotFoundException || $error instanceof ForbiddenException
        || (!empty($opt['names']) && $error instanceof ValidationException);
    $what = $error ? get_class($error) . ': ' . $error->getMessage() : 'no exception';
    if (in_array($role, $allowed, true)) {
        if ($error && ($refusal || empty($opt['passes']))) {
            return "should be allowed, got $what";
        }
        return !$error && isset($opt['sees']) && !$opt['sees']($result, $f) ? "allowed, but the answer lacks C1's object" : 'ok';
    }
    if ($refusal) {
        return 'refused';
    }
    return !$error && isset($opt['sees']) && !$opt['sees']($result, $f) ? 'hidden' : "should be refused, got $what";
};
$record = function (string $action, string $role, string $outcome) use (&$count, &$problems): void {
    $count['cells']++;
    if (isset($count[$outcome])) {
        $count[$outcome]++;
    } elseif ($outcome === 'ok') {
        $count['allowed']++;
    } else {
        $problems[] = "$action by $role: $outcome";
    }
};
foreach ($matrix as $row) {
    $action = $row[0];
    $opt = $row[3] ?? [];
    $cells = array_filter(array_keys($roles), fn($r) => $r !== 'firm2' || empty($opt['firm']));
    $denied = array_diff($cells, $row[2]);
    // the refused roles one after the other, then one look at every table: none may have moved
    foreach ($denied as $role) {
        $record($action, $role, $cell($row, $role));
    }
    $now = az_checksums($db, $tables);
    if ($now !== $base) {
        az_restore($db, $base, $now);
        foreach ($denied as $role) { // which of them wrote
            $cell($row, $role);
            $after = az_checksums($db, $tables);
            if ($after !== $base) {
                $problems[] = "$action by $role: refused, but wrote to " . implode(', ', array_keys(array_diff_assoc($after, $base)));
                az_restore($db, $base, $after);
            }
        }
    }
    // each allowed role on the same starting data
    foreach (array_intersect($cells, $row[2]) as $role) {
        $record($action, $role, $cell($row, $role));
        $now = az_checksums($db, $tables);
        if ($now !== $base) {
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
{"actions":163,"cells":1455,"allowed":347,"refused":1030,"hidden":78}
0 problems

bool(true)
