/* CloudAcct\Db\Schema: applies the compiled-in migrations.
 *
 * Safe when several processes race (two FPM workers after an upgrade, install and scheduler):
 * each version is claimed by inserting its row in {schema_version} (the primary key lets one
 * process win); the others wait for it to be marked applied. A claim carries a lease, so a
 * process that died halfway is taken over once the lease runs out, and because every step is
 * idempotent, re-running a half-applied migration is harmless. Leases use wall time, not the
 * settable business clock. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "php_cloudacct.h"
#include <unistd.h>
#include <openssl/rand.h>
#include <mysqld_error.h>
#include "db.h"
#include "schema.h"
#include "../common/errors.h"

#define LEASE_SECONDS 120
#define WAIT_LIMIT_SECONDS 180

static zend_result ensure_version_table(cloudacct_connection *c)
{
	return CLOUDACCT_DB_RUN(c,
		"CREATE TABLE IF NOT EXISTS {schema_version} ("
		" version INT UNSIGNED NOT NULL,"
		" uniacid INT UNSIGNED NOT NULL DEFAULT 0,"
		" name VARCHAR(128) NOT NULL,"
		" state TINYINT UNSIGNED NOT NULL DEFAULT 0,"
		" owner VARCHAR(64) NOT NULL DEFAULT '',"
		" lease_until INT UNSIGNED NOT NULL DEFAULT 0,"
		" applied_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (version)"
		") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
		NULL, 0, CLOUDACCT_FETCH_NONE, NULL);
}

static void make_owner(char *buf, size_t size)
{
	char host[32] = "";
	unsigned int nonce = 0;
	gethostname(host, sizeof(host) - 1);
	RAND_bytes((unsigned char *) &nonce, sizeof(nonce));
	snprintf(buf, size, "%.31s:%ld:%08x", host, (long) getpid(), nonce);
}

static zend_result apply_steps(cloudacct_connection *c, const cloudacct_migration *m)
{
	const char *prefix = cloudacct_db_prefix(c);

	for (size_t i = 0; i < m->n_steps; i++) {
		const cloudacct_migration_step *step = &m->steps[i];
		if (step->unless) {
			zval found;
			cloudacct_param p = CLOUDACCT_PARAM_STR(prefix, strlen(prefix));
			if (cloudacct_db_run(c, step->unless, strlen(step->unless), &p, 1, CLOUDACCT_FETCH_ROW, &found) == FAILURE) {
				return FAILURE;
			}
			bool done = Z_TYPE(found) != IS_NULL;
			zval_ptr_dtor(&found);
			if (done) {
				continue;
			}
		}
		if (cloudacct_db_run(c, step->sql, strlen(step->sql), NULL, 0, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
	}
	return SUCCESS;
}

typedef enum { CLAIM_DONE, CLAIM_MINE, CLAIM_WAIT, CLAIM_ERROR } claim_result;

static claim_result claim(cloudacct_connection *c, const cloudacct_migration *m, const char *owner)
{
	zval row;
	cloudacct_param key = CLOUDACCT_PARAM_LONG(m->version);
	zend_long now = (zend_long) time(NULL);

	if (CLOUDACCT_DB_RUN(c, "SELECT state, owner, lease_until FROM {schema_version} WHERE version = ?", &key, 1,
			CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return CLAIM_ERROR;
	}
	if (Z_TYPE(row) == IS_NULL) {
		cloudacct_param ins[] = { CLOUDACCT_PARAM_LONG(m->version), CLOUDACCT_PARAM_STR(m->name, strlen(m->name)),
			CLOUDACCT_PARAM_STR(owner, strlen(owner)), CLOUDACCT_PARAM_LONG(now + LEASE_SECONDS) };
		if (CLOUDACCT_DB_RUN(c,
				"INSERT INTO {schema_version} (version, uniacid, name, state, owner, lease_until) VALUES (?, 0, ?, 0, ?, ?)",
				ins, 4, CLOUDACCT_FETCH_NONE, NULL) == SUCCESS) {
			return CLAIM_MINE;
		}
		if (instanceof_function(EG(exception)->ce, cloudacct_ce_DuplicateKeyException)) {
			zend_clear_exception(); /* another process claimed it first */
			return CLAIM_WAIT;
		}
		return CLAIM_ERROR;
	}
	zend_long state = Z_LVAL_P(zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("state")));
	zend_long lease = Z_LVAL_P(zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("lease_until")));
	zend_string *old_owner = zend_string_copy(Z_STR_P(zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("owner"))));
	zval_ptr_dtor(&row);
	if (state == 1) {
		zend_string_release(old_owner);
		return CLAIM_DONE;
	}
	if (lease >= now) {
		zend_string_release(old_owner);
		return CLAIM_WAIT;
	}
	/* The claimant's lease ran out: take over, unless someone else just did. */
	cloudacct_param upd[] = { CLOUDACCT_PARAM_STR(owner, strlen(owner)), CLOUDACCT_PARAM_LONG(now + LEASE_SECONDS),
		CLOUDACCT_PARAM_LONG(m->version), CLOUDACCT_PARAM_ZSTR(old_owner), CLOUDACCT_PARAM_LONG(lease) };
	zend_result rc = CLOUDACCT_DB_RUN(c,
		"UPDATE {schema_version} SET owner = ?, lease_until = ?"
		" WHERE version = ? AND state = 0 AND owner = ? AND lease_until = ?",
		upd, 5, CLOUDACCT_FETCH_NONE, NULL);
	zend_string_release(old_owner);
	if (rc == FAILURE) {
		return CLAIM_ERROR;
	}
	return cloudacct_db_affected_rows(c) == 1 ? CLAIM_MINE : CLAIM_WAIT;
}

static zend_result mark_applied(cloudacct_connection *c, const cloudacct_migration *m, const char *owner)
{
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(time(NULL)), CLOUDACCT_PARAM_LONG(m->version),
		CLOUDACCT_PARAM_STR(owner, strlen(owner)) };
	return CLOUDACCT_DB_RUN(c, "UPDATE {schema_version} SET state = 1, applied_at = ? WHERE version = ? AND owner = ?",
		p, 3, CLOUDACCT_FETCH_NONE, NULL);
}

/* Applies one migration, or waits until another process has. Adds its version to applied. */
static zend_result migrate_one(cloudacct_connection *c, const cloudacct_migration *m, const char *owner, zval *applied)
{
	time_t started = time(NULL);

	for (;;) {
		switch (claim(c, m, owner)) {
			case CLAIM_DONE:
				return SUCCESS;
			case CLAIM_ERROR:
				return FAILURE;
			case CLAIM_MINE:
				if (apply_steps(c, m) == FAILURE || mark_applied(c, m, owner) == FAILURE) {
					return FAILURE;
				}
				add_next_index_long(applied, m->version);
				return SUCCESS;
			case CLAIM_WAIT:
				if (time(NULL) - started > WAIT_LIMIT_SECONDS) {
					cloudacct_throw_conflict("另一个进程正在升级数据库（版本 %d），请稍后再试 (migration %d is held by another process)",
						m->version, m->version);
					return FAILURE;
				}
				usleep(50 * 1000);
				break;
		}
	}
}

ZEND_METHOD(CloudAcct_Db_Schema, migrate)
{
	zval *zconn;
	char owner[64];

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zconn, cloudacct_ce_Connection)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_connection *c = Z_CLOUDACCT_CONNECTION_P(zconn);
	if (cloudacct_db_in_transaction(c)) {
		zend_throw_error(NULL, "不能在事务中升级数据库 (DDL would commit the open transaction)");
		RETURN_THROWS();
	}
	if (ensure_version_table(c) == FAILURE) {
		RETURN_THROWS();
	}
	make_owner(owner, sizeof(owner));
	array_init(return_value);
	for (size_t i = 0; i < cloudacct_n_migrations; i++) {
		if (migrate_one(c, &cloudacct_migrations[i], owner, return_value) == FAILURE) {
			RETURN_THROWS();
		}
	}
}

/* The highest version N such that every version up to N is applied: a gap (a migration that
 * failed or is still running) stops the count. */
ZEND_METHOD(CloudAcct_Db_Schema, currentVersion)
{
	zval *zconn, rows, *row;
	zend_long current = 0;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zconn, cloudacct_ce_Connection)
	ZEND_PARSE_PARAMETERS_END();

	if (CLOUDACCT_DB_RUN(Z_CLOUDACCT_CONNECTION_P(zconn), "SELECT version FROM {schema_version} WHERE state = 1 ORDER BY version",
			NULL, 0, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		zval rv;
		if (EG(exception) && zval_get_long(zend_read_property(zend_ce_exception, EG(exception), ZEND_STRL("code"), 1, &rv))
				== ER_NO_SUCH_TABLE) {
			zend_clear_exception(); /* never installed */
			RETURN_LONG(0);
		}
		RETURN_THROWS();
	}
	for (size_t i = 0; i < cloudacct_n_migrations; i++) {
		bool found = false;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			zval *v = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("version"));
			found = found || Z_LVAL_P(v) == cloudacct_migrations[i].version;
		} ZEND_HASH_FOREACH_END();
		if (!found) {
			break;
		}
		current = cloudacct_migrations[i].version;
	}
	zval_ptr_dtor(&rows);
	RETURN_LONG(current);
}

ZEND_METHOD(CloudAcct_Db_Schema, latestVersion)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(cloudacct_migrations[cloudacct_n_migrations - 1].version);
}

ZEND_METHOD(CloudAcct_Db_Schema, migrations)
{
	ZEND_PARSE_PARAMETERS_NONE();
	array_init_size(return_value, (uint32_t) cloudacct_n_migrations);
	for (size_t i = 0; i < cloudacct_n_migrations; i++) {
		add_index_string(return_value, cloudacct_migrations[i].version, cloudacct_migrations[i].name);
	}
}

ZEND_METHOD(CloudAcct_Db_Schema, tables)
{
	ZEND_PARSE_PARAMETERS_NONE();
	array_init(return_value);
	for (size_t i = 0; cloudacct_tables[i]; i++) {
		add_next_index_string(return_value, cloudacct_tables[i]);
	}
}

ZEND_METHOD(CloudAcct_Db_Schema, dropAll)
{
	zval *zconn;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zconn, cloudacct_ce_Connection)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_connection *c = Z_CLOUDACCT_CONNECTION_P(zconn);
	for (size_t i = 0; cloudacct_tables[i]; i++) {
		char sql[128];
		int len = snprintf(sql, sizeof(sql), "DROP TABLE IF EXISTS {%s}", cloudacct_tables[i]);
		if (cloudacct_db_run(c, sql, (size_t) len, NULL, 0, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			RETURN_THROWS();
		}
	}
}
