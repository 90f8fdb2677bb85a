--TEST--
The extension loads and declares its classes
--EXTENSIONS--
cloudacct
--FILE--
<?php
var_dump(phpversion('cloudacct') === '0.1.0');
$classes = (new ReflectionExtension('cloudacct'))->getClassNames();
sort($classes);
echo implode("\n", $classes), "\n";
?>
--EXPECT--
bool(true)
CloudAcct\Actor
CloudAcct\ActorKind
CloudAcct\Audit\Trail
CloudAcct\Clock
CloudAcct\ConflictException
CloudAcct\ConnectionException
CloudAcct\Crypto\SignatureException
CloudAcct\Crypto\Signer
CloudAcct\DatabaseException
CloudAcct\Db\Connection
CloudAcct\Db\Schema
CloudAcct\DeadlockException
CloudAcct\DuplicateKeyException
CloudAcct\Exception
CloudAcct\ForbiddenException
CloudAcct\Http\Client
CloudAcct\IntegrationException
CloudAcct\InvalidTransitionException
CloudAcct\Money
CloudAcct\NotFoundException
CloudAcct\People\Clients
CloudAcct\People\Contacts
CloudAcct\People\Staff
CloudAcct\People\Stores
CloudAcct\Settings
CloudAcct\Store
CloudAcct\ValidationException
CloudAcct\Work\Calendar
CloudAcct\Work\Catalog
CloudAcct\Work\Jobs
CloudAcct\Work\Orders
