/*
 * match_date.c - rules for calendar dates: month-day-year in every written
 * order, numeric and ISO dates, seasons, quarters, halves, centuries by
 * their ordinal ("the 20th century"), decades by name ("the eighties"),
 * holidays.  Years written with digits, and the decades and centuries
 * written with them ("1990s", "'90s", "1800s"), are in match_year.c.  Each
 * rule records only what the text says (HAS_* flags); the year of "Nov. 5"
 * is left to resolve_fields.c.
 */
#include "match.h"

/* Words before a weak word ("May", "spring", a bare year) that make it a date. */
int tl_m_date_support_before(const tl_mctx *c, size_t i)
{
	if (i == 0)
		return 0;
	size_t p = i - 1;
	const tl_tok *t = &c->t[p];
	if (t->kind != TK_WORD || !t->w)
		return 0;
	switch (t->w->cls) {
	case W_FUNC:
		switch (t->w->val) {
		case F_IN:
		case F_SINCE:
		case F_UNTIL:
		case F_BY:
		case F_DURING:
		case F_FROM:
		case F_TO:
		case F_OF:
		case F_BETWEEN:
		case F_THROUGH:
		case F_FISCAL:
		case F_ON:
		case F_AND:
			return 1;
		default:
			return 0;
		}
	case W_DIR:
		return t->w->val == DIR_BEFORE || t->w->val == DIR_AFTER;
	case W_MOD:
		return t->w->val == M_EARLY || t->w->val == M_MID || t->w->val == M_LATE;
	case W_REL:
		return 1;
	case W_UNIT:
		return t->w->val == U_YEAR && !(t->w->flags & WF_PLURAL);
	default:
		return 0;
	}
}

/* Words before "spring" or "fall" that make it a season, not a verb. */
static int season_support(const tl_mctx *c, size_t i)
{
	if (i == 0)
		return 0;
	const tl_tok *t = &c->t[i - 1];
	if (!t->w)
		return 0;
	if (t->w->cls == W_REL)
		return 1;
	if (t->w->cls == W_MOD)
		return t->w->val == M_EARLY || t->w->val == M_MID || t->w->val == M_LATE;
	if (t->w->cls == W_FUNC)
		return t->w->val == F_THE || t->w->val == F_IN || t->w->val == F_DURING ||
		       t->w->val == F_SINCE || t->w->val == F_UNTIL || t->w->val == F_BY;
	return 0;
}

/* A bare name at i..j that reads as part of a proper name or a modifier:
 * followed by a capitalised word the tables do not know ("June Carter"),
 * or by a lower-case word right after "the" ("the August committee"). */
static int name_like(const tl_mctx *c, size_t i, size_t j)
{
	if (j >= c->n || c->t[j].kind != TK_WORD || c->t[j].w || tl_m_date_support_before(c, i))
		return 0;
	if (c->t[j].flags & TF_CAP)
		return 1;
	return i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE);
}

/* A month name at i (abbreviations only with a period or before a number). */
static const tl_word *month_at(const tl_mctx *c, size_t i)
{
	const tl_word *w = tl_m_word(c, i, W_MONTH);
	if (!w)
		return NULL;
	if ((w->flags & WF_ABBR) && !(c->t[i].flags & TF_PERIOD) &&
	    !(i + 1 < c->n && c->t[i + 1].kind == TK_NUM))
		return NULL;
	return w;
}

/* 0 when tl_m_ordinal() must find nothing at i, by a quick test of token i:
 * digits not glued to a word ("5th" is "5" + "th"), or a word that is
 * neither an ordinal nor a number (nor has a second reading). */
static inline int maybe_ordinal(const tl_mctx *c, size_t i)
{
	if (i >= c->n)
		return 0;
	const tl_tok *t = &c->t[i];
	if (t->kind == TK_NUM)
		return t->ndig <= 3 && i + 1 < c->n && c->t[i + 1].kind == TK_WORD &&
		       !(c->t[i + 1].flags & (TF_SPACE | TF_NL));
	return t->kind == TK_WORD && t->w &&
	       (t->w->cls == W_ORDINAL || t->w->cls == W_NUMBER || (t->w->flags & WF_TWO));
}

/* A day of the month at i: "5", "5th", "fifth"; sets m->day. */
static size_t day_at(const tl_mctx *c, size_t i, tl_ment *m, int *ordinal)
{
	int64_t v;
	*ordinal = 0;
	if (i >= c->n || (c->t[i].kind != TK_NUM && !maybe_ordinal(c, i)))
		return 0; /* neither digits nor a number word: the common case, first */
	size_t j = maybe_ordinal(c, i) ? tl_m_ordinal(c, i, &v) : 0;
	*ordinal = j != 0;
	if (!j) {
		if (i >= c->n || c->t[i].kind != TK_NUM || c->t[i].ndig > 2)
			return 0;
		if (tl_m_glued(c, i + 1) &&
		    (tl_m_punct(c, i + 1, ':') || tl_m_punct(c, i + 1, '.')) && i + 2 < c->n &&
		    c->t[i + 2].kind == TK_NUM)
			return 0;
		v = c->t[i].num;
		j = i + 1;
	}
	if (v < 1 || v > 31)
		return 0;
	m->day = (int32_t)v;
	m->said |= HAS_DAY;
	return j;
}

static size_t of_narr_year(const tl_mctx *c, size_t j, tl_ment *m);
static size_t of_year(const tl_mctx *c, size_t j, tl_ment *m);

/* "the April-June quarter", "the July-September period": after the first
 * month (m->month set, j just past it) a dash, the month that ends the same
 * calendar quarter and "quarter" or "period" make that quarter, with a year
 * after "of" if one follows ("the January-March quarter of 2021").  Returns
 * the end, or 0 (m untouched). */
static size_t months_quarter(const tl_mctx *c, size_t j, tl_ment *m)
{
	if (m->month % 3 != 1 || !tl_m_punct(c, j, '-') || !tl_m_glued(c, j + 1))
		return 0;
	const tl_word *w = month_at(c, j + 1);
	if (!w || w->val != m->month + 2 || (w->flags & WF_ABBR))
		return 0;
	if (!(tl_m_is(c, j + 2, W_UNIT, U_QUARTER) && !(c->t[j + 2].w->flags & WF_PLURAL)) &&
	    !tl_m_lit(c, j + 2, "period"))
		return 0;
	m->quarter = (m->month + 2) / 3;
	m->month = 0;
	m->said = HAS_QUARTER;
	m->the_ok = 1;
	return of_year(c, j + 3, m);
}

/* Whether token k joins two days of a range: a dash, "to", "through", "and". */
static int range_word(const tl_mctx *c, size_t k)
{
	return tl_m_punct(c, k, '-') || tl_m_is(c, k, W_FUNC, F_TO) ||
	       tl_m_is(c, k, W_FUNC, F_THROUGH) || tl_m_is(c, k, W_FUNC, F_AND);
}

/* The first day of a range of days in one month, "22-25 April 1951",
 * "from 15 to 22 February": m holds the day; the month (and year) are
 * those of the date after the range word at k.  Returns k (the extent is
 * the day alone), or 0. */
static size_t first_day(const tl_mctx *c, size_t k, tl_ment *m)
{
	tl_ment d;
	memset(&d, 0, sizeof(d));
	if (k + 1 >= c->n || c->t[k + 1].kind != TK_NUM)
		return 0;
	size_t e = tl_r_calendar(c, k + 1, &d);
	if (!e || d.kind != MK_DATE || (d.said & HAS_WEEKDAY) || !(d.said & HAS_DAY) ||
	    !(d.said & HAS_MONTH) || d.day <= m->day)
		return 0;
	m->month = d.month;
	m->said |= HAS_MONTH | (d.said & HAS_YEAR);
	m->year = d.year;
	m->bc = d.bc;
	m->explicit_full = (m->said & HAS_YEAR) != 0;
	return k;
}

/* The second day of a range of days in one month, "April 6-7", "May 3 to
 * 5, 1945": the number at i after a range word after "Month D".  The month
 * is that of the first day; a year may follow.  Returns the end, or 0. */
static size_t second_day(const tl_mctx *c, size_t i, tl_ment *m)
{
	if (i < 3 || i >= c->n || c->t[i].kind != TK_NUM || c->t[i].ndig > 2 ||
	    !range_word(c, i - 1) || c->t[i - 2].kind != TK_NUM || c->t[i - 2].ndig > 2)
		return 0;
	const tl_word *w = month_at(c, i - 3);
	int64_t v = c->t[i].num;
	if (!w || v <= c->t[i - 2].num || v > 31 ||
	    (tl_m_glued(c, i + 1) && (tl_m_punct(c, i + 1, ':') || tl_m_punct(c, i + 1, '.')) &&
	     tl_m_glued(c, i + 2) && i + 2 < c->n && c->t[i + 2].kind == TK_NUM))
		return 0; /* "6-7.5", "6-7:30" */
	m->month = w->val;
	m->day = (int32_t)v;
	m->said = HAS_MONTH | HAS_DAY;
	size_t j = i + 1;
	size_t y = tl_m_punct(c, j, ',') ? j + 1 : j;
	size_t e = tl_m_year_after(c, y, m);
	if (e)
		j = e;
	m->explicit_full = (m->said & HAS_YEAR) != 0;
	return j;
}

/* "the first of next month": the day in m (an ordinal), then "last month",
 * "next month", "this month" at k.  m becomes that relative month with the
 * day said (resolve.c picks the day in it); returns the end, or 0.  Of a
 * year only its first day: "the first of next year", "the first of the
 * year" ("the 15th of last year" is no date). */
static size_t day_of_rel_month(const tl_mctx *c, size_t k, tl_ment *m)
{
	int the = tl_m_is(c, k, W_FUNC, F_THE);
	if (!(the ? tl_m_is(c, k + 1, W_UNIT, U_YEAR) && m->day == 1
	          : tl_m_word(c, k, W_REL) && tl_m_word(c, k + 1, W_UNIT)))
		return 0; /* the common case, first */
	tl_ment r;
	memset(&r, 0, sizeof(r));
	size_t e = tl_r_relative(c, k + (size_t)the, &r);
	if (e != k + 2 || r.kind != MK_REL || !r.gran_only || r.said || r.mod ||
	    !(r.unit == U_MONTH || (r.unit == U_YEAR && m->day == 1)))
		return 0;
	int32_t day = m->day;
	*m = r;
	m->day = day;
	m->said = HAS_DAY;
	m->the_ok = 1;
	return e;
}

/* "on the 5th", "from the 13th to the 19th": a day of the month the story
 * is in (the narrative's, else the DCT's), at ordinal i (digits and a
 * suffix) that ended at k: "the" before it and a preposition before that,
 * and no word after it but "and", "or", "to", "at".  m becomes that day of
 * "this month" (resolve.c picks the month); returns k, or 0. */
static size_t day_of_story_month(const tl_mctx *c, size_t i, size_t k, tl_ment *m)
{
	if (i < 2 || c->t[i].kind != TK_NUM || !tl_m_is(c, i - 1, W_FUNC, F_THE))
		return 0;
	const tl_word *p = tl_m_word(c, i - 2, W_FUNC);
	if (!p || (p->val != F_ON && p->val != F_FROM && p->val != F_TO && p->val != F_UNTIL &&
	           p->val != F_BY && p->val != F_SINCE && p->val != F_AND))
		return 0;
	if (k < c->n && c->t[k].kind != TK_PUNCT &&
	    !(tl_m_is(c, k, W_FUNC, F_AND) || tl_m_is(c, k, W_FUNC, F_OR) ||
	      tl_m_is(c, k, W_FUNC, F_TO) || tl_m_is(c, k, W_FUNC, F_AT)))
		return 0; /* "on the 14th floor", "the 5th of May" is a date elsewhere */
	int32_t day = m->day;
	memset(m, 0, sizeof(*m));
	m->kind = MK_REL;
	m->unit = U_MONTH;
	m->anchor = A_ANY;
	m->gran_only = 1;
	m->day = day;
	m->said = HAS_DAY;
	m->the_ok = 1;
	return k;
}

/* Month-day-year and day-month-year dates, weekdays, months alone. */
size_t tl_r_calendar(const tl_mctx *c, size_t i, tl_ment *m)
{
	size_t j = i;
	int ord = 0;
	const tl_word *w = tl_m_word(c, j, W_WEEKDAY);
	m->kind = MK_DATE;
	if (w) {
		if (w->flags & WF_PLURAL)
			return 0;
		if ((w->flags & WF_ABBR) && !(c->t[j].flags & TF_PERIOD))
			return 0;
		m->weekday = w->val;
		m->said |= HAS_WEEKDAY;
		j++;
		size_t k = tl_m_punct(c, j, ',') ? j + 1 : j;
		tl_ment d;
		memset(&d, 0, sizeof(d));
		size_t e = tl_r_calendar(c, k, &d);
		if (e && !(d.said & HAS_WEEKDAY) && (d.said & HAS_DAY)) {
			d.weekday = m->weekday;
			d.said |= HAS_WEEKDAY;
			*m = d;
			return e;
		}
		if (w->flags & WF_ABBR)
			return 0;
		if (j < c->n && c->t[j].kind == TK_WORD && (c->t[j].flags & TF_CAP) &&
		    (!c->t[j].w || c->t[j].w->cls == W_SETW))
			return 0; /* "Tuesday Weld", "the Sunday Times" */
		if (tl_m_word(c, j, W_POD) && !(tl_m_word(c, j, W_POD)->flags & WF_PLURAL)) {
			m->pod = tl_m_word(c, j, W_POD)->val;
			m->said |= HAS_POD;
			m->kind = MK_TIME;
			return j + 1;
		}
		return j;
	}
	w = month_at(c, j);
	if (w) {
		m->month = w->val;
		m->said |= HAS_MONTH;
		j++;
		if (tl_m_punct(c, j, '.') && (w->flags & WF_ABBR))
			j++;
		size_t q = months_quarter(c, j, m);
		if (q)
			return q;
		size_t k = day_at(c, j, m, &ord);
		if (k && !(tl_m_glued(c, k) && tl_m_punct(c, k, '-') && k + 1 < c->n &&
		           c->t[k + 1].kind == TK_WORD && !month_at(c, k + 1))) {
			/* not "May 5-year", but "Nov. 30-Dec. 1" */
			j = k;
			size_t y = tl_m_punct(c, j, ',') ? j + 1 : j;
			size_t e = tl_m_year_after(c, y, m);
			if (e)
				j = e;
			else if (tl_m_is(c, j, W_FUNC, F_OF))
				j = of_narr_year(c, j, m); /* "July 25 of that year" */
			m->explicit_full = (m->said & HAS_YEAR) != 0;
			return j;
		}
		m->said &= ~(uint32_t)HAS_DAY;
		m->day = 0;
		size_t y = j;
		if (tl_m_punct(c, y, ','))
			y++;
		else if (tl_m_is(c, y, W_FUNC, F_OF))
			y++;
		size_t e = tl_m_year_after(c, y, m);
		if (e)
			return e;
		if (tl_m_is(c, j, W_FUNC, F_OF) && (e = of_narr_year(c, j, m)) > j)
			return e; /* "October of that year" */
		if (name_like(c, i, j))
			m->latent = 1; /* "June Carter", "the August committee" */
		if ((w->flags & WF_WEAK) && !tl_m_date_support_before(c, i))
			m->latent = 1;
		if (w->flags & WF_ABBR)
			m->latent = 1;
		return j;
	}
	/* the second day of "April 6-7", "May 3 to 5, 1945" */
	size_t k = second_day(c, j, m);
	if (k)
		return k;
	/* day first: "5 November 2021", "the 19th of October" */
	k = day_at(c, j, m, &ord);
	if (!k)
		return 0;
	if (!ord && range_word(c, k))
		return first_day(c, k, m); /* "22-25 April 1951" */
	int of = tl_m_is(c, k, W_FUNC, F_OF);
	if (of)
		k++;
	w = month_at(c, k);
	if (!w)
		return !ord ? 0 : of ? day_of_rel_month(c, k, m) : day_of_story_month(c, j, k, m);
	m->month = w->val;
	m->said |= HAS_MONTH;
	m->the_ok = (uint8_t)ord;
	j = k + 1;
	size_t y = tl_m_punct(c, j, ',') ? j + 1 : j;
	size_t e = tl_m_year_after(c, y, m);
	if (e)
		j = e;
	else if (tl_m_is(c, j, W_FUNC, F_OF))
		j = of_narr_year(c, j, m); /* "the 5th of May of that year" */
	m->explicit_full = (m->said & HAS_YEAR) != 0;
	return j;
}

/* Store a numeric date; ambiguous day/month orders become unknown on request. */
static size_t numeric_store(const tl_mctx *c, tl_ment *m, int64_t a, int64_t b, int64_t y, int ydig,
                            size_t end)
{
	int64_t mo = a, d = b;
	if (c->parser->opts.numeric_order == TL_DATE_ORDER_DMY) {
		mo = b;
		d = a;
	} else if (c->parser->opts.numeric_order == TL_DATE_ORDER_YMD)
		return 0;
	if (mo > 12 && d <= 12) { /* only one order is possible */
		int64_t t = mo;
		mo = d;
		d = t;
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	if (ydig == 2)
		y += y < 50 ? 2000 : 1900;
	m->kind = MK_DATE;
	m->year = (int32_t)y;
	m->month = (int32_t)mo;
	m->day = (int32_t)d;
	m->said = HAS_YEAR | HAS_MONTH | HAS_DAY;
	m->explicit_full = 1;
	if (c->parser->opts.report_ambiguous && a != b && a <= 12 && b <= 12)
		m->vague = 2; /* day and month cannot be told apart */
	return end;
}

/* ISO dates (2021-11-05, 2021/11/05) and numeric ones (11/05/2021, 5.11.2021). */
size_t tl_r_numeric(const tl_mctx *c, size_t i, tl_ment *m)
{
	if (i + 4 >= c->n || c->t[i].kind != TK_NUM)
		return 0;
	const tl_tok *t = c->t;
	char s1 = t[i + 1].kind == TK_PUNCT ? t[i + 1].punct : 0;
	if (!(s1 == '-' || s1 == '/' || s1 == '.') || !tl_m_glued(c, i + 1) ||
	    !tl_m_glued(c, i + 2) || t[i + 2].kind != TK_NUM || !tl_m_punct(c, i + 3, s1) ||
	    !tl_m_glued(c, i + 3) || !tl_m_glued(c, i + 4) || t[i + 4].kind != TK_NUM)
		return 0;
	if (i + 5 < c->n && tl_m_glued(c, i + 5) &&
	    (t[i + 5].kind == TK_NUM || tl_m_punct(c, i + 5, s1) ||
	     (tl_m_punct(c, i + 5, '.') && i + 6 < c->n && t[i + 6].kind == TK_NUM &&
	      tl_m_glued(c, i + 6))))
		return 0;
	if (i > 0 && tl_m_glued(c, i) && (t[i - 1].kind == TK_NUM || tl_m_punct(c, i - 1, s1)))
		return 0;
	if (t[i].ndig == 4 && t[i + 2].ndig <= 2 && t[i + 4].ndig <= 2 && s1 != '.') {
		int64_t y = t[i].num, mo = t[i + 2].num, d = t[i + 4].num;
		if (mo < 1 || mo > 12 || d < 1 ||
		    d > tl_date_days_in_month((int32_t)y, (int32_t)mo))
			return 0;
		m->kind = MK_DATE;
		m->year = (int32_t)y;
		m->month = (int32_t)mo;
		m->day = (int32_t)d;
		m->said = HAS_YEAR | HAS_MONTH | HAS_DAY;
		m->explicit_full = 1;
		size_t j = i + 5;
		/* ISO date and time: 2021-11-05T14:30 (a clock time that exists:
		 * hour 0-23, minute 00-59; else the date alone) */
		if (tl_m_glued(c, j) && tl_m_lit(c, j, "t") && j + 3 < c->n &&
		    t[j + 1].kind == TK_NUM && tl_m_punct(c, j + 2, ':') &&
		    t[j + 3].kind == TK_NUM && t[j + 1].ndig <= 2 && t[j + 1].num <= 23 &&
		    t[j + 3].ndig == 2 && t[j + 3].num <= 59) {
			m->kind = MK_TIME;
			m->hour = (int32_t)t[j + 1].num;
			m->minute = (int32_t)t[j + 3].num;
			m->said |= HAS_HOUR | HAS_MINUTE;
			j += 4;
		}
		return j;
	}
	if (t[i].ndig > 2 || t[i + 2].ndig > 2 ||
	    !(t[i + 4].ndig == 4 || (t[i + 4].ndig == 2 && s1 == '/')))
		return 0;
	if (c->parser->opts.numeric_order == TL_DATE_ORDER_YMD)
		return 0;
	return numeric_store(c, m, t[i].num, t[i + 2].num, t[i + 4].num, t[i + 4].ndig, i + 5);
}

/* The ordinal before "quarter" or "half": "third", "3rd", "third-quarter". */
static size_t part_of_year(const tl_mctx *c, size_t i, tl_ment *m)
{
	int64_t v;
	size_t j = maybe_ordinal(c, i) ? tl_m_ordinal(c, i, &v) : 0;
	if (!j)
		return 0;
	if (tl_m_punct(c, j, '-') && tl_m_glued(c, j))
		j++;
	if (tl_m_is(c, j, W_UNIT, U_QUARTER) && v >= 1 && v <= 4) {
		m->quarter = (int32_t)v;
		m->said |= HAS_QUARTER;
	} else if (tl_m_is(c, j, W_FUNC, F_HALF) && v >= 1 && v <= 2) {
		m->half = (int32_t)v;
		m->said |= HAS_HALF;
	} else
		return 0;
	return j + 1;
}

/* Whether the tokens near i (SPORT_NEAR either side, in the chunk) speak of
 * a game: "scored in the first half", "the striker equalised in the
 * second half", a touchdown "in the fourth quarter" are parts of a game,
 * not of a year.  Only words of sport alone ("a goal", "a penalty", "a
 * score" are also business words). */
#define SPORT_NEAR 24
static int game_near(const tl_mctx *c, size_t i)
{
	static const char *const cue[] = {"scored",     "halftime", "touchdown",   "touchdowns",
	                                  "inning",     "innings",  "quarterback", "striker",
	                                  "goalkeeper", "kickoff",  "equalised",   "equalized",
	                                  "equaliser",  "rebounds", "interception"};
	size_t a = i > SPORT_NEAR ? i - SPORT_NEAR : 0,
	       z = i + SPORT_NEAR < c->n ? i + SPORT_NEAR : c->n;
	for (size_t k = a; k < z; k++) {
		if (c->t[k].kind != TK_WORD || c->t[k].w)
			continue; /* the cues are no table words */
		if (TL_M_LIT_OF(c, k, cue))
			return 1;
	}
	return 0;
}

/* "of 2020", "of this year", "of last year", "of that year" after a part. */
static size_t of_year(const tl_mctx *c, size_t j, tl_ment *m)
{
	size_t k = j;
	if (tl_m_is(c, k, W_FUNC, F_OF) || tl_m_is(c, k, W_FUNC, F_IN))
		k++;
	else if (!(k < c->n && c->t[k].kind == TK_NUM))
		return j;
	if (tl_m_is(c, k, W_FUNC, F_FISCAL)) /* "the fourth quarter of fiscal 1989" */
		k += tl_m_is(c, k + 1, W_UNIT, U_YEAR) ? 2 : 1;
	size_t e = tl_m_year_after(c, k, m);
	if (e)
		return e;
	if (tl_m_is(c, k, W_FUNC, F_THE) && tl_m_is(c, k + 1, W_UNIT, U_YEAR)) {
		m->unit = U_YEAR;
		m->anchor = A_ANY;
		return k + 2;
	}
	/* "of the same year", "of the following year": the narrative's */
	int the = tl_m_is(c, k, W_FUNC, F_THE) && tl_m_word(c, k + 1, W_REL);
	k += (size_t)the;
	const tl_word *r = tl_m_word(c, k, W_REL);
	if (r && tl_m_is(c, k + 1, W_UNIT, U_YEAR)) {
		m->unit = U_YEAR;
		m->dir = (int8_t)(r->val == R_LAST ? -1 : r->val == R_NEXT ? 1 : 0);
		m->anchor = r->val == R_THAT || the ? A_NARR : A_DCT;
		if (r->val == R_PREVIOUS || r->val == R_FOLLOWING) {
			m->dir = (int8_t)(r->val == R_PREVIOUS ? -1 : 1);
			m->anchor = A_NARR;
		}
		return k + 2;
	}
	return j;
}

/* "of that year", "of the following year" after a month or a date: the
 * narrative's year joins the date.  "of last year", "of 2020" are left
 * as timexes of their own (a date and a year said apart). */
static size_t of_narr_year(const tl_mctx *c, size_t j, tl_ment *m)
{
	tl_ment t = *m;
	size_t e = of_year(c, j, &t);
	if (e <= j || t.anchor != A_NARR)
		return j;
	*m = t;
	return e;
}

/* "of March 2009" after "the first week" (see match.h). */
size_t tl_m_week_of_month(const tl_mctx *c, size_t k, int64_t nth, tl_ment *m)
{
	if (!(tl_m_is(c, k, W_FUNC, F_OF) || tl_m_is(c, k, W_FUNC, F_IN)) || !month_at(c, k + 1))
		return 0;
	tl_ment d;
	memset(&d, 0, sizeof(d));
	size_t e = tl_r_calendar(c, k + 1, &d);
	if (!e || d.kind != MK_DATE || d.bc || !(d.said & HAS_MONTH) ||
	    (d.said & ~(uint32_t)(HAS_MONTH | HAS_YEAR)))
		return 0;
	memset(m, 0, sizeof(*m));
	m->kind = MK_DATE;
	m->month = d.month;
	m->year = d.year;
	m->said = d.said | HAS_WEEK;
	m->n = nth;
	m->the_ok = 1;
	m->explicit_full = d.explicit_full;
	return e;
}

/* "Sunday of November" after "the last", "the first" (see match.h). */
size_t tl_m_nth_weekday(const tl_mctx *c, size_t j, int64_t nth, tl_ment *m)
{
	const tl_word *w = tl_m_word(c, j, W_WEEKDAY);
	if (!w || (w->flags & (WF_PLURAL | WF_ABBR)))
		return 0;
	size_t e = tl_m_week_of_month(c, j + 1, nth, m);
	if (!e)
		return 0;
	m->said = (m->said & ~(uint32_t)HAS_WEEK) | HAS_WEEKDAY;
	m->weekday = w->val;
	return e;
}

/* Whether tokens [i, j) (a holiday) close a short title in quotation marks
 * that a capitalised word opens: the song "White Christmas". */
static int quoted_title(const tl_mctx *c, size_t i, size_t j)
{
	if (i < 2 || j >= c->n)
		return 0;
	const tl_tok *w = &c->t[i - 1], *q = &c->t[i - 2], *r = &c->t[j];
	return w->kind == TK_WORD && (w->flags & TF_CAP) && !w->w && q->kind == TK_PUNCT &&
	       (q->punct == '"' || q->punct == '\'') && r->kind == TK_PUNCT &&
	       (r->punct == '"' || r->punct == '\'');
}

/* Centuries, quarters, halves, seasons, holidays, fiscal years. */
size_t tl_r_part(const tl_mctx *c, size_t i, tl_ment *m)
{
	int64_t v;
	size_t j;
	m->kind = MK_DATE;
	/* the 20th century */
	j = maybe_ordinal(c, i) ? tl_m_ordinal(c, i, &v) : 0;
	if (j && tl_m_is(c, j, W_UNIT, U_CENTURY) && v >= 1 && v <= 30) {
		m->century = (int32_t)(v - 1);
		m->said = HAS_CENTURY;
		m->the_ok = 1;
		j++;
		if (tl_m_is(c, j, W_FUNC, F_BC) ||
		    (tl_m_lit(c, j, "b") && tl_m_lit(c, j + 1, "c"))) {
			m->bc = 1;
			j += tl_m_is(c, j, W_FUNC, F_BC) ? 1 : 2;
		}
		return j;
	}
	/* "the first week of December", "the second week of June 1944" */
	if (j && v >= 1 && v <= 5 && tl_m_is(c, j, W_UNIT, U_WEEK) &&
	    !(c->t[j].w->flags & WF_PLURAL)) {
		size_t e = tl_m_week_of_month(c, j + 1, v, m);
		if (e)
			return e;
	}
	/* "the first Monday of March", "the fourth Thursday in November" */
	if (j && v >= 1 && v <= 5 && j < c->n && c->t[j].w && c->t[j].w->cls == W_WEEKDAY) {
		size_t e = tl_m_nth_weekday(c, j, v, m);
		if (e)
			return e;
	}
	/* quarters and halves */
	j = part_of_year(c, i, m);
	if (j) {
		/* "the third-quarter results": "the" goes with the noun */
		m->the_ok = !(tl_m_punct(c, j - 2, '-') && j < c->n && c->t[j].kind == TK_WORD &&
		              !tl_m_is(c, j, W_FUNC, F_OF) && !tl_m_is(c, j, W_FUNC, F_IN));
		size_t e = of_year(c, j, m);
		if (e == j && game_near(c, i))
			return 0; /* "scored in the first half": the game's half */
		return e;
	}
	/* "Q3 2020", "H1": tokenised as "Q" + "3" */
	if (i + 1 < c->n && c->t[i].kind == TK_WORD && c->t[i].e - c->t[i].b == 1 &&
	    (c->text[c->t[i].b] == 'Q' || c->text[c->t[i].b] == 'H') &&
	    c->t[i + 1].kind == TK_NUM && tl_m_glued(c, i + 1) && c->t[i + 1].ndig == 1) {
		v = c->t[i + 1].num;
		if (c->text[c->t[i].b] == 'Q' && v >= 1 && v <= 4) {
			m->quarter = (int32_t)v;
			m->said = HAS_QUARTER;
		} else if (c->text[c->t[i].b] == 'H' && v >= 1 && v <= 2) {
			m->half = (int32_t)v;
			m->said = HAS_HALF;
		} else
			return 0;
		j = i + 2;
		size_t e = tl_m_year_after(c, j, m);
		return e ? e : of_year(c, j, m);
	}
	/* seasons: "spring 2020", "the summer of 1944", "winter" */
	const tl_word *w = tl_m_word(c, i, W_SEASON);
	if (w && !(w->flags & WF_PLURAL)) {
		m->season = w->val;
		m->said = HAS_SEASON;
		m->the_ok = 1;
		j = i + 1;
		size_t e = tl_m_year_after(c, j, m);
		if (e)
			return e;
		e = of_year(c, j, m);
		if (e > j)
			return e;
		if ((w->flags & WF_WEAK) && !season_support(c, i))
			m->latent = 1;
		if ((w->flags & WF_WEAK) && i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE) &&
		    (tl_m_is(c, j, W_FUNC, F_OF) || tl_m_is(c, j, W_FUNC, F_IN)))
			m->latent = 1; /* "the fall of Rome", "the fall in prices" */
		if (name_like(c, i, j) ||
		    ((c->t[i].flags & TF_CAP) && i > 0 && c->t[i - 1].kind == TK_WORD &&
		     !c->t[i - 1].w && (c->t[i - 1].flags & TF_CAP)))
			m->latent = 1; /* "Donna Summer", "the Winter Palace" */
		return j;
	}
	/* "the year 2000" */
	if (tl_m_is(c, i, W_UNIT, U_YEAR) && !(c->t[i].w->flags & WF_PLURAL)) {
		j = tl_m_year_after(c, i + 1, m);
		if (j)
			m->the_ok = 1;
		return j;
	}
	/* "the eighties" */
	w = tl_m_word(c, i, W_DECADE);
	if (w && i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE)) {
		m->decade = 190 + w->val;
		m->said = HAS_DECADE;
		m->the_ok = 1;
		return i + 1;
	}
	/* fiscal 1989, fiscal year 2020; FY2021, FY 2022, FY21 */
	if (tl_m_is(c, i, W_FUNC, F_FISCAL)) {
		j = i + 1;
		if (c->t[i].e - c->t[i].b == 2) { /* "FY": in capitals only */
			if (!(c->t[i].flags & TF_UPPER) || j >= c->n || c->t[j].kind != TK_NUM ||
			    (tl_m_glued(c, j + 1) && j + 1 < c->n && c->t[j + 1].kind == TK_WORD))
				return 0;
			if (c->t[j].ndig == 2 && tl_m_glued(c, j)) {
				m->year = (int32_t)(c->t[j].num < 50 ? 2000 + c->t[j].num
				                                     : 1900 + c->t[j].num);
				m->said = HAS_YEAR;
				return j + 1;
			}
			return tl_m_year_after(c, j, m);
		}
		if (tl_m_is(c, j, W_UNIT, U_YEAR))
			j++;
		size_t e = tl_m_year_after(c, j, m);
		return e;
	}
	/* holidays: "Easter Monday", "St. Patrick's Day 2021" */
	int h = 0;
	if (tl_m_word(c, i, W_HOLIDAY) && (j = tl_holiday_match(c, i, &h)) != 0) {
		if (quoted_title(c, i, j))
			return 0; /* the song "White Christmas" */
		if (tl_holiday_fixed(h)) {
			tl_date d = tl_holiday_date(h, 2000);
			m->month = d.month;
			m->day = d.day;
			m->said = HAS_MONTH | HAS_DAY;
		} else {
			m->holiday = h;
			m->said = HAS_HOLIDAY;
		}
		size_t y = tl_m_punct(c, j, ',') ? j + 1 : j;
		size_t e = tl_m_year_after(c, y, m);
		return e ? e : j;
	}
	return 0;
}
