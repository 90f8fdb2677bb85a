/* Home page layout rules: block types, links, image references. */
#include <string.h>

#include "tap.h"
#include "home_layout.h"

#define LINK(lit, req, want) is_int(cloudacct_layout_link_check(lit, sizeof(lit) - 1, req), want, "link \"%s\"", lit)
#define IMAGE(lit, req, want) is_int(cloudacct_layout_image_check(lit, sizeof(lit) - 1, req), want, "image \"%s\"", lit)

static void test_types(void)
{
	is_int(cloudacct_block_type_of("slides", 6), CLOUDACCT_BLOCK_SLIDES, "slides");
	is_int(cloudacct_block_type_of("menu", 4), CLOUDACCT_BLOCK_MENU, "menu");
	is_int(cloudacct_block_type_of("notice", 6), CLOUDACCT_BLOCK_NOTICE, "notice");
	is_int(cloudacct_block_type_of("services", 8), CLOUDACCT_BLOCK_SERVICES, "services");
	is_int(cloudacct_block_type_of("custom", 6), CLOUDACCT_BLOCK_CUSTOM, "custom");
	is_int(cloudacct_block_type_of("", 0), CLOUDACCT_BLOCK_NONE, "empty type");
	is_int(cloudacct_block_type_of("Menu", 4), CLOUDACCT_BLOCK_NONE, "types are case-sensitive");
	is_int(cloudacct_block_type_of("menus", 5), CLOUDACCT_BLOCK_NONE, "no prefix match");
	is_int(cloudacct_block_type_of("men", 3), CLOUDACCT_BLOCK_NONE, "no truncated match");
	is_int(cloudacct_block_type_of("html", 4), CLOUDACCT_BLOCK_NONE, "no html block");
	is_str(cloudacct_block_type_name(CLOUDACCT_BLOCK_CUSTOM), "custom", "name of custom");
	is_str(cloudacct_block_type_name((cloudacct_block_type) 99), "", "name of an unknown type");
}

static void test_links(void)
{
	LINK("", false, CLOUDACCT_REF_OK);
	LINK("", true, CLOUDACCT_REF_EMPTY);
	for (size_t i = 0; cloudacct_layout_pages[i]; i++) {
		is_int(cloudacct_layout_link_check(cloudacct_layout_pages[i], strlen(cloudacct_layout_pages[i]), true),
			   CLOUDACCT_REF_OK, "page %s", cloudacct_layout_pages[i]);
	}
	LINK("complaints", true, CLOUDACCT_REF_OK);
	LINK("service:12", true, CLOUDACCT_REF_OK);
	LINK("service:0", true, CLOUDACCT_REF_UNKNOWN_PAGE);
	LINK("service:", true, CLOUDACCT_REF_UNKNOWN_PAGE);
	LINK("service:1x", true, CLOUDACCT_REF_UNKNOWN_PAGE);
	LINK("service:12345678901", true, CLOUDACCT_REF_UNKNOWN_PAGE);
	LINK("pool", true, CLOUDACCT_REF_UNKNOWN_PAGE); /* a staff page */
	LINK("scheduler", true, CLOUDACCT_REF_UNKNOWN_PAGE);
	LINK("Bills", true, CLOUDACCT_REF_UNKNOWN_PAGE);
	LINK("bills ", true, CLOUDACCT_REF_UNKNOWN_PAGE);
	LINK("https://example.com/a?b=1#c", true, CLOUDACCT_REF_OK);
	LINK("HTTPS://example.com", true, CLOUDACCT_REF_OK);
	LINK("https://example.com", true, CLOUDACCT_REF_OK);
	LINK("javascript:alert(1)", true, CLOUDACCT_REF_SCHEME);
	LINK("JavaScript:alert(1)", true, CLOUDACCT_REF_SCHEME);
	LINK("data:text/html,<b>", true, CLOUDACCT_REF_SCHEME);
	LINK("http://example.com", true, CLOUDACCT_REF_SCHEME);
	LINK("//example.com/x", true, CLOUDACCT_REF_SCHEME);
	LINK("vbscript:x", true, CLOUDACCT_REF_SCHEME);
	LINK("https://", true, CLOUDACCT_REF_BAD_URL);
	LINK("https:///path", true, CLOUDACCT_REF_BAD_URL);
	LINK("https://@evil", true, CLOUDACCT_REF_BAD_URL);
	LINK("https://a.com/\" onclick=\"x", true, CLOUDACCT_REF_BAD_URL);
	LINK("https://a.com/<script>", true, CLOUDACCT_REF_BAD_URL);
	LINK("https://a.com/ x", true, CLOUDACCT_REF_BAD_URL);
	LINK("https://a.com/'x", true, CLOUDACCT_REF_BAD_URL);
	LINK("https://a.com/\x01", true, CLOUDACCT_REF_BAD_URL);
	LINK("https://a.com/\xe4\xb8\xad", true, CLOUDACCT_REF_BAD_URL);
	LINK("../web/index.php", true, CLOUDACCT_REF_UNKNOWN_PAGE);
	LINK("/app/index.php", true, CLOUDACCT_REF_UNKNOWN_PAGE);

	char big[300];
	memcpy(big, "https://a.com/", 14);
	memset(big + 14, 'x', sizeof(big) - 14);
	is_int(cloudacct_layout_link_check(big, 255, true), CLOUDACCT_REF_OK, "a 255-byte URL");
	is_int(cloudacct_layout_link_check(big, 256, true), CLOUDACCT_REF_TOO_LONG, "a 256-byte URL");
}

static void test_images(void)
{
	IMAGE("", false, CLOUDACCT_REF_OK);
	IMAGE("", true, CLOUDACCT_REF_EMPTY);
	IMAGE("images/1/2026/11/abcDEF_12-3.jpg", true, CLOUDACCT_REF_OK);
	IMAGE("images/1/a.PNG", true, CLOUDACCT_REF_OK);
	IMAGE("a.jpeg", true, CLOUDACCT_REF_OK);
	IMAGE("a.gif", true, CLOUDACCT_REF_OK);
	IMAGE("a.webp", true, CLOUDACCT_REF_OK);
	IMAGE("https://cdn.example.com/banner", true, CLOUDACCT_REF_OK);
	IMAGE("../../data/config.php", true, CLOUDACCT_REF_DOTDOT);
	IMAGE("images/../../x.jpg", true, CLOUDACCT_REF_DOTDOT);
	IMAGE("images/..%2fx.jpg", true, CLOUDACCT_REF_DOTDOT);
	IMAGE("https://a.com/../x.jpg", true, CLOUDACCT_REF_DOTDOT);
	IMAGE("/etc/passwd.jpg", true, CLOUDACCT_REF_BAD_PATH);
	IMAGE("images//a.jpg", true, CLOUDACCT_REF_BAD_PATH);
	IMAGE("images/.a.jpg", true, CLOUDACCT_REF_BAD_PATH);
	IMAGE("./a.jpg", true, CLOUDACCT_REF_BAD_PATH);
	IMAGE("images/a b.jpg", true, CLOUDACCT_REF_BAD_PATH);
	IMAGE("images/a\".jpg", true, CLOUDACCT_REF_BAD_PATH);
	IMAGE("images\\a.jpg", true, CLOUDACCT_REF_BAD_PATH);
	IMAGE("images/", true, CLOUDACCT_REF_BAD_PATH);
	IMAGE("images/a.php", true, CLOUDACCT_REF_NOT_IMAGE);
	IMAGE("images/a.jpg.php", true, CLOUDACCT_REF_NOT_IMAGE);
	IMAGE("images/jpg", true, CLOUDACCT_REF_NOT_IMAGE);
	IMAGE(".jpg", true, CLOUDACCT_REF_BAD_PATH);
	IMAGE("http://a.com/a.jpg", true, CLOUDACCT_REF_SCHEME);
	IMAGE("javascript:alert(1)", true, CLOUDACCT_REF_SCHEME);
	IMAGE("data:image/png;base64,AAAA", true, CLOUDACCT_REF_SCHEME);
	IMAGE("file:///etc/passwd", true, CLOUDACCT_REF_SCHEME);
	IMAGE("//evil.com/a.jpg", true, CLOUDACCT_REF_SCHEME);
	IMAGE("https://a.com/a.jpg\" onerror=\"x", true, CLOUDACCT_REF_BAD_URL);
}

static void test_messages(void)
{
	for (int st = CLOUDACCT_REF_OK; st <= CLOUDACCT_REF_NOT_IMAGE; st++) {
		const char *m = cloudacct_ref_status_message((cloudacct_ref_status) st);
		ok(m && *m, "message for status %d", st);
	}
	ok(strstr(cloudacct_ref_status_message(CLOUDACCT_REF_SCHEME), "https") != NULL, "scheme message names https");
	ok(strstr(cloudacct_ref_status_message(CLOUDACCT_REF_DOTDOT), "..") != NULL, "dotdot message names ..");
}

int main(void)
{
	test_types();
	test_links();
	test_images();
	test_messages();
	return done_testing();
}
