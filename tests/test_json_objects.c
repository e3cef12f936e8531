/*
 * test_json_objects.c - objects written in one piece (json_writer.h: the
 * prepared pieces, tl_jw_obj_begin(), tl_jw_put*()) give byte for byte what
 * json-c gives, in both layouts, at several depths.
 *
 * Each case builds a root array of arrays nested `depth` deep whose innermost
 * array holds random objects: integer and string members (strings of any
 * byte, some longer than the writer's guess for escapes) and an array of
 * small objects put by hand, as the JSON export writes events and their
 * mentions.  Some objects are left open (tl_jw_obj_resume()) and finished
 * with the ordinary calls.  json-c serialises the same value; the bytes must
 * be equal.
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

/* A random string of up to max bytes: any byte 0..255 now and then, or
 * plain letters only. */
static size_t random_string(char *s, size_t max)
{
	size_t n = rnd() % 4 == 0 ? rnd() % max : rnd() % 24;
	unsigned odd = rnd() % 3 == 0 ? 0 : rnd() % 2 ? 5 : 300;
	for (size_t i = 0; i < n; i++)
		s[i] = odd && rnd() % odd == 0 ? (char)(rnd() % 256) : (char)('a' + rnd() % 26);
	return n;
}

static int64_t random_int(void)
{
	switch (rnd() % 6) {
	case 0:
		return INT64_MIN;
	case 1:
		return INT64_MAX;
	case 2:
		return (int64_t)(rnd() % 10);
	case 3:
		return -(int64_t)(rnd() % 100000);
	case 4:
		return (int64_t)(rnd() % 10000000000ULL);
	default:
		return (int64_t)(rnd() >> 1);
	}
}

#define NKEYS 5
static const char *const keys[NKEYS] = {"document", "text", "byte_start", "a", "sixteen_chars_ab"};

/* The pieces for objects whose members are at depth d. */
typedef struct pieces {
	tl_jw_piece key[NKEYS], end, sub_key, item, sub_a, sub_b, sub_end, list_end;
} pieces;

static void prep(tl_jw *w, pieces *k, int d)
{
	for (int i = 0; i < NKEYS; i++)
		tl_jw_prep_key(w, &k->key[i], d, keys[i]);
	tl_jw_prep_end(w, &k->end, d, '}');
	tl_jw_prep_key(w, &k->sub_key, d, "mentions");
	tl_jw_prep_item(w, &k->item, d + 1);
	tl_jw_prep_key(w, &k->sub_a, d + 2, "document");
	tl_jw_prep_key(w, &k->sub_b, d + 2, "timex");
	tl_jw_prep_end(w, &k->sub_end, d + 2, '}');
	tl_jw_prep_end(w, &k->list_end, d + 1, ']');
}

/* One random object both ways, written in one piece into w. */
static json_object *random_object(tl_jw *w, const pieces *k)
{
	static char s[3][10000];
	size_t len[3];
	int esc[3], nint = (int)(rnd() % 3), nsub = (int)(rnd() % 4), open = rnd() % 3 == 0;
	int64_t v[2], sub[3][2];
	json_object *o = json_object_new_object();
	size_t max = 0;
	for (int i = 0; i < 3; i++) {
		len[i] = random_string(s[i], sizeof(s[i]));
		max = tl_jw_add(max, k->key[i].len + tl_jw_str_room(s[i], len[i], &esc[i]));
	}
	for (int i = 0; i < nint; i++) {
		v[i] = random_int();
		max = tl_jw_add(max, k->key[3 + i].len + TL_JW_INT_MAX);
	}
	max = tl_jw_add(max, k->sub_key.len + 1 + k->list_end.len);
	for (int j = 0; j < nsub; j++) {
		sub[j][0] = random_int();
		sub[j][1] = random_int();
		max = tl_jw_add(max, k->item.len + 1 + k->sub_a.len + k->sub_b.len +
		                         2 * TL_JW_INT_MAX + k->sub_end.len);
	}
	char *p = tl_jw_obj_begin(w, &k->end, max);
	ck_assert_ptr_nonnull(p);
	for (int i = 0; i < 3; i++) {
		p = tl_jw_put(p, &k->key[i], i == 0);
		p = tl_jw_put_str(p, s[i], len[i], esc[i]);
		json_object_object_add(o, keys[i], json_object_new_string_len(s[i], (int)len[i]));
	}
	for (int i = 0; i < nint; i++) {
		p = tl_jw_put(p, &k->key[3 + i], 0);
		p = tl_jw_put_int(p, v[i]);
		json_object_object_add(o, keys[3 + i], json_object_new_int64(v[i]));
	}
	json_object *list = json_object_new_array();
	if (open) { /* the rest through the ordinary calls */
		tl_jw_obj_resume(w, p, 1);
		tl_jw_key(w, "mentions");
		tl_jw_begin_array(w);
		for (int j = 0; j < nsub; j++) {
			tl_jw_begin_object(w);
			tl_jw_member_int(w, "document", sub[j][0]);
			tl_jw_member_int(w, "timex", sub[j][1]);
			tl_jw_end_object(w);
		}
		tl_jw_end_array(w);
		tl_jw_end_object(w);
	} else {
		p = tl_jw_put(p, &k->sub_key, 0);
		*p++ = '[';
		for (int j = 0; j < nsub; j++) {
			p = tl_jw_put(p, &k->item, j == 0);
			*p++ = '{';
			p = tl_jw_put(p, &k->sub_a, 1);
			p = tl_jw_put_int(p, sub[j][0]);
			p = tl_jw_put(p, &k->sub_b, 0);
			p = tl_jw_put_int(p, sub[j][1]);
			p = tl_jw_put(p, &k->sub_end, 0);
		}
		p = tl_jw_put(p, &k->list_end, 0);
		tl_jw_obj_end(w, &k->end, p);
	}
	for (int j = 0; j < nsub; j++) {
		json_object *m = json_object_new_object();
		json_object_object_add(m, "document", json_object_new_int64(sub[j][0]));
		json_object_object_add(m, "timex", json_object_new_int64(sub[j][1]));
		json_object_array_add(list, m);
	}
	json_object_object_add(o, "mentions", list);
	return o;
}

/* 400 random documents per layout compare equal; the objects lie at depths 2 to 6. */
START_TEST(test_random_objects)
{
	int pretty = _i;
	rng_state = 0xD1B54A32D192ED03ULL + (uint64_t)pretty;
	for (int c = 0; c < 400; c++) {
		tl_buf b = {0};
		tl_jw w;
		pieces k;
		int depth = 1 + (int)(rnd() % 5);
		tl_jw_init(&w, &b, pretty);
		json_object *root = json_object_new_array(), *inner = root;
		tl_jw_begin_array(&w);
		for (int d = 1; d < depth; d++) {
			json_object *a = json_object_new_array();
			json_object_array_add(inner, a);
			inner = a;
			tl_jw_begin_array(&w);
		}
		prep(&w, &k, w.depth + 1);
		size_t n = rnd() % 5;
		for (size_t i = 0; i < n; i++)
			json_object_array_add(inner, random_object(&w, &k));
		for (int d = 0; d < depth; d++)
			tl_jw_end_array(&w);
		const char *want =
		    json_object_to_json_string_ext(root, pretty ? flags_pretty : flags_plain);
		ck_assert(!w.failed && !b.failed && w.depth == 0);
		size_t at = 0, wl = strlen(want);
		while (at < b.len && at < wl && b.data[at] == want[at])
			at++;
		ck_assert_msg(at == b.len && at == wl,
		              "case %d differs at byte %zu:\njson-c: %.60s\nwriter: %.60s", c, at,
		              want + (at > 20 ? at - 20 : 0), b.data + (at > 20 ? at - 20 : 0));
		json_object_put(root);
		tl_buf_free(&b);
	}
}
END_TEST

/* Integers at every length, both signs, against printf. */
START_TEST(test_put_int)
{
	char buf[64], want[64];
	int64_t v = 1;
	for (int i = 0; i < 19; i++) {
		/* v is 10^i; 10^18 is the last power of ten an int64_t holds */
		if (i > 0)
			v *= 10;
		const int64_t cases[] = {v - 1, v, v + 1, -v + 1, -v, -v - 1};
		for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
			char *end = tl_jw_put_int(buf, cases[c]);
			*end = '\0';
			snprintf(want, sizeof(want), "%lld", (long long)cases[c]);
			ck_assert_str_eq(buf, want);
		}
	}
	const int64_t ends[] = {INT64_MIN, INT64_MAX, (int64_t)UINT32_MAX, (int64_t)UINT32_MAX + 1};
	for (size_t c = 0; c < sizeof(ends) / sizeof(ends[0]); c++) {
		*tl_jw_put_int(buf, ends[c]) = '\0';
		snprintf(want, sizeof(want), "%lld", (long long)ends[c]);
		ck_assert_str_eq(buf, want);
	}
}
END_TEST

/* Pieces used at another depth than they were made for, and keys that cannot
 * be prepared, are misuse. */
START_TEST(test_misuse)
{
	tl_buf b = {0};
	tl_jw w;
	tl_jw_piece key, end;
	tl_jw_init(&w, &b, 1);
	tl_jw_begin_array(&w);
	tl_jw_prep_end(&w, &end, 3, '}');
	ck_assert(!w.failed);
	ck_assert_ptr_null(tl_jw_obj_begin(&w, &end, 10));
	ck_assert(w.failed);
	tl_jw_init(&w, &b, 1);
	tl_jw_prep_key(&w, &key, 2, "seventeen_chars_x");
	ck_assert(w.failed);
	tl_jw_init(&w, &b, 1);
	tl_jw_prep_key(&w, &key, 2, "quo\"te");
	ck_assert(w.failed);
	tl_jw_init(&w, &b, 1);
	tl_jw_prep_key(&w, &key, TL_JW_MAX_DEPTH + 1, "a");
	ck_assert(w.failed);
	tl_buf_free(&b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("json_objects");
	TCase *tc = tcase_create("json_objects");
	tcase_add_loop_test(tc, test_random_objects, 0, 2);
	tcase_add_test(tc, test_put_int);
	tcase_add_test(tc, test_misuse);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed != 0;
}
