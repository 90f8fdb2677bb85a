/* What other areas need to know about people: staff for dispatch, client companies and who may
 * see them. Every lookup is scoped to the store's uniacid. */
#ifndef CLOUDACCT_PEOPLE_H
#define CLOUDACCT_PEOPLE_H

#include "php.h"
#include "../context/context.h"

typedef struct {
	zend_long id;
	zend_long store_id;
	zend_long open_job_cap;
	zend_long open_jobs;
	bool active;
	bool on_duty;
} cloudacct_staff_info;

typedef struct {
	zend_long id;
	zend_long store_id;
	zend_long accountant_id; /* exclusive accountant (专属会计), 0 = none */
	bool active;             /* status 'active' */
} cloudacct_client_info;

/* found=false when there is no such row in this uniacid (no exception). */
zend_result cloudacct_people_staff_get(cloudacct_store *s, zend_long staff_id, cloudacct_staff_info *out, bool *found);
zend_result cloudacct_people_client_get(cloudacct_store *s, zend_long client_id, cloudacct_client_info *out, bool *found);
zend_result cloudacct_people_contact_in_client(cloudacct_store *s, zend_long contact_id, zend_long client_id, bool *yes);
/* Admins limited to stores ({admin_store} rows) may only touch rows of those stores. */
zend_result cloudacct_people_admin_may_store(cloudacct_store *s, zend_long we7_uid, zend_long store_id, bool *yes);

/* May this actor see this client company? admin (within their stores), the company's exclusive
 * accountant, a contact bound to it, the system. Throws NotFoundException otherwise — the same
 * answer as for a company that does not exist, so ids cannot be probed. Fills out when given. */
zend_result cloudacct_people_authorize_client(cloudacct_store *s, const cloudacct_actor *actor, zend_long client_id,
	cloudacct_client_info *out);

/* The staff actor's row, which must be active; throws ForbiddenException otherwise. */
zend_result cloudacct_people_require_active_staff(cloudacct_store *s, const cloudacct_actor *actor,
	cloudacct_staff_info *out);

/* Registers CloudAcct\People\{Stores, Staff, Clients, Contacts}; called from MINIT. */
void cloudacct_people_minit(void);

#endif
