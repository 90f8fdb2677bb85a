<?php
/**
 * 投诉处理: the complaints queue with filters (state, overdue, escalated, store, employee, client)
 * and paging; one complaint with its whole thread (internal notes included) and the moves the
 * extension allows: take it up (process, with an internal note), reply to the client, internal
 * note, resolve (the reply the client reads), close.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$complaints = cloudacct_area('Quality\Complaints');
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$self = $this;
$detailUrl = $this->createWebUrl('complaints', array('op' => 'detail', 'id' => $id));
$states = cloudacct_complaint_states();

$writes = array('process' => '已开始处理', 'resolve' => '已回复客户，投诉标记为已解决', 'close' => '投诉已关闭', 'reply' => '回复已发送', 'note' => '内部备注已添加');
if (isset($writes[$op]) && cloudacct_submitted()) {
    $text = cloudacct_text('text');
    if (cloudacct_attempt(function () use ($complaints, $admin, $id, $op, $text) {
        switch ($op) {
            case 'process':
                $complaints->process($admin, $id, $text);
                break;
            case 'resolve':
                $complaints->resolve($admin, $id, $text);
                break;
            case 'close':
                $complaints->close($admin, $id, $text);
                break;
            case 'reply':
                $complaints->comment($admin, $id, $text, false);
                break;
            case 'note':
                $complaints->comment($admin, $id, $text, true);
                break;
        }
    }, $error)) {
        itoast($writes[$op], $detailUrl, 'success');
    }
    $op = 'detail';
}

if ($op === 'detail') {
    $c = cloudacct_guard(function () use ($complaints, $admin, $id) {
        return $complaints->get($admin, $id);
    }, $this->createWebUrl('complaints'));
    $can = array_fill_keys($c['actions'], true) + array('process' => false, 'resolve' => false, 'close' => false, 'comment' => false);
    $action = function ($o) use ($self, $id) {
        return $self->createWebUrl('complaints', array('op' => $o, 'id' => $id));
    };
    $this->render('complaint_detail', array('c' => cloudacct_complaint_view($c), 'thread' => cloudacct_complaint_thread($c['thread'], 'admin'),
        'can' => $can, 'error' => $error,
        'urls' => array('process' => $action('process'), 'resolve' => $action('resolve'), 'close' => $action('close'),
            'reply' => $action('reply'), 'note' => $action('note'),
            'client' => $this->createWebUrl('clients', array('op' => 'detail', 'id' => $c['client_id'])),
            'job' => $c['job_id'] ? $this->createWebUrl('jobs', array('op' => 'detail', 'id' => $c['job_id'])) : ''),
        'back' => $this->createWebUrl('complaints')));
}

$q = array('status' => cloudacct_str('status'), 'view' => cloudacct_str('view'), 'store_id' => cloudacct_int('store_id'),
    'staff_id' => cloudacct_int('staff_id'), 'client_id' => cloudacct_int('client_id'));
$filter = array();
if (isset($states[$q['status']])) {
    $filter['status'] = $q['status'];
}
foreach (array('store_id', 'staff_id', 'client_id') as $k) {
    if ($q[$k] > 0) {
        $filter[$k] = $q[$k];
    }
}
if ($q['view'] === 'escalated') {
    $filter['escalated'] = true;
}
$page = cloudacct_page();
$perPage = 20;
$overdueOnly = $q['view'] === 'overdue';
$rows = array();
if ($overdueOnly) {
    // 已超期: open or processing past the deadline (the list has no deadline filter; the open
    // and processing complaints are read page by page and those past their deadline kept)
    $now = CloudAcct\Clock::now();
    $all = array();
    foreach (isset($filter['status']) ? array($filter['status']) : array('open', 'processing') as $st) {
        if (!in_array($st, array('open', 'processing'), true)) {
            continue;
        }
        for ($p = 1; $p <= 50; $p++) {
            $r = cloudacct_guard(function () use ($complaints, $admin, $filter, $st, $p) {
                return $complaints->list($admin, array('status' => $st) + $filter, $p, 200);
            });
            foreach ($r['items'] as $c) {
                if ($c['deadline_at'] > 0 && $c['deadline_at'] < $now) {
                    $all[] = $c;
                }
            }
            if ($p * 200 >= $r['total']) {
                break;
            }
        }
    }
    usort($all, function ($a, $b) {
        return $a['deadline_at'] - $b['deadline_at'];
    });
    $result = array('total' => count($all), 'items' => array_slice($all, ($page - 1) * $perPage, $perPage));
} else {
    $result = cloudacct_guard(function () use ($complaints, $admin, $filter, $page, $perPage) {
        return $complaints->list($admin, $filter, $page, $perPage);
    });
}
foreach ($result['items'] as $c) {
    $rows[] = cloudacct_complaint_view($c) + array('url' => $this->createWebUrl('complaints', array('op' => 'detail', 'id' => $c['id'])));
}
$qs = array_filter($q, function ($v) {
    return $v !== '' && $v !== 0;
});
$tabs = array();
foreach (array('' => '全部投诉', 'overdue' => '已超期', 'escalated' => '已升级') as $k => $label) {
    $tabs[] = array('label' => $label, 'url' => $this->createWebUrl('complaints', $k === '' ? array() : array('view' => $k)), 'on' => $q['view'] === $k);
}
$this->render('complaints', array('rows' => $rows, 'q' => $q, 'states' => $states, 'tabs' => $tabs,
    'stores' => cloudacct_store_options($admin), 'staff' => cloudacct_staff_options($admin), 'route' => cloudacct_route_fields('complaints'),
    'pager' => cloudacct_pager($result['total'], $page, $perPage, function ($p) use ($self, $qs) {
        return $self->createWebUrl('complaints', $qs + array('page' => $p));
    })));
