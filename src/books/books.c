/* CloudAcct\Books\Books: the books (代记账账目) of a client company per period — configurable
 * lines and files, draft → published revisions, the client's tax confirmation (税金确认) — and
 * the hook the work area calls before a filing job is completed. Decisions: docs/books.md.
 *
 * Tables (migration 7): {book} holds one row per (client, period): the working copy the
 * accountant edits (content, require_confirm, draft_tax_fen), the number of the latest published
 * revision and the client's confirmation of it; {book_revision} holds every published revision's
 * content, which is what clients read. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "books.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../people/people.h"
#include "../notices/outbox.h"
#include "../settings/settings.h"
#include "../audit/audit.h"
#include "../core/book.h"
#include "../core/calendar.h"
#include "../core/text.h"
#include "books_arginfo.h"

zend_class_entry *cloudacct_ce_Books_Books;

#define MAX_LINES 30
#define MAX_FILES 20
#define MAX_AMOUNT INT64_C(1000000000000000) /* 10 万亿元 in fen, either sign */
#define MAX_FILE_SIZE (INT64_C(100) * 1024 * 1024)
#define MAX_CONTACT_NOTICES 50

/* ---- small helpers ---- */

static zend_long row_long(zval *row, const char *key)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	return v && Z_TYPE_P(v) == IS_LONG ? Z_LVAL_P(v) : (v && Z_TYPE_P(v) == IS_STRING ? ZEND_STRTOL(Z_STRVAL_P(v), NULL, 10) : 0);
}

static const char *row_str(zval *row, const char *key, size_t *len)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	if (v && Z_TYPE_P(v) == IS_STRING) {
		*len = Z_STRLEN_P(v);
		return Z_STRVAL_P(v);
	}
	*len = 0;
	return "";
}

static void period_str(int32_t period, char buf[8])
{
	snprintf(buf, 8, "%04d-%02d", (int) (period / 100) % 10000, (int) (period % 100));
}

static int32_t this_period(void)
{
	int32_t d = cloudacct_date_from_ts(cloudacct_clock_now(), CLOUDACCT_TZ_CHINA);
	return d > 0 ? d / 100 : 0;
}

static bool parse_period(zend_string *s, const char *field, int32_t *out)
{
	switch (cloudacct_book_period_parse(ZSTR_VAL(s), ZSTR_LEN(s), this_period(), out)) {
		case CLOUDACCT_BOOK_PERIOD_OK:
			return true;
		case CLOUDACCT_BOOK_PERIOD_FUTURE:
			cloudacct_throw_validation(field, "账期 %s 还没有到，不能记账（最晚为本月）(%s: period is in the future)",
				ZSTR_VAL(s), field);
			return false;
		default:
			cloudacct_throw_validation(field, "账期应为 YYYY-MM（2000-01 起），如 2026-10 (%s: expected YYYY-MM)", field);
			return false;
	}
}

static zend_string *json_of(zval *v)
{
	smart_str json = {0};
	if (php_json_encode(&json, v, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES) == FAILURE) {
		smart_str_free(&json);
		cloudacct_throw_validation("data", "内容无法保存（含有无效的 UTF-8）(content is not encodable)");
		return NULL;
	}
	smart_str_0(&json);
	return json.s ? json.s : ZSTR_EMPTY_ALLOC();
}

/* Decodes stored JSON into out (an array); an empty array when it does not decode. */
static void json_decode_array(const char *s, size_t len, zval *out)
{
	ZVAL_NULL(out);
	if (len == 0 || php_json_decode_ex(out, (char *) s, len, PHP_JSON_OBJECT_AS_ARRAY, 16) == FAILURE
			|| Z_TYPE_P(out) != IS_ARRAY) {
		if (EG(exception)) {
			zend_clear_exception();
		}
		zval_ptr_dtor(out);
		array_init(out);
	}
}

static zend_result audit(cloudacct_store *s, const cloudacct_actor *a, const char *action, zend_long id, zval *detail)
{
	zend_string *json = detail ? json_of(detail) : NULL;
	if (detail && !json) {
		return FAILURE;
	}
	zend_result rc = cloudacct_audit_write(s, a, action, "book", id, json ? ZSTR_VAL(json) : "{}", json ? ZSTR_LEN(json) : 2);
	if (json) {
		zend_string_release(json);
	}
	return rc;
}

static bool check_text(zval *v, const char *field, const char *label, size_t min, size_t max, bool multiline)
{
	if (Z_TYPE_P(v) != IS_STRING) {
		cloudacct_throw_validation(field, "“%s”须为文本 (%s: string expected)", label, field);
		return false;
	}
	cloudacct_text_status st = cloudacct_text_check(Z_STRVAL_P(v), Z_STRLEN_P(v), min, max, multiline);
	if (st == CLOUDACCT_TEXT_OK) {
		return true;
	}
	if (st == CLOUDACCT_TEXT_TOO_LONG || st == CLOUDACCT_TEXT_TOO_SHORT) {
		cloudacct_throw_validation(field, "“%s”须为 %zu 到 %zu 个字符 (%s: %zu..%zu characters)", label, min, max, field,
			min, max);
	} else {
		cloudacct_throw_validation(field, "“%s”%s (%s: invalid text)", label, cloudacct_text_status_message(st), field);
	}
	return false;
}

static bool check_id(zend_long id, uint32_t arg)
{
	if (id <= 0 || id > UINT32_MAX) {
		zend_argument_value_error(arg, "must be between 1 and %u", UINT32_MAX);
		return false;
	}
	return true;
}

/* ---- the line definitions (setting books_lines) ---- */

typedef struct {
	zend_string *key, *label; /* owned */
	bool amount, tax;
} line_def;

typedef struct {
	uint32_t n;
	line_def d[MAX_LINES];
} line_defs;

static void lines_free(line_defs *l)
{
	for (uint32_t i = 0; i < l->n; i++) {
		zend_string_release(l->d[i].key);
		zend_string_release(l->d[i].label);
	}
	l->n = 0;
}

/* Validates a list of line definitions (throws ValidationException naming the entry). */
/* Does this object have only the given keys (a NULL-ended list)? */
static bool only_keys(HashTable *ht, const char *const *allowed)
{
	zend_string *k;

	ZEND_HASH_FOREACH_STR_KEY(ht, k) {
		const char *const *a = allowed;
		while (k && *a && !zend_string_equals_cstr(k, *a, strlen(*a))) {
			a++;
		}
		if (!k || !*a) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

static const char *const line_keys[] = { "key", "label", "kind", "tax", NULL };
static const char *const file_keys[] = { "name", "url", "size", "type", NULL };

static bool lines_parse(zval *v, line_defs *out)
{
	zval *e;
	char field[32];
	uint32_t i = 0;

	out->n = 0;
	if (Z_TYPE_P(v) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(v)) || zend_hash_num_elements(Z_ARRVAL_P(v)) == 0
			|| zend_hash_num_elements(Z_ARRVAL_P(v)) > MAX_LINES) {
		cloudacct_throw_validation("lines", "账目项目须为 1 到 %d 项的列表 (lines: list of 1..%d)", MAX_LINES, MAX_LINES);
		return false;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), e) {
		zval *key, *label, *kind, *tax;
		snprintf(field, sizeof(field), "lines[%u]", i++);
		if (Z_TYPE_P(e) != IS_ARRAY) {
			cloudacct_throw_validation(field, "账目项目须为 {key, label, kind, tax} (%s: object expected)", field);
			goto fail;
		}
		if (!only_keys(Z_ARRVAL_P(e), line_keys)) {
			cloudacct_throw_validation(field, "账目项目只能有 key、label、kind、tax (%s: unknown key)", field);
			goto fail;
		}
		key = zend_hash_str_find(Z_ARRVAL_P(e), ZEND_STRL("key"));
		label = zend_hash_str_find(Z_ARRVAL_P(e), ZEND_STRL("label"));
		kind = zend_hash_str_find(Z_ARRVAL_P(e), ZEND_STRL("kind"));
		tax = zend_hash_str_find(Z_ARRVAL_P(e), ZEND_STRL("tax"));
		if (!key || Z_TYPE_P(key) != IS_STRING || !cloudacct_ident_valid(Z_STRVAL_P(key), Z_STRLEN_P(key), 32)) {
			cloudacct_throw_validation(field, "项目代码须为小写字母开头的字母、数字、下划线，最多 32 位 (%s.key: identifier expected)",
				field);
			goto fail;
		}
		for (uint32_t j = 0; j < out->n; j++) {
			if (zend_string_equals(out->d[j].key, Z_STR_P(key))) {
				cloudacct_throw_validation(field, "项目代码 %s 重复 (%s.key: duplicate)", Z_STRVAL_P(key), field);
				goto fail;
			}
		}
		if (!label || !check_text(label, field, "项目名称", 1, 20, false)) {
			if (!label) {
				cloudacct_throw_validation(field, "请填写项目名称 (%s.label: required)", field);
			}
			goto fail;
		}
		bool amount;
		if (kind && Z_TYPE_P(kind) == IS_STRING && zend_string_equals_literal(Z_STR_P(kind), "amount")) {
			amount = true;
		} else if (kind && Z_TYPE_P(kind) == IS_STRING && zend_string_equals_literal(Z_STR_P(kind), "text")) {
			amount = false;
		} else {
			cloudacct_throw_validation(field, "项目类型须为 amount（金额）或 text（文字）(%s.kind: amount|text)", field);
			goto fail;
		}
		if (tax && Z_TYPE_P(tax) != IS_TRUE && Z_TYPE_P(tax) != IS_FALSE) {
			cloudacct_throw_validation(field, "tax 须为 true 或 false (%s.tax: bool expected)", field);
			goto fail;
		}
		if (tax && Z_TYPE_P(tax) == IS_TRUE && !amount) {
			cloudacct_throw_validation(field, "只有金额项目可以计入税额 (%s.tax: only amount lines)", field);
			goto fail;
		}
		line_def *d = &out->d[out->n++];
		d->key = zend_string_copy(Z_STR_P(key));
		d->label = zend_string_copy(Z_STR_P(label));
		d->amount = amount;
		d->tax = tax && Z_TYPE_P(tax) == IS_TRUE;
	} ZEND_HASH_FOREACH_END();
	return true;
fail:
	lines_free(out);
	return false;
}

static void lines_to_array(line_defs *l, zval *out)
{
	array_init_size(out, l->n);
	for (uint32_t i = 0; i < l->n; i++) {
		zval e;
		array_init_size(&e, 4);
		add_assoc_str(&e, "key", zend_string_copy(l->d[i].key));
		add_assoc_str(&e, "label", zend_string_copy(l->d[i].label));
		add_assoc_string(&e, "kind", l->d[i].amount ? "amount" : "text");
		add_assoc_bool(&e, "tax", l->d[i].tax);
		add_next_index_zval(out, &e);
	}
}

static const char *default_lines_json(void)
{
	for (size_t i = 0; i < cloudacct_n_setting_keys; i++) {
		if (strcmp(cloudacct_setting_keys[i].name, "books_lines") == 0) {
			return cloudacct_setting_keys[i].default_json;
		}
	}
	return "[]";
}

/* The stored lines; the registry default when none are stored or the stored value does not
 * validate (it can only be written unvalidated through Settings::set). */
static zend_result lines_load(cloudacct_store *s, line_defs *out)
{
	zval v;
	if (cloudacct_settings_get(s, "books_lines", &v) == FAILURE) {
		return FAILURE;
	}
	bool ok = lines_parse(&v, out);
	zval_ptr_dtor(&v);
	if (!ok) {
		zend_clear_exception();
		const char *d = default_lines_json();
		json_decode_array(d, strlen(d), &v);
		ok = lines_parse(&v, out);
		zval_ptr_dtor(&v);
		if (!ok) {
			return FAILURE;
		}
	}
	return SUCCESS;
}

/* ---- the working copy: validated content ---- */

typedef struct {
	zend_string *content;   /* owned JSON {lines, files, note} */
	bool require_confirm;
	zend_long tax_fen;
} book_input;

static bool parse_amount(zval *v, const char *field, const char *label, zend_long *out)
{
	switch (Z_TYPE_P(v)) {
		case IS_LONG:
			if (Z_LVAL_P(v) > MAX_AMOUNT || Z_LVAL_P(v) < -MAX_AMOUNT) {
				cloudacct_throw_validation(field, "“%s”金额超出范围 (%s: amount out of range)", label, field);
				return false;
			}
			*out = Z_LVAL_P(v);
			return true;
		case IS_DOUBLE:
			cloudacct_throw_validation(field,
				"“%s”须为整数“分”，不能是小数；元请用 CloudAcct\\Money::parse(\"12.34\") 换算 (%s: float refused)", label, field);
			return false;
		case IS_STRING:
			cloudacct_throw_validation(field,
				"“%s”须为整数“分”，不能是文本；元请用 CloudAcct\\Money::parse() 换算 (%s: string refused)", label, field);
			return false;
		default:
			cloudacct_throw_validation(field, "“%s”须为整数“分” (%s: int fen expected)", label, field);
			return false;
	}
}

static bool parse_file(zval *f, uint32_t i, zval *out)
{
	char field[32];
	zval *name, *url, *size, *type;
	zend_long sz = 0;

	snprintf(field, sizeof(field), "files[%u]", i);
	if (Z_TYPE_P(f) != IS_ARRAY) {
		cloudacct_throw_validation(field, "附件须为 {name, url, size, type} (%s: object expected)", field);
		return false;
	}
	if (!only_keys(Z_ARRVAL_P(f), file_keys)) {
		cloudacct_throw_validation(field, "附件只能有 name、url、size、type (%s: unknown key)", field);
		return false;
	}
	name = zend_hash_str_find(Z_ARRVAL_P(f), ZEND_STRL("name"));
	url = zend_hash_str_find(Z_ARRVAL_P(f), ZEND_STRL("url"));
	size = zend_hash_str_find(Z_ARRVAL_P(f), ZEND_STRL("size"));
	type = zend_hash_str_find(Z_ARRVAL_P(f), ZEND_STRL("type"));
	if (!name) {
		cloudacct_throw_validation(field, "请填写附件名称 (%s.name: required)", field);
		return false;
	}
	if (!check_text(name, field, "附件名称", 1, 100, false)) {
		return false;
	}
	if (!url || Z_TYPE_P(url) != IS_STRING || !cloudacct_book_ref_valid(Z_STRVAL_P(url), Z_STRLEN_P(url))) {
		cloudacct_throw_validation(field,
			"附件地址须为上传后的附件路径或 https 链接 (%s.url: attachment path or https URL)", field);
		return false;
	}
	if (size) {
		if (Z_TYPE_P(size) != IS_LONG || Z_LVAL_P(size) < 0 || Z_LVAL_P(size) > MAX_FILE_SIZE) {
			cloudacct_throw_validation(field, "附件大小须为 0 到 100MB 的字节数 (%s.size: 0..104857600 bytes)", field);
			return false;
		}
		sz = Z_LVAL_P(size);
	}
	/* The type is what the file is: the reference's extension, else the name's. */
	cloudacct_book_file_type t = cloudacct_book_file_type_of(Z_STRVAL_P(url), Z_STRLEN_P(url));
	if (t == CLOUDACCT_BOOK_FILE_NONE) {
		t = cloudacct_book_file_type_of(Z_STRVAL_P(name), Z_STRLEN_P(name));
	}
	if (t == CLOUDACCT_BOOK_FILE_NONE) {
		cloudacct_throw_validation(field, "只能附加 PDF、Excel（xls/xlsx/csv）或图片 (%s: pdf, excel or image only)", field);
		return false;
	}
	if (type && (Z_TYPE_P(type) != IS_STRING || cloudacct_book_file_type_parse(Z_STRVAL_P(type), Z_STRLEN_P(type)) != t)) {
		cloudacct_throw_validation(field, "附件类型与文件不符，应为 %s (%s.type: does not match the file)",
			cloudacct_book_file_type_name(t), field);
		return false;
	}
	array_init_size(out, 4);
	add_assoc_str(out, "name", zend_string_copy(Z_STR_P(name)));
	add_assoc_str(out, "url", zend_string_copy(Z_STR_P(url)));
	add_assoc_long(out, "size", sz);
	add_assoc_string(out, "type", (char *) cloudacct_book_file_type_name(t));
	return true;
}

/* Validates save()'s data against the lines and builds the working copy. Throws. */
static bool input_parse(HashTable *data, line_defs *defs, book_input *in)
{
	zend_string *k;
	zval *v, lines, files, content;
	zval *zlines = NULL, *zfiles = NULL, *znote = NULL, *zreq = NULL;
	zend_long tax = 0;
	bool has_tax_line = false;

	in->content = NULL;
	ZEND_HASH_FOREACH_STR_KEY_VAL(data, k, v) {
		if (k && zend_string_equals_literal(k, "lines")) {
			zlines = v;
		} else if (k && zend_string_equals_literal(k, "files")) {
			zfiles = v;
		} else if (k && zend_string_equals_literal(k, "note")) {
			znote = v;
		} else if (k && zend_string_equals_literal(k, "require_confirm")) {
			zreq = v;
		} else {
			cloudacct_throw_validation(k ? ZSTR_VAL(k) : "data", "未知的字段 %s；可用 lines、files、note、require_confirm (unknown key)",
				k ? ZSTR_VAL(k) : "(list index)");
			return false;
		}
	} ZEND_HASH_FOREACH_END();

	if (zlines && Z_TYPE_P(zlines) != IS_ARRAY) {
		cloudacct_throw_validation("lines", "lines 须为 项目代码 => 数值 (lines: array expected)");
		return false;
	}
	/* Every key must be a configured line. */
	if (zlines) {
		zend_ulong idx;
		ZEND_HASH_FOREACH_KEY(Z_ARRVAL_P(zlines), idx, k) {
			bool known = false;
			for (uint32_t i = 0; k && i < defs->n; i++) {
				known = known || zend_string_equals(defs->d[i].key, k);
			}
			if (!known) {
				char field[48];
				if (k) {
					snprintf(field, sizeof(field), "lines.%.32s", ZSTR_VAL(k));
				} else {
					snprintf(field, sizeof(field), "lines.%lu", (unsigned long) idx);
				}
				cloudacct_throw_validation(field, "没有这个账目项目：%s（请先在设置中添加）(unknown line)", field + 6);
				return false;
			}
		} ZEND_HASH_FOREACH_END();
	}
	array_init(&lines);
	for (uint32_t i = 0; zlines && i < defs->n; i++) {
		line_def *d = &defs->d[i];
		char field[48];
		zval e, *lv = zend_hash_find(Z_ARRVAL_P(zlines), d->key);
		if (!lv || Z_TYPE_P(lv) == IS_NULL) {
			continue;
		}
		snprintf(field, sizeof(field), "lines.%s", ZSTR_VAL(d->key));
		array_init_size(&e, 5);
		add_assoc_str(&e, "key", zend_string_copy(d->key));
		add_assoc_str(&e, "label", zend_string_copy(d->label));
		add_assoc_string(&e, "kind", d->amount ? "amount" : "text");
		add_assoc_bool(&e, "tax", d->tax);
		if (d->amount) {
			zend_long fen;
			if (!parse_amount(lv, field, ZSTR_VAL(d->label), &fen)) {
				zval_ptr_dtor(&e);
				zval_ptr_dtor(&lines);
				return false;
			}
			add_assoc_long(&e, "value", fen);
			if (d->tax) {
				tax += fen; /* each at most 1e15 in size, at most 30 lines: no overflow */
				has_tax_line = true;
			}
		} else {
			if (!check_text(lv, field, ZSTR_VAL(d->label), 0, 200, true)) {
				zval_ptr_dtor(&e);
				zval_ptr_dtor(&lines);
				return false;
			}
			if (Z_STRLEN_P(lv) == 0) {
				zval_ptr_dtor(&e);
				continue;
			}
			add_assoc_str(&e, "value", zend_string_copy(Z_STR_P(lv)));
		}
		add_next_index_zval(&lines, &e);
	}

	array_init(&files);
	if (zfiles) {
		zval *f;
		uint32_t i = 0;
		if (Z_TYPE_P(zfiles) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(zfiles))
				|| zend_hash_num_elements(Z_ARRVAL_P(zfiles)) > MAX_FILES) {
			cloudacct_throw_validation("files", "附件须为最多 %d 个的列表 (files: list of up to %d)", MAX_FILES, MAX_FILES);
			goto fail;
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(zfiles), f) {
			zval one;
			if (!parse_file(f, i++, &one)) {
				goto fail;
			}
			add_next_index_zval(&files, &one);
		} ZEND_HASH_FOREACH_END();
	}
	if (znote && Z_TYPE_P(znote) != IS_NULL && !check_text(znote, "note", "说明", 0, 500, true)) {
		goto fail;
	}
	in->require_confirm = false;
	if (zreq) {
		if (Z_TYPE_P(zreq) == IS_TRUE || Z_TYPE_P(zreq) == IS_FALSE) {
			in->require_confirm = Z_TYPE_P(zreq) == IS_TRUE;
		} else if (Z_TYPE_P(zreq) == IS_LONG && (Z_LVAL_P(zreq) == 0 || Z_LVAL_P(zreq) == 1)) {
			in->require_confirm = Z_LVAL_P(zreq) == 1;
		} else {
			cloudacct_throw_validation("require_confirm", "require_confirm 须为 true 或 false (bool expected)");
			goto fail;
		}
	}
	if (in->require_confirm && !has_tax_line) {
		cloudacct_throw_validation("require_confirm", "要客户确认税额，请先填写应交税额项目 (no tax line to confirm)");
		goto fail;
	}
	array_init_size(&content, 3);
	add_assoc_zval(&content, "lines", &lines);
	add_assoc_zval(&content, "files", &files);
	if (znote && Z_TYPE_P(znote) == IS_STRING) {
		add_assoc_str(&content, "note", zend_string_copy(Z_STR_P(znote)));
	} else {
		add_assoc_string(&content, "note", "");
	}
	in->content = json_of(&content);
	zval_ptr_dtor(&content);
	in->tax_fen = tax;
	return in->content != NULL;
fail:
	zval_ptr_dtor(&lines);
	zval_ptr_dtor(&files);
	return false;
}

/* ---- who may do what ---- */

/* Staff (the active exclusive accountant) and admins (within their stores) work on a client's
 * books; NotFoundException for a company they may not see, ForbiddenException for clients. */
static zend_result authorize_editor(cloudacct_store *s, const cloudacct_actor *a, zend_long client_id,
	cloudacct_client_info *info)
{
	if (a->kind == CLOUDACCT_ACTOR_CLIENT || a->kind == CLOUDACCT_ACTOR_SYSTEM) {
		cloudacct_throw_forbidden("只有专属会计或管理员可以编辑、发布账目 (only the accountant or an admin edits books)");
		return FAILURE;
	}
	return cloudacct_people_authorize_client(s, a, client_id, info);
}

/* Readers: the client's contacts, its accountant, admins of its store, the system. Inactive
 * staff read nothing. */
static zend_result authorize_reader(cloudacct_store *s, const cloudacct_actor *a, zend_long client_id,
	cloudacct_client_info *info)
{
	if (a->kind == CLOUDACCT_ACTOR_STAFF) {
		cloudacct_staff_info st;
		if (cloudacct_people_require_active_staff(s, a, &st) == FAILURE) {
			return FAILURE;
		}
	}
	return cloudacct_people_authorize_client(s, a, client_id, info);
}

#define BOOK_COLUMNS \
	"b.id, b.client_id, c.name AS client_name, b.period, b.status, b.changed, b.content, b.require_confirm," \
	" b.draft_tax_fen, b.revision, b.tax_fen, b.confirm_status, b.confirm_comment, b.confirmed_by, b.confirmed_at," \
	" b.published_at, b.created_at, b.updated_at, b.version"

/* The book row (joined with its company's name) or a NotFoundException. */
static zend_result book_fetch(cloudacct_store *s, zend_long book_id, bool lock, zval *row)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(book_id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	zend_result rc = lock
		? CLOUDACCT_DB_RUN(s->db, "SELECT " BOOK_COLUMNS " FROM {book} b JOIN {client} c ON c.uniacid = b.uniacid"
			" AND c.id = b.client_id WHERE b.id = ? AND b.uniacid = ? FOR UPDATE", p, 2, CLOUDACCT_FETCH_ROW, row)
		: CLOUDACCT_DB_RUN(s->db, "SELECT " BOOK_COLUMNS " FROM {book} b JOIN {client} c ON c.uniacid = b.uniacid"
			" AND c.id = b.client_id WHERE b.id = ? AND b.uniacid = ?", p, 2, CLOUDACCT_FETCH_ROW, row);
	if (rc == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE_P(row) != IS_ARRAY) {
		cloudacct_throw_not_found("账目不存在或无权查看 (book %ld not found)", (long) book_id);
		return FAILURE;
	}
	return SUCCESS;
}

/* Loads a book the actor may read (editors: may edit). Clients: published books only. */
static zend_result book_load(cloudacct_store *s, const cloudacct_actor *a, zend_long book_id, bool edit, bool lock,
	zval *row, cloudacct_client_info *info)
{
	cloudacct_client_info ci;
	ZVAL_UNDEF(row);
	if (edit && (a->kind == CLOUDACCT_ACTOR_CLIENT || a->kind == CLOUDACCT_ACTOR_SYSTEM)) {
		return authorize_editor(s, a, 0, NULL);
	}
	if (book_fetch(s, book_id, lock, row) == FAILURE) {
		return FAILURE;
	}
	zend_long client_id = row_long(row, "client_id");
	zend_result rc = edit ? authorize_editor(s, a, client_id, &ci) : authorize_reader(s, a, client_id, &ci);
	if (rc == SUCCESS && a->kind == CLOUDACCT_ACTOR_CLIENT && row_long(row, "revision") == 0) {
		cloudacct_throw_not_found("账目不存在或无权查看 (book %ld not found)", (long) book_id);
		rc = FAILURE;
	}
	if (rc == FAILURE) {
		if (EG(exception) && instanceof_function(EG(exception)->ce, cloudacct_ce_NotFoundException)) {
			/* Same answer as for a book that does not exist. */
			zend_clear_exception();
			cloudacct_throw_not_found("账目不存在或无权查看 (book %ld not found)", (long) book_id);
		}
		zval_ptr_dtor(row);
		ZVAL_UNDEF(row);
		return FAILURE;
	}
	if (info) {
		*info = ci;
	}
	return SUCCESS;
}

/* ---- notices ---- */

static zend_result notify_contacts(cloudacct_store *s, zend_long client_id, zend_long book_id, zend_long revision,
	int32_t period, const char *tpl, zend_long tax_fen)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	zval ids, *id;
	char per[8], title[64], dedup[CLOUDACCT_OUTBOX_DEDUP_MAX + 1];
	zend_result rc = SUCCESS;

	if (CLOUDACCT_DB_RUN(s->db, "SELECT contact_id FROM {client_contact} WHERE uniacid = ? AND client_id = ?"
			" ORDER BY contact_id LIMIT " ZEND_TOSTR(MAX_CONTACT_NOTICES), p, 2, CLOUDACCT_FETCH_ALL, &ids) == FAILURE) {
		return FAILURE;
	}
	period_str(period, per);
	snprintf(title, sizeof(title), "%d年%d月账目", (int) (period / 100), (int) (period % 100));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(ids), id) {
		zend_long cid = row_long(id, "contact_id");
		zval payload;
		array_init_size(&payload, 6);
		add_assoc_long(&payload, "book_id", book_id);
		add_assoc_long(&payload, "client_id", client_id);
		add_assoc_string(&payload, "period", per);
		add_assoc_long(&payload, "revision", revision);
		add_assoc_string(&payload, "title", title);
		if (strcmp(tpl, "tax_confirm") == 0) {
			add_assoc_long(&payload, "tax_fen", tax_fen);
		}
		snprintf(dedup, sizeof(dedup), "%s:%ld:%ld:client:%ld", tpl, (long) book_id, (long) revision, (long) cid);
		rc = cloudacct_outbox_enqueue(s, "client", cid, tpl, &payload, dedup);
		zval_ptr_dtor(&payload);
		if (rc == FAILURE) {
			break;
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&ids);
	return rc;
}

/* ---- PHP: lines ---- */

ZEND_METHOD(CloudAcct_Books_Books, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static cloudacct_store *books_begin(zval *this_zv, zval *zactor, cloudacct_actor *actor)
{
	cloudacct_store *s = cloudacct_area_store(this_zv);
	if (s) {
		cloudacct_actor_read(Z_OBJ_P(zactor), actor);
	}
	return s;
}

ZEND_METHOD(CloudAcct_Books_Books, lines)
{
	zval *zactor;
	cloudacct_actor actor;
	line_defs defs;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s || lines_load(s, &defs) == FAILURE) {
		RETURN_THROWS();
	}
	lines_to_array(&defs, return_value);
	lines_free(&defs);
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_string *json;
} set_lines_ctx;

static zend_result set_lines_body(cloudacct_connection *c, void *ctx)
{
	set_lines_ctx *x = ctx;
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_ZSTR(x->json), CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_ZSTR(x->json), CLOUDACCT_PARAM_LONG(now) };

	if (CLOUDACCT_DB_RUN(c, "INSERT INTO {setting} (uniacid, name, value, updated_at) VALUES (?, 'books_lines', ?, ?)"
			" ON DUPLICATE KEY UPDATE value = ?, updated_at = ?", p, 5, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	return cloudacct_audit_write(x->s, x->a, "books_lines_set", "setting", 0, ZSTR_VAL(x->json), ZSTR_LEN(x->json));
}

ZEND_METHOD(CloudAcct_Books_Books, setLines)
{
	zval *zactor, *zlines, norm;
	cloudacct_actor actor;
	line_defs defs;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY(zlines)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	if (cloudacct_require_firm_admin(s, &actor, "设置全公司的账目项目") == FAILURE) {
		RETURN_THROWS();
	}
	if (!lines_parse(zlines, &defs)) {
		RETURN_THROWS();
	}
	lines_to_array(&defs, &norm);
	lines_free(&defs);
	set_lines_ctx x = { s, &actor, json_of(&norm) };
	zval_ptr_dtor(&norm);
	if (!x.json) {
		RETURN_THROWS();
	}
	zend_result rc = cloudacct_db_transaction(s->db, set_lines_body, &x, 0);
	zend_string_release(x.json);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- PHP: save ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	int32_t period;
	book_input *in;
	zend_long id;
} save_ctx;

/* The book of (client, period), locked (FOR UPDATE); row is null when there is none. */
static zend_result save_lock(cloudacct_connection *c, save_ctx *x, zval *row)
{
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(x->period) };
	return CLOUDACCT_DB_RUN(c, "SELECT id, status, revision, version FROM {book} WHERE uniacid = ? AND client_id = ?"
		" AND period = ? FOR UPDATE", q, 3, CLOUDACCT_FETCH_ROW, row);
}

static zend_result save_body(cloudacct_connection *c, void *ctx)
{
	save_ctx *x = ctx;
	cloudacct_store *s = x->s;
	zend_long now = cloudacct_clock_now();
	zval row, detail;
	char per[8];

	/* A new period is inserted without a locking read first: FOR UPDATE on a missing key takes
	 * gap locks, and two editors creating the same period would deadlock on them. When someone
	 * else created it meanwhile, the insert meets the unique key and the book is updated. */
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(x->period) };
	if (CLOUDACCT_DB_RUN(c, "SELECT id FROM {book} WHERE uniacid = ? AND client_id = ? AND period = ?", q, 3,
			CLOUDACCT_FETCH_VALUE, &row) == FAILURE) {
		return FAILURE;
	}
	bool exists = Z_TYPE(row) != IS_NULL;
	zval_ptr_dtor(&row);
	ZVAL_NULL(&row);
	if (!exists) {
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id),
			CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_ZSTR(x->in->content),
			CLOUDACCT_PARAM_LONG(x->in->require_confirm), CLOUDACCT_PARAM_LONG(x->in->tax_fen),
			CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now) };
		if (CLOUDACCT_DB_RUN(c, "INSERT INTO {book} (uniacid, client_id, period, status, changed, content, require_confirm,"
				" draft_tax_fen, created_at, updated_at) VALUES (?, ?, ?, 'draft', 1, ?, ?, ?, ?, ?)", p, 8,
				CLOUDACCT_FETCH_NONE, NULL) == SUCCESS) {
			x->id = (zend_long) cloudacct_db_insert_id(c);
		} else if (EG(exception) && instanceof_function(EG(exception)->ce, cloudacct_ce_DuplicateKeyException)) {
			zend_clear_exception();
			exists = true;
		} else {
			return FAILURE;
		}
	}
	if (exists) {
		if (save_lock(c, x, &row) == FAILURE) {
			return FAILURE;
		}
		if (Z_TYPE(row) != IS_ARRAY) {
			cloudacct_throw_conflict("账目刚被他人修改，请刷新后重试 (the book changed meanwhile)");
			return FAILURE;
		}
		zend_long revision = row_long(&row, "revision"), version = row_long(&row, "version");
		bool changed = true;
		x->id = row_long(&row, "id");
		zval_ptr_dtor(&row);
		if (revision > 0) {
			/* Back to what is published → nothing left to publish. */
			zval rev;
			cloudacct_param r[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x->id),
				CLOUDACCT_PARAM_LONG(revision) };
			if (CLOUDACCT_DB_RUN(c, "SELECT content, require_confirm FROM {book_revision} WHERE uniacid = ? AND book_id = ?"
					" AND revision = ?", r, 3, CLOUDACCT_FETCH_ROW, &rev) == FAILURE) {
				return FAILURE;
			}
			if (Z_TYPE(rev) == IS_ARRAY) {
				size_t len;
				const char *pub = row_str(&rev, "content", &len);
				changed = !(len == ZSTR_LEN(x->in->content) && memcmp(pub, ZSTR_VAL(x->in->content), len) == 0
					&& (row_long(&rev, "require_confirm") != 0) == x->in->require_confirm);
			}
			zval_ptr_dtor(&rev);
		}
		cloudacct_param p[] = { CLOUDACCT_PARAM_ZSTR(x->in->content), CLOUDACCT_PARAM_LONG(x->in->require_confirm),
			CLOUDACCT_PARAM_LONG(x->in->tax_fen), CLOUDACCT_PARAM_LONG(changed), CLOUDACCT_PARAM_LONG(now),
			CLOUDACCT_PARAM_LONG(x->id), CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(version) };
		if (CLOUDACCT_DB_RUN(c, "UPDATE {book} SET content = ?, require_confirm = ?, draft_tax_fen = ?, changed = ?,"
				" updated_at = ?, version = version + 1 WHERE id = ? AND uniacid = ? AND version = ?", p, 8,
				CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
		if (cloudacct_db_affected_rows(c) == 0) {
			cloudacct_throw_conflict("账目刚被他人修改，请刷新后重试 (the book changed meanwhile)");
			return FAILURE;
		}
	}
	period_str(x->period, per);
	array_init_size(&detail, 4);
	add_assoc_long(&detail, "client_id", x->client_id);
	add_assoc_string(&detail, "period", per);
	add_assoc_long(&detail, "tax_fen", x->in->tax_fen);
	add_assoc_bool(&detail, "require_confirm", x->in->require_confirm);
	zend_result rc = audit(s, x->a, "book_save", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_Books_Books, save)
{
	zval *zactor;
	zend_long client_id;
	zend_string *zperiod;
	HashTable *data;
	cloudacct_actor actor;
	int32_t period;
	line_defs defs;
	book_input in;

	ZEND_PARSE_PARAMETERS_START(4, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_STR(zperiod)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s || !check_id(client_id, 2)) {
		RETURN_THROWS();
	}
	if (authorize_editor(s, &actor, client_id, NULL) == FAILURE || !parse_period(zperiod, "period", &period)) {
		RETURN_THROWS();
	}
	if (actor.kind == CLOUDACCT_ACTOR_STAFF) {
		cloudacct_staff_info st;
		if (cloudacct_people_require_active_staff(s, &actor, &st) == FAILURE) {
			RETURN_THROWS();
		}
	}
	if (lines_load(s, &defs) == FAILURE) {
		RETURN_THROWS();
	}
	bool ok = input_parse(data, &defs, &in);
	lines_free(&defs);
	if (!ok) {
		RETURN_THROWS();
	}
	save_ctx x = { s, &actor, client_id, period, &in, 0 };
	zend_result rc = cloudacct_db_transaction(s->db, save_body, &x, 0);
	zend_string_release(in.content);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

/* ---- PHP: publish ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id;
	zend_long revision;
} publish_ctx;

static zend_result publish_body(cloudacct_connection *c, void *ctx)
{
	publish_ctx *x = ctx;
	cloudacct_store *s = x->s;
	zval row, detail;
	zend_long now = cloudacct_clock_now();
	size_t slen, clen;
	zend_result rc = FAILURE;

	if (book_load(s, x->a, x->id, true, true, &row, NULL) == FAILURE) {
		return FAILURE;
	}
	const char *status = row_str(&row, "status", &slen);
	const char *content = row_str(&row, "content", &clen);
	zend_long client_id = row_long(&row, "client_id"), version = row_long(&row, "version");
	zend_long tax = row_long(&row, "draft_tax_fen");
	bool require = row_long(&row, "require_confirm") != 0;
	int32_t period = (int32_t) row_long(&row, "period");
	char per[8];

	if (strcmp(status, "published") == 0 && row_long(&row, "changed") == 0) {
		cloudacct_throw_invalid_transition("published",
			"账目已发布且没有新的修改，无需重复发布 (book %ld is published and unchanged)", (long) x->id);
		goto done;
	}
	x->revision = row_long(&row, "revision") + 1;
	const char *confirm = require ? "pending" : "none";
	const char *kind = cloudacct_actor_kind_name(x->a->kind);
	cloudacct_param r[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x->id),
		CLOUDACCT_PARAM_LONG(x->revision), CLOUDACCT_PARAM_STR(content, clen), CLOUDACCT_PARAM_LONG(require),
		CLOUDACCT_PARAM_LONG(tax), CLOUDACCT_PARAM_STR(kind, strlen(kind)), CLOUDACCT_PARAM_LONG(x->a->id),
		CLOUDACCT_PARAM_LONG(now) };
	if (CLOUDACCT_DB_RUN(c, "INSERT INTO {book_revision} (uniacid, book_id, revision, content, require_confirm, tax_fen,"
			" published_by_kind, published_by_id, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r, 9,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		goto done;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->revision), CLOUDACCT_PARAM_LONG(tax),
		CLOUDACCT_PARAM_STR(confirm, strlen(confirm)), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(x->id), CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(version) };
	if (CLOUDACCT_DB_RUN(c, "UPDATE {book} SET status = 'published', changed = 0, revision = ?, tax_fen = ?,"
			" confirm_status = ?, confirm_comment = '', confirmed_by = 0, confirmed_at = 0, published_at = ?,"
			" updated_at = ?, version = version + 1 WHERE id = ? AND uniacid = ? AND version = ?", p, 8,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		goto done;
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_conflict("账目刚被他人修改，请刷新后重试 (the book changed meanwhile)");
		goto done;
	}
	if (notify_contacts(s, client_id, x->id, x->revision, period, require ? "tax_confirm" : "books_published", tax)
			== FAILURE) {
		goto done;
	}
	period_str(period, per);
	array_init_size(&detail, 5);
	add_assoc_long(&detail, "client_id", client_id);
	add_assoc_string(&detail, "period", per);
	add_assoc_long(&detail, "revision", x->revision);
	add_assoc_long(&detail, "tax_fen", tax);
	add_assoc_bool(&detail, "require_confirm", require);
	rc = audit(s, x->a, "book_publish", x->id, &detail);
	zval_ptr_dtor(&detail);
done:
	zval_ptr_dtor(&row);
	return rc;
}

ZEND_METHOD(CloudAcct_Books_Books, publish)
{
	zval *zactor;
	zend_long book_id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(book_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s || !check_id(book_id, 2)) {
		RETURN_THROWS();
	}
	if (actor.kind == CLOUDACCT_ACTOR_STAFF) {
		cloudacct_staff_info st;
		if (cloudacct_people_require_active_staff(s, &actor, &st) == FAILURE) {
			RETURN_THROWS();
		}
	}
	publish_ctx x = { s, &actor, book_id, 0 };
	if (cloudacct_db_transaction(s->db, publish_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.revision);
}

/* ---- PHP: confirm / dispute ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id, revision;
	cloudacct_book_confirm_event ev;
	zend_string *comment;
} confirm_ctx;

static zend_result confirm_body(cloudacct_connection *c, void *ctx)
{
	confirm_ctx *x = ctx;
	cloudacct_store *s = x->s;
	cloudacct_client_info info;
	zval row, detail;
	size_t len;
	zend_long now = cloudacct_clock_now();
	zend_result rc = FAILURE;

	if (book_load(s, x->a, x->id, false, true, &row, &info) == FAILURE) {
		return FAILURE;
	}
	zend_long revision = row_long(&row, "revision"), version = row_long(&row, "version");
	int32_t period = (int32_t) row_long(&row, "period");
	const char *cur = row_str(&row, "confirm_status", &len);
	cloudacct_book_confirm from = cloudacct_book_confirm_parse(cur, len);
	char per[8], dedup[CLOUDACCT_OUTBOX_DEDUP_MAX + 1], title[64];

	if (x->revision != revision) {
		cloudacct_throw_conflict("账目已更新为第 %ld 版，请查看最新账目后再确认 (revision %ld is not the current one)",
			(long) revision, (long) x->revision);
		goto done;
	}
	int next = cloudacct_book_confirm_next(from, x->ev);
	if (next < 0) {
		const char *why = from == CLOUDACCT_BOOK_CONFIRM_NONE ? "本期账目不需要确认税额"
			: from == CLOUDACCT_BOOK_CONFIRM_CONFIRMED ? "本期税额已经确认过了"
			: "已经提出过异议，请等待会计更正";
		cloudacct_throw_invalid_transition(cloudacct_book_confirm_name(from), "%s (tax confirmation is %s)", why,
			cloudacct_book_confirm_name(from));
		goto done;
	}
	const char *to = cloudacct_book_confirm_name((cloudacct_book_confirm) next);
	zend_string *comment = x->comment ? x->comment : ZSTR_EMPTY_ALLOC();
	cloudacct_param p[] = { CLOUDACCT_PARAM_STR(to, strlen(to)), CLOUDACCT_PARAM_ZSTR(comment),
		CLOUDACCT_PARAM_LONG(x->a->id), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(x->id), CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(version) };
	if (CLOUDACCT_DB_RUN(c, "UPDATE {book} SET confirm_status = ?, confirm_comment = ?, confirmed_by = ?, confirmed_at = ?,"
			" updated_at = ?, version = version + 1 WHERE id = ? AND uniacid = ? AND version = ?", p, 8,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		goto done;
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_conflict("账目刚被修改，请刷新后重试 (the book changed meanwhile)");
		goto done;
	}
	/* The accountant hears about it; a company without one → every admin. */
	const char *tpl = x->ev == CLOUDACCT_BOOK_EV_CONFIRM ? "books_confirmed" : "books_disputed";
	const char *rkind = info.accountant_id ? "staff" : "admin";
	zval payload;
	period_str(period, per);
	snprintf(title, sizeof(title), "%d年%d月账目", (int) (period / 100), (int) (period % 100));
	array_init_size(&payload, 6);
	add_assoc_long(&payload, "book_id", x->id);
	add_assoc_long(&payload, "client_id", info.id);
	add_assoc_string(&payload, "period", per);
	add_assoc_long(&payload, "revision", revision);
	add_assoc_string(&payload, "title", title);
	if (ZSTR_LEN(comment)) {
		add_assoc_str(&payload, "note", zend_string_copy(comment));
	}
	snprintf(dedup, sizeof(dedup), "%s:%ld:%ld:%s:%ld", tpl, (long) x->id, (long) revision, rkind,
		(long) info.accountant_id);
	rc = cloudacct_outbox_enqueue(s, rkind, info.accountant_id, tpl, &payload, dedup);
	zval_ptr_dtor(&payload);
	if (rc == FAILURE) {
		goto done;
	}
	array_init_size(&detail, 3);
	add_assoc_long(&detail, "revision", revision);
	add_assoc_string(&detail, "to", (char *) to);
	if (ZSTR_LEN(comment)) {
		add_assoc_str(&detail, "comment", zend_string_copy(comment));
	}
	rc = audit(s, x->a, x->ev == CLOUDACCT_BOOK_EV_CONFIRM ? "book_confirm" : "book_dispute", x->id, &detail);
	zval_ptr_dtor(&detail);
done:
	zval_ptr_dtor(&row);
	return rc;
}

static void confirm_common(INTERNAL_FUNCTION_PARAMETERS, cloudacct_book_confirm_event ev)
{
	zval *zactor;
	zend_long book_id, revision;
	zend_string *comment = NULL;
	cloudacct_actor actor;

	if (ev == CLOUDACCT_BOOK_EV_CONFIRM) {
		ZEND_PARSE_PARAMETERS_START(3, 3)
			Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
			Z_PARAM_LONG(book_id)
			Z_PARAM_LONG(revision)
		ZEND_PARSE_PARAMETERS_END();
	} else {
		ZEND_PARSE_PARAMETERS_START(4, 4)
			Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
			Z_PARAM_LONG(book_id)
			Z_PARAM_LONG(revision)
			Z_PARAM_STR(comment)
		ZEND_PARSE_PARAMETERS_END();
	}

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s || !check_id(book_id, 2)) {
		RETURN_THROWS();
	}
	if (revision < 1) {
		zend_argument_value_error(3, "must be greater than 0");
		RETURN_THROWS();
	}
	if (actor.kind != CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("只有客户本人可以确认税额或提出异议 (clients only)");
		RETURN_THROWS();
	}
	if (comment) {
		zval zc;
		ZVAL_STR(&zc, comment);
		if (!check_text(&zc, "comment", "异议说明", 1, 500, true)) {
			RETURN_THROWS();
		}
	}
	confirm_ctx x = { s, &actor, book_id, revision, ev, comment };
	if (cloudacct_db_transaction(s->db, confirm_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Books_Books, confirm)
{
	confirm_common(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_BOOK_EV_CONFIRM);
}

ZEND_METHOD(CloudAcct_Books_Books, dispute)
{
	confirm_common(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_BOOK_EV_DISPUTE);
}

/* ---- PHP: reading ---- */

/* Copies lines, files and note of a content JSON into out (empty when there is none). */
static void content_into(const char *json, size_t len, zval *out)
{
	zval c, *v;
	json_decode_array(json, len, &c);
	v = zend_hash_str_find(Z_ARRVAL(c), ZEND_STRL("lines"));
	if (v && Z_TYPE_P(v) == IS_ARRAY) {
		Z_TRY_ADDREF_P(v);
		add_assoc_zval(out, "lines", v);
	} else {
		zval empty;
		array_init(&empty);
		add_assoc_zval(out, "lines", &empty);
	}
	v = zend_hash_str_find(Z_ARRVAL(c), ZEND_STRL("files"));
	if (v && Z_TYPE_P(v) == IS_ARRAY) {
		Z_TRY_ADDREF_P(v);
		add_assoc_zval(out, "files", v);
	} else {
		zval empty;
		array_init(&empty);
		add_assoc_zval(out, "files", &empty);
	}
	v = zend_hash_str_find(Z_ARRVAL(c), ZEND_STRL("note"));
	add_assoc_str(out, "note", v && Z_TYPE_P(v) == IS_STRING ? zend_string_copy(Z_STR_P(v)) : ZSTR_EMPTY_ALLOC());
	zval_ptr_dtor(&c);
}

/* The array get()/find() return for row. */
static zend_result book_view(cloudacct_store *s, const cloudacct_actor *a, zval *row, zval *out)
{
	size_t len;
	const char *str;
	char per[8];
	zend_long revision = row_long(row, "revision");
	bool editor = a->kind != CLOUDACCT_ACTOR_CLIENT;

	array_init_size(out, 20);
	add_assoc_long(out, "id", row_long(row, "id"));
	add_assoc_long(out, "client_id", row_long(row, "client_id"));
	str = row_str(row, "client_name", &len);
	add_assoc_stringl(out, "client_name", str, len);
	period_str((int32_t) row_long(row, "period"), per);
	add_assoc_string(out, "period", per);
	str = row_str(row, "status", &len);
	add_assoc_stringl(out, "status", str, len);
	add_assoc_long(out, "revision", revision);
	add_assoc_long(out, "tax_fen", row_long(row, "tax_fen"));
	str = row_str(row, "confirm_status", &len);
	add_assoc_stringl(out, "confirm_status", str, len);
	add_assoc_bool(out, "require_confirm", len != 4 || memcmp(str, "none", 4) != 0);
	str = row_str(row, "confirm_comment", &len);
	add_assoc_stringl(out, "confirm_comment", str, len);
	add_assoc_long(out, "confirmed_at", row_long(row, "confirmed_at"));
	add_assoc_long(out, "published_at", row_long(row, "published_at"));
	if (revision > 0) {
		zval rev;
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(row_long(row, "id")),
			CLOUDACCT_PARAM_LONG(revision) };
		if (CLOUDACCT_DB_RUN(s->db, "SELECT content FROM {book_revision} WHERE uniacid = ? AND book_id = ? AND revision = ?",
				p, 3, CLOUDACCT_FETCH_VALUE, &rev) == FAILURE) {
			zval_ptr_dtor(out);
			return FAILURE;
		}
		content_into(Z_TYPE(rev) == IS_STRING ? Z_STRVAL(rev) : "", Z_TYPE(rev) == IS_STRING ? Z_STRLEN(rev) : 0, out);
		zval_ptr_dtor(&rev);
	} else {
		content_into("", 0, out);
	}
	if (editor) {
		zval draft;
		add_assoc_bool(out, "changed", row_long(row, "changed") != 0);
		add_assoc_long(out, "updated_at", row_long(row, "updated_at"));
		array_init_size(&draft, 5);
		str = row_str(row, "content", &len);
		content_into(str, len, &draft);
		add_assoc_bool(&draft, "require_confirm", row_long(row, "require_confirm") != 0);
		add_assoc_long(&draft, "tax_fen", row_long(row, "draft_tax_fen"));
		add_assoc_zval(out, "draft", &draft);
	}
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Books_Books, get)
{
	zval *zactor, row;
	zend_long book_id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(book_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s || !check_id(book_id, 2)) {
		RETURN_THROWS();
	}
	if (book_load(s, &actor, book_id, false, false, &row, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	zend_result rc = book_view(s, &actor, &row, return_value);
	zval_ptr_dtor(&row);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Books_Books, find)
{
	zval *zactor, row;
	zend_long client_id;
	zend_string *zperiod;
	cloudacct_actor actor;
	int32_t period;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_STR(zperiod)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s || !check_id(client_id, 2)) {
		RETURN_THROWS();
	}
	if (authorize_reader(s, &actor, client_id, NULL) == FAILURE || !parse_period(zperiod, "period", &period)) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id), CLOUDACCT_PARAM_LONG(period) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT " BOOK_COLUMNS " FROM {book} b JOIN {client} c ON c.uniacid = b.uniacid"
			" AND c.id = b.client_id WHERE b.uniacid = ? AND b.client_id = ? AND b.period = ?", p, 3, CLOUDACCT_FETCH_ROW,
			&row) == FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE(row) != IS_ARRAY || (actor.kind == CLOUDACCT_ACTOR_CLIENT && row_long(&row, "revision") == 0)) {
		zval_ptr_dtor(&row);
		RETURN_NULL();
	}
	zend_result rc = book_view(s, &actor, &row, return_value);
	zval_ptr_dtor(&row);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

/* Rewrites the int period column of each row as "YYYY-MM" and 0/1 changed as a bool. */
static void fix_rows(zval *rows)
{
	zval *r;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rows), r) {
		char per[8];
		zval *v = zend_hash_str_find(Z_ARRVAL_P(r), ZEND_STRL("period"));
		if (v) {
			period_str((int32_t) zval_get_long(v), per);
			zval_ptr_dtor(v);
			ZVAL_STRING(v, per);
		}
		v = zend_hash_str_find(Z_ARRVAL_P(r), ZEND_STRL("changed"));
		if (v) {
			bool b = zend_is_true(v);
			zval_ptr_dtor(v);
			ZVAL_BOOL(v, b);
		}
	} ZEND_HASH_FOREACH_END();
}

ZEND_METHOD(CloudAcct_Books_Books, periods)
{
	zval *zactor;
	zend_long client_id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s || !check_id(client_id, 2)) {
		RETURN_THROWS();
	}
	if (authorize_reader(s, &actor, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	zend_result rc = actor.kind == CLOUDACCT_ACTOR_CLIENT
		? CLOUDACCT_DB_RUN(s->db, "SELECT id, period, revision, tax_fen, confirm_status, published_at FROM {book}"
			" WHERE uniacid = ? AND client_id = ? AND revision > 0 ORDER BY period DESC LIMIT 360", p, 2,
			CLOUDACCT_FETCH_ALL, return_value)
		: CLOUDACCT_DB_RUN(s->db, "SELECT id, period, status, changed, revision, tax_fen, confirm_status, published_at,"
			" updated_at FROM {book} WHERE uniacid = ? AND client_id = ? ORDER BY period DESC LIMIT 360", p, 2,
			CLOUDACCT_FETCH_ALL, return_value);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	fix_rows(return_value);
}

ZEND_METHOD(CloudAcct_Books_Books, list)
{
	zval *zactor, *v, total, items;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor actor;
	zend_string *k, *like = NULL;
	cloudacct_param p[16];
	uint32_t n = 0;
	smart_str where = {0}, sql = {0};

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	if (page < 1 || page > 100000) {
		zend_argument_value_error(3, "must be between 1 and 100000");
		RETURN_THROWS();
	}
	if (per_page < 1 || per_page > 200) {
		zend_argument_value_error(4, "must be between 1 and 200");
		RETURN_THROWS();
	}
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	switch (actor.kind) {
		case CLOUDACCT_ACTOR_CLIENT:
			cloudacct_throw_forbidden("客户请按公司查看账目 (clients use periods())");
			RETURN_THROWS();
		case CLOUDACCT_ACTOR_STAFF: {
			cloudacct_staff_info st;
			if (cloudacct_people_require_active_staff(s, &actor, &st) == FAILURE) {
				RETURN_THROWS();
			}
			smart_str_appends(&where, " AND c.accountant_id = ?");
			p[n++] = CLOUDACCT_PARAM_LONG(actor.id);
			break;
		}
		case CLOUDACCT_ACTOR_ADMIN:
			smart_str_appends(&where, " AND (NOT EXISTS (SELECT 1 FROM {admin_store} sc1 WHERE sc1.uniacid = ?"
				" AND sc1.we7_uid = ?) OR c.store_id IN (SELECT sc2.store_id FROM {admin_store} sc2 WHERE sc2.uniacid = ?"
				" AND sc2.we7_uid = ?))");
			p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
			p[n++] = CLOUDACCT_PARAM_LONG(actor.id);
			p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
			p[n++] = CLOUDACCT_PARAM_LONG(actor.id);
			break;
		case CLOUDACCT_ACTOR_SYSTEM:
			break;
	}
	if (filter) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(filter, k, v) {
			if (k && zend_string_equals_literal(k, "client_id")) {
				if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 1) {
					cloudacct_throw_validation("client_id", "客户编号须为正整数 (client_id: positive int)");
					goto fail;
				}
				smart_str_appends(&where, " AND b.client_id = ?");
				p[n++] = CLOUDACCT_PARAM_LONG(Z_LVAL_P(v));
			} else if (k && zend_string_equals_literal(k, "period")) {
				int32_t period;
				if (Z_TYPE_P(v) != IS_STRING) {
					cloudacct_throw_validation("period", "账期应为 YYYY-MM (period: expected YYYY-MM)");
					goto fail;
				}
				if (!parse_period(Z_STR_P(v), "period", &period)) {
					goto fail;
				}
				smart_str_appends(&where, " AND b.period = ?");
				p[n++] = CLOUDACCT_PARAM_LONG(period);
			} else if (k && zend_string_equals_literal(k, "status")) {
				if (Z_TYPE_P(v) == IS_STRING && zend_string_equals_literal(Z_STR_P(v), "draft")) {
					smart_str_appends(&where, " AND b.status = 'draft'");
				} else if (Z_TYPE_P(v) == IS_STRING && zend_string_equals_literal(Z_STR_P(v), "published")) {
					smart_str_appends(&where, " AND b.status = 'published'");
				} else if (Z_TYPE_P(v) == IS_STRING && zend_string_equals_literal(Z_STR_P(v), "changed")) {
					smart_str_appends(&where, " AND b.status = 'published' AND b.changed = 1");
				} else {
					cloudacct_throw_validation("status", "状态须为 draft、published 或 changed (status: draft|published|changed)");
					goto fail;
				}
			} else if (k && zend_string_equals_literal(k, "confirm_status")) {
				if (Z_TYPE_P(v) != IS_STRING || (!zend_string_equals_literal(Z_STR_P(v), "none")
						&& !zend_string_equals_literal(Z_STR_P(v), "pending")
						&& !zend_string_equals_literal(Z_STR_P(v), "confirmed")
						&& !zend_string_equals_literal(Z_STR_P(v), "disputed"))) {
					cloudacct_throw_validation("confirm_status",
						"确认状态须为 none、pending、confirmed 或 disputed (confirm_status: none|pending|confirmed|disputed)");
					goto fail;
				}
				smart_str_appends(&where, " AND b.confirm_status = ?");
				p[n++] = CLOUDACCT_PARAM_ZSTR(Z_STR_P(v));
			} else if (k && zend_string_equals_literal(k, "keyword")) {
				if (!check_text(v, "keyword", "关键词", 0, 50, false)) {
					goto fail;
				}
				if (Z_STRLEN_P(v) == 0 || like) {
					continue;
				}
				smart_str pat = {0};
				smart_str_appendc(&pat, '%');
				for (size_t i = 0; i < Z_STRLEN_P(v); i++) {
					char ch = Z_STRVAL_P(v)[i];
					if (ch == '\\' || ch == '%' || ch == '_') {
						smart_str_appendc(&pat, '\\');
					}
					smart_str_appendc(&pat, ch);
				}
				smart_str_appendc(&pat, '%');
				smart_str_0(&pat);
				like = pat.s;
				smart_str_appends(&where, " AND c.name LIKE ?");
				p[n++] = CLOUDACCT_PARAM_ZSTR(like);
			} else {
				cloudacct_throw_validation(k ? ZSTR_VAL(k) : "filter",
					"未知的筛选条件；可用 client_id、period、status、confirm_status、keyword (unknown filter)");
				goto fail;
			}
		} ZEND_HASH_FOREACH_END();
	}
	smart_str_0(&where);
	const char *w = where.s ? ZSTR_VAL(where.s) : "";
	smart_str_append_printf(&sql, "SELECT COUNT(*) FROM {book} b JOIN {client} c ON c.uniacid = b.uniacid"
		" AND c.id = b.client_id WHERE b.uniacid = ?%s", w);
	smart_str_0(&sql);
	if (cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_VALUE, &total) == FAILURE) {
		goto fail;
	}
	smart_str_free(&sql);
	p[n] = CLOUDACCT_PARAM_LONG(per_page);
	p[n + 1] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
	smart_str_append_printf(&sql, "SELECT b.id, b.client_id, c.name AS client_name, c.store_id, b.period, b.status,"
		" b.changed, b.revision, b.tax_fen, b.draft_tax_fen, b.confirm_status, b.published_at, b.updated_at"
		" FROM {book} b JOIN {client} c ON c.uniacid = b.uniacid AND c.id = b.client_id WHERE b.uniacid = ?%s"
		" ORDER BY b.period DESC, b.id DESC LIMIT ? OFFSET ?", w);
	smart_str_0(&sql);
	if (cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n + 2, CLOUDACCT_FETCH_ALL, &items) == FAILURE) {
		zval_ptr_dtor(&total);
		goto fail;
	}
	fix_rows(&items);
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", zval_get_long(&total));
	add_assoc_zval(return_value, "items", &items);
	zval_ptr_dtor(&total);
	smart_str_free(&sql);
	smart_str_free(&where);
	if (like) {
		zend_string_release(like);
	}
	return;
fail:
	smart_str_free(&sql);
	smart_str_free(&where);
	if (like) {
		zend_string_release(like);
	}
	RETURN_THROWS();
}

ZEND_METHOD(CloudAcct_Books_Books, revisions)
{
	zval *zactor, row, rows, *r;
	zend_long book_id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(book_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = books_begin(ZEND_THIS, zactor, &actor);
	if (!s || !check_id(book_id, 2)) {
		RETURN_THROWS();
	}
	if (actor.kind == CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("客户只能查看最新发布的账目 (clients read the latest revision only)");
		RETURN_THROWS();
	}
	if (book_load(s, &actor, book_id, false, false, &row, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	zval_ptr_dtor(&row);
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(book_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT revision, content, require_confirm, tax_fen, published_by_kind, published_by_id,"
			" published_at FROM {book_revision} WHERE uniacid = ? AND book_id = ? ORDER BY revision DESC", p, 2,
			CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, zend_hash_num_elements(Z_ARRVAL(rows)));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), r) {
		zval e;
		size_t len;
		const char *str;
		array_init_size(&e, 9);
		add_assoc_long(&e, "revision", row_long(r, "revision"));
		add_assoc_bool(&e, "require_confirm", row_long(r, "require_confirm") != 0);
		add_assoc_long(&e, "tax_fen", row_long(r, "tax_fen"));
		str = row_str(r, "published_by_kind", &len);
		add_assoc_stringl(&e, "published_by_kind", str, len);
		add_assoc_long(&e, "published_by_id", row_long(r, "published_by_id"));
		add_assoc_long(&e, "published_at", row_long(r, "published_at"));
		str = row_str(r, "content", &len);
		content_into(str, len, &e);
		add_next_index_zval(return_value, &e);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
}

/* ---- the filing hook (books.h) ---- */

zend_result cloudacct_books_filing_check(cloudacct_store *s, zend_long job_id, zend_long client_id, const char *source,
	size_t source_len, const char *type, size_t type_len, const char *job_state)
{
	zval ftype, key, row;
	zend_long offset = 1;
	char per[8];

	if (source_len != 9 || memcmp(source, "recurring", 9) != 0) {
		return SUCCESS; /* one-off jobs name no period */
	}
	if (cloudacct_settings_get(s, "books_filing_job_type", &ftype) == FAILURE) {
		return FAILURE;
	}
	bool is_filing = Z_TYPE(ftype) == IS_STRING && Z_STRLEN(ftype) == type_len && type_len > 0
		&& memcmp(Z_STRVAL(ftype), type, type_len) == 0;
	zval_ptr_dtor(&ftype);
	if (!is_filing) {
		return SUCCESS;
	}
	if (cloudacct_settings_long(s, "books_filing_offset", &offset) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(job_id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT recur_key FROM {job} WHERE id = ? AND uniacid = ?", p, 2, CLOUDACCT_FETCH_VALUE,
			&key) == FAILURE) {
		return FAILURE;
	}
	int32_t job_period = Z_TYPE(key) == IS_STRING ? cloudacct_book_recur_period(Z_STRVAL(key), Z_STRLEN(key)) : 0;
	zval_ptr_dtor(&key);
	if (job_period == 0) {
		return SUCCESS;
	}
	int32_t period = cloudacct_book_filing_period(job_period, (int) offset);
	if (period <= 0) {
		return SUCCESS;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id), CLOUDACCT_PARAM_LONG(period) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT revision, require_confirm, confirm_status FROM {book} WHERE uniacid = ?"
			" AND client_id = ? AND period = ? FOR UPDATE", q, 3, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) != IS_ARRAY) {
		return SUCCESS; /* no books for that period: nothing to confirm */
	}
	size_t len;
	const char *cs = row_str(&row, "confirm_status", &len);
	cloudacct_book_confirm st = cloudacct_book_confirm_parse(cs, len);
	bool unpublished = row_long(&row, "revision") == 0 && row_long(&row, "require_confirm") != 0;
	zval_ptr_dtor(&row);
	period_str(period, per);
	if (unpublished) {
		cloudacct_throw_invalid_transition(job_state,
			"%s 的账目需要客户确认税额但尚未发布：请先发布账目并等待客户确认 (books of %s not published)", per, per);
		return FAILURE;
	}
	if (cloudacct_book_confirm_blocks(st)) {
		if (st == CLOUDACCT_BOOK_CONFIRM_DISPUTED) {
			cloudacct_throw_invalid_transition(job_state,
				"客户对 %s 的税额有异议：请更正账目重新发布，客户确认后才能完成报税 (tax amount of %s disputed)", per, per);
		} else {
			cloudacct_throw_invalid_transition(job_state,
				"客户尚未确认 %s 的税额，确认后才能完成报税 (tax amount of %s not confirmed)", per, per);
		}
		return FAILURE;
	}
	return SUCCESS;
}

void cloudacct_books_minit(void)
{
	cloudacct_ce_Books_Books = register_class_CloudAcct_Books_Books();
	cloudacct_area_register(cloudacct_ce_Books_Books);
}
