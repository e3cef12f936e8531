/*
 * engine.c - drives the engine stages over one document.
 *
 * For each chunk (a paragraph, or a line that ends a unit: see wrap.c) the
 * scanner fills the token buffer, the driver splits the chunk into
 * sentences, the matcher appends mentions and the refiner cleans them; then
 * each mention gets its sentence and the tense of its sentence around it
 * (the cues are read for the mentions' tokens only).  When the whole text
 * is read, the DCT is inferred if asked (the latest explicit full date
 * bounds it from below), and the resolver turns mentions into timexes.
 * The buffers (tokens, the sentence ends of a chunk) live for one document.
 */
#include "engine.h"

#include <stdlib.h>

#define MAXSENT 1000 /* bytes; longer sentences are cut */

/* A parsed document, even with every byte repaired to a 3-byte U+FFFD,
 * has offsets that fit a tl_off. */
_Static_assert(TL_DOCUMENT_MAX_BYTES <= (TL_OFF_MAX - 1) / 3, "document offsets fit tl_off");

/* Titles and abbreviations after which a period does not end a sentence;
 * none is longer than MAXABBR letters (a longer word is not looked up). */
#define MAXABBR 4
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
	char low[MAXABBR + 1];
	size_t n = t->e - t->b;
	if (t->flags & TF_PERIOD)
		return 1;
	if (n > MAXABBR)
		return 0;
	if (n == 1 && (t->flags & TF_CAP))
		return 1; /* an initial: "J. Smith" */
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(text[t->b + i] | 0x20);
	low[n] = '\0';
	return bsearch(low, abbrevs, sizeof(abbrevs) / sizeof(abbrevs[0]), sizeof(abbrevs[0]),
	               abbrev_cmp) != NULL;
}

/* Which word opens the phrase that the mention at token k closes, then
 * "in", "of" or "on" before the date: F_SINCE with up to three words
 * between ("since its launch in 2003", "since the crash of 1987"), F_UNTIL
 * with one to four ("until the fall of the city in February 1945"; "until
 * in March 1980" is none); else 0. */
static inline int phrase_opener(const tl_tok *t, size_t k)
{
	if (k < 3 || !t[k - 1].w || t[k - 1].w->cls != W_FUNC ||
	    (t[k - 1].w->val != F_IN && t[k - 1].w->val != F_OF && t[k - 1].w->val != F_ON))
		return 0;
	for (size_t n = 0; n <= 4 && n + 2 <= k; n++) {
		size_t j = k - 2 - n;
		if (t[j].kind != TK_WORD)
			return 0;
		if (t[j].w && t[j].w->cls == W_FUNC && t[j].w->val == F_SINCE)
			return n <= 3 ? F_SINCE : 0;
		if (t[j].w && t[j].w->cls == W_FUNC && t[j].w->val == F_UNTIL)
			return n >= 1 ? F_UNTIL : 0;
	}
	return 0;
}

/* Whether token k of s, right after a date, is a word that the date
 * qualifies: a word in small letters that is no function word ("the 1614
 * rules", "the May 2007 high"), not "of" or "and". */
static int attributive(const tl_scan *s, size_t k)
{
	if (k >= s->ntok)
		return 0;
	const tl_tok *t = &s->toks[k];
	return t->kind == TK_WORD && !(t->flags & TF_CAP) && (!t->w || t->w->cls != W_FUNC);
}

/* Whether word token *w of text ends in "ed" and has four bytes or more
 * ("closed", "planned"). */
static int ends_ed(const char *text, const tl_tok *w)
{
	return w->e - w->b >= 4 && text[w->e - 2] == 'e' && text[w->e - 1] == 'd';
}

/* Whether token *p, right before a form that is past or present ("hit",
 * "cut"), makes it no past: a tense word ("will", "did"), "to", "may", or
 * one of a few modals and negations the tables do not hold. */
static int not_past_before(const char *text, const tl_tok *p)
{
	static const char *const words[] = {"can", "could", "should", "must", "cannot", "not"};
	if (p->kind != TK_WORD)
		return 0;
	if (p->w)
		return p->w->cls == W_TENSE || (p->w->cls == W_FUNC && p->w->val == F_TO) ||
		       (p->w->cls == W_MONTH && p->w->val == 5 && !(p->flags & TF_CAP));
	size_t len = p->e - p->b;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strlen(words[i]) != len)
			continue;
		size_t j = 0;
		while (j < len && (text[p->b + j] | 0x20) == words[i][j])
			j++;
		if (j == len)
			return 1;
	}
	return 0;
}

/* The tense cue of word token k in the sentence of tokens [first, last] of
 * t: 1 future, 2 past, 3 a modal that leans neither way and hides the cues
 * before it ("said it would hear the case on Dec. 15"), 0 none.  A cue
 * reads its neighbours inside the sentence only. */
static int word_cue(const char *text, const tl_tok *t, size_t first, size_t last, size_t k)
{
	int cue = 0;
	const tl_word *w = t[k].w;
	if (w && w->cls == W_TENSE)
		cue = w->val == 2 ? 3 : w->val == 3 ? 0 : w->val > 0 ? 1 : w->val < 0 ? 2 : 0;
	if (cue == 2 && w->val == -3 && k > first && not_past_before(text, &t[k - 1]))
		cue = 0; /* "will hit", "to cut", "could shut": not a past */
	else if (!w && ends_ed(text, &t[k]))
		cue = 2; /* a regular past form ("closed") */
	if (cue == 3 && k + 1 <= last && t[k + 1].kind == TK_WORD && t[k + 1].e - t[k + 1].b == 4 &&
	    memcmp(text + t[k + 1].b, "have", 4) == 0)
		cue = 2; /* "talks that would have begun on Monday": the past */
	if (cue == 2 && k > first && t[k - 1].w && t[k - 1].w->cls == W_TENSE &&
	    t[k - 1].w->val == 0)
		cue = 0; /* a participle after "be": "will be held" */
	if (cue && k > first && ends_ed(text, &t[k]) && t[k - 1].kind == TK_WORD &&
	    t[k - 1].e - t[k - 1].b == 2 && (text[t[k - 1].b] | 0x20) == 'a' &&
	    (text[t[k - 1].b + 1] | 0x20) == 's')
		cue = 0; /* a participle after "as" says no tense: "went ahead as
		          * expected", "will go ahead as planned" */
	if (w && w->cls == W_MONTH && w->val == 5 && !(t[k].flags & TF_CAP))
		cue = 1; /* the modal "may": "may be signed on September 12" */
	if ((w ? w->val == 3 && w->cls == W_TENSE
	       : t[k].e - t[k].b == 3 && (text[t[k].b] | 0x20) == 's' && text[t[k].b + 1] == 'e' &&
	             text[t[k].b + 2] == 't') &&
	    k + 1 <= last && t[k + 1].w && t[k + 1].w->cls == W_FUNC &&
	    (t[k + 1].w->val == F_TO || t[k + 1].w->val == F_FOR))
		cue = k > first && t[k - 1].w && t[k - 1].w->cls == W_TENSE && t[k - 1].w->val < 0
		          ? 3  /* "the vote was set for Oct. 3": a plan of the past, either way */
		          : 1; /* "the trial is set to begin on Wednesday", "set for Tuesday",
		                * "snow is forecast for Tuesday" ("was forecast for": either way) */
	if (k > first && w && w->cls == W_TENSE && w->val == 0 && t[k - 1].w &&
	    t[k - 1].w->cls == W_FUNC && t[k - 1].w->val == F_TO && t[k].e - t[k].b == 2 &&
	    text[t[k].b + 1] == 'e')
		cue = 1; /* "an event to be held on October 12" */
	return cue;
}

/*
 * The tense cues of one sentence read so far, so that the mentions of a
 * sentence, visited in text order, read each cue once: a sentence of many
 * mentions (a run-on list of dates) would read its cues once per mention.
 * Only the words the scanner listed as possible cues (s->cues, in text
 * order) are read.  The entries before next of that list (from the
 * sentence's first token on) are accounted for: `before` is the nearest
 * cue among them, 0 when they hold none.  While there is none, the answer
 * is the first cue of the sentence from there on (`lead`, at entry
 * `lead_at`; 0 when the sentence has none), searched for once.
 */
typedef struct tense_memo {
	size_t first, last; /* the sentence [first, last]; valid: 0 before its first mention */
	int valid;
	size_t k;    /* the token asked for last */
	size_t next; /* an index into the list of cues */
	int before;
	int lead_known; /* lead and lead_at are known */
	int lead;
	size_t lead_at;
} tense_memo;

/* The index of the first entry of cue[0..n) that is k or after it. */
static size_t cue_from(const tl_off *cue, size_t n, size_t k)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cue[mid] < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The tense of token k in the sentence [first, last]: the nearest cue before
 * it in its sentence, else the first one from it on (0: none).  Computed
 * only for the tokens that start a mention; tm carries what was read for
 * the mentions before k (it starts zeroed for each chunk); s: the scanner
 * with the tokens and the list of possible cues. */
static uint8_t memo_tense(tense_memo *tm, const tl_scan *s, size_t first, size_t last, size_t k)
{
	const char *text = s->text;
	const tl_tok *t = s->toks;
	const tl_off *cue = s->cues;
	size_t nc = s->ncues;
	if (!tm->valid || tm->first != first || tm->last != last || k < tm->k) {
		/* the first mention of the sentence: the nearest cue before k */
		tm->valid = 1;
		tm->first = first;
		tm->last = last;
		tm->lead_known = 0;
		tm->before = 0;
		size_t p = cue_from(cue, nc, k);
		for (size_t j = p; j > 0 && cue[j - 1] >= first; j--) {
			int c = word_cue(text, t, first, last, cue[j - 1]);
			if (c) {
				tm->before = c;
				break;
			}
		}
		tm->next = p;
	}
	tm->k = k;
	if (!tm->before && tm->lead_known) {
		/* the search for the lead read [next, lead_at): no cue there */
		if (tm->lead && cue[tm->lead_at] < k) {
			tm->before = tm->lead;
			tm->next = tm->lead_at + 1;
		} else {
			while (tm->next < tm->lead_at && cue[tm->next] < k)
				tm->next++;
		}
	}
	for (; tm->next < nc && cue[tm->next] < k; tm->next++) {
		int c = word_cue(text, t, first, last, cue[tm->next]);
		if (c)
			tm->before = c;
	}
	if (tm->before)
		return (uint8_t)tm->before;
	/* no cue before k: the first one of the sentence, from k on */
	if (!tm->lead_known) {
		size_t j = tm->next;
		int c = 0;
		for (; j < nc && cue[j] <= last; j++) {
			c = word_cue(text, t, first, last, cue[j]);
			if (c)
				break;
		}
		tm->lead_known = 1;
		tm->lead = c;
		tm->lead_at = j;
	}
	return (uint8_t)tm->lead;
}

/** Per-document buffer of the driver: the sentences of the current chunk. */
typedef struct sentbuf {
	size_t *last; /* index of the last token of each sentence of the chunk */
	size_t n, cap;
	size_t base; /* doc->nsentence before the chunk */
} sentbuf;

/* The first token of t[i, next) at which a sentence that starts at byte fb
 * is cut for its length (split_chunk()), or next when there is none; the
 * sentence runs past MAXSENT bytes before next.  Token ends grow, so the
 * first token past MAXSENT bytes is searched for by halves. */
static size_t long_cut(const tl_tok *t, size_t i, size_t next, size_t fb)
{
	size_t hi = next;
	while (i < hi) {
		size_t mid = i + (hi - i) / 2;
		if (t[mid].e - fb <= MAXSENT)
			i = mid + 1;
		else
			hi = mid;
	}
	for (; i < next; i++)
		if ((t[i].kind == TK_PUNCT && (t[i].punct == ',' || t[i].punct == ';')) ||
		    t[i].e - fb > 2 * MAXSENT)
			break;
	return i;
}

/* Split the tokens of the current chunk into sentences and push them to doc;
 * sb gets the last token of each. */
static int split_chunk(tl_engine *e, tl_document *doc, sentbuf *sb)
{
	const tl_tok *t = e->scan.toks;
	size_t n = e->scan.ntok;
	const tl_off *ends = e->scan.ends;
	size_t first = 0, ne = e->scan.nends, ke = 0;
	sb->n = 0;
	sb->base = doc->nsentence;
	size_t fb = n ? t[0].b : 0; /* where the sentence starts */
	for (size_t i = 0; i < n; i++) {
		/* The tokens before the next candidate (. ! ?, a word that kept
		 * its period, else the last token) can end a sentence only by
		 * its length: passed over when the sentence is short enough up
		 * to there, else up to the first one that the length rule
		 * below cuts at. */
		while (ke < ne && ends[ke] < i)
			ke++;
		size_t next = ke < ne ? ends[ke] : n - 1;
		if (next > i)
			i = t[next - 1].e - fb <= MAXSENT ? next : long_cut(t, i, next, fb);
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
		if (TL_VEC_PUSH(doc->sentences, doc->nsentence, doc->cap_sentence, s) ||
		    TL_VEC_PUSH(sb->last, sb->n, sb->cap, i))
			return TL_ENOMEM;
		first = i + 1;
		if (first < n)
			fb = t[first].b;
	}
	return 0;
}

/* The sentence of the chunk (an index into sb->last) that holds token k;
 * from: the sentence of the mention before (0 for the first).  Mentions
 * come in text order, so the search walks on from there; a token before
 * that sentence is searched for by halves. */
static size_t sentence_of(const sentbuf *sb, size_t k, size_t from)
{
	size_t lo = 0, hi = sb->n - 1;
	if (from < sb->n && (from == 0 || sb->last[from - 1] < k)) {
		while (from < hi && sb->last[from] < k)
			from++;
		return from;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sb->last[mid] < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Run the engine over doc. */
int tl_engine_run(tl_document *doc, const tl_parser *parser, int infer_dct)
{
	tl_engine e;
	sentbuf sb = {NULL, 0, 0, 0};
	int rc;
	/* offsets and token indexes are tl_off (32 bits) */
	if (doc->len >= TL_OFF_MAX)
		return TL_ERANGE;
	memset(&e, 0, sizeof(e));
	e.scan.text = doc->text;
	e.scan.len = doc->len;
	e.scan.tab = &parser->words;
	e.parser = parser;
	/* room at once for the mentions and sentences of news prose (about a
	 * date every 256 bytes, a sentence every 128) */
	if (tl_reserve((void **)&e.m, &e.capm, doc->len / 256 + 16, sizeof(*e.m)) ||
	    tl_reserve((void **)&doc->sentences, &doc->cap_sentence, doc->len / 128 + 16,
	               sizeof(*doc->sentences))) {
		rc = TL_ENOMEM;
		goto out;
	}
	while ((rc = tl_scan_chunk(&e.scan)) == 1) {
		if (e.scan.ntok == 0)
			continue;
		if ((rc = split_chunk(&e, doc, &sb)) != 0)
			goto out;
		size_t from = e.nm;
		if ((rc = tl_match_chunk(&e)) != 0)
			goto out;
		tl_refine_chunk(&e, from);
		tense_memo tm = {0};
		size_t si = 0;
		for (size_t i = from; i < e.nm; i++) {
			size_t k = e.m[i].tok0;
			si = sentence_of(&sb, k, si);
			size_t first = si > 0 ? sb.last[si - 1] + 1 : 0;
			e.m[i].sentence = sb.base + si;
			e.m[i].tense = memo_tense(&tm, &e.scan, first, sb.last[si], k);
			const tl_word *before = k > 0 ? e.scan.toks[k - 1].w : NULL;
			int fw = before && before->cls == W_FUNC ? before->val : 0;
			e.m[i].attrib = fw == F_THE && (e.m[i].said & HAS_YEAR) &&
			                attributive(&e.scan, e.m[i].tok1);
			int po = phrase_opener(e.scan.toks, k);
			e.m[i].since = fw == F_SINCE || po == F_SINCE;
			e.m[i].until = fw == F_UNTIL   ? 1
			               : po == F_UNTIL ? 2
			               : (fw == F_BY && k > first + 1 && !(e.m[i].said & HAS_YEAR))
			                   ? 3
			                   : 0;
		}
	}
	if (rc < 0)
		goto out;
	/* the tokens are not needed any more: their memory goes before the
	 * resolver's */
	tl_scan_free(&e.scan);
	free(sb.last);
	sb.last = NULL;
	if (infer_dct && doc->dct_source == TL_DCT_NONE) {
		tl_date d;
		if (tl_resolve_latest_full(&e, &d)) {
			doc->dct = d;
			doc->dct_source = TL_DCT_INFERRED;
		}
	}
	rc = tl_resolve_all(&e, doc);
out:
	tl_scan_free(&e.scan);
	free(e.m);
	free(sb.last);
	return rc;
}
