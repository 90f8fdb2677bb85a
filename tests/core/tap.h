/*
 * A tiny TAP producer for the core unit tests: one header, no library.
 *
 *   ok(cond, "name %d", i);        ok N - name / not ok N - name + file:line
 *   is_int(got, want, "name");     same, and prints both values on failure
 *   is_str(got, want, "name");
 *   plan(n); ... return done_testing();   exit status 1 if anything failed
 *
 * State lives in static variables: each test program includes this once.
 */
#ifndef CLOUDACCT_TESTS_TAP_H
#define CLOUDACCT_TESTS_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define TAP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define TAP_UNUSED __attribute__((unused))
#else
#define TAP_PRINTF(f, a)
#define TAP_UNUSED
#endif

static int tap_run, tap_failed, tap_planned = -1;

static TAP_UNUSED void plan(int n)
{
	tap_planned = n;
	printf("1..%d\n", n);
}

static TAP_PRINTF(4, 0) int tap_vok(int pass, const char *file, int line, const char *fmt,
									va_list ap)
{
	tap_run++;
	printf("%sok %d - ", pass ? "" : "not ", tap_run);
	vprintf(fmt, ap);
	printf("\n");
	if (!pass) {
		tap_failed++;
		printf("#   Failed test at %s:%d\n", file, line);
	}
	return pass;
}

static TAP_UNUSED TAP_PRINTF(4, 5) int tap_ok(int pass, const char *file, int line, const char *fmt,
											  ...)
{
	va_list ap;

	va_start(ap, fmt);
	pass = tap_vok(pass, file, line, fmt, ap);
	va_end(ap);
	return pass;
}

static TAP_UNUSED TAP_PRINTF(5, 6) int tap_is_int(int64_t got, int64_t want, const char *file,
												  int line, const char *fmt, ...)
{
	va_list ap;
	int pass;

	va_start(ap, fmt);
	pass = tap_vok(got == want, file, line, fmt, ap);
	va_end(ap);
	if (!pass) {
		printf("#          got: %" PRId64 "\n#     expected: %" PRId64 "\n", got, want);
	}
	return pass;
}

static TAP_UNUSED TAP_PRINTF(5, 6) int tap_is_str(const char *got, const char *want,
												  const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int pass = got != NULL && want != NULL ? strcmp(got, want) == 0 : got == want;

	va_start(ap, fmt);
	pass = tap_vok(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass) {
		printf("#          got: '%s'\n#     expected: '%s'\n", got ? got : "(null)",
			   want ? want : "(null)");
	}
	return pass;
}

/*
 * Printable copy of s (ASCII controls and '#' as \xNN) for test names, so
 * that a newline in an input cannot break the TAP stream. Rotating static
 * buffers: up to four may be used in one call.
 */
static TAP_UNUSED const char *tap_esc(const char *s)
{
	static char bufs[4][256];
	static int next;
	char *b = bufs[next++ % 4];
	size_t n = 0;

	for (; *s != '\0' && n + 5 < sizeof(bufs[0]); s++) {
		unsigned char c = (unsigned char) *s;
		if (c < 0x20 || c == 0x7F || c == '#') {
			n += (size_t) snprintf(b + n, 5, "\\x%02X", c);
		} else {
			b[n++] = (char) c;
		}
	}
	b[n] = '\0';
	return b;
}

static TAP_UNUSED void diag(const char *msg)
{
	printf("# %s\n", msg);
}

/* Print the plan if none was given; the exit status for main(). */
static TAP_UNUSED int done_testing(void)
{
	if (tap_planned < 0) {
		printf("1..%d\n", tap_run);
	} else if (tap_planned != tap_run) {
		printf("# planned %d tests but ran %d\n", tap_planned, tap_run);
		return 1;
	}
	if (tap_failed > 0) {
		printf("# failed %d of %d tests\n", tap_failed, tap_run);
	}
	return tap_failed > 0 ? 1 : 0;
}

#define ok(cond, ...) tap_ok((cond) ? 1 : 0, __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, ...)                                                                     \
	tap_is_int((int64_t) (got), (int64_t) (want), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) tap_is_str((got), (want), __FILE__, __LINE__, __VA_ARGS__)

#endif
