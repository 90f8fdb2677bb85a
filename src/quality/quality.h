/* The quality area's C API for other areas: the work engine tells it when a job is done. */
#ifndef CLOUDACCT_QUALITY_H
#define CLOUDACCT_QUALITY_H

#include "php.h"
#include "../context/context.h"

/* A job was completed (in the caller's transaction): queues the "please rate" reminder
 * (template rating_request) to the job's contact, or, for a job no contact asked for, to the
 * company's contacts (at most 20). Once per job and contact (dedup key); nothing when the job is
 * already rated (a reopened and again completed job). */
zend_result cloudacct_quality_job_done(cloudacct_store *s, zend_long job_id, zend_long client_id, zend_long contact_id,
	const char *title, size_t title_len);

/* Registers CloudAcct\Quality\*; called from MINIT. */
void cloudacct_quality_minit(void);

#endif
