/* CloudAcct\Settings and the C reader the areas use. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "settings.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../core/text.h"
#include "../audit/audit.h"
#include "settings_arginfo.h"

static zend_class_entry *cloudacct_ce_Settings;

#define MAX_JSON_BYTES (256 * 1024)

static const cloudacct_setting_key *find_key(const char *name, size_t len)
{
	for (size_t i = 0; i < cloudacct_n_setting_keys; i++) {
		if (strlen(cloudacct_setting_keys[i].name) == len && memcmp(cloudacct_setting_keys[i].name, name, len) == 0) {
			return &cloudacct_setting_keys[i];
		}
	}
	return NULL;
}

static const cloudacct_setting_key *require_key(zend_string *name)
{
	const cloudacct_setting_key *k = find_key(ZSTR_VAL(name), ZSTR_LEN(name));
	if (!k) {
		cloudacct_throw_validation("name", "没有这个设置项：%s (unknown setting)", ZSTR_VAL(name));
	}
	return k;
}

static zend_result decode(const char *json, size_t len, zval *out)
{
	if (php_json_decode_ex(out, json, len, PHP_JSON_OBJECT_AS_ARRAY, 64) == FAILURE) {
		ZVAL_NULL(out);
		return FAILURE;
	}
	return SUCCESS;
}

/* The stored JSON of a key, or NULL (zval null) when nothing is stored. */
static zend_result load(cloudacct_store *s, const char *name, zval *json)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_STR(name, strlen(name)) };
	return CLOUDACCT_DB_RUN(s->db, "SELECT value FROM {setting} WHERE uniacid = ? AND name = ?", p, 2,
		CLOUDACCT_FETCH_VALUE, json);
}

static void get_value(const cloudacct_setting_key *k, zval *stored_json, zval *out)
{
	/* A stored value that no longer decodes (hand-edited row) falls back to the default. */
	if (Z_TYPE_P(stored_json) != IS_STRING || decode(Z_STRVAL_P(stored_json), Z_STRLEN_P(stored_json), out) == FAILURE) {
		decode(k->default_json, strlen(k->default_json), out);
	}
}

zend_result cloudacct_settings_get(cloudacct_store *s, const char *name, zval *out)
{
	const cloudacct_setting_key *k = find_key(name, strlen(name));
	zval json;

	if (!k) {
		zend_throw_error(NULL, "unknown setting %s", name);
		return FAILURE;
	}
	if (load(s, name, &json) == FAILURE) {
		return FAILURE;
	}
	get_value(k, &json, out);
	zval_ptr_dtor(&json);
	return SUCCESS;
}

zend_result cloudacct_settings_long(cloudacct_store *s, const char *name, zend_long *out)
{
	zval v;
	if (cloudacct_settings_get(s, name, &v) == FAILURE) {
		return FAILURE;
	}
	*out = zval_get_long(&v);
	zval_ptr_dtor(&v);
	return SUCCESS;
}

static void mask(zval *v)
{
	if (Z_TYPE_P(v) == IS_STRING && Z_STRLEN_P(v) > 0) {
		size_t n = Z_STRLEN_P(v);
		zend_string *m = zend_strpprintf(0, "****%s", n > 8 ? Z_STRVAL_P(v) + n - 4 : "");
		zval_ptr_dtor(v);
		ZVAL_STR(v, m);
	}
}

static bool is_masked(zval *v)
{
	return Z_TYPE_P(v) == IS_STRING && Z_STRLEN_P(v) >= 4 && memcmp(Z_STRVAL_P(v), "****", 4) == 0;
}

static bool check_int(const cloudacct_setting_key *k, zval *v)
{
	if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < k->min || Z_LVAL_P(v) > k->max) {
		cloudacct_throw_validation(k->name, "“%s”须为 %ld 到 %ld 之间的整数 (integer out of range)", k->label,
			(long) k->min, (long) k->max);
		return false;
	}
	return true;
}

static bool option_allowed(const char *options, zend_string *v)
{
	const char *p = options;
	while (*p) {
		const char *end = strchr(p, '|');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == ZSTR_LEN(v) && memcmp(p, ZSTR_VAL(v), len) == 0) {
			return true;
		}
		p += len + (end ? 1 : 0);
	}
	return false;
}

/* The areas' checks of JSON keys; written only during MINIT. */
static struct {
	const char *name;
	cloudacct_setting_check check;
} json_checks[16];
static size_t n_json_checks;

void cloudacct_settings_add_check(const char *name, cloudacct_setting_check check)
{
	ZEND_ASSERT(n_json_checks < sizeof(json_checks) / sizeof(json_checks[0]) && find_key(name, strlen(name)));
	json_checks[n_json_checks].name = name;
	json_checks[n_json_checks++].check = check;
}

static bool json_check(const cloudacct_setting_key *k, zval *v)
{
	for (size_t i = 0; i < n_json_checks; i++) {
		if (strcmp(json_checks[i].name, k->name) == 0) {
			return json_checks[i].check(v);
		}
	}
	return true;
}

/* Validates v against the key. Returns false (and throws) when it does not fit. */
static bool validate(const cloudacct_setting_key *k, zval *v)
{
	zval *item;

	switch (k->type) {
		case CLOUDACCT_SETTING_INT:
			return check_int(k, v);
		case CLOUDACCT_SETTING_BOOL:
			if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
				cloudacct_throw_validation(k->name, "“%s”须为是或否 (boolean expected)", k->label);
				return false;
			}
			return true;
		case CLOUDACCT_SETTING_STRING:
			if (Z_TYPE_P(v) != IS_STRING
					|| cloudacct_text_check(Z_STRVAL_P(v), Z_STRLEN_P(v), 0, (size_t) k->max, false) != CLOUDACCT_TEXT_OK) {
				cloudacct_throw_validation(k->name, "“%s”须为不超过 %ld 个字符的文本 (text expected)", k->label, (long) k->max);
				return false;
			}
			if (k->options && !option_allowed(k->options, Z_STR_P(v))) {
				cloudacct_throw_validation(k->name, "“%s”只能是：%s (one of the options)", k->label, k->options);
				return false;
			}
			return true;
		case CLOUDACCT_SETTING_INT_LIST:
			if (Z_TYPE_P(v) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(v)) || zend_hash_num_elements(Z_ARRVAL_P(v)) > 32) {
				cloudacct_throw_validation(k->name, "“%s”须为最多 32 个整数的列表 (list of integers expected)", k->label);
				return false;
			}
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), item) {
				if (!check_int(k, item)) {
					return false;
				}
			} ZEND_HASH_FOREACH_END();
			return true;
		case CLOUDACCT_SETTING_JSON:
			if (Z_TYPE_P(v) != IS_ARRAY) {
				cloudacct_throw_validation(k->name, "“%s”格式不对 (array expected)", k->label);
				return false;
			}
			return json_check(k, v);
	}
	return false;
}

typedef struct {
	cloudacct_store *store;
	cloudacct_actor *actor;
	const cloudacct_setting_key *key;
	zend_string *json; /* borrowed; NULL = reset to default */
} save_ctx;

static zend_result save_body(cloudacct_connection *c, void *ctx_)
{
	save_ctx *ctx = ctx_;
	const char *name = ctx->key->name;
	zend_long now = cloudacct_clock_now();
	zend_result rc;

	if (ctx->json) {
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(ctx->store->uniacid), CLOUDACCT_PARAM_STR(name, strlen(name)),
			CLOUDACCT_PARAM_ZSTR(ctx->json), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_ZSTR(ctx->json),
			CLOUDACCT_PARAM_LONG(now) };
		rc = CLOUDACCT_DB_RUN(c, "INSERT INTO {setting} (uniacid, name, value, updated_at) VALUES (?, ?, ?, ?)"
			" ON DUPLICATE KEY UPDATE value = ?, updated_at = ?", p, 6, CLOUDACCT_FETCH_NONE, NULL);
	} else {
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(ctx->store->uniacid), CLOUDACCT_PARAM_STR(name, strlen(name)) };
		rc = CLOUDACCT_DB_RUN(c, "DELETE FROM {setting} WHERE uniacid = ? AND name = ?", p, 2, CLOUDACCT_FETCH_NONE, NULL);
	}
	if (rc == FAILURE) {
		return FAILURE;
	}
	/* The audit row never carries a secret's value. */
	smart_str detail = {0};
	smart_str_appends(&detail, "{\"name\":\"");
	smart_str_appends(&detail, name);
	smart_str_appends(&detail, "\"}");
	smart_str_0(&detail);
	rc = cloudacct_audit_write(ctx->store, ctx->actor, ctx->json ? "setting_set" : "setting_reset", "setting", 0,
		ZSTR_VAL(detail.s), ZSTR_LEN(detail.s));
	smart_str_free(&detail);
	return rc;
}

/* Settings cover the whole firm: admins limited to stores read and change none of them. */
static bool require_admin(cloudacct_store *s, zval *zactor, cloudacct_actor *actor)
{
	cloudacct_actor_read(Z_OBJ_P(zactor), actor);
	return cloudacct_require_firm_admin(s, actor, "修改设置") == SUCCESS;
}

ZEND_METHOD(CloudAcct_Settings, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Settings, get)
{
	zend_string *name;
	zval json;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	const cloudacct_setting_key *k;
	if (!s || !(k = require_key(name)) || load(s, k->name, &json) == FAILURE) {
		RETURN_THROWS();
	}
	get_value(k, &json, return_value);
	zval_ptr_dtor(&json);
	if (k->secret) {
		mask(return_value);
	}
}

ZEND_METHOD(CloudAcct_Settings, all)
{
	zval *zactor, rows, *row;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	if (!s || !require_admin(s, zactor, &actor)) {
		RETURN_THROWS();
	}
	cloudacct_param p = CLOUDACCT_PARAM_LONG(s->uniacid);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT name, value FROM {setting} WHERE uniacid = ?", &p, 1, CLOUDACCT_FETCH_ALL, &rows)
			== FAILURE) {
		RETURN_THROWS();
	}
	static const char *const type_names[] = { "int", "bool", "string", "int_list", "json" };
	array_init_size(return_value, (uint32_t) cloudacct_n_setting_keys);
	for (size_t i = 0; i < cloudacct_n_setting_keys; i++) {
		const cloudacct_setting_key *k = &cloudacct_setting_keys[i];
		zval entry, value, def, none;
		ZVAL_NULL(&none);
		zval *stored = &none;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			zval *n = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("name"));
			if (zend_string_equals_cstr(Z_STR_P(n), k->name, strlen(k->name))) {
				stored = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("value"));
			}
		} ZEND_HASH_FOREACH_END();
		get_value(k, stored, &value);
		decode(k->default_json, strlen(k->default_json), &def);
		if (k->secret) {
			mask(&value);
		}
		array_init_size(&entry, 6);
		add_assoc_zval(&entry, "value", &value);
		add_assoc_zval(&entry, "default", &def);
		add_assoc_string(&entry, "label", k->label);
		add_assoc_string(&entry, "type", type_names[k->type]);
		add_assoc_bool(&entry, "secret", k->secret);
		add_assoc_bool(&entry, "stored", stored != &none);
		add_assoc_zval(return_value, k->name, &entry);
	}
	zval_ptr_dtor(&rows);
}

ZEND_METHOD(CloudAcct_Settings, set)
{
	zval *zactor, *value;
	zend_string *name;
	cloudacct_actor actor;
	smart_str json = {0};

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(name)
		Z_PARAM_ZVAL(value)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	const cloudacct_setting_key *k;
	if (!s || !require_admin(s, zactor, &actor) || !(k = require_key(name))) {
		RETURN_THROWS();
	}
	if (k->secret && is_masked(value)) {
		return; /* the form sent the mask back: keep the stored secret */
	}
	if (!validate(k, value)) {
		RETURN_THROWS();
	}
	if (php_json_encode(&json, value, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES) == FAILURE
			|| ZSTR_LEN(json.s) > MAX_JSON_BYTES) {
		smart_str_free(&json);
		cloudacct_throw_validation(k->name, "“%s”的值无法保存（过大或含无效字符）(not encodable)", k->label);
		RETURN_THROWS();
	}
	smart_str_0(&json);
	save_ctx ctx = { s, &actor, k, json.s };
	zend_result rc = cloudacct_db_transaction(s->db, save_body, &ctx, 0);
	smart_str_free(&json);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Settings, reset)
{
	zval *zactor;
	zend_string *name;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	const cloudacct_setting_key *k;
	if (!s || !require_admin(s, zactor, &actor) || !(k = require_key(name))) {
		RETURN_THROWS();
	}
	save_ctx ctx = { s, &actor, k, NULL };
	if (cloudacct_db_transaction(s->db, save_body, &ctx, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

void cloudacct_settings_minit(void)
{
	cloudacct_ce_Settings = register_class_CloudAcct_Settings();
	cloudacct_area_register(cloudacct_ce_Settings);
	cloudacct_settings_add_check("home_layout", cloudacct_home_layout_check);
}
