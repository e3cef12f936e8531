/*
 * match_dur.c - rules for how long and how often: durations ("30 years",
 * "a 44-day strike", "several weeks", "half an hour", "between 60 and 90
 * days") and sets ("every Monday", "each year", "weekly", "twice a year",
 * "three times a week").  Both are an amount of units; a set's value is
 * the duration of its period.  The amount readers (tl_m_amount and its
 * helpers) are shared with the relative dates of match_rel.c ("two months
 * later", "the past three years").
 */
#include "match.h"

/* "a"/"an"/"one" at i: the amount 1. */
size_t tl_m_one(const tl_mctx *c, size_t i)
{
	if (tl_m_is(c, i, W_FUNC, F_A) || tl_m_is(c, i, W_NUMBER, 1))
		return i + 1;
	return 0;
}

/* An amount at i into *a (its end, 0 for none; *n as tl_m_amount() would
 * leave it, n_set 0 where it would not write it). */
static void amount_read(const tl_mctx *c, size_t i, tl_amount_memo *a)
{
	size_t j;
	a->i = i;
	a->end = 0;
	a->n_set = 0;
	a->vague = 0;
	a->frac = 0;
	if (i >= c->n || (c->t[i].kind != TK_NUM && (c->t[i].kind != TK_WORD || !c->t[i].w))) {
		a->n = 1; /* as below when neither a number nor "a"/"one" is found */
		a->n_set = 1;
		return; /* every amount starts with digits or a word of the tables */
	}
	if (tl_m_is(c, i, W_FUNC, F_A) && tl_m_is(c, i + 1, W_NUMBER, 12)) {
		a->n = 12;
		a->n_set = 1;
		a->end = i + 2;
		return;
	}
	if (tl_m_is(c, i, W_FUNC, F_A) && tl_m_is(c, i + 1, W_FUNC, F_SEVERAL)) {
		a->vague = 1;
		j = i + 2;
		if (tl_m_is(c, j, W_FUNC, F_OF))
			j++;
		a->end = j;
		return;
	}
	if (tl_m_is(c, i, W_FUNC, F_SEVERAL) || tl_m_is(c, i, W_MOD, M_APPROX)) {
		if (tl_m_is(c, i, W_MOD, M_APPROX) && !tl_m_lit(c, i, "some"))
			return;
		a->vague = 1;
		a->end = i + 1;
		return;
	}
	a->n_set = 1;
	j = tl_m_number(c, i, &a->n);
	if (!j) {
		j = tl_m_one(c, i);
		a->n = 1;
		if (!j)
			return;
	}
	/* "two and a half" */
	if (tl_m_is(c, j, W_FUNC, F_AND) && tl_m_is(c, j + 1, W_FUNC, F_A) &&
	    tl_m_is(c, j + 2, W_FUNC, F_HALF)) {
		a->frac = 1;
		j += 3;
	} else if (tl_m_is(c, j, W_FUNC, F_AND) && tl_m_is(c, j + 1, W_FUNC, F_HALF)) {
		a->frac = 1; /* "two and half years" */
		j += 2;
	} else if (c->t[i].kind == TK_NUM && j + 2 < c->n && c->t[j].kind == TK_NUM &&
	           c->t[j].num == 1 && c->t[j].ndig == 1 && !tl_m_glued(c, j) &&
	           tl_m_punct(c, j + 1, '/') && tl_m_glued(c, j + 1) && tl_m_glued(c, j + 2) &&
	           c->t[j + 2].kind == TK_NUM && c->t[j + 2].num == 2 && c->t[j + 2].ndig == 1) {
		a->frac = 1; /* "2 1/2 years" */
		j += 3;
	}
	a->end = j;
}

/* An amount: a number, "a", "a few", "several", "a couple of". vague=1 for
 * X.  Read once per token: the next rule at the same token gets the kept
 * one. */
size_t tl_m_amount(const tl_mctx *c, size_t i, int64_t *n, int *vague, int *frac)
{
	tl_amount_memo local, *a = c->amount ? c->amount : &local;
	if (!c->amount || !a->valid || a->i != i) {
		amount_read(c, i, a);
		a->valid = 1;
	}
	if (a->n_set)
		*n = a->n;
	*vague = a->vague;
	*frac = a->frac;
	return a->end;
}

/* An adjective between an amount and its unit that leaves the duration as
 * it is: "six straight days", "two consecutive quarters", "five trading
 * days".  Returns the index after it, or i. */
size_t tl_m_dur_adj(const tl_mctx *c, size_t i)
{
	static const char *const adj[] = {"straight", "consecutive", "successive",
	                                  "trading",  "business",    "working"};
	if (i >= c->n || c->t[i].kind != TK_WORD || c->t[i].w)
		return i;
	size_t len = c->t[i].e - c->t[i].b - ((c->t[i].flags & TF_PERIOD) ? 1 : 0);
	if (len < 7 || len > 11) /* shorter than "trading", longer than "consecutive" */
		return i;
	return TL_M_LIT_OF(c, i, adj) && tl_m_unit(c, i + 1, NULL) ? i + 1 : i;
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
	int unit = tl_m_unit(c, tl_m_dur_adj(c, k), &plural);
	return unit && plural && unit != U_WEEKEND ? unit : 0;
}

/* "of 1939", "of February 1951" at k (see match.h). */
size_t tl_m_of_period(const tl_mctx *c, size_t k, tl_ment *m)
{
	if (!tl_m_is(c, k, W_FUNC, F_OF) || k + 1 >= c->n)
		return k;
	if ((tl_m_is(c, k + 1, W_FUNC, F_THE) || tl_m_is(c, k + 1, W_REL, R_THIS) ||
	     tl_m_is(c, k + 1, W_REL, R_LAST)) &&
	    tl_m_is(c, k + 2, W_UNIT, U_YEAR) && !(c->t[k + 2].w->flags & WF_PLURAL))
		return k + 3; /* "the first nine months of the year": the extent only */
	tl_ment d;
	memset(&d, 0, sizeof(d));
	size_t e = c->t[k + 1].kind == TK_NUM     ? tl_r_year(c, k + 1, &d)
	           : tl_m_word(c, k + 1, W_MONTH) ? tl_r_calendar(c, k + 1, &d)
	                                          : 0;
	if (!e || d.kind != MK_DATE || d.latent || d.bc || !(d.said & HAS_YEAR) ||
	    (d.said & ~(uint32_t)(HAS_YEAR | HAS_MONTH)))
		return k;
	m->year = d.year;
	m->month = d.month;
	m->said |= d.said;
	return e;
}

/* Whether "a" at i follows an amount counted per unit of time: "3% a
 * year", "3 percent a year", "$500 a month", "1 million barrels a day",
 * "two meals a day" (a number or an amount word, or a plural noun one or
 * two tokens after a number). */
static int rate_before(const tl_mctx *c, size_t i)
{
	static const char *const amount[] = {"percent", "cents", "dollars", "euros", "pounds"};
	if (i == 0)
		return 0;
	const tl_tok *p = &c->t[i - 1];
	if (p->kind == TK_NUM || tl_m_punct(c, i - 1, '%'))
		return 1;
	if (p->kind != TK_WORD)
		return 0;
	if (TL_M_LIT_OF(c, i - 1, amount))
		return 1;
	if (p->w || p->e - p->b < 3 || c->text[p->e - 1] != 's')
		return 0;
	int64_t n;
	for (size_t back = 2; back <= 3 && back <= i; back++)
		if (c->t[i - back].kind == TK_NUM || tl_m_number(c, i - back, &n) == i - back + 1)
			return 1;
	return 0;
}

/* Fill a duration. */
void tl_m_dur(tl_ment *m, int unit, int64_t n, int vague, int frac)
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
	return TL_M_LIT_OF(c, i, det);
}

/* Durations: "30 years", "30-year", "a decade", "several weeks", "half an hour". */
size_t tl_r_duration(const tl_mctx *c, size_t i, tl_ment *m)
{
	int64_t n = 0;
	int vague, frac, plural = 0, unit;
	size_t j;
	if (tl_m_is(c, i, W_FUNC, F_HALF) && tl_m_is(c, i + 1, W_FUNC, F_A) &&
	    (unit = tl_m_unit(c, i + 2, &plural)) != 0 && !plural) {
		tl_m_dur(m, unit, 0, 0, 1);
		return i + 3;
	}
	/* "the first nine months", "the first few weeks": a span counted
	 * from a period's start; the ordinal and the article belong to it
	 * (not the adverb: "he finished first two years ago") */
	if (i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE) && tl_m_is(c, i, W_ORDINAL, 1) &&
	    tl_m_lit(c, i, "first") && !tl_m_is(c, i + 1, W_FUNC, F_A) &&
	    (j = tl_m_amount(c, i + 1, &n, &vague, &frac)) != 0 &&
	    (unit = tl_m_unit(c, tl_m_dur_adj(c, j), &plural)) != 0 && plural &&
	    unit != U_WEEKEND) {
		tl_m_dur(m, unit, n, vague, frac);
		m->the_ok = 1;
		return tl_m_of_period(c, tl_m_dur_adj(c, j) + 1, m);
	}
	j = tl_m_amount(c, i, &n, &vague, &frac);
	if (j) {
		size_t k = j;
		int adj = 0;
		if (tl_m_punct(c, k, '-') && tl_m_glued(c, k) && !vague) {
			k++;
			adj = 1;
		} else
			k = tl_m_dur_adj(c, k);
		int adjw = k > j && !adj; /* "two consecutive quarters" */
		unit = tl_m_unit(c, k, &plural);
		if (!unit && !vague && !frac && (unit = shared_unit(c, i, j)) != 0) {
			tl_m_dur(m, unit, n, 0, 0); /* "between 60 and 90 days": "60" */
			return j;
		}
		if (!unit || unit == U_WEEKEND)
			return 0;
		if (plural && !vague && n == 1 && tl_m_is(c, i, W_FUNC, F_A))
			return 0; /* "a decades-long feud": the article is the noun's */
		tl_m_dur(m, unit, n, vague, frac);
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
		if (tl_m_is(c, i, W_FUNC, F_A) && !plural && !adj && !adjw && k == i + 2 &&
		    !tl_m_word(c, k, W_DIR) && unit != U_DECADE && unit != U_CENTURY &&
		    rate_before(c, i)) {
			/* "grew 3% a year", "$500 a month": a rate, so a set */
			memset(m, 0, sizeof(*m));
			m->kind = MK_SET;
			m->unit = (uint8_t)unit;
			m->n = 1;
			return k;
		}
		if (tl_m_is(c, i, W_FUNC, F_A) && !plural && unit == U_YEAR && !adj &&
		    (tl_m_lit(c, k, "end") ||
		     (tl_m_punct(c, k, '-') && tl_m_glued(c, k) && tl_m_lit(c, k + 1, "end"))))
			return 0; /* "a year-end bonus": the article is the noun's */
		if (unit == U_QUARTER && !adj && !adjw && tl_m_is(c, k, W_FUNC, F_OF))
			return 0; /* "a quarter of the cake" */
		if ((c->t[i].flags & TF_CAP) && (c->t[k - 1].flags & TF_CAP) &&
		    (tl_m_punct(c, k, '\'') || (k < c->n && c->t[k].kind == TK_WORD &&
		                                (c->t[k].flags & TF_CAP) && !c->t[k].w)))
			return 0; /* "the Seven Years' War", "the Six-Day War" */
		if (unit == U_SECOND && !plural && c->t[i].kind != TK_NUM && n == 2)
			return 0;
		/* "the three months to September", "the nine months ended June
		 * 30": a period counted back from a month; the article is its */
		if (plural && !adj &&
		    (tl_m_is(c, k, W_FUNC, F_TO) || tl_m_is(c, k, W_FUNC, F_THROUGH) ||
		     tl_m_lit(c, k, "ended") || tl_m_lit(c, k, "ending")) &&
		    tl_m_word(c, k + 1, W_MONTH))
			m->the_ok = 1;
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
		tl_m_dur(m, unit, 0, 1, 0);
		return i + 1;
	}
	if (p > 0 && (tl_m_is(c, p - 1, W_FUNC, F_FOR) || tl_m_is(c, p - 1, W_FUNC, F_WITHIN) ||
	              tl_m_is(c, p - 1, W_MOD, M_MORE) || tl_m_is(c, p - 1, W_FUNC, F_IN))) {
		tl_m_dur(m, unit, 0, 1, 0);
		return i + 1;
	}
	if (tl_m_punct(c, i + 1, '-') && tl_m_glued(c, i + 1) && tl_m_lit(c, i + 2, "long") &&
	    tl_m_glued(c, i + 2)) {
		tl_m_dur(m, unit, 0, 1, 0);
		return i + 3;
	}
	/* "over the years", "through the decades" */
	if (i >= 2 && tl_m_is(c, i - 1, W_FUNC, F_THE) &&
	    (tl_m_lit(c, i - 2, "over") || tl_m_is(c, i - 2, W_FUNC, F_THROUGH) ||
	     tl_m_lit(c, i - 2, "across")) &&
	    (unit == U_YEAR || unit == U_DECADE || unit == U_CENTURY) &&
	    !(i + 1 < c->n && c->t[i + 1].kind == TK_NUM)) {
		tl_m_dur(m, unit, 0, 1, 0);
		m->the_ok = 1;
		return i + 1;
	}
	return 0;
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
