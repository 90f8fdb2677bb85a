/*
 * State and event names read back from SQL rows and requests (job_fsm.c, order_fsm.c,
 * complaint_fsm.c). Input: state byte, event byte, actor byte, then a name. Properties: a name
 * parses only to the value whose name it is; a transition is OK exactly when its event bit is
 * among the actor's allowed events, FORBIDDEN only when another single actor kind may fire it,
 * and never leaves a final state; *to is written only on OK and is a valid state.
 */
#include "complaint_fsm.h"
#include "fuzz.h"
#include "job_fsm.h"
#include "order_fsm.h"

#define CHECK_MACHINE(PFX, NST, NEV)                                                                                  \
	do {                                                                                                               \
		int v = -1;                                                                                                    \
		if (cloudacct_##PFX##_state_parse(name, len, (void *) &v)) {                                                  \
			const char *n = cloudacct_##PFX##_state_name(v);                                                          \
			FUZZ_CHECK(v >= 0 && v < NST && n && strlen(n) == len && memcmp(n, name, len) == 0);                      \
		}                                                                                                              \
		v = -1;                                                                                                        \
		if (cloudacct_##PFX##_event_parse(name, len, (void *) &v)) {                                                  \
			const char *n = cloudacct_##PFX##_event_name(v);                                                          \
			FUZZ_CHECK(v >= 0 && v < NEV && n && strlen(n) == len && memcmp(n, name, len) == 0);                      \
		}                                                                                                              \
		int from = st % (NST + 2) - 1, ev = evb % (NEV + 2) - 1, to = -7;                                              \
		cloudacct_fsm_result r = cloudacct_##PFX##_transition(from, ev, actor, (void *) &to);                          \
		if (r != CLOUDACCT_FSM_OK) {                                                                                   \
			FUZZ_CHECK(to == -7);                                                                                      \
		}                                                                                                              \
		if (from < 0 || from >= NST || ev < 0 || ev >= NEV) {                                                          \
			FUZZ_CHECK(r == CLOUDACCT_FSM_ILLEGAL);                                                                    \
			break;                                                                                                     \
		}                                                                                                              \
		bool single = cloudacct_actor_is_single(actor);                                                               \
		uint32_t allowed = single ? cloudacct_##PFX##_allowed_events(from, actor) : 0;                                 \
		FUZZ_CHECK((r == CLOUDACCT_FSM_OK) == (single && (allowed & CLOUDACCT_FSM_BIT(ev)) != 0));                    \
		if (r == CLOUDACCT_FSM_OK) {                                                                                   \
			FUZZ_CHECK(to >= 0 && to < NST && !cloudacct_##PFX##_state_is_final(from));                                \
		}                                                                                                              \
		if (r == CLOUDACCT_FSM_FORBIDDEN) {                                                                            \
			bool someone = false;                                                                                      \
			for (unsigned a = 1; a <= 8; a <<= 1) {                                                                    \
				someone = someone || (cloudacct_##PFX##_allowed_events(from, a) & CLOUDACCT_FSM_BIT(ev));              \
			}                                                                                                          \
			FUZZ_CHECK(someone);                                                                                       \
		}                                                                                                              \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3) {
		return 0;
	}
	uint8_t st = data[0], evb = data[1];
	unsigned actor = data[2] & 31;
	const char *name = (const char *) data + 3;
	size_t len = size - 3;

	CHECK_MACHINE(job, CLOUDACCT_JOB_STATE_COUNT, CLOUDACCT_JOB_EVENT_COUNT);
	CHECK_MACHINE(order, CLOUDACCT_ORDER_STATE_COUNT, CLOUDACCT_ORDER_EVENT_COUNT);
	CHECK_MACHINE(complaint, CLOUDACCT_COMPLAINT_STATE_COUNT, CLOUDACCT_COMPLAINT_EVENT_COUNT);
	return 0;
}
