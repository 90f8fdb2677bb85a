/*
 * Input validation for text that reaches the database or a page: UTF-8,
 * control characters, lengths in characters, phone numbers, identifiers.
 */
#ifndef CLOUDACCT_CORE_TEXT_H
#define CLOUDACCT_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Strict RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF, no NUL. */
bool cloudacct_utf8_valid(const char *s, size_t len);

/* Number of code points; only meaningful when cloudacct_utf8_valid() holds. */
size_t cloudacct_utf8_chars(const char *s, size_t len);

typedef enum {
	CLOUDACCT_TEXT_OK = 0,
	CLOUDACCT_TEXT_BAD_UTF8,
	CLOUDACCT_TEXT_CONTROL,
	CLOUDACCT_TEXT_TOO_SHORT,
	CLOUDACCT_TEXT_TOO_LONG
} cloudacct_text_status;

/*
 * Valid UTF-8, no control characters (C0, DEL and C1; \n \r \t only when
 * multiline), and between min_chars and max_chars code points inclusive.
 * Checks run in that order, so the first problem found is reported.
 */
cloudacct_text_status cloudacct_text_check(const char *s, size_t len, size_t min_chars,
										   size_t max_chars, bool multiline);

/* Short Chinese message telling the user what to fix. Never NULL. */
const char *cloudacct_text_status_message(cloudacct_text_status st);

/* Mainland China mobile number: exactly 11 ASCII digits, ^1[3-9][0-9]{9}$. */
bool cloudacct_phone_valid(const char *s, size_t len);

/* ^[a-z][a-z0-9_]*$ with 1..max_len bytes: table, template and key names. */
bool cloudacct_ident_valid(const char *s, size_t len, size_t max_len);

#endif
