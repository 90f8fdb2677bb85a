/*
 * WeChat official-account template messages and mini-program subscribe messages
 * (wechat-protocols.md §3): request bodies, keyword value rules, errcode classification.
 * Pure C: the sender (Zend) renders the data and parses replies; this builds and judges.
 */
#ifndef CLOUDACCT_NOTICES_WECHAT_H
#define CLOUDACCT_NOTICES_WECHAT_H

#include "buf.h"

/* What the sender does with an answer (shared with sms.h). */
typedef enum {
	CLOUDACCT_NOTICE_SENT = 0,
	CLOUDACCT_NOTICE_RETRY,         /* transient: back off and try again */
	CLOUDACCT_NOTICE_REFRESH_TOKEN, /* ask the host for a fresh access_token once, then retry */
	CLOUDACCT_NOTICE_FALLBACK,      /* this channel cannot reach the person: SMS if configured */
	CLOUDACCT_NOTICE_DEFER_DAY,     /* a daily quota: try again tomorrow */
	CLOUDACCT_NOTICE_DEFER_HOUR,    /* a rate limit: try again in an hour */
	CLOUDACCT_NOTICE_FAIL           /* permanent: never retried */
} cloudacct_notice_action;

/* One keyword of the message: key "thing1", value already rendered (UTF-8). Borrowed. */
typedef cloudacct_kv cloudacct_wx_field;

typedef struct {
	const char *touser;          /* openid */
	const char *template_id;
	const char *url;             /* template: jump URL, or NULL */
	const char *mp_appid;        /* template: mini program to open instead of url, or NULL */
	const char *mp_pagepath;     /* template: its page, or NULL */
	const char *client_msg_id;   /* template: WeChat's 10-minute dedup id, or NULL */
	const char *page;            /* subscribe: page to open, or NULL */
	const char *miniprogram_state; /* subscribe: developer|trial|formal, NULL = formal */
	const char *lang;            /* subscribe: NULL = zh_CN */
	const cloudacct_wx_field *data;
	size_t n_data;
} cloudacct_wx_message;

/* Longest client_msg_id we generate (WeChat documents none; 32 keeps to its other id fields). */
#define CLOUDACCT_WX_CLIENT_MSG_ID_MAX 32

/*
 * Checks one keyword value against the rules of its type (the key's letters: thing ≤ 20 chars,
 * number ≤ 32 digits, phrase ≤ 5 Chinese chars …; see wechat.c) and appends the value to send.
 * A "thing" value that is too long is shortened to 19 chars + "…" when truncate_thing; any
 * other violation returns false with a Chinese reason in *reason (static). first/remark are
 * refused: the 2023 template rules no longer show them.
 */
bool cloudacct_wx_value(const char *key, const char *value, size_t len, bool truncate_thing, cloudacct_buf *out,
	const char **reason);

/* The JSON bodies, byte for byte as wechat-protocols.md §3.2 / §3.3 show them. Values must
 * already have passed cloudacct_wx_value(); false only when out of memory. */
bool cloudacct_wx_template_body(cloudacct_buf *out, const cloudacct_wx_message *m);
bool cloudacct_wx_subscribe_body(cloudacct_buf *out, const cloudacct_wx_message *m);

/* errcode → action, with a short Chinese reason (static, never NULL). Unknown codes retry. */
cloudacct_notice_action cloudacct_wx_classify(long errcode, const char **reason);

#endif
