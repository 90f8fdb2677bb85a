/* WeChat Pay API v3 (wechat-protocols.md §1), inside the money area: request signing and answer /
 * notification verification, the JSAPI / mini-program order with its front-end pay-sign, query,
 * close, refund, and the payment and refund notifications. Never included outside src/money/.
 *
 * Secrets (the merchant private key, the APIv3 key) are read from the settings for each call, are
 * never logged, and never appear in an exception message. */
#ifndef CLOUDACCT_MONEY_WXPAY_H
#define CLOUDACCT_MONEY_WXPAY_H

#include "php.h"
#include "zend_smart_str.h"
#include "../context/context.h"
#include "wxpay_proto.h"

#define CLOUDACCT_WXPAY_API_BASE "https://api.mch.weixin.qq.com"

typedef enum {
	CLOUDACCT_WXPAY_V_OK = 0,
	CLOUDACCT_WXPAY_V_MISSING,        /* a Wechatpay-* header is missing or malformed */
	CLOUDACCT_WXPAY_V_UNKNOWN_SERIAL, /* no configured platform key has that serial */
	CLOUDACCT_WXPAY_V_STALE,          /* |now - Wechatpay-Timestamp| > 300 s */
	CLOUDACCT_WXPAY_V_BAD_SIGNATURE,  /* does not verify (also every WECHATPAY/SIGNTEST/ probe) */
} cloudacct_wxpay_verdict;

/* "ok", "missing_headers", "unknown_serial", "stale_timestamp", "bad_signature". */
const char *cloudacct_wxpay_verdict_name(cloudacct_wxpay_verdict v);

/* The Authorization header value (without "Authorization: ") for one request; the signature is
 * over "METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n". NULL after throwing SignatureException (the key is
 * unusable; the message never contains it). */
zend_string *cloudacct_wxpay_authorization(const char *mchid, const char *serial, const zend_string *key_pem,
	const char *method, const char *url, size_t url_len, zend_long ts, const char *nonce, const char *body, size_t body_len);

/* Base64 RSA-SHA256 over "appId\ntimeStamp\nnonceStr\npackage\n"; NULL after throwing. */
zend_string *cloudacct_wxpay_pay_sign(const zend_string *key_pem, const char *appid, const char *ts, const char *nonce,
	const char *package);

/* Verifies a signed answer or notification: platform is the wxpay_platform_keys list
 * ([{"serial", "public_key"}]); the header values may be NULL (missing). */
cloudacct_wxpay_verdict cloudacct_wxpay_verify(HashTable *platform, const zend_string *serial, const zend_string *ts,
	const zend_string *nonce, const zend_string *signature, const char *body, size_t body_len, zend_long now);

/* Decrypts a notification's "resource" (AEAD_AES_256_GCM with the 32-byte APIv3 key) into *out
 * (a new string). FAILURE after throwing SignatureException (wrong algorithm, malformed, or the tag
 * does not verify). */
zend_result cloudacct_wxpay_decrypt(const zend_string *apiv3_key, HashTable *resource, zend_string **out);

/* A request header from a PHP array, whatever its spelling ("Wechatpay-Serial", "wechatpay-serial",
 * "HTTP_WECHATPAY_SERIAL"); borrowed, NULL when absent. */
zend_string *cloudacct_wxpay_header(HashTable *headers, const char *name);
/* cloudacct_wxpay_verify() on the Wechatpay-* values of a header array (trimmed). */
cloudacct_wxpay_verdict cloudacct_wxpay_verify_headers(HashTable *platform, HashTable *headers, const char *body,
	size_t body_len, zend_long now);

#endif
