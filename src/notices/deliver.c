/* The sender's channels (notices_int.h): render an outbox row into a WeChat or SMS request,
 * read the answer into an action. Signing and bodies come from wechat.c and sms.c. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "ext/random/php_random.h"
#include <openssl/rand.h>
#include "notices_int.h"
#include "buf.h"
#include "sms.h"
#include "wechat.h"
#include "../crypto/crypto.h"

#define WECHAT_HOST "api.weixin.qq.com"
#define MAX_FIELDS 20

void cloudacct_notice_ref(const notice_config *cfg, const notice_row *r, char out[32])
{
	snprintf(out, 32, "ca%ld-%ld", (long) cfg->uniacid, (long) r->id);
}

zend_string *cloudacct_notice_cfg_str(const notice_config *cfg, const char *name)
{
	zval *v = zend_hash_str_find(Z_ARRVAL(cfg->values), name, strlen(name));
	return v && Z_TYPE_P(v) == IS_STRING ? Z_STR_P(v) : ZSTR_EMPTY_ALLOC();
}

zend_long cloudacct_notice_cfg_long(const notice_config *cfg, const char *name)
{
	zval *v = zend_hash_str_find(Z_ARRVAL(cfg->values), name, strlen(name));
	return v ? zval_get_long(v) : 0;
}

HashTable *cloudacct_notice_mapping(const notice_config *cfg, zend_string *template_key, const char *channel)
{
	zval *all = zend_hash_str_find(Z_ARRVAL(cfg->values), ZEND_STRL("notice_templates"));
	zval *event = all && Z_TYPE_P(all) == IS_ARRAY ? zend_hash_find(Z_ARRVAL_P(all), template_key) : NULL;
	zval *m = event && Z_TYPE_P(event) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(event), channel, strlen(channel)) : NULL;
	return m && Z_TYPE_P(m) == IS_ARRAY ? Z_ARRVAL_P(m) : NULL;
}

static zend_string *mapping_str(HashTable *m, const char *key)
{
	zval *v = zend_hash_str_find(m, key, strlen(key));
	return v && Z_TYPE_P(v) == IS_STRING && Z_STRLEN_P(v) > 0 ? Z_STR_P(v) : NULL;
}

static void fail_reason(notice_row *r, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
static void fail_reason(notice_row *r, const char *fmt, ...)
{
	va_list ap;
	smart_str_free(&r->error);
	va_start(ap, fmt);
	zend_string *s = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	smart_str_append(&r->error, s);
	zend_string_release(s);
}

/* "{name}" → the payload's scalar name (percent-encoded inside URLs); any other text as is. */
static zend_string *render_ex(const notice_row *r, zend_string *tpl, smart_str *err, bool in_url)
{
	smart_str out = {0};
	const char *p = ZSTR_VAL(tpl), *end = p + ZSTR_LEN(tpl);

	while (p < end) {
		const char *open = memchr(p, '{', (size_t) (end - p));
		const char *close = open ? memchr(open, '}', (size_t) (end - open)) : NULL;
		size_t name_len = close ? (size_t) (close - open - 1) : 0;
		if (!open || !close || name_len == 0 || name_len > 64) {
			smart_str_appendl(&out, p, (size_t) (end - p));
			break;
		}
		smart_str_appendl(&out, p, (size_t) (open - p));
		zval *v = Z_TYPE(r->payload) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL(r->payload), open + 1, name_len) : NULL;
		if (!v || (Z_TYPE_P(v) != IS_STRING && Z_TYPE_P(v) != IS_LONG && Z_TYPE_P(v) != IS_DOUBLE)) {
			smart_str_append_printf(err, "模板引用了通知内容中没有的字段 {%.*s} (payload lacks \"%.*s\")", (int) name_len,
				open + 1, (int) name_len, open + 1);
			smart_str_free(&out);
			return NULL;
		}
		zend_string *s = zval_get_string(v);
		if (in_url) {
			cloudacct_buf enc = {0};
			cloudacct_buf_percent(&enc, ZSTR_VAL(s), ZSTR_LEN(s));
			smart_str_appendl(&out, cloudacct_buf_str(&enc), enc.len);
			cloudacct_buf_free(&enc);
		} else {
			smart_str_append(&out, s);
		}
		zend_string_release(s);
		p = close + 1;
	}
	smart_str_0(&out);
	return out.s ? out.s : ZSTR_EMPTY_ALLOC();
}

static zend_string *render(const notice_row *r, zend_string *tpl, smart_str *err)
{
	return render_ex(r, tpl, err, false);
}

static zend_string *url_with_token(const notice_config *cfg, const char *path, zend_string *token)
{
	cloudacct_buf enc = {0};
	cloudacct_buf_percent(&enc, ZSTR_VAL(token), ZSTR_LEN(token));
	zend_string *url = zend_strpprintf(0, "%s://" WECHAT_HOST "%s?access_token=%s", cfg->plain_http ? "http" : "https",
		path, cloudacct_buf_str(&enc));
	cloudacct_buf_free(&enc);
	return url;
}

static void set_address(notice_row *r, zend_string *address)
{
	if (r->address) {
		zend_string_release(r->address);
	}
	r->address = zend_string_copy(address);
}

static void new_exchange(notice_row *r, const char *method, zend_string *url, const char *body, size_t len)
{
	if (r->ex) {
		cloudacct_http_exchange_free(r->ex);
	}
	r->ex = cloudacct_http_exchange_new(method, ZSTR_VAL(url), ZSTR_LEN(url));
	r->ex->user = r;
	if (body) {
		cloudacct_http_exchange_body(r->ex, zend_string_init(body, len, 0));
	}
}

/* Rendered keyword values; owned until the body is built. */
typedef struct {
	cloudacct_wx_field fields[MAX_FIELDS];
	zend_string *keys[MAX_FIELDS];
	cloudacct_buf values[MAX_FIELDS];
	size_t n;
} wx_fields;

static void wx_fields_free(wx_fields *f)
{
	for (size_t i = 0; i < f->n; i++) {
		zend_string_release(f->keys[i]);
		cloudacct_buf_free(&f->values[i]);
	}
}

static bool wx_render_data(notice_row *r, HashTable *data, wx_fields *f)
{
	zend_string *key;
	zval *tpl;

	ZEND_HASH_FOREACH_STR_KEY_VAL(data, key, tpl) {
		const char *reason = NULL;
		if (!key || Z_TYPE_P(tpl) != IS_STRING || f->n == MAX_FIELDS) {
			fail_reason(r, "微信模板字段设置有误：data 须为字段名到内容的对象，最多 %d 个 (bad data mapping)", MAX_FIELDS);
			return false;
		}
		smart_str err = {0};
		zend_string *value = render(r, Z_STR_P(tpl), &err);
		if (!value) {
			smart_str_0(&err);
			fail_reason(r, "字段 %s：%s", ZSTR_VAL(key), ZSTR_VAL(err.s));
			smart_str_free(&err);
			return false;
		}
		cloudacct_buf *out = &f->values[f->n];
		memset(out, 0, sizeof(*out));
		bool ok = cloudacct_wx_value(ZSTR_VAL(key), ZSTR_VAL(value), ZSTR_LEN(value), true, out, &reason);
		zend_string_release(value);
		if (!ok) {
			cloudacct_buf_free(out);
			fail_reason(r, "字段 %s 不符合微信模板规则：%s (field over the limit or malformed)", ZSTR_VAL(key), reason);
			return false;
		}
		f->keys[f->n] = zend_string_copy(key);
		f->fields[f->n].key = ZSTR_VAL(key);
		f->fields[f->n].value = cloudacct_buf_str(out);
		f->n++;
	} ZEND_HASH_FOREACH_END();
	if (f->n == 0) {
		fail_reason(r, "微信模板没有设置字段 (no data fields)");
		return false;
	}
	return true;
}

/* An optional URL or page of the mapping rendered, or NULL (also on error, with r->error set). */
static zend_string *render_opt(notice_row *r, HashTable *m, const char *name, bool *failed)
{
	zend_string *tpl = mapping_str(m, name);
	if (!tpl) {
		return NULL;
	}
	smart_str err = {0};
	zend_string *v = render_ex(r, tpl, &err, true);
	if (!v) {
		smart_str_0(&err);
		fail_reason(r, "%s：%s", name, ZSTR_VAL(err.s));
		smart_str_free(&err);
		*failed = true;
	}
	return v;
}

bool cloudacct_notice_build_wechat(const notice_config *cfg, notice_row *r, zend_string *token)
{
	HashTable *m = cloudacct_notice_mapping(cfg, r->template_key, "wechat");
	zval *data = m ? zend_hash_str_find(m, ZEND_STRL("data")) : NULL;
	zend_string *template_id = m ? mapping_str(m, "template_id") : NULL;
	wx_fields f = {0};
	bool failed = false;

	if (!template_id || !data || Z_TYPE_P(data) != IS_ARRAY) {
		fail_reason(r, "事件 %s 的微信模板设置不完整（需要 template_id 和 data）(incomplete wechat mapping)",
			ZSTR_VAL(r->template_key));
		return false;
	}
	if (!wx_render_data(r, Z_ARRVAL_P(data), &f)) {
		wx_fields_free(&f);
		return false;
	}
	zend_string *url = render_opt(r, m, "url", &failed);
	zend_string *page = failed ? NULL : render_opt(r, m, cfg->wechat_subscribe ? "page" : "pagepath", &failed);
	if (failed) {
		wx_fields_free(&f);
		if (url) {
			zend_string_release(url);
		}
		return false;
	}
	char ref[32];
	cloudacct_notice_ref(cfg, r, ref);
	zend_string *mp_appid = cloudacct_notice_cfg_str(cfg, "notice_mp_appid");
	zend_string *mp_state = cloudacct_notice_cfg_str(cfg, "notice_mp_state");
	cloudacct_wx_message msg = {
		.touser = ZSTR_VAL(r->openid),
		.template_id = ZSTR_VAL(template_id),
		.url = url ? ZSTR_VAL(url) : NULL,
		.mp_appid = page && ZSTR_LEN(mp_appid) ? ZSTR_VAL(mp_appid) : NULL,
		.mp_pagepath = page ? ZSTR_VAL(page) : NULL,
		.client_msg_id = ref,
		.page = page ? ZSTR_VAL(page) : NULL,
		.miniprogram_state = ZSTR_LEN(mp_state) ? ZSTR_VAL(mp_state) : NULL,
		.data = f.fields,
		.n_data = f.n,
	};
	cloudacct_buf body = {0};
	if (cfg->wechat_subscribe) {
		cloudacct_wx_subscribe_body(&body, &msg);
	} else {
		cloudacct_wx_template_body(&body, &msg);
	}
	zend_string *endpoint = url_with_token(cfg,
		cfg->wechat_subscribe ? "/cgi-bin/message/subscribe/send" : "/cgi-bin/message/template/send", token);
	new_exchange(r, "POST", endpoint, cloudacct_buf_str(&body), body.len);
	cloudacct_http_exchange_header(r->ex, "Content-Type: application/json");
	set_address(r, r->openid);
	zend_string_release(endpoint);
	cloudacct_buf_free(&body);
	wx_fields_free(&f);
	if (url) {
		zend_string_release(url);
	}
	if (page) {
		zend_string_release(page);
	}
	return true;
}

/* The first bytes of a vendor message, cut on a UTF-8 boundary, for last_error. */
static void append_vendor_text(smart_str *s, const char *text, size_t len)
{
	size_t n = len > 120 ? 120 : len;
	while (n > 0 && n < len && ((unsigned char) text[n] & 0xc0) == 0x80) {
		n--;
	}
	smart_str_appendl(s, text, n);
}

static void transport_reason(notice_row *r, const char *vendor)
{
	smart_str_free(&r->error);
	smart_str_append_printf(&r->error, "%s：%s", vendor, cloudacct_http_result_reason(r->ex->result));
	if (r->ex->status) {
		smart_str_append_printf(&r->error, " HTTP %ld", r->ex->status);
	}
}

/* The answer body as a JSON object, or false. */
static bool answer_json(const cloudacct_http_exchange *ex, zval *out)
{
	if (!ex->response.s || php_json_decode_ex(out, ZSTR_VAL(ex->response.s), ZSTR_LEN(ex->response.s),
							   PHP_JSON_OBJECT_AS_ARRAY, 32) == FAILURE) {
		ZVAL_UNDEF(out);
		return false;
	}
	if (Z_TYPE_P(out) != IS_ARRAY) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		return false;
	}
	return true;
}

static void set_ref(notice_row *r, zval *v)
{
	if (v && (Z_TYPE_P(v) == IS_STRING || Z_TYPE_P(v) == IS_LONG)) {
		zend_string *s = zval_get_string(v);
		if (ZSTR_LEN(s) > 64) {
			zend_string_release(s);
			return;
		}
		if (r->provider_ref) {
			zend_string_release(r->provider_ref);
		}
		r->provider_ref = s;
	}
}

cloudacct_notice_action cloudacct_notice_read_wechat(notice_row *r)
{
	zval json, *code, *msg;
	const char *reason;

	if (r->ex->result != CLOUDACCT_HTTP_OK) {
		transport_reason(r, "微信");
		return CLOUDACCT_NOTICE_RETRY;
	}
	if (!answer_json(r->ex, &json) || !(code = zend_hash_str_find(Z_ARRVAL(json), ZEND_STRL("errcode")))
		|| Z_TYPE_P(code) != IS_LONG) {
		if (Z_TYPE(json) != IS_UNDEF) {
			zval_ptr_dtor(&json);
		}
		fail_reason(r, "微信返回了无法解析的应答 (malformed JSON reply)");
		return CLOUDACCT_NOTICE_RETRY;
	}
	cloudacct_notice_action action = cloudacct_wx_classify((long) Z_LVAL_P(code), &reason);
	smart_str_free(&r->error);
	if (action != CLOUDACCT_NOTICE_SENT) {
		smart_str_append_printf(&r->error, "微信 errcode %ld：%s", (long) Z_LVAL_P(code), reason);
		msg = zend_hash_str_find(Z_ARRVAL(json), ZEND_STRL("errmsg"));
		if (msg && Z_TYPE_P(msg) == IS_STRING && Z_STRLEN_P(msg)) {
			smart_str_appends(&r->error, " — ");
			append_vendor_text(&r->error, Z_STRVAL_P(msg), Z_STRLEN_P(msg));
		}
	} else {
		set_ref(r, zend_hash_str_find(Z_ARRVAL(json), ZEND_STRL("msgid")));
	}
	zval_ptr_dtor(&json);
	return action;
}

/* SMS template parameters rendered: a list for Tencent, an object for Aliyun. */
static bool sms_params(notice_row *r, HashTable *m, bool as_object, zval *out)
{
	zval *params = zend_hash_str_find(m, ZEND_STRL("params"));
	zend_string *key;
	zval *tpl;

	array_init(out);
	if (!params) {
		return true;
	}
	if (Z_TYPE_P(params) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(params)) > 16
		|| (as_object == zend_array_is_list(Z_ARRVAL_P(params)) && zend_hash_num_elements(Z_ARRVAL_P(params)) > 0)) {
		fail_reason(r, "短信模板变量设置有误：%s (bad params mapping)",
			as_object ? "阿里云须为变量名到内容的对象" : "腾讯云须为按顺序的列表");
		return false;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(params), key, tpl) {
		smart_str err = {0};
		zend_string *v = Z_TYPE_P(tpl) == IS_STRING ? render(r, Z_STR_P(tpl), &err) : NULL;
		if (!v) {
			smart_str_0(&err);
			fail_reason(r, "短信模板变量：%s", err.s ? ZSTR_VAL(err.s) : "须为字符串 (must be a string)");
			smart_str_free(&err);
			return false;
		}
		if (key) {
			add_assoc_str_ex(out, ZSTR_VAL(key), ZSTR_LEN(key), v);
		} else {
			add_next_index_str(out, v);
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

static zend_string *sms_url(const notice_config *cfg, const char *host, const char *path_query)
{
	return zend_strpprintf(0, "%s://%s/%s", cfg->plain_http ? "http" : "https", host, path_query);
}

static bool build_tencent(const notice_config *cfg, notice_row *r, HashTable *m, const char *phone)
{
	zval params, *p;
	const char *list[16];
	size_t n = 0;
	char ref[32], ts[24];

	if (!sms_params(r, m, false, &params)) {
		zval_ptr_dtor(&params);
		return false;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(params), p) {
		list[n++] = Z_STRVAL_P(p);
	} ZEND_HASH_FOREACH_END();
	cloudacct_notice_ref(cfg, r, ref);
	cloudacct_buf body = {0}, auth = {0};
	cloudacct_tencent_sms_body(&body, phone, ZSTR_VAL(cloudacct_notice_cfg_str(cfg, "sms_sdk_app_id")),
		ZSTR_VAL(cloudacct_notice_cfg_str(cfg, "sms_sign_name")), ZSTR_VAL(mapping_str(m, "template_id")), list, n, ref);
	cloudacct_tc3_request req = {
		.secret_id = ZSTR_VAL(cloudacct_notice_cfg_str(cfg, "sms_secret_id")),
		.secret_key = ZSTR_VAL(cloudacct_notice_cfg_str(cfg, "sms_secret_key")),
		.host = CLOUDACCT_TENCENT_SMS_HOST,
		.service = "sms",
		.action = "SendSms",
		.timestamp = cfg->now,
	};
	cloudacct_tc3_authorization(&auth, &req, cloudacct_buf_str(&body), body.len);
	zend_string *url = sms_url(cfg, CLOUDACCT_TENCENT_SMS_HOST, "");
	new_exchange(r, "POST", url, cloudacct_buf_str(&body), body.len);
	zend_string_release(url);
	cloudacct_http_exchange_header(r->ex, "Content-Type: " CLOUDACCT_TC3_CONTENT_TYPE);
	cloudacct_http_exchange_header(r->ex, "X-TC-Action: SendSms");
	cloudacct_http_exchange_header(r->ex, "X-TC-Version: " CLOUDACCT_TENCENT_SMS_VERSION);
	snprintf(ts, sizeof(ts), "%ld", (long) cfg->now);
	zend_string *h = zend_strpprintf(0, "X-TC-Timestamp: %s", ts);
	cloudacct_http_exchange_header(r->ex, ZSTR_VAL(h));
	zend_string_release(h);
	h = zend_strpprintf(0, "X-TC-Region: %s", ZSTR_VAL(cloudacct_notice_cfg_str(cfg, "sms_region")));
	cloudacct_http_exchange_header(r->ex, ZSTR_VAL(h));
	zend_string_release(h);
	h = zend_strpprintf(0, "Authorization: %s", cloudacct_buf_str(&auth));
	cloudacct_http_exchange_header(r->ex, ZSTR_VAL(h));
	zend_string_release(h);
	cloudacct_buf_free(&body);
	cloudacct_buf_free(&auth);
	zval_ptr_dtor(&params);
	return true;
}

static void random_hex(char *out, size_t bytes)
{
	unsigned char raw[32];
	if (RAND_bytes(raw, (int) bytes) != 1) {
		php_random_bytes_silent(raw, bytes);
	}
	cloudacct_hex(raw, bytes, out);
}

/* TemplateParam is a JSON string of the rendered object; {} when the template has no variables. */
static void aliyun_template_param(zval *params, cloudacct_buf *out)
{
	zend_string *k;
	zval *v;
	bool first = true;
	cloudacct_buf_appendc(out, '{');
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(params), k, v) {
		if (!first) {
			cloudacct_buf_appendc(out, ',');
		}
		first = false;
		cloudacct_buf_json_string(out, ZSTR_VAL(k), ZSTR_LEN(k));
		cloudacct_buf_appendc(out, ':');
		cloudacct_buf_json_string(out, Z_STRVAL_P(v), Z_STRLEN_P(v));
	} ZEND_HASH_FOREACH_END();
	cloudacct_buf_appendc(out, '}');
}

static bool build_aliyun(const notice_config *cfg, notice_row *r, HashTable *m, const char *phone)
{
	zval params;
	char ref[32], nonce[33], date[21];
	cloudacct_buf tp = {0}, query = {0}, auth = {0};
	bool rpc = zend_string_equals_literal(cloudacct_notice_cfg_str(cfg, "sms_aliyun_signature"), "rpc");
	zend_string *key_id = cloudacct_notice_cfg_str(cfg, "sms_secret_id");
	zend_string *secret = cloudacct_notice_cfg_str(cfg, "sms_secret_key");

	if (!sms_params(r, m, true, &params)) {
		zval_ptr_dtor(&params);
		return false;
	}
	aliyun_template_param(&params, &tp);
	zval_ptr_dtor(&params);
	cloudacct_notice_ref(cfg, r, ref);
	random_hex(nonce, 16);
	cloudacct_utc_iso8601(cfg->now, date);
	cloudacct_kv kv[16];
	size_t n = 0;
	kv[n++] = (cloudacct_kv){ "PhoneNumbers", phone };
	kv[n++] = (cloudacct_kv){ "SignName", ZSTR_VAL(cloudacct_notice_cfg_str(cfg, "sms_sign_name")) };
	kv[n++] = (cloudacct_kv){ "TemplateCode", ZSTR_VAL(mapping_str(m, "template_id")) };
	kv[n++] = (cloudacct_kv){ "TemplateParam", cloudacct_buf_str(&tp) };
	kv[n++] = (cloudacct_kv){ "OutId", ref };
	if (rpc) {
		/* RPC v1: every parameter in a signed form body. */
		kv[n++] = (cloudacct_kv){ "AccessKeyId", ZSTR_VAL(key_id) };
		kv[n++] = (cloudacct_kv){ "Action", "SendSms" };
		kv[n++] = (cloudacct_kv){ "Format", "JSON" };
		kv[n++] = (cloudacct_kv){ "RegionId", "cn-hangzhou" };
		kv[n++] = (cloudacct_kv){ "SignatureMethod", "HMAC-SHA1" };
		kv[n++] = (cloudacct_kv){ "SignatureNonce", nonce };
		kv[n++] = (cloudacct_kv){ "SignatureVersion", "1.0" };
		kv[n++] = (cloudacct_kv){ "Timestamp", date };
		kv[n++] = (cloudacct_kv){ "Version", CLOUDACCT_ALIYUN_SMS_VERSION };
		char sig[29];
		cloudacct_aliyun_canonical_query(&query, kv, n);
		cloudacct_aliyun_rpc_signature("POST", cloudacct_buf_str(&query), query.len, ZSTR_VAL(secret), sig);
		cloudacct_buf_appends(&query, "&Signature=");
		cloudacct_buf_percent(&query, sig, strlen(sig));
		zend_string *url = sms_url(cfg, CLOUDACCT_ALIYUN_SMS_HOST, "");
		new_exchange(r, "POST", url, cloudacct_buf_str(&query), query.len);
		zend_string_release(url);
		cloudacct_http_exchange_header(r->ex, "Content-Type: application/x-www-form-urlencoded");
	} else {
		/* ACS3: parameters in the query, empty body, as the reference's AL-5. */
		char hash[65];
		cloudacct_aliyun_canonical_query(&query, kv, n);
		cloudacct_acs3_request req = {
			.method = "POST",
			.host = CLOUDACCT_ALIYUN_SMS_HOST,
			.action = "SendSms",
			.version = CLOUDACCT_ALIYUN_SMS_VERSION,
			.date = date,
			.nonce = nonce,
			.query = cloudacct_buf_str(&query),
			.payload = "",
			.payload_len = 0,
			.key_id = ZSTR_VAL(key_id),
			.secret = ZSTR_VAL(secret),
		};
		cloudacct_acs3_authorization(&auth, &req, hash);
		zend_string *pq = zend_strpprintf(0, "?%s", cloudacct_buf_str(&query));
		zend_string *url = sms_url(cfg, CLOUDACCT_ALIYUN_SMS_HOST, ZSTR_VAL(pq));
		zend_string_release(pq);
		new_exchange(r, "POST", url, "", 0);
		zend_string_release(url);
		/* curl would add an unsigned x-www-form-urlencoded type; the body is empty. */
		cloudacct_http_exchange_header(r->ex, "Content-Type:");
		const char *names[] = { "x-acs-action: SendSms", "x-acs-version: " CLOUDACCT_ALIYUN_SMS_VERSION };
		for (size_t i = 0; i < 2; i++) {
			cloudacct_http_exchange_header(r->ex, names[i]);
		}
		zend_string *h = zend_strpprintf(0, "x-acs-date: %s", date);
		cloudacct_http_exchange_header(r->ex, ZSTR_VAL(h));
		zend_string_release(h);
		h = zend_strpprintf(0, "x-acs-signature-nonce: %s", nonce);
		cloudacct_http_exchange_header(r->ex, ZSTR_VAL(h));
		zend_string_release(h);
		h = zend_strpprintf(0, "x-acs-content-sha256: %s", hash);
		cloudacct_http_exchange_header(r->ex, ZSTR_VAL(h));
		zend_string_release(h);
		h = zend_strpprintf(0, "Authorization: %s", cloudacct_buf_str(&auth));
		cloudacct_http_exchange_header(r->ex, ZSTR_VAL(h));
		zend_string_release(h);
	}
	cloudacct_http_exchange_header(r->ex, "Accept: application/json");
	cloudacct_buf_free(&tp);
	cloudacct_buf_free(&query);
	cloudacct_buf_free(&auth);
	return true;
}

bool cloudacct_notice_build_sms(const notice_config *cfg, notice_row *r)
{
	HashTable *m = cloudacct_notice_mapping(cfg, r->template_key, "sms");
	char phone[12];

	if (!r->phone || !cloudacct_sms_phone_normalize(ZSTR_VAL(r->phone), ZSTR_LEN(r->phone), phone)) {
		fail_reason(r, "手机号码无效，不是中国大陆手机号 (not a mobile phone number)");
		if (r->phone) {
			set_address(r, r->phone);
		}
		return false;
	}
	if (!m || !mapping_str(m, "template_id")) {
		fail_reason(r, "事件 %s 没有设置短信模板 (no SMS template for this event)", ZSTR_VAL(r->template_key));
		return false;
	}
	zend_string *address = zend_string_init(phone, 11, 0);
	set_address(r, address);
	zend_string_release(address);
	if (zend_string_equals_literal(cloudacct_notice_cfg_str(cfg, "sms_provider"), "tencent")) {
		return build_tencent(cfg, r, m, phone);
	}
	return build_aliyun(cfg, r, m, phone);
}

static cloudacct_notice_action sms_code(notice_row *r, const char *vendor, zval *code, zval *message, bool tencent)
{
	const char *reason;
	zend_string *c = zval_get_string(code);
	cloudacct_notice_action a = tencent ? cloudacct_tencent_classify(ZSTR_VAL(c), &reason)
										: cloudacct_aliyun_classify(ZSTR_VAL(c), &reason);
	smart_str_free(&r->error);
	if (a != CLOUDACCT_NOTICE_SENT) {
		smart_str_append_printf(&r->error, "%s %s：%s", vendor, ZSTR_VAL(c), reason);
		if (message && Z_TYPE_P(message) == IS_STRING && Z_STRLEN_P(message)) {
			smart_str_appends(&r->error, " — ");
			append_vendor_text(&r->error, Z_STRVAL_P(message), Z_STRLEN_P(message));
		}
	}
	zend_string_release(c);
	return a;
}

static cloudacct_notice_action read_tencent(notice_row *r, zval *json)
{
	zval *resp = zend_hash_str_find(Z_ARRVAL_P(json), ZEND_STRL("Response")), *err, *set, *first;
	if (!resp || Z_TYPE_P(resp) != IS_ARRAY) {
		return (cloudacct_notice_action) -1;
	}
	err = zend_hash_str_find(Z_ARRVAL_P(resp), ZEND_STRL("Error"));
	if (err && Z_TYPE_P(err) == IS_ARRAY && zend_hash_str_find(Z_ARRVAL_P(err), ZEND_STRL("Code"))) {
		return sms_code(r, "腾讯云短信", zend_hash_str_find(Z_ARRVAL_P(err), ZEND_STRL("Code")),
			zend_hash_str_find(Z_ARRVAL_P(err), ZEND_STRL("Message")), true);
	}
	set = zend_hash_str_find(Z_ARRVAL_P(resp), ZEND_STRL("SendStatusSet"));
	first = set && Z_TYPE_P(set) == IS_ARRAY ? zend_hash_index_find(Z_ARRVAL_P(set), 0) : NULL;
	if (!first || Z_TYPE_P(first) != IS_ARRAY || !zend_hash_str_find(Z_ARRVAL_P(first), ZEND_STRL("Code"))) {
		return (cloudacct_notice_action) -1;
	}
	cloudacct_notice_action a = sms_code(r, "腾讯云短信", zend_hash_str_find(Z_ARRVAL_P(first), ZEND_STRL("Code")),
		zend_hash_str_find(Z_ARRVAL_P(first), ZEND_STRL("Message")), true);
	if (a == CLOUDACCT_NOTICE_SENT) {
		set_ref(r, zend_hash_str_find(Z_ARRVAL_P(first), ZEND_STRL("SerialNo")));
	}
	return a;
}

static cloudacct_notice_action read_aliyun(notice_row *r, zval *json)
{
	zval *code = zend_hash_str_find(Z_ARRVAL_P(json), ZEND_STRL("Code"));
	if (!code || Z_TYPE_P(code) != IS_STRING) {
		return (cloudacct_notice_action) -1;
	}
	cloudacct_notice_action a = sms_code(r, "阿里云短信", code, zend_hash_str_find(Z_ARRVAL_P(json), ZEND_STRL("Message")), false);
	if (a == CLOUDACCT_NOTICE_SENT) {
		set_ref(r, zend_hash_str_find(Z_ARRVAL_P(json), ZEND_STRL("BizId")));
	}
	return a;
}

cloudacct_notice_action cloudacct_notice_read_sms(const notice_config *cfg, notice_row *r)
{
	bool tencent = zend_string_equals_literal(cloudacct_notice_cfg_str(cfg, "sms_provider"), "tencent");
	const char *vendor = tencent ? "腾讯云短信" : "阿里云短信";
	zval json;

	/* Both vendors put business errors in a JSON body, Aliyun even with 4xx: read it first. */
	if ((r->ex->result == CLOUDACCT_HTTP_OK || r->ex->result == CLOUDACCT_HTTP_E_STATUS) && answer_json(r->ex, &json)) {
		cloudacct_notice_action a = tencent ? read_tencent(r, &json) : read_aliyun(r, &json);
		zval_ptr_dtor(&json);
		if ((int) a >= 0) {
			return a;
		}
	}
	if (r->ex->result == CLOUDACCT_HTTP_OK) {
		fail_reason(r, "%s返回了无法解析的应答 (malformed JSON reply)", vendor);
	} else {
		transport_reason(r, vendor);
	}
	return CLOUDACCT_NOTICE_RETRY;
}

zend_string *cloudacct_notice_stable_token(const cloudacct_http_options *http, bool plain_http, zend_string *appid,
	zend_string *secret, bool force, zend_long *expires_in, smart_str *error)
{
	cloudacct_buf body = {0};
	zend_string *token = NULL;
	zval json, *t, *e;

	cloudacct_buf_appends(&body, "{\"grant_type\":\"client_credential\",\"appid\":");
	cloudacct_buf_json_string(&body, ZSTR_VAL(appid), ZSTR_LEN(appid));
	cloudacct_buf_appends(&body, ",\"secret\":");
	cloudacct_buf_json_string(&body, ZSTR_VAL(secret), ZSTR_LEN(secret));
	cloudacct_buf_appends(&body, force ? ",\"force_refresh\":true}" : ",\"force_refresh\":false}");
	zend_string *url = zend_strpprintf(0, "%s://" WECHAT_HOST "/cgi-bin/stable_token", plain_http ? "http" : "https");
	cloudacct_http_exchange *ex = cloudacct_http_exchange_new("POST", ZSTR_VAL(url), ZSTR_LEN(url));
	zend_string_release(url);
	cloudacct_http_exchange_body(ex, zend_string_init(cloudacct_buf_str(&body), body.len, 0));
	cloudacct_buf_free(&body); /* cleanses the secret */
	cloudacct_http_exchange_header(ex, "Content-Type: application/json");
	cloudacct_http_perform(http, &ex, 1);
	if (ex->result != CLOUDACCT_HTTP_OK) {
		smart_str_append_printf(error, "stable_token：%s", cloudacct_http_result_reason(ex->result));
	} else if (!answer_json(ex, &json)) {
		smart_str_appends(error, "stable_token：无法解析的应答 (malformed JSON reply)");
	} else {
		t = zend_hash_str_find(Z_ARRVAL(json), ZEND_STRL("access_token"));
		e = zend_hash_str_find(Z_ARRVAL(json), ZEND_STRL("expires_in"));
		if (t && Z_TYPE_P(t) == IS_STRING && Z_STRLEN_P(t) > 0) {
			token = zend_string_copy(Z_STR_P(t));
			*expires_in = e ? zval_get_long(e) : 7200;
		} else {
			e = zend_hash_str_find(Z_ARRVAL(json), ZEND_STRL("errcode"));
			smart_str_append_printf(error, "stable_token：errcode %ld", e ? (long) zval_get_long(e) : 0L);
		}
		zval_ptr_dtor(&json);
	}
	/* The request body held the app secret. */
	if (ex->body) {
		cloudacct_cleanse(ZSTR_VAL(ex->body), ZSTR_LEN(ex->body));
	}
	cloudacct_http_exchange_free(ex);
	return token;
}
