/* CloudAcct\Work\Orders: placing orders at a server-side price snapshot, cancelling, the settle
 * hook the money area calls (work.h), refunds, and fulfilment when the job closes. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "ext/random/php_random.h"
#include "internal.h"
#include "work.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../core/money.h"
#include "../core/text.h"
#include "../people/people.h"
#include "../notices/outbox.h"

zend_class_entry *cloudacct_ce_Work_Orders;

#define ORDER_COLUMNS \
	"o.id, o.order_no, o.client_id, o.contact_id, o.service_id, o.title, o.price_fen, o.price_type, o.amount_fen," \
	" o.status, o.paid_fen, o.refunded_fen, o.pay_channel, o.pay_ref, o.job_title, o.job_description, o.urgency," \
	" o.attachments, o.job_id, o.note, o.expires_at, o.paid_at, o.closed_at, o.created_at, o.updated_at, o.version"

typedef struct {
	zend_long id, client_id, job_id, version, amount_fen, paid_fen, refunded_fen;
	cloudacct_order_state status;
	zval row; /* owned */
} order_t;

static void order_fill(order_t *o)
{
	size_t len;
	const char *st = cloudacct_work_str(&o->row, "status", &len);

	o->id = cloudacct_work_long(&o->row, "id");
	o->client_id = cloudacct_work_long(&o->row, "client_id");
	o->job_id = cloudacct_work_long(&o->row, "job_id");
	o->version = cloudacct_work_long(&o->row, "version");
	o->amount_fen = cloudacct_work_long(&o->row, "amount_fen");
	o->paid_fen = cloudacct_work_long(&o->row, "paid_fen");
	o->refunded_fen = cloudacct_work_long(&o->row, "refunded_fen");
	if (!cloudacct_order_state_parse(st, len, &o->status)) {
		o->status = CLOUDACCT_ORDER_CANCELLED;
	}
}

/* The order with what authorisation needs: the client's store and accountant, the job's assignee. */
static zend_result order_fetch(cloudacct_store *s, zend_long id, const char *no, size_t no_len, order_t *o, bool *found)
{
	zend_result rc;

	ZVAL_UNDEF(&o->row);
	if (no) {
		cloudacct_param p[] = { CLOUDACCT_PARAM_STR(no, no_len), CLOUDACCT_PARAM_LONG(s->uniacid) };
		rc = CLOUDACCT_DB_RUN(s->db, "SELECT " ORDER_COLUMNS ", c.store_id, c.accountant_id, j.assignee_id FROM {order} o"
			" LEFT JOIN {client} c ON c.id = o.client_id AND c.uniacid = o.uniacid"
			" LEFT JOIN {job} j ON j.id = o.job_id AND j.uniacid = o.uniacid WHERE o.order_no = ? AND o.uniacid = ?",
			p, 2, CLOUDACCT_FETCH_ROW, &o->row);
	} else {
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(id), CLOUDACCT_PARAM_LONG(s->uniacid) };
		rc = CLOUDACCT_DB_RUN(s->db, "SELECT " ORDER_COLUMNS ", c.store_id, c.accountant_id, j.assignee_id FROM {order} o"
			" LEFT JOIN {client} c ON c.id = o.client_id AND c.uniacid = o.uniacid"
			" LEFT JOIN {job} j ON j.id = o.job_id AND j.uniacid = o.uniacid WHERE o.id = ? AND o.uniacid = ?",
			p, 2, CLOUDACCT_FETCH_ROW, &o->row);
	}
	if (rc == FAILURE) {
		return FAILURE;
	}
	*found = Z_TYPE(o->row) == IS_ARRAY;
	if (*found) {
		order_fill(o);
	}
	return SUCCESS;
}

static void order_free(order_t *o)
{
	zval_ptr_dtor(&o->row);
	ZVAL_UNDEF(&o->row);
}

/* Clients: their companies; staff: the exclusive accountant or the job's assignee; admins: their stores. */
static zend_result order_load(cloudacct_store *s, const cloudacct_actor *a, zend_long id, const char *no, size_t no_len,
	order_t *o)
{
	bool found = false, yes = false;

	if (order_fetch(s, id, no, no_len, o, &found) == FAILURE) {
		return FAILURE;
	}
	if (found) {
		zend_result rc = SUCCESS;
		switch (a->kind) {
			case CLOUDACCT_ACTOR_SYSTEM:
				yes = true;
				break;
			case CLOUDACCT_ACTOR_ADMIN:
				rc = cloudacct_people_admin_may_store(s, a->id, cloudacct_work_long(&o->row, "store_id"), &yes);
				break;
			case CLOUDACCT_ACTOR_STAFF:
				yes = cloudacct_work_long(&o->row, "accountant_id") == a->id || cloudacct_work_long(&o->row, "assignee_id") == a->id;
				break;
			case CLOUDACCT_ACTOR_CLIENT:
				rc = cloudacct_people_contact_in_client(s, a->id, o->client_id, &yes);
				break;
		}
		if (rc == FAILURE) {
			order_free(o);
			return FAILURE;
		}
	}
	if (!found || !yes) {
		order_free(o);
		cloudacct_throw_not_found("订单不存在或无权查看 (order not found)");
		return FAILURE;
	}
	return SUCCESS;
}

static void order_out(const cloudacct_actor *a, order_t *o, zval *out)
{
	char buf[CLOUDACCT_MONEY_BUFSZ];
	zval actions, atts;
	uint32_t mask = cloudacct_order_allowed_events(o->status, a->kind);

	ZVAL_COPY_VALUE(out, &o->row);
	ZVAL_UNDEF(&o->row);
	zend_hash_str_del(Z_ARRVAL_P(out), ZEND_STRL("accountant_id"));
	zend_hash_str_del(Z_ARRVAL_P(out), ZEND_STRL("assignee_id"));
	add_assoc_string(out, "status_label", (char *) cloudacct_order_state_label(o->status));
	size_t n = cloudacct_money_format(o->amount_fen, buf);
	add_assoc_stringl(out, "amount", buf, n);
	zval *a_json = zend_hash_str_find(Z_ARRVAL_P(out), ZEND_STRL("attachments"));
	if (a_json && Z_TYPE_P(a_json) == IS_STRING) {
		if (php_json_decode_ex(&atts, Z_STRVAL_P(a_json), Z_STRLEN_P(a_json), PHP_JSON_OBJECT_AS_ARRAY, 4) == FAILURE
				|| Z_TYPE(atts) != IS_ARRAY) {
			zval_ptr_dtor(&atts);
			array_init(&atts);
		}
		zend_hash_str_update(Z_ARRVAL_P(out), ZEND_STRL("attachments"), &atts);
	}
	array_init(&actions);
	for (int ev = 0; ev < CLOUDACCT_ORDER_EVENT_COUNT; ev++) {
		if (mask & (1u << ev)) {
			add_next_index_string(&actions, cloudacct_order_event_name((cloudacct_order_event) ev));
		}
	}
	add_assoc_zval(out, "actions", &actions);
}

static bool order_decide(const cloudacct_actor *a, order_t *o, cloudacct_order_event ev, cloudacct_order_state *to)
{
	switch (cloudacct_order_transition(o->status, ev, a->kind, to)) {
		case CLOUDACCT_FSM_OK:
			return true;
		case CLOUDACCT_FSM_FORBIDDEN:
			cloudacct_throw_forbidden("您不能对该订单执行“%s” (not allowed for %s)", cloudacct_order_event_label(ev),
				cloudacct_actor_kind_name(a->kind));
			return false;
		default:
			cloudacct_throw_invalid_transition(cloudacct_order_state_name(o->status),
				"订单当前状态为“%s”，不能“%s” (cannot %s an order that is %s)", cloudacct_order_state_label(o->status),
				cloudacct_order_event_label(ev), cloudacct_order_event_name(ev), cloudacct_order_state_name(o->status));
			return false;
	}
}

/* ---- order numbers ---- */

/* YYYYMMDD (China date) + uniacid (at least 6 digits) + 10 random digits: ≤ 28 characters, digits
 * only, so it is a valid out_trade_no; the uniacid part keeps tenants apart, the length keeps
 * different uniacid widths apart. Collisions are retried by the caller. */
static void order_number(zend_long uniacid, char out[33])
{
	char date[CLOUDACCT_DATE_BUFSZ];
	zend_long r1 = 0, r2 = 0;
	int32_t d = cloudacct_date_from_ts(cloudacct_clock_now(), CLOUDACCT_TZ_CHINA);

	cloudacct_date_format(d, date);
	if (php_random_int_silent(0, 99999, &r1) == FAILURE || php_random_int_silent(0, 99999, &r2) == FAILURE) {
		r1 = (zend_long) (getpid() % 100000);
		r2 = (zend_long) (time(NULL) % 100000);
	}
	snprintf(out, 33, "%.4s%.2s%.2s%06ld%05ld%05ld", date, date + 5, date + 8, (long) uniacid, (long) r1, (long) r2);
}

/* ---- placing ---- */

/* clang-format off */
static const cloudacct_work_field place_fields[] = {
	{ "title", "需求标题", WORK_F_TEXT, 1, 64, NULL, false },
	{ "description", "需求描述", WORK_F_MULTILINE, 0, 2000, NULL, false },
	{ "urgency", "紧急程度", WORK_F_INT, 0, 1, NULL, false },
	{ "attachments", "附件", WORK_F_REF_LIST, 0, 9, NULL, false },
};
/* clang-format on */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id, contact_id;
	zval *service; /* the service row */
	zval *form;
	zend_long id;
} place_ctx;

static zend_result place_insert(place_ctx *x, zend_string *attachments_json)
{
	zval *svc = x->service;
	zend_long now = cloudacct_clock_now(), unpaid = 30;
	zval minutes;
	static const char *const names[] = { "order_unpaid_minutes" };
	char no[33];
	size_t tlen, ptlen;
	const char *title = cloudacct_work_str(svc, "title", &tlen), *ptype = cloudacct_work_str(svc, "price_type", &ptlen);
	zend_long price = cloudacct_work_long(svc, "price_fen");

	if (cloudacct_work_settings(x->s, names, 1, &minutes) == FAILURE) {
		return FAILURE;
	}
	unpaid = zval_get_long(&minutes);
	zval_ptr_dtor(&minutes);
	for (int attempt = 0;; attempt++) {
		order_number(x->s->uniacid, no);
		cloudacct_param p[] = {
			CLOUDACCT_PARAM_LONG(x->s->uniacid),
			CLOUDACCT_PARAM_STR(no, strlen(no)),
			CLOUDACCT_PARAM_LONG(x->client_id),
			CLOUDACCT_PARAM_LONG(x->contact_id),
			CLOUDACCT_PARAM_LONG(cloudacct_work_long(svc, "id")),
			CLOUDACCT_PARAM_STR(title, tlen),
			CLOUDACCT_PARAM_LONG(price),
			CLOUDACCT_PARAM_STR(ptype, ptlen),
			CLOUDACCT_PARAM_LONG(price),
			CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(x->form, "title")),
			CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(x->form, "description")),
			CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(x->form, "urgency", 0)),
			CLOUDACCT_PARAM_ZSTR(attachments_json),
			CLOUDACCT_PARAM_LONG(now + unpaid * 60),
			CLOUDACCT_PARAM_LONG(now),
			CLOUDACCT_PARAM_LONG(now),
		};
		if (CLOUDACCT_DB_RUN(x->s->db,
				"INSERT INTO {order} (uniacid, order_no, client_id, contact_id, service_id, title, price_fen, price_type,"
				" amount_fen, status, job_title, job_description, urgency, attachments, expires_at, created_at, updated_at)"
				" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending_payment', ?, ?, ?, ?, ?, ?, ?)",
				p, 16, CLOUDACCT_FETCH_NONE, NULL) == SUCCESS) {
			x->id = (zend_long) cloudacct_db_insert_id(x->s->db);
			return SUCCESS;
		}
		/* A random-part collision: MySQL keeps the transaction, so draw another number. */
		if (attempt >= 4 || !EG(exception) || !instanceof_function(EG(exception)->ce, cloudacct_ce_DuplicateKeyException)) {
			return FAILURE;
		}
		zend_clear_exception();
	}
}

static zend_result place_body(cloudacct_connection *c, void *ctx)
{
	place_ctx *x = ctx;
	zval empty, *att = zend_hash_str_find(Z_ARRVAL_P(x->form), ZEND_STRL("attachments"));
	zend_string *json;

	array_init(&empty);
	json = cloudacct_work_json(att ? att : &empty, "attachments");
	zval_ptr_dtor(&empty);
	if (!json) {
		return FAILURE;
	}
	zend_result rc = place_insert(x, json);
	zend_string_release(json);
	if (rc == FAILURE) {
		return FAILURE;
	}
	zval detail;
	array_init_size(&detail, 3);
	add_assoc_long(&detail, "client_id", x->client_id);
	add_assoc_long(&detail, "service_id", cloudacct_work_long(x->service, "id"));
	add_assoc_long(&detail, "amount_fen", cloudacct_work_long(x->service, "price_fen"));
	rc = cloudacct_work_audit(x->s, x->a, "order_place", "order", x->id, &detail);
	zval_ptr_dtor(&detail);
	if (rc == FAILURE) {
		return FAILURE;
	}
	/* A free service needs no payment: it is settled at once and its job created. */
	if (cloudacct_work_long(x->service, "price_fen") == 0) {
		cloudacct_actor system = { CLOUDACCT_ACTOR_SYSTEM, 0, x->a->ip };
		zend_long job_id;
		bool already;
		return cloudacct_work_order_settle(x->s, &system, x->id, 0, "free", 4, "free", 4, &job_id, &already);
	}
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Work_Orders, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Work_Orders, place)
{
	zval *zactor, form, svc;
	zend_long client_id, service_id;
	HashTable *request = NULL;
	cloudacct_actor actor;
	cloudacct_client_info client;
	order_t o;
	bool found;

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_LONG(service_id)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(request)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	if (actor.kind != CLOUDACCT_ACTOR_CLIENT && actor.kind != CLOUDACCT_ACTOR_ADMIN) {
		cloudacct_throw_forbidden("只有客户或管理员可以下单 (clients and admins only)");
		RETURN_THROWS();
	}
	HashTable empty;
	zend_hash_init(&empty, 0, NULL, NULL, 0);
	bool ok = cloudacct_work_form(request ? request : &empty, place_fields, 4, &form);
	zend_hash_destroy(&empty);
	if (!ok) {
		RETURN_THROWS();
	}
	ZVAL_UNDEF(&svc);
	if (cloudacct_people_authorize_client(s, &actor, client_id, &client) == FAILURE) {
		goto fail;
	}
	if (!client.active) {
		cloudacct_throw_forbidden("该客户已停用，不能下单 (client is not active)");
		goto fail;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(service_id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, title, price_fen, price_type FROM {service}"
			" WHERE id = ? AND uniacid = ? AND deleted_at = 0 AND on_sale = 1", p, 2, CLOUDACCT_FETCH_ROW, &svc) == FAILURE) {
		goto fail;
	}
	if (Z_TYPE(svc) != IS_ARRAY) {
		cloudacct_throw_not_found("服务不存在或已下架 (service %ld not found or not on sale)", (long) service_id);
		goto fail;
	}
	place_ctx x = { s, &actor, client_id, actor.kind == CLOUDACCT_ACTOR_CLIENT ? actor.id : 0, &svc, &form, 0 };
	if (cloudacct_db_transaction(s->db, place_body, &x, 0) == FAILURE
			|| order_fetch(s, x.id, NULL, 0, &o, &found) == FAILURE) {
		goto fail;
	}
	zval_ptr_dtor(&svc);
	zval_ptr_dtor(&form);
	order_out(&actor, &o, return_value);
	return;
fail:
	zval_ptr_dtor(&svc);
	zval_ptr_dtor(&form);
	RETURN_THROWS();
}

static void orders_get(INTERNAL_FUNCTION_PARAMETERS, bool by_number)
{
	zval *zactor;
	zend_long id = 0;
	zend_string *no = NULL;
	cloudacct_actor actor;
	order_t o;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		if (by_number) {
			Z_PARAM_STR(no)
		} else {
			Z_PARAM_LONG(id)
		}
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || order_load(s, &actor, id, no ? ZSTR_VAL(no) : NULL, no ? ZSTR_LEN(no) : 0, &o) == FAILURE) {
		RETURN_THROWS();
	}
	order_out(&actor, &o, return_value);
}

ZEND_METHOD(CloudAcct_Work_Orders, get)
{
	orders_get(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

ZEND_METHOD(CloudAcct_Work_Orders, getByNumber)
{
	orders_get(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

/* clang-format off */
static const cloudacct_work_field order_filters[] = {
	{ "client_id", "客户", WORK_F_INT, 1, 4294967295LL, NULL, false },
	{ "status", "状态", WORK_F_ENUM, 0, 0, "pending_payment|paid|fulfilled|cancelled|refunding|refunded|partially_refunded", false },
};
/* clang-format on */

ZEND_METHOD(CloudAcct_Work_Orders, list)
{
	zval *zactor, form, total, items, *row;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor actor;
	cloudacct_param p[10];
	uint32_t n = 0;
	smart_str where = { 0 }, sql = { 0 };

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
	bool ok = cloudacct_work_form(filter ? filter : &empty, order_filters, 2, &form);
	zend_hash_destroy(&empty);
	if (!ok) {
		RETURN_THROWS();
	}
	zend_long client_id = cloudacct_work_form_long(&form, "client_id", 0);
	zend_result rc = SUCCESS;
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	/* Clients and staff list one company's orders at a time; admins may list across theirs. */
	if (actor.kind == CLOUDACCT_ACTOR_CLIENT || actor.kind == CLOUDACCT_ACTOR_STAFF || client_id) {
		if (client_id == 0) {
			cloudacct_throw_validation("client_id", "请指定客户 (client_id is required)");
			rc = FAILURE;
		} else {
			rc = cloudacct_people_authorize_client(s, &actor, client_id, NULL);
		}
		smart_str_appends(&where, " AND o.client_id = ?");
		p[n++] = CLOUDACCT_PARAM_LONG(client_id);
	} else if (actor.kind == CLOUDACCT_ACTOR_ADMIN) {
		smart_str_appends(&where, " AND (NOT EXISTS (SELECT 1 FROM {admin_store} x WHERE x.uniacid = ? AND x.we7_uid = ?)"
			" OR c.store_id IN (SELECT y.store_id FROM {admin_store} y WHERE y.uniacid = ? AND y.we7_uid = ?))");
		p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
		p[n++] = CLOUDACCT_PARAM_LONG(actor.id);
		p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
		p[n++] = CLOUDACCT_PARAM_LONG(actor.id);
	}
	if (cloudacct_work_form_has(&form, "status")) {
		smart_str_appends(&where, " AND o.status = ?");
		p[n++] = CLOUDACCT_PARAM_ZSTR(cloudacct_work_form_str(&form, "status"));
	}
	smart_str_0(&where);
	const char *w = where.s ? ZSTR_VAL(where.s) : "";
	if (rc == SUCCESS) {
		smart_str_append_printf(&sql, "SELECT COUNT(*) FROM {order} o JOIN {client} c ON c.id = o.client_id"
			" AND c.uniacid = o.uniacid WHERE o.uniacid = ?%s", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_VALUE, &total);
		smart_str_free(&sql);
	}
	if (rc == SUCCESS) {
		p[n++] = CLOUDACCT_PARAM_LONG(per_page);
		p[n++] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
		smart_str_append_printf(&sql, "SELECT o.id, o.order_no, o.client_id, o.service_id, o.title, o.amount_fen,"
			" o.status, o.paid_fen, o.refunded_fen, o.job_id, o.expires_at, o.paid_at, o.created_at FROM {order} o"
			" JOIN {client} c ON c.id = o.client_id AND c.uniacid = o.uniacid WHERE o.uniacid = ?%s"
			" ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, &items);
		smart_str_free(&sql);
	}
	smart_str_free(&where);
	zval_ptr_dtor(&form);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(items), row) {
		size_t len;
		const char *st = cloudacct_work_str(row, "status", &len);
		cloudacct_order_state os;
		if (cloudacct_order_state_parse(st, len, &os)) {
			add_assoc_string(row, "status_label", (char *) cloudacct_order_state_label(os));
		}
	} ZEND_HASH_FOREACH_END();
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", zval_get_long(&total));
	add_assoc_zval(return_value, "items", &items);
}

/* ---- state changes ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	order_t *o;
	cloudacct_order_event ev;
	cloudacct_order_state to;
	zend_string *note;
	zend_long amount; /* refund_done: the amount refunded now */
} order_step_ctx;

static zend_result order_step_body(cloudacct_connection *c, void *ctx)
{
	order_step_ctx *x = ctx;
	order_t *o = x->o;
	const char *to = cloudacct_order_state_name(x->to), *from = cloudacct_order_state_name(o->status);
	size_t olen;
	const char *old_note = cloudacct_work_str(&o->row, "note", &olen);
	zend_long now = cloudacct_clock_now();
	bool closing = x->to == CLOUDACCT_ORDER_CANCELLED;
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_STR(to, strlen(to)),
		CLOUDACCT_PARAM_LONG(x->amount),
		x->note ? CLOUDACCT_PARAM_ZSTR(x->note) : CLOUDACCT_PARAM_STR(old_note, olen),
		CLOUDACCT_PARAM_LONG(closing ? now : cloudacct_work_long(&o->row, "closed_at")),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(o->id),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_STR(from, strlen(from)),
		CLOUDACCT_PARAM_LONG(o->version),
		CLOUDACCT_PARAM_LONG(x->amount),
	};
	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {order} SET status = ?, refunded_fen = refunded_fen + ?, note = ?,"
			" closed_at = ?, lease_until = 0, lease_token = NULL, updated_at = ?, version = version + 1"
			" WHERE id = ? AND uniacid = ? AND status = ? AND version = ? AND refunded_fen + ? <= paid_fen",
			p, 10, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(x->s->db) == 0) {
		cloudacct_throw_conflict("订单刚被他人更新，请刷新后重试 (the order changed meanwhile)");
		return FAILURE;
	}
	zval detail;
	char action[40];
	array_init_size(&detail, 4);
	add_assoc_string(&detail, "from", (char *) from);
	add_assoc_string(&detail, "to", (char *) to);
	if (x->amount) {
		add_assoc_long(&detail, "refund_fen", x->amount);
	}
	if (x->note) {
		add_assoc_str(&detail, "note", zend_string_copy(x->note));
	}
	snprintf(action, sizeof(action), "order_%s", cloudacct_order_event_name(x->ev));
	zend_result rc = cloudacct_work_audit(x->s, x->a, action, "order", o->id, &detail);
	zval_ptr_dtor(&detail);
	if (rc == FAILURE) {
		return FAILURE;
	}
	/* Refund requests go to the admins; refund results to the client who paid. */
	zval payload;
	char dedup[96];
	size_t nlen;
	const char *no = cloudacct_work_str(&o->row, "order_no", &nlen);
	zend_long contact = cloudacct_work_long(&o->row, "contact_id");
	array_init_size(&payload, 3);
	add_assoc_long(&payload, "order_id", o->id);
	add_assoc_stringl(&payload, "order_no", no, nlen);
	add_assoc_string(&payload, "status", (char *) to);
	snprintf(dedup, sizeof(dedup), "order_%s:%ld:%ld", cloudacct_order_event_name(x->ev), (long) o->id, (long) o->version + 1);
	if (x->ev == CLOUDACCT_ORDER_EV_REFUND_REQUEST) {
		rc = cloudacct_outbox_enqueue(x->s, "admin", 0, "refund", &payload, dedup);
	} else if ((x->ev == CLOUDACCT_ORDER_EV_REFUND_DONE || x->ev == CLOUDACCT_ORDER_EV_REFUND_DONE_PARTIAL) && contact) {
		rc = cloudacct_outbox_enqueue(x->s, "client", contact, "refund", &payload, dedup);
	}
	zval_ptr_dtor(&payload);
	return rc;
}

static zend_result order_step(cloudacct_store *s, const cloudacct_actor *a, order_t *o, cloudacct_order_event ev,
	zend_string *note, zend_long amount)
{
	order_step_ctx x = { s, a, o, ev, CLOUDACCT_ORDER_PENDING_PAYMENT, note, amount };
	if (!order_decide(a, o, ev, &x.to)) {
		return FAILURE;
	}
	return cloudacct_db_transaction(s->db, order_step_body, &x, 0);
}

ZEND_METHOD(CloudAcct_Work_Orders, cancel)
{
	zval *zactor;
	zend_long id;
	zend_string *reason = NULL;
	cloudacct_actor actor;
	order_t o;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(reason)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || (reason && !cloudacct_work_check_text("reason", "取消原因", reason, 0, 255, true))
			|| order_load(s, &actor, id, NULL, 0, &o) == FAILURE) {
		RETURN_THROWS();
	}
	zend_result rc = order_step(s, &actor, &o, CLOUDACCT_ORDER_EV_CANCEL, reason, 0);
	order_free(&o);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Work_Orders, requestRefund)
{
	zval *zactor;
	zend_long id;
	zend_string *reason;
	cloudacct_actor actor;
	order_t o;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_STR(reason)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_work_check_text("reason", "退款原因", reason, 1, 255, true)
			|| order_load(s, &actor, id, NULL, 0, &o) == FAILURE) {
		RETURN_THROWS();
	}
	zend_result rc = order_step(s, &actor, &o, CLOUDACCT_ORDER_EV_REFUND_REQUEST, reason, 0);
	order_free(&o);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

zend_result cloudacct_work_order_refund_settled(cloudacct_store *s, const cloudacct_actor *a, zend_long order_id,
	zend_long amount_fen, cloudacct_order_state *new_state)
{
	order_t o;
	bool found = false;

	if (!cloudacct_work_require_system(a)) {
		return FAILURE;
	}
	if (order_fetch(s, order_id, NULL, 0, &o, &found) == FAILURE) {
		return FAILURE;
	}
	if (!found) {
		cloudacct_throw_not_found("订单不存在 (order %ld not found)", (long) order_id);
		return FAILURE;
	}
	zend_result rc = FAILURE;
	if (amount_fen <= 0 || amount_fen > o.paid_fen - o.refunded_fen) {
		cloudacct_throw_validation("amount_fen", "退款金额须大于 0 且不超过可退金额 %ld 分 (refund must be 1..%ld fen)",
			(long) (o.paid_fen - o.refunded_fen), (long) (o.paid_fen - o.refunded_fen));
	} else {
		cloudacct_order_event ev = o.refunded_fen + amount_fen == o.paid_fen ? CLOUDACCT_ORDER_EV_REFUND_DONE
			: CLOUDACCT_ORDER_EV_REFUND_DONE_PARTIAL;
		rc = order_step(s, a, &o, ev, NULL, amount_fen);
		*new_state = ev == CLOUDACCT_ORDER_EV_REFUND_DONE ? CLOUDACCT_ORDER_REFUNDED : CLOUDACCT_ORDER_PARTIALLY_REFUNDED;
	}
	order_free(&o);
	return rc;
}

ZEND_METHOD(CloudAcct_Work_Orders, refundSettled)
{
	zval *zactor;
	zend_long id, amount;
	cloudacct_actor actor;
	cloudacct_order_state st;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_LONG(amount)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || cloudacct_work_order_refund_settled(s, &actor, id, amount, &st) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_STRING(cloudacct_order_state_name(st));
}

zend_result cloudacct_work_order_fulfil(cloudacct_store *s, const cloudacct_actor *a, zend_long order_id)
{
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(order_id), CLOUDACCT_PARAM_LONG(s->uniacid) };

	/* Only a paid order is fulfilled; one in a refund keeps its state for the admins. */
	if (CLOUDACCT_DB_RUN(s->db, "UPDATE {order} SET status = 'fulfilled', updated_at = ?, version = version + 1"
			" WHERE id = ? AND uniacid = ? AND status = 'paid'", p, 3, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(s->db) == 0) {
		return SUCCESS;
	}
	return cloudacct_work_audit(s, a, "order_fulfil", "order", order_id, NULL);
}

/* ---- settle ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long order_id, paid_fen;
	const char *channel, *reference;
	size_t channel_len, reference_len;
	zend_long job_id;
	bool already;
} settle_ctx;

/* The paid order's job: the service's dispatch, skill, SLA and checklist, the client's request. */
static zend_result settle_job(settle_ctx *x, order_t *o)
{
	zval svc, atts;
	cloudacct_client_info client;
	bool found = false, created;
	zend_result rc = FAILURE;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(cloudacct_work_long(&o->row, "service_id")),
		CLOUDACCT_PARAM_LONG(x->s->uniacid) };

	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT dispatch_mode, skill, sla_hours, grab_window_minutes, checklist FROM {service}"
			" WHERE id = ? AND uniacid = ?", p, 2, CLOUDACCT_FETCH_ROW, &svc) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_people_client_get(x->s, o->client_id, &client, &found) == FAILURE) {
		zval_ptr_dtor(&svc);
		return FAILURE;
	}
	bool have_svc = Z_TYPE(svc) == IS_ARRAY;
	size_t len;
	const char *mode = have_svc ? cloudacct_work_str(&svc, "dispatch_mode", &len) : "grab";
	zval *jt = zend_hash_str_find(Z_ARRVAL(o->row), ZEND_STRL("job_title"));
	zval *title = Z_STRLEN_P(jt) ? jt : zend_hash_str_find(Z_ARRVAL(o->row), ZEND_STRL("title"));
	size_t alen;
	const char *aj = cloudacct_work_str(&o->row, "attachments", &alen);
	if (php_json_decode_ex(&atts, aj, alen, PHP_JSON_OBJECT_AS_ARRAY, 4) == FAILURE || Z_TYPE(atts) != IS_ARRAY) {
		zval_ptr_dtor(&atts);
		array_init(&atts);
	}
	cloudacct_work_job_spec spec = {
		.client_id = o->client_id,
		.store_id = found ? client.store_id : 0,
		.contact_id = cloudacct_work_long(&o->row, "contact_id"),
		.service_id = cloudacct_work_long(&o->row, "service_id"),
		.order_id = o->id,
		.urgency = cloudacct_work_long(&o->row, "urgency"),
		.price_fen = o->amount_fen,
		.sla_hours = have_svc ? cloudacct_work_long(&svc, "sla_hours") : -1,
		.grab_window = have_svc ? cloudacct_work_long(&svc, "grab_window_minutes") : 0,
		.source = "order",
		.dispatch_mode = strcmp(mode, "direct") == 0 ? "direct" : strcmp(mode, "exclusive") == 0 ? "exclusive" : "grab",
		.title = Z_STR_P(title),
		.description = Z_STR_P(zend_hash_str_find(Z_ARRVAL(o->row), ZEND_STRL("job_description"))),
		.skill = have_svc ? Z_STR_P(zend_hash_str_find(Z_ARRVAL(svc), ZEND_STRL("skill"))) : NULL,
		.checklist_json = have_svc ? Z_STR_P(zend_hash_str_find(Z_ARRVAL(svc), ZEND_STRL("checklist"))) : NULL,
		.attachments = Z_ARRVAL(atts),
	};
	if (cloudacct_work_job_create(x->s, x->a, &spec, &x->job_id, &created) == SUCCESS) {
		cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(x->job_id), CLOUDACCT_PARAM_LONG(o->id),
			CLOUDACCT_PARAM_LONG(x->s->uniacid) };
		rc = CLOUDACCT_DB_RUN(x->s->db, "UPDATE {order} SET job_id = ? WHERE id = ? AND uniacid = ?", u, 3,
			CLOUDACCT_FETCH_NONE, NULL);
	}
	zval_ptr_dtor(&atts);
	zval_ptr_dtor(&svc);
	return rc;
}

static zend_result settle_body(cloudacct_connection *c, void *ctx)
{
	settle_ctx *x = ctx;
	order_t o;
	bool found = false;
	cloudacct_order_state to;
	zend_result rc = FAILURE;

	if (order_fetch(x->s, x->order_id, NULL, 0, &o, &found) == FAILURE) {
		return FAILURE;
	}
	if (!found) {
		cloudacct_throw_not_found("订单不存在 (order %ld not found)", (long) x->order_id);
		return FAILURE;
	}
	size_t rlen;
	const char *ref = cloudacct_work_str(&o.row, "pay_ref", &rlen);
	bool same_payment = rlen == x->reference_len && memcmp(ref, x->reference, rlen) == 0;
	if (o.status != CLOUDACCT_ORDER_PENDING_PAYMENT && o.status != CLOUDACCT_ORDER_CANCELLED && same_payment) {
		x->already = true; /* a repeated notify of the same payment */
		x->job_id = o.job_id;
		rc = SUCCESS;
	} else if (o.status == CLOUDACCT_ORDER_CANCELLED) {
		cloudacct_throw_invalid_transition("cancelled", "订单已取消（超时未支付或已被取消），这笔付款需要退款"
			" (the order was cancelled: refund this payment)");
	} else if (o.status != CLOUDACCT_ORDER_PENDING_PAYMENT) {
		cloudacct_throw_conflict("订单已由另一笔付款支付，这笔付款需要退款 (the order was paid by another payment)");
	} else if (x->paid_fen != o.amount_fen) {
		cloudacct_throw_validation("paid_fen", "支付金额 %ld 分与订单金额 %ld 分不符 (amount mismatch)", (long) x->paid_fen,
			(long) o.amount_fen);
	} else if (order_decide(x->a, &o, CLOUDACCT_ORDER_EV_PAY, &to)) {
		zend_long now = cloudacct_clock_now();
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->paid_fen), CLOUDACCT_PARAM_LONG(now),
			CLOUDACCT_PARAM_STR(x->channel, x->channel_len), CLOUDACCT_PARAM_STR(x->reference, x->reference_len),
			CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(o.id), CLOUDACCT_PARAM_LONG(x->s->uniacid),
			CLOUDACCT_PARAM_LONG(o.version) };
		rc = CLOUDACCT_DB_RUN(x->s->db, "UPDATE {order} SET status = 'paid', paid_fen = ?, paid_at = ?, pay_channel = ?,"
			" pay_ref = ?, lease_until = 0, lease_token = NULL, updated_at = ?, version = version + 1"
			" WHERE id = ? AND uniacid = ? AND status = 'pending_payment' AND version = ?", p, 8, CLOUDACCT_FETCH_NONE, NULL);
		if (rc == SUCCESS && cloudacct_db_affected_rows(x->s->db) == 0) {
			cloudacct_throw_conflict("订单刚被他人更新，请重试 (the order changed meanwhile)");
			rc = FAILURE;
		}
		if (rc == SUCCESS) {
			zval detail;
			array_init_size(&detail, 3);
			add_assoc_long(&detail, "paid_fen", x->paid_fen);
			add_assoc_stringl(&detail, "channel", x->channel, x->channel_len);
			add_assoc_stringl(&detail, "reference", x->reference, x->reference_len);
			rc = cloudacct_work_audit(x->s, x->a, "order_pay", "order", o.id, &detail);
			zval_ptr_dtor(&detail);
		}
		zend_long contact = cloudacct_work_long(&o.row, "contact_id");
		if (rc == SUCCESS && contact && x->paid_fen > 0) {
			zval payload;
			char dedup[64];
			size_t nlen;
			const char *no = cloudacct_work_str(&o.row, "order_no", &nlen);
			array_init_size(&payload, 3);
			add_assoc_long(&payload, "order_id", o.id);
			add_assoc_stringl(&payload, "order_no", no, nlen);
			add_assoc_long(&payload, "paid_fen", x->paid_fen);
			snprintf(dedup, sizeof(dedup), "order_paid:%ld", (long) o.id);
			rc = cloudacct_outbox_enqueue(x->s, "client", contact, "order_paid", &payload, dedup);
			zval_ptr_dtor(&payload);
		}
		if (rc == SUCCESS) {
			rc = settle_job(x, &o);
		}
	}
	order_free(&o);
	return rc;
}

static bool printable(const char *s, size_t len, size_t max)
{
	if (len > max) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (s[i] < 0x21 || s[i] > 0x7e) {
			return false;
		}
	}
	return true;
}

zend_result cloudacct_work_order_settle(cloudacct_store *s, const cloudacct_actor *a, zend_long order_id,
	zend_long paid_fen, const char *channel, size_t channel_len, const char *reference, size_t reference_len,
	zend_long *job_id, bool *already_paid)
{
	if (!cloudacct_work_require_system(a)) {
		return FAILURE;
	}
	if (!cloudacct_ident_valid(channel, channel_len, 16)) {
		cloudacct_throw_validation("channel", "支付渠道须为小写字母标识 (channel: [a-z][a-z0-9_]*, ≤ 16)");
		return FAILURE;
	}
	if (!printable(reference, reference_len, 64)) {
		cloudacct_throw_validation("reference", "支付单号最多 64 个可见 ASCII 字符 (reference: up to 64 printable ASCII)");
		return FAILURE;
	}
	if (paid_fen < 0) {
		cloudacct_throw_validation("paid_fen", "支付金额不能为负 (paid_fen must not be negative)");
		return FAILURE;
	}
	settle_ctx x = { s, a, order_id, paid_fen, channel, reference, channel_len, reference_len, 0, false };
	if (cloudacct_db_transaction(s->db, settle_body, &x, 0) == FAILURE) {
		return FAILURE;
	}
	*job_id = x.job_id;
	*already_paid = x.already;
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Work_Orders, settle)
{
	zval *zactor;
	zend_long id, paid;
	zend_string *channel, *reference;
	cloudacct_actor actor;
	zend_long job_id;
	bool already;

	ZEND_PARSE_PARAMETERS_START(5, 5)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_LONG(paid)
		Z_PARAM_STR(channel)
		Z_PARAM_STR(reference)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || cloudacct_work_order_settle(s, &actor, id, paid, ZSTR_VAL(channel), ZSTR_LEN(channel), ZSTR_VAL(reference),
			ZSTR_LEN(reference), &job_id, &already) == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, 3);
	add_assoc_long(return_value, "order_id", id);
	add_assoc_long(return_value, "job_id", job_id);
	add_assoc_bool(return_value, "already_paid", already);
}

/* The scheduler's unpaid-order close: pending_payment → cancelled by the system. *closed =
 * false when the order moved on meanwhile (paid, cancelled by the client). */
zend_result cloudacct_work_order_expire(cloudacct_store *s, const cloudacct_actor *a, zend_long order_id, bool *closed)
{
	order_t o;
	bool found = false;
	static const char note[] = "超时未支付，系统自动关闭";

	*closed = false;
	if (order_fetch(s, order_id, NULL, 0, &o, &found) == FAILURE) {
		return FAILURE;
	}
	if (!found || o.status != CLOUDACCT_ORDER_PENDING_PAYMENT) {
		if (found) {
			order_free(&o);
		}
		return SUCCESS;
	}
	zend_string *n = zend_string_init(note, sizeof(note) - 1, 0);
	zend_result rc = order_step(s, a, &o, CLOUDACCT_ORDER_EV_EXPIRE, n, 0);
	zend_string_release(n);
	order_free(&o);
	*closed = rc == SUCCESS;
	return rc;
}
