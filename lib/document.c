/*
 * document.c - the tl_document handle: run the pipeline over one text.
 *
 * tl_document_parse() validates the text, copies it, runs the engine
 * (engine.c: scan, match, refine, resolve) and the events stage (events.c).
 */
#include "internal.h"
#include "utf8_repair.h"

/* Defaults of tl_document_options. */
int tl_document_options_init(tl_document_options *opts, unsigned int version)
{
	static const tl_document_options init = TL_DOCUMENT_OPTIONS_INIT;
	if (!opts || version != TL_DOCUMENT_OPTIONS_VERSION)
		return tl_seterr(TL_EINVAL, "tl_document_options_init: unknown version %u",
		                 version);
	*opts = init;
	return 0;
}

/* Append the timex t to doc, whose array has room for it: copied into its
 * slot, its strings into the arena; a value equal to the last timex's
 * shares its copy.  On TL_ENOMEM the timex is not counted. */
static int push_timex_in_place(tl_document *doc, const tl_timex *t)
{
	tl_timex *c = &doc->timexes[doc->ntimex];
	const char *v = t->value ? t->value : "";
	*c = *t;
	if (doc->ntimex > 0 && strcmp(c[-1].value, v) == 0)
		c->value = c[-1].value; /* "Nov. 5, Nov. 5": one copy */
	else
		c->value = tl_arena_strdup(&doc->arena, v);
	if (!c->value)
		return TL_ENOMEM;
	if (t->quant && !(c->quant = tl_arena_strdup(&doc->arena, t->quant)))
		return TL_ENOMEM;
	if (t->freq && !(c->freq = tl_arena_strdup(&doc->arena, t->freq)))
		return TL_ENOMEM;
	if (t->tz && !(c->tz = tl_arena_strdup(&doc->arena, t->tz)))
		return TL_ENOMEM;
	doc->ntimex++;
	return 0;
}

/* Append a timex, copying its strings into the arena (see
 * push_timex_in_place()): built in its slot, with no copy between. */
int tl_document_push_timex(tl_document *doc, const tl_timex *t)
{
	if (doc->ntimex < doc->cap_timex)
		return push_timex_in_place(doc, t);
	tl_timex keep = *t; /* t may lie in the array that moves */
	if (tl_grow((void **)&doc->timexes, &doc->cap_timex, doc->ntimex + 1,
	            sizeof(*doc->timexes)))
		return TL_ENOMEM;
	return push_timex_in_place(doc, &keep);
}

/* Check the bytes of a text.  Returns 0 when they can be used as they are,
 * 1 when they must be repaired (replace_invalid), or a negative code with
 * the message naming the offset of the first bad byte. */
static int check_text(const char *text, size_t len, const tl_document_options *opts)
{
	const char *id = opts->id ? opts->id : "", *sep = opts->id ? ": " : "";
	const char *bom = tl_utf8_foreign_bom(text, len);
	size_t bad;
	if (len > TL_DOCUMENT_MAX_BYTES)
		return tl_seterr(TL_ERANGE,
		                 "%s%stext of %zu bytes is over the limit of %zu bytes: split it",
		                 id, sep, len, TL_DOCUMENT_MAX_BYTES);
	if (bom)
		return tl_seterr(TL_EUTF8, "%s%sthe text is %s, not UTF-8: convert it first", id,
		                 sep, bom);
	if (!len)
		return 0;
	int valid = tl_utf8_valid(text, len, &bad);
	const char *nul = memchr(text, 0, valid ? len : bad); /* the first problem is named */
	if (!valid && !nul)
		return opts->replace_invalid
		           ? 1
		           : tl_seterr(TL_EUTF8, "%s%sinvalid UTF-8 at byte offset %zu", id, sep,
		                       bad);
	if (nul && !opts->replace_invalid)
		return tl_seterr(
		    TL_EUTF8,
		    "%s%sNUL byte at byte offset %zu: not UTF-8 text (UTF-16 without a "
		    "byte order mark?)",
		    id, sep, (size_t)(nul - text));
	return nul ? 1 : 0;
}

/* Validate the DCT a caller gave. */
/* A copy of text[0..len) in arena a followed by TL_SCAN_PAD bytes '\0'
 * (what the scanner reads past the end), or NULL when out of memory. */
static char *padded_copy(tl_arena *a, const char *text, size_t len)
{
	if (len > SIZE_MAX - TL_SCAN_PAD)
		return NULL;
	char *p = tl_arena_alloc(a, len + TL_SCAN_PAD);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, text, len);
	memset(p + len, 0, TL_SCAN_PAD);
	return p;
}

/* A copy of the id in arena a; an id that is not valid UTF-8 (a file name
 * in another encoding) with each ill-formed sequence replaced by U+FFFD, so
 * that no export writes invalid UTF-8.  NULL when out of memory. */
static char *copy_id(tl_arena *a, const char *id)
{
	size_t n = strlen(id), bad, len, count, first;
	char *fixed = NULL;
	if (tl_utf8_valid(id, n, &bad))
		return tl_arena_strdup(a, id);
	if (tl_utf8_repair(&fixed, &len, &count, &first, id, n) != 0)
		return NULL;
	char *p = tl_arena_strdup(a, fixed);
	free(fixed);
	return p;
}

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
	int rc;

	if (!out)
		return tl_seterr(TL_EINVAL, "tl_document_parse: NULL out");
	*out = NULL;
	if (!parser || (!text && len))
		return tl_seterr(TL_EINVAL, "tl_document_parse: NULL parser or text");
	if (!opts)
		opts = &defaults;
	if (opts->version != TL_DOCUMENT_OPTIONS_VERSION)
		return tl_seterr(TL_EINVAL, "tl_document_parse: unknown options version %u",
		                 opts->version);
	if (opts->has_dct && !valid_dct(opts->dct))
		return tl_seterr(TL_EINVAL,
		                 "invalid DCT %d-%d-%d (want a full date, years 1..9999)",
		                 (int)opts->dct.year, (int)opts->dct.month, (int)opts->dct.day);
	rc = check_text(text, len, opts);
	if (rc < 0)
		return rc;
	char *repaired = NULL;
	size_t nrepair = 0, first_repair = 0;
	if (rc == 1) {
		if (tl_utf8_repair(&repaired, &len, &nrepair, &first_repair, text, len) != 0)
			return tl_seterr(TL_ENOMEM, "out of memory");
		text = repaired;
	}

	tl_document *doc = calloc(1, sizeof(*doc));
	if (doc) {
		doc->id = copy_id(&doc->arena, opts->id ? opts->id : "");
		doc->text = padded_copy(&doc->arena, text, len);
	}
	free(repaired);
	if (!doc || !doc->id || !doc->text) {
		tl_document_free(doc);
		return tl_seterr(TL_ENOMEM, "out of memory");
	}
	doc->nrepair = nrepair;
	doc->first_repair = first_repair;
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
	tl_date zero = {0, 0, 0};
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

size_t tl_document_repairs(const tl_document *doc, size_t *first)
{
	if (first)
		*first = doc ? doc->first_repair : 0;
	return doc ? doc->nrepair : 0;
}
