/*
 * Admin-editable message templates (催费 reminders): "{company}，您有 {amount} 元服务费 …".
 * A placeholder is {name} with name in [a-z_]; "{{" and "}}" stand for literal braces. Values are
 * inserted as plain text exactly once — a value that itself contains "{amount}" is not expanded
 * again — and control characters in values become spaces. Unknown names are an error, so a typo
 * is caught when the admin saves the template, not when a client reads it.
 */
#ifndef CLOUDACCT_CORE_TEMPLATE_H
#define CLOUDACCT_CORE_TEMPLATE_H

#include <stddef.h>

typedef struct {
	const char *name;  /* [a-z_]+, NUL-terminated */
	const char *value; /* value_len bytes, any content */
	size_t value_len;
} cloudacct_tpl_var;

typedef enum {
	CLOUDACCT_TPL_OK = 0,
	CLOUDACCT_TPL_UNKNOWN_VAR, /* {name} not among the variables */
	CLOUDACCT_TPL_BAD_BRACE,   /* "{" without a name and "}", or a lone "}" */
	CLOUDACCT_TPL_TOO_LONG     /* the result would not fit in cap bytes */
} cloudacct_tpl_status;

/*
 * Renders tpl into out (cap bytes, NUL-terminated on success). With out NULL nothing is written
 * and cap is only the limit checked against (the admin's template check).
 * *out_len receives the length; on error *err_pos is the byte offset of the offending brace.
 */
cloudacct_tpl_status cloudacct_template_render(const char *tpl, size_t len,
											   const cloudacct_tpl_var *vars, size_t n_vars,
											   char *out, size_t cap, size_t *out_len,
											   size_t *err_pos);

/* Chinese message for the admin editing the template. Never NULL. */
const char *cloudacct_template_status_message(cloudacct_tpl_status st);

#endif
