/*
 * test_utf8.c - UTF-8 validation and code point counting (lib/utf8.c).
 *
 * The library reads 8 bytes at a time over ASCII, so each case is also tried
 * at every offset inside a run of ASCII padding: a bad byte must be found at
 * its exact offset whether it sits at the start, middle or end of a word.
 */
#include "internal.h"

#include <check.h>
#include <stdlib.h>

/* One case: bytes, their length, -1 when valid or the offset of the first bad
 * sequence, and the number of code points when valid.  Worked out by hand from
 * RFC 3629 (table in section 4). */
struct utf8_case {
	const char *s;
	size_t len;
	long bad;
	size_t count;
};

static const struct utf8_case cases[] = {
    {"", 0, -1, 0},
    {"plain ascii", 11, -1, 11},
    {"caf\xC3\xA9", 5, -1, 4},      /* U+00E9 */
    {"\xE2\x80\x93", 3, -1, 1},     /* U+2013 en dash */
    {"\xF0\x9F\x98\x80", 4, -1, 1}, /* U+1F600 */
    {"\xF4\x8F\xBF\xBF", 4, -1, 1}, /* U+10FFFF, the last */
    {"\xC3", 1, 0, 0},              /* truncated */
    {"ab\xE2\x80", 4, 2, 0},        /* truncated at the end */
    {"\xC0\xAF", 2, 0, 0},          /* overlong '/' */
    {"\xE0\x9F\xBF", 3, 0, 0},      /* overlong U+07FF */
    {"\xED\xA0\x80", 3, 0, 0},      /* surrogate U+D800 */
    {"\xF4\x90\x80\x80", 4, 0, 0},  /* U+110000, too big */
    {"x\x80y", 3, 1, 0},            /* lone continuation byte */
    {"\xC3\xA9\xFF", 3, 2, 0},      /* 0xFF never appears */
    {"\xE2\x28\xA1", 3, 0, 0},      /* bad second byte */
};

static char *padded(size_t pre, const struct utf8_case *c, size_t post)
{
	char *b = malloc(pre + c->len + post + 1);
	ck_assert_ptr_nonnull(b);
	memset(b, 'a', pre);
	memcpy(b + pre, c->s, c->len);
	memset(b + pre + c->len, 'z', post);
	b[pre + c->len + post] = '\0';
	return b;
}

/* Every case alone and at every offset 0..39 (every place in a 32-byte
 * block of the ASCII skip, and past it) with 0..39 ASCII bytes after. */
START_TEST(test_valid_everywhere)
{
	const struct utf8_case *c = &cases[_i];
	for (size_t pre = 0; pre < 40; pre++)
		for (size_t post = 0; post < 40; post++) {
			char *b = padded(pre, c, post);
			size_t len = pre + c->len + post, bad = (size_t)-1;
			int ok = tl_utf8_valid(b, len, &bad);
			if (c->bad < 0) {
				ck_assert_msg(ok, "case %d pre %zu post %zu: rejected at %zu", _i,
				              pre, post, bad);
				ck_assert_uint_eq(tl_utf8_count(b, len), pre + c->count + post);
			} else {
				ck_assert_msg(!ok, "case %d pre %zu post %zu: accepted", _i, pre,
				              post);
				ck_assert_uint_eq(bad, pre + (size_t)c->bad);
			}
			free(b);
		}
}
END_TEST

/* A long text: 1000 copies of "é and a 40-byte ASCII run" count exactly. */
START_TEST(test_count_long)
{
	static const char unit[] = "\xC3\xA9 and then forty bytes of plain ascii..";
	size_t ulen = sizeof(unit) - 1, n = 1000;
	char *b = malloc(ulen * n);
	ck_assert_ptr_nonnull(b);
	for (size_t i = 0; i < n; i++)
		memcpy(b + i * ulen, unit, ulen);
	ck_assert(tl_utf8_valid(b, ulen * n, NULL));
	ck_assert_uint_eq(tl_utf8_count(b, ulen * n), (ulen - 1) * n);
	b[ulen * 700 + 1] = 'x'; /* the continuation byte of the 701st "é" */
	size_t bad = 0;
	ck_assert(!tl_utf8_valid(b, ulen * n, &bad));
	ck_assert_uint_eq(bad, ulen * 700);
	free(b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("utf8");
	tcase_add_loop_test(tc, test_valid_everywhere, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_count_long);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed != 0;
}
