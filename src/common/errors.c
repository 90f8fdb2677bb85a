#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_enum.h"
#include "ext/spl/spl_exceptions.h"
#include "errors.h"
#include "../../cloudacct_arginfo.h"

zend_class_entry *cloudacct_ce_Exception;
zend_class_entry *cloudacct_ce_NotFoundException;
zend_class_entry *cloudacct_ce_ForbiddenException;
zend_class_entry *cloudacct_ce_ConflictException;
zend_class_entry *cloudacct_ce_InvalidTransitionException;
zend_class_entry *cloudacct_ce_ValidationException;
zend_class_entry *cloudacct_ce_DatabaseException;
zend_class_entry *cloudacct_ce_ConnectionException;
zend_class_entry *cloudacct_ce_DuplicateKeyException;
zend_class_entry *cloudacct_ce_DeadlockException;
zend_class_entry *cloudacct_ce_IntegrationException;
zend_class_entry *cloudacct_ce_ActorKind;

void cloudacct_errors_minit(void)
{
	cloudacct_ce_Exception = register_class_CloudAcct_Exception(spl_ce_RuntimeException);
	cloudacct_ce_NotFoundException = register_class_CloudAcct_NotFoundException(cloudacct_ce_Exception);
	cloudacct_ce_ForbiddenException = register_class_CloudAcct_ForbiddenException(cloudacct_ce_Exception);
	cloudacct_ce_ConflictException = register_class_CloudAcct_ConflictException(cloudacct_ce_Exception);
	cloudacct_ce_InvalidTransitionException =
		register_class_CloudAcct_InvalidTransitionException(cloudacct_ce_ConflictException);
	cloudacct_ce_ValidationException = register_class_CloudAcct_ValidationException(cloudacct_ce_Exception);
	cloudacct_ce_DatabaseException = register_class_CloudAcct_DatabaseException(cloudacct_ce_Exception);
	cloudacct_ce_ConnectionException =
		register_class_CloudAcct_ConnectionException(cloudacct_ce_DatabaseException);
	cloudacct_ce_DuplicateKeyException =
		register_class_CloudAcct_DuplicateKeyException(cloudacct_ce_DatabaseException);
	cloudacct_ce_DeadlockException = register_class_CloudAcct_DeadlockException(cloudacct_ce_DatabaseException);
	cloudacct_ce_IntegrationException = register_class_CloudAcct_IntegrationException(cloudacct_ce_Exception);
	cloudacct_ce_ActorKind = register_class_CloudAcct_ActorKind();
}

/* Builds the exception object without throwing, so extra properties can be set first. */
static zend_object *make_exception(zend_class_entry *ce, zend_long code, const char *fmt, va_list ap)
{
	zval ex;
	zend_string *msg = zend_vstrpprintf(0, fmt, ap);

	object_init_ex(&ex, ce);
	zend_update_property_str(zend_ce_exception, Z_OBJ(ex), ZEND_STRL("message"), msg);
	if (code) {
		zend_update_property_long(zend_ce_exception, Z_OBJ(ex), ZEND_STRL("code"), code);
	}
	zend_string_release(msg);
	return Z_OBJ(ex);
}

static void throw_obj(zend_object *obj)
{
	zval zv;
	ZVAL_OBJ(&zv, obj);
	zend_throw_exception_object(&zv);
}

#define CLOUDACCT_SIMPLE_THROW(fn, ce_var)                             \
	void fn(const char *fmt, ...)                                      \
	{                                                                  \
		va_list ap;                                                    \
		va_start(ap, fmt);                                             \
		throw_obj(make_exception(ce_var, 0, fmt, ap)); \
		va_end(ap);                                                    \
	}

CLOUDACCT_SIMPLE_THROW(cloudacct_throw_not_found, cloudacct_ce_NotFoundException)
CLOUDACCT_SIMPLE_THROW(cloudacct_throw_forbidden, cloudacct_ce_ForbiddenException)
CLOUDACCT_SIMPLE_THROW(cloudacct_throw_conflict, cloudacct_ce_ConflictException)
CLOUDACCT_SIMPLE_THROW(cloudacct_throw_integration, cloudacct_ce_IntegrationException)

void cloudacct_throw_invalid_transition(const char *current_state, const char *fmt, ...)
{
	va_list ap;
	zend_object *ex;

	va_start(ap, fmt);
	ex = make_exception(cloudacct_ce_InvalidTransitionException, 0, fmt, ap);
	va_end(ap);
	zend_update_property_string(cloudacct_ce_InvalidTransitionException, ex, ZEND_STRL("currentState"),
		current_state);
	throw_obj(ex);
}

void cloudacct_throw_validation(const char *field, const char *fmt, ...)
{
	va_list ap;
	zend_object *ex;

	va_start(ap, fmt);
	ex = make_exception(cloudacct_ce_ValidationException, 0, fmt, ap);
	va_end(ap);
	zend_update_property_string(cloudacct_ce_ValidationException, ex, ZEND_STRL("field"), field);
	throw_obj(ex);
}

void cloudacct_throw_db(zend_class_entry *ce, unsigned int err, const char *sqlstate, const char *fmt, ...)
{
	va_list ap;
	zend_object *ex;

	va_start(ap, fmt);
	ex = make_exception(ce, (zend_long) err, fmt, ap);
	va_end(ap);
	zend_update_property_string(cloudacct_ce_DatabaseException, ex, ZEND_STRL("sqlState"),
		sqlstate && *sqlstate ? sqlstate : "HY000");
	throw_obj(ex);
}

/* The getters declared on the exception classes. */
ZEND_METHOD(CloudAcct_InvalidTransitionException, getCurrentState)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zval rv;
	RETURN_COPY(zend_read_property(cloudacct_ce_InvalidTransitionException, Z_OBJ_P(ZEND_THIS),
		ZEND_STRL("currentState"), 0, &rv));
}

ZEND_METHOD(CloudAcct_ValidationException, getField)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zval rv;
	RETURN_COPY(zend_read_property(cloudacct_ce_ValidationException, Z_OBJ_P(ZEND_THIS), ZEND_STRL("field"), 0, &rv));
}

ZEND_METHOD(CloudAcct_DatabaseException, getSqlState)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zval rv;
	RETURN_COPY(zend_read_property(cloudacct_ce_DatabaseException, Z_OBJ_P(ZEND_THIS), ZEND_STRL("sqlState"), 0, &rv));
}
