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
	/* Per-uniacid settings the core reads (grab window, calendar, dunning schedule…): JSON values. */
	{ "CREATE TABLE IF NOT EXISTS {setting} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" name VARCHAR(64) NOT NULL,"
		" value MEDIUMTEXT NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (uniacid, name)"
		")" TABLE_OPTIONS, NULL },
};

/* People: stores (门店), staff, client companies, contacts (WeChat fans) and their bindings. */
static const cloudacct_migration_step v2_people[] = {
	{ "CREATE TABLE IF NOT EXISTS {store} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" name VARCHAR(64) NOT NULL,"
		" address VARCHAR(255) NOT NULL DEFAULT '',"
		" phone VARCHAR(32) NOT NULL DEFAULT '',"
		" active TINYINT UNSIGNED NOT NULL DEFAULT 1,"
		" sort INT NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_uniacid (uniacid, active, sort)"
		")" TABLE_OPTIONS, NULL },
	/* A 微擎 backend user limited to some stores; no rows = the whole uniacid. */
	{ "CREATE TABLE IF NOT EXISTS {admin_store} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" we7_uid INT UNSIGNED NOT NULL,"
		" store_id INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (uniacid, we7_uid, store_id)"
		")" TABLE_OPTIONS, NULL },
	/* open_jobs is maintained by the work engine in the same transaction as each assignment,
	 * so the open-job cap is checked without counting jobs. */
	{ "CREATE TABLE IF NOT EXISTS {staff} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" store_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" name VARCHAR(32) NOT NULL,"
		" phone VARCHAR(20) NOT NULL DEFAULT '',"
		" photo VARCHAR(255) NOT NULL DEFAULT '',"
		" wechat VARCHAR(64) NOT NULL DEFAULT '',"
		" title VARCHAR(32) NOT NULL DEFAULT '',"
		" open_job_cap INT UNSIGNED NOT NULL DEFAULT 20,"
		" open_jobs INT UNSIGNED NOT NULL DEFAULT 0,"
		" on_duty TINYINT UNSIGNED NOT NULL DEFAULT 1,"
		" active TINYINT UNSIGNED NOT NULL DEFAULT 1,"
		" openid VARCHAR(64) NULL,"
		" we7_uid INT UNSIGNED NOT NULL DEFAULT 0,"
		" hired_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_openid (uniacid, openid),"
		" KEY idx_dispatch (uniacid, active, on_duty, store_id)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {staff_skill} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" staff_id INT UNSIGNED NOT NULL,"
		" skill VARCHAR(32) NOT NULL,"
		" PRIMARY KEY (staff_id, skill),"
		" KEY idx_skill (uniacid, skill)"
		")" TABLE_OPTIONS, NULL },
	/* Client companies. accountant_id is the exclusive accountant (专属会计), 0 = none. */
	{ "CREATE TABLE IF NOT EXISTS {client} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" name VARCHAR(128) NOT NULL,"
		" credit_code CHAR(18) NULL,"
		" taxpayer_type TINYINT UNSIGNED NOT NULL DEFAULT 1,"
		" industry VARCHAR(64) NOT NULL DEFAULT '',"
		" address VARCHAR(255) NOT NULL DEFAULT '',"
		" store_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" accountant_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" tags VARCHAR(255) NOT NULL DEFAULT '',"
		" status VARCHAR(16) NOT NULL DEFAULT 'active',"
		" notes TEXT NOT NULL,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_credit_code (uniacid, credit_code),"
		" KEY idx_accountant (uniacid, accountant_id, status),"
		" KEY idx_store (uniacid, store_id, status),"
		" KEY idx_name (uniacid, name)"
		")" TABLE_OPTIONS, NULL },
	/* A person on the client side, known by their WeChat fan openid once bound. */
	{ "CREATE TABLE IF NOT EXISTS {contact} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" name VARCHAR(32) NOT NULL DEFAULT '',"
		" phone VARCHAR(20) NOT NULL DEFAULT '',"
		" openid VARCHAR(64) NULL,"
		" current_client_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_openid (uniacid, openid),"
		" KEY idx_phone (uniacid, phone)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {client_contact} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" contact_id INT UNSIGNED NOT NULL,"
		" role VARCHAR(16) NOT NULL DEFAULT 'owner',"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (client_id, contact_id),"
		" KEY idx_contact (uniacid, contact_id)"
		")" TABLE_OPTIONS, NULL },
	/* One-time, expiring codes: kind 'contact' binds a fan to target_id = client id,
	 * kind 'staff' binds a fan to target_id = staff id. */
	{ "CREATE TABLE IF NOT EXISTS {bind_code} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" code VARCHAR(16) NOT NULL,"
		" kind VARCHAR(16) NOT NULL,"
		" target_id INT UNSIGNED NOT NULL,"
		" role VARCHAR(16) NOT NULL DEFAULT '',"
		" issued_by_kind VARCHAR(16) NOT NULL,"
		" issued_by_id INT UNSIGNED NOT NULL,"
		" expires_at INT UNSIGNED NOT NULL,"
		" used_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" used_by_openid VARCHAR(64) NOT NULL DEFAULT '',"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_code (uniacid, code),"
		" KEY idx_target (uniacid, kind, target_id)"
		")" TABLE_OPTIONS, NULL },
	/* Self-registration of a fan as a client contact, waiting for an admin. */
	{ "CREATE TABLE IF NOT EXISTS {registration} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" openid VARCHAR(64) NOT NULL,"
		" name VARCHAR(32) NOT NULL,"
		" phone VARCHAR(20) NOT NULL,"
		" company_name VARCHAR(128) NOT NULL,"
		" credit_code CHAR(18) NULL,"
		" status VARCHAR(16) NOT NULL DEFAULT 'pending',"
		" client_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" reviewed_by INT UNSIGNED NOT NULL DEFAULT 0,"
		" review_note VARCHAR(255) NOT NULL DEFAULT '',"
		" created_at INT UNSIGNED NOT NULL,"
		" reviewed_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (id),"
		" KEY idx_status (uniacid, status, created_at),"
		" KEY idx_openid (uniacid, openid)"
		")" TABLE_OPTIONS, NULL },
	/* Every change of exclusive accountant, with who decided it and why. */
	{ "CREATE TABLE IF NOT EXISTS {handover} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" from_staff_id INT UNSIGNED NOT NULL,"
		" to_staff_id INT UNSIGNED NOT NULL,"
		" reason VARCHAR(255) NOT NULL DEFAULT '',"
		" actor_kind VARCHAR(16) NOT NULL,"
		" actor_id INT UNSIGNED NOT NULL,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_client (uniacid, client_id, created_at),"
		" KEY idx_staff (uniacid, from_staff_id)"
		")" TABLE_OPTIONS, NULL },
};

const cloudacct_migration cloudacct_migrations[] = {
	{ 1, "foundation: audit trail, settings", v1_foundation, sizeof(v1_foundation) / sizeof(v1_foundation[0]) },
	{ 2, "people: stores, staff, clients, contacts, bind codes, registrations, handovers", v2_people,
		sizeof(v2_people) / sizeof(v2_people[0]) },
};
const size_t cloudacct_n_migrations = sizeof(cloudacct_migrations) / sizeof(cloudacct_migrations[0]);

const char *const cloudacct_tables[] = {
	"schema_version",
	"audit",
	"setting",
	"store",
	"admin_store",
	"staff",
	"staff_skill",
	"client",
	"contact",
	"client_contact",
	"bind_code",
	"registration",
	"handover",
	NULL,
};
