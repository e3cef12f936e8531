/*
 * test_json_writer.c - the streaming JSON writer (lib/json_writer.c) gives
 * byte for byte what json-c gives for the same document, in both layouts.
 *
 * json-c is the reference: each case builds the same value twice, once as a
 * json-c tree serialised with the flags the exports use, once through the
 * writer, and compares the bytes.  Random documents cover every byte value in
 * strings, empty and nested containers and extreme integers.
 */
#include "json_writer.h"

#include <check.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static const int flags_pretty =
    JSON_C_TO_STRING_NOSLASHESCAPE | JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED;
static const int flags_plain = JSON_C_TO_STRING_NOSLASHESCAPE | JSON_C_TO_STRING_PLAIN;

/* A small deterministic generator (xorshift64), so failures repeat. */
static uint64_t rng_state;
static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A random string: any byte 0..255, mostly letters; some strings long with
 * rare odd bytes, so that the 8-bytes-at-a-time scan meets them anywhere. */
static size_t random_string(char *s, size_t max)
{
	size_t n = rnd() % max;
	unsigned odd = rnd() % 2 ? 4 : 64;
	for (size_t i = 0; i < n; i++) {
		uint64_t r = rnd() % odd;
		s[i] = r == 0 ? (char)(rnd() % 256) : (char)('a' + rnd() % 26);
	}
	return n;
}

static int64_t random_int(void)
{
	switch (rnd() % 5) {
	case 0:
		return INT64_MIN;
	case 1:
		return INT64_MAX;
	case 2:
		return 0;
	case 3:
		return -(int64_t)(rnd() % 100000);
	default:
		return (int64_t)(rnd() >> 1);
	}
}

/* The literal keys of plain_member(), by member index (objects have up to 3). */
static const char *const literal_keys[] = {"tz", "byte_start", "a_key_longer_than_16", "document"};

/* The i-th member of an object with a literal key (a short one, one longer
 * than 16 bytes) and a random integer or string value, both ways. */
static json_object *plain_member(tl_jw *w, size_t i)
{
	char s[300];
	int64_t v = random_int();
	size_t n = rnd() % 2 ? 0 : random_string(s, sizeof(s) - 1);
	s[n] = '\0';
	if (strlen(s) != n)
		n = 0; /* a NUL inside: an integer instead */
	switch (i) {
	case 0:
		if (n)
			TL_JW_MEMBER_STR(w, "tz", s);
		else
			TL_JW_MEMBER_INT(w, "tz", v);
		break;
	case 1:
		if (n)
			TL_JW_MEMBER_STR(w, "byte_start", s);
		else
			TL_JW_MEMBER_INT(w, "byte_start", v);
		break;
	case 2:
		if (n)
			TL_JW_MEMBER_STR(w, "a_key_longer_than_16", s);
		else
			TL_JW_MEMBER_INT(w, "a_key_longer_than_16", v);
		break;
	default:
		if (n)
			TL_JW_MEMBER_STR(w, "document", s);
		else
			TL_JW_MEMBER_INT(w, "document", v);
	}
	return n ? json_object_new_string_len(s, (int)n) : json_object_new_int64(v);
}

/* Build a random value both ways; depth bounds the nesting. */
static json_object *random_value(tl_jw *w, int depth)
{
	char s[300];
	uint64_t kind = depth >= 5 ? rnd() % 2 : rnd() % 4;
	if (kind == 0) {
		size_t n = random_string(s, sizeof(s));
		tl_jw_strn(w, s, n);
		return json_object_new_string_len(s, (int)n);
	}
	if (kind == 1) {
		int64_t v = random_int();
		tl_jw_int(w, v);
		return json_object_new_int64(v);
	}
	size_t n = rnd() % 4;
	if (kind == 2) {
		json_object *a = json_object_new_array();
		tl_jw_begin_array(w);
		for (size_t i = 0; i < n; i++)
			json_object_array_add(a, random_value(w, depth + 1));
		tl_jw_end_array(w);
		return a;
	}
	json_object *o = json_object_new_object();
	tl_jw_begin_object(w);
	for (size_t i = 0; i < n; i++) {
		if (rnd() % 2) { /* a literal key: TL_JW_MEMBER_INT, TL_JW_MEMBER_STR */
			json_object_object_add(o, literal_keys[i], plain_member(w, i));
			continue;
		}
		char key[16];
		snprintf(key, sizeof(key), "k%zu/\"%c", i, (char)('a' + rnd() % 26));
		tl_jw_key(w, key);
		json_object_object_add(o, key, random_value(w, depth + 1));
	}
	tl_jw_end_object(w);
	return o;
}

/* 2000 random documents per layout compare equal. */
START_TEST(test_random_documents)
{
	int pretty = _i;
	rng_state = 0x9E3779B97F4A7C15ULL + (uint64_t)pretty;
	for (int k = 0; k < 2000; k++) {
		tl_buf b = {0};
		tl_jw w;
		tl_jw_init(&w, &b, pretty);
		json_object *v = random_value(&w, 0);
		const char *want =
		    json_object_to_json_string_ext(v, pretty ? flags_pretty : flags_plain);
		ck_assert(!w.failed && !b.failed && w.depth == 0);
		ck_assert_msg(b.len == strlen(want) && memcmp(b.data, want, b.len) == 0,
		              "document %d differs:\njson-c: %s\nwriter: %s", k, want, b.data);
		json_object_put(v);
		tl_buf_free(&b);
	}
}
END_TEST

/* The layout itself, worked out by hand for one small document. */
START_TEST(test_layout_by_hand)
{
	tl_buf b = {0};
	tl_jw w;
	tl_jw_init(&w, &b, 1);
	tl_jw_begin_object(&w);
	tl_jw_member_int(&w, "n", -3);
	tl_jw_key(&w, "e");
	tl_jw_begin_array(&w);
	tl_jw_end_array(&w);
	tl_jw_key(&w, "a");
	tl_jw_begin_array(&w);
	tl_jw_str(&w, "x/\"\n\x01");
	tl_jw_end_array(&w);
	tl_jw_member_str(&w, "skipped", NULL);
	tl_jw_end_object(&w);
	ck_assert_str_eq(b.data, "{\n  \"n\": -3,\n  \"e\": [\n  ],\n  \"a\": [\n"
	                         "    \"x/\\\"\\n\\u0001\"\n  ]\n}");
	tl_buf_free(&b);
}
END_TEST

/* Misuse is caught: a value without a key in an object, a mismatched end. */
START_TEST(test_misuse)
{
	tl_buf b = {0};
	tl_jw w;
	tl_jw_init(&w, &b, 0);
	tl_jw_begin_object(&w);
	tl_jw_int(&w, 1);
	ck_assert(w.failed);
	tl_jw_init(&w, &b, 0);
	tl_jw_begin_array(&w);
	tl_jw_end_object(&w);
	ck_assert(w.failed);
	tl_jw_init(&w, &b, 0);
	for (int i = 0; i <= TL_JW_MAX_DEPTH; i++)
		tl_jw_begin_array(&w);
	ck_assert(w.failed);
	tl_buf_free(&b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("json_writer");
	TCase *tc = tcase_create("json_writer");
	tcase_add_loop_test(tc, test_random_documents, 0, 2);
	tcase_add_test(tc, test_layout_by_hand);
	tcase_add_test(tc, test_misuse);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed != 0;
}
