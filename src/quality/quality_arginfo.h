/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b8b3785df44142711501d8fb8a6e4c172e4bf96d */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Quality_Ratings___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, store, CloudAcct\\Store, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Ratings_dimensions, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Ratings_rate, 0, 4, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, client, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, overall, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, scores, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, comment, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Ratings_forJob, 0, 2, IS_ARRAY, 1)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, jobId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Ratings_forStaff, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Ratings_list, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Ratings_scoreboard, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Quality_Ratings_followups arginfo_class_CloudAcct_Quality_Ratings_list

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Ratings_handleFollowup, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, note, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Quality_Complaints___construct arginfo_class_CloudAcct_Quality_Ratings___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Complaints_file, 0, 2, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, client, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Complaints_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Quality_Complaints_list arginfo_class_CloudAcct_Quality_Ratings_scoreboard

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Complaints_process, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, note, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Complaints_resolve, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reply, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Complaints_reopen, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, client, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Complaints_close, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, note, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Complaints_comment, 0, 3, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, text, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, internal, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Complaints_escalateOverdue, 0, 1, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, system, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "100")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Quality_Complaints_closeResolved arginfo_class_CloudAcct_Quality_Complaints_escalateOverdue

#define arginfo_class_CloudAcct_Quality_Performance___construct arginfo_class_CloudAcct_Quality_Ratings___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Performance_forStaff, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_MASK(0, period, MAY_BE_STRING|MAY_BE_ARRAY, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Performance_compare, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_MASK(0, period, MAY_BE_STRING|MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Quality_Performance_exportCsv, 0, 2, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_MASK(0, period, MAY_BE_STRING|MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Quality_Ratings, __construct);
ZEND_METHOD(CloudAcct_Quality_Ratings, dimensions);
ZEND_METHOD(CloudAcct_Quality_Ratings, rate);
ZEND_METHOD(CloudAcct_Quality_Ratings, forJob);
ZEND_METHOD(CloudAcct_Quality_Ratings, forStaff);
ZEND_METHOD(CloudAcct_Quality_Ratings, list);
ZEND_METHOD(CloudAcct_Quality_Ratings, scoreboard);
ZEND_METHOD(CloudAcct_Quality_Ratings, followups);
ZEND_METHOD(CloudAcct_Quality_Ratings, handleFollowup);
ZEND_METHOD(CloudAcct_Quality_Complaints, __construct);
ZEND_METHOD(CloudAcct_Quality_Complaints, file);
ZEND_METHOD(CloudAcct_Quality_Complaints, get);
ZEND_METHOD(CloudAcct_Quality_Complaints, list);
ZEND_METHOD(CloudAcct_Quality_Complaints, process);
ZEND_METHOD(CloudAcct_Quality_Complaints, resolve);
ZEND_METHOD(CloudAcct_Quality_Complaints, reopen);
ZEND_METHOD(CloudAcct_Quality_Complaints, close);
ZEND_METHOD(CloudAcct_Quality_Complaints, comment);
ZEND_METHOD(CloudAcct_Quality_Complaints, escalateOverdue);
ZEND_METHOD(CloudAcct_Quality_Complaints, closeResolved);
ZEND_METHOD(CloudAcct_Quality_Performance, __construct);
ZEND_METHOD(CloudAcct_Quality_Performance, forStaff);
ZEND_METHOD(CloudAcct_Quality_Performance, compare);
ZEND_METHOD(CloudAcct_Quality_Performance, exportCsv);


static const zend_function_entry class_CloudAcct_Quality_Ratings_methods[] = {
	ZEND_ME(CloudAcct_Quality_Ratings, __construct, arginfo_class_CloudAcct_Quality_Ratings___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Ratings, dimensions, arginfo_class_CloudAcct_Quality_Ratings_dimensions, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Ratings, rate, arginfo_class_CloudAcct_Quality_Ratings_rate, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Ratings, forJob, arginfo_class_CloudAcct_Quality_Ratings_forJob, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Ratings, forStaff, arginfo_class_CloudAcct_Quality_Ratings_forStaff, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Ratings, list, arginfo_class_CloudAcct_Quality_Ratings_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Ratings, scoreboard, arginfo_class_CloudAcct_Quality_Ratings_scoreboard, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Ratings, followups, arginfo_class_CloudAcct_Quality_Ratings_followups, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Ratings, handleFollowup, arginfo_class_CloudAcct_Quality_Ratings_handleFollowup, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Quality_Complaints_methods[] = {
	ZEND_ME(CloudAcct_Quality_Complaints, __construct, arginfo_class_CloudAcct_Quality_Complaints___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, file, arginfo_class_CloudAcct_Quality_Complaints_file, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, get, arginfo_class_CloudAcct_Quality_Complaints_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, list, arginfo_class_CloudAcct_Quality_Complaints_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, process, arginfo_class_CloudAcct_Quality_Complaints_process, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, resolve, arginfo_class_CloudAcct_Quality_Complaints_resolve, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, reopen, arginfo_class_CloudAcct_Quality_Complaints_reopen, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, close, arginfo_class_CloudAcct_Quality_Complaints_close, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, comment, arginfo_class_CloudAcct_Quality_Complaints_comment, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, escalateOverdue, arginfo_class_CloudAcct_Quality_Complaints_escalateOverdue, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Complaints, closeResolved, arginfo_class_CloudAcct_Quality_Complaints_closeResolved, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Quality_Performance_methods[] = {
	ZEND_ME(CloudAcct_Quality_Performance, __construct, arginfo_class_CloudAcct_Quality_Performance___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Performance, forStaff, arginfo_class_CloudAcct_Quality_Performance_forStaff, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Performance, compare, arginfo_class_CloudAcct_Quality_Performance_compare, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Quality_Performance, exportCsv, arginfo_class_CloudAcct_Quality_Performance_exportCsv, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Quality_Ratings(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Quality", "Ratings", class_CloudAcct_Quality_Ratings_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Quality_Complaints(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Quality", "Complaints", class_CloudAcct_Quality_Complaints_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Quality_Performance(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Quality", "Performance", class_CloudAcct_Quality_Performance_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
