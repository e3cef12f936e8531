/*
 * match_rel.c - rules for what is relative or not a calendar date: deictic
 * words ("today", "now"), relative dates ("last week", "two months later",
 * "the next day"), durations ("30 years", "44-day"), sets ("every Monday",
 * "twice a year") and clock times ("5 p.m. EST", "14:30").
 */
#include "match.h"

/* "a"/"an"/"one" at i: the amount 1. */
static size_t one_at(const tl_mctx *c, size_t i)
{
	if (tl_m_is(c, i, W_FUNC, F_A) || tl_m_is(c, i, W_NUMBER, 1))
		return i + 1;
	return 0;
}

/* An amount: a number, "a", "a few", "several", "a couple of". vague=1 for X. */
static size_t amount_at(const tl_mctx *c, size_t i, int64_t *n, int *vague, int *frac)
{
	size_t j;
	*vague = 0;
	*frac = 0;
	if (tl_m_is(c, i, W_FUNC, F_A) && tl_m_is(c, i + 1, W_NUMBER, 12)) {
		*n = 12;
		return i + 2;
	}
	if (tl_m_is(c, i, W_FUNC, F_A) && tl_m_is(c, i + 1, W_FUNC, F_SEVERAL)) {
		*vague = 1;
		j = i + 2;
		if (tl_m_is(c, j, W_FUNC, F_OF))
			j++;
		return j;
	}
	if (tl_m_is(c, i, W_FUNC, F_SEVERAL) || tl_m_is(c, i, W_MOD, M_APPROX)) {
		if (tl_m_is(c, i, W_MOD, M_APPROX) && !tl_m_lit(c, i, "some"))
			return 0;
		*vague = 1;
		return i + 1;
	}
	j = tl_m_number(c, i, n);
	if (!j) {
		j = one_at(c, i);
		*n = 1;
		if (!j)
			return 0;
	}
	/* "two and a half" */
	if (tl_m_is(c, j, W_FUNC, F_AND) && tl_m_is(c, j + 1, W_FUNC, F_A) &&
	    tl_m_is(c, j + 2, W_FUNC, F_HALF)) {
		*frac = 1;
		j += 3;
	}
	return j;
}

/* An adjective between an amount and its unit that leaves the duration as
 * it is: "six straight days", "two consecutive quarters", "five trading
 * days".  Returns the index after it, or i. */
static size_t dur_adj(const tl_mctx *c, size_t i)
{
	static const char *const adj[] = {"straight", "consecutive", "successive",
	                                  "trading",  "business",    "working"};
	if (i >= c->n || c->t[i].kind != TK_WORD || c->t[i].w)
		return i;
	for (size_t k = 0; k < sizeof(adj) / sizeof(adj[0]); k++)
		if (tl_m_lit(c, i, adj[k]))
			return tl_m_unit(c, i + 1, NULL) ? i + 1 : i;
	return i;
}

/* The unit the amount i..j shares with the other end of a range: "between
 * 60 and 90 days", "two to three years", "10-15 minutes"; 0 when none. */
static int shared_unit(const tl_mctx *c, size_t i, size_t j)
{
	int64_t v;
	int plural;
	if (c->t[i].kind == TK_WORD && !tl_m_word(c, i, W_NUMBER))
		return 0; /* "a", "an" */
	if (tl_m_is(c, j, W_FUNC, F_AND)) {
		if (i == 0 || !tl_m_is(c, i - 1, W_FUNC, F_BETWEEN))
			return 0;
	} else if (!tl_m_is(c, j, W_FUNC, F_TO) && !tl_m_is(c, j, W_FUNC, F_OR) &&
	           !(tl_m_punct(c, j, '-') && tl_m_glued(c, j) && tl_m_glued(c, j + 1)))
		return 0;
	size_t k = tl_m_number(c, j + 1, &v);
	if (!k)
		return 0;
	int unit = tl_m_unit(c, dur_adj(c, k), &plural);
	return unit && plural && unit != U_WEEKEND ? unit : 0;
}

/* Fill a duration. */
static void dur(tl_ment *m, int unit, int64_t n, int vague, int frac)
{
	m->kind = MK_DUR;
	m->unit = (uint8_t)unit;
	m->n = n;
	m->vague = (uint8_t)vague;
	m->frac = frac;
}

/* A word at i that makes the plural unit after it a definite or owned one
 * ("the days of", "their years of", "those months of"): not a bare amount. */
static int bare_det(const tl_mctx *c, size_t i)
{
	static const char *const det[] = {"those", "these", "his", "her",  "their",
	                                  "its",   "our",   "my",  "your", "whose"};
	if (i >= c->n || c->t[i].kind != TK_WORD)
		return 0;
	if (c->t[i].w)
		return (c->t[i].w->cls == W_FUNC && c->t[i].w->val == F_THE) ||
		       c->t[i].w->cls == W_REL;
	for (size_t k = 0; k < sizeof(det) / sizeof(det[0]); k++)
		if (tl_m_lit(c, i, det[k]))
			return 1;
	return 0;
}

/* Durations: "30 years", "30-year", "a decade", "several weeks", "half an hour". */
size_t tl_r_duration(const tl_mctx *c, size_t i, tl_ment *m)
{
	int64_t n = 0;
	int vague, frac, plural = 0, unit;
	size_t j;
	if (tl_m_is(c, i, W_FUNC, F_HALF) && tl_m_is(c, i + 1, W_FUNC, F_A) &&
	    (unit = tl_m_unit(c, i + 2, &plural)) != 0 && !plural) {
		dur(m, unit, 0, 0, 1);
		return i + 3;
	}
	j = amount_at(c, i, &n, &vague, &frac);
	if (j) {
		size_t k = j;
		int adj = 0;
		if (tl_m_punct(c, k, '-') && tl_m_glued(c, k) && !vague) {
			k++;
			adj = 1;
		} else
			k = dur_adj(c, k);
		int adjw = k > j && !adj; /* "two consecutive quarters" */
		unit = tl_m_unit(c, k, &plural);
		if (!unit && !vague && !frac && (unit = shared_unit(c, i, j)) != 0) {
			dur(m, unit, n, 0, 0); /* "between 60 and 90 days": "60" */
			return j;
		}
		if (!unit || unit == U_WEEKEND)
			return 0;
		if (plural && !vague && n == 1 && tl_m_is(c, i, W_FUNC, F_A))
			return 0; /* "a decades-long feud": the article is the noun's */
		if (c->t[i].kind == TK_NUM && !adj && c->t[i].ndig > 6)
			vague = vague;
		dur(m, unit, n, vague, frac);
		k++;
		/* "a year and a half" */
		if (tl_m_is(c, k, W_FUNC, F_AND) && tl_m_is(c, k + 1, W_FUNC, F_A) &&
		    tl_m_is(c, k + 2, W_FUNC, F_HALF)) {
			m->frac = 1;
			k += 3;
		}
		/* "51-year-old" */
		if (adj && tl_m_punct(c, k, '-') && tl_m_is(c, k + 1, W_FUNC, F_YEAR_OLD))
			k += 2;
		if (tl_m_is(c, i, W_FUNC, F_A) && !plural && unit == U_SECOND)
			return 0; /* "a second time" */
		if (unit == U_QUARTER && !adj && !adjw && tl_m_is(c, k, W_FUNC, F_OF))
			return 0; /* "a quarter of the cake" */
		if ((c->t[i].flags & TF_CAP) && (c->t[k - 1].flags & TF_CAP) &&
		    (tl_m_punct(c, k, '\'') || (k < c->n && c->t[k].kind == TK_WORD &&
		                                (c->t[k].flags & TF_CAP) && !c->t[k].w)))
			return 0; /* "the Seven Years' War", "the Six-Day War" */
		if (unit == U_SECOND && !plural && c->t[i].kind != TK_NUM && n == 2)
			return 0;
		return k;
	}
	/* bare plural units after "for", "over", "within", "in" ("in (just)
	 * minutes"), or before "-long" ("decades-long"): an unknown amount */
	unit = tl_m_unit(c, i, &plural);
	if (!unit || !plural || unit == U_WEEKEND)
		return 0;
	size_t p = i > 0 && tl_m_lit(c, i - 1, "just") ? i - 1 : i;
	/* "just days after", "only months before", "years of conflict",
	 * "after days of fighting" (not "the days of the Raj", nor the
	 * "minutes of the meeting") */
	if ((i > 0 && (tl_m_lit(c, i - 1, "just") || tl_m_lit(c, i - 1, "only"))) ||
	    (tl_m_is(c, i + 1, W_FUNC, F_OF) && unit != U_MINUTE && unit != U_QUARTER &&
	     !(i > 0 && (bare_det(c, i - 1) || c->t[i - 1].kind == TK_NUM ||
	                 tl_m_word(c, i - 1, W_NUMBER))))) {
		dur(m, unit, 0, 1, 0);
		return i + 1;
	}
	if (p > 0 && (tl_m_is(c, p - 1, W_FUNC, F_FOR) || tl_m_is(c, p - 1, W_FUNC, F_WITHIN) ||
	              tl_m_is(c, p - 1, W_MOD, M_MORE) || tl_m_is(c, p - 1, W_FUNC, F_IN))) {
		dur(m, unit, 0, 1, 0);
		return i + 1;
	}
	if (tl_m_punct(c, i + 1, '-') && tl_m_glued(c, i + 1) && tl_m_lit(c, i + 2, "long") &&
	    tl_m_glued(c, i + 2)) {
		dur(m, unit, 0, 1, 0);
		return i + 3;
	}
	/* "over the years", "through the decades" */
	if (i >= 2 && tl_m_is(c, i - 1, W_FUNC, F_THE) &&
	    (tl_m_lit(c, i - 2, "over") || tl_m_is(c, i - 2, W_FUNC, F_THROUGH) ||
	     tl_m_lit(c, i - 2, "across")) &&
	    (unit == U_YEAR || unit == U_DECADE || unit == U_CENTURY) &&
	    !(i + 1 < c->n && c->t[i + 1].kind == TK_NUM)) {
		dur(m, unit, 0, 1, 0);
		m->the_ok = 1;
		return i + 1;
	}
	return 0;
}

/* Token i ends a phrase that makes the next "the day" the day just told:
 * a verb of a trading session ("ended the day at", "to close the day"), or
 * "earlier in", "late in" ("later in the day"). */
static int day_cue(const tl_mctx *c, size_t i)
{
	static const char *const verbs[] = {
	    "end",    "ends",    "ended",   "ending",   "close",    "closes",
	    "closed", "closing", "finish",  "finishes", "finished", "finishing",
	    "start",  "starts",  "started", "starting", "open",     "opens",
	    "opened", "opening", "begin",   "began",    "begins",   "beginning"};
	if (tl_m_is(c, i, W_FUNC, F_IN))
		return i > 0 &&
		       (tl_m_is(c, i - 1, W_DIR, DIR_EARLIER) ||
		        tl_m_is(c, i - 1, W_DIR, DIR_LATER) || tl_m_is(c, i - 1, W_MOD, M_EARLY) ||
		        tl_m_is(c, i - 1, W_MOD, M_LATE));
	if (i >= c->n || c->t[i].kind != TK_WORD || i == 0 ||
	    (c->t[i].w && c->t[i].w->cls != W_MOD))
		return 0;
	for (size_t k = 0; k < sizeof(verbs) / sizeof(verbs[0]); k++)
		if (tl_m_lit(c, i, verbs[k]))
			return 1;
	return 0;
}

/* A direction word at i that makes "the day" before it relative ("ended the
 * day before.", "the day before yesterday"); not one that opens a clause
 * ("late in the day after falling 250 points"). */
static int day_dir(const tl_mctx *c, size_t i)
{
	return tl_m_word(c, i, W_DIR) &&
	       (i + 1 >= c->n || c->t[i + 1].kind == TK_PUNCT || tl_m_word(c, i + 1, W_DEICTIC));
}

/* "ago", "later", ... after an amount of units: a date relative to an anchor. */
static size_t rel_after(const tl_mctx *c, size_t j, tl_ment *m)
{
	const tl_word *d = tl_m_word(c, j, W_DIR);
	if (!d)
		return 0;
	switch (d->val) {
	case DIR_AGO:
		m->dir = -1;
		m->anchor = A_DCT;
		break;
	case DIR_HENCE:
		m->dir = 1;
		m->anchor = A_DCT;
		break;
	case DIR_LATER:
	case DIR_AFTER:
	case DIR_EARLIER:
	case DIR_BEFORE:
		if ((d->val == DIR_AFTER || d->val == DIR_BEFORE) && j + 1 < c->n &&
		    c->t[j + 1].kind != TK_PUNCT)
			return 0; /* "two days after the vote": the duration alone */
		m->dir = (int8_t)(d->val == DIR_LATER || d->val == DIR_AFTER ? 1 : -1);
		m->anchor = A_NARR;
		break;
	default:
		return 0;
	}
	m->kind = MK_REL;
	return j + 1;
}

/* "a year ago", "a year earlier", "last year", "the previous year", "of last
 * year" at i, after "the same month": returns the end, or 0. */
static size_t year_back(const tl_mctx *c, size_t i)
{
	size_t k = tl_m_is(c, i, W_FUNC, F_OF) ? i + 1 : i;
	if (tl_m_is(c, k, W_REL, R_LAST) && tl_m_lit(c, k, "last") &&
	    tl_m_is(c, k + 1, W_UNIT, U_YEAR))
		return k + 2;
	if (tl_m_is(c, k, W_FUNC, F_THE) && tl_m_is(c, k + 1, W_REL, R_PREVIOUS) &&
	    tl_m_is(c, k + 2, W_UNIT, U_YEAR))
		return k + 3;
	if (k == i && one_at(c, i) && tl_m_is(c, i + 1, W_UNIT, U_YEAR) &&
	    (tl_m_is(c, i + 2, W_DIR, DIR_AGO) || tl_m_is(c, i + 2, W_DIR, DIR_EARLIER) ||
	     (tl_m_is(c, i + 2, W_DIR, DIR_BEFORE) &&
	      (i + 3 >= c->n || c->t[i + 3].kind == TK_PUNCT))))
		return i + 3;
	return 0;
}

/* Relative dates: "last week", "next Friday", "two months later", "the next day". */
size_t tl_r_relative(const tl_mctx *c, size_t i, tl_ment *m)
{
	int64_t n;
	int vague, frac, plural, unit;
	size_t j;
	int the = i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE);
	const tl_word *r = tl_m_word(c, i, W_REL);
	/* "earlier this year", "later this month" */
	if (!r && (tl_m_is(c, i, W_DIR, DIR_EARLIER) || tl_m_is(c, i, W_DIR, DIR_LATER)) &&
	    (tl_m_is(c, i + 1, W_REL, R_THIS) || tl_m_is(c, i + 1, W_REL, R_THAT))) {
		j = tl_r_relative(c, i + 1, m);
		if (j && m->kind == MK_REL) {
			m->mod = tl_m_is(c, i, W_DIR, DIR_EARLIER) ? TL_MOD_START : TL_MOD_END;
			return j;
		}
		return 0;
	}
	if (r) {
		int rv = r->val;
		j = i + 1;
		if (rv == R_THIS && tl_m_is(c, j, W_REL, R_LAST)) { /* "this past spring" */
			rv = R_LAST;
			j++;
		}
		/* "the past three years", "the next few days": durations */
		if (rv == R_LAST || rv == R_NEXT || rv == R_FOLLOWING || rv == R_PREVIOUS) {
			size_t k = amount_at(c, j, &n, &vague, &frac);
			if (k)
				k = dur_adj(c, k);
			if (k && !tl_m_is(c, j, W_FUNC, F_A) &&
			    (unit = tl_m_unit(c, k, &plural)) != 0 && (plural || n == 1)) {
				dur(m, unit, n, vague, frac);
				m->the_ok = 1;
				return k + 1;
			}
			if (tl_m_lit(c, j, "few") && (unit = tl_m_unit(c, j + 1, &plural)) != 0) {
				dur(m, unit, 0, 1, 0);
				m->the_ok = 1;
				return j + 2;
			}
		}
		m->kind = MK_REL;
		m->the_ok = 1;
		m->gran_only = 1;
		switch (rv) {
		case R_LAST:
			m->dir = -1;
			m->anchor = the ? A_NARR : A_DCT;
			break;
		case R_NEXT:
			m->dir = 1;
			m->anchor = the ? A_NARR : A_DCT;
			break;
		case R_THIS:
			m->dir = 0;
			m->anchor = A_DCT;
			break;
		case R_THAT:
			m->dir = 0;
			m->anchor = A_NARR;
			break;
		case R_PREVIOUS:
			m->dir = -1;
			m->anchor = A_NARR;
			break;
		case R_FOLLOWING:
			m->dir = 1;
			m->anchor = A_NARR;
			break;
		}
		const tl_word *w;
		/* "the same month a year ago", "the same period last year" */
		if (rv == R_THAT && tl_m_lit(c, i, "same") &&
		    (((unit = tl_m_unit(c, j, &plural)) != 0 && !plural) ||
		     tl_m_lit(c, j, "period"))) {
			size_t e = year_back(c, j + 1);
			if (e) {
				m->unit = (uint8_t)(tl_m_lit(c, j, "period") ? U_NONE : unit);
				m->yshift = -1;
				return e;
			}
		}
		if ((unit = tl_m_unit(c, j, &plural)) != 0 && !plural) {
			if (rv == R_LAST && the && tl_m_lit(c, i, "last") &&
			    (unit == U_QUARTER || unit == U_YEAR) &&
			    !tl_m_is(c, j + 1, W_FUNC, F_OF) &&
			    !(i >= 2 &&
			      (tl_m_lit(c, i - 2, "over") || tl_m_is(c, i - 2, W_FUNC, F_WITHIN) ||
			       tl_m_is(c, i - 2, W_FUNC, F_THROUGH)))) {
				/* "profits rose in the last quarter": the quarter
				 * before this one, as "last quarter"; "over the last
				 * year" stays a duration */
				m->unit = (uint8_t)unit;
				m->anchor = A_DCT;
				return j + 1;
			}
			if (rv == R_LAST && the && unit != U_WEEKEND) {
				/* "the past week": a duration */
				dur(m, unit, 1, 0, 0);
				m->the_ok = 1;
				return j + 1;
			}
			m->unit = (uint8_t)unit;
			j++;
			/* "the same day a year earlier" is left at "the same day" */
			return j;
		}
		if ((w = tl_m_word(c, j, W_WEEKDAY)) && !(w->flags & WF_PLURAL)) {
			m->weekday = w->val;
			m->said |= HAS_WEEKDAY;
			if (!the && rv != R_THAT && rv != R_FOLLOWING && rv != R_PREVIOUS)
				m->anchor = A_DCT;
			j++;
			if (tl_m_word(c, j, W_POD)) {
				m->pod = tl_m_word(c, j, W_POD)->val;
				m->said |= HAS_POD;
				j++;
			}
			return j;
		}
		if ((w = tl_m_word(c, j, W_MONTH)) && !(w->flags & WF_ABBR)) {
			m->month = w->val;
			m->said |= HAS_MONTH;
			return j + 1;
		}
		if ((w = tl_m_word(c, j, W_SEASON)) && !(w->flags & WF_PLURAL)) {
			m->season = w->val;
			m->said |= HAS_SEASON;
			return j + 1;
		}
		if ((w = tl_m_word(c, j, W_POD)) && !(w->flags & WF_PLURAL) && w->val != POD_NOON &&
		    w->val != POD_MIDNIGHT) {
			m->kind = MK_TIME;
			m->pod = w->val;
			m->said |= HAS_POD;
			m->unit = U_DAY;
			m->dir = (int8_t)(rv == R_LAST || rv == R_PREVIOUS    ? -1
			                  : rv == R_NEXT || rv == R_FOLLOWING ? 1
			                                                      : 0);
			m->anchor = rv == R_THIS || (rv == R_LAST && !the) ? A_DCT : A_NARR;
			if (rv == R_LAST && w->val != POD_NIGHT && w->val != POD_EVENING)
				return 0;
			return j + 1;
		}
		return 0;
	}
	/* "the year-earlier period", "the year-ago quarter": the narrative's
	 * period a year back */
	if (the && tl_m_is(c, i, W_UNIT, U_YEAR) && tl_m_punct(c, i + 1, '-') &&
	    tl_m_glued(c, i + 1) && tl_m_glued(c, i + 2) &&
	    (tl_m_is(c, i + 2, W_DIR, DIR_EARLIER) || tl_m_is(c, i + 2, W_DIR, DIR_AGO)) &&
	    (((unit = tl_m_unit(c, i + 3, &plural)) != 0 && !plural) ||
	     tl_m_lit(c, i + 3, "period"))) {
		m->kind = MK_REL;
		m->unit = (uint8_t)(tl_m_lit(c, i + 3, "period") ? U_NONE : unit);
		m->gran_only = 1;
		m->anchor = A_NARR;
		m->yshift = -1;
		m->the_ok = 1;
		return i + 4;
	}
	/* "the end of the year", "the start of the day": the unit of the
	 * anchor ("at the end of the day" is an idiom) */
	if (the && i >= 2 && tl_m_is(c, i - 2, W_FUNC, F_OF) &&
	    (unit = tl_m_unit(c, i, &plural)) != 0 && !plural &&
	    (unit == U_YEAR || unit == U_MONTH || unit == U_WEEK || unit == U_DECADE ||
	     unit == U_CENTURY ||
	     (unit == U_DAY && i >= 3 && tl_m_word(c, i - 3, W_MOD) &&
	      !(tl_m_is(c, i - 3, W_MOD, M_END) && i >= 5 && tl_m_is(c, i - 5, W_FUNC, F_AT))))) {
		m->kind = MK_REL;
		m->unit = (uint8_t)unit;
		m->gran_only = 1;
		m->anchor = A_ANY;
		m->the_ok = 1;
		return i + 1;
	}
	/* "the weekend"; "the day" standing alone (the day of the anchor) */
	if (the && tl_m_is(c, i, W_UNIT, U_WEEKEND) && !(c->t[i].w->flags & WF_PLURAL)) {
		m->kind = MK_REL;
		m->unit = U_WEEKEND;
		m->gran_only = 1;
		m->anchor = A_ANY;
		m->the_ok = 1;
		return i + 1;
	}
	if (the && i >= 2 && tl_m_is(c, i, W_UNIT, U_DAY) && !(c->t[i].w->flags & WF_PLURAL) &&
	    (((tl_m_is(c, i - 2, W_FUNC, F_ON) || tl_m_is(c, i - 2, W_FUNC, F_FOR) ||
	       tl_m_is(c, i - 2, W_FUNC, F_DURING)) &&
	      (i + 1 >= c->n || c->t[i + 1].kind == TK_PUNCT)) ||
	     (day_cue(c, i - 2) && !day_dir(c, i + 1) && !tl_m_word(c, i + 1, W_REL) &&
	      !tl_m_is(c, i + 1, W_FUNC, F_OF) && !tl_m_is(c, i + 1, W_FUNC, F_THE) &&
	      !tl_m_lit(c, i + 1, "when")))) {
		m->kind = MK_REL;
		m->unit = U_DAY;
		m->gran_only = 1;
		m->anchor = A_ANY;
		m->the_ok = 1;
		return i + 1;
	}
	/* "two months later", "a year ago", "the day before" */
	size_t k = amount_at(c, i, &n, &vague, &frac);
	if (!k && tl_m_is(c, i, W_UNIT, -1) && the) {
		unit = tl_m_unit(c, i, &plural);
		if (!plural &&
		    (tl_m_is(c, i + 1, W_DIR, DIR_BEFORE) || tl_m_is(c, i + 1, W_DIR, DIR_AFTER))) {
			m->unit = (uint8_t)unit;
			m->n = 1;
			m->kind = MK_REL;
			m->dir = (int8_t)(tl_m_is(c, i + 1, W_DIR, DIR_AFTER) ? 1 : -1);
			m->anchor = A_NARR;
			m->the_ok = 1;
			if (unit == U_DAY && (tl_m_is(c, i + 2, W_DEICTIC, D_YESTERDAY) ||
			                      tl_m_is(c, i + 2, W_DEICTIC, D_TOMORROW))) {
				m->n = 2; /* "the day before yesterday" */
				m->anchor = A_DCT;
				return i + 3;
			}
			return i + 2;
		}
	}
	if (!k) {
		/* "years later", "weeks earlier" */
		unit = tl_m_unit(c, i, &plural);
		if (unit && plural && rel_after(c, i + 1, m)) {
			m->unit = (uint8_t)unit;
			m->vague = 1;
			return i + 2;
		}
		return 0;
	}
	if (tl_m_punct(c, k, '-'))
		return 0;
	unit = tl_m_unit(c, k, &plural);
	if (!unit)
		return 0;
	m->unit = (uint8_t)unit;
	m->n = n;
	m->vague = (uint8_t)vague;
	return rel_after(c, k + 1, m);
}

/* Whether the weak deictic adjective at i ("recent", "current") stands
 * before a noun it dates: "recent losses", "the current crisis" (PAST_REF,
 * PRESENT_REF), not "current account" (a term of accounts) nor "the
 * current is strong" (a noun). */
static int deictic_adj(const tl_mctx *c, size_t i)
{
	static const char *const terms[] = {"account", "accounts", "affairs", "assets",
	                                    "liabilities"};
	if (!tl_m_lit(c, i, "recent") && !tl_m_lit(c, i, "current"))
		return 0;
	if (i + 1 >= c->n || c->t[i + 1].kind != TK_WORD || tl_m_glued(c, i + 1))
		return 0;
	const tl_word *w = c->t[i + 1].w;
	if (w && (w->cls == W_TENSE || w->cls == W_FUNC || w->cls == W_DIR))
		return 0;
	for (size_t k = 0; k < sizeof(terms) / sizeof(terms[0]); k++)
		if (tl_m_lit(c, i + 1, terms[k]))
			return 0;
	return 1;
}

/* Deictic words: today, now, recently, tonight, "this morning", "the past". */
size_t tl_r_deictic(const tl_mctx *c, size_t i, tl_ment *m)
{
	size_t j = i;
	int plural = 0;
	int the = i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE);
	if ((tl_m_is(c, j, W_DIR, DIR_EARLIER) || tl_m_is(c, j, W_DIR, DIR_LATER)) &&
	    tl_m_is(c, j + 1, W_DEICTIC, D_TODAY))
		j++;
	const tl_word *w = tl_m_word(c, j, W_DEICTIC);
	/* "the near term", "the long term" (FUTURE_REF), "the time being"
	 * (PRESENT_REF) */
	if (the && tl_m_is(c, i, W_FUNC, F_TERM) && tl_m_lit(c, i + 1, "term") &&
	    !tl_m_punct(c, i + 2, '-')) {
		m->kind = MK_DEICTIC;
		m->deictic = D_FUTURE;
		m->the_ok = 1;
		return i + 2;
	}
	if (the && tl_m_is(c, i, W_FUNC, F_TIME) && tl_m_lit(c, i + 1, "being")) {
		m->kind = MK_DEICTIC;
		m->deictic = D_NOW;
		m->the_ok = 1;
		return i + 2;
	}
	if (!w) {
		/* "the past", "the future", "the present" */
		if (the && tl_m_is(c, i, W_REL, R_LAST) && tl_m_lit(c, i, "past") &&
		    !tl_m_unit(c, i + 1, NULL) && !(i + 1 < c->n && c->t[i + 1].kind == TK_NUM) &&
		    !tl_m_word(c, i + 1, W_NUMBER) && !tl_m_is(c, i + 1, W_FUNC, F_SEVERAL)) {
			m->kind = MK_DEICTIC;
			m->deictic = D_PAST;
			m->the_ok = 1;
			return i + 1;
		}
		return 0;
	}
	m->kind = MK_DEICTIC;
	m->deictic = w->val;
	if (w->val == D_FUTURE && tl_m_lit(c, j, "future")) {
		if (!the || tl_m_word(c, j + 1, W_UNIT))
			return 0;
		m->the_ok = 1;
	}
	if (w->flags & WF_WEAK && w->val != D_FUTURE && !deictic_adj(c, j))
		m->latent = 1;
	if ((tl_m_lit(c, j, "recent") || tl_m_lit(c, j, "current")) && i > 0 &&
	    (tl_m_is(c, i - 1, W_MOD, M_MORE) || tl_m_is(c, i - 1, W_MOD, M_MOST)))
		return 0; /* "the most recent model": a comparison, not a time */
	if (tl_m_lit(c, j, "recent") && tl_m_unit(c, j + 1, &plural) && plural) {
		m->latent = 0; /* "in recent years": PAST_REF */
		return j + 2;
	}
	if (tl_m_lit(c, j, "soon") && i > 0 && tl_m_lit(c, i - 1, "as"))
		return 0;
	j++;
	if (tl_m_lit(c, j - 1, "soon") && j < c->n && tl_m_lit(c, j, "after"))
		return 0;
	if ((w->val == D_TODAY || w->val == D_YESTERDAY || w->val == D_TOMORROW) &&
	    tl_m_word(c, j, W_POD) && !(tl_m_word(c, j, W_POD)->flags & WF_PLURAL)) {
		m->pod = tl_m_word(c, j, W_POD)->val;
		m->said |= HAS_POD;
		j++;
	}
	/* "today's" stays "today" */
	return j;
}

/* Sets: "every Monday", "each year", "weekly", "twice a year". */
size_t tl_r_set(const tl_mctx *c, size_t i, tl_ment *m)
{
	const tl_word *w = tl_m_word(c, i, W_SETW);
	int64_t n = 1;
	int plural, unit;
	m->kind = MK_SET;
	if (!w) {
		/* "Mondays" */
		const tl_word *d = tl_m_word(c, i, W_WEEKDAY);
		if (d && (d->flags & WF_PLURAL)) {
			m->weekday = d->val;
			m->said = HAS_WEEKDAY;
			return i + 1;
		}
		/* "three times a week" */
		size_t k = tl_m_number(c, i, &n);
		if (k && tl_m_is(c, k, W_SETW, SW_TIMES) && tl_m_lit(c, k, "times") &&
		    (tl_m_is(c, k + 1, W_FUNC, F_A) || tl_m_is(c, k + 1, W_SETW, SW_EVERY)) &&
		    (unit = tl_m_unit(c, k + 2, &plural)) != 0) {
			m->unit = (uint8_t)unit;
			m->n = 1;
			m->frac = (int32_t)(n > 999 ? 999 : n);
			return k + 3;
		}
		return 0;
	}
	switch (w->val) {
	case SW_EVERY: {
		size_t j = i + 1;
		if (tl_m_lit(c, j, "other")) {
			n = 2;
			j++;
		}
		size_t k = tl_m_number(c, j, &n);
		if (k)
			j = k;
		const tl_word *x;
		m->quant = tl_m_lit(c, i, "each") ? "EACH" : "EVERY";
		if (tl_m_lit(c, i, "per") &&
		    (tl_m_is(c, j, W_UNIT, U_HOUR) || tl_m_is(c, j, W_UNIT, U_MINUTE) ||
		     tl_m_is(c, j, W_UNIT, U_SECOND)))
			return 0; /* "60 miles per hour" is a speed */
		if ((unit = tl_m_unit(c, j, &plural)) != 0) {
			m->unit = (uint8_t)unit;
			m->n = n;
			return j + 1;
		}
		if (tl_m_lit(c, i, "per"))
			return 0;
		if ((x = tl_m_word(c, j, W_WEEKDAY)) != NULL) {
			m->weekday = x->val;
			m->said = HAS_WEEKDAY;
			j++;
			if (tl_m_word(c, j, W_POD)) {
				m->pod = tl_m_word(c, j, W_POD)->val;
				m->said |= HAS_POD;
				j++;
			}
			return j;
		}
		if ((x = tl_m_word(c, j, W_MONTH)) != NULL) {
			m->month = x->val;
			m->said = HAS_MONTH;
			return j + 1;
		}
		if ((x = tl_m_word(c, j, W_SEASON)) != NULL) {
			m->season = x->val;
			m->said = HAS_SEASON;
			return j + 1;
		}
		if ((x = tl_m_word(c, j, W_POD)) != NULL) {
			m->pod = x->val;
			m->said = HAS_POD;
			return j + 1;
		}
		return 0;
	}
	case SW_TIMES: {
		if (tl_m_lit(c, i, "times"))
			return 0;
		n = tl_m_lit(c, i, "twice") ? 2 : tl_m_lit(c, i, "thrice") ? 3 : 1;
		if (tl_m_word(c, i + 1, W_SETW) && tl_r_set(c, i + 1, m) == i + 2 && m->unit &&
		    !m->frac) {
			m->frac = (int32_t)n; /* "twice weekly" */
			return i + 2;
		}
		if ((tl_m_is(c, i + 1, W_FUNC, F_A) || tl_m_is(c, i + 1, W_SETW, SW_EVERY)) &&
		    (unit = tl_m_unit(c, i + 2, &plural)) != 0) {
			m->unit = (uint8_t)unit;
			m->n = 1;
			m->frac = (int32_t)n;
			return i + 3;
		}
		return 0;
	}
	case SW_DAILY:
		if ((c->t[i].flags & TF_CAP) && i + 1 < c->n && c->t[i + 1].kind == TK_WORD &&
		    (c->t[i + 1].flags & TF_CAP))
			return 0; /* "The Daily Telegraph" */
		m->unit = U_DAY;
		break;
	case SW_WEEKLY:
		if ((c->t[i].flags & TF_CAP) && i + 1 < c->n && c->t[i + 1].kind == TK_WORD &&
		    (c->t[i + 1].flags & TF_CAP))
			return 0; /* "The Weekly Standard" */
		m->unit = U_WEEK;
		break;
	case SW_MONTHLY:
		m->unit = U_MONTH;
		break;
	case SW_YEARLY:
		m->unit = U_YEAR;
		break;
	case SW_HOURLY:
		m->unit = U_HOUR;
		break;
	case SW_QUARTERLY:
		m->unit = U_QUARTER;
		break;
	case SW_NIGHTLY:
		m->pod = POD_NIGHT;
		m->said = HAS_POD;
		break;
	default:
		return 0;
	}
	m->n = 1;
	return i + 1;
}

/* "a.m." / "am" / "p.m." / "PM" at i: returns the end, *pm = 1 for p.m. */
static size_t ampm(const tl_mctx *c, size_t i, int *pm)
{
	if (tl_m_is(c, i, W_FUNC, F_AM) || tl_m_is(c, i, W_FUNC, F_PM)) {
		*pm = tl_m_is(c, i, W_FUNC, F_PM);
		return i + 1;
	}
	if ((tl_m_lit(c, i, "a") || tl_m_lit(c, i, "p")) && (c->t[i].flags & TF_PERIOD) &&
	    tl_m_lit(c, i + 1, "m") && tl_m_glued(c, i + 1)) {
		*pm = tl_m_lit(c, i, "p");
		return i + 2;
	}
	return 0;
}

/* Clock times: "14:30", "5 p.m. EST", "noon", "0800 UTC", "3 o'clock". */
size_t tl_r_time(const tl_mctx *c, size_t i, tl_ment *m)
{
	size_t j;
	int pm = -1, p;
	m->kind = MK_TIME;
	/* "the night of April 18, 1775", "the morning hours of 31 January" */
	const tl_word *pw = tl_m_word(c, i, W_POD);
	if (pw && !(pw->flags & WF_PLURAL) && pw->val != POD_NOON && pw->val != POD_MIDNIGHT) {
		int pl = 0;
		size_t k = i + 1;
		if (tl_m_unit(c, k, &pl) == U_HOUR && pl)
			k++;
		if (tl_m_is(c, k, W_FUNC, F_OF)) {
			tl_ment d;
			memset(&d, 0, sizeof(d));
			j = tl_r_calendar(c, k + 1, &d);
			if (j && d.kind == MK_DATE && (d.said & HAS_DAY)) {
				*m = d;
				m->kind = MK_TIME;
				m->pod = pw->val;
				m->said |= HAS_POD;
				m->the_ok = 1;
				return j;
			}
		}
	}
	if (tl_m_is(c, i, W_POD, POD_NOON) || tl_m_is(c, i, W_POD, POD_MIDNIGHT)) {
		m->hour = tl_m_is(c, i, W_POD, POD_NOON) ? 12 : 24;
		m->minute = 0;
		m->said = HAS_HOUR | HAS_MINUTE;
		j = i + 1;
		/* a capitalised "Noon" inside a name: "the restaurant Noon", "High
		 * Noon", "Midnight Oil" (a date or time beside it still joins it) */
		if ((c->t[i].flags & TF_CAP) && ((i > 0 && c->t[i - 1].kind == TK_WORD &&
		                                  !c->t[i - 1].w && !tl_m_sentence_start(c, i)) ||
		                                 (j < c->n && c->t[j].kind == TK_WORD &&
		                                  !c->t[j].w && (c->t[j].flags & TF_CAP))))
			m->latent = 1;
		goto zone;
	}
	if (i >= c->n || c->t[i].kind != TK_NUM)
		return 0;
	if (i > 0 && tl_m_glued(c, i) &&
	    (tl_m_punct(c, i - 1, ':') || tl_m_punct(c, i - 1, '.') || c->t[i - 1].kind == TK_NUM))
		return 0;
	const tl_tok *t = c->t;
	if (t[i].ndig <= 2 && t[i].num <= 24 &&
	    (tl_m_punct(c, i + 1, ':') || tl_m_punct(c, i + 1, '.')) && tl_m_glued(c, i + 1) &&
	    i + 2 < c->n && t[i + 2].kind == TK_NUM && t[i + 2].ndig == 2 && tl_m_glued(c, i + 2) &&
	    t[i + 2].num < 60) {
		m->hour = (int32_t)t[i].num;
		m->minute = (int32_t)t[i + 2].num;
		m->said = HAS_HOUR | HAS_MINUTE;
		j = i + 3;
		if (tl_m_punct(c, j, ':') && tl_m_glued(c, j) && j + 1 < c->n &&
		    t[j + 1].kind == TK_NUM && t[j + 1].ndig == 2 && t[j + 1].num < 61) {
			m->second = (int32_t)t[j + 1].num;
			m->said |= HAS_SECOND;
			j += 2;
		}
		size_t k = ampm(c, j, &pm);
		int dot = tl_m_punct(c, i + 1, '.');
		if (dot && !k)
			return 0; /* "3.50" is a number */
		if (k)
			j = k;
	} else if (t[i].ndig <= 2 && t[i].num >= 1 && t[i].num <= 12 &&
	           (j = ampm(c, i + 1, &pm)) != 0) {
		m->hour = (int32_t)t[i].num;
		m->said = HAS_HOUR;
	} else if (t[i].ndig <= 2 && t[i].num >= 1 && t[i].num <= 12 &&
	           tl_m_is(c, i + 1, W_FUNC, F_O) && tl_m_punct(c, i + 2, '\'') &&
	           tl_m_is(c, i + 3, W_FUNC, F_CLOCK)) {
		m->hour = (int32_t)t[i].num;
		m->said = HAS_HOUR;
		j = i + 4;
	} else if (t[i].ndig == 4 && t[i].num % 100 < 60 && t[i].num / 100 <= 24 &&
	           (tl_m_word(c, i + 1, W_TZ) || tl_m_lit(c, i + 1, "hours") ||
	            tl_m_lit(c, i + 1, "hrs") ||
	            (tl_m_lit(c, i + 1, "h") && tl_m_glued(c, i + 1)))) {
		m->hour = (int32_t)(t[i].num / 100);
		m->minute = (int32_t)(t[i].num % 100);
		m->said = HAS_HOUR | HAS_MINUTE;
		j = i + 1;
		if (!tl_m_word(c, j, W_TZ))
			j++;
	} else
		return 0;
	if (pm == 1 && m->hour < 12)
		m->hour += 12;
	else if (pm == 0 && m->hour == 12)
		m->hour = 0;
	if (tl_m_glued(c, j) && (tl_m_lit(c, j, "hrs") || tl_m_lit(c, j, "h")))
		j++;
zone:
	p = 0;
	if (tl_m_word(c, j, W_TZ) && (c->t[j].flags & TF_UPPER)) {
		m->tz = tl_m_word(c, j, W_TZ)->word;
		j++;
	} else if (tl_m_punct(c, j, '(') && tl_m_word(c, j + 1, W_TZ) &&
	           tl_m_punct(c, j + 2, ')')) {
		m->tz = tl_m_word(c, j + 1, W_TZ)->word;
		j += 3;
	}
	(void)p;
	return j;
}
