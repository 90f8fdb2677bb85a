/* The floor: the same SQL as bench/db_ops.php, issued by a bare libmariadb loop with prepared
 * statements (what no PHP code can beat). Usage: db_floor SOCKET USER PASSWORD DB N
 * Prints one line per operation: "<op> <ops/s>". */
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(MYSQL *m, const char *what)
{
	fprintf(stderr, "%s: %s\n", what, mysql_error(m));
	exit(1);
}

static MYSQL_STMT *prepare(MYSQL *m, const char *sql)
{
	MYSQL_STMT *st = mysql_stmt_init(m);
	if (!st || mysql_stmt_prepare(st, sql, strlen(sql))) {
		die(m, sql);
	}
	return st;
}

static void bind_long(MYSQL_BIND *b, long long *v)
{
	memset(b, 0, sizeof(*b));
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = v;
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: db_floor SOCKET USER PASSWORD DB N\n");
		return 2;
	}
	long n = atol(argv[5]);
	MYSQL *m = mysql_init(NULL);
	if (!mysql_real_connect(m, NULL, argv[2], argv[3], argv[4], 0, argv[1], CLIENT_FOUND_ROWS)) {
		die(m, "connect");
	}
	mysql_set_character_set(m, "utf8mb4");

	/* 1. point select: 5 columns of one job */
	MYSQL_STMT *sel = prepare(m, "SELECT id, uniacid, status, staff_id, title FROM bench_job WHERE uniacid = ? AND id = ?");
	long long uniacid = 1, id = 0, staff = 7;
	MYSQL_BIND pb[3];
	bind_long(&pb[0], &uniacid);
	bind_long(&pb[1], &id);
	mysql_stmt_bind_param(sel, pb);
	long long r_id, r_uni, r_staff;
	char r_status[32], r_title[256];
	unsigned long l_status, l_title;
	my_bool nulls[5];
	MYSQL_BIND rb[5];
	memset(rb, 0, sizeof(rb));
	bind_long(&rb[0], &r_id);
	bind_long(&rb[1], &r_uni);
	rb[2].buffer_type = MYSQL_TYPE_STRING; rb[2].buffer = r_status; rb[2].buffer_length = sizeof(r_status); rb[2].length = &l_status;
	bind_long(&rb[3], &r_staff);
	rb[4].buffer_type = MYSQL_TYPE_STRING; rb[4].buffer = r_title; rb[4].buffer_length = sizeof(r_title); rb[4].length = &l_title;
	for (int i = 0; i < 5; i++) {
		rb[i].is_null = &nulls[i];
	}
	double t = now();
	for (long i = 0; i < n; i++) {
		id = 1 + i % 1000;
		if (mysql_stmt_execute(sel) || mysql_stmt_bind_result(sel, rb)) {
			die(m, "select");
		}
		while (mysql_stmt_fetch(sel) == 0) {
		}
		mysql_stmt_free_result(sel);
	}
	printf("select %.0f\n", n / (now() - t));

	/* 2. conditional update, the grab shape: open -> assigned, then back */
	MYSQL_STMT *grab = prepare(m, "UPDATE bench_job SET status = 'assigned', staff_id = ?, version = version + 1"
		" WHERE uniacid = ? AND id = ? AND status = 'open'");
	MYSQL_STMT *back = prepare(m, "UPDATE bench_job SET status = 'open', staff_id = 0, version = version + 1"
		" WHERE uniacid = ? AND id = ? AND status = 'assigned'");
	bind_long(&pb[0], &staff);
	bind_long(&pb[1], &uniacid);
	bind_long(&pb[2], &id);
	mysql_stmt_bind_param(grab, pb);
	mysql_stmt_bind_param(back, pb + 1);
	t = now();
	for (long i = 0; i < n; i += 2) {
		id = 1 + (i / 2) % 1000;
		if (mysql_stmt_execute(grab) || mysql_stmt_affected_rows(grab) != 1 || mysql_stmt_execute(back)
				|| mysql_stmt_affected_rows(back) != 1) {
			die(m, "update");
		}
	}
	printf("update %.0f\n", n / (now() - t));

	/* 3. append-only insert, the history shape */
	MYSQL_STMT *ins = prepare(m, "INSERT INTO bench_history (uniacid, job_id, from_state, to_state, at) VALUES (?, ?, ?, ?, ?)");
	char from[] = "open", to[] = "assigned";
	unsigned long lf = 4, lt = 8;
	long long at = 1800000000;
	MYSQL_BIND ib[5];
	bind_long(&ib[0], &uniacid);
	bind_long(&ib[1], &id);
	memset(&ib[2], 0, sizeof(ib[2])); ib[2].buffer_type = MYSQL_TYPE_STRING; ib[2].buffer = from; ib[2].length = &lf;
	memset(&ib[3], 0, sizeof(ib[3])); ib[3].buffer_type = MYSQL_TYPE_STRING; ib[3].buffer = to; ib[3].length = &lt;
	bind_long(&ib[4], &at);
	mysql_stmt_bind_param(ins, ib);
	t = now();
	for (long i = 0; i < n; i++) {
		id = 1 + i % 1000;
		if (mysql_stmt_execute(ins)) {
			die(m, "insert");
		}
	}
	printf("insert %.0f\n", n / (now() - t));
	mysql_stmt_close(sel);
	mysql_stmt_close(grab);
	mysql_stmt_close(back);
	mysql_stmt_close(ins);
	mysql_close(m);
	return 0;
}
