/* The exception hierarchy (declared in cloudacct.stub.php) and the helpers that throw it.
 * Every helper throws and returns; callers follow with RETURN_THROWS(). */
#ifndef CLOUDACCT_ERRORS_H
#define CLOUDACCT_ERRORS_H

#include "php.h"

extern zend_class_entry *cloudacct_ce_Exception;
extern zend_class_entry *cloudacct_ce_NotFoundException;
extern zend_class_entry *cloudacct_ce_ForbiddenException;
extern zend_class_entry *cloudacct_ce_ConflictException;
extern zend_class_entry *cloudacct_ce_InvalidTransitionException;
extern zend_class_entry *cloudacct_ce_ValidationException;
extern zend_class_entry *cloudacct_ce_DatabaseException;
extern zend_class_entry *cloudacct_ce_ConnectionException;
extern zend_class_entry *cloudacct_ce_DuplicateKeyException;
extern zend_class_entry *cloudacct_ce_DeadlockException;
extern zend_class_entry *cloudacct_ce_IntegrationException;
extern zend_class_entry *cloudacct_ce_ActorKind;

void cloudacct_errors_minit(void);

void cloudacct_throw_not_found(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
void cloudacct_throw_forbidden(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
void cloudacct_throw_conflict(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
void cloudacct_throw_integration(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
/* current_state names the state the object is really in, for the caller to show or branch on. */
void cloudacct_throw_invalid_transition(const char *current_state, const char *fmt, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
/* field names the offending input (an option key, a form field). */
void cloudacct_throw_validation(const char *field, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
/* ce is DatabaseException or a subclass; errno becomes getCode(). */
void cloudacct_throw_db(zend_class_entry *ce, unsigned int err, const char *sqlstate, const char *fmt, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 4, 5);

#endif
