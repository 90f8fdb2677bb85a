<?php
/**
 * dev/host/demo_notices.php SITE_DIR — the demo's notice settings, pointed at the fake vendor
 * servers dev/demo starts (dev/fakes): WeChat template messages for the job, payment and dunning
 * events, Tencent Cloud SMS with the fake's credentials as the fallback. Prints the account's
 * AppID and AppSecret as JSON, which dev/demo hands to the fake so 微擎's token fetch succeeds.
 */

declare(strict_types=1);

use CloudAcct\Actor;

global $_W;

if ($argc !== 2) {
    fwrite(STDERR, "usage: php dev/host/demo_notices.php SITE_DIR\n");
    exit(2);
}
putenv('WE7_HOST_SITE=' . realpath($argv[1]));
require __DIR__ . '/framework/bootstrap.php';
we7_host_bootstrap();
we7_host_account(1);

$settings = new CloudAcct\Settings(new CloudAcct\Store(new CloudAcct\Db\Connection(we7_host_db_options()), 1));
$admin = Actor::admin(1, '127.0.0.1');
$job = ['wechat' => ['template_id' => 'DEMO_JOB_TPL', 'data' => ['thing1' => '{title}', 'character_string2' => 'GD{job_id}']]];
$templates = array_fill_keys(['job_pool', 'job_assigned', 'job_progress', 'job_waiting_client', 'job_done', 'job_escalated',
    'job_silent', 'job_sla_breached', 'job_cancelled'], $job) + [
    'payment_received' => ['wechat' => ['template_id' => 'DEMO_PAY_TPL', 'data' => ['amount1' => '{amount}元', 'character_string2' => 'SK{payment_id}']]],
    'dunning_reminder' => [
        'wechat' => ['template_id' => 'DEMO_DUN_TPL', 'data' => ['thing1' => '{company}', 'amount2' => '{amount}元', 'time3' => '{due_date}']],
        'sms' => ['template_id' => '1800001', 'params' => ['{company}', '{amount}']],
    ],
];
foreach ([
    'notice_wechat_channel' => 'template', 'notice_templates' => $templates, 'notice_sms_fallback' => true,
    'sms_provider' => 'tencent', 'sms_secret_id' => 'AKIDfakefakefakefakefake', 'sms_secret_key' => 'fake-tencent-secret-key',
    'sms_sdk_app_id' => '1400006666', 'sms_sign_name' => '云会计演示',
] as $name => $value) {
    $settings->set($admin, $name, $value);
}
echo json_encode(['appid' => $_W['account']['key'], 'secret' => $_W['account']['secret']]), "\n";
