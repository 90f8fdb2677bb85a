/* The complaint state machine: every (state, event, actor) against DESIGN §3.5 and the brief. */
#include <string.h>

#include "complaint_fsm.h"
#include "tap.h"

enum {
	C = CLOUDACCT_ACTOR_CLIENT,
	St = CLOUDACCT_ACTOR_STAFF,
	A = CLOUDACCT_ACTOR_ADMIN,
	Sy = CLOUDACCT_ACTOR_SYSTEM
};

#define OPEN CLOUDACCT_COMPLAINT_OPEN
#define PROC CLOUDACCT_COMPLAINT_PROCESSING
#define RES CLOUDACCT_COMPLAINT_RESOLVED
#define CLO CLOUDACCT_COMPLAINT_CLOSED

typedef struct {
	cloudacct_complaint_state from;
	cloudacct_complaint_event ev;
	cloudacct_complaint_state to;
	unsigned actors;
} expected_edge;

/* Written out independently of complaint_fsm.c. */
static const expected_edge edges[] = {
	{OPEN, CLOUDACCT_COMPLAINT_EV_PROCESS, PROC, A},
	{OPEN, CLOUDACCT_COMPLAINT_EV_RESOLVE, RES, A},
	{PROC, CLOUDACCT_COMPLAINT_EV_RESOLVE, RES, A},
	{RES, CLOUDACCT_COMPLAINT_EV_REOPEN, OPEN, C},
	{RES, CLOUDACCT_COMPLAINT_EV_CLOSE, CLO, C | A | Sy},
};
#define N_EDGES (sizeof(edges) / sizeof(edges[0]))

static const unsigned actors[] = {C, St, A, Sy};
static const char *const actor_names[] = {"client", "staff", "admin", "system"};
static const char *const state_names[] = {"open", "processing", "resolved", "closed"};
static const char *const state_labels[] = {"待处理", "处理中", "已解决", "已关闭"};
static const char *const event_names[] = {"process", "resolve", "reopen", "close"};

static const expected_edge *find_edge(int from, int ev)
{
	for (size_t i = 0; i < N_EDGES; i++) {
		if ((int) edges[i].from == from && (int) edges[i].ev == ev) {
			return &edges[i];
		}
	}
	return NULL;
}

static void test_full_table(void)
{
	for (int from = 0; from < CLOUDACCT_COMPLAINT_STATE_COUNT; from++) {
		for (int ev = 0; ev < CLOUDACCT_COMPLAINT_EVENT_COUNT; ev++) {
			for (int ai = 0; ai < 4; ai++) {
				const expected_edge *e = find_edge(from, ev);
				cloudacct_complaint_state to = (cloudacct_complaint_state) 99;
				cloudacct_fsm_result r = cloudacct_complaint_transition((cloudacct_complaint_state) from,
					(cloudacct_complaint_event) ev, (cloudacct_actor_kind) actors[ai], &to);
				cloudacct_fsm_result want = e == NULL ? CLOUDACCT_FSM_ILLEGAL
					: (e->actors & actors[ai]) ? CLOUDACCT_FSM_OK : CLOUDACCT_FSM_FORBIDDEN;
				cloudacct_complaint_state want_to = want == CLOUDACCT_FSM_OK ? e->to : (cloudacct_complaint_state) 99;
				ok(r == want && to == want_to, "%s --%s--> by %s is %s", state_names[from], event_names[ev],
					actor_names[ai], want == CLOUDACCT_FSM_OK ? state_names[e->to]
					: want == CLOUDACCT_FSM_ILLEGAL ? "ILLEGAL" : "FORBIDDEN");
			}
		}
	}
}

static void test_allowed_events(void)
{
	int mismatches = 0;
	uint32_t staff = 0;

	for (int from = 0; from < CLOUDACCT_COMPLAINT_STATE_COUNT; from++) {
		for (int ai = 0; ai < 4; ai++) {
			uint32_t want = 0;
			for (int ev = 0; ev < CLOUDACCT_COMPLAINT_EVENT_COUNT; ev++) {
				const expected_edge *e = find_edge(from, ev);
				if (e != NULL && (e->actors & actors[ai])) {
					want |= 1u << ev;
				}
			}
			mismatches += cloudacct_complaint_allowed_events((cloudacct_complaint_state) from,
				(cloudacct_actor_kind) actors[ai]) != want;
		}
		staff |= cloudacct_complaint_allowed_events((cloudacct_complaint_state) from, CLOUDACCT_ACTOR_STAFF);
	}
	is_int(mismatches, 0, "allowed_events matches the table for every state and actor");
	is_int(staff, 0, "an employee moves no complaint (it may be about them)");
	is_int(cloudacct_complaint_allowed_events(RES, CLOUDACCT_ACTOR_CLIENT),
		(1u << CLOUDACCT_COMPLAINT_EV_REOPEN) | (1u << CLOUDACCT_COMPLAINT_EV_CLOSE),
		"client on a resolved complaint: reopen or confirm");
	is_int(cloudacct_complaint_allowed_events(CLO, CLOUDACCT_ACTOR_ADMIN), 0, "nothing leaves closed");
	is_int(cloudacct_complaint_allowed_events((cloudacct_complaint_state) 4, CLOUDACCT_ACTOR_ADMIN), 0,
		"nothing from an unknown state");
	is_int(cloudacct_complaint_allowed_events(OPEN, (cloudacct_actor_kind) (C | A)), 0, "combined actor gets nothing");
}

static void test_invalid_inputs(void)
{
	cloudacct_complaint_state to = PROC;

	is_int(cloudacct_complaint_transition((cloudacct_complaint_state) 4, CLOUDACCT_COMPLAINT_EV_CLOSE,
		CLOUDACCT_ACTOR_ADMIN, &to), CLOUDACCT_FSM_ILLEGAL, "state out of range is ILLEGAL");
	is_int(cloudacct_complaint_transition(OPEN, (cloudacct_complaint_event) 4, CLOUDACCT_ACTOR_ADMIN, &to),
		CLOUDACCT_FSM_ILLEGAL, "event out of range is ILLEGAL");
	is_int(cloudacct_complaint_transition(OPEN, CLOUDACCT_COMPLAINT_EV_PROCESS, (cloudacct_actor_kind) 0, &to),
		CLOUDACCT_FSM_FORBIDDEN, "actor 0 is FORBIDDEN");
	is_int(cloudacct_complaint_transition(RES, CLOUDACCT_COMPLAINT_EV_REOPEN, (cloudacct_actor_kind) (C | A), &to),
		CLOUDACCT_FSM_FORBIDDEN, "a combined actor is FORBIDDEN");
	is_int(to, PROC, "output untouched");
}

static void test_names(void)
{
	for (int i = 0; i < CLOUDACCT_COMPLAINT_STATE_COUNT; i++) {
		cloudacct_complaint_state st = (cloudacct_complaint_state) 99;
		is_str(cloudacct_complaint_state_name((cloudacct_complaint_state) i), state_names[i], "state %d name", i);
		is_str(cloudacct_complaint_state_label((cloudacct_complaint_state) i), state_labels[i], "state %d label", i);
		ok(cloudacct_complaint_state_parse(state_names[i], strlen(state_names[i]), &st) && (int) st == i,
			"parse '%s'", state_names[i]);
	}
	for (int i = 0; i < CLOUDACCT_COMPLAINT_EVENT_COUNT; i++) {
		cloudacct_complaint_event ev = (cloudacct_complaint_event) 99;
		const char *label = cloudacct_complaint_event_label((cloudacct_complaint_event) i);
		is_str(cloudacct_complaint_event_name((cloudacct_complaint_event) i), event_names[i], "event %d name", i);
		ok(label != NULL && strlen(label) >= 3, "event %d has a Chinese label: %s", i, label);
		ok(cloudacct_complaint_event_parse(event_names[i], strlen(event_names[i]), &ev) && (int) ev == i,
			"parse event '%s'", event_names[i]);
	}
	ok(cloudacct_complaint_state_name((cloudacct_complaint_state) -1) == NULL, "no name out of range");
	ok(cloudacct_complaint_state_label((cloudacct_complaint_state) 4) == NULL, "no label out of range");
	ok(cloudacct_complaint_event_name((cloudacct_complaint_event) 4) == NULL, "no event name");
	ok(cloudacct_complaint_event_label((cloudacct_complaint_event) -1) == NULL, "no event label");
}

static void test_parse_rejects(void)
{
	static const char *const bad[] = {"", "Open", "OPEN", "open ", " open", "resolve", "处理中", "close"};
	cloudacct_complaint_state st = CLO;
	cloudacct_complaint_event ev = CLOUDACCT_COMPLAINT_EV_CLOSE;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(!cloudacct_complaint_state_parse(bad[i], strlen(bad[i]), &st), "state '%s' rejected", bad[i]);
	}
	ok(!cloudacct_complaint_state_parse("open\0", 5, &st), "trailing NUL rejected");
	ok(!cloudacct_complaint_event_parse("reop", 4, &ev), "event prefix rejected");
	ok(!cloudacct_complaint_event_parse("reopen", 5, &ev), "length is authoritative");
	is_int(st, CLO, "state output untouched");
	is_int(ev, CLOUDACCT_COMPLAINT_EV_CLOSE, "event output untouched");
}

static void test_predicates(void)
{
	ok(cloudacct_complaint_state_is_pending(OPEN) && cloudacct_complaint_state_is_pending(PROC),
		"open and processing wait for the firm");
	ok(!cloudacct_complaint_state_is_pending(RES) && !cloudacct_complaint_state_is_pending(CLO),
		"resolved and closed do not");
	ok(cloudacct_complaint_state_is_final(CLO) && !cloudacct_complaint_state_is_final(RES), "only closed is final");
}

int main(void)
{
	test_full_table();
	test_allowed_events();
	test_invalid_inputs();
	test_names();
	test_parse_rejects();
	test_predicates();
	return done_testing();
}
