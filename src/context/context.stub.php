<?php

/**
 * The core context: the tenant-bound entry object, the actor, the settable clock and money.
 *
 * @generate-class-entries
 */

namespace CloudAcct;

/**
 * Who is acting. Built by the glue from 微擎's $_W; the core authorises every call against it.
 *
 * @strict-properties
 * @not-serializable
 */
final class Actor
{
    public readonly ActorKind $kind;
    /** contact id (client), staff id (staff), 微擎 uid (admin), 0 (system) */
    public readonly int $id;
    public readonly string $ip;

    private function __construct() {}

    /** A client contact (a WeChat fan bound to one or more client companies). */
    public static function client(int $contactId, string $ip = ""): Actor {}

    /** An employee (staff record bound to a WeChat fan). */
    public static function staff(int $staffId, string $ip = ""): Actor {}

    /** A 微擎 backend user acting as admin of this uniacid. */
    public static function admin(int $uid, string $ip = ""): Actor {}

    /** The scheduler or another trusted background process. */
    public static function system(string $ip = ""): Actor {}

    public function isClient(): bool {}

    public function isStaff(): bool {}

    public function isAdmin(): bool {}

    public function isSystem(): bool {}
}

/**
 * The entry object: one database connection bound to one uniacid. Every area class takes a
 * Store and cannot read another uniacid's rows.
 *
 * @strict-properties
 * @not-serializable
 */
final class Store
{
    public function __construct(Db\Connection $db, int $uniacid) {}

    public function uniacid(): int {}

    public function connection(): Db\Connection {}
}

/**
 * The one clock the core reads. Tests (and only when cloudacct.clock_settable=1) may freeze or
 * shift it; the override lasts until the end of the request.
 */
final class Clock
{
    public static function now(): int {}

    public static function freeze(int $timestamp): void {}

    public static function advance(int $seconds): int {}

    public static function release(): void {}

    public static function isFrozen(): bool {}
}

/** Money is integer fen (分). These helpers convert to and from "12.34" yuan strings exactly. */
final class Money
{
    /**
     * "12.34" / "12.3" / "12" (or an int number of yuan) to fen. Floats are refused: they cannot
     * hold fen exactly.
     */
    public static function parse(mixed $yuan, bool $allowNegative = false): int {}

    /** 1234 to "12.34", -5 to "-0.05". */
    public static function format(int $fen): string {}
}
