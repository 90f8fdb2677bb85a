/*
 * The order state machine, DESIGN §3.2. An order is the commercial object;
 * the work lives in its job. Partial refunds go refunding →
 * partially_refunded and may repeat (partially_refunded → refunding); the
 * binding keeps "never more than paid" against the ledger, the table only
 * knows the states.
 */
#ifndef CLOUDACCT_CORE_ORDER_FSM_H
#define CLOUDACCT_CORE_ORDER_FSM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "fsm.h"

typedef enum {
	CLOUDACCT_ORDER_PENDING_PAYMENT = 0,
	CLOUDACCT_ORDER_PAID,
	CLOUDACCT_ORDER_FULFILLED,
	CLOUDACCT_ORDER_CANCELLED,
	CLOUDACCT_ORDER_REFUNDING,
	CLOUDACCT_ORDER_REFUNDED,
	CLOUDACCT_ORDER_PARTIALLY_REFUNDED
} cloudacct_order_state;
#define CLOUDACCT_ORDER_STATE_COUNT 7

typedef enum {
	CLOUDACCT_ORDER_EV_PAY = 0,
	CLOUDACCT_ORDER_EV_CANCEL,
	CLOUDACCT_ORDER_EV_EXPIRE,
	CLOUDACCT_ORDER_EV_FULFIL,
	CLOUDACCT_ORDER_EV_REFUND_REQUEST,
	CLOUDACCT_ORDER_EV_REFUND_DONE,
	CLOUDACCT_ORDER_EV_REFUND_DONE_PARTIAL
} cloudacct_order_event;
#define CLOUDACCT_ORDER_EVENT_COUNT 7

/* Lowercase names stored in SQL and history rows; NULL if out of range. */
const char *cloudacct_order_state_name(cloudacct_order_state st);
bool cloudacct_order_state_parse(const char *s, size_t len, cloudacct_order_state *out);
const char *cloudacct_order_event_name(cloudacct_order_event ev);
bool cloudacct_order_event_parse(const char *s, size_t len, cloudacct_order_event *out);

/* Chinese labels for pages ("待支付", "申请退款"); NULL if out of range. */
const char *cloudacct_order_state_label(cloudacct_order_state st);
const char *cloudacct_order_event_label(cloudacct_order_event ev);

/* Same contract as cloudacct_job_transition(). */
cloudacct_fsm_result cloudacct_order_transition(cloudacct_order_state from,
												cloudacct_order_event ev,
												cloudacct_actor_kind actor,
												cloudacct_order_state *to);

/* Bit (1u << event) set for every event this actor may fire from `from`. */
uint32_t cloudacct_order_allowed_events(cloudacct_order_state from, cloudacct_actor_kind actor);

/* No event leaves it: cancelled, refunded. */
bool cloudacct_order_state_is_final(cloudacct_order_state st);

#endif
