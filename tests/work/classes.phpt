--TEST--
Work area classes: declared final and not serializable, constructed on a Store, unusable unconstructed
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--FILE--
<?php
foreach (['Catalog', 'Orders', 'Jobs', 'Calendar', 'Recurring', 'Scheduler'] as $name) {
    $r = new ReflectionClass("CloudAcct\\Work\\$name");
    $ctor = $r->getConstructor()->getParameters()[0];
    printf("%s final=%d params=%s\n", $r->getName(), $r->isFinal(), $ctor->getType());
}
require __DIR__ . '/../inc/config.inc';
$store = new CloudAcct\Store(new CloudAcct\Db\Connection(ca_options(['database' => 'mysql'])), 1);
$jobs = new CloudAcct\Work\Jobs($store);
try { $jobs->__construct($store); } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { serialize($jobs); } catch (Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { clone $jobs; } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
?>
--EXPECT--
CloudAcct\Work\Catalog final=1 params=CloudAcct\Store
CloudAcct\Work\Orders final=1 params=CloudAcct\Store
CloudAcct\Work\Jobs final=1 params=CloudAcct\Store
CloudAcct\Work\Calendar final=1 params=CloudAcct\Store
CloudAcct\Work\Recurring final=1 params=CloudAcct\Store
CloudAcct\Work\Scheduler final=1 params=CloudAcct\Store
Error: CloudAcct\Work\Jobs 已初始化 (already constructed)
Exception: Serialization of 'CloudAcct\Work\Jobs' is not allowed
Error: Trying to clone an uncloneable object of class CloudAcct\Work\Jobs
