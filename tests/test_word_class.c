/*
 * test_word_class.c - the word classes behind headlines (lib/event_words.c):
 * case-insensitive lookup, words outside the table, and the same answers
 * from threads that look words up at once while the table is being built.
 */
#include "events_internal.h"

#include <check.h>
#include <pthread.h>
#include <stdlib.h>

/* Rows worked out from the grammar the table encodes (see its header). */
static const struct {
	const char *w;
	unsigned cls;
} rows[] = {
    {"said", TL_WORD_SPEECH},
    {"SAID", TL_WORD_SPEECH},
    {"began", TL_WORD_BEGIN},
    {"Ended", TL_WORD_END},
    {"night", TL_WORD_TIMENOUN},
    {"the", TL_WORD_ARTICLE | TL_WORD_STOP | TL_WORD_TAIL},
    {"The", TL_WORD_ARTICLE | TL_WORD_STOP | TL_WORD_TAIL},
    {"on", TL_WORD_PREP | TL_WORD_STOP | TL_WORD_TAIL},
    {"onion", 0},
    {"o", 0},
    {"saidx", 0},
    {"elephant", 0},
    {"", 0},
    {"abcdefghijklmnopq", 0}, /* 17 bytes: longer than any row */
};
#define NROWS (sizeof(rows) / sizeof(rows[0]))

START_TEST(test_rows)
{
	ck_assert_uint_eq(tl_word_class(rows[_i].w, strlen(rows[_i].w)), rows[_i].cls);
}
END_TEST

/* Only the first n bytes count: "saidx" cut to 4 is "said". */
START_TEST(test_length_counts)
{
	ck_assert_uint_eq(tl_word_class("saidx", 4), TL_WORD_SPEECH);
	ck_assert_uint_eq(tl_word_class("thesis", 3),
	                  TL_WORD_ARTICLE | TL_WORD_STOP | TL_WORD_TAIL);
}
END_TEST

static void *look_up_all(void *arg)
{
	int *bad = arg;
	for (int k = 0; k < 2000; k++)
		for (size_t r = 0; r < NROWS; r++)
			if (tl_word_class(rows[r].w, strlen(rows[r].w)) != rows[r].cls)
				(*bad)++;
	return NULL;
}

/* Four threads from a cold start: every answer right (the suite runs this
 * test in a fresh process, so the table is built while they race). */
START_TEST(test_threads)
{
	pthread_t th[4];
	int bad[4] = {0, 0, 0, 0};
	for (int k = 0; k < 4; k++)
		ck_assert_int_eq(pthread_create(&th[k], NULL, look_up_all, &bad[k]), 0);
	for (int k = 0; k < 4; k++) {
		pthread_join(th[k], NULL);
		ck_assert_int_eq(bad[k], 0);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("word_class");
	TCase *cold = tcase_create("cold");
	tcase_add_test(cold, test_threads);
	suite_add_tcase(s, cold);
	TCase *tc = tcase_create("rows");
	tcase_add_loop_test(tc, test_rows, 0, (int)NROWS);
	tcase_add_test(tc, test_length_counts);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed != 0;
}
