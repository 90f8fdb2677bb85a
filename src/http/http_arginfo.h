/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 693d0fc431452e06ae0c37a8e6e972e72e137c67 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Http_Client___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Http_Client_send, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, requests, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Http_Client_request, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, method, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, url, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, headers, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, body, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Http_Client, __construct);
ZEND_METHOD(CloudAcct_Http_Client, send);
ZEND_METHOD(CloudAcct_Http_Client, request);


static const zend_function_entry class_CloudAcct_Http_Client_methods[] = {
	ZEND_ME(CloudAcct_Http_Client, __construct, arginfo_class_CloudAcct_Http_Client___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Http_Client, send, arginfo_class_CloudAcct_Http_Client_send, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Http_Client, request, arginfo_class_CloudAcct_Http_Client_request, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Http_Client(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Http", "Client", class_CloudAcct_Http_Client_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
