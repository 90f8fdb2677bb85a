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

/* Money (ledger area): fee plans with dated prices and pauses, bills, the append-only ledger,
 * payments with their allocations to bills and orders, refunds, online payment intents, receipt
 * numbers, billing-run progress, the dunning log and the per-client balance summary that the
 * arrears list reads instead of summing the ledger. Amounts are signed BIGINT fen; periods are
 * INT YYYYMM, dates INT YYYYMMDD (business time, UTC+8). */
static const cloudacct_migration_step v4_money[] = {
	/* paid_through (已缴至, YYYYMM) is derived from the plan's bills and pauses and kept here so
	 * pages need not recompute it. A plan bills cycles starting from start_period +
	 * prepaid_periods up to end_period (0 = open-ended). status active | cancelled. */
	{ "CREATE TABLE IF NOT EXISTS {fee_plan} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" title VARCHAR(64) NOT NULL,"
		" cycle VARCHAR(16) NOT NULL,"
		" start_period INT UNSIGNED NOT NULL,"
		" end_period INT UNSIGNED NOT NULL DEFAULT 0,"
		" prepaid_periods INT UNSIGNED NOT NULL DEFAULT 0,"
		" status VARCHAR(16) NOT NULL DEFAULT 'active',"
		" paid_through INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_by INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_client (uniacid, client_id),"
		" KEY idx_billing (uniacid, status, id)"
		")" TABLE_OPTIONS, NULL },
	/* The price of a plan from a period on; a bill takes the price in effect at its first period.
	 * Rows are only added for periods not yet billed, so the past is never rewritten. */
	{ "CREATE TABLE IF NOT EXISTS {plan_price} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" plan_id INT UNSIGNED NOT NULL,"
		" effective_from INT UNSIGNED NOT NULL,"
		" amount_fen BIGINT NOT NULL,"
		" created_by INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (plan_id, effective_from),"
		" KEY idx_uniacid (uniacid, plan_id)"
		")" TABLE_OPTIONS, NULL },
	/* Billing paused from one period to another (to_period 0 = still paused). */
	{ "CREATE TABLE IF NOT EXISTS {plan_pause} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" plan_id INT UNSIGNED NOT NULL,"
		" from_period INT UNSIGNED NOT NULL,"
		" to_period INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (plan_id, from_period),"
		" KEY idx_uniacid (uniacid, plan_id)"
		")" TABLE_OPTIONS, NULL },
	/* One bill per (client, plan, period): the billing run's idempotency key. Manual bills have
	 * plan_id 0 and a non-empty idem_key. status open | paid | waived | void is a cache of
	 * amount - paid - waived (reconciled against the ledger and the allocations). batch_id marks
	 * the rows one billing transaction inserted; dun_* is the dunning scheduler's cursor and
	 * lease. */
	{ "CREATE TABLE IF NOT EXISTS {bill} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" plan_id INT UNSIGNED NOT NULL,"
		" period INT UNSIGNED NOT NULL,"
		" period_to INT UNSIGNED NOT NULL,"
		" idem_key VARCHAR(32) NOT NULL DEFAULT '',"
		" title VARCHAR(64) NOT NULL,"
		" amount_fen BIGINT NOT NULL,"
		" paid_fen BIGINT NOT NULL DEFAULT 0,"
		" waived_fen BIGINT NOT NULL DEFAULT 0,"
		" status VARCHAR(8) NOT NULL DEFAULT 'open',"
		" due_date INT UNSIGNED NOT NULL,"
		" batch_id BIGINT UNSIGNED NOT NULL DEFAULT 0,"
		" dun_next INT UNSIGNED NOT NULL DEFAULT 0,"
		" dun_lease_until INT UNSIGNED NOT NULL DEFAULT 0,"
		" dun_lease_token CHAR(16) NULL,"
		" created_at INT UNSIGNED NOT NULL,"
		" settled_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_bill (uniacid, client_id, plan_id, period, idem_key),"
		" KEY idx_open (uniacid, client_id, status, due_date),"
		" KEY idx_plan (uniacid, plan_id, period),"
		" KEY idx_batch (batch_id),"
		" KEY idx_dunning (uniacid, status, dun_next),"
		" KEY idx_dun_lease (dun_lease_token)"
		")" TABLE_OPTIONS, NULL },
	/* Append-only. amount_fen is signed from the firm's side: a charge adds to what the client
	 * owes, a payment, waiver or credit adjustment takes away, a refund adds back; a reversal is
	 * the exact opposite of the entry it names (reverses_id, at most once). kind charge | payment
	 * | refund | waiver | adjustment | reversal. */
	{ "CREATE TABLE IF NOT EXISTS {ledger_entry} ("
		" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" kind VARCHAR(12) NOT NULL,"
		" amount_fen BIGINT NOT NULL,"
		" bill_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" order_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" payment_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" refund_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" reverses_id BIGINT UNSIGNED NULL,"
		" period INT UNSIGNED NOT NULL,"
		" memo VARCHAR(255) NOT NULL DEFAULT '',"
		" actor_kind VARCHAR(16) NOT NULL,"
		" actor_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_reverses (uniacid, reverses_id),"
		" KEY idx_client (uniacid, client_id, id)"
		")" TABLE_OPTIONS, NULL },
	/* Money in (or a credit note, channel 'adjustment'), idempotent by (channel, external_id):
	 * the 微擎 tid, the WeChat Pay out_trade_no, or the offline receipt number. allocated_fen went
	 * to bills or an order, refunded_fen is reserved by refunds (pending or done); the rest is
	 * the client's unapplied credit. status posted | reversed. */
	{ "CREATE TABLE IF NOT EXISTS {payment} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" channel VARCHAR(16) NOT NULL,"
		" external_id VARCHAR(64) NOT NULL,"
		" receipt_no VARCHAR(32) NULL,"
		" amount_fen BIGINT NOT NULL,"
		" allocated_fen BIGINT NOT NULL DEFAULT 0,"
		" refunded_fen BIGINT NOT NULL DEFAULT 0,"
		" status VARCHAR(12) NOT NULL DEFAULT 'posted',"
		" method VARCHAR(16) NOT NULL DEFAULT '',"
		" target_kind VARCHAR(8) NOT NULL DEFAULT '',"
		" target_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" intent_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" reference VARCHAR(64) NOT NULL DEFAULT '',"
		" payer VARCHAR(128) NOT NULL DEFAULT '',"
		" note VARCHAR(255) NOT NULL DEFAULT '',"
		" period INT UNSIGNED NOT NULL,"
		" paid_at INT UNSIGNED NOT NULL,"
		" recorded_by_kind VARCHAR(16) NOT NULL,"
		" recorded_by_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_external (uniacid, channel, external_id),"
		" UNIQUE KEY uq_receipt (uniacid, receipt_no),"
		" KEY idx_client (uniacid, client_id, status, id),"
		" KEY idx_period (uniacid, period, channel)"
		")" TABLE_OPTIONS, NULL },
	/* Append-only moves of a payment's money to a bill or an order (negative = taken back, when
	 * a payment is refunded or reversed or a bill voided). */
	{ "CREATE TABLE IF NOT EXISTS {allocation} ("
		" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" payment_id INT UNSIGNED NOT NULL,"
		" bill_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" order_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" amount_fen BIGINT NOT NULL,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_client (uniacid, client_id, payment_id)"
		")" TABLE_OPTIONS, NULL },
	/* Money going back. The refund entry is posted (and the amount reserved on the payment) when
	 * it is requested; a refund the channel refuses is reversed. out_refund_no is globally unique
	 * (WeChat Pay keys refunds by it per merchant). status pending | succeeded | failed. */
	{ "CREATE TABLE IF NOT EXISTS {refund} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" payment_id INT UNSIGNED NOT NULL,"
		" order_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" out_refund_no VARCHAR(64) NOT NULL,"
		" channel VARCHAR(16) NOT NULL,"
		" amount_fen BIGINT NOT NULL,"
		" status VARCHAR(12) NOT NULL DEFAULT 'pending',"
		" reason VARCHAR(255) NOT NULL DEFAULT '',"
		" external_refund_id VARCHAR(64) NOT NULL DEFAULT '',"
		" failure VARCHAR(255) NOT NULL DEFAULT '',"
		" period INT UNSIGNED NOT NULL DEFAULT 0,"
		" requested_by_kind VARCHAR(16) NOT NULL,"
		" requested_by_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" settled_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_out_refund_no (out_refund_no),"
		" KEY idx_payment (uniacid, payment_id),"
		" KEY idx_period (uniacid, period, status)"
		")" TABLE_OPTIONS, NULL },
	/* An online payment in the making: out_trade_no (the 微擎 tid / WeChat Pay out_trade_no) names
	 * what is paid for (a bill, an order, or the account) and how much. request_body keeps the
	 * exact WeChat Pay v3 order request so a retry re-sends the same bytes. status pending | paid
	 * | closed. */
	{ "CREATE TABLE IF NOT EXISTS {pay_intent} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" out_trade_no VARCHAR(32) NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" target_kind VARCHAR(8) NOT NULL,"
		" target_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" amount_fen BIGINT NOT NULL,"
		" title VARCHAR(64) NOT NULL,"
		" channel VARCHAR(16) NOT NULL,"
		" status VARCHAR(8) NOT NULL DEFAULT 'pending',"
		" payment_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" appid VARCHAR(32) NOT NULL DEFAULT '',"
		" openid VARCHAR(128) NOT NULL DEFAULT '',"
		" prepay_id VARCHAR(64) NOT NULL DEFAULT '',"
		" prepay_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" request_body TEXT NULL,"
		" created_by_kind VARCHAR(16) NOT NULL,"
		" created_by_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" expires_at INT UNSIGNED NOT NULL,"
		" paid_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_out_trade_no (out_trade_no),"
		" KEY idx_target (uniacid, target_kind, target_id, status)"
		")" TABLE_OPTIONS, NULL },
	/* Receipt numbers: one counter per uniacid and day. */
	{ "CREATE TABLE IF NOT EXISTS {receipt_seq} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" day INT UNSIGNED NOT NULL,"
		" last_no INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (uniacid, day)"
		")" TABLE_OPTIONS, NULL },
	/* One row per billing period: progress of the run and the lease of the process running it. */
	{ "CREATE TABLE IF NOT EXISTS {billing_run} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" period INT UNSIGNED NOT NULL,"
		" status VARCHAR(12) NOT NULL DEFAULT 'running',"
		" plans_total INT UNSIGNED NOT NULL DEFAULT 0,"
		" plans_done INT UNSIGNED NOT NULL DEFAULT 0,"
		" cursor_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" bills_created INT UNSIGNED NOT NULL DEFAULT 0,"
		" amount_fen BIGINT NOT NULL DEFAULT 0,"
		" attempts INT UNSIGNED NOT NULL DEFAULT 0,"
		" lease_until INT UNSIGNED NOT NULL DEFAULT 0,"
		" lease_token CHAR(16) NULL,"
		" started_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" finished_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_period (uniacid, period)"
		")" TABLE_OPTIONS, NULL },
	/* Every reminder: at most one per (bill, step) — step_key "d-3", "d0", "d7"…; a staff member's
	 * "remind now" has bill_id 0 and step_key "m<client id>-<unix time>". */
	{ "CREATE TABLE IF NOT EXISTS {dunning_log} ("
		" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" bill_id INT UNSIGNED NOT NULL,"
		" step_key VARCHAR(32) NOT NULL,"
		" kind VARCHAR(8) NOT NULL,"
		" amount_fen BIGINT NOT NULL DEFAULT 0,"
		" recipients INT UNSIGNED NOT NULL DEFAULT 0,"
		" status VARCHAR(12) NOT NULL,"
		" text VARCHAR(600) NOT NULL DEFAULT '',"
		" actor_kind VARCHAR(16) NOT NULL,"
		" actor_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_step (uniacid, bill_id, step_key),"
		" KEY idx_client (uniacid, client_id, kind, created_at),"
		" KEY idx_created (uniacid, created_at)"
		")" TABLE_OPTIONS, NULL },
	/* Per-client summary, changed in the same transaction as every ledger entry and allocation:
	 * balance_fen = SUM(ledger) = outstanding_fen - credit_fen. oldest_open_due (YYYYMMDD, 0 =
	 * nothing open) puts the client in an aging bucket without reading bills. */
	{ "CREATE TABLE IF NOT EXISTS {client_balance} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" balance_fen BIGINT NOT NULL DEFAULT 0,"
		" outstanding_fen BIGINT NOT NULL DEFAULT 0,"
		" credit_fen BIGINT NOT NULL DEFAULT 0,"
		" open_bills INT UNSIGNED NOT NULL DEFAULT 0,"
		" oldest_open_due INT UNSIGNED NOT NULL DEFAULT 0,"
		" paid_through INT UNSIGNED NOT NULL DEFAULT 0,"
		" entries INT UNSIGNED NOT NULL DEFAULT 0,"
		" last_reminded_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (uniacid, client_id),"
		" KEY idx_arrears (uniacid, oldest_open_due)"
		")" TABLE_OPTIONS, NULL },
};

/* Notices: the sender's lease and delivery columns on the outbox the work area created, and the
 * indexes of the notice list (站内消息) and of the per-phone SMS limit. One guarded step per change,
 * so a rerun after a crash (DDL commits at once) skips what is already there. */
#define OUTBOX_COLUMN(name, type) \
	{ "ALTER TABLE {outbox} ADD COLUMN " name " " type, \
		"SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()" \
		" AND TABLE_NAME = CONCAT(?, 'cloudacct_outbox') AND COLUMN_NAME = '" name "'" }
#define OUTBOX_KEY(name, columns) \
	{ "ALTER TABLE {outbox} ADD KEY " name " (" columns ")", \
		"SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()" \
		" AND TABLE_NAME = CONCAT(?, 'cloudacct_outbox') AND INDEX_NAME = '" name "'" }
static const cloudacct_migration_step notices_delivery[] = {
	{ "ALTER TABLE {outbox} MODIFY status VARCHAR(16) NOT NULL DEFAULT 'queued'", NULL },
	OUTBOX_COLUMN("lease_owner", "CHAR(16) NULL"),
	OUTBOX_COLUMN("lease_until", "INT UNSIGNED NOT NULL DEFAULT 0"),
	OUTBOX_COLUMN("stage", "VARCHAR(16) NOT NULL DEFAULT ''"),
	OUTBOX_COLUMN("address", "VARCHAR(64) NOT NULL DEFAULT ''"),
	OUTBOX_COLUMN("sent_channel", "VARCHAR(16) NOT NULL DEFAULT ''"),
	OUTBOX_COLUMN("provider_ref", "VARCHAR(64) NOT NULL DEFAULT ''"),
	OUTBOX_COLUMN("sent_at", "INT UNSIGNED NOT NULL DEFAULT 0"),
	OUTBOX_COLUMN("read_at", "INT UNSIGNED NOT NULL DEFAULT 0"),
	OUTBOX_COLUMN("updated_at", "INT UNSIGNED NOT NULL DEFAULT 0"),
	OUTBOX_KEY("idx_lease", "lease_owner"),
	OUTBOX_KEY("idx_inbox", "uniacid, recipient_kind, recipient_id, id"),
	OUTBOX_KEY("idx_sms_rate", "uniacid, address, sent_at"),
	/* An early v3 queued rows as 'pending'. */
	{ "UPDATE {outbox} SET status = 'queued' WHERE status = 'pending'", NULL },
};
#undef OUTBOX_COLUMN
#undef OUTBOX_KEY

/* Quality: ratings with per-staff aggregates (kept in the rating's transaction, so the scoreboard
 * reads only {staff_rating}), follow-ups of bad ratings, complaints with their thread, and the
 * indexes the per-staff performance figures read through (no scan of jobs, ratings, complaints
 * or payments for one staff member). */
#define QUALITY_KEY(table, name, columns) \
	{ "ALTER TABLE {" table "} ADD KEY " name " (" columns ")", \
		"SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()" \
		" AND TABLE_NAME = CONCAT(?, 'cloudacct_" table "') AND INDEX_NAME = '" name "'" }
static const cloudacct_migration_step v6_quality[] = {
	/* One rating per job (uq_job). value_x100 = the mean of the dimension scores × 100. */
	{ "CREATE TABLE IF NOT EXISTS {rating} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" job_id INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" contact_id INT UNSIGNED NOT NULL,"
		" staff_id INT UNSIGNED NOT NULL,"
		" store_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" overall VARCHAR(8) NOT NULL,"
		" scores VARCHAR(1000) NOT NULL,"
		" value_x100 INT UNSIGNED NOT NULL,"
		" comment TEXT NOT NULL,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_job (uniacid, job_id),"
		" KEY idx_staff (uniacid, staff_id, created_at),"
		" KEY idx_store (uniacid, store_id, created_at),"
		" KEY idx_overall (uniacid, overall, created_at),"
		" KEY idx_client (uniacid, client_id, created_at)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {staff_rating} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" staff_id INT UNSIGNED NOT NULL,"
		" ratings INT UNSIGNED NOT NULL DEFAULT 0,"
		" good INT UNSIGNED NOT NULL DEFAULT 0,"
		" neutral INT UNSIGNED NOT NULL DEFAULT 0,"
		" bad INT UNSIGNED NOT NULL DEFAULT 0,"
		" value_sum BIGINT UNSIGNED NOT NULL DEFAULT 0,"
		" updated_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (uniacid, staff_id)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {staff_rating_dim} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" staff_id INT UNSIGNED NOT NULL,"
		" dimension VARCHAR(32) NOT NULL,"
		" score_sum BIGINT UNSIGNED NOT NULL DEFAULT 0,"
		" score_count INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (uniacid, staff_id, dimension)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {rating_followup} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" rating_id INT UNSIGNED NOT NULL,"
		" job_id INT UNSIGNED NOT NULL,"
		" staff_id INT UNSIGNED NOT NULL,"
		" store_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" status VARCHAR(8) NOT NULL DEFAULT 'open',"
		" note VARCHAR(1000) NOT NULL DEFAULT '',"
		" handled_by INT UNSIGNED NOT NULL DEFAULT 0,"
		" handled_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_rating (uniacid, rating_id),"
		" KEY idx_status (uniacid, status, created_at)"
		")" TABLE_OPTIONS, NULL },
	/* reopened: the client's one reopen is used. deadline_at: handle by; escalated_at: 0 until the
	 * scheduler escalated it (once per deadline). */
	{ "CREATE TABLE IF NOT EXISTS {complaint} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" contact_id INT UNSIGNED NOT NULL,"
		" store_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" job_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" staff_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" description TEXT NOT NULL,"
		" attachments VARCHAR(3000) NOT NULL DEFAULT '[]',"
		" status VARCHAR(12) NOT NULL,"
		" reopened TINYINT UNSIGNED NOT NULL DEFAULT 0,"
		" deadline_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" escalated_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" resolved_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" closed_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" version INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (id),"
		" KEY idx_client (uniacid, client_id, created_at),"
		" KEY idx_staff (uniacid, staff_id, created_at),"
		" KEY idx_store (uniacid, store_id, status, created_at),"
		" KEY idx_status (uniacid, status, created_at),"
		" KEY idx_deadline (uniacid, escalated_at, deadline_at)"
		")" TABLE_OPTIONS, NULL },
	/* The thread: kind 'reply' (the client sees it), 'internal' (firm only), 'event' (a state change). */
	{ "CREATE TABLE IF NOT EXISTS {complaint_note} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" complaint_id INT UNSIGNED NOT NULL,"
		" kind VARCHAR(8) NOT NULL,"
		" author_kind VARCHAR(16) NOT NULL,"
		" author_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" from_status VARCHAR(12) NOT NULL DEFAULT '',"
		" to_status VARCHAR(12) NOT NULL DEFAULT '',"
		" body TEXT NOT NULL,"
		" created_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" KEY idx_complaint (uniacid, complaint_id, id)"
		")" TABLE_OPTIONS, NULL },
	/* Performance per staff per period. */
	QUALITY_KEY("job", "idx_perf_assigned", "uniacid, assignee_id, assigned_at"),
	QUALITY_KEY("job", "idx_perf_done", "uniacid, assignee_id, done_at"),
	QUALITY_KEY("payment", "idx_recorder", "uniacid, recorded_by_kind, recorded_by_id, paid_at"),
	QUALITY_KEY("payment", "idx_client_paid", "uniacid, client_id, paid_at"),
};
#undef QUALITY_KEY

/* Books (代记账账目): one row per client and period — the working copy the accountant edits
 * (content JSON {lines, files, note}, require_confirm, draft_tax_fen; changed = it differs from
 * the published revision), the latest published revision's number, tax amount and the client's
 * confirmation of it — and every published revision's content (what clients read). */
static const cloudacct_migration_step v7_books[] = {
	{ "CREATE TABLE IF NOT EXISTS {book} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" client_id INT UNSIGNED NOT NULL,"
		" period INT UNSIGNED NOT NULL,"
		" status VARCHAR(12) NOT NULL DEFAULT 'draft',"
		" changed TINYINT(1) NOT NULL DEFAULT 1,"
		" content MEDIUMTEXT NOT NULL,"
		" require_confirm TINYINT(1) NOT NULL DEFAULT 0,"
		" draft_tax_fen BIGINT NOT NULL DEFAULT 0,"
		" revision INT UNSIGNED NOT NULL DEFAULT 0,"
		" tax_fen BIGINT NOT NULL DEFAULT 0,"
		" confirm_status VARCHAR(12) NOT NULL DEFAULT 'none',"
		" confirm_comment VARCHAR(2000) NOT NULL DEFAULT '',"
		" confirmed_by INT UNSIGNED NOT NULL DEFAULT 0,"
		" confirmed_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" published_at INT UNSIGNED NOT NULL DEFAULT 0,"
		" created_at INT UNSIGNED NOT NULL,"
		" updated_at INT UNSIGNED NOT NULL,"
		" version INT UNSIGNED NOT NULL DEFAULT 0,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_client_period (uniacid, client_id, period),"
		" KEY idx_period (uniacid, period, status),"
		" KEY idx_confirm (uniacid, confirm_status, period)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {book_revision} ("
		" id INT UNSIGNED NOT NULL AUTO_INCREMENT,"
		" uniacid INT UNSIGNED NOT NULL,"
		" book_id INT UNSIGNED NOT NULL,"
		" revision INT UNSIGNED NOT NULL,"
		" content MEDIUMTEXT NOT NULL,"
		" require_confirm TINYINT(1) NOT NULL DEFAULT 0,"
		" tax_fen BIGINT NOT NULL DEFAULT 0,"
		" published_by_kind VARCHAR(16) NOT NULL,"
		" published_by_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" published_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (id),"
		" UNIQUE KEY uq_book_revision (uniacid, book_id, revision)"
		")" TABLE_OPTIONS, NULL },
};

/* Pages (DESIGN §7, bench/pages.sh): an employee's "my jobs" list (Jobs::list view mine) is ordered
 * by updated_at over all of the employee's jobs; idx_assignee has status between the two, so the
 * server sorted every job the employee ever had (10,000 at 1,000,000 jobs) for each page. */
static const cloudacct_migration_step v9_pages[] = {
	{ "ALTER TABLE {job} ADD KEY idx_mine (uniacid, assignee_id, updated_at)",
		"SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
		" AND TABLE_NAME = CONCAT(?, 'cloudacct_job') AND INDEX_NAME = 'idx_mine'" },
};

/* The dashboard's new jobs per business day (Jobs::stats) count the jobs created in the last 30
 * days; no index of {job} led with created_at, so they read every job of the firm. */
static const cloudacct_migration_step v10_dashboard[] = {
	{ "ALTER TABLE {job} ADD KEY idx_created (uniacid, created_at)",
		"SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
		" AND TABLE_NAME = CONCAT(?, 'cloudacct_job') AND INDEX_NAME = 'idx_created'" },
};

/* The arrears list (Ledger\Reports::arrears, its count and arrearsTotal) filtered by store or
 * accountant, or seen by a store-scoped admin or an employee, joined every owing summary row to its
 * company to test the company's store and accountant. The summary carries a copy of both, kept equal
 * to the company's in the same transaction as every change of either (People\Clients update,
 * assignAccountant, bulkHandover) and written when the summary row is created (from {client}), so
 * each of these lists is an index range of the owing companies it shows. The copy is backfilled in
 * one statement. */
static const cloudacct_migration_step v12_arrears[] = {
	/* The three arrears indexes end with the client (the list's order: oldest due date, client) and
	 * the two sums arrearsTotal adds up, so the count, the total and the page are index reads of
	 * the owing rows only (the total over idx_arrears (uniacid, oldest_open_due) had the server
	 * prefer reading every summary row of the firm by primary key). */
	{ "ALTER TABLE {client_balance} ADD COLUMN store_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" ADD COLUMN accountant_id INT UNSIGNED NOT NULL DEFAULT 0,"
		" ADD KEY idx_arrears_store (uniacid, store_id, oldest_open_due, client_id, outstanding_fen, balance_fen),"
		" ADD KEY idx_arrears_accountant (uniacid, accountant_id, oldest_open_due, client_id, outstanding_fen, balance_fen)",
		"SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
		" AND TABLE_NAME = CONCAT(?, 'cloudacct_client_balance') AND COLUMN_NAME = 'accountant_id'" },
	{ "ALTER TABLE {client_balance} DROP KEY idx_arrears,"
		" ADD KEY idx_arrears (uniacid, oldest_open_due, client_id, outstanding_fen, balance_fen)",
		"SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
		" AND TABLE_NAME = CONCAT(?, 'cloudacct_client_balance') AND INDEX_NAME = 'idx_arrears' AND COLUMN_NAME = 'balance_fen'" },
	{ "UPDATE {client_balance} b JOIN {client} c ON c.id = b.client_id AND c.uniacid = b.uniacid"
		" SET b.store_id = c.store_id, b.accountant_id = c.accountant_id", NULL },
};

/* The dashboard's aggregates, whose cost must not grow with the firm (docs/work.md, docs/money.md).
 * job_day: jobs created per (business day UTC+8, store), filled once per closed day on first read
 * (a job's created_at and store never change); job_day_fill marks a day filled (also for days
 * without jobs). job_hand / job_hand_at: the jobs in hand per (store, state), counted at most every
 * dashboard_snapshot_seconds and shown with that time. collect_month: money in and out per (month, store of the client, channel), kept
 * in the transaction of every payment, reversal and refund outcome and moved with a client that
 * changes store; the backfill is one set-based INSERT ... SELECT per table. */
static const cloudacct_migration_step v13_dashboard[] = {
	{ "CREATE TABLE IF NOT EXISTS {job_day} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" day INT UNSIGNED NOT NULL,"
		" store_id INT UNSIGNED NOT NULL,"
		" created INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (uniacid, day, store_id)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {job_day_fill} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" day INT UNSIGNED NOT NULL,"
		" filled_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (uniacid, day)"
		")" TABLE_OPTIONS, NULL },
	/* The jobs in hand per (store, state) as counted at taken_at (job_hand_at): refreshed when older
	 * than the dashboard_snapshot_seconds setting, never on the grab path. */
	{ "CREATE TABLE IF NOT EXISTS {job_hand} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" store_id INT UNSIGNED NOT NULL,"
		" status VARCHAR(16) NOT NULL,"
		" jobs INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (uniacid, store_id, status)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {job_hand_at} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" taken_at INT UNSIGNED NOT NULL,"
		" PRIMARY KEY (uniacid)"
		")" TABLE_OPTIONS, NULL },
	{ "CREATE TABLE IF NOT EXISTS {collect_month} ("
		" uniacid INT UNSIGNED NOT NULL,"
		" period INT UNSIGNED NOT NULL,"
		" store_id INT UNSIGNED NOT NULL,"
		" channel VARCHAR(16) NOT NULL,"
		" payments BIGINT NOT NULL DEFAULT 0,"
		" received_fen BIGINT NOT NULL DEFAULT 0,"
		" refunded_fen BIGINT NOT NULL DEFAULT 0,"
		" PRIMARY KEY (uniacid, period, store_id, channel)"
		")" TABLE_OPTIONS, NULL },
	/* one statement (atomic, so a rerun after a crash never adds twice); its marker row (uniacid 0,
	 * period 0) says it ran. Run it with the module stopped, as any upgrade: a payment committed
	 * between the CREATE above and this statement would be counted twice. */
	{ "INSERT INTO {collect_month} (uniacid, period, store_id, channel, payments, received_fen, refunded_fen)"
		" SELECT u.uniacid, u.period, u.store_id, u.channel, SUM(u.payments), SUM(u.received_fen), SUM(u.refunded_fen)"
		" FROM (SELECT x.uniacid, x.period, c.store_id, x.channel, COUNT(*) AS payments, SUM(x.amount_fen) AS received_fen,"
		" 0 AS refunded_fen FROM {payment} x JOIN {client} c ON c.id = x.client_id AND c.uniacid = x.uniacid"
		" WHERE x.status = 'posted' AND x.channel <> 'adjustment' GROUP BY x.uniacid, x.period, c.store_id, x.channel"
		" UNION ALL SELECT x.uniacid, x.period, c.store_id, x.channel, 0, 0, SUM(x.amount_fen)"
		" FROM {refund} x JOIN {client} c ON c.id = x.client_id AND c.uniacid = x.uniacid"
		" WHERE x.status = 'succeeded' GROUP BY x.uniacid, x.period, c.store_id, x.channel"
		" UNION ALL SELECT 0, 0, 0, '', 0, 0, 0) u"
		" GROUP BY u.uniacid, u.period, u.store_id, u.channel"
		" ON DUPLICATE KEY UPDATE {collect_month}.payments = {collect_month}.payments + VALUES(payments),"
		" {collect_month}.received_fen = {collect_month}.received_fen + VALUES(received_fen),"
		" {collect_month}.refunded_fen = {collect_month}.refunded_fen + VALUES(refunded_fen)",
		"SELECT 1 FROM {collect_month} WHERE uniacid = 0 AND period = 0 AND ? IS NOT NULL" },
};

const cloudacct_migration cloudacct_migrations[] = {
	{ 1, "foundation: audit trail, settings", v1_foundation, sizeof(v1_foundation) / sizeof(v1_foundation[0]) },
	{ 2, "people: stores, staff, clients, contacts, bind codes, registrations, handovers", v2_people,
		sizeof(v2_people) / sizeof(v2_people[0]) },
	{ 3, "work: catalogue, orders, jobs, history, progress, SLA breaches, recurring schedules, outbox", v3_work,
		sizeof(v3_work) / sizeof(v3_work[0]) },
	{ 4, "money: fee plans, bills, ledger, payments, allocations, refunds, intents, billing runs, dunning log, balances",
		v4_money, sizeof(v4_money) / sizeof(v4_money[0]) },
	{ 5, "notices: outbox leases and delivery state, notice list and SMS rate indexes", notices_delivery,
		sizeof(notices_delivery) / sizeof(notices_delivery[0]) },
	{ 6, "quality: ratings, staff rating aggregates, complaints, rating follow-ups, complaint threads, performance indexes",
		v6_quality, sizeof(v6_quality) / sizeof(v6_quality[0]) },
	{ 7, "books: periods, lines, files, tax confirmation", v7_books, sizeof(v7_books) / sizeof(v7_books[0]) },
	{ 9, "pages: an employee's job list in the order it is shown", v9_pages, sizeof(v9_pages) / sizeof(v9_pages[0]) },
	{ 10, "dashboard: jobs by the day they were created", v10_dashboard, sizeof(v10_dashboard) / sizeof(v10_dashboard[0]) },
	{ 12, "arrears: the company's store and accountant on its balance summary; arrears indexes that cover the list, count and total", v12_arrears,
		sizeof(v12_arrears) / sizeof(v12_arrears[0]) },
	{ 13, "dashboard: jobs created per day, collections per month and store", v13_dashboard,
		sizeof(v13_dashboard) / sizeof(v13_dashboard[0]) },
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
	"fee_plan",
	"plan_price",
	"plan_pause",
	"bill",
	"ledger_entry",
	"payment",
	"allocation",
	"refund",
	"pay_intent",
	"receipt_seq",
	"billing_run",
	"dunning_log",
	"client_balance",
	"rating",
	"staff_rating",
	"staff_rating_dim",
	"rating_followup",
	"complaint",
	"complaint_note",
	"book",
	"book_revision",
	"job_day",
	"job_day_fill",
	"job_hand",
	"job_hand_at",
	"collect_month",
	NULL,
};
