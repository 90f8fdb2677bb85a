#include "credit_code.h"

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static const int weights[CLOUDACCT_CREDIT_CODE_LEN - 1] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

int cloudacct_credit_code_char_value(char c)
{
	for (int i = 0; alphabet[i] != '\0'; i++) {
		if (alphabet[i] == c) {
			return i;
		}
	}
	return -1;
}

char cloudacct_credit_code_check_char(const char *first17)
{
	int sum = 0;

	for (int i = 0; i < CLOUDACCT_CREDIT_CODE_LEN - 1; i++) {
		int v = cloudacct_credit_code_char_value(first17[i]);
		if (v < 0) {
			return '\0';
		}
		sum += v * weights[i];
	}
	return alphabet[(31 - sum % 31) % 31];
}

static bool is_authority(char c)
{
	return (c >= '1' && c <= '9') || c == 'A' || c == 'N' || c == 'Y';
}

cloudacct_credit_code_status cloudacct_credit_code_check(const char *s, size_t len, size_t *pos)
{
	size_t i;

	if (pos != NULL) {
		*pos = 0;
	}
	if (s == NULL || len == 0) {
		return CLOUDACCT_CREDIT_CODE_EMPTY;
	}
	if (len != CLOUDACCT_CREDIT_CODE_LEN) {
		return CLOUDACCT_CREDIT_CODE_LENGTH;
	}
	for (i = 0; i < len; i++) {
		if (cloudacct_credit_code_char_value(s[i]) < 0) {
			if (pos != NULL) {
				*pos = i + 1;
			}
			return CLOUDACCT_CREDIT_CODE_CHAR;
		}
	}
	if (!is_authority(s[0])) {
		if (pos != NULL) {
			*pos = 1;
		}
		return CLOUDACCT_CREDIT_CODE_AUTHORITY;
	}
	if (s[1] < '1' || s[1] > '9') {
		if (pos != NULL) {
			*pos = 2;
		}
		return CLOUDACCT_CREDIT_CODE_TYPE;
	}
	for (i = 2; i < 8; i++) {
		if (s[i] < '0' || s[i] > '9') {
			if (pos != NULL) {
				*pos = i + 1;
			}
			return CLOUDACCT_CREDIT_CODE_DIVISION;
		}
	}
	if (cloudacct_credit_code_check_char(s) != s[CLOUDACCT_CREDIT_CODE_LEN - 1]) {
		if (pos != NULL) {
			*pos = CLOUDACCT_CREDIT_CODE_LEN;
		}
		return CLOUDACCT_CREDIT_CODE_CHECK;
	}
	return CLOUDACCT_CREDIT_CODE_OK;
}

bool cloudacct_credit_code_valid(const char *s, size_t len)
{
	return cloudacct_credit_code_check(s, len, NULL) == CLOUDACCT_CREDIT_CODE_OK;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool cloudacct_credit_code_normalize(const char *s, size_t len, char out[CLOUDACCT_CREDIT_CODE_LEN + 1])
{
	size_t start = 0, end = len, n = 0;

	out[0] = '\0';
	if (s == NULL) {
		return false;
	}
	while (start < end && is_blank(s[start])) {
		start++;
	}
	while (end > start && is_blank(s[end - 1])) {
		end--;
	}
	for (size_t i = start; i < end && n < CLOUDACCT_CREDIT_CODE_LEN; i++) {
		char c = s[i];
		out[n++] = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
	}
	out[n] = '\0';
	return end - start == CLOUDACCT_CREDIT_CODE_LEN;
}

const char *cloudacct_credit_code_status_message(cloudacct_credit_code_status st)
{
	switch (st) {
	case CLOUDACCT_CREDIT_CODE_OK:
		return "统一社会信用代码正确";
	case CLOUDACCT_CREDIT_CODE_EMPTY:
		return "请填写统一社会信用代码";
	case CLOUDACCT_CREDIT_CODE_LENGTH:
		return "统一社会信用代码应为 18 位，请对照营业执照核对";
	case CLOUDACCT_CREDIT_CODE_CHAR:
		return "统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z），请对照营业执照核对";
	case CLOUDACCT_CREDIT_CODE_AUTHORITY:
		return "统一社会信用代码第 1 位（登记管理部门代码）不正确，请对照营业执照核对";
	case CLOUDACCT_CREDIT_CODE_TYPE:
		return "统一社会信用代码第 2 位（机构类别代码）不正确，请对照营业执照核对";
	case CLOUDACCT_CREDIT_CODE_DIVISION:
		return "统一社会信用代码第 3-8 位（行政区划码）应为数字，请对照营业执照核对";
	case CLOUDACCT_CREDIT_CODE_CHECK:
		return "统一社会信用代码校验位不符，可能有输错的字符，请对照营业执照逐位核对";
	}
	return "统一社会信用代码无效，请对照营业执照核对";
}
