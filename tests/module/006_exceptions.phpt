--TEST--
The exception hierarchy and its extra fields
--EXTENSIONS--
cloudacct
--FILE--
<?php
foreach (['NotFoundException', 'ForbiddenException', 'ConflictException', 'InvalidTransitionException',
          'ValidationException', 'DatabaseException', 'ConnectionException', 'DuplicateKeyException',
          'DeadlockException', 'IntegrationException'] as $c) {
    $chain = [];
    for ($p = "CloudAcct\\$c"; $p; $p = get_parent_class($p)) {
        $chain[] = $p;
    }
    echo implode(' < ', $chain), "\n";
}
// userland may construct them; the extra fields have safe defaults
$e = new CloudAcct\DatabaseException('x', 1062);
var_dump($e->getSqlState(), $e->getCode());
var_dump((new CloudAcct\ValidationException('x'))->getField());
var_dump((new CloudAcct\InvalidTransitionException('x'))->getCurrentState());
var_dump(new CloudAcct\NotFoundException('gone') instanceof RuntimeException);
?>
--EXPECT--
CloudAcct\NotFoundException < CloudAcct\Exception < RuntimeException < Exception
CloudAcct\ForbiddenException < CloudAcct\Exception < RuntimeException < Exception
CloudAcct\ConflictException < CloudAcct\Exception < RuntimeException < Exception
CloudAcct\InvalidTransitionException < CloudAcct\ConflictException < CloudAcct\Exception < RuntimeException < Exception
CloudAcct\ValidationException < CloudAcct\Exception < RuntimeException < Exception
CloudAcct\DatabaseException < CloudAcct\Exception < RuntimeException < Exception
CloudAcct\ConnectionException < CloudAcct\DatabaseException < CloudAcct\Exception < RuntimeException < Exception
CloudAcct\DuplicateKeyException < CloudAcct\DatabaseException < CloudAcct\Exception < RuntimeException < Exception
CloudAcct\DeadlockException < CloudAcct\DatabaseException < CloudAcct\Exception < RuntimeException < Exception
CloudAcct\IntegrationException < CloudAcct\Exception < RuntimeException < Exception
string(5) "HY000"
int(1062)
string(0) ""
string(0) ""
bool(true)
