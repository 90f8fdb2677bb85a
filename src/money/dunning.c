/* CloudAcct\Ledger\Dunning: reminders (催费) per the dunning_steps setting, "remind now", the log,
 * template checks, and the send-time recheck the notices sender calls (money.h). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "zend_exceptions.h"
#include "money.h"
#include "money_int.h"
#include "../common/errors.h"
#include "../core/ledger.h"
#include "../core/money.h"
#include "../core/calendar.h"
#include "../core/template.h"
#include "../core/text.h"
#include "../settings/settings.h"

#define DUN_LEASE_SECONDS 300
#define TEXT_MAX 600
#define STILL_DUE_MAX 100

/* ---- the send-time recheck ---- */

zend_result cloudacct_money_bills_still_due(cloudacct_store *s, const zend_long *bill_ids, size_t n, bool *due)
{
	smart_str sql = {0};
	cloudacct_param p[STILL_DUE_MAX + 1];
	zval v;

	*due = false;
	if (n == 0) {
		return SUCCESS;
	}
	if (n > STILL_DUE_MAX) {
		n = STILL_DUE_MAX;
	}
	p[0] = CLOUDACCT_PARAM_LONG(s->uniacid);
	smart_str_appends(&sql, "SELECT 1 FROM {bill} WHERE uniacid = ? AND status = 'open' AND id IN (?");
	p[1] = CLOUDACCT_PARAM_LONG(bill_ids[0]);
	for (size_t i = 1; i < n; i++) {
		smart_str_appends(&sql, ", ?");
		p[i + 1] = CLOUDACCT_PARAM_LONG(bill_ids[i]);
	}
	smart_str_appends(&sql, ") LIMIT 1");
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, (uint32_t) n + 1, CLOUDACCT_FETCH_VALUE, &v);
	smart_str_free(&sql);
	if (rc == SUCCESS) {
		*due = Z_TYPE(v) == IS_LONG;
	}
	return rc;
}

/* ---- settings and rendering ---- */

typedef struct {
	zval set; /* owned: the settings below by name */
	int32_t steps[CLOUDACCT_DUNNING_MAX_STEPS];
	size_t n_steps;
	zend_long quiet_from, quiet_to, remind_hours;
} dun_conf;

static const char *const conf_names[] = { "dunning_quiet_from", "dunning_quiet_to", "remind_now_hours",
	"dunning_template_before", "dunning_template_due", "dunning_template_overdue", "pay_link", "firm_name" };

static zend_result conf_load(cloudacct_store *s, dun_conf *c)
{
	if (cloudacct_money_settings(s, conf_names, sizeof(conf_names) / sizeof(conf_names[0]), &c->set) == FAILURE) {
		return FAILURE;
	}
	c->quiet_from = zval_get_long(zend_hash_str_find(Z_ARRVAL(c->set), ZEND_STRL("dunning_quiet_from")));
	c->quiet_to = zval_get_long(zend_hash_str_find(Z_ARRVAL(c->set), ZEND_STRL("dunning_quiet_to")));
	c->remind_hours = zval_get_long(zend_hash_str_find(Z_ARRVAL(c->set), ZEND_STRL("remind_now_hours")));
	if (cloudacct_money_dunning_steps(s, c->steps, &c->n_steps) == FAILURE) {
		zval_ptr_dtor(&c->set);
		return FAILURE;
	}
	return SUCCESS;
}

static const char *conf_str(dun_conf *c, const char *name, size_t *len)
{
	zval *v = zend_hash_str_find(Z_ARRVAL(c->set), name, strlen(name));
	if (!v || Z_TYPE_P(v) != IS_STRING) {
		*len = 0;
		return "";
	}
	*len = Z_STRLEN_P(v);
	return Z_STRVAL_P(v);
}

static bool in_quiet_hours(dun_conf *c)
{
	return cloudacct_quiet_hours(cloudacct_money_local_hour(), (int) c->quiet_from, (int) c->quiet_to);
}

/* What a reminder says about the money: filled per bill (or per company for "remind now"). */
typedef struct {
	const char *company;
	size_t company_len;
	zend_long client_id;
	zend_long amount;
	char periods[200];
	int32_t due;
	int32_t today;
} dun_facts;

#define N_VARS 7

/* Renders tpl with the facts; false when the template is broken (the caller falls back). */
static bool render(dun_conf *c, const char *tpl, size_t tpl_len, dun_facts *f, char *out, size_t cap, size_t *len,
	char *link, size_t link_cap)
{
	char amount[CLOUDACCT_MONEY_BUFSZ], due[CLOUDACCT_DATE_BUFSZ], days[24], id[24];
	size_t pos, link_len = 0, raw_len, firm_len;
	const char *raw = conf_str(c, "pay_link", &raw_len);
	const char *firm = conf_str(c, "firm_name", &firm_len);
	int32_t overdue = cloudacct_days_overdue(f->due, f->today);

	cloudacct_money_format(f->amount, amount);
	cloudacct_date_format(f->due, due);
	snprintf(days, sizeof(days), "%d", (int) (overdue < 0 ? 0 : overdue));
	snprintf(id, sizeof(id), "%ld", (long) f->client_id);
	cloudacct_tpl_var link_vars[] = { { "client_id", id, strlen(id) } };
	if (cloudacct_template_render(raw, raw_len, link_vars, 1, link, link_cap, &link_len, &pos) != CLOUDACCT_TPL_OK) {
		link[0] = '\0';
		link_len = 0;
	}
	cloudacct_tpl_var vars[N_VARS] = {
		{ "company", f->company, f->company_len }, { "amount", amount, strlen(amount) },
		{ "periods", f->periods, strlen(f->periods) }, { "due_date", due, strlen(due) },
		{ "days_overdue", days, strlen(days) }, { "pay_link", link, link_len }, { "firm", firm, firm_len },
	};
	return cloudacct_template_render(tpl, tpl_len, vars, N_VARS, out, cap, len, &pos) == CLOUDACCT_TPL_OK;
}

/* The reminder text: the admin's template for before / on / after the due date, or the built-in
 * default when the stored one does not render. */
static void reminder_text(dun_conf *c, dun_facts *f, char *out, size_t cap, char *link, size_t link_cap)
{
	const char *name = f->due > f->today ? "dunning_template_before"
		: f->due == f->today ? "dunning_template_due" : "dunning_template_overdue";
	size_t tpl_len, len;
	const char *tpl = conf_str(c, name, &tpl_len);

	if (render(c, tpl, tpl_len, f, out, cap, &len, link, link_cap)) {
		return;
	}
	for (size_t i = 0; i < cloudacct_n_setting_keys; i++) {
		const cloudacct_setting_key *k = &cloudacct_setting_keys[i];
		if (strcmp(k->name, name) == 0) {
			/* the default is a JSON string without escapes: strip the quotes */
			size_t n = strlen(k->default_json);
			if (render(c, k->default_json + 1, n - 2, f, out, cap, &len, link, link_cap)) {
				return;
			}
		}
	}
	snprintf(out, cap, "您有服务费待缴，请及时缴纳。");
}

static void periods_text(int32_t from, int32_t to, char *out, size_t cap)
{
	char a[8], b[8];

	cloudacct_money_period_str(from, a);
	cloudacct_money_period_str(to, b);
	if (from == to) {
		snprintf(out, cap, "%s", a);
	} else {
		snprintf(out, cap, "%s至%s", a, b);
	}
}

static zend_result company_name(cloudacct_store *s, zend_long client_id, zval *name)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	return CLOUDACCT_DB_RUN(s->db, "SELECT name FROM {client} WHERE uniacid = ? AND id = ?", p, 2, CLOUDACCT_FETCH_VALUE, name);
}

/* Queues the reminder to every contact of the company and writes the log row. */
static zend_result queue_reminder(cloudacct_store *s, const cloudacct_actor *a, dun_facts *f, zend_long bill_id,
	zval *bill_ids, const char *step_key, const char *kind, int32_t step, dun_conf *c, zend_long *log_id)
{
	char text[TEXT_MAX + 1], link[300], due[CLOUDACCT_DATE_BUFSZ], amount[CLOUDACCT_MONEY_BUFSZ], key[96];
	zval payload;
	zend_long recipients = 0;
	const char *actor_kind = cloudacct_actor_kind_name(a->kind);

	reminder_text(c, f, text, sizeof(text), link, sizeof(link));
	cloudacct_date_format(f->due, due);
	cloudacct_money_format(f->amount, amount);
	array_init(&payload);
	add_assoc_string(&payload, "title", "服务费缴费提醒");
	add_assoc_string(&payload, "text", text);
	add_assoc_long(&payload, "client_id", f->client_id);
	add_assoc_stringl(&payload, "company", (char *) f->company, f->company_len);
	add_assoc_string(&payload, "amount", amount);
	add_assoc_string(&payload, "periods", f->periods);
	add_assoc_string(&payload, "due_date", due);
	add_assoc_string(&payload, "pay_link", link);
	add_assoc_long(&payload, "step", step);
	Z_TRY_ADDREF_P(bill_ids);
	add_assoc_zval(&payload, "bill_ids", bill_ids);
	add_assoc_string(&payload, "recheck", CLOUDACCT_MONEY_RECHECK);
	snprintf(key, sizeof(key), "dun-%ld-%s", (long) bill_id, step_key);
	zend_result rc = cloudacct_money_notify_client(s, f->client_id, "dunning_reminder", &payload, key, &recipients);
	zval_ptr_dtor(&payload);
	if (rc == FAILURE) {
		return FAILURE;
	}
	size_t text_len = cloudacct_money_utf8_prefix(text, strlen(text), TEXT_MAX);
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(f->client_id), CLOUDACCT_PARAM_LONG(bill_id),
		CLOUDACCT_PARAM_STR(step_key, strlen(step_key)), CLOUDACCT_PARAM_STR(kind, strlen(kind)), CLOUDACCT_PARAM_LONG(f->amount),
		CLOUDACCT_PARAM_LONG(recipients), CLOUDACCT_PARAM_STR(recipients > 0 ? "queued" : "no_recipient", recipients > 0 ? 6 : 12),
		CLOUDACCT_PARAM_STR(text, text_len), CLOUDACCT_PARAM_STR(actor_kind, strlen(actor_kind)), CLOUDACCT_PARAM_LONG(a->id),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()) };
	if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {dunning_log} (uniacid, client_id, bill_id, step_key, kind, amount_fen,"
			" recipients, status, text, actor_kind, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			p, 12, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (log_id) {
		*log_id = (zend_long) cloudacct_db_insert_id(s->db);
	}
	return SUCCESS;
}

/* ---- the scheduler entry ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	dun_conf *c;
	zend_long bill_id;
	char token[17];
	bool queued;
} bill_ctx;

static zend_result bill_body(cloudacct_connection *conn, void *ctx_)
{
	bill_ctx *x = ctx_;
	zval bill, logged, name, ids;
	int idx;
	int32_t next = 0;
	char step_key[16];
	size_t len;
	dun_facts f = { 0 };
	zend_result rc = SUCCESS;
	(void) conn;

	x->queued = false;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->bill_id) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT client_id, status, due_date, period, period_to, dun_lease_token,"
			" amount_fen - paid_fen - waived_fen AS owed FROM {bill} WHERE uniacid = ? AND id = ? FOR UPDATE", p, 2,
			CLOUDACCT_FETCH_ROW, &bill) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(bill) != IS_ARRAY) {
		return SUCCESS;
	}
	const char *token = cloudacct_money_str(&bill, "dun_lease_token", &len);
	bool ours = len == 16 && memcmp(token, x->token, 16) == 0;
	const char *status = cloudacct_money_str(&bill, "status", &len);
	bool open = len == 4 && memcmp(status, "open", 4) == 0;
	f.client_id = cloudacct_money_long(&bill, "client_id");
	f.amount = cloudacct_money_long(&bill, "owed");
	f.due = (int32_t) cloudacct_money_long(&bill, "due_date");
	f.today = cloudacct_money_today();
	periods_text((int32_t) cloudacct_money_long(&bill, "period"), (int32_t) cloudacct_money_long(&bill, "period_to"), f.periods,
		sizeof(f.periods));
	zval_ptr_dtor(&bill);
	if (!ours) {
		return SUCCESS; /* the lease ran out and another process has the bill now */
	}
	if (open && !cloudacct_dunning_current(x->c->steps, x->c->n_steps, f.due, f.today, &idx, &next)) {
		idx = -1;
		next = 0;
	}
	if (open && idx >= 0) {
		cloudacct_dunning_step_key(x->c->steps[idx], step_key);
		cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->bill_id),
			CLOUDACCT_PARAM_STR(step_key, strlen(step_key)) };
		/* A plain read is enough: every writer of this bill's step rows holds the bill's row lock
		 * (and a locking read of a missing key would take gap locks that deadlock the inserts). */
		if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id FROM {dunning_log} WHERE uniacid = ? AND bill_id = ? AND step_key = ?",
				q, 3, CLOUDACCT_FETCH_VALUE, &logged) == FAILURE || company_name(x->s, f.client_id, &name) == FAILURE) {
			return FAILURE;
		}
		if (Z_TYPE(logged) == IS_NULL) {
			f.company = Z_TYPE(name) == IS_STRING ? Z_STRVAL(name) : "";
			f.company_len = strlen(f.company);
			array_init(&ids);
			add_next_index_long(&ids, x->bill_id);
			rc = queue_reminder(x->s, x->a, &f, x->bill_id, &ids, step_key, "auto", x->c->steps[idx], x->c, NULL);
			zval_ptr_dtor(&ids);
			x->queued = rc == SUCCESS;
		}
		zval_ptr_dtor(&name);
	}
	if (rc == FAILURE) {
		return FAILURE;
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(open ? next : 0), CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->bill_id) };
	return CLOUDACCT_DB_RUN(x->s->db, "UPDATE {bill} SET dun_next = ?, dun_lease_until = 0, dun_lease_token = NULL"
		" WHERE uniacid = ? AND id = ?", u, 3, CLOUDACCT_FETCH_NONE, NULL);
}

typedef struct {
	cloudacct_store *s;
	zend_long limit;
	zval *rows;
	const char *token;
} claim_ctx;

/* Candidates by a plain read (no range locks), then a conditional UPDATE by primary key: only rows
 * still unclaimed are taken, and no gap lock meets another scheduler's row updates. */
static zend_result claim_body(cloudacct_connection *conn, void *ctx_)
{
	claim_ctx *x = ctx_;
	zend_long now = cloudacct_clock_now(), today = cloudacct_money_today();
	zval cand, *row;
	smart_str sql = {0};
	cloudacct_param *p;
	uint32_t n = 0, count;
	zend_result rc;
	(void) conn;

	cloudacct_param c[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(today), CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(x->limit) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id FROM {bill} WHERE uniacid = ? AND status = 'open' AND dun_next BETWEEN 1 AND ?"
			" AND dun_lease_until < ? ORDER BY dun_next, id LIMIT ?", c, 4, CLOUDACCT_FETCH_ALL, &cand) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE_P(x->rows) == IS_ARRAY) {
		zval_ptr_dtor(x->rows); /* a retried attempt */
	}
	count = zend_hash_num_elements(Z_ARRVAL(cand));
	if (count == 0) {
		ZVAL_COPY_VALUE(x->rows, &cand);
		return SUCCESS;
	}
	p = safe_emalloc(count + 6, sizeof(*p), 0);
	p[n++] = CLOUDACCT_PARAM_LONG(now + DUN_LEASE_SECONDS);
	p[n++] = CLOUDACCT_PARAM_STR(x->token, 16);
	p[n++] = CLOUDACCT_PARAM_LONG(x->s->uniacid);
	smart_str_appends(&sql, "UPDATE {bill} SET dun_lease_until = ?, dun_lease_token = ? WHERE uniacid = ? AND id IN (");
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(cand), row) {
		smart_str_appends(&sql, n > 3 ? ", ?" : "?");
		p[n++] = CLOUDACCT_PARAM_LONG(cloudacct_money_long(row, "id"));
	} ZEND_HASH_FOREACH_END();
	smart_str_appends(&sql, ") AND status = 'open' AND dun_next BETWEEN 1 AND ? AND dun_lease_until < ?");
	smart_str_0(&sql);
	p[n++] = CLOUDACCT_PARAM_LONG(today);
	p[n++] = CLOUDACCT_PARAM_LONG(now);
	rc = cloudacct_db_run(x->s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&sql);
	efree(p);
	zval_ptr_dtor(&cand);
	if (rc == FAILURE) {
		ZVAL_UNDEF(x->rows);
		return FAILURE;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_STR(x->token, 16), CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	return CLOUDACCT_DB_RUN(x->s->db, "SELECT id FROM {bill} WHERE dun_lease_token = ? AND uniacid = ? ORDER BY id", q, 2,
		CLOUDACCT_FETCH_ALL, x->rows);
}

ZEND_METHOD(CloudAcct_Ledger_Dunning, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Ledger_Dunning, runDue)
{
	zval *zactor, rows, *row;
	zend_long limit = 100, queued = 0, skipped = 0;
	ZVAL_UNDEF(&rows);
	cloudacct_actor a;
	dun_conf c;
	bill_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(limit)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_system(&a)) {
		RETURN_THROWS();
	}
	if (limit < 1 || limit > 1000) {
		zend_argument_value_error(2, "must be between 1 and 1000");
		RETURN_THROWS();
	}
	if (conf_load(s, &c) == FAILURE) {
		RETURN_THROWS();
	}
	array_init(return_value);
	if (in_quiet_hours(&c)) {
		zval_ptr_dtor(&c.set);
		add_assoc_long(return_value, "queued", 0);
		add_assoc_long(return_value, "skipped", 0);
		add_assoc_bool(return_value, "quiet", true);
		return;
	}
	/* Claim due bills with a lease: several schedulers split the work, none sends twice. The claim
	 * is its own transaction, so a deadlock with another scheduler's row updates is retried. */
	claim_ctx cl = { s, limit, &rows };
	cloudacct_money_token(x.token, 16, "0123456789abcdef");
	cl.token = x.token;
	if (cloudacct_db_transaction(s->db, claim_body, &cl, 10) == FAILURE) {
		zval_ptr_dtor(&c.set);
		zval_ptr_dtor(return_value);
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	x.c = &c;
	zend_result rc = SUCCESS;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		x.bill_id = cloudacct_money_long(row, "id");
		rc = cloudacct_db_transaction(s->db, bill_body, &x, 0);
		if (rc == FAILURE && EG(exception) && instanceof_function(EG(exception)->ce, cloudacct_ce_DeadlockException)) {
			/* Still contended after the retries: its lease runs out and a later run takes it. */
			zend_clear_exception();
			rc = SUCCESS;
			x.queued = false;
		}
		if (rc == FAILURE) {
			break;
		}
		if (x.queued) {
			queued++;
		} else {
			skipped++;
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	zval_ptr_dtor(&c.set);
	if (rc == FAILURE) {
		zval_ptr_dtor(return_value);
		RETURN_THROWS();
	}
	add_assoc_long(return_value, "queued", queued);
	add_assoc_long(return_value, "skipped", skipped);
	add_assoc_bool(return_value, "quiet", false);
}

/* ---- remind now ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	dun_conf *c;
	zend_long client_id;
	zend_long log_id;
} remind_ctx;

static zend_result remind_body(cloudacct_connection *conn, void *ctx_)
{
	remind_ctx *x = ctx_;
	zval last, bills, *row, ids, name, detail;
	zend_long now = cloudacct_clock_now();
	dun_facts f = { 0 };
	int32_t first = 0, last_to = 0;
	char step_key[32];
	(void) conn;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id), CLOUDACCT_PARAM_LONG(now) };
	if (cloudacct_money_balance_row(x->s, x->client_id, now) == FAILURE
			|| CLOUDACCT_DB_RUN(x->s->db, "SELECT last_reminded_at FROM {client_balance} WHERE uniacid = ? AND client_id = ?"
				" FOR UPDATE", p, 2, CLOUDACCT_FETCH_VALUE, &last) == FAILURE) {
		return FAILURE;
	}
	zend_long wait = zval_get_long(&last) + x->c->remind_hours * 3600 - now;
	if (zval_get_long(&last) > 0 && wait > 0) {
		cloudacct_throw_conflict("已提醒过该客户，请约 %ld 小时后再试 (reminded recently; try again in %ld min)",
			(long) ((wait + 3599) / 3600), (long) ((wait + 59) / 60));
		return FAILURE;
	}
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id, due_date, period, period_to, amount_fen - paid_fen - waived_fen AS owed"
			" FROM {bill} WHERE uniacid = ? AND client_id = ? AND status = 'open' ORDER BY due_date, period LIMIT 100",
			p, 2, CLOUDACCT_FETCH_ALL, &bills) == FAILURE) {
		return FAILURE;
	}
	if (zend_hash_num_elements(Z_ARRVAL(bills)) == 0) {
		zval_ptr_dtor(&bills);
		cloudacct_throw_conflict("该客户没有待缴账单，无需提醒 (nothing is owed)");
		return FAILURE;
	}
	array_init(&ids);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(bills), row) {
		int32_t from = (int32_t) cloudacct_money_long(row, "period"), to = (int32_t) cloudacct_money_long(row, "period_to");
		add_next_index_long(&ids, cloudacct_money_long(row, "id"));
		f.amount += cloudacct_money_long(row, "owed");
		if (f.due == 0) {
			f.due = (int32_t) cloudacct_money_long(row, "due_date");
		}
		first = first == 0 || from < first ? from : first;
		last_to = to > last_to ? to : last_to;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&bills);
	periods_text(first, last_to, f.periods, sizeof(f.periods));
	f.client_id = x->client_id;
	f.today = cloudacct_money_today();
	if (company_name(x->s, x->client_id, &name) == FAILURE) {
		zval_ptr_dtor(&ids);
		return FAILURE;
	}
	f.company = Z_TYPE(name) == IS_STRING ? Z_STRVAL(name) : "";
	f.company_len = strlen(f.company);
	snprintf(step_key, sizeof(step_key), "m%ld-%ld", (long) x->client_id, (long) now);
	zend_result rc = queue_reminder(x->s, x->a, &f, 0, &ids, step_key, "manual", 0, x->c, &x->log_id);
	zval_ptr_dtor(&ids);
	zval_ptr_dtor(&name);
	if (rc == FAILURE) {
		return FAILURE;
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id) };
	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {client_balance} SET last_reminded_at = ? WHERE uniacid = ? AND client_id = ?",
			u, 3, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "client_id", x->client_id);
	add_assoc_long(&detail, "amount_fen", f.amount);
	rc = cloudacct_money_audit(x->s, x->a, "dunning_remind", "dunning_log", x->log_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

#define LOG_COLUMNS \
	"d.id, d.client_id, d.bill_id, d.step_key, d.kind, d.amount_fen, d.recipients, d.status, d.text, d.actor_kind," \
	" d.actor_id, d.created_at"

ZEND_METHOD(CloudAcct_Ledger_Dunning, remindNow)
{
	zval *zactor;
	zend_long client_id;
	cloudacct_actor a;
	dun_conf c;
	remind_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(client_id, 2) || cloudacct_money_authorize_staff_or_admin(s, &a, client_id) == FAILURE
			|| conf_load(s, &c) == FAILURE) {
		RETURN_THROWS();
	}
	if (in_quiet_hours(&c)) {
		cloudacct_throw_conflict("现在是免打扰时段（%ld:00–%ld:00），请稍后再提醒 (quiet hours)", (long) c.quiet_from,
			(long) c.quiet_to);
		zval_ptr_dtor(&c.set);
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	x.c = &c;
	x.client_id = client_id;
	zend_result rc = cloudacct_db_transaction(s->db, remind_body, &x, 0);
	zval_ptr_dtor(&c.set);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x.log_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT " LOG_COLUMNS " FROM {dunning_log} d WHERE d.uniacid = ? AND d.id = ?", p, 2,
			CLOUDACCT_FETCH_ROW, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- the log ---- */

ZEND_METHOD(CloudAcct_Ledger_Dunning, log)
{
	zval *zactor, total, items;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20, client_id = 0, bill_id = 0;
	zend_string *kind = NULL;
	cloudacct_actor a;
	cloudacct_param p[12];
	uint32_t n = 0;
	smart_str where = {0}, sql = {0};
	static const char *const keys[] = { "client_id", "bill_id", "kind", NULL };

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_page(page, per_page, 3) || !cloudacct_money_opt_known(filter, keys, "筛选条件")
			|| !cloudacct_money_opt_long(filter, "client_id", 0, &client_id)
			|| !cloudacct_money_opt_long(filter, "bill_id", 0, &bill_id) || !cloudacct_money_opt_str(filter, "kind", &kind)) {
		RETURN_THROWS();
	}
	if (kind && !zend_string_equals_literal(kind, "auto") && !zend_string_equals_literal(kind, "manual")) {
		cloudacct_throw_validation("kind", "类型只能是 auto 或 manual (kind)");
		RETURN_THROWS();
	}
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	if (cloudacct_money_scope(s, &a, true, &where, p, &n) == FAILURE) {
		smart_str_free(&where);
		RETURN_THROWS();
	}
	if (client_id) {
		smart_str_appends(&where, " AND d.client_id = ?");
		p[n++] = CLOUDACCT_PARAM_LONG(client_id);
	}
	if (bill_id) {
		smart_str_appends(&where, " AND d.bill_id = ?");
		p[n++] = CLOUDACCT_PARAM_LONG(bill_id);
	}
	if (kind) {
		smart_str_appends(&where, " AND d.kind = ?");
		p[n++] = CLOUDACCT_PARAM_ZSTR(kind);
	}
	smart_str_0(&where);
	const char *w = where.s ? ZSTR_VAL(where.s) : "";
	smart_str_append_printf(&sql, "SELECT COUNT(*) FROM {dunning_log} d JOIN {client} c ON c.id = d.client_id"
		" AND c.uniacid = d.uniacid WHERE d.uniacid = ?%s", w);
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_VALUE, &total);
	smart_str_free(&sql);
	if (rc == SUCCESS) {
		p[n++] = CLOUDACCT_PARAM_LONG(per_page);
		p[n++] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
		smart_str_append_printf(&sql, "SELECT " LOG_COLUMNS ", c.name AS company FROM {dunning_log} d JOIN {client} c"
			" ON c.id = d.client_id AND c.uniacid = d.uniacid WHERE d.uniacid = ?%s ORDER BY d.created_at DESC, d.id DESC"
			" LIMIT ? OFFSET ?", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, &items);
		smart_str_free(&sql);
	}
	smart_str_free(&where);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", zval_get_long(&total));
	add_assoc_zval(return_value, "items", &items);
}

ZEND_METHOD(CloudAcct_Ledger_Dunning, preview)
{
	zval *zactor;
	zend_string *tpl;
	cloudacct_actor a;
	dun_conf c;
	char out[TEXT_MAX * 4 + 1], link[300];
	size_t len, pos = 0;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(tpl)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_admin(&a) || !cloudacct_money_check_text(tpl, "template", "提醒模板", 1, 300)
			|| conf_load(s, &c) == FAILURE) {
		RETURN_THROWS();
	}
	dun_facts f = { .company = "示例科技有限公司", .client_id = 1, .amount = 120000, .today = cloudacct_money_today() };
	f.company_len = strlen(f.company);
	f.due = cloudacct_date_add_days(f.today, -3);
	snprintf(f.periods, sizeof(f.periods), "2026-01至2026-03");
	bool ok = render(&c, ZSTR_VAL(tpl), ZSTR_LEN(tpl), &f, out, sizeof(out), &len, link, sizeof(link));
	zval_ptr_dtor(&c.set);
	if (!ok) {
		/* again without output, for the position and kind of the error */
		cloudacct_tpl_var vars[N_VARS] = { { "company", "", 0 }, { "amount", "", 0 }, { "periods", "", 0 },
			{ "due_date", "", 0 }, { "days_overdue", "", 0 }, { "pay_link", "", 0 }, { "firm", "", 0 } };
		cloudacct_tpl_status st = cloudacct_template_render(ZSTR_VAL(tpl), ZSTR_LEN(tpl), vars, N_VARS, NULL, SIZE_MAX, &len,
			&pos);
		cloudacct_throw_validation("template", "%s（第 %zu 个字节处）(template error at byte %zu)",
			cloudacct_template_status_message(st == CLOUDACCT_TPL_OK ? CLOUDACCT_TPL_TOO_LONG : st), pos, pos);
		RETURN_THROWS();
	}
	RETURN_STRINGL(out, len);
}

ZEND_METHOD(CloudAcct_Ledger_Dunning, stillDue)
{
	zval *zactor, *v;
	HashTable *ids;
	cloudacct_actor a;
	zend_long list[STILL_DUE_MAX];
	size_t n = 0;
	bool due;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(ids)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_system(&a)) {
		RETURN_THROWS();
	}
	if (zend_hash_num_elements(ids) > STILL_DUE_MAX) {
		zend_argument_value_error(2, "must hold at most %d bill ids", STILL_DUE_MAX);
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(ids, v) {
		if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) <= 0) {
			zend_argument_value_error(2, "must be a list of positive bill ids");
			RETURN_THROWS();
		}
		list[n++] = Z_LVAL_P(v);
	} ZEND_HASH_FOREACH_END();
	if (cloudacct_money_bills_still_due(s, list, n, &due) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_BOOL(due);
}
