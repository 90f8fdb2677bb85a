/*
 * The one HTTP client of the extension (DESIGN §2): libcurl, one easy handle per request, a
 * multi handle for fan-out with a concurrency cap, connect and total timeouts, CURLOPT_NOSIGNAL,
 * https with peer verification unless a test transport is configured. Results are classified
 * so callers decide about retries without reading curl codes.
 */
#ifndef CLOUDACCT_HTTP_H
#define CLOUDACCT_HTTP_H

#include "php.h"
#include "zend_smart_str.h"
#include <curl/curl.h>

typedef enum {
	CLOUDACCT_HTTP_OK = 0,     /* an answer with a 2xx status */
	CLOUDACCT_HTTP_E_STATUS,   /* an answer with another status (see status) */
	CLOUDACCT_HTTP_E_TIMEOUT,  /* connect or total timeout */
	CLOUDACCT_HTTP_E_CONNECT,  /* name resolution, refused, unreachable, TLS handshake/verification */
	CLOUDACCT_HTTP_E_BODY,     /* the answer broke off or exceeded max_body */
	CLOUDACCT_HTTP_E_OTHER,    /* anything else curl reports */
} cloudacct_http_result;

typedef struct {
	zend_long connect_timeout_ms;
	zend_long timeout_ms;
	zend_long concurrency;          /* easy handles in flight at once, >= 1 */
	size_t max_body;                /* answers longer than this fail with E_BODY */
	struct curl_slist *connect_to;  /* owned; CURLOPT_CONNECT_TO entries (test transport only) */
	char *ca_file;                  /* owned (estrdup); NULL = the system store */
} cloudacct_http_options;

/* The INI defaults (cloudacct.http.*). */
void cloudacct_http_options_defaults(cloudacct_http_options *o);
/* Applies one option by name: connect_timeout_ms, timeout_ms, concurrency, max_body, ca_file,
 * connect_to (a list of "host:port:connect_host:connect_port", allowed only with
 * cloudacct.http.test_transport=1). *known = false for other names (nothing thrown then).
 * Throws ValueError naming argument arg_num on a bad value. */
zend_result cloudacct_http_options_set(cloudacct_http_options *o, zend_string *key, zval *value, uint32_t arg_num,
	bool *known);
void cloudacct_http_options_free(cloudacct_http_options *o);

#define CLOUDACCT_HTTP_DEFAULT_MAX_BODY (1024 * 1024)

/* One request and, after cloudacct_http_perform(), its answer. */
typedef struct {
	/* request */
	char method[8];                 /* "GET", "POST" … */
	zend_string *url;               /* owned */
	struct curl_slist *headers;     /* owned; "Name: value" lines */
	zend_string *body;              /* owned or NULL; sent byte for byte (what was signed) */
	void *user;                     /* borrowed; the caller's row */
	/* answer */
	cloudacct_http_result result;
	long status;                    /* 0 when no answer arrived */
	smart_str response;             /* owned */
	smart_str response_headers;     /* owned; the header lines of the final answer */
	CURLcode curl_code;
	char error[CURL_ERROR_SIZE];    /* curl's text; may name the host, never the query */
	double seconds;
	size_t max_body;
	CURL *easy;                     /* owned while in flight */
} cloudacct_http_exchange;

/* An exchange for METHOD url (copied). */
cloudacct_http_exchange *cloudacct_http_exchange_new(const char *method, const char *url, size_t url_len);
/* Adds a "Name: value" header line (copied). */
void cloudacct_http_exchange_header(cloudacct_http_exchange *ex, const char *line);
/* Sets the body; takes ownership of body. */
void cloudacct_http_exchange_body(cloudacct_http_exchange *ex, zend_string *body);
void cloudacct_http_exchange_free(cloudacct_http_exchange *ex);

/* Runs every exchange, at most o->concurrency at a time, and fills their answers. Never throws:
 * each exchange carries its own result. FAILURE only when curl itself could not be set up. */
zend_result cloudacct_http_perform(const cloudacct_http_options *o, cloudacct_http_exchange **ex, size_t n);

/* The value of a response header (case-insensitive name, trimmed), or NULL. */
zend_string *cloudacct_http_header(const cloudacct_http_exchange *ex, const char *name);

/* "ok", "status", "timeout", "connect", "body", "other". */
const char *cloudacct_http_result_name(cloudacct_http_result r);
/* A short Chinese reason with an English hint, for last_error and exceptions. */
const char *cloudacct_http_result_reason(cloudacct_http_result r);

/* cloudacct.http.test_transport: plain http and connect_to are allowed (tests, the demo). */
bool cloudacct_http_test_transport(void);

/* cloudacct.http.test_route ("host:port", honoured only with test_transport=1): every request
 * connects there over plain http, keeping the real hostname in the URL and Host header — how the
 * demo points the unchanged module code at the fake vendor servers. Callers that build URLs use
 * http:// when this answers true; the options defaults carry the connect_to. */
bool cloudacct_http_test_routed(void);

void cloudacct_http_minit(void);

#endif
