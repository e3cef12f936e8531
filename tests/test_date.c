/*
 * test_date.c - calendar arithmetic and ISO date parsing (lib/date.c).
 */
#include "internal.h"

#include <check.h>
#include <stdlib.h>

/* Day numbers checked by hand: 1970-01-01 is day 0; 2000-03-01 is day 11017
 * (30 years * 365 + 7 leap days + 31 + 29). */
START_TEST(test_days)
{
	tl_date a = { 1970, 1, 1 }, b = { 2000, 3, 1 }, c = { 1969, 12, 31 };
	ck_assert_int_eq(tl_date_to_days(a), 0);
	ck_assert_int_eq(tl_date_to_days(b), 11017);
	ck_assert_int_eq(tl_date_to_days(c), -1);
	tl_date r = tl_date_from_days(11016);
	ck_assert_int_eq(r.year, 2000);
	ck_assert_int_eq(r.month, 2);
	ck_assert_int_eq(r.day, 29);
}
END_TEST

/* Every day from year -1000 to 3000 round-trips. */
START_TEST(test_roundtrip)
{
	int64_t from = tl_date_to_days((tl_date){ -1000, 1, 1 });
	int64_t to = tl_date_to_days((tl_date){ 3000, 12, 31 });
	for (int64_t d = from; d <= to; d++)
		ck_assert_int_eq(tl_date_to_days(tl_date_from_days(d)), d);
}
END_TEST

START_TEST(test_parse)
{
	tl_date d;
	ck_assert_int_eq(tl_date_parse(&d, "2021-11-06"), 0);
	ck_assert_int_eq(d.year, 2021);
	ck_assert_int_eq(d.month, 11);
	ck_assert_int_eq(d.day, 6);
	ck_assert_int_eq(tl_date_parse(&d, "2020-02-29"), 0);
	ck_assert_int_eq(tl_date_parse(&d, "2021-02-29"), TL_EINVAL);
	ck_assert_int_eq(tl_date_parse(&d, "2021-13-01"), TL_EINVAL);
	ck_assert_int_eq(tl_date_parse(&d, "2021-1-1"), TL_EINVAL);
	ck_assert_int_eq(tl_date_parse(&d, "yesterday"), TL_EINVAL);
	ck_assert_int_eq(tl_date_parse(&d, "1991"), 0);
	ck_assert_int_eq(d.month, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_days);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_parse);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
