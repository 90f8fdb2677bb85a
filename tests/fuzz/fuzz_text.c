/*
 * Text validation (src/core/text.c) against a reference UTF-8 decoder written here from RFC 3629
 * (decode, then refuse overlongs, surrogates, > U+10FFFF and NUL). Properties: utf8_valid and
 * utf8_chars agree with the decoder; text_check reports the first problem in its documented
 * order (UTF-8, control characters by code point, then length in code points); phone and
 * identifier checks agree with their regular expressions.
 */
#include "fuzz.h"
#include "text.h"

/* Code points of s into cps (may be NULL); -1 when s is not valid UTF-8. */
static long decode(const unsigned char *s, size_t len, uint32_t *cps)
{
	size_t i = 0;
	long n = 0;

	while (i < len) {
		unsigned char c = s[i];
		uint32_t cp;
		size_t k;
		if (c < 0x80) {
			cp = c, k = 1;
		} else if ((c & 0xE0) == 0xC0) {
			cp = c & 0x1F, k = 2;
		} else if ((c & 0xF0) == 0xE0) {
			cp = c & 0x0F, k = 3;
		} else if ((c & 0xF8) == 0xF0) {
			cp = c & 0x07, k = 4;
		} else {
			return -1;
		}
		if (i + k > len) {
			return -1;
		}
		for (size_t j = 1; j < k; j++) {
			if ((s[i + j] & 0xC0) != 0x80) {
				return -1;
			}
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
		if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) {
			return -1;
		}
		if (cps) {
			cps[n] = cp;
		}
		n++;
		i += k;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3) {
		return 0;
	}
	size_t min_chars = data[0] % 16, max_chars = data[1] % 64;
	bool multiline = data[2] & 1;
	const char *s = (const char *) data + 3;
	size_t len = size - 3;
	uint32_t *cps = malloc((len + 1) * sizeof *cps);
	long n = decode((const unsigned char *) s, len, cps);

	FUZZ_CHECK(cps);
	FUZZ_CHECK(cloudacct_utf8_valid(s, len) == (n >= 0));
	cloudacct_text_status want = CLOUDACCT_TEXT_OK;
	if (n < 0) {
		want = CLOUDACCT_TEXT_BAD_UTF8;
	} else {
		FUZZ_CHECK(cloudacct_utf8_chars(s, len) == (size_t) n);
		for (long i = 0; i < n && want == CLOUDACCT_TEXT_OK; i++) {
			uint32_t c = cps[i];
			bool allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
			if ((c < 0x20 && !allowed) || (c >= 0x7F && c <= 0x9F)) {
				want = CLOUDACCT_TEXT_CONTROL;
			}
		}
		if (want == CLOUDACCT_TEXT_OK && (size_t) n < min_chars) {
			want = CLOUDACCT_TEXT_TOO_SHORT;
		} else if (want == CLOUDACCT_TEXT_OK && (size_t) n > max_chars) {
			want = CLOUDACCT_TEXT_TOO_LONG;
		}
	}
	cloudacct_text_status st = cloudacct_text_check(s, len, min_chars, max_chars, multiline);
	FUZZ_CHECK(st == want);
	FUZZ_CHECK(cloudacct_text_status_message(st) != NULL);
	free(cps);

	bool phone = len == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9';
	for (size_t i = 2; phone && i < 11; i++) {
		phone = s[i] >= '0' && s[i] <= '9';
	}
	FUZZ_CHECK(cloudacct_phone_valid(s, len) == phone);

	size_t max_len = data[0] % 40;
	bool ident = len >= 1 && len <= max_len && s[0] >= 'a' && s[0] <= 'z';
	for (size_t i = 1; ident && i < len; i++) {
		ident = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_';
	}
	FUZZ_CHECK(cloudacct_ident_valid(s, len, max_len) == ident);
	return 0;
}
