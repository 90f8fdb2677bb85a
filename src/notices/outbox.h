/* The outbox: every business event that someone should hear about becomes one row, written in the
 * transaction of the event (DESIGN §3.7). This is the minimal writer the work area needs; the
 * notices area owns the table and adds the sender (channels, retries, fan-out).
 *
 * Recipients: "client" (a contact id), "staff" (a staff id), "admin" (a 微擎 uid, 0 = every admin
 * of the uniacid), "staff_pool" (a job id: every employee eligible to grab it). */
#ifndef CLOUDACCT_OUTBOX_H
#define CLOUDACCT_OUTBOX_H

#include "php.h"
#include "../context/context.h"

/* Queues one notice. payload is an array encoded as JSON; dedup_key (≤ 128 bytes, unique per
 * uniacid) makes queuing the same notice twice a no-op, so a retried event never notifies twice. */
zend_result cloudacct_outbox_enqueue(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zval *payload, const char *dedup_key);

#endif
