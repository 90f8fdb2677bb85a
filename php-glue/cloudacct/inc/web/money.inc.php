<?php
/**
 * 收费管理: arrears report (filters: store, accountant, aging; CSV), collections by month (CSV),
 * one client's account (已缴至, bills, payments, fee plans with price changes / pause / resume /
 * end, offline payment entry), the billing run of a month with its progress, and the dunning log.
 */
defined('IN_IA') or exit('Access Denied');
global $_W, $_GPC;

$admin = cloudacct_admin();
$op = cloudacct_str('op', 'arrears');
$error = null;
$self = $this;
$reports = cloudacct_area('Ledger\Reports');
$aging = cloudacct_money_labels('aging');
$tabs = array();
foreach (array('arrears' => '欠费报表', 'collections' => '收款报表', 'billing' => '账单生成', 'dunning' => '催费记录') as $k => $label) {
    $tabs[] = array('label' => $label, 'url' => $this->createWebUrl('money', array('op' => $k)), 'on' => $op === $k);
}
$csv = function ($name, $body) {
    header('Content-Type: text/csv; charset=utf-8');
    header('Content-Disposition: attachment; filename="' . $name . '"');
    header('Cache-Control: no-store');
    exit($body);
};

// ---------------------------------------------------------------- one client's account
if (in_array($op, array('client', 'plan', 'price', 'pause', 'resume', 'end', 'offline', 'issue', 'waive', 'void', 'refund', 'receipt'), true)) {
    $clientId = cloudacct_int('client_id');
    $plans = cloudacct_area('Ledger\Plans');
    $payments = cloudacct_area('Ledger\Payments');
    $clientUrl = $this->createWebUrl('money', array('op' => 'client', 'client_id' => $clientId));
    $form = array('title' => cloudacct_str('title', '代理记账费'), 'amount' => cloudacct_str('amount'), 'cycle' => cloudacct_str('cycle', 'monthly'),
        'start' => cloudacct_str('start', cloudacct_period()), 'end' => cloudacct_str('end'), 'prepaid' => cloudacct_int('prepaid_periods'),
        'receipt_no' => cloudacct_str('receipt_no'), 'method' => cloudacct_str('method', 'transfer'), 'bill_id' => cloudacct_int('bill_id'),
        'payer' => cloudacct_str('payer'), 'note' => cloudacct_str('note'), 'paid_date' => cloudacct_str('paid_date'),
        'due_date' => cloudacct_str('due_date'), 'reason' => cloudacct_str('reason'));
    if ($op === 'receipt') {
        $paymentId = cloudacct_int('payment_id');
        $r = cloudacct_guard(function () use ($payments, $admin, $paymentId) {
            return $payments->receipt($admin, $paymentId);
        }, $clientUrl);
        $r['paid'] = cloudacct_date($r['paid_at']);
        foreach ($r['bills'] as $k => $b) {
            $r['bills'][$k]['amount'] = cloudacct_yuan($b['amount_fen']);
        }
        $refunds = cloudacct_guard(function () use ($payments, $admin, $paymentId) {
            return $payments->refunds($admin, $paymentId);
        });
        foreach ($refunds as $k => $rf) {
            $refunds[$k]['amount'] = cloudacct_yuan($rf['amount_fen']);
            $refunds[$k]['at'] = cloudacct_date($rf['created_at']);
        }
        $this->render('money_receipt', array('tabs' => $tabs, 'r' => $r, 'refunds' => $refunds, 'back' => $clientUrl,
            'refund_action' => $this->createWebUrl('money', array('op' => 'refund', 'client_id' => $clientId, 'payment_id' => $paymentId))));
    }
    if ($op !== 'client' && cloudacct_submitted()) {
        $planId = cloudacct_int('plan_id');
        $from = cloudacct_str('from');
        $billId = cloudacct_int('bill_id');
        $paymentId = cloudacct_int('payment_id');
        $done = array('issue' => '账单已开出', 'waive' => '已减免', 'void' => '账单已作废', 'refund' => '退款已完成', 'plan' => '收费方案已添加', 'price' => '价格已调整', 'pause' => '已暂停计费', 'resume' => '已恢复计费', 'end' => '已设置结束月份', 'offline' => '线下收款已登记');
        $result = null;
        if (cloudacct_attempt(function () use ($op, $plans, $payments, $admin, $clientId, $planId, $from, $form, $billId, $paymentId) {
            $billing = cloudacct_area('Ledger\Billing');
            switch ($op) {
                case 'issue':
                    $data = array('amount_fen' => CloudAcct\Money::parse($form['amount']), 'title' => cloudacct_str('title'), 'due_date' => $form['due_date']);
                    if (cloudacct_valid_period($from)) {
                        $data['period'] = $from;
                    }
                    return $billing->issue($admin, $clientId, $data);
                case 'waive':
                    return $billing->waive($admin, $billId, CloudAcct\Money::parse($form['amount']), $form['reason']);
                case 'void':
                    return $billing->cancel($admin, $billId, $form['reason']);
                case 'refund':
                    return $payments->refund($admin, $paymentId, CloudAcct\Money::parse($form['amount']), $form['reason']);
                case 'plan':
                    return $plans->create($admin, $clientId, array('title' => $form['title'], 'amount_fen' => CloudAcct\Money::parse($form['amount']),
                        'cycle' => $form['cycle'], 'start' => $form['start'], 'end' => $form['end'], 'prepaid_periods' => $form['prepaid']));
                case 'price':
                    return $plans->changePrice($admin, $planId, CloudAcct\Money::parse($form['amount']), $from);
                case 'pause':
                    return $plans->pause($admin, $planId, $from);
                case 'resume':
                    return $plans->resume($admin, $planId, $from);
                case 'end':
                    return $plans->end($admin, $planId, $from);
                case 'offline':
                    $options = array('method' => $form['method'], 'payer' => $form['payer'], 'note' => $form['note']);
                    if ($form['bill_id'] > 0) {
                        $options['bill_id'] = $form['bill_id'];
                    }
                    if ($form['paid_date'] !== '') {
                        $ts = strtotime($form['paid_date'] . ' 12:00:00 +0800');
                        if ($ts === false) {
                            throw new CloudAcct\ValidationException('收款日期格式应为 YYYY-MM-DD (paid_date)');
                        }
                        $options['paid_at'] = $ts;
                    }
                    return $payments->recordOffline($admin, $clientId, CloudAcct\Money::parse($form['amount']), $form['receipt_no'], $options);
            }
            return null;
        }, $error, $result)) {
            $msg = $done[$op];
            if ($op === 'offline' && !empty($result['duplicate'])) {
                $msg = '该收据号已登记过，未重复记账';
            }
            if ($op === 'refund' && isset($result['channel']) && $result['channel'] === 'weengine' && $result['status'] === 'pending') {
                // 微擎's refund API; its notify reports the outcome to refundResult()
                $r = $this->refund($result['tid'], $result['fee'], $form['reason']);
                if (is_error($r)) {
                    cloudacct_guard(function () use ($payments, $result) {
                        $payments->weengineRefundResult(CloudAcct\Actor::system(cloudacct_ip()), array('refund_no' => $result['out_refund_no'], 'result' => 'fail'));
                    });
                    itoast('退款失败：' . $r['message'] . '（款项已退回原收款，可稍后重试）', $clientUrl, 'error');
                }
                $msg = '退款已提交到微信支付';
            } elseif ($op === 'refund' && $result['status'] === 'pending') {
                $msg = '退款已提交，等待支付渠道确认';
            }
            itoast($msg, $clientUrl, 'success');
        }
    }
    $company = cloudacct_guard(function () use ($admin, $clientId) {
        return cloudacct_area('People\Clients')->get($admin, $clientId);
    }, $this->createWebUrl('clients'));
    $summary = cloudacct_guard(function () use ($admin, $clientId) {
        return cloudacct_area('Ledger\Accounts')->summary($admin, $clientId);
    });
    $planList = cloudacct_guard(function () use ($plans, $admin, $clientId) {
        return $plans->list($admin, $clientId);
    });
    foreach ($planList as $k => $p) {
        $planList[$k]['amount'] = cloudacct_yuan($p['amount_fen']);
        $prices = array();
        foreach ($p['prices'] as $pr) {
            $prices[] = $pr['effective_from'] . ' 起 ¥' . cloudacct_yuan($pr['amount_fen']);
        }
        $pauses = array();
        foreach ($p['pauses'] as $pa) {
            $pauses[] = implode(' 至 ', array_filter(array_values(array_map('strval', $pa))));
        }
        $planList[$k]['prices_text'] = implode('；', $prices);
        $planList[$k]['pauses_text'] = implode('；', $pauses);
    }
    $billPage = cloudacct_page();
    $bills = cloudacct_guard(function () use ($admin, $clientId, $billPage) {
        return cloudacct_area('Ledger\Billing')->bills($admin, $clientId, array(), $billPage, 24);
    });
    $statusLabels = cloudacct_money_labels('bill_status');
    $billRows = array();
    foreach ($bills['items'] as $b) {
        $billRows[] = $b + array('status_label' => cloudacct_label($statusLabels, $b['status']), 'amount' => cloudacct_yuan($b['amount_fen']),
            'owed' => cloudacct_yuan($b['owed_fen']), 'waived' => cloudacct_yuan($b['waived_fen']));
    }
    $pays = cloudacct_guard(function () use ($payments, $admin, $clientId) {
        return $payments->list($admin, $clientId, 1, 20);
    });
    $channels = cloudacct_money_labels('channel');
    $payRows = array();
    foreach ($pays['items'] as $p) {
        $payRows[] = $p + array('amount' => cloudacct_yuan($p['amount_fen']), 'refunded' => cloudacct_yuan($p['refunded_fen']), 'paid' => cloudacct_date($p['paid_at']),
            'channel_label' => cloudacct_label($channels, $p['channel']),
            'receipt_url' => $this->createWebUrl('money', array('op' => 'receipt', 'client_id' => $clientId, 'payment_id' => $p['id'])));
    }
    $this->render('money_client', array('company' => $company, 'client_id' => $clientId, 'error' => $error, 'form' => $form,
        'summary' => $summary + array('balance' => cloudacct_yuan($summary['balance_fen']), 'overdue' => cloudacct_yuan($summary['overdue_fen']),
            'credit' => cloudacct_yuan($summary['credit_fen'])),
        'plans' => $planList, 'bills' => $billRows, 'payments' => $payRows, 'cycles' => cloudacct_money_labels('cycle'),
        'methods' => cloudacct_money_labels('method'), 'tabs' => $tabs,
        'urls' => array('plan' => $this->createWebUrl('money', array('op' => 'plan', 'client_id' => $clientId)),
            'price' => $this->createWebUrl('money', array('op' => 'price', 'client_id' => $clientId)),
            'pause' => $this->createWebUrl('money', array('op' => 'pause', 'client_id' => $clientId)),
            'resume' => $this->createWebUrl('money', array('op' => 'resume', 'client_id' => $clientId)),
            'end' => $this->createWebUrl('money', array('op' => 'end', 'client_id' => $clientId)),
            'offline' => $this->createWebUrl('money', array('op' => 'offline', 'client_id' => $clientId)),
            'issue' => $this->createWebUrl('money', array('op' => 'issue', 'client_id' => $clientId)),
            'waive' => $this->createWebUrl('money', array('op' => 'waive', 'client_id' => $clientId)),
            'void' => $this->createWebUrl('money', array('op' => 'void', 'client_id' => $clientId)),
            'client' => $this->createWebUrl('clients', array('op' => 'detail', 'id' => $clientId)),
            'dunning' => $this->createWebUrl('money', array('op' => 'dunning', 'client_id' => $clientId))),
        'bill_pager' => cloudacct_pager($bills['total'], $billPage, 24, function ($p) use ($self, $clientId) {
            return $self->createWebUrl('money', array('op' => 'client', 'client_id' => $clientId, 'page' => $p));
        })));
}

// ---------------------------------------------------------------- billing run with progress
if ($op === 'billing' || $op === 'run') {
    $billing = cloudacct_area('Ledger\Billing');
    $period = cloudacct_str('period', cloudacct_period());
    $progress = null;
    if ($op === 'run' && cloudacct_submitted()) {
        if (!cloudacct_attempt(function () use ($billing, $admin, $period) {
            return $billing->run($admin, $period, array('chunk' => 200, 'max_chunks' => 1));
        }, $error, $progress)) {
            $progress = null;
        }
    }
    if ($progress === null && cloudacct_valid_period($period)) {
        $progress = cloudacct_guard(function () use ($billing, $admin, $period) {
            return $billing->progress($admin, $period);
        });
    }
    if ($progress) {
        $progress['percent'] = $progress['plans_total'] > 0 ? (int) floor(100 * $progress['plans_done'] / $progress['plans_total']) : 100;
        $progress['amount'] = cloudacct_yuan($progress['amount_fen']);
    }
    $this->render('money_billing', array('tabs' => $tabs, 'period' => $period, 'progress' => $progress, 'error' => $error,
        'continue' => $op === 'run' && $progress && $progress['status'] === 'running' && !$error,
        'action' => $this->createWebUrl('money', array('op' => 'run')), 'route' => cloudacct_route_fields('money')));
}

// ---------------------------------------------------------------- collections
if ($op === 'collections' || $op === 'collections_csv') {
    $to = cloudacct_str('to', cloudacct_period());
    $from = cloudacct_str('from', cloudacct_valid_period($to) ? gmdate('Y-m', gmmktime(0, 0, 0, (int) substr($to, 5, 2) - 5, 1, (int) substr($to, 0, 4))) : $to);
    $filter = array_filter(array('store_id' => cloudacct_int('store_id'), 'accountant_id' => cloudacct_int('accountant_id')));
    if ($op === 'collections_csv') {
        $body = cloudacct_guard(function () use ($reports, $admin, $from, $to, $filter) {
            return $reports->collectionsCsv($admin, $from, $to, $filter);
        });
        $csv('collections-' . $from . '-' . $to . '.csv', $body);
    }
    $rows = cloudacct_guard(function () use ($reports, $admin, $from, $to, $filter) {
        return $reports->collections($admin, $from, $to, $filter);
    }, $this->createWebUrl('money', array('op' => 'collections')));
    $channels = cloudacct_money_labels('channel');
    foreach ($rows as $k => $r) {
        $rows[$k]['channel_label'] = cloudacct_label($channels, $r['channel']);
        foreach (array('received', 'refunded', 'net') as $m) {
            $rows[$k][$m] = cloudacct_yuan($r[$m . '_fen']);
        }
    }
    $this->render('money_collections', array('tabs' => $tabs, 'rows' => $rows, 'from' => $from, 'to' => $to,
        'store_id' => cloudacct_int('store_id'), 'accountant_id' => cloudacct_int('accountant_id'),
        'stores' => cloudacct_store_options($admin), 'staff' => cloudacct_staff_options($admin), 'route' => cloudacct_route_fields('money'),
        'csv_url' => $this->createWebUrl('money', array('op' => 'collections_csv', 'from' => $from, 'to' => $to) + $filter)));
}

// ---------------------------------------------------------------- dunning log
if ($op === 'dunning') {
    $filter = array_filter(array('client_id' => cloudacct_int('client_id'), 'kind' => cloudacct_str('kind')));
    if (isset($filter['kind']) && !in_array($filter['kind'], array('auto', 'manual'), true)) {
        unset($filter['kind']);
    }
    $page = cloudacct_page();
    $result = cloudacct_guard(function () use ($admin, $filter, $page) {
        return cloudacct_area('Ledger\Dunning')->log($admin, $filter, $page, 20);
    });
    $kinds = cloudacct_money_labels('dunning_kind');
    $actors = cloudacct_labels('actor_kind');
    $rows = array();
    foreach ($result['items'] as $r) {
        $rows[] = $r + array('at' => cloudacct_date($r['created_at']), 'amount' => cloudacct_yuan($r['amount_fen']),
            'kind_label' => cloudacct_label($kinds, $r['kind']), 'actor' => cloudacct_label($actors, $r['actor_kind']),
            'client_url' => $this->createWebUrl('money', array('op' => 'client', 'client_id' => $r['client_id'])));
    }
    $this->render('money_dunning', array('tabs' => $tabs, 'rows' => $rows, 'q' => $filter + array('client_id' => 0, 'kind' => ''),
        'kinds' => $kinds, 'route' => cloudacct_route_fields('money'),
        'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $filter) {
            return $self->createWebUrl('money', array('op' => 'dunning', 'page' => $p) + $filter);
        })));
}

// ---------------------------------------------------------------- arrears (default)
$q = array('store_id' => cloudacct_int('store_id'), 'accountant_id' => cloudacct_int('accountant_id'), 'aging' => cloudacct_str('aging'));
$filter = array();
if ($q['store_id'] > 0) {
    $filter['store_id'] = $q['store_id'];
}
if ($q['accountant_id'] > 0) {
    $filter['accountant_id'] = $q['accountant_id'];
}
if (isset($aging[$q['aging']])) {
    $filter['aging'] = $q['aging'];
}
if ($op === 'arrears_csv') {
    $body = cloudacct_guard(function () use ($reports, $admin, $filter) {
        return $reports->arrearsCsv($admin, $filter);
    });
    $csv('arrears-' . cloudacct_period() . '.csv', $body);
}
$page = cloudacct_page();
$result = cloudacct_guard(function () use ($reports, $admin, $filter, $page) {
    return $reports->arrears($admin, $filter, $page, 20);
});
$rows = array();
foreach ($result['items'] as $r) {
    $r['outstanding'] = cloudacct_yuan($r['outstanding_fen']);
    $r['overdue'] = cloudacct_yuan($r['overdue_fen']);
    $r['aging_label'] = cloudacct_label($aging, $r['aging_bucket']);
    $r['url'] = $this->createWebUrl('money', array('op' => 'client', 'client_id' => $r['client_id']));
    $rows[] = $r;
}
$qs = array_filter($q);
$this->render('money_arrears', array('tabs' => $tabs, 'rows' => $rows, 'q' => $q, 'aging' => $aging,
    'stores' => cloudacct_store_options($admin), 'staff' => cloudacct_staff_options($admin), 'route' => cloudacct_route_fields('money'),
    'csv_url' => $this->createWebUrl('money', array('op' => 'arrears_csv') + $qs),
    'pager' => cloudacct_pager($result['total'], $page, 20, function ($p) use ($self, $qs) {
        return $self->createWebUrl('money', $qs + array('page' => $p));
    })));
