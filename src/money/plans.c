/* CloudAcct\Ledger\Plans: fee plans (收费方案) with dated prices and pauses. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "money_int.h"
#include "../common/errors.h"
#include "../core/ledger.h"
#include "../core/calendar.h"

static const char *const plan_periods[] = { "start", "end", "paid_through", "effective_from", "from", "to", NULL };

/* The plan row, locked, and the client it belongs to authorised for the actor. */
static zend_result load_plan(cloudacct_store *s, const cloudacct_actor *a, zend_long plan_id, bool lock, zval *row)
{
	zend_result rc = lock
		? CLOUDACCT_MONEY_ROW(s, "SELECT id, client_id, title, cycle, start_period, end_period, prepaid_periods, status,"
			" paid_through FROM {fee_plan} WHERE uniacid = ? AND id = ? FOR UPDATE", plan_id, "收费方案", row)
		: CLOUDACCT_MONEY_ROW(s, "SELECT id, client_id, title, cycle, start_period, end_period, prepaid_periods, status,"
			" paid_through FROM {fee_plan} WHERE uniacid = ? AND id = ?", plan_id, "收费方案", row);
	if (rc == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_money_authorize(s, a, cloudacct_money_long(row, "client_id"), NULL) == FAILURE) {
		zval_ptr_dtor(row);
		ZVAL_UNDEF(row);
		return FAILURE;
	}
	return SUCCESS;
}

static void rule_of(zval *row, cloudacct_plan_rule *r)
{
	size_t len;
	const char *cycle = cloudacct_money_str(row, "cycle", &len);

	r->start = (int32_t) cloudacct_money_long(row, "start_period");
	r->end = (int32_t) cloudacct_money_long(row, "end_period");
	r->prepaid = (int32_t) cloudacct_money_long(row, "prepaid_periods");
	if (!cloudacct_cycle_parse(cycle, len, &r->cycle)) {
		r->cycle = CLOUDACCT_CYCLE_MONTHLY;
	}
}

/* The first period of the last cycle billed for the plan (0 = none), read with a lock so no bill
 * can appear for the plan before this transaction ends. */
static zend_result last_billed(cloudacct_store *s, zend_long plan_id, zend_long *out)
{
	zval v;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(plan_id) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT period FROM {bill} WHERE uniacid = ? AND plan_id = ?"
			" ORDER BY period DESC LIMIT 1 FOR UPDATE", p, 2, CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		return FAILURE;
	}
	*out = Z_TYPE(v) == IS_LONG ? Z_LVAL(v) : 0;
	return SUCCESS;
}

static bool after_billed(zend_long last, int32_t from, const char *field)
{
	char buf[8];

	if (last > 0 && from <= last) {
		cloudacct_money_period_str((int32_t) last, buf);
		cloudacct_throw_validation(field, "%s 及以前的账单已出，不能改动过去；请从之后的月份开始 (%s: already billed)", buf,
			field);
		return false;
	}
	return true;
}

/* Refreshes the plan's and the client's 已缴至 in the client's money transaction. */
static zend_result refresh_paid_through(cloudacct_store *s, const cloudacct_actor *a, zend_long client_id,
	zend_long plan_id)
{
	cloudacct_money_tx t;

	if (cloudacct_money_tx_begin(&t, s, a, client_id) == FAILURE) {
		return FAILURE;
	}
	t.plans[t.n_plans++] = plan_id;
	return cloudacct_money_tx_finish(&t);
}

/* ---- create ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	zend_string *title;
	cloudacct_plan_rule rule;
	zend_long amount;
	zend_long plan_id;
} create_ctx;

static zend_result create_body(cloudacct_connection *c, void *ctx_)
{
	create_ctx *x = ctx_;
	zend_long now = cloudacct_clock_now();
	const char *cycle = cloudacct_cycle_name(x->rule.cycle);
	int32_t through = cloudacct_period_next(cloudacct_plan_anchor(&x->rule), -1);
	zval detail;
	(void) c;

	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id), CLOUDACCT_PARAM_ZSTR(x->title),
		CLOUDACCT_PARAM_STR(cycle, strlen(cycle)), CLOUDACCT_PARAM_LONG(x->rule.start), CLOUDACCT_PARAM_LONG(x->rule.end),
		CLOUDACCT_PARAM_LONG(x->rule.prepaid), CLOUDACCT_PARAM_LONG(through), CLOUDACCT_PARAM_LONG(x->a->id),
		CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now),
	};
	if (CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {fee_plan} (uniacid, client_id, title, cycle, start_period, end_period,"
			" prepaid_periods, paid_through, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			p, 11, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	x->plan_id = (zend_long) cloudacct_db_insert_id(x->s->db);
	cloudacct_param pp[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->plan_id),
		CLOUDACCT_PARAM_LONG(x->rule.start), CLOUDACCT_PARAM_LONG(x->amount), CLOUDACCT_PARAM_LONG(x->a->id),
		CLOUDACCT_PARAM_LONG(now) };
	if (CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {plan_price} (uniacid, plan_id, effective_from, amount_fen, created_by,"
			" created_at) VALUES (?, ?, ?, ?, ?, ?)", pp, 6, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (refresh_paid_through(x->s, x->a, x->client_id, x->plan_id) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "client_id", x->client_id);
	add_assoc_long(&detail, "amount_fen", x->amount);
	add_assoc_string(&detail, "cycle", (char *) cycle);
	zend_result rc = cloudacct_money_audit(x->s, x->a, "plan_create", "fee_plan", x->plan_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

static const char *const create_keys[] = { "title", "amount_fen", "cycle", "start", "end", "prepaid_periods", NULL };

static bool read_create(HashTable *data, create_ctx *x)
{
	zend_string *cycle, *start, *end;
	zend_long prepaid;
	cloudacct_plan_status st;

	if (!cloudacct_money_opt_known(data, create_keys, "收费方案") || !cloudacct_money_opt_str(data, "title", &x->title)
			|| !cloudacct_money_opt_long(data, "amount_fen", 0, &x->amount) || !cloudacct_money_opt_str(data, "cycle", &cycle)
			|| !cloudacct_money_opt_str(data, "start", &start) || !cloudacct_money_opt_str(data, "end", &end)
			|| !cloudacct_money_opt_long(data, "prepaid_periods", 0, &prepaid)) {
		return false;
	}
	if (!x->title || !cloudacct_money_check_text(x->title, "title", "方案名称", 1, 64)) {
		if (!x->title) {
			cloudacct_throw_validation("title", "请填写方案名称，如“代理记账费” (title is required)");
		}
		return false;
	}
	if (!cloudacct_money_check_amount(x->amount, "amount_fen")) {
		return false;
	}
	if (!cycle || !cloudacct_cycle_parse(ZSTR_VAL(cycle), ZSTR_LEN(cycle), &x->rule.cycle)) {
		cloudacct_throw_validation("cycle", "%s (cycle: monthly|quarterly|half_yearly|yearly)",
			cloudacct_plan_status_message(CLOUDACCT_PLAN_BAD_CYCLE));
		return false;
	}
	if (!start) {
		cloudacct_throw_validation("start", "请填写开始月份 YYYY-MM (start is required)");
		return false;
	}
	if (!cloudacct_money_parse_period(start, "start", &x->rule.start)) {
		return false;
	}
	x->rule.end = 0;
	if (end && ZSTR_LEN(end) > 0 && !cloudacct_money_parse_period(end, "end", &x->rule.end)) {
		return false;
	}
	x->rule.prepaid = prepaid < 0 || prepaid > 120 ? -1 : (int32_t) prepaid;
	st = cloudacct_plan_validate(&x->rule);
	if (st != CLOUDACCT_PLAN_OK) {
		const char *field = st == CLOUDACCT_PLAN_BAD_END ? "end" : st == CLOUDACCT_PLAN_BAD_PREPAID ? "prepaid_periods" : "start";
		cloudacct_throw_validation(field, "%s (%s)", cloudacct_plan_status_message(st), field);
		return false;
	}
	return true;
}

ZEND_METHOD(CloudAcct_Ledger_Plans, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Ledger_Plans, create)
{
	zval *zactor;
	zend_long client_id;
	HashTable *data;
	cloudacct_actor a;
	create_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(client_id, 2) || !cloudacct_money_require_admin(&a)
			|| cloudacct_money_authorize(s, &a, client_id, NULL) == FAILURE || !read_create(data, &x)) {
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	x.client_id = client_id;
	if (cloudacct_db_transaction(s->db, create_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.plan_id);
}

/* ---- changes after creation: price, pause, resume, end ---- */

typedef enum { CHANGE_PRICE, CHANGE_PAUSE, CHANGE_RESUME, CHANGE_END } change_kind;

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	change_kind kind;
	zend_long plan_id;
	int32_t period;
	zend_long amount;
} change_ctx;

static zend_result change_price(change_ctx *x, zval *plan, zend_long last)
{
	cloudacct_plan_rule r;

	rule_of(plan, &r);
	if (x->period < r.start) {
		cloudacct_throw_validation("from", "调价月份不能早于方案开始月份 (from: before the plan starts)");
		return FAILURE;
	}
	if (!after_billed(last, x->period, "from")) {
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->plan_id),
		CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_LONG(x->amount), CLOUDACCT_PARAM_LONG(x->a->id),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()) };
	return CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {plan_price} (uniacid, plan_id, effective_from, amount_fen, created_by,"
		" created_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE amount_fen = VALUES(amount_fen),"
		" created_by = VALUES(created_by), created_at = VALUES(created_at)", p, 6, CLOUDACCT_FETCH_NONE, NULL);
}

/* The plan's pause that is still open (to_period 0), if any. */
static zend_result open_pause(change_ctx *x, zend_long *from)
{
	zval v;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->plan_id), CLOUDACCT_PARAM_LONG(x->s->uniacid) };

	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT from_period FROM {plan_pause} WHERE plan_id = ? AND uniacid = ?"
			" AND to_period = 0 FOR UPDATE", p, 2, CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		return FAILURE;
	}
	*from = Z_TYPE(v) == IS_LONG ? Z_LVAL(v) : 0;
	return SUCCESS;
}

static zend_result change_pause(change_ctx *x, zend_long last)
{
	zend_long paused;

	if (!after_billed(last, x->period, "from") || open_pause(x, &paused) == FAILURE) {
		return FAILURE;
	}
	if (paused) {
		cloudacct_throw_conflict("该方案已暂停 (the plan is already paused)");
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->plan_id),
		CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_LONG(cloudacct_clock_now()) };
	/* A pause again from the same month (after a resume) reopens that row. */
	return CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {plan_pause} (uniacid, plan_id, from_period, to_period, created_at)"
		" VALUES (?, ?, ?, 0, ?) ON DUPLICATE KEY UPDATE to_period = 0", p, 4, CLOUDACCT_FETCH_NONE, NULL);
}

static zend_result change_resume(change_ctx *x, zend_long last)
{
	zend_long paused;

	if (open_pause(x, &paused) == FAILURE) {
		return FAILURE;
	}
	if (!paused) {
		cloudacct_throw_conflict("该方案没有暂停 (the plan is not paused)");
		return FAILURE;
	}
	if (x->period <= paused || !after_billed(last, x->period, "from")) {
		if (x->period <= paused) {
			cloudacct_throw_validation("from", "恢复月份须晚于暂停月份 (from: must be after the pause began)");
		}
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(cloudacct_period_next(x->period, -1)), CLOUDACCT_PARAM_LONG(x->plan_id),
		CLOUDACCT_PARAM_LONG(paused), CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	return CLOUDACCT_DB_RUN(x->s->db, "UPDATE {plan_pause} SET to_period = ? WHERE plan_id = ? AND from_period = ?"
		" AND uniacid = ?", p, 4, CLOUDACCT_FETCH_NONE, NULL);
}

static zend_result change_end(change_ctx *x, zval *plan, zend_long last)
{
	cloudacct_plan_rule r;
	int32_t to;

	rule_of(plan, &r);
	if (!cloudacct_plan_is_cycle_end(&r, x->period)) {
		cloudacct_throw_validation("last_period", "%s (last_period)", cloudacct_plan_status_message(CLOUDACCT_PLAN_BAD_END));
		return FAILURE;
	}
	if (last > 0 && cloudacct_plan_bills_at(&r, (int32_t) last, &to) && x->period < to) {
		char buf[8];
		cloudacct_money_period_str(to, buf);
		cloudacct_throw_validation("last_period", "已出账的周期到 %s，结束月份不能更早 (last_period: already billed)", buf);
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_LONG(cloudacct_clock_now()),
		CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->plan_id) };
	return CLOUDACCT_DB_RUN(x->s->db, "UPDATE {fee_plan} SET end_period = ?, updated_at = ? WHERE uniacid = ? AND id = ?",
		p, 4, CLOUDACCT_FETCH_NONE, NULL);
}

static zend_result change_body(cloudacct_connection *c, void *ctx_)
{
	static const char *const actions[] = { "plan_price", "plan_pause", "plan_resume", "plan_end" };
	change_ctx *x = ctx_;
	zval plan, detail;
	zend_long last;
	zend_result rc;
	char buf[8];
	(void) c;

	if (load_plan(x->s, x->a, x->plan_id, true, &plan) == FAILURE) {
		return FAILURE;
	}
	zend_long client_id = cloudacct_money_long(&plan, "client_id");
	rc = last_billed(x->s, x->plan_id, &last);
	if (rc == SUCCESS) {
		switch (x->kind) {
			case CHANGE_PRICE:
				rc = change_price(x, &plan, last);
				break;
			case CHANGE_PAUSE:
				rc = change_pause(x, last);
				break;
			case CHANGE_RESUME:
				rc = change_resume(x, last);
				break;
			case CHANGE_END:
				rc = change_end(x, &plan, last);
				break;
		}
	}
	zval_ptr_dtor(&plan);
	if (rc == FAILURE || refresh_paid_through(x->s, x->a, client_id, x->plan_id) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	cloudacct_money_period_str(x->period, buf);
	add_assoc_string(&detail, "period", buf);
	if (x->kind == CHANGE_PRICE) {
		add_assoc_long(&detail, "amount_fen", x->amount);
	}
	rc = cloudacct_money_audit(x->s, x->a, actions[x->kind], "fee_plan", x->plan_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

static void plan_change(INTERNAL_FUNCTION_PARAMETERS, change_kind kind)
{
	zval *zactor, *z_amount = NULL;
	zend_long plan_id, amount = 0;
	zend_string *period;
	cloudacct_actor a;
	change_ctx x = { 0 };
	const char *field = kind == CHANGE_END ? "last_period" : "from";

	if (kind == CHANGE_PRICE) {
		ZEND_PARSE_PARAMETERS_START(4, 4)
			Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
			Z_PARAM_LONG(plan_id)
			Z_PARAM_ZVAL(z_amount)
			Z_PARAM_STR(period)
		ZEND_PARSE_PARAMETERS_END();
	} else {
		ZEND_PARSE_PARAMETERS_START(3, 3)
			Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
			Z_PARAM_LONG(plan_id)
			Z_PARAM_STR(period)
		ZEND_PARSE_PARAMETERS_END();
	}
	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(plan_id, 2) || !cloudacct_money_require_admin(&a)
			|| (kind == CHANGE_PRICE && !cloudacct_money_arg_amount(z_amount, 3, "amount_fen", &amount))
			|| !cloudacct_money_parse_period(period, field, &x.period)) {
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	x.kind = kind;
	x.plan_id = plan_id;
	x.amount = amount;
	if (cloudacct_db_transaction(s->db, change_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Ledger_Plans, changePrice)
{
	plan_change(INTERNAL_FUNCTION_PARAM_PASSTHRU, CHANGE_PRICE);
}

ZEND_METHOD(CloudAcct_Ledger_Plans, pause)
{
	plan_change(INTERNAL_FUNCTION_PARAM_PASSTHRU, CHANGE_PAUSE);
}

ZEND_METHOD(CloudAcct_Ledger_Plans, resume)
{
	plan_change(INTERNAL_FUNCTION_PARAM_PASSTHRU, CHANGE_RESUME);
}

ZEND_METHOD(CloudAcct_Ledger_Plans, end)
{
	plan_change(INTERNAL_FUNCTION_PARAM_PASSTHRU, CHANGE_END);
}

/* ---- reads ---- */

/* Adds prices, pauses, the current price and labels to a plan row. */
static zend_result plan_details(cloudacct_store *s, zval *plan)
{
	zend_long plan_id = cloudacct_money_long(plan, "id");
	int32_t now = cloudacct_money_this_period();
	zval prices, pauses, *row;
	zend_long current = 0;
	size_t len;
	cloudacct_cycle cycle;
	const char *name = cloudacct_money_str(plan, "cycle", &len);
	const char *label = cloudacct_cycle_parse(name, len, &cycle) ? cloudacct_cycle_label(cycle) : "";

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(plan_id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT effective_from, amount_fen FROM {plan_price} WHERE plan_id = ? AND uniacid = ?"
			" ORDER BY effective_from", p, 2, CLOUDACCT_FETCH_ALL, &prices) == FAILURE) {
		return FAILURE;
	}
	if (CLOUDACCT_DB_RUN(s->db, "SELECT from_period AS `from`, to_period AS `to` FROM {plan_pause} WHERE plan_id = ?"
			" AND uniacid = ? ORDER BY from_period", p, 2, CLOUDACCT_FETCH_ALL, &pauses) == FAILURE) {
		zval_ptr_dtor(&prices);
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(prices), row) {
		if (current == 0 || cloudacct_money_long(row, "effective_from") <= now) {
			current = cloudacct_money_long(row, "amount_fen");
		}
	} ZEND_HASH_FOREACH_END();
	cloudacct_money_format_rows(&prices, plan_periods, NULL);
	cloudacct_money_format_rows(&pauses, plan_periods, NULL);
	SEPARATE_ARRAY(plan);
	add_assoc_string(plan, "cycle_label", (char *) label);
	add_assoc_long(plan, "amount_fen", current);
	add_assoc_zval(plan, "prices", &prices);
	add_assoc_zval(plan, "pauses", &pauses);
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Ledger_Plans, get)
{
	zval *zactor;
	zend_long plan_id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(plan_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(plan_id, 2)) {
		RETURN_THROWS();
	}
	if (CLOUDACCT_MONEY_ROW(s, "SELECT id, client_id, title, cycle, start_period AS start, end_period AS end,"
			" prepaid_periods, status, paid_through, created_at, updated_at FROM {fee_plan} WHERE uniacid = ? AND id = ?",
			plan_id, "收费方案", return_value) == FAILURE) {
		RETURN_THROWS();
	}
	if (cloudacct_money_authorize(s, &a, cloudacct_money_long(return_value, "client_id"), NULL) == FAILURE
			|| plan_details(s, return_value) == FAILURE) {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		RETURN_THROWS();
	}
	cloudacct_money_format_periods(return_value, plan_periods, NULL);
}

ZEND_METHOD(CloudAcct_Ledger_Plans, list)
{
	zval *zactor, *row;
	zend_long client_id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(client_id, 2) || cloudacct_money_authorize(s, &a, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, client_id, title, cycle, start_period AS start, end_period AS end,"
			" prepaid_periods, status, paid_through, created_at, updated_at FROM {fee_plan}"
			" WHERE uniacid = ? AND client_id = ? ORDER BY id DESC LIMIT 200", p, 2, CLOUDACCT_FETCH_ALL, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(return_value), row) {
		if (plan_details(s, row) == FAILURE) {
			zval_ptr_dtor(return_value);
			ZVAL_NULL(return_value);
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();
	cloudacct_money_format_rows(return_value, plan_periods, NULL);
}
