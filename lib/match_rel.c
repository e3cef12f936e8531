/*
 * match_rel.c - rules for dates relative to an anchor: named references
 * ("last week", "this month", "next Friday", "the same day", "the end of
 * the year"), offsets ("two months later", "a year ago", "the day
 * before"), and deictic words ("today", "now", "recently", "tonight",
 * "the past").  Durations and sets are in match_dur.c, clock times in
 * match_time.c.
 */
#include "match.h"

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
	return TL_M_LIT_OF(c, i, verbs);
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
	if (!d) {
		const tl_word *t =
		    tl_m_is(c, j, W_FUNC, F_FROM) ? tl_m_word(c, j + 1, W_DEICTIC) : 0;
		if (!t || (t->val != D_NOW && t->val != D_TODAY) ||
		    !(tl_m_lit(c, j + 1, "now") || tl_m_lit(c, j + 1, "today")))
			return 0;
		m->dir = 1; /* "two weeks from now", "a year from today" */
		m->anchor = A_DCT;
		m->kind = MK_REL;
		return j + 2;
	}
	switch (d->val) {
	case DIR_AGO: /* in a history, back from the story's time */
		m->dir = -1;
		m->anchor = A_DOC;
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
	if (k == i && tl_m_one(c, i) && tl_m_is(c, i + 1, W_UNIT, U_YEAR) &&
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
	/* "the prior-year period": below, with "the year-earlier period" */
	if (r && !(the && r->val == R_PREVIOUS && tl_m_punct(c, i + 1, '-') &&
	           tl_m_is(c, i + 2, W_UNIT, U_YEAR))) {
		int rv = r->val;
		j = i + 1;
		if (rv == R_THIS && tl_m_is(c, j, W_REL, R_LAST)) { /* "this past spring" */
			rv = R_LAST;
			j++;
		}
		/* "the past three years", "the next few days": durations */
		if (rv == R_LAST || rv == R_NEXT || rv == R_FOLLOWING || rv == R_PREVIOUS) {
			size_t k = tl_m_amount(c, j, &n, &vague, &frac);
			if (k)
				k = tl_m_dur_adj(c, k);
			if (k && !tl_m_is(c, j, W_FUNC, F_A) &&
			    (unit = tl_m_unit(c, k, &plural)) != 0 && (plural || n == 1)) {
				tl_m_dur(m, unit, n, vague, frac);
				m->the_ok = 1;
				return rv == R_LAST && the ? tl_m_of_period(c, k + 1, m) : k + 1;
			}
			if (tl_m_lit(c, j, "few") && (unit = tl_m_unit(c, j + 1, &plural)) != 0) {
				tl_m_dur(m, unit, 0, 1, 0);
				m->the_ok = 1;
				return j + 2;
			}
			/* "the coming weeks", "the following days", "in coming
			 * months": a stretch of unknown length (PXW), as WikiWars
			 * annotates "the following months" */
			if ((the || tl_m_lit(c, i, "coming")) &&
			    (unit = tl_m_unit(c, j, &plural)) != 0 && plural && unit != U_WEEKEND) {
				tl_m_dur(m, unit, 0, 1, 0);
				m->the_ok = 1;
				return j + 1;
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
		/* "this time last year", "this time a year ago", "this time next
		 * year": the DCT's day a year off */
		if (rv == R_THIS && !the && tl_m_is(c, j, W_FUNC, F_TIME) &&
		    tl_m_lit(c, i, "this")) {
			size_t e = year_back(c, j + 1);
			int ys = -1;
			if (!e && tl_m_lit(c, j + 1, "next") && tl_m_is(c, j + 2, W_UNIT, U_YEAR)) {
				e = j + 3;
				ys = 1;
			}
			if (e) {
				m->unit = U_DAY;
				m->yshift = (int8_t)ys;
				return e;
			}
		}
		if ((unit = tl_m_unit(c, j, &plural)) != 0 && !plural) {
			if (rv == R_LAST && the && tl_m_lit(c, i, "last") && unit == U_QUARTER &&
			    tl_m_is(c, j + 1, W_FUNC, F_OF)) {
				/* "the last quarter of 2009": its fourth quarter */
				tl_ment y;
				memset(&y, 0, sizeof(y));
				size_t ye = tl_m_year_after(c, j + 2, &y);
				if (ye && !y.bc) {
					memset(m, 0, sizeof(*m));
					m->kind = MK_DATE;
					m->year = y.year;
					m->said = HAS_YEAR | HAS_QUARTER;
					m->quarter = 4;
					m->the_ok = 1;
					return ye;
				}
			}
			int latest = rv == R_LAST && the && tl_m_lit(c, i, "latest");
			if (rv == R_LAST && the && (latest || tl_m_lit(c, i, "last")) &&
			    (unit == U_QUARTER || unit == U_YEAR ||
			     (latest && (unit == U_MONTH || unit == U_WEEK))) &&
			    !tl_m_is(c, j + 1, W_FUNC, F_OF) &&
			    !(i >= 2 &&
			      (tl_m_lit(c, i - 2, "over") || tl_m_is(c, i - 2, W_FUNC, F_WITHIN) ||
			       tl_m_is(c, i - 2, W_FUNC, F_THROUGH)))) {
				/* "profits rose in the last quarter", "the latest
				 * quarter", "the latest month": the unit before this
				 * one, as "last quarter"; "over the last year" stays a
				 * duration */
				m->unit = (uint8_t)unit;
				m->anchor = A_DCT;
				return j + 1;
			}
			if (rv == R_NEXT && the && unit != U_WEEKEND && i >= 2 &&
			    (tl_m_lit(c, i - 2, "over") || tl_m_is(c, i - 2, W_FUNC, F_FOR))) {
				/* "over the next decade", "for the next year": a
				 * stretch of time, not the decade or year after this
				 * one ("in the next decade" stays a date) */
				tl_m_dur(m, unit, 1, 0, 0);
				m->the_ok = 1;
				return j + 1;
			}
			size_t e;
			tl_ment w;
			if (rv == R_LAST && the && unit == U_WEEK && tl_m_lit(c, i, "last") &&
			    (e = tl_m_week_of_month(c, j + 1, -1, &w)) != 0) {
				/* "the last week of September": a week's span whose
				 * extent takes the month (as WikiWars annotates it); a
				 * year said with it places the narrative */
				tl_m_dur(m, U_WEEK, 1, 0, 0);
				m->the_ok = 1;
				if (w.said & HAS_YEAR) {
					m->year = w.year;
					m->month = w.month;
					m->said |= HAS_YEAR | HAS_MONTH;
				}
				return e;
			}
			if (rv == R_LAST && the && unit != U_WEEKEND) {
				/* "the past week": a duration */
				tl_m_dur(m, unit, 1, 0, 0);
				m->the_ok = 1;
				return j + 1;
			}
			m->unit = (uint8_t)unit;
			j++;
			/* "the same day a year earlier" is left at "the same day" */
			return j;
		}
		if (rv == R_LAST && the && j < c->n && c->t[j].w && c->t[j].w->cls == W_WEEKDAY &&
		    tl_m_lit(c, i, "last")) {
			size_t e = tl_m_nth_weekday(c, j, -1, m); /* "the last Sunday of May" */
			if (e)
				return e;
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
	/* "the year-earlier period", "the year-ago quarter", "the prior-year
	 * period": the narrative's period a year back */
	if (the && tl_m_punct(c, i + 1, '-') && tl_m_glued(c, i + 1) && tl_m_glued(c, i + 2) &&
	    ((tl_m_is(c, i, W_UNIT, U_YEAR) &&
	      (tl_m_is(c, i + 2, W_DIR, DIR_EARLIER) || tl_m_is(c, i + 2, W_DIR, DIR_AGO))) ||
	     (tl_m_lit(c, i, "prior") && tl_m_is(c, i + 2, W_UNIT, U_YEAR))) &&
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
	/* "the end of the year", "the start of the day", "the end of the
	 * quarter": the unit of the anchor ("at the end of the day" is an
	 * idiom) */
	if (the && i >= 2 && tl_m_is(c, i - 2, W_FUNC, F_OF) &&
	    (unit = tl_m_unit(c, i, &plural)) != 0 && !plural &&
	    (unit == U_YEAR || unit == U_QUARTER || unit == U_MONTH || unit == U_WEEK ||
	     unit == U_DECADE || unit == U_CENTURY ||
	     (unit == U_DAY && i >= 3 && tl_m_word(c, i - 3, W_MOD) &&
	      !(tl_m_is(c, i - 3, W_MOD, M_END) && i >= 5 && tl_m_is(c, i - 5, W_FUNC, F_AT))))) {
		m->kind = MK_REL;
		m->unit = (uint8_t)unit;
		m->gran_only = 1;
		m->anchor = A_ANY;
		m->the_ok = 1;
		return i + 1;
	}
	/* "year end", "year-end", "at the year-end": the end of the anchor's
	 * year, as "the end of the year"; a leading "the" belongs only when no
	 * noun follows (in "the year-end results" it is the noun's).  Not the
	 * end of a fiscal year ("fiscal year-end"), nor of a span
	 * ("a five-year-end") */
	if (tl_m_is(c, i, W_UNIT, U_YEAR) && !(c->t[i].w->flags & WF_PLURAL) &&
	    !(i > 0 && (tl_m_is(c, i - 1, W_FUNC, F_FISCAL) ||
	                (tl_m_glued(c, i) && tl_m_punct(c, i - 1, '-'))))) {
		j = tl_m_punct(c, i + 1, '-') && tl_m_glued(c, i + 1) && tl_m_glued(c, i + 2)
		        ? i + 2
		        : i + 1;
		if (tl_m_lit(c, j, "end") && (j == i + 2 || !tl_m_glued(c, j)) &&
		    !(tl_m_glued(c, j + 1) && tl_m_punct(c, j + 1, '-'))) {
			m->kind = MK_REL;
			m->unit = U_YEAR;
			m->gran_only = 1;
			m->anchor = A_ANY;
			m->mod = TL_MOD_END;
			m->the_ok = j + 1 >= c->n || c->t[j + 1].kind == TK_PUNCT ||
			            tl_m_word(c, j + 1, W_FUNC);
			tl_ment y;
			size_t e;
			memset(&y, 0, sizeof(y));
			if (j + 1 < c->n && c->t[j + 1].kind == TK_NUM &&
			    (e = tl_r_year(c, j + 1, &y)) != 0 && y.said == HAS_YEAR && !y.bc &&
			    (!y.latent || (y.latent == 2 && y.year >= 1900 && y.year <= 2100))) {
				/* "year-end 1988": the end of 1988; the number is a year
				 * even before a word ("by year-end 1990 it will") */
				y.mod = TL_MOD_END;
				y.latent = 0;
				y.the_ok = m->the_ok;
				*m = y;
				return e;
			}
			return j + 1;
		}
	}
	/* "the week of Nov. 15": the week that holds that day */
	if (the && tl_m_is(c, i, W_UNIT, U_WEEK) && !(c->t[i].w->flags & WF_PLURAL) &&
	    tl_m_is(c, i + 1, W_FUNC, F_OF)) {
		tl_ment d;
		memset(&d, 0, sizeof(d));
		j = tl_r_calendar(c, i + 2, &d);
		if (j && d.kind == MK_DATE && (d.said & HAS_MONTH) && (d.said & HAS_DAY) &&
		    !d.latent && !d.bc) {
			*m = d;
			m->said |= HAS_WEEK;
			m->the_ok = 1;
			return j;
		}
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
	size_t k = tl_m_amount(c, i, &n, &vague, &frac);
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
	if (!unit) {
		if (tl_m_is(c, k + 2, W_DIR, DIR_AGO) &&
		    (tl_m_lit(c, k, "million") || tl_m_lit(c, k, "billion")) &&
		    tl_m_unit(c, k + 1, &plural) == U_YEAR && plural) {
			/* "65 million years ago": too far back for a year value */
			m->kind = MK_REL;
			m->unit = U_YEAR;
			m->vague = 1;
			m->dir = -1;
			m->anchor = A_DCT;
			return k + 3;
		}
		return 0;
	}
	m->unit = (uint8_t)unit;
	m->n = n;
	m->vague = (uint8_t)vague;
	if (tl_m_is(c, k + 1, W_FUNC, F_ON) && !vague &&
	    (k + 2 >= c->n || tl_m_punct(c, k + 2, ',') || tl_m_punct(c, k + 2, '.') ||
	     tl_m_punct(c, k + 2, ';'))) {
		/* "Five years on, the town ...": later than the narrative, as
		 * "five years later" ("five years on the board" is a duration) */
		m->kind = MK_REL;
		m->dir = 1;
		m->anchor = A_NARR;
		return k + 2;
	}
	size_t e = rel_after(c, k + 1, m);
	const tl_word *wd;
	if (e && unit == U_WEEK && m->dir < 0 && m->anchor != A_NARR && !vague &&
	    (wd = tl_m_word(c, e, W_WEEKDAY)) != NULL && (c->t[e].flags & TF_CAP) &&
	    !(c->t[e].flags & TF_NL)) {
		/* "a week ago Friday": that weekday of the week the amount
		 * goes back (resolve.c) */
		m->said |= HAS_WEEKDAY;
		m->weekday = wd->val;
		return e + 1;
	}
	return e;
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
	if (w && ((w->cls == W_TENSE && w->val != 3) || w->cls == W_FUNC || w->cls == W_DIR))
		return 0; /* (val 3: "forecast", here a noun) */
	if (TL_M_LIT_OF(c, i + 1, terms))
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
	 * (PRESENT_REF); not the idiom "in the long run" (WikiWars leaves it) */
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
	if (tl_m_lit(c, j, "foreseeable")) { /* only in "the foreseeable future" */
		if (!the || !tl_m_lit(c, j + 1, "future"))
			return 0;
		m->kind = MK_DEICTIC;
		m->deictic = D_FUTURE;
		m->the_ok = 1;
		return j + 2;
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
