<?php
/**
 * 我的账目 (client): the current company's published books by period → one period's figures,
 * files and note; when the accountant asks for it, confirm the tax amount or dispute it with a
 * comment. The extension decides what this contact may read (its companies' published books).
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;
require_once __DIR__ . '/../books.php';

list($client, $current, $companies) = $this->requireClient();
// another of the contact's companies may be chosen here (the extension checks it again)
$want = cloudacct_int('client_id');
$switch = array();
foreach ($companies as $c) {
    if ((int) $c['client_id'] === $want) {
        $current = $want;
    }
}
foreach ($companies as $c) {
    $switch[] = array('name' => $c['name'], 'on' => (int) $c['client_id'] === $current,
        'url' => $this->createMobileUrl('books', array('client_id' => $c['client_id'])));
}
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$listUrl = $this->createMobileUrl('books');
$detailUrl = $this->createMobileUrl('books', array('op' => 'detail', 'id' => $id));
$error = null;

if (($op === 'confirm' || $op === 'dispute') && cloudacct_submitted()) {
    $revision = cloudacct_int('revision');
    $comment = cloudacct_text('comment');
    if (cloudacct_attempt(function () use ($client, $op, $id, $revision, $comment) {
        cloudacct_do_book_confirm($client, $id, $revision, $op === 'confirm', $comment);
    }, $error)) {
        message($op === 'confirm' ? '已确认本期税额，会计将为您办理申报。' : '已提交异议，会计会尽快核对并更正。', $detailUrl, 'success');
    }
    $op = 'detail';
}

if ($op === 'detail') {
    $book = cloudacct_guard(function () use ($client, $id) {
        return cloudacct_do_book($client, $id);
    }, $listUrl);
    $this->render('book', array('title' => '账目详情', 'book' => cloudacct_books_view($book), 'error' => $error,
        'comment' => $op === 'detail' && $error ? cloudacct_text('comment') : '',
        'confirm_action' => $this->createMobileUrl('books', array('op' => 'confirm', 'id' => $id)),
        'dispute_action' => $this->createMobileUrl('books', array('op' => 'dispute', 'id' => $id)),
        'back' => $listUrl, 'tabs' => $this->clientTabs('home')));
}

$company = cloudacct_guard(function () use ($client, $current) {
    return cloudacct_area('People\Clients')->get($client, $current);
});
$periods = cloudacct_guard(function () use ($client, $current) {
    return cloudacct_do_book_periods($client, $current);
});
$rows = array();
foreach ($periods as $p) {
    $rows[] = array('url' => $this->createMobileUrl('books', array('op' => 'detail', 'id' => $p['id'])),
        'period' => cloudacct_books_period_label($p['period']), 'tax' => cloudacct_yuan($p['tax_fen']),
        'confirm' => $p['confirm_status'], 'confirm_label' => cloudacct_label(cloudacct_books_labels('confirm'), $p['confirm_status']),
        'published' => cloudacct_date($p['published_at'], 'Y-m-d'), 'id' => (int) $p['id']);
}
$this->render('books', array('title' => '我的账目', 'company' => $company['name'], 'rows' => $rows,
    'switch' => count($switch) > 1 ? $switch : array(), 'tabs' => $this->clientTabs('home')));
