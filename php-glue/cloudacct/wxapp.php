<?php
/**
 * 云会计 — <Id>ModuleWxapp: the mini-program JSON API, app/index.php?i=…&c=entry&a=wxapp&m=cloudacct&do=…
 * Each doPage* mirrors a mobile page: same Actor (the fan's openid from the session), same
 * extension calls, answers {"errno", "message", "data"} through 微擎's result(). Input is read
 * raw (form fields or a JSON body), never from the HTML-escaped $_GPC.
 */
defined('IN_IA') or exit('Access Denied');
require_once __DIR__ . '/inc/bootstrap.php';

class CloudacctModuleWxapp extends WeModuleWxapp
{
    /** Runs $fn and answers its data, or the error's Chinese message with errno 1. */
    private function answer($fn)
    {
        try {
            $this->result(0, 'ok', $fn());
        } catch (Exception $e) {
            $this->result(1, cloudacct_error_text($e));
        } catch (Error $e) {
            $this->result(1, cloudacct_error_text($e));
        }
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
}
