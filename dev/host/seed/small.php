<?php
/**
 * The small demo firm (dev/host/seed.php SITE, the default): what the glue and browser tests
 * rely on — 2 stores, 5 staff (3 bound to WeChat fans), 6 client companies with exclusive
 * accountants, 3 contacts bound by invite codes, one pending self-registration, a few catalogue
 * services, a handful of orders, jobs, bills, payments, ratings, complaints and books, all made
 * "now". Included by dev/host/seed.php, which provides $store, $admin, $stores, $staff, $clients,
 * $contacts, seed_credit_code() and seed_fan().
 */

declare(strict_types=1);

use CloudAcct\Actor;

$north = $stores->create($admin, ['name' => '海淀总店', 'address' => '北京市海淀区中关村大街 1 号', 'phone' => '010-88886666', 'sort' => 1]);
$south = $stores->create($admin, ['name' => '朝阳门店', 'address' => '北京市朝阳区建国路 88 号', 'phone' => '010-66668888', 'sort' => 2]);

$people = [
    ['王芳', '13800000001', '主办会计', $north, ['记账', '报税'], 'oDEMO_staff_wangfang'],
    ['李强', '13800000002', '税务会计', $north, ['报税', '工商'], 'oDEMO_staff_liqiang'],
    ['张敏', '13800000003', '记账会计', $south, ['记账'], 'oDEMO_staff_zhangmin'],
    ['赵磊', '13800000004', '外勤', $south, ['工商', '银行'], null],
    ['陈静', '13800000005', '助理会计', $north, ['记账'], null],
];
$staffIds = [];
foreach ($people as [$name, $phone, $title, $storeId, $skills, $openid]) {
    $id = $staff->create($admin, ['name' => $name, 'phone' => $phone, 'title' => $title, 'store_id' => $storeId,
        'skills' => $skills, 'wechat' => 'wx_' . $phone, 'hired_at' => strtotime('-2 years')]);
    $staffIds[] = $id;
    if ($openid !== null) {
        seed_fan($openid, $name);
        $staff->bindByCode($openid, $staff->issueBindCode($admin, $id), '127.0.0.1');
    }
}

$companies = [
    ['北京星辰科技有限公司', '91110108MA01AB3C1', 'general', '软件和信息技术服务', $north, 0],
    ['北京禾木餐饮管理有限公司', '91110105MA01CD5E2', 'small', '餐饮', $south, 2],
    ['北京远航国际贸易有限公司', '91110101MA01EF7G3', 'general', '批发和零售', $north, 1],
    ['北京青禾文化传媒工作室', '', 'small', '文化传媒', $south, 2],
    ['北京安居物业服务有限公司', '91110106MA01GH9J4', 'small', '物业管理', $north, 0],
    ['北京优品电子商务有限公司', '91110102MA01JK2L5', 'small', '电子商务', $north, 1],
];
$clientIds = [];
foreach ($companies as [$name, $body, $taxpayer, $industry, $storeId, $acct]) {
    $data = ['name' => $name, 'taxpayer_type' => $taxpayer, 'industry' => $industry, 'store_id' => $storeId,
        'accountant_id' => $staffIds[$acct], 'address' => '北京市', 'tags' => [$taxpayer === 'general' ? '一般纳税人' : '小规模']];
    if ($body !== '') {
        $data['credit_code'] = seed_credit_code($body);
    }
    $clientIds[] = $clients->create($admin, $data);
}

$contactsPlan = [
    ['oDEMO_client_liuyang', '刘洋', '13900000001', [0, 2]],
    ['oDEMO_client_sunli', '孙丽', '13900000002', [1]],
    ['oDEMO_client_zhouqi', '周琪', '13900000003', [4]],
];
foreach ($contactsPlan as [$openid, $name, $phone, $which]) {
    seed_fan($openid, $name);
    foreach ($which as $i) {
        $code = $contacts->issueInvite($admin, $clientIds[$i], 'owner');
        $contacts->bindByInvite($openid, $code, $name, $phone, '127.0.0.1');
    }
}
seed_fan('oDEMO_fan_register', '吴女士');
$contacts->register('oDEMO_fan_register', '吴女士', '13700000009', '北京新芽咨询有限公司', null, '127.0.0.1');

if (class_exists(CloudAcct\Work\Catalog::class)) {
    $catalog = new CloudAcct\Work\Catalog($store);
    $books = $catalog->saveCategory($admin, ['name' => '代理记账', 'sort' => 1]);
    $biz = $catalog->saveCategory($admin, ['name' => '工商服务', 'sort' => 2]);
    $catalog->createService($admin, ['title' => '小规模纳税人代理记账', 'category_id' => $books, 'price_fen' => 20000,
        'price_type' => 'monthly', 'summary' => '每月记账、报税、账簿装订', 'description' => "含：\n1. 每月记账\n2. 增值税、个税申报\n3. 年度汇算清缴",
        'on_sale' => true, 'sort' => 1, 'dispatch_mode' => 'exclusive', 'skill' => '记账']);
    $catalog->createService($admin, ['title' => '一般纳税人代理记账', 'category_id' => $books, 'price_fen' => 50000,
        'price_type' => 'monthly', 'summary' => '适合有进项抵扣的企业', 'on_sale' => true, 'sort' => 2, 'dispatch_mode' => 'exclusive', 'skill' => '记账']);
    $catalog->createService($admin, ['title' => '公司注册', 'category_id' => $biz, 'price_fen' => 80000, 'price_type' => 'one_off',
        'summary' => '核名、营业执照、刻章、银行开户指导', 'on_sale' => true, 'sort' => 1, 'dispatch_mode' => 'grab', 'skill' => '工商']);
    $catalog->createService($admin, ['title' => '工商变更', 'category_id' => $biz, 'price_fen' => 30000, 'price_type' => 'one_off',
        'summary' => '法人、股东、地址、经营范围变更', 'on_sale' => true, 'sort' => 2, 'dispatch_mode' => 'grab', 'skill' => '工商']);
}
// orders, jobs and money, so the work and money pages show data
$work = '';
if (class_exists(CloudAcct\Ledger\Payments::class) && isset($catalog)) {
    $system = Actor::system('127.0.0.1');
    $orders = new CloudAcct\Work\Orders($store);
    $jobs = new CloudAcct\Work\Jobs($store);
    $payments = new CloudAcct\Ledger\Payments($store);
    $services = [];
    foreach ($catalog->services($admin, [], 1, 50)['items'] as $svc) {
        $services[$svc['title']] = (int) $svc['id'];
    }
    $contactOf = fn (string $openid) => Actor::client($contacts->resolveByOpenid($openid), '127.0.0.1');
    $liuyang = $contactOf('oDEMO_client_liuyang');
    $sunli = $contactOf('oDEMO_client_sunli');
    $zhouqi = $contactOf('oDEMO_client_zhouqi');
    // paid through 微擎's payment path: checkout, then the notify's payResult
    $payOrder = function (Actor $who, array $order) use ($payments, $system): void {
        $intent = $payments->checkout($who, $order['client_id'], ['order_id' => $order['id']]);
        // 微擎's paylog of the payment, as its cashier and notify leave it
        pdo_insert('core_paylog', ['type' => 'wechat', 'uniacid' => 1, 'acid' => 1, 'openid' => 'seed', 'uniontid' => 'seed' . $intent['tid'],
            'tid' => $intent['tid'], 'fee' => $intent['fee'], 'card_fee' => $intent['fee'], 'status' => 1, 'module' => 'cloudacct']);
        $payments->weengineResult($system, ['tid' => $intent['tid'], 'fee' => $intent['fee'], 'from' => 'notify', 'result' => 'success',
            'type' => 'wechat', 'uniontid' => 'seed' . $intent['tid'], 'transaction_id' => '4200seed' . $intent['id'], 'user' => 'seed']);
    };
    // in the grab pool: a paid 公司注册 (北京远航) and a free request (北京安居)
    $payOrder($liuyang, $orders->place($liuyang, $clientIds[2], $services['公司注册'], ['title' => '新设分公司注册', 'description' => '在朝阳区设立分公司']));
    $jobs->request($zhouqi, $clientIds[4], ['title' => '申领增值税专用发票', 'type' => '申领发票', 'description' => '本月需开具专票 3 张', 'urgency' => 1]);
    // escalated: a job the admin must assign
    $jobs->create($admin, $clientIds[3], ['title' => '银行开户资料准备', 'type' => '银行开户', 'dispatch_mode' => 'direct', 'skill' => '银行']);
    // in progress with progress entries: 工商变更 for 北京星辰, grabbed by 李强
    $order = $orders->place($liuyang, $clientIds[0], $services['工商变更'], ['title' => '变更注册地址', 'description' => '新地址：海淀区学院路 5 号']);
    $payOrder($liuyang, $order);
    $jobId = $orders->get($admin, $order['id'])['job_id'];
    $liqiang = Actor::staff($staffIds[1], '127.0.0.1');
    $jobs->grab($liqiang, $jobId);
    $jobs->start($liqiang, $jobId);
    $jobs->addProgress($liqiang, $jobId, '已预约工商局窗口，下周二提交材料');
    $jobs->addProgress($liqiang, $jobId, '客户租赁合同待盖章（内部）', true);
    // waiting for payment
    $orders->place($sunli, $clientIds[1], $services['工商变更'], ['title' => '股东变更']);
    // fee plans, three months of bills, an offline payment and an online one
    $plans = new CloudAcct\Ledger\Plans($store);
    $billing = new CloudAcct\Ledger\Billing($store);
    $now = CloudAcct\Clock::now() + 8 * 3600;
    $start = gmdate('Y-m', gmmktime(0, 0, 0, (int) gmdate('n', $now) - 2, 1, (int) gmdate('Y', $now)));
    foreach ([[0, 50000], [1, 20000], [2, 50000], [4, 20000]] as [$i, $fen]) {
        $plans->create($admin, $clientIds[$i], ['title' => '代理记账费', 'amount_fen' => $fen, 'cycle' => 'monthly', 'start' => $start]);
    }
    for ($m = 2; $m >= 0; $m--) {
        $billing->run($admin, gmdate('Y-m', gmmktime(0, 0, 0, (int) gmdate('n', $now) - $m, 1, (int) gmdate('Y', $now))));
    }
    $payments->recordOffline($admin, $clientIds[0], 100000, 'BANK-20260901', ['method' => 'transfer', 'payer' => '北京星辰科技有限公司']);
    $intent = $payments->checkout($zhouqi, $clientIds[4], ['amount_fen' => 20000]);
    $payments->weengineResult($system, ['tid' => $intent['tid'], 'fee' => $intent['fee'], 'from' => 'notify', 'result' => 'success',
        'type' => 'wechat', 'uniontid' => 'seed' . $intent['tid'], 'transaction_id' => '4200seedacct', 'user' => 'oDEMO_client_zhouqi']);
    $work = ', 3 orders, 4 jobs, 4 fee plans with 3 months of bills, 2 payments';
}
// quality: finished jobs, ratings (a 差评 opens a follow-up), complaints in each state, one done job left to rate
if (class_exists(CloudAcct\Quality\Ratings::class) && isset($jobs, $liuyang)) {
    $ratings = new CloudAcct\Quality\Ratings($store);
    $complaints = new CloudAcct\Quality\Complaints($store);
    $finish = function (int $clientIdx, string $title, int $staffIdx) use ($jobs, $admin, $clientIds, $staffIds): int {
        $id = $jobs->create($admin, $clientIds[$clientIdx], ['title' => $title, 'type' => '其他', 'dispatch_mode' => 'direct',
            'assignee_id' => $staffIds[$staffIdx]]);
        $who = Actor::staff($staffIds[$staffIdx], '127.0.0.1');
        $jobs->start($who, $id);
        $jobs->complete($who, $id, '已办结');
        return $id;
    };
    [$d1, $d2, $d3] = $ratings->dimensions() + ['', '', ''];
    $j1 = $finish(0, '上月记账报税', 0);
    $ratings->rate($liuyang, $j1, 'good', [$d1 => 5, $d2 => 5, $d3 => 4], '王会计很专业，回复也及时');
    $j2 = $finish(2, '年报公示', 1);
    $ratings->rate($liuyang, $j2, 'bad', [$d1 => 2, $d2 => 1, $d3 => 2], '拖了一周才办好，催了好几次');
    $j3 = $finish(4, '税务登记信息变更', 0);
    $ratings->rate($zhouqi, $j3, 'neutral', [$d1 => 4, $d2 => 3, $d3 => 3]);
    $finish(0, '社保账户开户', 1); // done, not rated yet: 刘洋 can rate it
    $c1 = $complaints->file($liuyang, ['client_id' => $clientIds[0], 'job_id' => $j1, 'description' => '会计电话经常打不通，希望能及时回复']);
    $c2 = $complaints->file($liuyang, ['client_id' => $clientIds[2], 'job_id' => $j2, 'description' => '年报公示拖延了一周，影响了投标']);
    $complaints->process($admin, $c2, '已联系李强了解情况');
    $c3 = $complaints->file($zhouqi, ['client_id' => $clientIds[4], 'job_id' => $j3, 'description' => '变更后的税务信息有一处填错了']);
    $complaints->resolve($admin, $c3, '已更正税务登记信息，并向您致歉');
    $c4 = $complaints->file($sunli, ['client_id' => $clientIds[1], 'description' => '发票邮寄地址写错了，收件延误']);
    $complaints->resolve($admin, $c4, '已重新寄出，快递单号已短信告知');
    $complaints->close($sunli, $c4, '已收到，谢谢');
    $work .= ', 4 done jobs, 3 ratings, 4 complaints';
}
// books: last month's books of 北京星辰 published, asking 刘洋 to confirm the tax; a draft for 北京远航
if (class_exists(CloudAcct\Books\Books::class)) {
    $bk = new CloudAcct\Books\Books($store);
    $bnow = CloudAcct\Clock::now() + 8 * 3600;
    $last = gmdate('Y-m', gmmktime(0, 0, 0, (int) gmdate('n', $bnow) - 1, 1, (int) gmdate('Y', $bnow)));
    $wangfang = Actor::staff($staffIds[0], '127.0.0.1');
    $bid = $bk->save($wangfang, $clientIds[0], $last, ['lines' => ['revenue' => 58620000, 'cost' => 41235000, 'profit' => 17385000,
        'vat' => 762060, 'income_tax' => 434625, 'bank_balance' => 126543210, 'remark' => '本月收入主要来自软件服务合同'],
        'note' => "请核对应交税额，确认后我们将按期申报。", 'require_confirm' => true]);
    $bk->publish($wangfang, $bid);
    $bk->save(Actor::staff($staffIds[1], '127.0.0.1'), $clientIds[2], $last, ['lines' => ['revenue' => 12000000, 'vat' => 156000]]);
}
echo 'seed: 2 stores, ' . count($staffIds) . ' staff, ' . count($clientIds) . " client companies, 3 contacts, 1 registration$work\n";
