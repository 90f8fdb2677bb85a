<?php
/**
 * 账目管理 (admin): every company's books by period with status and tax-confirmation filters and
 * paging (Books::list, limited to the admin's stores by the extension); one book with its
 * published revision, the working copy, the revision history and a publish button.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;
require_once __DIR__ . '/../books.php';

$admin = cloudacct_admin();
$books = cloudacct_area('Books\Books');
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$listUrl = $this->createWebUrl('books');
$detailUrl = $this->createWebUrl('books', array('op' => 'detail', 'id' => $id));

if ($op === 'publish' && cloudacct_submitted()) {
    $revision = 0;
    if (cloudacct_attempt(function () use ($books, $admin, $id) {
        return $books->publish($admin, $id);
    }, $error, $revision)) {
        itoast('已发布第 ' . (int) $revision . ' 版', $detailUrl, 'success');
    }
    $op = 'detail';
}

if ($op === 'detail') {
    $book = cloudacct_guard(function () use ($books, $admin, $id) {
        return $books->get($admin, $id);
    }, $listUrl);
    $revisions = cloudacct_guard(function () use ($books, $admin, $id) {
        return $books->revisions($admin, $id);
    }, $listUrl);
    $history = array();
    foreach ($revisions as $r) {
        $history[] = array('revision' => (int) $r['revision'], 'tax' => cloudacct_yuan($r['tax_fen']),
            'confirm' => $r['require_confirm'] ? '需客户确认' : '无需确认', 'at' => cloudacct_date($r['published_at']),
            'by' => cloudacct_label(cloudacct_labels('actor_kind'), $r['published_by_kind']) . ' #' . (int) $r['published_by_id'],
            'lines' => count($r['lines']), 'files' => count($r['files']));
    }
    $view = cloudacct_books_view($book);
    $this->render('book_detail', array('b' => $view, 'history' => $history, 'error' => $error, 'back' => $listUrl,
        'can_publish' => $book['status'] === 'draft' || !empty($book['changed']),
        'publish_url' => $this->createWebUrl('books', array('op' => 'publish', 'id' => $id))));
}

$q = array('keyword' => cloudacct_str('keyword'), 'period' => cloudacct_str('period'), 'status' => cloudacct_str('status'),
    'confirm_status' => cloudacct_str('confirm_status'), 'client_id' => cloudacct_int('client_id'));
$filter = array();
foreach ($q as $k => $v) {
    if ($v !== '' && $v !== 0) {
        $filter[$k] = $v;
    }
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($books, $admin, $filter, $page) {
    return $books->list($admin, $filter, $page, 20);
}, $listUrl);
$rows = array();
foreach ($result['items'] as $r) {
    $rows[] = array('id' => (int) $r['id'], 'client' => $r['client_name'], 'period' => $r['period'],
        'status' => cloudacct_label(cloudacct_books_labels('status'), $r['status'] === 'published' && $r['changed'] ? 'changed' : $r['status']),
        'revision' => (int) $r['revision'], 'tax' => $r['revision'] ? cloudacct_yuan($r['tax_fen']) : '',
        'confirm' => cloudacct_label(cloudacct_books_labels('confirm'), $r['confirm_status']), 'updated' => cloudacct_date($r['updated_at']),
        'url' => $this->createWebUrl('books', array('op' => 'detail', 'id' => $r['id'])));
}
$self = $this;
$this->render('books', array('rows' => $rows, 'q' => $q, 'route' => cloudacct_route_fields('books'),
    'statuses' => cloudacct_books_labels('status'), 'confirms' => cloudacct_books_labels('confirm'),
    'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $filter) {
        return $self->createWebUrl('books', $filter + array('page' => $p));
    })));
