/*
 * The complaint (投诉) state machine, DESIGN §3.5: open → processing → resolved → closed. Admins
 * work a complaint; the client may reopen it once after resolution (the "once" and the N-day
 * window are checked by the binding against the row: the table only knows states and actor
 * kinds), and closes it by confirming; the system closes resolved complaints nobody reopened.
 * Escalation of an overdue complaint is not a transition (a flag on the row).
 */
#ifndef CLOUDACCT_CORE_COMPLAINT_FSM_H
#define CLOUDACCT_CORE_COMPLAINT_FSM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "fsm.h"

typedef enum {
	CLOUDACCT_COMPLAINT_OPEN = 0,
	CLOUDACCT_COMPLAINT_PROCESSING,
	CLOUDACCT_COMPLAINT_RESOLVED,
	CLOUDACCT_COMPLAINT_CLOSED
} cloudacct_complaint_state;
#define CLOUDACCT_COMPLAINT_STATE_COUNT 4

typedef enum {
	CLOUDACCT_COMPLAINT_EV_PROCESS = 0, /* an admin takes it up */
	CLOUDACCT_COMPLAINT_EV_RESOLVE,     /* an admin answers it */
	CLOUDACCT_COMPLAINT_EV_REOPEN,      /* the client is not satisfied (once, within N days) */
	CLOUDACCT_COMPLAINT_EV_CLOSE        /* the client confirms, an admin or the system closes */
} cloudacct_complaint_event;
#define CLOUDACCT_COMPLAINT_EVENT_COUNT 4

/* Lowercase names stored in SQL ("processing"); NULL if out of range. */
const char *cloudacct_complaint_state_name(cloudacct_complaint_state st);
bool cloudacct_complaint_state_parse(const char *s, size_t len, cloudacct_complaint_state *out);
const char *cloudacct_complaint_event_name(cloudacct_complaint_event ev);
bool cloudacct_complaint_event_parse(const char *s, size_t len, cloudacct_complaint_event *out);

/* Chinese labels for pages ("处理中", "重新打开"); NULL if out of range. */
const char *cloudacct_complaint_state_label(cloudacct_complaint_state st);
const char *cloudacct_complaint_event_label(cloudacct_complaint_event ev);

/* Same contract as cloudacct_job_transition(): ILLEGAL / FORBIDDEN / OK (*to written on OK). */
cloudacct_fsm_result cloudacct_complaint_transition(cloudacct_complaint_state from, cloudacct_complaint_event ev,
													cloudacct_actor_kind actor, cloudacct_complaint_state *to);

/* Bit (1u << event) set for every event this actor may fire from `from`. */
uint32_t cloudacct_complaint_allowed_events(cloudacct_complaint_state from, cloudacct_actor_kind actor);

/* No event leaves it: closed. */
bool cloudacct_complaint_state_is_final(cloudacct_complaint_state st);

/* Still waiting for the firm (counts against the handling deadline): open, processing. */
bool cloudacct_complaint_state_is_pending(cloudacct_complaint_state st);

#endif
