/* src/notices protocol builders: WeChat template/subscribe bodies and keyword rules, Tencent TC3
 * and Aliyun RPC v1 / ACS3 signatures against wechat-protocols.md §3–4 (TC-2, AL-3, AL-5). */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "../../src/crypto/crypto.h"
#include "../../src/notices/buf.h"
#include "../../src/notices/wechat.h"
#include "../../src/notices/sms.h"

static void test_encodings(void)
{
	cloudacct_buf b = { 0 };
	cloudacct_buf_json_string(&b, "a\"b\\c/d\n\x01巧", strlen("a\"b\\c/d\n\x01巧"));
	is_str(b.p, "\"a\\\"b\\\\c/d\\n\\u0001巧\"", "JSON string escaping keeps UTF-8 and /");
	cloudacct_buf_reset(&b);
	cloudacct_buf_percent(&b, "a b*~-_.{\"}:阿", strlen("a b*~-_.{\"}:阿"));
	is_str(b.p, "a%20b%2A~-_.%7B%22%7D%3A%E9%98%BF", "RFC 3986 percent-encoding");
	cloudacct_buf_free(&b);
	ok(b.p == NULL && b.len == 0, "free zeroes the buffer");

	char d[11], t[21];
	cloudacct_utc_date(1704081600, d);
	is_str(d, "2024-01-01", "TC3 credential date is UTC");
	cloudacct_utc_date(1704124799, d);
	is_str(d, "2024-01-01", "23:59:59 UTC is still the same day (Beijing already the next)");
	cloudacct_utc_iso8601(1704081600, t);
	is_str(t, "2024-01-01T04:00:00Z", "Aliyun timestamp");
}

static void test_wechat_bodies(void)
{
	cloudacct_buf b = { 0 };
	cloudacct_wx_field data[] = {
		{ "keyword1", "巧克力" }, { "keyword2", "39.8元" }, { "keyword3", "2014年9月22日" },
	};
	cloudacct_wx_message m = {
		.touser = "OPENID",
		.template_id = "ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY",
		.url = "http://weixin.qq.com/download",
		.mp_appid = "xiaochengxuappid12345",
		.mp_pagepath = "index?foo=bar",
		.client_msg_id = "MSG_000001",
		.data = data,
		.n_data = 3,
	};
	ok(cloudacct_wx_template_body(&b, &m), "template body builds");
	is_str(b.p,
		"{\"touser\":\"OPENID\",\"template_id\":\"ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY\","
		"\"url\":\"http://weixin.qq.com/download\","
		"\"miniprogram\":{\"appid\":\"xiaochengxuappid12345\",\"pagepath\":\"index?foo=bar\"},"
		"\"client_msg_id\":\"MSG_000001\","
		"\"data\":{\"keyword1\":{\"value\":\"巧克力\"},\"keyword2\":{\"value\":\"39.8元\"},"
		"\"keyword3\":{\"value\":\"2014年9月22日\"}}}",
		"template body equals the reference example (§3.2)");
	cloudacct_buf_reset(&b);
	m.url = NULL;
	m.mp_appid = NULL;
	m.client_msg_id = NULL;
	m.n_data = 1;
	cloudacct_wx_template_body(&b, &m);
	is_str(b.p,
		"{\"touser\":\"OPENID\",\"template_id\":\"ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY\","
		"\"data\":{\"keyword1\":{\"value\":\"巧克力\"}}}",
		"optional members are left out");

	cloudacct_buf_reset(&b);
	cloudacct_wx_field sdata[] = {
		{ "number01", "339208499" }, { "date01", "2015年01月05日" }, { "thing01", "广州市新港中路397号" },
	};
	cloudacct_wx_message s = {
		.touser = "OPENID", .template_id = "TEMPLATE_ID", .page = "index?foo=bar", .data = sdata, .n_data = 3,
	};
	ok(cloudacct_wx_subscribe_body(&b, &s), "subscribe body builds");
	is_str(b.p,
		"{\"touser\":\"OPENID\",\"template_id\":\"TEMPLATE_ID\",\"page\":\"index?foo=bar\","
		"\"miniprogram_state\":\"formal\",\"lang\":\"zh_CN\","
		"\"data\":{\"number01\":{\"value\":\"339208499\"},\"date01\":{\"value\":\"2015年01月05日\"},"
		"\"thing01\":{\"value\":\"广州市新港中路397号\"}}}",
		"subscribe body equals the reference example (§3.3)");
	cloudacct_buf_free(&b);
}

static void value_ok(const char *key, const char *value, bool truncate, const char *want)
{
	cloudacct_buf b = { 0 };
	const char *reason = NULL;
	bool r = cloudacct_wx_value(key, value, strlen(value), truncate, &b, &reason);
	ok(r, "%s=%s accepted", key, tap_esc(value));
	is_str(cloudacct_buf_str(&b), want, "%s sends %s", key, tap_esc(want));
	cloudacct_buf_free(&b);
}

static void value_bad(const char *key, const char *value, bool truncate)
{
	cloudacct_buf b = { 0 };
	const char *reason = NULL;
	ok(!cloudacct_wx_value(key, value, strlen(value), truncate, &b, &reason) && reason && *reason,
		"%s=%s refused (%s)", key, tap_esc(value), reason ? reason : "");
	cloudacct_buf_free(&b);
}

static void test_wechat_values(void)
{
	value_ok("thing1", "代账服务", true, "代账服务");
	value_ok("thing1", "一二三四五六七八九十一二三四五六七八九十", false, "一二三四五六七八九十一二三四五六七八九十");
	value_ok("thing1", "一二三四五六七八九十一二三四五六七八九十多", true, "一二三四五六七八九十一二三四五六七八九…");
	value_bad("thing1", "一二三四五六七八九十一二三四五六七八九十多", false);
	value_ok("number2", "-12.50", false, "-12.50");
	value_bad("number2", "12a", true);
	value_bad("number2", "123456789012345678901234567890123", true);
	value_ok("character_string3", "JOB-2024-0001", false, "JOB-2024-0001");
	value_bad("character_string3", "工单1", false);
	value_ok("phrase4", "已完成", false, "已完成");
	value_bad("phrase4", "已经全部完成了", true);
	value_bad("phrase4", "done", false);
	value_ok("name5", "Alexander Hamilton J", false, "Alexander Hamilton J");
	value_bad("name5", "欧阳一二三四五六七八九", false);
	value_ok("phone_number6", "+86 138-0013-8000", false, "+86 138-0013-8000");
	value_bad("phone_number6", "call me", false);
	value_ok("amount7", "¥1,234.00", false, "¥1,234.00");
	value_ok("keyword1", "巧克力", false, "巧克力");
	value_bad("first", "您好", false);
	value_bad("remark", "谢谢", false);
	value_bad("thing1", "", true);
	value_bad("thing1", "bad\xff", true);
}

static void test_wechat_classify(void)
{
	static const struct { long code; cloudacct_notice_action want; } v[] = {
		{ 0, CLOUDACCT_NOTICE_SENT }, { -1, CLOUDACCT_NOTICE_RETRY }, { 40001, CLOUDACCT_NOTICE_REFRESH_TOKEN },
		{ 40014, CLOUDACCT_NOTICE_REFRESH_TOKEN }, { 42001, CLOUDACCT_NOTICE_REFRESH_TOKEN },
		{ 43004, CLOUDACCT_NOTICE_FALLBACK }, { 43101, CLOUDACCT_NOTICE_FALLBACK },
		{ 40003, CLOUDACCT_NOTICE_FALLBACK }, { 40037, CLOUDACCT_NOTICE_FALLBACK },
		{ 45009, CLOUDACCT_NOTICE_DEFER_DAY }, { 45011, CLOUDACCT_NOTICE_RETRY },
		{ 47003, CLOUDACCT_NOTICE_FAIL }, { 41001, CLOUDACCT_NOTICE_FAIL }, { 99999, CLOUDACCT_NOTICE_RETRY },
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		const char *reason = NULL;
		is_int(cloudacct_wx_classify(v[i].code, &reason), v[i].want, "errcode %ld", v[i].code);
		ok(reason && *reason, "errcode %ld has a reason", v[i].code);
	}
}

/* TC-2 [COMPUTED]: SecretKey as the vendor's TC-1 example. */
static void test_tencent(void)
{
	cloudacct_buf body = { 0 }, canon = { 0 }, auth = { 0 };
	const char *params[] = { "123456", "5" };
	char hash[65];

	cloudacct_tencent_sms_body(&body, "13711112222", "1400006666", "腾讯云", "1234567", params, 2, NULL);
	is_str(body.p,
		"{\"PhoneNumberSet\":[\"+8613711112222\"],\"SmsSdkAppId\":\"1400006666\",\"SignName\":\"腾讯云\","
		"\"TemplateId\":\"1234567\",\"TemplateParamSet\":[\"123456\",\"5\"]}",
		"TC-2 payload");
	cloudacct_sha256_hex(body.p, body.len, hash);
	is_str(hash, "5823f87723d9ba6dd16dd6ed244c9126b9d1560a433c48ca3f988b9f75a33816", "TC-2 payload hash");
	cloudacct_tc3_request r = {
		.secret_id = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
		.secret_key = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
		.host = "sms.tencentcloudapi.com",
		.service = "sms",
		.action = "SendSms",
		.timestamp = 1704081600,
	};
	cloudacct_tc3_canonical_request(&canon, &r, body.p, body.len);
	is_str(canon.p,
		"POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:sms.tencentcloudapi.com\n"
		"x-tc-action:sendsms\n\ncontent-type;host;x-tc-action\n"
		"5823f87723d9ba6dd16dd6ed244c9126b9d1560a433c48ca3f988b9f75a33816",
		"TC-2 CanonicalRequest");
	cloudacct_sha256_hex(canon.p, canon.len, hash);
	is_str(hash, "5af31344487bc64687a2fe4a2c1bbe411f5f568830351ef9ae9fcd36a5b3bd35", "TC-2 hashed CanonicalRequest");
	ok(cloudacct_tc3_authorization(&auth, &r, body.p, body.len), "TC-2 signs");
	is_str(auth.p,
		"TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2024-01-01/sms/tc3_request, "
		"SignedHeaders=content-type;host;x-tc-action, "
		"Signature=c9b2104cea66b8517f3feed0ad8217c4e47cd6e7cbaaf89e704c00e591868b68",
		"TC-2 Authorization");
	cloudacct_buf_reset(&body);
	cloudacct_tencent_sms_body(&body, "13711112222", "1400006666", "腾讯云", "1234567", params, 0, "ca-1-42");
	is_str(body.p,
		"{\"PhoneNumberSet\":[\"+8613711112222\"],\"SmsSdkAppId\":\"1400006666\",\"SignName\":\"腾讯云\","
		"\"TemplateId\":\"1234567\",\"TemplateParamSet\":[],\"SessionContext\":\"ca-1-42\"}",
		"SessionContext carries the dedup reference");
	cloudacct_buf_free(&body);
	cloudacct_buf_free(&canon);
	cloudacct_buf_free(&auth);

	const char *reason;
	is_int(cloudacct_tencent_classify("Ok", &reason), CLOUDACCT_NOTICE_SENT, "Ok");
	is_int(cloudacct_tencent_classify("OK", &reason), CLOUDACCT_NOTICE_FAIL, "OK is not Tencent's success");
	is_int(cloudacct_tencent_classify("AuthFailure.SignatureFailure", &reason), CLOUDACCT_NOTICE_FAIL, "auth");
	is_int(cloudacct_tencent_classify("InternalError.Timeout", &reason), CLOUDACCT_NOTICE_RETRY, "internal");
	is_int(cloudacct_tencent_classify("LimitExceeded.PhoneNumberDailyLimit", &reason), CLOUDACCT_NOTICE_DEFER_DAY,
		"daily limit");
	is_int(cloudacct_tencent_classify("LimitExceeded.PhoneNumberOneHourLimit", &reason),
		CLOUDACCT_NOTICE_DEFER_HOUR, "hourly limit");
}

static void test_aliyun(void)
{
	cloudacct_kv v1[] = {
		{ "Version", "2017-05-25" }, { "AccessKeyId", "testId" }, { "Action", "SendSms" }, { "Format", "JSON" },
		{ "PhoneNumbers", "13800138000" }, { "RegionId", "cn-hangzhou" }, { "SignName", "阿里云短信测试" },
		{ "SignatureMethod", "HMAC-SHA1" }, { "SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466" },
		{ "SignatureVersion", "1.0" }, { "TemplateCode", "SMS_154950909" }, { "TemplateParam", "{\"code\":\"1234\"}" },
		{ "Timestamp", "2024-01-01T04:00:00Z" },
	};
	cloudacct_buf q = { 0 }, auth = { 0 }, canon = { 0 };
	char sig[29], hash[65], chash[65];

	cloudacct_aliyun_canonical_query(&q, v1, sizeof(v1) / sizeof(v1[0]));
	is_str(v1[0].key, "AccessKeyId", "parameters are sorted by name");
	cloudacct_aliyun_rpc_signature("POST", q.p, q.len, "testSecret", sig);
	is_str(sig, "SbKHsSUD9A6FrJn3jNj/ZgrFFWo=", "AL-3 RPC v1 signature");

	cloudacct_kv p3[] = {
		{ "TemplateParam", "{\"code\":\"1234\"}" }, { "SignName", "阿里云短信测试" },
		{ "TemplateCode", "SMS_154950909" }, { "PhoneNumbers", "13800138000" },
	};
	cloudacct_buf_reset(&q);
	cloudacct_aliyun_canonical_query(&q, p3, 4);
	is_str(q.p,
		"PhoneNumbers=13800138000&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95"
		"&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%221234%22%7D",
		"AL-5 canonical query");
	cloudacct_acs3_request r = {
		.method = "POST",
		.host = "dysmsapi.aliyuncs.com",
		.action = "SendSms",
		.version = "2017-05-25",
		.date = "2024-01-01T04:00:00Z",
		.nonce = "3156853299f313e23d1673dc12e1703d",
		.query = q.p,
		.key_id = "YourAccessKeyId",
		.secret = "YourAccessKeySecret",
	};
	cloudacct_acs3_canonical_request(&canon, &r, hash);
	is_str(hash, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty body hash");
	cloudacct_sha256_hex(canon.p, canon.len, chash);
	is_str(chash, "b4a98d5e04a5c9537802964cd51613184705add88f60663a830bf99a6b99e089", "AL-5 hashed CanonicalRequest");
	cloudacct_acs3_authorization(&auth, &r, hash);
	is_str(auth.p,
		"ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
		"SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
		"Signature=ca8ea203f5c7a155e214179f6dcb18f395711e02911e220f70e15a7b4d86614d",
		"AL-5 Authorization");
	cloudacct_buf_free(&q);
	cloudacct_buf_free(&auth);
	cloudacct_buf_free(&canon);

	const char *reason;
	is_int(cloudacct_aliyun_classify("OK", &reason), CLOUDACCT_NOTICE_SENT, "OK");
	is_int(cloudacct_aliyun_classify("isv.BUSINESS_LIMIT_CONTROL", &reason), CLOUDACCT_NOTICE_DEFER_HOUR, "rate");
	is_int(cloudacct_aliyun_classify("isv.MOBILE_NUMBER_ILLEGAL", &reason), CLOUDACCT_NOTICE_FAIL, "bad number");
	is_int(cloudacct_aliyun_classify("Throttling.User", &reason), CLOUDACCT_NOTICE_RETRY, "throttling");
	is_int(cloudacct_aliyun_classify("SignatureDoesNotMatch", &reason), CLOUDACCT_NOTICE_FAIL, "bad signature");
}

static void test_phones(void)
{
	char out[12];
	static const char *good[] = { "13800138000", "+8613800138000", "8613800138000", "008613800138000" };
	for (size_t i = 0; i < 4; i++) {
		ok(cloudacct_sms_phone_normalize(good[i], strlen(good[i]), out) && strcmp(out, "13800138000") == 0,
			"%s is 13800138000", good[i]);
	}
	static const char *bad[] = { "", "12800138000", "1380013800", "138001380000", "+1 555 0100", "phone",
		"+86138001380001", "１３８００１３８０００" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(!cloudacct_sms_phone_normalize(bad[i], strlen(bad[i]), out), "%s is not a phone", tap_esc(bad[i]));
	}
}

int main(void)
{
	test_encodings();
	test_wechat_bodies();
	test_wechat_values();
	test_wechat_classify();
	test_tencent();
	test_aliyun();
	test_phones();
	return done_testing();
}
