/* The job state machine: every (state, event, actor) against the table of DESIGN §3.2. */
#include <string.h>

#include "job_fsm.h"
#include "tap.h"

enum {
	C = CLOUDACCT_ACTOR_CLIENT,
	St = CLOUDACCT_ACTOR_STAFF,
	A = CLOUDACCT_ACTOR_ADMIN,
	Sy = CLOUDACCT_ACTOR_SYSTEM
};

/* The brief's transitions written out one source state per line, independently of job_fsm.c. */
typedef struct {
	cloudacct_job_state from;
	cloudacct_job_event ev;
	cloudacct_job_state to;
	unsigned actors;
} expected_edge;

static const expected_edge edges[] = {
	{CLOUDACCT_JOB_OPEN, CLOUDACCT_JOB_EV_GRAB, CLOUDACCT_JOB_ASSIGNED, St},
	{CLOUDACCT_JOB_OPEN, CLOUDACCT_JOB_EV_ASSIGN, CLOUDACCT_JOB_ASSIGNED, A | Sy},
	{CLOUDACCT_JOB_ESCALATED, CLOUDACCT_JOB_EV_ASSIGN, CLOUDACCT_JOB_ASSIGNED, A | Sy},
	{CLOUDACCT_JOB_OPEN, CLOUDACCT_JOB_EV_ESCALATE, CLOUDACCT_JOB_ESCALATED, Sy},
	{CLOUDACCT_JOB_ASSIGNED, CLOUDACCT_JOB_EV_RELEASE, CLOUDACCT_JOB_OPEN, A | St},
	{CLOUDACCT_JOB_ASSIGNED, CLOUDACCT_JOB_EV_START, CLOUDACCT_JOB_IN_PROGRESS, St},
	{CLOUDACCT_JOB_IN_PROGRESS, CLOUDACCT_JOB_EV_ASK_CLIENT, CLOUDACCT_JOB_WAITING_CLIENT, St},
	{CLOUDACCT_JOB_WAITING_CLIENT, CLOUDACCT_JOB_EV_CLIENT_REPLIED, CLOUDACCT_JOB_IN_PROGRESS,
	 C | St},
	{CLOUDACCT_JOB_IN_PROGRESS, CLOUDACCT_JOB_EV_COMPLETE, CLOUDACCT_JOB_DONE, St | A},
	{CLOUDACCT_JOB_DONE, CLOUDACCT_JOB_EV_REOPEN, CLOUDACCT_JOB_IN_PROGRESS, C | A},
	{CLOUDACCT_JOB_DONE, CLOUDACCT_JOB_EV_CLOSE, CLOUDACCT_JOB_CLOSED, C | A | Sy},
	{CLOUDACCT_JOB_OPEN, CLOUDACCT_JOB_EV_CANCEL, CLOUDACCT_JOB_CANCELLED, A | C},
	{CLOUDACCT_JOB_ESCALATED, CLOUDACCT_JOB_EV_CANCEL, CLOUDACCT_JOB_CANCELLED, A | C},
	{CLOUDACCT_JOB_ASSIGNED, CLOUDACCT_JOB_EV_CANCEL, CLOUDACCT_JOB_CANCELLED, A | C},
	{CLOUDACCT_JOB_IN_PROGRESS, CLOUDACCT_JOB_EV_CANCEL, CLOUDACCT_JOB_CANCELLED, A},
	{CLOUDACCT_JOB_WAITING_CLIENT, CLOUDACCT_JOB_EV_CANCEL, CLOUDACCT_JOB_CANCELLED, A},
};
#define N_EDGES (sizeof(edges) / sizeof(edges[0]))

static const unsigned actors[] = {C, St, A, Sy};
static const char *const actor_names[] = {"client", "staff", "admin", "system"};

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

static void check_one(int from, int ev, int ai)
{
	const expected_edge *e = find_edge(from, ev);
	cloudacct_job_state to = (cloudacct_job_state) 99;
	cloudacct_fsm_result r =
		cloudacct_job_transition((cloudacct_job_state) from, (cloudacct_job_event) ev,
								 (cloudacct_actor_kind) actors[ai], &to);
	const char *fs = cloudacct_job_state_name((cloudacct_job_state) from);
	const char *es = cloudacct_job_event_name((cloudacct_job_event) ev);

	if (e == NULL) {
		ok(r == CLOUDACCT_FSM_ILLEGAL && to == (cloudacct_job_state) 99,
		   "%s --%s--> by %s is ILLEGAL", fs, es, actor_names[ai]);
	} else if (e->actors & actors[ai]) {
		ok(r == CLOUDACCT_FSM_OK && to == e->to, "%s --%s--> %s by %s is OK", fs, es,
		   cloudacct_job_state_name(e->to), actor_names[ai]);
	} else {
		ok(r == CLOUDACCT_FSM_FORBIDDEN && to == (cloudacct_job_state) 99,
		   "%s --%s--> by %s is FORBIDDEN", fs, es, actor_names[ai]);
	}
}

static void test_full_table(void)
{
	int from, ev, ai;

	for (from = 0; from < CLOUDACCT_JOB_STATE_COUNT; from++) {
		for (ev = 0; ev < CLOUDACCT_JOB_EVENT_COUNT; ev++) {
			for (ai = 0; ai < 4; ai++) {
				check_one(from, ev, ai);
			}
		}
	}
}

/* An actor value must be exactly one kind: combinations never add rights. */
static void test_odd_actors(void)
{
	static const unsigned odd[] = {0, C | A, St | A, C | St | A | Sy, 16, 32, 0xFF};
	cloudacct_job_state to = CLOUDACCT_JOB_OPEN;
	size_t i;

	for (i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		is_int(cloudacct_job_transition(CLOUDACCT_JOB_IN_PROGRESS, CLOUDACCT_JOB_EV_CANCEL,
										(cloudacct_actor_kind) odd[i], &to),
			   CLOUDACCT_FSM_FORBIDDEN, "actor 0x%X may not cancel", odd[i]);
		is_int(cloudacct_job_transition(CLOUDACCT_JOB_CLOSED, CLOUDACCT_JOB_EV_CANCEL,
										(cloudacct_actor_kind) odd[i], &to),
			   CLOUDACCT_FSM_ILLEGAL, "actor 0x%X: closed stays ILLEGAL", odd[i]);
		is_int(cloudacct_job_allowed_events(CLOUDACCT_JOB_DONE, (cloudacct_actor_kind) odd[i]), 0,
			   "actor 0x%X is allowed nothing", odd[i]);
	}
	is_int(to, CLOUDACCT_JOB_OPEN, "no refused call wrote the output");
}

static void test_out_of_range(void)
{
	cloudacct_job_state to = CLOUDACCT_JOB_OPEN;

	is_int(cloudacct_job_transition((cloudacct_job_state) CLOUDACCT_JOB_STATE_COUNT,
									CLOUDACCT_JOB_EV_GRAB, CLOUDACCT_ACTOR_STAFF, &to),
		   CLOUDACCT_FSM_ILLEGAL, "state out of range is ILLEGAL");
	is_int(cloudacct_job_transition((cloudacct_job_state) -1, CLOUDACCT_JOB_EV_GRAB,
									CLOUDACCT_ACTOR_STAFF, &to),
		   CLOUDACCT_FSM_ILLEGAL, "negative state is ILLEGAL");
	is_int(cloudacct_job_transition((cloudacct_job_state) 40, CLOUDACCT_JOB_EV_GRAB,
									CLOUDACCT_ACTOR_STAFF, &to),
		   CLOUDACCT_FSM_ILLEGAL, "state 40 (beyond a 32-bit mask) is ILLEGAL");
	is_int(cloudacct_job_transition(CLOUDACCT_JOB_OPEN,
									(cloudacct_job_event) CLOUDACCT_JOB_EVENT_COUNT,
									CLOUDACCT_ACTOR_STAFF, &to),
		   CLOUDACCT_FSM_ILLEGAL, "event out of range is ILLEGAL");
	is_int(cloudacct_job_transition(CLOUDACCT_JOB_OPEN, (cloudacct_job_event) -1,
									CLOUDACCT_ACTOR_STAFF, &to),
		   CLOUDACCT_FSM_ILLEGAL, "negative event is ILLEGAL");
	is_int(to, CLOUDACCT_JOB_OPEN, "output untouched");
	is_int(cloudacct_job_allowed_events((cloudacct_job_state) 99, CLOUDACCT_ACTOR_ADMIN), 0,
		   "no events from an unknown state");
	ok(cloudacct_job_state_name((cloudacct_job_state) CLOUDACCT_JOB_STATE_COUNT) == NULL,
	   "no name out of range");
	ok(cloudacct_job_state_label((cloudacct_job_state) -1) == NULL, "no label out of range");
	ok(cloudacct_job_event_name((cloudacct_job_event) CLOUDACCT_JOB_EVENT_COUNT) == NULL,
	   "no event name out of range");
	ok(cloudacct_job_event_label((cloudacct_job_event) -1) == NULL, "no event label out of range");
}

/* allowed_events() is the transition table seen from one state: they must agree. */
static void test_allowed_events(void)
{
	int from, ev, ai, mismatches = 0;

	for (from = 0; from < CLOUDACCT_JOB_STATE_COUNT; from++) {
		for (ai = 0; ai < 4; ai++) {
			uint32_t want = 0, got;
			for (ev = 0; ev < CLOUDACCT_JOB_EVENT_COUNT; ev++) {
				const expected_edge *e = find_edge(from, ev);
				if (e != NULL && (e->actors & actors[ai])) {
					want |= 1u << ev;
				}
			}
			got = cloudacct_job_allowed_events((cloudacct_job_state) from,
											   (cloudacct_actor_kind) actors[ai]);
			mismatches += got != want;
		}
	}
	is_int(mismatches, 0, "allowed_events matches the table for every state and actor");
	is_int(cloudacct_job_allowed_events(CLOUDACCT_JOB_OPEN, CLOUDACCT_ACTOR_STAFF),
		   1u << CLOUDACCT_JOB_EV_GRAB, "staff sees only 'grab' on an open job");
	is_int(cloudacct_job_allowed_events(CLOUDACCT_JOB_DONE, CLOUDACCT_ACTOR_CLIENT),
		   (1u << CLOUDACCT_JOB_EV_REOPEN) | (1u << CLOUDACCT_JOB_EV_CLOSE),
		   "client on a done job: reopen or close");
}

static const char *const state_names[] = {"open", "assigned", "in_progress", "waiting_client",
										  "done", "closed",   "escalated",   "cancelled"};
static const char *const state_labels[] = {"待抢单", "已分配", "办理中",         "待客户补充",
										   "已完成", "已关闭", "已升级(待指派)", "已取消"};
static const char *const event_names[] = {"grab",   "assign",     "escalate",       "release",
										  "start",  "ask_client", "client_replied", "complete",
										  "reopen", "close",      "cancel"};

static void test_names(void)
{
	int i;

	for (i = 0; i < CLOUDACCT_JOB_STATE_COUNT; i++) {
		cloudacct_job_state st = (cloudacct_job_state) 99;
		is_str(cloudacct_job_state_name((cloudacct_job_state) i), state_names[i], "state %d name",
			   i);
		is_str(cloudacct_job_state_label((cloudacct_job_state) i), state_labels[i],
			   "state %d label", i);
		ok(cloudacct_job_state_parse(state_names[i], strlen(state_names[i]), &st) && (int) st == i,
		   "parse '%s'", state_names[i]);
	}
	for (i = 0; i < CLOUDACCT_JOB_EVENT_COUNT; i++) {
		cloudacct_job_event ev = (cloudacct_job_event) 99;
		const char *label = cloudacct_job_event_label((cloudacct_job_event) i);
		is_str(cloudacct_job_event_name((cloudacct_job_event) i), event_names[i], "event %d name",
			   i);
		ok(label != NULL && strlen(label) >= 3, "event %d has a Chinese label: %s", i, label);
		ok(cloudacct_job_event_parse(event_names[i], strlen(event_names[i]), &ev) && (int) ev == i,
		   "parse event '%s'", event_names[i]);
	}
}

static void test_parse_rejects(void)
{
	static const char *const bad[] = {"",     "Open",  "OPEN",        " open",      "open ",
									  "ope",  "opens", "in-progress", "inprogress", "待抢单",
									  "grab", "0",     "closed\n"};
	cloudacct_job_state st = CLOUDACCT_JOB_DONE;
	cloudacct_job_event ev = CLOUDACCT_JOB_EV_CLOSE;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(!cloudacct_job_state_parse(bad[i], strlen(bad[i]), &st), "state '%s' rejected",
		   tap_esc(bad[i]));
	}
	ok(!cloudacct_job_state_parse("open\0x", 6, &st), "state with NUL inside rejected");
	ok(!cloudacct_job_state_parse("open", 3, &st), "length is authoritative ('ope')");
	ok(!cloudacct_job_state_parse(NULL, 0, &st), "NULL state rejected");
	ok(!cloudacct_job_event_parse("Grab", 4, &ev), "event 'Grab' rejected");
	ok(!cloudacct_job_event_parse("open", 4, &ev), "a state name is not an event");
	ok(!cloudacct_job_event_parse("cancel ", 7, &ev), "event with trailing space rejected");
	ok(!cloudacct_job_event_parse(NULL, 0, &ev), "NULL event rejected");
	ok(st == CLOUDACCT_JOB_DONE && ev == CLOUDACCT_JOB_EV_CLOSE,
	   "rejected parses leave outputs untouched");
}

static void test_predicates(void)
{
	int i;

	for (i = 0; i < CLOUDACCT_JOB_STATE_COUNT; i++) {
		cloudacct_job_state st = (cloudacct_job_state) i;
		bool open_work = st == CLOUDACCT_JOB_ASSIGNED || st == CLOUDACCT_JOB_IN_PROGRESS ||
						 st == CLOUDACCT_JOB_WAITING_CLIENT;
		bool final = st == CLOUDACCT_JOB_CLOSED || st == CLOUDACCT_JOB_CANCELLED;
		uint32_t any = 0;
		int ai;

		ok(cloudacct_job_state_is_open_work(st) == open_work, "%s %s open work", state_names[i],
		   open_work ? "is" : "is not");
		ok(cloudacct_job_state_is_final(st) == final, "%s %s final", state_names[i],
		   final ? "is" : "is not");
		for (ai = 0; ai < 4; ai++) {
			any |= cloudacct_job_allowed_events(st, (cloudacct_actor_kind) actors[ai]);
		}
		ok((any == 0) == final, "%s: final exactly when no event leaves it", state_names[i]);
	}
}

/* Every state is reachable from open, walking the table through the API. */
static void test_reachability(void)
{
	unsigned seen = 1u << CLOUDACCT_JOB_OPEN, before;
	int from, ev, ai;

	do {
		before = seen;
		for (from = 0; from < CLOUDACCT_JOB_STATE_COUNT; from++) {
			if (!(seen & (1u << from))) {
				continue;
			}
			for (ev = 0; ev < CLOUDACCT_JOB_EVENT_COUNT; ev++) {
				for (ai = 0; ai < 4; ai++) {
					cloudacct_job_state to;
					if (cloudacct_job_transition(
							(cloudacct_job_state) from, (cloudacct_job_event) ev,
							(cloudacct_actor_kind) actors[ai], &to) == CLOUDACCT_FSM_OK) {
						seen |= 1u << to;
					}
				}
			}
		}
	} while (seen != before);
	is_int(seen, (1u << CLOUDACCT_JOB_STATE_COUNT) - 1, "every job state is reachable from open");
}

/* Apply a step and assert the result; returns the new state (or the old one on failure). */
static cloudacct_job_state step(cloudacct_job_state st, cloudacct_job_event ev, unsigned actor,
								cloudacct_fsm_result want, cloudacct_job_state want_to)
{
	cloudacct_job_state to = st;
	cloudacct_fsm_result r = cloudacct_job_transition(st, ev, (cloudacct_actor_kind) actor, &to);

	ok(r == want && to == want_to, "journey: %s --%s--> %s (%s)", cloudacct_job_state_name(st),
	   cloudacct_job_event_name(ev), cloudacct_job_state_name(want_to),
	   want == CLOUDACCT_FSM_OK        ? "ok"
	   : want == CLOUDACCT_FSM_ILLEGAL ? "illegal"
									   : "forbidden");
	return to;
}

static void test_journeys(void)
{
	cloudacct_job_state s = CLOUDACCT_JOB_OPEN;

	/* Grab, work with one round of questions, client unhappy once, then rates it. */
	s = step(s, CLOUDACCT_JOB_EV_GRAB, St, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_ASSIGNED);
	s = step(s, CLOUDACCT_JOB_EV_GRAB, St, CLOUDACCT_FSM_ILLEGAL,
			 CLOUDACCT_JOB_ASSIGNED); /* second grabber loses */
	s = step(s, CLOUDACCT_JOB_EV_START, St, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_IN_PROGRESS);
	s = step(s, CLOUDACCT_JOB_EV_RELEASE, St, CLOUDACCT_FSM_ILLEGAL, CLOUDACCT_JOB_IN_PROGRESS);
	s = step(s, CLOUDACCT_JOB_EV_ASK_CLIENT, St, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_WAITING_CLIENT);
	s = step(s, CLOUDACCT_JOB_EV_COMPLETE, St, CLOUDACCT_FSM_ILLEGAL, CLOUDACCT_JOB_WAITING_CLIENT);
	s = step(s, CLOUDACCT_JOB_EV_CANCEL, C, CLOUDACCT_FSM_FORBIDDEN, CLOUDACCT_JOB_WAITING_CLIENT);
	s = step(s, CLOUDACCT_JOB_EV_CLIENT_REPLIED, C, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_IN_PROGRESS);
	s = step(s, CLOUDACCT_JOB_EV_COMPLETE, St, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_DONE);
	s = step(s, CLOUDACCT_JOB_EV_REOPEN, C, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_IN_PROGRESS);
	s = step(s, CLOUDACCT_JOB_EV_COMPLETE, A, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_DONE);
	s = step(s, CLOUDACCT_JOB_EV_CLOSE, St, CLOUDACCT_FSM_FORBIDDEN, CLOUDACCT_JOB_DONE);
	s = step(s, CLOUDACCT_JOB_EV_CLOSE, C, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_CLOSED);
	s = step(s, CLOUDACCT_JOB_EV_REOPEN, C, CLOUDACCT_FSM_ILLEGAL, CLOUDACCT_JOB_CLOSED);
	s = step(s, CLOUDACCT_JOB_EV_CANCEL, A, CLOUDACCT_FSM_ILLEGAL, CLOUDACCT_JOB_CLOSED);

	/* Nobody grabs: the window passes, the scheduler escalates, an admin assigns. */
	s = CLOUDACCT_JOB_OPEN;
	s = step(s, CLOUDACCT_JOB_EV_ESCALATE, A, CLOUDACCT_FSM_FORBIDDEN, CLOUDACCT_JOB_OPEN);
	s = step(s, CLOUDACCT_JOB_EV_ESCALATE, Sy, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_ESCALATED);
	s = step(s, CLOUDACCT_JOB_EV_GRAB, St, CLOUDACCT_FSM_ILLEGAL, CLOUDACCT_JOB_ESCALATED);
	s = step(s, CLOUDACCT_JOB_EV_ESCALATE, Sy, CLOUDACCT_FSM_ILLEGAL, CLOUDACCT_JOB_ESCALATED);
	s = step(s, CLOUDACCT_JOB_EV_ASSIGN, St, CLOUDACCT_FSM_FORBIDDEN, CLOUDACCT_JOB_ESCALATED);
	s = step(s, CLOUDACCT_JOB_EV_ASSIGN, A, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_ASSIGNED);
	s = step(s, CLOUDACCT_JOB_EV_RELEASE, St, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_OPEN);
	s = step(s, CLOUDACCT_JOB_EV_ASSIGN, Sy, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_ASSIGNED);
	s = step(s, CLOUDACCT_JOB_EV_CANCEL, C, CLOUDACCT_FSM_OK, CLOUDACCT_JOB_CANCELLED);
	s = step(s, CLOUDACCT_JOB_EV_ASSIGN, A, CLOUDACCT_FSM_ILLEGAL, CLOUDACCT_JOB_CANCELLED);
	(void) s;
}

int main(void)
{
	test_full_table();
	test_odd_actors();
	test_out_of_range();
	test_allowed_events();
	test_names();
	test_parse_rejects();
	test_predicates();
	test_reachability();
	test_journeys();
	return done_testing();
}
