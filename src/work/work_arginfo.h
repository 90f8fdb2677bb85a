/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d88ab6e9aeb43fcb80a49ecacd8b62fa7ec0a9fc */

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

#define arginfo_class_CloudAcct_Work_Orders___construct arginfo_class_CloudAcct_Work_Catalog___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Orders_place, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, serviceId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, request, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Orders_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, orderId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Orders_getByNumber, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, orderNo, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Orders_list arginfo_class_CloudAcct_Work_Catalog_services

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Orders_cancel, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, orderId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reason, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Orders_settle, 0, 5, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, system, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, orderId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, paidFen, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, channel, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, reference, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Orders_requestRefund, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, orderId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Orders_refundSettled, 0, 3, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, system, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, orderId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, amountFen, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Jobs___construct arginfo_class_CloudAcct_Work_Catalog___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_request, 0, 3, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, client, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, input, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_create, 0, 3, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, input, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_list, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, view, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Jobs_history arginfo_class_CloudAcct_Work_Jobs_get

#define arginfo_class_CloudAcct_Work_Jobs_timeline arginfo_class_CloudAcct_Work_Jobs_get

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_grab, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, staff, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_assign, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, note, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_release, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, note, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Jobs_start arginfo_class_CloudAcct_Work_Jobs_grab

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_askClient, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, staff, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, question, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, attachments, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_clientReplied, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reply, IS_STRING, 0, "\"\"")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, attachments, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Jobs_complete arginfo_class_CloudAcct_Work_Jobs_release

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_reopen, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Jobs_close arginfo_class_CloudAcct_Work_Jobs_release

#define arginfo_class_CloudAcct_Work_Jobs_cancel arginfo_class_CloudAcct_Work_Jobs_reopen

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_addProgress, 0, 3, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, text, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, internal, _IS_BOOL, 0, "false")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, attachments, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Jobs_progress arginfo_class_CloudAcct_Work_Jobs_get

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Jobs_stats, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, to, IS_LONG, 0)
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

#define arginfo_class_CloudAcct_Work_Recurring___construct arginfo_class_CloudAcct_Work_Catalog___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Recurring_save, 0, 3, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Recurring_list, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Recurring_remove arginfo_class_CloudAcct_Work_Catalog_deleteCategory

#define arginfo_class_CloudAcct_Work_Scheduler___construct arginfo_class_CloudAcct_Work_Catalog___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Scheduler_runDue, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, system, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "100")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Scheduler_expireGrabWindows arginfo_class_CloudAcct_Work_Scheduler_runDue

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Work_Scheduler_flagSilentJobs, 0, 1, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, system, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "100")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Work_Scheduler_recordSlaBreaches arginfo_class_CloudAcct_Work_Scheduler_flagSilentJobs

#define arginfo_class_CloudAcct_Work_Scheduler_closeUnpaidOrders arginfo_class_CloudAcct_Work_Scheduler_flagSilentJobs

#define arginfo_class_CloudAcct_Work_Scheduler_closeDoneJobs arginfo_class_CloudAcct_Work_Scheduler_flagSilentJobs

#define arginfo_class_CloudAcct_Work_Scheduler_createRecurringJobs arginfo_class_CloudAcct_Work_Scheduler_flagSilentJobs


ZEND_METHOD(CloudAcct_Work_Catalog, __construct);
ZEND_METHOD(CloudAcct_Work_Catalog, saveCategory);
ZEND_METHOD(CloudAcct_Work_Catalog, deleteCategory);
ZEND_METHOD(CloudAcct_Work_Catalog, categories);
ZEND_METHOD(CloudAcct_Work_Catalog, createService);
ZEND_METHOD(CloudAcct_Work_Catalog, updateService);
ZEND_METHOD(CloudAcct_Work_Catalog, deleteService);
ZEND_METHOD(CloudAcct_Work_Catalog, service);
ZEND_METHOD(CloudAcct_Work_Catalog, services);
ZEND_METHOD(CloudAcct_Work_Orders, __construct);
ZEND_METHOD(CloudAcct_Work_Orders, place);
ZEND_METHOD(CloudAcct_Work_Orders, get);
ZEND_METHOD(CloudAcct_Work_Orders, getByNumber);
ZEND_METHOD(CloudAcct_Work_Orders, list);
ZEND_METHOD(CloudAcct_Work_Orders, cancel);
ZEND_METHOD(CloudAcct_Work_Orders, settle);
ZEND_METHOD(CloudAcct_Work_Orders, requestRefund);
ZEND_METHOD(CloudAcct_Work_Orders, refundSettled);
ZEND_METHOD(CloudAcct_Work_Jobs, __construct);
ZEND_METHOD(CloudAcct_Work_Jobs, request);
ZEND_METHOD(CloudAcct_Work_Jobs, create);
ZEND_METHOD(CloudAcct_Work_Jobs, get);
ZEND_METHOD(CloudAcct_Work_Jobs, list);
ZEND_METHOD(CloudAcct_Work_Jobs, history);
ZEND_METHOD(CloudAcct_Work_Jobs, timeline);
ZEND_METHOD(CloudAcct_Work_Jobs, grab);
ZEND_METHOD(CloudAcct_Work_Jobs, assign);
ZEND_METHOD(CloudAcct_Work_Jobs, release);
ZEND_METHOD(CloudAcct_Work_Jobs, start);
ZEND_METHOD(CloudAcct_Work_Jobs, askClient);
ZEND_METHOD(CloudAcct_Work_Jobs, clientReplied);
ZEND_METHOD(CloudAcct_Work_Jobs, complete);
ZEND_METHOD(CloudAcct_Work_Jobs, reopen);
ZEND_METHOD(CloudAcct_Work_Jobs, close);
ZEND_METHOD(CloudAcct_Work_Jobs, cancel);
ZEND_METHOD(CloudAcct_Work_Jobs, addProgress);
ZEND_METHOD(CloudAcct_Work_Jobs, progress);
ZEND_METHOD(CloudAcct_Work_Jobs, stats);
ZEND_METHOD(CloudAcct_Work_Calendar, __construct);
ZEND_METHOD(CloudAcct_Work_Calendar, get);
ZEND_METHOD(CloudAcct_Work_Calendar, set);
ZEND_METHOD(CloudAcct_Work_Calendar, addBusinessTime);
ZEND_METHOD(CloudAcct_Work_Calendar, businessTimeBetween);
ZEND_METHOD(CloudAcct_Work_Calendar, nextWorkday);
ZEND_METHOD(CloudAcct_Work_Recurring, __construct);
ZEND_METHOD(CloudAcct_Work_Recurring, save);
ZEND_METHOD(CloudAcct_Work_Recurring, list);
ZEND_METHOD(CloudAcct_Work_Recurring, remove);
ZEND_METHOD(CloudAcct_Work_Scheduler, __construct);
ZEND_METHOD(CloudAcct_Work_Scheduler, runDue);
ZEND_METHOD(CloudAcct_Work_Scheduler, expireGrabWindows);
ZEND_METHOD(CloudAcct_Work_Scheduler, flagSilentJobs);
ZEND_METHOD(CloudAcct_Work_Scheduler, recordSlaBreaches);
ZEND_METHOD(CloudAcct_Work_Scheduler, closeUnpaidOrders);
ZEND_METHOD(CloudAcct_Work_Scheduler, closeDoneJobs);
ZEND_METHOD(CloudAcct_Work_Scheduler, createRecurringJobs);


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


static const zend_function_entry class_CloudAcct_Work_Orders_methods[] = {
	ZEND_ME(CloudAcct_Work_Orders, __construct, arginfo_class_CloudAcct_Work_Orders___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Orders, place, arginfo_class_CloudAcct_Work_Orders_place, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Orders, get, arginfo_class_CloudAcct_Work_Orders_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Orders, getByNumber, arginfo_class_CloudAcct_Work_Orders_getByNumber, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Orders, list, arginfo_class_CloudAcct_Work_Orders_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Orders, cancel, arginfo_class_CloudAcct_Work_Orders_cancel, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Orders, settle, arginfo_class_CloudAcct_Work_Orders_settle, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Orders, requestRefund, arginfo_class_CloudAcct_Work_Orders_requestRefund, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Orders, refundSettled, arginfo_class_CloudAcct_Work_Orders_refundSettled, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Work_Jobs_methods[] = {
	ZEND_ME(CloudAcct_Work_Jobs, __construct, arginfo_class_CloudAcct_Work_Jobs___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, request, arginfo_class_CloudAcct_Work_Jobs_request, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, create, arginfo_class_CloudAcct_Work_Jobs_create, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, get, arginfo_class_CloudAcct_Work_Jobs_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, list, arginfo_class_CloudAcct_Work_Jobs_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, history, arginfo_class_CloudAcct_Work_Jobs_history, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, timeline, arginfo_class_CloudAcct_Work_Jobs_timeline, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, grab, arginfo_class_CloudAcct_Work_Jobs_grab, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, assign, arginfo_class_CloudAcct_Work_Jobs_assign, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, release, arginfo_class_CloudAcct_Work_Jobs_release, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, start, arginfo_class_CloudAcct_Work_Jobs_start, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, askClient, arginfo_class_CloudAcct_Work_Jobs_askClient, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, clientReplied, arginfo_class_CloudAcct_Work_Jobs_clientReplied, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, complete, arginfo_class_CloudAcct_Work_Jobs_complete, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, reopen, arginfo_class_CloudAcct_Work_Jobs_reopen, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, close, arginfo_class_CloudAcct_Work_Jobs_close, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, cancel, arginfo_class_CloudAcct_Work_Jobs_cancel, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, addProgress, arginfo_class_CloudAcct_Work_Jobs_addProgress, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, progress, arginfo_class_CloudAcct_Work_Jobs_progress, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Jobs, stats, arginfo_class_CloudAcct_Work_Jobs_stats, ZEND_ACC_PUBLIC)
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


static const zend_function_entry class_CloudAcct_Work_Recurring_methods[] = {
	ZEND_ME(CloudAcct_Work_Recurring, __construct, arginfo_class_CloudAcct_Work_Recurring___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Recurring, save, arginfo_class_CloudAcct_Work_Recurring_save, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Recurring, list, arginfo_class_CloudAcct_Work_Recurring_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Recurring, remove, arginfo_class_CloudAcct_Work_Recurring_remove, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Work_Scheduler_methods[] = {
	ZEND_ME(CloudAcct_Work_Scheduler, __construct, arginfo_class_CloudAcct_Work_Scheduler___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Scheduler, runDue, arginfo_class_CloudAcct_Work_Scheduler_runDue, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Scheduler, expireGrabWindows, arginfo_class_CloudAcct_Work_Scheduler_expireGrabWindows, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Scheduler, flagSilentJobs, arginfo_class_CloudAcct_Work_Scheduler_flagSilentJobs, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Scheduler, recordSlaBreaches, arginfo_class_CloudAcct_Work_Scheduler_recordSlaBreaches, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Scheduler, closeUnpaidOrders, arginfo_class_CloudAcct_Work_Scheduler_closeUnpaidOrders, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Scheduler, closeDoneJobs, arginfo_class_CloudAcct_Work_Scheduler_closeDoneJobs, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Work_Scheduler, createRecurringJobs, arginfo_class_CloudAcct_Work_Scheduler_createRecurringJobs, ZEND_ACC_PUBLIC)
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

static zend_class_entry *register_class_CloudAcct_Work_Orders(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Work", "Orders", class_CloudAcct_Work_Orders_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Work_Jobs(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Work", "Jobs", class_CloudAcct_Work_Jobs_methods);
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

static zend_class_entry *register_class_CloudAcct_Work_Recurring(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Work", "Recurring", class_CloudAcct_Work_Recurring_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Work_Scheduler(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Work", "Scheduler", class_CloudAcct_Work_Scheduler_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
