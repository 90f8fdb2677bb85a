<?php

/**
 * Quality (服务质量): ratings of finished jobs with per-staff aggregates and a scoreboard,
 * follow-ups of bad ratings, complaints (投诉) and per-staff performance.
 *
 * Every method takes the acting CloudAcct\Actor first and authorises it here. A client contact
 * acts for the companies it is bound to; staff for themselves; admins within their stores
 * ({admin_store}); the system actor is the scheduler. What the actor may not see behaves as if it
 * did not exist (NotFoundException). Bad input is a ValidationException naming the field, and
 * nothing is written.
 *
 * @generate-class-entries
 */

namespace CloudAcct\Quality;

/**
 * Ratings (评价): one per job, by a contact of the job's company, once the job is done or closed.
 * The rated employee is the job's assignee. Each rating updates the employee's aggregate row in
 * its own transaction, so the scoreboard never reads the ratings.
 *
 * @strict-properties
 * @not-serializable
 */
final class Ratings
{
    public function __construct(\CloudAcct\Store $store) {}

    /** The dimensions a rating scores (setting rating_dimensions, default 服务态度/服务速度/专业度). */
    public function dimensions(): array {}

    /**
     * Client: rates a done or closed job of one of their companies, once. $overall is good (好评),
     * neutral (中评) or bad (差评); $scores maps every configured dimension to an int 1..5;
     * $comment ≤ 500 characters. A bad rating opens a follow-up for admins. Returns the rating id.
     */
    public function rate(\CloudAcct\Actor $client, int $jobId, string $overall, array $scores, string $comment = ""): int {}

    /** The rating of a job or null: for its company's contacts, its assignee and admins within their stores. */
    public function forJob(\CloudAcct\Actor $actor, int $jobId): ?array {}

    /**
     * An employee's ratings, newest first: staff their own only, admins within their stores.
     * Returns ["total" => int, "summary" => aggregate, "items" => list].
     */
    public function forStaff(\CloudAcct\Actor $actor, int $staffId, int $page = 1, int $perPage = 20): array {}

    /**
     * Admin: ratings, newest first. $filter: staff_id, store_id, client_id, overall
     * (good|neutral|bad), since, until (unix time, until exclusive). Returns ["total", "total_capped",
     * "items"]: the count stops at 10,000 (total 10000 and total_capped true above that).
     */
    public function list(\CloudAcct\Actor $admin, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /**
     * Admins and staff: active employees with ratings ranked by the Bayesian average
     * (m·C + Σ rating values) / (m + ratings), C = the firm-wide mean, m = rating_prior_weight;
     * a rating's value is the mean of its dimension scores. $filter: store_id. Returns
     * ["total", "totals" => [ratings, good, neutral, bad] of all those employees, "prior_mean",
     * "prior_weight", "items" => [rank, staff_id, name, store_id, ratings, good, neutral, bad,
     * average, score, dimensions => [name => average]]].
     */
    public function scoreboard(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** Admin: follow-ups of bad ratings, oldest open first. $filter: status (open|handled), store_id, staff_id. */
    public function followups(\CloudAcct\Actor $admin, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** Admin: marks an open follow-up handled with a note (1..500 characters). */
    public function handleFollowup(\CloudAcct\Actor $admin, int $id, string $note): void {}
}

/**
 * Complaints (投诉): a client contact complains about one of their companies' service, optionally
 * naming a job of that company and/or an employee. States open → processing → resolved → closed
 * (src/core/complaint_fsm.c); the client may reopen a resolved complaint once within
 * complaint_reopen_days; an open or processing complaint past its deadline (complaint_deadline_hours
 * after filing or reopening) is escalated to the admins by escalateOverdue(). The thread holds
 * replies (the client sees them), internal notes (admins only) and state events. The employee
 * concerned sees a complaint (without internal notes) only once it is resolved. Store-scoped admins
 * see their stores' complaints. A move that the state does not allow throws
 * InvalidTransitionException naming the current state.
 *
 * @strict-properties
 * @not-serializable
 */
final class Complaints
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Client: files a complaint. $data: client_id (required, one of their companies), description
     * (required, 5..2000 characters), attachments (list of ≤ 9 file references), job_id (a job of
     * that company; its assignee becomes staff_id unless given), staff_id (an employee). Returns the id.
     */
    public function file(\CloudAcct\Actor $client, array $data): int {}

    /** One complaint with its thread (what the actor may see) and the actions open to the actor. */
    public function get(\CloudAcct\Actor $actor, int $id): array {}

    /**
     * Newest first. Clients: their companies'; staff: resolved or closed complaints about
     * themselves; admins: within their stores. $filter: status, client_id, staff_id, store_id,
     * job_id, escalated (bool), since, until (unix time).
     */
    public function list(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** Admin: takes up an open complaint (open → processing); $note is internal. */
    public function process(\CloudAcct\Actor $admin, int $id, string $note = ""): void {}

    /** Admin: answers it (open|processing → resolved); $reply (1..2000) is what the client reads. */
    public function resolve(\CloudAcct\Actor $admin, int $id, string $reply): void {}

    /** Client: not satisfied (resolved → open), once, within complaint_reopen_days of the resolution. */
    public function reopen(\CloudAcct\Actor $client, int $id, string $reason): void {}

    /** Client (confirming), admin or system: resolved → closed. $note is visible to the client. */
    public function close(\CloudAcct\Actor $actor, int $id, string $note = ""): void {}

    /**
     * A message in the thread of a complaint that is not closed: admins write replies or
     * ($internal) internal notes; the client writes replies. Returns the note id.
     */
    public function comment(\CloudAcct\Actor $actor, int $id, string $text, bool $internal = false): int {}

    /**
     * System: escalates open/processing complaints past their deadline, each once per deadline
     * (a conditional update, safe from several processes), with a notice to the admins.
     * Returns how many this call escalated.
     */
    public function escalateOverdue(\CloudAcct\Actor $system, int $limit = 100): int {}

    /**
     * System: closes resolved complaints whose reopen window (complaint_reopen_days after the
     * resolution) has passed, each by a conditional update; the client hears of it. Returns how
     * many this call closed.
     */
    public function closeResolved(\CloudAcct\Actor $system, int $limit = 100): int {}
}

/**
 * Performance (绩效): per employee per period. $period is a month "YYYY-MM" or
 * ["from" => "YYYY-MM-DD", "to" => "YYYY-MM-DD"] (inclusive, China time, at most 366 days).
 * Figures: jobs_taken (assigned in the period, by assigned_at), avg_first_response_seconds
 * (created → assigned of those), jobs_completed (done in the period, by done_at, now done or
 * closed), avg_completion_seconds (assigned → done of those), on_time / with_sla / on_time_rate
 * (completed jobs with an SLA that never breached it), sla_breaches (recorded in the period),
 * ratings / good / neutral / bad / rating_average (ratings received in the period), complaints
 * (filed about them in the period), fees_offline_fen (offline payments they recorded),
 * fees_online_fen (online payments by the companies they are now the exclusive accountant of),
 * fees_collected_fen (the sum). Every figure is read through a per-staff index.
 *
 * @strict-properties
 * @not-serializable
 */
final class Performance
{
    public function __construct(\CloudAcct\Store $store) {}

    /** The figures of one employee: the employee themself, or admins within the employee's store. */
    public function forStaff(\CloudAcct\Actor $actor, int $staffId, string|array $period): array {}

    /**
     * Admin: every active employee within the admin's stores side by side. $options: store_id,
     * include_inactive (bool), sort (a figure name, default jobs_completed; descending, then staff
     * id). Returns ["from", "to", "items" => list of figures with staff_id, name, store_id].
     */
    public function compare(\CloudAcct\Actor $admin, string|array $period, array $options = []): array {}

    /** Admin: compare() as CSV (UTF-8 with BOM, Chinese headers, formula-guarded cells). */
    public function exportCsv(\CloudAcct\Actor $admin, string|array $period, array $options = []): string {}
}
