/*
 * The money rules of DESIGN §3.4 as pure C: fee-plan cycles (which period a plan bills, what
 * the bill covers), "paid through" (已缴至), allocation of credit to open bills oldest first,
 * arrears aging buckets, dunning step selection and the amount in Chinese capitals for receipts.
 * Amounts are int64_t fen, periods int32_t YYYYMM, dates int32_t YYYYMMDD. No I/O.
 */
#ifndef CLOUDACCT_CORE_LEDGER_H
#define CLOUDACCT_CORE_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- fee plans ---- */

typedef enum {
	CLOUDACCT_CYCLE_MONTHLY = 1,
	CLOUDACCT_CYCLE_QUARTERLY = 3,
	CLOUDACCT_CYCLE_HALF_YEARLY = 6,
	CLOUDACCT_CYCLE_YEARLY = 12
} cloudacct_cycle;

/* "monthly" | "quarterly" | "half_yearly" | "yearly"; false for anything else. */
bool cloudacct_cycle_parse(const char *s, size_t len, cloudacct_cycle *out);
/* The stored name, or NULL. */
const char *cloudacct_cycle_name(cloudacct_cycle c);
/* 月付, 季付, 半年付, 年付; NULL if unknown. */
const char *cloudacct_cycle_label(cloudacct_cycle c);

/* Months from period a to period b (b - a); both must be valid periods. */
int32_t cloudacct_period_diff(int32_t a, int32_t b);

/* A plan as the billing rules see it. Billing cycles are anchored at start + prepaid months:
 * the first `prepaid` months were paid before the plan came into the system. */
typedef struct {
	int32_t start;   /* first period of the plan */
	int32_t end;     /* last period, 0 = open-ended; a cycle end */
	int32_t prepaid; /* months already paid, >= 0 */
	cloudacct_cycle cycle;
} cloudacct_plan_rule;

typedef enum {
	CLOUDACCT_PLAN_OK = 0,
	CLOUDACCT_PLAN_BAD_START,
	CLOUDACCT_PLAN_BAD_END,     /* before the anchor, or not the last month of a cycle */
	CLOUDACCT_PLAN_BAD_PREPAID, /* negative or more than 10 years */
	CLOUDACCT_PLAN_BAD_CYCLE
} cloudacct_plan_status;

cloudacct_plan_status cloudacct_plan_validate(const cloudacct_plan_rule *p);
/* Chinese message for the admin editing the plan. Never NULL. */
const char *cloudacct_plan_status_message(cloudacct_plan_status st);

/* The first billed period: start + prepaid. */
int32_t cloudacct_plan_anchor(const cloudacct_plan_rule *p);

/* True when a billing cycle of the plan starts at `period` (and the plan has not ended by then);
 * *period_to is set to the last period that cycle covers. */
bool cloudacct_plan_bills_at(const cloudacct_plan_rule *p, int32_t period, int32_t *period_to);

/* Is `period` the last month of a cycle (a valid end for the plan)? */
bool cloudacct_plan_is_cycle_end(const cloudacct_plan_rule *p, int32_t period);

/* A bill of one plan, for the paid-through computation. */
typedef struct {
	int32_t from, to; /* periods covered */
	bool settled;     /* paid, waived or void: nothing left to pay */
} cloudacct_bill_span;

/* A pause of billing: [from, to], to = 0 while still paused. */
typedef struct {
	int32_t from, to;
} cloudacct_pause_span;

/*
 * 已缴至: the last period of the unbroken run from the plan's anchor of periods that are
 * prepaid, covered by settled bills, or paused (pauses count only up to the last billed
 * period). bills sorted by `from`; pauses in any order. Returns anchor - 1 when nothing is paid.
 */
int32_t cloudacct_plan_paid_through(const cloudacct_plan_rule *p, const cloudacct_bill_span *bills,
									size_t n_bills, const cloudacct_pause_span *pauses,
									size_t n_pauses);

/* Is `period` inside one of the pauses? */
bool cloudacct_plan_paused_at(const cloudacct_pause_span *pauses, size_t n, int32_t period);

/* Due date of a bill that starts at `period`: day `due_day` (1..28) of that month. */
int32_t cloudacct_bill_due_date(int32_t period, int due_day);

/* ---- allocation ---- */

/* One move of money from source i (a payment's unapplied amount) to target j (an open bill). */
typedef struct {
	size_t source, target;
	int64_t amount;
} cloudacct_allocation;

/*
 * Greedy oldest-first: sources and targets are given in the order they should be used
 * (oldest payment first; the named bill first, then oldest open bill first). Amounts <= 0 are
 * skipped. Writes at most n_sources + n_targets moves into out (which must hold that many) and
 * returns their number. available[] and outstanding[] are decremented in place.
 */
size_t cloudacct_allocate(int64_t *available, size_t n_sources, int64_t *outstanding,
						  size_t n_targets, cloudacct_allocation *out);

/* ---- aging ---- */

typedef enum {
	CLOUDACCT_AGING_NOT_DUE = 0, /* due today or later */
	CLOUDACCT_AGING_1_30,
	CLOUDACCT_AGING_31_60,
	CLOUDACCT_AGING_61_90,
	CLOUDACCT_AGING_90_PLUS
} cloudacct_aging_bucket;
#define CLOUDACCT_AGING_COUNT 5

/* Days overdue (today - due, 0 when not due yet) or -1 for invalid dates. */
int32_t cloudacct_days_overdue(int32_t due_date, int32_t today);
cloudacct_aging_bucket cloudacct_aging_of(int32_t days_overdue);
/* "not_due", "1_30", "31_60", "61_90", "90_plus"; NULL if out of range. */
const char *cloudacct_aging_name(cloudacct_aging_bucket b);
bool cloudacct_aging_parse(const char *s, size_t len, cloudacct_aging_bucket *out);
const char *cloudacct_aging_label(cloudacct_aging_bucket b);
/*
 * The due dates whose oldest open bill puts a client in bucket b today: [*due_min, *due_max]
 * (inclusive YYYYMMDD). 90_plus has due_min = CLOUDACCT_DATE_MIN-ish 19700101.
 */
bool cloudacct_aging_due_range(cloudacct_aging_bucket b, int32_t today, int32_t *due_min,
							   int32_t *due_max);

/* ---- dunning ---- */

#define CLOUDACCT_DUNNING_MAX_STEPS 32

/* Sorts steps ascending and drops duplicates in place; returns the new count. */
size_t cloudacct_dunning_normalize(int32_t *steps, size_t n);

/*
 * Which step (days relative to the due date) is current for an open bill today: the largest
 * step s with due + s <= today. Earlier steps that were missed (the scheduler did not run) are
 * not sent late: only the current one. *step_index is -1 when no step is due yet.
 * *next_date is the date the following step falls due (0 when none follows).
 * steps must be normalised. Returns false for invalid dates.
 */
bool cloudacct_dunning_current(const int32_t *steps, size_t n, int32_t due_date, int32_t today,
							   int *step_index, int32_t *next_date);

/* "d-3", "d0", "d7": the key of a step in the dunning log; buf >= 16. */
size_t cloudacct_dunning_step_key(int32_t step, char *buf);

/* Is the local hour inside the quiet window [from_hour, to_hour) (which may wrap midnight)?
 * from == to means no quiet hours. */
bool cloudacct_quiet_hours(int hour, int from_hour, int to_hour);

/* ---- receipts ---- */

#define CLOUDACCT_UPPER_BUFSZ 160

/* 人民币大写: 1234.56 → "壹仟贰佰叁拾肆元伍角陆分", 100.00 → "壹佰元整", 0 → "零元整".
 * fen must be 0 .. 999999999999999 (under a thousand trillion yuan). Returns strlen or 0. */
size_t cloudacct_amount_in_words(int64_t fen, char *buf, size_t cap);

#endif
