/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 9a29b0a184062b6b59177de47a242838c7cc71ce */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Db_Connection___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_query, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, sql, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, params, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_queryRow, 0, 1, IS_ARRAY, 1)
	ZEND_ARG_TYPE_INFO(0, sql, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, params, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_queryValue, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, sql, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, params, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_execute, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, sql, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, params, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_lastInsertId, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_begin, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Db_Connection_commit arginfo_class_CloudAcct_Db_Connection_begin

#define arginfo_class_CloudAcct_Db_Connection_rollback arginfo_class_CloudAcct_Db_Connection_begin

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_inTransaction, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_transaction, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, fn, IS_CALLABLE, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, attempts, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_table, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_prefix, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Db_Connection_threadId arginfo_class_CloudAcct_Db_Connection_lastInsertId

#define arginfo_class_CloudAcct_Db_Connection_serverVersion arginfo_class_CloudAcct_Db_Connection_prefix

#define arginfo_class_CloudAcct_Db_Connection_close arginfo_class_CloudAcct_Db_Connection_begin

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Connection_poolStats, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Schema_migrate, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, db, CloudAcct\\Db\\Connection, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Schema_currentVersion, 0, 1, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, db, CloudAcct\\Db\\Connection, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Db_Schema_latestVersion arginfo_class_CloudAcct_Db_Connection_lastInsertId

#define arginfo_class_CloudAcct_Db_Schema_migrations arginfo_class_CloudAcct_Db_Connection_poolStats

#define arginfo_class_CloudAcct_Db_Schema_tables arginfo_class_CloudAcct_Db_Connection_poolStats

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Db_Schema_dropAll, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, db, CloudAcct\\Db\\Connection, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Db_Connection, __construct);
ZEND_METHOD(CloudAcct_Db_Connection, query);
ZEND_METHOD(CloudAcct_Db_Connection, queryRow);
ZEND_METHOD(CloudAcct_Db_Connection, queryValue);
ZEND_METHOD(CloudAcct_Db_Connection, execute);
ZEND_METHOD(CloudAcct_Db_Connection, lastInsertId);
ZEND_METHOD(CloudAcct_Db_Connection, begin);
ZEND_METHOD(CloudAcct_Db_Connection, commit);
ZEND_METHOD(CloudAcct_Db_Connection, rollback);
ZEND_METHOD(CloudAcct_Db_Connection, inTransaction);
ZEND_METHOD(CloudAcct_Db_Connection, transaction);
ZEND_METHOD(CloudAcct_Db_Connection, table);
ZEND_METHOD(CloudAcct_Db_Connection, prefix);
ZEND_METHOD(CloudAcct_Db_Connection, threadId);
ZEND_METHOD(CloudAcct_Db_Connection, serverVersion);
ZEND_METHOD(CloudAcct_Db_Connection, close);
ZEND_METHOD(CloudAcct_Db_Connection, poolStats);
ZEND_METHOD(CloudAcct_Db_Schema, migrate);
ZEND_METHOD(CloudAcct_Db_Schema, currentVersion);
ZEND_METHOD(CloudAcct_Db_Schema, latestVersion);
ZEND_METHOD(CloudAcct_Db_Schema, migrations);
ZEND_METHOD(CloudAcct_Db_Schema, tables);
ZEND_METHOD(CloudAcct_Db_Schema, dropAll);


static const zend_function_entry class_CloudAcct_Db_Connection_methods[] = {
	ZEND_ME(CloudAcct_Db_Connection, __construct, arginfo_class_CloudAcct_Db_Connection___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, query, arginfo_class_CloudAcct_Db_Connection_query, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, queryRow, arginfo_class_CloudAcct_Db_Connection_queryRow, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, queryValue, arginfo_class_CloudAcct_Db_Connection_queryValue, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, execute, arginfo_class_CloudAcct_Db_Connection_execute, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, lastInsertId, arginfo_class_CloudAcct_Db_Connection_lastInsertId, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, begin, arginfo_class_CloudAcct_Db_Connection_begin, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, commit, arginfo_class_CloudAcct_Db_Connection_commit, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, rollback, arginfo_class_CloudAcct_Db_Connection_rollback, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, inTransaction, arginfo_class_CloudAcct_Db_Connection_inTransaction, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, transaction, arginfo_class_CloudAcct_Db_Connection_transaction, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, table, arginfo_class_CloudAcct_Db_Connection_table, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, prefix, arginfo_class_CloudAcct_Db_Connection_prefix, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, threadId, arginfo_class_CloudAcct_Db_Connection_threadId, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, serverVersion, arginfo_class_CloudAcct_Db_Connection_serverVersion, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, close, arginfo_class_CloudAcct_Db_Connection_close, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Db_Connection, poolStats, arginfo_class_CloudAcct_Db_Connection_poolStats, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Db_Schema_methods[] = {
	ZEND_ME(CloudAcct_Db_Schema, migrate, arginfo_class_CloudAcct_Db_Schema_migrate, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Db_Schema, currentVersion, arginfo_class_CloudAcct_Db_Schema_currentVersion, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Db_Schema, latestVersion, arginfo_class_CloudAcct_Db_Schema_latestVersion, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Db_Schema, migrations, arginfo_class_CloudAcct_Db_Schema_migrations, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Db_Schema, tables, arginfo_class_CloudAcct_Db_Schema_tables, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Db_Schema, dropAll, arginfo_class_CloudAcct_Db_Schema_dropAll, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Db_Connection(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Db", "Connection", class_CloudAcct_Db_Connection_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Db_Schema(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Db", "Schema", class_CloudAcct_Db_Schema_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
