/* The outbox: every business event that someone should hear about becomes one row, written in
 * the transaction of the event (DESIGN §3.7); the sender (sender.c) drains it and the same rows
 * are each person's notice list (站内消息).
 *
 * Recipients: "client" (a contact id), "staff" (a staff id), "admin" (a 微擎 uid, 0 = every admin
 * of the uniacid), "staff_pool" (a job id: every employee eligible to grab it). The sender expands
 * staff_pool and admin rows into one row per person it can reach.
 * Status: queued → sending (leased) → sent | failed | deferred (→ sending again) | cancelled. */
#ifndef CLOUDACCT_OUTBOX_H
#define CLOUDACCT_OUTBOX_H

#include "php.h"
#include "../context/context.h"

#define CLOUDACCT_OUTBOX_DEDUP_MAX 128

/* Queues one notice on channel "auto". payload is an array encoded as JSON; dedup_key (≤ 128
 * bytes, unique per uniacid) makes queuing the same notice twice a no-op, so a retried event
 * never notifies twice. */
zend_result cloudacct_outbox_enqueue(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zval *payload, const char *dedup_key);

/* The same with a channel (auto|wechat|sms|inbox); *id_out = the new row id, 0 when the dedup key
 * was already queued. */
zend_result cloudacct_outbox_enqueue_ex(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *channel, const char *template_key, zval *payload, const char *dedup_key, size_t dedup_len,
	zend_long *id_out);

/* Cancels a notice that is still waiting (queued/deferred): e.g. a dunning notice once the bill
 * is paid. *cancelled = false when there is none (already sent, sending, or unknown). */
zend_result cloudacct_outbox_cancel(cloudacct_store *s, const char *dedup_key, size_t dedup_len, const char *reason,
	size_t reason_len, bool *cancelled);

/* Recipient kinds and channels the outbox knows. */
bool cloudacct_outbox_recipient_kind_valid(const char *kind, size_t len);
bool cloudacct_outbox_channel_valid(const char *channel, size_t len);

/* The Chinese title of an event template key for the notice list ("工单已指派"); the key itself
 * when unknown. */
const char *cloudacct_outbox_event_title(const char *template_key);

void cloudacct_notices_minit(void);

#endif
