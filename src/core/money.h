/*
 * Money in fen (分) as int64_t: exact parsing, formatting and overflow-checked
 * arithmetic. No floating point anywhere (DESIGN §3.4).
 */
#ifndef CLOUDACCT_CORE_MONEY_H
#define CLOUDACCT_CORE_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
	CLOUDACCT_MONEY_OK = 0,
	CLOUDACCT_MONEY_EMPTY,
	CLOUDACCT_MONEY_SYNTAX,
	CLOUDACCT_MONEY_TOO_PRECISE,
	CLOUDACCT_MONEY_NEGATIVE,
	CLOUDACCT_MONEY_OVERFLOW
} cloudacct_money_status;

/* Enough for "-92233720368547758.08" plus NUL, with room to spare. */
#define CLOUDACCT_MONEY_BUFSZ 32

/*
 * Parse "12", "12.3", "12.34", "-0.05" (negative only when allow_negative)
 * into fen. Strict: no whitespace, '+', exponent, grouping, or bare '.'.
 * "-0" / "-0.00" parse to 0 even when negatives are not allowed, because
 * the value is not negative. *fen_out is written only on OK.
 */
cloudacct_money_status cloudacct_money_parse(const char *s, size_t len, bool allow_negative,
											 int64_t *fen_out);

/* Write "12.34" / "-0.05" / "0.00" into buf (>= CLOUDACCT_MONEY_BUFSZ); returns strlen. */
size_t cloudacct_money_format(int64_t fen, char *buf);

/* Overflow-checked arithmetic: false (and *out untouched) on overflow. */
bool cloudacct_money_add(int64_t a, int64_t b, int64_t *out);
bool cloudacct_money_mul(int64_t a, int64_t n, int64_t *out);
bool cloudacct_money_from_yuan(int64_t yuan, int64_t *fen_out);

/* Short Chinese message telling the user what to fix. Never NULL. */
const char *cloudacct_money_status_message(cloudacct_money_status st);

#endif
