--TEST--
Books\Books::save/publish bad input and authorisation: periods that do not exist, unknown lines, float and string amounts, files, require_confirm without a tax line, staff who are not the accountant, clients; typed exceptions and nothing written
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/books.inc';
use CloudAcct\{Actor, Store};
use CloudAcct\Books\Books;
$db = w_setup('books_input');
$books = new Books(new Store($db, 1));
b_at('2026-11-30 23:59');
$acct = w_staff($db, 1);
$other = w_staff($db, 1);
$gone = w_staff($db, 1, ['active' => 0]);
$a = w_client($db, 1, ['accountant_id' => $acct]);
$g = w_client($db, 1, ['accountant_id' => $gone]);
$ca = w_contact($db, 1, $a);
$staff = Actor::staff($acct);
$ok = ['lines' => ['revenue' => 100]];
$counts = fn() => json_encode(w_counts($db, 'book', 'book_revision', 'audit', 'outbox'));
$before = $counts();
// periods: malformed, before 2000, in the future by the business clock (UTC+8: 2026-11-30 23:59)
foreach (['2026-12', '2027-01', '2026-13', '2026-00', '2026-1', '2026/10', '202610', '1999-12', '', '2026-10 ', '２０２６-10'] as $p) {
    echo str_pad(json_encode($p), 12), ' ';
    ca_expect_throw(fn() => $books->save($staff, $a, $p, $ok));
}
// data
foreach ([
    ['lines' => ['revenue' => 12.5]],
    ['lines' => ['revenue' => 100.0]],
    ['lines' => ['revenue' => '12.34']],
    ['lines' => ['revenue' => true]],
    ['lines' => ['revenue' => 1000000000000001]],
    ['lines' => ['turnover' => 100]],
    ['lines' => [0 => 100]],
    ['lines' => 'revenue=100'],
    ['lines' => ['remark' => 5]],
    ['lines' => ['remark' => "bad\x01"]],
    ['lines' => ['remark' => str_repeat('字', 201)]],
    ['lines' => ['revenue' => 1], 'colour' => 'red'],
    [5],
    ['note' => str_repeat('n', 501)],
    ['note' => 5],
    ['require_confirm' => 'yes'],
    ['lines' => ['revenue' => 100], 'require_confirm' => true],
    ['lines' => ['revenue' => 100, 'vat' => null], 'require_confirm' => true],
    ['files' => 'a.pdf'],
    ['files' => ['x' => ['name' => 'a.pdf', 'url' => 'files/a.pdf']]],
    ['files' => array_fill(0, 21, ['name' => 'a.pdf', 'url' => 'files/a.pdf'])],
    ['files' => [['name' => 'a.pdf']]],
    ['files' => [['url' => 'files/a.pdf']]],
    ['files' => [['name' => '', 'url' => 'files/a.pdf']]],
    ['files' => [['name' => 'a.pdf', 'url' => 'files/../../data/config.php']]],
    ['files' => [['name' => 'a.pdf', 'url' => 'javascript:alert(1)//a.pdf']]],
    ['files' => [['name' => 'a.pdf', 'url' => 'http://cdn.example.cn/a.pdf']]],
    ['files' => [['name' => 'a.pdf', 'url' => '/etc/passwd']]],
    ['files' => [['name' => 'shell.php', 'url' => 'files/1/shell.php']]],
    ['files' => [['name' => 'a.pdf', 'url' => 'files/1/a.pdf', 'type' => 'image']]],
    ['files' => [['name' => 'a.pdf', 'url' => 'files/1/a.pdf', 'type' => 'word']]],
    ['files' => [['name' => 'a.pdf', 'url' => 'files/1/a.pdf', 'size' => -1]]],
    ['files' => [['name' => 'a.pdf', 'url' => 'files/1/a.pdf', 'size' => 104857601]]],
    ['files' => [['name' => 'a.pdf', 'url' => 'files/1/a.pdf', 'size' => '10']]],
    ['files' => [['name' => 'a.pdf', 'url' => 'files/1/a.pdf', 'owner' => 1]]],
] as $i => $bad) {
    echo str_pad("#$i", 4), ' ';
    ca_expect_throw(fn() => $books->save($staff, $a, '2026-10', $bad));
}
// who
ca_expect_throw(fn() => $books->save(Actor::staff($other), $a, '2026-10', $ok));
ca_expect_throw(fn() => $books->save(Actor::staff($gone), $g, '2026-10', $ok));
ca_expect_throw(fn() => $books->save(Actor::client($ca), $a, '2026-10', $ok));
ca_expect_throw(fn() => $books->save(Actor::system(), $a, '2026-10', $ok));
ca_expect_throw(fn() => $books->save($staff, 999, '2026-10', $ok));
ca_expect_throw(fn() => $books->save($staff, 0, '2026-10', $ok));
ca_expect_throw(fn() => (new Books(new Store($db, 2)))->save(Actor::admin(1), $a, '2026-10', $ok));
echo $counts() === $before ? "nothing written\n" : "WRITTEN " . $counts() . "\n";
// publish: others' books, clients, missing books
$id = $books->save($staff, $a, '2026-11', $ok);
$before = $counts();
ca_expect_throw(fn() => $books->publish(Actor::staff($other), $id));
ca_expect_throw(fn() => $books->publish(Actor::client($ca), $id));
ca_expect_throw(fn() => $books->publish($staff, 999));
ca_expect_throw(fn() => $books->publish($staff, -1));
$db->execute('UPDATE {staff} SET active = 0 WHERE id = ?', [$acct]);
ca_expect_throw(fn() => $books->publish($staff, $id));
ca_expect_throw(fn() => $books->get($staff, $id));
echo $counts() === $before ? "nothing written\n" : "WRITTEN\n";
// the current month counts as existing; a line left null is empty; text lines keep their text as given
$db->execute('UPDATE {staff} SET active = 1 WHERE id = ?', [$acct]);
$books->save($staff, $a, '2026-11', ['lines' => ['revenue' => -5, 'cost' => null, 'remark' => '<script>x</script>']]);
echo json_encode($books->get($staff, $id)['draft']['lines'], JSON_UNESCAPED_UNICODE), "\n";
// one minute later it is December in China
b_at('2026-12-01 00:00');
echo $books->save($staff, $a, '2026-12', $ok) > $id ? "December saved\n" : "?\n";
ca_drop_db('books_input');
?>
--EXPECT--
"2026-12"    CloudAcct\ValidationException: 账期 2026-12 还没有到，不能记账（最晚为本月）(period: period is in the future)
"2027-01"    CloudAcct\ValidationException: 账期 2027-01 还没有到，不能记账（最晚为本月）(period: period is in the future)
"2026-13"    CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
"2026-00"    CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
"2026-1"     CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
"2026\/10"   CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
"202610"     CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
"1999-12"    CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
""           CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
"2026-10 "   CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
"\uff12\uff10\uff12\uff16-10" CloudAcct\ValidationException: 账期应为 YYYY-MM（2000-01 起），如 2026-10 (period: expected YYYY-MM)
#0   CloudAcct\ValidationException: “收入”须为整数“分”，不能是小数；元请用 CloudAcct\Money::parse("12.34") 换算 (lines.revenue: float refused)
#1   CloudAcct\ValidationException: “收入”须为整数“分”，不能是小数；元请用 CloudAcct\Money::parse("12.34") 换算 (lines.revenue: float refused)
#2   CloudAcct\ValidationException: “收入”须为整数“分”，不能是文本；元请用 CloudAcct\Money::parse() 换算 (lines.revenue: string refused)
#3   CloudAcct\ValidationException: “收入”须为整数“分” (lines.revenue: int fen expected)
#4   CloudAcct\ValidationException: “收入”金额超出范围 (lines.revenue: amount out of range)
#5   CloudAcct\ValidationException: 没有这个账目项目：turnover（请先在设置中添加）(unknown line)
#6   CloudAcct\ValidationException: 没有这个账目项目：0（请先在设置中添加）(unknown line)
#7   CloudAcct\ValidationException: lines 须为 项目代码 => 数值 (lines: array expected)
#8   CloudAcct\ValidationException: “备注”须为文本 (lines.remark: string expected)
#9   CloudAcct\ValidationException: “备注”内容含有不可见的控制字符，请删除后重新输入 (lines.remark: invalid text)
#10  CloudAcct\ValidationException: “备注”须为 0 到 200 个字符 (lines.remark: 0..200 characters)
#11  CloudAcct\ValidationException: 未知的字段 colour；可用 lines、files、note、require_confirm (unknown key)
#12  CloudAcct\ValidationException: 未知的字段 (list index)；可用 lines、files、note、require_confirm (unknown key)
#13  CloudAcct\ValidationException: “说明”须为 0 到 500 个字符 (note: 0..500 characters)
#14  CloudAcct\ValidationException: “说明”须为文本 (note: string expected)
#15  CloudAcct\ValidationException: require_confirm 须为 true 或 false (bool expected)
#16  CloudAcct\ValidationException: 要客户确认税额，请先填写应交税额项目 (no tax line to confirm)
#17  CloudAcct\ValidationException: 要客户确认税额，请先填写应交税额项目 (no tax line to confirm)
#18  CloudAcct\ValidationException: 附件须为最多 20 个的列表 (files: list of up to 20)
#19  CloudAcct\ValidationException: 附件须为最多 20 个的列表 (files: list of up to 20)
#20  CloudAcct\ValidationException: 附件须为最多 20 个的列表 (files: list of up to 20)
#21  CloudAcct\ValidationException: 附件地址须为上传后的附件路径或 https 链接 (files[0].url: attachment path or https URL)
#22  CloudAcct\ValidationException: 请填写附件名称 (files[0].name: required)
#23  CloudAcct\ValidationException: “附件名称”须为 1 到 100 个字符 (files[0]: 1..100 characters)
#24  CloudAcct\ValidationException: 附件地址须为上传后的附件路径或 https 链接 (files[0].url: attachment path or https URL)
#25  CloudAcct\ValidationException: 附件地址须为上传后的附件路径或 https 链接 (files[0].url: attachment path or https URL)
#26  CloudAcct\ValidationException: 附件地址须为上传后的附件路径或 https 链接 (files[0].url: attachment path or https URL)
#27  CloudAcct\ValidationException: 附件地址须为上传后的附件路径或 https 链接 (files[0].url: attachment path or https URL)
#28  CloudAcct\ValidationException: 只能附加 PDF、Excel（xls/xlsx/csv）或图片 (files[0]: pdf, excel or image only)
#29  CloudAcct\ValidationException: 附件类型与文件不符，应为 pdf (files[0].type: does not match the file)
#30  CloudAcct\ValidationException: 附件类型与文件不符，应为 pdf (files[0].type: does not match the file)
#31  CloudAcct\ValidationException: 附件大小须为 0 到 100MB 的字节数 (files[0].size: 0..104857600 bytes)
#32  CloudAcct\ValidationException: 附件大小须为 0 到 100MB 的字节数 (files[0].size: 0..104857600 bytes)
#33  CloudAcct\ValidationException: 附件大小须为 0 到 100MB 的字节数 (files[0].size: 0..104857600 bytes)
#34  CloudAcct\ValidationException: 附件只能有 name、url、size、type (files[0]: unknown key)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\ForbiddenException: 员工账号不存在或已停用 (staff 3 is not active)
CloudAcct\ForbiddenException: 只有专属会计或管理员可以编辑、发布账目 (only the accountant or an admin edits books)
CloudAcct\ForbiddenException: 只有专属会计或管理员可以编辑、发布账目 (only the accountant or an admin edits books)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 999 not found)
ValueError: CloudAcct\Books\Books::save(): Argument #2 ($clientId) must be between 1 and 4294967295
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
nothing written
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 1 not found)
CloudAcct\ForbiddenException: 只有专属会计或管理员可以编辑、发布账目 (only the accountant or an admin edits books)
CloudAcct\NotFoundException: 账目不存在或无权查看 (book 999 not found)
ValueError: CloudAcct\Books\Books::publish(): Argument #2 ($bookId) must be between 1 and 4294967295
CloudAcct\ForbiddenException: 员工账号不存在或已停用 (staff 1 is not active)
CloudAcct\ForbiddenException: 员工账号不存在或已停用 (staff 1 is not active)
nothing written
[{"key":"revenue","label":"收入","kind":"amount","tax":false,"value":-5},{"key":"remark","label":"备注","kind":"text","tax":false,"value":"<script>x<\/script>"}]
December saved
