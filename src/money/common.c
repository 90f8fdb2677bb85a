/* Money area helpers (money_int.h): rows, time, input, actors, settings, receipts, audit. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "ext/random/php_random.h"
#include "money_int.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../core/text.h"
#include "../core/calendar.h"
#include "../core/ledger.h"
#include "../audit/audit.h"
#include "../settings/settings.h"

/* ---- rows ---- */

zend_long cloudacct_money_long(zval *row, const char *key)
{
	/* Aggregates (SUM, COALESCE(MIN …)) may come back as DECIMAL strings. */
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	return v ? zval_get_long(v) : 0;
}

const char *cloudacct_money_str(zval *row, const char *key, size_t *len)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	if (!v || Z_TYPE_P(v) != IS_STRING) {
		*len = 0;
		return "";
	}
	*len = Z_STRLEN_P(v);
	return Z_STRVAL_P(v);
}

size_t cloudacct_money_period_str(int32_t period, char buf[8])
{
	if (!cloudacct_period_valid(period)) {
		buf[0] = '\0';
		return 0;
	}
	return (size_t) snprintf(buf, 8, "%04d-%02d", (int) (period / 100), (int) (period % 100));
}

static void format_keys(zval *row, const char *const *keys, bool dates)
{
	for (; keys && *keys; keys++) {
		zval *v = zend_hash_str_find(Z_ARRVAL_P(row), *keys, strlen(*keys));
		char buf[CLOUDACCT_DATE_BUFSZ];
		size_t n;
		if (!v || Z_TYPE_P(v) != IS_LONG) {
			continue;
		}
		n = dates ? cloudacct_date_format((int32_t) Z_LVAL_P(v), buf) : cloudacct_money_period_str((int32_t) Z_LVAL_P(v), buf);
		zval_ptr_dtor(v);
		ZVAL_STRINGL(v, buf, n);
	}
}

void cloudacct_money_format_periods(zval *row, const char *const *period_keys, const char *const *date_keys)
{
	if (Z_TYPE_P(row) != IS_ARRAY) {
		return;
	}
	SEPARATE_ARRAY(row);
	format_keys(row, period_keys, false);
	format_keys(row, date_keys, true);
}

void cloudacct_money_format_rows(zval *rows, const char *const *period_keys, const char *const *date_keys)
{
	zval *row;

	if (Z_TYPE_P(rows) != IS_ARRAY) {
		return;
	}
	SEPARATE_ARRAY(rows);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rows), row) {
		cloudacct_money_format_periods(row, period_keys, date_keys);
	} ZEND_HASH_FOREACH_END();
}

/* ---- time ---- */

int32_t cloudacct_money_today(void)
{
	return cloudacct_date_from_ts(cloudacct_clock_now(), CLOUDACCT_TZ_CHINA);
}

int32_t cloudacct_money_period_of(zend_long ts)
{
	int32_t d = cloudacct_date_from_ts(ts, CLOUDACCT_TZ_CHINA);
	return d > 0 ? d / 100 : 0;
}

int32_t cloudacct_money_this_period(void)
{
	return cloudacct_money_period_of(cloudacct_clock_now());
}

int cloudacct_money_local_hour(void)
{
	zend_long local = cloudacct_clock_now() + CLOUDACCT_TZ_CHINA;
	return (int) ((local % 86400 + 86400) % 86400 / 3600);
}

/* ---- input ---- */

bool cloudacct_money_parse_period(zend_string *s, const char *field, int32_t *out)
{
	const char *p = ZSTR_VAL(s);
	int32_t date;
	char buf[11];

	if (ZSTR_LEN(s) == 7 && p[4] == '-') {
		memcpy(buf, p, 7);
		memcpy(buf + 7, "-01", 3);
		if (cloudacct_date_parse(buf, 10, &date)) {
			*out = date / 100;
			return true;
		}
	}
	cloudacct_throw_validation(field, "月份格式应为 YYYY-MM，如 2026-01 (%s: expected YYYY-MM)", field);
	return false;
}

bool cloudacct_money_parse_date(zend_string *s, const char *field, int32_t *out)
{
	if (!cloudacct_date_parse(ZSTR_VAL(s), ZSTR_LEN(s), out)) {
		cloudacct_throw_validation(field, "日期格式应为 YYYY-MM-DD，如 2026-01-15 (%s: expected YYYY-MM-DD)", field);
		return false;
	}
	return true;
}

bool cloudacct_money_check_amount(zend_long fen, const char *field)
{
	if (fen <= 0) {
		cloudacct_throw_validation(field, "金额须大于 0 (%s: amount must be positive fen)", field);
		return false;
	}
	if (fen > CLOUDACCT_MONEY_MAX_FEN) {
		cloudacct_throw_validation(field, "金额过大，单笔不超过 10 亿元 (%s: amount too large)", field);
		return false;
	}
	return true;
}

bool cloudacct_money_arg_amount(zval *z, uint32_t arg, const char *field, zend_long *out)
{
	switch (Z_TYPE_P(z)) {
		case IS_LONG:
			*out = Z_LVAL_P(z);
			return cloudacct_money_check_amount(*out, field);
		case IS_DOUBLE:
			cloudacct_throw_validation(field, "金额须为整数“分”，不能是小数；元请用 CloudAcct\\Money::parse(\"12.34\") 换算 (%s: float refused)",
				field);
			return false;
		case IS_STRING:
			cloudacct_throw_validation(field, "金额须为整数“分”，不能是文本；元请用 CloudAcct\\Money::parse() 换算 (%s: string refused)",
				field);
			return false;
		default:
			zend_argument_type_error(arg, "must be of type int, %s given", zend_zval_type_name(z));
			return false;
	}
}

bool cloudacct_money_check_text(zend_string *s, const char *field, const char *label, size_t min, size_t max)
{
	cloudacct_text_status st = cloudacct_text_check(ZSTR_VAL(s), ZSTR_LEN(s), min, max, false);

	if (st == CLOUDACCT_TEXT_OK) {
		return true;
	}
	if (st == CLOUDACCT_TEXT_TOO_LONG || st == CLOUDACCT_TEXT_TOO_SHORT) {
		cloudacct_throw_validation(field, "“%s”须为 %zu 到 %zu 个字符 (%s: %zu..%zu characters)", label, min, max,
			field, min, max);
	} else {
		cloudacct_throw_validation(field, "“%s”%s (%s: invalid text)", label, cloudacct_text_status_message(st), field);
	}
	return false;
}

bool cloudacct_money_check_ref(zend_string *s, const char *field, const char *label, size_t max)
{
	bool ok = ZSTR_LEN(s) >= 1 && ZSTR_LEN(s) <= max;

	for (size_t i = 0; ok && i < ZSTR_LEN(s); i++) {
		unsigned char ch = (unsigned char) ZSTR_VAL(s)[i];
		ok = ch > 0x20 && ch < 0x7f;
	}
	if (!ok) {
		cloudacct_throw_validation(field, "“%s”须为 1 到 %zu 个字母、数字或符号，不含空格 (%s: 1..%zu printable ASCII)",
			label, max, field, max);
	}
	return ok;
}

bool cloudacct_money_check_page(zend_long page, zend_long per_page, uint32_t page_arg)
{
	if (page < 1 || page > 100000) {
		zend_argument_value_error(page_arg, "must be between 1 and 100000");
		return false;
	}
	if (per_page < 1 || per_page > 200) {
		zend_argument_value_error(page_arg + 1, "must be between 1 and 200");
		return false;
	}
	return true;
}

bool cloudacct_money_check_id(zend_long id, uint32_t arg)
{
	if (id <= 0) {
		zend_argument_value_error(arg, "must be greater than 0");
		return false;
	}
	return true;
}

bool cloudacct_money_opt_long(HashTable *opts, const char *key, zend_long dflt, zend_long *out)
{
	zval *v = opts ? zend_hash_str_find(opts, key, strlen(key)) : NULL;

	if (!v || Z_TYPE_P(v) == IS_NULL) {
		*out = dflt;
		return true;
	}
	if (Z_TYPE_P(v) != IS_LONG) {
		cloudacct_throw_validation(key, "“%s”须为整数%s (%s: int expected)", key,
			Z_TYPE_P(v) == IS_DOUBLE ? "（金额以分为单位，不能是小数）" : "", key);
		return false;
	}
	*out = Z_LVAL_P(v);
	return true;
}

bool cloudacct_money_opt_str(HashTable *opts, const char *key, zend_string **out)
{
	zval *v = opts ? zend_hash_str_find(opts, key, strlen(key)) : NULL;

	*out = NULL;
	if (!v || Z_TYPE_P(v) == IS_NULL) {
		return true;
	}
	if (Z_TYPE_P(v) != IS_STRING) {
		cloudacct_throw_validation(key, "“%s”须为文本 (%s: string expected)", key, key);
		return false;
	}
	*out = Z_STR_P(v);
	return true;
}

bool cloudacct_money_opt_known(HashTable *opts, const char *const *allowed, const char *what)
{
	zend_string *key;

	if (!opts) {
		return true;
	}
	ZEND_HASH_FOREACH_STR_KEY(opts, key) {
		bool known = false;
		for (const char *const *a = allowed; key && *a && !known; a++) {
			known = zend_string_equals_cstr(key, *a, strlen(*a));
		}
		if (!known) {
			cloudacct_throw_validation(key ? ZSTR_VAL(key) : "", "%s中有不认识的项：%s (unknown key)", what,
				key ? ZSTR_VAL(key) : "(整数键)");
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

size_t cloudacct_money_utf8_prefix(const char *s, size_t len, size_t max_chars)
{
	size_t i = 0, chars = 0;

	while (i < len && chars < max_chars) {
		i++;
		while (i < len && ((unsigned char) s[i] & 0xC0) == 0x80) {
			i++;
		}
		chars++;
	}
	return i;
}

/* ---- actors ---- */

bool cloudacct_money_require_admin(const cloudacct_actor *a)
{
	if (a->kind != CLOUDACCT_ACTOR_ADMIN) {
		cloudacct_throw_forbidden("只有管理员可以进行此操作 (admins only)");
		return false;
	}
	return true;
}

bool cloudacct_money_require_system(const cloudacct_actor *a)
{
	if (a->kind != CLOUDACCT_ACTOR_SYSTEM) {
		cloudacct_throw_forbidden("只有系统任务可以进行此操作 (system actor only)");
		return false;
	}
	return true;
}

bool cloudacct_money_require_admin_or_system(const cloudacct_actor *a)
{
	if (a->kind != CLOUDACCT_ACTOR_ADMIN && a->kind != CLOUDACCT_ACTOR_SYSTEM) {
		cloudacct_throw_forbidden("只有管理员或系统任务可以进行此操作 (admins or the system only)");
		return false;
	}
	return true;
}

zend_result cloudacct_money_authorize(cloudacct_store *s, const cloudacct_actor *a, zend_long client_id,
	cloudacct_client_info *out)
{
	if (a->kind == CLOUDACCT_ACTOR_STAFF) {
		cloudacct_staff_info staff;
		if (cloudacct_people_require_active_staff(s, a, &staff) == FAILURE) {
			return FAILURE;
		}
	}
	return cloudacct_people_authorize_client(s, a, client_id, out);
}

zend_result cloudacct_money_authorize_staff_or_admin(cloudacct_store *s, const cloudacct_actor *a, zend_long client_id)
{
	if (a->kind != CLOUDACCT_ACTOR_STAFF && a->kind != CLOUDACCT_ACTOR_ADMIN) {
		cloudacct_throw_forbidden("只有员工或管理员可以进行此操作 (staff or admins only)");
		return FAILURE;
	}
	return cloudacct_money_authorize(s, a, client_id, NULL);
}

zend_result cloudacct_money_scope(cloudacct_store *s, const cloudacct_actor *a, bool allow_clients, smart_str *where,
	cloudacct_param *p, uint32_t *n)
{
	return cloudacct_money_scope_on(s, a, allow_clients, "c.store_id", "c.accountant_id", "c.id", where, p, n);
}

zend_result cloudacct_money_scope_on(cloudacct_store *s, const cloudacct_actor *a, bool allow_clients, const char *store_col,
	const char *accountant_col, const char *client_col, smart_str *where, cloudacct_param *p, uint32_t *n)
{
	switch (a->kind) {
		case CLOUDACCT_ACTOR_SYSTEM:
			return SUCCESS;
		case CLOUDACCT_ACTOR_ADMIN: {
			/* Asked once here rather than per row: an OR of "no scope" and "in the scope" in the
			 * WHERE clause keeps the server from using an index for the rest of it. */
			zval scoped;
			cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(a->id) };
			if (CLOUDACCT_DB_RUN(s->db, "SELECT COUNT(*) FROM {admin_store} WHERE uniacid = ? AND we7_uid = ?", q, 2,
					CLOUDACCT_FETCH_VALUE, &scoped) == FAILURE) {
				return FAILURE;
			}
			if (zval_get_long(&scoped) > 0) {
				smart_str_append_printf(where, " AND %s IN (SELECT store_id FROM {admin_store} WHERE uniacid = ? AND we7_uid = ?)",
					store_col);
				p[(*n)++] = CLOUDACCT_PARAM_LONG(s->uniacid);
				p[(*n)++] = CLOUDACCT_PARAM_LONG(a->id);
			}
			zval_ptr_dtor(&scoped);
			return SUCCESS;
		}
		case CLOUDACCT_ACTOR_STAFF: {
			cloudacct_staff_info staff;
			if (cloudacct_people_require_active_staff(s, a, &staff) == FAILURE) {
				return FAILURE;
			}
			smart_str_append_printf(where, " AND %s = ?", accountant_col);
			p[(*n)++] = CLOUDACCT_PARAM_LONG(a->id);
			return SUCCESS;
		}
		case CLOUDACCT_ACTOR_CLIENT:
			if (!allow_clients) {
				cloudacct_throw_forbidden("客户不能查看此报表 (clients may not list this)");
				return FAILURE;
			}
			smart_str_append_printf(where, " AND %s IN (SELECT client_id FROM {client_contact} WHERE uniacid = ? AND contact_id = ?)",
				client_col);
			p[(*n)++] = CLOUDACCT_PARAM_LONG(s->uniacid);
			p[(*n)++] = CLOUDACCT_PARAM_LONG(a->id);
			return SUCCESS;
	}
	return SUCCESS;
}

zend_result cloudacct_money_balance_row(cloudacct_store *s, zend_long client_id, zend_long now)
{
	/* one row even when the company is missing (the aggregate), as the plain insert this replaces */
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id), CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	return CLOUDACCT_DB_RUN(s->db, "INSERT INTO {client_balance} (uniacid, client_id, store_id, accountant_id, updated_at)"
		" SELECT ?, ?, COALESCE(MAX(c.store_id), 0), COALESCE(MAX(c.accountant_id), 0), ? FROM {client} c"
		" WHERE c.uniacid = ? AND c.id = ? ON DUPLICATE KEY UPDATE client_id = client_id", p, 5, CLOUDACCT_FETCH_NONE, NULL);
}

cloudacct_store *cloudacct_money_begin(zval *this_zv, zval *zactor, cloudacct_actor *actor)
{
	cloudacct_store *s = cloudacct_area_store(this_zv);
	if (s) {
		cloudacct_actor_read(Z_OBJ_P(zactor), actor);
	}
	return s;
}

/* ---- misc ---- */

void cloudacct_money_token(char *out, size_t len, const char *alphabet)
{
	unsigned char b[64];
	size_t na = strlen(alphabet);

	ZEND_ASSERT(len <= sizeof(b));
	if (php_random_bytes_silent(b, len) == FAILURE) {
		uint64_t x = (uint64_t) getpid() << 32 ^ (uint64_t) time(NULL) ^ (uint64_t) (uintptr_t) out;
		for (size_t i = 0; i < len; i++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			b[i] = (unsigned char) (x >> 56);
		}
	}
	for (size_t i = 0; i < len; i++) {
		out[i] = alphabet[b[i] % na];
	}
	out[len] = '\0';
}

zend_result cloudacct_money_audit(cloudacct_store *s, const cloudacct_actor *a, const char *action,
	const char *object_type, zend_long object_id, zval *detail)
{
	smart_str json = {0};
	zend_result rc;

	if (detail && php_json_encode(&json, detail, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES) == FAILURE) {
		smart_str_free(&json);
		smart_str_appends(&json, "{}");
	} else if (!detail) {
		smart_str_appends(&json, "{}");
	}
	smart_str_0(&json);
	rc = cloudacct_audit_write(s, a, action, object_type, object_id, ZSTR_VAL(json.s), ZSTR_LEN(json.s));
	smart_str_free(&json);
	return rc;
}

static const cloudacct_setting_key *setting_key(const char *name)
{
	for (size_t i = 0; i < cloudacct_n_setting_keys; i++) {
		if (strcmp(cloudacct_setting_keys[i].name, name) == 0) {
			return &cloudacct_setting_keys[i];
		}
	}
	return NULL;
}

zend_result cloudacct_money_settings(cloudacct_store *s, const char *const *names, size_t n, zval *out)
{
	cloudacct_param p[17];
	smart_str sql = {0};
	zval rows, *row;

	ZEND_ASSERT(n >= 1 && n <= 16);
	p[0] = CLOUDACCT_PARAM_LONG(s->uniacid);
	smart_str_appends(&sql, "SELECT name, value FROM {setting} WHERE uniacid = ? AND name IN (?");
	p[1] = CLOUDACCT_PARAM_STR(names[0], strlen(names[0]));
	for (size_t i = 1; i < n; i++) {
		smart_str_appends(&sql, ", ?");
		p[i + 1] = CLOUDACCT_PARAM_STR(names[i], strlen(names[i]));
	}
	smart_str_appendc(&sql, ')');
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, (uint32_t) n + 1,
		CLOUDACCT_FETCH_ALL, &rows);
	smart_str_free(&sql);
	if (rc == FAILURE) {
		return FAILURE;
	}
	array_init_size(out, (uint32_t) n);
	for (size_t i = 0; i < n; i++) {
		const cloudacct_setting_key *k = setting_key(names[i]);
		zval v;
		bool found = false;
		ZEND_ASSERT(k != NULL);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			size_t nlen, vlen;
			const char *name = cloudacct_money_str(row, "name", &nlen);
			const char *value = cloudacct_money_str(row, "value", &vlen);
			if (!found && nlen == strlen(names[i]) && memcmp(name, names[i], nlen) == 0
					&& php_json_decode_ex(&v, value, vlen, PHP_JSON_OBJECT_AS_ARRAY, 64) == SUCCESS) {
				found = true;
			}
		} ZEND_HASH_FOREACH_END();
		if (!found) {
			php_json_decode_ex(&v, k->default_json, strlen(k->default_json), PHP_JSON_OBJECT_AS_ARRAY, 64);
		}
		add_assoc_zval(out, names[i], &v);
	}
	zval_ptr_dtor(&rows);
	return SUCCESS;
}

zend_result cloudacct_money_dunning_steps(cloudacct_store *s, int32_t *steps, size_t *n_out)
{
	static const char *const names[] = { "dunning_steps" };
	zval set, *list, *v;
	size_t n = 0;

	if (cloudacct_money_settings(s, names, 1, &set) == FAILURE) {
		return FAILURE;
	}
	list = zend_hash_str_find(Z_ARRVAL(set), ZEND_STRL("dunning_steps"));
	if (list && Z_TYPE_P(list) == IS_ARRAY) {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), v) {
			if (Z_TYPE_P(v) == IS_LONG && n < CLOUDACCT_DUNNING_MAX_STEPS && Z_LVAL_P(v) >= -60 && Z_LVAL_P(v) <= 180) {
				steps[n++] = (int32_t) Z_LVAL_P(v);
			}
		} ZEND_HASH_FOREACH_END();
	}
	zval_ptr_dtor(&set);
	*n_out = cloudacct_dunning_normalize(steps, n);
	return SUCCESS;
}

zend_result cloudacct_money_receipt_no(cloudacct_store *s, char out[40])
{
	static const char *const names[] = { "receipt_prefix" };
	int32_t today = cloudacct_money_today();
	zval set, *prefix;
	char clean[9];
	size_t n = 0;
	zend_long seq;

	if (cloudacct_money_settings(s, names, 1, &set) == FAILURE) {
		return FAILURE;
	}
	prefix = zend_hash_str_find(Z_ARRVAL(set), ZEND_STRL("receipt_prefix"));
	if (prefix && Z_TYPE_P(prefix) == IS_STRING) {
		for (size_t i = 0; i < Z_STRLEN_P(prefix) && n < 8; i++) {
			char ch = Z_STRVAL_P(prefix)[i];
			if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) {
				clean[n++] = ch;
			}
		}
	}
	clean[n] = '\0';
	zval_ptr_dtor(&set);

	/* One counter row per uniacid and day: LAST_INSERT_ID(expr) hands the new value back without
	 * a second read, and the row lock makes the numbers consecutive and unique. */
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(today) };
	if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {receipt_seq} (uniacid, day, last_no) VALUES (?, ?, 1)"
			" ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1)", p, 2, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	seq = (zend_long) cloudacct_db_insert_id(s->db);
	if (seq <= 0) {
		seq = 1;
	}
	snprintf(out, 40, "%s%08d%04ld", clean, (int) today, (long) seq);
	return SUCCESS;
}

zend_result cloudacct_money_row(cloudacct_store *s, const char *sql, size_t sql_len, zend_long id, const char *what,
	zval *row)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };

	if (cloudacct_db_run(s->db, sql, sql_len, p, 2, CLOUDACCT_FETCH_ROW, row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE_P(row) != IS_ARRAY) {
		cloudacct_throw_not_found("%s不存在或无权查看 (id %ld not found)", what, (long) id);
		return FAILURE;
	}
	return SUCCESS;
}
