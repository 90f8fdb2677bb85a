#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include <errmsg.h>
#include <mysqld_error.h>
#include "link.h"
#include "../common/errors.h"

/* Our own session settings: strict so that oversize or invalid values fail loudly instead of
 * being truncated (微擎's own connection runs with sql_mode=''; this one never touches core
 * tables). Sent as the init command, so it costs no extra round trip after connect. */
#define CLOUDACCT_SESSION_INIT \
	"SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO'"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

void cloudacct_link_config_copy(cloudacct_link_config *dst, const cloudacct_link_config *src)
{
	*dst = *src;
	dst->host = dup_or_null(src->host);
	dst->socket = dup_or_null(src->socket);
	dst->user = dup_or_null(src->user);
	dst->password = dup_or_null(src->password);
	dst->database = dup_or_null(src->database);
	dst->prefix = dup_or_null(src->prefix);
}

void cloudacct_link_config_free(cloudacct_link_config *cfg)
{
	free(cfg->host);
	free(cfg->socket);
	free(cfg->user);
	if (cfg->password) {
		explicit_bzero(cfg->password, strlen(cfg->password));
		free(cfg->password);
	}
	free(cfg->database);
	free(cfg->prefix);
	memset(cfg, 0, sizeof(*cfg));
}

void cloudacct_link_capture_error(MYSQL *mysql, cloudacct_db_error *err)
{
	err->err = mysql_errno(mysql);
	snprintf(err->sqlstate, sizeof(err->sqlstate), "%s", mysql_sqlstate(mysql));
	snprintf(err->msg, sizeof(err->msg), "%s", mysql_error(mysql));
}

cloudacct_link *cloudacct_link_open(const cloudacct_link_config *cfg, cloudacct_db_error *err)
{
	cloudacct_link *link = calloc(1, sizeof(*link));
	my_bool on = 1;

	link->mysql = mysql_init(NULL);
	if (!link->mysql) {
		err->err = CR_OUT_OF_MEMORY;
		strcpy(err->sqlstate, "HY000");
		strcpy(err->msg, "mysql_init failed");
		free(link);
		return NULL;
	}
	mysql_options(link->mysql, MYSQL_OPT_CONNECT_TIMEOUT, &cfg->connect_timeout);
	mysql_options(link->mysql, MYSQL_OPT_READ_TIMEOUT, &cfg->read_timeout);
	mysql_options(link->mysql, MYSQL_OPT_WRITE_TIMEOUT, &cfg->write_timeout);
	mysql_options(link->mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(link->mysql, MYSQL_INIT_COMMAND, CLOUDACCT_SESSION_INIT);
	mysql_options(link->mysql, MYSQL_REPORT_DATA_TRUNCATION, &on);

	if (!mysql_real_connect(link->mysql, cfg->host, cfg->user, cfg->password, cfg->database, cfg->port,
			cfg->socket, CLIENT_FOUND_ROWS)) {
		cloudacct_link_capture_error(link->mysql, err);
		mysql_close(link->mysql);
		free(link);
		return NULL;
	}
	cloudacct_link_config_copy(&link->cfg, cfg);
	link->n_buckets = 64;
	link->buckets = calloc(link->n_buckets, sizeof(*link->buckets));
	link->last_used = time(NULL);
	link->fresh = true;
	return link;
}

void cloudacct_link_close(cloudacct_link *link)
{
	if (!link) {
		return;
	}
	cloudacct_stmt_cache_clear(link);
	free(link->buckets);
	if (link->mysql) {
		mysql_close(link->mysql);
	}
	cloudacct_link_config_free(&link->cfg);
	free(link->pool_key);
	free(link);
}

bool cloudacct_link_simple(cloudacct_link *link, const char *sql, size_t len, cloudacct_db_error *err)
{
	if (mysql_real_query(link->mysql, sql, len) != 0) {
		cloudacct_link_capture_error(link->mysql, err);
		if (cloudacct_db_error_breaks_link(err->err)) {
			link->broken = true;
		}
		return false;
	}
	/* A statement that unexpectedly returned rows must not leave them pending. */
	MYSQL_RES *res = mysql_store_result(link->mysql);
	if (res) {
		mysql_free_result(res);
	}
	return true;
}

bool cloudacct_link_reset(cloudacct_link *link)
{
	cloudacct_db_error err;

	if (link->broken) {
		return false;
	}
	if (link->session_dirty) {
		/* Drops session variables, temporary tables, locks and server-side statements. */
		cloudacct_stmt_cache_clear(link);
		if (mysql_reset_connection(link->mysql) != 0
				|| !cloudacct_link_simple(link, ZEND_STRL(CLOUDACCT_SESSION_INIT), &err)) {
			return false;
		}
		link->session_dirty = false;
		return true;
	}
	if (link->mysql->server_status & SERVER_STATUS_IN_TRANS) {
		return cloudacct_link_simple(link, ZEND_STRL("ROLLBACK"), &err);
	}
	return true;
}

bool cloudacct_db_error_is_gone(unsigned int err)
{
	switch (err) {
		case CR_SERVER_GONE_ERROR:
		case CR_SERVER_LOST:
		case CR_SERVER_LOST_EXTENDED:
		case CR_CONNECTION_ERROR:
		case CR_CONN_HOST_ERROR:
		case ER_CONNECTION_KILLED:
		case ER_SERVER_SHUTDOWN:
		case 4031: /* ER_CLIENT_INTERACTION_TIMEOUT (MySQL 8): idle session closed by the server */
			return true;
		default:
			return false;
	}
}

bool cloudacct_db_error_is_retryable(unsigned int err)
{
	return err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT;
}

bool cloudacct_db_error_breaks_link(unsigned int err)
{
	/* 2030–2057 are per-statement client errors (bad bind, changed metadata): the session is fine. */
	bool statement_level = err >= CR_NO_PREPARE_STMT && err <= CR_NEW_STMT_METADATA && err != CR_SERVER_LOST_EXTENDED;
	return cloudacct_db_error_is_gone(err) || (err >= CR_MIN_ERROR && err <= CR_MAX_ERROR && !statement_level);
}

void cloudacct_db_throw(const cloudacct_db_error *err, bool connecting)
{
	zend_class_entry *ce = cloudacct_ce_DatabaseException;
	const char *what = "数据库错误";
	const char *context = connecting ? "connect" : "query";

	if (connecting || cloudacct_db_error_breaks_link(err->err)) {
		ce = cloudacct_ce_ConnectionException;
		what = "数据库连接失败";
	} else if (err->err == ER_DUP_ENTRY || err->err == ER_DUP_UNIQUE) {
		ce = cloudacct_ce_DuplicateKeyException;
		what = "数据重复";
	} else if (cloudacct_db_error_is_retryable(err->err)) {
		ce = cloudacct_ce_DeadlockException;
		what = "数据库繁忙（死锁或锁等待超时），请重试";
	}
	cloudacct_throw_db(ce, err->err, err->sqlstate, "%s：%s (%s, errno %u, SQLSTATE %s)", what, err->msg, context,
		err->err, err->sqlstate[0] ? err->sqlstate : "HY000");
}
