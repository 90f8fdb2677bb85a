/* A physical MySQL session (MYSQL*) with its prepared-statement cache. Links live in
 * persistent (malloc) memory so the pool can keep them across requests; nothing in a link may
 * point into request memory. Internal to src/db. */
#ifndef CLOUDACCT_LINK_H
#define CLOUDACCT_LINK_H

#include "php.h"
#include <mysql.h>
#include "zend_smart_str.h"
#include "db.h"

/* Everything needed to (re)connect. All strings malloc'd and owned by whoever holds the struct. */
typedef struct {
	char *host;     /* NULL = libmariadb default */
	char *socket;   /* NULL = default socket */
	char *user;
	char *password;
	char *database;
	char *prefix;   /* table prefix, e.g. "ims_" */
	unsigned int port;
	unsigned int connect_timeout, read_timeout, write_timeout;
} cloudacct_link_config;

typedef struct cloudacct_stmt cloudacct_stmt;

/* `{name}` → `<prefix>cloudacct_<name>` outside quotes (stmt.c). */
void cloudacct_db_expand_tables(smart_str *out, const char *sql, size_t len, const char *prefix);

/* Appends a statement that succeeded to the statement trace when cloudacct.db.trace is set (trace.c). */
void cloudacct_db_trace(const cloudacct_link *link, bool prepared, const char *sql, size_t sql_len,
	const cloudacct_param *params, uint32_t n_params);

struct cloudacct_link {
	MYSQL *mysql;               /* owned */
	cloudacct_link_config cfg;  /* owned copy */
	char *pool_key;             /* owned; NULL when the link is not pooled */
	cloudacct_stmt **buckets;   /* owned: statement cache, chained hash of cloudacct_stmt */
	uint32_t n_buckets, n_stmts;
	uint64_t use_tick;          /* LRU clock for the statement cache */
	time_t last_used;           /* wall time of the last checkout/release, for idle pings */
	bool broken;                /* a client/network error happened: never reuse */
	bool session_dirty;         /* user SQL may have changed session state: reset before reuse */
	bool fresh;                 /* nothing ran since checkout: "server gone" here is safe to retry */
};

void cloudacct_link_config_copy(cloudacct_link_config *dst, const cloudacct_link_config *src);
void cloudacct_link_config_free(cloudacct_link_config *cfg);

/* Connects. On failure fills err and returns NULL. */
cloudacct_link *cloudacct_link_open(const cloudacct_link_config *cfg, cloudacct_db_error *err);
void cloudacct_link_close(cloudacct_link *link);
/* Makes the session clean for the next user: rollback, reset when dirty. false = close it. */
bool cloudacct_link_reset(cloudacct_link *link);
/* A plain text-protocol statement without results (BEGIN, COMMIT, ROLLBACK, DDL). */
bool cloudacct_link_simple(cloudacct_link *link, const char *sql, size_t len, cloudacct_db_error *err);
void cloudacct_link_capture_error(MYSQL *mysql, cloudacct_db_error *err);

/* The errno classes that matter to callers. */
bool cloudacct_db_error_is_gone(unsigned int err);     /* the session is lost */
bool cloudacct_db_error_is_retryable(unsigned int err); /* deadlock / lock-wait timeout */
bool cloudacct_db_error_breaks_link(unsigned int err); /* the session is unusable after this */
/* Throws the exception class that fits err; any failure to connect is a ConnectionException. */
void cloudacct_db_throw(const cloudacct_db_error *err, bool connecting);

/* Statement execution (stmt.c). */
typedef struct {
	uint64_t affected_rows;
	uint64_t insert_id;
} cloudacct_run_result;

bool cloudacct_stmt_run(cloudacct_link *link, const char *sql, size_t sql_len, const cloudacct_param *params,
	uint32_t n_params, cloudacct_fetch_mode mode, zval *out, cloudacct_run_result *res, cloudacct_db_error *err);
void cloudacct_stmt_cache_clear(cloudacct_link *link);

/* The pool (pool.c). */
cloudacct_link *cloudacct_pool_checkout(const cloudacct_link_config *cfg, bool persistent, cloudacct_db_error *err);
void cloudacct_pool_release(cloudacct_link *link);
void cloudacct_pool_minit(int module_number);

#endif
