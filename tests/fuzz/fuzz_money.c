/*
 * Amount parsing (src/core/money.c) and the receipt's amount in Chinese capitals (ledger.c).
 * Properties: what parses formats back to the canonical spelling of the input (leading zeros
 * dropped, two decimals, no "-" on zero) and parses again to the same fen; allow_negative only
 * widens what is accepted; the checked arithmetic agrees with the compiler's overflow builtins;
 * the capitals read back (by an independent reader below) to the same amount.
 */
#include "fuzz.h"
#include "ledger.h"
#include "money.h"

/* The canonical "[-]D.DD" of an input money_parse accepted. */
static void canonical(const char *s, size_t len, char *out)
{
	size_t i = 0, n = 0, int_from, frac = 0;
	bool neg = len > 0 && s[0] == '-', zero = true;

	if (neg) {
		i++;
	}
	while (i + 1 < len && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9') {
		i++; /* leading zeros, keeping one before "." or the end */
	}
	int_from = i;
	for (size_t j = int_from; j < len; j++) {
		if (s[j] >= '1' && s[j] <= '9') {
			zero = false;
		}
	}
	if (neg && !zero) {
		out[n++] = '-';
	}
	while (i < len && s[i] != '.') {
		out[n++] = s[i++];
	}
	out[n++] = '.';
	if (i < len) {
		for (i++; i < len; i++, frac++) {
			out[n++] = s[i];
		}
	}
	for (; frac < 2; frac++) {
		out[n++] = '0';
	}
	out[n] = '\0';
}

/* Reads 人民币大写 back into fen; -1 when it is not well formed. */
static int64_t read_capitals(const char *s)
{
	static const char *const digits[10] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
	int64_t total = 0, section = 0, digit = -1, fen = 0;
	bool yuan_seen = false;

	while (*s) {
		int d = -1;
		for (int k = 0; k < 10; k++) {
			if (strncmp(s, digits[k], strlen(digits[k])) == 0) {
				d = k;
				s += strlen(digits[k]);
				break;
			}
		}
		if (d >= 0) {
			if (digit > 0) {
				return -1; /* two digits in a row without a unit */
			}
			digit = d;
			continue;
		}
#define TOKEN(t) (strncmp(s, t, strlen(t)) == 0 && (s += strlen(t), true))
		if (TOKEN("拾") || TOKEN("佰") || TOKEN("仟")) {
			const char *u = s - strlen("拾");
			int64_t mul = strncmp(u, "拾", 3) == 0 ? 10 : strncmp(u, "佰", 3) == 0 ? 100 : 1000;
			if (digit <= 0) {
				return -1;
			}
			section += digit * mul;
			digit = -1;
		} else if (TOKEN("万亿")) {
			total += (section + (digit > 0 ? digit : 0)) * INT64_C(1000000000000);
			section = 0, digit = -1;
		} else if (TOKEN("亿")) {
			total += (section + (digit > 0 ? digit : 0)) * INT64_C(100000000);
			section = 0, digit = -1;
		} else if (TOKEN("万")) {
			total += (section + (digit > 0 ? digit : 0)) * 10000;
			section = 0, digit = -1;
		} else if (TOKEN("元")) {
			total += section + (digit > 0 ? digit : 0);
			section = 0, digit = -1;
			yuan_seen = true;
		} else if (TOKEN("角")) {
			if (digit <= 0) {
				return -1;
			}
			fen += digit * 10;
			digit = -1;
		} else if (TOKEN("分")) {
			if (digit <= 0) {
				return -1;
			}
			fen += digit;
			digit = -1;
		} else if (TOKEN("整")) {
			if (*s != '\0') {
				return -1;
			}
		} else {
			return -1;
		}
#undef TOKEN
	}
	if (!yuan_seen && total != 0) {
		return -1;
	}
	return total * 100 + fen;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	int64_t pos = 0, any = 0;
	cloudacct_money_status st_pos = cloudacct_money_parse(s, size, false, &pos);
	cloudacct_money_status st_any = cloudacct_money_parse(s, size, true, &any);

	FUZZ_CHECK(cloudacct_money_status_message(st_pos) != NULL);
	/* allow_negative only adds the negative amounts. */
	if (st_pos == CLOUDACCT_MONEY_OK) {
		FUZZ_CHECK(st_any == CLOUDACCT_MONEY_OK && any == pos && pos >= 0);
	}
	if (st_any == CLOUDACCT_MONEY_OK && any >= 0) {
		FUZZ_CHECK(st_pos == CLOUDACCT_MONEY_OK);
	}
	/* The sign is judged before the size: "-99999999999999999999" is NEGATIVE, not OVERFLOW. */
	if (st_pos == CLOUDACCT_MONEY_NEGATIVE) {
		FUZZ_CHECK((st_any == CLOUDACCT_MONEY_OK && any < 0) || st_any == CLOUDACCT_MONEY_OVERFLOW);
	} else if (st_pos != CLOUDACCT_MONEY_OK) {
		FUZZ_CHECK(st_any == st_pos);
	}
	if (st_any == CLOUDACCT_MONEY_OK) {
		char buf[CLOUDACCT_MONEY_BUFSZ], want[2 * 64 + 8];
		size_t n = cloudacct_money_format(any, buf);
		int64_t again = 0;
		FUZZ_CHECK(n == strlen(buf) && n < CLOUDACCT_MONEY_BUFSZ);
		if (size < 64) {
			canonical(s, size, want);
			FUZZ_CHECK(strcmp(buf, want) == 0);
		}
		FUZZ_CHECK(cloudacct_money_parse(buf, n, true, &again) == CLOUDACCT_MONEY_OK && again == any);

		char words[CLOUDACCT_UPPER_BUFSZ];
		size_t wn = cloudacct_amount_in_words(any, words, sizeof words);
		if (any >= 0 && any <= INT64_C(999999999999999)) {
			FUZZ_CHECK(wn > 0 && wn == strlen(words));
			FUZZ_CHECK(read_capitals(words) == any);
		} else {
			FUZZ_CHECK(wn == 0 && words[0] == '\0');
		}
	}

	/* Any 64-bit value formats and parses back; the arithmetic matches the builtins. */
	if (size >= 16) {
		fuzz_in in = { data, size };
		int64_t a = (int64_t) fuzz_take_u64(&in, 8), b = (int64_t) fuzz_take_u64(&in, 8), r = 7, want;
		char buf[CLOUDACCT_MONEY_BUFSZ];
		size_t n = cloudacct_money_format(a, buf);
		int64_t back = 0;
		FUZZ_CHECK(cloudacct_money_parse(buf, n, true, &back) == CLOUDACCT_MONEY_OK && back == a);

		bool ovf = __builtin_add_overflow(a, b, &want);
		FUZZ_CHECK(cloudacct_money_add(a, b, &r) == !ovf);
		FUZZ_CHECK(ovf ? r == 7 : r == want);
		r = 7;
		ovf = __builtin_mul_overflow(a, b, &want);
		FUZZ_CHECK(cloudacct_money_mul(a, b, &r) == !ovf);
		FUZZ_CHECK(ovf ? r == 7 : r == want);
		r = 7;
		ovf = __builtin_mul_overflow(a, (int64_t) 100, &want);
		FUZZ_CHECK(cloudacct_money_from_yuan(a, &r) == !ovf);
		FUZZ_CHECK(ovf ? r == 7 : r == want);

		/* Amounts small enough for a receipt, from the same bytes. */
		int64_t fen = (int64_t) ((uint64_t) a % UINT64_C(1000000000000000));
		char words[CLOUDACCT_UPPER_BUFSZ];
		FUZZ_CHECK(cloudacct_amount_in_words(fen, words, sizeof words) > 0);
		FUZZ_CHECK(read_capitals(words) == fen);
	}
	return 0;
}
