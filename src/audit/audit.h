/* The audit trail writer the areas call inside their own transactions. */
#ifndef CLOUDACCT_AUDIT_H
#define CLOUDACCT_AUDIT_H

#include "php.h"
#include "../context/context.h"

/* Appends one entry; detail_json must be a JSON document ("{}" when there is nothing to add). */
zend_result cloudacct_audit_write(cloudacct_store *store, const cloudacct_actor *actor, const char *action,
	const char *object_type, zend_long object_id, const char *detail_json, size_t detail_len);

void cloudacct_audit_minit(void);

#endif
