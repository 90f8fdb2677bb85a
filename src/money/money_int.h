/* Shared by the money area's files (never included outside src/money/): rows and input, actors,
 * and the per-client money transaction every change to the ledger runs through. */
#ifndef CLOUDACCT_MONEY_INT_H
#define CLOUDACCT_MONEY_INT_H

#include "php.h"
#include "zend_smart_str.h"
#include "../context/context.h"
#include "../people/people.h"
#include "../context/area.h"

/* The largest single amount the area accepts: 1,000,000,000.00 yuan. */
#define CLOUDACCT_MONEY_MAX_FEN INT64_C(100000000000)

/* ---- rows ---- */

zend_long cloudacct_money_long(zval *row, const char *key);
/* The string value of a row column ("" when missing or not a string); *len receives its length. */
const char *cloudacct_money_str(zval *row, const char *key, size_t *len);
/* Rewrites int YYYYMM / YYYYMMDD columns of a row (or of every row of a list) as "YYYY-MM" /
 * "YYYY-MM-DD" strings ("" for 0). keys is NULL-terminated. */
void cloudacct_money_format_periods(zval *row, const char *const *period_keys, const char *const *date_keys);
void cloudacct_money_format_rows(zval *rows, const char *const *period_keys, const char *const *date_keys);

/* ---- time (business clock, UTC+8) ---- */

int32_t cloudacct_money_today(void);       /* YYYYMMDD */
int32_t cloudacct_money_this_period(void); /* YYYYMM */
int32_t cloudacct_money_period_of(zend_long ts);
int cloudacct_money_local_hour(void);

/* ---- input: each throws ValidationException naming field and returns false ---- */

bool cloudacct_money_parse_period(zend_string *s, const char *field, int32_t *out); /* "YYYY-MM" */
bool cloudacct_money_parse_date(zend_string *s, const char *field, int32_t *out);   /* "YYYY-MM-DD" */
size_t cloudacct_money_period_str(int32_t period, char buf[8]);
bool cloudacct_money_check_amount(zend_long fen, const char *field);       /* 1 .. MAX */
/* An amount argument (declared int fen): a float or a numeric string is refused with a
 * ValidationException — 12.5 fen does not exist, and "12.34" might mean yuan — other types are a
 * TypeError. Then check_amount. */
bool cloudacct_money_arg_amount(zval *z, uint32_t arg, const char *field, zend_long *out);
bool cloudacct_money_check_text(zend_string *s, const char *field, const char *label, size_t min, size_t max);
/* A key or reference: 1..max printable ASCII without spaces. */
bool cloudacct_money_check_ref(zend_string *s, const char *field, const char *label, size_t max);
/* page >= 1 (arg page_arg), per_page 1..200; ValueError. */
bool cloudacct_money_check_page(zend_long page, zend_long per_page, uint32_t page_arg);
bool cloudacct_money_check_id(zend_long id, uint32_t arg);
/* An int from an options array (absent → dflt); ValidationException when not an int. */
bool cloudacct_money_opt_long(HashTable *opts, const char *key, zend_long dflt, zend_long *out);
/* A string from an options array (absent → NULL); ValidationException when not a string. */
bool cloudacct_money_opt_str(HashTable *opts, const char *key, zend_string **out);
/* Rejects keys not in allowed (NULL-terminated). */
bool cloudacct_money_opt_known(HashTable *opts, const char *const *allowed, const char *what);

/* ---- actors ---- */

bool cloudacct_money_require_admin(const cloudacct_actor *a);
bool cloudacct_money_require_system(const cloudacct_actor *a);
bool cloudacct_money_require_admin_or_system(const cloudacct_actor *a);
/* May the actor see (and, for staff, work for) the client? Staff must be active. Throws NotFound
 * (or Forbidden for inactive staff). */
zend_result cloudacct_money_authorize(cloudacct_store *s, const cloudacct_actor *a, zend_long client_id,
	cloudacct_client_info *out);
/* Admins and active staff only (clients and the system are refused). */
zend_result cloudacct_money_authorize_staff_or_admin(cloudacct_store *s, const cloudacct_actor *a, zend_long client_id);

/* Appends to a WHERE clause the fragment that limits rows to the client companies (SQL alias c)
 * the actor may list: an admin limited to stores → those stores; staff → their own clients (and
 * the staff member must be active); a client contact → its companies when allow_clients (else
 * Forbidden); the system → everything. p must have room for 4 more parameters. */
zend_result cloudacct_money_scope(cloudacct_store *s, const cloudacct_actor *a, bool allow_clients, smart_str *where,
	cloudacct_param *p, uint32_t *n);
/* The same on other columns: store_col and accountant_col name the company's store and accountant
 * (e.g. the copies on {client_balance} b: "b.store_id", "b.accountant_id"), client_col its id. */
zend_result cloudacct_money_scope_on(cloudacct_store *s, const cloudacct_actor *a, bool allow_clients, const char *store_col,
	const char *accountant_col, const char *client_col, smart_str *where, cloudacct_param *p, uint32_t *n);

/* Creates the client's summary row {client_balance} if it has none, with the company's store and
 * accountant copied from {client} (a locking read in the caller's transaction, so a concurrent change
 * of either waits or is seen: People\Clients keeps the copy equal on every change). */
zend_result cloudacct_money_balance_row(cloudacct_store *s, zend_long client_id, zend_long now);

/* Reads the Actor argument and the area's Store; NULL after throwing. */
cloudacct_store *cloudacct_money_begin(zval *this_zv, zval *zactor, cloudacct_actor *actor);

/* Bytes of the first max_chars characters of valid UTF-8. */
size_t cloudacct_money_utf8_prefix(const char *s, size_t len, size_t max_chars);

/* ---- misc ---- */

void cloudacct_money_token(char *out, size_t len, const char *alphabet); /* random chars, NUL-terminated */
zend_result cloudacct_money_audit(cloudacct_store *s, const cloudacct_actor *a, const char *action,
	const char *object_type, zend_long object_id, zval *detail);
zend_result cloudacct_money_settings(cloudacct_store *s, const char *const *names, size_t n, zval *out);
/* The dunning_steps setting, normalised; n_out <= CLOUDACCT_DUNNING_MAX_STEPS. */
zend_result cloudacct_money_dunning_steps(cloudacct_store *s, int32_t *steps, size_t *n_out);
/* The next receipt number of today: <prefix><YYYYMMDD><seq, at least 4 digits>. */
zend_result cloudacct_money_receipt_no(cloudacct_store *s, char out[40]);

/* ---- the per-client money transaction ---- */

#define CLOUDACCT_MONEY_TX_PLANS 16

/* Every change to a client's ledger happens inside one of these: begin locks the client's
 * summary row (creating it), the primitives below change bills, payments and entries and record
 * the deltas, finish applies unapplied credit to open bills oldest first and writes the summary. */
typedef struct {
	cloudacct_store *s;
	const cloudacct_actor *a;
	zend_long client_id;
	zend_long now;
	int32_t period; /* business month of the entries */
	/* the summary as locked, then as changed */
	zend_long balance, outstanding, credit, open_bills, oldest_due, paid_through, entries;
	bool bills_changed;
	bool no_apply;  /* finish() leaves credit unapplied (never set by a public path) */
	zend_long plans[CLOUDACCT_MONEY_TX_PLANS];
	size_t n_plans;
	bool all_plans; /* more plans touched than fit: refresh every plan of the client */
	zend_long first_bill; /* apply credit to this bill before the oldest ones (0 = none) */
	zend_long reversing_entry; /* the payment entry a payment reversal reverses */
} cloudacct_money_tx;

zend_result cloudacct_money_tx_begin(cloudacct_money_tx *t, cloudacct_store *s, const cloudacct_actor *a,
	zend_long client_id);
zend_result cloudacct_money_tx_finish(cloudacct_money_tx *t);

/* Appends a ledger entry (memo ≤ 255 bytes, truncated at a UTF-8 boundary). */
zend_result cloudacct_money_post(cloudacct_money_tx *t, const char *kind, zend_long amount, zend_long bill_id,
	zend_long order_id, zend_long payment_id, zend_long refund_id, zend_long reverses_id, const char *memo,
	zend_long *entry_id);

/* Posts the exact opposite of entry_id (kind "reversal", same bill/order/payment/refund refs).
 * Refuses a reversal of a reversal and a second reversal of the same entry. The original row
 * (kind, amount_fen, bill_id, order_id, payment_id, refund_id) goes to *orig when given. */
zend_result cloudacct_money_reverse(cloudacct_money_tx *t, zend_long entry_id, const char *memo, zend_long *new_id,
	zval *orig);

/* Moves amount (negative: takes back) of a payment to a bill or an order (one of them 0). */
zend_result cloudacct_money_allocate(cloudacct_money_tx *t, zend_long payment_id, zend_long bill_id, zend_long order_id,
	zend_long amount);

/* Changes a bill's paid / waived amounts (or voids it) and its cached status; notes the plan. */
zend_result cloudacct_money_bill_change(cloudacct_money_tx *t, zend_long bill_id, zend_long d_paid, zend_long d_waived,
	bool make_void);

/* Voids a bill: reverses its charge and waivers, takes back what payments paid on it (credit). */
zend_result cloudacct_money_void_bill(cloudacct_money_tx *t, zend_long bill_id, const char *memo);

/* Takes back what a payment has allocated to bills (newest bill first) until at most `keep`
 * stays allocated. Never touches order allocations. */
zend_result cloudacct_money_deallocate(cloudacct_money_tx *t, zend_long payment_id, zend_long keep);

/* A new payment row (status posted) with its ledger entry; credit grows by amount until it is
 * allocated. kind is "payment" or "adjustment". Fills *payment_id and *entry_id. */
typedef struct {
	const char *channel;
	zend_string *external_id;
	const char *kind;
	zend_long amount;
	const char *method;
	const char *target_kind; /* "", "bill", "order" */
	zend_long target_id;
	zend_long intent_id;
	zend_string *reference;  /* may be NULL */
	zend_string *payer;      /* may be NULL */
	zend_string *note;       /* may be NULL */
	zend_long paid_at;
	bool receipt;            /* issue a receipt number */
} cloudacct_money_new_payment;

zend_result cloudacct_money_payment_insert(cloudacct_money_tx *t, const cloudacct_money_new_payment *p,
	zend_long *payment_id, zend_long *entry_id);

/* Loads one row of a module table by id within the uniacid (FOR UPDATE when lock); NotFound
 * with what when missing. sql must select from the table WHERE uniacid = ? AND id = ?. */
zend_result cloudacct_money_row(cloudacct_store *s, const char *sql, size_t sql_len, zend_long id, const char *what,
	zval *row);
#define CLOUDACCT_MONEY_ROW(s, sql, id, what, row) cloudacct_money_row((s), (sql), sizeof(sql) - 1, (id), (what), (row))

/* Settles an online intent (微擎 or WeChat Pay v3) once: the payment, its allocation to the bill or
 * order (the order's settle hook in the same transaction), the receipt. status out:
 * "settled" or "already_settled". */
typedef struct {
	zend_string *out_trade_no;
	const char *channel;
	zend_long amount;         /* what the payer paid, fen */
	zend_string *reference;   /* transaction id / uniontid, may be NULL */
	zend_string *payer;       /* openid, may be NULL */
	zend_long paid_at;
} cloudacct_money_online;

zend_result cloudacct_money_settle_online(cloudacct_store *s, const cloudacct_money_online *in, zval *result);

/* A refund that the channel confirmed (or refused): pending → succeeded, or → failed with the
 * money given back to the payment. Idempotent. */
zend_result cloudacct_money_refund_settle(cloudacct_store *s, zend_long refund_id, bool success,
	zend_string *external_refund_id, const char *failure, zval *result);
/* The same; *changed = true when this call settled it (false: it was settled before). */
zend_result cloudacct_money_refund_settle_ex(cloudacct_store *s, zend_long refund_id, bool success,
	zend_string *external_refund_id, const char *failure, bool *changed);
/* Finds a refund by its out_refund_no in this uniacid; 0 when none. */
zend_result cloudacct_money_refund_find(cloudacct_store *s, zend_string *out_refund_no, zend_long *refund_id);
/* The refund row as PHP sees it. */
zend_result cloudacct_money_refund_row(cloudacct_store *s, zend_long refund_id, zval *out);

/* WeChat Pay API v3 (wxpay_client.c). */
#define CLOUDACCT_MONEY_HAVE_WXPAY 1
/* The WeChat Pay v3 refund request for a refund just recorded: settles it when WeChat Pay answers
 * SUCCESS / CLOSED or refuses it for good; leaves it pending on PROCESSING; throws
 * IntegrationException (refund still pending) when WeChat Pay could not be reached. */
zend_result cloudacct_money_wxpay_refund(cloudacct_store *s, zend_long refund_id);
/* The JSAPI / mini-program prepay of a pending wechat_v3 intent for the payer's openid; *pay gets
 * the front end's parameters (appId, timeStamp, nonceStr, package, signType, paySign). */
zend_result cloudacct_money_wxpay_prepay(cloudacct_store *s, zend_long intent_id, zend_string *openid, zval *pay);
/* Query by out_trade_no: a paid order is settled through the shared online path. */
zend_result cloudacct_money_wxpay_query(cloudacct_store *s, const cloudacct_actor *a, zend_string *out_trade_no, zval *out);
/* Close by out_trade_no; the intent becomes closed. */
zend_result cloudacct_money_wxpay_close(cloudacct_store *s, const cloudacct_actor *a, zend_string *out_trade_no, zval *out);
/* Query a refund (re-sending it when WeChat Pay never got it); out is the refund row. */
zend_result cloudacct_money_wxpay_query_refund(cloudacct_store *s, zend_string *out_refund_no, zval *out);
/* A payment or refund notification: *out = ["status" => HTTP status, "body" => reply body,
 * "outcome" => …]. Never throws. */
void cloudacct_money_wxpay_notify(cloudacct_store *s, HashTable *headers, zend_string *body, zval *out);

/* The work engine's order hooks, isolated here (hooks.c). */
zend_result cloudacct_money_order_lookup(cloudacct_store *s, zend_long order_id, zend_string *order_no, zval *row);
zend_result cloudacct_money_order_settle(cloudacct_store *s, zend_long order_id, zend_long paid_fen, const char *channel,
	zend_string *reference, bool *already_paid);
zend_result cloudacct_money_order_refunded(cloudacct_store *s, zend_long order_id, zend_long amount_fen);

/* The notices outbox, isolated here (hooks.c). */
zend_result cloudacct_money_notice(cloudacct_store *s, const char *recipient_kind, zend_long recipient_id,
	const char *template_key, zval *payload, const char *dedup_key);
/* One notice per contact of the client company (dedup_key gets "-c<contact id>" appended);
 * *recipients receives how many were queued. */
zend_result cloudacct_money_notify_client(cloudacct_store *s, zend_long client_id, const char *template_key,
	zval *payload, const char *dedup_prefix, zend_long *recipients);

/* collect_month upkeep, in the caller's transaction (reports.c): a payment posted (sign 1) or
 * reversed (sign -1), after its row is written; a refund after it is written or settled (counts
 * only once it succeeded). Adjustments are not collections and add nothing. */
zend_result cloudacct_money_collect_payment(cloudacct_store *s, zend_long payment_id, zend_long sign);
zend_result cloudacct_money_collect_refund(cloudacct_store *s, zend_long refund_id);

#endif
