--TEST--
People: another uniacid sees none of a firm's stores, staff, clients, contacts, codes or registrations, and cannot touch them
--EXTENSIONS--
cloudacct
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif_db.inc'; ?>
--INI--
cloudacct.clock_settable=1
--FILE--
<?php
require __DIR__ . '/people.inc';
use CloudAcct\{Actor, Clock};
[$db, $p, $p2] = p_setup('people_isolation');
$boss = Actor::admin(1);
Clock::freeze(1800000000);
// a firm in uniacid 1 with one of everything
$store = $p['stores']->create($boss, ['name' => '鼓楼店']);
$staff = $p['staff']->create($boss, ['name' => '张会计', 'store_id' => $store, 'skills' => ['记账']]);
$p['staff']->bindByCode('oWx_staff', $p['staff']->issueBindCode($boss, $staff));
$p['staff']->linkWe7User($boss, $staff, 42);
$client = $p['clients']->create($boss, ['name' => '公司甲', 'credit_code' => '91350100M000100Y43', 'store_id' => $store,
    'accountant_id' => $staff, 'tags' => ['重点客户']]);
$contact = $p['contacts']->bindByInvite('oWx_client', $p['contacts']->issueInvite($boss, $client), '王老板', '13700000001');
$reg = $p['contacts']->register('oWx_reg', '赵总', '13600000001', '新公司');
$before = p_counts($db);

// uniacid 2, same ids and fans, sees none of it
$q = $p2;
echo p_json([
    $q['stores']->list($boss, true), $q['staff']->list($boss)['total'], $q['clients']->search($boss)['total'],
    $q['clients']->search(Actor::system(), ['tag' => '重点客户'])['total'], $q['clients']->handovers($boss)['total'],
    $q['contacts']->registrations($boss)['total'], $q['staff']->resolveByOpenid('oWx_staff'),
    $q['staff']->resolveByWe7User(42), $q['contacts']->resolveByOpenid('oWx_client'),
    $q['contacts']->registrationStatus('oWx_reg'), $q['contacts']->companies(Actor::client($contact)),
    $q['contacts']->currentCompany(Actor::client($contact)),
]), "\n";
$calls = [
    'stores.get' => fn() => $q['stores']->get($boss, $store),
    'stores.update' => fn() => $q['stores']->update($boss, $store, ['name' => 'x']),
    'staff.get' => fn() => $q['staff']->get($boss, $staff),
    'staff.setOnDuty' => fn() => $q['staff']->setOnDuty($boss, $staff, false),
    'staff.issueBindCode' => fn() => $q['staff']->issueBindCode($boss, $staff),
    'clients.get' => fn() => $q['clients']->get($boss, $client),
    'clients.get (contact)' => fn() => $q['clients']->get(Actor::client($contact), $client),
    'clients.get (staff)' => fn() => $q['clients']->get(Actor::staff($staff), $client),
    'clients.update' => fn() => $q['clients']->update($boss, $client, ['notes' => 'x']),
    'clients.assignAccountant' => fn() => $q['clients']->assignAccountant($boss, $client, 0, '外地'),
    'clients.bulkHandover' => fn() => $q['clients']->bulkHandover($boss, $staff, $staff + 1, '外地'),
    'clients.accountantCard' => fn() => $q['clients']->accountantCard(Actor::client($contact), $client),
    'contacts.issueInvite' => fn() => $q['contacts']->issueInvite($boss, $client),
    'contacts.switchCompany' => fn() => $q['contacts']->switchCompany(Actor::client($contact), $client),
    'contacts.listForClient' => fn() => $q['contacts']->listForClient($boss, $client),
    'contacts.unbind' => fn() => $q['contacts']->unbind($boss, $client, $contact),
    'contacts.approve' => fn() => $q['contacts']->approve($boss, $reg),
    'contacts.reject' => fn() => $q['contacts']->reject($boss, $reg),
    'clients.create (our store)' => fn() => $q['clients']->create($boss, ['name' => '公司甲', 'store_id' => $store]),
    'staff.create (our store)' => fn() => $q['staff']->create($boss, ['name' => 'x', 'store_id' => $store]),
    'stores.setAdminScope' => fn() => $q['stores']->setAdminScope($boss, 7, [$store]),
];
foreach ($calls as $name => $fn) {
    echo $name, ': ';
    ca_expect_throw($fn);
}
var_dump(p_counts($db) === $before);
ca_drop_db('people_isolation');
?>
--EXPECT--
[[],0,0,0,0,0,null,null,null,null,[],null]
stores.get: CloudAcct\NotFoundException: 门店不存在或无权查看 (store 1 not found)
stores.update: CloudAcct\NotFoundException: 门店不存在或无权查看 (store 1 not found)
staff.get: CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
staff.setOnDuty: CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
staff.issueBindCode: CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
clients.get: CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
clients.get (contact): CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
clients.get (staff): CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
clients.update: CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
clients.assignAccountant: CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
clients.bulkHandover: CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
clients.accountantCard: CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
contacts.issueInvite: CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
contacts.switchCompany: CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
contacts.listForClient: CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
contacts.unbind: CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
contacts.approve: CloudAcct\NotFoundException: 注册申请不存在 (registration 1 not found)
contacts.reject: CloudAcct\NotFoundException: 注册申请不存在 (registration 1 not found)
clients.create (our store): CloudAcct\ValidationException: 门店不存在，请重新选择 (store 1 not found)
staff.create (our store): CloudAcct\ValidationException: 门店不存在，请重新选择 (store 1 not found)
stores.setAdminScope: CloudAcct\ValidationException: 所选门店中有不存在的门店，请刷新后重新选择 (unknown store id)
bool(true)
