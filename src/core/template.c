#include <stdbool.h>
#include <string.h>

#include "template.h"

typedef struct {
	char *out;
	size_t cap, len;
	bool overflow;
} sink;

static void emit(sink *k, const char *s, size_t n, bool clean)
{
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (clean && ((unsigned char) ch < 0x20 || ch == 0x7f)) {
			ch = ' ';
		}
		if (k->len + 1 >= k->cap) {
			k->overflow = true;
			return;
		}
		if (k->out) {
			k->out[k->len] = ch;
		}
		k->len++;
	}
}

static const cloudacct_tpl_var *find_var(const cloudacct_tpl_var *vars, size_t n, const char *name,
										 size_t len)
{
	for (size_t i = 0; i < n; i++) {
		if (strlen(vars[i].name) == len && memcmp(vars[i].name, name, len) == 0) {
			return &vars[i];
		}
	}
	return NULL;
}

/* Length of the [a-z_]+ name starting at s, or 0. */
static size_t name_len(const char *s, size_t avail)
{
	size_t n = 0;

	while (n < avail && ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '_')) {
		n++;
	}
	return n;
}

cloudacct_tpl_status cloudacct_template_render(const char *tpl, size_t len,
											   const cloudacct_tpl_var *vars, size_t n_vars,
											   char *out, size_t cap, size_t *out_len,
											   size_t *err_pos)
{
	sink k = { out, cap, 0, false };
	size_t i = 0;

	while (i < len) {
		char ch = tpl[i];
		if ((ch == '{' || ch == '}') && i + 1 < len && tpl[i + 1] == ch) {
			emit(&k, &ch, 1, false);
			i += 2;
		} else if (ch == '}') {
			*err_pos = i;
			return CLOUDACCT_TPL_BAD_BRACE;
		} else if (ch == '{') {
			size_t n = name_len(tpl + i + 1, len - i - 1);
			if (n == 0 || i + 1 + n >= len || tpl[i + 1 + n] != '}') {
				*err_pos = i;
				return CLOUDACCT_TPL_BAD_BRACE;
			}
			const cloudacct_tpl_var *v = find_var(vars, n_vars, tpl + i + 1, n);
			if (!v) {
				*err_pos = i;
				return CLOUDACCT_TPL_UNKNOWN_VAR;
			}
			emit(&k, v->value, v->value_len, true);
			i += n + 2;
		} else {
			emit(&k, &ch, 1, false);
			i++;
		}
		if (k.overflow) {
			*err_pos = i;
			return CLOUDACCT_TPL_TOO_LONG;
		}
	}
	if (out && cap > 0) {
		out[k.len] = '\0';
	}
	*out_len = k.len;
	return CLOUDACCT_TPL_OK;
}

const char *cloudacct_template_status_message(cloudacct_tpl_status st)
{
	switch (st) {
		case CLOUDACCT_TPL_OK:
			return "模板有效";
		case CLOUDACCT_TPL_UNKNOWN_VAR:
			return "模板中有不认识的变量，可用变量见说明（如 {company}、{amount}）";
		case CLOUDACCT_TPL_BAD_BRACE:
			return "模板中的花括号不成对；变量写作 {name}，要显示花括号本身请写 {{ 或 }}";
		case CLOUDACCT_TPL_TOO_LONG:
			return "消息过长，请缩短模板";
	}
	return "模板无效";
}
