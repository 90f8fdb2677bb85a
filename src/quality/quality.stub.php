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
     * (good|neutral|bad), since, until (unix time, until exclusive).
     */
    public function list(\CloudAcct\Actor $admin, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /**
     * Admins and staff: active employees with ratings ranked by the Bayesian average
     * (m·C + Σ rating values) / (m + ratings), C = the firm-wide mean, m = rating_prior_weight;
     * a rating's value is the mean of its dimension scores. $filter: store_id. Returns
     * ["total", "prior_mean", "prior_weight", "items" => [rank, staff_id, name, store_id, ratings,
     * good, neutral, bad, average, score, dimensions => [name => average]]].
     */
    public function scoreboard(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** Admin: follow-ups of bad ratings, oldest open first. $filter: status (open|handled), store_id, staff_id. */
    public function followups(\CloudAcct\Actor $admin, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** Admin: marks an open follow-up handled with a note (1..500 characters). */
    public function handleFollowup(\CloudAcct\Actor $admin, int $id, string $note): void {}
}
