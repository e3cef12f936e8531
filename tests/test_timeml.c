/*
 * test_timeml.c - TimeML in and out: the reader (lib/timeml.c) and the
 * writer behind tl_export(..., TL_FORMAT_TIMEML, ...) (lib/export_timeml.c).
 *
 * Writer tests place their own timexes in a document (the engine's are
 * dropped first), so that they test the writer, not the engine.  Every
 * expected string below is written out by hand.
 */
#include "internal.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* Parse a NUL-terminated TimeML string; returns the code. */
static int parse(tl_timeml **t, const char *s)
{
	return tl_timeml_parse(t, s, strlen(s), "x.tml");
}

/* Expect a failure with code and "byte offset N" in the message. */
static void expect_error(const char *s, int code, size_t offset)
{
	tl_timeml *t = (tl_timeml *)1;
	char want[64];
	int rc = parse(&t, s);
	ck_assert_msg(rc == code, "'%s': code %d, expected %d (%s)", s, rc, code, tl_error_last());
	ck_assert_ptr_null(t);
	snprintf(want, sizeof(want), "x.tml: byte offset %zu:", offset);
	ck_assert_msg(strstr(tl_error_last(), want) != NULL, "'%s': message '%s' lacks '%s'", s,
	              tl_error_last(), want);
}

/* Offset of the first occurrence of needle in s. */
static size_t at(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);
	ck_assert_ptr_nonnull(p);
	return (size_t)(p - s);
}

START_TEST(test_read_basic)
{
	const char *doc =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID> AP_1 </DOCID>\n"
	    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-03-22\" "
	    "functionInDocument=\"CREATION_TIME\">March 22, 2013</TIMEX3></DCT>\n"
	    "<TEXT>\nShares of A&amp;B rose <TIMEX3 tid=\"t1\" type=\"DATE\" "
	    "value=\"2013-03-21\">yesterday</TIMEX3>, <EVENT eid='e1'>said</EVENT> "
	    "&quot;x &lt; y&quot; &apos;z&apos;.<TIMEX3 tid=\"t2\" value=\"\"/><!-- a note -->\n"
	    "</TEXT>\n</TimeML>\n";
	tl_timeml *t = NULL;
	size_t len = 0;
	tl_date d;
	ck_assert_int_eq(parse(&t, doc), 0);
	const char *want = "\nShares of A&B rose yesterday, said \"x < y\" 'z'.\n";
	ck_assert_str_eq(tl_timeml_text(t, &len), want);
	ck_assert_uint_eq(len, strlen(want));
	ck_assert_str_eq(tl_timeml_dct_value(t), "2013-03-22");
	ck_assert_int_eq(tl_timeml_dct(&d, t), 0);
	ck_assert_int_eq(d.year, 2013);
	ck_assert_int_eq(d.month, 3);
	ck_assert_int_eq(d.day, 22);
	ck_assert_str_eq(tl_timeml_docid(t), "AP_1");
	tl_timeml_free(t);
}
END_TEST

/* Line ends as a text-mode reader sees them; character references. */
START_TEST(test_read_chars)
{
	tl_timeml *t = NULL;
	ck_assert_int_eq(parse(&t, "<TEXT>a\r\nb\rc&#13;d&#65;&#x42;&#233;&#x20AC;</TEXT>"), 0);
	ck_assert_str_eq(tl_timeml_text(t, NULL), "a\nb\nc\rdAB\xC3\xA9\xE2\x82\xAC");
	ck_assert_ptr_null(tl_timeml_dct_value(t));
	ck_assert_ptr_null(tl_timeml_docid(t));
	tl_date d = {1, 1, 1};
	ck_assert_int_eq(tl_timeml_dct(&d, t), TL_ENOTFOUND);
	ck_assert_int_eq(d.year, 0);
	tl_timeml_free(t);

	/* Empty text; lower-case tag names as the scorer accepts them. */
	ck_assert_int_eq(parse(&t, "<text></text>"), 0);
	size_t len = 7;
	ck_assert_str_eq(tl_timeml_text(t, &len), "");
	ck_assert_uint_eq(len, 0);
	tl_timeml_free(t);
}
END_TEST

/* The DCT: a time of day after the date, a partial value, the fallback to a
 * CREATION_TIME timex outside <DCT>, the last </TEXT>. */
START_TEST(test_read_dct)
{
	tl_timeml *t = NULL;
	tl_date d;
	ck_assert_int_eq(parse(&t, "<DCT><TIMEX3 value='1998-02-27T10:30' type=\"TIME\">x</TIMEX3>"
	                           "</DCT><TEXT>a</TEXT>"),
	                 0);
	ck_assert_str_eq(tl_timeml_dct_value(t), "1998-02-27T10:30");
	ck_assert_int_eq(tl_timeml_dct(&d, t), 0);
	ck_assert_int_eq(d.year, 1998);
	ck_assert_int_eq(d.month, 2);
	ck_assert_int_eq(d.day, 27);
	tl_timeml_free(t);

	ck_assert_int_eq(parse(&t, "<DCT><TIMEX3 value=\"2013-03\">x</TIMEX3></DCT><TEXT>a</TEXT>"),
	                 0);
	ck_assert_str_eq(tl_timeml_dct_value(t), "2013-03");
	ck_assert_int_eq(tl_timeml_dct(&d, t), TL_ENOTFOUND);
	tl_timeml_free(t);

	/* Day and month in the other order: the DCT's own text names the month. */
	ck_assert_int_eq(parse(&t, "<DCT><TIMEX3 value=\"03-02-2009\">February 03 , 2009</TIMEX3>"
	                           "</DCT><TEXT>a</TEXT>"),
	                 0);
	ck_assert_int_eq(tl_timeml_dct(&d, t), 0);
	ck_assert_int_eq(d.year, 2009);
	ck_assert_int_eq(d.month, 2);
	ck_assert_int_eq(d.day, 3);
	tl_timeml_free(t);
	ck_assert_int_eq(parse(&t, "<DCT><TIMEX3 value=\"02-03-2009\">Feb. 3, 2009</TIMEX3>"
	                           "</DCT><TEXT>a</TEXT>"),
	                 0);
	ck_assert_int_eq(tl_timeml_dct(&d, t), 0);
	ck_assert_int_eq(d.month, 2);
	ck_assert_int_eq(d.day, 3);
	tl_timeml_free(t);
	/* only one order is a date: 25 is no month */
	ck_assert_int_eq(
	    parse(&t, "<DCT><TIMEX3 value=\"25-12-2008\"></TIMEX3></DCT><TEXT>a</TEXT>"), 0);
	ck_assert_int_eq(tl_timeml_dct(&d, t), 0);
	ck_assert_int_eq(d.month, 12);
	ck_assert_int_eq(d.day, 25);
	tl_timeml_free(t);
	/* both orders are dates and nothing tells them apart: not guessed */
	ck_assert_int_eq(
	    parse(&t, "<DCT><TIMEX3 value=\"03-02-2009\">x</TIMEX3></DCT><TEXT>a</TEXT>"), 0);
	ck_assert_int_eq(tl_timeml_dct(&d, t), TL_ENOTFOUND);
	tl_timeml_free(t);

	ck_assert_int_eq(parse(&t, "<TEXT><TIMEX3 tid=\"t1\" value=\"2001-05-06\" "
	                           "functionInDocument=\"CREATION_TIME\">May 6</TIMEX3> x</TEXT>"),
	                 0);
	ck_assert_str_eq(tl_timeml_dct_value(t), "2001-05-06");
	ck_assert_str_eq(tl_timeml_text(t, NULL), "May 6 x");
	tl_timeml_free(t);

	/* A <TIMEX3> in <TEXT> whose value is not the DCT is not taken for it. */
	ck_assert_int_eq(parse(&t, "<TEXT><TIMEX3 value=\"2001-05-06\">May 6</TIMEX3></TEXT>"), 0);
	ck_assert_ptr_null(tl_timeml_dct_value(t));
	tl_timeml_free(t);

	/* The region runs to the last </TEXT>, as the scorer reads it; an
	 * earlier </TEXT> inside it then closes nothing. */
	expect_error("<TEXT>a</TEXT>b</TEXT>", TL_EFORMAT, 7);
}
END_TEST

START_TEST(test_read_malformed)
{
	const char *s;
	expect_error("", TL_EFORMAT, 0);
	expect_error("<TimeML><DOCID>x</DOCID></TimeML>", TL_EFORMAT, 0);
	s = "<TimeML>\n<TEXT>abc";
	expect_error(s, TL_EFORMAT, at(s, "<TEXT>"));
	s = "<TEXT>a <TIMEX3 tid=\"t1\">b</TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "<TIMEX3"));
	s = "<TEXT>a <TIMEX3 tid=\"t1\">b <EVENT>c</TIMEX3></EVENT></TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "</TIMEX3>"));
	s = "<TEXT>a b</TIMEX3></TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "</TIMEX3>"));
	s = "<TEXT>caf&eacute; au lait</TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "&"));
	s = "<TEXT>Smith & Wesson</TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "&"));
	s = "<TEXT>if a < b then</TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "< b"));
	s = "<TEXT>x &#0; y</TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "&"));
	s = "<TEXT>x &#xD800; y</TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "&"));
	s = "<TEXT>x &#x110000; y</TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "&"));
	s = "<TEXT>x &#12a; y</TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "&"));
	s = "<TEXT>x <TIMEX3 tid=t1>y</TIMEX3></TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "t1"));
	s = "<TEXT>x <TIMEX3 value=\"a>b\">y</TIMEX3></TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "\"a"));
	s = "<TEXT>x <![CDATA[ y ]]></TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "<!["));
	s = "<TEXT>x <!-- y </TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "<!--"));
	s = "<TEXT>x <!-- a > b --> y</TEXT>";
	expect_error(s, TL_EFORMAT, at(s, "<!--"));
	s = "<TEXT>ok \xC3\x28 bad</TEXT>";
	expect_error(s, TL_EUTF8, at(s, "\xC3"));

	tl_timeml *t = NULL;
	ck_assert_int_eq(tl_timeml_parse(&t, "<TEXT>a\0b</TEXT>", 16, "x.tml"), TL_EFORMAT);
	ck_assert_ptr_nonnull(strstr(tl_error_last(), "x.tml: byte offset 7:"));
	ck_assert_int_eq(tl_timeml_parse(NULL, "<TEXT></TEXT>", 13, NULL), TL_EINVAL);
	ck_assert_int_eq(tl_timeml_parse(&t, NULL, 5, NULL), TL_EINVAL);
	ck_assert_ptr_null(t);
	/* Without a name, messages still say where. */
	ck_assert_int_eq(tl_timeml_parse(&t, "<TEXT>&x;</TEXT>", 16, NULL), TL_EFORMAT);
	ck_assert_ptr_nonnull(strstr(tl_error_last(), "byte offset 6"));
	/* A UTF-16 or UTF-32 file is named as such, not as invalid UTF-8. */
	ck_assert_int_eq(tl_timeml_parse(&t, "\xFF\xFE<\0T\0", 6, "u.tml"), TL_EUTF8);
	ck_assert_ptr_nonnull(
	    strstr(tl_error_last(), "u.tml: byte offset 0: the text is UTF-16LE"));
	ck_assert_int_eq(tl_timeml_parse(&t, "\0\0\xFE\xFF\0\0\0<", 8, "u.tml"), TL_EUTF8);
	ck_assert_ptr_nonnull(strstr(tl_error_last(), "the text is UTF-32BE"));
	ck_assert_ptr_null(t);
	tl_timeml_free(NULL);
}
END_TEST

/* A document whose timexes are exactly the given ones (text order). */
static tl_document *make_doc(const char *id, const char *text, int has_dct, tl_date dct,
                             const tl_timex *tx, size_t ntx)
{
	tl_parser *p = NULL;
	tl_document *doc = NULL;
	tl_document_options o = TL_DOCUMENT_OPTIONS_INIT;
	o.id = id;
	o.has_dct = has_dct;
	o.dct = dct;
	o.infer_dct = 0;
	ck_assert_int_eq(tl_parser_new(&p, NULL), 0);
	ck_assert_int_eq(tl_document_parse(&doc, p, text, strlen(text), &o), 0);
	tl_parser_free(p);
	doc->ntimex = 0;
	doc->nevent = 0;
	for (size_t i = 0; i < ntx; i++)
		ck_assert_int_eq(tl_document_push_timex(doc, &tx[i]), 0);
	return doc;
}

/* A timex over [s, e) of the text. */
static tl_timex tx(size_t s, size_t e, tl_timex_type type, const char *value, tl_mod mod)
{
	tl_timex t;
	memset(&t, 0, sizeof(t));
	t.byte_start = s;
	t.byte_end = e;
	t.type = type;
	t.value = value;
	t.mod = mod;
	t.range_partner = -1;
	return t;
}

/* Export a timeline of the given documents as TimeML into *out (the caller
 * frees it with tl_free) and its length into *len (when len is not NULL).
 * The buffer comes back in the caller's own variable: a local of this
 * function whose address went to tl_export() and whose value was then
 * returned might, as far as the compiler can tell, hold that very address,
 * which is gone once this returns (-Wdangling-pointer on every use). */
static void export_timeml(char **out, tl_document **docs, size_t n, size_t *len)
{
	tl_timeline *tl = NULL;
	*out = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(tl_timeline_add(tl, docs[i]), 0);
	ck_assert_int_eq(tl_export(out, len, tl, TL_FORMAT_TIMEML, NULL), 0);
	ck_assert_ptr_nonnull(*out);
	tl_timeline_free(tl);
}

START_TEST(test_write)
{
	const char *text = "Akar said on Nov. 5 that A&B <won> for nearly 30 years.\r\n";
	tl_timex t[2];
	t[0] = tx(13, 19, TL_TIMEX_DATE, "2021-11-05", TL_MOD_NONE); /* "Nov. 5" */
	t[1] = tx(39, 54, TL_TIMEX_DURATION, "P30Y", TL_MOD_APPROX); /* "nearly 30 years" */
	ck_assert_int_eq(memcmp(text + 39, "nearly 30 years", 15), 0);
	tl_document *doc = make_doc("a&b.txt", text, 1, (tl_date){2021, 11, 6}, t, 2);
	size_t len = 0;
	char *out = NULL;
	export_timeml(&out, &doc, 1, &len);
	const char *want =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>a&amp;b.txt</DOCID>\n"
	    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2021-11-06\" temporalFunction=\"false\" "
	    "functionInDocument=\"CREATION_TIME\">2021-11-06</TIMEX3></DCT>\n"
	    "<TEXT>Akar said on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2021-11-05\">Nov. "
	    "5</TIMEX3> that A&amp;B &lt;won&gt; for <TIMEX3 tid=\"t2\" type=\"DURATION\" "
	    "value=\"P30Y\" mod=\"APPROX\">nearly 30 years</TIMEX3>.&#13;\n</TEXT>\n</TimeML>\n";
	ck_assert_str_eq(out, want);
	ck_assert_uint_eq(len, strlen(want));

	/* Read back: the very same text and DCT. */
	tl_timeml *r = NULL;
	size_t n = 0;
	ck_assert_int_eq(tl_timeml_parse(&r, out, len, "out"), 0);
	ck_assert_str_eq(tl_timeml_text(r, &n), text);
	ck_assert_uint_eq(n, strlen(text));
	ck_assert_str_eq(tl_timeml_dct_value(r), "2021-11-06");
	ck_assert_str_eq(tl_timeml_docid(r), "a&b.txt");
	tl_timeml_free(r);
	tl_free(out);
}
END_TEST

/* SET attributes; no DCT; a control character; an overlapping timex left out. */
START_TEST(test_write_set)
{
	const char *text = "Twice a year\x01 every Monday.";
	tl_timex t[3];
	t[0] = tx(0, 12, TL_TIMEX_SET, "P1Y", TL_MOD_NONE);
	t[0].freq = "2X";
	t[1] = tx(6, 12, TL_TIMEX_DATE, "XXXX", TL_MOD_NONE); /* inside the first */
	t[2] = tx(14, 26, TL_TIMEX_SET, "XXXX-WXX-1", TL_MOD_NONE);
	t[2].quant = "EVERY";
	tl_document *doc = make_doc("s", text, 0, (tl_date){0, 0, 0}, t, 3);
	char *out = NULL;
	export_timeml(&out, &doc, 1, NULL);
	const char *want =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>s</DOCID>\n"
	    "<TEXT><TIMEX3 tid=\"t1\" type=\"SET\" value=\"P1Y\" freq=\"2X\">Twice a "
	    "year</TIMEX3>\xEF\xBF\xBD <TIMEX3 tid=\"t2\" type=\"SET\" "
	    "value=\"XXXX-WXX-1\" quant=\"EVERY\">every Monday</TIMEX3>.</TEXT>\n"
	    "</TimeML>\n";
	ck_assert_str_eq(out, want);
	tl_free(out);
}
END_TEST

/* Several documents: one TimeML document after another, in order. */
START_TEST(test_write_several)
{
	tl_document *docs[2];
	docs[0] = make_doc("first", "one", 1, (tl_date){2020, 1, 2}, NULL, 0);
	docs[1] = make_doc("second", "two", 1, (tl_date){2020, 1, 3}, NULL, 0);
	char *out = NULL;
	export_timeml(&out, docs, 2, NULL);
	const char *a = strstr(out, "<DOCID>first</DOCID>");
	const char *b = strstr(out, "<DOCID>second</DOCID>");
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert(a < b);
	ck_assert_ptr_nonnull(strstr(out, "<TEXT>one</TEXT>\n</TimeML>\n<?xml"));
	ck_assert_ptr_nonnull(strstr(b, "value=\"2020-01-03\""));
	ck_assert_ptr_nonnull(strstr(b, "<TEXT>two</TEXT>"));
	tl_free(out);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("timeml");
	TCase *rd = tcase_create("read");
	tcase_add_test(rd, test_read_basic);
	tcase_add_test(rd, test_read_chars);
	tcase_add_test(rd, test_read_dct);
	tcase_add_test(rd, test_read_malformed);
	suite_add_tcase(s, rd);
	TCase *wr = tcase_create("write");
	tcase_add_test(wr, test_write);
	tcase_add_test(wr, test_write_set);
	tcase_add_test(wr, test_write_several);
	suite_add_tcase(s, wr);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
