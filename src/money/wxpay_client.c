/* The WeChat Pay API v3 client of CloudAcct\Ledger\Payments (wechat-protocols.md §1.4–1.9): the
 * JSAPI / mini-program prepay of a checkout, query and close by out_trade_no, refunds and their
 * query, and the payment / refund notifications. Settlement goes through the same path as 微擎's
 * payResult (cloudacct_money_settle_online, cloudacct_money_refund_settle): idempotent under the
 * intent's (or refund's) row lock, so a notify, its replays and a query settle exactly once.
 *
 * No HTTP request is made inside a database transaction. The merchant private key and the APIv3
 * key are read from the settings per call and never leave this file except into OpenSSL. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "zend_exceptions.h"
#include "ext/json/php_json.h"
#include "php_cloudacct.h"
#include "wxpay.h"
#include "money_int.h"
#include "../common/errors.h"
#include "../crypto/signer.h"
#include "../http/http.h"

#define ALNUM "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#define FAIL_BODY "{\"code\":\"FAIL\",\"message\":\"失败\"}"

/* ---- configuration ---- */

typedef struct {
	zval set;                  /* owned: the wxpay_* settings */
	zend_string *mchid, *appid, *serial, *key, *apiv3, *notify_url, *base; /* borrowed from set ("" when unset) */
	HashTable *platform;       /* borrowed from set; may be NULL */
} wx_config;

#define WX_NEED_MERCHANT 1 /* mchid, appid, serial, private key, API base: to call WeChat Pay */
#define WX_NEED_VERIFY 2   /* platform keys: to trust answers and notifications */
#define WX_NEED_NOTIFY 4   /* notify_url (orders and refunds), APIv3 key (notifications) */

static zend_string *set_str(zval *set, const char *name)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(set), name, strlen(name));
	return v && Z_TYPE_P(v) == IS_STRING ? Z_STR_P(v) : ZSTR_EMPTY_ALLOC();
}

static void wx_config_free(wx_config *c)
{
	zval_ptr_dtor(&c->set);
	ZVAL_UNDEF(&c->set);
}

/* Loads the settings; on a missing one, *missing names it (the caller decides how to fail) and
 * FAILURE is returned without an exception. A database error throws (and *missing stays NULL). */
static zend_result wx_config_load(cloudacct_store *s, wx_config *c, unsigned need, const char **missing)
{
	static const char *const names[] = { "wxpay_mchid", "wxpay_appid", "wxpay_serial", "wxpay_private_key",
		"wxpay_apiv3_key", "wxpay_notify_url", "wxpay_api_base", "wxpay_platform_keys" };

	*missing = NULL;
	ZVAL_UNDEF(&c->set);
	if (cloudacct_money_settings(s, names, sizeof(names) / sizeof(names[0]), &c->set) == FAILURE) {
		return FAILURE;
	}
	c->mchid = set_str(&c->set, "wxpay_mchid");
	c->appid = set_str(&c->set, "wxpay_appid");
	c->serial = set_str(&c->set, "wxpay_serial");
	c->key = set_str(&c->set, "wxpay_private_key");
	c->apiv3 = set_str(&c->set, "wxpay_apiv3_key");
	c->notify_url = set_str(&c->set, "wxpay_notify_url");
	c->base = set_str(&c->set, "wxpay_api_base");
	zval *pk = zend_hash_str_find(Z_ARRVAL(c->set), ZEND_STRL("wxpay_platform_keys"));
	c->platform = pk && Z_TYPE_P(pk) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(pk)) > 0 ? Z_ARRVAL_P(pk) : NULL;
	if (need & WX_NEED_MERCHANT) {
		*missing = ZSTR_LEN(c->mchid) == 0 ? "wxpay_mchid" : ZSTR_LEN(c->appid) == 0 ? "wxpay_appid"
			: ZSTR_LEN(c->serial) == 0 ? "wxpay_serial" : ZSTR_LEN(c->key) == 0 ? "wxpay_private_key"
			: ZSTR_LEN(c->base) == 0 ? "wxpay_api_base" : NULL;
	}
	if (!*missing && (need & WX_NEED_VERIFY) && !c->platform) {
		*missing = "wxpay_platform_keys";
	}
	if (!*missing && (need & WX_NEED_NOTIFY)) {
		*missing = ZSTR_LEN(c->apiv3) != 32 ? "wxpay_apiv3_key" : ZSTR_LEN(c->notify_url) == 0 ? "wxpay_notify_url" : NULL;
	}
	if (!*missing && (need & WX_NEED_MERCHANT)) {
		/* Production talks https only; plain http is for the fake server (test transport). */
		bool https = zend_string_starts_with_literal(c->base, "https://");
		bool http = zend_string_starts_with_literal(c->base, "http://");
		if (!(https || (http && cloudacct_http_test_transport()))) {
			*missing = "wxpay_api_base";
		}
	}
	if (*missing) {
		wx_config_free(c);
		return FAILURE;
	}
	return SUCCESS;
}

/* As wx_config_load, throwing ConflictException for a missing setting (named, never its value). */
static zend_result wx_config_require(cloudacct_store *s, wx_config *c, unsigned need)
{
	const char *missing;
	if (wx_config_load(s, c, need, &missing) == FAILURE) {
		if (missing) {
			cloudacct_throw_conflict("微信支付 APIv3 未配置完整：%s (WeChat Pay v3 setting %s is missing or invalid)",
				missing, missing);
		}
		return FAILURE;
	}
	return SUCCESS;
}

/* ---- JSON helpers ---- */

/* A value by dotted path ("amount.total") in a decoded JSON object; NULL when absent. */
static zval *jget(zval *v, const char *path)
{
	const char *p = path;
	while (v && Z_TYPE_P(v) == IS_ARRAY) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t) (dot - p) : strlen(p);
		v = zend_hash_str_find(Z_ARRVAL_P(v), p, len);
		if (!dot) {
			return v;
		}
		p = dot + 1;
	}
	return NULL;
}

static zend_string *jstr(zval *v, const char *path)
{
	zval *x = jget(v, path);
	return x && Z_TYPE_P(x) == IS_STRING ? Z_STR_P(x) : NULL;
}

static bool jeq(zval *v, const char *path, const zend_string *want)
{
	zend_string *x = jstr(v, path);
	return x && zend_string_equals(x, want);
}

static zend_string *json_body(zval *data)
{
	smart_str buf = {0};
	php_json_encode(&buf, data, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES);
	smart_str_0(&buf);
	return buf.s;
}

/* "2024-01-01T12:00:00+08:00" (RFC 3339 as WeChat Pay writes it) → Unix time; 0 when malformed. */
static zend_long rfc3339(const zend_string *s)
{
	return s ? (zend_long) cloudacct_wxpay_rfc3339(ZSTR_VAL(s), ZSTR_LEN(s)) : 0;
}

/* ---- one signed request ---- */

typedef struct {
	long status;
	zval json;          /* the decoded answer (NULL when none) */
	char code[64];      /* the error code of a non-2xx answer */
	char message[256];  /* its message (WeChat's own text, UTF-8, cut) */
} wx_answer;

static void wx_answer_free(wx_answer *a)
{
	zval_ptr_dtor(&a->json);
	ZVAL_NULL(&a->json);
}

/* Signs and sends one request; a 2xx answer must carry a valid platform signature. FAILURE after
 * throwing IntegrationException (no answer, or an answer that is not WeChat Pay's). A non-2xx
 * answer is SUCCESS with its status, code and message. */
static zend_result wx_request(wx_config *c, const char *method, const char *path, zend_string *body, wx_answer *ans)
{
	char nonce[33];
	zend_long ts = cloudacct_clock_now();
	smart_str url = {0}, line = {0};
	cloudacct_http_options o;
	zend_result rc = FAILURE;

	memset(ans, 0, sizeof(*ans));
	ZVAL_NULL(&ans->json);
	cloudacct_money_token(nonce, 32, ALNUM);
	zend_string *auth = cloudacct_wxpay_authorization(ZSTR_VAL(c->mchid), ZSTR_VAL(c->serial), c->key, method, path,
		strlen(path), ts, nonce, body ? ZSTR_VAL(body) : "", body ? ZSTR_LEN(body) : 0);
	if (!auth) {
		return FAILURE;
	}
	smart_str_append(&url, c->base);
	if (url.s && ZSTR_LEN(url.s) > 0 && ZSTR_VAL(url.s)[ZSTR_LEN(url.s) - 1] == '/') {
		ZSTR_LEN(url.s)--;
	}
	smart_str_appends(&url, path);
	smart_str_0(&url);
	cloudacct_http_exchange *ex = cloudacct_http_exchange_new(method, ZSTR_VAL(url.s), ZSTR_LEN(url.s));
	smart_str_free(&url);
	smart_str_appends(&line, "Authorization: ");
	smart_str_append(&line, auth);
	smart_str_0(&line);
	cloudacct_http_exchange_header(ex, ZSTR_VAL(line.s));
	smart_str_free(&line);
	zend_string_release(auth);
	cloudacct_http_exchange_header(ex, "Accept: application/json");
	cloudacct_http_exchange_header(ex, "User-Agent: CloudAcct/" PHP_CLOUDACCT_VERSION);
	cloudacct_http_exchange_header(ex, "Expect:");
	if (body) {
		cloudacct_http_exchange_header(ex, "Content-Type: application/json");
		cloudacct_http_exchange_body(ex, zend_string_copy(body));
	}
	cloudacct_http_options_defaults(&o);
	if (cloudacct_http_perform(&o, &ex, 1) == FAILURE) {
		cloudacct_throw_integration("微信支付请求无法发出 (curl setup failed)");
		goto out;
	}
	if (ex->result != CLOUDACCT_HTTP_OK && ex->result != CLOUDACCT_HTTP_E_STATUS) {
		cloudacct_throw_integration("微信支付接口无法访问：%s (WeChat Pay %s: %s)", cloudacct_http_result_reason(ex->result),
			method, cloudacct_http_result_name(ex->result));
		goto out;
	}
	ans->status = ex->status;
	const char *rb = ex->response.s ? ZSTR_VAL(ex->response.s) : "";
	size_t rlen = ex->response.s ? ZSTR_LEN(ex->response.s) : 0;
	if (ex->status >= 200 && ex->status < 300) {
		zend_string *h[4] = { cloudacct_http_header(ex, "Wechatpay-Serial"), cloudacct_http_header(ex, "Wechatpay-Timestamp"),
			cloudacct_http_header(ex, "Wechatpay-Nonce"), cloudacct_http_header(ex, "Wechatpay-Signature") };
		cloudacct_wxpay_verdict v = cloudacct_wxpay_verify(c->platform, h[0], h[1], h[2], h[3], rb, rlen, cloudacct_clock_now());
		for (int i = 0; i < 4; i++) {
			if (h[i]) {
				zend_string_release(h[i]);
			}
		}
		if (v != CLOUDACCT_WXPAY_V_OK) {
			cloudacct_throw_integration("微信支付应答验签失败，已忽略该应答 (answer signature: %s)",
				cloudacct_wxpay_verdict_name(v));
			goto out;
		}
	}
	if (rlen > 0 && php_json_decode_ex(&ans->json, (char *) rb, rlen, PHP_JSON_OBJECT_AS_ARRAY, 16) == FAILURE) {
		ZVAL_NULL(&ans->json);
		if (ex->status >= 200 && ex->status < 300) {
			cloudacct_throw_integration("微信支付应答不是有效的 JSON (answer is not JSON)");
			goto out;
		}
	}
	if (ex->status < 200 || ex->status >= 300) {
		zend_string *code = jstr(&ans->json, "code"), *msg = jstr(&ans->json, "message");
		snprintf(ans->code, sizeof(ans->code), "%s", code ? ZSTR_VAL(code) : "HTTP_ERROR");
		if (msg) {
			size_t n = cloudacct_money_utf8_prefix(ZSTR_VAL(msg), ZSTR_LEN(msg), 80);
			snprintf(ans->message, sizeof(ans->message), "%.*s", (int) n, ZSTR_VAL(msg));
		}
	}
	rc = SUCCESS;
out:
	cloudacct_http_options_free(&o);
	cloudacct_http_exchange_free(ex);
	if (rc == FAILURE) {
		wx_answer_free(ans);
	}
	return rc;
}

/* out_trade_no / out_refund_no as WeChat Pay allows them in a URL path. */
static bool wx_no_ok(const zend_string *s, size_t max)
{
	return cloudacct_wxpay_no_ok(ZSTR_VAL(s), ZSTR_LEN(s), max);
}

static bool str_is(zval *row, const char *key, const char *value)
{
	size_t len;
	const char *v = cloudacct_money_str(row, key, &len);
	return len == strlen(value) && memcmp(v, value, len) == 0;
}

/* ---- prepay (checkout) ---- */

zend_result cloudacct_money_wxpay_prepay(cloudacct_store *s, zend_long intent_id, zend_string *openid, zval *pay)
{
	wx_config c;
	zval intent, data, amount, payer;
	wx_answer ans;
	zend_string *body = NULL, *prepay = NULL;
	zend_long now = cloudacct_clock_now();
	zend_result rc = FAILURE;
	size_t len;

	ZVAL_UNDEF(pay);
	if (wx_config_require(s, &c, WX_NEED_MERCHANT | WX_NEED_VERIFY | WX_NEED_NOTIFY) == FAILURE) {
		return FAILURE;
	}
	if (CLOUDACCT_MONEY_ROW(s, "SELECT id, out_trade_no, amount_fen, title, status, appid, openid, prepay_id, prepay_at,"
			" request_body FROM {pay_intent} WHERE uniacid = ? AND id = ?", intent_id, "支付单", &intent) == FAILURE) {
		wx_config_free(&c);
		return FAILURE;
	}
	const char *stored_openid = cloudacct_money_str(&intent, "openid", &len);
	bool same_payer = len == ZSTR_LEN(openid) && memcmp(stored_openid, ZSTR_VAL(openid), len) == 0
		&& str_is(&intent, "appid", ZSTR_VAL(c.appid));
	const char *stored_prepay = cloudacct_money_str(&intent, "prepay_id", &len);
	if (same_payer && len > 0 && cloudacct_money_long(&intent, "prepay_at") + 7200 - 300 > now) {
		/* prepay_id lives two hours: hand the same one out again. */
		prepay = zend_string_init(stored_prepay, len, 0);
	} else {
		const char *stored_body = cloudacct_money_str(&intent, "request_body", &len);
		if (len > 0 && same_payer) {
			/* The identical request again is how WeChat Pay renews a prepay_id. */
			body = zend_string_init(stored_body, len, 0);
		} else if (len > 0) {
			/* Another payer: WeChat Pay refuses a changed request under the same out_trade_no. */
			cloudacct_throw_conflict("这笔支付单已由另一位微信用户发起支付，请由该用户完成，或稍后重新下单 (intent ordered for another payer)");
			goto out;
		} else {
			const char *title = cloudacct_money_str(&intent, "title", &len);
			size_t tlen = cloudacct_money_utf8_prefix(title, len, 40);
			const char *no = cloudacct_money_str(&intent, "out_trade_no", &len);
			array_init(&data);
			add_assoc_str(&data, "appid", zend_string_copy(c.appid));
			add_assoc_str(&data, "mchid", zend_string_copy(c.mchid));
			add_assoc_stringl(&data, "description", (char *) title, tlen);
			add_assoc_stringl(&data, "out_trade_no", (char *) no, len);
			add_assoc_str(&data, "notify_url", zend_string_copy(c.notify_url));
			array_init(&amount);
			add_assoc_long(&amount, "total", cloudacct_money_long(&intent, "amount_fen"));
			add_assoc_string(&amount, "currency", "CNY");
			add_assoc_zval(&data, "amount", &amount);
			array_init(&payer);
			add_assoc_str(&payer, "openid", zend_string_copy(openid));
			add_assoc_zval(&data, "payer", &payer);
			body = json_body(&data);
			zval_ptr_dtor(&data);
		}
		if (wx_request(&c, "POST", "/v3/pay/transactions/jsapi", body, &ans) == FAILURE) {
			goto out;
		}
		zend_string *id = jstr(&ans.json, "prepay_id");
		if (ans.status != 200 || !id || ZSTR_LEN(id) == 0 || ZSTR_LEN(id) > 64) {
			if (ans.status == 200) {
				cloudacct_throw_integration("微信支付下单应答缺少 prepay_id (jsapi answer without prepay_id)");
			} else {
				cloudacct_throw_integration("微信支付下单失败：%s %s (jsapi: HTTP %ld %s)", ans.code, ans.message, ans.status, ans.code);
			}
			wx_answer_free(&ans);
			goto out;
		}
		prepay = zend_string_copy(id);
		wx_answer_free(&ans);
		cloudacct_param u[] = { CLOUDACCT_PARAM_ZSTR(prepay), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_ZSTR(c.appid),
			CLOUDACCT_PARAM_ZSTR(openid), CLOUDACCT_PARAM_ZSTR(body), CLOUDACCT_PARAM_LONG(s->uniacid),
			CLOUDACCT_PARAM_LONG(intent_id) };
		if (CLOUDACCT_DB_RUN(s->db, "UPDATE {pay_intent} SET prepay_id = ?, prepay_at = ?, appid = ?, openid = ?,"
				" request_body = ? WHERE uniacid = ? AND id = ? AND status = 'pending'", u, 7, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			goto out;
		}
	}
	/* The front end's parameters: getBrandWCPayRequest / wx.requestPayment (§1.5). */
	char ts[24], nonce[33];
	smart_str package = {0};
	snprintf(ts, sizeof(ts), ZEND_LONG_FMT, now);
	cloudacct_money_token(nonce, 32, ALNUM);
	smart_str_appends(&package, "prepay_id=");
	smart_str_append(&package, prepay);
	smart_str_0(&package);
	zend_string *sign = cloudacct_wxpay_pay_sign(c.key, ZSTR_VAL(c.appid), ts, nonce, ZSTR_VAL(package.s));
	if (!sign) {
		smart_str_free(&package);
		goto out;
	}
	array_init(pay);
	add_assoc_str(pay, "appId", zend_string_copy(c.appid));
	add_assoc_string(pay, "timeStamp", ts);
	add_assoc_string(pay, "nonceStr", nonce);
	add_assoc_str(pay, "package", package.s);
	add_assoc_string(pay, "signType", "RSA");
	add_assoc_str(pay, "paySign", sign);
	rc = SUCCESS;
out:
	if (body) {
		zend_string_release(body);
	}
	if (prepay) {
		zend_string_release(prepay);
	}
	zval_ptr_dtor(&intent);
	wx_config_free(&c);
	return rc;
}

/* ---- a Transaction (notify or query) → settlement ---- */

/* Checks a decrypted / queried Transaction against the configuration and settles a SUCCESS one
 * through the shared online path. Throws ValidationException on a mismatch (nothing written). */
static zend_result settle_transaction(cloudacct_store *s, wx_config *c, zval *t, zval *result)
{
	if (!jeq(t, "mchid", c->mchid)) {
		cloudacct_throw_validation("mchid", "通知的商户号与本所配置不符，未入账 (mchid mismatch)");
		return FAILURE;
	}
	if (!jeq(t, "appid", c->appid)) {
		cloudacct_throw_validation("appid", "通知的 AppID 与本所配置不符，未入账 (appid mismatch)");
		return FAILURE;
	}
	zend_string *no = jstr(t, "out_trade_no"), *txn = jstr(t, "transaction_id"), *openid = jstr(t, "payer.openid");
	zval *total = jget(t, "amount.total");
	if (!no || !wx_no_ok(no, 32) || !txn || ZSTR_LEN(txn) == 0 || ZSTR_LEN(txn) > 64 || !total || Z_TYPE_P(total) != IS_LONG
			|| (openid && ZSTR_LEN(openid) > 128)) {
		cloudacct_throw_validation("resource", "交易数据不完整 (transaction fields missing)");
		return FAILURE;
	}
	/* The amount against the intent even when it is paid already: a signed notice of another
	 * amount is an anomaly to report (400), not a replay (settle_online re-checks under the lock). */
	zval stored;
	cloudacct_param p[] = { CLOUDACCT_PARAM_ZSTR(no), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT amount_fen FROM {pay_intent} WHERE out_trade_no = ? AND uniacid = ?", p, 2,
			CLOUDACCT_FETCH_VALUE, &stored) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(stored) != IS_NULL && zval_get_long(&stored) != Z_LVAL_P(total)) {
		zval_ptr_dtor(&stored);
		cloudacct_throw_validation("amount", "支付金额与支付单不符，未入账 (paid amount does not match the intent)");
		return FAILURE;
	}
	zval_ptr_dtor(&stored);
	zend_long paid_at = rfc3339(jstr(t, "success_time"));
	zend_long now = cloudacct_clock_now();
	if (paid_at <= 0 || paid_at > now) {
		paid_at = now;
	}
	cloudacct_money_online in = { no, "wechat_v3", Z_LVAL_P(total), txn, openid, paid_at };
	return cloudacct_money_settle_online(s, &in, result);
}

/* ---- query / close ---- */

static zend_result intent_for(cloudacct_store *s, const cloudacct_actor *a, zend_string *no, zval *intent)
{
	if (!wx_no_ok(no, 32)) {
		cloudacct_throw_validation("out_trade_no", "支付单号格式不对 (out_trade_no)");
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_ZSTR(no), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, out_trade_no, client_id, channel, status, amount_fen, payment_id FROM {pay_intent}"
			" WHERE out_trade_no = ? AND uniacid = ?", p, 2, CLOUDACCT_FETCH_ROW, intent) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE_P(intent) != IS_ARRAY) {
		cloudacct_throw_not_found("没有这笔支付单 (unknown out_trade_no)");
		return FAILURE;
	}
	if (a->kind != CLOUDACCT_ACTOR_SYSTEM
			&& cloudacct_money_authorize(s, a, cloudacct_money_long(intent, "client_id"), NULL) == FAILURE) {
		zval_ptr_dtor(intent);
		return FAILURE;
	}
	if (!str_is(intent, "channel", "wechat_v3")) {
		zval_ptr_dtor(intent);
		cloudacct_throw_conflict("这笔支付单不是微信支付 APIv3 发起的 (intent channel is not wechat_v3)");
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cloudacct_money_wxpay_query(cloudacct_store *s, const cloudacct_actor *a, zend_string *no, zval *out)
{
	wx_config c;
	zval intent, settled;
	wx_answer ans;
	char path[128];
	zend_result rc = FAILURE;

	if (intent_for(s, a, no, &intent) == FAILURE) {
		return FAILURE;
	}
	if (wx_config_require(s, &c, WX_NEED_MERCHANT | WX_NEED_VERIFY) == FAILURE) {
		zval_ptr_dtor(&intent);
		return FAILURE;
	}
	snprintf(path, sizeof(path), "/v3/pay/transactions/out-trade-no/%s?mchid=%s", ZSTR_VAL(no), ZSTR_VAL(c.mchid));
	if (wx_request(&c, "GET", path, NULL, &ans) == FAILURE) {
		goto out;
	}
	array_init(out);
	add_assoc_str(out, "out_trade_no", zend_string_copy(no));
	if (ans.status == 404) {
		add_assoc_string(out, "trade_state", "ORDER_NOT_EXIST");
	} else if (ans.status != 200) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		cloudacct_throw_integration("微信支付查单失败：%s %s (query: HTTP %ld %s)", ans.code, ans.message, ans.status, ans.code);
		wx_answer_free(&ans);
		goto out;
	} else {
		zend_string *state = jstr(&ans.json, "trade_state");
		add_assoc_string(out, "trade_state", state ? ZSTR_VAL(state) : "");
		if (state && (zend_string_equals_literal(state, "SUCCESS") || zend_string_equals_literal(state, "REFUND"))) {
			/* Paid (REFUND: paid, then refunded in part or whole): the same settlement as a notify. */
			if (settle_transaction(s, &c, &ans.json, &settled) == FAILURE) {
				zval_ptr_dtor(out);
				ZVAL_UNDEF(out);
				wx_answer_free(&ans);
				goto out;
			}
			zend_string *k;
			zval *v;
			ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(settled), k, v) {
				if (k && !zend_string_equals_literal(k, "out_trade_no")) {
					Z_TRY_ADDREF_P(v);
					zend_hash_update(Z_ARRVAL_P(out), k, v);
				}
			} ZEND_HASH_FOREACH_END();
			zval_ptr_dtor(&settled);
		}
	}
	if (!zend_hash_str_exists(Z_ARRVAL_P(out), ZEND_STRL("status"))) {
		size_t len;
		const char *st = cloudacct_money_str(&intent, "status", &len);
		add_assoc_stringl(out, "status", (char *) st, len);
		add_assoc_long(out, "payment_id", cloudacct_money_long(&intent, "payment_id"));
	}
	wx_answer_free(&ans);
	rc = SUCCESS;
out:
	zval_ptr_dtor(&intent);
	wx_config_free(&c);
	return rc;
}

zend_result cloudacct_money_wxpay_close(cloudacct_store *s, const cloudacct_actor *a, zend_string *no, zval *out)
{
	wx_config c;
	zval intent, data;
	wx_answer ans;
	char path[128];
	zend_result rc = FAILURE;

	if (intent_for(s, a, no, &intent) == FAILURE) {
		return FAILURE;
	}
	if (!str_is(&intent, "status", "pending")) {
		size_t len;
		const char *st = cloudacct_money_str(&intent, "status", &len);
		cloudacct_throw_invalid_transition(st, "支付单已是 %s 状态，不能关闭 (intent is %s)", st, st);
		zval_ptr_dtor(&intent);
		return FAILURE;
	}
	if (wx_config_require(s, &c, WX_NEED_MERCHANT | WX_NEED_VERIFY) == FAILURE) {
		zval_ptr_dtor(&intent);
		return FAILURE;
	}
	snprintf(path, sizeof(path), "/v3/pay/transactions/out-trade-no/%s/close", ZSTR_VAL(no));
	array_init(&data);
	add_assoc_str(&data, "mchid", zend_string_copy(c.mchid));
	zend_string *body = json_body(&data);
	zval_ptr_dtor(&data);
	rc = wx_request(&c, "POST", path, body, &ans);
	zend_string_release(body);
	if (rc == FAILURE) {
		goto out;
	}
	rc = FAILURE;
	/* 204: closed; 400 ORDER_CLOSED: it was already; 404: WeChat Pay never saw an order (the
	 * payer never opened it) – nothing can be paid under it either way. */
	bool closed = ans.status == 204 || ans.status == 200 || ans.status == 404
		|| (ans.status == 400 && strcmp(ans.code, "ORDER_CLOSED") == 0);
	if (!closed) {
		cloudacct_throw_integration("微信支付关单失败：%s %s (close: HTTP %ld %s)", ans.code, ans.message, ans.status, ans.code);
		wx_answer_free(&ans);
		goto out;
	}
	wx_answer_free(&ans);
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(cloudacct_money_long(&intent, "id")) };
	if (CLOUDACCT_DB_RUN(s->db, "UPDATE {pay_intent} SET status = 'closed' WHERE uniacid = ? AND id = ? AND status = 'pending'",
			u, 2, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		goto out;
	}
	bool changed = cloudacct_db_affected_rows(s->db) > 0;
	zval st;
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(cloudacct_money_long(&intent, "id")) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT status FROM {pay_intent} WHERE uniacid = ? AND id = ?", q, 2, CLOUDACCT_FETCH_VALUE,
			&st) == FAILURE) {
		goto out;
	}
	array_init(out);
	add_assoc_str(out, "out_trade_no", zend_string_copy(no));
	add_assoc_zval(out, "status", &st);
	add_assoc_bool(out, "closed_now", changed);
	rc = SUCCESS;
out:
	zval_ptr_dtor(&intent);
	wx_config_free(&c);
	return rc;
}

/* ---- refunds ---- */

/* What WeChat Pay says about a refund (its Refund object, from the request, a query or a notify)
 * applied to our refund row: SUCCESS settles it, CLOSED gives the money back to the payment,
 * PROCESSING / ABNORMAL leave it pending (ABNORMAL needs a person on the merchant platform). */
static zend_result apply_refund_status(cloudacct_store *s, zend_long refund_id, zend_string *status, zend_string *refund_ext,
	bool *changed)
{
	if (changed) {
		*changed = false;
	}
	if (!status) {
		return SUCCESS;
	}
	if (zend_string_equals_literal(status, "SUCCESS")) {
		return cloudacct_money_refund_settle_ex(s, refund_id, true, refund_ext, NULL, changed);
	}
	if (zend_string_equals_literal(status, "CLOSED")) {
		return cloudacct_money_refund_settle_ex(s, refund_id, false, refund_ext, "微信退款已关闭 (REFUND.CLOSED)", changed);
	}
	if (refund_ext) {
		cloudacct_param u[] = { CLOUDACCT_PARAM_ZSTR(refund_ext), CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(refund_id) };
		return CLOUDACCT_DB_RUN(s->db, "UPDATE {refund} SET external_refund_id = LEFT(?, 64) WHERE uniacid = ? AND id = ?"
			" AND status = 'pending'", u, 3, CLOUDACCT_FETCH_NONE, NULL);
	}
	return SUCCESS;
}

zend_result cloudacct_money_wxpay_refund(cloudacct_store *s, zend_long refund_id)
{
	wx_config c;
	zval r, data, amount;
	wx_answer ans;
	zend_result rc = FAILURE;
	size_t len;

	if (wx_config_require(s, &c, WX_NEED_MERCHANT | WX_NEED_VERIFY | WX_NEED_NOTIFY) == FAILURE) {
		return FAILURE;
	}
	if (CLOUDACCT_MONEY_ROW(s, "SELECT r.id, r.out_refund_no, r.amount_fen, r.reason, r.status, p.external_id, p.amount_fen AS total"
			" FROM {refund} r JOIN {payment} p ON p.id = r.payment_id AND p.uniacid = r.uniacid"
			" WHERE r.uniacid = ? AND r.id = ?", refund_id, "退款", &r) == FAILURE) {
		wx_config_free(&c);
		return FAILURE;
	}
	if (!str_is(&r, "status", "pending")) {
		rc = SUCCESS; /* settled meanwhile (a notify came first) */
		goto out;
	}
	array_init(&data);
	const char *v = cloudacct_money_str(&r, "external_id", &len);
	add_assoc_stringl(&data, "out_trade_no", (char *) v, len);
	v = cloudacct_money_str(&r, "out_refund_no", &len);
	add_assoc_stringl(&data, "out_refund_no", (char *) v, len);
	v = cloudacct_money_str(&r, "reason", &len);
	add_assoc_stringl(&data, "reason", (char *) v, cloudacct_money_utf8_prefix(v, len, 80));
	add_assoc_str(&data, "notify_url", zend_string_copy(c.notify_url));
	array_init(&amount);
	add_assoc_long(&amount, "refund", cloudacct_money_long(&r, "amount_fen"));
	add_assoc_long(&amount, "total", cloudacct_money_long(&r, "total"));
	add_assoc_string(&amount, "currency", "CNY");
	add_assoc_zval(&data, "amount", &amount);
	zend_string *body = json_body(&data);
	zval_ptr_dtor(&data);
	rc = wx_request(&c, "POST", "/v3/refund/domestic/refunds", body, &ans);
	zend_string_release(body);
	if (rc == FAILURE) {
		goto out;
	}
	if (ans.status == 200) {
		rc = apply_refund_status(s, refund_id, jstr(&ans.json, "status"), jstr(&ans.json, "refund_id"), NULL);
	} else if (ans.status >= 400 && ans.status < 500 && ans.status != 401 && ans.status != 429) {
		/* Refused for good (not enough balance, already refunded, order unknown…): the money is the
		 * payment's again. */
		char why[400];
		snprintf(why, sizeof(why), "微信支付拒绝退款：%s %s", ans.code, ans.message);
		rc = cloudacct_money_refund_settle(s, refund_id, false, NULL, why, NULL);
	} else {
		v = cloudacct_money_str(&r, "out_refund_no", &len);
		cloudacct_throw_integration("退款已登记（%.*s），但微信支付暂未受理：HTTP %ld %s，请稍后用 wechatQueryRefund 重试"
			" (refund recorded, request failed: HTTP %ld %s)", (int) len, v, ans.status, ans.code, ans.status, ans.code);
		rc = FAILURE;
	}
	wx_answer_free(&ans);
out:
	zval_ptr_dtor(&r);
	wx_config_free(&c);
	return rc;
}

zend_result cloudacct_money_wxpay_query_refund(cloudacct_store *s, zend_string *no, zval *out)
{
	wx_config c;
	wx_answer ans;
	zend_long refund_id = 0;
	char path[160];
	zend_result rc = FAILURE;

	if (!wx_no_ok(no, 64)) {
		cloudacct_throw_validation("out_refund_no", "退款单号格式不对 (out_refund_no)");
		return FAILURE;
	}
	if (cloudacct_money_refund_find(s, no, &refund_id) == FAILURE) {
		return FAILURE;
	}
	zval row;
	if (refund_id == 0 || cloudacct_money_refund_row(s, refund_id, &row) == FAILURE) {
		if (!EG(exception)) {
			cloudacct_throw_not_found("没有这笔退款 (unknown out_refund_no)");
		}
		return FAILURE;
	}
	bool v3 = str_is(&row, "channel", "wechat_v3"), pending = str_is(&row, "status", "pending");
	zval_ptr_dtor(&row);
	if (!v3) {
		cloudacct_throw_conflict("这笔退款不是微信支付 APIv3 的 (refund channel is not wechat_v3)");
		return FAILURE;
	}
	if (pending) {
		if (wx_config_require(s, &c, WX_NEED_MERCHANT | WX_NEED_VERIFY) == FAILURE) {
			return FAILURE;
		}
		snprintf(path, sizeof(path), "/v3/refund/domestic/refunds/%s", ZSTR_VAL(no));
		rc = wx_request(&c, "GET", path, NULL, &ans);
		wx_config_free(&c);
		if (rc == FAILURE) {
			return FAILURE;
		}
		if (ans.status == 200) {
			rc = apply_refund_status(s, refund_id, jstr(&ans.json, "status"), jstr(&ans.json, "refund_id"), NULL);
		} else if (ans.status == 404) {
			/* WeChat Pay never got the request (it failed on the way): send it again, under the same
			 * out_refund_no, which WeChat Pay refunds at most once. */
			rc = cloudacct_money_wxpay_refund(s, refund_id);
		} else {
			cloudacct_throw_integration("微信支付退款查询失败：%s %s (refund query: HTTP %ld %s)", ans.code, ans.message,
				ans.status, ans.code);
			rc = FAILURE;
		}
		wx_answer_free(&ans);
		if (rc == FAILURE) {
			return FAILURE;
		}
	}
	return cloudacct_money_refund_row(s, refund_id, out);
}

/* ---- notifications ---- */

static void reply(zval *out, long status, const char *outcome)
{
	array_init(out);
	add_assoc_long(out, "status", status);
	add_assoc_string(out, "body", status >= 200 && status < 300 ? "" : FAIL_BODY);
	add_assoc_string(out, "outcome", (char *) outcome);
}

/* Turns the exception of a refused settlement into the reply WeChat Pay gets: an unknown number
 * 404, a mismatch 400, anything else (the database) 500 so that WeChat Pay retries. */
static void reply_exception(zval *out, const char *not_found, const char *invalid)
{
	zend_object *ex = EG(exception);
	long status = 500;
	const char *outcome = "error";
	if (ex && instanceof_function(ex->ce, cloudacct_ce_NotFoundException)) {
		status = 404;
		outcome = not_found;
	} else if (ex && instanceof_function(ex->ce, cloudacct_ce_ValidationException)) {
		status = 400;
		outcome = invalid;
	}
	reply(out, status, outcome);
	if (ex) {
		zval rv, *msg = zend_read_property_ex(ex->ce, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &rv);
		if (msg && Z_TYPE_P(msg) == IS_STRING) {
			add_assoc_str(out, "error", zend_string_copy(Z_STR_P(msg)));
		}
		zend_clear_exception();
	}
}

static void notify_transaction(cloudacct_store *s, wx_config *c, zval *t, zval *out)
{
	zval settled;
	zend_string *state = jstr(t, "trade_state");

	if (!state || !zend_string_equals_literal(state, "SUCCESS")) {
		reply(out, 204, "ignored");
		return;
	}
	if (settle_transaction(s, c, t, &settled) == FAILURE) {
		zend_object *ex = EG(exception);
		zend_string *why = NULL;
		if (ex && instanceof_function(ex->ce, cloudacct_ce_ValidationException)) {
			zval rv, *f = zend_read_property(cloudacct_ce_ValidationException, ex, ZEND_STRL("field"), 1, &rv);
			why = f && Z_TYPE_P(f) == IS_STRING ? zend_string_copy(Z_STR_P(f)) : NULL;
		}
		const char *invalid = !why ? "invalid" : zend_string_equals_literal(why, "amount") ? "amount_mismatch"
			: zend_string_equals_literal(why, "mchid") ? "mchid_mismatch"
			: zend_string_equals_literal(why, "appid") ? "appid_mismatch" : "invalid";
		reply_exception(out, "unknown_out_trade_no", invalid);
		if (why) {
			zend_string_release(why);
		}
		return;
	}
	zval *st = zend_hash_str_find(Z_ARRVAL(settled), ZEND_STRL("status"));
	reply(out, 204, st && Z_TYPE_P(st) == IS_STRING ? Z_STRVAL_P(st) : "settled");
	zend_string *k;
	zval *v;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(settled), k, v) {
		if (k && !zend_string_equals_literal(k, "status")) {
			Z_TRY_ADDREF_P(v);
			zend_hash_update(Z_ARRVAL_P(out), k, v);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&settled);
	add_assoc_str(out, "out_trade_no", zend_string_copy(jstr(t, "out_trade_no")));
	add_assoc_str(out, "transaction_id", zend_string_copy(jstr(t, "transaction_id")));
}

static void notify_refund(cloudacct_store *s, wx_config *c, zval *r, zval *out)
{
	zend_string *no = jstr(r, "out_refund_no"), *status = jstr(r, "refund_status");
	zval *amount = jget(r, "amount.refund"), row;
	zend_long refund_id = 0;

	if (!jeq(r, "mchid", c->mchid)) {
		reply(out, 400, "mchid_mismatch");
		return;
	}
	if (!no || !wx_no_ok(no, 64) || !status || !amount || Z_TYPE_P(amount) != IS_LONG) {
		reply(out, 400, "invalid");
		return;
	}
	if (cloudacct_money_refund_find(s, no, &refund_id) == FAILURE) {
		reply_exception(out, "unknown_out_refund_no", "invalid");
		return;
	}
	if (refund_id == 0) {
		reply(out, 404, "unknown_out_refund_no");
		return;
	}
	if (cloudacct_money_refund_row(s, refund_id, &row) == FAILURE) {
		reply_exception(out, "unknown_out_refund_no", "invalid");
		return;
	}
	bool ok = str_is(&row, "channel", "wechat_v3") && cloudacct_money_long(&row, "amount_fen") == Z_LVAL_P(amount);
	zval_ptr_dtor(&row);
	if (!ok) {
		reply(out, 400, "amount_mismatch");
		return;
	}
	bool changed;
	if (apply_refund_status(s, refund_id, status, jstr(r, "refund_id"), &changed) == FAILURE
			|| cloudacct_money_refund_row(s, refund_id, &row) == FAILURE) {
		reply_exception(out, "unknown_out_refund_no", "invalid");
		return;
	}
	bool pending = str_is(&row, "status", "pending");
	const char *outcome = pending ? "refund_pending" : !changed ? "already_settled" : str_is(&row, "status", "succeeded") ? "refund_succeeded"
		: str_is(&row, "status", "failed") ? "refund_failed" : "refund_pending";
	reply(out, 204, outcome);
	add_assoc_long(out, "refund_id", refund_id);
	add_assoc_str(out, "out_refund_no", zend_string_copy(no));
	size_t len;
	const char *st = cloudacct_money_str(&row, "status", &len);
	add_assoc_stringl(out, "refund_status", (char *) st, len);
	zval_ptr_dtor(&row);
}

void cloudacct_money_wxpay_notify(cloudacct_store *s, HashTable *headers, zend_string *body, zval *out)
{
	wx_config c;
	const char *missing;
	zval env, plain_json;
	zend_string *plain = NULL;

	if (wx_config_load(s, &c, WX_NEED_VERIFY | WX_NEED_NOTIFY, &missing) == FAILURE) {
		if (missing) {
			reply(out, 500, "not_configured");
			add_assoc_string(out, "error", (char *) missing);
		} else {
			reply_exception(out, "error", "error");
		}
		return;
	}
	if (ZSTR_LEN(c.mchid) == 0 || ZSTR_LEN(c.appid) == 0) {
		reply(out, 500, "not_configured");
		add_assoc_string(out, "error", ZSTR_LEN(c.mchid) == 0 ? "wxpay_mchid" : "wxpay_appid");
		wx_config_free(&c);
		return;
	}
	/* Verified over the raw bytes first, parsed only after. */
	cloudacct_wxpay_verdict v = ZSTR_LEN(body) > 65536 ? CLOUDACCT_WXPAY_V_BAD_SIGNATURE
		: cloudacct_wxpay_verify_headers(c.platform, headers, ZSTR_VAL(body), ZSTR_LEN(body), cloudacct_clock_now());
	if (v != CLOUDACCT_WXPAY_V_OK) {
		reply(out, 401, cloudacct_wxpay_verdict_name(v));
		wx_config_free(&c);
		return;
	}
	ZVAL_UNDEF(&env);
	ZVAL_UNDEF(&plain_json);
	if (php_json_decode_ex(&env, ZSTR_VAL(body), ZSTR_LEN(body), PHP_JSON_OBJECT_AS_ARRAY, 8) == FAILURE
			|| Z_TYPE(env) != IS_ARRAY || !jget(&env, "resource") || Z_TYPE_P(jget(&env, "resource")) != IS_ARRAY) {
		if (Z_TYPE(env) != IS_UNDEF) {
			zval_ptr_dtor(&env);
		}
		reply(out, 400, "malformed");
		wx_config_free(&c);
		return;
	}
	zend_string *event = jstr(&env, "event_type");
	if (cloudacct_wxpay_decrypt(c.apiv3, Z_ARRVAL_P(jget(&env, "resource")), &plain) == FAILURE) {
		/* Signed by WeChat Pay but not decryptable with our APIv3 key: a configuration problem;
		 * 500 so that WeChat Pay retries once it is fixed. */
		zend_clear_exception();
		reply(out, 500, "decrypt_failed");
		goto done;
	}
	if (php_json_decode_ex(&plain_json, ZSTR_VAL(plain), ZSTR_LEN(plain), PHP_JSON_OBJECT_AS_ARRAY, 8) == FAILURE
			|| Z_TYPE(plain_json) != IS_ARRAY) {
		if (Z_TYPE(plain_json) != IS_UNDEF) {
			zval_ptr_dtor(&plain_json);
		}
		reply(out, 400, "malformed");
		goto done;
	}
	if (event && zend_string_equals_literal(event, "TRANSACTION.SUCCESS")) {
		notify_transaction(s, &c, &plain_json, out);
	} else if (event && zend_string_starts_with_literal(event, "REFUND.")) {
		notify_refund(s, &c, &plain_json, out);
	} else {
		reply(out, 204, "ignored");
	}
	zval_ptr_dtor(&plain_json);
	if (event) {
		add_assoc_str(out, "event_type", zend_string_copy(event));
	}
done:
	if (plain) {
		zend_string_release(plain);
	}
	zval_ptr_dtor(&env);
	wx_config_free(&c);
}
