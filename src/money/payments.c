/* CloudAcct\Ledger\Payments: online intents and their settlement (微擎 payResult and WeChat Pay v3
 * share one path), offline payments, receipts and refunds. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "money_int.h"
#include "../common/errors.h"
#include "../core/ledger.h"
#include "../core/money.h"
#include "../core/calendar.h"

static const char *const pay_periods[] = { "period", NULL };

#define PAYMENT_COLUMNS \
	"id, client_id, channel, external_id, receipt_no, amount_fen, allocated_fen, refunded_fen," \
	" amount_fen - allocated_fen - refunded_fen AS unapplied_fen, status, method, target_kind, target_id, intent_id," \
	" reference, payer, note, period, paid_at, recorded_by_kind, recorded_by_id, created_at"

#define INTENT_COLUMNS \
	"id, out_trade_no, client_id, target_kind, target_id, amount_fen, title, channel, status, payment_id," \
	" created_at, expires_at, paid_at"

#define ALNUM "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

static bool str_is(zval *row, const char *key, const char *value)
{
	size_t len;
	const char *v = cloudacct_money_str(row, key, &len);
	return len == strlen(value) && memcmp(v, value, len) == 0;
}

ZEND_METHOD(CloudAcct_Ledger_Payments, __construct)
{
	cloudacct_area_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

/* ---- intents ---- */

static void intent_out(zval *intent)
{
	char fee[CLOUDACCT_MONEY_BUFSZ];
	zval *no;

	cloudacct_money_format(cloudacct_money_long(intent, "amount_fen"), fee);
	SEPARATE_ARRAY(intent);
	no = zend_hash_str_find(Z_ARRVAL_P(intent), ZEND_STRL("out_trade_no"));
	if (no) {
		Z_TRY_ADDREF_P(no);
		add_assoc_zval(intent, "tid", no);
	}
	add_assoc_string(intent, "fee", fee);
	add_assoc_long(intent, "fee_fen", cloudacct_money_long(intent, "amount_fen"));
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	const char *target_kind; /* bill | order | account */
	zend_long target_id;
	zend_long amount;
	zend_string *title;      /* owned */
	zend_string *order_no;   /* owned; the order's number is its out_trade_no */
	const char *channel;
	zend_long window;
	zend_string *openid;     /* borrowed; the WeChat payer (wechat_v3) */
	zval intent;
} checkout_ctx;

static zend_result checkout_body(cloudacct_connection *c, void *ctx_)
{
	checkout_ctx *x = ctx_;
	zend_long now = cloudacct_clock_now();
	zval rows, *row;
	char no[33];
	const char *kind = cloudacct_actor_kind_name(x->a->kind);
	(void) c;

	ZVAL_UNDEF(&x->intent);
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_STR(x->target_kind, strlen(x->target_kind)),
		CLOUDACCT_PARAM_LONG(x->target_id) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT " INTENT_COLUMNS " FROM {pay_intent} WHERE uniacid = ? AND target_kind = ?"
			" AND target_id = ? AND status = 'pending' FOR UPDATE", q, 3, CLOUDACCT_FETCH_ALL, &rows) == FAILURE) {
		return FAILURE;
	}
	/* The same target, amount and channel still payable: hand the same intent out again. */
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		if (Z_TYPE(x->intent) == IS_UNDEF && cloudacct_money_long(row, "amount_fen") == x->amount
				&& str_is(row, "channel", x->channel) && (x->order_no || cloudacct_money_long(row, "expires_at") > now)) {
			ZVAL_COPY(&x->intent, row);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	if (Z_TYPE(x->intent) != IS_UNDEF) {
		return SUCCESS;
	}
	if (x->order_no) {
		/* An order keeps one intent (its number): a changed amount or channel updates it. */
		cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(x->amount), CLOUDACCT_PARAM_STR(x->channel, strlen(x->channel)),
			CLOUDACCT_PARAM_LONG(now + x->window * 60), CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_ZSTR(x->order_no) };
		if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {pay_intent} SET amount_fen = ?, channel = ?, expires_at = ?,"
				" prepay_id = '', request_body = NULL WHERE uniacid = ? AND out_trade_no = ? AND status = 'pending'", u, 5,
				CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
		if (cloudacct_db_affected_rows(x->s->db) > 0) {
			goto reload;
		}
		memcpy(no, ZSTR_VAL(x->order_no), ZSTR_LEN(x->order_no) + 1);
	} else {
		/* Older intents of the target are closed; a payment that still arrives for one is kept
		 * (the money is real) and becomes credit if the bill was paid meanwhile. */
		cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_STR(x->target_kind, strlen(x->target_kind)),
			CLOUDACCT_PARAM_LONG(x->target_id) };
		if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {pay_intent} SET status = 'closed' WHERE uniacid = ? AND target_kind = ?"
				" AND target_id = ? AND status = 'pending'", u, 3, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
		int32_t today = cloudacct_money_today();
		no[0] = 'C';
		snprintf(no + 1, 9, "%08d", (int) today);
		cloudacct_money_token(no + 9, 15, ALNUM);
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_STR(no, strlen(no)),
		CLOUDACCT_PARAM_LONG(x->client_id), CLOUDACCT_PARAM_STR(x->target_kind, strlen(x->target_kind)),
		CLOUDACCT_PARAM_LONG(x->target_id), CLOUDACCT_PARAM_LONG(x->amount), CLOUDACCT_PARAM_ZSTR(x->title),
		CLOUDACCT_PARAM_STR(x->channel, strlen(x->channel)), CLOUDACCT_PARAM_STR(kind, strlen(kind)),
		CLOUDACCT_PARAM_LONG(x->a->id), CLOUDACCT_PARAM_LONG(now), CLOUDACCT_PARAM_LONG(now + x->window * 60) };
	if (CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {pay_intent} (uniacid, out_trade_no, client_id, target_kind, target_id,"
			" amount_fen, title, channel, created_by_kind, created_by_id, created_at, expires_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 12, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (x->order_no) {
		goto reload;
	}
	cloudacct_param r[] = { CLOUDACCT_PARAM_STR(no, strlen(no)), CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	return CLOUDACCT_DB_RUN(x->s->db, "SELECT " INTENT_COLUMNS " FROM {pay_intent} WHERE out_trade_no = ? AND uniacid = ?",
		r, 2, CLOUDACCT_FETCH_ROW, &x->intent);
reload:;
	cloudacct_param o[] = { CLOUDACCT_PARAM_ZSTR(x->order_no), CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	return CLOUDACCT_DB_RUN(x->s->db, "SELECT " INTENT_COLUMNS " FROM {pay_intent} WHERE out_trade_no = ? AND uniacid = ?",
		o, 2, CLOUDACCT_FETCH_ROW, &x->intent);
}

/* What a target costs now: a bill's open amount, an unpaid order's price, or the amount given. */
static zend_result checkout_target(checkout_ctx *x, HashTable *target)
{
	zend_long bill_id = 0, order_id = 0, amount = 0;
	zval row;
	static const char *const keys[] = { "bill_id", "order_id", "amount_fen", "openid", NULL };

	if (!cloudacct_money_opt_known(target, keys, "支付对象") || !cloudacct_money_opt_str(target, "openid", &x->openid)
			|| !cloudacct_money_opt_long(target, "bill_id", 0, &bill_id)
			|| !cloudacct_money_opt_long(target, "order_id", 0, &order_id)
			|| !cloudacct_money_opt_long(target, "amount_fen", 0, &amount)) {
		return FAILURE;
	}
	if ((bill_id != 0) + (order_id != 0) + (amount != 0) != 1) {
		cloudacct_throw_validation("target", "请指定一个支付对象：bill_id、order_id 或 amount_fen (exactly one target)");
		return FAILURE;
	}
	if (bill_id) {
		if (CLOUDACCT_MONEY_ROW(x->s, "SELECT client_id, title, status, amount_fen - paid_fen - waived_fen AS owed"
				" FROM {bill} WHERE uniacid = ? AND id = ?", bill_id, "账单", &row) == FAILURE) {
			return FAILURE;
		}
		bool mine = cloudacct_money_long(&row, "client_id") == x->client_id;
		bool open = str_is(&row, "status", "open");
		x->amount = cloudacct_money_long(&row, "owed");
		x->title = zend_string_init(Z_STRVAL_P(zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("title"))),
			Z_STRLEN_P(zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("title"))), 0);
		zval_ptr_dtor(&row);
		if (!mine) {
			cloudacct_throw_not_found("账单不存在或无权查看 (bill %ld not found)", (long) bill_id);
			return FAILURE;
		}
		if (!open) {
			cloudacct_throw_invalid_transition("settled", "账单已结清，无需支付 (bill %ld is settled)", (long) bill_id);
			return FAILURE;
		}
		x->target_kind = "bill";
		x->target_id = bill_id;
		return SUCCESS;
	}
	if (order_id) {
		if (cloudacct_money_order_lookup(x->s, order_id, NULL, &row) == FAILURE) {
			return FAILURE;
		}
		bool mine = cloudacct_money_long(&row, "client_id") == x->client_id;
		bool payable = str_is(&row, "status", "pending_payment");
		size_t len;
		const char *no = cloudacct_money_str(&row, "order_no", &len);
		const char *title = "";
		x->order_no = zend_string_init(no, len, 0);
		title = cloudacct_money_str(&row, "title", &len);
		x->title = zend_string_init(title, len, 0);
		x->amount = cloudacct_money_long(&row, "amount_fen");
		zval_ptr_dtor(&row);
		if (!mine) {
			cloudacct_throw_not_found("订单不存在或无权查看 (order %ld not found)", (long) order_id);
			return FAILURE;
		}
		if (!payable || x->amount <= 0) {
			cloudacct_throw_invalid_transition("not_payable", "订单不是待支付状态 (order %ld is not awaiting payment)",
				(long) order_id);
			return FAILURE;
		}
		x->target_kind = "order";
		x->target_id = order_id;
		return SUCCESS;
	}
	if (!cloudacct_money_check_amount(amount, "amount_fen")) {
		return FAILURE;
	}
	x->amount = amount;
	x->title = zend_string_init("缴纳服务费", strlen("缴纳服务费"), 0);
	x->target_kind = "account";
	x->target_id = x->client_id;
	return SUCCESS;
}

static zend_result payment_channel(cloudacct_store *s, const char **channel, zend_long *window)
{
	static const char *const names[] = { "payment_mode", "pay_window_minutes" };
	zval set, *mode;

	if (cloudacct_money_settings(s, names, 2, &set) == FAILURE) {
		return FAILURE;
	}
	mode = zend_hash_str_find(Z_ARRVAL(set), ZEND_STRL("payment_mode"));
	*window = zval_get_long(zend_hash_str_find(Z_ARRVAL(set), ZEND_STRL("pay_window_minutes")));
	*channel = NULL;
	if (mode && Z_TYPE_P(mode) == IS_STRING) {
		*channel = zend_string_equals_literal(Z_STR_P(mode), "wechat_v3") ? "wechat_v3"
			: zend_string_equals_literal(Z_STR_P(mode), "weengine") ? "weengine" : NULL;
	}
	zval_ptr_dtor(&set);
	if (!*channel) {
		cloudacct_throw_conflict("本所未开通在线支付，请联系会计线下缴费 (online payment is off: payment_mode offline_only)");
		return FAILURE;
	}
	return SUCCESS;
}

ZEND_METHOD(CloudAcct_Ledger_Payments, checkout)
{
	zval *zactor;
	zend_long client_id;
	HashTable *target;
	cloudacct_actor a;
	checkout_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_ARRAY_HT(target)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(client_id, 2)) {
		RETURN_THROWS();
	}
	if (a.kind == CLOUDACCT_ACTOR_SYSTEM) {
		cloudacct_throw_forbidden("支付须由客户或员工发起 (the system does not start payments)");
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	x.client_id = client_id;
	zend_result rc = cloudacct_money_authorize(s, &a, client_id, NULL);
	if (rc == SUCCESS) {
		rc = payment_channel(s, &x.channel, &x.window);
	}
	if (rc == SUCCESS) {
		rc = checkout_target(&x, target);
	}
	if (rc == SUCCESS && strcmp(x.channel, "wechat_v3") == 0
			&& (!x.openid || ZSTR_LEN(x.openid) == 0 || !cloudacct_money_check_ref(x.openid, "openid", "付款人 openid", 128))) {
		if (!EG(exception)) {
			cloudacct_throw_validation("openid", "微信支付需要付款人的 openid (openid is required for WeChat Pay v3)");
		}
		rc = FAILURE;
	}
	if (rc == SUCCESS) {
		rc = cloudacct_db_transaction(s->db, checkout_body, &x, 0);
	}
	if (rc == SUCCESS && strcmp(x.channel, "wechat_v3") == 0) {
		/* The prepay is ordered after the intent is committed: no HTTP inside a transaction. */
		zval pay;
		rc = cloudacct_money_wxpay_prepay(s, cloudacct_money_long(&x.intent, "id"), x.openid, &pay);
		if (rc == SUCCESS) {
			intent_out(&x.intent);
			add_assoc_zval(&x.intent, "pay", &pay);
		} else {
			zval_ptr_dtor(&x.intent);
		}
	} else if (rc == SUCCESS) {
		intent_out(&x.intent);
	}
	if (x.title) {
		zend_string_release(x.title);
	}
	if (x.order_no) {
		zend_string_release(x.order_no);
	}
	if (rc == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_COPY_VALUE(&x.intent);
}

/* ---- settling an online payment (both channels) ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_money_online *in;
	zval result;
} settle_ctx;

static void settle_result(settle_ctx *x, const char *status, zend_long payment_id, zval *intent)
{
	zval v;

	array_init(&x->result);
	add_assoc_string(&x->result, "status", (char *) status);
	add_assoc_long(&x->result, "payment_id", payment_id);
	add_assoc_long(&x->result, "client_id", cloudacct_money_long(intent, "client_id"));
	v = *zend_hash_str_find(Z_ARRVAL_P(intent), ZEND_STRL("target_kind"));
	Z_TRY_ADDREF(v);
	add_assoc_zval(&x->result, "target_kind", &v);
	add_assoc_long(&x->result, "target_id", cloudacct_money_long(intent, "target_id"));
	add_assoc_long(&x->result, "amount_fen", cloudacct_money_long(intent, "amount_fen"));
}

/* An order paid online: the order's charge and its payment, and the work engine's settle hook
 * (which creates the job) in this transaction. An order that was cancelled before the money came
 * keeps nothing: the payment stays credit on the account, for an admin to refund. */
static zend_result settle_order(cloudacct_money_tx *t, settle_ctx *x, zval *intent, zend_long payment_id, bool *orphaned)
{
	zend_long order_id = cloudacct_money_long(intent, "target_id");
	zend_long amount = x->in->amount;
	zval order;
	char memo[200];
	bool already = false;

	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(order_id) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT status, title, order_no FROM {order} WHERE uniacid = ? AND id = ? FOR UPDATE", p, 2,
			CLOUDACCT_FETCH_ROW, &order) == FAILURE) {
		return FAILURE;
	}
	*orphaned = Z_TYPE(order) != IS_ARRAY || !str_is(&order, "status", "pending_payment");
	if (!*orphaned) {
		size_t len;
		const char *no = cloudacct_money_str(&order, "order_no", &len);
		snprintf(memo, sizeof(memo), "订单 %.*s", (int) len, no);
	}
	zval_ptr_dtor(&order);
	if (*orphaned) {
		return SUCCESS;
	}
	if (cloudacct_money_post(t, "charge", amount, 0, order_id, 0, 0, 0, memo, NULL) == FAILURE
			|| cloudacct_money_allocate(t, payment_id, 0, order_id, amount) == FAILURE) {
		return FAILURE;
	}
	return cloudacct_money_order_settle(x->s, order_id, amount, x->in->channel, x->in->reference, &already);
}

static zend_result settle_body(cloudacct_connection *c, void *ctx_)
{
	settle_ctx *x = ctx_;
	cloudacct_money_tx t;
	zval intent, existing, detail, payload;
	zend_long payment_id = 0;
	bool orphaned = false;
	char amount_s[CLOUDACCT_MONEY_BUFSZ], key[64];
	(void) c;

	ZVAL_UNDEF(&x->result);
	cloudacct_param p[] = { CLOUDACCT_PARAM_ZSTR(x->in->out_trade_no), CLOUDACCT_PARAM_LONG(x->s->uniacid) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT " INTENT_COLUMNS " FROM {pay_intent} WHERE out_trade_no = ? AND uniacid = ?"
			" FOR UPDATE", p, 2, CLOUDACCT_FETCH_ROW, &intent) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(intent) != IS_ARRAY) {
		cloudacct_throw_not_found("没有这笔支付单 (unknown out_trade_no)");
		return FAILURE;
	}
	if (str_is(&intent, "status", "paid")) {
		settle_result(x, "already_settled", cloudacct_money_long(&intent, "payment_id"), &intent);
		zval_ptr_dtor(&intent);
		return SUCCESS;
	}
	if (cloudacct_money_long(&intent, "amount_fen") != x->in->amount) {
		zval_ptr_dtor(&intent);
		cloudacct_throw_validation("amount", "支付金额与支付单不符，未入账 (paid amount does not match the intent)");
		return FAILURE;
	}
	zend_long client_id = cloudacct_money_long(&intent, "client_id");
	cloudacct_actor sys = { CLOUDACCT_ACTOR_SYSTEM, 0, ZSTR_EMPTY_ALLOC() };
	if (cloudacct_money_tx_begin(&t, x->s, &sys, client_id) == FAILURE) {
		zval_ptr_dtor(&intent);
		return FAILURE;
	}
	/* A payment under this number already (a crash between the two writes is impossible, but an
	 * intent reopened by hand must not pay twice). A plain read: the intent's lock above already
	 * serialises settlements of this number, and a locking read of a payment that does not exist
	 * takes a gap lock on which concurrent settlements of other numbers deadlock; the unique key
	 * (uniacid, channel, external_id) stays the backstop. */
	cloudacct_param e[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_STR(x->in->channel, strlen(x->in->channel)),
		CLOUDACCT_PARAM_ZSTR(x->in->out_trade_no) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id FROM {payment} WHERE uniacid = ? AND channel = ? AND external_id = ?",
			e, 3, CLOUDACCT_FETCH_VALUE, &existing) == FAILURE) {
		zval_ptr_dtor(&intent);
		return FAILURE;
	}
	if (Z_TYPE(existing) == IS_LONG) {
		settle_result(x, "already_settled", Z_LVAL(existing), &intent);
		zval_ptr_dtor(&intent);
		return SUCCESS;
	}
	bool is_order = str_is(&intent, "target_kind", "order");
	bool is_bill = str_is(&intent, "target_kind", "bill");
	cloudacct_money_new_payment np = { .channel = x->in->channel, .external_id = x->in->out_trade_no, .kind = "payment",
		.amount = x->in->amount, .method = x->in->channel, .target_kind = is_order ? "order" : is_bill ? "bill" : "",
		.target_id = is_order || is_bill ? cloudacct_money_long(&intent, "target_id") : 0,
		.intent_id = cloudacct_money_long(&intent, "id"), .reference = x->in->reference, .payer = x->in->payer,
		.paid_at = x->in->paid_at, .receipt = true };
	zend_result rc = cloudacct_money_payment_insert(&t, &np, &payment_id, NULL);
	if (rc == SUCCESS && is_order) {
		rc = settle_order(&t, x, &intent, payment_id, &orphaned);
	} else if (is_bill) {
		t.first_bill = np.target_id;
	}
	if (rc == SUCCESS) {
		cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(payment_id), CLOUDACCT_PARAM_LONG(t.now),
			CLOUDACCT_PARAM_LONG(cloudacct_money_long(&intent, "id")), CLOUDACCT_PARAM_LONG(x->s->uniacid) };
		rc = CLOUDACCT_DB_RUN(x->s->db, "UPDATE {pay_intent} SET status = 'paid', payment_id = ?, paid_at = ?"
			" WHERE id = ? AND uniacid = ? AND status <> 'paid'", u, 4, CLOUDACCT_FETCH_NONE, NULL);
	}
	if (rc == SUCCESS) {
		rc = cloudacct_money_tx_finish(&t);
	}
	if (rc == SUCCESS) {
		array_init(&detail);
		add_assoc_str(&detail, "out_trade_no", zend_string_copy(x->in->out_trade_no));
		add_assoc_string(&detail, "channel", (char *) x->in->channel);
		add_assoc_long(&detail, "amount_fen", x->in->amount);
		add_assoc_bool(&detail, "order_orphaned", orphaned);
		rc = cloudacct_money_audit(x->s, &sys, "payment_online", "payment", payment_id, &detail);
		zval_ptr_dtor(&detail);
	}
	if (rc == SUCCESS) {
		zend_long n;
		cloudacct_money_format(x->in->amount, amount_s);
		array_init(&payload);
		add_assoc_long(&payload, "client_id", client_id);
		add_assoc_long(&payload, "payment_id", payment_id);
		add_assoc_string(&payload, "amount", amount_s);
		snprintf(key, sizeof(key), "pay-%ld", (long) payment_id);
		rc = cloudacct_money_notify_client(x->s, client_id, "payment_received", &payload, key, &n);
		zval_ptr_dtor(&payload);
	}
	if (rc == SUCCESS) {
		settle_result(x, orphaned ? "settled_as_credit" : "settled", payment_id, &intent);
	}
	zval_ptr_dtor(&intent);
	return rc;
}

zend_result cloudacct_money_settle_online(cloudacct_store *s, const cloudacct_money_online *in, zval *result)
{
	settle_ctx x = { s, in };

	ZVAL_UNDEF(&x.result);
	if (cloudacct_db_transaction(s->db, settle_body, &x, 0) == FAILURE) {
		zval_ptr_dtor(&x.result);
		return FAILURE;
	}
	ZVAL_COPY_VALUE(result, &x.result);
	return SUCCESS;
}

/* 微擎 hands fee over as the paylog's DECIMAL string ("12.34") or a whole number of yuan. */
static bool weengine_fee(zval *fee, zend_long *out)
{
	int64_t fen;

	if (fee && Z_TYPE_P(fee) == IS_LONG && cloudacct_money_from_yuan(Z_LVAL_P(fee), &fen)) {
		*out = fen;
		return true;
	}
	if (fee && Z_TYPE_P(fee) == IS_STRING) {
		cloudacct_money_status st = cloudacct_money_parse(Z_STRVAL_P(fee), Z_STRLEN_P(fee), false, &fen);
		if (st == CLOUDACCT_MONEY_OK) {
			*out = fen;
			return true;
		}
		cloudacct_throw_validation("fee", "支付金额无效：%s (fee)", cloudacct_money_status_message(st));
		return false;
	}
	cloudacct_throw_validation("fee", "支付金额须为“12.34”形式的文本，不能是小数类型 (fee must be a decimal string, not %s)",
		fee ? zend_zval_type_name(fee) : "missing");
	return false;
}

static zend_string *ret_str(HashTable *ret, const char *key)
{
	zval *v = zend_hash_str_find(ret, key, strlen(key));
	if (!v || (Z_TYPE_P(v) != IS_STRING && Z_TYPE_P(v) != IS_LONG)) {
		return NULL;
	}
	return zval_get_string(v);
}

ZEND_METHOD(CloudAcct_Ledger_Payments, weengineResult)
{
	zval *zactor, intent;
	HashTable *ret;
	cloudacct_actor a;
	zend_string *tid = NULL, *from = NULL, *result = NULL, *reference = NULL, *payer = NULL;
	zend_long fee = 0, paid_at;
	bool ok = false;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(ret)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_system(&a)) {
		RETURN_THROWS();
	}
	tid = ret_str(ret, "tid");
	from = ret_str(ret, "from");
	result = ret_str(ret, "result");
	if (!tid || ZSTR_LEN(tid) == 0 || ZSTR_LEN(tid) > 32) {
		cloudacct_throw_validation("tid", "缺少支付单号 tid (tid is required, ≤ 32 characters)");
		goto out;
	}
	if (!from || (!zend_string_equals_literal(from, "notify") && !zend_string_equals_literal(from, "return"))) {
		cloudacct_throw_validation("from", "from 只能是 notify 或 return (from)");
		goto out;
	}
	if (zend_string_equals_literal(from, "return") || !result || !zend_string_equals_literal(result, "success")) {
		/* The browser's return echo (or an unsuccessful result) never settles: report only. */
		cloudacct_param p[] = { CLOUDACCT_PARAM_ZSTR(tid), CLOUDACCT_PARAM_LONG(s->uniacid) };
		if (CLOUDACCT_DB_RUN(s->db, "SELECT " INTENT_COLUMNS " FROM {pay_intent} WHERE out_trade_no = ? AND uniacid = ?",
				p, 2, CLOUDACCT_FETCH_ROW, &intent) == FAILURE) {
			goto out;
		}
		if (Z_TYPE(intent) != IS_ARRAY) {
			cloudacct_throw_not_found("没有这笔支付单 (unknown tid)");
			goto out;
		}
		bool paid = str_is(&intent, "status", "paid");
		array_init(return_value);
		add_assoc_string(return_value, "status", zend_string_equals_literal(from, "return") ? "return_ignored" : "pending");
		add_assoc_bool(return_value, "paid", paid);
		add_assoc_long(return_value, "payment_id", cloudacct_money_long(&intent, "payment_id"));
		add_assoc_long(return_value, "client_id", cloudacct_money_long(&intent, "client_id"));
		zval_ptr_dtor(&intent);
		ok = true;
		goto out;
	}
	if (!weengine_fee(zend_hash_str_find(ret, ZEND_STRL("fee")), &fee)) {
		goto out;
	}
	reference = ret_str(ret, "transaction_id");
	if (!reference || ZSTR_LEN(reference) == 0) {
		if (reference) {
			zend_string_release(reference);
		}
		reference = ret_str(ret, "uniontid");
	}
	payer = ret_str(ret, "user");
	zval *paytime = zend_hash_str_find(ret, ZEND_STRL("paytime"));
	paid_at = paytime ? zval_get_long(paytime) : 0;
	if (paid_at <= 0 || paid_at > cloudacct_clock_now()) {
		paid_at = cloudacct_clock_now();
	}
	if ((reference && ZSTR_LEN(reference) > 64) || (payer && ZSTR_LEN(payer) > 128)) {
		cloudacct_throw_validation("transaction_id", "支付流水号过长 (reference too long)");
		goto out;
	}
	cloudacct_money_online in = { tid, "weengine", fee, reference, payer, paid_at };
	ok = cloudacct_money_settle_online(s, &in, return_value) == SUCCESS;
out:
	if (tid) zend_string_release(tid);
	if (from) zend_string_release(from);
	if (result) zend_string_release(result);
	if (reference) zend_string_release(reference);
	if (payer) zend_string_release(payer);
	if (!ok) {
		RETURN_THROWS();
	}
}

/* ---- offline payments ---- */

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	zend_long amount;
	zend_string *receipt;
	zend_long bill_id;
	const char *method;
	zend_long paid_at;
	zend_string *note, *payer;
	zend_long payment_id;
	bool duplicate;
} offline_ctx;

static zend_result offline_body(cloudacct_connection *c, void *ctx_)
{
	offline_ctx *x = ctx_;
	cloudacct_money_tx t;
	zval row, detail, payload;
	char amount_s[CLOUDACCT_MONEY_BUFSZ], key[64];
	zend_long n;
	(void) c;

	x->duplicate = false;
	if (cloudacct_money_tx_begin(&t, x->s, x->a, x->client_id) == FAILURE) {
		return FAILURE;
	}
	cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_ZSTR(x->receipt) };
	if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id, client_id, amount_fen FROM {payment} WHERE uniacid = ? AND channel = 'offline'"
			" AND external_id = ? FOR UPDATE", q, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(row) == IS_ARRAY) {
		bool same = cloudacct_money_long(&row, "client_id") == x->client_id && cloudacct_money_long(&row, "amount_fen") == x->amount;
		x->payment_id = cloudacct_money_long(&row, "id");
		zval_ptr_dtor(&row);
		if (!same) {
			cloudacct_throw_conflict("收据号 %s 已用于另一笔收款，请核对 (receipt number already used)", ZSTR_VAL(x->receipt));
			return FAILURE;
		}
		x->duplicate = true;
		return SUCCESS;
	}
	if (x->bill_id) {
		zval bill;
		if (CLOUDACCT_MONEY_ROW(x->s, "SELECT client_id, status FROM {bill} WHERE uniacid = ? AND id = ?", x->bill_id, "账单",
				&bill) == FAILURE) {
			return FAILURE;
		}
		bool ok = cloudacct_money_long(&bill, "client_id") == x->client_id;
		zval_ptr_dtor(&bill);
		if (!ok) {
			cloudacct_throw_not_found("账单不存在或无权查看 (bill %ld not found)", (long) x->bill_id);
			return FAILURE;
		}
		t.first_bill = x->bill_id;
	}
	cloudacct_money_new_payment np = { .channel = "offline", .external_id = x->receipt, .kind = "payment",
		.amount = x->amount, .method = x->method, .target_kind = x->bill_id ? "bill" : "", .target_id = x->bill_id,
		.payer = x->payer, .note = x->note, .paid_at = x->paid_at, .receipt = true };
	if (cloudacct_money_payment_insert(&t, &np, &x->payment_id, NULL) == FAILURE || cloudacct_money_tx_finish(&t) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "client_id", x->client_id);
	add_assoc_long(&detail, "amount_fen", x->amount);
	add_assoc_str(&detail, "receipt", zend_string_copy(x->receipt));
	zend_result rc = cloudacct_money_audit(x->s, x->a, "payment_offline", "payment", x->payment_id, &detail);
	zval_ptr_dtor(&detail);
	if (rc == SUCCESS) {
		cloudacct_money_format(x->amount, amount_s);
		array_init(&payload);
		add_assoc_long(&payload, "client_id", x->client_id);
		add_assoc_long(&payload, "payment_id", x->payment_id);
		add_assoc_string(&payload, "amount", amount_s);
		snprintf(key, sizeof(key), "pay-%ld", (long) x->payment_id);
		rc = cloudacct_money_notify_client(x->s, x->client_id, "payment_received", &payload, key, &n);
		zval_ptr_dtor(&payload);
	}
	return rc;
}

static zend_result payment_get(cloudacct_store *s, const cloudacct_actor *a, zend_long payment_id, zval *out)
{
	zval allocs;

	if (CLOUDACCT_MONEY_ROW(s, "SELECT " PAYMENT_COLUMNS " FROM {payment} WHERE uniacid = ? AND id = ?", payment_id, "收款",
			out) == FAILURE) {
		return FAILURE;
	}
	zend_long client_id = cloudacct_money_long(out, "client_id");
	if (a && cloudacct_money_authorize(s, a, client_id, NULL) == FAILURE) {
		zval_ptr_dtor(out);
		ZVAL_NULL(out);
		return FAILURE;
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id), CLOUDACCT_PARAM_LONG(payment_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT bill_id, order_id, SUM(amount_fen) AS amount_fen FROM {allocation}"
			" WHERE uniacid = ? AND client_id = ? AND payment_id = ? GROUP BY bill_id, order_id HAVING SUM(amount_fen) <> 0"
			" ORDER BY bill_id, order_id", p, 3, CLOUDACCT_FETCH_ALL, &allocs) == FAILURE) {
		zval_ptr_dtor(out);
		ZVAL_NULL(out);
		return FAILURE;
	}
	add_assoc_zval(out, "allocations", &allocs);
	cloudacct_money_format_periods(out, pay_periods, NULL);
	return SUCCESS;
}

static const char *const offline_keys[] = { "bill_id", "method", "paid_at", "note", "payer", NULL };
static const char *const methods[] = { "cash", "transfer", "wechat", "alipay", "other", NULL };

static bool read_offline(HashTable *opts, offline_ctx *x)
{
	zend_string *method = NULL;
	zend_long now = cloudacct_clock_now();

	if (!cloudacct_money_opt_known(opts, offline_keys, "收款选项") || !cloudacct_money_opt_long(opts, "bill_id", 0, &x->bill_id)
			|| !cloudacct_money_opt_str(opts, "method", &method) || !cloudacct_money_opt_long(opts, "paid_at", now, &x->paid_at)
			|| !cloudacct_money_opt_str(opts, "note", &x->note) || !cloudacct_money_opt_str(opts, "payer", &x->payer)) {
		return false;
	}
	if (x->bill_id < 0) {
		cloudacct_throw_validation("bill_id", "账单编号无效 (bill_id)");
		return false;
	}
	x->method = "cash";
	if (method) {
		x->method = NULL;
		for (const char *const *m = methods; *m; m++) {
			if (zend_string_equals_cstr(method, *m, strlen(*m))) {
				x->method = *m;
			}
		}
		if (!x->method) {
			cloudacct_throw_validation("method", "收款方式只能是 cash、transfer、wechat、alipay、other (method)");
			return false;
		}
	}
	if (x->paid_at > now || x->paid_at < now - 5 * 366 * 86400) {
		cloudacct_throw_validation("paid_at", "收款时间不能晚于现在，也不能早于五年前 (paid_at out of range)");
		return false;
	}
	return (!x->note || cloudacct_money_check_text(x->note, "note", "备注", 0, 255))
		&& (!x->payer || cloudacct_money_check_text(x->payer, "payer", "付款人", 0, 64));
}

ZEND_METHOD(CloudAcct_Ledger_Payments, recordOffline)
{
	zval *zactor, *z_amount;
	HashTable *opts = NULL;
	cloudacct_actor a;
	offline_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(4, 5)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(x.client_id)
		Z_PARAM_ZVAL(z_amount)
		Z_PARAM_STR(x.receipt)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(opts)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(x.client_id, 2)
			|| cloudacct_money_authorize_staff_or_admin(s, &a, x.client_id) == FAILURE
			|| !cloudacct_money_arg_amount(z_amount, 3, "amount_fen", &x.amount)
			|| !cloudacct_money_check_ref(x.receipt, "receipt_no", "收据号", 64) || !read_offline(opts, &x)) {
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	if (cloudacct_db_transaction(s->db, offline_body, &x, 0) == FAILURE || payment_get(s, NULL, x.payment_id, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	add_assoc_bool(return_value, "duplicate", x.duplicate);
}

/* ---- reads ---- */

ZEND_METHOD(CloudAcct_Ledger_Payments, get)
{
	zval *zactor;
	zend_long payment_id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(payment_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(payment_id, 2) || payment_get(s, &a, payment_id, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Ledger_Payments, list)
{
	zval *zactor, total, items;
	zend_long client_id, page = 1, per_page = 20;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(client_id)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(page)
		Z_PARAM_LONG(per_page)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(client_id, 2) || !cloudacct_money_check_page(page, per_page, 3)
			|| cloudacct_money_authorize(s, &a, client_id, NULL) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id),
		CLOUDACCT_PARAM_LONG(per_page), CLOUDACCT_PARAM_LONG((page - 1) * per_page) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT COUNT(*) FROM {payment} WHERE uniacid = ? AND client_id = ?", p, 2,
			CLOUDACCT_FETCH_VALUE, &total) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT " PAYMENT_COLUMNS " FROM {payment} WHERE uniacid = ? AND client_id = ?"
				" ORDER BY paid_at DESC, id DESC LIMIT ? OFFSET ?", p, 4, CLOUDACCT_FETCH_ALL, &items) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_money_format_rows(&items, pay_periods, NULL);
	array_init_size(return_value, 2);
	add_assoc_long(return_value, "total", zval_get_long(&total));
	add_assoc_zval(return_value, "items", &items);
}

static const char *channel_label(zval *pay)
{
	return str_is(pay, "channel", "offline") ? "线下收款"
		: str_is(pay, "channel", "weengine") ? "微擎支付"
		: str_is(pay, "channel", "wechat_v3") ? "微信支付" : "调整";
}

ZEND_METHOD(CloudAcct_Ledger_Payments, receipt)
{
	zval *zactor, pay, firm, bills, client;
	zend_long payment_id;
	cloudacct_actor a;
	char words[CLOUDACCT_UPPER_BUFSZ], amount[CLOUDACCT_MONEY_BUFSZ];
	static const char *const names[] = { "firm_name" };
	size_t len;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(payment_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(payment_id, 2) || payment_get(s, &a, payment_id, &pay) == FAILURE) {
		RETURN_THROWS();
	}
	if (str_is(&pay, "channel", "adjustment")) {
		zval_ptr_dtor(&pay);
		cloudacct_throw_not_found("调整记录没有收据 (credit notes have no receipt)");
		RETURN_THROWS();
	}
	zend_long client_id = cloudacct_money_long(&pay, "client_id");
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id),
		CLOUDACCT_PARAM_LONG(payment_id) };
	if (cloudacct_money_settings(s, names, 1, &firm) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT name FROM {client} WHERE uniacid = ? AND id = ?", p, 2, CLOUDACCT_FETCH_VALUE,
				&client) == FAILURE
			|| CLOUDACCT_DB_RUN(s->db, "SELECT a.bill_id, b.title, b.period, b.period_to, SUM(a.amount_fen) AS amount_fen"
				" FROM {allocation} a JOIN {bill} b ON b.id = a.bill_id WHERE a.uniacid = ? AND a.client_id = ?"
				" AND a.payment_id = ? GROUP BY a.bill_id, b.title, b.period, b.period_to HAVING SUM(a.amount_fen) > 0"
				" ORDER BY b.period", p, 3, CLOUDACCT_FETCH_ALL, &bills) == FAILURE) {
		zval_ptr_dtor(&pay);
		RETURN_THROWS();
	}
	static const char *const bp[] = { "period", "period_to", NULL };
	cloudacct_money_format_rows(&bills, bp, NULL);
	zend_long fen = cloudacct_money_long(&pay, "amount_fen");
	cloudacct_amount_in_words(fen, words, sizeof(words));
	cloudacct_money_format(fen, amount);
	array_init(return_value);
	const char *no = cloudacct_money_str(&pay, "receipt_no", &len);
	add_assoc_stringl(return_value, "receipt_no", (char *) no, len);
	zval *fv = zend_hash_str_find(Z_ARRVAL(firm), ZEND_STRL("firm_name"));
	add_assoc_string(return_value, "firm", fv && Z_TYPE_P(fv) == IS_STRING ? Z_STRVAL_P(fv) : "");
	add_assoc_long(return_value, "client_id", client_id);
	add_assoc_string(return_value, "company", Z_TYPE(client) == IS_STRING ? Z_STRVAL(client) : "");
	add_assoc_long(return_value, "amount_fen", fen);
	add_assoc_string(return_value, "amount", amount);
	add_assoc_string(return_value, "amount_words", words);
	add_assoc_string(return_value, "channel", (char *) channel_label(&pay));
	const char *method = cloudacct_money_str(&pay, "method", &len);
	add_assoc_stringl(return_value, "method", (char *) method, len);
	const char *ext = cloudacct_money_str(&pay, "external_id", &len);
	add_assoc_stringl(return_value, "reference", (char *) ext, len);
	add_assoc_long(return_value, "paid_at", cloudacct_money_long(&pay, "paid_at"));
	add_assoc_zval(return_value, "bills", &bills);
	const char *by = cloudacct_money_str(&pay, "recorded_by_kind", &len);
	add_assoc_stringl(return_value, "recorded_by_kind", (char *) by, len);
	add_assoc_long(return_value, "recorded_by_id", cloudacct_money_long(&pay, "recorded_by_id"));
	add_assoc_bool(return_value, "void", str_is(&pay, "status", "reversed"));
	add_assoc_long(return_value, "refunded_fen", cloudacct_money_long(&pay, "refunded_fen"));
	zval_ptr_dtor(&pay);
	zval_ptr_dtor(&firm);
	zval_ptr_dtor(&client);
}

/* ---- refunds ---- */

#define REFUND_COLUMNS \
	"id, client_id, payment_id, order_id, out_refund_no, channel, amount_fen, status, reason, external_refund_id," \
	" failure, period, requested_by_kind, requested_by_id, created_at, settled_at"

zend_result cloudacct_money_refund_row(cloudacct_store *s, zend_long refund_id, zval *out)
{
	if (CLOUDACCT_MONEY_ROW(s, "SELECT " REFUND_COLUMNS " FROM {refund} WHERE uniacid = ? AND id = ?", refund_id, "退款",
			out) == FAILURE) {
		return FAILURE;
	}
	cloudacct_money_format_periods(out, pay_periods, NULL);
	return SUCCESS;
}

zend_result cloudacct_money_refund_find(cloudacct_store *s, zend_string *out_refund_no, zend_long *refund_id)
{
	zval v;
	cloudacct_param p[] = { CLOUDACCT_PARAM_ZSTR(out_refund_no), CLOUDACCT_PARAM_LONG(s->uniacid) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT id FROM {refund} WHERE out_refund_no = ? AND uniacid = ?", p, 2,
			CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		return FAILURE;
	}
	*refund_id = Z_TYPE(v) == IS_LONG ? Z_LVAL(v) : 0;
	return SUCCESS;
}

typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long payment_id;
	zend_long amount;
	zend_string *reason;
	zend_long refund_id;
	char channel[17];
	zend_long intent_id;
} refund_ctx;

/* The order the payment went to (0 if none) and how much of it is still allocated there. */
static zend_result payment_order(cloudacct_money_tx *t, zend_long payment_id, zend_long *order_id, zend_long *on_order)
{
	zval row;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(t->s->uniacid), CLOUDACCT_PARAM_LONG(t->client_id),
		CLOUDACCT_PARAM_LONG(payment_id) };

	if (CLOUDACCT_DB_RUN(t->s->db, "SELECT order_id, SUM(amount_fen) AS amount FROM {allocation} WHERE uniacid = ?"
			" AND client_id = ? AND payment_id = ? AND order_id > 0 GROUP BY order_id HAVING SUM(amount_fen) > 0",
			p, 3, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	*order_id = Z_TYPE(row) == IS_ARRAY ? cloudacct_money_long(&row, "order_id") : 0;
	*on_order = Z_TYPE(row) == IS_ARRAY ? zval_get_long(zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("amount"))) : 0;
	zval_ptr_dtor(&row);
	return SUCCESS;
}

static zend_result refund_body(cloudacct_connection *c, void *ctx_)
{
	refund_ctx *x = ctx_;
	cloudacct_money_tx t;
	zval pay, detail;
	zend_long order_id = 0, on_order = 0;
	char no[33], memo[400], left[CLOUDACCT_MONEY_BUFSZ];
	size_t len;
	(void) c;

	if (CLOUDACCT_MONEY_ROW(x->s, "SELECT client_id FROM {payment} WHERE uniacid = ? AND id = ?", x->payment_id, "收款",
			&pay) == FAILURE) {
		return FAILURE;
	}
	zend_long client_id = cloudacct_money_long(&pay, "client_id");
	zval_ptr_dtor(&pay);
	if (cloudacct_money_authorize(x->s, x->a, client_id, NULL) == FAILURE
			|| cloudacct_money_tx_begin(&t, x->s, x->a, client_id) == FAILURE
			|| CLOUDACCT_MONEY_ROW(x->s, "SELECT channel, status, amount_fen, allocated_fen, refunded_fen, intent_id"
				" FROM {payment} WHERE uniacid = ? AND id = ? FOR UPDATE", x->payment_id, "收款", &pay) == FAILURE) {
		return FAILURE;
	}
	const char *channel = cloudacct_money_str(&pay, "channel", &len);
	memcpy(x->channel, channel, len < 16 ? len : 16);
	x->channel[len < 16 ? len : 16] = '\0';
	bool posted = str_is(&pay, "status", "posted");
	zend_long amount = cloudacct_money_long(&pay, "amount_fen");
	zend_long allocated = cloudacct_money_long(&pay, "allocated_fen");
	zend_long refunded = cloudacct_money_long(&pay, "refunded_fen");
	x->intent_id = cloudacct_money_long(&pay, "intent_id");
	zval_ptr_dtor(&pay);
	if (!posted || strcmp(x->channel, "adjustment") == 0) {
		cloudacct_throw_invalid_transition(posted ? "adjustment" : "reversed",
			"这笔记录不能退款（已冲销或是调整） (payment %ld cannot be refunded)", (long) x->payment_id);
		return FAILURE;
	}
	if (x->amount > amount - refunded) {
		cloudacct_money_format(amount - refunded, left);
		cloudacct_throw_validation("amount_fen", "退款不能超过已付未退的 %s 元 (refund exceeds what was paid)", left);
		return FAILURE;
	}
	if (payment_order(&t, x->payment_id, &order_id, &on_order) == FAILURE) {
		return FAILURE;
	}
	/* The money comes back from the order, or from credit first and then the newest bills. */
	if (order_id > 0) {
		zend_long back = x->amount < on_order ? x->amount : on_order;
		snprintf(memo, sizeof(memo), "订单退款冲减应收：%s", ZSTR_VAL(x->reason));
		if (cloudacct_money_allocate(&t, x->payment_id, 0, order_id, -back) == FAILURE
				|| cloudacct_money_post(&t, "adjustment", -back, 0, order_id, x->payment_id, 0, 0, memo, NULL) == FAILURE) {
			return FAILURE;
		}
		allocated -= back;
	}
	zend_long unapplied = amount - allocated - refunded;
	if (x->amount > unapplied && cloudacct_money_deallocate(&t, x->payment_id, allocated - (x->amount - unapplied)) == FAILURE) {
		return FAILURE;
	}
	bool offline = strcmp(x->channel, "offline") == 0;
	const char *kind = cloudacct_actor_kind_name(x->a->kind);
	no[0] = 'R';
	snprintf(no + 1, 9, "%08d", (int) cloudacct_money_today());
	cloudacct_money_token(no + 9, 15, ALNUM);
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(client_id),
		CLOUDACCT_PARAM_LONG(x->payment_id), CLOUDACCT_PARAM_LONG(order_id), CLOUDACCT_PARAM_STR(no, strlen(no)),
		CLOUDACCT_PARAM_STR(x->channel, strlen(x->channel)), CLOUDACCT_PARAM_LONG(x->amount),
		CLOUDACCT_PARAM_STR(offline ? "succeeded" : "pending", offline ? 9 : 7), CLOUDACCT_PARAM_ZSTR(x->reason),
		CLOUDACCT_PARAM_LONG(t.period), CLOUDACCT_PARAM_STR(kind, strlen(kind)), CLOUDACCT_PARAM_LONG(x->a->id),
		CLOUDACCT_PARAM_LONG(t.now), CLOUDACCT_PARAM_LONG(offline ? t.now : 0) };
	if (CLOUDACCT_DB_RUN(x->s->db, "INSERT INTO {refund} (uniacid, client_id, payment_id, order_id, out_refund_no, channel,"
			" amount_fen, status, reason, period, requested_by_kind, requested_by_id, created_at, settled_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 14, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	x->refund_id = (zend_long) cloudacct_db_insert_id(x->s->db);
	if (cloudacct_money_collect_refund(x->s, x->refund_id) == FAILURE) { /* offline: succeeded at once */
		return FAILURE;
	}
	snprintf(memo, sizeof(memo), "退款 %s：%s", no, ZSTR_VAL(x->reason));
	cloudacct_param u[] = { CLOUDACCT_PARAM_LONG(x->amount), CLOUDACCT_PARAM_LONG(x->s->uniacid),
		CLOUDACCT_PARAM_LONG(x->payment_id) };
	if (cloudacct_money_post(&t, "refund", x->amount, 0, order_id, x->payment_id, x->refund_id, 0, memo, NULL) == FAILURE
			|| CLOUDACCT_DB_RUN(x->s->db, "UPDATE {payment} SET refunded_fen = refunded_fen + ? WHERE uniacid = ? AND id = ?",
				u, 3, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	t.credit -= x->amount;
	if (offline && order_id > 0 && cloudacct_money_order_refunded(x->s, order_id, x->amount) == FAILURE) {
		return FAILURE;
	}
	if (cloudacct_money_tx_finish(&t) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_long(&detail, "payment_id", x->payment_id);
	add_assoc_long(&detail, "amount_fen", x->amount);
	add_assoc_str(&detail, "reason", zend_string_copy(x->reason));
	zend_result rc = cloudacct_money_audit(x->s, x->a, "refund_request", "refund", x->refund_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}


ZEND_METHOD(CloudAcct_Ledger_Payments, refund)
{
	zval *zactor, *z_amount, intent;
	cloudacct_actor a;
	refund_ctx x = { 0 };

	ZEND_PARSE_PARAMETERS_START(4, 4)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(x.payment_id)
		Z_PARAM_ZVAL(z_amount)
		Z_PARAM_STR(x.reason)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(x.payment_id, 2) || !cloudacct_money_require_admin(&a)
			|| !cloudacct_money_arg_amount(z_amount, 3, "amount_fen", &x.amount)
			|| !cloudacct_money_check_text(x.reason, "reason", "退款原因", 1, 80)) {
		RETURN_THROWS();
	}
	x.s = s;
	x.a = &a;
	if (cloudacct_db_transaction(s->db, refund_body, &x, 0) == FAILURE) {
		RETURN_THROWS();
	}
#ifdef CLOUDACCT_MONEY_HAVE_WXPAY
	/* WeChat Pay v3 is asked now; its answer (or the refund notify) settles the refund. */
	if (strcmp(x.channel, "wechat_v3") == 0 && cloudacct_money_wxpay_refund(s, x.refund_id) == FAILURE) {
		RETURN_THROWS();
	}
#endif
	ZVAL_NULL(&intent);
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(x.intent_id) };
	if ((strcmp(x.channel, "weengine") == 0 && CLOUDACCT_DB_RUN(s->db, "SELECT out_trade_no FROM {pay_intent}"
			" WHERE uniacid = ? AND id = ?", p, 2, CLOUDACCT_FETCH_VALUE, &intent) == FAILURE)
			|| cloudacct_money_refund_row(s, x.refund_id, return_value) == FAILURE) {
		zval_ptr_dtor(&intent);
		RETURN_THROWS();
	}
	if (Z_TYPE(intent) == IS_STRING) {
		char fee[CLOUDACCT_MONEY_BUFSZ];
		add_assoc_zval(return_value, "tid", &intent);
		cloudacct_money_format(x.amount, fee);
		add_assoc_string(return_value, "fee", fee);
	}
}

typedef struct {
	cloudacct_store *s;
	zend_long refund_id;
	bool success;
	zend_string *external_id;
	const char *failure;
	bool changed;
} refund_settle_ctx;

static zend_result refund_settle_body(cloudacct_connection *c, void *ctx_)
{
	refund_settle_ctx *x = ctx_;
	cloudacct_money_tx t;
	cloudacct_actor sys = { CLOUDACCT_ACTOR_SYSTEM, 0, ZSTR_EMPTY_ALLOC() };
	zval r, e, detail;
	char memo[300];
	(void) c;

	if (CLOUDACCT_MONEY_ROW(x->s, "SELECT client_id FROM {refund} WHERE uniacid = ? AND id = ?", x->refund_id, "退款",
			&r) == FAILURE) {
		return FAILURE;
	}
	zend_long client_id = cloudacct_money_long(&r, "client_id");
	zval_ptr_dtor(&r);
	if (cloudacct_money_tx_begin(&t, x->s, &sys, client_id) == FAILURE
			|| CLOUDACCT_MONEY_ROW(x->s, "SELECT id, payment_id, order_id, amount_fen, status, out_refund_no FROM {refund}"
				" WHERE uniacid = ? AND id = ? FOR UPDATE", x->refund_id, "退款", &r) == FAILURE) {
		return FAILURE;
	}
	bool pending = str_is(&r, "status", "pending");
	zend_long payment_id = cloudacct_money_long(&r, "payment_id");
	zend_long order_id = cloudacct_money_long(&r, "order_id");
	zend_long amount = cloudacct_money_long(&r, "amount_fen");
	zval_ptr_dtor(&r);
	x->changed = pending;
	if (!pending) {
		return SUCCESS; /* settled before: a repeated notify changes nothing */
	}
	cloudacct_param u[] = { CLOUDACCT_PARAM_STR(x->success ? "succeeded" : "failed", x->success ? 9 : 6),
		x->external_id ? CLOUDACCT_PARAM_ZSTR(x->external_id) : CLOUDACCT_PARAM_STR("", 0),
		CLOUDACCT_PARAM_STR(x->failure ? x->failure : "", x->failure ? strlen(x->failure) : 0), CLOUDACCT_PARAM_LONG(t.now),
		CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(x->refund_id) };
	if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {refund} SET status = ?, external_refund_id = ?, failure = LEFT(?, 255),"
			" settled_at = ? WHERE uniacid = ? AND id = ? AND status = 'pending'", u, 6, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
		return FAILURE;
	}
	if (x->success) {
		if (cloudacct_money_collect_refund(x->s, x->refund_id) == FAILURE
				|| (order_id > 0 && cloudacct_money_order_refunded(x->s, order_id, amount) == FAILURE)) {
			return FAILURE;
		}
	} else {
		/* Refused: the refund entry (and an order's charge reduction) is reversed, the money is
		 * the payment's again. */
		snprintf(memo, sizeof(memo), "退款失败冲回：%s", x->failure ? x->failure : "");
		cloudacct_param q[] = { CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(client_id),
			CLOUDACCT_PARAM_LONG(x->refund_id) };
		if (CLOUDACCT_DB_RUN(x->s->db, "SELECT id FROM {ledger_entry} WHERE uniacid = ? AND client_id = ? AND refund_id = ?"
				" AND kind = 'refund'", q, 3, CLOUDACCT_FETCH_VALUE, &e) == FAILURE
				|| cloudacct_money_reverse(&t, zval_get_long(&e), memo, NULL, NULL) == FAILURE) {
			return FAILURE;
		}
		cloudacct_param d[] = { CLOUDACCT_PARAM_LONG(amount), CLOUDACCT_PARAM_LONG(x->s->uniacid), CLOUDACCT_PARAM_LONG(payment_id) };
		if (CLOUDACCT_DB_RUN(x->s->db, "UPDATE {payment} SET refunded_fen = refunded_fen - ? WHERE uniacid = ? AND id = ?",
				d, 3, CLOUDACCT_FETCH_NONE, NULL) == FAILURE) {
			return FAILURE;
		}
		t.credit += amount;
		if (order_id > 0) {
			if (cloudacct_money_post(&t, "adjustment", amount, 0, order_id, payment_id, 0, 0, memo, NULL) == FAILURE
					|| cloudacct_money_allocate(&t, payment_id, 0, order_id, amount) == FAILURE) {
				return FAILURE;
			}
		}
	}
	if (cloudacct_money_tx_finish(&t) == FAILURE) {
		return FAILURE;
	}
	array_init(&detail);
	add_assoc_bool(&detail, "success", x->success);
	if (x->failure) {
		add_assoc_string(&detail, "failure", (char *) x->failure);
	}
	zend_result rc = cloudacct_money_audit(x->s, &sys, "refund_settle", "refund", x->refund_id, &detail);
	zval_ptr_dtor(&detail);
	return rc;
}

zend_result cloudacct_money_refund_settle_ex(cloudacct_store *s, zend_long refund_id, bool success,
	zend_string *external_refund_id, const char *failure, bool *changed)
{
	refund_settle_ctx x = { s, refund_id, success, external_refund_id, failure, false };

	if (cloudacct_db_transaction(s->db, refund_settle_body, &x, 0) == FAILURE) {
		return FAILURE;
	}
	if (changed) {
		*changed = x.changed;
	}
	return SUCCESS;
}

zend_result cloudacct_money_refund_settle(cloudacct_store *s, zend_long refund_id, bool success,
	zend_string *external_refund_id, const char *failure, zval *result)
{
	if (cloudacct_money_refund_settle_ex(s, refund_id, success, external_refund_id, failure, NULL) == FAILURE) {
		return FAILURE;
	}
	return result ? cloudacct_money_refund_row(s, refund_id, result) : SUCCESS;
}

ZEND_METHOD(CloudAcct_Ledger_Payments, weengineRefundResult)
{
	zval *zactor, v;
	HashTable *ret;
	cloudacct_actor a;
	zend_string *refund_no, *tid, *result;
	zend_long refund_id = 0, fee = 0;
	bool ok = false;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(ret)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_system(&a)) {
		RETURN_THROWS();
	}
	refund_no = ret_str(ret, "refund_no");
	tid = ret_str(ret, "tid");
	result = ret_str(ret, "result");
	if (refund_no && ZSTR_LEN(refund_no) > 0) {
		if (cloudacct_money_refund_find(s, refund_no, &refund_id) == FAILURE) {
			goto out;
		}
	} else if (tid && ZSTR_LEN(tid) > 0) {
		/* By the payment's tid and the amount: the oldest pending weengine refund that matches. */
		if (!weengine_fee(zend_hash_str_find(ret, ZEND_STRL("fee")), &fee)) {
			goto out;
		}
		cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_ZSTR(tid), CLOUDACCT_PARAM_LONG(fee) };
		if (CLOUDACCT_DB_RUN(s->db, "SELECT r.id FROM {refund} r JOIN {payment} p ON p.id = r.payment_id"
				" WHERE r.uniacid = ? AND p.channel = 'weengine' AND p.external_id = ? AND r.amount_fen = ?"
				" ORDER BY r.status = 'pending' DESC, r.id LIMIT 1", p, 3, CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
			goto out;
		}
		refund_id = Z_TYPE(v) == IS_LONG ? Z_LVAL(v) : 0;
	} else {
		cloudacct_throw_validation("refund_no", "请给出退款单号 refund_no，或支付单号 tid 与金额 fee (refund_no or tid + fee)");
		goto out;
	}
	if (refund_id == 0) {
		cloudacct_throw_not_found("没有这笔退款 (refund not found)");
		goto out;
	}
	bool success = result && zend_string_equals_literal(result, "success");
	ok = cloudacct_money_refund_settle(s, refund_id, success, NULL, success ? NULL : "微擎退款失败", return_value) == SUCCESS;
out:
	if (refund_no) zend_string_release(refund_no);
	if (tid) zend_string_release(tid);
	if (result) zend_string_release(result);
	if (!ok) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Ledger_Payments, refunds)
{
	zval *zactor, pay;
	zend_long payment_id;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_LONG(payment_id)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_check_id(payment_id, 2) || payment_get(s, &a, payment_id, &pay) == FAILURE) {
		RETURN_THROWS();
	}
	zval_ptr_dtor(&pay);
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(payment_id) };
	if (CLOUDACCT_DB_RUN(s->db, "SELECT " REFUND_COLUMNS " FROM {refund} WHERE uniacid = ? AND payment_id = ? ORDER BY id",
			p, 2, CLOUDACCT_FETCH_ALL, return_value) == FAILURE) {
		RETURN_THROWS();
	}
	cloudacct_money_format_rows(return_value, pay_periods, NULL);
}

/* ---- WeChat Pay API v3 (wxpay_client.c) ---- */

ZEND_METHOD(CloudAcct_Ledger_Payments, wechatNotify)
{
	zval *zactor;
	HashTable *headers;
	zend_string *body;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_ARRAY_HT(headers)
		Z_PARAM_STR(body)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_system(&a)) {
		RETURN_THROWS();
	}
	cloudacct_money_wxpay_notify(s, headers, body, return_value);
}

ZEND_METHOD(CloudAcct_Ledger_Payments, wechatQuery)
{
	zval *zactor;
	zend_string *no;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(no)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || cloudacct_money_wxpay_query(s, &a, no, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Ledger_Payments, wechatClose)
{
	zval *zactor;
	zend_string *no;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(no)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_admin_or_system(&a) || cloudacct_money_wxpay_close(s, &a, no, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(CloudAcct_Ledger_Payments, wechatQueryRefund)
{
	zval *zactor;
	zend_string *no;
	cloudacct_actor a;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zactor, cloudacct_ce_Actor)
		Z_PARAM_STR(no)
	ZEND_PARSE_PARAMETERS_END();

	cloudacct_store *s = cloudacct_money_begin(ZEND_THIS, zactor, &a);
	if (!s || !cloudacct_money_require_admin_or_system(&a) || cloudacct_money_wxpay_query_refund(s, no, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}
