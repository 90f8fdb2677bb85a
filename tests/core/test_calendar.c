/*
 * Dates, periods and business-hours maths. Timestamps written as numbers
 * were computed with GNU date, e.g. `date -u -d '2026-12-31 16:00 +0800' +%s`,
 * so they do not depend on the code under test.
 */
#include <string.h>

#include "calendar.h"
#include "tap.h"

#define H 3600
#define M 60

/*
 * The PRC 2026 public-holiday schedule (国务院办公厅 2025-11-04), plus
 * 2027-01-01 (元旦 is a holiday every year; the 2027 schedule is not out).
 */
/* clang-format off */
static const cloudacct_calendar_exception prc_2026[] = {
	{ 20260101, false }, { 20260102, false }, { 20260103, false }, { 20260104, true },	/* 元旦 */
	{ 20260214, true },									/* 春节 make-up Sat */
	{ 20260215, false }, { 20260216, false }, { 20260217, false }, { 20260218, false },
	{ 20260219, false }, { 20260220, false }, { 20260221, false }, { 20260222, false },
	{ 20260223, false },
	{ 20260228, true },									/* make-up Sat */
	{ 20260404, false }, { 20260405, false }, { 20260406, false },				/* 清明 */
	{ 20260501, false }, { 20260502, false }, { 20260503, false }, { 20260504, false },	/* 劳动节 */
	{ 20260505, false }, { 20260509, true },
	{ 20260619, false }, { 20260620, false }, { 20260621, false },				/* 端午 */
	{ 20260920, true },									/* 国庆 make-up Sun */
	{ 20260925, false }, { 20260926, false }, { 20260927, false },				/* 中秋 */
	{ 20261001, false }, { 20261002, false }, { 20261003, false }, { 20261004, false },	/* 国庆 */
	{ 20261005, false }, { 20261006, false }, { 20261007, false }, { 20261010, true },
	{ 20270101, false },
};
/* clang-format on */
#define N_PRC (sizeof(prc_2026) / sizeof(prc_2026[0]))

static cloudacct_calendar china(bool holidays)
{
	cloudacct_calendar cal;

	cloudacct_calendar_init_china(&cal);
	if (holidays) {
		cal.exceptions = prc_2026;
		cal.n_exceptions = N_PRC;
	}
	return cal;
}

/* Local wall-clock time to unix time via the (separately tested) date helpers. */
static int64_t at(const cloudacct_calendar *cal, int32_t date, int hh, int mm, int ss)
{
	int64_t ts = -1;

	cloudacct_date_start_ts(date, cal->tz_offset, &ts);
	return ts + hh * H + mm * M + ss;
}

/* ---------------------------------------------------------------- dates */

static void test_civil(void)
{
	int y;
	unsigned m, d;

	is_int(cloudacct_days_from_civil(1970, 1, 1), 0, "1970-01-01 is day 0");
	is_int(cloudacct_days_from_civil(1969, 12, 31), -1, "1969-12-31 is day -1");
	is_int(cloudacct_days_from_civil(2000, 3, 1), 11017, "2000-03-01 is day 11017");
	is_int(cloudacct_days_from_civil(2026, 1, 1), 20454, "2026-01-01 is day 20454");
	is_int(cloudacct_days_from_civil(2999, 12, 31), 376199, "2999-12-31 is day 376199");
	is_int(cloudacct_days_from_civil(1600, 1, 1), -135140, "1600-01-01 (a 400-year era start)");
	cloudacct_civil_from_days(-1, &y, &m, &d);
	ok(y == 1969 && m == 12 && d == 31, "day -1 is 1969-12-31");
	cloudacct_civil_from_days(11016, &y, &m, &d);
	ok(y == 2000 && m == 2 && d == 29, "day 11016 is 2000-02-29");
	cloudacct_civil_from_days(-719468, &y, &m, &d);
	ok(y == 0 && m == 3 && d == 1, "day -719468 is 0000-03-01");
}

static bool naive_leap(int y)
{
	return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
}

/* Walk every day from 1970 to 2999 with a naive counter and compare both directions. */
static void test_every_day(void)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = 1970, m = 1, d = 1, bad = 0, bad_wd = 0;
	int64_t day;

	for (day = 0; day <= 376199; day++) {
		int32_t date = y * 10000 + m * 100 + d;
		bad += cloudacct_date_from_days(day) != date || cloudacct_date_to_days(date) != day ||
			   !cloudacct_date_valid(date);
		bad_wd += cloudacct_weekday(date) != (int) ((day + 4) % 7);
		if (++d > dim[m - 1] + (m == 2 && naive_leap(y))) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	is_int(bad, 0, "every date 1970-01-01..2999-12-31 converts both ways");
	is_int(bad_wd, 0, "every weekday 1970..2999 matches (day + 4) mod 7");
	is_int(y * 10000 + m * 100 + d, 30000101, "the walk ended on 3000-01-01");
	is_int(cloudacct_date_from_days(376200), -1, "3000-01-01 is out of range");
	is_int(cloudacct_date_from_days(-1), -1, "1969-12-31 is out of range");
}

static void test_civil_wide_round_trip(void)
{
	int64_t day;
	int bad = 0;

	for (day = -800000; day <= 800000; day += 7) {
		int y;
		unsigned m, d;
		cloudacct_civil_from_days(day, &y, &m, &d);
		bad += cloudacct_days_from_civil(y, m, d) != day;
	}
	is_int(bad, 0, "civil <-> days round-trips across years -220..4160");
}

static void test_date_parse(void)
{
	static const struct {
		const char *s;
		int32_t want;
	} good[] = {
		{"2026-01-01", 20260101}, {"1970-01-01", 19700101}, {"2999-12-31", 29991231},
		{"2024-02-29", 20240229}, {"2000-02-29", 20000229}, {"2026-02-28", 20260228},
		{"2026-04-30", 20260430}, {"2026-12-31", 20261231}, {"2026-10-08", 20261008},
	};
	static const char *const bad[] = {
		"",           "2026-2-30",      "2026-02-30",  "2026-02-29",  "1900-02-29",
		"2100-02-29", "2026/01/01",     "2026-1-1",    "2026-01-1",   "26-01-01",
		"20260101",   "2026-01-01 ",    " 2026-01-01", "2026-01-01x", "2026-01-01T00:00",
		"2026-13-01", "2026-00-10",     "2026-01-00",  "2026-01-32",  "2026-04-31",
		"2026-06-31", "2026-09-31",     "2026-11-31",  "1969-12-31",  "3000-01-01",
		"0000-01-01", "2026_01_01",     "2026--1-01",  "+026-01-01",  "-026-01-01",
		"2026-0a-01", "２０２６-01-01", "2026-01- 1",  "abcd-ef-gh",
	};
	int32_t out = 7;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		int32_t got = 0;
		ok(cloudacct_date_parse(good[i].s, strlen(good[i].s), &got) && got == good[i].want,
		   "date '%s' parses to %d", good[i].s, (int) good[i].want);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(!cloudacct_date_parse(bad[i], strlen(bad[i]), &out), "date '%s' rejected", bad[i]);
	}
	ok(!cloudacct_date_parse("2026-01-01\0", 11, &out), "trailing NUL rejected");
	ok(!cloudacct_date_parse("2026-01\0"
							 "01",
							 10, &out),
	   "NUL inside rejected");
	ok(!cloudacct_date_parse(NULL, 10, &out), "NULL rejected");
	is_int(out, 7, "rejections leave the output untouched");
	ok(cloudacct_date_parse("2026-01-011", 10, &out) && out == 20260101, "only len bytes are read");
}

static void test_date_valid_and_format(void)
{
	static const int32_t bad[] = {0,        -1,       19691231, 30000101, 20260229, 20261301,
								  20260100, 20260001, 20260431, 2026101,  202601011};
	char buf[CLOUDACCT_DATE_BUFSZ];
	size_t i;

	ok(cloudacct_date_valid(20240229), "2024-02-29 valid");
	ok(cloudacct_date_valid(29991231), "2999-12-31 valid");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(!cloudacct_date_valid(bad[i]), "%d is not a valid date", (int) bad[i]);
	}
	is_int(cloudacct_date_format(20261008, buf), 10, "format returns 10");
	is_str(buf, "2026-10-08", "format 20261008");
	cloudacct_date_format(19700101, buf);
	is_str(buf, "1970-01-01", "format 19700101");
	is_int(cloudacct_date_format(20260230, buf), 0, "format of an invalid date returns 0");
	is_str(buf, "", "and writes an empty string");
}

static void test_weekday(void)
{
	is_int(cloudacct_weekday(20260101), 4, "2026-01-01 is a Thursday");
	is_int(cloudacct_weekday(20260214), 6, "2026-02-14 is a Saturday");
	is_int(cloudacct_weekday(20260920), 0, "2026-09-20 is a Sunday");
	is_int(cloudacct_weekday(20000101), 6, "2000-01-01 is a Saturday");
	is_int(cloudacct_weekday(20270104), 1, "2027-01-04 is a Monday");
	is_int(cloudacct_weekday(20240229), 4, "2024-02-29 is a Thursday");
	is_int(cloudacct_weekday(19700101), 4, "1970-01-01 is a Thursday");
	is_int(cloudacct_weekday(20260230), -1, "invalid date has no weekday");
}

static void test_date_add_days(void)
{
	is_int(cloudacct_date_add_days(20261231, 1), 20270101, "year end + 1");
	is_int(cloudacct_date_add_days(20240228, 1), 20240229, "into a leap day");
	is_int(cloudacct_date_add_days(20250228, 1), 20250301, "no leap day in 2025");
	is_int(cloudacct_date_add_days(20260301, -1), 20260228, "back over February");
	is_int(cloudacct_date_add_days(20260115, 0), 20260115, "+0");
	is_int(cloudacct_date_add_days(20260101, 365), 20270101, "+365 in a common year");
	is_int(cloudacct_date_add_days(20240101, 366), 20250101, "+366 in a leap year");
	is_int(cloudacct_date_add_days(20260131, 30), 20260302, "+30 across February");
	is_int(cloudacct_date_add_days(20261001, -15), 20260916, "-15 (dunning before the due date)");
	is_int(cloudacct_date_add_days(19700101, -1), -1, "before 1970 is out of range");
	is_int(cloudacct_date_add_days(29991231, 1), -1, "after 2999 is out of range");
	is_int(cloudacct_date_add_days(20260230, 1), -1, "invalid input");
	is_int(cloudacct_date_add_days(20260101, 2147483647), -1, "INT_MAX days");
	is_int(cloudacct_date_add_days(20260101, -2147483647 - 1), -1, "INT_MIN days");
}

static void test_ts_dates(void)
{
	int64_t ts = 0;

	is_int(cloudacct_date_from_ts(1767196800, CLOUDACCT_TZ_CHINA), 20260101,
		   "2026-01-01 00:00 +0800");
	is_int(cloudacct_date_from_ts(1767196799, CLOUDACCT_TZ_CHINA), 20251231, "one second earlier");
	is_int(cloudacct_date_from_ts(1767196800, 0), 20251231,
		   "the same instant in UTC is still 2025");
	is_int(cloudacct_date_from_ts(1767225600, 0), 20260101, "2026-01-01 00:00 UTC");
	is_int(cloudacct_date_from_ts(1767225599, -5 * H), 20251231, "UTC-5 sees the previous day");
	is_int(cloudacct_date_from_ts(0, 0), 19700101, "epoch");
	is_int(cloudacct_date_from_ts(-28800, CLOUDACCT_TZ_CHINA), 19700101,
		   "1970-01-01 00:00 +0800 is negative");
	is_int(cloudacct_date_from_ts(-1, 0), -1, "1969 is out of range");
	is_int(cloudacct_date_from_ts(0, -H), -1, "epoch at UTC-1 is 1969");
	is_int(cloudacct_date_from_ts(32503679999, 0), 29991231, "last second of 2999");
	is_int(cloudacct_date_from_ts(32503680000, 0), -1, "3000 is out of range");
	is_int(cloudacct_date_from_ts(INT64_MAX, 0), -1, "INT64_MAX");
	is_int(cloudacct_date_from_ts(INT64_MIN, 0), -1, "INT64_MIN");
	is_int(cloudacct_date_from_ts(1767196800, 15 * H), -1, "offset beyond 14 h");
	ok(cloudacct_date_start_ts(20260101, CLOUDACCT_TZ_CHINA, &ts) && ts == 1767196800,
	   "start of 2026-01-01 +0800");
	ok(cloudacct_date_start_ts(19700101, CLOUDACCT_TZ_CHINA, &ts) && ts == -28800,
	   "start of 1970-01-01 +0800");
	ok(cloudacct_date_start_ts(20261231, CLOUDACCT_TZ_CHINA, &ts) && ts + 16 * H == 1798704000,
	   "2026-12-31 16:00 +0800");
	ts = 5;
	ok(!cloudacct_date_start_ts(20260229, CLOUDACCT_TZ_CHINA, &ts) && ts == 5,
	   "invalid date: false, untouched");
	ok(!cloudacct_date_start_ts(20260101, -15 * H, &ts) && ts == 5, "invalid offset: false");
}

static void test_periods(void)
{
	ok(cloudacct_period_valid(202601), "202601 valid");
	ok(cloudacct_period_valid(202612), "202612 valid");
	ok(cloudacct_period_valid(197001), "197001 valid");
	ok(cloudacct_period_valid(299912), "299912 valid");
	ok(!cloudacct_period_valid(202600), "month 00");
	ok(!cloudacct_period_valid(202613), "month 13");
	ok(!cloudacct_period_valid(196912), "1969");
	ok(!cloudacct_period_valid(300001), "3000");
	ok(!cloudacct_period_valid(20260101), "a date is not a period");
	ok(!cloudacct_period_valid(-202601), "negative");
	ok(!cloudacct_period_valid(0), "zero");
	is_int(cloudacct_period_next(202612, 1), 202701, "Dec + 1 = next Jan");
	is_int(cloudacct_period_next(202601, -1), 202512, "Jan - 1 = previous Dec");
	is_int(cloudacct_period_next(202601, 0), 202601, "+0");
	is_int(cloudacct_period_next(202601, 11), 202612, "+11");
	is_int(cloudacct_period_next(202601, 12), 202701, "+12");
	is_int(cloudacct_period_next(202601, 24), 202801, "+24");
	is_int(cloudacct_period_next(202603, -15), 202412, "-15");
	is_int(cloudacct_period_next(202607, 3), 202610, "next quarter");
	is_int(cloudacct_period_next(202611, 3), 202702, "quarter across the year");
	is_int(cloudacct_period_next(202601, -12 * 56), 197001, "back to 197001");
	is_int(cloudacct_period_next(202601, -12 * 56 - 1), -1, "before 197001");
	is_int(cloudacct_period_next(299912, 1), -1, "after 299912");
	is_int(cloudacct_period_next(202613, 1), -1, "invalid period");
	is_int(cloudacct_period_next(202601, 2147483647), -1, "INT_MAX months");
	is_int(cloudacct_period_next(202601, -2147483647 - 1), -1, "INT_MIN months");
}

/* ---------------------------------------------------------- validation */

static void test_validate(void)
{
	cloudacct_calendar cal = china(true);
	cloudacct_calendar_exception dup[] = {{20260101, false}, {20260101, true}};
	cloudacct_calendar_exception uns[] = {{20260102, false}, {20260101, false}};
	cloudacct_calendar_exception badd[] = {{20260230, false}};

	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_OK,
		   "China 2026 calendar is valid");
	is_int(cloudacct_calendar_validate(NULL), CLOUDACCT_CALENDAR_BAD_HOURS, "NULL is invalid");
	cal.tz_offset = 14 * H + 1;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_TZ, "offset > 14 h");
	cal.tz_offset = -14 * H;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_OK, "offset -14 h is fine");
	cal = china(true);
	cal.weekend_mask = 0x80;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_WEEKEND,
		   "bit 7 of the weekend mask");
	cal.weekend_mask = 0x7F;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_OK,
		   "all-weekend mask is valid (no work)");
	cal = china(true);
	cal.day_start = cal.day_end;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_HOURS, "empty day");
	cal = china(true);
	cal.day_end = 1441;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_HOURS, "day past 24:00");
	cal = china(true);
	cal.day_start = -1;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_HOURS, "day before 00:00");
	cal = china(true);
	cal.break_start = 8 * 60;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_BREAK,
		   "break starts before the day");
	cal = china(true);
	cal.break_end = 18 * 60;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_BREAK,
		   "break ends with the day");
	cal = china(true);
	cal.break_start = 13 * 60;
	cal.break_end = 12 * 60;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_BREAK,
		   "break ends before it starts");
	cal.break_start = cal.break_end = 0;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_OK,
		   "equal break bounds = no break");
	cal = china(false);
	cal.exceptions = dup;
	cal.n_exceptions = 2;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_DUPLICATE, "duplicate date");
	cal.exceptions = uns;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_UNSORTED, "unsorted dates");
	cal.exceptions = badd;
	cal.n_exceptions = 1;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_DATE,
		   "invalid exception date");
	cal.exceptions = NULL;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_BAD_DATE,
		   "NULL list with a count");
	/* An invalid calendar makes the maths refuse rather than guess. */
	is_int(cloudacct_calendar_add(&cal, 1772413200, 60), -1, "add on an invalid calendar is -1");
	is_int(cloudacct_calendar_between(&cal, 1772413200, 1772420400), -1,
		   "between on an invalid calendar is -1");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20260302), -1,
		   "next workday on invalid is -1");
	is_int(cloudacct_calendar_add(NULL, 1772413200, 60), -1, "add on NULL is -1");
	is_int(cloudacct_calendar_between(NULL, 0, 1), -1, "between on NULL is -1");
	ok(!cloudacct_calendar_is_workday(NULL, 20260302), "NULL calendar has no workdays");
}

static void test_sort_exceptions(void)
{
	cloudacct_calendar_exception ex[] = {
		{20261010, true}, {20260101, false}, {20260920, true}, {20260214, true}, {20260102, false}};
	cloudacct_calendar_exception dup[] = {{20260501, false}, {20260101, false}, {20260501, true}};
	cloudacct_calendar_exception bad[] = {{20260501, false}, {20260431, false}};
	cloudacct_calendar cal = china(false);

	is_int(cloudacct_calendar_sort_exceptions(ex, 5), CLOUDACCT_CALENDAR_OK,
		   "sort a shuffled list");
	ok(ex[0].date == 20260101 && ex[1].date == 20260102 && ex[2].date == 20260214 &&
		   ex[3].date == 20260920 && ex[4].date == 20261010,
	   "sorted by date");
	ok(!ex[0].workday && ex[2].workday && ex[4].workday, "each date kept its kind");
	cal.exceptions = ex;
	cal.n_exceptions = 5;
	is_int(cloudacct_calendar_validate(&cal), CLOUDACCT_CALENDAR_OK, "a sorted list validates");
	is_int(cloudacct_calendar_sort_exceptions(dup, 3), CLOUDACCT_CALENDAR_DUPLICATE,
		   "duplicates found after sorting");
	is_int(cloudacct_calendar_sort_exceptions(bad, 2), CLOUDACCT_CALENDAR_BAD_DATE,
		   "bad date found");
	is_int(cloudacct_calendar_sort_exceptions(NULL, 0), CLOUDACCT_CALENDAR_OK,
		   "empty list is fine");
	is_int(cloudacct_calendar_sort_exceptions(NULL, 1), CLOUDACCT_CALENDAR_BAD_DATE,
		   "NULL with a count");
}

static void test_messages(void)
{
	int st;

	for (st = CLOUDACCT_CALENDAR_OK; st <= CLOUDACCT_CALENDAR_UNSORTED; st++) {
		const char *m = cloudacct_calendar_status_message((cloudacct_calendar_status) st);
		ok(m != NULL && strlen(m) > 6 && (unsigned char) m[0] >= 0xE0, "calendar status %d: %s", st,
		   m);
	}
	ok(strstr(cloudacct_calendar_status_message(CLOUDACCT_CALENDAR_DUPLICATE), "重复") != NULL,
	   "DUPLICATE says 重复");
	ok(cloudacct_calendar_status_message((cloudacct_calendar_status) 77) != NULL,
	   "unknown status has a message");
}

/* ------------------------------------------------------------ workdays */

static void test_workdays_2026(void)
{
	cloudacct_calendar cal = china(true);
	int32_t date = 20260101;
	int workdays = 0;
	size_t i;

	for (i = 0; i < N_PRC; i++) {
		ok(cloudacct_calendar_is_workday(&cal, prc_2026[i].date) == prc_2026[i].workday, "%d is %s",
		   (int) prc_2026[i].date, prc_2026[i].workday ? "a 调休 workday" : "a holiday");
	}
	ok(cloudacct_calendar_is_workday(&cal, 20260105), "an ordinary Monday works");
	ok(!cloudacct_calendar_is_workday(&cal, 20260110), "an ordinary Saturday is off");
	ok(!cloudacct_calendar_is_workday(&cal, 20260111), "an ordinary Sunday is off");
	ok(cloudacct_calendar_is_workday(&cal, 20260224), "the Tuesday after Spring Festival works");
	ok(cloudacct_calendar_is_workday(&cal, 20261008), "2026-10-08 works (holiday ends on the 7th)");
	ok(!cloudacct_calendar_is_workday(&cal, 20260230), "an invalid date is not a workday");
	while (date != 20270101) {
		workdays += cloudacct_calendar_is_workday(&cal, date);
		date = cloudacct_date_add_days(date, 1);
	}
	/* 261 Mon-Fri, 19 of them holidays, 6 weekend make-up days. */
	is_int(workdays, 248, "2026 has 248 working days under the PRC schedule");
	is_int(cloudacct_calendar_between(&cal, 1767196800, 1798732800), 248 * 8 * H,
		   "between() over 2026 is 248 days of 8 working hours");
	cal = china(false);
	is_int(cloudacct_calendar_between(&cal, 1767196800, 1798732800), 261 * 8 * H,
		   "without holidays 2026 has 261 Monday-Friday days");
	is_int(cloudacct_calendar_workday_seconds(&cal), 8 * H, "09:00-18:00 less lunch is 8 hours");
	cal.break_start = cal.break_end = 0;
	is_int(cloudacct_calendar_workday_seconds(&cal), 9 * H, "without lunch 9 hours");
	cal.day_end = 0;
	is_int(cloudacct_calendar_workday_seconds(&cal), -1, "invalid hours give -1");
}

static void test_next_workday(void)
{
	cloudacct_calendar cal = china(true);

	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20260215), 20260224,
		   "2月15日 报税 shifts past 春节");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20260315), 20260316,
		   "a Sunday 15th shifts to Monday");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20261015), 20261015,
		   "a Thursday 15th stays");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20260501), 20260506,
		   "May Day holiday");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20261001), 20261008, "National Day");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20260214), 20260214,
		   "make-up Saturday is a workday");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20260920), 20260920,
		   "make-up Sunday is a workday");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20260919), 20260920,
		   "Saturday to make-up Sunday");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20261231), 20261231,
		   "Thursday 12-31 stays");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20270101), 20270104, "New Year 2027");
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20260229), -1, "invalid date");
	cal.weekend_mask = 0x7F;
	cal.n_exceptions = 0;
	is_int(cloudacct_calendar_next_workday_on_or_after(&cal, 20260101), -1,
		   "no workdays at all: -1");
}

/* ------------------------------------------------- business-hours maths */

static void test_add_holidays(void)
{
	cloudacct_calendar cal = china(true), plain = china(false);

	/* Thu 16:00 + 4 h: 2 h on 12-31, New Year's Day off, weekend, 2 h on Mon 2027-01-04. */
	is_int(cloudacct_calendar_add(&cal, 1798704000, 4 * H), 1799031600,
		   "2026-12-31 16:00 + 4h = 2027-01-04 11:00");
	is_int(cloudacct_calendar_add(&plain, 1798704000, 4 * H), 1798772400,
		   "without holidays: 2027-01-01 11:00");
	is_int(cloudacct_calendar_between(&cal, 1798704000, 1799031600), 4 * H,
		   "and between() gives the 4 h back");
	/* Spring Festival: make-up Saturday 02-14, then nine days off. */
	is_int(cloudacct_calendar_add(&cal, 1770973200, 2 * H), 1771034400,
		   "Fri 02-13 17:00 + 2h = Sat 02-14 10:00");
	is_int(cloudacct_calendar_add(&cal, 1770973200, 8 * H), 1771059600,
		   "Fri 02-13 17:00 + 8h = Sat 02-14 17:00");
	is_int(cloudacct_calendar_add(&cal, 1771059600, 2 * H), 1771898400,
		   "Sat 02-14 17:00 + 2h = Tue 02-24 10:00");
	is_int(cloudacct_calendar_add(&cal, 1771063200, 0), 1771894800,
		   "02-14 18:00 rolls to 02-24 09:00");
	is_int(cloudacct_calendar_between(&cal, 1771063200, 1771894800), 0,
		   "nothing works during 春节");
	/* Without the exceptions that Saturday is an ordinary day off. */
	is_int(cloudacct_calendar_add(&plain, 1771059600, 2 * H), 1771203600 + 2 * H,
		   "without holidays Sat 02-14 17:00 + 2h = Mon 02-16 11:00");
	/* National Day: 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) worked. */
	is_int(cloudacct_calendar_add(&cal, 1790758800, 2 * H), 1791424800,
		   "Wed 09-30 17:00 + 2h = Thu 10-08 10:00");
	is_int(cloudacct_calendar_add(&cal, 1791536400, 2 * H), 1791597600,
		   "Fri 10-09 17:00 + 2h = Sat 10-10 10:00");
	is_int(cloudacct_calendar_add(&cal, 1789722000, 2 * H), 1789869600,
		   "Fri 09-18 17:00 + 2h = Sun 09-20 10:00");
	is_int(cloudacct_calendar_between(&cal, 1790758800, 1791424800), 2 * H,
		   "09-30 17:00 .. 10-08 10:00 is 2 h");
	/* Ten working days from 2026-09-28 09:00: 28,29,30, 8,9,10(Sat),12,13,14,15 -> ends 10-15 18:00. */
	is_int(cloudacct_calendar_add(&cal, at(&cal, 20260928, 9, 0, 0), 10 * 8 * H),
		   at(&cal, 20261015, 18, 0, 0), "10 working days across National Day end 10-15 18:00");
}

static void test_add_lunch_and_edges(void)
{
	cloudacct_calendar cal = china(true);

	is_int(cloudacct_calendar_add(&cal, 1772420400, H), 1772424000,
		   "11:00 + 1h = 12:00 (not 13:00)");
	is_int(cloudacct_calendar_add(&cal, 1772420400, H + 1), 1772427601, "11:00 + 1h1s = 13:00:01");
	is_int(cloudacct_calendar_add(&cal, 1772422200, H), 1772429400,
		   "11:30 + 1h = 13:30 across lunch");
	is_int(cloudacct_calendar_add(&cal, 1772425800, 30 * M), 1772429400,
		   "12:30 (lunch) + 30m = 13:30");
	is_int(cloudacct_calendar_add(&cal, 1772425800, 0), 1772427600, "12:30 + 0 rolls to 13:00");
	is_int(cloudacct_calendar_between(&cal, 1772420400, 1772429400), 90 * M,
		   "11:00..13:30 is 90 minutes");
	is_int(cloudacct_calendar_between(&cal, 1772424000, 1772427600), 0,
		   "lunch hour counts nothing");
	/* Starts outside working hours roll forward. */
	is_int(cloudacct_calendar_add(&cal, 1772406000, H), 1772416800, "07:00 + 1h = 10:00");
	is_int(cloudacct_calendar_add(&cal, 1772406000, 0), 1772413200, "07:00 + 0 = 09:00");
	is_int(cloudacct_calendar_add(&cal, 1772416800, 0), 1772416800, "10:00 + 0 = 10:00");
	is_int(cloudacct_calendar_add(&cal, 1772452800, H), 1772503200, "Mon 20:00 + 1h = Tue 10:00");
	is_int(cloudacct_calendar_add(&cal, 1772445600, 0), 1772499600, "Mon 18:00 + 0 = Tue 09:00");
	is_int(cloudacct_calendar_add(&cal, 1772445600 - 1, 1), 1772445600, "17:59:59 + 1s = 18:00:00");
	is_int(cloudacct_calendar_add(&cal, 1772445600 - 1, 2), 1772499600 + 1,
		   "17:59:59 + 2s = Tue 09:00:01");
	is_int(cloudacct_calendar_add(&cal, 1772794800, H), 1773021600, "Fri 19:00 + 1h = Mon 10:00");
	is_int(cloudacct_calendar_add(&cal, 1772848800, H), 1773021600, "Sat 10:00 + 1h = Mon 10:00");
	is_int(cloudacct_calendar_add(&cal, 1772413200, 8 * H), 1772445600,
		   "a full day from 09:00 ends 18:00 same day");
	is_int(cloudacct_calendar_add(&cal, 1772413200, 8 * H + 1), 1772499601,
		   "one second more: Tue 09:00:01");
	is_int(cloudacct_calendar_add(&cal, 1772413200, -1), -1, "negative span is -1");
	is_int(cloudacct_calendar_add(&cal, -1, H), -1, "start before 1970 is -1");
	is_int(cloudacct_calendar_add(&cal, CLOUDACCT_TS_MAX + 1, H), -1, "start after 2999 is -1");
	is_int(cloudacct_calendar_add(&cal, CLOUDACCT_TS_MAX - 86400, 30 * 8 * H), -1,
		   "end after 2999 is -1");
	is_int(cloudacct_calendar_between(&cal, 1772429400, 1772420400), 0, "b before a is 0");
	is_int(cloudacct_calendar_between(&cal, 1772420400, 1772420400), 0, "empty span is 0");
	is_int(cloudacct_calendar_between(&cal, -1, 1772420400), -1, "a before 1970 is -1");
	is_int(cloudacct_calendar_between(&cal, 0, CLOUDACCT_TS_MAX + 1), -1, "b after 2999 is -1");
}

static void test_add_other_calendars(void)
{
	cloudacct_calendar cal = china(false), all_week;
	cloudacct_calendar_exception one_day[] = {{20260701, true}};
	cloudacct_calendar_exception far_day[] = {{20290701, true}};

	/* No lunch break: 09:00-18:00 straight. */
	cal.break_start = cal.break_end = 600;
	is_int(cloudacct_calendar_add(&cal, 1772420400, H), 1772424000 + 0,
		   "no break: 11:00 + 1h = 12:00");
	is_int(cloudacct_calendar_add(&cal, 1772420400, 2 * H), 1772427600,
		   "no break: 11:00 + 2h = 13:00");
	is_int(cloudacct_calendar_between(&cal, 1772413200, 1772445600), 9 * H, "no break: 9 h a day");
	/* Round the clock, seven days a week: business time is wall time. */
	all_week = china(false);
	all_week.weekend_mask = 0;
	all_week.day_start = 0;
	all_week.day_end = 1440;
	all_week.break_start = all_week.break_end = 0;
	is_int(cloudacct_calendar_add(&all_week, 1772794800, 3 * 86400 + 5), 1772794800 + 3 * 86400 + 5,
		   "24x7: add is plain addition");
	is_int(cloudacct_calendar_between(&all_week, 1767196800, 1798732800), 365 * 86400,
		   "24x7: 2026 is 365 days");
	/* Nothing but weekends: no working time at all. */
	cal = china(false);
	cal.weekend_mask = 0x7F;
	is_int(cloudacct_calendar_add(&cal, 1772413200, 1), -1, "no working days: add is -1");
	is_int(cloudacct_calendar_add(&cal, 1772413200, 0), -1, "no working days: roll-forward is -1");
	is_int(cloudacct_calendar_between(&cal, 1767196800, 1798732800), 0,
		   "no working days: between is 0");
	/* ...except one make-up day, found within the look-ahead, and one beyond it. */
	cal.exceptions = one_day;
	cal.n_exceptions = 1;
	is_int(cloudacct_calendar_add(&cal, 1772413200, H), at(&cal, 20260701, 10, 0, 0),
		   "the single workday is found");
	is_int(cloudacct_calendar_add(&cal, 1772413200, 8 * H + 1), -1,
		   "more than the single day holds: -1");
	cal.exceptions = far_day;
	is_int(cloudacct_calendar_add(&cal, 1772413200, H), -1,
		   "a workday > 3 years ahead is beyond the cap");
	is_int(cloudacct_calendar_add(&cal, at(&cal, 20260702, 9, 0, 0), H),
		   at(&cal, 20290701, 10, 0, 0), "1095 days ahead is within the cap");
	/* A US-style calendar: UTC-5, so local days straddle UTC midnight. */
	cal = china(false);
	cal.tz_offset = -5 * H;
	is_int(cloudacct_calendar_add(&cal, 1772236800, H), 1772463600,
		   "UTC-5: Sat 2026-02-28 00:00 UTC is Fri 19:00 local, +1h = Mon 03-02 10:00 -0500");
	is_int(cloudacct_calendar_add(&cal, 0, 0), 14 * H,
		   "UTC-5: the epoch (Wed 19:00 local) rolls to Thu 09:00");
}

/* ----------------------------------- independent oracle and properties */

static bool naive_workday(const cloudacct_calendar *cal, int64_t day)
{
	size_t i;

	for (i = 0; i < cal->n_exceptions; i++) {
		if (cloudacct_date_to_days(cal->exceptions[i].date) == day) {
			return cal->exceptions[i].workday;
		}
	}
	return !((cal->weekend_mask >> (((day % 7) + 7 + 4) % 7)) & 1);
}

/* Working intervals of local day `day` as absolute timestamps; returns the count. */
static int naive_intervals(const cloudacct_calendar *cal, int64_t day, int64_t iv[2][2])
{
	int64_t base = day * 86400 - cal->tz_offset;

	if (!naive_workday(cal, day)) {
		return 0;
	}
	if (cal->break_start == cal->break_end) {
		iv[0][0] = base + cal->day_start * M;
		iv[0][1] = base + cal->day_end * M;
		return 1;
	}
	iv[0][0] = base + cal->day_start * M;
	iv[0][1] = base + cal->break_start * M;
	iv[1][0] = base + cal->break_end * M;
	iv[1][1] = base + cal->day_end * M;
	return 2;
}

static int64_t local_day(const cloudacct_calendar *cal, int64_t ts)
{
	int64_t l = ts + cal->tz_offset;

	return l >= 0 ? l / 86400 : -((-l + 86399) / 86400);
}

static int64_t naive_between(const cloudacct_calendar *cal, int64_t a, int64_t b)
{
	int64_t day, sum = 0, iv[2][2];
	int i, n;

	for (day = local_day(cal, a); a < b && day <= local_day(cal, b); day++) {
		n = naive_intervals(cal, day, iv);
		for (i = 0; i < n; i++) {
			int64_t lo = iv[i][0] > a ? iv[i][0] : a, hi = iv[i][1] < b ? iv[i][1] : b;
			sum += hi > lo ? hi - lo : 0;
		}
	}
	return sum;
}

static int64_t naive_add(const cloudacct_calendar *cal, int64_t s, int64_t x)
{
	int64_t day, iv[2][2];
	int i, n;

	for (day = local_day(cal, s); day < local_day(cal, s) + 2000; day++) {
		n = naive_intervals(cal, day, iv);
		for (i = 0; i < n; i++) {
			int64_t lo = iv[i][0] > s ? iv[i][0] : s;
			if (iv[i][1] <= lo) {
				continue;
			}
			if (x <= iv[i][1] - lo) {
				return lo + x;
			}
			x -= iv[i][1] - lo;
		}
	}
	return -1;
}

static uint64_t rng = 0x9E3779B97F4A7C15u; /* fixed seed: failures reproduce */

static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* A start time somewhere in 2025-12-01 .. 2027-02-01, often on round minutes. */
static int64_t random_ts(void)
{
	int64_t ts = 1764518400 + (int64_t) (next_rand() % (430u * 86400u));

	return next_rand() % 4 == 0 ? ts - ts % 1800 : ts;
}

/* A span: sometimes tiny, sometimes hours, sometimes weeks of working time. */
static int64_t random_span(void)
{
	switch (next_rand() % 5) {
	case 0:
		return (int64_t) (next_rand() % 3);
	case 1:
		return (int64_t) (next_rand() % (2 * H));
	case 2:
		return (int64_t) (next_rand() % (8 * H)) + 1;
	case 3:
		return (int64_t) (next_rand() % 4) * 8 * H;
	}
	return (int64_t) (next_rand() % (40 * 8 * H));
}

static void property_check(const char *what, const cloudacct_calendar *cal, int rounds)
{
	int i, bad_round = 0, bad_min = 0, bad_oracle = 0, bad_between = 0;
	bool shown = false;

	for (i = 0; i < rounds; i++) {
		int64_t s = random_ts(), x = random_span(), e = cloudacct_calendar_add(cal, s, x);
		int64_t b = s + (int64_t) (next_rand() % (60u * 86400u));
		bad_round += e < s || cloudacct_calendar_between(cal, s, e) != x;
		/* Earliest: one second less has not accumulated x yet. */
		bad_min += x > 0 && cloudacct_calendar_between(cal, s, e - 1) != x - 1;
		bad_oracle += e != naive_add(cal, s, x);
		bad_between += cloudacct_calendar_between(cal, s, b) != naive_between(cal, s, b);
		if (!shown && bad_round + bad_min + bad_oracle + bad_between > 0) {
			printf("# first mismatch (%s): s=%lld x=%lld add=%lld naive=%lld b=%lld\n", what,
				   (long long) s, (long long) x, (long long) e, (long long) naive_add(cal, s, x),
				   (long long) b);
			shown = true;
		}
	}
	is_int(bad_round, 0, "%s: between(s, add(s, x)) == x for %d random starts", what, rounds);
	is_int(bad_min, 0, "%s: add() returns the earliest such time", what);
	is_int(bad_oracle, 0, "%s: add() agrees with a day-by-day oracle", what);
	is_int(bad_between, 0, "%s: between() agrees with the oracle on random spans", what);
}

static void test_properties(void)
{
	cloudacct_calendar cal = china(true);

	property_check("China 2026", &cal, 3000);
	cal.break_start = cal.break_end = 0;
	property_check("no lunch", &cal, 1000);
	cal = china(true);
	cal.weekend_mask = 0x01; /* six-day week, Sunday off */
	cal.day_start = 8 * 60 + 30;
	cal.day_end = 20 * 60 + 15;
	cal.break_start = 11 * 60 + 45;
	cal.break_end = 14 * 60;
	property_check("six-day week, odd hours", &cal, 1000);
	cal = china(true);
	cal.tz_offset = -7 * H - 30 * M;
	property_check("UTC-7:30", &cal, 1000);
	cal = china(true);
	cal.day_start = 0;
	cal.day_end = 1440;
	property_check("midnight to midnight with lunch", &cal, 1000);
}

/* Huge spans cost no more than small ones, and still match the oracle. */
static void test_large_spans(void)
{
	cloudacct_calendar cal = china(true);
	int64_t s = 1767196800, e;

	is_int(cloudacct_calendar_between(&cal, 0, CLOUDACCT_TS_MAX),
		   naive_between(&cal, 0, CLOUDACCT_TS_MAX),
		   "between() over 1970..2999 matches the oracle");
	e = cloudacct_calendar_add(&cal, s, 700 * 8 * H);
	is_int(e, naive_add(&cal, s, 700 * 8 * H), "700 working days from 2026-01-01 match the oracle");
	is_int(cloudacct_calendar_between(&cal, s, e), 700 * 8 * H, "and between() gives them back");
	is_int(cloudacct_calendar_add(&cal, s, 900 * 8 * H), -1,
		   "900 working days exceed the 3-year cap: -1");
	is_int(cloudacct_calendar_add(&cal, s, INT64_MAX), -1, "INT64_MAX seconds: -1, quickly");
}

int main(void)
{
	test_civil();
	test_every_day();
	test_civil_wide_round_trip();
	test_date_parse();
	test_date_valid_and_format();
	test_weekday();
	test_date_add_days();
	test_ts_dates();
	test_periods();
	test_validate();
	test_sort_exceptions();
	test_messages();
	test_workdays_2026();
	test_next_workday();
	test_add_holidays();
	test_add_lunch_and_edges();
	test_add_other_calendars();
	test_properties();
	test_large_spans();
	return done_testing();
}
