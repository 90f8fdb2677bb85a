#include "text.h"

/*
 * Length of the UTF-8 sequence starting at s[0], or 0 when it is not a
 * well-formed one. The second-byte ranges follow Unicode Table 3-7, which
 * is what rules out overlongs (C0, C1, E0 80..9F, F0 80..8F), surrogates
 * (ED A0..BF) and code points above U+10FFFF (F4 90.., F5..FF).
 */
static size_t utf8_seq_len(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t n, i;

	if (c >= 0x01 && c <= 0x7F) {
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 0; /* NUL, stray continuation, C0/C1, F5..FF */
	}
	if (avail < n || s[1] < lo || s[1] > hi) {
		return 0;
	}
	for (i = 2; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			return 0;
		}
	}
	return n;
}

bool cloudacct_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t i = 0, n;

	while (i < len) {
		n = utf8_seq_len(p + i, len - i);
		if (n == 0) {
			return false;
		}
		i += n;
	}
	return true;
}

size_t cloudacct_utf8_chars(const char *s, size_t len)
{
	size_t i, count = 0;

	/* Every byte that is not a continuation byte starts a code point. */
	for (i = 0; i < len; i++) {
		count += ((unsigned char) s[i] & 0xC0) != 0x80;
	}
	return count;
}

/*
 * C0 and DEL are single bytes; C1 (U+0080..U+009F) is C2 80..C2 9F. They are
 * invisible, break CSV exports and template messages, and no real name,
 * address or note contains them.
 */
static bool has_control(const unsigned char *p, size_t len, bool multiline)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = p[i];
		if (c < 0x20 || c == 0x7F) {
			if (!(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
				return true;
			}
		} else if (c == 0xC2 && i + 1 < len && p[i + 1] <= 0x9F) {
			return true;
		}
	}
	return false;
}

cloudacct_text_status cloudacct_text_check(const char *s, size_t len, size_t min_chars,
										   size_t max_chars, bool multiline)
{
	size_t chars;

	if (len > 0 && !cloudacct_utf8_valid(s, len)) {
		return CLOUDACCT_TEXT_BAD_UTF8;
	}
	if (has_control((const unsigned char *) s, len, multiline)) {
		return CLOUDACCT_TEXT_CONTROL;
	}
	chars = cloudacct_utf8_chars(s, len);
	if (chars < min_chars) {
		return CLOUDACCT_TEXT_TOO_SHORT;
	}
	if (chars > max_chars) {
		return CLOUDACCT_TEXT_TOO_LONG;
	}
	return CLOUDACCT_TEXT_OK;
}

const char *cloudacct_text_status_message(cloudacct_text_status st)
{
	switch (st) {
	case CLOUDACCT_TEXT_OK:
		return "内容正确";
	case CLOUDACCT_TEXT_BAD_UTF8:
		return "内容含有无法识别的字符，请重新输入（不要从其他文档直接粘贴特殊符号）";
	case CLOUDACCT_TEXT_CONTROL:
		return "内容含有不可见的控制字符，请删除后重新输入";
	case CLOUDACCT_TEXT_TOO_SHORT:
		return "内容太短，请补充完整";
	case CLOUDACCT_TEXT_TOO_LONG:
		return "内容太长，请精简后再提交";
	}
	return "内容无效，请重新输入";
}

bool cloudacct_phone_valid(const char *s, size_t len)
{
	size_t i;

	if (s == NULL || len != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9') {
		return false;
	}
	for (i = 2; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
	}
	return true;
}

bool cloudacct_ident_valid(const char *s, size_t len, size_t max_len)
{
	size_t i;

	if (s == NULL || len == 0 || len > max_len || s[0] < 'a' || s[0] > 'z') {
		return false;
	}
	for (i = 1; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
			return false;
		}
	}
	return true;
}
