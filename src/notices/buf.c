/* The protocol builders' buffer and encodings (buf.h). */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../crypto/crypto.h"
#include "../core/calendar.h"

static bool grow(cloudacct_buf *b, size_t extra)
{
	if (b->oom) {
		return false;
	}
	if (b->len + extra + 1 <= b->cap) {
		return true;
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1) {
		cap *= 2;
	}
	char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

void cloudacct_buf_append(cloudacct_buf *b, const char *s, size_t n)
{
	if (grow(b, n)) {
		memcpy(b->p + b->len, s, n);
		b->len += n;
		b->p[b->len] = '\0';
	}
}

void cloudacct_buf_appends(cloudacct_buf *b, const char *s)
{
	cloudacct_buf_append(b, s, strlen(s));
}

void cloudacct_buf_appendc(cloudacct_buf *b, char c)
{
	cloudacct_buf_append(b, &c, 1);
}

void cloudacct_buf_append_long(cloudacct_buf *b, long long v)
{
	char tmp[24];
	int n = snprintf(tmp, sizeof(tmp), "%lld", v);
	cloudacct_buf_append(b, tmp, (size_t) n);
}

const char *cloudacct_buf_str(const cloudacct_buf *b)
{
	return b->p ? b->p : "";
}

void cloudacct_buf_reset(cloudacct_buf *b)
{
	b->len = 0;
	if (b->p) {
		b->p[0] = '\0';
	}
}

void cloudacct_buf_free(cloudacct_buf *b)
{
	cloudacct_cleanse(b->p, b->cap);
	free(b->p);
	memset(b, 0, sizeof(*b));
}

void cloudacct_buf_json_string(cloudacct_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	cloudacct_buf_appendc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) s[i];
		switch (c) {
		case '"':
			cloudacct_buf_append(b, "\\\"", 2);
			break;
		case '\\':
			cloudacct_buf_append(b, "\\\\", 2);
			break;
		case '\n':
			cloudacct_buf_append(b, "\\n", 2);
			break;
		case '\r':
			cloudacct_buf_append(b, "\\r", 2);
			break;
		case '\t':
			cloudacct_buf_append(b, "\\t", 2);
			break;
		default:
			if (c < 0x20 || c == 0x7f) {
				char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
				cloudacct_buf_append(b, u, 6);
			} else {
				cloudacct_buf_appendc(b, (char) c);
			}
		}
	}
	cloudacct_buf_appendc(b, '"');
}

void cloudacct_buf_percent(cloudacct_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
			|| c == '.' || c == '~') {
			cloudacct_buf_appendc(b, (char) c);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			cloudacct_buf_append(b, e, 3);
		}
	}
}

static void civil(long long ts, int *y, unsigned *m, unsigned *d, long long *sod)
{
	long long days = ts / 86400, rem = ts % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	cloudacct_civil_from_days(days, y, m, d);
	*sod = rem;
}

void cloudacct_utc_date(long long ts, char out[11])
{
	int y;
	unsigned m, d;
	long long sod;
	civil(ts, &y, &m, &d, &sod);
	snprintf(out, 11, "%04d-%02u-%02u", y, m, d);
}

void cloudacct_utc_iso8601(long long ts, char out[21])
{
	int y;
	unsigned m, d;
	long long sod;
	civil(ts, &y, &m, &d, &sod);
	snprintf(out, 21, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, (int) (sod / 3600), (int) (sod / 60 % 60),
		(int) (sod % 60));
}
