/*
 * document.c - the tl_document handle: run the pipeline over one text.
 *
 * tl_document_parse() validates the text, copies it, runs the engine
 * (engine.c: scan, match, refine, resolve) and the events stage (events.c).
 */
#include "internal.h"

/* Defaults of tl_document_options. */
int tl_document_options_init(tl_document_options *opts, unsigned int version)
{
	static const tl_document_options init = TL_DOCUMENT_OPTIONS_INIT;
	if (!opts || version != TL_DOCUMENT_OPTIONS_VERSION)
		return tl_seterr(TL_EINVAL, "tl_document_options_init: unknown version %u", version);
	*opts = init;
	return 0;
}

/* Append a timex, copying its strings into the arena. */
int tl_document_push_timex(tl_document *doc, const tl_timex *t)
{
	tl_timex c = *t;
	c.value = tl_arena_strdup(&doc->arena, t->value ? t->value : "");
	if (!c.value)
		return TL_ENOMEM;
	if (t->quant && !(c.quant = tl_arena_strdup(&doc->arena, t->quant)))
		return TL_ENOMEM;
	if (t->freq && !(c.freq = tl_arena_strdup(&doc->arena, t->freq)))
		return TL_ENOMEM;
	if (t->tz && !(c.tz = tl_arena_strdup(&doc->arena, t->tz)))
		return TL_ENOMEM;
	return TL_VEC_PUSH(doc->timexes, doc->ntimex, doc->cap_timex, c);
}

/* Validate the DCT a caller gave. */
static int valid_dct(tl_date d)
{
	return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
	       d.day <= tl_date_days_in_month(d.year, d.month);
}

/* Analyse one text. */
int tl_document_parse(tl_document **out, const tl_parser *parser, const char *text, size_t len,
                      const tl_document_options *opts)
{
	static const tl_document_options defaults = TL_DOCUMENT_OPTIONS_INIT;
	size_t bad;
	int rc;

	if (!out)
		return tl_seterr(TL_EINVAL, "tl_document_parse: NULL out");
	*out = NULL;
	if (!parser || (!text && len))
		return tl_seterr(TL_EINVAL, "tl_document_parse: NULL parser or text");
	if (!opts)
		opts = &defaults;
	if (opts->version != TL_DOCUMENT_OPTIONS_VERSION)
		return tl_seterr(TL_EINVAL, "tl_document_parse: unknown options version %u", opts->version);
	if (opts->has_dct && !valid_dct(opts->dct))
		return tl_seterr(TL_EINVAL, "invalid DCT %d-%d-%d (want a full date, years 1..9999)",
		                 (int)opts->dct.year, (int)opts->dct.month, (int)opts->dct.day);
	if (len && !tl_utf8_valid(text, len, &bad))
		return tl_seterr(TL_EUTF8, "%s%sinvalid UTF-8 at byte offset %zu",
		                 opts->id ? opts->id : "", opts->id ? ": " : "", bad);

	tl_document *doc = calloc(1, sizeof(*doc));
	if (!doc)
		return tl_seterr(TL_ENOMEM, "out of memory");
	doc->id = tl_arena_strdup(&doc->arena, opts->id ? opts->id : "");
	doc->text = tl_arena_strndup(&doc->arena, text ? text : "", len);
	if (!doc->id || !doc->text) {
		tl_document_free(doc);
		return tl_seterr(TL_ENOMEM, "out of memory");
	}
	doc->len = len;
	if (opts->has_dct) {
		doc->dct = opts->dct;
		doc->dct_source = TL_DCT_GIVEN;
	}
	rc = tl_engine_run(doc, parser, !opts->has_dct && opts->infer_dct);
	if (rc == 0)
		rc = tl_events_extract(doc);
	if (rc != 0) {
		tl_document_free(doc);
		if (rc == TL_ENOMEM)
			tl_seterr(rc, "out of memory");
		return rc;
	}
	*out = doc;
	return 0;
}

/* Free a document; NULL is a no-op. */
void tl_document_free(tl_document *doc)
{
	if (!doc)
		return;
	free(doc->timexes);
	free(doc->sentences);
	free(doc->events);
	tl_arena_free(&doc->arena);
	free(doc);
}

const char *tl_document_id(const tl_document *doc)
{
	return doc ? doc->id : "";
}

const char *tl_document_text(const tl_document *doc, size_t *len)
{
	if (len)
		*len = doc ? doc->len : 0;
	return doc ? doc->text : "";
}

tl_dct_source tl_document_dct(tl_date *out, const tl_document *doc)
{
	tl_date zero = { 0, 0, 0 };
	if (!doc || doc->dct_source == TL_DCT_NONE) {
		if (out)
			*out = zero;
		return TL_DCT_NONE;
	}
	if (out)
		*out = doc->dct;
	return doc->dct_source;
}

size_t tl_document_timex_count(const tl_document *doc)
{
	return doc ? doc->ntimex : 0;
}

const tl_timex *tl_document_timex(const tl_document *doc, size_t i)
{
	return doc && i < doc->ntimex ? &doc->timexes[i] : NULL;
}

size_t tl_document_sentence_count(const tl_document *doc)
{
	return doc ? doc->nsentence : 0;
}

int tl_document_sentence(size_t *start, size_t *end, const tl_document *doc, size_t i)
{
	if (!doc || i >= doc->nsentence)
		return TL_ENOTFOUND;
	if (start)
		*start = doc->sentences[i].start;
	if (end)
		*end = doc->sentences[i].end;
	return 0;
}
