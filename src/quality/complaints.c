/* Complaints (投诉): filing, the state machine of src/core/complaint_fsm.c bound to SQL, the
 * thread (replies, internal notes, events), visibility per actor, escalation of overdue ones. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "ext/json/php_json.h"
#include "quality_int.h"
#include "../common/errors.h"
#include "../core/complaint_fsm.h"
#include "../settings/settings.h"

#define DESC_MIN 5
#define TEXT_MAX 2000

#define COMPLAINT_COLUMNS \
	"m.id, m.client_id, c.name AS client_name, m.contact_id, m.store_id, m.job_id, j.title AS job_title," \
	" m.staff_id, f.name AS staff_name, m.description, m.attachments, m.status, m.reopened, m.deadline_at," \
	" m.escalated_at, m.resolved_at, m.closed_at, m.created_at, m.updated_at, m.version"
#define COMPLAINT_FROM \
	"FROM {complaint} m LEFT JOIN {client} c ON c.uniacid = m.uniacid AND c.id = m.client_id" \
	" LEFT JOIN {job} j ON j.uniacid = m.uniacid AND j.id = m.job_id" \
	" LEFT JOIN {staff} f ON f.uniacid = m.uniacid AND f.id = m.staff_id WHERE m.uniacid = ?"

static cloudacct_complaint_state row_state(zval *row)
{
	size_t len;
	const char *st = cloudacct_work_str(row, "status", &len);
	cloudacct_complaint_state out = CLOUDACCT_COMPLAINT_OPEN;
	cloudacct_complaint_state_parse(st, len, &out);
	return out;
}

static void throw_missing(zend_long id)
{
	cloudacct_throw_not_found("投诉不存在或无权查看 (complaint %ld not found)", (long) id);
}

/* May the actor see this complaint row? Same answer for "not yours" and "not there". */
static zend_result visible(cloudacct_store *s, const cloudacct_actor *a, zval *row, bool *yes)
{
	switch (a->kind) {
		case CLOUDACCT_ACTOR_ADMIN:
			return cloudacct_people_admin_may_store(s, a->id, cloudacct_work_long(row, "store_id"), yes);
		case CLOUDACCT_ACTOR_CLIENT:
			return cloudacct_people_contact_in_client(s, a->id, cloudacct_work_long(row, "client_id"), yes);
		case CLOUDACCT_ACTOR_STAFF: {
			cloudacct_complaint_state st = row_state(row);
			*yes = cloudacct_work_long(row, "staff_id") == a->id
				&& (st == CLOUDACCT_COMPLAINT_RESOLVED || st == CLOUDACCT_COMPLAINT_CLOSED);
			if (*yes) {
				cloudacct_staff_info me;
				return cloudacct_people_require_active_staff(s, a, &me);
			}
			return SUCCESS;
		}
		default:
			*yes = true;
			return SUCCESS;
	}
}

/* Loads a complaint the actor may see (row owned by the caller on SUCCESS). */
static zend_result load(cloudacct_store *s, const cloudacct_actor *a, zend_long id, zval *row)
{
	bool yes = false;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT " COMPLAINT_COLUMNS " " COMPLAINT_FROM " AND m.id = ?", p, 2,
			CLOUDACCT_FETCH_ROW, row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE_P(row) == IS_ARRAY && visible(s, a, row, &yes) == FAILURE) {
		zval_ptr_dtor(row);
		ZVAL_NULL(row);
		return FAILURE;
	}
	if (Z_TYPE_P(row) != IS_ARRAY || !yes) {
		zval_ptr_dtor(row);
		ZVAL_NULL(row);
		throw_missing(id);
		return FAILURE;
	}
	return SUCCESS;
}

static zend_result add_note(cloudacct_store *s, const cloudacct_actor *a, zend_long id, const char *kind,
	const char *from, const char *to, const char *body, size_t body_len, zend_long *note_id)
{
	const char *ak = cloudacct_actor_kind_name(a->kind);
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id),
		CLOUDACCT_PARAM_STR(kind, strlen(kind)), CLOUDACCT_PARAM_STR(ak, strlen(ak)), CLOUDACCT_PARAM_LONG(a->id),
		CLOUDACCT_PARAM_STR(from, strlen(from)), CLOUDACCT_PARAM_STR(to, strlen(to)), CLOUDACCT_PARAM_STR(body, body_len),
		CLOUDACCT_PARAM_LONG(cloudacct_clock_now()) };

	if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {complaint_note} (uniacid, complaint_id, kind, author_kind, author_id,"
			" from_status, to_status, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 9,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (note_id) {
		*note_id = (zend_long) cloudacct_db_insert_id(s->db);
	}
	return SUCCESS;
}

/* complaint_update to the contact who filed it, complaint_* to the admins; seq makes each event
 * notify each recipient once. */
static zend_result notify(cloudacct_store *s, zval *row, const char *recipient_kind, const char *template_key,
	const char *event, zend_long seq, const char *text, size_t text_len)
{
	zval payload;
	zend_long id = cloudacct_work_long(row, "id");
	zend_long rid = strcmp(recipient_kind, "client") == 0 ? cloudacct_work_long(row, "contact_id") : 0;

	if (strcmp(recipient_kind, "client") == 0 && rid == 0) {
		return SUCCESS;
	}
	array_init_size(&payload, 5);
	add_assoc_long(&payload, "complaint_id", id);
	add_assoc_long(&payload, "client_id", cloudacct_work_long(row, "client_id"));
	add_assoc_string(&payload, "event", (char *) event);
	if (text && text_len) {
		add_assoc_stringl(&payload, "note", text, text_len);
	}
	zend_result rc = cloudacct_quality_notice(s, recipient_kind, rid, template_key, &payload, "%s:%ld:%ld:%s:%ld",
		template_key, (long) id, (long) seq, recipient_kind, (long) rid);
	zval_ptr_dtor(&payload);
	return rc;
}

static zend_result settings2(cloudacct_store *s, zend_long *deadline_hours, zend_long *reopen_days)
{
	static const char *const names[] = { "complaint_deadline_hours", "complaint_reopen_days" };
	zval v[2];

	if (cloudacct_work_settings(s, names, 2, v) == FAILURE) {
		return FAILURE;
	}
	*deadline_hours = zval_get_long(&v[0]);
	*reopen_days = zval_get_long(&v[1]);
	zval_ptr_dtor(&v[0]);
	zval_ptr_dtor(&v[1]);
	return SUCCESS;
}

/* ---- file ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id, store_id, job_id, staff_id, deadline;
	zend_string *description, *attachments_json;
	zend_long id;
} file_ctx;

static zend_result file_body(cloudacct_connection *c, void *arg)
{
	file_ctx *x = arg;
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id),
		CLOUDACCT_PARAM_LONG(x->a->id), CLOUDACCT_PARAM_LONG(x->store_id), CLOUDACCT_PARAM_LONG(x->job_id),
		CLOUDACCT_PARAM_LONG(x->staff_id), CLOUDACCT_PARAM_ZSTR(x->description), CLOUDACCT_PARAM_ZSTR(x->attachments_json),
		CLOUDACCT_PARAM_LONG(x->deadline), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now) };

	if (CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {complaint} (uniacid, client_id, contact_id, store_id, job_id, staff_id,"
			" description, attachments, status, deadline_at, created_at, updated_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)", p, 11, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	x->id = (zend_long) cloudacct_db_insert_id(x->s->db);
	if (add_note(x->s, x->a, x->id, "event", "", "open", "", 0, NULL) == FAILURE) {
		return FAILURE;
	}
	zval row, detail;
	array_init_size(&row, 3);
	add_assoc_long(&row, "id", x->id);
	add_assoc_long(&row, "client_id", x->client_id);
	add_assoc_long(&row, "contact_id", x->a->id);
	zend_result rc = notify(x->s, &row, "admin", "complaint_opened", "file", 0, NULL, 0);
	zval_ptr_dtor(&row);
	if (rc == FAILURE) {
		return FAILURE;
	}
	array_init_size(&detail, 3);
	add_assoc_long(&detail, "client_id", x->client_id);
	add_assoc_long(&detail, "job_id", x->job_id);
	add_assoc_long(&detail, "staff_id", x->staff_id);
	rc = cloudacct_quality_audit(x->s, x->a, "complaint_file", "complaint", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

static bool opt_id(HashTable *data, const char *key, const char *label, zend_long *out)
{
	zval *v = zend_hash_str_find(data, key, strlen(key));
	*out = 0;
	if (!v || Z_TYPE_P(v) == IS_NULL) {
		return true;
	}
	if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 0 || Z_LVAL_P(v) > UINT32_MAX) {
		cloudacct_throw_validation(key, "“%s”须为整数 id (%s: an int id)", label, key);
		return false;
	}
	*out = Z_LVAL_P(v);
	return true;
}

ZEND_METHOD(CloudAcct_Quality_Complaints, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Quality_Complaints, file)
{
	zval *zactor, *v;
	HashTable *data;
	cloudacct_actor a;
	zend_string *key;
	zend_long hours, days;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s) {
		RETURN_THROWS();
	}
	if (a.kind != CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("只有客户可以提交投诉 (only clients file complaints)");
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_STR_KEY(data, key) {
		if (!key || !(zend_string_equals_literal(key, "client_id") || zend_string_equals_literal(key, "description")
				|| zend_string_equals_literal(key, "attachments") || zend_string_equals_literal(key, "job_id")
				|| zend_string_equals_literal(key, "staff_id"))) {
			cloudacct_throw_validation(key ? ZSTR_VAL(key) : "data", "未知的字段 %s (unknown field)",
				key ? ZSTR_VAL(key) : "?");
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();
	file_ctx x = { .s = s, .a = &a };
	v = zend_hash_str_find(data, ZEND_STRL("description"));
	if (!v || Z_TYPE_P(v) != IS_STRING) {
		cloudacct_throw_validation("description", "请描述投诉内容 (description is required)");
		RETURN_THROWS();
	}
	x.description = Z_STR_P(v);
	HashTable *atts = NULL;
	v = zend_hash_str_find(data, ZEND_STRL("attachments"));
	if (v && Z_TYPE_P(v) != IS_ARRAY) {
		cloudacct_throw_validation("attachments", "附件须为文件引用的列表 (attachments: a list)");
		RETURN_THROWS();
	}
	atts = v ? Z_ARRVAL_P(v) : NULL;
	if (!opt_id(data, "client_id", "公司", &x.client_id) || !opt_id(data, "job_id", "工单", &x.job_id)
			|| !opt_id(data, "staff_id", "员工", &x.staff_id)
			|| !cloudacct_work_check_text("description", "投诉内容", x.description, DESC_MIN, TEXT_MAX, true)
			|| (atts && !cloudacct_work_check_refs("attachments", atts))) {
		RETURN_THROWS();
	}
	if (x.client_id == 0) {
		cloudacct_throw_validation("client_id", "请选择被投诉服务所属的公司 (client_id is required)");
		RETURN_THROWS();
	}
	/* One of the contact's companies (else as if it did not exist). */
	bool yes = false;
	cloudacct_client_info client;
	bool found = false;
	if (cloudacct_people_contact_in_client(s, a.id, x.client_id, &yes) == FAILURE
			|| (yes && cloudacct_people_client_get(s, x.client_id, &client, &found) == FAILURE)) {
		RETURN_THROWS();
	}
	if (!yes || !found) {
		cloudacct_throw_not_found("公司不存在或无权查看 (client %ld not found)", (long) x.client_id);
		RETURN_THROWS();
	}
	x.store_id = client.store_id;
	if (x.job_id) {
		zval job;
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x.job_id) };
		if (CLOUDACCT_DB_RUN(s->db, "SELECT client_id, assignee_id FROM {job} WHERE uniacid = ? AND id = ?", p, 2,
				CLOUDACCT_FETCH_ROW, &job) == FAILURE) {
			RETURN_THROWS();
		}
		bool ours = Z_TYPE(job) == IS_ARRAY && cloudacct_work_long(&job, "client_id") == x.client_id;
		zend_long assignee = ours ? cloudacct_work_long(&job, "assignee_id") : 0;
		zval_ptr_dtor(&job);
		if (!ours) {
			cloudacct_throw_validation("job_id", "工单不存在或不属于该公司 (job %ld is not a job of this company)",
				(long) x.job_id);
			RETURN_THROWS();
		}
		if (x.staff_id == 0) {
			x.staff_id = assignee;
		}
	}
	if (x.staff_id) {
		cloudacct_staff_info st;
		if (cloudacct_people_staff_get(s, x.staff_id, &st, &found) == FAILURE) {
			RETURN_THROWS();
		}
		if (!found) {
			cloudacct_throw_validation("staff_id", "没有这位员工 (staff %ld not found)", (long) x.staff_id);
			RETURN_THROWS();
		}
	}
	if (settings2(s, &hours, &days) == FAILURE) {
		RETURN_THROWS();
	}
	x.deadline = cloudacct_clock_now() + hours * 3600;
	smart_str json = {0};
	if (atts && zend_hash_num_elements(atts) > 0) {
		/* A copy of our own: the caller's array may be immutable (an empty [] literal is the
		 * read-only zend_empty_array), which a zval built with ZVAL_ARR must not point at. */
		zval z;
		ZVAL_ARR(&z, zend_array_dup(atts));
		php_json_encode(&json, &z, PHP_JSON_UNESCAPED_SLASHES);
		zval_ptr_dtor(&z);
	} else {
		smart_str_appends(&json, "[]");
	}
	smart_str_0(&json);
	x.attachments_json = json.s;
	zend_result rc = cloudacct_db_transaction(s->db, file_body, &x, 0);
	smart_str_free(&json);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

/* ---- reading ---- */

static void complaint_fix(zval *row, void *ctx)
{
	cloudacct_complaint_state st = row_state(row);
	const cloudacct_actor *a = ctx;

	cloudacct_quality_decode_json(row, "attachments");
	add_assoc_string(row, "status_label", (char *) cloudacct_complaint_state_label(st));
	add_assoc_bool(row, "escalated", cloudacct_work_long(row, "escalated_at") > 0);
	zval *r = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("reopened"));
	if (r) {
		bool b = zend_is_true(r);
		zval_ptr_dtor(r);
		ZVAL_BOOL(r, b);
	}
	/* What only the firm needs: the clients do not see the escalation bookkeeping. */
	if (a && a->kind == CLOUDACCT_ACTOR_CLIENT) {
		zend_hash_str_del(Z_ARRVAL_P(row), ZEND_STRL("escalated_at"));
		zend_hash_str_del(Z_ARRVAL_P(row), ZEND_STRL("escalated"));
		zend_hash_str_del(Z_ARRVAL_P(row), ZEND_STRL("deadline_at"));
	}
}

/* Events the actor may fire now, the reopen rule included. */
static void actions(const cloudacct_actor *a, zval *row, zend_long reopen_days, zval *out)
{
	cloudacct_complaint_state st = row_state(row);
	uint32_t bits = cloudacct_complaint_allowed_events(st, a->kind);

	array_init(out);
	for (int ev = 0; ev < CLOUDACCT_COMPLAINT_EVENT_COUNT; ev++) {
		if (!(bits & (1u << ev))) {
			continue;
		}
		if (ev == CLOUDACCT_COMPLAINT_EV_REOPEN && (cloudacct_work_long(row, "reopened")
				|| cloudacct_clock_now() > cloudacct_work_long(row, "resolved_at") + reopen_days * 86400)) {
			continue;
		}
		add_next_index_string(out, cloudacct_complaint_event_name((cloudacct_complaint_event) ev));
	}
	if (!cloudacct_complaint_state_is_final(st) && (a->kind == CLOUDACCT_ACTOR_ADMIN || a->kind == CLOUDACCT_ACTOR_CLIENT)) {
		add_next_index_string(out, "comment");
	}
}

ZEND_METHOD(CloudAcct_Quality_Complaints, get)
{
	zval *zactor, thread;
	zend_long id, hours, days;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_id(id, 2) == FAILURE || load(s, &a, id, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	/* Internal notes are for admins (and the system) only. */
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id),
		CLOUDACCT_PARAM_LONG(a.kind == CLOUDACCT_ACTOR_ADMIN || a.kind == CLOUDACCT_ACTOR_SYSTEM) };
	if (settings2(s, &hours, &days) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT id, kind, author_kind, author_id, from_status, to_status, body, created_at"
				" FROM {complaint_note} WHERE uniacid = ? AND complaint_id = ? AND (kind <> 'internal' OR ? = 1)"
				" ORDER BY id", p, 3, CLOUDACCT_FETCH_ALL, &thread) == FAILURE) {
		RETURN_THROWS();
	}
	zval acts;
	actions(&a, return_value, days, &acts);
	complaint_fix(return_value, &a);
	if (a.kind == CLOUDACCT_ACTOR_CLIENT || a.kind == CLOUDACCT_ACTOR_STAFF) {
		/* Who on the firm's side wrote is not named to the client and the employee. */
		zval *n;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(thread), n) {
			size_t len;
			const char *k = cloudacct_work_str(n, "author_kind", &len);
			if (!(len == 6 && memcmp(k, "client", 6) == 0)) {
				zend_hash_str_update(Z_ARRVAL_P(n), ZEND_STRL("author_id"), &EG(uninitialized_zval));
			}
		} ZEND_HASH_FOREACH_END();
	}
	add_assoc_zval(return_value, "actions", &acts);
	add_assoc_zval(return_value, "thread", &thread);
}

static const cloudacct_fl complaint_filters[] = {
	{ "status", CLOUDACCT_FL_STR, " AND m.status = ?", 1, 12, "open|processing|resolved|closed" },
	{ "client_id", CLOUDACCT_FL_LONG, " AND m.client_id = ?", 1, 0, NULL },
	{ "staff_id", CLOUDACCT_FL_LONG, " AND m.staff_id = ?", 1, 0, NULL },
	{ "store_id", CLOUDACCT_FL_LONG, " AND m.store_id = ?", 1, 0, NULL },
	{ "job_id", CLOUDACCT_FL_LONG, " AND m.job_id = ?", 1, 0, NULL },
	{ "escalated", CLOUDACCT_FL_BOOL, " AND (m.escalated_at > 0) = ?", 1, 0, NULL },
	{ "since", CLOUDACCT_FL_LONG, " AND m.created_at >= ?", 1, 0, NULL },
	{ "until", CLOUDACCT_FL_LONG, " AND m.created_at < ?", 1, 0, NULL },
};

ZEND_METHOD(CloudAcct_Quality_Complaints, list)
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

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_paging(page, per_page, 3) == FAILURE) {
		RETURN_THROWS();
	}
	if (a.kind == CLOUDACCT_ACTOR_STAFF) {
		cloudacct_staff_info me;
		if (cloudacct_people_require_active_staff(s, &a, &me) == FAILURE) {
			RETURN_THROWS();
		}
	}
	cloudacct_fl_init(&q);
	cloudacct_fl_add(&q, NULL, CLOUDACCT_PARAM_LONG(s->uniacid));
	switch (a.kind) {
		case CLOUDACCT_ACTOR_ADMIN:
			smart_str_appends(&q.where, CLOUDACCT_PEOPLE_SCOPE_SQL("m.store_id"));
			cloudacct_people_scope_params(s, a.id, q.p, &q.n);
			break;
		case CLOUDACCT_ACTOR_CLIENT:
			cloudacct_fl_add(&q, " AND m.client_id IN (SELECT cc.client_id FROM {client_contact} cc WHERE cc.uniacid = ?",
				CLOUDACCT_PARAM_LONG(s->uniacid));
			cloudacct_fl_add(&q, " AND cc.contact_id = ?)", CLOUDACCT_PARAM_LONG(a.id));
			break;
		case CLOUDACCT_ACTOR_STAFF:
			cloudacct_fl_add(&q, " AND m.staff_id = ? AND m.status IN ('resolved', 'closed')", CLOUDACCT_PARAM_LONG(a.id));
			break;
		default:
			break;
	}
	zend_result rc = filter
		? cloudacct_fl_apply(filter, complaint_filters, sizeof(complaint_filters) / sizeof(complaint_filters[0]), &q)
		: SUCCESS;
	if (rc == SUCCESS) {
		rc = cloudacct_people_paged(s, COMPLAINT_COLUMNS, COMPLAINT_FROM, &q, "m.created_at DESC, m.id DESC", page,
			per_page, complaint_fix, &a, return_value);
	}
	cloudacct_fl_free(&q);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- transitions ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id;
	cloudacct_complaint_event ev;
	zend_string *text; /* may be NULL */
} step_ctx;

static zend_result step_body(cloudacct_connection *c, void *arg)
{
	step_ctx *x = arg;
	cloudacct_store *s = x->s;
	zval row;
	zend_long hours, days, now = cloudacct_clock_now();
	cloudacct_complaint_state to;

	if (load(s, x->a, x->id, &row) == FAILURE) {
		return FAILURE;
	}
	cloudacct_complaint_state from = row_state(&row);
	const char *from_name = cloudacct_complaint_state_name(from);
	zend_result rc = FAILURE;
	cloudacct_fsm_result r = cloudacct_complaint_transition(from, x->ev, x->a->kind, &to);
	if (r == CLOUDACCT_FSM_ILLEGAL) {
		cloudacct_throw_invalid_transition(from_name, "投诉%s，不能%s (the complaint is %s: cannot %s)",
			cloudacct_complaint_state_label(from), cloudacct_complaint_event_label(x->ev), from_name,
			cloudacct_complaint_event_name(x->ev));
		goto done;
	}
	if (r == CLOUDACCT_FSM_FORBIDDEN) {
		cloudacct_throw_forbidden("无权%s该投诉 (not allowed to %s this complaint)", cloudacct_complaint_event_label(x->ev),
			cloudacct_complaint_event_name(x->ev));
		goto done;
	}
	if (settings2(s, &hours, &days) == FAILURE) {
		goto done;
	}
	if (x->ev == CLOUDACCT_COMPLAINT_EV_REOPEN) {
		if (cloudacct_work_long(&row, "reopened")) {
			cloudacct_throw_invalid_transition(from_name, "投诉只能重新打开一次 (a complaint can be reopened only once)");
			goto done;
		}
		if (now > cloudacct_work_long(&row, "resolved_at") + days * 86400) {
			cloudacct_throw_invalid_transition(from_name, "投诉解决已超过 %ld 天，不能重新打开，请提交新的投诉"
				" (more than %ld days since the resolution)", (long) days, (long) days);
			goto done;
		}
	}
	const char *to_name = cloudacct_complaint_state_name(to);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_STR(to_name, strlen(to_name)),
		CLOUDACCT_PARAM_LONG(x->ev == CLOUDACCT_COMPLAINT_EV_REOPEN),
		CLOUDACCT_PARAM_LONG(x->ev == CLOUDACCT_COMPLAINT_EV_REOPEN),
		CLOUDACCT_PARAM_LONG(now + hours * 3600),
		CLOUDACCT_PARAM_LONG(x->ev == CLOUDACCT_COMPLAINT_EV_REOPEN),
		CLOUDACCT_PARAM_LONG(x->ev == CLOUDACCT_COMPLAINT_EV_RESOLVE),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(x->ev == CLOUDACCT_COMPLAINT_EV_CLOSE),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(x->id),
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_STR(from_name, strlen(from_name)),
		CLOUDACCT_PARAM_LONG(cloudacct_work_long(&row, "version")),
	};
	/* Conditional on the state and version read: a concurrent move makes this match nothing. */
	if (CLOUDACCT_DB_RUN(s->db, "UPDATE {complaint} SET status = ?, reopened = IF(? = 1, 1, reopened),"
			" deadline_at = IF(? = 1, ?, deadline_at), escalated_at = IF(? = 1, 0, escalated_at),"
			" resolved_at = IF(? = 1, ?, resolved_at), closed_at = IF(? = 1, ?, closed_at), updated_at = ?,"
			" version = version + 1 WHERE id = ? AND uniacid = ? AND status = ? AND version = ?",
			p, 14, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		goto done;
	}
	if (cloudacct_db_affected_rows(s->db) == 0) {
		cloudacct_throw_conflict("投诉刚刚被其他人处理过，请刷新后重试 (the complaint changed meanwhile)");
		goto done;
	}
	const char *text = x->text ? ZSTR_VAL(x->text) : "";
	size_t text_len = x->text ? ZSTR_LEN(x->text) : 0;
	/* The event; its text is a reply the client reads, except an admin's note on "process". */
	if (add_note(s, x->a, x->id, "event", from_name, to_name, "", 0, NULL) == FAILURE
			|| (text_len && add_note(s, x->a, x->id, x->ev == CLOUDACCT_COMPLAINT_EV_PROCESS ? "internal" : "reply",
				"", "", text, text_len, NULL) == FAILURE)) {
		goto done;
	}
	zend_long seq = cloudacct_work_long(&row, "version") + 1;
	const char *ev = cloudacct_complaint_event_name(x->ev);
	if (x->a->kind == CLOUDACCT_ACTOR_CLIENT) {
		rc = notify(s, &row, "admin", x->ev == CLOUDACCT_COMPLAINT_EV_REOPEN ? "complaint_opened" : "complaint_update", ev,
			seq, text, text_len);
	} else {
		rc = notify(s, &row, "client", "complaint_update", ev, seq,
			x->ev == CLOUDACCT_COMPLAINT_EV_PROCESS ? NULL : text, x->ev == CLOUDACCT_COMPLAINT_EV_PROCESS ? 0 : text_len);
	}
	/* The employee concerned hears of it once it is resolved. */
	if (rc == SUCCESS && x->ev == CLOUDACCT_COMPLAINT_EV_RESOLVE && cloudacct_work_long(&row, "staff_id")) {
		zval payload;
		array_init_size(&payload, 2);
		add_assoc_long(&payload, "complaint_id", x->id);
		add_assoc_string(&payload, "event", "resolve");
		rc = cloudacct_quality_notice(s, "staff", cloudacct_work_long(&row, "staff_id"), "complaint_update", &payload,
			"complaint_update:%ld:%ld:staff:%ld", (long) x->id, (long) seq, (long) cloudacct_work_long(&row, "staff_id"));
		zval_ptr_dtor(&payload);
	}
	if (rc == SUCCESS) {
		zval detail;
		char action[32];
		array_init_size(&detail, 3);
		add_assoc_string(&detail, "from", (char *) from_name);
		add_assoc_string(&detail, "to", (char *) to_name);
		if (text_len) {
			add_assoc_stringl(&detail, "note", text, text_len);
		}
		snprintf(action, sizeof(action), "complaint_%s", ev);
		rc = cloudacct_quality_audit(s, x->a, action, "complaint", x->id, &detail);
		zval_ptr_dtor(&detail);
	}
done:
	zval_ptr_dtor(&row);
	return rc;
}

/* resolve and reopen need a text (the answer, the reason); process and close take an optional one. */
static void do_step(INTERNAL_FUNCTION_PARAMETERS, cloudacct_complaint_event ev, const char *label)
{
	const bool text_required = ev == CLOUDACCT_COMPLAINT_EV_RESOLVE || ev == CLOUDACCT_COMPLAINT_EV_REOPEN;
	zval *zactor;
	zend_long id;
	zend_string *text = NULL;
	cloudacct_actor a;

	/* the ZPP block must name its bounds as written (the debug build asserts it) */
	if (UNEXPECTED(text_required && ZEND_NUM_ARGS() < 3)) {
		zend_wrong_parameters_count_error(3, 3);
		RETURN_THROWS();
	}
	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(text)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_id(id, 2) == FAILURE
			|| (text && !cloudacct_work_check_text("text", label, text, text_required ? 1 : 0, TEXT_MAX, true))) {
		RETURN_THROWS();
	}
	step_ctx x = { s, &a, id, ev, text };
	if (cloudacct_db_transaction(s->db, step_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Quality_Complaints, process)
{
	do_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_COMPLAINT_EV_PROCESS, "内部备注");
}

ZEND_METHOD(CloudAcct_Quality_Complaints, resolve)
{
	do_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_COMPLAINT_EV_RESOLVE, "处理结果");
}

ZEND_METHOD(CloudAcct_Quality_Complaints, reopen)
{
	do_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_COMPLAINT_EV_REOPEN, "重新打开的原因");
}

ZEND_METHOD(CloudAcct_Quality_Complaints, close)
{
	do_step(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_COMPLAINT_EV_CLOSE, "备注");
}

/* ---- the thread ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id;
	zend_string *text;
	bool internal;
	zend_long note_id;
} comment_ctx;

static zend_result comment_body(cloudacct_connection *c, void *arg)
{
	comment_ctx *x = arg;
	zval row;

	/* The conditional touch below locks the row, so a comment and a close do not cross. */
	if (load(x->s, x->a, x->id, &row) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(cloudacct_clock_now()), CLOUDACCT_PARAM_LONG(x->id),
		CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	zend_result rc = FAILURE;
	cloudacct_complaint_state st = row_state(&row);
	if (cloudacct_complaint_state_is_final(st)) {
		cloudacct_throw_invalid_transition(cloudacct_complaint_state_name(st),
			"投诉已关闭，不能再留言 (the complaint is closed)");
		goto done;
	}
	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {complaint} SET updated_at = ? WHERE id = ? AND uniacid = ? AND status <> 'closed'",
			p, 3, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		goto done;
	}
	if (cloudacct_db_affected_rows(x->s->db) == 0) {
		cloudacct_throw_invalid_transition("closed", "投诉已关闭，不能再留言 (the complaint is closed)");
		goto done;
	}
	if (add_note(x->s, x->a, x->id, x->internal ? "internal" : "reply", "", "", ZSTR_VAL(x->text), ZSTR_LEN(x->text),
			&x->note_id) == FAILURE) {
		goto done;
	}
	rc = SUCCESS;
	if (!x->internal) {
		rc = x->a->kind == CLOUDACCT_ACTOR_CLIENT
			? notify(x->s, &row, "admin", "complaint_update", "comment", -x->note_id, ZSTR_VAL(x->text), ZSTR_LEN(x->text))
			: notify(x->s, &row, "client", "complaint_update", "comment", -x->note_id, ZSTR_VAL(x->text),
				ZSTR_LEN(x->text));
	}
	if (rc == SUCCESS) {
		zval detail;
		array_init_size(&detail, 2);
		add_assoc_long(&detail, "note_id", x->note_id);
		add_assoc_bool(&detail, "internal", x->internal);
		rc = cloudacct_quality_audit(x->s, x->a, "complaint_comment", "complaint", x->id, &detail);
		zval_ptr_dtor(&detail);
	}
done:
	zval_ptr_dtor(&row);
	return rc;
}

ZEND_METHOD(CloudAcct_Quality_Complaints, comment)
{
	zval *zactor;
	zend_long id;
	zend_string *text;
	bool internal = false;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_STR(text)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(internal)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_id(id, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (a.kind != CLOUDACCT_ACTOR_ADMIN && a.kind != CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("只有客户和管理员可以在投诉中留言 (clients and admins only)");
		RETURN_THROWS();
	}
	if (a.kind == CLOUDACCT_ACTOR_CLIENT && internal) {
		cloudacct_throw_forbidden("客户不能添加内部备注 (clients cannot post internal notes)");
		RETURN_THROWS();
	}
	if (!cloudacct_work_check_text("text", "留言", text, 1, TEXT_MAX, true)) {
		RETURN_THROWS();
	}
	comment_ctx x = { s, &a, id, text, internal, 0 };
	if (cloudacct_db_transaction(s->db, comment_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.note_id);
}

/* ---- escalation ---- */

ZEND_METHOD(CloudAcct_Quality_Complaints, escalateOverdue)
{
	zval *zactor, rows, *row;
	zend_long limit = 100, done = 0;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(limit)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_work_require_system(&a)) {
		RETURN_THROWS();
	}
	if (limit < 1 || limit > 1000) {
		zend_argument_value_error(2, "must be between 1 and 1000");
		RETURN_THROWS();
	}
	zend_long now = cloudacct_clock_now();
	/* A plain read of candidates (idx_deadline); each is then moved by a conditional update on
	 * its primary key, so several schedulers may read the same rows and only one escalates each. */
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(limit) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, client_id, contact_id, store_id, staff_id, deadline_at FROM {complaint}"
			" WHERE uniacid = ? AND escalated_at = 0 AND deadline_at > 0 AND deadline_at < ?"
			" AND status IN ('open', 'processing') ORDER BY deadline_at, id LIMIT ?", p, 3, CLOUDACCT_FETCH_ALL,
			&rows) == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zend_long id = cloudacct_work_long(row, "id"), deadline = cloudacct_work_long(row, "deadline_at");
		cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(id), CLOUDACCT_PARAM_LONG(s->uniacid),
			CLOUDACCT_PARAM_LONG(deadline) };
		if (cloudacct_db_begin(s->db) == FAILURE) {
			break;
		}
		zend_result rc = CLOUDACCT_DB_RUN(s->db, "UPDATE {complaint} SET escalated_at = ? WHERE id = ? AND uniacid = ?"
			" AND escalated_at = 0 AND deadline_at = ? AND status IN ('open', 'processing')", u, 4,
			CLOUDACCT_FETCH_NONE, NULL);
		bool won = rc == SUCCESS && cloudacct_db_affected_rows(s->db) == 1;
		if (won) {
			zval payload, detail;
			array_init_size(&payload, 3);
			add_assoc_long(&payload, "complaint_id", id);
			add_assoc_long(&payload, "client_id", cloudacct_work_long(row, "client_id"));
			add_assoc_long(&payload, "deadline_at", deadline);
			rc = cloudacct_quality_notice(s, "admin", 0, "complaint_escalated", &payload, "complaint_escalated:%ld:%ld",
				(long) id, (long) deadline);
			zval_ptr_dtor(&payload);
			if (rc == SUCCESS) {
				rc = add_note(s, &a, id, "internal", "", "", "已超过处理时限，已升级给管理员", strlen("已超过处理时限，已升级给管理员"),
					NULL);
			}
			if (rc == SUCCESS) {
				array_init_size(&detail, 1);
				add_assoc_long(&detail, "deadline_at", deadline);
				rc = cloudacct_quality_audit(s, &a, "complaint_escalate", "complaint", id, &detail);
				zval_ptr_dtor(&detail);
			}
		}
		if (rc == FAILURE) {
			cloudacct_db_rollback(s->db);
			break;
		}
		if (cloudacct_db_commit(s->db) == FAILURE) {
			break;
		}
		done += won;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	if (EG(exception)) {
		RETURN_THROWS();
	}
	RETURN_LONG(done);
}

/* ---- closing resolved complaints nobody reopened ---- */

ZEND_METHOD(CloudAcct_Quality_Complaints, closeResolved)
{
	zval *zactor, rows, *row;
	zend_long limit = 100, done = 0, hours, days;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(limit)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_work_require_system(&a)) {
		RETURN_THROWS();
	}
	if (limit < 1 || limit > 1000) {
		zend_argument_value_error(2, "must be between 1 and 1000");
		RETURN_THROWS();
	}
	if (settings2(s, &hours, &days) == FAILURE) {
		RETURN_THROWS();
	}
	zend_long now = cloudacct_clock_now(), cutoff = now - days * 86400;
	/* Resolved complaints are few at any time (each leaves the state within the window), so the
	 * (uniacid, status) prefix of idx_status bounds this read. */
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(cutoff), CLOUDACCT_PARAM_LONG(limit) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, client_id, contact_id, version FROM {complaint} WHERE uniacid = ?"
			" AND status = 'resolved' AND resolved_at < ? ORDER BY resolved_at, id LIMIT ?", p, 3, CLOUDACCT_FETCH_ALL,
			&rows) == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zend_long id = cloudacct_work_long(row, "id"), version = cloudacct_work_long(row, "version");
		/* Still resolved, still past the window, not moved since the read (a reopen, a close). */
		cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(id),
			CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(version), CLOUDACCT_PARAM_LONG(cutoff) };
		if (cloudacct_db_begin(s->db) == FAILURE) {
			break;
		}
		zend_result rc = CLOUDACCT_DB_RUN(s->db, "UPDATE {complaint} SET status = 'closed', closed_at = ?, updated_at = ?,"
			" version = version + 1 WHERE id = ? AND uniacid = ? AND version = ? AND status = 'resolved'"
			" AND resolved_at < ?", u, 6, CLOUDACCT_FETCH_NONE, NULL);
		bool won = rc == SUCCESS && cloudacct_db_affected_rows(s->db) == 1;
		if (won) {
			rc = add_note(s, &a, id, "event", "resolved", "closed", "", 0, NULL);
			if (rc == SUCCESS) {
				rc = notify(s, row, "client", "complaint_update", "close", version + 1, NULL, 0);
			}
			if (rc == SUCCESS) {
				zval detail;
				array_init_size(&detail, 3);
				add_assoc_string(&detail, "from", "resolved");
				add_assoc_string(&detail, "to", "closed");
				add_assoc_string(&detail, "reason", "reopen_window_passed");
				rc = cloudacct_quality_audit(s, &a, "complaint_close", "complaint", id, &detail);
				zval_ptr_dtor(&detail);
			}
		}
		if (rc == FAILURE) {
			cloudacct_db_rollback(s->db);
			break;
		}
		if (cloudacct_db_commit(s->db) == FAILURE) {
			break;
		}
		done += won;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	if (EG(exception)) {
		RETURN_THROWS();
	}
	RETURN_LONG(done);
}
