/* WeChat template and subscribe messages (wechat.h). */
#include "wechat.h"

#include <string.h>
#include "../core/text.h"

typedef enum { ANY, DIGITS, LETTERS, ASCII, PHONE, CHINESE, NAME } value_class;

/* Keyword types of the current (2023) rules, shared by subscribe and template messages.
 * max is in characters; thing is the free-text type, the only one safe to shorten. */
typedef struct {
	const char *type;
	size_t max;
	value_class cls;
	const char *label;
} keyword_rule;

static const keyword_rule rules[] = {
	{ "thing", 20, ANY, "事物（20 字以内）" },
	{ "number", 32, DIGITS, "数字（32 位以内，可带小数）" },
	{ "letter", 32, LETTERS, "字母（32 位以内）" },
	{ "symbol", 5, ANY, "符号（5 位以内）" },
	{ "character_string", 32, ASCII, "字符串（32 位以内的数字、字母或符号）" },
	{ "time", 32, ANY, "时间" },
	{ "date", 32, ANY, "日期" },
	{ "amount", 20, ANY, "金额" },
	{ "phone_number", 17, PHONE, "电话（17 位以内数字和符号）" },
	{ "car_number", 8, ANY, "车牌（8 位以内）" },
	{ "name", 10, NAME, "姓名（10 个汉字或 20 个字母以内）" },
	{ "phrase", 5, CHINESE, "汉字短语（5 个汉字以内）" },
	/* Legacy templates (keyword1…) are still delivered; WeChat caps a value at 200 chars. */
	{ "keyword", 200, ANY, "关键词（200 字以内）" },
};

static const keyword_rule generic = { "", 200, ANY, "字段（200 字以内）" };

static const keyword_rule *rule_for(const char *key)
{
	size_t n = strlen(key);
	while (n > 0 && key[n - 1] >= '0' && key[n - 1] <= '9') {
		n--;
	}
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		if (strlen(rules[i].type) == n && memcmp(rules[i].type, key, n) == 0) {
			return &rules[i];
		}
	}
	return &generic;
}

static bool class_ok(value_class cls, const char *s, size_t len)
{
	size_t i = 0;
	switch (cls) {
	case ANY:
		return true;
	case DIGITS:
		i = (len > 0 && s[0] == '-');
		for (bool dot = false; i < len; i++) {
			if (s[i] == '.' && !dot && i > 0) {
				dot = true;
			} else if (s[i] < '0' || s[i] > '9') {
				return false;
			}
		}
		return true;
	case LETTERS:
		for (; i < len; i++) {
			char c = s[i];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
				return false;
			}
		}
		return true;
	case ASCII:
		for (; i < len; i++) {
			if ((unsigned char) s[i] < 0x21 || (unsigned char) s[i] > 0x7e) {
				return false;
			}
		}
		return true;
	case PHONE:
		for (; i < len; i++) {
			if (!strchr("0123456789+-() ", s[i])) {
				return false;
			}
		}
		return true;
	case CHINESE:
		/* Approximation of "纯汉字": no ASCII at all. */
		for (; i < len; i++) {
			if ((unsigned char) s[i] < 0x80) {
				return false;
			}
		}
		return true;
	case NAME:
		return true;
	}
	return false;
}

static bool all_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char) s[i] >= 0x80) {
			return false;
		}
	}
	return true;
}

/* Byte length of the first `chars` code points of valid UTF-8. */
static size_t prefix_bytes(const char *s, size_t len, size_t chars)
{
	size_t i = 0;
	while (i < len && chars > 0) {
		i++;
		while (i < len && ((unsigned char) s[i] & 0xc0) == 0x80) {
			i++;
		}
		chars--;
	}
	return i;
}

bool cloudacct_wx_value(const char *key, const char *value, size_t len, bool truncate_thing, cloudacct_buf *out,
	const char **reason)
{
	const keyword_rule *r = rule_for(key);

	if (strcmp(key, "first") == 0 || strcmp(key, "remark") == 0) {
		*reason = "first/remark 字段已停用，请按新版模板只填关键词 (first/remark are no longer shown)";
		return false;
	}
	if (!cloudacct_utf8_valid(value, len)) {
		*reason = "字段内容不是有效的 UTF-8 (value is not valid UTF-8)";
		return false;
	}
	if (len == 0) {
		*reason = "字段内容为空 (empty value)";
		return false;
	}
	size_t chars = cloudacct_utf8_chars(value, len);
	size_t max = r->cls == NAME && all_ascii(value, len) ? 2 * r->max : r->max;
	if (!class_ok(r->cls, value, len)) {
		*reason = r->label;
		return false;
	}
	if (chars > max) {
		if (!(truncate_thing && r->max == 20 && r->cls == ANY && strcmp(r->type, "thing") == 0)) {
			*reason = r->label;
			return false;
		}
		cloudacct_buf_append(out, value, prefix_bytes(value, len, max - 1));
		cloudacct_buf_appends(out, "\xe2\x80\xa6"); /* … */
		return true;
	}
	cloudacct_buf_append(out, value, len);
	return true;
}

static void member(cloudacct_buf *b, const char *name, const char *value, bool *first)
{
	if (!value) {
		return;
	}
	if (!*first) {
		cloudacct_buf_appendc(b, ',');
	}
	*first = false;
	cloudacct_buf_json_string(b, name, strlen(name));
	cloudacct_buf_appendc(b, ':');
	cloudacct_buf_json_string(b, value, strlen(value));
}

static void data_member(cloudacct_buf *b, const cloudacct_wx_message *m)
{
	cloudacct_buf_appends(b, ",\"data\":{");
	for (size_t i = 0; i < m->n_data; i++) {
		if (i) {
			cloudacct_buf_appendc(b, ',');
		}
		cloudacct_buf_json_string(b, m->data[i].key, strlen(m->data[i].key));
		cloudacct_buf_appends(b, ":{\"value\":");
		cloudacct_buf_json_string(b, m->data[i].value, strlen(m->data[i].value));
		cloudacct_buf_appendc(b, '}');
	}
	cloudacct_buf_appends(b, "}}");
}

bool cloudacct_wx_template_body(cloudacct_buf *out, const cloudacct_wx_message *m)
{
	bool first = true;
	cloudacct_buf_appendc(out, '{');
	member(out, "touser", m->touser, &first);
	member(out, "template_id", m->template_id, &first);
	member(out, "url", m->url, &first);
	if (m->mp_appid) {
		/* When both are present WeChat opens the mini program; url stays as the fallback. */
		cloudacct_buf_appends(out, ",\"miniprogram\":{");
		bool inner = true;
		member(out, "appid", m->mp_appid, &inner);
		member(out, "pagepath", m->mp_pagepath, &inner);
		cloudacct_buf_appendc(out, '}');
	}
	member(out, "client_msg_id", m->client_msg_id, &first);
	data_member(out, m);
	return !out->oom;
}

bool cloudacct_wx_subscribe_body(cloudacct_buf *out, const cloudacct_wx_message *m)
{
	bool first = true;
	cloudacct_buf_appendc(out, '{');
	member(out, "touser", m->touser, &first);
	member(out, "template_id", m->template_id, &first);
	member(out, "page", m->page, &first);
	member(out, "miniprogram_state", m->miniprogram_state ? m->miniprogram_state : "formal", &first);
	member(out, "lang", m->lang ? m->lang : "zh_CN", &first);
	data_member(out, m);
	return !out->oom;
}

typedef struct {
	long errcode;
	cloudacct_notice_action action;
	const char *reason;
} errcode_rule;

/* wechat-protocols.md §3.5. Configuration errors fall back to SMS so the person still hears. */
static const errcode_rule errcodes[] = {
	{ 0, CLOUDACCT_NOTICE_SENT, "ok" },
	{ -1, CLOUDACCT_NOTICE_RETRY, "微信系统繁忙 (system busy)" },
	{ 40001, CLOUDACCT_NOTICE_REFRESH_TOKEN, "access_token 无效或不是最新 (invalid credential)" },
	{ 40014, CLOUDACCT_NOTICE_REFRESH_TOKEN, "access_token 无效 (invalid access_token)" },
	{ 42001, CLOUDACCT_NOTICE_REFRESH_TOKEN, "access_token 已过期 (access_token expired)" },
	{ 40003, CLOUDACCT_NOTICE_FALLBACK, "openid 无效 (invalid openid)" },
	{ 43004, CLOUDACCT_NOTICE_FALLBACK, "用户未关注公众号 (require subscribe)" },
	{ 43101, CLOUDACCT_NOTICE_FALLBACK, "用户拒收或未订阅该消息 (user refuses to accept the msg)" },
	{ 40013, CLOUDACCT_NOTICE_FALLBACK, "AppID 无效，请检查公众号配置 (invalid appid)" },
	{ 40037, CLOUDACCT_NOTICE_FALLBACK, "模板 ID 无效，请检查通知模板设置 (invalid template_id)" },
	{ 40164, CLOUDACCT_NOTICE_FALLBACK, "服务器 IP 不在公众号白名单 (caller IP not whitelisted)" },
	{ 41030, CLOUDACCT_NOTICE_FALLBACK, "跳转页面无效，请检查通知模板设置 (invalid page)" },
	{ 48001, CLOUDACCT_NOTICE_FALLBACK, "公众号未获得该接口权限 (api unauthorized)" },
	{ 45009, CLOUDACCT_NOTICE_DEFER_DAY, "接口调用已达今日上限 (daily quota reached)" },
	{ 45011, CLOUDACCT_NOTICE_RETRY, "接口调用过于频繁 (api freq out of limit)" },
	{ 47003, CLOUDACCT_NOTICE_FAIL, "模板参数不合法 (argument invalid)" },
	{ 40002, CLOUDACCT_NOTICE_FAIL, "grant_type 无效 (invalid grant_type)" },
	{ 41001, CLOUDACCT_NOTICE_FAIL, "缺少 access_token (access_token missing)" },
	{ 47001, CLOUDACCT_NOTICE_FAIL, "请求格式错误 (data format error)" },
};

cloudacct_notice_action cloudacct_wx_classify(long errcode, const char **reason)
{
	for (size_t i = 0; i < sizeof(errcodes) / sizeof(errcodes[0]); i++) {
		if (errcodes[i].errcode == errcode) {
			*reason = errcodes[i].reason;
			return errcodes[i].action;
		}
	}
	*reason = "微信返回未知错误码 (unknown errcode)";
	return CLOUDACCT_NOTICE_RETRY;
}
