/* CloudAcct\Actor, CloudAcct\Store, CloudAcct\Clock and CloudAcct\Money. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_enum.h"
#include "php_cloudacct.h"
#include "context.h"
#include "area.h"
#include "../common/errors.h"
#include "../core/money.h"
#include "context_arginfo.h"

zend_class_entry *cloudacct_ce_Store;
zend_class_entry *cloudacct_ce_Actor;
static zend_class_entry *cloudacct_ce_Clock;
static zend_class_entry *cloudacct_ce_Money;
static zend_object_handlers store_handlers;

/* ---- Actor: three readonly properties, in declaration order ---- */

enum { ACTOR_PROP_KIND, ACTOR_PROP_ID, ACTOR_PROP_IP };

static const struct {
	cloudacct_actor_kind kind;
	const char *name;  /* ActorKind case value */
	const char *label; /* the enum case name */
} actor_kinds[] = {
	{ CLOUDACCT_ACTOR_CLIENT, "client", "Client" },
	{ CLOUDACCT_ACTOR_STAFF, "staff", "Staff" },
	{ CLOUDACCT_ACTOR_ADMIN, "admin", "Admin" },
	{ CLOUDACCT_ACTOR_SYSTEM, "system", "System" },
};

const char *cloudacct_actor_kind_name(cloudacct_actor_kind kind)
{
	for (size_t i = 0; i < sizeof(actor_kinds) / sizeof(actor_kinds[0]); i++) {
		if (actor_kinds[i].kind == kind) {
			return actor_kinds[i].name;
		}
	}
	return "unknown";
}

void cloudacct_actor_read(zend_object *obj, cloudacct_actor *out)
{
	zval *kind = OBJ_PROP_NUM(obj, ACTOR_PROP_KIND);
	zend_string *case_value = Z_STR_P(zend_enum_fetch_case_value(Z_OBJ_P(kind)));

	out->kind = CLOUDACCT_ACTOR_SYSTEM;
	for (size_t i = 0; i < sizeof(actor_kinds) / sizeof(actor_kinds[0]); i++) {
		if (zend_string_equals_cstr(case_value, actor_kinds[i].name, strlen(actor_kinds[i].name))) {
			out->kind = actor_kinds[i].kind;
		}
	}
	out->id = Z_LVAL_P(OBJ_PROP_NUM(obj, ACTOR_PROP_ID));
	out->ip = Z_STR_P(OBJ_PROP_NUM(obj, ACTOR_PROP_IP));
}

static bool ip_valid(zend_string *ip)
{
	if (ZSTR_LEN(ip) > 45) {
		return false;
	}
	for (size_t i = 0; i < ZSTR_LEN(ip); i++) {
		char ch = ZSTR_VAL(ip)[i];
		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F') || ch == '.' || ch == ':')) {
			return false;
		}
	}
	return true;
}

static void make_actor(zval *return_value, cloudacct_actor_kind kind, zend_long id, zend_string *ip)
{
	const char *label = "System";
	for (size_t i = 0; i < sizeof(actor_kinds) / sizeof(actor_kinds[0]); i++) {
		if (actor_kinds[i].kind == kind) {
			label = actor_kinds[i].label;
		}
	}
	object_init_ex(return_value, cloudacct_ce_Actor);
	zend_object *obj = Z_OBJ_P(return_value);
	ZVAL_OBJ_COPY(OBJ_PROP_NUM(obj, ACTOR_PROP_KIND), zend_enum_get_case_cstr(cloudacct_ce_ActorKind, label));
	ZVAL_LONG(OBJ_PROP_NUM(obj, ACTOR_PROP_ID), id);
	ZVAL_STR_COPY(OBJ_PROP_NUM(obj, ACTOR_PROP_IP), ip ? ip : ZSTR_EMPTY_ALLOC());
}

static void actor_factory(INTERNAL_FUNCTION_PARAMETERS, cloudacct_actor_kind kind)
{
	zend_long id;
	zend_string *ip = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(id)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(ip)
	ZEND_PARSE_PARAMETERS_END();

	if (id <= 0 || id > UINT32_MAX) {
		zend_argument_value_error(1, "must be a positive id");
		RETURN_THROWS();
	}
	if (ip && !ip_valid(ip)) {
		zend_argument_value_error(2, "must be an IPv4 or IPv6 address");
		RETURN_THROWS();
	}
	make_actor(return_value, kind, id, ip);
}

ZEND_METHOD(CloudAcct_Actor, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(CloudAcct_Actor, client)
{
	actor_factory(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_ACTOR_CLIENT);
}

ZEND_METHOD(CloudAcct_Actor, staff)
{
	actor_factory(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_ACTOR_STAFF);
}

ZEND_METHOD(CloudAcct_Actor, admin)
{
	actor_factory(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_ACTOR_ADMIN);
}

ZEND_METHOD(CloudAcct_Actor, system)
{
	zend_string *ip = NULL;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(ip)
	ZEND_PARSE_PARAMETERS_END();

	if (ip && !ip_valid(ip)) {
		zend_argument_value_error(1, "must be an IPv4 or IPv6 address");
		RETURN_THROWS();
	}
	make_actor(return_value, CLOUDACCT_ACTOR_SYSTEM, 0, ip);
}

static void actor_is(INTERNAL_FUNCTION_PARAMETERS, cloudacct_actor_kind kind)
{
	cloudacct_actor a;
	ZEND_PARSE_PARAMETERS_NONE();
	cloudacct_actor_read(Z_OBJ_P(ZEND_THIS), &a);
	RETURN_BOOL(a.kind == kind);
}

ZEND_METHOD(CloudAcct_Actor, isClient)
{
	actor_is(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_ACTOR_CLIENT);
}

ZEND_METHOD(CloudAcct_Actor, isStaff)
{
	actor_is(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_ACTOR_STAFF);
}

ZEND_METHOD(CloudAcct_Actor, isAdmin)
{
	actor_is(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_ACTOR_ADMIN);
}

ZEND_METHOD(CloudAcct_Actor, isSystem)
{
	actor_is(INTERNAL_FUNCTION_PARAM_PASSTHRU, CLOUDACCT_ACTOR_SYSTEM);
}

/* ---- Store ---- */

cloudacct_store *cloudacct_store_from_obj(zend_object *obj)
{
	return (cloudacct_store *) ((char *) obj - XtOffsetOf(cloudacct_store, std));
}

static zend_object *store_create(zend_class_entry *ce)
{
	cloudacct_store *s = zend_object_alloc(sizeof(cloudacct_store), ce);
	zend_object_std_init(&s->std, ce);
	object_properties_init(&s->std, ce);
	s->std.handlers = &store_handlers;
	return &s->std;
}

static void store_free(zend_object *obj)
{
	cloudacct_store *s = cloudacct_store_from_obj(obj);
	if (s->conn_obj) {
		OBJ_RELEASE(s->conn_obj);
	}
	zend_object_std_dtor(obj);
}

static HashTable *store_get_gc(zend_object *obj, zval **table, int *n)
{
	cloudacct_store *s = cloudacct_store_from_obj(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	if (s->conn_obj) {
		zend_get_gc_buffer_add_obj(buf, s->conn_obj);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}

ZEND_METHOD(CloudAcct_Store, __construct)
{
	zval *zconn;
	zend_long uniacid;
	cloudacct_store *s = cloudacct_store_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zconn, cloudacct_ce_Connection)
		Z_PARAM_LONG(uniacid)
	ZEND_PARSE_PARAMETERS_END();

	if (s->conn_obj) {
		zend_throw_error(NULL, "Store 已初始化 (already constructed)");
		RETURN_THROWS();
	}
	if (uniacid <= 0 || uniacid > UINT32_MAX) {
		zend_argument_value_error(2, "must be a positive uniacid");
		RETURN_THROWS();
	}
	s->conn_obj = Z_OBJ_P(zconn);
	GC_ADDREF(s->conn_obj);
	s->db = cloudacct_connection_from_obj(s->conn_obj);
	s->uniacid = uniacid;
}

static cloudacct_store *store_checked(zval *this_zv)
{
	cloudacct_store *s = cloudacct_store_from_obj(Z_OBJ_P(this_zv));
	if (!s->conn_obj) {
		zend_throw_error(NULL, "Store 未初始化 (not constructed)");
		return NULL;
	}
	return s;
}

ZEND_METHOD(CloudAcct_Store, uniacid)
{
	ZEND_PARSE_PARAMETERS_NONE();
	cloudacct_store *s = store_checked(ZEND_THIS);
	if (!s) {
		RETURN_THROWS();
	}
	RETURN_LONG(s->uniacid);
}

ZEND_METHOD(CloudAcct_Store, connection)
{
	ZEND_PARSE_PARAMETERS_NONE();
	cloudacct_store *s = store_checked(ZEND_THIS);
	if (!s) {
		RETURN_THROWS();
	}
	RETURN_OBJ_COPY(s->conn_obj);
}

/* ---- Clock ---- */

zend_long cloudacct_clock_now(void)
{
	if (CLOUDACCT_G(clock_frozen)) {
		return CLOUDACCT_G(clock_now);
	}
	return (zend_long) time(NULL) + CLOUDACCT_G(clock_offset);
}

static bool clock_settable(void)
{
	if (!CLOUDACCT_G(clock_settable)) {
		zend_throw_error(NULL, "时钟不可设置：仅在 cloudacct.clock_settable=1 时可用 (the clock is settable only in tests)");
		return false;
	}
	return true;
}

ZEND_METHOD(CloudAcct_Clock, now)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(cloudacct_clock_now());
}

ZEND_METHOD(CloudAcct_Clock, freeze)
{
	zend_long ts;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(ts)
	ZEND_PARSE_PARAMETERS_END();

	if (!clock_settable()) {
		RETURN_THROWS();
	}
	if (ts < 0 || ts > (zend_long) UINT32_MAX) {
		zend_argument_value_error(1, "must be a unix timestamp between 0 and 4294967295");
		RETURN_THROWS();
	}
	CLOUDACCT_G(clock_frozen) = true;
	CLOUDACCT_G(clock_now) = ts;
}

ZEND_METHOD(CloudAcct_Clock, advance)
{
	zend_long seconds;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(seconds)
	ZEND_PARSE_PARAMETERS_END();

	if (!clock_settable()) {
		RETURN_THROWS();
	}
	zend_long now = cloudacct_clock_now();
	if (seconds < -now || seconds > (zend_long) UINT32_MAX - now) {
		zend_argument_value_error(1, "must keep the clock between 0 and 4294967295");
		RETURN_THROWS();
	}
	if (CLOUDACCT_G(clock_frozen)) {
		CLOUDACCT_G(clock_now) += seconds;
	} else {
		CLOUDACCT_G(clock_offset) += seconds;
	}
	RETURN_LONG(cloudacct_clock_now());
}

ZEND_METHOD(CloudAcct_Clock, release)
{
	ZEND_PARSE_PARAMETERS_NONE();
	CLOUDACCT_G(clock_frozen) = false;
	CLOUDACCT_G(clock_offset) = 0;
}

ZEND_METHOD(CloudAcct_Clock, isFrozen)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(CLOUDACCT_G(clock_frozen));
}

/* ---- Money ---- */

ZEND_METHOD(CloudAcct_Money, parse)
{
	zval *amount;
	bool allow_negative = false;
	int64_t fen;
	cloudacct_money_status st;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ZVAL(amount)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(allow_negative)
	ZEND_PARSE_PARAMETERS_END();

	switch (Z_TYPE_P(amount)) {
		case IS_STRING:
			st = cloudacct_money_parse(Z_STRVAL_P(amount), Z_STRLEN_P(amount), allow_negative, &fen);
			break;
		case IS_LONG:
			if (Z_LVAL_P(amount) < 0 && !allow_negative) {
				st = CLOUDACCT_MONEY_NEGATIVE;
			} else {
				st = cloudacct_money_from_yuan(Z_LVAL_P(amount), &fen) ? CLOUDACCT_MONEY_OK : CLOUDACCT_MONEY_OVERFLOW;
			}
			break;
		case IS_DOUBLE:
			zend_argument_type_error(1, "must be a string like \"12.34\" or an int, float given (floats cannot hold fen exactly)");
			RETURN_THROWS();
		default:
			zend_argument_type_error(1, "must be of type string|int, %s given", zend_zval_type_name(amount));
			RETURN_THROWS();
	}
	if (st != CLOUDACCT_MONEY_OK) {
		cloudacct_throw_validation("amount", "%s", cloudacct_money_status_message(st));
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) fen);
}

ZEND_METHOD(CloudAcct_Money, format)
{
	zend_long fen;
	char buf[CLOUDACCT_MONEY_BUFSZ];

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(fen)
	ZEND_PARSE_PARAMETERS_END();

	size_t len = cloudacct_money_format((int64_t) fen, buf);
	RETURN_STRINGL(buf, len);
}

void cloudacct_context_minit(void)
{
	cloudacct_area_minit();
	cloudacct_ce_Actor = register_class_CloudAcct_Actor();
	cloudacct_ce_Store = register_class_CloudAcct_Store();
	cloudacct_ce_Store->create_object = store_create;
	memcpy(&store_handlers, &std_object_handlers, sizeof(zend_object_handlers));
	store_handlers.offset = XtOffsetOf(cloudacct_store, std);
	store_handlers.free_obj = store_free;
	store_handlers.get_gc = store_get_gc;
	store_handlers.clone_obj = NULL;
	store_handlers.compare = zend_objects_not_comparable;
	cloudacct_ce_Clock = register_class_CloudAcct_Clock();
	cloudacct_ce_Money = register_class_CloudAcct_Money();
}
