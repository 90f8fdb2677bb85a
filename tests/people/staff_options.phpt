--TEST--
People: Staff::options — the staff pickers' rows (id, name, store, jobs in hand) of the active staff an admin may assign, in one statement: all stores for the firm's admin, only their stores for a limited admin, never inactive staff or another firm's; staff and clients are refused; nothing is written
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.db.trace={PWD}/staff_options.trace
--FILE--
<?php
require __DIR__ . '/people.inc';
use CloudAcct\Actor;
[$db, $p, $p2] = p_setup('people_staff_options');
$trace = __DIR__ . '/staff_options.trace';
/** The SQL of the statements traced since the last call. */
$statements = function () use ($trace): array {
    $b = (string) file_get_contents($trace);
    file_put_contents($trace, '');
    $out = [];
    for ($o = 0, $end = strlen($b); $o < $end;) {
        $len = unpack('V', $b, $o + 1)[1];
        $out[] = substr($b, $o + 5, $len);
        $o += 5 + $len;
        $n = unpack('v', $b, $o)[1];
        $o += 2;
        for ($i = 0; $i < $n; $i++) {
            $type = ord($b[$o++]);
            $o += $type === 1 || $type === 2 ? 8 : ($type === 3 ? 4 + unpack('V', $b, $o)[1] : 0);
        }
    }
    return $out;
};
$staff = $p['staff'];
$boss = Actor::admin(1);
$limited = Actor::admin(7);
$gulou = $p['stores']->create($boss, ['name' => '鼓楼店']);
$taijiang = $p['stores']->create($boss, ['name' => '<i>台江</i>店']);
$p['stores']->setAdminScope($boss, 7, [$gulou]);
$zhang = $staff->create($boss, ['name' => '张会计', 'store_id' => $gulou, 'open_job_cap' => 30, 'on_duty' => false, 'skills' => ['记账']]);
$li = $staff->create($boss, ['name' => '李会计', 'store_id' => $taijiang]);
$wang = $staff->create($boss, ['name' => '王出纳']);
$zhao = $staff->create($boss, ['name' => '赵会计', 'store_id' => $gulou]);
$qian = $staff->create($boss, ['name' => '钱会计', 'store_id' => $gulou]);
$staff->setActive($boss, $zhao, false);
$db->execute('UPDATE {staff} SET open_jobs = 3 WHERE id = ?', [$zhang]);
$other = $p2['staff']->create($boss, ['name' => '别家会计']);
$before = p_counts($db);
$statements();

// the firm's admin: every active employee, by id, with what a picker shows
$all = $staff->options($boss);
echo p_json($all), "\n";
echo count($statements()), " statement\n";
// the same people as the staff list's active filter, in the same order
var_dump(array_column($all, 'id') === array_column($staff->list($boss, ['active' => true], 1, 100)['items'], 'id'));
$statements();

// a limited admin: their store's active staff only (not another store's, not those without a store)
$mine = $staff->options($limited);
echo p_json(array_column($mine, 'name')), "\n";
echo count($statements()), " statement\n";
var_dump(array_column($mine, 'id') === array_column($staff->list($limited, ['active' => true], 1, 100)['items'], 'id'));
var_dump(array_column($mine, 'id') === [$zhang, $qian]);
// the system sees what the firm's admin sees
var_dump($staff->options(Actor::system()) === $all);
// another firm: its own staff only
echo p_json(array_column($p2['staff']->options($boss), 'name')), "\n";
// an empty firm
var_dump((new CloudAcct\People\Staff(new CloudAcct\Store($db, 3)))->options($boss));

// staff and clients may not list the staff
ca_expect_throw(fn() => $staff->options(Actor::staff($zhang)));
ca_expect_throw(fn() => $staff->options(Actor::client(1)));
ca_expect_throw(fn() => $staff->options());
ca_expect_throw(fn() => $staff->options($boss, 1));
// reading wrote nothing
var_dump(p_counts($db) === $before);

// the picker offers whom assign() accepts: a limited admin may give their store's job to 钱, not to 李 or 王
$jobs = new CloudAcct\Work\Jobs(new CloudAcct\Store($db, 1));
$client = $p['clients']->create($boss, ['name' => '甲公司', 'store_id' => $gulou]);
$job = $jobs->create($boss, $client, ['title' => '变更', 'type' => '其他', 'dispatch_mode' => 'direct']);
ca_expect_throw(fn() => $jobs->assign($limited, $job, $li));
ca_expect_throw(fn() => $jobs->assign($limited, $job, $wang));
ca_expect_throw(fn() => $jobs->assign($limited, $job, $zhao));
$jobs->assign($limited, $job, $qian);
echo $db->queryValue('SELECT assignee_id FROM {job} WHERE id = ?', [$job]) == $qian ? "assigned to 钱\n" : "not assigned\n";
@unlink($trace);
ca_drop_db('people_staff_options');
?>
--CLEAN--
<?php @unlink(__DIR__ . '/staff_options.trace'); ?>
--EXPECTF--
[{"id":1,"name":"张会计","store_id":1,"store_name":"鼓楼店","open_jobs":3,"open_job_cap":30,"on_duty":false},{"id":2,"name":"李会计","store_id":2,"store_name":"<i>台江</i>店","open_jobs":0,"open_job_cap":20,"on_duty":true},{"id":3,"name":"王出纳","store_id":0,"store_name":"","open_jobs":0,"open_job_cap":20,"on_duty":true},{"id":5,"name":"钱会计","store_id":1,"store_name":"鼓楼店","open_jobs":0,"open_job_cap":20,"on_duty":true}]
1 statement
bool(true)
["张会计","钱会计"]
1 statement
bool(true)
bool(true)
bool(true)
["别家会计"]
array(0) {
}
CloudAcct\ForbiddenException: %s
CloudAcct\ForbiddenException: %s
ArgumentCountError: CloudAcct\People\Staff::options() expects exactly 1 argument, 0 given
ArgumentCountError: CloudAcct\People\Staff::options() expects exactly 1 argument, 2 given
bool(true)
CloudAcct\NotFoundException: %s
CloudAcct\NotFoundException: %s
CloudAcct\ForbiddenException: %s
assigned to 钱
