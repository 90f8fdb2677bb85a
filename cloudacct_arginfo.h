/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: dd9c327f53a560fc3a875ec926f2a72f9ea54575 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_InvalidTransitionException_getCurrentState, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_ValidationException_getField arginfo_class_CloudAcct_InvalidTransitionException_getCurrentState

#define arginfo_class_CloudAcct_DatabaseException_getSqlState arginfo_class_CloudAcct_InvalidTransitionException_getCurrentState


ZEND_METHOD(CloudAcct_InvalidTransitionException, getCurrentState);
ZEND_METHOD(CloudAcct_ValidationException, getField);
ZEND_METHOD(CloudAcct_DatabaseException, getSqlState);


static const zend_function_entry class_CloudAcct_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_NotFoundException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_ForbiddenException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_ConflictException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_InvalidTransitionException_methods[] = {
	ZEND_ME(CloudAcct_InvalidTransitionException, getCurrentState, arginfo_class_CloudAcct_InvalidTransitionException_getCurrentState, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_ValidationException_methods[] = {
	ZEND_ME(CloudAcct_ValidationException, getField, arginfo_class_CloudAcct_ValidationException_getField, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_DatabaseException_methods[] = {
	ZEND_ME(CloudAcct_DatabaseException, getSqlState, arginfo_class_CloudAcct_DatabaseException_getSqlState, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_ConnectionException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_DuplicateKeyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_DeadlockException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_IntegrationException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_ActorKind_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Exception(zend_class_entry *class_entry_RuntimeException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "Exception", class_CloudAcct_Exception_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_ABSTRACT;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_NotFoundException(zend_class_entry *class_entry_CloudAcct_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "NotFoundException", class_CloudAcct_NotFoundException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_Exception);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_ForbiddenException(zend_class_entry *class_entry_CloudAcct_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "ForbiddenException", class_CloudAcct_ForbiddenException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_Exception);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_ConflictException(zend_class_entry *class_entry_CloudAcct_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "ConflictException", class_CloudAcct_ConflictException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_Exception);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_InvalidTransitionException(zend_class_entry *class_entry_CloudAcct_ConflictException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "InvalidTransitionException", class_CloudAcct_InvalidTransitionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_ConflictException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zval property_currentState_default_value;
	ZVAL_EMPTY_STRING(&property_currentState_default_value);
	zend_string *property_currentState_name = zend_string_init("currentState", sizeof("currentState") - 1, 1);
	zend_declare_typed_property(class_entry, property_currentState_name, &property_currentState_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_currentState_name);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_ValidationException(zend_class_entry *class_entry_CloudAcct_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "ValidationException", class_CloudAcct_ValidationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_Exception);

	zval property_field_default_value;
	ZVAL_EMPTY_STRING(&property_field_default_value);
	zend_string *property_field_name = zend_string_init("field", sizeof("field") - 1, 1);
	zend_declare_typed_property(class_entry, property_field_name, &property_field_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_field_name);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_DatabaseException(zend_class_entry *class_entry_CloudAcct_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "DatabaseException", class_CloudAcct_DatabaseException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_Exception);

	zval property_sqlState_default_value;
	zend_string *property_sqlState_default_value_str = zend_string_init("HY000", strlen("HY000"), 1);
	ZVAL_STR(&property_sqlState_default_value, property_sqlState_default_value_str);
	zend_string *property_sqlState_name = zend_string_init("sqlState", sizeof("sqlState") - 1, 1);
	zend_declare_typed_property(class_entry, property_sqlState_name, &property_sqlState_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_sqlState_name);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_ConnectionException(zend_class_entry *class_entry_CloudAcct_DatabaseException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "ConnectionException", class_CloudAcct_ConnectionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_DatabaseException);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_DuplicateKeyException(zend_class_entry *class_entry_CloudAcct_DatabaseException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "DuplicateKeyException", class_CloudAcct_DuplicateKeyException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_DatabaseException);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_DeadlockException(zend_class_entry *class_entry_CloudAcct_DatabaseException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "DeadlockException", class_CloudAcct_DeadlockException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_DatabaseException);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_IntegrationException(zend_class_entry *class_entry_CloudAcct_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct", "IntegrationException", class_CloudAcct_IntegrationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_Exception);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_ActorKind(void)
{
	zend_class_entry *class_entry = zend_register_internal_enum("CloudAcct\\ActorKind", IS_STRING, class_CloudAcct_ActorKind_methods);

	zval enum_case_Client_value;
	zend_string *enum_case_Client_value_str = zend_string_init("client", strlen("client"), 1);
	ZVAL_STR(&enum_case_Client_value, enum_case_Client_value_str);
	zend_enum_add_case_cstr(class_entry, "Client", &enum_case_Client_value);

	zval enum_case_Staff_value;
	zend_string *enum_case_Staff_value_str = zend_string_init("staff", strlen("staff"), 1);
	ZVAL_STR(&enum_case_Staff_value, enum_case_Staff_value_str);
	zend_enum_add_case_cstr(class_entry, "Staff", &enum_case_Staff_value);

	zval enum_case_Admin_value;
	zend_string *enum_case_Admin_value_str = zend_string_init("admin", strlen("admin"), 1);
	ZVAL_STR(&enum_case_Admin_value, enum_case_Admin_value_str);
	zend_enum_add_case_cstr(class_entry, "Admin", &enum_case_Admin_value);

	zval enum_case_System_value;
	zend_string *enum_case_System_value_str = zend_string_init("system", strlen("system"), 1);
	ZVAL_STR(&enum_case_System_value, enum_case_System_value_str);
	zend_enum_add_case_cstr(class_entry, "System", &enum_case_System_value);

	return class_entry;
}
