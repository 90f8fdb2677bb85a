/* The statement trace (INI cloudacct.db.trace = a file path; off when empty): every statement
 * that succeeded, with its tables expanded and its bound values, appended as one binary record.
 * It exists so the benchmark command can replay exactly the SQL an operation issued through a
 * bare C client loop and through PDO (bench/replay.c, bench/replay.php). It writes parameter
 * values — personal data — so it is a system setting for development machines only.
 *
 * Record (host byte order): u8 kind ('P' prepared, 'T' text), u32 sql length, sql bytes,
 * u16 parameter count, then per parameter u8 type (0 null, 1 int64, 2 double, 3 string) and
 * the value (8 bytes, or u32 length + bytes). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "php_cloudacct.h"
#include "link.h"
#include <fcntl.h>
#include <unistd.h>

static void put(smart_str *b, const void *p, size_t n)
{
	smart_str_appendl(b, (const char *) p, n);
}

void cloudacct_db_trace(const cloudacct_link *link, bool prepared, const char *sql, size_t sql_len,
	const cloudacct_param *params, uint32_t n_params)
{
	const char *path = CLOUDACCT_G(db_trace);
	if (!path || !*path) {
		return;
	}
	smart_str expanded = {0}, rec = {0};
	cloudacct_db_expand_tables(&expanded, sql, sql_len, link->cfg.prefix ? link->cfg.prefix : "");
	uint8_t kind = prepared ? 'P' : 'T';
	uint32_t len = (uint32_t) ZSTR_LEN(expanded.s);
	uint16_t n = (uint16_t) n_params;
	put(&rec, &kind, 1);
	put(&rec, &len, 4);
	put(&rec, ZSTR_VAL(expanded.s), len);
	put(&rec, &n, 2);
	for (uint32_t i = 0; i < n_params; i++) {
		const cloudacct_param *p = &params[i];
		uint8_t type = p->kind == CLOUDACCT_P_LONG ? 1 : p->kind == CLOUDACCT_P_DOUBLE ? 2 : p->kind == CLOUDACCT_P_STR ? 3 : 0;
		put(&rec, &type, 1);
		if (type == 1) {
			put(&rec, &p->l, 8);
		} else if (type == 2) {
			put(&rec, &p->d, 8);
		} else if (type == 3) {
			uint32_t sl = (uint32_t) p->len;
			put(&rec, &sl, 4);
			put(&rec, p->s, sl);
		}
	}
	/* One write per record with O_APPEND: records of concurrent processes never interleave. */
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0) {
		ssize_t w = write(fd, ZSTR_VAL(rec.s), ZSTR_LEN(rec.s));
		(void) w;
		close(fd);
	}
	smart_str_free(&expanded);
	smart_str_free(&rec);
}
