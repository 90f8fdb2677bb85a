/* OpenSSL wrappers (crypto.h). No Zend: memory is malloc()/free(). */
#include "crypto.h"

#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

const char *cloudacct_crypto_status_message(cloudacct_crypto_status st)
{
	switch (st) {
	case CLOUDACCT_CRYPTO_OK:
		return "ok";
	case CLOUDACCT_CRYPTO_BAD_KEY:
		return "unusable key";
	case CLOUDACCT_CRYPTO_BAD_INPUT:
		return "malformed input";
	case CLOUDACCT_CRYPTO_MISMATCH:
		return "verification failed";
	case CLOUDACCT_CRYPTO_INTERNAL:
		break;
	}
	return "OpenSSL failure";
}

void cloudacct_hex(const unsigned char *in, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < len; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 0x0f];
	}
	out[2 * len] = '\0';
}

void cloudacct_sha256(const void *data, size_t len, unsigned char out[CLOUDACCT_SHA256_LEN])
{
	unsigned int n = 0;
	/* EVP_Digest cannot fail for SHA-256 short of memory exhaustion; zeroes are the safe answer. */
	if (!EVP_Digest(data, len, out, &n, EVP_sha256(), NULL)) {
		memset(out, 0, CLOUDACCT_SHA256_LEN);
		ERR_clear_error();
	}
}

void cloudacct_sha256_hex(const void *data, size_t len, char out[2 * CLOUDACCT_SHA256_LEN + 1])
{
	unsigned char md[CLOUDACCT_SHA256_LEN];
	cloudacct_sha256(data, len, md);
	cloudacct_hex(md, sizeof(md), out);
}

static void hmac(const EVP_MD *md, const void *key, size_t key_len, const void *msg, size_t msg_len,
	unsigned char *out, size_t out_len)
{
	unsigned int n = 0;
	/* HMAC() wants a non-NULL key pointer even for an empty key. */
	if (!HMAC(md, key_len ? key : "", (int) key_len, msg, msg_len, out, &n)) {
		memset(out, 0, out_len);
		ERR_clear_error();
	}
}

void cloudacct_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t msg_len,
	unsigned char out[CLOUDACCT_SHA256_LEN])
{
	hmac(EVP_sha256(), key, key_len, msg, msg_len, out, CLOUDACCT_SHA256_LEN);
}

void cloudacct_hmac_sha256_hex(const void *key, size_t key_len, const void *msg, size_t msg_len,
	char out[2 * CLOUDACCT_SHA256_LEN + 1])
{
	unsigned char mac[CLOUDACCT_SHA256_LEN];
	cloudacct_hmac_sha256(key, key_len, msg, msg_len, mac);
	cloudacct_hex(mac, sizeof(mac), out);
}

void cloudacct_hmac_sha1(const void *key, size_t key_len, const void *msg, size_t msg_len,
	unsigned char out[CLOUDACCT_SHA1_LEN])
{
	hmac(EVP_sha1(), key, key_len, msg, msg_len, out, CLOUDACCT_SHA1_LEN);
}

void cloudacct_hmac_sha1_base64(const void *key, size_t key_len, const void *msg, size_t msg_len,
	char out[CLOUDACCT_BASE64_LEN(CLOUDACCT_SHA1_LEN) + 1])
{
	unsigned char mac[CLOUDACCT_SHA1_LEN];
	cloudacct_hmac_sha1(key, key_len, msg, msg_len, mac);
	cloudacct_base64_encode(mac, sizeof(mac), out);
}

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

size_t cloudacct_base64_encode(const unsigned char *in, size_t len, char *out)
{
	size_t o = 0, i = 0;
	for (; i + 2 < len; i += 3) {
		unsigned v = (unsigned) in[i] << 16 | (unsigned) in[i + 1] << 8 | in[i + 2];
		out[o++] = b64_alphabet[v >> 18];
		out[o++] = b64_alphabet[(v >> 12) & 63];
		out[o++] = b64_alphabet[(v >> 6) & 63];
		out[o++] = b64_alphabet[v & 63];
	}
	if (i < len) {
		unsigned v = (unsigned) in[i] << 16 | (i + 1 < len ? (unsigned) in[i + 1] << 8 : 0);
		out[o++] = b64_alphabet[v >> 18];
		out[o++] = b64_alphabet[(v >> 12) & 63];
		out[o++] = i + 1 < len ? b64_alphabet[(v >> 6) & 63] : '=';
		out[o++] = '=';
	}
	out[o] = '\0';
	return o;
}

static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z') {
		return c - 'A';
	}
	if (c >= 'a' && c <= 'z') {
		return c - 'a' + 26;
	}
	if (c >= '0' && c <= '9') {
		return c - '0' + 52;
	}
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

bool cloudacct_base64_decode(const char *in, size_t len, unsigned char *out, size_t *out_len)
{
	size_t o = 0;
	if (len % 4 != 0) {
		return false;
	}
	for (size_t i = 0; i < len; i += 4) {
		bool last = i + 4 == len;
		int pad = last ? (in[i + 3] == '=') + (in[i + 3] == '=' && in[i + 2] == '=') : 0;
		int v[4];
		for (int k = 0; k < 4 - pad; k++) {
			if ((v[k] = b64_value((unsigned char) in[i + k])) < 0) {
				return false;
			}
		}
		for (int k = 4 - pad; k < 4; k++) {
			v[k] = 0;
		}
		/* The bits past the last byte must be 0, so that each byte string has one spelling
		 * ("Zh==" is not a second "f"): found by tests/fuzz (fuzz_wxpay). */
		if ((pad == 1 && (v[2] & 3) != 0) || (pad == 2 && (v[1] & 15) != 0)) {
			return false;
		}
		unsigned bits = (unsigned) v[0] << 18 | (unsigned) v[1] << 12 | (unsigned) v[2] << 6 | (unsigned) v[3];
		out[o++] = (unsigned char) (bits >> 16);
		if (pad < 2) {
			out[o++] = (unsigned char) (bits >> 8);
		}
		if (pad < 1) {
			out[o++] = (unsigned char) bits;
		}
	}
	*out_len = o;
	return true;
}

bool cloudacct_ct_equal(const void *a, size_t a_len, const void *b, size_t b_len)
{
	/* The lengths are public (signatures and MACs have fixed sizes); the bytes are not. */
	return a_len == b_len && CRYPTO_memcmp(a, b, a_len) == 0;
}

void cloudacct_cleanse(void *p, size_t len)
{
	if (p && len) {
		OPENSSL_cleanse(p, len);
	}
}

static EVP_PKEY *read_private_key(const char *pem, size_t len)
{
	BIO *bio = BIO_new_mem_buf(pem, (int) len);
	EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
	BIO_free(bio);
	return key;
}

static bool contains(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++) {
		if (memcmp(hay + i, needle, n) == 0) {
			return true;
		}
	}
	return false;
}

static EVP_PKEY *read_public_key(const char *pem, size_t len)
{
	BIO *bio = BIO_new_mem_buf(pem, (int) len);
	EVP_PKEY *key = NULL;
	if (!bio) {
		return NULL;
	}
	if (contains(pem, len, "-----BEGIN CERTIFICATE-----")) {
		X509 *cert = PEM_read_bio_X509(bio, NULL, NULL, NULL);
		if (cert) {
			key = X509_get_pubkey(cert);
			X509_free(cert);
		}
	} else {
		key = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
	}
	BIO_free(bio);
	return key;
}

static bool is_rsa(EVP_PKEY *key)
{
	return EVP_PKEY_base_id(key) == EVP_PKEY_RSA;
}

cloudacct_crypto_status cloudacct_rsa_sha256_sign(const char *key_pem, size_t key_len, const void *msg,
	size_t msg_len, char **sig_b64)
{
	cloudacct_crypto_status st = CLOUDACCT_CRYPTO_INTERNAL;
	EVP_PKEY *key = read_private_key(key_pem, key_len);
	EVP_MD_CTX *ctx = NULL;
	unsigned char *sig = NULL;
	size_t sig_len = 0;

	*sig_b64 = NULL;
	if (!key || !is_rsa(key)) {
		st = CLOUDACCT_CRYPTO_BAD_KEY;
		goto done;
	}
	if (!(ctx = EVP_MD_CTX_new()) || EVP_DigestSignInit(ctx, NULL, EVP_sha256(), NULL, key) != 1
		|| EVP_DigestSign(ctx, NULL, &sig_len, msg, msg_len) != 1 || !(sig = malloc(sig_len))
		|| EVP_DigestSign(ctx, sig, &sig_len, msg, msg_len) != 1) {
		goto done;
	}
	if ((*sig_b64 = malloc(CLOUDACCT_BASE64_LEN(sig_len) + 1))) {
		cloudacct_base64_encode(sig, sig_len, *sig_b64);
		st = CLOUDACCT_CRYPTO_OK;
	}
done:
	free(sig);
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(key);
	ERR_clear_error();
	return st;
}

cloudacct_crypto_status cloudacct_rsa_sha256_verify(const char *key_pem, size_t key_len, const void *msg,
	size_t msg_len, const char *sig_b64, size_t sig_len)
{
	cloudacct_crypto_status st = CLOUDACCT_CRYPTO_INTERNAL;
	EVP_PKEY *key = read_public_key(key_pem, key_len);
	EVP_MD_CTX *ctx = NULL;
	unsigned char *sig = malloc(CLOUDACCT_BASE64_DECODED_MAX(sig_len) + 1);
	size_t raw_len = 0;

	if (!key || !is_rsa(key)) {
		st = CLOUDACCT_CRYPTO_BAD_KEY;
		goto done;
	}
	if (!sig) {
		goto done;
	}
	/* WeChat's "WECHATPAY/SIGNTEST/…" probes are not base64: they simply fail, as they must. */
	if (!cloudacct_base64_decode(sig_b64, sig_len, sig, &raw_len)) {
		st = CLOUDACCT_CRYPTO_MISMATCH;
		goto done;
	}
	if (!(ctx = EVP_MD_CTX_new()) || EVP_DigestVerifyInit(ctx, NULL, EVP_sha256(), NULL, key) != 1) {
		goto done;
	}
	st = EVP_DigestVerify(ctx, sig, raw_len, msg, msg_len) == 1 ? CLOUDACCT_CRYPTO_OK : CLOUDACCT_CRYPTO_MISMATCH;
done:
	free(sig);
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(key);
	ERR_clear_error();
	return st;
}

static const EVP_CIPHER *gcm_cipher(size_t key_len)
{
	switch (key_len) {
	case 16:
		return EVP_aes_128_gcm();
	case 24:
		return EVP_aes_192_gcm();
	case 32:
		return EVP_aes_256_gcm();
	}
	return NULL;
}

cloudacct_crypto_status cloudacct_aes_gcm_decrypt(const void *key, size_t key_len, const void *iv,
	size_t iv_len, const void *aad, size_t aad_len, const unsigned char *data, size_t data_len,
	unsigned char *out, size_t *out_len)
{
	const EVP_CIPHER *cipher = gcm_cipher(key_len);
	cloudacct_crypto_status st = CLOUDACCT_CRYPTO_INTERNAL;
	EVP_CIPHER_CTX *ctx = NULL;
	size_t ct_len = data_len - CLOUDACCT_GCM_TAG_LEN;
	int n = 0, fin = 0;

	*out_len = 0;
	if (!cipher) {
		return CLOUDACCT_CRYPTO_BAD_KEY;
	}
	if (data_len < CLOUDACCT_GCM_TAG_LEN || iv_len == 0 || iv_len > 64 || ct_len > (size_t) 0x7fffffff) {
		return CLOUDACCT_CRYPTO_BAD_INPUT;
	}
	if (!(ctx = EVP_CIPHER_CTX_new()) || EVP_DecryptInit_ex(ctx, cipher, NULL, NULL, NULL) != 1
		|| EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, (int) iv_len, NULL) != 1
		|| EVP_DecryptInit_ex(ctx, NULL, NULL, key, iv) != 1
		|| (aad_len && EVP_DecryptUpdate(ctx, NULL, &n, aad, (int) aad_len) != 1)
		|| EVP_DecryptUpdate(ctx, out, &n, data, (int) ct_len) != 1
		|| EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, CLOUDACCT_GCM_TAG_LEN, (void *) (data + ct_len)) != 1) {
		cloudacct_cleanse(out, ct_len);
		goto done;
	}
	/* Final is where the tag is checked: a failure means forged or corrupted data. */
	if (EVP_DecryptFinal_ex(ctx, out + n, &fin) != 1) {
		cloudacct_cleanse(out, ct_len);
		st = CLOUDACCT_CRYPTO_MISMATCH;
		goto done;
	}
	*out_len = (size_t) n + (size_t) fin;
	st = CLOUDACCT_CRYPTO_OK;
done:
	EVP_CIPHER_CTX_free(ctx);
	ERR_clear_error();
	return st;
}
