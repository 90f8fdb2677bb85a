/* Tencent Cloud and Aliyun SMS requests and answer codes (sms.h). */
#include "sms.h"

#include <stdlib.h>
#include <string.h>
#include "../core/text.h"
#include "../crypto/crypto.h"

bool cloudacct_sms_phone_normalize(const char *s, size_t len, char out[12])
{
	static const char *const prefixes[] = { "+86", "0086", "86" };
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i]);
		if (len == 11 + n && memcmp(s, prefixes[i], n) == 0) {
			s += n;
			len -= n;
			break;
		}
	}
	if (!cloudacct_phone_valid(s, len)) {
		return false;
	}
	memcpy(out, s, 11);
	out[11] = '\0';
	return true;
}

static void json_member(cloudacct_buf *b, const char *name, const char *value)
{
	cloudacct_buf_appendc(b, ',');
	cloudacct_buf_json_string(b, name, strlen(name));
	cloudacct_buf_appendc(b, ':');
	cloudacct_buf_json_string(b, value, strlen(value));
}

bool cloudacct_tencent_sms_body(cloudacct_buf *out, const char *phone11, const char *sdk_app_id,
	const char *sign_name, const char *template_id, const char *const *params, size_t n_params,
	const char *session_context)
{
	cloudacct_buf_appends(out, "{\"PhoneNumberSet\":[\"+86");
	cloudacct_buf_appends(out, phone11);
	cloudacct_buf_appends(out, "\"]");
	json_member(out, "SmsSdkAppId", sdk_app_id);
	json_member(out, "SignName", sign_name);
	json_member(out, "TemplateId", template_id);
	cloudacct_buf_appends(out, ",\"TemplateParamSet\":[");
	for (size_t i = 0; i < n_params; i++) {
		if (i) {
			cloudacct_buf_appendc(out, ',');
		}
		cloudacct_buf_json_string(out, params[i], strlen(params[i]));
	}
	cloudacct_buf_appendc(out, ']');
	if (session_context) {
		json_member(out, "SessionContext", session_context);
	}
	cloudacct_buf_appendc(out, '}');
	return !out->oom;
}

static void append_lower(cloudacct_buf *b, const char *s)
{
	for (; *s; s++) {
		cloudacct_buf_appendc(b, (char) (*s >= 'A' && *s <= 'Z' ? *s + 32 : *s));
	}
}

bool cloudacct_tc3_canonical_request(cloudacct_buf *out, const cloudacct_tc3_request *r, const char *payload,
	size_t payload_len)
{
	char hash[65];
	cloudacct_sha256_hex(payload, payload_len, hash);
	/* POST, URI "/", empty query; header values are lower-cased and trimmed. */
	cloudacct_buf_appends(out, "POST\n/\n\ncontent-type:" CLOUDACCT_TC3_CONTENT_TYPE "\nhost:");
	append_lower(out, r->host);
	cloudacct_buf_appends(out, "\nx-tc-action:");
	append_lower(out, r->action);
	cloudacct_buf_appends(out, "\n\ncontent-type;host;x-tc-action\n");
	cloudacct_buf_appends(out, hash);
	return !out->oom;
}

bool cloudacct_tc3_authorization(cloudacct_buf *out, const cloudacct_tc3_request *r, const char *payload,
	size_t payload_len)
{
	cloudacct_buf canon = { 0 }, sts = { 0 }, key = { 0 };
	unsigned char k_date[CLOUDACCT_SHA256_LEN], k_service[CLOUDACCT_SHA256_LEN], k_signing[CLOUDACCT_SHA256_LEN];
	char date[11], hash[65], sig[65];

	cloudacct_utc_date(r->timestamp, date);
	cloudacct_tc3_canonical_request(&canon, r, payload, payload_len);
	cloudacct_sha256_hex(canon.p, canon.len, hash);
	cloudacct_buf_appends(&sts, "TC3-HMAC-SHA256\n");
	cloudacct_buf_append_long(&sts, r->timestamp);
	cloudacct_buf_appendc(&sts, '\n');
	cloudacct_buf_appends(&sts, date);
	cloudacct_buf_appendc(&sts, '/');
	cloudacct_buf_appends(&sts, r->service);
	cloudacct_buf_appends(&sts, "/tc3_request\n");
	cloudacct_buf_appends(&sts, hash);

	cloudacct_buf_appends(&key, "TC3");
	cloudacct_buf_appends(&key, r->secret_key);
	cloudacct_hmac_sha256(key.p, key.len, date, strlen(date), k_date);
	cloudacct_hmac_sha256(k_date, sizeof(k_date), r->service, strlen(r->service), k_service);
	cloudacct_hmac_sha256(k_service, sizeof(k_service), "tc3_request", 11, k_signing);
	cloudacct_hmac_sha256_hex(k_signing, sizeof(k_signing), sts.p, sts.len, sig);

	cloudacct_buf_appends(out, "TC3-HMAC-SHA256 Credential=");
	cloudacct_buf_appends(out, r->secret_id);
	cloudacct_buf_appendc(out, '/');
	cloudacct_buf_appends(out, date);
	cloudacct_buf_appendc(out, '/');
	cloudacct_buf_appends(out, r->service);
	cloudacct_buf_appends(out, "/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=");
	cloudacct_buf_appends(out, sig);

	bool ok = !(canon.oom || sts.oom || key.oom || out->oom);
	cloudacct_cleanse(k_date, sizeof(k_date));
	cloudacct_cleanse(k_service, sizeof(k_service));
	cloudacct_cleanse(k_signing, sizeof(k_signing));
	cloudacct_buf_free(&canon);
	cloudacct_buf_free(&sts);
	cloudacct_buf_free(&key);
	return ok;
}

static int kv_compare(const void *a, const void *b)
{
	return strcmp(((const cloudacct_kv *) a)->key, ((const cloudacct_kv *) b)->key);
}

bool cloudacct_aliyun_canonical_query(cloudacct_buf *out, cloudacct_kv *params, size_t n)
{
	qsort(params, n, sizeof(*params), kv_compare);
	for (size_t i = 0; i < n; i++) {
		if (i) {
			cloudacct_buf_appendc(out, '&');
		}
		cloudacct_buf_percent(out, params[i].key, strlen(params[i].key));
		cloudacct_buf_appendc(out, '=');
		cloudacct_buf_percent(out, params[i].value, strlen(params[i].value));
	}
	return !out->oom;
}

void cloudacct_aliyun_rpc_signature(const char *method, const char *canonical_query, size_t len,
	const char *secret, char out[29])
{
	cloudacct_buf sts = { 0 }, key = { 0 };
	cloudacct_buf_appends(&sts, method);
	cloudacct_buf_appends(&sts, "&%2F&");
	cloudacct_buf_percent(&sts, canonical_query, len);
	cloudacct_buf_appends(&key, secret);
	cloudacct_buf_appendc(&key, '&');
	cloudacct_hmac_sha1_base64(key.p, key.len, cloudacct_buf_str(&sts), sts.len, out);
	cloudacct_buf_free(&sts);
	cloudacct_buf_free(&key);
}

static void header_line(cloudacct_buf *b, const char *name, const char *value)
{
	cloudacct_buf_appends(b, name);
	cloudacct_buf_appendc(b, ':');
	cloudacct_buf_appends(b, value);
	cloudacct_buf_appendc(b, '\n');
}

bool cloudacct_acs3_canonical_request(cloudacct_buf *out, const cloudacct_acs3_request *r, char payload_hash[65])
{
	cloudacct_sha256_hex(r->payload ? r->payload : "", r->payload_len, payload_hash);
	cloudacct_buf_appends(out, r->method);
	cloudacct_buf_appends(out, "\n/\n");
	cloudacct_buf_appends(out, r->query ? r->query : "");
	cloudacct_buf_appendc(out, '\n');
	/* Sorted by name: content-type < host < x-acs-*. */
	if (r->content_type) {
		header_line(out, "content-type", r->content_type);
	}
	header_line(out, "host", r->host);
	header_line(out, "x-acs-action", r->action);
	header_line(out, "x-acs-content-sha256", payload_hash);
	header_line(out, "x-acs-date", r->date);
	header_line(out, "x-acs-signature-nonce", r->nonce);
	header_line(out, "x-acs-version", r->version);
	cloudacct_buf_appends(out, "\n");
	cloudacct_buf_appends(out, r->content_type ? "content-type;" : "");
	cloudacct_buf_appends(out,
		"host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n");
	cloudacct_buf_appends(out, payload_hash);
	return !out->oom;
}

bool cloudacct_acs3_authorization(cloudacct_buf *out, const cloudacct_acs3_request *r, char payload_hash[65])
{
	cloudacct_buf canon = { 0 }, sts = { 0 };
	char hash[65], sig[65];

	cloudacct_acs3_canonical_request(&canon, r, payload_hash);
	cloudacct_sha256_hex(cloudacct_buf_str(&canon), canon.len, hash);
	cloudacct_buf_appends(&sts, "ACS3-HMAC-SHA256\n");
	cloudacct_buf_appends(&sts, hash);
	cloudacct_hmac_sha256_hex(r->secret, strlen(r->secret), sts.p, sts.len, sig);
	cloudacct_buf_appends(out, "ACS3-HMAC-SHA256 Credential=");
	cloudacct_buf_appends(out, r->key_id);
	cloudacct_buf_appends(out, ",SignedHeaders=");
	cloudacct_buf_appends(out, r->content_type ? "content-type;" : "");
	cloudacct_buf_appends(out, "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version");
	cloudacct_buf_appends(out, ",Signature=");
	cloudacct_buf_appends(out, sig);
	bool ok = !(canon.oom || sts.oom || out->oom);
	cloudacct_buf_free(&canon);
	cloudacct_buf_free(&sts);
	return ok;
}

typedef struct {
	const char *code; /* exact, or a prefix when it ends in '.' or '*' */
	cloudacct_notice_action action;
	const char *reason;
} code_rule;

static bool code_matches(const char *rule, const char *code)
{
	size_t n = strlen(rule);
	if (n && rule[n - 1] == '*') {
		return strncmp(rule, code, n - 1) == 0;
	}
	return strcmp(rule, code) == 0;
}

static cloudacct_notice_action classify(const code_rule *rules, size_t n, const char *code, const char **reason,
	const char *fallback_reason)
{
	for (size_t i = 0; i < n; i++) {
		if (code_matches(rules[i].code, code)) {
			*reason = rules[i].reason;
			return rules[i].action;
		}
	}
	/* SMS codes not listed are parameter or account problems a retry will not fix. */
	*reason = fallback_reason;
	return CLOUDACCT_NOTICE_FAIL;
}

static const code_rule tencent_codes[] = {
	{ "Ok", CLOUDACCT_NOTICE_SENT, "ok" },
	{ "AuthFailure*", CLOUDACCT_NOTICE_FAIL, "短信密钥或签名校验失败，请检查短信设置 (authentication failed)" },
	{ "RequestLimitExceeded*", CLOUDACCT_NOTICE_RETRY, "短信接口请求过于频繁 (request limit exceeded)" },
	{ "InternalError*", CLOUDACCT_NOTICE_RETRY, "短信服务内部错误 (internal error)" },
	{ "LimitExceeded.PhoneNumberThirtySecondLimit", CLOUDACCT_NOTICE_DEFER_HOUR, "该号码短信发送过于频繁 (per-number limit)" },
	{ "LimitExceeded.PhoneNumberOneHourLimit", CLOUDACCT_NOTICE_DEFER_HOUR, "该号码一小时内短信已达上限 (per-number hourly limit)" },
	{ "LimitExceeded.DeliveryFrequencyLimit", CLOUDACCT_NOTICE_DEFER_HOUR, "短信下发频率受限 (delivery frequency limit)" },
	{ "LimitExceeded.PhoneNumberDailyLimit", CLOUDACCT_NOTICE_DEFER_DAY, "该号码今日短信已达上限 (per-number daily limit)" },
	{ "LimitExceeded.PhoneNumberSameContentDailyLimit", CLOUDACCT_NOTICE_DEFER_DAY, "该号码今日相同内容已达上限 (same content daily limit)" },
	{ "LimitExceeded.AppDailyLimit", CLOUDACCT_NOTICE_DEFER_DAY, "短信应用今日发送量已达上限 (app daily limit)" },
	{ "InvalidParameterValue.IncorrectPhoneNumber", CLOUDACCT_NOTICE_FAIL, "手机号码格式不正确 (incorrect phone number)" },
	{ "FailedOperation.PhoneNumberInBlacklist", CLOUDACCT_NOTICE_FAIL, "该号码已退订或在黑名单中 (number in blacklist)" },
	{ "FailedOperation.InsufficientBalanceInSmsPackage", CLOUDACCT_NOTICE_FAIL, "短信套餐包余量不足，请充值 (insufficient balance)" },
	{ "FailedOperation.SignatureIncorrectOrUnapproved", CLOUDACCT_NOTICE_FAIL, "短信签名未审核通过，请检查短信设置 (signature unapproved)" },
	{ "FailedOperation.TemplateIncorrectOrUnapproved", CLOUDACCT_NOTICE_FAIL, "短信模板未审核通过，请检查通知模板设置 (template unapproved)" },
	{ "InvalidParameterValue.TemplateParameterLengthLimit", CLOUDACCT_NOTICE_FAIL, "短信模板变量超长 (template parameter too long)" },
	{ "InvalidParameterValue.TemplateParameterFormatError", CLOUDACCT_NOTICE_FAIL, "短信模板变量格式错误 (template parameter format)" },
	{ "UnauthorizedOperation.SmsSdkAppIdVerifyFail", CLOUDACCT_NOTICE_FAIL, "短信 SdkAppId 无效，请检查短信设置 (SmsSdkAppId verify fail)" },
};

cloudacct_notice_action cloudacct_tencent_classify(const char *code, const char **reason)
{
	return classify(tencent_codes, sizeof(tencent_codes) / sizeof(tencent_codes[0]), code, reason,
		"腾讯云短信发送失败 (SendSms failed)");
}

static const code_rule aliyun_codes[] = {
	{ "OK", CLOUDACCT_NOTICE_SENT, "ok" },
	{ "isv.BUSINESS_LIMIT_CONTROL", CLOUDACCT_NOTICE_DEFER_HOUR, "该号码短信发送过于频繁 (business limit control)" },
	{ "isv.DAY_LIMIT_CONTROL", CLOUDACCT_NOTICE_DEFER_DAY, "今日短信发送量已达上限 (day limit control)" },
	{ "isp.SYSTEM_ERROR", CLOUDACCT_NOTICE_RETRY, "短信服务内部错误 (system error)" },
	{ "Throttling*", CLOUDACCT_NOTICE_RETRY, "短信接口请求过于频繁 (throttling)" },
	{ "ServiceUnavailable*", CLOUDACCT_NOTICE_RETRY, "短信服务暂不可用 (service unavailable)" },
	{ "InternalError*", CLOUDACCT_NOTICE_RETRY, "短信服务内部错误 (internal error)" },
	{ "SignatureNonceUsed*", CLOUDACCT_NOTICE_RETRY, "签名随机数重复 (signature nonce used)" },
	{ "SignatureDoesNotMatch*", CLOUDACCT_NOTICE_FAIL, "短信密钥或签名校验失败，请检查短信设置 (signature does not match)" },
	{ "InvalidAccessKeyId*", CLOUDACCT_NOTICE_FAIL, "短信 AccessKeyId 无效，请检查短信设置 (invalid AccessKeyId)" },
	{ "InvalidTimeStamp*", CLOUDACCT_NOTICE_FAIL, "服务器时间与阿里云相差过大，请校准时钟 (timestamp expired)" },
	{ "isv.MOBILE_NUMBER_ILLEGAL", CLOUDACCT_NOTICE_FAIL, "手机号码格式不正确 (illegal mobile number)" },
	{ "isv.AMOUNT_NOT_ENOUGH", CLOUDACCT_NOTICE_FAIL, "短信账户余额不足，请充值 (amount not enough)" },
	{ "isv.SMS_SIGNATURE_ILLEGAL", CLOUDACCT_NOTICE_FAIL, "短信签名不合法，请检查短信设置 (signature illegal)" },
	{ "isv.SMS_TEMPLATE_ILLEGAL", CLOUDACCT_NOTICE_FAIL, "短信模板不合法，请检查通知模板设置 (template illegal)" },
	{ "isv.TEMPLATE_MISSING_PARAMETERS", CLOUDACCT_NOTICE_FAIL, "短信模板变量缺失 (template missing parameters)" },
	{ "isv.INVALID_JSON_PARAM", CLOUDACCT_NOTICE_FAIL, "短信模板变量格式错误 (invalid json param)" },
	{ "isv.PARAM_LENGTH_LIMIT", CLOUDACCT_NOTICE_FAIL, "短信模板变量超长 (param length limit)" },
	{ "isv.BLACK_KEY_CONTROL_LIMIT", CLOUDACCT_NOTICE_FAIL, "短信内容含禁止词 (black key control)" },
};

cloudacct_notice_action cloudacct_aliyun_classify(const char *code, const char **reason)
{
	return classify(aliyun_codes, sizeof(aliyun_codes) / sizeof(aliyun_codes[0]), code, reason,
		"阿里云短信发送失败 (SendSms failed)");
}
