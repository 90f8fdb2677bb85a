--TEST--
Glue: books pages — the client reads the published books of the current company (periods → detail) and confirms or disputes the tax; the accountant enters figures in 元 and attaches a PDF (微擎 file_upload), saves and publishes; the admin lists and filters books and publishes a draft; another company's book by id, a staff member who is not the accountant, bad amounts and bad files are refused with nothing written; stored XSS comes back escaped
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('books');
$db = $site->db();
$x = GLUE_XSS;
$escaped = '&quot;&lt;svg/onload=x&gt;';
$clean = fn (string $html) => !str_contains($html, '<svg/onload=x>');
$ok = fn (string $html) => GlueSite::phpErrors($html) === '';
$files = fn () => (int) trim(shell_exec('find ' . escapeshellarg($site->dir . '/attachment') . ' -type f 2>/dev/null | wc -l'));
$client = fn (string $name) => (int) $db->queryValue('SELECT id FROM {client} WHERE name = ?', [$name]);
$xingchen = $client('北京星辰科技有限公司');
$anju = $client('北京安居物业服务有限公司');
$yuanhang = $client('北京远航国际贸易有限公司');
$last = (string) $db->queryValue("SELECT DATE_FORMAT(CONCAT(period DIV 100, '-', period MOD 100, '-01'), '%Y-%m') FROM {book} WHERE client_id = ?", [$xingchen]);
$label = (int) substr($last, 0, 4) . '年' . (int) substr($last, 5) . '月';
$seeded = (int) $db->queryValue('SELECT id FROM {book} WHERE client_id = ?', [$xingchen]);

// ---- the seeded demo: 刘洋 (北京星辰) sees last month's books, asked to confirm the tax
$site->asFan('oDEMO_client_liuyang');
$home = $site->get($site->app('home'));
glue_check('client home links 我的账目', str_contains($home, '我的账目') && str_contains($home, 'do=books'), GlueSite::phpErrors($home));
$list = $site->get($site->app('books', ['client_id' => $xingchen]));
glue_check('client period list', str_contains($list, $label) && str_contains($list, '请确认税额') && $ok($list),
    GlueSite::phpErrors($list) . GlueSite::message($list) . substr(strip_tags($list), 0, 300));
$detail = $site->get($site->app('books', ['op' => 'detail', 'id' => $seeded]));
glue_check('client detail: lines, note, confirm and dispute forms', str_contains($detail, '586200.00') && str_contains($detail, '应交增值税')
    && str_contains($detail, '请核对应交税额') && str_contains($detail, 'id="confirm-form"') && str_contains($detail, 'id="dispute-form"') && $ok($detail),
    GlueSite::phpErrors($detail) . GlueSite::message($detail));

// ---- 王芳 enters 北京安居's books: amounts in 元, a text line with a stored-XSS payload, a PDF
$site->asFan('oDEMO_staff_wangfang');
$home = $site->get($site->app('home'));
glue_check('staff home links 上传账目', str_contains($home, '上传账目') && str_contains($home, 'do=bookedit'));
$pick = $site->get($site->app('bookedit'));
glue_check('staff picks among their clients', str_contains($pick, '北京星辰科技有限公司') && str_contains($pick, '北京安居物业服务有限公司')
    && !str_contains($pick, '北京远航国际贸易有限公司') && $ok($pick), GlueSite::phpErrors($pick));
$editUrl = $site->app('bookedit', ['client_id' => $anju, 'period' => $last]);
$form = $site->get($editUrl);
glue_check('the edit form shows the configured lines', str_contains($form, 'name="line[revenue]"') && str_contains($form, 'name="line[remark]"') && $ok($form),
    GlueSite::phpErrors($form) . GlueSite::message($form));
$tok = GlueSite::token($form);
$before = [$files(), (int) $db->queryValue('SELECT COUNT(*) FROM {book}')];
// bad amounts and bad files: refused, nothing written
foreach ([
    'an amount with 3 decimals' => [['revenue' => '12.345'], []],
    'an amount in words' => [['revenue' => '一百'], []],
    'a .php file' => [['revenue' => '1'], ['files[]' => ['利润表.php', '<?php echo 1;', 'application/pdf']]],
    'a .pdf.php file' => [['revenue' => '1'], ['files[]' => ['利润表.pdf.php', '<?php echo 1;', 'application/pdf']]],
    'a Word file' => [['revenue' => '1'], ['files[]' => ['说明.docx', 'PK', 'application/msword']]],
    'a ../ name' => [['revenue' => '1'], ['files[]' => ['../../x.pdf', '%PDF-1.4', 'application/pdf']]],
    'an oversize file' => [['revenue' => '1'], ['files[]' => ['big.pdf', str_repeat('x', 10485761), 'application/pdf']]],
] as $what => [$lines, $upload]) {
    $html = $site->post($editUrl, ['line' => $lines, 'note' => 'n', 'token' => GlueSite::token($site->get($editUrl)), 'submit' => 'publish'], $upload);
    $shown = preg_match('/id="form-error"[^>]*>([^<]*)</', $html, $m) ? $m[1] : GlueSite::message($html);
    glue_check("$what refused", $shown !== '' && [$files(), (int) $db->queryValue('SELECT COUNT(*) FROM {book}')] === $before && $ok($html),
        $shown . GlueSite::phpErrors($html));
}
$html = $site->post($editUrl, ['line' => ['revenue' => '1,234.56', 'cost' => '-20', 'vat' => '37.04', 'remark' => "备注$x"],
    'note' => "说明$x", 'require_confirm' => '1', 'token' => GlueSite::token($site->get($editUrl)), 'submit' => 'publish'],
    ['files[]' => ['10月利润表.pdf', "%PDF-1.4\n%%EOF\n", 'application/pdf']]);
$book = $db->queryRow('SELECT id, status, revision, draft_tax_fen, confirm_status, content FROM {book} WHERE client_id = ? AND period = ?',
    [$anju, (int) str_replace('-', '', $last)]);
$content = json_decode($book['content'] ?? '{}', true);
glue_check('saved and published', str_starts_with(GlueSite::message($html), '已发布第 1 版') && $book['status'] === 'published'
    && $book['draft_tax_fen'] === 3704 && $book['confirm_status'] === 'pending' && array_column($content['lines'], 'value', 'key')['revenue'] === 123456
    && array_column($content['lines'], 'value', 'key')['cost'] === -2000, GlueSite::message($html) . json_encode($book, JSON_UNESCAPED_UNICODE));
$file = $content['files'][0] ?? [];
glue_check('the PDF is stored through file_upload', ($file['name'] ?? '') === '10月利润表.pdf' && ($file['type'] ?? '') === 'pdf'
    && is_file($site->dir . '/attachment/' . ($file['url'] ?? 'none')) && $files() === $before[0] + 1, json_encode($file, JSON_UNESCAPED_UNICODE));
$form = $site->get($editUrl);
glue_check('the edit form shows the working copy, escaped', str_contains($form, 'value="1234.56"') && str_contains($form, $escaped) && $clean($form)
    && str_contains($form, '10月利润表.pdf'));
// publishing again without a change: saved, not published
$html = $site->post($editUrl, ['line' => ['revenue' => '1234.56', 'cost' => '-20.00', 'vat' => '37.04', 'remark' => "备注$x"],
    'note' => "说明$x", 'require_confirm' => '1', 'keep' => ['0'], 'token' => GlueSite::token($form), 'submit' => 'publish']);
glue_check('publishing without changes is refused', str_contains($html, '没有新的修改') && (int) $db->queryValue('SELECT revision FROM {book} WHERE id = ?', [$book['id']]) === 1,
    GlueSite::message($html) . (preg_match('/id="form-error"[^>]*>([^<]*)</', $html, $m) ? $m[1] : ''));
// 李强 is not 北京安居's accountant
$site->asFan('oDEMO_staff_liqiang');
$html = $site->get($editUrl);
glue_check('staff who are not the accountant are refused', str_contains(GlueSite::message($html), '无权') && !str_contains($html, 'line[revenue]'),
    GlueSite::message($html));
$site->asFan('oDEMO_staff_wangfang');
$n = (int) $db->queryValue('SELECT version FROM {book} WHERE id = ?', [$book['id']]);
$site->request($editUrl, ['line' => ['revenue' => '9'], 'submit' => 'save']);
glue_check('mobile form without token refused', (int) $db->queryValue('SELECT version FROM {book} WHERE id = ?', [$book['id']]) === $n);

// ---- 周琪 (北京安居) reads it escaped and disputes with a comment; then confirms
$site->asFan('oDEMO_client_zhouqi');
$detail = $site->get($site->app('books', ['op' => 'detail', 'id' => $book['id']]));
glue_check('client detail escaped', str_contains($detail, '1234.56') && str_contains($detail, $escaped) && $clean($detail)
    && str_contains($detail, '10月利润表.pdf') && str_contains($detail, 'attachment/') && $ok($detail), GlueSite::message($detail));
$html = $site->post($site->app('books', ['op' => 'dispute', 'id' => $book['id']]),
    ['revision' => 1, 'comment' => "金额不对$x", 'token' => GlueSite::token($detail), 'submit' => 1]);
glue_check('dispute recorded', str_starts_with(GlueSite::message($html), '已提交异议')
    && $db->queryValue('SELECT confirm_status FROM {book} WHERE id = ?', [$book['id']]) === 'disputed', GlueSite::message($html));
$detail = $site->get($site->app('books', ['op' => 'detail', 'id' => $book['id']]));
glue_check('the comment is shown escaped', str_contains($detail, '金额不对' . $escaped) && $clean($detail));
$html = $site->post($site->app('books', ['op' => 'confirm', 'id' => $book['id']]), ['revision' => 1, 'token' => GlueSite::token($detail), 'submit' => 1]);
glue_check('confirmed', str_starts_with(GlueSite::message($html), '已确认')
    && $db->queryValue('SELECT confirm_status FROM {book} WHERE id = ?', [$book['id']]) === 'confirmed', GlueSite::message($html));
$html = $site->post($site->app('books', ['op' => 'confirm', 'id' => $book['id']]), ['revision' => 1, 'token' => GlueSite::token($site->get($site->app('request'))), 'submit' => 1]);
glue_check('confirming twice is refused', str_contains($html, '已经确认过'), GlueSite::message($html));

// ---- 刘洋 (北京星辰, 北京远航) asks for 北京安居's book by id
$site->asFan('oDEMO_client_liuyang');
$html = $site->get($site->app('books', ['op' => 'detail', 'id' => $book['id']]));
glue_check("another company's book refused", str_contains(GlueSite::message($html), '账目不存在或无权查看') && !str_contains($html, '1234.56'),
    GlueSite::message($html));
$v = (int) $db->queryValue('SELECT version FROM {book} WHERE id = ?', [$book['id']]);
$list = $site->get($site->app('books', ['op' => 'detail', 'id' => $seeded]));
$html = $site->post($site->app('books', ['op' => 'confirm', 'id' => $book['id']]), ['revision' => 1, 'token' => GlueSite::token($list), 'submit' => 1]);
glue_check("confirming another company's book refused", (int) $db->queryValue('SELECT version FROM {book} WHERE id = ?', [$book['id']]) === $v
    && str_contains($html, '账目不存在或无权查看'), GlueSite::message($html));
// the seeded draft of 北京远航 (his other company) is not shown before it is published
$draft = (int) $db->queryValue('SELECT id FROM {book} WHERE client_id = ?', [$yuanhang]);
$html = $site->get($site->app('books', ['op' => 'detail', 'id' => $draft]));
glue_check('a draft is not shown to the client', str_contains(GlueSite::message($html), '账目不存在或无权查看'), GlueSite::message($html));
$html = $site->post($site->app('books', ['op' => 'confirm', 'id' => $seeded]), ['revision' => 1, 'token' => GlueSite::token($site->get($site->app('books', ['op' => 'detail', 'id' => $seeded]))), 'submit' => 1]);
glue_check('刘洋 confirms 北京星辰', str_starts_with(GlueSite::message($html), '已确认'), GlueSite::message($html));

// ---- admin backend
$site->asAdmin();
$html = $site->get($site->web('books'));
glue_check('admin list', str_contains($html, '北京安居物业服务有限公司') && str_contains($html, '北京星辰科技有限公司') && str_contains($html, '北京远航国际贸易有限公司')
    && $ok($html), GlueSite::phpErrors($html) . GlueSite::message($html));
$html = $site->get($site->web('books', ['status' => 'draft']));
glue_check('admin filter: drafts', str_contains($html, '北京远航国际贸易有限公司') && !str_contains($html, '北京安居物业服务有限公司'));
$html = $site->get($site->web('books', ['confirm_status' => 'confirmed', 'keyword' => '安居']));
glue_check('admin filter: confirmed + keyword', str_contains($html, '北京安居物业服务有限公司') && !str_contains($html, '北京星辰科技有限公司'));
$html = $site->get($site->web('books', ['period' => '2026-13']));
glue_check('admin filter: a bad period is explained', str_contains(GlueSite::message($html) . $html, 'YYYY-MM'));
$html = $site->get($site->web('books', ['op' => 'detail', 'id' => $book['id']]));
glue_check('admin detail escaped, with history', str_contains($html, $escaped) && $clean($html) && str_contains($html, 'id="book-revisions"')
    && str_contains($html, '第 1 版') && $ok($html), GlueSite::phpErrors($html));
$html = $site->get($site->web('books', ['op' => 'detail', 'id' => $draft]));
$html = $site->post($site->web('books', ['op' => 'publish', 'id' => $draft]), ['token' => GlueSite::token($html), 'submit' => 1]);
glue_check('admin publishes a draft', $db->queryValue('SELECT status FROM {book} WHERE id = ?', [$draft]) === 'published');
$n = (int) $db->queryValue('SELECT COUNT(*) FROM {book_revision}');
$site->request($site->web('books', ['op' => 'publish', 'id' => $draft]), ['submit' => 1]);
glue_check('backend form without token refused', (int) $db->queryValue('SELECT COUNT(*) FROM {book_revision}') === $n);
// the settings page saves the lines through Books::setLines (validated)
$settingsUrl = 'web/index.php?c=module&a=manage-account&do=setting&m=cloudacct';
$fields = function (string $html): array {
    $f = [];
    preg_match_all('/<input\b[^>]*>/', $html, $tags);
    foreach ($tags[0] as $tag) {
        if (!preg_match('/name="(s_[a-z0-9_]+)"/', $tag, $n)) {
            continue;
        }
        if (str_contains($tag, 'type="checkbox"') && !str_contains($tag, ' checked')) {
            continue;
        }
        $f[$n[1]] = preg_match('/value="([^"]*)"/', $tag, $v) ? html_entity_decode($v[1], ENT_QUOTES) : '';
    }
    preg_match_all('/<textarea[^>]*name="(s_[a-z0-9_]+)"[^>]*>(.*?)<\/textarea>/s', $html, $ta, PREG_SET_ORDER);
    foreach ($ta as $t) {
        $f[$t[1]] = html_entity_decode($t[2], ENT_QUOTES);
    }
    preg_match_all('/<select[^>]*name="(s_[a-z0-9_]+)"[^>]*>(.*?)<\/select>/s', $html, $se, PREG_SET_ORDER);
    foreach ($se as $t) {
        $f[$t[1]] = preg_match('/<option value="([^"]*)" selected/', $t[2], $o) ? html_entity_decode($o[1], ENT_QUOTES) : '';
    }
    return $f;
};
$page = $site->get($settingsUrl);
$f = $fields($page);
glue_check('the settings page shows the lines', isset($f['s_books_lines']) && str_contains($f['s_books_lines'], '应交增值税'), implode(',', array_keys($f)));
$stored = $db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'books_lines'");
$f['s_books_lines'] = json_encode([['key' => 'memo', 'label' => '说明', 'kind' => 'text', 'tax' => true]], JSON_UNESCAPED_UNICODE);
$html = $site->post($settingsUrl, $f + ['token' => GlueSite::token($page), 'submit' => 1]);
glue_check('bad lines refused by the extension', str_contains($html, '只有金额项目可以计入税额')
    && $db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'books_lines'") === $stored, strip_tags((string) strstr($html, 'setting-errors')));
$page = $site->get($settingsUrl);
$f = $fields($page);
$f['s_books_lines'] = json_encode([['key' => 'revenue', 'label' => '营业收入', 'kind' => 'amount'], ['key' => 'vat', 'label' => '增值税', 'kind' => 'amount', 'tax' => true]], JSON_UNESCAPED_UNICODE);
$html = $site->post($settingsUrl, $f + ['token' => GlueSite::token($page), 'submit' => 1]);
glue_check('lines saved, normalised', str_contains(GlueSite::message($html), '设置已保存') && json_decode((string) $db->queryValue("SELECT value FROM {setting} WHERE uniacid = 1 AND name = 'books_lines'"), true)
    === [['key' => 'revenue', 'label' => '营业收入', 'kind' => 'amount', 'tax' => false], ['key' => 'vat', 'label' => '增值税', 'kind' => 'amount', 'tax' => true]],
    GlueSite::message($html) . strip_tags((string) strstr($html, 'setting-errors')));
echo 'outbox: ', $db->queryValue("SELECT GROUP_CONCAT(template ORDER BY id) FROM {outbox} WHERE template LIKE 'book%' OR template = 'tax_confirm'"), "\n";

glue_check('no PHP errors in the server log', !preg_match('/PHP (Fatal|Warning|Notice|Deprecated)/', $site->serverLog()), $site->serverLog());
?>
--EXPECT--
ok client home links 我的账目
ok client period list
ok client detail: lines, note, confirm and dispute forms
ok staff home links 上传账目
ok staff picks among their clients
ok the edit form shows the configured lines
ok an amount with 3 decimals refused
ok an amount in words refused
ok a .php file refused
ok a .pdf.php file refused
ok a Word file refused
ok a ../ name refused
ok an oversize file refused
ok saved and published
ok the PDF is stored through file_upload
ok the edit form shows the working copy, escaped
ok publishing without changes is refused
ok staff who are not the accountant are refused
ok mobile form without token refused
ok client detail escaped
ok dispute recorded
ok the comment is shown escaped
ok confirmed
ok confirming twice is refused
ok another company's book refused
ok confirming another company's book refused
ok a draft is not shown to the client
ok 刘洋 confirms 北京星辰
ok admin list
ok admin filter: drafts
ok admin filter: confirmed + keyword
ok admin filter: a bad period is explained
ok admin detail escaped, with history
ok admin publishes a draft
ok backend form without token refused
ok the settings page shows the lines
ok bad lines refused by the extension
ok lines saved, normalised
outbox: tax_confirm,tax_confirm,books_disputed,books_confirmed,books_confirmed,books_published
ok no PHP errors in the server log
