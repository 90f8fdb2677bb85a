<?php
/**
 * 微擎's pdo_* helpers (framework/function/pdo.func.php) for the dev host, over the extension's
 * CloudAcct\Db\Connection so the host needs no PDO driver. Only the host itself uses these, on its
 * imitation 微擎 core tables (ims_users, ims_core_sessions, ims_core_paylog …); the module never
 * issues SQL on its own tables.
 *
 * Behaviour kept from 微擎: table names are given without the prefix, condition arrays
 * ('col' => v, 'col' => [..] for IN, 'col >' => v, 'col' => 'NULL'), named (:name) or positional
 * parameters, pdo_insert returns affected rows, pdo_getall's limit is [page, size] (1-based).
 */

declare(strict_types=1);

function we7_host_db(): CloudAcct\Db\Connection
{
    global $_HOST;
    if (!isset($_HOST['db'])) {
        $_HOST['db'] = new CloudAcct\Db\Connection(we7_host_db_options());
    }
    return $_HOST['db'];
}

/** Connection options from data/config.php, read the way the module reads them. */
function we7_host_db_options(): array
{
    global $_HOST;
    $m = $_HOST['dbconfig'];
    $o = ['user' => $m['username'], 'password' => $m['password'], 'database' => $m['database'], 'prefix' => $m['tablepre']];
    if (!empty($m['socket'])) {
        $o['socket'] = $m['socket'];
    } else {
        $o['host'] = $m['host'];
        $o['port'] = (int) $m['port'];
    }
    return $o;
}

function tablename($table)
{
    global $_HOST;
    return '`' . $_HOST['dbconfig']['tablepre'] . $table . '`';
}

/** Rewrites :name parameters to ? (outside quotes) and orders the values to match. */
function we7_pdo_params(string $sql, array $params): array
{
    if (!$params || array_is_list($params)) {
        return [$sql, array_values($params)];
    }
    $named = [];
    foreach ($params as $k => $v) {
        $named[ltrim((string) $k, ':')] = $v;
    }
    $out = '';
    $values = [];
    $n = strlen($sql);
    for ($i = 0; $i < $n; $i++) {
        $c = $sql[$i];
        if ($c === "'" || $c === '"' || $c === '`') {
            $j = $i + 1;
            while ($j < $n && $sql[$j] !== $c) {
                $j += $sql[$j] === '\\' ? 2 : 1;
            }
            $out .= substr($sql, $i, $j - $i + 1);
            $i = $j;
        } elseif ($c === ':' && preg_match('/\G:([a-zA-Z_][a-zA-Z0-9_]*)/', $sql, $m, 0, $i)) {
            if (!array_key_exists($m[1], $named)) {
                throw new InvalidArgumentException("pdo: no value for :{$m[1]}");
            }
            $out .= '?';
            $values[] = $named[$m[1]];
            $i += strlen($m[0]) - 1;
        } else {
            $out .= $c;
        }
    }
    return [$out, $values];
}

/** 微擎 condition arrays to "WHERE …" and values. */
function we7_pdo_where($condition, string $glue = 'AND'): array
{
    if (!is_array($condition)) {
        return [$condition === '' || $condition === null ? '' : (string) $condition, []];
    }
    $parts = [];
    $values = [];
    foreach ($condition as $field => $value) {
        $op = '=';
        if (preg_match('/^(\S+)\s+(>=|<=|<>|!=|>|<|=|LIKE|like)$/', (string) $field, $m)) {
            [$field, $op] = [$m[1], strtoupper($m[2])];
        }
        $col = '`' . str_replace('`', '', (string) $field) . '`';
        if (is_array($value)) {
            if (!$value) {
                $parts[] = '0 = 1';
                continue;
            }
            $parts[] = $col . ($op === '<>' || $op === '!=' ? ' NOT IN (' : ' IN (') . implode(',', array_fill(0, count($value), '?')) . ')';
            array_push($values, ...array_values($value));
        } elseif ($value === 'NULL' || $value === null) {
            $parts[] = $col . ($op === '<>' || $op === '!=' ? ' IS NOT NULL' : ' IS NULL');
        } else {
            $parts[] = "$col $op ?";
            $values[] = $value;
        }
    }
    return [$parts ? implode(" $glue ", $parts) : '', $values];
}

function pdo_query($sql, $params = [])
{
    [$sql, $values] = we7_pdo_params($sql, $params);
    if (preg_match('/^\s*(SELECT|SHOW)\b/i', $sql)) {
        return count(we7_host_db()->query($sql, $values));
    }
    return we7_host_db()->execute($sql, $values);
}

function pdo_fetch($sql, $params = [])
{
    [$sql, $values] = we7_pdo_params($sql, $params);
    return we7_host_db()->queryRow($sql, $values) ?? false;
}

function pdo_fetchall($sql, $params = [], $keyfield = '')
{
    [$sql, $values] = we7_pdo_params($sql, $params);
    $rows = we7_host_db()->query($sql, $values);
    if ($keyfield === '' || $keyfield === null) {
        return $rows;
    }
    $out = [];
    foreach ($rows as $row) {
        $out[$row[$keyfield]] = $row;
    }
    return $out;
}

function pdo_fetchcolumn($sql, $params = [], $column = 0)
{
    $row = pdo_fetch($sql, $params);
    if (!$row) {
        return false;
    }
    $values = array_values($row);
    return $values[$column] ?? false;
}

function we7_pdo_select(string $table, $condition, $fields, string $tail = ''): array
{
    $cols = '*';
    if (is_array($fields) && $fields) {
        $cols = implode(',', array_map(fn ($f) => '`' . str_replace('`', '', (string) $f) . '`', $fields));
    } elseif (is_string($fields) && $fields !== '') {
        $cols = $fields;
    }
    [$where, $values] = we7_pdo_where($condition);
    return ["SELECT $cols FROM " . tablename($table) . ($where !== '' ? " WHERE $where" : '') . $tail, $values];
}

function pdo_get($tablename, $condition = [], $fields = [])
{
    [$sql, $values] = we7_pdo_select($tablename, $condition, $fields, ' LIMIT 1');
    return we7_host_db()->queryRow($sql, $values) ?? false;
}

function pdo_getall($tablename, $condition = [], $fields = [], $keyfield = '', $orderby = [], $limit = [])
{
    $tail = '';
    if ($orderby) {
        $tail .= ' ORDER BY ' . (is_array($orderby) ? implode(',', $orderby) : $orderby);
    }
    if ($limit) {
        if (is_array($limit)) {
            $page = max(1, (int) $limit[0]);
            $size = max(1, (int) ($limit[1] ?? 20));
            $tail .= ' LIMIT ' . (($page - 1) * $size) . ',' . $size;
        } else {
            $tail .= ' LIMIT ' . preg_replace('/[^0-9,]/', '', (string) $limit);
        }
    }
    [$sql, $values] = we7_pdo_select($tablename, $condition, $fields, $tail);
    $rows = we7_host_db()->query($sql, $values);
    return $keyfield ? array_column($rows, null, $keyfield) : $rows;
}

function pdo_getcolumn($tablename, $condition, $field)
{
    $expr = preg_match('/^[a-z_][a-z0-9_]*$/i', $field) ? "`$field`" : $field;
    [$sql, $values] = we7_pdo_select($tablename, $condition, $expr, ' LIMIT 1');
    return we7_host_db()->queryValue($sql, $values) ?? false;
}

function pdo_exists($tablename, $condition = [])
{
    return pdo_count($tablename, $condition) > 0;
}

function pdo_count($tablename, $condition = [])
{
    return (int) pdo_getcolumn($tablename, $condition, 'COUNT(*)');
}

function we7_host_columns(string $table): array
{
    static $cache = [];
    return $cache[$table] ??= array_flip(array_column(we7_host_db()->query('SHOW COLUMNS FROM ' . tablename($table)), 'Field'));
}

function we7_pdo_set(array $data, string $glue = ','): array
{
    $parts = [];
    $values = [];
    foreach ($data as $field => $value) {
        if (preg_match('/^(\S+)\s+(\+=|-=)$/', (string) $field, $m)) {
            $col = '`' . str_replace('`', '', $m[1]) . '`';
            $parts[] = "$col = $col " . $m[2][0] . ' ?';
        } else {
            $parts[] = '`' . str_replace('`', '', (string) $field) . '` = ?';
        }
        $values[] = is_bool($value) ? (int) $value : $value;
    }
    return [implode($glue, $parts), $values];
}

function pdo_insert($tablename, $data = [], $replace = false)
{
    [$set, $values] = we7_pdo_set($data);
    return we7_host_db()->execute(($replace ? 'REPLACE' : 'INSERT') . ' INTO ' . tablename($tablename) . " SET $set", $values);
}

function pdo_insertid()
{
    return (int) we7_host_db()->queryValue('SELECT LAST_INSERT_ID()');
}

function pdo_update($tablename, $data = [], $condition = [], $glue = 'AND')
{
    [$set, $values] = we7_pdo_set($data);
    [$where, $wvalues] = we7_pdo_where($condition, strtoupper($glue) === 'OR' ? 'OR' : 'AND');
    return we7_host_db()->execute('UPDATE ' . tablename($tablename) . " SET $set" . ($where !== '' ? " WHERE $where" : ''), [...$values, ...$wvalues]);
}

function pdo_delete($tablename, $condition = [], $glue = 'AND')
{
    [$where, $values] = we7_pdo_where($condition, strtoupper($glue) === 'OR' ? 'OR' : 'AND');
    return we7_host_db()->execute('DELETE FROM ' . tablename($tablename) . ($where !== '' ? " WHERE $where" : ''), $values);
}

function pdo_begin()
{
    we7_host_db()->begin();
}

function pdo_commit()
{
    we7_host_db()->commit();
}

function pdo_rollback()
{
    we7_host_db()->rollback();
}

function pdo_tableexists($tablename)
{
    global $_HOST;
    // SHOW TABLES LIKE ? cannot be prepared (MariaDB answers a syntax error for the placeholder)
    return (bool) we7_host_db()->queryValue('SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?',
        [$_HOST['dbconfig']['tablepre'] . $tablename]);
}

function pdo_fieldexists($tablename, $fieldname)
{
    return isset(we7_host_columns($tablename)[$fieldname]);
}

/** Runs several statements: " ims_" becomes the real prefix, split on ";" + newline. */
function pdo_run($sql)
{
    global $_HOST;
    $pre = $_HOST['dbconfig']['tablepre'];
    $sql = str_replace([' ims_', ' `ims_'], [' ' . $pre, ' `' . $pre], $sql);
    foreach (preg_split('/;\s*\n/', $sql) as $stmt) {
        $lines = array_filter(explode("\n", $stmt), fn ($l) => !preg_match('/^\s*(#|--)/', $l));
        $stmt = trim(implode('', $lines));
        if ($stmt !== '' && $stmt !== ';') {
            we7_host_db()->execute(rtrim($stmt, ';'));
        }
    }
    return true;
}
