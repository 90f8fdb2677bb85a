/* The known settings. Each area adds its keys here; the value stored is JSON, the default too. */
#include "php.h"
#include "settings.h"

/* clang-format off */
const cloudacct_setting_key cloudacct_setting_keys[] = {
	{ "firm_name", CLOUDACCT_SETTING_STRING, "\"\"", 0, 64, NULL, false, "事务所名称" },
	{ "firm_phone", CLOUDACCT_SETTING_STRING, "\"\"", 0, 32, NULL, false, "客服电话" },
	/* people */
	{ "client_self_register", CLOUDACCT_SETTING_BOOL, "true", 0, 0, NULL, false, "允许客户自助注册（需管理员审核）" },
	{ "accountant_card_fields", CLOUDACCT_SETTING_JSON, "[\"name\",\"photo\",\"phone\",\"wechat\"]", 0, 0, NULL, false,
		"客户可见的专属会计信息" },
	/* quality */
	{ "complaint_reopen_days", CLOUDACCT_SETTING_INT, "7", 0, 90, NULL, false, "投诉结案后客户可重新打开的天数" },
	/* money */
	{ "dunning_steps", CLOUDACCT_SETTING_INT_LIST, "[-3,0,3,7,15]", -60, 180, NULL, false, "催费节点（相对到期日的天数）" },
	/* notices */
	{ "sms_provider", CLOUDACCT_SETTING_STRING, "\"none\"", 0, 16, "none|tencent|aliyun", false, "短信服务商" },
	{ "sms_secret_id", CLOUDACCT_SETTING_STRING, "\"\"", 0, 128, NULL, false, "短信 SecretId / AccessKeyId" },
	{ "sms_secret_key", CLOUDACCT_SETTING_STRING, "\"\"", 0, 128, NULL, true, "短信 SecretKey / AccessKeySecret" },
};
/* clang-format on */
const size_t cloudacct_n_setting_keys = sizeof(cloudacct_setting_keys) / sizeof(cloudacct_setting_keys[0]);
