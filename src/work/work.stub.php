<?php

/**
 * The work engine: the service catalogue, orders, jobs (工单) with dispatch, progress and SLA,
 * the working calendar, recurring schedules and this area's scheduler tasks. Every method
 * authorises its Actor: clients touch only their companies' orders and jobs, staff only the jobs
 * assigned to them and the grab pool they are eligible for, admins their stores.
 *
 * @generate-class-entries
 */

namespace CloudAcct\Work;

/**
 * Service categories and items. Admins edit; clients browse what is on sale.
 *
 * @strict-properties
 * @not-serializable
 */
final class Catalog
{
    public function __construct(\CloudAcct\Store $store) {}

    /** Admin: creates ($id 0) or updates a category. Keys: name, icon, sort, visible. Returns the id. */
    public function saveCategory(\CloudAcct\Actor $admin, array $data, int $id = 0): int {}

    /** Admin: deletes a category that holds no service. */
    public function deleteCategory(\CloudAcct\Actor $admin, int $id): void {}

    /** Visible categories by sort order; admins see hidden ones too. */
    public function categories(\CloudAcct\Actor $actor): array {}

    /**
     * Admin. Keys: title (required), category_id, cover, summary, description, price_fen,
     * price_type (one_off|monthly|quarterly|yearly), on_sale, sort, dispatch_mode
     * (grab|direct|exclusive), grab_window_minutes (0 = the setting), skill, checklist (list of
     * strings), sla_hours (business hours, 0 = none). Returns the id.
     */
    public function createService(\CloudAcct\Actor $admin, array $data): int {}

    /** Admin: changes only the keys given (same keys as createService). */
    public function updateService(\CloudAcct\Actor $admin, int $id, array $data): void {}

    /** Admin: takes the service away for good; orders that name it keep their snapshot. */
    public function deleteService(\CloudAcct\Actor $admin, int $id): void {}

    /** One service. Clients and staff see on-sale services only. */
    public function service(\CloudAcct\Actor $actor, int $id): array {}

    /**
     * Filters: category_id, keyword (title), on_sale (admins only; others always see on-sale).
     * Returns ["total" => int, "items" => list<array>] by sort order.
     */
    public function services(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}
}

/**
 * Orders: the commercial side of a service (what was bought, for how much, paid, refunded).
 *
 * @strict-properties
 * @not-serializable
 */
final class Orders
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * A client contact (or an admin, for the client) orders a service at its current price.
     * $request (optional: title, description, urgency 0|1, attachments) is carried into the job.
     * A free service is paid at once and gets its job. Returns the order.
     */
    public function place(\CloudAcct\Actor $actor, int $clientId, int $serviceId, array $request = []): array {}

    public function get(\CloudAcct\Actor $actor, int $orderId): array {}

    /** By order number (the payment out_trade_no). */
    public function getByNumber(\CloudAcct\Actor $actor, string $orderNo): array {}

    /**
     * Filters: client_id (clients must give one of their companies), status.
     * Returns ["total" => int, "items" => list<array>], newest first.
     */
    public function list(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** The client or an admin cancels an unpaid order. */
    public function cancel(\CloudAcct\Actor $actor, int $orderId, string $reason = ""): void {}

    /**
     * System only (the payment callback, after the money area verified it): marks the order paid
     * and creates its job. Settling the same payment again is a no-op.
     * Returns ["order_id" => int, "job_id" => int, "already_paid" => bool].
     */
    public function settle(\CloudAcct\Actor $system, int $orderId, int $paidFen, string $channel, string $reference): array {}

    /** The client (before the work is delivered) or an admin asks for money back. */
    public function requestRefund(\CloudAcct\Actor $actor, int $orderId, string $reason): void {}

    /** System only: a refund of $amountFen went through. Returns the new status. */
    public function refundSettled(\CloudAcct\Actor $system, int $orderId, int $amountFen): string {}
}

/**
 * Jobs (工单): creation, the state machine, dispatch, progress and the client's timeline.
 *
 * @strict-properties
 * @not-serializable
 */
final class Jobs
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * A client's free business request. Keys: title (required), type (e.g. 办理营业执照, 申领发票,
     * 工商变更), description, urgency (0|1), attachments (list of file references). Priced
     * requests go through Orders::place. Returns the job id.
     */
    public function request(\CloudAcct\Actor $client, int $clientId, array $input): int {}

    /**
     * Admin: a job for a client. Keys as request(), plus service_id, skill, dispatch_mode,
     * sla_hours, price_fen, assignee_id (assign at once). Returns the job id.
     */
    public function create(\CloudAcct\Actor $admin, int $clientId, array $input): int {}

    /** One job with its labels and the events this actor may fire ("actions"). */
    public function get(\CloudAcct\Actor $actor, int $jobId): array {}

    /**
     * $view: "mine" (staff: assigned to me), "pool" (staff: open jobs I may grab), "client"
     * (filter client_id required), "escalated" (admin: waiting for assignment), "all" (admin).
     * Filters: status, client_id, assignee_id, silent, breached.
     * Returns ["total" => int, "total_capped" => bool, "items" => list<array>]; each item carries
     * client_name. total counts the matching jobs up to a cap: above it, total is the cap and
     * total_capped is true (an exact count of a firm's million jobs costs a read of them all).
     * The cap: 10,000 for "mine", "pool" and "client"; for the admin views "all" and "escalated"
     * the end of the pager's window, ($page + 9) × $perPage (200 on the first page of 20), so a
     * page of the firm's list reads the same few hundred index entries whatever the firm's size.
     */
    public function list(\CloudAcct\Actor $actor, string $view, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** Staff and admins: every state change and reassignment, oldest first. */
    public function history(\CloudAcct\Actor $actor, int $jobId): array {}

    /** What the client sees: state changes (labels only) and client-visible progress, oldest first. */
    public function timeline(\CloudAcct\Actor $actor, int $jobId): array {}

    /** Staff: claims an open job. Exactly one claim wins; the others get "已被抢走". */
    public function grab(\CloudAcct\Actor $staff, int $jobId): void {}

    /** Admin: assigns an open or escalated job, or reassigns one in hand (the history keeps both). */
    public function assign(\CloudAcct\Actor $admin, int $jobId, int $staffId, string $note = ""): void {}

    /** The assignee or an admin puts an assigned job back into the grab pool. */
    public function release(\CloudAcct\Actor $actor, int $jobId, string $note = ""): void {}

    public function start(\CloudAcct\Actor $staff, int $jobId): void {}

    /** The assignee asks the client for something; the SLA clock pauses until they reply. */
    public function askClient(\CloudAcct\Actor $staff, int $jobId, string $question, array $attachments = []): void {}

    /** The client (or the assignee, for an answer by phone) replied; the SLA clock runs again. */
    public function clientReplied(\CloudAcct\Actor $actor, int $jobId, string $reply = "", array $attachments = []): void {}

    public function complete(\CloudAcct\Actor $actor, int $jobId, string $note = ""): void {}

    public function reopen(\CloudAcct\Actor $actor, int $jobId, string $reason): void {}

    public function close(\CloudAcct\Actor $actor, int $jobId, string $note = ""): void {}

    public function cancel(\CloudAcct\Actor $actor, int $jobId, string $reason): void {}

    /** A progress entry, client-visible unless $internal (staff and admins only). Returns its id. */
    public function addProgress(\CloudAcct\Actor $actor, int $jobId, string $text, bool $internal = false, array $attachments = []): int {}

    /** Progress entries, oldest first; clients see the client-visible ones only. */
    public function progress(\CloudAcct\Actor $actor, int $jobId): array {}

    /**
     * Admin (their stores) or system: the dashboard's job figures as aggregates. Returns
     * ["by_status" => [status => count] for each state of a job in hand (open, assigned,
     * in_progress, waiting_client, escalated; 0 included) as counted at "by_status_at" (unix
     * time; recounted when older than the dashboard_snapshot_seconds setting, 0 = always),
     * "created" => ["YYYY-MM-DD" => jobs created that business day (UTC+8)] for each day of
     * [$from, $to) (exact: closed days from per-day summary rows filled once, the rest live),
     * "created_total"]. $from < $to, at most 92 days apart (unix times).
     */
    public function stats(\CloudAcct\Actor $admin, int $from, int $to): array {}
}

/**
 * The per-uniacid working calendar (hours, lunch break, weekend, holidays and 调休 make-up days)
 * that SLA due times and recurring due dates are computed in.
 *
 * @strict-properties
 * @not-serializable
 */
final class Calendar
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * The calendar in effect: ["day_start" => "09:00", "day_end" => "18:00", "break_start",
     * "break_end", "weekend" => list<int 0=Sunday..6>, "exceptions" => list<["date" => "YYYY-MM-DD",
     * "workday" => bool]>].
     */
    public function get(): array {}

    /** Admin: validates the whole calendar (same shape as get()) and stores it. */
    public function set(\CloudAcct\Actor $admin, array $calendar): void {}

    /** The time at which $seconds of working time have passed since $from. */
    public function addBusinessTime(int $from, int $seconds): int {}

    /** Working seconds within [$from, $to). */
    public function businessTimeBetween(int $from, int $to): int {}

    /** "YYYY-MM-DD" if it is a workday, else the next workday. */
    public function nextWorkday(string $date): string {}
}

/**
 * Monthly recurring work per client (e.g. 记账, 报税): one job per period, due on the due day
 * moved past holidays.
 *
 * @strict-properties
 * @not-serializable
 */
final class Recurring
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Admin: creates or updates the client's schedule of this type. Keys: type (required), title,
     * service_id, skill, dispatch_mode (default exclusive), due_day (1..28, 0 = the setting),
     * first_period ("YYYY-MM", default this month), active. Returns the schedule id.
     */
    public function save(\CloudAcct\Actor $admin, int $clientId, array $data): int {}

    /** The client's schedules (admins, the exclusive accountant, the client's contacts). */
    public function list(\CloudAcct\Actor $actor, int $clientId): array {}

    /** Admin: stops a schedule; jobs already created stay. */
    public function remove(\CloudAcct\Actor $admin, int $id): void {}
}

/**
 * This area's due work. Idempotent and safe from several processes at once: rows are claimed
 * with lease columns and changed with conditional updates.
 *
 * @strict-properties
 * @not-serializable
 */
final class Scheduler
{
    public function __construct(\CloudAcct\Store $store) {}

    /** Runs every task below, up to $limit rows each. Returns task => rows handled. */
    public function runDue(\CloudAcct\Actor $system, int $limit = 100): array {}

    /** Open jobs past their grab window: auto-assigned (if the policy says so) or escalated. */
    public function expireGrabWindows(\CloudAcct\Actor $system, int $limit = 100): array {}

    /** Jobs in hand without progress for silent_job_hours: flagged, admins notified. */
    public function flagSilentJobs(\CloudAcct\Actor $system, int $limit = 100): int {}

    /** Running jobs past their SLA due time: one breach record each, admins notified. */
    public function recordSlaBreaches(\CloudAcct\Actor $system, int $limit = 100): int {}

    /** Unpaid orders past order_unpaid_minutes: cancelled. */
    public function closeUnpaidOrders(\CloudAcct\Actor $system, int $limit = 100): int {}

    /** Done jobs older than job_auto_close_days: closed. */
    public function closeDoneJobs(\CloudAcct\Actor $system, int $limit = 100): int {}

    /** Recurring schedules whose period has come: the period's job, once. */
    public function createRecurringJobs(\CloudAcct\Actor $system, int $limit = 100): int {}
}
