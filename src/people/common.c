/* What the people area's classes share: see people_int.h. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "ext/standard/php_string.h"
#include <openssl/rand.h>
#include "people_int.h"
#include "../audit/audit.h"
#include "../core/text.h"
#include "../core/credit_code.h"

/* ---- the acting person ---- */

zend_result cloudacct_people_require_admin(const cloudacct_actor *a, const char *what)
{
	if (a->kind != CLOUDACCT_ACTOR_ADMIN) {
		cloudacct_throw_forbidden("只有管理员可以%s (admin only)", what);
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cloudacct_people_check_target_store(cloudacct_store *s, const cloudacct_actor *a, zend_long store_id,
	const char *field)
{
	zval row;
	zend_long admin = a->kind == CLOUDACCT_ACTOR_ADMIN ? a->id : 0;
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(store_id),
		CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(admin),
		CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(admin), CLOUDACCT_PARAM_LONG(store_id),
	};

	if (a->kind != CLOUDACCT_ACTOR_ADMIN && a->kind != CLOUDACCT_ACTOR_SYSTEM) {
		cloudacct_throw_forbidden("只有管理员可以指定门店 (admin only)");
		return FAILURE;
	}
	/* One round trip: the store (if any), whether the admin is limited, and to this store. */
	ZVAL_UNDEF(&row);
	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT (SELECT active FROM {store} WHERE uniacid = ? AND id = ?) AS active,"
			" (SELECT COUNT(*) FROM {admin_store} WHERE uniacid = ? AND we7_uid = ?) AS scoped,"
			" (SELECT COUNT(*) FROM {admin_store} WHERE uniacid = ? AND we7_uid = ? AND store_id = ?) AS here",
			p, 7, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	zval *active = zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("active"));
	bool exists = store_id > 0 && active && Z_TYPE_P(active) == IS_LONG;
	bool is_active = exists && Z_LVAL_P(active) != 0;
	bool scoped = a->kind == CLOUDACCT_ACTOR_ADMIN && cloudacct_people_row_long(&row, "scoped") > 0;
	bool ok = !scoped || (store_id > 0 && cloudacct_people_row_long(&row, "here") > 0);
	zval_ptr_dtor(&row);
	if (store_id > 0 && !exists) {
		cloudacct_throw_validation(field, "门店不存在，请重新选择 (store %ld not found)", (long) store_id);
		return FAILURE;
	}
	if (!ok) {
		if (store_id > 0) {
			cloudacct_throw_forbidden("您只能管理自己负责门店的数据，请选择您负责的门店 (store outside the admin's stores)");
		} else {
			cloudacct_throw_forbidden("门店管理员须选择自己负责的门店 (admins limited to stores must choose one of them)");
		}
		return FAILURE;
	}
	if (store_id > 0 && !is_active) {
		cloudacct_throw_validation(field, "该门店已停用，请选择其他门店 (store %ld is inactive)", (long) store_id);
		return FAILURE;
	}
	return SUCCESS;
}

void cloudacct_people_scope_params(cloudacct_store *s, zend_long we7_uid, cloudacct_param *p, uint32_t *n)
{
	p[(*n)++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	p[(*n)++] = CLOUDACCT_PARAM_LONG(we7_uid);
	p[(*n)++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	p[(*n)++] = CLOUDACCT_PARAM_LONG(we7_uid);
}

/* ---- plain input checks ---- */

zend_result cloudacct_people_check_id(zend_long id, uint32_t arg)
{
	if (id <= 0 || id > UINT32_MAX) {
		zend_argument_value_error(arg, "must be between 1 and %u", UINT32_MAX);
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cloudacct_people_check_paging(zend_long page, zend_long per_page, uint32_t page_arg)
{
	if (page < 1 || page > 100000) {
		zend_argument_value_error(page_arg, "must be between 1 and 100000");
		return FAILURE;
	}
	if (per_page < 1 || per_page > 200) {
		zend_argument_value_error(page_arg + 1, "must be between 1 and 200");
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cloudacct_people_check_openid(zend_string *openid)
{
	size_t len = ZSTR_LEN(openid);
	bool ok = len >= 1 && len <= 64;

	for (size_t i = 0; ok && i < len; i++) {
		char c = ZSTR_VAL(openid)[i];
		ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	}
	if (!ok) {
		cloudacct_throw_validation("openid", "微信身份无效，请从公众号菜单重新进入 (openid must be 1-64 of [A-Za-z0-9_-])");
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cloudacct_people_check_ip(zend_string *ip, uint32_t arg)
{
	bool ok = ZSTR_LEN(ip) <= 45;

	for (size_t i = 0; ok && i < ZSTR_LEN(ip); i++) {
		char c = ZSTR_VAL(ip)[i];
		ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
	}
	if (!ok) {
		zend_argument_value_error(arg, "must be an IPv4 or IPv6 address");
		return FAILURE;
	}
	return SUCCESS;
}

static const char *text_hint(cloudacct_text_status st)
{
	switch (st) {
		case CLOUDACCT_TEXT_BAD_UTF8:
			return "invalid UTF-8";
		case CLOUDACCT_TEXT_CONTROL:
			return "control characters";
		case CLOUDACCT_TEXT_TOO_SHORT:
			return "too short";
		case CLOUDACCT_TEXT_TOO_LONG:
			return "too long";
		default:
			return "invalid";
	}
}

zend_result cloudacct_people_check_text(const char *s, size_t len, const char *field, const char *label, size_t min,
	size_t max, bool multiline)
{
	cloudacct_text_status st = cloudacct_text_check(s, len, min, max, multiline);

	if (st == CLOUDACCT_TEXT_OK) {
		return SUCCESS;
	}
	if (st == CLOUDACCT_TEXT_TOO_SHORT && min == 1 && len == 0) {
		cloudacct_throw_validation(field, "请填写%s (%s is required)", label, field);
	} else if (st == CLOUDACCT_TEXT_TOO_SHORT || st == CLOUDACCT_TEXT_TOO_LONG) {
		cloudacct_throw_validation(field, "%s：%s（%zu 到 %zu 个字）(%s: %s, %zu..%zu characters)", label,
			cloudacct_text_status_message(st), min, max, field, text_hint(st), min, max);
	} else {
		cloudacct_throw_validation(field, "%s：%s (%s: %s)", label, cloudacct_text_status_message(st), field,
			text_hint(st));
	}
	return FAILURE;
}

zend_result cloudacct_people_check_mobile(zend_string *phone, const char *field, const char *label)
{
	if (!cloudacct_phone_valid(ZSTR_VAL(phone), ZSTR_LEN(phone))) {
		cloudacct_throw_validation(field, "%s格式不对，应为 11 位手机号码，如 13800138000 (%s: mainland mobile number expected)",
			label, field);
		return FAILURE;
	}
	return SUCCESS;
}

void cloudacct_people_fan_actor(cloudacct_actor *out, cloudacct_actor_kind kind, zend_long id, zend_string *ip)
{
	out->kind = kind;
	out->id = id;
	out->ip = ip ? ip : ZSTR_EMPTY_ALLOC();
}

/* ---- fields ---- */

static bool phone_chars_ok(const char *s, size_t len)
{
	size_t digits = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			digits++;
		} else if (c != '-' && c != '+' && c != '(' && c != ')' && c != ' ') {
			return false;
		}
	}
	return digits >= 5;
}

/* An http(s) URL without blanks, quotes or angle brackets, or a relative attachment path such as
 * images/3/2026/11/abc.jpg ([A-Za-z0-9/_.-], no "..", not starting with '/'). */
static bool image_ok(const char *s, size_t len)
{
	if ((len > 8 && strncmp(s, "https://", 8) == 0) || (len > 7 && strncmp(s, "http://", 7) == 0)) {
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char) s[i];
			if (c <= 0x20 || c >= 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') {
				return false;
			}
		}
		return true;
	}
	if (len == 0 || s[0] == '/' || zend_memnstr(s, "..", 2, s + len) != NULL) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '_'
				|| c == '.' || c == '-')) {
			return false;
		}
	}
	return true;
}

static bool option_ok(const char *options, const char *s, size_t len)
{
	const char *p = options;

	while (*p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t) (bar - p) : strlen(p);
		if (n == len && memcmp(p, s, len) == 0) {
			return true;
		}
		if (!bar) {
			break;
		}
		p = bar + 1;
	}
	return false;
}

static zend_result type_error(const cloudacct_pf *f, const char *zh, const char *en)
{
	cloudacct_throw_validation(f->key, "%s须为%s (%s: %s expected)", f->label, zh, f->key, en);
	return FAILURE;
}

static zend_result parse_labels(const cloudacct_pf *f, zval *in, zval *out)
{
	zval *item;

	if (Z_TYPE_P(in) != IS_ARRAY) {
		return type_error(f, "文字标签的列表", "list of strings");
	}
	if ((zend_long) zend_hash_num_elements(Z_ARRVAL_P(in)) > f->max_items) {
		cloudacct_throw_validation(f->key, "%s最多 %ld 个 (%s: at most %ld)", f->label, (long) f->max_items, f->key,
			(long) f->max_items);
		return FAILURE;
	}
	array_init(out);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(in), item) {
		ZVAL_DEREF(item);
		if (Z_TYPE_P(item) != IS_STRING) {
			zval_ptr_dtor(out);
			return type_error(f, "文字标签的列表", "list of strings");
		}
		if (cloudacct_people_check_text(Z_STRVAL_P(item), Z_STRLEN_P(item), f->key, f->label, (size_t) f->min,
				(size_t) f->max, false) == FAILURE) {
			zval_ptr_dtor(out);
			return FAILURE;
		}
		if (memchr(Z_STRVAL_P(item), ',', Z_STRLEN_P(item)) || strstr(Z_STRVAL_P(item), "，")) {
			zval_ptr_dtor(out);
			cloudacct_throw_validation(f->key, "%s中不能含有逗号，请分成多个标签 (%s: no commas)", f->label, f->key);
			return FAILURE;
		}
		bool dup = false;
		zval *seen;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(out), seen) {
			if (zend_string_equals(Z_STR_P(seen), Z_STR_P(item))) {
				dup = true;
			}
		} ZEND_HASH_FOREACH_END();
		if (!dup) {
			Z_TRY_ADDREF_P(item); /* an interned string has no refcount to raise */
			add_next_index_zval(out, item);
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

static zend_result parse_one(const cloudacct_pf *f, zval *in, zval *out)
{
	switch (f->kind) {
		case CLOUDACCT_PF_TEXT:
		case CLOUDACCT_PF_MULTILINE:
			if (Z_TYPE_P(in) != IS_STRING) {
				return type_error(f, "文字", "string");
			}
			if (cloudacct_people_check_text(Z_STRVAL_P(in), Z_STRLEN_P(in), f->key, f->label, (size_t) f->min,
					(size_t) f->max, f->kind == CLOUDACCT_PF_MULTILINE) == FAILURE) {
				return FAILURE;
			}
			ZVAL_COPY(out, in);
			return SUCCESS;
		case CLOUDACCT_PF_MOBILE:
			if (Z_TYPE_P(in) != IS_STRING) {
				return type_error(f, "文字", "string");
			}
			if (Z_STRLEN_P(in) > 0 && cloudacct_people_check_mobile(Z_STR_P(in), f->key, f->label) == FAILURE) {
				return FAILURE;
			}
			ZVAL_COPY(out, in);
			return SUCCESS;
		case CLOUDACCT_PF_PHONE:
			if (Z_TYPE_P(in) != IS_STRING) {
				return type_error(f, "文字", "string");
			}
			if (Z_STRLEN_P(in) > 0
					&& (Z_STRLEN_P(in) > (size_t) f->max || !phone_chars_ok(Z_STRVAL_P(in), Z_STRLEN_P(in)))) {
				cloudacct_throw_validation(f->key, "%s只能包含数字、-、+、括号和空格，最多 %ld 位，如 0591-87654321 (%s: phone number expected)",
					f->label, (long) f->max, f->key);
				return FAILURE;
			}
			ZVAL_COPY(out, in);
			return SUCCESS;
		case CLOUDACCT_PF_IMAGE:
			if (Z_TYPE_P(in) != IS_STRING) {
				return type_error(f, "文字", "string");
			}
			if (Z_STRLEN_P(in) > 0 && (Z_STRLEN_P(in) > (size_t) f->max || !image_ok(Z_STRVAL_P(in), Z_STRLEN_P(in)))) {
				cloudacct_throw_validation(f->key, "%s地址无效，请重新上传图片 (%s: http(s) URL or attachment path expected)",
					f->label, f->key);
				return FAILURE;
			}
			ZVAL_COPY(out, in);
			return SUCCESS;
		case CLOUDACCT_PF_INT:
		case CLOUDACCT_PF_ID:
			if (Z_TYPE_P(in) != IS_LONG) {
				return type_error(f, "整数", "int");
			}
			if (f->kind == CLOUDACCT_PF_ID ? Z_LVAL_P(in) < 0 || Z_LVAL_P(in) > UINT32_MAX
					: Z_LVAL_P(in) < f->min || Z_LVAL_P(in) > f->max) {
				if (f->kind == CLOUDACCT_PF_ID) {
					cloudacct_throw_validation(f->key, "%s无效，请重新选择 (%s: invalid id)", f->label, f->key);
				} else {
					cloudacct_throw_validation(f->key, "%s须为 %ld 到 %ld 之间的整数 (%s: %ld..%ld)", f->label, (long) f->min,
						(long) f->max, f->key, (long) f->min, (long) f->max);
				}
				return FAILURE;
			}
			ZVAL_COPY(out, in);
			return SUCCESS;
		case CLOUDACCT_PF_BOOL:
			if (Z_TYPE_P(in) != IS_TRUE && Z_TYPE_P(in) != IS_FALSE) {
				return type_error(f, "是或否", "bool");
			}
			ZVAL_BOOL(out, Z_TYPE_P(in) == IS_TRUE);
			return SUCCESS;
		case CLOUDACCT_PF_ENUM:
			if (Z_TYPE_P(in) != IS_STRING || !option_ok(f->options, Z_STRVAL_P(in), Z_STRLEN_P(in))) {
				cloudacct_throw_validation(f->key, "%s只能是：%s (%s: one of %s)", f->label,
					f->options_zh ? f->options_zh : f->options, f->key, f->options);
				return FAILURE;
			}
			ZVAL_COPY(out, in);
			return SUCCESS;
		case CLOUDACCT_PF_CREDIT_CODE: {
			char code[CLOUDACCT_CREDIT_CODE_LEN + 1];
			size_t pos;
			if (Z_TYPE_P(in) == IS_NULL || (Z_TYPE_P(in) == IS_STRING && Z_STRLEN_P(in) == 0)) {
				ZVAL_NULL(out);
				return SUCCESS;
			}
			if (Z_TYPE_P(in) != IS_STRING) {
				return type_error(f, "文字", "string");
			}
			cloudacct_credit_code_status st = cloudacct_credit_code_normalize(Z_STRVAL_P(in), Z_STRLEN_P(in), code)
				? cloudacct_credit_code_check(code, CLOUDACCT_CREDIT_CODE_LEN, &pos)
				: CLOUDACCT_CREDIT_CODE_LENGTH;
			if (st != CLOUDACCT_CREDIT_CODE_OK) {
				cloudacct_throw_validation(f->key, "%s (%s: invalid 统一社会信用代码)", cloudacct_credit_code_status_message(st),
					f->key);
				return FAILURE;
			}
			ZVAL_STRINGL(out, code, CLOUDACCT_CREDIT_CODE_LEN);
			return SUCCESS;
		}
		case CLOUDACCT_PF_LABELS:
			return parse_labels(f, in, out);
	}
	return FAILURE;
}

int cloudacct_pf_index(const cloudacct_pf *spec, uint32_t n, const char *key)
{
	for (uint32_t i = 0; i < n; i++) {
		if (strcmp(spec[i].key, key) == 0) {
			return (int) i;
		}
	}
	return -1;
}

zend_result cloudacct_pf_parse(HashTable *data, const cloudacct_pf *spec, uint32_t n, bool creating,
	cloudacct_pf_values *out)
{
	zend_string *key;
	zend_ulong idx;
	zval *zv;

	ZEND_ASSERT(n <= CLOUDACCT_PF_MAX);
	memset(out, 0, sizeof(*out));
	out->n = n;
	ZEND_HASH_FOREACH_KEY_VAL(data, idx, key, zv) {
		int i = key ? cloudacct_pf_index(spec, n, ZSTR_VAL(key)) : -1;
		if (i < 0 || (key && ZSTR_LEN(key) != strlen(ZSTR_VAL(key)))) {
			if (key) {
				cloudacct_throw_validation(ZSTR_VAL(key), "未知字段：%s (unknown field)", ZSTR_VAL(key));
			} else {
				cloudacct_throw_validation("", "未知字段：" ZEND_ULONG_FMT " (unknown field)", idx);
			}
			cloudacct_pf_free(out);
			return FAILURE;
		}
		ZVAL_DEREF(zv);
		if (parse_one(&spec[i], zv, &out->val[i]) == FAILURE) {
			cloudacct_pf_free(out);
			return FAILURE;
		}
		out->set[i] = true;
	} ZEND_HASH_FOREACH_END();
	if (creating) {
		for (uint32_t i = 0; i < n; i++) {
			if ((spec[i].flags & CLOUDACCT_PF_REQUIRED) && !out->set[i]) {
				cloudacct_throw_validation(spec[i].key, "请填写%s (%s is required)", spec[i].label, spec[i].key);
				cloudacct_pf_free(out);
				return FAILURE;
			}
		}
	} else if (zend_hash_num_elements(data) == 0) {
		cloudacct_throw_validation("", "没有要修改的内容 (nothing to change)");
		return FAILURE;
	}
	return SUCCESS;
}

void cloudacct_pf_free(cloudacct_pf_values *v)
{
	for (uint32_t i = 0; i < v->n; i++) {
		if (v->set[i]) {
			zval_ptr_dtor(&v->val[i]);
			ZVAL_UNDEF(&v->val[i]);
			v->set[i] = false;
		}
	}
}

zval *cloudacct_pf_get(const cloudacct_pf *spec, cloudacct_pf_values *v, const char *key)
{
	int i = cloudacct_pf_index(spec, v->n, key);
	return i >= 0 && v->set[i] ? &v->val[i] : NULL;
}

cloudacct_param cloudacct_pf_param(zval *v)
{
	switch (Z_TYPE_P(v)) {
		case IS_STRING:
			return CLOUDACCT_PARAM_STR(Z_STRVAL_P(v), Z_STRLEN_P(v));
		case IS_LONG:
			return CLOUDACCT_PARAM_LONG(Z_LVAL_P(v));
		case IS_TRUE:
			return CLOUDACCT_PARAM_LONG(1);
		case IS_FALSE:
			return CLOUDACCT_PARAM_LONG(0);
		default:
			return CLOUDACCT_PARAM_NULL();
	}
}

void cloudacct_pf_insert_parts(const cloudacct_pf *spec, cloudacct_pf_values *v, smart_str *cols, smart_str *qs,
	cloudacct_param *p, uint32_t *n)
{
	for (uint32_t i = 0; i < v->n; i++) {
		if (v->set[i] && !(spec[i].flags & CLOUDACCT_PF_NO_COLUMN)) {
			smart_str_appends(cols, ", ");
			smart_str_appends(cols, spec[i].key);
			smart_str_appends(qs, ", ?");
			p[(*n)++] = cloudacct_pf_param(&v->val[i]);
		}
	}
}

void cloudacct_pf_update_parts(const cloudacct_pf *spec, cloudacct_pf_values *v, smart_str *set, cloudacct_param *p,
	uint32_t *n)
{
	for (uint32_t i = 0; i < v->n; i++) {
		if (v->set[i] && !(spec[i].flags & CLOUDACCT_PF_NO_COLUMN)) {
			smart_str_appends(set, ", ");
			smart_str_appends(set, spec[i].key);
			smart_str_appends(set, " = ?");
			p[(*n)++] = cloudacct_pf_param(&v->val[i]);
		}
	}
}

void cloudacct_pf_detail(const cloudacct_pf *spec, cloudacct_pf_values *v, zval *out)
{
	array_init(out);
	for (uint32_t i = 0; i < v->n; i++) {
		if (v->set[i]) {
			Z_TRY_ADDREF(v->val[i]);
			add_assoc_zval(out, spec[i].key, &v->val[i]);
		}
	}
}

/* ---- filters ---- */

void cloudacct_fl_init(cloudacct_fl_query *q)
{
	memset(q, 0, sizeof(*q));
}

void cloudacct_fl_free(cloudacct_fl_query *q)
{
	smart_str_free(&q->where);
	for (uint32_t i = 0; i < q->n_owned; i++) {
		zend_string_release(q->owned[i]);
	}
	q->n_owned = 0;
}

void cloudacct_fl_add(cloudacct_fl_query *q, const char *clause, cloudacct_param p)
{
	ZEND_ASSERT(q->n < CLOUDACCT_FL_MAX_PARAMS);
	if (clause) {
		smart_str_appends(&q->where, clause);
	}
	q->p[q->n++] = p;
}

/* "%kw%" (or "kw%") with \ % _ escaped. */
static zend_string *like_pattern(zend_string *kw, bool leading)
{
	smart_str out = {0};

	if (leading) {
		smart_str_appendc(&out, '%');
	}
	for (size_t i = 0; i < ZSTR_LEN(kw); i++) {
		char c = ZSTR_VAL(kw)[i];
		if (c == '\\' || c == '%' || c == '_') {
			smart_str_appendc(&out, '\\');
		}
		smart_str_appendc(&out, c);
	}
	smart_str_appendc(&out, '%');
	smart_str_0(&out);
	return out.s;
}

zend_result cloudacct_fl_apply(HashTable *filter, const cloudacct_fl *spec, size_t n, cloudacct_fl_query *q)
{
	zend_string *key;
	zval *zv;

	ZEND_HASH_FOREACH_STR_KEY_VAL(filter, key, zv) {
		const cloudacct_fl *f = NULL;
		for (size_t i = 0; key && i < n; i++) {
			if (zend_string_equals_cstr(key, spec[i].key, strlen(spec[i].key))) {
				f = &spec[i];
			}
		}
		if (!f) {
			cloudacct_throw_validation(key ? ZSTR_VAL(key) : "", "未知的筛选条件 %s (unknown filter)",
				key ? ZSTR_VAL(key) : "(integer key)");
			return FAILURE;
		}
		ZVAL_DEREF(zv);
		bool ok;
		switch (f->kind) {
			case CLOUDACCT_FL_LONG:
				ok = Z_TYPE_P(zv) == IS_LONG;
				break;
			case CLOUDACCT_FL_BOOL:
				ok = Z_TYPE_P(zv) == IS_TRUE || Z_TYPE_P(zv) == IS_FALSE;
				break;
			default:
				ok = Z_TYPE_P(zv) == IS_STRING && cloudacct_utf8_valid(Z_STRVAL_P(zv), Z_STRLEN_P(zv))
					&& cloudacct_utf8_chars(Z_STRVAL_P(zv), Z_STRLEN_P(zv)) <= f->max
					&& (!f->options || option_ok(f->options, Z_STRVAL_P(zv), Z_STRLEN_P(zv)));
				break;
		}
		if (!ok) {
			cloudacct_throw_validation(f->key, "筛选条件 %s 的值无效 (filter \"%s\" has an invalid value)", f->key, f->key);
			return FAILURE;
		}
		switch (f->kind) {
			case CLOUDACCT_FL_LONG:
				smart_str_appends(&q->where, f->clause);
				for (uint32_t b = 0; b < (f->n_binds ? f->n_binds : 1); b++) {
					cloudacct_fl_add(q, NULL, CLOUDACCT_PARAM_LONG(Z_LVAL_P(zv)));
				}
				break;
			case CLOUDACCT_FL_BOOL:
				cloudacct_fl_add(q, f->clause, CLOUDACCT_PARAM_LONG(Z_TYPE_P(zv) == IS_TRUE));
				break;
			case CLOUDACCT_FL_STR:
				cloudacct_fl_add(q, f->clause, CLOUDACCT_PARAM_STR(Z_STRVAL_P(zv), Z_STRLEN_P(zv)));
				break;
			case CLOUDACCT_FL_LIKE:
			case CLOUDACCT_FL_PREFIX: {
				/* Blanks typed around a search word are not part of it. */
				zend_string *kw = php_trim(Z_STR_P(zv), NULL, 0, 3);
				if (ZSTR_LEN(kw) == 0) {
					zend_string_release(kw);
					break; /* an empty search box filters nothing */
				}
				ZEND_ASSERT(q->n_owned + 2 <= sizeof(q->owned) / sizeof(q->owned[0]));
				zend_string *any = like_pattern(kw, true);
				q->owned[q->n_owned++] = any;
				smart_str_appends(&q->where, f->clause);
				if (f->kind == CLOUDACCT_FL_PREFIX) {
					zend_string *prefix = like_pattern(kw, false);
					q->owned[q->n_owned++] = prefix;
					cloudacct_fl_add(q, NULL, CLOUDACCT_PARAM_ZSTR(prefix));
					cloudacct_fl_add(q, NULL, CLOUDACCT_PARAM_ZSTR(any));
				} else {
					for (uint32_t b = 0; b < f->n_binds; b++) {
						cloudacct_fl_add(q, NULL, CLOUDACCT_PARAM_ZSTR(any));
					}
				}
				zend_string_release(kw);
				break;
			}
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

zend_result cloudacct_people_paged(cloudacct_store *s, const char *select, const char *from, cloudacct_fl_query *q,
	const char *order, zend_long page, zend_long per_page, cloudacct_row_fix fix, void *fix_ctx, zval *return_value)
{
	return cloudacct_people_paged_capped(s, select, from, q, order, page, per_page, 0, fix, fix_ctx, return_value);
}

zend_result cloudacct_people_paged_capped(cloudacct_store *s, const char *select, const char *from, cloudacct_fl_query *q,
	const char *order, zend_long page, zend_long per_page, zend_long cap, cloudacct_row_fix fix, void *fix_ctx,
	zval *return_value)
{
	smart_str sql = {0};
	zval total, items;
	zend_result rc;

	ZEND_ASSERT(q->n + 2 <= CLOUDACCT_FL_MAX_PARAMS);
	smart_str_0(&q->where);
	const char *where = q->where.s ? ZSTR_VAL(q->where.s) : "";
	if (cap > 0) {
		/* stops reading at the first cap + 1 matching rows, in the list's order (which the server
		 * reads along its index, not through a secondary index's row lookups) */
		smart_str_append_printf(&sql, "SELECT COUNT(*) FROM (SELECT 1 AS one %s%s ORDER BY %s LIMIT " ZEND_LONG_FMT ") capped",
			from, where, order, cap + 1);
	} else {
		smart_str_append_printf(&sql, "SELECT COUNT(*) %s%s", from, where);
	}
	smart_str_0(&sql);
	ZVAL_UNDEF(&total);
	ZVAL_UNDEF(&items);
	rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), q->p, q->n, CLOUDACCT_FETCH_VALUE, &total);
	smart_str_free(&sql);
	if (rc == FAILURE) {
		return FAILURE;
	}
	q->p[q->n] = CLOUDACCT_PARAM_LONG(per_page);
	q->p[q->n + 1] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
	smart_str_append_printf(&sql, "SELECT %s %s%s ORDER BY %s LIMIT ? OFFSET ?", select, from, where, order);
	smart_str_0(&sql);
	rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), q->p, q->n + 2, CLOUDACCT_FETCH_ALL, &items);
	smart_str_free(&sql);
	if (rc == FAILURE) {
		zval_ptr_dtor(&total);
		return FAILURE;
	}
	if (fix) {
		zval *row;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(items), row) {
			fix(row, fix_ctx);
		} ZEND_HASH_FOREACH_END();
	}
	zend_long n = Z_TYPE(total) == IS_LONG ? Z_LVAL(total) : 0;
	array_init_size(return_value, 3);
	add_assoc_long(return_value, "total", cap > 0 && n > cap ? cap : n);
	if (cap > 0) {
		add_assoc_bool(return_value, "total_capped", n > cap);
	}
	add_assoc_zval(return_value, "items", &items);
	zval_ptr_dtor(&total);
	return SUCCESS;
}

/* ---- rows ---- */

zend_long cloudacct_people_row_long(zval *row, const char *key)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	return v && Z_TYPE_P(v) == IS_LONG ? Z_LVAL_P(v) : 0;
}

void cloudacct_people_row_bools(zval *row, const char *const *keys)
{
	for (; *keys; keys++) {
		zval *v = zend_hash_str_find(Z_ARRVAL_P(row), *keys, strlen(*keys));
		if (v) {
			bool b = zend_is_true(v);
			zval_ptr_dtor(v);
			ZVAL_BOOL(v, b);
		}
	}
}

void cloudacct_people_row_drop(zval *row, const char *const *keys)
{
	for (; *keys; keys++) {
		zend_hash_str_del(Z_ARRVAL_P(row), *keys, strlen(*keys));
	}
}

/* ---- codes ---- */

/* 32 characters without 0/O and 1/I: 5 bits each, so a byte masked to 5 bits picks one without bias. */
static const char code_alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

static bool code_char_ok(char c)
{
	return c != '\0' && strchr(code_alphabet, c) != NULL;
}

static zend_result random_code(char out[CLOUDACCT_PEOPLE_CODE_LEN + 1])
{
	unsigned char buf[CLOUDACCT_PEOPLE_CODE_LEN];

	if (RAND_bytes(buf, sizeof(buf)) != 1) {
		zend_throw_error(NULL, "无法生成随机码 (RAND_bytes failed)");
		return FAILURE;
	}
	for (size_t i = 0; i < sizeof(buf); i++) {
		out[i] = code_alphabet[buf[i] & 31];
	}
	out[CLOUDACCT_PEOPLE_CODE_LEN] = '\0';
	return SUCCESS;
}

bool cloudacct_people_exception_is(zend_class_entry *ce)
{
	return EG(exception) && instanceof_function(EG(exception)->ce, ce);
}

zend_result cloudacct_people_issue_code(cloudacct_store *s, const cloudacct_actor *a, const char *kind,
	zend_long target_id, const char *role, zend_long ttl, char out[CLOUDACCT_PEOPLE_CODE_LEN + 1])
{
	const char *issuer = cloudacct_actor_kind_name(a->kind);
	zend_long now = cloudacct_clock_now();

	for (int attempt = 0;; attempt++) {
		if (random_code(out) == FAILURE) {
			return FAILURE;
		}
		cloudacct_param p[] = {
			CLOUDACCT_PARAM_LONG(s->uniacid),
			CLOUDACCT_PARAM_STR(out, CLOUDACCT_PEOPLE_CODE_LEN),
			CLOUDACCT_PARAM_STR(kind, strlen(kind)),
			CLOUDACCT_PARAM_LONG(target_id),
			CLOUDACCT_PARAM_STR(role, strlen(role)),
			CLOUDACCT_PARAM_STR(issuer, strlen(issuer)),
			CLOUDACCT_PARAM_LONG(a->id),
			CLOUDACCT_PARAM_LONG(now + ttl),
			CLOUDACCT_PARAM_LONG(now),
		};
		if (CLOUDACCT_DB_RUN(s->db,
				"INSERT INTO {bind_code} (uniacid, code, kind, target_id, role, issued_by_kind, issued_by_id, expires_at,"
				" created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				p, 9, CLOUDACCT_FETCH_NONE, NULL) == SUCCESS) {
			return SUCCESS;
		}
		/* 2^40 codes: a clash is rare, a run of them means something else is wrong. */
		if (attempt >= 4 || !cloudacct_people_exception_is(cloudacct_ce_DuplicateKeyException)) {
			return FAILURE;
		}
		zend_clear_exception();
	}
}

/* What people call the code: an invite (contacts) or a binding code (staff). */
static const char *code_noun(const char *kind)
{
	return strcmp(kind, "staff") == 0 ? "绑定码" : "邀请码";
}

zend_result cloudacct_people_read_code(zend_string *in, const char *kind, char out[CLOUDACCT_PEOPLE_CODE_LEN + 1])
{
	const char *p = ZSTR_VAL(in), *end = p + ZSTR_LEN(in);
	size_t n = 0;

	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
		p++;
	}
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n')) {
		end--;
	}
	bool ok = end - p == CLOUDACCT_PEOPLE_CODE_LEN;
	for (; ok && p < end; p++) {
		char c = *p >= 'a' && *p <= 'z' ? (char) (*p - 'a' + 'A') : *p;
		ok = code_char_ok(c);
		out[n++] = c;
	}
	out[n] = '\0';
	if (!ok) {
		cloudacct_throw_validation("code", "%s应为 8 位字母或数字，请核对后重新输入 (malformed code)", code_noun(kind));
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cloudacct_people_claim_code(cloudacct_store *s, const char *kind, const char *code, zend_string *openid,
	cloudacct_people_code *out)
{
	zval row;
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_STR(code, CLOUDACCT_PEOPLE_CODE_LEN),
		CLOUDACCT_PARAM_STR(kind, strlen(kind)),
	};

	ZVAL_UNDEF(&row);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, target_id, role, expires_at, used_at FROM {bind_code}"
			" WHERE uniacid = ? AND code = ? AND kind = ?", p, 3, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) != IS_ARRAY) {
		cloudacct_throw_validation("code", "%s不存在，请核对后重新输入，或向发码人索取新的%s (unknown code)", code_noun(kind),
			code_noun(kind));
		return FAILURE;
	}
	out->id = cloudacct_people_row_long(&row, "id");
	out->target_id = cloudacct_people_row_long(&row, "target_id");
	zval *role = zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("role"));
	strlcpy(out->role, role && Z_TYPE_P(role) == IS_STRING ? Z_STRVAL_P(role) : "", sizeof(out->role));
	zend_long used_at = cloudacct_people_row_long(&row, "used_at");
	zend_long expires_at = cloudacct_people_row_long(&row, "expires_at");
	zval_ptr_dtor(&row);
	if (used_at != 0) {
		cloudacct_throw_validation("code", "%s已被使用，每个%s只能用一次，请向发码人索取新的%s (code already used)",
			code_noun(kind), code_noun(kind), code_noun(kind));
		return FAILURE;
	}
	if (expires_at <= now) {
		cloudacct_throw_validation("code", "%s已过期，请向发码人索取新的%s (code expired)", code_noun(kind), code_noun(kind));
		return FAILURE;
	}
	/* The claim itself: whoever changes used_at from 0 wins; the other sees 0 rows. */
	cloudacct_param u[] = {
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_ZSTR(openid),
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(out->id),
		CLOUDACCT_PARAM_LONG(now),
	};
	if (CLOUDACCT_DB_RUN(s->db, "UPDATE {bind_code} SET used_at = ?, used_by_openid = ?"
			" WHERE uniacid = ? AND id = ? AND used_at = 0 AND expires_at > ?", u, 5, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(s->db) != 1) {
		cloudacct_throw_validation("code", "%s已被使用，每个%s只能用一次，请向发码人索取新的%s (code already used)",
			code_noun(kind), code_noun(kind), code_noun(kind));
		return FAILURE;
	}
	return SUCCESS;
}

/* ---- audit ---- */

zend_result cloudacct_people_audit(cloudacct_store *s, const cloudacct_actor *a, const char *action,
	const char *object_type, zend_long object_id, zval *detail)
{
	smart_str json = {0};
	zend_result rc;

	if (detail && Z_TYPE_P(detail) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(detail)) > 0) {
		if (php_json_encode(&json, detail, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES) == FAILURE) {
			smart_str_free(&json);
			smart_str_appends(&json, "{}");
		}
	} else {
		smart_str_appends(&json, "{}");
	}
	smart_str_0(&json);
	rc = cloudacct_audit_write(s, a, action, object_type, object_id, ZSTR_VAL(json.s), ZSTR_LEN(json.s));
	smart_str_free(&json);
	return rc;
}

/* ---- contacts, shared by Contacts and the approval of registrations ---- */

zend_result cloudacct_people_contact_upsert(cloudacct_store *s, zend_string *openid, zend_string *name,
	zend_string *phone, zend_long current_client_id, zend_long *contact_id)
{
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_ZSTR(name),
		CLOUDACCT_PARAM_ZSTR(phone),
		CLOUDACCT_PARAM_ZSTR(openid),
		CLOUDACCT_PARAM_LONG(current_client_id),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(now),
	};

	/* LAST_INSERT_ID(id) makes the insert id the existing row's id on the update path. */
	if (CLOUDACCT_DB_RUN(s->db,
			"INSERT INTO {contact} (uniacid, name, phone, openid, current_client_id, created_at, updated_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), name = VALUES(name),"
			" phone = VALUES(phone), current_client_id = VALUES(current_client_id), updated_at = VALUES(updated_at)",
			p, 7, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	*contact_id = (zend_long) cloudacct_db_insert_id(s->db);
	return SUCCESS;
}

zend_result cloudacct_people_contact_link(cloudacct_store *s, zend_long client_id, zend_long contact_id,
	const char *role, bool *added)
{
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(client_id),
		CLOUDACCT_PARAM_LONG(contact_id),
		CLOUDACCT_PARAM_STR(role, strlen(role)),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
	};

	if (CLOUDACCT_DB_RUN(s->db, "INSERT IGNORE INTO {client_contact} (uniacid, client_id, contact_id, role, created_at)"
			" VALUES (?, ?, ?, ?, ?)", p, 5, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	*added = cloudacct_db_affected_rows(s->db) == 1;
	return SUCCESS;
}

/* ---- label lists ---- */

zend_result cloudacct_people_write_labels(cloudacct_store *s, cloudacct_labels_kind kind, zend_long owner_id,
	zval *labels, bool replace)
{
	bool skills = kind == CLOUDACCT_LABELS_SKILLS;
	uint32_t count = zend_hash_num_elements(Z_ARRVAL_P(labels)), n = 0;
	zval *label;
	zend_result rc;

	if (replace) {
		cloudacct_param d[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(owner_id) };
		rc = skills ? CLOUDACCT_DB_RUN(s->db, "DELETE FROM {staff_skill} WHERE uniacid = ? AND staff_id = ?", d, 2,
				CLOUDACCT_FETCH_NONE, NULL)
			: CLOUDACCT_DB_RUN(s->db, "DELETE FROM {client_tag} WHERE uniacid = ? AND client_id = ?", d, 2,
				CLOUDACCT_FETCH_NONE, NULL);
		if (rc == FAILURE) {
			return FAILURE;
		}
	}
	if (count == 0) {
		return SUCCESS;
	}
	smart_str sql = {0};
	cloudacct_param *p = safe_emalloc(count, 3 * sizeof(cloudacct_param), 0);
	smart_str_appends(&sql, skills ? "INSERT INTO {staff_skill} (uniacid, staff_id, skill) VALUES "
		: "INSERT INTO {client_tag} (uniacid, client_id, tag) VALUES ");
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(labels), label) {
		smart_str_appends(&sql, n ? ", (?, ?, ?)" : "(?, ?, ?)");
		p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
		p[n++] = CLOUDACCT_PARAM_LONG(owner_id);
		p[n++] = CLOUDACCT_PARAM_STR(Z_STRVAL_P(label), Z_STRLEN_P(label));
	} ZEND_HASH_FOREACH_END();
	smart_str_0(&sql);
	rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&sql);
	efree(p);
	return rc;
}

static void add_empty_list(zval *row, const char *key)
{
	zval list;
	array_init(&list);
	add_assoc_zval(row, key, &list);
}

zend_result cloudacct_people_attach_labels(cloudacct_store *s, cloudacct_labels_kind kind, zval *rows, bool single,
	const char *out_key)
{
	bool skills = kind == CLOUDACCT_LABELS_SKILLS;
	uint32_t count = single ? 1 : zend_hash_num_elements(Z_ARRVAL_P(rows)), n = 0;
	smart_str sql = {0};
	zval found, *row, *hit;
	HashTable by_id;
	zend_result rc;

	if (count == 0) {
		return SUCCESS;
	}
	cloudacct_param *p = safe_emalloc(count + 1, sizeof(cloudacct_param), 0);
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	smart_str_appends(&sql, skills ? "SELECT staff_id AS owner, skill AS label FROM {staff_skill} WHERE uniacid = ? AND staff_id IN ("
		: "SELECT client_id AS owner, tag AS label FROM {client_tag} WHERE uniacid = ? AND client_id IN (");
	/* An owner → list map, filled from the rows so that every row gets a list, empty or not. */
	zend_hash_init(&by_id, count, NULL, NULL, 0);
	if (single) {
		add_empty_list(rows, out_key);
		zend_hash_index_add_ptr(&by_id, cloudacct_people_row_long(rows, "id"), zend_hash_str_find(Z_ARRVAL_P(rows), out_key, strlen(out_key)));
		smart_str_appends(&sql, "?");
		p[n++] = CLOUDACCT_PARAM_LONG(cloudacct_people_row_long(rows, "id"));
	} else {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rows), row) {
			zend_long id = cloudacct_people_row_long(row, "id");
			add_empty_list(row, out_key);
			zend_hash_index_update_ptr(&by_id, id, zend_hash_str_find(Z_ARRVAL_P(row), out_key, strlen(out_key)));
			smart_str_appends(&sql, n > 1 ? ", ?" : "?");
			p[n++] = CLOUDACCT_PARAM_LONG(id);
		} ZEND_HASH_FOREACH_END();
	}
	smart_str_appends(&sql, ") ORDER BY label");
	smart_str_0(&sql);
	ZVAL_UNDEF(&found);
	rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, &found);
	smart_str_free(&sql);
	efree(p);
	if (rc == SUCCESS) {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(found), row) {
			zval *list = zend_hash_index_find_ptr(&by_id, cloudacct_people_row_long(row, "owner"));
			hit = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("label"));
			if (list && hit) {
				Z_TRY_ADDREF_P(hit);
				add_next_index_zval(list, hit);
			}
		} ZEND_HASH_FOREACH_END();
	}
	zval_ptr_dtor(&found);
	zend_hash_destroy(&by_id); /* borrowed pointers only */
	return rc;
}
