<?php
/**
 * 首页装修 (the home_layout setting): the pages a link may name, link resolution, and the stored
 * layout turned into what the client home renders. The extension validates the layout when the
 * admin saves it (Settings::set); this file only reads it.
 */
defined('IN_IA') or exit('Access Denied');

/** The client pages a menu entry or a slide may link to (the extension's list), with labels. */
function cloudacct_diy_pages()
{
    return array(
        'home' => '首页', 'services' => '服务项目', 'request' => '提交需求', 'jobs' => '办事进度', 'bills' => '缴费',
        'books' => '我的账目', 'orders' => '我的订单', 'accountant' => '我的会计', 'company' => '我的企业',
        'bind' => '绑定企业', 'register' => '企业注册', 'complaints' => '投诉建议',
    );
}

/** A page this install has (a link to a page not installed yet is left out, not broken). */
function cloudacct_diy_page_exists($do)
{
    $pages = cloudacct_diy_pages();
    return isset($pages[$do]) && is_file(__DIR__ . '/mobile/' . $do . '.inc.php');
}

/** A stored link → a URL ('' for none or anything not allowed); $url($do, $query) is the page's createMobileUrl. */
function cloudacct_diy_url($url, $link)
{
    $link = (string) $link;
    if (preg_match('/^service:([1-9][0-9]{0,9})$/', $link, $m)) {
        return $url('service', array('id' => (int) $m[1]));
    }
    if (preg_match('#^https://[^\s"\'<>\\\\`]+$#i', $link)) {
        return $link;
    }
    return cloudacct_diy_page_exists($link) ? $url($link, array()) : '';
}

/**
 * The visible blocks of the stored layout for $actor (a client), in order, ready for the template:
 * links resolved through $url($do, $query) (the page's createMobileUrl, protected in 微擎's WeBase),
 * images through tomedia(), the recommended services from the on-sale catalogue.
 */
function cloudacct_diy_blocks($url, $actor)
{
    $layout = cloudacct_guard(function () {
        return cloudacct_area('Settings')->get('home_layout');
    });
    $blocks = array();
    $onSale = null;
    foreach (isset($layout['blocks']) && is_array($layout['blocks']) ? $layout['blocks'] : array() as $i => $b) {
        if (!empty($b['hidden'])) {
            continue;
        }
        $out = array('type' => $b['type'], 'n' => $i + 1, 'title' => isset($b['title']) ? (string) $b['title'] : '');
        switch ($b['type']) {
            case 'slides':
            case 'menu':
                $items = array();
                foreach ($b['items'] as $it) {
                    $href = cloudacct_diy_url($url, isset($it['link']) ? $it['link'] : '');
                    if ($b['type'] === 'menu' && $href === '') {
                        continue; // a page this install lacks
                    }
                    $img = $b['type'] === 'menu' ? (isset($it['icon']) ? $it['icon'] : '') : $it['image'];
                    $items[] = array('url' => $href, 'image' => $img !== '' ? tomedia($img) : '',
                        'label' => isset($it['label']) ? (string) $it['label'] : '');
                }
                if (!$items) {
                    continue 2;
                }
                $out['items'] = $items;
                break;
            case 'notice':
            case 'custom':
                $out['text'] = (string) $b['text'];
                break;
            case 'services':
                if ($onSale === null) {
                    $onSale = cloudacct_guard(function () use ($actor) {
                        return cloudacct_area('Work\Catalog')->services($actor, array(), 1, 100)['items'];
                    });
                }
                $limit = isset($b['limit']) ? (int) $b['limit'] : 4;
                $byId = array();
                foreach ($onSale as $s) {
                    $byId[(int) $s['id']] = $s;
                }
                $picked = array();
                if (!empty($b['ids'])) {
                    foreach ($b['ids'] as $id) {
                        if (isset($byId[(int) $id])) {
                            $picked[] = $byId[(int) $id]; // off-sale or deleted ones drop out
                        }
                    }
                } else {
                    $picked = $onSale;
                }
                $items = array();
                foreach (array_slice($picked, 0, $limit) as $s) {
                    $items[] = array('url' => $url('service', array('id' => $s['id'])), 'title' => $s['title'],
                        'summary' => isset($s['summary']) ? $s['summary'] : '', 'price' => $s['price'],
                        'cover_url' => !empty($s['cover']) ? tomedia($s['cover']) : '');
                }
                if (!$items) {
                    continue 2;
                }
                $out['items'] = $items;
                break;
            default:
                continue 2;
        }
        $blocks[] = $out;
    }
    return $blocks;
}
