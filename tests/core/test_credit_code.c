/* 统一社会信用代码 (GB 32100-2015): check character, structure, normalisation. */
#include <string.h>

#include "tap.h"
#include "credit_code.h"

/*
 * Codes whose check character was computed independently (Python, from the standard's weights)
 * and that follow the structure: enterprises (9 1), 个体工商户 (9 2 is covered by the
 * corruption tests), 机构编制 (1 1, 1 2), 民政 (5 1).
 */
static const char *const valid_codes[] = {
	"91350100M000100Y43", /* the standard's own example */
	"91440300708461136T",
	"914403001922038216",
	"91310000717866186P",
	"12100000400000624D",
	"11100000000013127D",
	"51100000500010993L",
};
#define N_VALID (sizeof(valid_codes) / sizeof(valid_codes[0]))

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static void test_valid(void)
{
	for (size_t i = 0; i < N_VALID; i++) {
		const char *c = valid_codes[i];
		size_t pos = 99;
		is_int(cloudacct_credit_code_check(c, strlen(c), &pos), CLOUDACCT_CREDIT_CODE_OK, "%s is valid", c);
		is_int(pos, 0, "%s: no offending position", c);
		ok(cloudacct_credit_code_valid(c, strlen(c)), "%s: valid() agrees", c);
		is_int(cloudacct_credit_code_check_char(c), c[17], "%s: check_char() computes %c", c, c[17]);
	}
	/* A code whose weighted sum is 0 mod 31 has check character '0' (31 is written as 0). */
	char zero[19] = "91110000000000000";
	zero[17] = cloudacct_credit_code_check_char(zero);
	zero[18] = '\0';
	ok(cloudacct_credit_code_valid(zero, 18), "computed check character makes %s valid", zero);
}

/* Every other alphabet character at every position is caught (the check character alone would
 * catch it; the structure check may report it first). */
static void test_single_substitutions(void)
{
	int missed = 0, tried = 0;

	for (size_t i = 0; i < N_VALID; i++) {
		for (size_t p = 0; p < 18; p++) {
			for (const char *a = alphabet; *a; a++) {
				char buf[19];
				memcpy(buf, valid_codes[i], 19);
				if (buf[p] == *a) {
					continue;
				}
				buf[p] = *a;
				tried++;
				if (cloudacct_credit_code_valid(buf, 18)) {
					missed++;
					diag(buf);
				}
			}
		}
	}
	is_int(tried, (int) N_VALID * 18 * 30, "tried every single-character substitution");
	is_int(missed, 0, "no single-character substitution passes");
}

static void test_transpositions(void)
{
	int missed = 0, tried = 0;

	for (size_t i = 0; i < N_VALID; i++) {
		for (size_t p = 0; p + 1 < 18; p++) {
			char buf[19];
			memcpy(buf, valid_codes[i], 19);
			if (buf[p] == buf[p + 1]) {
				continue;
			}
			char t = buf[p];
			buf[p] = buf[p + 1];
			buf[p + 1] = t;
			tried++;
			if (cloudacct_credit_code_valid(buf, 18)) {
				missed++;
				diag(buf);
			}
		}
	}
	ok(tried > 50, "tried %d adjacent swaps", tried);
	is_int(missed, 0, "no adjacent swap of different characters passes");
}

static void test_wrong_check(void)
{
	size_t pos;

	is_int(cloudacct_credit_code_check("91350100M000100Y42", 18, &pos), CLOUDACCT_CREDIT_CODE_CHECK,
		   "wrong check character");
	is_int(pos, 18, "…reported at position 18");
	/* A sample that circulates in documentation with a wrong check character (should be 2). */
	is_int(cloudacct_credit_code_check("911100001011114479", 18, &pos), CLOUDACCT_CREDIT_CODE_CHECK,
		   "911100001011114479 is not valid");
	is_int(cloudacct_credit_code_check_char("911100001011114479"), '2', "…its check character is 2");
	ok(cloudacct_credit_code_valid("911100001011114472", 18), "911100001011114472 is valid");
}

static void test_forbidden_chars(void)
{
	const char forbidden[] = "IOSVZ";
	size_t pos;

	for (const char *f = forbidden; *f; f++) {
		is_int(cloudacct_credit_code_char_value(*f), -1, "%c is outside the alphabet", *f);
		for (size_t p = 0; p < 18; p++) {
			char buf[19];
			memcpy(buf, valid_codes[0], 19);
			buf[p] = *f;
			cloudacct_credit_code_status st = cloudacct_credit_code_check(buf, 18, &pos);
			if (st != CLOUDACCT_CREDIT_CODE_CHAR || pos != p + 1) {
				ok(0, "%s: CHAR at %zu (got status %d at %zu)", buf, p + 1, (int) st, pos);
			}
		}
		ok(1, "%c rejected as CHAR at each of the 18 positions", *f);
	}
	is_int(cloudacct_credit_code_check("91350100m000100y43", 18, &pos), CLOUDACCT_CREDIT_CODE_CHAR,
		   "lower case is refused by the strict check");
	is_int(pos, 9, "…at the first lower-case letter");
	is_int(cloudacct_credit_code_check("9135010\0M000100Y43", 18, &pos), CLOUDACCT_CREDIT_CODE_CHAR,
		   "NUL inside is refused");
	is_int(cloudacct_credit_code_check("91350100M000100Y4-", 18, &pos), CLOUDACCT_CREDIT_CODE_CHAR,
		   "punctuation is refused");
	is_int(cloudacct_credit_code_check("\xE4\xB8\xAD" "350100M000100Y43", 18, &pos), CLOUDACCT_CREDIT_CODE_CHAR,
		   "a Chinese character is refused");
	is_int(cloudacct_credit_code_char_value('0'), 0, "value of 0");
	is_int(cloudacct_credit_code_char_value('A'), 10, "value of A");
	is_int(cloudacct_credit_code_char_value('J'), 18, "value of J (I skipped)");
	is_int(cloudacct_credit_code_char_value('Y'), 30, "value of Y");
	is_int(cloudacct_credit_code_char_value('a'), -1, "lower case has no value");
	is_int(cloudacct_credit_code_check_char("91350100M0001O0Y4"), 0, "check_char of a bad prefix is NUL");
}

/* Structure: positions 1, 2 and 3-8, each with a correct check character so that only the
 * structure is wrong. */
static void check_structure(const char *first17, cloudacct_credit_code_status want, size_t want_pos)
{
	char buf[19];
	size_t pos;

	memcpy(buf, first17, 17);
	buf[17] = cloudacct_credit_code_check_char(first17);
	buf[18] = '\0';
	is_int(cloudacct_credit_code_check(buf, 18, &pos), want, "%s: status %d", buf, (int) want);
	is_int(pos, want_pos, "%s: position %zu", buf, want_pos);
}

static void test_structure(void)
{
	check_structure("B1350100M000100Y4", CLOUDACCT_CREDIT_CODE_AUTHORITY, 1);
	check_structure("01350100M000100Y4", CLOUDACCT_CREDIT_CODE_AUTHORITY, 1);
	check_structure("90350100M000100Y4", CLOUDACCT_CREDIT_CODE_TYPE, 2);
	check_structure("9A350100M000100Y4", CLOUDACCT_CREDIT_CODE_TYPE, 2);
	check_structure("9135A100M000100Y4", CLOUDACCT_CREDIT_CODE_DIVISION, 5);
	check_structure("913501000000100YM", CLOUDACCT_CREDIT_CODE_OK, 0);
	check_structure("A1350100M000100Y4", CLOUDACCT_CREDIT_CODE_OK, 0);
	check_structure("N2350100M000100Y4", CLOUDACCT_CREDIT_CODE_OK, 0);
	check_structure("Y1350100M000100Y4", CLOUDACCT_CREDIT_CODE_OK, 0);
	check_structure("92350100MA00D6C61", CLOUDACCT_CREDIT_CODE_OK, 0);
}

static void test_length(void)
{
	size_t pos = 9;

	is_int(cloudacct_credit_code_check("", 0, &pos), CLOUDACCT_CREDIT_CODE_EMPTY, "empty");
	is_int(pos, 0, "empty: position 0");
	is_int(cloudacct_credit_code_check(NULL, 0, NULL), CLOUDACCT_CREDIT_CODE_EMPTY, "NULL");
	is_int(cloudacct_credit_code_check("91350100M000100Y4", 17, &pos), CLOUDACCT_CREDIT_CODE_LENGTH, "17 chars");
	is_int(cloudacct_credit_code_check("91350100M000100Y433", 19, &pos), CLOUDACCT_CREDIT_CODE_LENGTH, "19 chars");
	is_int(cloudacct_credit_code_check("91350100M000100Y43", 15, &pos), CLOUDACCT_CREDIT_CODE_LENGTH,
		   "15 chars (the old 营业执照注册号 length)");
	ok(!cloudacct_credit_code_valid("91350100M000100Y43 ", 19), "a trailing blank is not trimmed by valid()");
}

static void test_normalize(void)
{
	char out[CLOUDACCT_CREDIT_CODE_LEN + 1];

	ok(cloudacct_credit_code_normalize("91350100m000100y43", 18, out), "lower case normalises");
	is_str(out, "91350100M000100Y43", "…to upper case");
	ok(cloudacct_credit_code_valid(out, strlen(out)), "…and is then valid");
	ok(cloudacct_credit_code_normalize(" \t91350100M000100Y43\r\n ", 23, out), "blanks around are trimmed");
	is_str(out, "91350100M000100Y43", "…leaving the code");
	ok(!cloudacct_credit_code_normalize("91350100 M000100Y43", 19, out), "a blank inside is kept (19 chars)");
	ok(!cloudacct_credit_code_normalize("91350100M000100Y4", 17, out), "17 characters: false");
	is_str(out, "91350100M000100Y4", "…out still holds them");
	ok(!cloudacct_credit_code_normalize("91350100M000100Y43XYZ", 21, out), "21 characters: false");
	is_int(strlen(out), 18, "…out holds at most 18");
	ok(!cloudacct_credit_code_normalize("   ", 3, out), "only blanks: false");
	is_str(out, "", "…out is empty");
	ok(!cloudacct_credit_code_normalize(NULL, 0, out), "NULL: false");
	ok(cloudacct_credit_code_normalize("9135010oM000100Y43", 18, out), "normalising does not judge characters");
	is_str(out, "9135010OM000100Y43", "…O stays O (then refused by the check)");
	ok(!cloudacct_credit_code_valid(out, 18), "…and O is refused");
}

static void test_messages(void)
{
	for (int st = CLOUDACCT_CREDIT_CODE_OK; st <= CLOUDACCT_CREDIT_CODE_CHECK; st++) {
		const char *m = cloudacct_credit_code_status_message((cloudacct_credit_code_status) st);
		ok(m != NULL && strstr(m, "统一社会信用代码") != NULL, "status %d has a Chinese message", st);
	}
	ok(strstr(cloudacct_credit_code_status_message(CLOUDACCT_CREDIT_CODE_CHECK), "核对") != NULL,
	   "CHECK says what to do");
	ok(cloudacct_credit_code_status_message((cloudacct_credit_code_status) 99) != NULL,
	   "unknown status still has a message");
}

int main(void)
{
	test_valid();
	test_single_substitutions();
	test_transpositions();
	test_wrong_check();
	test_forbidden_chars();
	test_structure();
	test_length();
	test_normalize();
	test_messages();
	return done_testing();
}
