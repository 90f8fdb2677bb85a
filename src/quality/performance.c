/* Performance (绩效) per employee per period: jobs, response and completion times, SLA, ratings,
 * complaints and fees, each read by one grouped query over a list of employees through an index
 * that starts (uniacid, staff column, time column) — never a scan of a whole table. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "quality_int.h"
#include "../common/errors.h"
#include "../core/calendar.h"
#include "../core/csv.h"

#define CHINA_TZ (8 * 3600)
#define CHUNK 100
#define MAX_DAYS 366

typedef struct {
	zend_long staff_id, store_id;
	zend_string *name; /* owned, may be NULL */
	zend_long taken, response_sum, completed, completion_sum, timed, with_sla, on_time, breaches;
	zend_long ratings, good, neutral, bad, value_sum, complaints, fees_offline, fees_online;
} figures;

typedef struct {
	const char *name;
	size_t offset;
} figure_field;

#define F(x) { #x, offsetof(figures, x) }
static const figure_field fields[] = {
	F(taken), F(response_sum), F(completed), F(completion_sum), F(timed), F(with_sla), F(on_time), F(breaches),
	F(ratings), F(good), F(neutral), F(bad), F(value_sum), F(complaints), F(fees_offline), F(fees_online),
};
#undef F

/* The period argument → [from, to) in unix time, and its label dates. */
static bool parse_period(HashTable *ht, zend_string *str, zend_long *from, zend_long *to, int32_t *d_from, int32_t *d_to)
{
	int64_t a, b;

	if (str) {
		const char *p = ZSTR_VAL(str);
		int32_t ym = 0;
		bool ok = ZSTR_LEN(str) == 7 && p[4] == '-';
		for (int i = 0; ok && i < 7; i++) {
			if (i != 4) {
				ok = p[i] >= '0' && p[i] <= '9';
				ym = ym * 10 + (p[i] - '0');
			}
		}
		if (!ok || !cloudacct_period_valid(ym) || cloudacct_period_next(ym, 1) < 0) {
			cloudacct_throw_validation("period", "期间须为“YYYY-MM”格式的月份 (period: \"YYYY-MM\")");
			return false;
		}
		*d_from = ym * 100 + 1;
		*d_to = cloudacct_date_add_days(cloudacct_period_next(ym, 1) * 100 + 1, -1);
	} else {
		zend_string *key;
		zval *v, *zf = NULL, *zt = NULL;
		ZEND_HASH_FOREACH_STR_KEY_VAL(ht, key, v) {
			if (key && zend_string_equals_literal(key, "from")) {
				zf = v;
			} else if (key && zend_string_equals_literal(key, "to")) {
				zt = v;
			} else {
				cloudacct_throw_validation("period", "期间只能包含 from 和 to (period: only from and to)");
				return false;
			}
		} ZEND_HASH_FOREACH_END();
		if (!zf || !zt || Z_TYPE_P(zf) != IS_STRING || Z_TYPE_P(zt) != IS_STRING
				|| !cloudacct_date_parse(Z_STRVAL_P(zf), Z_STRLEN_P(zf), d_from)
				|| !cloudacct_date_parse(Z_STRVAL_P(zt), Z_STRLEN_P(zt), d_to)) {
			cloudacct_throw_validation("period", "起止日期须为“YYYY-MM-DD” (period: from and to as \"YYYY-MM-DD\")");
			return false;
		}
		int64_t days = cloudacct_date_to_days(*d_to) - cloudacct_date_to_days(*d_from);
		if (days < 0 || days >= MAX_DAYS) {
			cloudacct_throw_validation("period", "结束日期须不早于开始日期，且跨度不超过 %d 天 (period: to >= from, at most %d days)",
				MAX_DAYS, MAX_DAYS);
			return false;
		}
	}
	int32_t next = cloudacct_date_add_days(*d_to, 1);
	if (next < 0 || !cloudacct_date_start_ts(*d_from, CHINA_TZ, &a) || !cloudacct_date_start_ts(next, CHINA_TZ, &b)) {
		cloudacct_throw_validation("period", "期间超出范围 (period out of range)");
		return false;
	}
	*from = (zend_long) a;
	*to = (zend_long) b;
	return true;
}

static figures *find(figures *f, size_t n, zend_long staff_id)
{
	for (size_t i = 0; i < n; i++) {
		if (f[i].staff_id == staff_id) {
			return &f[i];
		}
	}
	return NULL;
}

/* Runs one grouped query; sql has one %s for the IN list; binds uniacid, the ids, from, to.
 * Each row's "sid" names the employee; every other column adds to the figure of its name. */
static zend_result gather(cloudacct_store *s, const char *sql_fmt, figures *f, size_t n, zend_long from, zend_long to)
{
	cloudacct_param p[CHUNK + 3];
	smart_str in = {0}, sql = {0};
	uint32_t k = 0;
	zval rows, *row;

	p[k++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	for (size_t i = 0; i < n; i++) {
		smart_str_appends(&in, i ? ", ?" : "?");
		p[k++] = CLOUDACCT_PARAM_LONG(f[i].staff_id);
	}
	p[k++] = CLOUDACCT_PARAM_LONG(from);
	p[k++] = CLOUDACCT_PARAM_LONG(to);
	smart_str_0(&in);
	smart_str_append_printf(&sql, sql_fmt, ZSTR_VAL(in.s));
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, k, CLOUDACCT_FETCH_ALL, &rows);
	smart_str_free(&sql);
	smart_str_free(&in);
	if (rc == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zend_string *key;
		zval *v;
		figures *fig = find(f, n, zval_get_long(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("sid"))));
		if (!fig) {
			continue;
		}
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(row), key, v) {
			for (size_t j = 0; key && j < sizeof(fields) / sizeof(fields[0]); j++) {
				if (zend_string_equals_cstr(key, fields[j].name, strlen(fields[j].name))) {
					*(zend_long *) ((char *) fig + fields[j].offset) += Z_TYPE_P(v) == IS_NULL ? 0 : zval_get_long(v);
				}
			}
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return SUCCESS;
}

/* The figures of up to CHUNK employees (staff_id set, the rest zero). */
static zend_result compute(cloudacct_store *s, figures *f, size_t n, zend_long from, zend_long to)
{
	static const char *const queries[] = {
		/* job idx_perf_assigned. The job queries name their index: with 100 staff ids × the two
		 * states the range count reaches eq_range_index_dive_limit (200), the planner estimates from
		 * statistics and took idx_assignee / idx_mine, reading every job of those staff (10,000,000
		 * jobs: 94 s for one month, bench/quality.php) instead of the period's. */
		"SELECT assignee_id AS sid, COUNT(*) AS taken,"
		" SUM(CAST(assigned_at AS SIGNED) - CAST(created_at AS SIGNED)) AS response_sum"
		" FROM {job} FORCE INDEX (idx_perf_assigned) WHERE uniacid = ? AND assignee_id IN (%s) AND assigned_at >= ?"
		" AND assigned_at < ? GROUP BY assignee_id",
		/* job idx_perf_done */
		"SELECT assignee_id AS sid, COUNT(*) AS completed,"
		" SUM(IF(assigned_at > 0, CAST(done_at AS SIGNED) - CAST(assigned_at AS SIGNED), 0)) AS completion_sum,"
		" SUM(assigned_at > 0) AS timed, SUM(sla_total_seconds > 0) AS with_sla,"
		" SUM(sla_total_seconds > 0 AND sla_breached = 0) AS on_time"
		" FROM {job} FORCE INDEX (idx_perf_done) WHERE uniacid = ? AND assignee_id IN (%s) AND done_at >= ? AND done_at < ?"
		" AND status IN ('done', 'closed') GROUP BY assignee_id",
		/* sla_breach idx_assignee */
		"SELECT assignee_id AS sid, COUNT(*) AS breaches FROM {sla_breach}"
		" WHERE uniacid = ? AND assignee_id IN (%s) AND detected_at >= ? AND detected_at < ? GROUP BY assignee_id",
		/* rating idx_staff */
		"SELECT staff_id AS sid, COUNT(*) AS ratings, SUM(overall = 'good') AS good, SUM(overall = 'neutral') AS neutral,"
		" SUM(overall = 'bad') AS bad, SUM(value_x100) AS value_sum FROM {rating}"
		" WHERE uniacid = ? AND staff_id IN (%s) AND created_at >= ? AND created_at < ? GROUP BY staff_id",
		/* complaint idx_staff */
		"SELECT staff_id AS sid, COUNT(*) AS complaints FROM {complaint}"
		" WHERE uniacid = ? AND staff_id IN (%s) AND created_at >= ? AND created_at < ? GROUP BY staff_id",
		/* payment idx_recorder: offline payments the employee recorded */
		"SELECT recorded_by_id AS sid, SUM(amount_fen) AS fees_offline FROM {payment}"
		" WHERE uniacid = ? AND recorded_by_kind = 'staff' AND recorded_by_id IN (%s) AND paid_at >= ? AND paid_at < ?"
		" AND status = 'posted' AND channel = 'offline' GROUP BY recorded_by_id",
		/* client idx_accountant, then payment idx_client_paid: online payments of their companies */
		"SELECT c.accountant_id AS sid, SUM(p.amount_fen) AS fees_online FROM {client} c"
		" JOIN {payment} p ON p.uniacid = c.uniacid AND p.client_id = c.id"
		" WHERE c.uniacid = ? AND c.accountant_id IN (%s) AND p.paid_at >= ? AND p.paid_at < ?"
		" AND p.status = 'posted' AND p.channel NOT IN ('offline', 'adjustment') GROUP BY c.accountant_id",
	};
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		if (gather(s, queries[i], f, n, from, to) == FAILURE) {
			return FAILURE;
		}
	}
	return SUCCESS;
}

static void add_avg(zval *out, const char *key, zend_long sum, zend_long n)
{
	if (n > 0) {
		add_assoc_long(out, key, (sum + n / 2) / n);
	} else {
		add_assoc_null(out, key);
	}
}

static void figures_zval(figures *f, zval *out)
{
	array_init_size(out, 22);
	add_assoc_long(out, "staff_id", f->staff_id);
	if (f->name) {
		add_assoc_str(out, "name", zend_string_copy(f->name));
		add_assoc_long(out, "store_id", f->store_id);
	}
	add_assoc_long(out, "jobs_taken", f->taken);
	add_avg(out, "avg_first_response_seconds", f->response_sum, f->taken);
	add_assoc_long(out, "jobs_completed", f->completed);
	add_avg(out, "avg_completion_seconds", f->completion_sum, f->timed);
	add_assoc_long(out, "with_sla", f->with_sla);
	add_assoc_long(out, "on_time", f->on_time);
	if (f->with_sla > 0) {
		add_assoc_double(out, "on_time_rate", round(10000.0 * f->on_time / f->with_sla) / 10000.0);
	} else {
		add_assoc_null(out, "on_time_rate");
	}
	add_assoc_long(out, "sla_breaches", f->breaches);
	add_assoc_long(out, "ratings", f->ratings);
	add_assoc_long(out, "good", f->good);
	add_assoc_long(out, "neutral", f->neutral);
	add_assoc_long(out, "bad", f->bad);
	if (f->ratings > 0) {
		add_assoc_double(out, "rating_average", round((double) f->value_sum / f->ratings) / 100.0);
	} else {
		add_assoc_null(out, "rating_average");
	}
	add_assoc_long(out, "complaints", f->complaints);
	add_assoc_long(out, "fees_offline_fen", f->fees_offline);
	add_assoc_long(out, "fees_online_fen", f->fees_online);
	add_assoc_long(out, "fees_collected_fen", f->fees_offline + f->fees_online);
}

static void add_period(zval *out, int32_t d_from, int32_t d_to)
{
	char buf[16];
	size_t n = cloudacct_date_format(d_from, buf);
	add_assoc_stringl(out, "from", buf, n);
	n = cloudacct_date_format(d_to, buf);
	add_assoc_stringl(out, "to", buf, n);
}

ZEND_METHOD(CloudAcct_Quality_Performance, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Quality_Performance, forStaff)
{
	zval *zactor;
	HashTable *ht;
	zend_string *str;
	zend_long staff_id, store_id, from, to;
	int32_t d_from, d_to;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(staff_id)
		Z_PARAM_ARRAY_HT_OR_STR(ht, str)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_id(staff_id, 2) == FAILURE || !parse_period(ht, str, &from, &to, &d_from, &d_to)
			|| cloudacct_quality_staff_visible(s, &a, staff_id, &store_id) == FAILURE) {
		RETURN_THROWS();
	}
	figures f = { .staff_id = staff_id };
	if (compute(s, &f, 1, from, to) == FAILURE) {
		RETURN_THROWS();
	}
	figures_zval(&f, return_value);
	add_period(return_value, d_from, d_to);
}

typedef struct {
	zend_long store_id;
	bool include_inactive;
	size_t sort; /* index into fields, or SIZE_MAX for derived keys */
	const char *sort_key;
} compare_opts;

static const char *const sort_keys[] = { "jobs_taken", "jobs_completed", "avg_first_response_seconds",
	"avg_completion_seconds", "on_time_rate", "sla_breaches", "ratings", "rating_average", "complaints",
	"fees_collected_fen", "fees_offline_fen", "fees_online_fen", NULL };

static bool parse_options(HashTable *opts, compare_opts *o)
{
	zend_string *key;
	zval *v;

	o->store_id = 0;
	o->include_inactive = false;
	o->sort_key = "jobs_completed";
	if (!opts) {
		return true;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(opts, key, v) {
		if (key && zend_string_equals_literal(key, "store_id") && Z_TYPE_P(v) == IS_LONG && Z_LVAL_P(v) >= 0) {
			o->store_id = Z_LVAL_P(v);
		} else if (key && zend_string_equals_literal(key, "include_inactive") && (Z_TYPE_P(v) == IS_TRUE || Z_TYPE_P(v) == IS_FALSE)) {
			o->include_inactive = Z_TYPE_P(v) == IS_TRUE;
		} else if (key && zend_string_equals_literal(key, "sort") && Z_TYPE_P(v) == IS_STRING) {
			const char *const *k;
			for (k = sort_keys; *k; k++) {
				if (zend_string_equals_cstr(Z_STR_P(v), *k, strlen(*k))) {
					o->sort_key = *k;
					break;
				}
			}
			if (!*k) {
				cloudacct_throw_validation("sort", "不支持按 %s 排序 (unknown sort key)", Z_STRVAL_P(v));
				return false;
			}
		} else {
			cloudacct_throw_validation(key ? ZSTR_VAL(key) : "options", "无效的选项 %s (invalid option)",
				key ? ZSTR_VAL(key) : "?");
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* A sortable value of an item (null sorts last). */
static double sort_value(zval *item, const char *key, bool *is_null)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(item), key, strlen(key));
	*is_null = !v || Z_TYPE_P(v) == IS_NULL;
	return *is_null ? 0.0 : zval_get_double(v);
}

static const char *current_sort_key;

static int compare_items(Bucket *x, Bucket *y)
{
	bool nx, ny;
	double a = sort_value(&x->val, current_sort_key, &nx), b = sort_value(&y->val, current_sort_key, &ny);
	if (nx != ny) {
		return nx ? 1 : -1;
	}
	if (a != b) {
		return a > b ? -1 : 1;
	}
	zend_long ia = zval_get_long(zend_hash_str_find(Z_ARRVAL(x->val), ZEND_STRL("staff_id")));
	zend_long ib = zval_get_long(zend_hash_str_find(Z_ARRVAL(y->val), ZEND_STRL("staff_id")));
	return ia < ib ? -1 : ia > ib;
}

/* The comparison rows of every employee in scope, sorted. */
static zend_result compare_rows(cloudacct_store *s, const cloudacct_actor *a, HashTable *ht, zend_string *str,
	HashTable *opts,
	zval *out)
{
	zend_long from, to;
	int32_t d_from, d_to;
	compare_opts o;
	cloudacct_fl_query q;
	zval staff, items, *row;

	if (cloudacct_people_require_admin(a, "查看员工绩效对比") == FAILURE || !parse_period(ht, str, &from, &to, &d_from, &d_to)
			|| !parse_options(opts, &o)) {
		return FAILURE;
	}
	cloudacct_fl_init(&q);
	cloudacct_fl_add(&q, NULL, CLOUDACCT_PARAM_LONG(s->uniacid));
	smart_str_appends(&q.where, CLOUDACCT_PEOPLE_SCOPE_SQL("f.store_id"));
	cloudacct_people_scope_params(s, a->id, q.p, &q.n);
	if (o.store_id) {
		cloudacct_fl_add(&q, " AND f.store_id = ?", CLOUDACCT_PARAM_LONG(o.store_id));
	}
	if (!o.include_inactive) {
		smart_str_appends(&q.where, " AND f.active = 1");
	}
	smart_str sql = {0};
	smart_str_0(&q.where);
	smart_str_append_printf(&sql, "SELECT f.id, f.name, f.store_id FROM {staff} f WHERE f.uniacid = ?%s ORDER BY f.id",
		ZSTR_VAL(q.where.s));
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), q.p, q.n, CLOUDACCT_FETCH_ALL, &staff);
	smart_str_free(&sql);
	cloudacct_fl_free(&q);
	if (rc == FAILURE) {
		return FAILURE;
	}
	uint32_t total = zend_hash_num_elements(Z_ARRVAL(staff));
	figures *f = ecalloc(total ? total : 1, sizeof(figures));
	uint32_t i = 0;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(staff), row) {
		size_t len;
		const char *name = cloudacct_work_str(row, "name", &len);
		f[i].staff_id = cloudacct_work_long(row, "id");
		f[i].store_id = cloudacct_work_long(row, "store_id");
		f[i].name = zend_string_init(name, len, 0);
		i++;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&staff);
	for (uint32_t off = 0; rc == SUCCESS && off < total; off += CHUNK) {
		rc = compute(s, f + off, total - off < CHUNK ? total - off : CHUNK, from, to);
	}
	array_init_size(&items, total);
	for (i = 0; i < total; i++) {
		zval it;
		if (rc == SUCCESS) {
			figures_zval(&f[i], &it);
			add_next_index_zval(&items, &it);
		}
		zend_string_release(f[i].name);
	}
	efree(f);
	if (rc == FAILURE) {
		zval_ptr_dtor(&items);
		return FAILURE;
	}
	current_sort_key = o.sort_key;
	zend_hash_sort(Z_ARRVAL(items), compare_items, true);
	array_init_size(out, 4);
	add_period(out, d_from, d_to);
	add_assoc_string(out, "sort", (char *) o.sort_key);
	add_assoc_zval(out, "items", &items);
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Quality_Performance, compare)
{
	zval *zactor;
	HashTable *opts = NULL, *ht;
	zend_string *str;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT_OR_STR(ht, str)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(opts)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || compare_rows(s, &a, ht, str, opts, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

static void csv_cell(smart_str *out, const char *s, size_t len, bool first)
{
	char *buf = emalloc(CLOUDACCT_CSV_CELL_MAX(len));
	size_t n = cloudacct_csv_cell(s, len, buf);
	if (!first) {
		smart_str_appendc(out, ',');
	}
	smart_str_appendl(out, buf, n);
	efree(buf);
}

static void csv_value(smart_str *out, zval *v, bool fen)
{
	char buf[64];
	size_t n = 0;

	if (!v || Z_TYPE_P(v) == IS_NULL) {
		n = 0;
	} else if (fen) {
		zend_long x = Z_LVAL_P(v);
		n = (size_t) snprintf(buf, sizeof(buf), "%s%ld.%02ld", x < 0 ? "-" : "", (long) (x < 0 ? -x : x) / 100,
			(long) (x < 0 ? -x : x) % 100);
	} else if (Z_TYPE_P(v) == IS_DOUBLE) {
		n = (size_t) snprintf(buf, sizeof(buf), "%.4g", Z_DVAL_P(v));
	} else if (Z_TYPE_P(v) == IS_LONG) {
		n = (size_t) snprintf(buf, sizeof(buf), "%ld", (long) Z_LVAL_P(v));
	}
	csv_cell(out, buf, n, false);
}

ZEND_METHOD(CloudAcct_Quality_Performance, exportCsv)
{
	static const struct {
		const char *key, *title;
		bool fen;
	} cols[] = {
		{ "jobs_taken", "接单数", false }, { "jobs_completed", "完成数", false },
		{ "on_time_rate", "按时完成率", false }, { "avg_first_response_seconds", "平均响应(秒)", false },
		{ "avg_completion_seconds", "平均办理(秒)", false }, { "sla_breaches", "超时次数", false },
		{ "ratings", "评价数", false }, { "good", "好评", false }, { "neutral", "中评", false }, { "bad", "差评", false },
		{ "rating_average", "平均分", false }, { "complaints", "投诉", false },
		{ "fees_offline_fen", "线下收款(元)", true }, { "fees_online_fen", "线上收款(元)", true },
		{ "fees_collected_fen", "收款合计(元)", true },
	};
	zval *zactor, rows, *item;
	HashTable *opts = NULL, *ht;
	zend_string *str;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT_OR_STR(ht, str)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(opts)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || compare_rows(s, &a, ht, str, opts, &rows) == FAILURE) {
		RETURN_THROWS();
	}
	smart_str out = {0};
	smart_str_appends(&out, "\xEF\xBB\xBF");
	csv_cell(&out, "员工ID", strlen("员工ID"), true);
	csv_cell(&out, "姓名", strlen("姓名"), false);
	csv_cell(&out, "门店ID", strlen("门店ID"), false);
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		csv_cell(&out, cols[i].title, strlen(cols[i].title), false);
	}
	smart_str_appends(&out, "\r\n");
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(zend_hash_str_find(Z_ARRVAL(rows), ZEND_STRL("items"))), item) {
		char buf[24];
		size_t len;
		int n = snprintf(buf, sizeof(buf), "%ld", (long) cloudacct_work_long(item, "staff_id"));
		csv_cell(&out, buf, (size_t) n, true);
		const char *name = cloudacct_work_str(item, "name", &len);
		csv_cell(&out, name, len, false);
		n = snprintf(buf, sizeof(buf), "%ld", (long) cloudacct_work_long(item, "store_id"));
		csv_cell(&out, buf, (size_t) n, false);
		for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
			csv_value(&out, zend_hash_str_find(Z_ARRVAL_P(item), cols[i].key, strlen(cols[i].key)), cols[i].fen);
		}
		smart_str_appends(&out, "\r\n");
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	smart_str_0(&out);
	RETURN_STR(smart_str_extract(&out));
}
