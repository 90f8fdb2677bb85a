/* The order state machine: every (state, event, actor) against DESIGN §3.2 and the brief. */
#include <string.h>

#include "order_fsm.h"
#include "tap.h"

enum {
	C = CLOUDACCT_ACTOR_CLIENT,
	St = CLOUDACCT_ACTOR_STAFF,
	A = CLOUDACCT_ACTOR_ADMIN,
	Sy = CLOUDACCT_ACTOR_SYSTEM
};

#define PP CLOUDACCT_ORDER_PENDING_PAYMENT
#define PAID CLOUDACCT_ORDER_PAID
#define FUL CLOUDACCT_ORDER_FULFILLED
#define CAN CLOUDACCT_ORDER_CANCELLED
#define RING CLOUDACCT_ORDER_REFUNDING
#define RED CLOUDACCT_ORDER_REFUNDED
#define PART CLOUDACCT_ORDER_PARTIALLY_REFUNDED

typedef struct {
	cloudacct_order_state from;
	cloudacct_order_event ev;
	cloudacct_order_state to;
	unsigned actors;
} expected_edge;

/* Written out one source state per line, independently of order_fsm.c. */
static const expected_edge edges[] = {
	{PP, CLOUDACCT_ORDER_EV_PAY, PAID, Sy},
	{PP, CLOUDACCT_ORDER_EV_CANCEL, CAN, C | A},
	{PP, CLOUDACCT_ORDER_EV_EXPIRE, CAN, Sy},
	{PAID, CLOUDACCT_ORDER_EV_FULFIL, FUL, Sy | A},
	{PAID, CLOUDACCT_ORDER_EV_REFUND_REQUEST, RING, A | C},
	{FUL, CLOUDACCT_ORDER_EV_REFUND_REQUEST, RING, A},
	{PART, CLOUDACCT_ORDER_EV_REFUND_REQUEST, RING, A},
	{RING, CLOUDACCT_ORDER_EV_REFUND_DONE, RED, Sy},
	{RING, CLOUDACCT_ORDER_EV_REFUND_DONE_PARTIAL, PART, Sy},
};
#define N_EDGES (sizeof(edges) / sizeof(edges[0]))

static const unsigned actors[] = {C, St, A, Sy};
static const char *const actor_names[] = {"client", "staff", "admin", "system"};

static const char *const state_names[] = {"pending_payment",   "paid",      "fulfilled",
										  "cancelled",         "refunding", "refunded",
										  "partially_refunded"};
static const char *const state_labels[] = {"待支付", "已支付", "已完成",  "已取消",
										   "退款中", "已退款", "部分退款"};
static const char *const event_names[] = {
	"pay", "cancel", "expire", "fulfil", "refund_request", "refund_done", "refund_done_partial"};

static const expected_edge *find_edge(int from, int ev)
{
	size_t i;

	for (i = 0; i < N_EDGES; i++) {
		if ((int) edges[i].from == from && (int) edges[i].ev == ev) {
			return &edges[i];
		}
	}
	return NULL;
}

static void test_full_table(void)
{
	int from, ev, ai;

	for (from = 0; from < CLOUDACCT_ORDER_STATE_COUNT; from++) {
		for (ev = 0; ev < CLOUDACCT_ORDER_EVENT_COUNT; ev++) {
			for (ai = 0; ai < 4; ai++) {
				const expected_edge *e = find_edge(from, ev);
				cloudacct_order_state to = (cloudacct_order_state) 99;
				cloudacct_fsm_result r = cloudacct_order_transition(
					(cloudacct_order_state) from, (cloudacct_order_event) ev,
					(cloudacct_actor_kind) actors[ai], &to);
				cloudacct_fsm_result want = e == NULL                  ? CLOUDACCT_FSM_ILLEGAL
											: (e->actors & actors[ai]) ? CLOUDACCT_FSM_OK
																	   : CLOUDACCT_FSM_FORBIDDEN;
				cloudacct_order_state want_to =
					want == CLOUDACCT_FSM_OK ? e->to : (cloudacct_order_state) 99;

				ok(r == want && to == want_to, "%s --%s--> by %s is %s", state_names[from],
				   event_names[ev], actor_names[ai],
				   want == CLOUDACCT_FSM_OK        ? state_names[e->to]
				   : want == CLOUDACCT_FSM_ILLEGAL ? "ILLEGAL"
												   : "FORBIDDEN");
			}
		}
	}
}

static void test_staff_never_moves_orders(void)
{
	int from;
	uint32_t any = 0;

	for (from = 0; from < CLOUDACCT_ORDER_STATE_COUNT; from++) {
		any |= cloudacct_order_allowed_events((cloudacct_order_state) from, CLOUDACCT_ACTOR_STAFF);
	}
	is_int(any, 0, "staff may fire no order event from any state");
}

static void test_allowed_events(void)
{
	int from, ev, ai, mismatches = 0;

	for (from = 0; from < CLOUDACCT_ORDER_STATE_COUNT; from++) {
		for (ai = 0; ai < 4; ai++) {
			uint32_t want = 0;
			for (ev = 0; ev < CLOUDACCT_ORDER_EVENT_COUNT; ev++) {
				const expected_edge *e = find_edge(from, ev);
				if (e != NULL && (e->actors & actors[ai])) {
					want |= 1u << ev;
				}
			}
			mismatches += cloudacct_order_allowed_events((cloudacct_order_state) from,
														 (cloudacct_actor_kind) actors[ai]) != want;
		}
	}
	is_int(mismatches, 0, "allowed_events matches the table for every state and actor");
	is_int(cloudacct_order_allowed_events(PP, CLOUDACCT_ACTOR_CLIENT),
		   1u << CLOUDACCT_ORDER_EV_CANCEL,
		   "client on an unpaid order: only cancel (paying is the callback's job)");
	is_int(cloudacct_order_allowed_events(FUL, CLOUDACCT_ACTOR_CLIENT), 0,
		   "client cannot request a refund of delivered work");
	is_int(cloudacct_order_allowed_events((cloudacct_order_state) CLOUDACCT_ORDER_STATE_COUNT,
										  CLOUDACCT_ACTOR_ADMIN),
		   0, "nothing from an unknown state");
	is_int(cloudacct_order_allowed_events(PAID, (cloudacct_actor_kind) (C | A)), 0,
		   "combined actor gets nothing");
}

static void test_invalid_inputs(void)
{
	cloudacct_order_state to = PAID;

	is_int(cloudacct_order_transition((cloudacct_order_state) CLOUDACCT_ORDER_STATE_COUNT,
									  CLOUDACCT_ORDER_EV_PAY, CLOUDACCT_ACTOR_SYSTEM, &to),
		   CLOUDACCT_FSM_ILLEGAL, "state out of range is ILLEGAL");
	is_int(cloudacct_order_transition(PP, (cloudacct_order_event) CLOUDACCT_ORDER_EVENT_COUNT,
									  CLOUDACCT_ACTOR_SYSTEM, &to),
		   CLOUDACCT_FSM_ILLEGAL, "event out of range is ILLEGAL");
	is_int(cloudacct_order_transition(PP, CLOUDACCT_ORDER_EV_PAY, (cloudacct_actor_kind) 0, &to),
		   CLOUDACCT_FSM_FORBIDDEN, "actor 0 is FORBIDDEN");
	is_int(cloudacct_order_transition(PP, CLOUDACCT_ORDER_EV_PAY, (cloudacct_actor_kind) (Sy | C),
									  &to),
		   CLOUDACCT_FSM_FORBIDDEN, "a client cannot pay by borrowing the system bit");
	is_int(to, PAID, "output untouched");
}

static void test_names(void)
{
	int i;

	for (i = 0; i < CLOUDACCT_ORDER_STATE_COUNT; i++) {
		cloudacct_order_state st = (cloudacct_order_state) 99;
		is_str(cloudacct_order_state_name((cloudacct_order_state) i), state_names[i],
			   "state %d name", i);
		is_str(cloudacct_order_state_label((cloudacct_order_state) i), state_labels[i],
			   "state %d label", i);
		ok(cloudacct_order_state_parse(state_names[i], strlen(state_names[i]), &st) &&
			   (int) st == i,
		   "parse '%s'", state_names[i]);
	}
	for (i = 0; i < CLOUDACCT_ORDER_EVENT_COUNT; i++) {
		cloudacct_order_event ev = (cloudacct_order_event) 99;
		const char *label = cloudacct_order_event_label((cloudacct_order_event) i);
		is_str(cloudacct_order_event_name((cloudacct_order_event) i), event_names[i],
			   "event %d name", i);
		ok(label != NULL && strlen(label) >= 3, "event %d has a Chinese label: %s", i, label);
		ok(cloudacct_order_event_parse(event_names[i], strlen(event_names[i]), &ev) &&
			   (int) ev == i,
		   "parse event '%s'", event_names[i]);
	}
	ok(cloudacct_order_state_name((cloudacct_order_state) -1) == NULL, "no name out of range");
	ok(cloudacct_order_state_label((cloudacct_order_state) CLOUDACCT_ORDER_STATE_COUNT) == NULL,
	   "no label out of range");
	ok(cloudacct_order_event_name((cloudacct_order_event) CLOUDACCT_ORDER_EVENT_COUNT) == NULL,
	   "no event name");
	ok(cloudacct_order_event_label((cloudacct_order_event) -1) == NULL, "no event label");
}

static void test_parse_rejects(void)
{
	static const char *const bad[] = {
		"",       "Paid",    "PAID",   "paid ", " paid", "pending", "pending-payment",
		"refund", "partial", "已支付", "pay"};
	cloudacct_order_state st = RED;
	cloudacct_order_event ev = CLOUDACCT_ORDER_EV_EXPIRE;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(!cloudacct_order_state_parse(bad[i], strlen(bad[i]), &st), "state '%s' rejected",
		   bad[i]);
	}
	ok(!cloudacct_order_state_parse("paid\0", 5, &st), "trailing NUL rejected");
	ok(!cloudacct_order_event_parse("refund_done_partia", 18, &ev), "event prefix rejected");
	ok(!cloudacct_order_event_parse("refund_done", 10, &ev), "length is authoritative");
	ok(!cloudacct_order_event_parse("fulfill", 7, &ev), "'fulfill' is not 'fulfil'");
	ok(st == RED && ev == CLOUDACCT_ORDER_EV_EXPIRE, "rejected parses leave outputs untouched");
}

static void test_finality(void)
{
	int i;

	for (i = 0; i < CLOUDACCT_ORDER_STATE_COUNT; i++) {
		cloudacct_order_state st = (cloudacct_order_state) i;
		bool final = st == CAN || st == RED;
		uint32_t any = 0;
		int ai;
		for (ai = 0; ai < 4; ai++) {
			any |= cloudacct_order_allowed_events(st, (cloudacct_actor_kind) actors[ai]);
		}
		ok(cloudacct_order_state_is_final(st) == final, "%s %s final", state_names[i],
		   final ? "is" : "is not");
		ok((any == 0) == final, "%s: final exactly when no event leaves it", state_names[i]);
	}
}

static cloudacct_order_state step(cloudacct_order_state st, cloudacct_order_event ev,
								  unsigned actor, cloudacct_fsm_result want,
								  cloudacct_order_state want_to)
{
	cloudacct_order_state to = st;
	cloudacct_fsm_result r = cloudacct_order_transition(st, ev, (cloudacct_actor_kind) actor, &to);

	ok(r == want && to == want_to, "journey: %s --%s--> %s", state_names[st], event_names[ev],
	   state_names[want_to]);
	return to;
}

static void test_journeys(void)
{
	cloudacct_order_state s = PP;

	/* Pay, deliver, then two partial refunds granted by an admin and a full one. */
	s = step(s, CLOUDACCT_ORDER_EV_PAY, C, CLOUDACCT_FSM_FORBIDDEN, PP);
	s = step(s, CLOUDACCT_ORDER_EV_PAY, Sy, CLOUDACCT_FSM_OK, PAID);
	s = step(s, CLOUDACCT_ORDER_EV_PAY, Sy, CLOUDACCT_FSM_ILLEGAL, PAID); /* a replayed notify */
	s = step(s, CLOUDACCT_ORDER_EV_CANCEL, C, CLOUDACCT_FSM_ILLEGAL, PAID);
	s = step(s, CLOUDACCT_ORDER_EV_FULFIL, Sy, CLOUDACCT_FSM_OK, FUL);
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_REQUEST, C, CLOUDACCT_FSM_FORBIDDEN, FUL);
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_REQUEST, A, CLOUDACCT_FSM_OK, RING);
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_DONE_PARTIAL, A, CLOUDACCT_FSM_FORBIDDEN, RING);
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_DONE_PARTIAL, Sy, CLOUDACCT_FSM_OK, PART);
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_REQUEST, C, CLOUDACCT_FSM_FORBIDDEN, PART);
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_REQUEST, A, CLOUDACCT_FSM_OK, RING);
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_DONE, Sy, CLOUDACCT_FSM_OK, RED);
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_REQUEST, A, CLOUDACCT_FSM_ILLEGAL, RED);

	/* Unpaid: the payment window passes; a late cancel and a late payment are illegal. */
	s = PP;
	s = step(s, CLOUDACCT_ORDER_EV_EXPIRE, C, CLOUDACCT_FSM_FORBIDDEN, PP);
	s = step(s, CLOUDACCT_ORDER_EV_EXPIRE, Sy, CLOUDACCT_FSM_OK, CAN);
	s = step(s, CLOUDACCT_ORDER_EV_CANCEL, C, CLOUDACCT_FSM_ILLEGAL, CAN);
	s = step(s, CLOUDACCT_ORDER_EV_PAY, Sy, CLOUDACCT_FSM_ILLEGAL, CAN);

	/* Paid, client changes their mind before work is delivered. */
	s = PAID;
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_REQUEST, C, CLOUDACCT_FSM_OK, RING);
	s = step(s, CLOUDACCT_ORDER_EV_FULFIL, Sy, CLOUDACCT_FSM_ILLEGAL, RING);
	s = step(s, CLOUDACCT_ORDER_EV_REFUND_DONE, Sy, CLOUDACCT_FSM_OK, RED);
	(void) s;
}

int main(void)
{
	test_full_table();
	test_staff_never_moves_orders();
	test_allowed_events();
	test_invalid_inputs();
	test_names();
	test_parse_rejects();
	test_finality();
	test_journeys();
	return done_testing();
}
