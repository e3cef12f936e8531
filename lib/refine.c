/*
 * refine.c - passes over the mentions of one chunk, in this order:
 *  1. join a date and a time that stand together ("5 p.m. Nov. 6",
 *     "Thursday at noon", "12:00 UTC Monday");
 *  2. link ranges ("from 1991 to 2020", "Sept. 27 - Nov. 10, 2020",
 *     "between May and July"), letting the first end borrow the year the
 *     second one states;
 *  3. drop latent mentions that nothing supports (a lone "May", "fall");
 *     a number that may be a year (latent 2, 3) is left to the resolver,
 *     which knows the years the story is at (resolve_narrative.c).
 * Overlaps cannot occur: the matcher resumes after each match.
 */
#include "engine.h"

/* Tokens strictly between two mentions, as a small code: 0 nothing,
 * ',' a comma, 'a' "at"/"on", '-' a dash, 't' "to"/"through"/"until",
 * 'n' "and", '?' anything else. */
static int gap(const tl_engine *e, const tl_ment *a, const tl_ment *b)
{
	const tl_tok *t = e->scan.toks;
	size_t k = a->tok1, end = b->tok0;
	if (k == end)
		return 0;
	if (k + 1 == end) {
		const tl_tok *g = &t[k];
		if (g->kind == TK_PUNCT)
			return g->punct == ','   ? ','
			       : g->punct == '-' ? '-'
			       : g->punct == '/' ? '-'
			                         : '?';
		if (g->kind == TK_WORD && g->w && g->w->cls == W_FUNC) {
			switch (g->w->val) {
			case F_AT:
			case F_ON:
				return 'a';
			case F_TO:
			case F_THROUGH:
			case F_UNTIL:
				return 't';
			case F_AND:
				return 'n';
			default:
				return '?';
			}
		}
		return '?';
	}
	if (k + 2 == end && t[k].kind == TK_PUNCT && t[k].punct == ',' &&
	    t[k + 1].kind == TK_WORD && t[k + 1].w && t[k + 1].w->cls == W_FUNC &&
	    (t[k + 1].w->val == F_AT || t[k + 1].w->val == F_ON))
		return 'a';
	return '?';
}

/* A mention that names a day (a date a time of day can attach to). */
static int is_day(const tl_ment *m)
{
	if (m->said & (HAS_HOUR | HAS_POD))
		return 0;
	if (m->kind == MK_DATE)
		return (m->said & HAS_DAY) || ((m->said & HAS_WEEKDAY) && !(m->said & HAS_MONTH)) ||
		       (m->said & HAS_HOLIDAY);
	if (m->kind == MK_DEICTIC)
		return m->deictic == D_TODAY || m->deictic == D_YESTERDAY ||
		       m->deictic == D_TOMORROW;
	if (m->kind == MK_REL)
		return (m->said & HAS_WEEKDAY) != 0 || (m->gran_only && m->unit == U_DAY);
	return 0;
}

/* A clock time without a date. */
static int is_bare_time(const tl_ment *m)
{
	return m->kind == MK_TIME && (m->said & HAS_HOUR) &&
	       !(m->said & (HAS_YEAR | HAS_MONTH | HAS_DAY | HAS_WEEKDAY | HAS_HOLIDAY)) &&
	       !m->gran_only;
}

/* Put the time fields of t into the day mention d; extent of both. */
static void join(tl_ment *d, const tl_ment *t, int time_first)
{
	tl_ment r = *d;
	r.said |= t->said & (HAS_HOUR | HAS_MINUTE | HAS_SECOND);
	r.hour = t->hour;
	r.minute = t->minute;
	r.second = t->second;
	r.tz = t->tz;
	if (r.kind == MK_DATE)
		r.kind = MK_TIME;
	if (time_first) {
		r.b = t->b;
		r.cb = t->cb;
		r.tok0 = t->tok0;
	} else {
		r.e = t->e;
		r.ce = t->ce;
		r.tok1 = t->tok1;
	}
	r.latent = 0;
	*d = r;
}

/* A mention that can be one end of a range. */
static int rangeable(const tl_ment *m)
{
	return m->kind == MK_DATE || m->kind == MK_TIME;
}

/* Two months or seasons joined by "and", the second with a year ("in April
 * and June 1955", "the spring and summer of 1979"): the first takes the
 * second's year, the year before when its month comes later in the year
 * ("December and January 1942": December 1941).  Neither becomes the end
 * of a range.  Two months with no year ("the carnage of November and
 * January") are marked for the resolver, which reads them as a range. */
static void and_year(tl_ment *a, const tl_ment *b)
{
	const uint32_t ms = HAS_MONTH | HAS_SEASON;
	if (a->kind == MK_DATE && b->kind == MK_DATE && a->said == HAS_MONTH &&
	    b->said == HAS_MONTH)
		a->and_next = 1; /* "November and January": years picked in resolve.c */
	if ((a->said & HAS_YEAR) || !(b->said & HAS_YEAR) || !(a->said & ms) || !(b->said & ms) ||
	    (a->said & ~(ms | HAS_DAY)) || a->vague || b->vague || a->kind != MK_DATE)
		return;
	int64_t y = b->bc ? 1 - (int64_t)b->year : b->year;
	if ((a->said & HAS_MONTH) && (b->said & HAS_MONTH) && a->month > b->month)
		y--;
	a->bc = y < 1;
	a->year = (int32_t)(y < 1 ? 1 - y : y);
	a->said |= HAS_YEAR;
	a->latent = 0;
}

/* A season with no year that a date of the same clause places ("their
 * summer offensive began in June 1942"): the season takes the year of the
 * month it holds, when that month follows within a few words, no sentence
 * end between.  Not the winter, which spans two years. */
static void season_year(const tl_engine *e, tl_ment *a, const tl_ment *b)
{
	if (a->kind != MK_DATE || a->said != HAS_SEASON || a->season == S_WINTER || a->vague ||
	    !(b->said & HAS_YEAR) || !(b->said & HAS_MONTH) || b->vague ||
	    (b->kind != MK_DATE && b->kind != MK_TIME) || b->month < a->season * 3 ||
	    b->month > a->season * 3 + 2 || b->tok0 > a->tok1 + 8)
		return;
	for (size_t k = a->tok1; k < b->tok0; k++)
		if (e->scan.toks[k].kind == TK_PUNCT &&
		    (e->scan.toks[k].punct == '.' || e->scan.toks[k].punct == ';' ||
		     e->scan.toks[k].punct == '!' || e->scan.toks[k].punct == '?'))
			return;
	a->year = b->year;
	a->bc = b->bc;
	a->said |= HAS_YEAR; /* a latent "fall" stays latent: "the fall of Atlanta" */
}

/* Refine e->m[from..nm). */
void tl_refine_chunk(tl_engine *e, size_t from)
{
	size_t n = e->nm, w = from;
	tl_ment *m = e->m;
	/* 1. date + time */
	for (size_t i = from; i < n; i++) {
		if (w > from) {
			tl_ment *p = &m[w - 1];
			int g = gap(e, p, &m[i]);
			if ((g == 0 || g == ',' || g == 'a') && is_bare_time(&m[i]) && is_day(p)) {
				join(p, &m[i], 0);
				continue;
			}
			if ((g == 0 || g == ',' || g == 'a') && is_bare_time(p) && is_day(&m[i])) {
				tl_ment d = m[i];
				join(&d, p, 1);
				*p = d;
				continue;
			}
		}
		if (w != i) /* most mentions stay where they are: no copy */
			m[w] = m[i];
		w++;
	}
	n = w;
	/* 2. ranges */
	for (size_t i = from; i + 1 < n; i++) {
		tl_ment *a = &m[i], *b = &m[i + 1];
		if (a->kind == MK_DATE && !(a->said & HAS_YEAR) && (a->said & HAS_MONTH) &&
		    b->kind == MK_REL && b->unit == U_YEAR && b->gran_only &&
		    b->tok0 == a->tok1 + 1 && e->scan.toks[a->tok1].w &&
		    e->scan.toks[a->tok1].w->cls == W_FUNC &&
		    e->scan.toks[a->tok1].w->val == F_OF) {
			/* "after October of next year": the month of that year */
			a->unit = U_YEAR;
			a->dir = b->dir;
			a->anchor = b->anchor;
			continue;
		}
		season_year(e, a, b);
		int g = gap(e, a, b);
		if (!(g == '-' || g == 't' || g == 'n') || !rangeable(a) || !rangeable(b) ||
		    a->kind != b->kind ||
		    (a->said & (HAS_DECADE | HAS_CENTURY)) !=
		        (b->said & (HAS_DECADE | HAS_CENTURY)))
			continue; /* the ends of a range are of one kind */
		if (g == 'n') {
			size_t k = a->tok0;
			if (k == 0 || !e->scan.toks[k - 1].w ||
			    e->scan.toks[k - 1].w->cls != W_FUNC ||
			    e->scan.toks[k - 1].w->val != F_BETWEEN) {
				and_year(a, b);
				continue;
			}
		}
		a->partner = (int)(i + 1);
		b->partner = (int)i;
		a->latent = b->latent = 0;
		if (!(a->said & HAS_YEAR) && (b->said & HAS_YEAR) && (a->said & HAS_MONTH) &&
		    (b->said & HAS_MONTH)) {
			a->year = b->year;
			a->bc = b->bc;
			a->said |= HAS_YEAR;
		}
		if ((a->said & HAS_YEAR) && !(b->said & HAS_YEAR) && (b->said & HAS_MONTH) &&
		    b->kind == MK_DATE && (a->said & HAS_MONTH)) {
			b->year = a->year;
			b->said |= HAS_YEAR;
		}
		if (a->bc == 0 && b->bc && (a->said & HAS_YEAR) && (b->said & HAS_YEAR))
			a->bc = 1;
		i++;
	}
	/* 3. latent mentions without support */
	w = from;
	for (size_t i = from; i < n; i++) {
		if (m[i].latent == 1)
			continue; /* 2, 3: a weak year, judged at resolution */
		if (m[i].partner >= 0)
			m[i].partner = (int)w + (m[i].partner > (int)i ? 1 : -1);
		if (w != i)
			m[w] = m[i];
		w++;
	}
	e->nm = w;
}
