<?php

/**
 * Types shared by every area: the exception hierarchy and the actor kinds.
 *
 * @generate-class-entries
 */

namespace CloudAcct {

/** Base of every exception the extension throws for a business or infrastructure failure. */
abstract class Exception extends \RuntimeException
{
}

/** The object does not exist in this uniacid (or the actor may not know it exists). */
class NotFoundException extends Exception
{
}

/** The actor may not do this. */
class ForbiddenException extends Exception
{
}

/** The object changed under us or is in the wrong state (e.g. "已被抢走"). */
class ConflictException extends Exception
{
}

/** A state-machine transition that is not allowed from the current state. */
final class InvalidTransitionException extends ConflictException
{
    protected string $currentState = "";

    public function getCurrentState(): string {}
}

/** Input that fails validation; the field names the offending input. */
class ValidationException extends Exception
{
    protected string $field = "";

    public function getField(): string {}
}

/** A database error; getCode() is the server/client errno. */
class DatabaseException extends Exception
{
    protected string $sqlState = "HY000";

    public function getSqlState(): string {}
}

/** Could not connect, or the connection was lost. */
class ConnectionException extends DatabaseException
{
}

/** A unique key was violated. */
class DuplicateKeyException extends DatabaseException
{
}

/** Deadlock or lock-wait timeout, after every retry was spent. */
class DeadlockException extends DatabaseException
{
}

/** An external service (WeChat, SMS, payment) failed. */
class IntegrationException extends Exception
{
}

enum ActorKind: string
{
    case Client = "client";
    case Staff = "staff";
    case Admin = "admin";
    case System = "system";
}

}
