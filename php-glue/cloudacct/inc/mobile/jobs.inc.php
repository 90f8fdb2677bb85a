<?php
/**
 * 办事进度 (client): the current company's jobs; one job's timeline (state changes and the
 * progress the firm shares); answering the accountant's question (text and files); rating a
 * finished job once (好评/中评/差评, the configured dimensions 1–5, a comment), shown after.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

list($client, $current) = $this->requireClient();
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$detailUrl = $this->createMobileUrl('jobs', array('op' => 'detail', 'id' => $id));

if ($op === 'reply' && cloudacct_submitted()) {
    $reply = cloudacct_text('reply');
    $files = cloudacct_upload_attachments('attachments', $error);
    if ($files !== false) {
        if (cloudacct_attempt(function () use ($client, $id, $reply, $files) {
            cloudacct_do_reply($client, $id, $reply, $files);
        }, $error)) {
            message('已回复，会计会继续为您办理。', $detailUrl, 'success');
        }
        foreach ($files as $f) {
            file_delete($f);
        }
    }
    $op = 'detail';
}

if ($op === 'rate' && cloudacct_submitted()) {
    $ratings = cloudacct_area('Quality\Ratings');
    $overall = cloudacct_str('overall');
    $posted = array();
    $scores = array();
    foreach ($ratings->dimensions() as $i => $dim) {
        $posted[$i] = cloudacct_str('score_' . $i);
        if ($posted[$i] !== '') {
            $scores[$dim] = preg_match('/^[1-5]$/', $posted[$i]) ? (int) $posted[$i] : -1;
        }
    }
    $comment = cloudacct_text('comment');
    if (cloudacct_attempt(function () use ($client, $id, $overall, $posted, $comment) {
        return cloudacct_do_rate($client, $id, $overall, $posted, $comment);
    }, $error)) {
        message('感谢您的评价！', $detailUrl, 'success');
    }
    $rateForm = array('overall' => $overall, 'scores' => $scores, 'comment' => $comment);
    $op = 'detail';
}

if ($op === 'detail') {
    $view = cloudacct_guard(function () use ($client, $id) {
        return cloudacct_do_job($client, $id);
    }, $this->createMobileUrl('jobs'));
    $job = $view['job'];
    $events = array();
    foreach ($view['timeline'] as $e) {
        $events[] = array('at' => cloudacct_date($e['at']), 'status' => $e['kind'] === 'status') + $e;
    }
    $job['created'] = cloudacct_date($job['created_at']);
    // 评价: the rating once given, else the form for a done or closed job
    $rating = $view['rating'];
    $rateDims = array();
    if ($rating) {
        $rating['at'] = cloudacct_date($rating['created_at']);
        $rating['score_rows'] = array();
        foreach (is_array($rating['scores']) ? $rating['scores'] : array() as $dim => $score) {
            $rating['score_rows'][] = array('name' => (string) $dim, 'score' => (int) $score, 'stars' => str_repeat('★', (int) $score) . str_repeat('☆', 5 - (int) $score));
        }
    } elseif ($view['can_rate']) {
        $posted = isset($rateForm) ? $rateForm : array('overall' => '', 'scores' => array(), 'comment' => '');
        foreach ($view['dimensions'] as $i => $dim) {
            $rateDims[] = array('field' => 'score_' . $i, 'name' => $dim, 'opts' => array(1, 2, 3, 4, 5), 'value' => isset($posted['scores'][$dim]) ? (int) $posted['scores'][$dim] : 0);
        }
    }
    $this->render('job', array('rating' => $rating, 'rate_dims' => $rateDims,
        'rate_form' => isset($rateForm) ? $rateForm : array('overall' => '', 'comment' => ''),
        'overall_options' => array('good' => '好评', 'neutral' => '中评', 'bad' => '差评'),
        'rate_action' => $this->createMobileUrl('jobs', array('op' => 'rate', 'id' => $id)),
        'complain_url' => $this->createMobileUrl('complaints', array('op' => 'new', 'job_id' => $id)),'title' => $job['title'], 'job' => $job, 'events' => array_reverse($events), 'error' => $error,
        'can_reply' => $view['can_reply'],
        'reply_action' => $this->createMobileUrl('jobs', array('op' => 'reply', 'id' => $id)),
        'order_url' => !empty($job['order_id']) ? $this->createMobileUrl('orders', array('op' => 'detail', 'id' => $job['order_id'])) : '',
        'back' => $this->createMobileUrl('jobs'), 'tabs' => $this->clientTabs('jobs')));
}

$page = cloudacct_page();
$result = cloudacct_guard(function () use ($client, $current, $page) {
    return cloudacct_do_jobs($client, $current, $page);
});
$rows = array();
foreach ($result['items'] as $j) {
    $rows[] = $j + array('created' => cloudacct_date($j['created_at']), 'url' => $this->createMobileUrl('jobs', array('op' => 'detail', 'id' => $j['id'])));
}
$this->render('jobs', array('title' => '办事进度', 'rows' => $rows,
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('jobs', array('page' => $page + 1)) : '',
    'request_url' => $this->createMobileUrl('request'), 'orders_url' => $this->createMobileUrl('orders'),
    'tabs' => $this->clientTabs('jobs')));
