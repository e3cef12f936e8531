/*
 * test_export_options.c - the JSON export options of version 2
 * (document_base, element) and the version 1 options still accepted.
 *
 * The timeline is built by hand (testdoc.h): two documents, a range, a merged
 * happening, a warning-free text.  The JSON is read back with json-c.
 */
#include "testdoc.h"

#include <check.h>
#include <json-c/json.h>
#include <stdint.h>

static const char text_a[] = "The council approved the harbour plan on 5 March 2021. "
                             "Rents rose from 1991 to 2020, the survey said.";
static const char text_b[] = "On 5 March 2021, the council approved the harbour plan. "
                             "In February 2020 the \"museum\" closed.";

static tl_timeline *two_docs(void)
{
	tl_document *a = td_new("a.txt", text_a, 2021, 11, 6);
	td_timex(a, "5 March 2021", TL_TIMEX_DATE, "2021-03-05");
	size_t r0 = td_timex(a, "1991", TL_TIMEX_DATE, "1991");
	size_t r1 = td_timex(a, "2020", TL_TIMEX_DATE, "2020");
	td_range(a, r0, r1);
	tl_document *b = td_new("b.txt", text_b, 2021, 11, 7);
	td_timex(b, "5 March 2021", TL_TIMEX_DATE, "2021-03-05");
	td_timex(b, "February 2020", TL_TIMEX_DATE, "2020-02");
	tl_timeline *tl = NULL;
	ck_assert_int_eq(tl_timeline_new(&tl, NULL), 0);
	ck_assert_int_eq(tl_timeline_add(tl, td_done(a)), 0);
	ck_assert_int_eq(tl_timeline_add(tl, td_done(b)), 0);
	return tl;
}

/* Elements seen by the callback. */
#define MAX_SEEN 64
typedef struct seen {
	const char *array[MAX_SEEN];
	size_t begin[MAX_SEEN], end[MAX_SEEN];
	size_t n;
	size_t stop_at; /* return non-zero on this call (SIZE_MAX: never) */
} seen;

static int on_element(void *ctx, const char *array, size_t begin, size_t end)
{
	seen *s = ctx;
	ck_assert_uint_lt(s->n, MAX_SEEN);
	s->array[s->n] = array;
	s->begin[s->n] = begin;
	s->end[s->n] = end;
	return s->n++ == s->stop_at;
}

static char *export_json(tl_timeline *tl, const tl_export_options *o, size_t *len)
{
	char *out = NULL;
	ck_assert_int_eq(tl_export(&out, len, tl, TL_FORMAT_JSON, o), 0);
	ck_assert_ptr_nonnull(out);
	return out;
}

/* Each element told lies where the parsed export has it, in order. */
START_TEST(test_element_spans)
{
	tl_timeline *tl = two_docs();
	tl_export_options o = TL_EXPORT_OPTIONS_INIT;
	size_t plain_len = 0, len = 0;
	char *plain = export_json(tl, &o, &plain_len);
	seen s = {.stop_at = SIZE_MAX};
	o.pretty = _i; /* both layouts */
	o.element = on_element;
	o.element_ctx = &s;
	char *out = export_json(tl, &o, &len);
	if (o.pretty) /* the callback changes no byte */
		ck_assert(len == plain_len && memcmp(out, plain, len) == 0);
	json_object *root = json_tokener_parse(out);
	ck_assert_ptr_nonnull(root);
	static const char *const arrays[] = {"documents", "events", "timexes", "warnings"};
	size_t k = 0, prev_end = 0;
	for (size_t a = 0; a < 4; a++) {
		json_object *arr = NULL;
		ck_assert(json_object_object_get_ex(root, arrays[a], &arr));
		size_t n = json_object_array_length(arr);
		if (a < 3)
			ck_assert_uint_gt(n, 0);
		for (size_t i = 0; i < n; i++, k++) {
			ck_assert_uint_lt(k, s.n);
			ck_assert_str_eq(s.array[k], arrays[a]);
			ck_assert_uint_ge(s.begin[k], prev_end);
			ck_assert_uint_lt(s.begin[k], s.end[k]);
			ck_assert_uint_le(s.end[k], len);
			prev_end = s.end[k];
			/* the span is exactly one JSON value, equal to the element */
			json_tokener *tok = json_tokener_new();
			json_object *el = json_tokener_parse_ex(tok, out + s.begin[k],
			                                        (int)(s.end[k] - s.begin[k]));
			ck_assert_ptr_nonnull(el);
			ck_assert_int_eq(json_tokener_get_parse_end(tok),
			                 (int)(s.end[k] - s.begin[k]));
			ck_assert(json_object_equal(el, json_object_array_get_idx(arr, i)));
			json_object_put(el);
			json_tokener_free(tok);
		}
	}
	ck_assert_uint_eq(k, s.n);
	json_object_put(root);
	tl_free(out);
	tl_free(plain);
	tl_timeline_free(tl);
}
END_TEST

/* A non-zero return stops the export: TL_ERROR, no output, no more calls. */
START_TEST(test_element_stop)
{
	tl_timeline *tl = two_docs();
	tl_export_options o = TL_EXPORT_OPTIONS_INIT;
	seen s = {.stop_at = 2};
	o.element = on_element;
	o.element_ctx = &s;
	char *out = (char *)1;
	size_t len = 7;
	ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_JSON, &o), TL_ERROR);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(len, 0);
	ck_assert_uint_eq(s.n, 3);
	tl_timeline_free(tl);
}
END_TEST

/* The integer "document" members of an object (or -1 when absent). */
static int64_t doc_of(json_object *o)
{
	json_object *d = NULL;
	if (!json_object_object_get_ex(o, "document", &d) || !json_object_is_type(d, json_type_int))
		return -1;
	return json_object_get_int64(d);
}

/* document_base shifts every document index, and nothing else. */
START_TEST(test_document_base)
{
	tl_timeline *tl = two_docs();
	tl_export_options o = TL_EXPORT_OPTIONS_INIT;
	size_t len0 = 0, len1 = 0;
	char *out0 = export_json(tl, &o, &len0);
	o.document_base = 40;
	char *out1 = export_json(tl, &o, &len1);
	json_object *r0 = json_tokener_parse(out0), *r1 = json_tokener_parse(out1);
	ck_assert_ptr_nonnull(r0);
	ck_assert_ptr_nonnull(r1);
	json_object *t0, *t1, *e0, *e1, *d0, *d1;
	ck_assert(json_object_object_get_ex(r0, "timexes", &t0));
	ck_assert(json_object_object_get_ex(r1, "timexes", &t1));
	ck_assert_uint_eq(json_object_array_length(t0), 5);
	ck_assert_uint_eq(json_object_array_length(t1), 5);
	size_t seen_b = 0;
	for (size_t i = 0; i < 5; i++) {
		int64_t a = doc_of(json_object_array_get_idx(t0, i));
		ck_assert(a == 0 || a == 1);
		seen_b += a == 1;
		ck_assert_int_eq(doc_of(json_object_array_get_idx(t1, i)), a + 40);
	}
	ck_assert_uint_eq(seen_b, 2);
	ck_assert(json_object_object_get_ex(r0, "events", &e0));
	ck_assert(json_object_object_get_ex(r1, "events", &e1));
	size_t mentions = 0;
	for (size_t i = 0; i < json_object_array_length(e0); i++) {
		json_object *m0, *m1;
		ck_assert(
		    json_object_object_get_ex(json_object_array_get_idx(e0, i), "mentions", &m0));
		ck_assert(
		    json_object_object_get_ex(json_object_array_get_idx(e1, i), "mentions", &m1));
		for (size_t j = 0; j < json_object_array_length(m0); j++, mentions++) {
			int64_t a = doc_of(json_object_array_get_idx(m0, j));
			ck_assert(a == 0 || a == 1);
			ck_assert_int_eq(doc_of(json_object_array_get_idx(m1, j)), a + 40);
		}
		/* an event's own "document" is its id, a string, and stays */
		json_object *id0, *id1;
		ck_assert(
		    json_object_object_get_ex(json_object_array_get_idx(e0, i), "document", &id0));
		ck_assert(
		    json_object_object_get_ex(json_object_array_get_idx(e1, i), "document", &id1));
		ck_assert(json_object_equal(id0, id1));
	}
	ck_assert_uint_ge(mentions, 5);
	ck_assert(json_object_object_get_ex(r0, "documents", &d0));
	ck_assert(json_object_object_get_ex(r1, "documents", &d1));
	ck_assert(json_object_equal(d0, d1));
	/* the JSON differs in the shifted digits alone: 0 -> 40 and 1 -> 41 */
	ck_assert_uint_eq(len1, len0 + json_object_array_length(t0) + mentions);
	json_object_put(r0);
	json_object_put(r1);
	tl_free(out0);
	tl_free(out1);
	tl_timeline_free(tl);
}
END_TEST

/* A base that would take an index past INT64_MAX is refused. */
START_TEST(test_document_base_overflow)
{
	tl_timeline *tl = two_docs();
	tl_export_options o = TL_EXPORT_OPTIONS_INIT;
	char *out = NULL;
	size_t len = 0;
	o.document_base = (size_t)INT64_MAX; /* the second document would overflow */
	if ((uint64_t)SIZE_MAX >= (uint64_t)INT64_MAX) {
		ck_assert_int_eq(tl_export(&out, &len, tl, TL_FORMAT_JSON, &o), TL_ERANGE);
		ck_assert_ptr_null(out);
	}
	o.document_base = (size_t)INT64_MAX - 1 < SIZE_MAX ? (size_t)INT64_MAX - 1 : SIZE_MAX - 1;
	if ((uint64_t)o.document_base == (uint64_t)INT64_MAX - 1) {
		out = export_json(tl, &o, &len);
		ck_assert_ptr_nonnull(strstr(out, "\"document\": 9223372036854775807"));
		tl_free(out);
	}
	tl_timeline_free(tl);
}
END_TEST

/* Version 1 options: init writes only their fields; export ignores the rest. */
START_TEST(test_version_1)
{
	tl_timeline *tl = two_docs();
	tl_export_options o;
	memset(&o, 0xAB, sizeof(o));
	ck_assert_int_eq(tl_export_options_init(&o, 1), 0);
	ck_assert_uint_eq(o.version, 1);
	ck_assert_int_eq(o.pretty, 1);
	ck_assert(o.dtstamp == 0);
	const unsigned char *tail = (const unsigned char *)&o.document_base;
	for (size_t i = 0; i < sizeof(o.document_base); i++)
		ck_assert_uint_eq(tail[i], 0xAB); /* not a field of version 1 */
	/* garbage past dtstamp is never read */
	o.document_base = 999;
	o.element = (tl_export_element_fn)(uintptr_t)1;
	tl_export_options v2 = TL_EXPORT_OPTIONS_INIT;
	size_t l1 = 0, l2 = 0;
	char *s1 = export_json(tl, &o, &l1), *s2 = export_json(tl, &v2, &l2);
	ck_assert(l1 == l2 && memcmp(s1, s2, l1) == 0);
	tl_free(s1);
	tl_free(s2);
	ck_assert_int_eq(tl_export_options_init(&v2, 2), 0);
	ck_assert(v2.document_base == 0 && v2.element == NULL && v2.element_ctx == NULL);
	ck_assert_int_eq(tl_export_options_init(&v2, 3), TL_EINVAL);
	v2.version = 3;
	char *out = NULL;
	ck_assert_int_eq(tl_export(&out, NULL, tl, TL_FORMAT_JSON, &v2), TL_EINVAL);
	tl_timeline_free(tl);
}
END_TEST

static Suite *export_options_suite(void)
{
	Suite *s = suite_create("export_options");
	TCase *tc = tcase_create("json");
	tcase_add_loop_test(tc, test_element_spans, 0, 2);
	tcase_add_test(tc, test_element_stop);
	tcase_add_test(tc, test_document_base);
	tcase_add_test(tc, test_document_base_overflow);
	tcase_add_test(tc, test_version_1);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(export_options_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
