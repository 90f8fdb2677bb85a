<?php

/**
 * The MySQL layer: a pooled connection with cached server-side prepared statements, and the
 * schema migrations compiled into the extension.
 *
 * @generate-class-entries
 */

namespace CloudAcct\Db;

/**
 * One database session. SQL may name module tables as {name}, which expands to
 * `<prefix>cloudacct_<name>`; parameters are positional `?` bound by type (int, string, null,
 * bool, float).
 *
 * @strict-properties
 * @not-serializable
 */
final class Connection
{
    /**
     * Options: host, port, socket, user, password, database, prefix (default "ims_"),
     * connect_timeout, read_timeout, write_timeout (seconds), persistent (bool).
     * host "localhost" without a port means the Unix socket, as in 微擎.
     */
    public function __construct(#[\SensitiveParameter] array $options) {}

    /** All rows as a list of column-name => value arrays. */
    public function query(string $sql, array $params = []): array {}

    /** The first row, or null. */
    public function queryRow(string $sql, array $params = []): ?array {}

    /** The first column of the first row, or null. */
    public function queryValue(string $sql, array $params = []): mixed {}

    /** Runs a statement and returns the number of affected rows. */
    public function execute(string $sql, array $params = []): int {}

    public function lastInsertId(): int {}

    public function begin(): void {}

    public function commit(): void {}

    public function rollback(): void {}

    public function inTransaction(): bool {}

    /**
     * Runs $fn($this) in a transaction and returns its result. A deadlock or lock-wait timeout
     * rolls back and runs $fn again, up to $attempts times (0 = cloudacct.db.tx_attempts).
     * Nested calls join the outer transaction.
     */
    public function transaction(callable $fn, int $attempts = 0): mixed {}

    /** `<prefix>cloudacct_<name>`, quoted. */
    public function table(string $name): string {}

    public function prefix(): string {}

    /** The server's connection id for this session. */
    public function threadId(): int {}

    public function serverVersion(): string {}

    /** Returns the link to the pool (or closes it); the object is unusable afterwards. */
    public function close(): void {}

    /** Process-wide pool counters: opened, reused, replaced, active, idle. */
    public static function poolStats(): array {}
}

/** Versioned schema migrations, safe to run from several processes at once. */
final class Schema
{
    /** Applies every pending migration; returns the versions this call applied. */
    public static function migrate(Connection $db): array {}

    /** The highest version applied in this database and prefix (0 = none). */
    public static function currentVersion(Connection $db): int {}

    public static function latestVersion(): int {}

    /** version => name of every migration compiled in. */
    public static function migrations(): array {}

    /** The module's table names (without prefix), for install/uninstall. */
    public static function tables(): array {}

    /** Drops every module table under this prefix (uninstall with data removal). */
    public static function dropAll(Connection $db): void {}
}
