--TEST--
Glue: paying a bill with WeChat Pay v3 from the client's bills page (payment_mode wechat_v3) against the fake WeChat Pay — the 支付 button's page carries the prepay parameters ordered for the fan's openid and signed with the merchant key for getBrandWCPayRequest; the fake's notify settles the bill once (replayed: still once) and the result page shows 已支付; a late notify: the result page asks WeChat Pay (wechatQuery) and settles once; another company's bill and a paid bill are refused; the mini-program gets the same parameters; 微擎 mode keeps its cashier
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc';
if (!is_dir(__DIR__ . '/../../dev/host') || !is_dir(__DIR__ . '/../../php-glue/cloudacct')) die('skip needs dev/host and php-glue from the repository');
require __DIR__ . '/../inc/skipif_fake.inc'; ?>
--FILE--
<?php
require __DIR__ . '/glue.inc';
require __DIR__ . '/../inc/fake_server.inc';
require __DIR__ . '/../money/wxpay_vectors.inc';
// the site's PHP may talk plain HTTP to the fake WeChat Pay on loopback
$site = new GlueSite('wxpaybills', false, ['cloudacct.http.test_transport' => 1]);
$db = $site->db();
$store = new CloudAcct\Store($db, 1);
$admin = CloudAcct\Actor::admin(1);
$count = fn (string $sql, array $p = []) => (int) $db->queryValue($sql, $p);

// the published sample key plays both the merchant key and the platform key (no key generation under valgrind)
$apiv3 = substr(bin2hex(random_bytes(16)), 0, 32);
$fake = ca_fake_start(['wxpay' => ['mchid' => '1900000001', 'appid' => 'wxfake0000000001', 'merchant_serial' => 'MERCHANT_SERIAL_01',
    'merchant_public_key' => WX_TEST_PUB, 'platform_serial' => 'PUB_KEY_ID_01', 'platform_private_key' => WX_TEST_KEY, 'apiv3_key' => $apiv3]]);
$settings = new CloudAcct\Settings($store);
// as the other v3 tests do: the settings rows written directly (the form takes a PEM key as an uploaded multi-line text)
$set = fn (string $k, $v) => $db->execute('REPLACE INTO {setting} (uniacid, name, value, updated_at) VALUES (1, ?, ?, 0)',
    [$k, json_encode($v, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)]);
foreach (['payment_mode' => 'wechat_v3', 'wxpay_mchid' => '1900000001', 'wxpay_appid' => 'wxfake0000000001', 'wxpay_serial' => 'MERCHANT_SERIAL_01',
    'wxpay_private_key' => WX_TEST_KEY, 'wxpay_apiv3_key' => $apiv3, 'wxpay_notify_url' => 'https://pay.example.com/cloudacct/wxpaynotify/1',
    'wxpay_api_base' => $fake['base'], 'wxpay_platform_keys' => [['serial' => 'PUB_KEY_ID_01', 'public_key' => WX_TEST_PUB]]] as $k => $v) {
    $set($k, $v);
}
$storeId = (new CloudAcct\People\Stores($store))->create($admin, ['name' => '门店', 'address' => '北京', 'phone' => '010-88886666', 'sort' => 1]);
$clients = new CloudAcct\People\Clients($store);
$contacts = new CloudAcct\People\Contacts($store);
$x = $clients->create($admin, ['name' => '甲公司', 'taxpayer_type' => 'small', 'store_id' => $storeId]);
$y = $clients->create($admin, ['name' => '乙公司', 'taxpayer_type' => 'small', 'store_id' => $storeId]);
$contacts->bindByInvite('oPAY_x', $contacts->issueInvite($admin, $x, 'owner'), '客户甲', '13900000021', '127.0.0.1');
$contacts->bindByInvite('oPAY_y', $contacts->issueInvite($admin, $y, 'owner'), '客户乙', '13900000022', '127.0.0.1');
$billing = new CloudAcct\Ledger\Billing($store);
$due = date('Y-m-d', time() + 86400 * 10);
$bill1 = $billing->issue($admin, $x, ['amount_fen' => 30000, 'title' => '代理记账费', 'due_date' => $due, 'key' => 'b1']);
$bill2 = $billing->issue($admin, $x, ['amount_fen' => 12345, 'title' => '工商年报费', 'due_date' => $due, 'key' => 'b2']);
$payments = fn (int $bill) => $count("SELECT COUNT(*) FROM {payment} WHERE channel = 'wechat_v3'")
    . '/' . $db->queryValue('SELECT status FROM {bill} WHERE id = ?', [$bill]);
$notifyUrl = $site->base . $site->app('wxpaynotify');
$payPage = function (int $bill) use ($site) {
    $html = $site->get($site->app('bills', ['op' => 'pay', 'id' => $bill]));
    preg_match('/data-pay="([^"]*)"/', $html, $m);
    preg_match('/data-done="([^"]*)"/', $html, $d);
    return [$html, json_decode(html_entity_decode($m[1] ?? '', ENT_QUOTES), true), html_entity_decode($d[1] ?? '', ENT_QUOTES)];
};

// ---- the bills page's 支付 → the WeixinJSBridge page with signed prepay parameters
$site->asFan('oPAY_x');
$list = $site->get($site->app('bills'));
glue_check('the bills page links 支付 for the open bill', str_contains($list, 'op=pay&amp;id=' . $bill1) || str_contains($list, 'op=pay&id=' . $bill1));
[$html, $pay, $done] = $payPage($bill1);
glue_check('the pay page calls getBrandWCPayRequest, no 微擎 cashier', str_contains($html, "getBrandWCPayRequest") && !str_contains($html, 'name="plid"')
    && GlueSite::phpErrors($html) === '', GlueSite::message($html) . GlueSite::phpErrors($html) . substr(strip_tags($html), 0, 200));
echo 'pay parameters: ', implode(',', array_keys($pay ?? [])), "\n";
echo 'appId ', $pay['appId'] ?? '', ', signType ', $pay['signType'] ?? '', ', package ', preg_match('/^prepay_id=wx\w+$/', $pay['package'] ?? '') ? 'prepay_id=wx…' : 'bad', "\n";
echo 'paySign verifies with the merchant public key: ', openssl_verify("{$pay['appId']}\n{$pay['timeStamp']}\n{$pay['nonceStr']}\n{$pay['package']}\n",
    base64_decode($pay['paySign']), WX_TEST_PUB, OPENSSL_ALGO_SHA256), "\n";
$orders = array_values(array_filter(ca_fake_received($fake, 'wxpay'), fn ($r) => $r['path'] === '/v3/pay/transactions/jsapi'));
$req = json_decode($orders[0]['body'] ?? '{}', true);
$tid = $req['out_trade_no'] ?? '';
echo 'prepay ordered: ', count($orders), ', payer ', $req['payer']['openid'] ?? '', ', amount ', $req['amount']['total'] ?? '', ', verified ',
    var_export($orders[0]['verified'] ?? false, true), "\n";
glue_check('the result page URL names the bill and the intent', str_contains($done, 'op=payresult') && str_contains($done, 'tid=' . $tid), $done);

// ---- not paid yet: the result page asks WeChat Pay and says so
$r = $site->get($site->absolute($site->app('bills'), $done));
glue_check('before paying: 支付结果确认中', str_contains($r, '支付结果确认中') && !str_contains($r, '<h2 class="weui-msg__title" id="wxpay-result-title">已支付'), substr(strip_tags($r), 0, 200));
echo 'after the query: ', $payments($bill1), "\n";

// ---- another company's bill, and the mini-program
$site->asFan('oPAY_y');
$html = $site->get($site->app('bills', ['op' => 'pay', 'id' => $bill1]));
glue_check("another company's bill cannot be paid", GlueSite::message($html) !== '' && !str_contains($html, 'data-pay='), GlueSite::message($html));
[$st, $body] = $site->request($site->app('bills', ['a' => 'wxapp', 'op' => 'pay']), ['id' => $bill1], [], ['X-Requested-With: XMLHttpRequest']);
$j = json_decode($body, true);
glue_check("nor from the mini-program", ($j['errno'] ?? 0) === 1, $body);
$site->asFan('oPAY_x');
[$st, $body] = $site->request($site->app('bills', ['a' => 'wxapp', 'op' => 'pay']), ['id' => $bill1], [], ['X-Requested-With: XMLHttpRequest']);
$j = json_decode($body, true);
glue_check('the mini-program gets the same intent, signed for wx.requestPayment', ($j['errno'] ?? 1) === 0 && $j['data']['channel'] === 'wechat_v3'
    && $j['data']['tid'] === $tid && $j['data']['pay']['package'] === $pay['package'] && $j['data']['pay']['signType'] === 'RSA', $body);

// ---- WeChat Pay's notify settles once; the result page shows 已支付
$n = ca_fake_call($fake, '/_wxpay/pay', ['out_trade_no' => $tid, 'deliver_to' => $notifyUrl]);
echo 'notify delivered: ', $n['delivered'], ', ', $payments($bill1), "\n";
$again = ca_fake_call($fake, '/_wxpay/notify', ['event_type' => 'TRANSACTION.SUCCESS', 'original_type' => 'transaction',
    'deliver_to' => $notifyUrl, 'resource' => ['mchid' => '1900000001', 'appid' => 'wxfake0000000001', 'out_trade_no' => $tid,
    'transaction_id' => $req['out_trade_no'] . 'X', 'trade_state' => 'SUCCESS', 'payer' => ['openid' => 'oPAY_x'], 'amount' => ['total' => 30000]]]);
echo 'replayed: ', $again['delivered'], ', ', $payments($bill1), "\n";
$r = $site->get($site->absolute($site->app('bills'), $done));
glue_check('the result page shows 已支付', str_contains($r, 'id="wxpay-result-title">已支付'), substr(strip_tags($r), 0, 200));
$html = $site->get($site->app('bills', ['op' => 'pay', 'id' => $bill1]));
glue_check('a paid bill is not paid again', str_contains(GlueSite::message($html), '无需支付'), GlueSite::message($html));

// ---- a late notify: the result page's query settles the bill; the notify afterwards changes nothing
[, $pay2, $done2] = $payPage($bill2);
$tid2 = preg_match('/tid=([^&]+)/', $done2, $m) ? $m[1] : '';
$n2 = ca_fake_call($fake, '/_wxpay/pay', ['out_trade_no' => $tid2]); // paid at WeChat Pay, the notify not sent yet
[, $stateBody] = $site->request($site->app('bills', ['op' => 'paystate', 'kind' => 'bill', 'id' => $bill2, 'tid' => $tid2]));
$s = json_decode($stateBody, true);
echo 'poll: paid ', var_export($s['paid'] ?? null, true), ', trade_state ', $s['trade_state'] ?? '', ', ', $payments($bill2), "\n";
$late = ca_fake_call($fake, '/_wxpay/pay', ['out_trade_no' => $tid2, 'deliver_to' => $notifyUrl]);
echo 'late notify: ', $late['delivered'], ', ', $payments($bill2), "\n";
$r = $site->get($site->absolute($site->app('bills'), $done2));
glue_check('the second result page shows 已支付', str_contains($r, 'id="wxpay-result-title">已支付'), substr(strip_tags($r), 0, 200));
$list = $site->get($site->app('bills', ['status' => 'all']));
glue_check('both bills 已缴清 on the bills page', substr_count($list, '已缴清') >= 2, substr(strip_tags($list), 0, 300));

// ---- 微擎 mode keeps its cashier
$set('payment_mode', 'weengine');
$bill3 = $billing->issue($admin, $x, ['amount_fen' => 500, 'title' => '其他费用', 'due_date' => $due, 'key' => 'b3']);
$html = $site->get($site->app('bills', ['op' => 'pay', 'id' => $bill3]));
glue_check('微擎 mode: the cashier', str_contains($html, 'name="plid"') && !str_contains($html, 'getBrandWCPayRequest'), substr(strip_tags($html), 0, 200));
ca_fake_stop($fake);
echo 'server log errors: ', preg_match('/(Fatal error|Warning|Deprecated|Uncaught)[^\n]*/', $site->serverLog(), $mm) ? $mm[0] : 'none', "\n";
echo 'the APIv3 key and the private key are never logged: ', var_export(!str_contains($site->serverLog(), $apiv3) && !str_contains($site->serverLog(), 'PRIVATE KEY'), true), "\n";
?>
--EXPECT--
ok the bills page links 支付 for the open bill
ok the pay page calls getBrandWCPayRequest, no 微擎 cashier
pay parameters: appId,timeStamp,nonceStr,package,signType,paySign
appId wxfake0000000001, signType RSA, package prepay_id=wx…
paySign verifies with the merchant public key: 1
prepay ordered: 1, payer oPAY_x, amount 30000, verified true
ok the result page URL names the bill and the intent
ok before paying: 支付结果确认中
after the query: 0/open
ok another company's bill cannot be paid
ok nor from the mini-program
ok the mini-program gets the same intent, signed for wx.requestPayment
notify delivered: 204, 1/paid
replayed: 204, 1/paid
ok the result page shows 已支付
ok a paid bill is not paid again
poll: paid true, trade_state SUCCESS, 2/paid
late notify: 204, 2/paid
ok the second result page shows 已支付
ok both bills 已缴清 on the bills page
ok 微擎 mode: the cashier
server log errors: none
the APIv3 key and the private key are never logged: true
