/*
 * test_engine.c - the engine's internals and the seed article.
 *
 * Expected values are worked out by hand: the seed article's from
 * ../shared/seed/expected.json (DCT 2021-11-06), calendar facts from the
 * Gregorian calendar (Easter 2021 was April 4, Thanksgiving 2021 November
 * 25; 2021-11-06 was a Saturday in ISO week 44).
 */
#include "engine.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* The seed article, read from ../shared (skipped when absent). */
static char *read_seed(size_t *len)
{
	const char *shared = getenv("TL_SHARED");
	char path[1024];
	snprintf(path, sizeof(path), "%s/seed/000_4bb7f8f2e395c1ed.txt",
	         shared ? shared : "../../shared");
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 16);
	*len = fread(buf, 1, (1 << 16) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static const struct {
	const char *text, *value;
	tl_timex_type type;
	int approx; /* mod APPROX or LESS_THAN expected */
} seed[] = {
    {"Nov. 5", "2021-11-05", TL_TIMEX_DATE, 0},
    {"nearly 30-year", "P30Y", TL_TIMEX_DURATION, 1},
    {"1991", "1991", TL_TIMEX_DATE, 0},
    {"Sept. 27, 2021", "2021-09-27", TL_TIMEX_DATE, 0},
    {"44-day", "P44D", TL_TIMEX_DURATION, 0},
    {"almost 30 years", "P30Y", TL_TIMEX_DURATION, 1},
    {"Nov. 10, 2020", "2020-11-10", TL_TIMEX_DATE, 0},
    {"Two months later", "2021-01", TL_TIMEX_DATE, 0},
};

/* Check the eight seed timexes, with the DCT given or inferred. */
static void check_seed(int given)
{
	size_t len;
	char *text = read_seed(&len);
	if (!text)
		return; /* ../shared is not there */
	tl_parser *p;
	ck_assert_int_eq(tl_parser_new(&p, NULL), 0);
	tl_document_options o = TL_DOCUMENT_OPTIONS_INIT;
	if (given) {
		o.has_dct = 1;
		o.dct.year = 2021;
		o.dct.month = 11;
		o.dct.day = 6;
	}
	tl_document *d;
	ck_assert_int_eq(tl_document_parse(&d, p, text, len, &o), 0);
	ck_assert_uint_eq(tl_document_timex_count(d), 8);
	for (size_t i = 0; i < 8; i++) {
		const tl_timex *t = tl_document_timex(d, i);
		ck_assert_uint_eq(t->byte_end - t->byte_start, strlen(seed[i].text));
		ck_assert(memcmp(text + t->byte_start, seed[i].text, strlen(seed[i].text)) == 0);
		ck_assert_str_eq(t->value, seed[i].value);
		ck_assert_int_eq(t->type, seed[i].type);
		if (seed[i].approx)
			ck_assert(t->mod == TL_MOD_APPROX || t->mod == TL_MOD_LESS_THAN);
	}
	tl_date dct;
	ck_assert_int_eq(tl_document_dct(&dct, d), given ? TL_DCT_GIVEN : TL_DCT_INFERRED);
	if (!given) /* the latest explicit full date */
		ck_assert(dct.year == 2021 && dct.month == 9 && dct.day == 27);
	tl_document_free(d);
	tl_parser_free(p);
	free(text);
}

START_TEST(test_seed_given)
{
	check_seed(1);
}
END_TEST

START_TEST(test_seed_inferred)
{
	check_seed(0);
}
END_TEST

START_TEST(test_calendar)
{
	tl_date d = tl_easter(2021);
	ck_assert(d.month == 4 && d.day == 4);
	d = tl_easter(2000);
	ck_assert(d.month == 4 && d.day == 23);
	d = tl_nth_weekday(2021, 11, 4, 4); /* Thanksgiving */
	ck_assert_int_eq(d.day, 25);
	d = tl_nth_weekday(2021, 5, -1, 1); /* Memorial Day */
	ck_assert_int_eq(d.day, 31);
	tl_date s = {2021, 11, 6};
	ck_assert_int_eq(tl_date_weekday(s), 6);
	int32_t y, w;
	tl_date_isoweek(s, &y, &w);
	ck_assert(y == 2021 && w == 44);
	tl_date j1 = {2021, 1, 1}; /* a Friday: ISO week 53 of 2020 */
	tl_date_isoweek(j1, &y, &w);
	ck_assert(y == 2020 && w == 53);
}
END_TEST

START_TEST(test_overflow)
{
	tl_date d = {2021, 11, 6};
	tl_date r = tl_date_add_days(d, INT64_MAX);
	ck_assert_int_eq(r.year, 999999);
	r = tl_date_add_days(d, INT64_MIN);
	ck_assert_int_eq(r.year, -999999);
	r = tl_date_add_months(d, INT64_MAX);
	ck_assert_int_eq(r.year, 999999);
	r = tl_date_add_months(d, -25);
	ck_assert(r.year == 2019 && r.month == 10 && r.day == 6);
	tl_date m31 = {2021, 1, 31};
	r = tl_date_add_months(m31, 1); /* clamped to February's end */
	ck_assert(r.month == 2 && r.day == 28);
	ck_assert_int_eq(tl_clamp_year(INT64_MAX), 999999);
}
END_TEST

/* Short shifts and ISO weeks agree with day-number arithmetic on every day
 * of 1999..2001 and of the range's last and first years. */
START_TEST(test_short_shifts)
{
	static const int32_t years[] = {1999,    2000,    2001,    999997, 999998, 999999,
	                                -999999, -999998, -999997, 0,      -1};
	for (size_t k = 0; k < sizeof(years) / sizeof(years[0]); k++) {
		for (int32_t m = 1; m <= 12; m++) {
			for (int32_t day = 1; day <= tl_date_days_in_month(years[k], m); day++) {
				tl_date d = {years[k], m, day};
				int64_t z = tl_date_to_days(d);
				for (int n = -70; n <= 70; n += 3) {
					tl_date r = tl_date_add_days(d, n),
					        e = tl_date_from_days(z + n);
					if (e.year > 999999 || e.year < -999999)
						continue; /* saturated: test_overflow */
					ck_assert_int_eq(tl_date_cmp(r, e), 0);
				}
				int32_t y, w;
				tl_date_isoweek(d, &y, &w);
				int64_t thu = z + 4 - tl_date_weekday(d);
				tl_date t = tl_date_from_days(thu);
				if (t.year > 999999 || t.year < -999999 ||
				    t.year != tl_clamp_year(t.year))
					continue;
				ck_assert_int_eq(y, t.year);
				ck_assert_int_eq(
				    w, (thu - tl_date_to_days((tl_date){t.year, 1, 1})) / 7 + 1);
			}
		}
	}
}
END_TEST

START_TEST(test_wordtab)
{
	tl_wordtab tab;
	tl_wordtab_build(&tab);
	const tl_word *w = tl_wordtab_find(&tab, "sept", 4);
	ck_assert_ptr_nonnull(w);
	ck_assert(w->cls == W_MONTH && w->val == 9);
	w = tl_wordtab_find(&tab, "second", 6);
	ck_assert_ptr_nonnull(w);
	ck_assert_int_eq(w->cls, W_ORDINAL);
	w = tl_wordtab_next(&tab, w);
	ck_assert_ptr_nonnull(w);
	ck_assert(w->cls == W_UNIT && w->val == U_SECOND);
	ck_assert_ptr_null(tl_wordtab_find(&tab, "settlements", 11));
	ck_assert_ptr_null(tl_wordtab_find(&tab, "sep", 2)); /* a prefix is not a word */
}
END_TEST

/* text[0..n) parsed by p with the DCT 2021-11-06 (a Saturday). */
static tl_document *parse_nov6(const tl_parser *p, const char *text, size_t n)
{
	tl_document_options o = TL_DOCUMENT_OPTIONS_INIT;
	o.has_dct = 1;
	o.dct.year = 2021;
	o.dct.month = 11;
	o.dct.day = 6;
	tl_document *d;
	ck_assert_int_eq(tl_document_parse(&d, p, text, n, &o), 0);
	return d;
}

/* One text, DCT 2021-11-06: the first timex's value (or NULL when none). */
static char *first_value(const char *text)
{
	static char out[64];
	tl_parser *p;
	tl_parser_new(&p, NULL);
	tl_document *d = parse_nov6(p, text, strlen(text));
	char *r = NULL;
	if (tl_document_timex_count(d)) {
		snprintf(out, sizeof(out), "%s", tl_document_timex(d, 0)->value);
		r = out;
	}
	tl_document_free(d);
	tl_parser_free(p);
	return r;
}

START_TEST(test_huge_amounts)
{
	/* saturating arithmetic: no wrap, no crash, a year inside the range */
	char *v = first_value("It ended 10000000000000000000000 days later.");
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(v, "999999-12-31"); /* the last day of the range */
	v = first_value("It began 99999999999999999999 years ago.");
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(v, "-999999"); /* the first year of the range, not wrapped */
}
END_TEST

START_TEST(test_holidays_by_rule)
{
	ck_assert_str_eq(first_value("We met at Thanksgiving 2021."), "2021-11-25");
	ck_assert_str_eq(first_value("We met on Easter Sunday 2021."), "2021-04-04");
	ck_assert_str_eq(first_value("The parade was on Labor Day 2020."), "2020-09-07");
	ck_assert_str_eq(first_value("Shops closed on Christmas Day 2019."), "2019-12-25");
}
END_TEST

/* The tense of a sentence comes from its cue words (the ones the scanner
 * lists), the nearest before the mention, else the first after it: a
 * weekday is then the one before or after the DCT (Saturday 2021-11-06). */
START_TEST(test_tense_cues)
{
	ck_assert_str_eq(first_value("The trial is set to begin on Wednesday."), "2021-11-10");
	ck_assert_str_eq(first_value("The trial began on Wednesday."), "2021-11-03");
	ck_assert_str_eq(first_value("On Wednesday the trial ended."), "2021-11-03");
	ck_assert_str_eq(first_value("On Wednesday the trial will end."), "2021-11-10");
	/* the nearest cue before the mention wins over a later one */
	ck_assert_str_eq(first_value("They said the trial will begin on Wednesday."), "2021-11-10");
	ck_assert_str_eq(first_value("The trial will be over, they said on Wednesday."),
	                 "2021-11-03");
	/* a participle after "be" or "as" says no tense: "will" does */
	ck_assert_str_eq(first_value("It will be held as planned on Wednesday."), "2021-11-10");
	ck_assert_str_eq(first_value("The vote will go ahead as scheduled on Wednesday."),
	                 "2021-11-10");
	ck_assert_str_eq(first_value("The vote went ahead as expected on Wednesday."),
	                 "2021-11-03");
	/* "as" alone is no participle's: "ended" still says the past */
	ck_assert_str_eq(first_value("It will not be as it ended on Wednesday."), "2021-11-03");
}
END_TEST

/* A sentence without an end is cut at the first comma or semicolon past
 * 1000 bytes, and past 2000 bytes at any token (engine.c, split_chunk). */
START_TEST(test_long_sentences)
{
	static char text[4096];
	size_t n = 0;
	for (int j = 0; j < 100; j++, n += 5)
		memcpy(text + n, "word ", 5);
	memcpy(text + n, "x, ", 3); /* a comma at 501: not yet a cut */
	n += 3;
	for (int j = 0; j < 130; j++, n += 5)
		memcpy(text + n, "word ", 5);
	memcpy(text + n, "y; ", 3); /* a semicolon at 1154: the first cut */
	n += 3;
	for (int j = 0; j < 450; j++, n += 5) /* from 1156 */
		memcpy(text + n, "word ", 5);
	ck_assert_uint_eq(n, 3406);
	tl_parser *p;
	ck_assert_int_eq(tl_parser_new(&p, NULL), 0);
	tl_document_options o = TL_DOCUMENT_OPTIONS_INIT;
	tl_document *d;
	ck_assert_int_eq(tl_document_parse(&d, p, text, n, &o), 0);
	static const size_t want[][2] = {{0, 1155}, {1156, 3160}, {3161, 3405}};
	ck_assert_uint_eq(d->nsentence, 3);
	for (size_t i = 0; i < 3; i++) {
		ck_assert_uint_eq(d->sentences[i].start, want[i][0]);
		ck_assert_uint_eq(d->sentences[i].end, want[i][1]);
	}
	tl_document_free(d);
	tl_parser_free(p);
}
END_TEST

/* The byte where the first timex of text starts (DCT 2021-11-06), -1 when
 * there is none. */
static long first_start(const char *text)
{
	tl_parser *p;
	ck_assert_int_eq(tl_parser_new(&p, NULL), 0);
	tl_document *d = parse_nov6(p, text, strlen(text));
	long r = tl_document_timex_count(d) ? (long)tl_document_timex(d, 0)->byte_start : -1;
	tl_document_free(d);
	tl_parser_free(p);
	return r;
}

/* The words of the classes tl_word_may_start() passes over that do start
 * a match are candidates, and their timexes start at them. */
START_TEST(test_words_that_start)
{
	static const char *const texts[] = {
	    "The day before, it rained.", "At least 5 years passed.",  "A year later it ended.",
	    "Half a day passed.",         "Fiscal 2020 was weak.",     "Several days passed.",
	    "Earlier this year it fell.", "Later this year it ends.",  "Early 2020 it rose.",
	    "About 5 years passed.",      "In the near term it holds."};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		long b = first_start(texts[i]);
		ck_assert_msg(b == (i == 10 ? 3 : 0), "'%s': first timex at %ld", texts[i], b);
	}
	tl_parser *p;
	ck_assert_int_eq(tl_parser_new(&p, NULL), 0);
	static const char *const yes[] = {"the",     "at",      "a",     "half",  "fiscal",
	                                  "several", "earlier", "later", "early", "about",
	                                  "near",    "time",    "ad"};
	static const char *const no[] = {"was", "of", "in", "and", "ago", "before", "est"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		ck_assert_msg(tl_word_may_start(tl_wordtab_find(&p->words, yes[i], strlen(yes[i]))),
		              "%s", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		ck_assert_msg(!tl_word_may_start(tl_wordtab_find(&p->words, no[i], strlen(no[i]))),
		              "%s", no[i]);
	tl_parser_free(p);
}
END_TEST

/* A word that tl_word_may_start() says never starts a match (the scanner
 * does not list it as a candidate) starts no timex before a date, an
 * amount, a modifier or "the" (DCT 2021-11-06). */
START_TEST(test_words_that_never_start)
{
	tl_parser *p;
	ck_assert_int_eq(tl_parser_new(&p, NULL), 0);
	const tl_wordtab *tab = &p->words;
	static const char *const after[] = {" 5 years ago", " March 2020",   " the day before",
	                                    " early 2020",  " a year later", " two weeks",
	                                    " half a day",  " several days", " 1990s"};
	size_t nwords = 0;
	for (size_t h = 0; h < sizeof(tab->word) / sizeof(tab->word[0]); h++) {
		if (!tab->word[h])
			continue;
		const tl_word *w = &tab->words[tab->word[h] - 1];
		if (tl_word_may_start(w))
			continue;
		nwords++;
		for (size_t a = 0; a < sizeof(after) / sizeof(after[0]); a++) {
			char text[64];
			int n = snprintf(text, sizeof(text), "%s%s.", w->word, after[a]);
			ck_assert(n > 0 && (size_t)n < sizeof(text));
			tl_document *d = parse_nov6(p, text, (size_t)n);
			ck_assert_msg(tl_document_timex_count(d) > 0, "'%s': no timex", text);
			for (size_t i = 0; i < tl_document_timex_count(d); i++)
				ck_assert_msg(tl_document_timex(d, i)->byte_start > 0,
				              "'%s': a timex at the word", text);
			tl_document_free(d);
		}
	}
	/* "was", "of", "ago", "EST", ...: some words of each such class */
	ck_assert_uint_gt(nwords, 40);
	tl_parser_free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("engine");
	tcase_add_test(tc, test_seed_given);
	tcase_add_test(tc, test_seed_inferred);
	tcase_add_test(tc, test_calendar);
	tcase_add_test(tc, test_overflow);
	tcase_add_test(tc, test_short_shifts);
	tcase_add_test(tc, test_wordtab);
	tcase_add_test(tc, test_huge_amounts);
	tcase_add_test(tc, test_holidays_by_rule);
	tcase_add_test(tc, test_tense_cues);
	tcase_add_test(tc, test_long_sentences);
	tcase_add_test(tc, test_words_that_never_start);
	tcase_add_test(tc, test_words_that_start);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
