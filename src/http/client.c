/* The libcurl client (http.h). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "php_cloudacct.h"
#include "http.h"

cloudacct_http_exchange *cloudacct_http_exchange_new(const char *method, const char *url, size_t url_len)
{
	cloudacct_http_exchange *ex = ecalloc(1, sizeof(*ex));
	strlcpy(ex->method, method, sizeof(ex->method));
	ex->url = zend_string_init(url, url_len, 0);
	ex->max_body = CLOUDACCT_HTTP_DEFAULT_MAX_BODY;
	return ex;
}

void cloudacct_http_exchange_header(cloudacct_http_exchange *ex, const char *line)
{
	struct curl_slist *l = curl_slist_append(ex->headers, line);
	if (l) {
		ex->headers = l;
	}
}

void cloudacct_http_exchange_body(cloudacct_http_exchange *ex, zend_string *body)
{
	if (ex->body) {
		zend_string_release(ex->body);
	}
	ex->body = body;
}

void cloudacct_http_exchange_free(cloudacct_http_exchange *ex)
{
	if (!ex) {
		return;
	}
	if (ex->easy) {
		curl_easy_cleanup(ex->easy);
	}
	curl_slist_free_all(ex->headers);
	zend_string_release(ex->url);
	if (ex->body) {
		zend_string_release(ex->body);
	}
	smart_str_free(&ex->response);
	smart_str_free(&ex->response_headers);
	efree(ex);
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *arg)
{
	cloudacct_http_exchange *ex = arg;
	size_t n = size * nmemb;
	size_t have = ex->response.s ? ZSTR_LEN(ex->response.s) : 0;
	if (have + n > ex->max_body) {
		return 0; /* curl stops with CURLE_WRITE_ERROR → E_BODY */
	}
	smart_str_appendl(&ex->response, data, n);
	return n;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *arg)
{
	cloudacct_http_exchange *ex = arg;
	size_t n = size * nmemb;
	/* A new status line starts a new answer (after 100 Continue or a proxy's 200). */
	if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) {
		smart_str_free(&ex->response_headers);
	}
	if ((ex->response_headers.s ? ZSTR_LEN(ex->response_headers.s) : 0) + n <= 64 * 1024) {
		smart_str_appendl(&ex->response_headers, data, n);
	}
	return n;
}

static cloudacct_http_result classify(CURLcode code, long status)
{
	switch (code) {
	case CURLE_OK:
		return status >= 200 && status < 300 ? CLOUDACCT_HTTP_OK : CLOUDACCT_HTTP_E_STATUS;
	case CURLE_OPERATION_TIMEDOUT:
		return CLOUDACCT_HTTP_E_TIMEOUT;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
	case CURLE_SEND_ERROR:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
		return CLOUDACCT_HTTP_E_CONNECT;
	case CURLE_WRITE_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_GOT_NOTHING:
	case CURLE_BAD_CONTENT_ENCODING:
		return CLOUDACCT_HTTP_E_BODY;
	default:
		return CLOUDACCT_HTTP_E_OTHER;
	}
}

static bool setup(const cloudacct_http_options *o, cloudacct_http_exchange *ex)
{
	CURL *e = curl_easy_init();
	if (!e) {
		return false;
	}
	ex->easy = e;
	ex->max_body = o->max_body ? o->max_body : CLOUDACCT_HTTP_DEFAULT_MAX_BODY;
	/* Without NOSIGNAL a resolver timeout longjmps out of the PHP process (style guide §5.24). */
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_URL, ZSTR_VAL(ex->url));
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(e, CURLOPT_PROTOCOLS, (long) (CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long) o->connect_timeout_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long) o->timeout_ms);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	if (o->ca_file && *o->ca_file) {
		curl_easy_setopt(e, CURLOPT_CAINFO, o->ca_file);
	}
	if (o->connect_to) {
		curl_easy_setopt(e, CURLOPT_CONNECT_TO, o->connect_to);
	}
	curl_easy_setopt(e, CURLOPT_USERAGENT, "cloudacct/" PHP_CLOUDACCT_VERSION);
	/* Expect: 100-continue would cost a round trip on larger bodies; vendors do not need it. */
	cloudacct_http_exchange_header(ex, "Expect:");
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, ex->headers);
	if (strcmp(ex->method, "GET") != 0) {
		if (strcmp(ex->method, "POST") != 0) {
			curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, ex->method);
		}
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long) (ex->body ? ZSTR_LEN(ex->body) : 0));
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, ex->body ? ZSTR_VAL(ex->body) : "");
	}
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, ex);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, ex);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, ex->error);
	curl_easy_setopt(e, CURLOPT_PRIVATE, ex);
	return true;
}

static void finish(cloudacct_http_exchange *ex, CURLcode code)
{
	ex->curl_code = code;
	curl_easy_getinfo(ex->easy, CURLINFO_RESPONSE_CODE, &ex->status);
	curl_easy_getinfo(ex->easy, CURLINFO_TOTAL_TIME, &ex->seconds);
	ex->result = classify(code, ex->status);
	if (code != CURLE_OK && !ex->error[0]) {
		strlcpy(ex->error, curl_easy_strerror(code), sizeof(ex->error));
	}
	smart_str_0(&ex->response);
	smart_str_0(&ex->response_headers);
	curl_easy_cleanup(ex->easy);
	ex->easy = NULL;
}

/* Starts the next exchanges until the cap is reached; returns the new number in flight. */
static size_t fill(CURLM *m, const cloudacct_http_options *o, cloudacct_http_exchange **ex, size_t n, size_t *next,
	size_t active)
{
	size_t cap = o->concurrency > 0 ? (size_t) o->concurrency : 1;
	while (*next < n && active < cap) {
		cloudacct_http_exchange *x = ex[(*next)++];
		if (!setup(o, x) || curl_multi_add_handle(m, x->easy) != CURLM_OK) {
			strlcpy(x->error, "could not set up the request", sizeof(x->error));
			x->result = CLOUDACCT_HTTP_E_OTHER;
			if (x->easy) {
				curl_easy_cleanup(x->easy);
				x->easy = NULL;
			}
			continue;
		}
		active++;
	}
	return active;
}

zend_result cloudacct_http_perform(const cloudacct_http_options *o, cloudacct_http_exchange **ex, size_t n)
{
	CURLM *m = curl_multi_init();
	size_t next = 0, active = 0;
	int running = 0, queued = 0;

	if (!m) {
		return FAILURE;
	}
	active = fill(m, o, ex, n, &next, 0);
	while (active > 0) {
		if (curl_multi_perform(m, &running) != CURLM_OK) {
			break;
		}
		CURLMsg *msg;
		while ((msg = curl_multi_info_read(m, &queued))) {
			if (msg->msg != CURLMSG_DONE) {
				continue;
			}
			cloudacct_http_exchange *x = NULL;
			CURL *easy = msg->easy_handle;
			CURLcode code = msg->data.result;
			curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **) &x);
			curl_multi_remove_handle(m, easy);
			finish(x, code);
			active--;
		}
		active = fill(m, o, ex, n, &next, active);
		if (active > 0 && running > 0) {
#if LIBCURL_VERSION_NUM >= 0x074200
			curl_multi_poll(m, NULL, 0, 1000, NULL);
#else
			curl_multi_wait(m, NULL, 0, 1000, NULL);
#endif
		}
	}
	/* Only reached with handles left after a multi-level failure: report them, free them. */
	for (size_t i = 0; i < n; i++) {
		if (ex[i]->easy) {
			curl_multi_remove_handle(m, ex[i]->easy);
			finish(ex[i], CURLE_ABORTED_BY_CALLBACK);
		}
	}
	curl_multi_cleanup(m);
	return SUCCESS;
}

zend_string *cloudacct_http_header(const cloudacct_http_exchange *ex, const char *name)
{
	size_t nlen = strlen(name);
	if (!ex->response_headers.s) {
		return NULL;
	}
	const char *p = ZSTR_VAL(ex->response_headers.s), *end = p + ZSTR_LEN(ex->response_headers.s);
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t) (end - p));
		const char *line_end = eol ? eol : end;
		if ((size_t) (line_end - p) > nlen && p[nlen] == ':' && zend_binary_strncasecmp(p, nlen, name, nlen, nlen) == 0) {
			const char *v = p + nlen + 1, *ve = line_end;
			while (v < ve && (*v == ' ' || *v == '\t')) {
				v++;
			}
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t')) {
				ve--;
			}
			return zend_string_init(v, (size_t) (ve - v), 0);
		}
		p = line_end + 1;
	}
	return NULL;
}

const char *cloudacct_http_result_name(cloudacct_http_result r)
{
	static const char *const names[] = { "ok", "status", "timeout", "connect", "body", "other" };
	return names[r];
}

const char *cloudacct_http_result_reason(cloudacct_http_result r)
{
	switch (r) {
	case CLOUDACCT_HTTP_OK:
		return "成功 (ok)";
	case CLOUDACCT_HTTP_E_STATUS:
		return "对方返回错误的 HTTP 状态 (HTTP error status)";
	case CLOUDACCT_HTTP_E_TIMEOUT:
		return "请求超时 (timed out)";
	case CLOUDACCT_HTTP_E_CONNECT:
		return "无法连接 (could not connect)";
	case CLOUDACCT_HTTP_E_BODY:
		return "应答不完整或过大 (broken or oversized answer)";
	case CLOUDACCT_HTTP_E_OTHER:
		break;
	}
	return "请求失败 (request failed)";
}

bool cloudacct_http_test_transport(void)
{
	return CLOUDACCT_G(http_test_transport);
}

bool cloudacct_http_test_routed(void)
{
	return CLOUDACCT_G(http_test_transport) && CLOUDACCT_G(http_test_route) && *CLOUDACCT_G(http_test_route);
}

void cloudacct_http_options_defaults(cloudacct_http_options *o)
{
	memset(o, 0, sizeof(*o));
	o->connect_timeout_ms = CLOUDACCT_G(http_connect_timeout_ms);
	o->timeout_ms = CLOUDACCT_G(http_timeout_ms);
	o->concurrency = CLOUDACCT_G(http_concurrency);
	o->max_body = CLOUDACCT_HTTP_DEFAULT_MAX_BODY;
	if (CLOUDACCT_G(http_ca_file) && *CLOUDACCT_G(http_ca_file)) {
		o->ca_file = estrdup(CLOUDACCT_G(http_ca_file));
	}
	if (cloudacct_http_test_routed()) {
		/* an empty host and port match every request */
		char rule[300];
		snprintf(rule, sizeof(rule), "::%s", CLOUDACCT_G(http_test_route));
		o->connect_to = curl_slist_append(NULL, rule);
	}
}

void cloudacct_http_options_free(cloudacct_http_options *o)
{
	curl_slist_free_all(o->connect_to);
	if (o->ca_file) {
		efree(o->ca_file);
	}
	memset(o, 0, sizeof(*o));
}

/* host:port:connect-host:connect-port, the form CURLOPT_CONNECT_TO takes. */
static bool connect_to_valid(zend_string *s)
{
	int colons = 0;
	for (size_t i = 0; i < ZSTR_LEN(s); i++) {
		unsigned char c = (unsigned char) ZSTR_VAL(s)[i];
		if (c == ':') {
			colons++;
		} else if (!(isalnum(c) || c == '.' || c == '-')) {
			return false;
		}
	}
	return colons == 3;
}

static zend_result set_connect_to(cloudacct_http_options *o, zval *value, uint32_t arg_num)
{
	zval *zv;
	if (!cloudacct_http_test_transport()) {
		zend_throw_error(NULL, "Option \"connect_to\" needs cloudacct.http.test_transport=1 (a test setting)");
		return FAILURE;
	}
	if (Z_TYPE_P(value) != IS_ARRAY) {
		zend_argument_value_error(arg_num, "option \"connect_to\" must be a list of strings");
		return FAILURE;
	}
	/* explicit rules replace the cloudacct.http.test_route default */
	curl_slist_free_all(o->connect_to);
	o->connect_to = NULL;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), zv) {
		if (Z_TYPE_P(zv) != IS_STRING || !connect_to_valid(Z_STR_P(zv))) {
			zend_argument_value_error(arg_num,
				"option \"connect_to\" must list \"host:port:connect_host:connect_port\" strings");
			return FAILURE;
		}
		struct curl_slist *l = curl_slist_append(o->connect_to, Z_STRVAL_P(zv));
		if (l) {
			o->connect_to = l;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

static zend_result set_long(zend_long *dst, const char *name, zval *value, zend_long min, zend_long max,
	uint32_t arg_num)
{
	if (Z_TYPE_P(value) != IS_LONG || Z_LVAL_P(value) < min || Z_LVAL_P(value) > max) {
		zend_argument_value_error(arg_num, "option \"%s\" must be an int between " ZEND_LONG_FMT " and " ZEND_LONG_FMT,
			name, min, max);
		return FAILURE;
	}
	*dst = Z_LVAL_P(value);
	return SUCCESS;
}

zend_result cloudacct_http_options_set(cloudacct_http_options *o, zend_string *key, zval *value, uint32_t arg_num,
	bool *known)
{
	*known = true;
	if (zend_string_equals_literal(key, "connect_timeout_ms")) {
		return set_long(&o->connect_timeout_ms, "connect_timeout_ms", value, 1, 600000, arg_num);
	}
	if (zend_string_equals_literal(key, "timeout_ms")) {
		return set_long(&o->timeout_ms, "timeout_ms", value, 1, 3600000, arg_num);
	}
	if (zend_string_equals_literal(key, "concurrency")) {
		return set_long(&o->concurrency, "concurrency", value, 1, 1024, arg_num);
	}
	if (zend_string_equals_literal(key, "max_body")) {
		zend_long v = 0;
		if (set_long(&v, "max_body", value, 1, 64 * 1024 * 1024, arg_num) == FAILURE) {
			return FAILURE;
		}
		o->max_body = (size_t) v;
		return SUCCESS;
	}
	if (zend_string_equals_literal(key, "ca_file")) {
		if (Z_TYPE_P(value) != IS_STRING || Z_STRLEN_P(value) == 0 || memchr(Z_STRVAL_P(value), 0, Z_STRLEN_P(value))) {
			zend_argument_value_error(arg_num, "option \"ca_file\" must be a file path");
			return FAILURE;
		}
		if (o->ca_file) {
			efree(o->ca_file);
		}
		o->ca_file = estrndup(Z_STRVAL_P(value), Z_STRLEN_P(value));
		return SUCCESS;
	}
	if (zend_string_equals_literal(key, "connect_to")) {
		return set_connect_to(o, value, arg_num);
	}
	*known = false;
	return SUCCESS;
}
