/* The migrations, oldest first. Never edit a released migration: add a new version.
 * Rules (DESIGN §4): InnoDB, utf8mb4, indexed varchar ≤ 191, unix-int timestamps, every table
 * has uniacid, no JSON column functions / CTEs / window functions / triggers. */
#include "schema.h"

#define TABLE_OPTIONS " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"

static const cloudacct_migration_step v1_foundation[] = {
	{ "CREATE TABLE IF NOT EXISTS {audit} ("
		" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" actor_kind VARCHAR(16) NOT NULL,"
		" actor_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" action VARCHAR(64) NOT NULL,"
		" object_type VARCHAR(32) NOT NULL DEFAULT '',"
		" object_id BIGINT UNSIGNED NOT NULL DEFAULT 0,"
		" detail MEDIUMTEXT NOT NULL,"
		" ip VARCHAR(45) NOT NULL DEFAULT '',"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_uniacid_created (uniacid, created_at),"
		" KEY idx_object (uniacid, object_type, object_id),"
		" KEY idx_actor (uniacid, actor_kind, actor_id, created_at)"
		")" TABLE_OPTIONS, NULL },
};

const cloudacct_migration cloudacct_migrations[] = {
	{ 1, "foundation: audit trail", v1_foundation, sizeof(v1_foundation) / sizeof(v1_foundation[0]) },
};
const size_t cloudacct_n_migrations = sizeof(cloudacct_migrations) / sizeof(cloudacct_migrations[0]);

const char *const cloudacct_tables[] = {
	"schema_version",
	"audit",
	NULL,
};
