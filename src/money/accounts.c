/* CloudAcct\Ledger\Accounts: the client's account (summary, entries), credit notes, reversals
 * and the reconcile check. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "money_int.h"
#include "../common/errors.h"
#include "../core/ledger.h"
#include "../core/calendar.h"

static const struct {
	const char *kind;
	const char *label;
} kind_labels[] = {
	{ "charge", "应收" }, { "payment", "收款" }, { "refund", "退款" },
	{ "waiver", "减免" }, { "adjustment", "调整" }, { "reversal", "冲销" },
};

static void label_entries(zval *rows)
{
	zval *row;
	size_t len;

	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rows), row) {
		const char *kind = cloudacct_money_str(row, "kind", &len);
		const char *label = "";
		for (size_t i = 0; i < sizeof(kind_labels) / sizeof(kind_labels[0]); i++) {
			if (strlen(kind_labels[i].kind) == len && memcmp(kind_labels[i].kind, kind, len) == 0) {
				label = kind_labels[i].label;
			}
		}
		add_assoc_string(row, "kind_label", (char *) label);
	} ZEND_HASH_FOREACH_END();
}

ZEND_METHOD(CloudAcct_Ledger_Accounts, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

/* ---- summary ---- */

/* Aging buckets of the client's open bills as of today. */
static zend_result aging(cloudacct_store *s, zend_long client_id, zval *buckets, zend_long *overdue)
{
	zval rows, *row;
	zend_long sums[CLOUDACCT_AGING_COUNT] = { 0 };
	int32_t today = cloudacct_money_today();

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT due_date, amount_fen - paid_fen - waived_fen AS owed FROM {bill}"
			" WHERE uniacid = ? AND client_id = ? AND status = 'open'", p, 2, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		int32_t days = cloudacct_days_overdue((int32_t) cloudacct_money_long(row, "due_date"), today);
		sums[cloudacct_aging_of(days < 0 ? 0 : days)] += cloudacct_money_long(row, "owed");
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	array_init_size(buckets, CLOUDACCT_AGING_COUNT);
	*overdue = 0;
	for (unsigned i = 0; i < CLOUDACCT_AGING_COUNT; i++) {
		add_assoc_long(buckets, cloudacct_aging_name((cloudacct_aging_bucket) i), sums[i]);
		if (i != CLOUDACCT_AGING_NOT_DUE) {
			*overdue += sums[i];
		}
	}
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Ledger_Accounts, summary)
{
	zval *zactor, row, buckets;
	zend_long client_id, overdue;
	cloudacct_actor a;
	static const char *const periods[] = { "paid_through", NULL };
	static const char *const dates[] = { "oldest_open_due", NULL };

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(client_id, 2) || cloudacct_money_authorize(s, &a, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT client_id, balance_fen, outstanding_fen, credit_fen, open_bills, oldest_open_due,"
			" paid_through, entries, last_reminded_at, updated_at FROM {client_balance} WHERE uniacid = ? AND client_id = ?",
			p, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE(row) != IS_ARRAY) {
		array_init(&row);
		add_assoc_long(&row, "client_id", client_id);
		add_assoc_long(&row, "balance_fen", 0);
		add_assoc_long(&row, "outstanding_fen", 0);
		add_assoc_long(&row, "credit_fen", 0);
		add_assoc_long(&row, "open_bills", 0);
		add_assoc_long(&row, "oldest_open_due", 0);
		add_assoc_long(&row, "paid_through", 0);
		add_assoc_long(&row, "entries", 0);
		add_assoc_long(&row, "last_reminded_at", 0);
		add_assoc_long(&row, "updated_at", 0);
	}
	if (aging(s, client_id, &buckets, &overdue) == FAILURE) {
		zval_ptr_dtor(&row);
		RETURN_THROWS();
	}
	add_assoc_long(&row, "overdue_fen", overdue);
	add_assoc_zval(&row, "aging", &buckets);
	cloudacct_money_format_periods(&row, periods, dates);
	RETURN_COPY_VALUE(&row);
}

ZEND_METHOD(CloudAcct_Ledger_Accounts, entries)
{
	zval *zactor, total, items;
	zend_long client_id, page = 1, per_page = 20;
	cloudacct_actor a;
	static const char *const periods[] = { "period", NULL };

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(client_id, 2) || !cloudacct_money_check_page(page, per_page, 3)
			|| cloudacct_money_authorize(s, &a, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id),
		CLOUDACCT_PARAM_LONG(per_page), CLOUDACCT_PARAM_LONG((page - 1) * per_page) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT COUNT(*) FROM {ledger_entry} WHERE uniacid = ? AND client_id = ?", p, 2,
			CLOUDACCT_FETCH_VALUE, &total) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT id, kind, amount_fen, bill_id, order_id, payment_id, refund_id, reverses_id,"
				" period, memo, actor_kind, actor_id, created_at FROM {ledger_entry} WHERE uniacid = ? AND client_id = ?"
				" ORDER BY id DESC LIMIT ? OFFSET ?", p, 4, CLOUDACCT_FETCH_ALL, &items) == FAILURE) {
		RETURN_THROWS();
	}
	label_entries(&items);
	cloudacct_money_format_rows(&items, periods, NULL);
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", zval_get_long(&total));
	add_assoc_zval(return_value, "items", &items);
}

/* ---- credit notes ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	zend_long amount;
	zend_string *reason;
	zend_string *key;
	zend_long payment_id;
} credit_ctx;

static zend_result credit_body(cloudacct_connection *c, void *ctx_)
{
	credit_ctx *x = ctx_;
	cloudacct_money_tx t;
	zval row, detail;
	(void) c;

	if (cloudacct_money_tx_begin(&t, x->s, x->a, x->client_id) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_ZSTR(x->key) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id, client_id, amount_fen FROM {payment} WHERE uniacid = ?"
			" AND channel = 'adjustment' AND external_id = ? FOR UPDATE", q, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) == IS_ARRAY) {
		bool same = cloudacct_money_long(&row, "client_id") == x->client_id
			&& cloudacct_money_long(&row, "amount_fen") == x->amount;
		x->payment_id = cloudacct_money_long(&row, "id");
		zval_ptr_dtor(&row);
		if (!same) {
			cloudacct_throw_conflict("这个幂等键已用于另一笔调整 (key already used for another credit note)");
			return FAILURE;
		}
		return SUCCESS;
	}
	cloudacct_money_new_payment np = { .channel = "adjustment", .external_id = x->key, .kind = "adjustment",
		.amount = x->amount, .method = "", .target_kind = "", .note = x->reason, .paid_at = t.now, .receipt = false };
	if (cloudacct_money_payment_insert(&t, &np, &x->payment_id, NULL) == FAILURE || cloudacct_money_tx_finish(&t) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "client_id", x->client_id);
	add_assoc_long(&detail, "amount_fen", x->amount);
	add_assoc_str(&detail, "reason", zend_string_copy(x->reason));
	zend_result rc = cloudacct_money_audit(x->s, x->a, "credit_note", "payment", x->payment_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_Ledger_Accounts, credit)
{
	zval *zactor, *z_amount;
	cloudacct_actor a;
	credit_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(5, 5)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(x.client_id)
		Z_PARAM_ZVAL(z_amount)
		Z_PARAM_STR(x.reason)
		Z_PARAM_STR(x.key)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(x.client_id, 2) || !cloudacct_money_require_admin(&a)
			|| !cloudacct_money_arg_amount(z_amount, 3, "amount_fen", &x.amount)
			|| !cloudacct_money_check_text(x.reason, "reason", "调整原因", 1, 200)
			|| !cloudacct_money_check_ref(x.key, "key", "幂等键", 64)
			|| cloudacct_money_authorize(s, &a, x.client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	if (cloudacct_db_transaction(s->db, credit_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.payment_id);
}

/* ---- reversals ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long entry_id;
	zend_string *reason;
	zend_long reversal_id;
} reverse_ctx;

static bool kind_is(zval *row, const char *kind)
{
	size_t len;
	const char *k = cloudacct_money_str(row, "kind", &len);
	return len == strlen(kind) && memcmp(k, kind, len) == 0;
}

/* A payment (or credit note) recorded by mistake: its bills reopen, the money leaves the account. */
static zend_result reverse_payment(cloudacct_money_tx *t, zend_long payment_id, const char *memo, zend_long *rid)
{
	zval pay, orders;
	size_t len;

	if (CLOUDACCT_MONEY_ROW(t->s, "SELECT status, amount_fen, refunded_fen FROM {payment} WHERE uniacid = ? AND id = ?"
			" FOR UPDATE", payment_id, "收款", &pay) == FAILURE) {
		return FAILURE;
	}
	const char *status = cloudacct_money_str(&pay, "status", &len);
	bool posted = len == 6 && memcmp(status, "posted", 6) == 0;
	zend_long amount = cloudacct_money_long(&pay, "amount_fen");
	zend_long refunded = cloudacct_money_long(&pay, "refunded_fen");
	zval_ptr_dtor(&pay);
	if (!posted) {
		cloudacct_throw_invalid_transition("reversed", "该收款已冲销 (payment %ld is already reversed)", (long) payment_id);
		return FAILURE;
	}
	if (refunded > 0) {
		cloudacct_throw_invalid_transition("refunded", "该收款已有退款，不能冲销 (payment %ld has refunds)", (long) payment_id);
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(t->client_id),
		CLOUDACCT_PARAM_LONG(payment_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT COALESCE(SUM(amount_fen), 0) FROM {allocation} WHERE uniacid = ?"
			" AND client_id = ? AND payment_id = ? AND order_id > 0", p, 3, CLOUDACCT_FETCH_VALUE, &orders) == FAILURE) {
		return FAILURE;
	}
	if (zval_get_long(&orders) != 0) {
		zval_ptr_dtor(&orders);
		cloudacct_throw_invalid_transition("order_paid", "订单款项不能冲销，请办理退款 (order payments are refunded, not reversed)");
		return FAILURE;
	}
	zval_ptr_dtor(&orders);
	if (cloudacct_money_deallocate(t, payment_id, 0) == FAILURE
			|| cloudacct_money_reverse(t, t->reversing_entry, memo, rid, NULL) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(payment_id) };
	if (CLOUDACCT_DB_RUN(t->s->db, "UPDATE {payment} SET status = 'reversed' WHERE uniacid = ? AND id = ?", u, 2,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	t->credit -= amount; /* all of it was unapplied after the deallocation */
	return SUCCESS;
}

static zend_result reverse_body(cloudacct_connection *c, void *ctx_)
{
	reverse_ctx *x = ctx_;
	cloudacct_money_tx t;
	zval entry, detail;
	char memo[400];
	zend_result rc;
	(void) c;

	if (CLOUDACCT_MONEY_ROW(x->s, "SELECT id, client_id, kind, amount_fen, bill_id, order_id, payment_id, refund_id"
			" FROM {ledger_entry} WHERE uniacid = ? AND id = ?", x->entry_id, "账目", &entry) == FAILURE) {
		return FAILURE;
	}
	zend_long client_id = cloudacct_money_long(&entry, "client_id");
	if (cloudacct_money_authorize(x->s, x->a, client_id, NULL) == FAILURE
			|| cloudacct_money_tx_begin(&t, x->s, x->a, client_id) == FAILURE) {
		zval_ptr_dtor(&entry);
		return FAILURE;
	}
	snprintf(memo, sizeof(memo), "冲销 #%ld：%s", (long) x->entry_id, ZSTR_VAL(x->reason));
	zend_long bill_id = cloudacct_money_long(&entry, "bill_id");
	if (cloudacct_money_long(&entry, "order_id") > 0 || kind_is(&entry, "refund")) {
		cloudacct_throw_invalid_transition(kind_is(&entry, "refund") ? "refund" : "order",
			"订单和退款账目不能在这里冲销 (order and refund entries are not reversed by hand)");
		rc = FAILURE;
	} else if (kind_is(&entry, "charge") && bill_id > 0) {
		zval bill;
		rc = CLOUDACCT_MONEY_ROW(x->s, "SELECT status FROM {bill} WHERE uniacid = ? AND id = ? FOR UPDATE", bill_id, "账单",
			&bill);
		if (rc == SUCCESS) {
			size_t len;
			const char *st = cloudacct_money_str(&bill, "status", &len);
			bool is_void = len == 4 && memcmp(st, "void", 4) == 0;
			zval_ptr_dtor(&bill);
			if (is_void) {
				cloudacct_throw_invalid_transition("void", "账单已作废 (bill %ld is already void)", (long) bill_id);
				rc = FAILURE;
			} else {
				rc = cloudacct_money_void_bill(&t, bill_id, memo);
			}
		}
		if (rc == SUCCESS) {
			/* void_bill posted the reversal of this charge: report it */
			zval v;
			cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->entry_id) };
			rc = CLOUDACCT_DB_RUN(x->s->db, "SELECT id FROM {ledger_entry} WHERE uniacid = ? AND reverses_id = ?", q, 2,
				CLOUDACCT_FETCH_VALUE, &v);
			x->reversal_id = rc == SUCCESS ? zval_get_long(&v) : 0;
		}
	} else if (kind_is(&entry, "waiver") && bill_id > 0) {
		rc = cloudacct_money_reverse(&t, x->entry_id, memo, &x->reversal_id, NULL);
		if (rc == SUCCESS) {
			rc = cloudacct_money_bill_change(&t, bill_id, 0, cloudacct_money_long(&entry, "amount_fen"), false);
		}
	} else if ((kind_is(&entry, "payment") || kind_is(&entry, "adjustment")) && cloudacct_money_long(&entry, "payment_id") > 0) {
		t.reversing_entry = x->entry_id;
		rc = reverse_payment(&t, cloudacct_money_long(&entry, "payment_id"), memo, &x->reversal_id);
	} else if (kind_is(&entry, "reversal")) {
		cloudacct_throw_invalid_transition("reversal", "冲销记录不能再冲销 (a reversal cannot be reversed)");
		rc = FAILURE;
	} else {
		cloudacct_throw_invalid_transition("unsupported", "这类账目不能冲销 (this entry cannot be reversed)");
		rc = FAILURE;
	}
	zval_ptr_dtor(&entry);
	if (rc == FAILURE || cloudacct_money_tx_finish(&t) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "entry_id", x->entry_id);
	add_assoc_str(&detail, "reason", zend_string_copy(x->reason));
	rc = cloudacct_money_audit(x->s, x->a, "entry_reverse", "ledger_entry", x->reversal_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_Ledger_Accounts, reverse)
{
	zval *zactor;
	cloudacct_actor a;
	reverse_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(x.entry_id)
		Z_PARAM_STR(x.reason)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(x.entry_id, 2) || !cloudacct_money_require_admin(&a)
			|| !cloudacct_money_check_text(x.reason, "reason", "冲销原因", 1, 200)) {
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	if (cloudacct_db_transaction(s->db, reverse_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.reversal_id);
}

/* ---- reconcile ---- */

typedef struct {
	const char *check;
	const char *sql; /* selects id, expected, actual; params: uniacid, client (0 = all), client */
} recon_check;

/* Each check lists what disagrees; "? = 0 OR … = ?" lets one text serve one client or all. */
static const recon_check recon_checks[] = {
	{ "balance_vs_entries",
		"SELECT cb.client_id AS id, COALESCE(SUM(e.amount_fen), 0) AS expected, cb.balance_fen AS actual"
		" FROM {client_balance} cb LEFT JOIN {ledger_entry} e ON e.uniacid = cb.uniacid AND e.client_id = cb.client_id"
		" WHERE cb.uniacid = ? AND (? = 0 OR cb.client_id = ?) GROUP BY cb.client_id, cb.balance_fen, cb.entries"
		" HAVING cb.balance_fen <> COALESCE(SUM(e.amount_fen), 0) OR cb.entries <> COUNT(e.id)" },
	{ "entries_without_summary",
		"SELECT e.client_id AS id, SUM(e.amount_fen) AS expected, 0 AS actual FROM {ledger_entry} e"
		" LEFT JOIN {client_balance} cb ON cb.uniacid = e.uniacid AND cb.client_id = e.client_id"
		" WHERE e.uniacid = ? AND (? = 0 OR e.client_id = ?) AND cb.client_id IS NULL GROUP BY e.client_id" },
	{ "credit_vs_payments",
		"SELECT cb.client_id AS id, COALESCE(SUM(p.amount_fen - p.allocated_fen - p.refunded_fen), 0) AS expected,"
		" cb.credit_fen AS actual FROM {client_balance} cb LEFT JOIN {payment} p ON p.uniacid = cb.uniacid"
		" AND p.client_id = cb.client_id AND p.status = 'posted' WHERE cb.uniacid = ? AND (? = 0 OR cb.client_id = ?)"
		" GROUP BY cb.client_id, cb.credit_fen HAVING cb.credit_fen <> COALESCE(SUM(p.amount_fen - p.allocated_fen"
		" - p.refunded_fen), 0)" },
	{ "outstanding_vs_bills",
		"SELECT cb.client_id AS id, COALESCE(SUM(b.amount_fen - b.paid_fen - b.waived_fen), 0) AS expected,"
		" cb.outstanding_fen AS actual FROM {client_balance} cb LEFT JOIN {bill} b ON b.uniacid = cb.uniacid"
		" AND b.client_id = cb.client_id AND b.status = 'open' WHERE cb.uniacid = ? AND (? = 0 OR cb.client_id = ?)"
		" GROUP BY cb.client_id, cb.outstanding_fen, cb.open_bills, cb.oldest_open_due"
		" HAVING cb.outstanding_fen <> COALESCE(SUM(b.amount_fen - b.paid_fen - b.waived_fen), 0)"
		" OR cb.open_bills <> COUNT(b.id) OR cb.oldest_open_due <> COALESCE(MIN(b.due_date), 0)" },
	{ "balance_is_outstanding_minus_credit",
		"SELECT client_id AS id, outstanding_fen - credit_fen AS expected, balance_fen AS actual FROM {client_balance}"
		" WHERE uniacid = ? AND (? = 0 OR client_id = ?) AND balance_fen <> outstanding_fen - credit_fen" },
	{ "bill_paid_vs_allocations",
		"SELECT b.id, COALESCE(SUM(a.amount_fen), 0) AS expected, b.paid_fen AS actual FROM {bill} b"
		" LEFT JOIN {allocation} a ON a.uniacid = b.uniacid AND a.client_id = b.client_id AND a.bill_id = b.id"
		" WHERE b.uniacid = ? AND (? = 0 OR b.client_id = ?) GROUP BY b.id, b.paid_fen"
		" HAVING b.paid_fen <> COALESCE(SUM(a.amount_fen), 0)" },
	{ "bill_amount_vs_entries",
		"SELECT b.id, IF(b.status = 'void', 0, b.amount_fen - b.waived_fen) AS expected,"
		" COALESCE(SUM(e.amount_fen), 0) AS actual FROM {bill} b LEFT JOIN {ledger_entry} e ON e.uniacid = b.uniacid"
		" AND e.client_id = b.client_id AND e.bill_id = b.id WHERE b.uniacid = ? AND (? = 0 OR b.client_id = ?)"
		" GROUP BY b.id, b.status, b.amount_fen, b.waived_fen"
		" HAVING IF(b.status = 'void', 0, b.amount_fen - b.waived_fen) <> COALESCE(SUM(e.amount_fen), 0)" },
	{ "bill_status_vs_amounts",
		"SELECT id, amount_fen - paid_fen - waived_fen AS expected, 0 AS actual FROM {bill}"
		" WHERE uniacid = ? AND (? = 0 OR client_id = ?) AND status <> 'void'"
		" AND ((status = 'open') <> (amount_fen - paid_fen - waived_fen > 0) OR paid_fen < 0 OR waived_fen < 0"
		" OR paid_fen + waived_fen > amount_fen)" },
	{ "payment_allocated_vs_allocations",
		"SELECT p.id, COALESCE(SUM(a.amount_fen), 0) AS expected, p.allocated_fen AS actual FROM {payment} p"
		" LEFT JOIN {allocation} a ON a.uniacid = p.uniacid AND a.client_id = p.client_id AND a.payment_id = p.id"
		" WHERE p.uniacid = ? AND (? = 0 OR p.client_id = ?) GROUP BY p.id, p.allocated_fen"
		" HAVING p.allocated_fen <> COALESCE(SUM(a.amount_fen), 0)" },
	{ "payment_within_amount",
		"SELECT id, amount_fen AS expected, allocated_fen + refunded_fen AS actual FROM {payment}"
		" WHERE uniacid = ? AND (? = 0 OR client_id = ?) AND (allocated_fen < 0 OR refunded_fen < 0"
		" OR allocated_fen + refunded_fen > amount_fen OR (status = 'reversed' AND allocated_fen <> 0))" },
};

ZEND_METHOD(CloudAcct_Ledger_Accounts, reconcile)
{
	zval *zactor, mismatches, clients, *row;
	zend_long client_id = 0;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(client_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_admin_or_system(&a)) {
		RETURN_THROWS();
	}
	if (client_id < 0) {
		zend_argument_value_error(2, "must be greater than or equal to 0");
		RETURN_THROWS();
	}
	if (client_id > 0 && cloudacct_money_authorize(s, &a, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id),
		CLOUDACCT_PARAM_LONG(client_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT COUNT(*) FROM {client_balance} WHERE uniacid = ? AND (? = 0 OR client_id = ?)",
			p, 3, CLOUDACCT_FETCH_VALUE, &clients) == FAILURE) {
		RETURN_THROWS();
	}
	array_init(&mismatches);
	for (size_t i = 0; i < sizeof(recon_checks) / sizeof(recon_checks[0]); i++) {
		zval rows;
		if (cloudacct_db_run(s->db, recon_checks[i].sql, strlen(recon_checks[i].sql), p, 3, CLOUDACCT_FETCH_ALL, &rows)
				== FAILURE) {
			zval_ptr_dtor(&mismatches);
			RETURN_THROWS();
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			zval m;
			array_init_size(&m, 4);
			add_assoc_string(&m, "check", (char *) recon_checks[i].check);
			add_assoc_long(&m, "id", cloudacct_money_long(row, "id"));
			add_assoc_long(&m, "expected", zval_get_long(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("expected"))));
			add_assoc_long(&m, "actual", zval_get_long(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("actual"))));
			add_next_index_zval(&mismatches, &m);
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&rows);
	}
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "clients", zval_get_long(&clients));
	add_assoc_zval(return_value, "mismatches", &mismatches);
}
