#include <string.h>

#include "actor.h"
#include "fsm.h"

static const cloudacct_fsm_rule *find_rule(const cloudacct_fsm_rule *rules, size_t n_rules,
										   unsigned from, unsigned event)
{
	size_t i;

	if (from >= 32) {
		return NULL;
	}
	for (i = 0; i < n_rules; i++) {
		if (rules[i].event == event && (rules[i].from_mask & CLOUDACCT_FSM_BIT(from))) {
			return &rules[i];
		}
	}
	return NULL;
}

cloudacct_fsm_result cloudacct_fsm_step(const cloudacct_fsm_rule *rules, size_t n_rules,
										unsigned from, unsigned event, unsigned actor, unsigned *to)
{
	const cloudacct_fsm_rule *r = find_rule(rules, n_rules, from, event);

	if (r == NULL) {
		return CLOUDACCT_FSM_ILLEGAL;
	}
	/* A combined mask would let a client borrow an admin's rights. */
	if (!cloudacct_actor_is_single(actor) || !(r->actors & actor)) {
		return CLOUDACCT_FSM_FORBIDDEN;
	}
	*to = r->to;
	return CLOUDACCT_FSM_OK;
}

uint32_t cloudacct_fsm_allowed(const cloudacct_fsm_rule *rules, size_t n_rules, unsigned from,
							   unsigned actor)
{
	uint32_t events = 0;
	size_t i;

	if (from >= 32 || !cloudacct_actor_is_single(actor)) {
		return 0;
	}
	for (i = 0; i < n_rules; i++) {
		if ((rules[i].from_mask & CLOUDACCT_FSM_BIT(from)) && (rules[i].actors & actor)) {
			events |= CLOUDACCT_FSM_BIT(rules[i].event);
		}
	}
	return events;
}

int cloudacct_fsm_name_index(const char *const *names, size_t n, const char *s, size_t len)
{
	size_t i;

	if (s == NULL) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		/* Whole-length match, so "opens" or "open\0x" never match "open". */
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0) {
			return (int) i;
		}
	}
	return -1;
}
