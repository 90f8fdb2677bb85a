/* Jobs (工单): loading with authorisation, creation and routing, the transition engine, and the
 * CloudAcct\Work\Jobs methods that create, read and move jobs. Dispatch (grab, assign) is in
 * dispatch.c, progress entries in progress.c. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "internal.h"
#include "../quality/quality.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../people/people.h"
#include "../books/books.h"

zend_class_entry *cloudacct_ce_Work_Jobs;

/* ---- loading and authorisation ---- */

void cloudacct_work_job_fill(cloudacct_work_job *job)
{
	zval *row = &job->row;
	size_t len;
	const char *st = cloudacct_work_str(row, "status", &len);

	job->id = cloudacct_work_long(row, "id");
	job->store_id = cloudacct_work_long(row, "store_id");
	job->client_id = cloudacct_work_long(row, "client_id");
	job->contact_id = cloudacct_work_long(row, "contact_id");
	job->order_id = cloudacct_work_long(row, "order_id");
	job->assignee_id = cloudacct_work_long(row, "assignee_id");
	job->version = cloudacct_work_long(row, "version");
	job->grab_window = cloudacct_work_long(row, "grab_window_minutes");
	job->sla_total = cloudacct_work_long(row, "sla_total_seconds");
	job->sla_used = cloudacct_work_long(row, "sla_used_seconds");
	job->sla_resumed_at = cloudacct_work_long(row, "sla_resumed_at");
	job->due_at = cloudacct_work_long(row, "due_at");
	job->sla_breached = cloudacct_work_long(row, "sla_breached");
	if (!cloudacct_job_state_parse(st, len, &job->status)) {
		job->status = CLOUDACCT_JOB_CANCELLED; /* a hand-edited row: treat as final */
	}
}

zend_result cloudacct_work_job_fetch(cloudacct_store *s, zend_long job_id, cloudacct_work_job *job, bool *found)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(job_id), CLOUDACCT_PARAM_LONG(s->uniacid) };

	ZVAL_UNDEF(&job->row);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT " CLOUDACCT_WORK_JOB_COLUMNS " FROM {job} WHERE id = ? AND uniacid = ?", p, 2,
			CLOUDACCT_FETCH_ROW, &job->row) == FAILURE) {
		return FAILURE;
	}
	*found = Z_TYPE(job->row) == IS_ARRAY;
	if (*found) {
		cloudacct_work_job_fill(job);
	}
	return SUCCESS;
}

void cloudacct_work_job_free(cloudacct_work_job *job)
{
	zval_ptr_dtor(&job->row);
	ZVAL_UNDEF(&job->row);
}

/* An open job is in a staff member's pool when they are active and the store and skill fit. */
static zend_result staff_sees_pool_job(cloudacct_store *s, zend_long staff_id, cloudacct_work_job *job, bool *yes)
{
	zval v;
	size_t len;
	const char *skill = cloudacct_work_str(&job->row, "skill", &len);
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(staff_id), CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(job->store_id), CLOUDACCT_PARAM_LONG(job->store_id), CLOUDACCT_PARAM_STR(skill, len),
		CLOUDACCT_PARAM_STR(skill, len) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT 1 FROM {staff} s WHERE s.id = ? AND s.uniacid = ? AND s.active = 1"
			" AND (? = 0 OR s.store_id = ?) AND (? = '' OR EXISTS (SELECT 1 FROM {staff_skill} k"
			" WHERE k.staff_id = s.id AND k.uniacid = s.uniacid AND k.skill = ?))",
			p, 6, CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		return FAILURE;
	}
	*yes = Z_TYPE(v) == IS_LONG;
	return SUCCESS;
}

static zend_result job_visible(cloudacct_store *s, const cloudacct_actor *a, cloudacct_work_job *job, bool *yes)
{
	*yes = false;
	switch (a->kind) {
		case CLOUDACCT_ACTOR_SYSTEM:
			*yes = true;
			return SUCCESS;
		case CLOUDACCT_ACTOR_ADMIN:
			return cloudacct_people_admin_may_store(s, a->id, job->store_id, yes);
		case CLOUDACCT_ACTOR_STAFF:
			if (job->assignee_id == a->id) {
				*yes = true;
				return SUCCESS;
			}
			if (job->status == CLOUDACCT_JOB_OPEN) {
				return staff_sees_pool_job(s, a->id, job, yes);
			}
			return SUCCESS;
		case CLOUDACCT_ACTOR_CLIENT:
			return cloudacct_people_contact_in_client(s, a->id, job->client_id, yes);
	}
	return SUCCESS;
}

zend_result cloudacct_work_job_load(cloudacct_store *s, const cloudacct_actor *a, zend_long job_id,
	cloudacct_work_job *job)
{
	bool found = false, yes = false;

	if (cloudacct_work_job_fetch(s, job_id, job, &found) == FAILURE) {
		return FAILURE;
	}
	if (found && job_visible(s, a, job, &yes) == FAILURE) {
		cloudacct_work_job_free(job);
		return FAILURE;
	}
	if (!found || !yes) {
		cloudacct_work_job_free(job);
		cloudacct_throw_not_found("工单不存在或无权查看 (job %ld not found)", (long) job_id);
		return FAILURE;
	}
	return SUCCESS;
}

/* ---- creation ---- */

static const char *const creation_settings[] = { "grab_window_minutes", "grab_window_urgent_minutes",
	"request_sla_hours", "request_sla_urgent_hours", "work_calendar" };
enum { SET_WINDOW, SET_WINDOW_URGENT, SET_SLA, SET_SLA_URGENT, SET_CALENDAR, N_CREATION_SETTINGS };

typedef struct {
	zend_long window;     /* minutes */
	zend_long sla_total;  /* business seconds */
	zend_long due_at;
	zend_long resumed_at;
} job_clock;

/* Grab window and SLA of a new job from its spec and the uniacid's settings (one round trip). */
static zend_result job_clock_compute(cloudacct_store *s, cloudacct_work_job_spec *spec, job_clock *out)
{
	zval set[N_CREATION_SETTINGS];
	cloudacct_work_calendar cal;
	zend_long now = cloudacct_clock_now();

	if (cloudacct_work_settings(s, creation_settings, N_CREATION_SETTINGS, set) == FAILURE) {
		return FAILURE;
	}
	out->window = spec->grab_window > 0 ? spec->grab_window : zval_get_long(&set[SET_WINDOW]);
	if (spec->urgency > 0 && zval_get_long(&set[SET_WINDOW_URGENT]) < out->window) {
		out->window = zval_get_long(&set[SET_WINDOW_URGENT]);
	}
	/* A request without a service takes the request SLA of its urgency. */
	zend_long hours = spec->sla_hours >= 0 ? spec->sla_hours
		: zval_get_long(&set[spec->urgency > 0 ? SET_SLA_URGENT : SET_SLA]);
	cloudacct_work_calendar_from_setting(&set[SET_CALENDAR], &cal);
	out->sla_total = out->due_at = out->resumed_at = 0;
	if (spec->due_at > 0) {
		out->due_at = spec->due_at;
		out->sla_total = cloudacct_calendar_between(&cal.cal, now, spec->due_at);
		out->sla_total = out->sla_total > 0 ? out->sla_total : 1;
		out->resumed_at = now;
	} else if (hours > 0) {
		out->sla_total = hours * 3600;
		out->due_at = cloudacct_calendar_add(&cal.cal, now, out->sla_total);
		out->resumed_at = now;
		if (out->due_at < 0) { /* a calendar without working days: no SLA rather than no job */
			out->sla_total = out->due_at = out->resumed_at = 0;
		}
	}
	cloudacct_work_calendar_free(&cal);
	for (int i = 0; i < N_CREATION_SETTINGS; i++) {
		zval_ptr_dtor(&set[i]);
	}
	return SUCCESS;
}

static bool is_duplicate_key(void)
{
	return EG(exception) && instanceof_function(EG(exception)->ce, cloudacct_ce_DuplicateKeyException);
}

static zend_result job_insert(cloudacct_store *s, const cloudacct_actor *a, cloudacct_work_job_spec *spec,
	job_clock *clk, const char *status, zend_long *id)
{
	zend_long now = cloudacct_clock_now();
	const char *kind = cloudacct_actor_kind_name(a->kind);
	zend_string *empty = ZSTR_EMPTY_ALLOC();
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(spec->store_id),
		CLOUDACCT_PARAM_LONG(spec->client_id),
		CLOUDACCT_PARAM_LONG(spec->contact_id),
		CLOUDACCT_PARAM_LONG(spec->service_id),
		CLOUDACCT_PARAM_LONG(spec->order_id),
		CLOUDACCT_PARAM_STR(spec->source, strlen(spec->source)),
		spec->recur_key ? CLOUDACCT_PARAM_ZSTR(spec->recur_key) : CLOUDACCT_PARAM_NULL(),
		CLOUDACCT_PARAM_ZSTR(spec->title),
		CLOUDACCT_PARAM_ZSTR(spec->type ? spec->type : empty),
		CLOUDACCT_PARAM_ZSTR(spec->description ? spec->description : empty),
		CLOUDACCT_PARAM_LONG(spec->urgency),
		CLOUDACCT_PARAM_LONG(spec->price_fen),
		CLOUDACCT_PARAM_STR(status, strlen(status)),
		CLOUDACCT_PARAM_STR(spec->dispatch_mode, strlen(spec->dispatch_mode)),
		CLOUDACCT_PARAM_ZSTR(spec->skill ? spec->skill : empty),
		CLOUDACCT_PARAM_LONG(clk->window),
		CLOUDACCT_PARAM_LONG(strcmp(status, "open") == 0 ? now + clk->window * 60 : 0),
		spec->checklist_json ? CLOUDACCT_PARAM_ZSTR(spec->checklist_json) : CLOUDACCT_PARAM_STR("[]", 2),
		CLOUDACCT_PARAM_LONG(clk->sla_total),
		CLOUDACCT_PARAM_LONG(clk->resumed_at),
		CLOUDACCT_PARAM_LONG(clk->due_at),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_STR(kind, strlen(kind)),
		CLOUDACCT_PARAM_LONG(a->id),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(now),
	};
	if (CLOUDACCT_DB_RUN(s->db,
			"INSERT INTO {job} (uniacid, store_id, client_id, contact_id, service_id, order_id, source, recur_key,"
			" title, type, description, urgency, price_fen, status, dispatch_mode, skill, grab_window_minutes,"
			" grab_deadline, checklist, sla_total_seconds, sla_resumed_at, due_at, state_at, created_by_kind,"
			" created_by_id, created_at, updated_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			p, 27, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	*id = (zend_long) cloudacct_db_insert_id(s->db);
	return SUCCESS;
}

/* exclusive: the client's accountant if they can take it now; otherwise (and for grab) the pool. */
static zend_result job_route(cloudacct_store *s, const cloudacct_actor *a, cloudacct_work_job_spec *spec,
	zend_long id, bool *routed)
{
	cloudacct_client_info info;
	bool found = false;

	*routed = false;
	if (strcmp(spec->dispatch_mode, "exclusive") != 0) {
		return SUCCESS;
	}
	if (cloudacct_people_client_get(s, spec->client_id, &info, &found) == FAILURE) {
		return FAILURE;
	}
	if (!found || info.accountant_id == 0) {
		return SUCCESS;
	}
	if (cloudacct_work_claim(s, id, info.accountant_id, false, routed) == FAILURE) {
		return FAILURE;
	}
	if (!*routed) {
		return SUCCESS;
	}
	cloudacct_actor system = { CLOUDACCT_ACTOR_SYSTEM, 0, a->ip };
	return cloudacct_work_claimed(s, &system, id, "assign", "专属会计");
}

zend_result cloudacct_work_job_create(cloudacct_store *s, const cloudacct_actor *a, cloudacct_work_job_spec *spec,
	zend_long *job_id, bool *created)
{
	job_clock clk;
	bool direct = strcmp(spec->dispatch_mode, "direct") == 0 && spec->assignee_id == 0;
	bool routed = false;
	zend_long id;

	*created = false;
	*job_id = 0;
	if (job_clock_compute(s, spec, &clk) == FAILURE) {
		return FAILURE;
	}
	if (job_insert(s, a, spec, &clk, direct ? "escalated" : "open", &id) == FAILURE) {
		if (spec->recur_key && is_duplicate_key()) {
			zend_clear_exception(); /* this period's job exists already: nothing to do */
			return SUCCESS;
		}
		return FAILURE;
	}
	*created = true;
	*job_id = id;
	if (cloudacct_work_history(s, a, id, "", "open", "create", 0, 0, NULL, 0) == FAILURE
			|| cloudacct_work_attach(s, id, 0, spec->attachments) == FAILURE) {
		return FAILURE;
	}
	zval detail;
	array_init_size(&detail, 3);
	add_assoc_string(&detail, "source", (char *) spec->source);
	add_assoc_long(&detail, "client_id", spec->client_id);
	add_assoc_str(&detail, "title", zend_string_copy(spec->title));
	zend_result rc = cloudacct_work_audit(s, a, "job_create", "job", id, &detail);
	zval_ptr_dtor(&detail);
	if (rc == FAILURE) {
		return FAILURE;
	}
	/* A direct-mode job waits for an admin from the start: it enters the escalated queue. */
	if (direct) {
		static const char note[] = "直接指派模式，等待管理员指派";
		cloudacct_actor system = { CLOUDACCT_ACTOR_SYSTEM, 0, a->ip };
		if (cloudacct_work_history(s, &system, id, "open", "escalated", "escalate", 0, 0, note, sizeof(note) - 1) == FAILURE) {
			return FAILURE;
		}
		return cloudacct_work_notice(s, "admin", 0, "job_escalated", id, 0, ZSTR_VAL(spec->title),
			ZSTR_LEN(spec->title), note, sizeof(note) - 1);
	}
	if (spec->assignee_id > 0) {
		cloudacct_work_job job;
		bool found;
		cloudacct_work_step step = { CLOUDACCT_JOB_EV_ASSIGN, NULL, spec->assignee_id, NULL };
		if (cloudacct_work_job_fetch(s, id, &job, &found) == FAILURE) {
			return FAILURE;
		}
		rc = cloudacct_work_job_step(s, a, &job, &step);
		cloudacct_work_job_free(&job);
		return rc;
	}
	if (job_route(s, a, spec, id, &routed) == FAILURE) {
		return FAILURE;
	}
	if (routed) {
		return SUCCESS;
	}
	return cloudacct_work_notice(s, "staff_pool", id, "job_pool", id, 0, ZSTR_VAL(spec->title), ZSTR_LEN(spec->title),
		NULL, 0);
}

/* ---- the transition engine ---- */

/* The SLA clock runs while someone owes the client work; it stops while the client owes an
 * answer and once the work is done. */
static bool sla_running(cloudacct_job_state st)
{
	return st == CLOUDACCT_JOB_OPEN || st == CLOUDACCT_JOB_ASSIGNED || st == CLOUDACCT_JOB_IN_PROGRESS
		|| st == CLOUDACCT_JOB_ESCALATED;
}

typedef struct {
	zend_long assignee, assigned_at, grab_deadline, sla_used, sla_resumed_at, due_at, sla_breached, silent;
	zend_long last_progress_at, done_at, closed_at;
	bool breach_now; /* stopped after the due time: record the breach with the transition */
	zend_long breach_due;
} job_next;

static zend_result next_sla(cloudacct_store *s, cloudacct_work_job *job, cloudacct_job_state to, job_next *n)
{
	zend_long now = cloudacct_clock_now();
	bool was = sla_running(job->status), will = sla_running(to);
	cloudacct_work_calendar cal;

	if (job->sla_total == 0 || was == will) {
		return SUCCESS;
	}
	if (cloudacct_work_calendar_load(s, &cal) == FAILURE) {
		return FAILURE;
	}
	if (was) {
		int64_t spent = job->sla_resumed_at > 0 ? cloudacct_calendar_between(&cal.cal, job->sla_resumed_at, now) : 0;
		n->sla_used = job->sla_used + (spent > 0 ? spent : 0);
		n->sla_resumed_at = 0;
		n->due_at = 0;
		if (!job->sla_breached && n->sla_used > job->sla_total) {
			n->breach_now = true;
			n->breach_due = job->due_at;
			n->sla_breached = 1;
		}
	} else {
		zend_long left = job->sla_total - job->sla_used;
		int64_t due = left > 0 ? cloudacct_calendar_add(&cal.cal, now, left) : now;
		n->sla_resumed_at = now;
		n->due_at = due > 0 ? due : now;
	}
	cloudacct_work_calendar_free(&cal);
	return SUCCESS;
}

static zend_result next_values(cloudacct_store *s, cloudacct_work_job *job, cloudacct_work_step *step,
	cloudacct_job_state to, job_next *n)
{
	zend_long now = cloudacct_clock_now();
	zval *row = &job->row;

	n->assignee = job->assignee_id;
	n->assigned_at = cloudacct_work_long(row, "assigned_at");
	n->grab_deadline = cloudacct_work_long(row, "grab_deadline");
	n->sla_used = job->sla_used;
	n->sla_resumed_at = job->sla_resumed_at;
	n->due_at = job->due_at;
	n->sla_breached = job->sla_breached;
	n->silent = cloudacct_work_long(row, "silent");
	n->last_progress_at = cloudacct_work_long(row, "last_progress_at");
	n->done_at = cloudacct_work_long(row, "done_at");
	n->closed_at = cloudacct_work_long(row, "closed_at");
	n->breach_now = false;
	switch (step->ev) {
		case CLOUDACCT_JOB_EV_ASSIGN:
			n->assignee = step->new_assignee;
			n->assigned_at = now;
			n->grab_deadline = 0;
			n->silent = 0;
			n->last_progress_at = now; /* silence is counted from the assignment */
			break;
		case CLOUDACCT_JOB_EV_RELEASE:
			n->assignee = 0;
			n->grab_deadline = now + job->grab_window * 60;
			n->silent = 0;
			break;
		case CLOUDACCT_JOB_EV_ESCALATE:
			n->grab_deadline = 0;
			break;
		case CLOUDACCT_JOB_EV_START:
			n->last_progress_at = now;
			n->silent = 0;
			break;
		case CLOUDACCT_JOB_EV_COMPLETE:
			n->done_at = now;
			n->silent = 0;
			break;
		case CLOUDACCT_JOB_EV_REOPEN:
			n->done_at = 0;
			n->last_progress_at = now;
			break;
		case CLOUDACCT_JOB_EV_CLOSE:
		case CLOUDACCT_JOB_EV_CANCEL:
			n->closed_at = now;
			n->grab_deadline = 0;
			n->silent = 0;
			break;
		default:
			break;
	}
	return next_sla(s, job, to, n);
}

/* Who, beyond the actor kind the FSM checks, may fire this event on this job. */
static bool step_allowed(const cloudacct_actor *a, cloudacct_work_job *job, cloudacct_job_event ev)
{
	if (a->kind == CLOUDACCT_ACTOR_STAFF && ev != CLOUDACCT_JOB_EV_GRAB && job->assignee_id != a->id) {
		cloudacct_throw_forbidden("只有负责该工单的员工可以操作 (only the assignee may do this)");
		return false;
	}
	return true;
}

static bool step_decide(const cloudacct_actor *a, cloudacct_work_job *job, cloudacct_job_event ev,
	cloudacct_job_state *to)
{
	switch (cloudacct_job_transition(job->status, ev, a->kind, to)) {
		case CLOUDACCT_FSM_OK:
			return step_allowed(a, job, ev);
		case CLOUDACCT_FSM_FORBIDDEN:
			cloudacct_throw_forbidden("您不能对该工单执行“%s” (not allowed for %s)", cloudacct_job_event_label(ev),
				cloudacct_actor_kind_name(a->kind));
			return false;
		default:
			cloudacct_throw_invalid_transition(cloudacct_job_state_name(job->status),
				"工单当前状态为“%s”，不能“%s” (cannot %s a job that is %s)", cloudacct_job_state_label(job->status),
				cloudacct_job_event_label(ev), cloudacct_job_event_name(ev), cloudacct_job_state_name(job->status));
			return false;
	}
}

/* The conditional update matched nothing: someone moved the job first. Say what it is now. */
static void throw_changed(cloudacct_store *s, const cloudacct_actor *a, cloudacct_work_job *job, cloudacct_job_event ev)
{
	cloudacct_work_job now;
	bool found = false;
	cloudacct_job_state to;

	if (cloudacct_work_job_fetch(s, job->id, &now, &found) == FAILURE) {
		return;
	}
	if (!found) {
		cloudacct_throw_not_found("工单不存在 (job %ld not found)", (long) job->id);
	} else if (now.status != job->status && cloudacct_job_transition(now.status, ev, a->kind, &to) != CLOUDACCT_FSM_OK) {
		cloudacct_throw_invalid_transition(cloudacct_job_state_name(now.status),
			"工单已被他人处理，当前状态为“%s”，不能“%s” (the job is now %s)", cloudacct_job_state_label(now.status),
			cloudacct_job_event_label(ev), cloudacct_job_state_name(now.status));
	} else {
		cloudacct_throw_conflict("工单刚被他人更新，请刷新后重试 (the job changed meanwhile)");
	}
	cloudacct_work_job_free(&now);
}

static zend_result staff_count(cloudacct_store *s, zend_long staff_id, int delta)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(staff_id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (delta > 0) {
		return CLOUDACCT_DB_RUN(s->db, "UPDATE {staff} SET open_jobs = open_jobs + 1 WHERE id = ? AND uniacid = ?", p, 2,
			CLOUDACCT_FETCH_NONE, NULL);
	}
	return CLOUDACCT_DB_RUN(s->db, "UPDATE {staff} SET open_jobs = open_jobs - 1 WHERE id = ? AND uniacid = ?"
		" AND open_jobs > 0", p, 2, CLOUDACCT_FETCH_NONE, NULL);
}

/* staff.open_jobs follows the jobs in hand (assigned, in_progress, waiting_client). */
zend_result cloudacct_work_staff_counts(cloudacct_store *s, cloudacct_job_state from, zend_long old_assignee,
	cloudacct_job_state to, zend_long new_assignee)
{
	bool had = cloudacct_job_state_is_open_work(from) && old_assignee > 0;
	bool has = cloudacct_job_state_is_open_work(to) && new_assignee > 0;

	if (had && has && old_assignee == new_assignee) {
		return SUCCESS;
	}
	if (had && staff_count(s, old_assignee, -1) == FAILURE) {
		return FAILURE;
	}
	if (has && staff_count(s, new_assignee, +1) == FAILURE) {
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cloudacct_work_breach(cloudacct_store *s, cloudacct_work_job *job, zend_long assignee, zend_long due_at,
	const char *status)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job->id),
		CLOUDACCT_PARAM_LONG(assignee), CLOUDACCT_PARAM_STR(status, strlen(status)), CLOUDACCT_PARAM_LONG(due_at),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()) };
	size_t len;
	const char *title = cloudacct_work_str(&job->row, "title", &len);

	if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {sla_breach} (uniacid, job_id, assignee_id, status, due_at, detected_at)"
			" VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id", p, 6, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_work_notice(s, "admin", 0, "job_sla_breached", job->id, 0, title, len, NULL, 0) == FAILURE) {
		return FAILURE;
	}
	return assignee ? cloudacct_work_notice(s, "staff", assignee, "job_sla_breached", job->id, 0, title, len, NULL, 0)
		: SUCCESS;
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_work_job *job;
	cloudacct_work_step *step;
	cloudacct_job_state to;
} step_ctx;

static zend_result step_update(step_ctx *x, job_next *n)
{
	cloudacct_work_job *job = x->job;
	zend_long now = cloudacct_clock_now();
	const char *to = cloudacct_job_state_name(x->to), *from = cloudacct_job_state_name(job->status);
	zend_string *reason = x->step->ev == CLOUDACCT_JOB_EV_CANCEL && x->step->note ? x->step->note : NULL;
	size_t rlen;
	const char *old_reason = cloudacct_work_str(&job->row, "cancel_reason", &rlen);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_STR(to, strlen(to)),
		CLOUDACCT_PARAM_LONG(n->assignee),
		CLOUDACCT_PARAM_LONG(n->assigned_at),
		CLOUDACCT_PARAM_LONG(n->grab_deadline),
		CLOUDACCT_PARAM_LONG(n->sla_used),
		CLOUDACCT_PARAM_LONG(n->sla_resumed_at),
		CLOUDACCT_PARAM_LONG(n->due_at),
		CLOUDACCT_PARAM_LONG(n->sla_breached),
		CLOUDACCT_PARAM_LONG(n->silent),
		CLOUDACCT_PARAM_LONG(n->last_progress_at),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(n->done_at),
		CLOUDACCT_PARAM_LONG(n->closed_at),
		reason ? CLOUDACCT_PARAM_ZSTR(reason) : CLOUDACCT_PARAM_STR(old_reason, rlen),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(job->id),
		CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_STR(from, strlen(from)),
		CLOUDACCT_PARAM_LONG(job->version),
	};
	if (CLOUDACCT_DB_RUN(x->s->db,
			"UPDATE {job} SET status = ?, assignee_id = ?, assigned_at = ?, grab_deadline = ?, sla_used_seconds = ?,"
			" sla_resumed_at = ?, due_at = ?, sla_breached = ?, silent = ?, last_progress_at = ?, state_at = ?,"
			" done_at = ?, closed_at = ?, cancel_reason = ?, lease_until = 0, lease_token = NULL, updated_at = ?,"
			" version = version + 1 WHERE id = ? AND uniacid = ? AND status = ? AND version = ?",
			p, 19, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(x->s->db) == 0) {
		throw_changed(x->s, x->a, job, x->step->ev);
		return FAILURE;
	}
	return SUCCESS;
}

/* Who hears about each event, besides the history. */
static zend_result step_notices(step_ctx *x, job_next *n)
{
	cloudacct_work_job *job = x->job;
	size_t tlen, nlen = x->step->note ? ZSTR_LEN(x->step->note) : 0;
	const char *title = cloudacct_work_str(&job->row, "title", &tlen);
	const char *note = x->step->note ? ZSTR_VAL(x->step->note) : NULL;
	zend_long v = job->version + 1;
	zend_result rc = SUCCESS;

#define NOTICE(kind_, rid_, tpl_) \
	if (rc == SUCCESS) rc = cloudacct_work_notice(x->s, kind_, rid_, tpl_, job->id, v, title, tlen, note, nlen)
	switch (x->step->ev) {
		case CLOUDACCT_JOB_EV_ASSIGN:
			NOTICE("staff", n->assignee, "job_assigned");
			if (job->contact_id) {
				NOTICE("client", job->contact_id, "job_assigned");
			}
			break;
		case CLOUDACCT_JOB_EV_RELEASE:
			NOTICE("staff_pool", job->id, "job_pool");
			break;
		case CLOUDACCT_JOB_EV_ESCALATE:
			NOTICE("admin", 0, "job_escalated");
			break;
		case CLOUDACCT_JOB_EV_START:
			if (job->contact_id) {
				NOTICE("client", job->contact_id, "job_started");
			}
			break;
		case CLOUDACCT_JOB_EV_CLOSE:
			if (job->assignee_id && x->a->kind != CLOUDACCT_ACTOR_STAFF) {
				NOTICE("staff", job->assignee_id, "job_closed");
			}
			break;
		case CLOUDACCT_JOB_EV_ASK_CLIENT:
			if (job->contact_id) {
				NOTICE("client", job->contact_id, "job_waiting_client");
			}
			break;
		case CLOUDACCT_JOB_EV_CLIENT_REPLIED:
		case CLOUDACCT_JOB_EV_REOPEN:
			if (x->a->kind != CLOUDACCT_ACTOR_STAFF) {
				NOTICE("staff", job->assignee_id, x->step->ev == CLOUDACCT_JOB_EV_REOPEN ? "job_reopened" : "job_progress");
			}
			break;
		case CLOUDACCT_JOB_EV_COMPLETE:
			if (job->contact_id) {
				NOTICE("client", job->contact_id, "job_done");
			}
			break;
		case CLOUDACCT_JOB_EV_CANCEL:
			if (job->assignee_id) {
				NOTICE("staff", job->assignee_id, "job_cancelled");
			}
			if (job->contact_id && x->a->kind != CLOUDACCT_ACTOR_CLIENT) {
				NOTICE("client", job->contact_id, "job_cancelled");
			}
			break;
		default:
			break;
	}
#undef NOTICE
	return rc;
}

static zend_result step_body(cloudacct_connection *c, void *ctx)
{
	step_ctx *x = ctx;
	cloudacct_work_job *job = x->job;
	job_next n;
	const char *from = cloudacct_job_state_name(job->status), *to = cloudacct_job_state_name(x->to);
	const char *ev = cloudacct_job_event_name(x->step->ev);
	zend_string *note = x->step->note;
	char action[32];

	/* The filing job waits for it (src/books, docs/books.md): a recurring 报税 job cannot be
	 * completed while its books period asks for the client's tax confirmation and the client has
	 * not confirmed. Checked first, so a refusal writes nothing. */
	if (x->step->ev == CLOUDACCT_JOB_EV_COMPLETE) {
		size_t slen, tlen;
		const char *source = cloudacct_work_str(&job->row, "source", &slen);
		const char *type = cloudacct_work_str(&job->row, "type", &tlen);
		if (cloudacct_books_filing_check(x->s, job->id, job->client_id, source, slen, type, tlen, from) == FAILURE) {
			return FAILURE;
		}
	}
	if (next_values(x->s, job, x->step, x->to, &n) == FAILURE || step_update(x, &n) == FAILURE
			|| cloudacct_work_staff_counts(x->s, job->status, job->assignee_id, x->to, n.assignee) == FAILURE
			|| cloudacct_work_history(x->s, x->a, job->id, from, to, ev, job->assignee_id, n.assignee,
				note ? ZSTR_VAL(note) : NULL, note ? ZSTR_LEN(note) : 0) == FAILURE) {
		return FAILURE;
	}
	/* The question and the answer are part of the client's timeline. */
	if ((x->step->ev == CLOUDACCT_JOB_EV_ASK_CLIENT || x->step->ev == CLOUDACCT_JOB_EV_CLIENT_REPLIED)
			&& ((note && ZSTR_LEN(note)) || (x->step->attachments && zend_hash_num_elements(x->step->attachments)))) {
		zend_long pid;
		if (cloudacct_work_progress_insert(x->s, x->a, job->id, note ? note : ZSTR_EMPTY_ALLOC(), false,
				x->step->attachments, &pid) == FAILURE) {
			return FAILURE;
		}
	}
	if (n.breach_now && cloudacct_work_breach(x->s, job, job->assignee_id, n.breach_due, to) == FAILURE) {
		return FAILURE;
	}
	if (x->step->ev == CLOUDACCT_JOB_EV_CLOSE && job->order_id
			&& cloudacct_work_order_fulfil(x->s, x->a, job->order_id) == FAILURE) {
		return FAILURE;
	}
	/* Quality: the "please rate" reminder to the client (src/quality). */
	if (x->step->ev == CLOUDACCT_JOB_EV_COMPLETE) {
		size_t tlen;
		const char *title = cloudacct_work_str(&job->row, "title", &tlen);
		if (cloudacct_quality_job_done(x->s, job->id, job->client_id, job->contact_id, title, tlen) == FAILURE) {
			return FAILURE;
		}
	}
	zval detail;
	array_init_size(&detail, 4);
	add_assoc_string(&detail, "from", (char *) from);
	add_assoc_string(&detail, "to", (char *) to);
	if (n.assignee != job->assignee_id) {
		add_assoc_long(&detail, "assignee", n.assignee);
	}
	if (note && ZSTR_LEN(note)) {
		add_assoc_str(&detail, "note", zend_string_copy(note));
	}
	snprintf(action, sizeof(action), "job_%s", ev);
	zend_result rc = cloudacct_work_audit(x->s, x->a, action, "job", job->id, &detail);
	zval_ptr_dtor(&detail);
	if (rc == FAILURE) {
		return FAILURE;
	}
	return step_notices(x, &n);
}

zend_result cloudacct_work_job_step(cloudacct_store *s, const cloudacct_actor *a, cloudacct_work_job *job,
	cloudacct_work_step *step)
{
	step_ctx x = { s, a, job, step, CLOUDACCT_JOB_OPEN };

	if (!step_decide(a, job, step->ev, &x.to)) {
		return FAILURE;
	}
	return cloudacct_db_transaction(s->db, step_body, &x, 0);
}

/* ---- PHP: creation ---- */

/* clang-format off */
static const cloudacct_work_field request_fields[] = {
	{ "title", "标题", WORK_F_TEXT, 1, 64, NULL, true },
	{ "type", "业务类型", WORK_F_TEXT, 0, 32, NULL, false },
	{ "description", "描述", WORK_F_MULTILINE, 0, 2000, NULL, false },
	{ "urgency", "紧急程度", WORK_F_INT, 0, 1, NULL, false },
	{ "attachments", "附件", WORK_F_REF_LIST, 0, 9, NULL, false },
	/* admin-created jobs only (the first five are a client's request) */
	{ "service_id", "服务", WORK_F_INT, 0, 4294967295LL, NULL, false },
	{ "skill", "所需技能", WORK_F_TEXT, 0, 32, NULL, false },
	{ "dispatch_mode", "派单方式", WORK_F_ENUM, 0, 0, "grab|direct|exclusive", false },
	{ "sla_hours", "办理时限（工作小时）", WORK_F_INT, 0, 2000, NULL, false },
	{ "price_fen", "金额（分）", WORK_F_INT, 0, 10000000000LL, NULL, false },
	{ "assignee_id", "负责员工", WORK_F_INT, 0, 4294967295LL, NULL, false },
};
/* clang-format on */
#define N_CLIENT_REQUEST_FIELDS 5
#define N_ADMIN_REQUEST_FIELDS (sizeof(request_fields) / sizeof(request_fields[0]))

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_work_job_spec *spec;
	zend_long id;
} create_ctx;

static zend_result create_body(cloudacct_connection *c, void *ctx)
{
	create_ctx *x = ctx;
	bool created;
	return cloudacct_work_job_create(x->s, x->a, x->spec, &x->id, &created);
}

/* A service named by an admin-created job lends its defaults: mode, skill, SLA, window. */
static zend_result service_defaults(cloudacct_store *s, zend_long service_id, zval *svc)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(service_id), CLOUDACCT_PARAM_LONG(s->uniacid) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT dispatch_mode, skill, sla_hours, grab_window_minutes, checklist FROM {service}"
			" WHERE id = ? AND uniacid = ? AND deleted_at = 0", p, 2, CLOUDACCT_FETCH_ROW, svc) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE_P(svc) != IS_ARRAY) {
		cloudacct_throw_validation("service_id", "服务不存在 (service %ld not found)", (long) service_id);
		return FAILURE;
	}
	return SUCCESS;
}

static void jobs_create(INTERNAL_FUNCTION_PARAMETERS, bool by_admin)
{
	zval *zactor, form, svc;
	zend_long client_id;
	HashTable *input;
	cloudacct_actor actor;
	cloudacct_client_info client;
	cloudacct_work_job_spec spec = { 0 };

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_ARRAY_HT(input)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	if (by_admin && !cloudacct_work_require_admin(&actor)) {
		RETURN_THROWS();
	}
	if (!by_admin && actor.kind != CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("业务需求须由客户提交；管理员请使用 create (clients only)");
		RETURN_THROWS();
	}
	if (!cloudacct_work_form(input, request_fields, by_admin ? N_ADMIN_REQUEST_FIELDS : N_CLIENT_REQUEST_FIELDS, &form)) {
		RETURN_THROWS();
	}
	ZVAL_UNDEF(&svc);
	if (cloudacct_people_authorize_client(s, &actor, client_id, &client) == FAILURE) {
		goto fail;
	}
	if (!client.active) {
		cloudacct_throw_forbidden("该客户已停用，不能新建工单 (client is not active)");
		goto fail;
	}
	spec.client_id = client_id;
	spec.store_id = client.store_id;
	spec.contact_id = actor.kind == CLOUDACCT_ACTOR_CLIENT ? actor.id : 0;
	spec.source = by_admin ? "admin" : "request";
	spec.title = cloudacct_work_form_str(&form, "title");
	spec.type = cloudacct_work_form_str(&form, "type");
	spec.description = cloudacct_work_form_str(&form, "description");
	spec.urgency = cloudacct_work_form_long(&form, "urgency", 0);
	zval *att = zend_hash_str_find(Z_ARRVAL(form), ZEND_STRL("attachments"));
	spec.attachments = att ? Z_ARRVAL_P(att) : NULL;
	spec.dispatch_mode = "grab";
	spec.sla_hours = -1; /* the request SLA of its urgency */
	spec.service_id = cloudacct_work_form_long(&form, "service_id", 0);
	if (spec.service_id > 0) {
		if (service_defaults(s, spec.service_id, &svc) == FAILURE) {
			goto fail;
		}
		size_t len;
		const char *mode = cloudacct_work_str(&svc, "dispatch_mode", &len);
		spec.dispatch_mode = strcmp(mode, "direct") == 0 ? "direct" : strcmp(mode, "exclusive") == 0 ? "exclusive" : "grab";
		spec.skill = Z_STR_P(zend_hash_str_find(Z_ARRVAL(svc), ZEND_STRL("skill")));
		spec.sla_hours = cloudacct_work_long(&svc, "sla_hours");
		spec.grab_window = cloudacct_work_long(&svc, "grab_window_minutes");
		spec.checklist_json = Z_STR_P(zend_hash_str_find(Z_ARRVAL(svc), ZEND_STRL("checklist")));
	}
	if (cloudacct_work_form_has(&form, "dispatch_mode")) {
		zend_string *m = cloudacct_work_form_str(&form, "dispatch_mode");
		spec.dispatch_mode = zend_string_equals_literal(m, "direct") ? "direct"
			: zend_string_equals_literal(m, "exclusive") ? "exclusive" : "grab";
	}
	if (cloudacct_work_form_has(&form, "skill")) {
		spec.skill = cloudacct_work_form_str(&form, "skill");
	}
	spec.sla_hours = cloudacct_work_form_long(&form, "sla_hours", spec.sla_hours);
	spec.price_fen = cloudacct_work_form_long(&form, "price_fen", 0);
	spec.assignee_id = cloudacct_work_form_long(&form, "assignee_id", 0);
	if (spec.assignee_id > 0 && cloudacct_work_assignable(s, &actor, spec.assignee_id) == FAILURE) {
		goto fail;
	}
	create_ctx x = { s, &actor, &spec, 0 };
	if (cloudacct_db_transaction(s->db, create_body, &x, 0) == FAILURE) {
		goto fail;
	}
	zval_ptr_dtor(&svc);
	zval_ptr_dtor(&form);
	RETURN_LONG(x.id);
fail:
	zval_ptr_dtor(&svc);
	zval_ptr_dtor(&form);
	RETURN_THROWS();
}

ZEND_METHOD(CloudAcct_Work_Jobs, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Work_Jobs, request)
{
	jobs_create(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

ZEND_METHOD(CloudAcct_Work_Jobs, create)
{
	jobs_create(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

/* ---- PHP: reading ---- */

static zend_result attachments_of(cloudacct_store *s, zend_long job_id, zval *out)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job_id) };
	return CLOUDACCT_DB_RUN(s->db, "SELECT progress_id, ref FROM {job_attachment} WHERE uniacid = ? AND job_id = ?"
		" ORDER BY id", p, 2, CLOUDACCT_FETCH_ALL, out);
}

/* The refs of one progress entry (0 = the job's own) as a list. */
static void refs_for(zval *attachments, zend_long progress_id, zval *out)
{
	zval *a;
	array_init(out);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(attachments), a) {
		if (cloudacct_work_long(a, "progress_id") == progress_id) {
			zval *ref = zend_hash_str_find(Z_ARRVAL_P(a), ZEND_STRL("ref"));
			Z_TRY_ADDREF_P(ref);
			add_next_index_zval(out, ref);
		}
	} ZEND_HASH_FOREACH_END();
}

/* The events this actor may fire now: what the page shows as buttons. */
static void actions_of(const cloudacct_actor *a, cloudacct_work_job *job, zval *out)
{
	uint32_t mask = cloudacct_job_allowed_events(job->status, a->kind);

	array_init(out);
	for (int ev = 0; ev < CLOUDACCT_JOB_EVENT_COUNT; ev++) {
		if (!(mask & (1u << ev))) {
			continue;
		}
		if (a->kind == CLOUDACCT_ACTOR_STAFF && (ev == CLOUDACCT_JOB_EV_GRAB) == (job->assignee_id == a->id)) {
			continue; /* the assignee works the job; everyone else may only grab it */
		}
		add_next_index_string(out, cloudacct_job_event_name((cloudacct_job_event) ev));
	}
	if (a->kind == CLOUDACCT_ACTOR_ADMIN && cloudacct_job_state_is_open_work(job->status)) {
		add_next_index_string(out, "reassign");
	}
}

static void add_labels(zval *row)
{
	size_t len;
	const char *st = cloudacct_work_str(row, "status", &len);
	cloudacct_job_state s;
	if (cloudacct_job_state_parse(st, len, &s)) {
		add_assoc_string(row, "status_label", (char *) cloudacct_job_state_label(s));
	}
}

ZEND_METHOD(CloudAcct_Work_Jobs, get)
{
	zval *zactor, atts, refs, actions, checklist, name;
	zend_long id;
	cloudacct_actor actor;
	cloudacct_work_job job;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || cloudacct_work_job_load(s, &actor, id, &job) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(job.assignee_id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (attachments_of(s, id, &atts) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT name FROM {staff} WHERE id = ? AND uniacid = ?", p, 2,
				CLOUDACCT_FETCH_VALUE, &name) == FAILURE) {
		cloudacct_work_job_free(&job);
		RETURN_THROWS();
	}
	ZVAL_COPY_VALUE(return_value, &job.row);
	ZVAL_UNDEF(&job.row);
	add_labels(return_value);
	add_assoc_zval(return_value, "assignee_name", &name);
	refs_for(&atts, 0, &refs);
	add_assoc_zval(return_value, "attachments", &refs);
	zval_ptr_dtor(&atts);
	zval *cl = zend_hash_str_find(Z_ARRVAL_P(return_value), ZEND_STRL("checklist"));
	if (cl && Z_TYPE_P(cl) == IS_STRING) {
		if (php_json_decode_ex(&checklist, Z_STRVAL_P(cl), Z_STRLEN_P(cl), PHP_JSON_OBJECT_AS_ARRAY, 4) == FAILURE
				|| Z_TYPE(checklist) != IS_ARRAY) {
			zval_ptr_dtor(&checklist);
			array_init(&checklist);
		}
		zend_hash_str_update(Z_ARRVAL_P(return_value), ZEND_STRL("checklist"), &checklist);
	}
	actions_of(&actor, &job, &actions);
	add_assoc_zval(return_value, "actions", &actions);
}

#define LIST_COLUMNS \
	"id, client_id, store_id, title, type, urgency, source, status, dispatch_mode, skill, assignee_id," \
	" grab_deadline, due_at, sla_breached, silent, last_progress_at, state_at, created_at, updated_at"

/* How far the pager's count reads. The worker and client views count up to LIST_COUNT_CAP (their
 * lists are one person's or one company's jobs, and the grab pool shows its size). The admin views
 * ("all", "escalated") cover the whole firm: they count only to the end of the pager's window,
 * LIST_WINDOW_PAGES pages past the current one (the backend pager links 9 pages around it), so a
 * page view reads the same few hundred index entries at 1,000,000 jobs as at 10,000,000; above
 * that, total is the window's end and total_capped says there are more. */
#define LIST_COUNT_CAP 10000
#define LIST_WINDOW_PAGES 9

/* Adds client_name to each listed job with one query for the page (the job's company: whoever
 * may see the job may see whose it is). */
static zend_result attach_client_names(cloudacct_store *s, zval *items)
{
	cloudacct_param p[1 + 200];
	uint32_t n = 0;
	smart_str sql = { 0 };
	zval names, *row;
	zend_result rc;

	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	smart_str_appends(&sql, "SELECT id, name FROM {client} WHERE uniacid = ? AND id IN (");
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(items), row) {
		if (n < sizeof(p) / sizeof(p[0])) {
			smart_str_appends(&sql, n > 1 ? ", ?" : "?");
			p[n++] = CLOUDACCT_PARAM_LONG(cloudacct_work_long(row, "client_id"));
		}
	} ZEND_HASH_FOREACH_END();
	smart_str_appendc(&sql, ')');
	smart_str_0(&sql);
	if (n == 1) {
		smart_str_free(&sql);
		return SUCCESS;
	}
	rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, &names);
	smart_str_free(&sql);
	if (rc == FAILURE) {
		return FAILURE;
	}
	HashTable by_id;
	zend_hash_init(&by_id, zend_hash_num_elements(Z_ARRVAL(names)), NULL, NULL, 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(names), row) {
		zend_hash_index_update(&by_id, cloudacct_work_long(row, "id"), zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("name")));
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(items), row) {
		zval *name = zend_hash_index_find(&by_id, cloudacct_work_long(row, "client_id"));
		if (name) {
			Z_TRY_ADDREF_P(name);
			add_assoc_zval(row, "client_name", name);
		} else {
			add_assoc_str(row, "client_name", ZSTR_EMPTY_ALLOC());
		}
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&by_id); /* borrowed values: names owns them */
	zval_ptr_dtor(&names);
	return SUCCESS;
}

/* clang-format off */
static const cloudacct_work_field list_filters[] = {
	{ "status", "状态", WORK_F_ENUM, 0, 0, "open|assigned|in_progress|waiting_client|done|closed|escalated|cancelled", false },
	{ "client_id", "客户", WORK_F_INT, 1, 4294967295LL, NULL, false },
	{ "assignee_id", "负责员工", WORK_F_INT, 0, 4294967295LL, NULL, false },
	{ "silent", "无进展", WORK_F_BOOL, 0, 1, NULL, false },
	{ "breached", "已超时", WORK_F_BOOL, 0, 1, NULL, false },
};
/* clang-format on */

/* Admins limited to stores see their stores' jobs only. */
#define ADMIN_STORES \
	" AND (NOT EXISTS (SELECT 1 FROM {admin_store} x WHERE x.uniacid = ? AND x.we7_uid = ?)" \
	" OR store_id IN (SELECT y.store_id FROM {admin_store} y WHERE y.uniacid = ? AND y.we7_uid = ?))"

typedef struct {
	smart_str where;
	cloudacct_param p[16];
	uint32_t n;
	const char *order;
} list_query;

static void add_filter(list_query *q, zval *form, const char *key, const char *clause)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(form), key, strlen(key));
	if (v) {
		smart_str_appends(&q->where, clause);
		q->p[q->n++] = Z_TYPE_P(v) == IS_STRING ? CLOUDACCT_PARAM_ZSTR(Z_STR_P(v)) : CLOUDACCT_PARAM_LONG(Z_LVAL_P(v));
	}
}

static zend_result list_scope(cloudacct_store *s, const cloudacct_actor *a, zend_string *view, zval *form,
	list_query *q)
{
	bool staff = a->kind == CLOUDACCT_ACTOR_STAFF, admin = a->kind == CLOUDACCT_ACTOR_ADMIN || a->kind == CLOUDACCT_ACTOR_SYSTEM;

	q->order = " ORDER BY id DESC";
	if (zend_string_equals_literal(view, "mine") && staff) {
		smart_str_appends(&q->where, " AND assignee_id = ?");
		q->p[q->n++] = CLOUDACCT_PARAM_LONG(a->id);
		q->order = " ORDER BY updated_at DESC, id DESC";
	} else if (zend_string_equals_literal(view, "pool") && staff) {
		cloudacct_staff_info me;
		if (cloudacct_people_require_active_staff(s, a, &me) == FAILURE) {
			return FAILURE;
		}
		smart_str_appends(&q->where, " AND status = 'open' AND (store_id = 0 OR store_id = ?) AND (skill = ''"
			" OR skill IN (SELECT k.skill FROM {staff_skill} k WHERE k.staff_id = ? AND k.uniacid = ?))");
		q->p[q->n++] = CLOUDACCT_PARAM_LONG(me.store_id);
		q->p[q->n++] = CLOUDACCT_PARAM_LONG(a->id);
		q->p[q->n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
		q->order = " ORDER BY urgency DESC, created_at, id";
	} else if (zend_string_equals_literal(view, "client")) {
		zend_long client_id = cloudacct_work_form_long(form, "client_id", 0);
		if (client_id == 0) {
			cloudacct_throw_validation("client_id", "请指定客户 (client_id is required for this view)");
			return FAILURE;
		}
		if (cloudacct_people_authorize_client(s, a, client_id, NULL) == FAILURE) {
			return FAILURE;
		}
		q->order = " ORDER BY created_at DESC, id DESC";
	} else if ((zend_string_equals_literal(view, "escalated") || zend_string_equals_literal(view, "all")) && admin) {
		if (zend_string_equals_literal(view, "escalated")) {
			smart_str_appends(&q->where, " AND status = 'escalated'");
			q->order = " ORDER BY state_at, id";
		}
		if (a->kind == CLOUDACCT_ACTOR_ADMIN) {
			smart_str_appends(&q->where, ADMIN_STORES);
			q->p[q->n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
			q->p[q->n++] = CLOUDACCT_PARAM_LONG(a->id);
			q->p[q->n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
			q->p[q->n++] = CLOUDACCT_PARAM_LONG(a->id);
		}
	} else if (zend_string_equals_literal(view, "mine") || zend_string_equals_literal(view, "pool")
			|| zend_string_equals_literal(view, "escalated") || zend_string_equals_literal(view, "all")) {
		cloudacct_throw_forbidden("您不能查看这个工单列表 (view not available to %s)", cloudacct_actor_kind_name(a->kind));
		return FAILURE;
	} else {
		zend_argument_value_error(2, "must be one of \"mine\", \"pool\", \"client\", \"escalated\", \"all\"");
		return FAILURE;
	}
	add_filter(q, form, "status", " AND status = ?");
	add_filter(q, form, "client_id", " AND client_id = ?");
	add_filter(q, form, "assignee_id", " AND assignee_id = ?");
	/* Silent jobs are jobs in hand (the scheduler flags assigned and in-progress jobs, and every
	 * move out of the work states clears the flag): naming the states lets idx_silent find them
	 * instead of a read of the firm's whole history for the few that are silent. */
	zval *silent = zend_hash_str_find(Z_ARRVAL_P(form), ZEND_STRL("silent"));
	if (silent && zend_is_true(silent)) {
		smart_str_appends(&q->where, " AND silent = 1 AND status IN ('assigned', 'in_progress', 'waiting_client')");
	} else {
		add_filter(q, form, "silent", " AND silent = ?");
	}
	add_filter(q, form, "breached", " AND sla_breached = ?");
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Work_Jobs, list)
{
	zval *zactor, form, total, items, *row;
	zend_string *view;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor actor;
	list_query q = { 0 };
	smart_str sql = { 0 };

	ZEND_PARSE_PARAMETERS_START(2, 5)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(view)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_work_check_page(page, per_page, 4)) {
		RETURN_THROWS();
	}
	HashTable empty;
	zend_hash_init(&empty, 0, NULL, NULL, 0);
	bool ok = cloudacct_work_form(filter ? filter : &empty, list_filters, 5, &form);
	zend_hash_destroy(&empty);
	if (!ok) {
		RETURN_THROWS();
	}
	q.p[q.n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	zend_result rc = list_scope(s, &actor, view, &form, &q);
	smart_str_0(&q.where);
	const char *w = q.where.s ? ZSTR_VAL(q.where.s) : "";
	/* The count stops at cap + 1 rows: an exact count of a firm's million jobs reads them all on
	 * every page view. */
	zend_long cap = LIST_COUNT_CAP;
	if (zend_string_equals_literal(view, "all") || zend_string_equals_literal(view, "escalated")) {
		cap = (page + LIST_WINDOW_PAGES) * per_page;
	}
	if (rc == SUCCESS) {
		q.p[q.n] = CLOUDACCT_PARAM_LONG(cap + 1); /* replaced by the list's LIMIT below */
		smart_str_append_printf(&sql, "SELECT COUNT(*) FROM (SELECT 1 FROM {job} WHERE uniacid = ?%s LIMIT ?) t", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), q.p, q.n + 1, CLOUDACCT_FETCH_VALUE, &total);
		smart_str_free(&sql);
	}
	if (rc == SUCCESS) {
		q.p[q.n++] = CLOUDACCT_PARAM_LONG(per_page);
		q.p[q.n++] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
		smart_str_append_printf(&sql, "SELECT " LIST_COLUMNS " FROM {job} WHERE uniacid = ?%s%s LIMIT ? OFFSET ?", w,
			q.order);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), q.p, q.n, CLOUDACCT_FETCH_ALL, &items);
		smart_str_free(&sql);
	}
	smart_str_free(&q.where);
	zval_ptr_dtor(&form);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(items), row) {
		add_labels(row);
	} ZEND_HASH_FOREACH_END();
	if (attach_client_names(s, &items) == FAILURE) {
		zval_ptr_dtor(&items);
		RETURN_THROWS();
	}
	zend_long n = zval_get_long(&total);
	array_init_size(return_value, 3);
	add_assoc_long(return_value, "total", n > cap ? cap : n);
	add_assoc_bool(return_value, "total_capped", n > cap);
	add_assoc_zval(return_value, "items", &items);
}

static zend_result history_rows(cloudacct_store *s, zend_long job_id, zval *out)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job_id) };
	return CLOUDACCT_DB_RUN(s->db, "SELECT id, from_status, to_status, event, actor_kind, actor_id, assignee_from,"
		" assignee_to, note, created_at FROM {job_history} WHERE uniacid = ? AND job_id = ? ORDER BY id", p, 2,
		CLOUDACCT_FETCH_ALL, out);
}

static const char *event_label_of(zval *row)
{
	size_t len;
	const char *ev = cloudacct_work_str(row, "event", &len);
	cloudacct_job_event e;
	if (cloudacct_job_event_parse(ev, len, &e)) {
		return cloudacct_job_event_label(e);
	}
	return strcmp(ev, "create") == 0 ? "创建" : strcmp(ev, "reassign") == 0 ? "改派" : ev;
}

ZEND_METHOD(CloudAcct_Work_Jobs, history)
{
	zval *zactor, *row;
	zend_long id;
	cloudacct_actor actor;
	cloudacct_work_job job;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	if (actor.kind == CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("客户请查看工单进度时间线 (clients read the timeline)");
		RETURN_THROWS();
	}
	if (cloudacct_work_job_load(s, &actor, id, &job) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_work_job_free(&job);
	if (history_rows(s, id, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(return_value), row) {
		add_assoc_string(row, "event_label", (char *) event_label_of(row));
	} ZEND_HASH_FOREACH_END();
}

/* Internal moves the client need not follow: escalation, release to the pool, reassignment. */
static bool client_sees_event(zval *row)
{
	size_t len;
	const char *ev = cloudacct_work_str(row, "event", &len);
	return strcmp(ev, "escalate") != 0 && strcmp(ev, "release") != 0 && strcmp(ev, "reassign") != 0;
}

ZEND_METHOD(CloudAcct_Work_Jobs, timeline)
{
	zval *zactor, hist, prog, atts, *h, *pr;
	zend_long id;
	cloudacct_actor actor;
	cloudacct_work_job job;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || cloudacct_work_job_load(s, &actor, id, &job) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_work_job_free(&job);
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };
	ZVAL_UNDEF(&hist);
	ZVAL_UNDEF(&prog);
	if (history_rows(s, id, &hist) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT id, author_kind, body, created_at FROM {job_progress}"
				" WHERE uniacid = ? AND job_id = ? AND visibility = 'client' ORDER BY id", p, 2, CLOUDACCT_FETCH_ALL, &prog)
				== FAILURE
			|| attachments_of(s, id, &atts) == FAILURE) {
		zval_ptr_dtor(&hist);
		zval_ptr_dtor(&prog);
		RETURN_THROWS();
	}
	/* Merge by time; a state change comes before the progress written with it. */
	array_init(return_value);
	HashPosition hp = 0, pp = 0;
	h = zend_hash_get_current_data_ex(Z_ARRVAL(hist), &hp);
	pr = zend_hash_get_current_data_ex(Z_ARRVAL(prog), &pp);
	while (h || pr) {
		zval e;
		if (h && (!pr || cloudacct_work_long(h, "created_at") <= cloudacct_work_long(pr, "created_at"))) {
			if (client_sees_event(h)) {
				size_t len;
				const char *to = cloudacct_work_str(h, "to_status", &len);
				cloudacct_job_state st = CLOUDACCT_JOB_OPEN;
				cloudacct_job_state_parse(to, len, &st);
				array_init_size(&e, 5);
				add_assoc_string(&e, "kind", "status");
				add_assoc_long(&e, "at", cloudacct_work_long(h, "created_at"));
				add_assoc_stringl(&e, "status", to, len);
				add_assoc_string(&e, "label", (char *) cloudacct_job_state_label(st));
				add_assoc_string(&e, "event_label", (char *) event_label_of(h));
				add_next_index_zval(return_value, &e);
			}
			zend_hash_move_forward_ex(Z_ARRVAL(hist), &hp);
			h = zend_hash_get_current_data_ex(Z_ARRVAL(hist), &hp);
		} else {
			zval refs, *body = zend_hash_str_find(Z_ARRVAL_P(pr), ZEND_STRL("body"));
			size_t len;
			const char *who = cloudacct_work_str(pr, "author_kind", &len);
			array_init_size(&e, 5);
			add_assoc_string(&e, "kind", "progress");
			add_assoc_long(&e, "at", cloudacct_work_long(pr, "created_at"));
			add_assoc_stringl(&e, "author_kind", who, len);
			Z_TRY_ADDREF_P(body);
			add_assoc_zval(&e, "text", body);
			refs_for(&atts, cloudacct_work_long(pr, "id"), &refs);
			add_assoc_zval(&e, "attachments", &refs);
			add_next_index_zval(return_value, &e);
			zend_hash_move_forward_ex(Z_ARRVAL(prog), &pp);
			pr = zend_hash_get_current_data_ex(Z_ARRVAL(prog), &pp);
		}
	}
	zval_ptr_dtor(&hist);
	zval_ptr_dtor(&prog);
	zval_ptr_dtor(&atts);
}

/* ---- PHP: transitions ---- */

typedef struct {
	size_t note_min, note_max;
	bool attachments;
} step_args;

/* Every transition method: (Actor, int $jobId [, string $note [, array $attachments]]). */
static void jobs_step(INTERNAL_FUNCTION_PARAMETERS, cloudacct_job_event ev, uint32_t min_args, uint32_t max_args,
	size_t note_min, size_t note_max)
{
	zval *zactor;
	zend_long id;
	zend_string *note = NULL;
	HashTable *atts = NULL;
	cloudacct_actor actor;
	cloudacct_work_job job;

	/* The methods differ in how many of the four they take; the ZPP block must name its bounds as
	 * written (the debug build asserts it), so the method's own bounds are checked first. */
	if (UNEXPECTED(ZEND_NUM_ARGS() < min_args || ZEND_NUM_ARGS() > max_args)) {
		zend_wrong_parameters_count_error(min_args, max_args);
		RETURN_THROWS();
	}
	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(note)
		Z_PARAM_ARRAY_HT(atts)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	if (note && !cloudacct_work_check_text("note", note_min ? "原因或说明" : "说明", note, note_min, note_max, true)) {
		RETURN_THROWS();
	}
	if (atts && !cloudacct_work_check_refs("attachments", atts)) {
		RETURN_THROWS();
	}
	if (cloudacct_work_job_load(s, &actor, id, &job) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_work_step step = { ev, note, 0, atts };
	zend_result rc = cloudacct_work_job_step(s, &actor, &job, &step);
	cloudacct_work_job_free(&job);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Work_Jobs, release)
{
	jobs_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_JOB_EV_RELEASE, 2, 3, 0, 255);
}

ZEND_METHOD(CloudAcct_Work_Jobs, start)
{
	jobs_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_JOB_EV_START, 2, 2, 0, 255);
}

ZEND_METHOD(CloudAcct_Work_Jobs, askClient)
{
	jobs_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_JOB_EV_ASK_CLIENT, 3, 4, 1, 2000);
}

ZEND_METHOD(CloudAcct_Work_Jobs, clientReplied)
{
	jobs_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_JOB_EV_CLIENT_REPLIED, 2, 4, 0, 2000);
}

ZEND_METHOD(CloudAcct_Work_Jobs, complete)
{
	jobs_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_JOB_EV_COMPLETE, 2, 3, 0, 255);
}

ZEND_METHOD(CloudAcct_Work_Jobs, reopen)
{
	jobs_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_JOB_EV_REOPEN, 3, 3, 1, 255);
}

ZEND_METHOD(CloudAcct_Work_Jobs, close)
{
	jobs_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_JOB_EV_CLOSE, 2, 3, 0, 255);
}

ZEND_METHOD(CloudAcct_Work_Jobs, cancel)
{
	jobs_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_JOB_EV_CANCEL, 3, 3, 1, 255);
}
