/*
 * test_wrap.c - hard-wrapped text: soft and hard line breaks (lib/wrap.c).
 *
 * Every expectation is worked out by hand from the rule in lib/wrap.c and
 * docs/engine.md: a blank line always ends a paragraph; a single line break
 * is white space unless the line before ends a sentence (. ! ? :), the next
 * line opens with a list marker, or the next line opens with a capital whose
 * word would have fitted on the line before (a heading, a short line).  The
 * DCT is 2021-11-06 throughout; dates with their year said resolve to it.
 */
#include "engine.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

static tl_parser *parser;

static void setup(void)
{
	ck_assert_int_eq(tl_parser_new(&parser, NULL), 0);
}

static void teardown(void)
{
	tl_parser_free(parser);
}

/* Parse text with the DCT 2021-11-06. */
static tl_document *parse(const char *text)
{
	tl_document_options o = TL_DOCUMENT_OPTIONS_INIT;
	o.has_dct = 1;
	o.dct.year = 2021;
	o.dct.month = 11;
	o.dct.day = 6;
	tl_document *d = NULL;
	ck_assert_int_eq(tl_document_parse(&d, parser, text, strlen(text), &o), 0);
	return d;
}

/* The timex whose extent is exactly the bytes `what` (NULL if none). */
static const tl_timex *timex_of(const tl_document *d, const char *text, const char *what)
{
	for (size_t i = 0; i < tl_document_timex_count(d); i++) {
		const tl_timex *t = tl_document_timex(d, i);
		if (t->byte_end - t->byte_start == strlen(what) &&
		    memcmp(text + t->byte_start, what, strlen(what)) == 0)
			return t;
	}
	return NULL;
}

/* Sentence i is exactly the bytes `what`. */
static void sentence_is(const tl_document *d, const char *text, size_t i, const char *what)
{
	size_t a, z;
	ck_assert_int_eq(tl_document_sentence(&a, &z, d, i), 0);
	ck_assert_uint_eq(z - a, strlen(what));
	ck_assert(memcmp(text + a, what, z - a) == 0);
}

/* The event of the timex t. */
static const tl_doc_event *event_of(const tl_document *d, const tl_timex *t)
{
	for (size_t i = 0; i < d->nevent; i++)
		if (tl_document_timex(d, d->events[i].timex) == t)
			return &d->events[i];
	return NULL;
}

/* The example of the defect: three lines, one sentence, two whole dates. */
static void check_council(const char *text, const char *first_date)
{
	static const char *const flat = "The council met on 9 March 2021 and voted to close the "
	                                "old mill on November 5, 2021, after a long debate.";
	tl_document *d = parse(text);
	ck_assert_uint_eq(tl_document_sentence_count(d), 1);
	ck_assert_uint_eq(tl_document_timex_count(d), 2);
	const tl_timex *m = timex_of(d, text, first_date);
	const tl_timex *n = timex_of(d, text, "November 5, 2021");
	ck_assert_ptr_nonnull(m);
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq(m->value, "2021-03-09");
	ck_assert_str_eq(n->value, "2021-11-05");
	/* offsets point into the original text, line break and all */
	ck_assert_uint_eq(m->byte_start, strlen("The council met on "));
	const tl_doc_event *em = event_of(d, m), *en = event_of(d, n);
	ck_assert_ptr_nonnull(em);
	ck_assert_ptr_nonnull(en);
	/* the text reads as one line: each line break is one space */
	ck_assert_str_eq(em->text, flat);
	ck_assert_str_eq(en->text, flat);
	/* the headline is the clause without the date phrase and "on" */
	ck_assert_str_eq(en->headline,
	                 "Council met on 9 March 2021 and voted to close the old mill");
	ck_assert_str_eq(em->headline,
	                 "Council met and voted to close the old mill on November 5, 2021");
	tl_document_free(d);
}

START_TEST(test_council_lf)
{
	check_council("The council met on 9 March\n2021 and voted to close the old mill on\n"
	              "November 5, 2021, after a long debate.\n",
	              "9 March\n2021");
}
END_TEST

START_TEST(test_council_crlf)
{
	check_council("The council met on 9 March\r\n2021 and voted to close the old mill on\r\n"
	              "November 5, 2021, after a long debate.\r\n",
	              "9 March\r\n2021");
}
END_TEST

/* A lone CR (old Mac OS line end) inside a sentence is white space: the
 * date runs across it and the event's text shows it as one space. */
START_TEST(test_lone_cr)
{
	const char *text = "The mill was sold on 1 June\r2021 to its new owners.";
	tl_document *d = parse(text);
	const tl_timex *m = timex_of(d, text, "1 June\r2021");
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->value, "2021-06-01");
	const tl_doc_event *e = event_of(d, m);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->text, "The mill was sold on 1 June 2021 to its new owners.");
	tl_document_free(d);
}
END_TEST

/* A paragraph wrapped at 72 columns (greedy: each line takes every word
 * that fits).  "Town" opens a line with a capital but did not fit on the
 * line before (69 + 1 + 4 > 72 and longer than any line so far), so it is
 * a soft break; the date runs across "November\n5, 2021". */
static const char para72[] =
    "On a grey Friday morning the town council of Millbrook met in the old\n"
    "Town Library to decide the fate of the paper mill, which had employed\n"
    "three generations of local families since 1921. After a long and often\n"
    "bitter debate the members voted by seven to two to close the mill on\n"
    "November 5, 2021, and to sell the site to the regional housing trust by\n"
    "the end of the following spring.\n";

START_TEST(test_wrapped_72)
{
	tl_document *d = parse(para72);
	ck_assert_uint_eq(tl_document_sentence_count(d), 2);
	sentence_is(d, para72, 0,
	            "On a grey Friday morning the town council of Millbrook met in the old\n"
	            "Town Library to decide the fate of the paper mill, which had employed\n"
	            "three generations of local families since 1921.");
	const tl_timex *n = timex_of(d, para72, "November 5, 2021");
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq(n->value, "2021-11-05");
	ck_assert_uint_eq(n->sentence, 1);
	const tl_timex *y = timex_of(d, para72, "1921");
	ck_assert_ptr_nonnull(y);
	ck_assert_str_eq(y->value, "1921");
	const tl_doc_event *e = event_of(d, n);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->text, "After a long and often bitter debate the members voted by "
	                          "seven to two to close the mill on November 5, 2021, and to "
	                          "sell the site to the regional housing trust by the end of "
	                          "the following spring.");
	tl_document_free(d);
}
END_TEST

/* A date cut by the wrap: "on November\n5, 2021" is one timex. */
START_TEST(test_date_across_lines)
{
	static const char text[] =
	    "After a long and often bitter debate the members voted to close it on November\n"
	    "5, 2021, and to sell the site.\n";
	tl_document *d = parse(text);
	ck_assert_uint_eq(tl_document_sentence_count(d), 1);
	const tl_timex *n = timex_of(d, text, "November\n5, 2021");
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq(n->value, "2021-11-05");
	ck_assert_uint_eq(n->byte_start, strlen(text) - strlen("November\n5, 2021, and to sell "
	                                                       "the site.\n"));
	tl_document_free(d);
}
END_TEST

/* A heading on its own line: "Mill closes" (11) + " The" fits in the next
 * line (40): two units; the heading stays out of the sentence. */
START_TEST(test_heading)
{
	static const char text[] = "Mill closes\nThe council voted on Nov. 5 to close it.";
	tl_document *d = parse(text);
	ck_assert_uint_eq(tl_document_sentence_count(d), 2);
	sentence_is(d, text, 0, "Mill closes");
	sentence_is(d, text, 1, "The council voted on Nov. 5 to close it.");
	const tl_timex *n = timex_of(d, text, "Nov. 5");
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq(n->value, "2021-11-05");
	const tl_doc_event *e = event_of(d, n);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->text, "The council voted on Nov. 5 to close it.");
	ck_assert_ptr_null(strstr(e->headline, "Mill"));
	tl_document_free(d);
}
END_TEST

/* A dateline in capitals after a title: "PORT" would have needed a longer
 * line than any so far (66 + 1 + 4 > 66), so only the capitals rule keeps
 * it out of the title. */
START_TEST(test_dateline)
{
	static const char text[] =
	    "Saltmarsh line to reopen in April after two years of flood repairs\n"
	    "PORT ELLISON\n"
	    "The line, closed since storms washed out its embankment on Feb. 9, 2023, will "
	    "carry passengers again, the regional transport authority said on Thursday.\n";
	tl_document *d = parse(text);
	ck_assert_uint_eq(tl_document_sentence_count(d), 3);
	sentence_is(d, text, 0,
	            "Saltmarsh line to reopen in April after two years of flood repairs");
	sentence_is(d, text, 1, "PORT ELLISON");
	const tl_timex *f = timex_of(d, text, "Feb. 9, 2023");
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->value, "2023-02-09");
	ck_assert_uint_eq(f->sentence, 2);
	tl_document_free(d);
}
END_TEST

/* List items stay apart: each line opens with "- ". */
START_TEST(test_list)
{
	static const char text[] = "- 5 March: opening\n- 9 March: vote\n";
	tl_document *d = parse(text);
	ck_assert_uint_eq(tl_document_sentence_count(d), 2);
	sentence_is(d, text, 0, "- 5 March: opening");
	sentence_is(d, text, 1, "- 9 March: vote");
	const tl_timex *a = timex_of(d, text, "5 March"), *b = timex_of(d, text, "9 March");
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(a->sentence, 0);
	ck_assert_uint_eq(b->sentence, 1);
	/* the year is the resolver's choice; the month and day were said */
	ck_assert_str_eq(a->value + 4, "-03-05");
	ck_assert_str_eq(b->value + 4, "-03-09");
	tl_document_free(d);
}
END_TEST

/* Numbered items and a line ending in a colon are hard breaks too: no
 * sentence runs across a line.  (The sentence split itself cuts after a
 * number and a period, "1.", as anywhere in a line.) */
START_TEST(test_numbered_and_colon)
{
	static const char text[] = "The timeline:\n1. On 5 March 2021 the hall opened\n"
	                           "2) On 9 March 2021 the council voted\n";
	tl_document *d = parse(text);
	ck_assert_uint_eq(tl_document_sentence_count(d), 4);
	sentence_is(d, text, 0, "The timeline:");
	sentence_is(d, text, 1, "1.");
	sentence_is(d, text, 2, "On 5 March 2021 the hall opened");
	sentence_is(d, text, 3, "2) On 9 March 2021 the council voted");
	tl_document_free(d);
}
END_TEST

/* A blank line (spaces on it, too) always ends the paragraph: "9 March"
 * and "2021" do not join. */
START_TEST(test_blank_line)
{
	static const char text[] = "The council met on 9 March\n  \t\n2021 was a hard year.\n";
	tl_document *d = parse(text);
	ck_assert_uint_eq(tl_document_sentence_count(d), 2);
	ck_assert_ptr_null(timex_of(d, text, "9 March\n  \t\n2021"));
	const tl_timex *y = timex_of(d, text, "2021");
	ck_assert_ptr_nonnull(y);
	ck_assert_str_eq(y->value, "2021");
	ck_assert_uint_eq(y->sentence, 1);
	tl_document_free(d);
}
END_TEST

/* An abbreviation at the end of a line does not end the sentence. */
START_TEST(test_abbreviation_at_line_end)
{
	static const char text[] =
	    "The members of the council of the small town voted to close it on Nov.\n"
	    "5, 2021, after a long debate.\n";
	tl_document *d = parse(text);
	ck_assert_uint_eq(tl_document_sentence_count(d), 1);
	const tl_timex *n = timex_of(d, text, "Nov.\n5, 2021");
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq(n->value, "2021-11-05");
	tl_document_free(d);
}
END_TEST

/* A line longer than TL_WRAP_MAXLINE code points is a paragraph of its own
 * (one paragraph per line): the next line starts a new unit even in lower
 * case. */
START_TEST(test_long_line)
{
	char text[512];
	char line[TL_WRAP_MAXLINE + 40];
	memset(line, 'a', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	for (size_t i = 5; i < sizeof(line) - 1; i += 6)
		line[i] = ' ';
	snprintf(text, sizeof(text), "%s in 9 March\n2021 it rained.\n", line);
	tl_document *d = parse(text);
	ck_assert_uint_eq(tl_document_sentence_count(d), 2);
	ck_assert_ptr_null(timex_of(d, text, "9 March\n2021"));
	tl_document_free(d);
}
END_TEST

/* Export a timeline of text in format fmt (the caller frees the result). */
static char *export_text(const char *text, tl_format fmt)
{
	tl_timeline *tl;
	char *out = NULL;
	size_t len;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, parse(text)), 0);
	ck_assert_int_eq(tl_export(&out, &len, tl, fmt, NULL), 0);
	ck_assert_uint_eq(strlen(out), len);
	tl_timeline_free(tl);
	return out;
}

/* The exports of a timex that spans a CRLF line break: TimeML keeps the
 * original bytes (the carriage return as a character reference, XML
 * would fold it into the line feed); the event texts read as one line. */
START_TEST(test_exports)
{
	static const char text[] =
	    "The council met on 9 March\r\n2021 and voted to close the old mill "
	    "on\r\nNovember 5, 2021, after a long debate.\r\n";
	static const char flat[] =
	    "The council met on 9 March 2021 and voted to close the old mill "
	    "on November 5, 2021, after a long debate.";
	char *o = export_text(text, TL_FORMAT_TIMEML);
	ck_assert_ptr_nonnull(strstr(o, "\">9 March&#13;\n2021</TIMEX3>"));
	tl_free(o);
	o = export_text(text, TL_FORMAT_TSV);
	/* a header and two events, eight fields each, the text whole */
	size_t lines = 0, tabs = 0;
	for (const char *p = o; *p; p++)
		lines += *p == '\n', tabs += *p == '\t';
	ck_assert_uint_eq(lines, 3);
	ck_assert_uint_eq(tabs, 3 * 7);
	ck_assert_ptr_nonnull(strstr(o, flat));
	ck_assert_ptr_null(strstr(o, "\\r"));
	tl_free(o);
	o = export_text(text, TL_FORMAT_JSON);
	ck_assert_ptr_nonnull(strstr(o, flat));
	tl_free(o);
	o = export_text(text, TL_FORMAT_ICS);
	ck_assert_ptr_nonnull(strstr(o, "DESCRIPTION:The council met on 9 March 2021 and voted"));
	ck_assert_ptr_null(strstr(o, "\\n"));
	tl_free(o);
	o = export_text(text, TL_FORMAT_HTML);
	ck_assert_ptr_nonnull(strstr(o, "The council met on 9 March 2021 and voted"));
	tl_free(o);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("wrap");
	TCase *tc = tcase_create("wrap");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_council_lf);
	tcase_add_test(tc, test_council_crlf);
	tcase_add_test(tc, test_lone_cr);
	tcase_add_test(tc, test_wrapped_72);
	tcase_add_test(tc, test_date_across_lines);
	tcase_add_test(tc, test_heading);
	tcase_add_test(tc, test_dateline);
	tcase_add_test(tc, test_list);
	tcase_add_test(tc, test_numbered_and_colon);
	tcase_add_test(tc, test_blank_line);
	tcase_add_test(tc, test_abbreviation_at_line_end);
	tcase_add_test(tc, test_long_line);
	tcase_add_test(tc, test_exports);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed != 0;
}
