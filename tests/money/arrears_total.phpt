--TEST--
Reports::arrearsTotal: how many clients owe and what they owe together, in one aggregate equal to the arrears list summed page by page — for every filter (store, accountant, aging), for a store-scoped admin and for staff (their clients); clients refused, bad filters refused; uniacid kept apart
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/money.inc';
use CloudAcct\Actor;
[$db, $store] = m_setup('money_arrears_total');
$m = m_areas($store);
$admin = m_admin();
$sys = m_system();
$s1 = m_store_row($db, 1, '一店');
$s2 = m_store_row($db, 1, '二店');
$st1 = m_staff($db, 1, ['store_id' => $s1, 'name' => '王会计']);
$st2 = m_staff($db, 1, ['store_id' => $s2, 'name' => '李会计']);
$clients = [];
foreach ([[$s1, $st1, 10000], [$s1, $st2, 25000], [$s2, $st1, 7000], [$s2, $st2, 31000], [$s2, 0, 12000]] as $i => [$st, $acct, $fee]) {
    $clients[] = $c = m_client($db, 1, ['name' => "客户$i", 'store_id' => $st, 'accountant_id' => $acct]);
    $m->plans->create($admin, $c, ['title' => '记账费', 'amount_fen' => $fee, 'cycle' => 'monthly', 'start' => '2026-01']);
}
foreach (['2026-01', '2026-02', '2026-03'] as $p) {
    m_freeze(substr($p, 0, 4) . '-' . substr($p, 5) . '-02 10:00:00');
    $m->billing->run($sys, $p);
}
m_freeze('2026-03-20 10:00:00');
$m->payments->recordOffline($admin, $clients[0], 30000, 'P-0');           // paid up
$m->payments->recordOffline($admin, $clients[1], 10000, 'P-1');           // part
$m->accounts->credit($admin, $clients[3], 500, '抹零', 'cn-3');            // credit nets the balance
// another account's owing client never counts
$other = m_client($db, 2, ['name' => '别家']);
(new CloudAcct\Ledger\Billing(new CloudAcct\Store($db, 2)))->issue($admin, $other, ['amount_fen' => 99900, 'title' => '别家', 'due_date' => '2026-03-01']);
$db->execute('INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES (1, 7, ?)', [$s2]);
$scoped = Actor::admin(7);

$bySum = function (Actor $a, array $f) use ($m) {
    $n = 0; $sum = 0; $bal = 0;
    for ($page = 1; ; $page++) {
        $r = $m->reports->arrears($a, $f, $page, 2);
        foreach ($r['items'] as $i) {
            $n++; $sum += $i['outstanding_fen']; $bal += $i['balance_fen'];
        }
        if ($page * 2 >= $r['total']) {
            return ['clients' => $n, 'outstanding_fen' => $sum, 'balance_fen' => $bal];
        }
    }
};
$cases = [
    'admin' => [$admin, []], 'store 1' => [$admin, ['store_id' => $s1]], 'store 2' => [$admin, ['store_id' => $s2]],
    'accountant 1' => [$admin, ['accountant_id' => $st1]], 'overdue' => [$admin, ['aging' => 'overdue']],
    '61_90' => [$admin, ['aging' => '61_90']], '31_60' => [$admin, ['aging' => '31_60']], 'not_due' => [$admin, ['aging' => 'not_due']],
    'scoped admin (store 2)' => [$scoped, []], 'staff 1' => [Actor::staff($st1), []], 'staff 2, store 2' => [Actor::staff($st2), ['store_id' => $s2]],
];
foreach ($cases as $name => [$actor, $filter]) {
    $t = $m->reports->arrearsTotal($actor, $filter);
    $s = $bySum($actor, $filter);
    echo str_pad($name, 24), json_encode($t), $t === $s ? ' = the list' : ' != the list ' . json_encode($s), "\n";
}
m_throws(fn () => $m->reports->arrearsTotal(Actor::client(m_contact($db, 1, $clients[1]))));
m_throws(fn () => $m->reports->arrearsTotal($admin, ['aging' => 'soon']));
m_throws(fn () => $m->reports->arrearsTotal($admin, ['colour' => 'red']));
m_throws(fn () => $m->reports->arrearsTotal($sys));
?>
--EXPECT--
admin                   {"clients":4,"outstanding_fen":214500,"balance_fen":214500} = the list
store 1                 {"clients":1,"outstanding_fen":65000,"balance_fen":65000} = the list
store 2                 {"clients":3,"outstanding_fen":149500,"balance_fen":149500} = the list
accountant 1            {"clients":1,"outstanding_fen":21000,"balance_fen":21000} = the list
overdue                 {"clients":4,"outstanding_fen":214500,"balance_fen":214500} = the list
61_90                   {"clients":4,"outstanding_fen":214500,"balance_fen":214500} = the list
31_60                   {"clients":0,"outstanding_fen":0,"balance_fen":0} = the list
not_due                 {"clients":0,"outstanding_fen":0,"balance_fen":0} = the list
scoped admin (store 2)  {"clients":3,"outstanding_fen":149500,"balance_fen":149500} = the list
staff 1                 {"clients":1,"outstanding_fen":21000,"balance_fen":21000} = the list
staff 2, store 2        {"clients":1,"outstanding_fen":92500,"balance_fen":92500} = the list
CloudAcct\ForbiddenException: 只有管理员和员工可以查看欠费报表 (admins and staff only)
CloudAcct\ValidationException: 账龄只能是 not_due、1_30、31_60、61_90、90_plus 或 overdue (aging)
CloudAcct\ValidationException: 筛选条件中有不认识的项：colour (unknown key)
CloudAcct\ForbiddenException: 只有管理员和员工可以查看欠费报表 (admins and staff only)
