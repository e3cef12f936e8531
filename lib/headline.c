/*
 * headline.c - the headline of an event: the clause that carries its date.
 *
 * The sentence is cut into tokens (words and punctuation marks).  The clause
 * around the date runs back to the previous clause boundary and on to the
 * next one.  Boundaries: ; : ( ) [ ] quotes, dashes, ! ?, and a comma that
 * is followed by a lowercase word (", with the cease-fire", ", also known
 * as"); a comma before a capitalised word ("Russia, Azerbaijan and Armenia")
 * is a list, not a boundary; a parenthetical remark is left out, not a
 * boundary.  Looking back, a comma becomes a boundary once
 * a verb of reporting lies between it and the date ("..., Akar said on
 * Nov. 5 at a reception": the clause is "Akar said at a reception").
 * A clause that opens with an auxiliary ("..., will carry passengers again
 * from April 7") gets the subject that opens the sentence, up to its first
 * comma ("The Saltmarsh railway line, closed since ...,"):
 * "Saltmarsh railway line will carry passengers again".
 * So does one that opens with a participle in -ed (", passed on 12 July
 * 1790,": "Civil Constitution of the Clergy passed").
 * "DATE when CLAUSE" (no comma between) dates the clause after "when".
 * The date and the words just before it that lead up to it ("on", "since",
 * "in the first", "on the night of") are removed;
 * leading connectives and articles are dropped ("The fighting ended" gives
 * "Fighting ended"); when nothing is left ("Two months later, the leaders
 * ..."), or nothing but function words and numbers ("However", "also"),
 * the next clause is taken, else the previous one, else the whole sentence,
 * date and all.  A headline of a single content word ("Insurgents") runs on
 * across commas and over parentheses to the next strong boundary.  The result is cut
 * after the last whole word that fits in 100 characters (code points), never
 * ending on a function word or punctuation, and its first letter is
 * capitalised (ASCII letters only).
 *
 * Bounded work per date: the rules look at most HEADLINE_REACH tokens either
 * side of the date (a clause longer than that, as in text that never ends a
 * sentence, is cut there; news prose never comes near it), the facts of a
 * token (its word classes, whether it says something, whether it ends a
 * clause) are worked out once when it is cut, and the events of one
 * sentence share its tokens (see window_tokens(); they are cut in
 * headline_tokens.c).  The last few headlines are remembered with the
 * tokens they were worked out from (the bytes, the shapes, the date's
 * place): a date whose tokens agree with one of them gets its headline
 * without the rules.  Text that repeats itself ("Nov. 5, Nov. 5, ...",
 * "in 2020 and 1999 and ...") finds, for each of its dates, a headline
 * remembered from the same place one period back, over the same span
 * shifted by the period.  Each memo keeps where its span was last seen
 * (the text's bytes and the cached tokens' numbers), and tl_hl_same()
 * keeps what is known of the text at that shift: a comparison then looks
 * only at what lies past the spans already found equal, so the bytes and
 * tokens of such a text are compared about once each, not once per date.
 * Where the span last seen has gone (its tokens dropped from the cache),
 * the memo's copies are compared.
 */
#include "events_internal.h"
#include "headline.h"

#define HEADLINE_REACH 64
/* Headlines remembered after misses in a row: see tl_headline(). */
#define MEMO_TRIES 64
#define MEMO_EVERY 16

/* The facts of word token k of text t that the rules ask of it: its word
 * classes, whether it says something, whether it starts lower-case and
 * whether the search for a clause's edge stops at it.  Worked out when a
 * rule first asks (see tok()): most words of a sentence lie outside the
 * clause of its date and are never asked about. */
static void word_facts(const char *t, tl_hl_tok *k)
{
	k->cls = tl_word_class(t + k->start, k->end - k->start);
	if (!(k->cls & TL_WORD_STOP)) { /* "However", "and", "2,500" say nothing */
		size_t j = k->start;
		while (j < k->end && t[j] >= '0' && t[j] <= '9')
			j++;
		k->content = j < k->end; /* a byte that is no digit */
	}
	k->lower = t[k->start] >= 'a' && t[k->start] <= 'z';
	k->edge = (k->cls & TL_WORD_SPEECH) != 0;
	k->facts = 1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Make sc->toks[0, sc->ntok) the tokens of window w of sentence s.  The
 * cache is reused when it holds the same sentence and the window starts at
 * or after the cached span's start and both its ends lie at white space (or
 * at the sentence's ends): tokens never hold white space and nothing a
 * token is made of looks past it, so cutting there gives the same tokens as
 * cutting the window alone.  Tokens before the window are dropped, tokens
 * up to its end added; each byte of a sentence is thus cut once however
 * many windows overlap it.  (The first token's space flag may differ from
 * a cut of the window alone; it is never read: see space_before().)
 */
static int window_tokens(tl_hl_scratch *sc, const char *t, tl_sentence s, tl_sentence w)
{
	int clean = (w.start == s.start || is_space(t[w.start - 1])) &&
	            (w.end == s.end || is_space(t[w.end]));
	if (sc->valid && clean && sc->text == t && sc->sentence.start == s.start &&
	    sc->sentence.end == s.end && w.start >= sc->cb && w.start <= sc->ce) {
		while (sc->first < sc->nbase && sc->base[sc->first].start < w.start)
			sc->first++;
		sc->cb = w.start;
		if (w.end > sc->ce) {
			if (tl_hl_tokenize(sc, t, sc->ce, w.end, 1))
				return TL_ENOMEM;
			sc->ce = w.end;
		}
		if (sc->first > 256 && sc->first > sc->nbase / 2) {
			/* the shape of the new base[0] needs the token before it */
			tl_hl_shapes(sc, sc->first < sc->nbase ? sc->first + 1 : sc->nbase);
			memmove(sc->base, sc->base + sc->first,
			        (sc->nbase - sc->first) * sizeof(*sc->base));
			memmove(sc->shape, sc->shape + sc->first,
			        (sc->nbase - sc->first) * sizeof(*sc->shape));
			sc->nbase -= sc->first;
			sc->nshaped -= sc->first;
			sc->abs0 += sc->first;
			sc->hint = sc->hint != SIZE_MAX && sc->hint >= sc->first
			               ? sc->hint - sc->first
			               : SIZE_MAX;
			sc->first = 0;
		}
	} else {
		sc->abs0 += sc->nbase; /* the new tokens get new numbers */
		sc->nbase = sc->first = sc->nshaped = 0;
		sc->hint = SIZE_MAX; /* no date seen in these tokens yet */
		sc->valid = 0;
		if (tl_hl_tokenize(sc, t, w.start, w.end, 0))
			return TL_ENOMEM;
		sc->text = t;
		sc->sentence = s;
		sc->cb = w.start;
		sc->ce = w.end;
		sc->valid = clean;
	}
	sc->toks = sc->base + sc->first;
	sc->shapes = sc->shape + sc->first;
	sc->ntok = sc->nbase - sc->first;
	while (sc->ntok > 0 && sc->toks[sc->ntok - 1].end > w.end)
		sc->ntok--;
	return 0;
}

/* A punctuation mark that always ends a clause. */
static int strong(const char *t, const tl_hl_tok *k)
{
	(void)t;
	return k->strong;
}

/* Token i of the window, with its facts worked out (a word's on the first
 * call for it).  The tokens are the scratch's own, so a const scratch
 * still lets them take their facts. */
static inline const tl_hl_tok *tok(const tl_hl_scratch *sc, const char *t, size_t i)
{
	tl_hl_tok *k = &sc->toks[i];
	if (!k->facts)
		word_facts(t, k);
	return k;
}

/* Is token i a word starting with a lowercase ASCII letter? */
static int lower_word(const tl_hl_scratch *sc, const char *t, size_t i)
{
	return i < sc->ntok && tok(sc, t, i)->lower;
}

/* Is token i the punctuation mark c? */
static int is_mark(const tl_hl_scratch *sc, const char *t, size_t i, char c)
{
	(void)t;
	return i < sc->ntok && sc->toks[i].mark == c;
}

/* The '(' that matches the ')' at token i, looking no further back than
 * `floor`; SIZE_MAX when there is none. */
static size_t open_paren(const tl_hl_scratch *sc, const char *t, size_t i, size_t floor)
{
	while (i-- > floor)
		if (is_mark(sc, t, i, '('))
			return i;
		else if (is_mark(sc, t, i, ')'))
			return SIZE_MAX;
	return SIZE_MAX;
}

/* The ')' that matches the '(' at token i, before token `ceil`; SIZE_MAX
 * when there is none. */
static size_t close_paren(const tl_hl_scratch *sc, const char *t, size_t i, size_t ceil)
{
	while (++i < ceil)
		if (is_mark(sc, t, i, ')'))
			return i;
		else if (is_mark(sc, t, i, '('))
			return SIZE_MAX;
	return SIZE_MAX;
}

/* First token of the clause that ends before token `to` (exclusive).  A
 * parenthetical remark is passed over, not a boundary. */
static size_t left_edge(const tl_hl_scratch *sc, const char *t, size_t to)
{
	int speech = 0;
	for (size_t i = to; i-- > 0;) {
		const tl_hl_tok *k = tok(sc, t, i);
		if (!k->edge)
			continue; /* the rules below pass over it */
		if (is_mark(sc, t, i, ')')) {
			size_t o = open_paren(sc, t, i, 0);
			if (o != SIZE_MAX) {
				i = o;
				continue;
			}
		}
		if (k->cls & TL_WORD_SPEECH)
			speech = 1;
		if (strong(t, k))
			return i + 1;
		if (k->mark == ',' && i + 1 < to && (speech || lower_word(sc, t, i + 1)))
			return i + 1;
	}
	return 0;
}

/* Token after the last one of the clause that starts at token `from`. */
static size_t right_edge(const tl_hl_scratch *sc, const char *t, size_t from)
{
	for (size_t i = from; i < sc->ntok; i++) {
		const tl_hl_tok *k = tok(sc, t, i);
		if (!k->edge)
			continue; /* the rules below pass over it */
		if (is_mark(sc, t, i, '(')) {
			size_t c = close_paren(sc, t, i, sc->ntok);
			if (c != SIZE_MAX) {
				i = c;
				continue;
			}
		}
		if (strong(t, k))
			return i;
		if (k->mark == ',' && lower_word(sc, t, i + 1))
			return i;
	}
	return sc->ntok;
}

/* Select tokens [from, to) into sc->sel, leaving out parenthetical
 * remarks. */
static int select_range(tl_hl_scratch *sc, const char *t, size_t from, size_t to)
{
	if (to > from && sc->nsel + (to - from) > sc->cap_sel &&
	    tl_grow((void **)&sc->sel, &sc->cap_sel, sc->nsel + (to - from), sizeof(*sc->sel)))
		return TL_ENOMEM;
	/* in locals: a store to sel[] could otherwise be the count */
	size_t *sel = sc->sel, n = sc->nsel;
	const tl_hl_tok *toks = sc->toks;
	for (size_t i = from; i < to; i++) {
		if (toks[i].mark == '(') {
			size_t c = close_paren(sc, t, i, to);
			if (c != SIZE_MAX) {
				i = c;
				continue;
			}
		}
		sel[n++] = i;
	}
	sc->nsel = n;
	return 0;
}

/* Drop selected tokens from the front while they are punctuation or words
 * of class cls, keeping at least one word. */
static void trim_front(tl_hl_scratch *sc, const char *t, unsigned cls)
{
	size_t k = 0, last = sc->nsel; /* the last word selected */
	while (last > 0 && !sc->toks[sc->sel[last - 1]].word)
		last--;
	while (k < sc->nsel) {
		const tl_hl_tok *tk = tok(sc, t, sc->sel[k]);
		if (!tk->word) {
			k++;
			continue;
		}
		if (k + 1 < last && (tk->cls & cls)) { /* another word follows */
			k++;
			continue;
		}
		break;
	}
	if (k) /* memmove() with a NULL array is undefined even for 0 bytes */
		memmove(sc->sel, sc->sel + k, (sc->nsel - k) * sizeof(*sc->sel));
	sc->nsel -= k;
}

/* Drop selected tokens from the back (down to `floor` of them) while they
 * are punctuation or words of class cls. */
static void trim_back(tl_hl_scratch *sc, const char *t, size_t floor, unsigned cls)
{
	while (sc->nsel > floor) {
		const tl_hl_tok *tk = tok(sc, t, sc->sel[sc->nsel - 1]);
		if (tk->word && !(tk->cls & cls))
			break;
		sc->nsel--;
	}
}

/* Is a word selected? */
static int any_word(const tl_hl_scratch *sc)
{
	for (size_t i = 0; i < sc->nsel; i++)
		if (sc->toks[sc->sel[i]].word)
			return 1;
	return 0;
}

/* Selected words that say something: not function words, not numbers
 * ("However", "and", "2,500" count for nothing); counting stops at most. */
static size_t count_content(const tl_hl_scratch *sc, const char *t, size_t most)
{
	size_t w = 0;
	for (size_t i = 0; i < sc->nsel && w < most; i++)
		w += tok(sc, t, sc->sel[i])->content;
	return w;
}

/* Does the clause starting at token L lack its subject?  It follows a comma
 * and opens with an auxiliary (", will carry") or a participle in -ed
 * (", closed since ...", ", passed on ..."). */
static int lacks_subject(const tl_hl_scratch *sc, const char *t, size_t L)
{
	if (L < 2 || L >= sc->ntok || sc->toks[L - 1].word || t[sc->toks[L - 1].start] != ',')
		return 0;
	const tl_hl_tok *k = tok(sc, t, L);
	if (k->cls & TL_WORD_AUX)
		return 1;
	size_t n = k->end - k->start;
	return lower_word(sc, t, L) && n >= 5 && t[k->end - 2] == 'e' && t[k->end - 1] == 'd';
}

/* Extend a short selection to the right across commas and over
 * parenthetical remarks, up to a strong boundary; the date [ta, tz) stays
 * out. */
static int extend_right(tl_hl_scratch *sc, const char *t, size_t ta, size_t tz)
{
	size_t k = sc->nsel ? sc->sel[sc->nsel - 1] + 1 : tz;
	if (k <= ta)
		k = tz; /* the selection ends before the date: go on after it */
	for (; k < sc->ntok; k++) {
		const tl_hl_tok *tk = &sc->toks[k];
		if (tk->mark == '(') {
			while (k < sc->ntok && sc->toks[k].mark != ')')
				k++;
			continue;
		}
		if (strong(t, tk))
			break;
		if (TL_VEC_PUSH(sc->sel, sc->nsel, sc->cap_sel, k))
			return TL_ENOMEM;
	}
	return 0;
}

/* Code points in t[a, b). */
static size_t cps(const char *t, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += ((unsigned char)t[i] & 0xC0) != 0x80;
	return n;
}

/* Is a space written before the i-th selected token?  Where there was one
 * in the text, and where a word follows a gap left by the date. */
static inline int space_before(const tl_hl_scratch *sc, size_t i)
{
	const tl_hl_tok *k = &sc->toks[sc->sel[i]];
	return i > 0 && (k->space || (k->word && sc->sel[i] != sc->sel[i - 1] + 1));
}

/* Do tokens a and b, next to each other in the text, read in the headline
 * as they stand in the text: nothing between them, or one space? */
static int verbatim(const char *t, const tl_hl_tok *a, const tl_hl_tok *b)
{
	return b->space ? b->start == a->end + 1 && t[a->end] == ' ' : b->start == a->end;
}

/* Write the selected tokens, with the length cut, into sc->out. */
static void emit(tl_hl_scratch *sc, const char *t)
{
	size_t total = 0, keep = 0;
	size_t need = 1; /* room for a space before every token, and the NUL */
	for (size_t i = 0; i < sc->nsel; i++) {
		const tl_hl_tok *k = &sc->toks[sc->sel[i]];
		total += (size_t)space_before(sc, i) +
		         (k->ascii ? k->end - k->start : cps(t, k->start, k->end));
		if (total > TL_HL_MAX)
			break;
		keep = i + 1;
		need += 1 + (k->end - k->start);
	}
	if (keep < sc->nsel)
		sc->nsel = keep;
	trim_back(sc, t, 1, TL_WORD_TAIL);
	trim_back(sc, t, 1, 0);
	sc->out.len = 0;
	if (sc->out.failed ||
	    (need > sc->out.cap && tl_grow((void **)&sc->out.data, &sc->out.cap, need, 1))) {
		sc->out.failed = 1;
		return;
	}
	char *o = sc->out.data;
	for (size_t i = 0; i < sc->nsel;) {
		if (space_before(sc, i))
			*o++ = ' ';
		/* a run of tokens that reads as the text does is copied whole */
		size_t j = i;
		while (j + 1 < sc->nsel && sc->sel[j + 1] == sc->sel[j] + 1 &&
		       verbatim(t, &sc->toks[sc->sel[j]], &sc->toks[sc->sel[j + 1]]))
			j++;
		size_t from = sc->toks[sc->sel[i]].start, to = sc->toks[sc->sel[j]].end;
		memcpy(o, t + from, to - from);
		o += to - from;
		i = j + 1;
	}
	*o = '\0';
	sc->out.len = (size_t)(o - sc->out.data);
	if (sc->out.data && sc->out.len && sc->out.data[0] >= 'a' && sc->out.data[0] <= 'z')
		sc->out.data[0] = (char)(sc->out.data[0] - 'a' + 'A');
}

/* How many tokens token_after() and token_from() step over one by one
 * from their hint before they search by halves: the next date of a
 * sentence mostly lies a few tokens on from the last. */
#define HINT_STEPS 8

/* The first token that does not end by byte a (tokens are in text order,
 * so their ends are sorted): by steps from token hint when the answer lies
 * just after it, else by a binary search.  Any hint gives the same
 * answer; SIZE_MAX is none. */
static size_t token_after(const tl_hl_scratch *sc, size_t hint, size_t a)
{
	size_t lo = 0, hi = sc->ntok;
	if (hint < hi && sc->toks[hint].end <= a) {
		lo = hint + 1;
		size_t lim = hi - lo > HINT_STEPS ? lo + HINT_STEPS : hi;
		while (lo < lim && sc->toks[lo].end <= a)
			lo++;
		if (lo < hi && sc->toks[lo].end > a)
			return lo; /* found by steps */
	} else if (hint < hi) {
		hi = hint; /* the answer is hint or a token before it */
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sc->toks[mid].end <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first token at or after token from that does not start before byte
 * z: by steps, then by a binary search. */
static size_t token_from(const tl_hl_scratch *sc, size_t from, size_t z)
{
	size_t lo = from, hi = sc->ntok;
	size_t lim = hi - lo > HINT_STEPS ? lo + HINT_STEPS : hi;
	while (lo < lim && sc->toks[lo].start < z)
		lo++;
	if (lo < lim)
		return lo;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sc->toks[mid].start < z)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The memo set of the tokens sc->toks[0, ntok) (ntok > 0) with the date
 * at [ta, tz) and nbytes bytes from the first token's start. */
static size_t memo_set(const tl_hl_scratch *sc, const char *t, size_t ta, size_t tz, size_t nbytes)
{
	size_t h = sc->ntok * 0x9E3779B1u ^ ta * 0x85EBCA77u ^ tz * 0xC2B2AE3Du ^
	           nbytes * 0x27D4EB2Fu ^ (unsigned char)t[sc->toks[0].start] * 0x165667B1u;
	if (ta < sc->ntok)
		h ^= (unsigned char)t[sc->toks[ta].start] * 0xD3A2646Cu;
	return (h ^ h >> 15 ^ h >> 27) % TL_HL_SETS;
}

/* Do the bytes of memo me equal t[sb, sb + me->nbytes)?  By what is
 * known of the text when me was last seen earlier in it, else (seen
 * later, or in another text: src SIZE_MAX) by its copy. */
static int same_bytes(tl_hl_scratch *sc, const tl_hl_memo *me, const char *t, size_t sb)
{
	if (me->src == sb)
		return 1;
	if (me->src < sb)
		return tl_hl_same(&sc->rep_bytes, t, 1, 0, sb, me->src, me->nbytes);
	return memcmp(me->bytes, t + sb, me->nbytes) == 0;
}

/* Do the shapes of memo me, after the first, equal those of sc->toks[1,
 * ntok), the first of which has number first?  By what is known of the
 * cached tokens when me was last seen among them, else by its copy. */
static int same_shapes(tl_hl_scratch *sc, const tl_hl_memo *me, size_t first)
{
	if (me->tsrc == first)
		return 1;
	if (me->tsrc < first && me->tsrc >= sc->abs0)
		return tl_hl_same(&sc->rep_shapes, sc->shape, sizeof(*sc->shape), sc->abs0,
		                  first + 1, me->tsrc + 1, sc->ntok - 1);
	return memcmp(me->shapes + 1, sc->shapes + 1, (sc->ntok - 1) * sizeof(*me->shapes)) == 0;
}

/* Make the memos' places in the text (src) and what is known of it refer
 * to text t: a new text forgets them. */
static void memo_text(tl_hl_scratch *sc, const char *t)
{
	if (sc->memo_text == t)
		return;
	for (size_t m = 0; sc->memo && m < TL_HL_MEMO; m++)
		sc->memo[m].src = SIZE_MAX;
	memset(&sc->rep_bytes, 0, sizeof(sc->rep_bytes));
	sc->memo_text = t;
}

/* The remembered headline worked out from the tokens sc->toks[0, ntok)
 * of text t with the date at [ta, tz), or NULL.  A headline found is
 * remembered as seen at these tokens. */
static tl_hl_memo *memo_find(tl_hl_scratch *sc, const char *t, size_t ta, size_t tz)
{
	if (sc->ntok == 0 || !sc->memo)
		return NULL;
	memo_text(sc, t);
	size_t sb = sc->toks[0].start, nbytes = sc->toks[sc->ntok - 1].end - sb + 1;
	size_t first = sc->abs0 + (size_t)(sc->toks - sc->base); /* the number of toks[0] */
	size_t set = memo_set(sc, t, ta, tz, nbytes);
	for (size_t way = 0; way < TL_HL_WAYS; way++) {
		tl_hl_memo *me = &sc->memo[set * TL_HL_WAYS + way];
		if (!me->valid || me->nshape != sc->ntok || me->ta != ta || me->tz != tz ||
		    me->nbytes != nbytes)
			continue;
		tl_hl_shapes(sc, sc->nbase); /* the window's and those after it */
		if (me->shapes[0] == (sc->shapes[0] & TL_HL_SHAPE_FIRST) &&
		    same_shapes(sc, me, first) && same_bytes(sc, me, t, sb)) {
			me->src = sb; /* seen here: the next comparison starts here */
			me->tsrc = first;
			return me;
		}
	}
	return NULL;
}

/* Remember the headline sc->out, worked out from the tokens
 * sc->toks[0, ntok) of text t with the date at [ta, tz).  Nothing is
 * remembered when memory runs out or the span is too long for the
 * shapes. */
static void memo_store(tl_hl_scratch *sc, const char *t, size_t ta, size_t tz)
{
	if (sc->ntok == 0)
		return;
	size_t sb = sc->toks[0].start, nbytes = sc->toks[sc->ntok - 1].end - sb + 1;
	if (!sc->memo && !(sc->memo = calloc(TL_HL_MEMO, sizeof(*sc->memo))))
		return;
	memo_text(sc, t);
	size_t set = memo_set(sc, t, ta, tz, nbytes);
	tl_hl_memo *me = &sc->memo[set * TL_HL_WAYS + sc->memo_next[set]];
	me->valid = 0;
	/* room for a sentence of news at the first store, so that a memo
	 * seldom grows again */
	if (nbytes > TL_HL_SHAPE_GAP ||
	    (nbytes > me->cap_bytes &&
	     tl_grow((void **)&me->bytes, &me->cap_bytes, nbytes > 512 ? nbytes : 512, 1)) ||
	    (sc->ntok > me->cap_shape &&
	     tl_grow((void **)&me->shapes, &me->cap_shape, sc->ntok > 64 ? sc->ntok : 64,
	             sizeof(*me->shapes))) ||
	    (sc->out.len > me->cap_out &&
	     tl_grow((void **)&me->out, &me->cap_out,
	             sc->out.len > TL_HL_MAX * 4 ? sc->out.len : TL_HL_MAX * 4, 1)))
		return;
	memcpy(me->bytes, t + sb, nbytes);
	me->nbytes = nbytes;
	tl_hl_shapes(sc, sc->nbase);
	memcpy(me->shapes, sc->shapes, sc->ntok * sizeof(*me->shapes));
	me->shapes[0] &= TL_HL_SHAPE_FIRST;
	me->nshape = sc->ntok;
	me->ta = ta;
	me->tz = tz;
	me->src = sb;
	me->tsrc = sc->abs0 + (size_t)(sc->toks - sc->base);
	if (sc->out.len)
		memcpy(me->out, sc->out.data, sc->out.len);
	me->len = sc->out.len;
	me->keep = NULL;
	me->valid = 1;
	sc->last = me;
	sc->memo_next[set] = (unsigned char)((sc->memo_next[set] + 1) % TL_HL_WAYS);
}

/* The headline rules (see the top of the file) on the tokens
 * sc->toks[0, ntok), the date at [ta, tz): the headline in sc->out.
 * TL_ENOMEM when memory runs out. */
static int headline_rules(tl_hl_scratch *sc, const char *t, size_t ta, size_t tz)
{
	size_t w = tz, said; /* said: count_content(sc, t, 2) of the selection */
	if (w < sc->ntok && sc->toks[w].word && sc->toks[w].end - sc->toks[w].start == 4 &&
	    strncmp(t + sc->toks[w].start, "when", 4) == 0) {
		/* "since 1991 when the army occupied ...": the clause after "when" */
		if (select_range(sc, t, w + 1, right_edge(sc, t, w + 1)))
			return TL_ENOMEM;
		said = count_content(sc, t, 2);
	} else {
		size_t L = left_edge(sc, t, ta), R = right_edge(sc, t, tz);
		if (lacks_subject(sc, t, L)) {
			/* ", will carry passengers": the subject is what opens the
			 * sentence (or the text after the last strong boundary), up to
			 * its first comma */
			size_t L2 = L - 1, c;
			while (L2 > 0 && !strong(t, &sc->toks[L2 - 1]))
				L2--;
			c = L2;
			while (c < L - 1 && sc->toks[c].mark != ',')
				c++;
			if (select_range(sc, t, L2, c))
				return TL_ENOMEM;
		}
		if (select_range(sc, t, L, ta))
			return TL_ENOMEM;
		unsigned lead = TL_WORD_PREP | TL_WORD_ARTICLE | TL_WORD_LEADIN;
		/* "on the night of DATE": the stretch of time goes with the date */
		if (sc->nsel >= 2 &&
		    sc->toks[sc->sel[sc->nsel - 1]].end - sc->toks[sc->sel[sc->nsel - 1]].start ==
		        2 &&
		    strncmp(t + sc->toks[sc->sel[sc->nsel - 1]].start, "of", 2) == 0 &&
		    (tok(sc, t, sc->sel[sc->nsel - 2])->cls & TL_WORD_TIMENOUN))
			sc->nsel -= 2, lead |= TL_WORD_TIMENOUN;
		trim_back(sc, t, 0, lead);
		if (select_range(sc, t, tz, R))
			return TL_ENOMEM;
		said = count_content(sc, t, 2);
		if (said == 0 && R < sc->ntok) {
			sc->nsel = 0; /* the date stood alone: take the next clause */
			if (select_range(sc, t, R + 1, right_edge(sc, t, R + 1)))
				return TL_ENOMEM;
			said = count_content(sc, t, 2);
		}
		if (said == 0 && L > 0) {
			sc->nsel = 0; /* ... or the previous one */
			if (select_range(sc, t, left_edge(sc, t, L - 1), L - 1))
				return TL_ENOMEM;
			said = count_content(sc, t, 2);
		}
	}
	if (said == 1 && extend_right(sc, t, ta, tz))
		return TL_ENOMEM; /* "Insurgents, supported by ..., assailed the Tuileries" */
	if (!any_word(sc)) {
		sc->nsel = 0; /* nothing but the date: the sentence as it is */
		if (select_range(sc, t, 0, sc->ntok))
			return TL_ENOMEM;
	}
	trim_front(sc, t, TL_WORD_CONNECT | TL_WORD_PREP | TL_WORD_ARTICLE);
	emit(sc, t);
	return sc->out.failed ? TL_ENOMEM : 0;
}

const char *tl_headline(tl_hl_scratch *sc, const char *t, tl_sentence s, tl_sentence win, size_t a,
                        size_t z, size_t *len)
{
	*len = 0;
	sc->nsel = 0;
	sc->last = NULL;
	if (window_tokens(sc, t, s, win))
		return NULL;
	/* the last date's first token, in the window's numbering */
	size_t hint =
	    sc->hint != SIZE_MAX && sc->hint >= sc->first ? sc->hint - sc->first : SIZE_MAX;
	size_t ta = token_after(sc, hint, a), tz = token_from(sc, ta, z);
	sc->hint = sc->first + ta;
	/* the rules see at most HEADLINE_REACH tokens either side of the date */
	size_t lo = ta > HEADLINE_REACH ? ta - HEADLINE_REACH : 0;
	if (sc->ntok - tz > HEADLINE_REACH)
		sc->ntok = tz + HEADLINE_REACH;
	sc->toks += lo;
	sc->shapes += lo;
	sc->ntok -= lo;
	ta -= lo;
	tz -= lo;
	/* text that repeats itself gives its dates the same tokens around
	 * them, and so the same headline */
	tl_hl_memo *me = memo_find(sc, t, ta, tz);
	sc->last = me;
	if (me) {
		sc->misses = 0;
		*len = me->len;
		return me->len ? me->out : "";
	}
	if (headline_rules(sc, t, ta, tz))
		return NULL;
	/* text that does not repeat itself (prose) seldom finds a headline
	 * remembered: after MEMO_TRIES misses in a row, only every
	 * MEMO_EVERY-th is remembered, enough to find a repeat that starts */
	if (sc->misses < MEMO_TRIES || sc->misses % MEMO_EVERY == 0)
		memo_store(sc, t, ta, tz);
	if (sc->misses < SIZE_MAX)
		sc->misses++;
	*len = sc->out.len;
	return sc->out.len ? sc->out.data : "";
}

void tl_hl_scratch_free(tl_hl_scratch *sc)
{
	free(sc->base);
	free(sc->shape);
	free(sc->sel);
	tl_buf_free(&sc->out);
	for (size_t m = 0; sc->memo && m < TL_HL_MEMO; m++) {
		free(sc->memo[m].bytes);
		free(sc->memo[m].shapes);
		free(sc->memo[m].out);
	}
	free(sc->memo);
	memset(sc, 0, sizeof(*sc));
}
