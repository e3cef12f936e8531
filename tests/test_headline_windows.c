/*
 * test_headline_windows.c - the headline work space shared by the events of
 * one sentence gives the same headlines as a fresh one per event.
 *
 * tl_headline() keeps the tokens of the sentence it was last given and
 * reuses them for the next window of the same sentence (lib/headline.c).
 * Each case cuts a text into windows the way events.c does for a long
 * sentence and checks, date by date, that the headline from the shared
 * work space equals the headline from an empty one; a few expected
 * headlines are worked out by hand from the rules at the top of
 * lib/headline.c.  Text that repeats itself with a change here and there
 * checks the headlines remembered from one period back, and
 * tl_hl_same() is checked against memcmp().
 */
#include "headline.h"

#include <check.h>
#include <stdio.h>

/* Dates whose headline came with a copy kept before (tl_hl_keep()). */
static size_t kept_hits;

/* Compare shared and fresh headlines for every occurrence of date in text
 * (one sentence), with windows of `margin` bytes either side, moved to the
 * next space as events.c does; margin 0: the whole text).  Returns how
 * many dates were looked at.  A copy of each headline is kept where
 * tl_hl_keep() offers a slot, and checked when it offers it again. */
static size_t same_headlines(const char *text, const char *date, size_t margin)
{
	size_t n = strlen(text), dn = strlen(date), count = 0;
	tl_sentence s = {0, n};
	tl_hl_scratch shared = {0};
	char *kept[4096]; /* copies kept for tl_hl_keep() */
	size_t nkept = 0;
	for (const char *p = strstr(text, date); p; p = strstr(p + 1, date)) {
		size_t a = (size_t)(p - text), z = a + dn;
		tl_sentence w = s;
		if (margin) {
			w.start = a > margin ? a - margin : 0;
			while (w.start > 0 && w.start < a && text[w.start - 1] != ' ')
				w.start++;
			w.end = n - z > margin ? z + margin : n;
			while (w.end < n && w.end > z && text[w.end] != ' ')
				w.end--;
		}
		tl_hl_scratch fresh = {0};
		size_t l1 = 0, l2 = 0;
		const char *h1 = tl_headline(&shared, text, s, w, a, z, &l1);
		ck_assert_ptr_nonnull(h1);
		char keep[256];
		ck_assert_uint_lt(l1, sizeof(keep));
		memcpy(keep, h1, l1);
		/* a copy kept for an earlier headline is one of this one */
		const char **slot = tl_hl_keep(&shared);
		if (slot && *slot) {
			ck_assert_uint_eq(strlen(*slot), l1);
			ck_assert_int_eq(memcmp(*slot, h1, l1), 0);
			kept_hits++;
		} else if (slot) {
			ck_assert_uint_lt(nkept, sizeof(kept) / sizeof(kept[0]));
			*slot = kept[nkept++] = strndup(h1, l1);
			ck_assert_ptr_nonnull(*slot);
		}
		const char *h2 = tl_headline(&fresh, text, s, w, a, z, &l2);
		ck_assert_ptr_nonnull(h2);
		ck_assert_uint_eq(l1, l2);
		ck_assert_int_eq(memcmp(keep, h2, l1), 0);
		tl_hl_scratch_free(&fresh);
		count++;
	}
	tl_hl_scratch_free(&shared);
	for (size_t i = 0; i < nkept; i++)
		free(kept[i]);
	return count;
}

/* A run-on text: clauses that never end a sentence. */
static char *run_on(const char *unit, size_t times)
{
	size_t u = strlen(unit);
	char *t = malloc(u * times + 1);
	ck_assert_ptr_nonnull(t);
	for (size_t i = 0; i < times; i++)
		memcpy(t + i * u, unit, u);
	t[u * times] = '\0';
	return t;
}

START_TEST(test_sliding_windows)
{
	static const char *const units[] = {
	    "the army crossed the river on May 5, and the town fell (after a siege) on May 5; ",
	    "Nov. 5, ",
	    "\"Talks\" resumed on May 5 -- officials said, while (((( [[ from May 5 to ",
	    "x  y\t May 5\nz, said on May 5, will carry on May 5 ",
	};
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		char *t = run_on(units[i], 60);
		size_t seen = same_headlines(t, "May 5", 300) + same_headlines(t, "May 5", 37) +
		              same_headlines(t, "Nov. 5", 300) + same_headlines(t, "Nov. 5", 0);
		ck_assert_uint_ge(seen, 60); /* every unit holds a date */
		free(t);
	}
}
END_TEST

/* Text that repeats itself but for one byte here and there: a headline
 * remembered from one period back must not be taken where the byte that
 * differs lies in its span (lib/headline.c keeps what it found of the
 * repeats, and compares only what lies past it). */
START_TEST(test_repeats_with_changes)
{
	static const char *const units[] = {"Nov. 5, ", "in 2020 and May 5 and last week and ",
	                                    "on May 5 the town fell, "};
	static const char marks[] = {';', 'X', 'x', '(', ' '};
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		for (size_t every = 3; every <= 41; every += 19) {
			size_t u = strlen(units[i]);
			char *t = run_on(units[i], 200);
			/* change a byte of every `every`-th unit, at a place that moves */
			for (size_t k = 0; k < 200; k += every) {
				size_t at = k * u + (k * 7) % u;
				t[at] = marks[k % sizeof(marks)];
			}
			size_t seen =
			    same_headlines(t, "May 5", 300) + same_headlines(t, "Nov. 5", 90) +
			    same_headlines(t, "Nov. 5", 0) + same_headlines(t, "2020", 120);
			ck_assert_uint_ge(seen, 100);
			free(t);
		}
	}
	ck_assert_uint_gt(kept_hits, 0);
}
END_TEST

/* tl_hl_same() answers as memcmp() does, whatever it found before: spans
 * of a text that repeats with a change now and then, asked in text order
 * (as the headlines of its dates ask) and out of it. */
START_TEST(test_same_as_memcmp)
{
	char *t = run_on("abcab", 400);
	t[777] = 'z';
	t[1200] = 'q';
	size_t n = strlen(t);
	tl_hl_repeat r = {0};
	size_t asked = 0, equal = 0;
	for (size_t d = 5; d <= 10; d += 5) {
		for (size_t a = d; a < n; a += 3) {
			size_t len = (a * 13) % 90 + 1;
			if (a + len > n)
				continue;
			int want = memcmp(t + a, t + a - d, len) == 0;
			ck_assert_int_eq(tl_hl_same(&r, t, 1, 0, a, a - d, len), want);
			asked++;
			equal += (size_t)want;
			/* now and then a span far back */
			if (a % 97 == 0 && a > 500) {
				want = memcmp(t + a - 400, t + a - 400 - d, 60) == 0;
				ck_assert_int_eq(tl_hl_same(&r, t, 1, 0, a - 400, a - 400 - d, 60),
				                 want);
			}
		}
	}
	ck_assert_uint_gt(equal, 0);
	ck_assert_uint_lt(equal, asked); /* the changes were found */
	free(t);
}
END_TEST

/* Worked by hand: the clause before the date runs back to the semicolon;
 * "on" before the date is dropped; the date is the last thing in it. */
START_TEST(test_shared_by_hand)
{
	const char *text =
	    "Rain fell; the army crossed the river on May 5; the town fell on May 6.";
	tl_sentence s = {0, strlen(text)};
	tl_hl_scratch sc = {0};
	size_t len = 0, a = (size_t)(strstr(text, "May 5") - text);
	const char *h = tl_headline(&sc, text, s, s, a, a + 5, &len);
	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq((int)len, (int)strlen("Army crossed the river"));
	ck_assert_int_eq(memcmp(h, "Army crossed the river", len), 0);
	a = (size_t)(strstr(text, "May 6") - text);
	h = tl_headline(&sc, text, s, s, a, a + 5, &len);
	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq((int)len, (int)strlen("Town fell"));
	ck_assert_int_eq(memcmp(h, "Town fell", len), 0);
	tl_hl_scratch_free(&sc);
}
END_TEST

/* A window that ends inside a word (or a mark) gives the headline of the
 * text cut there: the tokens of a window do not run past its end, however
 * the text goes on. */
START_TEST(test_window_end_inside_word)
{
	const char *text = "On May 5 the son-in-law\xE2\x80\x99s caf\xC3\xA9 re-opened its "
	                   "crossing-points near al-Faw\xE2\x80\x94 and so on";
	size_t n = strlen(text), a = (size_t)(strstr(text, "May 5") - text), z = a + 5;
	tl_sentence s = {0, n};
	for (size_t c = z; c <= n; c++) {
		char *cut = strndup(text, c);
		ck_assert_ptr_nonnull(cut);
		tl_hl_scratch whole = {0}, alone = {0};
		size_t l1 = 0, l2 = 0;
		const char *h1 = tl_headline(&whole, text, s, (tl_sentence){0, c}, a, z, &l1);
		const char *h2 =
		    tl_headline(&alone, cut, (tl_sentence){0, c}, (tl_sentence){0, c}, a, z, &l2);
		ck_assert_ptr_nonnull(h1);
		ck_assert_ptr_nonnull(h2);
		if (l1 != l2 || memcmp(h1, h2, l1) != 0)
			ck_abort_msg("cut at %zu: \"%.*s\" against \"%.*s\"", c, (int)l1, h1,
			             (int)l2, h2);
		tl_hl_scratch_free(&whole);
		tl_hl_scratch_free(&alone);
		free(cut);
	}
}
END_TEST

/* Worked by hand: a joined word ("son-in-law") is one word; the clause
 * ends at the comma before the lower-case "said"; "on" before the date is
 * dropped. */
START_TEST(test_joined_words_by_hand)
{
	const char *text = "Her son-in-law opened the caf\xC3\xA9 on May 5, said officials.";
	tl_sentence s = {0, strlen(text)};
	tl_hl_scratch sc = {0};
	size_t len = 0, a = (size_t)(strstr(text, "May 5") - text);
	const char *h = tl_headline(&sc, text, s, s, a, a + 5, &len);
	ck_assert_ptr_nonnull(h);
	const char *want = "Her son-in-law opened the caf\xC3\xA9";
	ck_assert_int_eq((int)len, (int)strlen(want));
	ck_assert_int_eq(memcmp(h, want, len), 0);
	tl_hl_scratch_free(&sc);
}
END_TEST

/* The shapes a scratch works out when a memo asks (tl_hl_shapes()), of
 * the tokens it keeps as windows slide along one long sentence and the
 * tokens before them are dropped, equal the shapes of the whole sentence
 * cut at once: a token's length, its gap to the token before it in the
 * text, its space flag. */
START_TEST(test_shapes_as_cut_whole)
{
	/* units of many lengths: few windows match a memo's lengths, and
	 * their tokens get no shapes until asked */
	char *t = malloc(400 * 64);
	ck_assert_ptr_nonnull(t);
	size_t n = 0;
	unsigned r = 1;
	for (size_t k = 0; k < 400; k++) {
		r = r * 1103515245u + 12345u; /* filler of pseudo-random lengths */
		n += (size_t)sprintf(t + n, "on May 5 the army%.*s  crossed,\tthe (river) and ",
		                     (int)(r >> 16) % 13, "xxxxxxxxxxxxx");
	}
	tl_sentence s = {0, n};
	tl_hl_scratch whole = {0}, sc = {0};
	ck_assert_int_eq(tl_hl_tokenize(&whole, t, 0, n, 0), 0);
	tl_hl_shapes(&whole, whole.nbase);
	size_t checked = 0, dropped = 0, dates = 0;
	for (const char *p = strstr(t, "May 5"); p; p = strstr(p + 1, "May 5")) {
		size_t a = (size_t)(p - t), len = 0;
		tl_sentence w = {a > 200 ? a - 200 : 0, a + 205 < n ? a + 205 : n};
		while (w.start > 0 && t[w.start - 1] != ' ')
			w.start++;
		while (w.end < n && t[w.end] != ' ')
			w.end--;
		ck_assert_ptr_nonnull(tl_headline(&sc, t, s, w, a, a + 5, &len));
		/* now and then: the shapes of all tokens kept */
		if (dates++ % 50 == 0)
			tl_hl_shapes(&sc, sc.nbase);
		dropped += sc.abs0 > 0;
		/* one sentence, windows that start at spaces: the cache is never
		 * cut anew, and token number abs0 + i of it is token abs0 + i of
		 * the whole sentence */
		for (size_t i = 0; i < sc.nshaped; i++) {
			ck_assert_uint_lt(sc.abs0 + i, whole.nbase);
			ck_assert_uint_eq(sc.base[i].start, whole.base[sc.abs0 + i].start);
			ck_assert_uint_eq(sc.shape[i], whole.shape[sc.abs0 + i]);
			checked++;
		}
	}
	ck_assert_uint_gt(dropped, 0); /* tokens were dropped from the front */
	ck_assert_uint_gt(checked, 1000);
	tl_hl_scratch_free(&whole);
	tl_hl_scratch_free(&sc);
	free(t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("headline_windows");
	TCase *tc = tcase_create("windows");
	tcase_add_test(tc, test_sliding_windows);
	tcase_add_test(tc, test_shared_by_hand);
	tcase_add_test(tc, test_window_end_inside_word);
	tcase_add_test(tc, test_joined_words_by_hand);
	tcase_add_test(tc, test_repeats_with_changes);
	tcase_add_test(tc, test_same_as_memcmp);
	tcase_add_test(tc, test_shapes_as_cut_whole);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
