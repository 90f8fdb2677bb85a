<?php

/**
 * Books (代记账账目): per client company and period (YYYY-MM) the figures of configurable lines
 * and files; the client's exclusive accountant (or an admin of the client's store) saves a
 * draft and publishes it; a published revision may ask the client to confirm the tax amount
 * (税金确认), and the recurring filing job (报税) of the following month waits for that.
 * Clients read only their own companies' published books.
 *
 * @generate-class-entries
 */

namespace CloudAcct\Books;

/**
 * @strict-properties
 * @not-serializable
 */
final class Books
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * The configured lines: list of ["key", "label", "kind" (amount|text), "tax" (bool: part of
     * the tax amount the client confirms)]. Any actor.
     */
    public function lines(\CloudAcct\Actor $actor): array {}

    /** Admin (not limited to stores): validates and stores the lines (setting books_lines). */
    public function setLines(\CloudAcct\Actor $admin, array $lines): void {}

    /**
     * The client's exclusive accountant or an admin: saves the working copy of the client's
     * books of $period ("YYYY-MM", up to the current month). Keys: lines (line key => int fen
     * for amount lines, string for text lines; null or absent = empty), files (list of [name,
     * url, size, type pdf|excel|image]), note, require_confirm (bool). Replaces the working
     * copy; what the client sees changes only on publish. Returns the book id.
     */
    public function save(\CloudAcct\Actor $actor, int $clientId, string $period, array $data): int {}

    /**
     * Publishes the working copy as the next revision (draft → published, or a correction of a
     * published book). Publishing without changes is refused. Returns the revision number.
     */
    public function publish(\CloudAcct\Actor $actor, int $bookId): int {}

    /** The client confirms the tax amount of revision $revision (the one they read). */
    public function confirm(\CloudAcct\Actor $client, int $bookId, int $revision): void {}

    /** The client disputes the tax amount of revision $revision with a comment (1–500 characters). */
    public function dispute(\CloudAcct\Actor $client, int $bookId, int $revision, string $comment): void {}

    /**
     * One book. Everyone sees the published revision (lines, files, note, tax_fen,
     * confirm_status…); staff and admins also get "draft" (the working copy). Clients see
     * published books of their companies only (NotFoundException otherwise).
     */
    public function get(\CloudAcct\Actor $actor, int $bookId): array {}

    /**
     * The same by client and period: null when the company has no book of that period (for
     * clients: no published one); NotFoundException for a company the actor may not see.
     */
    public function find(\CloudAcct\Actor $actor, int $clientId, string $period): ?array {}

    /** The periods of a client's books, newest first (clients: published ones only). */
    public function periods(\CloudAcct\Actor $actor, int $clientId): array {}

    /**
     * Staff (their clients) and admins (their stores). Filters: client_id, period ("YYYY-MM"),
     * status (draft|published|changed), confirm_status (none|pending|confirmed|disputed),
     * keyword (company name). Returns ["total" => int, "items" => list].
     */
    public function list(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** Staff and admins: the published revisions of a book, newest first, each with its content. */
    public function revisions(\CloudAcct\Actor $actor, int $bookId): array {}
}
