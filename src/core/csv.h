/*
 * CSV cells for exports (RFC 4180) that are safe to open in a spreadsheet: a cell that starts
 * with = + - @ (or a tab or carriage return) would be run as a formula by Excel/WPS, so it gets
 * a leading apostrophe — unless it is a plain number such as "-12.34", which no spreadsheet
 * treats as a formula. Cells containing a comma, a double quote, CR or LF are quoted, with
 * quotes doubled. No I/O, no allocation.
 */
#ifndef CLOUDACCT_CORE_CSV_H
#define CLOUDACCT_CORE_CSV_H

#include <stdbool.h>
#include <stddef.h>

/* The most bytes cloudacct_csv_cell() can write for an input of len bytes. */
#define CLOUDACCT_CSV_CELL_MAX(len) (2 * (len) + 3)

/* "-12.34", "0", "15": optional minus, digits, optional dot and digits. */
bool cloudacct_csv_is_number(const char *s, size_t len);

/* Would a spreadsheet read this cell as a formula? */
bool cloudacct_csv_needs_guard(const char *s, size_t len);

/* Writes the cell (quoted and guarded as needed, no separator) into out, which must hold
 * CLOUDACCT_CSV_CELL_MAX(len) bytes; returns the bytes written. */
size_t cloudacct_csv_cell(const char *s, size_t len, char *out);

#endif
