#include <string.h>

#include "calendar.h"
#include "ledger.h"

/* ---- fee plans ---- */

static const struct {
	cloudacct_cycle cycle;
	const char *name;
	const char *label;
} cycles[] = {
	{ CLOUDACCT_CYCLE_MONTHLY, "monthly", "月付" },
	{ CLOUDACCT_CYCLE_QUARTERLY, "quarterly", "季付" },
	{ CLOUDACCT_CYCLE_HALF_YEARLY, "half_yearly", "半年付" },
	{ CLOUDACCT_CYCLE_YEARLY, "yearly", "年付" },
};
#define N_CYCLES (sizeof(cycles) / sizeof(cycles[0]))

bool cloudacct_cycle_parse(const char *s, size_t len, cloudacct_cycle *out)
{
	for (size_t i = 0; i < N_CYCLES; i++) {
		if (strlen(cycles[i].name) == len && memcmp(cycles[i].name, s, len) == 0) {
			*out = cycles[i].cycle;
			return true;
		}
	}
	return false;
}

const char *cloudacct_cycle_name(cloudacct_cycle c)
{
	for (size_t i = 0; i < N_CYCLES; i++) {
		if (cycles[i].cycle == c) {
			return cycles[i].name;
		}
	}
	return NULL;
}

const char *cloudacct_cycle_label(cloudacct_cycle c)
{
	for (size_t i = 0; i < N_CYCLES; i++) {
		if (cycles[i].cycle == c) {
			return cycles[i].label;
		}
	}
	return NULL;
}

static int32_t month_index(int32_t period)
{
	return (period / 100) * 12 + (period % 100 - 1);
}

int32_t cloudacct_period_diff(int32_t a, int32_t b)
{
	return month_index(b) - month_index(a);
}

static bool cycle_valid(cloudacct_cycle c)
{
	return cloudacct_cycle_name(c) != NULL;
}

int32_t cloudacct_plan_anchor(const cloudacct_plan_rule *p)
{
	return cloudacct_period_next(p->start, p->prepaid);
}

bool cloudacct_plan_is_cycle_end(const cloudacct_plan_rule *p, int32_t period)
{
	int32_t anchor = cloudacct_plan_anchor(p);

	if (anchor < 0 || !cloudacct_period_valid(period)) {
		return false;
	}
	int32_t months = cloudacct_period_diff(anchor, period) + 1;
	return months > 0 && months % (int32_t) p->cycle == 0;
}

cloudacct_plan_status cloudacct_plan_validate(const cloudacct_plan_rule *p)
{
	if (!cloudacct_period_valid(p->start)) {
		return CLOUDACCT_PLAN_BAD_START;
	}
	if (!cycle_valid(p->cycle)) {
		return CLOUDACCT_PLAN_BAD_CYCLE;
	}
	if (p->prepaid < 0 || p->prepaid > 120 || cloudacct_plan_anchor(p) < 0) {
		return CLOUDACCT_PLAN_BAD_PREPAID;
	}
	if (p->end != 0 && !cloudacct_plan_is_cycle_end(p, p->end)) {
		return CLOUDACCT_PLAN_BAD_END;
	}
	return CLOUDACCT_PLAN_OK;
}

const char *cloudacct_plan_status_message(cloudacct_plan_status st)
{
	switch (st) {
		case CLOUDACCT_PLAN_OK:
			return "收费方案有效";
		case CLOUDACCT_PLAN_BAD_START:
			return "开始月份无效，请填写 YYYY-MM";
		case CLOUDACCT_PLAN_BAD_END:
			return "结束月份须在开始之后，且是一个计费周期的最后一个月";
		case CLOUDACCT_PLAN_BAD_PREPAID:
			return "已预缴月数须在 0 到 120 之间";
		case CLOUDACCT_PLAN_BAD_CYCLE:
			return "计费周期须为 月付、季付、半年付 或 年付";
	}
	return "收费方案无效";
}

bool cloudacct_plan_bills_at(const cloudacct_plan_rule *p, int32_t period, int32_t *period_to)
{
	int32_t anchor = cloudacct_plan_anchor(p);

	if (anchor < 0 || !cloudacct_period_valid(period)) {
		return false;
	}
	int32_t months = cloudacct_period_diff(anchor, period);
	if (months < 0 || months % (int32_t) p->cycle != 0) {
		return false;
	}
	if (p->end != 0 && period > p->end) {
		return false;
	}
	int32_t to = cloudacct_period_next(period, (int) p->cycle - 1);
	if (to < 0) {
		return false;
	}
	*period_to = to;
	return true;
}

bool cloudacct_plan_paused_at(const cloudacct_pause_span *pauses, size_t n, int32_t period)
{
	for (size_t i = 0; i < n; i++) {
		if (pauses[i].from <= period && (pauses[i].to == 0 || period <= pauses[i].to)) {
			return true;
		}
	}
	return false;
}

int32_t cloudacct_plan_paid_through(const cloudacct_plan_rule *p, const cloudacct_bill_span *bills,
									size_t n_bills, const cloudacct_pause_span *pauses,
									size_t n_pauses)
{
	int32_t anchor = cloudacct_plan_anchor(p);
	int32_t through, horizon = 0;
	size_t i = 0;

	if (anchor < 0) {
		return -1;
	}
	through = cloudacct_period_next(anchor, -1);
	for (size_t k = 0; k < n_bills; k++) {
		if (bills[k].to > horizon) {
			horizon = bills[k].to;
		}
	}
	for (;;) {
		int32_t next = cloudacct_period_next(through, 1);
		if (next < 0 || (p->end != 0 && next > p->end)) {
			break;
		}
		while (i < n_bills && bills[i].to < next) {
			i++;
		}
		if (i < n_bills && bills[i].from <= next) {
			if (!bills[i].settled) {
				break;
			}
			through = bills[i].to;
			i++;
		} else if (next <= horizon && cloudacct_plan_paused_at(pauses, n_pauses, next)) {
			through = next;
		} else {
			break;
		}
	}
	return through;
}

int32_t cloudacct_bill_due_date(int32_t period, int due_day)
{
	if (!cloudacct_period_valid(period) || due_day < 1 || due_day > 28) {
		return -1;
	}
	return period * 100 + due_day;
}

/* ---- allocation ---- */

size_t cloudacct_allocate(int64_t *available, size_t n_sources, int64_t *outstanding,
						  size_t n_targets, cloudacct_allocation *out)
{
	size_t s = 0, t = 0, n = 0;

	while (s < n_sources && t < n_targets) {
		if (available[s] <= 0) {
			s++;
			continue;
		}
		if (outstanding[t] <= 0) {
			t++;
			continue;
		}
		int64_t amount = available[s] < outstanding[t] ? available[s] : outstanding[t];
		out[n].source = s;
		out[n].target = t;
		out[n].amount = amount;
		n++;
		available[s] -= amount;
		outstanding[t] -= amount;
	}
	return n;
}

/* ---- aging ---- */

static const char *const aging_names[CLOUDACCT_AGING_COUNT] = { "not_due", "1_30", "31_60",
																 "61_90", "90_plus" };
static const char *const aging_labels[CLOUDACCT_AGING_COUNT] = { "未到期", "逾期1-30天",
																  "逾期31-60天", "逾期61-90天",
																  "逾期90天以上" };

int32_t cloudacct_days_overdue(int32_t due_date, int32_t today)
{
	int64_t d = cloudacct_date_to_days(due_date), t = cloudacct_date_to_days(today);

	if (d < 0 || t < 0) {
		return -1;
	}
	return t > d ? (int32_t) (t - d) : 0;
}

cloudacct_aging_bucket cloudacct_aging_of(int32_t days_overdue)
{
	if (days_overdue <= 0) {
		return CLOUDACCT_AGING_NOT_DUE;
	}
	if (days_overdue <= 30) {
		return CLOUDACCT_AGING_1_30;
	}
	if (days_overdue <= 60) {
		return CLOUDACCT_AGING_31_60;
	}
	if (days_overdue <= 90) {
		return CLOUDACCT_AGING_61_90;
	}
	return CLOUDACCT_AGING_90_PLUS;
}

const char *cloudacct_aging_name(cloudacct_aging_bucket b)
{
	return (unsigned) b < CLOUDACCT_AGING_COUNT ? aging_names[b] : NULL;
}

const char *cloudacct_aging_label(cloudacct_aging_bucket b)
{
	return (unsigned) b < CLOUDACCT_AGING_COUNT ? aging_labels[b] : NULL;
}

bool cloudacct_aging_parse(const char *s, size_t len, cloudacct_aging_bucket *out)
{
	for (unsigned i = 0; i < CLOUDACCT_AGING_COUNT; i++) {
		if (strlen(aging_names[i]) == len && memcmp(aging_names[i], s, len) == 0) {
			*out = (cloudacct_aging_bucket) i;
			return true;
		}
	}
	return false;
}

bool cloudacct_aging_due_range(cloudacct_aging_bucket b, int32_t today, int32_t *due_min,
							   int32_t *due_max)
{
	static const int lo[CLOUDACCT_AGING_COUNT] = { 0, 1, 31, 61, 91 };  /* days overdue from */
	static const int hi[CLOUDACCT_AGING_COUNT] = { 0, 30, 60, 90, -1 }; /* to, -1 = no limit */

	if ((unsigned) b >= CLOUDACCT_AGING_COUNT || !cloudacct_date_valid(today)) {
		return false;
	}
	if (b == CLOUDACCT_AGING_NOT_DUE) {
		*due_min = today;
		*due_max = CLOUDACCT_DATE_MAX;
		return true;
	}
	int32_t max = cloudacct_date_add_days(today, -lo[b]);
	int32_t min = hi[b] < 0 ? CLOUDACCT_DATE_MIN : cloudacct_date_add_days(today, -hi[b]);
	if (max < 0) {
		return false;
	}
	*due_max = max;
	*due_min = min < 0 ? CLOUDACCT_DATE_MIN : min;
	return true;
}

/* ---- dunning ---- */

size_t cloudacct_dunning_normalize(int32_t *steps, size_t n)
{
	size_t out = 0;

	/* Insertion sort: at most 32 steps. */
	for (size_t i = 1; i < n; i++) {
		int32_t v = steps[i];
		size_t j = i;
		while (j > 0 && steps[j - 1] > v) {
			steps[j] = steps[j - 1];
			j--;
		}
		steps[j] = v;
	}
	for (size_t i = 0; i < n; i++) {
		if (out == 0 || steps[out - 1] != steps[i]) {
			steps[out++] = steps[i];
		}
	}
	return out;
}

bool cloudacct_dunning_current(const int32_t *steps, size_t n, int32_t due_date, int32_t today,
							   int *step_index, int32_t *next_date)
{
	int64_t d = cloudacct_date_to_days(due_date), t = cloudacct_date_to_days(today);
	int idx = -1;

	if (d < 0 || t < 0) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (d + steps[i] <= t) {
			idx = (int) i;
		}
	}
	*step_index = idx;
	*next_date = 0;
	if ((size_t) (idx + 1) < n) {
		int32_t next = cloudacct_date_from_days(d + steps[idx + 1]);
		*next_date = next < 0 ? 0 : next;
	}
	return true;
}

size_t cloudacct_dunning_step_key(int32_t step, char *buf)
{
	char digits[16];
	size_t n = 0, len = 0;
	uint32_t v = step < 0 ? (uint32_t) (-(int64_t) step) : (uint32_t) step;

	buf[len++] = 'd';
	if (step < 0) {
		buf[len++] = '-';
	}
	do {
		digits[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n > 0) {
		buf[len++] = digits[--n];
	}
	buf[len] = '\0';
	return len;
}

bool cloudacct_quiet_hours(int hour, int from_hour, int to_hour)
{
	if (from_hour == to_hour) {
		return false;
	}
	if (from_hour < to_hour) {
		return hour >= from_hour && hour < to_hour;
	}
	return hour >= from_hour || hour < to_hour;
}

/* ---- receipts ---- */

static const char *const digit_words[10] = { "零", "壹", "贰", "叁", "肆",
											  "伍", "陆", "柒", "捌", "玖" };
static const char *const small_units[4] = { "", "拾", "佰", "仟" };
static const char *const big_units[4] = { "", "万", "亿", "万亿" };

static bool put(char *buf, size_t cap, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (*len + n + 1 > cap) {
		return false;
	}
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
	return true;
}

/* Writes one group of four digits (0..9999); zero_pending carries a 零 owed across groups. */
static bool put_group(char *buf, size_t cap, size_t *len, int group, bool *zero_pending)
{
	int d[4] = { group / 1000, group / 100 % 10, group / 10 % 10, group % 10 };

	for (int i = 0; i < 4; i++) {
		if (d[i] == 0) {
			*zero_pending = *len > 0;
			continue;
		}
		if (*zero_pending && !put(buf, cap, len, digit_words[0])) {
			return false;
		}
		*zero_pending = false;
		if (!put(buf, cap, len, digit_words[d[i]]) || !put(buf, cap, len, small_units[3 - i])) {
			return false;
		}
	}
	return true;
}

size_t cloudacct_amount_in_words(int64_t fen, char *buf, size_t cap)
{
	int64_t yuan = fen / 100;
	int jiao = (int) (fen / 10 % 10), f = (int) (fen % 10);
	int groups[4];
	size_t len = 0;
	bool zero = false, ok = true;

	if (cap == 0) {
		return 0;
	}
	buf[0] = '\0';
	if (fen < 0 || fen > INT64_C(999999999999999)) {
		return 0;
	}
	for (int g = 0; g < 4; g++) {
		groups[g] = (int) (yuan % 10000);
		yuan /= 10000;
	}
	for (int g = 3; g >= 0 && ok; g--) {
		if (groups[g] == 0) {
			zero = zero || len > 0;
			continue;
		}
		ok = put_group(buf, cap, &len, groups[g], &zero) && put(buf, cap, &len, big_units[g]);
	}
	if (ok && len > 0) {
		ok = put(buf, cap, &len, "元");
	}
	if (ok && jiao == 0 && f == 0) {
		ok = put(buf, cap, &len, len == 0 ? "零元整" : "整");
	} else if (ok) {
		if (jiao > 0) {
			ok = put(buf, cap, &len, digit_words[jiao]) && put(buf, cap, &len, "角");
		} else if (len > 0) {
			ok = put(buf, cap, &len, digit_words[0]);
		}
		if (ok && f > 0) {
			ok = put(buf, cap, &len, digit_words[f]) && put(buf, cap, &len, "分");
		} else if (ok) {
			ok = put(buf, cap, &len, "整");
		}
	}
	if (!ok) {
		buf[0] = '\0';
		return 0;
	}
	return len;
}
