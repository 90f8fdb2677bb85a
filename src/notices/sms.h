/*
 * SMS requests (wechat-protocols.md §4): Tencent Cloud SendSms signed with TC3-HMAC-SHA256,
 * Aliyun dysmsapi SendSms signed with RPC v1 (HMAC-SHA1) or ACS3-HMAC-SHA256, and the
 * classification of their answer codes. Pure C; secrets are borrowed and never copied.
 */
#ifndef CLOUDACCT_NOTICES_SMS_H
#define CLOUDACCT_NOTICES_SMS_H

#include "buf.h"
#include "wechat.h"

#define CLOUDACCT_TENCENT_SMS_HOST "sms.tencentcloudapi.com"
#define CLOUDACCT_TENCENT_SMS_VERSION "2021-01-11"
#define CLOUDACCT_TC3_CONTENT_TYPE "application/json; charset=utf-8"
#define CLOUDACCT_ALIYUN_SMS_HOST "dysmsapi.aliyuncs.com"
#define CLOUDACCT_ALIYUN_SMS_VERSION "2017-05-25"
/* SessionContext must stay under 512 bytes; OutId is documented up to 256. */
#define CLOUDACCT_SMS_REF_MAX 128

/* A mainland mobile number in any of the accepted spellings (13800138000, +8613800138000,
 * 8613800138000, 008613800138000) → its 11 digits in out (12 bytes). false: not a phone. */
bool cloudacct_sms_phone_normalize(const char *s, size_t len, char out[12]);

/* {"PhoneNumberSet":[…],"SmsSdkAppId":…,"SignName":…,"TemplateId":…,"TemplateParamSet":[…]
 * [,"SessionContext":…]} — the member order of the reference's TC-2 vector. Phones are sent
 * as "+86" + 11 digits. */
bool cloudacct_tencent_sms_body(cloudacct_buf *out, const char *phone11, const char *sdk_app_id,
	const char *sign_name, const char *template_id, const char *const *params, size_t n_params,
	const char *session_context);

typedef struct {
	const char *secret_id;  /* borrowed */
	const char *secret_key; /* borrowed, secret */
	const char *host;       /* signed as sent: the real host even when tests connect elsewhere */
	const char *service;    /* "sms" */
	const char *action;     /* "SendSms" (signed lower-cased, as the SDKs do) */
	long long timestamp;
} cloudacct_tc3_request;

/* CanonicalRequest over content-type;host;x-tc-action for a POST of payload. */
bool cloudacct_tc3_canonical_request(cloudacct_buf *out, const cloudacct_tc3_request *r, const char *payload,
	size_t payload_len);
/* "TC3-HMAC-SHA256 Credential=…, SignedHeaders=content-type;host;x-tc-action, Signature=…". */
bool cloudacct_tc3_authorization(cloudacct_buf *out, const cloudacct_tc3_request *r, const char *payload,
	size_t payload_len);

/* Aliyun RPC v1: params sorted by key in place, then pe(k)=pe(v) joined by '&'. */
bool cloudacct_aliyun_canonical_query(cloudacct_buf *out, cloudacct_kv *params, size_t n);
/* Base64(HMAC-SHA1(secret + "&", METHOD "&%2F&" pe(canonical_query))). */
void cloudacct_aliyun_rpc_signature(const char *method, const char *canonical_query, size_t len,
	const char *secret, char out[29]);

typedef struct {
	const char *method;       /* "POST" */
	const char *host;
	const char *action;       /* x-acs-action */
	const char *version;      /* x-acs-version */
	const char *date;         /* x-acs-date, UTC yyyy-mm-ddThh:mm:ssZ */
	const char *nonce;        /* x-acs-signature-nonce */
	const char *query;        /* canonical query string (cloudacct_aliyun_canonical_query) */
	const char *content_type; /* signed when non-NULL */
	const char *payload;
	size_t payload_len;
	const char *key_id;       /* borrowed */
	const char *secret;       /* borrowed, secret */
} cloudacct_acs3_request;

/* payload_hash receives the x-acs-content-sha256 value the request must also send. */
bool cloudacct_acs3_canonical_request(cloudacct_buf *out, const cloudacct_acs3_request *r, char payload_hash[65]);
bool cloudacct_acs3_authorization(cloudacct_buf *out, const cloudacct_acs3_request *r, char payload_hash[65]);

/* Answer code → action; reason is a short Chinese text (static). "Ok" / "OK" are success. */
cloudacct_notice_action cloudacct_tencent_classify(const char *code, const char **reason);
cloudacct_notice_action cloudacct_aliyun_classify(const char *code, const char **reason);

#endif
