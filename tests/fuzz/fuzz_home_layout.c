/*
 * The home page layout's links and images (src/core/home_layout.c): what an admin types into
 * the layout editor ends up in href= and src= attributes of the client pages. Input: one flag
 * byte (required?), then the text. Properties: an accepted link is a module page, a
 * "service:<id>" with a positive id of at most 10 digits, or an https:// URL with a host; an
 * accepted image is an https:// URL or a relative attachment path with an image extension;
 * nothing accepted holds a byte that ends an attribute or starts markup (quote, <, >, \, `,
 * blank, control), a ".." (images), another scheme or a "//" that is not https; block type
 * names parse back.
 */
#include "fuzz.h"
#include "home_layout.h"

static bool starts_ci(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	if (len < n) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char) (s[i] - 'A' + 'a') : s[i];
		if (c != p[i]) {
			return false;
		}
	}
	return true;
}

static bool attr_safe(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) s[i];
		if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') {
			return false;
		}
	}
	return true;
}

static bool https_with_host(const char *s, size_t len)
{
	return starts_ci(s, len, "https://") && len > 8 && s[8] != '/' && s[8] != '?' && s[8] != '#' && s[8] != '@'
		&& s[8] != ':' && s[8] != '.';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) {
		return 0;
	}
	bool required = data[0] & 1;
	const char *s = (const char *) data + 1;
	size_t len = size - 1;

	cloudacct_ref_status st = cloudacct_layout_link_check(s, len, required);
	FUZZ_CHECK(cloudacct_ref_status_message(st) != NULL);
	if (len == 0) {
		FUZZ_CHECK(st == (required ? CLOUDACCT_REF_EMPTY : CLOUDACCT_REF_OK));
	} else if (st == CLOUDACCT_REF_OK) {
		bool page = false;
		for (size_t i = 0; cloudacct_layout_pages[i]; i++) {
			page = page || (strlen(cloudacct_layout_pages[i]) == len && memcmp(cloudacct_layout_pages[i], s, len) == 0);
		}
		bool service = len > 8 && len <= 18 && memcmp(s, "service:", 8) == 0 && s[8] != '0';
		for (size_t i = 8; service && i < len; i++) {
			service = s[i] >= '0' && s[i] <= '9';
		}
		FUZZ_CHECK(len <= CLOUDACCT_LAYOUT_URL_BYTES);
		FUZZ_CHECK(page || service || https_with_host(s, len));
		FUZZ_CHECK(attr_safe(s, len));
	}

	st = cloudacct_layout_image_check(s, len, required);
	FUZZ_CHECK(cloudacct_ref_status_message(st) != NULL);
	if (len > 0 && st == CLOUDACCT_REF_OK) {
		FUZZ_CHECK(len <= CLOUDACCT_LAYOUT_URL_BYTES && attr_safe(s, len));
		for (size_t i = 0; i + 1 < len; i++) {
			FUZZ_CHECK(!(s[i] == '.' && s[i + 1] == '.'));
		}
		if (!https_with_host(s, len)) {
			FUZZ_CHECK(s[0] != '/' && s[0] != '.' && memchr(s, ':', len) == NULL);
			FUZZ_CHECK(starts_ci(s + len - 4, 4, ".jpg") || starts_ci(s + len - 5, 5, ".jpeg")
				|| starts_ci(s + len - 4, 4, ".png") || starts_ci(s + len - 4, 4, ".gif")
				|| starts_ci(s + len - 5, 5, ".webp"));
		}
	}

	cloudacct_block_type t = cloudacct_block_type_of(s, len);
	if (t != CLOUDACCT_BLOCK_NONE) {
		const char *name = cloudacct_block_type_name(t);
		FUZZ_CHECK(name && strlen(name) == len && memcmp(name, s, len) == 0);
	}
	for (int k = 0; k <= CLOUDACCT_BLOCK_CUSTOM; k++) {
		const char *name = cloudacct_block_type_name((cloudacct_block_type) k);
		if (name) {
			FUZZ_CHECK(cloudacct_block_type_of(name, strlen(name)) == (cloudacct_block_type) k);
		}
	}
	return 0;
}
