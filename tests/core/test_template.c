/* Reminder templates: variables, braces, plain-text values, length limit. */
#include <string.h>

#include "template.h"
#include "tap.h"

static const cloudacct_tpl_var vars[] = {
	{ "company", "上海某某科技有限公司", sizeof("上海某某科技有限公司") - 1 },
	{ "amount", "1,200.00", 8 },
	{ "evil", "{amount}\n<b>", 12 },
};

static void renders(const char *tpl, const char *want)
{
	char out[256];
	size_t len = 0, pos = 0;
	cloudacct_tpl_status st = cloudacct_template_render(tpl, strlen(tpl), vars, 3, out, sizeof(out), &len, &pos);

	is_int(st, CLOUDACCT_TPL_OK, "'%s' renders", tap_esc(tpl));
	is_str(st == CLOUDACCT_TPL_OK ? out : "", want, "'%s' gives the text", tap_esc(tpl));
	is_int(len, strlen(want), "'%s' length", tap_esc(tpl));
}

static void fails(const char *tpl, cloudacct_tpl_status want, size_t want_pos)
{
	char out[256];
	size_t len = 0, pos = 99;

	is_int(cloudacct_template_render(tpl, strlen(tpl), vars, 3, out, sizeof(out), &len, &pos), want,
		"'%s' is refused", tap_esc(tpl));
	is_int(pos, want_pos, "'%s' error position", tap_esc(tpl));
}

int main(void)
{
	char tiny[8];
	size_t len, pos;

	renders("", "");
	renders("{company}您好，应缴 {amount} 元。", "上海某某科技有限公司您好，应缴 1,200.00 元。");
	renders("{{literal}} {amount}", "{literal} 1,200.00");
	renders("{evil}", "{amount} <b>");
	renders("a}}b", "a}b");
	fails("{nope}", CLOUDACCT_TPL_UNKNOWN_VAR, 0);
	fails("x {Company}", CLOUDACCT_TPL_BAD_BRACE, 2);
	fails("x {amount", CLOUDACCT_TPL_BAD_BRACE, 2);
	fails("x {}", CLOUDACCT_TPL_BAD_BRACE, 2);
	fails("x } y", CLOUDACCT_TPL_BAD_BRACE, 2);
	is_int(cloudacct_template_render("{company}", 9, vars, 3, tiny, sizeof(tiny), &len, &pos), CLOUDACCT_TPL_TOO_LONG,
		"too long for the buffer");
	is_int(cloudacct_template_render("{company}{amount}", 17, vars, 3, NULL, 1000, &len, &pos), CLOUDACCT_TPL_OK,
		"check-only mode");
	is_int(len, strlen(vars[0].value) + 8, "check-only mode measures");
	ok(cloudacct_template_status_message(CLOUDACCT_TPL_UNKNOWN_VAR) != NULL, "messages exist");
	return done_testing();
}
