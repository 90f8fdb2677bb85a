/*
 * Shared helpers of the libFuzzer targets (tests/fuzz/fuzz_*.c). A target asserts properties
 * with FUZZ_CHECK: on failure it prints the property and aborts, which libFuzzer reports as a
 * crash and keeps the input. Inputs are consumed front to back with the fuzz_take_* readers;
 * reading past the end yields zeros, so every input is a valid one.
 */
#ifndef CLOUDACCT_FUZZ_H
#define CLOUDACCT_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                           \
		if (!(cond)) {                                                                             \
			fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);       \
			abort();                                                                               \
		}                                                                                          \
	} while (0)

typedef struct {
	const uint8_t *p;
	size_t left;
} fuzz_in;

static inline uint64_t fuzz_take_u64(fuzz_in *in, size_t bytes)
{
	uint64_t v = 0;
	for (size_t i = 0; i < bytes; i++) {
		v = (v << 8) | (in->left ? (in->left--, *in->p++) : 0);
	}
	return v;
}

static inline uint8_t fuzz_take_u8(fuzz_in *in)
{
	return (uint8_t) fuzz_take_u64(in, 1);
}

/* The bytes up to the next separator byte sep (not included) or the end. */
static inline const char *fuzz_take_field(fuzz_in *in, char sep, size_t *len)
{
	const char *s = (const char *) in->p;
	const uint8_t *e = memchr(in->p, sep, in->left);
	size_t n = e ? (size_t) (e - in->p) : in->left;
	*len = n;
	in->p += n;
	in->left -= n;
	if (e) {
		in->p++;
		in->left--;
	}
	return s;
}

/* A malloc()ed, NUL-terminated copy (ASan then sees reads past the end of a field). */
static inline char *fuzz_dup(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d) {
		abort();
	}
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

#endif
