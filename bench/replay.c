/* The floor for whole operations: replays a statement trace (cloudacct.db.trace, format in
 * src/db/trace.c) through a bare libmariadb loop — the same SQL with the same values, prepared
 * once per distinct statement and executed with bound parameters, every result read to the
 * client, transactions as recorded. What no PHP code issuing that SQL can beat.
 * Usage: replay SOCKET USER PASSWORD DB TRACE   Prints "<statements> <seconds>". */
#include <mysql.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
	char *sql;
	uint32_t len;
	MYSQL_STMT *st;
} cached;

static cached cache[512];
static int n_cached;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "replay: %s: %s\n", what, err);
	exit(1);
}

static MYSQL_STMT *statement(MYSQL *m, char *sql, uint32_t len)
{
	for (int i = 0; i < n_cached; i++) {
		if (cache[i].len == len && memcmp(cache[i].sql, sql, len) == 0) {
			return cache[i].st;
		}
	}
	if (n_cached == (int) (sizeof(cache) / sizeof(cache[0]))) {
		die("statement cache", "more than 512 distinct statements");
	}
	MYSQL_STMT *st = mysql_stmt_init(m);
	if (!st || mysql_stmt_prepare(st, sql, len)) {
		die(sql, mysql_error(m));
	}
	cache[n_cached++] = (cached){ sql, len, st };
	return st;
}

/* The trace, read whole; records are parsed in place. */
static char *load(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		die(path, "cannot open");
	}
	fseek(f, 0, SEEK_END);
	*size = (size_t) ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc(*size + 1);
	if (fread(buf, 1, *size, f) != *size) {
		die(path, "short read");
	}
	fclose(f);
	return buf;
}

#define TAKE(dst, n) do { memcpy((dst), p, (n)); p += (n); } while (0)

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: replay SOCKET USER PASSWORD DB TRACE\n");
		return 2;
	}
	size_t size;
	char *buf = load(argv[5], &size), *p = buf, *end = buf + size;
	MYSQL *m = mysql_init(NULL);
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (!mysql_real_connect(m, NULL, argv[2], argv[3], argv[4], 0, argv[1], 0)) {
		die("connect", mysql_error(m));
	}
	MYSQL_BIND binds[256];
	int64_t longs[256];
	double doubles[256];
	unsigned long lens[256];
	long statements = 0;
	double t0 = now();

	while (p < end) {
		uint8_t kind;
		uint32_t len;
		uint16_t n;
		TAKE(&kind, 1);
		TAKE(&len, 4);
		char *sql = p;
		p += len;
		TAKE(&n, 2);
		memset(binds, 0, sizeof(binds[0]) * n);
		for (uint16_t i = 0; i < n; i++) {
			uint8_t type;
			TAKE(&type, 1);
			if (type == 1) {
				TAKE(&longs[i], 8);
				binds[i].buffer_type = MYSQL_TYPE_LONGLONG;
				binds[i].buffer = &longs[i];
			} else if (type == 2) {
				TAKE(&doubles[i], 8);
				binds[i].buffer_type = MYSQL_TYPE_DOUBLE;
				binds[i].buffer = &doubles[i];
			} else if (type == 3) {
				uint32_t sl;
				TAKE(&sl, 4);
				binds[i].buffer_type = MYSQL_TYPE_STRING;
				binds[i].buffer = p;
				binds[i].buffer_length = lens[i] = sl;
				binds[i].length = &lens[i];
				p += sl;
			} else {
				binds[i].buffer_type = MYSQL_TYPE_NULL;
			}
		}
		statements++;
		if (kind == 'T') {
			if (mysql_real_query(m, sql, len)) {
				die("query", mysql_error(m));
			}
			MYSQL_RES *r = mysql_store_result(m);
			if (r) {
				mysql_free_result(r);
			}
			continue;
		}
		MYSQL_STMT *st = statement(m, sql, len);
		if ((n && mysql_stmt_bind_param(st, binds)) || mysql_stmt_execute(st)) {
			die("execute", mysql_stmt_error(st));
		}
		if (mysql_stmt_field_count(st) > 0) {
			if (mysql_stmt_store_result(st)) {
				die("store", mysql_stmt_error(st));
			}
			mysql_stmt_free_result(st);
		}
	}
	printf("%ld %.6f\n", statements, now() - t0);
	for (int i = 0; i < n_cached; i++) {
		mysql_stmt_close(cache[i].st);
	}
	mysql_close(m);
	free(buf);
	return 0;
}
