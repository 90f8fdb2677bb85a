/* What the work area's C files share: input forms, the job row and its transitions, dispatch,
 * the working calendar, settings, history/audit/notice writers. Not for other areas (work.h). */
#ifndef CLOUDACCT_WORK_INTERNAL_H
#define CLOUDACCT_WORK_INTERNAL_H

#include "php.h"
#include "../context/context.h"
#include "../core/job_fsm.h"
#include "../core/order_fsm.h"
#include "../core/calendar.h"

/* ---- rows ---- */

zend_long cloudacct_work_long(zval *row, const char *key);
/* Borrowed string of a column, "" when absent or not a string. */
const char *cloudacct_work_str(zval *row, const char *key, size_t *len);

/* ---- actors ---- */

bool cloudacct_work_require_admin(const cloudacct_actor *a);  /* throws Forbidden */
bool cloudacct_work_require_system(const cloudacct_actor *a); /* throws Forbidden */
/* Admin within their stores ({admin_store}); anyone else: true. Throws NotFound on refusal. */
zend_result cloudacct_work_admin_store(cloudacct_store *s, const cloudacct_actor *a, zend_long store_id, const char *what);

/* ---- input ---- */

typedef enum {
	WORK_F_TEXT,      /* one line, min..max characters */
	WORK_F_MULTILINE, /* \n \t allowed, min..max characters */
	WORK_F_INT,       /* min..max */
	WORK_F_BOOL,      /* bool or 0/1 → long 0/1 */
	WORK_F_ENUM,      /* one of options "a|b|c" */
	WORK_F_IDENT,     /* "" or [a-z][a-z0-9_]*, up to max bytes */
	WORK_F_REF,       /* "" or a file reference (see cloudacct_work_ref_valid) */
	WORK_F_TEXT_LIST, /* list of up to max one-line texts of 1..100 characters */
	WORK_F_REF_LIST,  /* list of up to max file references */
	WORK_F_PERIOD,    /* "YYYY-MM" → long YYYYMM */
} cloudacct_work_field_type;

typedef struct {
	const char *key;   /* also the column name */
	const char *label; /* Chinese, for messages */
	cloudacct_work_field_type type;
	zend_long min, max;
	const char *options;
	bool required;
} cloudacct_work_field;

/* Checks input against fields (unknown keys, types, ranges, UTF-8) and fills out (a new array) with
 * normalised values: strings, longs, lists of strings. Throws ValidationException naming the field. */
bool cloudacct_work_form(HashTable *input, const cloudacct_work_field *fields, size_t n, zval *out);
/* "" when the key is absent. */
zend_string *cloudacct_work_form_str(zval *form, const char *key);
zend_long cloudacct_work_form_long(zval *form, const char *key, zend_long dflt);
bool cloudacct_work_form_has(zval *form, const char *key);

/* A note or reason given as a method argument: one-line-ish text of min..max characters. */
bool cloudacct_work_check_text(const char *field, const char *label, zend_string *s, size_t min, size_t max,
	bool multiline);
/* A 微擎 attachment path ("images/3/2026/10/x.jpg") or an https URL; no "..", no control bytes. */
bool cloudacct_work_ref_valid(const char *s, size_t len);
/* Validates a PHP array of file references (≤ 9). Throws. */
bool cloudacct_work_check_refs(const char *field, HashTable *refs);

bool cloudacct_work_check_page(zend_long page, zend_long per_page, uint32_t arg);

/* JSON text of a zval (UTF-8 checked); the caller releases it. NULL and a ValidationException when not encodable. */
zend_string *cloudacct_work_json(zval *v, const char *field);

/* ---- settings ---- */

/* Reads several settings in one round trip: out[i] = stored value or the registry default. */
zend_result cloudacct_work_settings(cloudacct_store *s, const char *const *names, size_t n, zval *out);

/* ---- working calendar ---- */

typedef struct {
	cloudacct_calendar cal;
	cloudacct_calendar_exception *ex; /* owned (emalloc), cal.exceptions points here */
} cloudacct_work_calendar;

/* Parses and validates the calendar setting's shape. Throws ValidationException when malformed. */
bool cloudacct_work_calendar_parse(zval *v, cloudacct_work_calendar *out);
void cloudacct_work_calendar_free(cloudacct_work_calendar *c);
/* The stored calendar (China defaults when none is stored or the stored one is malformed). */
zend_result cloudacct_work_calendar_load(cloudacct_store *s, cloudacct_work_calendar *out);
/* Same, from an already-read setting value. */
void cloudacct_work_calendar_from_setting(zval *v, cloudacct_work_calendar *out);

/* ---- writers (inside the caller's transaction) ---- */

zend_result cloudacct_work_audit(cloudacct_store *s, const cloudacct_actor *a, const char *action, const char *object_type,
	zend_long object_id, zval *detail);
zend_result cloudacct_work_history(cloudacct_store *s, const cloudacct_actor *a, zend_long job_id, const char *from,
	const char *to, const char *event, zend_long assignee_from, zend_long assignee_to, const char *note, size_t note_len);
/* A notice about a job; dedup key = template:job:seq:recipient, seq = the job version after the
 * event (or minus a progress id), so one event notifies each recipient once. */
zend_result cloudacct_work_notice(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zend_long job_id, zend_long seq, const char *title, size_t title_len,
	const char *note, size_t note_len);
/* Attachments of a job (progress_id 0) or of a progress entry. */
zend_result cloudacct_work_attach(cloudacct_store *s, zend_long job_id, zend_long progress_id, HashTable *refs);
/* A 16-hex-digit random token for scheduler leases. */
void cloudacct_work_token(char out[17]);

/* ---- jobs ---- */

/* The columns of a job that the engine decides on; row (owned) holds the rest. */
typedef struct {
	zend_long id, store_id, client_id, contact_id, order_id, assignee_id, version, grab_window;
	zend_long sla_total, sla_used, sla_resumed_at, due_at, sla_breached;
	cloudacct_job_state status;
	zval row;
} cloudacct_work_job;

#define CLOUDACCT_WORK_JOB_COLUMNS \
	"id, store_id, client_id, contact_id, service_id, order_id, source, title, type, description, urgency," \
	" price_fen, status, dispatch_mode, skill, assignee_id, assigned_at, grab_window_minutes, grab_deadline," \
	" checklist, sla_total_seconds, sla_used_seconds, sla_resumed_at, due_at, sla_breached, silent," \
	" last_progress_at, state_at, done_at, closed_at, cancel_reason, created_by_kind, created_by_id," \
	" created_at, updated_at, version"

/* found = false when no such job in this uniacid. */
zend_result cloudacct_work_job_fetch(cloudacct_store *s, zend_long job_id, cloudacct_work_job *job, bool *found);
void cloudacct_work_job_free(cloudacct_work_job *job);
/* Sets the decided-on fields from job->row (a row of CLOUDACCT_WORK_JOB_COLUMNS). */
void cloudacct_work_job_fill(cloudacct_work_job *job);
/* Loads the job and checks the actor may see it; NotFound otherwise (same as a missing job). */
zend_result cloudacct_work_job_load(cloudacct_store *s, const cloudacct_actor *a, zend_long job_id,
	cloudacct_work_job *job);

/* What a new job is made of. Strings borrowed. */
typedef struct {
	zend_long client_id, store_id, contact_id, service_id, order_id, urgency, price_fen;
	zend_long sla_hours;       /* business hours; 0 = no SLA */
	zend_long due_at;          /* fixed due time instead of sla_hours (recurring), 0 = none */
	zend_long grab_window;     /* minutes; 0 = from settings */
	zend_long assignee_id;     /* admin-created: assign at once */
	const char *source;        /* order|request|admin|recurring */
	const char *dispatch_mode; /* grab|direct|exclusive */
	zend_string *title, *type, *description, *skill, *checklist_json, *recur_key;
	HashTable *attachments;
} cloudacct_work_job_spec;

/* Inserts the job, its history and attachments, routes it (pool, exclusive accountant, admins)
 * and queues the notices. Runs inside the caller's transaction. *created = false when recur_key
 * already exists (the job of that period was made before). */
zend_result cloudacct_work_job_create(cloudacct_store *s, const cloudacct_actor *a, cloudacct_work_job_spec *spec,
	zend_long *job_id, bool *created);

/* One FSM transition with everything that goes with it (conditional update, staff counters, SLA
 * clock, history, audit, notices), in its own transaction or the caller's. */
typedef struct {
	cloudacct_job_event ev;
	zend_string *note;         /* borrowed, may be NULL */
	zend_long new_assignee;    /* assign: the staff id */
	HashTable *attachments;    /* ask_client / client_replied: with the progress entry */
} cloudacct_work_step;

zend_result cloudacct_work_job_step(cloudacct_store *s, const cloudacct_actor *a, cloudacct_work_job *job,
	cloudacct_work_step *step);

/* Assigns an open job to staff_id if they are eligible (active, on duty, under cap, store,
 * skill unless !check_skill) — one conditional UPDATE of job and staff. *won = false when not. */
zend_result cloudacct_work_claim(cloudacct_store *s, zend_long job_id, zend_long staff_id, bool check_skill, bool *won);

/* staff.open_jobs follows the jobs in hand (assigned, in_progress, waiting_client). */
zend_result cloudacct_work_staff_counts(cloudacct_store *s, cloudacct_job_state from, zend_long old_assignee,
	cloudacct_job_state to, zend_long new_assignee);

/* Records an SLA breach (once per job) and tells the admins and the assignee. */
zend_result cloudacct_work_breach(cloudacct_store *s, cloudacct_work_job *job, zend_long assignee, zend_long due_at,
	const char *status);

/* After a won claim: history, audit, notices. */
zend_result cloudacct_work_claimed(cloudacct_store *s, const cloudacct_actor *a, zend_long job_id, const char *event,
	const char *note);

/* A staff member an admin may name: exists, active, within the admin's stores. Throws. */
zend_result cloudacct_work_assignable(cloudacct_store *s, const cloudacct_actor *a, zend_long staff_id);

/* The auto-assign policy's pick among eligible staff (round_robin or least_loaded); 0 = nobody. */
zend_result cloudacct_work_pick_staff(cloudacct_store *s, cloudacct_work_job *job, bool round_robin, zend_long *staff_id);

/* ---- progress ---- */

zend_result cloudacct_work_progress_insert(cloudacct_store *s, const cloudacct_actor *a, zend_long job_id,
	zend_string *text, bool internal, HashTable *attachments, zend_long *id);

/* ---- orders ---- */

/* The job closed: a paid order is fulfilled. */
zend_result cloudacct_work_order_fulfil(cloudacct_store *s, const cloudacct_actor *a, zend_long order_id);

/* The scheduler's close of an unpaid order past its window. */
zend_result cloudacct_work_order_expire(cloudacct_store *s, const cloudacct_actor *a, zend_long order_id, bool *closed);

/* ---- recurring ---- */

/* One claimed schedule row: creates the job of its next period (once: recur_key) and moves the
 * schedule on to the following period. */
zend_result cloudacct_work_recurring_run(cloudacct_store *s, const cloudacct_actor *a, zval *row, const char *token,
	bool *created);

/* ---- per-file MINIT (work.c registers the classes) ---- */

extern zend_class_entry *cloudacct_ce_Work_Catalog;
extern zend_class_entry *cloudacct_ce_Work_Orders;
extern zend_class_entry *cloudacct_ce_Work_Jobs;
extern zend_class_entry *cloudacct_ce_Work_Calendar;
extern zend_class_entry *cloudacct_ce_Work_Recurring;
extern zend_class_entry *cloudacct_ce_Work_Scheduler;

/* The store of an area method with its Actor read in; NULL (thrown) when not constructed. */
cloudacct_store *cloudacct_work_begin(zval *this_zv, zval *zactor, cloudacct_actor *actor);

#endif
