/* The outbox writer (outbox.h): enqueue and cancel, used by every area in its own transaction. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "outbox.h"
#include "../common/errors.h"

static bool in_list(const char *const *list, const char *s, size_t len)
{
	for (; *list; list++) {
		if (strlen(*list) == len && memcmp(*list, s, len) == 0) {
			return true;
		}
	}
	return false;
}

bool cloudacct_outbox_recipient_kind_valid(const char *kind, size_t len)
{
	static const char *const kinds[] = { "client", "staff", "admin", "staff_pool", NULL };
	return in_list(kinds, kind, len);
}

bool cloudacct_outbox_channel_valid(const char *channel, size_t len)
{
	static const char *const channels[] = { "auto", "wechat", "sms", "inbox", NULL };
	return in_list(channels, channel, len);
}

zend_result cloudacct_outbox_enqueue_ex(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *channel, const char *template_key, zval *payload, const char *dedup_key, size_t dedup_len,
	zend_long *id_out)
{
	smart_str json = {0};
	zend_long now = cloudacct_clock_now();

	ZEND_ASSERT(dedup_len > 0 && dedup_len <= CLOUDACCT_OUTBOX_DEDUP_MAX);
	*id_out = 0;
	if (php_json_encode(&json, payload, PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_UNESCAPED_SLASHES) == FAILURE) {
		smart_str_free(&json);
		cloudacct_throw_validation("payload", "通知内容无法编码为 JSON（请检查是否含有无效的 UTF-8）(notice payload is not encodable as JSON)");
		return FAILURE;
	}
	smart_str_0(&json);
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_STR(recipient_kind, strlen(recipient_kind)),
		CLOUDACCT_PARAM_LONG(recipient_id),
		CLOUDACCT_PARAM_STR(channel, strlen(channel)),
		CLOUDACCT_PARAM_STR(template_key, strlen(template_key)),
		CLOUDACCT_PARAM_STR(ZSTR_VAL(json.s), ZSTR_LEN(json.s)),
		CLOUDACCT_PARAM_STR(dedup_key, dedup_len),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(now),
	};
	/* A duplicate dedup key leaves the queued row as it is (affected rows 0, no insert id). */
	zend_result rc = CLOUDACCT_DB_RUN(s->db,
		"INSERT INTO {outbox} (uniacid, recipient_kind, recipient_id, channel, template, payload, dedup_key,"
		" next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id",
		p, 9, CLOUDACCT_FETCH_NONE, NULL);
	smart_str_free(&json);
	if (rc == SUCCESS && cloudacct_db_affected_rows(s->db) == 1) {
		*id_out = (zend_long) cloudacct_db_insert_id(s->db);
	}
	return rc;
}

zend_result cloudacct_outbox_enqueue(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zval *payload, const char *dedup_key)
{
	zend_long id;
	return cloudacct_outbox_enqueue_ex(s, recipient_kind, recipient_id, "auto", template_key, payload, dedup_key,
		strlen(dedup_key), &id);
}

zend_result cloudacct_outbox_cancel(cloudacct_store *s, const char *dedup_key, size_t dedup_len, const char *reason,
	size_t reason_len, bool *cancelled)
{
	zend_long now = cloudacct_clock_now();
	cloudacct_param p[] = {
		CLOUDACCT_PARAM_STR(reason, reason_len),
		CLOUDACCT_PARAM_LONG(now),
		CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_STR(dedup_key, dedup_len),
	};
	/* Only waiting rows: a row being sent right now is past the point of no return. */
	zend_result rc = CLOUDACCT_DB_RUN(s->db,
		"UPDATE {outbox} SET status = 'cancelled', last_error = ?, updated_at = ?"
		" WHERE uniacid = ? AND dedup_key = ? AND status IN ('queued', 'deferred')",
		p, 4, CLOUDACCT_FETCH_NONE, NULL);
	*cancelled = rc == SUCCESS && cloudacct_db_affected_rows(s->db) > 0;
	return rc;
}

typedef struct {
	const char *key;
	const char *title;
} event_title;

/* The events of DESIGN §3.7; areas adding an event add its title here. */
static const event_title event_titles[] = {
	{ "job_open", "新的待抢工单" },
	{ "job_pool", "新的待抢工单" },
	{ "job_created", "新的业务需求" },
	{ "job_assigned", "工单已指派" },
	{ "job_grabbed", "工单已被接单" },
	{ "job_reassigned", "工单已改派" },
	{ "job_progress", "工单有新进展" },
	{ "job_waiting_client", "工单等待您补充资料" },
	{ "job_done", "工单已完成" },
	{ "job_closed", "工单已关闭" },
	{ "job_cancelled", "工单已取消" },
	{ "job_escalated", "工单抢单超时，待指派" },
	{ "job_silent", "工单长时间无进展" },
	{ "job_sla_breached", "工单已超出办理时限" },
	{ "order_paid", "订单已支付" },
	{ "payment_received", "收到付款" },
	{ "bill_created", "新的账单" },
	{ "bill_due", "账单即将到期" },
	{ "bill_overdue", "账单已逾期" },
	{ "dunning", "缴费提醒" },
	{ "dunning_reminder", "缴费提醒" },
	{ "refund", "退款进展" },
	{ "rating_received", "收到新的评价" },
	{ "rating_bad", "收到差评，请跟进" },
	{ "rating_request", "请为本次服务评价" },
	{ "complaint_opened", "收到新的投诉" },
	{ "complaint_update", "投诉处理进展" },
	{ "complaint_escalated", "投诉超时未处理" },
	{ "books_published", "月度账目已发布" },
	{ "tax_confirm", "请确认本期税额" },
	{ "books_confirmed", "客户已确认税额" },
	{ "books_disputed", "客户对税额有异议" },
	{ "staff_bound", "员工绑定成功" },
	{ "registration", "新的客户注册申请" },
};

const char *cloudacct_outbox_event_title(const char *template_key)
{
	for (size_t i = 0; i < sizeof(event_titles) / sizeof(event_titles[0]); i++) {
		if (strcmp(event_titles[i].key, template_key) == 0) {
			return event_titles[i].title;
		}
	}
	return template_key;
}
