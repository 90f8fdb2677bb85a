/*
 * Shared machinery of the state machines in core/ (job_fsm, order_fsm):
 * each keeps ONE static table of rules and asks these helpers about it.
 */
#ifndef CLOUDACCT_CORE_FSM_H
#define CLOUDACCT_CORE_FSM_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
	CLOUDACCT_FSM_OK = 0,
	CLOUDACCT_FSM_ILLEGAL,  /* no such transition from the current state */
	CLOUDACCT_FSM_FORBIDDEN /* the transition exists, but not for this actor */
} cloudacct_fsm_result;

/*
 * One row: `event` moves any state in `from_mask` (bit per state) to `to`,
 * fired by any actor kind in `actors`. When the allowed actors differ by
 * source state, the event gets one row per group of states; (event, state)
 * pairs never repeat.
 */
typedef struct {
	uint8_t event;
	uint8_t to;
	uint8_t actors;
	uint32_t from_mask;
} cloudacct_fsm_rule;

#define CLOUDACCT_FSM_BIT(x) (1u << (x))

/* Decide one step; states and events are table indexes, actor a single kind. */
cloudacct_fsm_result cloudacct_fsm_step(const cloudacct_fsm_rule *rules, size_t n_rules,
										unsigned from, unsigned event, unsigned actor,
										unsigned *to);

/* Bit per event that `actor` may fire from `from`. */
uint32_t cloudacct_fsm_allowed(const cloudacct_fsm_rule *rules, size_t n_rules, unsigned from,
							   unsigned actor);

/* Index of the name equal to s[0..len) in names[0..n), or -1. */
int cloudacct_fsm_name_index(const char *const *names, size_t n, const char *s, size_t len);

#endif
