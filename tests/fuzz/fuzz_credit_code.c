/*
 * 统一社会信用代码 (src/core/credit_code.c). Properties: whatever check() accepts is already
 * normalised and has the right check character; normalising is idempotent; a failed check
 * names a position inside the code; and, on a valid code built from the input, every single
 * character substitution and every swap of two unequal adjacent characters is refused (what
 * credit_code.h promises of the check character).
 */
#include "credit_code.h"
#include "fuzz.h"

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const char authorities[] = "123456789ANY";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	char norm[CLOUDACCT_CREDIT_CODE_LEN + 1], again[CLOUDACCT_CREDIT_CODE_LEN + 1];
	size_t pos = 99;
	cloudacct_credit_code_status st = cloudacct_credit_code_check(s, size, &pos);

	FUZZ_CHECK(cloudacct_credit_code_status_message(st) != NULL);
	if (st == CLOUDACCT_CREDIT_CODE_OK) {
		FUZZ_CHECK(size == CLOUDACCT_CREDIT_CODE_LEN);
		FUZZ_CHECK(cloudacct_credit_code_normalize(s, size, norm) && memcmp(norm, s, size) == 0);
		FUZZ_CHECK(cloudacct_credit_code_check_char(s) == s[17]);
	} else if (st == CLOUDACCT_CREDIT_CODE_EMPTY || st == CLOUDACCT_CREDIT_CODE_LENGTH) {
		FUZZ_CHECK(pos == 0 && size != CLOUDACCT_CREDIT_CODE_LEN);
	} else {
		FUZZ_CHECK(pos >= 1 && pos <= CLOUDACCT_CREDIT_CODE_LEN);
	}
	if (cloudacct_credit_code_normalize(s, size, norm)) {
		FUZZ_CHECK(strlen(norm) <= CLOUDACCT_CREDIT_CODE_LEN);
		FUZZ_CHECK(cloudacct_credit_code_normalize(norm, CLOUDACCT_CREDIT_CODE_LEN, again));
		FUZZ_CHECK(memcmp(norm, again, CLOUDACCT_CREDIT_CODE_LEN) == 0);
		(void) cloudacct_credit_code_valid(norm, CLOUDACCT_CREDIT_CODE_LEN);
	}

	/* A valid code from the input's bytes, then one typo chosen by the input. */
	fuzz_in in = { data, size };
	char code[CLOUDACCT_CREDIT_CODE_LEN];
	code[0] = authorities[fuzz_take_u8(&in) % (sizeof authorities - 1)];
	code[1] = (char) ('1' + fuzz_take_u8(&in) % 9);
	for (int i = 2; i < 8; i++) {
		code[i] = (char) ('0' + fuzz_take_u8(&in) % 10);
	}
	for (int i = 8; i < 17; i++) {
		code[i] = alphabet[fuzz_take_u8(&in) % 31];
	}
	code[17] = cloudacct_credit_code_check_char(code);
	FUZZ_CHECK(code[17] != '\0');
	FUZZ_CHECK(cloudacct_credit_code_valid(code, sizeof code));

	uint8_t how = fuzz_take_u8(&in), where = fuzz_take_u8(&in) % CLOUDACCT_CREDIT_CODE_LEN, with = fuzz_take_u8(&in);
	char typo[CLOUDACCT_CREDIT_CODE_LEN];
	memcpy(typo, code, sizeof typo);
	if (how & 1) {
		char c = alphabet[with % 31];
		if (c != typo[where]) {
			typo[where] = c;
			FUZZ_CHECK(!cloudacct_credit_code_valid(typo, sizeof typo));
		}
	} else if (where < CLOUDACCT_CREDIT_CODE_LEN - 1 && typo[where] != typo[where + 1]) {
		char t = typo[where];
		typo[where] = typo[where + 1];
		typo[where + 1] = t;
		FUZZ_CHECK(!cloudacct_credit_code_valid(typo, sizeof typo));
	}
	return 0;
}
