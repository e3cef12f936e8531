/*
 * test_export.c - every output format against its golden file, byte for
 * byte, and the iCalendar read back with libical.
 *
 * The timeline (golden_timeline()) is built by hand (testdoc.h): two
 * documents, nine events: a decade, a range, a month with a tab in its
 * sentence, a day stretched by a duration, one happening told by both
 * documents (merged), a quarter whose headline holds & < >, a long headline
 * with commas and non-ASCII letters (cut at 100 characters, folded in
 * iCalendar), a clock time, and a season that runs into the next year.  The golden files
 * in tests/golden/ were read line by line against the rules of each format
 * (docs/formats.md); on a mismatch the output is written to
 * $TL_BINARY_DIR/golden-actual/ for a diff.
 */
#include "testdoc.h"

#include <check.h>
#include <errno.h>
#include <libical/ical.h>
#include <sys/stat.h>

static const char text_a[] =
    "The council approved the harbour plan on 5 March 2021; work began soon after. "
    "Rents rose from 1991 to 2020, the survey said. "
    "In the 1990s the port shrank, and trade moved south. "
    "The 44-day strike ended on Nov. 10, 2020.";

static const char text_b[] =
    "On 5 March 2021, the council approved the harbour plan for Güler's district, with votes of "
    "7, 2 and 1. "
    "In February 2020 the museum\tclosed. "
    "In the third quarter of 2021 the ferry service to the docks & quays <east> resumed. "
    "Güler, Özbal and Avsever signed the long-awaited agreement on the reconstruction of the old "
    "harbour district of the city on 1 July 2021. "
    "The ferry left Calder at 5 p.m. on 2 August 2021. "
    "The harbour froze in the winter of 2021.";

/* The timeline every golden file shows. */
static tl_timeline *golden_timeline(void)
{
	tl_document *a = td_new("report-a.txt", text_a, 2021, 11, 6);
	td_timex(a, "5 March 2021", TL_TIMEX_DATE, "2021-03-05");
	size_t r0 = td_timex(a, "1991", TL_TIMEX_DATE, "1991");
	size_t r1 = td_timex(a, "2020", TL_TIMEX_DATE, "2020");
	td_range(a, r0, r1);
	td_timex(a, "the 1990s", TL_TIMEX_DATE, "199");
	td_timex(a, "44-day", TL_TIMEX_DURATION, "P44D");
	td_timex(a, "Nov. 10, 2020", TL_TIMEX_DATE, "2020-11-10");
	tl_document *b = td_new("report-b.txt", text_b, 2021, 11, 7);
	td_timex(b, "5 March 2021", TL_TIMEX_DATE, "2021-03-05");
	td_timex(b, "February 2020", TL_TIMEX_DATE, "2020-02");
	td_timex(b, "the third quarter of 2021", TL_TIMEX_DATE, "2021-Q3");
	td_timex(b, "1 July 2021", TL_TIMEX_DATE, "2021-07-01");
	td_timex(b, "5 p.m. on 2 August 2021", TL_TIMEX_TIME, "2021-08-02T17:00");
	td_timex(b, "the winter of 2021", TL_TIMEX_DATE, "2021-WI");
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, td_done(a)), 0);
	ck_assert_int_eq(tl_timeline_add(tl, td_done(b)), 0);
	return tl;
}

/* Read a whole file; NULL when missing. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	tl_buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		tl_buf_put(&b, chunk, n);
	fclose(f);
	return tl_buf_detach(&b, len);
}

/* Compare out with tests/golden/<name>; keep a copy on a mismatch. */
static void ck_golden(const char *name, const char *out, size_t len)
{
	char path[512];
	snprintf(path, sizeof(path), "golden/%s", name);
	size_t glen = 0;
	char *g = slurp(path, &glen);
	int same = g && glen == len && memcmp(g, out, len) == 0;
	if (!same) {
		const char *bin = getenv("TL_BINARY_DIR");
		char dir[512], file[600];
		snprintf(dir, sizeof(dir), "%s/golden-actual", bin ? bin : ".");
		mkdir(dir, 0777);
		snprintf(file, sizeof(file), "%s/%s", dir, name);
		FILE *f = fopen(file, "wb");
		if (f) {
			fwrite(out, 1, len, f);
			fclose(f);
		}
		size_t at = 0;
		while (g && at < len && at < glen && g[at] == out[at])
			at++;
		free(g);
		ck_abort_msg("%s differs from the golden file (first difference at byte %zu); "
		             "output kept in %s",
		             name, at, file);
	}
	free(g);
}

static const struct {
	tl_format fmt;
	const char *file;
} goldens[] = {
    {TL_FORMAT_JSON, "timeline.json"},
    {TL_FORMAT_ICS, "timeline.ics"},
    {TL_FORMAT_TIMELINEJS, "timeline.timelinejs.json"},
    {TL_FORMAT_TSV, "timeline.tsv"},
    {TL_FORMAT_HTML, "timeline.html"},
};

START_TEST(test_golden)
{
	tl_timeline *tl = golden_timeline();
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(tl_export(&out, &len, tl, goldens[_i].fmt, NULL), 0);
	ck_assert_uint_eq(strlen(out), len);
	ck_golden(goldens[_i].file, out, len);
	/* the same input gives the same bytes */
	char *again = NULL;
	size_t len2 = 0;
	ck_assert_int_eq(tl_export(&again, &len2, tl, goldens[_i].fmt, NULL), 0);
	ck_assert_uint_eq(len, len2);
	ck_assert_mem_eq(out, again, len);
	tl_free(out);
	tl_free(again);
	tl_timeline_free(tl);
}
END_TEST

/* The facts the golden files rest on, checked through the API. */
START_TEST(test_golden_events)
{
	static const struct {
		const char *value, *start, *end, *headline;
		size_t mentions;
	} want[] = {
	    {"199", "1990-01-01", "2000-01-01", "Port shrank", 1},
	    {"1991/2020", "1991-01-01", "2021-01-01", "Rents rose", 2},
	    {"2020-02", "2020-02-01", "2020-03-01", "Museum closed", 1},
	    /* 44 days before Nov. 10: Sept. 27 */
	    {"2020-11-10", "2020-09-27", "2020-11-11", "44-day strike ended", 1},
	    {"2021-03-05", "2021-03-05", "2021-03-06", "Council approved the harbour plan", 2},
	    {"2021-Q3", "2021-07-01", "2021-10-01",
	     "Ferry service to the docks & quays <east> resumed", 1},
	    /* 108 characters up to "district": cut after "harbour" (99) */
	    {"2021-07-01", "2021-07-01", "2021-07-02",
	     "Güler, Özbal and Avsever signed the long-awaited agreement on the reconstruction of "
	     "the old harbour",
	     1},
	    {"2021-08-02T17:00", "2021-08-02", "2021-08-03", "Ferry left Calder", 1},
	    {"2021-WI", "2021-12-01", "2022-03-01", "Harbour froze", 1},
	};
	tl_timeline *tl = golden_timeline();
	ck_assert_uint_eq(tl_timeline_event_count(tl), 9);
	for (size_t i = 0; i < 9; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		char s[32], z[32];
		tl_date_format(s, sizeof(s), e->start);
		tl_date_format(z, sizeof(z), e->end);
		ck_assert_str_eq(e->value, want[i].value);
		ck_assert_str_eq(s, want[i].start);
		ck_assert_str_eq(z, want[i].end);
		ck_assert_str_eq(e->headline, want[i].headline);
		ck_assert_uint_eq(e->mention_count, want[i].mentions);
	}
	/* the merged event: report-a first, then report-b */
	ck_assert_str_eq(tl_timeline_event(tl, 4)->document, "report-a.txt");
	ck_assert_uint_eq(tl_timeline_event_mention(tl, 4, 1)->document, 1);
	ck_assert_uint_eq(tl_timeline_warning_count(tl), 0);
	tl_timeline_free(tl);
}
END_TEST

/* The iCalendar output, read back by libical's parser. */
START_TEST(test_ics_libical)
{
	tl_timeline *tl = golden_timeline();
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_ICS, NULL), 0);
	/* RFC 5545 3.1: CRLF line ends, lines of at most 75 octets */
	size_t line = 0; /* start of the current line */
	for (size_t i = 0; i < len; i++) {
		if (out[i] != '\n')
			continue;
		ck_assert_msg(i > 0 && out[i - 1] == '\r', "bare LF at byte %zu", i);
		ck_assert_msg(i - 1 - line <= 75, "line of %zu octets at byte %zu", i - 1 - line,
		              line);
		line = i + 1;
	}
	ck_assert_uint_eq(line, len); /* the last line ends with CRLF too */
	icalcomponent *cal = icalparser_parse_string(out);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	ck_assert_int_eq(icalcomponent_count_errors(cal), 0);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 9);
	const char *uids[9];
	size_t i = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		struct icaltimetype s = icalcomponent_get_dtstart(ev);
		ck_assert_int_eq(s.year, e->start.year);
		ck_assert_int_eq(s.month, e->start.month);
		ck_assert_int_eq(s.day, e->start.day);
		if (e->type == TL_TIMEX_TIME) {
			/* 5 p.m.: a point in floating time, no DTEND */
			ck_assert_int_eq(s.is_date, 0);
			ck_assert_int_eq(s.hour, 17);
			ck_assert_int_eq(s.minute, 0);
			ck_assert_ptr_null(icaltime_get_timezone(s));
			ck_assert_ptr_null(
			    icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY));
		} else {
			struct icaltimetype z = icalcomponent_get_dtend(ev);
			ck_assert_int_eq(s.is_date, 1);
			ck_assert_int_eq(z.is_date, 1);
			ck_assert_int_eq(z.year, e->end.year);
			ck_assert_int_eq(z.month, e->end.month);
			ck_assert_int_eq(z.day, e->end.day);
		}
		/* escaped commas and folded lines come back as they were */
		ck_assert_str_eq(icalcomponent_get_summary(ev), e->headline);
		ck_assert_str_eq(icalcomponent_get_description(ev), e->text);
		uids[i] = icalcomponent_get_uid(ev);
		for (size_t k = 0; k < i; k++)
			ck_assert_str_ne(uids[k], uids[i]);
		int found = 0;
		for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
		     p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY))
			if (strcmp(icalproperty_get_x_name(p), "X-TIMEX3-VALUE") == 0) {
				ck_assert_str_eq(icalproperty_get_x(p), e->value);
				found = 1;
			}
		ck_assert_int_eq(found, 1);
		struct icaltimetype st = icalcomponent_get_dtstamp(ev);
		/* midnight UTC of the latest DCT, 2021-11-07 */
		ck_assert_int_eq(st.year, 2021);
		ck_assert_int_eq(st.month, 11);
		ck_assert_int_eq(st.day, 7);
		ck_assert_int_eq(st.hour, 0);
	}
	ck_assert_uint_eq(i, 9);
	icalcomponent_free(cal);
	tl_free(out);
	tl_timeline_free(tl);
}
END_TEST

/* TSV: a line break or a backslash in a field is escaped, so every line is
 * one event. */
START_TEST(test_tsv_escapes)
{
	tl_document *d = td_new("x\\y.txt", "The dam broke on 2 May 2003.", 0, 0, 0);
	td_timex(d, "2 May 2003", TL_TIMEX_DATE, "2003-05-02");
	td_done(d);
	d->events[0].text = tl_arena_strdup(&d->arena, "line one\nline\ttwo\r");
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, d), 0);
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_TSV, NULL), 0);
	ck_assert_str_eq(out, "start\tend\tvalue\tgranularity\theadline\ttext\tdocument\tmentions\n"
	                      "2003-05-02\t2003-05-03\t2003-05-02\tday\tDam broke\t"
	                      "line one\\nline\\ttwo\\r\tx\\\\y.txt\t1\n");
	tl_free(out);
	tl_timeline_free(tl);
}
END_TEST

/* TSV: a field that starts with = + - @ " or ' is written behind an
 * apostrophe (a spreadsheet would take it for a formula or a quoted field);
 * one that starts otherwise, or has such a character further in, is not.
 * The start of 241 BC (astronomical -240) is such a field. */
START_TEST(test_tsv_guard)
{
	tl_document *d =
	    td_new("=1+2", "Peace was made in 241 BC. The wall fell on 2 May 2003.", 0, 0, 0);
	size_t i = td_timex(d, "241 BC", TL_TIMEX_DATE, "BC0241");
	d->timexes[i].has_interval = 1;
	d->timexes[i].begin = (tl_date){-240, 1, 1};
	d->timexes[i].end = (tl_date){-239, 1, 1};
	d->timexes[i].granularity = TL_GRAN_YEAR;
	td_timex(d, "2 May 2003", TL_TIMEX_DATE, "2003-05-02");
	td_done(d);
	d->events[0].headline = tl_arena_strdup(&d->arena, "@peace");
	d->events[0].text = tl_arena_strdup(&d->arena, "\"Peace,\" he said a=b");
	d->events[1].headline = tl_arena_strdup(&d->arena, "'Tis done");
	d->events[1].text = tl_arena_strdup(&d->arena, "+1 -2 \"wall\" fell");
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, d), 0);
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_TSV, NULL), 0);
	ck_assert_str_eq(out, "start\tend\tvalue\tgranularity\theadline\ttext\tdocument\tmentions\n"
	                      "'-0240-01-01\t'-0239-01-01\tBC0241\tyear\t'@peace\t"
	                      "'\"Peace,\" he said a=b\t'=1+2\t1\n"
	                      "2003-05-02\t2003-05-03\t2003-05-02\tday\t''Tis done\t"
	                      "'+1 -2 \"wall\" fell\t'=1+2\t1\n");
	tl_free(out);
	tl_timeline_free(tl);
}
END_TEST

/* Years before 1: ISO 8601 dates in JSON and TSV ("-0240"), left out of
 * iCalendar (four-digit years) with a note on the calendar, BC in HTML,
 * and in TimelineJS, which has no year 0 and shows year -n as "n BCE",
 * -241 (a whole year: no end_date). */
START_TEST(test_bc_years)
{
	tl_document *d =
	    td_new("punic.txt", "Carthage made peace in 241 BC. Rome grew in 240 AD.", 0, 0, 0);
	size_t i = td_timex(d, "241 BC", TL_TIMEX_DATE, "BC0241");
	d->timexes[i].has_interval = 1; /* 241 BC is the astronomical year -240 */
	d->timexes[i].begin = (tl_date){-240, 1, 1};
	d->timexes[i].end = (tl_date){-239, 1, 1};
	d->timexes[i].granularity = TL_GRAN_YEAR;
	td_timex(d, "240", TL_TIMEX_DATE, "0240");
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, td_done(d)), 0);
	ck_assert_uint_eq(tl_timeline_event_count(tl), 2);
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_JSON, NULL), 0);
	ck_assert_ptr_nonnull(strstr(out, "\"start\": \"-0240-01-01\""));
	ck_assert_ptr_nonnull(strstr(out, "\"end\": \"-0239-01-01\""));
	ck_assert_ptr_nonnull(strstr(out, "\"start\": \"0240-01-01\""));
	tl_free(out);
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_ICS, NULL), 0);
	icalcomponent *cal = icalparser_parse_string(out);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);
	ck_assert_ptr_nonnull(
	    strstr(out, "X-LIBTIMELINE-OMITTED:1 event outside the years 1-3000"));
	ck_assert_ptr_nonnull(strstr(out, "DTSTART;VALUE=DATE:02400101"));
	icalcomponent_free(cal);
	tl_free(out);
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_HTML, NULL), 0);
	ck_assert_ptr_nonnull(strstr(out, ">241 BC</time>"));
	tl_free(out);
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_TIMELINEJS, NULL), 0);
	ck_assert_ptr_nonnull(strstr(out, "\"year\": -241"));
	ck_assert_ptr_nonnull(strstr(out, "\"year\": 240"));
	ck_assert_ptr_null(strstr(out, "-240"));
	ck_assert_ptr_null(strstr(out, "end_date"));
	tl_free(out);
	tl_timeline_free(tl);
}
END_TEST

/* A clock time whose value names its zone is a point in UTC in iCalendar
 * (RFC 5545 3.3.5, form 2), shown with its zone in HTML; one with no zone
 * stays in floating local time.  Expected times worked out by hand. */
START_TEST(test_ics_zones)
{
	tl_document *d = td_new("clocks.txt",
	                        "The launch was at 9:30 GMT on Nov. 3, 2021. "
	                        "The vote closed at 4 p.m. EST on Nov. 4, 2021. "
	                        "The ferry left at 00:30 CET on Jan. 1, 2021. "
	                        "The talks began at 10:15 on Nov. 2, 2021.",
	                        2021, 11, 6);
	td_timex(d, "9:30 GMT on Nov. 3, 2021", TL_TIMEX_TIME, "2021-11-03T09:30Z");
	td_timex(d, "4 p.m. EST on Nov. 4, 2021", TL_TIMEX_TIME, "2021-11-04T16:00-05:00");
	td_timex(d, "00:30 CET on Jan. 1, 2021", TL_TIMEX_TIME, "2021-01-01T00:30+01:00");
	td_timex(d, "10:15 on Nov. 2, 2021", TL_TIMEX_TIME, "2021-11-02T10:15");
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, td_done(d)), 0);
	ck_assert_uint_eq(tl_timeline_event_count(tl), 4);
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_ICS, NULL), 0);
	ck_assert_ptr_nonnull(strstr(out, "DTSTART:20201231T233000Z\r\n"));
	icalcomponent *cal = icalparser_parse_string(out);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_count_errors(cal), 0);
	/* in timeline order: Jan. 1 (00:30 CET), Nov. 2, Nov. 3, Nov. 4 */
	static const struct {
		int utc, y, mo, d, h, mi;
	} want[] = {{1, 2020, 12, 31, 23, 30},
	            {0, 2021, 11, 2, 10, 15},
	            {1, 2021, 11, 3, 9, 30},
	            {1, 2021, 11, 4, 21, 0}};
	size_t i = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), i++) {
		ck_assert_uint_lt(i, 4);
		struct icaltimetype s = icalcomponent_get_dtstart(ev);
		ck_assert_int_eq(s.is_date, 0);
		ck_assert_int_eq(icaltime_is_utc(s), want[i].utc);
		ck_assert_int_eq(s.year, want[i].y);
		ck_assert_int_eq(s.month, want[i].mo);
		ck_assert_int_eq(s.day, want[i].d);
		ck_assert_int_eq(s.hour, want[i].h);
		ck_assert_int_eq(s.minute, want[i].mi);
		ck_assert_ptr_null(icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY));
	}
	ck_assert_uint_eq(i, 4);
	icalcomponent_free(cal);
	tl_free(out);
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_HTML, NULL), 0);
	ck_assert_ptr_nonnull(strstr(out, "09:30 UTC<"));
	ck_assert_ptr_nonnull(strstr(out, "16:00 UTC-05:00<"));
	ck_assert_ptr_nonnull(strstr(out, "00:30 UTC+01:00<"));
	ck_assert_ptr_nonnull(strstr(out, "10:15<"));
	/* and machine-readable: HTML's global and local date and time strings */
	ck_assert_ptr_nonnull(strstr(out, "datetime=\"2021-11-03T09:30Z\""));
	ck_assert_ptr_nonnull(strstr(out, "datetime=\"2021-11-04T16:00-05:00\""));
	ck_assert_ptr_nonnull(strstr(out, "datetime=\"2021-01-01T00:30+01:00\""));
	ck_assert_ptr_nonnull(strstr(out, "datetime=\"2021-11-02T10:15\""));
	tl_free(out);
	tl_timeline_free(tl);
}
END_TEST

/* An empty timeline is still a valid file of every format. */
START_TEST(test_empty)
{
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(tl_export(&out, &len, tl, goldens[_i].fmt, NULL), 0);
	ck_assert_uint_gt(len, 0);
	if (goldens[_i].fmt == TL_FORMAT_ICS) {
		icalcomponent *cal = icalparser_parse_string(out);
		ck_assert_ptr_nonnull(cal);
		ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 0);
		icalcomponent_free(cal);
	}
	tl_free(out);
	tl_timeline_free(tl);
}
END_TEST

/* Control bytes in the text (a terminal's escape sequences, DEL) are not
 * iCalendar TEXT (RFC 5545 3.3.11): SUMMARY and DESCRIPTION carry U+FFFD in
 * their place; a tab stays. */
START_TEST(test_ics_controls)
{
	static const char text[] = "On 5 March 2021 the \x1B[31mvote\x01\x7F\tpassed.";
	tl_document *d = td_new("controls.txt", text, 2021, 11, 6);
	td_timex(d, "5 March 2021", TL_TIMEX_DATE, "2021-03-05");
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, td_done(d)), 0);
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_ICS, NULL), 0);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];
		ck_assert_msg((c >= 0x20 && c != 0x7F) || c == '\t' || c == '\r' || c == '\n',
		              "control byte 0x%02X at byte %zu", c, i);
	}
	ck_assert_ptr_nonnull(strstr(out, "the \xEF\xBF\xBD[31mvote"));
	ck_assert_ptr_nonnull(strstr(out, "\xEF\xBF\xBD\xEF\xBF\xBD\tpassed"));
	icalcomponent *cal = icalparser_parse_string(out);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_count_errors(cal), 0);
	icalcomponent_free(cal);
	tl_free(out);
	tl_timeline_free(tl);
}
END_TEST

static Suite *export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("golden");
	size_t n = sizeof(goldens) / sizeof(goldens[0]);
	tcase_add_loop_test(tc, test_golden, 0, (int)n);
	tcase_add_test(tc, test_golden_events);
	tcase_add_test(tc, test_ics_libical);
	tcase_add_test(tc, test_ics_controls);
	tcase_add_test(tc, test_tsv_escapes);
	tcase_add_test(tc, test_tsv_guard);
	tcase_add_test(tc, test_bc_years);
	tcase_add_test(tc, test_ics_zones);
	tcase_add_loop_test(tc, test_empty, 0, (int)n);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(export_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
