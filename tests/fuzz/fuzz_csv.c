/*
 * CSV export cells (src/core/csv.c). Properties: the cell fits CLOUDACCT_CSV_CELL_MAX; an RFC
 * 4180 reader (below, independent of csv.c) reads it back as exactly the input, with one
 * apostrophe in front when and only when the input starts with = + - @ TAB or CR and is not a
 * plain number; a guarded cell no longer starts with a formula character; and a row of cells
 * joined by commas splits back into the same cells.
 */
#include "csv.h"
#include "fuzz.h"

/* Reads one field starting at s[*i] up to a ',' or the end; false if malformed. */
static bool read_field(const char *s, size_t len, size_t *i, char *out, size_t *out_len)
{
	size_t n = 0, j = *i;

	if (j < len && s[j] == '"') {
		for (j++;; j++) {
			if (j >= len) {
				return false; /* unterminated */
			}
			if (s[j] == '"') {
				if (j + 1 < len && s[j + 1] == '"') {
					out[n++] = '"';
					j++;
					continue;
				}
				j++;
				break;
			}
			out[n++] = s[j];
		}
		if (j < len && s[j] != ',') {
			return false; /* text after the closing quote */
		}
	} else {
		for (; j < len && s[j] != ','; j++) {
			if (s[j] == '"' || s[j] == '\r' || s[j] == '\n') {
				return false; /* must have been quoted */
			}
			out[n++] = s[j];
		}
	}
	*i = j;
	*out_len = n;
	return true;
}

static bool formula_start(const char *s, size_t len)
{
	return len > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	char *cell = malloc(CLOUDACCT_CSV_CELL_MAX(size)), *back = malloc(size + 2);
	size_t n = cloudacct_csv_cell(s, size, cell), i = 0, bn = 0;
	bool guard = cloudacct_csv_needs_guard(s, size);

	FUZZ_CHECK(cell && back);
	FUZZ_CHECK(n <= CLOUDACCT_CSV_CELL_MAX(size));
	FUZZ_CHECK(guard == (formula_start(s, size) && !cloudacct_csv_is_number(s, size)));
	if (cloudacct_csv_is_number(s, size)) {
		FUZZ_CHECK(!guard && n == size && memcmp(cell, s, size) == 0);
	}
	FUZZ_CHECK(read_field(cell, n, &i, back, &bn) && i == n);
	FUZZ_CHECK(bn == size + (guard ? 1 : 0));
	FUZZ_CHECK(memcmp(back + (guard ? 1 : 0), s, size) == 0);
	if (guard) {
		FUZZ_CHECK(back[0] == '\'');
		FUZZ_CHECK(!formula_start(back, bn));
	}
	free(cell);
	free(back);

	/* The input split at NUL bytes is a row of cells: joined with commas, it reads back cell by cell. */
	size_t row_cap = 0, ncells = 0;
	for (size_t k = 0; k <= size; k++) {
		row_cap += CLOUDACCT_CSV_CELL_MAX(size) + 1;
		if (k == size || data[k] == 0) {
			ncells++;
		}
		if (ncells > 16) {
			break;
		}
	}
	char *row = malloc(row_cap + 1), *field = malloc(size + 2);
	size_t rn = 0, from = 0, cells = 0;
	FUZZ_CHECK(row && field);
	for (size_t k = 0; k <= size && cells < 16; k++) {
		if (k == size || data[k] == 0) {
			if (cells > 0) {
				row[rn++] = ',';
			}
			rn += cloudacct_csv_cell(s + from, k - from, row + rn);
			cells++;
			from = k + 1;
		}
	}
	i = 0, from = 0;
	for (size_t c = 0; c < cells; c++) {
		size_t end = from;
		while (end < size && data[end] != 0) {
			end++;
		}
		bool g = cloudacct_csv_needs_guard(s + from, end - from);
		FUZZ_CHECK(read_field(row, rn, &i, field, &bn));
		FUZZ_CHECK(bn == end - from + (g ? 1 : 0) && memcmp(field + (g ? 1 : 0), s + from, end - from) == 0);
		FUZZ_CHECK(c + 1 == cells ? i == rn : row[i] == ',');
		i++;
		from = end + 1;
	}
	free(row);
	free(field);
	return 0;
}
