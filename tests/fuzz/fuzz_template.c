/*
 * Message template rendering (src/core/template.c), against a reference renderer written here
 * from template.h's contract. Input: template 0xFF value 0xFF value 0xFF cap-byte. Properties:
 * same status, length, error position and bytes as the reference; the admin's check (out NULL)
 * agrees with a real render; values are inserted once (never expanded again) with control
 * characters turned into spaces; nothing is written past cap and the result is NUL-terminated.
 */
#include "fuzz.h"
#include "template.h"

static cloudacct_tpl_status reference(const char *t, size_t len, const cloudacct_tpl_var *v, size_t nv, char *out,
	size_t cap, size_t *out_len, size_t *err)
{
	size_t i = 0, n = 0;

#define PUT(c)                                                                                                         \
	do {                                                                                                               \
		if (n + 1 >= cap) {                                                                                            \
			*err = i;                                                                                                  \
			return CLOUDACCT_TPL_TOO_LONG;                                                                             \
		}                                                                                                              \
		out[n++] = (c);                                                                                                \
	} while (0)
	while (i < len) {
		if (i + 1 < len && (t[i] == '{' || t[i] == '}') && t[i + 1] == t[i]) {
			i += 2;
			PUT(t[i - 2]);
		} else if (t[i] == '}') {
			*err = i;
			return CLOUDACCT_TPL_BAD_BRACE;
		} else if (t[i] == '{') {
			size_t j = i + 1;
			while (j < len && ((t[j] >= 'a' && t[j] <= 'z') || t[j] == '_')) {
				j++;
			}
			if (j == i + 1 || j >= len || t[j] != '}') {
				*err = i;
				return CLOUDACCT_TPL_BAD_BRACE;
			}
			size_t k;
			for (k = 0; k < nv; k++) {
				if (strlen(v[k].name) == j - i - 1 && memcmp(v[k].name, t + i + 1, j - i - 1) == 0) {
					break;
				}
			}
			if (k == nv) {
				*err = i;
				return CLOUDACCT_TPL_UNKNOWN_VAR;
			}
			size_t at = i;
			i = j + 1;
			for (size_t m = 0; m < v[k].value_len; m++) {
				unsigned char c = (unsigned char) v[k].value[m];
				PUT(c < 0x20 || c == 0x7f ? ' ' : (char) c);
			}
			(void) at;
		} else {
			i++;
			PUT(t[i - 1]);
		}
	}
#undef PUT
	out[n] = '\0';
	*out_len = n;
	return CLOUDACCT_TPL_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_in in = { data, size };
	size_t tlen, alen, blen;
	const char *tpl = fuzz_take_field(&in, (char) 0xFF, &tlen);
	const char *a = fuzz_take_field(&in, (char) 0xFF, &alen);
	const char *b = fuzz_take_field(&in, (char) 0xFF, &blen);
	size_t cap = in.left ? (size_t) fuzz_take_u8(&in) * 8 : 4096;
	cloudacct_tpl_var vars[] = { { "company", a, alen }, { "amount", b, blen }, { "due_date", "2026-12-15", 10 },
		{ "x", "{amount}", 8 } };
	char *tcopy = fuzz_dup(tpl, tlen); /* exactly tlen bytes readable before the NUL */
	char *out = malloc(cap + 1), *want = malloc(cap + 1);
	size_t out_len = 12345, want_len = 12345, err = 777, want_err = 777, chk_len = 54321, chk_err = 888;

	FUZZ_CHECK(out && want);
	memset(out, 0x55, cap + 1);
	cloudacct_tpl_status st = cloudacct_template_render(tcopy, tlen, vars, 4, out, cap, &out_len, &err);
	cloudacct_tpl_status ref = cap > 0 ? reference(tcopy, tlen, vars, 4, want, cap, &want_len, &want_err)
									   : CLOUDACCT_TPL_TOO_LONG;
	FUZZ_CHECK(cloudacct_template_status_message(st) != NULL);
	FUZZ_CHECK(out[cap] == 0x55); /* nothing past cap */
	if (cap > 0) {
		FUZZ_CHECK(st == ref);
		if (st == CLOUDACCT_TPL_OK) {
			FUZZ_CHECK(out_len == want_len && out_len < cap && out[out_len] == '\0');
			FUZZ_CHECK(memcmp(out, want, out_len) == 0);
		} else if (st != CLOUDACCT_TPL_TOO_LONG) {
			FUZZ_CHECK(err == want_err && err < tlen && (tpl[err] == '{' || tpl[err] == '}'));
		}
	}
	/* The admin's check without a buffer says the same. */
	cloudacct_tpl_status chk = cloudacct_template_render(tcopy, tlen, vars, 4, NULL, cap, &chk_len, &chk_err);
	FUZZ_CHECK(chk == st);
	if (st == CLOUDACCT_TPL_OK) {
		FUZZ_CHECK(chk_len == out_len);
	} else if (st != CLOUDACCT_TPL_TOO_LONG) {
		FUZZ_CHECK(chk_err == err);
	}
	free(tcopy);
	free(out);
	free(want);
	return 0;
}
