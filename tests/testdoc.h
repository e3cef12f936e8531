/*
 * testdoc.h - build documents with known temporal expressions for tests.
 *
 * The events, timeline and export tests must not depend on what the engine
 * recognises, so they make documents by hand: the text, its sentences and
 * each timex (found by its text), then run the events stage on them.
 */
#ifndef TL_TESTDOC_H
#define TL_TESTDOC_H

#include "events_internal.h"

#include <stdio.h>

/* Is text[i] the period of an abbreviation ("Nov.", "Gen.", "Sept.")?  A
 * capitalised word of at most four letters. */
static inline int td_abbrev(const char *text, size_t i)
{
	size_t w = i;
	while (w > 0 && ((text[w - 1] >= 'a' && text[w - 1] <= 'z') ||
	                 (text[w - 1] >= 'A' && text[w - 1] <= 'Z')))
		w--;
	return i - w <= 4 && i > w && text[w] >= 'A' && text[w] <= 'Z';
}

/* Split the text into sentences: at line breaks, and after . ! ? followed by
 * a space and a capital letter or a quote (not after an abbreviation). */
static inline void td_split(tl_document *doc)
{
	const char *t = doc->text;
	size_t n = doc->len, start = 0;
	for (size_t i = 0; i <= n; i++) {
		int end = i == n || t[i] == '\n';
		if (!end && (t[i] == '.' || t[i] == '!' || t[i] == '?') && i + 2 < n &&
		    t[i + 1] == ' ' && ((t[i + 2] >= 'A' && t[i + 2] <= 'Z') || t[i + 2] == '"') &&
		    !(t[i] == '.' && td_abbrev(t, i)))
			end = 2;
		if (!end)
			continue;
		size_t e = end == 2 ? i + 1 : i;
		while (start < e && t[start] == ' ')
			start++;
		if (e > start) {
			tl_sentence s = {start, e};
			if (TL_VEC_PUSH(doc->sentences, doc->nsentence, doc->cap_sentence, s))
				abort();
		}
		start = e + (end == 2 ? 1 : 1);
	}
}

/* A new document with the given id, text and DCT (y 0: none). */
static inline tl_document *td_new(const char *id, const char *text, int y, int m, int d)
{
	tl_document *doc = calloc(1, sizeof(*doc));
	if (!doc)
		abort();
	doc->id = tl_arena_strdup(&doc->arena, id);
	doc->len = strlen(text);
	doc->text = tl_arena_strndup(&doc->arena, text, doc->len);
	if (y) {
		tl_date dct = {y, m, d};
		doc->dct = dct;
		doc->dct_source = TL_DCT_GIVEN;
	}
	td_split(doc);
	return doc;
}

/* Add the timex whose text is the nth (0-based) occurrence of `what`;
 * returns its index.  Aborts when the text is not there: a broken test. */
static inline size_t td_timex_mod(tl_document *doc, const char *what, int nth, tl_timex_type type,
                                  const char *value, tl_mod mod)
{
	const char *p = doc->text;
	for (;;) {
		p = strstr(p, what);
		if (!p) {
			fprintf(stderr, "testdoc: \"%s\" not in the text\n", what);
			abort();
		}
		if (nth-- == 0)
			break;
		p++;
	}
	tl_timex t;
	memset(&t, 0, sizeof(t));
	t.byte_start = (size_t)(p - doc->text);
	t.byte_end = t.byte_start + strlen(what);
	t.char_start = tl_utf8_count(doc->text, t.byte_start);
	t.char_end = t.char_start + tl_utf8_count(p, strlen(what));
	t.type = type;
	t.value = value;
	t.mod = mod;
	t.range_partner = -1;
	for (size_t i = 0; i < doc->nsentence; i++)
		if (doc->sentences[i].end > t.byte_start) {
			t.sentence = i;
			break;
		}
	if (tl_document_push_timex(doc, &t))
		abort();
	return doc->ntimex - 1;
}

static inline size_t td_timex(tl_document *doc, const char *what, tl_timex_type type,
                              const char *value)
{
	return td_timex_mod(doc, what, 0, type, value, TL_MOD_NONE);
}

/* Make timexes a and b the two ends of one range. */
static inline void td_range(tl_document *doc, size_t a, size_t b)
{
	doc->timexes[a].range_partner = (int)b;
	doc->timexes[b].range_partner = (int)a;
}

/* Run the events stage; the document is ready for tl_timeline_add(). */
static inline tl_document *td_done(tl_document *doc)
{
	if (tl_events_extract(doc))
		abort();
	return doc;
}

/* The seed article's timexes, by hand from expected.json (DCT 2021-11-06). */
static inline tl_document *td_seed(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char buf[16384];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	tl_document *doc = td_new("000_4bb7f8f2e395c1ed.txt", buf, 2021, 11, 6);
	td_timex(doc, "Nov. 5", TL_TIMEX_DATE, "2021-11-05");
	td_timex_mod(doc, "nearly 30-year", 0, TL_TIMEX_DURATION, "P30Y", TL_MOD_APPROX);
	td_timex(doc, "1991", TL_TIMEX_DATE, "1991");
	td_timex(doc, "Sept. 27, 2021", TL_TIMEX_DATE, "2021-09-27");
	td_timex(doc, "44-day", TL_TIMEX_DURATION, "P44D");
	td_timex_mod(doc, "almost 30 years", 0, TL_TIMEX_DURATION, "P30Y", TL_MOD_APPROX);
	td_timex(doc, "Nov. 10, 2020", TL_TIMEX_DATE, "2020-11-10");
	td_timex(doc, "Two months later", TL_TIMEX_DATE, "2021-01");
	return td_done(doc);
}

#endif
