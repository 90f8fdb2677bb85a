/* The module's schema, versioned and compiled in. Each area appends its migrations here. */
#ifndef CLOUDACCT_SCHEMA_H
#define CLOUDACCT_SCHEMA_H

#include <stddef.h>

/* A migration is an ordered list of statements, each safe to run again (CREATE TABLE IF NOT
 * EXISTS; an ALTER guarded by `unless`, a query that returns a row when the change is already
 * there), because DDL commits implicitly and a process may die halfway. */
typedef struct {
	const char *sql;
	const char *unless; /* optional guard query, bound with one parameter: the table prefix */
} cloudacct_migration_step;

typedef struct {
	int version;
	const char *name;
	const cloudacct_migration_step *steps;
	size_t n_steps;
} cloudacct_migration;

extern const cloudacct_migration cloudacct_migrations[];
extern const size_t cloudacct_n_migrations;
/* Every module table, without prefix: for uninstall and for the "every table has uniacid" test. */
extern const char *const cloudacct_tables[];

#endif
