/*
 * test_word_class.c - the word classes behind headlines (lib/event_words.c):
 * case-insensitive lookup, words outside the table, the same answers from
 * the hash table as from the binary search of the rows, and the same
 * answers from threads that look words up at once while the table is
 * being built.
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

/* Every row is lower-case ASCII letters, in strcmp order (the binary
 * search needs the order, the hash table's folded comparison the letters). */
START_TEST(test_rows_sorted)
{
	size_t r = 0;
	for (; tl_word_row(r); r++) {
		const char *w = tl_word_row(r);
		ck_assert_uint_gt(strlen(w), 0);
		for (const char *p = w; *p; p++)
			ck_assert(*p >= 'a' && *p <= 'z');
		if (r > 0)
			ck_assert_int_lt(strcmp(tl_word_row(r - 1), w), 0);
		ck_assert_uint_ne(tl_word_class(w, strlen(w)), 0);
	}
	ck_assert_uint_gt(r, 100);
}
END_TEST

/* The hash table gives the binary search's answer for w[0..n). */
static void same_answer(const char *w, size_t n)
{
	unsigned fast = tl_word_class(w, n), slow = tl_word_class_search(w, n);
	if (fast != slow)
		ck_abort_msg("\"%.*s\": %u by the table, %u by the search", (int)n, w, fast, slow);
}

/* Near every row: the row in other cases, cut short, made longer, and with
 * each byte replaced by letters and by bytes that fold (| 0x20) to no
 * letter ('@' to '`', '[' to '{') or are no ASCII at all. */
START_TEST(test_table_matches_search)
{
	static const char subst[] = "azAZ@[`{-'09 \xC3\x80";
	(void)tl_word_class("the", 3); /* the table is built */
	for (size_t r = 0; tl_word_row(r); r++) {
		const char *w = tl_word_row(r);
		size_t n = strlen(w);
		char v[32];
		ck_assert_uint_lt(n + 2, sizeof(v));
		for (size_t k = 0; k <= n; k++)
			same_answer(w, k); /* the row and its prefixes */
		memcpy(v, w, n);
		for (size_t k = 0; k < n; k++)
			v[k] = (char)(w[k] - 'a' + 'A');
		same_answer(v, n); /* UPPER CASE */
		if (n > 1)
			memcpy(v + 1, w + 1, n - 1);
		same_answer(v, n); /* Capitalised */
		memcpy(v, w, n);
		v[n] = 's';
		same_answer(v, n + 1);
		for (size_t k = 0; k < n; k++) {
			for (size_t j = 0; j < sizeof(subst) - 1; j++) {
				v[k] = subst[j];
				same_answer(v, n);
			}
			v[k] = w[k];
		}
	}
	/* every string of up to two letters, either case */
	char v[2];
	for (int a = 0; a < 256; a++) {
		v[0] = (char)a;
		same_answer(v, 1);
		for (int b = 'A'; b <= 'z'; b++) {
			v[1] = (char)b;
			same_answer(v, 2);
		}
	}
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
	tcase_add_test(tc, test_rows_sorted);
	tcase_add_test(tc, test_table_matches_search);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed != 0;
}
