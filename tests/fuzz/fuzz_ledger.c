/*
 * Money rules that take stored or typed values (src/core/ledger.c): cycle and aging names, the
 * admin's dunning steps, allocation of payments to bills. Properties: names parse back; a
 * normalised step list is sorted, unique and the same set; the current step is the last one due
 * and the next date is the following step's; allocation moves no more than each payment has and
 * each bill owes, never a non-positive amount, and what it moves is exactly what left
 * available[] and outstanding[]; receipts' step keys spell the step.
 */
#include "calendar.h"
#include "fuzz.h"
#include "ledger.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_in in = { data, size };
	cloudacct_cycle c;
	cloudacct_aging_bucket ab;

	if (cloudacct_cycle_parse((const char *) data, size, &c)) {
		const char *n = cloudacct_cycle_name(c);
		FUZZ_CHECK(n && strlen(n) == size && memcmp(n, data, size) == 0 && cloudacct_cycle_label(c));
	}
	if (cloudacct_aging_parse((const char *) data, size, &ab)) {
		const char *n = cloudacct_aging_name(ab);
		FUZZ_CHECK(n && strlen(n) == size && memcmp(n, data, size) == 0 && cloudacct_aging_label(ab));
	}

	/* Dunning steps. */
	int32_t steps[CLOUDACCT_DUNNING_MAX_STEPS], orig[CLOUDACCT_DUNNING_MAX_STEPS];
	size_t n = fuzz_take_u8(&in) % (CLOUDACCT_DUNNING_MAX_STEPS + 1);
	for (size_t i = 0; i < n; i++) {
		orig[i] = steps[i] = (int32_t) (int8_t) fuzz_take_u8(&in) * (int32_t) (fuzz_take_u8(&in) % 4 + 1);
	}
	size_t m = cloudacct_dunning_normalize(steps, n);
	FUZZ_CHECK(m <= n);
	for (size_t i = 1; i < m; i++) {
		FUZZ_CHECK(steps[i - 1] < steps[i]);
	}
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t j = 0; j < m; j++) {
			found = found || steps[j] == orig[i];
		}
		FUZZ_CHECK(found);
	}
	int32_t due = cloudacct_date_add_days(20240101, (int) (fuzz_take_u64(&in, 2) % 2000));
	int32_t today = cloudacct_date_add_days(due, (int) (int16_t) fuzz_take_u64(&in, 2) % 1000);
	int idx = -9;
	int32_t next = -9;
	FUZZ_CHECK(cloudacct_dunning_current(steps, m, due, today, &idx, &next));
	int64_t late = cloudacct_date_to_days(today) - cloudacct_date_to_days(due);
	FUZZ_CHECK(idx >= -1 && idx < (int) m);
	if (idx >= 0) {
		FUZZ_CHECK(steps[idx] <= late);
	}
	if (idx + 1 < (int) m) {
		FUZZ_CHECK(steps[idx + 1] > late && next == cloudacct_date_add_days(due, steps[idx + 1]));
	} else {
		FUZZ_CHECK(next == 0);
	}
	if (m > 0) {
		char key[16], want[16];
		size_t kn = cloudacct_dunning_step_key(steps[0], key);
		snprintf(want, sizeof want, "d%d", (int) steps[0]);
		FUZZ_CHECK(kn == strlen(want) && strcmp(key, want) == 0);
	}

	/* Allocation. */
	int64_t avail[8], owe[8], avail0[8], owe0[8];
	size_t ns = fuzz_take_u8(&in) % 9, nt = fuzz_take_u8(&in) % 9;
	for (size_t i = 0; i < ns; i++) {
		avail0[i] = avail[i] = (int64_t) (int32_t) fuzz_take_u64(&in, 4);
	}
	for (size_t i = 0; i < nt; i++) {
		owe0[i] = owe[i] = (int64_t) (int32_t) fuzz_take_u64(&in, 4);
	}
	cloudacct_allocation moves[16];
	size_t k = cloudacct_allocate(avail, ns, owe, nt, moves);
	FUZZ_CHECK(k <= ns + nt);
	int64_t out_of[8] = { 0 }, into[8] = { 0 };
	for (size_t i = 0; i < k; i++) {
		FUZZ_CHECK(moves[i].source < ns && moves[i].target < nt && moves[i].amount > 0);
		out_of[moves[i].source] += moves[i].amount;
		into[moves[i].target] += moves[i].amount;
	}
	for (size_t i = 0; i < ns; i++) {
		FUZZ_CHECK(avail0[i] - avail[i] == out_of[i]);
		FUZZ_CHECK(out_of[i] == 0 || out_of[i] <= avail0[i]);
	}
	for (size_t i = 0; i < nt; i++) {
		FUZZ_CHECK(owe0[i] - owe[i] == into[i]);
		FUZZ_CHECK(into[i] == 0 || into[i] <= owe0[i]);
	}
	/* Greedy: afterwards either no payment has money left or no bill is owed. */
	bool money_left = false, owed = false;
	for (size_t i = 0; i < ns; i++) {
		money_left = money_left || avail[i] > 0;
	}
	for (size_t i = 0; i < nt; i++) {
		owed = owed || owe[i] > 0;
	}
	FUZZ_CHECK(!(money_left && owed));
	return 0;
}
