/*
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 *   position  1     registration authority (登记管理部门): 1 机构编制, 2 外交, 3 司法行政, 4 文化,
 *                   5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管(工商), A 中央军委改革和编制办公室,
 *                   N 农业, Y 其他
 *             2     organisation type (机构类别) within that authority: a digit 1-9
 *             3-8   administrative division (登记管理机关行政区划码): six digits
 *             9-17  organisation code (主体标识码, GB 11714)
 *             18    check character
 *
 * Every position uses the 31-character alphabet 0-9 A-H J-N P-R T-U W-Y (no I O S V Z). The check
 * character is C18 = 31 - (sum of value(Ci) * Wi mod 31), with 31 written as '0' and
 * W = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 (3^(i-1) mod 31).
 *
 * Decisions:
 * - Checking is strict: upper case only. Input from people goes through
 *   cloudacct_credit_code_normalize() first (trims ASCII blanks, upper-cases a-z), and the
 *   normalised form is what gets stored, so one company cannot be registered twice as
 *   "91350100m000100y43" and "91350100M000100Y43".
 * - Position 2 is checked to be a digit 1-9 but not against each authority's list of types: those
 *   lists have grown since 2015 and a stale table would turn away real companies. The check
 *   character already catches every single-character typo and every swap of two adjacent
 *   characters that are not equal.
 * - The GB 11714 check digit inside positions 9-17 is not checked: codes issued to 个体工商户
 *   since 2016 use assigned identifiers there.
 *
 * Pure C: no PHP, no I/O.
 */
#ifndef CLOUDACCT_CORE_CREDIT_CODE_H
#define CLOUDACCT_CORE_CREDIT_CODE_H

#include <stdbool.h>
#include <stddef.h>

#define CLOUDACCT_CREDIT_CODE_LEN 18

typedef enum {
	CLOUDACCT_CREDIT_CODE_OK = 0,
	CLOUDACCT_CREDIT_CODE_EMPTY,      /* nothing given */
	CLOUDACCT_CREDIT_CODE_LENGTH,     /* not 18 characters */
	CLOUDACCT_CREDIT_CODE_CHAR,       /* a character outside the alphabet (I O S V Z, lower case…) */
	CLOUDACCT_CREDIT_CODE_AUTHORITY,  /* position 1 is no registration authority */
	CLOUDACCT_CREDIT_CODE_TYPE,       /* position 2 is not 1-9 */
	CLOUDACCT_CREDIT_CODE_DIVISION,   /* positions 3-8 are not digits */
	CLOUDACCT_CREDIT_CODE_CHECK       /* position 18 does not match */
} cloudacct_credit_code_status;

/* Value 0..30 of c in the code alphabet, or -1 (lower case is -1 too). */
int cloudacct_credit_code_char_value(char c);

/* The check character for the first 17 characters, or '\0' when one is outside the alphabet. */
char cloudacct_credit_code_check_char(const char *first17);

/*
 * Full check of an already normalised code. When pos is not NULL it receives the 1-based position
 * of the offending character (0 for EMPTY/LENGTH).
 */
cloudacct_credit_code_status cloudacct_credit_code_check(const char *s, size_t len, size_t *pos);

/* cloudacct_credit_code_check() == OK. */
bool cloudacct_credit_code_valid(const char *s, size_t len);

/*
 * Trims leading/trailing ASCII blanks (space, tab, CR, LF) and upper-cases a-z into out, which is
 * always NUL-terminated. True when the result has exactly 18 characters (it may still be invalid);
 * false otherwise (out then holds at most its first 18 characters).
 */
bool cloudacct_credit_code_normalize(const char *s, size_t len, char out[CLOUDACCT_CREDIT_CODE_LEN + 1]);

/* Short Chinese message telling the user what to fix. Never NULL. */
const char *cloudacct_credit_code_status_message(cloudacct_credit_code_status st);

#endif
