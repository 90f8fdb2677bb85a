/*
 * Books input (src/core/book.c): the "YYYY-MM" period a client or accountant picks, file
 * references and their types, the recurring-job key. Input: one byte choosing the current month,
 * then the text. Properties: an accepted period spells back to the input, is a real month from
 * 2000-01 to the current one, and FUTURE is only said of well-formed later months; an accepted
 * file reference is at most 255 bytes of URL-safe ASCII with no "..", and relative unless it is
 * https://; the file type agrees with the extension; names parse back.
 */
#include "book.h"
#include "calendar.h"
#include "fuzz.h"

static bool ext_eq(const char *e, size_t n, const char *want)
{
	if (n != strlen(want)) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char c = e[i] >= 'A' && e[i] <= 'Z' ? (char) (e[i] - 'A' + 'a') : e[i];
		if (c != want[i]) {
			return false;
		}
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) {
		return 0;
	}
	int32_t current = cloudacct_period_next(202611, -(int) data[0]);
	const char *s = (const char *) data + 1;
	size_t len = size - 1;
	int32_t p = -1;

	cloudacct_book_period_status st = cloudacct_book_period_parse(s, len, current, &p);
	if (st == CLOUDACCT_BOOK_PERIOD_OK) {
		char buf[8];
		snprintf(buf, sizeof buf, "%04d-%02d", (int) (p / 100), (int) (p % 100));
		FUZZ_CHECK(len == 7 && memcmp(buf, s, 7) == 0);
		FUZZ_CHECK(cloudacct_period_valid(p) && p >= CLOUDACCT_BOOK_FIRST_PERIOD && p <= current);
	} else if (st == CLOUDACCT_BOOK_PERIOD_FUTURE) {
		int32_t later = -1;
		FUZZ_CHECK(p == -1);
		FUZZ_CHECK(cloudacct_book_period_parse(s, len, 999912, &later) == CLOUDACCT_BOOK_PERIOD_OK && later > current);
	} else {
		FUZZ_CHECK(p == -1);
	}

	if (cloudacct_book_ref_valid(s, len)) {
		bool https = len > 8 && memcmp(s, "https://", 8) == 0;
		FUZZ_CHECK(len >= 1 && len <= 255);
		FUZZ_CHECK(https || (s[0] != '/' && memchr(s, ':', len) == NULL));
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char) s[i];
			FUZZ_CHECK(c > 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '\\');
			FUZZ_CHECK(!(c == '.' && i + 1 < len && s[i + 1] == '.'));
		}
	}

	/* The type is decided by the extension after the last '.' of the last path segment. */
	const char *q = memchr(s, '?', len);
	size_t end = q ? (size_t) (q - s) : len, dot = end;
	while (dot > 0 && s[dot - 1] != '.' && s[dot - 1] != '/') {
		dot--;
	}
	cloudacct_book_file_type want = CLOUDACCT_BOOK_FILE_NONE;
	if (dot > 0 && s[dot - 1] == '.') {
		const char *e = s + dot;
		size_t n = end - dot;
		if (ext_eq(e, n, "pdf")) {
			want = CLOUDACCT_BOOK_FILE_PDF;
		} else if (ext_eq(e, n, "xls") || ext_eq(e, n, "xlsx") || ext_eq(e, n, "csv")) {
			want = CLOUDACCT_BOOK_FILE_EXCEL;
		} else if (ext_eq(e, n, "jpg") || ext_eq(e, n, "jpeg") || ext_eq(e, n, "png") || ext_eq(e, n, "gif")
				|| ext_eq(e, n, "webp")) {
			want = CLOUDACCT_BOOK_FILE_IMAGE;
		}
	}
	cloudacct_book_file_type t = cloudacct_book_file_type_of(s, len);
	FUZZ_CHECK(t == want);
	const char *name = cloudacct_book_file_type_name(t);
	FUZZ_CHECK((t == CLOUDACCT_BOOK_FILE_NONE) == (name == NULL));
	if (name) {
		FUZZ_CHECK(cloudacct_book_file_type_parse(name, strlen(name)) == t);
	}
	t = cloudacct_book_file_type_parse(s, len);
	if (t != CLOUDACCT_BOOK_FILE_NONE) {
		name = cloudacct_book_file_type_name(t);
		FUZZ_CHECK(name && strlen(name) == len && memcmp(name, s, len) == 0);
	}

	int32_t rp = cloudacct_book_recur_period(s, len);
	if (rp != 0) {
		char buf[8];
		snprintf(buf, sizeof buf, "%06d", (int) rp);
		FUZZ_CHECK(cloudacct_period_valid(rp) && len >= 9 && s[0] == 'r' && s[len - 7] == '-');
		FUZZ_CHECK(memcmp(s + len - 6, buf, 6) == 0);
	}

	cloudacct_book_confirm c = cloudacct_book_confirm_parse(s, len);
	const char *cn = cloudacct_book_confirm_name(c);
	FUZZ_CHECK(cloudacct_book_confirm_parse(cn, strlen(cn)) == c);
	int next = cloudacct_book_confirm_next(c, (cloudacct_book_confirm_event) (data[0] & 1));
	FUZZ_CHECK(next == -1 || next == CLOUDACCT_BOOK_CONFIRM_CONFIRMED || next == CLOUDACCT_BOOK_CONFIRM_DISPUTED);
	if (next != -1) {
		FUZZ_CHECK(cloudacct_book_confirm_blocks(c));
	}
	return 0;
}
