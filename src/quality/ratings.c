/* Ratings (评价) of finished jobs, the per-staff aggregates they keep, the scoreboard that reads
 * only those aggregates, follow-ups of bad ratings and the "please rate" reminder. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "ext/json/php_json.h"
#include "quality_int.h"
#include "../common/errors.h"
#include "../notices/outbox.h"
#include "../settings/settings.h"

#define COMMENT_MAX 500
/* The backend list counts at most this many ratings for its pager ("total_capped" beyond). */
#define LIST_COUNT_CAP 10000
#define REMIND_MAX_CONTACTS 20

static const char *const overall_names[] = { "good", "neutral", "bad" };
static const char *const overall_labels[] = { "好评", "中评", "差评" };

static int overall_index(zend_string *s)
{
	for (int i = 0; i < 3; i++) {
		if (zend_string_equals_cstr(s, overall_names[i], strlen(overall_names[i]))) {
			return i;
		}
	}
	return -1;
}

/* ---- the reminder (work engine hook) ---- */

zend_result cloudacct_quality_job_done(cloudacct_store *s, zend_long job_id, zend_long client_id, zend_long contact_id,
	const char *title, size_t title_len)
{
	zval rated, contacts, payload, *row;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job_id) };
	zend_result rc = SUCCESS;

	if (CLOUDACCT_DB_RUN(s->db, "SELECT id FROM {rating} WHERE uniacid = ? AND job_id = ?", p, 2,
			CLOUDACCT_FETCH_VALUE, &rated) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(rated) != IS_NULL) {
		zval_ptr_dtor(&rated);
		return SUCCESS;
	}
	array_init(&contacts);
	if (contact_id > 0) {
		add_next_index_long(&contacts, contact_id);
	} else {
		zval rows;
		cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id),
			CLOUDACCT_PARAM_LONG(REMIND_MAX_CONTACTS) };
		if (CLOUDACCT_DB_RUN(s->db, "SELECT contact_id FROM {client_contact} WHERE uniacid = ? AND client_id = ?"
				" ORDER BY contact_id LIMIT ?", q, 3, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
			zval_ptr_dtor(&contacts);
			return FAILURE;
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			add_next_index_long(&contacts, cloudacct_work_long(row, "contact_id"));
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&rows);
	}
	array_init_size(&payload, 2);
	add_assoc_long(&payload, "job_id", job_id);
	add_assoc_stringl(&payload, "title", title, title_len);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(contacts), row) {
		if (rc == SUCCESS) {
			rc = cloudacct_quality_notice(s, "client", Z_LVAL_P(row), "rating_request", &payload, "rating_request:%ld:%ld",
				(long) job_id, (long) Z_LVAL_P(row));
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&payload);
	zval_ptr_dtor(&contacts);
	return rc;
}

/* ---- rate ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	cloudacct_work_job *job;
	int overall;
	zval *dims;        /* list of dimension names (borrowed) */
	zend_long *scores; /* per dimension, same order */
	zend_string *scores_json;
	zend_long value_x100;
	zend_string *comment;
	zend_long id;
} rate_ctx;

static zend_result rate_body(cloudacct_connection *c, void *arg)
{
	rate_ctx *x = arg;
	cloudacct_store *s = x->s;
	cloudacct_work_job *job = x->job;
	zend_long now = cloudacct_clock_now();
	const char *ov = overall_names[x->overall];
	size_t tlen;
	const char *title = cloudacct_work_str(&job->row, "title", &tlen);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job->id), CLOUDACCT_PARAM_LONG(job->client_id),
		CLOUDACCT_PARAM_LONG(x->a->id), CLOUDACCT_PARAM_LONG(job->assignee_id), CLOUDACCT_PARAM_LONG(job->store_id),
		CLOUDACCT_PARAM_STR(ov, strlen(ov)), CLOUDACCT_PARAM_ZSTR(x->scores_json), CLOUDACCT_PARAM_LONG(x->value_x100),
		CLOUDACCT_PARAM_ZSTR(x->comment), CLOUDACCT_PARAM_LONG(now),
	};

	/* The unique key (uniacid, job_id) makes "once" hold under any concurrency: a second rater
	 * waits for the first one's row lock and then meets the duplicate. */
	if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {rating} (uniacid, job_id, client_id, contact_id, staff_id, store_id,"
			" overall, scores, value_x100, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			p, 11, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		if (cloudacct_people_exception_is(cloudacct_ce_DuplicateKeyException)) {
			zend_clear_exception();
			cloudacct_throw_conflict("该工单已经评价过了，每个工单只能评价一次 (job %ld is already rated)", (long) job->id);
		}
		return FAILURE;
	}
	x->id = (zend_long) cloudacct_db_insert_id(s->db);

	/* The aggregates, in this transaction: the scoreboard reads nothing else. */
	cloudacct_param g[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job->assignee_id),
		CLOUDACCT_PARAM_LONG(x->overall == 0), CLOUDACCT_PARAM_LONG(x->overall == 1), CLOUDACCT_PARAM_LONG(x->overall == 2),
		CLOUDACCT_PARAM_LONG(x->value_x100), CLOUDACCT_PARAM_LONG(now),
	};
	if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {staff_rating} (uniacid, staff_id, ratings, good, neutral, bad, value_sum,"
			" updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE ratings = ratings + 1,"
			" good = good + VALUES(good), neutral = neutral + VALUES(neutral), bad = bad + VALUES(bad),"
			" value_sum = value_sum + VALUES(value_sum), updated_at = VALUES(updated_at)",
			g, 7, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	zval *d;
	uint32_t i = 0;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(x->dims), d) {
		cloudacct_param dp[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job->assignee_id),
			CLOUDACCT_PARAM_ZSTR(Z_STR_P(d)), CLOUDACCT_PARAM_LONG(x->scores[i]) };
		if (CLOUDACCT_DB_RUN(s->db, "INSERT INTO {staff_rating_dim} (uniacid, staff_id, dimension, score_sum, score_count)"
				" VALUES (?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE score_sum = score_sum + VALUES(score_sum),"
				" score_count = score_count + 1", dp, 4, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
		i++;
	} ZEND_HASH_FOREACH_END();

	zval payload;
	array_init_size(&payload, 4);
	add_assoc_long(&payload, "job_id", job->id);
	add_assoc_long(&payload, "rating_id", x->id);
	add_assoc_stringl(&payload, "title", title, tlen);
	add_assoc_string(&payload, "overall", (char *) overall_labels[x->overall]);
	zend_result rc = cloudacct_quality_notice(s, "staff", job->assignee_id, "rating_received", &payload,
		"rating_received:%ld", (long) x->id);
	if (rc == SUCCESS && x->overall == 2) {
		/* A bad rating opens a follow-up for the admins. */
		cloudacct_param f[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x->id),
			CLOUDACCT_PARAM_LONG(job->id), CLOUDACCT_PARAM_LONG(job->assignee_id), CLOUDACCT_PARAM_LONG(job->store_id),
			CLOUDACCT_PARAM_LONG(now) };
		rc = CLOUDACCT_DB_RUN(s->db, "INSERT INTO {rating_followup} (uniacid, rating_id, job_id, staff_id, store_id,"
			" status, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)", f, 6, CLOUDACCT_FETCH_NONE, NULL);
		if (rc == SUCCESS) {
			add_assoc_long(&payload, "followup_id", (zend_long) cloudacct_db_insert_id(s->db));
			add_assoc_long(&payload, "staff_id", job->assignee_id);
			rc = cloudacct_quality_notice(s, "admin", 0, "rating_bad", &payload, "rating_bad:%ld", (long) x->id);
		}
	}
	zval_ptr_dtor(&payload);
	if (rc == FAILURE) {
		return FAILURE;
	}
	/* The reminder to this contact, if still waiting, is moot. */
	char key[64];
	bool cancelled;
	int klen = snprintf(key, sizeof(key), "rating_request:%ld:%ld", (long) job->id, (long) x->a->id);
	if (cloudacct_outbox_cancel(s, key, (size_t) klen, "rated", 5, &cancelled) == FAILURE) {
		return FAILURE;
	}
	zval detail;
	array_init_size(&detail, 4);
	add_assoc_long(&detail, "job_id", job->id);
	add_assoc_long(&detail, "staff_id", job->assignee_id);
	add_assoc_string(&detail, "overall", (char *) ov);
	add_assoc_long(&detail, "value_x100", x->value_x100);
	rc = cloudacct_quality_audit(s, x->a, "rating_create", "rating", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

/* Checks $scores against the dimensions: every one given, each an int 1..5, nothing else. */
static bool check_scores(HashTable *scores, zval *dims, zend_long *out, zend_long *value_x100, zval *normal)
{
	zend_string *key;
	zend_ulong idx;
	zval *v, *d;
	uint32_t i = 0, n = zend_hash_num_elements(Z_ARRVAL_P(dims));
	zend_long sum = 0;

	ZEND_HASH_FOREACH_KEY_VAL(scores, idx, key, v) {
		bool known = false;
		if (key) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(dims), d) {
				known = known || zend_string_equals(Z_STR_P(d), key);
			} ZEND_HASH_FOREACH_END();
		}
		if (!known) {
			if (key) {
				cloudacct_throw_validation("scores", "没有“%s”这个评价维度 (unknown dimension %s)", ZSTR_VAL(key),
					ZSTR_VAL(key));
			} else {
				cloudacct_throw_validation("scores", "评分须按维度名称给出 (unknown dimension %lu)", (unsigned long) idx);
			}
			return false;
		}
		if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 1 || Z_LVAL_P(v) > 5) {
			cloudacct_throw_validation("scores", "“%s”的评分须为 1 到 5 的整数 (%s: an int 1..5)", ZSTR_VAL(key),
				ZSTR_VAL(key));
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	array_init_size(normal, n);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(dims), d) {
		v = zend_hash_find(scores, Z_STR_P(d));
		if (!v) {
			zval_ptr_dtor(normal);
			ZVAL_UNDEF(normal);
			cloudacct_throw_validation("scores", "请为“%s”打分 (missing score: %s)", Z_STRVAL_P(d), Z_STRVAL_P(d));
			return false;
		}
		out[i++] = Z_LVAL_P(v);
		sum += Z_LVAL_P(v);
		add_assoc_long_ex(normal, Z_STRVAL_P(d), Z_STRLEN_P(d), Z_LVAL_P(v));
	} ZEND_HASH_FOREACH_END();
	/* The rating's value: the mean of its scores, × 100 and rounded half up. */
	*value_x100 = (sum * 200 + n) / (2 * n);
	return true;
}

ZEND_METHOD(CloudAcct_Quality_Ratings, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Quality_Ratings, dimensions)
{
	ZEND_PARSE_PARAMETERS_NONE();
	cloudacct_store *s = cloudacct_area_store(ZEND_THIS);
	if (!s || cloudacct_quality_dimensions(s, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Quality_Ratings, rate)
{
	zval *zactor, dims, normal;
	zend_long job_id;
	zend_string *overall, *comment = NULL;
	HashTable *scores;
	cloudacct_actor a;
	cloudacct_work_job job;
	zend_long values[CLOUDACCT_QUALITY_MAX_DIMS];

	ZEND_PARSE_PARAMETERS_START(4, 5)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(job_id)
		Z_PARAM_STR(overall)
		Z_PARAM_ARRAY_HT(scores)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(comment)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_id(job_id, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (a.kind != CLOUDACCT_ACTOR_CLIENT) {
		cloudacct_throw_forbidden("只有该工单的客户可以评价 (only the job's client may rate it)");
		RETURN_THROWS();
	}
	int ov = overall_index(overall);
	if (ov < 0) {
		cloudacct_throw_validation("overall", "总体评价须为 好评/中评/差评 (good|neutral|bad)");
		RETURN_THROWS();
	}
	if (comment && !cloudacct_work_check_text("comment", "评价内容", comment, 0, COMMENT_MAX, true)) {
		RETURN_THROWS();
	}
	if (cloudacct_quality_dimensions(s, &dims) == FAILURE) {
		RETURN_THROWS();
	}
	rate_ctx x = { .s = s, .a = &a, .job = &job, .overall = ov, .dims = &dims, .scores = values,
		.comment = comment ? comment : ZSTR_EMPTY_ALLOC() };
	if (!check_scores(scores, &dims, values, &x.value_x100, &normal)) {
		zval_ptr_dtor(&dims);
		RETURN_THROWS();
	}
	smart_str json = {0};
	php_json_encode(&json, &normal, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES);
	smart_str_0(&json);
	zval_ptr_dtor(&normal);
	x.scores_json = json.s;

	/* Another company's job answers like a missing one. */
	zend_result rc = cloudacct_work_job_load(s, &a, job_id, &job);
	if (rc == SUCCESS) {
		if (job.status != CLOUDACCT_JOB_DONE && job.status != CLOUDACCT_JOB_CLOSED) {
			cloudacct_throw_invalid_transition(cloudacct_job_state_name(job.status),
				"工单%s，完成后才能评价 (the job is %s: only done or closed jobs can be rated)",
				cloudacct_job_state_label(job.status), cloudacct_job_state_name(job.status));
			rc = FAILURE;
		} else if (job.assignee_id == 0) {
			cloudacct_throw_conflict("该工单没有办理人，无法评价 (the job has no assignee to rate)");
			rc = FAILURE;
		} else {
			rc = cloudacct_db_transaction(s->db, rate_body, &x, 0);
		}
		cloudacct_work_job_free(&job);
	}
	smart_str_free(&json);
	zval_ptr_dtor(&dims);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_LONG(x.id);
}

/* ---- reading ---- */

#define RATING_SELECT \
	"r.id, r.job_id, j.title AS job_title, r.client_id, c.name AS client_name, r.contact_id, r.staff_id," \
	" f.name AS staff_name, r.store_id, r.overall, r.scores, r.value_x100, r.comment, r.created_at"
#define RATING_JOINS \
	" LEFT JOIN {job} j ON j.uniacid = r.uniacid AND j.id = r.job_id" \
	" LEFT JOIN {client} c ON c.uniacid = r.uniacid AND c.id = r.client_id" \
	" LEFT JOIN {staff} f ON f.uniacid = r.uniacid AND f.id = r.staff_id"
#define RATING_FROM "FROM {rating} r" RATING_JOINS " WHERE r.uniacid = ?"

static void rating_fix(zval *row, void *ctx)
{
	size_t len;
	const char *ov = cloudacct_work_str(row, "overall", &len);
	zend_long v = cloudacct_work_long(row, "value_x100");

	cloudacct_quality_decode_json(row, "scores");
	for (int i = 0; i < 3; i++) {
		if (len == strlen(overall_names[i]) && memcmp(ov, overall_names[i], len) == 0) {
			add_assoc_string(row, "overall_label", (char *) overall_labels[i]);
		}
	}
	add_assoc_double(row, "average", (double) v / 100.0);
	if (ctx) {
		/* Clients do not see who else rated or internal columns; none here besides ids. */
		zend_hash_str_del(Z_ARRVAL_P(row), ZEND_STRL("contact_id"));
	}
}

ZEND_METHOD(CloudAcct_Quality_Ratings, forJob)
{
	zval *zactor, row;
	zend_long job_id;
	cloudacct_actor a;
	cloudacct_work_job job;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(job_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_id(job_id, 2) == FAILURE) {
		RETURN_THROWS();
	}
	/* The job's visibility rules (client's companies, assignee, admin's stores), except that
	 * a staff member sees the rating of their own job only. */
	if (cloudacct_work_job_load(s, &a, job_id, &job) == FAILURE) {
		RETURN_THROWS();
	}
	bool mine = a.kind != CLOUDACCT_ACTOR_STAFF || job.assignee_id == a.id;
	cloudacct_work_job_free(&job);
	if (!mine) {
		cloudacct_throw_not_found("工单不存在或无权查看 (job %ld not found)", (long) job_id);
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(job_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT " RATING_SELECT " " RATING_FROM " AND r.job_id = ?", p, 2,
			CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		RETURN_THROWS();
	}
	if (Z_TYPE(row) != IS_ARRAY) {
		RETURN_NULL();
	}
	rating_fix(&row, a.kind == CLOUDACCT_ACTOR_CLIENT ? &a : NULL);
	RETURN_COPY_VALUE(&row);
}

/* The aggregate of one staff member with per-dimension averages (ratings 0 when none). */
static zend_result staff_summary(cloudacct_store *s, zend_long staff_id, zval *out)
{
	zval agg, dims, *d;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(staff_id) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT ratings, good, neutral, bad, value_sum FROM {staff_rating}"
			" WHERE uniacid = ? AND staff_id = ?", p, 2, CLOUDACCT_FETCH_ROW, &agg) == FAILURE) {
		return FAILURE;
	}
	if (CLOUDACCT_DB_RUN(s->db, "SELECT dimension, score_sum, score_count FROM {staff_rating_dim}"
			" WHERE uniacid = ? AND staff_id = ? ORDER BY dimension", p, 2, CLOUDACCT_FETCH_ALL, &dims) == FAILURE) {
		zval_ptr_dtor(&agg);
		return FAILURE;
	}
	zend_long n = Z_TYPE(agg) == IS_ARRAY ? cloudacct_work_long(&agg, "ratings") : 0;
	array_init_size(out, 6);
	add_assoc_long(out, "ratings", n);
	add_assoc_long(out, "good", n ? cloudacct_work_long(&agg, "good") : 0);
	add_assoc_long(out, "neutral", n ? cloudacct_work_long(&agg, "neutral") : 0);
	add_assoc_long(out, "bad", n ? cloudacct_work_long(&agg, "bad") : 0);
	add_assoc_double(out, "average", n ? round((double) cloudacct_work_long(&agg, "value_sum") / n) / 100.0 : 0.0);
	zval per;
	array_init(&per);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(dims), d) {
		size_t len;
		const char *name = cloudacct_work_str(d, "dimension", &len);
		zend_long cnt = cloudacct_work_long(d, "score_count");
		add_assoc_double_ex(&per, name, len, cnt ? round(100.0 * cloudacct_work_long(d, "score_sum") / cnt) / 100.0 : 0.0);
	} ZEND_HASH_FOREACH_END();
	add_assoc_zval(out, "dimensions", &per);
	zval_ptr_dtor(&agg);
	zval_ptr_dtor(&dims);
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Quality_Ratings, forStaff)
{
	zval *zactor, summary;
	zend_long staff_id, page = 1, per_page = 20, store_id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(staff_id)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_id(staff_id, 2) == FAILURE
			|| cloudacct_people_check_paging(page, per_page, 3) == FAILURE
			|| cloudacct_quality_staff_visible(s, &a, staff_id, &store_id) == FAILURE) {
		RETURN_THROWS();
	}
	/* The total is the aggregate's count (kept with every rating in its transaction): counting
	 * the busiest employee's 40,000 ratings read each row, 0.4 s a page (bench/quality.php). */
	if (staff_summary(s, staff_id, &summary) == FAILURE) {
		RETURN_THROWS();
	}
	zval items, *row;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(staff_id),
		CLOUDACCT_PARAM_LONG(per_page), CLOUDACCT_PARAM_LONG((page - 1) * per_page) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT " RATING_SELECT " " RATING_FROM " AND r.staff_id = ?"
			" ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?", p, 4, CLOUDACCT_FETCH_ALL, &items) == FAILURE) {
		zval_ptr_dtor(&summary);
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(items), row) {
		rating_fix(row, NULL);
	} ZEND_HASH_FOREACH_END();
	array_init_size(return_value, 3);
	add_assoc_long(return_value, "total", zval_get_long(zend_hash_str_find(Z_ARRVAL(summary), ZEND_STRL("ratings"))));
	add_assoc_zval(return_value, "items", &items);
	add_assoc_zval(return_value, "summary", &summary);
}

static const cloudacct_fl rating_filters[] = {
	{ "staff_id", CLOUDACCT_FL_LONG, " AND r.staff_id = ?", 1, 0, NULL },
	{ "store_id", CLOUDACCT_FL_LONG, " AND r.store_id = ?", 1, 0, NULL },
	{ "client_id", CLOUDACCT_FL_LONG, " AND r.client_id = ?", 1, 0, NULL },
	{ "overall", CLOUDACCT_FL_STR, " AND r.overall = ?", 1, 8, "good|neutral|bad" },
	{ "since", CLOUDACCT_FL_LONG, " AND r.created_at >= ?", 1, 0, NULL },
	{ "until", CLOUDACCT_FL_LONG, " AND r.created_at < ?", 1, 0, NULL },
};

ZEND_METHOD(CloudAcct_Quality_Ratings, list)
{
	zval *zactor;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor a;
	cloudacct_fl_query q;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_paging(page, per_page, 3) == FAILURE
			|| cloudacct_people_require_admin(&a, "查看全部评价") == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_fl_init(&q);
	cloudacct_fl_add(&q, NULL, CLOUDACCT_PARAM_LONG(s->uniacid));
	smart_str_appends(&q.where, CLOUDACCT_PEOPLE_SCOPE_SQL("r.store_id"));
	cloudacct_people_scope_params(s, a.id, q.p, &q.n);
	zend_result rc = filter
		? cloudacct_fl_apply(filter, rating_filters, sizeof(rating_filters) / sizeof(rating_filters[0]), &q) : SUCCESS;
	zval total, items, *row;
	ZVAL_UNDEF(&total);
	ZVAL_UNDEF(&items);
	smart_str_0(&q.where);
	const char *w = q.where.s ? ZSTR_VAL(q.where.s) : "";
	smart_str sql = {0};
	if (rc == SUCCESS) {
		/* The pager's count stops at LIST_COUNT_CAP + 1 rows and reads the ratings alone: an exact
		 * count of a firm's 10,000,000 ratings read all of them on every view (bench/quality.php). */
		smart_str_append_printf(&sql, "SELECT COUNT(*) FROM (SELECT 1 FROM {rating} r WHERE r.uniacid = ?%s LIMIT %d) t", w,
			LIST_COUNT_CAP + 1);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), q.p, q.n, CLOUDACCT_FETCH_VALUE, &total);
		smart_str_free(&sql);
	}
	bool by_key = filter && (zend_hash_str_exists(filter, ZEND_STRL("staff_id"))
		|| zend_hash_str_exists(filter, ZEND_STRL("store_id")) || zend_hash_str_exists(filter, ZEND_STRL("client_id"))
		|| zend_hash_str_exists(filter, ZEND_STRL("overall")));
	if (rc == SUCCESS && by_key) {
		/* (uniacid, staff_id | store_id | client_id | overall, created_at) gives the order */
		ZEND_ASSERT(q.n + 2 <= CLOUDACCT_FL_MAX_PARAMS);
		q.p[q.n] = CLOUDACCT_PARAM_LONG(per_page);
		q.p[q.n + 1] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
		smart_str_append_printf(&sql, "SELECT " RATING_SELECT " " RATING_FROM "%s ORDER BY r.created_at DESC, r.id DESC"
			" LIMIT ? OFFSET ?", w);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), q.p, q.n + 2, CLOUDACCT_FETCH_ALL, &items);
		smart_str_free(&sql);
	} else if (rc == SUCCESS) {
		/* No index starts (uniacid, created_at): newest first over all ratings sorted every one of
		 * them (10,000,000: minutes). idx_overall (uniacid, overall, created_at) read backwards
		 * gives each of the three kinds newest first; the page is among the first page × perPage
		 * of each kind, so three bounded index reads and a sort of at most 3 × 20,000 ids. */
		cloudacct_param up[3 * (CLOUDACCT_FL_MAX_PARAMS + 1) + 3];
		uint32_t un = 0;
		smart_str_appends(&sql, "SELECT " RATING_SELECT " FROM (");
		for (int i = 0; i < 3; i++) {
			smart_str_append_printf(&sql, "%s(SELECT r.id FROM {rating} r WHERE r.uniacid = ?%s AND r.overall = '%s'"
				" ORDER BY r.created_at DESC, r.id DESC LIMIT ?)", i ? " UNION ALL " : "", w, overall_names[i]);
			for (uint32_t k = 0; k < q.n; k++) {
				up[un++] = q.p[k];
			}
			up[un++] = CLOUDACCT_PARAM_LONG(page * per_page);
		}
		smart_str_appends(&sql, ") u JOIN {rating} r ON r.uniacid = ? AND r.id = u.id" RATING_JOINS
			" ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?");
		up[un++] = CLOUDACCT_PARAM_LONG(s->uniacid);
		up[un++] = CLOUDACCT_PARAM_LONG(per_page);
		up[un++] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), up, un, CLOUDACCT_FETCH_ALL, &items);
		smart_str_free(&sql);
	}
	cloudacct_fl_free(&q);
	if (rc == FAILURE) {
		zval_ptr_dtor(&total);
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(items), row) {
		rating_fix(row, NULL);
	} ZEND_HASH_FOREACH_END();
	zend_long n = zval_get_long(&total);
	zval_ptr_dtor(&total);
	array_init_size(return_value, 3);
	add_assoc_long(return_value, "total", n > LIST_COUNT_CAP ? LIST_COUNT_CAP : n);
	add_assoc_bool(return_value, "total_capped", n > LIST_COUNT_CAP);
	add_assoc_zval(return_value, "items", &items);
}

/* ---- scoreboard ---- */

ZEND_METHOD(CloudAcct_Quality_Ratings, scoreboard)
{
	zval *zactor, firm, rows, total, dims, *row;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20, weight = 5, store_id = 0;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_paging(page, per_page, 3) == FAILURE
			|| cloudacct_quality_staff_or_admin(s, &a, "查看评价排行") == FAILURE) {
		RETURN_THROWS();
	}
	if (filter) {
		zend_string *key;
		zval *v;
		ZEND_HASH_FOREACH_STR_KEY_VAL(filter, key, v) {
			if (!key || !zend_string_equals_literal(key, "store_id")) {
				cloudacct_throw_validation(key ? ZSTR_VAL(key) : "filter", "不支持的筛选条件 (unknown filter)");
				RETURN_THROWS();
			}
			if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 0) {
				cloudacct_throw_validation("store_id", "门店须为整数 id (store_id: an int)");
				RETURN_THROWS();
			}
			store_id = Z_LVAL_P(v);
		} ZEND_HASH_FOREACH_END();
	}
	if (cloudacct_settings_long(s, "rating_prior_weight", &weight) == FAILURE) {
		RETURN_THROWS();
	}
	/* The prior: the firm-wide mean, from the aggregate rows (one per rated employee). */
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT COALESCE(SUM(value_sum), 0) AS v, COALESCE(SUM(ratings), 0) AS n"
			" FROM {staff_rating} WHERE uniacid = ?", u, 1, CLOUDACCT_FETCH_ROW, &firm) == FAILURE) {
		RETURN_THROWS();
	}
	double fv = zval_get_double(zend_hash_str_find(Z_ARRVAL(firm), ZEND_STRL("v")));
	double fn = zval_get_double(zend_hash_str_find(Z_ARRVAL(firm), ZEND_STRL("n")));
	zval_ptr_dtor(&firm);
	double prior = fn > 0 ? fv / fn / 100.0 : 0.0;
	double m = (double) weight;

	cloudacct_param p[12];
	uint32_t n = 0;
	smart_str where = {0};
	p[n++] = CLOUDACCT_PARAM_LONG(s->uniacid);
	smart_str_appends(&where, " WHERE r.uniacid = ? AND r.ratings > 0 AND f.active = 1");
	if (store_id) {
		smart_str_appends(&where, " AND f.store_id = ?");
		p[n++] = CLOUDACCT_PARAM_LONG(store_id);
	}
	if (a.kind == CLOUDACCT_ACTOR_ADMIN) {
		smart_str_appends(&where, CLOUDACCT_PEOPLE_SCOPE_SQL("f.store_id"));
		cloudacct_people_scope_params(s, a.id, p, &n);
	}
	smart_str_0(&where);
	smart_str sql = {0};
	/* the pager's count and the ratings by kind of the same employees, from their aggregate rows */
	smart_str_append_printf(&sql, "SELECT COUNT(*) AS total, COALESCE(SUM(r.ratings), 0) AS ratings,"
		" COALESCE(SUM(r.good), 0) AS good, COALESCE(SUM(r.neutral), 0) AS neutral, COALESCE(SUM(r.bad), 0) AS bad"
		" FROM {staff_rating} r JOIN {staff} f ON f.uniacid = r.uniacid AND f.id = r.staff_id%s", ZSTR_VAL(where.s));
	smart_str_0(&sql);
	zend_result rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), p, n, CLOUDACCT_FETCH_ROW, &total);
	smart_str_free(&sql);
	if (rc == FAILURE) {
		smart_str_free(&where);
		RETURN_THROWS();
	}
	/* score = (m·C + Σv/100) / (m + n); the same parameters for every statement keep it cached. */
	cloudacct_param q[16];
	uint32_t k = 0;
	q[k++] = (cloudacct_param){ .kind = CLOUDACCT_P_DOUBLE, .d = m * prior };
	q[k++] = (cloudacct_param){ .kind = CLOUDACCT_P_DOUBLE, .d = m };
	for (uint32_t i = 0; i < n; i++) {
		q[k++] = p[i];
	}
	q[k++] = CLOUDACCT_PARAM_LONG(per_page);
	q[k++] = CLOUDACCT_PARAM_LONG((page - 1) * per_page);
	smart_str_append_printf(&sql, "SELECT r.staff_id, f.name, f.store_id, r.ratings, r.good, r.neutral, r.bad,"
		" r.value_sum, (? + r.value_sum / 100) / (? + r.ratings) AS score FROM {staff_rating} r JOIN {staff} f"
		" ON f.uniacid = r.uniacid AND f.id = r.staff_id%s ORDER BY score DESC, r.ratings DESC, r.staff_id"
		" LIMIT ? OFFSET ?", ZSTR_VAL(where.s));
	smart_str_0(&sql);
	rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), q, k, CLOUDACCT_FETCH_ALL, &rows);
	smart_str_free(&sql);
	smart_str_free(&where);
	if (rc == FAILURE) {
		zval_ptr_dtor(&total);
		RETURN_THROWS();
	}
	/* Per-dimension averages of the page's employees: one query by primary key. */
	uint32_t cnt = zend_hash_num_elements(Z_ARRVAL(rows));
	ZVAL_UNDEF(&dims);
	if (cnt) {
		cloudacct_param dp[1 + 200];
		uint32_t dn = 0;
		dp[dn++] = CLOUDACCT_PARAM_LONG(s->uniacid);
		smart_str_appends(&sql, "SELECT staff_id, dimension, score_sum, score_count FROM {staff_rating_dim}"
			" WHERE uniacid = ? AND staff_id IN (");
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			smart_str_appends(&sql, dn > 1 ? ", ?" : "?");
			dp[dn++] = CLOUDACCT_PARAM_LONG(cloudacct_work_long(row, "staff_id"));
		} ZEND_HASH_FOREACH_END();
		smart_str_appends(&sql, ") ORDER BY staff_id, dimension");
		smart_str_0(&sql);
		rc = cloudacct_db_run(s->db, ZSTR_VAL(sql.s), ZSTR_LEN(sql.s), dp, dn, CLOUDACCT_FETCH_ALL, &dims);
		smart_str_free(&sql);
		if (rc == FAILURE) {
			zval_ptr_dtor(&total);
			zval_ptr_dtor(&rows);
			RETURN_THROWS();
		}
	}
	array_init_size(return_value, 5);
	zval totals;
	array_init_size(&totals, 4);
	static const char *const kinds[] = { "ratings", "good", "neutral", "bad" };
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		add_assoc_long(&totals, kinds[i], zval_get_long(zend_hash_str_find(Z_ARRVAL(total), kinds[i], strlen(kinds[i]))));
	}
	add_assoc_long(return_value, "total", zval_get_long(zend_hash_str_find(Z_ARRVAL(total), ZEND_STRL("total"))));
	zval_ptr_dtor(&total);
	add_assoc_zval(return_value, "totals", &totals);
	add_assoc_double(return_value, "prior_mean", round(prior * 1000.0) / 1000.0);
	add_assoc_long(return_value, "prior_weight", weight);
	zval items;
	array_init_size(&items, cnt);
	zend_long rank = (page - 1) * per_page;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zval it, per, *d;
		zend_long sid = cloudacct_work_long(row, "staff_id"), nr = cloudacct_work_long(row, "ratings");
		double vs = zval_get_double(zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("value_sum")));
		size_t len;
		const char *name = cloudacct_work_str(row, "name", &len);
		array_init_size(&it, 11);
		add_assoc_long(&it, "rank", ++rank);
		add_assoc_long(&it, "staff_id", sid);
		add_assoc_stringl(&it, "name", name, len);
		add_assoc_long(&it, "store_id", cloudacct_work_long(row, "store_id"));
		add_assoc_long(&it, "ratings", nr);
		add_assoc_long(&it, "good", cloudacct_work_long(row, "good"));
		add_assoc_long(&it, "neutral", cloudacct_work_long(row, "neutral"));
		add_assoc_long(&it, "bad", cloudacct_work_long(row, "bad"));
		add_assoc_double(&it, "average", round(vs / nr) / 100.0);
		add_assoc_double(&it, "score", round((m * prior + vs / 100.0) / (m + nr) * 1000.0) / 1000.0);
		array_init(&per);
		if (Z_TYPE(dims) == IS_ARRAY) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(dims), d) {
				if (cloudacct_work_long(d, "staff_id") == sid) {
					size_t dl;
					const char *dname = cloudacct_work_str(d, "dimension", &dl);
					zend_long c = cloudacct_work_long(d, "score_count");
					add_assoc_double_ex(&per, dname, dl,
						c ? round(100.0 * cloudacct_work_long(d, "score_sum") / c) / 100.0 : 0.0);
				}
			} ZEND_HASH_FOREACH_END();
		}
		add_assoc_zval(&it, "dimensions", &per);
		add_next_index_zval(&items, &it);
	} ZEND_HASH_FOREACH_END();
	add_assoc_zval(return_value, "items", &items);
	zval_ptr_dtor(&rows);
	zval_ptr_dtor(&dims);
}

/* ---- follow-ups of bad ratings ---- */

static const cloudacct_fl followup_filters[] = {
	{ "status", CLOUDACCT_FL_STR, " AND u.status = ?", 1, 8, "open|handled" },
	{ "store_id", CLOUDACCT_FL_LONG, " AND u.store_id = ?", 1, 0, NULL },
	{ "staff_id", CLOUDACCT_FL_LONG, " AND u.staff_id = ?", 1, 0, NULL },
};

static void followup_fix(zval *row, void *ctx)
{
	cloudacct_quality_decode_json(row, "scores");
}

ZEND_METHOD(CloudAcct_Quality_Ratings, followups)
{
	zval *zactor;
	HashTable *filter = NULL;
	zend_long page = 1, per_page = 20;
	cloudacct_actor a;
	cloudacct_fl_query q;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filter)
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_paging(page, per_page, 3) == FAILURE
			|| cloudacct_people_require_admin(&a, "查看差评跟进") == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_fl_init(&q);
	cloudacct_fl_add(&q, NULL, CLOUDACCT_PARAM_LONG(s->uniacid));
	smart_str_appends(&q.where, CLOUDACCT_PEOPLE_SCOPE_SQL("u.store_id"));
	cloudacct_people_scope_params(s, a.id, q.p, &q.n);
	zend_result rc = filter
		? cloudacct_fl_apply(filter, followup_filters, sizeof(followup_filters) / sizeof(followup_filters[0]), &q)
		: SUCCESS;
	if (rc == SUCCESS) {
		rc = cloudacct_people_paged(s,
			"u.id, u.rating_id, u.job_id, j.title AS job_title, u.staff_id, f.name AS staff_name, u.store_id, u.status,"
			" u.note, u.handled_by, u.handled_at, u.created_at, r.client_id, r.scores, r.comment",
			"FROM {rating_followup} u JOIN {rating} r ON r.uniacid = u.uniacid AND r.id = u.rating_id"
			" LEFT JOIN {job} j ON j.uniacid = u.uniacid AND j.id = u.job_id"
			" LEFT JOIN {staff} f ON f.uniacid = u.uniacid AND f.id = u.staff_id WHERE u.uniacid = ?",
			&q, "u.status DESC, u.created_at, u.id", page, per_page, followup_fix, NULL, return_value);
	}
	cloudacct_fl_free(&q);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long id;
	zend_string *note;
} handle_ctx;

static zend_result handle_body(cloudacct_connection *c, void *arg)
{
	handle_ctx *x = arg;
	zval row;
	bool yes = false;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->id) };

	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id, store_id, status FROM {rating_followup} WHERE uniacid = ? AND id = ?",
			p, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) == IS_ARRAY
			&& cloudacct_people_admin_may_store(x->s, x->a->id, cloudacct_work_long(&row, "store_id"), &yes) == FAILURE) {
		zval_ptr_dtor(&row);
		return FAILURE;
	}
	if (Z_TYPE(row) != IS_ARRAY || !yes) {
		zval_ptr_dtor(&row);
		cloudacct_throw_not_found("差评跟进不存在或无权查看 (follow-up %ld not found)", (long) x->id);
		return FAILURE;
	}
	zval_ptr_dtor(&row);
	zend_long now = cloudacct_clock_now();
	cloudacct_param u[] = { CLOUDACCT_PARAM_ZSTR(x->note), CLOUDACCT_PARAM_LONG(x->a->id), CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(x->id), CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {rating_followup} SET status = 'handled', note = ?, handled_by = ?,"
			" handled_at = ? WHERE id = ? AND uniacid = ? AND status = 'open'", u, 5, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_db_affected_rows(x->s->db) == 0) {
		cloudacct_throw_invalid_transition("handled", "该差评已跟进处理 (the follow-up is already handled)");
		return FAILURE;
	}
	zval detail;
	array_init_size(&detail, 1);
	add_assoc_str(&detail, "note", zend_string_copy(x->note));
	zend_result rc = cloudacct_quality_audit(x->s, x->a, "rating_followup_handle", "rating_followup", x->id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

ZEND_METHOD(CloudAcct_Quality_Ratings, handleFollowup)
{
	zval *zactor;
	zend_long id;
	zend_string *note;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(id)
		Z_PARAM_STR(note)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_people_check_id(id, 2) == FAILURE
			|| cloudacct_people_require_admin(&a, "处理差评跟进") == FAILURE
			|| !cloudacct_work_check_text("note", "跟进说明", note, 1, 500, true)) {
		RETURN_THROWS();
	}
	handle_ctx x = { s, &a, id, note };
	if (cloudacct_db_transaction(s->db, handle_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
}
