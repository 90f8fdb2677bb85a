#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "filter.h"
#include "errors.h"

bool cloudacct_filter_apply(const cloudacct_filter *known, size_t n_known, HashTable *filter, smart_str *where,
	cloudacct_param *params, uint32_t *n)
{
	zend_string *key;
	zval *zv;

	ZEND_HASH_FOREACH_STR_KEY_VAL(filter, key, zv) {
		const cloudacct_filter *f = NULL;
		for (size_t i = 0; key && i < n_known; i++) {
			if (zend_string_equals_cstr(key, known[i].key, strlen(known[i].key))) {
				f = &known[i];
			}
		}
		if (!f) {
			cloudacct_throw_validation(key ? ZSTR_VAL(key) : "", "未知的筛选条件 %s (unknown filter)",
				key ? ZSTR_VAL(key) : "(integer key)");
			return false;
		}
		if (f->is_string ? Z_TYPE_P(zv) != IS_STRING || Z_STRLEN_P(zv) > 64 : Z_TYPE_P(zv) != IS_LONG) {
			cloudacct_throw_validation(f->key, "筛选条件 %s 的值无效 (filter \"%s\" has an invalid value)", f->key, f->key);
			return false;
		}
		smart_str_appends(where, f->clause);
		params[(*n)++] = f->is_string ? CLOUDACCT_PARAM_STR(Z_STRVAL_P(zv), Z_STRLEN_P(zv))
			: CLOUDACCT_PARAM_LONG(Z_LVAL_P(zv));
	} ZEND_HASH_FOREACH_END();
	return true;
}
