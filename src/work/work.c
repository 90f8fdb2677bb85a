/* The work area's classes (work.stub.php); their methods live in catalog.c, orders.c, jobs.c,
 * dispatch.c, progress.c, calendar.c, recurring.c and scheduler.c. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "internal.h"
#include "work.h"
#include "../context/area.h"
#include "../settings/settings.h"
#include "work_arginfo.h"

void cloudacct_work_minit(void)
{
	cloudacct_ce_Work_Catalog = register_class_CloudAcct_Work_Catalog();
	cloudacct_area_register(cloudacct_ce_Work_Catalog);
	cloudacct_ce_Work_Orders = register_class_CloudAcct_Work_Orders();
	cloudacct_area_register(cloudacct_ce_Work_Orders);
	cloudacct_ce_Work_Jobs = register_class_CloudAcct_Work_Jobs();
	cloudacct_area_register(cloudacct_ce_Work_Jobs);
	cloudacct_ce_Work_Calendar = register_class_CloudAcct_Work_Calendar();
	cloudacct_area_register(cloudacct_ce_Work_Calendar);
	cloudacct_ce_Work_Recurring = register_class_CloudAcct_Work_Recurring();
	cloudacct_area_register(cloudacct_ce_Work_Recurring);
	cloudacct_ce_Work_Scheduler = register_class_CloudAcct_Work_Scheduler();
	cloudacct_area_register(cloudacct_ce_Work_Scheduler);
	cloudacct_settings_add_check("work_calendar", cloudacct_work_calendar_check);
}
