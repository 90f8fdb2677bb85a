<?php
/**
 * 云会计 — <Id>ModuleWxapp: the mini-program JSON API, app/index.php?i=…&c=entry&a=wxapp&m=cloudacct&do=…
 * Each doPage* mirrors a mobile page: same Actor (the fan's openid from the session), same
 * extension calls, answers {"errno", "message", "data"} through 微擎's result(). Input is read
 * raw (form fields or a JSON body), never from the HTML-escaped $_GPC. The work is done by the
 * functions in inc/actions.php that the H5 pages use too; this file only picks the Actor, reads
 * the input and answers JSON.
 *
 * Errors: errno 0 = ok; 1 = refused (the Chinese message says why; data.code names the kind:
 * not_found, forbidden, conflict, validation (+ data.field), taken, nothing_to_pay, …);
 * 41001 = not a bound client contact, 41002 = not a bound employee, 41009 = no openid (not logged in),
 * 40501 = a write that is not a POST from the mini-program (see write()).
 */
defined('IN_IA') or exit('Access Denied');
require_once __DIR__ . '/inc/bootstrap.php';
require_once __DIR__ . '/inc/actions.php';
require_once __DIR__ . '/inc/diy.php';

class CloudacctModuleWxapp extends WeModuleWxapp
{
    /** Runs $fn and answers its data, or the error's Chinese message with errno 1 and data.code / data.field. */
    private function answer($fn)
    {
        try {
            $data = $fn();
        } catch (Exception $e) {
            $this->result(1, cloudacct_error_text($e), self::errorData($e));
        } catch (Error $e) {
            $this->result(1, cloudacct_error_text($e), array('code' => 'error'));
        }
        $this->result(0, 'ok', $data);
    }

    private static function errorData($e)
    {
        if ($e instanceof CloudacctRefused) {
            return array('code' => $e->kind);
        }
        $kinds = array('CloudAcct\\ValidationException' => 'validation', 'CloudAcct\\NotFoundException' => 'not_found',
            'CloudAcct\\ForbiddenException' => 'forbidden', 'CloudAcct\\ConflictException' => 'conflict',
            'CloudAcct\\IntegrationException' => 'integration', 'CloudAcct\\DatabaseException' => 'busy');
        foreach ($kinds as $class => $code) {
            if ($e instanceof $class) {
                $out = array('code' => $code);
                if ($e instanceof CloudAcct\ValidationException) {
                    $out['field'] = (string) $e->getField();
                }
                return $out;
            }
        }
        return array('code' => 'error');
    }

    /**
     * A write: only a POST that comes from the mini-program — its session named in state=we7sid-…
     * (微擎's util.js), a JSON body, or X-Requested-With (what a cross-site form cannot send) — so
     * a page elsewhere cannot make a logged-in browser post here.
     */
    private function write()
    {
        $post = isset($_SERVER['REQUEST_METHOD']) && $_SERVER['REQUEST_METHOD'] === 'POST';
        $fromApp = isset($_GET['state']) && strpos((string) $_GET['state'], 'we7sid-') === 0
            || !empty($_SERVER['HTTP_X_REQUESTED_WITH'])
            || (isset($_SERVER['CONTENT_TYPE']) && stripos((string) $_SERVER['CONTENT_TYPE'], 'application/json') === 0);
        if (!$post || !$fromApp) {
            $this->result(40501, '请在小程序中提交（需要 POST 请求）。');
        }
    }

    private function staff()
    {
        $staff = cloudacct_staff();
        if ($staff === null) {
            $this->result(41002, '此功能仅限已绑定的员工使用，请先输入管理员发给您的绑定码。');
        }
        return $staff;
    }

    /** The contact and the company it acts for: client_id if it is one of its companies, else the current one. */
    private function clientAndCompany()
    {
        $client = $this->client();
        $want = cloudacct_int('client_id');
        $current = 0;
        $companies = array();
        try {
            $companies = cloudacct_area('People\\Contacts')->companies($client);
        } catch (Exception $e) {
            $this->result(1, cloudacct_error_text($e), self::errorData($e));
        }
        foreach ($companies as $c) {
            if ($want > 0 && (int) $c['client_id'] === $want) {
                $current = $want;
            }
            if (!$current && !empty($c['current'])) {
                $current = (int) $c['client_id'];
            }
        }
        if ($want > 0 && $current !== $want) {
            $this->result(1, '该企业不存在或您无权查看。', array('code' => 'not_found'));
        }
        if (!$current && $companies) {
            $current = (int) $companies[0]['client_id'];
        }
        if (!$current) {
            $this->result(41001, '请先绑定您的企业（输入会计给您的邀请码）。');
        }
        return array($client, $current);
    }

    private static function pageOf($result, $page, $perPage = 20)
    {
        return array('total' => (int) $result['total'], 'page' => $page, 'more' => $page * $perPage < (int) $result['total'],
            'items' => $result['items']);
    }

    private function client()
    {
        $client = cloudacct_client();
        if ($client === null) {
            $this->result(41001, '请先绑定您的企业（输入会计给您的邀请码）。');
        }
        return $client;
    }

    private function openid()
    {
        if (cloudacct_openid() === '') {
            $this->result(41009, '请先登录（微信授权）。');
        }
        return cloudacct_openid();
    }

    /** Who am I: role (staff / client / guest) and the basics the first screen needs. */
    public function doPageProfile()
    {
        $this->answer(function () {
            $staff = cloudacct_staff();
            if ($staff !== null) {
                return array('role' => 'staff', 'staff' => cloudacct_area('People\Staff')->get($staff, $staff->id));
            }
            $client = cloudacct_client();
            if ($client !== null) {
                $contacts = cloudacct_area('People\Contacts');
                return array('role' => 'client', 'companies' => $contacts->companies($client), 'current' => $contacts->currentCompany($client));
            }
            $openid = cloudacct_openid();
            return array('role' => 'guest', 'registration' => $openid === '' ? null : cloudacct_area('People\Contacts')->registrationStatus($openid));
        });
    }

    public function doPageCompanies()
    {
        $client = $this->client();
        $this->answer(function () use ($client) {
            $contacts = cloudacct_area('People\Contacts');
            return array('companies' => $contacts->companies($client), 'current' => $contacts->currentCompany($client));
        });
    }

    public function doPageSwitchCompany()
    {
        $client = $this->client();
        $to = cloudacct_int('client_id');
        $this->answer(function () use ($client, $to) {
            cloudacct_area('People\Contacts')->switchCompany($client, $to);
            return array('current' => $to);
        });
    }

    public function doPageAccountant()
    {
        $client = $this->client();
        $id = cloudacct_int('client_id', (int) cloudacct_area('People\Contacts')->currentCompany($client));
        $this->answer(function () use ($client, $id) {
            $card = cloudacct_area('People\Clients')->accountantCard($client, $id);
            if ($card && !empty($card['photo'])) {
                $card['photo'] = tomedia($card['photo']);
            }
            return array('client_id' => $id, 'card' => $card);
        });
    }

    public function doPageBind()
    {
        $openid = $this->openid();
        $this->answer(function () use ($openid) {
            return array('contact_id' => cloudacct_area('People\Contacts')->bindByInvite($openid, cloudacct_str('code'),
                cloudacct_str('name'), cloudacct_str('phone'), cloudacct_ip()));
        });
    }

    public function doPageStaffBind()
    {
        $openid = $this->openid();
        $this->answer(function () use ($openid) {
            return array('staff_id' => cloudacct_area('People\Staff')->bindByCode($openid, cloudacct_str('code'), cloudacct_ip()));
        });
    }

    public function doPageRegister()
    {
        $openid = $this->openid();
        $this->answer(function () use ($openid) {
            $code = cloudacct_str('credit_code');
            return array('registration_id' => cloudacct_area('People\Contacts')->register($openid, cloudacct_str('name'),
                cloudacct_str('phone'), cloudacct_str('company_name'), $code === '' ? null : $code, cloudacct_ip()));
        });
    }

    public function doPageServices()
    {
        $actor = cloudacct_staff();
        $actor = $actor !== null ? $actor : $this->client();
        $filter = array();
        if (cloudacct_int('category_id') > 0) {
            $filter['category_id'] = cloudacct_int('category_id');
        }
        if (cloudacct_str('keyword') !== '') {
            $filter['keyword'] = cloudacct_str('keyword');
        }
        $page = cloudacct_page();
        $this->answer(function () use ($actor, $filter, $page) {
            $catalog = cloudacct_area('Work\Catalog');
            return array('categories' => $catalog->categories($actor)) + $catalog->services($actor, $filter, $page, 20);
        });
    }

    public function doPageService()
    {
        $actor = cloudacct_staff();
        $actor = $actor !== null ? $actor : $this->client();
        $id = cloudacct_int('id');
        $this->answer(function () use ($actor, $id) {
            return cloudacct_area('Work\Catalog')->service($actor, $id);
        });
    }

    // ------------------------------------------------------------ client: home, orders, paying

    /** The home screen: staff → their card; client → company, accountant and the DIY home layout; guest → binding. */
    public function doPageHome()
    {
        $this->answer(function () {
            $staff = cloudacct_staff();
            if ($staff !== null) {
                $me = cloudacct_area('People\Staff')->get($staff, $staff->id);
                $me['photo_url'] = !empty($me['photo']) ? tomedia($me['photo']) : '';
                return array('role' => 'staff', 'me' => $me,
                    'links' => array('pool' => '抢单池', 'work' => '我的工单', 'myClients' => '我的客户', 'bookEdit' => '上传账目', 'myScores' => '我的评分'));
            }
            $client = cloudacct_client();
            $settings = cloudacct_area('Settings');
            if ($client === null) {
                $openid = cloudacct_openid();
                return array('role' => 'guest', 'firm' => (string) $settings->get('firm_name'),
                    'can_register' => (bool) $settings->get('client_self_register'),
                    'registration' => $openid === '' ? null : cloudacct_area('People\Contacts')->registrationStatus($openid));
            }
            list($client, $current) = $this->clientAndCompany();
            $clients = cloudacct_area('People\Clients');
            $card = $clients->accountantCard($client, $current);
            if ($card && !empty($card['photo'])) {
                $card['photo'] = tomedia($card['photo']);
            }
            // links as mini-program routes: "jobs", "service?id=3", or an https:// address
            $blocks = cloudacct_diy_blocks(function ($do, $query) {
                return $do . ($query ? '?' . http_build_query($query) : '');
            }, $client);
            return array('role' => 'client', 'company' => $clients->get($client, $current), 'card' => $card,
                'firm' => (string) $settings->get('firm_name'), 'firm_phone' => (string) $settings->get('firm_phone'),
                'blocks' => $blocks);
        });
    }

    /**
     * 我的订单: op=list (default) | detail (id) | place (service_id, title, description, urgency,
     * attachments = uploaded paths) | cancel (id, reason) | refund (id, reason) | pay (id → the
     * payment parameters, see payParams()).
     */
    public function doPageOrders()
    {
        list($client, $current) = $this->clientAndCompany();
        $op = cloudacct_str('op', 'list');
        $id = cloudacct_int('id');
        if ($op === 'pay') {
            $this->payParams($client, array('order_id' => $id));
        }
        if (in_array($op, array('place', 'cancel', 'refund'), true)) {
            $this->write();
        }
        $page = cloudacct_page();
        $this->answer(function () use ($client, $current, $op, $id, $page) {
            switch ($op) {
                case 'detail':
                    return cloudacct_do_order($client, $id);
                case 'place':
                    $files = cloudacct_uploaded_refs('attachments');
                    $serviceId = cloudacct_int('service_id');
                    $title = cloudacct_str('title');
                    if ($title === '') {
                        $title = (string) cloudacct_area('Work\Catalog')->service($client, $serviceId)['title'];
                    }
                    $order = cloudacct_do_place_order($client, $current, $serviceId, array('title' => $title,
                        'description' => cloudacct_text('description'), 'urgency' => cloudacct_str('urgency') === '1' ? 1 : 0,
                        'attachments' => $files));
                    cloudacct_uploads_used($files);
                    return array('order' => $order, 'must_pay' => $order['status'] === 'pending_payment');
                case 'cancel':
                    cloudacct_do_cancel_order($client, $id, cloudacct_str('reason'));
                    return cloudacct_do_order($client, $id);
                case 'refund':
                    cloudacct_do_refund_request($client, $id, cloudacct_str('reason'));
                    return cloudacct_do_order($client, $id);
                case 'list':
                    return self::pageOf(cloudacct_do_orders($client, $current, $page), $page);
            }
            throw new CloudacctRefused('不支持的操作。', 'bad_op');
        });
    }

    /**
     * The payment parameters of an order, a bill or everything owed, for wx.requestPayment. With
     * payment_mode wechat_v3 the extension orders the prepay from WeChat Pay for the fan's openid
     * and signs the parameters; with 微擎's payment (weengine) they come from 微擎's
     * WeModuleWxapp::pay() (its paylog, then 微擎's notify → payResult() below). Answers
     * {channel, tid, fee, title, pay: {appId?, timeStamp, nonceStr, package, signType, paySign}}.
     */
    private function payParams($client, array $what)
    {
        $this->write();
        $intent = null;
        try {
            $intent = cloudacct_do_checkout($client, $what, cloudacct_openid());
        } catch (Exception $e) {
            $this->result(1, cloudacct_error_text($e), self::errorData($e));
        } catch (Error $e) {
            $this->result(1, cloudacct_error_text($e), array('code' => 'error'));
        }
        $out = array('channel' => $intent['channel'], 'tid' => $intent['tid'], 'fee' => $intent['fee'], 'fee_fen' => (int) $intent['fee_fen'],
            'title' => $intent['title'], 'expires_at' => (int) $intent['expires_at']);
        if ($intent['channel'] === 'wechat_v3') {
            $out['pay'] = $intent['pay'];
            $this->result(0, 'ok', $out);
        }
        $params = $this->pay(array('tid' => $intent['tid'], 'title' => $intent['title'], 'fee' => $intent['fee'], 'user' => cloudacct_openid()));
        if (is_error($params)) {
            $this->result(1, '发起支付失败：' . $params['message'], array('code' => 'pay_failed'));
        }
        $out['pay'] = $params;
        $this->result(0, 'ok', $out);
    }

    /** 微擎 calls the Wxapp class's payResult() for a paylog of type wxapp: the same settlement as the H5 side. */
    public function payResult($ret)
    {
        if (!is_array($ret) || !extension_loaded('cloudacct')) {
            return;
        }
        try {
            cloudacct_area('Ledger\Payments')->weengineResult(CloudAcct\Actor::system(cloudacct_ip()), $ret);
        } catch (Exception $e) {
            cloudacct_log($e);
        } catch (Error $e) {
            cloudacct_log($e);
        }
    }

    // ------------------------------------------------------------ client: requests, jobs, rating

    /** 提交需求 (POST): title, type, description, urgency, attachments (paths from doPageUpload). Answers the job id. */
    public function doPageRequest()
    {
        list($client, $current) = $this->clientAndCompany();
        $this->write();
        $this->answer(function () use ($client, $current) {
            $files = cloudacct_uploaded_refs('attachments');
            $jobId = cloudacct_do_request($client, $current, array('title' => cloudacct_str('title'), 'type' => cloudacct_str('type'),
                'description' => cloudacct_text('description'), 'urgency' => cloudacct_str('urgency') === '1' ? 1 : 0, 'attachments' => $files));
            cloudacct_uploads_used($files);
            return array('job_id' => (int) $jobId);
        });
    }

    /**
     * 办事进度: op=list (default) | detail (id: the job, its timeline oldest first, rating, whether
     * it can be replied to / rated) | reply (POST id, reply, attachments).
     */
    public function doPageJobs()
    {
        list($client, $current) = $this->clientAndCompany();
        $op = cloudacct_str('op', 'list');
        $id = cloudacct_int('id');
        if ($op === 'reply') {
            $this->write();
        }
        $page = cloudacct_page();
        $this->answer(function () use ($client, $current, $op, $id, $page) {
            if ($op === 'detail') {
                return cloudacct_do_job($client, $id);
            }
            if ($op === 'reply') {
                $files = cloudacct_uploaded_refs('attachments');
                cloudacct_do_reply($client, $id, cloudacct_text('reply'), $files);
                cloudacct_uploads_used($files);
                return cloudacct_do_job($client, $id);
            }
            if ($op === 'list') {
                return self::pageOf(cloudacct_do_jobs($client, $current, $page), $page);
            }
            throw new CloudacctRefused('不支持的操作。', 'bad_op');
        });
    }

    /**
     * 评价 a done job (POST): id, overall (good|neutral|bad), scores (a list in the order of
     * dimensions, or {dimension: 1-5}), comment. GET answers the dimensions and the rating so far.
     */
    public function doPageRate()
    {
        $client = $this->client();
        $id = cloudacct_int('id');
        if (isset($_SERVER['REQUEST_METHOD']) && $_SERVER['REQUEST_METHOD'] === 'POST') {
            $this->write();
            $this->answer(function () use ($client, $id) {
                $json = cloudacct_json_input();
                $scores = isset($_POST['scores']) && is_array($_POST['scores']) ? $_POST['scores']
                    : (isset($json['scores']) && is_array($json['scores']) ? $json['scores'] : array());
                $ratingId = cloudacct_do_rate($client, $id, cloudacct_str('overall'), $scores, cloudacct_text('comment'));
                return array('rating_id' => (int) $ratingId, 'rating' => cloudacct_area('Quality\Ratings')->forJob($client, $id));
            });
        }
        $this->answer(function () use ($client, $id) {
            $ratings = cloudacct_area('Quality\Ratings');
            $job = cloudacct_area('Work\Jobs')->get($client, $id);
            $rating = $ratings->forJob($client, $id);
            return array('dimensions' => $ratings->dimensions(), 'rating' => $rating,
                'can_rate' => !$rating && in_array($job['status'], array('done', 'closed'), true));
        });
    }

    // ------------------------------------------------------------ client: bills, books, complaints, notices

    /**
     * 缴费: op=list (default; status open|paid|waived|void|all; the summary with paid_through = 已缴至)
     * | bill (id) | payments | receipt (id = payment id) | pay (POST id = bill id) | payall (POST)
     * | state (kind=bill|order, id, tid: paid yet? asks WeChat Pay while a v3 payment is pending).
     */
    public function doPageBills()
    {
        list($client, $current) = $this->clientAndCompany();
        $op = cloudacct_str('op', 'list');
        $id = cloudacct_int('id');
        if ($op === 'pay') {
            $this->payParams($client, array('bill_id' => $id));
        }
        if ($op === 'payall') {
            $this->payParams($client, array('all' => $current));
        }
        $page = cloudacct_page();
        $this->answer(function () use ($client, $current, $op, $id, $page) {
            switch ($op) {
                case 'bill':
                    return cloudacct_do_bill($client, $id);
                case 'payments':
                    return self::pageOf(cloudacct_do_payments($client, $current, $page), $page);
                case 'receipt':
                    return cloudacct_do_receipt($client, $id);
                case 'state':
                    return cloudacct_do_pay_state($client, cloudacct_str('kind', 'bill'), $id, cloudacct_str('tid'));
                case 'list':
                    $r = cloudacct_do_bills($client, $current, cloudacct_str('status', 'open'), $page);
                    return array('client_id' => $current, 'summary' => $r['summary'], 'paid_through' => (string) $r['summary']['paid_through'])
                        + self::pageOf($r['bills'], $page);
            }
            throw new CloudacctRefused('不支持的操作。', 'bad_op');
        });
    }

    /** 我的账目: op=list (default; periods) | detail (id) | confirm (POST id, revision) | dispute (POST id, revision, comment). */
    public function doPageBooks()
    {
        list($client, $current) = $this->clientAndCompany();
        $op = cloudacct_str('op', 'list');
        $id = cloudacct_int('id');
        if ($op === 'confirm' || $op === 'dispute') {
            $this->write();
        }
        $this->answer(function () use ($client, $current, $op, $id) {
            if ($op === 'detail') {
                return cloudacct_do_book($client, $id);
            }
            if ($op === 'confirm' || $op === 'dispute') {
                cloudacct_do_book_confirm($client, $id, cloudacct_int('revision'), $op === 'confirm', cloudacct_text('comment'));
                return cloudacct_do_book($client, $id);
            }
            if ($op === 'list') {
                return array('client_id' => $current, 'periods' => cloudacct_do_book_periods($client, $current));
            }
            throw new CloudacctRefused('不支持的操作。', 'bad_op');
        });
    }

    /**
     * 我的投诉: op=list (default) | detail (id; the thread without internal notes) | new (POST
     * description, job_id, attachments) | reply / reopen / close (POST id, text).
     */
    public function doPageComplaints()
    {
        list($client, $current) = $this->clientAndCompany();
        $op = cloudacct_str('op', 'list');
        $id = cloudacct_int('id');
        if (in_array($op, array('new', 'reply', 'reopen', 'close'), true)) {
            $this->write();
        }
        $page = cloudacct_page();
        $this->answer(function () use ($client, $current, $op, $id, $page) {
            if ($op === 'detail') {
                return cloudacct_do_complaint($client, $id);
            }
            if ($op === 'new') {
                $files = cloudacct_uploaded_refs('attachments');
                $newId = cloudacct_do_complain($client, $current, cloudacct_text('description'), cloudacct_int('job_id'), $files);
                cloudacct_uploads_used($files);
                return array('complaint_id' => (int) $newId);
            }
            if (in_array($op, array('reply', 'reopen', 'close'), true)) {
                cloudacct_do_complaint_write($client, $id, $op, cloudacct_text('text'));
                return cloudacct_do_complaint($client, $id);
            }
            if ($op === 'list') {
                return self::pageOf(cloudacct_do_complaints($client, array('client_id' => $current), $page), $page);
            }
            throw new CloudacctRefused('不支持的操作。', 'bad_op');
        });
    }

    /** 消息 (clients and staff): op=list (default; unread=1 for unread only) | read (POST ids, none = all). */
    public function doPageNotices()
    {
        $actor = cloudacct_staff();
        $actor = $actor !== null ? $actor : $this->client();
        $op = cloudacct_str('op', 'list');
        if ($op === 'read') {
            $this->write();
        }
        $page = cloudacct_page();
        $this->answer(function () use ($actor, $op, $page) {
            if ($op === 'read') {
                $ids = array();
                foreach (cloudacct_list('ids') as $v) {
                    if (!preg_match('/^[1-9]\d{0,17}$/', $v)) {
                        throw new CloudacctRefused('消息编号不正确。', 'validation');
                    }
                    $ids[] = (int) $v;
                }
                return array('marked' => cloudacct_do_notices_read($actor, $ids));
            }
            $r = cloudacct_do_notices($actor, $page, cloudacct_str('unread') === '1');
            return array('unread' => (int) $r['unread']) + self::pageOf($r, $page);
        });
    }

    /**
     * Uploads one attachment (wx.uploadFile, file field "file"; POST): checked like a page's
     * attachments (name without path or "..", jpg/png/gif/pdf/doc/docx/xls/xlsx/zip, 10 MB) and
     * stored through 微擎's file_upload. Answers {path, url, name}; name path in "attachments" of
     * the request / reply / progress / complaint (only this session's uploads are accepted there).
     */
    public function doPageUpload()
    {
        if (cloudacct_staff() === null) {
            $this->client();
        }
        $this->write();
        $error = null;
        $paths = cloudacct_upload_attachments('file', $error);
        if ($paths === false) {
            $this->result(1, $error['message'], array('code' => 'validation', 'field' => 'file'));
        }
        if (count($paths) !== 1) {
            foreach ($paths as $p) {
                file_delete($p);
            }
            $this->result(1, '请选择一个文件上传。', array('code' => 'validation', 'field' => 'file'));
        }
        cloudacct_upload_remember($paths[0]);
        $this->result(0, 'ok', array('path' => $paths[0], 'url' => tomedia($paths[0]), 'name' => basename($paths[0])));
    }

    // ------------------------------------------------------------ staff

    /** 抢单池: op=list (default) | grab (POST id; errno 1 with data.code "taken" when another was faster). */
    public function doPagePool()
    {
        $staff = $this->staff();
        $op = cloudacct_str('op', 'list');
        if ($op === 'grab') {
            $this->write();
        }
        $page = cloudacct_page();
        $this->answer(function () use ($staff, $op, $page) {
            if ($op === 'grab') {
                $id = cloudacct_int('id');
                cloudacct_do_grab($staff, $id);
                return cloudacct_do_staff_job($staff, $id);
            }
            return self::pageOf(cloudacct_do_pool($staff, $page), $page);
        });
    }

    /**
     * 我的工单: op=list (default; status) | detail (id: job, progress with files, company, actions)
     * | start / progress (text, internal, attachments) / ask (text, attachments) / replied (text) /
     * complete (text) / release (text) — POST id. A job not assigned to this employee is refused.
     */
    public function doPageWork()
    {
        $staff = $this->staff();
        $op = cloudacct_str('op', 'list');
        $id = cloudacct_int('id');
        $ops = cloudacct_staff_job_ops();
        if (isset($ops[$op])) {
            $this->write();
        }
        $page = cloudacct_page();
        $this->answer(function () use ($staff, $op, $id, $page, $ops) {
            if ($op === 'detail') {
                return cloudacct_do_staff_job($staff, $id);
            }
            if (isset($ops[$op])) {
                cloudacct_do_staff_job($staff, $id); // refuses a job that is not mine before anything is written
                $files = in_array($op, array('progress', 'ask'), true) ? cloudacct_uploaded_refs('attachments') : array();
                cloudacct_do_staff_job_op($staff, $id, $op, cloudacct_text('text'), cloudacct_str('internal') === '1', $files);
                cloudacct_uploads_used($files);
                return array('done' => $ops[$op]) + ($op === 'release' ? array() : cloudacct_do_staff_job($staff, $id));
            }
            if ($op === 'list') {
                return self::pageOf(cloudacct_do_my_jobs($staff, cloudacct_str('status'), $page), $page);
            }
            throw new CloudacctRefused('不支持的操作。', 'bad_op');
        });
    }

    /** 我的客户: op=list (default; each with its arrears row or null) | remind (POST client_id: 提醒缴费). */
    public function doPageMyClients()
    {
        $staff = $this->staff();
        $op = cloudacct_str('op', 'list');
        if ($op === 'remind') {
            $this->write();
        }
        $page = cloudacct_page();
        $this->answer(function () use ($staff, $op, $page) {
            if ($op === 'remind') {
                return cloudacct_do_remind($staff, cloudacct_int('client_id'));
            }
            return self::pageOf(cloudacct_do_my_clients($staff, $page), $page);
        });
    }

    /**
     * 上传账目: op=get (default; client_id, period YYYY-MM: the lines to fill and the book so far)
     * | save (POST client_id, period, lines {key: 元 or text}, files [{name, url, size}] of doPageUpload's
     * paths, note, require_confirm, publish=1 to publish).
     */
    public function doPageBookEdit()
    {
        $staff = $this->staff();
        $op = cloudacct_str('op', 'get');
        if ($op === 'save') {
            $this->write();
        }
        $clientId = cloudacct_int('client_id');
        $period = cloudacct_str('period', cloudacct_books_last_period());
        $this->answer(function () use ($staff, $op, $clientId, $period) {
            $books = cloudacct_area('Books\Books');
            if ($op === 'save') {
                $json = cloudacct_json_input();
                $posted = isset($_POST['lines']) && is_array($_POST['lines']) ? $_POST['lines']
                    : (isset($json['lines']) && is_array($json['lines']) ? $json['lines'] : array());
                $lines = cloudacct_book_lines_from_input($books->lines($staff), $posted);
                $book = $books->find($staff, $clientId, $period);
                $files = array();
                foreach ($book ? $book['draft']['files'] : array() as $i => $f) {
                    if (in_array((string) $i, cloudacct_list('keep'), true)) {
                        $files[] = array('name' => $f['name'], 'url' => $f['url'], 'size' => (int) $f['size'], 'type' => $f['type']);
                    }
                }
                $new = cloudacct_uploaded_refs('files');
                foreach ($new as $path) {
                    $files[] = array('name' => basename($path), 'url' => $path, 'size' => (int) @filesize(ATTACHMENT_ROOT . '/' . $path));
                }
                $r = cloudacct_do_book_save($staff, $clientId, $period, array('lines' => $lines, 'files' => $files,
                    'note' => cloudacct_text('note'), 'require_confirm' => cloudacct_str('require_confirm') === '1'), cloudacct_str('publish') === '1');
                cloudacct_uploads_used($new);
                return $r + array('book' => $books->get($staff, $r['id']));
            }
            if ($op === 'get') {
                if ($clientId <= 0) {
                    return array('clients' => cloudacct_area('People\Clients')->search($staff, array('accountant_id' => $staff->id), 1, 100)['items'],
                        'period' => $period);
                }
                if (!cloudacct_valid_period($period)) {
                    throw new CloudacctRefused('账期格式不正确，应为 YYYY-MM。', 'validation');
                }
                return array('client_id' => $clientId, 'period' => $period, 'lines' => $books->lines($staff),
                    'book' => $books->find($staff, $clientId, $period));
            }
            throw new CloudacctRefused('不支持的操作。', 'bad_op');
        });
    }

    /** 我的评分: my rating aggregate and ratings, resolved complaints about me, performance this month and last. */
    public function doPageMyScores()
    {
        $staff = $this->staff();
        $page = cloudacct_page();
        $this->answer(function () use ($staff, $page) {
            $r = cloudacct_do_my_scores($staff, $page);
            return array('summary' => $r['ratings']['summary'], 'ratings' => self::pageOf($r['ratings'], $page),
                'complaints' => $r['complaints']['items'], 'performance' => $r['performance']);
        });
    }
}
