<?php

/**
 * Notices (DESIGN §3.7): the outbox every area writes in its own transaction, the sender that
 * delivers it (WeChat template / subscribe messages, Tencent Cloud or Aliyun SMS) and each
 * person's notice list (站内消息).
 *
 * @generate-class-entries
 */

namespace CloudAcct\Notices;

/**
 * @strict-properties
 * @not-serializable
 */
final class Outbox
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Queues a notice (inside the caller's transaction when one is open). Returns the row id, or 0
     * when $dedupKey is already queued in this uniacid (nothing changes then).
     * $recipientKind: "client" (contact id), "staff" (staff id), "admin" (微擎 uid; 0 = every
     * admin), "staff_pool" (a job id: every employee eligible to grab it).
     * $channel: "auto" (WeChat, then SMS), "wechat", "sms" or "inbox" (the notice list only).
     */
    public function enqueue(string $recipientKind, int $recipientId, string $template, array $payload, string $dedupKey, string $channel = "auto"): int {}

    /** Cancels a notice that is still waiting (e.g. the bill was paid). false if none was waiting. */
    public function cancel(string $dedupKey, string $reason): bool {}

    /** Admin only: one notice with its delivery state. */
    public function get(\CloudAcct\Actor $admin, int $id): array {}

    /**
     * Admin only: the delivery log, newest first. Filters: status, channel (as sent), template,
     * recipient_kind, recipient_id, since, until. Returns ["total" => int, "items" => list<array>].
     */
    public function list(\CloudAcct\Actor $admin, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** Admin only: puts a failed or cancelled notice back in the queue, due now. */
    public function retry(\CloudAcct\Actor $admin, int $id): void {}

    /**
     * The actor's notice list (站内消息), newest first: ["total" => int, "unread" => int,
     * "items" => list<["id", "template", "title", "payload", "created_at", "read_at"]>].
     */
    public function inbox(\CloudAcct\Actor $actor, int $page = 1, int $perPage = 20, bool $unreadOnly = false): array {}

    /** Marks the actor's notices read: these ids, or all of them when $ids is empty. Returns how many changed. */
    public function markRead(\CloudAcct\Actor $actor, array $ids = []): int {}
}

/**
 * @strict-properties
 * @not-serializable
 */
final class Sender
{
    /**
     * $accessToken is fn(bool $forceRefresh): string and returns the official account's (or mini
     * program's) access_token: inside 微擎 the glue passes one that asks
     * $_W['account']->getAccessToken(), because a token fetched with the app secret here would
     * invalidate 微擎's own. Options: concurrency, connect_timeout_ms, timeout_ms (default: the
     * notice_* settings), lease_seconds (60), stable_token => ["appid" => …, "secret" => …]
     * (standalone deployments only: the token comes from /cgi-bin/stable_token), and, only with
     * cloudacct.http.test_transport=1, plain_http (bool) and connect_to (see Http\Client).
     */
    public function __construct(\CloudAcct\Store $store, ?callable $accessToken = null, array $options = []) {}

    /**
     * Sends the due notices, at most $limit, several processes at once safely. Returns counts:
     * ["claimed", "sent", "retried", "deferred", "failed", "fallback", "expanded", "reclaimed",
     * "token_refreshes"].
     */
    public function run(int $limit = 200): array {}
}
