/*
 * engine.c - drives the engine stages over one document.
 *
 * For each chunk (a paragraph, or a line that ends a unit: see wrap.c) the
 * scanner fills the token buffer, the
 * driver splits the chunk into sentences and notes each sentence's tense,
 * the matcher appends mentions and the refiner cleans them.  When the whole
 * text is read, the DCT is inferred if asked (the latest explicit full date
 * bounds it from below), and the resolver turns mentions into timexes.
 * The buffers (tokens, per-token sentence numbers) live for one document.
 */
#include "engine.h"

#include <stdlib.h>

#define MAXSENT 1000 /* bytes; longer sentences are cut */

/* Titles and abbreviations after which a period does not end a sentence. */
static const char *const abbrevs[] = {"adm",  "capt", "cmdr", "col", "corp", "dr",  "gen", "gov",
                                      "inc",  "jr",   "lt",   "maj", "mr",   "mrs", "ms",  "no",
                                      "prof", "rep",  "rev",  "sen", "sgt",  "sr",  "st",  "vs"};

/* Compare a key with an entry of abbrevs (bsearch). */
static int abbrev_cmp(const void *k, const void *e)
{
	return strcmp((const char *)k, *(const char *const *)e);
}

/* Whether token t (a word before a period) is a known abbreviation. */
int tl_is_abbrev(const char *text, const tl_tok *t)
{
	char low[8];
	size_t n = t->e - t->b;
	if (t->flags & TF_PERIOD)
		return 1;
	if (n >= sizeof(low))
		return 0;
	if (n == 1 && (t->flags & TF_CAP))
		return 1; /* an initial: "J. Smith" */
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(text[t->b + i] | 0x20);
	low[n] = '\0';
	return bsearch(low, abbrevs, sizeof(abbrevs) / sizeof(abbrevs[0]), sizeof(abbrevs[0]),
	               abbrev_cmp) != NULL;
}

/* Whether the mention at token k closes a phrase opened by "since": "since
 * its launch in 2003", "since the crash of 1987" (a few words, then "in",
 * "of" or "on" before the date). */
static int since_phrase(const tl_tok *t, size_t k)
{
	if (k < 3 || !t[k - 1].w || t[k - 1].w->cls != W_FUNC ||
	    (t[k - 1].w->val != F_IN && t[k - 1].w->val != F_OF && t[k - 1].w->val != F_ON))
		return 0;
	for (size_t n = 0; n < 4 && n + 2 <= k; n++) {
		size_t j = k - 2 - n;
		if (t[j].kind != TK_WORD)
			return 0;
		if (t[j].w && t[j].w->cls == W_FUNC && t[j].w->val == F_SINCE)
			return 1;
	}
	return 0;
}

/** Per-document buffers of the driver. */
typedef struct sentbuf {
	size_t *tsent;  /* sentence index of each token */
	uint8_t *tense; /* per token: tense of its sentence */
	size_t cap;
} sentbuf;

/* Split the tokens of the current chunk into sentences, push them to doc,
 * and note the sentence and tense of each token. */
static int split_chunk(tl_engine *e, tl_document *doc, sentbuf *sb)
{
	const tl_tok *t = e->scan.toks;
	size_t n = e->scan.ntok;
	if (n > sb->cap) {
		size_t cap = sb->cap;
		if (tl_grow((void **)&sb->tsent, &cap, n, sizeof(size_t)))
			return TL_ENOMEM;
		cap = sb->cap;
		if (tl_grow((void **)&sb->tense, &cap, n, 1))
			return TL_ENOMEM;
		sb->cap = cap;
	}
	size_t first = 0;
	for (size_t i = 0; i < n; i++) {
		int end = i + 1 == n;
		if (!end && t[i].kind == TK_PUNCT &&
		    (t[i].punct == '.' || t[i].punct == '!' || t[i].punct == '?') &&
		    (t[i + 1].flags & (TF_SPACE | TF_NL)))
			end = !(t[i].punct == '.' && i > 0 && t[i - 1].kind == TK_WORD &&
			        !(t[i].flags & TF_SPACE) && tl_is_abbrev(e->scan.text, &t[i - 1]));
		if (!end && t[i].kind == TK_WORD && (t[i].flags & TF_PERIOD) &&
		    (t[i + 1].flags & TF_SPACE) && (t[i + 1].flags & TF_CAP) &&
		    t[i + 1].w == NULL && t[i].e - t[i].b > 2 &&
		    !(t[i].w && t[i].w->cls == W_MONTH))
			end = 1;
		/* a run-on "sentence" is cut at a comma or semicolon after
		 * MAXSENT bytes, and anywhere after twice that */
		if (!end && t[i].e - t[first].b > MAXSENT &&
		    ((t[i].kind == TK_PUNCT && (t[i].punct == ',' || t[i].punct == ';')) ||
		     t[i].e - t[first].b > 2 * MAXSENT))
			end = 1;
		if (!end)
			continue;
		tl_sentence s = {t[first].b, t[i].e};
		/* the tense of a token: the nearest cue before it in its
		 * sentence, else the first one after it */
		int cur = 0, firstcue = 0;
		for (size_t k = first; k <= i; k++) {
			int cue = 0;
			if (t[k].w && t[k].w->cls == W_TENSE)
				cue = t[k].w->val > 0 ? 1 : t[k].w->val < 0 ? 2 : 0;
			else if (t[k].kind == TK_WORD && !t[k].w && t[k].e - t[k].b >= 4 &&
			         e->scan.text[t[k].e - 2] == 'e' && e->scan.text[t[k].e - 1] == 'd')
				cue = 2; /* a regular past form ("closed") */
			if (cue == 2 && k > first && t[k - 1].w && t[k - 1].w->cls == W_TENSE &&
			    t[k - 1].w->val == 0)
				cue = 0; /* a participle after "be": "will be held" */
			if (t[k].w && t[k].w->cls == W_MONTH && t[k].w->val == 5 &&
			    !(t[k].flags & TF_CAP))
				cue = 1; /* the modal "may": "may be signed on September 12" */
			if (k + 1 <= i && t[k + 1].w && t[k + 1].w->cls == W_FUNC &&
			    t[k + 1].w->val == F_TO && t[k].e - t[k].b == 3 &&
			    (e->scan.text[t[k].b] | 0x20) == 's' &&
			    e->scan.text[t[k].b + 1] == 'e' && e->scan.text[t[k].b + 2] == 't')
				cue = 1; /* "the trial is set to begin on Wednesday" */
			if (k > first && t[k].w && t[k].w->cls == W_TENSE && t[k].w->val == 0 &&
			    t[k - 1].w && t[k - 1].w->cls == W_FUNC && t[k - 1].w->val == F_TO &&
			    t[k].e - t[k].b == 2 && e->scan.text[t[k].b + 1] == 'e')
				cue = 1; /* "an event to be held on October 12" */
			if (cue && !firstcue)
				firstcue = cue;
			sb->tsent[k] = doc->nsentence;
			sb->tense[k] = (uint8_t)cur;
			if (cue)
				cur = cue;
		}
		for (size_t k = first; k <= i && sb->tense[k] == 0; k++)
			sb->tense[k] = (uint8_t)firstcue;
		if (TL_VEC_PUSH(doc->sentences, doc->nsentence, doc->cap_sentence, s))
			return TL_ENOMEM;
		first = i + 1;
	}
	return 0;
}

/* Run the engine over doc. */
int tl_engine_run(tl_document *doc, const tl_parser *parser, int infer_dct)
{
	tl_engine e;
	sentbuf sb = {NULL, NULL, 0};
	int rc;
	memset(&e, 0, sizeof(e));
	e.scan.text = doc->text;
	e.scan.len = doc->len;
	e.scan.tab = &parser->words;
	e.parser = parser;
	while ((rc = tl_scan_chunk(&e.scan)) == 1) {
		if (e.scan.ntok == 0)
			continue;
		if ((rc = split_chunk(&e, doc, &sb)) != 0)
			goto out;
		size_t from = e.nm;
		if ((rc = tl_match_chunk(&e)) != 0)
			goto out;
		tl_refine_chunk(&e, from);
		for (size_t i = from; i < e.nm; i++) {
			e.m[i].sentence = sb.tsent[e.m[i].tok0];
			e.m[i].tense = sb.tense[e.m[i].tok0];
			size_t k = e.m[i].tok0;
			const tl_word *before = k > 0 ? e.scan.toks[k - 1].w : NULL;
			int fw = before && before->cls == W_FUNC ? before->val : 0;
			e.m[i].since = fw == F_SINCE || since_phrase(e.scan.toks, k);
			e.m[i].until = fw == F_UNTIL;
		}
	}
	if (rc < 0)
		goto out;
	if (infer_dct && doc->dct_source == TL_DCT_NONE) {
		tl_date d;
		if (tl_resolve_latest_full(&e, &d)) {
			doc->dct = d;
			doc->dct_source = TL_DCT_INFERRED;
		}
	}
	rc = tl_resolve_all(&e, doc);
out:
	free(e.scan.toks);
	free(e.m);
	free(sb.tsent);
	free(sb.tense);
	return rc;
}
