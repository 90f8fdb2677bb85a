/* Dispatch (DESIGN §3.3): the grab (one conditional UPDATE of job and staff that also checks
 * eligibility), direct assignment and reassignment by admins, and the staff pick of the
 * auto-assign policy. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "internal.h"
#include "../common/errors.h"
#include "../people/people.h"

/* Exactly one claim of an open job can match: the row lock on the job serialises competing
 * claims and the loser re-reads status = 'assigned'. The staff row is updated in the same
 * statement, so the open-job cap is checked against a counter, never a COUNT. */
zend_result cloudacct_work_claim(cloudacct_store *s, zend_long job_id, zend_long staff_id, bool check_skill, bool *won)
{
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(staff_id),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(job_id),
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(check_skill ? 1 : 0),
	};

	*won = false;
	if (CLOUDACCT_DB_RUN(s->db,
			"UPDATE {job} j JOIN {staff} s ON s.id = ? AND s.uniacid = j.uniacid"
			" SET j.status = 'assigned', j.assignee_id = s.id, j.assigned_at = ?, j.grab_deadline = 0,"
			" j.last_progress_at = ?, j.silent = 0, j.state_at = ?, j.updated_at = ?, j.lease_until = 0,"
			" j.lease_token = NULL, j.version = j.version + 1, s.open_jobs = s.open_jobs + 1"
			" WHERE j.id = ? AND j.uniacid = ? AND j.status = 'open'"
			" AND s.active = 1 AND s.on_duty = 1 AND s.open_jobs < s.open_job_cap"
			" AND (j.store_id = 0 OR s.store_id = j.store_id)"
			" AND (? = 0 OR j.skill = '' OR EXISTS (SELECT 1 FROM {staff_skill} k"
			" WHERE k.staff_id = s.id AND k.uniacid = j.uniacid AND k.skill = j.skill))",
			p, 8, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	*won = cloudacct_db_affected_rows(s->db) > 0;
	return SUCCESS;
}

zend_result cloudacct_work_claimed(cloudacct_store *s, const cloudacct_actor *a, zend_long job_id, const char *event,
	const char *note)
{
	zval row, detail;
	size_t tlen;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(job_id), CLOUDACCT_PARAM_LONG(s->uniacid) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT title, contact_id, assignee_id, version FROM {job} WHERE id = ? AND uniacid = ?",
			p, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	const char *title = cloudacct_work_str(&row, "title", &tlen);
	zend_long assignee = cloudacct_work_long(&row, "assignee_id"), contact = cloudacct_work_long(&row, "contact_id");
	zend_long seq = cloudacct_work_long(&row, "version");
	zend_result rc = cloudacct_work_history(s, a, job_id, "open", "assigned", event, 0, assignee, note,
		note ? strlen(note) : 0);
	if (rc == SUCCESS) {
		array_init_size(&detail, 2);
		add_assoc_long(&detail, "assignee", assignee);
		if (note) {
			add_assoc_string(&detail, "note", (char *) note);
		}
		rc = cloudacct_work_audit(s, a, strcmp(event, "grab") == 0 ? "job_grab" : "job_assign", "job", job_id, &detail);
		zval_ptr_dtor(&detail);
	}
	/* The grabber knows; anyone else given the job is told. The client hears someone took it. */
	if (rc == SUCCESS && a->kind != CLOUDACCT_ACTOR_STAFF) {
		rc = cloudacct_work_notice(s, "staff", assignee, "job_assigned", job_id, seq, title, tlen, note,
			note ? strlen(note) : 0);
	}
	if (rc == SUCCESS && contact) {
		rc = cloudacct_work_notice(s, "client", contact, "job_assigned", job_id, seq, title, tlen, NULL, 0);
	}
	zval_ptr_dtor(&row);
	return rc;
}

/* ---- grab ---- */

/* The claim lost: find out why, in words the employee can act on. */
static void grab_refused(cloudacct_store *s, zend_long job_id, zend_long staff_id)
{
	zval r;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(staff_id), CLOUDACCT_PARAM_LONG(job_id), CLOUDACCT_PARAM_LONG(s->uniacid) };

	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT j.status, j.store_id, j.skill, j.assignee_id, s.id AS sid, s.active, s.on_duty, s.open_jobs,"
			" s.open_job_cap, s.store_id AS staff_store, (j.skill = '' OR EXISTS (SELECT 1 FROM {staff_skill} k"
			" WHERE k.staff_id = s.id AND k.uniacid = j.uniacid AND k.skill = j.skill)) AS has_skill"
			" FROM {job} j LEFT JOIN {staff} s ON s.id = ? AND s.uniacid = j.uniacid WHERE j.id = ? AND j.uniacid = ?",
			p, 3, CLOUDACCT_FETCH_ROW, &r) == FAILURE) {
		return;
	}
	size_t len;
	const char *st = Z_TYPE(r) == IS_ARRAY ? cloudacct_work_str(&r, "status", &len) : "";
	zend_long job_store = Z_TYPE(r) == IS_ARRAY ? cloudacct_work_long(&r, "store_id") : 0;
	cloudacct_job_state state = CLOUDACCT_JOB_OPEN;

	if (Z_TYPE(r) != IS_ARRAY
			|| (job_store != 0 && cloudacct_work_long(&r, "sid") && cloudacct_work_long(&r, "staff_store") != job_store)) {
		cloudacct_throw_not_found("工单不存在或无权查看 (job %ld not found)", (long) job_id);
	} else if (!cloudacct_work_long(&r, "sid") || !cloudacct_work_long(&r, "active")) {
		cloudacct_throw_forbidden("您的员工账号不可用，请联系管理员 (staff account inactive)");
	} else if (!cloudacct_job_state_parse(st, len, &state) || state != CLOUDACCT_JOB_OPEN) {
		if (cloudacct_work_long(&r, "assignee_id") == staff_id && cloudacct_job_state_is_open_work(state)) {
			cloudacct_throw_invalid_transition(st, "您已接下该工单 (the job is already yours)");
		} else if (state == CLOUDACCT_JOB_ESCALATED) {
			cloudacct_throw_invalid_transition(st, "该工单已转交管理员指派，不能抢单 (waiting for an admin to assign it)");
		} else if (state == CLOUDACCT_JOB_CANCELLED || state == CLOUDACCT_JOB_CLOSED) {
			cloudacct_throw_invalid_transition(st, "工单%s，不能抢单 (the job is %s)", cloudacct_job_state_label(state), st);
		} else {
			cloudacct_throw_invalid_transition(st, "手慢了，该工单已被抢走 (already taken)");
		}
	} else if (!cloudacct_work_long(&r, "has_skill")) {
		size_t sl;
		const char *skill = cloudacct_work_str(&r, "skill", &sl);
		cloudacct_throw_forbidden("该工单需要“%s”技能，您暂时不能抢 (skill %s required)", skill, skill);
	} else if (!cloudacct_work_long(&r, "on_duty")) {
		cloudacct_throw_forbidden("您当前不在岗，请先上岗再抢单 (off duty)");
	} else if (cloudacct_work_long(&r, "open_jobs") >= cloudacct_work_long(&r, "open_job_cap")) {
		cloudacct_throw_forbidden("您手上的工单已达上限（%ld 个），请先完成一些再抢 (open-job cap reached)",
			(long) cloudacct_work_long(&r, "open_job_cap"));
	} else {
		cloudacct_throw_conflict("工单刚被更新，请刷新后重试 (the job changed meanwhile)");
	}
	zval_ptr_dtor(&r);
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long job_id;
} grab_ctx;

static zend_result grab_body(cloudacct_connection *c, void *ctx)
{
	grab_ctx *x = ctx;
	bool won;

	if (cloudacct_work_claim(x->s, x->job_id, x->a->id, true, &won) == FAILURE) {
		return FAILURE;
	}
	if (!won) {
		grab_refused(x->s, x->job_id, x->a->id);
		return FAILURE;
	}
	return cloudacct_work_claimed(x->s, x->a, x->job_id, "grab", NULL);
}

ZEND_METHOD(CloudAcct_Work_Jobs, grab)
{
	zval *zactor;
	zend_long id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	if (actor.kind != CLOUDACCT_ACTOR_STAFF) {
		cloudacct_throw_forbidden("只有员工可以抢单 (staff only)");
		RETURN_THROWS();
	}
	grab_ctx x = { s, &actor, id };
	if (cloudacct_db_transaction(s->db, grab_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- assign and reassign ---- */

/* The staff member an admin names must be active and within the admin's stores. */
zend_result cloudacct_work_assignable(cloudacct_store *s, const cloudacct_actor *a, zend_long staff_id)
{
	cloudacct_staff_info info;
	bool found = false, yes = true;

	if (cloudacct_people_staff_get(s, staff_id, &info, &found) == FAILURE) {
		return FAILURE;
	}
	if (found && a->kind == CLOUDACCT_ACTOR_ADMIN
			&& cloudacct_people_admin_may_store(s, a->id, info.store_id, &yes) == FAILURE) {
		return FAILURE;
	}
	if (!found || !yes) {
		cloudacct_throw_not_found("员工不存在 (staff %ld not found)", (long) staff_id);
		return FAILURE;
	}
	if (!info.active) {
		cloudacct_throw_forbidden("该员工已停用，不能指派 (staff %ld is inactive)", (long) staff_id);
		return FAILURE;
	}
	return SUCCESS;
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_work_job *job;
	zend_long staff_id;
	zend_string *note;
} reassign_ctx;

/* Not a state change: the job keeps its state, the history records who had it and who has it. */
static zend_result reassign_body(cloudacct_connection *c, void *ctx)
{
	reassign_ctx *x = ctx;
	cloudacct_work_job *job = x->job;
	zend_long now = cloudacct_clock_now();
	const char *st = cloudacct_job_state_name(job->status);
	size_t tlen;
	const char *title = cloudacct_work_str(&job->row, "title", &tlen);
	const char *note = x->note ? ZSTR_VAL(x->note) : NULL;
	size_t nlen = x->note ? ZSTR_LEN(x->note) : 0;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->staff_id), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(job->id), CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_STR(st, strlen(st)), CLOUDACCT_PARAM_LONG(job->version), CLOUDACCT_PARAM_LONG(job->assignee_id) };

	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {job} SET assignee_id = ?, assigned_at = ?, last_progress_at = ?, silent = 0,"
			" updated_at = ?, version = version + 1 WHERE id = ? AND uniacid = ? AND status = ? AND version = ?"
			" AND assignee_id = ?", p, 9, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(x->s->db) == 0) {
		cloudacct_throw_conflict("工单刚被他人更新，请刷新后重试 (the job changed meanwhile)");
		return FAILURE;
	}
	if (cloudacct_work_staff_counts(x->s, job->status, job->assignee_id, job->status, x->staff_id) == FAILURE
			|| cloudacct_work_history(x->s, x->a, job->id, st, st, "reassign", job->assignee_id, x->staff_id, note, nlen)
				== FAILURE) {
		return FAILURE;
	}
	zval detail;
	array_init_size(&detail, 3);
	add_assoc_long(&detail, "from", job->assignee_id);
	add_assoc_long(&detail, "to", x->staff_id);
	if (note) {
		add_assoc_stringl(&detail, "note", note, nlen);
	}
	zend_result rc = cloudacct_work_audit(x->s, x->a, "job_reassign", "job", job->id, &detail);
	zval_ptr_dtor(&detail);
	if (rc == SUCCESS) {
		rc = cloudacct_work_notice(x->s, "staff", x->staff_id, "job_assigned", job->id, job->version + 1, title, tlen,
			note, nlen);
	}
	if (rc == SUCCESS) {
		rc = cloudacct_work_notice(x->s, "staff", job->assignee_id, "job_reassigned", job->id, job->version + 1, title,
			tlen, note, nlen);
	}
	return rc;
}

ZEND_METHOD(CloudAcct_Work_Jobs, assign)
{
	zval *zactor;
	zend_long id, staff_id;
	zend_string *note = NULL;
	cloudacct_actor actor;
	cloudacct_work_job job;
	zend_result rc;

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_LONG(staff_id)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(note)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_work_require_admin(&actor)) {
		RETURN_THROWS();
	}
	if (note && !cloudacct_work_check_text("note", "说明", note, 0, 255, true)) {
		RETURN_THROWS();
	}
	if (cloudacct_work_job_load(s, &actor, id, &job) == FAILURE) {
		RETURN_THROWS();
	}
	rc = cloudacct_work_assignable(s, &actor, staff_id);
	if (rc == SUCCESS && cloudacct_job_state_is_open_work(job.status)) {
		if (job.assignee_id == staff_id) {
			cloudacct_throw_conflict("该工单已由这位员工负责 (already assigned to this employee)");
			rc = FAILURE;
		} else {
			reassign_ctx x = { s, &actor, &job, staff_id, note };
			rc = cloudacct_db_transaction(s->db, reassign_body, &x, 0);
		}
	} else if (rc == SUCCESS) {
		cloudacct_work_step step = { CLOUDACCT_JOB_EV_ASSIGN, note, staff_id, NULL };
		rc = cloudacct_work_job_step(s, &actor, &job, &step);
	}
	cloudacct_work_job_free(&job);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- auto-assign ---- */

/* The eligible employee the policy picks for an open job, 0 when nobody can take it.
 * round_robin: the next eligible id after the last one picked (wrapping); least_loaded: fewest
 * jobs in hand, then lowest id. The claim that follows re-checks everything. */
zend_result cloudacct_work_pick_staff(cloudacct_store *s, cloudacct_work_job *job, bool round_robin, zend_long *staff_id)
{
	zval v;
	size_t len;
	const char *skill = cloudacct_work_str(&job->row, "skill", &len);
	zend_long after = 0;

	*staff_id = 0;
	if (round_robin) {
		cloudacct_param c[] = { CLOUDACCT_PARAM_LONG(s->uniacid) };
		if (CLOUDACCT_DB_RUN(s->db, "SELECT last_staff_id FROM {dispatch_cursor} WHERE uniacid = ?", c, 1,
				CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
			return FAILURE;
		}
		after = zval_get_long(&v);
	}
	for (int pass = 0; pass < 2; pass++) {
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job->store_id),
			CLOUDACCT_PARAM_LONG(job->store_id), CLOUDACCT_PARAM_STR(skill, len), CLOUDACCT_PARAM_STR(skill, len),
			CLOUDACCT_PARAM_LONG(pass == 0 ? after : 0) };
		zend_result rc = round_robin
			? CLOUDACCT_DB_RUN(s->db, "SELECT s.id FROM {staff} s WHERE s.uniacid = ? AND s.active = 1 AND s.on_duty = 1"
				" AND s.open_jobs < s.open_job_cap AND (? = 0 OR s.store_id = ?) AND (? = '' OR EXISTS (SELECT 1"
				" FROM {staff_skill} k WHERE k.staff_id = s.id AND k.uniacid = s.uniacid AND k.skill = ?)) AND s.id > ?"
				" ORDER BY s.id LIMIT 1", p, 6, CLOUDACCT_FETCH_VALUE, &v)
			: CLOUDACCT_DB_RUN(s->db, "SELECT s.id FROM {staff} s WHERE s.uniacid = ? AND s.active = 1 AND s.on_duty = 1"
				" AND s.open_jobs < s.open_job_cap AND (? = 0 OR s.store_id = ?) AND (? = '' OR EXISTS (SELECT 1"
				" FROM {staff_skill} k WHERE k.staff_id = s.id AND k.uniacid = s.uniacid AND k.skill = ?)) AND s.id > ?"
				" ORDER BY s.open_jobs, s.id LIMIT 1", p, 6, CLOUDACCT_FETCH_VALUE, &v);
		if (rc == FAILURE) {
			return FAILURE;
		}
		*staff_id = zval_get_long(&v);
		if (*staff_id || !round_robin || after == 0) {
			break;
		}
	}
	if (round_robin && *staff_id) {
		zend_long now = cloudacct_clock_now();
		cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(*staff_id),
			CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(*staff_id), CLOUDACCT_PARAM_LONG(now) };
		if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {dispatch_cursor} (uniacid, last_staff_id, updated_at) VALUES (?, ?, ?)"
				" ON DUPLICATE KEY UPDATE last_staff_id = ?, updated_at = ?", u, 5, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
	}
	return SUCCESS;
}
