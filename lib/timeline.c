/*
 * timeline.c - gather the events of many documents, sort, merge, filter.
 *
 * Order: start date, then granularity, coarser first (1991 and 1991-01
 * both start on 1991-01-01: the year comes first), then document order,
 * then position in the document.  Mixed granularities thus sort by the first
 * day they cover: 1991 < 1991-03 < 1991-03-05 < 1992.
 *
 * Merging (opts.merge): two events are one happening when they have the same
 * value and interval and their headlines share at least two content words
 * (words of three letters or more that are not function words, compared
 * without case, split at hyphens, a plural s ignored) making up at least half
 * of the shorter headline's content words, or when their sentences are the
 * same text.  The merged event keeps the headline, text and document of its
 * first mention in timeline order and lists every mention, in that order.
 * A mention is compared with the events of its date found among the 256
 * events before it (MERGE_WINDOW), which keeps merging linear.
 *
 * Filters (applied to each mention before merging): from drops events that
 * end on or before it, to drops events that start after it; a partial date
 * stands for its whole span ("to 2020" keeps events starting in 2020);
 * min_granularity drops coarser events.
 */
#include "events_internal.h"
#include "export_internal.h"
#include "headline.h"

#include <stdint.h>
#include <stdio.h>

#define MAX_WORDS 24
/* Merging looks back over at most this many events of the same start and
 * granularity, so that a date mentioned thousands of times stays linear. */
#define MERGE_WINDOW 256

typedef struct tl_tl_event {
	tl_event pub;
	size_t first_mention; /* index into mentions */
	size_t doc, pos;      /* for the sort */
	size_t timex;         /* the timex behind it, in document doc */
	size_t text_len;      /* strlen(pub.text) */
	int partner;          /* the other end of its range, or -1 */
	size_t root;          /* the event it was merged into (itself when none) */
	size_t next;          /* next event merged into the same root, or SIZE_MAX */
	size_t last;          /* for a root: its last merged event */
	size_t prev_root;     /* for a root: the root before it of the same start
	                         and granularity, or SIZE_MAX */
	uint64_t date_key;    /* hash of value and end: equal for the same date */
	int have_words;       /* its tl_words are computed (on demand, by merge()) */
} tl_tl_event;

/* The content words of an event's headline: what merge() compares when two
 * events of one date come from different sentences.  In a table of their
 * own, by event, made for the merge only: most events never need theirs. */
typedef struct tl_words {
	uint64_t words[MAX_WORDS];
	size_t nwords;
	uint64_t word_bits; /* bit (w mod 64) of each word hash w */
} tl_words;
struct tl_timeline {
	tl_timeline_options opts;
	tl_document **docs;
	size_t ndoc, cap_doc;
	int built;
	tl_tl_event *events;
	size_t nevent, cap_event;
	tl_mention *mentions;
	size_t nmention, cap_mention;
	char **warnings;
	size_t nwarning, cap_warning;
};

int tl_timeline_options_init(tl_timeline_options *opts, unsigned int version)
{
	static const tl_timeline_options init = TL_TIMELINE_OPTIONS_INIT;
	if (!opts || version != TL_TIMELINE_OPTIONS_VERSION)
		return tl_seterr(TL_EINVAL, "tl_timeline_options_init: unknown version %u",
		                 version);
	*opts = init;
	return 0;
}

/* Is d a date the filters can use: a year in the library's range, a month
 * 0..12 and a day that exists (0 for an unknown month or day)? */
static int valid_bound(tl_date d)
{
	if (d.year < -999999 || d.year > 999999 || d.month < 0 || d.month > 12 || d.day < 0)
		return 0;
	return d.month ? d.day <= tl_date_days_in_month(d.year, d.month) : d.day == 0;
}

int tl_timeline_new(tl_timeline **out, const tl_timeline_options *opts)
{
	static const tl_timeline_options defaults = TL_TIMELINE_OPTIONS_INIT;
	if (!out)
		return tl_seterr(TL_EINVAL, "tl_timeline_new: NULL out");
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->version != TL_TIMELINE_OPTIONS_VERSION)
		return tl_seterr(TL_EINVAL, "tl_timeline_new: unknown options version %u",
		                 opts->version);
	if ((opts->has_from && !valid_bound(opts->from)) ||
	    (opts->has_to && !valid_bound(opts->to)))
		return tl_seterr(TL_EINVAL, "tl_timeline_new: from or to is not a date "
		                            "(YYYY[-MM[-DD]], years -999999..999999)");
	if ((int)opts->min_granularity < (int)TL_GRAN_NONE ||
	    (int)opts->min_granularity > (int)TL_GRAN_SECOND)
		return tl_seterr(TL_EINVAL, "tl_timeline_new: unknown min_granularity %d",
		                 (int)opts->min_granularity);
	tl_timeline *tl = calloc(1, sizeof(*tl));
	if (!tl)
		return tl_seterr(TL_ENOMEM, "out of memory");
	tl->opts = *opts;
	*out = tl;
	return 0;
}

/* Drop the built events and warnings. */
static void clear_built(tl_timeline *tl)
{
	for (size_t i = 0; i < tl->nwarning; i++)
		free(tl->warnings[i]);
	tl->nwarning = tl->nevent = tl->nmention = 0;
	tl->built = 0;
}

void tl_timeline_free(tl_timeline *tl)
{
	if (!tl)
		return;
	clear_built(tl);
	for (size_t i = 0; i < tl->ndoc; i++)
		tl_document_free(tl->docs[i]);
	free(tl->docs);
	free(tl->events);
	free(tl->mentions);
	free(tl->warnings);
	free(tl);
}

int tl_timeline_add(tl_timeline *tl, tl_document *doc)
{
	if (!tl || !doc)
		return tl_seterr(TL_EINVAL, "tl_timeline_add: NULL argument");
	if (doc->in_timeline) /* it would be freed twice */
		return tl_seterr(TL_EINVAL,
		                 "tl_timeline_add: the document is already in a timeline");
	if (TL_VEC_PUSH(tl->docs, tl->ndoc, tl->cap_doc, doc))
		return tl_seterr(TL_ENOMEM, "out of memory");
	doc->in_timeline = 1;
	clear_built(tl);
	return 0;
}

size_t tl_timeline_document_count(const tl_timeline *tl)
{
	return tl ? tl->ndoc : 0;
}

const tl_document *tl_timeline_document(const tl_timeline *tl, size_t i)
{
	return tl && i < tl->ndoc ? tl->docs[i] : NULL;
}

/* What the sort looks at of an event, and where the event is (document
 * doc, its event idx): the keys are sorted, then each event is made once, in
 * its place. */
typedef struct sort_key {
	tl_date start;
	tl_granularity gran;
	size_t doc, pos, idx;
} sort_key;

/* Does event a come before event b, or may it stay before it (equal)? */
static int key_le(const sort_key *a, const sort_key *b)
{
	if (a->start.year != b->start.year)
		return a->start.year < b->start.year;
	if (a->start.month != b->start.month)
		return a->start.month < b->start.month;
	if (a->start.day != b->start.day)
		return a->start.day < b->start.day;
	if (a->gran != b->gran)
		return a->gran < b->gran;
	if (a->doc != b->doc)
		return a->doc < b->doc;
	return a->pos <= b->pos;
}

/* Sort k[0, n) with key_le(), stably (a bottom-up merge sort through tmp,
 * n keys of room); returns the array that holds the result, k or tmp.  Keys
 * already in order (a text about one day) are left as they are. */
static sort_key *sort_keys(sort_key *k, sort_key *tmp, size_t n)
{
	size_t i = 1;
	while (i < n && key_le(&k[i - 1], &k[i]))
		i++;
	if (i >= n)
		return k;
	for (size_t w = 1; w<n; w = w> n / 2 ? n : 2 * w) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = n - lo > w ? lo + w : n;
			size_t hi = n - mid > w ? mid + w : n, i = lo, j = mid, o = lo;
			while (i < mid && j < hi)
				tmp[o++] = key_le(&k[i], &k[j]) ? k[i++] : k[j++];
			while (i < mid)
				tmp[o++] = k[i++];
			while (j < hi)
				tmp[o++] = k[j++];
		}
		sort_key *t = k;
		k = tmp;
		tmp = t;
	}
	return k;
}

/* The first day of a partial date's span. */
static tl_date span_begin(tl_date d)
{
	tl_date r = {d.year, d.month ? d.month : 1, d.day ? d.day : 1};
	return r;
}

/* The day after a partial date's span. */
static tl_date span_end(tl_date d)
{
	tl_date r = span_begin(d);
	if (d.month == 0)
		r.year++;
	else if (d.day == 0)
		tl_date_add(&r, r, 1, 'M');
	else
		r = tl_date_from_days(tl_date_to_days(r) + 1);
	return r;
}

/* Keep an event under the filters? */
static int keep(const tl_timeline *tl, const tl_doc_event *de)
{
	if (tl->opts.has_from && tl_date_cmp(de->end, span_begin(tl->opts.from)) <= 0)
		return 0;
	if (tl->opts.has_to && tl_date_cmp(de->start, span_end(tl->opts.to)) >= 0)
		return 0;
	if (tl->opts.min_granularity != TL_GRAN_NONE && de->granularity < tl->opts.min_granularity)
		return 0;
	return 1;
}

/* The content words of a headline h, as hashes (FNV-1a of the lowercased word
 * without a final s), into e->words. */
static void content_words(tl_words *e, const char *h)
{
	size_t i = 0;
	e->nwords = 0;
	while (h[i] && e->nwords < MAX_WORDS) {
		while (h[i] && !tl_hl_is_word_byte(h[i]))
			i++;
		size_t w = i;
		while (tl_hl_is_word_byte(h[i]))
			i++;
		size_t n = i - w;
		if (n < 3 || (tl_word_class(h + w, n) & TL_WORD_STOP))
			continue;
		if (n > 3 && (h[w + n - 1] == 's' || h[w + n - 1] == 'S'))
			n--;
		uint64_t x = 14695981039346656037ULL;
		for (size_t k = 0; k < n; k++) {
			unsigned char c = (unsigned char)h[w + k];
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			x = (x ^ c) * 1099511628211ULL;
		}
		size_t k = 0;
		while (k < e->nwords && e->words[k] != x)
			k++;
		if (k == e->nwords)
			e->words[e->nwords++] = x;
	}
}

/* FNV-1a of s, continued from h. */
static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* The hash that lets merge() pass over most events without comparing
 * strings: equal dates give equal date keys. */
static void date_key(tl_tl_event *e)
{
	uint64_t h = fnv(14695981039346656037ULL, e->pub.value);
	h = (h ^ (uint64_t)(uint32_t)e->pub.end.year) * 1099511628211ULL;
	h = (h ^ (uint64_t)(e->pub.end.month * 64 + e->pub.end.day)) * 1099511628211ULL;
	e->date_key = h;
}

/* The content words of e and their bits, once: only events whose dates are
 * compared and whose sentences differ need them.  Two headlines that share a
 * word share a bit of word_bits (the converse need not hold: the hashes are
 * still compared). */
static const tl_words *need_words(tl_tl_event *e, tl_words *w)
{
	if (e->have_words)
		return w;
	content_words(w, e->pub.headline);
	w->word_bits = 0;
	for (size_t i = 0; i < w->nwords; i++)
		w->word_bits |= (uint64_t)1 << (w->words[i] & 63);
	e->have_words = 1;
	return w;
}

/* Are events ia and ib (same value and interval) one happening?  See the top.
 * words: the table of the events' words. */
static int same_happening(tl_timeline *tl, tl_words *words, size_t ia, size_t ib)
{
	const tl_tl_event *ea = &tl->events[ia], *eb = &tl->events[ib];
	if (ea->pub.text == eb->pub.text ||
	    (ea->text_len == eb->text_len && memcmp(ea->pub.text, eb->pub.text, ea->text_len) == 0))
		return 1; /* the events of one sentence share its text; texts of
		           * different lengths differ (no byte compared) */
	const tl_words *a = need_words(&tl->events[ia], &words[ia]);
	const tl_words *b = need_words(&tl->events[ib], &words[ib]);
	if (!(a->word_bits & b->word_bits))
		return 0; /* no word in common */
	size_t shared = 0, small = a->nwords < b->nwords ? a->nwords : b->nwords;
	for (size_t i = 0; i < a->nwords; i++) {
		if (!(b->word_bits & (uint64_t)1 << (a->words[i] & 63)))
			continue; /* not among b's words */
		for (size_t j = 0; j < b->nwords; j++)
			shared += a->words[i] == b->words[j];
		if (shared >= 2 && 2 * shared >= small)
			return 1; /* shared only grows */
	}
	return 0;
}

/* Same date: value, start, end. */
static int same_date(const tl_tl_event *a, const tl_tl_event *b)
{
	return a->date_key == b->date_key && strcmp(a->pub.value, b->pub.value) == 0 &&
	       tl_date_cmp(a->pub.start, b->pub.start) == 0 &&
	       tl_date_cmp(a->pub.end, b->pub.end) == 0;
}

/* Make event e of the document event de of document d. */
static void make_event(tl_tl_event *e, const tl_document *doc, size_t d, const tl_doc_event *de)
{
	const tl_timex *t = &doc->timexes[de->timex];
	e->pub.value = t->value;
	e->pub.type = t->type;
	e->pub.mod = t->mod;
	e->pub.granularity = de->granularity;
	e->pub.start = de->start;
	e->pub.end = de->end;
	e->pub.headline = de->headline;
	e->pub.text = de->text;
	e->text_len = de->text_len;
	e->pub.document = doc->id;
	e->pub.mention_count = 1;
	e->first_mention = 0;
	e->doc = d;
	e->pos = t->byte_start;
	e->timex = de->timex;
	e->partner = t->range_partner >= 0 && (size_t)t->range_partner < doc->ntimex &&
	                     (size_t)t->range_partner > de->timex
	                 ? t->range_partner
	                 : -1;
	if (e->partner >= 0) {
		/* a range: both ends are its mentions */
		if (de->value)
			e->pub.value = de->value;
		e->pub.mention_count = 2;
	}
	e->have_words = 0;
	date_key(e);
}

/*
 * The events of the documents that pass the filters, in timeline order: the
 * sort keys are gathered and sorted (or found in order already), then each
 * event is made once, in its place.  0 or TL_ENOMEM.
 */
static int gather(tl_timeline *tl)
{
	size_t total = 0, n = 0;
	for (size_t d = 0; d < tl->ndoc; d++)
		if ((total += tl->docs[d]->nevent) < tl->docs[d]->nevent)
			return tl_seterr(TL_ENOMEM, "out of memory");
	if (total == 0)
		return 0;
	sort_key *k = total <= SIZE_MAX / 2 / sizeof(*k) ? malloc(2 * total * sizeof(*k)) : NULL;
	if (!k)
		return tl_seterr(TL_ENOMEM, "out of memory");
	for (size_t d = 0; d < tl->ndoc; d++) {
		const tl_document *doc = tl->docs[d];
		for (size_t i = 0; i < doc->nevent; i++) {
			const tl_doc_event *de = &doc->events[i];
			if (keep(tl, de))
				k[n++] = (sort_key){de->start, de->granularity, d,
				                    doc->timexes[de->timex].byte_start, i};
		}
	}
	const sort_key *sorted = sort_keys(k, k + n, n);
	if (n > tl->cap_event) {
		free(tl->events); /* nothing to keep: no realloc() copy */
		tl->events = NULL;
		tl->cap_event = 0;
		if (tl_grow((void **)&tl->events, &tl->cap_event, n, sizeof(*tl->events)) != 0) {
			free(k);
			return tl_seterr(TL_ENOMEM, "out of memory");
		}
	}
	for (size_t i = 0; i < n; i++) {
		const tl_document *doc = tl->docs[sorted[i].doc];
		make_event(&tl->events[i], doc, sorted[i].doc, &doc->events[sorted[i].idx]);
	}
	tl->nevent = n;
	free(k);
	return 0;
}

/*
 * Merge the sorted events in place and lay out their mentions, in order.
 * An event is compared with the roots (events not merged into another) among
 * the MERGE_WINDOW events before it that share its start and granularity,
 * latest first, and joins the first that is the same happening.  The sort
 * makes those events one run; the roots of the run are chained (prev_root),
 * so the events merged into them are never looked at.
 */
static int merge(tl_timeline *tl)
{
	size_t n = tl->nevent, out = 0, run = 0, last_root = SIZE_MAX, nmention = 0;
	tl_words *words = NULL; /* by event; only those compared are filled in */
	if (tl->opts.merge && n > 1 &&
	    !(words = n <= SIZE_MAX / sizeof(*words) ? malloc(n * sizeof(*words)) : NULL))
		return tl_seterr(TL_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		tl_tl_event *e = &tl->events[i];
		e->root = i;
		e->next = SIZE_MAX;
		e->last = i;
		e->prev_root = SIZE_MAX;
		nmention += e->pub.mention_count; /* 1 or 2, at most 2n in all */
		if (!words)
			continue;
		const tl_date *a = &tl->events[i - (i > 0)].pub.start, *b = &e->pub.start;
		if (a->year != b->year || a->month != b->month || a->day != b->day ||
		    tl->events[i - (i > 0)].pub.granularity != e->pub.granularity) {
			run = i; /* a new start or granularity: a new run */
			last_root = SIZE_MAX;
		}
		size_t lo = i - run > MERGE_WINDOW ? i - MERGE_WINDOW : run;
		for (size_t j = last_root; j != SIZE_MAX && j >= lo; j = tl->events[j].prev_root) {
			tl_tl_event *o = &tl->events[j];
			if (same_date(o, e) && same_happening(tl, words, j, i)) {
				e->root = j;
				tl->events[o->last].next = i;
				o->last = i;
				break;
			}
		}
		if (e->root == i) {
			e->prev_root = last_root;
			last_root = i;
		}
	}
	free(words);
	/* mentions of each root, in timeline order, in room made at once */
	if (nmention > tl->cap_mention &&
	    tl_grow((void **)&tl->mentions, &tl->cap_mention, nmention, sizeof(*tl->mentions)))
		return tl_seterr(TL_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		tl_tl_event *r = &tl->events[i];
		if (r->root != i)
			continue;
		r->first_mention = tl->nmention;
		for (size_t k = i; k != SIZE_MAX; k = tl->events[k].next) {
			const tl_tl_event *m = &tl->events[k];
			tl->mentions[tl->nmention++] = (tl_mention){m->doc, m->timex};
			if (m->partner >= 0)
				tl->mentions[tl->nmention++] =
				    (tl_mention){m->doc, (size_t)m->partner};
		}
		r->pub.mention_count = tl->nmention - r->first_mention;
	}
	for (size_t i = 0; i < n; i++)
		if (tl->events[i].root == i && out++ != i)
			tl->events[out - 1] = tl->events[i];
	tl->nevent = out;
	return 0;
}

int tl_timeline_build(tl_timeline *tl)
{
	if (!tl)
		return tl_seterr(TL_EINVAL, "tl_timeline_build: NULL timeline");
	if (tl->built)
		return 0;
	clear_built(tl);
	int rc = gather(tl);
	if (rc == 0)
		rc = merge(tl);
	for (size_t d = 0; rc == 0 && d < tl->ndoc; d++)
		if (tl_consistency_check(&tl->warnings, &tl->nwarning, &tl->cap_warning,
		                         tl->docs[d]))
			rc = tl_seterr(TL_ENOMEM, "out of memory");
	if (rc) {
		clear_built(tl);
		return rc;
	}
	tl->built = 1;
	return 0;
}

/* Is tl built (tl_timeline_build(), called only when it is not yet)?  The
 * accessors below are called once or more per event by the exporters. */
static inline int ready(tl_timeline *tl)
{
	return tl && (tl->built || tl_timeline_build(tl) == 0);
}

size_t tl_timeline_event_count(tl_timeline *tl)
{
	return ready(tl) ? tl->nevent : 0;
}

const tl_event *tl_timeline_event(tl_timeline *tl, size_t i)
{
	if (!ready(tl) || i >= tl->nevent)
		return NULL;
	return &tl->events[i].pub;
}

const tl_mention *tl_timeline_event_mention(tl_timeline *tl, size_t i, size_t j)
{
	if (!ready(tl) || i >= tl->nevent || j >= tl->events[i].pub.mention_count)
		return NULL;
	return &tl->mentions[tl->events[i].first_mention + j];
}

/* The mentions of an event lie in a row in tl->mentions (merge()). */
const tl_mention *tl_timeline_mentions(tl_timeline *tl, size_t i)
{
	if (!ready(tl) || i >= tl->nevent)
		return NULL;
	return &tl->mentions[tl->events[i].first_mention];
}

size_t tl_timeline_warning_count(tl_timeline *tl)
{
	return ready(tl) ? tl->nwarning : 0;
}

const char *tl_timeline_warning(tl_timeline *tl, size_t i)
{
	if (!ready(tl) || i >= tl->nwarning)
		return NULL;
	return tl->warnings[i];
}
