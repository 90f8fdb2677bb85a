/* Progress entries of a job: text and file references, visible to the client or internal. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "internal.h"
#include "../common/errors.h"

zend_result cloudacct_work_progress_insert(cloudacct_store *s, const cloudacct_actor *a, zend_long job_id,
	zend_string *text, bool internal, HashTable *attachments, zend_long *id)
{
	const char *kind = cloudacct_actor_kind_name(a->kind);
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job_id),
		CLOUDACCT_PARAM_STR(kind, strlen(kind)), CLOUDACCT_PARAM_LONG(a->id), CLOUDACCT_PARAM_ZSTR(text),
		CLOUDACCT_PARAM_STR(internal ? "internal" : "client", internal ? 8 : 6), CLOUDACCT_PARAM_LONG(now) };

	if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {job_progress} (uniacid, job_id, author_kind, author_id, body, visibility,"
			" created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", p, 7, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	*id = (zend_long) cloudacct_db_insert_id(s->db);
	if (cloudacct_work_attach(s, job_id, *id, attachments) == FAILURE) {
		return FAILURE;
	}
	/* Work by the firm's side is what keeps a job from being flagged silent. */
	if (a->kind == CLOUDACCT_ACTOR_STAFF || a->kind == CLOUDACCT_ACTOR_ADMIN) {
		cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(job_id), CLOUDACCT_PARAM_LONG(s->uniacid) };
		return CLOUDACCT_DB_RUN(s->db, "UPDATE {job} SET last_progress_at = ?, silent = 0 WHERE id = ? AND uniacid = ?",
			u, 3, CLOUDACCT_FETCH_NONE, NULL);
	}
	return SUCCESS;
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_work_job *job;
	zend_string *text;
	bool internal;
	HashTable *attachments;
	zend_long id;
} progress_ctx;

static zend_result progress_body(cloudacct_connection *c, void *ctx)
{
	progress_ctx *x = ctx;
	size_t tlen;
	const char *title = cloudacct_work_str(&x->job->row, "title", &tlen);

	if (cloudacct_work_progress_insert(x->s, x->a, x->job->id, x->text, x->internal, x->attachments, &x->id) == FAILURE) {
		return FAILURE;
	}
	zval detail;
	array_init_size(&detail, 2);
	add_assoc_long(&detail, "progress_id", x->id);
	add_assoc_bool(&detail, "internal", x->internal);
	zend_result rc = cloudacct_work_audit(x->s, x->a, "job_progress", "job", x->job->id, &detail);
	zval_ptr_dtor(&detail);
	if (rc == FAILURE || x->internal) {
		return rc;
	}
	/* The client hears of the firm's progress; the assignee hears of the client's. */
	if (x->a->kind == CLOUDACCT_ACTOR_CLIENT) {
		return x->job->assignee_id ? cloudacct_work_notice(x->s, "staff", x->job->assignee_id, "job_progress", x->job->id,
			-x->id, title, tlen, NULL, 0) : SUCCESS;
	}
	return x->job->contact_id ? cloudacct_work_notice(x->s, "client", x->job->contact_id, "job_progress", x->job->id,
		-x->id, title, tlen, NULL, 0) : SUCCESS;
}

/* Who may write: the assignee, admins, the client (never internal), the system. */
static bool may_write(const cloudacct_actor *a, cloudacct_work_job *job, bool internal)
{
	if (a->kind == CLOUDACCT_ACTOR_STAFF && job->assignee_id != a->id) {
		cloudacct_throw_forbidden("只有负责该工单的员工可以填写进展 (only the assignee may post progress)");
		return false;
	}
	if (a->kind == CLOUDACCT_ACTOR_CLIENT && internal) {
		cloudacct_throw_forbidden("客户不能添加内部备注 (clients cannot post internal notes)");
		return false;
	}
	if (cloudacct_job_state_is_final(job->status)) {
		cloudacct_throw_invalid_transition(cloudacct_job_state_name(job->status),
			"工单%s，不能再添加进展 (the job is %s)", cloudacct_job_state_label(job->status),
			cloudacct_job_state_name(job->status));
		return false;
	}
	return true;
}

ZEND_METHOD(CloudAcct_Work_Jobs, addProgress)
{
	zval *zactor;
	zend_long id;
	zend_string *text;
	bool internal = false;
	HashTable *atts = NULL;
	cloudacct_actor actor;
	cloudacct_work_job job;

	ZEND_PARSE_PARAMETERS_START(3, 5)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_STR(text)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(internal)
		Z_PARAM_ARRAY_HT(atts)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_work_check_text("text", "进展内容", text, 1, 2000, true)
			|| (atts && !cloudacct_work_check_refs("attachments", atts))
			|| cloudacct_work_job_load(s, &actor, id, &job) == FAILURE) {
		RETURN_THROWS();
	}
	progress_ctx x = { s, &actor, &job, text, internal, atts, 0 };
	zend_result rc = may_write(&actor, &job, internal) ? cloudacct_db_transaction(s->db, progress_body, &x, 0) : FAILURE;
	cloudacct_work_job_free(&job);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

ZEND_METHOD(CloudAcct_Work_Jobs, progress)
{
	zval *zactor, atts, *row, *a;
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
	/* Internal notes are for the firm's people on the job: admins, the assignee, the system. */
	bool all = actor.kind == CLOUDACCT_ACTOR_ADMIN || actor.kind == CLOUDACCT_ACTOR_SYSTEM
		|| (actor.kind == CLOUDACCT_ACTOR_STAFF && job.assignee_id == actor.id);
	cloudacct_work_job_free(&job);
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id), CLOUDACCT_PARAM_LONG(all ? 1 : 0) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, author_kind, author_id, body, visibility, created_at FROM {job_progress}"
			" WHERE uniacid = ? AND job_id = ? AND (visibility = 'client' OR ? = 1) ORDER BY id", p, 3,
			CLOUDACCT_FETCH_ALL, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT progress_id, ref FROM {job_attachment} WHERE uniacid = ? AND job_id = ?"
			" AND progress_id > 0 ORDER BY id", q, 2, CLOUDACCT_FETCH_ALL, &atts) == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(return_value), row) {
		zval refs;
		zend_long pid = cloudacct_work_long(row, "id");
		array_init(&refs);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(atts), a) {
			if (cloudacct_work_long(a, "progress_id") == pid) {
				zval *ref = zend_hash_str_find(Z_ARRVAL_P(a), ZEND_STRL("ref"));
				Z_TRY_ADDREF_P(ref);
				add_next_index_zval(&refs, ref);
			}
		} ZEND_HASH_FOREACH_END();
		add_assoc_zval(row, "attachments", &refs);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&atts);
}
