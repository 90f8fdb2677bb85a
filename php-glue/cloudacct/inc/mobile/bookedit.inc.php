<?php
/**
 * 上传账目 (staff): pick one of my clients and a period, enter the figures (元, parsed into fen by
 * CloudAcct\Money::parse), keep or drop the files already attached, attach new ones (PDF, Excel,
 * images through 微擎's file_upload), then save the draft or save and publish. The extension
 * checks that the employee is the company's exclusive accountant and validates everything again.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;
require_once __DIR__ . '/../books.php';

$staff = $this->requireStaff();
$books = cloudacct_area('Books\Books');
$clientId = cloudacct_int('client_id');
$period = cloudacct_str('period', cloudacct_books_last_period());
$error = null;

$mine = cloudacct_guard(function () use ($staff) {
    return cloudacct_area('People\Clients')->search($staff, array('accountant_id' => $staff->id), 1, 100);
});
$clients = array();
foreach ($mine['items'] as $c) {
    $clients[] = array('id' => (int) $c['id'], 'name' => $c['name'], 'selected' => (int) $c['id'] === $clientId);
}
if (!$clientId) {
    $this->render('bookedit_pick', array('title' => '上传账目', 'clients' => $clients, 'period' => $period,
        'route' => cloudacct_route_fields('bookedit', true), 'tabs' => $this->staffTabs('myclients')));
}

$editUrl = $this->createMobileUrl('bookedit', array('client_id' => $clientId, 'period' => $period));
$lines = cloudacct_guard(function () use ($books, $staff) {
    return $books->lines($staff);
});
$book = cloudacct_guard(function () use ($books, $staff, $clientId, $period) {
    return $books->find($staff, $clientId, $period);
}, $this->createMobileUrl('bookedit'));
$draft = $book ? $book['draft'] : array('lines' => array(), 'files' => array(), 'note' => '', 'require_confirm' => false);

// the form's values: what was posted, else the working copy
$values = array();
foreach ($draft['lines'] as $l) {
    $values[$l['key']] = $l['kind'] === 'amount' ? cloudacct_yuan($l['value']) : (string) $l['value'];
}
$note = $draft['note'];
$requireConfirm = !empty($draft['require_confirm']);
$keep = array_keys($draft['files']);

if (cloudacct_submitted()) {
    $posted = isset($_POST['line']) && is_array($_POST['line']) ? $_POST['line'] : array();
    $note = cloudacct_text('note');
    $requireConfirm = cloudacct_str('require_confirm') === '1';
    $keep = array();
    foreach (isset($_POST['keep']) && is_array($_POST['keep']) ? $_POST['keep'] : array() as $k) {
        if (is_scalar($k) && preg_match('/^\d{1,3}$/', (string) $k) && isset($draft['files'][(int) $k])) {
            $keep[] = (int) $k;
        }
    }
    $data = array('lines' => array(), 'files' => array(), 'note' => $note, 'require_confirm' => $requireConfirm);
    foreach ($lines as $l) {
        $raw = isset($posted[$l['key']]) && is_string($posted[$l['key']]) ? trim(str_replace("\r\n", "\n", $posted[$l['key']])) : '';
        $values[$l['key']] = $raw;
        if ($raw === '') {
            continue;
        }
        if ($l['kind'] !== 'amount') {
            $data['lines'][$l['key']] = $raw;
            continue;
        }
        try {
            $data['lines'][$l['key']] = CloudAcct\Money::parse(str_replace(array(',', '，', '¥', ' '), '', $raw), true);
        } catch (Exception $e) {
            $error = array('message' => '“' . $l['label'] . '”：' . cloudacct_error_text($e), 'field' => 'lines.' . $l['key']);
            break;
        } catch (Error $e) {
            $error = array('message' => '“' . $l['label'] . '”金额格式不正确，如 1234.56。', 'field' => 'lines.' . $l['key']);
            break;
        }
    }
    foreach ($keep as $k) {
        $f = $draft['files'][$k];
        $data['files'][] = array('name' => $f['name'], 'url' => $f['url'], 'size' => (int) $f['size'], 'type' => $f['type']);
    }
    $uploaded = $error === null ? cloudacct_books_upload('files', $error) : false;
    if ($uploaded !== false) {
        $data['files'] = array_merge($data['files'], $uploaded);
        $publish = cloudacct_str('submit') === 'publish';
        $id = 0;
        if (cloudacct_attempt(function () use ($books, $staff, $clientId, $period, $data) {
            return $books->save($staff, $clientId, $period, $data);
        }, $error, $id)) {
            if (!$publish) {
                message('草稿已保存（客户看不到，发布后才可见）。', $editUrl, 'success');
            }
            $revision = 0;
            if (cloudacct_attempt(function () use ($books, $staff, $id) {
                return $books->publish($staff, $id);
            }, $error, $revision)) {
                message('已发布第 ' . (int) $revision . ' 版，已通知客户查看' . ($requireConfirm ? '并确认税额' : '') . '。', $editUrl, 'success');
            }
            $error['message'] = '草稿已保存，但未发布：' . $error['message'];
        } else {
            cloudacct_books_delete_files($uploaded);
        }
    }
}

$company = '';
foreach ($clients as $c) {
    if ($c['id'] === $clientId) {
        $company = $c['name'];
    }
}
$rows = array();
foreach ($lines as $l) {
    $rows[] = array('key' => $l['key'], 'label' => $l['label'], 'amount' => $l['kind'] === 'amount', 'tax' => !empty($l['tax']),
        'value' => isset($values[$l['key']]) ? $values[$l['key']] : '');
}
$files = array();
foreach ($draft['files'] as $i => $f) {
    $files[] = array('index' => $i, 'name' => $f['name'], 'url' => tomedia($f['url']), 'keep' => in_array($i, $keep, true));
}
$this->render('bookedit', array('title' => '上传账目', 'company' => $company, 'period' => $period,
    'period_label' => cloudacct_books_period_label($period), 'rows' => $rows, 'files' => $files, 'note' => $note,
    'require_confirm' => $requireConfirm, 'error' => $error, 'book' => $book ? cloudacct_books_view($book) : null,
    'action' => $editUrl, 'back' => $this->createMobileUrl('bookedit'), 'tabs' => $this->staffTabs('myclients')));
