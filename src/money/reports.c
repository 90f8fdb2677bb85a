/* CloudAcct\Ledger\Reports: the arrears list (from the per-client summary, never the ledger),
 * collections by month, and their CSV exports. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "money_int.h"
#include "money.h"
#include "../common/errors.h"
#include "../core/ledger.h"
#include "../core/money.h"
#include "../core/calendar.h"
#include "../core/csv.h"

#define CSV_MAX_ROWS 100000
#define CSV_PAGE 500

ZEND_METHOD(CloudAcct_Ledger_Reports, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

/* ---- arrears ---- */

typedef struct {
	zend_long store_id, accountant_id;
	int32_t due_min, due_max; /* oldest open due date range; due_min >= 1 */
} arrears_filter;

static bool read_arrears_filter(HashTable *filter, arrears_filter *f)
{
	static const char *const keys[] = { "store_id", "accountant_id", "aging", NULL };
	zend_string *aging = NULL;
	cloudacct_aging_bucket b;
	int32_t today = cloudacct_money_today();

	f->due_min = 1;
	f->due_max = CLOUDACCT_DATE_MAX;
	if (!cloudacct_money_opt_known(filter, keys, "筛选条件") || !cloudacct_money_opt_long(filter, "store_id", 0, &f->store_id)
			|| !cloudacct_money_opt_long(filter, "accountant_id", 0, &f->accountant_id)
			|| !cloudacct_money_opt_str(filter, "aging", &aging)) {
		return false;
	}
	if (!aging) {
		return true;
	}
	if (zend_string_equals_literal(aging, "overdue")) {
		f->due_max = cloudacct_date_add_days(today, -1);
		return true;
	}
	if (!cloudacct_aging_parse(ZSTR_VAL(aging), ZSTR_LEN(aging), &b) || !cloudacct_aging_due_range(b, today, &f->due_min, &f->due_max)) {
		cloudacct_throw_validation("aging", "账龄只能是 not_due、1_30、31_60、61_90、90_plus 或 overdue (aging)");
		return false;
	}
	if (f->due_min < 1) {
		f->due_min = 1;
	}
	return true;
}

/* The WHERE clause and its parameters, on the summary alone (alias b = client_balance): the summary
 * carries the company's store and accountant (migration 12), so the store and accountant filters
 * and the actor's scope are conditions of its indexes idx_arrears_store / idx_arrears_accountant
 * (uniacid, store or accountant, oldest_open_due) — an index range of the owing companies they
 * show, never a join to every company of a store. */
static zend_result arrears_where(cloudacct_store *s, const cloudacct_actor *a, arrears_filter *f, smart_str *where,
	cloudacct_param *p, uint32_t *n)
{
	p[(*n)++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	p[(*n)++] = CLOUDACCT_PARAM_LONG(f->due_min);
	p[(*n)++] = CLOUDACCT_PARAM_LONG(f->due_max);
	if (cloudacct_money_scope_on(s, a, false, "b.store_id", "b.accountant_id", "b.client_id", where, p, n) == FAILURE) {
		return FAILURE;
	}
	if (f->store_id) {
		smart_str_appends(where, " AND b.store_id = ?");
		p[(*n)++] = CLOUDACCT_PARAM_LONG(f->store_id);
	}
	if (f->accountant_id) {
		smart_str_appends(where, " AND b.accountant_id = ?");
		p[(*n)++] = CLOUDACCT_PARAM_LONG(f->accountant_id);
	}
	smart_str_0(where);
	return SUCCESS;
}

#define ARREARS_WHERE " WHERE b.uniacid = ? AND b.oldest_open_due BETWEEN ? AND ?"

/* The FROM and WHERE of an aggregate over the arrears rows: the summary alone (with no condition
 * but the due range, the count reads idx_arrears only). */
static void arrears_aggregate_from(smart_str *sql, const char *w)
{
	smart_str_append_printf(sql, " FROM {client_balance} b" ARREARS_WHERE "%s", w);
}

/* Adds overdue_fen and the aging buckets to each row, from the open bills of the page's clients. */
static zend_result add_buckets(cloudacct_store *s, zval *items)
{
	smart_str sql = {0};
	cloudacct_param *p;
	zval rows, *row, *item;
	uint32_t n = 0, count = zend_hash_num_elements(Z_ARRVAL_P(items));
	int32_t today = cloudacct_money_today();

	if (count == 0) {
		return SUCCESS;
	}
	p = safe_emalloc(count + 1, sizeof(*p), 0);
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	smart_str_appends(&sql, "SELECT client_id, due_date, amount_fen - paid_fen - waived_fen AS owed FROM {bill}"
		" WHERE uniacid = ? AND status = 'open' AND client_id IN (");
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(items), item) {
		smart_str_appends(&sql, n > 1 ? ", ?" : "?");
		p[n++] = CLOUDACCT_PARAM_LONG(cloudacct_money_long(item, "client_id"));
	} ZEND_HASH_FOREACH_END();
	smart_str_appendc(&sql, ')');
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, &rows);
	smart_str_free(&sql);
	efree(p);
	if (rc == FAILURE) {
		return FAILURE;
	}
	SEPARATE_ARRAY(items);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(items), item) {
		zend_long sums[CLOUDACCT_AGING_COUNT] = { 0 }, overdue = 0, id = cloudacct_money_long(item, "client_id");
		zval buckets;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			if (cloudacct_money_long(row, "client_id") == id) {
				int32_t days = cloudacct_days_overdue((int32_t) cloudacct_money_long(row, "due_date"), today);
				sums[cloudacct_aging_of(days < 0 ? 0 : days)] += cloudacct_money_long(row, "owed");
			}
		} ZEND_HASH_FOREACH_END();
		array_init_size(&buckets, CLOUDACCT_AGING_COUNT);
		for (unsigned i = 0; i < CLOUDACCT_AGING_COUNT; i++) {
			add_assoc_long(&buckets, cloudacct_aging_name((cloudacct_aging_bucket) i), sums[i]);
			overdue += i == CLOUDACCT_AGING_NOT_DUE ? 0 : sums[i];
		}
		int32_t oldest = (int32_t) cloudacct_money_long(item, "oldest_open_due");
		int32_t days = cloudacct_days_overdue(oldest, today);
		SEPARATE_ARRAY(item);
		add_assoc_long(item, "overdue_fen", overdue);
		add_assoc_long(item, "days_overdue", days < 0 ? 0 : days);
		add_assoc_string(item, "aging_bucket", (char *) cloudacct_aging_name(cloudacct_aging_of(days < 0 ? 0 : days)));
		add_assoc_zval(item, "aging", &buckets);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return SUCCESS;
}

/* One page of the arrears list (count too when total is given). */
static zend_result arrears_page(cloudacct_store *s, const cloudacct_actor *a, arrears_filter *f, zend_long page,
	zend_long per_page, zval *total, zval *items)
{
	smart_str where = {0}, sql = {0};
	cloudacct_param p[16];
	uint32_t n = 0;
	zend_result rc;
	static const char *const periods[] = { "paid_through", NULL };
	static const char *const dates[] = { "oldest_open_due_date", NULL };

	if (arrears_where(s, a, f, &where, p, &n) == FAILURE) {
		smart_str_free(&where);
		return FAILURE;
	}
	const char *w = where.s ? ZSTR_VAL(where.s) : "";
	rc = SUCCESS;
	if (total) {
		smart_str_appends(&sql, "SELECT COUNT(*)");
		arrears_aggregate_from(&sql, w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_VALUE, total);
		smart_str_free(&sql);
	}
	if (rc == SUCCESS) {
		p[n++] = CLOUDACCT_PARAM_LONG(per_page);
		p[n++] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
		smart_str_append_printf(&sql, "SELECT b.client_id, c.name, c.store_id, c.accountant_id,"
			" (SELECT st.name FROM {store} st WHERE st.id = c.store_id AND st.uniacid = c.uniacid) AS store_name,"
			" (SELECT sf.name FROM {staff} sf WHERE sf.id = c.accountant_id AND sf.uniacid = c.uniacid) AS accountant_name,"
			" b.balance_fen, b.outstanding_fen, b.credit_fen, b.open_bills, b.oldest_open_due,"
			" b.oldest_open_due AS oldest_open_due_date, b.paid_through, b.last_reminded_at"
			" FROM {client_balance} b JOIN {client} c ON c.id = b.client_id AND c.uniacid = b.uniacid" ARREARS_WHERE "%s"
			" ORDER BY b.oldest_open_due, b.client_id LIMIT ? OFFSET ?", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, items);
		smart_str_free(&sql);
	}
	smart_str_free(&where);
	if (rc == FAILURE) {
		return FAILURE;
	}
	if (add_buckets(s, items) == FAILURE) {
		zval_ptr_dtor(items);
		return FAILURE;
	}
	cloudacct_money_format_rows(items, periods, dates);
	return SUCCESS;
}

static bool arrears_actor(const cloudacct_actor *a)
{
	if (a->kind != CLOUDACCT_ACTOR_ADMIN && a->kind != CLOUDACCT_ACTOR_STAFF) {
		cloudacct_throw_forbidden("只有管理员和员工可以查看欠费报表 (admins and staff only)");
		return false;
	}
	return true;
}

ZEND_METHOD(CloudAcct_Ledger_Reports, arrears)
{
	zval *zactor, total, items;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor a;
	arrears_filter f = { 0 };

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_page(page, per_page, 3) || !arrears_actor(&a) || !read_arrears_filter(filter, &f)
			|| arrears_page(s, &a, &f, page, per_page, &total, &items) == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", zval_get_long(&total));
	add_assoc_zval(return_value, "items", &items);
}

/* ---- collections ---- */

/* {collect_month}: money in and out per (month, store of the client, channel), the same sums as
 * the report's query over {payment} and {refund}, kept in the transaction of every change (the
 * client row is read with a shared lock, so a concurrent store change waits or is waited for). */
#define COLLECT_UPSERT \
	" ON DUPLICATE KEY UPDATE {collect_month}.payments = {collect_month}.payments + VALUES(payments)," \
	" {collect_month}.received_fen = {collect_month}.received_fen + VALUES(received_fen)," \
	" {collect_month}.refunded_fen = {collect_month}.refunded_fen + VALUES(refunded_fen)"

zend_result cloudacct_money_collect_payment(cloudacct_store *s, zend_long payment_id, zend_long sign)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(sign), CLOUDACCT_PARAM_LONG(sign), CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(payment_id) };
	return CLOUDACCT_DB_RUN(s->db, "INSERT INTO {collect_month} (uniacid, period, store_id, channel, payments, received_fen,"
		" refunded_fen) SELECT x.uniacid, x.period, c.store_id, x.channel, ?, ? * x.amount_fen, 0"
		" FROM {payment} x JOIN {client} c ON c.id = x.client_id AND c.uniacid = x.uniacid"
		" WHERE x.uniacid = ? AND x.id = ? AND x.channel <> 'adjustment'" COLLECT_UPSERT, p, 4, CLOUDACCT_FETCH_NONE, NULL);
}

zend_result cloudacct_money_collect_refund(cloudacct_store *s, zend_long refund_id)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(refund_id) };
	return CLOUDACCT_DB_RUN(s->db, "INSERT INTO {collect_month} (uniacid, period, store_id, channel, payments, received_fen,"
		" refunded_fen) SELECT x.uniacid, x.period, c.store_id, x.channel, 0, 0, x.amount_fen"
		" FROM {refund} x JOIN {client} c ON c.id = x.client_id AND c.uniacid = x.uniacid"
		" WHERE x.uniacid = ? AND x.id = ? AND x.status = 'succeeded'" COLLECT_UPSERT, p, 2, CLOUDACCT_FETCH_NONE, NULL);
}

zend_result cloudacct_money_client_moved(cloudacct_store *s, zend_long client_id, zend_long from_store, zend_long to_store)
{
	if (from_store == to_store) {
		return SUCCESS;
	}
	for (int k = 0; k < 2; k++) {
		zend_long sign = k == 0 ? -1 : 1;
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(k == 0 ? from_store : to_store), CLOUDACCT_PARAM_LONG(sign),
			CLOUDACCT_PARAM_LONG(sign), CLOUDACCT_PARAM_LONG(sign), CLOUDACCT_PARAM_LONG(s->uniacid),
			CLOUDACCT_PARAM_LONG(client_id), CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };
		if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {collect_month} (uniacid, period, store_id, channel, payments, received_fen,"
				" refunded_fen) SELECT u.uniacid, u.period, ?, u.channel, ? * SUM(u.n), ? * SUM(u.r), ? * SUM(u.f)"
				" FROM (SELECT uniacid, period, channel, 1 AS n, amount_fen AS r, 0 AS f FROM {payment}"
				" WHERE uniacid = ? AND client_id = ? AND status = 'posted' AND channel <> 'adjustment'"
				" UNION ALL SELECT uniacid, period, channel, 0, 0, amount_fen FROM {refund}"
				" WHERE uniacid = ? AND client_id = ? AND status = 'succeeded') u"
				" GROUP BY u.uniacid, u.period, u.channel" COLLECT_UPSERT, p, 8, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
	}
	return SUCCESS;
}

static bool read_range(zend_string *from, zend_string *to, int32_t *a, int32_t *b)
{
	if (!cloudacct_money_parse_period(from, "from", a) || !cloudacct_money_parse_period(to, "to", b)) {
		return false;
	}
	int32_t months = cloudacct_period_diff(*a, *b);
	if (months < 0 || months >= 36) {
		cloudacct_throw_validation("to", "统计区间须在 1 到 36 个月之间，且结束不早于开始 (range: 1..36 months)");
		return false;
	}
	return true;
}

static zend_result collections_rows(cloudacct_store *s, const cloudacct_actor *a, int32_t from, int32_t to, HashTable *filter,
	zval *out)
{
	static const char *const keys[] = { "store_id", "accountant_id", NULL };
	zend_long store_id = 0, accountant_id = 0;
	smart_str where = {0}, sql = {0};
	cloudacct_param p[16];
	uint32_t n = 0;
	zval pays, refunds, *row;
	zend_result rc;

	if (!arrears_actor(a) || !cloudacct_money_opt_known(filter, keys, "筛选条件")
			|| !cloudacct_money_opt_long(filter, "store_id", 0, &store_id)
			|| !cloudacct_money_opt_long(filter, "accountant_id", 0, &accountant_id)) {
		return FAILURE;
	}
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	p[n++] = CLOUDACCT_PARAM_LONG(from);
	p[n++] = CLOUDACCT_PARAM_LONG(to);
	if (cloudacct_money_scope(s, a, false, &where, p, &n) == FAILURE) {
		smart_str_free(&where);
		return FAILURE;
	}
	if (store_id) {
		smart_str_appends(&where, " AND c.store_id = ?");
		p[n++] = CLOUDACCT_PARAM_LONG(store_id);
	}
	if (accountant_id) {
		smart_str_appends(&where, " AND c.accountant_id = ?");
		p[n++] = CLOUDACCT_PARAM_LONG(accountant_id);
	}
	smart_str_0(&where);
	const char *w = where.s ? ZSTR_VAL(where.s) : "";
	if (a->kind != CLOUDACCT_ACTOR_STAFF && accountant_id == 0) {
		/* by store or for the firm: the per-month summary rows, a few per month and store, whatever
		 * the number of payments (the scope and filter conditions name c.store_id) */
		smart_str_append_printf(&sql, "SELECT c.period, c.channel, SUM(c.payments) AS payments, SUM(c.received_fen) AS received_fen,"
			" SUM(c.refunded_fen) AS refunded_fen FROM {collect_month} c WHERE c.uniacid = ? AND c.period BETWEEN ? AND ?%s"
			" GROUP BY c.period, c.channel ORDER BY c.period, c.channel", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, &pays);
		smart_str_free(&sql);
		if (rc == SUCCESS) {
			ZVAL_COPY(&refunds, &pays);
		}
	} else {
		smart_str_append_printf(&sql, "SELECT x.period, x.channel, COUNT(*) AS payments, SUM(x.amount_fen) AS received_fen"
			" FROM {payment} x JOIN {client} c ON c.id = x.client_id AND c.uniacid = x.uniacid"
			" WHERE x.uniacid = ? AND x.period BETWEEN ? AND ? AND x.status = 'posted' AND x.channel <> 'adjustment'%s"
			" GROUP BY x.period, x.channel ORDER BY x.period, x.channel", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, &pays);
		smart_str_free(&sql);
		if (rc == SUCCESS) {
			smart_str_append_printf(&sql, "SELECT x.period, x.channel, SUM(x.amount_fen) AS refunded_fen"
				" FROM {refund} x JOIN {client} c ON c.id = x.client_id AND c.uniacid = x.uniacid"
				" WHERE x.uniacid = ? AND x.period BETWEEN ? AND ? AND x.status = 'succeeded'%s"
				" GROUP BY x.period, x.channel ORDER BY x.period, x.channel", w);
			smart_str_0(&sql);
			rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ALL, &refunds);
			smart_str_free(&sql);
			if (rc == FAILURE) {
				zval_ptr_dtor(&pays);
			}
		}
	}
	smart_str_free(&where);
	if (rc == FAILURE) {
		return FAILURE;
	}
	/* One row per (month, channel) that saw money in or out, then the total. */
	zend_long t_count = 0, t_in = 0, t_out = 0;
	array_init(out);
	for (int32_t period = from; period <= to && period > 0; period = cloudacct_period_next(period, 1)) {
		static const char *const channels[] = { "offline", "weengine", "wechat_v3" };
		for (size_t k = 0; k < 3; k++) {
			zend_long count = 0, in = 0, back = 0;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(pays), row) {
				size_t len;
				const char *ch = cloudacct_money_str(row, "channel", &len);
				if (cloudacct_money_long(row, "period") == period && len == strlen(channels[k]) && memcmp(ch, channels[k], len) == 0) {
					count = cloudacct_money_long(row, "payments");
					in = zval_get_long(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("received_fen")));
				}
			} ZEND_HASH_FOREACH_END();
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(refunds), row) {
				size_t len;
				const char *ch = cloudacct_money_str(row, "channel", &len);
				if (cloudacct_money_long(row, "period") == period && len == strlen(channels[k]) && memcmp(ch, channels[k], len) == 0) {
					back = zval_get_long(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("refunded_fen")));
				}
			} ZEND_HASH_FOREACH_END();
			if (count == 0 && back == 0) {
				continue;
			}
			zval r;
			char ps[8];
			cloudacct_money_period_str(period, ps);
			array_init_size(&r, 6);
			add_assoc_string(&r, "period", ps);
			add_assoc_string(&r, "channel", (char *) channels[k]);
			add_assoc_long(&r, "payments", count);
			add_assoc_long(&r, "received_fen", in);
			add_assoc_long(&r, "refunded_fen", back);
			add_assoc_long(&r, "net_fen", in - back);
			add_next_index_zval(out, &r);
			t_count += count;
			t_in += in;
			t_out += back;
		}
		if (period == to) {
			break;
		}
	}
	zval r;
	array_init_size(&r, 6);
	add_assoc_string(&r, "period", "total");
	add_assoc_string(&r, "channel", "");
	add_assoc_long(&r, "payments", t_count);
	add_assoc_long(&r, "received_fen", t_in);
	add_assoc_long(&r, "refunded_fen", t_out);
	add_assoc_long(&r, "net_fen", t_in - t_out);
	add_next_index_zval(out, &r);
	zval_ptr_dtor(&pays);
	zval_ptr_dtor(&refunds);
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Ledger_Reports, collections)
{
	zval *zactor;
	zend_string *from, *to;
	HashTable *filter = NULL;
	cloudacct_actor a;
	int32_t pf, pt;

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(from)
		Z_PARAM_STR(to)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !read_range(from, to, &pf, &pt) || collections_rows(s, &a, pf, pt, filter, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

/* ---- CSV ---- */

static void csv_cell(smart_str *out, const char *s, size_t len, bool first)
{
	char *buf = emalloc(CLOUDACCT_CSV_CELL_MAX(len) + 1);
	size_t n = cloudacct_csv_cell(s, len, buf);

	if (!first) {
		smart_str_appendc(out, ',');
	}
	smart_str_appendl(out, buf, n);
	efree(buf);
}

static void csv_money(smart_str *out, zend_long fen)
{
	char buf[CLOUDACCT_MONEY_BUFSZ];
	size_t n = cloudacct_money_format(fen, buf);
	csv_cell(out, buf, n, false);
}

static void csv_field(smart_str *out, zval *row, const char *key, bool first)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	zend_string *s = v ? zval_get_string(v) : ZSTR_EMPTY_ALLOC();
	csv_cell(out, ZSTR_VAL(s), ZSTR_LEN(s), first);
	zend_string_release(s);
}

static void csv_header(smart_str *out, const char *const *cols)
{
	smart_str_appends(out, "\xEF\xBB\xBF");
	for (size_t i = 0; cols[i]; i++) {
		csv_cell(out, cols[i], strlen(cols[i]), i == 0);
	}
	smart_str_appends(out, "\r\n");
}

ZEND_METHOD(CloudAcct_Ledger_Reports, arrearsCsv)
{
	zval *zactor, items, *row;
	HashTable *filter = NULL;
	cloudacct_actor a;
	arrears_filter f = { 0 };
	smart_str out = {0};
	static const char *const cols[] = { "客户编号", "客户名称", "门店", "专属会计", "欠费", "其中逾期", "未到期", "逾期1-30天",
		"逾期31-60天", "逾期61-90天", "逾期90天以上", "最早到期日", "逾期天数", "已缴至", "预存余额", NULL };

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !arrears_actor(&a) || !read_arrears_filter(filter, &f)) {
		RETURN_THROWS();
	}
	csv_header(&out, cols);
	for (zend_long page = 1; page <= CSV_MAX_ROWS / CSV_PAGE; page++) {
		if (arrears_page(s, &a, &f, page, CSV_PAGE, NULL, &items) == FAILURE) {
			smart_str_free(&out);
			RETURN_THROWS();
		}
		uint32_t count = zend_hash_num_elements(Z_ARRVAL(items));
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(items), row) {
			zval *aging = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("aging"));
			csv_field(&out, row, "client_id", true);
			csv_field(&out, row, "name", false);
			csv_field(&out, row, "store_name", false);
			csv_field(&out, row, "accountant_name", false);
			csv_money(&out, cloudacct_money_long(row, "outstanding_fen"));
			csv_money(&out, cloudacct_money_long(row, "overdue_fen"));
			for (unsigned i = 0; i < CLOUDACCT_AGING_COUNT; i++) {
				csv_money(&out, cloudacct_money_long(aging, cloudacct_aging_name((cloudacct_aging_bucket) i)));
			}
			csv_field(&out, row, "oldest_open_due_date", false);
			csv_field(&out, row, "days_overdue", false);
			csv_field(&out, row, "paid_through", false);
			csv_money(&out, cloudacct_money_long(row, "credit_fen"));
			smart_str_appends(&out, "\r\n");
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&items);
		if (count < CSV_PAGE) {
			break;
		}
	}
	smart_str_0(&out);
	RETURN_STR(out.s);
}

static const char *channel_name(const char *ch, size_t len)
{
	if (len == 7 && memcmp(ch, "offline", 7) == 0) {
		return "线下收款";
	}
	if (len == 8 && memcmp(ch, "weengine", 8) == 0) {
		return "微擎支付";
	}
	if (len == 9 && memcmp(ch, "wechat_v3", 9) == 0) {
		return "微信支付";
	}
	return "合计";
}

ZEND_METHOD(CloudAcct_Ledger_Reports, collectionsCsv)
{
	zval *zactor, rows, *row;
	zend_string *from, *to;
	HashTable *filter = NULL;
	cloudacct_actor a;
	int32_t pf, pt;
	smart_str out = {0};
	static const char *const cols[] = { "月份", "渠道", "笔数", "收款", "退款", "净收款", NULL };

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(from)
		Z_PARAM_STR(to)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !read_range(from, to, &pf, &pt) || collections_rows(s, &a, pf, pt, filter, &rows) == FAILURE) {
		RETURN_THROWS();
	}
	csv_header(&out, cols);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		size_t len;
		const char *ch = cloudacct_money_str(row, "channel", &len);
		const char *label = channel_name(ch, len);
		csv_field(&out, row, "period", true);
		csv_cell(&out, label, strlen(label), false);
		csv_field(&out, row, "payments", false);
		csv_money(&out, cloudacct_money_long(row, "received_fen"));
		csv_money(&out, cloudacct_money_long(row, "refunded_fen"));
		csv_money(&out, cloudacct_money_long(row, "net_fen"));
		smart_str_appends(&out, "\r\n");
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	smart_str_0(&out);
	RETURN_STR(out.s);
}

/* ---- arrears total (the dashboard's figure: one aggregate, not the list paged through) ---- */

ZEND_METHOD(CloudAcct_Ledger_Reports, arrearsTotal)
{
	zval *zactor, row;
	HashTable *filter = NULL;
	cloudacct_actor a;
	arrears_filter f = { 0 };
	smart_str where = {0}, sql = {0};
	cloudacct_param p[16];
	uint32_t n = 0;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !arrears_actor(&a) || !read_arrears_filter(filter, &f)) {
		RETURN_THROWS();
	}
	if (arrears_where(s, &a, &f, &where, p, &n) == FAILURE) {
		smart_str_free(&where);
		RETURN_THROWS();
	}
	const char *w = where.s ? ZSTR_VAL(where.s) : "";
	/* the same rows as arrears() */
	smart_str_appends(&sql, "SELECT COUNT(*) AS clients, COALESCE(SUM(b.outstanding_fen), 0) AS outstanding_fen,"
		" COALESCE(SUM(b.balance_fen), 0) AS balance_fen");
	arrears_aggregate_from(&sql, w);
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ROW, &row);
	smart_str_free(&sql);
	smart_str_free(&where);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	array_init_size(return_value, 3);
	add_assoc_long(return_value, "clients", Z_TYPE(row) == IS_ARRAY ? cloudacct_money_long(&row, "clients") : 0);
	add_assoc_long(return_value, "outstanding_fen", Z_TYPE(row) == IS_ARRAY ? cloudacct_money_long(&row, "outstanding_fen") : 0);
	add_assoc_long(return_value, "balance_fen", Z_TYPE(row) == IS_ARRAY ? cloudacct_money_long(&row, "balance_fen") : 0);
	zval_ptr_dtor(&row);
}
