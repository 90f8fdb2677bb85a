/* Shared by the people area's class files (stores.c, staff.c, clients.c, contacts.c): input
 * fields, filters, paging, codes, scope SQL and audit. Other areas include people.h only. */
#ifndef CLOUDACCT_PEOPLE_INT_H
#define CLOUDACCT_PEOPLE_INT_H

#include "php.h"
#include "zend_smart_str.h"
#include "people.h"
#include "../context/area.h"
#include "../common/errors.h"

/* ---- the acting person ---- */

/* The Store of this area object (throws Error and returns when the constructor never ran). */
#define CLOUDACCT_PEOPLE_STORE(s)                                \
	cloudacct_store *s = cloudacct_area_store(ZEND_THIS); \
	if (!s) {                                            \
		RETURN_THROWS();                                 \
	}

/* Reads the Actor argument. */
#define CLOUDACCT_PEOPLE_ACTOR(zactor, out) cloudacct_actor_read(Z_OBJ_P(zactor), (out))

/* ForbiddenException unless the actor is an admin; what says what they tried ("新建门店"). */
zend_result cloudacct_people_require_admin(const cloudacct_actor *a, const char *what);
/* A store an admin puts a row into (a new staff member, a company's store): it must exist, be
 * active and lie within the admin's stores; 0 (no store) only for admins not limited to stores.
 * ValidationException (field) for a missing/inactive store, ForbiddenException for scope. */
zend_result cloudacct_people_check_target_store(cloudacct_store *s, const cloudacct_actor *a, zend_long store_id,
	const char *field);

/* The admin-scope condition on a store_id column: "no limit for this admin, or the column is one
 * of their stores". Four parameters, added by cloudacct_people_scope_params(). */
#define CLOUDACCT_PEOPLE_SCOPE_SQL(col)                                                           \
	" AND (NOT EXISTS (SELECT 1 FROM {admin_store} sc1 WHERE sc1.uniacid = ? AND sc1.we7_uid = ?)" \
	" OR " col " IN (SELECT sc2.store_id FROM {admin_store} sc2 WHERE sc2.uniacid = ? AND sc2.we7_uid = ?))"
void cloudacct_people_scope_params(cloudacct_store *s, zend_long we7_uid, cloudacct_param *p, uint32_t *n);

/* ---- plain input checks (each throws and returns FAILURE) ---- */

/* ValueError "must be greater than 0" for argument arg. */
zend_result cloudacct_people_check_id(zend_long id, uint32_t arg);
zend_result cloudacct_people_check_paging(zend_long page, zend_long per_page, uint32_t page_arg);
/* A WeChat openid: 1..64 of [A-Za-z0-9_-]. ValidationException. */
zend_result cloudacct_people_check_openid(zend_string *openid);
/* "" or an IPv4/IPv6 address as the glue passes it. ValueError. */
zend_result cloudacct_people_check_ip(zend_string *ip, uint32_t arg);
/* Text with a Chinese label in the message. ValidationException naming field. */
zend_result cloudacct_people_check_text(const char *s, size_t len, const char *field, const char *label, size_t min,
	size_t max, bool multiline);
zend_result cloudacct_people_check_mobile(zend_string *phone, const char *field, const char *label);

/* An actor for the few calls made by a fan before it is bound (no Actor object): kind, id, ip. */
void cloudacct_people_fan_actor(cloudacct_actor *out, cloudacct_actor_kind kind, zend_long id, zend_string *ip);

/* ---- create/update input: a table of fields per class ---- */

typedef enum {
	CLOUDACCT_PF_TEXT,        /* one line, min..max characters */
	CLOUDACCT_PF_MULTILINE,   /* \n \r \t allowed, min..max characters */
	CLOUDACCT_PF_MOBILE,      /* "" or a mainland mobile number */
	CLOUDACCT_PF_PHONE,       /* "" or a phone number: digits, - + ( ) and blanks, 5..max */
	CLOUDACCT_PF_IMAGE,       /* "" or an http(s) URL or a 微擎 attachment path, ≤ max */
	CLOUDACCT_PF_INT,         /* min..max */
	CLOUDACCT_PF_ID,          /* 0 (none) or a positive id; the class checks what it names */
	CLOUDACCT_PF_BOOL,        /* stored as 0/1 */
	CLOUDACCT_PF_ENUM,        /* one of options "a|b|c" */
	CLOUDACCT_PF_CREDIT_CODE, /* null/"" → NULL, else a valid 统一社会信用代码, normalised */
	CLOUDACCT_PF_LABELS,      /* list of ≤ max_items labels of 1..max characters, no commas; deduplicated */
} cloudacct_pf_kind;

#define CLOUDACCT_PF_REQUIRED 1 /* must be given on create */
#define CLOUDACCT_PF_NO_COLUMN 2 /* not a column of the main table (the class stores it) */

typedef struct {
	const char *key;     /* array key, and the column name unless NO_COLUMN */
	cloudacct_pf_kind kind;
	zend_long min, max;
	zend_long max_items; /* LABELS */
	const char *options; /* ENUM */
	const char *label;   /* Chinese, for messages */
	unsigned flags;
	const char *options_zh; /* ENUM: the options as people read them, for messages */
} cloudacct_pf;

#define CLOUDACCT_PF_MAX 16

typedef struct {
	uint32_t n;
	bool set[CLOUDACCT_PF_MAX];
	zval val[CLOUDACCT_PF_MAX]; /* owned, validated and normalised; UNDEF when not set */
} cloudacct_pf_values;

/* Validates data against spec (unknown keys, types, lengths, enums…). creating: required keys
 * must be present; otherwise at least one key must be. On failure nothing is left to free. */
zend_result cloudacct_pf_parse(HashTable *data, const cloudacct_pf *spec, uint32_t n, bool creating,
	cloudacct_pf_values *out);
void cloudacct_pf_free(cloudacct_pf_values *v);
/* Index of key in spec, or -1. */
int cloudacct_pf_index(const cloudacct_pf *spec, uint32_t n, const char *key);
/* The value of key when set, else NULL. */
zval *cloudacct_pf_get(const cloudacct_pf *spec, cloudacct_pf_values *v, const char *key);
/* A parameter bound to a parsed value (strings borrowed from v). */
cloudacct_param cloudacct_pf_param(zval *v);
/* ", col" and ", ?" for every set column field (INSERT). */
void cloudacct_pf_insert_parts(const cloudacct_pf *spec, cloudacct_pf_values *v, smart_str *cols, smart_str *qs,
	cloudacct_param *p, uint32_t *n);
/* ", col = ?" for every set column field (UPDATE … SET updated_at = ?<here>). */
void cloudacct_pf_update_parts(const cloudacct_pf *spec, cloudacct_pf_values *v, smart_str *set, cloudacct_param *p,
	uint32_t *n);
/* The set values as an array (bools as bool), for the audit detail. */
void cloudacct_pf_detail(const cloudacct_pf *spec, cloudacct_pf_values *v, zval *out);

/* ---- list filters ---- */

typedef enum {
	CLOUDACCT_FL_LONG,  /* int; bound n_binds times (at least once) */
	CLOUDACCT_FL_BOOL,  /* bool bound as 0/1; one ? */
	CLOUDACCT_FL_STR,   /* string ≤ max chars (one of options if given); one ? */
	CLOUDACCT_FL_LIKE,  /* keyword ≤ max chars: binds "%kw%" (escaped) n_binds times */
	CLOUDACCT_FL_PREFIX /* binds "kw%" then "%kw%" — LIKE over an indexed code and a name */
} cloudacct_fl_kind;

typedef struct {
	const char *key;
	cloudacct_fl_kind kind;
	const char *clause; /* fixed SQL, e.g. " AND c.store_id = ?" */
	uint32_t n_binds;   /* LONG, LIKE: how many ? in clause */
	size_t max;         /* STR/LIKE: max characters */
	const char *options;
} cloudacct_fl;

#define CLOUDACCT_FL_MAX_PARAMS 24

typedef struct {
	smart_str where;
	cloudacct_param p[CLOUDACCT_FL_MAX_PARAMS];
	uint32_t n;
	zend_string *owned[4]; /* LIKE patterns the params point into */
	uint32_t n_owned;
} cloudacct_fl_query;

void cloudacct_fl_init(cloudacct_fl_query *q);
void cloudacct_fl_free(cloudacct_fl_query *q);
void cloudacct_fl_add(cloudacct_fl_query *q, const char *clause, cloudacct_param p);
/* Appends the filter's clauses and parameters; ValidationException for unknown keys/values. */
zend_result cloudacct_fl_apply(HashTable *filter, const cloudacct_fl *spec, size_t n, cloudacct_fl_query *q);

/* A paged list: SELECT COUNT(*) <from> <where>, then SELECT <select> <from> <where> ORDER BY
 * <order> LIMIT/OFFSET; return_value = ["total" => int, "items" => list]. fix (optional) adjusts
 * each row (bool columns, label lists…). */
typedef void (*cloudacct_row_fix)(zval *row, void *ctx);
zend_result cloudacct_people_paged(cloudacct_store *s, const char *select, const char *from, cloudacct_fl_query *q,
	const char *order, zend_long page, zend_long per_page, cloudacct_row_fix fix, void *fix_ctx, zval *return_value);
/* The same, its count stopping at cap matching rows when cap > 0: "total" is then at most cap and
 * "total_capped" says whether more rows match (for a condition no index serves, such as a substring
 * LIKE, so the count reads at most the rows up to the cap + 1st match instead of every row). */
zend_result cloudacct_people_paged_capped(cloudacct_store *s, const char *select, const char *from, cloudacct_fl_query *q,
	const char *order, zend_long page, zend_long per_page, zend_long cap, cloudacct_row_fix fix, void *fix_ctx,
	zval *return_value);

/* ---- rows ---- */

zend_long cloudacct_people_row_long(zval *row, const char *key);
/* Turns 0/1 columns into bools. keys ends with NULL. */
void cloudacct_people_row_bools(zval *row, const char *const *keys);
/* Removes keys from a row (fields an actor may not see). keys ends with NULL. */
void cloudacct_people_row_drop(zval *row, const char *const *keys);

/* ---- label lists: staff skills ({staff_skill}) and client tags ({client_tag}) ---- */

typedef enum { CLOUDACCT_LABELS_SKILLS, CLOUDACCT_LABELS_TAGS } cloudacct_labels_kind;

/* Replaces (or, for a new owner, writes) the labels of owner_id; labels is a list of strings. */
zend_result cloudacct_people_write_labels(cloudacct_store *s, cloudacct_labels_kind kind, zend_long owner_id,
	zval *labels, bool replace);
/* Adds out_key => list of labels to each row of rows (a list of rows with an "id"), or to one row
 * when single. One query. */
zend_result cloudacct_people_attach_labels(cloudacct_store *s, cloudacct_labels_kind kind, zval *rows, bool single,
	const char *out_key);

/* ---- one-time codes (bind_code) ---- */

#define CLOUDACCT_PEOPLE_CODE_LEN 8

typedef struct {
	zend_long id;
	zend_long target_id;
	char role[17];
} cloudacct_people_code;

/* Issues a code of kind ('staff' | 'contact') for target; retries on a duplicate. */
zend_result cloudacct_people_issue_code(cloudacct_store *s, const cloudacct_actor *a, const char *kind,
	zend_long target_id, const char *role, zend_long ttl, char out[CLOUDACCT_PEOPLE_CODE_LEN + 1]);
/* Trims and upper-cases a code typed by a person; ValidationException when it cannot be one. */
zend_result cloudacct_people_read_code(zend_string *in, const char *kind, char out[CLOUDACCT_PEOPLE_CODE_LEN + 1]);
/* Inside a transaction: marks the code used by openid, exactly once (conditional UPDATE).
 * ValidationException for unknown (or another uniacid's), used and expired codes. */
zend_result cloudacct_people_claim_code(cloudacct_store *s, const char *kind, const char *code, zend_string *openid,
	cloudacct_people_code *out);

/* ---- audit ---- */

/* One audit row; detail is an array (or NULL for {}). */
zend_result cloudacct_people_audit(cloudacct_store *s, const cloudacct_actor *a, const char *action,
	const char *object_type, zend_long object_id, zval *detail);

/* ---- helpers shared by classes ---- */

/* Is exception the current one of class ce (or a subclass)? */
bool cloudacct_people_exception_is(zend_class_entry *ce);

/* Contacts and approve(): creates or updates the contact of openid; returns its id. */
zend_result cloudacct_people_contact_upsert(cloudacct_store *s, zend_string *openid, zend_string *name,
	zend_string *phone, zend_long current_client_id, zend_long *contact_id);
/* Binds contact to client with role; *added=false when it already was. */
zend_result cloudacct_people_contact_link(cloudacct_store *s, zend_long client_id, zend_long contact_id,
	const char *role, bool *added);

/* Clients and approve(): the client field table and the insert (in the caller's transaction).
 * Checks duplicates (credit code, name), the store and the accountant; writes tags, the first
 * handover and the audit row. */
extern const cloudacct_pf cloudacct_client_fields[];
extern const uint32_t cloudacct_n_client_fields;
zend_result cloudacct_people_client_insert(cloudacct_store *s, const cloudacct_actor *a, cloudacct_pf_values *v,
	zend_long *client_id);


#endif
