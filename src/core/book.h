/*
 * Books (代记账账目) rules that need no Zend: which periods exist, file references and their
 * types, the tax-confirmation state machine and which books period a filing job belongs to.
 */
#ifndef CLOUDACCT_CORE_BOOK_H
#define CLOUDACCT_CORE_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The first period the firm can keep books for. */
#define CLOUDACCT_BOOK_FIRST_PERIOD 200001

typedef enum {
	CLOUDACCT_BOOK_PERIOD_OK = 0,
	CLOUDACCT_BOOK_PERIOD_MALFORMED, /* not "YYYY-MM", month not 01..12, before 2000-01 */
	CLOUDACCT_BOOK_PERIOD_FUTURE     /* after the current month */
} cloudacct_book_period_status;

/* Parses "YYYY-MM" into YYYYMM and checks it exists: from 2000-01 up to and including the current
 * month (current = YYYYMM of today by the business clock). *out is written only on OK. */
cloudacct_book_period_status cloudacct_book_period_parse(const char *s, size_t len, int32_t current, int32_t *out);

typedef enum {
	CLOUDACCT_BOOK_FILE_NONE = 0,
	CLOUDACCT_BOOK_FILE_PDF,
	CLOUDACCT_BOOK_FILE_EXCEL,
	CLOUDACCT_BOOK_FILE_IMAGE
} cloudacct_book_file_type;

/* The type its extension says a file name or reference is (case-insensitive): .pdf; .xls .xlsx
 * .csv; .jpg .jpeg .png .gif .webp. NONE for anything else. A URL's query string is ignored. */
cloudacct_book_file_type cloudacct_book_file_type_of(const char *s, size_t len);
/* "pdf" | "excel" | "image" (NULL for NONE) and back (NONE when unknown). */
const char *cloudacct_book_file_type_name(cloudacct_book_file_type t);
cloudacct_book_file_type cloudacct_book_file_type_parse(const char *s, size_t len);

/* A file reference: a 微擎 attachment path ("images/3/2026/10/x.pdf", relative, no leading "/") or
 * an https:// URL; ≤ 255 bytes, no "..", no blanks or control bytes, only URL-safe ASCII. */
bool cloudacct_book_ref_valid(const char *s, size_t len);

/* The client's confirmation of the tax amount of a published revision. */
typedef enum {
	CLOUDACCT_BOOK_CONFIRM_NONE = 0, /* the revision does not ask for it */
	CLOUDACCT_BOOK_CONFIRM_PENDING,
	CLOUDACCT_BOOK_CONFIRM_CONFIRMED,
	CLOUDACCT_BOOK_CONFIRM_DISPUTED
} cloudacct_book_confirm;

typedef enum {
	CLOUDACCT_BOOK_EV_CONFIRM,
	CLOUDACCT_BOOK_EV_DISPUTE
} cloudacct_book_confirm_event;

const char *cloudacct_book_confirm_name(cloudacct_book_confirm c);
/* Unknown names read as NONE. */
cloudacct_book_confirm cloudacct_book_confirm_parse(const char *s, size_t len);
/* The state after the client's event, or -1 when not allowed: confirm from pending or disputed
 * (the client changed their mind), dispute from pending only. */
int cloudacct_book_confirm_next(cloudacct_book_confirm from, cloudacct_book_confirm_event ev);
/* Does a revision in this state hold up the filing job? (pending or disputed) */
bool cloudacct_book_confirm_blocks(cloudacct_book_confirm c);

/* The books period a monthly filing job of job_period (YYYYMM, the month it is filed in) declares:
 * offset months before it (offset 1: the November 报税 files October). */
int32_t cloudacct_book_filing_period(int32_t job_period, int offset);

/* The period of a recurring job's key "r<schedule>-<YYYYMM>", or 0 when it is not one. */
int32_t cloudacct_book_recur_period(const char *key, size_t len);

#endif
