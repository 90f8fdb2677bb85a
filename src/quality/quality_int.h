/* Shared by the quality area's files (ratings.c, complaints.c, performance.c). It builds on the
 * people area's input, filter and paging helpers (people_int.h) and the work area's job loading
 * and text checks (work/internal.h) rather than writing them again. */
#ifndef CLOUDACCT_QUALITY_INT_H
#define CLOUDACCT_QUALITY_INT_H

#include "php.h"
#include "zend_smart_str.h"
#include "quality.h"
#include "../people/people_int.h"
#include "../work/internal.h"

#define CLOUDACCT_QUALITY_MAX_DIMS 8
#define CLOUDACCT_QUALITY_DIM_MAX_CHARS 16

/* The configured rating dimensions: a list of 1..8 distinct names of 1..16 characters (a
 * malformed stored value falls back to the default list). out (owned) is a list of strings. */
zend_result cloudacct_quality_dimensions(cloudacct_store *s, zval *out);

/* One audit row (detail may be NULL). */
zend_result cloudacct_quality_audit(cloudacct_store *s, const cloudacct_actor *a, const char *action,
	const char *object_type, zend_long object_id, zval *detail);

/* A notice as an outbox row; payload (borrowed) is encoded as JSON. dedup is printf-formatted. */
zend_result cloudacct_quality_notice(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zval *payload, const char *dedup_fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 6, 7);

/* Decodes a JSON text column of each row (or of one row) into an array in place. */
void cloudacct_quality_decode_json(zval *row, const char *key);

/* The staff actor must be an active employee; admins pass; anyone else is Forbidden. */
zend_result cloudacct_quality_staff_or_admin(cloudacct_store *s, const cloudacct_actor *a, const char *what);

/* A staff member an actor may look at: the staff member themself, or an admin within the staff
 * member's store. NotFound otherwise. *store_id receives the staff member's store. */
zend_result cloudacct_quality_staff_visible(cloudacct_store *s, const cloudacct_actor *a, zend_long staff_id,
	zend_long *store_id);

/* ---- per-file MINIT ---- */

void cloudacct_quality_ratings_minit(void);

#endif
