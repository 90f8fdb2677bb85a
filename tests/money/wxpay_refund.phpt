--TEST--
WeChat Pay v3 refunds: an order refunded through the refund notify (order refunded), a refund WeChat Pay refuses (403 NOT_ENOUGH → failed, money back), WeChat Pay unreachable (IntegrationException, refund stays pending, wechatQueryRefund sends it again under the same out_refund_no), a late SUCCESS after the query settled it
--EXTENSIONS--
cloudacct
--INI--
cloudacct.clock_settable=1
cloudacct.http.test_transport=1
pcre.jit=0
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; require __DIR__ . '/../inc/skipif_fake.inc'; ?>
--FILE--
<?php
require __DIR__ . '/wxpay.inc';
use CloudAcct\Actor;
$now = m_ts('2026-04-01 15:00:00');
m_freeze('2026-04-01 15:00:00');
$w = wx_setup('money_wx_refund', $now);
[$db, $m] = [$w->db, $w->m];
$admin = m_admin();
$sys = m_system();
$a = m_client($db, 1);
$ca = m_contact($db, 1, $a);
$client = Actor::client($ca);

echo "--- an order paid, then refunded through the refund notify\n";
$cat = new CloudAcct\Work\Catalog($w->store);
$orders = new CloudAcct\Work\Orders($w->store);
$svc = $cat->createService($admin, ['title' => '工商年报', 'price_fen' => 20000, 'on_sale' => true]);
$o = $orders->place($client, $a, $svc);
$oi = $m->payments->checkout($client, $a, ['order_id' => $o['id'], 'openid' => 'oREF']);
$n = wx_pay($w, $oi['tid']);
$r = $m->payments->wechatNotify($sys, $n['headers'], $n['body']);
echo wx_show($r), "; order ", $orders->get($admin, $o['id'])['status'], "\n";
$orders->requestRefund($client, $o['id'], '不需要了');
$rf = $m->payments->refund($admin, $r['payment_id'], 20000, '客户取消');
echo "refund {$rf['status']}; order ", $orders->get($admin, $o['id'])['status'], "\n";
$rn = wx_refund_notify($w, $rf['out_refund_no']);
echo wx_show($m->payments->wechatNotify($sys, $rn['headers'], $rn['body'])), "; order ", $orders->get($admin, $o['id'])['status'], "\n";
m_summary($m->accounts, $a);

echo "--- WeChat Pay refuses a refund: failed, the money is the payment's again\n";
$acct = $m->payments->checkout($client, $a, ['amount_fen' => 50000, 'openid' => 'oREF']);
$n2 = wx_pay($w, $acct['tid']);
$p2 = $m->payments->wechatNotify($sys, $n2['headers'], $n2['body'])['payment_id'];
m_summary($m->accounts, $a);
ca_fake_control($w->fake, ['faults' => [['vendor' => 'wxpay', 'path' => '/v3/refund/domestic/refunds', 'code' => 'NOT_ENOUGH', 'http' => 403, 'times' => 1]]]);
$rf2 = $m->payments->refund($admin, $p2, 10000, '误付');
echo "refund {$rf2['status']}: {$rf2['failure']}\n";
m_summary($m->accounts, $a);

echo "--- WeChat Pay unreachable: the refund stays pending until the query sends it again\n";
ca_fake_control($w->fake, ['faults' => [['vendor' => 'wxpay', 'path' => '/v3/refund/domestic/refunds', 'status' => 502, 'times' => 1]]]);
m_throws(fn() => $m->payments->refund($admin, $p2, 20000, '部分退款'));
$rows = $m->payments->refunds($admin, $p2);
$pending = end($rows);
echo "refund {$pending['status']} {$pending['amount_fen']}\n";
m_summary($m->accounts, $a);
echo "fake knows it: ", var_export(isset(ca_fake_call($w->fake, '/_wxpay/state')['refunds'][$pending['out_refund_no']]), true), "\n";
$q = $m->payments->wechatQueryRefund($sys, $pending['out_refund_no']);
echo "after the query: {$q['status']}; fake knows it: ", var_export(isset(ca_fake_call($w->fake, '/_wxpay/state')['refunds'][$pending['out_refund_no']]), true), "\n";
$q = $m->payments->wechatQueryRefund($admin, $pending['out_refund_no']);
echo "query again: {$q['status']} (PROCESSING)\n";
wx_refund_notify($w, $pending['out_refund_no']); // the notify is lost …
$q = $m->payments->wechatQueryRefund($admin, $pending['out_refund_no']);
echo "… the query settles it: {$q['status']}\n";
$rn = wx_refund_notify($w, $pending['out_refund_no']);
echo "the late notify: ", wx_show($m->payments->wechatNotify($sys, $rn['headers'], $rn['body'])), "\n";
echo "query of a settled refund asks nobody: ", $m->payments->wechatQueryRefund($admin, $pending['out_refund_no'])['status'], "\n";
echo "requests: ", count(ca_fake_received($w->fake, 'wxpay')), "\n";
m_summary($m->accounts, $a);
echo "payment refunded_fen ", $m->payments->get($admin, $p2)['refunded_fen'], "\n";
m_reconcile($m->accounts);
ca_fake_stop($w->fake);
m_collect_check($db);
ca_drop_db('money_wx_refund');
?>
--EXPECTF--
--- an order paid, then refunded through the refund notify
204 settled; order paid
refund pending; order refunding
204 refund_succeeded; order refunded
balance=0 outstanding=0 credit=0 overdue=0 open=0 oldest=- paid_through=-
--- WeChat Pay refuses a refund: failed, the money is the payment's again
balance=-50000 outstanding=0 credit=50000 overdue=0 open=0 oldest=- paid_through=-
refund failed: 微信支付拒绝退款：NOT_ENOUGH injected
balance=-50000 outstanding=0 credit=50000 overdue=0 open=0 oldest=- paid_through=-
--- WeChat Pay unreachable: the refund stays pending until the query sends it again
CloudAcct\IntegrationException: 退款已登记（R%s），但微信支付暂未受理：HTTP 502 HTTP_ERROR，请稍后用 wechatQueryRefund 重试 (refund recorded, request failed: HTTP 502 HTTP_ERROR)
refund pending 20000
balance=-30000 outstanding=0 credit=30000 overdue=0 open=0 oldest=- paid_through=-
fake knows it: false
after the query: pending; fake knows it: true
query again: pending (PROCESSING)
… the query settles it: succeeded
the late notify: 204 already_settled
query of a settled refund asks nobody: succeeded
requests: 9
balance=-30000 outstanding=0 credit=30000 overdue=0 open=0 oldest=- paid_through=-
payment refunded_fen 20000
reconcile: ok (1 clients)
collections summary = recount: true (%d rows)
