/*
 * WeChat Pay API v3 protocol text (wechat-protocols.md §1.2, §1.3, §1.5, §1.9), pure C without Zend
 * so that tests/core checks it against the reference's vectors: the messages that are signed and
 * verified, the Authorization header, RFC 3339 times, numbers allowed in a URL path, the 5-minute
 * window. wxpay.c signs and verifies these bytes with src/crypto.
 */
#ifndef CLOUDACCT_WXPAY_PROTO_H
#define CLOUDACCT_WXPAY_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include "../notices/buf.h"

#define CLOUDACCT_WXPAY_MAX_SKEW 300
#define CLOUDACCT_WXPAY_SCHEME "WECHATPAY2-SHA256-RSA2048"

/* "METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n" (a request's signed message). */
void cloudacct_wxpay_request_message(cloudacct_buf *b, const char *method, const char *url, size_t url_len, long long ts,
	const char *nonce, const char *body, size_t body_len);
/* "TIMESTAMP\nNONCE\nBODY\n" (an answer's or a notification's signed message). */
void cloudacct_wxpay_answer_message(cloudacct_buf *b, const char *ts, size_t ts_len, const char *nonce, size_t nonce_len,
	const char *body, size_t body_len);
/* "appId\ntimeStamp\nnonceStr\npackage\n" (the front end's paySign message). */
void cloudacct_wxpay_paysign_message(cloudacct_buf *b, const char *appid, const char *ts, const char *nonce,
	const char *package);
/* WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…" */
void cloudacct_wxpay_auth_header(cloudacct_buf *b, const char *mchid, const char *nonce, long long ts, const char *serial,
	const char *signature);

/* A decimal Unix time of 1 to 12 digits. */
bool cloudacct_wxpay_parse_ts(const char *s, size_t len, long long *out);
/* |now - ts| <= 300 s. */
bool cloudacct_wxpay_fresh(long long ts, long long now);
/* "2024-01-01T12:00:00+08:00" (also fractions and "Z") → Unix time; 0 when malformed. */
long long cloudacct_wxpay_rfc3339(const char *s, size_t len);
/* out_trade_no / out_refund_no as they may stand in a URL path: 1..max of [0-9A-Za-z_-]. */
bool cloudacct_wxpay_no_ok(const char *s, size_t len, size_t max);

#endif
