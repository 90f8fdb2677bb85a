--TEST--
Work\Calendar: defaults, admin set with holidays and 调休 make-up days, business-time maths, malformed tables write nothing
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
require __DIR__ . '/work.inc';
use CloudAcct\{Actor, Store, Settings};
use CloudAcct\Work\Calendar;
$db = w_setup('work_calendar');
$cal = new Calendar(new Store($db, 1));
$cal2 = new Calendar(new Store($db, 2));
$admin = Actor::admin(1);
$t = fn(string $s) => (new DateTime($s, new DateTimeZone('Asia/Shanghai')))->getTimestamp();
$fmt = fn(int $ts) => (new DateTime('@' . $ts))->setTimezone(new DateTimeZone('Asia/Shanghai'))->format('Y-m-d H:i');

echo json_encode($cal->get()), "\n";
// defaults: Mon-Fri 09:00-18:00, lunch 12-13 → 8 h a day
echo $fmt($cal->addBusinessTime($t('2026-09-30 17:00'), 7200)), "\n";
echo $cal->businessTimeBetween($t('2026-09-28 09:00'), $t('2026-10-03 00:00')) / 3600, "\n";
echo $cal->nextWorkday('2026-10-03'), "\n";

// 国庆 2026: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 are make-up workdays
$holidays = [];
foreach (['2026-10-07', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06'] as $d) {
    $holidays[] = ['date' => $d, 'workday' => false];
}
$holidays[] = ['date' => '2026-10-10', 'workday' => true];
$holidays[] = ['date' => '2026-09-20', 'workday' => true];
$cal->set($admin, ['day_start' => '08:30', 'day_end' => '17:30', 'break_start' => '12:00', 'break_end' => '13:00',
    'weekend' => [6, 0], 'exceptions' => $holidays]);
$g = $cal->get();
echo $g['day_start'], '-', $g['day_end'], ' ', json_encode($g['weekend']), ' ', count($g['exceptions']), ' ',
    $g['exceptions'][0]['date'], ' ', json_encode($g['exceptions'][0]['workday']), ' ', end($g['exceptions'])['date'], "\n";
echo $fmt($cal->addBusinessTime($t('2026-09-30 16:30'), 7200)), "\n";       // past the holiday
echo $fmt($cal->addBusinessTime($t('2026-10-09 17:00'), 3600)), "\n";       // Saturday 10-10 is a workday
echo $cal->nextWorkday('2026-10-01'), ' ', $cal->nextWorkday('2026-10-10'), ' ', $cal->nextWorkday('2026-09-20'), "\n";
echo $cal->businessTimeBetween($t('2026-09-30 08:30'), $t('2026-10-09 08:30')) / 3600, "\n";
echo $cal->businessTimeBetween($t('2026-10-09 08:30'), $t('2026-09-30 08:30')), "\n";
echo $fmt($cal->addBusinessTime($t('2026-10-03 10:00'), 0)), "\n";
// no lunch break
$cal->set($admin, ['day_start' => '09:00', 'day_end' => '17:00', 'break_start' => '', 'break_end' => '',
    'weekend' => [0, 6], 'exceptions' => []]);
echo json_encode($cal->get()), "\n";
echo $fmt($cal->addBusinessTime($t('2026-11-02 11:30'), 3600)), "\n";
echo json_encode((new Settings(new Store($db, 1)))->get('work_calendar')['day_end']), "\n";
echo $cal2->get()['day_start'], "\n";

// malformed calendars: typed errors, nothing written
$good = $cal->get();
$before = w_counts($db, 'setting', 'audit');
$stored = $db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'work_calendar'");
$bad = [
    ['exceptions' => [['date' => '2026-02-30', 'workday' => false]]],
    ['exceptions' => [['date' => '2026/10/01', 'workday' => false]]],
    ['exceptions' => [['date' => '20261001', 'workday' => false]]],
    ['exceptions' => [['date' => '2026-10-01']]],
    ['exceptions' => [['date' => '2026-10-01', 'workday' => 'no']]],
    ['exceptions' => [['date' => '2026-10-01', 'workday' => false, 'name' => '国庆']]],
    ['exceptions' => [['date' => '2026-10-01', 'workday' => false], ['date' => '2026-10-01', 'workday' => true]]],
    ['exceptions' => ['2026-10-01']],
    ['exceptions' => [['date' => '1969-12-31', 'workday' => false]]],
    ['exceptions' => 'none'],
    ['day_start' => '9:00'],
    ['day_start' => '18:00', 'day_end' => '09:00'],
    ['day_end' => '25:00'],
    ['break_start' => '07:00', 'break_end' => '08:00'],
    ['break_start' => '12:00', 'break_end' => ''],
    ['weekend' => [7]],
    ['weekend' => [0, 0]],
    ['weekend' => '0,6'],
    ['timezone' => 'UTC'],
];
foreach ($bad as $change) {
    ca_expect_throw(fn() => $cal->set($admin, array_merge($good, $change)));
}
$noWeekend = $good; unset($noWeekend['weekend']);
ca_expect_throw(fn() => $cal->set($admin, $noWeekend));
ca_expect_throw(fn() => $cal->set($admin, array_merge($good, ['exceptions' => array_fill(0, 1001, ['date' => '2026-01-01', 'workday' => true])])));
ca_expect_throw(fn() => $cal->set(Actor::staff(1), $good));
ca_expect_throw(fn() => $cal->nextWorkday('2026-13-01'));
ca_expect_throw(fn() => $cal->addBusinessTime(-1, 60));
ca_expect_throw(fn() => $cal->addBusinessTime(0, -60));
// the generic settings page goes through Settings::set, which runs the same check
$settings = new Settings(new Store($db, 1));
ca_expect_throw(fn() => $settings->set($admin, 'work_calendar', array_merge($good, ['exceptions' => [['date' => '2026-02-30', 'workday' => false]]])));
ca_expect_throw(fn() => $settings->set($admin, 'work_calendar', array_merge($good, ['day_start' => '25:00'])));
var_dump(w_counts($db, 'setting', 'audit') === $before,
    $db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'work_calendar'") === $stored);
// a week without workdays cannot reach any time
$cal->set($admin, array_merge($good, ['weekend' => [0, 1, 2, 3, 4, 5, 6]]));
ca_expect_throw(fn() => $cal->addBusinessTime($t('2026-11-02 09:00'), 60));
echo $db->queryValue("SELECT COUNT(*) FROM {audit} WHERE action = 'calendar_set'"), "\n";
ca_drop_db('work_calendar');
?>
--EXPECT--
{"day_start":"09:00","day_end":"18:00","break_start":"12:00","break_end":"13:00","weekend":[0,6],"exceptions":[]}
2026-10-01 10:00
40
2026-10-05
08:30-17:30 [0,6] 9 2026-09-20 true 2026-10-10
2026-10-08 09:30
2026-10-10 09:00
2026-10-08 2026-10-10 2026-09-20
16
0
2026-10-08 08:30
{"day_start":"09:00","day_end":"17:00","break_start":"","break_end":"","weekend":[0,6],"exceptions":[]}
2026-11-02 12:30
"17:00"
09:00
CloudAcct\ValidationException: 工作日历：第 1 项「2026-02-30」须为 {date: "YYYY-MM-DD"（真实日期）, workday: true|false} (exceptions[0])
CloudAcct\ValidationException: 工作日历：第 1 项「2026/10/01」须为 {date: "YYYY-MM-DD"（真实日期）, workday: true|false} (exceptions[0])
CloudAcct\ValidationException: 工作日历：第 1 项「20261001」须为 {date: "YYYY-MM-DD"（真实日期）, workday: true|false} (exceptions[0])
CloudAcct\ValidationException: 工作日历：第 1 项「2026-10-01」须为 {date: "YYYY-MM-DD"（真实日期）, workday: true|false} (exceptions[0])
CloudAcct\ValidationException: 工作日历：第 1 项「2026-10-01」须为 {date: "YYYY-MM-DD"（真实日期）, workday: true|false} (exceptions[0])
CloudAcct\ValidationException: 工作日历：第 1 项「2026-10-01」须为 {date: "YYYY-MM-DD"（真实日期）, workday: true|false} (exceptions[0])
CloudAcct\ValidationException: 工作日历：同一天只能设置一次节假日或调休上班，请删除重复的日期
CloudAcct\ValidationException: 工作日历：第 1 项须为 {date: "YYYY-MM-DD"（真实日期）, workday: true|false} (exceptions[0])
CloudAcct\ValidationException: 工作日历：第 1 项「1969-12-31」须为 {date: "YYYY-MM-DD"（真实日期）, workday: true|false} (exceptions[0])
CloudAcct\ValidationException: 工作日历：节假日与调休须为最多 1000 项的列表 (exceptions: a list of up to 1000)
CloudAcct\ValidationException: 工作日历：上下班时间须为 HH:MM (day_start/day_end: HH:MM)
CloudAcct\ValidationException: 工作日历：上下班时间不正确，下班时间须晚于上班时间，且在 00:00 到 24:00 之间
CloudAcct\ValidationException: 工作日历：上下班时间须为 HH:MM (day_start/day_end: HH:MM)
CloudAcct\ValidationException: 工作日历：午休时间须在上下班时间之内且结束晚于开始；不设午休请将开始和结束设为相同
CloudAcct\ValidationException: 工作日历：午休时间须为 HH:MM，或都留空表示不午休 (break_start/break_end: HH:MM or both empty)
CloudAcct\ValidationException: 工作日历：周末须为 0（周日）到 6（周六）的不重复数字列表 (weekend: list of 0..6)
CloudAcct\ValidationException: 工作日历：周末须为 0（周日）到 6（周六）的不重复数字列表 (weekend: list of 0..6)
CloudAcct\ValidationException: 工作日历：周末须为 0（周日）到 6（周六）的数字列表 (weekend: list of 0..6)
CloudAcct\ValidationException: 工作日历：未知字段 (unknown key)
CloudAcct\ValidationException: 工作日历：周末须为 0（周日）到 6（周六）的数字列表 (weekend: list of 0..6)
CloudAcct\ValidationException: 工作日历：节假日与调休须为最多 1000 项的列表 (exceptions: a list of up to 1000)
CloudAcct\ForbiddenException: 只有管理员可以设置工作日历 (admin only)
CloudAcct\ValidationException: 日期须为 YYYY-MM-DD 格式的真实日期 (date: YYYY-MM-DD)
ValueError: CloudAcct\Work\Calendar::addBusinessTime(): Argument #1 ($from) must be a unix timestamp before 3000-01-01
ValueError: CloudAcct\Work\Calendar::addBusinessTime(): Argument #2 ($seconds) must be greater than or equal to 0
CloudAcct\ValidationException: 工作日历：第 1 项「2026-02-30」须为 {date: "YYYY-MM-DD"（真实日期）, workday: true|false} (exceptions[0])
CloudAcct\ValidationException: 工作日历：上下班时间须为 HH:MM (day_start/day_end: HH:MM)
bool(true)
bool(true)
CloudAcct\ValidationException: 三年内没有足够的工作时间 (no such working time within 3 years)
3
