/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 6aa0bb22a1dec8d79cacf8ee4b7c87663986b744 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Notices_Outbox___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, store, CloudAcct\\Store, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Notices_Outbox_enqueue, 0, 5, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, recipientKind, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, recipientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, template, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, payload, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, dedupKey, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, channel, IS_STRING, 0, "\"auto\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Notices_Outbox_cancel, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, dedupKey, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Notices_Outbox_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Notices_Outbox_list, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Notices_Outbox_retry, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Notices_Outbox_inbox, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, unreadOnly, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Notices_Outbox_markRead, 0, 1, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ids, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Notices_Sender___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, store, CloudAcct\\Store, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, accessToken, IS_CALLABLE, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Notices_Sender_run, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "200")
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Notices_Outbox, __construct);
ZEND_METHOD(CloudAcct_Notices_Outbox, enqueue);
ZEND_METHOD(CloudAcct_Notices_Outbox, cancel);
ZEND_METHOD(CloudAcct_Notices_Outbox, get);
ZEND_METHOD(CloudAcct_Notices_Outbox, list);
ZEND_METHOD(CloudAcct_Notices_Outbox, retry);
ZEND_METHOD(CloudAcct_Notices_Outbox, inbox);
ZEND_METHOD(CloudAcct_Notices_Outbox, markRead);
ZEND_METHOD(CloudAcct_Notices_Sender, __construct);
ZEND_METHOD(CloudAcct_Notices_Sender, run);


static const zend_function_entry class_CloudAcct_Notices_Outbox_methods[] = {
	ZEND_ME(CloudAcct_Notices_Outbox, __construct, arginfo_class_CloudAcct_Notices_Outbox___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Notices_Outbox, enqueue, arginfo_class_CloudAcct_Notices_Outbox_enqueue, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Notices_Outbox, cancel, arginfo_class_CloudAcct_Notices_Outbox_cancel, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Notices_Outbox, get, arginfo_class_CloudAcct_Notices_Outbox_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Notices_Outbox, list, arginfo_class_CloudAcct_Notices_Outbox_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Notices_Outbox, retry, arginfo_class_CloudAcct_Notices_Outbox_retry, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Notices_Outbox, inbox, arginfo_class_CloudAcct_Notices_Outbox_inbox, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Notices_Outbox, markRead, arginfo_class_CloudAcct_Notices_Outbox_markRead, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Notices_Sender_methods[] = {
	ZEND_ME(CloudAcct_Notices_Sender, __construct, arginfo_class_CloudAcct_Notices_Sender___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Notices_Sender, run, arginfo_class_CloudAcct_Notices_Sender_run, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Notices_Outbox(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Notices", "Outbox", class_CloudAcct_Notices_Outbox_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Notices_Sender(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Notices", "Sender", class_CloudAcct_Notices_Sender_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
