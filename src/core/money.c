#include "money.h"

/*
 * Strict decimal syntax check: [-]digits[.d[d]]. Reports where the integer
 * and fraction digits are so the value pass does not re-scan for syntax.
 */
typedef struct {
	bool negative;
	bool zero;               /* every digit is '0' */
	size_t int_from, int_to; /* integer digits [int_from, int_to) */
	size_t frac_len;         /* 0, 1 or 2 digits after int_to + 1 */
} money_shape;

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static cloudacct_money_status money_scan(const char *s, size_t len, money_shape *sh)
{
	size_t i = 0;

	sh->negative = s[0] == '-';
	if (sh->negative) {
		i = 1;
	}
	sh->int_from = i;
	sh->zero = true;
	while (i < len && is_digit(s[i])) {
		sh->zero = sh->zero && s[i] == '0';
		i++;
	}
	sh->int_to = i;
	sh->frac_len = 0;
	if (sh->int_to == sh->int_from) {
		return CLOUDACCT_MONEY_SYNTAX; /* "", "-", ".5", "-.5" */
	}
	if (i == len) {
		return CLOUDACCT_MONEY_OK;
	}
	if (s[i] != '.') {
		return CLOUDACCT_MONEY_SYNTAX;
	}
	for (i++; i < len && is_digit(s[i]); i++) {
		sh->zero = sh->zero && s[i] == '0';
		sh->frac_len++;
	}
	if (i != len || sh->frac_len == 0) {
		return CLOUDACCT_MONEY_SYNTAX; /* "12.", "1.2e3", "1.2 " */
	}
	/* Only now: "12.345x" is a syntax error, not a precision one. */
	return sh->frac_len > 2 ? CLOUDACCT_MONEY_TOO_PRECISE : CLOUDACCT_MONEY_OK;
}

/* mag = mag * 10 + d, refusing to pass limit (checked before multiplying). */
static bool push_digit(uint64_t *mag, unsigned d, uint64_t limit)
{
	if (*mag > (limit - d) / 10) {
		return false;
	}
	*mag = *mag * 10 + d;
	return true;
}

cloudacct_money_status cloudacct_money_parse(const char *s, size_t len, bool allow_negative,
											 int64_t *fen_out)
{
	money_shape sh;
	cloudacct_money_status st;
	uint64_t mag = 0, limit;
	size_t i;

	if (s == NULL || len == 0) {
		return CLOUDACCT_MONEY_EMPTY;
	}
	st = money_scan(s, len, &sh);
	if (st != CLOUDACCT_MONEY_OK) {
		return st;
	}
	if (sh.zero) {
		*fen_out = 0; /* also "-0.00" and "0000" */
		return CLOUDACCT_MONEY_OK;
	}
	if (sh.negative && !allow_negative) {
		return CLOUDACCT_MONEY_NEGATIVE;
	}
	/* |INT64_MIN| is one more than INT64_MAX; both ends are exact. */
	limit = sh.negative ? (uint64_t) INT64_MAX + 1 : (uint64_t) INT64_MAX;
	for (i = sh.int_from; i < sh.int_to; i++) {
		if (!push_digit(&mag, (unsigned) (s[i] - '0'), limit)) {
			return CLOUDACCT_MONEY_OVERFLOW;
		}
	}
	/* Two fraction digits, the missing ones being 0: "12.3" is 1230 fen. */
	for (i = 0; i < 2; i++) {
		unsigned d = i < sh.frac_len ? (unsigned) (s[sh.int_to + 1 + i] - '0') : 0;
		if (!push_digit(&mag, d, limit)) {
			return CLOUDACCT_MONEY_OVERFLOW;
		}
	}
	/* Negate in unsigned arithmetic so INT64_MIN needs no special case. */
	*fen_out = sh.negative ? (int64_t) (0 - mag) : (int64_t) mag;
	return CLOUDACCT_MONEY_OK;
}

size_t cloudacct_money_format(int64_t fen, char *buf)
{
	char tmp[CLOUDACCT_MONEY_BUFSZ];
	uint64_t mag = fen < 0 ? 0 - (uint64_t) fen : (uint64_t) fen;
	size_t n = 0, len = 0;

	/* Digits backwards; at least three so that 5 fen prints as "0.05". */
	do {
		if (n == 2) {
			tmp[n++] = '.';
		}
		tmp[n++] = (char) ('0' + mag % 10);
		mag /= 10;
	} while (mag != 0 || n < 4);
	if (fen < 0) {
		buf[len++] = '-';
	}
	while (n > 0) {
		buf[len++] = tmp[--n];
	}
	buf[len] = '\0';
	return len;
}

bool cloudacct_money_add(int64_t a, int64_t b, int64_t *out)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b)) {
		return false;
	}
	*out = a + b;
	return true;
}

/* Pre-checks per sign combination (CERT INT32-C), no wider type needed. */
static bool mul_overflows(int64_t a, int64_t n)
{
	if (a > 0) {
		return n > 0 ? a > INT64_MAX / n : n < INT64_MIN / a;
	}
	if (a < 0) {
		return n > 0 ? a < INT64_MIN / n : n != 0 && a < INT64_MAX / n;
	}
	return false;
}

bool cloudacct_money_mul(int64_t a, int64_t n, int64_t *out)
{
	if (mul_overflows(a, n)) {
		return false;
	}
	*out = a * n;
	return true;
}

bool cloudacct_money_from_yuan(int64_t yuan, int64_t *fen_out)
{
	return cloudacct_money_mul(yuan, 100, fen_out);
}

const char *cloudacct_money_status_message(cloudacct_money_status st)
{
	switch (st) {
	case CLOUDACCT_MONEY_OK:
		return "金额正确";
	case CLOUDACCT_MONEY_EMPTY:
		return "请填写金额，如 12.34";
	case CLOUDACCT_MONEY_SYNTAX:
		return "金额格式不对，请只填数字和小数点，如 12.34";
	case CLOUDACCT_MONEY_TOO_PRECISE:
		return "金额最多两位小数，如 12.34";
	case CLOUDACCT_MONEY_NEGATIVE:
		return "金额不能为负数，请填写 0 或正数";
	case CLOUDACCT_MONEY_OVERFLOW:
		return "金额过大，请核对后重新填写";
	}
	return "金额无效，请重新填写";
}
