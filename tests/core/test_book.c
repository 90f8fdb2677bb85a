/* Books rules: periods that exist, file references and types, tax confirmation, filing periods. */
#include "tap.h"
#include "book.h"

#define S(lit) lit, sizeof(lit) - 1

static void period(const char *s, size_t len, int32_t current, cloudacct_book_period_status want, int32_t want_v)
{
	int32_t v = -7;
	cloudacct_book_period_status st = cloudacct_book_period_parse(s, len, current, &v);
	is_int(st, want, "period \"%.*s\" (current %d) status", (int) len, s, (int) current);
	if (want == CLOUDACCT_BOOK_PERIOD_OK) {
		is_int(v, want_v, "period \"%.*s\" value", (int) len, s);
	} else {
		is_int(v, -7, "period \"%.*s\" leaves out untouched", (int) len, s);
	}
}

int main(void)
{
	period(S("2026-10"), 202611, CLOUDACCT_BOOK_PERIOD_OK, 202610);
	period(S("2026-11"), 202611, CLOUDACCT_BOOK_PERIOD_OK, 202611);
	period(S("2026-12"), 202611, CLOUDACCT_BOOK_PERIOD_FUTURE, 0);
	period(S("2027-01"), 202611, CLOUDACCT_BOOK_PERIOD_FUTURE, 0);
	period(S("2000-01"), 202611, CLOUDACCT_BOOK_PERIOD_OK, 200001);
	period(S("1999-12"), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);
	period(S("2026-13"), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);
	period(S("2026-00"), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);
	period(S("2026-1"), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);
	period(S("2026/10"), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);
	period(S("202610"), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);
	period(S("2026-1a"), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);
	period(S(" 2026-1"), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);
	period(S("+026-10"), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);
	period(S(""), 202611, CLOUDACCT_BOOK_PERIOD_MALFORMED, 0);

	is_int(cloudacct_book_file_type_of(S("利润表.PDF")), CLOUDACCT_BOOK_FILE_PDF, "PDF upper case");
	is_int(cloudacct_book_file_type_of(S("a.xlsx")), CLOUDACCT_BOOK_FILE_EXCEL, "xlsx");
	is_int(cloudacct_book_file_type_of(S("a.xls")), CLOUDACCT_BOOK_FILE_EXCEL, "xls");
	is_int(cloudacct_book_file_type_of(S("a.csv")), CLOUDACCT_BOOK_FILE_EXCEL, "csv");
	is_int(cloudacct_book_file_type_of(S("images/1/2026/10/x.JPeG")), CLOUDACCT_BOOK_FILE_IMAGE, "jpeg path");
	is_int(cloudacct_book_file_type_of(S("https://x.cn/a.png?x=1.pdf")), CLOUDACCT_BOOK_FILE_IMAGE, "query ignored");
	is_int(cloudacct_book_file_type_of(S("a.php")), CLOUDACCT_BOOK_FILE_NONE, "php is no book file");
	is_int(cloudacct_book_file_type_of(S("a.pdf.php")), CLOUDACCT_BOOK_FILE_NONE, "double extension");
	is_int(cloudacct_book_file_type_of(S("pdf")), CLOUDACCT_BOOK_FILE_NONE, "no dot");
	is_int(cloudacct_book_file_type_of(S("dir.pdf/x")), CLOUDACCT_BOOK_FILE_NONE, "dot in a directory");
	is_int(cloudacct_book_file_type_of(S("")), CLOUDACCT_BOOK_FILE_NONE, "empty");
	is_str(cloudacct_book_file_type_name(CLOUDACCT_BOOK_FILE_EXCEL), "excel", "type name");
	is_int(cloudacct_book_file_type_parse(S("image")), CLOUDACCT_BOOK_FILE_IMAGE, "type parse");
	is_int(cloudacct_book_file_type_parse(S("word")), CLOUDACCT_BOOK_FILE_NONE, "unknown type");

	ok(cloudacct_book_ref_valid(S("files/1/2026/10/abc.pdf")), "attachment path");
	ok(cloudacct_book_ref_valid(S("https://cdn.example.cn/a/b.pdf?sign=1&x=%20")), "https URL");
	ok(!cloudacct_book_ref_valid(S("http://cdn.example.cn/a.pdf")), "plain http refused");
	ok(!cloudacct_book_ref_valid(S("javascript:alert(1)")), "javascript: refused");
	ok(!cloudacct_book_ref_valid(S("/etc/passwd")), "absolute path refused");
	ok(!cloudacct_book_ref_valid(S("files/../../data/config.php")), "dot-dot refused");
	ok(!cloudacct_book_ref_valid(S("files/a b.pdf")), "blank refused");
	ok(!cloudacct_book_ref_valid(S("files/a\".pdf")), "quote refused");
	ok(!cloudacct_book_ref_valid(S("")), "empty refused");

	is_int(cloudacct_book_confirm_next(CLOUDACCT_BOOK_CONFIRM_PENDING, CLOUDACCT_BOOK_EV_CONFIRM),
		CLOUDACCT_BOOK_CONFIRM_CONFIRMED, "pending → confirmed");
	is_int(cloudacct_book_confirm_next(CLOUDACCT_BOOK_CONFIRM_DISPUTED, CLOUDACCT_BOOK_EV_CONFIRM),
		CLOUDACCT_BOOK_CONFIRM_CONFIRMED, "disputed → confirmed");
	is_int(cloudacct_book_confirm_next(CLOUDACCT_BOOK_CONFIRM_PENDING, CLOUDACCT_BOOK_EV_DISPUTE),
		CLOUDACCT_BOOK_CONFIRM_DISPUTED, "pending → disputed");
	is_int(cloudacct_book_confirm_next(CLOUDACCT_BOOK_CONFIRM_CONFIRMED, CLOUDACCT_BOOK_EV_CONFIRM), -1,
		"confirmed twice refused");
	is_int(cloudacct_book_confirm_next(CLOUDACCT_BOOK_CONFIRM_CONFIRMED, CLOUDACCT_BOOK_EV_DISPUTE), -1,
		"dispute after confirm refused");
	is_int(cloudacct_book_confirm_next(CLOUDACCT_BOOK_CONFIRM_DISPUTED, CLOUDACCT_BOOK_EV_DISPUTE), -1,
		"disputed twice refused");
	is_int(cloudacct_book_confirm_next(CLOUDACCT_BOOK_CONFIRM_NONE, CLOUDACCT_BOOK_EV_CONFIRM), -1,
		"not required refused");
	ok(cloudacct_book_confirm_blocks(CLOUDACCT_BOOK_CONFIRM_PENDING), "pending blocks filing");
	ok(cloudacct_book_confirm_blocks(CLOUDACCT_BOOK_CONFIRM_DISPUTED), "disputed blocks filing");
	ok(!cloudacct_book_confirm_blocks(CLOUDACCT_BOOK_CONFIRM_CONFIRMED), "confirmed does not block");
	ok(!cloudacct_book_confirm_blocks(CLOUDACCT_BOOK_CONFIRM_NONE), "none does not block");
	is_int(cloudacct_book_confirm_parse(S("disputed")), CLOUDACCT_BOOK_CONFIRM_DISPUTED, "confirm parse");
	is_str(cloudacct_book_confirm_name(CLOUDACCT_BOOK_CONFIRM_PENDING), "pending", "confirm name");

	is_int(cloudacct_book_filing_period(202611, 1), 202610, "November filing declares October");
	is_int(cloudacct_book_filing_period(202701, 1), 202612, "January filing declares December");
	is_int(cloudacct_book_filing_period(202611, 0), 202611, "offset 0");
	is_int(cloudacct_book_recur_period(S("r2-202611")), 202611, "recur key");
	is_int(cloudacct_book_recur_period(S("r123-202701")), 202701, "recur key, longer id");
	is_int(cloudacct_book_recur_period(S("r2-202613")), 0, "bad month");
	is_int(cloudacct_book_recur_period(S("x2-202611")), 0, "not a recurring key");
	is_int(cloudacct_book_recur_period(S("r2202611")), 0, "no dash");
	return done_testing();
}
