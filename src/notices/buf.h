/*
 * A growable byte buffer for the protocol builders (wechat.c, sms.c), plus the two encodings
 * every vendor request needs: JSON string literals and RFC 3986 percent-encoding. Pure C.
 */
#ifndef CLOUDACCT_NOTICES_BUF_H
#define CLOUDACCT_NOTICES_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char *p;    /* owned, malloc()ed, always NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
	bool oom;   /* an append failed; the content is incomplete */
} cloudacct_buf;

/* A key/value pair; both borrowed. */
typedef struct {
	const char *key;
	const char *value;
} cloudacct_kv;

void cloudacct_buf_append(cloudacct_buf *b, const char *s, size_t n);
void cloudacct_buf_appends(cloudacct_buf *b, const char *s);
void cloudacct_buf_appendc(cloudacct_buf *b, char c);
void cloudacct_buf_append_long(cloudacct_buf *b, long long v);
/* The contents so far ("" when empty). */
const char *cloudacct_buf_str(const cloudacct_buf *b);
void cloudacct_buf_reset(cloudacct_buf *b);
/* Frees and zeroes; secret material is cleansed first. */
void cloudacct_buf_free(cloudacct_buf *b);

/* "…" with ", \, and control characters escaped; UTF-8 and '/' kept as they are (what
 * WeChat's examples and Tencent's SDK send). */
void cloudacct_buf_json_string(cloudacct_buf *b, const char *s, size_t n);
/* RFC 3986: A-Z a-z 0-9 - _ . ~ kept, every other byte %XX in uppercase hex. */
void cloudacct_buf_percent(cloudacct_buf *b, const char *s, size_t n);

/* UTC date "YYYY-MM-DD" and time "YYYY-MM-DDTHH:MM:SSZ" of a unix timestamp (NUL-terminated). */
void cloudacct_utc_date(long long ts, char out[11]);
void cloudacct_utc_iso8601(long long ts, char out[21]);

#endif
