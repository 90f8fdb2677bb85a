#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "area.h"
#include "../common/errors.h"
#include "../db/db.h"

static zend_object_handlers area_handlers;

static cloudacct_area *area_from_obj(zend_object *obj)
{
	return (cloudacct_area *) ((char *) obj - XtOffsetOf(cloudacct_area, std));
}

static zend_object *area_create(zend_class_entry *ce)
{
	cloudacct_area *a = zend_object_alloc(sizeof(cloudacct_area), ce);
	zend_object_std_init(&a->std, ce);
	object_properties_init(&a->std, ce);
	a->std.handlers = &area_handlers;
	return &a->std;
}

static void area_free(zend_object *obj)
{
	cloudacct_area *a = area_from_obj(obj);
	if (a->store_obj) {
		OBJ_RELEASE(a->store_obj);
	}
	zend_object_std_dtor(obj);
}

static HashTable *area_get_gc(zend_object *obj, zval **table, int *n)
{
	cloudacct_area *a = area_from_obj(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	if (a->store_obj) {
		zend_get_gc_buffer_add_obj(buf, a->store_obj);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}

void cloudacct_area_minit(void)
{
	memcpy(&area_handlers, &std_object_handlers, sizeof(zend_object_handlers));
	area_handlers.offset = XtOffsetOf(cloudacct_area, std);
	area_handlers.free_obj = area_free;
	area_handlers.get_gc = area_get_gc;
	area_handlers.clone_obj = NULL;
	area_handlers.compare = zend_objects_not_comparable;
}

void cloudacct_area_register(zend_class_entry *ce)
{
	ce->create_object = area_create;
}

void cloudacct_area_construct(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *zstore;
	cloudacct_area *a = area_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zstore, cloudacct_ce_Store)
	ZEND_PARSE_PARAMETERS_END();

	if (a->store_obj) {
		zend_throw_error(NULL, "%s 已初始化 (already constructed)", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_THROWS();
	}
	a->store_obj = Z_OBJ_P(zstore);
	GC_ADDREF(a->store_obj);
}

cloudacct_store *cloudacct_area_store(zval *this_zv)
{
	cloudacct_area *a = area_from_obj(Z_OBJ_P(this_zv));
	if (!a->store_obj) {
		zend_throw_error(NULL, "%s 未初始化 (not constructed)", ZSTR_VAL(Z_OBJCE_P(this_zv)->name));
		return NULL;
	}
	return cloudacct_store_from_obj(a->store_obj);
}

/* ---- admins limited to stores ({admin_store}, the people area's table) ---- */

zend_result cloudacct_admin_scoped(cloudacct_store *s, zend_long we7_uid, bool *scoped)
{
	zval v;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(we7_uid) };

	ZVAL_UNDEF(&v);
	if (CLOUDACCT_DB_RUN(s->db, "SELECT 1 FROM {admin_store} WHERE uniacid = ? AND we7_uid = ? LIMIT 1", p, 2,
			CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		return FAILURE;
	}
	*scoped = Z_TYPE(v) == IS_LONG;
	return SUCCESS;
}

zend_result cloudacct_require_firm_admin(cloudacct_store *s, const cloudacct_actor *a, const char *what)
{
	bool scoped;

	if (a->kind != CLOUDACCT_ACTOR_ADMIN) {
		cloudacct_throw_forbidden("只有管理员可以%s (admin only)", what);
		return FAILURE;
	}
	if (cloudacct_admin_scoped(s, a->id, &scoped) == FAILURE) {
		return FAILURE;
	}
	if (scoped) {
		cloudacct_throw_forbidden("门店管理员不能%s，请联系总管理员 (admins limited to stores may not do this)", what);
		return FAILURE;
	}
	return SUCCESS;
}
