/* The known settings. Each area adds its keys here; the value stored is JSON, the default too. */
#include "php.h"
#include "settings.h"

/* clang-format off */
const cloudacct_setting_key cloudacct_setting_keys[] = {
	{ "firm_name", CLOUDACCT_SETTING_STRING, "\"\"", 0, 64, NULL, false, "事务所名称" },
	{ "firm_phone", CLOUDACCT_SETTING_STRING, "\"\"", 0, 32, NULL, false, "客服电话" },
	{ "home_layout", CLOUDACCT_SETTING_JSON,
		"{\"blocks\":[{\"type\":\"slides\",\"items\":[]},"
		"{\"type\":\"menu\",\"title\":\"\",\"items\":["
		"{\"label\":\"服务项目\",\"link\":\"services\"},{\"label\":\"提交需求\",\"link\":\"request\"},"
		"{\"label\":\"办事进度\",\"link\":\"jobs\"},{\"label\":\"缴费\",\"link\":\"bills\"},"
		"{\"label\":\"我的账目\",\"link\":\"books\"},{\"label\":\"我的订单\",\"link\":\"orders\"},"
		"{\"label\":\"我的会计\",\"link\":\"accountant\"},{\"label\":\"投诉建议\",\"link\":\"complaints\"},"
		"{\"label\":\"切换企业\",\"link\":\"company\"}]},"
		"{\"type\":\"notice\",\"text\":\"欢迎使用在线服务：下单、缴费、提交需求、查看办事进度都可以在这里完成。\"},"
		"{\"type\":\"services\",\"title\":\"推荐服务\",\"ids\":[],\"limit\":4}]}", 0, 0, NULL, false,
		"客户首页装修：{blocks: [{type: slides 轮播图|menu 菜单|notice 公告|services 推荐服务|custom 自定义, hidden, …}]}"
		"（请在“装修首页”页面编辑）" },
	/* people */
	{ "client_self_register", CLOUDACCT_SETTING_BOOL, "true", 0, 0, NULL, false, "允许客户自助注册（需管理员审核）" },
	{ "accountant_card_fields", CLOUDACCT_SETTING_JSON, "[\"name\",\"photo\",\"phone\",\"wechat\"]", 0, 0, NULL, false,
		"客户可见的专属会计信息" },
	/* quality */
	{ "complaint_reopen_days", CLOUDACCT_SETTING_INT, "7", 0, 90, NULL, false, "投诉结案后客户可重新打开的天数" },
	{ "complaint_deadline_hours", CLOUDACCT_SETTING_INT, "48", 1, 2160, NULL, false,
		"投诉处理时限（小时；超时未解决升级给管理员）" },
	{ "rating_dimensions", CLOUDACCT_SETTING_JSON, "[\"服务态度\",\"服务速度\",\"专业度\"]", 0, 0, NULL, false,
		"评价维度（1-8 个，每个 1-16 字；各项 1-5 分）" },
	{ "rating_prior_weight", CLOUDACCT_SETTING_INT, "5", 0, 1000, NULL, false,
		"排行榜贝叶斯平均的先验权重（相当于按全所平均分预置的评价条数）" },
	/* money */
	{ "dunning_steps", CLOUDACCT_SETTING_INT_LIST, "[-3,0,3,7,15]", -60, 180, NULL, false, "催费节点（相对到期日的天数）" },
	{ "bill_due_day", CLOUDACCT_SETTING_INT, "15", 1, 28, NULL, false, "账单到期日（计费周期首月的第几天）" },
	{ "payment_mode", CLOUDACCT_SETTING_STRING, "\"weengine\"", 0, 16, "weengine|wechat_v3|offline_only", false,
		"在线支付方式（weengine 微擎支付；wechat_v3 微信支付 APIv3 直连；offline_only 仅线下收款）" },
	{ "pay_window_minutes", CLOUDACCT_SETTING_INT, "120", 5, 10080, NULL, false, "在线支付单有效期（分钟）" },
	{ "receipt_prefix", CLOUDACCT_SETTING_STRING, "\"SK\"", 0, 8, NULL, false, "收据编号前缀（字母数字）" },
	{ "dunning_quiet_from", CLOUDACCT_SETTING_INT, "21", 0, 23, NULL, false, "催费免打扰开始（时，0-23）" },
	{ "dunning_quiet_to", CLOUDACCT_SETTING_INT, "8", 0, 23, NULL, false, "催费免打扰结束（时，0-23；与开始相同表示不设免打扰）" },
	{ "remind_now_hours", CLOUDACCT_SETTING_INT, "24", 1, 720, NULL, false, "员工“立即催费”同一客户的最短间隔（小时）" },
	{ "dunning_template_before", CLOUDACCT_SETTING_STRING,
		"\"{company}：您的{periods}服务费 {amount} 元将于 {due_date} 到期，请及时缴纳。缴费：{pay_link}\"", 0, 300, NULL,
		false, "到期前提醒模板（变量：company amount periods due_date pay_link days_overdue firm）" },
	{ "dunning_template_due", CLOUDACCT_SETTING_STRING,
		"\"{company}：您的{periods}服务费 {amount} 元今天 ({due_date}) 到期，请及时缴纳。缴费：{pay_link}\"", 0, 300, NULL,
		false, "到期当天提醒模板" },
	{ "dunning_template_overdue", CLOUDACCT_SETTING_STRING,
		"\"{company}：您的{periods}服务费 {amount} 元已逾期 {days_overdue} 天（到期日 {due_date}），请尽快缴纳。缴费：{pay_link}\"",
		0, 300, NULL, false, "逾期提醒模板" },
	{ "pay_link", CLOUDACCT_SETTING_STRING, "\"\"", 0, 255, NULL, false,
		"缴费链接（可含 {client_id}，如 https://…/app/index.php?i=1&c=entry&m=cloudacct&do=bills&client={client_id}）" },
	{ "wxpay_mchid", CLOUDACCT_SETTING_STRING, "\"\"", 0, 32, NULL, false, "微信支付商户号（APIv3 直连）" },
	{ "wxpay_appid", CLOUDACCT_SETTING_STRING, "\"\"", 0, 32, NULL, false, "微信支付 AppID（公众号或小程序）" },
	{ "wxpay_serial", CLOUDACCT_SETTING_STRING, "\"\"", 0, 64, NULL, false, "商户 API 证书序列号" },
	{ "wxpay_private_key", CLOUDACCT_SETTING_STRING, "\"\"", 0, 8192, NULL, true, "商户 API 私钥（PEM）" },
	{ "wxpay_apiv3_key", CLOUDACCT_SETTING_STRING, "\"\"", 0, 32, NULL, true, "APIv3 密钥（32 位）" },
	{ "wxpay_platform_keys", CLOUDACCT_SETTING_JSON, "[]", 0, 0, NULL, false,
		"微信支付公钥或平台证书公钥：[{\"serial\": \"PUB_KEY_ID_… 或证书序列号\", \"public_key\": \"PEM\"}]" },
	{ "wxpay_notify_url", CLOUDACCT_SETTING_STRING, "\"\"", 0, 255, NULL, false, "微信支付结果通知地址（HTTPS，不带参数）" },
	{ "wxpay_api_base", CLOUDACCT_SETTING_STRING, "\"https://api.mch.weixin.qq.com\"", 0, 128, NULL, false,
		"微信支付 API 地址（默认 https://api.mch.weixin.qq.com；备用 https://api2.mch.weixin.qq.com）" },
	/* work */
	{ "grab_window_minutes", CLOUDACCT_SETTING_INT, "30", 1, 10080, NULL, false, "抢单时限（分钟；服务可单独设置）" },
	{ "grab_window_urgent_minutes", CLOUDACCT_SETTING_INT, "10", 1, 10080, NULL, false, "加急工单抢单时限（分钟）" },
	{ "auto_assign_policy", CLOUDACCT_SETTING_STRING, "\"off\"", 0, 16, "off|round_robin|least_loaded", false,
		"抢单超时后自动派单（off 不自动，转管理员；round_robin 轮流；least_loaded 在办最少者）" },
	{ "silent_job_hours", CLOUDACCT_SETTING_INT, "24", 1, 720, NULL, false, "已接单工单多少小时无进展时提醒管理员" },
	{ "order_unpaid_minutes", CLOUDACCT_SETTING_INT, "30", 5, 10080, NULL, false, "订单未支付自动关闭（分钟）" },
	{ "job_auto_close_days", CLOUDACCT_SETTING_INT, "7", 1, 90, NULL, false, "工单完成后客户未评价自动关闭（天）" },
	{ "request_sla_hours", CLOUDACCT_SETTING_INT, "16", 0, 2000, NULL, false, "业务需求办理时限（工作小时；0 不计时）" },
	{ "request_sla_urgent_hours", CLOUDACCT_SETTING_INT, "8", 0, 2000, NULL, false, "加急业务需求办理时限（工作小时）" },
	{ "dashboard_snapshot_seconds", CLOUDACCT_SETTING_INT, "60", 0, 3600, NULL, false,
		"数据看板“在办工单”按状态的统计最多缓存多少秒（显示统计时间；0 每次实时统计）" },
	{ "recurring_due_day", CLOUDACCT_SETTING_INT, "15", 1, 28, NULL, false, "周期工单（记账、报税）每月截止日，遇节假日顺延" },
	{ "work_calendar", CLOUDACCT_SETTING_JSON,
		"{\"day_start\":\"09:00\",\"day_end\":\"18:00\",\"break_start\":\"12:00\",\"break_end\":\"13:00\","
		"\"weekend\":[0,6],\"exceptions\":[]}", 0, 0, NULL, false,
		"工作日历：工作时间、午休、周末（0=周日…6=周六）、节假日与调休上班日" },
	/* books */
	{ "books_lines", CLOUDACCT_SETTING_JSON,
		"[{\"key\":\"revenue\",\"label\":\"收入\",\"kind\":\"amount\",\"tax\":false},"
		"{\"key\":\"cost\",\"label\":\"成本\",\"kind\":\"amount\",\"tax\":false},"
		"{\"key\":\"profit\",\"label\":\"利润\",\"kind\":\"amount\",\"tax\":false},"
		"{\"key\":\"vat\",\"label\":\"应交增值税\",\"kind\":\"amount\",\"tax\":true},"
		"{\"key\":\"income_tax\",\"label\":\"应交所得税\",\"kind\":\"amount\",\"tax\":true},"
		"{\"key\":\"bank_balance\",\"label\":\"银行余额\",\"kind\":\"amount\",\"tax\":false},"
		"{\"key\":\"remark\",\"label\":\"备注\",\"kind\":\"text\",\"tax\":false}]", 0, 0, NULL, false,
		"账目项目：[{key, label, kind: amount 金额(分)|text 文字, tax: 是否计入客户确认的税额}]（请用 Books\\Books::setLines 校验后保存）" },
	{ "books_filing_job_type", CLOUDACCT_SETTING_STRING, "\"报税\"", 0, 32, NULL, false,
		"报税周期工单的业务类型（该类工单需等客户确认税额后才能完成）" },
	{ "books_filing_offset", CLOUDACCT_SETTING_INT, "1", 0, 3, NULL, false,
		"报税工单申报的账期：工单月份往前几个月（默认 1：11 月报税申报 10 月账目）" },
	/* notices */
	{ "sms_provider", CLOUDACCT_SETTING_STRING, "\"none\"", 0, 16, "none|tencent|aliyun", false, "短信服务商" },
	{ "sms_secret_id", CLOUDACCT_SETTING_STRING, "\"\"", 0, 128, NULL, false, "短信 SecretId / AccessKeyId" },
	{ "sms_secret_key", CLOUDACCT_SETTING_STRING, "\"\"", 0, 128, NULL, true, "短信 SecretKey / AccessKeySecret" },
	{ "notice_wechat_channel", CLOUDACCT_SETTING_STRING, "\"template\"", 0, 16, "none|template|subscribe", false,
		"微信通知渠道（template 公众号模板消息；subscribe 小程序订阅消息；none 不发微信）" },
	{ "notice_templates", CLOUDACCT_SETTING_JSON, "{}", 0, 0, NULL, false,
		"各事件的通知模板：事件 → {wechat: {template_id, data: {字段: \"{变量}\"}, url, pagepath, page}, sms: {template_id, params}}" },
	{ "notice_mp_appid", CLOUDACCT_SETTING_STRING, "\"\"", 0, 32, NULL, false, "模板消息跳转的小程序 AppID（可空）" },
	{ "notice_mp_state", CLOUDACCT_SETTING_STRING, "\"formal\"", 0, 16, "developer|trial|formal", false,
		"订阅消息跳转的小程序版本" },
	{ "notice_sms_fallback", CLOUDACCT_SETTING_BOOL, "true", 0, 0, NULL, false, "微信无法送达（未关注、拒收）时改发短信" },
	{ "notice_quiet_hours", CLOUDACCT_SETTING_INT_LIST, "[]", 0, 23, NULL, false,
		"免打扰时段 [开始时, 结束时]（北京时间，如 [22, 8]；空为不限）" },
	{ "notice_max_attempts", CLOUDACCT_SETTING_INT, "6", 1, 20, NULL, false, "通知发送失败后最多尝试次数" },
	{ "notice_concurrency", CLOUDACCT_SETTING_INT, "100", 1, 256, NULL, false, "通知发送并发数" },
	{ "notice_connect_timeout_ms", CLOUDACCT_SETTING_INT, "3000", 100, 60000, NULL, false, "通知接口连接超时（毫秒）" },
	{ "notice_timeout_ms", CLOUDACCT_SETTING_INT, "10000", 500, 120000, NULL, false, "通知接口总超时（毫秒）" },
	{ "notice_admin_staff", CLOUDACCT_SETTING_INT_LIST, "[]", 1, 4294967295, NULL, false,
		"同时用微信/短信接收管理员通知的员工（员工编号）" },
	{ "sms_sign_name", CLOUDACCT_SETTING_STRING, "\"\"", 0, 32, NULL, false, "短信签名" },
	{ "sms_sdk_app_id", CLOUDACCT_SETTING_STRING, "\"\"", 0, 32, NULL, false, "腾讯云短信 SdkAppId" },
	{ "sms_region", CLOUDACCT_SETTING_STRING, "\"ap-guangzhou\"", 0, 16, "ap-beijing|ap-guangzhou|ap-nanjing", false,
		"腾讯云短信地域" },
	{ "sms_aliyun_signature", CLOUDACCT_SETTING_STRING, "\"acs3\"", 0, 8, "acs3|rpc", false,
		"阿里云签名方式（acs3 = ACS3-HMAC-SHA256；rpc = HMAC-SHA1）" },
	{ "sms_per_phone_hour", CLOUDACCT_SETTING_INT, "5", 0, 100, NULL, false, "每个号码每小时最多短信条数（0 不限）" },
	{ "sms_per_phone_day", CLOUDACCT_SETTING_INT, "10", 0, 1000, NULL, false, "每个号码每天最多短信条数（0 不限）" },
};
/* clang-format on */
const size_t cloudacct_n_setting_keys = sizeof(cloudacct_setting_keys) / sizeof(cloudacct_setting_keys[0]);
