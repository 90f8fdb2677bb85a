/*
 * Notice protocol text (src/notices/buf.c, wechat.c, sms.c): what the vendor requests carry.
 * Input: a selector byte, then a value. Properties: a JSON string literal decodes (by the small
 * reader below) to exactly the input and holds no raw control byte; percent-encoding keeps only
 * RFC 3986 unreserved bytes, uses upper-case hex and decodes back; a normalised SMS phone is a
 * valid mainland number found at the end of the input; a keyword value WeChat accepts is valid
 * UTF-8 within its type's length (a shortened "thing" is 19 characters + "…"), and a template
 * body carries it as one JSON string.
 */
#include "../core/text.h"
#include "buf.h"
#include "fuzz.h"
#include "sms.h"
#include "wechat.h"

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes the JSON string literal at s (starting with '"') into out; returns bytes read or 0. */
static size_t json_read(const char *s, size_t len, char *out, size_t *out_len)
{
	size_t i = 1, n = 0;
	if (len == 0 || s[0] != '"') {
		return 0;
	}
	while (i < len && s[i] != '"') {
		unsigned char c = (unsigned char) s[i];
		if (c < 0x20) {
			return 0;
		}
		if (c != '\\') {
			out[n++] = (char) c;
			i++;
			continue;
		}
		if (i + 1 >= len) {
			return 0;
		}
		char e = s[i + 1];
		i += 2;
		switch (e) {
		case '"': out[n++] = '"'; break;
		case '\\': out[n++] = '\\'; break;
		case '/': out[n++] = '/'; break;
		case 'n': out[n++] = '\n'; break;
		case 'r': out[n++] = '\r'; break;
		case 't': out[n++] = '\t'; break;
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case 'u': {
			if (i + 4 > len) {
				return 0;
			}
			int v = 0;
			for (int k = 0; k < 4; k++) {
				int h = hexval(s[i + k]);
				if (h < 0) {
					return 0;
				}
				v = v * 16 + h;
			}
			if (v > 0x7f) {
				return 0; /* buf.c only escapes ASCII controls */
			}
			out[n++] = (char) v;
			i += 4;
			break;
		}
		default:
			return 0;
		}
	}
	if (i >= len) {
		return 0;
	}
	*out_len = n;
	return i + 1;
}

static const char *const keys[] = { "thing1", "number2", "letter3", "symbol4", "character_string5", "time6", "date7",
	"amount8", "phone_number9", "car_number10", "name11", "phrase12", "keyword1", "unknown13", "first", "remark" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) {
		return 0;
	}
	uint8_t sel = data[0];
	const char *s = (const char *) data + 1;
	size_t len = size - 1;
	cloudacct_buf b = { 0 };
	char *back = malloc(len + 1);
	size_t bn = 0;
	FUZZ_CHECK(back);

	cloudacct_buf_json_string(&b, s, len);
	FUZZ_CHECK(!b.oom && json_read(b.p, b.len, back, &bn) == b.len);
	FUZZ_CHECK(bn == len && memcmp(back, s, len) == 0);
	for (size_t i = 0; i < b.len; i++) {
		FUZZ_CHECK((unsigned char) b.p[i] >= 0x20 && b.p[i] != 0x7f);
	}
	cloudacct_buf_free(&b);

	cloudacct_buf_percent(&b, s, len);
	bn = 0;
	for (size_t i = 0; i < b.len; i++) {
		char c = b.p[i];
		if (c == '%') {
			FUZZ_CHECK(i + 2 < b.len && hexval(b.p[i + 1]) >= 0 && hexval(b.p[i + 2]) >= 0);
			FUZZ_CHECK(!(b.p[i + 1] >= 'a' && b.p[i + 1] <= 'f') && !(b.p[i + 2] >= 'a' && b.p[i + 2] <= 'f'));
			back[bn++] = (char) (hexval(b.p[i + 1]) * 16 + hexval(b.p[i + 2]));
			i += 2;
		} else {
			FUZZ_CHECK((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
				|| c == '.' || c == '~');
			back[bn++] = c;
		}
	}
	FUZZ_CHECK(bn == len && memcmp(back, s, len) == 0);
	cloudacct_buf_free(&b);
	free(back);

	char phone[12];
	if (cloudacct_sms_phone_normalize(s, len, phone)) {
		FUZZ_CHECK(strlen(phone) == 11 && cloudacct_phone_valid(phone, 11));
		FUZZ_CHECK(len >= 11 && memcmp(s + len - 11, phone, 11) == 0);
		size_t pre = len - 11;
		FUZZ_CHECK(pre == 0 || (pre == 2 && memcmp(s, "86", 2) == 0) || (pre == 3 && memcmp(s, "+86", 3) == 0)
			|| (pre == 4 && memcmp(s, "0086", 4) == 0));
	}

	/* One keyword value, then a template body carrying it. */
	const char *key = keys[sel % (sizeof keys / sizeof keys[0])];
	const char *reason = NULL;
	bool truncate = sel & 0x80;
	if (cloudacct_wx_value(key, s, len, truncate, &b, &reason)) {
		FUZZ_CHECK(!b.oom && strcmp(key, "first") != 0 && strcmp(key, "remark") != 0);
		FUZZ_CHECK(cloudacct_utf8_valid(b.p, b.len) && b.len > 0);
		size_t chars = cloudacct_utf8_chars(b.p, b.len);
		if (b.len != len || memcmp(b.p, s, len) != 0) {
			/* Only a too long "thing" is changed: 19 characters of it and "…". */
			FUZZ_CHECK(truncate && strncmp(key, "thing", 5) == 0 && chars == 20);
			FUZZ_CHECK(b.len >= 3 && memcmp(b.p + b.len - 3, "\xe2\x80\xa6", 3) == 0);
			FUZZ_CHECK(memcmp(b.p, s, b.len - 3) == 0);
		}
		char *value = fuzz_dup(b.p, b.len);
		cloudacct_wx_field f = { key, value };
		cloudacct_wx_message m = { .touser = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", .template_id = "tpl", .data = &f, .n_data = 1 };
		cloudacct_buf body = { 0 }, lit = { 0 };
		FUZZ_CHECK(cloudacct_wx_template_body(&body, &m) && !body.oom);
		cloudacct_buf_json_string(&lit, value, strlen(value));
		FUZZ_CHECK(body.p[0] == '{' && body.p[body.len - 1] == '}');
		FUZZ_CHECK(strstr(body.p, lit.p) != NULL);
		cloudacct_buf_free(&body);
		cloudacct_buf_free(&lit);
		free(value);
	} else {
		FUZZ_CHECK(reason != NULL);
	}
	cloudacct_buf_free(&b);
	return 0;
}
