/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 61671f9d97e2b04f2aa6682baff958eb706c820c */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Crypto_Signer___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Crypto_Signer_sha256Hex, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Crypto_Signer_hmacSha256, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, binary, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Crypto_Signer_hmacSha1Base64, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Crypto_Signer_equals, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, known, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, given, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Crypto_Signer_base64Encode arginfo_class_CloudAcct_Crypto_Signer_sha256Hex

#define arginfo_class_CloudAcct_Crypto_Signer_base64Decode arginfo_class_CloudAcct_Crypto_Signer_sha256Hex

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Crypto_Signer_rsaSha256Sign, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, privateKeyPem, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Crypto_Signer_rsaSha256Verify, 0, 3, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, publicKeyPem, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, signature, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Crypto_Signer_aesGcmDecrypt, 0, 4, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, nonce, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, associatedData, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, ciphertext, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Crypto_Signer, __construct);
ZEND_METHOD(CloudAcct_Crypto_Signer, sha256Hex);
ZEND_METHOD(CloudAcct_Crypto_Signer, hmacSha256);
ZEND_METHOD(CloudAcct_Crypto_Signer, hmacSha1Base64);
ZEND_METHOD(CloudAcct_Crypto_Signer, equals);
ZEND_METHOD(CloudAcct_Crypto_Signer, base64Encode);
ZEND_METHOD(CloudAcct_Crypto_Signer, base64Decode);
ZEND_METHOD(CloudAcct_Crypto_Signer, rsaSha256Sign);
ZEND_METHOD(CloudAcct_Crypto_Signer, rsaSha256Verify);
ZEND_METHOD(CloudAcct_Crypto_Signer, aesGcmDecrypt);


static const zend_function_entry class_CloudAcct_Crypto_SignatureException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Crypto_Signer_methods[] = {
	ZEND_ME(CloudAcct_Crypto_Signer, __construct, arginfo_class_CloudAcct_Crypto_Signer___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(CloudAcct_Crypto_Signer, sha256Hex, arginfo_class_CloudAcct_Crypto_Signer_sha256Hex, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Crypto_Signer, hmacSha256, arginfo_class_CloudAcct_Crypto_Signer_hmacSha256, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Crypto_Signer, hmacSha1Base64, arginfo_class_CloudAcct_Crypto_Signer_hmacSha1Base64, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Crypto_Signer, equals, arginfo_class_CloudAcct_Crypto_Signer_equals, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Crypto_Signer, base64Encode, arginfo_class_CloudAcct_Crypto_Signer_base64Encode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Crypto_Signer, base64Decode, arginfo_class_CloudAcct_Crypto_Signer_base64Decode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Crypto_Signer, rsaSha256Sign, arginfo_class_CloudAcct_Crypto_Signer_rsaSha256Sign, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Crypto_Signer, rsaSha256Verify, arginfo_class_CloudAcct_Crypto_Signer_rsaSha256Verify, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Crypto_Signer, aesGcmDecrypt, arginfo_class_CloudAcct_Crypto_Signer_aesGcmDecrypt, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Crypto_SignatureException(zend_class_entry *class_entry_CloudAcct_IntegrationException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Crypto", "SignatureException", class_CloudAcct_Crypto_SignatureException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_CloudAcct_IntegrationException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Crypto_Signer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Crypto", "Signer", class_CloudAcct_Crypto_Signer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "hmacsha256", sizeof("hmacsha256") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "hmacsha1base64", sizeof("hmacsha1base64") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "rsasha256sign", sizeof("rsasha256sign") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "aesgcmdecrypt", sizeof("aesgcmdecrypt") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
