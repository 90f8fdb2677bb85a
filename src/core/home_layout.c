/* The client home page layout: block types, links and image references (home_layout.h). */
#include <string.h>

#include "home_layout.h"

static const char *const type_names[] = { "", "slides", "menu", "notice", "services", "custom" };

cloudacct_block_type cloudacct_block_type_of(const char *s, size_t len)
{
	for (size_t i = 1; i < sizeof(type_names) / sizeof(type_names[0]); i++) {
		if (strlen(type_names[i]) == len && memcmp(type_names[i], s, len) == 0) {
			return (cloudacct_block_type) i;
		}
	}
	return CLOUDACCT_BLOCK_NONE;
}

const char *cloudacct_block_type_name(cloudacct_block_type t)
{
	return (size_t) t < sizeof(type_names) / sizeof(type_names[0]) ? type_names[t] : "";
}

const char *const cloudacct_layout_pages[] = {
	"home", "services", "request", "jobs", "bills", "books", "orders", "accountant", "company", "bind",
	"register", "complaints", NULL,
};

static bool has_prefix(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	return len >= n && memcmp(s, p, n) == 0;
}

static bool has_prefix_ci(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	if (len < n) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z') {
			c = (char) (c - 'A' + 'a');
		}
		if (c != p[i]) {
			return false;
		}
	}
	return true;
}

/* Printable ASCII that cannot end an HTML attribute or start markup. */
static bool url_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '\\' && c != '`';
}

/* Does s name a scheme ("xyz:" before any '/', '?' or '#')? */
static bool has_scheme(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ':') {
			return true;
		}
		if (s[i] == '/' || s[i] == '?' || s[i] == '#') {
			return false;
		}
	}
	return false;
}

static cloudacct_ref_status https_check(const char *s, size_t len)
{
	if (!has_prefix_ci(s, len, "https://")) {
		return CLOUDACCT_REF_SCHEME;
	}
	for (size_t i = 0; i < len; i++) {
		if (!url_char((unsigned char) s[i])) {
			return CLOUDACCT_REF_BAD_URL;
		}
	}
	size_t host = 8, end = host;
	while (end < len && s[end] != '/' && s[end] != '?' && s[end] != '#') {
		end++;
	}
	if (end == host || s[host] == '@' || s[host] == ':' || s[host] == '.') {
		return CLOUDACCT_REF_BAD_URL;
	}
	return CLOUDACCT_REF_OK;
}

cloudacct_ref_status cloudacct_layout_link_check(const char *s, size_t len, bool required)
{
	if (len == 0) {
		return required ? CLOUDACCT_REF_EMPTY : CLOUDACCT_REF_OK;
	}
	if (len > CLOUDACCT_LAYOUT_URL_BYTES) {
		return CLOUDACCT_REF_TOO_LONG;
	}
	for (size_t i = 0; cloudacct_layout_pages[i]; i++) {
		if (strlen(cloudacct_layout_pages[i]) == len && memcmp(cloudacct_layout_pages[i], s, len) == 0) {
			return CLOUDACCT_REF_OK;
		}
	}
	if (has_prefix(s, len, "service:")) {
		size_t i = 8;
		if (i == len || s[i] == '0' || len - i > 10) {
			return CLOUDACCT_REF_UNKNOWN_PAGE;
		}
		for (; i < len; i++) {
			if (s[i] < '0' || s[i] > '9') {
				return CLOUDACCT_REF_UNKNOWN_PAGE;
			}
		}
		return CLOUDACCT_REF_OK;
	}
	if (has_scheme(s, len) || has_prefix(s, len, "//")) {
		return https_check(s, len);
	}
	return CLOUDACCT_REF_UNKNOWN_PAGE;
}

static bool has_image_ext(const char *s, size_t len)
{
	static const char *const exts[] = { ".jpg", ".jpeg", ".png", ".gif", ".webp" };
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t n = strlen(exts[i]);
		if (len > n && has_prefix_ci(s + len - n, n, exts[i])) {
			return true;
		}
	}
	return false;
}

cloudacct_ref_status cloudacct_layout_image_check(const char *s, size_t len, bool required)
{
	if (len == 0) {
		return required ? CLOUDACCT_REF_EMPTY : CLOUDACCT_REF_OK;
	}
	if (len > CLOUDACCT_LAYOUT_URL_BYTES) {
		return CLOUDACCT_REF_TOO_LONG;
	}
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] == '.' && s[i + 1] == '.') {
			return CLOUDACCT_REF_DOTDOT;
		}
	}
	if (has_scheme(s, len) || has_prefix(s, len, "//")) {
		return https_check(s, len);
	}
	if (s[0] == '/' || s[0] == '.') {
		return CLOUDACCT_REF_BAD_PATH;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) s[i];
		bool okc = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
			|| c == '-' || c == '.' || c == '/';
		if (!okc || (c == '/' && (i + 1 == len || s[i + 1] == '/' || s[i + 1] == '.'))) {
			return CLOUDACCT_REF_BAD_PATH;
		}
	}
	return has_image_ext(s, len) ? CLOUDACCT_REF_OK : CLOUDACCT_REF_NOT_IMAGE;
}

const char *cloudacct_ref_status_message(cloudacct_ref_status st)
{
	switch (st) {
		case CLOUDACCT_REF_OK:
			return "正确 (ok)";
		case CLOUDACCT_REF_EMPTY:
			return "不能为空 (required)";
		case CLOUDACCT_REF_TOO_LONG:
			return "过长，最多 255 个字符 (too long)";
		case CLOUDACCT_REF_SCHEME:
			return "只能使用 https:// 开头的网址 (only https URLs)";
		case CLOUDACCT_REF_BAD_URL:
			return "网址格式不对，不能含空格、引号、尖括号 (malformed URL)";
		case CLOUDACCT_REF_UNKNOWN_PAGE:
			return "只能链接到本模块的页面或 https 网址 (unknown page)";
		case CLOUDACCT_REF_DOTDOT:
			return "图片路径不能含“..” (no .. in paths)";
		case CLOUDACCT_REF_BAD_PATH:
			return "图片须为附件路径（如 images/1/2026/11/a.jpg）或 https 网址 (bad attachment path)";
		case CLOUDACCT_REF_NOT_IMAGE:
			return "图片须为 jpg、png、gif 或 webp 文件 (not an image)";
	}
	return "格式不对 (invalid)";
}
