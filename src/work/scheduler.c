/* CloudAcct\Work\Scheduler: this area's due work (DESIGN §3.9). Each task claims a batch of due
 * rows by writing a random lease token into them with one conditional UPDATE … LIMIT (rows
 * another process holds a live lease on are skipped), reads the batch back by token, and moves
 * each row in its own transaction with the usual conditional update, so a row is handled once
 * even when several processes run the same task; a process that dies leaves leases that simply
 * expire. No SKIP LOCKED, nothing that TiDB would refuse. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "internal.h"
#include "../context/area.h"
#include "../common/errors.h"

zend_class_entry *cloudacct_ce_Work_Scheduler;

#define LEASE_SECONDS 120

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long limit;
	char token[17];
	zend_long now;
} task;

/* A conflict means someone else moved the row first: that row is done, go on with the next. */
static bool lost_race(void)
{
	if (EG(exception) && instanceof_function(EG(exception)->ce, cloudacct_ce_ConflictException)) {
		zend_clear_exception();
		return true;
	}
	return false;
}

typedef struct {
	const char *sql;
	size_t len;
	const cloudacct_param *p;
	uint32_t n;
	uint64_t affected; /* read inside: the COMMIT resets the connection's count */
} one_stmt;

static zend_result one_stmt_body(cloudacct_connection *c, void *ctx)
{
	one_stmt *x = ctx;
	zend_result rc = cloudacct_db_run(c, x->sql, x->len, x->p, x->n, CLOUDACCT_FETCH_NONE, NULL);
	x->affected = cloudacct_db_affected_rows(c);
	return rc;
}

/* A claim's range scan and another process's row transition can lock the same index entries
 * in opposite order; the server then kills one of them. Run it as a transaction so such a
 * deadlock is retried like any other. */
static zend_result run_retried(task *t, const char *sql, size_t len, const cloudacct_param *p, uint32_t n,
	uint64_t *affected)
{
	one_stmt x = { sql, len, p, n, 0 };
	zend_result rc = cloudacct_db_transaction(t->s->db, one_stmt_body, &x, 5);
	*affected = x.affected;
	return rc;
}

/* Runs the claim UPDATE (params: lease_until, token, uniacid, …, now, limit) and reads the
 * claimed rows back. */
static zend_result claim(task *t, const char *claim_sql, size_t claim_len, const cloudacct_param *extra, uint32_t n_extra,
	const char *select_sql, size_t select_len, zval *rows)
{
	cloudacct_param p[8];
	uint32_t n = 0;

	cloudacct_work_token(t->token);
	p[n++] = CLOUDACCT_PARAM_LONG(t->now + LEASE_SECONDS);
	p[n++] = CLOUDACCT_PARAM_STR(t->token, 16);
	p[n++] = CLOUDACCT_PARAM_LONG(t->s->uniacid);
	for (uint32_t i = 0; i < n_extra; i++) {
		p[n++] = extra[i];
	}
	p[n++] = CLOUDACCT_PARAM_LONG(t->now);
	p[n++] = CLOUDACCT_PARAM_LONG(t->limit);
	uint64_t claimed;
	if (run_retried(t, claim_sql, claim_len, p, n, &claimed) == FAILURE) {
		return FAILURE;
	}
	if (claimed == 0) {
		array_init(rows);
		return SUCCESS;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_STR(t->token, 16), CLOUDACCT_PARAM_LONG(t->s->uniacid) };
	return cloudacct_db_run(t->s->db, select_sql, select_len, q, 2, CLOUDACCT_FETCH_ALL, rows);
}

/* Gives back the leases of claimed rows that were not moved (not due after all, lost races). */
static zend_result release(task *t, const char *sql, size_t len)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_STR(t->token, 16), CLOUDACCT_PARAM_LONG(t->s->uniacid) };
	uint64_t released;
	return run_retried(t, sql, len, p, 2, &released);
}
#define RELEASE_JOBS(t) \
	release(t, ZEND_STRL("UPDATE {job} SET lease_until = 0, lease_token = NULL WHERE lease_token = ? AND uniacid = ?"))

/* The claimed row already holds every column the engine needs: no second read. */
static void job_of_row(zval *row, cloudacct_work_job *job)
{
	ZVAL_COPY(&job->row, row);
	cloudacct_work_job_fill(job);
}

/* ---- grab windows ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_work_job *job;
	bool round_robin;
	bool assigned;
} auto_ctx;

static zend_result auto_body(cloudacct_connection *c, void *ctx)
{
	auto_ctx *x = ctx;
	zend_long staff_id;

	x->assigned = false;
	if (cloudacct_work_pick_staff(x->s, x->job, x->round_robin, &staff_id) == FAILURE) {
		return FAILURE;
	}
	if (staff_id == 0 || cloudacct_work_claim(x->s, x->job->id, staff_id, true, &x->assigned) == FAILURE) {
		return staff_id == 0 ? SUCCESS : FAILURE;
	}
	return x->assigned ? cloudacct_work_claimed(x->s, x->a, x->job->id, "assign", "抢单超时，自动派单") : SUCCESS;
}

static zend_result expire_grab_windows(task *t, zend_long *escalated, zend_long *auto_assigned)
{
	static const char *const names[] = { "auto_assign_policy" };
	zval policy, rows, *row;
	zend_result rc = SUCCESS;

	*escalated = *auto_assigned = 0;
	if (cloudacct_work_settings(t->s, names, 1, &policy) == FAILURE) {
		return FAILURE;
	}
	bool auto_on = Z_TYPE(policy) == IS_STRING && !zend_string_equals_literal(Z_STR(policy), "off");
	bool round_robin = auto_on && zend_string_equals_literal(Z_STR(policy), "round_robin");
	zval_ptr_dtor(&policy);
	if (claim(t, ZEND_STRL("UPDATE {job} SET lease_until = ?, lease_token = ? WHERE uniacid = ? AND status = 'open'"
			" AND grab_deadline > 0 AND grab_deadline <= ? AND lease_until < ? ORDER BY grab_deadline LIMIT ?"),
			(cloudacct_param[]){ CLOUDACCT_PARAM_LONG(t->now) }, 1,
			ZEND_STRL("SELECT " CLOUDACCT_WORK_JOB_COLUMNS " FROM {job} WHERE lease_token = ? AND uniacid = ?"),
			&rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		cloudacct_work_job job;
		job_of_row(row, &job);
		if (auto_on) {
			auto_ctx x = { t->s, t->a, &job, round_robin, false };
			rc = cloudacct_db_transaction(t->s->db, auto_body, &x, 0);
			if (rc == SUCCESS && x.assigned) {
				(*auto_assigned)++;
				cloudacct_work_job_free(&job);
				continue;
			}
		}
		if (rc == SUCCESS) {
			zend_string *note = zend_string_init(ZEND_STRL("抢单超时，转交管理员指派"), 0);
			cloudacct_work_step step = { CLOUDACCT_JOB_EV_ESCALATE, note, 0, NULL };
			rc = cloudacct_work_job_step(t->s, t->a, &job, &step);
			zend_string_release(note);
			if (rc == SUCCESS) {
				(*escalated)++;
			} else if (lost_race()) {
				rc = SUCCESS;
			}
		}
		cloudacct_work_job_free(&job);
		if (rc == FAILURE) {
			break;
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return rc == SUCCESS ? RELEASE_JOBS(t) : FAILURE;
}

/* ---- silent jobs ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_work_job *job;
	const char *token;
	bool flagged;
} silent_ctx;

static zend_result silent_body(cloudacct_connection *c, void *ctx)
{
	silent_ctx *x = ctx;
	cloudacct_work_job *job = x->job;
	size_t tlen;
	const char *title = cloudacct_work_str(&job->row, "title", &tlen);
	zend_long last = cloudacct_work_long(&job->row, "last_progress_at");
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(job->id), CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_STR(x->token, 16), CLOUDACCT_PARAM_LONG(last) };

	/* Progress written since the claim (last_progress_at moved) keeps the job unflagged. */
	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {job} SET silent = 1, lease_until = 0, lease_token = NULL"
			" WHERE id = ? AND uniacid = ? AND silent = 0 AND lease_token = ? AND last_progress_at = ?"
			" AND status IN ('assigned', 'in_progress')", p, 4, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	x->flagged = cloudacct_db_affected_rows(x->s->db) > 0;
	if (!x->flagged) {
		return SUCCESS;
	}
	zval detail;
	array_init_size(&detail, 2);
	add_assoc_long(&detail, "assignee", job->assignee_id);
	add_assoc_long(&detail, "last_progress_at", last);
	zend_result rc = cloudacct_work_audit(x->s, x->a, "job_silent", "job", job->id, &detail);
	zval_ptr_dtor(&detail);
	if (rc == SUCCESS) {
		rc = cloudacct_work_notice(x->s, "admin", 0, "job_silent", job->id, last, title, tlen, NULL, 0);
	}
	if (rc == SUCCESS) {
		rc = cloudacct_work_notice(x->s, "staff", job->assignee_id, "job_silent", job->id, last, title, tlen, NULL, 0);
	}
	return rc;
}

static zend_result flag_silent_jobs(task *t, zend_long *flagged)
{
	static const char *const names[] = { "silent_job_hours", "work_calendar" };
	zval set[2], rows, *row;
	cloudacct_work_calendar cal;
	zend_result rc = SUCCESS;

	*flagged = 0;
	if (cloudacct_work_settings(t->s, names, 2, set) == FAILURE) {
		return FAILURE;
	}
	zend_long hours = zval_get_long(&set[0]);
	cloudacct_work_calendar_from_setting(&set[1], &cal);
	zval_ptr_dtor(&set[0]);
	zval_ptr_dtor(&set[1]);
	/* Silence is counted in working hours; wall-clock hours are an upper bound, so the claim
	 * takes only rows that can be silent and the calendar decides. */
	if (claim(t, ZEND_STRL("UPDATE {job} SET lease_until = ?, lease_token = ? WHERE uniacid = ?"
			" AND status IN ('assigned', 'in_progress') AND silent = 0 AND last_progress_at <= ? AND lease_until < ?"
			" ORDER BY last_progress_at LIMIT ?"),
			(cloudacct_param[]){ CLOUDACCT_PARAM_LONG(t->now - hours * 3600) }, 1,
			ZEND_STRL("SELECT " CLOUDACCT_WORK_JOB_COLUMNS " FROM {job} WHERE lease_token = ? AND uniacid = ?"),
			&rows) == FAILURE) {
		cloudacct_work_calendar_free(&cal);
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zend_long last = cloudacct_work_long(row, "last_progress_at");
		if (cloudacct_calendar_between(&cal.cal, last, t->now) < hours * 3600) {
			continue;
		}
		cloudacct_work_job job;
		job_of_row(row, &job);
		silent_ctx x = { t->s, t->a, &job, t->token, false };
		rc = cloudacct_db_transaction(t->s->db, silent_body, &x, 0);
		cloudacct_work_job_free(&job);
		if (rc == FAILURE) {
			break;
		}
		*flagged += x.flagged;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	cloudacct_work_calendar_free(&cal);
	return rc == SUCCESS ? RELEASE_JOBS(t) : FAILURE;
}

/* ---- SLA breaches ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_work_job *job;
	const char *token;
	bool recorded;
} breach_ctx;

static zend_result breach_body(cloudacct_connection *c, void *ctx)
{
	breach_ctx *x = ctx;
	cloudacct_work_job *job = x->job;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(job->id), CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_STR(x->token, 16), CLOUDACCT_PARAM_LONG(job->due_at) };

	/* The due time still as claimed: a pause or a completion since then decides instead. */
	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {job} SET sla_breached = 1, lease_until = 0, lease_token = NULL"
			" WHERE id = ? AND uniacid = ? AND sla_breached = 0 AND lease_token = ? AND due_at = ?", p, 4,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	x->recorded = cloudacct_db_affected_rows(x->s->db) > 0;
	if (!x->recorded) {
		return SUCCESS;
	}
	zval detail;
	array_init_size(&detail, 2);
	add_assoc_long(&detail, "due_at", job->due_at);
	add_assoc_long(&detail, "assignee", job->assignee_id);
	zend_result rc = cloudacct_work_audit(x->s, x->a, "job_sla_breach", "job", job->id, &detail);
	zval_ptr_dtor(&detail);
	return rc == SUCCESS
		? cloudacct_work_breach(x->s, job, job->assignee_id, job->due_at, cloudacct_job_state_name(job->status))
		: FAILURE;
}

static zend_result record_sla_breaches(task *t, zend_long *recorded)
{
	zval rows, *row;
	zend_result rc = SUCCESS;

	*recorded = 0;
	if (claim(t, ZEND_STRL("UPDATE {job} SET lease_until = ?, lease_token = ? WHERE uniacid = ? AND sla_breached = 0"
			" AND due_at > 0 AND due_at < ? AND lease_until < ? ORDER BY due_at LIMIT ?"),
			(cloudacct_param[]){ CLOUDACCT_PARAM_LONG(t->now) }, 1,
			ZEND_STRL("SELECT " CLOUDACCT_WORK_JOB_COLUMNS " FROM {job} WHERE lease_token = ? AND uniacid = ?"),
			&rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		cloudacct_work_job job;
		job_of_row(row, &job);
		breach_ctx x = { t->s, t->a, &job, t->token, false };
		rc = cloudacct_db_transaction(t->s->db, breach_body, &x, 0);
		cloudacct_work_job_free(&job);
		if (rc == FAILURE) {
			break;
		}
		*recorded += x.recorded;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return rc == SUCCESS ? RELEASE_JOBS(t) : FAILURE;
}

/* ---- unpaid orders ---- */

static zend_result close_unpaid_orders(task *t, zend_long *closed)
{
	zval rows, *row;
	zend_result rc = SUCCESS;

	*closed = 0;
	if (claim(t, ZEND_STRL("UPDATE {order} SET lease_until = ?, lease_token = ? WHERE uniacid = ?"
			" AND status = 'pending_payment' AND expires_at <= ? AND lease_until < ? ORDER BY expires_at LIMIT ?"),
			(cloudacct_param[]){ CLOUDACCT_PARAM_LONG(t->now) }, 1,
			ZEND_STRL("SELECT id FROM {order} WHERE lease_token = ? AND uniacid = ?"), &rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		bool done = false;
		rc = cloudacct_work_order_expire(t->s, t->a, cloudacct_work_long(row, "id"), &done);
		if (rc == FAILURE && lost_race()) {
			rc = SUCCESS;
		}
		if (rc == FAILURE) {
			break;
		}
		*closed += done;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return rc == SUCCESS
		? release(t, ZEND_STRL("UPDATE {order} SET lease_until = 0, lease_token = NULL WHERE lease_token = ? AND uniacid = ?"))
		: FAILURE;
}

/* ---- done jobs ---- */

static zend_result close_done_jobs(task *t, zend_long *closed)
{
	static const char *const names[] = { "job_auto_close_days" };
	zval days, rows, *row;
	zend_result rc = SUCCESS;

	*closed = 0;
	if (cloudacct_work_settings(t->s, names, 1, &days) == FAILURE) {
		return FAILURE;
	}
	zend_long d = zval_get_long(&days);
	zval_ptr_dtor(&days);
	if (claim(t, ZEND_STRL("UPDATE {job} SET lease_until = ?, lease_token = ? WHERE uniacid = ? AND status = 'done'"
			" AND state_at <= ? AND lease_until < ? ORDER BY state_at LIMIT ?"),
			(cloudacct_param[]){ CLOUDACCT_PARAM_LONG(t->now - d * 86400) }, 1,
			ZEND_STRL("SELECT " CLOUDACCT_WORK_JOB_COLUMNS " FROM {job} WHERE lease_token = ? AND uniacid = ?"),
			&rows) == FAILURE) {
		return FAILURE;
	}
	zend_string *note = zend_strpprintf(0, "完成 %ld 天后客户未评价，系统自动关闭", (long) d);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		cloudacct_work_job job;
		job_of_row(row, &job);
		cloudacct_work_step step = { CLOUDACCT_JOB_EV_CLOSE, note, 0, NULL };
		rc = cloudacct_work_job_step(t->s, t->a, &job, &step);
		cloudacct_work_job_free(&job);
		if (rc == SUCCESS) {
			(*closed)++;
		} else if (lost_race()) {
			rc = SUCCESS;
		} else {
			break;
		}
	} ZEND_HASH_FOREACH_END();
	zend_string_release(note);
	zval_ptr_dtor(&rows);
	return rc == SUCCESS ? RELEASE_JOBS(t) : FAILURE;
}

/* ---- recurring schedules ---- */

static zend_result create_recurring_jobs(task *t, zend_long *created)
{
	zval rows, *row;
	zend_result rc = SUCCESS;

	*created = 0;
	if (claim(t, ZEND_STRL("UPDATE {recurring} SET lease_until = ?, lease_token = ? WHERE uniacid = ? AND active = 1"
			" AND next_run_at <= ? AND lease_until < ? ORDER BY next_run_at LIMIT ?"),
			(cloudacct_param[]){ CLOUDACCT_PARAM_LONG(t->now) }, 1,
			ZEND_STRL("SELECT id, client_id, service_id, type, title, skill, dispatch_mode, due_day, next_period"
				" FROM {recurring} WHERE lease_token = ? AND uniacid = ?"), &rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		bool made = false;
		rc = cloudacct_work_recurring_run(t->s, t->a, row, t->token, &made);
		if (rc == FAILURE && lost_race()) {
			rc = SUCCESS;
		}
		if (rc == FAILURE) {
			break;
		}
		*created += made;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return rc == SUCCESS
		? release(t, ZEND_STRL("UPDATE {recurring} SET lease_until = 0, lease_token = NULL WHERE lease_token = ? AND uniacid = ?"))
		: FAILURE;
}

/* ---- PHP ---- */

static task *task_begin(INTERNAL_FUNCTION_PARAMETERS, task *t, cloudacct_actor *actor)
{
	zval *zactor;
	zend_long limit = 100;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(limit)
	ZEND_PARSE_PARAMETERS_END_EX(return NULL);

	t->s = cloudacct_work_begin(ZEND_THIS, zactor, actor);
	if (!t->s || !cloudacct_work_require_system(actor)) {
		return NULL;
	}
	if (limit < 1 || limit > 10000) {
		zend_argument_value_error(2, "must be between 1 and 10000");
		return NULL;
	}
	t->a = actor;
	t->limit = limit;
	t->now = cloudacct_clock_now();
	return t;
}

ZEND_METHOD(CloudAcct_Work_Scheduler, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Work_Scheduler, expireGrabWindows)
{
	task t;
	cloudacct_actor actor;
	zend_long esc, aut;

	if (!task_begin(INTERNAL_FUNCTION_PARAM_PASSTHRU, &t, &actor) || expire_grab_windows(&t, &esc, &aut) == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "escalated", esc);
	add_assoc_long(return_value, "auto_assigned", aut);
}

#define SIMPLE_TASK(method, fn) \
	ZEND_METHOD(CloudAcct_Work_Scheduler, method) \
	{ \
		task t; \
		cloudacct_actor actor; \
		zend_long n; \
		if (!task_begin(INTERNAL_FUNCTION_PARAM_PASSTHRU, &t, &actor) || fn(&t, &n) == FAILURE) { \
			RETURN_THROWS(); \
		} \
		RETURN_LONG(n); \
	}

SIMPLE_TASK(flagSilentJobs, flag_silent_jobs)
SIMPLE_TASK(recordSlaBreaches, record_sla_breaches)
SIMPLE_TASK(closeUnpaidOrders, close_unpaid_orders)
SIMPLE_TASK(closeDoneJobs, close_done_jobs)
SIMPLE_TASK(createRecurringJobs, create_recurring_jobs)

ZEND_METHOD(CloudAcct_Work_Scheduler, runDue)
{
	task t;
	cloudacct_actor actor;
	zend_long orders, esc, aut, breaches, silent, closed, recurring;

	if (!task_begin(INTERNAL_FUNCTION_PARAM_PASSTHRU, &t, &actor)) {
		RETURN_THROWS();
	}
	/* Orders first (a closed order never gets a job); escalation before breaches, so an
	 * unclaimed job is in the admins' queue when they hear it is late. */
	if (close_unpaid_orders(&t, &orders) == FAILURE || expire_grab_windows(&t, &esc, &aut) == FAILURE
			|| record_sla_breaches(&t, &breaches) == FAILURE || flag_silent_jobs(&t, &silent) == FAILURE
			|| close_done_jobs(&t, &closed) == FAILURE || create_recurring_jobs(&t, &recurring) == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, 7);
	add_assoc_long(return_value, "orders_closed", orders);
	add_assoc_long(return_value, "escalated", esc);
	add_assoc_long(return_value, "auto_assigned", aut);
	add_assoc_long(return_value, "sla_breaches", breaches);
	add_assoc_long(return_value, "silent_flagged", silent);
	add_assoc_long(return_value, "jobs_closed", closed);
	add_assoc_long(return_value, "recurring_created", recurring);
}
