/* CloudAcct\Work\Catalog: service categories and items. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "internal.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../core/money.h"

zend_class_entry *cloudacct_ce_Work_Catalog;

/* 1 亿元: anything above is a typo, not a price. */
#define MAX_PRICE_FEN 10000000000LL

/* clang-format off */
static const cloudacct_work_field category_fields[] = {
	{ "name", "分类名称", WORK_F_TEXT, 1, 32, NULL, true },
	{ "icon", "图标", WORK_F_REF, 0, 255, NULL, false },
	{ "sort", "排序", WORK_F_INT, -1000000, 1000000, NULL, false },
	{ "visible", "是否显示", WORK_F_BOOL, 0, 1, NULL, false },
};

static const cloudacct_work_field service_fields[] = {
	{ "title", "服务名称", WORK_F_TEXT, 1, 64, NULL, true },
	{ "category_id", "分类", WORK_F_INT, 0, 4294967295LL, NULL, false },
	{ "cover", "封面", WORK_F_REF, 0, 255, NULL, false },
	{ "summary", "简介", WORK_F_TEXT, 0, 255, NULL, false },
	{ "description", "详情", WORK_F_MULTILINE, 0, 20000, NULL, false },
	{ "price_fen", "价格（分）", WORK_F_INT, 0, MAX_PRICE_FEN, NULL, false },
	{ "price_type", "计价方式", WORK_F_ENUM, 0, 0, "one_off|monthly|quarterly|yearly", false },
	{ "on_sale", "是否上架", WORK_F_BOOL, 0, 1, NULL, false },
	{ "sort", "排序", WORK_F_INT, -1000000, 1000000, NULL, false },
	{ "dispatch_mode", "派单方式", WORK_F_ENUM, 0, 0, "grab|direct|exclusive", false },
	{ "grab_window_minutes", "抢单时限（分钟）", WORK_F_INT, 0, 10080, NULL, false },
	{ "skill", "所需技能", WORK_F_TEXT, 0, 32, NULL, false },
	{ "checklist", "办理清单", WORK_F_TEXT_LIST, 0, 50, NULL, false },
	{ "sla_hours", "办理时限（工作小时）", WORK_F_INT, 0, 2000, NULL, false },
};
/* clang-format on */
#define N_SERVICE_FIELDS (sizeof(service_fields) / sizeof(service_fields[0]))
#define N_CATEGORY_FIELDS (sizeof(category_fields) / sizeof(category_fields[0]))

#define SERVICE_COLUMNS \
	"id, category_id, title, cover, summary, price_fen, price_type, on_sale, sort, dispatch_mode," \
	" grab_window_minutes, skill, checklist, sla_hours, created_at, updated_at"

/* ---- categories ---- */

static zend_result category_exists(cloudacct_store *s, zend_long id)
{
	zval v;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(id), CLOUDACCT_PARAM_LONG(s->uniacid) };

	if (id == 0) {
		return SUCCESS;
	}
	if (CLOUDACCT_DB_RUN(s->db, "SELECT 1 FROM {category} WHERE id = ? AND uniacid = ?", p, 2, CLOUDACCT_FETCH_VALUE, &v)
			== FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(v) != IS_LONG) {
		cloudacct_throw_validation("category_id", "分类不存在 (category %ld not found)", (long) id);
		return FAILURE;
	}
	return SUCCESS;
}

/* An UPDATE of the given columns only; names come from the fixed field table. */
static zend_result update_columns(cloudacct_store *s, const char *table_sql, const cloudacct_work_field *fields,
	size_t n, zval *form, zend_long id, const char *extra_where, bool *found)
{
	cloudacct_param p[24];
	uint32_t np = 0;
	smart_str sql = {0};
	zend_string *lists[4];
	int n_lists = 0;
	zend_result rc = FAILURE;

	smart_str_appends(&sql, table_sql);
	for (size_t i = 0; i < n; i++) {
		zval *v = zend_hash_str_find(Z_ARRVAL_P(form), fields[i].key, strlen(fields[i].key));
		if (!v) {
			continue;
		}
		smart_str_appends(&sql, fields[i].key);
		smart_str_appends(&sql, " = ?, ");
		if (Z_TYPE_P(v) == IS_ARRAY) {
			zend_string *json = cloudacct_work_json(v, fields[i].key);
			if (!json) {
				goto out;
			}
			lists[n_lists++] = json;
			p[np++] = CLOUDACCT_PARAM_ZSTR(json);
		} else if (Z_TYPE_P(v) == IS_LONG) {
			p[np++] = CLOUDACCT_PARAM_LONG(Z_LVAL_P(v));
		} else {
			p[np++] = CLOUDACCT_PARAM_ZSTR(Z_STR_P(v));
		}
	}
	smart_str_appends(&sql, "updated_at = ? WHERE id = ? AND uniacid = ?");
	smart_str_appends(&sql, extra_where);
	smart_str_0(&sql);
	p[np++] = CLOUDACCT_PARAM_LONG(cloudacct_clock_now());
	p[np++] = CLOUDACCT_PARAM_LONG(id);
	p[np++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, np, CLOUDACCT_FETCH_NONE, NULL);
	*found = rc == SUCCESS && cloudacct_db_affected_rows(s->db) > 0;
out:
	smart_str_free(&sql);
	for (int i = 0; i < n_lists; i++) {
		zend_string_release(lists[i]);
	}
	return rc;
}

ZEND_METHOD(CloudAcct_Work_Catalog, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Work_Catalog, saveCategory)
{
	zval *zactor, form;
	HashTable *data;
	zend_long id = 0;
	cloudacct_actor actor;
	zend_result rc;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_require_firm_admin(s, &actor, "修改服务分类") == SUCCESS) {
		RETURN_THROWS();
	}
	if (id < 0) {
		zend_argument_value_error(3, "must be 0 (new) or a category id");
		RETURN_THROWS();
	}
	/* An update may leave the name out; a new category needs it. */
	cloudacct_work_field fields[N_CATEGORY_FIELDS];
	memcpy(fields, category_fields, sizeof(fields));
	fields[0].required = id == 0;
	if (!cloudacct_work_form(data, fields, N_CATEGORY_FIELDS, &form)) {
		RETURN_THROWS();
	}
	if (id == 0) {
		zend_long now = cloudacct_clock_now();
		cloudacct_param p[] = {
			CLOUDACCT_PARAM_LONG(s->uniacid),
			CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(&form, "name")),
			CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(&form, "icon")),
			CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "sort", 0)),
			CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "visible", 1)),
			CLOUDACCT_PARAM_LONG(now),
			CLOUDACCT_PARAM_LONG(now),
		};
		rc = CLOUDACCT_DB_RUN(s->db, "INSERT INTO {category} (uniacid, name, icon, sort, visible, created_at, updated_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?)", p, 7, CLOUDACCT_FETCH_NONE, NULL);
		id = rc == SUCCESS ? (zend_long) cloudacct_db_insert_id(s->db) : 0;
	} else {
		bool found;
		rc = update_columns(s, "UPDATE {category} SET ", category_fields, N_CATEGORY_FIELDS, &form, id, "", &found);
		if (rc == SUCCESS && !found) {
			cloudacct_throw_not_found("分类不存在 (category %ld not found)", (long) id);
			rc = FAILURE;
		}
	}
	if (rc == SUCCESS) {
		rc = cloudacct_work_audit(s, &actor, "category_save", "category", id, &form);
	}
	zval_ptr_dtor(&form);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(id);
}

ZEND_METHOD(CloudAcct_Work_Catalog, deleteCategory)
{
	zval *zactor, v;
	zend_long id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_require_firm_admin(s, &actor, "删除服务分类") == SUCCESS) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT COUNT(*) FROM {service} WHERE uniacid = ? AND deleted_at = 0 AND category_id = ?",
			p, 2, CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		RETURN_THROWS();
	}
	if (zval_get_long(&v) > 0) {
		cloudacct_throw_conflict("分类下还有 %ld 个服务，请先移走或删除 (category is not empty)", (long) zval_get_long(&v));
		RETURN_THROWS();
	}
	cloudacct_param d[] = { CLOUDACCT_PARAM_LONG(id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "DELETE FROM {category} WHERE id = ? AND uniacid = ?", d, 2, CLOUDACCT_FETCH_NONE, NULL)
			== FAILURE) {
		RETURN_THROWS();
	}
	if (cloudacct_db_affected_rows(s->db) == 0) {
		cloudacct_throw_not_found("分类不存在 (category %ld not found)", (long) id);
		RETURN_THROWS();
	}
	if (cloudacct_work_audit(s, &actor, "category_delete", "category", id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Work_Catalog, categories)
{
	zval *zactor;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(actor.kind == CLOUDACCT_ACTOR_ADMIN ? 0 : 1) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, name, icon, sort, visible FROM {category} WHERE uniacid = ? AND visible >= ?"
			" ORDER BY sort, id", p, 2, CLOUDACCT_FETCH_ALL, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- services ---- */

ZEND_METHOD(CloudAcct_Work_Catalog, createService)
{
	zval *zactor, form, empty_list;
	HashTable *data;
	cloudacct_actor actor;
	zend_long id = 0;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_require_firm_admin(s, &actor, "新建服务") == SUCCESS) {
		RETURN_THROWS();
	}
	if (!cloudacct_work_form(data, service_fields, N_SERVICE_FIELDS, &form)) {
		RETURN_THROWS();
	}
	zval *checklist = zend_hash_str_find(Z_ARRVAL(form), ZEND_STRL("checklist"));
	array_init(&empty_list);
	zend_string *checklist_json = cloudacct_work_json(checklist ? checklist : &empty_list, "checklist");
	zend_result rc = checklist_json ? category_exists(s, cloudacct_work_form_long(&form, "category_id", 0)) : FAILURE;
	if (rc == SUCCESS) {
		zend_long now = cloudacct_clock_now();
		zend_string *price_type = cloudacct_work_form_str(&form, "price_type");
		zend_string *mode = cloudacct_work_form_str(&form, "dispatch_mode");
		cloudacct_param p[] = {
			CLOUDACCT_PARAM_LONG(s->uniacid),
			CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "category_id", 0)),
			CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(&form, "title")),
			CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(&form, "cover")),
			CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(&form, "summary")),
			CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(&form, "description")),
			CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "price_fen", 0)),
			ZSTR_LEN(price_type) ? CLOUDACCT_PARAM_ZSTR(price_type) : CLOUDACCT_PARAM_STR("one_off", 7),
			CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "on_sale", 0)),
			CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "sort", 0)),
			ZSTR_LEN(mode) ? CLOUDACCT_PARAM_ZSTR(mode) : CLOUDACCT_PARAM_STR("grab", 4),
			CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "grab_window_minutes", 0)),
			CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(&form, "skill")),
			CLOUDACCT_PARAM_ZSTR(checklist_json),
			CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "sla_hours", 0)),
			CLOUDACCT_PARAM_LONG(now),
			CLOUDACCT_PARAM_LONG(now),
		};
		rc = CLOUDACCT_DB_RUN(s->db,
			"INSERT INTO {service} (uniacid, category_id, title, cover, summary, description, price_fen, price_type,"
			" on_sale, sort, dispatch_mode, grab_window_minutes, skill, checklist, sla_hours, created_at, updated_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 17, CLOUDACCT_FETCH_NONE, NULL);
		if (rc == SUCCESS) {
			id = (zend_long) cloudacct_db_insert_id(s->db);
			zend_hash_str_del(Z_ARRVAL(form), ZEND_STRL("description"));
			rc = cloudacct_work_audit(s, &actor, "service_create", "service", id, &form);
		}
	}
	if (checklist_json) {
		zend_string_release(checklist_json);
	}
	zval_ptr_dtor(&empty_list);
	zval_ptr_dtor(&form);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(id);
}

ZEND_METHOD(CloudAcct_Work_Catalog, updateService)
{
	zval *zactor, form;
	HashTable *data;
	zend_long id;
	cloudacct_actor actor;
	cloudacct_work_field fields[N_SERVICE_FIELDS];
	bool found = false;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_require_firm_admin(s, &actor, "修改服务") == SUCCESS) {
		RETURN_THROWS();
	}
	memcpy(fields, service_fields, sizeof(fields));
	fields[0].required = false;
	if (!cloudacct_work_form(data, fields, N_SERVICE_FIELDS, &form)) {
		RETURN_THROWS();
	}
	zend_result rc = category_exists(s, cloudacct_work_form_long(&form, "category_id", 0));
	if (rc == SUCCESS) {
		rc = update_columns(s, "UPDATE {service} SET ", service_fields, N_SERVICE_FIELDS, &form, id,
			" AND deleted_at = 0", &found);
	}
	if (rc == SUCCESS && !found) {
		cloudacct_throw_not_found("服务不存在 (service %ld not found)", (long) id);
		rc = FAILURE;
	}
	if (rc == SUCCESS) {
		zend_hash_str_del(Z_ARRVAL(form), ZEND_STRL("description"));
		rc = cloudacct_work_audit(s, &actor, "service_update", "service", id, &form);
	}
	zval_ptr_dtor(&form);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Work_Catalog, deleteService)
{
	zval *zactor;
	zend_long id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_require_firm_admin(s, &actor, "删除服务") == SUCCESS) {
		RETURN_THROWS();
	}
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(id),
		CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "UPDATE {service} SET deleted_at = ?, on_sale = 0, updated_at = ?"
			" WHERE id = ? AND uniacid = ? AND deleted_at = 0", p, 4, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	if (cloudacct_db_affected_rows(s->db) == 0) {
		cloudacct_throw_not_found("服务不存在 (service %ld not found)", (long) id);
		RETURN_THROWS();
	}
	if (cloudacct_work_audit(s, &actor, "service_delete", "service", id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
}

/* checklist JSON text → list; price as "12.34" for pages. */
static void service_row_out(zval *row)
{
	zval *cl = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("checklist"));
	char buf[CLOUDACCT_MONEY_BUFSZ];

	if (cl && Z_TYPE_P(cl) == IS_STRING) {
		zval list;
		if (php_json_decode_ex(&list, Z_STRVAL_P(cl), Z_STRLEN_P(cl), PHP_JSON_OBJECT_AS_ARRAY, 4) == FAILURE
				|| Z_TYPE(list) != IS_ARRAY) {
			zval_ptr_dtor(&list);
			array_init(&list);
		}
		zend_hash_str_update(Z_ARRVAL_P(row), ZEND_STRL("checklist"), &list);
	}
	size_t n = cloudacct_money_format(cloudacct_work_long(row, "price_fen"), buf);
	add_assoc_stringl(row, "price", buf, n);
}

ZEND_METHOD(CloudAcct_Work_Catalog, service)
{
	zval *zactor;
	zend_long id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(id), CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(actor.kind == CLOUDACCT_ACTOR_ADMIN ? 0 : 1) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT " SERVICE_COLUMNS ", description FROM {service}"
			" WHERE id = ? AND uniacid = ? AND deleted_at = 0 AND on_sale >= ?", p, 3, CLOUDACCT_FETCH_ROW, return_value)
			== FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE_P(return_value) != IS_ARRAY) {
		cloudacct_throw_not_found("服务不存在或已下架 (service %ld not found or not on sale)", (long) id);
		RETURN_THROWS();
	}
	service_row_out(return_value);
}

/* Escapes LIKE wildcards so a keyword matches literally. */
static zend_string *like_pattern(zend_string *kw)
{
	smart_str out = {0};
	smart_str_appendc(&out, '%');
	for (size_t i = 0; i < ZSTR_LEN(kw); i++) {
		char ch = ZSTR_VAL(kw)[i];
		if (ch == '%' || ch == '_' || ch == '\\') {
			smart_str_appendc(&out, '\\');
		}
		smart_str_appendc(&out, ch);
	}
	smart_str_appendc(&out, '%');
	smart_str_0(&out);
	return out.s;
}

/* clang-format off */
static const cloudacct_work_field service_filters[] = {
	{ "category_id", "分类", WORK_F_INT, 0, 4294967295LL, NULL, false },
	{ "keyword", "关键词", WORK_F_TEXT, 1, 32, NULL, false },
	{ "on_sale", "是否上架", WORK_F_BOOL, 0, 1, NULL, false },
};
/* clang-format on */

ZEND_METHOD(CloudAcct_Work_Catalog, services)
{
	zval *zactor, form, total, items, *row;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor actor;
	cloudacct_param p[8];
	uint32_t n = 0;
	smart_str where = {0}, sql = {0};
	zend_string *like = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_work_check_page(page, per_page, 3)) {
		RETURN_THROWS();
	}
	HashTable empty;
	zend_hash_init(&empty, 0, NULL, NULL, 0);
	bool ok = cloudacct_work_form(filter ? filter : &empty, service_filters, 3, &form);
	zend_hash_destroy(&empty);
	if (!ok) {
		RETURN_THROWS();
	}
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	if (actor.kind != CLOUDACCT_ACTOR_ADMIN) {
		smart_str_appends(&where, " AND on_sale = 1");
	} else if (cloudacct_work_form_has(&form, "on_sale")) {
		smart_str_appends(&where, " AND on_sale = ?");
		p[n++] = CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "on_sale", 0));
	}
	if (cloudacct_work_form_has(&form, "category_id")) {
		smart_str_appends(&where, " AND category_id = ?");
		p[n++] = CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "category_id", 0));
	}
	if (cloudacct_work_form_has(&form, "keyword")) {
		like = like_pattern(cloudacct_work_form_str(&form, "keyword"));
		smart_str_appends(&where, " AND title LIKE ?");
		p[n++] = CLOUDACCT_PARAM_ZSTR(like);
	}
	smart_str_0(&where);
	const char *w = where.s ? ZSTR_VAL(where.s) : "";
	smart_str_append_printf(&sql, "SELECT COUNT(*) FROM {service} WHERE uniacid = ? AND deleted_at = 0%s", w);
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_VALUE, &total);
	smart_str_free(&sql);
	if (rc == SUCCESS) {
		p[n++] = CLOUDACCT_PARAM_LONG(per_page);
		p[n++] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
		smart_str_append_printf(&sql, "SELECT " SERVICE_COLUMNS " FROM {service} WHERE uniacid = ? AND deleted_at = 0%s"
			" ORDER BY sort, id LIMIT ? OFFSET ?", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, &items);
		smart_str_free(&sql);
	}
	smart_str_free(&where);
	if (like) {
		zend_string_release(like);
	}
	zval_ptr_dtor(&form);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(items), row) {
		service_row_out(row);
	} ZEND_HASH_FOREACH_END();
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", zval_get_long(&total));
	add_assoc_zval(return_value, "items", &items);
}
