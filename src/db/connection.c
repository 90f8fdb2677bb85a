/* CloudAcct\Db\Connection: one database session for PHP code and for the areas' C code.
 *
 * The object checks a link out of the pool when constructed and returns it when freed or
 * closed. If the link dies before anything ran on it (a pooled session the server closed
 * while idle) the statement is retried once on a new link; inside a transaction a lost link
 * fails the transaction, which the server has already rolled back. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_attributes.h"
#include "php_cloudacct.h"
#include "link.h"
#include "../common/errors.h"
#include "db_arginfo.h"

struct cloudacct_connection {
	cloudacct_link *link;      /* owned: checked out of the pool; NULL once closed or lost */
	cloudacct_link_config cfg; /* owned: to check out a new link after a lost one */
	bool persistent;
	bool closed;
	uint32_t tx_depth;         /* nesting of begin(); only depth 0→1 and 1→0 reach the server */
	bool tx_rollback_only;     /* an inner level rolled back: the outer commit must fail */
	bool tx_lost;              /* the link died inside the transaction */
	uint64_t affected_rows, insert_id;
	zend_object std;
};

zend_class_entry *cloudacct_ce_Connection;
zend_class_entry *cloudacct_ce_Schema;
static zend_object_handlers connection_handlers;

cloudacct_connection *cloudacct_connection_from_obj(zend_object *obj)
{
	return (cloudacct_connection *) ((char *) obj - XtOffsetOf(cloudacct_connection, std));
}

static zend_object *connection_create(zend_class_entry *ce)
{
	cloudacct_connection *c = zend_object_alloc(sizeof(cloudacct_connection), ce);
	zend_object_std_init(&c->std, ce);
	object_properties_init(&c->std, ce);
	c->std.handlers = &connection_handlers;
	return &c->std;
}

static void connection_drop_link(cloudacct_connection *c)
{
	if (c->link) {
		cloudacct_pool_release(c->link);
		c->link = NULL;
	}
}

static void connection_free(zend_object *obj)
{
	cloudacct_connection *c = cloudacct_connection_from_obj(obj);
	connection_drop_link(c);
	cloudacct_link_config_free(&c->cfg);
	zend_object_std_dtor(obj);
}

/* ---- the C API the areas use ---- */

const char *cloudacct_db_prefix(const cloudacct_connection *c)
{
	return c->cfg.prefix ? c->cfg.prefix : "";
}

uint64_t cloudacct_db_affected_rows(const cloudacct_connection *c)
{
	return c->affected_rows;
}

uint64_t cloudacct_db_insert_id(const cloudacct_connection *c)
{
	return c->insert_id;
}

bool cloudacct_db_in_transaction(const cloudacct_connection *c)
{
	return c->tx_depth > 0;
}

static bool ensure_link(cloudacct_connection *c)
{
	cloudacct_db_error err = {0};

	if (c->closed) {
		zend_throw_error(NULL, "数据库连接已关闭 (the connection was closed)");
		return false;
	}
	if (!c->cfg.user) {
		zend_throw_error(NULL, "Connection 未初始化 (not constructed)");
		return false;
	}
	if (c->tx_lost) {
		cloudacct_throw_db(cloudacct_ce_ConnectionException, 2013, "HY000",
			"数据库连接在事务中断开，事务已回滚，请重试 (connection lost inside a transaction)");
		return false;
	}
	if (c->link) {
		return true;
	}
	c->link = cloudacct_pool_checkout(&c->cfg, c->persistent, &err);
	if (!c->link) {
		cloudacct_db_throw(&err, true);
		return false;
	}
	return true;
}

/* The link died: forget it, and if a transaction was open it is gone with it. */
static void connection_lost(cloudacct_connection *c)
{
	connection_drop_link(c);
	if (c->tx_depth > 0) {
		c->tx_lost = true;
	}
}

typedef enum { RUN_PREPARED, RUN_TEXT } run_kind;

static zend_result run(cloudacct_connection *c, run_kind kind, const char *sql, size_t sql_len,
	const cloudacct_param *params, uint32_t n_params, cloudacct_fetch_mode mode, zval *out)
{
	cloudacct_db_error err = {0};
	cloudacct_run_result res = {0};

	for (int attempt = 0; attempt < 2; attempt++) {
		if (!ensure_link(c)) {
			return FAILURE;
		}
		bool was_fresh = c->link->fresh;
		bool ok = kind == RUN_TEXT ? cloudacct_link_simple(c->link, sql, sql_len, &err)
			: cloudacct_stmt_run(c->link, sql, sql_len, params, n_params, mode, out, &res, &err);
		if (ok) {
			cloudacct_db_trace(c->link, kind == RUN_PREPARED, sql, sql_len, params, n_params);
			c->link->fresh = false;
			c->affected_rows = kind == RUN_TEXT ? mysql_affected_rows(c->link->mysql) : res.affected_rows;
			c->insert_id = kind == RUN_TEXT ? mysql_insert_id(c->link->mysql) : res.insert_id;
			return SUCCESS;
		}
		if (!cloudacct_db_error_breaks_link(err.err)) {
			break;
		}
		c->link->broken = true;
		connection_lost(c);
		/* Nothing had run on this link, so nothing can have half-happened: try a new one. */
		bool safe = was_fresh && !c->tx_lost && cloudacct_db_error_is_gone(err.err);
		if (!safe) {
			break;
		}
		CLOUDACCT_G(pool_replaced)++;
	}
	cloudacct_db_throw(&err, false);
	return FAILURE;
}

zend_result cloudacct_db_run(cloudacct_connection *c, const char *sql, size_t sql_len,
	const cloudacct_param *params, uint32_t n_params, cloudacct_fetch_mode mode, zval *out)
{
	return run(c, RUN_PREPARED, sql, sql_len, params, n_params, mode, out);
}

zend_result cloudacct_db_begin(cloudacct_connection *c)
{
	if (c->tx_depth > 0) {
		if (c->tx_lost && !ensure_link(c)) {
			return FAILURE;
		}
		c->tx_depth++;
		return SUCCESS;
	}
	if (run(c, RUN_TEXT, ZEND_STRL("START TRANSACTION"), NULL, 0, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	c->tx_depth = 1;
	c->tx_rollback_only = false;
	return SUCCESS;
}

static void tx_finish(cloudacct_connection *c)
{
	c->tx_depth = 0;
	c->tx_rollback_only = false;
	c->tx_lost = false;
}

void cloudacct_db_rollback(cloudacct_connection *c)
{
	cloudacct_db_error err;

	if (c->tx_depth == 0) {
		return;
	}
	if (c->tx_depth > 1) {
		c->tx_depth--;
		c->tx_rollback_only = true;
		return;
	}
	/* A failed ROLLBACK means the link is gone, and the server rolls back on its own. */
	if (c->link && !cloudacct_link_simple(c->link, ZEND_STRL("ROLLBACK"), &err)) {
		c->link->broken = true;
		connection_drop_link(c);
	}
	tx_finish(c);
}

zend_result cloudacct_db_commit(cloudacct_connection *c)
{
	if (c->tx_depth == 0) {
		zend_throw_error(NULL, "没有进行中的事务 (no transaction is active)");
		return FAILURE;
	}
	if (c->tx_depth > 1) {
		c->tx_depth--;
		return SUCCESS;
	}
	if (c->tx_lost) {
		tx_finish(c);
		cloudacct_throw_db(cloudacct_ce_ConnectionException, 2013, "HY000",
			"数据库连接在事务中断开，事务已回滚，请重试 (connection lost inside a transaction)");
		return FAILURE;
	}
	if (c->tx_rollback_only) {
		cloudacct_db_rollback(c);
		cloudacct_throw_conflict("事务的内层已回滚，整个事务已撤销 (an inner level rolled back)");
		return FAILURE;
	}
	if (run(c, RUN_TEXT, ZEND_STRL("COMMIT"), NULL, 0, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		if (c->tx_depth) {
			cloudacct_db_rollback(c);
		}
		tx_finish(c);
		return FAILURE;
	}
	tx_finish(c);
	return SUCCESS;
}

static bool exception_is_retryable(void)
{
	return EG(exception) && instanceof_function(EG(exception)->ce, cloudacct_ce_DeadlockException);
}

zend_result cloudacct_db_transaction(cloudacct_connection *c, cloudacct_tx_body body, void *ctx, zend_long attempts)
{
	bool outermost = c->tx_depth == 0;

	if (attempts <= 0) {
		attempts = CLOUDACCT_G(db_tx_attempts) > 0 ? CLOUDACCT_G(db_tx_attempts) : 1;
	}
	for (zend_long i = 1;; i++) {
		if (cloudacct_db_begin(c) == FAILURE) {
			return FAILURE;
		}
		if (body(c, ctx) == SUCCESS && !EG(exception)) {
			if (cloudacct_db_commit(c) == SUCCESS) {
				return SUCCESS;
			}
		} else if (c->tx_depth > 0) {
			cloudacct_db_rollback(c);
		}
		if (!outermost || i >= attempts || !exception_is_retryable()) {
			return FAILURE;
		}
		zend_clear_exception();
	}
}

/* ---- options ---- */

static bool option_string(HashTable *opts, const char *key, char **dst, size_t max_len)
{
	zval *zv = zend_hash_str_find(opts, key, strlen(key));
	if (!zv || Z_TYPE_P(zv) == IS_NULL) {
		return true;
	}
	if (Z_TYPE_P(zv) != IS_STRING) {
		cloudacct_throw_validation(key, "数据库连接参数 %s 必须是字符串 (option \"%s\" must be a string)", key, key);
		return false;
	}
	if (Z_STRLEN_P(zv) > max_len || memchr(Z_STRVAL_P(zv), '\0', Z_STRLEN_P(zv))) {
		cloudacct_throw_validation(key, "数据库连接参数 %s 无效 (option \"%s\" is too long or contains NUL)", key, key);
		return false;
	}
	*dst = strndup(Z_STRVAL_P(zv), Z_STRLEN_P(zv));
	return true;
}

static bool option_uint(HashTable *opts, const char *key, unsigned int *dst, zend_long min, zend_long max)
{
	zval *zv = zend_hash_str_find(opts, key, strlen(key));
	if (!zv || Z_TYPE_P(zv) == IS_NULL) {
		return true;
	}
	zend_long v;
	if (Z_TYPE_P(zv) == IS_LONG) {
		v = Z_LVAL_P(zv);
	} else if (Z_TYPE_P(zv) == IS_STRING && is_numeric_string(Z_STRVAL_P(zv), Z_STRLEN_P(zv), &v, NULL, 0) == IS_LONG) {
		/* 微擎's data/config.php stores the port as a string */
	} else {
		cloudacct_throw_validation(key, "数据库连接参数 %s 必须是整数 (option \"%s\" must be an integer)", key, key);
		return false;
	}
	if (v < min || v > max) {
		cloudacct_throw_validation(key, "数据库连接参数 %s 超出范围 %ld–%ld (option \"%s\" out of range)", key,
			(long) min, (long) max, key);
		return false;
	}
	*dst = (unsigned int) v;
	return true;
}

static bool parse_options(cloudacct_connection *c, HashTable *opts)
{
	static const char *const known[] = { "host", "port", "socket", "user", "username", "password", "database",
		"prefix", "tablepre", "connect_timeout", "read_timeout", "write_timeout", "persistent", "charset", NULL };
	cloudacct_link_config *cfg = &c->cfg;
	zend_string *key;
	zval *zv;

	ZEND_HASH_FOREACH_STR_KEY(opts, key) {
		bool ok = false;
		for (int i = 0; key && known[i]; i++) {
			ok = ok || zend_string_equals_cstr(key, known[i], strlen(known[i]));
		}
		if (!ok) {
			cloudacct_throw_validation(key ? ZSTR_VAL(key) : "", "未知的数据库连接参数 %s (unknown option)",
				key ? ZSTR_VAL(key) : "(integer key)");
			return false;
		}
	} ZEND_HASH_FOREACH_END();

	cfg->connect_timeout = (unsigned int) CLOUDACCT_G(db_connect_timeout);
	cfg->read_timeout = (unsigned int) CLOUDACCT_G(db_read_timeout);
	cfg->write_timeout = (unsigned int) CLOUDACCT_G(db_write_timeout);
	c->persistent = CLOUDACCT_G(db_persistent);

	/* 微擎's config.php says username/tablepre; accept both spellings. */
	if (!option_string(opts, "host", &cfg->host, 255) || !option_string(opts, "socket", &cfg->socket, 1024)
			|| !option_string(opts, "user", &cfg->user, 128) || !option_string(opts, "username", &cfg->user, 128)
			|| !option_string(opts, "password", &cfg->password, 1024)
			|| !option_string(opts, "database", &cfg->database, 64)
			|| !option_string(opts, "prefix", &cfg->prefix, 32) || !option_string(opts, "tablepre", &cfg->prefix, 32)
			|| !option_uint(opts, "port", &cfg->port, 0, 65535)
			|| !option_uint(opts, "connect_timeout", &cfg->connect_timeout, 1, 3600)
			|| !option_uint(opts, "read_timeout", &cfg->read_timeout, 1, 86400)
			|| !option_uint(opts, "write_timeout", &cfg->write_timeout, 1, 86400)) {
		return false;
	}
	if ((zv = zend_hash_str_find(opts, ZEND_STRL("charset"))) && Z_TYPE_P(zv) == IS_STRING
			&& !zend_string_equals_literal(Z_STR_P(zv), "utf8mb4") && !zend_string_equals_literal(Z_STR_P(zv), "utf8")) {
		cloudacct_throw_validation("charset", "只支持 utf8mb4 字符集 (only utf8mb4 is supported)");
		return false;
	}
	if ((zv = zend_hash_str_find(opts, ZEND_STRL("persistent")))) {
		c->persistent = zend_is_true(zv);
	}
	if (!cfg->prefix) {
		cfg->prefix = strdup("ims_");
	}
	for (const char *p = cfg->prefix; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_')) {
			cloudacct_throw_validation("prefix", "表前缀只能包含字母、数字和下划线 (invalid table prefix)");
			return false;
		}
	}
	if (!cfg->user) {
		cloudacct_throw_validation("user", "缺少数据库用户名 (option \"user\" is required)");
		return false;
	}
	return true;
}

/* ---- PHP-facing parameters ---- */

/* Borrowed view of a PHP params list; strings point into the zvals. */
typedef struct {
	cloudacct_param small[8];
	cloudacct_param *p;
	uint32_t n;
} param_list;

static bool params_from_array(HashTable *ht, param_list *pl)
{
	uint32_t i = 0;
	zval *zv;

	pl->n = zend_hash_num_elements(ht);
	pl->p = pl->n <= 8 ? pl->small : emalloc(sizeof(cloudacct_param) * pl->n);
	ZEND_HASH_FOREACH_VAL(ht, zv) {
		cloudacct_param *p = &pl->p[i++];
		ZVAL_DEREF(zv);
		memset(p, 0, sizeof(*p));
		switch (Z_TYPE_P(zv)) {
			case IS_NULL: p->kind = CLOUDACCT_P_NULL; break;
			case IS_FALSE: p->kind = CLOUDACCT_P_LONG; p->l = 0; break;
			case IS_TRUE: p->kind = CLOUDACCT_P_LONG; p->l = 1; break;
			case IS_LONG: p->kind = CLOUDACCT_P_LONG; p->l = Z_LVAL_P(zv); break;
			case IS_DOUBLE: p->kind = CLOUDACCT_P_DOUBLE; p->d = Z_DVAL_P(zv); break;
			case IS_STRING: p->kind = CLOUDACCT_P_STR; p->s = Z_STRVAL_P(zv); p->len = Z_STRLEN_P(zv); break;
			default:
				zend_argument_type_error(2, "must contain only int, float, string, bool or null values, %s given",
					zend_zval_type_name(zv));
				if (pl->p != pl->small) {
					efree(pl->p);
				}
				return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

static void params_free(param_list *pl)
{
	if (pl->p != pl->small) {
		efree(pl->p);
	}
}

/* SQL from PHP may change session state the pool must not hand to the next request. */
static void note_session_change(cloudacct_connection *c, zend_string *sql)
{
	const char *s = ZSTR_VAL(sql), *end = s + ZSTR_LEN(sql);
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '(')) {
		s++;
	}
	size_t rest = (size_t)(end - s);
	if ((rest >= 4 && strncasecmp(s, "SET ", 4) == 0) || (rest >= 4 && strncasecmp(s, "USE ", 4) == 0)
			|| (rest >= 5 && strncasecmp(s, "LOCK ", 5) == 0)
			|| php_memnistr(s, "TEMPORARY", sizeof("TEMPORARY") - 1, end)
			|| php_memnistr(s, "GET_LOCK", sizeof("GET_LOCK") - 1, end)) {
		if (c->link) {
			c->link->session_dirty = true;
		}
	}
}

static void php_run(INTERNAL_FUNCTION_PARAMETERS, cloudacct_fetch_mode mode)
{
	zend_string *sql;
	HashTable *params = NULL;
	param_list pl = {0};
	cloudacct_connection *c = Z_CLOUDACCT_CONNECTION_P(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(sql)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(params)
	ZEND_PARSE_PARAMETERS_END();

	if (params && !params_from_array(params, &pl)) {
		RETURN_THROWS();
	}
	zend_result rc = run(c, RUN_PREPARED, ZSTR_VAL(sql), ZSTR_LEN(sql), pl.p, pl.n, mode, return_value);
	params_free(&pl);
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	note_session_change(c, sql);
	if (mode == CLOUDACCT_FETCH_NONE) {
		RETURN_LONG((zend_long) c->affected_rows);
	}
}

ZEND_METHOD(CloudAcct_Db_Connection, __construct)
{
	HashTable *opts;
	cloudacct_connection *c = Z_CLOUDACCT_CONNECTION_P(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(opts)
	ZEND_PARSE_PARAMETERS_END();

	if (c->link || c->cfg.user) {
		zend_throw_error(NULL, "Connection 已初始化 (already constructed)");
		RETURN_THROWS();
	}
	if (!parse_options(c, opts) || !ensure_link(c)) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Db_Connection, query)
{
	php_run(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_FETCH_ALL);
}

ZEND_METHOD(CloudAcct_Db_Connection, queryRow)
{
	php_run(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_FETCH_ROW);
}

ZEND_METHOD(CloudAcct_Db_Connection, queryValue)
{
	php_run(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_FETCH_VALUE);
}

ZEND_METHOD(CloudAcct_Db_Connection, execute)
{
	php_run(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_FETCH_NONE);
}

ZEND_METHOD(CloudAcct_Db_Connection, lastInsertId)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG((zend_long) Z_CLOUDACCT_CONNECTION_P(ZEND_THIS)->insert_id);
}

ZEND_METHOD(CloudAcct_Db_Connection, begin)
{
	ZEND_PARSE_PARAMETERS_NONE();
	if (cloudacct_db_begin(Z_CLOUDACCT_CONNECTION_P(ZEND_THIS)) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Db_Connection, commit)
{
	ZEND_PARSE_PARAMETERS_NONE();
	if (cloudacct_db_commit(Z_CLOUDACCT_CONNECTION_P(ZEND_THIS)) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Db_Connection, rollback)
{
	ZEND_PARSE_PARAMETERS_NONE();
	cloudacct_db_rollback(Z_CLOUDACCT_CONNECTION_P(ZEND_THIS));
}

ZEND_METHOD(CloudAcct_Db_Connection, inTransaction)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(cloudacct_db_in_transaction(Z_CLOUDACCT_CONNECTION_P(ZEND_THIS)));
}

typedef struct {
	zend_fcall_info *fci;
	zend_fcall_info_cache *fcc;
	zval *self;
	zval *result;
} php_tx_ctx;

static zend_result php_tx_body(cloudacct_connection *c, void *ctx_)
{
	php_tx_ctx *ctx = ctx_;
	(void) c;
	zval_ptr_dtor(ctx->result);
	ZVAL_UNDEF(ctx->result);
	zend_fcall_info_argn(ctx->fci, 1, ctx->self);
	ctx->fci->retval = ctx->result;
	zend_result rc = zend_call_function(ctx->fci, ctx->fcc);
	zend_fcall_info_args_clear(ctx->fci, 1);
	if (rc == FAILURE || EG(exception)) {
		zval_ptr_dtor(ctx->result);
		ZVAL_UNDEF(ctx->result);
		return FAILURE;
	}
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Db_Connection, transaction)
{
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	zend_long attempts = 0;
	zval result;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_FUNC(fci, fcc)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(attempts)
	ZEND_PARSE_PARAMETERS_END();

	if (attempts < 0 || attempts > 100) {
		zend_argument_value_error(2, "must be between 0 and 100");
		RETURN_THROWS();
	}
	ZVAL_UNDEF(&result);
	php_tx_ctx ctx = { &fci, &fcc, ZEND_THIS, &result };
	if (cloudacct_db_transaction(Z_CLOUDACCT_CONNECTION_P(ZEND_THIS), php_tx_body, &ctx, attempts) == FAILURE) {
		zval_ptr_dtor(&result);
		RETURN_THROWS();
	}
	if (Z_TYPE(result) == IS_UNDEF) {
		RETURN_NULL();
	}
	RETURN_COPY_VALUE(&result);
}

ZEND_METHOD(CloudAcct_Db_Connection, table)
{
	zend_string *name;
	cloudacct_connection *c = Z_CLOUDACCT_CONNECTION_P(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(name) == 0 || ZSTR_LEN(name) > 64) {
		zend_argument_value_error(1, "must be a table name of 1 to 64 characters");
		RETURN_THROWS();
	}
	for (size_t i = 0; i < ZSTR_LEN(name); i++) {
		char ch = ZSTR_VAL(name)[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) {
			zend_argument_value_error(1, "must contain only a-z, 0-9 and _");
			RETURN_THROWS();
		}
	}
	RETURN_STR(zend_strpprintf(0, "`%scloudacct_%s`", cloudacct_db_prefix(c), ZSTR_VAL(name)));
}

ZEND_METHOD(CloudAcct_Db_Connection, prefix)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_STRING(cloudacct_db_prefix(Z_CLOUDACCT_CONNECTION_P(ZEND_THIS)));
}

ZEND_METHOD(CloudAcct_Db_Connection, threadId)
{
	cloudacct_connection *c = Z_CLOUDACCT_CONNECTION_P(ZEND_THIS);
	ZEND_PARSE_PARAMETERS_NONE();
	if (!ensure_link(c)) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) mysql_thread_id(c->link->mysql));
}

ZEND_METHOD(CloudAcct_Db_Connection, serverVersion)
{
	cloudacct_connection *c = Z_CLOUDACCT_CONNECTION_P(ZEND_THIS);
	ZEND_PARSE_PARAMETERS_NONE();
	if (!ensure_link(c)) {
		RETURN_THROWS();
	}
	RETURN_STRING(mysql_get_server_info(c->link->mysql));
}

ZEND_METHOD(CloudAcct_Db_Connection, close)
{
	cloudacct_connection *c = Z_CLOUDACCT_CONNECTION_P(ZEND_THIS);
	ZEND_PARSE_PARAMETERS_NONE();
	if (c->tx_depth > 0) {
		c->tx_depth = 1;
		cloudacct_db_rollback(c);
	}
	connection_drop_link(c);
	c->closed = true;
}

ZEND_METHOD(CloudAcct_Db_Connection, poolStats)
{
	ZEND_PARSE_PARAMETERS_NONE();
	array_init_size(return_value, 5);
	add_assoc_long(return_value, "opened", CLOUDACCT_G(pool_opened));
	add_assoc_long(return_value, "reused", CLOUDACCT_G(pool_reused));
	add_assoc_long(return_value, "replaced", CLOUDACCT_G(pool_replaced));
	add_assoc_long(return_value, "active", CLOUDACCT_G(pool_active));
	add_assoc_long(return_value, "idle", CLOUDACCT_G(pool_idle));
}

void cloudacct_db_minit(int module_number)
{
	cloudacct_pool_minit(module_number);
	cloudacct_ce_Connection = register_class_CloudAcct_Db_Connection();
	cloudacct_ce_Connection->create_object = connection_create;
	memcpy(&connection_handlers, &std_object_handlers, sizeof(zend_object_handlers));
	connection_handlers.offset = XtOffsetOf(cloudacct_connection, std);
	connection_handlers.free_obj = connection_free;
	connection_handlers.clone_obj = NULL;
	connection_handlers.compare = zend_objects_not_comparable;
	cloudacct_ce_Schema = register_class_CloudAcct_Db_Schema();
}
