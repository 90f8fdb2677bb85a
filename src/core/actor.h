/*
 * Who is acting. A bitmask so that state tables can list the allowed actors
 * of a transition in one field; a single call always passes exactly one bit.
 */
#ifndef CLOUDACCT_CORE_ACTOR_H
#define CLOUDACCT_CORE_ACTOR_H

#include <stdbool.h>

typedef enum {
	CLOUDACCT_ACTOR_CLIENT = 1, /* a contact of a client company */
	CLOUDACCT_ACTOR_STAFF = 2,  /* an employee (accountant) */
	CLOUDACCT_ACTOR_ADMIN = 4,  /* a 微擎 backend admin of the uniacid */
	CLOUDACCT_ACTOR_SYSTEM = 8  /* the scheduler or a payment callback */
} cloudacct_actor_kind;

#define CLOUDACCT_ACTOR_ALL 15u

/* True when actor is exactly one known kind (not 0, not a combination). */
static inline bool cloudacct_actor_is_single(unsigned actor)
{
	return actor != 0 && (actor & ~CLOUDACCT_ACTOR_ALL) == 0 && (actor & (actor - 1)) == 0;
}

#endif
