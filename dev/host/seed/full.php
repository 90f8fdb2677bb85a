<?php
/**
 * The demo's realistic firm (dev/host/seed.php SITE --firm full): 3 stores, 12 staff (3 store
 * admins as 微擎 backend users limited to their store), about 200 client companies and a year of
 * work and money, all through the extension's API, made by walking CloudAcct\Clock forward from
 * a year ago to now. Every action is an event at its own time in one queue; the scheduler pass
 * (the module's cloudacct_scheduler_pass(): work, billing run of the month, dunning, complaints,
 * notices) runs at 08:30, 12:30 and 17:30 China time on workdays and 10:30 on weekends, so grab
 * windows expire, SLAs breach, bills are issued on the 1st, reminders go out on their steps and
 * done jobs close at their real times.
 * The last day's notices are left queued for the demo's scheduler (and its fake WeChat server).
 *
 * Deterministic: mt_srand() with a fixed seed; what changes from run to run is only "now".
 * The small firm's stores, staff, companies and contacts (dev/host/seed/small.php) come first,
 * under the same names, openids and ids, so what the smoke check and tests name exists here too.
 *
 * Included by dev/host/seed.php, which provides $store, $admin, $stores, $staff, $clients,
 * $contacts, $seedNow, $seedStart (the clock is frozen there), seed_credit_code() and seed_fan().
 */

declare(strict_types=1);

use CloudAcct\Actor;
use CloudAcct\Clock;

$t0 = microtime(true);
mt_srand(20261127);
const SEED_IP = '127.0.0.1';
const CN = 8 * 3600;

/* ------------------------------------------------------------------ time helpers (China time) */

function cn_day(int $t): int
{
    return intdiv($t + CN, 86400) * 86400 - CN;
}
function cn_hour(int $t): int
{
    return (int) gmdate('G', $t + CN);
}
function cn_wday(int $t): int
{
    return (int) gmdate('w', $t + CN);
}
function cn_period(int $t, int $plusMonths = 0): string
{
    $y = (int) gmdate('Y', $t + CN);
    $m = (int) gmdate('n', $t + CN) + $plusMonths;
    return gmdate('Y-m', gmmktime(0, 0, 0, $m, 1, $y));
}
/** The instant of China time $y-$m-$d $h:$i (overflowing days/months roll over). */
function cn_time(int $y, int $m, int $d, int $h = 0, int $i = 0): int
{
    return gmmktime($h, $i, 0, $m, $d, $y) - CN;
}
function cn_is_workday(int $t): bool
{
    $w = cn_wday($t);
    return $w !== 0 && $w !== 6;
}
/** $t if it is within working hours (09:00–18:00 on a workday), else a moment early on the next working morning. */
function at_work(int $t): int
{
    $h = cn_hour($t);
    if (cn_is_workday($t) && $h >= 9 && $h < 18) {
        return $t;
    }
    $d = cn_day($t) + ($h >= 9 ? 86400 : 0);
    while (!cn_is_workday($d)) {
        $d += 86400;
    }
    return $d + 9 * 3600 + mt_rand(0, 75) * 60;
}
/** $t moved into the waking hours (08:00–22:00) a client acts in. */
function at_awake(int $t): int
{
    $h = cn_hour($t);
    if ($h >= 8 && $h < 22) {
        return $t;
    }
    return cn_day($t) + ($h >= 22 ? 86400 : 0) + 8 * 3600 + mt_rand(0, 180) * 60;
}
function chance(float $p): bool
{
    return mt_rand() / mt_getrandmax() < $p;
}
function pick(array $a)
{
    return $a[array_rand_seeded($a)];
}
function array_rand_seeded(array $a)
{
    $keys = array_keys($a);
    return $keys[mt_rand(0, count($keys) - 1)];
}
/** $p[key] => weight: one key. */
function weighted(array $p)
{
    $r = mt_rand(1, array_sum($p));
    foreach ($p as $k => $w) {
        if (($r -= $w) <= 0) {
            return $k;
        }
    }
    return array_key_last($p);
}

/* ------------------------------------------------------------------ files people upload */

/** A small valid PNG: a light card with a coloured header band and a few text-like bars (no GD needed). */
function seed_png(int $w, int $h, array $band): string
{
    $raw = '';
    for ($y = 0; $y < $h; $y++) {
        $raw .= "\0";
        for ($x = 0; $x < $w; $x++) {
            $line = $y > 40 && ($y - 40) % 18 < 6 && $x > 16 && $x < $w - 16 - (($y * 7) % 60);
            $px = $y < 30 ? $band : ($line ? [150, 160, 175] : [246, 248, 250]);
            $raw .= pack('C3', ...$px);
        }
    }
    $chunk = fn (string $type, string $data) => pack('N', strlen($data)) . $type . $data . pack('N', crc32($type . $data));
    return "\x89PNG\r\n\x1a\n" . $chunk('IHDR', pack('NNCCCCC', $w, $h, 8, 2, 0, 0, 0)) . $chunk('IDAT', gzcompress($raw)) . $chunk('IEND', '');
}

/** A one-page PDF with a line of (ASCII) text. */
function seed_pdf(string $text): string
{
    $stream = "BT /F1 18 Tf 60 760 Td ($text) Tj ET";
    $objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        '<< /Length ' . strlen($stream) . " >>\nstream\n$stream\nendstream", '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
    $pdf = "%PDF-1.4\n";
    $offsets = [];
    foreach ($objects as $i => $o) {
        $offsets[] = strlen($pdf);
        $pdf .= ($i + 1) . " 0 obj\n$o\nendobj\n";
    }
    $xref = strlen($pdf);
    $pdf .= "xref\n0 " . (count($objects) + 1) . "\n0000000000 65535 f \n";
    foreach ($offsets as $off) {
        $pdf .= sprintf("%010d 00000 n \n", $off);
    }
    return $pdf . "trailer\n<< /Size " . (count($objects) + 1) . " /Root 1 0 R >>\nstartxref\n$xref\n%%EOF\n";
}

/** Stores a file the way the module's upload does (微擎's file_upload under attachment/); returns the attachment path. */
function seed_upload(string $name, string $bytes, string $type): string
{
    defined('WE7_HOST_ALLOW_LOCAL_UPLOAD') or define('WE7_HOST_ALLOW_LOCAL_UPLOAD', true); // a local file, not an HTTP upload
    $tmp = tempnam(sys_get_temp_dir(), 'cloudacct-seed');
    file_put_contents($tmp, $bytes);
    $r = file_upload(['name' => $name, 'type' => '', 'tmp_name' => $tmp, 'error' => 0, 'size' => strlen($bytes)], $type);
    if (is_error($r)) {
        @unlink($tmp);
        throw new RuntimeException("seed: storing $name failed: " . $r['message']);
    }
    return $r['path'];
}

/* ------------------------------------------------------------------ the event queue */

final class SeedSim
{
    private SplPriorityQueue $q;
    private int $seq = 0;
    public int $events = 0;
    /** kind => [exception class => count]: actions the rules refused (a race the firm would also lose). */
    public array $refused = [];
    /** kind => seconds spent */
    public array $timing = [];

    public function __construct(public int $end)
    {
        $this->q = new SplPriorityQueue();
    }

    /** Runs $fn at $t (dropped when past the end: it has not happened yet). */
    public function at(int $t, string $kind, callable $fn): void
    {
        if ($t > $this->end) {
            return;
        }
        $this->q->insert([$t, $kind, $fn], [-$t, -$this->seq++]);
    }

    public function run(): void
    {
        $verbose = getenv('SEED_VERBOSE') !== false;
        $month = '';
        $start = microtime(true);
        while (!$this->q->isEmpty()) {
            [$t, $kind, $fn] = $this->q->extract();
            if ($verbose && gmdate('Y-m', $t + CN) !== $month) {
                $month = gmdate('Y-m', $t + CN);
                fprintf(STDERR, "seed: %s at %.1f s, %d events\n", $month, microtime(true) - $start, $this->events);
            }
            if ($t > Clock::now()) {
                Clock::freeze($t);
            }
            $s = microtime(true);
            try {
                $fn($t);
            } catch (CloudAcct\ConflictException | CloudAcct\ForbiddenException $e) {
                // e.g. a grab after the window expired, a second "remind now" the same day
                $this->refused[$kind][get_class($e)] = ($this->refused[$kind][get_class($e)] ?? 0) + 1;
            }
            $this->timing[$kind] = ($this->timing[$kind] ?? 0) + microtime(true) - $s;
            $this->events++;
        }
    }
}

/* ------------------------------------------------------------------ the firm */

$sim = new SeedSim($seedNow - 60);
$settings = new CloudAcct\Settings($store);
$catalog = new CloudAcct\Work\Catalog($store);
$orders = new CloudAcct\Work\Orders($store);
$jobs = new CloudAcct\Work\Jobs($store);
$plans = new CloudAcct\Ledger\Plans($store);
$billing = new CloudAcct\Ledger\Billing($store);
$payments = new CloudAcct\Ledger\Payments($store);
$dunning = new CloudAcct\Ledger\Dunning($store);
$ratings = new CloudAcct\Quality\Ratings($store);
$complaints = new CloudAcct\Quality\Complaints($store);
$books = new CloudAcct\Books\Books($store);
$system = Actor::system(SEED_IP);
$workScheduler = new CloudAcct\Work\Scheduler($store);
$sender = new CloudAcct\Notices\Sender($store);

$storeDefs = [
    ['海淀总店', '北京市海淀区中关村大街 1 号', '010-88886666', '110108', 'haidian'],
    ['朝阳门店', '北京市朝阳区建国路 88 号', '010-66668888', '110105', 'chaoyang'],
    ['西城门店', '北京市西城区金融大街 27 号', '010-66001234', '110102', 'xicheng'],
];
$storeIds = $storeAdmin = $storeRegion = [];
foreach ($storeDefs as $i => [$name, $addr, $phone, $region, $login]) {
    $sid = $stores->create($admin, ['name' => $name, 'address' => $addr, 'phone' => $phone, 'sort' => $i + 1]);
    $storeIds[] = $sid;
    $storeRegion[$sid] = $region;
    // the store's admin: a 微擎 backend user (operator of the account) limited to this store
    if (!($u = pdo_get('users', ['username' => $login]))) {
        pdo_insert('users', ['founder_groupid' => 0, 'username' => $login, 'status' => 2, 'joindate' => $seedStart,
            'remark' => $name . '店长（只管理本门店）']);
        $uid = (int) pdo_insertid();
        pdo_insert('uni_account_users', ['uniacid' => 1, 'uid' => $uid, 'role' => 'operator']);
    } else {
        $uid = (int) $u['uid'];
    }
    $stores->setAdminScope($admin, $uid, [$sid]);
    $storeAdmin[$sid] = Actor::admin($uid, SEED_IP);
}
[$haidian, $chaoyang, $xicheng] = $storeIds;

// 12 staff; the first five are the small firm's (same order, so the same ids)
$people = [
    ['王芳', '13800000001', '主办会计', $haidian, ['记账', '报税'], 'oDEMO_staff_wangfang', 'acct'],
    ['李强', '13800000002', '税务会计', $haidian, ['报税', '工商'], 'oDEMO_staff_liqiang', 'acct'],
    ['张敏', '13800000003', '记账会计', $chaoyang, ['记账'], 'oDEMO_staff_zhangmin', 'acct'],
    ['赵磊', '13800000004', '外勤', $chaoyang, ['工商', '银行'], null, 'field'],
    ['陈静', '13800000005', '助理会计', $haidian, ['记账'], null, 'acct'],
    ['刘婷', '13800000006', '出纳', $haidian, ['收款'], 'oDEMO_staff_liuting', 'cashier'],
    ['黄伟', '13800000007', '外勤', $haidian, ['工商', '银行', '社保'], 'oDEMO_staff_huangwei', 'field'],
    ['杨洁', '13800000008', '主办会计', $chaoyang, ['记账', '报税'], 'oDEMO_staff_yangjie', 'acct'],
    ['吴超', '13800000009', '税务会计', $chaoyang, ['报税', '工商'], null, 'acct'],
    ['郑丽', '13800000010', '主办会计', $xicheng, ['记账', '报税'], 'oDEMO_staff_zhengli', 'acct'],
    ['孙浩', '13800000011', '记账会计', $xicheng, ['记账', '报税'], null, 'acct'],
    ['马俊', '13800000012', '外勤', $xicheng, ['工商', '银行', '社保'], 'oDEMO_staff_majun', 'field'],
];
$staffIds = $staffStore = $accountantsOf = $fieldOf = $staffByStore = [];
// how well each one works: the chance a rating of their work is good / bad
$quality = [0.9, 0.78, 0.85, 0.8, 0.82, 0.9, 0.75, 0.88, 0.8, 0.92, 0.7, 0.84];
foreach ($people as $k => [$name, $phone, $title, $sid, $skills, $openid, $role]) {
    $id = $staff->create($admin, ['name' => $name, 'phone' => $phone, 'title' => $title, 'store_id' => $sid,
        'skills' => $skills, 'wechat' => 'wx_' . $phone, 'hired_at' => $seedStart - (400 + 97 * $k) * 86400]);
    $staffIds[$k] = $id;
    $staffStore[$id] = $sid;
    if ($role !== 'cashier') {
        $staffByStore[$sid][] = $id; // who takes jobs (the cashier does not)
    }
    if ($role === 'acct') {
        $accountantsOf[$sid][] = $id;
    } elseif ($role === 'field') {
        $fieldOf[$sid][] = $id;
    }
    if ($openid !== null) {
        seed_fan($openid, $name);
        $staff->bindByCode($openid, $staff->issueBindCode($admin, $id), SEED_IP);
    }
}
$staffQuality = array_combine($staffIds, $quality);
$staffName = array_combine($staffIds, array_column($people, 0));

/* catalogue: the small firm's four services first */
$catBooks = $catalog->saveCategory($admin, ['name' => '代理记账', 'sort' => 1]);
$catBiz = $catalog->saveCategory($admin, ['name' => '工商服务', 'sort' => 2]);
$catTax = $catalog->saveCategory($admin, ['name' => '税务服务', 'sort' => 3]);
$catOther = $catalog->saveCategory($admin, ['name' => '社保与其他', 'sort' => 4]);
$serviceDefs = [
    ['小规模纳税人代理记账', $catBooks, 20000, 'monthly', '每月记账、报税、账簿装订', 'exclusive', '记账', 0],
    ['一般纳税人代理记账', $catBooks, 50000, 'monthly', '适合有进项抵扣的企业', 'exclusive', '记账', 0],
    ['公司注册', $catBiz, 80000, 'one_off', '核名、营业执照、刻章、银行开户指导', 'grab', '工商', 40],
    ['工商变更', $catBiz, 30000, 'one_off', '法人、股东、地址、经营范围变更', 'grab', '工商', 24],
    ['公司注销', $catBiz, 150000, 'one_off', '清算备案、税务注销、工商注销', 'direct', '工商', 80],
    ['年报公示', $catBiz, 20000, 'one_off', '国家企业信用信息公示系统年度报告', 'grab', '工商', 8],
    ['税务注销', $catTax, 60000, 'one_off', '清税证明办理', 'exclusive', '报税', 40],
    ['汇算清缴', $catTax, 100000, 'one_off', '企业所得税年度汇算清缴申报', 'exclusive', '报税', 24],
    ['社保开户', $catOther, 20000, 'one_off', '单位社保登记、公积金开户', 'grab', '社保', 16],
    ['审计报告', $catOther, 200000, 'one_off', '年度财务审计报告（合作会计师事务所出具）', 'direct', '', 80],
];
$services = [];
foreach ($serviceDefs as $k => [$title, $cat, $price, $ptype, $summary, $mode, $skill, $sla]) {
    $services[$title] = ['id' => $catalog->createService($admin, ['title' => $title, 'category_id' => $cat, 'price_fen' => $price,
        'price_type' => $ptype, 'summary' => $summary, 'description' => $summary . "。\n办理进度在“我的工单”中随时查看。", 'on_sale' => true,
        'sort' => $k + 1, 'dispatch_mode' => $mode, 'skill' => $skill, 'sla_hours' => $sla]), 'price' => $price, 'type' => $ptype];
}
$orderable = array_filter($services, fn ($s) => $s['type'] === 'one_off');

// a few files that progress posts, replies and requests carry
$files = [
    'license' => seed_upload('营业执照副本.png', seed_png(320, 200, [196, 40, 40]), 'image'),
    'id' => seed_upload('法人身份证.png', seed_png(280, 180, [60, 110, 190]), 'image'),
    'certificate' => seed_upload('完税证明.pdf', seed_pdf('Tax payment certificate - CloudAcct demo'), 'audio'),
    'invoice' => seed_upload('开票信息.pdf', seed_pdf('Invoice details - CloudAcct demo'), 'audio'),
    'social' => seed_upload('社保登记回执.pdf', seed_pdf('Social insurance registration receipt'), 'audio'),
];

/* ------------------------------------------------------------------ companies and their people */

$surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
    '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡'];
$given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平',
    '刚', '桂英', '建华', '文', '华', '红', '建国', '玉兰', '萍', '鹏', '辉', '宇', '浩', '晨', '欣', '悦', '子涵', '思远', '雨桐',
    '佳怡', '俊杰', '志强', '海燕', '晓东', '丹', '琳', '雪', '倩', '婷', '亮'];
$brands = ['华创', '鼎盛', '博远', '金桥', '云帆', '恒信', '瑞丰', '启明', '泰和', '嘉禾', '盛世', '天成', '汇通', '宏图', '众诚',
    '卓越', '鑫源', '明德', '立信', '弘毅', '新航', '同创', '锦程', '万象', '佳美', '晨曦', '创智', '东升', '和顺', '长青', '智汇',
    '聚力', '德润', '蓝海', '知行', '致远', '方圆', '正道', '银杏', '松柏', '山水', '清源', '海纳', '凯旋', '腾飞', '领航', '润丰'];
$kinds = [ // suffix, industry, taxpayer type (null = either), has a credit code
    ['科技有限公司', '软件和信息技术服务', null, true], ['餐饮管理有限公司', '餐饮', 'small', true], ['商贸有限公司', '批发和零售', null, true],
    ['文化传媒有限公司', '文化传媒', 'small', true], ['建筑工程有限公司', '建筑业', 'general', true], ['信息咨询有限公司', '商务服务', 'small', true],
    ['物流有限公司', '交通运输', 'general', true], ['设计工作室', '设计服务', 'small', false], ['电子商务有限公司', '电子商务', 'small', true],
    ['教育科技有限公司', '教育', 'small', true], ['医疗器械有限公司', '医疗器械', 'general', true], ['广告有限公司', '广告', 'small', true],
    ['物业管理有限公司', '物业管理', 'small', true], ['装饰工程有限公司', '装饰装修', 'small', true], ['生物科技有限公司', '生物医药', 'general', true],
];
$usedNames = [];
$personSeq = 0;
$usedPeople = [];
$personName = function () use ($surnames, $given, &$usedPeople): string {
    do {
        $n = pick($surnames) . pick($given);
    } while (isset($usedPeople[$n]) && count($usedPeople) < 1500);
    $usedPeople[$n] = true;
    return $n;
};
$orgChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';

$C = []; // client index => [id, name, store, accountant, taxpayer, contact ids, profile, method, plan]
$addCompany = function (array $data, int $sid) use (&$C, $clients, $storeAdmin, $accountantsOf) {
    $acct = $data['accountant_id'] ?? pick($accountantsOf[$sid]);
    $id = $clients->create($storeAdmin[$sid], ['store_id' => $sid, 'accountant_id' => $acct] + $data);
    $C[] = ['id' => $id, 'name' => $data['name'], 'store' => $sid, 'acct' => $acct, 'taxpayer' => $data['taxpayer_type'],
        'contacts' => [], 'profile' => 'prompt', 'method' => 'online', 'plan' => null, 'active' => true, 'done_jobs' => []];
    return count($C) - 1;
};
$newCompanyData = function (int $sid) use (&$usedNames, $brands, $kinds, $storeRegion, $orgChars): array {
    do {
        $kind = pick($kinds);
        $name = '北京' . pick($brands) . $kind[0];
    } while (isset($usedNames[$name]));
    $usedNames[$name] = true;
    $taxpayer = $kind[2] ?? (chance(0.45) ? 'general' : 'small');
    $data = ['name' => $name, 'taxpayer_type' => $taxpayer, 'industry' => $kind[1],
        'address' => '北京市' . ['110108' => '海淀区', '110105' => '朝阳区', '110102' => '西城区'][$storeRegion[$sid]] . pick(['学院路', '知春路', '望京街', '东三环中路', '德胜门外大街', '西直门外大街']) . mt_rand(1, 200) . ' 号',
        'tags' => [$taxpayer === 'general' ? '一般纳税人' : '小规模']];
    if ($kind[3]) {
        $org = 'MA0';
        for ($i = 0; $i < 6; $i++) {
            $org .= $orgChars[mt_rand(0, 30)];
        }
        $data['credit_code'] = seed_credit_code('91' . $storeRegion[$sid] . $org);
    }
    if (chance(0.15)) {
        $data['tags'][] = pick(['重点客户', '老客户', '需上门', '零申报', '出口退税']);
    }
    return $data;
};
$people_ = []; // contact id => [openid, name, phone]
$bindContact = function (int $ci, string $openid, string $name, string $phone, string $role = 'owner') use (&$C, &$people_, $contacts, $storeAdmin) {
    seed_fan($openid, $name);
    $code = $contacts->issueInvite($storeAdmin[$C[$ci]['store']], $C[$ci]['id'], $role);
    $cid = $contacts->bindByInvite($openid, $code, $name, $phone, SEED_IP);
    $people_[$cid] = [$openid, $name, $phone];
    $C[$ci]['contacts'][] = $cid;
    return $cid;
};

// the small firm's six companies and three contacts first
$small = [
    ['北京星辰科技有限公司', '91110108MA01AB3C1', 'general', '软件和信息技术服务', $haidian, 0],
    ['北京禾木餐饮管理有限公司', '91110105MA01CD5E2', 'small', '餐饮', $chaoyang, 2],
    ['北京远航国际贸易有限公司', '91110101MA01EF7G3', 'general', '批发和零售', $haidian, 1],
    ['北京青禾文化传媒工作室', '', 'small', '文化传媒', $chaoyang, 2],
    ['北京安居物业服务有限公司', '91110106MA01GH9J4', 'small', '物业管理', $haidian, 0],
    ['北京优品电子商务有限公司', '91110102MA01JK2L5', 'small', '电子商务', $haidian, 1],
];
foreach ($small as [$name, $body, $taxpayer, $industry, $sid, $acct]) {
    $usedNames[$name] = true;
    $data = ['name' => $name, 'taxpayer_type' => $taxpayer, 'industry' => $industry, 'accountant_id' => $staffIds[$acct],
        'address' => '北京市', 'tags' => [$taxpayer === 'general' ? '一般纳税人' : '小规模']];
    if ($body !== '') {
        $data['credit_code'] = seed_credit_code($body);
    }
    $addCompany($data, $sid);
}
$liuyang = $bindContact(0, 'oDEMO_client_liuyang', '刘洋', '13900000001');
$C[2]['contacts'][] = $contacts->bindByInvite('oDEMO_client_liuyang', $contacts->issueInvite($admin, $C[2]['id'], 'owner'), '刘洋', '13900000001', SEED_IP);
$bindContact(1, 'oDEMO_client_sunli', '孙丽', '13900000002');
$bindContact(4, 'oDEMO_client_zhouqi', '周琪', '13900000003');
$usedPeople += ['刘洋' => true, '孙丽' => true, '周琪' => true];
$nextPhone = 1000;
$addContacts = function (int $ci) use (&$C, &$nextPhone, &$personSeq, $bindContact, $personName): void {
    $personSeq++;
    $bindContact($ci, sprintf('oDEMO_client_%03d', $personSeq), $personName(), '139' . sprintf('%08d', $nextPhone++));
    if (chance(0.15)) {
        $personSeq++;
        $bindContact($ci, sprintf('oDEMO_client_%03d', $personSeq), $personName(), '139' . sprintf('%08d', $nextPhone++), 'finance');
    }
};
foreach ([3, 5] as $ci) {
    $addContacts($ci);
}
// 164 more companies the firm already served when it went live
for ($n = 0; $n < 164; $n++) {
    $sid = weighted([$haidian => 40, $chaoyang => 35, $xicheng => 25]);
    $ci = $addCompany($newCompanyData($sid), $sid);
    $addContacts($ci);
}
// a few owners of two companies
for ($n = 0; $n < 8; $n++) {
    $a = mt_rand(6, count($C) - 1);
    $b = mt_rand(6, count($C) - 1);
    if ($a === $b || !$C[$a]['contacts']) {
        continue;
    }
    $who = $people_[$C[$a]['contacts'][0]];
    $C[$b]['contacts'][] = $contacts->bindByInvite($who[0], $contacts->issueInvite($storeAdmin[$C[$b]['store']], $C[$b]['id'], 'owner'),
        $who[1], $who[2], SEED_IP);
}

/* ------------------------------------------------------------------ fee plans and payers */

$firstPeriod = cn_period($seedStart, 1);
$monthly = fn (array $c) => $c['taxpayer'] === 'general' ? pick([50000, 60000, 80000]) : pick([20000, 25000, 30000]);
$cycleMonths = ['monthly' => 1, 'quarterly' => 3, 'yearly' => 12];
$addPlan = function (int $ci, string $start) use (&$C, $plans, $storeAdmin, $monthly, $cycleMonths) {
    $c = $C[$ci];
    $cycle = weighted(['monthly' => 75, 'quarterly' => 15, 'yearly' => 10]);
    $per = $monthly($c);
    $amount = match ($cycle) { 'monthly' => $per, 'quarterly' => $per * 3, 'yearly' => $per * 11 };
    $id = $plans->create($storeAdmin[$c['store']], $c['id'], ['title' => '代理记账费', 'amount_fen' => $amount, 'cycle' => $cycle, 'start' => $start]);
    $C[$ci]['plan'] = ['id' => $id, 'cycle' => $cycle, 'months' => $cycleMonths[$cycle], 'start' => $start, 'amount' => $amount, 'per' => $per, 'end' => null];
};
$setProfile = function (int $ci) use (&$C): void {
    $C[$ci]['profile'] = weighted(['prompt' => 62, 'late' => 20, 'arrears' => 9, 'prepay' => 9]);
    $C[$ci]['method'] = chance(0.55) ? 'online' : 'offline';
    $C[$ci]['stop_after'] = mt_rand(6, 10); // an "arrears" payer stops paying from this month of the year on
};
foreach (array_keys($C) as $ci) {
    $addPlan($ci, $firstPeriod);
    $setProfile($ci);
}
// the small firm's companies pay like most: 北京星辰 promptly online (刘洋 sees receipts), 北京禾木 is in arrears
$C[0]['profile'] = 'prompt';
$C[0]['method'] = 'online';
$C[1]['profile'] = 'arrears';
$C[1]['stop_after'] = 8;

/* ------------------------------------------------------------------ what people do */

$contactActor = function (int $ci) use (&$C): Actor {
    return Actor::client($C[$ci]['contacts'][0], SEED_IP);
};
$staffActor = fn (int $id) => Actor::staff($id, SEED_IP);
$stats = array_fill_keys(['requests', 'orders', 'orders_paid', 'refunds', 'jobs_done', 'ratings', 'complaints', 'payments_online',
    'payments_offline', 'books', 'tax_confirmed', 'reminders_now', 'new_clients', 'handovers', 'followups_handled'], 0);
$jobInfo = []; // job id => [ci, refund, title]
$progressTexts = [
    '申领发票' => ['已收到开票信息，正在税务系统申领', '发票已申领，快递寄出（顺丰）'],
    '工商变更' => ['材料已准备，等客户签字', '已在政务服务网提交变更申请', '新营业执照已领取'],
    '社保开户' => ['已提交单位社保登记', '社保账户已开通，明细见附件'],
    '银行开户' => ['已预约银行网点', '开户资料已递交银行审核'],
    '税务咨询' => ['已电话沟通，书面答复见下', '政策依据已整理发给客户'],
    '开具证明' => ['已在电子税务局申请完税证明', '证明已开具，可在附件下载'],
    '公司注册' => ['核名已通过', '营业执照已下发', '公章、财务章已刻制'],
    '公司注销' => ['清算组备案已完成', '税务注销已受理', '工商注销已提交'],
    '年报公示' => ['年报信息已填报', '已在公示系统提交'],
    '税务注销' => ['清税申报已提交', '清税证明已取得'],
    '汇算清缴' => ['已核对全年账目', '汇算清缴申报已提交'],
    '审计报告' => ['审计资料清单已发客户', '审计师现场工作完成', '审计报告已出具'],
];
$requestTypes = ['申领发票' => 40, '工商变更' => 12, '社保开户' => 8, '银行开户' => 8, '税务咨询' => 20, '开具证明' => 12];
$requestTitles = [
    '申领发票' => ['申领增值税专用发票', '申领普通发票', '代开发票', '发票增量申请'],
    '工商变更' => ['变更注册地址', '变更经营范围', '法人变更咨询'],
    '社保开户' => ['新员工社保增员', '社保减员', '公积金开户'],
    '银行开户' => ['基本户开户', '一般户开户资料准备'],
    '税务咨询' => ['研发费用加计扣除咨询', '个税专项附加扣除问题', '小规模减免政策咨询', '出口退税咨询'],
    '开具证明' => ['开具完税证明', '开具纳税信用证明', '开具无欠税证明'],
];
$comments = [
    'good' => ['服务很专业，回复及时', '办得很快，谢谢', '会计很耐心，解释得很清楚', '一次就办好了，省心', ''],
    'neutral' => ['还可以，就是慢了点', '中间沟通了好几次', ''],
    'bad' => ['拖了一周才办好，催了好几次', '电话经常打不通', '材料来回跑了三趟', '结果有错，又重新办了一次'],
];

/** The assignee works a job to the end: start, progress, maybe a question to the client, done, then the client may rate. */
$work = function (int $jobId, int $staffId, int $t) use ($files, $sim, $jobs, &$jobInfo, $staffActor, $contactActor, $progressTexts,
    $ratings, $comments, $staffQuality, &$stats, &$C): void {
    $info = $jobInfo[$jobId];
    if ($info['refund']) {
        return;
    }
    $who = $staffActor($staffId);
    $ci = $info['ci'];
    $texts = $progressTexts[$info['type']] ?? ['已开始办理', '材料已提交'];
    $t = at_work($t + mt_rand(5, 150) * 60);
    $sim->at($t, 'job_start', function () use ($jobs, $who, $jobId) {
        $jobs->start($who, $jobId);
    });
    if (chance(0.03)) {
        return; // stuck: nobody posts progress, the scheduler flags it silent
    }
    $ask = chance(0.16);
    foreach ($texts as $k => $text) {
        $t = at_work($t + mt_rand(40, 60 * 26) * 60);
        $attach = match (true) {
            str_contains($text, '营业执照') => [$files['license']],
            str_contains($text, '社保') && str_contains($text, '附件') => [$files['social']],
            str_contains($text, '附件') || str_contains($text, '证明已') || str_contains($text, '清税证明') => [$files['certificate']],
            default => [],
        };
        $sim->at($t, 'job_progress', function () use ($jobs, $who, $jobId, $text, $attach) {
            $jobs->addProgress($who, $jobId, $text, false, $attach);
        });
        if ($k === 0 && chance(0.25)) {
            $sim->at($t + 120, 'job_progress', function () use ($jobs, $who, $jobId) {
                $jobs->addProgress($who, $jobId, '内部：已核对客户以往资料', true);
            });
        }
        if ($k === 0 && $ask) {
            $t = at_work($t + mt_rand(10, 240) * 60);
            $sim->at($t, 'job_ask', function () use ($jobs, $who, $jobId) {
                $jobs->askClient($who, $jobId, pick(['请提供营业执照副本照片', '请确认开票抬头和税号', '请上传法人身份证正反面', '请确认本月是否有未入账的收入']));
            });
            $t = at_awake($t + mt_rand(60, 60 * 50) * 60);
            $sim->at($t, 'job_reply', function () use ($jobs, $contactActor, $ci, $jobId, $files) {
                $reply = pick(['已上传，请查收', '抬头和税号没变，照旧', '已发到您微信']);
                $jobs->clientReplied($contactActor($ci), $jobId, $reply, $reply === '已上传，请查收' ? [$files['license'], $files['id']] : []);
            });
        }
    }
    $t = at_work($t + mt_rand(20, 60 * 30) * 60);
    $sim->at($t, 'job_complete', function ($now) use ($sim, $jobs, $who, $jobId, $ci, $staffId, $ratings, $comments, $staffQuality, $contactActor, &$stats, &$C) {
        $jobs->complete($who, $jobId, '已办结');
        $stats['jobs_done']++;
        $C[$ci]['done_jobs'][] = $jobId;
        if (chance(0.68)) {
            $q = $staffQuality[$staffId];
            $overall = chance($q) ? 'good' : (chance(0.6) ? 'neutral' : 'bad');
            $base = ['good' => [4, 5], 'neutral' => [3, 4], 'bad' => [1, 2]][$overall];
            $sim->at(at_awake($now + mt_rand(30, 60 * 72) * 60), 'rating', function () use ($ratings, $contactActor, $ci, $jobId, $overall, $base, $comments, &$stats) {
                $scores = [];
                foreach ($ratings->dimensions() as $d) {
                    $scores[$d] = mt_rand($base[0], $base[1]);
                }
                $ratings->rate($contactActor($ci), $jobId, $overall, $scores, pick($comments[$overall]));
                $stats['ratings']++;
            });
        }
    });
};

/** A job just landed somewhere: find out where, and have its assignee (or the grab pool) take it from there. */
$route = function (int $jobId, int $t) use ($sim, $jobs, &$jobInfo, $staffByStore, $staffActor, $work, &$C, $admin): void {
    $j = $jobs->get($admin, $jobId);
    if ($j['status'] === 'assigned' && $j['assignee_id']) {
        $work($jobId, (int) $j['assignee_id'], $t);
    } elseif ($j['status'] === 'open') {
        // somebody of the client's store grabs it, usually within the grab window
        $ci = $jobInfo[$jobId]['ci'];
        $sid = $C[$ci]['store'];
        $who = pick($staffByStore[$sid]);
        $sim->at($t + (chance(0.82) ? mt_rand(2, 25) : mt_rand(35, 300)) * 60, 'job_grab', function ($now) use ($jobs, $staffActor, $who, $jobId, $work) {
            $jobs->grab($staffActor($who), $jobId);
            $work($jobId, $who, $now);
        });
    }
    // escalated: the admins' dispatch round assigns it
};

// a client's free request
$anyClient = function () use (&$C): int {
    do {
        $ci = mt_rand(0, count($C) - 1);
    } while (!$C[$ci]['active']);
    return $ci;
};
$request = function (int $t) use ($sim, $jobs, $contactActor, $requestTypes, $requestTitles, &$jobInfo, $route, &$stats, $anyClient, $files): void {
    $sim->at($t, 'request', function ($now) use ($jobs, $contactActor, $requestTypes, $requestTitles, &$jobInfo, $route, &$stats, $anyClient, $files) {
        global $C;
        $ci = $anyClient();
        $type = weighted($requestTypes);
        $title = pick($requestTitles[$type]);
        $id = $jobs->request($contactActor($ci), $C[$ci]['id'], ['title' => $title, 'type' => $type,
            'description' => $title . '，' . pick(['麻烦尽快处理', '本周内需要', '具体情况电话沟通', '材料已准备好']), 'urgency' => chance(0.1) ? 1 : 0,
            'attachments' => $type === '申领发票' && chance(0.5) ? [$files['invoice']] : []]);
        $jobInfo[$id] = ['ci' => $ci, 'refund' => false, 'type' => $type];
        $stats['requests']++;
        $route($id, $now);
    });
};

// paid through 微擎's payment path: checkout, 微擎's paylog as its cashier leaves it, then the notify's payResult
$payOnline = function (Actor $who, int $clientId, array $target, string $openid) use ($payments, $system): array {
    $intent = $payments->checkout($who, $clientId, $target);
    pdo_insert('core_paylog', ['type' => 'wechat', 'uniacid' => 1, 'acid' => 1, 'openid' => $openid, 'uniontid' => 'U' . $intent['tid'],
        'tid' => $intent['tid'], 'fee' => $intent['fee'], 'card_fee' => $intent['fee'], 'status' => 1, 'module' => 'cloudacct']);
    return $payments->weengineResult($system, ['tid' => $intent['tid'], 'fee' => $intent['fee'], 'from' => 'notify', 'result' => 'success',
        'type' => 'wechat', 'uniontid' => 'U' . $intent['tid'], 'transaction_id' => '4200' . gmdate('YmdHis', Clock::now()) . $intent['id'],
        'user' => $openid]);
};
$openidOf = function (int $contactId) use (&$people_): string {
    return $people_[$contactId][0];
};

// a client orders a catalogue service, pays (or not), and sometimes wants the money back
$order = function (int $t) use ($sim, $orders, $contactActor, $orderable, $payOnline, $openidOf, &$jobInfo, $route, &$stats,
    $payments, $storeAdmin, $jobs, $anyClient): void {
    $sim->at($t, 'order', function ($now) use ($sim, $orders, $contactActor, $orderable, $payOnline, $openidOf, &$jobInfo, $route, &$stats,
        $payments, $storeAdmin, $jobs, $anyClient) {
        global $C;
        $ci = $anyClient();
        $title = array_rand_seeded($orderable);
        $who = $contactActor($ci);
        $o = $orders->place($who, $C[$ci]['id'], $orderable[$title]['id'], ['title' => $title, 'description' => '通过手机端下单']);
        $stats['orders']++;
        if (chance(0.1)) {
            return; // never paid: the scheduler closes it
        }
        $sim->at($now + mt_rand(1, 12) * 60, 'order_pay', function ($now) use ($sim, $orders, $who, $o, $ci, $title, $payOnline, $openidOf, &$jobInfo, $route, &$stats,
            $payments, $storeAdmin, $jobs) {
            global $C;
            $paid = $payOnline($who, $C[$ci]['id'], ['order_id' => $o['id']], $openidOf($C[$ci]['contacts'][0]));
            $stats['orders_paid']++;
            $jobId = (int) $orders->get($who, $o['id'])['job_id'];
            $refund = chance(0.05);
            $jobInfo[$jobId] = ['ci' => $ci, 'refund' => $refund, 'type' => $title];
            $route($jobId, $now);
            if ($refund) {
                $sim->at(at_awake($now + mt_rand(20, 600) * 60), 'refund', function ($now) use ($sim, $orders, $who, $o, $paid, $payments, $storeAdmin, $ci, $jobs, $jobId, &$stats) {
                    global $C;
                    $orders->requestRefund($who, $o['id'], pick(['暂时不需要了', '公司计划有变', '下错单了']));
                    $boss = $storeAdmin[$C[$ci]['store']];
                    $sim->at(at_work($now + mt_rand(30, 300) * 60), 'refund', function () use ($payments, $boss, $paid, $o, $jobs, $jobId, &$stats) {
                        $r = $payments->refund($boss, (int) $paid['payment_id'], (int) $o['amount_fen'], '客户申请退款');
                        $payments->weengineRefundResult(Actor::system(SEED_IP), ['refund_no' => $r['out_refund_no'], 'result' => 'success']);
                        $jobs->cancel($boss, $jobId, '订单已退款');
                        $stats['refunds']++;
                    });
                });
            }
        });
    });
};

/* ------------------------------------------------------------------ the daily and monthly rhythm */

$end = $seedNow - 60;
$lastDay = cn_day($end);
$passes = 0;
$passTiming = [];
$schedulerPass = function (bool $send, bool $first) use ($system, $workScheduler, $billing, $dunning, $complaints, $sender, &$passes, &$passTiming): void {
    $tasks = [
        'work' => fn () => $workScheduler->runDue($system, 100),
        // the month's run, in the first pass of the day: a rerun re-walks every plan and creates nothing
        'billing' => fn () => $first ? $billing->run($system, cn_period(Clock::now()), ['chunk' => 500, 'max_chunks' => 2]) : null,
        'dunning' => fn () => $dunning->runDue($system, 200),
        'complaints' => fn () => [$complaints->escalateOverdue($system, 100), $complaints->closeResolved($system, 100)],
        // no channel is configured yet (dev/host/demo_notices.php does it after the seed): delivered to the notice lists
        'notices' => fn () => $send ? $sender->run(500) : null,
    ];
    foreach ($tasks as $name => $task) {
        $s = microtime(true);
        $task();
        $passTiming[$name] = ($passTiming[$name] ?? 0) + microtime(true) - $s;
    }
    $passes++;
};

// the admins' dispatch round: escalated jobs of each store go to someone of the store with the skill
$dispatch = function (int $now) use ($jobs, $storeAdmin, $staffByStore, $fieldOf, $accountantsOf, $work, &$jobInfo, $admin): void {
    foreach ($storeAdmin as $sid => $boss) {
        $list = $jobs->list($boss, 'escalated', [], 1, 50);
        foreach ($list['items'] as $j) {
            $jid = (int) $j['id'];
            if (!isset($jobInfo[$jid]) || $jobInfo[$jid]['refund']) {
                continue; // not one of the seed's (the final-hour jobs stay escalated) or being refunded
            }
            $pool = in_array($j['skill'] ?? '', ['工商', '银行', '社保'], true) ? ($fieldOf[$sid] ?? $staffByStore[$sid]) : ($accountantsOf[$sid] ?? $staffByStore[$sid]);
            $to = pick($pool);
            $jobs->assign($boss, $jid, $to, '按技能指派');
            $work($jid, $to, $now);
        }
    }
};

$monthIndex = 0;
for ($day = cn_day($seedStart); $day <= $lastDay; $day += 86400) {
    // the scheduler passes: three on workdays, one on weekends (the real cron runs every minute; between passes nothing is due)
    foreach (cn_is_workday($day) ? [8 * 3600 + 1800, 12 * 3600 + 1800, 17 * 3600 + 1800] : [10 * 3600 + 1800] as $k => $off) {
        // the last day's notices stay queued for the demo's scheduler
        $sim->at($day + $off, 'scheduler', fn ($now) => $schedulerPass($now < $end - 86400, $k === 0));
        if (cn_is_workday($day)) {
            $sim->at($day + $off + 1500, 'dispatch', $dispatch);
        }
    }
    $dom = (int) gmdate('j', $day + CN);
    $ym = cn_period($day);
    if ($dom === 1 && $ym >= $firstPeriod) {
        // the billing run happens in the 08:30 pass; then each payer pays the bill of this month in their own way
        $mi = $monthIndex++;
        $sim->at($day + 9 * 3600, 'month', function () use ($sim, &$C, $ym, $mi, $day, $billing, $payments, $contactActor, $payOnline, $openidOf,
            $storeAdmin, $staffActor, $dunning, &$stats) {
            foreach ($C as $ci => $c) {
                $p = $c['plan'];
                if (!$c['active'] || $p === null || $ym < $p['start'] || ($p['end'] !== null && $ym > $p['end'])) {
                    continue;
                }
                $months = (int) ((int) substr($ym, 0, 4) * 12 + (int) substr($ym, 5) - (int) substr($p['start'], 0, 4) * 12 - (int) substr($p['start'], 5));
                if ($months % $p['months'] !== 0 || $c['profile'] === 'prepay') {
                    continue;
                }
                if ($c['profile'] === 'arrears' && $mi >= $c['stop_after']) {
                    // stopped paying: the accountant presses now and then
                    if (chance(0.5)) {
                        $sim->at(at_work($day + mt_rand(18, 25) * 86400), 'remind_now', function () use ($dunning, $staffActor, $ci, &$stats) {
                            global $C; // the accountant then, after any handover
                            $dunning->remindNow($staffActor($C[$ci]['acct']), $C[$ci]['id']);
                            $stats['reminders_now']++;
                        });
                    }
                    continue;
                }
                $delay = $c['profile'] === 'late' ? mt_rand(16 * 24, 45 * 24) : mt_rand(6, 12 * 24);
                $sim->at(at_awake($day + $delay * 3600 + mt_rand(0, 3599)), 'pay_bill', function () use ($ci, $billing, $payments, $contactActor, $payOnline,
                    $openidOf, $storeAdmin, $staffActor, &$stats) {
                    global $C;
                    $c = $C[$ci];
                    $who = $contactActor($ci);
                    $open = $billing->bills($who, $c['id'], ['status' => 'open'], 1, 20)['items'];
                    if (!$open) {
                        return;
                    }
                    if ($c['method'] === 'online') {
                        foreach ($open as $b) {
                            $payOnline($who, $c['id'], ['bill_id' => (int) $b['id']], $openidOf($c['contacts'][0]));
                            $stats['payments_online']++;
                        }
                        return;
                    }
                    $sum = array_sum(array_map(fn ($b) => (int) $b['owed_fen'], $open));
                    $by = chance(0.5) ? $staffActor($c['acct']) : $storeAdmin[$c['store']];
                    $method = weighted(['transfer' => 60, 'wechat' => 20, 'cash' => 12, 'alipay' => 8]);
                    $payments->recordOffline($by, $c['id'], $sum, strtoupper($method) . '-' . gmdate('Ymd', \CloudAcct\Clock::now() + CN) . '-' . $c['id'],
                        ['method' => $method, 'payer' => $c['name'], 'note' => '代理记账费']);
                    $stats['payments_offline']++;
                });
            }
        });
        // books of last month: the accountants save and publish in the first half of the month
        $period = cn_period($day, -1);
        $sim->at($day + 9 * 3600 + 60, 'month', function () use ($sim, &$C, $day, $period, $books, $staffActor, $contactActor, &$stats) {
            foreach ($C as $ci => $c) {
                $sim->at(at_work($day + mt_rand(3, 12) * 86400), 'books', function ($now) use ($sim, $books, $staffActor, $ci, $period, $contactActor, &$stats) {
                    global $C;
                    $c = $C[$ci];
                    if (!$c['active']) {
                        return;
                    }
                    $who = $staffActor($c['acct']);
                    $rev = mt_rand(5, 400) * 100000 * ($c['taxpayer'] === 'general' ? 3 : 1);
                    $cost = (int) ($rev * mt_rand(55, 92) / 100);
                    $vat = $c['taxpayer'] === 'general' ? (int) ($rev * 0.013) : ($rev > 30000000 ? (int) ($rev * 0.01) : 0);
                    $income = (int) max(0, ($rev - $cost) * 0.05);
                    $confirm = $c['taxpayer'] === 'general' || $vat > 0;
                    $bid = $books->save($who, $c['id'], $period, ['lines' => ['revenue' => $rev, 'cost' => $cost, 'profit' => $rev - $cost,
                        'vat' => $vat, 'income_tax' => $income, 'bank_balance' => mt_rand(10, 2000) * 100000,
                        'remark' => pick(['', '本月收入主要来自主营业务', '有一笔预收款未确认收入', '进项发票已全部认证'])],
                        'note' => $confirm ? '请核对应交税额，确认后我们将按期申报。' : '', 'require_confirm' => $confirm]);
                    $revision = $books->publish($who, $bid);
                    $stats['books']++;
                    if ($confirm && chance(0.88)) {
                        $sim->at(at_awake($now + mt_rand(2, 72) * 3600), 'books_confirm', function () use ($books, $contactActor, $ci, $bid, $revision, &$stats) {
                            if (chance(0.95)) {
                                $books->confirm($contactActor($ci), $bid, $revision);
                                $stats['tax_confirmed']++;
                            } else {
                                $books->dispute($contactActor($ci), $bid, $revision, '进项税额好像少算了一张发票，请再核对');
                            }
                        });
                    }
                });
            }
        });
    }
    // clients' requests and orders, more on workdays
    $wd = cn_is_workday($day);
    $nreq = $wd ? mt_rand(1, 4) : mt_rand(0, 1);
    for ($n = 0; $n < $nreq; $n++) {
        $request($day + mt_rand(8 * 60, 21 * 60) * 60);
    }
    if (chance($wd ? 0.55 : 0.2)) {
        $order($day + mt_rand(9 * 60, 22 * 60) * 60);
    }
    // admins' own jobs for clients now and then (direct: the escalated queue, or given to someone at once)
    if ($wd && chance(0.35)) {
        $sim->at($day + mt_rand(9 * 60, 17 * 60) * 60, 'admin_job', function ($now) use ($jobs, $storeAdmin, &$jobInfo, $work, $route, $anyClient) {
            global $C;
            $ci = $anyClient();
            $c = $C[$ci];
            $assignee = chance(0.5) ? $c['acct'] : 0;
            $type = pick(['年报公示', '开具证明', '工商变更', '税务咨询']);
            $id = $jobs->create($storeAdmin[$c['store']], $c['id'], ['title' => pick(['年度工商年报', '补充申报', '核对社保基数', '税务稽查资料准备']),
                'type' => $type, 'dispatch_mode' => 'direct'] + ($assignee ? ['assignee_id' => $assignee] : []));
            $jobInfo[$id] = ['ci' => $ci, 'refund' => false, 'type' => $type];
            $route($id, $now);
        });
    }
    // complaints, about three a month
    if (chance(0.1)) {
        $sim->at(at_awake($day + mt_rand(9 * 60, 20 * 60) * 60), 'complaint', function ($now) use ($sim, $complaints, $contactActor, $storeAdmin, &$stats) {
            global $C;
            $withJobs = array_keys(array_filter($C, fn ($c) => $c['done_jobs'] !== [] && $c['active']));
            if (!$withJobs) {
                return;
            }
            $ci = pick($withJobs);
            $who = $contactActor($ci);
            $id = $complaints->file($who, ['client_id' => $C[$ci]['id'], 'job_id' => end($C[$ci]['done_jobs']),
                'description' => pick(['会计电话经常打不通，希望能及时回复', '办理拖延了一周，影响了投标', '发票邮寄地址写错了，收件延误',
                    '申报数据有一处填错了，请尽快更正', '上门收取资料时迟到了一个小时', '多次催促才给回复，体验不好'])]);
            $stats['complaints']++;
            $boss = $storeAdmin[$C[$ci]['store']];
            $path = weighted(['slow' => 15, 'normal' => 85]);
            if ($path === 'slow') {
                return; // nobody takes it up in time: the scheduler escalates it
            }
            $t = at_work($now + mt_rand(1, 20) * 3600);
            $sim->at($t, 'complaint', fn () => $complaints->process($boss, $id, '已联系相关员工了解情况'));
            $t = at_work($t + mt_rand(2, 20) * 3600);
            $sim->at($t, 'complaint', fn () => $complaints->resolve($boss, $id, pick(['已核实并更正，向您致歉', '已提醒会计当天回复，并致歉', '已重新寄出，快递单号已短信告知'])));
            $next = weighted(['close' => 55, 'reopen' => 10, 'wait' => 35]);
            $t = at_awake($t + mt_rand(2, 60) * 3600);
            if ($next === 'close') {
                $sim->at($t, 'complaint', fn () => $complaints->close($who, $id, '已收到，谢谢'));
            } elseif ($next === 'reopen') {
                $sim->at($t, 'complaint', fn () => $complaints->reopen($who, $id, '问题还没有解决，请再处理'));
                $sim->at(at_work($t + mt_rand(2, 30) * 3600), 'complaint', fn () => $complaints->resolve($boss, $id, '已由店长亲自跟进处理完毕'));
            }
        });
    }
    // the follow-ups of bad ratings, handled every Monday
    if (cn_wday($day) === 1) {
        $sim->at($day + 10 * 3600, 'followups', function () use ($ratings, $storeAdmin, &$stats) {
            foreach ($storeAdmin as $sid => $boss) {
                foreach ($ratings->followups($boss, ['status' => 'open'], 1, 50)['items'] as $f) {
                    if (chance(0.8)) {
                        $ratings->handleFollowup($boss, (int) $f['id'], '已回访客户，说明情况并致歉');
                        $stats['followups_handled']++;
                    }
                }
            }
        });
    }
}

// new companies during the year: a contract, invite, plan from next month
for ($n = 0; $n < 30; $n++) {
    $t = at_work($seedStart + mt_rand(20, 350) * 86400);
    $sim->at($t, 'new_client', function ($now) use ($sim, $addCompany, $newCompanyData, $addContacts, $addPlan, $setProfile, &$stats) {
        global $C;
        $sid = weighted(array_combine(array_keys($GLOBALS['storeAdmin']), [40, 35, 25]));
        $ci = $addCompany($newCompanyData($sid), $sid);
        $addContacts($ci);
        $addPlan($ci, cn_period($now, 1));
        $setProfile($ci);
        if ($C[$ci]['profile'] === 'prepay') {
            $C[$ci]['profile'] = 'prompt';
        }
        $stats['new_clients']++;
    });
}
// a few leave: plan ended, company terminated
for ($n = 0; $n < 3; $n++) {
    $ci = mt_rand(6, 169);
    $t = at_work($seedStart + mt_rand(120, 330) * 86400);
    $sim->at($t, 'client_leaves', function ($now) use ($ci, $plans, $clients, $storeAdmin, $cycleMonths) {
        global $C;
        $c = $C[$ci];
        if (!$c['active'] || $c['plan']['cycle'] !== 'monthly') {
            return;
        }
        $last = cn_period($now);
        $plans->end($storeAdmin[$c['store']], $c['plan']['id'], $last);
        $clients->update($storeAdmin[$c['store']], $c['id'], ['status' => 'terminated', 'notes' => '合同到期不再续约']);
        $C[$ci]['plan']['end'] = $last;
        $C[$ci]['active'] = false;
    });
}
// prepaying companies pay the year ahead in the first weeks, at the counter
foreach ($C as $ci => $c) {
    if ($c['profile'] === 'prepay') {
        $sim->at(at_work($seedStart + mt_rand(2, 25) * 86400), 'prepay', function () use ($payments, $storeAdmin, $ci, &$stats) {
            global $C;
            $c = $C[$ci];
            $payments->recordOffline($storeAdmin[$c['store']], $c['id'], $c['plan']['per'] * 12, 'PRE-' . $c['id'],
                ['method' => 'transfer', 'payer' => $c['name'], 'note' => '预付一年代理记账费']);
            $stats['payments_offline']++;
        });
    }
}
// handovers: an accountant's companies move when work is rebalanced
foreach ([[4, 0, 200], [8, 7, 250], [10, 9, 300]] as [$from, $to, $days]) {
    $sim->at(at_work($seedStart + $days * 86400), 'handover', function () use ($clients, $storeAdmin, $staffIds, $staffStore, $staffName, $from, $to, &$stats) {
        global $C;
        $boss = $storeAdmin[$staffStore[$staffIds[$from]]];
        $moved = 0;
        foreach ($C as $ci => $c) {
            if ($c['acct'] === $staffIds[$from] && $moved < 4) {
                $clients->assignAccountant($boss, $c['id'], $staffIds[$to], '工作量调整，交接给' . $staffName[$staffIds[$to]]);
                $C[$ci]['acct'] = $staffIds[$to];
                $moved++;
                $stats['handovers']++;
            }
        }
    });
}
// self-registrations: one approved, one rejected during the year; 吴女士's is pending now (as in the small firm)
$sim->at(at_work($seedStart + 150 * 86400), 'registration', function () use ($contacts, $admin, $haidian) {
    seed_fan('oDEMO_fan_reg1', '钱先生');
    $r = $contacts->register('oDEMO_fan_reg1', '钱先生', '13700000001', '北京钱氏家具有限公司', null, SEED_IP);
    $contacts->approve($admin, $r, null, $haidian);
});
$sim->at(at_work($seedStart + 220 * 86400), 'registration', function () use ($contacts, $admin) {
    seed_fan('oDEMO_fan_reg2', '测试用户');
    $r = $contacts->register('oDEMO_fan_reg2', '测试用户', '13700000002', '随便填的公司', null, SEED_IP);
    $contacts->reject($admin, $r, '未找到贵公司的代账合同，请先联系门店');
});
$sim->at($end - 5 * 3600, 'registration', function () use ($contacts) {
    seed_fan('oDEMO_fan_register', '吴女士');
    $contacts->register('oDEMO_fan_register', '吴女士', '13700000009', '北京新芽咨询有限公司', null, SEED_IP);
});

// the last hour: today's new work, so the pool, the escalated queue and the dashboard look live
$sim->at($end - 50 * 60, 'today', function ($now) use ($jobs, $contactActor, $admin, &$jobInfo, $orders, $payOnline, $openidOf, $services, &$C) {
    $jobs->request($contactActor(4), $C[4]['id'], ['title' => '申领增值税专用发票', 'type' => '申领发票', 'description' => '本月需开具专票 3 张', 'urgency' => 1]);
    $jobs->create($admin, $C[3]['id'], ['title' => '银行开户资料准备', 'type' => '银行开户', 'dispatch_mode' => 'direct', 'skill' => '银行']);
});
$sim->at($end - 25 * 60, 'today', function () use ($jobs, $orders, $contactActor, $payOnline, $openidOf, $services, &$C) {
    $who = $contactActor(2);
    $o = $orders->place($who, $C[2]['id'], $services['公司注册']['id'], ['title' => '新设分公司注册', 'description' => '在朝阳区设立分公司']);
    $payOnline($who, $C[2]['id'], ['order_id' => $o['id']], 'oDEMO_client_liuyang');
    $orders->place(Actor::client($C[1]['contacts'][0], SEED_IP), $C[1]['id'], $services['工商变更']['id'], ['title' => '股东变更']);
});
$sim->at($end - 10 * 60, 'today', function () use ($jobs, $contactActor, &$C) {
    $haidianClients = array_keys(array_filter($C, fn ($c) => $c['store'] === $GLOBALS['haidian'] && $c['active']));
    foreach ([$haidianClients[6], $haidianClients[15], $haidianClients[30]] as $ci) {
        $jobs->request($contactActor($ci), $C[$ci]['id'], ['title' => '开具完税证明', 'type' => '开具证明', 'description' => '投标需要，今天要']);
    }
});

// the last two days: one of each state the pages show, on the small firm's people (王芳 and 刘洋's 北京星辰)
$wangfang = $staffIds[0];
$sim->at($end - 30 * 3600, 'recent', function () use ($jobs, $admin, $staffActor, $wangfang, &$C, $files) {
    $who = $staffActor($wangfang);
    // waiting for the client: a question 刘洋 has not answered yet
    $id = $jobs->create($admin, $C[0]['id'], ['title' => '研发费用加计扣除备案', 'type' => '税务咨询', 'dispatch_mode' => 'direct',
        'assignee_id' => $wangfang, 'description' => '今年的研发项目需要备案']);
    $jobs->start($who, $id);
    $jobs->addProgress($who, $id, '已整理研发项目清单模板，见附件', false, [$files['certificate']]);
    $jobs->askClient($who, $id, '请补充三个研发项目的立项文件和工时记录');
    // in progress, with an internal note
    $id = $jobs->create($admin, $C[0]['id'], ['title' => '季度企业所得税预缴', 'type' => '报税', 'dispatch_mode' => 'direct', 'assignee_id' => $wangfang]);
    $jobs->start($who, $id);
    $jobs->addProgress($who, $id, '本季度利润表已出，正在填报预缴申报表');
    $jobs->addProgress($who, $id, '内部：有一笔跨期费用待客户确认', true);
});
$sim->at($end - 50 * 3600, 'recent', function () use ($complaints, $contactActor, $admin, &$C) {
    // resolved yesterday: 孙丽 may still confirm or reopen it
    $id = $complaints->file($contactActor(1), ['client_id' => $C[1]['id'], 'description' => '发票邮寄地址写错了，收件延误']);
    $complaints->process($admin, $id, '已联系快递公司');
    $GLOBALS['sim']->at(Clock::now() + 20 * 3600, 'recent', fn () => $complaints->resolve($admin, $id, '已重新寄出，快递单号已短信告知'));
});
$sim->at($end - 6 * 3600, 'recent', function () use ($complaints, $contactActor, $admin, &$C) {
    $id = $complaints->file($contactActor(0), ['client_id' => $C[0]['id'], 'description' => '上个月的账目报表迟了三天才发给我们']);
    $complaints->process($admin, $id, '已联系王芳了解原因');
});
$sim->at($end - 2 * 3600, 'recent', function () use ($complaints, $contactActor, &$C) {
    $complaints->file($contactActor(2), ['client_id' => $C[2]['id'], 'description' => '发票寄送地址还是旧地址，请更新']);
});
$sim->at($end - 40 * 60, 'recent', function () use ($jobs, $admin, $wangfang, &$C) {
    // assigned, not started yet
    $jobs->create($admin, $C[4]['id'], ['title' => '年度汇算清缴资料收集', 'type' => '汇算清缴', 'dispatch_mode' => 'direct', 'assignee_id' => $wangfang]);
});

$setup = microtime(true) - $t0;
$sim->run();
Clock::release();

/* ------------------------------------------------------------------ what came out */

$db = $store->connection();
$count = fn (string $sql) => (int) $db->queryValue($sql);
$jobStates = [];
foreach ($db->query('SELECT status, COUNT(*) AS n FROM {job} WHERE uniacid = 1 GROUP BY status ORDER BY status') as $r) {
    $jobStates[] = $r['status'] . ' ' . $r['n'];
}
$complaintStates = [];
foreach ($db->query('SELECT status, COUNT(*) AS n FROM {complaint} WHERE uniacid = 1 GROUP BY status ORDER BY status') as $r) {
    $complaintStates[] = $r['status'] . ' ' . $r['n'];
}
printf("seed: the full firm: 3 stores, %d staff, %d client companies, %d contacts; %s\n", count($staffIds), count($C),
    $count('SELECT COUNT(*) FROM {contact} WHERE uniacid = 1'), implode(', ', array_map(fn ($k, $v) => "$k $v", array_keys($stats), $stats)));
printf("seed: bills %d (open %d), payments %d, ledger entries %d, reminders %d, notices %d; jobs: %s; complaints: %s\n",
    $count('SELECT COUNT(*) FROM {bill} WHERE uniacid = 1'), $count("SELECT COUNT(*) FROM {bill} WHERE uniacid = 1 AND status = 'open'"),
    $count('SELECT COUNT(*) FROM {payment} WHERE uniacid = 1'), $count('SELECT COUNT(*) FROM {ledger_entry} WHERE uniacid = 1'),
    $count('SELECT COUNT(*) FROM {dunning_log} WHERE uniacid = 1'), $count('SELECT COUNT(*) FROM {outbox} WHERE uniacid = 1'),
    implode(', ', $jobStates), implode(', ', $complaintStates));
$refused = [];
foreach ($sim->refused as $kind => $byClass) {
    foreach ($byClass as $class => $n) {
        $refused[] = "$kind/" . substr(strrchr($class, '\\'), 1) . " $n";
    }
}
arsort($sim->timing);
$ru = getrusage();
printf("seed: %d events, %d scheduler passes, %.1f s, this process's CPU %.1f s (setup %.1f s; slowest: %s)%s\n", $sim->events, $passes,
    microtime(true) - $t0, $ru['ru_utime.tv_sec'] + $ru['ru_utime.tv_usec'] / 1e6 + $ru['ru_stime.tv_sec'] + $ru['ru_stime.tv_usec'] / 1e6, $setup,
    implode(', ', array_map(fn ($k, $v) => sprintf('%s %.1f s', $k, $v), array_keys(array_slice($sim->timing, 0, 6)), array_slice($sim->timing, 0, 6))),
    $refused ? '; refused by the rules (races a firm also loses): ' . implode(', ', $refused) : '');
if (getenv('SEED_VERBOSE') !== false) {
    fprintf(STDERR, "seed: scheduler tasks: %s\n", implode(', ', array_map(fn ($k, $v) => sprintf('%s %.1f s', $k, $v), array_keys($passTiming), $passTiming)));
}
