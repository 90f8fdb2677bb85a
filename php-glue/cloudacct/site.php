<?php
/**
 * 云会计 — <Id>ModuleSite. 微擎 calls doWeb<Do>() for backend pages and doMobile<Do>() for H5
 * pages; each page body is a thin controller in inc/web/<do>.inc.php or inc/mobile/<do>.inc.php
 * (loaded by 微擎's WeBase::__call): resolve who and what, call the extension, render.
 */
defined('IN_IA') or exit('Access Denied');
require_once __DIR__ . '/inc/bootstrap.php';

class CloudacctModuleSite extends WeModuleSite
{
    use CloudacctView;

    /** Mobile pages: the contact (or null) and its current company, for the page chrome. */
    protected function clientContext()
    {
        $client = cloudacct_client();
        if ($client === null) {
            return array(null, 0, array());
        }
        $contacts = cloudacct_area('People\Contacts');
        $companies = cloudacct_guard(function () use ($contacts, $client) {
            return $contacts->companies($client);
        });
        $current = 0;
        foreach ($companies as $c) {
            if (!empty($c['current'])) {
                $current = (int) $c['client_id'];
            }
        }
        if (!$current && $companies) {
            $current = (int) $companies[0]['client_id'];
        }
        return array($client, $current, $companies);
    }

    /** A client page: the contact and its current company, or off to binding. */
    protected function requireClient()
    {
        list($client, $current, $companies) = $this->clientContext();
        if ($client === null || !$current) {
            message('请先绑定您的企业（输入会计给您的邀请码）。', $this->createMobileUrl('bind'), 'info');
        }
        return array($client, $current, $companies);
    }

    /** The bottom tab bar of client pages. */
    protected function clientTabs($on)
    {
        $tabs = array();
        foreach (array('home' => '首页', 'services' => '服务', 'accountant' => '我的会计', 'company' => '我的企业') as $do => $label) {
            $tabs[] = array('url' => $this->createMobileUrl($do), 'label' => $label, 'on' => $do === $on);
        }
        return $tabs;
    }

    /** A page only a WeChat user can use (binding needs the fan's openid). */
    protected function requireOpenid()
    {
        if (cloudacct_openid() === '') {
            message('请在微信中打开本页面。', '', 'info');
        }
        return cloudacct_openid();
    }

    protected function requireStaff()
    {
        $staff = cloudacct_staff();
        if ($staff === null) {
            message('此页面仅限已绑定的员工使用，请先输入管理员发给您的绑定码。', $this->createMobileUrl('staffbind'), 'info');
        }
        return $staff;
    }
}
