<?php
/**
 * 工单管理: every job with filters (state, client, assignee, silent, SLA breached) and paging;
 * the escalated queue (waiting for an admin) and silent jobs as tabs; one job with its history,
 * all progress and the client's timeline; assign / reassign (a form with the token), put back
 * into the pool, cancel, close.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$jobs = cloudacct_area('Work\Jobs');
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$self = $this;
$detailUrl = $this->createWebUrl('jobs', array('op' => 'detail', 'id' => $id));
$staffOptions = cloudacct_staff_options($admin);
$staffNames = array();
foreach ($staffOptions as $s) {
    $staffNames[(int) $s['id']] = $s['name'];
}
$states = array('open' => '待抢单', 'assigned' => '已分配', 'in_progress' => '办理中', 'waiting_client' => '待客户补充',
    'done' => '已完成', 'closed' => '已关闭', 'escalated' => '已升级(待指派)', 'cancelled' => '已取消');

$writes = array('assign' => '已指派', 'release' => '已退回抢单池', 'cancel' => '工单已取消', 'close' => '工单已关闭', 'progress' => '已添加进度');
if (isset($writes[$op]) && cloudacct_submitted()) {
    $staffId = cloudacct_int('staff_id');
    $note = cloudacct_text('note');
    if ($op === 'assign' && $staffId <= 0) {
        $error = array('message' => '请选择要指派的员工。', 'field' => 'staff_id');
    } elseif (cloudacct_attempt(function () use ($jobs, $admin, $id, $op, $staffId, $note) {
        switch ($op) {
            case 'assign':
                $jobs->assign($admin, $id, $staffId, $note);
                break;
            case 'release':
                $jobs->release($admin, $id, $note);
                break;
            case 'cancel':
                $jobs->cancel($admin, $id, $note);
                break;
            case 'close':
                $jobs->close($admin, $id, $note);
                break;
            case 'progress':
                $jobs->addProgress($admin, $id, $note, cloudacct_str('internal') === '1');
                break;
        }
    }, $error)) {
        itoast($writes[$op], $detailUrl, 'success');
    }
    $op = 'detail';
}

if ($op === 'detail') {
    $job = cloudacct_guard(function () use ($jobs, $admin, $id) {
        return $jobs->get($admin, $id);
    }, $this->createWebUrl('jobs'));
    $history = cloudacct_guard(function () use ($jobs, $admin, $id) {
        return $jobs->history($admin, $id);
    });
    $progress = cloudacct_guard(function () use ($jobs, $admin, $id) {
        return $jobs->progress($admin, $id);
    });
    $kinds = cloudacct_labels('actor_kind');
    foreach ($history as $k => $h) {
        $history[$k]['at'] = cloudacct_date($h['created_at']);
        $history[$k]['actor'] = cloudacct_label($kinds, $h['actor_kind']) . ($h['actor_kind'] === 'staff' && isset($staffNames[$h['actor_id']]) ? ' ' . $staffNames[$h['actor_id']] : '');
        $history[$k]['from'] = $h['from_status'] !== '' ? cloudacct_label($states, $h['from_status']) : '';
        $history[$k]['to'] = cloudacct_label($states, $h['to_status']);
        $history[$k]['assignee'] = $h['assignee_from'] !== $h['assignee_to']
            ? (isset($staffNames[$h['assignee_from']]) ? $staffNames[$h['assignee_from']] : '—') . ' → ' . (isset($staffNames[$h['assignee_to']]) ? $staffNames[$h['assignee_to']] : '—') : '';
    }
    foreach ($progress as $k => $p) {
        $progress[$k]['at'] = cloudacct_date($p['created_at']);
        $progress[$k]['author'] = cloudacct_label($kinds, $p['author_kind']) . ($p['author_kind'] === 'staff' && isset($staffNames[$p['author_id']]) ? ' ' . $staffNames[$p['author_id']] : '');
        $progress[$k]['internal'] = $p['visibility'] !== 'client';
        $progress[$k]['files'] = cloudacct_attachment_links($p['attachments']);
    }
    $names = cloudacct_client_names($admin, array($job['client_id']));
    $job['client_name'] = $names[(int) $job['client_id']];
    $job['files'] = cloudacct_attachment_links($job['attachments']);
    foreach (array('created_at', 'due_at', 'assigned_at', 'state_at', 'grab_deadline') as $k) {
        $job[$k . '_text'] = cloudacct_date($job[$k]);
    }
    $actions = array_flip(isset($job['actions']) ? $job['actions'] : array());
    $action = function ($o) use ($self, $id) {
        return $self->createWebUrl('jobs', array('op' => $o, 'id' => $id));
    };
    $this->render('job_detail', array('job' => $job, 'history' => $history, 'progress' => $progress, 'staff' => $staffOptions, 'error' => $error,
        'can' => array('assign' => isset($actions['assign']) || in_array($job['status'], array('open', 'escalated', 'assigned', 'in_progress', 'waiting_client'), true),
            'release' => isset($actions['release']), 'cancel' => isset($actions['cancel']), 'close' => isset($actions['close'])),
        'urls' => array('assign' => $action('assign'), 'release' => $action('release'), 'cancel' => $action('cancel'), 'close' => $action('close'),
            'progress' => $action('progress'), 'client' => $this->createWebUrl('clients', array('op' => 'detail', 'id' => $job['client_id'])),
            'order' => !empty($job['order_id']) ? $this->createWebUrl('orders', array('op' => 'detail', 'id' => $job['order_id'])) : ''),
        'back' => $this->createWebUrl('jobs')));
}

$views = array('all' => '全部工单', 'escalated' => '待指派（已升级）', 'silent' => '久未更新', 'breached' => '已超时');
$q = array('view' => cloudacct_str('view', 'all'), 'status' => cloudacct_str('status'), 'client_id' => cloudacct_int('client_id'),
    'assignee_id' => cloudacct_int('assignee_id'));
if (!isset($views[$q['view']])) {
    $q['view'] = 'all';
}
$filter = array();
if (isset($states[$q['status']])) {
    $filter['status'] = $q['status'];
}
if ($q['client_id'] > 0) {
    $filter['client_id'] = $q['client_id'];
}
if ($q['assignee_id'] > 0) {
    $filter['assignee_id'] = $q['assignee_id'];
}
if ($q['view'] === 'silent') {
    $filter['silent'] = true;
}
if ($q['view'] === 'breached') {
    $filter['breached'] = true;
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($jobs, $admin, $q, $filter, $page) {
    return $jobs->list($admin, $q['view'] === 'escalated' ? 'escalated' : 'all', $filter, $page, 20);
});
$rows = array();
foreach ($result['items'] as $j) {
    $rows[] = $j + array('assignee' => isset($staffNames[(int) $j['assignee_id']]) ? $staffNames[(int) $j['assignee_id']] : '',
        'created' => cloudacct_date($j['created_at']), 'due' => cloudacct_date($j['due_at']),
        'url' => $this->createWebUrl('jobs', array('op' => 'detail', 'id' => $j['id'])));
}
$qs = array_filter($q, function ($v) {
    return $v !== '' && $v !== 0;
});
$tabs = array();
foreach ($views as $k => $label) {
    $tabs[] = array('label' => $label, 'url' => $this->createWebUrl('jobs', array('view' => $k)), 'on' => $q['view'] === $k);
}
$this->render('jobs', array('rows' => $rows, 'q' => $q, 'states' => $states, 'staff' => $staffOptions, 'tabs' => $tabs,
    'route' => cloudacct_route_fields('jobs'),
    'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $qs) {
        return $self->createWebUrl('jobs', $qs + array('page' => $p));
    }, !empty($result['total_capped']))));
