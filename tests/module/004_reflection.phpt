--TEST--
Methods carry full arginfo (types, defaults) and secrets are marked sensitive
--EXTENSIONS--
cloudacct
--FILE--
<?php
function sig(string $class, string $method): string {
    $m = new ReflectionMethod($class, $method);
    $ps = [];
    foreach ($m->getParameters() as $p) {
        $s = $p->getType() . ' $' . $p->getName();
        if ($p->isDefaultValueAvailable()) {
            $s .= ' = ' . json_encode($p->getDefaultValue());
        }
        $ps[] = $s;
    }
    return ($m->isStatic() ? 'static ' : '') . "$class::$method(" . implode(', ', $ps) . '): ' . $m->getReturnType();
}
echo sig('CloudAcct\Db\Connection', 'query'), "\n";
echo sig('CloudAcct\Db\Connection', 'queryRow'), "\n";
echo sig('CloudAcct\Db\Connection', 'transaction'), "\n";
echo sig('CloudAcct\Db\Schema', 'migrate'), "\n";
echo sig('CloudAcct\Store', '__construct'), "\n";
echo sig('CloudAcct\Actor', 'client'), "\n";
echo sig('CloudAcct\Money', 'parse'), "\n";
echo sig('CloudAcct\Audit\Trail', 'list'), "\n";
$p = (new ReflectionMethod('CloudAcct\Db\Connection', '__construct'))->getParameters()[0];
echo count($p->getAttributes('SensitiveParameter')), "\n";
$rp = new ReflectionProperty('CloudAcct\Actor', 'kind');
var_dump($rp->isReadOnly(), (string) $rp->getType());
var_dump((new ReflectionClass('CloudAcct\Db\Connection'))->isFinal());
var_dump((new ReflectionClass('CloudAcct\Exception'))->isAbstract(), get_parent_class('CloudAcct\Exception'));
?>
--EXPECT--
CloudAcct\Db\Connection::query(string $sql, array $params = []): array
CloudAcct\Db\Connection::queryRow(string $sql, array $params = []): ?array
CloudAcct\Db\Connection::transaction(callable $fn, int $attempts = 0): mixed
static CloudAcct\Db\Schema::migrate(CloudAcct\Db\Connection $db): array
CloudAcct\Store::__construct(CloudAcct\Db\Connection $db, int $uniacid): 
static CloudAcct\Actor::client(int $contactId, string $ip = ""): CloudAcct\Actor
static CloudAcct\Money::parse(mixed $yuan, bool $allowNegative = false): int
CloudAcct\Audit\Trail::list(CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array
1
bool(true)
string(19) "CloudAcct\ActorKind"
bool(true)
bool(true)
string(16) "RuntimeException"
