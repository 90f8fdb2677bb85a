/* CSV cells: RFC 4180 quoting and the spreadsheet formula guard. */
#include <string.h>

#include "csv.h"
#include "tap.h"

static void cell(const char *in, const char *want)
{
	char out[CLOUDACCT_CSV_CELL_MAX(64)];
	size_t n = cloudacct_csv_cell(in, strlen(in), out);

	ok(n <= CLOUDACCT_CSV_CELL_MAX(strlen(in)), "bound holds for '%s'", tap_esc(in));
	out[n] = '\0';
	is_str(out, want, "cell '%s'", tap_esc(in));
}

int main(void)
{
	cell("", "");
	cell("plain", "plain");
	cell("上海某某科技有限公司", "上海某某科技有限公司");
	cell("a,b", "\"a,b\"");
	cell("say \"hi\"", "\"say \"\"hi\"\"\"");
	cell("line1\nline2", "\"line1\nline2\"");
	cell("=1+1", "'=1+1");
	cell("+86 138", "'+86 138");
	cell("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0");
	cell("@SUM(A1)", "'@SUM(A1)");
	cell("\tx", "'\tx");
	cell("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	cell("-12.34", "-12.34");
	cell("-0", "-0");
	cell("1200.00", "1200.00");
	cell("-", "'-");
	cell("-1.", "'-1.");
	cell("-.5", "'-.5");
	cell("a=b", "a=b");
	ok(cloudacct_csv_is_number("007", 3), "leading zeros are a number");
	ok(!cloudacct_csv_is_number("1e5", 3), "exponent is not");
	ok(!cloudacct_csv_is_number("", 0), "empty is not");
	ok(!cloudacct_csv_needs_guard("", 0), "empty needs no guard");
	ok(cloudacct_csv_needs_guard("\r1", 2), "leading CR is guarded");
	/* Found by tests/fuzz (fuzz_csv, regressions/csv/nul-first-byte-guarded): a NUL first byte
	 * matched the terminator of the formula-character list and got an apostrophe. */
	ok(!cloudacct_csv_needs_guard("\0\1", 2), "a NUL first byte is no formula");
	{
		char out[CLOUDACCT_CSV_CELL_MAX(2)];
		ok(cloudacct_csv_cell("\0=", 2, out) == 2 && memcmp(out, "\0=", 2) == 0, "a NUL first byte is copied unguarded");
	}
	return done_testing();
}
