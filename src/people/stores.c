/* CloudAcct\People\Stores: stores (门店) and the stores an admin is limited to. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "people_int.h"

static const cloudacct_pf store_fields[] = {
	{ "name", CLOUDACCT_PF_TEXT, 1, 64, 0, NULL, "门店名称", CLOUDACCT_PF_REQUIRED },
	{ "address", CLOUDACCT_PF_TEXT, 0, 255, 0, NULL, "门店地址", 0 },
	{ "phone", CLOUDACCT_PF_PHONE, 0, 32, 0, NULL, "门店电话", 0 },
	{ "sort", CLOUDACCT_PF_INT, -1000000, 1000000, 0, NULL, "排序", 0 },
};
#define N_STORE_FIELDS (sizeof(store_fields) / sizeof(store_fields[0]))

#define MAX_SCOPE_STORES 200

ZEND_METHOD(CloudAcct_People_Stores, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

/* An admin may see this store (exists in the uniacid and lies within their stores). */
static zend_result require_visible_store(cloudacct_store *s, const cloudacct_actor *a, zend_long store_id)
{
	bool yes;

	if (cloudacct_people_admin_may_store(s, a->id, store_id, &yes) == FAILURE) {
		return FAILURE;
	}
	if (!yes) {
		cloudacct_throw_not_found("门店不存在或无权查看 (store %ld not found)", (long) store_id);
		return FAILURE;
	}
	return SUCCESS;
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_pf_values *v;
	zend_long id;
} store_write_ctx;

static zend_result create_body(cloudacct_connection *c, void *arg)
{
	store_write_ctx *x = arg;
	smart_str cols = {0}, qs = {0}, sql = {0};
	cloudacct_param p[N_STORE_FIELDS + 3];
	uint32_t n = 0;
	zend_long now = cloudacct_clock_now();
	zend_result rc;
	zval detail;

	p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
	p[n++] = CLOUDACCT_PARAM_LONG(now);
	p[n++] = CLOUDACCT_PARAM_LONG(now);
	cloudacct_pf_insert_parts(store_fields, x->v, &cols, &qs, p, &n);
	smart_str_0(&cols);
	smart_str_0(&qs);
	smart_str_append_printf(&sql, "INSERT INTO {store} (uniacid, created_at, updated_at%s) VALUES (?, ?, ?%s)",
		ZSTR_VAL(cols.s), ZSTR_VAL(qs.s));
	smart_str_0(&sql);
	rc = cloudacct_db_run(c, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&sql);
	smart_str_free(&cols);
	smart_str_free(&qs);
	if (rc == FAILURE) {
		return FAILURE;
	}
	x->id = (zend_long) cloudacct_db_insert_id(c);
	cloudacct_pf_detail(store_fields, x->v, &detail);
	rc = cloudacct_people_audit(x->s, x->a, "store_create", "store", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Stores, create)
{
	zval *zactor;
	HashTable *data;
	cloudacct_actor a;
	cloudacct_pf_values v;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_require_firm_admin(s, &a, "新建门店") == FAILURE
			|| cloudacct_pf_parse(data, store_fields, N_STORE_FIELDS, true, &v) == FAILURE) {
		RETURN_THROWS();
	}
	store_write_ctx x = { s, &a, &v, 0 };
	zend_result rc = cloudacct_db_transaction(s->db, create_body, &x, 0);
	cloudacct_pf_free(&v);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

static zend_result update_body(cloudacct_connection *c, void *arg)
{
	store_write_ctx *x = arg;
	smart_str set = {0}, sql = {0};
	cloudacct_param p[N_STORE_FIELDS + 3];
	uint32_t n = 0;
	zend_result rc;
	zval detail;

	p[n++] = CLOUDACCT_PARAM_LONG(cloudacct_clock_now());
	cloudacct_pf_update_parts(store_fields, x->v, &set, p, &n);
	p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
	p[n++] = CLOUDACCT_PARAM_LONG(x->id);
	smart_str_0(&set);
	smart_str_append_printf(&sql, "UPDATE {store} SET updated_at = ?%s WHERE uniacid = ? AND id = ?", ZSTR_VAL(set.s));
	smart_str_0(&sql);
	rc = cloudacct_db_run(c, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&sql);
	smart_str_free(&set);
	if (rc == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_not_found("门店不存在或无权查看 (store %ld not found)", (long) x->id);
		return FAILURE;
	}
	cloudacct_pf_detail(store_fields, x->v, &detail);
	rc = cloudacct_people_audit(x->s, x->a, "store_update", "store", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Stores, update)
{
	zval *zactor;
	zend_long id;
	HashTable *data;
	cloudacct_actor a;
	cloudacct_pf_values v;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE || cloudacct_people_require_admin(&a, "修改门店") == FAILURE
			|| require_visible_store(s, &a, id) == FAILURE
			|| cloudacct_pf_parse(data, store_fields, N_STORE_FIELDS, false, &v) == FAILURE) {
		RETURN_THROWS();
	}
	store_write_ctx x = { s, &a, &v, id };
	zend_result rc = cloudacct_db_transaction(s->db, update_body, &x, 0);
	cloudacct_pf_free(&v);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

static void fix_store_row(zval *row, void *ctx)
{
	static const char *const bools[] = { "active", NULL };
	(void) ctx;
	cloudacct_people_row_bools(row, bools);
}

ZEND_METHOD(CloudAcct_People_Stores, get)
{
	zval *zactor;
	zend_long id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE || cloudacct_people_require_admin(&a, "查看门店详情") == FAILURE
			|| require_visible_store(s, &a, id) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };
	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT s.id, s.name, s.address, s.phone, s.active, s.sort,"
			" (SELECT COUNT(*) FROM {staff} f WHERE f.uniacid = s.uniacid AND f.store_id = s.id AND f.active = 1) AS staff_count,"
			" (SELECT COUNT(*) FROM {client} c WHERE c.uniacid = s.uniacid AND c.store_id = s.id"
			" AND c.status <> 'terminated') AS client_count,"
			" s.created_at, s.updated_at FROM {store} s WHERE s.uniacid = ? AND s.id = ?",
			p, 2, CLOUDACCT_FETCH_ROW, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE_P(return_value) != IS_ARRAY) {
		cloudacct_throw_not_found("门店不存在或无权查看 (store %ld not found)", (long) id);
		RETURN_THROWS();
	}
	fix_store_row(return_value, NULL);
}

ZEND_METHOD(CloudAcct_People_Stores, list)
{
	zval *zactor;
	bool include_inactive = false;
	cloudacct_actor a;
	cloudacct_param p[5];
	uint32_t n = 0;
	zend_result rc;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(include_inactive)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	if (a.kind != CLOUDACCT_ACTOR_ADMIN) {
		rc = CLOUDACCT_DB_RUN(s->db, "SELECT id, name, address, phone, active, sort FROM {store}"
			" WHERE uniacid = ? AND active = 1 ORDER BY sort, id", p, n, CLOUDACCT_FETCH_ALL, return_value);
	} else {
		cloudacct_people_scope_params(s, a.id, p, &n);
		if (include_inactive) {
			rc = CLOUDACCT_DB_RUN(s->db, "SELECT id, name, address, phone, active, sort FROM {store} WHERE uniacid = ?"
				CLOUDACCT_PEOPLE_SCOPE_SQL("id") " ORDER BY sort, id", p, n, CLOUDACCT_FETCH_ALL, return_value);
		} else {
			rc = CLOUDACCT_DB_RUN(s->db, "SELECT id, name, address, phone, active, sort FROM {store}"
				" WHERE uniacid = ? AND active = 1" CLOUDACCT_PEOPLE_SCOPE_SQL("id") " ORDER BY sort, id",
				p, n, CLOUDACCT_FETCH_ALL, return_value);
		}
	}
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	zval *row;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(return_value), row) {
		fix_store_row(row, NULL);
	} ZEND_HASH_FOREACH_END();
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id;
	bool active;
} store_active_ctx;

static zend_result set_active_body(cloudacct_connection *c, void *arg)
{
	store_active_ctx *x = arg;
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(x->active),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->id),
	};

	if (CLOUDACCT_DB_RUN(c, "UPDATE {store} SET active = ?, updated_at = ? WHERE uniacid = ? AND id = ?", p, 4,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_not_found("门店不存在或无权查看 (store %ld not found)", (long) x->id);
		return FAILURE;
	}
	return cloudacct_people_audit(x->s, x->a, x->active ? "store_activate" : "store_deactivate", "store", x->id, NULL);
}

ZEND_METHOD(CloudAcct_People_Stores, setActive)
{
	zval *zactor;
	zend_long id;
	bool active;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_BOOL(active)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE
			|| cloudacct_require_firm_admin(s, &a, "停用或启用门店") == FAILURE) {
		RETURN_THROWS();
	}
	store_active_ctx x = { s, &a, id, active };
	if (cloudacct_db_transaction(s->db, set_active_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long we7_uid;
	zend_long *ids;
	uint32_t n_ids;
} scope_ctx;

static zend_result set_scope_body(cloudacct_connection *c, void *arg)
{
	scope_ctx *x = arg;
	cloudacct_param *p = safe_emalloc(x->n_ids, 3 * sizeof(cloudacct_param), 3 * sizeof(cloudacct_param));
	smart_str sql = {0};
	uint32_t n = 0;
	zend_result rc = SUCCESS;
	zval count, detail, ids;

	if (x->n_ids > 0) {
		/* Every id must be a store of this uniacid. */
		p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
		smart_str_appends(&sql, "SELECT COUNT(*) FROM {store} WHERE uniacid = ? AND id IN (");
		for (uint32_t i = 0; i < x->n_ids; i++) {
			smart_str_appends(&sql, i ? ", ?" : "?");
			p[n++] = CLOUDACCT_PARAM_LONG(x->ids[i]);
		}
		smart_str_appendc(&sql, ')');
		smart_str_0(&sql);
		ZVAL_UNDEF(&count);
		rc = cloudacct_db_run(c, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_VALUE, &count);
		smart_str_free(&sql);
		if (rc == SUCCESS && (Z_TYPE(count) != IS_LONG || Z_LVAL(count) != (zend_long) x->n_ids)) {
			cloudacct_throw_validation("store_ids", "所选门店中有不存在的门店，请刷新后重新选择 (unknown store id)");
			rc = FAILURE;
		}
	}
	if (rc == SUCCESS) {
		cloudacct_param d[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->we7_uid) };
		rc = CLOUDACCT_DB_RUN(c, "DELETE FROM {admin_store} WHERE uniacid = ? AND we7_uid = ?", d, 2,
			CLOUDACCT_FETCH_NONE, NULL);
	}
	if (rc == SUCCESS && x->n_ids > 0) {
		n = 0;
		smart_str_appends(&sql, "INSERT INTO {admin_store} (uniacid, we7_uid, store_id) VALUES ");
		for (uint32_t i = 0; i < x->n_ids; i++) {
			smart_str_appends(&sql, i ? ", (?, ?, ?)" : "(?, ?, ?)");
			p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
			p[n++] = CLOUDACCT_PARAM_LONG(x->we7_uid);
			p[n++] = CLOUDACCT_PARAM_LONG(x->ids[i]);
		}
		smart_str_0(&sql);
		rc = cloudacct_db_run(c, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_NONE, NULL);
		smart_str_free(&sql);
	}
	efree(p);
	if (rc == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	array_init_size(&ids, x->n_ids);
	for (uint32_t i = 0; i < x->n_ids; i++) {
		add_next_index_long(&ids, x->ids[i]);
	}
	add_assoc_zval(&detail, "store_ids", &ids);
	rc = cloudacct_people_audit(x->s, x->a, "admin_scope_set", "admin", x->we7_uid, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

static int compare_ids(const void *a, const void *b)
{
	zend_long x = *(const zend_long *) a, y = *(const zend_long *) b;
	return x < y ? -1 : x > y;
}

ZEND_METHOD(CloudAcct_People_Stores, setAdminScope)
{
	zval *zactor, *zid;
	zend_long we7_uid;
	HashTable *store_ids;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(we7_uid)
		Z_PARAM_ARRAY_HT(store_ids)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(we7_uid, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (zend_hash_num_elements(store_ids) > MAX_SCOPE_STORES) {
		cloudacct_throw_validation("store_ids", "最多选择 %d 个门店 (at most %d stores)", MAX_SCOPE_STORES, MAX_SCOPE_STORES);
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(store_ids, zid) {
		ZVAL_DEREF(zid);
		if (Z_TYPE_P(zid) != IS_LONG || Z_LVAL_P(zid) <= 0 || Z_LVAL_P(zid) > UINT32_MAX) {
			cloudacct_throw_validation("store_ids", "门店编号无效，请刷新后重新选择 (store ids must be positive ints)");
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();
	if (cloudacct_require_firm_admin(s, &a, "设置管理员的门店范围") == FAILURE) {
		RETURN_THROWS();
	}
	if (we7_uid == a.id) {
		cloudacct_throw_forbidden("不能修改自己的门店范围，请由其他总管理员操作 (admins cannot change their own limit)");
		RETURN_THROWS();
	}
	zend_long *ids = safe_emalloc(zend_hash_num_elements(store_ids) + 1, sizeof(zend_long), 0);
	uint32_t n_ids = 0;
	ZEND_HASH_FOREACH_VAL(store_ids, zid) {
		ZVAL_DEREF(zid);
		ids[n_ids++] = Z_LVAL_P(zid);
	} ZEND_HASH_FOREACH_END();
	qsort(ids, n_ids, sizeof(zend_long), compare_ids);
	uint32_t uniq = 0;
	for (uint32_t i = 0; i < n_ids; i++) {
		if (uniq == 0 || ids[uniq - 1] != ids[i]) {
			ids[uniq++] = ids[i];
		}
	}
	scope_ctx x = { s, &a, we7_uid, ids, uniq };
	zend_result rc = cloudacct_db_transaction(s->db, set_scope_body, &x, 0);
	efree(ids);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_People_Stores, adminScope)
{
	zval *zactor, rows, *row;
	zend_long we7_uid;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(we7_uid)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(we7_uid, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (we7_uid == a.id ? cloudacct_people_require_admin(&a, "查看门店范围") == FAILURE
			: cloudacct_require_firm_admin(s, &a, "查看其他管理员的门店范围") == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(we7_uid) };
	ZVAL_UNDEF(&rows);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT store_id FROM {admin_store} WHERE uniacid = ? AND we7_uid = ? ORDER BY store_id",
			p, 2, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, zend_hash_num_elements(Z_ARRVAL(rows)));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		add_next_index_long(return_value, cloudacct_people_row_long(row, "store_id"));
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
}
