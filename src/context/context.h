/* The core context as the areas use it: the Store (connection + uniacid), the Actor, the clock. */
#ifndef CLOUDACCT_CONTEXT_H
#define CLOUDACCT_CONTEXT_H

#include "php.h"
#include "../core/actor.h"
#include "../db/db.h"

typedef struct {
	zend_object *conn_obj;     /* owned reference to the CloudAcct\Db\Connection */
	cloudacct_connection *db;  /* borrowed view of conn_obj */
	zend_long uniacid;
	zend_object std;
} cloudacct_store;

extern zend_class_entry *cloudacct_ce_Store;
extern zend_class_entry *cloudacct_ce_Actor;

cloudacct_store *cloudacct_store_from_obj(zend_object *obj);

/* An Actor read into C; ip is borrowed from the Actor object. */
typedef struct {
	cloudacct_actor_kind kind;
	zend_long id;
	zend_string *ip;
} cloudacct_actor;

void cloudacct_actor_read(zend_object *actor_obj, cloudacct_actor *out);
const char *cloudacct_actor_kind_name(cloudacct_actor_kind kind);

/* The business clock: wall time unless a test froze or shifted it for this request. */
zend_long cloudacct_clock_now(void);

void cloudacct_context_minit(void);

#endif
