/*
 * The job (工单) state machine, DESIGN §3.2. One static table decides which
 * event moves which state where, and which kinds of actor may fire it.
 *
 * Reassignment (an admin moving a job to another employee) is NOT a
 * transition: the state stays, only the assignee changes, and the binding
 * records it in the history as a note. Likewise the core only knows actor
 * KINDS: "release by the assignee" and "grab by an eligible employee" are
 * checked by the binding against the job row.
 */
#ifndef CLOUDACCT_CORE_JOB_FSM_H
#define CLOUDACCT_CORE_JOB_FSM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "fsm.h"

typedef enum {
	CLOUDACCT_JOB_OPEN = 0, /* in the grab pool */
	CLOUDACCT_JOB_ASSIGNED,
	CLOUDACCT_JOB_IN_PROGRESS,
	CLOUDACCT_JOB_WAITING_CLIENT, /* SLA clock paused */
	CLOUDACCT_JOB_DONE,
	CLOUDACCT_JOB_CLOSED,
	CLOUDACCT_JOB_ESCALATED, /* grab window passed, waiting for an admin */
	CLOUDACCT_JOB_CANCELLED
} cloudacct_job_state;
#define CLOUDACCT_JOB_STATE_COUNT 8

typedef enum {
	CLOUDACCT_JOB_EV_GRAB = 0,
	CLOUDACCT_JOB_EV_ASSIGN,
	CLOUDACCT_JOB_EV_ESCALATE,
	CLOUDACCT_JOB_EV_RELEASE,
	CLOUDACCT_JOB_EV_START,
	CLOUDACCT_JOB_EV_ASK_CLIENT,
	CLOUDACCT_JOB_EV_CLIENT_REPLIED,
	CLOUDACCT_JOB_EV_COMPLETE,
	CLOUDACCT_JOB_EV_REOPEN,
	CLOUDACCT_JOB_EV_CLOSE,
	CLOUDACCT_JOB_EV_CANCEL
} cloudacct_job_event;
#define CLOUDACCT_JOB_EVENT_COUNT 11

/* Lowercase names stored in SQL and history rows ("in_progress"); NULL if out of range. */
const char *cloudacct_job_state_name(cloudacct_job_state st);
bool cloudacct_job_state_parse(const char *s, size_t len, cloudacct_job_state *out);
const char *cloudacct_job_event_name(cloudacct_job_event ev);
bool cloudacct_job_event_parse(const char *s, size_t len, cloudacct_job_event *out);

/* Chinese labels for pages ("办理中", "抢单"); NULL if out of range. */
const char *cloudacct_job_state_label(cloudacct_job_state st);
const char *cloudacct_job_event_label(cloudacct_job_event ev);

/*
 * ILLEGAL: no such transition from this state (or a value out of range).
 * FORBIDDEN: the transition exists but not for this actor kind (actor must
 * be exactly one kind). *to is written only on OK.
 */
cloudacct_fsm_result cloudacct_job_transition(cloudacct_job_state from, cloudacct_job_event ev,
											  cloudacct_actor_kind actor, cloudacct_job_state *to);

/* Bit (1u << event) set for every event this actor may fire from `from`: the page's buttons. */
uint32_t cloudacct_job_allowed_events(cloudacct_job_state from, cloudacct_actor_kind actor);

/* Counts toward an employee's open-job cap: assigned, in_progress, waiting_client. */
bool cloudacct_job_state_is_open_work(cloudacct_job_state st);

/* No event leaves it: closed, cancelled. */
bool cloudacct_job_state_is_final(cloudacct_job_state st);

#endif
