/*
 * test_invariants.c - the TIMEX3 value grammar and the document invariants
 * (lib/invariants.c) that the fuzz targets and the hostile-input tests rely on.
 *
 * Accepted values are the examples of DESIGN.md's table and of the TimeML
 * 1.2.1 guidelines; rejected ones each break one rule of the grammar.
 */
#include "invariants.h"

#include <check.h>
#include <stdlib.h>

static const char *const good_values[] = {
    "2020-11-10",
    "2020-11",
    "1991",
    "199",
    "19",
    "2021-W44",
    "2021-Q3",
    "2021-SP",
    "2021-H2",
    "2021-W44-WE",
    "2021-W44-1",
    "XXXX-WXX-1",
    "XXXX-11-05",
    "XXXX-XX-XX",
    "201X",
    "2020-02-29",
    "XXXX-02-29",
    "2021-11-06T17:00",
    "2021-11-06TEV",
    "2021-11-05TNI",
    "XXXX-XX-XXTMO",
    "2021-11-06T17:00:30",
    "2021-11-06T17:00:30.25",
    "2021-11-06T17:00Z",
    "2021-11-06T17:00-05:00",
    "2021-11-06T24:00",
    "PRESENT_REF",
    "PAST_REF",
    "FUTURE_REF",
    "P44D",
    "P30Y",
    "PXW",
    "PT2H",
    "P1DE",
    "P1CE",
    "P2M",
    "PXY",
    "P1Y6M",
    "P1DT12H",
    "PT30M",
    "P0.5Y",
    "P1W",
    "P1Q",
    "PTXH",
    "BC0044",
    "BC03",  /* the 4th century BC: 399-300 BC by its digits */
    "BC048", /* the decade 489-480 BC */
    "-0044",
    "+10000",
    "12345",
    "999999",
    "-999999-01-01",
};

static const char *const bad_values[] = {
    "",
    "2021-13-01",
    "2021-13-45",
    "2021-02-30",
    "2021-02-29",
    "2021-04-31",
    "2021-00-10",
    "2021-11-00",
    "2021-11-5",
    "2021-1-05",
    "2021-W54",
    "2021-W00",
    "2021-W44-8",
    "2021-Q5",
    "2021-Q0",
    "2021-H3",
    "2021-XY",
    "2021-11-06T25:00",
    "2021-11-06T17:60",
    "2021-11T17:00",
    "2021T10:00",
    "2021-11-06T",
    "2021-11-06TXY",
    "2021-11-06T17:00+15",
    "P",
    "PT",
    "P3",
    "PD",
    "P-3D",
    "P3H",
    "P1DT",
    "P1.D",
    "PT3Y",
    "P1YT2H3X",
    "99999999999999999999",
    "1234567",
    "+123",
    "X2021",
    "2021-11-06 ",
    " 2021",
    "now",
    "PRESENT",
    "2021--11",
    "2021-11-06T17:00:00:00",
    "19X5-1",
    "2021-SPX",
    "XXXXX",
    "-XXXX",
    "BC4",
    "BC03-05",
    "BC048-SU",
    "BC00445",
    "BCX044",
};

START_TEST(test_good_value)
{
	const char *v = good_values[_i];
	ck_assert_msg(tl_check_value(v), "'%s' should be a TIMEX3 value", v);
}
END_TEST

START_TEST(test_bad_value)
{
	const char *v = bad_values[_i];
	ck_assert_msg(!tl_check_value(v), "'%s' should not be a TIMEX3 value", v);
}
END_TEST

START_TEST(test_value_type)
{
	ck_assert(tl_check_value_type("2021-11-05", TL_TIMEX_DATE));
	ck_assert(!tl_check_value_type("2021-11-05", TL_TIMEX_TIME));
	ck_assert(!tl_check_value_type("2021-11-05", TL_TIMEX_DURATION));
	ck_assert(tl_check_value_type("2021-11-05TNI", TL_TIMEX_TIME));
	ck_assert(!tl_check_value_type("2021-11-05TNI", TL_TIMEX_DATE));
	ck_assert(tl_check_value_type("P3D", TL_TIMEX_DURATION));
	ck_assert(!tl_check_value_type("P3D", TL_TIMEX_DATE));
	ck_assert(tl_check_value_type("P1W", TL_TIMEX_SET));
	ck_assert(tl_check_value_type("XXXX-WXX-1", TL_TIMEX_SET));
	ck_assert(tl_check_value_type("PRESENT_REF", TL_TIMEX_DATE));
	ck_assert(tl_check_value_type("PAST_REF", TL_TIMEX_DATE));
	ck_assert(!tl_check_value_type("PAST_REF", TL_TIMEX_DURATION));
}
END_TEST

/* A document built by hand: "Né le 5 mai 2021." with a timex over
 * "5 mai 2021" (bytes 7..17: 'N' 'é'(2 bytes) ' ' 'l' 'e' ' ' = 7 bytes,
 * 6 code points). */
static tl_document *hand_doc(size_t bs, size_t be, size_t cs, size_t ce, const char *value)
{
	static const char text[] = "N\xc3\xa9 le 5 mai 2021.";
	tl_document *doc = calloc(1, sizeof(*doc));
	ck_assert_ptr_nonnull(doc);
	doc->text = tl_arena_strdup(&doc->arena, text);
	doc->len = strlen(text);
	tl_sentence s = {0, doc->len};
	ck_assert_int_eq(TL_VEC_PUSH(doc->sentences, doc->nsentence, doc->cap_sentence, s), 0);
	tl_timex t;
	memset(&t, 0, sizeof(t));
	t.byte_start = bs;
	t.byte_end = be;
	t.char_start = cs;
	t.char_end = ce;
	t.type = TL_TIMEX_DATE;
	t.value = value;
	t.range_partner = -1;
	t.has_interval = 1;
	t.begin = (tl_date){2021, 5, 5};
	t.end = (tl_date){2021, 5, 6};
	t.granularity = TL_GRAN_DAY;
	ck_assert_int_eq(tl_document_push_timex(doc, &t), 0);
	return doc;
}

START_TEST(test_document)
{
	char why[200];
	tl_document *doc = hand_doc(7, 17, 6, 16, "2021-05-05");
	ck_assert_msg(tl_check_document(doc, why, sizeof(why)) == 0, "%s", why);
	tl_document_free(doc);
	/* char offsets that count bytes, not code points */
	doc = hand_doc(7, 17, 7, 17, "2021-05-05");
	ck_assert_int_eq(tl_check_document(doc, why, sizeof(why)), -1);
	tl_document_free(doc);
	/* a span that starts inside the two bytes of the e acute */
	doc = hand_doc(2, 17, 2, 16, "2021-05-05");
	ck_assert_int_eq(tl_check_document(doc, why, sizeof(why)), -1);
	tl_document_free(doc);
	/* past the end */
	doc = hand_doc(7, 40, 6, 39, "2021-05-05");
	ck_assert_int_eq(tl_check_document(doc, why, sizeof(why)), -1);
	tl_document_free(doc);
	/* an impossible value */
	doc = hand_doc(7, 17, 6, 16, "2021-05-32");
	ck_assert_int_eq(tl_check_document(doc, why, sizeof(why)), -1);
	tl_document_free(doc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("invariants");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_good_value, 0, sizeof(good_values) / sizeof(good_values[0]));
	tcase_add_loop_test(tc, test_bad_value, 0, sizeof(bad_values) / sizeof(bad_values[0]));
	tcase_add_test(tc, test_value_type);
	tcase_add_test(tc, test_document);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
