/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 1aa80a190be027e2ab5fa30d9de47044c9d61ce8 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Settings___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, store, CloudAcct\\Store, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Settings_get, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Settings_all, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Settings_set, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Settings_reset, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Settings, __construct);
ZEND_METHOD(CloudAcct_Settings, get);
ZEND_METHOD(CloudAcct_Settings, all);
ZEND_METHOD(CloudAcct_Settings, set);
ZEND_METHOD(CloudAcct_Settings, reset);


static const zend_function_entry class_CloudAcct_Settings_methods[] = {
	ZEND_ME(CloudAcct_Settings, __construct, arginfo_class_CloudAcct_Settings___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Settings, get, arginfo_class_CloudAcct_Settings_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Settings, all, arginfo_class_CloudAcct_Settings_all, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Settings, set, arginfo_class_CloudAcct_Settings_set, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Settings, reset, arginfo_class_CloudAcct_Settings_reset, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Settings(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "Settings", class_CloudAcct_Settings_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
