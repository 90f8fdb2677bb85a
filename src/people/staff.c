/* CloudAcct\People\Staff: employees, their skills, duty status, WeChat binding and 微擎 login. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "people_int.h"

static const cloudacct_pf staff_fields[] = {
	{ "name", CLOUDACCT_PF_TEXT, 1, 32, 0, NULL, "员工姓名", CLOUDACCT_PF_REQUIRED },
	{ "phone", CLOUDACCT_PF_MOBILE, 0, 0, 0, NULL, "手机号", 0 },
	{ "photo", CLOUDACCT_PF_IMAGE, 0, 255, 0, NULL, "照片", 0 },
	{ "wechat", CLOUDACCT_PF_TEXT, 0, 64, 0, NULL, "微信号", 0 },
	{ "title", CLOUDACCT_PF_TEXT, 0, 32, 0, NULL, "职称", 0 },
	{ "store_id", CLOUDACCT_PF_ID, 0, 0, 0, NULL, "所属门店", 0 },
	{ "open_job_cap", CLOUDACCT_PF_INT, 0, 1000, 0, NULL, "同时处理的工单上限", 0 },
	{ "on_duty", CLOUDACCT_PF_BOOL, 0, 0, 0, NULL, "在岗状态", 0 },
	{ "hired_at", CLOUDACCT_PF_INT, 0, 4102444800, 0, NULL, "入职时间", 0 },
	{ "skills", CLOUDACCT_PF_LABELS, 1, 32, 20, NULL, "技能标签", CLOUDACCT_PF_NO_COLUMN },
};
#define N_STAFF_FIELDS (sizeof(staff_fields) / sizeof(staff_fields[0]))

#define MIN_CODE_TTL 60
#define MAX_CODE_TTL (30 * 86400)

ZEND_METHOD(CloudAcct_People_Staff, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

/* The staff member as this actor may see them: an admin within their stores, the staff member
 * themselves, the system. NotFoundException otherwise, as for an id that does not exist. */
static zend_result staff_visible(cloudacct_store *s, const cloudacct_actor *a, zend_long id, cloudacct_staff_info *info)
{
	bool found, ok = false;

	if (cloudacct_people_staff_get(s, id, info, &found) == FAILURE) {
		return FAILURE;
	}
	if (found) {
		switch (a->kind) {
			case CLOUDACCT_ACTOR_SYSTEM:
				ok = true;
				break;
			case CLOUDACCT_ACTOR_ADMIN:
				if (cloudacct_people_admin_may_store(s, a->id, info->store_id, &ok) == FAILURE) {
					return FAILURE;
				}
				break;
			case CLOUDACCT_ACTOR_STAFF:
				ok = a->id == id;
				break;
			case CLOUDACCT_ACTOR_CLIENT:
				break;
		}
	}
	if (!ok) {
		cloudacct_throw_not_found("员工不存在或无权查看 (staff %ld not found)", (long) id);
		return FAILURE;
	}
	return SUCCESS;
}

/* Admin (or system) and the staff member visible to them. */
static zend_result admin_staff(cloudacct_store *s, const cloudacct_actor *a, zend_long id, const char *what,
	cloudacct_staff_info *info)
{
	if (a->kind != CLOUDACCT_ACTOR_SYSTEM && cloudacct_people_require_admin(a, what) == FAILURE) {
		return FAILURE;
	}
	return staff_visible(s, a, id, info);
}

/* ---- create / update ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_pf_values *v;
	zend_long id;
	zend_long store_id; /* update: the store the admin was authorised for */
} staff_write_ctx;

static zend_result create_body(cloudacct_connection *c, void *arg)
{
	staff_write_ctx *x = arg;
	smart_str cols = {0}, qs = {0}, sql = {0};
	cloudacct_param p[N_STAFF_FIELDS + 3];
	uint32_t n = 0;
	zend_long now = cloudacct_clock_now();
	zend_result rc;
	zval detail, *skills;

	p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
	p[n++] = CLOUDACCT_PARAM_LONG(now);
	p[n++] = CLOUDACCT_PARAM_LONG(now);
	cloudacct_pf_insert_parts(staff_fields, x->v, &cols, &qs, p, &n);
	smart_str_0(&cols);
	smart_str_0(&qs);
	smart_str_append_printf(&sql, "INSERT INTO {staff} (uniacid, created_at, updated_at%s) VALUES (?, ?, ?%s)",
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
	skills = cloudacct_pf_get(staff_fields, x->v, "skills");
	if (skills && cloudacct_people_write_labels(x->s, CLOUDACCT_LABELS_SKILLS, x->id, skills, false) == FAILURE) {
		return FAILURE;
	}
	cloudacct_pf_detail(staff_fields, x->v, &detail);
	rc = cloudacct_people_audit(x->s, x->a, "staff_create", "staff", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Staff, create)
{
	zval *zactor, *store;
	HashTable *data;
	cloudacct_actor a;
	cloudacct_pf_values v;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_require_admin(&a, "新增员工") == FAILURE
			|| cloudacct_pf_parse(data, staff_fields, N_STAFF_FIELDS, true, &v) == FAILURE) {
		RETURN_THROWS();
	}
	store = cloudacct_pf_get(staff_fields, &v, "store_id");
	if (cloudacct_people_check_target_store(s, &a, store ? Z_LVAL_P(store) : 0, "store_id") == FAILURE) {
		cloudacct_pf_free(&v);
		RETURN_THROWS();
	}
	staff_write_ctx x = { s, &a, &v, 0, 0 };
	zend_result rc = cloudacct_db_transaction(s->db, create_body, &x, 0);
	cloudacct_pf_free(&v);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

static zend_result update_body(cloudacct_connection *c, void *arg)
{
	staff_write_ctx *x = arg;
	smart_str set = {0}, sql = {0};
	cloudacct_param p[N_STAFF_FIELDS + 4];
	uint32_t n = 0;
	zend_result rc;
	zval detail, *skills;

	p[n++] = CLOUDACCT_PARAM_LONG(cloudacct_clock_now());
	cloudacct_pf_update_parts(staff_fields, x->v, &set, p, &n);
	p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
	p[n++] = CLOUDACCT_PARAM_LONG(x->id);
	p[n++] = CLOUDACCT_PARAM_LONG(x->store_id);
	smart_str_0(&set);
	/* store_id = the store the admin was authorised for: a concurrent move makes this match nothing. */
	smart_str_append_printf(&sql, "UPDATE {staff} SET updated_at = ?%s WHERE uniacid = ? AND id = ? AND store_id = ?",
		set.s ? ZSTR_VAL(set.s) : "");
	smart_str_0(&sql);
	rc = cloudacct_db_run(c, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&sql);
	smart_str_free(&set);
	if (rc == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_conflict("员工信息已被他人修改，请刷新后重试 (staff changed concurrently)");
		return FAILURE;
	}
	skills = cloudacct_pf_get(staff_fields, x->v, "skills");
	if (skills && cloudacct_people_write_labels(x->s, CLOUDACCT_LABELS_SKILLS, x->id, skills, true) == FAILURE) {
		return FAILURE;
	}
	cloudacct_pf_detail(staff_fields, x->v, &detail);
	rc = cloudacct_people_audit(x->s, x->a, "staff_update", "staff", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Staff, update)
{
	zval *zactor, *store;
	zend_long id;
	HashTable *data;
	cloudacct_actor a;
	cloudacct_pf_values v;
	cloudacct_staff_info info;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE || cloudacct_people_require_admin(&a, "修改员工信息") == FAILURE
			|| staff_visible(s, &a, id, &info) == FAILURE
			|| cloudacct_pf_parse(data, staff_fields, N_STAFF_FIELDS, false, &v) == FAILURE) {
		RETURN_THROWS();
	}
	store = cloudacct_pf_get(staff_fields, &v, "store_id");
	if (store && Z_LVAL_P(store) != info.store_id
			&& cloudacct_people_check_target_store(s, &a, Z_LVAL_P(store), "store_id") == FAILURE) {
		cloudacct_pf_free(&v);
		RETURN_THROWS();
	}
	staff_write_ctx x = { s, &a, &v, id, info.store_id };
	zend_result rc = cloudacct_db_transaction(s->db, update_body, &x, 0);
	cloudacct_pf_free(&v);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- reading ---- */

static void fix_staff_row(zval *row, void *ctx)
{
	static const char *const bools[] = { "on_duty", "active", "wechat_bound", NULL };
	(void) ctx;
	cloudacct_people_row_bools(row, bools);
}

ZEND_METHOD(CloudAcct_People_Staff, get)
{
	zval *zactor;
	zend_long id;
	cloudacct_actor a;
	cloudacct_staff_info info;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE || staff_visible(s, &a, id, &info) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };
	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT f.id, f.store_id, st.name AS store_name, f.name, f.phone, f.photo, f.wechat, f.title,"
			" f.open_job_cap, f.open_jobs, f.on_duty, f.active, f.openid IS NOT NULL AS wechat_bound, f.we7_uid,"
			" f.hired_at, (SELECT COUNT(*) FROM {client} c WHERE c.uniacid = f.uniacid AND c.accountant_id = f.id"
			" AND c.status <> 'terminated') AS client_count, f.created_at, f.updated_at"
			" FROM {staff} f LEFT JOIN {store} st ON st.uniacid = f.uniacid AND st.id = f.store_id"
			" WHERE f.uniacid = ? AND f.id = ?",
			p, 2, CLOUDACCT_FETCH_ROW, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE_P(return_value) != IS_ARRAY) {
		cloudacct_throw_not_found("员工不存在或无权查看 (staff %ld not found)", (long) id);
		RETURN_THROWS();
	}
	fix_staff_row(return_value, NULL);
	if (cloudacct_people_attach_labels(s, CLOUDACCT_LABELS_SKILLS, return_value, true, "skills") == FAILURE) {
		RETURN_THROWS();
	}
}

static const cloudacct_fl staff_filters[] = {
	{ "store_id", CLOUDACCT_FL_LONG, " AND f.store_id = ?", 1, 0, NULL },
	{ "active", CLOUDACCT_FL_BOOL, " AND f.active = ?", 1, 0, NULL },
	{ "on_duty", CLOUDACCT_FL_BOOL, " AND f.on_duty = ?", 1, 0, NULL },
	{ "skill", CLOUDACCT_FL_STR,
		" AND f.id IN (SELECT k.staff_id FROM {staff_skill} k WHERE k.uniacid = f.uniacid AND k.skill = ?)", 1, 32, NULL },
	{ "keyword", CLOUDACCT_FL_LIKE, " AND (f.name LIKE ? OR f.phone LIKE ?)", 2, 32, NULL },
};

ZEND_METHOD(CloudAcct_People_Staff, list)
{
	zval *zactor;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor a;
	cloudacct_fl_query q;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_paging(page, per_page, 3) == FAILURE) {
		RETURN_THROWS();
	}
	if (a.kind != CLOUDACCT_ACTOR_SYSTEM && cloudacct_people_require_admin(&a, "查看员工列表") == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_fl_init(&q);
	cloudacct_fl_add(&q, NULL, CLOUDACCT_PARAM_LONG(s->uniacid));
	if (a.kind == CLOUDACCT_ACTOR_ADMIN) {
		smart_str_appends(&q.where, CLOUDACCT_PEOPLE_SCOPE_SQL("f.store_id"));
		cloudacct_people_scope_params(s, a.id, q.p, &q.n);
	}
	zend_result rc = filter ? cloudacct_fl_apply(filter, staff_filters, sizeof(staff_filters) / sizeof(staff_filters[0]), &q)
		: SUCCESS;
	if (rc == SUCCESS) {
		rc = cloudacct_people_paged(s,
			"f.id, f.store_id, st.name AS store_name, f.name, f.phone, f.photo, f.title, f.open_job_cap, f.open_jobs,"
			" f.on_duty, f.active, f.openid IS NOT NULL AS wechat_bound",
			"FROM {staff} f LEFT JOIN {store} st ON st.uniacid = f.uniacid AND st.id = f.store_id WHERE f.uniacid = ?",
			&q, "f.id", page, per_page, fix_staff_row, NULL, return_value);
	}
	cloudacct_fl_free(&q);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	zval *items = zend_hash_str_find(Z_ARRVAL_P(return_value), ZEND_STRL("items"));
	if (cloudacct_people_attach_labels(s, CLOUDACCT_LABELS_SKILLS, items, false, "skills") == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- the staff picker ---- */

#define OPTIONS_SQL \
	"SELECT f.id, f.name, f.store_id, COALESCE(st.name, '') AS store_name, f.open_jobs, f.open_job_cap, f.on_duty" \
	" FROM {staff} f LEFT JOIN {store} st ON st.uniacid = f.uniacid AND st.id = f.store_id" \
	" WHERE f.uniacid = ? AND f.active = 1"

/* What the backend's staff pickers need (assign, reassign, exclusive accountant, the filters of
 * the admin lists), in one statement: the active staff within the admin's stores, by id. The
 * pickers paged through list() before: three statements per 200 employees and their skills. */
ZEND_METHOD(CloudAcct_People_Staff, options)
{
	zval *zactor, *row;
	cloudacct_actor a;
	cloudacct_param p[5];
	uint32_t n = 0;
	zend_result rc;
	static const char *const bools[] = { "on_duty", NULL };

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (a.kind != CLOUDACCT_ACTOR_SYSTEM && cloudacct_people_require_admin(&a, "查看员工列表") == FAILURE) {
		RETURN_THROWS();
	}
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	if (a.kind == CLOUDACCT_ACTOR_ADMIN) {
		cloudacct_people_scope_params(s, a.id, p, &n);
		rc = CLOUDACCT_DB_RUN(s->db, OPTIONS_SQL CLOUDACCT_PEOPLE_SCOPE_SQL("f.store_id") " ORDER BY f.id", p, n,
			CLOUDACCT_FETCH_ALL, return_value);
	} else {
		rc = CLOUDACCT_DB_RUN(s->db, OPTIONS_SQL " ORDER BY f.id", p, n, CLOUDACCT_FETCH_ALL, return_value);
	}
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(return_value), row) {
		cloudacct_people_row_bools(row, bools);
	} ZEND_HASH_FOREACH_END();
}

/* ---- flags ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id;
	bool on;
	bool duty; /* on_duty, else active */
} staff_flag_ctx;

static zend_result flag_body(cloudacct_connection *c, void *arg)
{
	staff_flag_ctx *x = arg;
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(x->on),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->id),
	};
	zend_result rc = x->duty
		? CLOUDACCT_DB_RUN(c, "UPDATE {staff} SET on_duty = ?, updated_at = ? WHERE uniacid = ? AND id = ?", p, 4,
			CLOUDACCT_FETCH_NONE, NULL)
		: CLOUDACCT_DB_RUN(c, "UPDATE {staff} SET active = ?, updated_at = ? WHERE uniacid = ? AND id = ?", p, 4,
			CLOUDACCT_FETCH_NONE, NULL);

	if (rc == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_not_found("员工不存在或无权查看 (staff %ld not found)", (long) x->id);
		return FAILURE;
	}
	const char *action = x->duty ? (x->on ? "staff_on_duty" : "staff_off_duty")
		: (x->on ? "staff_activate" : "staff_deactivate");
	return cloudacct_people_audit(x->s, x->a, action, "staff", x->id, NULL);
}

ZEND_METHOD(CloudAcct_People_Staff, setActive)
{
	zval *zactor;
	zend_long id;
	bool active;
	cloudacct_actor a;
	cloudacct_staff_info info;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_BOOL(active)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE
			|| admin_staff(s, &a, id, active ? "启用员工" : "停用员工", &info) == FAILURE) {
		RETURN_THROWS();
	}
	staff_flag_ctx x = { s, &a, id, active, false };
	if (cloudacct_db_transaction(s->db, flag_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_People_Staff, setOnDuty)
{
	zval *zactor;
	zend_long id;
	bool on_duty;
	cloudacct_actor a;
	cloudacct_staff_info info;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_BOOL(on_duty)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (a.kind == CLOUDACCT_ACTOR_STAFF) {
		if (a.id != id) {
			cloudacct_throw_forbidden("只能修改自己的在岗状态 (staff may only change their own duty status)");
			RETURN_THROWS();
		}
		if (cloudacct_people_require_active_staff(s, &a, &info) == FAILURE) {
			RETURN_THROWS();
		}
	} else if (admin_staff(s, &a, id, "修改员工在岗状态", &info) == FAILURE) {
		RETURN_THROWS();
	}
	staff_flag_ctx x = { s, &a, id, on_duty, true };
	if (cloudacct_db_transaction(s->db, flag_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- WeChat binding ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id;
	zend_long ttl;
	char code[CLOUDACCT_PEOPLE_CODE_LEN + 1];
} issue_ctx;

static zend_result issue_body(cloudacct_connection *c, void *arg)
{
	issue_ctx *x = arg;
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->id),
		CLOUDACCT_PARAM_LONG(now),
	};
	zval detail;
	zend_result rc;

	/* A new code voids the unused ones: only the latest handed-out code binds. */
	if (CLOUDACCT_DB_RUN(c, "UPDATE {bind_code} SET expires_at = ? WHERE uniacid = ? AND kind = 'staff'"
			" AND target_id = ? AND used_at = 0 AND expires_at > ?", p, 4, CLOUDACCT_FETCH_NONE, NULL) == FAILURE
			|| cloudacct_people_issue_code(x->s, x->a, "staff", x->id, "", x->ttl, x->code) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "code_id", (zend_long) cloudacct_db_insert_id(c));
	add_assoc_long(&detail, "expires_at", now + x->ttl);
	rc = cloudacct_people_audit(x->s, x->a, "staff_bind_code_issue", "staff", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Staff, issueBindCode)
{
	zval *zactor;
	zend_long id, ttl = 86400;
	cloudacct_actor a;
	cloudacct_staff_info info;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(ttl)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (ttl < MIN_CODE_TTL || ttl > MAX_CODE_TTL) {
		zend_argument_value_error(3, "must be between %d and %d", MIN_CODE_TTL, MAX_CODE_TTL);
		RETURN_THROWS();
	}
	if (cloudacct_people_require_admin(&a, "生成员工绑定码") == FAILURE || staff_visible(s, &a, id, &info) == FAILURE) {
		RETURN_THROWS();
	}
	if (!info.active) {
		cloudacct_throw_validation("staff_id", "该员工已停用，请先启用再生成绑定码 (staff is inactive)");
		RETURN_THROWS();
	}
	issue_ctx x = { s, &a, id, ttl, { 0 } };
	if (cloudacct_db_transaction(s->db, issue_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_STRINGL(x.code, CLOUDACCT_PEOPLE_CODE_LEN);
}

typedef struct {
	cloudacct_store *s;
	zend_string *openid;
	zend_string *ip;
	const char *code;
	zend_long id;
} bind_ctx;

static zend_result bound_elsewhere(zval *other)
{
	zval *name = zend_hash_str_find(Z_ARRVAL_P(other), ZEND_STRL("name"));
	cloudacct_throw_validation("openid", "该微信已绑定员工「%s」，请先由管理员解除绑定后再绑定 (this WeChat user is bound to another staff member)",
		name && Z_TYPE_P(name) == IS_STRING ? Z_STRVAL_P(name) : "");
	return FAILURE;
}

static zend_result bind_body(cloudacct_connection *c, void *arg)
{
	bind_ctx *x = arg;
	cloudacct_people_code code;
	zval row, other;
	zend_result rc;

	if (cloudacct_people_claim_code(x->s, "staff", x->code, x->openid, &code) == FAILURE) {
		return FAILURE;
	}
	x->id = code.target_id;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->id) };
	ZVAL_UNDEF(&row);
	if (CLOUDACCT_DB_RUN(c, "SELECT active, openid FROM {staff} WHERE uniacid = ? AND id = ? FOR UPDATE", p, 2,
			CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) != IS_ARRAY || cloudacct_people_row_long(&row, "active") == 0) {
		zval_ptr_dtor(&row);
		cloudacct_throw_validation("code", "该员工账号已停用，请联系管理员 (staff is inactive)");
		return FAILURE;
	}
	zval *old = zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("openid"));
	bool replaced = old && Z_TYPE_P(old) == IS_STRING && !zend_string_equals(Z_STR_P(old), x->openid);
	zval_ptr_dtor(&row);

	cloudacct_param o[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_ZSTR(x->openid),
		CLOUDACCT_PARAM_LONG(x->id) };
	ZVAL_UNDEF(&other);
	if (CLOUDACCT_DB_RUN(c, "SELECT id, name FROM {staff} WHERE uniacid = ? AND openid = ? AND id <> ?", o, 3,
			CLOUDACCT_FETCH_ROW, &other) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(other) == IS_ARRAY) {
		rc = bound_elsewhere(&other);
		zval_ptr_dtor(&other);
		return rc;
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_ZSTR(x->openid), CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
		CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->id) };
	if (CLOUDACCT_DB_RUN(c, "UPDATE {staff} SET openid = ?, updated_at = ? WHERE uniacid = ? AND id = ?", u, 4,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		if (cloudacct_people_exception_is(cloudacct_ce_DuplicateKeyException)) {
			/* Bound to someone else between our check and the update. */
			zend_clear_exception();
			cloudacct_throw_validation("openid", "该微信已绑定其他员工，请先由管理员解除绑定后再绑定 (this WeChat user is bound to another staff member)");
		}
		return FAILURE;
	}
	cloudacct_actor who;
	zval detail;
	cloudacct_people_fan_actor(&who, CLOUDACCT_ACTOR_STAFF, x->id, x->ip);
	array_init(&detail);
	add_assoc_long(&detail, "code_id", code.id);
	add_assoc_bool(&detail, "replaced", replaced);
	rc = cloudacct_people_audit(x->s, &who, "staff_bind_wechat", "staff", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Staff, bindByCode)
{
	zend_string *openid, *code_in, *ip = ZSTR_EMPTY_ALLOC();
	char code[CLOUDACCT_PEOPLE_CODE_LEN + 1];

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(openid)
		Z_PARAM_STR(code_in)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(ip)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	if (cloudacct_people_check_ip(ip, 3) == FAILURE || cloudacct_people_check_openid(openid) == FAILURE
			|| cloudacct_people_read_code(code_in, "staff", code) == FAILURE) {
		RETURN_THROWS();
	}
	bind_ctx x = { s, openid, ip, code, 0 };
	if (cloudacct_db_transaction(s->db, bind_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id;
	zend_long we7_uid; /* linkWe7User; -1 = unbindWechat */
} link_ctx;

static zend_result unbind_body(cloudacct_connection *c, void *arg)
{
	link_ctx *x = arg;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(cloudacct_clock_now()), CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->id) };

	if (CLOUDACCT_DB_RUN(c, "UPDATE {staff} SET openid = NULL, updated_at = ? WHERE uniacid = ? AND id = ?", p, 3,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	return cloudacct_people_audit(x->s, x->a, "staff_unbind_wechat", "staff", x->id, NULL);
}

ZEND_METHOD(CloudAcct_People_Staff, unbindWechat)
{
	zval *zactor;
	zend_long id;
	cloudacct_actor a;
	cloudacct_staff_info info;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE
			|| admin_staff(s, &a, id, "解除员工的微信绑定", &info) == FAILURE) {
		RETURN_THROWS();
	}
	link_ctx x = { s, &a, id, -1 };
	if (cloudacct_db_transaction(s->db, unbind_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_People_Staff, resolveByOpenid)
{
	zend_string *openid;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(openid)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	if (cloudacct_people_check_openid(openid) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_ZSTR(openid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id FROM {staff} WHERE uniacid = ? AND openid = ? AND active = 1", p, 2,
			CLOUDACCT_FETCH_VALUE, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

static zend_result link_body(cloudacct_connection *c, void *arg)
{
	link_ctx *x = arg;
	zval other, detail;
	zend_result rc;

	if (x->we7_uid > 0) {
		/* One staff record per backend user: lock whoever holds the user now (or the gap). */
		cloudacct_param o[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->we7_uid),
			CLOUDACCT_PARAM_LONG(x->id) };
		ZVAL_UNDEF(&other);
		if (CLOUDACCT_DB_RUN(c, "SELECT id, name FROM {staff} WHERE uniacid = ? AND we7_uid = ? AND id <> ? FOR UPDATE",
				o, 3, CLOUDACCT_FETCH_ROW, &other) == FAILURE) {
			return FAILURE;
		}
		if (Z_TYPE(other) == IS_ARRAY) {
			zval *name = zend_hash_str_find(Z_ARRVAL(other), ZEND_STRL("name"));
			cloudacct_throw_validation("we7_uid", "该后台账号已关联员工「%s」，请先取消关联 (the backend user is linked to another staff member)",
				name && Z_TYPE_P(name) == IS_STRING ? Z_STRVAL_P(name) : "");
			zval_ptr_dtor(&other);
			return FAILURE;
		}
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->we7_uid), CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
		CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->id) };
	if (CLOUDACCT_DB_RUN(c, "UPDATE {staff} SET we7_uid = ?, updated_at = ? WHERE uniacid = ? AND id = ?", p, 4,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "we7_uid", x->we7_uid);
	rc = cloudacct_people_audit(x->s, x->a, "staff_link_we7", "staff", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Staff, linkWe7User)
{
	zval *zactor;
	zend_long id, we7_uid;
	cloudacct_actor a;
	cloudacct_staff_info info;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_LONG(we7_uid)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (we7_uid < 0 || we7_uid > UINT32_MAX) {
		zend_argument_value_error(3, "must be between 0 and %u", UINT32_MAX);
		RETURN_THROWS();
	}
	if (admin_staff(s, &a, id, "关联后台账号", &info) == FAILURE) {
		RETURN_THROWS();
	}
	link_ctx x = { s, &a, id, we7_uid };
	if (cloudacct_db_transaction(s->db, link_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_People_Staff, resolveByWe7User)
{
	zend_long we7_uid;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(we7_uid)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	if (cloudacct_people_check_id(we7_uid, 1) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(we7_uid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id FROM {staff} WHERE uniacid = ? AND we7_uid = ? AND active = 1 ORDER BY id LIMIT 1",
			p, 2, CLOUDACCT_FETCH_VALUE, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}
