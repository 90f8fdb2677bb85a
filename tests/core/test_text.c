/* Text validation: strict UTF-8, control characters, lengths, phones, identifiers. */
#include <string.h>

#include "tap.h"
#include "text.h"

/* Hex dump of a byte string for test names ("ED A0 80"). */
static const char *hex(const char *s, size_t len)
{
	static char bufs[2][128];
	static int next;
	char *b = bufs[next++ % 2];
	size_t i, n = 0;

	for (i = 0; i < len && n + 4 < sizeof(bufs[0]); i++) {
		n += (size_t) snprintf(b + n, 4, "%s%02X", i ? " " : "", (unsigned char) s[i]);
	}
	b[n] = '\0';
	return len == 0 ? "(empty)" : b;
}

#define VALID(lit, chars) check_utf8(lit, sizeof(lit) - 1, true, chars)
#define INVALID(lit) check_utf8(lit, sizeof(lit) - 1, false, 0)

static void check_utf8(const char *s, size_t len, bool valid, size_t chars)
{
	ok(cloudacct_utf8_valid(s, len) == valid, "%s is %s UTF-8", hex(s, len),
	   valid ? "valid" : "invalid");
	if (valid) {
		is_int(cloudacct_utf8_chars(s, len), chars, "%s has %zu code points", hex(s, len), chars);
	}
}

static void test_utf8_valid(void)
{
	VALID("", 0);
	VALID("a", 1);
	VALID("hello", 5);
	VALID("\x01", 1); /* control, but valid UTF-8 */
	VALID("\x7F", 1);
	VALID("\xC2\x80", 1);                 /* U+0080, smallest 2-byte */
	VALID("\xC2\xA9", 1);                 /* © */
	VALID("\xDF\xBF", 1);                 /* U+07FF */
	VALID("\xE0\xA0\x80", 1);             /* U+0800, smallest 3-byte */
	VALID("\xE4\xB8\xAD\xE6\x96\x87", 2); /* 中文 */
	VALID("云会计", 3);
	VALID("\xED\x9F\xBF", 1);     /* U+D7FF, just below the surrogates */
	VALID("\xEE\x80\x80", 1);     /* U+E000, just above them */
	VALID("\xEF\xBB\xBF", 1);     /* BOM is a code point like any other */
	VALID("\xEF\xBF\xBD", 1);     /* U+FFFD */
	VALID("\xEF\xBF\xBF", 1);     /* U+FFFF (noncharacter, still UTF-8) */
	VALID("\xF0\x90\x80\x80", 1); /* U+10000, smallest 4-byte */
	VALID("\xF0\x9F\x98\x80", 1); /* 😀 */
	VALID("👍好", 2);
	VALID("\xF4\x8F\xBF\xBF", 1); /* U+10FFFF, the last code point */
	VALID("a\xC3\xA9"
		  "b\xE2\x82\xAC"
		  "c\xF0\x9F\x92\xB0",
		  6); /* aébé€c💰 mixed widths */
	VALID("张三 13800138000", 14);
}

static void test_utf8_invalid(void)
{
	INVALID("\x00"); /* NUL is never text here */
	INVALID("a\x00"
			"b");
	INVALID("\x80"); /* lone continuation */
	INVALID("\xBF");
	INVALID("a\x80"
			"b");
	INVALID("\xC0\x80");                 /* overlong NUL */
	INVALID("\xC0\xAF");                 /* overlong '/' */
	INVALID("\xC1\xBF");                 /* overlong U+007F */
	INVALID("\xE0\x80\x80");             /* overlong 3-byte */
	INVALID("\xE0\x9F\xBF");             /* overlong U+07FF */
	INVALID("\xF0\x80\x80\x80");         /* overlong 4-byte */
	INVALID("\xF0\x8F\xBF\xBF");         /* overlong U+FFFF */
	INVALID("\xED\xA0\x80");             /* U+D800, high surrogate */
	INVALID("\xED\xAF\xBF");             /* U+DBFF */
	INVALID("\xED\xB0\x80");             /* U+DC00, low surrogate */
	INVALID("\xED\xBF\xBF");             /* U+DFFF */
	INVALID("\xED\xA0\xBD\xED\xB8\x80"); /* CESU-8 surrogate pair for 😀 */
	INVALID("\xF4\x90\x80\x80");         /* U+110000 */
	INVALID("\xF4\xBF\xBF\xBF");
	INVALID("\xF5\x80\x80\x80"); /* lead byte above F4 */
	INVALID("\xF7\xBF\xBF\xBF");
	INVALID("\xF8\x88\x80\x80\x80");     /* old 5-byte form */
	INVALID("\xFC\x84\x80\x80\x80\x80"); /* old 6-byte form */
	INVALID("\xFE");
	INVALID("\xFF");
	INVALID("\xC2");     /* truncated 2-byte */
	INVALID("\xE4\xB8"); /* truncated 3-byte */
	INVALID("\xE4");
	INVALID("\xF0\x9F\x98"); /* truncated 4-byte */
	INVALID("\xF0\x9F");
	INVALID("\xF0");
	INVALID("\xE4\xB8"
			"a"); /* truncated, then ASCII */
	INVALID("\xC2"
			"a");
	INVALID("\xF0\x9F\x98"
			"a");
	INVALID("\xE4\xB8\xAD\xE6"); /* 中 then a cut-off 文 */
	INVALID("\xC2\xC2\x80");     /* lead byte where a continuation belongs */
	INVALID("\xE4\x41\xAD");
	INVALID("\xF0\x9F\x41\x80");
	INVALID("\xF0\x9F\x98\x41");
	INVALID("\xC3\xA9\xA9"); /* one continuation too many */
}

static void test_utf8_len_bound(void)
{
	const char *s = "\xE4\xB8\xAD\xE6\x96\x87";

	ok(!cloudacct_utf8_valid(s, 5), "a sequence cut by len is invalid");
	ok(cloudacct_utf8_valid(s, 3), "the first whole character is valid");
	ok(cloudacct_utf8_valid(s, 0), "length 0 is valid");
	ok(cloudacct_utf8_valid(NULL, 0), "NULL with length 0 is valid");
	is_int(cloudacct_utf8_chars(NULL, 0), 0, "NULL with length 0 has no characters");
}

/* Every 2-byte lead from C0 to DF against every continuation: only C2..DF pass. */
static void test_utf8_exhaustive_2byte(void)
{
	int wrong = 0, lead, cont;
	char b[2];

	for (lead = 0xC0; lead <= 0xDF; lead++) {
		for (cont = 0; cont <= 0xFF; cont++) {
			bool want = lead >= 0xC2 && cont >= 0x80 && cont <= 0xBF;
			b[0] = (char) lead;
			b[1] = (char) cont;
			wrong += cloudacct_utf8_valid(b, 2) != want;
		}
	}
	is_int(wrong, 0, "all 8192 two-byte pairs classified correctly");
}

/* Encode every code point and check: surrogates rejected, the rest valid, 1 char. */
static size_t encode(uint32_t cp, char *b)
{
	if (cp < 0x80) {
		b[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (char) (0xC0 | cp >> 6);
		b[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (char) (0xE0 | cp >> 12);
		b[1] = (char) (0x80 | (cp >> 6 & 0x3F));
		b[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (char) (0xF0 | cp >> 18);
	b[1] = (char) (0x80 | (cp >> 12 & 0x3F));
	b[2] = (char) (0x80 | (cp >> 6 & 0x3F));
	b[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

static void test_utf8_every_code_point(void)
{
	int wrong = 0, wrong_count = 0;
	uint32_t cp;
	char b[4];

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		size_t n = encode(cp, b);
		bool want = cp != 0 && (cp < 0xD800 || cp > 0xDFFF);
		wrong += cloudacct_utf8_valid(b, n) != want;
		wrong_count += cloudacct_utf8_chars(b, n) != 1;
	}
	is_int(wrong, 0, "every code point U+0001..U+10FFFF valid except surrogates");
	is_int(wrong_count, 0, "every encoded code point counts as one character");
}

#define TEXT(lit, min, max, ml) cloudacct_text_check(lit, sizeof(lit) - 1, min, max, ml)

static void test_text_check(void)
{
	is_int(TEXT("张三", 1, 20, false), CLOUDACCT_TEXT_OK, "a name passes");
	is_int(TEXT("", 0, 20, false), CLOUDACCT_TEXT_OK, "empty passes when min is 0");
	is_int(cloudacct_text_check(NULL, 0, 0, 5, false), CLOUDACCT_TEXT_OK,
		   "NULL empty passes when min is 0");
	is_int(TEXT("", 1, 20, false), CLOUDACCT_TEXT_TOO_SHORT, "empty is too short when required");
	is_int(TEXT("张", 2, 20, false), CLOUDACCT_TEXT_TOO_SHORT, "one character under min");
	is_int(TEXT("张三", 2, 2, false), CLOUDACCT_TEXT_OK, "exactly min == max");
	is_int(TEXT("张三丰", 1, 2, false), CLOUDACCT_TEXT_TOO_LONG, "one character over max");
	/* Limits are characters, not bytes: 10 Chinese characters are 30 bytes. */
	is_int(TEXT("一二三四五六七八九十", 1, 10, false), CLOUDACCT_TEXT_OK,
		   "10 CJK characters fit max 10");
	is_int(TEXT("一二三四五六七八九十", 1, 9, false), CLOUDACCT_TEXT_TOO_LONG,
		   "10 CJK characters exceed 9");
	is_int(TEXT("😀😀😀", 3, 3, false), CLOUDACCT_TEXT_OK, "three emoji are three characters");
	is_int(TEXT("😀😀😀", 4, 9, false), CLOUDACCT_TEXT_TOO_SHORT,
		   "12 bytes of emoji are still 3 characters");

	is_int(TEXT("a\nb", 0, 10, false), CLOUDACCT_TEXT_CONTROL, "newline refused in a single line");
	is_int(TEXT("a\nb", 0, 10, true), CLOUDACCT_TEXT_OK, "newline allowed in multiline");
	is_int(TEXT("a\r\nb", 0, 10, true), CLOUDACCT_TEXT_OK, "CRLF allowed in multiline");
	is_int(TEXT("a\tb", 0, 10, true), CLOUDACCT_TEXT_OK, "tab allowed in multiline");
	is_int(TEXT("a\tb", 0, 10, false), CLOUDACCT_TEXT_CONTROL, "tab refused in a single line");
	is_int(TEXT("a\rb", 0, 10, false), CLOUDACCT_TEXT_CONTROL, "CR refused in a single line");
	is_int(TEXT("a\x01"
				"b",
				0, 10, true),
		   CLOUDACCT_TEXT_CONTROL, "SOH refused even in multiline");
	is_int(TEXT("a\x1B[31m", 0, 10, true), CLOUDACCT_TEXT_CONTROL, "ESC refused");
	is_int(TEXT("a\x7F", 0, 10, true), CLOUDACCT_TEXT_CONTROL, "DEL refused");
	is_int(TEXT("\x0B", 0, 10, true), CLOUDACCT_TEXT_CONTROL, "vertical tab refused");
	is_int(TEXT("\x0C", 0, 10, true), CLOUDACCT_TEXT_CONTROL, "form feed refused");
	is_int(TEXT("\xC2\x85", 0, 10, true), CLOUDACCT_TEXT_CONTROL, "C1 NEL (U+0085) refused");
	is_int(TEXT("\xC2\x80", 0, 10, true), CLOUDACCT_TEXT_CONTROL, "C1 U+0080 refused");
	is_int(TEXT("\xC2\x9F", 0, 10, true), CLOUDACCT_TEXT_CONTROL, "C1 U+009F refused");
	is_int(TEXT("\xC2\xA0", 0, 10, false), CLOUDACCT_TEXT_OK, "U+00A0 (after C1) passes");
	is_int(TEXT("\xC2\xA9 2026", 0, 10, false), CLOUDACCT_TEXT_OK, "© passes");
	is_int(cloudacct_text_check("a\0b", 3, 0, 10, true), CLOUDACCT_TEXT_BAD_UTF8,
		   "NUL is bad UTF-8");
	is_int(TEXT("\xED\xA0\x80", 0, 10, false), CLOUDACCT_TEXT_BAD_UTF8, "surrogate is bad UTF-8");
	is_int(TEXT("\xC0\x8A", 0, 10, true), CLOUDACCT_TEXT_BAD_UTF8,
		   "overlong newline is bad UTF-8, not a newline");
	/* The first problem wins: encoding before controls before length. */
	is_int(TEXT("\x01\xFF", 5, 10, false), CLOUDACCT_TEXT_BAD_UTF8,
		   "bad UTF-8 reported before control");
	is_int(TEXT("\x01", 5, 10, false), CLOUDACCT_TEXT_CONTROL, "control reported before length");
	is_int(TEXT("\xE4\xB8\xAD\xE6", 0, 1, false), CLOUDACCT_TEXT_BAD_UTF8,
		   "truncated reported before length");
}

static void test_text_messages(void)
{
	int st;

	for (st = CLOUDACCT_TEXT_OK; st <= CLOUDACCT_TEXT_TOO_LONG; st++) {
		const char *m = cloudacct_text_status_message((cloudacct_text_status) st);
		ok(m != NULL && cloudacct_utf8_valid(m, strlen(m)) &&
			   cloudacct_utf8_chars(m, strlen(m)) < strlen(m),
		   "text status %d has a Chinese message: %s", st, m);
	}
	ok(strstr(cloudacct_text_status_message(CLOUDACCT_TEXT_TOO_LONG), "太长") != NULL,
	   "TOO_LONG says 太长");
	ok(strstr(cloudacct_text_status_message(CLOUDACCT_TEXT_TOO_SHORT), "太短") != NULL,
	   "TOO_SHORT says 太短");
	ok(cloudacct_text_status_message((cloudacct_text_status) 42) != NULL,
	   "unknown status has a message");
}

#define PHONE(lit) cloudacct_phone_valid(lit, sizeof(lit) - 1)

static void test_phone(void)
{
	static const char *const good[] = {"13800138000", "13912345678", "14700000000", "15012345678",
									   "16612345678", "17012345678", "18612345678", "19912345678",
									   "19000000000", "13000000000"};
	static const char *const bad[] = {"",
									  "1",
									  "1380013800",
									  "138001380000",
									  "10012345678",
									  "11012345678",
									  "12012345678",
									  "23800138000",
									  "03800138000",
									  "+8613800138000",
									  "8613800138000",
									  "138 0013 8000",
									  "138-0013-8000",
									  " 13800138000",
									  "13800138000 ",
									  "1380013800a",
									  "1380013800O",
									  ("\xef\xbc\x91"
									   "3800138000"),
									  "0138001380",
									  "1.380013800"};
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		ok(cloudacct_phone_valid(good[i], strlen(good[i])), "phone '%s' accepted", good[i]);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(!cloudacct_phone_valid(bad[i], strlen(bad[i])), "phone '%s' rejected", bad[i]);
	}
	ok(!cloudacct_phone_valid("13800138000", 10), "length is authoritative (10 of 11)");
	ok(!cloudacct_phone_valid("1380013800\0", 11), "NUL as the last digit rejected");
	ok(!cloudacct_phone_valid(NULL, 11), "NULL rejected");
	ok(PHONE("13800138000"), "PHONE macro sanity");
}

#define IDENT(lit, max) cloudacct_ident_valid(lit, sizeof(lit) - 1, max)

static void test_ident(void)
{
	ok(IDENT("a", 32), "single letter");
	ok(IDENT("job", 32), "plain word");
	ok(IDENT("job_history", 32), "underscore");
	ok(IDENT("dunning_step_3", 32), "digits after the first letter");
	ok(IDENT("a_", 32), "trailing underscore");
	ok(IDENT("abcdefgh", 8), "exactly max_len");
	ok(!IDENT("abcdefghi", 8), "max_len + 1");
	ok(!IDENT("", 32), "empty");
	ok(!IDENT("_job", 32), "leading underscore");
	ok(!IDENT("1job", 32), "leading digit");
	ok(!IDENT("Job", 32), "upper case first");
	ok(!IDENT("jobHistory", 32), "upper case inside");
	ok(!IDENT("job-history", 32), "dash");
	ok(!IDENT("job history", 32), "space");
	ok(!IDENT("job.history", 32), "dot");
	ok(!IDENT("job`", 32), "backtick");
	ok(!IDENT("job;drop", 32), "semicolon");
	ok(!IDENT("jöb", 32), "non-ASCII letter");
	ok(!IDENT("工单", 32), "Chinese");
	ok(!cloudacct_ident_valid("job\0x", 5, 32), "NUL inside");
	ok(!cloudacct_ident_valid("job", 3, 0), "max_len 0 admits nothing");
	ok(!cloudacct_ident_valid(NULL, 3, 32), "NULL");
}

int main(void)
{
	test_utf8_valid();
	test_utf8_invalid();
	test_utf8_len_bound();
	test_utf8_exhaustive_2byte();
	test_utf8_every_code_point();
	test_text_check();
	test_text_messages();
	test_phone();
	test_ident();
	return done_testing();
}
