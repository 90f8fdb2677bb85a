<?php
/**
 * 云会计 — <Id>Module: the settings page 微擎 opens at
 * web/index.php?c=module&a=manage-account&do=setting&m=cloudacct. The settings live in the
 * extension's typed registry (CloudAcct\Settings), not in 微擎's module config: the form shows
 * every key with its label and type, secrets masked (the mask posted back keeps the secret), and
 * saves through Settings::set, which validates and audits.
 */
defined('IN_IA') or exit('Access Denied');
require_once __DIR__ . '/inc/bootstrap.php';

class CloudacctModule extends WeModule
{
    use CloudacctView;

    public function settingsDisplay($settings)
    {
        global $_W;
        $admin = cloudacct_admin();
        $registry = cloudacct_area('Settings');
        $all = cloudacct_guard(function () use ($registry, $admin) {
            return $registry->all($admin);
        });
        $errors = array();
        $posted = array();
        if (cloudacct_submitted()) {
            $saved = 0;
            foreach ($all as $name => $meta) {
                $raw = cloudacct_str('s_' . $name, '');
                $posted[$name] = $meta['type'] === 'bool' ? (cloudacct_str('s_' . $name, '0') === '1') : $raw;
                try {
                    $value = $this->settingValue($meta, $raw, $name);
                    if ($value === $meta['value']) {
                        continue;
                    }
                    if ($name === 'work_calendar') {
                        cloudacct_area('Work\Calendar')->set($admin, $value);
                    } elseif ($name === 'books_lines') {
                        cloudacct_area('Books\Books')->setLines($admin, is_array($value) ? $value : array());
                    } else {
                        $registry->set($admin, $name, $value);
                    }
                    $saved++;
                } catch (Exception $e) {
                    $errors[$name] = cloudacct_error_text($e);
                } catch (Error $e) {
                    $errors[$name] = cloudacct_error_text($e);
                }
            }
            if (!$errors) {
                message($saved ? "设置已保存（{$saved} 项有改动）。" : '没有改动。', 'refresh', 'success');
            }
            $all = $registry->all($admin);
        }
        $fields = array();
        foreach ($all as $name => $meta) {
            $shown = array_key_exists($name, $posted) ? $posted[$name] : $meta['value'];
            $fields[] = array(
                'name' => $name,
                'label' => $meta['label'],
                'type' => $meta['type'],
                'secret' => $meta['secret'],
                'stored' => $meta['stored'],
                'options' => $meta['type'] === 'string' ? $this->optionsFromLabel($meta['label']) : array(),
                'long' => $meta['type'] === 'json' || preg_match('/template|private_key|platform_keys/', $name) || (is_string($shown) && strlen($shown) > 60),
                'text' => $this->settingText($meta['type'], $shown),
                'checked' => $meta['type'] === 'bool' && $shown === true,
                'default' => $this->settingText($meta['type'], $meta['default']),
                'error' => isset($errors[$name]) ? $errors[$name] : '',
            );
        }
        $this->render('setting', array(
            'fields' => $fields,
            'errors' => array_values($errors),
            'action' => url('module/manage-account/setting', array('m' => 'cloudacct')),
        ));
    }

    /** What to pass to Settings::set for the posted text. */
    private function settingValue(array $meta, $raw, $name)
    {
        switch ($meta['type']) {
            case 'int':
                if (!preg_match('/^-?\d{1,10}$/', $raw)) {
                    throw new CloudAcct\ValidationException('“' . $meta['label'] . '”请填写整数。');
                }
                return (int) $raw;
            case 'bool':
                return $raw === '1';
            case 'int_list':
                $out = array();
                foreach (preg_split('/[\s,，、;；]+/u', $raw, -1, PREG_SPLIT_NO_EMPTY) as $part) {
                    if (!preg_match('/^[-−]?\d{1,6}$/u', $part)) {
                        throw new CloudAcct\ValidationException('“' . $meta['label'] . '”请填写用逗号分隔的整数，如 -3, 0, 3, 7, 15。');
                    }
                    $out[] = (int) str_replace('−', '-', $part);
                }
                return $out;
            case 'json':
                $v = json_decode($raw, true);
                if ($raw === '' || ($v === null && strtolower($raw) !== 'null')) {
                    throw new CloudAcct\ValidationException('“' . $meta['label'] . '”不是有效的 JSON。');
                }
                return $v;
            default:
                return $raw;
        }
    }

    private function settingText($type, $value)
    {
        if ($type === 'int_list' && is_array($value)) {
            return implode(', ', $value);
        }
        if ($type === 'json') {
            return is_string($value) ? $value : json_encode($value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        }
        if ($type === 'bool') {
            return $value ? '是' : '否';
        }
        return (string) $value;
    }

    /** "…（a 说明；b 说明）" → [a => "a 说明", b => …]: the labels of keys with fixed options say them. */
    private function optionsFromLabel($label)
    {
        if (!preg_match('/（(.+)）\s*$/u', $label, $m)) {
            return array();
        }
        $options = array();
        foreach (preg_split('/；/u', $m[1]) as $part) {
            if (!preg_match('/^\s*([a-z0-9_]+)\s+(.+)$/u', $part, $p)) {
                return array();
            }
            $options[] = array('value' => $p[1], 'label' => $p[1] . ' ' . $p[2]);
        }
        return count($options) >= 2 ? $options : array();
    }
}
