/* Books rules without Zend (see book.h). */
#include <string.h>

#include "book.h"
#include "calendar.h"

cloudacct_book_period_status cloudacct_book_period_parse(const char *s, size_t len, int32_t current, int32_t *out)
{
	int32_t v = 0;

	if (len != 7 || s[4] != '-') {
		return CLOUDACCT_BOOK_PERIOD_MALFORMED;
	}
	for (size_t i = 0; i < 7; i++) {
		if (i == 4) {
			continue;
		}
		if (s[i] < '0' || s[i] > '9') {
			return CLOUDACCT_BOOK_PERIOD_MALFORMED;
		}
		v = v * 10 + (s[i] - '0');
	}
	if (v % 100 < 1 || v % 100 > 12 || v < CLOUDACCT_BOOK_FIRST_PERIOD) {
		return CLOUDACCT_BOOK_PERIOD_MALFORMED;
	}
	if (v > current) {
		return CLOUDACCT_BOOK_PERIOD_FUTURE;
	}
	*out = v;
	return CLOUDACCT_BOOK_PERIOD_OK;
}

static bool ext_is(const char *ext, size_t len, const char *want)
{
	size_t n = strlen(want);
	if (len != n) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char c = ext[i];
		if (c >= 'A' && c <= 'Z') {
			c = (char) (c - 'A' + 'a');
		}
		if (c != want[i]) {
			return false;
		}
	}
	return true;
}

cloudacct_book_file_type cloudacct_book_file_type_of(const char *s, size_t len)
{
	const char *q = memchr(s, '?', len);
	size_t end = q ? (size_t) (q - s) : len, dot = end;

	while (dot > 0 && s[dot - 1] != '.' && s[dot - 1] != '/') {
		dot--;
	}
	if (dot == 0 || s[dot - 1] != '.') {
		return CLOUDACCT_BOOK_FILE_NONE;
	}
	const char *ext = s + dot;
	size_t n = end - dot;
	if (ext_is(ext, n, "pdf")) {
		return CLOUDACCT_BOOK_FILE_PDF;
	}
	if (ext_is(ext, n, "xls") || ext_is(ext, n, "xlsx") || ext_is(ext, n, "csv")) {
		return CLOUDACCT_BOOK_FILE_EXCEL;
	}
	if (ext_is(ext, n, "jpg") || ext_is(ext, n, "jpeg") || ext_is(ext, n, "png") || ext_is(ext, n, "gif")
		|| ext_is(ext, n, "webp")) {
		return CLOUDACCT_BOOK_FILE_IMAGE;
	}
	return CLOUDACCT_BOOK_FILE_NONE;
}

static const char *const file_type_names[] = { NULL, "pdf", "excel", "image" };

const char *cloudacct_book_file_type_name(cloudacct_book_file_type t)
{
	return (unsigned) t < 4 ? file_type_names[t] : NULL;
}

cloudacct_book_file_type cloudacct_book_file_type_parse(const char *s, size_t len)
{
	for (int t = 1; t < 4; t++) {
		if (strlen(file_type_names[t]) == len && memcmp(file_type_names[t], s, len) == 0) {
			return (cloudacct_book_file_type) t;
		}
	}
	return CLOUDACCT_BOOK_FILE_NONE;
}

bool cloudacct_book_ref_valid(const char *s, size_t len)
{
	size_t start = 0;

	if (len == 0 || len > 255) {
		return false;
	}
	if (len > 8 && strncmp(s, "https://", 8) == 0) {
		start = 8;
	} else if (s[0] == '/' || memchr(s, ':', len)) {
		return false; /* absolute paths and other schemes (http:, javascript:, file:) */
	}
	for (size_t i = start; i < len; i++) {
		unsigned char ch = (unsigned char) s[i];
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.'
			|| ch == '_' || ch == '-' || ch == '/'
			|| (start && (ch == ':' || ch == '%' || ch == '?' || ch == '=' || ch == '&'));
		if (!ok || (ch == '.' && i + 1 < len && s[i + 1] == '.')) {
			return false;
		}
	}
	return true;
}

static const char *const confirm_names[] = { "none", "pending", "confirmed", "disputed" };

const char *cloudacct_book_confirm_name(cloudacct_book_confirm c)
{
	return (unsigned) c < 4 ? confirm_names[c] : "none";
}

cloudacct_book_confirm cloudacct_book_confirm_parse(const char *s, size_t len)
{
	for (int c = 0; c < 4; c++) {
		if (strlen(confirm_names[c]) == len && memcmp(confirm_names[c], s, len) == 0) {
			return (cloudacct_book_confirm) c;
		}
	}
	return CLOUDACCT_BOOK_CONFIRM_NONE;
}

int cloudacct_book_confirm_next(cloudacct_book_confirm from, cloudacct_book_confirm_event ev)
{
	switch (ev) {
		case CLOUDACCT_BOOK_EV_CONFIRM:
			return from == CLOUDACCT_BOOK_CONFIRM_PENDING || from == CLOUDACCT_BOOK_CONFIRM_DISPUTED
				? CLOUDACCT_BOOK_CONFIRM_CONFIRMED : -1;
		case CLOUDACCT_BOOK_EV_DISPUTE:
			return from == CLOUDACCT_BOOK_CONFIRM_PENDING ? CLOUDACCT_BOOK_CONFIRM_DISPUTED : -1;
	}
	return -1;
}

bool cloudacct_book_confirm_blocks(cloudacct_book_confirm c)
{
	return c == CLOUDACCT_BOOK_CONFIRM_PENDING || c == CLOUDACCT_BOOK_CONFIRM_DISPUTED;
}

int32_t cloudacct_book_filing_period(int32_t job_period, int offset)
{
	return cloudacct_period_next(job_period, -offset);
}

int32_t cloudacct_book_recur_period(const char *key, size_t len)
{
	int32_t v = 0;

	if (len < 9 || key[0] != 'r' || key[len - 7] != '-') {
		return 0;
	}
	for (size_t i = len - 6; i < len; i++) {
		if (key[i] < '0' || key[i] > '9') {
			return 0;
		}
		v = v * 10 + (key[i] - '0');
	}
	return cloudacct_period_valid(v) ? v : 0;
}
