/* Jobs::stats — the dashboard's job figures at a cost that does not grow with the firm
 * (docs/work.md, "Dashboard figures"):
 *  - new jobs per business day (UTC+8): closed days from {job_day}, filled once per day on first
 *    read ({job_day_fill} marks a filled day; a job's created_at and store never change), the rest
 *    (today, the last FILL_MARGIN seconds of yesterday, partial days of the range) counted live
 *    over idx_created (uniacid, created_at) — at most about a day of jobs;
 *  - jobs in hand by state: a snapshot per (store, state) in {job_hand}, counted again when older
 *    than the dashboard_snapshot_seconds setting and returned with its time (by_status_at); no
 *    counter on the grab path.
 * Store-limited admins ({admin_store}) see their stores' figures, as the job list does. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "internal.h"
#include "../common/errors.h"

#define STATS_MAX_DAYS 92
#define STATS_DAY 86400
#define STATS_BIZ_OFFSET 28800 /* business days are UTC+8 calendar days */
/* A day is filled once it closed this long ago: no transaction that stamped a job with that day's
 * time is still open by then (lock waits end after 50 s), so the fill reads the day complete. */
#define STATS_FILL_MARGIN 600
#define STATS_INSERT_CHUNK 200

/* The jobs in hand: a count of the finished ones would read the firm's whole history. */
static const char *const stats_states[] = { "open", "assigned", "in_progress", "waiting_client", "escalated" };
#define STATS_STATES_SQL "('open', 'assigned', 'in_progress', 'waiting_client', 'escalated')"
#define N_STATS_STATES (sizeof(stats_states) / sizeof(stats_states[0]))

/* A column as a number: aggregates (SUM) may come back as DECIMAL strings. */
static zend_long row_long(zval *row, const char *key)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	return v ? zval_get_long(v) : 0;
}

/* Adds rows of (day_key, n) into counts[day - first] for the days in [first, last]; frees the rows. */
static void add_day_counts(zval *rows, const char *day_key, zend_long first, zend_long last, zend_long *counts)
{
	zval *row;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rows), row) {
		zend_long d = row_long(row, day_key);
		if (d >= first && d <= last) {
			counts[d - first] += row_long(row, "n");
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(rows);
}

static zend_long day_start(zend_long d)
{
	return d * STATS_DAY - STATS_BIZ_OFFSET;
}

/* The store condition of a store-limited admin: " AND <col> IN (?, …)" and its parameters (owned
 * by the caller: efree(*ids)); nothing for an admin of every store or the system. */
typedef struct {
	zend_long *ids;
	uint32_t n;
} stats_scope;

static zend_result scope_load(cloudacct_store *s, const cloudacct_actor *a, stats_scope *out)
{
	zval rows, *row;

	out->ids = NULL;
	out->n = 0;
	if (a->kind != CLOUDACCT_ACTOR_ADMIN) {
		return SUCCESS;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(a->id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT store_id FROM {admin_store} WHERE uniacid = ? AND we7_uid = ? ORDER BY store_id",
			p, 2, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	uint32_t count = zend_hash_num_elements(Z_ARRVAL(rows));
	if (count > 0) {
		out->ids = safe_emalloc(count, sizeof(zend_long), 0);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			out->ids[out->n++] = row_long(row, "store_id");
		} ZEND_HASH_FOREACH_END();
	}
	zval_ptr_dtor(&rows);
	return SUCCESS;
}

static void scope_sql(const stats_scope *sc, const char *col, smart_str *sql, cloudacct_param *p, uint32_t *n)
{
	if (sc->n == 0) {
		return;
	}
	smart_str_append_printf(sql, " AND %s IN (", col);
	for (uint32_t i = 0; i < sc->n; i++) {
		smart_str_appends(sql, i ? ", ?" : "?");
		p[(*n)++] = CLOUDACCT_PARAM_LONG(sc->ids[i]);
	}
	smart_str_appendc(sql, ')');
}

/* Runs sql (owned, freed here) with p[0..n). */
static zend_result run_sql(cloudacct_store *s, smart_str *sql, cloudacct_param *p, uint32_t n, cloudacct_fetch_mode mode,
	zval *out)
{
	smart_str_0(sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql->s), ZSTR_LEN(sql->s), p, n, mode, out);
	smart_str_free(sql);
	return rc;
}

/* INSERT INTO {table} (cols) VALUES … for rows of width values each (chunks of STATS_INSERT_CHUNK). */
static zend_result insert_rows(cloudacct_store *s, const char *head, const cloudacct_param *vals, uint32_t rows,
	uint32_t width)
{
	for (uint32_t at = 0; at < rows; at += STATS_INSERT_CHUNK) {
		uint32_t k = rows - at < STATS_INSERT_CHUNK ? rows - at : STATS_INSERT_CHUNK;
		smart_str sql = {0};
		smart_str_appends(&sql, head);
		for (uint32_t r = 0; r < k; r++) {
			smart_str_appends(&sql, r ? ", (" : " VALUES (");
			for (uint32_t c = 0; c < width; c++) {
				smart_str_appends(&sql, c ? ", ?" : "?");
			}
			smart_str_appendc(&sql, ')');
		}
		if (run_sql(s, &sql, (cloudacct_param *) vals + (size_t) at * width, k * width, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
	}
	return SUCCESS;
}

/* ---- new jobs per day ---- */

typedef struct {
	cloudacct_store *s;
	zend_long *days; /* the closed days to fill */
	uint32_t n;
	zend_long now;
} fill_ctx;

/* Fills each day not filled yet: the marker first (a concurrent filler of the same day waits for
 * it and then skips the day), then the day's counts per store from one consistent read. */
static zend_result fill_body(cloudacct_connection *c, void *ctx_)
{
	fill_ctx *x = ctx_;
	cloudacct_store *s = x->s;
	(void) c;

	for (uint32_t i = 0; i < x->n; i++) {
		zend_long d = x->days[i];
		zval rows, *row;
		cloudacct_param m[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(d), CLOUDACCT_PARAM_LONG(x->now) };
		if (CLOUDACCT_DB_RUN(s->db, "INSERT IGNORE INTO {job_day_fill} (uniacid, day, filled_at) VALUES (?, ?, ?)", m, 3,
				CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
		if (cloudacct_db_affected_rows(s->db) == 0) {
			continue; /* filled by someone else */
		}
		cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(day_start(d)),
			CLOUDACCT_PARAM_LONG(day_start(d + 1)) };
		if (CLOUDACCT_DB_RUN(s->db, "SELECT store_id, COUNT(*) AS n FROM {job} WHERE uniacid = ? AND created_at >= ?"
				" AND created_at < ? GROUP BY store_id", q, 3, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
			return FAILURE;
		}
		uint32_t count = zend_hash_num_elements(Z_ARRVAL(rows)), k = 0;
		zend_result rc = SUCCESS;
		if (count > 0) {
			cloudacct_param *v = safe_emalloc(count, 4 * sizeof(cloudacct_param), 0);
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
				v[k++] = CLOUDACCT_PARAM_LONG(s->uniacid);
				v[k++] = CLOUDACCT_PARAM_LONG(d);
				v[k++] = CLOUDACCT_PARAM_LONG(row_long(row, "store_id"));
				v[k++] = CLOUDACCT_PARAM_LONG(row_long(row, "n"));
			} ZEND_HASH_FOREACH_END();
			rc = insert_rows(s, "INSERT INTO {job_day} (uniacid, day, store_id, created)", v, count, 4);
			efree(v);
		}
		zval_ptr_dtor(&rows);
		if (rc == FAILURE) {
			return FAILURE;
		}
	}
	return SUCCESS;
}

/* Fills the closed days lo..hi not filled yet. */
static zend_result fill_days(cloudacct_store *s, zend_long lo, zend_long hi, zend_long now)
{
	zval rows, *row;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(lo), CLOUDACCT_PARAM_LONG(hi) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT day FROM {job_day_fill} WHERE uniacid = ? AND day BETWEEN ? AND ?", p, 3,
			CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	uint32_t span = (uint32_t) (hi - lo + 1);
	bool *filled = ecalloc(span, sizeof(bool));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zend_long d = row_long(row, "day");
		if (d >= lo && d <= hi) {
			filled[d - lo] = true;
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	fill_ctx x = { s, safe_emalloc(span, sizeof(zend_long), 0), 0, now };
	for (uint32_t i = 0; i < span; i++) {
		if (!filled[i]) {
			x.days[x.n++] = lo + i;
		}
	}
	efree(filled);
	zend_result rc = x.n ? cloudacct_db_transaction(s->db, fill_body, &x, 0) : SUCCESS;
	efree(x.days);
	return rc;
}

/* counts[d - first] for each business day of [from, to). */
static zend_result created_per_day(cloudacct_store *s, const stats_scope *sc, zend_long from, zend_long to, zend_long now,
	zend_long first, zend_long *counts)
{
	zend_long last = (to - 1 + STATS_BIZ_OFFSET) / STATS_DAY;
	/* the days read from the summary: wholly inside [from, to) and closed FILL_MARGIN ago */
	zend_long lo = day_start(first) >= from ? first : first + 1;
	zend_long hi = day_start(last + 1) <= to ? last : last - 1;
	zend_long closed = now - STATS_FILL_MARGIN + STATS_BIZ_OFFSET < STATS_DAY ? -1
		: (now - STATS_FILL_MARGIN + STATS_BIZ_OFFSET) / STATS_DAY - 1;
	zval rows;

	if (hi > closed) {
		hi = closed;
	}
	cloudacct_param *p = safe_emalloc(sc->n + 5, sizeof(cloudacct_param), 0);
	uint32_t n = 0;
	smart_str sql = {0};
	zend_long live[4]; /* up to two ranges [live[0], live[1]) and [live[2], live[3]) */
	uint32_t ranges = 0;

	if (lo <= hi) {
		if (fill_days(s, lo, hi, now) == FAILURE) {
			efree(p);
			return FAILURE;
		}
		p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
		p[n++] = CLOUDACCT_PARAM_LONG(lo);
		p[n++] = CLOUDACCT_PARAM_LONG(hi);
		smart_str_appends(&sql, "SELECT day, SUM(created) AS n FROM {job_day} WHERE uniacid = ? AND day BETWEEN ? AND ?");
		scope_sql(sc, "store_id", &sql, p, &n);
		smart_str_appends(&sql, " GROUP BY day");
		if (run_sql(s, &sql, p, n, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
			efree(p);
			return FAILURE;
		}
		add_day_counts(&rows, "day", first, last, counts);
		if (from < day_start(lo)) {
			live[ranges * 2] = from;
			live[ranges * 2 + 1] = day_start(lo);
			ranges++;
		}
		if (day_start(hi + 1) < to) {
			live[ranges * 2] = day_start(hi + 1);
			live[ranges * 2 + 1] = to;
			ranges++;
		}
	} else {
		live[0] = from;
		live[1] = to;
		ranges = 1;
	}
	if (ranges == 0) {
		efree(p);
		return SUCCESS;
	}
	n = 0;
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	smart_str_append_printf(&sql, "SELECT (created_at + %d) DIV %d AS d, COUNT(*) AS n FROM {job} WHERE uniacid = ? AND (",
		STATS_BIZ_OFFSET, STATS_DAY);
	for (uint32_t r = 0; r < ranges; r++) {
		smart_str_appends(&sql, r ? " OR (created_at >= ? AND created_at < ?)" : "(created_at >= ? AND created_at < ?)");
		p[n++] = CLOUDACCT_PARAM_LONG(live[r * 2]);
		p[n++] = CLOUDACCT_PARAM_LONG(live[r * 2 + 1]);
	}
	smart_str_appendc(&sql, ')');
	scope_sql(sc, "store_id", &sql, p, &n);
	smart_str_appends(&sql, " GROUP BY d");
	zend_result rc = run_sql(s, &sql, p, n, CLOUDACCT_FETCH_ALL, &rows);
	efree(p);
	if (rc == FAILURE) {
		return FAILURE;
	}
	add_day_counts(&rows, "d", first, last, counts);
	return SUCCESS;
}

/* ---- jobs in hand ---- */

typedef struct {
	cloudacct_store *s;
	zend_long now, ttl;
} hand_ctx;

/* Counts the jobs in hand per (store, state) again unless someone did within ttl seconds; the
 * conditional UPDATE of job_hand_at makes concurrent refreshers take turns. The count is a plain
 * (consistent, lock-free) read, so a refresh never holds up a grab. */
static zend_result hand_refresh_body(cloudacct_connection *c, void *ctx_)
{
	hand_ctx *x = ctx_;
	cloudacct_store *s = x->s;
	zval rows, *row;
	(void) c;

	cloudacct_param a[] = { CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "INSERT IGNORE INTO {job_hand_at} (uniacid, taken_at) VALUES (?, 0)", a, 1,
			CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(x->now), CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x->ttl),
		CLOUDACCT_PARAM_LONG(x->now), CLOUDACCT_PARAM_LONG(x->now) };
	if (CLOUDACCT_DB_RUN(s->db, "UPDATE {job_hand_at} SET taken_at = ? WHERE uniacid = ? AND (taken_at + ? <= ? OR taken_at > ?)",
			u, 5, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(s->db) == 0) {
		return SUCCESS; /* counted by someone else just now */
	}
	if (CLOUDACCT_DB_RUN(s->db, "SELECT store_id, status, COUNT(*) AS n FROM {job} WHERE uniacid = ? AND status IN "
			STATS_STATES_SQL " GROUP BY store_id, status", a, 1, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	if (CLOUDACCT_DB_RUN(s->db, "DELETE FROM {job_hand} WHERE uniacid = ?", a, 1, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		zval_ptr_dtor(&rows);
		return FAILURE;
	}
	uint32_t count = zend_hash_num_elements(Z_ARRVAL(rows)), k = 0;
	zend_result rc = SUCCESS;
	if (count > 0) {
		cloudacct_param *v = safe_emalloc(count, 4 * sizeof(cloudacct_param), 0);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			size_t len;
			const char *st = cloudacct_work_str(row, "status", &len);
			v[k++] = CLOUDACCT_PARAM_LONG(s->uniacid);
			v[k++] = CLOUDACCT_PARAM_LONG(row_long(row, "store_id"));
			v[k++] = CLOUDACCT_PARAM_STR(st, len); /* borrowed from rows, alive until the insert */
			v[k++] = CLOUDACCT_PARAM_LONG(row_long(row, "n"));
		} ZEND_HASH_FOREACH_END();
		rc = insert_rows(s, "INSERT INTO {job_hand} (uniacid, store_id, status, jobs)", v, count, 4);
		efree(v);
	}
	zval_ptr_dtor(&rows);
	return rc;
}

/* The snapshot's counts for the scope into by_status; *taken_at = 0 when there is none. */
static zend_result hand_read(cloudacct_store *s, const stats_scope *sc, zval *by_status, zend_long *taken_at)
{
	cloudacct_param *p = safe_emalloc(sc->n + 1, sizeof(cloudacct_param), 0);
	uint32_t n = 0;
	smart_str sql = {0};
	zval rows, *row;

	smart_str_appends(&sql, "SELECT a.taken_at, h.status, SUM(h.jobs) AS n FROM {job_hand_at} a"
		" LEFT JOIN {job_hand} h ON h.uniacid = a.uniacid");
	scope_sql(sc, "h.store_id", &sql, p, &n);
	smart_str_appends(&sql, " WHERE a.uniacid = ? GROUP BY a.taken_at, h.status");
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	zend_result rc = run_sql(s, &sql, p, n, CLOUDACCT_FETCH_ALL, &rows);
	efree(p);
	if (rc == FAILURE) {
		return FAILURE;
	}
	*taken_at = 0;
	array_init_size(by_status, N_STATS_STATES);
	for (size_t i = 0; i < N_STATS_STATES; i++) {
		add_assoc_long(by_status, stats_states[i], 0);
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		size_t len;
		const char *st = cloudacct_work_str(row, "status", &len);
		*taken_at = row_long(row, "taken_at");
		if (len > 0) {
			add_assoc_long_ex(by_status, st, len, row_long(row, "n"));
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return SUCCESS;
}

static const char *const stats_settings[] = { "dashboard_snapshot_seconds" };

static zend_result jobs_in_hand(cloudacct_store *s, const stats_scope *sc, zend_long now, zval *by_status, zend_long *taken_at)
{
	zval ttl_zv;

	if (cloudacct_work_settings(s, stats_settings, 1, &ttl_zv) == FAILURE) {
		return FAILURE;
	}
	zend_long ttl = zval_get_long(&ttl_zv);
	zval_ptr_dtor(&ttl_zv);
	if (ttl > 0) {
		if (hand_read(s, sc, by_status, taken_at) == FAILURE) {
			return FAILURE;
		}
		if (*taken_at > 0 && *taken_at <= now && now - *taken_at < ttl) {
			return SUCCESS;
		}
		zval_ptr_dtor(by_status);
	}
	hand_ctx x = { s, now, ttl };
	if (cloudacct_db_transaction(s->db, hand_refresh_body, &x, 0) == FAILURE) {
		return FAILURE;
	}
	return hand_read(s, sc, by_status, taken_at);
}

/* ---- the method ---- */

ZEND_METHOD(CloudAcct_Work_Jobs, stats)
{
	zval *zactor, by_status, per_day;
	zend_long from, to, total = 0, taken_at = 0;
	cloudacct_actor actor;
	stats_scope sc;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(from)
		Z_PARAM_LONG(to)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s) {
		RETURN_THROWS();
	}
	if (actor.kind != CLOUDACCT_ACTOR_ADMIN && actor.kind != CLOUDACCT_ACTOR_SYSTEM) {
		cloudacct_throw_forbidden("只有管理员可以查看工单统计 (admins only)");
		RETURN_THROWS();
	}
	if (from < 0 || to <= from || to - from > (zend_long) STATS_MAX_DAYS * STATS_DAY) {
		cloudacct_throw_validation("from", "统计区间须为 1 秒到 %d 天 (from < to, at most %d days)", STATS_MAX_DAYS, STATS_MAX_DAYS);
		RETURN_THROWS();
	}
	if (scope_load(s, &actor, &sc) == FAILURE) {
		RETURN_THROWS();
	}
	zend_long now = cloudacct_clock_now();
	if (jobs_in_hand(s, &sc, now, &by_status, &taken_at) == FAILURE) {
		if (sc.ids) {
			efree(sc.ids);
		}
		RETURN_THROWS();
	}
	zend_long first = (from + STATS_BIZ_OFFSET) / STATS_DAY, last = (to - 1 + STATS_BIZ_OFFSET) / STATS_DAY;
	zend_long *counts = ecalloc((size_t) (last - first + 1), sizeof(zend_long));
	zend_result rc = created_per_day(s, &sc, from, to, now, first, counts);
	if (sc.ids) {
		efree(sc.ids);
	}
	if (rc == FAILURE) {
		efree(counts);
		zval_ptr_dtor(&by_status);
		RETURN_THROWS();
	}
	array_init_size(&per_day, (uint32_t) (last - first + 1));
	for (zend_long d = first; d <= last; d++) {
		char key[16];
		struct tm tm;
		time_t t = (time_t) (d * STATS_DAY);
		php_gmtime_r(&t, &tm);
		size_t klen = (size_t) snprintf(key, sizeof(key), "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		total += counts[d - first];
		add_assoc_long_ex(&per_day, key, klen, counts[d - first]);
	}
	efree(counts);
	array_init_size(return_value, 4);
	add_assoc_zval(return_value, "by_status", &by_status);
	add_assoc_long(return_value, "by_status_at", taken_at);
	add_assoc_zval(return_value, "created", &per_day);
	add_assoc_long(return_value, "created_total", total);
}
