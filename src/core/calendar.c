#include "calendar.h"

#define SECS_PER_DAY 86400

/* ---- civil dates ---- */

/* Floor division: local times just before 1970 must land on the day before. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Howard Hinnant's days_from_civil: eras of 400 years, March-based years. */
int64_t cloudacct_days_from_civil(int y, unsigned m, unsigned d)
{
	int64_t yy = (int64_t) y - (m <= 2);
	int64_t era = floor_div(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (int64_t) (m > 2 ? m - 3 : m + 9) + 2) / 5 + (int64_t) d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void cloudacct_civil_from_days(int64_t days, int *y, unsigned *m, unsigned *d)
{
	int64_t z = days + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (unsigned) (doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned days_in_month(int y, unsigned m)
{
	static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

static bool civil_valid(int y, unsigned m, unsigned d)
{
	return y >= 1970 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

bool cloudacct_date_valid(int32_t yyyymmdd)
{
	if (yyyymmdd < CLOUDACCT_DATE_MIN || yyyymmdd > CLOUDACCT_DATE_MAX) {
		return false;
	}
	return civil_valid(yyyymmdd / 10000, (unsigned) (yyyymmdd / 100 % 100),
					   (unsigned) (yyyymmdd % 100));
}

/* Value of n ASCII digits, or -1 if any is not a digit. */
static int digits_value(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool cloudacct_date_parse(const char *s, size_t len, int32_t *yyyymmdd)
{
	int y, m, d;

	if (s == NULL || len != 10 || s[4] != '-' || s[7] != '-') {
		return false;
	}
	y = digits_value(s, 4);
	m = digits_value(s + 5, 2);
	d = digits_value(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !civil_valid(y, (unsigned) m, (unsigned) d)) {
		return false;
	}
	*yyyymmdd = y * 10000 + m * 100 + d;
	return true;
}

size_t cloudacct_date_format(int32_t yyyymmdd, char *buf)
{
	int32_t v = yyyymmdd;
	int i;

	if (!cloudacct_date_valid(v)) {
		buf[0] = '\0';
		return 0;
	}
	/* Fill "YYYY-MM-DD" from the right, skipping the dashes. */
	for (i = 9; i >= 0; i--) {
		if (i == 4 || i == 7) {
			buf[i] = '-';
			continue;
		}
		buf[i] = (char) ('0' + v % 10);
		v /= 10;
	}
	buf[10] = '\0';
	return 10;
}

int64_t cloudacct_date_to_days(int32_t yyyymmdd)
{
	if (!cloudacct_date_valid(yyyymmdd)) {
		return -1;
	}
	return cloudacct_days_from_civil(yyyymmdd / 10000, (unsigned) (yyyymmdd / 100 % 100),
									 (unsigned) (yyyymmdd % 100));
}

/* YYYYMMDD of any day number; callers check the range. */
static int32_t days_to_date(int64_t days)
{
	int y;
	unsigned m, d;

	cloudacct_civil_from_days(days, &y, &m, &d);
	return (int32_t) (y * 10000 + (int) m * 100 + (int) d);
}

/* Day numbers of 1970-01-01 and 2999-12-31. */
#define DAYS_MIN 0
#define DAYS_MAX INT64_C(376199)

int32_t cloudacct_date_from_days(int64_t days)
{
	return days < DAYS_MIN || days > DAYS_MAX ? -1 : days_to_date(days);
}

/* 1970-01-01 was a Thursday. */
static int weekday_of_days(int64_t days)
{
	return (int) (days - floor_div(days + 4, 7) * 7 + 4);
}

int cloudacct_weekday(int32_t yyyymmdd)
{
	int64_t days = cloudacct_date_to_days(yyyymmdd);

	return days < 0 ? -1 : weekday_of_days(days);
}

int32_t cloudacct_date_add_days(int32_t yyyymmdd, int days)
{
	int64_t base = cloudacct_date_to_days(yyyymmdd);

	return base < 0 ? -1 : cloudacct_date_from_days(base + days);
}

/* Beyond this a timestamp is nonsense; the bound keeps ts + offset safe. */
#define TS_SANE (INT64_C(1) << 40)

int32_t cloudacct_date_from_ts(int64_t ts, int32_t tz_offset)
{
	if (ts < -TS_SANE || ts > TS_SANE || tz_offset < -CLOUDACCT_TZ_LIMIT ||
		tz_offset > CLOUDACCT_TZ_LIMIT) {
		return -1;
	}
	return cloudacct_date_from_days(floor_div(ts + tz_offset, SECS_PER_DAY));
}

bool cloudacct_date_start_ts(int32_t yyyymmdd, int32_t tz_offset, int64_t *ts_out)
{
	int64_t days = cloudacct_date_to_days(yyyymmdd);

	if (days < 0 || tz_offset < -CLOUDACCT_TZ_LIMIT || tz_offset > CLOUDACCT_TZ_LIMIT) {
		return false;
	}
	*ts_out = days * SECS_PER_DAY - tz_offset;
	return true;
}

/* ---- accounting periods ---- */

bool cloudacct_period_valid(int32_t yyyymm)
{
	int32_t y = yyyymm / 100, m = yyyymm % 100;

	return y >= 1970 && y <= 2999 && m >= 1 && m <= 12;
}

int32_t cloudacct_period_next(int32_t yyyymm, int months)
{
	int64_t idx, y;

	if (!cloudacct_period_valid(yyyymm)) {
		return -1;
	}
	/* Count months from year 0 so that carrying across years is plain division. */
	idx = (int64_t) (yyyymm / 100) * 12 + (yyyymm % 100 - 1) + months;
	y = floor_div(idx, 12);
	if (y < 1970 || y > 2999) {
		return -1;
	}
	return (int32_t) (y * 100 + (idx - y * 12) + 1);
}

/* ---- working calendar: configuration ---- */

void cloudacct_calendar_init_china(cloudacct_calendar *cal)
{
	cal->tz_offset = CLOUDACCT_TZ_CHINA;
	cal->weekend_mask = CLOUDACCT_WEEKEND_SAT_SUN;
	cal->day_start = 9 * 60;
	cal->day_end = 18 * 60;
	cal->break_start = 12 * 60;
	cal->break_end = 13 * 60;
	cal->exceptions = NULL;
	cal->n_exceptions = 0;
}

/* Everything but the exception list: cheap enough for every call. */
static cloudacct_calendar_status check_hours(const cloudacct_calendar *cal)
{
	if (cal->tz_offset < -CLOUDACCT_TZ_LIMIT || cal->tz_offset > CLOUDACCT_TZ_LIMIT) {
		return CLOUDACCT_CALENDAR_BAD_TZ;
	}
	if (cal->weekend_mask & 0x80) {
		return CLOUDACCT_CALENDAR_BAD_WEEKEND;
	}
	if (cal->day_start < 0 || cal->day_start >= cal->day_end || cal->day_end > 1440) {
		return CLOUDACCT_CALENDAR_BAD_HOURS;
	}
	if (cal->break_start != cal->break_end &&
		(cal->break_start <= cal->day_start || cal->break_start > cal->break_end ||
		 cal->break_end >= cal->day_end)) {
		return CLOUDACCT_CALENDAR_BAD_BREAK;
	}
	return CLOUDACCT_CALENDAR_OK;
}

static cloudacct_calendar_status check_exceptions(const cloudacct_calendar_exception *ex, size_t n)
{
	size_t i;

	if (n > 0 && ex == NULL) {
		return CLOUDACCT_CALENDAR_BAD_DATE;
	}
	for (i = 0; i < n; i++) {
		if (!cloudacct_date_valid(ex[i].date)) {
			return CLOUDACCT_CALENDAR_BAD_DATE;
		}
		if (i > 0 && ex[i].date == ex[i - 1].date) {
			return CLOUDACCT_CALENDAR_DUPLICATE;
		}
		if (i > 0 && ex[i].date < ex[i - 1].date) {
			return CLOUDACCT_CALENDAR_UNSORTED;
		}
	}
	return CLOUDACCT_CALENDAR_OK;
}

cloudacct_calendar_status cloudacct_calendar_validate(const cloudacct_calendar *cal)
{
	cloudacct_calendar_status st;

	if (cal == NULL) {
		return CLOUDACCT_CALENDAR_BAD_HOURS;
	}
	st = check_hours(cal);
	return st != CLOUDACCT_CALENDAR_OK ? st : check_exceptions(cal->exceptions, cal->n_exceptions);
}

/* Insertion sort: a few dozen entries a year, and no allocation (glibc qsort may malloc). */
cloudacct_calendar_status cloudacct_calendar_sort_exceptions(cloudacct_calendar_exception *ex,
															 size_t n)
{
	size_t i, j;

	if (n > 0 && ex == NULL) {
		return CLOUDACCT_CALENDAR_BAD_DATE;
	}
	for (i = 1; i < n; i++) {
		cloudacct_calendar_exception cur = ex[i];
		for (j = i; j > 0 && ex[j - 1].date > cur.date; j--) {
			ex[j] = ex[j - 1];
		}
		ex[j] = cur;
	}
	return check_exceptions(ex, n);
}

const char *cloudacct_calendar_status_message(cloudacct_calendar_status st)
{
	switch (st) {
	case CLOUDACCT_CALENDAR_OK:
		return "工作日历设置正确";
	case CLOUDACCT_CALENDAR_BAD_TZ:
		return "时区不正确，请选择 UTC-14 到 UTC+14 之间的时区（中国为 UTC+8）";
	case CLOUDACCT_CALENDAR_BAD_WEEKEND:
		return "休息日设置不正确，请重新勾选周一到周日中的休息日";
	case CLOUDACCT_CALENDAR_BAD_HOURS:
		return "上下班时间不正确，下班时间须晚于上班时间，且在 00:00 到 24:00 之间";
	case CLOUDACCT_CALENDAR_BAD_BREAK:
		return "午休时间须在上下班时间之内且结束晚于开始；不设午休请将开始和结束设为相同";
	case CLOUDACCT_CALENDAR_BAD_DATE:
		return "节假日或调休日期不正确，请按 2026-10-01 的格式填写真实日期";
	case CLOUDACCT_CALENDAR_DUPLICATE:
		return "同一天只能设置一次节假日或调休上班，请删除重复的日期";
	case CLOUDACCT_CALENDAR_UNSORTED:
		return "节假日和调休日期须按日期先后排列，请重新保存工作日历";
	}
	return "工作日历设置无效，请检查后重新保存";
}

/* ---- working calendar: which days, which hours ---- */

/* Working intervals of a workday in seconds after local midnight; returns 1 or 2. */
static int day_intervals(const cloudacct_calendar *cal, int64_t iv[2][2])
{
	if (cal->break_start == cal->break_end) {
		iv[0][0] = cal->day_start * 60;
		iv[0][1] = cal->day_end * 60;
		return 1;
	}
	iv[0][0] = cal->day_start * 60;
	iv[0][1] = cal->break_start * 60;
	iv[1][0] = cal->break_end * 60;
	iv[1][1] = cal->day_end * 60;
	return 2;
}

int64_t cloudacct_calendar_workday_seconds(const cloudacct_calendar *cal)
{
	if (cal == NULL || check_hours(cal) != CLOUDACCT_CALENDAR_OK) {
		return -1;
	}
	return (int64_t) (cal->day_end - cal->day_start - (cal->break_end - cal->break_start)) * 60;
}

/* Index of the first exception dated on or after date (binary search). */
static size_t exception_lower_bound(const cloudacct_calendar *cal, int32_t date)
{
	size_t lo = 0, hi = cal->n_exceptions;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->exceptions[mid].date < date) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

static bool weekend_free(const cloudacct_calendar *cal, int64_t days)
{
	return !(cal->weekend_mask & (1u << weekday_of_days(days)));
}

static bool day_is_workday(const cloudacct_calendar *cal, int64_t days)
{
	int32_t date = days_to_date(days);
	size_t i = exception_lower_bound(cal, date);

	if (i < cal->n_exceptions && cal->exceptions[i].date == date) {
		return cal->exceptions[i].workday;
	}
	return weekend_free(cal, days);
}

bool cloudacct_calendar_is_workday(const cloudacct_calendar *cal, int32_t yyyymmdd)
{
	int64_t days = cloudacct_date_to_days(yyyymmdd);

	return cal != NULL && days >= 0 && day_is_workday(cal, days);
}

/*
 * Workdays in day numbers [d0, d1): whole weeks by arithmetic, the rest
 * one by one, then the exceptions in range that differ from the weekend
 * rule. Cost: O(log n + exceptions in range), whatever the span.
 */
static int64_t count_workdays(const cloudacct_calendar *cal, int64_t d0, int64_t d1)
{
	int64_t weeks = (d1 - d0) / 7, count = 0, d;
	int32_t end = days_to_date(d1);
	size_t i;

	/* Day numbers 0..6 stand for each weekday once. */
	for (d = 0; d < 7; d++) {
		count += weeks * weekend_free(cal, d);
	}
	for (d = d0 + weeks * 7; d < d1; d++) {
		count += weekend_free(cal, d);
	}
	for (i = exception_lower_bound(cal, days_to_date(d0)); i < cal->n_exceptions; i++) {
		const cloudacct_calendar_exception *ex = &cal->exceptions[i];
		if (ex->date >= end) {
			break;
		}
		if (ex->workday != weekend_free(cal, cloudacct_date_to_days(ex->date))) {
			count += ex->workday ? 1 : -1;
		}
	}
	return count;
}

/* The n-th workday (n >= 1) after day d, within the look-ahead cap, or -1. */
static int64_t nth_workday_after(const cloudacct_calendar *cal, int64_t d, int64_t n)
{
	int64_t lo = d + 1, hi = d + CLOUDACCT_CALENDAR_MAX_DAYS;

	if (count_workdays(cal, lo, hi + 1) < n) {
		return -1;
	}
	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;
		if (count_workdays(cal, d + 1, mid + 1) >= n) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	return lo;
}

int32_t cloudacct_calendar_next_workday_on_or_after(const cloudacct_calendar *cal, int32_t yyyymmdd)
{
	int64_t days = cloudacct_date_to_days(yyyymmdd);

	if (cal == NULL || days < 0 || cloudacct_calendar_validate(cal) != CLOUDACCT_CALENDAR_OK) {
		return -1;
	}
	if (day_is_workday(cal, days)) {
		return yyyymmdd;
	}
	days = nth_workday_after(cal, days, 1);
	return days < 0 ? -1 : cloudacct_date_from_days(days);
}

/* ---- working calendar: business seconds ---- */

/* Working seconds of a workday inside [s0, s1), both seconds after midnight. */
static int64_t overlap(const cloudacct_calendar *cal, int64_t s0, int64_t s1)
{
	int64_t iv[2][2], sum = 0;
	int i, n = day_intervals(cal, iv);

	for (i = 0; i < n; i++) {
		int64_t lo = iv[i][0] > s0 ? iv[i][0] : s0;
		int64_t hi = iv[i][1] < s1 ? iv[i][1] : s1;
		sum += hi > lo ? hi - lo : 0;
	}
	return sum;
}

/*
 * Second after midnight at which r working seconds have elapsed since s on
 * a workday; r == 0 gives the first working instant at or after s. The
 * caller guarantees the day has enough working time left.
 */
static int64_t locate(const cloudacct_calendar *cal, int64_t s, int64_t r)
{
	int64_t iv[2][2];
	int i, n = day_intervals(cal, iv);

	for (i = 0; i < n; i++) {
		int64_t from = iv[i][0] > s ? iv[i][0] : s;
		if (iv[i][1] <= s) {
			continue;
		}
		if (r <= iv[i][1] - from) {
			return from + r;
		}
		r -= iv[i][1] - from;
	}
	return -1;
}

static bool ts_ok(int64_t ts)
{
	return ts >= 0 && ts <= CLOUDACCT_TS_MAX;
}

/* Split a timestamp into a local day number and seconds after local midnight. */
static void split_ts(const cloudacct_calendar *cal, int64_t ts, int64_t *day, int64_t *sec)
{
	int64_t local = ts + cal->tz_offset;

	*day = floor_div(local, SECS_PER_DAY);
	*sec = local - *day * SECS_PER_DAY;
}

static int64_t join_ts(const cloudacct_calendar *cal, int64_t day, int64_t sec)
{
	return day * SECS_PER_DAY + sec - cal->tz_offset;
}

int64_t cloudacct_calendar_add(const cloudacct_calendar *cal, int64_t start_ts,
							   int64_t business_seconds)
{
	int64_t day, sec, per_day, avail, n, r, end, x = business_seconds;

	if (cal == NULL || !ts_ok(start_ts) || x < 0 ||
		cloudacct_calendar_validate(cal) != CLOUDACCT_CALENDAR_OK) {
		return -1;
	}
	per_day = cloudacct_calendar_workday_seconds(cal);
	split_ts(cal, start_ts, &day, &sec);
	if (day_is_workday(cal, day)) {
		avail = overlap(cal, sec, SECS_PER_DAY);
		/* x == 0 needs a working instant still ahead today; x > 0 enough time left. */
		if (x == 0 ? avail > 0 : x <= avail) {
			return join_ts(cal, day, locate(cal, sec, x));
		}
		x -= avail;
	}
	/* Skip whole workdays: the end falls on the n-th one, r seconds into it. */
	n = x == 0 ? 1 : x / per_day + (x % per_day != 0);
	r = x - (n - 1) * per_day;
	day = nth_workday_after(cal, day, n);
	if (day < 0) {
		return -1;
	}
	end = join_ts(cal, day, locate(cal, 0, r));
	return ts_ok(end) ? end : -1;
}

int64_t cloudacct_calendar_between(const cloudacct_calendar *cal, int64_t a, int64_t b)
{
	int64_t da, sa, db, sb, total = 0;

	if (cal == NULL || !ts_ok(a) || !ts_ok(b) ||
		cloudacct_calendar_validate(cal) != CLOUDACCT_CALENDAR_OK) {
		return -1;
	}
	if (b <= a) {
		return 0;
	}
	split_ts(cal, a, &da, &sa);
	split_ts(cal, b, &db, &sb);
	if (da == db) {
		return day_is_workday(cal, da) ? overlap(cal, sa, sb) : 0;
	}
	if (day_is_workday(cal, da)) {
		total += overlap(cal, sa, SECS_PER_DAY);
	}
	if (day_is_workday(cal, db)) {
		total += overlap(cal, 0, sb);
	}
	return total + count_workdays(cal, da + 1, db) * cloudacct_calendar_workday_seconds(cal);
}
