/* cloudacct — the business core of 云会计 (CloudAcct), a 微擎 module for bookkeeping firms. */
#ifndef PHP_CLOUDACCT_H
#define PHP_CLOUDACCT_H

extern zend_module_entry cloudacct_module_entry;
#define phpext_cloudacct_ptr &cloudacct_module_entry

#define PHP_CLOUDACCT_VERSION "0.1.0"

#ifdef ZTS
#include "TSRM.h"
#endif

ZEND_BEGIN_MODULE_GLOBALS(cloudacct)
	/* INI: database */
	bool db_persistent;
	zend_long db_max_persistent;   /* cap on pooled links per process (per thread in ZTS); -1 = no cap */
	zend_long db_connect_timeout;  /* seconds */
	zend_long db_read_timeout;     /* seconds */
	zend_long db_write_timeout;    /* seconds */
	zend_long db_idle_ping;        /* ping a pooled link idle longer than this many seconds */
	zend_long db_stmt_cache_size;  /* prepared statements cached per link */
	zend_long db_tx_attempts;      /* attempts of a transaction on deadlock / lock-wait timeout */
	/* INI: http (src/http) */
	zend_long http_connect_timeout_ms;
	zend_long http_timeout_ms;
	zend_long http_concurrency;   /* requests in flight at once in a fan-out */
	char *db_trace;               /* statement trace file for the benchmark replays; empty = off */
	char *http_ca_file;           /* CA bundle; empty = the system store */
	bool http_test_transport;     /* tests/demo only: plain http + connect_to allowed */
	char *http_test_route;        /* tests/demo only: "host:port" every request is sent to, over http */
	/* INI: clock */
	bool clock_settable;
	/* request state: the settable clock (reset in RINIT) */
	bool clock_frozen;
	zend_long clock_now;
	zend_long clock_offset;
	/* process counters (per thread in ZTS), shown by MINFO and Connection::poolStats() */
	zend_long pool_opened;    /* physical connections made */
	zend_long pool_reused;    /* checkouts served by an idle pooled link */
	zend_long pool_replaced;  /* pooled links found dead and replaced */
	zend_long pool_active;    /* links checked out right now */
	zend_long pool_idle;      /* links waiting in the pool */
ZEND_END_MODULE_GLOBALS(cloudacct)

ZEND_EXTERN_MODULE_GLOBALS(cloudacct)
#define CLOUDACCT_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(cloudacct, v)

#if defined(ZTS) && defined(COMPILE_DL_CLOUDACCT)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif /* PHP_CLOUDACCT_H */
