--TEST--
People: who may read a company — admins (their stores), its exclusive accountant, its contacts; everybody else gets NotFound, as for a missing company
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
[$db, $p, $p2] = p_setup('people_clients_access');
$clients = $p['clients'];
$contacts = $p['contacts'];
$boss = Actor::admin(1);
$limited = Actor::admin(7);
Clock::freeze(1800000000);
$gulou = $p['stores']->create($boss, ['name' => '鼓楼店']);
$taijiang = $p['stores']->create($boss, ['name' => '台江店']);
$p['stores']->setAdminScope($boss, 7, [$gulou]);
$zhang = $p['staff']->create($boss, ['name' => '张会计']);
$li = $p['staff']->create($boss, ['name' => '李会计']);
$a = $clients->create($boss, ['name' => '公司甲', 'store_id' => $gulou, 'accountant_id' => $zhang, 'tags' => ['重点客户'], 'notes' => '内部备注']);
$b = $clients->create($boss, ['name' => '公司乙', 'store_id' => $taijiang, 'accountant_id' => $li]);
$ownerA = $contacts->bindByInvite('oWx_a', $contacts->issueInvite($boss, $a), '甲老板', '13700000001');
$ownerB = $contacts->bindByInvite('oWx_b', $contacts->issueInvite($boss, $b), '乙老板', '13700000002');
$x = $p2['clients']->create($boss, ['name' => '外地公司']);

// who sees company 甲: admins (all, or of its store), its exclusive accountant, its contacts, the system
foreach (['boss' => $boss, 'limited' => $limited, 'zhang' => Actor::staff($zhang), 'ownerA' => Actor::client($ownerA),
    'system' => Actor::system()] as $who => $actor) {
    $row = $clients->get($actor, $a);
    echo $who, ': ', $row['name'], ' notes=', p_json($row['notes'] ?? '(hidden)'), ' tags=', p_json($row['tags'] ?? '(hidden)'), "\n";
}
// …and who does not: the same answer as for a company that does not exist
ca_expect_throw(fn() => $clients->get(Actor::client($ownerA), $b));   // a contact of 甲 reading 乙
ca_expect_throw(fn() => $clients->get(Actor::client($ownerB), $a));
ca_expect_throw(fn() => $clients->get(Actor::staff($li), $a));         // staff reading a company not theirs
ca_expect_throw(fn() => $clients->get($limited, $b));                  // an admin of store 1 reading store 2
ca_expect_throw(fn() => $clients->get($boss, 999));
ca_expect_throw(fn() => $clients->get($boss, $x));                     // another uniacid's company
ca_expect_throw(fn() => $p2['clients']->get($boss, $a));
ca_expect_throw(fn() => $p2['clients']->get(Actor::client($ownerA), $a));
// the same rule for everything that names a company
ca_expect_throw(fn() => $clients->accountantCard(Actor::client($ownerA), $b));
ca_expect_throw(fn() => $contacts->listForClient(Actor::client($ownerA), $b));
ca_expect_throw(fn() => $contacts->listForClient(Actor::staff($li), $a));
ca_expect_throw(fn() => $contacts->issueInvite(Actor::staff($li), $a));
ca_expect_throw(fn() => $contacts->issueInvite($limited, $b));
ca_expect_throw(fn() => $contacts->switchCompany(Actor::client($ownerA), $b));
ca_expect_throw(fn() => $contacts->unbind($limited, $b, $ownerB));
ca_expect_throw(fn() => $clients->assignAccountant($limited, $b, $zhang, '调整'));
ca_expect_throw(fn() => $clients->handovers(Actor::staff($li), ['client_id' => $a]));
// a new exclusive accountant gains the company, the old one loses it
$clients->assignAccountant($boss, $a, $li, '调岗');
echo $clients->get(Actor::staff($li), $a)['accountant_name'], "\n";
ca_expect_throw(fn() => $clients->get(Actor::staff($zhang), $a));
// an unbound contact loses it
$contacts->unbind($boss, $a, $ownerA);
ca_expect_throw(fn() => $clients->get(Actor::client($ownerA), $a));
ca_drop_db('people_clients_access');
?>
--EXPECT--
boss: 公司甲 notes="内部备注" tags=["重点客户"]
limited: 公司甲 notes="内部备注" tags=["重点客户"]
zhang: 公司甲 notes="内部备注" tags=["重点客户"]
ownerA: 公司甲 notes="(hidden)" tags="(hidden)"
system: 公司甲 notes="内部备注" tags=["重点客户"]
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 999 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 3 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 2 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
李会计
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
CloudAcct\NotFoundException: 客户不存在或无权查看 (client 1 not found)
