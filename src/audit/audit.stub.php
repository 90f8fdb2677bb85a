<?php

/**
 * The audit trail: who did what to which object, when, from where.
 *
 * @generate-class-entries
 */

namespace CloudAcct\Audit;

/**
 * @strict-properties
 * @not-serializable
 */
final class Trail
{
    public function __construct(\CloudAcct\Store $store) {}

    /** Appends one entry and returns its id. $detail is stored as JSON. */
    public function record(\CloudAcct\Actor $actor, string $action, string $objectType, int $objectId, array $detail = []): int {}

    /**
     * Admin only. Filters: actor_kind, actor_id, action, object_type, object_id, since, until.
     * Returns ["total" => int, "items" => list<array>], newest first.
     */
    public function list(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}
}
