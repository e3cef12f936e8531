/*
 * match.h - token tests shared by the rule files (match.c, match_date.c,
 * match_year.c, match_rel.c, match_dur.c, match_time.c).  Internal to the
 * engine.
 */
#ifndef TL_MATCH_H
#define TL_MATCH_H

#include "engine.h"

/**
 * The last amount read (tl_m_amount), kept for the next rule that reads one
 * at the same token: the relative, duration and set rules all start with
 * an amount.  Valid for one chunk (tl_match_chunk clears it).
 */
typedef struct tl_amount_memo {
	int valid;     /* 0: nothing kept */
	size_t i, end; /* the amount at token i ends before `end` (0: none) */
	int64_t n;     /* the number, written out when n_set */
	int n_set;
	int vague, frac; /* as tl_m_amount() */
} tl_amount_memo;

/** The tokens of one chunk, as the rules see them. */
typedef struct tl_mctx {
	const tl_tok *t;
	size_t n;
	const char *text;
	const tl_wordtab *tab;
	const tl_parser *parser;
	tl_amount_memo *amount; /* owned by the caller; NULL: none kept */
} tl_mctx;

/*
 * tl_m_word() and tl_m_is() are the rules' most frequent calls (millions on a
 * few megabytes of text), so they are inline: the common answer, "not a word
 * of that class", then costs a few instructions and no call.
 */

/** Word entry of token i of class cls (second readings included), or NULL. */
static inline const tl_word *tl_m_word(const tl_mctx *c, size_t i, int cls)
{
	if (i >= c->n || c->t[i].kind != TK_WORD || !c->t[i].w)
		return NULL;
	const tl_word *w = c->t[i].w;
	if (w->cls != cls) {
		if (!(w->flags & WF_TWO)) /* see tl_wordtab_next() */
			return NULL;
		w++;
		if (w->cls != cls)
			return NULL;
	}
	if ((w->flags & WF_CAP) && !(c->t[i].flags & TF_CAP))
		return NULL;
	/* an abbreviation in capitals must not be an all-caps acronym ("SAT", "MAR") */
	if ((w->flags & WF_ABBR) && (c->t[i].flags & TF_UPPER) && !(c->t[i].flags & TF_PERIOD) &&
	    cls != W_TZ)
		return NULL;
	return w;
}

/** 1 when token i is a word of class cls and value val (any value if val < 0). */
static inline int tl_m_is(const tl_mctx *c, size_t i, int cls, int val)
{
	const tl_word *w = tl_m_word(c, i, cls);
	return w && (val < 0 || w->val == val);
}
/** 1 when token i is the punctuation character ch (inline: a frequent test). */
static inline int tl_m_punct(const tl_mctx *c, size_t i, char ch)
{
	return i < c->n && c->t[i].kind == TK_PUNCT && c->t[i].punct == ch;
}
/** 1 when token i touches the token before it (no white space between). */
static inline int tl_m_glued(const tl_mctx *c, size_t i)
{
	return i < c->n && !(c->t[i].flags & (TF_SPACE | TF_NL));
}
/** 1 when token i opens a sentence (first of its line, or after ". ! ? :"). */
int tl_m_sentence_start(const tl_mctx *c, size_t i);
/**
 * 1 when token i is the word s (s lower case, ASCII; the token in any case,
 * a period it kept not counted).  Inline: a frequent test; no strlen(s),
 * the literal's end is its '\0' after the token's characters.
 */
static inline int tl_m_lit(const tl_mctx *c, size_t i, const char *s)
{
	if (i >= c->n || c->t[i].kind != TK_WORD)
		return 0;
	const tl_tok *t = &c->t[i];
	size_t n = t->e - t->b - ((t->flags & TF_PERIOD) ? 1 : 0);
	size_t k = 0;
	for (; k < n; k++) /* a shorter literal fails at its '\0' */
		if ((c->text[t->b + k] | 0x20) != s[k])
			return 0;
	return s[k] == '\0';
}
/** 1 when token i is one of the n words of list (each as tl_m_lit() takes it). */
static inline int tl_m_lit_of(const tl_mctx *c, size_t i, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (tl_m_lit(c, i, list[k]))
			return 1;
	return 0;
}
/** tl_m_lit_of() over a whole array of words. */
#define TL_M_LIT_OF(c, i, list) tl_m_lit_of((c), (i), (list), sizeof(list) / sizeof((list)[0]))
/**
 * A cardinal at token i: digits (not part of a decimal or grouped number) or
 * number words ("twenty-five", "a dozen").  *val gets the value; returns the
 * index after it, or 0.
 */
size_t tl_m_number(const tl_mctx *c, size_t i, int64_t *val);
/** An ordinal at i ("5th", "fifth", "twenty-first"); returns the end or 0. */
size_t tl_m_ordinal(const tl_mctx *c, size_t i, int64_t *val);
/** The unit word at i (plural or singular): returns enum tl_unit or 0. */
int tl_m_unit(const tl_mctx *c, size_t i, int *plural);

/**
 * The longest holiday name at token i ("Easter Monday", "St. Patrick's
 * Day"; holidays.c): the index after it, or 0; the holiday in *h.
 */
size_t tl_holiday_match(const tl_mctx *c, size_t i, int *h);

/* ---- amounts of units (match_dur.c), shared with match_rel.c ---- */

/** "a", "an" or "one" at i (the amount 1): the index after it, or 0. */
size_t tl_m_one(const tl_mctx *c, size_t i);
/**
 * An amount at i: a number, "a", "a dozen", "a few", "several", "some",
 * "two and a half".  *n gets the number (unset when vague), *vague 1 for
 * an unknown amount, *frac 1 for "and a half"; returns the index after it,
 * or 0.
 */
size_t tl_m_amount(const tl_mctx *c, size_t i, int64_t *n, int *vague, int *frac);
/**
 * An adjective at i that stands between an amount and its unit and leaves
 * the duration as it is ("six straight days", "five trading days"): the
 * index after it when a unit follows, else i.
 */
size_t tl_m_dur_adj(const tl_mctx *c, size_t i);
/**
 * "of 1939", "of February 1951" at k after a span counted from the start or
 * the end of that period ("the first two months of 1939", "the last two
 * weeks of February 1951"): the period joins the span's extent, as the
 * gold of WikiWars has it.  The duration m records the period's year (and
 * month) as said, for the narrative (resolve.c); "of the year", "of this
 * year", "of last year" join the extent only.  Returns the index after
 * it, or k (m untouched) when no year (or month and year) follows "of".
 */
size_t tl_m_of_period(const tl_mctx *c, size_t k, tl_ment *m);
/**
 * "of March", "of March 2009" at k after "the first week", "the last week"
 * (nth 1..5, or -1 for the last): m becomes that week of that month (a
 * date with HAS_MONTH and HAS_WEEK, the week's rank in m->n; resolve
 * picks the ISO week of the month's nth Thursday; "the last week of
 * September" is made a duration by its caller).  Returns the end, or 0
 * when no month follows "of" (match_date.c).
 */
size_t tl_m_week_of_month(const tl_mctx *c, size_t k, int64_t nth, tl_ment *m);
/**
 * "Sunday of November", "Thursday in November 2020" at j after "the
 * first", "the last" (nth 1..5, or -1 for the last): m becomes that
 * weekday of that month (a date with HAS_MONTH and HAS_WEEKDAY but no
 * HAS_DAY, the rank in m->n; resolve picks the day).  Returns the end, or
 * 0 (match_date.c).
 */
size_t tl_m_nth_weekday(const tl_mctx *c, size_t j, int64_t nth, tl_ment *m);
/** Make *m a duration of n units (enum tl_unit); vague, frac as tl_ment. */
void tl_m_dur(tl_ment *m, int unit, int64_t n, int vague, int frac);

/* ---- years (match_year.c, match_date.c), shared by the two ---- */

/**
 * A year written after a month or a day at token i ("May 1945", "5
 * November 2021", "spring of 1944"): four digits from 1000 to 2199, or one
 * to four digits with BC or AD after them ("79 AD", "238 b.c."), not part
 * of a larger number ("1,991", "1299.59").  Sets m->year, m->bc and
 * HAS_YEAR in m->said; returns the index after it (and its era), or 0 (m
 * untouched) when there is none (match_year.c).
 */
size_t tl_m_year_after(const tl_mctx *c, size_t i, tl_ment *m);
/**
 * 1 when the word before token i makes a weak word there ("May",
 * "spring", a bare year) a date: a preposition ("in", "since", "by",
 * "of", ...), "and", "fiscal", "before", "after", "early", "mid", "late", a
 * relative word ("last", "next", ...) or "year"; 0 otherwise, and for
 * i == 0 (match_date.c).
 */
int tl_m_date_support_before(const tl_mctx *c, size_t i);

/** Rules: each fills *m and returns the token index after the match, or 0. */
size_t tl_r_calendar(const tl_mctx *c, size_t i, tl_ment *m);
size_t tl_r_numeric(const tl_mctx *c, size_t i, tl_ment *m);
size_t tl_r_year(const tl_mctx *c, size_t i, tl_ment *m);
/**
 * A year written after its era: "AD" (in capitals) or "A.D." at token i and
 * a number of one to four digits after it ("AD 79", "A.D. 1066").  Returns
 * the index of the number, or 0 (match_year.c).
 */
size_t tl_m_era_prefix(const tl_mctx *c, size_t i);
size_t tl_r_relative(const tl_mctx *c, size_t i, tl_ment *m);
size_t tl_r_duration(const tl_mctx *c, size_t i, tl_ment *m);
size_t tl_r_set(const tl_mctx *c, size_t i, tl_ment *m);
size_t tl_r_time(const tl_mctx *c, size_t i, tl_ment *m);
size_t tl_r_deictic(const tl_mctx *c, size_t i, tl_ment *m);
size_t tl_r_part(const tl_mctx *c, size_t i, tl_ment *m);

#endif
