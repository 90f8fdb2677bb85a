/* The work area's C API for other areas: the money area settles and refunds orders through it;
 * the settings area may validate the working calendar with it. */
#ifndef CLOUDACCT_WORK_H
#define CLOUDACCT_WORK_H

#include "php.h"
#include "../context/context.h"
#include "../core/order_fsm.h"

/* A verified payment of an order: pending_payment → paid and the order's job is created, in the
 * caller's transaction (or its own). paid_fen must equal the order amount. Settling the same
 * reference again sets *already_paid and changes nothing; a cancelled order or another payment
 * reference throws InvalidTransitionException / ConflictException (the caller refunds). Only the
 * system actor may settle. */
zend_result cloudacct_work_order_settle(cloudacct_store *s, const cloudacct_actor *a, zend_long order_id,
	zend_long paid_fen, const char *channel, size_t channel_len, const char *reference, size_t reference_len,
	zend_long *job_id, bool *already_paid);

/* A refund of amount_fen went through: refunding → refunded (everything paid is back) or
 * partially_refunded. Never more than paid. System only. */
zend_result cloudacct_work_order_refund_settled(cloudacct_store *s, const cloudacct_actor *a, zend_long order_id,
	zend_long amount_fen, cloudacct_order_state *new_state);

/* Validates a value for the work_calendar setting; throws ValidationException naming the problem. */
bool cloudacct_work_calendar_check(zval *value);

void cloudacct_work_minit(void);

#endif
