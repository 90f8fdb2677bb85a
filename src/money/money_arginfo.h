/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 8d2f92cb6ef3cf3a0cebcf10be37effba49af33e */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Ledger_Plans___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, store, CloudAcct\\Store, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Plans_create, 0, 3, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Plans_changePrice, 0, 4, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, planId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, amountFen, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Plans_pause, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, planId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Plans_resume arginfo_class_CloudAcct_Ledger_Plans_pause

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Plans_end, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, planId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, lastPeriod, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Plans_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, planId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Plans_list, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Billing___construct arginfo_class_CloudAcct_Ledger_Plans___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Billing_run, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, period, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Billing_progress, 0, 2, IS_ARRAY, 1)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, period, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Billing_issue arginfo_class_CloudAcct_Ledger_Plans_create

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Billing_bill, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, billId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Billing_bills, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Billing_waive, 0, 4, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, billId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, amountFen, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Billing_cancel, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, billId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Accounts___construct arginfo_class_CloudAcct_Ledger_Plans___construct

#define arginfo_class_CloudAcct_Ledger_Accounts_summary arginfo_class_CloudAcct_Ledger_Plans_list

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Accounts_entries, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Accounts_credit, 0, 5, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, amountFen, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Accounts_reverse, 0, 3, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, entryId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Accounts_reconcile, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, clientId, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Payments___construct arginfo_class_CloudAcct_Ledger_Plans___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Payments_checkout, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, target, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Payments_weengineResult, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, system, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, ret, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Payments_recordOffline, 0, 4, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, clientId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, amountFen, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, receiptNo, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Payments_get, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, paymentId, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Payments_list arginfo_class_CloudAcct_Ledger_Accounts_entries

#define arginfo_class_CloudAcct_Ledger_Payments_receipt arginfo_class_CloudAcct_Ledger_Payments_get

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Payments_refund, 0, 4, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, paymentId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, amountFen, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Payments_weengineRefundResult arginfo_class_CloudAcct_Ledger_Payments_weengineResult

#define arginfo_class_CloudAcct_Ledger_Payments_refunds arginfo_class_CloudAcct_Ledger_Payments_get

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Payments_wechatNotify, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, system, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, headers, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Payments_wechatQuery, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, outTradeNo, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Payments_wechatClose arginfo_class_CloudAcct_Ledger_Payments_wechatQuery

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Payments_wechatQueryRefund, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, outRefundNo, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Dunning___construct arginfo_class_CloudAcct_Ledger_Plans___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Dunning_runDue, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, system, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "100")
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Dunning_remindNow arginfo_class_CloudAcct_Ledger_Plans_list

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Dunning_log, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, page, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, perPage, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Dunning_preview, 0, 2, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, admin, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, template, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Dunning_stillDue, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_OBJ_INFO(0, system, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, billIds, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_CloudAcct_Ledger_Reports___construct arginfo_class_CloudAcct_Ledger_Plans___construct

#define arginfo_class_CloudAcct_Ledger_Reports_arrears arginfo_class_CloudAcct_Ledger_Dunning_log

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Reports_arrearsTotal, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Reports_collections, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, to, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Reports_arrearsCsv, 0, 1, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_Reports_collectionsCsv, 0, 3, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, actor, CloudAcct\\Actor, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, to, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_CloudAcct_Ledger_WxPay___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_WxPay_authorization, 0, 8, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, mchid, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, serialNo, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, privateKeyPem, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, method, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, canonicalUrl, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, timestamp, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, nonce, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_WxPay_paySign, 0, 5, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, privateKeyPem, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, appId, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, timeStamp, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, nonceStr, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, package, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_WxPay_verify, 0, 4, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, platformKeys, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, headers, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, now, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_CloudAcct_Ledger_WxPay_decrypt, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, apiV3Key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, resource, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(CloudAcct_Ledger_Plans, __construct);
ZEND_METHOD(CloudAcct_Ledger_Plans, create);
ZEND_METHOD(CloudAcct_Ledger_Plans, changePrice);
ZEND_METHOD(CloudAcct_Ledger_Plans, pause);
ZEND_METHOD(CloudAcct_Ledger_Plans, resume);
ZEND_METHOD(CloudAcct_Ledger_Plans, end);
ZEND_METHOD(CloudAcct_Ledger_Plans, get);
ZEND_METHOD(CloudAcct_Ledger_Plans, list);
ZEND_METHOD(CloudAcct_Ledger_Billing, __construct);
ZEND_METHOD(CloudAcct_Ledger_Billing, run);
ZEND_METHOD(CloudAcct_Ledger_Billing, progress);
ZEND_METHOD(CloudAcct_Ledger_Billing, issue);
ZEND_METHOD(CloudAcct_Ledger_Billing, bill);
ZEND_METHOD(CloudAcct_Ledger_Billing, bills);
ZEND_METHOD(CloudAcct_Ledger_Billing, waive);
ZEND_METHOD(CloudAcct_Ledger_Billing, cancel);
ZEND_METHOD(CloudAcct_Ledger_Accounts, __construct);
ZEND_METHOD(CloudAcct_Ledger_Accounts, summary);
ZEND_METHOD(CloudAcct_Ledger_Accounts, entries);
ZEND_METHOD(CloudAcct_Ledger_Accounts, credit);
ZEND_METHOD(CloudAcct_Ledger_Accounts, reverse);
ZEND_METHOD(CloudAcct_Ledger_Accounts, reconcile);
ZEND_METHOD(CloudAcct_Ledger_Payments, __construct);
ZEND_METHOD(CloudAcct_Ledger_Payments, checkout);
ZEND_METHOD(CloudAcct_Ledger_Payments, weengineResult);
ZEND_METHOD(CloudAcct_Ledger_Payments, recordOffline);
ZEND_METHOD(CloudAcct_Ledger_Payments, get);
ZEND_METHOD(CloudAcct_Ledger_Payments, list);
ZEND_METHOD(CloudAcct_Ledger_Payments, receipt);
ZEND_METHOD(CloudAcct_Ledger_Payments, refund);
ZEND_METHOD(CloudAcct_Ledger_Payments, weengineRefundResult);
ZEND_METHOD(CloudAcct_Ledger_Payments, refunds);
ZEND_METHOD(CloudAcct_Ledger_Payments, wechatNotify);
ZEND_METHOD(CloudAcct_Ledger_Payments, wechatQuery);
ZEND_METHOD(CloudAcct_Ledger_Payments, wechatClose);
ZEND_METHOD(CloudAcct_Ledger_Payments, wechatQueryRefund);
ZEND_METHOD(CloudAcct_Ledger_Dunning, __construct);
ZEND_METHOD(CloudAcct_Ledger_Dunning, runDue);
ZEND_METHOD(CloudAcct_Ledger_Dunning, remindNow);
ZEND_METHOD(CloudAcct_Ledger_Dunning, log);
ZEND_METHOD(CloudAcct_Ledger_Dunning, preview);
ZEND_METHOD(CloudAcct_Ledger_Dunning, stillDue);
ZEND_METHOD(CloudAcct_Ledger_Reports, __construct);
ZEND_METHOD(CloudAcct_Ledger_Reports, arrears);
ZEND_METHOD(CloudAcct_Ledger_Reports, arrearsTotal);
ZEND_METHOD(CloudAcct_Ledger_Reports, collections);
ZEND_METHOD(CloudAcct_Ledger_Reports, arrearsCsv);
ZEND_METHOD(CloudAcct_Ledger_Reports, collectionsCsv);
ZEND_METHOD(CloudAcct_Ledger_WxPay, __construct);
ZEND_METHOD(CloudAcct_Ledger_WxPay, authorization);
ZEND_METHOD(CloudAcct_Ledger_WxPay, paySign);
ZEND_METHOD(CloudAcct_Ledger_WxPay, verify);
ZEND_METHOD(CloudAcct_Ledger_WxPay, decrypt);


static const zend_function_entry class_CloudAcct_Ledger_Plans_methods[] = {
	ZEND_ME(CloudAcct_Ledger_Plans, __construct, arginfo_class_CloudAcct_Ledger_Plans___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Plans, create, arginfo_class_CloudAcct_Ledger_Plans_create, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Plans, changePrice, arginfo_class_CloudAcct_Ledger_Plans_changePrice, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Plans, pause, arginfo_class_CloudAcct_Ledger_Plans_pause, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Plans, resume, arginfo_class_CloudAcct_Ledger_Plans_resume, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Plans, end, arginfo_class_CloudAcct_Ledger_Plans_end, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Plans, get, arginfo_class_CloudAcct_Ledger_Plans_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Plans, list, arginfo_class_CloudAcct_Ledger_Plans_list, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Ledger_Billing_methods[] = {
	ZEND_ME(CloudAcct_Ledger_Billing, __construct, arginfo_class_CloudAcct_Ledger_Billing___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Billing, run, arginfo_class_CloudAcct_Ledger_Billing_run, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Billing, progress, arginfo_class_CloudAcct_Ledger_Billing_progress, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Billing, issue, arginfo_class_CloudAcct_Ledger_Billing_issue, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Billing, bill, arginfo_class_CloudAcct_Ledger_Billing_bill, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Billing, bills, arginfo_class_CloudAcct_Ledger_Billing_bills, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Billing, waive, arginfo_class_CloudAcct_Ledger_Billing_waive, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Billing, cancel, arginfo_class_CloudAcct_Ledger_Billing_cancel, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Ledger_Accounts_methods[] = {
	ZEND_ME(CloudAcct_Ledger_Accounts, __construct, arginfo_class_CloudAcct_Ledger_Accounts___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Accounts, summary, arginfo_class_CloudAcct_Ledger_Accounts_summary, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Accounts, entries, arginfo_class_CloudAcct_Ledger_Accounts_entries, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Accounts, credit, arginfo_class_CloudAcct_Ledger_Accounts_credit, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Accounts, reverse, arginfo_class_CloudAcct_Ledger_Accounts_reverse, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Accounts, reconcile, arginfo_class_CloudAcct_Ledger_Accounts_reconcile, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Ledger_Payments_methods[] = {
	ZEND_ME(CloudAcct_Ledger_Payments, __construct, arginfo_class_CloudAcct_Ledger_Payments___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, checkout, arginfo_class_CloudAcct_Ledger_Payments_checkout, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, weengineResult, arginfo_class_CloudAcct_Ledger_Payments_weengineResult, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, recordOffline, arginfo_class_CloudAcct_Ledger_Payments_recordOffline, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, get, arginfo_class_CloudAcct_Ledger_Payments_get, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, list, arginfo_class_CloudAcct_Ledger_Payments_list, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, receipt, arginfo_class_CloudAcct_Ledger_Payments_receipt, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, refund, arginfo_class_CloudAcct_Ledger_Payments_refund, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, weengineRefundResult, arginfo_class_CloudAcct_Ledger_Payments_weengineRefundResult, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, refunds, arginfo_class_CloudAcct_Ledger_Payments_refunds, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, wechatNotify, arginfo_class_CloudAcct_Ledger_Payments_wechatNotify, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, wechatQuery, arginfo_class_CloudAcct_Ledger_Payments_wechatQuery, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, wechatClose, arginfo_class_CloudAcct_Ledger_Payments_wechatClose, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Payments, wechatQueryRefund, arginfo_class_CloudAcct_Ledger_Payments_wechatQueryRefund, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Ledger_Dunning_methods[] = {
	ZEND_ME(CloudAcct_Ledger_Dunning, __construct, arginfo_class_CloudAcct_Ledger_Dunning___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Dunning, runDue, arginfo_class_CloudAcct_Ledger_Dunning_runDue, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Dunning, remindNow, arginfo_class_CloudAcct_Ledger_Dunning_remindNow, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Dunning, log, arginfo_class_CloudAcct_Ledger_Dunning_log, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Dunning, preview, arginfo_class_CloudAcct_Ledger_Dunning_preview, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Dunning, stillDue, arginfo_class_CloudAcct_Ledger_Dunning_stillDue, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Ledger_Reports_methods[] = {
	ZEND_ME(CloudAcct_Ledger_Reports, __construct, arginfo_class_CloudAcct_Ledger_Reports___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Reports, arrears, arginfo_class_CloudAcct_Ledger_Reports_arrears, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Reports, arrearsTotal, arginfo_class_CloudAcct_Ledger_Reports_arrearsTotal, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Reports, collections, arginfo_class_CloudAcct_Ledger_Reports_collections, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Reports, arrearsCsv, arginfo_class_CloudAcct_Ledger_Reports_arrearsCsv, ZEND_ACC_PUBLIC)
	ZEND_ME(CloudAcct_Ledger_Reports, collectionsCsv, arginfo_class_CloudAcct_Ledger_Reports_collectionsCsv, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_CloudAcct_Ledger_WxPay_methods[] = {
	ZEND_ME(CloudAcct_Ledger_WxPay, __construct, arginfo_class_CloudAcct_Ledger_WxPay___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(CloudAcct_Ledger_WxPay, authorization, arginfo_class_CloudAcct_Ledger_WxPay_authorization, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Ledger_WxPay, paySign, arginfo_class_CloudAcct_Ledger_WxPay_paySign, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Ledger_WxPay, verify, arginfo_class_CloudAcct_Ledger_WxPay_verify, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(CloudAcct_Ledger_WxPay, decrypt, arginfo_class_CloudAcct_Ledger_WxPay_decrypt, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_CloudAcct_Ledger_Plans(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Ledger", "Plans", class_CloudAcct_Ledger_Plans_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Ledger_Billing(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Ledger", "Billing", class_CloudAcct_Ledger_Billing_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Ledger_Accounts(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Ledger", "Accounts", class_CloudAcct_Ledger_Accounts_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Ledger_Payments(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Ledger", "Payments", class_CloudAcct_Ledger_Payments_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Ledger_Dunning(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Ledger", "Dunning", class_CloudAcct_Ledger_Dunning_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Ledger_Reports(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Ledger", "Reports", class_CloudAcct_Ledger_Reports_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_CloudAcct_Ledger_WxPay(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "CloudAcct\\Ledger", "WxPay", class_CloudAcct_Ledger_WxPay_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "authorization", sizeof("authorization") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "paysign", sizeof("paysign") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "decrypt", sizeof("decrypt") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
