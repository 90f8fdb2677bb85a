/* src/money/wxpay_proto.c: the WeChat Pay v3 messages built from their parts equal the
 * reference's vector messages byte for byte and sign to its signatures (§1.11 V3-3…V3-8, V3-11);
 * the Authorization header, timestamps, the 5-minute window, RFC 3339 and path-safe numbers. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "wxpay_vectors.h"
#include "../../src/crypto/crypto.h"
#include "../../src/notices/buf.h"
#include "../../src/money/wxpay_proto.h"

#define NO "1217752501201407033233368018"
#define NONCE "593BEC0C930BF1AFEB40B4A08C8FB242"

static const char *vector_sig(const char *name)
{
	for (size_t i = 0; i < sizeof(wxpay_rsa_vectors) / sizeof(wxpay_rsa_vectors[0]); i++) {
		if (strcmp(wxpay_rsa_vectors[i].name, name) == 0) {
			return wxpay_rsa_vectors[i].sig;
		}
	}
	return "";
}

static const char *vector_msg(const char *name)
{
	for (size_t i = 0; i < sizeof(wxpay_rsa_vectors) / sizeof(wxpay_rsa_vectors[0]); i++) {
		if (strcmp(wxpay_rsa_vectors[i].name, name) == 0) {
			return wxpay_rsa_vectors[i].msg;
		}
	}
	return "";
}

/* The message equals the vector's, and signing it gives the vector's signature. */
static void check(const char *name, cloudacct_buf *b)
{
	char *sig = NULL;
	is_str(cloudacct_buf_str(b), vector_msg(name), "%s message", name);
	cloudacct_rsa_sha256_sign(wxpay_test_key, strlen(wxpay_test_key), b->p, b->len, &sig);
	is_str(sig ? sig : "", vector_sig(name), "%s signature", name);
	free(sig);
	cloudacct_buf_reset(b);
}

int main(void)
{
	cloudacct_buf b = { 0 };
	const char *url = "/v3/pay/transactions/out-trade-no/" NO "?mchid=1900007291";
	const char *refund = "{\"out_trade_no\":\"" NO "\",\"out_refund_no\":\"R" NO "\",\"reason\":\"test\","
		"\"notify_url\":\"https://www.weixin.qq.com/wxpay/refund.php\",\"amount\":{\"refund\":100,\"total\":100,\"currency\":\"CNY\"}}";

	cloudacct_wxpay_request_message(&b, "GET", url, strlen(url), 1554208460LL, NONCE, "", 0);
	check("V3-3", &b);
	url = "/v3/pay/transactions/out-trade-no/" NO "/close";
	cloudacct_wxpay_request_message(&b, "POST", url, strlen(url), 1554208460LL, NONCE, "{\"mchid\":\"1900007291\"}", 22);
	check("V3-4", &b);
	url = "/v3/refund/domestic/refunds";
	cloudacct_wxpay_request_message(&b, "POST", url, strlen(url), 1554208460LL, NONCE, refund, strlen(refund));
	check("V3-5", &b);
	cloudacct_wxpay_paysign_message(&b, "wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
		"prepay_id=wx201410272009395522657a690389285100");
	check("V3-6", &b);
	cloudacct_wxpay_paysign_message(&b, "wxd678efh567hg6787", "1554208460", NONCE, "prepay_id=wx201410272009395522657a690389285100");
	check("V3-7", &b);
	cloudacct_wxpay_answer_message(&b, "1554208460", 10, NONCE, 32, "", 0);
	check("V3-8", &b);

	cloudacct_wxpay_answer_message(&b, "1704081605", 10, "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", 32, wxpay_notify_body,
		strlen(wxpay_notify_body));
	is_int(cloudacct_rsa_sha256_verify(wxpay_test_pub, strlen(wxpay_test_pub), b.p, b.len, wxpay_notify_signature,
		strlen(wxpay_notify_signature)), CLOUDACCT_CRYPTO_OK, "V3-11 notification verifies over its message");
	cloudacct_buf_reset(&b);

	cloudacct_wxpay_auth_header(&b, "1900007291", NONCE, 1554208460LL, "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB", "c2ln");
	is_str(cloudacct_buf_str(&b), "WECHATPAY2-SHA256-RSA2048 mchid=\"1900007291\",nonce_str=\"" NONCE "\",timestamp=\"1554208460\","
		"serial_no=\"408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB\",signature=\"c2ln\"", "Authorization header");
	cloudacct_buf_free(&b);

	long long t = 0;
	ok(cloudacct_wxpay_parse_ts("1554208460", 10, &t) && t == 1554208460LL, "timestamp parses");
	ok(!cloudacct_wxpay_parse_ts("", 0, &t), "empty timestamp refused");
	ok(!cloudacct_wxpay_parse_ts("1554208460.5", 12, &t), "fraction refused");
	ok(!cloudacct_wxpay_parse_ts("-1", 2, &t), "sign refused");
	ok(!cloudacct_wxpay_parse_ts("1234567890123", 13, &t), "13 digits refused");
	ok(cloudacct_wxpay_fresh(1000, 1300) && cloudacct_wxpay_fresh(1300, 1000), "300 s either way is fresh");
	ok(!cloudacct_wxpay_fresh(1000, 1301) && !cloudacct_wxpay_fresh(1301, 1000), "301 s either way is stale");

	is_int((int) (cloudacct_wxpay_rfc3339("2024-01-01T12:00:00+08:00", 25) - 1704081600LL), 0, "RFC 3339 with +08:00");
	is_int((int) (cloudacct_wxpay_rfc3339("2024-01-01T04:00:00Z", 20) - 1704081600LL), 0, "RFC 3339 in UTC");
	is_int((int) (cloudacct_wxpay_rfc3339("2023-12-31T23:30:00-04:30", 25) - 1704081600LL), 0, "negative offset");
	is_int((int) (cloudacct_wxpay_rfc3339("2024-03-01T08:00:00.123+08:00", 29) - 1709251200LL), 0, "fraction, after a leap day");
	ok(cloudacct_wxpay_rfc3339("2024-01-01 12:00:00+08:00", 25) == 0, "space instead of T refused");
	ok(cloudacct_wxpay_rfc3339("2024-01-01T12:00:00", 19) == 0, "no zone refused");
	ok(cloudacct_wxpay_rfc3339("2024-13-01T12:00:00+08:00", 25) == 0, "month 13 refused");
	ok(cloudacct_wxpay_rfc3339("2024-01-01T12:00:00+08:00x", 26) == 0, "trailing junk refused");
	/* Days the month does not have (tests/fuzz fuzz_wxpay, regressions/wxpay/rfc3339-feb-31-accepted). */
	ok(cloudacct_wxpay_rfc3339("2024-02-31T00:00:00Z", 20) == 0, "February 31 refused");
	ok(cloudacct_wxpay_rfc3339("2023-02-29T00:00:00Z", 20) == 0, "February 29 of a common year refused");
	ok(cloudacct_wxpay_rfc3339("2026-04-31T00:00:00+08:00", 25) == 0, "April 31 refused");
	ok(cloudacct_wxpay_rfc3339("2024-02-29T00:00:00Z", 20) == 1709164800LL, "February 29 of a leap year accepted");
	ok(cloudacct_wxpay_rfc3339("2100-02-29T00:00:00Z", 20) == 0, "2100 is no leap year");

	ok(cloudacct_wxpay_no_ok("C20260220abcXYZ_-9", 18, 32), "a number with _ and -");
	ok(!cloudacct_wxpay_no_ok("C2026/../x", 10, 32), "a path refused");
	ok(!cloudacct_wxpay_no_ok("C2026?x=1", 9, 32), "a query refused");
	ok(!cloudacct_wxpay_no_ok("", 0, 32), "empty refused");
	ok(!cloudacct_wxpay_no_ok("123456789012345678901234567890123", 33, 32), "too long refused");
	return done_testing();
}
