/* Work area helpers shared by its files (internal.h): rows, actors, input forms, settings,
 * and the writers every state change uses (audit, history, notices, attachments). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "ext/random/php_random.h"
#include "internal.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../core/text.h"
#include "../audit/audit.h"
#include "../people/people.h"
#include "../settings/settings.h"
#include "../notices/outbox.h"

#define MAX_REFS 9

/* ---- rows ---- */

zend_long cloudacct_work_long(zval *row, const char *key)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	return v && Z_TYPE_P(v) == IS_LONG ? Z_LVAL_P(v) : 0;
}

const char *cloudacct_work_str(zval *row, const char *key, size_t *len)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	if (!v || Z_TYPE_P(v) != IS_STRING) {
		*len = 0;
		return "";
	}
	*len = Z_STRLEN_P(v);
	return Z_STRVAL_P(v);
}

/* ---- actors ---- */

bool cloudacct_work_require_admin(const cloudacct_actor *a)
{
	if (a->kind != CLOUDACCT_ACTOR_ADMIN) {
		cloudacct_throw_forbidden("只有管理员可以进行此操作 (admins only)");
		return false;
	}
	return true;
}

bool cloudacct_work_require_system(const cloudacct_actor *a)
{
	if (a->kind != CLOUDACCT_ACTOR_SYSTEM) {
		cloudacct_throw_forbidden("只有系统任务可以进行此操作 (system actor only)");
		return false;
	}
	return true;
}

zend_result cloudacct_work_admin_store(cloudacct_store *s, const cloudacct_actor *a, zend_long store_id, const char *what)
{
	bool yes = true;

	if (a->kind != CLOUDACCT_ACTOR_ADMIN) {
		return SUCCESS;
	}
	if (cloudacct_people_admin_may_store(s, a->id, store_id, &yes) == FAILURE) {
		return FAILURE;
	}
	if (!yes) {
		cloudacct_throw_not_found("%s不存在或无权查看 (not found)", what);
		return FAILURE;
	}
	return SUCCESS;
}

cloudacct_store *cloudacct_work_begin(zval *this_zv, zval *zactor, cloudacct_actor *actor)
{
	cloudacct_store *s = cloudacct_area_store(this_zv);
	if (s) {
		cloudacct_actor_read(Z_OBJ_P(zactor), actor);
	}
	return s;
}

/* ---- input ---- */

static bool text_ok(const char *field, const char *label, const char *s, size_t len, size_t min, size_t max,
	bool multiline)
{
	cloudacct_text_status st = cloudacct_text_check(s, len, min, max, multiline);
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

bool cloudacct_work_check_text(const char *field, const char *label, zend_string *s, size_t min, size_t max,
	bool multiline)
{
	return text_ok(field, label, ZSTR_VAL(s), ZSTR_LEN(s), min, max, multiline);
}

bool cloudacct_work_ref_valid(const char *s, size_t len)
{
	size_t start = 0;

	if (len == 0 || len > 255) {
		return false;
	}
	if (len > 8 && strncmp(s, "https://", 8) == 0) {
		start = 8;
	} else if (len > 7 && strncmp(s, "http://", 7) == 0) {
		start = 7;
	} else if (s[0] == '/') {
		return false;
	}
	for (size_t i = start; i < len; i++) {
		unsigned char ch = (unsigned char) s[i];
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.'
			|| ch == '_' || ch == '-' || ch == '/' || (start && (ch == ':' || ch == '%' || ch == '?' || ch == '=' || ch == '&'));
		if (!ok) {
			return false;
		}
		if (ch == '.' && i + 1 < len && s[i + 1] == '.') {
			return false;
		}
	}
	return true;
}

bool cloudacct_work_check_refs(const char *field, HashTable *refs)
{
	zval *v;

	if (!zend_array_is_list(refs) || zend_hash_num_elements(refs) > MAX_REFS) {
		cloudacct_throw_validation(field, "附件须为最多 %d 个文件引用的列表 (%s: a list of up to %d file references)",
			MAX_REFS, field, MAX_REFS);
		return false;
	}
	ZEND_HASH_FOREACH_VAL(refs, v) {
		if (Z_TYPE_P(v) != IS_STRING || !cloudacct_work_ref_valid(Z_STRVAL_P(v), Z_STRLEN_P(v))) {
			cloudacct_throw_validation(field, "附件引用无效（应为上传后得到的文件路径）(%s: invalid file reference)", field);
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

bool cloudacct_work_check_page(zend_long page, zend_long per_page, uint32_t arg)
{
	if (page < 1 || page > 100000) {
		zend_argument_value_error(arg, "must be between 1 and 100000");
		return false;
	}
	if (per_page < 1 || per_page > 200) {
		zend_argument_value_error(arg + 1, "must be between 1 and 200");
		return false;
	}
	return true;
}

static bool option_in(const char *options, const char *v, size_t len)
{
	const char *p = options;
	while (*p) {
		const char *end = strchr(p, '|');
		size_t n = end ? (size_t) (end - p) : strlen(p);
		if (n == len && memcmp(p, v, len) == 0) {
			return true;
		}
		p += n + (end ? 1 : 0);
	}
	return false;
}

/* Integers come as int, or as a canonical integer string from a form post. */
static bool as_long(zval *v, zend_long *out)
{
	if (Z_TYPE_P(v) == IS_LONG) {
		*out = Z_LVAL_P(v);
		return true;
	}
	if (Z_TYPE_P(v) == IS_STRING && Z_STRLEN_P(v) > 0 && Z_STRLEN_P(v) < 20
			&& is_numeric_string(Z_STRVAL_P(v), Z_STRLEN_P(v), out, NULL, false) == IS_LONG) {
		return true;
	}
	return false;
}

static bool form_list(const cloudacct_work_field *f, zval *v, zval *out)
{
	zval *item;

	if (Z_TYPE_P(v) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(v)) || zend_hash_num_elements(Z_ARRVAL_P(v)) > (uint32_t) f->max) {
		cloudacct_throw_validation(f->key, "“%s”须为最多 %ld 项的列表 (%s: a list of up to %ld items)", f->label,
			(long) f->max, f->key, (long) f->max);
		return false;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), item) {
		if (Z_TYPE_P(item) != IS_STRING) {
			cloudacct_throw_validation(f->key, "“%s”的每一项须为文本 (%s: strings expected)", f->label, f->key);
			return false;
		}
		if (f->type == WORK_F_TEXT_LIST && !text_ok(f->key, f->label, Z_STRVAL_P(item), Z_STRLEN_P(item), 1, 100, false)) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	if (f->type == WORK_F_REF_LIST && !cloudacct_work_check_refs(f->key, Z_ARRVAL_P(v))) {
		return false;
	}
	ZVAL_COPY(out, v);
	return true;
}

static bool form_value(const cloudacct_work_field *f, zval *v, zval *out)
{
	zend_long l;

	switch (f->type) {
		case WORK_F_TEXT:
		case WORK_F_MULTILINE:
		case WORK_F_ENUM:
		case WORK_F_IDENT:
		case WORK_F_REF:
		case WORK_F_PERIOD:
			if (Z_TYPE_P(v) != IS_STRING) {
				cloudacct_throw_validation(f->key, "“%s”须为文本 (%s: string expected)", f->label, f->key);
				return false;
			}
			break;
		default:
			break;
	}
	switch (f->type) {
		case WORK_F_TEXT:
		case WORK_F_MULTILINE:
			if (!text_ok(f->key, f->label, Z_STRVAL_P(v), Z_STRLEN_P(v), (size_t) f->min, (size_t) f->max,
					f->type == WORK_F_MULTILINE)) {
				return false;
			}
			ZVAL_COPY(out, v);
			return true;
		case WORK_F_ENUM:
			if (!option_in(f->options, Z_STRVAL_P(v), Z_STRLEN_P(v))) {
				cloudacct_throw_validation(f->key, "“%s”只能是 %s (%s: one of %s)", f->label, f->options, f->key, f->options);
				return false;
			}
			ZVAL_COPY(out, v);
			return true;
		case WORK_F_IDENT:
			if (Z_STRLEN_P(v) > 0 && !cloudacct_ident_valid(Z_STRVAL_P(v), Z_STRLEN_P(v), (size_t) f->max)) {
				cloudacct_throw_validation(f->key, "“%s”须为小写字母开头的字母、数字或下划线 (%s: [a-z][a-z0-9_]*)",
					f->label, f->key);
				return false;
			}
			ZVAL_COPY(out, v);
			return true;
		case WORK_F_REF:
			if (Z_STRLEN_P(v) > 0 && !cloudacct_work_ref_valid(Z_STRVAL_P(v), Z_STRLEN_P(v))) {
				cloudacct_throw_validation(f->key, "“%s”不是有效的文件引用 (%s: invalid file reference)", f->label, f->key);
				return false;
			}
			ZVAL_COPY(out, v);
			return true;
		case WORK_F_PERIOD: {
			int32_t date;
			char buf[11];
			if (Z_STRLEN_P(v) != 7) {
				goto bad_period;
			}
			/* "YYYY-MM" is a valid period when "YYYY-MM-01" is a valid date. */
			memcpy(buf, Z_STRVAL_P(v), 7);
			memcpy(buf + 7, "-01", 3);
			if (!cloudacct_date_parse(buf, 10, &date)) {
				goto bad_period;
			}
			ZVAL_LONG(out, date / 100);
			return true;
		bad_period:
			cloudacct_throw_validation(f->key, "“%s”须为 YYYY-MM 格式的月份 (%s: YYYY-MM)", f->label, f->key);
			return false;
		}
		case WORK_F_INT:
			if (!as_long(v, &l) || l < f->min || l > f->max) {
				cloudacct_throw_validation(f->key, "“%s”须为 %ld 到 %ld 之间的整数 (%s: integer %ld..%ld)", f->label,
					(long) f->min, (long) f->max, f->key, (long) f->min, (long) f->max);
				return false;
			}
			ZVAL_LONG(out, l);
			return true;
		case WORK_F_BOOL:
			if (Z_TYPE_P(v) == IS_TRUE || Z_TYPE_P(v) == IS_FALSE) {
				ZVAL_LONG(out, Z_TYPE_P(v) == IS_TRUE);
				return true;
			}
			if (as_long(v, &l) && (l == 0 || l == 1)) {
				ZVAL_LONG(out, l);
				return true;
			}
			cloudacct_throw_validation(f->key, "“%s”须为是或否 (%s: boolean expected)", f->label, f->key);
			return false;
		case WORK_F_TEXT_LIST:
		case WORK_F_REF_LIST:
			return form_list(f, v, out);
	}
	return false;
}

bool cloudacct_work_form(HashTable *input, const cloudacct_work_field *fields, size_t n, zval *out)
{
	zend_string *key;
	zval *v;

	array_init(out);
	ZEND_HASH_FOREACH_STR_KEY_VAL(input, key, v) {
		const cloudacct_work_field *f = NULL;
		for (size_t i = 0; key && i < n; i++) {
			if (zend_string_equals_cstr(key, fields[i].key, strlen(fields[i].key))) {
				f = &fields[i];
			}
		}
		if (!f) {
			cloudacct_throw_validation(key ? ZSTR_VAL(key) : "", "未知字段 %s (unknown field)", key ? ZSTR_VAL(key) : "(整数键)");
			goto fail;
		}
		zval norm;
		if (!form_value(f, v, &norm)) {
			goto fail;
		}
		zend_hash_update(Z_ARRVAL_P(out), key, &norm);
	} ZEND_HASH_FOREACH_END();
	for (size_t i = 0; i < n; i++) {
		if (fields[i].required && !zend_hash_str_exists(Z_ARRVAL_P(out), fields[i].key, strlen(fields[i].key))) {
			cloudacct_throw_validation(fields[i].key, "请填写“%s” (%s is required)", fields[i].label, fields[i].key);
			goto fail;
		}
	}
	return true;
fail:
	zval_ptr_dtor(out);
	ZVAL_UNDEF(out);
	return false;
}

zend_string *cloudacct_work_form_str(zval *form, const char *key)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(form), key, strlen(key));
	return v && Z_TYPE_P(v) == IS_STRING ? Z_STR_P(v) : ZSTR_EMPTY_ALLOC();
}

zend_long cloudacct_work_form_long(zval *form, const char *key, zend_long dflt)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(form), key, strlen(key));
	return v && Z_TYPE_P(v) == IS_LONG ? Z_LVAL_P(v) : dflt;
}

bool cloudacct_work_form_has(zval *form, const char *key)
{
	return zend_hash_str_exists(Z_ARRVAL_P(form), key, strlen(key));
}

zend_string *cloudacct_work_json(zval *v, const char *field)
{
	smart_str json = {0};

	if (php_json_encode(&json, v, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES) == FAILURE) {
		smart_str_free(&json);
		cloudacct_throw_validation(field, "内容无法编码（请检查是否含有无效的 UTF-8）(%s is not encodable)", field);
		return NULL;
	}
	smart_str_0(&json);
	return json.s ? json.s : ZSTR_EMPTY_ALLOC();
}

/* ---- settings ---- */

static const cloudacct_setting_key *setting_key(const char *name)
{
	for (size_t i = 0; i < cloudacct_n_setting_keys; i++) {
		if (strcmp(cloudacct_setting_keys[i].name, name) == 0) {
			return &cloudacct_setting_keys[i];
		}
	}
	return NULL;
}

zend_result cloudacct_work_settings(cloudacct_store *s, const char *const *names, size_t n, zval *out)
{
	cloudacct_param p[9];
	smart_str sql = {0};
	zval rows, *row;

	ZEND_ASSERT(n >= 1 && n <= 8);
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
	for (size_t i = 0; i < n; i++) {
		const cloudacct_setting_key *k = setting_key(names[i]);
		const char *json = k ? k->default_json : "null";
		size_t len = strlen(json);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			size_t nlen, vlen;
			const char *name = cloudacct_work_str(row, "name", &nlen);
			const char *value = cloudacct_work_str(row, "value", &vlen);
			if (nlen == strlen(names[i]) && memcmp(name, names[i], nlen) == 0) {
				json = value;
				len = vlen;
			}
		} ZEND_HASH_FOREACH_END();
		/* A stored value that no longer decodes (hand-edited row) counts as the default. */
		if (php_json_decode_ex(&out[i], json, len, PHP_JSON_OBJECT_AS_ARRAY, 64) == FAILURE && k) {
			php_json_decode_ex(&out[i], k->default_json, strlen(k->default_json), PHP_JSON_OBJECT_AS_ARRAY, 64);
		}
	}
	zval_ptr_dtor(&rows);
	return SUCCESS;
}

/* ---- writers ---- */

zend_result cloudacct_work_audit(cloudacct_store *s, const cloudacct_actor *a, const char *action, const char *object_type,
	zend_long object_id, zval *detail)
{
	zend_string *json = detail ? cloudacct_work_json(detail, "detail") : NULL;
	if (detail && !json) {
		return FAILURE;
	}
	zend_result rc = cloudacct_audit_write(s, a, action, object_type, object_id, json ? ZSTR_VAL(json) : "{}",
		json ? ZSTR_LEN(json) : 2);
	if (json) {
		zend_string_release(json);
	}
	return rc;
}

zend_result cloudacct_work_history(cloudacct_store *s, const cloudacct_actor *a, zend_long job_id, const char *from,
	const char *to, const char *event, zend_long assignee_from, zend_long assignee_to, const char *note, size_t note_len)
{
	const char *kind = cloudacct_actor_kind_name(a->kind);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(job_id),
		CLOUDACCT_PARAM_STR(from, strlen(from)),
		CLOUDACCT_PARAM_STR(to, strlen(to)),
		CLOUDACCT_PARAM_STR(event, strlen(event)),
		CLOUDACCT_PARAM_STR(kind, strlen(kind)),
		CLOUDACCT_PARAM_LONG(a->id),
		CLOUDACCT_PARAM_LONG(assignee_from),
		CLOUDACCT_PARAM_LONG(assignee_to),
		CLOUDACCT_PARAM_STR(note ? note : "", note ? note_len : 0),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
	};
	return CLOUDACCT_DB_RUN(s->db,
		"INSERT INTO {job_history} (uniacid, job_id, from_status, to_status, event, actor_kind, actor_id,"
		" assignee_from, assignee_to, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		p, 11, CLOUDACCT_FETCH_NONE, NULL);
}

zend_result cloudacct_work_notice(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zend_long job_id, zend_long version, const char *title, size_t title_len,
	const char *note, size_t note_len)
{
	zval payload;
	char dedup[129];

	array_init_size(&payload, 3);
	add_assoc_long(&payload, "job_id", job_id);
	add_assoc_stringl(&payload, "title", title, title_len);
	if (note && note_len) {
		add_assoc_stringl(&payload, "note", note, note_len);
	}
	snprintf(dedup, sizeof(dedup), "%s:%ld:%ld:%s:%ld", template_key, (long) job_id, (long) version, recipient_kind,
		(long) recipient_id);
	zend_result rc = cloudacct_outbox_enqueue(s, recipient_kind, recipient_id, template_key, &payload, dedup);
	zval_ptr_dtor(&payload);
	return rc;
}

zend_result cloudacct_work_attach(cloudacct_store *s, zend_long job_id, zend_long progress_id, HashTable *refs)
{
	cloudacct_param p[MAX_REFS * 5];
	smart_str sql = {0};
	uint32_t n = 0;
	zval *v;
	zend_long now = cloudacct_clock_now();

	if (!refs || zend_hash_num_elements(refs) == 0) {
		return SUCCESS;
	}
	ZEND_ASSERT(zend_hash_num_elements(refs) <= MAX_REFS);
	smart_str_appends(&sql, "INSERT INTO {job_attachment} (uniacid, job_id, progress_id, ref, created_at) VALUES ");
	ZEND_HASH_FOREACH_VAL(refs, v) {
		smart_str_appends(&sql, n ? ", (?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?)");
		p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
		p[n++] = CLOUDACCT_PARAM_LONG(job_id);
		p[n++] = CLOUDACCT_PARAM_LONG(progress_id);
		p[n++] = CLOUDACCT_PARAM_STR(Z_STRVAL_P(v), Z_STRLEN_P(v));
		p[n++] = CLOUDACCT_PARAM_LONG(now);
	} ZEND_HASH_FOREACH_END();
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&sql);
	return rc;
}

void cloudacct_work_token(char out[17])
{
	unsigned char b[8];
	static const char hex[] = "0123456789abcdef";

	if (php_random_bytes_silent(b, sizeof(b)) == FAILURE) {
		/* No CSPRNG: tokens only need to differ between processes. */
		uint64_t x = (uint64_t) getpid() << 32 ^ (uint64_t) time(NULL) ^ (uint64_t) (uintptr_t) out;
		memcpy(b, &x, sizeof(b));
	}
	for (int i = 0; i < 8; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[16] = '\0';
}
