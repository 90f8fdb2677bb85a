/*
 * Dates and the working calendar (src/core/calendar.c), used for SLAs and due dates.
 * Properties: a parsed "YYYY-MM-DD" formats back byte for byte; day numbers and dates are
 * inverse; weekdays step with the day number; adding days equals moving the day number; and on
 * any calendar that validates (built from the input: offset, weekend, hours, break, holidays and
 * make-up workdays), between(start, add(start, s)) == s, between is additive and never more
 * than the wall-clock span, and next_workday_on_or_after lands on a workday.
 */
#include "calendar.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int32_t d = 0;
	char buf[CLOUDACCT_DATE_BUFSZ];

	if (cloudacct_date_parse((const char *) data, size, &d)) {
		FUZZ_CHECK(size == 10 && cloudacct_date_valid(d));
		FUZZ_CHECK(cloudacct_date_format(d, buf) == 10 && memcmp(buf, data, 10) == 0);
	}

	fuzz_in in = { data, size };
	int32_t date = (int32_t) fuzz_take_u64(&in, 4);
	int days = (int32_t) fuzz_take_u64(&in, 4);
	if (cloudacct_date_valid(date)) {
		int64_t n = cloudacct_date_to_days(date);
		FUZZ_CHECK(n >= 0 && cloudacct_date_from_days(n) == date);
		FUZZ_CHECK(cloudacct_date_format(date, buf) == 10);
		int32_t back = 0;
		FUZZ_CHECK(cloudacct_date_parse(buf, 10, &back) && back == date);
		FUZZ_CHECK(cloudacct_weekday(date) == (int) ((n + 4) % 7)); /* 1970-01-01 was a Thursday */
		int32_t moved = cloudacct_date_add_days(date, days);
		int32_t want = cloudacct_date_from_days(n + days);
		FUZZ_CHECK(moved == want);
		int64_t ts;
		FUZZ_CHECK(cloudacct_date_start_ts(date, CLOUDACCT_TZ_CHINA, &ts));
		FUZZ_CHECK(cloudacct_date_from_ts(ts, CLOUDACCT_TZ_CHINA) == date);
		FUZZ_CHECK(cloudacct_date_from_ts(ts - 1, CLOUDACCT_TZ_CHINA) == cloudacct_date_add_days(date, -1));
		int32_t period = date / 100;
		FUZZ_CHECK(cloudacct_period_valid(period));
		int32_t next = cloudacct_period_next(period, days % 2000);
		if (next != -1) {
			FUZZ_CHECK(cloudacct_period_valid(next) && cloudacct_period_next(next, -(days % 2000)) == period);
		}
	} else {
		FUZZ_CHECK(cloudacct_date_format(date, buf) == 0 && buf[0] == '\0');
		FUZZ_CHECK(cloudacct_date_to_days(date) == -1 && cloudacct_weekday(date) == -1);
	}

	/* A working calendar from the input. */
	cloudacct_calendar cal;
	cloudacct_calendar_exception ex[8];
	cloudacct_calendar_init_china(&cal);
	uint8_t flags = fuzz_take_u8(&in);
	if (flags & 1) {
		cal.tz_offset = (int32_t) (fuzz_take_u64(&in, 2) % 101) * 900 - 45000;
	}
	if (flags & 2) {
		cal.weekend_mask = fuzz_take_u8(&in);
	}
	if (flags & 4) {
		cal.day_start = (int32_t) fuzz_take_u64(&in, 2) % 1500;
		cal.day_end = (int32_t) fuzz_take_u64(&in, 2) % 1500;
		cal.break_start = (int32_t) fuzz_take_u64(&in, 2) % 1500;
		cal.break_end = (int32_t) fuzz_take_u64(&in, 2) % 1500;
	}
	size_t nex = fuzz_take_u8(&in) % 9;
	int32_t base = 20240101;
	for (size_t i = 0; i < nex; i++) {
		ex[i].date = cloudacct_date_add_days(base, (int) (fuzz_take_u64(&in, 2) % 1200));
		ex[i].workday = fuzz_take_u8(&in) & 1;
	}
	if (cloudacct_calendar_sort_exceptions(ex, nex) != CLOUDACCT_CALENDAR_OK) {
		nex = 0;
	}
	cal.exceptions = ex;
	cal.n_exceptions = nex;
	cloudacct_calendar_status st = cloudacct_calendar_validate(&cal);
	FUZZ_CHECK(cloudacct_calendar_status_message(st) != NULL);
	int64_t start = 1704038400 + (int64_t) (fuzz_take_u64(&in, 4) % (3 * 366 * 86400)); /* 2024-01-01 + up to 3 y */
	int64_t secs = (int64_t) (fuzz_take_u64(&in, 4) % (400 * 86400));
	int64_t mid = start + (int64_t) (fuzz_take_u64(&in, 4) % (60 * 86400));
	if (st != CLOUDACCT_CALENDAR_OK) {
		FUZZ_CHECK(cloudacct_calendar_add(&cal, start, secs) == -1);
		FUZZ_CHECK(cloudacct_calendar_between(&cal, start, mid) == -1);
		return 0;
	}
	int64_t end = cloudacct_calendar_add(&cal, start, secs);
	if (end >= 0) {
		FUZZ_CHECK(end >= start);
		FUZZ_CHECK(cloudacct_calendar_between(&cal, start, end) == secs);
		if (secs > 0) {
			FUZZ_CHECK(cloudacct_calendar_between(&cal, start, end - 1) == secs - 1);
		}
	}
	int64_t ab = cloudacct_calendar_between(&cal, start, mid), bc = cloudacct_calendar_between(&cal, mid, mid + secs);
	int64_t ac = cloudacct_calendar_between(&cal, start, mid + secs);
	FUZZ_CHECK(ab >= 0 && bc >= 0 && ac == ab + bc);
	FUZZ_CHECK(ab <= mid - start && bc <= secs);
	FUZZ_CHECK(cloudacct_calendar_between(&cal, mid, start) == 0 || mid == start);
	int32_t day = cloudacct_date_from_ts(start, cal.tz_offset);
	int32_t wd = cloudacct_calendar_next_workday_on_or_after(&cal, day);
	if (wd != -1) {
		FUZZ_CHECK(wd >= day && cloudacct_calendar_is_workday(&cal, wd));
		FUZZ_CHECK(cloudacct_calendar_is_workday(&cal, day) == (wd == day));
	}
	return 0;
}
