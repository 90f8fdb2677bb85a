#include <string.h>

#include "csv.h"

bool cloudacct_csv_is_number(const char *s, size_t len)
{
	size_t i = 0, digits = 0;

	if (i < len && s[i] == '-') {
		i++;
	}
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		i++;
		digits++;
	}
	if (digits == 0) {
		return false;
	}
	if (i < len && s[i] == '.') {
		size_t frac = 0;
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			i++;
			frac++;
		}
		if (frac == 0) {
			return false;
		}
	}
	return i == len;
}

bool cloudacct_csv_needs_guard(const char *s, size_t len)
{
	/* memchr, not strchr: strchr finds the terminator for a NUL byte, which would guard "\0…". */
	if (len == 0 || memchr("=+-@\t\r", s[0], 6) == NULL) {
		return false;
	}
	return !cloudacct_csv_is_number(s, len);
}

static bool needs_quotes(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n') {
			return true;
		}
	}
	return false;
}

size_t cloudacct_csv_cell(const char *s, size_t len, char *out)
{
	bool quote = needs_quotes(s, len);
	size_t n = 0;

	if (quote) {
		out[n++] = '"';
	}
	if (cloudacct_csv_needs_guard(s, len)) {
		out[n++] = '\'';
	}
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"') {
			out[n++] = '"';
		}
		out[n++] = s[i];
	}
	if (quote) {
		out[n++] = '"';
	}
	return n;
}
