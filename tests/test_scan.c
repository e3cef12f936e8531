/*
 * test_scan.c - the scanner (lib/scan.c) and the word-table lookup it uses
 * (lib/tables.c): token kinds, byte and code-point offsets, flags, the
 * table entry of each word, the period an abbreviation keeps, and the
 * case-folded lookup that the scanner does while it reads a word, and the
 * tokens it lists as candidates (a mention start, a sentence end).
 * Offsets are counted by hand from the text below (UTF-8: U+00A0 and U+00E9
 * take 2 bytes, U+2014 takes 3).
 */
#include "engine.h"

#include <check.h>
#include <stdlib.h>

/* Look w up in any case by its key. */
static const tl_word *find_folded(const tl_wordtab *tab, const char *w)
{
	size_t n = strlen(w);
	ck_assert_uint_le(n, TL_WORDKEY_MAX);
	tl_wordkey k = tl_wordkey_of(w, n);
	return tl_wordtab_find_key(tab, k, tl_wordkey_hash(k, n));
}

START_TEST(test_folded_lookup)
{
	tl_wordtab tab;
	tl_wordtab_build(&tab);
	const tl_word *nov = tl_wordtab_find(&tab, "november", 8);
	ck_assert_ptr_nonnull(nov);
	ck_assert_int_eq(nov->cls, W_MONTH);
	ck_assert_int_eq(nov->val, 11);
	/* any case finds the same row */
	ck_assert_ptr_eq(find_folded(&tab, "november"), nov);
	ck_assert_ptr_eq(find_folded(&tab, "NOVEMBER"), nov);
	ck_assert_ptr_eq(find_folded(&tab, "NoVember"), nov);
	/* the longest words of the table */
	const tl_word *ap = find_folded(&tab, "APPROXIMATELY");
	ck_assert_ptr_nonnull(ap);
	ck_assert_int_eq(ap->cls, W_MOD);
	ck_assert_int_eq(ap->val, M_APPROX);
	/* the first of two readings, as tl_wordtab_find gives it */
	ck_assert_ptr_eq(find_folded(&tab, "Second"), tl_wordtab_find(&tab, "second", 6));
	/* words of 8, 9, 12 and 13 letters: the key's two loads overlap, and a
	 * letter changed anywhere is another word */
	ck_assert_ptr_nonnull(find_folded(&tab, "SePTEMBEr"));
	ck_assert_ptr_nonnull(find_folded(&tab, "THANKSGIVING"));
	ck_assert_ptr_nonnull(find_folded(&tab, "Saturday"));
	ck_assert_ptr_null(find_folded(&tab, "Saturdax"));
	ck_assert_ptr_null(find_folded(&tab, "approxXmately"));
	ck_assert_ptr_null(find_folded(&tab, "thanksgxving"));
	ck_assert_ptr_null(find_folded(&tab, "sept\x01mber"));
	/* the plain lookup takes lower case only */
	ck_assert_ptr_null(tl_wordtab_find(&tab, "September", 9));
	ck_assert_ptr_null(tl_wordtab_find(&tab, "", 0));
	ck_assert_ptr_null(tl_wordtab_find(&tab, "approximatelyyyyy", 17));
	/* prefixes, extensions and other words are not found */
	ck_assert_ptr_null(find_folded(&tab, "Novembe"));
	ck_assert_ptr_null(find_folded(&tab, "Novembers"));
	ck_assert_ptr_null(find_folded(&tab, "elephant"));
}
END_TEST

/* One expected token. */
typedef struct {
	size_t b, e, cb, ce;
	int kind;
	unsigned flags; /* exactly these of TF_CAP, TF_UPPER, TF_SPACE, TF_PERIOD */
	char punct;
	int64_t num;
	int cls; /* table class of a word, or W_NONE when no entry */
} want_tok;

#define FLAGS_CHECKED (TF_CAP | TF_UPPER | TF_SPACE | TF_PERIOD)

/* The token list got[0..n) is want[0..nwant). */
static void check_list(const tl_off *got, size_t n, const size_t *want, size_t nwant)
{
	ck_assert_uint_eq(n, nwant);
	for (size_t i = 0; i < n; i++)
		ck_assert_uint_eq(got[i], want[i]);
}

static void check_toks(const tl_scan *s, const want_tok *w, size_t n)
{
	ck_assert_uint_eq(s->ntok, n);
	for (size_t i = 0; i < n; i++) {
		const tl_tok *t = &s->toks[i];
		ck_assert_msg(t->b == w[i].b && t->e == w[i].e,
		              "token %zu: bytes [%zu,%zu), want [%zu,%zu)", i, (size_t)t->b,
		              (size_t)t->e, w[i].b, w[i].e);
		ck_assert_msg(t->cb == w[i].cb && t->ce == w[i].ce,
		              "token %zu: code points [%zu,%zu), want [%zu,%zu)", i, (size_t)t->cb,
		              (size_t)t->ce, w[i].cb, w[i].ce);
		ck_assert_int_eq(t->kind, w[i].kind);
		ck_assert_msg((t->flags & FLAGS_CHECKED) == w[i].flags,
		              "token %zu: flags %u, want %u", i, t->flags & FLAGS_CHECKED,
		              w[i].flags);
		if (w[i].kind == TK_PUNCT)
			ck_assert_int_eq(t->punct, w[i].punct);
		if (w[i].kind == TK_NUM)
			ck_assert_int_eq(t->num, w[i].num);
		if (w[i].kind == TK_WORD) {
			ck_assert_msg((t->w ? t->w->cls : W_NONE) == w[i].cls,
			              "token %zu: word class %d, want %d", i,
			              t->w ? t->w->cls : W_NONE, w[i].cls);
		}
	}
}

/* A scanner at the start of a copy of text[0, len) padded as a document's
 * text is (TL_SCAN_PAD bytes '\0'), with the word table built in tab (which
 * must outlive the scanner).  One copy at a time: the next call reuses it. */
static void scan_start(tl_scan *s, tl_wordtab *tab, const char *text, size_t len)
{
	static char copy[1024];
	ck_assert_uint_le(len + TL_SCAN_PAD, sizeof(copy));
	memset(copy, 0, sizeof(copy));
	memcpy(copy, text, len);
	tl_wordtab_build(tab);
	memset(s, 0, sizeof(*s));
	s->text = copy;
	s->len = len;
	s->tab = tab;
}

/* Every word of the table, read back from its key, is found by the
 * scanner (which makes the key its own way, from sixteen bytes at a time)
 * in lower case, in capitals and capitalised, and its entry spells it. */
START_TEST(test_every_table_word)
{
	tl_wordtab tab;
	tl_wordtab_build(&tab);
	size_t nwords = 0;
	for (size_t h = 0; h < sizeof(tab.word) / sizeof(tab.word[0]); h++) {
		if (!tab.word[h])
			continue;
		char word[TL_WORDKEY_MAX + 1] = {0};
		size_t n = 0; /* the key is 0 past the word */
		while (n < TL_WORDKEY_MAX &&
		       ((n < 8 ? tab.key[h].a >> (8 * n) : tab.key[h].b >> (8 * (n - 8))) & 0xFF))
			n++;
		ck_assert(n >= 1);
		for (size_t j = 0; j < n; j++)
			word[j] = (char)((j < 8 ? tab.key[h].a >> (8 * j)
			                        : tab.key[h].b >> (8 * (j - 8))) &
			                 0xFF);
		const tl_word *want = tl_wordtab_find(&tab, word, n);
		ck_assert_msg(want && strcmp(want->word, word) == 0, "slot %zu: '%s'", h, word);
		char text[3 * (TL_WORDKEY_MAX + 1) + 1];
		size_t o = 0;
		for (int form = 0; form < 3; form++) {
			for (size_t j = 0; j < n; j++)
				text[o++] =
				    (char)(form == 1 || (form == 2 && j == 0) ? word[j] - 'a' + 'A'
				                                              : word[j]);
			text[o++] = ' ';
		}
		tl_scan s;
		tl_wordtab unused;
		scan_start(&s, &unused, text, o);
		s.tab = &tab;
		ck_assert_int_eq(tl_scan_chunk(&s), 1);
		ck_assert_uint_eq(s.ntok, 3);
		for (size_t i = 0; i < 3; i++)
			ck_assert_msg(s.toks[i].w == want, "'%s', form %zu", word, i);
		tl_scan_free(&s);
		nwords++;
	}
	ck_assert_uint_gt(nwords, 300);
}
END_TEST

START_TEST(test_tokens)
{
	/* U+00A0 after "2021", U+00E9 in "cafe", U+2014 before "J.R." */
	static const char text[] =
	    "On Nov. 5, 2021\xC2\xA0the NATO caf\xC3\xA9 met \xE2\x80\x94 J.R. "
	    "Smith said.\nNext";
	tl_wordtab tab;
	tl_scan s;
	scan_start(&s, &tab, text, sizeof(text) - 1);
	/* a token costs 40 bytes of the chunk's buffer (32-bit offsets) */
	ck_assert_uint_le(sizeof(tl_tok), 40);
	/* and a mention 144 (dense input holds one every few bytes) */
	ck_assert_uint_le(sizeof(tl_ment), 144);

	static const want_tok line1[] = {
	    {0, 2, 0, 2, TK_WORD, TF_CAP, 0, 0, W_FUNC},                         /* On */
	    {3, 7, 3, 7, TK_WORD, TF_CAP | TF_SPACE | TF_PERIOD, 0, 0, W_MONTH}, /* Nov. */
	    {8, 9, 8, 9, TK_NUM, TF_SPACE, 0, 5, 0},                             /* 5 */
	    {9, 10, 9, 10, TK_PUNCT, 0, ',', 0, 0},                              /* , */
	    {11, 15, 11, 15, TK_NUM, TF_SPACE, 0, 2021, 0},                      /* 2021 */
	    {17, 20, 16, 19, TK_WORD, TF_SPACE, 0, 0, W_FUNC}, /* the (after U+00A0) */
	    {21, 25, 20, 24, TK_WORD, TF_CAP | TF_UPPER | TF_SPACE, 0, 0, W_NONE}, /* NATO */
	    {26, 31, 25, 29, TK_WORD, TF_SPACE, 0, 0, W_NONE},  /* cafe with U+00E9 */
	    {32, 35, 30, 33, TK_WORD, TF_SPACE, 0, 0, W_TENSE}, /* met */
	    {36, 39, 34, 35, TK_PUNCT, TF_SPACE, '-', 0, 0},    /* U+2014 */
	    {40, 42, 36, 38, TK_WORD, TF_CAP | TF_SPACE | TF_PERIOD, 0, 0, W_NONE}, /* J. */
	    {42, 44, 38, 40, TK_WORD, TF_CAP | TF_PERIOD, 0, 0, W_NONE},            /* R. */
	    {45, 50, 41, 46, TK_WORD, TF_CAP | TF_SPACE, 0, 0, W_NONE},             /* Smith */
	    {51, 55, 47, 51, TK_WORD, TF_SPACE, 0, 0, W_TENSE},                     /* said */
	    {55, 56, 51, 52, TK_PUNCT, 0, '.', 0, 0},                               /* . */
	};
	ck_assert_int_eq(tl_scan_chunk(&s), 1);
	check_toks(&s, line1, sizeof(line1) / sizeof(line1[0]));
	/* words of the tables and numbers may start a mention, but not "On",
	 * "met" and "said" (tl_word_may_start); "J." and "R." are no table
	 * words, but end a sentence as "Nov." and "." may */
	static const size_t cand1[] = {1, 2, 4, 5}, ends1[] = {1, 10, 11, 14};
	check_list(s.cand, s.ncand, cand1, sizeof(cand1) / sizeof(cand1[0]));
	check_list(s.ends, s.nends, ends1, sizeof(ends1) / sizeof(ends1[0]));
	static const size_t cues1[] = {8, 13}; /* "met", "said" */
	check_list(s.cues, s.ncues, cues1, sizeof(cues1) / sizeof(cues1[0]));
	ck_assert_uint_eq(s.pos, 57); /* after the line break */
	ck_assert_uint_eq(s.cpos, 53);

	static const want_tok line2[] = {
	    {57, 61, 53, 57, TK_WORD, TF_CAP, 0, 0, W_REL}, /* Next */
	};
	ck_assert_int_eq(tl_scan_chunk(&s), 1);
	check_toks(&s, line2, 1);
	static const size_t cand2[] = {0};
	check_list(s.cand, s.ncand, cand2, 1);
	ck_assert_uint_eq(s.nends, 0);
	ck_assert_uint_eq(s.ncues, 0);
	ck_assert_int_eq(tl_scan_chunk(&s), 0);
	tl_scan_free(&s);
	ck_assert_ptr_null(s.toks);
}
END_TEST

/* Scan the whole of unit repeated to len bytes (no line break, no sentence
 * end) chunk by chunk, and check that no token is lost and each chunk is
 * cut as engine.h says (TL_SCAN_RUN): a chunk but the last holds
 * TL_SCAN_RUN to 2 * TL_SCAN_RUN tokens and ends before a space; each_tok:
 * the tokens the unit makes; any_cut: 0 when a chunk must end with a token
 * that cannot start a date (the unit has one), 1 when it ends after
 * 2 * TL_SCAN_RUN tokens (every token may start a date).  Returns the
 * number of chunks. */
static size_t scan_run(const char *unit, size_t each_tok, int any_cut, size_t len)
{
	size_t ul = strlen(unit);
	char *text = calloc(len + TL_SCAN_PAD, 1);
	ck_assert_ptr_nonnull(text);
	for (size_t i = 0; i < len; i++)
		text[i] = unit[i % ul];
	tl_wordtab tab;
	tl_wordtab_build(&tab);
	tl_scan s;
	memset(&s, 0, sizeof(s));
	s.text = text;
	s.len = len;
	s.tab = &tab;
	size_t chunks = 0, toks = 0, next_b = 0;
	while (tl_scan_chunk(&s) == 1) {
		ck_assert_uint_gt(s.ntok, 0);
		ck_assert_uint_le(s.ntok, 2 * TL_SCAN_RUN);
		size_t b = s.toks[0].b, e = s.toks[s.ntok - 1].e;
		/* the chunk goes on where the last one ended, past one space */
		ck_assert_uint_eq(b, next_b);
		if (s.pos < len) { /* not the last chunk: it ends where it was cut */
			ck_assert_uint_eq(s.pos, e);
			ck_assert_uint_eq(s.cpos, e); /* ASCII */
			ck_assert_int_eq(text[e], ' ');
			ck_assert_uint_ge(s.ntok, TL_SCAN_RUN);
			if (!any_cut)
				ck_assert(s.ncand == 0 || s.cand[s.ncand - 1] != s.ntok - 1);
			else
				ck_assert_uint_eq(s.ntok, 2 * TL_SCAN_RUN);
		}
		next_b = e + 1;
		toks += s.ntok;
		chunks++;
	}
	/* every token of every unit, the last one perhaps cut short */
	ck_assert_uint_ge(toks, len / ul * each_tok);
	ck_assert_uint_le(toks, (len + ul - 1) / ul * each_tok);
	tl_scan_free(&s);
	free(text);
	return chunks;
}

/* A run without line break or sentence end ("Nov." keeps its period) is
 * cut into chunks of bounded length: after a token that cannot start a
 * date ("," "and") when there is one, else at any space, so that the token
 * buffer does not grow with the input. */
START_TEST(test_long_runs)
{
	/* 375,000 tokens, cut after "," only: "Nov." and "5" may start a date */
	ck_assert_uint_ge(scan_run("Nov. 5, ", 3, 0, 1000000), 375000 / (2 * TL_SCAN_RUN));
	/* cut after "in" or "and" */
	ck_assert_uint_ge(scan_run("in 2020 and last week and ", 6, 0, 600000), 3);
	ck_assert_uint_eq(scan_run("May ", 1, 1, 1000000), 250000 / (2 * TL_SCAN_RUN) + 1);
}
END_TEST

/* A word token over text[b, e). */
static tl_tok word_tok(size_t b, size_t e, unsigned flags)
{
	tl_tok t;
	memset(&t, 0, sizeof(t));
	t.b = b;
	t.e = e;
	t.kind = TK_WORD;
	t.flags = (uint8_t)flags;
	return t;
}

/* TF_UPPER: a word of two letters or more, every one upper case and ASCII;
 * a capitalised word, a single capital and a word with other letters are
 * not, nor is a word longer than any table word that ends in lower case. */
START_TEST(test_upper)
{
	static const char text[] = "NATO NATo Nato A UN NOV CAF\xC3\x89 "
	                           "INTERNATIONALISM INTERNATIONALISm";
	static const unsigned want[] = {TF_UPPER, 0, 0, 0, TF_UPPER, TF_UPPER, 0, TF_UPPER, 0};
	tl_wordtab tab;
	tl_scan s;
	scan_start(&s, &tab, text, sizeof(text) - 1);
	ck_assert_int_eq(tl_scan_chunk(&s), 1);
	ck_assert_uint_eq(s.ntok, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < s.ntok; i++) {
		ck_assert_int_eq(s.toks[i].kind, TK_WORD);
		ck_assert_msg((s.toks[i].flags & TF_UPPER) == want[i], "token %zu: flags %u", i,
		              s.toks[i].flags);
		ck_assert(s.toks[i].flags & TF_CAP);
	}
	/* "NOV" is still the month, whatever its case */
	ck_assert_ptr_nonnull(s.toks[5].w);
	ck_assert_int_eq(s.toks[5].w->cls, W_MONTH);
	tl_scan_free(&s);
}
END_TEST

START_TEST(test_abbrev)
{
	/* the word before each period */
	static const char text[] = "Capt. capts. J. j. vs. said. Prof.";
	tl_tok capt = word_tok(0, 4, TF_CAP), capts = word_tok(6, 11, 0);
	tl_tok j = word_tok(13, 14, TF_CAP), jl = word_tok(16, 17, 0);
	tl_tok vs = word_tok(19, 21, 0), said = word_tok(23, 27, 0);
	tl_tok prof = word_tok(29, 33, TF_CAP), kept = word_tok(29, 34, TF_CAP | TF_PERIOD);
	ck_assert_int_eq(tl_is_abbrev(text, &capt), 1);
	ck_assert_int_eq(tl_is_abbrev(text, &capts), 0); /* longer than any title */
	ck_assert_int_eq(tl_is_abbrev(text, &j), 1);     /* an initial */
	ck_assert_int_eq(tl_is_abbrev(text, &jl), 0);
	ck_assert_int_eq(tl_is_abbrev(text, &vs), 1);
	ck_assert_int_eq(tl_is_abbrev(text, &said), 0);
	ck_assert_int_eq(tl_is_abbrev(text, &prof), 1);
	ck_assert_int_eq(tl_is_abbrev(text, &kept), 1); /* a period the scanner kept */
}
END_TEST

/* The words listed as possible tense cues: a W_TENSE word, "may" in lower
 * case, "set" (no table word) with a lower-case "et", and a word outside
 * the tables of four bytes or more that ends in a lower-case "ed", however
 * long and whatever its letters. */
START_TEST(test_cues)
{
	static const char text[] = "It may be set to close. May SET Set bed abed closed CLOSED "
	                           "sets r\xC3\xA9sum\xC3\xA9"
	                           "ed will internationalized";
	static const size_t want[] = {1, 2, 3, 9, 11, 12, 15, 16, 17};
	tl_wordtab tab;
	tl_scan s;
	scan_start(&s, &tab, text, sizeof(text) - 1);
	ck_assert_ptr_null(tl_wordtab_find(&tab, "set", 3));
	ck_assert_int_eq(tl_scan_chunk(&s), 1);
	ck_assert_uint_eq(s.ntok, 18);
	check_list(s.cues, s.ncues, want, sizeof(want) / sizeof(want[0]));
	tl_scan_free(&s);
	ck_assert_ptr_null(s.cues);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("scan");
	TCase *tc = tcase_create("scan");
	tcase_add_test(tc, test_folded_lookup);
	tcase_add_test(tc, test_every_table_word);
	tcase_add_test(tc, test_tokens);
	tcase_add_test(tc, test_long_runs);
	tcase_add_test(tc, test_abbrev);
	tcase_add_test(tc, test_upper);
	tcase_add_test(tc, test_cues);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed != 0;
}
