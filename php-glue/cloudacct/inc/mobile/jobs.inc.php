<?php
/**
 * 办事进度 (client): the current company's jobs; one job's timeline (state changes and the
 * progress the firm shares); answering the accountant's question (text and files); rating a
 * finished job once (好评/中评/差评, the configured dimensions 1–5, a comment), shown after.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

list($client, $current) = $this->requireClient();
$jobs = cloudacct_area('Work\Jobs');
$op = cloudacct_str('op', 'list');
$id = cloudacct_int('id');
$error = null;
$detailUrl = $this->createMobileUrl('jobs', array('op' => 'detail', 'id' => $id));

if ($op === 'reply' && cloudacct_submitted()) {
    $reply = cloudacct_text('reply');
    $files = cloudacct_upload_attachments('attachments', $error);
    if ($files !== false) {
        if (cloudacct_attempt(function () use ($jobs, $client, $id, $reply, $files) {
            $jobs->clientReplied($client, $id, $reply, $files);
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
    $scores = array();
    foreach ($ratings->dimensions() as $i => $dim) {
        $v = cloudacct_str('score_' . $i);
        if ($v !== '') {
            $scores[$dim] = preg_match('/^[1-5]$/', $v) ? (int) $v : -1;
        }
    }
    $comment = cloudacct_text('comment');
    if (cloudacct_attempt(function () use ($ratings, $client, $id, $overall, $scores, $comment) {
        return $ratings->rate($client, $id, $overall, $scores, $comment);
    }, $error)) {
        message('感谢您的评价！', $detailUrl, 'success');
    }
    $rateForm = array('overall' => $overall, 'scores' => $scores, 'comment' => $comment);
    $op = 'detail';
}

if ($op === 'detail') {
    $job = cloudacct_guard(function () use ($jobs, $client, $id) {
        return $jobs->get($client, $id);
    }, $this->createMobileUrl('jobs'));
    $timeline = cloudacct_guard(function () use ($jobs, $client, $id) {
        return $jobs->timeline($client, $id);
    });
    $events = array();
    foreach ($timeline as $e) {
        $events[] = array(
            'at' => cloudacct_date($e['at']),
            'status' => $e['kind'] === 'status',
            'label' => $e['kind'] === 'status' ? $e['label'] : '',
            'event_label' => isset($e['event_label']) ? $e['event_label'] : '',
            'text' => isset($e['text']) ? $e['text'] : '',
            'files' => cloudacct_attachment_links(isset($e['attachments']) ? $e['attachments'] : array()),
        );
    }
    $job['files'] = cloudacct_attachment_links($job['attachments']);
    $job['created'] = cloudacct_date($job['created_at']);
    // 评价: the rating once given, else the form for a done or closed job
    $ratings = cloudacct_area('Quality\Ratings');
    $rating = cloudacct_guard(function () use ($ratings, $client, $id) {
        return $ratings->forJob($client, $id);
    });
    $rateDims = array();
    if ($rating) {
        $rating['at'] = cloudacct_date($rating['created_at']);
        $rating['score_rows'] = array();
        foreach (is_array($rating['scores']) ? $rating['scores'] : array() as $dim => $score) {
            $rating['score_rows'][] = array('name' => (string) $dim, 'score' => (int) $score, 'stars' => str_repeat('★', (int) $score) . str_repeat('☆', 5 - (int) $score));
        }
    } elseif (in_array($job['status'], array('done', 'closed'), true)) {
        $posted = isset($rateForm) ? $rateForm : array('overall' => '', 'scores' => array(), 'comment' => '');
        foreach ($ratings->dimensions() as $i => $dim) {
            $rateDims[] = array('field' => 'score_' . $i, 'name' => $dim, 'opts' => array(1, 2, 3, 4, 5), 'value' => isset($posted['scores'][$dim]) ? (int) $posted['scores'][$dim] : 0);
        }
    }
    $this->render('job', array('rating' => $rating, 'rate_dims' => $rateDims,
        'rate_form' => isset($rateForm) ? $rateForm : array('overall' => '', 'comment' => ''),
        'overall_options' => array('good' => '好评', 'neutral' => '中评', 'bad' => '差评'),
        'rate_action' => $this->createMobileUrl('jobs', array('op' => 'rate', 'id' => $id)),
        'complain_url' => $this->createMobileUrl('complaints', array('op' => 'new', 'job_id' => $id)),'title' => $job['title'], 'job' => $job, 'events' => array_reverse($events), 'error' => $error,
        'can_reply' => in_array('client_replied', isset($job['actions']) ? $job['actions'] : array(), true),
        'reply_action' => $this->createMobileUrl('jobs', array('op' => 'reply', 'id' => $id)),
        'order_url' => !empty($job['order_id']) ? $this->createMobileUrl('orders', array('op' => 'detail', 'id' => $job['order_id'])) : '',
        'back' => $this->createMobileUrl('jobs'), 'tabs' => $this->clientTabs('jobs')));
}

$page = cloudacct_page();
$result = cloudacct_guard(function () use ($jobs, $client, $current, $page) {
    return $jobs->list($client, 'client', array('client_id' => $current), $page, 20);
});
$rows = array();
foreach ($result['items'] as $j) {
    $rows[] = $j + array('created' => cloudacct_date($j['created_at']), 'url' => $this->createMobileUrl('jobs', array('op' => 'detail', 'id' => $j['id'])));
}
$this->render('jobs', array('title' => '办事进度', 'rows' => $rows,
    'more' => $page * 20 < $result['total'] ? $this->createMobileUrl('jobs', array('page' => $page + 1)) : '',
    'request_url' => $this->createMobileUrl('request'), 'orders_url' => $this->createMobileUrl('orders'),
    'tabs' => $this->clientTabs('jobs')));
