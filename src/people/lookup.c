/* The people lookups other areas call (people.h). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "people.h"
#include "../common/errors.h"

static zend_long row_long(zval *row, const char *key)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(row), key, strlen(key));
	return v && Z_TYPE_P(v) == IS_LONG ? Z_LVAL_P(v) : 0;
}

zend_result cloudacct_people_staff_get(cloudacct_store *s, zend_long staff_id, cloudacct_staff_info *out, bool *found)
{
	zval row;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(staff_id) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, store_id, open_job_cap, open_jobs, active, on_duty FROM {staff}"
			" WHERE uniacid = ? AND id = ?", p, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	*found = Z_TYPE(row) == IS_ARRAY;
	if (*found) {
		out->id = row_long(&row, "id");
		out->store_id = row_long(&row, "store_id");
		out->open_job_cap = row_long(&row, "open_job_cap");
		out->open_jobs = row_long(&row, "open_jobs");
		out->active = row_long(&row, "active") != 0;
		out->on_duty = row_long(&row, "on_duty") != 0;
	}
	zval_ptr_dtor(&row);
	return SUCCESS;
}

zend_result cloudacct_people_client_get(cloudacct_store *s, zend_long client_id, cloudacct_client_info *out, bool *found)
{
	zval row;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(s->uniacid), CLOUDACCT_PARAM_LONG(client_id) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT id, store_id, accountant_id, status = 'active' AS active FROM {client}"
			" WHERE uniacid = ? AND id = ?", p, 2, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	*found = Z_TYPE(row) == IS_ARRAY;
	if (*found) {
		out->id = row_long(&row, "id");
		out->store_id = row_long(&row, "store_id");
		out->accountant_id = row_long(&row, "accountant_id");
		out->active = row_long(&row, "active") != 0;
	}
	zval_ptr_dtor(&row);
	return SUCCESS;
}

zend_result cloudacct_people_contact_in_client(cloudacct_store *s, zend_long contact_id, zend_long client_id, bool *yes)
{
	zval v;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(client_id), CLOUDACCT_PARAM_LONG(contact_id),
		CLOUDACCT_PARAM_LONG(s->uniacid) };

	if (CLOUDACCT_DB_RUN(s->db, "SELECT 1 FROM {client_contact} WHERE client_id = ? AND contact_id = ? AND uniacid = ?",
			p, 3, CLOUDACCT_FETCH_VALUE, &v) == FAILURE) {
		return FAILURE;
	}
	*yes = Z_TYPE(v) == IS_LONG;
	return SUCCESS;
}

zend_result cloudacct_people_admin_may_store(cloudacct_store *s, zend_long we7_uid, zend_long store_id, bool *yes)
{
	zval row;
	cloudacct_param p[] = { CLOUDACCT_PARAM_LONG(store_id), CLOUDACCT_PARAM_LONG(s->uniacid),
		CLOUDACCT_PARAM_LONG(we7_uid) };

	/* One round trip: how many stores limit this admin, and is this one of them. */
	if (CLOUDACCT_DB_RUN(s->db, "SELECT COUNT(*) AS scoped, COALESCE(SUM(store_id = ?), 0) AS here FROM {admin_store}"
			" WHERE uniacid = ? AND we7_uid = ?", p, 3, CLOUDACCT_FETCH_ROW, &row) == FAILURE) {
		return FAILURE;
	}
	*yes = row_long(&row, "scoped") == 0 || zval_get_long(zend_hash_str_find(Z_ARRVAL(row), ZEND_STRL("here"))) > 0;
	zval_ptr_dtor(&row);
	return SUCCESS;
}

zend_result cloudacct_people_authorize_client(cloudacct_store *s, const cloudacct_actor *actor, zend_long client_id,
	cloudacct_client_info *out)
{
	cloudacct_client_info info;
	bool found, allowed = false;

	if (cloudacct_people_client_get(s, client_id, &info, &found) == FAILURE) {
		return FAILURE;
	}
	if (found) {
		switch (actor->kind) {
			case CLOUDACCT_ACTOR_SYSTEM:
				allowed = true;
				break;
			case CLOUDACCT_ACTOR_ADMIN:
				if (cloudacct_people_admin_may_store(s, actor->id, info.store_id, &allowed) == FAILURE) {
					return FAILURE;
				}
				break;
			case CLOUDACCT_ACTOR_STAFF:
				allowed = info.accountant_id == actor->id;
				break;
			case CLOUDACCT_ACTOR_CLIENT:
				if (cloudacct_people_contact_in_client(s, actor->id, client_id, &allowed) == FAILURE) {
					return FAILURE;
				}
				break;
		}
	}
	if (!allowed) {
		cloudacct_throw_not_found("客户不存在或无权查看 (client %ld not found)", (long) client_id);
		return FAILURE;
	}
	if (out) {
		*out = info;
	}
	return SUCCESS;
}

zend_result cloudacct_people_require_active_staff(cloudacct_store *s, const cloudacct_actor *actor,
	cloudacct_staff_info *out)
{
	bool found = false;

	if (actor->kind != CLOUDACCT_ACTOR_STAFF) {
		cloudacct_throw_forbidden("只有员工可以这样做 (staff only)");
		return FAILURE;
	}
	if (cloudacct_people_staff_get(s, actor->id, out, &found) == FAILURE) {
		return FAILURE;
	}
	if (!found || !out->active) {
		cloudacct_throw_forbidden("员工账号不存在或已停用 (staff %ld is not active)", (long) actor->id);
		return FAILURE;
	}
	return SUCCESS;
}
