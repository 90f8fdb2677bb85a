/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 725b489f394bf1dde5f11240916018d945d9c4d1 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Audit_Trail___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, store, CloudAcct\\Store, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Audit_Trail_record, 0, 4, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, action, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, objectType, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, objectId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, detail, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Audit_Trail_list, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Audit_Trail, __construct);
ZEND_METHOD(CloudAcct_Audit_Trail, record);
ZEND_METHOD(CloudAcct_Audit_Trail, list);


static const zend_function_entry class_CloudAcct_Audit_Trail_methods[] = {
	ZEND_ME(CloudAcct_Audit_Trail, __construct, arginfo_class_CloudAcct_Audit_Trail___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Audit_Trail, record, arginfo_class_CloudAcct_Audit_Trail_record, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Audit_Trail, list, arginfo_class_CloudAcct_Audit_Trail_list, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Audit_Trail(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Audit", "Trail", class_CloudAcct_Audit_Trail_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
