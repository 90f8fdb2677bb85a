/* Where the money area meets the work engine (orders) and the notices outbox: one function per
 * call, so each integration point is visible in one place. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "money_int.h"
#include "../common/errors.h"
#include "../notices/outbox.h"
#include "../work/work.h"

/* The order as the payment path needs it (read-only; the work area owns the table). */
zend_result cloudacct_money_order_lookup(cloudacct_store *s, zend_long order_id, zend_string *order_no, zval *row)
{
	zend_result rc;

	if (order_no) {
		cloudacct_param p[] = { CLOUDACCT_PARAM_ZSTR(order_no), CLOUDACCT_PARAM_LONG(s->uniacid) };
		rc = CLOUDACCT_DB_RUN(s->db, "SELECT id, order_no, client_id, title, amount_fen, paid_fen, refunded_fen, status"
			" FROM {order} WHERE order_no = ? AND uniacid = ?", p, 2, CLOUDACCT_FETCH_ROW, row);
	} else {
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(order_id) };
		rc = CLOUDACCT_DB_RUN(s->db, "SELECT id, order_no, client_id, title, amount_fen, paid_fen, refunded_fen, status"
			" FROM {order} WHERE uniacid = ? AND id = ?", p, 2, CLOUDACCT_FETCH_ROW, row);
	}
	if (rc == SUCCESS && Z_TYPE_P(row) != IS_ARRAY) {
		cloudacct_throw_not_found("订单不存在或无权查看 (order not found)");
		return FAILURE;
	}
	return rc;
}

static cloudacct_actor system_actor(void)
{
	cloudacct_actor a = { CLOUDACCT_ACTOR_SYSTEM, 0, ZSTR_EMPTY_ALLOC() };
	return a;
}

/* The work engine marks the order paid and creates its job, in the caller's transaction. */
zend_result cloudacct_money_order_settle(cloudacct_store *s, zend_long order_id, zend_long paid_fen, const char *channel,
	zend_string *reference, bool *already_paid)
{
	cloudacct_actor a = system_actor();
	zend_long job_id = 0;

	return cloudacct_work_order_settle(s, &a, order_id, paid_fen, channel, strlen(channel),
		reference ? ZSTR_VAL(reference) : "", reference ? ZSTR_LEN(reference) : 0, &job_id, already_paid);
}

/* The work engine moves the order from refunding to (partially) refunded. */
zend_result cloudacct_money_order_refunded(cloudacct_store *s, zend_long order_id, zend_long amount_fen)
{
	cloudacct_actor a = system_actor();
	cloudacct_order_state st;

	return cloudacct_work_order_refund_settled(s, &a, order_id, amount_fen, &st);
}

zend_result cloudacct_money_notice(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zval *payload, const char *dedup_key)
{
	return cloudacct_outbox_enqueue(s, recipient_kind, recipient_id, template_key, payload, dedup_key);
}

zend_result cloudacct_money_notify_client(cloudacct_store *s, zend_long client_id, const char *template_key,
	zval *payload, const char *dedup_prefix, zend_long *recipients)
{
	zval rows, *row;
	zend_result rc = SUCCESS;
	char key[160];

	*recipients = 0;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(client_id), CLOUDACCT_PARAM_LONG(s->uniacid) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT contact_id FROM {client_contact} WHERE client_id = ? AND uniacid = ?"
			" ORDER BY contact_id LIMIT 20", p, 2, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zend_long contact = cloudacct_money_long(row, "contact_id");
		if (rc == FAILURE) {
			break;
		}
		snprintf(key, sizeof(key), "%.100s-c%ld", dedup_prefix, (long) contact);
		rc = cloudacct_money_notice(s, "client", contact, template_key, payload, key);
		(*recipients)++;
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return rc;
}
