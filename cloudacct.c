/* cloudacct: the module entry, INI settings, lifecycle and phpinfo(). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "php_cloudacct.h"
#include <mysql.h>
#include <curl/curl.h>
#include <openssl/crypto.h>
#include "src/common/errors.h"
#include "src/db/db.h"
#include "src/context/context.h"
#include "src/audit/audit.h"
#include "src/settings/settings.h"
#include "src/crypto/signer.h"
#include "src/http/http.h"
#include "src/notices/outbox.h"
#include "src/people/people.h"
#include "src/work/work.h"
#include "src/money/money.h"
#include "src/quality/quality.h"
#include "src/books/books.h"

ZEND_DECLARE_MODULE_GLOBALS(cloudacct)

static ZEND_INI_MH(OnUpdateNonNegative)
{
	zend_long v = ZEND_STRTOL(ZSTR_VAL(new_value), NULL, 10);
	if (v < 0) {
		return FAILURE;
	}
	return OnUpdateLong(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

static ZEND_INI_MH(OnUpdatePositive)
{
	zend_long v = ZEND_STRTOL(ZSTR_VAL(new_value), NULL, 10);
	if (v <= 0) {
		return FAILURE;
	}
	return OnUpdateLong(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/* clang-format off */
PHP_INI_BEGIN()
	STD_PHP_INI_BOOLEAN("cloudacct.db.persistent", "1", PHP_INI_SYSTEM, OnUpdateBool, db_persistent,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.db.max_persistent", "8", PHP_INI_SYSTEM, OnUpdateLong, db_max_persistent,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.db.connect_timeout", "5", PHP_INI_ALL, OnUpdatePositive, db_connect_timeout,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.db.read_timeout", "30", PHP_INI_ALL, OnUpdatePositive, db_read_timeout,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.db.write_timeout", "30", PHP_INI_ALL, OnUpdatePositive, db_write_timeout,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.db.idle_ping", "30", PHP_INI_ALL, OnUpdateNonNegative, db_idle_ping,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.db.stmt_cache_size", "128", PHP_INI_SYSTEM, OnUpdatePositive, db_stmt_cache_size,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.db.tx_attempts", "3", PHP_INI_ALL, OnUpdatePositive, db_tx_attempts,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_BOOLEAN("cloudacct.clock_settable", "0", PHP_INI_SYSTEM, OnUpdateBool, clock_settable,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.http.connect_timeout_ms", "3000", PHP_INI_ALL, OnUpdatePositive,
		http_connect_timeout_ms, zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.http.timeout_ms", "10000", PHP_INI_ALL, OnUpdatePositive, http_timeout_ms,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.http.concurrency", "32", PHP_INI_ALL, OnUpdatePositive, http_concurrency,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.db.trace", "", PHP_INI_SYSTEM, OnUpdateString, db_trace, zend_cloudacct_globals,
		cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.http.ca_file", "", PHP_INI_SYSTEM, OnUpdateString, http_ca_file,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_ENTRY("cloudacct.http.test_route", "", PHP_INI_SYSTEM, OnUpdateString, http_test_route,
		zend_cloudacct_globals, cloudacct_globals)
	STD_PHP_INI_BOOLEAN("cloudacct.http.test_transport", "0", PHP_INI_SYSTEM, OnUpdateBool, http_test_transport,
		zend_cloudacct_globals, cloudacct_globals)
PHP_INI_END()
/* clang-format on */

static PHP_GINIT_FUNCTION(cloudacct)
{
#if defined(COMPILE_DL_CLOUDACCT) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(cloudacct_globals, 0, sizeof(*cloudacct_globals));
}

static PHP_MINIT_FUNCTION(cloudacct)
{
	REGISTER_INI_ENTRIES();
	/* Neither library init is thread-safe: both belong here, once per process. */
	if (mysql_library_init(0, NULL, NULL) != 0) {
		return FAILURE;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		return FAILURE;
	}
	cloudacct_errors_minit();
	cloudacct_db_minit(module_number);
	cloudacct_context_minit();
	cloudacct_audit_minit();
	cloudacct_settings_minit();
	cloudacct_crypto_minit();
	cloudacct_http_minit();
	cloudacct_notices_minit();
	cloudacct_people_minit();
	cloudacct_work_minit();
	cloudacct_money_minit();
	cloudacct_quality_minit();
	cloudacct_books_minit();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(cloudacct)
{
	/* Pooled links in EG(persistent_list) are already closed by now (zend_shutdown runs first). */
	curl_global_cleanup();
	mysql_library_end();
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_RINIT_FUNCTION(cloudacct)
{
#if defined(ZTS) && defined(COMPILE_DL_CLOUDACCT)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	/* A frozen test clock must never leak into the next request of the same worker. */
	CLOUDACCT_G(clock_frozen) = false;
	CLOUDACCT_G(clock_offset) = 0;
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(cloudacct)
{
	char buf[64];
	curl_version_info_data *curl = curl_version_info(CURLVERSION_NOW);

	php_info_print_table_start();
	php_info_print_table_header(2, "cloudacct support", "enabled");
	php_info_print_table_row(2, "Version", PHP_CLOUDACCT_VERSION);
	php_info_print_table_row(2, "MySQL client library", mysql_get_client_info());
	php_info_print_table_row(2, "libcurl", curl ? curl->version : "unknown");
	php_info_print_table_row(2, "OpenSSL", OpenSSL_version(OPENSSL_VERSION));
	snprintf(buf, sizeof(buf), ZEND_LONG_FMT, CLOUDACCT_G(pool_opened));
	php_info_print_table_row(2, "DB links opened", buf);
	snprintf(buf, sizeof(buf), ZEND_LONG_FMT, CLOUDACCT_G(pool_reused));
	php_info_print_table_row(2, "DB links reused", buf);
	snprintf(buf, sizeof(buf), ZEND_LONG_FMT, CLOUDACCT_G(pool_replaced));
	php_info_print_table_row(2, "DB links replaced (dead)", buf);
	snprintf(buf, sizeof(buf), ZEND_LONG_FMT " active, " ZEND_LONG_FMT " idle", CLOUDACCT_G(pool_active),
		CLOUDACCT_G(pool_idle));
	php_info_print_table_row(2, "DB links now", buf);
	php_info_print_table_end();
	DISPLAY_INI_ENTRIES();
}

/* clang-format off */
static const zend_module_dep cloudacct_deps[] = {
	ZEND_MOD_REQUIRED("json")
	ZEND_MOD_REQUIRED("spl")
	ZEND_MOD_END
};

zend_module_entry cloudacct_module_entry = {
	STANDARD_MODULE_HEADER_EX, NULL,
	cloudacct_deps,
	"cloudacct",
	NULL,
	PHP_MINIT(cloudacct),
	PHP_MSHUTDOWN(cloudacct),
	PHP_RINIT(cloudacct),
	NULL,
	PHP_MINFO(cloudacct),
	PHP_CLOUDACCT_VERSION,
	PHP_MODULE_GLOBALS(cloudacct),
	PHP_GINIT(cloudacct),
	NULL,
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};
/* clang-format on */

#ifdef COMPILE_DL_CLOUDACCT
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(cloudacct)
#endif
