/* The home_layout setting's check (registered at MINIT): walks the decoded layout and applies the
 * rules of src/core/home_layout.c and src/core/text.c. Settings::set stores nothing that fails. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "settings.h"
#include "../common/errors.h"
#include "../core/home_layout.h"
#include "../core/text.h"

static const char *const type_labels[] = { "", "轮播图", "菜单", "公告", "推荐服务", "自定义" };

/* Where a problem is: the field path ("blocks[2].items[0].link") and its Chinese name. */
typedef struct {
	char field[64];
	char where[96];
} place;

static void at_block(place *p, uint32_t b, cloudacct_block_type t, const char *key)
{
	snprintf(p->field, sizeof(p->field), "blocks[%u].%s", b, key);
	snprintf(p->where, sizeof(p->where), "第 %u 个模块（%s）", b + 1, type_labels[t]);
}

static void at_item(place *p, uint32_t b, cloudacct_block_type t, uint32_t i, const char *key)
{
	snprintf(p->field, sizeof(p->field), "blocks[%u].items[%u].%s", b, i, key);
	snprintf(p->where, sizeof(p->where), "第 %u 个模块（%s）第 %u 项", b + 1, type_labels[t], i + 1);
}

static bool fail(const place *p, const char *what, const char *msg)
{
	cloudacct_throw_validation(p->field, "首页装修：%s的%s%s", p->where, what, msg);
	return false;
}

/* The same with a status message of src/core (a sentence of its own). */
static bool fail_st(const place *p, const char *what, const char *msg)
{
	cloudacct_throw_validation(p->field, "首页装修：%s的%s：%s", p->where, what, msg);
	return false;
}

/* Only the keys a block or an item may have (NULL-terminated), so nothing unknown is stored. */
static bool only_keys(zval *arr, const char *const *allowed, const place *p)
{
	zend_string *key;
	ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL_P(arr), key) {
		bool found = false;
		for (size_t i = 0; key && allowed[i]; i++) {
			found = found || zend_string_equals_cstr(key, allowed[i], strlen(allowed[i]));
		}
		if (!found) {
			char field[128];
			const char *dot = strrchr(p->field, '.');
			snprintf(field, sizeof(field), "%.*s.%s", (int) (dot ? dot - p->field : 0), p->field,
				key ? ZSTR_VAL(key) : "?");
			cloudacct_throw_validation(field, "首页装修：%s含未知字段“%s” (unknown field)", p->where,
				key ? ZSTR_VAL(key) : "(数字)");
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* A text field: absent counts as "" (then min 0 allowed); lengths in characters. */
static bool text_field(zval *arr, const char *key, const char *what, size_t min, size_t max, bool multiline,
	const place *p)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(arr), key, strlen(key));
	if (!v) {
		return min == 0 || fail(p, what, "不能为空 (required)");
	}
	if (Z_TYPE_P(v) != IS_STRING) {
		return fail(p, what, "须为文字 (string expected)");
	}
	cloudacct_text_status st = cloudacct_text_check(Z_STRVAL_P(v), Z_STRLEN_P(v), min, max, multiline);
	if (st == CLOUDACCT_TEXT_OK) {
		return true;
	}
	if (st == CLOUDACCT_TEXT_TOO_SHORT && min > 0) {
		return fail(p, what, "不能为空 (required)");
	}
	if (st == CLOUDACCT_TEXT_TOO_LONG) {
		cloudacct_throw_validation(p->field, "首页装修：%s的%s最多 %zu 个字 (too long)", p->where, what, max);
		return false;
	}
	return fail_st(p, what, cloudacct_text_status_message(st));
}

static bool ref_field(zval *arr, const char *key, const char *what, bool image, bool required, const place *p)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(arr), key, strlen(key));
	if (v && Z_TYPE_P(v) != IS_STRING) {
		return fail(p, what, "须为文字 (string expected)");
	}
	const char *s = v ? Z_STRVAL_P(v) : "";
	size_t len = v ? Z_STRLEN_P(v) : 0;
	cloudacct_ref_status st = image ? cloudacct_layout_image_check(s, len, required)
									: cloudacct_layout_link_check(s, len, required);
	return st == CLOUDACCT_REF_OK || fail_st(p, what, cloudacct_ref_status_message(st));
}

static bool hidden_field(zval *block, const place *p)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(block), ZEND_STRL("hidden"));
	return !v || Z_TYPE_P(v) == IS_TRUE || Z_TYPE_P(v) == IS_FALSE || fail(p, "显示设置", "须为是或否 (boolean expected)");
}

/* block["items"]: a list of 1..max arrays, each checked by item(). */
static bool items_field(zval *block, uint32_t b, cloudacct_block_type t, uint32_t max,
	bool (*item)(zval *, uint32_t, cloudacct_block_type, uint32_t))
{
	place p;
	at_block(&p, b, t, "items");
	zval *items = zend_hash_str_find(Z_ARRVAL_P(block), ZEND_STRL("items")), *it;
	if (!items || Z_TYPE_P(items) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(items))) {
		return fail(&p, "内容", "须为列表 (items: list expected)");
	}
	uint32_t n = zend_hash_num_elements(Z_ARRVAL_P(items)), i = 0;
	if (n > max) {
		cloudacct_throw_validation(p.field, "首页装修：%s最多 %u 项，现有 %u 项 (too many items)", p.where, max, n);
		return false;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(items), it) {
		if (!item(it, b, t, i++)) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

static bool slide_item(zval *it, uint32_t b, cloudacct_block_type t, uint32_t i)
{
	static const char *const keys[] = { "image", "link", NULL };
	place p;
	at_item(&p, b, t, i, "image");
	if (Z_TYPE_P(it) != IS_ARRAY) {
		return fail(&p, "内容", "格式不对 (object expected)");
	}
	if (!only_keys(it, keys, &p) || !ref_field(it, "image", "图片", true, true, &p)) {
		return false;
	}
	at_item(&p, b, t, i, "link");
	return ref_field(it, "link", "链接", false, false, &p);
}

static bool menu_item(zval *it, uint32_t b, cloudacct_block_type t, uint32_t i)
{
	static const char *const keys[] = { "label", "link", "icon", NULL };
	place p;
	at_item(&p, b, t, i, "label");
	if (Z_TYPE_P(it) != IS_ARRAY) {
		return fail(&p, "内容", "格式不对 (object expected)");
	}
	if (!only_keys(it, keys, &p) || !text_field(it, "label", "名称", 1, CLOUDACCT_LAYOUT_LABEL_CHARS, false, &p)) {
		return false;
	}
	at_item(&p, b, t, i, "link");
	if (!ref_field(it, "link", "链接", false, true, &p)) {
		return false;
	}
	at_item(&p, b, t, i, "icon");
	return ref_field(it, "icon", "图标", true, false, &p);
}

static bool services_block(zval *block, uint32_t b, cloudacct_block_type t)
{
	place p;
	at_block(&p, b, t, "ids");
	zval *ids = zend_hash_str_find(Z_ARRVAL_P(block), ZEND_STRL("ids")), *id;
	if (ids) {
		if (Z_TYPE_P(ids) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(ids))
				|| zend_hash_num_elements(Z_ARRVAL_P(ids)) > CLOUDACCT_LAYOUT_MAX_SERVICES) {
			return fail(&p, "服务", "须为最多 20 个服务编号的列表 (ids: list of up to 20)");
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ids), id) {
			if (Z_TYPE_P(id) != IS_LONG || Z_LVAL_P(id) <= 0 || Z_LVAL_P(id) > UINT32_MAX) {
				return fail(&p, "服务", "编号须为正整数 (positive ids)");
			}
		} ZEND_HASH_FOREACH_END();
	}
	at_block(&p, b, t, "limit");
	zval *limit = zend_hash_str_find(Z_ARRVAL_P(block), ZEND_STRL("limit"));
	if (limit && (Z_TYPE_P(limit) != IS_LONG || Z_LVAL_P(limit) < 1 || Z_LVAL_P(limit) > CLOUDACCT_LAYOUT_MAX_SERVICES)) {
		return fail(&p, "显示数量", "须为 1 到 20 (limit: 1..20)");
	}
	return true;
}

static bool check_block(zval *block, uint32_t b)
{
	static const char *const keys[][6] = {
		{ NULL },
		{ "type", "hidden", "items", NULL },
		{ "type", "hidden", "title", "items", NULL },
		{ "type", "hidden", "text", NULL },
		{ "type", "hidden", "title", "ids", "limit", NULL },
		{ "type", "hidden", "title", "text", NULL },
	};
	place p;
	snprintf(p.field, sizeof(p.field), "blocks[%u].type", b);
	snprintf(p.where, sizeof(p.where), "第 %u 个模块", b + 1);
	zval *type = Z_TYPE_P(block) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(block), ZEND_STRL("type")) : NULL;
	cloudacct_block_type t = type && Z_TYPE_P(type) == IS_STRING ? cloudacct_block_type_of(Z_STRVAL_P(type), Z_STRLEN_P(type))
																   : CLOUDACCT_BLOCK_NONE;
	if (t == CLOUDACCT_BLOCK_NONE) {
		return fail(&p, "类型", "只能是 slides|menu|notice|services|custom (unknown block type)");
	}
	at_block(&p, b, t, "hidden");
	if (!only_keys(block, keys[t], &p) || !hidden_field(block, &p)) {
		return false;
	}
	at_block(&p, b, t, "title");
	if (!text_field(block, "title", "标题", 0, CLOUDACCT_LAYOUT_TITLE_CHARS, false, &p)) {
		return false;
	}
	switch (t) {
		case CLOUDACCT_BLOCK_SLIDES:
			return items_field(block, b, t, CLOUDACCT_LAYOUT_MAX_SLIDES, slide_item);
		case CLOUDACCT_BLOCK_MENU:
			return items_field(block, b, t, CLOUDACCT_LAYOUT_MAX_MENU, menu_item);
		case CLOUDACCT_BLOCK_NOTICE:
			at_block(&p, b, t, "text");
			return text_field(block, "text", "内容", 1, CLOUDACCT_LAYOUT_NOTICE_CHARS, false, &p);
		case CLOUDACCT_BLOCK_SERVICES:
			return services_block(block, b, t);
		case CLOUDACCT_BLOCK_CUSTOM:
			at_block(&p, b, t, "text");
			return text_field(block, "text", "内容", 1, CLOUDACCT_LAYOUT_CUSTOM_CHARS, true, &p);
		case CLOUDACCT_BLOCK_NONE:
			break;
	}
	return false;
}

bool cloudacct_home_layout_check(zval *value)
{
	zval *blocks, *block;
	zend_string *key;

	ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL_P(value), key) {
		if (!key || !zend_string_equals_literal(key, "blocks")) {
			cloudacct_throw_validation("home_layout", "首页装修：只能包含 blocks（模块列表）(only \"blocks\")");
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	blocks = zend_hash_str_find(Z_ARRVAL_P(value), ZEND_STRL("blocks"));
	if (!blocks || Z_TYPE_P(blocks) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(blocks))) {
		cloudacct_throw_validation("blocks", "首页装修：模块须为列表 (blocks: list expected)");
		return false;
	}
	uint32_t n = zend_hash_num_elements(Z_ARRVAL_P(blocks)), b = 0;
	if (n > CLOUDACCT_LAYOUT_MAX_BLOCKS) {
		cloudacct_throw_validation("blocks", "首页装修：最多 %d 个模块，现有 %u 个，请删减后再保存 (at most %d blocks)",
			CLOUDACCT_LAYOUT_MAX_BLOCKS, n, CLOUDACCT_LAYOUT_MAX_BLOCKS);
		return false;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(blocks), block) {
		if (!check_block(block, b++)) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}
