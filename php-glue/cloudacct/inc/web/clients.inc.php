<?php
/**
 * 客户管理: search with filters and paging; create / edit (统一社会信用代码 checked by the core);
 * a company's page with its contacts, invite codes, the exclusive accountant (change with a
 * reason) and the handover history.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$clients = cloudacct_area('People\Clients');
$contacts = cloudacct_area('People\Contacts');
$op = cloudacct_str('op', 'list');
$error = null;
$self = $this;
$statusLabels = cloudacct_labels('client_status');
$taxLabels = cloudacct_labels('taxpayer_type');
$roleLabels = cloudacct_labels('contact_role');

if ($op === 'edit') {
    $id = cloudacct_int('id');
    $row = $id ? cloudacct_guard(function () use ($clients, $admin, $id) {
        return $clients->get($admin, $id);
    }) : array('name' => '', 'credit_code' => '', 'taxpayer_type' => 'small', 'industry' => '', 'address' => '', 'store_id' => 0,
        'accountant_id' => 0, 'tags' => array(), 'status' => 'active', 'notes' => '');
    if (cloudacct_submitted()) {
        $data = array(
            'name' => cloudacct_str('name'), 'credit_code' => cloudacct_str('credit_code'), 'taxpayer_type' => cloudacct_str('taxpayer_type'),
            'industry' => cloudacct_str('industry'), 'address' => cloudacct_str('address'), 'store_id' => cloudacct_int('store_id'),
            'tags' => cloudacct_list('tags'), 'status' => cloudacct_str('status', 'active'),
            'notes' => isset($_POST['notes']) && is_string($_POST['notes']) ? str_replace("\r\n", "\n", trim($_POST['notes'])) : '',
        );
        if (!$id && cloudacct_int('accountant_id') > 0) {
            $data['accountant_id'] = cloudacct_int('accountant_id');
        }
        $row = array_merge($row, $data);
        $newId = 0;
        if (cloudacct_attempt(function () use ($clients, $admin, $id, $data) {
            if ($id) {
                $clients->update($admin, $id, $data);
                return $id;
            }
            return $clients->create($admin, $data);
        }, $error, $newId)) {
            itoast($id ? '客户资料已保存' : '客户已添加', $this->createWebUrl('clients', array('op' => 'detail', 'id' => $newId)), 'success');
        }
    }
    $row['tags_text'] = implode('，', isset($row['tags']) ? $row['tags'] : array());
    $this->render('client_edit', array(
        'id' => $id, 'row' => $row, 'error' => $error,
        'stores' => cloudacct_store_options($admin), 'staff' => $id ? array() : cloudacct_staff_options($admin),
        'statuses' => $statusLabels, 'taxpayers' => $taxLabels,
        'back' => $id ? $this->createWebUrl('clients', array('op' => 'detail', 'id' => $id)) : $this->createWebUrl('clients'),
        'action' => $this->createWebUrl('clients', array('op' => 'edit', 'id' => $id)),
    ));
}

if ($op === 'detail' || $op === 'invite' || $op === 'assign' || $op === 'unbind') {
    $id = cloudacct_int('id');
    $company = cloudacct_guard(function () use ($clients, $admin, $id) {
        return $clients->get($admin, $id);
    }, $this->createWebUrl('clients'));
    $detailUrl = $this->createWebUrl('clients', array('op' => 'detail', 'id' => $id));
    $invite = '';
    $inviteRole = '';
    if ($op === 'invite' && cloudacct_submitted()) {
        $inviteRole = cloudacct_str('role', 'owner');
        $days = max(1, min(30, cloudacct_int('days', 7)));
        cloudacct_attempt(function () use ($contacts, $admin, $id, $inviteRole, $days) {
            return $contacts->issueInvite($admin, $id, $inviteRole, $days * 86400);
        }, $error, $invite);
    }
    if ($op === 'assign' && cloudacct_submitted()) {
        $to = cloudacct_int('staff_id');
        $reason = cloudacct_str('reason');
        if (cloudacct_attempt(function () use ($clients, $admin, $id, $to, $reason) {
            $clients->assignAccountant($admin, $id, $to, $reason);
        }, $error)) {
            itoast($to ? '专属会计已更换' : '已取消专属会计', $detailUrl, 'success');
        }
    }
    if ($op === 'unbind' && cloudacct_submitted()) {
        $contactId = cloudacct_int('contact_id');
        cloudacct_guard(function () use ($contacts, $admin, $id, $contactId) {
            $contacts->unbind($admin, $id, $contactId);
        });
        itoast('已移除该联系人', $detailUrl, 'success');
    }
    $people = cloudacct_guard(function () use ($contacts, $admin, $id) {
        return $contacts->listForClient($admin, $id);
    });
    foreach ($people as &$p) {
        $p['role_label'] = isset($roleLabels[$p['role']]) ? $roleLabels[$p['role']] : $p['role'];
        $p['bound'] = cloudacct_date($p['bound_at']);
    }
    unset($p);
    $hpage = cloudacct_page();
    $handovers = cloudacct_guard(function () use ($clients, $admin, $id, $hpage) {
        return $clients->handovers($admin, array('client_id' => $id), $hpage, 10);
    });
    $history = array();
    foreach ($handovers['items'] as $h) {
        $history[] = array(
            'time' => cloudacct_date($h['created_at']),
            'from' => !empty($h['from_name']) ? $h['from_name'] : (!empty($h['from_staff_id']) ? '#' . $h['from_staff_id'] : '（无）'),
            'to' => !empty($h['to_name']) ? $h['to_name'] : (!empty($h['to_staff_id']) ? '#' . $h['to_staff_id'] : '（无）'),
            'reason' => isset($h['reason']) ? $h['reason'] : '',
            'by' => isset($h['actor_id']) ? '#' . $h['actor_id'] : '',
        );
    }
    $card = cloudacct_guard(function () use ($clients, $admin, $id) {
        return $clients->accountantCard($admin, $id);
    });
    $company['status_label'] = isset($statusLabels[$company['status']]) ? $statusLabels[$company['status']] : $company['status'];
    $company['taxpayer_label'] = isset($taxLabels[$company['taxpayer_type']]) ? $taxLabels[$company['taxpayer_type']] : $company['taxpayer_type'];
    $company['tags_text'] = implode('、', isset($company['tags']) ? $company['tags'] : array());
    $company['created'] = cloudacct_date($company['created_at']);
    $this->render('client_detail', array(
        'c' => $company, 'contacts' => $people, 'history' => $history, 'card' => $card,
        'staff' => cloudacct_staff_options($admin), 'roles' => $roleLabels,
        'invite' => $invite, 'invite_role' => isset($roleLabels[$inviteRole]) ? $roleLabels[$inviteRole] : '',
        'bind_url' => murl('entry', array('m' => 'cloudacct', 'do' => 'bind'), true, true),
        'error' => $error,
        'edit_url' => $this->createWebUrl('clients', array('op' => 'edit', 'id' => $id)),
        'invite_action' => $this->createWebUrl('clients', array('op' => 'invite', 'id' => $id)),
        'assign_action' => $this->createWebUrl('clients', array('op' => 'assign', 'id' => $id)),
        'unbind_action' => $this->createWebUrl('clients', array('op' => 'unbind', 'id' => $id)),
        'back' => $this->createWebUrl('clients'),
        'pager' => cloudacct_pager($handovers['total'], $hpage, 10, function ($p) use ($self, $id) {
            return $self->createWebUrl('clients', array('op' => 'detail', 'id' => $id, 'page' => $p));
        }),
    ));
}

$q = array('keyword' => cloudacct_str('keyword'), 'store_id' => cloudacct_str('store_id'), 'accountant_id' => cloudacct_str('accountant_id'),
    'status' => cloudacct_str('status'), 'taxpayer_type' => cloudacct_str('taxpayer_type'), 'tag' => cloudacct_str('tag'));
$filter = array();
if ($q['keyword'] !== '') {
    $filter['keyword'] = $q['keyword'];
}
if ((int) $q['store_id'] > 0) {
    $filter['store_id'] = (int) $q['store_id'];
}
if ($q['accountant_id'] !== '' && preg_match('/^\d+$/', $q['accountant_id'])) {
    $filter['accountant_id'] = (int) $q['accountant_id'];
}
if (isset($statusLabels[$q['status']])) {
    $filter['status'] = $q['status'];
}
if (isset($taxLabels[$q['taxpayer_type']])) {
    $filter['taxpayer_type'] = $q['taxpayer_type'];
}
if ($q['tag'] !== '') {
    $filter['tag'] = $q['tag'];
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($clients, $admin, $filter, $page) {
    return $clients->search($admin, $filter, $page, 20);
});
$rows = array();
foreach ($result['items'] as $c) {
    $rows[] = $c + array(
        'status_label' => isset($statusLabels[$c['status']]) ? $statusLabels[$c['status']] : $c['status'],
        'taxpayer_label' => isset($taxLabels[$c['taxpayer_type']]) ? $taxLabels[$c['taxpayer_type']] : $c['taxpayer_type'],
        'tags_text' => implode('、', isset($c['tags']) ? $c['tags'] : array()),
        'detail_url' => $this->createWebUrl('clients', array('op' => 'detail', 'id' => $c['id'])),
        'edit_url' => $this->createWebUrl('clients', array('op' => 'edit', 'id' => $c['id'])),
    );
}
$this->render('clients', array(
    'rows' => $rows, 'q' => $q, 'statuses' => $statusLabels, 'taxpayers' => $taxLabels,
    'stores' => cloudacct_store_options($admin), 'staff' => cloudacct_staff_options($admin),
    'route' => cloudacct_route_fields('clients'),
    'create_url' => $this->createWebUrl('clients', array('op' => 'edit')),
    'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $q) {
        return $self->createWebUrl('clients', array_filter($q, 'strlen') + array('page' => $p));
    }, !empty($result['total_capped'])),
));
