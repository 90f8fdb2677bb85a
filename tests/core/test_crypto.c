/* src/crypto: hashes, MACs, base64, constant-time compare, RSA-SHA256 and AES-GCM against the
 * vectors of wechat-protocols.md §1.11 and RFC 4231 / RFC 2202. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "../../src/crypto/crypto.h"
#include "wxpay_vectors.h"

static void test_digests(void)
{
	char hex[65], b64[29];
	unsigned char raw[32];

	cloudacct_sha256_hex("", 0, hex);
	is_str(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "sha256 of empty");
	cloudacct_sha256_hex(wxpay_notify_body, strlen(wxpay_notify_body), hex);
	is_str(hex, "a02c61fade68078c3553a3452b17d410c196739c110f481e1bc266b50a4ab598", "sha256 of the V3-11 body");
	is_int(strlen(wxpay_notify_body), 909, "V3-11 body is 909 bytes");

	cloudacct_hmac_sha256_hex("Jefe", 4, "what do ya want for nothing?", 28, hex);
	is_str(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "RFC 4231 case 2");
	cloudacct_hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, raw);
	is_int(raw[0], 0x5b, "raw HMAC-SHA256 first byte");
	cloudacct_hmac_sha1_base64("Jefe", 4, "what do ya want for nothing?", 28, b64);
	/* RFC 2202 case 2: effcdf6ae5eb2fa2d27416d5f184df9c259a7c79 */
	is_str(b64, "7/zfauXrL6LSdBbV8YTfnCWafHk=", "RFC 2202 case 2, base64");
	cloudacct_hmac_sha256_hex("", 0, "", 0, hex);
	is_str(hex, "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad", "HMAC-SHA256 with empty key");
}

static void test_base64(void)
{
	static const struct { const char *raw, *b64; } v[] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" }, { "foob", "Zm9vYg==" },
		{ "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" }, { "\xff\xfe", "//4=" },
	};
	char enc[16];
	unsigned char dec[16];
	size_t n;

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		cloudacct_base64_encode((const unsigned char *) v[i].raw, strlen(v[i].raw), enc);
		is_str(enc, v[i].b64, "base64(\"%s\")", tap_esc(v[i].raw));
		ok(cloudacct_base64_decode(v[i].b64, strlen(v[i].b64), dec, &n) && n == strlen(v[i].raw)
			&& memcmp(dec, v[i].raw, n) == 0, "decode %s", v[i].b64);
	}
	static const char *bad[] = { "Zg=", "Z===", "Zg==Zg==", "Zm9v\n", "Zm 9", "Zm9-", "=Zm9", "Zg=a",
		/* Non-canonical: bits set past the last byte (found by tests/fuzz, fuzz_wxpay). */
		"Zh==", "Zm9=", "//5=", "Zm9vYh==" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(!cloudacct_base64_decode(bad[i], strlen(bad[i]), dec, &n), "strict decode refuses %s", tap_esc(bad[i]));
	}
}

static void test_compare(void)
{
	ok(cloudacct_ct_equal("abc", 3, "abc", 3), "equal");
	ok(!cloudacct_ct_equal("abc", 3, "abd", 3), "last byte differs");
	ok(!cloudacct_ct_equal("abc", 3, "abcd", 4), "lengths differ");
	ok(cloudacct_ct_equal("", 0, "", 0), "empty equals empty");
	char secret[8] = "s3cr3t!";
	cloudacct_cleanse(secret, sizeof(secret));
	ok(memcmp(secret, "\0\0\0\0\0\0\0\0", 8) == 0, "cleanse zeroes");
}

static void test_rsa(void)
{
	for (size_t i = 0; i < sizeof(wxpay_rsa_vectors) / sizeof(wxpay_rsa_vectors[0]); i++) {
		char *sig = NULL;
		const char *msg = wxpay_rsa_vectors[i].msg;
		cloudacct_crypto_status st =
			cloudacct_rsa_sha256_sign(wxpay_test_key, strlen(wxpay_test_key), msg, strlen(msg), &sig);
		is_int(st, CLOUDACCT_CRYPTO_OK, "%s signs", wxpay_rsa_vectors[i].name);
		is_str(sig, wxpay_rsa_vectors[i].sig, "%s signature", wxpay_rsa_vectors[i].name);
		free(sig);
		is_int(cloudacct_rsa_sha256_verify(wxpay_test_pub, strlen(wxpay_test_pub), msg, strlen(msg),
				   wxpay_rsa_vectors[i].sig, strlen(wxpay_rsa_vectors[i].sig)),
			CLOUDACCT_CRYPTO_OK, "%s verifies with the public key", wxpay_rsa_vectors[i].name);
	}
	/* V3-11: the notification's signature over timestamp\nnonce\nbody\n. */
	char msg[1024];
	int n = snprintf(msg, sizeof(msg), "1704081605\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n%s\n", wxpay_notify_body);
	is_int(cloudacct_rsa_sha256_verify(wxpay_test_pub, strlen(wxpay_test_pub), msg, (size_t) n,
			   wxpay_notify_signature, strlen(wxpay_notify_signature)),
		CLOUDACCT_CRYPTO_OK, "V3-11 notification signature verifies");
	msg[0] = '2';
	is_int(cloudacct_rsa_sha256_verify(wxpay_test_pub, strlen(wxpay_test_pub), msg, (size_t) n,
			   wxpay_notify_signature, strlen(wxpay_notify_signature)),
		CLOUDACCT_CRYPTO_MISMATCH, "a changed timestamp does not verify");
	const char *probe = "WECHATPAY/SIGNTEST/AAAA";
	is_int(cloudacct_rsa_sha256_verify(wxpay_test_pub, strlen(wxpay_test_pub), msg, (size_t) n, probe,
			   strlen(probe)),
		CLOUDACCT_CRYPTO_MISMATCH, "a WECHATPAY/SIGNTEST probe fails");
	char *sig = (char *) 1;
	is_int(cloudacct_rsa_sha256_sign("not a key", 9, "x", 1, &sig), CLOUDACCT_CRYPTO_BAD_KEY, "garbage key");
	ok(sig == NULL, "no signature on failure");
	is_int(cloudacct_rsa_sha256_verify(wxpay_test_key, strlen(wxpay_test_key), "x", 1, "AAAA", 4),
		CLOUDACCT_CRYPTO_BAD_KEY, "a private key is not a public key");
}

static void test_gcm(void)
{
	unsigned char ct[1024], out[1024];
	size_t ct_len, out_len;

	/* V3-10 [SDK]: a 16-byte key, so AES-128-GCM. */
	const char *b64 = "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC";
	ok(cloudacct_base64_decode(b64, strlen(b64), ct, &ct_len), "V3-10 ciphertext decodes");
	is_int(cloudacct_aes_gcm_decrypt("testAPIv3Key0000", 16, "wCq51qZv4Yfg", 12, "Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8",
			   32, ct, ct_len, out, &out_len),
		CLOUDACCT_CRYPTO_OK, "V3-10 decrypts");
	ok(out_len == 11 && memcmp(out, "Hello World", 11) == 0, "V3-10 plaintext is Hello World");

	/* V3-11: AES-256-GCM with the 32-byte APIv3 key. */
	const char *start = strstr(wxpay_notify_body, "\"ciphertext\":\"") + 14;
	size_t len = (size_t) (strchr(start, '"') - start);
	ok(cloudacct_base64_decode(start, len, ct, &ct_len), "V3-11 ciphertext decodes");
	char tag[33];
	cloudacct_hex(ct + ct_len - 16, 16, tag);
	is_str(tag, "ff628bb80d98266eab213a103d817649", "V3-11 tag is the last 16 bytes");
	const char *key = "0123456789abcdef0123456789abcdef";
	is_int(cloudacct_aes_gcm_decrypt(key, 32, "fdasflkja484", 12, "transaction", 11, ct, ct_len, out, &out_len),
		CLOUDACCT_CRYPTO_OK, "V3-11 decrypts");
	ok(out_len == strlen(wxpay_notify_plain) && memcmp(out, wxpay_notify_plain, out_len) == 0,
		"V3-11 plaintext is the transaction");
	is_int(cloudacct_aes_gcm_decrypt(key, 32, "fdasflkja484", 12, "refund", 6, ct, ct_len, out, &out_len),
		CLOUDACCT_CRYPTO_MISMATCH, "wrong associated_data is rejected");
	ok(out_len == 0 && out[0] == 0, "nothing of a rejected plaintext is left");
	ct[ct_len - 1] ^= 1;
	is_int(cloudacct_aes_gcm_decrypt(key, 32, "fdasflkja484", 12, "transaction", 11, ct, ct_len, out, &out_len),
		CLOUDACCT_CRYPTO_MISMATCH, "a flipped tag bit is rejected");
	is_int(cloudacct_aes_gcm_decrypt("short", 5, "fdasflkja484", 12, "", 0, ct, ct_len, out, &out_len),
		CLOUDACCT_CRYPTO_BAD_KEY, "a 5-byte key is refused");
	is_int(cloudacct_aes_gcm_decrypt(key, 32, "fdasflkja484", 12, "", 0, ct, 15, out, &out_len),
		CLOUDACCT_CRYPTO_BAD_INPUT, "shorter than the tag");
}

int main(void)
{
	test_digests();
	test_base64();
	test_compare();
	test_rsa();
	test_gcm();
	return done_testing();
}
