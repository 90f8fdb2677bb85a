/*
 * OpenSSL wrappers for the integrations (DESIGN §2): SHA-256, HMAC-SHA256/SHA1, base64,
 * constant-time compare, RSA-SHA256 (WeChat Pay v3), AES-GCM (WeChat Pay v3 notifications).
 * Pure C, no Zend headers: tests/core links this file with -lcrypto alone.
 * Every function leaves OpenSSL's error queue empty, so PHP's openssl extension never sees
 * our failures.
 */
#ifndef CLOUDACCT_CRYPTO_H
#define CLOUDACCT_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

#define CLOUDACCT_SHA256_LEN 32
#define CLOUDACCT_SHA1_LEN 20
#define CLOUDACCT_GCM_TAG_LEN 16
/* Characters of the padded base64 form of n bytes (no NUL). */
#define CLOUDACCT_BASE64_LEN(n) (4 * (((n) + 2) / 3))
/* Upper bound of the bytes decoded from n base64 characters. */
#define CLOUDACCT_BASE64_DECODED_MAX(n) (3 * ((n) / 4))

typedef enum {
	CLOUDACCT_CRYPTO_OK = 0,
	CLOUDACCT_CRYPTO_BAD_KEY,   /* the key (PEM, AES key length) is unusable */
	CLOUDACCT_CRYPTO_BAD_INPUT, /* malformed base64, IV, ciphertext shorter than the tag */
	CLOUDACCT_CRYPTO_MISMATCH,  /* signature or GCM tag does not verify */
	CLOUDACCT_CRYPTO_INTERNAL   /* OpenSSL failed (out of memory…) */
} cloudacct_crypto_status;

/* Short English reason for logs and exception hints. Never NULL. */
const char *cloudacct_crypto_status_message(cloudacct_crypto_status st);

void cloudacct_sha256(const void *data, size_t len, unsigned char out[CLOUDACCT_SHA256_LEN]);
/* Lowercase hex, NUL-terminated (65 bytes). */
void cloudacct_sha256_hex(const void *data, size_t len, char out[2 * CLOUDACCT_SHA256_LEN + 1]);

void cloudacct_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t msg_len,
	unsigned char out[CLOUDACCT_SHA256_LEN]);
void cloudacct_hmac_sha256_hex(const void *key, size_t key_len, const void *msg, size_t msg_len,
	char out[2 * CLOUDACCT_SHA256_LEN + 1]);
void cloudacct_hmac_sha1(const void *key, size_t key_len, const void *msg, size_t msg_len,
	unsigned char out[CLOUDACCT_SHA1_LEN]);
/* Base64 of HMAC-SHA1, NUL-terminated (29 bytes): Aliyun RPC signature v1. */
void cloudacct_hmac_sha1_base64(const void *key, size_t key_len, const void *msg, size_t msg_len,
	char out[CLOUDACCT_BASE64_LEN(CLOUDACCT_SHA1_LEN) + 1]);

/* Lowercase hex of len bytes into out (2 * len + 1 bytes, NUL-terminated). */
void cloudacct_hex(const unsigned char *in, size_t len, char *out);

/* Standard alphabet, '=' padding, no line breaks; out holds CLOUDACCT_BASE64_LEN(len) + 1.
 * Returns the length written (without the NUL). */
size_t cloudacct_base64_encode(const unsigned char *in, size_t len, char *out);
/* Strict: standard alphabet, length a multiple of 4, padding only at the end, no whitespace.
 * out holds CLOUDACCT_BASE64_DECODED_MAX(len) bytes. */
bool cloudacct_base64_decode(const char *in, size_t len, unsigned char *out, size_t *out_len);

/* Equal lengths and equal bytes, in time independent of where they differ (CRYPTO_memcmp). */
bool cloudacct_ct_equal(const void *a, size_t a_len, const void *b, size_t b_len);

/* Overwrites secret bytes in a way the compiler cannot drop (OPENSSL_cleanse). */
void cloudacct_cleanse(void *p, size_t len);

/* Base64(RSASSA-PKCS1-v1_5(SHA-256)) with a PEM private key (PKCS#1 or PKCS#8).
 * *sig_b64 is malloc()ed and NUL-terminated; the caller frees it. */
cloudacct_crypto_status cloudacct_rsa_sha256_sign(const char *key_pem, size_t key_len, const void *msg,
	size_t msg_len, char **sig_b64);
/* key_pem is a PUBLIC KEY PEM or an X.509 certificate PEM (WeChat Pay platform certificate). */
cloudacct_crypto_status cloudacct_rsa_sha256_verify(const char *key_pem, size_t key_len, const void *msg,
	size_t msg_len, const char *sig_b64, size_t sig_len);

/* AES-GCM decryption with the tag as the last 16 bytes of data (WeChat Pay v3 resources).
 * key_len 32 selects AES-256 (the APIv3 key); 16 and 24 are accepted for the other sizes.
 * out holds data_len - 16 bytes; on any failure nothing of the plaintext is left in out. */
cloudacct_crypto_status cloudacct_aes_gcm_decrypt(const void *key, size_t key_len, const void *iv,
	size_t iv_len, const void *aad, size_t aad_len, const unsigned char *data, size_t data_len,
	unsigned char *out, size_t *out_len);

#endif
