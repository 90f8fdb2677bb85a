/* The MySQL layer as the areas use it: run a statement on a Connection, transactions with
 * deadlock retry. SQL names module tables as {name} → `<prefix>cloudacct_<name>`. */
#ifndef CLOUDACCT_DB_H
#define CLOUDACCT_DB_H

#include "php.h"
#include <stdint.h>

typedef enum {
	CLOUDACCT_P_NULL,
	CLOUDACCT_P_LONG,
	CLOUDACCT_P_DOUBLE,
	CLOUDACCT_P_STR,
} cloudacct_param_kind;

/* One bound parameter. s is borrowed for the duration of the call. */
typedef struct {
	cloudacct_param_kind kind;
	int64_t l;
	double d;
	const char *s;
	size_t len;
} cloudacct_param;

#define CLOUDACCT_PARAM_LONG(v) ((cloudacct_param){ .kind = CLOUDACCT_P_LONG, .l = (int64_t)(v) })
#define CLOUDACCT_PARAM_STR(p, n) ((cloudacct_param){ .kind = CLOUDACCT_P_STR, .s = (p), .len = (n) })
#define CLOUDACCT_PARAM_ZSTR(zs) CLOUDACCT_PARAM_STR(ZSTR_VAL(zs), ZSTR_LEN(zs))
#define CLOUDACCT_PARAM_NULL() ((cloudacct_param){ .kind = CLOUDACCT_P_NULL })

typedef enum {
	CLOUDACCT_FETCH_NONE,  /* out untouched; affected rows / insert id recorded */
	CLOUDACCT_FETCH_ALL,   /* out = list of rows */
	CLOUDACCT_FETCH_ROW,   /* out = first row or null */
	CLOUDACCT_FETCH_VALUE, /* out = first column of first row or null */
} cloudacct_fetch_mode;

/* A driver error as captured from libmariadb, before it becomes an exception. */
typedef struct {
	unsigned int err;
	char sqlstate[6];
	char msg[512];
} cloudacct_db_error;

typedef struct cloudacct_link cloudacct_link;
typedef struct cloudacct_connection cloudacct_connection;

extern zend_class_entry *cloudacct_ce_Connection;

cloudacct_connection *cloudacct_connection_from_obj(zend_object *obj);
#define Z_CLOUDACCT_CONNECTION_P(zv) cloudacct_connection_from_obj(Z_OBJ_P(zv))

/* Runs one statement (a cached server-side prepared statement). Throws and returns FAILURE on
 * error. SQL must be a string literal or otherwise live as long as the call. */
zend_result cloudacct_db_run(cloudacct_connection *c, const char *sql, size_t sql_len,
	const cloudacct_param *params, uint32_t n_params, cloudacct_fetch_mode mode, zval *out);
#define CLOUDACCT_DB_RUN(c, sql, params, n, mode, out) \
	cloudacct_db_run((c), (sql), sizeof(sql) - 1, (params), (n), (mode), (out))

uint64_t cloudacct_db_affected_rows(const cloudacct_connection *c);
uint64_t cloudacct_db_insert_id(const cloudacct_connection *c);
const char *cloudacct_db_prefix(const cloudacct_connection *c);

/* Transactions nest by joining: only the outermost begin/commit talk to the server. */
zend_result cloudacct_db_begin(cloudacct_connection *c);
zend_result cloudacct_db_commit(cloudacct_connection *c);
void cloudacct_db_rollback(cloudacct_connection *c);
bool cloudacct_db_in_transaction(const cloudacct_connection *c);

/* Runs body in a transaction; when it is the outermost one, a deadlock or lock-wait timeout
 * rolls back and runs body again, up to attempts times (0 = INI default). body throws and
 * returns FAILURE to fail. */
typedef zend_result (*cloudacct_tx_body)(cloudacct_connection *c, void *ctx);
zend_result cloudacct_db_transaction(cloudacct_connection *c, cloudacct_tx_body body, void *ctx, zend_long attempts);

void cloudacct_db_minit(int module_number);
void cloudacct_db_mshutdown(void);

#endif
