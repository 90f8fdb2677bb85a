/* WeChat Pay API v3 protocol text (wxpay_proto.h). Pure C: tests/core/test_wxpay_proto.c. */
#include <stdio.h>
#include <string.h>
#include "wxpay_proto.h"

void cloudacct_wxpay_request_message(cloudacct_buf *b, const char *method, const char *url, size_t url_len, long long ts,
	const char *nonce, const char *body, size_t body_len)
{
	cloudacct_buf_appends(b, method);
	cloudacct_buf_appendc(b, '\n');
	cloudacct_buf_append(b, url, url_len);
	cloudacct_buf_appendc(b, '\n');
	cloudacct_buf_append_long(b, ts);
	cloudacct_buf_appendc(b, '\n');
	cloudacct_buf_appends(b, nonce);
	cloudacct_buf_appendc(b, '\n');
	cloudacct_buf_append(b, body, body_len);
	cloudacct_buf_appendc(b, '\n');
}

void cloudacct_wxpay_answer_message(cloudacct_buf *b, const char *ts, size_t ts_len, const char *nonce, size_t nonce_len,
	const char *body, size_t body_len)
{
	cloudacct_buf_append(b, ts, ts_len);
	cloudacct_buf_appendc(b, '\n');
	cloudacct_buf_append(b, nonce, nonce_len);
	cloudacct_buf_appendc(b, '\n');
	cloudacct_buf_append(b, body, body_len);
	cloudacct_buf_appendc(b, '\n');
}

void cloudacct_wxpay_paysign_message(cloudacct_buf *b, const char *appid, const char *ts, const char *nonce,
	const char *package)
{
	cloudacct_buf_appends(b, appid);
	cloudacct_buf_appendc(b, '\n');
	cloudacct_buf_appends(b, ts);
	cloudacct_buf_appendc(b, '\n');
	cloudacct_buf_appends(b, nonce);
	cloudacct_buf_appendc(b, '\n');
	cloudacct_buf_appends(b, package);
	cloudacct_buf_appendc(b, '\n');
}

void cloudacct_wxpay_auth_header(cloudacct_buf *b, const char *mchid, const char *nonce, long long ts, const char *serial,
	const char *signature)
{
	cloudacct_buf_appends(b, CLOUDACCT_WXPAY_SCHEME " mchid=\"");
	cloudacct_buf_appends(b, mchid);
	cloudacct_buf_appends(b, "\",nonce_str=\"");
	cloudacct_buf_appends(b, nonce);
	cloudacct_buf_appends(b, "\",timestamp=\"");
	cloudacct_buf_append_long(b, ts);
	cloudacct_buf_appends(b, "\",serial_no=\"");
	cloudacct_buf_appends(b, serial);
	cloudacct_buf_appends(b, "\",signature=\"");
	cloudacct_buf_appends(b, signature);
	cloudacct_buf_appendc(b, '"');
}

bool cloudacct_wxpay_parse_ts(const char *s, size_t len, long long *out)
{
	long long v = 0;
	if (!s || len == 0 || len > 12) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool cloudacct_wxpay_fresh(long long ts, long long now)
{
	return (ts > now ? ts - now : now - ts) <= CLOUDACCT_WXPAY_MAX_SKEW;
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

long long cloudacct_wxpay_rfc3339(const char *s, size_t len)
{
	int y, mo, d, h, mi, sec, oh = 0, om = 0;
	size_t i = 19;

	if (!s || len < 20 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-'
			|| !digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != 't') || !digits(s + 11, 2, &h) || s[13] != ':'
			|| !digits(s + 14, 2, &mi) || s[16] != ':' || !digits(s + 17, 2, &sec)) {
		return 0;
	}
	if (s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		}
	}
	int sign = 0;
	if (i < len && (s[i] == 'Z' || s[i] == 'z') && i + 1 == len) {
		sign = 0;
	} else if (i + 6 == len && (s[i] == '+' || s[i] == '-') && digits(s + i + 1, 2, &oh) && s[i + 3] == ':'
			&& digits(s + i + 4, 2, &om) && oh <= 23 && om <= 59) {
		sign = s[i] == '-' ? -1 : 1;
	} else {
		return 0;
	}
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) {
		return 0;
	}
	/* A day the month has: "2024-02-31" is no date (it used to read as 2024-03-02). */
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > (mo == 2 ? (leap ? 29 : 28) : (mo == 4 || mo == 6 || mo == 9 || mo == 11) ? 30 : 31)) {
		return 0;
	}
	/* days from civil (H. Hinnant) */
	int yy = y - (mo <= 2);
	int era = yy / 400;
	int yoe = yy - era * 400;
	int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	long long days = (long long) era * 146097 + doe - 719468;
	return days * 86400 + h * 3600 + mi * 60 + sec - (long long) sign * (oh * 3600 + om * 60);
}

bool cloudacct_wxpay_no_ok(const char *s, size_t len, size_t max)
{
	if (len == 0 || len > max) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-')) {
			return false;
		}
	}
	return true;
}
