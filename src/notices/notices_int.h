/* Inside the notices area: the sender's rows and the per-channel request builders and answer
 * readers (deliver.c) the run loop (sender.c) drives. Not for other areas (outbox.h). */
#ifndef CLOUDACCT_NOTICES_INT_H
#define CLOUDACCT_NOTICES_INT_H

#include "php.h"
#include "zend_smart_str.h"
#include "../context/context.h"
#include "../http/http.h"
#include "wechat.h"

typedef enum { CHANNEL_NONE = 0, CHANNEL_WECHAT, CHANNEL_SMS } notice_channel;

/* The settings one run reads once (notice_*, sms_*, wechat channel), all owned. */
typedef struct {
	zval values;              /* name → decoded setting */
	bool wechat_subscribe;    /* mini-program subscribe messages instead of OA template messages */
	bool wechat_on;
	bool sms_on;
	bool sms_fallback;
	bool plain_http;          /* test transport: http:// to the real hostnames */
	zend_long uniacid;
	zend_long now;
} notice_config;

/* One claimed outbox row and what became of it. */
typedef struct {
	zend_long id;
	zend_long recipient_id;
	zend_long attempts;         /* including this claim */
	zend_string *kind;          /* owned */
	zend_string *channel;       /* owned: the requested channel (auto|wechat|sms|inbox) */
	zend_string *template_key;  /* owned */
	zend_string *dedup_key;     /* owned */
	zend_string *payload_json;  /* owned: as stored, copied to fan-out children */
	zval payload;               /* owned: decoded (array, or null when undecodable) */
	zend_string *openid;        /* owned or NULL */
	zend_string *phone;         /* owned or NULL */
	notice_channel stage;       /* channel being tried */
	/* in flight */
	cloudacct_http_exchange *ex; /* owned or NULL */
	bool wants_token_refresh;
	bool token_refreshed;
	/* outcome */
	bool done;
	const char *status;         /* sent|queued|deferred|failed */
	const char *sent_channel;   /* wechat|sms|inbox|fanout or "" */
	zend_string *address;       /* owned or NULL: openid or phone of the attempt */
	zend_string *provider_ref;  /* owned or NULL: msgid, SerialNo, BizId */
	zend_long next_at;
	zend_long attempts_out;     /* what to store (deferrals give the attempt back) */
	smart_str error;            /* last_error (never a secret, never the token) */
	bool fell_back;
} notice_row;

/* A stable id the vendor sees for a row: client_msg_id, SessionContext, OutId. */
void cloudacct_notice_ref(const notice_config *cfg, const notice_row *r, char out[32]);

/* Setting accessors on cfg->values. */
zend_string *cloudacct_notice_cfg_str(const notice_config *cfg, const char *name);
zend_long cloudacct_notice_cfg_long(const notice_config *cfg, const char *name);
/* The event's mapping for a channel ("wechat" or "sms") in notice_templates, or NULL. */
HashTable *cloudacct_notice_mapping(const notice_config *cfg, zend_string *template_key, const char *channel);

/* Build the request of a row on its stage; false with r->error filled when the row cannot be
 * sent (a field over the limit, a missing placeholder…): a permanent failure. */
bool cloudacct_notice_build_wechat(const notice_config *cfg, notice_row *r, zend_string *token);
bool cloudacct_notice_build_sms(const notice_config *cfg, notice_row *r);

/* Reads the answer of r->ex into an action and fills r->error / r->provider_ref. */
cloudacct_notice_action cloudacct_notice_read_wechat(notice_row *r);
cloudacct_notice_action cloudacct_notice_read_sms(const notice_config *cfg, notice_row *r);

/* POST /cgi-bin/stable_token (standalone deployments). */
zend_string *cloudacct_notice_stable_token(const cloudacct_http_options *http, bool plain_http, zend_string *appid,
	zend_string *secret, bool force, zend_long *expires_in, smart_str *error);

void cloudacct_sender_minit(zend_class_entry *ce);

#endif
