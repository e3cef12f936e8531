/*
 * match.c - the matcher: tokens of one chunk to mentions, left to right.
 *
 * At each token the driver rejects in one test what cannot start a temporal
 * expression (a word that is not in the tables, most punctuation).  Where
 * something may start, it reads an optional modifier ("early", "nearly",
 * "the end of") and an optional "the", then tries the rules (match_date.c,
 * match_year.c, match_rel.c, match_dur.c, match_time.c) and keeps the
 * longest match.
 * Matching resumes after it.
 * The rules only read tokens; they never allocate.
 */
#include "match.h"

#include <ctype.h>

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* Whether token i opens a sentence: the first of its chunk (a line, or a
 * paragraph of wrapped lines: lib/wrap.c), or after a
 * sentence end (". ! ?", a colon), a quote or a bracket between. */
int tl_m_sentence_start(const tl_mctx *c, size_t i)
{
	size_t k = i;
	if (c->t[k].flags & TF_NL)
		return 1;
	while (k > 0 && (tl_m_punct(c, k - 1, '\'') || tl_m_punct(c, k - 1, '"') ||
	                 tl_m_punct(c, k - 1, '(')))
		k--;
	if (k == 0 || (c->t[k].flags & TF_NL))
		return 1;
	return tl_m_punct(c, k - 1, '.') || tl_m_punct(c, k - 1, '!') ||
	       tl_m_punct(c, k - 1, '?') || tl_m_punct(c, k - 1, ':');
}

/* A digit number standing alone (not a decimal, grouped or signed amount). */
static int plain_num(const tl_mctx *c, size_t i)
{
	if (i >= c->n || c->t[i].kind != TK_NUM)
		return 0;
	if (tl_m_glued(c, i + 1) && (tl_m_punct(c, i + 1, '.') || tl_m_punct(c, i + 1, ',')) &&
	    tl_m_glued(c, i + 2) && i + 2 < c->n && c->t[i + 2].kind == TK_NUM)
		return 0;
	if (i >= 2 && tl_m_glued(c, i) &&
	    (tl_m_punct(c, i - 1, '.') || tl_m_punct(c, i - 1, ',')) && tl_m_glued(c, i - 1) &&
	    c->t[i - 2].kind == TK_NUM)
		return 0;
	if (i >= 1 && tl_m_glued(c, i) &&
	    (tl_m_punct(c, i - 1, '$') || tl_m_punct(c, i - 1, '#') || tl_m_punct(c, i - 1, '+')))
		return 0;
	if (tl_m_glued(c, i + 1) && tl_m_punct(c, i + 1, '%'))
		return 0;
	return 1;
}

/* The last token of a number grouped by commas at i ("2,500", "12,000",
 * "1,000,000"), its value in *val; 0 when the digits at i are no such
 * number (no group, a decimal or a percentage follows, or a sign or
 * another number is glued before). */
static size_t grouped_last(const tl_mctx *c, size_t i, int64_t *val)
{
	if (i + 2 >= c->n || c->t[i].kind != TK_NUM || c->t[i].ndig > 3 ||
	    !tl_m_punct(c, i + 1, ',') || !tl_m_glued(c, i + 1) || !tl_m_glued(c, i + 2) ||
	    c->t[i + 2].kind != TK_NUM || c->t[i + 2].ndig != 3)
		return 0;
	if (i > 0 && tl_m_glued(c, i) &&
	    (c->t[i - 1].kind == TK_NUM || tl_m_punct(c, i - 1, '$') || tl_m_punct(c, i - 1, '.') ||
	     tl_m_punct(c, i - 1, ',') || tl_m_punct(c, i - 1, '#') || tl_m_punct(c, i - 1, '+')))
		return 0; /* "$2,500", "1.2,500" */
	int64_t v = c->t[i].num;
	size_t k = i;
	while (k + 2 < c->n && tl_m_punct(c, k + 1, ',') && tl_m_glued(c, k + 1) &&
	       tl_m_glued(c, k + 2) && c->t[k + 2].kind == TK_NUM && c->t[k + 2].ndig == 3) {
		if (v > INT64_MAX / 1000 - 1000)
			return 0;
		v = v * 1000 + c->t[k + 2].num;
		k += 2;
	}
	if (tl_m_glued(c, k + 1) &&
	    (tl_m_punct(c, k + 1, '%') ||
	     ((tl_m_punct(c, k + 1, '.') || tl_m_punct(c, k + 1, ',')) && k + 2 < c->n &&
	      tl_m_glued(c, k + 2) && c->t[k + 2].kind == TK_NUM)))
		return 0; /* "1,000.5", "2,500%", "1,000,00" */
	*val = v;
	return k;
}

/* A cardinal number in digits or words. */
size_t tl_m_number(const tl_mctx *c, size_t i, int64_t *val)
{
	if (i >= c->n)
		return 0;
	if (c->t[i].kind == TK_NUM) {
		if (c->t[i].ndig <= 3 && i + 2 < c->n && c->t[i + 1].kind == TK_PUNCT &&
		    c->t[i + 1].punct == ',' && c->t[i + 2].kind == TK_NUM &&
		    tl_m_glued(c, i + 2)) {
			size_t g = grouped_last(c, i, val);
			if (g)
				return g + 1;
		}
		if (!plain_num(c, i))
			return 0;
		*val = c->t[i].num;
		return i + 1;
	}
	const tl_word *w = tl_m_word(c, i, W_NUMBER);
	if (!w)
		return 0;
	int64_t v = w->val;
	size_t j = i + 1;
	if (v >= 20 && v <= 90 && v % 10 == 0) {
		size_t k = tl_m_punct(c, j, '-') && tl_m_glued(c, j) ? j + 1 : j;
		const tl_word *u = tl_m_word(c, k, W_NUMBER);
		if (u && u->val >= 1 && u->val <= 9) {
			v += u->val;
			j = k + 1;
		}
	}
	if (v < 100 && tl_m_is(c, j, W_NUMBER, 100)) {
		v *= 100;
		j++;
	}
	*val = v;
	return j;
}

/* An ordinal: "5th", "fifth", "twenty-first". */
size_t tl_m_ordinal(const tl_mctx *c, size_t i, int64_t *val)
{
	if (i >= c->n)
		return 0;
	if (c->t[i].kind == TK_NUM && c->t[i].ndig <= 3 && tl_m_glued(c, i + 1) &&
	    (tl_m_lit(c, i + 1, "st") || tl_m_lit(c, i + 1, "nd") || tl_m_lit(c, i + 1, "rd") ||
	     tl_m_lit(c, i + 1, "th"))) {
		*val = c->t[i].num;
		return i + 2;
	}
	const tl_word *w = tl_m_word(c, i, W_ORDINAL);
	if (w) {
		*val = w->val;
		return i + 1;
	}
	w = tl_m_word(c, i, W_NUMBER);
	if (w && w->val >= 20 && w->val <= 90 && w->val % 10 == 0) {
		size_t k = tl_m_punct(c, i + 1, '-') ? i + 2 : i + 1;
		const tl_word *u = tl_m_word(c, k, W_ORDINAL);
		if (u && u->val <= 9) {
			*val = w->val + u->val;
			return k + 1;
		}
	}
	return 0;
}

/* A unit word at i. */
int tl_m_unit(const tl_mctx *c, size_t i, int *plural)
{
	const tl_word *w = tl_m_word(c, i, W_UNIT);
	if (!w)
		return 0;
	if (plural)
		*plural = (w->flags & WF_PLURAL) != 0;
	return w->val;
}

/* Read a modifier prefix at i; returns the index after it (i when none). */
static size_t prefix_mod(const tl_mctx *c, size_t i, int *mod, int *datemod)
{
	size_t k = i;
	int the = 0;
	/* a prefix starts with "the", "at" or a modifier, in either reading */
	const tl_word *f = i < c->n && c->t[i].kind == TK_WORD ? c->t[i].w : NULL;
	*datemod = 0;
	if (!f || (f->cls != W_FUNC && f->cls != W_MOD && !(f->flags & WF_TWO)))
		return i;
	if (tl_m_is(c, k, W_FUNC, F_THE)) {
		the = 1;
		k++;
	}
	const tl_word *w = tl_m_word(c, k, W_MOD);
	*datemod = 0;
	if (!w && !the && tl_m_is(c, k, W_FUNC, F_AT) &&
	    (tl_m_is(c, k + 1, W_MOD, M_LEAST) || tl_m_is(c, k + 1, W_MOD, M_MOST))) {
		*mod =
		    tl_m_is(c, k + 1, W_MOD, M_LEAST) ? TL_MOD_EQUAL_OR_MORE : TL_MOD_EQUAL_OR_LESS;
		return k + 2;
	}
	if (!w)
		return i;
	if (w->val == M_NO) { /* "no more than", "no less than" */
		const tl_word *x = tl_m_word(c, k + 1, W_MOD);
		if (the || !x || !tl_m_is(c, k + 2, W_FUNC, F_THAN) ||
		    (x->val != M_MORE && x->val != M_LESS))
			return i;
		*mod = x->val == M_MORE ? TL_MOD_EQUAL_OR_LESS : TL_MOD_EQUAL_OR_MORE;
		return k + 3;
	}
	switch (w->val) {
	case M_EARLY:
	case M_MID:
	case M_LATE:
		*mod = w->val == M_EARLY ? TL_MOD_START : w->val == M_MID ? TL_MOD_MID : TL_MOD_END;
		*datemod = the && !tl_m_lit(c, k + 1, "part") ? 2 : 1; /* 2: "the" must belong */
		k++;
		if (tl_m_lit(c, k, "part") && tl_m_is(c, k + 1, W_FUNC, F_OF))
			return k + 2;
		if (tl_m_punct(c, k, '-') && tl_m_glued(c, k))
			k++;
		return k;
	case M_END:
	case M_BEGINNING:
	case M_MIDDLE:
		if (!tl_m_is(c, k + 1, W_FUNC, F_OF))
			return i;
		*mod = w->val == M_END      ? TL_MOD_END
		       : w->val == M_MIDDLE ? TL_MOD_MID
		                            : TL_MOD_START;
		*datemod = 1;
		return k + 2;
	default:
		break;
	}
	if (the)
		return i;
	switch (w->val) {
	case M_APPROX:
	case M_ALMOST:
		*mod = TL_MOD_APPROX;
		return k + 1;
	case M_MORE:
	case M_LESS:
		if (w->val == M_MORE && tl_m_lit(c, k, "over")) {
			/* "over two years", not "over the past year" */
			int64_t v;
			if (!(tl_m_number(c, k + 1, &v) || tl_m_is(c, k + 1, W_FUNC, F_A)))
				return i;
			*mod = TL_MOD_MORE_THAN;
			return k + 1;
		}
		if (tl_m_lit(c, k, "under")) {
			*mod = TL_MOD_LESS_THAN;
			return k + 1;
		}
		if (!tl_m_is(c, k + 1, W_FUNC, F_THAN))
			return i;
		*mod = w->val == M_MORE ? TL_MOD_MORE_THAN : TL_MOD_LESS_THAN;
		return k + 2;
	case M_UP:
		if (!tl_m_is(c, k + 1, W_FUNC, F_TO))
			return i;
		*mod = TL_MOD_EQUAL_OR_LESS;
		return k + 2;
	default:
		break;
	}
	if (tl_m_is(c, k, W_FUNC, F_AT) && tl_m_is(c, k + 1, W_MOD, M_LEAST)) {
		*mod = TL_MOD_EQUAL_OR_MORE;
		return k + 2;
	}
	return i;
}

/* The rules, in the order they are tried; the longest match wins. */
static size_t (*const rules[])(const tl_mctx *, size_t, tl_ment *) = {
    tl_r_calendar, tl_r_numeric, tl_r_year,     tl_r_part, tl_r_time,
    tl_r_relative, tl_r_deictic, tl_r_duration, tl_r_set,
};

enum {
	R_CAL = 1 << 0,
	R_NUMERIC = 1 << 1,
	R_YEAR = 1 << 2,
	R_PART = 1 << 3,
	R_TIME = 1 << 4,
	R_REL = 1 << 5,
	R_DEIC = 1 << 6,
	R_DUR = 1 << 7,
	R_SET = 1 << 8
};

/* Whether token i may follow the amount "a" or "an" in a duration or a
 * relative date: a word of the tables (the unit, "dozen", "few"), '-' ("a
 * 30-year") or a word of the length of an adjective of tl_m_dur_adj() ("a
 * straight week").  Those rules read nothing else after such an amount
 * (digits: digits_go_on()). */
static int amount_goes_on(const tl_mctx *c, size_t i)
{
	if (i >= c->n)
		return 0;
	const tl_tok *u = &c->t[i];
	if (u->kind == TK_PUNCT)
		return u->punct == '-';
	if (u->kind != TK_WORD)
		return 0;
	if (u->w)
		return 1;
	size_t len = u->e - u->b - ((u->flags & TF_PERIOD) ? 1 : 0);
	return len >= 7 && len <= 11; /* "trading" .. "consecutive" */
}

/* Whether the digits at i begin a number grouped by commas that a unit
 * or a dash follows ("2,500 years", "1,000-year-old"): the few amounts
 * in groups, kept apart from digits_go_on() and out of line, as rare. */
static NOINLINE int grouped_unit(const tl_mctx *c, size_t i)
{
	int64_t v;
	if (i + 2 >= c->n || c->t[i + 2].ndig != 3 || !tl_m_glued(c, i + 2))
		return 0; /* "Nov. 5, 2021" */
	size_t g = grouped_last(c, i, &v);
	return g &&
	       (tl_m_word(c, g + 1, W_UNIT) || (tl_m_punct(c, g + 1, '-') && tl_m_glued(c, g + 1)));
}

/* Whether the rules that read an amount (a relative date, a duration, a
 * set) may read on after the digits at token i: after such an amount they
 * read a unit, '-' ("30-year"), " 1/2" ("2 1/2 years"), an adjective of tl_m_dur_adj(), "to" and
 * "or" ("five to six years"), "times", and "and" only as "and a half" or in
 * "between 60 and 90 days". */
static int digits_go_on(const tl_mctx *c, size_t i)
{
	size_t k = i + 1;
	if (k >= c->n)
		return 0;
	const tl_tok *u = &c->t[k];
	if (u->kind == TK_PUNCT)
		return u->punct == '-';
	if (u->kind == TK_NUM) /* "2 1/2 years" */
		return u->num == 1 && u->ndig == 1 && k + 2 < c->n && tl_m_punct(c, k + 1, '/') &&
		       tl_m_glued(c, k + 1) && tl_m_glued(c, k + 2) && c->t[k + 2].kind == TK_NUM &&
		       c->t[k + 2].num == 2 && c->t[k + 2].ndig == 1;
	if (u->kind != TK_WORD)
		return 0;
	if (!u->w) {
		size_t len = u->e - u->b - ((u->flags & TF_PERIOD) ? 1 : 0);
		return len >= 7 && len <= 11; /* "trading" .. "consecutive" */
	}
	if (tl_m_is(c, k, W_FUNC, F_AND))
		return tl_m_is(c, k + 1, W_FUNC, F_A) || tl_m_is(c, k + 1, W_FUNC, F_HALF) ||
		       (i > 0 && tl_m_is(c, i - 1, W_FUNC, F_BETWEEN));
	return tl_m_word(c, k, W_UNIT) || tl_m_is(c, k, W_FUNC, F_TO) ||
	       tl_m_is(c, k, W_FUNC, F_OR) || tl_m_is(c, k, W_SETW, SW_TIMES);
}

/* The rules that may match at the digits at token i (see rule_mask()):
 * kept out of rule_mask(), whose words are most of its calls. */
static NOINLINE unsigned num_mask(const tl_mctx *c, size_t i)
{
	const tl_tok *t = &c->t[i];
	unsigned r = R_CAL | R_YEAR;
	const tl_tok *u = i + 1 < c->n ? &c->t[i + 1] : NULL;
	char p = u && u->kind == TK_PUNCT ? u->punct : 0;
	/* a numeric date starts with digits, a glued '-', '/' or '.' and
	 * two more numbers (tl_r_numeric()) */
	if (i + 4 < c->n && (p == '-' || p == '/' || p == '.') && tl_m_glued(c, i + 1))
		r |= R_NUMERIC;
	/* a clock time is one or two digits, or four ("0800 UTC"), before
	 * ':' or '.' ("14:30") or a word ("5 p.m.", "3 o'clock"; tl_r_time()) */
	if ((t->ndig <= 2 || t->ndig == 4) && u && (p == ':' || p == '.' || u->kind == TK_WORD))
		r |= R_TIME;
	/* a part of the year starts at digits only as an ordinal ("3rd
	 * quarter", "20th century": tl_m_ordinal()) */
	if (t->ndig <= 3 && i + 1 < c->n && c->t[i + 1].kind == TK_WORD && tl_m_glued(c, i + 1))
		r |= R_PART;
	if (digits_go_on(c, i) && plain_num(c, i))
		r |= R_REL | R_DUR | R_SET;
	else if (p == ',' && t->ndig <= 3 && grouped_unit(c, i))
		r |= R_REL | R_DUR | R_SET; /* "2,500 years" */
	return r;
}

/* The rules that may match at token i, judged from its first token alone:
 * the dispatch that keeps most tokens to one table test. */
static unsigned rule_mask(const tl_mctx *c, size_t i)
{
	const tl_tok *t = &c->t[i];
	if (t->kind == TK_NUM)
		return num_mask(c, i);
	if (t->kind == TK_PUNCT)
		return t->punct == '\'' ? R_YEAR : 0;
	if (!t->w) {
		/* "Q3", "H1" */
		if (t->e - t->b == 1 && (c->text[t->b] == 'Q' || c->text[t->b] == 'H') &&
		    i + 1 < c->n && c->t[i + 1].kind == TK_NUM)
			return R_PART;
		return 0;
	}
	switch (t->w->cls) {
	case W_MONTH:
		return R_CAL;
	case W_WEEKDAY:
		return R_CAL | R_SET;
	case W_UNIT: {
		unsigned year = t->w->val == U_YEAR ? R_PART : 0; /* "the year 2000" */
		if (t->w->flags & (WF_PLURAL | WF_TWO))
			return R_REL | R_DUR | year;
		/* a unit alone and singular is no duration, and a relative date
		 * only after "the" ("the day before", "the end of the year") or
		 * as "year end", "year-end" */
		return ((i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE)) ||
		                (year && (tl_m_lit(c, i + 1, "end") ||
		                          (tl_m_punct(c, i + 1, '-') && tl_m_lit(c, i + 2, "end"))))
		            ? R_REL
		            : 0) |
		       year;
	}
	case W_NUMBER:
		return R_REL | R_DUR | R_SET | R_CAL | R_PART;
	case W_ORDINAL: /* a duration only as "the first nine months" */
		return R_CAL | R_PART | (t->w->val == 1 ? R_DUR : 0);
	case W_SEASON:
	case W_HOLIDAY:
	case W_DECADE:
		return R_PART;
	case W_POD:
		return R_TIME;
	case W_DEICTIC:
		return R_DEIC;
	case W_REL: /* deictic only as "the past" */
		return R_REL |
		       ((t->w->flags & WF_TWO) || (i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE))
		            ? R_DEIC
		            : 0);
	case W_DIR:
		return t->w->val == DIR_EARLIER || t->w->val == DIR_LATER ? R_REL | R_DEIC : 0;
	case W_MOD:
		return t->w->val == M_APPROX ? R_DUR | R_REL : 0;
	case W_SETW:
		return R_SET;
	case W_FUNC:
		switch (t->w->val) {
		case F_A: { /* never a set: "three times a week" starts at "three" */
			unsigned r = amount_goes_on(c, i + 1) ? R_REL | R_DUR : 0;
			if ((t->flags & TF_PERIOD) && tl_m_era_prefix(c, i))
				r |= R_YEAR; /* "A.D. 1066" */
			return r;
		}
		case F_AD: /* "AD 79" */
			return tl_m_era_prefix(c, i) ? R_YEAR : 0;
		case F_HALF:
			return R_DUR;
		case F_FISCAL:
			return R_PART;
		case F_SEVERAL:
			return R_REL | R_DUR;
		case F_TERM:
		case F_TIME:
			return R_DEIC;
		default:
			return 0;
		}
	default:
		return 0;
	}
}

/* The index of the lowest bit set in x (x != 0). */
static inline unsigned lowest_bit(unsigned x)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctz(x);
#else
	unsigned r = 0;
	for (; !(x & 1); x >>= 1)
		r++;
	return r;
#endif
}

/* Try the rules of mask (rule_mask() at i) at i; the longest match in *m,
 * its end returned (0: none; *m is then undefined).  Each rule fills a
 * zeroed mention: the winner so far stays where it was written and the
 * next rule writes into the other of *m and a local one. */
static size_t core(const tl_mctx *c, size_t i, tl_ment *m, unsigned mask)
{
	size_t best = 0;
	tl_ment tmp, *cur = m, *won = NULL;
	if (i >= c->n)
		return 0;
	mask &= (1u << (sizeof(rules) / sizeof(rules[0]))) - 1;
	for (; mask; mask &= mask - 1) { /* the rules of mask, lowest bit first */
		unsigned r = lowest_bit(mask);
		memset(cur, 0, sizeof(*cur));
		size_t j = rules[r](c, i, cur);
		if (j > best) {
			best = j;
			won = cur;
			cur = cur == m ? &tmp : m;
		}
	}
	if (won && won != m)
		*m = *won;
	return best;
}

/* The rules that may match at i (rule_mask()), or 0 when no rule may;
 * *start: whether token i can start a temporal expression at all: a rule,
 * a modifier ("early", "at least") or "the" before one. */
static unsigned may_start(const tl_mctx *c, size_t i, int *start)
{
	const tl_tok *t = &c->t[i];
	unsigned mask = rule_mask(c, i);
	*start = mask != 0;
	if (t->kind == TK_WORD && t->w) {
		if (t->w->cls == W_MOD)
			*start = 1;
		else if (t->w->cls == W_FUNC && (t->w->val == F_THE || t->w->val == F_AT))
			*start = i + 1 < c->n && (c->t[i + 1].w || c->t[i + 1].kind == TK_NUM ||
			                          c->t[i + 1].kind == TK_PUNCT);
	}
	return mask;
}

/* Match at i, whose rule_mask() is mask: modifier, "the", rule.  Returns
 * the end or 0; on a match *m is filled whole (a copy of one a rule filled
 * from zero). */
static size_t match_at(const tl_mctx *c, size_t i, tl_ment *m, unsigned mask)
{
	int mod = 0, datemod = 0;
	size_t k = prefix_mod(c, i, &mod, &datemod);
	if (k > i) {
		size_t j = k < c->n ? match_at(c, k, m, rule_mask(c, k)) : 0;
		if (j && datemod == 2 && !m->the_ok)
			return 0;
		if (j && (!datemod || m->kind == MK_DATE || m->kind == MK_REL ||
		          m->kind == MK_TIME || m->kind == MK_DEICTIC)) {
			if (!datemod && m->kind != MK_DUR && m->kind != MK_TIME &&
			    m->kind != MK_DATE && m->kind != MK_REL)
				return 0;
			if (!m->mod || datemod)
				m->mod = (uint8_t)mod;
			m->tok0 = (tl_off)i;
			if (datemod)
				m->latent = 0;
			return j;
		}
		if (datemod && tl_m_is(c, i, W_FUNC, F_THE))
			return 0;
	}
	size_t j = core(c, i, m, mask);
	if (tl_m_is(c, i, W_FUNC, F_THE) && i + 1 < c->n) {
		tl_ment t2;
		size_t j2 = core(c, i + 1, &t2, rule_mask(c, i + 1));
		if (j2 > j && t2.the_ok) {
			*m = t2;
			m->tok0 = (tl_off)i;
			return j2;
		}
	}
	if (j)
		m->tok0 = (tl_off)i;
	return j;
}

/* Match the current chunk. */
int tl_match_chunk(tl_engine *e)
{
	tl_amount_memo amount = {0};
	tl_mctx c = {e->scan.toks, e->scan.ntok, e->scan.text, e->scan.tab, e->parser, &amount};
	/* only the scanner's candidates can start a match: a word outside the
	 * tables (other than a single letter: "Q3") or punctuation other than
	 * '\'' ("'90s") cannot */
	const tl_off *cand = e->scan.cand;
	size_t nc = e->scan.ncand, k = 0;
	for (size_t i = 0; i < c.n;) {
		while (k < nc && cand[k] < i)
			k++;
		if (k == nc)
			break;
		i = cand[k];
		int start;
		unsigned mask = may_start(&c, i, &start);
		if (!start) {
			i++;
			continue;
		}
		tl_ment m; /* match_at fills it whole (from a zeroed one) on a match */
		size_t j = match_at(&c, i, &m, mask);
		if (!j) {
			i++;
			continue;
		}
		m.tok1 = (tl_off)j;
		m.b = c.t[m.tok0].b;
		m.cb = c.t[m.tok0].cb;
		m.e = c.t[j - 1].e;
		m.ce = c.t[j - 1].ce;
		m.partner = -1;
		m.paren = (uint8_t)(m.tok0 > 0 && tl_m_punct(&c, m.tok0 - 1, '(') &&
		                    tl_m_punct(&c, j, ')'));
		if (TL_VEC_PUSH(e->m, e->nm, e->capm, m))
			return TL_ENOMEM;
		i = j;
	}
	return 0;
}
