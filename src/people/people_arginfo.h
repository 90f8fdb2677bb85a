/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f0ed3caa927ca60fa9a3a81090572975d14eda2f */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_People_Stores___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, store, CloudAcct\\Store, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Stores_create, 0, 2, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Stores_update, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, storeId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, changes, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Stores_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, storeId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Stores_list, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, includeInactive, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Stores_setActive, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, storeId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, active, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Stores_setAdminScope, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, we7Uid, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, storeIds, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Stores_adminScope, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, we7Uid, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_People_Staff___construct arginfo_class_CloudAcct_People_Stores___construct

#define arginfo_class_CloudAcct_People_Staff_create arginfo_class_CloudAcct_People_Stores_create

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_update, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, changes, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_list, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_options, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_setActive, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, active, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_setOnDuty, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, onDuty, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_issueBindCode, 0, 2, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ttlSeconds, IS_LONG, 0, "86400")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_bindByCode, 0, 2, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, openid, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ip, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_unbindWechat, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_resolveByOpenid, 0, 1, IS_LONG, 1)
	ZEND_ARG_TYPE_INFO(0, openid, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_linkWe7User, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, we7Uid, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Staff_resolveByWe7User, 0, 1, IS_LONG, 1)
	ZEND_ARG_TYPE_INFO(0, we7Uid, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_People_Clients___construct arginfo_class_CloudAcct_People_Stores___construct

#define arginfo_class_CloudAcct_People_Clients_create arginfo_class_CloudAcct_People_Stores_create

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Clients_update, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, changes, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Clients_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Clients_search, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Clients_assignAccountant, 0, 4, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, staffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Clients_bulkHandover, 0, 4, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, fromStaffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, toStaffId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_People_Clients_handovers arginfo_class_CloudAcct_People_Clients_search

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Clients_accountantCard, 0, 2, IS_ARRAY, 1)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_People_Contacts___construct arginfo_class_CloudAcct_People_Stores___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_issueInvite, 0, 2, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, role, IS_STRING, 0, "\"owner\"")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ttlSeconds, IS_LONG, 0, "604800")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_bindByInvite, 0, 4, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, openid, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, phone, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ip, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_People_Contacts_resolveByOpenid arginfo_class_CloudAcct_People_Staff_resolveByOpenid

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_companies, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, client, CloudAcct\\Actor, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_currentCompany, 0, 1, IS_LONG, 1)
	ZEND_ARG_OBJ_INFO(0, client, CloudAcct\\Actor, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_switchCompany, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, client, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_register, 0, 4, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, openid, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, phone, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, companyName, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, creditCode, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ip, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_registrationStatus, 0, 1, IS_ARRAY, 1)
	ZEND_ARG_TYPE_INFO(0, openid, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_People_Contacts_registrations arginfo_class_CloudAcct_People_Staff_list

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_approve, 0, 2, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, registrationId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, clientId, IS_LONG, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, storeId, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_reject, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, registrationId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reason, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_People_Contacts_unbind, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, contactId, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_People_Contacts_listForClient arginfo_class_CloudAcct_People_Clients_get


ZEND_METHOD(CloudAcct_People_Stores, __construct);
ZEND_METHOD(CloudAcct_People_Stores, create);
ZEND_METHOD(CloudAcct_People_Stores, update);
ZEND_METHOD(CloudAcct_People_Stores, get);
ZEND_METHOD(CloudAcct_People_Stores, list);
ZEND_METHOD(CloudAcct_People_Stores, setActive);
ZEND_METHOD(CloudAcct_People_Stores, setAdminScope);
ZEND_METHOD(CloudAcct_People_Stores, adminScope);
ZEND_METHOD(CloudAcct_People_Staff, __construct);
ZEND_METHOD(CloudAcct_People_Staff, create);
ZEND_METHOD(CloudAcct_People_Staff, update);
ZEND_METHOD(CloudAcct_People_Staff, get);
ZEND_METHOD(CloudAcct_People_Staff, list);
ZEND_METHOD(CloudAcct_People_Staff, options);
ZEND_METHOD(CloudAcct_People_Staff, setActive);
ZEND_METHOD(CloudAcct_People_Staff, setOnDuty);
ZEND_METHOD(CloudAcct_People_Staff, issueBindCode);
ZEND_METHOD(CloudAcct_People_Staff, bindByCode);
ZEND_METHOD(CloudAcct_People_Staff, unbindWechat);
ZEND_METHOD(CloudAcct_People_Staff, resolveByOpenid);
ZEND_METHOD(CloudAcct_People_Staff, linkWe7User);
ZEND_METHOD(CloudAcct_People_Staff, resolveByWe7User);
ZEND_METHOD(CloudAcct_People_Clients, __construct);
ZEND_METHOD(CloudAcct_People_Clients, create);
ZEND_METHOD(CloudAcct_People_Clients, update);
ZEND_METHOD(CloudAcct_People_Clients, get);
ZEND_METHOD(CloudAcct_People_Clients, search);
ZEND_METHOD(CloudAcct_People_Clients, assignAccountant);
ZEND_METHOD(CloudAcct_People_Clients, bulkHandover);
ZEND_METHOD(CloudAcct_People_Clients, handovers);
ZEND_METHOD(CloudAcct_People_Clients, accountantCard);
ZEND_METHOD(CloudAcct_People_Contacts, __construct);
ZEND_METHOD(CloudAcct_People_Contacts, issueInvite);
ZEND_METHOD(CloudAcct_People_Contacts, bindByInvite);
ZEND_METHOD(CloudAcct_People_Contacts, resolveByOpenid);
ZEND_METHOD(CloudAcct_People_Contacts, companies);
ZEND_METHOD(CloudAcct_People_Contacts, currentCompany);
ZEND_METHOD(CloudAcct_People_Contacts, switchCompany);
ZEND_METHOD(CloudAcct_People_Contacts, register);
ZEND_METHOD(CloudAcct_People_Contacts, registrationStatus);
ZEND_METHOD(CloudAcct_People_Contacts, registrations);
ZEND_METHOD(CloudAcct_People_Contacts, approve);
ZEND_METHOD(CloudAcct_People_Contacts, reject);
ZEND_METHOD(CloudAcct_People_Contacts, unbind);
ZEND_METHOD(CloudAcct_People_Contacts, listForClient);


static const zend_function_entry class_CloudAcct_People_Stores_methods[] = {
	ZEND_ME(CloudAcct_People_Stores, __construct, arginfo_class_CloudAcct_People_Stores___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Stores, create, arginfo_class_CloudAcct_People_Stores_create, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Stores, update, arginfo_class_CloudAcct_People_Stores_update, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Stores, get, arginfo_class_CloudAcct_People_Stores_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Stores, list, arginfo_class_CloudAcct_People_Stores_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Stores, setActive, arginfo_class_CloudAcct_People_Stores_setActive, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Stores, setAdminScope, arginfo_class_CloudAcct_People_Stores_setAdminScope, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Stores, adminScope, arginfo_class_CloudAcct_People_Stores_adminScope, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_People_Staff_methods[] = {
	ZEND_ME(CloudAcct_People_Staff, __construct, arginfo_class_CloudAcct_People_Staff___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, create, arginfo_class_CloudAcct_People_Staff_create, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, update, arginfo_class_CloudAcct_People_Staff_update, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, get, arginfo_class_CloudAcct_People_Staff_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, list, arginfo_class_CloudAcct_People_Staff_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, options, arginfo_class_CloudAcct_People_Staff_options, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, setActive, arginfo_class_CloudAcct_People_Staff_setActive, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, setOnDuty, arginfo_class_CloudAcct_People_Staff_setOnDuty, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, issueBindCode, arginfo_class_CloudAcct_People_Staff_issueBindCode, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, bindByCode, arginfo_class_CloudAcct_People_Staff_bindByCode, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, unbindWechat, arginfo_class_CloudAcct_People_Staff_unbindWechat, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, resolveByOpenid, arginfo_class_CloudAcct_People_Staff_resolveByOpenid, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, linkWe7User, arginfo_class_CloudAcct_People_Staff_linkWe7User, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Staff, resolveByWe7User, arginfo_class_CloudAcct_People_Staff_resolveByWe7User, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_People_Clients_methods[] = {
	ZEND_ME(CloudAcct_People_Clients, __construct, arginfo_class_CloudAcct_People_Clients___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Clients, create, arginfo_class_CloudAcct_People_Clients_create, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Clients, update, arginfo_class_CloudAcct_People_Clients_update, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Clients, get, arginfo_class_CloudAcct_People_Clients_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Clients, search, arginfo_class_CloudAcct_People_Clients_search, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Clients, assignAccountant, arginfo_class_CloudAcct_People_Clients_assignAccountant, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Clients, bulkHandover, arginfo_class_CloudAcct_People_Clients_bulkHandover, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Clients, handovers, arginfo_class_CloudAcct_People_Clients_handovers, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Clients, accountantCard, arginfo_class_CloudAcct_People_Clients_accountantCard, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_People_Contacts_methods[] = {
	ZEND_ME(CloudAcct_People_Contacts, __construct, arginfo_class_CloudAcct_People_Contacts___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, issueInvite, arginfo_class_CloudAcct_People_Contacts_issueInvite, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, bindByInvite, arginfo_class_CloudAcct_People_Contacts_bindByInvite, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, resolveByOpenid, arginfo_class_CloudAcct_People_Contacts_resolveByOpenid, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, companies, arginfo_class_CloudAcct_People_Contacts_companies, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, currentCompany, arginfo_class_CloudAcct_People_Contacts_currentCompany, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, switchCompany, arginfo_class_CloudAcct_People_Contacts_switchCompany, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, register, arginfo_class_CloudAcct_People_Contacts_register, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, registrationStatus, arginfo_class_CloudAcct_People_Contacts_registrationStatus, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, registrations, arginfo_class_CloudAcct_People_Contacts_registrations, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, approve, arginfo_class_CloudAcct_People_Contacts_approve, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, reject, arginfo_class_CloudAcct_People_Contacts_reject, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, unbind, arginfo_class_CloudAcct_People_Contacts_unbind, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_People_Contacts, listForClient, arginfo_class_CloudAcct_People_Contacts_listForClient, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_People_Stores(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\People", "Stores", class_CloudAcct_People_Stores_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_People_Staff(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\People", "Staff", class_CloudAcct_People_Staff_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "bindbycode", sizeof("bindbycode") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_People_Clients(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\People", "Clients", class_CloudAcct_People_Clients_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_People_Contacts(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\People", "Contacts", class_CloudAcct_People_Contacts_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "bindbyinvite", sizeof("bindbyinvite") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
