/*
 * events.c - turn dated mentions into events: what happened, and when.
 *
 * Every anchored DATE or TIME timex (one with an interval) becomes an event
 * whose text is its sentence and whose headline is that sentence without the
 * date phrase, cut at a word boundary.
 */
#include "internal.h"

#define HEADLINE_MAX 100

/* Index of the sentence holding byte offset off (sentences are sorted). */
static size_t sentence_of(const tl_document *doc, size_t off)
{
	size_t lo = 0, hi = doc->nsentence;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->sentences[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Build the headline: the sentence with the timex cut out, at most
 * HEADLINE_MAX bytes, cut at a space. */
static const char *make_headline(tl_document *doc, tl_sentence s, const tl_timex *t)
{
	tl_buf b = { 0 };
	size_t a = t->byte_start, z = t->byte_end;
	if (a < s.start || z > s.end)
		a = z = s.start;
	tl_buf_put(&b, doc->text + s.start, a - s.start);
	tl_buf_put(&b, doc->text + z, s.end - z);
	size_t len = 0;
	char *h = tl_buf_detach(&b, &len);
	if (!h)
		return NULL;
	if (len > HEADLINE_MAX) {
		size_t cut = HEADLINE_MAX;
		while (cut > 0 && h[cut] != ' ')
			cut--;
		len = cut ? cut : HEADLINE_MAX;
		while (len > 0 && ((unsigned char)h[len] & 0xC0) == 0x80)
			len--;
	}
	while (len > 0 && (h[len - 1] == ' ' || h[len - 1] == ',' || h[len - 1] == '.'))
		len--;
	const char *r = tl_arena_strndup(&doc->arena, h, len);
	free(h);
	return r;
}

/* One event per anchored DATE/TIME timex. */
int tl_events_extract(tl_document *doc)
{
	for (size_t i = 0; i < doc->ntimex; i++) {
		const tl_timex *t = &doc->timexes[i];
		if (!t->has_interval || (t->type != TL_TIMEX_DATE && t->type != TL_TIMEX_TIME))
			continue;
		size_t si = sentence_of(doc, t->byte_start);
		tl_sentence s = si < doc->nsentence ? doc->sentences[si] : (tl_sentence){ 0, doc->len };
		tl_doc_event e;
		memset(&e, 0, sizeof(e));
		e.timex = i;
		e.start = t->begin;
		e.end = t->end;
		e.granularity = t->granularity;
		e.headline = make_headline(doc, s, t);
		e.text = tl_arena_strndup(&doc->arena, doc->text + s.start, s.end - s.start);
		if (!e.headline || !e.text)
			return TL_ENOMEM;
		if (TL_VEC_PUSH(doc->events, doc->nevent, doc->cap_event, e))
			return TL_ENOMEM;
	}
	return 0;
}
