--TEST--
People: staff — create, update, get, list with filters and paging, skills, duty and active flags, 微擎 user link; admin scope; bad input writes nothing; audit
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
[$db, $p, $p2] = p_setup('people_staff');
$staff = $p['staff'];
$boss = Actor::admin(1);
$limited = Actor::admin(7);
Clock::freeze(1800000000);
$gulou = $p['stores']->create($boss, ['name' => '鼓楼店']);
$taijiang = $p['stores']->create($boss, ['name' => '台江店']);
$closed = $p['stores']->create($boss, ['name' => '已关店']);
$p['stores']->setActive($boss, $closed, false);
$p['stores']->setAdminScope($boss, 7, [$gulou]);

// create with every field; skills deduplicated and sorted on read
$zhang = $staff->create($boss, ['name' => '张会计', 'phone' => '13900000001', 'photo' => 'images/1/2026/11/zhang.jpg',
    'wechat' => 'zhang_kuaiji', 'title' => '主管会计', 'store_id' => $gulou, 'open_job_cap' => 30, 'on_duty' => false,
    'hired_at' => 1767225600, 'skills' => ['税务申报', '记账', '税务申报']]);
$li = $staff->create($boss, ['name' => '李会计', 'store_id' => $taijiang, 'photo' => 'https://cdn.example.com/li.png', 'skills' => ['工商注册']]);
$wang = $staff->create($boss, ['name' => '王出纳']);
echo p_json($staff->get($boss, $zhang)), "\n";
$w = $staff->get($boss, $wang);
echo p_json([$w['store_id'], $w['store_name'], $w['open_job_cap'], $w['on_duty'], $w['active'], $w['skills'], $w['wechat_bound']]), "\n";

// a limited admin hires into their store only, and sees only its people
$chen = $staff->create($limited, ['name' => '陈会计', 'store_id' => $gulou]);
ca_expect_throw(fn() => $staff->create($limited, ['name' => '外店', 'store_id' => $taijiang]));
ca_expect_throw(fn() => $staff->create($limited, ['name' => '无店']));
ca_expect_throw(fn() => $staff->get($limited, $li));
ca_expect_throw(fn() => $staff->update($limited, $li, ['title' => 'x']));
ca_expect_throw(fn() => $staff->update($limited, $zhang, ['store_id' => $taijiang]));
ca_expect_throw(fn() => $staff->setActive($limited, $li, false));
ca_expect_throw(fn() => $staff->setOnDuty($limited, $li, false));
echo p_json(array_column($staff->list($limited)['items'], 'name')), "\n";
// stores must exist and be open
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'store_id' => 999]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'store_id' => $closed]));

// update: only what is given; skills replace the list
Clock::advance(10);
$staff->update($boss, $zhang, ['title' => '财务经理', 'skills' => ['审计'], 'open_job_cap' => 0]);
$z = $staff->get($boss, $zhang);
echo p_json([$z['name'], $z['title'], $z['skills'], $z['open_job_cap'], $z['phone'], $z['updated_at'] - $z['created_at']]), "\n";
$staff->update($boss, $zhang, ['skills' => []]);
echo p_json($staff->get($boss, $zhang)['skills']), "\n";
$staff->update($boss, $li, ['store_id' => $gulou]);
echo $staff->get($limited, $li)['store_name'], "\n";

// list: filters, paging, total
$staff->update($boss, $zhang, ['skills' => ['记账', '审计']]);
$staff->update($boss, $li, ['skills' => ['记账']]);
$staff->setOnDuty($boss, $li, false);
$staff->setActive($boss, $wang, false);
$names = fn(array $filter, int $page = 1, int $per = 20) => p_json(array_column($staff->list($boss, $filter, $page, $per)['items'], 'name'));
echo $names([]), "\n";
echo $names(['skill' => '记账']), "\n";
echo $names(['skill' => '记账', 'on_duty' => false]), "\n";
echo $names(['active' => false]), "\n";
echo $names(['store_id' => $gulou]), "\n";
echo $names(['store_id' => 0]), "\n";
echo $names(['keyword' => '会计']), "\n";
echo $names(['keyword' => '1390000']), "\n";
echo $names(['keyword' => '%']), "\n";
echo $names(['keyword' => '']), "\n";
$page = $staff->list($boss, [], 2, 3);
echo p_json([$page['total'], array_column($page['items'], 'name')]), "\n";
$first = $staff->list($boss, ['skill' => '审计'])['items'][0];
echo p_json([$first['skills'], $first['store_name'], $first['active'], $first['on_duty'], $first['wechat_bound']]), "\n";
ca_expect_throw(fn() => $staff->list($boss, ['skill' => 1]));
ca_expect_throw(fn() => $staff->list($boss, ['active' => 1]));
ca_expect_throw(fn() => $staff->list($boss, ['name' => 'x']));
ca_expect_throw(fn() => $staff->list($boss, [], 0));
ca_expect_throw(fn() => $staff->list($boss, [], 1, 201));

// staff see themselves only; clients nobody
echo $staff->get(Actor::staff($li), $li)['name'], "\n";
ca_expect_throw(fn() => $staff->get(Actor::staff($li), $zhang));
ca_expect_throw(fn() => $staff->get(Actor::client(1), $zhang));
ca_expect_throw(fn() => $staff->list(Actor::staff($li)));
ca_expect_throw(fn() => $staff->create(Actor::staff($li), ['name' => 'x']));
ca_expect_throw(fn() => $staff->update(Actor::staff($li), $li, ['title' => '老板']));
ca_expect_throw(fn() => $staff->setActive(Actor::staff($li), $li, true));

// on duty: the staff member for themselves (while active), or an admin
$staff->setOnDuty(Actor::staff($li), $li, true);
var_dump($staff->get($boss, $li)['on_duty']);
$staff->setOnDuty($boss, $li, false);
var_dump($staff->get($boss, $li)['on_duty']);
ca_expect_throw(fn() => $staff->setOnDuty(Actor::staff($li), $zhang, false));
ca_expect_throw(fn() => $staff->setOnDuty(Actor::staff($wang), $wang, true));
ca_expect_throw(fn() => $staff->setOnDuty(Actor::client(1), $li, true));
$staff->setActive($boss, $wang, true);
var_dump($staff->get($boss, $wang)['active']);

// 微擎 backend users: one staff record each
var_dump($staff->resolveByWe7User(42));
$staff->linkWe7User($boss, $zhang, 42);
var_dump($staff->resolveByWe7User(42) === $zhang, $staff->get($boss, $zhang)['we7_uid']);
ca_expect_throw(fn() => $staff->linkWe7User($boss, $li, 42));
$staff->linkWe7User($boss, $zhang, 42);
$staff->linkWe7User($boss, $zhang, 0);
var_dump($staff->resolveByWe7User(42));
$staff->linkWe7User($boss, $li, 42);
$staff->setActive($boss, $li, false);
var_dump($staff->resolveByWe7User(42));
$staff->setActive($boss, $li, true);
ca_expect_throw(fn() => $staff->linkWe7User($boss, $li, -1));
ca_expect_throw(fn() => $staff->linkWe7User($limited, $wang, 43));
ca_expect_throw(fn() => $staff->resolveByWe7User(0));

// bad input: typed, clear, nothing written
$before = p_counts($db);
ca_expect_throw(fn() => $staff->create($boss, ['phone' => '13900000001']));
ca_expect_throw(fn() => $staff->create($boss, ['name' => str_repeat('张', 33)]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'phone' => '1390000000']));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'phone' => '23900000001']));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'phone' => 13900000001]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'photo' => 'javascript:alert(1)']));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'photo' => '../../data/config.php']));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'photo' => 'https://x.example/a b.jpg']));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'open_job_cap' => 1001]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'on_duty' => 1]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'store_id' => -1]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'skills' => '记账']));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'skills' => ['记账,报税']]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'skills' => ['']]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'skills' => [1]]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'skills' => array_map(fn($i) => "技能$i", range(1, 21))]));
ca_expect_throw(fn() => $staff->create($boss, ['name' => 'x', 'openid' => 'o1']));
ca_expect_throw(fn() => $staff->update($boss, $zhang, ['name' => '']));
ca_expect_throw(fn() => $staff->update($boss, 999, ['name' => 'x']));
ca_expect_throw(fn() => $staff->update($boss, 0, ['name' => 'x']));
ca_expect_throw(fn() => $staff->setActive($boss, 999, false));
var_dump(p_counts($db) === $before);

// another uniacid knows none of them
ca_expect_throw(fn() => $p2['staff']->get($boss, $zhang));
ca_expect_throw(fn() => $p2['staff']->update($boss, $zhang, ['name' => 'x']));
ca_expect_throw(fn() => $p2['staff']->setOnDuty($boss, $zhang, true));
ca_expect_throw(fn() => $p2['staff']->linkWe7User($boss, $zhang, 99));
var_dump($p2['staff']->list($boss)['total'], $p2['staff']->resolveByWe7User(42));

p_lines(p_audit($db, 5));
ca_drop_db('people_staff');
?>
--EXPECT--
{"id":1,"store_id":1,"store_name":"鼓楼店","name":"张会计","phone":"13900000001","photo":"images/1/2026/11/zhang.jpg","wechat":"zhang_kuaiji","title":"主管会计","open_job_cap":30,"open_jobs":0,"on_duty":false,"active":true,"wechat_bound":false,"we7_uid":0,"hired_at":1767225600,"client_count":0,"created_at":1800000000,"updated_at":1800000000,"skills":["税务申报","记账"]}
[0,null,20,true,true,[],false]
CloudAcct\ForbiddenException: 您只能管理自己负责门店的数据，请选择您负责的门店 (store outside the admin's stores)
CloudAcct\ForbiddenException: 门店管理员须选择自己负责的门店 (admins limited to stores must choose one of them)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 2 not found)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 2 not found)
CloudAcct\ForbiddenException: 您只能管理自己负责门店的数据，请选择您负责的门店 (store outside the admin's stores)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 2 not found)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 2 not found)
["张会计","陈会计"]
CloudAcct\ValidationException: 门店不存在，请重新选择 (store 999 not found)
CloudAcct\ValidationException: 该门店已停用，请选择其他门店 (store 3 is inactive)
["张会计","财务经理",["审计"],0,"13900000001",10]
[]
鼓楼店
["张会计","李会计","王出纳","陈会计"]
["张会计","李会计"]
["张会计","李会计"]
["王出纳"]
["张会计","李会计","陈会计"]
["王出纳"]
["张会计","李会计","陈会计"]
["张会计"]
[]
["张会计","李会计","王出纳","陈会计"]
[4,["陈会计"]]
[["审计","记账"],"鼓楼店",true,false,false]
CloudAcct\ValidationException: 筛选条件 skill 的值无效 (filter "skill" has an invalid value)
CloudAcct\ValidationException: 筛选条件 active 的值无效 (filter "active" has an invalid value)
CloudAcct\ValidationException: 未知的筛选条件 name (unknown filter)
ValueError: CloudAcct\People\Staff::list(): Argument #3 ($page) must be between 1 and 100000
ValueError: CloudAcct\People\Staff::list(): Argument #4 ($perPage) must be between 1 and 200
李会计
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
CloudAcct\ForbiddenException: 只有管理员可以查看员工列表 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以新增员工 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以修改员工信息 (admin only)
CloudAcct\ForbiddenException: 只有管理员可以启用员工 (admin only)
bool(true)
bool(false)
CloudAcct\ForbiddenException: 只能修改自己的在岗状态 (staff may only change their own duty status)
CloudAcct\ForbiddenException: 员工账号不存在或已停用 (staff 3 is not active)
CloudAcct\ForbiddenException: 只有管理员可以修改员工在岗状态 (admin only)
bool(true)
NULL
bool(true)
int(42)
CloudAcct\ValidationException: 该后台账号已关联员工「张会计」，请先取消关联 (the backend user is linked to another staff member)
NULL
NULL
ValueError: CloudAcct\People\Staff::linkWe7User(): Argument #3 ($we7Uid) must be between 0 and 4294967295
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 3 not found)
ValueError: CloudAcct\People\Staff::resolveByWe7User(): Argument #1 ($we7Uid) must be between 1 and 4294967295
CloudAcct\ValidationException: 请填写员工姓名 (name is required)
CloudAcct\ValidationException: 员工姓名：内容太长，请精简后再提交（1 到 32 个字）(name: too long, 1..32 characters)
CloudAcct\ValidationException: 手机号格式不对，应为 11 位手机号码，如 13800138000 (phone: mainland mobile number expected)
CloudAcct\ValidationException: 手机号格式不对，应为 11 位手机号码，如 13800138000 (phone: mainland mobile number expected)
CloudAcct\ValidationException: 手机号须为文字 (phone: string expected)
CloudAcct\ValidationException: 照片地址无效，请重新上传图片 (photo: http(s) URL or attachment path expected)
CloudAcct\ValidationException: 照片地址无效，请重新上传图片 (photo: http(s) URL or attachment path expected)
CloudAcct\ValidationException: 照片地址无效，请重新上传图片 (photo: http(s) URL or attachment path expected)
CloudAcct\ValidationException: 同时处理的工单上限须为 0 到 1000 之间的整数 (open_job_cap: 0..1000)
CloudAcct\ValidationException: 在岗状态须为是或否 (on_duty: bool expected)
CloudAcct\ValidationException: 所属门店无效，请重新选择 (store_id: invalid id)
CloudAcct\ValidationException: 技能标签须为文字标签的列表 (skills: list of strings expected)
CloudAcct\ValidationException: 技能标签中不能含有逗号，请分成多个标签 (skills: no commas)
CloudAcct\ValidationException: 请填写技能标签 (skills is required)
CloudAcct\ValidationException: 技能标签须为文字标签的列表 (skills: list of strings expected)
CloudAcct\ValidationException: 技能标签最多 20 个 (skills: at most 20)
CloudAcct\ValidationException: 未知字段：openid (unknown field)
CloudAcct\ValidationException: 请填写员工姓名 (name is required)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 999 not found)
ValueError: CloudAcct\People\Staff::update(): Argument #2 ($staffId) must be between 1 and 4294967295
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 999 not found)
bool(true)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
CloudAcct\NotFoundException: 员工不存在或无权查看 (staff 1 not found)
int(0)
NULL
staff_create staff#1 by admin:1 {"name":"张会计","phone":"13900000001","photo":"images/1/2026/11/zhang.jpg","wechat":"zhang_kuaiji","title":"主管会计","store_id":1,"open_job_cap":30,"on_duty":false,"hired_at":1767225600,"skills":["税务申报","记账"]}
staff_create staff#2 by admin:1 {"name":"李会计","photo":"https://cdn.example.com/li.png","store_id":2,"skills":["工商注册"]}
staff_create staff#3 by admin:1 {"name":"王出纳"}
staff_create staff#4 by admin:7 {"name":"陈会计","store_id":1}
staff_update staff#1 by admin:1 {"title":"财务经理","open_job_cap":0,"skills":["审计"]}
staff_update staff#1 by admin:1 {"skills":[]}
staff_update staff#2 by admin:1 {"store_id":1}
staff_update staff#1 by admin:1 {"skills":["记账","审计"]}
staff_update staff#2 by admin:1 {"skills":["记账"]}
staff_off_duty staff#2 by admin:1 {}
staff_deactivate staff#3 by admin:1 {}
staff_on_duty staff#2 by staff:2 {}
staff_off_duty staff#2 by admin:1 {}
staff_activate staff#3 by admin:1 {}
staff_link_we7 staff#1 by admin:1 {"we7_uid":42}
staff_link_we7 staff#1 by admin:1 {"we7_uid":42}
staff_link_we7 staff#1 by admin:1 {"we7_uid":0}
staff_link_we7 staff#2 by admin:1 {"we7_uid":42}
staff_deactivate staff#2 by admin:1 {}
staff_activate staff#2 by admin:1 {}
