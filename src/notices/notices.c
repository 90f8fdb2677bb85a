/* CloudAcct\Notices\Outbox: queueing from PHP, the admins' delivery log, each person's notice
 * list (站内消息). The sender is in sender.c. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "outbox.h"
#include "notices_int.h"
#include "../context/area.h"
#include "../common/errors.h"
#include "../common/filter.h"
#include "../core/text.h"
#include "../audit/audit.h"
#include "notices_arginfo.h"

static zend_class_entry *cloudacct_ce_Outbox;

#define MAX_PAYLOAD_BYTES (64 * 1024)

static bool dedup_key_valid(zend_string *k)
{
	if (ZSTR_LEN(k) == 0 || ZSTR_LEN(k) > CLOUDACCT_OUTBOX_DEDUP_MAX) {
		return false;
	}
	for (size_t i = 0; i < ZSTR_LEN(k); i++) {
		unsigned char c = (unsigned char) ZSTR_VAL(k)[i];
		if (c < 0x21 || c > 0x7e) {
			return false;
		}
	}
	return true;
}

ZEND_METHOD(CloudAcct_Notices_Outbox, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Notices_Outbox, enqueue)
{
	zend_string *kind, *template_key, *dedup, *channel = NULL;
	zend_long recipient_id, id = 0;
	zval *payload;

	ZEND_PARSE_PARAMETERS_START(5, 6)
		Z_PARAM_STR(kind)
		Z_PARAM_LONG(recipient_id)
		Z_PARAM_STR(template_key)
		Z_PARAM_ARRAY(payload)
		Z_PARAM_STR(dedup)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(channel)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	if (!s) {
		RETURN_THROWS();
	}
	if (!cloudacct_outbox_recipient_kind_valid(ZSTR_VAL(kind), ZSTR_LEN(kind))) {
		zend_argument_value_error(1, "must be one of \"client\", \"staff\", \"admin\", \"staff_pool\"");
		RETURN_THROWS();
	}
	if (recipient_id < 0 || recipient_id > UINT32_MAX) {
		zend_argument_value_error(2, "must be between 0 and 4294967295");
		RETURN_THROWS();
	}
	if (!cloudacct_ident_valid(ZSTR_VAL(template_key), ZSTR_LEN(template_key), 64)) {
		zend_argument_value_error(3, "must match [a-z][a-z0-9_]* and be at most 64 characters");
		RETURN_THROWS();
	}
	if (!dedup_key_valid(dedup)) {
		zend_argument_value_error(5, "must be 1 to 128 printable ASCII characters without spaces");
		RETURN_THROWS();
	}
	if (channel && !cloudacct_outbox_channel_valid(ZSTR_VAL(channel), ZSTR_LEN(channel))) {
		zend_argument_value_error(6, "must be one of \"auto\", \"wechat\", \"sms\", \"inbox\"");
		RETURN_THROWS();
	}
	if (cloudacct_outbox_enqueue_ex(s, ZSTR_VAL(kind), recipient_id, channel ? ZSTR_VAL(channel) : "auto",
			ZSTR_VAL(template_key), payload, ZSTR_VAL(dedup), ZSTR_LEN(dedup), &id) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(id);
}

ZEND_METHOD(CloudAcct_Notices_Outbox, cancel)
{
	zend_string *dedup, *reason;
	bool cancelled = false;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(dedup)
		Z_PARAM_STR(reason)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	if (!s) {
		RETURN_THROWS();
	}
	if (!dedup_key_valid(dedup)) {
		zend_argument_value_error(1, "must be 1 to 128 printable ASCII characters without spaces");
		RETURN_THROWS();
	}
	cloudacct_text_status st = cloudacct_text_check(ZSTR_VAL(reason), ZSTR_LEN(reason), 1, 200, false);
	if (st != CLOUDACCT_TEXT_OK) {
		cloudacct_throw_validation("reason", "取消原因：%s", cloudacct_text_status_message(st));
		RETURN_THROWS();
	}
	if (cloudacct_outbox_cancel(s, ZSTR_VAL(dedup), ZSTR_LEN(dedup), ZSTR_VAL(reason), ZSTR_LEN(reason), &cancelled)
		== FAILURE) {
		RETURN_THROWS();
	}
	RETURN_BOOL(cancelled);
}

/* The notice log holds every store's clients: admins limited to stores do not see it. */
static bool require_admin(cloudacct_store *s, zval *zactor, cloudacct_actor *actor)
{
	cloudacct_actor_read(Z_OBJ_P(zactor), actor);
	return cloudacct_require_firm_admin(s, actor, "查看和重发通知") == SUCCESS;
}

/* payload (JSON text) → array in place, so callers get what was queued. */
static void decode_payload(zval *row)
{
	zval *p = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("payload"));
	zval decoded;
	if (p && Z_TYPE_P(p) == IS_STRING
		&& php_json_decode_ex(&decoded, Z_STRVAL_P(p), Z_STRLEN_P(p), PHP_JSON_OBJECT_AS_ARRAY, 64) == SUCCESS) {
		zval_ptr_dtor(p);
		ZVAL_COPY_VALUE(p, &decoded);
	}
}

#define ROW_COLUMNS \
	"id, recipient_kind, recipient_id, channel, template, payload, dedup_key, status, attempts," \
	" next_attempt_at, last_error, stage, address, sent_channel, provider_ref, sent_at, read_at, created_at, updated_at"

ZEND_METHOD(CloudAcct_Notices_Outbox, get)
{
	zval *zactor;
	zend_long id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	if (!s || !require_admin(s, zactor, &actor)) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT " ROW_COLUMNS " FROM {outbox} WHERE uniacid = ? AND id = ?", p, 2,
			CLOUDACCT_FETCH_ROW, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE_P(return_value) == IS_NULL) {
		cloudacct_throw_not_found("没有这条通知 (no such notice)");
		RETURN_THROWS();
	}
	decode_payload(return_value);
}

static const cloudacct_filter list_filters[] = {
	{ "status", " AND status = ?", true },
	{ "channel", " AND sent_channel = ?", true },
	{ "template", " AND template = ?", true },
	{ "recipient_kind", " AND recipient_kind = ?", true },
	{ "recipient_id", " AND recipient_id = ?", false },
	{ "since", " AND created_at >= ?", false },
	{ "until", " AND created_at < ?", false },
};
#define N_LIST_FILTERS (sizeof(list_filters) / sizeof(list_filters[0]))

static bool check_page(zend_long page, zend_long per_page, uint32_t arg)
{
	if (page < 1 || page > 100000) {
		zend_argument_value_error(arg, "must be between 1 and 100000");
		return false;
	}
	if (per_page < 1 || per_page > 200) {
		zend_argument_value_error(arg + 1, "must be between 1 and 200");
		return false;
	}
	return true;
}

ZEND_METHOD(CloudAcct_Notices_Outbox, list)
{
	zval *zactor, total, items, *row;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor actor;
	cloudacct_param params[N_LIST_FILTERS + 3];
	uint32_t n = 0;
	smart_str where = {0}, sql = {0};

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	if (!s || !check_page(page, per_page, 3) || !require_admin(s, zactor, &actor)) {
		RETURN_THROWS();
	}
	params[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	if (filter && !cloudacct_filter_apply(list_filters, N_LIST_FILTERS, filter, &where, params, &n)) {
		smart_str_free(&where);
		RETURN_THROWS();
	}
	smart_str_0(&where);
	const char *w = where.s ? ZSTR_VAL(where.s) : "";
	smart_str_append_printf(&sql, "SELECT COUNT(*) FROM {outbox} WHERE uniacid = ?%s", w);
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), params, n, CLOUDACCT_FETCH_VALUE, &total);
	smart_str_free(&sql);
	if (rc == SUCCESS) {
		params[n++] = CLOUDACCT_PARAM_LONG(per_page);
		params[n++] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
		smart_str_append_printf(&sql,
			"SELECT " ROW_COLUMNS " FROM {outbox} WHERE uniacid = ?%s ORDER BY id DESC LIMIT ? OFFSET ?", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), params, n, CLOUDACCT_FETCH_ALL, &items);
		smart_str_free(&sql);
	}
	smart_str_free(&where);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(items), row) {
		decode_payload(row);
	} ZEND_HASH_FOREACH_END();
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", Z_TYPE(total) == IS_LONG ? Z_LVAL(total) : 0);
	add_assoc_zval(return_value, "items", &items);
}

ZEND_METHOD(CloudAcct_Notices_Outbox, retry)
{
	zval *zactor, exists;
	zend_long id;
	cloudacct_actor actor;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	if (!s || !require_admin(s, zactor, &actor)) {
		RETURN_THROWS();
	}
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(id) };
	if (cloudacct_db_begin(s->db) == FAILURE) {
		RETURN_THROWS();
	}
	/* Back to the start: a fresh round of attempts, WeChat first again. */
	if (CLOUDACCT_DB_RUN(s->db,
			"UPDATE {outbox} SET status = 'queued', next_attempt_at = ?, attempts = 0, stage = '',"
			" last_error = '管理员已重新发送 (requeued by an admin)', updated_at = ?"
			" WHERE uniacid = ? AND id = ? AND status IN ('failed', 'cancelled')",
			p, 4, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		goto fail;
	}
	if (cloudacct_db_affected_rows(s->db) == 0) {
		if (CLOUDACCT_DB_RUN(s->db, "SELECT status FROM {outbox} WHERE uniacid = ? AND id = ?", p + 2, 2,
				CLOUDACCT_FETCH_VALUE, &exists) == FAILURE) {
			goto fail;
		}
		if (Z_TYPE(exists) == IS_NULL) {
			cloudacct_throw_not_found("没有这条通知 (no such notice)");
		} else {
			cloudacct_throw_invalid_transition(Z_STRVAL(exists), "只有发送失败或已取消的通知可以重发 (only failed or cancelled notices can be requeued)");
		}
		zval_ptr_dtor(&exists);
		goto fail;
	}
	if (cloudacct_audit_write(s, &actor, "notice_retry", "notice", id, "{}", 2) == FAILURE
		|| cloudacct_db_commit(s->db) == FAILURE) {
		goto fail;
	}
	return;
fail:
	cloudacct_db_rollback(s->db);
	RETURN_THROWS();
}

/* The recipient kind and the two recipient ids an actor's notices carry (admins also read the
 * rows addressed to every admin, id 0). false (Forbidden thrown) for the system actor. */
static bool inbox_owner(zval *zactor, const char **kind, zend_long ids[2])
{
	cloudacct_actor actor;
	cloudacct_actor_read(Z_OBJ_P(zactor), &actor);
	ids[0] = ids[1] = actor.id;
	switch (actor.kind) {
	case CLOUDACCT_ACTOR_CLIENT:
		*kind = "client";
		return true;
	case CLOUDACCT_ACTOR_STAFF:
		*kind = "staff";
		return true;
	case CLOUDACCT_ACTOR_ADMIN:
		*kind = "admin";
		ids[0] = 0;
		return true;
	default:
		cloudacct_throw_forbidden("系统身份没有站内消息 (the system actor has no notice list)");
		return false;
	}
}

static void inbox_items(zval *rows, zval *out)
{
	zval *row;
	array_init_size(out, zend_hash_num_elements(Z_ARRVAL_P(rows)));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rows), row) {
		zval item, *v;
		decode_payload(row);
		array_init_size(&item, 6);
		v = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("template"));
		add_assoc_long(&item, "id", Z_LVAL_P(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("id"))));
		add_assoc_str(&item, "template", zend_string_copy(Z_STR_P(v)));
		add_assoc_string(&item, "title", (char *) cloudacct_outbox_event_title(Z_STRVAL_P(v)));
		v = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("payload"));
		Z_TRY_ADDREF_P(v);
		add_assoc_zval(&item, "payload", v);
		add_assoc_long(&item, "created_at", Z_LVAL_P(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("created_at"))));
		add_assoc_long(&item, "read_at", Z_LVAL_P(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("read_at"))));
		add_next_index_zval(out, &item);
	} ZEND_HASH_FOREACH_END();
}

ZEND_METHOD(CloudAcct_Notices_Outbox, inbox)
{
	zval *zactor, counts, rows, items, *v;
	zend_long page = 1, per_page = 20, ids[2];
	bool unread_only = false;
	const char *kind;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
		Z_PARAM_BOOL(unread_only)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	if (!s || !check_page(page, per_page, 2) || !inbox_owner(zactor, &kind, ids)) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_STR(kind, strlen(kind)), CLOUDACCT_PARAM_LONG(ids[0]),
		CLOUDACCT_PARAM_LONG(ids[1]), CLOUDACCT_PARAM_LONG(unread_only ? 1 : 0), CLOUDACCT_PARAM_LONG(per_page),
		CLOUDACCT_PARAM_LONG((page - 1) * per_page),
	};
	/* Cancelled notices (e.g. a reminder for a bill paid meanwhile) never reach the list. */
	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT COUNT(*) AS total, COALESCE(SUM(read_at = 0), 0) AS unread FROM {outbox}"
			" WHERE uniacid = ? AND recipient_kind = ? AND recipient_id IN (?, ?) AND status <> 'cancelled'",
			p, 4, CLOUDACCT_FETCH_ROW, &counts) == FAILURE) {
		RETURN_THROWS();
	}
	if (CLOUDACCT_DB_RUN(s->db,
			"SELECT id, template, payload, created_at, read_at FROM {outbox}"
			" WHERE uniacid = ? AND recipient_kind = ? AND recipient_id IN (?, ?) AND status <> 'cancelled'"
			" AND (? = 0 OR read_at = 0) ORDER BY id DESC LIMIT ? OFFSET ?",
			p, 7, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		zval_ptr_dtor(&counts);
		RETURN_THROWS();
	}
	inbox_items(&rows, &items);
	zval_ptr_dtor(&rows);
	array_init_size(return_value, 3);
	v = zend_hash_str_find(Z_ARRVAL(counts), ZEND_STRL("total"));
	add_assoc_long(return_value, "total", zval_get_long(v));
	v = zend_hash_str_find(Z_ARRVAL(counts), ZEND_STRL("unread"));
	add_assoc_long(return_value, "unread", zval_get_long(v));
	add_assoc_zval(return_value, "items", &items);
	zval_ptr_dtor(&counts);
}

ZEND_METHOD(CloudAcct_Notices_Outbox, markRead)
{
	zval *zactor, *zid;
	HashTable *ids = NULL;
	zend_long owner[2], changed = 0;
	const char *kind;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(ids)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	if (!s) {
		RETURN_THROWS();
	}
	if (ids && zend_hash_num_elements(ids) > 200) {
		zend_argument_value_error(2, "must list at most 200 ids");
		RETURN_THROWS();
	}
	if (ids) {
		ZEND_HASH_FOREACH_VAL(ids, zid) {
			if (Z_TYPE_P(zid) != IS_LONG || Z_LVAL_P(zid) <= 0) {
				zend_argument_value_error(2, "must be a list of positive ints");
				RETURN_THROWS();
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (!inbox_owner(zactor, &kind, owner)) {
		RETURN_THROWS();
	}
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_STR(kind, strlen(kind)),
		CLOUDACCT_PARAM_LONG(owner[0]), CLOUDACCT_PARAM_LONG(owner[1]), CLOUDACCT_PARAM_LONG(0),
	};
	if (!ids || zend_hash_num_elements(ids) == 0) {
		if (CLOUDACCT_DB_RUN(s->db,
				"UPDATE {outbox} SET read_at = ? WHERE uniacid = ? AND recipient_kind = ? AND recipient_id IN (?, ?)"
				" AND read_at = 0",
				p, 5, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			RETURN_THROWS();
		}
		RETURN_LONG((zend_long) cloudacct_db_affected_rows(s->db));
	}
	/* Someone else's id simply matches nothing: ids cannot be probed. */
	ZEND_HASH_FOREACH_VAL(ids, zid) {
		p[5] = CLOUDACCT_PARAM_LONG(Z_LVAL_P(zid));
		if (CLOUDACCT_DB_RUN(s->db,
				"UPDATE {outbox} SET read_at = ? WHERE uniacid = ? AND recipient_kind = ? AND recipient_id IN (?, ?)"
				" AND id = ? AND read_at = 0",
				p, 6, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			RETURN_THROWS();
		}
		changed += (zend_long) cloudacct_db_affected_rows(s->db);
	} ZEND_HASH_FOREACH_END();
	RETURN_LONG(changed);
}

void cloudacct_notices_minit(void)
{
	cloudacct_ce_Outbox = register_class_CloudAcct_Notices_Outbox();
	cloudacct_area_register(cloudacct_ce_Outbox);
	cloudacct_sender_minit(register_class_CloudAcct_Notices_Sender());
}
