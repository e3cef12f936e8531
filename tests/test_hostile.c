/*
 * test_hostile.c - hostile input: every entry of the table gives a sane
 * result (every invariant of lib/invariants.c holds, the JSON and iCalendar
 * exports parse) or a clear error naming what is wrong and where.
 *
 * Big inputs are generated here, never committed.  TL_HOSTILE_SCALE=N (a
 * percentage, default 100) shrinks them, for runs under valgrind.
 */
#include "invariants.h"
#include "utf8_repair.h"

#include <check.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define MB ((size_t)1 << 20)

/* A size scaled by TL_HOSTILE_SCALE (never below 1 KB). */
static size_t scaled(size_t n)
{
	const char *s = getenv("TL_HOSTILE_SCALE");
	long pct = s ? strtol(s, NULL, 10) : 100;
	if (pct <= 0 || pct > 100)
		pct = 100;
	n = n / 100 * (size_t)pct;
	return n < 1024 ? 1024 : n;
}

/* A buffer of `count` copies of the `unit` string (len bytes). */
static char *repeat(size_t *len, const char *unit, size_t count)
{
	size_t u = strlen(unit);
	char *p = malloc(u * count + 1);
	ck_assert_ptr_nonnull(p);
	for (size_t i = 0; i < count; i++)
		memcpy(p + i * u, unit, u);
	p[u * count] = '\0';
	*len = u * count;
	return p;
}

/* Copies of unit until at least n bytes. */
static char *fill(size_t *len, const char *unit, size_t n)
{
	size_t u = strlen(unit);
	return repeat(len, unit, (n + u - 1) / u);
}

/* A copy of the first n bytes of s. */
static char *bytes(size_t *len, const char *s, size_t n)
{
	char *p = malloc(n + 1);
	ck_assert_ptr_nonnull(p);
	memcpy(p, s, n);
	p[n] = '\0';
	*len = n;
	return p;
}
#define LIT(s) bytes(len, s, sizeof(s) - 1)

static char *g_empty(size_t *len)
{
	return LIT("");
}
static char *g_space(size_t *len)
{
	return fill(len, " \t \n\r\n\f\v  \n", 64 * 1024);
}
static char *g_nul(size_t *len)
{
	return LIT("Sold on May 5\0, 2021\0\0 for cash.");
}
static char *g_continuation(size_t *len)
{
	return LIT("On \x80 May 5, 2021.");
}
static char *g_overlong2(size_t *len)
{
	return LIT("Date: \xC0\xAF 2021");
}
static char *g_overlong3(size_t *len)
{
	return LIT("In 1991 \xE0\x80\xAF it rained.");
}
static char *g_surrogate(size_t *len)
{
	return LIT("Nov. 5 \xED\xA0\x80\xED\xB0\x80 was cold.");
}
static char *g_fivebyte(size_t *len)
{
	return LIT("2021: \xF8\x88\x80\x80\x80 five bytes.");
}
static char *g_above_max(size_t *len)
{
	return LIT("Past U+10FFFF: \xF4\x90\x80\x80.");
}
static char *g_truncated(size_t *len)
{
	return LIT("Last week \xE2\x82");
}
static char *g_utf16le(size_t *len)
{
	return LIT("\xFF\xFEO\0n\0 \0M\0a\0y\0 \0\x35\0,\0 \0\x32\0\x30\0\x32\0\x31\0");
}
static char *g_utf16be(size_t *len)
{
	return LIT("\xFE\xFF\0O\0n\0 \0M\0a\0y\0 \0\x35");
}
static char *g_utf16_nobom(size_t *len)
{
	return LIT("O\0n\0 \0M\0a\0y\0 \0\x35\0");
}
static char *g_utf32le(size_t *len)
{
	return LIT("\xFF\xFE\0\0O\0\0\0n\0\0\0");
}
static char *g_utf8_bom(size_t *len)
{
	return LIT("\xEF\xBB\xBFOn May 5, 2021, the bridge closed. It reopened two days later.\n");
}
static char *g_crlf(size_t *len)
{
	return fill(len, "On March 3, 2020,\r\nit rained.\r\nNext day it snowed.\r\n", 256 * 1024);
}
static char *g_lone_cr(size_t *len)
{
	return fill(len, "On March 3, 2020,\rit rained.\rNext day it snowed.\r", 256 * 1024);
}
static char *g_line_50mb(size_t *len)
{
	return fill(len,
	            "The committee met on March 3, 2020 and again two days later; by 5 p.m. EST "
	            "on Nov. 6 the vote, delayed since the 1990s, was done. ",
	            scaled(50 * MB));
}
static char *g_no_sentence_end(size_t *len)
{
	return fill(len, "in 2020 and 1999 and last week and ", scaled(4 * MB));
}
static char *g_may(size_t *len)
{
	return repeat(len, "May ", 250000);
}
static char *g_nov5(size_t *len)
{
	return repeat(len, "Nov. 5, ", 150000);
}
static char *g_impossible(size_t *len)
{
	return LIT(
	    "It happened on February 30, 2021, or on 2021-13-45, or on 31 April 2020, "
	    "in the year 99999999999999999999, at 25:61, and 10^22 days later. "
	    "10000000000000000000000 days later it ended; 99999999999999999999 years ago "
	    "it began, in the 99999999999999999999th century, 999999999999 BC, on "
	    "2021-02-29 and 0000-00-00, in week 54 of 2021 and the fifth quarter; at "
	    "2021-11-05T30:30, 1998-03-01T10:70, 2021-11-05T14:3221 or 2021-11-05T199:30.\n");
}
static char *g_digits(size_t *len)
{
	return fill(len, "12345678901234567890", scaled(1 * MB));
}
static char *g_nesting(size_t *len)
{
	return fill(len, "(((([[{{ from 1990 to ", scaled(1 * MB));
}
static char *g_punct(size_t *len)
{
	return fill(len, ". ! ? , ; - -- \xE2\x80\x93 / : ", scaled(1 * MB));
}

/* Date words, numbers and glue, for the word soup. */
static const char *const soup_words[] = {
    "May",      "Nov.",       "5",          "2021",       "last",         "next",
    "week",     "ago",        "later",      "the",        "1990s",        "-",
    "to",       "from",       "every",      "Monday",     "p.m.",         "EST",
    ",",        ".",          "T",          "year",       "days",         "two",
    "third",    "quarter",    "early",      "mid-",       "10^22",        "99999999999999999999",
    "31",       "12:30",      "noon",       "tonight",    "spring",       "fiscal",
    "century",  "decade",     "before",     "after",      "since",        "until",
    "on",       "in",         "of",         "and",        "or",           "yesterday",
    "tomorrow", "hours",      "minutes",    "weekly",     "twice",        "a",
    "half",     "2021-11-05", "11/05/2021", "05.11.2021", "\xE2\x80\x93", "first",
    "XXXX",     "February",   "30",         "13",         "45",           "Q3",
    "W44",      "BC",         "AD",         "1st",        "22nd",         "\n",
};

/* Word soup from a fixed seed (the same every run). */
static char *g_soup(size_t *len)
{
	size_t n = scaled(2 * MB), nwords = sizeof(soup_words) / sizeof(soup_words[0]);
	char *p = malloc(n + 64);
	ck_assert_ptr_nonnull(p);
	uint64_t x = 0x2545F4914F6CDD1DULL; /* xorshift64 */
	size_t used = 0;
	while (used < n) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		const char *w = soup_words[x % nwords];
		size_t wl = strlen(w);
		memcpy(p + used, w, wl);
		used += wl;
		p[used++] = (x >> 32) % 5 ? ' ' : ',';
	}
	p[used] = '\0';
	*len = used;
	return p;
}

typedef struct hostile {
	const char *name;
	char *(*make)(size_t *len);
	int rc;          /* what tl_document_parse returns */
	long offset;     /* the byte offset the message names, or -1 */
	const char *msg; /* a part of the message, or NULL */
} hostile;

static const hostile table[] = {
    {"empty", g_empty, 0, -1, NULL},
    {"whitespace only", g_space, 0, -1, NULL},
    {"NUL bytes", g_nul, TL_EUTF8, 13, "NUL"},
    {"lone continuation byte", g_continuation, TL_EUTF8, 3, "UTF-8"},
    {"overlong 2-byte form", g_overlong2, TL_EUTF8, 6, "UTF-8"},
    {"overlong 3-byte form", g_overlong3, TL_EUTF8, 8, "UTF-8"},
    {"surrogates", g_surrogate, TL_EUTF8, 7, "UTF-8"},
    {"5-byte form", g_fivebyte, TL_EUTF8, 6, "UTF-8"},
    {"above U+10FFFF", g_above_max, TL_EUTF8, 15, "UTF-8"},
    {"truncated at the end", g_truncated, TL_EUTF8, 10, "UTF-8"},
    {"UTF-16LE with BOM", g_utf16le, TL_EUTF8, -1, "UTF-16LE"},
    {"UTF-16BE with BOM", g_utf16be, TL_EUTF8, -1, "UTF-16BE"},
    {"UTF-16 without BOM", g_utf16_nobom, TL_EUTF8, 1, "NUL"},
    {"UTF-32LE with BOM", g_utf32le, TL_EUTF8, -1, "UTF-32LE"},
    {"UTF-8 BOM", g_utf8_bom, 0, -1, NULL},
    {"CRLF line ends", g_crlf, 0, -1, NULL},
    {"lone CR line ends", g_lone_cr, 0, -1, NULL},
    {"one 50 MB line", g_line_50mb, 0, -1, NULL},
    {"4 MB without a sentence end", g_no_sentence_end, 0, -1, NULL},
    {"250,000 x 'May '", g_may, 0, -1, NULL},
    {"150,000 x 'Nov. 5, '", g_nov5, 0, -1, NULL},
    {"impossible dates", g_impossible, 0, -1, NULL},
    {"1 MB of digits", g_digits, 0, -1, NULL},
    {"1 MB of brackets and ranges", g_nesting, 0, -1, NULL},
    {"1 MB of punctuation", g_punct, 0, -1, NULL},
    {"word soup of date words", g_soup, 0, -1, NULL},
};
#define NTABLE (sizeof(table) / sizeof(table[0]))

/* The JSON export parses with json-c and lists n timexes. */
static void check_json(tl_timeline *tl, size_t ntimex, const char *name)
{
	char *out = NULL;
	size_t len = 0;
	ck_assert_msg(tl_export(&out, &len, tl, TL_FORMAT_JSON, NULL) == 0, "%s: JSON: %s", name,
	              tl_error_last());
	json_tokener *tok = json_tokener_new();
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	json_object *root = json_tokener_parse_ex(tok, out, (int)len);
	ck_assert_msg(root != NULL, "%s: JSON export does not parse: %s", name,
	              json_tokener_error_desc(json_tokener_get_error(tok)));
	json_object *timexes;
	ck_assert(json_object_object_get_ex(root, "timexes", &timexes));
	ck_assert_uint_eq(json_object_array_length(timexes), ntimex);
	json_object_put(root);
	json_tokener_free(tok);
	tl_free(out);
}

/* Where ics_line() is in the text it hands to libical. */
typedef struct ics_reader {
	const char *p, *end;
} ics_reader;

/* libical's line generator (an fgets() look-alike): the next line of the
 * text, newline included, at most size - 1 bytes of it (libical joins the
 * pieces of a longer line); NULL at the end.  memchr() finds the line end:
 * icalparser_parse_string() uses strchr() on the NUL-terminated rest, which
 * under ASan's strict_string_checks reads the whole rest of the text for
 * every line, quadratic on a big export. */
static char *ics_line(char *s, size_t size, void *d)
{
	ics_reader *r = d;
	if (r->p >= r->end || size < 2)
		return NULL;
	size_t n = (size_t)(r->end - r->p);
	const char *nl = memchr(r->p, '\n', n);
	if (nl)
		n = (size_t)(nl - r->p) + 1;
	if (n > size - 1)
		n = size - 1;
	memcpy(s, r->p, n);
	s[n] = '\0';
	r->p += n;
	return s;
}

/* Parse text[0..len) with libical, a line at a time (see ics_line()).  The
 * caller frees the result (NULL when nothing parsed). */
static icalcomponent *ics_parse(const char *text, size_t len)
{
	ics_reader r = {text, text + len};
	icalparser *p = icalparser_new();
	ck_assert_ptr_nonnull(p);
	icalparser_set_gen_data(p, &r);
	icalcomponent *cal = icalparser_parse(p, ics_line);
	icalparser_free(p);
	return cal;
}

/* The iCalendar export parses with libical, without errors, one VEVENT an event. */
static void check_ics(tl_timeline *tl, const char *name)
{
	char *out = NULL;
	size_t len = 0;
	ck_assert_msg(tl_export(&out, &len, tl, TL_FORMAT_ICS, NULL) == 0, "%s: ICS: %s", name,
	              tl_error_last());
	icalcomponent *cal = ics_parse(out, len);
	ck_assert_msg(cal != NULL, "%s: iCalendar export does not parse", name);
	ck_assert_int_eq(icalcomponent_count_errors(cal), 0);
	/* one VEVENT an event, but for those libical cannot write (years
	 * outside 1..3000), which are counted in X-LIBTIMELINE-OMITTED */
	size_t nev = tl_timeline_event_count(tl), omitted = 0;
	for (size_t i = 0; i < nev; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		omitted += e->start.year < 1 || e->end.year > 3000;
	}
	ck_assert_uint_eq((size_t)icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT),
	                  nev - omitted);
	icalcomponent_free(cal);
	tl_free(out);
}

static tl_parser *parser;

static void setup(void)
{
	ck_assert_int_eq(tl_parser_new(&parser, NULL), 0);
}

static void teardown(void)
{
	tl_parser_free(parser);
	parser = NULL;
}

/* Parse with the DCT 2021-11-05; for a refusal, check the code and message. */
static tl_document *parse(const hostile *h, const char *text, size_t len, int replace)
{
	tl_document_options opts = TL_DOCUMENT_OPTIONS_INIT;
	opts.id = "hostile.txt";
	opts.has_dct = 1;
	opts.dct = (tl_date){2021, 11, 5};
	opts.replace_invalid = replace;
	tl_document *doc = NULL;
	int rc = tl_document_parse(&doc, parser, text, len, &opts);
	int want = replace && h->rc == TL_EUTF8 && h->offset >= 0 ? 0 : h->rc;
	ck_assert_msg(rc == want, "%s: tl_document_parse gives %d (%s), expected %d", h->name, rc,
	              tl_error_last(), want);
	if (rc) {
		const char *msg = tl_error_last();
		ck_assert_ptr_null(doc);
		ck_assert_msg(strstr(msg, "hostile.txt"), "%s: message '%s' names no file", h->name,
		              msg);
		ck_assert_msg(!h->msg || strstr(msg, h->msg), "%s: message '%s' does not say '%s'",
		              h->name, msg, h->msg);
		if (h->offset >= 0) {
			char want_off[40];
			snprintf(want_off, sizeof(want_off), "offset %ld", h->offset);
			ck_assert_msg(strstr(msg, want_off), "%s: message '%s' does not say '%s'",
			              h->name, msg, want_off);
		}
	}
	return doc;
}

START_TEST(test_hostile)
{
	const hostile *h = &table[_i];
	size_t len = 0;
	char *text = h->make(&len);
	char why[512];
	/* valid text: once; refused text: also with replace_invalid */
	for (int replace = 0; replace <= (h->rc != 0); replace++) {
		tl_document *doc = parse(h, text, len, replace);
		if (!doc)
			continue;
		ck_assert_msg(tl_check_document(doc, why, sizeof(why)) == 0, "%s: %s", h->name,
		              why);
		size_t first, nrepair = tl_document_repairs(doc, &first);
		if (h->rc == 0)
			ck_assert_uint_eq(nrepair, 0);
		else {
			/* repaired: the first replacement where the error was */
			ck_assert_uint_ge(nrepair, 1);
			ck_assert_uint_eq(first, (size_t)h->offset);
		}
		size_t ntimex = tl_document_timex_count(doc);
		for (size_t i = 0; i < ntimex; i++)
			ck_assert_msg(tl_document_timex(doc, i)->byte_start >= 3 ||
			                  memcmp(text, "\xEF\xBB\xBF", 3) != 0,
			              "%s: a timex takes in the byte order mark", h->name);
		tl_timeline *tl = NULL;
		ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
		ck_assert_int_eq(tl_timeline_add(tl, doc), 0);
		ck_assert_msg(tl_timeline_build(tl) == 0, "%s: %s", h->name, tl_error_last());
		ck_assert_msg(tl_check_timeline(tl, why, sizeof(why)) == 0, "%s: %s", h->name, why);
		check_json(tl, ntimex, h->name);
		check_ics(tl, h->name);
		tl_timeline_free(tl);
	}
	free(text);
}
END_TEST

/* Replacement of maximal subparts, worked out from the Unicode Standard's
 * chapter 3 ("U+FFFD Substitution of Maximal Subparts"). */
static const struct {
	const char *in;
	size_t in_len;
	const char *out;
	size_t count, first;
} repairs[] = {
    {"a\x80"
     "b",
     3,
     "a\xEF\xBF\xBD"
     "b",
     1, 1},
    {"ab\xE2\x82", 4, "ab\xEF\xBF\xBD", 1, 2}, /* cut 3-byte form */
    {"\xE2\x82"
     "A",
     3,
     "\xEF\xBF\xBD"
     "A",
     1, 0}, /* cut, then ASCII */
    {"\xF0\x80\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4, 0},
    {"\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, 0}, /* surrogate */
    {"\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},                 /* overlong */
    {"x\xF8\x88\x80\x80\x80", 6, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 5,
     1},
    {"\xF1\x80\x80"
     "z",
     4,
     "\xEF\xBF\xBD"
     "z",
     1, 0}, /* cut 4-byte form */
    {"a\0b", 3,
     "a\xEF\xBF\xBD"
     "b",
     1, 1},                                              /* NUL */
    {"\xC3\xA9t\xC3\xA9", 5, "\xC3\xA9t\xC3\xA9", 0, 0}, /* valid: unchanged */
};

START_TEST(test_repair)
{
	char *out;
	size_t len, count, first;
	ck_assert_int_eq(
	    tl_utf8_repair(&out, &len, &count, &first, repairs[_i].in, repairs[_i].in_len), 0);
	ck_assert_uint_eq(len, strlen(repairs[_i].out));
	ck_assert_msg(memcmp(out, repairs[_i].out, len) == 0, "case %d: wrong replacement", _i);
	ck_assert_uint_eq(count, repairs[_i].count);
	ck_assert_uint_eq(first, repairs[_i].first);
	free(out);
}
END_TEST

/* Past TL_DOCUMENT_MAX_BYTES: refused before a byte is read.  The text is a
 * private read-only mapping of /dev/zero, so no memory is used. */
START_TEST(test_too_big)
{
	size_t n = TL_DOCUMENT_MAX_BYTES + 1;
	int fd = open("/dev/zero", O_RDONLY);
	ck_assert_int_ge(fd, 0);
	void *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	ck_assert(p != MAP_FAILED);
	tl_document *doc = NULL;
	ck_assert_int_eq(tl_document_parse(&doc, parser, p, n, NULL), TL_ERANGE);
	ck_assert_ptr_null(doc);
	ck_assert_msg(strstr(tl_error_last(), "limit"), "message '%s'", tl_error_last());
	munmap(p, n);
}
END_TEST

/* A sentence that is nothing but its date in brackets ("(June 5, 2021)")
 * has an empty headline; its iCalendar event still reads back without errors
 * and with a non-empty SUMMARY.  The document is built by hand, as the
 * engine would fill it. */
START_TEST(test_date_only_sentence)
{
	static const char text[] = "(June 5, 2021)";
	tl_document *doc = calloc(1, sizeof(*doc));
	ck_assert_ptr_nonnull(doc);
	doc->id = tl_arena_strdup(&doc->arena, "only-a-date");
	doc->text = tl_arena_strdup(&doc->arena, text);
	doc->len = strlen(text);
	tl_sentence s = {0, doc->len};
	ck_assert_int_eq(TL_VEC_PUSH(doc->sentences, doc->nsentence, doc->cap_sentence, s), 0);
	tl_timex t;
	memset(&t, 0, sizeof(t));
	t.byte_start = t.char_start = 1;
	t.byte_end = t.char_end = 13; /* "June 5, 2021" */
	t.type = TL_TIMEX_DATE;
	t.value = "2021-06-05";
	t.has_interval = 1;
	t.begin = (tl_date){2021, 6, 5};
	t.end = (tl_date){2021, 6, 6};
	t.granularity = TL_GRAN_DAY;
	t.range_partner = -1;
	ck_assert_int_eq(tl_document_push_timex(doc, &t), 0);
	ck_assert_int_eq(tl_events_extract(doc), 0);
	char why[256];
	ck_assert_msg(tl_check_document(doc, why, sizeof(why)) == 0, "%s", why);
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, doc), 0);
	ck_assert_uint_eq(tl_timeline_event_count(tl), 1);
	check_ics(tl, "date-only sentence");
	char *out = NULL;
	ck_assert_int_eq(tl_export(&out, NULL, tl, TL_FORMAT_ICS, NULL), 0);
	icalcomponent *cal = ics_parse(out, strlen(out));
	icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	ck_assert_ptr_nonnull(ev);
	const char *summary = icalcomponent_get_summary(ev);
	ck_assert_msg(summary && *summary, "empty SUMMARY");
	icalcomponent_free(cal);
	tl_free(out);
	tl_timeline_free(tl);
}
END_TEST

/* libical writes no year after 3000: an event in 3500 is left out of the
 * iCalendar export and counted, and a DCT of 9999-12-31 does not become the
 * DTSTAMP; the calendar reads back without errors. */
START_TEST(test_ics_far_future)
{
	static const char text[] = "The lease ends in 3500.";
	tl_document *doc = calloc(1, sizeof(*doc));
	ck_assert_ptr_nonnull(doc);
	doc->id = tl_arena_strdup(&doc->arena, "far-future");
	doc->text = tl_arena_strdup(&doc->arena, text);
	doc->len = strlen(text);
	doc->dct = (tl_date){9999, 12, 31};
	doc->dct_source = TL_DCT_GIVEN;
	tl_sentence s = {0, doc->len};
	ck_assert_int_eq(TL_VEC_PUSH(doc->sentences, doc->nsentence, doc->cap_sentence, s), 0);
	tl_timex t;
	memset(&t, 0, sizeof(t));
	t.byte_start = t.char_start = 18;
	t.byte_end = t.char_end = 22; /* "3500" */
	t.type = TL_TIMEX_DATE;
	t.value = "3500";
	t.has_interval = 1;
	t.begin = (tl_date){3500, 1, 1};
	t.end = (tl_date){3501, 1, 1};
	t.granularity = TL_GRAN_YEAR;
	t.range_partner = -1;
	ck_assert_int_eq(tl_document_push_timex(doc, &t), 0);
	ck_assert_int_eq(tl_events_extract(doc), 0);
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, doc), 0);
	ck_assert_uint_eq(tl_timeline_event_count(tl), 1);
	char *out = NULL;
	ck_assert_int_eq(tl_export(&out, NULL, tl, TL_FORMAT_ICS, NULL), 0);
	icalcomponent *cal = ics_parse(out, strlen(out));
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_count_errors(cal), 0);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 0);
	ck_assert_ptr_nonnull(strstr(out, "X-LIBTIMELINE-OMITTED:1 event outside"));
	ck_assert_ptr_null(strstr(out, "00000000T000000"));
	icalcomponent_free(cal);
	tl_free(out);
	tl_timeline_free(tl);
}
END_TEST

/* A "sentence" of 100 KB (no sentence end) holding many dates: each event
 * gets a window of the text around its date, not the whole 100 KB, cut at a
 * space and on UTF-8 boundaries; so time and memory stay linear. */
START_TEST(test_long_sentence_window)
{
	const char *unit = "w\xC3\xA9 in 1999 and \xE2\x80\x94 ";
	size_t ul = strlen(unit), count = 100000 / ul, len = 0;
	char *text = repeat(&len, unit, count);
	tl_document *doc = calloc(1, sizeof(*doc));
	ck_assert_ptr_nonnull(doc);
	doc->id = tl_arena_strdup(&doc->arena, "long");
	doc->text = tl_arena_strndup(&doc->arena, text, len);
	doc->len = len;
	tl_sentence s = {0, len};
	ck_assert_int_eq(TL_VEC_PUSH(doc->sentences, doc->nsentence, doc->cap_sentence, s), 0);
	size_t chars_per_unit = tl_utf8_count(unit, ul);
	for (size_t k = 0; k < count; k += 97) {
		tl_timex t;
		memset(&t, 0, sizeof(t));
		t.byte_start = k * ul + 7; /* "1999": after "w", e acute (2 bytes), " in " */
		t.byte_end = t.byte_start + 4;
		t.char_start = k * chars_per_unit + 6;
		t.char_end = t.char_start + 4;
		t.type = TL_TIMEX_DATE;
		t.value = "1999";
		t.has_interval = 1;
		t.begin = (tl_date){1999, 1, 1};
		t.end = (tl_date){2000, 1, 1};
		t.granularity = TL_GRAN_YEAR;
		t.range_partner = -1;
		ck_assert_int_eq(tl_document_push_timex(doc, &t), 0);
	}
	ck_assert_int_eq(tl_events_extract(doc), 0);
	char why[256];
	ck_assert_msg(tl_check_document(doc, why, sizeof(why)) == 0, "%s", why);
	ck_assert_uint_eq(doc->nevent, doc->ntimex);
	for (size_t i = 0; i < doc->nevent; i++) {
		const char *et = doc->events[i].text;
		ck_assert_uint_le(strlen(et), 2 * 300 + 4);
		ck_assert_ptr_nonnull(strstr(et, "1999"));
		ck_assert_int_ne(et[0], ' ');
	}
	tl_document_free(doc);
	free(text);
}
END_TEST

/* Day numbers at and past the library's range of years: exact at the
 * edges, saturating beyond them (no overflow of the 64-bit day number, no
 * wrapped year), as "10^22 days later" needs. */
START_TEST(test_date_extremes)
{
	tl_date top = {999999, 12, 31}, bottom = {-999999, 1, 1};
	int64_t hi = tl_date_to_days(top), lo = tl_date_to_days(bottom);
	ck_assert_int_eq(tl_date_cmp(tl_date_from_days(hi), top), 0);
	ck_assert_int_eq(tl_date_cmp(tl_date_from_days(lo), bottom), 0);
	ck_assert_int_eq(tl_date_cmp(tl_date_from_days(hi + 1), top), 0);
	ck_assert_int_eq(tl_date_cmp(tl_date_from_days(INT64_MAX), top), 0);
	ck_assert_int_eq(tl_date_cmp(tl_date_from_days(INT64_MIN), bottom), 0);
	/* 400 Gregorian years (an era) are 146,097 days, at both ends too */
	tl_date a = {999599, 12, 31};
	ck_assert_int_eq(hi - tl_date_to_days(a), 146097);
	tl_date b = {-999599, 1, 1};
	ck_assert_int_eq(tl_date_to_days(b) - lo, 146097);
}
END_TEST

/* A document id that is not UTF-8 (a Latin-1 file name) is copied with
 * U+FFFD in place of each bad byte: every export stays valid UTF-8. */
START_TEST(test_id_not_utf8)
{
	tl_document_options opts = TL_DOCUMENT_OPTIONS_INIT;
	opts.id = "caf\xE9-\xFF\xFE.txt";
	tl_document *doc = NULL;
	ck_assert_int_eq(tl_document_parse(&doc, parser, "On May 5, 2021.", 15, &opts), 0);
	ck_assert_str_eq(tl_document_id(doc), "caf\xEF\xBF\xBD-\xEF\xBF\xBD\xEF\xBF\xBD.txt");
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, doc), 0);
	for (int f = TL_FORMAT_JSON; f <= TL_FORMAT_HTML; f++) {
		char *out = NULL;
		size_t len = 0, bad = 0;
		ck_assert_int_eq(tl_export(&out, &len, tl, (tl_format)f, NULL), 0);
		ck_assert_msg(tl_utf8_validate(&bad, out, len) == 0,
		              "%s export: invalid UTF-8 at %zu", tl_format_name((tl_format)f), bad);
		tl_free(out);
	}
	tl_timeline_free(tl);
}
END_TEST

/* Misuse of the API is refused, never a crash: a document added twice (it
 * would be freed twice), filter dates that are not dates (a year at INT32_MAX
 * overflowed when its span was computed), getters on a failed parse. */
START_TEST(test_api_misuse)
{
	tl_document *doc = NULL;
	tl_timeline *tl = NULL, *tl2 = NULL;
	ck_assert_int_eq(tl_document_parse(&doc, parser, "On May 5, 2021.", 15, NULL), 0);
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_new(&tl2, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, doc), 0);
	ck_assert_int_eq(tl_timeline_add(tl, doc), TL_EINVAL);
	ck_assert_int_eq(tl_timeline_add(tl2, doc), TL_EINVAL);
	ck_assert_ptr_nonnull(strstr(tl_error_last(), "already in a timeline"));
	ck_assert_uint_eq(tl_timeline_document_count(tl), 1);
	ck_assert_uint_eq(tl_timeline_event_count(tl), 1);
	tl_timeline_free(tl2);
	tl_timeline_free(tl); /* frees doc once */

	static const tl_date bad_bounds[] = {
	    {INT32_MAX, 0, 0}, {INT32_MIN, 0, 0}, {1000000, 1, 1}, {2021, 13, 1},
	    {2021, 2, 29},     {2021, 0, 5},      {2021, -1, 0},   {2021, 1, -1},
	};
	for (size_t i = 0; i < sizeof(bad_bounds) / sizeof(bad_bounds[0]); i++) {
		tl_timeline_options o = TL_TIMELINE_OPTIONS_INIT;
		o.has_to = 1;
		o.to = bad_bounds[i];
		tl = (tl_timeline *)&o; /* must be set to NULL */
		ck_assert_int_eq(tl_timeline_new(&tl, &o), TL_EINVAL);
		ck_assert_ptr_null(tl);
		o.has_to = 0;
		o.has_from = 1;
		o.from = bad_bounds[i];
		ck_assert_int_eq(tl_timeline_new(&tl, &o), TL_EINVAL);
	}
	tl_timeline_options o = TL_TIMELINE_OPTIONS_INIT;
	o.min_granularity = (tl_granularity)(TL_GRAN_SECOND + 1);
	ck_assert_int_eq(tl_timeline_new(&tl, &o), TL_EINVAL);
	o = (tl_timeline_options)TL_TIMELINE_OPTIONS_INIT;
	o.has_from = o.has_to = 1;
	o.from = (tl_date){-999999, 0, 0};
	o.to = (tl_date){999999, 12, 0};
	ck_assert_int_eq(tl_timeline_new(&tl, &o), 0);
	ck_assert_int_eq(tl_document_parse(&doc, parser, "On May 5, 2021.", 15, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, doc), 0);
	ck_assert_uint_eq(tl_timeline_event_count(tl), 1);
	tl_timeline_free(tl);

	/* a failed parse leaves NULL, and every getter takes it */
	doc = (tl_document *)&o;
	ck_assert_int_eq(tl_document_parse(&doc, parser, "a\0b", 3, NULL), TL_EUTF8);
	ck_assert_ptr_null(doc);
	size_t n = 1, first = 1, a = 1, b = 1;
	tl_date d = {1, 1, 1};
	ck_assert_str_eq(tl_document_id(doc), "");
	ck_assert_str_eq(tl_document_text(doc, &n), "");
	ck_assert_uint_eq(n, 0);
	ck_assert_uint_eq(tl_document_repairs(doc, &first), 0);
	ck_assert_int_eq(tl_document_dct(&d, doc), TL_DCT_NONE);
	ck_assert_uint_eq(tl_document_timex_count(doc), 0);
	ck_assert_ptr_null(tl_document_timex(doc, 0));
	ck_assert_uint_eq(tl_document_sentence_count(doc), 0);
	ck_assert_int_eq(tl_document_sentence(&a, &b, doc, 0), TL_ENOTFOUND);
	ck_assert_int_eq(tl_timeline_add(NULL, doc), TL_EINVAL);
	tl_document_free(doc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("table");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, test_hostile, 0, NTABLE);
	tcase_add_loop_test(tc, test_repair, 0, sizeof(repairs) / sizeof(repairs[0]));
	tcase_add_test(tc, test_too_big);
	tcase_add_test(tc, test_date_only_sentence);
	tcase_add_test(tc, test_ics_far_future);
	tcase_add_test(tc, test_long_sentence_window);
	tcase_add_test(tc, test_date_extremes);
	tcase_add_test(tc, test_id_not_utf8);
	tcase_add_test(tc, test_api_misuse);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
