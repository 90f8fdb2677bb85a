--TEST--
Glue: quality pages — a client rates a done job once (the second attempt is refused with a clear page), files a complaint with an attachment, sees the firm's reply but never the internal note, reopens and closes it; another company's job and complaint are refused; an employee sees their scores and only resolved complaints about them; admin ratings list, scoreboard, follow-up handled with a note, complaints queue and handling, performance report with CSV, dashboard; tokenless backend posts write nothing; stored XSS comes back escaped everywhere
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository'); ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
$site = new GlueSite('quality');
$db = $site->db();
$x = GLUE_XSS;
$escaped = '&quot;&lt;svg/onload=x&gt;';
$clean = fn (string $html) => !str_contains($html, '<svg/onload=x>');
$ok = fn (string $html) => GlueSite::phpErrors($html) === '';
// the dev host's header deletes 微擎's toast cookie after output has started (a warning on the page
// after an itoast redirect); pages checked for PHP errors are fetched without that cookie
$noToast = function () use ($site) {
    $site->cookies = array_filter($site->cookies, fn ($k) => !str_ends_with($k, 'message'), ARRAY_FILTER_USE_KEY);
};
$sessions = [];
$as = function (string $who) use ($site, &$sessions) {
    if (isset($sessions[$who])) {
        $site->cookies = $sessions[$who];
        return;
    }
    $who === 'admin' ? $site->asAdmin() : $site->asFan($who);
    $sessions[$who] = $site->cookies;
};
$png = base64_decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=');
$jobId = fn (string $title) => (int) $db->queryValue('SELECT id FROM {job} WHERE title = ?', [$title]);
$count = fn (string $sql, array $p = []) => (int) $db->queryValue($sql, $p);
$toRate = $jobId('社保账户开户');
$rated = $jobId('上月记账报税');
$xingchen = (int) $db->queryValue("SELECT id FROM {client} WHERE name = '北京星辰科技有限公司'");
$openAboutWang = (int) $db->queryValue("SELECT id FROM {complaint} WHERE status = 'open' AND job_id = ?", [$rated]);
$resolvedAboutWang = (int) $db->queryValue("SELECT id FROM {complaint} WHERE status = 'resolved'");
echo 'seeded: ratings ', $count('SELECT COUNT(*) FROM {rating}'), ', open follow-ups ', $count("SELECT COUNT(*) FROM {rating_followup} WHERE status = 'open'"),
    ', complaints ', implode(' ', array_column($db->query('SELECT status FROM {complaint} ORDER BY id'), 'status')), "\n";

// ---- another company's contact cannot rate or open the job
$as('oDEMO_client_sunli');
$html = $site->get($site->app('jobs', ['op' => 'detail', 'id' => $toRate]));
glue_check("another company's job page refused", GlueSite::message($html) !== '' && !str_contains($html, '社保账户开户'), GlueSite::message($html));
$tok = GlueSite::token($site->get($site->app('request')));
$html = $site->post($site->app('jobs', ['op' => 'rate', 'id' => $toRate]), ['overall' => 'good', 'score_0' => 5, 'score_1' => 5, 'score_2' => 5, 'token' => $tok, 'submit' => 1]);
glue_check("another company's job cannot be rated", $tok !== '' && $count('SELECT COUNT(*) FROM {rating} WHERE job_id = ?', [$toRate]) === 0
    && str_contains(GlueSite::message($html), '不存在'), GlueSite::message($html));
$html = $site->get($site->app('complaints', ['op' => 'detail', 'id' => $openAboutWang]));
glue_check("another company's complaint refused", GlueSite::message($html) !== '' && !str_contains($html, '电话经常打不通'), GlueSite::message($html));

// ---- the client rates the done job once (mobile tokens are single-use: each post takes the last page's)
$as('oDEMO_client_liuyang');
$html = $site->get($site->app('company'));
$site->post($site->app('company'), ['client_id' => $xingchen, 'token' => GlueSite::token($html), 'submit' => 1]);
$html = $site->get($site->app('jobs', ['op' => 'detail', 'id' => $toRate]));
glue_check('job page offers the rating form', str_contains($html, 'id="rate-form"') && str_contains($html, '服务态度') && $ok($html), GlueSite::message($html) . GlueSite::phpErrors($html));
$tok = GlueSite::token($html);
$html = $site->post($site->app('jobs', ['op' => 'rate', 'id' => $toRate]), ['overall' => 'neutral', 'score_0' => 5, 'score_1' => 9, 'score_2' => 4, 'comment' => 'x', 'token' => $tok, 'submit' => 1]);
glue_check('an out-of-range score is refused on the form', str_contains($html, 'id="form-error"') && $count('SELECT COUNT(*) FROM {rating} WHERE job_id = ?', [$toRate]) === 0);
$html = $site->post($site->app('jobs', ['op' => 'rate', 'id' => $toRate]), ['overall' => 'bad', 'score_0' => 2, 'score_1' => 3, 'score_2' => 1, 'comment' => "太慢$x", 'token' => GlueSite::token($html), 'submit' => 1]);
glue_check('rating thanks', GlueSite::message($html) === '感谢您的评价！', GlueSite::message($html) . substr(strip_tags($html), 0, 300));
$html = $site->get($site->app('jobs', ['op' => 'detail', 'id' => $toRate]));
$row = $db->queryRow('SELECT overall, comment, value_x100 FROM {rating} WHERE job_id = ?', [$toRate]);
glue_check('rated', $row !== null && $row['overall'] === 'bad' && $row['comment'] === "太慢$x" && (int) $row['value_x100'] === 200, json_encode($row, JSON_UNESCAPED_UNICODE));
glue_check('the job page shows the rating, escaped, and no form', str_contains($html, 'id="job-rating"') && str_contains($html, "太慢$escaped") && $clean($html) && !str_contains($html, 'id="rate-form"'),
    GlueSite::message($html));
$tok = GlueSite::token($site->get($site->app('request')));
$html = $site->post($site->app('jobs', ['op' => 'rate', 'id' => $toRate]), ['overall' => 'good', 'score_0' => 5, 'score_1' => 5, 'score_2' => 5, 'token' => $tok, 'submit' => 1]);
glue_check('a second rating is refused with a clear message', str_contains($html, '已经评价过') && $count('SELECT COUNT(*) FROM {rating} WHERE job_id = ?', [$toRate]) === 1,
    GlueSite::message($html) . substr(strip_tags($html), 0, 200));
echo 'follow-ups open now: ', $count("SELECT COUNT(*) FROM {rating_followup} WHERE status = 'open'"), "\n";

// ---- the client files a complaint
$files = fn () => (int) trim(shell_exec('find ' . escapeshellarg($site->dir . '/attachment') . ' -type f 2>/dev/null | wc -l'));
$form = $site->get($site->app('complaints', ['op' => 'new', 'job_id' => $toRate]));
glue_check('complaint form lists the company jobs', str_contains($form, '社保账户开户') && str_contains($form, 'name="attachments[]"') && $ok($form));
$before = [$count('SELECT COUNT(*) FROM {complaint}'), $files()];
$html = $site->post($site->app('complaints', ['op' => 'new']), ['description' => '附件不对的投诉', 'token' => GlueSite::token($form), 'submit' => 1],
    ['attachments[]' => ['shell.php', '<?php echo 1;', 'application/x-php']]);
glue_check('a .php attachment is refused, nothing written', str_contains($html, '不允许上传此类文件') && [$count('SELECT COUNT(*) FROM {complaint}'), $files()] === $before);
$other = $jobId('税务登记信息变更'); // a job of 北京安居, not this company's
$html = $site->post($site->app('complaints', ['op' => 'new']), ['description' => '别人家的工单投诉', 'job_id' => $other, 'token' => GlueSite::token($html), 'submit' => 1]);
glue_check("another company's job is refused on the form", str_contains($html, 'id="form-error"') && $count('SELECT COUNT(*) FROM {complaint}') === $before[0]);
$html = $site->post($site->app('complaints', ['op' => 'new']), ['description' => "办理太慢了$x", 'job_id' => $toRate, 'token' => GlueSite::token($html), 'submit' => 1],
    ['attachments[]' => ['截图.png', $png, 'image/png']]);
glue_check('complaint accepted', str_contains(GlueSite::message($html), '投诉已提交'), GlueSite::message($html) . substr(strip_tags($html), 0, 300));
$cid = (int) $db->queryValue('SELECT MAX(id) FROM {complaint}');
$html = $site->get($site->app('complaints', ['op' => 'detail', 'id' => $cid]));
$c = $db->queryRow('SELECT client_id, job_id, staff_id, status, attachments FROM {complaint} WHERE id = ?', [$cid]);
glue_check('complaint filed with its attachment and job', (int) $c['client_id'] === $xingchen && (int) $c['job_id'] === $toRate && $c['status'] === 'open'
    && count(json_decode($c['attachments'], true)) === 1 && $files() === $before[1] + 1, json_encode($c, JSON_UNESCAPED_UNICODE));
glue_check('the complaint page shows it escaped', str_contains($html, "办理太慢了$escaped") && $clean($html) && str_contains($html, '待处理'), GlueSite::message($html));
$html = $site->get($site->app('complaints'));
glue_check('my complaints list', str_contains($html, "办理太慢了$escaped") && str_contains($html, '会计电话经常打不通') && $clean($html) && $ok($html));

// ---- the employee concerned (李强, the job's assignee) does not see it before it is resolved
$as('oDEMO_staff_liqiang');
$html = $site->get($site->app('complaints', ['op' => 'detail', 'id' => $cid]));
glue_check('staff cannot use the client complaint page', GlueSite::message($html) !== '' && !str_contains($html, '办理太慢了'));
$html = $site->get($site->app('myscores', ['op' => 'complaint', 'id' => $cid]));
glue_check('staff: an unresolved complaint about me is refused', GlueSite::message($html) !== '' && !str_contains($html, '办理太慢了'), GlueSite::message($html));
$html = $site->get($site->app('myscores'));
glue_check('staff: my scores page', str_contains($html, 'id="my-summary"') && str_contains($html, "太慢$escaped") && str_contains($html, '本月') && str_contains($html, '上月')
    && !str_contains($html, '办理太慢了') && $clean($html) && $ok($html), GlueSite::phpErrors($html) . GlueSite::message($html));
$as('oDEMO_staff_wangfang');
$html = $site->get($site->app('myscores'));
glue_check('staff: resolved complaints about me listed, open ones not', str_contains($html, '变更后的税务信息有一处填错了') && !str_contains($html, '会计电话经常打不通') && $ok($html));
$html = $site->get($site->app('myscores', ['op' => 'complaint', 'id' => $openAboutWang]));
glue_check('staff: the open complaint about me by id refused', GlueSite::message($html) !== '' && !str_contains($html, '会计电话经常打不通'));
$html = $site->get($site->app('myscores', ['op' => 'complaint', 'id' => $resolvedAboutWang]));
glue_check('staff: the resolved complaint with the reply', str_contains($html, '已更正税务登记信息') && $ok($html), GlueSite::message($html));
$html = $site->get($site->app('home'));
glue_check('staff home links my scores', str_contains($html, 'do=myscores'));

// ---- admin: complaints queue and handling
$as('admin');
$html = $site->get($site->web('complaints'));
glue_check('admin complaints queue', str_contains($html, "办理太慢了$escaped") && $clean($html) && str_contains($html, 'id="complaint-' . $cid . '"') && $ok($html), GlueSite::phpErrors($html));
$html = $site->get($site->web('complaints', ['status' => 'closed']));
glue_check('admin complaints filter by state', str_contains($html, '发票邮寄地址') && !str_contains($html, '办理太慢了'));
// the seeded complaint in processing is made overdue (its deadline in the past); the open ones are not
$processing = (int) $db->queryValue("SELECT id FROM {complaint} WHERE status = 'processing'");
$db->execute('UPDATE {complaint} SET deadline_at = ? WHERE id = ?', [CloudAcct\Clock::now() - 3600, $processing]);
$html = $site->get($site->web('complaints', ['view' => 'overdue']));
glue_check('admin overdue view lists only the overdue complaint', str_contains($html, 'id="complaint-' . $processing . '"') && str_contains($html, '超期')
    && !str_contains($html, 'id="complaint-' . $cid . '"') && !str_contains($html, 'id="complaint-' . $openAboutWang . '"') && $ok($html), GlueSite::phpErrors($html));
$html = $site->get($site->web('complaints', ['staff_id' => 1]));
glue_check('admin complaints filter by employee', str_contains($html, 'id="complaint-' . $openAboutWang . '"') && !str_contains($html, 'id="complaint-' . $processing . '"'));
$detail = $site->get($site->web('complaints', ['op' => 'detail', 'id' => $cid]));
glue_check('admin complaint detail', str_contains($detail, "办理太慢了$escaped") && str_contains($detail, 'id="process-form"') && $clean($detail) && $ok($detail));
// without the token nothing happens
$notes = $count('SELECT COUNT(*) FROM {complaint_note} WHERE complaint_id = ?', [$cid]);
[$st, $body] = $site->request($site->web('complaints', ['op' => 'resolve', 'id' => $cid]), ['text' => '偷偷处理', 'submit' => 1]);
glue_check('tokenless resolve refused, nothing written', str_contains(GlueSite::message($body), '表单校验失败')
    && $db->queryValue('SELECT status FROM {complaint} WHERE id = ?', [$cid]) === 'open' && $count('SELECT COUNT(*) FROM {complaint_note} WHERE complaint_id = ?', [$cid]) === $notes);
$tok = GlueSite::token($detail);
$site->post($site->web('complaints', ['op' => 'process', 'id' => $cid]), ['text' => "内部核查$x", 'token' => $tok, 'submit' => 1]);
$site->post($site->web('complaints', ['op' => 'reply', 'id' => $cid]), ['text' => "正在核实$x", 'token' => $tok, 'submit' => 1]);
$html = $site->post($site->web('complaints', ['op' => 'resolve', 'id' => $cid]), ['text' => "已加急办理并致歉$x", 'token' => $tok, 'submit' => 1]);
glue_check('admin processed and resolved', $db->queryValue('SELECT status FROM {complaint} WHERE id = ?', [$cid]) === 'resolved'
    && str_contains($html, "内部核查$escaped") && str_contains($html, "已加急办理并致歉$escaped") && $clean($html), GlueSite::message($html));
$html = $site->post($site->web('complaints', ['op' => 'resolve', 'id' => $cid]), ['text' => '再来一次', 'token' => $tok, 'submit' => 1]);
glue_check('resolving twice is refused on the page', str_contains($html, 'id="form-error"') && $count("SELECT COUNT(*) FROM {complaint_note} WHERE body = '再来一次'") === 0);

// ---- the client sees the reply, not the internal note; reopens once, then closes
$as('oDEMO_client_liuyang');
$html = $site->get($site->app('complaints', ['op' => 'detail', 'id' => $cid]));
glue_check('client sees the reply, not the internal note', str_contains($html, "已加急办理并致歉$escaped") && str_contains($html, "正在核实$escaped")
    && !str_contains($html, '内部核查') && $clean($html) && str_contains($html, 'id="complaint-reopen"'));
// another company's contact cannot move it
$as('oDEMO_client_sunli');
$tok = GlueSite::token($site->get($site->app('request')));
$other = $site->post($site->app('complaints', ['op' => 'reopen', 'id' => $cid]), ['text' => '替别人重开', 'token' => $tok, 'submit' => 1]);
glue_check("another company's complaint cannot be reopened", $db->queryValue('SELECT status FROM {complaint} WHERE id = ?', [$cid]) === 'resolved'
    && GlueSite::message($other) !== '' && $count("SELECT COUNT(*) FROM {complaint_note} WHERE body = '替别人重开'") === 0, GlueSite::message($other));
$as('oDEMO_client_liuyang');
$html = $site->post($site->app('complaints', ['op' => 'reopen', 'id' => $cid]), ['text' => '还是没办好', 'token' => GlueSite::token($html), 'submit' => 1]);
$html = $site->get($site->app('complaints', ['op' => 'detail', 'id' => $cid]));
glue_check('reopened', $db->queryValue('SELECT status FROM {complaint} WHERE id = ?', [$cid]) === 'open' && !str_contains($html, 'id="complaint-reopen"'), GlueSite::message($html));
$as('admin');
$detail = $site->get($site->web('complaints', ['op' => 'detail', 'id' => $cid]));
$site->post($site->web('complaints', ['op' => 'resolve', 'id' => $cid]), ['text' => '已全部办好', 'token' => GlueSite::token($detail), 'submit' => 1]);
$as('oDEMO_client_liuyang');
$html = $site->get($site->app('complaints', ['op' => 'detail', 'id' => $cid]));
glue_check('no second reopen offered', !str_contains($html, 'id="complaint-reopen"') && str_contains($html, 'id="complaint-close"'));
$site->post($site->app('complaints', ['op' => 'close', 'id' => $cid]), ['text' => '好的', 'token' => GlueSite::token($html), 'submit' => 1]);
glue_check('closed by the client', $db->queryValue('SELECT status FROM {complaint} WHERE id = ?', [$cid]) === 'closed');
$html = $site->get($site->app('home'));
glue_check('client home links my complaints', str_contains($html, 'do=complaints'));

// ---- the employee now sees the resolved-and-closed complaint, without internal notes
$as('oDEMO_staff_liqiang');
$html = $site->get($site->app('myscores', ['op' => 'complaint', 'id' => $cid]));
glue_check('staff sees the closed complaint without the internal note', str_contains($html, "办理太慢了$escaped") && str_contains($html, '已全部办好')
    && !str_contains($html, '内部核查') && $clean($html), GlueSite::message($html));

// ---- admin: ratings list, scoreboard, follow-ups
$as('admin');
$noToast();
$html = $site->get($site->web('ratings'));
glue_check('ratings list', str_contains($html, "太慢$escaped") && str_contains($html, '王会计很专业') && $clean($html) && $ok($html), GlueSite::phpErrors($html));
$html = $site->get($site->web('ratings', ['overall' => 'good']));
glue_check('ratings filter 好评', str_contains($html, '王会计很专业') && !str_contains($html, '太慢'));
$html = $site->get($site->web('ratings', ['since' => 'yesterday']));
glue_check('a bad date is a clear error', str_contains($html, 'YYYY-MM-DD'));
$html = $site->get($site->web('ratings', ['op' => 'scoreboard']));
glue_check('scoreboard', str_contains($html, 'id="board-1"') && str_contains($html, '王芳') && str_contains($html, '李强') && $ok($html), GlueSite::phpErrors($html));
$html = $site->get($site->web('ratings', ['op' => 'followups']));
$fid = (int) $db->queryValue("SELECT id FROM {rating_followup} WHERE job_id = ?", [$toRate]);
glue_check('follow-ups list the bad ratings', str_contains($html, 'id="followup-' . $fid . '"') && str_contains($html, "太慢$escaped") && $clean($html) && $ok($html));
[$st, $body] = $site->request($site->web('ratings', ['op' => 'handle']), ['id' => $fid, 'note' => '偷偷处理', 'submit' => 1]);
glue_check('tokenless follow-up refused', str_contains(GlueSite::message($body), '表单校验失败') && $db->queryValue('SELECT status FROM {rating_followup} WHERE id = ?', [$fid]) === 'open');
$html = $site->post($site->web('ratings', ['op' => 'handle']), ['id' => $fid, 'note' => "已电话回访$x", 'token' => GlueSite::token($html), 'submit' => 1]);
glue_check('follow-up handled with the note', $db->queryValue('SELECT status FROM {rating_followup} WHERE id = ?', [$fid]) === 'handled', GlueSite::message($html));
$html = $site->get($site->web('ratings', ['op' => 'followups', 'status' => 'handled']));
glue_check('handled follow-up shows the note escaped', str_contains($html, "已电话回访$escaped") && $clean($html));

// ---- admin: performance and CSV
$noToast();
$html = $site->get($site->web('performance'));
glue_check('performance report', str_contains($html, 'id="performance-table"') && str_contains($html, 'id="perf-1"') && str_contains($html, 'echarts.min.js') && $ok($html), GlueSite::phpErrors($html));
$html = $site->get($site->web('performance', ['mode' => 'range', 'from' => '2026-01-01', 'to' => '2025-01-01']));
glue_check('a bad range is a clear error', str_contains($html, 'id="form-error"') && $ok($html));
$ctx = stream_context_create(['http' => ['header' => 'Cookie: ' . implode('; ', array_map(fn ($k, $v) => "$k=$v", array_keys($site->cookies), $site->cookies)), 'ignore_errors' => true]]);
$csv = file_get_contents($site->base . $site->web('performance', ['op' => 'csv', 'month' => gmdate('Y-m', CloudAcct\Clock::now() + 8 * 3600)]), false, $ctx);
$headers = implode("\n", $http_response_header);
glue_check('CSV export', str_contains($headers, 'Content-Type: text/csv') && preg_match('/Content-Disposition: attachment; filename="performance-\d{4}-\d{2}\.csv"/', $headers)
    && str_starts_with($csv, "\xEF\xBB\xBF") && str_contains($csv, '王芳'), $headers);

// ---- admin: dashboard
$noToast();
$html = $site->get($site->web('dashboard'));
preg_match('/id="fig-today-jobs">(\d+)</', $html, $m1);
preg_match('/id="fig-followups">(\d+)</', $html, $m2);
glue_check('dashboard renders with the demo data', $ok($html) && GlueSite::message($html) === '' && (int) ($m1[1] ?? 0) === $count('SELECT COUNT(*) FROM {job}')
    && isset($m2[1]) && (int) $m2[1] === $count("SELECT COUNT(*) FROM {rating_followup} WHERE status = 'open'")
    && str_contains($html, 'id="chart-jobs"') && str_contains($html, 'id="fig-arrears">¥') && str_contains($html, '好评率'), GlueSite::phpErrors($html) . ' ' . ($m1[1] ?? '?'));

glue_check('no PHP errors in the server log', !preg_match('/PHP (Fatal|Warning|Notice|Deprecated)/', $site->serverLog()), $site->serverLog());
?>
--EXPECT--
seeded: ratings 3, open follow-ups 1, complaints open processing resolved closed
ok another company's job page refused
ok another company's job cannot be rated
ok another company's complaint refused
ok job page offers the rating form
ok an out-of-range score is refused on the form
ok rating thanks
ok rated
ok the job page shows the rating, escaped, and no form
ok a second rating is refused with a clear message
follow-ups open now: 2
ok complaint form lists the company jobs
ok a .php attachment is refused, nothing written
ok another company's job is refused on the form
ok complaint accepted
ok complaint filed with its attachment and job
ok the complaint page shows it escaped
ok my complaints list
ok staff cannot use the client complaint page
ok staff: an unresolved complaint about me is refused
ok staff: my scores page
ok staff: resolved complaints about me listed, open ones not
ok staff: the open complaint about me by id refused
ok staff: the resolved complaint with the reply
ok staff home links my scores
ok admin complaints queue
ok admin complaints filter by state
ok admin overdue view lists only the overdue complaint
ok admin complaints filter by employee
ok admin complaint detail
ok tokenless resolve refused, nothing written
ok admin processed and resolved
ok resolving twice is refused on the page
ok client sees the reply, not the internal note
ok another company's complaint cannot be reopened
ok reopened
ok no second reopen offered
ok closed by the client
ok client home links my complaints
ok staff sees the closed complaint without the internal note
ok ratings list
ok ratings filter 好评
ok a bad date is a clear error
ok scoreboard
ok follow-ups list the bad ratings
ok tokenless follow-up refused
ok follow-up handled with the note
ok handled follow-up shows the note escaped
ok performance report
ok a bad range is a clear error
ok CSV export
ok dashboard renders with the demo data
ok no PHP errors in the server log
