/* The money area's classes (CloudAcct\Ledger\*): registration. The methods live in plans.c,
 * billing.c, accounts.c, payments.c, dunning.c, reports.c and wxpay.c; the ledger transaction in
 * ledger.c; what they share in common.c. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_attributes.h"
#include "money.h"
#include "../context/area.h"
#include "money_arginfo.h"

void cloudacct_money_minit(void)
{
	cloudacct_area_register(register_class_CloudAcct_Ledger_Plans());
	cloudacct_area_register(register_class_CloudAcct_Ledger_Billing());
	cloudacct_area_register(register_class_CloudAcct_Ledger_Accounts());
	cloudacct_area_register(register_class_CloudAcct_Ledger_Payments());
	cloudacct_area_register(register_class_CloudAcct_Ledger_Dunning());
	cloudacct_area_register(register_class_CloudAcct_Ledger_Reports());
	register_class_CloudAcct_Ledger_WxPay();
}
