/* CloudAcct\People\Clients: client companies and their exclusive accountant (专属会计). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "people_int.h"
#include "../settings/settings.h"
#include "../money/money.h"

const cloudacct_pf cloudacct_client_fields[] = {
	{ "name", CLOUDACCT_PF_TEXT, 2, 128, 0, NULL, "客户名称", CLOUDACCT_PF_REQUIRED },
	{ "credit_code", CLOUDACCT_PF_CREDIT_CODE, 0, 0, 0, NULL, "统一社会信用代码", 0 },
	{ "taxpayer_type", CLOUDACCT_PF_ENUM, 0, 0, 0, "small|general", "纳税人类型", 0, "小规模纳税人(small)、一般纳税人(general)" },
	{ "industry", CLOUDACCT_PF_TEXT, 0, 64, 0, NULL, "所属行业", 0 },
	{ "address", CLOUDACCT_PF_TEXT, 0, 255, 0, NULL, "地址", 0 },
	{ "store_id", CLOUDACCT_PF_ID, 0, 0, 0, NULL, "所属门店", 0 },
	{ "accountant_id", CLOUDACCT_PF_ID, 0, 0, 0, NULL, "专属会计", 0 },
	{ "tags", CLOUDACCT_PF_LABELS, 1, 16, 10, NULL, "客户标签", CLOUDACCT_PF_NO_COLUMN },
	{ "status", CLOUDACCT_PF_ENUM, 0, 0, 0, "active|paused|terminated", "服务状态", 0,
		"服务中(active)、暂停(paused)、已终止(terminated)" },
	{ "notes", CLOUDACCT_PF_MULTILINE, 0, 2000, 0, NULL, "备注", 0 },
};
const uint32_t cloudacct_n_client_fields = sizeof(cloudacct_client_fields) / sizeof(cloudacct_client_fields[0]);
#define FIELDS cloudacct_client_fields
#define N_FIELDS cloudacct_n_client_fields

/* What a client's exclusive-accountant card may show (the setting picks from these). */
static const char *const card_fields[] = { "name", "photo", "phone", "wechat", "title" };

ZEND_METHOD(CloudAcct_People_Clients, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static zend_result check_reason(zend_string *reason)
{
	return cloudacct_people_check_text(ZSTR_VAL(reason), ZSTR_LEN(reason), "reason", "交接原因", 1, 255, false);
}

/* An active staff member the admin may hand companies to (within their stores). */
static zend_result check_accountant(cloudacct_store *s, const cloudacct_actor *a, zend_long staff_id, const char *field)
{
	cloudacct_staff_info info;
	bool found, ok = false;

	if (cloudacct_people_staff_get(s, staff_id, &info, &found) == FAILURE) {
		return FAILURE;
	}
	if (found && info.active) {
		ok = a->kind != CLOUDACCT_ACTOR_ADMIN;
		if (!ok && cloudacct_people_admin_may_store(s, a->id, info.store_id, &ok) == FAILURE) {
			return FAILURE;
		}
	}
	if (!ok) {
		cloudacct_throw_validation(field, "专属会计不存在或已停用，请重新选择 (staff %ld is not an active staff member)",
			(long) staff_id);
		return FAILURE;
	}
	return SUCCESS;
}

/* ---- duplicates ---- */

/* Same name as another company (other than except_id) is a duplicate unless both have a credit
 * code (then they differ, or the unique key says so). */
static zend_result check_same_name(cloudacct_store *s, zval *name, zval *credit_code, zend_long except_id)
{
	zval rows, *row;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_ZSTR(Z_STR_P(name)),
		CLOUDACCT_PARAM_LONG(except_id) };
	bool have_code = credit_code && Z_TYPE_P(credit_code) == IS_STRING;
	zend_result rc = SUCCESS;

	/* FOR UPDATE locks the name's index range, so two creates of one name cannot both pass. */
	ZVAL_UNDEF(&rows);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, name, credit_code FROM {client} WHERE uniacid = ? AND name = ? AND id <> ?"
			" FOR UPDATE", p, 3, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zval *code = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("credit_code"));
		if (!have_code || !code || Z_TYPE_P(code) != IS_STRING) {
			zval *other = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("name"));
			cloudacct_throw_validation("name", "已有同名客户「%s」（编号 %ld）。如确为不同的公司，请填写统一社会信用代码加以区分 (a company with this name exists)",
				Z_STRVAL_P(other), (long) cloudacct_people_row_long(row, "id"));
			rc = FAILURE;
			break;
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return rc;
}

/* After a duplicate-key error on {client}: replace it with a ValidationException naming the
 * company that holds the credit code. */
static zend_result duplicate_code(cloudacct_store *s, zval *credit_code)
{
	zval row;

	if (!cloudacct_people_exception_is(cloudacct_ce_DuplicateKeyException) || !credit_code
			|| Z_TYPE_P(credit_code) != IS_STRING) {
		return FAILURE;
	}
	zend_clear_exception();
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_ZSTR(Z_STR_P(credit_code)) };
	ZVAL_UNDEF(&row);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, name FROM {client} WHERE uniacid = ? AND credit_code = ?", p, 2,
			CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) == IS_ARRAY) {
		cloudacct_throw_validation("credit_code", "统一社会信用代码 %s 已登记为客户「%s」（编号 %ld），请勿重复建档 (duplicate credit code)",
			Z_STRVAL_P(credit_code), Z_STRVAL_P(zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("name"))),
			(long) cloudacct_people_row_long(&row, "id"));
	} else {
		cloudacct_throw_validation("credit_code", "统一社会信用代码 %s 已被使用，请勿重复建档 (duplicate credit code)",
			Z_STRVAL_P(credit_code));
	}
	zval_ptr_dtor(&row);
	return FAILURE;
}

static zend_result write_handover(cloudacct_store *s, const cloudacct_actor *a, zend_long client_id, zend_long from,
	zend_long to, const char *reason, size_t reason_len)
{
	const char *kind = cloudacct_actor_kind_name(a->kind);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(client_id),
		CLOUDACCT_PARAM_LONG(from),
		CLOUDACCT_PARAM_LONG(to),
		CLOUDACCT_PARAM_STR(reason, reason_len),
		CLOUDACCT_PARAM_STR(kind, strlen(kind)),
		CLOUDACCT_PARAM_LONG(a->id),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
	};
	return CLOUDACCT_DB_RUN(s->db, "INSERT INTO {handover} (uniacid, client_id, from_staff_id, to_staff_id, reason,"
		" actor_kind, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", p, 8, CLOUDACCT_FETCH_NONE, NULL);
}

/* ---- create ---- */

#define FIRST_ASSIGNMENT_REASON "新建客户时指定"

zend_result cloudacct_people_client_insert(cloudacct_store *s, const cloudacct_actor *a, cloudacct_pf_values *v,
	zend_long *client_id)
{
	smart_str cols = {0}, qs = {0}, sql = {0};
	cloudacct_param p[CLOUDACCT_PF_MAX + 3];
	uint32_t n = 0;
	zend_long now = cloudacct_clock_now();
	zval *credit_code = cloudacct_pf_get(FIELDS, v, "credit_code");
	zval *accountant = cloudacct_pf_get(FIELDS, v, "accountant_id");
	zval *tags = cloudacct_pf_get(FIELDS, v, "tags");
	zval detail;
	zend_result rc;

	if (check_same_name(s, cloudacct_pf_get(FIELDS, v, "name"), credit_code, 0) == FAILURE) {
		return FAILURE;
	}
	if (accountant && Z_LVAL_P(accountant) > 0
			&& check_accountant(s, a, Z_LVAL_P(accountant), "accountant_id") == FAILURE) {
		return FAILURE;
	}
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	p[n++] = CLOUDACCT_PARAM_LONG(now);
	p[n++] = CLOUDACCT_PARAM_LONG(now);
	cloudacct_pf_insert_parts(FIELDS, v, &cols, &qs, p, &n);
	smart_str_0(&cols);
	smart_str_0(&qs);
	smart_str_append_printf(&sql, "INSERT INTO {client} (uniacid, created_at, updated_at%s) VALUES (?, ?, ?%s)",
		ZSTR_VAL(cols.s), ZSTR_VAL(qs.s));
	smart_str_0(&sql);
	rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&sql);
	smart_str_free(&cols);
	smart_str_free(&qs);
	if (rc == FAILURE) {
		return duplicate_code(s, credit_code);
	}
	*client_id = (zend_long) cloudacct_db_insert_id(s->db);
	if (tags && cloudacct_people_write_labels(s, CLOUDACCT_LABELS_TAGS, *client_id, tags, false) == FAILURE) {
		return FAILURE;
	}
	if (accountant && Z_LVAL_P(accountant) > 0
			&& write_handover(s, a, *client_id, 0, Z_LVAL_P(accountant), ZEND_STRL(FIRST_ASSIGNMENT_REASON)) == FAILURE) {
		return FAILURE;
	}
	cloudacct_pf_detail(FIELDS, v, &detail);
	rc = cloudacct_people_audit(s, a, "client_create", "client", *client_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_pf_values *v;
	zend_long id;
	zend_long store_id; /* update: the store the admin was authorised for */
} client_write_ctx;

static zend_result create_body(cloudacct_connection *c, void *arg)
{
	client_write_ctx *x = arg;
	(void) c;
	return cloudacct_people_client_insert(x->s, x->a, x->v, &x->id);
}

ZEND_METHOD(CloudAcct_People_Clients, create)
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
	if (cloudacct_people_require_admin(&a, "新建客户") == FAILURE
			|| cloudacct_pf_parse(data, FIELDS, N_FIELDS, true, &v) == FAILURE) {
		RETURN_THROWS();
	}
	store = cloudacct_pf_get(FIELDS, &v, "store_id");
	if (cloudacct_people_check_target_store(s, &a, store ? Z_LVAL_P(store) : 0, "store_id") == FAILURE) {
		cloudacct_pf_free(&v);
		RETURN_THROWS();
	}
	client_write_ctx x = { s, &a, &v, 0, 0 };
	zend_result rc = cloudacct_db_transaction(s->db, create_body, &x, 0);
	cloudacct_pf_free(&v);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

/* Keeps the copy of the company's store and accountant on its balance summary (migration 12: the
 * arrears list filters the summary alone) equal to the company's, in the transaction that changed
 * them. A company without a summary row has nothing to copy to: the row is created from {client}. */
static zend_result sync_balance(cloudacct_connection *c, zend_long uniacid, zend_long client_id)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	return CLOUDACCT_DB_RUN(c, "UPDATE {client_balance} b JOIN {client} c ON c.id = b.client_id AND c.uniacid = b.uniacid"
		" SET b.store_id = c.store_id, b.accountant_id = c.accountant_id WHERE b.uniacid = ? AND b.client_id = ?", p, 2,
		CLOUDACCT_FETCH_NONE, NULL);
}

/* ---- update ---- */

static zend_result update_body(cloudacct_connection *c, void *arg)
{
	client_write_ctx *x = arg;
	smart_str set = {0}, sql = {0};
	cloudacct_param p[CLOUDACCT_PF_MAX + 4];
	uint32_t n = 0;
	zval *name = cloudacct_pf_get(FIELDS, x->v, "name");
	zval *credit_code = cloudacct_pf_get(FIELDS, x->v, "credit_code");
	zval *tags = cloudacct_pf_get(FIELDS, x->v, "tags");
	zval detail, current;
	zend_result rc;

	if (name || credit_code) {
		/* The duplicate-name rule looks at the name and credit code the company will have. */
		cloudacct_param g[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->id) };
		ZVAL_UNDEF(&current);
		if (CLOUDACCT_DB_RUN(c, "SELECT name, credit_code FROM {client} WHERE uniacid = ? AND id = ? FOR UPDATE", g, 2,
				CLOUDACCT_FETCH_ROW, &current) == FAILURE) {
			return FAILURE;
		}
		if (Z_TYPE(current) == IS_ARRAY) {
			zval *eff_name = name ? name : zend_hash_str_find(Z_ARRVAL(current), ZEND_STRL("name"));
			zval *eff_code = credit_code ? credit_code : zend_hash_str_find(Z_ARRVAL(current), ZEND_STRL("credit_code"));
			rc = check_same_name(x->s, eff_name, eff_code, x->id);
			zval_ptr_dtor(&current);
			if (rc == FAILURE) {
				return FAILURE;
			}
		}
	}
	p[n++] = CLOUDACCT_PARAM_LONG(cloudacct_clock_now());
	cloudacct_pf_update_parts(FIELDS, x->v, &set, p, &n);
	p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
	p[n++] = CLOUDACCT_PARAM_LONG(x->id);
	p[n++] = CLOUDACCT_PARAM_LONG(x->store_id);
	smart_str_0(&set);
	smart_str_append_printf(&sql, "UPDATE {client} SET updated_at = ?%s WHERE uniacid = ? AND id = ? AND store_id = ?",
		set.s ? ZSTR_VAL(set.s) : "");
	smart_str_0(&sql);
	rc = cloudacct_db_run(c, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&sql);
	smart_str_free(&set);
	if (rc == FAILURE) {
		return duplicate_code(x->s, credit_code);
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_conflict("客户信息已被他人修改，请刷新后重试 (client changed concurrently)");
		return FAILURE;
	}
	/* the dashboard's collections per store follow the client to its new store */
	zval *store = cloudacct_pf_get(FIELDS, x->v, "store_id");
	if (store && cloudacct_money_client_moved(x->s, x->id, x->store_id, Z_LVAL_P(store)) == FAILURE) {
		return FAILURE;
	}
	if (store && sync_balance(c, x->s->uniacid, x->id) == FAILURE) {
		return FAILURE;
	}
	if (tags && cloudacct_people_write_labels(x->s, CLOUDACCT_LABELS_TAGS, x->id, tags, true) == FAILURE) {
		return FAILURE;
	}
	cloudacct_pf_detail(FIELDS, x->v, &detail);
	rc = cloudacct_people_audit(x->s, x->a, "client_update", "client", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Clients, update)
{
	zval *zactor, *store;
	zend_long id;
	HashTable *data;
	cloudacct_actor a;
	cloudacct_pf_values v;
	cloudacct_client_info info;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE || cloudacct_people_require_admin(&a, "修改客户信息") == FAILURE
			|| cloudacct_people_authorize_client(s, &a, id, &info) == FAILURE) {
		RETURN_THROWS();
	}
	if (zend_hash_str_exists(data, ZEND_STRL("accountant_id"))) {
		cloudacct_throw_validation("accountant_id", "更换专属会计请使用「更换专属会计」功能，以便留下交接记录 (use assignAccountant)");
		RETURN_THROWS();
	}
	if (cloudacct_pf_parse(data, FIELDS, N_FIELDS, false, &v) == FAILURE) {
		RETURN_THROWS();
	}
	store = cloudacct_pf_get(FIELDS, &v, "store_id");
	if (store && Z_LVAL_P(store) != info.store_id
			&& cloudacct_people_check_target_store(s, &a, Z_LVAL_P(store), "store_id") == FAILURE) {
		cloudacct_pf_free(&v);
		RETURN_THROWS();
	}
	client_write_ctx x = { s, &a, &v, id, info.store_id };
	zend_result rc = cloudacct_db_transaction(s->db, update_body, &x, 0);
	cloudacct_pf_free(&v);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- reading ---- */

ZEND_METHOD(CloudAcct_People_Clients, get)
{
	static const char *const hidden_from_clients[] = { "notes", NULL };
	zval *zactor;
	zend_long id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE || cloudacct_people_authorize_client(s, &a, id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };
	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT c.id, c.name, c.credit_code, c.taxpayer_type, c.industry, c.address, c.store_id,"
			" st.name AS store_name, c.accountant_id, f.name AS accountant_name, c.status, c.notes, c.created_at,"
			" c.updated_at FROM {client} c"
			" LEFT JOIN {store} st ON st.uniacid = c.uniacid AND st.id = c.store_id"
			" LEFT JOIN {staff} f ON f.uniacid = c.uniacid AND f.id = c.accountant_id"
			" WHERE c.uniacid = ? AND c.id = ?",
			p, 2, CLOUDACCT_FETCH_ROW, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE_P(return_value) != IS_ARRAY) {
		cloudacct_throw_not_found("客户不存在或无权查看 (client %ld not found)", (long) id);
		RETURN_THROWS();
	}
	if (a.kind == CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_people_row_drop(return_value, hidden_from_clients);
		return;
	}
	if (cloudacct_people_attach_labels(s, CLOUDACCT_LABELS_TAGS, return_value, true, "tags") == FAILURE) {
		RETURN_THROWS();
	}
}

#define CLIENT_SEARCH_CAP 1000

static const cloudacct_fl client_filters[] = {
	{ "keyword", CLOUDACCT_FL_PREFIX, " AND (c.credit_code LIKE ? OR c.name LIKE ?)", 2, 64, NULL },
	{ "store_id", CLOUDACCT_FL_LONG, " AND c.store_id = ?", 1, 0, NULL },
	{ "accountant_id", CLOUDACCT_FL_LONG, " AND c.accountant_id = ?", 1, 0, NULL },
	{ "status", CLOUDACCT_FL_STR, " AND c.status = ?", 1, 16, "active|paused|terminated" },
	{ "taxpayer_type", CLOUDACCT_FL_STR, " AND c.taxpayer_type = ?", 1, 16, "small|general" },
	{ "tag", CLOUDACCT_FL_STR,
		" AND c.id IN (SELECT t.client_id FROM {client_tag} t WHERE t.uniacid = c.uniacid AND t.tag = ?)", 1, 16, NULL },
};

ZEND_METHOD(CloudAcct_People_Clients, search)
{
	zval *zactor;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor a;
	cloudacct_staff_info me;
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
	if (a.kind == CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("客户请在「我的公司」中查看自己的公司 (clients use Contacts::companies)");
		RETURN_THROWS();
	}
	if (a.kind == CLOUDACCT_ACTOR_STAFF && cloudacct_people_require_active_staff(s, &a, &me) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_fl_init(&q);
	cloudacct_fl_add(&q, NULL, CLOUDACCT_PARAM_LONG(s->uniacid));
	if (a.kind == CLOUDACCT_ACTOR_ADMIN) {
		smart_str_appends(&q.where, CLOUDACCT_PEOPLE_SCOPE_SQL("c.store_id"));
		cloudacct_people_scope_params(s, a.id, q.p, &q.n);
	} else if (a.kind == CLOUDACCT_ACTOR_STAFF) {
		cloudacct_fl_add(&q, " AND c.accountant_id = ?", CLOUDACCT_PARAM_LONG(a.id));
	}
	zend_result rc = filter
		? cloudacct_fl_apply(filter, client_filters, sizeof(client_filters) / sizeof(client_filters[0]), &q)
		: SUCCESS;
	if (rc == SUCCESS) {
		/* A keyword is a substring LIKE on the name, which no index serves: the count of a keyword
		 * search stops at CLIENT_SEARCH_CAP matches (total_capped), so it reads up to the cap's match
		 * instead of every company of the firm (q.n_owned: the keyword's LIKE patterns). */
		rc = cloudacct_people_paged_capped(s,
			"c.id, c.name, c.credit_code, c.taxpayer_type, c.industry, c.store_id, st.name AS store_name,"
			" c.accountant_id, f.name AS accountant_name, c.status, c.created_at, c.updated_at",
			"FROM {client} c LEFT JOIN {store} st ON st.uniacid = c.uniacid AND st.id = c.store_id"
			" LEFT JOIN {staff} f ON f.uniacid = c.uniacid AND f.id = c.accountant_id WHERE c.uniacid = ?",
			&q, "c.id DESC", page, per_page, q.n_owned > 0 ? CLIENT_SEARCH_CAP : 0, NULL, NULL, return_value);
	}
	cloudacct_fl_free(&q);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	zval *items = zend_hash_str_find(Z_ARRVAL_P(return_value), ZEND_STRL("items"));
	if (cloudacct_people_attach_labels(s, CLOUDACCT_LABELS_TAGS, items, false, "tags") == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- exclusive accountant ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	zend_long from;
	zend_long to;
	zend_string *reason;
	zend_long moved;
} assign_ctx;

static zend_result assign_body(cloudacct_connection *c, void *arg)
{
	assign_ctx *x = arg;
	zval detail;
	zend_result rc;
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(x->to),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(x->from),
	};

	/* Conditional on the accountant we saw: two admins changing it at once cannot both win. */
	if (CLOUDACCT_DB_RUN(c, "UPDATE {client} SET accountant_id = ?, updated_at = ? WHERE uniacid = ? AND id = ?"
			" AND accountant_id = ?", p, 5, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_conflict("专属会计刚被其他管理员更换，请刷新后重试 (accountant changed concurrently)");
		return FAILURE;
	}
	if (sync_balance(c, x->s->uniacid, x->client_id) == FAILURE) {
		return FAILURE;
	}
	if (write_handover(x->s, x->a, x->client_id, x->from, x->to, ZSTR_VAL(x->reason), ZSTR_LEN(x->reason)) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "from_staff_id", x->from);
	add_assoc_long(&detail, "to_staff_id", x->to);
	add_assoc_str(&detail, "reason", zend_string_copy(x->reason));
	rc = cloudacct_people_audit(x->s, x->a, "accountant_assign", "client", x->client_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Clients, assignAccountant)
{
	zval *zactor;
	zend_long client_id, staff_id;
	zend_string *reason;
	cloudacct_actor a;
	cloudacct_client_info info;

	ZEND_PARSE_PARAMETERS_START(4, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_LONG(staff_id)
		Z_PARAM_STR(reason)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(client_id, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (staff_id < 0 || staff_id > UINT32_MAX) {
		zend_argument_value_error(3, "must be between 0 and %u", UINT32_MAX);
		RETURN_THROWS();
	}
	if (cloudacct_people_require_admin(&a, "更换专属会计") == FAILURE
			|| cloudacct_people_authorize_client(s, &a, client_id, &info) == FAILURE || check_reason(reason) == FAILURE
			|| (staff_id > 0 && check_accountant(s, &a, staff_id, "staff_id") == FAILURE)) {
		RETURN_THROWS();
	}
	if (info.accountant_id == staff_id) {
		cloudacct_throw_validation("staff_id", staff_id ? "该员工已经是此客户的专属会计 (already the exclusive accountant)"
			: "此客户目前没有专属会计 (the client has no exclusive accountant)");
		RETURN_THROWS();
	}
	assign_ctx x = { s, &a, client_id, info.accountant_id, staff_id, reason, 0 };
	if (cloudacct_db_transaction(s->db, assign_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

static zend_result bulk_body(cloudacct_connection *c, void *arg)
{
	assign_ctx *x = arg;
	const char *kind = cloudacct_actor_kind_name(x->a->kind);
	zend_long now = cloudacct_clock_now();
	bool scoped = x->a->kind == CLOUDACCT_ACTOR_ADMIN;
	cloudacct_param p[12];
	uint32_t n = 0;
	uint64_t inserted;
	zend_result rc;
	zval detail;

	/* One handover row per company first (a locking read of the companies, in id order), then the move. */
	p[n++] = CLOUDACCT_PARAM_LONG(x->to);
	p[n++] = CLOUDACCT_PARAM_ZSTR(x->reason);
	p[n++] = CLOUDACCT_PARAM_STR(kind, strlen(kind));
	p[n++] = CLOUDACCT_PARAM_LONG(x->a->id);
	p[n++] = CLOUDACCT_PARAM_LONG(now);
	p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
	p[n++] = CLOUDACCT_PARAM_LONG(x->from);
	if (scoped) {
		cloudacct_people_scope_params(x->s, x->a->id, p, &n);
		rc = CLOUDACCT_DB_RUN(c, "INSERT INTO {handover} (uniacid, client_id, from_staff_id, to_staff_id, reason,"
			" actor_kind, actor_id, created_at) SELECT c.uniacid, c.id, c.accountant_id, ?, ?, ?, ?, ? FROM {client} c"
			" WHERE c.uniacid = ? AND c.accountant_id = ?" CLOUDACCT_PEOPLE_SCOPE_SQL("c.store_id") " ORDER BY c.id",
			p, n, CLOUDACCT_FETCH_NONE, NULL);
	} else {
		rc = CLOUDACCT_DB_RUN(c, "INSERT INTO {handover} (uniacid, client_id, from_staff_id, to_staff_id, reason,"
			" actor_kind, actor_id, created_at) SELECT c.uniacid, c.id, c.accountant_id, ?, ?, ?, ?, ? FROM {client} c"
			" WHERE c.uniacid = ? AND c.accountant_id = ? ORDER BY c.id", p, n, CLOUDACCT_FETCH_NONE, NULL);
	}
	if (rc == FAILURE) {
		return FAILURE;
	}
	inserted = cloudacct_db_affected_rows(c);
	n = 0;
	p[n++] = CLOUDACCT_PARAM_LONG(x->to);
	p[n++] = CLOUDACCT_PARAM_LONG(now);
	p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
	p[n++] = CLOUDACCT_PARAM_LONG(x->from);
	if (scoped) {
		cloudacct_people_scope_params(x->s, x->a->id, p, &n);
		rc = CLOUDACCT_DB_RUN(c, "UPDATE {client} c SET c.accountant_id = ?, c.updated_at = ?"
			" WHERE c.uniacid = ? AND c.accountant_id = ?" CLOUDACCT_PEOPLE_SCOPE_SQL("c.store_id"),
			p, n, CLOUDACCT_FETCH_NONE, NULL);
	} else {
		rc = CLOUDACCT_DB_RUN(c, "UPDATE {client} c SET c.accountant_id = ?, c.updated_at = ?"
			" WHERE c.uniacid = ? AND c.accountant_id = ?", p, n, CLOUDACCT_FETCH_NONE, NULL);
	}
	if (rc == FAILURE) {
		return FAILURE;
	}
	x->moved = (zend_long) cloudacct_db_affected_rows(c);
	if ((uint64_t) x->moved != inserted) {
		cloudacct_throw_conflict("交接期间客户分配发生了变化，请重试 (companies changed during the handover)");
		return FAILURE;
	}
	if (x->moved == 0) {
		return SUCCESS;
	}
	/* the moved companies' summaries: those of the old accountant whose company now has another */
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->from) };
	if (CLOUDACCT_DB_RUN(c, "UPDATE {client_balance} b JOIN {client} c ON c.id = b.client_id AND c.uniacid = b.uniacid"
			" SET b.accountant_id = c.accountant_id WHERE b.uniacid = ? AND b.accountant_id = ? AND c.accountant_id <> b.accountant_id",
			q, 2, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "to_staff_id", x->to);
	add_assoc_long(&detail, "count", x->moved);
	add_assoc_str(&detail, "reason", zend_string_copy(x->reason));
	rc = cloudacct_people_audit(x->s, x->a, "accountant_bulk_handover", "staff", x->from, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Clients, bulkHandover)
{
	zval *zactor;
	zend_long from, to;
	zend_string *reason;
	cloudacct_actor a;
	cloudacct_staff_info info;
	bool found;

	ZEND_PARSE_PARAMETERS_START(4, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(from)
		Z_PARAM_LONG(to)
		Z_PARAM_STR(reason)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(from, 2) == FAILURE || cloudacct_people_check_id(to, 3) == FAILURE
			|| cloudacct_people_require_admin(&a, "批量交接客户") == FAILURE || check_reason(reason) == FAILURE) {
		RETURN_THROWS();
	}
	if (from == to) {
		cloudacct_throw_validation("to_staff_id", "交出和接手的会计不能是同一人 (from and to are the same)");
		RETURN_THROWS();
	}
	if (cloudacct_people_staff_get(s, from, &info, &found) == FAILURE) {
		RETURN_THROWS();
	}
	if (!found) {
		cloudacct_throw_not_found("员工不存在或无权查看 (staff %ld not found)", (long) from);
		RETURN_THROWS();
	}
	if (check_accountant(s, &a, to, "to_staff_id") == FAILURE) {
		RETURN_THROWS();
	}
	assign_ctx x = { s, &a, 0, from, to, reason, 0 };
	if (cloudacct_db_transaction(s->db, bulk_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.moved);
}

static const cloudacct_fl handover_filters[] = {
	{ "client_id", CLOUDACCT_FL_LONG, " AND h.client_id = ?", 1, 0, NULL },
	{ "staff_id", CLOUDACCT_FL_LONG, " AND (h.from_staff_id = ? OR h.to_staff_id = ?)", 2, 0, NULL },
	{ "since", CLOUDACCT_FL_LONG, " AND h.created_at >= ?", 1, 0, NULL },
	{ "until", CLOUDACCT_FL_LONG, " AND h.created_at < ?", 1, 0, NULL },
};

ZEND_METHOD(CloudAcct_People_Clients, handovers)
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
	if (a.kind == CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("只有管理员和员工可以查看交接记录 (admins and staff only)");
		RETURN_THROWS();
	}
	if (a.kind == CLOUDACCT_ACTOR_STAFF) {
		/* Staff read the history of one company of theirs. */
		zval *cid = filter ? zend_hash_str_find(filter, ZEND_STRL("client_id")) : NULL;
		if (!cid || Z_TYPE_P(cid) != IS_LONG) {
			cloudacct_throw_forbidden("员工只能查看自己负责客户的交接记录，请指定客户 (staff must name a client of theirs)");
			RETURN_THROWS();
		}
		if (cloudacct_people_authorize_client(s, &a, Z_LVAL_P(cid), NULL) == FAILURE) {
			RETURN_THROWS();
		}
	}
	cloudacct_fl_init(&q);
	cloudacct_fl_add(&q, NULL, CLOUDACCT_PARAM_LONG(s->uniacid));
	if (a.kind == CLOUDACCT_ACTOR_ADMIN) {
		smart_str_appends(&q.where, CLOUDACCT_PEOPLE_SCOPE_SQL("c.store_id"));
		cloudacct_people_scope_params(s, a.id, q.p, &q.n);
	}
	zend_result rc = filter
		? cloudacct_fl_apply(filter, handover_filters, sizeof(handover_filters) / sizeof(handover_filters[0]), &q)
		: SUCCESS;
	if (rc == SUCCESS) {
		rc = cloudacct_people_paged(s,
			"h.id, h.client_id, c.name AS client_name, h.from_staff_id, ff.name AS from_name, h.to_staff_id,"
			" tf.name AS to_name, h.reason, h.actor_kind, h.actor_id, h.created_at",
			"FROM {handover} h JOIN {client} c ON c.uniacid = h.uniacid AND c.id = h.client_id"
			" LEFT JOIN {staff} ff ON ff.uniacid = h.uniacid AND ff.id = h.from_staff_id"
			" LEFT JOIN {staff} tf ON tf.uniacid = h.uniacid AND tf.id = h.to_staff_id WHERE h.uniacid = ?",
			&q, "h.created_at DESC, h.id DESC", page, per_page, NULL, NULL, return_value);
	}
	cloudacct_fl_free(&q);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

/* The accountant_card_fields setting, as a list of known field names (unknown ones skipped; a
 * setting that is not a list falls back to the default). */
static zend_result card_field_list(cloudacct_store *s, bool want[5])
{
	zval setting, *item;

	memset(want, 0, 5 * sizeof(bool));
	if (cloudacct_settings_get(s, "accountant_card_fields", &setting) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(setting) != IS_ARRAY) {
		zval_ptr_dtor(&setting);
		want[0] = want[1] = want[2] = want[3] = true;
		return SUCCESS;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(setting), item) {
		for (size_t i = 0; i < 5 && Z_TYPE_P(item) == IS_STRING; i++) {
			if (zend_string_equals_cstr(Z_STR_P(item), card_fields[i], strlen(card_fields[i]))) {
				want[i] = true;
			}
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&setting);
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_People_Clients, accountantCard)
{
	zval *zactor, row;
	zend_long id;
	cloudacct_actor a;
	bool want[5];

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE || cloudacct_people_authorize_client(s, &a, id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };
	ZVAL_UNDEF(&row);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT f.name, f.photo, f.phone, f.wechat, f.title FROM {client} c"
			" JOIN {staff} f ON f.uniacid = c.uniacid AND f.id = c.accountant_id AND f.active = 1"
			" WHERE c.uniacid = ? AND c.id = ?", p, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE(row) != IS_ARRAY) {
		RETURN_NULL();
	}
	if (card_field_list(s, want) == FAILURE) {
		zval_ptr_dtor(&row);
		RETURN_THROWS();
	}
	array_init(return_value);
	for (size_t i = 0; i < 5; i++) {
		zval *v = want[i] ? zend_hash_str_find(Z_ARRVAL(row), card_fields[i], strlen(card_fields[i])) : NULL;
		if (v) {
			Z_TRY_ADDREF_P(v);
			add_assoc_zval(return_value, card_fields[i], v);
		}
	}
	zval_ptr_dtor(&row);
}
