<?php
/**
 * 员工管理: list with filters (store, active, on duty, skill, keyword) and paging; create / edit
 * (photo upload through 微擎's file_upload); on duty / off duty; activate; a one-time WeChat bind
 * code; unbind WeChat.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$staff = cloudacct_area('People\Staff');
$op = cloudacct_str('op', 'list');
$error = null;
$self = $this;

if (in_array($op, array('duty', 'active', 'unbind'), true) && cloudacct_submitted()) {
    $id = cloudacct_int('id');
    $on = cloudacct_str('value') === '1';
    cloudacct_guard(function () use ($staff, $admin, $id, $on, $op) {
        if ($op === 'duty') {
            $staff->setOnDuty($admin, $id, $on);
        } elseif ($op === 'active') {
            $staff->setActive($admin, $id, $on);
        } else {
            $staff->unbindWechat($admin, $id);
        }
    });
    $done = array('duty' => $on ? '已设为在岗' : '已设为休息', 'active' => $on ? '员工已启用' : '员工已停用', 'unbind' => '已解除微信绑定');
    itoast($done[$op], cloudacct_str('back') !== '' && strpos(cloudacct_str('back'), './index.php?') === 0 ? cloudacct_str('back') : $this->createWebUrl('staff'), 'success');
}

if ($op === 'bindcode') {
    $id = cloudacct_int('id');
    $person = cloudacct_guard(function () use ($staff, $admin, $id) {
        return $staff->get($admin, $id);
    });
    $code = '';
    if (cloudacct_submitted()) {
        $hours = max(1, min(720, cloudacct_int('hours', 24)));
        $code = cloudacct_guard(function () use ($staff, $admin, $id, $hours) {
            return $staff->issueBindCode($admin, $id, $hours * 3600);
        });
    }
    $this->render('staff_bindcode', array(
        'person' => $person,
        'code' => $code,
        'bind_url' => murl('entry', array('m' => 'cloudacct', 'do' => 'staffbind'), true, true),
        'back' => $this->createWebUrl('staff'),
    ));
}

if ($op === 'edit') {
    $id = cloudacct_int('id');
    $row = $id ? cloudacct_guard(function () use ($staff, $admin, $id) {
        return $staff->get($admin, $id);
    }) : array('name' => '', 'phone' => '', 'photo' => '', 'wechat' => '', 'title' => '', 'store_id' => 0, 'open_job_cap' => 20,
        'on_duty' => true, 'hired_at' => 0, 'skills' => array());
    if (cloudacct_submitted()) {
        $data = array(
            'name' => cloudacct_str('name'), 'phone' => cloudacct_str('phone'), 'wechat' => cloudacct_str('wechat'),
            'title' => cloudacct_str('title'), 'store_id' => cloudacct_int('store_id'), 'open_job_cap' => cloudacct_int('open_job_cap', 20),
            'skills' => cloudacct_list('skills'),
        );
        if (!$id) {
            $data['on_duty'] = cloudacct_str('on_duty', '0') === '1';
        }
        $hired = cloudacct_str('hired_at');
        $data['hired_at'] = $hired !== '' && ($t = strtotime($hired)) !== false ? $t : 0;
        $photo = cloudacct_upload_image('photo_file', $error);
        if ($photo === false) {
            $row = array_merge($row, $data);
        } else {
            $data['photo'] = $photo !== '' ? $photo : cloudacct_str('photo');
            $row = array_merge($row, $data);
            if (cloudacct_attempt(function () use ($staff, $admin, $id, $data) {
                return $id ? $staff->update($admin, $id, $data) : $staff->create($admin, $data);
            }, $error)) {
                itoast($id ? '员工资料已保存' : '员工已添加', $this->createWebUrl('staff'), 'success');
            }
        }
    }
    $row['skills_text'] = implode('，', isset($row['skills']) ? $row['skills'] : array());
    $row['hired_text'] = !empty($row['hired_at']) ? (is_int($row['hired_at']) ? date('Y-m-d', $row['hired_at']) : $row['hired_at']) : '';
    // a refused photo path is not shown back as an image
    $row['photo_url'] = !empty($row['photo']) && strpos($row['photo'], '..') === false ? tomedia($row['photo']) : '';
    $this->render('staff_edit', array(
        'id' => $id, 'row' => $row, 'error' => $error, 'stores' => cloudacct_store_options($admin),
        'back' => $this->createWebUrl('staff'), 'action' => $this->createWebUrl('staff', array('op' => 'edit', 'id' => $id)),
    ));
}

$filter = array();
$q = array('keyword' => cloudacct_str('keyword'), 'store_id' => cloudacct_str('store_id'), 'active' => cloudacct_str('active'),
    'on_duty' => cloudacct_str('on_duty'), 'skill' => cloudacct_str('skill'));
if ($q['keyword'] !== '') {
    $filter['keyword'] = $q['keyword'];
}
if ((int) $q['store_id'] > 0) {
    $filter['store_id'] = (int) $q['store_id'];
}
foreach (array('active', 'on_duty') as $k) {
    if ($q[$k] === '1' || $q[$k] === '0') {
        $filter[$k] = $q[$k] === '1';
    }
}
if ($q['skill'] !== '') {
    $filter['skill'] = $q['skill'];
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($staff, $admin, $filter, $page) {
    return $staff->list($admin, $filter, $page, 20);
});
$rows = array();
$here = $this->createWebUrl('staff', array_filter($q, 'strlen') + array('page' => $page));
foreach ($result['items'] as $s) {
    $rows[] = $s + array(
        'skills_text' => implode('、', isset($s['skills']) ? $s['skills'] : array()),
        'photo_url' => !empty($s['photo']) ? tomedia($s['photo']) : '',
        'edit_url' => $this->createWebUrl('staff', array('op' => 'edit', 'id' => $s['id'])),
        'bind_url' => $this->createWebUrl('staff', array('op' => 'bindcode', 'id' => $s['id'])),
        'clients_url' => $this->createWebUrl('clients', array('accountant_id' => $s['id'])),
    );
}
$this->render('staff', array(
    'rows' => $rows,
    'q' => $q,
    'stores' => cloudacct_store_options($admin),
    'route' => cloudacct_route_fields('staff'),
    'here' => $here,
    'create_url' => $this->createWebUrl('staff', array('op' => 'edit')),
    'duty_action' => $this->createWebUrl('staff', array('op' => 'duty')),
    'active_action' => $this->createWebUrl('staff', array('op' => 'active')),
    'unbind_action' => $this->createWebUrl('staff', array('op' => 'unbind')),
    'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $q) {
        return $self->createWebUrl('staff', array_filter($q, 'strlen') + array('page' => $p));
    }),
));
