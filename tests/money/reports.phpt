--TEST--
Reports: the arrears list (aging buckets, filters by store / accountant / aging, paging, who sees what), collections by month and channel, CSV exports that quote properly and defuse spreadsheet formulas
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
[$db, $store] = m_setup('money_reports');
$m = m_areas($store);
$admin = m_admin();
$sys = m_system();
$s1 = m_store_row($db, 1, '一店');
$s2 = m_store_row($db, 1, '二店');
$st1 = m_staff($db, 1, ['store_id' => $s1, 'name' => '王会计']);
$st2 = m_staff($db, 1, ['store_id' => $s1, 'name' => '李会计']);
$a = m_client($db, 1, ['name' => '=HYPERLINK("http://evil","点我")', 'store_id' => $s1, 'accountant_id' => $st1]);
$b = m_client($db, 1, ['name' => '乙公司, 有限', 'store_id' => $s1, 'accountant_id' => $st2]);
$c = m_client($db, 1, ['name' => '丙公司', 'store_id' => $s2, 'accountant_id' => $st1]);
$d = m_client($db, 1, ['name' => '丁公司', 'store_id' => $s2]);
m_freeze('2026-01-02 10:00:00');
foreach ([$a, $b, $c] as $x) {
    $m->plans->create($admin, $x, ['title' => '记账费', 'amount_fen' => 10000, 'cycle' => 'monthly', 'start' => '2026-01']);
}
foreach (['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'] as $p) {
    m_freeze(substr($p, 0, 4) . '-' . substr($p, 5) . '-02 10:00:00');
    $m->billing->run($sys, $p);
}
m_freeze('2026-01-20 10:00:00');
$m->payments->recordOffline($admin, $c, 30000, 'C-1');
m_freeze('2026-03-05 10:00:00');
$pb = $m->payments->recordOffline($admin, $b, 40000, 'B-1', ['method' => 'cash']);
$m->accounts->credit($admin, $b, 500, '抹零', 'cn-b');
m_freeze('2026-04-10 10:00:00');
$m->payments->recordOffline($admin, $c, 20000, 'C-2');
$m->payments->refund($admin, $pb['id'], 500, '多收');
m_freeze('2026-05-20 10:00:00');
$m->billing->issue($admin, $d, ['amount_fen' => 88800, 'title' => '工商年报', 'due_date' => '2026-06-10', 'key' => 'nb']);

$show = function (array $r) {
    echo "total {$r['total']}\n";
    foreach ($r['items'] as $i) {
        echo "  #{$i['client_id']} {$i['name']} store={$i['store_name']} acct={$i['accountant_name']} outstanding={$i['outstanding_fen']}",
            " overdue={$i['overdue_fen']} oldest={$i['oldest_open_due_date']} days={$i['days_overdue']} {$i['aging_bucket']}",
            " paid_through={$i['paid_through']} ", json_encode($i['aging']), "\n";
    }
};
echo "--- admin, everything\n";
$show($m->reports->arrears($admin));
echo "--- filters\n";
$show($m->reports->arrears($admin, ['store_id' => $s2]));
$show($m->reports->arrears($admin, ['accountant_id' => $st2]));
foreach (['not_due', '1_30', '31_60', '61_90', '90_plus', 'overdue'] as $ag) {
    $r = $m->reports->arrears($admin, ['aging' => $ag]);
    echo "$ag: ", implode(',', array_column($r['items'], 'client_id')), "\n";
}
$r = $m->reports->arrears($admin, [], 2, 1);
echo "page 2 of 1: total {$r['total']} client #{$r['items'][0]['client_id']}\n";
echo "--- who sees what\n";
echo "staff 1: ", implode(',', array_column($m->reports->arrears(Actor::staff($st1))['items'], 'client_id')), "\n";
echo "staff 1 asking for staff 2's: ", $m->reports->arrears(Actor::staff($st1), ['accountant_id' => $st2])['total'], "\n";
$db->execute('INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES (1, 9, ?)', [$s2]);
echo "admin of store 2: ", implode(',', array_column($m->reports->arrears(m_admin(9))['items'], 'client_id')), "\n";
m_throws(fn() => $m->reports->arrears(Actor::client(m_contact($db, 1, $a))));
m_throws(fn() => $m->reports->arrears($sys));
m_throws(fn() => $m->reports->arrears($admin, ['aging' => '1-30']));
m_throws(fn() => $m->reports->arrears($admin, ['region' => 'north']));
m_throws(fn() => $m->reports->arrears($admin, [], 0));
echo "--- collections\n";
foreach ($m->reports->collections($admin, '2026-01', '2026-05') as $row) {
    echo "  {$row['period']} {$row['channel']} n={$row['payments']} in={$row['received_fen']} out={$row['refunded_fen']} net={$row['net_fen']}\n";
}
echo "staff 2: ", json_encode(array_map(fn($r) => [$r['period'], $r['net_fen']], $m->reports->collections(Actor::staff($st2), '2026-01', '2026-05'))), "\n";
echo "store 2: ", json_encode(array_map(fn($r) => [$r['period'], $r['net_fen']], $m->reports->collections($admin, '2026-01', '2026-05', ['store_id' => $s2]))), "\n";
m_throws(fn() => $m->reports->collections($admin, '2026-05', '2026-01'));
m_throws(fn() => $m->reports->collections($admin, '2023-01', '2026-01'));
m_throws(fn() => $m->reports->collections($admin, '2026/01', '2026-02'));
echo "--- CSV\n";
$csv = $m->reports->arrearsCsv($admin);
echo "BOM: ", var_export(str_starts_with($csv, "\xEF\xBB\xBF"), true), "\n";
echo substr($csv, 3);
$rows = array_map('str_getcsv', explode("\r\n", trim(substr($csv, 3))));
echo "columns per row: ", implode(',', array_unique(array_map('count', $rows))), "; names read back: ", json_encode(array_column(array_slice($rows, 1), 1), JSON_UNESCAPED_UNICODE), "\n";
echo substr($m->reports->collectionsCsv($admin, '2026-01', '2026-05'), 3);
echo "staff CSV rows: ", substr_count($m->reports->arrearsCsv(Actor::staff($st1)), "\r\n") - 1, "\n";
m_reconcile($m->accounts);
ca_drop_db('money_reports');
?>
--EXPECT--
--- admin, everything
total 3
  #1 =HYPERLINK("http://evil","点我") store=一店 acct=王会计 outstanding=50000 overdue=50000 oldest=2026-01-15 days=125 90_plus paid_through=2025-12 {"not_due":0,"1_30":10000,"31_60":10000,"61_90":10000,"90_plus":20000}
  #2 乙公司, 有限 store=一店 acct=李会计 outstanding=10000 overdue=10000 oldest=2026-04-15 days=35 31_60 paid_through=2026-03 {"not_due":0,"1_30":9500,"31_60":500,"61_90":0,"90_plus":0}
  #4 丁公司 store=二店 acct= outstanding=88800 overdue=0 oldest=2026-06-10 days=0 not_due paid_through= {"not_due":88800,"1_30":0,"31_60":0,"61_90":0,"90_plus":0}
--- filters
total 1
  #4 丁公司 store=二店 acct= outstanding=88800 overdue=0 oldest=2026-06-10 days=0 not_due paid_through= {"not_due":88800,"1_30":0,"31_60":0,"61_90":0,"90_plus":0}
total 1
  #2 乙公司, 有限 store=一店 acct=李会计 outstanding=10000 overdue=10000 oldest=2026-04-15 days=35 31_60 paid_through=2026-03 {"not_due":0,"1_30":9500,"31_60":500,"61_90":0,"90_plus":0}
not_due: 4
1_30: 
31_60: 2
61_90: 
90_plus: 1
overdue: 1,2
page 2 of 1: total 3 client #2
--- who sees what
staff 1: 1
staff 1 asking for staff 2's: 0
admin of store 2: 4
CloudAcct\ForbiddenException: 只有管理员和员工可以查看欠费报表 (admins and staff only)
CloudAcct\ForbiddenException: 只有管理员和员工可以查看欠费报表 (admins and staff only)
CloudAcct\ValidationException: 账龄只能是 not_due、1_30、31_60、61_90、90_plus 或 overdue (aging)
CloudAcct\ValidationException: 筛选条件中有不认识的项：region (unknown key)
ValueError: CloudAcct\Ledger\Reports::arrears(): Argument #3 ($page) must be between 1 and 100000
--- collections
  2026-01 offline n=1 in=30000 out=0 net=30000
  2026-03 offline n=1 in=40000 out=0 net=40000
  2026-04 offline n=1 in=20000 out=500 net=19500
  total  n=3 in=90000 out=500 net=89500
staff 2: [["2026-03",40000],["2026-04",-500],["total",39500]]
store 2: [["2026-01",30000],["2026-04",20000],["total",50000]]
CloudAcct\ValidationException: 统计区间须在 1 到 36 个月之间，且结束不早于开始 (range: 1..36 months)
CloudAcct\ValidationException: 统计区间须在 1 到 36 个月之间，且结束不早于开始 (range: 1..36 months)
CloudAcct\ValidationException: 月份格式应为 YYYY-MM，如 2026-01 (from: expected YYYY-MM)
--- CSV
BOM: true
客户编号,客户名称,门店,专属会计,欠费,其中逾期,未到期,逾期1-30天,逾期31-60天,逾期61-90天,逾期90天以上,最早到期日,逾期天数,已缴至,预存余额
1,"'=HYPERLINK(""http://evil"",""点我"")",一店,王会计,500.00,500.00,0.00,100.00,100.00,100.00,200.00,2026-01-15,125,2025-12,0.00
2,"乙公司, 有限",一店,李会计,100.00,100.00,0.00,95.00,5.00,0.00,0.00,2026-04-15,35,2026-03,0.00
4,丁公司,二店,,888.00,0.00,888.00,0.00,0.00,0.00,0.00,2026-06-10,0,,0.00
columns per row: 15; names read back: ["'=HYPERLINK(\"http:\/\/evil\",\"点我\")","乙公司, 有限","丁公司"]
月份,渠道,笔数,收款,退款,净收款
2026-01,线下收款,1,300.00,0.00,300.00
2026-03,线下收款,1,400.00,0.00,400.00
2026-04,线下收款,1,200.00,5.00,195.00
total,合计,3,900.00,5.00,895.00
staff CSV rows: 1
reconcile: ok (4 clients)
