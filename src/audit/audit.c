/* CloudAcct\Audit\Trail: who did what to which object, when, from where. Append-only. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "audit.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../common/filter.h"
#include "../core/text.h"
#include "audit_arginfo.h"

static zend_class_entry *cloudacct_ce_Trail;

#define MAX_DETAIL_BYTES (1024 * 1024)

zend_result cloudacct_audit_write(cloudacct_store *store, const cloudacct_actor *actor, const char *action,
	const char *object_type, zend_long object_id, const char *detail_json, size_t detail_len)
{
	const char *kind = cloudacct_actor_kind_name(actor->kind);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(store->uniacid),
		CLOUDACCT_PARAM_STR(kind, strlen(kind)),
		CLOUDACCT_PARAM_LONG(actor->id),
		CLOUDACCT_PARAM_STR(action, strlen(action)),
		CLOUDACCT_PARAM_STR(object_type, strlen(object_type)),
		CLOUDACCT_PARAM_LONG(object_id),
		CLOUDACCT_PARAM_STR(detail_json, detail_len),
		CLOUDACCT_PARAM_ZSTR(actor->ip),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
	};
	return CLOUDACCT_DB_RUN(store->db,
		"INSERT INTO {audit} (uniacid, actor_kind, actor_id, action, object_type, object_id, detail, ip, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		p, 9, CLOUDACCT_FETCH_NONE, NULL);
}

ZEND_METHOD(CloudAcct_Audit_Trail, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static bool check_ident(uint32_t arg, zend_string *s, size_t min, size_t max)
{
	if (ZSTR_LEN(s) < min || !(ZSTR_LEN(s) == 0 || cloudacct_ident_valid(ZSTR_VAL(s), ZSTR_LEN(s), max))) {
		zend_argument_value_error(arg, "must match [a-z][a-z0-9_]* and be at most %zu characters", max);
		return false;
	}
	return true;
}

ZEND_METHOD(CloudAcct_Audit_Trail, record)
{
	zval *zactor;
	zend_string *action, *object_type;
	zend_long object_id;
	HashTable *detail = NULL;
	cloudacct_actor actor;
	smart_str json = {0};

	ZEND_PARSE_PARAMETERS_START(4, 5)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(action)
		Z_PARAM_STR(object_type)
		Z_PARAM_LONG(object_id)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(detail)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *store = cloudacct_area_store(ZEND_THIS);
	if (!store) {
		RETURN_THROWS();
	}
	if (!check_ident(2, action, 1, 64) || !check_ident(3, object_type, 0, 32)) {
		RETURN_THROWS();
	}
	if (object_id < 0) {
		zend_argument_value_error(4, "must be greater than or equal to 0");
		RETURN_THROWS();
	}
	if (detail && zend_hash_num_elements(detail) > 0) {
		zval zdetail;
		ZVAL_ARR(&zdetail, detail);
		if (php_json_encode(&json, &zdetail, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES) == FAILURE) {
			smart_str_free(&json);
			cloudacct_throw_validation("detail", "审计详情无法编码为 JSON（请检查是否含有无效的 UTF-8）(detail is not encodable as JSON)");
			RETURN_THROWS();
		}
	} else {
		smart_str_appends(&json, "{}");
	}
	smart_str_0(&json);
	if (ZSTR_LEN(json.s) > MAX_DETAIL_BYTES) {
		smart_str_free(&json);
		cloudacct_throw_validation("detail", "审计详情过大（上限 1 MiB）(detail exceeds 1 MiB)");
		RETURN_THROWS();
	}
	cloudacct_actor_read(Z_OBJ_P(zactor), &actor);
	zend_result rc = cloudacct_audit_write(store, &actor, ZSTR_VAL(action), ZSTR_VAL(object_type), object_id,
		ZSTR_VAL(json.s), ZSTR_LEN(json.s));
	smart_str_free(&json);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) cloudacct_db_insert_id(store->db));
}

static const cloudacct_filter audit_filters[] = {
	{ "actor_kind", " AND actor_kind = ?", true },
	{ "actor_id", " AND actor_id = ?", false },
	{ "action", " AND action = ?", true },
	{ "object_type", " AND object_type = ?", true },
	{ "object_id", " AND object_id = ?", false },
	{ "since", " AND created_at >= ?", false },
	{ "until", " AND created_at < ?", false },
};
#define N_AUDIT_FILTERS (sizeof(audit_filters) / sizeof(audit_filters[0]))

ZEND_METHOD(CloudAcct_Audit_Trail, list)
{
	zval *zactor, total, items;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor actor;
	cloudacct_param params[N_AUDIT_FILTERS + 3];
	uint32_t n = 0;
	smart_str where = {0}, sql = {0};

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *store = cloudacct_area_store(ZEND_THIS);
	if (!store) {
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
	cloudacct_actor_read(Z_OBJ_P(zactor), &actor);
	if (cloudacct_require_firm_admin(store, &actor, "查看操作日志") == FAILURE) {
		RETURN_THROWS();
	}
	params[n++] = CLOUDACCT_PARAM_LONG(store->uniacid);
	if (filter && !cloudacct_filter_apply(audit_filters, N_AUDIT_FILTERS, filter, &where, params, &n)) {
		smart_str_free(&where);
		RETURN_THROWS();
	}
	smart_str_0(&where);
	const char *w = where.s ? ZSTR_VAL(where.s) : "";

	smart_str_append_printf(&sql, "SELECT COUNT(*) FROM {audit} WHERE uniacid = ?%s", w);
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(store->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), params, n, CLOUDACCT_FETCH_VALUE, &total);
	smart_str_free(&sql);
	if (rc == SUCCESS) {
		params[n++] = CLOUDACCT_PARAM_LONG(per_page);
		params[n++] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
		smart_str_append_printf(&sql,
			"SELECT id, actor_kind, actor_id, action, object_type, object_id, detail, ip, created_at"
			" FROM {audit} WHERE uniacid = ?%s ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(store->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), params, n, CLOUDACCT_FETCH_ALL, &items);
		smart_str_free(&sql);
	}
	smart_str_free(&where);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", Z_TYPE(total) == IS_LONG ? Z_LVAL(total) : 0);
	add_assoc_zval(return_value, "items", &items);
}

void cloudacct_audit_minit(void)
{
	cloudacct_ce_Trail = register_class_CloudAcct_Audit_Trail();
	cloudacct_area_register(cloudacct_ce_Trail);
}
