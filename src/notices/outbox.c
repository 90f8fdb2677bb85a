/* The minimal outbox writer (outbox.h). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "outbox.h"
#include "../common/errors.h"

zend_result cloudacct_outbox_enqueue(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zval *payload, const char *dedup_key)
{
	smart_str json = {0};
	zend_long now = cloudacct_clock_now();
	size_t dedup_len = strlen(dedup_key);

	ZEND_ASSERT(dedup_len > 0 && dedup_len <= 128);
	if (php_json_encode(&json, payload, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES) == FAILURE) {
		smart_str_free(&json);
		cloudacct_throw_validation("payload", "通知内容无法编码 (notice payload is not encodable as JSON)");
		return FAILURE;
	}
	smart_str_0(&json);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_STR(recipient_kind, strlen(recipient_kind)),
		CLOUDACCT_PARAM_LONG(recipient_id),
		CLOUDACCT_PARAM_STR(template_key, strlen(template_key)),
		CLOUDACCT_PARAM_STR(ZSTR_VAL(json.s), ZSTR_LEN(json.s)),
		CLOUDACCT_PARAM_STR(dedup_key, dedup_len),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(now),
	};
	/* A duplicate dedup key leaves the queued row as it is. */
	zend_result rc = CLOUDACCT_DB_RUN(s->db,
		"INSERT INTO {outbox} (uniacid, recipient_kind, recipient_id, template, payload, dedup_key,"
		" next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id",
		p, 8, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&json);
	return rc;
}
