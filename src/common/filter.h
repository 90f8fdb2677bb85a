/* List filters from a PHP array: each known key appends its SQL clause and binds its value
 * (a string of at most 64 bytes, or an int); an unknown key or a value of the wrong type is a
 * ValidationException. Used by the list methods of areas that have a fixed set of equality and
 * range filters (the audit trail, the notice list). */
#ifndef CLOUDACCT_FILTER_H
#define CLOUDACCT_FILTER_H

#include "php.h"
#include "zend_smart_str.h"
#include "../db/db.h"

typedef struct {
	const char *key;
	const char *clause; /* " AND column = ?" */
	bool is_string;
} cloudacct_filter;

/* Appends to where and params (borrowing the strings of filter); false after throwing. params must
 * have room for one value per key of filter. */
bool cloudacct_filter_apply(const cloudacct_filter *known, size_t n_known, HashTable *filter, smart_str *where,
	cloudacct_param *params, uint32_t *n);

#endif
