/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c7d67eeaf59c462a1a794dd87ac6a6635eef8258 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Books_Books___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, store, CloudAcct\\Store, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_lines, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_setLines, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, lines, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_save, 0, 4, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, period, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_publish, 0, 2, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, bookId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_confirm, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, client, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, bookId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, revision, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_dispute, 0, 4, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, client, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, bookId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, revision, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, comment, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, bookId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_find, 0, 3, IS_ARRAY, 1)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, period, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_periods, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Books_Books_list, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Books_Books_revisions arginfo_class_CloudAcct_Books_Books_get


ZEND_METHOD(CloudAcct_Books_Books, __construct);
ZEND_METHOD(CloudAcct_Books_Books, lines);
ZEND_METHOD(CloudAcct_Books_Books, setLines);
ZEND_METHOD(CloudAcct_Books_Books, save);
ZEND_METHOD(CloudAcct_Books_Books, publish);
ZEND_METHOD(CloudAcct_Books_Books, confirm);
ZEND_METHOD(CloudAcct_Books_Books, dispute);
ZEND_METHOD(CloudAcct_Books_Books, get);
ZEND_METHOD(CloudAcct_Books_Books, find);
ZEND_METHOD(CloudAcct_Books_Books, periods);
ZEND_METHOD(CloudAcct_Books_Books, list);
ZEND_METHOD(CloudAcct_Books_Books, revisions);


static const zend_function_entry class_CloudAcct_Books_Books_methods[] = {
	ZEND_ME(CloudAcct_Books_Books, __construct, arginfo_class_CloudAcct_Books_Books___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, lines, arginfo_class_CloudAcct_Books_Books_lines, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, setLines, arginfo_class_CloudAcct_Books_Books_setLines, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, save, arginfo_class_CloudAcct_Books_Books_save, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, publish, arginfo_class_CloudAcct_Books_Books_publish, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, confirm, arginfo_class_CloudAcct_Books_Books_confirm, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, dispute, arginfo_class_CloudAcct_Books_Books_dispute, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, get, arginfo_class_CloudAcct_Books_Books_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, find, arginfo_class_CloudAcct_Books_Books_find, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, periods, arginfo_class_CloudAcct_Books_Books_periods, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, list, arginfo_class_CloudAcct_Books_Books_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Books_Books, revisions, arginfo_class_CloudAcct_Books_Books_revisions, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Books_Books(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Books", "Books", class_CloudAcct_Books_Books_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
