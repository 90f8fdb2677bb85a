/*
 * Dates, accounting periods and business-hours maths for SLAs and due
 * dates (DESIGN §3.3, §3.4), China first: one fixed UTC offset (no DST),
 * a weekend mask, working hours with an optional lunch break, and a list
 * of exceptions for public holidays and 调休 make-up workdays.
 *
 * Dates are int32_t YYYYMMDD, periods int32_t YYYYMM, timestamps unix
 * seconds. Everything lives in 1970-01-01 .. 2999-12-31; outside that the
 * functions report an error instead of guessing.
 */
#ifndef CLOUDACCT_CORE_CALENDAR_H
#define CLOUDACCT_CORE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CLOUDACCT_DATE_MIN 19700101
#define CLOUDACCT_DATE_MAX 29991231
#define CLOUDACCT_TS_MAX INT64_C(32503679999) /* 2999-12-31 23:59:59 UTC */
#define CLOUDACCT_DATE_BUFSZ 11               /* "YYYY-MM-DD" + NUL */

#define CLOUDACCT_TZ_CHINA 28800
#define CLOUDACCT_TZ_LIMIT 50400       /* |offset| <= 14 h */
#define CLOUDACCT_WEEKEND_SAT_SUN 0x41 /* bit 0 Sunday, bit 6 Saturday */

/* How far add() and next_workday look ahead before giving up: 3 years. */
#define CLOUDACCT_CALENDAR_MAX_DAYS 1096

/* ---- civil dates ---- */

/* Days since 1970-01-01 for a proleptic Gregorian date; no validation. */
int64_t cloudacct_days_from_civil(int y, unsigned m, unsigned d);
/* Inverse of cloudacct_days_from_civil(). */
void cloudacct_civil_from_days(int64_t days, int *y, unsigned *m, unsigned *d);

/* A real date within CLOUDACCT_DATE_MIN..MAX (so 20260229 is not). */
bool cloudacct_date_valid(int32_t yyyymmdd);
/* Strict "YYYY-MM-DD": exactly 10 bytes, a real date, years 1970..2999. */
bool cloudacct_date_parse(const char *s, size_t len, int32_t *yyyymmdd);
/* "YYYY-MM-DD" into buf (>= CLOUDACCT_DATE_BUFSZ); 0 and "" when invalid. */
size_t cloudacct_date_format(int32_t yyyymmdd, char *buf);

/* Day number (days since 1970-01-01) of a valid date, or -1. */
int64_t cloudacct_date_to_days(int32_t yyyymmdd);
/* The date of a day number, or -1 when outside the supported range. */
int32_t cloudacct_date_from_days(int64_t days);

/* 0 = Sunday .. 6 = Saturday (the bit order of weekend_mask), -1 if invalid. */
int cloudacct_weekday(int32_t yyyymmdd);
/* Date plus (or minus) days; -1 if the input or result is out of range. */
int32_t cloudacct_date_add_days(int32_t yyyymmdd, int days);
/* Local date of a timestamp at tz_offset seconds east of UTC; -1 if out of range. */
int32_t cloudacct_date_from_ts(int64_t ts, int32_t tz_offset);
/* Timestamp of local midnight starting that date; false if invalid. */
bool cloudacct_date_start_ts(int32_t yyyymmdd, int32_t tz_offset, int64_t *ts_out);

/* ---- accounting periods (YYYYMM) ---- */

bool cloudacct_period_valid(int32_t yyyymm);
/* Period plus (or minus) months across years; -1 if invalid or out of range. */
int32_t cloudacct_period_next(int32_t yyyymm, int months);

/* ---- working calendar ---- */

/* A public holiday (workday = false) or a 调休 make-up workday (workday = true). */
typedef struct {
	int32_t date; /* YYYYMMDD */
	bool workday;
} cloudacct_calendar_exception;

typedef struct {
	int32_t tz_offset;                              /* seconds east of UTC; China = 28800, no DST */
	uint8_t weekend_mask;                           /* bit 0 = Sunday .. bit 6 = Saturday */
	int32_t day_start, day_end;                     /* minutes after midnight, e.g. 540..1080 */
	int32_t break_start, break_end;                 /* lunch break in minutes; equal = none */
	const cloudacct_calendar_exception *exceptions; /* sorted by date, caller-owned */
	size_t n_exceptions;
} cloudacct_calendar;

typedef enum {
	CLOUDACCT_CALENDAR_OK = 0,
	CLOUDACCT_CALENDAR_BAD_TZ,
	CLOUDACCT_CALENDAR_BAD_WEEKEND,
	CLOUDACCT_CALENDAR_BAD_HOURS,
	CLOUDACCT_CALENDAR_BAD_BREAK,
	CLOUDACCT_CALENDAR_BAD_DATE,
	CLOUDACCT_CALENDAR_DUPLICATE,
	CLOUDACCT_CALENDAR_UNSORTED
} cloudacct_calendar_status;

/* China defaults: UTC+8, Sat+Sun off, 09:00-18:00 with lunch 12:00-13:00, no exceptions. */
void cloudacct_calendar_init_china(cloudacct_calendar *cal);

/*
 * Hours must satisfy 0 <= day_start < day_end <= 1440 and, with a break,
 * day_start < break_start < break_end < day_end; exception dates must be
 * valid and strictly increasing.
 */
cloudacct_calendar_status cloudacct_calendar_validate(const cloudacct_calendar *cal);

/* Sort exceptions by date in place, then reject bad dates and duplicates. */
cloudacct_calendar_status cloudacct_calendar_sort_exceptions(cloudacct_calendar_exception *ex,
															 size_t n);

/* Chinese message for admins editing the working calendar. Never NULL. */
const char *cloudacct_calendar_status_message(cloudacct_calendar_status st);

/* Business seconds in one working day (e.g. 8 h = 28800); -1 if the hours are invalid. */
int64_t cloudacct_calendar_workday_seconds(const cloudacct_calendar *cal);

/* Exceptions override the weekend mask. False for an invalid date. */
bool cloudacct_calendar_is_workday(const cloudacct_calendar *cal, int32_t yyyymmdd);

/* That date if it is a workday, else the next one (e.g. the 15th 报税 deadline); -1 if none. */
int32_t cloudacct_calendar_next_workday_on_or_after(const cloudacct_calendar *cal,
													int32_t yyyymmdd);

/*
 * The earliest time at which business_seconds of working time have elapsed
 * since start_ts, so a span that ends exactly at 12:00 before lunch stays
 * at 12:00. With 0 seconds: start_ts rolled forward to the next working
 * instant (start_ts itself when inside working hours).
 * -1 if the calendar is invalid, start_ts is outside 0..CLOUDACCT_TS_MAX,
 * business_seconds < 0, or the end lies more than CLOUDACCT_CALENDAR_MAX_DAYS
 * ahead (which is also the answer for a calendar without working days).
 */
int64_t cloudacct_calendar_add(const cloudacct_calendar *cal, int64_t start_ts,
							   int64_t business_seconds);

/*
 * Business seconds within [a, b): 0 when b <= a, -1 if the calendar is
 * invalid or a time is outside 0..CLOUDACCT_TS_MAX. Cost does not grow with
 * the span (whole weeks are counted arithmetically).
 */
int64_t cloudacct_calendar_between(const cloudacct_calendar *cal, int64_t a, int64_t b);

#endif
