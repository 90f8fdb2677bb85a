<?php

/**
 * Money (收费): fee plans, billing runs, the append-only ledger, payments (微擎 pay, WeChat Pay
 * API v3, offline), refunds, dunning (催费) and reports.
 *
 * Amounts are int fen everywhere (CloudAcct\Money::parse()/format() convert "12.34"); a float is a
 * TypeError, zero or negative amounts a ValidationException. Periods are "YYYY-MM", dates
 * "YYYY-MM-DD" in business time (UTC+8, CloudAcct\Clock).
 *
 * Every method takes the acting CloudAcct\Actor first and authorises it here: a client contact
 * sees only the bills, payments and receipts of the companies it is bound to; staff those of the
 * companies they are the exclusive accountant (专属会计) of, and may record offline payments and
 * send reminders for them; admins work within their stores; the system actor is the scheduler and
 * the payment callbacks. What the actor may not see behaves as if it did not exist
 * (NotFoundException).
 *
 * The ledger is append-only: nothing posted is updated or deleted; a mistake is corrected by a
 * reversal. Every client's balance, credit, arrears and 已缴至 are kept in a summary row changed in
 * the same transaction as each entry; Accounts::reconcile() proves the summary equals the entries.
 *
 * @generate-class-entries
 */

namespace CloudAcct\Ledger;

/**
 * Fee plans (收费方案): what a client pays per cycle. Prices change from a period on; bills already
 * issued keep their price.
 *
 * @strict-properties
 * @not-serializable
 */
final class Plans
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Admin. $data: title (required, ≤ 64, e.g. 代理记账费), amount_fen (required, per cycle),
     * cycle (monthly|quarterly|half_yearly|yearly), start ("YYYY-MM", required), end ("YYYY-MM",
     * the last month of a cycle; "" = open-ended), prepaid_periods (months paid before the plan
     * came into the system; billing starts after them). Returns the plan id.
     */
    public function create(\CloudAcct\Actor $admin, int $clientId, array $data): int {}

    /** Admin: the price per cycle from $from ("YYYY-MM") on. $from must not be billed yet. */
    public function changePrice(\CloudAcct\Actor $admin, int $planId, int $amountFen, string $from): void {}

    /** Admin: no bills for cycles starting from $from on, until resume(). */
    public function pause(\CloudAcct\Actor $admin, int $planId, string $from): void {}

    /** Admin: bills again for cycles starting from $from on. */
    public function resume(\CloudAcct\Actor $admin, int $planId, string $from): void {}

    /** Admin: $lastPeriod ("YYYY-MM", the last month of a cycle) is the last one billed. */
    public function end(\CloudAcct\Actor $admin, int $planId, string $lastPeriod): void {}

    /** The plan with its prices and pauses, paid_through ("YYYY-MM", 已缴至). */
    public function get(\CloudAcct\Actor $actor, int $planId): array {}

    /** The client's plans, newest first. */
    public function list(\CloudAcct\Actor $actor, int $clientId): array {}
}

/**
 * Bills (账单): one per (client, plan, period), made by the billing run; manual one-off bills;
 * waivers and voids.
 *
 * @strict-properties
 * @not-serializable
 */
final class Billing
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Admin or system: bills every active plan whose cycle starts in $period. Idempotent: a rerun,
     * or a run from another process at the same time, creates nothing twice. Works in chunks of
     * $options["chunk"] plans (1..5000, default 1000), each in one transaction; stops after
     * $options["max_chunks"] chunks (0 = to the end) so a scheduler can run it in slices. A run
     * that another live process holds returns at once with "busy" => true.
     * Returns the progress: period, status (running|done), plans_total, plans_done, bills_created,
     * amount_fen, busy, created_now (bills made by this call).
     */
    public function run(\CloudAcct\Actor $actor, string $period, array $options = []): array {}

    /** Admin: the progress of the run for $period (as run() returns it), or null. */
    public function progress(\CloudAcct\Actor $actor, string $period): ?array {}

    /**
     * Admin: a one-off bill (e.g. 工商年报费, or an opening balance). $data: amount_fen, title,
     * due_date ("YYYY-MM-DD"), period ("YYYY-MM", default this month), key (≤ 32: the same key
     * again returns the same bill instead of a second one). Returns the bill id.
     */
    public function issue(\CloudAcct\Actor $admin, int $clientId, array $data): int {}

    public function bill(\CloudAcct\Actor $actor, int $billId): array {}

    /**
     * The client's bills, newest period first. Filters: status (open|paid|waived|void), plan_id.
     * Returns ["total" => int, "items" => list<array>].
     */
    public function bills(\CloudAcct\Actor $actor, int $clientId, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /** Admin: forgives part or all of what is still owed on a bill (减免). Returns the entry id. */
    public function waive(\CloudAcct\Actor $admin, int $billId, int $amountFen, string $reason): int {}

    /**
     * Admin: cancels a bill issued by mistake: its charge and waivers are reversed and what was
     * paid on it becomes credit (applied to other open bills, oldest first).
     */
    public function cancel(\CloudAcct\Actor $admin, int $billId, string $reason): void {}
}

/**
 * The client's account: balance, credit, arrears with aging, 已缴至, the entries; corrections.
 *
 * @strict-properties
 * @not-serializable
 */
final class Accounts
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * balance_fen (what the client owes; negative = credit), outstanding_fen (open bills),
     * credit_fen (paid but not yet applied), overdue_fen, aging (bucket => fen for not_due, 1_30,
     * 31_60, 61_90, 90_plus), open_bills, oldest_open_due, paid_through ("YYYY-MM" or "").
     */
    public function summary(\CloudAcct\Actor $actor, int $clientId): array {}

    /** Ledger entries, newest first: ["total" => int, "items" => list<array>]. */
    public function entries(\CloudAcct\Actor $actor, int $clientId, int $page = 1, int $perPage = 20): array {}

    /**
     * Admin: a credit note (e.g. a goodwill discount) of $amountFen > 0, applied to open bills
     * oldest first like a payment. $key (≤ 64) makes a retry a no-op. Returns the payment id.
     */
    public function credit(\CloudAcct\Actor $admin, int $clientId, int $amountFen, string $reason, string $key): int {}

    /**
     * Admin: reverses one entry (a payment recorded by mistake, a charge, a waiver, a credit
     * note). Refund and order entries are not reversed here (refund, or let the order flow do it).
     * Returns the reversal's entry id.
     */
    public function reverse(\CloudAcct\Actor $admin, int $entryId, string $reason): int {}

    /**
     * Admin or system: checks, for one client (or every client with $clientId 0), that the summary
     * equals the entries and that bills and payments agree with the allocations.
     * Returns ["clients" => int, "mismatches" => list<array>] (empty when all is well).
     */
    public function reconcile(\CloudAcct\Actor $actor, int $clientId = 0): array {}
}

/**
 * Payments (收款) through 微擎, WeChat Pay v3 or offline; receipts; refunds.
 *
 * @strict-properties
 * @not-serializable
 */
final class Payments
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * A client contact (or staff/admin for the client) starts an online payment. $target: one of
     * ["bill_id" => int], ["order_id" => int], ["amount_fen" => int] (pay towards the account).
     * Returns the intent: tid/out_trade_no, fee (yuan string for 微擎's $this->pay()), fee_fen,
     * title, channel (weengine|wechat_v3), status, expires_at. A pending intent for the same
     * target and amount is returned again.
     * With payment_mode wechat_v3 the target also names the payer: "openid" (of wxpay_appid, the
     * official account or the mini program). The extension orders the prepay from WeChat Pay
     * (/v3/pay/transactions/jsapi, after the intent is committed) and the intent carries "pay":
     * appId, timeStamp, nonceStr, package ("prepay_id=…"), signType ("RSA"), paySign — for
     * WeixinJSBridge getBrandWCPayRequest or wx.requestPayment as they are. A prepay_id is reused
     * while it is valid (2 h), renewed with the identical request after that.
     */
    public function checkout(\CloudAcct\Actor $actor, int $clientId, array $target): array {}

    /**
     * System: what the module's payResult($ret) passes on, unchanged (tid, fee, from, result,
     * uniontid, transaction_id, type, user, paytime…). Settles the intent exactly once when
     * from=notify and result=success; from=return never settles (it only reports). Returns
     * ["status" => settled|already_settled|return_ignored|pending, "payment_id" => int,
     * "target_kind", "target_id", "receipt_no"].
     */
    public function weengineResult(\CloudAcct\Actor $system, array $ret): array {}

    /**
     * Staff (for their clients) or admin: money received outside the system. $receiptNo is the
     * paper receipt / bank reference (≤ 64) and the idempotency key: recording it again returns
     * the first payment. $options: bill_id (pay this bill first), method (cash|transfer|wechat|
     * alipay|other), paid_at (unix time, default now, not in the future), note (≤ 255), payer (≤ 64).
     * Returns the payment (with "duplicate" => true for a repeat).
     */
    public function recordOffline(\CloudAcct\Actor $actor, int $clientId, int $amountFen, string $receiptNo, array $options = []): array {}

    public function get(\CloudAcct\Actor $actor, int $paymentId): array {}

    /** The client's payments, newest first: ["total" => int, "items" => list<array>]. */
    public function list(\CloudAcct\Actor $actor, int $clientId, int $page = 1, int $perPage = 20): array {}

    /**
     * The receipt (收据) of a payment: receipt_no, firm, company, amount_fen, amount ("12.34"),
     * amount_words (人民币大写), channel, method, paid_at, bills (what it paid), recorded_by.
     */
    public function receipt(\CloudAcct\Actor $actor, int $paymentId): array {}

    /**
     * Admin: gives back $amountFen of a payment (never more than was paid and not yet refunded).
     * Offline: recorded as done. 微擎: pending until weengineRefundResult() (the glue calls
     * $this->refund(tid, fee) with the returned tid and fee). WeChat Pay v3: requested from
     * WeChat Pay now, settled by its refund notify or queryRefund(). Returns the refund.
     */
    public function refund(\CloudAcct\Actor $admin, int $paymentId, int $amountFen, string $reason): array {}

    /**
     * System: what the module's refundResult($ret) passes on (refund_no or tid + fee, result).
     * A failed refund gives the money back to the payment. Returns the refund.
     */
    public function weengineRefundResult(\CloudAcct\Actor $system, array $ret): array {}

    /** The refunds of a payment. */
    public function refunds(\CloudAcct\Actor $actor, int $paymentId): array {}

    /**
     * System: a WeChat Pay v3 notification as the glue received it — the request headers (any
     * spelling: getallheaders() or $_SERVER's HTTP_WECHATPAY_*) and the raw body. Verifies the
     * signature (platform key by Wechatpay-Serial, timestamp within 5 minutes) over the raw body,
     * decrypts the resource with the APIv3 key, checks mchid/appid, out_trade_no and the amount
     * against the intent, and settles it exactly once (TRANSACTION.SUCCESS) or settles the refund
     * (REFUND.SUCCESS / REFUND.CLOSED; REFUND.ABNORMAL stays pending). Never throws for what
     * WeChat Pay sent: returns ["status" => HTTP status to answer, "body" => the exact reply body
     * ("" with 204, {"code":"FAIL","message":"失败"} otherwise), "outcome" => settled|
     * already_settled|settled_as_credit|refund_succeeded|refund_failed|refund_pending|ignored|
     * missing_headers|unknown_serial|stale_timestamp|bad_signature|malformed|decrypt_failed|
     * mchid_mismatch|appid_mismatch|amount_mismatch|unknown_out_trade_no|unknown_out_refund_no|
     * not_configured|error, …details]. 4xx/5xx make WeChat Pay retry later.
     */
    public function wechatNotify(\CloudAcct\Actor $system, array $headers, string $body): array {}

    /**
     * The system, an admin, or whoever may see the client: asks WeChat Pay about an intent
     * (GET /v3/pay/transactions/out-trade-no/…) and settles it when it was paid — the same
     * settlement as the notify, so a notify and a query racing settle once. Returns out_trade_no,
     * trade_state (SUCCESS, NOTPAY, CLOSED, … or ORDER_NOT_EXIST), status (the intent's, or
     * settled|already_settled|settled_as_credit), payment_id.
     */
    public function wechatQuery(\CloudAcct\Actor $actor, string $outTradeNo): array {}

    /**
     * Admin or system: closes a pending WeChat Pay v3 intent at WeChat Pay and here (nothing can
     * be paid under it afterwards). Returns out_trade_no, status, closed_now.
     */
    public function wechatClose(\CloudAcct\Actor $actor, string $outTradeNo): array {}

    /**
     * Admin or system: the state of a pending WeChat Pay v3 refund from WeChat Pay
     * (GET /v3/refund/domestic/refunds/…), applied to the refund; a request WeChat Pay never got
     * is sent again under the same out_refund_no (refunded at most once). Returns the refund.
     */
    public function wechatQueryRefund(\CloudAcct\Actor $actor, string $outRefundNo): array {}
}

/**
 * Dunning (催费): reminders before and after the due date, per the dunning_steps setting, as
 * outbox rows; staff "remind now".
 *
 * @strict-properties
 * @not-serializable
 */
final class Dunning
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * System: queues the reminders that are due, at most one per (bill, step), never inside the
     * quiet hours. Safe from several processes at once (bills are claimed with a lease).
     * Returns ["queued" => int, "skipped" => int, "quiet" => bool].
     */
    public function runDue(\CloudAcct\Actor $system, int $limit = 100): array {}

    /**
     * Staff (their clients) or admin: reminds the company's contacts of everything open now.
     * At most once per remind_now_hours per company; not inside quiet hours. Returns the log row.
     */
    public function remindNow(\CloudAcct\Actor $actor, int $clientId): array {}

    /**
     * The reminder log, newest first. Filters: client_id (staff must give one of theirs),
     * bill_id, kind (auto|manual). Returns ["total" => int, "items" => list<array>].
     */
    public function log(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /**
     * Admin: checks a template (the dunning_template_* settings) and renders it with sample
     * values. Variables: company, amount, periods, due_date, days_overdue, pay_link, firm.
     */
    public function preview(\CloudAcct\Actor $admin, string $template): string {}

    /** System (the notices sender, before sending): is any of these bills still unpaid? */
    public function stillDue(\CloudAcct\Actor $system, array $billIds): bool {}
}

/**
 * Reports: arrears (欠费) with aging, collections (收款) by period, CSV exports.
 *
 * @strict-properties
 * @not-serializable
 */
final class Reports
{
    public function __construct(\CloudAcct\Store $store) {}

    /**
     * Admin (their stores) or staff (their clients): clients who owe money, oldest debt first.
     * Filters: store_id, accountant_id, aging (not_due|1_30|31_60|61_90|90_plus|overdue).
     * Returns ["total" => int, "items" => list<array>] with outstanding_fen, overdue_fen, the
     * aging buckets and oldest_open_due per client.
     */
    public function arrears(\CloudAcct\Actor $actor, array $filter = [], int $page = 1, int $perPage = 20): array {}

    /**
     * The totals of the same list in one aggregate (for the dashboard): ["clients" => how many
     * owe, "outstanding_fen" => what they owe together, "balance_fen" => net of their credit].
     * Same actors, scope and filters as arrears().
     */
    public function arrearsTotal(\CloudAcct\Actor $actor, array $filter = []): array {}

    /**
     * Admin or staff: money in and out per month from $from to $to ("YYYY-MM", at most 36
     * months). Filters: store_id, accountant_id. Returns a list of ["period", "channel",
     * "payments", "received_fen", "refunded_fen", "net_fen"] plus a total row (period "total").
     */
    public function collections(\CloudAcct\Actor $actor, string $from, string $to, array $filter = []): array {}

    /** The arrears list (same filters, every page) as CSV, UTF-8 with BOM, formula-safe. */
    public function arrearsCsv(\CloudAcct\Actor $actor, array $filter = []): string {}

    /** The collections report as CSV. */
    public function collectionsCsv(\CloudAcct\Actor $actor, string $from, string $to, array $filter = []): string {}
}

/**
 * WeChat Pay API v3 signing, byte for byte as the payment client uses it (wechat-protocols.md §1):
 * for the reference's vectors, diagnostics and a front end that must agree with the extension.
 * Keys are PEM strings; nothing here reads the settings or the network.
 *
 * @not-serializable
 */
final class WxPay
{
    private function __construct() {}

    /**
     * The Authorization header value "WECHATPAY2-SHA256-RSA2048 mchid=…,nonce_str=…,timestamp=…,
     * serial_no=…,signature=…" for a request: the signature is Base64 RSA-SHA256 over
     * "METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n" ($canonicalUrl is the path plus "?query" as sent).
     */
    public static function authorization(string $mchid, string $serialNo, #[\SensitiveParameter] string $privateKeyPem, string $method, string $canonicalUrl, int $timestamp, string $nonce, string $body): string {}

    /** The JSAPI / mini-program paySign: Base64 RSA-SHA256 over "appId\ntimeStamp\nnonceStr\npackage\n". */
    public static function paySign(#[\SensitiveParameter] string $privateKeyPem, string $appId, string $timeStamp, string $nonceStr, string $package): string {}

    /**
     * Checks a signed answer or notification: $platformKeys as the wxpay_platform_keys setting
     * ([["serial" => …, "public_key" => PEM]]), $headers in any spelling (Wechatpay-Serial,
     * wechatpay-serial, HTTP_WECHATPAY_SERIAL), $now Unix seconds. Returns "ok", "missing_headers",
     * "unknown_serial", "stale_timestamp" (more than 300 s off) or "bad_signature" (also every
     * WECHATPAY/SIGNTEST/ probe).
     */
    public static function verify(array $platformKeys, array $headers, string $body, int $now): string {}

    /**
     * Decrypts a notification's resource (algorithm AEAD_AES_256_GCM, ciphertext, nonce,
     * associated_data) with the 32-character APIv3 key. SignatureException when it does not verify.
     */
    public static function decrypt(#[\SensitiveParameter] string $apiV3Key, array $resource): string {}
}
