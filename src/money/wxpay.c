/* WeChat Pay API v3 (wechat-protocols.md §1): signing and verification (this part), and the
 * client of CloudAcct\Ledger\Payments (wxpay_client.c). CloudAcct\Ledger\WxPay exposes the
 * signing primitives byte for byte, for the reference's vectors and for diagnostics. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "zend_exceptions.h"
#include "ext/standard/php_string.h"
#include <ctype.h>
#include <strings.h>
#include "wxpay.h"
#include "wxpay_proto.h"
#include "money_int.h"
#include "../crypto/crypto.h"
#include "../crypto/signer.h"
#include "../common/errors.h"

const char *cloudacct_wxpay_verdict_name(cloudacct_wxpay_verdict v)
{
	static const char *const names[] = { "ok", "missing_headers", "unknown_serial", "stale_timestamp", "bad_signature" };
	return names[v];
}

static void throw_key(cloudacct_crypto_status st)
{
	/* The status names what is wrong; the key itself never goes into the message. */
	zend_throw_exception_ex(cloudacct_ce_SignatureException, 0, "商户 API 私钥无法用于签名 (merchant private key: %s)",
		cloudacct_crypto_status_message(st));
}

/* Signs the message (freed here); malloc()ed base64 signature, NULL after throwing. */
static char *sign_message(const zend_string *key_pem, cloudacct_buf *msg)
{
	char *sig = NULL;
	cloudacct_crypto_status st = msg->oom ? CLOUDACCT_CRYPTO_INTERNAL
		: cloudacct_rsa_sha256_sign(ZSTR_VAL(key_pem), ZSTR_LEN(key_pem), cloudacct_buf_str(msg), msg->len, &sig);
	cloudacct_buf_free(msg);
	if (st != CLOUDACCT_CRYPTO_OK) {
		throw_key(st);
		return NULL;
	}
	return sig;
}

zend_string *cloudacct_wxpay_authorization(const char *mchid, const char *serial, const zend_string *key_pem,
	const char *method, const char *url, size_t url_len, zend_long ts, const char *nonce, const char *body, size_t body_len)
{
	cloudacct_buf msg = { 0 }, h = { 0 };

	cloudacct_wxpay_request_message(&msg, method, url, url_len, (long long) ts, nonce, body, body_len);
	char *sig = sign_message(key_pem, &msg);
	if (!sig) {
		return NULL;
	}
	cloudacct_wxpay_auth_header(&h, mchid, nonce, (long long) ts, serial, sig);
	free(sig);
	zend_string *out = zend_string_init(cloudacct_buf_str(&h), h.len, 0);
	cloudacct_buf_free(&h);
	return out;
}

zend_string *cloudacct_wxpay_pay_sign(const zend_string *key_pem, const char *appid, const char *ts, const char *nonce,
	const char *package)
{
	cloudacct_buf msg = { 0 };

	cloudacct_wxpay_paysign_message(&msg, appid, ts, nonce, package);
	char *sig = sign_message(key_pem, &msg);
	if (!sig) {
		return NULL;
	}
	zend_string *out = zend_string_init(sig, strlen(sig), 0);
	free(sig);
	return out;
}

/* A decimal Unix time of at most 12 digits. */
static bool parse_ts(const zend_string *s, zend_long *out)
{
	long long v;
	if (!s || !cloudacct_wxpay_parse_ts(ZSTR_VAL(s), ZSTR_LEN(s), &v)) {
		return false;
	}
	*out = (zend_long) v;
	return true;
}

cloudacct_wxpay_verdict cloudacct_wxpay_verify(HashTable *platform, const zend_string *serial, const zend_string *ts,
	const zend_string *nonce, const zend_string *signature, const char *body, size_t body_len, zend_long now)
{
	zend_long t;
	zval *entry;
	const zval *key = NULL;

	if (!serial || !nonce || !signature || ZSTR_LEN(serial) == 0 || ZSTR_LEN(nonce) == 0 || ZSTR_LEN(nonce) > 64
			|| ZSTR_LEN(signature) == 0 || !parse_ts(ts, &t)) {
		return CLOUDACCT_WXPAY_V_MISSING;
	}
	if (platform) {
		ZEND_HASH_FOREACH_VAL(platform, entry) {
			if (Z_TYPE_P(entry) != IS_ARRAY) {
				continue;
			}
			zval *sn = zend_hash_str_find(Z_ARRVAL_P(entry), ZEND_STRL("serial"));
			zval *pk = zend_hash_str_find(Z_ARRVAL_P(entry), ZEND_STRL("public_key"));
			if (sn && pk && Z_TYPE_P(sn) == IS_STRING && Z_TYPE_P(pk) == IS_STRING && zend_string_equals(Z_STR_P(sn), serial)) {
				key = pk;
				break;
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (!key) {
		return CLOUDACCT_WXPAY_V_UNKNOWN_SERIAL;
	}
	if (!cloudacct_wxpay_fresh((long long) t, (long long) now)) {
		return CLOUDACCT_WXPAY_V_STALE;
	}
	cloudacct_buf msg = { 0 };
	cloudacct_wxpay_answer_message(&msg, ZSTR_VAL(ts), ZSTR_LEN(ts), ZSTR_VAL(nonce), ZSTR_LEN(nonce), body, body_len);
	/* A WECHATPAY/SIGNTEST/ probe is not base64 and so fails here, like any forged signature. */
	cloudacct_crypto_status st = msg.oom ? CLOUDACCT_CRYPTO_INTERNAL
		: cloudacct_rsa_sha256_verify(Z_STRVAL_P(key), Z_STRLEN_P(key), cloudacct_buf_str(&msg), msg.len,
			ZSTR_VAL(signature), ZSTR_LEN(signature));
	cloudacct_buf_free(&msg);
	return st == CLOUDACCT_CRYPTO_OK ? CLOUDACCT_WXPAY_V_OK : CLOUDACCT_WXPAY_V_BAD_SIGNATURE;
}

static zend_string *resource_str(HashTable *r, const char *key)
{
	zval *v = zend_hash_str_find(r, key, strlen(key));
	return v && Z_TYPE_P(v) == IS_STRING ? Z_STR_P(v) : NULL;
}

zend_result cloudacct_wxpay_decrypt(const zend_string *apiv3_key, HashTable *resource, zend_string **out)
{
	zend_string *alg = resource_str(resource, "algorithm"), *ct = resource_str(resource, "ciphertext");
	zend_string *nonce = resource_str(resource, "nonce"), *aad = resource_str(resource, "associated_data");
	size_t dlen, plen;

	*out = NULL;
	if (!alg || !zend_string_equals_literal(alg, "AEAD_AES_256_GCM")) {
		zend_throw_exception_ex(cloudacct_ce_SignatureException, 0,
			"通知加密算法不是 AEAD_AES_256_GCM (resource.algorithm)");
		return FAILURE;
	}
	if (ZSTR_LEN(apiv3_key) != 32) {
		zend_throw_exception_ex(cloudacct_ce_SignatureException, 0, "APIv3 密钥须为 32 个字符 (APIv3 key length)");
		return FAILURE;
	}
	if (!ct || !nonce || ZSTR_LEN(nonce) == 0 || ZSTR_LEN(ct) > 1024 * 1024) {
		zend_throw_exception_ex(cloudacct_ce_SignatureException, 0, "通知密文不完整 (resource.ciphertext / nonce)");
		return FAILURE;
	}
	unsigned char *data = emalloc(CLOUDACCT_BASE64_DECODED_MAX(ZSTR_LEN(ct)) + 1);
	if (!cloudacct_base64_decode(ZSTR_VAL(ct), ZSTR_LEN(ct), data, &dlen) || dlen < CLOUDACCT_GCM_TAG_LEN) {
		efree(data);
		zend_throw_exception_ex(cloudacct_ce_SignatureException, 0, "通知密文不是有效的 base64 (resource.ciphertext)");
		return FAILURE;
	}
	zend_string *plain = zend_string_alloc(dlen - CLOUDACCT_GCM_TAG_LEN, 0);
	cloudacct_crypto_status st = cloudacct_aes_gcm_decrypt(ZSTR_VAL(apiv3_key), 32, ZSTR_VAL(nonce), ZSTR_LEN(nonce),
		aad ? ZSTR_VAL(aad) : "", aad ? ZSTR_LEN(aad) : 0, data, dlen, (unsigned char *) ZSTR_VAL(plain), &plen);
	efree(data);
	if (st != CLOUDACCT_CRYPTO_OK) {
		zend_string_efree(plain);
		zend_throw_exception_ex(cloudacct_ce_SignatureException, 0, "通知解密失败 (resource: %s)",
			cloudacct_crypto_status_message(st));
		return FAILURE;
	}
	ZSTR_LEN(plain) = plen;
	ZSTR_VAL(plain)[plen] = '\0';
	*out = plain;
	return SUCCESS;
}

/* ---- CloudAcct\Ledger\WxPay ---- */

static bool token_ok(const zend_string *s, size_t max, bool alnum_only)
{
	if (ZSTR_LEN(s) == 0 || ZSTR_LEN(s) > max) {
		return false;
	}
	for (size_t i = 0; i < ZSTR_LEN(s); i++) {
		unsigned char c = (unsigned char) ZSTR_VAL(s)[i];
		if (alnum_only ? !isalnum(c) : (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == ',')) {
			return false;
		}
	}
	return true;
}

ZEND_METHOD(CloudAcct_Ledger_WxPay, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(CloudAcct_Ledger_WxPay, authorization)
{
	zend_string *mchid, *serial, *key, *method, *url, *nonce, *body;
	zend_long ts;
	static const char *const methods[] = { "GET", "POST", "PUT", "PATCH", "DELETE", NULL };
	bool known = false;

	ZEND_PARSE_PARAMETERS_START(8, 8)
		Z_PARAM_STR(mchid)
		Z_PARAM_STR(serial)
		Z_PARAM_STR(key)
		Z_PARAM_STR(method)
		Z_PARAM_STR(url)
		Z_PARAM_LONG(ts)
		Z_PARAM_STR(nonce)
		Z_PARAM_STR(body)
	ZEND_PARSE_PARAMETERS_END();

	for (const char *const *m = methods; *m; m++) {
		known = known || zend_string_equals_cstr(method, *m, strlen(*m));
	}
	if (!token_ok(mchid, 32, true)) {
		zend_argument_value_error(1, "must be 1 to 32 letters or digits");
		RETURN_THROWS();
	}
	if (!token_ok(serial, 64, false)) {
		zend_argument_value_error(2, "must be 1 to 64 printable characters without quotes or commas");
		RETURN_THROWS();
	}
	if (!known) {
		zend_argument_value_error(4, "must be GET, POST, PUT, PATCH or DELETE");
		RETURN_THROWS();
	}
	if (ZSTR_LEN(url) == 0 || ZSTR_VAL(url)[0] != '/' || memchr(ZSTR_VAL(url), '\n', ZSTR_LEN(url))) {
		zend_argument_value_error(5, "must be the path (and query) of the request, starting with /");
		RETURN_THROWS();
	}
	if (ts <= 0) {
		zend_argument_value_error(6, "must be a positive Unix time");
		RETURN_THROWS();
	}
	if (!token_ok(nonce, 32, true)) {
		zend_argument_value_error(7, "must be 1 to 32 letters or digits");
		RETURN_THROWS();
	}
	zend_string *h = cloudacct_wxpay_authorization(ZSTR_VAL(mchid), ZSTR_VAL(serial), key, ZSTR_VAL(method), ZSTR_VAL(url),
		ZSTR_LEN(url), ts, ZSTR_VAL(nonce), ZSTR_VAL(body), ZSTR_LEN(body));
	if (!h) {
		RETURN_THROWS();
	}
	RETURN_STR(h);
}

ZEND_METHOD(CloudAcct_Ledger_WxPay, paySign)
{
	zend_string *key, *appid, *ts, *nonce, *package;

	ZEND_PARSE_PARAMETERS_START(5, 5)
		Z_PARAM_STR(key)
		Z_PARAM_STR(appid)
		Z_PARAM_STR(ts)
		Z_PARAM_STR(nonce)
		Z_PARAM_STR(package)
	ZEND_PARSE_PARAMETERS_END();

	if (!token_ok(appid, 32, false)) {
		zend_argument_value_error(2, "must be an appid");
		RETURN_THROWS();
	}
	zend_long t;
	if (!parse_ts(ts, &t)) {
		zend_argument_value_error(3, "must be Unix seconds as a string");
		RETURN_THROWS();
	}
	if (!token_ok(nonce, 32, true)) {
		zend_argument_value_error(4, "must be 1 to 32 letters or digits");
		RETURN_THROWS();
	}
	if (!zend_string_starts_with_literal(package, "prepay_id=") || !token_ok(package, 128, false)) {
		zend_argument_value_error(5, "must be \"prepay_id=<prepay_id>\"");
		RETURN_THROWS();
	}
	zend_string *sig = cloudacct_wxpay_pay_sign(key, ZSTR_VAL(appid), ZSTR_VAL(ts), ZSTR_VAL(nonce), ZSTR_VAL(package));
	if (!sig) {
		RETURN_THROWS();
	}
	RETURN_STR(sig);
}

/* A header by name from a PHP array of headers, whatever their spelling: "Wechatpay-Serial",
 * "wechatpay-serial", or the CGI form "HTTP_WECHATPAY_SERIAL". Borrowed. */
zend_string *cloudacct_wxpay_header(HashTable *headers, const char *name)
{
	zend_string *k;
	zval *v;
	size_t nlen = strlen(name);

	ZEND_HASH_FOREACH_STR_KEY_VAL(headers, k, v) {
		if (!k || Z_TYPE_P(v) != IS_STRING) {
			continue;
		}
		const char *p = ZSTR_VAL(k);
		size_t len = ZSTR_LEN(k);
		if (len > 5 && strncasecmp(p, "HTTP_", 5) == 0) {
			p += 5;
			len -= 5;
		}
		if (len != nlen) {
			continue;
		}
		size_t i = 0;
		for (; i < len; i++) {
			char a = (char) tolower((unsigned char) p[i]), b = (char) tolower((unsigned char) name[i]);
			if (a == '_') {
				a = '-';
			}
			if (a != b) {
				break;
			}
		}
		if (i == len) {
			return Z_STR_P(v);
		}
	} ZEND_HASH_FOREACH_END();
	return NULL;
}

/* The verdict on headers + body; the trimmed header values are looked up case-insensitively. */
cloudacct_wxpay_verdict cloudacct_wxpay_verify_headers(HashTable *platform, HashTable *headers, const char *body,
	size_t body_len, zend_long now)
{
	zend_string *v[4];
	static const char *const names[] = { "wechatpay-serial", "wechatpay-timestamp", "wechatpay-nonce", "wechatpay-signature" };

	for (int i = 0; i < 4; i++) {
		zend_string *raw = cloudacct_wxpay_header(headers, names[i]);
		v[i] = raw ? php_trim(raw, NULL, 0, 3) : NULL;
	}
	cloudacct_wxpay_verdict r = cloudacct_wxpay_verify(platform, v[0], v[1], v[2], v[3], body, body_len, now);
	for (int i = 0; i < 4; i++) {
		if (v[i]) {
			zend_string_release(v[i]);
		}
	}
	return r;
}

ZEND_METHOD(CloudAcct_Ledger_WxPay, verify)
{
	HashTable *platform, *headers;
	zend_string *body;
	zend_long now;

	ZEND_PARSE_PARAMETERS_START(4, 4)
		Z_PARAM_ARRAY_HT(platform)
		Z_PARAM_ARRAY_HT(headers)
		Z_PARAM_STR(body)
		Z_PARAM_LONG(now)
	ZEND_PARSE_PARAMETERS_END();

	RETURN_STRING(cloudacct_wxpay_verdict_name(
		cloudacct_wxpay_verify_headers(platform, headers, ZSTR_VAL(body), ZSTR_LEN(body), now)));
}

ZEND_METHOD(CloudAcct_Ledger_WxPay, decrypt)
{
	zend_string *key, *out;
	HashTable *resource;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(key)
		Z_PARAM_ARRAY_HT(resource)
	ZEND_PARSE_PARAMETERS_END();

	if (cloudacct_wxpay_decrypt(key, resource, &out) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_STR(out);
}
