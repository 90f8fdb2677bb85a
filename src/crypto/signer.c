/* CloudAcct\Crypto\Signer: thin bindings of crypto.h. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_attributes.h"
#include "signer.h"
#include "crypto.h"
#include "../common/errors.h"
#include "crypto_arginfo.h"

zend_class_entry *cloudacct_ce_SignatureException;
static zend_class_entry *cloudacct_ce_Signer;

ZEND_METHOD(CloudAcct_Crypto_Signer, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(CloudAcct_Crypto_Signer, sha256Hex)
{
	zend_string *data;
	char hex[65];

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_sha256_hex(ZSTR_VAL(data), ZSTR_LEN(data), hex);
	RETURN_STRINGL(hex, 64);
}

ZEND_METHOD(CloudAcct_Crypto_Signer, hmacSha256)
{
	zend_string *key, *msg;
	bool binary = false;
	unsigned char mac[CLOUDACCT_SHA256_LEN];
	char hex[65];

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(key)
		Z_PARAM_STR(msg)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(binary)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_hmac_sha256(ZSTR_VAL(key), ZSTR_LEN(key), ZSTR_VAL(msg), ZSTR_LEN(msg), mac);
	if (binary) {
		RETVAL_STRINGL((char *) mac, sizeof(mac));
	} else {
		cloudacct_hex(mac, sizeof(mac), hex);
		RETVAL_STRINGL(hex, 64);
	}
	cloudacct_cleanse(mac, sizeof(mac));
}

ZEND_METHOD(CloudAcct_Crypto_Signer, hmacSha1Base64)
{
	zend_string *key, *msg;
	char b64[29];

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(key)
		Z_PARAM_STR(msg)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_hmac_sha1_base64(ZSTR_VAL(key), ZSTR_LEN(key), ZSTR_VAL(msg), ZSTR_LEN(msg), b64);
	RETURN_STRINGL(b64, 28);
}

ZEND_METHOD(CloudAcct_Crypto_Signer, equals)
{
	zend_string *known, *given;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(known)
		Z_PARAM_STR(given)
	ZEND_PARSE_PARAMETERS_END();

	RETURN_BOOL(cloudacct_ct_equal(ZSTR_VAL(known), ZSTR_LEN(known), ZSTR_VAL(given), ZSTR_LEN(given)));
}

ZEND_METHOD(CloudAcct_Crypto_Signer, base64Encode)
{
	zend_string *data;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(data) > (SIZE_MAX / 4) * 3 - 3) {
		zend_argument_value_error(1, "is too long");
		RETURN_THROWS();
	}
	zend_string *out = zend_string_alloc(CLOUDACCT_BASE64_LEN(ZSTR_LEN(data)), 0);
	ZSTR_LEN(out) = cloudacct_base64_encode((const unsigned char *) ZSTR_VAL(data), ZSTR_LEN(data), ZSTR_VAL(out));
	RETURN_NEW_STR(out);
}

/* Decodes into a new string; NULL (nothing thrown) when the input is not strict base64. */
static zend_string *decode(zend_string *b64)
{
	zend_string *out = zend_string_alloc(CLOUDACCT_BASE64_DECODED_MAX(ZSTR_LEN(b64)), 0);
	size_t n = 0;
	if (!cloudacct_base64_decode(ZSTR_VAL(b64), ZSTR_LEN(b64), (unsigned char *) ZSTR_VAL(out), &n)) {
		zend_string_efree(out);
		return NULL;
	}
	ZSTR_LEN(out) = n;
	ZSTR_VAL(out)[n] = '\0';
	return out;
}

ZEND_METHOD(CloudAcct_Crypto_Signer, base64Decode)
{
	zend_string *data;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	zend_string *out = decode(data);
	if (!out) {
		zend_argument_value_error(1, "must be standard base64 with padding");
		RETURN_THROWS();
	}
	RETURN_NEW_STR(out);
}

static void throw_crypto(cloudacct_crypto_status st)
{
	const char *zh = st == CLOUDACCT_CRYPTO_BAD_KEY ? "密钥无法使用，请检查证书或密钥文件"
		: st == CLOUDACCT_CRYPTO_MISMATCH ? "验证失败：数据被篡改或密钥不匹配"
		: st == CLOUDACCT_CRYPTO_BAD_INPUT ? "数据格式不正确"
		: "加解密失败";
	zend_throw_exception_ex(cloudacct_ce_SignatureException, 0, "%s (%s)", zh, cloudacct_crypto_status_message(st));
}

ZEND_METHOD(CloudAcct_Crypto_Signer, rsaSha256Sign)
{
	zend_string *pem, *msg;
	char *sig = NULL;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(pem)
		Z_PARAM_STR(msg)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_crypto_status st = cloudacct_rsa_sha256_sign(ZSTR_VAL(pem), ZSTR_LEN(pem), ZSTR_VAL(msg), ZSTR_LEN(msg), &sig);
	if (st != CLOUDACCT_CRYPTO_OK) {
		throw_crypto(st);
		RETURN_THROWS();
	}
	RETVAL_STRING(sig);
	free(sig);
}

ZEND_METHOD(CloudAcct_Crypto_Signer, rsaSha256Verify)
{
	zend_string *pem, *msg, *sig;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(pem)
		Z_PARAM_STR(msg)
		Z_PARAM_STR(sig)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_crypto_status st = cloudacct_rsa_sha256_verify(ZSTR_VAL(pem), ZSTR_LEN(pem), ZSTR_VAL(msg), ZSTR_LEN(msg),
		ZSTR_VAL(sig), ZSTR_LEN(sig));
	if (st != CLOUDACCT_CRYPTO_OK && st != CLOUDACCT_CRYPTO_MISMATCH) {
		throw_crypto(st);
		RETURN_THROWS();
	}
	RETURN_BOOL(st == CLOUDACCT_CRYPTO_OK);
}

ZEND_METHOD(CloudAcct_Crypto_Signer, aesGcmDecrypt)
{
	zend_string *key, *nonce, *aad, *b64;

	ZEND_PARSE_PARAMETERS_START(4, 4)
		Z_PARAM_STR(key)
		Z_PARAM_STR(nonce)
		Z_PARAM_STR(aad)
		Z_PARAM_STR(b64)
	ZEND_PARSE_PARAMETERS_END();

	zend_string *ct = decode(b64);
	if (!ct) {
		zend_argument_value_error(4, "must be standard base64 with padding");
		RETURN_THROWS();
	}
	zend_string *out = zend_string_alloc(ZSTR_LEN(ct), 0);
	size_t n = 0;
	cloudacct_crypto_status st = cloudacct_aes_gcm_decrypt(ZSTR_VAL(key), ZSTR_LEN(key), ZSTR_VAL(nonce),
		ZSTR_LEN(nonce), ZSTR_VAL(aad), ZSTR_LEN(aad), (const unsigned char *) ZSTR_VAL(ct), ZSTR_LEN(ct),
		(unsigned char *) ZSTR_VAL(out), &n);
	zend_string_efree(ct);
	if (st != CLOUDACCT_CRYPTO_OK) {
		zend_string_efree(out);
		throw_crypto(st);
		RETURN_THROWS();
	}
	ZSTR_LEN(out) = n;
	ZSTR_VAL(out)[n] = '\0';
	RETURN_NEW_STR(out);
}

void cloudacct_crypto_minit(void)
{
	cloudacct_ce_SignatureException = register_class_CloudAcct_Crypto_SignatureException(cloudacct_ce_IntegrationException);
	cloudacct_ce_Signer = register_class_CloudAcct_Crypto_Signer();
}
