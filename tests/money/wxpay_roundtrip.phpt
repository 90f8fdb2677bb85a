--TEST--
WeChat Pay v3 round trip against the fake: checkout → JSAPI prepay (signed request, verified answer) → front-end paySign → notify → settled once (100 replays) → query → order paid with its job → refund → refund notify; close; configuration errors
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
m_freeze('2026-02-20 09:00:00');
$w = wx_setup('money_wx_round', m_ts('2026-02-20 09:00:00'));
[$db, $m] = [$w->db, $w->m];
$admin = m_admin();
$sys = m_system();
$a = m_client($db, 1, ['name' => '甲公司']);
$ca = m_contact($db, 1, $a);
$client = Actor::client($ca);
$m->plans->create($admin, $a, ['title' => '代理记账费', 'amount_fen' => 30000, 'cycle' => 'monthly', 'start' => '2026-02']);
$m->billing->run($sys, '2026-02');
$bill = $m->billing->bills($admin, $a)['items'][0]['id'];

echo "--- checkout orders the prepay\n";
m_throws(fn() => $m->payments->checkout($client, $a, ['bill_id' => $bill]));
m_throws(fn() => $m->payments->checkout($client, $a, ['bill_id' => $bill, 'openid' => 'o PAYER']));
echo "refused checkouts wrote no intent: ", $db->queryValue('SELECT COUNT(*) FROM {pay_intent}'), "\n";
$i = $m->payments->checkout($client, $a, ['bill_id' => $bill, 'openid' => 'oPAYER0001']);
$pay = $i['pay'];
echo "{$i['channel']} {$i['fee']} ", implode(',', array_keys($pay)), "\n";
echo "appId {$pay['appId']} timeStamp ", $pay['timeStamp'] === (string) m_ts('2026-02-20 09:00:00') ? 'now' : $pay['timeStamp'],
    " nonce ", preg_match('/^[0-9A-Za-z]{32}$/', $pay['nonceStr']) ? 'ok' : 'bad', " package ", preg_match('/^prepay_id=wx\w+$/', $pay['package']) ? 'ok' : 'bad',
    " signType {$pay['signType']}\n";
echo "paySign verifies with the merchant public key: ", openssl_verify("{$pay['appId']}\n{$pay['timeStamp']}\n{$pay['nonceStr']}\n{$pay['package']}\n",
    base64_decode($pay['paySign']), $w->merchant_public, OPENSSL_ALGO_SHA256), "\n";
$again = $m->payments->checkout($client, $a, ['bill_id' => $bill, 'openid' => 'oPAYER0001']);
echo "again: same intent ", var_export($again['tid'] === $i['tid'], true), ", same prepay ", var_export($again['pay']['package'] === $pay['package'], true),
    ", new nonce ", var_export($again['pay']['nonceStr'] !== $pay['nonceStr'], true), "\n";
m_throws(fn() => $m->payments->checkout($client, $a, ['bill_id' => $bill, 'openid' => 'oSOMEONEELSE']));
$req = ca_fake_received($w->fake, 'wxpay')[0];
echo "request: {$req['headers']['content-type']} accept {$req['headers']['accept']} ua ", str_starts_with($req['headers']['user-agent'], 'CloudAcct/') ? 'ok' : 'bad', "\n";
echo $req['body'], "\n";
echo "stored request = sent request: ", var_export($db->queryValue('SELECT request_body FROM {pay_intent} WHERE out_trade_no = ?', [$i['tid']]) === $req['body'], true), "\n";
echo "--- two hours later the identical request renews the prepay_id\n";
m_freeze('2026-02-20 10:58:00');
ca_fake_control($w->fake, ['now' => m_ts('2026-02-20 10:58:00')]);
$renew = $m->payments->checkout($client, $a, ['bill_id' => $bill, 'openid' => 'oPAYER0001']);
echo "same tid ", var_export($renew['tid'] === $i['tid'], true), ", same prepay (WeChat Pay answers the identical request with it) ",
    var_export($renew['pay']['package'] === $pay['package'], true), "\n";

echo "--- query before payment\n";
$q = $m->payments->wechatQuery($client, $i['tid']);
echo "{$q['trade_state']} {$q['status']} {$q['payment_id']}\n";

echo "--- the payer pays: the notify settles once\n";
$n = wx_pay($w, $i['tid']);
echo "notify headers: ", implode(',', array_keys($n['headers'])), "\n";
$r = $m->payments->wechatNotify($sys, $n['headers'], $n['body']);
echo wx_show($r), " payment #{$r['payment_id']} {$r['target_kind']}#{$r['target_id']} {$r['amount_fen']} {$r['event_type']}\n";
$after = m_counts($db);
$tally = [];
for ($k = 0; $k < 100; $k++) {
    $x = $m->payments->wechatNotify($sys, $n['headers'], $n['body']);
    $tally[wx_show($x)] = ($tally[wx_show($x)] ?? 0) + 1;
}
foreach ($tally as $k => $c) { echo "replay: $k x$c\n"; }
echo "unchanged after replays: ", var_export(m_counts($db) === $after, true), "\n";
$q = $m->payments->wechatQuery($sys, $i['tid']);
echo "query: {$q['trade_state']} {$q['status']} #{$q['payment_id']}\n";
$p = $m->payments->get($client, $r['payment_id']);
echo "payment {$p['channel']} {$p['amount_fen']} external_id = tid ", var_export($p['external_id'] === $i['tid'], true),
    " reference ", preg_match('/^42000\d+$/', $p['reference']) ? 'transaction_id' : $p['reference'], " payer {$p['payer']} paid_at ",
    date('H:i', $p['paid_at'] + 8 * 3600), " receipt ", $p['receipt_no'] !== '' ? 'yes' : 'no', "\n";
echo "receipt channel: ", $m->payments->receipt($client, $r['payment_id'])['channel'], "\n";
m_summary($m->accounts, $a);
echo "outbox payment_received: ", $db->queryValue("SELECT COUNT(*) FROM {outbox} WHERE template = 'payment_received'"), "\n";
m_throws(fn() => $m->payments->wechatClose($admin, $i['tid']));

echo "--- an order: paid with its job in the same transaction\n";
$cat = new CloudAcct\Work\Catalog($w->store);
$orders = new CloudAcct\Work\Orders($w->store);
$svc = $cat->createService($admin, ['title' => '工商变更', 'price_fen' => 80000, 'on_sale' => true]);
$o = $orders->place($client, $a, $svc);
$oi = $m->payments->checkout($client, $a, ['order_id' => $o['id'], 'openid' => 'oPAYER0001']);
echo "order intent tid = order number: ", var_export($oi['tid'] === $o['order_no'], true), " fee {$oi['fee']}\n";
$on = wx_pay($w, $oi['tid']);
// the notify is lost; the query settles the order instead, and the late notify finds it settled
$q = $m->payments->wechatQuery($admin, $oi['tid']);
$o2 = $orders->get($admin, $o['id']);
echo "query: {$q['trade_state']} {$q['status']}; order {$o2['status']} paid {$o2['paid_fen']} job ", $o2['job_id'] > 0 ? 'created' : 'missing', "\n";
echo "late notify: ", wx_show($m->payments->wechatNotify($sys, $on['headers'], $on['body'])), "\n";
echo "jobs: ", $db->queryValue('SELECT COUNT(*) FROM {job} WHERE order_id = ?', [$o['id']]), "\n";

echo "--- refund part of the bill payment: PROCESSING, then the refund notify\n";
$rf = $m->payments->refund($admin, $r['payment_id'], 10000, '多收了');
echo "refund {$rf['status']} {$rf['channel']} {$rf['amount_fen']} ", preg_match('/^R\d{8}\w{15}$/', $rf['out_refund_no']) ? 'no ok' : $rf['out_refund_no'],
    " wechat refund id ", $rf['external_refund_id'] !== '' ? 'kept' : 'missing', "\n";
$all = ca_fake_received($w->fake, 'wxpay');
$sent = $all[count($all) - 1];
echo "sent: {$sent['path']} ", json_encode(array_diff_key($sent['json'], ['out_refund_no' => 1, 'out_trade_no' => 1]), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
m_summary($m->accounts, $a);
echo "query while processing: ", $m->payments->wechatQueryRefund($admin, $rf['out_refund_no'])['status'], "\n";
$rn = wx_refund_notify($w, $rf['out_refund_no']);
echo wx_show($x = $m->payments->wechatNotify($sys, $rn['headers'], $rn['body'])), " {$x['refund_status']} {$x['event_type']}\n";
echo "replay: ", wx_show($m->payments->wechatNotify($sys, $rn['headers'], $rn['body'])), "\n";
$rows = $m->payments->refunds($admin, $r['payment_id']);
echo "refund now {$rows[0]['status']}\n";
m_summary($m->accounts, $a);

echo "--- a refund WeChat Pay closes: the money is the payment's again\n";
$rf2 = $m->payments->refund($admin, $r['payment_id'], 5000, '再退一点');
$rn2 = wx_refund_notify($w, $rf2['out_refund_no'], 'CLOSED');
echo wx_show($m->payments->wechatNotify($sys, $rn2['headers'], $rn2['body'])), "\n";
echo "refund ", $m->payments->refunds($admin, $r['payment_id'])[1]['status'], "; refunded_fen ", $m->payments->get($admin, $r['payment_id'])['refunded_fen'], "\n";
m_summary($m->accounts, $a);

echo "--- a refund that succeeds at once (the fake answers SUCCESS)\n";
ca_fake_control($w->fake, ['wxpay' => ['refund_status' => 'SUCCESS']]);
$rf3 = $m->payments->refund($admin, $r['payment_id'], 20000, '全部退回');
echo "refund {$rf3['status']}\n";
m_throws(fn() => $m->payments->refund($admin, $r['payment_id'], 1, '超额'));
m_summary($m->accounts, $a);

echo "--- close a pending intent\n";
$acct = $m->payments->checkout($client, $a, ['amount_fen' => 5000, 'openid' => 'oPAYER0001']);
m_throws(fn() => $m->payments->wechatClose($client, $acct['tid']));
$c = $m->payments->wechatClose($admin, $acct['tid']);
echo "{$c['status']} closed_now ", var_export($c['closed_now'], true), "; at the fake: ",
    ca_fake_call($w->fake, '/_wxpay/state')['orders'][$acct['tid']]['state'], "\n";
m_throws(fn() => $m->payments->wechatClose($admin, $acct['tid']));
echo "a new checkout makes a new intent: ", var_export($m->payments->checkout($client, $a, ['amount_fen' => 5000, 'openid' => 'oPAYER0001'])['tid'] !== $acct['tid'], true), "\n";

echo "--- what the fake received (every request verified)\n";
foreach (wx_received($w) as $line) { echo preg_replace('~/(C|R)\d{8}\w{15}|/' . $o['order_no'] . '~', '/{no}', $line), "\n"; }
m_reconcile($m->accounts);

echo "--- configuration and input errors\n";
m_throws(fn() => $m->payments->wechatQuery($sys, 'C2026../x'));
m_throws(fn() => $m->payments->wechatQuery($sys, 'C20260220NOSUCHINTENT0000'));
m_throws(fn() => $m->payments->wechatQuery(Actor::client(m_contact($db, 1)), $i['tid']));
m_throws(fn() => $m->payments->wechatNotify($admin, $n['headers'], $n['body']));
m_throws(fn() => $m->payments->wechatQueryRefund($client, $rf['out_refund_no']));
m_throws(fn() => $m->payments->wechatQueryRefund($admin, 'RNOSUCHREFUND'));
m_setting($db, 1, 'wxpay_private_key', "-----BEGIN PRIVATE KEY-----\nTOPSECRETKEYMATERIAL\n-----END PRIVATE KEY-----\n");
m_throws(fn() => $m->payments->checkout($client, $a, ['amount_fen' => 700, 'openid' => 'oPAYER0001']));
m_setting($db, 1, 'wxpay_private_key', '');
m_throws(fn() => $m->payments->checkout($client, $a, ['amount_fen' => 800, 'openid' => 'oPAYER0001']));
m_setting($db, 1, 'wxpay_apiv3_key', '');
echo wx_show($m->payments->wechatNotify($sys, $n['headers'], $n['body'])), "\n";
ca_fake_stop($w->fake);
ca_drop_db('money_wx_round');
?>
--EXPECTF--
--- checkout orders the prepay
CloudAcct\ValidationException: 微信支付需要付款人的 openid (openid is required for WeChat Pay v3)
CloudAcct\ValidationException: %s
refused checkouts wrote no intent: 0
wechat_v3 300.00 appId,timeStamp,nonceStr,package,signType,paySign
appId wxfake0000000001 timeStamp now nonce ok package ok signType RSA
paySign verifies with the merchant public key: 1
again: same intent true, same prepay true, new nonce true
CloudAcct\ConflictException: 这笔支付单已由另一位微信用户发起支付，请由该用户完成，或稍后重新下单 (intent ordered for another payer)
request: application/json accept application/json ua ok
{"appid":"wxfake0000000001","mchid":"1900000001","description":"代理记账费 2026-02","out_trade_no":"%s","notify_url":"https://pay.example.com/cloudacct/wxpaynotify/1","amount":{"total":30000,"currency":"CNY"},"payer":{"openid":"oPAYER0001"}}
stored request = sent request: true
--- two hours later the identical request renews the prepay_id
same tid true, same prepay (WeChat Pay answers the identical request with it) true
--- query before payment
NOTPAY pending 0
--- the payer pays: the notify settles once
notify headers: Wechatpay-Signature-Type,Wechatpay-Timestamp,Wechatpay-Nonce,Wechatpay-Serial,Wechatpay-Signature
204 settled payment #%d bill#%d 30000 TRANSACTION.SUCCESS
replay: 204 already_settled x100
unchanged after replays: true
query: SUCCESS already_settled #%d
payment wechat_v3 30000 external_id = tid true reference transaction_id payer oPAYER0001 paid_at 10:58 receipt yes
receipt channel: 微信支付
balance=0 outstanding=0 credit=0 overdue=0 open=0 oldest=- paid_through=2026-02
outbox payment_received: 1
CloudAcct\InvalidTransitionException: 支付单已是 paid 状态，不能关闭 (intent is paid)
--- an order: paid with its job in the same transaction
order intent tid = order number: true fee 800.00
query: SUCCESS settled; order %s paid 80000 job created
late notify: 204 already_settled
jobs: 1
--- refund part of the bill payment: PROCESSING, then the refund notify
refund pending wechat_v3 10000 no ok wechat refund id kept
sent: /v3/refund/domestic/refunds {"reason":"多收了","notify_url":"https://pay.example.com/cloudacct/wxpaynotify/1","amount":{"refund":10000,"total":30000,"currency":"CNY"}}
balance=10000 outstanding=10000 credit=0 overdue=10000 open=1 oldest=2026-02-15 paid_through=2026-01
query while processing: pending
204 refund_succeeded succeeded REFUND.SUCCESS
replay: 204 already_settled
refund now succeeded
balance=10000 outstanding=10000 credit=0 overdue=10000 open=1 oldest=2026-02-15 paid_through=2026-01
--- a refund WeChat Pay closes: the money is the payment's again
204 refund_failed
refund failed; refunded_fen 10000
balance=10000 outstanding=10000 credit=0 overdue=10000 open=1 oldest=2026-02-15 paid_through=2026-01
--- a refund that succeeds at once (the fake answers SUCCESS)
refund succeeded
CloudAcct\ValidationException: 退款不能超过已付未退的 0.00 元 (refund exceeds what was paid)
balance=30000 outstanding=30000 credit=0 overdue=30000 open=1 oldest=2026-02-15 paid_through=2026-01
--- close a pending intent
CloudAcct\ForbiddenException: %s
closed closed_now true; at the fake: CLOSED
CloudAcct\InvalidTransitionException: 支付单已是 closed 状态，不能关闭 (intent is closed)
a new checkout makes a new intent: true
--- what the fake received (every request verified)
POST /v3/pay/transactions/jsapi verified 200
POST /v3/pay/transactions/jsapi verified 200
GET /v3/pay/transactions/out-trade-no/{no}?mchid=1900000001 verified 200
GET /v3/pay/transactions/out-trade-no/{no}?mchid=1900000001 verified 200
POST /v3/pay/transactions/jsapi verified 200
GET /v3/pay/transactions/out-trade-no/{no}?mchid=1900000001 verified 200
POST /v3/refund/domestic/refunds verified 200
GET /v3/refund/domestic/refunds/{no} verified 200
POST /v3/refund/domestic/refunds verified 200
POST /v3/refund/domestic/refunds verified 200
POST /v3/pay/transactions/jsapi verified 200
POST /v3/pay/transactions/out-trade-no/{no}/close verified 204
POST /v3/pay/transactions/jsapi verified 200
reconcile: ok (1 clients)
--- configuration and input errors
CloudAcct\ValidationException: 支付单号格式不对 (out_trade_no)
CloudAcct\NotFoundException: 没有这笔支付单 (unknown out_trade_no)
CloudAcct\NotFoundException: %s
CloudAcct\ForbiddenException: %s
CloudAcct\ForbiddenException: %s
CloudAcct\NotFoundException: 没有这笔退款 (unknown out_refund_no)
CloudAcct\Crypto\SignatureException: 商户 API 私钥无法用于签名 (merchant private key: unusable key)
CloudAcct\ConflictException: 微信支付 APIv3 未配置完整：wxpay_private_key (WeChat Pay v3 setting wxpay_private_key is missing or invalid)
500 not_configured {"code":"FAIL","message":"失败"}
