/*
 * consistency.c - find the dates a document contradicts itself on.
 *
 * A duration ("the 44-day conflict") near a date that opens a happening
 * (a sentence with "erupted", "began", ...) and a date that closes one (a
 * sentence with "ended", "concluded", ...), all within two sentences of
 * each other, must fit: the end may not come before the start, and the
 * start plus the duration must give the end (the day count is the
 * difference of the dates: 2020-09-27 + 44 days = 2020-11-10; months and
 * years must land in the same month).  Each misfit is reported once, naming
 * the document, the three phrases and the dates, with the start that the
 * end and the duration imply.  Only day-granular dates and exact durations
 * said of a happening ("the 44-day conflict": a number, a hyphen, a unit;
 * no mod, as "almost 30 years" cannot contradict anything, and not "over
 * the last year", which runs up to the DCT) are compared.
 */
#include "events_internal.h"

#include <stdio.h>

#define WINDOW 2 /* sentences either side of the duration */

/* The index of the first timex that starts at or after byte off (timexes are
 * in text order); doc->ntimex when none. */
static size_t first_timex_at(const tl_document *doc, size_t off)
{
	size_t lo = 0, hi = doc->ntimex;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->timexes[mid].byte_start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The nearest day-granular DATE within the window around sentence k whose
 * sentence holds a word of class cls; SIZE_MAX when none.  Only the timexes
 * that can lie in the window are looked at: those from just after the end of
 * sentence k - WINDOW - 1 to the end of sentence k + WINDOW (a timex between
 * two sentences counts in the next one), so the check stays linear in the
 * length of the document.  in_order: the timexes are sorted by byte_start and
 * the sentences by end (else every timex is looked at). */
static size_t nearest(const tl_document *doc, int in_order, size_t k, size_t at, unsigned cls)
{
	size_t best = SIZE_MAX, best_dist = SIZE_MAX, from = 0, to = SIZE_MAX;
	if (in_order) {
		if (k > WINDOW)
			from = doc->sentences[k - WINDOW - 1].end;
		if (k + WINDOW < doc->nsentence)
			to = doc->sentences[k + WINDOW].end;
	}
	for (size_t i = in_order ? first_timex_at(doc, from) : 0; i < doc->ntimex; i++) {
		if (doc->timexes[i].byte_start >= to)
			break;
		const tl_timex *t = &doc->timexes[i];
		tl_date b, e;
		tl_granularity g;
		if (t->type != TL_TIMEX_DATE || !tl_value_interval(t->value, &b, &e, &g) ||
		    g != TL_GRAN_DAY)
			continue;
		size_t s = tl_sentence_at(doc, t->byte_start);
		if (s >= doc->nsentence || s + WINDOW < k || s > k + WINDOW ||
		    !tl_sentence_has_word(doc, doc->sentences[s], cls))
			continue;
		size_t dist = t->byte_start > at ? t->byte_start - at : at - t->byte_start;
		if (dist < best_dist) {
			best = i;
			best_dist = dist;
		}
	}
	return best;
}

/* Append one message. */
static int push(char ***msgs, size_t *n, size_t *cap, tl_buf *b)
{
	char *m = tl_buf_detach(b, NULL);
	if (!m)
		return TL_ENOMEM;
	if (TL_VEC_PUSH(*msgs, *n, *cap, m)) {
		free(m);
		return TL_ENOMEM;
	}
	return 0;
}

/* The text of timex t, for quoting. */
static int quote_len(const tl_timex *t)
{
	size_t n = t->byte_end - t->byte_start;
	return n > 200 ? 200 : (int)n;
}

int tl_consistency_check(char ***msgs, size_t *n, size_t *cap, const tl_document *doc)
{
	const char *x = doc->text;
	int in_order = 1;
	for (size_t i = 1; i < doc->ntimex; i++)
		in_order &= doc->timexes[i - 1].byte_start <= doc->timexes[i].byte_start;
	for (size_t i = 1; i < doc->nsentence; i++)
		in_order &= doc->sentences[i - 1].end <= doc->sentences[i].end;
	for (size_t i = 0; i < doc->ntimex; i++) {
		const tl_timex *d = &doc->timexes[i];
		int64_t amount;
		char unit;
		if (d->type != TL_TIMEX_DURATION || d->mod != TL_MOD_NONE ||
		    !tl_duration_attributive(doc, d) ||
		    !tl_duration_parse(d->value, &amount, &unit))
			continue;
		size_t k = tl_sentence_at(doc, d->byte_start);
		size_t si = nearest(doc, in_order, k, d->byte_start, TL_WORD_BEGIN);
		size_t ei = nearest(doc, in_order, k, d->byte_start, TL_WORD_END);
		if (si == SIZE_MAX || ei == SIZE_MAX || si == ei)
			continue;
		const tl_timex *st = &doc->timexes[si], *et = &doc->timexes[ei];
		tl_date s, e, g1, g2, implied, expect;
		tl_granularity g;
		tl_value_interval(st->value, &s, &g1, &g);
		tl_value_interval(et->value, &e, &g2, &g);
		if (tl_date_add(&implied, e, -amount, unit) ||
		    tl_date_add(&expect, s, amount, unit))
			continue;
		int before = tl_date_cmp(e, s) < 0;
		int misfit = unit == 'D' || unit == 'W'
		                 ? tl_date_cmp(expect, e) != 0
		                 : expect.year != e.year || expect.month != e.month;
		if (!before && !misfit)
			continue;
		char sb[32], eb[32], ib[32];
		tl_date_format(sb, sizeof(sb), s);
		tl_date_format(eb, sizeof(eb), e);
		tl_date_format(ib, sizeof(ib), implied);
		tl_buf b = {0};
		tl_buf_printf(
		    &b,
		    "%s%sthe \"%.*s\" (%s) span starts on %s (\"%.*s\") but ends on %s (\"%.*s\")",
		    doc->id, *doc->id ? ": " : "", quote_len(d), x + d->byte_start, d->value, sb,
		    quote_len(st), x + st->byte_start, eb, quote_len(et), x + et->byte_start);
		if (before)
			tl_buf_puts(&b, ", before it starts");
		else
			tl_buf_printf(&b, ", which does not fit %s", d->value);
		tl_buf_printf(&b, "; the end date and %s put the start on %s", d->value, ib);
		if (push(msgs, n, cap, &b))
			return TL_ENOMEM;
	}
	return 0;
}
