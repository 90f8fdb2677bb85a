#include "complaint_fsm.h"

#define S(x) CLOUDACCT_FSM_BIT(CLOUDACCT_COMPLAINT_##x)
#define E(x) CLOUDACCT_COMPLAINT_EV_##x
#define T(x) CLOUDACCT_COMPLAINT_##x

enum {
	CLIENT = CLOUDACCT_ACTOR_CLIENT,
	ADMIN = CLOUDACCT_ACTOR_ADMIN,
	SYSTEM = CLOUDACCT_ACTOR_SYSTEM
};

/*
 * The whole complaint lifecycle; (event, state) is unique. Employees never move a complaint
 * (it may be about them). An admin may resolve at once without "processing" first. A reopened
 * complaint goes back to open: it waits for the firm again, with a new deadline.
 */
/* clang-format off */
static const cloudacct_fsm_rule complaint_rules[] = {
	{ E(PROCESS), T(PROCESSING), ADMIN,                   S(OPEN) },
	{ E(RESOLVE), T(RESOLVED),   ADMIN,                   S(OPEN) | S(PROCESSING) },
	{ E(REOPEN),  T(OPEN),       CLIENT,                  S(RESOLVED) },
	{ E(CLOSE),   T(CLOSED),     CLIENT | ADMIN | SYSTEM, S(RESOLVED) },
};
/* clang-format on */

#define N_RULES (sizeof(complaint_rules) / sizeof(complaint_rules[0]))

static const char *const state_names[CLOUDACCT_COMPLAINT_STATE_COUNT] = {"open", "processing", "resolved", "closed"};
static const char *const state_labels[CLOUDACCT_COMPLAINT_STATE_COUNT] = {"待处理", "处理中", "已解决", "已关闭"};
static const char *const event_names[CLOUDACCT_COMPLAINT_EVENT_COUNT] = {"process", "resolve", "reopen", "close"};
static const char *const event_labels[CLOUDACCT_COMPLAINT_EVENT_COUNT] = {"开始处理", "处理完毕", "重新打开", "关闭"};

static bool state_ok(cloudacct_complaint_state st)
{
	return (unsigned) st < CLOUDACCT_COMPLAINT_STATE_COUNT;
}

static bool event_ok(cloudacct_complaint_event ev)
{
	return (unsigned) ev < CLOUDACCT_COMPLAINT_EVENT_COUNT;
}

const char *cloudacct_complaint_state_name(cloudacct_complaint_state st)
{
	return state_ok(st) ? state_names[st] : NULL;
}

const char *cloudacct_complaint_state_label(cloudacct_complaint_state st)
{
	return state_ok(st) ? state_labels[st] : NULL;
}

bool cloudacct_complaint_state_parse(const char *s, size_t len, cloudacct_complaint_state *out)
{
	int i = cloudacct_fsm_name_index(state_names, CLOUDACCT_COMPLAINT_STATE_COUNT, s, len);

	if (i < 0) {
		return false;
	}
	*out = (cloudacct_complaint_state) i;
	return true;
}

const char *cloudacct_complaint_event_name(cloudacct_complaint_event ev)
{
	return event_ok(ev) ? event_names[ev] : NULL;
}

const char *cloudacct_complaint_event_label(cloudacct_complaint_event ev)
{
	return event_ok(ev) ? event_labels[ev] : NULL;
}

bool cloudacct_complaint_event_parse(const char *s, size_t len, cloudacct_complaint_event *out)
{
	int i = cloudacct_fsm_name_index(event_names, CLOUDACCT_COMPLAINT_EVENT_COUNT, s, len);

	if (i < 0) {
		return false;
	}
	*out = (cloudacct_complaint_event) i;
	return true;
}

cloudacct_fsm_result cloudacct_complaint_transition(cloudacct_complaint_state from, cloudacct_complaint_event ev,
													cloudacct_actor_kind actor, cloudacct_complaint_state *to)
{
	unsigned next;
	cloudacct_fsm_result r;

	if (!state_ok(from) || !event_ok(ev)) {
		return CLOUDACCT_FSM_ILLEGAL;
	}
	r = cloudacct_fsm_step(complaint_rules, N_RULES, (unsigned) from, (unsigned) ev, (unsigned) actor, &next);
	if (r == CLOUDACCT_FSM_OK) {
		*to = (cloudacct_complaint_state) next;
	}
	return r;
}

uint32_t cloudacct_complaint_allowed_events(cloudacct_complaint_state from, cloudacct_actor_kind actor)
{
	if (!state_ok(from)) {
		return 0;
	}
	return cloudacct_fsm_allowed(complaint_rules, N_RULES, (unsigned) from, (unsigned) actor);
}

bool cloudacct_complaint_state_is_final(cloudacct_complaint_state st)
{
	return st == CLOUDACCT_COMPLAINT_CLOSED;
}

bool cloudacct_complaint_state_is_pending(cloudacct_complaint_state st)
{
	return st == CLOUDACCT_COMPLAINT_OPEN || st == CLOUDACCT_COMPLAINT_PROCESSING;
}
