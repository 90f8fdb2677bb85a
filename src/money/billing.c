/* CloudAcct\Ledger\Billing: the billing run, manual bills, waivers and cancellations. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "ext/random/php_random.h"
#include "money_int.h"
#include "../common/errors.h"
#include "../core/ledger.h"
#include "../core/calendar.h"
#include "../core/text.h"
#include "../core/money.h"

#define RUN_LEASE_SECONDS 120
#define CHUNK_DEFAULT 1000
#define CHUNK_MAX 5000

static const char *const bill_periods[] = { "period", "period_to", NULL };
static const char *const bill_dates[] = { "due_date", NULL };

#define BILL_COLUMNS \
	"id, client_id, plan_id, period, period_to, title, amount_fen, paid_fen, waived_fen," \
	" IF(status = 'void', 0, amount_fen - paid_fen - waived_fen) AS owed_fen, status, due_date, created_at, settled_at"

/* ---- the run: claim, chunks, progress ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	int32_t period;
	zend_long chunk;
	zend_long due_day;
	int32_t first_step;
	bool has_steps;
	char token[17];
	/* per chunk */
	zend_long cursor;
	zend_long created;
	zend_long amount;
	bool done;
	bool lost;
} run_ctx;

static zend_result run_progress(cloudacct_store *s, int32_t period, zval *out)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(period) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT period, status, plans_total, plans_done, bills_created, amount_fen, attempts,"
			" started_at, updated_at, finished_at FROM {billing_run} WHERE uniacid = ? AND period = ?", p, 2,
			CLOUDACCT_FETCH_ROW, out) == FAILURE) {
		return FAILURE;
	}
	cloudacct_money_format_periods(out, bill_periods, NULL);
	return SUCCESS;
}

/* Creates the period's run row if needed and takes its lease; *busy when a live process holds it.
 * A finished period starts over from the first plan (a rerun that creates nothing). */
static zend_result run_claim(run_ctx *x, bool *busy)
{
	zend_long now = cloudacct_clock_now();
	zval total;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->period),
		CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now) };
	if (CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {billing_run} (uniacid, period, status, started_at, updated_at)"
			" VALUES (?, ?, 'running', ?, ?) ON DUPLICATE KEY UPDATE id = id", p, 4, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param c[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->period),
		CLOUDACCT_PARAM_LONG(x->period) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT COUNT(*) FROM {fee_plan} WHERE uniacid = ? AND status = 'active'"
			" AND start_period <= ? AND (end_period = 0 OR end_period >= ?)", c, 3, CLOUDACCT_FETCH_VALUE, &total) == FAILURE) {
		return FAILURE;
	}
	/* Assignments run left to right: cursor and counters are reset before status changes. */
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(zval_get_long(&total)),
		CLOUDACCT_PARAM_LONG(now + RUN_LEASE_SECONDS),
		CLOUDACCT_PARAM_STR(x->token, 16), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_LONG(now) };
	zval_ptr_dtor(&total);
	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {billing_run} SET cursor_id = IF(status = 'done', 0, cursor_id),"
			" plans_done = IF(status = 'done', 0, plans_done), finished_at = IF(status = 'done', 0, finished_at),"
			" started_at = IF(status = 'done', ?, started_at), status = 'running',"
			" plans_total = ?, lease_until = ?, lease_token = ?, attempts = attempts + 1, updated_at = ?"
			" WHERE uniacid = ? AND period = ? AND lease_until < ?", u, 8, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	*busy = cloudacct_db_affected_rows(x->s->db) == 0;
	return SUCCESS;
}

/* One plan as the chunk sees it. */
typedef struct {
	zend_long id, client_id;
	cloudacct_plan_rule rule;
	zend_string *title; /* owned */
	zend_long price;    /* in effect at the period, 0 = none */
	bool paused;
} chunk_plan;

static void chunk_free(chunk_plan *plans, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (plans[i].title) {
			zend_string_release(plans[i].title);
		}
	}
	efree(plans);
}

/* Locks the next plans of the period (keyset by id) and reads their prices and pauses. */
static zend_result chunk_load(run_ctx *x, chunk_plan **out, size_t *n_out)
{
	zval rows, prices, pauses, *row;
	chunk_plan *plans;
	size_t n = 0, len;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->cursor),
		CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_LONG(x->chunk) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id, client_id, title, cycle, start_period, end_period, prepaid_periods"
			" FROM {fee_plan} WHERE uniacid = ? AND status = 'active' AND id > ? AND start_period <= ?"
			" AND (end_period = 0 OR end_period >= ?) ORDER BY id LIMIT ? FOR UPDATE", p, 5, CLOUDACCT_FETCH_ALL,
			&rows) == FAILURE) {
		return FAILURE;
	}
	plans = safe_emalloc(zend_hash_num_elements(Z_ARRVAL(rows)) + 1, sizeof(*plans), 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		chunk_plan *c = &plans[n++];
		const char *cycle = cloudacct_money_str(row, "cycle", &len);
		const char *title;
		c->id = cloudacct_money_long(row, "id");
		c->client_id = cloudacct_money_long(row, "client_id");
		c->rule.start = (int32_t) cloudacct_money_long(row, "start_period");
		c->rule.end = (int32_t) cloudacct_money_long(row, "end_period");
		c->rule.prepaid = (int32_t) cloudacct_money_long(row, "prepaid_periods");
		if (!cloudacct_cycle_parse(cycle, len, &c->rule.cycle)) {
			c->rule.cycle = CLOUDACCT_CYCLE_MONTHLY;
		}
		title = cloudacct_money_str(row, "title", &len);
		c->title = zend_string_init(title, len, 0);
		c->price = 0;
		c->paused = false;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	*out = plans;
	*n_out = n;
	if (n == 0) {
		return SUCCESS;
	}

	cloudacct_param r[] = { CLOUDACCT_PARAM_LONG(x->cursor), CLOUDACCT_PARAM_LONG(plans[n - 1].id),
		CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->period) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT plan_id, amount_fen FROM {plan_price} WHERE plan_id > ? AND plan_id <= ?"
			" AND uniacid = ? AND effective_from <= ? ORDER BY plan_id, effective_from FOR UPDATE", r, 4,
			CLOUDACCT_FETCH_ALL, &prices) == FAILURE) {
		return FAILURE;
	}
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT plan_id, from_period, to_period FROM {plan_pause} WHERE plan_id > ?"
			" AND plan_id <= ? AND uniacid = ? AND from_period <= ? FOR UPDATE", r, 4, CLOUDACCT_FETCH_ALL, &pauses) == FAILURE) {
		zval_ptr_dtor(&prices);
		return FAILURE;
	}
	/* Both lists are small per plan; plans are sorted by id: walk them together. */
	size_t k = 0;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(prices), row) {
		zend_long pid = cloudacct_money_long(row, "plan_id");
		while (k < n && plans[k].id < pid) {
			k++;
		}
		if (k < n && plans[k].id == pid) {
			plans[k].price = cloudacct_money_long(row, "amount_fen");
		}
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(pauses), row) {
		zend_long pid = cloudacct_money_long(row, "plan_id");
		cloudacct_pause_span span = { (int32_t) cloudacct_money_long(row, "from_period"),
			(int32_t) cloudacct_money_long(row, "to_period") };
		for (size_t i = 0; i < n; i++) {
			if (plans[i].id == pid && cloudacct_plan_paused_at(&span, 1, x->period)) {
				plans[i].paused = true;
			}
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&prices);
	zval_ptr_dtor(&pauses);
	return SUCCESS;
}

/* "代理记账费 2026-01" or "代理记账费 2026-01至2026-03", within the 64 characters of a title. */
static zend_string *bill_title(zend_string *plan_title, int32_t from, int32_t to)
{
	char a[8], b[8];
	size_t keep;

	cloudacct_money_period_str(from, a);
	cloudacct_money_period_str(to, b);
	keep = cloudacct_money_utf8_prefix(ZSTR_VAL(plan_title), ZSTR_LEN(plan_title), from == to ? 56 : 47);
	if (from == to) {
		return zend_strpprintf(0, "%.*s %s", (int) keep, ZSTR_VAL(plan_title), a);
	}
	return zend_strpprintf(0, "%.*s %s至%s", (int) keep, ZSTR_VAL(plan_title), a, b);
}

static uint64_t new_batch_id(void)
{
	uint64_t id = 0;

	if (php_random_bytes_silent(&id, sizeof(id)) == FAILURE || (id & INT64_MAX) == 0) {
		id = (uint64_t) cloudacct_clock_now() << 20 ^ (uint64_t) getpid();
	}
	return id & INT64_MAX;
}

/* One multi-row INSERT of the chunk's bills; rows that exist stay as they are. */
static zend_result chunk_insert(run_ctx *x, chunk_plan *plans, size_t n, uint64_t batch, size_t *n_rows)
{
	smart_str sql = {0};
	cloudacct_param *p = safe_emalloc(n, 11 * sizeof(cloudacct_param), 0);
	zend_string **titles = safe_emalloc(n, sizeof(zend_string *), 0);
	uint32_t np = 0;
	size_t rows = 0;
	zend_long now = cloudacct_clock_now();
	zend_result rc = SUCCESS;

	smart_str_appends(&sql, "INSERT INTO {bill} (uniacid, client_id, plan_id, period, period_to, title, amount_fen,"
		" due_date, batch_id, dun_next, created_at) VALUES ");
	for (size_t i = 0; i < n; i++) {
		int32_t to, due, dun = 0;
		if (plans[i].paused || plans[i].price <= 0 || !cloudacct_plan_bills_at(&plans[i].rule, x->period, &to)) {
			continue;
		}
		due = cloudacct_bill_due_date(x->period, (int) x->due_day);
		if (x->has_steps) {
			dun = cloudacct_date_add_days(due, x->first_step);
		}
		titles[rows] = bill_title(plans[i].title, x->period, to);
		smart_str_appends(&sql, rows ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		p[np++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
		p[np++] = CLOUDACCT_PARAM_LONG(plans[i].client_id);
		p[np++] = CLOUDACCT_PARAM_LONG(plans[i].id);
		p[np++] = CLOUDACCT_PARAM_LONG(x->period);
		p[np++] = CLOUDACCT_PARAM_LONG(to);
		p[np++] = CLOUDACCT_PARAM_ZSTR(titles[rows]);
		p[np++] = CLOUDACCT_PARAM_LONG(plans[i].price);
		p[np++] = CLOUDACCT_PARAM_LONG(due);
		p[np++] = CLOUDACCT_PARAM_LONG((zend_long) batch);
		p[np++] = CLOUDACCT_PARAM_LONG(dun > 0 ? dun : 0);
		p[np++] = CLOUDACCT_PARAM_LONG(now);
		rows++;
	}
	smart_str_appends(&sql, " ON DUPLICATE KEY UPDATE id = id");
	smart_str_0(&sql);
	if (rows > 0) {
		rc = cloudacct_db_run(x->s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, np, CLOUDACCT_FETCH_NONE, NULL);
	}
	for (size_t i = 0; i < rows; i++) {
		zend_string_release(titles[i]);
	}
	efree(titles);
	efree(p);
	smart_str_free(&sql);
	*n_rows = rows;
	return rc;
}

/* Posts the charges of the bills this chunk created and adds them to the clients' summaries
 * (both with INSERT … SELECT: the rows never travel), then applies any credit those clients had. */
static zend_result chunk_post(run_ctx *x, uint64_t batch)
{
	zend_long now = cloudacct_clock_now();
	const char *kind = cloudacct_actor_kind_name(x->a->kind);
	zval clients, *row;
	zend_result rc = SUCCESS;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(cloudacct_money_period_of(now)), CLOUDACCT_PARAM_STR(kind, strlen(kind)),
		CLOUDACCT_PARAM_LONG(x->a->id), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG((zend_long) batch),
		CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	if (CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {ledger_entry} (uniacid, client_id, kind, amount_fen, bill_id, period, memo,"
			" actor_kind, actor_id, created_at) SELECT uniacid, client_id, 'charge', amount_fen, id, ?, title, ?, ?, ?"
			" FROM {bill} WHERE batch_id = ? AND uniacid = ? ORDER BY id", p, 6, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG((zend_long) batch),
		CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	/* a new summary row copies the company's store and accountant (migration 12) */
	if (CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {client_balance} (uniacid, client_id, store_id, accountant_id, balance_fen,"
			" outstanding_fen, open_bills, oldest_open_due, entries, updated_at)"
			" SELECT uniacid, client_id,"
			" COALESCE((SELECT c.store_id FROM {client} c WHERE c.id = {bill}.client_id AND c.uniacid = {bill}.uniacid), 0),"
			" COALESCE((SELECT c.accountant_id FROM {client} c WHERE c.id = {bill}.client_id AND c.uniacid = {bill}.uniacid), 0),"
			" SUM(amount_fen), SUM(amount_fen), COUNT(*), MIN(due_date), COUNT(*), ?"
			" FROM {bill} WHERE batch_id = ? AND uniacid = ? GROUP BY uniacid, client_id ORDER BY client_id"
			" ON DUPLICATE KEY UPDATE balance_fen = balance_fen + VALUES(balance_fen),"
			" outstanding_fen = outstanding_fen + VALUES(outstanding_fen), open_bills = open_bills + VALUES(open_bills),"
			" oldest_open_due = IF(oldest_open_due = 0, VALUES(oldest_open_due),"
			" LEAST(oldest_open_due, VALUES(oldest_open_due))), entries = entries + VALUES(entries),"
			" updated_at = VALUES(updated_at)", q, 3, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param c[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG((zend_long) batch),
		CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT DISTINCT b.client_id FROM {bill} b STRAIGHT_JOIN {client_balance} cb"
			" ON cb.uniacid = ? AND cb.client_id = b.client_id WHERE b.batch_id = ? AND b.uniacid = ? AND cb.credit_fen > 0"
			" ORDER BY b.client_id", c, 3, CLOUDACCT_FETCH_ALL, &clients) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(clients), row) {
		cloudacct_money_tx t;
		if (rc == SUCCESS) {
			rc = cloudacct_money_tx_begin(&t, x->s, x->a, cloudacct_money_long(row, "client_id"));
		}
		if (rc == SUCCESS) {
			rc = cloudacct_money_tx_finish(&t);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&clients);
	return rc;
}

static zend_result chunk_body(cloudacct_connection *c, void *ctx_)
{
	run_ctx *x = ctx_;
	zval run, stats;
	chunk_plan *plans = NULL;
	size_t n = 0, rows = 0;
	uint64_t batch = new_batch_id();
	zend_long now = cloudacct_clock_now();
	size_t len;
	(void) c;

	x->created = x->amount = 0;
	x->done = x->lost = false;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->period) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT cursor_id, lease_token FROM {billing_run} WHERE uniacid = ? AND period = ?"
			" FOR UPDATE", p, 2, CLOUDACCT_FETCH_ROW, &run) == FAILURE) {
		return FAILURE;
	}
	const char *token = Z_TYPE(run) == IS_ARRAY ? cloudacct_money_str(&run, "lease_token", &len) : "";
	if (Z_TYPE(run) != IS_ARRAY || len != 16 || memcmp(token, x->token, 16) != 0) {
		zval_ptr_dtor(&run);
		x->lost = true; /* another process took the run over */
		return SUCCESS;
	}
	x->cursor = cloudacct_money_long(&run, "cursor_id");
	zval_ptr_dtor(&run);

	if (chunk_load(x, &plans, &n) == FAILURE) {
		if (plans) {
			chunk_free(plans, n);
		}
		return FAILURE;
	}
	if (n == 0) {
		chunk_free(plans, n);
		x->done = true;
		cloudacct_param d[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(x->s->uniacid),
			CLOUDACCT_PARAM_LONG(x->period) };
		return CLOUDACCT_DB_RUN(x->s->db, "UPDATE {billing_run} SET status = 'done', finished_at = ?, updated_at = ?,"
			" lease_until = 0, lease_token = NULL WHERE uniacid = ? AND period = ?", d, 4, CLOUDACCT_FETCH_NONE, NULL);
	}
	zend_long last_id = plans[n - 1].id;
	zend_result rc = chunk_insert(x, plans, n, batch, &rows);
	chunk_free(plans, n);
	if (rc == FAILURE) {
		return FAILURE;
	}
	if (rows > 0) {
		cloudacct_param b[] = { CLOUDACCT_PARAM_LONG((zend_long) batch), CLOUDACCT_PARAM_LONG(x->s->uniacid) };
		if (CLOUDACCT_DB_RUN(x->s->db, "SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS amount FROM {bill}"
				" WHERE batch_id = ? AND uniacid = ?", b, 2, CLOUDACCT_FETCH_ROW, &stats) == FAILURE) {
			return FAILURE;
		}
		x->created = cloudacct_money_long(&stats, "n");
		x->amount = zval_get_long(zend_hash_str_find(Z_ARRVAL(stats), ZEND_STRL("amount")));
		zval_ptr_dtor(&stats);
		if (x->created > 0 && chunk_post(x, batch) == FAILURE) {
			return FAILURE;
		}
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(last_id), CLOUDACCT_PARAM_LONG((zend_long) n),
		CLOUDACCT_PARAM_LONG(x->created), CLOUDACCT_PARAM_LONG(x->amount), CLOUDACCT_PARAM_LONG(now + RUN_LEASE_SECONDS),
		CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->period) };
	return CLOUDACCT_DB_RUN(x->s->db, "UPDATE {billing_run} SET cursor_id = ?, plans_done = plans_done + ?,"
		" bills_created = bills_created + ?, amount_fen = amount_fen + ?, lease_until = ?, updated_at = ?"
		" WHERE uniacid = ? AND period = ?", u, 8, CLOUDACCT_FETCH_NONE, NULL);
}

static zend_result run_settings(run_ctx *x)
{
	static const char *const names[] = { "bill_due_day" };
	int32_t steps[CLOUDACCT_DUNNING_MAX_STEPS];
	size_t n;
	zval set;

	if (cloudacct_money_settings(x->s, names, 1, &set) == FAILURE) {
		return FAILURE;
	}
	x->due_day = zval_get_long(zend_hash_str_find(Z_ARRVAL(set), ZEND_STRL("bill_due_day")));
	zval_ptr_dtor(&set);
	if (x->due_day < 1 || x->due_day > 28) {
		x->due_day = 15;
	}
	if (cloudacct_money_dunning_steps(x->s, steps, &n) == FAILURE) {
		return FAILURE;
	}
	x->has_steps = n > 0;
	x->first_step = n > 0 ? steps[0] : 0;
	return SUCCESS;
}

/* A billing run covers the whole uniacid: admins limited to stores may not start one. */
static zend_result require_unscoped(cloudacct_store *s, const cloudacct_actor *a)
{
	zval v;

	if (a->kind == CLOUDACCT_ACTOR_SYSTEM) {
		return SUCCESS;
	}
	if (!cloudacct_money_require_admin(a)) {
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(a->id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT COUNT(*) FROM {admin_store} WHERE uniacid = ? AND we7_uid = ?", p, 2,
			CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		return FAILURE;
	}
	if (zval_get_long(&v) > 0) {
		cloudacct_throw_forbidden("只限部分门店的管理员不能出全所账单 (store-limited admins cannot bill the whole firm)");
		return FAILURE;
	}
	return SUCCESS;
}

static const char *const run_keys[] = { "chunk", "max_chunks", NULL };

ZEND_METHOD(CloudAcct_Ledger_Billing, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Ledger_Billing, run)
{
	zval *zactor, detail;
	zend_string *period;
	HashTable *opts = NULL;
	cloudacct_actor a;
	run_ctx x = { 0 };
	zend_long max_chunks, chunks = 0, created_now = 0;
	bool busy = false;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(period)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(opts)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_parse_period(period, "period", &x.period) || !cloudacct_money_opt_known(opts, run_keys, "选项")
			|| !cloudacct_money_opt_long(opts, "chunk", CHUNK_DEFAULT, &x.chunk)
			|| !cloudacct_money_opt_long(opts, "max_chunks", 0, &max_chunks)) {
		RETURN_THROWS();
	}
	if (x.chunk < 1 || x.chunk > CHUNK_MAX || max_chunks < 0) {
		zend_argument_value_error(3, "must have chunk 1..%d and max_chunks >= 0", CHUNK_MAX);
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	cloudacct_money_token(x.token, 16, "0123456789abcdef");
	if (require_unscoped(s, &a) == FAILURE || run_settings(&x) == FAILURE || run_claim(&x, &busy) == FAILURE) {
		RETURN_THROWS();
	}
	while (!busy && (max_chunks == 0 || chunks < max_chunks)) {
		if (cloudacct_db_transaction(s->db, chunk_body, &x, 0) == FAILURE) {
			RETURN_THROWS();
		}
		if (x.lost) {
			busy = true;
			break;
		}
		created_now += x.created;
		if (x.done) {
			break;
		}
		chunks++;
	}
	if (!busy && !x.done) {
		/* Stopped after max_chunks: the next slice may start at once, from any process. */
		cloudacct_param r[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x.period),
			CLOUDACCT_PARAM_STR(x.token, 16) };
		if (CLOUDACCT_DB_RUN(s->db, "UPDATE {billing_run} SET lease_until = 0, lease_token = NULL"
				" WHERE uniacid = ? AND period = ? AND lease_token = ?", r, 3, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			RETURN_THROWS();
		}
	}
	if (!busy) {
		array_init(&detail);
		add_assoc_str(&detail, "period", zend_string_copy(period));
		add_assoc_long(&detail, "created", created_now);
		add_assoc_bool(&detail, "finished", x.done);
		zend_result rc = cloudacct_money_audit(s, &a, "billing_run", "billing_run", 0, &detail);
		zval_ptr_dtor(&detail);
		if (rc == FAILURE) {
			RETURN_THROWS();
		}
	}
	if (run_progress(s, x.period, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE_P(return_value) == IS_ARRAY) {
		add_assoc_bool(return_value, "busy", busy);
		add_assoc_long(return_value, "created_now", created_now);
	}
}

ZEND_METHOD(CloudAcct_Ledger_Billing, progress)
{
	zval *zactor;
	zend_string *period;
	cloudacct_actor a;
	int32_t p;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(period)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_admin_or_system(&a) || !cloudacct_money_parse_period(period, "period", &p)
			|| run_progress(s, p, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- manual bills ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	zend_long amount;
	zend_string *title;
	int32_t due, period;
	char key[33];
	zend_long bill_id;
} issue_ctx;

static zend_result issue_body(cloudacct_connection *c, void *ctx_)
{
	issue_ctx *x = ctx_;
	cloudacct_money_tx t;
	zval v, detail;
	(void) c;

	if (cloudacct_money_tx_begin(&t, x->s, x->a, x->client_id) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_STR(x->key, strlen(x->key)) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id FROM {bill} WHERE uniacid = ? AND client_id = ? AND plan_id = 0"
			" AND period = ? AND idem_key = ? FOR UPDATE", q, 4, CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(v) == IS_LONG) {
		x->bill_id = Z_LVAL(v); /* the same key again: the bill already made */
		return SUCCESS;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_LONG(x->period), CLOUDACCT_PARAM_STR(x->key, strlen(x->key)),
		CLOUDACCT_PARAM_ZSTR(x->title), CLOUDACCT_PARAM_LONG(x->amount), CLOUDACCT_PARAM_LONG(x->due),
		CLOUDACCT_PARAM_LONG(x->due), CLOUDACCT_PARAM_LONG(t.now) };
	if (CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {bill} (uniacid, client_id, plan_id, period, period_to, idem_key, title,"
			" amount_fen, due_date, dun_next, created_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)", p, 10,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	x->bill_id = (zend_long) cloudacct_db_insert_id(x->s->db);
	if (cloudacct_money_post(&t, "charge", x->amount, x->bill_id, 0, 0, 0, 0, ZSTR_VAL(x->title), NULL) == FAILURE) {
		return FAILURE;
	}
	t.bills_changed = true;
	if (cloudacct_money_tx_finish(&t) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "client_id", x->client_id);
	add_assoc_long(&detail, "amount_fen", x->amount);
	zend_result rc = cloudacct_money_audit(x->s, x->a, "bill_issue", "bill", x->bill_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

static const char *const issue_keys[] = { "amount_fen", "title", "due_date", "period", "key", NULL };

ZEND_METHOD(CloudAcct_Ledger_Billing, issue)
{
	zval *zactor;
	zend_long client_id;
	HashTable *data;
	zend_string *due = NULL, *period = NULL, *key = NULL;
	cloudacct_actor a;
	issue_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(client_id, 2) || !cloudacct_money_require_admin(&a)
			|| cloudacct_money_authorize(s, &a, client_id, NULL) == FAILURE
			|| !cloudacct_money_opt_known(data, issue_keys, "账单") || !cloudacct_money_opt_long(data, "amount_fen", 0, &x.amount)
			|| !cloudacct_money_opt_str(data, "title", &x.title) || !cloudacct_money_opt_str(data, "due_date", &due)
			|| !cloudacct_money_opt_str(data, "period", &period) || !cloudacct_money_opt_str(data, "key", &key)
			|| !cloudacct_money_check_amount(x.amount, "amount_fen")) {
		RETURN_THROWS();
	}
	if (!x.title || !due) {
		cloudacct_throw_validation(!x.title ? "title" : "due_date", "请填写账单名称和到期日 (title and due_date are required)");
		RETURN_THROWS();
	}
	if (!cloudacct_money_check_text(x.title, "title", "账单名称", 1, 64) || !cloudacct_money_parse_date(due, "due_date", &x.due)
			|| (period && !cloudacct_money_parse_period(period, "period", &x.period))
			|| (key && !cloudacct_money_check_ref(key, "key", "幂等键", 32))) {
		RETURN_THROWS();
	}
	if (!period) {
		x.period = cloudacct_money_this_period();
	}
	if (key) {
		memcpy(x.key, ZSTR_VAL(key), ZSTR_LEN(key) + 1);
	} else {
		cloudacct_money_token(x.key, 16, "0123456789abcdefghijklmnopqrstuvwxyz");
	}
	x.s = s;
	x.a = &a;
	x.client_id = client_id;
	if (cloudacct_db_transaction(s->db, issue_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.bill_id);
}

/* ---- reads ---- */

static zend_result bill_payments(cloudacct_store *s, zval *bill)
{
	zval rows;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(cloudacct_money_long(bill, "client_id")),
		CLOUDACCT_PARAM_LONG(cloudacct_money_long(bill, "id")) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT a.payment_id, SUM(a.amount_fen) AS amount_fen, p.receipt_no, p.channel, p.paid_at"
			" FROM {allocation} a JOIN {payment} p ON p.id = a.payment_id"
			" WHERE a.uniacid = ? AND a.client_id = ? AND a.bill_id = ?"
			" GROUP BY a.payment_id, p.receipt_no, p.channel, p.paid_at HAVING SUM(a.amount_fen) <> 0 ORDER BY p.paid_at",
			p, 3, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	SEPARATE_ARRAY(bill);
	add_assoc_zval(bill, "payments", &rows);
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Ledger_Billing, bill)
{
	zval *zactor;
	zend_long bill_id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(bill_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(bill_id, 2)
			|| CLOUDACCT_MONEY_ROW(s, "SELECT " BILL_COLUMNS " FROM {bill} WHERE uniacid = ? AND id = ?", bill_id, "账单",
				return_value) == FAILURE) {
		RETURN_THROWS();
	}
	if (cloudacct_money_authorize(s, &a, cloudacct_money_long(return_value, "client_id"), NULL) == FAILURE
			|| bill_payments(s, return_value) == FAILURE) {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		RETURN_THROWS();
	}
	cloudacct_money_format_periods(return_value, bill_periods, bill_dates);
}

ZEND_METHOD(CloudAcct_Ledger_Billing, bills)
{
	zval *zactor, total, items;
	zend_long client_id, page = 1, per_page = 20, plan_id = 0;
	HashTable *filter = NULL;
	zend_string *status = NULL;
	cloudacct_actor a;
	static const char *const keys[] = { "status", "plan_id", NULL };

	ZEND_PARSE_PARAMETERS_START(2, 5)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(client_id, 2) || !cloudacct_money_check_page(page, per_page, 4)
			|| !cloudacct_money_opt_known(filter, keys, "筛选条件") || !cloudacct_money_opt_str(filter, "status", &status)
			|| !cloudacct_money_opt_long(filter, "plan_id", 0, &plan_id)
			|| cloudacct_money_authorize(s, &a, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	if (status && !zend_string_equals_literal(status, "open") && !zend_string_equals_literal(status, "paid")
			&& !zend_string_equals_literal(status, "waived") && !zend_string_equals_literal(status, "void")) {
		cloudacct_throw_validation("status", "账单状态只能是 open、paid、waived、void (status)");
		RETURN_THROWS();
	}
	/* Fixed fragments: "" means "any" for both filters. */
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id),
		status ? CLOUDACCT_PARAM_ZSTR(status) : CLOUDACCT_PARAM_STR("", 0), status ? CLOUDACCT_PARAM_ZSTR(status) : CLOUDACCT_PARAM_STR("", 0),
		CLOUDACCT_PARAM_LONG(plan_id), CLOUDACCT_PARAM_LONG(plan_id), CLOUDACCT_PARAM_LONG(per_page),
		CLOUDACCT_PARAM_LONG((page - 1) * per_page) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT COUNT(*) FROM {bill} WHERE uniacid = ? AND client_id = ? AND (? = '' OR status = ?)"
			" AND (? = 0 OR plan_id = ?)", p, 6, CLOUDACCT_FETCH_VALUE, &total) == FAILURE) {
		RETURN_THROWS();
	}
	if (CLOUDACCT_DB_RUN(s->db, "SELECT " BILL_COLUMNS " FROM {bill} WHERE uniacid = ? AND client_id = ?"
			" AND (? = '' OR status = ?) AND (? = 0 OR plan_id = ?) ORDER BY period DESC, id DESC LIMIT ? OFFSET ?",
			p, 8, CLOUDACCT_FETCH_ALL, &items) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_money_format_rows(&items, bill_periods, bill_dates);
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", zval_get_long(&total));
	add_assoc_zval(return_value, "items", &items);
}

/* ---- waive and cancel ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long bill_id;
	zend_long amount;
	zend_string *reason;
	bool cancel;
	zend_long entry_id;
} adjust_ctx;

/* The bill, locked inside the client's money transaction (begun here). */
static zend_result bill_locked(adjust_ctx *x, cloudacct_money_tx *t, zval *bill)
{
	zval head;

	if (CLOUDACCT_MONEY_ROW(x->s, "SELECT client_id FROM {bill} WHERE uniacid = ? AND id = ?", x->bill_id, "账单",
			&head) == FAILURE) {
		return FAILURE;
	}
	zend_long client_id = cloudacct_money_long(&head, "client_id");
	zval_ptr_dtor(&head);
	if (cloudacct_money_authorize(x->s, x->a, client_id, NULL) == FAILURE
			|| cloudacct_money_tx_begin(t, x->s, x->a, client_id) == FAILURE) {
		return FAILURE;
	}
	return CLOUDACCT_MONEY_ROW(x->s, "SELECT " BILL_COLUMNS " FROM {bill} WHERE uniacid = ? AND id = ? FOR UPDATE",
		x->bill_id, "账单", bill);
}

static zend_result waive_body(cloudacct_connection *c, void *ctx_)
{
	adjust_ctx *x = ctx_;
	cloudacct_money_tx t;
	zval bill, detail;
	char memo[400], amount[CLOUDACCT_MONEY_BUFSZ];
	(void) c;

	if (bill_locked(x, &t, &bill) == FAILURE) {
		return FAILURE;
	}
	zend_long owed = cloudacct_money_long(&bill, "owed_fen");
	zval_ptr_dtor(&bill);
	if (owed <= 0) {
		cloudacct_throw_invalid_transition("settled", "账单已结清，无需减免 (nothing is owed on bill %ld)", (long) x->bill_id);
		return FAILURE;
	}
	if (x->amount > owed) {
		cloudacct_money_format(owed, amount);
		cloudacct_throw_validation("amount_fen", "减免金额不能超过未缴金额 %s 元 (waiver exceeds what is owed)", amount);
		return FAILURE;
	}
	snprintf(memo, sizeof(memo), "减免：%s", ZSTR_VAL(x->reason));
	if (cloudacct_money_post(&t, "waiver", -x->amount, x->bill_id, 0, 0, 0, 0, memo, &x->entry_id) == FAILURE
			|| cloudacct_money_bill_change(&t, x->bill_id, 0, x->amount, false) == FAILURE
			|| cloudacct_money_tx_finish(&t) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "amount_fen", x->amount);
	add_assoc_str(&detail, "reason", zend_string_copy(x->reason));
	zend_result rc = cloudacct_money_audit(x->s, x->a, "bill_waive", "bill", x->bill_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

static zend_result cancel_body(cloudacct_connection *c, void *ctx_)
{
	adjust_ctx *x = ctx_;
	cloudacct_money_tx t;
	zval bill, detail;
	size_t len;
	char memo[400];
	(void) c;

	if (bill_locked(x, &t, &bill) == FAILURE) {
		return FAILURE;
	}
	const char *status = cloudacct_money_str(&bill, "status", &len);
	bool is_void = len == 4 && memcmp(status, "void", 4) == 0;
	zval_ptr_dtor(&bill);
	if (is_void) {
		cloudacct_throw_invalid_transition("void", "账单已作废 (bill %ld is already void)", (long) x->bill_id);
		return FAILURE;
	}
	snprintf(memo, sizeof(memo), "作废账单：%s", ZSTR_VAL(x->reason));
	if (cloudacct_money_void_bill(&t, x->bill_id, memo) == FAILURE || cloudacct_money_tx_finish(&t) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_str(&detail, "reason", zend_string_copy(x->reason));
	zend_result rc = cloudacct_money_audit(x->s, x->a, "bill_cancel", "bill", x->bill_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_Ledger_Billing, waive)
{
	zval *zactor, *z_amount;
	cloudacct_actor a;
	adjust_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(4, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(x.bill_id)
		Z_PARAM_ZVAL(z_amount)
		Z_PARAM_STR(x.reason)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(x.bill_id, 2) || !cloudacct_money_require_admin(&a)
			|| !cloudacct_money_arg_amount(z_amount, 3, "amount_fen", &x.amount)
			|| !cloudacct_money_check_text(x.reason, "reason", "减免原因", 1, 200)) {
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	if (cloudacct_db_transaction(s->db, waive_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.entry_id);
}

ZEND_METHOD(CloudAcct_Ledger_Billing, cancel)
{
	zval *zactor;
	cloudacct_actor a;
	adjust_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(x.bill_id)
		Z_PARAM_STR(x.reason)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(x.bill_id, 2) || !cloudacct_money_require_admin(&a)
			|| !cloudacct_money_check_text(x.reason, "reason", "作废原因", 1, 200)) {
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	x.cancel = true;
	if (cloudacct_db_transaction(s->db, cancel_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}
