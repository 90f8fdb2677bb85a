/* The money area's C API for other areas.
 *
 * Dunning reminders are queued as outbox rows (template "dunning_reminder") whose payload carries
 * "recheck" => "money.bills_due" and "bill_ids" => list<int>. The notices sender must call
 * cloudacct_money_bills_still_due() right before sending such a row and drop it
 * when it answers false: the client paid after the reminder was queued (the sender marks it
 * cancelled with the reason; src/notices/sender.c recheck()). */
#ifndef CLOUDACCT_MONEY_H
#define CLOUDACCT_MONEY_H

#include "php.h"
#include "../context/context.h"

#define CLOUDACCT_MONEY_RECHECK "money.bills_due"

/* *due = true when at least one of the bills (of this uniacid) is still open. No exception for
 * unknown ids (they are not due). */
zend_result cloudacct_money_bills_still_due(cloudacct_store *s, const zend_long *bill_ids, size_t n, bool *due);

/* In the transaction that changes a client's store (after its UPDATE): moves the client's money in
 * and out (collect_month, the dashboard's collections per month and store) from one store to the
 * other, so figures per store keep following the client's current store. */
zend_result cloudacct_money_client_moved(cloudacct_store *s, zend_long client_id, zend_long from_store, zend_long to_store);

/* Registers CloudAcct\Ledger\*; called from MINIT. */
void cloudacct_money_minit(void);

#endif
