/* Cached server-side prepared statements and row fetch into PHP arrays.
 *
 * Statements are cached per link, keyed by the SQL text the caller passed (before {table}
 * expansion, which depends only on the link's prefix). Results stream unbuffered into PHP
 * values: integers as int, floating columns as float, everything else (DECIMAL, strings, dates)
 * as string, NULL as null. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "php_cloudacct.h"
#include <errmsg.h>
#include <mysqld_error.h>
#include "link.h"

typedef enum { COL_LONG, COL_DOUBLE, COL_STRING } col_kind;

typedef struct {
	col_kind kind;
	bool is_unsigned;
	char *buf;           /* owned: string buffer */
	unsigned long cap;   /* bytes in buf */
	unsigned long len;   /* length of the fetched value */
	my_bool is_null;
	my_bool error;       /* truncated */
	int64_t l;
	double d;
	char *name;          /* owned: column name */
	size_t name_len;
} cloudacct_col;

struct cloudacct_stmt {
	char *key;           /* owned: the SQL as given */
	size_t key_len;
	zend_ulong hash;
	MYSQL_STMT *stmt;    /* owned */
	MYSQL *mysql;        /* borrowed: the link's connection, which outlives its statement cache */
	unsigned int n_params, n_cols;
	MYSQL_BIND *pbind;   /* owned, n_params */
	MYSQL_BIND *rbind;   /* owned, n_cols */
	cloudacct_col *cols; /* owned, n_cols */
	bool simple_keys;    /* column names unique and not numeric: rows can be built by append */
	uint64_t last_use;
	cloudacct_stmt *next;
};

#define INITIAL_STRING_CAP 256
#define MAX_INITIAL_STRING_CAP 4096

static void free_results(cloudacct_stmt *st)
{
	for (unsigned int i = 0; i < st->n_cols; i++) {
		free(st->cols[i].buf);
		free(st->cols[i].name);
	}
	free(st->cols);
	free(st->rbind);
	st->cols = NULL;
	st->rbind = NULL;
	st->n_cols = 0;
}

static void stmt_free(cloudacct_stmt *st)
{
	if (st->stmt) {
		mysql_stmt_close(st->stmt);
	}
	free_results(st);
	free(st->pbind);
	free(st->key);
	free(st);
}

void cloudacct_stmt_cache_clear(cloudacct_link *link)
{
	for (uint32_t b = 0; b < link->n_buckets; b++) {
		cloudacct_stmt *st = link->buckets[b];
		while (st) {
			cloudacct_stmt *next = st->next;
			stmt_free(st);
			st = next;
		}
		link->buckets[b] = NULL;
	}
	link->n_stmts = 0;
}

static void evict_lru(cloudacct_link *link)
{
	cloudacct_stmt **victim = NULL;

	for (uint32_t b = 0; b < link->n_buckets; b++) {
		for (cloudacct_stmt **pp = &link->buckets[b]; *pp; pp = &(*pp)->next) {
			if (!victim || (*pp)->last_use < (*victim)->last_use) {
				victim = pp;
			}
		}
	}
	if (victim) {
		cloudacct_stmt *st = *victim;
		*victim = st->next;
		stmt_free(st);
		link->n_stmts--;
	}
}

/* `{name}` → `<prefix>cloudacct_<name>` outside quotes; name is [a-z0-9_]+. */
void cloudacct_db_expand_tables(smart_str *out, const char *sql, size_t len, const char *prefix)
{
	char quote = 0;

	for (size_t i = 0; i < len; i++) {
		char ch = sql[i];
		if (quote) {
			smart_str_appendc(out, ch);
			if (ch == '\\' && quote != '`' && i + 1 < len) {
				smart_str_appendc(out, sql[++i]);
			} else if (ch == quote) {
				quote = 0;
			}
			continue;
		}
		if (ch == '\'' || ch == '"' || ch == '`') {
			quote = ch;
			smart_str_appendc(out, ch);
			continue;
		}
		if (ch == '{') {
			size_t j = i + 1;
			while (j < len && ((sql[j] >= 'a' && sql[j] <= 'z') || (sql[j] >= '0' && sql[j] <= '9') || sql[j] == '_')) {
				j++;
			}
			if (j > i + 1 && j < len && sql[j] == '}') {
				smart_str_appendc(out, '`');
				smart_str_appends(out, prefix);
				smart_str_appendl(out, "cloudacct_", sizeof("cloudacct_") - 1);
				smart_str_appendl(out, sql + i + 1, j - i - 1);
				smart_str_appendc(out, '`');
				i = j;
				continue;
			}
		}
		smart_str_appendc(out, ch);
	}
	smart_str_0(out);
}

/* An error raised while rows stream in (e.g. a division or conversion error under strict mode)
 * is kept by libmariadb on the connection, not the statement: fall back to it. */
static void capture_stmt_error(cloudacct_stmt *st, cloudacct_db_error *err)
{
	if (mysql_stmt_errno(st->stmt) == 0 && mysql_errno(st->mysql) != 0) {
		cloudacct_link_capture_error(st->mysql, err);
		return;
	}
	err->err = mysql_stmt_errno(st->stmt);
	snprintf(err->sqlstate, sizeof(err->sqlstate), "%s", mysql_stmt_sqlstate(st->stmt));
	snprintf(err->msg, sizeof(err->msg), "%s", mysql_stmt_error(st->stmt));
}

static bool setup_results(cloudacct_stmt *st, cloudacct_db_error *err)
{
	MYSQL_RES *meta;
	unsigned int n = mysql_stmt_field_count(st->stmt);

	free_results(st);
	st->simple_keys = true;
	if (n == 0) {
		return true;
	}
	meta = mysql_stmt_result_metadata(st->stmt);
	if (!meta) {
		capture_stmt_error(st, err);
		return false;
	}
	st->n_cols = n;
	st->cols = calloc(n, sizeof(*st->cols));
	st->rbind = calloc(n, sizeof(*st->rbind));
	MYSQL_FIELD *fields = mysql_fetch_fields(meta);
	for (unsigned int i = 0; i < n; i++) {
		cloudacct_col *col = &st->cols[i];
		MYSQL_BIND *b = &st->rbind[i];
		MYSQL_FIELD *f = &fields[i];

		col->name = strndup(f->name, f->name_length);
		col->name_len = f->name_length;
		col->is_unsigned = (f->flags & UNSIGNED_FLAG) != 0;
		switch (f->type) {
			case MYSQL_TYPE_TINY:
			case MYSQL_TYPE_SHORT:
			case MYSQL_TYPE_INT24:
			case MYSQL_TYPE_LONG:
			case MYSQL_TYPE_LONGLONG:
			case MYSQL_TYPE_YEAR:
				col->kind = COL_LONG;
				b->buffer_type = MYSQL_TYPE_LONGLONG;
				b->buffer = &col->l;
				b->is_unsigned = col->is_unsigned;
				break;
			case MYSQL_TYPE_FLOAT:
			case MYSQL_TYPE_DOUBLE:
				col->kind = COL_DOUBLE;
				b->buffer_type = MYSQL_TYPE_DOUBLE;
				b->buffer = &col->d;
				break;
			default:
				col->kind = COL_STRING;
				col->cap = f->length < INITIAL_STRING_CAP ? INITIAL_STRING_CAP
					: (f->length > MAX_INITIAL_STRING_CAP ? MAX_INITIAL_STRING_CAP : f->length + 1);
				col->buf = malloc(col->cap);
				b->buffer_type = MYSQL_TYPE_STRING;
				b->buffer = col->buf;
				b->buffer_length = col->cap;
				b->length = &col->len;
				break;
		}
		b->is_null = &col->is_null;
		b->error = &col->error;
		for (unsigned int k = 0; k < i; k++) {
			if (st->cols[k].name_len == col->name_len && memcmp(st->cols[k].name, col->name, col->name_len) == 0) {
				st->simple_keys = false;
			}
		}
		zend_ulong idx;
		if (ZEND_HANDLE_NUMERIC_STR(col->name, col->name_len, idx)) {
			st->simple_keys = false;
		}
	}
	mysql_free_result(meta);
	return true;
}

static cloudacct_stmt *stmt_get(cloudacct_link *link, const char *sql, size_t len, cloudacct_db_error *err)
{
	zend_ulong h = zend_inline_hash_func(sql, len);
	uint32_t b = (uint32_t)(h & (link->n_buckets - 1));
	cloudacct_stmt *st;

	for (st = link->buckets[b]; st; st = st->next) {
		if (st->hash == h && st->key_len == len && memcmp(st->key, sql, len) == 0) {
			st->last_use = ++link->use_tick;
			return st;
		}
	}

	smart_str expanded = {0};
	cloudacct_db_expand_tables(&expanded, sql, len, link->cfg.prefix ? link->cfg.prefix : "");
	MYSQL_STMT *ms = mysql_stmt_init(link->mysql);
	if (!ms) {
		cloudacct_link_capture_error(link->mysql, err);
		smart_str_free(&expanded);
		return NULL;
	}
	if (mysql_stmt_prepare(ms, ZSTR_VAL(expanded.s), ZSTR_LEN(expanded.s)) != 0) {
		err->err = mysql_stmt_errno(ms);
		snprintf(err->sqlstate, sizeof(err->sqlstate), "%s", mysql_stmt_sqlstate(ms));
		snprintf(err->msg, sizeof(err->msg), "%s", mysql_stmt_error(ms));
		mysql_stmt_close(ms);
		smart_str_free(&expanded);
		return NULL;
	}
	smart_str_free(&expanded);

	if ((zend_long) link->n_stmts >= CLOUDACCT_G(db_stmt_cache_size)) {
		evict_lru(link);
	}
	st = calloc(1, sizeof(*st));
	st->key = malloc(len);
	memcpy(st->key, sql, len);
	st->key_len = len;
	st->hash = h;
	st->stmt = ms;
	st->mysql = link->mysql;
	st->n_params = mysql_stmt_param_count(ms);
	st->pbind = st->n_params ? calloc(st->n_params, sizeof(MYSQL_BIND)) : NULL;
	if (!setup_results(st, err)) {
		stmt_free(st);
		return NULL;
	}
	st->last_use = ++link->use_tick;
	st->next = link->buckets[b];
	link->buckets[b] = st;
	link->n_stmts++;
	return st;
}

static void stmt_drop(cloudacct_link *link, cloudacct_stmt *victim)
{
	uint32_t b = (uint32_t)(victim->hash & (link->n_buckets - 1));
	for (cloudacct_stmt **pp = &link->buckets[b]; *pp; pp = &(*pp)->next) {
		if (*pp == victim) {
			*pp = victim->next;
			stmt_free(victim);
			link->n_stmts--;
			return;
		}
	}
}

static void col_to_zval(cloudacct_col *col, zval *zv)
{
	if (col->is_null) {
		ZVAL_NULL(zv);
		return;
	}
	switch (col->kind) {
		case COL_LONG:
			if (col->is_unsigned && (uint64_t) col->l > (uint64_t) ZEND_LONG_MAX) {
				ZVAL_STR(zv, zend_u64_to_str((uint64_t) col->l));
			} else {
				ZVAL_LONG(zv, (zend_long) col->l);
			}
			break;
		case COL_DOUBLE:
			ZVAL_DOUBLE(zv, col->d);
			break;
		case COL_STRING:
			if (col->len == 0) {
				ZVAL_EMPTY_STRING(zv);
			} else if (col->len == 1) {
				ZVAL_CHAR(zv, (unsigned char) col->buf[0]);
			} else {
				ZVAL_STRINGL_FAST(zv, col->buf, col->len);
			}
			break;
	}
}

/* A value longer than its buffer: grow the buffer, fetch the column again, rebind. */
static bool fetch_truncated(cloudacct_stmt *st, cloudacct_db_error *err)
{
	bool rebind = false;

	for (unsigned int i = 0; i < st->n_cols; i++) {
		cloudacct_col *col = &st->cols[i];
		if (col->kind != COL_STRING || !col->error || col->len < col->cap) {
			continue;
		}
		unsigned long need = col->len + 1;
		col->buf = realloc(col->buf, need);
		col->cap = need;
		st->rbind[i].buffer = col->buf;
		st->rbind[i].buffer_length = col->cap;
		if (mysql_stmt_fetch_column(st->stmt, &st->rbind[i], i, 0) != 0) {
			err->err = mysql_stmt_errno(st->stmt);
			snprintf(err->sqlstate, sizeof(err->sqlstate), "%s", mysql_stmt_sqlstate(st->stmt));
			snprintf(err->msg, sizeof(err->msg), "%s", mysql_stmt_error(st->stmt));
			return false;
		}
		rebind = true;
	}
	if (rebind) {
		mysql_stmt_bind_result(st->stmt, st->rbind);
	}
	return true;
}

static void row_to_zval(cloudacct_stmt *st, zend_string **keys, zval *row)
{
	array_init_size(row, st->n_cols);
	HashTable *ht = Z_ARRVAL_P(row);
	if (st->simple_keys) {
		zend_hash_real_init_mixed(ht);
	}
	for (unsigned int i = 0; i < st->n_cols; i++) {
		zval v;
		col_to_zval(&st->cols[i], &v);
		if (st->simple_keys) {
			_zend_hash_append(ht, keys[i], &v);
		} else {
			zend_symtable_update(ht, keys[i], &v);
		}
	}
}

static bool fetch_rows(cloudacct_stmt *st, cloudacct_fetch_mode mode, zval *out, cloudacct_db_error *err)
{
	zend_string *keys_small[16];
	zend_string **keys = st->n_cols <= 16 ? keys_small : emalloc(sizeof(zend_string *) * st->n_cols);
	bool ok = true, have = false;
	int rc;

	for (unsigned int i = 0; i < st->n_cols; i++) {
		keys[i] = zend_string_init(st->cols[i].name, st->cols[i].name_len, 0);
	}
	if (mode == CLOUDACCT_FETCH_ALL) {
		array_init(out);
	} else if (mode != CLOUDACCT_FETCH_NONE) {
		ZVAL_NULL(out);
	}
	while ((rc = mysql_stmt_fetch(st->stmt)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		if (rc == MYSQL_DATA_TRUNCATED && !fetch_truncated(st, err)) {
			ok = false;
			break;
		}
		if (mode == CLOUDACCT_FETCH_NONE || have) {
			continue; /* drain */
		}
		if (mode == CLOUDACCT_FETCH_ALL) {
			zval row;
			row_to_zval(st, keys, &row);
			zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &row);
		} else if (mode == CLOUDACCT_FETCH_ROW) {
			row_to_zval(st, keys, out);
			have = true;
		} else {
			col_to_zval(&st->cols[0], out);
			have = true;
		}
	}
	if (ok && rc == 1) {
		capture_stmt_error(st, err);
		ok = false;
	}
	mysql_stmt_free_result(st->stmt);
	for (unsigned int i = 0; i < st->n_cols; i++) {
		zend_string_release(keys[i]);
	}
	if (keys != keys_small) {
		efree(keys);
	}
	if (!ok && mode != CLOUDACCT_FETCH_NONE) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
	}
	return ok;
}

/* Statements the server cannot prepare (some admin/DDL forms) run as plain text without params. */
static bool run_unprepared(cloudacct_link *link, const char *sql, size_t len, cloudacct_fetch_mode mode, zval *out,
	cloudacct_run_result *res, cloudacct_db_error *err)
{
	smart_str expanded = {0};
	cloudacct_db_expand_tables(&expanded, sql, len, link->cfg.prefix ? link->cfg.prefix : "");
	int rc = mysql_real_query(link->mysql, ZSTR_VAL(expanded.s), ZSTR_LEN(expanded.s));
	smart_str_free(&expanded);
	if (rc != 0) {
		cloudacct_link_capture_error(link->mysql, err);
		return false;
	}
	MYSQL_RES *r = mysql_store_result(link->mysql);
	res->affected_rows = r ? 0 : mysql_affected_rows(link->mysql);
	res->insert_id = mysql_insert_id(link->mysql);
	if (mode == CLOUDACCT_FETCH_ALL) {
		array_init(out);
	} else if (mode != CLOUDACCT_FETCH_NONE) {
		ZVAL_NULL(out);
	}
	if (!r) {
		return true;
	}
	unsigned int n = mysql_num_fields(r);
	MYSQL_FIELD *fields = mysql_fetch_fields(r);
	MYSQL_ROW row;
	while ((row = mysql_fetch_row(r)) && mode != CLOUDACCT_FETCH_NONE) {
		unsigned long *lens = mysql_fetch_lengths(r);
		zval zrow;
		array_init_size(&zrow, n);
		for (unsigned int i = 0; i < n; i++) {
			zval v;
			if (!row[i]) {
				ZVAL_NULL(&v);
			} else {
				ZVAL_STRINGL(&v, row[i], lens[i]);
			}
			zend_symtable_str_update(Z_ARRVAL(zrow), fields[i].name, fields[i].name_length, &v);
		}
		if (mode == CLOUDACCT_FETCH_ALL) {
			zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &zrow);
			continue;
		}
		if (mode == CLOUDACCT_FETCH_ROW) {
			ZVAL_COPY_VALUE(out, &zrow);
		} else {
			zval *first = zend_hash_index_find(Z_ARRVAL(zrow), 0);
			first = first ? first : zend_hash_get_current_data(Z_ARRVAL(zrow));
			if (first) {
				ZVAL_COPY(out, first);
			}
			zval_ptr_dtor(&zrow);
		}
		break;
	}
	mysql_free_result(r);
	return true;
}

static bool stmt_run_once(cloudacct_link *link, const char *sql, size_t sql_len, const cloudacct_param *params,
	uint32_t n_params, cloudacct_fetch_mode mode, zval *out, cloudacct_run_result *res, cloudacct_db_error *err,
	bool retried)
{
	cloudacct_stmt *st = stmt_get(link, sql, sql_len, err);

	memset(res, 0, sizeof(*res));
	if (!st) {
		if (err->err == ER_UNSUPPORTED_PS && n_params == 0) {
			return run_unprepared(link, sql, sql_len, mode, out, res, err);
		}
		return false;
	}
	if (st->n_params != n_params) {
		err->err = ER_WRONG_ARGUMENTS;
		strcpy(err->sqlstate, "HY000");
		snprintf(err->msg, sizeof(err->msg), "the statement has %u placeholders but %u parameters were given",
			st->n_params, n_params);
		return false;
	}
	for (uint32_t i = 0; i < n_params; i++) {
		MYSQL_BIND *b = &st->pbind[i];
		const cloudacct_param *p = &params[i];
		memset(b, 0, sizeof(*b));
		switch (p->kind) {
			case CLOUDACCT_P_NULL:
				b->buffer_type = MYSQL_TYPE_NULL;
				break;
			case CLOUDACCT_P_LONG:
				b->buffer_type = MYSQL_TYPE_LONGLONG;
				b->buffer = (void *) &p->l;
				break;
			case CLOUDACCT_P_DOUBLE:
				b->buffer_type = MYSQL_TYPE_DOUBLE;
				b->buffer = (void *) &p->d;
				break;
			case CLOUDACCT_P_STR:
				b->buffer_type = MYSQL_TYPE_STRING;
				b->buffer = (void *) p->s;
				b->buffer_length = p->len;
				b->length = &b->buffer_length;
				break;
		}
	}
	if ((n_params && mysql_stmt_bind_param(st->stmt, st->pbind) != 0) || mysql_stmt_execute(st->stmt) != 0) {
		capture_stmt_error(st, err);
		if (cloudacct_db_error_breaks_link(err->err)) {
			link->broken = true;
		} else if (err->err == CR_NEW_STMT_METADATA || err->err == ER_NEED_REPREPARE) {
			/* The table changed shape under the cached statement: prepare it again, once. */
			stmt_drop(link, st);
			if (!retried) {
				return stmt_run_once(link, sql, sql_len, params, n_params, mode, out, res, err, true);
			}
		}
		return false;
	}
	/* The server re-prepares after DDL; the result shape may have changed with it. */
	if (mysql_stmt_field_count(st->stmt) != st->n_cols || (st->n_cols && !st->rbind)) {
		if (!setup_results(st, err)) {
			return false;
		}
	}
	if (st->n_cols == 0) {
		res->affected_rows = mysql_stmt_affected_rows(st->stmt);
		res->insert_id = mysql_stmt_insert_id(st->stmt);
		if (mode == CLOUDACCT_FETCH_ALL) {
			array_init(out);
		} else if (mode != CLOUDACCT_FETCH_NONE) {
			ZVAL_NULL(out);
		}
		return true;
	}
	if (mysql_stmt_bind_result(st->stmt, st->rbind) != 0) {
		capture_stmt_error(st, err);
		mysql_stmt_free_result(st->stmt);
		return false;
	}
	if (!fetch_rows(st, mode, out, err)) {
		if (cloudacct_db_error_breaks_link(err->err)) {
			link->broken = true;
		}
		return false;
	}
	return true;
}

bool cloudacct_stmt_run(cloudacct_link *link, const char *sql, size_t sql_len, const cloudacct_param *params,
	uint32_t n_params, cloudacct_fetch_mode mode, zval *out, cloudacct_run_result *res, cloudacct_db_error *err)
{
	return stmt_run_once(link, sql, sql_len, params, n_params, mode, out, res, err, false);
}
