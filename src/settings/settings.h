/* Per-uniacid settings the core reads: a registry of known keys (keys.c) with type, range and
 * default, stored as JSON in {setting}. Areas add their keys to the registry. */
#ifndef CLOUDACCT_SETTINGS_H
#define CLOUDACCT_SETTINGS_H

#include "php.h"
#include "../context/context.h"

typedef enum {
	CLOUDACCT_SETTING_INT,     /* min..max */
	CLOUDACCT_SETTING_BOOL,
	CLOUDACCT_SETTING_STRING,  /* max = max chars; options = allowed values ("a|b|c") or NULL */
	CLOUDACCT_SETTING_INT_LIST, /* list of ints, each min..max, at most 32 */
	CLOUDACCT_SETTING_JSON,    /* a JSON object/array, checked by the owning area (cloudacct_settings_add_check) */
} cloudacct_setting_type;

typedef struct {
	const char *name;          /* [a-z][a-z0-9_]* */
	cloudacct_setting_type type;
	const char *default_json;  /* the value when nothing is stored */
	zend_long min, max;
	const char *options;
	bool secret;               /* shown masked by Settings::all() */
	const char *label;         /* Chinese, for the settings page */
} cloudacct_setting_key;

extern const cloudacct_setting_key cloudacct_setting_keys[];
extern const size_t cloudacct_n_setting_keys;

/* The stored value (or the default), decoded from JSON into out. Unknown name: Error. */
zend_result cloudacct_settings_get(cloudacct_store *s, const char *name, zval *out);
/* Shorthands for INT and BOOL keys. */
zend_result cloudacct_settings_long(cloudacct_store *s, const char *name, zend_long *out);

/* A JSON key's shape belongs to the area that reads it: the area registers a check at MINIT
 * (before any request) and Settings::set refuses what fails it. The check throws a
 * ValidationException and returns false. */
typedef bool (*cloudacct_setting_check)(zval *value);
void cloudacct_settings_add_check(const char *name, cloudacct_setting_check check);

/* The home_layout key (home_layout.c): the client home page the admin designs. */
bool cloudacct_home_layout_check(zval *value);

void cloudacct_settings_minit(void);

#endif
