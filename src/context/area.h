/* Every area class (CloudAcct\Audit\Trail, the people, work and money areas…) is the same kind
 * of object: a handle on one Store. This is that object, so areas write only their methods:
 *
 *   ZEND_METHOD(CloudAcct_X_Y, __construct) { cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU); }
 *   ZEND_METHOD(CloudAcct_X_Y, doIt) { cloudacct_store *s = cloudacct_area_store(ZEND_THIS); if (!s) RETURN_THROWS(); … }
 *   MINIT: ce = register_class_CloudAcct_X_Y(); cloudacct_area_register(ce);
 */
#ifndef CLOUDACCT_AREA_H
#define CLOUDACCT_AREA_H

#include "php.h"
#include "context.h"

typedef struct {
	zend_object *store_obj; /* owned reference to the CloudAcct\Store */
	zend_object std;
} cloudacct_area;

void cloudacct_area_minit(void);
/* Sets create_object (and so the handlers) of an area class. */
void cloudacct_area_register(zend_class_entry *ce);
/* The body of every area constructor: __construct(CloudAcct\Store $store). */
void cloudacct_area_construct(INTERNAL_FUNCTION_PARAMETERS);
/* The Store of an area object; throws Error and returns NULL if the constructor never ran. */
cloudacct_store *cloudacct_area_store(zval *this_zv);

/* Is this 微擎 user an admin limited to some stores ({admin_store} rows)? */
zend_result cloudacct_admin_scoped(cloudacct_store *s, zend_long we7_uid, bool *scoped);
/* ForbiddenException unless the actor is an admin not limited to stores: what covers the whole
 * firm (stores, settings, catalogue, calendar, book lines, notices, the audit trail) is theirs.
 * what says what was tried ("新建门店"). */
zend_result cloudacct_require_firm_admin(cloudacct_store *s, const cloudacct_actor *a, const char *what);

#endif
