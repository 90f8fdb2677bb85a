/* CloudAcct\People\Contacts: people of client companies (WeChat fans), invite codes,
 * self-registration with admin approval, and switching between companies. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "people_int.h"
#include "../core/credit_code.h"
#include "../settings/settings.h"

#define MIN_INVITE_TTL 300
#define MAX_INVITE_TTL (30 * 86400)
#define ROLES "owner|finance|member"

ZEND_METHOD(CloudAcct_People_Contacts, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static zend_result require_client_actor(const cloudacct_actor *a)
{
	if (a->kind != CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("只有客户联系人可以这样做 (client contacts only)");
		return FAILURE;
	}
	return SUCCESS;
}

static zend_result check_person(zend_string *name, zend_string *phone)
{
	if (cloudacct_people_check_text(ZSTR_VAL(name), ZSTR_LEN(name), "name", "姓名", 1, 32, false) == FAILURE
			|| cloudacct_people_check_mobile(phone, "phone", "手机号") == FAILURE) {
		return FAILURE;
	}
	return SUCCESS;
}

static bool is_role(zend_string *role)
{
	return zend_string_equals_literal(role, "owner") || zend_string_equals_literal(role, "finance")
		|| zend_string_equals_literal(role, "member");
}

/* ---- invites ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	zend_string *role;
	zend_long ttl;
	char code[CLOUDACCT_PEOPLE_CODE_LEN + 1];
} invite_ctx;

static zend_result invite_body(cloudacct_connection *c, void *arg)
{
	invite_ctx *x = arg;
	zval detail;
	zend_result rc;

	if (cloudacct_people_issue_code(x->s, x->a, "contact", x->client_id, ZSTR_VAL(x->role), x->ttl, x->code) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "code_id", (zend_long) cloudacct_db_insert_id(c));
	add_assoc_str(&detail, "role", zend_string_copy(x->role));
	add_assoc_long(&detail, "expires_at", cloudacct_clock_now() + x->ttl);
	rc = cloudacct_people_audit(x->s, x->a, "contact_invite_issue", "client", x->client_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Contacts, issueInvite)
{
	zval *zactor;
	zend_long client_id, ttl = 7 * 86400;
	zend_string *role = NULL;
	cloudacct_actor a;
	cloudacct_client_info info;
	cloudacct_staff_info me;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(role)
		Z_PARAM_LONG(ttl)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(client_id, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (ttl < MIN_INVITE_TTL || ttl > MAX_INVITE_TTL) {
		zend_argument_value_error(4, "must be between %d and %d", MIN_INVITE_TTL, MAX_INVITE_TTL);
		RETURN_THROWS();
	}
	if (role && !is_role(role)) {
		cloudacct_throw_validation("role", "联系人角色只能是：负责人(owner)、财务(finance)、其他(member) (role: one of " ROLES ")");
		RETURN_THROWS();
	}
	if (a.kind != CLOUDACCT_ACTOR_ADMIN && a.kind != CLOUDACCT_ACTOR_STAFF) {
		cloudacct_throw_forbidden("只有管理员或专属会计可以邀请联系人 (admins and the exclusive accountant only)");
		RETURN_THROWS();
	}
	if ((a.kind == CLOUDACCT_ACTOR_STAFF && cloudacct_people_require_active_staff(s, &a, &me) == FAILURE)
			|| cloudacct_people_authorize_client(s, &a, client_id, &info) == FAILURE) {
		RETURN_THROWS();
	}
	zval status;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	ZVAL_UNDEF(&status);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT status FROM {client} WHERE uniacid = ? AND id = ?", p, 2, CLOUDACCT_FETCH_VALUE,
			&status) == FAILURE) {
		RETURN_THROWS();
	}
	bool terminated = Z_TYPE(status) == IS_STRING && zend_string_equals_literal(Z_STR(status), "terminated");
	zval_ptr_dtor(&status);
	if (terminated) {
		cloudacct_throw_validation("client_id", "该客户已终止服务，不能邀请联系人 (the client is terminated)");
		RETURN_THROWS();
	}
	zend_string *r = role ? role : zend_string_init("owner", 5, 0);
	invite_ctx x = { s, &a, client_id, r, ttl, { 0 } };
	zend_result rc = cloudacct_db_transaction(s->db, invite_body, &x, 0);
	if (!role) {
		zend_string_release(r);
	}
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_STRINGL(x.code, CLOUDACCT_PEOPLE_CODE_LEN);
}

typedef struct {
	cloudacct_store *s;
	zend_string *openid;
	const char *code;
	zend_string *name;
	zend_string *phone;
	zend_string *ip;
	zend_long contact_id;
} bind_ctx;

static zend_result bind_body(cloudacct_connection *c, void *arg)
{
	bind_ctx *x = arg;
	cloudacct_people_code code;
	zval status, detail;
	bool added;
	zend_result rc;

	if (cloudacct_people_claim_code(x->s, "contact", x->code, x->openid, &code) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(code.target_id) };
	ZVAL_UNDEF(&status);
	if (CLOUDACCT_DB_RUN(c, "SELECT status FROM {client} WHERE uniacid = ? AND id = ?", p, 2, CLOUDACCT_FETCH_VALUE,
			&status) == FAILURE) {
		return FAILURE;
	}
	bool usable = Z_TYPE(status) == IS_STRING && !zend_string_equals_literal(Z_STR(status), "terminated");
	zval_ptr_dtor(&status);
	if (!usable) {
		cloudacct_throw_validation("code", "该公司已终止服务，邀请码不能使用，请联系您的会计 (the client is terminated)");
		return FAILURE;
	}
	if (cloudacct_people_contact_upsert(x->s, x->openid, x->name, x->phone, code.target_id, &x->contact_id) == FAILURE
			|| cloudacct_people_contact_link(x->s, code.target_id, x->contact_id, code.role, &added) == FAILURE) {
		return FAILURE;
	}
	if (!added) {
		/* Rolling back keeps the code for someone else. */
		cloudacct_throw_validation("code", "您已经绑定了该公司，无需重复绑定 (already bound to this client)");
		return FAILURE;
	}
	cloudacct_actor who;
	cloudacct_people_fan_actor(&who, CLOUDACCT_ACTOR_CLIENT, x->contact_id, x->ip);
	array_init(&detail);
	add_assoc_long(&detail, "contact_id", x->contact_id);
	add_assoc_string(&detail, "role", code.role);
	add_assoc_long(&detail, "code_id", code.id);
	rc = cloudacct_people_audit(x->s, &who, "contact_bind", "client", code.target_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Contacts, bindByInvite)
{
	zend_string *openid, *code_in, *name, *phone, *ip = ZSTR_EMPTY_ALLOC();
	char code[CLOUDACCT_PEOPLE_CODE_LEN + 1];

	ZEND_PARSE_PARAMETERS_START(4, 5)
		Z_PARAM_STR(openid)
		Z_PARAM_STR(code_in)
		Z_PARAM_STR(name)
		Z_PARAM_STR(phone)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(ip)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	if (cloudacct_people_check_ip(ip, 5) == FAILURE || cloudacct_people_check_openid(openid) == FAILURE
			|| cloudacct_people_read_code(code_in, "contact", code) == FAILURE || check_person(name, phone) == FAILURE) {
		RETURN_THROWS();
	}
	bind_ctx x = { s, openid, code, name, phone, ip, 0 };
	if (cloudacct_db_transaction(s->db, bind_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.contact_id);
}

ZEND_METHOD(CloudAcct_People_Contacts, resolveByOpenid)
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
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id FROM {contact} WHERE uniacid = ? AND openid = ?", p, 2, CLOUDACCT_FETCH_VALUE,
			return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- the contact's companies ---- */

ZEND_METHOD(CloudAcct_People_Contacts, companies)
{
	static const char *const bools[] = { "current", NULL };
	zval *zactor, *row;
	cloudacct_actor a;
	bool have_current = false;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (require_client_actor(&a) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(a.id) };
	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT c.id AS client_id, c.name, c.status, cc.role, cc.created_at AS bound_at,"
			" ct.current_client_id = c.id AS current FROM {client_contact} cc"
			" JOIN {client} c ON c.uniacid = cc.uniacid AND c.id = cc.client_id"
			" JOIN {contact} ct ON ct.uniacid = cc.uniacid AND ct.id = cc.contact_id"
			" WHERE cc.uniacid = ? AND cc.contact_id = ? ORDER BY cc.created_at, cc.client_id",
			p, 2, CLOUDACCT_FETCH_ALL, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(return_value), row) {
		cloudacct_people_row_bools(row, bools);
		have_current = have_current || Z_TYPE_P(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("current"))) == IS_TRUE;
	} ZEND_HASH_FOREACH_END();
	/* Never switched (or switched away from a company since unbound): the first one is current. */
	if (!have_current && zend_hash_num_elements(Z_ARRVAL_P(return_value)) > 0) {
		row = zend_hash_index_find(Z_ARRVAL_P(return_value), 0);
		add_assoc_bool(row, "current", true);
	}
}

ZEND_METHOD(CloudAcct_People_Contacts, currentCompany)
{
	zval *zactor;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (require_client_actor(&a) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(a.id) };
	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT cc.client_id FROM {client_contact} cc"
			" JOIN {contact} ct ON ct.uniacid = cc.uniacid AND ct.id = cc.contact_id"
			" WHERE cc.uniacid = ? AND cc.contact_id = ?"
			" ORDER BY cc.client_id = ct.current_client_id DESC, cc.created_at, cc.client_id LIMIT 1",
			p, 2, CLOUDACCT_FETCH_VALUE, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	zend_long contact_id;
} pair_ctx;

static zend_result switch_body(cloudacct_connection *c, void *arg)
{
	pair_ctx *x = arg;
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->contact_id),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(x->contact_id),
	};

	/* Only to a company the contact is bound to, checked in the same statement. */
	if (CLOUDACCT_DB_RUN(c, "UPDATE {contact} SET current_client_id = ?, updated_at = ? WHERE uniacid = ? AND id = ?"
			" AND EXISTS (SELECT 1 FROM {client_contact} cc WHERE cc.uniacid = ? AND cc.client_id = ? AND cc.contact_id = ?)",
			p, 7, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_not_found("客户不存在或无权查看 (client %ld not found)", (long) x->client_id);
		return FAILURE;
	}
	return cloudacct_people_audit(x->s, x->a, "contact_switch_company", "client", x->client_id, NULL);
}

ZEND_METHOD(CloudAcct_People_Contacts, switchCompany)
{
	zval *zactor;
	zend_long client_id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(client_id, 2) == FAILURE || require_client_actor(&a) == FAILURE) {
		RETURN_THROWS();
	}
	pair_ctx x = { s, &a, client_id, a.id };
	if (cloudacct_db_transaction(s->db, switch_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- self-registration ---- */

typedef struct {
	cloudacct_store *s;
	zend_string *openid;
	zend_string *name;
	zend_string *phone;
	zend_string *company;
	const char *credit_code; /* NULL = none */
	zend_string *ip;
	zend_long id;
} register_ctx;

static zend_result register_body(cloudacct_connection *c, void *arg)
{
	register_ctx *x = arg;
	zend_long now = cloudacct_clock_now();
	zval pending, detail;
	zend_result rc;

	/* A locking read of the fan's pending registration (or its gap): one pending per fan. */
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_ZSTR(x->openid) };
	ZVAL_UNDEF(&pending);
	if (CLOUDACCT_DB_RUN(c, "SELECT id FROM {registration} WHERE uniacid = ? AND openid = ? AND status = 'pending'"
			" FOR UPDATE", q, 2, CLOUDACCT_FETCH_VALUE, &pending) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(pending) != IS_NULL) {
		cloudacct_throw_validation("openid", "您已提交过申请，正在等待审核，请耐心等候 (a registration is already pending)");
		return FAILURE;
	}
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_ZSTR(x->openid),
		CLOUDACCT_PARAM_ZSTR(x->name),
		CLOUDACCT_PARAM_ZSTR(x->phone),
		CLOUDACCT_PARAM_ZSTR(x->company),
		x->credit_code ? CLOUDACCT_PARAM_STR(x->credit_code, CLOUDACCT_CREDIT_CODE_LEN) : CLOUDACCT_PARAM_NULL(),
		CLOUDACCT_PARAM_LONG(now),
	};
	if (CLOUDACCT_DB_RUN(c, "INSERT INTO {registration} (uniacid, openid, name, phone, company_name, credit_code, status,"
			" created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)", p, 7, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	x->id = (zend_long) cloudacct_db_insert_id(c);
	cloudacct_actor who;
	cloudacct_people_fan_actor(&who, CLOUDACCT_ACTOR_CLIENT, 0, x->ip);
	array_init(&detail);
	add_assoc_str(&detail, "openid", zend_string_copy(x->openid));
	add_assoc_str(&detail, "company_name", zend_string_copy(x->company));
	if (x->credit_code) {
		add_assoc_stringl(&detail, "credit_code", x->credit_code, CLOUDACCT_CREDIT_CODE_LEN);
	}
	rc = cloudacct_people_audit(x->s, &who, "registration_submit", "registration", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Contacts, register)
{
	zend_string *openid, *name, *phone, *company, *credit_in = NULL, *ip = ZSTR_EMPTY_ALLOC();
	char code[CLOUDACCT_CREDIT_CODE_LEN + 1];
	zend_long allowed;

	ZEND_PARSE_PARAMETERS_START(4, 6)
		Z_PARAM_STR(openid)
		Z_PARAM_STR(name)
		Z_PARAM_STR(phone)
		Z_PARAM_STR(company)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(credit_in)
		Z_PARAM_STR(ip)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	if (cloudacct_people_check_ip(ip, 6) == FAILURE || cloudacct_people_check_openid(openid) == FAILURE
			|| check_person(name, phone) == FAILURE
			|| cloudacct_people_check_text(ZSTR_VAL(company), ZSTR_LEN(company), "company_name", "公司名称", 2, 128, false)
				== FAILURE) {
		RETURN_THROWS();
	}
	bool have_code = credit_in && ZSTR_LEN(credit_in) > 0;
	if (have_code) {
		size_t pos;
		cloudacct_credit_code_status st = cloudacct_credit_code_normalize(ZSTR_VAL(credit_in), ZSTR_LEN(credit_in), code)
			? cloudacct_credit_code_check(code, CLOUDACCT_CREDIT_CODE_LEN, &pos)
			: CLOUDACCT_CREDIT_CODE_LENGTH;
		if (st != CLOUDACCT_CREDIT_CODE_OK) {
			cloudacct_throw_validation("credit_code", "%s (credit_code: invalid 统一社会信用代码)",
				cloudacct_credit_code_status_message(st));
			RETURN_THROWS();
		}
	}
	if (cloudacct_settings_long(s, "client_self_register", &allowed) == FAILURE) {
		RETURN_THROWS();
	}
	if (!allowed) {
		cloudacct_throw_forbidden("暂未开放自助注册，请向您的会计索取邀请码 (self-registration is off)");
		RETURN_THROWS();
	}
	register_ctx x = { s, openid, name, phone, company, have_code ? code : NULL, ip, 0 };
	if (cloudacct_db_transaction(s->db, register_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

ZEND_METHOD(CloudAcct_People_Contacts, registrationStatus)
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
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, status, company_name, client_id, review_note, created_at, reviewed_at"
			" FROM {registration} WHERE uniacid = ? AND openid = ? ORDER BY id DESC LIMIT 1", p, 2, CLOUDACCT_FETCH_ROW,
			return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

static const cloudacct_fl registration_filters[] = {
	{ "status", CLOUDACCT_FL_STR, " AND r.status = ?", 1, 16, "pending|approved|rejected" },
	{ "keyword", CLOUDACCT_FL_LIKE, " AND (r.company_name LIKE ? OR r.name LIKE ? OR r.phone LIKE ?)", 3, 64, NULL },
};

ZEND_METHOD(CloudAcct_People_Contacts, registrations)
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
	if (cloudacct_people_check_paging(page, per_page, 3) == FAILURE
			|| cloudacct_people_require_admin(&a, "查看注册申请") == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_fl_init(&q);
	cloudacct_fl_add(&q, NULL, CLOUDACCT_PARAM_LONG(s->uniacid));
	zend_result rc = filter ? cloudacct_fl_apply(filter, registration_filters,
		sizeof(registration_filters) / sizeof(registration_filters[0]), &q) : SUCCESS;
	if (rc == SUCCESS) {
		rc = cloudacct_people_paged(s,
			"r.id, r.name, r.phone, r.company_name, r.credit_code, r.status, r.client_id, r.reviewed_by, r.review_note,"
			" r.created_at, r.reviewed_at",
			"FROM {registration} r WHERE r.uniacid = ?", &q, "r.id DESC", page, per_page, NULL, NULL, return_value);
	}
	cloudacct_fl_free(&q);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

/* A registration that is no longer pending. */
static void not_pending(zend_long id, zval *status)
{
	const char *st = status && Z_TYPE_P(status) == IS_STRING ? Z_STRVAL_P(status) : "";
	const char *zh = strcmp(st, "approved") == 0 ? "已通过" : strcmp(st, "rejected") == 0 ? "已拒绝" : st;
	cloudacct_throw_invalid_transition(st, "该注册申请已处理（%s），请刷新列表 (registration %ld is %s)", zh, (long) id, st);
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id;
	zend_long chosen_id; /* the company the admin chose, 0 = make one */
	zend_long client_id; /* out: the company bound to */
	zend_long store_id;
	zend_string *reason;
} review_ctx;

static zend_result approve_body(cloudacct_connection *c, void *arg)
{
	review_ctx *x = arg;
	zval reg, detail;
	zend_long contact_id = 0;
	bool created = false, added;
	zend_result rc = FAILURE;

	/* From the choice, not from a previous attempt: a deadlock retry runs this body again. */
	x->client_id = x->chosen_id;
	cloudacct_param g[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->id) };
	ZVAL_UNDEF(&reg);
	if (CLOUDACCT_DB_RUN(c, "SELECT openid, name, phone, company_name, credit_code, status FROM {registration}"
			" WHERE uniacid = ? AND id = ? FOR UPDATE", g, 2, CLOUDACCT_FETCH_ROW, &reg) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(reg) != IS_ARRAY) {
		cloudacct_throw_not_found("注册申请不存在 (registration %ld not found)", (long) x->id);
		return FAILURE;
	}
	zval *status = zend_hash_str_find(Z_ARRVAL(reg), ZEND_STRL("status"));
	if (!zend_string_equals_literal(Z_STR_P(status), "pending")) {
		not_pending(x->id, status);
		goto done;
	}
	if (x->client_id == 0) {
		/* A new company from what the registrant typed, through the same checks as create(). */
		zval data;
		cloudacct_pf_values v;
		array_init(&data);
		zval *company = zend_hash_str_find(Z_ARRVAL(reg), ZEND_STRL("company_name"));
		zval *code = zend_hash_str_find(Z_ARRVAL(reg), ZEND_STRL("credit_code"));
		Z_TRY_ADDREF_P(company);
		add_assoc_zval(&data, "name", company);
		Z_TRY_ADDREF_P(code);
		add_assoc_zval(&data, "credit_code", code);
		add_assoc_long(&data, "store_id", x->store_id);
		rc = cloudacct_pf_parse(Z_ARRVAL(data), cloudacct_client_fields, cloudacct_n_client_fields, true, &v);
		zval_ptr_dtor(&data);
		if (rc == SUCCESS) {
			rc = cloudacct_people_client_insert(x->s, x->a, &v, &x->client_id);
			cloudacct_pf_free(&v);
		}
		if (rc == FAILURE) {
			goto done;
		}
		created = true;
	}
	rc = FAILURE;
	if (cloudacct_people_contact_upsert(x->s, Z_STR_P(zend_hash_str_find(Z_ARRVAL(reg), ZEND_STRL("openid"))),
			Z_STR_P(zend_hash_str_find(Z_ARRVAL(reg), ZEND_STRL("name"))),
			Z_STR_P(zend_hash_str_find(Z_ARRVAL(reg), ZEND_STRL("phone"))), x->client_id, &contact_id) == FAILURE
			|| cloudacct_people_contact_link(x->s, x->client_id, contact_id, "owner", &added) == FAILURE) {
		goto done;
	}
	cloudacct_param u[] = {
		CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(x->a->id),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->id),
	};
	if (CLOUDACCT_DB_RUN(c, "UPDATE {registration} SET status = 'approved', client_id = ?, reviewed_by = ?,"
			" reviewed_at = ? WHERE uniacid = ? AND id = ? AND status = 'pending'", u, 5, CLOUDACCT_FETCH_NONE, NULL)
			== FAILURE) {
		goto done;
	}
	if (cloudacct_db_affected_rows(c) != 1) {
		cloudacct_throw_conflict("该注册申请刚被其他管理员处理，请刷新列表 (registration reviewed concurrently)");
		goto done;
	}
	array_init(&detail);
	add_assoc_long(&detail, "client_id", x->client_id);
	add_assoc_long(&detail, "contact_id", contact_id);
	add_assoc_bool(&detail, "client_created", created);
	rc = cloudacct_people_audit(x->s, x->a, "registration_approve", "registration", x->id, &detail);
	zval_ptr_dtor(&detail);
	if (rc == SUCCESS && added) {
		array_init(&detail);
		add_assoc_long(&detail, "contact_id", contact_id);
		add_assoc_string(&detail, "role", "owner");
		add_assoc_long(&detail, "registration_id", x->id);
		rc = cloudacct_people_audit(x->s, x->a, "contact_bind", "client", x->client_id, &detail);
		zval_ptr_dtor(&detail);
	}
done:
	zval_ptr_dtor(&reg);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Contacts, approve)
{
	zval *zactor;
	zend_long id, client_id = 0, store_id = 0;
	bool client_null = true;
	cloudacct_actor a;
	cloudacct_client_info info;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(client_id, client_null)
		Z_PARAM_LONG(store_id)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE || (!client_null && cloudacct_people_check_id(client_id, 3) == FAILURE)) {
		RETURN_THROWS();
	}
	if (store_id < 0 || store_id > UINT32_MAX) {
		zend_argument_value_error(4, "must be between 0 and %u", UINT32_MAX);
		RETURN_THROWS();
	}
	if (cloudacct_people_require_admin(&a, "审核注册申请") == FAILURE) {
		RETURN_THROWS();
	}
	if (!client_null) {
		if (cloudacct_people_authorize_client(s, &a, client_id, &info) == FAILURE) {
			RETURN_THROWS();
		}
	} else if (cloudacct_people_check_target_store(s, &a, store_id, "store_id") == FAILURE) {
		RETURN_THROWS();
	}
	review_ctx x = { s, &a, id, client_null ? 0 : client_id, 0, store_id, NULL };
	if (cloudacct_db_transaction(s->db, approve_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.client_id);
}

static zend_result reject_body(cloudacct_connection *c, void *arg)
{
	review_ctx *x = arg;
	zval status, detail;
	zend_result rc;
	cloudacct_param u[] = {
		CLOUDACCT_PARAM_ZSTR(x->reason),
		CLOUDACCT_PARAM_LONG(x->a->id),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->id),
	};

	if (CLOUDACCT_DB_RUN(c, "UPDATE {registration} SET status = 'rejected', review_note = ?, reviewed_by = ?,"
			" reviewed_at = ? WHERE uniacid = ? AND id = ? AND status = 'pending'", u, 5, CLOUDACCT_FETCH_NONE, NULL)
			== FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(c) != 1) {
		cloudacct_param g[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->id) };
		ZVAL_UNDEF(&status);
		if (CLOUDACCT_DB_RUN(c, "SELECT status FROM {registration} WHERE uniacid = ? AND id = ?", g, 2,
				CLOUDACCT_FETCH_VALUE, &status) == FAILURE) {
			return FAILURE;
		}
		if (Z_TYPE(status) == IS_STRING) {
			not_pending(x->id, &status);
		} else {
			cloudacct_throw_not_found("注册申请不存在 (registration %ld not found)", (long) x->id);
		}
		zval_ptr_dtor(&status);
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_str(&detail, "reason", zend_string_copy(x->reason));
	rc = cloudacct_people_audit(x->s, x->a, "registration_reject", "registration", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Contacts, reject)
{
	zval *zactor;
	zend_long id;
	zend_string *reason = ZSTR_EMPTY_ALLOC();
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(reason)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(id, 2) == FAILURE || cloudacct_people_require_admin(&a, "审核注册申请") == FAILURE
			|| cloudacct_people_check_text(ZSTR_VAL(reason), ZSTR_LEN(reason), "reason", "拒绝原因", 0, 255, false)
				== FAILURE) {
		RETURN_THROWS();
	}
	review_ctx x = { s, &a, id, 0, 0, 0, reason };
	if (cloudacct_db_transaction(s->db, reject_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- bindings ---- */

static zend_result unbind_body(cloudacct_connection *c, void *arg)
{
	pair_ctx *x = arg;
	zval detail;
	zend_result rc;
	cloudacct_param d[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(x->contact_id) };

	if (CLOUDACCT_DB_RUN(c, "DELETE FROM {client_contact} WHERE uniacid = ? AND client_id = ? AND contact_id = ?", d, 3,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(c) == 0) {
		cloudacct_throw_not_found("该联系人没有绑定此客户 (contact %ld is not bound to client %ld)", (long) x->contact_id,
			(long) x->client_id);
		return FAILURE;
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(cloudacct_clock_now()), CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->contact_id), CLOUDACCT_PARAM_LONG(x->client_id) };
	if (CLOUDACCT_DB_RUN(c, "UPDATE {contact} SET current_client_id = 0, updated_at = ? WHERE uniacid = ? AND id = ?"
			" AND current_client_id = ?", u, 4, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "contact_id", x->contact_id);
	rc = cloudacct_people_audit(x->s, x->a, "contact_unbind", "client", x->client_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_People_Contacts, unbind)
{
	zval *zactor;
	zend_long client_id, contact_id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_LONG(contact_id)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(client_id, 2) == FAILURE || cloudacct_people_check_id(contact_id, 3) == FAILURE
			|| cloudacct_people_require_admin(&a, "解除联系人绑定") == FAILURE
			|| cloudacct_people_authorize_client(s, &a, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	pair_ctx x = { s, &a, client_id, contact_id };
	if (cloudacct_db_transaction(s->db, unbind_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_People_Contacts, listForClient)
{
	static const char *const bools[] = { "wechat_bound", NULL };
	static const char *const hidden_from_clients[] = { "phone", NULL };
	zval *zactor, *row;
	zend_long client_id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
	ZEND_PARSE_PARAMETERS_END();

	CLOUDACCT_PEOPLE_STORE(s);
	CLOUDACCT_PEOPLE_ACTOR(zactor, &a);
	if (cloudacct_people_check_id(client_id, 2) == FAILURE
			|| cloudacct_people_authorize_client(s, &a, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT ct.id AS contact_id, ct.name, ct.phone, cc.role, cc.created_at AS bound_at,"
			" ct.openid IS NOT NULL AS wechat_bound FROM {client_contact} cc"
			" JOIN {contact} ct ON ct.uniacid = cc.uniacid AND ct.id = cc.contact_id"
			" WHERE cc.uniacid = ? AND cc.client_id = ? ORDER BY cc.created_at, ct.id",
			p, 2, CLOUDACCT_FETCH_ALL, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(return_value), row) {
		cloudacct_people_row_bools(row, bools);
		if (a.kind == CLOUDACCT_ACTOR_CLIENT) {
			cloudacct_people_row_drop(row, hidden_from_clients);
		}
	} ZEND_HASH_FOREACH_END();
}
