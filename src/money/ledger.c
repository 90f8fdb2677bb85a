/* The per-client money transaction (money_int.h): the only code that writes ledger entries,
 * allocations, bill amounts and the client's summary row, so the invariants live in one place:
 *
 *   summary.balance_fen     = SUM(ledger_entry.amount_fen)
 *   summary.credit_fen      = SUM(payment.amount - allocated - refunded) over posted payments
 *   summary.outstanding_fen = SUM(bill.amount - paid - waived) over open bills
 *   balance = outstanding - credit
 *   bill.paid_fen = SUM(allocation.amount_fen) for the bill; payment.allocated_fen likewise
 *
 * Every read that a decision depends on is a locking read (FOR UPDATE): the transaction may have
 * taken its snapshot before another one committed, and a plain SELECT would see the old rows. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "money_int.h"
#include "../common/errors.h"
#include "../core/ledger.h"
#include "../core/money.h"

#define APPLY_LIMIT 200

zend_result cloudacct_money_tx_begin(cloudacct_money_tx *t, cloudacct_store *s, const cloudacct_actor *a,
	zend_long client_id)
{
	zval row;

	memset(t, 0, sizeof(*t));
	t->s = s;
	t->a = a;
	t->client_id = client_id;
	t->now = cloudacct_clock_now();
	t->period = cloudacct_money_period_of(t->now);

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	if (cloudacct_money_balance_row(s, client_id, t->now) == FAILURE) {
		return FAILURE;
	}
	if (CLOUDACCT_DB_RUN(s->db, "SELECT balance_fen, outstanding_fen, credit_fen, open_bills, oldest_open_due,"
			" paid_through, entries FROM {client_balance} WHERE uniacid = ? AND client_id = ? FOR UPDATE",
			p, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) != IS_ARRAY) {
		cloudacct_throw_conflict("客户账户摘要行丢失，请重试 (balance row vanished)");
		return FAILURE;
	}
	t->balance = cloudacct_money_long(&row, "balance_fen");
	t->outstanding = cloudacct_money_long(&row, "outstanding_fen");
	t->credit = cloudacct_money_long(&row, "credit_fen");
	t->open_bills = cloudacct_money_long(&row, "open_bills");
	t->oldest_due = cloudacct_money_long(&row, "oldest_open_due");
	t->paid_through = cloudacct_money_long(&row, "paid_through");
	t->entries = cloudacct_money_long(&row, "entries");
	zval_ptr_dtor(&row);
	return SUCCESS;
}

static void note_plan(cloudacct_money_tx *t, zend_long plan_id)
{
	if (plan_id <= 0 || t->all_plans) {
		return;
	}
	for (size_t i = 0; i < t->n_plans; i++) {
		if (t->plans[i] == plan_id) {
			return;
		}
	}
	if (t->n_plans == CLOUDACCT_MONEY_TX_PLANS) {
		t->all_plans = true;
		return;
	}
	t->plans[t->n_plans++] = plan_id;
}

/* Cuts s to at most max bytes without splitting a UTF-8 sequence. */
static size_t utf8_cut(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max) {
		return n;
	}
	while (max > 0 && ((unsigned char) s[max] & 0xC0) == 0x80) {
		max--;
	}
	return max;
}

zend_result cloudacct_money_post(cloudacct_money_tx *t, const char *kind, zend_long amount, zend_long bill_id,
	zend_long order_id, zend_long payment_id, zend_long refund_id, zend_long reverses_id, const char *memo,
	zend_long *entry_id)
{
	const char *actor_kind = cloudacct_actor_kind_name(t->a->kind);
	int64_t next;

	if (!cloudacct_money_add(t->balance, amount, &next)) {
		cloudacct_throw_validation("amount_fen", "金额超出可记账范围 (balance would overflow)");
		return FAILURE;
	}
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(t->s->uniacid),
		CLOUDACCT_PARAM_LONG(t->client_id),
		CLOUDACCT_PARAM_STR(kind, strlen(kind)),
		CLOUDACCT_PARAM_LONG(amount),
		CLOUDACCT_PARAM_LONG(bill_id),
		CLOUDACCT_PARAM_LONG(order_id),
		CLOUDACCT_PARAM_LONG(payment_id),
		CLOUDACCT_PARAM_LONG(refund_id),
		reverses_id > 0 ? CLOUDACCT_PARAM_LONG(reverses_id) : CLOUDACCT_PARAM_NULL(),
		CLOUDACCT_PARAM_LONG(t->period),
		CLOUDACCT_PARAM_STR(memo, utf8_cut(memo, 255)),
		CLOUDACCT_PARAM_STR(actor_kind, strlen(actor_kind)),
		CLOUDACCT_PARAM_LONG(t->a->id),
		CLOUDACCT_PARAM_LONG(t->now),
	};
	if (CLOUDACCT_DB_RUN(t->s->db,
			"INSERT INTO {ledger_entry} (uniacid, client_id, kind, amount_fen, bill_id, order_id, payment_id,"
			" refund_id, reverses_id, period, memo, actor_kind, actor_id, created_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 14, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (entry_id) {
		*entry_id = (zend_long) cloudacct_db_insert_id(t->s->db);
	}
	t->balance = next;
	t->entries++;
	return SUCCESS;
}

zend_result cloudacct_money_reverse(cloudacct_money_tx *t, zend_long entry_id, const char *memo, zend_long *new_id,
	zval *orig)
{
	zval row, v;
	size_t len;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(entry_id),
		CLOUDACCT_PARAM_LONG(t->client_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT id, kind, amount_fen, bill_id, order_id, payment_id, refund_id, reverses_id"
			" FROM {ledger_entry} WHERE uniacid = ? AND id = ? AND client_id = ? FOR UPDATE", p, 3, CLOUDACCT_FETCH_ROW,
			&row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) != IS_ARRAY) {
		cloudacct_throw_not_found("账目不存在或无权查看 (entry %ld not found)", (long) entry_id);
		return FAILURE;
	}
	const char *kind = cloudacct_money_str(&row, "kind", &len);
	if (len == 8 && memcmp(kind, "reversal", 8) == 0) {
		zval_ptr_dtor(&row);
		cloudacct_throw_invalid_transition("reversal", "冲销记录不能再冲销 (a reversal cannot be reversed)");
		return FAILURE;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(entry_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT id FROM {ledger_entry} WHERE uniacid = ? AND reverses_id = ? FOR UPDATE", q, 2,
			CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		zval_ptr_dtor(&row);
		return FAILURE;
	}
	if (Z_TYPE(v) != IS_NULL) {
		zval_ptr_dtor(&row);
		cloudacct_throw_invalid_transition("reversed", "该账目已冲销 (entry %ld is already reversed)", (long) entry_id);
		return FAILURE;
	}
	zend_result rc = cloudacct_money_post(t, "reversal", -cloudacct_money_long(&row, "amount_fen"),
		cloudacct_money_long(&row, "bill_id"), cloudacct_money_long(&row, "order_id"),
		cloudacct_money_long(&row, "payment_id"), cloudacct_money_long(&row, "refund_id"), entry_id, memo, new_id);
	if (orig && rc == SUCCESS) {
		ZVAL_COPY_VALUE(orig, &row);
	} else {
		zval_ptr_dtor(&row);
	}
	return rc;
}

static const char *bill_status(zend_long amount, zend_long paid, zend_long waived, bool voided)
{
	if (voided) {
		return "void";
	}
	if (amount - paid - waived > 0) {
		return "open";
	}
	return paid > 0 ? "paid" : "waived";
}

zend_result cloudacct_money_bill_change(cloudacct_money_tx *t, zend_long bill_id, zend_long d_paid, zend_long d_waived,
	bool make_void)
{
	zval row;
	size_t len;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(bill_id),
		CLOUDACCT_PARAM_LONG(t->client_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT plan_id, amount_fen, paid_fen, waived_fen, status, settled_at FROM {bill}"
			" WHERE uniacid = ? AND id = ? AND client_id = ? FOR UPDATE", p, 3, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) != IS_ARRAY) {
		cloudacct_throw_not_found("账单不存在 (bill %ld not found)", (long) bill_id);
		return FAILURE;
	}
	zend_long plan_id = cloudacct_money_long(&row, "plan_id");
	zend_long amount = cloudacct_money_long(&row, "amount_fen");
	zend_long paid = cloudacct_money_long(&row, "paid_fen") + d_paid;
	zend_long waived = cloudacct_money_long(&row, "waived_fen") + d_waived;
	const char *old = cloudacct_money_str(&row, "status", &len);
	bool was_void = len == 4 && memcmp(old, "void", 4) == 0;
	bool was_open = len == 4 && memcmp(old, "open", 4) == 0;
	zend_long old_settled = cloudacct_money_long(&row, "settled_at");
	zval_ptr_dtor(&row);

	/* A bill never holds more than it asks, nor less than nothing: a breach is a bug, and the
	 * transaction must not commit it. */
	if (paid < 0 || waived < 0 || (!make_void && !was_void && paid + waived > amount)) {
		cloudacct_throw_conflict("账单金额不一致，操作已撤销 (bill %ld would hold paid %ld + waived %ld of %ld)",
			(long) bill_id, (long) paid, (long) waived, (long) amount);
		return FAILURE;
	}
	const char *status = bill_status(amount, paid, waived, make_void || was_void);
	bool is_open = strcmp(status, "open") == 0;
	zend_long settled_at = is_open ? 0 : (was_open ? t->now : old_settled);

	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(paid), CLOUDACCT_PARAM_LONG(waived),
		CLOUDACCT_PARAM_STR(status, strlen(status)), CLOUDACCT_PARAM_LONG(settled_at),
		CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(bill_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "UPDATE {bill} SET paid_fen = ?, waived_fen = ?, status = ?, settled_at = ?"
			" WHERE uniacid = ? AND id = ?", u, 6, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	t->bills_changed = true;
	if (was_open != is_open) {
		note_plan(t, plan_id);
	}
	return SUCCESS;
}

zend_result cloudacct_money_allocate(cloudacct_money_tx *t, zend_long payment_id, zend_long bill_id, zend_long order_id,
	zend_long amount)
{
	if (amount == 0) {
		return SUCCESS;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(t->client_id),
		CLOUDACCT_PARAM_LONG(payment_id), CLOUDACCT_PARAM_LONG(bill_id), CLOUDACCT_PARAM_LONG(order_id),
		CLOUDACCT_PARAM_LONG(amount), CLOUDACCT_PARAM_LONG(t->now) };
	if (CLOUDACCT_DB_RUN(t->s->db, "INSERT INTO {allocation} (uniacid, client_id, payment_id, bill_id, order_id,"
			" amount_fen, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", p, 7, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(amount), CLOUDACCT_PARAM_LONG(t->s->uniacid),
		CLOUDACCT_PARAM_LONG(payment_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "UPDATE {payment} SET allocated_fen = allocated_fen + ? WHERE uniacid = ? AND id = ?",
			u, 3, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (bill_id > 0 && cloudacct_money_bill_change(t, bill_id, amount, 0, false) == FAILURE) {
		return FAILURE;
	}
	t->credit -= amount;
	return SUCCESS;
}

zend_result cloudacct_money_deallocate(cloudacct_money_tx *t, zend_long payment_id, zend_long keep)
{
	zval rows, *row;
	zend_long total = 0;
	zend_result rc = SUCCESS;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(t->client_id),
		CLOUDACCT_PARAM_LONG(payment_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT a.bill_id, SUM(a.amount_fen) AS amount FROM {allocation} a"
			" JOIN {bill} b ON b.id = a.bill_id"
			" WHERE a.uniacid = ? AND a.client_id = ? AND a.payment_id = ? AND a.bill_id > 0"
			" GROUP BY a.bill_id, b.due_date, b.period HAVING SUM(a.amount_fen) > 0"
			" ORDER BY b.due_date DESC, b.period DESC, a.bill_id DESC", p, 3, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		total += cloudacct_money_long(row, "amount");
	} ZEND_HASH_FOREACH_END();
	zend_long take = total - keep;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zend_long amount = cloudacct_money_long(row, "amount");
		zend_long x = take < amount ? take : amount;
		if (x <= 0) {
			break;
		}
		rc = cloudacct_money_allocate(t, payment_id, cloudacct_money_long(row, "bill_id"), 0, -x);
		if (rc == FAILURE) {
			break;
		}
		take -= x;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return rc;
}

/* Unapplied payment money goes to open bills: the named bill first, then oldest due first. */
static zend_result apply_credit(cloudacct_money_tx *t)
{
	zval pays, bills, *row;
	int64_t avail[APPLY_LIMIT], owed[APPLY_LIMIT];
	zend_long pay_ids[APPLY_LIMIT], bill_ids[APPLY_LIMIT];
	size_t ns = 0, nt = 0, n;
	cloudacct_allocation moves[2 * APPLY_LIMIT];
	zend_result rc = SUCCESS;

	cloudacct_param pb[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(t->client_id),
		CLOUDACCT_PARAM_LONG(t->first_bill) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT id, amount_fen - paid_fen - waived_fen AS owed FROM {bill}"
			" WHERE uniacid = ? AND client_id = ? AND status = 'open'"
			" ORDER BY id = ? DESC, due_date, period, id LIMIT 200 FOR UPDATE", pb, 3, CLOUDACCT_FETCH_ALL, &bills) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(bills), row) {
		bill_ids[nt] = cloudacct_money_long(row, "id");
		owed[nt++] = cloudacct_money_long(row, "owed");
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&bills);
	if (nt == 0) {
		return SUCCESS;
	}
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT id, amount_fen - allocated_fen - refunded_fen AS unapplied FROM {payment}"
			" WHERE uniacid = ? AND client_id = ? AND status = 'posted' AND amount_fen > allocated_fen + refunded_fen"
			" ORDER BY paid_at, id LIMIT 200 FOR UPDATE", pb, 2, CLOUDACCT_FETCH_ALL, &pays) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(pays), row) {
		pay_ids[ns] = cloudacct_money_long(row, "id");
		avail[ns++] = cloudacct_money_long(row, "unapplied");
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&pays);

	n = cloudacct_allocate(avail, ns, owed, nt, moves);
	for (size_t i = 0; i < n && rc == SUCCESS; i++) {
		rc = cloudacct_money_allocate(t, pay_ids[moves[i].source], bill_ids[moves[i].target], 0, moves[i].amount);
	}
	return rc;
}

/* 已缴至 of one plan, from its bills and pauses (void bills count as settled: nothing is owed). */
static zend_result refresh_plan(cloudacct_money_tx *t, zend_long plan_id)
{
	zval plan, bills, pauses, *row;
	cloudacct_plan_rule rule;
	cloudacct_bill_span *spans;
	cloudacct_pause_span *ps;
	size_t nb = 0, np = 0, len;
	const char *cycle;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(plan_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT start_period, end_period, prepaid_periods, cycle FROM {fee_plan}"
			" WHERE uniacid = ? AND id = ?", p, 2, CLOUDACCT_FETCH_ROW, &plan) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(plan) != IS_ARRAY) {
		return SUCCESS;
	}
	rule.start = (int32_t) cloudacct_money_long(&plan, "start_period");
	rule.end = (int32_t) cloudacct_money_long(&plan, "end_period");
	rule.prepaid = (int32_t) cloudacct_money_long(&plan, "prepaid_periods");
	cycle = cloudacct_money_str(&plan, "cycle", &len);
	if (!cloudacct_cycle_parse(cycle, len, &rule.cycle)) {
		rule.cycle = CLOUDACCT_CYCLE_MONTHLY;
	}
	zval_ptr_dtor(&plan);
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT period, period_to, status <> 'open' AS settled FROM {bill}"
			" WHERE uniacid = ? AND plan_id = ? ORDER BY period", p, 2, CLOUDACCT_FETCH_ALL, &bills) == FAILURE) {
		return FAILURE;
	}
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT from_period, to_period FROM {plan_pause} WHERE uniacid = ? AND plan_id = ?",
			p, 2, CLOUDACCT_FETCH_ALL, &pauses) == FAILURE) {
		zval_ptr_dtor(&bills);
		return FAILURE;
	}
	spans = safe_emalloc(zend_hash_num_elements(Z_ARRVAL(bills)) + 1, sizeof(*spans), 0);
	ps = safe_emalloc(zend_hash_num_elements(Z_ARRVAL(pauses)) + 1, sizeof(*ps), 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(bills), row) {
		spans[nb].from = (int32_t) cloudacct_money_long(row, "period");
		spans[nb].to = (int32_t) cloudacct_money_long(row, "period_to");
		spans[nb++].settled = cloudacct_money_long(row, "settled") != 0;
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(pauses), row) {
		ps[np].from = (int32_t) cloudacct_money_long(row, "from_period");
		ps[np++].to = (int32_t) cloudacct_money_long(row, "to_period");
	} ZEND_HASH_FOREACH_END();
	int32_t through = cloudacct_plan_paid_through(&rule, spans, nb, ps, np);
	efree(spans);
	efree(ps);
	zval_ptr_dtor(&bills);
	zval_ptr_dtor(&pauses);

	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(through < 0 ? 0 : through), CLOUDACCT_PARAM_LONG(t->s->uniacid),
		CLOUDACCT_PARAM_LONG(plan_id) };
	return CLOUDACCT_DB_RUN(t->s->db, "UPDATE {fee_plan} SET paid_through = ? WHERE uniacid = ? AND id = ?", u, 3,
		CLOUDACCT_FETCH_NONE, NULL);
}

static zend_result refresh_plans(cloudacct_money_tx *t)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(t->client_id) };
	zval v;

	if (t->all_plans) {
		zval rows, *row;
		zend_result rc = SUCCESS;
		if (CLOUDACCT_DB_RUN(t->s->db, "SELECT id FROM {fee_plan} WHERE uniacid = ? AND client_id = ?", p, 2,
				CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
			return FAILURE;
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			if (rc == SUCCESS) {
				rc = refresh_plan(t, cloudacct_money_long(row, "id"));
			}
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&rows);
		if (rc == FAILURE) {
			return FAILURE;
		}
	} else {
		for (size_t i = 0; i < t->n_plans; i++) {
			if (refresh_plan(t, t->plans[i]) == FAILURE) {
				return FAILURE;
			}
		}
	}
	/* The client is paid through the least of its active plans (or the last of its ended ones). */
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT COALESCE(MIN(CASE WHEN status = 'active' THEN paid_through END),"
			" MAX(paid_through), 0) FROM {fee_plan} WHERE uniacid = ? AND client_id = ?", p, 2,
			CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		return FAILURE;
	}
	t->paid_through = zval_get_long(&v);
	zval_ptr_dtor(&v);
	return SUCCESS;
}

/* Open-bill aggregates, read back after the bills changed (a few indexed rows per client). */
static zend_result refresh_open(cloudacct_money_tx *t)
{
	zval row;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(t->client_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen - paid_fen - waived_fen), 0) AS owed,"
			" COALESCE(MIN(due_date), 0) AS oldest FROM {bill} WHERE uniacid = ? AND client_id = ? AND status = 'open'",
			p, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	t->open_bills = cloudacct_money_long(&row, "n");
	t->outstanding = zval_get_long(zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("owed")));
	t->oldest_due = cloudacct_money_long(&row, "oldest");
	zval_ptr_dtor(&row);
	return SUCCESS;
}

zend_result cloudacct_money_tx_finish(cloudacct_money_tx *t)
{
	if (t->credit > 0 && !t->no_apply && apply_credit(t) == FAILURE) {
		return FAILURE;
	}
	if (t->bills_changed && refresh_open(t) == FAILURE) {
		return FAILURE;
	}
	if ((t->n_plans > 0 || t->all_plans) && refresh_plans(t) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(t->balance), CLOUDACCT_PARAM_LONG(t->outstanding), CLOUDACCT_PARAM_LONG(t->credit),
		CLOUDACCT_PARAM_LONG(t->open_bills), CLOUDACCT_PARAM_LONG(t->oldest_due), CLOUDACCT_PARAM_LONG(t->paid_through),
		CLOUDACCT_PARAM_LONG(t->entries), CLOUDACCT_PARAM_LONG(t->now), CLOUDACCT_PARAM_LONG(t->s->uniacid),
		CLOUDACCT_PARAM_LONG(t->client_id),
	};
	return CLOUDACCT_DB_RUN(t->s->db, "UPDATE {client_balance} SET balance_fen = ?, outstanding_fen = ?, credit_fen = ?,"
		" open_bills = ?, oldest_open_due = ?, paid_through = ?, entries = ?, updated_at = ?"
		" WHERE uniacid = ? AND client_id = ?", p, 10, CLOUDACCT_FETCH_NONE, NULL);
}

zend_result cloudacct_money_payment_insert(cloudacct_money_tx *t, const cloudacct_money_new_payment *np,
	zend_long *payment_id, zend_long *entry_id)
{
	char receipt[40];
	const char *actor_kind = cloudacct_actor_kind_name(t->a->kind);
	char memo[1200];

	if (np->receipt && cloudacct_money_receipt_no(t->s, receipt) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(t->s->uniacid),
		CLOUDACCT_PARAM_LONG(t->client_id),
		CLOUDACCT_PARAM_STR(np->channel, strlen(np->channel)),
		CLOUDACCT_PARAM_ZSTR(np->external_id),
		np->receipt ? CLOUDACCT_PARAM_STR(receipt, strlen(receipt)) : CLOUDACCT_PARAM_NULL(),
		CLOUDACCT_PARAM_LONG(np->amount),
		CLOUDACCT_PARAM_STR(np->method, strlen(np->method)),
		CLOUDACCT_PARAM_STR(np->target_kind, strlen(np->target_kind)),
		CLOUDACCT_PARAM_LONG(np->target_id),
		CLOUDACCT_PARAM_LONG(np->intent_id),
		np->reference ? CLOUDACCT_PARAM_ZSTR(np->reference) : CLOUDACCT_PARAM_STR("", 0),
		np->payer ? CLOUDACCT_PARAM_ZSTR(np->payer) : CLOUDACCT_PARAM_STR("", 0),
		np->note ? CLOUDACCT_PARAM_ZSTR(np->note) : CLOUDACCT_PARAM_STR("", 0),
		CLOUDACCT_PARAM_LONG(cloudacct_money_period_of(np->paid_at)),
		CLOUDACCT_PARAM_LONG(np->paid_at),
		CLOUDACCT_PARAM_STR(actor_kind, strlen(actor_kind)),
		CLOUDACCT_PARAM_LONG(t->a->id),
		CLOUDACCT_PARAM_LONG(t->now),
	};
	if (CLOUDACCT_DB_RUN(t->s->db, "INSERT INTO {payment} (uniacid, client_id, channel, external_id, receipt_no,"
			" amount_fen, method, target_kind, target_id, intent_id, reference, payer, note, period, paid_at,"
			" recorded_by_kind, recorded_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			p, 18, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	*payment_id = (zend_long) cloudacct_db_insert_id(t->s->db);
	if (cloudacct_money_collect_payment(t->s, *payment_id, 1) == FAILURE) {
		return FAILURE;
	}
	if (strcmp(np->kind, "adjustment") == 0) {
		snprintf(memo, sizeof(memo), "贷记调整 %s", np->note ? ZSTR_VAL(np->note) : "");
	} else {
		snprintf(memo, sizeof(memo), "%s收款 %s", strcmp(np->channel, "offline") == 0 ? "线下" : "在线",
			np->receipt ? receipt : "");
	}
	if (cloudacct_money_post(t, np->kind, -np->amount, 0, 0, *payment_id, 0, 0, memo, entry_id) == FAILURE) {
		return FAILURE;
	}
	t->credit += np->amount;
	return SUCCESS;
}

/* Reverses every entry of a kind on the bill that is not reversed yet. */
static zend_result reverse_all(cloudacct_money_tx *t, zend_long bill_id, const char *kind, const char *memo)
{
	zval rows, *row;
	zend_result rc = SUCCESS;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(t->client_id),
		CLOUDACCT_PARAM_LONG(bill_id), CLOUDACCT_PARAM_STR(kind, strlen(kind)) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT e.id FROM {ledger_entry} e WHERE e.uniacid = ? AND e.client_id = ?"
			" AND e.bill_id = ? AND e.kind = ? AND NOT EXISTS (SELECT 1 FROM {ledger_entry} r"
			" WHERE r.uniacid = e.uniacid AND r.reverses_id = e.id) ORDER BY e.id", p, 4, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		if (rc == SUCCESS) {
			rc = cloudacct_money_reverse(t, cloudacct_money_long(row, "id"), memo, NULL, NULL);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return rc;
}

zend_result cloudacct_money_void_bill(cloudacct_money_tx *t, zend_long bill_id, const char *memo)
{
	zval rows, *row, bill;
	zend_result rc = SUCCESS;

	if (reverse_all(t, bill_id, "charge", memo) == FAILURE || reverse_all(t, bill_id, "waiver", memo) == FAILURE) {
		return FAILURE;
	}
	/* Every payment takes back what it paid on the bill: it becomes credit. */
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(t->client_id),
		CLOUDACCT_PARAM_LONG(bill_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT payment_id, SUM(amount_fen) AS amount FROM {allocation}"
			" WHERE uniacid = ? AND client_id = ? AND bill_id = ? GROUP BY payment_id HAVING SUM(amount_fen) > 0",
			p, 3, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		if (rc == SUCCESS) {
			rc = cloudacct_money_allocate(t, cloudacct_money_long(row, "payment_id"), bill_id, 0,
				-cloudacct_money_long(row, "amount"));
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	if (rc == FAILURE) {
		return FAILURE;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(bill_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT waived_fen FROM {bill} WHERE uniacid = ? AND id = ? FOR UPDATE", q, 2,
			CLOUDACCT_FETCH_ROW, &bill) == FAILURE) {
		return FAILURE;
	}
	zend_long waived = Z_TYPE(bill) == IS_ARRAY ? cloudacct_money_long(&bill, "waived_fen") : 0;
	zval_ptr_dtor(&bill);
	return cloudacct_money_bill_change(t, bill_id, 0, -waived, true);
}
