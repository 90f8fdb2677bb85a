/* CloudAcct\Work\Recurring: monthly recurring work per client (记账, 报税, …) and the run of one
 * schedule period for the scheduler. A period's job is due at the end of the working day on the
 * due day, moved past holidays by the working calendar. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "internal.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../people/people.h"

zend_class_entry *cloudacct_ce_Work_Recurring;

/* Local midnight starting the first day of a period (YYYYMM). */
static zend_long period_start(int32_t period)
{
	int64_t ts = 0;
	cloudacct_date_start_ts(period * 100 + 1, CLOUDACCT_TZ_CHINA, &ts);
	return (zend_long) ts;
}

/* ---- one period, for the scheduler ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zval *row;
	const char *token;
	bool created;
} run_ctx;

/* The due time of a period: the end of the working day on the due day, or the next workday. */
static zend_result period_due(cloudacct_store *s, int32_t period, zend_long due_day, zend_long *due_at)
{
	static const char *const names[] = { "recurring_due_day", "work_calendar" };
	zval set[2];
	cloudacct_work_calendar cal;
	int64_t ts = 0;

	if (cloudacct_work_settings(s, names, 2, set) == FAILURE) {
		return FAILURE;
	}
	zend_long day = due_day > 0 ? due_day : zval_get_long(&set[0]);
	cloudacct_work_calendar_from_setting(&set[1], &cal);
	int32_t due = cloudacct_calendar_next_workday_on_or_after(&cal.cal, period * 100 + (int32_t) day);
	if (due < 0) {
		due = period * 100 + (int32_t) day; /* no workday in three years: keep the nominal day */
	}
	cloudacct_date_start_ts(due, cal.cal.tz_offset, &ts);
	*due_at = (zend_long) ts + cal.cal.day_end * 60;
	cloudacct_work_calendar_free(&cal);
	zval_ptr_dtor(&set[0]);
	zval_ptr_dtor(&set[1]);
	return SUCCESS;
}

static zend_result run_body(cloudacct_connection *c, void *ctx)
{
	run_ctx *x = ctx;
	zval *row = x->row;
	cloudacct_client_info client;
	bool found = false;
	int32_t period = (int32_t) cloudacct_work_long(row, "next_period");
	zend_long id = cloudacct_work_long(row, "id"), due_at, job_id;
	size_t mlen;
	const char *mode = cloudacct_work_str(row, "dispatch_mode", &mlen);

	x->created = false;
	if (cloudacct_people_client_get(x->s, cloudacct_work_long(row, "client_id"), &client, &found) == FAILURE
			|| period_due(x->s, period, cloudacct_work_long(row, "due_day"), &due_at) == FAILURE) {
		return FAILURE;
	}
	/* A company that left (or was removed) gets no new work; its schedule still moves on. */
	if (found && client.active) {
		zval *title = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("title"));
		zend_string *full = zend_strpprintf(0, "%s %d年%d月", Z_STRVAL_P(title), period / 100, period % 100);
		zend_string *key = zend_strpprintf(0, "r%ld-%d", (long) id, period);
		cloudacct_work_job_spec spec = {
			.client_id = client.id,
			.store_id = client.store_id,
			.service_id = cloudacct_work_long(row, "service_id"),
			.sla_hours = 0,
			.due_at = due_at,
			.source = "recurring",
			.dispatch_mode = strcmp(mode, "direct") == 0 ? "direct" : strcmp(mode, "grab") == 0 ? "grab" : "exclusive",
			.title = full,
			.type = Z_STR_P(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("type"))),
			.skill = Z_STR_P(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("skill"))),
			.recur_key = key,
		};
		zend_result rc = cloudacct_work_job_create(x->s, x->a, &spec, &job_id, &x->created);
		zend_string_release(full);
		zend_string_release(key);
		if (rc == FAILURE) {
			return FAILURE;
		}
	}
	int32_t next = cloudacct_period_next(period, 1);
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(next), CLOUDACCT_PARAM_LONG(period_start(next)), CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(id), CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(period),
		CLOUDACCT_PARAM_STR(x->token, 16) };
	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {recurring} SET next_period = ?, next_run_at = ?, lease_until = 0,"
			" lease_token = NULL, updated_at = ? WHERE id = ? AND uniacid = ? AND next_period = ? AND lease_token = ?",
			p, 7, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(x->s->db) == 0) {
		/* The schedule was edited (or taken over) meanwhile: leave this period to the next run. */
		cloudacct_throw_conflict("周期计划已被修改 (the schedule changed meanwhile)");
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cloudacct_work_recurring_run(cloudacct_store *s, const cloudacct_actor *a, zval *row, const char *token,
	bool *created)
{
	run_ctx x = { s, a, row, token, false };
	zend_result rc = cloudacct_db_transaction(s->db, run_body, &x, 0);
	*created = rc == SUCCESS && x.created;
	return rc;
}

/* ---- the PHP class ---- */

/* clang-format off */
static const cloudacct_work_field schedule_fields[] = {
	{ "type", "业务类型", WORK_F_TEXT, 1, 32, NULL, true },
	{ "title", "工单标题", WORK_F_TEXT, 1, 48, NULL, false },
	{ "service_id", "服务", WORK_F_INT, 0, 4294967295LL, NULL, false },
	{ "skill", "所需技能", WORK_F_TEXT, 0, 32, NULL, false },
	{ "dispatch_mode", "派单方式", WORK_F_ENUM, 0, 0, "grab|direct|exclusive", false },
	{ "due_day", "每月截止日", WORK_F_INT, 0, 28, NULL, false },
	{ "first_period", "起始月份", WORK_F_PERIOD, 0, 0, NULL, false },
	{ "active", "是否启用", WORK_F_BOOL, 0, 1, NULL, false },
};
/* clang-format on */
#define N_SCHEDULE_FIELDS (sizeof(schedule_fields) / sizeof(schedule_fields[0]))

ZEND_METHOD(CloudAcct_Work_Recurring, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	zval *form;
	zend_long id;
} save_ctx;

static zend_result save_body(cloudacct_connection *c, void *ctx)
{
	save_ctx *x = ctx;
	zval *form = x->form, existing;
	zend_long now = cloudacct_clock_now();
	zend_string *type = cloudacct_work_form_str(form, "type");
	zend_string *title = cloudacct_work_form_has(form, "title") ? cloudacct_work_form_str(form, "title") : type;
	int32_t this_month = cloudacct_date_from_ts(now, CLOUDACCT_TZ_CHINA) / 100;
	zend_long first = cloudacct_work_form_long(form, "first_period", this_month);
	const char *mode = cloudacct_work_form_has(form, "dispatch_mode") ? ZSTR_VAL(cloudacct_work_form_str(form, "dispatch_mode"))
		: "exclusive";
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id), CLOUDACCT_PARAM_ZSTR(type) };

	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id, next_period FROM {recurring} WHERE uniacid = ? AND client_id = ? AND type = ?",
			q, 3, CLOUDACCT_FETCH_ROW, &existing) == FAILURE) {
		return FAILURE;
	}
	bool update = Z_TYPE(existing) == IS_ARRAY;
	/* Editing keeps the schedule's place unless a new first period is given. */
	zend_long period = update && !cloudacct_work_form_has(form, "first_period") ? cloudacct_work_long(&existing, "next_period") : first;
	x->id = update ? cloudacct_work_long(&existing, "id") : 0;
	zval_ptr_dtor(&existing);
	zend_long service_id = cloudacct_work_form_long(form, "service_id", 0), due_day = cloudacct_work_form_long(form, "due_day", 0);
	zend_long active = cloudacct_work_form_long(form, "active", 1), run_at = period_start((int32_t) period);
	zend_string *skill = cloudacct_work_form_str(form, "skill");
	zend_result rc;
	if (update) {
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(service_id), CLOUDACCT_PARAM_ZSTR(title), CLOUDACCT_PARAM_ZSTR(skill),
			CLOUDACCT_PARAM_STR(mode, strlen(mode)), CLOUDACCT_PARAM_LONG(due_day), CLOUDACCT_PARAM_LONG(active),
			CLOUDACCT_PARAM_LONG(period), CLOUDACCT_PARAM_LONG(run_at), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(x->id),
			CLOUDACCT_PARAM_LONG(x->s->uniacid) };
		rc = CLOUDACCT_DB_RUN(x->s->db, "UPDATE {recurring} SET service_id = ?, title = ?, skill = ?, dispatch_mode = ?,"
			" due_day = ?, active = ?, next_period = ?, next_run_at = ?, updated_at = ? WHERE id = ? AND uniacid = ?",
			p, 11, CLOUDACCT_FETCH_NONE, NULL);
	} else {
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->client_id),
			CLOUDACCT_PARAM_ZSTR(type), CLOUDACCT_PARAM_LONG(service_id), CLOUDACCT_PARAM_ZSTR(title),
			CLOUDACCT_PARAM_ZSTR(skill), CLOUDACCT_PARAM_STR(mode, strlen(mode)), CLOUDACCT_PARAM_LONG(due_day),
			CLOUDACCT_PARAM_LONG(active), CLOUDACCT_PARAM_LONG(period), CLOUDACCT_PARAM_LONG(run_at),
			CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now) };
		rc = CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {recurring} (uniacid, client_id, type, service_id, title, skill,"
			" dispatch_mode, due_day, active, next_period, next_run_at, created_at, updated_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 13, CLOUDACCT_FETCH_NONE, NULL);
	}
	if (rc == FAILURE) {
		return FAILURE;
	}
	if (!update) {
		x->id = (zend_long) cloudacct_db_insert_id(x->s->db);
	}
	return cloudacct_work_audit(x->s, x->a, update ? "recurring_update" : "recurring_create", "recurring", x->id, form);
}

ZEND_METHOD(CloudAcct_Work_Recurring, save)
{
	zval *zactor, form;
	zend_long client_id;
	HashTable *data;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_work_require_admin(&actor) || !cloudacct_work_form(data, schedule_fields, N_SCHEDULE_FIELDS, &form)) {
		RETURN_THROWS();
	}
	save_ctx x = { s, &actor, client_id, &form, 0 };
	zend_result rc = cloudacct_people_authorize_client(s, &actor, client_id, NULL);
	if (rc == SUCCESS && cloudacct_work_form_long(&form, "service_id", 0) > 0) {
		zval v;
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(cloudacct_work_form_long(&form, "service_id", 0)),
			CLOUDACCT_PARAM_LONG(s->uniacid) };
		rc = CLOUDACCT_DB_RUN(s->db, "SELECT 1 FROM {service} WHERE id = ? AND uniacid = ? AND deleted_at = 0", p, 2,
			CLOUDACCT_FETCH_VALUE, &v);
		if (rc == SUCCESS && Z_TYPE(v) != IS_LONG) {
			cloudacct_throw_validation("service_id", "服务不存在 (service not found)");
			rc = FAILURE;
		}
	}
	if (rc == SUCCESS) {
		rc = cloudacct_db_transaction(s->db, save_body, &x, 0);
	}
	zval_ptr_dtor(&form);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

ZEND_METHOD(CloudAcct_Work_Recurring, list)
{
	zval *zactor, *row;
	zend_long client_id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || cloudacct_people_authorize_client(s, &actor, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, client_id, service_id, type, title, skill, dispatch_mode, due_day, active,"
			" next_period, next_run_at, created_at, updated_at FROM {recurring} WHERE uniacid = ? AND client_id = ?"
			" ORDER BY id", p, 2, CLOUDACCT_FETCH_ALL, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(return_value), row) {
		zend_long period = cloudacct_work_long(row, "next_period");
		zend_string *label = zend_strpprintf(0, "%04ld-%02ld", (long) (period / 100), (long) (period % 100));
		add_assoc_str(row, "next_period_label", label);
	} ZEND_HASH_FOREACH_END();
}

ZEND_METHOD(CloudAcct_Work_Recurring, remove)
{
	zval *zactor, row;
	zend_long id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_work_require_admin(&actor)) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT r.id, c.store_id FROM {recurring} r JOIN {client} c ON c.id = r.client_id"
			" AND c.uniacid = r.uniacid WHERE r.id = ? AND r.uniacid = ? AND r.active = 1", p, 2, CLOUDACCT_FETCH_ROW, &row)
			== FAILURE) {
		RETURN_THROWS();
	}
	zend_long store_id = Z_TYPE(row) == IS_ARRAY ? cloudacct_work_long(&row, "store_id") : 0;
	bool found = Z_TYPE(row) == IS_ARRAY;
	zval_ptr_dtor(&row);
	if (!found) {
		cloudacct_throw_not_found("周期计划不存在 (schedule %ld not found)", (long) id);
		RETURN_THROWS();
	}
	if (cloudacct_work_admin_store(s, &actor, store_id, "周期计划") == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(cloudacct_clock_now()), CLOUDACCT_PARAM_LONG(id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "UPDATE {recurring} SET active = 0, updated_at = ? WHERE id = ? AND uniacid = ?", u, 3,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE
			|| cloudacct_work_audit(s, &actor, "recurring_remove", "recurring", id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
}
