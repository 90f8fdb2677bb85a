/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 3f1c71a75a548435029154421a9124184b6317ee */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Work_Catalog___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, store, CloudAcct\\Store, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Catalog_saveCategory, 0, 2, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, id, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Catalog_deleteCategory, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Catalog_categories, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Catalog_createService, 0, 2, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Catalog_updateService, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Catalog_deleteService arginfo_class_CloudAcct_Work_Catalog_deleteCategory

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Catalog_service, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Catalog_services, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Calendar___construct arginfo_class_CloudAcct_Work_Catalog___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Calendar_get, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Calendar_set, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, calendar, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Calendar_addBusinessTime, 0, 2, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, seconds, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Calendar_businessTimeBetween, 0, 2, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, to, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Calendar_nextWorkday, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, date, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Work_Catalog, __construct);
ZEND_METHOD(CloudAcct_Work_Catalog, saveCategory);
ZEND_METHOD(CloudAcct_Work_Catalog, deleteCategory);
ZEND_METHOD(CloudAcct_Work_Catalog, categories);
ZEND_METHOD(CloudAcct_Work_Catalog, createService);
ZEND_METHOD(CloudAcct_Work_Catalog, updateService);
ZEND_METHOD(CloudAcct_Work_Catalog, deleteService);
ZEND_METHOD(CloudAcct_Work_Catalog, service);
ZEND_METHOD(CloudAcct_Work_Catalog, services);
ZEND_METHOD(CloudAcct_Work_Calendar, __construct);
ZEND_METHOD(CloudAcct_Work_Calendar, get);
ZEND_METHOD(CloudAcct_Work_Calendar, set);
ZEND_METHOD(CloudAcct_Work_Calendar, addBusinessTime);
ZEND_METHOD(CloudAcct_Work_Calendar, businessTimeBetween);
ZEND_METHOD(CloudAcct_Work_Calendar, nextWorkday);


static const zend_function_entry class_CloudAcct_Work_Catalog_methods[] = {
	ZEND_ME(CloudAcct_Work_Catalog, __construct, arginfo_class_CloudAcct_Work_Catalog___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Catalog, saveCategory, arginfo_class_CloudAcct_Work_Catalog_saveCategory, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Catalog, deleteCategory, arginfo_class_CloudAcct_Work_Catalog_deleteCategory, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Catalog, categories, arginfo_class_CloudAcct_Work_Catalog_categories, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Catalog, createService, arginfo_class_CloudAcct_Work_Catalog_createService, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Catalog, updateService, arginfo_class_CloudAcct_Work_Catalog_updateService, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Catalog, deleteService, arginfo_class_CloudAcct_Work_Catalog_deleteService, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Catalog, service, arginfo_class_CloudAcct_Work_Catalog_service, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Catalog, services, arginfo_class_CloudAcct_Work_Catalog_services, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Work_Calendar_methods[] = {
	ZEND_ME(CloudAcct_Work_Calendar, __construct, arginfo_class_CloudAcct_Work_Calendar___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Calendar, get, arginfo_class_CloudAcct_Work_Calendar_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Calendar, set, arginfo_class_CloudAcct_Work_Calendar_set, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Calendar, addBusinessTime, arginfo_class_CloudAcct_Work_Calendar_addBusinessTime, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Calendar, businessTimeBetween, arginfo_class_CloudAcct_Work_Calendar_businessTimeBetween, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Calendar, nextWorkday, arginfo_class_CloudAcct_Work_Calendar_nextWorkday, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Work_Catalog(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Work", "Catalog", class_CloudAcct_Work_Catalog_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Work_Calendar(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Work", "Calendar", class_CloudAcct_Work_Calendar_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
