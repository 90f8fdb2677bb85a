/* CloudAcct\Http\Client: the C client (http.h) as a PHP class. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "http.h"
#include "http_arginfo.h"

static zend_class_entry *cloudacct_ce_Client;
static zend_object_handlers client_handlers;

typedef struct {
	cloudacct_http_options options; /* owned */
	bool constructed;
	zend_object std;
} cloudacct_client;

static cloudacct_client *client_from_obj(zend_object *obj)
{
	return (cloudacct_client *) ((char *) obj - XtOffsetOf(cloudacct_client, std));
}

static zend_object *client_create(zend_class_entry *ce)
{
	cloudacct_client *c = zend_object_alloc(sizeof(cloudacct_client), ce);
	zend_object_std_init(&c->std, ce);
	object_properties_init(&c->std, ce);
	c->std.handlers = &client_handlers;
	return &c->std;
}

static void client_free(zend_object *obj)
{
	cloudacct_client *c = client_from_obj(obj);
	cloudacct_http_options_free(&c->options);
	zend_object_std_dtor(&c->std);
}

ZEND_METHOD(CloudAcct_Http_Client, __construct)
{
	HashTable *opts = NULL;
	zend_string *key;
	zval *zv;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(opts)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_client *c = client_from_obj(Z_OBJ_P(ZEND_THIS));
	cloudacct_http_options_free(&c->options);
	cloudacct_http_options_defaults(&c->options);
	if (opts) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(opts, key, zv) {
			bool known = false;
			if (!key) {
				zend_argument_value_error(1, "must be an array with string keys");
				RETURN_THROWS();
			}
			if (cloudacct_http_options_set(&c->options, key, zv, 1, &known) == FAILURE) {
				RETURN_THROWS();
			}
			if (!known) {
				zend_argument_value_error(1, "contains the unknown option \"%s\"", ZSTR_VAL(key));
				RETURN_THROWS();
			}
		} ZEND_HASH_FOREACH_END();
	}
	c->constructed = true;
}

static cloudacct_client *client_checked(zval *this_zv)
{
	cloudacct_client *c = client_from_obj(Z_OBJ_P(this_zv));
	if (!c->constructed) {
		zend_throw_error(NULL, "CloudAcct\\Http\\Client was not constructed");
		return NULL;
	}
	return c;
}

/* One request array → an exchange; NULL after throwing. */
static cloudacct_http_exchange *exchange_from_array(HashTable *req, uint32_t arg)
{
	zval *url = zend_hash_str_find(req, ZEND_STRL("url"));
	zval *method = zend_hash_str_find(req, ZEND_STRL("method"));
	zval *headers = zend_hash_str_find(req, ZEND_STRL("headers"));
	zval *body = zend_hash_str_find(req, ZEND_STRL("body"));

	if (!url || Z_TYPE_P(url) != IS_STRING || Z_STRLEN_P(url) == 0 || memchr(Z_STRVAL_P(url), 0, Z_STRLEN_P(url))) {
		zend_argument_value_error(arg, "must give each request a \"url\" string");
		return NULL;
	}
	if (method && (Z_TYPE_P(method) != IS_STRING || Z_STRLEN_P(method) == 0 || Z_STRLEN_P(method) > 7)) {
		zend_argument_value_error(arg, "must give \"method\" as GET, POST, PUT, PATCH or DELETE");
		return NULL;
	}
	if ((headers && Z_TYPE_P(headers) != IS_ARRAY) || (body && Z_TYPE_P(body) != IS_STRING && Z_TYPE_P(body) != IS_NULL)) {
		zend_argument_value_error(arg, "must give \"headers\" as a list of strings and \"body\" as a string");
		return NULL;
	}
	const char *m = method ? Z_STRVAL_P(method) : "GET";
	if (strcmp(m, "GET") && strcmp(m, "POST") && strcmp(m, "PUT") && strcmp(m, "PATCH") && strcmp(m, "DELETE")) {
		zend_argument_value_error(arg, "must give \"method\" as GET, POST, PUT, PATCH or DELETE");
		return NULL;
	}
	cloudacct_http_exchange *ex = cloudacct_http_exchange_new(m, Z_STRVAL_P(url), Z_STRLEN_P(url));
	if (headers) {
		zval *h;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(headers), h) {
			if (Z_TYPE_P(h) != IS_STRING || memchr(Z_STRVAL_P(h), '\n', Z_STRLEN_P(h)) || memchr(Z_STRVAL_P(h), 0, Z_STRLEN_P(h))) {
				cloudacct_http_exchange_free(ex);
				zend_argument_value_error(arg, "must give each header as one \"Name: value\" line");
				return NULL;
			}
			cloudacct_http_exchange_header(ex, Z_STRVAL_P(h));
		} ZEND_HASH_FOREACH_END();
	}
	if (body && Z_TYPE_P(body) == IS_STRING) {
		cloudacct_http_exchange_body(ex, zend_string_copy(Z_STR_P(body)));
	}
	return ex;
}

static void headers_to_array(const cloudacct_http_exchange *ex, zval *out)
{
	array_init(out);
	if (!ex->response_headers.s) {
		return;
	}
	const char *p = ZSTR_VAL(ex->response_headers.s), *end = p + ZSTR_LEN(ex->response_headers.s);
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t) (end - p));
		const char *le = eol ? eol : end;
		const char *colon = memchr(p, ':', (size_t) (le - p));
		if (colon && colon > p) {
			zend_string *raw = zend_string_init(p, (size_t) (colon - p), 0);
			zend_string *name = zend_string_tolower(raw);
			zend_string_release(raw);
			zend_string *value = cloudacct_http_header(ex, ZSTR_VAL(name));
			if (value) {
				add_assoc_str_ex(out, ZSTR_VAL(name), ZSTR_LEN(name), value);
			}
			zend_string_release(name);
		}
		p = le + 1;
	}
}

static void answer(const cloudacct_http_exchange *ex, zval *out)
{
	zval headers;
	array_init_size(out, 6);
	add_assoc_string(out, "result", (char *) cloudacct_http_result_name(ex->result));
	add_assoc_long(out, "status", ex->status);
	headers_to_array(ex, &headers);
	add_assoc_zval(out, "headers", &headers);
	if (ex->response.s) {
		add_assoc_str(out, "body", zend_string_copy(ex->response.s));
	} else {
		add_assoc_str(out, "body", ZSTR_EMPTY_ALLOC());
	}
	add_assoc_string(out, "error", (char *) ex->error);
	add_assoc_double(out, "seconds", ex->seconds);
}

static void run(cloudacct_client *c, cloudacct_http_exchange **ex, size_t n, zval *return_value, bool list)
{
	if (cloudacct_http_perform(&c->options, ex, n) == FAILURE) {
		zend_throw_error(NULL, "libcurl could not be initialised");
		return;
	}
	if (list) {
		array_init_size(return_value, (uint32_t) n);
		for (size_t i = 0; i < n; i++) {
			zval a;
			answer(ex[i], &a);
			add_next_index_zval(return_value, &a);
		}
	} else {
		answer(ex[0], return_value);
	}
}

ZEND_METHOD(CloudAcct_Http_Client, send)
{
	HashTable *requests;
	zval *zv;
	size_t n = 0;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(requests)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_client *c = client_checked(ZEND_THIS);
	if (!c) {
		RETURN_THROWS();
	}
	cloudacct_http_exchange **ex = safe_emalloc(zend_hash_num_elements(requests) + 1, sizeof(*ex), 0);
	ZEND_HASH_FOREACH_VAL(requests, zv) {
		if (Z_TYPE_P(zv) != IS_ARRAY || !(ex[n] = exchange_from_array(Z_ARRVAL_P(zv), 1))) {
			if (!EG(exception)) {
				zend_argument_value_error(1, "must be a list of request arrays");
			}
			break;
		}
		n++;
	} ZEND_HASH_FOREACH_END();
	if (!EG(exception)) {
		run(c, ex, n, return_value, true);
	}
	for (size_t i = 0; i < n; i++) {
		cloudacct_http_exchange_free(ex[i]);
	}
	efree(ex);
}

ZEND_METHOD(CloudAcct_Http_Client, request)
{
	zend_string *method, *url, *body = NULL;
	HashTable *headers = NULL;
	zval req, tmp;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_STR(method)
		Z_PARAM_STR(url)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(headers)
		Z_PARAM_STR_OR_NULL(body)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_client *c = client_checked(ZEND_THIS);
	if (!c) {
		RETURN_THROWS();
	}
	array_init(&req);
	add_assoc_str(&req, "method", zend_string_copy(method));
	add_assoc_str(&req, "url", zend_string_copy(url));
	if (headers) {
		ZVAL_ARR(&tmp, zend_array_dup(headers));
		add_assoc_zval(&req, "headers", &tmp);
	}
	if (body) {
		add_assoc_str(&req, "body", zend_string_copy(body));
	}
	cloudacct_http_exchange *ex = exchange_from_array(Z_ARRVAL(req), 1);
	zval_ptr_dtor(&req);
	if (!ex) {
		RETURN_THROWS();
	}
	run(c, &ex, 1, return_value, false);
	cloudacct_http_exchange_free(ex);
}

void cloudacct_http_minit(void)
{
	cloudacct_ce_Client = register_class_CloudAcct_Http_Client();
	cloudacct_ce_Client->create_object = client_create;
	memcpy(&client_handlers, zend_get_std_object_handlers(), sizeof(client_handlers));
	client_handlers.offset = XtOffsetOf(cloudacct_client, std);
	client_handlers.free_obj = client_free;
	client_handlers.clone_obj = NULL;
	client_handlers.compare = zend_objects_not_comparable;
}
