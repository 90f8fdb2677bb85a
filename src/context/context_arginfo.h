/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 890bea730033dfc98158fe2a0060ffe058b743a5 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Actor___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_CloudAcct_Actor_client, 0, 1, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, contactId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ip, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_CloudAcct_Actor_staff, 0, 1, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ip, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_CloudAcct_Actor_admin, 0, 1, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, uid, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ip, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_CloudAcct_Actor_system, 0, 0, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ip, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Actor_isClient, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Actor_isStaff arginfo_class_CloudAcct_Actor_isClient

#define arginfo_class_CloudAcct_Actor_isAdmin arginfo_class_CloudAcct_Actor_isClient

#define arginfo_class_CloudAcct_Actor_isSystem arginfo_class_CloudAcct_Actor_isClient

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Store___construct, 0, 0, 2)
	ZEND_ARG_OBJ_INFO(0, db, CloudAcct\\Db\\Connection, 0)
	ZEND_ARG_TYPE_INFO(0, uniacid, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Store_uniacid, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_CloudAcct_Store_connection, 0, 0, CloudAcct\\Db\\Connection, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Clock_now arginfo_class_CloudAcct_Store_uniacid

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Clock_freeze, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, timestamp, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Clock_advance, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, seconds, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Clock_release, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Clock_isFrozen arginfo_class_CloudAcct_Actor_isClient

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Money_parse, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, yuan, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, allowNegative, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Money_format, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, fen, IS_LONG, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Actor, __construct);
ZEND_METHOD(CloudAcct_Actor, client);
ZEND_METHOD(CloudAcct_Actor, staff);
ZEND_METHOD(CloudAcct_Actor, admin);
ZEND_METHOD(CloudAcct_Actor, system);
ZEND_METHOD(CloudAcct_Actor, isClient);
ZEND_METHOD(CloudAcct_Actor, isStaff);
ZEND_METHOD(CloudAcct_Actor, isAdmin);
ZEND_METHOD(CloudAcct_Actor, isSystem);
ZEND_METHOD(CloudAcct_Store, __construct);
ZEND_METHOD(CloudAcct_Store, uniacid);
ZEND_METHOD(CloudAcct_Store, connection);
ZEND_METHOD(CloudAcct_Clock, now);
ZEND_METHOD(CloudAcct_Clock, freeze);
ZEND_METHOD(CloudAcct_Clock, advance);
ZEND_METHOD(CloudAcct_Clock, release);
ZEND_METHOD(CloudAcct_Clock, isFrozen);
ZEND_METHOD(CloudAcct_Money, parse);
ZEND_METHOD(CloudAcct_Money, format);


static const zend_function_entry class_CloudAcct_Actor_methods[] = {
	ZEND_ME(CloudAcct_Actor, __construct, arginfo_class_CloudAcct_Actor___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(CloudAcct_Actor, client, arginfo_class_CloudAcct_Actor_client, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Actor, staff, arginfo_class_CloudAcct_Actor_staff, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Actor, admin, arginfo_class_CloudAcct_Actor_admin, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Actor, system, arginfo_class_CloudAcct_Actor_system, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Actor, isClient, arginfo_class_CloudAcct_Actor_isClient, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Actor, isStaff, arginfo_class_CloudAcct_Actor_isStaff, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Actor, isAdmin, arginfo_class_CloudAcct_Actor_isAdmin, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Actor, isSystem, arginfo_class_CloudAcct_Actor_isSystem, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Store_methods[] = {
	ZEND_ME(CloudAcct_Store, __construct, arginfo_class_CloudAcct_Store___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Store, uniacid, arginfo_class_CloudAcct_Store_uniacid, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Store, connection, arginfo_class_CloudAcct_Store_connection, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Clock_methods[] = {
	ZEND_ME(CloudAcct_Clock, now, arginfo_class_CloudAcct_Clock_now, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Clock, freeze, arginfo_class_CloudAcct_Clock_freeze, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Clock, advance, arginfo_class_CloudAcct_Clock_advance, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Clock, release, arginfo_class_CloudAcct_Clock_release, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Clock, isFrozen, arginfo_class_CloudAcct_Clock_isFrozen, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Money_methods[] = {
	ZEND_ME(CloudAcct_Money, parse, arginfo_class_CloudAcct_Money_parse, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Money, format, arginfo_class_CloudAcct_Money_format, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Actor(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "Actor", class_CloudAcct_Actor_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zend_string *property_kind_class_CloudAcct_ActorKind = zend_string_init("CloudAcct\\ActorKind", sizeof("CloudAcct\\ActorKind")-1, 1);
	zval property_kind_default_value;
	ZVAL_UNDEF(&property_kind_default_value);
	zend_string *property_kind_name = zend_string_init("kind", sizeof("kind") - 1, 1);
	zend_declare_typed_property(class_entry, property_kind_name, &property_kind_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_kind_class_CloudAcct_ActorKind, 0, 0));
	zend_string_release(property_kind_name);

	zval property_id_default_value;
	ZVAL_UNDEF(&property_id_default_value);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_id_name);

	zval property_ip_default_value;
	ZVAL_UNDEF(&property_ip_default_value);
	zend_string *property_ip_name = zend_string_init("ip", sizeof("ip") - 1, 1);
	zend_declare_typed_property(class_entry, property_ip_name, &property_ip_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_ip_name);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Store(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "Store", class_CloudAcct_Store_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Clock(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "Clock", class_CloudAcct_Clock_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Money(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "Money", class_CloudAcct_Money_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
