/* The quality area (CloudAcct\Quality\*): registration and what its files share. The methods
 * live in ratings.c, complaints.c and performance.c. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "ext/json/php_json.h"
#include "zend_attributes.h"
#include "quality_int.h"
#include "../common/errors.h"
#include "../core/text.h"
#include "../notices/outbox.h"
#include "../settings/settings.h"
#include "quality_arginfo.h"

void cloudacct_quality_minit(void)
{
	cloudacct_area_register(register_class_CloudAcct_Quality_Ratings());
	cloudacct_area_register(register_class_CloudAcct_Quality_Complaints());
	cloudacct_area_register(register_class_CloudAcct_Quality_Performance());
}

/* ---- settings ---- */

static bool dimension_list_ok(zval *v)
{
	zval *d, *e;
	uint32_t n = 0;

	if (Z_TYPE_P(v) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(v))) {
		return false;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), d) {
		if (Z_TYPE_P(d) != IS_STRING || ++n > CLOUDACCT_QUALITY_MAX_DIMS
				|| cloudacct_text_check(Z_STRVAL_P(d), Z_STRLEN_P(d), 1, CLOUDACCT_QUALITY_DIM_MAX_CHARS, false)
					!= CLOUDACCT_TEXT_OK) {
			return false;
		}
		/* distinct */
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), e) {
			if (e == d) {
				break;
			}
			if (zend_string_equals(Z_STR_P(e), Z_STR_P(d))) {
				return false;
			}
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	return n > 0;
}

zend_result cloudacct_quality_dimensions(cloudacct_store *s, zval *out)
{
	static const char *const names[] = { "rating_dimensions" };

	if (cloudacct_work_settings(s, names, 1, out) == FAILURE) {
		return FAILURE;
	}
	if (!dimension_list_ok(out)) {
		/* A stored value that no longer parses must not stop every rating: the default. */
		zval_ptr_dtor(out);
		array_init_size(out, 3);
		add_next_index_string(out, "服务态度");
		add_next_index_string(out, "服务速度");
		add_next_index_string(out, "专业度");
	}
	return SUCCESS;
}

/* ---- writers ---- */

zend_result cloudacct_quality_audit(cloudacct_store *s, const cloudacct_actor *a, const char *action,
	const char *object_type, zend_long object_id, zval *detail)
{
	return cloudacct_work_audit(s, a, action, object_type, object_id, detail);
}

zend_result cloudacct_quality_notice(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zval *payload, const char *dedup_fmt, ...)
{
	char dedup[CLOUDACCT_OUTBOX_DEDUP_MAX + 1];
	va_list ap;

	va_start(ap, dedup_fmt);
	vsnprintf(dedup, sizeof(dedup), dedup_fmt, ap);
	va_end(ap);
	return cloudacct_outbox_enqueue(s, recipient_kind, recipient_id, template_key, payload, dedup);
}

void cloudacct_quality_decode_json(zval *row, const char *key)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	zval decoded;

	if (!v || Z_TYPE_P(v) != IS_STRING) {
		return;
	}
	if (php_json_decode_ex(&decoded, Z_STRVAL_P(v), Z_STRLEN_P(v), PHP_JSON_OBJECT_AS_ARRAY, 8) == FAILURE
			|| Z_TYPE(decoded) != IS_ARRAY) {
		zval_ptr_dtor(&decoded);
		array_init(&decoded);
	}
	zval_ptr_dtor(v);
	ZVAL_COPY_VALUE(v, &decoded);
}

/* ---- actors ---- */

zend_result cloudacct_quality_staff_or_admin(cloudacct_store *s, const cloudacct_actor *a, const char *what)
{
	if (a->kind == CLOUDACCT_ACTOR_ADMIN) {
		return SUCCESS;
	}
	if (a->kind == CLOUDACCT_ACTOR_STAFF) {
		cloudacct_staff_info me;
		return cloudacct_people_require_active_staff(s, a, &me);
	}
	cloudacct_throw_forbidden("只有员工和管理员可以%s (staff and admins only)", what);
	return FAILURE;
}

zend_result cloudacct_quality_staff_visible(cloudacct_store *s, const cloudacct_actor *a, zend_long staff_id,
	zend_long *store_id)
{
	cloudacct_staff_info info;
	bool found = false, yes = false;

	if (a->kind == CLOUDACCT_ACTOR_STAFF) {
		if (a->id != staff_id) {
			cloudacct_throw_not_found("员工不存在或无权查看 (staff %ld not found)", (long) staff_id);
			return FAILURE;
		}
		if (cloudacct_people_require_active_staff(s, a, &info) == FAILURE) {
			return FAILURE;
		}
		*store_id = info.store_id;
		return SUCCESS;
	}
	if (a->kind != CLOUDACCT_ACTOR_ADMIN) {
		cloudacct_throw_forbidden("只有员工本人和管理员可以查看 (the employee and admins only)");
		return FAILURE;
	}
	if (cloudacct_people_staff_get(s, staff_id, &info, &found) == FAILURE) {
		return FAILURE;
	}
	if (found && cloudacct_people_admin_may_store(s, a->id, info.store_id, &yes) == FAILURE) {
		return FAILURE;
	}
	if (!found || !yes) {
		cloudacct_throw_not_found("员工不存在或无权查看 (staff %ld not found)", (long) staff_id);
		return FAILURE;
	}
	*store_id = info.store_id;
	return SUCCESS;
}
