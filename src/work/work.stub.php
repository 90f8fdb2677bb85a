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
