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
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE
			|| cloudacct_money_collect_payment(t->s, payment_id, -1) == FAILURE) {
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

/* ---- reconcile ----
 *
 * Every check compares single-table aggregates in C, batch by batch of client ids (an index range
 * in every table), so the work is linear, the memory bounded, and no join plan can go wrong on
 * stale statistics. */


typedef struct {
	zval *mismatches;
} recon;

static void mismatch(recon *r, const char *check, zend_long id, zend_long expected, zend_long actual)
{
	zval m;
	array_init_size(&m, 4);
	add_assoc_string(&m, "check", (char *) check);
	add_assoc_long(&m, "id", id);
	add_assoc_long(&m, "expected", expected);
	add_assoc_long(&m, "actual", actual);
	add_next_index_zval(r->mismatches, &m);
}

/* Sums column sum_key of rows into a hash keyed by column id_key (several rows may share an id). */
static void sum_by(zval *rows, const char *id_key, const char *sum_key, HashTable *out)
{
	zval *row;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rows), row) {
		zend_long id = cloudacct_money_long(row, id_key);
		zval *cur = zend_hash_index_find(out, (zend_ulong) id);
		if (cur) {
			ZVAL_LONG(cur, Z_LVAL_P(cur) + cloudacct_money_long(row, sum_key));
		} else {
			zval v;
			ZVAL_LONG(&v, cloudacct_money_long(row, sum_key));
			zend_hash_index_add_new(out, (zend_ulong) id, &v);
		}
	} ZEND_HASH_FOREACH_END();
}

static zend_long sum_of(HashTable *h, zend_long id)
{
	zval *v = zend_hash_index_find(h, (zend_ulong) id);
	return v ? Z_LVAL_P(v) : 0;
}

typedef struct {
	zval summary, ledger, ledger_bills, bills, allocs, pays;
} recon_rows;

static zend_result recon_load(cloudacct_store *s, zend_long lo, zend_long hi, recon_rows *q)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(lo), CLOUDACCT_PARAM_LONG(hi) };

	ZVAL_UNDEF(&q->summary); ZVAL_UNDEF(&q->ledger); ZVAL_UNDEF(&q->ledger_bills);
	ZVAL_UNDEF(&q->bills); ZVAL_UNDEF(&q->allocs); ZVAL_UNDEF(&q->pays);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT client_id, balance_fen, outstanding_fen, credit_fen, open_bills, oldest_open_due,"
			" entries FROM {client_balance} WHERE uniacid = ? AND client_id BETWEEN ? AND ?", p, 3, CLOUDACCT_FETCH_ALL,
			&q->summary) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT client_id, SUM(amount_fen) AS amount, COUNT(*) AS n FROM {ledger_entry}"
				" WHERE uniacid = ? AND client_id BETWEEN ? AND ? GROUP BY client_id", p, 3, CLOUDACCT_FETCH_ALL, &q->ledger) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT bill_id, SUM(amount_fen) AS amount FROM {ledger_entry} WHERE uniacid = ?"
				" AND client_id BETWEEN ? AND ? AND bill_id > 0 GROUP BY bill_id", p, 3, CLOUDACCT_FETCH_ALL,
				&q->ledger_bills) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT id, client_id, amount_fen, paid_fen, waived_fen, status, due_date FROM {bill}"
				" WHERE uniacid = ? AND client_id BETWEEN ? AND ?", p, 3, CLOUDACCT_FETCH_ALL, &q->bills) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT payment_id, bill_id, SUM(amount_fen) AS amount FROM {allocation}"
				" WHERE uniacid = ? AND client_id BETWEEN ? AND ? GROUP BY payment_id, bill_id", p, 3, CLOUDACCT_FETCH_ALL,
				&q->allocs) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT id, client_id, amount_fen, allocated_fen, refunded_fen, status FROM {payment}"
				" WHERE uniacid = ? AND client_id BETWEEN ? AND ?", p, 3, CLOUDACCT_FETCH_ALL, &q->pays) == FAILURE) {
		return FAILURE;
	}
	return SUCCESS;
}

static void recon_free(recon_rows *q)
{
	zval_ptr_dtor(&q->summary);
	zval_ptr_dtor(&q->ledger);
	zval_ptr_dtor(&q->ledger_bills);
	zval_ptr_dtor(&q->bills);
	zval_ptr_dtor(&q->allocs);
	zval_ptr_dtor(&q->pays);
}

/* Bills against their allocations and their ledger entries; fills the per-client open aggregates. */
static void recon_bills(recon *r, recon_rows *q, HashTable *open_sum, HashTable *open_n, HashTable *open_min)
{
	HashTable by_bill, ledger_bill;
	zval *row;

	zend_hash_init(&by_bill, 64, NULL, NULL, 0);
	zend_hash_init(&ledger_bill, 64, NULL, NULL, 0);
	sum_by(&q->allocs, "bill_id", "amount", &by_bill);
	sum_by(&q->ledger_bills, "bill_id", "amount", &ledger_bill);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(q->bills), row) {
		size_t len;
		const char *st = cloudacct_money_str(row, "status", &len);
		bool is_void = len == 4 && memcmp(st, "void", 4) == 0, is_open = len == 4 && memcmp(st, "open", 4) == 0;
		zend_long id = cloudacct_money_long(row, "id"), client = cloudacct_money_long(row, "client_id");
		zend_long amount = cloudacct_money_long(row, "amount_fen"), paid = cloudacct_money_long(row, "paid_fen");
		zend_long waived = cloudacct_money_long(row, "waived_fen"), owed = amount - paid - waived;
		if (paid != sum_of(&by_bill, id)) {
			mismatch(r, "bill_paid_vs_allocations", id, sum_of(&by_bill, id), paid);
		}
		if ((is_void ? 0 : amount - waived) != sum_of(&ledger_bill, id)) {
			mismatch(r, "bill_amount_vs_entries", id, is_void ? 0 : amount - waived, sum_of(&ledger_bill, id));
		}
		if (!is_void && (is_open != (owed > 0) || paid < 0 || waived < 0 || owed < 0)) {
			mismatch(r, "bill_status_vs_amounts", id, owed, 0);
		}
		if (is_open) {
			zval v, *cur;
			ZVAL_LONG(&v, owed);
			if ((cur = zend_hash_index_find(open_sum, (zend_ulong) client))) {
				ZVAL_LONG(cur, Z_LVAL_P(cur) + owed);
				cur = zend_hash_index_find(open_n, (zend_ulong) client);
				ZVAL_LONG(cur, Z_LVAL_P(cur) + 1);
				cur = zend_hash_index_find(open_min, (zend_ulong) client);
				ZVAL_LONG(cur, MIN(Z_LVAL_P(cur), cloudacct_money_long(row, "due_date")));
			} else {
				zend_hash_index_add_new(open_sum, (zend_ulong) client, &v);
				ZVAL_LONG(&v, 1);
				zend_hash_index_add_new(open_n, (zend_ulong) client, &v);
				ZVAL_LONG(&v, cloudacct_money_long(row, "due_date"));
				zend_hash_index_add_new(open_min, (zend_ulong) client, &v);
			}
		}
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&by_bill);
	zend_hash_destroy(&ledger_bill);
}

/* Payments against their allocations; fills the per-client unapplied credit. */
static void recon_payments(recon *r, recon_rows *q, HashTable *credit)
{
	HashTable by_pay;
	zval *row;

	zend_hash_init(&by_pay, 64, NULL, NULL, 0);
	sum_by(&q->allocs, "payment_id", "amount", &by_pay);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(q->pays), row) {
		size_t len;
		const char *st = cloudacct_money_str(row, "status", &len);
		bool posted = len == 6 && memcmp(st, "posted", 6) == 0;
		zend_long id = cloudacct_money_long(row, "id"), client = cloudacct_money_long(row, "client_id");
		zend_long amount = cloudacct_money_long(row, "amount_fen"), allocated = cloudacct_money_long(row, "allocated_fen");
		zend_long refunded = cloudacct_money_long(row, "refunded_fen");
		if (allocated != sum_of(&by_pay, id)) {
			mismatch(r, "payment_allocated_vs_allocations", id, sum_of(&by_pay, id), allocated);
		}
		if (allocated < 0 || refunded < 0 || allocated + refunded > amount || (!posted && allocated != 0)) {
			mismatch(r, "payment_within_amount", id, amount, allocated + refunded);
		}
		if (posted) {
			zval *cur = zend_hash_index_find(credit, (zend_ulong) client);
			if (cur) {
				ZVAL_LONG(cur, Z_LVAL_P(cur) + amount - allocated - refunded);
			} else {
				zval v;
				ZVAL_LONG(&v, amount - allocated - refunded);
				zend_hash_index_add_new(credit, (zend_ulong) client, &v);
			}
		}
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&by_pay);
}

/* Every summary row against the entries, the open bills and the payments of its client. */
static void recon_summary(recon *r, recon_rows *q, HashTable *open_sum, HashTable *open_n, HashTable *open_min,
	HashTable *credit)
{
	HashTable ledger_sum, ledger_n, seen;
	zval *row, *v;
	zend_ulong id;

	zend_hash_init(&ledger_sum, 64, NULL, NULL, 0);
	zend_hash_init(&ledger_n, 64, NULL, NULL, 0);
	zend_hash_init(&seen, 64, NULL, NULL, 0);
	sum_by(&q->ledger, "client_id", "amount", &ledger_sum);
	sum_by(&q->ledger, "client_id", "n", &ledger_n);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(q->summary), row) {
		zend_long c = cloudacct_money_long(row, "client_id");
		zend_long balance = cloudacct_money_long(row, "balance_fen"), out = cloudacct_money_long(row, "outstanding_fen");
		zend_long cr = cloudacct_money_long(row, "credit_fen");
		zval one;
		ZVAL_TRUE(&one);
		zend_hash_index_add(&seen, (zend_ulong) c, &one);
		if (balance != sum_of(&ledger_sum, c) || cloudacct_money_long(row, "entries") != sum_of(&ledger_n, c)) {
			mismatch(r, "balance_vs_entries", c, sum_of(&ledger_sum, c), balance);
		}
		if (cr != sum_of(credit, c)) {
			mismatch(r, "credit_vs_payments", c, sum_of(credit, c), cr);
		}
		if (out != sum_of(open_sum, c) || cloudacct_money_long(row, "open_bills") != sum_of(open_n, c)
				|| cloudacct_money_long(row, "oldest_open_due") != sum_of(open_min, c)) {
			mismatch(r, "outstanding_vs_bills", c, sum_of(open_sum, c), out);
		}
		if (balance != out - cr) {
			mismatch(r, "balance_is_outstanding_minus_credit", c, out - cr, balance);
		}
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_NUM_KEY_VAL(&ledger_sum, id, v) {
		if (!zend_hash_index_exists(&seen, id)) {
			mismatch(r, "entries_without_summary", (zend_long) id, Z_LVAL_P(v), 0);
		}
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&ledger_sum);
	zend_hash_destroy(&ledger_n);
	zend_hash_destroy(&seen);
}

static zend_result recon_batch(cloudacct_store *s, recon *r, zend_long lo, zend_long hi)
{
	recon_rows q;
	HashTable open_sum, open_n, open_min, credit;

	if (recon_load(s, lo, hi, &q) == FAILURE) {
		recon_free(&q);
		return FAILURE;
	}
	zend_hash_init(&open_sum, 64, NULL, NULL, 0);
	zend_hash_init(&open_n, 64, NULL, NULL, 0);
	zend_hash_init(&open_min, 64, NULL, NULL, 0);
	zend_hash_init(&credit, 64, NULL, NULL, 0);
	recon_bills(r, &q, &open_sum, &open_n, &open_min);
	recon_payments(r, &q, &credit);
	recon_summary(r, &q, &open_sum, &open_n, &open_min, &credit);
	zend_hash_destroy(&open_sum);
	zend_hash_destroy(&open_n);
	zend_hash_destroy(&open_min);
	zend_hash_destroy(&credit);
	recon_free(&q);
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Ledger_Accounts, reconcile)
{
	zval *zactor, mismatches, clients;
	zend_long client_id = 0;
	cloudacct_actor a;
	recon r = { &mismatches };

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
	array_init(&mismatches);
	if (client_id > 0) {
		if (recon_batch(s, &r, client_id, client_id) == FAILURE) {
			zval_ptr_dtor(&mismatches);
			RETURN_THROWS();
		}
	} else {
		/* Batches of client ids, from every table that names a client (the people table is the
		 * index of them all). */
		zend_long cursor = 0;
		for (;;) {
			zval ids, *last;
			cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(cursor) };
			if (CLOUDACCT_DB_RUN(s->db, "SELECT id FROM {client} WHERE uniacid = ? AND id > ? ORDER BY id LIMIT 200", p, 2,
					CLOUDACCT_FETCH_ALL, &ids) == FAILURE) {
				zval_ptr_dtor(&mismatches);
				RETURN_THROWS();
			}
			uint32_t n = zend_hash_num_elements(Z_ARRVAL(ids));
			if (n == 0) {
				zval_ptr_dtor(&ids);
				break;
			}
			last = zend_hash_index_find(Z_ARRVAL(ids), n - 1);
			zend_long hi = cloudacct_money_long(last, "id");
			zval_ptr_dtor(&ids);
			if (recon_batch(s, &r, cursor + 1, hi) == FAILURE) {
				zval_ptr_dtor(&mismatches);
				RETURN_THROWS();
			}
			cursor = hi;
		}
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id),
		CLOUDACCT_PARAM_LONG(client_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT COUNT(*) FROM {client_balance} WHERE uniacid = ? AND (? = 0 OR client_id = ?)",
			p, 3, CLOUDACCT_FETCH_VALUE, &clients) == FAILURE) {
		zval_ptr_dtor(&mismatches);
		RETURN_THROWS();
	}
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "clients", zval_get_long(&clients));
	add_assoc_zval(return_value, "mismatches", &mismatches);
}
