/* CloudAcct\Work\Calendar: the per-uniacid working calendar (the work_calendar setting) that SLA
 * due times and recurring due dates are computed in. The maths is src/core/calendar.c. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "internal.h"
#include "work.h"
#include "../common/errors.h"
#include "../context/area.h"

#define MAX_EXCEPTIONS 1000

zend_class_entry *cloudacct_ce_Work_Calendar;

/* Throws only when asked: a stored calendar that went bad must not break every job. */
static bool bad(bool loud, const char *field, const char *msg)
{
	if (loud) {
		cloudacct_throw_validation(field, "工作日历：%s", msg);
	}
	return false;
}

/* "HH:MM" → minutes after midnight; 24:00 allowed. */
static bool parse_hhmm(zval *v, int32_t *out)
{
	const char *s;

	if (!v || Z_TYPE_P(v) != IS_STRING || Z_STRLEN_P(v) != 5) {
		return false;
	}
	s = Z_STRVAL_P(v);
	if (s[2] != ':' || s[0] < '0' || s[0] > '2' || s[1] < '0' || s[1] > '9' || s[3] < '0' || s[3] > '5'
			|| s[4] < '0' || s[4] > '9') {
		return false;
	}
	int32_t m = ((s[0] - '0') * 10 + (s[1] - '0')) * 60 + (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 1440) {
		return false;
	}
	*out = m;
	return true;
}

static bool parse_weekend(zval *v, uint8_t *mask, bool loud)
{
	zval *d;

	*mask = 0;
	if (!v || Z_TYPE_P(v) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(v))) {
		return bad(loud, "weekend", "周末须为 0（周日）到 6（周六）的数字列表 (weekend: list of 0..6)");
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), d) {
		if (Z_TYPE_P(d) != IS_LONG || Z_LVAL_P(d) < 0 || Z_LVAL_P(d) > 6 || (*mask & (1u << Z_LVAL_P(d)))) {
			return bad(loud, "weekend", "周末须为 0（周日）到 6（周六）的不重复数字列表 (weekend: list of 0..6)");
		}
		*mask |= (uint8_t) (1u << Z_LVAL_P(d));
	} ZEND_HASH_FOREACH_END();
	return true;
}

static bool parse_exceptions(zval *v, cloudacct_work_calendar *out, bool loud)
{
	zval *e;
	uint32_t i = 0;
	char msg[192];

	if (!v || Z_TYPE_P(v) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(v))
			|| zend_hash_num_elements(Z_ARRVAL_P(v)) > MAX_EXCEPTIONS) {
		return bad(loud, "exceptions", "节假日与调休须为最多 1000 项的列表 (exceptions: a list of up to 1000)");
	}
	out->ex = safe_emalloc(zend_hash_num_elements(Z_ARRVAL_P(v)) + 1, sizeof(*out->ex), 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), e) {
		zval *date = Z_TYPE_P(e) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(e), ZEND_STRL("date")) : NULL;
		zval *workday = Z_TYPE_P(e) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(e), ZEND_STRL("workday")) : NULL;
		int32_t d;
		if (!date || Z_TYPE_P(date) != IS_STRING || !cloudacct_date_parse(Z_STRVAL_P(date), Z_STRLEN_P(date), &d)
				|| zend_hash_num_elements(Z_ARRVAL_P(e)) != 2 || !workday
				|| (Z_TYPE_P(workday) != IS_TRUE && Z_TYPE_P(workday) != IS_FALSE)) {
			/* Quote the offending date when it is short printable ASCII (never echo raw bytes). */
			bool quotable = date && Z_TYPE_P(date) == IS_STRING && Z_STRLEN_P(date) <= 16;
			for (size_t k = 0; quotable && k < Z_STRLEN_P(date); k++) {
				quotable = Z_STRVAL_P(date)[k] >= 0x20 && Z_STRVAL_P(date)[k] < 0x7f;
			}
			snprintf(msg, sizeof(msg), "第 %u 项%s%s%s须为 {date: \"YYYY-MM-DD\"（真实日期）, workday: true|false} (exceptions[%u])",
				i + 1, quotable ? "「" : "", quotable ? Z_STRVAL_P(date) : "", quotable ? "」" : "", i);
			return bad(loud, "exceptions", msg);
		}
		out->ex[i].date = d;
		out->ex[i].workday = Z_TYPE_P(workday) == IS_TRUE;
		i++;
	} ZEND_HASH_FOREACH_END();
	cloudacct_calendar_status st = cloudacct_calendar_sort_exceptions(out->ex, i);
	if (st != CLOUDACCT_CALENDAR_OK) {
		return bad(loud, "exceptions", cloudacct_calendar_status_message(st));
	}
	out->cal.exceptions = out->ex;
	out->cal.n_exceptions = i;
	return true;
}

static bool parse(zval *v, cloudacct_work_calendar *out, bool loud)
{
	static const char *const keys[] = { "day_start", "day_end", "break_start", "break_end", "weekend", "exceptions" };
	zend_string *key;
	HashTable *ht;

	cloudacct_calendar_init_china(&out->cal);
	out->ex = NULL;
	if (Z_TYPE_P(v) != IS_ARRAY) {
		return bad(loud, "calendar", "格式不对 (an array expected)");
	}
	ht = Z_ARRVAL_P(v);
	ZEND_HASH_FOREACH_STR_KEY(ht, key) {
		bool known = false;
		for (size_t i = 0; key && i < sizeof(keys) / sizeof(keys[0]); i++) {
			known = known || zend_string_equals_cstr(key, keys[i], strlen(keys[i]));
		}
		if (!known) {
			return bad(loud, key ? ZSTR_VAL(key) : "", "未知字段 (unknown key)");
		}
	} ZEND_HASH_FOREACH_END();
	if (!parse_hhmm(zend_hash_str_find(ht, ZEND_STRL("day_start")), &out->cal.day_start)
			|| !parse_hhmm(zend_hash_str_find(ht, ZEND_STRL("day_end")), &out->cal.day_end)) {
		return bad(loud, "day_start", "上下班时间须为 HH:MM (day_start/day_end: HH:MM)");
	}
	zval *bs = zend_hash_str_find(ht, ZEND_STRL("break_start")), *be = zend_hash_str_find(ht, ZEND_STRL("break_end"));
	bool no_break = (!bs || (Z_TYPE_P(bs) == IS_STRING && Z_STRLEN_P(bs) == 0))
		&& (!be || (Z_TYPE_P(be) == IS_STRING && Z_STRLEN_P(be) == 0));
	if (no_break) {
		out->cal.break_start = out->cal.break_end = out->cal.day_start;
	} else if (!parse_hhmm(bs, &out->cal.break_start) || !parse_hhmm(be, &out->cal.break_end)) {
		return bad(loud, "break_start", "午休时间须为 HH:MM，或都留空表示不午休 (break_start/break_end: HH:MM or both empty)");
	}
	if (!parse_weekend(zend_hash_str_find(ht, ZEND_STRL("weekend")), &out->cal.weekend_mask, loud)
			|| !parse_exceptions(zend_hash_str_find(ht, ZEND_STRL("exceptions")), out, loud)) {
		return false;
	}
	cloudacct_calendar_status st = cloudacct_calendar_validate(&out->cal);
	if (st != CLOUDACCT_CALENDAR_OK) {
		return bad(loud, "calendar", cloudacct_calendar_status_message(st));
	}
	return true;
}

bool cloudacct_work_calendar_parse(zval *v, cloudacct_work_calendar *out)
{
	if (!parse(v, out, true)) {
		cloudacct_work_calendar_free(out);
		return false;
	}
	return true;
}

bool cloudacct_work_calendar_check(zval *value)
{
	cloudacct_work_calendar c;
	if (!cloudacct_work_calendar_parse(value, &c)) {
		return false;
	}
	cloudacct_work_calendar_free(&c);
	return true;
}

void cloudacct_work_calendar_free(cloudacct_work_calendar *c)
{
	if (c->ex) {
		efree(c->ex);
		c->ex = NULL;
	}
	c->cal.exceptions = NULL;
	c->cal.n_exceptions = 0;
}

void cloudacct_work_calendar_from_setting(zval *v, cloudacct_work_calendar *out)
{
	if (!parse(v, out, false)) {
		cloudacct_work_calendar_free(out);
		cloudacct_calendar_init_china(&out->cal);
	}
}

zend_result cloudacct_work_calendar_load(cloudacct_store *s, cloudacct_work_calendar *out)
{
	static const char *const names[] = { "work_calendar" };
	zval v;

	if (cloudacct_work_settings(s, names, 1, &v) == FAILURE) {
		return FAILURE;
	}
	cloudacct_work_calendar_from_setting(&v, out);
	zval_ptr_dtor(&v);
	return SUCCESS;
}

/* ---- the PHP class ---- */

static void hhmm(zval *arr, const char *key, int32_t minutes)
{
	char buf[8];
	snprintf(buf, sizeof(buf), "%02d:%02d", minutes / 60, minutes % 60);
	add_assoc_string(arr, key, buf);
}

static void calendar_to_array(const cloudacct_calendar *cal, zval *out)
{
	zval weekend, ex;
	char date[CLOUDACCT_DATE_BUFSZ];

	array_init_size(out, 6);
	hhmm(out, "day_start", cal->day_start);
	hhmm(out, "day_end", cal->day_end);
	if (cal->break_start == cal->break_end) {
		add_assoc_string(out, "break_start", "");
		add_assoc_string(out, "break_end", "");
	} else {
		hhmm(out, "break_start", cal->break_start);
		hhmm(out, "break_end", cal->break_end);
	}
	array_init(&weekend);
	for (int d = 0; d < 7; d++) {
		if (cal->weekend_mask & (1u << d)) {
			add_next_index_long(&weekend, d);
		}
	}
	add_assoc_zval(out, "weekend", &weekend);
	array_init_size(&ex, (uint32_t) cal->n_exceptions);
	for (size_t i = 0; i < cal->n_exceptions; i++) {
		zval e;
		array_init_size(&e, 2);
		cloudacct_date_format(cal->exceptions[i].date, date);
		add_assoc_string(&e, "date", date);
		add_assoc_bool(&e, "workday", cal->exceptions[i].workday);
		add_next_index_zval(&ex, &e);
	}
	add_assoc_zval(out, "exceptions", &ex);
}

static cloudacct_store *calendar_of(zval *this_zv, cloudacct_work_calendar *c)
{
	cloudacct_store *s = cloudacct_area_store(this_zv);
	if (!s || cloudacct_work_calendar_load(s, c) == FAILURE) {
		return NULL;
	}
	return s;
}

ZEND_METHOD(CloudAcct_Work_Calendar, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(CloudAcct_Work_Calendar, get)
{
	cloudacct_work_calendar c;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!calendar_of(ZEND_THIS, &c)) {
		RETURN_THROWS();
	}
	calendar_to_array(&c.cal, return_value);
	cloudacct_work_calendar_free(&c);
}

typedef struct {
	cloudacct_store *store;
	cloudacct_actor *actor;
	zend_string *json;
} calendar_save_ctx;

static zend_result calendar_save(cloudacct_connection *conn, void *ctx_)
{
	calendar_save_ctx *ctx = ctx_;
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(ctx->store->uniacid), CLOUDACCT_PARAM_ZSTR(ctx->json),
		CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_ZSTR(ctx->json), CLOUDACCT_PARAM_LONG(now) };

	if (CLOUDACCT_DB_RUN(conn, "INSERT INTO {setting} (uniacid, name, value, updated_at) VALUES (?, 'work_calendar', ?, ?)"
			" ON DUPLICATE KEY UPDATE value = ?, updated_at = ?", p, 5, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	return cloudacct_work_audit(ctx->store, ctx->actor, "calendar_set", "setting", 0, NULL);
}

ZEND_METHOD(CloudAcct_Work_Calendar, set)
{
	zval *zactor;
	HashTable *input;
	cloudacct_actor actor;
	cloudacct_work_calendar c;
	zval arr, norm;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(input)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_work_begin(ZEND_THIS, zactor, &actor);
	if (!s || !cloudacct_require_firm_admin(s, &actor, "设置工作日历") == SUCCESS) {
		RETURN_THROWS();
	}
	ZVAL_ARR(&arr, input);
	if (!cloudacct_work_calendar_parse(&arr, &c)) {
		RETURN_THROWS();
	}
	/* Stored normalised: sorted exceptions, canonical times. */
	calendar_to_array(&c.cal, &norm);
	cloudacct_work_calendar_free(&c);
	calendar_save_ctx ctx = { s, &actor, cloudacct_work_json(&norm, "calendar") };
	zval_ptr_dtor(&norm);
	if (!ctx.json) {
		RETURN_THROWS();
	}
	zend_result rc = cloudacct_db_transaction(s->db, calendar_save, &ctx, 0);
	zend_string_release(ctx.json);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Work_Calendar, addBusinessTime)
{
	zend_long from, seconds;
	cloudacct_work_calendar c;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(from)
		Z_PARAM_LONG(seconds)
	ZEND_PARSE_PARAMETERS_END();

	if (from < 0 || from > CLOUDACCT_TS_MAX) {
		zend_argument_value_error(1, "must be a unix timestamp before 3000-01-01");
		RETURN_THROWS();
	}
	if (seconds < 0) {
		zend_argument_value_error(2, "must be greater than or equal to 0");
		RETURN_THROWS();
	}
	if (!calendar_of(ZEND_THIS, &c)) {
		RETURN_THROWS();
	}
	int64_t t = cloudacct_calendar_add(&c.cal, from, seconds);
	cloudacct_work_calendar_free(&c);
	if (t < 0) {
		cloudacct_throw_validation("seconds", "三年内没有足够的工作时间 (no such working time within 3 years)");
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) t);
}

ZEND_METHOD(CloudAcct_Work_Calendar, businessTimeBetween)
{
	zend_long from, to;
	cloudacct_work_calendar c;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(from)
		Z_PARAM_LONG(to)
	ZEND_PARSE_PARAMETERS_END();

	if (from < 0 || from > CLOUDACCT_TS_MAX) {
		zend_argument_value_error(1, "must be a unix timestamp before 3000-01-01");
		RETURN_THROWS();
	}
	if (to < 0 || to > CLOUDACCT_TS_MAX) {
		zend_argument_value_error(2, "must be a unix timestamp before 3000-01-01");
		RETURN_THROWS();
	}
	if (!calendar_of(ZEND_THIS, &c)) {
		RETURN_THROWS();
	}
	int64_t n = cloudacct_calendar_between(&c.cal, from, to);
	cloudacct_work_calendar_free(&c);
	RETURN_LONG((zend_long) n);
}

ZEND_METHOD(CloudAcct_Work_Calendar, nextWorkday)
{
	zend_string *date;
	int32_t d;
	char buf[CLOUDACCT_DATE_BUFSZ];
	cloudacct_work_calendar c;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(date)
	ZEND_PARSE_PARAMETERS_END();

	if (!cloudacct_date_parse(ZSTR_VAL(date), ZSTR_LEN(date), &d)) {
		cloudacct_throw_validation("date", "日期须为 YYYY-MM-DD 格式的真实日期 (date: YYYY-MM-DD)");
		RETURN_THROWS();
	}
	if (!calendar_of(ZEND_THIS, &c)) {
		RETURN_THROWS();
	}
	int32_t next = cloudacct_calendar_next_workday_on_or_after(&c.cal, d);
	cloudacct_work_calendar_free(&c);
	if (next < 0) {
		cloudacct_throw_validation("date", "三年内没有工作日 (no workday within 3 years)");
		RETURN_THROWS();
	}
	cloudacct_date_format(next, buf);
	RETURN_STRING(buf);
}
