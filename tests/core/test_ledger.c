/* Money rules: plan cycles, paid-through, allocation, aging, dunning steps, amounts in words. */
#include <string.h>

#include "calendar.h"
#include "ledger.h"
#include "tap.h"

static cloudacct_plan_rule mkplan(int32_t start, int32_t end, int32_t prepaid, cloudacct_cycle c)
{
	cloudacct_plan_rule p = { start, end, prepaid, c };
	return p;
}

static void test_cycles(void)
{
	cloudacct_cycle c;

	ok(cloudacct_cycle_parse("quarterly", 9, &c) && c == CLOUDACCT_CYCLE_QUARTERLY, "quarterly parses");
	ok(cloudacct_cycle_parse("half_yearly", 11, &c) && c == 6, "half_yearly is 6 months");
	ok(!cloudacct_cycle_parse("weekly", 6, &c), "weekly is not a cycle");
	ok(!cloudacct_cycle_parse("monthl", 6, &c), "a prefix is not a cycle");
	is_str(cloudacct_cycle_name(CLOUDACCT_CYCLE_YEARLY), "yearly", "yearly name");
	is_str(cloudacct_cycle_label(CLOUDACCT_CYCLE_MONTHLY), "月付", "monthly label");
	ok(cloudacct_cycle_name((cloudacct_cycle) 2) == NULL, "2 months is no cycle");
	is_int(cloudacct_period_diff(202511, 202602), 3, "2025-11 to 2026-02 is 3 months");
	is_int(cloudacct_period_diff(202602, 202511), -3, "and back is -3");
}

static void test_plan_validate(void)
{
	cloudacct_plan_rule p = mkplan(202601, 0, 0, CLOUDACCT_CYCLE_QUARTERLY);

	is_int(cloudacct_plan_validate(&p), CLOUDACCT_PLAN_OK, "open-ended quarterly plan is valid");
	p.end = 202606;
	is_int(cloudacct_plan_validate(&p), CLOUDACCT_PLAN_OK, "ending at a cycle end is valid");
	p.end = 202605;
	is_int(cloudacct_plan_validate(&p), CLOUDACCT_PLAN_BAD_END, "ending mid-cycle is refused");
	p.end = 202512;
	is_int(cloudacct_plan_validate(&p), CLOUDACCT_PLAN_BAD_END, "ending before the start is refused");
	p = mkplan(202613, 0, 0, CLOUDACCT_CYCLE_MONTHLY);
	is_int(cloudacct_plan_validate(&p), CLOUDACCT_PLAN_BAD_START, "month 13 is refused");
	p = mkplan(202601, 0, -1, CLOUDACCT_CYCLE_MONTHLY);
	is_int(cloudacct_plan_validate(&p), CLOUDACCT_PLAN_BAD_PREPAID, "negative prepaid is refused");
	p = mkplan(202601, 0, 121, CLOUDACCT_CYCLE_MONTHLY);
	is_int(cloudacct_plan_validate(&p), CLOUDACCT_PLAN_BAD_PREPAID, "more than 10 years prepaid is refused");
	p = mkplan(202601, 0, 0, (cloudacct_cycle) 5);
	is_int(cloudacct_plan_validate(&p), CLOUDACCT_PLAN_BAD_CYCLE, "a 5-month cycle is refused");
	p = mkplan(202601, 202605, 2, CLOUDACCT_CYCLE_QUARTERLY);
	is_int(cloudacct_plan_validate(&p), CLOUDACCT_PLAN_OK, "prepaid shifts the cycle ends (anchor 2026-03)");
	ok(cloudacct_plan_status_message(CLOUDACCT_PLAN_BAD_END) != NULL, "messages exist");
}

static void test_bills_at(void)
{
	cloudacct_plan_rule p = mkplan(202511, 0, 0, CLOUDACCT_CYCLE_QUARTERLY);
	int32_t to = 0;

	ok(cloudacct_plan_bills_at(&p, 202511, &to) && to == 202601, "first quarter 2025-11..2026-01");
	ok(!cloudacct_plan_bills_at(&p, 202512, &to), "no bill in the middle of a quarter");
	ok(cloudacct_plan_bills_at(&p, 202602, &to) && to == 202604, "next quarter starts 2026-02");
	ok(!cloudacct_plan_bills_at(&p, 202510, &to), "nothing before the start");
	p.prepaid = 3;
	ok(!cloudacct_plan_bills_at(&p, 202511, &to), "prepaid quarter is not billed");
	ok(cloudacct_plan_bills_at(&p, 202602, &to) && to == 202604, "billing starts after the prepaid months");
	p = mkplan(202601, 202606, 0, CLOUDACCT_CYCLE_QUARTERLY);
	ok(cloudacct_plan_bills_at(&p, 202604, &to) && to == 202606, "the last cycle is billed");
	ok(!cloudacct_plan_bills_at(&p, 202607, &to), "nothing after the end");
	p = mkplan(202512, 0, 0, CLOUDACCT_CYCLE_YEARLY);
	ok(cloudacct_plan_bills_at(&p, 202612, &to) && to == 202711, "yearly across the year boundary");
	p = mkplan(202601, 0, 0, CLOUDACCT_CYCLE_MONTHLY);
	ok(cloudacct_plan_bills_at(&p, 203001, &to) && to == 203001, "monthly every month");
	ok(!cloudacct_plan_bills_at(&p, 203000, &to), "an invalid period is never billed");
	ok(cloudacct_plan_is_cycle_end(&p, 202601), "every month ends a monthly cycle");
	p.cycle = CLOUDACCT_CYCLE_HALF_YEARLY;
	ok(cloudacct_plan_is_cycle_end(&p, 202606) && !cloudacct_plan_is_cycle_end(&p, 202603), "half-year ends in June");
}

static void test_paid_through(void)
{
	cloudacct_plan_rule p = mkplan(202601, 0, 0, CLOUDACCT_CYCLE_MONTHLY);
	cloudacct_bill_span bills[] = {
		{ 202601, 202601, true }, { 202602, 202602, true }, { 202603, 202603, false }, { 202604, 202604, true },
	};
	cloudacct_pause_span pauses[] = { { 202605, 202606 } };

	is_int(cloudacct_plan_paid_through(&p, NULL, 0, NULL, 0), 202512, "nothing billed: paid through the month before");
	is_int(cloudacct_plan_paid_through(&p, bills, 4, NULL, 0), 202602, "an open bill stops the run");
	bills[2].settled = true;
	is_int(cloudacct_plan_paid_through(&p, bills, 4, NULL, 0), 202604, "all settled: the last bill");
	is_int(cloudacct_plan_paid_through(&p, bills, 4, pauses, 1), 202604, "pauses after the last bill do not count");
	cloudacct_bill_span more[] = {
		{ 202601, 202601, true }, { 202602, 202602, true }, { 202603, 202603, true }, { 202604, 202604, true },
		{ 202607, 202607, true },
	};
	is_int(cloudacct_plan_paid_through(&p, more, 5, pauses, 1), 202607, "a pause between paid bills is bridged");
	is_int(cloudacct_plan_paid_through(&p, more, 5, NULL, 0), 202604, "a gap without a pause is not");
	p.prepaid = 6;
	is_int(cloudacct_plan_paid_through(&p, NULL, 0, NULL, 0), 202606, "prepaid months count as paid");
	p = mkplan(202601, 0, 0, CLOUDACCT_CYCLE_QUARTERLY);
	cloudacct_bill_span q[] = { { 202601, 202603, true }, { 202604, 202606, false } };
	is_int(cloudacct_plan_paid_through(&p, q, 2, NULL, 0), 202603, "a paid quarter covers three months");
	p.end = 202603;
	q[1].settled = true;
	is_int(cloudacct_plan_paid_through(&p, q, 2, NULL, 0), 202603, "never past the plan's end");
	ok(cloudacct_plan_paused_at(pauses, 1, 202606) && !cloudacct_plan_paused_at(pauses, 1, 202607), "paused_at bounds");
	cloudacct_pause_span open[] = { { 202605, 0 } };
	ok(cloudacct_plan_paused_at(open, 1, 209912), "an open pause lasts");
}

static void test_due_date(void)
{
	is_int(cloudacct_bill_due_date(202602, 15), 20260215, "due on the 15th");
	is_int(cloudacct_bill_due_date(202602, 29), -1, "due day above 28 is refused");
	is_int(cloudacct_bill_due_date(202602, 0), -1, "due day 0 is refused");
	is_int(cloudacct_bill_due_date(202600, 1), -1, "invalid period");
}

static void test_allocate(void)
{
	int64_t avail[] = { 150, 0, 30 };
	int64_t owed[] = { 100, 60, 50 };
	cloudacct_allocation out[6];
	size_t n = cloudacct_allocate(avail, 3, owed, 3, out);

	is_int(n, 4, "four moves");
	ok(out[0].source == 0 && out[0].target == 0 && out[0].amount == 100, "oldest payment pays oldest bill");
	ok(out[1].source == 0 && out[1].target == 1 && out[1].amount == 50, "the rest goes to the next bill");
	ok(out[2].source == 2 && out[2].target == 1 && out[2].amount == 10, "an empty source is skipped");
	ok(out[3].source == 2 && out[3].target == 2 && out[3].amount == 20, "then the newest bill");
	is_int(owed[2], 30, "the newest bill stays open for 30");
	is_int(avail[2], 0, "nothing remains as credit");
	int64_t a3[] = { 500 }, o3[] = { 100, 200 };
	is_int(cloudacct_allocate(a3, 1, o3, 2, out), 2, "overpayment: two moves");
	is_int(a3[0], 200, "200 fen remain as credit");
	int64_t a2[] = { 10 }, o2[] = { 0, -5 };
	is_int(cloudacct_allocate(a2, 1, o2, 2, out), 0, "nothing owed: no moves");
	is_int(cloudacct_allocate(a2, 0, o2, 2, out), 0, "no sources: no moves");
}

static void test_aging(void)
{
	int32_t lo, hi;
	cloudacct_aging_bucket b;

	is_int(cloudacct_days_overdue(20260115, 20260115), 0, "due today is not overdue");
	is_int(cloudacct_days_overdue(20260115, 20260214), 30, "30 days");
	is_int(cloudacct_days_overdue(20260215, 20260115), 0, "future due date");
	is_int(cloudacct_days_overdue(20260230, 20260115), -1, "invalid date");
	is_int(cloudacct_aging_of(0), CLOUDACCT_AGING_NOT_DUE, "0 days: not due");
	is_int(cloudacct_aging_of(1), CLOUDACCT_AGING_1_30, "1 day");
	is_int(cloudacct_aging_of(30), CLOUDACCT_AGING_1_30, "30 days");
	is_int(cloudacct_aging_of(31), CLOUDACCT_AGING_31_60, "31 days");
	is_int(cloudacct_aging_of(90), CLOUDACCT_AGING_61_90, "90 days");
	is_int(cloudacct_aging_of(91), CLOUDACCT_AGING_90_PLUS, "91 days");
	ok(cloudacct_aging_parse("31_60", 5, &b) && b == CLOUDACCT_AGING_31_60, "parse 31_60");
	ok(!cloudacct_aging_parse("31-60", 5, &b), "31-60 is not a bucket name");
	is_str(cloudacct_aging_name(CLOUDACCT_AGING_90_PLUS), "90_plus", "name");
	ok(cloudacct_aging_name((cloudacct_aging_bucket) 9) == NULL, "out of range");
	ok(cloudacct_aging_due_range(CLOUDACCT_AGING_1_30, 20260301, &lo, &hi) && lo == 20260130 && hi == 20260228,
		"1-30 days overdue on 2026-03-01: due 2026-01-30..2026-02-28");
	ok(cloudacct_aging_due_range(CLOUDACCT_AGING_90_PLUS, 20260301, &lo, &hi) && lo == CLOUDACCT_DATE_MIN
		&& hi == 20251130, "90+: due on or before 2025-11-30");
	ok(cloudacct_aging_due_range(CLOUDACCT_AGING_NOT_DUE, 20260301, &lo, &hi) && lo == 20260301, "not due: from today");
	for (int d = 0; d < 200; d += 7) {
		int32_t today = 20260301, due = cloudacct_date_add_days(today, -d);
		cloudacct_aging_bucket want = cloudacct_aging_of(cloudacct_days_overdue(due, today));
		cloudacct_aging_due_range(want, today, &lo, &hi);
		ok(due >= lo && due <= hi, "due range agrees with aging_of for %d days", d);
	}
}

static void test_dunning(void)
{
	int32_t steps[] = { 7, -3, 0, 15, 3, 0 };
	size_t n = cloudacct_dunning_normalize(steps, 6);
	int idx;
	int32_t next;
	char key[16];

	is_int(n, 5, "duplicates dropped");
	ok(steps[0] == -3 && steps[1] == 0 && steps[4] == 15, "sorted ascending");
	ok(cloudacct_dunning_current(steps, n, 20260115, 20260111, &idx, &next) && idx == -1 && next == 20260112,
		"4 days before due: nothing yet, first step on the 12th");
	ok(cloudacct_dunning_current(steps, n, 20260115, 20260112, &idx, &next) && idx == 0 && next == 20260115,
		"3 days before: step -3, next on the due date");
	ok(cloudacct_dunning_current(steps, n, 20260115, 20260121, &idx, &next) && idx == 2 && next == 20260122,
		"6 days after: step +3 (missed ones are not sent late)");
	ok(cloudacct_dunning_current(steps, n, 20260115, 20260301, &idx, &next) && idx == 4 && next == 0,
		"long after: the last step, nothing follows");
	ok(!cloudacct_dunning_current(steps, n, 20260132, 20260301, &idx, &next), "invalid due date");
	ok(cloudacct_dunning_current(steps, 0, 20260115, 20260301, &idx, &next) && idx == -1 && next == 0, "no steps");
	cloudacct_dunning_step_key(-3, key);
	is_str(key, "d-3", "key of -3");
	cloudacct_dunning_step_key(0, key);
	is_str(key, "d0", "key of 0");
	cloudacct_dunning_step_key(180, key);
	is_str(key, "d180", "key of 180");
	ok(cloudacct_quiet_hours(22, 21, 8) && cloudacct_quiet_hours(3, 21, 8), "quiet across midnight");
	ok(!cloudacct_quiet_hours(8, 21, 8) && !cloudacct_quiet_hours(20, 21, 8), "quiet window is [21, 8)");
	ok(cloudacct_quiet_hours(13, 12, 14) && !cloudacct_quiet_hours(14, 12, 14), "same-day window");
	ok(!cloudacct_quiet_hours(3, 0, 0), "equal bounds: no quiet hours");
}

static void words(int64_t fen, const char *want)
{
	char buf[CLOUDACCT_UPPER_BUFSZ];
	size_t n = cloudacct_amount_in_words(fen, buf, sizeof(buf));

	ok(n == strlen(buf), "length of %lld", (long long) fen);
	is_str(buf, want, "%lld fen in words", (long long) fen);
}

static void test_words(void)
{
	char small[8];

	words(0, "零元整");
	words(5, "伍分");
	words(50, "伍角整");
	words(100, "壹元整");
	words(105, "壹元零伍分");
	words(150, "壹元伍角整");
	words(123456, "壹仟贰佰叁拾肆元伍角陆分");
	words(1000100, "壹万零壹元整");
	words(10000000, "壹拾万元整");
	words(10005 * 100, "壹万零伍元整");
	words(100001000 * INT64_C(100), "壹亿零壹仟元整");
	words(INT64_C(99999999999999900), "");
	words(INT64_C(999999999999999), "玖万亿玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
	is_int(cloudacct_amount_in_words(-1, small, sizeof(small)), 0, "negative amounts have no words");
	is_int(cloudacct_amount_in_words(123456, small, sizeof(small)), 0, "a small buffer fails cleanly");
	is_str(small, "", "and leaves an empty string");
}

int main(void)
{
	test_cycles();
	test_plan_validate();
	test_bills_at();
	test_paid_through();
	test_due_date();
	test_allocate();
	test_aging();
	test_dunning();
	test_words();
	return done_testing();
}
