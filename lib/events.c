/*
 * events.c - turn dated mentions into events: what happened, and when.
 *
 * Every anchored DATE or TIME timex becomes an event; the second end of a
 * range ("from 1991 to 2020") is folded into the event of the first.
 *
 * When: the interval of the timex (from the engine, or from its value, see
 * interval.c).  A range spans from the start of its first end to the end of
 * its second.  A duration said of a happening ("44-day": a number, a hyphen,
 * a unit; no mod) in the same sentence as a day-granular date and a verb
 * that opens or closes a happening ("the 44-day conflict ended on
 * Nov. 10, 2020") stretches the event: it ends on the date and starts the
 * duration earlier (2020-09-27: the day count is the difference of the two
 * dates), or starts on the date and ends the duration later.
 *
 * What: the headline is the clause that carries the date, with the date
 * phrase and the preposition before it removed, and leading connectives and
 * articles dropped, cut at a word boundary to at most 100 characters and
 * capitalised; see headline.c.  text is the whole sentence (of a sentence
 * over 2000 bytes, the 300 bytes either side of the date: event_window()),
 * each run of white space that holds a line break written as one space: a
 * sentence of hard-wrapped text (see wrap.c) reads as one line.
 */
#include "events_internal.h"
#include "headline.h"

#include <stdio.h>

size_t tl_sentence_at(const tl_document *doc, size_t off)
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

/* The interval of timex t: the engine's when it gave full dates, else the
 * one its value names.  1 when there is one. */
static int timex_interval(const tl_timex *t, tl_date *b, tl_date *e, tl_granularity *g)
{
	if (t->type != TL_TIMEX_DATE && t->type != TL_TIMEX_TIME)
		return 0;
	if (t->has_interval && t->begin.month && t->begin.day && t->end.month && t->end.day &&
	    tl_date_cmp(t->begin, t->end) < 0) {
		tl_date vb, ve;
		*b = t->begin;
		*e = t->end;
		*g = t->granularity;
		if (*g == TL_GRAN_NONE && !tl_value_interval(t->value, &vb, &ve, g))
			*g = TL_GRAN_DAY;
		return 1;
	}
	return tl_value_interval(t->value, b, e, g);
}

int tl_duration_attributive(const tl_document *doc, const tl_timex *d)
{
	static const char *const units[] = {"-day", "-week", "-month", "-year", "-decade"};
	const char *x = doc->text + d->byte_start;
	size_t n = d->byte_end - d->byte_start;
	for (size_t i = 0; i + 1 < n; i++) {
		if (x[i] != '-' || i == 0 || x[i - 1] < '0' || x[i - 1] > '9')
			continue;
		for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
			size_t k = strlen(units[u]);
			if (i + k <= n && strncmp(x + i, units[u], k) == 0)
				return 1;
		}
	}
	return 0;
}

/* Does sentence s contain a word of class cls? */
int tl_sentence_has_word(const tl_document *doc, tl_sentence s, unsigned cls)
{
	const char *x = doc->text;
	size_t i = s.start;
	while (i < s.end) {
		while (i < s.end && !tl_hl_is_word_byte(x[i]))
			i++;
		size_t w = i;
		while (i < s.end && tl_hl_is_word_byte(x[i]))
			i++;
		if (i > w && (tl_word_class(x + w, i - w) & cls))
			return 1;
	}
	return 0;
}

/* Stretch a day-granular event by a duration said in its sentence s (or
 * the window of it, see event_window()), when a verb there says the date
 * opens or closes the happening.  With in_order, only the candidates
 * cand[0, ncand) (the durations that can stretch an event, in text order)
 * that start inside s are looked at. */
static void tie_duration(const tl_document *doc, int in_order, const size_t *cand, size_t ncand,
                         tl_sentence s, tl_doc_event *e)
{
	if (e->granularity < TL_GRAN_DAY || (in_order && ncand == 0))
		return;
	size_t lo = 0, hi = in_order ? ncand : 0;
	while (lo < hi) { /* the first candidate that starts inside s */
		size_t mid = lo + (hi - lo) / 2;
		if (doc->timexes[cand[mid]].byte_start < s.start)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* with in_order the candidates from lo on, else every timex */
	for (size_t k = lo, i = in_order ? (k < ncand ? cand[k] : doc->ntimex) : 0; i < doc->ntimex;
	     i = in_order ? (++k < ncand ? cand[k] : doc->ntimex) : i + 1) {
		const tl_timex *d = &doc->timexes[i];
		if (in_order && d->byte_start > s.end)
			break;
		int64_t n;
		char unit;
		if (d->type != TL_TIMEX_DURATION || d->byte_start < s.start ||
		    d->byte_end > s.end || d->mod != TL_MOD_NONE ||
		    !tl_duration_attributive(doc, d) || !tl_duration_parse(d->value, &n, &unit))
			continue;
		int ends = tl_sentence_has_word(doc, s, TL_WORD_END);
		int begins = tl_sentence_has_word(doc, s, TL_WORD_BEGIN);
		tl_date other;
		if (ends && !begins && tl_date_add(&other, e->start, -n, unit) == 0)
			e->start = other;
		else if (begins && !ends && tl_date_add(&other, e->start, n, unit) == 0)
			e->end = tl_date_from_days(tl_date_to_days(other) + 1);
		return;
	}
}

/* A sentence longer than EVENT_SENTENCE_MAX bytes is not taken whole for the
 * text, headline and duration of each of its events: a window of
 * EVENT_CONTEXT bytes either side of the date phrase [a, z) is, cut at spaces
 * and never inside a UTF-8 sequence.  Text without sentence ends (a scraped
 * page, 250,000 x "May ") would otherwise give every one of its dates the
 * whole text: time and memory quadratic in its length. */
#define EVENT_SENTENCE_MAX 2000
#define EVENT_CONTEXT 300

static tl_sentence event_window(const tl_document *doc, tl_sentence s, size_t a, size_t z)
{
	const char *t = doc->text;
	if (s.end - s.start <= EVENT_SENTENCE_MAX)
		return s;
	a = a < s.start ? s.start : a > s.end ? s.end : a;
	z = z > s.end ? s.end : z < a ? a : z;
	size_t b = a - s.start > EVENT_CONTEXT ? a - EVENT_CONTEXT : s.start;
	size_t e = s.end - z > EVENT_CONTEXT ? z + EVENT_CONTEXT : s.end;
	size_t k = b;
	while (k < a && t[k] != ' ')
		k++;
	if (b > s.start && k < a)
		b = k + 1; /* after the first space of the margin */
	k = e;
	while (k > z && t[k - 1] != ' ')
		k--;
	if (e < s.end && k > z)
		e = k - 1; /* before the last space of the margin */
	while (b > s.start && ((unsigned char)t[b] & 0xC0) == 0x80)
		b--;
	while (e < s.end && ((unsigned char)t[e] & 0xC0) == 0x80)
		e++;
	return (tl_sentence){b, e};
}

/* The text of sentence s as an event shows it: t[s.start, s.end) with each
 * run of white space that holds a line break (LF, or a lone CR of old Mac
 * OS text) made one space, in b (reused;
 * b->failed on ENOMEM).  Text without a line break is not copied: *out
 * points into t.  may_break: 0 when the caller knows s holds no line break
 * (its sentence has none). */
static size_t event_text(tl_buf *b, const char *t, tl_sentence s, int may_break, const char **out)
{
	size_t n = s.end - s.start;
	*out = t + s.start;
	if (!may_break || (!memchr(t + s.start, '\n', n) && !memchr(t + s.start, '\r', n)))
		return n;
	b->len = 0;
	for (size_t i = s.start; i < s.end;) {
		size_t j = i;
		int nl = 0;
		while (j < s.end && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r' || t[j] == '\n')) {
			nl |= t[j] == '\n' || t[j] == '\r';
			j++;
		}
		if (j > i && nl) {
			tl_buf_put(b, " ", 1);
			i = j;
			continue;
		}
		j = i + 1;
		while (j < s.end && t[j] != '\n' && !(t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
			j++;
		tl_buf_put(b, t + i, j - i);
		i = j;
	}
	*out = b->data ? b->data : "";
	return b->len;
}

/* Copies of texts (or headlines) already in the arena, in slots picked by
 * a hash of their length and some of their bytes: text that repeats itself
 * gives many events equal texts, each kept once. */
#define SHARED_SLOTS 64

typedef struct shared_copy {
	const char *p; /* in the arena, NUL-terminated; NULL: empty slot */
	size_t len;
	size_t src; /* p equals the document's text from byte src; SIZE_MAX: not known */
} shared_copy;

/* The slot of s[0, n) in a table of SHARED_SLOTS. */
static size_t shared_slot(const char *s, size_t n)
{
	uint64_t a = 0, b = 0;
	memcpy(&a, s, n < 8 ? n : 8);
	memcpy(&b, s + (n > 8 ? n - 8 : 0), n < 8 ? n : 8);
	uint64_t h = a * 0x9E3779B97F4A7C15u ^ b * 0xC2B2AE3D27D4EB4Fu ^ n * 0x165667B19E3779F9u;
	if (n > 16)
		h ^= (unsigned char)s[n / 2] * 0x27D4EB2F165667C5u;
	h ^= h >> 29;
	return (size_t)(h % SHARED_SLOTS);
}

/* An arena copy of s[0, n): the one in tab when equal, else a new one,
 * remembered there.  src: s is text + src of the document's text, or
 * SIZE_MAX (rep and text are then not used); a copy known to equal the
 * text at an earlier place is compared by what rep knows of the text (see
 * tl_hl_same()): text that repeats itself then costs a comparison of the
 * bytes past what was found equal before, not of the whole of s.  NULL
 * when out of memory. */
static const char *shared_copy_of(shared_copy *tab, tl_arena *arena, const char *s, size_t n,
                                  tl_hl_repeat *rep, const char *text, size_t src)
{
	shared_copy *c = &tab[shared_slot(s, n)];
	if (c->p && c->len == n &&
	    (src != SIZE_MAX && c->src < src ? tl_hl_same(rep, text, 1, 0, src, c->src, n)
	                                     : memcmp(c->p, s, n) == 0)) {
		if (src != SIZE_MAX)
			c->src = src; /* the next comparison starts here */
		return c->p;
	}
	const char *p = tl_arena_strndup(arena, s, n);
	if (p) {
		c->p = p;
		c->len = n;
		c->src = src;
	}
	return p;
}

int tl_events_extract(tl_document *doc)
{
	tl_buf flat = {0};
	tl_hl_scratch scratch = {0};
	int rc = 0, in_order = 1;
	size_t *cand = NULL, ncand = 0, cap_cand = 0;
	const char *last_text = NULL; /* the text of the last event, its length ... */
	size_t last_len = 0;
	tl_sentence last_s = {0, 0}; /* ... and the span it was made from */
	shared_copy texts[SHARED_SLOTS] = {{0}}, headlines[SHARED_SLOTS] = {{0}};
	tl_hl_repeat rep = {0};   /* what repeats in the document's text */
	size_t si = 0;            /* the sentence of the last timex */
	size_t brk_si = SIZE_MAX; /* the sentence brk was worked out for */
	int brk = 1;              /* ... 1 when it holds a line break */
	doc->nevent = 0;
	if (tl_reserve((void **)&doc->events, &doc->cap_event, doc->ntimex, sizeof(*doc->events)))
		return TL_ENOMEM;
	for (size_t i = 1; i < doc->ntimex; i++)
		in_order &= doc->timexes[i - 1].byte_start <= doc->timexes[i].byte_start;
	/* the durations that can stretch an event, in text order */
	for (size_t i = 0; in_order && i < doc->ntimex && rc == 0; i++) {
		const tl_timex *d = &doc->timexes[i];
		int64_t n;
		char unit;
		if (d->type == TL_TIMEX_DURATION && d->mod == TL_MOD_NONE &&
		    tl_duration_attributive(doc, d) && tl_duration_parse(d->value, &n, &unit))
			rc = TL_VEC_PUSH(cand, ncand, cap_cand, i);
	}
	for (size_t i = 0; i < doc->ntimex && rc == 0; i++) {
		const tl_timex *t = &doc->timexes[i];
		tl_doc_event e;
		memset(&e, 0, sizeof(e));
		if (!timex_interval(t, &e.start, &e.end, &e.granularity))
			continue;
		int partner = t->range_partner;
		if (partner >= 0 && (size_t)partner < doc->ntimex && (size_t)partner != i) {
			const tl_timex *p = &doc->timexes[partner];
			tl_date pb, pe;
			tl_granularity pg;
			if ((size_t)partner < i && timex_interval(p, &pb, &pe, &pg))
				continue; /* folded into the event of the first end */
			if ((size_t)partner > i && timex_interval(p, &pb, &pe, &pg)) {
				if (tl_date_cmp(pe, e.end) > 0)
					e.end = pe;
				if (pg < e.granularity)
					e.granularity = pg;
				/* the value names both ends, ISO 8601 style */
				size_t n = strlen(t->value) + strlen(p->value) + 2;
				char *v = tl_arena_alloc(&doc->arena, n);
				if (!v) {
					rc = TL_ENOMEM;
					break;
				}
				snprintf(v, n, "%s/%s", t->value, p->value);
				e.value = v;
			}
		}
		/* timexes in text order: the sentence is found by moving on from
		 * the last one (every sentence before it ends before this timex) */
		if (!in_order)
			si = tl_sentence_at(doc, t->byte_start);
		while (si < doc->nsentence && doc->sentences[si].end <= t->byte_start)
			si++;
		tl_sentence s =
		    si < doc->nsentence ? doc->sentences[si] : (tl_sentence){0, doc->len};
		size_t hlen = 0, z = t->byte_end;
		if (partner > 0 && (size_t)partner > i && doc->timexes[partner].byte_end <= s.end)
			z = doc->timexes[partner].byte_end; /* the whole range is the date phrase */
		tl_sentence whole = s;
		s = event_window(doc, s, t->byte_start, z);
		if (partner < 0 && si < doc->nsentence)
			tie_duration(doc, in_order, cand, ncand, s, &e);
		e.timex = i;
		const char *h = tl_headline(&scratch, doc->text, whole, s, t->byte_start, z, &hlen);
		/* the events of one sentence (and the windows of a text that
		 * repeats itself) share the copies of equal texts and headlines */
		const char **keep = h ? tl_hl_keep(&scratch) : NULL;
		if (keep && *keep) {
			e.headline = *keep; /* the copy of this headline the last time */
		} else {
			e.headline = h ? shared_copy_of(headlines, &doc->arena, h, hlen, NULL, NULL,
			                                SIZE_MAX)
			               : NULL;
			if (keep)
				*keep = e.headline;
		}
		if (last_text && s.start == last_s.start && s.end == last_s.end) {
			e.text = last_text; /* the text of the last event's sentence */
			e.text_len = last_len;
		} else {
			const char *tx;
			if (si != brk_si) {
				size_t n = whole.end - whole.start;
				brk = memchr(doc->text + whole.start, '\n', n) ||
				      memchr(doc->text + whole.start, '\r', n);
				brk_si = si;
			}
			size_t tlen = event_text(&flat, doc->text, s, brk, &tx);
			/* a text without a line break is the document's own */
			size_t src = tx == doc->text + s.start ? s.start : SIZE_MAX;
			e.text = flat.failed ? NULL
			                     : shared_copy_of(texts, &doc->arena, tx, tlen, &rep,
			                                      doc->text, src);
			e.text_len = tlen;
			if (e.text) {
				last_text = e.text;
				last_len = tlen;
				last_s = s;
			}
		}
		if (!e.headline || !e.text)
			rc = TL_ENOMEM;
		else if (TL_VEC_PUSH(doc->events, doc->nevent, doc->cap_event, e))
			rc = TL_ENOMEM;
	}
	tl_hl_scratch_free(&scratch);
	tl_buf_free(&flat);
	free(cand);
	return rc;
}
