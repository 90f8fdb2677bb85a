<?php
/**
 * 云会计 — helpers of the books pages (client 我的账目, staff 上传账目, admin 账目管理): labels,
 * the view of one book for templates, and the upload of book files through 微擎's file_upload.
 * 微擎 API and the cloudacct extension only; PHP 7.4 compatible.
 */

defined('IN_IA') or exit('Access Denied');

function cloudacct_books_labels($kind)
{
    $all = array(
        'status' => array('draft' => '草稿', 'published' => '已发布', 'changed' => '已修改待发布'),
        'confirm' => array('none' => '无需确认', 'pending' => '待客户确认', 'confirmed' => '已确认', 'disputed' => '有异议'),
        'file' => array('pdf' => 'PDF', 'excel' => 'Excel', 'image' => '图片'),
    );
    return isset($all[$kind]) ? $all[$kind] : array();
}

/** "2026年10月" of "2026-10". */
function cloudacct_books_period_label($period)
{
    return preg_match('/^(\d{4})-(\d{2})$/', (string) $period, $m) ? $m[1] . '年' . (int) $m[2] . '月' : (string) $period;
}

/** The month before the current one (business time), the usual period to keep books for. */
function cloudacct_books_last_period()
{
    $now = CloudAcct\Clock::now() + 8 * 3600;
    return gmdate('Y-m', gmmktime(0, 0, 0, (int) gmdate('n', $now) - 1, 1, (int) gmdate('Y', $now)));
}

/** Lines, files and note of a content (published or draft) as template rows. */
function cloudacct_books_content($c)
{
    $lines = array();
    foreach (isset($c['lines']) ? $c['lines'] : array() as $l) {
        $amount = $l['kind'] === 'amount';
        $lines[] = array('key' => $l['key'], 'label' => $l['label'], 'tax' => !empty($l['tax']), 'amount' => $amount,
            'value' => $amount ? cloudacct_yuan($l['value']) : (string) $l['value']);
    }
    $files = array();
    $labels = cloudacct_books_labels('file');
    foreach (isset($c['files']) ? $c['files'] : array() as $f) {
        $files[] = array('name' => $f['name'], 'url' => tomedia($f['url']), 'type' => cloudacct_label($labels, $f['type']),
            'size' => $f['size'] > 0 ? ($f['size'] >= 1048576 ? round($f['size'] / 1048576, 1) . ' MB' : max(1, (int) round($f['size'] / 1024)) . ' KB') : '',
            'image' => $f['type'] === 'image');
    }
    return array('lines' => $lines, 'files' => $files, 'note' => isset($c['note']) ? (string) $c['note'] : '');
}

/** One book for a template: its published revision and, for staff/admins, the working copy. */
function cloudacct_books_view($book)
{
    $v = cloudacct_books_content($book);
    $v += array(
        'id' => (int) $book['id'], 'client_name' => $book['client_name'], 'period' => $book['period'],
        'period_label' => cloudacct_books_period_label($book['period']), 'revision' => (int) $book['revision'],
        'status' => $book['status'], 'status_label' => cloudacct_label(cloudacct_books_labels('status'),
            $book['status'] === 'published' && !empty($book['changed']) ? 'changed' : $book['status']),
        'tax' => cloudacct_yuan($book['tax_fen']), 'confirm_status' => $book['confirm_status'],
        'confirm_label' => cloudacct_label(cloudacct_books_labels('confirm'), $book['confirm_status']),
        'confirm_comment' => $book['confirm_comment'], 'confirmed_at' => cloudacct_date($book['confirmed_at']),
        'published_at' => cloudacct_date($book['published_at']),
        'can_confirm' => in_array($book['confirm_status'], array('pending', 'disputed'), true),
        'can_dispute' => $book['confirm_status'] === 'pending',
    );
    if (isset($book['draft'])) {
        $v['draft'] = cloudacct_books_content($book['draft']) + array('tax' => cloudacct_yuan($book['draft']['tax_fen']),
            'require_confirm' => !empty($book['draft']['require_confirm']));
        $v['changed'] = !empty($book['changed']);
    }
    return $v;
}

/** What a book file may be: extension => 微擎 upload type (PDF and Excel go through 'audio', whose whitelist has them). */
function cloudacct_books_file_types()
{
    return array('pdf' => 'audio', 'xls' => 'audio', 'xlsx' => 'audio', 'jpg' => 'image', 'jpeg' => 'image', 'png' => 'image', 'gif' => 'image');
}

const CLOUDACCT_BOOKS_FILE_MAX = 10485760;
const CLOUDACCT_BOOKS_FILE_COUNT = 10;

/**
 * Stores the files of $field through 微擎's file_upload after checking all of them first — count,
 * name (no path, no "..", no NUL or control characters), extension (PDF, Excel, images only),
 * size — so a refused file means nothing is written. Returns [['name', 'url', 'size'], …] for
 * Books::save, or false with $error set. The extension checks the references again.
 */
function cloudacct_books_upload($field, &$error)
{
    $files = cloudacct_uploaded_files($field);
    if (count($files) > CLOUDACCT_BOOKS_FILE_COUNT) {
        $error = array('message' => '一次最多上传 ' . CLOUDACCT_BOOKS_FILE_COUNT . ' 个文件。', 'field' => $field);
        return false;
    }
    $types = cloudacct_books_file_types();
    foreach ($files as $file) {
        foreach (array($file['name'], $file['full_path']) as $n) {
            if ($n === '' || strpos($n, '..') !== false || strpbrk($n, "/\\\0") !== false || preg_match('/[\x00-\x1f\x7f]/', $n)) {
                $error = array('message' => '文件上传失败：文件名不合法（不能含路径或“..”）。', 'field' => $field);
                return false;
            }
        }
        if ($file['error'] === UPLOAD_ERR_INI_SIZE || $file['error'] === UPLOAD_ERR_FORM_SIZE || $file['size'] > CLOUDACCT_BOOKS_FILE_MAX) {
            $error = array('message' => '文件上传失败：单个文件不能超过 ' . (CLOUDACCT_BOOKS_FILE_MAX >> 20) . ' MB。', 'field' => $field);
            return false;
        }
        if ($file['error'] !== UPLOAD_ERR_OK) {
            $error = array('message' => '文件上传失败，请重试。', 'field' => $field);
            return false;
        }
        $ext = strtolower(pathinfo($file['name'], PATHINFO_EXTENSION));
        if (!isset($types[$ext])) {
            $error = array('message' => '文件上传失败：账目文件只能是 PDF、Excel（xls/xlsx）或图片（jpg/png/gif）。', 'field' => $field);
            return false;
        }
    }
    $out = array();
    if ($files) {
        load()->func('file');
    }
    foreach ($files as $file) {
        $ext = strtolower(pathinfo($file['name'], PATHINFO_EXTENSION));
        $r = file_upload($file, $types[$ext]);
        if (is_error($r)) {
            cloudacct_books_delete_files($out);
            $error = array('message' => '文件上传失败：' . $r['message'], 'field' => $field);
            return false;
        }
        $name = (string) preg_replace('/^(.{0,100}).*$/us', '$1', $file['name']);
        $out[] = array('name' => $name, 'url' => $r['path'], 'size' => (int) $file['size']);
    }
    return $out;
}

function cloudacct_books_delete_files($files)
{
    if ($files) {
        load()->func('file');
    }
    foreach ($files as $f) {
        file_delete($f['url']);
    }
}
