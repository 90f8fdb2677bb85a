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
		" KEY idx_dispatch (uniacid, active, on_duty, store_id),"
		" KEY idx_we7 (uniacid, we7_uid)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {staff_skill} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" staff_id INT UNSIGNED NOT NULL,"
		" skill VARCHAR(32) NOT NULL,"
		" PRIMARY KEY (staff_id, skill),"
		" KEY idx_skill (uniacid, skill)"
		")" TABLE_OPTIONS, NULL },
	/* Client companies. accountant_id is the exclusive accountant (专属会计), 0 = none.
	 * credit_code is the normalised (upper-case) 统一社会信用代码 or NULL; taxpayer_type is
	 * 'small' (小规模纳税人) or 'general' (一般纳税人); status active | paused | terminated. */
	{ "CREATE TABLE IF NOT EXISTS {client} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" name VARCHAR(128) NOT NULL,"
		" credit_code CHAR(18) NULL,"
		" taxpayer_type VARCHAR(16) NOT NULL DEFAULT 'small',"
		" industry VARCHAR(64) NOT NULL DEFAULT '',"
		" address VARCHAR(255) NOT NULL DEFAULT '',"
		" store_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" accountant_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" status VARCHAR(16) NOT NULL DEFAULT 'active',"
		" notes VARCHAR(2000) NOT NULL DEFAULT '',"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_credit_code (uniacid, credit_code),"
		" KEY idx_accountant (uniacid, accountant_id, status),"
		" KEY idx_store (uniacid, store_id, status),"
		" KEY idx_name (uniacid, name)"
		")" TABLE_OPTIONS, NULL },
	/* Labels on client companies (重点客户, 零申报…), indexed for the tag filter. */
	{ "CREATE TABLE IF NOT EXISTS {client_tag} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" tag VARCHAR(16) NOT NULL,"
		" PRIMARY KEY (client_id, tag),"
		" KEY idx_tag (uniacid, tag)"
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
		" KEY idx_from (uniacid, from_staff_id),"
		" KEY idx_to (uniacid, to_staff_id)"
		")" TABLE_OPTIONS, NULL },
};

/* Work: the service catalogue, orders, jobs (工单) with their history, progress and attachments,
 * SLA breaches, recurring schedules, and the outbox the notices area will drain.
 * lease_until/lease_token let several scheduler processes split due rows without SKIP LOCKED. */
static const cloudacct_migration_step v3_work[] = {
	{ "CREATE TABLE IF NOT EXISTS {category} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" name VARCHAR(32) NOT NULL,"
		" icon VARCHAR(255) NOT NULL DEFAULT '',"
		" sort INT NOT NULL DEFAULT 0,"
		" visible TINYINT UNSIGNED NOT NULL DEFAULT 1,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_uniacid (uniacid, visible, sort)"
		")" TABLE_OPTIONS, NULL },
	/* deleted_at keeps the row for the orders that name it; price_fen is what new orders pay. */
	{ "CREATE TABLE IF NOT EXISTS {service} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" category_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" title VARCHAR(64) NOT NULL,"
		" cover VARCHAR(255) NOT NULL DEFAULT '',"
		" summary VARCHAR(255) NOT NULL DEFAULT '',"
		" description MEDIUMTEXT NOT NULL,"
		" price_fen BIGINT NOT NULL DEFAULT 0,"
		" price_type VARCHAR(16) NOT NULL DEFAULT 'one_off',"
		" on_sale TINYINT UNSIGNED NOT NULL DEFAULT 0,"
		" sort INT NOT NULL DEFAULT 0,"
		" dispatch_mode VARCHAR(16) NOT NULL DEFAULT 'grab',"
		" grab_window_minutes INT UNSIGNED NOT NULL DEFAULT 0,"
		" skill VARCHAR(32) NOT NULL DEFAULT '',"
		" checklist TEXT NOT NULL,"
		" sla_hours INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" deleted_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (id),"
		" KEY idx_browse (uniacid, deleted_at, on_sale, category_id, sort)"
		")" TABLE_OPTIONS, NULL },
	/* order_no is globally unique: it is the payment out_trade_no, and a merchant may serve
	 * several uniacids. The job_* columns carry a client's request into the job made on payment. */
	{ "CREATE TABLE IF NOT EXISTS {order} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" order_no VARCHAR(32) NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" contact_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" service_id INT UNSIGNED NOT NULL,"
		" title VARCHAR(64) NOT NULL,"
		" price_fen BIGINT NOT NULL,"
		" price_type VARCHAR(16) NOT NULL,"
		" amount_fen BIGINT NOT NULL,"
		" status VARCHAR(24) NOT NULL,"
		" paid_fen BIGINT NOT NULL DEFAULT 0,"
		" refunded_fen BIGINT NOT NULL DEFAULT 0,"
		" pay_channel VARCHAR(16) NOT NULL DEFAULT '',"
		" pay_ref VARCHAR(64) NOT NULL DEFAULT '',"
		" job_title VARCHAR(64) NOT NULL DEFAULT '',"
		" job_description TEXT NOT NULL,"
		" urgency TINYINT UNSIGNED NOT NULL DEFAULT 0,"
		" attachments TEXT NOT NULL,"
		" job_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" note VARCHAR(255) NOT NULL DEFAULT '',"
		" expires_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" paid_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" closed_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" version INT UNSIGNED NOT NULL DEFAULT 0,"
		" lease_until INT UNSIGNED NOT NULL DEFAULT 0,"
		" lease_token CHAR(16) NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_order_no (order_no),"
		" KEY idx_client (uniacid, client_id, created_at),"
		" KEY idx_status (uniacid, status, created_at),"
		" KEY idx_expiry (uniacid, status, expires_at),"
		" KEY idx_lease (lease_token)"
		")" TABLE_OPTIONS, NULL },
	/* The unit of work. SLA: sla_total_seconds of business time, sla_used_seconds spent before
	 * sla_resumed_at (0 = clock stopped), due_at projected while running (0 when stopped).
	 * recur_key ("r<schedule>-<YYYYMM>") makes a recurring job unique per period. */
	{ "CREATE TABLE IF NOT EXISTS {job} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" store_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" client_id INT UNSIGNED NOT NULL,"
		" contact_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" service_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" order_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" source VARCHAR(16) NOT NULL,"
		" recur_key VARCHAR(32) NULL,"
		" title VARCHAR(64) NOT NULL,"
		" type VARCHAR(32) NOT NULL DEFAULT '',"
		" description TEXT NOT NULL,"
		" urgency TINYINT UNSIGNED NOT NULL DEFAULT 0,"
		" price_fen BIGINT NOT NULL DEFAULT 0,"
		" status VARCHAR(16) NOT NULL,"
		" dispatch_mode VARCHAR(16) NOT NULL,"
		" skill VARCHAR(32) NOT NULL DEFAULT '',"
		" assignee_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" assigned_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" grab_window_minutes INT UNSIGNED NOT NULL DEFAULT 0,"
		" grab_deadline INT UNSIGNED NOT NULL DEFAULT 0,"
		" checklist TEXT NOT NULL,"
		" sla_total_seconds INT UNSIGNED NOT NULL DEFAULT 0,"
		" sla_used_seconds INT UNSIGNED NOT NULL DEFAULT 0,"
		" sla_resumed_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" due_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" sla_breached TINYINT UNSIGNED NOT NULL DEFAULT 0,"
		" silent TINYINT UNSIGNED NOT NULL DEFAULT 0,"
		" last_progress_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" state_at INT UNSIGNED NOT NULL,"
		" done_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" closed_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" cancel_reason VARCHAR(255) NOT NULL DEFAULT '',"
		" created_by_kind VARCHAR(16) NOT NULL,"
		" created_by_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" version INT UNSIGNED NOT NULL DEFAULT 0,"
		" lease_until INT UNSIGNED NOT NULL DEFAULT 0,"
		" lease_token CHAR(16) NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_recur (uniacid, recur_key),"
		" KEY idx_pool (uniacid, status, store_id, skill, created_at),"
		" KEY idx_assignee (uniacid, assignee_id, status, updated_at),"
		" KEY idx_client (uniacid, client_id, status, created_at),"
		" KEY idx_state (uniacid, status, state_at),"
		" KEY idx_grab_deadline (uniacid, status, grab_deadline),"
		" KEY idx_silent (uniacid, status, silent, last_progress_at),"
		" KEY idx_due (uniacid, sla_breached, due_at),"
		" KEY idx_order (uniacid, order_id),"
		" KEY idx_lease (lease_token)"
		")" TABLE_OPTIONS, NULL },
	/* Append-only: every state change and every reassignment (from_status = to_status). */
	{ "CREATE TABLE IF NOT EXISTS {job_history} ("
		" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" job_id INT UNSIGNED NOT NULL,"
		" from_status VARCHAR(16) NOT NULL,"
		" to_status VARCHAR(16) NOT NULL,"
		" event VARCHAR(16) NOT NULL,"
		" actor_kind VARCHAR(16) NOT NULL,"
		" actor_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" assignee_from INT UNSIGNED NOT NULL DEFAULT 0,"
		" assignee_to INT UNSIGNED NOT NULL DEFAULT 0,"
		" note VARCHAR(255) NOT NULL DEFAULT '',"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_job (uniacid, job_id, id)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {job_progress} ("
		" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" job_id INT UNSIGNED NOT NULL,"
		" author_kind VARCHAR(16) NOT NULL,"
		" author_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" body TEXT NOT NULL,"
		" visibility VARCHAR(8) NOT NULL,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_job (uniacid, job_id, visibility, id)"
		")" TABLE_OPTIONS, NULL },
	/* References to files stored by 微擎 (attachment path or remote URL); progress_id 0 = the
	 * attachments the job was raised with. */
	{ "CREATE TABLE IF NOT EXISTS {job_attachment} ("
		" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" job_id INT UNSIGNED NOT NULL,"
		" progress_id BIGINT UNSIGNED NOT NULL DEFAULT 0,"
		" ref VARCHAR(255) NOT NULL,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_job (uniacid, job_id, progress_id)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {sla_breach} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" job_id INT UNSIGNED NOT NULL,"
		" assignee_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" status VARCHAR(16) NOT NULL,"
		" due_at INT UNSIGNED NOT NULL,"
		" detected_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_job (uniacid, job_id),"
		" KEY idx_detected (uniacid, detected_at),"
		" KEY idx_assignee (uniacid, assignee_id, detected_at)"
		")" TABLE_OPTIONS, NULL },
	/* One row per client and kind of recurring work (e.g. monthly 记账, 报税): the job of each
	 * period is created at next_run_at, due on due_day moved past holidays. */
	{ "CREATE TABLE IF NOT EXISTS {recurring} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" service_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" type VARCHAR(32) NOT NULL,"
		" title VARCHAR(64) NOT NULL,"
		" skill VARCHAR(32) NOT NULL DEFAULT '',"
		" dispatch_mode VARCHAR(16) NOT NULL DEFAULT 'exclusive',"
		" due_day TINYINT UNSIGNED NOT NULL DEFAULT 0,"
		" active TINYINT UNSIGNED NOT NULL DEFAULT 1,"
		" next_period INT UNSIGNED NOT NULL,"
		" next_run_at INT UNSIGNED NOT NULL,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" lease_until INT UNSIGNED NOT NULL DEFAULT 0,"
		" lease_token CHAR(16) NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_client_type (uniacid, client_id, type),"
		" KEY idx_due (uniacid, active, next_run_at),"
		" KEY idx_lease (lease_token)"
		")" TABLE_OPTIONS, NULL },
	/* The round-robin position of auto-assignment. */
	{ "CREATE TABLE IF NOT EXISTS {dispatch_cursor} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" last_staff_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (uniacid)"
		")" TABLE_OPTIONS, NULL },
	/* Minimal outbox (owned by the notices area, which extends it and adds the sender): one row
	 * per notice, written in the transaction of the event; dedup_key makes re-queuing a no-op.
	 * status: queued → sending → sent | failed | deferred | cancelled. */
	{ "CREATE TABLE IF NOT EXISTS {outbox} ("
		" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" recipient_kind VARCHAR(16) NOT NULL,"
		" recipient_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" channel VARCHAR(16) NOT NULL DEFAULT 'auto',"
		" template VARCHAR(64) NOT NULL,"
		" payload MEDIUMTEXT NOT NULL,"
		" dedup_key VARCHAR(128) NOT NULL,"
		" status VARCHAR(16) NOT NULL DEFAULT 'queued',"
		" attempts INT UNSIGNED NOT NULL DEFAULT 0,"
		" next_attempt_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" last_error VARCHAR(255) NOT NULL DEFAULT '',"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_dedup (uniacid, dedup_key),"
		" KEY idx_due (status, next_attempt_at),"
		" KEY idx_uniacid (uniacid, status, next_attempt_at)"
		")" TABLE_OPTIONS, NULL },
};

const cloudacct_migration cloudacct_migrations[] = {
	{ 1, "foundation: audit trail, settings", v1_foundation, sizeof(v1_foundation) / sizeof(v1_foundation[0]) },
	{ 2, "people: stores, staff, clients, contacts, bind codes, registrations, handovers", v2_people,
		sizeof(v2_people) / sizeof(v2_people[0]) },
	{ 3, "work: catalogue, orders, jobs, history, progress, SLA breaches, recurring schedules, outbox", v3_work,
		sizeof(v3_work) / sizeof(v3_work[0]) },
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
	"client_tag",
	"contact",
	"client_contact",
	"bind_code",
	"registration",
	"handover",
	"category",
	"service",
	"order",
	"job",
	"job_history",
	"job_progress",
	"job_attachment",
	"sla_breach",
	"recurring",
	"dispatch_cursor",
	"outbox",
	NULL,
};
