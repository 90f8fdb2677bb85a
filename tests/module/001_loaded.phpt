--TEST--
The extension loads and declares its foundation classes, all under CloudAcct\
--EXTENSIONS--
cloudacct
--FILE--
<?php
var_dump(phpversion('cloudacct') === '0.1.0');
$classes = (new ReflectionExtension('cloudacct'))->getClassNames();
// every class of the extension lives in its namespace (areas add theirs and test them)
var_dump(array_values(array_filter($classes, fn($c) => !str_starts_with($c, 'CloudAcct\\'))));
$foundation = ['CloudAcct\Actor', 'CloudAcct\ActorKind', 'CloudAcct\Audit\Trail', 'CloudAcct\Clock',
    'CloudAcct\ConflictException', 'CloudAcct\ConnectionException', 'CloudAcct\DatabaseException',
    'CloudAcct\Db\Connection', 'CloudAcct\Db\Schema', 'CloudAcct\DeadlockException',
    'CloudAcct\DuplicateKeyException', 'CloudAcct\Exception', 'CloudAcct\ForbiddenException',
    'CloudAcct\IntegrationException', 'CloudAcct\InvalidTransitionException', 'CloudAcct\Money',
    'CloudAcct\NotFoundException', 'CloudAcct\Settings', 'CloudAcct\Store', 'CloudAcct\ValidationException'];
var_dump(array_values(array_diff($foundation, $classes)));
// classes the extension declares are final unless they are exceptions meant to be caught by family
foreach ($classes as $c) {
    $r = new ReflectionClass($c);
    if (!$r->isFinal() && !$r->isEnum() && !$r->isSubclassOf('Throwable') && !$r->isInterface()) {
        echo "not final: $c\n";
    }
}
?>
--EXPECT--
bool(true)
array(0) {
}
array(0) {
}
