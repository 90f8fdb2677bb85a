/*
 * WeChat Pay notification headers and resource (src/money/wxpay_proto.c, src/crypto/crypto.c),
 * the Zend-free part of what wxpay.c does with an incoming notify. Input fields, separated by
 * 0xFF: Wechatpay-Timestamp | Wechatpay-Nonce | body | Wechatpay-Signature | success_time |
 * out_trade_no | plaintext | iv | aad | tamper bytes.
 * Properties:
 * - the timestamp is 1..12 digits and parses to its decimal value; the 300 s window is symmetric;
 * - the signed message is exactly "ts\nnonce\nbody\n";
 * - a signature only verifies against the reference's platform key if it decodes to the same
 *   bytes as the reference's signature over the same message (RSA PKCS#1 v1.5 is
 *   deterministic); base64 decoding is canonical (decode then encode gives the input back);
 * - success_time: what parses is a real calendar date and time, equal to a recomputation;
 * - out_trade_no: 1..32 of [0-9A-Za-z_-];
 * - AES-256-GCM: what OpenSSL encrypts here decrypts to the plaintext; any tampered byte of
 *   ciphertext, tag, iv or aad fails and leaves no plaintext in the output.
 */
#include <openssl/evp.h>

#include "../core/wxpay_vectors.h"
#include "calendar.h"
#include "crypto.h"
#include "fuzz.h"
#include "wxpay_proto.h"

static void check_ts(const char *s, size_t n)
{
	long long v = -1;
	bool digits = n >= 1 && n <= 12;
	long long want = 0;
	for (size_t i = 0; digits && i < n; i++) {
		digits = s[i] >= '0' && s[i] <= '9';
		want = want * 10 + (s[i] - '0');
	}
	FUZZ_CHECK(cloudacct_wxpay_parse_ts(s, n, &v) == digits);
	if (digits) {
		FUZZ_CHECK(v == want);
		long long now = 1704081605LL + (long long) (n * 97) - 600;
		long long diff = v > now ? v - now : now - v;
		FUZZ_CHECK(cloudacct_wxpay_fresh(v, now) == (diff <= 300));
		FUZZ_CHECK(cloudacct_wxpay_fresh(now, v) == (diff <= 300));
	}
}

static void check_base64(const char *s, size_t n)
{
	unsigned char *raw = malloc(CLOUDACCT_BASE64_DECODED_MAX(n) + 1);
	size_t rn = 0;
	FUZZ_CHECK(raw);
	if (cloudacct_base64_decode(s, n, raw, &rn)) {
		char *again = malloc(CLOUDACCT_BASE64_LEN(rn) + 1);
		FUZZ_CHECK(again);
		size_t an = cloudacct_base64_encode(raw, rn, again);
		FUZZ_CHECK(an == n && memcmp(again, s, n) == 0);
		free(again);
	}
	free(raw);
}

static void check_rfc3339(const char *s, size_t n)
{
	long long t = cloudacct_wxpay_rfc3339(s, n);
	if (t == 0) {
		return;
	}
	/* Recompute from the fields (the parser accepted the shape, so they are digits). */
	int y = atoi((char[]) { s[0], s[1], s[2], s[3], 0 }), mo = (s[5] - '0') * 10 + s[6] - '0';
	int d = (s[8] - '0') * 10 + s[9] - '0', h = (s[11] - '0') * 10 + s[12] - '0';
	int mi = (s[14] - '0') * 10 + s[15] - '0', sec = (s[17] - '0') * 10 + s[18] - '0';
	int off = 0;
	if (s[n - 1] != 'Z' && s[n - 1] != 'z') {
		const char *z = s + n - 6;
		off = (z[0] == '-' ? -1 : 1) * (((z[1] - '0') * 10 + z[2] - '0') * 3600 + ((z[4] - '0') * 10 + z[5] - '0') * 60);
	}
	FUZZ_CHECK(y >= 1970 && mo >= 1 && mo <= 12 && h <= 23 && mi <= 59 && sec <= 60);
	/* A day that exists in that month (2024-02-30 is no date). */
	int mdays = mo == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28)
			   : (mo == 4 || mo == 6 || mo == 9 || mo == 11) ? 30
															 : 31;
	FUZZ_CHECK(d >= 1 && d <= mdays);
	long long want = cloudacct_days_from_civil(y, (unsigned) mo, (unsigned) d) * 86400 + h * 3600 + mi * 60 + sec - off;
	FUZZ_CHECK(t == want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_in in = { data, size };
	size_t tsn, nn, bn, sn, rn, on, pn, ivn, an, xn;
	const char *ts = fuzz_take_field(&in, (char) 0xFF, &tsn);
	const char *nonce = fuzz_take_field(&in, (char) 0xFF, &nn);
	const char *body = fuzz_take_field(&in, (char) 0xFF, &bn);
	const char *sig = fuzz_take_field(&in, (char) 0xFF, &sn);
	const char *rfc = fuzz_take_field(&in, (char) 0xFF, &rn);
	const char *no = fuzz_take_field(&in, (char) 0xFF, &on);
	const char *plain = fuzz_take_field(&in, (char) 0xFF, &pn);
	const char *iv = fuzz_take_field(&in, (char) 0xFF, &ivn);
	const char *aad = fuzz_take_field(&in, (char) 0xFF, &an);
	const char *tamper = fuzz_take_field(&in, (char) 0xFF, &xn);

	check_ts(ts, tsn);
	check_base64(sig, sn);
	check_base64(body, bn);
	check_rfc3339(rfc, rn);

	bool no_ok = on >= 1 && on <= 32;
	for (size_t i = 0; no_ok && i < on; i++) {
		char c = no[i];
		no_ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
	}
	FUZZ_CHECK(cloudacct_wxpay_no_ok(no, on, 32) == no_ok);

	/* The signed message, and the signature check against the reference's platform key. */
	cloudacct_buf msg = { 0 };
	cloudacct_wxpay_answer_message(&msg, ts, tsn, nonce, nn, body, bn);
	FUZZ_CHECK(!msg.oom && msg.len == tsn + nn + bn + 3);
	FUZZ_CHECK(memcmp(msg.p, ts, tsn) == 0 && msg.p[tsn] == '\n');
	FUZZ_CHECK(memcmp(msg.p + tsn + 1, nonce, nn) == 0 && msg.p[tsn + 1 + nn] == '\n');
	FUZZ_CHECK(memcmp(msg.p + tsn + nn + 2, body, bn) == 0 && msg.p[msg.len - 1] == '\n');
	/* Only a signature of RSA-2048 size is worth the key parsing (the rest fails in base64 or in
	 * the size check, which check_base64 and the seeds cover): keeps the target fast. */
	unsigned char sig_raw[CLOUDACCT_BASE64_DECODED_MAX(344) + 1];
	size_t sig_raw_len = 0;
	if (sn == 344 && cloudacct_base64_decode(sig, sn, sig_raw, &sig_raw_len) && sig_raw_len == 256) {
		cloudacct_crypto_status st = cloudacct_rsa_sha256_verify(wxpay_test_pub, strlen(wxpay_test_pub), msg.p, msg.len,
			sig, sn);
		if (st == CLOUDACCT_CRYPTO_OK) {
			/* Only the reference notification is signed by this key in the corpus. */
			FUZZ_CHECK(msg.len == strlen(wxpay_notify_body) + 10 + 32 + 3);
			unsigned char a[512], b[512];
			size_t alen = 0, blen = 0;
			FUZZ_CHECK(cloudacct_base64_decode(sig, sn, a, &alen));
			FUZZ_CHECK(cloudacct_base64_decode(wxpay_notify_signature, strlen(wxpay_notify_signature), b, &blen));
			FUZZ_CHECK(alen == blen && memcmp(a, b, alen) == 0);
		}
	}
	cloudacct_buf_free(&msg);

	/* AES-256-GCM round trip and tampering. */
	if (ivn >= 1 && ivn <= 64 && pn <= 4096) {
		static const unsigned char key[32] = "0123456789abcdef0123456789ABCDEF";
		unsigned char *ct = malloc(pn + 16), *out = malloc(pn + 1);
		int len = 0, fin = 0;
		EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
		FUZZ_CHECK(ct && out && ctx);
		FUZZ_CHECK(EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1);
		FUZZ_CHECK(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, (int) ivn, NULL) == 1);
		FUZZ_CHECK(EVP_EncryptInit_ex(ctx, NULL, NULL, key, (const unsigned char *) iv) == 1);
		FUZZ_CHECK(EVP_EncryptUpdate(ctx, NULL, &len, (const unsigned char *) aad, (int) an) == 1);
		FUZZ_CHECK(EVP_EncryptUpdate(ctx, ct, &len, (const unsigned char *) plain, (int) pn) == 1);
		FUZZ_CHECK(EVP_EncryptFinal_ex(ctx, ct + len, &fin) == 1);
		FUZZ_CHECK(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, ct + pn) == 1);
		EVP_CIPHER_CTX_free(ctx);

		size_t got = 0;
		FUZZ_CHECK(cloudacct_aes_gcm_decrypt(key, 32, iv, ivn, aad, an, ct, pn + 16, out, &got) == CLOUDACCT_CRYPTO_OK);
		FUZZ_CHECK(got == pn && memcmp(out, plain, pn) == 0);

		if (xn >= 2) {
			/* tamper[0] picks what to change, tamper[1] the xor mask (never 0). */
			unsigned char mask = (unsigned char) (tamper[1] | 1);
			unsigned char *ivx = malloc(ivn), *aadx = malloc(an + 1);
			FUZZ_CHECK(ivx && aadx);
			memcpy(ivx, iv, ivn);
			memcpy(aadx, aad, an);
			size_t which = (unsigned char) tamper[0] % 3;
			if (which == 0 || (which == 2 && an == 0)) {
				ct[(size_t) (unsigned char) tamper[0] % (pn + 16)] ^= mask;
			} else if (which == 1) {
				ivx[(size_t) (unsigned char) tamper[0] % ivn] ^= mask;
			} else {
				aadx[(size_t) (unsigned char) tamper[0] % an] ^= mask;
			}
			memset(out, 0xAA, pn + 1);
			FUZZ_CHECK(cloudacct_aes_gcm_decrypt(key, 32, ivx, ivn, aadx, an, ct, pn + 16, out, &got) != CLOUDACCT_CRYPTO_OK);
			for (size_t i = 0; i < pn; i++) {
				FUZZ_CHECK(out[i] == 0 || out[i] == 0xAA); /* untouched or cleansed */
			}
			free(ivx);
			free(aadx);
		}
		free(ct);
		free(out);
	}
	return 0;
}
