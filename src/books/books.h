/* The books area's C API for other areas: the work area asks it whether a filing job may be
 * completed (docs/books.md). */
#ifndef CLOUDACCT_BOOKS_H
#define CLOUDACCT_BOOKS_H

#include "php.h"
#include "../context/context.h"

/* The filing job waits for the client's tax confirmation (税金确认). Called inside the job's
 * complete transition (its transaction). A job waits when it is a recurring job (source
 * "recurring") of the filing type (setting books_filing_job_type, default 报税), and the books
 * of its client for the period it declares (its recur_key month minus books_filing_offset
 * months, default 1: the November 报税 declares October) either are published asking for a
 * confirmation the client has not given (pending or disputed), or are a draft marked as needing
 * one and not yet published. Then InvalidTransitionException (currentState = job_state) and
 * FAILURE; otherwise SUCCESS. The book row is read with FOR UPDATE, so a concurrent
 * republication (which asks again) is ordered with the completion. */
zend_result cloudacct_books_filing_check(cloudacct_store *s, zend_long job_id, zend_long client_id, const char *source,
	size_t source_len, const char *type, size_t type_len, const char *job_state);

void cloudacct_books_minit(void);

#endif
