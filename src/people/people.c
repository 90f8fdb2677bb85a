/* The people area's classes: registration. The methods live in stores.c, staff.c, clients.c and
 * contacts.c; what they share in common.c. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_attributes.h"
#include "people.h"
#include "../context/area.h"
#include "people_arginfo.h"

void cloudacct_people_minit(void)
{
	cloudacct_area_register(register_class_CloudAcct_People_Stores());
	cloudacct_area_register(register_class_CloudAcct_People_Staff());
	cloudacct_area_register(register_class_CloudAcct_People_Clients());
	cloudacct_area_register(register_class_CloudAcct_People_Contacts());
}
