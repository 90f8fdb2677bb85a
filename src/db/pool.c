/* The per-process connection pool (per thread under ZTS).
 *
 * Idle links wait in EG(persistent_list) under a key made of every connection-affecting
 * option (the password only as a SHA-256 digest), so an FPM worker reuses its MySQL session,
 * and its prepared statements, across requests. Links are checked out by exactly one
 * Connection object at a time and come back clean (see cloudacct_link_reset) or are closed.
 * Nothing is opened in MINIT. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "php_cloudacct.h"
#include <openssl/sha.h>
#include "link.h"

typedef struct {
	cloudacct_link **idle; /* owned: stack of idle links, newest last */
	uint32_t n_idle, cap;
} cloudacct_pool;

static int le_cloudacct_pool;

static ZEND_RSRC_DTOR_FUNC(cloudacct_pool_dtor)
{
	cloudacct_pool *pool = (cloudacct_pool *) res->ptr;
	if (!pool) {
		return;
	}
	for (uint32_t i = 0; i < pool->n_idle; i++) {
		cloudacct_link_close(pool->idle[i]);
		CLOUDACCT_G(pool_idle)--;
	}
	free(pool->idle);
	free(pool);
	res->ptr = NULL;
}

void cloudacct_pool_minit(int module_number)
{
	le_cloudacct_pool = zend_register_list_destructors_ex(NULL, cloudacct_pool_dtor, "cloudacct db pool", module_number);
}

static char *pool_key(const cloudacct_link_config *cfg)
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	char hex[17];
	const char *pw = cfg->password ? cfg->password : "";
	smart_str key = {0};

	SHA256((const unsigned char *) pw, strlen(pw), digest);
	for (int i = 0; i < 8; i++) {
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	}
	smart_str_append_printf(&key, "cloudacct_db\x1f%s\x1f%u\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%u/%u/%u",
		cfg->host ? cfg->host : "", cfg->port, cfg->socket ? cfg->socket : "", cfg->user ? cfg->user : "",
		cfg->database ? cfg->database : "", cfg->prefix ? cfg->prefix : "", hex, cfg->connect_timeout,
		cfg->read_timeout, cfg->write_timeout);
	smart_str_0(&key);
	char *out = malloc(ZSTR_LEN(key.s) + 1);
	memcpy(out, ZSTR_VAL(key.s), ZSTR_LEN(key.s) + 1);
	smart_str_free(&key);
	return out;
}

static cloudacct_pool *pool_find(const char *key, bool create)
{
	size_t len = strlen(key);
	zend_resource *le = zend_hash_str_find_ptr(&EG(persistent_list), key, len);

	if (le && le->type == le_cloudacct_pool) {
		return (cloudacct_pool *) le->ptr;
	}
	if (!create) {
		return NULL;
	}
	cloudacct_pool *pool = calloc(1, sizeof(*pool));
	zend_register_persistent_resource(key, len, pool, le_cloudacct_pool);
	return pool;
}

static bool under_cap(void)
{
	zend_long cap = CLOUDACCT_G(db_max_persistent);
	return cap < 0 || CLOUDACCT_G(pool_idle) + CLOUDACCT_G(pool_active) < cap;
}

/* An idle link that still answers, or NULL. Dead ones are closed and counted as replaced. */
static cloudacct_link *take_idle(cloudacct_pool *pool)
{
	while (pool->n_idle > 0) {
		cloudacct_link *link = pool->idle[--pool->n_idle];
		CLOUDACCT_G(pool_idle)--;
		time_t now = time(NULL);
		if (now - link->last_used >= CLOUDACCT_G(db_idle_ping) && mysql_ping(link->mysql) != 0) {
			cloudacct_link_close(link);
			CLOUDACCT_G(pool_replaced)++;
			continue;
		}
		return link;
	}
	return NULL;
}

cloudacct_link *cloudacct_pool_checkout(const cloudacct_link_config *cfg, bool persistent, cloudacct_db_error *err)
{
	char *key = NULL;
	cloudacct_link *link = NULL;

	if (persistent) {
		key = pool_key(cfg);
		cloudacct_pool *pool = pool_find(key, false);
		if (pool && (link = take_idle(pool))) {
			free(key);
			CLOUDACCT_G(pool_reused)++;
			CLOUDACCT_G(pool_active)++;
			link->fresh = true;
			link->last_used = time(NULL);
			return link;
		}
		if (!under_cap()) {
			free(key); /* over the cap: this one lives for the request only */
			key = NULL;
		}
	}
	link = cloudacct_link_open(cfg, err);
	if (!link) {
		free(key);
		return NULL;
	}
	CLOUDACCT_G(pool_opened)++;
	CLOUDACCT_G(pool_active)++;
	link->pool_key = key;
	return link;
}

void cloudacct_pool_release(cloudacct_link *link)
{
	CLOUDACCT_G(pool_active)--;
	if (!link->pool_key || !cloudacct_link_reset(link)) {
		cloudacct_link_close(link);
		return;
	}
	cloudacct_pool *pool = pool_find(link->pool_key, true);
	if (pool->n_idle == pool->cap) {
		pool->cap = pool->cap ? pool->cap * 2 : 4;
		pool->idle = realloc(pool->idle, pool->cap * sizeof(*pool->idle));
	}
	link->last_used = time(NULL);
	pool->idle[pool->n_idle++] = link;
	CLOUDACCT_G(pool_idle)++;
}
