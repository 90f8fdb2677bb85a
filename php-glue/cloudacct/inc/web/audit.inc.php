<?php
/**
 * 操作日志: the audit trail, filtered by who (kind, id), what (action, object) and when, paged.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$filter = array();
$kind = cloudacct_str('actor_kind');
if (isset(cloudacct_labels('actor_kind')[$kind])) {
    $filter['actor_kind'] = $kind;
}
foreach (array('actor_id', 'object_id') as $k) {
    if (cloudacct_int($k) > 0) {
        $filter[$k] = cloudacct_int($k);
    }
}
foreach (array('action', 'object_type') as $k) {
    if (cloudacct_str($k) !== '') {
        $filter[$k] = cloudacct_str($k);
    }
}
$since = cloudacct_str('since');
$until = cloudacct_str('until');
if ($since !== '' && ($t = strtotime($since)) !== false) {
    $filter['since'] = $t;
}
if ($until !== '' && ($t = strtotime($until . ' 23:59:59')) !== false) {
    $filter['until'] = $t;
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($admin, $filter, $page) {
    return cloudacct_area('Audit\Trail')->list($admin, $filter, $page, 30);
});
$query = array('actor_kind' => $kind, 'actor_id' => cloudacct_str('actor_id'), 'action' => cloudacct_str('action'),
    'object_type' => cloudacct_str('object_type'), 'object_id' => cloudacct_str('object_id'), 'since' => $since, 'until' => $until);
$self = $this;
$kinds = cloudacct_labels('actor_kind');
$rows = array();
foreach ($result['items'] as $item) {
    $detail = isset($item['detail']) ? $item['detail'] : '';
    $rows[] = array(
        'id' => $item['id'],
        'time' => cloudacct_date(isset($item['created_at']) ? $item['created_at'] : 0, 'Y-m-d H:i:s'),
        'actor' => (isset($kinds[$item['actor_kind']]) ? $kinds[$item['actor_kind']] : $item['actor_kind']) . ' #' . $item['actor_id'],
        'ip' => isset($item['ip']) ? $item['ip'] : '',
        'action' => $item['action'],
        'object' => $item['object_type'] . ($item['object_id'] ? ' #' . $item['object_id'] : ''),
        'detail' => is_array($detail) ? json_encode($detail, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) : (string) $detail,
    );
}
$this->render('audit', array(
    'rows' => $rows,
    'query' => $query,
    'kinds' => $kinds,
    'pager' => cloudacct_pager($result['total'], $page, 30, function ($p) use ($self, $query) {
        return $self->createWebUrl('audit', array_filter($query, 'strlen') + array('page' => $p));
    }),
    'route' => cloudacct_route_fields('audit'),
));
