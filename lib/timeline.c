/*
 * timeline.c - gather the events of many documents, sort, merge, filter.
 *
 * Order: start date, then granularity (coarser first: 1991 before
 * 1991-03-05), then document order, then position in the document.
 */
#include "internal.h"

typedef struct tl_tl_event {
	tl_event pub;
	size_t first_mention; /* index into mentions */
	size_t doc, pos;      /* for the sort */
} tl_tl_event;

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
		return tl_seterr(TL_EINVAL, "tl_timeline_options_init: unknown version %u", version);
	*opts = init;
	return 0;
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
		return tl_seterr(TL_EINVAL, "tl_timeline_new: unknown options version %u", opts->version);
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
	if (TL_VEC_PUSH(tl->docs, tl->ndoc, tl->cap_doc, doc))
		return tl_seterr(TL_ENOMEM, "out of memory");
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

/* Sort order of two events. */
static int event_cmp(const void *pa, const void *pb)
{
	const tl_tl_event *a = pa, *b = pb;
	int c = tl_date_cmp(a->pub.start, b->pub.start);
	if (c)
		return c;
	if (a->pub.granularity != b->pub.granularity)
		return a->pub.granularity < b->pub.granularity ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* Keep an event under the filters? */
static int keep(const tl_timeline *tl, const tl_doc_event *e)
{
	if (tl->opts.has_from && tl_date_cmp(e->end, tl->opts.from) <= 0)
		return 0;
	if (tl->opts.has_to && tl_date_cmp(e->start, tl->opts.to) > 0)
		return 0;
	if (tl->opts.min_granularity != TL_GRAN_NONE && e->granularity < tl->opts.min_granularity)
		return 0;
	return 1;
}

int tl_timeline_build(tl_timeline *tl)
{
	if (!tl)
		return tl_seterr(TL_EINVAL, "tl_timeline_build: NULL timeline");
	if (tl->built)
		return 0;
	clear_built(tl);
	for (size_t d = 0; d < tl->ndoc; d++) {
		tl_document *doc = tl->docs[d];
		for (size_t k = 0; k < doc->nevent; k++) {
			const tl_doc_event *de = &doc->events[k];
			if (!keep(tl, de))
				continue;
			const tl_timex *t = &doc->timexes[de->timex];
			tl_tl_event e;
			memset(&e, 0, sizeof(e));
			e.pub.value = t->value;
			e.pub.type = t->type;
			e.pub.mod = t->mod;
			e.pub.granularity = de->granularity;
			e.pub.start = de->start;
			e.pub.end = de->end;
			e.pub.headline = de->headline;
			e.pub.text = de->text;
			e.pub.document = doc->id;
			e.pub.mention_count = 1;
			e.first_mention = tl->nmention;
			e.doc = d;
			e.pos = t->byte_start;
			tl_mention m = { d, de->timex };
			if (TL_VEC_PUSH(tl->mentions, tl->nmention, tl->cap_mention, m) ||
			    TL_VEC_PUSH(tl->events, tl->nevent, tl->cap_event, e))
				return tl_seterr(TL_ENOMEM, "out of memory");
		}
	}
	if (tl->nevent > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(tl->events, tl->nevent, sizeof(*tl->events), event_cmp);
	tl->built = 1;
	return 0;
}

size_t tl_timeline_event_count(tl_timeline *tl)
{
	return tl && tl_timeline_build(tl) == 0 ? tl->nevent : 0;
}

const tl_event *tl_timeline_event(tl_timeline *tl, size_t i)
{
	if (!tl || tl_timeline_build(tl) != 0 || i >= tl->nevent)
		return NULL;
	return &tl->events[i].pub;
}

const tl_mention *tl_timeline_event_mention(tl_timeline *tl, size_t i, size_t j)
{
	if (!tl || tl_timeline_build(tl) != 0 || i >= tl->nevent ||
	    j >= tl->events[i].pub.mention_count)
		return NULL;
	return &tl->mentions[tl->events[i].first_mention + j];
}

size_t tl_timeline_warning_count(tl_timeline *tl)
{
	return tl && tl_timeline_build(tl) == 0 ? tl->nwarning : 0;
}

const char *tl_timeline_warning(tl_timeline *tl, size_t i)
{
	if (!tl || tl_timeline_build(tl) != 0 || i >= tl->nwarning)
		return NULL;
	return tl->warnings[i];
}
