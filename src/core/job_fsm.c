#include "job_fsm.h"

#define S(x) CLOUDACCT_FSM_BIT(CLOUDACCT_JOB_##x)
#define E(x) CLOUDACCT_JOB_EV_##x
#define T(x) CLOUDACCT_JOB_##x

enum {
	CLIENT = CLOUDACCT_ACTOR_CLIENT,
	STAFF = CLOUDACCT_ACTOR_STAFF,
	ADMIN = CLOUDACCT_ACTOR_ADMIN,
	SYSTEM = CLOUDACCT_ACTOR_SYSTEM
};

/* The whole job lifecycle. Order does not matter; (event, state) is unique. */
/* clang-format off */
static const cloudacct_fsm_rule job_rules[] = {
	{ E(GRAB),           T(ASSIGNED),       STAFF,          S(OPEN) },
	{ E(ASSIGN),         T(ASSIGNED),       ADMIN | SYSTEM, S(OPEN) | S(ESCALATED) },
	{ E(ESCALATE),       T(ESCALATED),      SYSTEM,         S(OPEN) },
	/* Back to the pool before work started; "the assignee" is checked by the caller. */
	{ E(RELEASE),        T(OPEN),           ADMIN | STAFF,  S(ASSIGNED) },
	{ E(START),          T(IN_PROGRESS),    STAFF,          S(ASSIGNED) },
	{ E(ASK_CLIENT),     T(WAITING_CLIENT), STAFF,          S(IN_PROGRESS) },
	/* Staff too: the client often answers by phone or in person. */
	{ E(CLIENT_REPLIED), T(IN_PROGRESS),    CLIENT | STAFF, S(WAITING_CLIENT) },
	{ E(COMPLETE),       T(DONE),           STAFF | ADMIN,  S(IN_PROGRESS) },
	{ E(REOPEN),         T(IN_PROGRESS),    CLIENT | ADMIN, S(DONE) },
	/* Client by rating, admin, or the scheduler after N days. */
	{ E(CLOSE),          T(CLOSED),         CLIENT | ADMIN | SYSTEM, S(DONE) },
	/* Once an employee has started, only an admin may cancel. */
	{ E(CANCEL),         T(CANCELLED),      CLIENT | ADMIN, S(OPEN) | S(ESCALATED) | S(ASSIGNED) },
	{ E(CANCEL),         T(CANCELLED),      ADMIN,          S(IN_PROGRESS) | S(WAITING_CLIENT) },
};
/* clang-format on */

#define N_RULES (sizeof(job_rules) / sizeof(job_rules[0]))

static const char *const state_names[CLOUDACCT_JOB_STATE_COUNT] = {
	"open", "assigned", "in_progress", "waiting_client",
	"done", "closed",   "escalated",   "cancelled"};

static const char *const state_labels[CLOUDACCT_JOB_STATE_COUNT] = {
	"待抢单", "已分配", "办理中", "待客户补充", "已完成", "已关闭", "已升级(待指派)", "已取消"};

static const char *const event_names[CLOUDACCT_JOB_EVENT_COUNT] = {
	"grab",           "assign",   "escalate", "release", "start", "ask_client",
	"client_replied", "complete", "reopen",   "close",   "cancel"};

static const char *const event_labels[CLOUDACCT_JOB_EVENT_COUNT] = {
	"抢单",       "指派",     "超时升级", "退回抢单池", "开始办理", "请客户补充资料",
	"客户已补充", "办理完成", "重新办理", "关闭",       "取消"};

static bool state_ok(cloudacct_job_state st)
{
	return (unsigned) st < CLOUDACCT_JOB_STATE_COUNT;
}

static bool event_ok(cloudacct_job_event ev)
{
	return (unsigned) ev < CLOUDACCT_JOB_EVENT_COUNT;
}

const char *cloudacct_job_state_name(cloudacct_job_state st)
{
	return state_ok(st) ? state_names[st] : NULL;
}

const char *cloudacct_job_state_label(cloudacct_job_state st)
{
	return state_ok(st) ? state_labels[st] : NULL;
}

bool cloudacct_job_state_parse(const char *s, size_t len, cloudacct_job_state *out)
{
	int i = cloudacct_fsm_name_index(state_names, CLOUDACCT_JOB_STATE_COUNT, s, len);

	if (i < 0) {
		return false;
	}
	*out = (cloudacct_job_state) i;
	return true;
}

const char *cloudacct_job_event_name(cloudacct_job_event ev)
{
	return event_ok(ev) ? event_names[ev] : NULL;
}

const char *cloudacct_job_event_label(cloudacct_job_event ev)
{
	return event_ok(ev) ? event_labels[ev] : NULL;
}

bool cloudacct_job_event_parse(const char *s, size_t len, cloudacct_job_event *out)
{
	int i = cloudacct_fsm_name_index(event_names, CLOUDACCT_JOB_EVENT_COUNT, s, len);

	if (i < 0) {
		return false;
	}
	*out = (cloudacct_job_event) i;
	return true;
}

cloudacct_fsm_result cloudacct_job_transition(cloudacct_job_state from, cloudacct_job_event ev,
											  cloudacct_actor_kind actor, cloudacct_job_state *to)
{
	unsigned next;
	cloudacct_fsm_result r;

	if (!state_ok(from) || !event_ok(ev)) {
		return CLOUDACCT_FSM_ILLEGAL;
	}
	r = cloudacct_fsm_step(job_rules, N_RULES, (unsigned) from, (unsigned) ev, (unsigned) actor,
						   &next);
	if (r == CLOUDACCT_FSM_OK) {
		*to = (cloudacct_job_state) next;
	}
	return r;
}

uint32_t cloudacct_job_allowed_events(cloudacct_job_state from, cloudacct_actor_kind actor)
{
	if (!state_ok(from)) {
		return 0;
	}
	return cloudacct_fsm_allowed(job_rules, N_RULES, (unsigned) from, (unsigned) actor);
}

bool cloudacct_job_state_is_open_work(cloudacct_job_state st)
{
	return st == CLOUDACCT_JOB_ASSIGNED || st == CLOUDACCT_JOB_IN_PROGRESS ||
		   st == CLOUDACCT_JOB_WAITING_CLIENT;
}

bool cloudacct_job_state_is_final(cloudacct_job_state st)
{
	return st == CLOUDACCT_JOB_CLOSED || st == CLOUDACCT_JOB_CANCELLED;
}
