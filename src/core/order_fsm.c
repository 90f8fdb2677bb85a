#include "order_fsm.h"

#define S(x) CLOUDACCT_FSM_BIT(CLOUDACCT_ORDER_##x)
#define E(x) CLOUDACCT_ORDER_EV_##x
#define T(x) CLOUDACCT_ORDER_##x

enum {
	CLIENT = CLOUDACCT_ACTOR_CLIENT,
	ADMIN = CLOUDACCT_ACTOR_ADMIN,
	SYSTEM = CLOUDACCT_ACTOR_SYSTEM
};

/*
 * The whole order lifecycle; (event, state) is unique. Employees never move
 * an order: they work its job. "pay" and the refund results are SYSTEM
 * because only a verified payment callback may fire them.
 */
/* clang-format off */
static const cloudacct_fsm_rule order_rules[] = {
	{ E(PAY),                 T(PAID),               SYSTEM,         S(PENDING_PAYMENT) },
	{ E(CANCEL),              T(CANCELLED),          CLIENT | ADMIN, S(PENDING_PAYMENT) },
	{ E(EXPIRE),              T(CANCELLED),          SYSTEM,         S(PENDING_PAYMENT) },
	/* The job is done: fired by the system, or an admin settling by hand. */
	{ E(FULFIL),              T(FULFILLED),          SYSTEM | ADMIN, S(PAID) },
	/* A client may ask for money back only before the work is delivered. */
	{ E(REFUND_REQUEST),      T(REFUNDING),          CLIENT | ADMIN, S(PAID) },
	{ E(REFUND_REQUEST),      T(REFUNDING),          ADMIN,          S(FULFILLED) | S(PARTIALLY_REFUNDED) },
	{ E(REFUND_DONE),         T(REFUNDED),           SYSTEM,         S(REFUNDING) },
	{ E(REFUND_DONE_PARTIAL), T(PARTIALLY_REFUNDED), SYSTEM,         S(REFUNDING) },
};
/* clang-format on */

#define N_RULES (sizeof(order_rules) / sizeof(order_rules[0]))

static const char *const state_names[CLOUDACCT_ORDER_STATE_COUNT] = {
	"pending_payment", "paid",     "fulfilled",         "cancelled",
	"refunding",       "refunded", "partially_refunded"};

static const char *const state_labels[CLOUDACCT_ORDER_STATE_COUNT] = {
	"待支付", "已支付", "已完成", "已取消", "退款中", "已退款", "部分退款"};

static const char *const event_names[CLOUDACCT_ORDER_EVENT_COUNT] = {
	"pay", "cancel", "expire", "fulfil", "refund_request", "refund_done", "refund_done_partial"};

static const char *const event_labels[CLOUDACCT_ORDER_EVENT_COUNT] = {
	"支付", "取消订单", "超时未支付", "服务完成", "申请退款", "退款完成", "部分退款完成"};

static bool state_ok(cloudacct_order_state st)
{
	return (unsigned) st < CLOUDACCT_ORDER_STATE_COUNT;
}

static bool event_ok(cloudacct_order_event ev)
{
	return (unsigned) ev < CLOUDACCT_ORDER_EVENT_COUNT;
}

const char *cloudacct_order_state_name(cloudacct_order_state st)
{
	return state_ok(st) ? state_names[st] : NULL;
}

const char *cloudacct_order_state_label(cloudacct_order_state st)
{
	return state_ok(st) ? state_labels[st] : NULL;
}

bool cloudacct_order_state_parse(const char *s, size_t len, cloudacct_order_state *out)
{
	int i = cloudacct_fsm_name_index(state_names, CLOUDACCT_ORDER_STATE_COUNT, s, len);

	if (i < 0) {
		return false;
	}
	*out = (cloudacct_order_state) i;
	return true;
}

const char *cloudacct_order_event_name(cloudacct_order_event ev)
{
	return event_ok(ev) ? event_names[ev] : NULL;
}

const char *cloudacct_order_event_label(cloudacct_order_event ev)
{
	return event_ok(ev) ? event_labels[ev] : NULL;
}

bool cloudacct_order_event_parse(const char *s, size_t len, cloudacct_order_event *out)
{
	int i = cloudacct_fsm_name_index(event_names, CLOUDACCT_ORDER_EVENT_COUNT, s, len);

	if (i < 0) {
		return false;
	}
	*out = (cloudacct_order_event) i;
	return true;
}

cloudacct_fsm_result cloudacct_order_transition(cloudacct_order_state from,
												cloudacct_order_event ev,
												cloudacct_actor_kind actor,
												cloudacct_order_state *to)
{
	unsigned next;
	cloudacct_fsm_result r;

	if (!state_ok(from) || !event_ok(ev)) {
		return CLOUDACCT_FSM_ILLEGAL;
	}
	r = cloudacct_fsm_step(order_rules, N_RULES, (unsigned) from, (unsigned) ev, (unsigned) actor,
						   &next);
	if (r == CLOUDACCT_FSM_OK) {
		*to = (cloudacct_order_state) next;
	}
	return r;
}

uint32_t cloudacct_order_allowed_events(cloudacct_order_state from, cloudacct_actor_kind actor)
{
	if (!state_ok(from)) {
		return 0;
	}
	return cloudacct_fsm_allowed(order_rules, N_RULES, (unsigned) from, (unsigned) actor);
}

bool cloudacct_order_state_is_final(cloudacct_order_state st)
{
	return st == CLOUDACCT_ORDER_CANCELLED || st == CLOUDACCT_ORDER_REFUNDED;
}
