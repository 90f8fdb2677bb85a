/* Money: exact parsing and formatting of fen, overflow-checked arithmetic. */
#include <string.h>

#include "money.h"
#include "tap.h"

/* An oracle wider than int64 for the arithmetic checks. */
__extension__ typedef __int128 wide;

static cloudacct_money_status parse_str(const char *s, bool neg, int64_t *out)
{
	return cloudacct_money_parse(s, strlen(s), neg, out);
}

static void accepts(const char *s, bool neg, int64_t want)
{
	int64_t got = -999;
	cloudacct_money_status st = parse_str(s, neg, &got);

	is_int(st, CLOUDACCT_MONEY_OK, "parse '%s'%s is OK", tap_esc(s),
		   neg ? " (negatives allowed)" : "");
	is_int(got, want, "parse '%s' gives %lld fen", tap_esc(s), (long long) want);
}

static void rejects(const char *s, bool neg, cloudacct_money_status want)
{
	int64_t out = 4242;

	is_int(parse_str(s, neg, &out), want, "parse '%s'%s is rejected with status %d", tap_esc(s),
		   neg ? " (negatives allowed)" : "", (int) want);
	is_int(out, 4242, "rejected '%s' leaves the output untouched", tap_esc(s));
}

static void test_parse_accepts(void)
{
	accepts("12", false, 1200);
	accepts("12.3", false, 1230);
	accepts("12.34", false, 1234);
	accepts("0.05", false, 5);
	accepts("0.5", false, 50);
	accepts("007", false, 700);
	accepts("0", false, 0);
	accepts("0.00", false, 0);
	accepts("00.01", false, 1);
	accepts("1", false, 100);
	accepts("100000", false, 10000000);
	accepts("-12.34", true, -1234);
	accepts("-0.05", true, -5);
	accepts("-7", true, -700);
	accepts("-0", true, 0);
	accepts("-0.00", true, 0);
	/* Zero is not negative: "-0" passes even where negatives are refused. */
	accepts("-0", false, 0);
	accepts("-0.0", false, 0);
	accepts("-0.00", false, 0);
	accepts("-000", false, 0);
	accepts("000000000000000000000000000000012.34", false, 1234);
}

static void test_parse_boundaries(void)
{
	accepts("92233720368547758.07", false, INT64_MAX);
	accepts("92233720368547758", false, INT64_C(9223372036854775800));
	accepts("-92233720368547758.07", true, -INT64_MAX);
	accepts("-92233720368547758.08", true, INT64_MIN);
	accepts("0092233720368547758.07", false, INT64_MAX);
	rejects("92233720368547758.08", false, CLOUDACCT_MONEY_OVERFLOW);
	rejects("92233720368547758.08", true, CLOUDACCT_MONEY_OVERFLOW);
	rejects("92233720368547758.1", false, CLOUDACCT_MONEY_OVERFLOW);
	rejects("92233720368547759", false, CLOUDACCT_MONEY_OVERFLOW);
	rejects("-92233720368547758.09", true, CLOUDACCT_MONEY_OVERFLOW);
	rejects("-92233720368547759", true, CLOUDACCT_MONEY_OVERFLOW);
	rejects("100000000000000000", false, CLOUDACCT_MONEY_OVERFLOW);
	rejects("99999999999999999999999999999999", false, CLOUDACCT_MONEY_OVERFLOW);
	rejects("18446744073709551616", false, CLOUDACCT_MONEY_OVERFLOW);
	rejects("1844674407370955161.6", false, CLOUDACCT_MONEY_OVERFLOW);
}

static void test_parse_rejects(void)
{
	int64_t out = 4242;

	is_int(cloudacct_money_parse("", 0, false, &out), CLOUDACCT_MONEY_EMPTY,
		   "empty string is EMPTY");
	is_int(cloudacct_money_parse(NULL, 0, true, &out), CLOUDACCT_MONEY_EMPTY, "NULL is EMPTY");
	is_int(out, 4242, "EMPTY leaves the output untouched");
	rejects(" 12", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("12 ", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("1 2", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("12\t", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("\n12", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("12. 3", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("- 12", true, CLOUDACCT_MONEY_SYNTAX);
	rejects("+1", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("+1", true, CLOUDACCT_MONEY_SYNTAX);
	rejects(".5", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("-.5", true, CLOUDACCT_MONEY_SYNTAX);
	rejects("12.", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("-", true, CLOUDACCT_MONEY_SYNTAX);
	rejects("-", false, CLOUDACCT_MONEY_SYNTAX);
	rejects(".", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("--1", true, CLOUDACCT_MONEY_SYNTAX);
	rejects("1-", true, CLOUDACCT_MONEY_SYNTAX);
	rejects("1.2.3", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("1..2", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("1e3", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("1E3", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("1.5e2", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("0x10", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("1,234.56", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("1234,56", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("1_000", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("NaN", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("nan", true, CLOUDACCT_MONEY_SYNTAX);
	rejects("inf", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("-inf", true, CLOUDACCT_MONEY_SYNTAX);
	rejects("Infinity", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("\xef\xbc\x91\xef\xbc\x92", false, CLOUDACCT_MONEY_SYNTAX); /* full-width １２ */
	rejects("1\xef\xbc\x8e"
			"5",
			false, CLOUDACCT_MONEY_SYNTAX);             /* full-width stop */
	rejects("\xd9\xa1", false, CLOUDACCT_MONEY_SYNTAX); /* Arabic-Indic 1 */
	rejects("12元", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("¥12", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("abc", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("12.3a", false, CLOUDACCT_MONEY_SYNTAX);
	/* Precision is judged only when the syntax is otherwise fine. */
	rejects("12.345", false, CLOUDACCT_MONEY_TOO_PRECISE);
	rejects("0.001", false, CLOUDACCT_MONEY_TOO_PRECISE);
	rejects("12.340", false, CLOUDACCT_MONEY_TOO_PRECISE);
	rejects("-1.999", true, CLOUDACCT_MONEY_TOO_PRECISE);
	rejects("12.345x", false, CLOUDACCT_MONEY_SYNTAX);
	rejects("-12.34", false, CLOUDACCT_MONEY_NEGATIVE);
	rejects("-1", false, CLOUDACCT_MONEY_NEGATIVE);
	rejects("-0.01", false, CLOUDACCT_MONEY_NEGATIVE);
	rejects("-99999999999999999999", false, CLOUDACCT_MONEY_NEGATIVE);
}

static void test_parse_len(void)
{
	int64_t out = 4242;

	/* The length is authoritative: a NUL inside is a byte like any other. */
	is_int(cloudacct_money_parse("12\0"
								 "34",
								 5, false, &out),
		   CLOUDACCT_MONEY_SYNTAX, "NUL inside is SYNTAX");
	is_int(cloudacct_money_parse("1.\0", 3, false, &out), CLOUDACCT_MONEY_SYNTAX,
		   "NUL after the dot is SYNTAX");
	is_int(cloudacct_money_parse("12\0", 3, false, &out), CLOUDACCT_MONEY_SYNTAX,
		   "trailing NUL is SYNTAX");
	is_int(cloudacct_money_parse("\0", 1, false, &out), CLOUDACCT_MONEY_SYNTAX,
		   "a lone NUL is SYNTAX");
	is_int(out, 4242, "NUL cases leave the output untouched");
	is_int(cloudacct_money_parse("12.345", 5, false, &out), CLOUDACCT_MONEY_OK,
		   "only len bytes are read");
	is_int(out, 1234, "'12.34' of '12.345' gives 1234");
	is_int(cloudacct_money_parse("123", 1, false, &out), CLOUDACCT_MONEY_OK, "prefix of length 1");
	is_int(out, 100, "'1' gives 100");
}

static void check_format(int64_t fen, const char *want)
{
	char buf[CLOUDACCT_MONEY_BUFSZ];
	size_t n;

	memset(buf, 'x', sizeof(buf));
	n = cloudacct_money_format(fen, buf);
	is_str(buf, want, "format %lld", (long long) fen);
	is_int(n, strlen(want), "format %lld returns the length", (long long) fen);
}

static void test_format(void)
{
	check_format(0, "0.00");
	check_format(1, "0.01");
	check_format(5, "0.05");
	check_format(10, "0.10");
	check_format(99, "0.99");
	check_format(100, "1.00");
	check_format(1234, "12.34");
	check_format(123456789, "1234567.89");
	check_format(-1, "-0.01");
	check_format(-5, "-0.05");
	check_format(-100, "-1.00");
	check_format(-1234, "-12.34");
	check_format(INT64_MAX, "92233720368547758.07");
	check_format(-INT64_MAX, "-92233720368547758.07");
	check_format(INT64_MIN, "-92233720368547758.08");
	ok(strlen("-92233720368547758.08") < CLOUDACCT_MONEY_BUFSZ, "BUFSZ fits the longest amount");
}

/* format(parse(x)) is x in canonical form, and parse(format(v)) is v. */
static void test_round_trip(void)
{
	static const int64_t values[] = {0,
									 1,
									 -1,
									 9,
									 10,
									 11,
									 99,
									 100,
									 101,
									 999999,
									 1000000,
									 -1000001,
									 123456789012345,
									 INT64_MAX,
									 INT64_MAX - 1,
									 INT64_MIN,
									 INT64_MIN + 1};
	char buf[CLOUDACCT_MONEY_BUFSZ];
	size_t i;
	int bad = 0;
	uint64_t x = 88172645463325252u;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		int64_t back = 0;
		size_t n = cloudacct_money_format(values[i], buf);
		ok(cloudacct_money_parse(buf, n, true, &back) == CLOUDACCT_MONEY_OK && back == values[i],
		   "round trip of %lld via '%s'", (long long) values[i], buf);
	}
	/* xorshift64: many pseudo-random amounts, one assertion for all. */
	for (i = 0; i < 100000; i++) {
		int64_t v, back = 0;
		size_t n;
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		v = (int64_t) (x >> (i % 60));
		v = i % 2 ? -v : v;
		n = cloudacct_money_format(v, buf);
		if (cloudacct_money_parse(buf, n, true, &back) != CLOUDACCT_MONEY_OK || back != v) {
			bad++;
		}
	}
	is_int(bad, 0, "100000 random amounts survive format + parse");
}

static void check_add(int64_t a, int64_t b)
{
	wide w = (wide) a + b;
	bool fits = w >= INT64_MIN && w <= INT64_MAX;
	int64_t out = 4242;
	bool r = cloudacct_money_add(a, b, &out);

	ok(r == fits && (fits ? out == (int64_t) w : out == 4242), "add %lld + %lld %s", (long long) a,
	   (long long) b, fits ? "fits" : "overflows");
}

static void check_mul(int64_t a, int64_t n)
{
	wide w = (wide) a * n;
	bool fits = w >= INT64_MIN && w <= INT64_MAX;
	int64_t out = 4242;
	bool r = cloudacct_money_mul(a, n, &out);

	ok(r == fits && (fits ? out == (int64_t) w : out == 4242), "mul %lld * %lld %s", (long long) a,
	   (long long) n, fits ? "fits" : "overflows");
}

static void test_arithmetic(void)
{
	static const int64_t edge[] = {0,
								   1,
								   -1,
								   2,
								   -2,
								   3,
								   100,
								   -100,
								   3037000499,
								   3037000500,
								   -3037000500,
								   INT64_MAX / 2,
								   INT64_MAX / 2 + 1,
								   INT64_MIN / 2,
								   INT64_MIN / 2 - 1,
								   INT64_MAX,
								   INT64_MAX - 1,
								   INT64_MIN,
								   INT64_MIN + 1,
								   INT64_MAX / 100,
								   INT64_MAX / 100 + 1};
	size_t n = sizeof(edge) / sizeof(edge[0]), i, j;
	int64_t out = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			check_add(edge[i], edge[j]);
			check_mul(edge[i], edge[j]);
		}
	}
	ok(cloudacct_money_add(1234, 5, &out) && out == 1239, "12.34 + 0.05 = 12.39");
	ok(cloudacct_money_mul(29900, 12, &out) && out == 358800, "monthly fee 299.00 * 12 = 3588.00");
	ok(cloudacct_money_from_yuan(300, &out) && out == 30000, "300 yuan = 30000 fen");
	ok(cloudacct_money_from_yuan(-3, &out) && out == -300, "-3 yuan = -300 fen");
	ok(cloudacct_money_from_yuan(INT64_MAX / 100, &out) && out == INT64_MAX / 100 * 100,
	   "largest yuan fits");
	out = 7;
	ok(!cloudacct_money_from_yuan(INT64_MAX / 100 + 1, &out) && out == 7,
	   "one more yuan overflows");
	ok(!cloudacct_money_from_yuan(INT64_MIN / 100 - 1, &out) && out == 7, "negative yuan overflow");
	ok(cloudacct_money_from_yuan(INT64_MIN / 100, &out) && out == INT64_MIN / 100 * 100,
	   "smallest yuan fits");
}

static void test_messages(void)
{
	int st;

	is_str(cloudacct_money_status_message(CLOUDACCT_MONEY_TOO_PRECISE),
		   "金额最多两位小数，如 12.34", "TOO_PRECISE message");
	for (st = CLOUDACCT_MONEY_OK; st <= CLOUDACCT_MONEY_OVERFLOW; st++) {
		const char *m = cloudacct_money_status_message((cloudacct_money_status) st);
		ok(m != NULL && strstr(m, "金额") != NULL, "status %d has a Chinese message: %s", st, m);
	}
	ok(strstr(cloudacct_money_status_message(CLOUDACCT_MONEY_NEGATIVE), "负数") != NULL,
	   "NEGATIVE says 负数");
	ok(strstr(cloudacct_money_status_message(CLOUDACCT_MONEY_EMPTY), "请填写") != NULL,
	   "EMPTY asks to fill in");
	ok(cloudacct_money_status_message((cloudacct_money_status) 99) != NULL,
	   "unknown status still has a message");
}

int main(void)
{
	test_parse_accepts();
	test_parse_boundaries();
	test_parse_rejects();
	test_parse_len();
	test_format();
	test_round_trip();
	test_arithmetic();
	test_messages();
	return done_testing();
}
