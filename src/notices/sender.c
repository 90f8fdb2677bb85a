/* CloudAcct\Notices\Sender: drains the outbox (DESIGN §3.7, §3.9).
 *
 * One run: give back rows whose lease expired (a sender died between sending and marking: they
 * are sent again with the same client_msg_id / SessionContext / OutId), claim due rows with one
 * conditional UPDATE (lease owner + lease_until, safe from several processes, no SKIP LOCKED),
 * expand fan-out rows, resolve openids and phones, send everything through one libcurl multi
 * handle, then read the answers: a stale token is refreshed once through the host and the rows
 * sent again; WeChat refusals fall back to SMS; transient failures back off exponentially with
 * jitter; quotas and rate limits defer; invalid data fails for good with the reason. All marks are
 * conditional on still holding the lease and are written in one transaction. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "ext/random/php_random.h"
#include <openssl/rand.h>
#include "notices_int.h"
#include "outbox.h"
#include "../crypto/crypto.h"
#include "../money/money.h"
#include "../common/errors.h"
#include "../settings/settings.h"

#define BEIJING_OFFSET 28800
#define BACKOFF_BASE 30
#define BACKOFF_CAP 21600
#define MAX_ROUNDS 4

static zend_class_entry *cloudacct_ce_Sender;
static zend_object_handlers sender_handlers;

typedef struct {
	zend_object *store_obj;        /* owned reference to the CloudAcct\Store */
	zval token_provider;           /* owned callable, or UNDEF */
	cloudacct_http_options http;   /* owned */
	bool http_explicit[3];         /* concurrency, connect_timeout_ms, timeout_ms given by the constructor */
	zend_long lease_seconds;
	bool plain_http;
	zend_string *stable_appid;     /* owned or NULL */
	zend_string *stable_secret;    /* owned or NULL; cleansed when freed */
	zend_string *stable_token;     /* owned cache of a stable_token, or NULL */
	zend_long stable_expires_at;
	zend_object std;
} cloudacct_sender;

typedef struct {
	zend_long claimed, sent, retried, deferred, failed, fallback, expanded, reclaimed, token_refreshes, cancelled;
} sender_stats;

static cloudacct_sender *sender_from_obj(zend_object *obj)
{
	return (cloudacct_sender *) ((char *) obj - XtOffsetOf(cloudacct_sender, std));
}

static zend_object *sender_create(zend_class_entry *ce)
{
	cloudacct_sender *s = zend_object_alloc(sizeof(cloudacct_sender), ce);
	zend_object_std_init(&s->std, ce);
	object_properties_init(&s->std, ce);
	s->std.handlers = &sender_handlers;
	ZVAL_UNDEF(&s->token_provider);
	return &s->std;
}

static void release_secret(zend_string **s)
{
	if (*s) {
		if (!ZSTR_IS_INTERNED(*s) && GC_REFCOUNT(*s) == 1) {
			cloudacct_cleanse(ZSTR_VAL(*s), ZSTR_LEN(*s));
		}
		zend_string_release(*s);
		*s = NULL;
	}
}

static void sender_free(zend_object *obj)
{
	cloudacct_sender *s = sender_from_obj(obj);
	if (s->store_obj) {
		OBJ_RELEASE(s->store_obj);
	}
	zval_ptr_dtor(&s->token_provider);
	cloudacct_http_options_free(&s->http);
	release_secret(&s->stable_appid);
	release_secret(&s->stable_secret);
	release_secret(&s->stable_token);
	zend_object_std_dtor(obj);
}

static HashTable *sender_get_gc(zend_object *obj, zval **table, int *n)
{
	cloudacct_sender *s = sender_from_obj(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	if (s->store_obj) {
		zend_get_gc_buffer_add_obj(buf, s->store_obj);
	}
	zend_get_gc_buffer_add_zval(buf, &s->token_provider);
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}

/* ---------------------------------------------------------------- construction */

static zend_result stable_option(cloudacct_sender *s, zval *v)
{
	zval *appid = Z_TYPE_P(v) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(v), ZEND_STRL("appid")) : NULL;
	zval *secret = Z_TYPE_P(v) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(v), ZEND_STRL("secret")) : NULL;
	if (!appid || !secret || Z_TYPE_P(appid) != IS_STRING || Z_TYPE_P(secret) != IS_STRING || !Z_STRLEN_P(appid)
		|| !Z_STRLEN_P(secret) || Z_STRLEN_P(appid) > 64 || Z_STRLEN_P(secret) > 128) {
		zend_argument_value_error(3, "option \"stable_token\" must be [\"appid\" => string, \"secret\" => string]");
		return FAILURE;
	}
	s->stable_appid = zend_string_copy(Z_STR_P(appid));
	s->stable_secret = zend_string_init(Z_STRVAL_P(secret), Z_STRLEN_P(secret), 0);
	return SUCCESS;
}

static zend_result sender_option(cloudacct_sender *s, zend_string *key, zval *v)
{
	bool known = false;
	if (cloudacct_http_options_set(&s->http, key, v, 3, &known) == FAILURE) {
		return FAILURE;
	}
	if (known) {
		s->http_explicit[0] |= zend_string_equals_literal(key, "concurrency");
		s->http_explicit[1] |= zend_string_equals_literal(key, "connect_timeout_ms");
		s->http_explicit[2] |= zend_string_equals_literal(key, "timeout_ms");
		return SUCCESS;
	}
	if (zend_string_equals_literal(key, "lease_seconds")) {
		if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 10 || Z_LVAL_P(v) > 3600) {
			zend_argument_value_error(3, "option \"lease_seconds\" must be an int between 10 and 3600");
			return FAILURE;
		}
		s->lease_seconds = Z_LVAL_P(v);
		return SUCCESS;
	}
	if (zend_string_equals_literal(key, "plain_http")) {
		if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
			zend_argument_value_error(3, "option \"plain_http\" must be a bool");
			return FAILURE;
		}
		if (Z_TYPE_P(v) == IS_TRUE && !cloudacct_http_test_transport()) {
			zend_throw_error(NULL, "Option \"plain_http\" needs cloudacct.http.test_transport=1 (a test setting)");
			return FAILURE;
		}
		s->plain_http = Z_TYPE_P(v) == IS_TRUE;
		return SUCCESS;
	}
	if (zend_string_equals_literal(key, "stable_token")) {
		return stable_option(s, v);
	}
	zend_argument_value_error(3, "contains the unknown option \"%s\"", ZSTR_VAL(key));
	return FAILURE;
}

ZEND_METHOD(CloudAcct_Notices_Sender, __construct)
{
	zval *zstore;
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	HashTable *opts = NULL;
	zend_string *key;
	zval *v;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_OBJECT_OF_CLASS(zstore, cloudacct_ce_Store)
		Z_PARAM_OPTIONAL
		Z_PARAM_FUNC_OR_NULL(fci, fcc)
		Z_PARAM_ARRAY_HT(opts)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_sender *s = sender_from_obj(Z_OBJ_P(ZEND_THIS));
	if (s->store_obj) {
		zend_throw_error(NULL, "CloudAcct\\Notices\\Sender 已初始化 (already constructed)");
		RETURN_THROWS();
	}
	cloudacct_http_options_defaults(&s->http);
	s->plain_http = cloudacct_http_test_routed();
	s->lease_seconds = 60;
	if (opts) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(opts, key, v) {
			if (!key) {
				zend_argument_value_error(3, "must be an array with string keys");
				RETURN_THROWS();
			}
			if (sender_option(s, key, v) == FAILURE) {
				RETURN_THROWS();
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (ZEND_FCI_INITIALIZED(fci)) {
		ZVAL_COPY(&s->token_provider, &fci.function_name);
	}
	s->store_obj = Z_OBJ_P(zstore);
	GC_ADDREF(s->store_obj);
}

/* ---------------------------------------------------------------- settings of one run */

static const char *const config_keys[] = {
	"notice_wechat_channel", "notice_templates", "notice_mp_appid", "notice_mp_state", "notice_sms_fallback",
	"notice_quiet_hours", "notice_max_attempts", "notice_concurrency", "notice_connect_timeout_ms",
	"notice_timeout_ms", "notice_admin_staff", "sms_provider", "sms_secret_id", "sms_secret_key", "sms_sign_name",
	"sms_sdk_app_id", "sms_region", "sms_aliyun_signature", "sms_per_phone_hour", "sms_per_phone_day", NULL,
};

static zend_result load_config(cloudacct_store *st, cloudacct_sender *s, notice_config *cfg)
{
	array_init(&cfg->values);
	for (const char *const *k = config_keys; *k; k++) {
		zval v;
		if (cloudacct_settings_get(st, *k, &v) == FAILURE) {
			return FAILURE;
		}
		add_assoc_zval(&cfg->values, *k, &v);
	}
	zend_string *ch = cloudacct_notice_cfg_str(cfg, "notice_wechat_channel");
	zend_string *sms = cloudacct_notice_cfg_str(cfg, "sms_provider");
	cfg->wechat_subscribe = zend_string_equals_literal(ch, "subscribe");
	cfg->wechat_on = !zend_string_equals_literal(ch, "none") && ZSTR_LEN(ch) > 0;
	cfg->sms_on = (zend_string_equals_literal(sms, "tencent") || zend_string_equals_literal(sms, "aliyun"))
		&& ZSTR_LEN(cloudacct_notice_cfg_str(cfg, "sms_secret_id")) && ZSTR_LEN(cloudacct_notice_cfg_str(cfg, "sms_secret_key"));
	cfg->sms_fallback = cloudacct_notice_cfg_long(cfg, "notice_sms_fallback") != 0;
	cfg->plain_http = s->plain_http;
	cfg->uniacid = st->uniacid;
	cfg->now = cloudacct_clock_now();
	/* Per-uniacid transport settings, unless the constructor named them. */
	if (!s->http_explicit[0]) {
		s->http.concurrency = cloudacct_notice_cfg_long(cfg, "notice_concurrency");
	}
	if (!s->http_explicit[1]) {
		s->http.connect_timeout_ms = cloudacct_notice_cfg_long(cfg, "notice_connect_timeout_ms");
	}
	if (!s->http_explicit[2]) {
		s->http.timeout_ms = cloudacct_notice_cfg_long(cfg, "notice_timeout_ms");
	}
	return SUCCESS;
}

/* ---------------------------------------------------------------- rows */

static void row_free(notice_row *r)
{
	zend_string *owned[] = { r->kind, r->channel, r->template_key, r->dedup_key, r->payload_json, r->openid, r->phone,
		r->address, r->provider_ref };
	for (size_t i = 0; i < sizeof(owned) / sizeof(owned[0]); i++) {
		if (owned[i]) {
			zend_string_release(owned[i]);
		}
	}
	zval_ptr_dtor(&r->payload);
	cloudacct_http_exchange_free(r->ex);
	smart_str_free(&r->error);
}

static zend_string *col_str(HashTable *row, const char *name)
{
	zval *v = zend_hash_str_find(row, name, strlen(name));
	return v && Z_TYPE_P(v) == IS_STRING ? zend_string_copy(Z_STR_P(v)) : ZSTR_EMPTY_ALLOC();
}

static zend_long col_long(HashTable *row, const char *name)
{
	zval *v = zend_hash_str_find(row, name, strlen(name));
	return v ? zval_get_long(v) : 0;
}

static void row_from_db(notice_row *r, HashTable *row)
{
	memset(r, 0, sizeof(*r));
	r->id = col_long(row, "id");
	r->recipient_id = col_long(row, "recipient_id");
	r->attempts = r->attempts_out = col_long(row, "attempts");
	r->kind = col_str(row, "recipient_kind");
	r->channel = col_str(row, "channel");
	r->template_key = col_str(row, "template");
	r->dedup_key = col_str(row, "dedup_key");
	r->payload_json = col_str(row, "payload");
	zend_string *stage = col_str(row, "stage");
	r->stage = zend_string_equals_literal(stage, "sms") ? CHANNEL_SMS
		: zend_string_equals_literal(stage, "wechat") ? CHANNEL_WECHAT : CHANNEL_NONE;
	zend_string_release(stage);
	if (php_json_decode_ex(&r->payload, ZSTR_VAL(r->payload_json), ZSTR_LEN(r->payload_json), PHP_JSON_OBJECT_AS_ARRAY, 64)
		== FAILURE) {
		ZVAL_NULL(&r->payload);
	}
}

static void set_error(notice_row *r, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
static void set_error(notice_row *r, const char *fmt, ...)
{
	va_list ap;
	smart_str_free(&r->error);
	va_start(ap, fmt);
	zend_string *s = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	smart_str_append(&r->error, s);
	zend_string_release(s);
}

static void outcome(notice_row *r, const char *status, const char *sent_channel, zend_long next_at)
{
	r->done = true;
	r->status = status;
	r->sent_channel = sent_channel;
	r->next_at = next_at;
	if (r->ex) {
		cloudacct_http_exchange_free(r->ex);
		r->ex = NULL;
	}
}

static const char *channel_name(notice_channel c)
{
	return c == CHANNEL_SMS ? "sms" : c == CHANNEL_WECHAT ? "wechat" : "";
}

static void sent(notice_row *r)
{
	outcome(r, "sent", channel_name(r->stage), 0);
	if (!r->fell_back) {
		smart_str_free(&r->error);
	}
}

static zend_long random_below(zend_long n)
{
	uint32_t v = 0;
	if (n <= 0) {
		return 0;
	}
	if (RAND_bytes((unsigned char *) &v, sizeof(v)) != 1) {
		php_random_bytes_silent(&v, sizeof(v));
	}
	return (zend_long) (v % (uint32_t) n);
}

/* Exponential backoff with jitter; after notice_max_attempts the row fails with the last reason. */
static void retry_later(const notice_config *cfg, notice_row *r, sender_stats *st)
{
	zend_long max = cloudacct_notice_cfg_long(cfg, "notice_max_attempts");
	if (r->attempts >= max) {
		smart_str_0(&r->error);
		zend_string *last = r->error.s ? zend_string_copy(r->error.s) : ZSTR_EMPTY_ALLOC();
		set_error(r, "已重试 %ld 次仍失败 (gave up after %ld attempts)：%s", (long) r->attempts, (long) r->attempts,
			ZSTR_VAL(last));
		zend_string_release(last);
		outcome(r, "failed", "", 0);
		st->failed++;
		return;
	}
	zend_long delay = BACKOFF_BASE;
	for (zend_long i = 1; i < r->attempts && delay < BACKOFF_CAP; i++) {
		delay *= 2;
	}
	delay = MIN(delay, BACKOFF_CAP);
	outcome(r, "queued", "", cfg->now + delay + random_below(delay / 4 + 1));
	st->retried++;
}

/* Deferred rows get their attempt back: waiting for a quota is not a failure. */
static void defer_until(notice_row *r, zend_long when, sender_stats *st)
{
	r->attempts_out = MAX(r->attempts - 1, 0);
	outcome(r, "deferred", "", when);
	st->deferred++;
}

static zend_long next_beijing_midnight(zend_long now)
{
	zend_long local = now + BEIJING_OFFSET;
	return local - local % 86400 + 86400 - BEIJING_OFFSET;
}

static void fail(notice_row *r, sender_stats *st)
{
	outcome(r, "failed", "", 0);
	st->failed++;
}

/* The end of the quiet hours when now is inside them, else 0. */
static zend_long quiet_until(const notice_config *cfg)
{
	zval *q = zend_hash_str_find(Z_ARRVAL(cfg->values), ZEND_STRL("notice_quiet_hours"));
	if (!q || Z_TYPE_P(q) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(q)) != 2) {
		return 0;
	}
	zend_long start = zval_get_long(zend_hash_index_find(Z_ARRVAL_P(q), 0)) % 24;
	zend_long end = zval_get_long(zend_hash_index_find(Z_ARRVAL_P(q), 1)) % 24;
	zend_long local = cfg->now + BEIJING_OFFSET, sod = local % 86400, h = sod / 3600;
	bool quiet = start < end ? h >= start && h < end : start > end && (h >= start || h < end);
	if (!quiet) {
		return 0;
	}
	zend_long until = local - sod + end * 3600;
	if (until <= local) {
		until += 86400;
	}
	return until - BEIJING_OFFSET;
}

/* ---------------------------------------------------------------- claim */

/* The claim and the reclaim are lone UPDATEs that move rows along the outbox's status index, so
 * two senders' can deadlock; InnoDB rolls such a statement back whole, and it is run again like a
 * transaction (cloudacct.db.tx_attempts times) instead of failing the sender's whole run. */
typedef struct {
	const char *sql;
	size_t sql_len;
	const cloudacct_param *p;
	uint32_t n;
	uint64_t affected;
} retried_update;
#define RETRIED_SQL(sql) (sql), sizeof(sql) - 1

static zend_result retried_update_body(cloudacct_connection *c, void *ctx)
{
	retried_update *u = ctx;
	if (cloudacct_db_run(c, u->sql, u->sql_len, u->p, u->n, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	u->affected = cloudacct_db_affected_rows(c); /* read before COMMIT, which resets it */
	return SUCCESS;
}

static zend_result reclaim(cloudacct_store *st, const notice_config *cfg, sender_stats *stats)
{
	static const char note[] = "上次发送中断（发送进程退出），将以同一去重编号重发 (lease expired; resent with the same dedup id)";
	cloudacct_param p[] = { CLOUDACCT_PARAM_STR(note, sizeof(note) - 1), CLOUDACCT_PARAM_LONG(cfg->now),
		CLOUDACCT_PARAM_LONG(st->uniacid), CLOUDACCT_PARAM_LONG(cfg->now) };
	retried_update u = { RETRIED_SQL(
		"UPDATE {outbox} SET status = 'queued', lease_owner = NULL, lease_until = 0, last_error = ?, updated_at = ?"
		" WHERE uniacid = ? AND status = 'sending' AND lease_until < ?"), p, 4, 0 };
	if (cloudacct_db_transaction(st->db, retried_update_body, &u, 0) == FAILURE) {
		return FAILURE;
	}
	stats->reclaimed += (zend_long) u.affected;
	return SUCCESS;
}

static zend_result claim(cloudacct_store *st, cloudacct_sender *s, const notice_config *cfg, const char *owner,
	zend_long limit, zval *rows)
{
	/* The lease must outlast the run, or another sender would take the rows over and send them
	 * again: every round of the batch may wait for the total timeout. */
	zend_long conc = MAX(s->http.concurrency, 1);
	zend_long worst = ((limit + conc - 1) / conc) * ((s->http.timeout_ms + 999) / 1000) * MAX_ROUNDS + 30;
	zend_long lease = MAX(s->lease_seconds, worst);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_STR(owner, 16), CLOUDACCT_PARAM_LONG(cfg->now + lease), CLOUDACCT_PARAM_LONG(cfg->now),
		CLOUDACCT_PARAM_LONG(st->uniacid), CLOUDACCT_PARAM_LONG(cfg->now), CLOUDACCT_PARAM_LONG(limit),
	};
	/* The claim itself: whoever's UPDATE matches a row first owns it; the others skip it. */
	retried_update u = { RETRIED_SQL(
		"UPDATE {outbox} SET status = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1,"
		" updated_at = ? WHERE uniacid = ? AND status IN ('queued', 'deferred') AND next_attempt_at <= ?"
		" ORDER BY next_attempt_at, id LIMIT ?"), p, 6, 0 };
	if (cloudacct_db_transaction(st->db, retried_update_body, &u, 0) == FAILURE) {
		return FAILURE;
	}
	if (u.affected == 0) {
		array_init(rows);
		return SUCCESS;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_STR(owner, 16), CLOUDACCT_PARAM_LONG(st->uniacid) };
	return CLOUDACCT_DB_RUN(st->db,
		"SELECT id, recipient_kind, recipient_id, channel, template, payload, dedup_key, attempts, stage"
		" FROM {outbox} WHERE lease_owner = ? AND uniacid = ? AND status = 'sending' ORDER BY id",
		q, 2, CLOUDACCT_FETCH_ALL, rows);
}

/* ---------------------------------------------------------------- fan-out and addresses */

static zend_result insert_child(cloudacct_store *st, const notice_config *cfg, notice_row *parent, zend_long staff_id,
	char tag)
{
	char dedup[64];
	int n = snprintf(dedup, sizeof(dedup), "fan:%ld:%c%ld", (long) parent->id, tag, (long) staff_id);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(st->uniacid), CLOUDACCT_PARAM_LONG(staff_id), CLOUDACCT_PARAM_ZSTR(parent->channel),
		CLOUDACCT_PARAM_ZSTR(parent->template_key), CLOUDACCT_PARAM_ZSTR(parent->payload_json),
		CLOUDACCT_PARAM_STR(dedup, (size_t) n), CLOUDACCT_PARAM_LONG(cfg->now), CLOUDACCT_PARAM_LONG(cfg->now),
		CLOUDACCT_PARAM_LONG(cfg->now),
	};
	return CLOUDACCT_DB_RUN(st->db,
		"INSERT INTO {outbox} (uniacid, recipient_kind, recipient_id, channel, template, payload, dedup_key, status,"
		" next_attempt_at, created_at, updated_at) VALUES (?, 'staff', ?, ?, ?, ?, ?, 'queued', ?, ?, ?)"
		" ON DUPLICATE KEY UPDATE id = id",
		p, 9, CLOUDACCT_FETCH_NONE, NULL);
}

/* Employees who may grab the job (work area rules: active, on duty, in the job's store, with
 * the skill, under their open-job cap) each get their own row. */
static zend_result expand_pool(cloudacct_store *st, const notice_config *cfg, notice_row *r, zend_long *n)
{
	zval ids, *row;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(st->uniacid), CLOUDACCT_PARAM_LONG(r->recipient_id) };
	if (CLOUDACCT_DB_RUN(st->db,
			"SELECT s.id FROM {job} j JOIN {staff} s ON s.uniacid = j.uniacid"
			" WHERE j.uniacid = ? AND j.id = ? AND s.active = 1 AND s.on_duty = 1"
			" AND (j.store_id = 0 OR s.store_id = j.store_id) AND s.open_jobs < s.open_job_cap"
			" AND (j.skill = '' OR EXISTS (SELECT 1 FROM {staff_skill} k"
			" WHERE k.uniacid = s.uniacid AND k.staff_id = s.id AND k.skill = j.skill)) ORDER BY s.id LIMIT 1000",
			p, 2, CLOUDACCT_FETCH_ALL, &ids) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(ids), row) {
		if (insert_child(st, cfg, r, col_long(Z_ARRVAL_P(row), "id"), 's') == FAILURE) {
			zval_ptr_dtor(&ids);
			return FAILURE;
		}
		(*n)++;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&ids);
	return SUCCESS;
}

/* Admin notices stay in the admins' notice list; the staff named in notice_admin_staff also get
 * them on WeChat/SMS as their own rows. */
static zend_result expand_admin(cloudacct_store *st, const notice_config *cfg, notice_row *r, zend_long *n)
{
	zval *list = zend_hash_str_find(Z_ARRVAL(cfg->values), ZEND_STRL("notice_admin_staff")), *id;
	if (zend_string_equals_literal(r->channel, "inbox") || !list || Z_TYPE_P(list) != IS_ARRAY) {
		return SUCCESS;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), id) {
		if (insert_child(st, cfg, r, zval_get_long(id), 'a') == FAILURE) {
			return FAILURE;
		}
		(*n)++;
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

#define Q8 "?, ?, ?, ?, ?, ?, ?, ?"
#define RESOLVE_CHUNK 32
#define IN_CHUNK " IN (" Q8 ", " Q8 ", " Q8 ", " Q8 ")"

static void take_address(notice_row *r, HashTable *row)
{
	zend_string *openid = col_str(row, "openid"), *phone = col_str(row, "phone");
	if (ZSTR_LEN(openid) && !r->openid) {
		r->openid = zend_string_copy(openid);
	}
	if (ZSTR_LEN(phone) && !r->phone) {
		r->phone = zend_string_copy(phone);
	}
	zend_string_release(openid);
	zend_string_release(phone);
}

/* Openids and phones of one kind of recipient, RESOLVE_CHUNK ids per query (a fixed statement
 * text, padded with id 0, so the prepared-statement cache holds one entry). */
static zend_result resolve_kind(cloudacct_store *st, notice_row *rows, size_t n, const char *kind, bool staff)
{
	cloudacct_param p[1 + RESOLVE_CHUNK];
	size_t i = 0;

	while (i < n) {
		uint32_t k = 0;
		size_t start = i;
		p[0] = CLOUDACCT_PARAM_LONG(st->uniacid);
		for (; i < n && k < RESOLVE_CHUNK; i++) {
			if (!rows[i].done && zend_string_equals_cstr(rows[i].kind, kind, strlen(kind))) {
				p[1 + k++] = CLOUDACCT_PARAM_LONG(rows[i].recipient_id);
			}
		}
		if (k == 0) {
			continue;
		}
		for (uint32_t pad = k; pad < RESOLVE_CHUNK; pad++) {
			p[1 + pad] = CLOUDACCT_PARAM_LONG(0);
		}
		zval found, *row;
		/* A deactivated employee keeps the notice list but gets nothing pushed. */
		zend_result rc = staff
			? CLOUDACCT_DB_RUN(st->db, "SELECT id, openid, phone FROM {staff} WHERE uniacid = ? AND active = 1 AND id" IN_CHUNK,
				p, 1 + RESOLVE_CHUNK, CLOUDACCT_FETCH_ALL, &found)
			: CLOUDACCT_DB_RUN(st->db, "SELECT id, openid, phone FROM {contact} WHERE uniacid = ? AND id" IN_CHUNK, p,
				1 + RESOLVE_CHUNK, CLOUDACCT_FETCH_ALL, &found);
		if (rc == FAILURE) {
			return FAILURE;
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(found), row) {
			zend_long id = col_long(Z_ARRVAL_P(row), "id");
			for (size_t j = start; j < i; j++) {
				if (!rows[j].done && rows[j].recipient_id == id && zend_string_equals_cstr(rows[j].kind, kind, strlen(kind))) {
					take_address(&rows[j], Z_ARRVAL_P(row));
				}
			}
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&found);
	}
	return SUCCESS;
}

/* ---------------------------------------------------------------- choosing a channel */

static bool wechat_possible(const notice_config *cfg, const notice_row *r)
{
	return cfg->wechat_on && r->openid && !zend_string_equals_literal(r->channel, "sms")
		&& !zend_string_equals_literal(r->channel, "inbox") && cloudacct_notice_mapping(cfg, r->template_key, "wechat");
}

static bool sms_possible(const notice_config *cfg, const notice_row *r)
{
	return cfg->sms_on && r->phone && !zend_string_equals_literal(r->channel, "wechat")
		&& !zend_string_equals_literal(r->channel, "inbox") && cloudacct_notice_mapping(cfg, r->template_key, "sms");
}

/* Per-phone limits: what was sent in the last hour/day plus what this run already sent. */
static zend_result sms_rate_ok(cloudacct_store *st, const notice_config *cfg, notice_row *r, HashTable *run_counts,
	zend_long *defer_to)
{
	zend_long per_hour = cloudacct_notice_cfg_long(cfg, "sms_per_phone_hour");
	zend_long per_day = cloudacct_notice_cfg_long(cfg, "sms_per_phone_day");
	zval *mine = zend_hash_find(run_counts, r->address);
	zend_long in_run = mine ? Z_LVAL_P(mine) : 0;
	zval hour, day;

	*defer_to = 0;
	if (per_hour <= 0 && per_day <= 0) {
		return SUCCESS;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(st->uniacid), CLOUDACCT_PARAM_ZSTR(r->address),
		CLOUDACCT_PARAM_LONG(cfg->now - 3600) };
	if (CLOUDACCT_DB_RUN(st->db,
			"SELECT COUNT(*) FROM {outbox} WHERE uniacid = ? AND address = ? AND sent_channel = 'sms' AND sent_at >= ?", p,
			3, CLOUDACCT_FETCH_VALUE, &hour) == FAILURE) {
		return FAILURE;
	}
	p[2] = CLOUDACCT_PARAM_LONG(cfg->now - 86400);
	if (CLOUDACCT_DB_RUN(st->db,
			"SELECT COUNT(*) FROM {outbox} WHERE uniacid = ? AND address = ? AND sent_channel = 'sms' AND sent_at >= ?", p,
			3, CLOUDACCT_FETCH_VALUE, &day) == FAILURE) {
		return FAILURE;
	}
	if (per_day > 0 && zval_get_long(&day) + in_run >= per_day) {
		*defer_to = cfg->now + 86400;
	} else if (per_hour > 0 && zval_get_long(&hour) + in_run >= per_hour) {
		*defer_to = cfg->now + 3600;
	}
	zval_ptr_dtor(&hour);
	zval_ptr_dtor(&day);
	return SUCCESS;
}

typedef struct {
	cloudacct_sender *sender;
	cloudacct_store *store;
	notice_config *cfg;
	sender_stats *stats;
	zend_string *token;       /* owned; the access_token of this run */
	zend_string *token_error; /* owned; why there is none */
	bool token_failed;
	bool token_refreshed;
	HashTable sms_counts;     /* phone → SMS sent or planned in this run */
} run_state;

static bool fetch_token(run_state *rs, bool force, smart_str *why)
{
	cloudacct_sender *s = rs->sender;
	if (rs->token) {
		zend_string_release(rs->token);
		rs->token = NULL;
	}
	if (Z_TYPE(s->token_provider) != IS_UNDEF) {
		zval ret, arg;
		ZVAL_BOOL(&arg, force);
		if (call_user_function(NULL, NULL, &s->token_provider, &ret, 1, &arg) == FAILURE || EG(exception)) {
			/* The provider's own message may carry anything: keep only its class. */
			smart_str_append_printf(why, "获取 access_token 失败：令牌回调抛出 %s (token provider threw)",
				EG(exception) ? ZSTR_VAL(EG(exception)->ce->name) : "an error");
			zend_clear_exception();
			return false;
		}
		if (Z_TYPE(ret) != IS_STRING || Z_STRLEN(ret) == 0 || Z_STRLEN(ret) > 1024) {
			zval_ptr_dtor(&ret);
			smart_str_appends(why, "获取 access_token 失败：令牌回调没有返回字符串 (token provider returned no string)");
			return false;
		}
		rs->token = Z_STR(ret);
		return true;
	}
	if (s->stable_appid) {
		zend_long expires_in = 0;
		if (!force && s->stable_token && s->stable_expires_at > rs->cfg->now) {
			rs->token = zend_string_copy(s->stable_token);
			return true;
		}
		zend_string *t = cloudacct_notice_stable_token(&s->http, s->plain_http, s->stable_appid, s->stable_secret, force,
			&expires_in, why);
		if (!t) {
			return false;
		}
		release_secret(&s->stable_token);
		s->stable_token = zend_string_copy(t);
		/* Renew well before expiry: stable_token rolls over in its last 5 minutes. */
		s->stable_expires_at = rs->cfg->now + MAX(expires_in - 300, 60);
		rs->token = t;
		return true;
	}
	smart_str_appends(why, "没有 access_token 来源：请由 微擎 传入令牌回调 (no token provider was given)");
	return false;
}

static void plan_wechat(run_state *rs, notice_row *r)
{
	if (!rs->token && !rs->token_failed) {
		smart_str why = {0};
		if (!fetch_token(rs, false, &why)) {
			rs->token_failed = true;
			smart_str_0(&why);
			rs->token_error = why.s;
			why.s = NULL;
		}
		smart_str_free(&why);
	}
	if (!rs->token) {
		set_error(r, "%s", rs->token_error ? ZSTR_VAL(rs->token_error) : "获取 access_token 失败 (no access_token)");
		retry_later(rs->cfg, r, rs->stats);
		return;
	}
	r->stage = CHANNEL_WECHAT;
	if (!cloudacct_notice_build_wechat(rs->cfg, r, rs->token)) {
		fail(r, rs->stats);
	}
}

static zend_result plan_sms(run_state *rs, notice_row *r)
{
	zend_long defer_to = 0;
	r->stage = CHANNEL_SMS;
	if (!cloudacct_notice_build_sms(rs->cfg, r)) {
		fail(r, rs->stats);
		return SUCCESS;
	}
	if (sms_rate_ok(rs->store, rs->cfg, r, &rs->sms_counts, &defer_to) == FAILURE) {
		return FAILURE;
	}
	if (defer_to) {
		set_error(r, "该号码短信发送次数已达上限，稍后再发 (per-phone SMS limit)");
		defer_until(r, defer_to, rs->stats);
		return SUCCESS;
	}
	zval *c = zend_hash_find(&rs->sms_counts, r->address);
	if (c) {
		Z_LVAL_P(c)++;
	} else {
		zval one;
		ZVAL_LONG(&one, 1);
		zend_hash_add(&rs->sms_counts, r->address, &one);
	}
	return SUCCESS;
}

/* First decision for a claimed single-recipient row. */
static zend_result plan(run_state *rs, notice_row *r, zend_long quiet_end)
{
	bool wx = wechat_possible(rs->cfg, r), sms = sms_possible(rs->cfg, r);
	if (!wx && !sms) {
		if (zend_string_equals_literal(r->channel, "wechat") || zend_string_equals_literal(r->channel, "sms")) {
			set_error(r, "无法通过%s送达：%s (channel unavailable for this recipient)",
				zend_string_equals_literal(r->channel, "sms") ? "短信" : "微信",
				zend_string_equals_literal(r->channel, "sms") ? "没有手机号或未配置短信" : "未绑定微信或未配置微信模板");
			fail(r, rs->stats);
			return SUCCESS;
		}
		/* Nothing configured or no address: the notice list is the delivery. */
		outcome(r, "sent", "inbox", 0);
		rs->stats->sent++;
		return SUCCESS;
	}
	if (quiet_end) {
		set_error(r, "免打扰时段，稍后发送 (quiet hours)");
		defer_until(r, quiet_end, rs->stats);
		return SUCCESS;
	}
	if (wx && r->stage != CHANNEL_SMS) {
		plan_wechat(rs, r);
		return SUCCESS;
	}
	if (!sms) {
		set_error(r, "短信不可用 (SMS unavailable)");
		fail(r, rs->stats);
		return SUCCESS;
	}
	return plan_sms(rs, r);
}

/* Puts note (the WeChat refusal) in front of whatever the SMS attempt wrote. */
static void prefix_note(notice_row *r, zend_string *note, bool keep_rest)
{
	smart_str_0(&r->error);
	zend_string *rest = keep_rest && r->error.s ? zend_string_copy(r->error.s) : NULL;
	smart_str_free(&r->error);
	smart_str_append(&r->error, note);
	if (rest) {
		smart_str_appends(&r->error, "；");
		smart_str_append(&r->error, rest);
		zend_string_release(rest);
	}
}

/* WeChat cannot reach the person: SMS when allowed, else the refusal is final. */
static zend_result fall_back(run_state *rs, notice_row *r)
{
	if (!zend_string_equals_literal(r->channel, "auto") || !rs->cfg->sms_fallback || !sms_possible(rs->cfg, r)) {
		fail(r, rs->stats);
		return SUCCESS;
	}
	smart_str_0(&r->error);
	zend_string *why = r->error.s ? zend_string_copy(r->error.s) : ZSTR_EMPTY_ALLOC();
	zend_string *note = zend_strpprintf(0, "微信未送达（%s），已改发短信 (fell back to SMS)", ZSTR_VAL(why));
	zend_string_release(why);
	r->fell_back = true;
	rs->stats->fallback++;
	cloudacct_http_exchange_free(r->ex);
	r->ex = NULL;
	zend_result rc = plan_sms(rs, r);
	/* Planning may already have failed or deferred the SMS (bad phone, rate limit). */
	prefix_note(r, note, r->done);
	zend_string_release(note);
	return rc;
}

static zend_result read_answer(run_state *rs, notice_row *r)
{
	smart_str_0(&r->error);
	zend_string *note = r->fell_back && r->error.s ? zend_string_copy(r->error.s) : NULL;
	cloudacct_notice_action a = r->stage == CHANNEL_WECHAT ? cloudacct_notice_read_wechat(r)
														   : cloudacct_notice_read_sms(rs->cfg, r);
	if (note) {
		prefix_note(r, note, a != CLOUDACCT_NOTICE_SENT);
		zend_string_release(note);
	}
	switch (a) {
	case CLOUDACCT_NOTICE_SENT:
		sent(r);
		rs->stats->sent++;
		return SUCCESS;
	case CLOUDACCT_NOTICE_REFRESH_TOKEN:
		if (r->token_refreshed) {
			retry_later(rs->cfg, r, rs->stats);
		} else {
			r->wants_token_refresh = true;
		}
		return SUCCESS;
	case CLOUDACCT_NOTICE_FALLBACK:
		return fall_back(rs, r);
	case CLOUDACCT_NOTICE_DEFER_DAY:
		defer_until(r, next_beijing_midnight(rs->cfg->now) + 300, rs->stats);
		return SUCCESS;
	case CLOUDACCT_NOTICE_DEFER_HOUR:
		defer_until(r, rs->cfg->now + 3600, rs->stats);
		return SUCCESS;
	case CLOUDACCT_NOTICE_FAIL:
		fail(r, rs->stats);
		return SUCCESS;
	case CLOUDACCT_NOTICE_RETRY:
	default:
		retry_later(rs->cfg, r, rs->stats);
		return SUCCESS;
	}
}

/* Rows whose token was stale: one forced refresh per run, then they go again. */
static void refresh_and_resend(run_state *rs, notice_row *rows, size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		any |= rows[i].wants_token_refresh;
	}
	if (!any) {
		return;
	}
	smart_str why = {0};
	bool ok = !rs->token_refreshed && fetch_token(rs, true, &why);
	rs->token_refreshed = true;
	rs->stats->token_refreshes += ok;
	for (size_t i = 0; i < n; i++) {
		notice_row *r = &rows[i];
		if (!r->wants_token_refresh) {
			continue;
		}
		r->wants_token_refresh = false;
		r->token_refreshed = true;
		if (!ok) {
			smart_str_0(&why);
			if (why.s) {
				set_error(r, "%s", ZSTR_VAL(why.s));
			}
			retry_later(rs->cfg, r, rs->stats);
		} else if (!cloudacct_notice_build_wechat(rs->cfg, r, rs->token)) {
			fail(r, rs->stats);
		}
	}
	smart_str_free(&why);
}

static zend_result send_rounds(run_state *rs, notice_row *rows, size_t n)
{
	cloudacct_http_exchange **batch = safe_emalloc(n + 1, sizeof(*batch), 0);
	zend_result rc = SUCCESS;

	for (int round = 0; round < MAX_ROUNDS && rc == SUCCESS; round++) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			if (!rows[i].done && rows[i].ex) {
				batch[k++] = rows[i].ex;
			}
		}
		if (k == 0) {
			break;
		}
		if (cloudacct_http_perform(&rs->sender->http, batch, k) == FAILURE) {
			zend_throw_error(NULL, "libcurl could not be initialised");
			rc = FAILURE;
			break;
		}
		for (size_t i = 0; i < k && rc == SUCCESS; i++) {
			notice_row *r = batch[i]->user;
			/* Decides the row, or gives it a new exchange (SMS fallback), or asks for a token. */
			rc = read_answer(rs, r);
		}
		refresh_and_resend(rs, rows, n);
	}
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].done) {
			set_error(&rows[i], "本轮未能完成发送，稍后重试 (not finished in this run)");
			retry_later(rs->cfg, &rows[i], rs->stats);
		}
	}
	efree(batch);
	return rc;
}

/* ---------------------------------------------------------------- marking */

typedef struct {
	cloudacct_store *store;
	notice_row *rows;
	size_t n;
	const char *owner;
	zend_long now;
} mark_ctx;

static zend_result mark_body(cloudacct_connection *c, void *ctx_)
{
	mark_ctx *ctx = ctx_;
	for (size_t i = 0; i < ctx->n; i++) {
		notice_row *r = &ctx->rows[i];
		smart_str_0(&r->error);
		zend_string *err = r->error.s ? r->error.s : ZSTR_EMPTY_ALLOC();
		/* last_error is VARCHAR(255): cut on a character boundary. */
		size_t elen = ZSTR_LEN(err);
		size_t chars = 0, cut = 0;
		while (cut < elen && chars < 250) {
			cut++;
			while (cut < elen && ((unsigned char) ZSTR_VAL(err)[cut] & 0xc0) == 0x80) {
				cut++;
			}
			chars++;
		}
		bool is_sent = strcmp(r->status, "sent") == 0;
		cloudacct_param p[] = {
			CLOUDACCT_PARAM_STR(r->status, strlen(r->status)),
			CLOUDACCT_PARAM_STR(channel_name(r->stage), strlen(channel_name(r->stage))),
			r->address ? CLOUDACCT_PARAM_ZSTR(r->address) : CLOUDACCT_PARAM_STR("", 0),
			CLOUDACCT_PARAM_STR(r->sent_channel, strlen(r->sent_channel)),
			r->provider_ref ? CLOUDACCT_PARAM_ZSTR(r->provider_ref) : CLOUDACCT_PARAM_STR("", 0),
			CLOUDACCT_PARAM_LONG(is_sent ? ctx->now : 0),
			CLOUDACCT_PARAM_LONG(r->next_at),
			CLOUDACCT_PARAM_LONG(r->attempts_out),
			CLOUDACCT_PARAM_STR(ZSTR_VAL(err), cut),
			CLOUDACCT_PARAM_LONG(ctx->now),
			CLOUDACCT_PARAM_LONG(ctx->store->uniacid),
			CLOUDACCT_PARAM_LONG(r->id),
			CLOUDACCT_PARAM_STR(ctx->owner, 16),
		};
		if (CLOUDACCT_DB_RUN(c,
				"UPDATE {outbox} SET status = ?, stage = ?, address = ?, sent_channel = ?, provider_ref = ?, sent_at = ?,"
				" next_attempt_at = ?, attempts = ?, last_error = ?, lease_owner = NULL, lease_until = 0, updated_at = ?"
				" WHERE uniacid = ? AND id = ? AND lease_owner = ?",
				p, 13, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
	}
	return SUCCESS;
}

/* ---------------------------------------------------------------- run */

static void new_owner(char out[17])
{
	unsigned char raw[8];
	if (RAND_bytes(raw, sizeof(raw)) != 1) {
		php_random_bytes_silent(raw, sizeof(raw));
	}
	cloudacct_hex(raw, sizeof(raw), out);
}

/* A dunning reminder asks to be checked right before it goes out (money.h): the client may have
 * paid since it was queued. Then it is cancelled, never sent. */
static zend_result recheck(run_state *rs, notice_row *r)
{
	zval *what = Z_TYPE(r->payload) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL(r->payload), ZEND_STRL("recheck")) : NULL;
	if (!what || Z_TYPE_P(what) != IS_STRING || !zend_string_equals_literal(Z_STR_P(what), CLOUDACCT_MONEY_RECHECK)) {
		return SUCCESS;
	}
	zval *ids = zend_hash_str_find(Z_ARRVAL(r->payload), ZEND_STRL("bill_ids")), *id;
	zend_long list[100];
	size_t n = 0;
	bool due = false;
	if (ids && Z_TYPE_P(ids) == IS_ARRAY) {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ids), id) {
			if (Z_TYPE_P(id) == IS_LONG && n < sizeof(list) / sizeof(list[0])) {
				list[n++] = Z_LVAL_P(id);
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (cloudacct_money_bills_still_due(rs->store, list, n, &due) == FAILURE) {
		return FAILURE;
	}
	if (!due) {
		set_error(r, "账单已缴清或已取消，提醒不再发送 (the bills are no longer due)");
		outcome(r, "cancelled", "", 0);
		rs->stats->cancelled++;
	}
	return SUCCESS;
}

/* Expands fan-out rows (marked done) and resolves the others' addresses. */
static zend_result prepare(run_state *rs, notice_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		notice_row *r = &rows[i];
		bool pool = zend_string_equals_literal(r->kind, "staff_pool");
		zend_long children = 0;
		if (!pool && !zend_string_equals_literal(r->kind, "admin")) {
			continue;
		}
		if ((pool ? expand_pool(rs->store, rs->cfg, r, &children) : expand_admin(rs->store, rs->cfg, r, &children))
			== FAILURE) {
			return FAILURE;
		}
		rs->stats->expanded += children;
		outcome(r, "sent", pool ? "fanout" : "inbox", 0);
		rs->stats->sent++;
	}
	if (resolve_kind(rs->store, rows, n, "client", false) == FAILURE) {
		return FAILURE;
	}
	return resolve_kind(rs->store, rows, n, "staff", true);
}

static zend_result run_batch(run_state *rs, zend_long limit, zend_long *claimed)
{
	zval rows_zv, *row;
	char owner[17];
	size_t n = 0, i = 0;
	zend_result rc = SUCCESS;

	new_owner(owner);
	if (claim(rs->store, rs->sender, rs->cfg, owner, limit, &rows_zv) == FAILURE) {
		return FAILURE;
	}
	n = zend_hash_num_elements(Z_ARRVAL(rows_zv));
	*claimed = (zend_long) n;
	if (n == 0) {
		zval_ptr_dtor(&rows_zv);
		return SUCCESS;
	}
	notice_row *rows = safe_emalloc(n, sizeof(notice_row), 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows_zv), row) {
		row_from_db(&rows[i++], Z_ARRVAL_P(row));
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows_zv);
	rs->stats->claimed += (zend_long) n;

	rc = prepare(rs, rows, n);
	for (i = 0; i < n && rc == SUCCESS; i++) {
		if (!rows[i].done) {
			rc = recheck(rs, &rows[i]);
		}
	}
	zend_long quiet_end = quiet_until(rs->cfg);
	for (i = 0; i < n && rc == SUCCESS; i++) {
		if (!rows[i].done) {
			rc = plan(rs, &rows[i], quiet_end);
		}
	}
	if (rc == SUCCESS) {
		rc = send_rounds(rs, rows, n);
	}
	if (rc == SUCCESS) {
		/* Unmarked rows are not lost: their lease expires and another run sends them again. */
		mark_ctx ctx = { rs->store, rows, n, owner, rs->cfg->now };
		rc = cloudacct_db_transaction(rs->store->db, mark_body, &ctx, 0);
	}
	for (i = 0; i < n; i++) {
		row_free(&rows[i]);
	}
	efree(rows);
	return rc;
}

ZEND_METHOD(CloudAcct_Notices_Sender, run)
{
	zend_long limit = 200, claimed = 0;
	sender_stats stats = {0};
	notice_config cfg = {0};

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(limit)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_sender *s = sender_from_obj(Z_OBJ_P(ZEND_THIS));
	if (!s->store_obj) {
		zend_throw_error(NULL, "CloudAcct\\Notices\\Sender 未初始化 (not constructed)");
		RETURN_THROWS();
	}
	if (limit < 1 || limit > 10000) {
		zend_argument_value_error(1, "must be between 1 and 10000");
		RETURN_THROWS();
	}
	cloudacct_store *st = cloudacct_store_from_obj(s->store_obj);
	if (cloudacct_db_in_transaction(st->db)) {
		/* Claims must commit at once, and sending inside someone's transaction would hold its locks
		 * for the length of the network calls. */
		zend_throw_error(NULL, "Sender::run() 不能在事务中调用 (must not run inside a transaction)");
		RETURN_THROWS();
	}
	run_state rs = { .sender = s, .store = st, .cfg = &cfg, .stats = &stats };
	zend_hash_init(&rs.sms_counts, 8, NULL, NULL, 0);
	zend_result rc = load_config(st, s, &cfg);
	if (rc == SUCCESS) {
		rc = reclaim(st, &cfg, &stats);
	}
	/* A second pass picks up the rows fan-out just created, within the same limit. */
	for (int pass = 0; pass < 2 && rc == SUCCESS && limit > 0; pass++) {
		zend_long before = stats.expanded;
		rc = run_batch(&rs, limit, &claimed);
		limit -= claimed;
		if (stats.expanded == before) {
			break;
		}
	}
	if (rs.token) {
		zend_string_release(rs.token);
	}
	if (rs.token_error) {
		zend_string_release(rs.token_error);
	}
	zend_hash_destroy(&rs.sms_counts);
	zval_ptr_dtor(&cfg.values);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, 10);
	add_assoc_long(return_value, "claimed", stats.claimed);
	add_assoc_long(return_value, "sent", stats.sent);
	add_assoc_long(return_value, "retried", stats.retried);
	add_assoc_long(return_value, "deferred", stats.deferred);
	add_assoc_long(return_value, "failed", stats.failed);
	add_assoc_long(return_value, "fallback", stats.fallback);
	add_assoc_long(return_value, "expanded", stats.expanded);
	add_assoc_long(return_value, "reclaimed", stats.reclaimed);
	add_assoc_long(return_value, "token_refreshes", stats.token_refreshes);
	add_assoc_long(return_value, "cancelled", stats.cancelled);
}

void cloudacct_sender_minit(zend_class_entry *ce)
{
	cloudacct_ce_Sender = ce;
	ce->create_object = sender_create;
	memcpy(&sender_handlers, zend_get_std_object_handlers(), sizeof(sender_handlers));
	sender_handlers.offset = XtOffsetOf(cloudacct_sender, std);
	sender_handlers.free_obj = sender_free;
	sender_handlers.get_gc = sender_get_gc;
	sender_handlers.clone_obj = NULL;
	sender_handlers.compare = zend_objects_not_comparable;
}
