/*
 * resolve.c - mentions to TIMEX3 values, types, mods and intervals.
 *
 * Anchoring (see docs/engine.md for the why):
 *  - Deictic expressions ("today", "last week", "three days ago", "next
 *    Friday") are resolved against the DCT.
 *  - Anaphoric expressions ("two months later", "the next day", "that
 *    year", "the previous month") are resolved against the narrative
 *    reference time: the last date the text itself established.  Without
 *    one they fall back to the DCT.
 *  - Underspecified dates ("Nov. 5", "Tuesday", "the summer") take their
 *    year from the DCT (nearest year, leaning to the past in past-tense
 *    sentences and to the future in future ones), unless the document is a
 *    history: most of its explicit years lie two or more years from the
 *    DCT.  Then they take the narrative year.
 *  - What cannot be anchored keeps X's.
 *
 * This file holds the anchoring: the resolver state of a document (the
 * DCT, the narrative reference time, the last day named), the choice of an
 * anchor for each mention, relative and deictic dates, and the pass over
 * all mentions that moves the narrative as it goes.  Dates of calendar
 * fields, and the year of an underspecified one, are in resolve_fields.c;
 * how a date is written as a TIMEX3 value in resolve_value.c; which dates
 * may move the narrative, and whether a document is a history, in
 * resolve_narrative.c.
 */
#include "resolve.h"

#include <stdio.h>

/* Whether underspecified dates of m follow the narrative: in a history, or
 * soon after the text set a date two or more years before the DCT: within
 * four sentences for a date of calendar fields ("on February 23"), two for
 * the others ("the week" speaks from the DCT sooner). */
int tl_resolve_narrative_mode(const tl_rstate *st, const tl_ment *m)
{
	if (st->history)
		return 1;
	if (st->narr_gran == TL_GRAN_NONE)
		return 0;
	if (!st->has_dct)
		return 1;
	int64_t gap = (int64_t)st->narr.year - st->dct.year;
	/* a flashback goes back; a year ahead ("the bonds mature in 2005") is a
	 * forecast, not a story the next sentences go on telling */
	return gap <= -2 && m->sentence <= st->narr_sentence + (m->kind == MK_DATE ? 4 : 2);
}

/* The anchor date for a mention, or 0 when there is none.  A day named
 * anaphorically ("the same day", "the next day", "the day") refers to the
 * last day the text named, even one resolved on the DCT ("on Friday ... the
 * same day"). */
/* Whether the last day the text named may anchor m where a sentence gap
 * matters (a clock time alone, "on the 5th"): in a history always, in news
 * only when it was named in m's sentence or the two before (a day is
 * left behind sooner than tl_resolve_narrative_mode() leaves a flashback,
 * after four sentences). */
static int lastday_near(const tl_rstate *st, const tl_ment *m)
{
	return st->has_lastday && (st->history || m->sentence <= st->lastday_sentence + 2);
}

int tl_resolve_anchor_of(const tl_rstate *st, const tl_ment *m, tl_date *out, int *on_dct)
{
	/* a clock time alone is on the day just named; in news, not on one
	 * named sentences before ("The museum opens daily at 9 a.m."): on the DCT */
	if (m->unit == U_DAY && (m->kind == MK_REL || m->kind == MK_TIME) && st->has_lastday &&
	    (m->anchor == A_NARR || m->anchor == A_ANY) &&
	    (m->kind != MK_TIME || lastday_near(st, m)) &&
	    (!st->history || st->narr_gran == TL_GRAN_NONE || st->lastday_at >= st->narr_at)) {
		*out = st->lastday;
		*on_dct = 0;
		return 1;
	}
	int narr = m->anchor == A_NARR || (m->anchor == A_DOC && st->history) ||
	           (m->anchor != A_DCT && m->anchor != A_DOC && tl_resolve_narrative_mode(st, m));
	if (narr && st->narr_gran != TL_GRAN_NONE) {
		*out = st->narr;
		if (!out->month)
			out->month = 1;
		if (!out->day)
			out->day = 1;
		*on_dct = 0;
		return 1;
	}
	if (st->has_dct) {
		*out = st->dct;
		*on_dct = 1;
		return 1;
	}
	return 0;
}

/* Shift d by n units (saturating). */
static tl_date shift(tl_date d, int unit, int64_t n)
{
	switch (unit) {
	case U_SECOND:
	case U_MINUTE:
	case U_HOUR:
		return d; /* below a day: the day stays */
	case U_DAY:
		return tl_date_add_days(d, n);
	case U_WEEK:
	case U_WEEKEND:
		return tl_date_add_days(d, n > INT64_MAX / 8    ? INT64_MAX / 8
		                           : n < -INT64_MAX / 8 ? -INT64_MAX / 8
		                                                : n * 7);
	case U_FORTNIGHT:
		return tl_date_add_days(d, n > INT64_MAX / 16    ? INT64_MAX / 16
		                           : n < -INT64_MAX / 16 ? -INT64_MAX / 16
		                                                 : n * 14);
	case U_MONTH:
		return tl_date_add_months(d, n);
	case U_QUARTER:
		return tl_date_add_months(d, n > INT64_MAX / 4    ? INT64_MAX / 4
		                             : n < -INT64_MAX / 4 ? -INT64_MAX / 4
		                                                  : n * 3);
	case U_HALF:
		return tl_date_add_months(d, n > INT64_MAX / 8    ? INT64_MAX / 8
		                             : n < -INT64_MAX / 8 ? -INT64_MAX / 8
		                                                  : n * 6);
	default: {
		int64_t k = unit == U_DECADE       ? 10
		            : unit == U_CENTURY    ? 100
		            : unit == U_MILLENNIUM ? 1000
		                                   : 1;
		int64_t lim = 4000000 / k;
		int64_t nn = n > lim ? lim : n < -lim ? -lim : n;
		tl_date r = {tl_clamp_year((int64_t)d.year + nn * k), d.month, d.day};
		if (r.day > tl_date_days_in_month(r.year, r.month))
			r.day = tl_date_days_in_month(r.year, r.month);
		return r;
	}
	}
}

/* The unit (enum tl_unit) n units from a, as o's value and interval
 * (tl_value_unit()); the last answer reused when asked the same again. */
static void unit_value(const tl_rstate *st, tl_rout *o, tl_date a, int unit, int64_t n)
{
	if (tl_resolve_memo_get(st->unit, a, unit, n, o))
		return;
	tl_value_unit(o, shift(a, unit, n), unit);
	tl_resolve_memo_put(st->unit, a, unit, n, o);
}

/* "on the 5th" (match_date.c, day_of_story_month()): that day of the month
 * of the day just named (in its sentence or the two before, or anywhere
 * in a history), else of the narrative's month or the DCT's; on the DCT
 * the month before or after it when the tense says so ("met on the 14th",
 * written on the 5th, is the 14th of last month).  Unresolved: XXXX-XX-DD. */
static void story_day(const tl_rstate *st, const tl_ment *m, tl_rout *o)
{
	tl_date a;
	int on_dct = 0;
	if (lastday_near(st, m))
		a = st->lastday;
	else if (!tl_resolve_anchor_of(st, m, &a, &on_dct)) {
		snprintf(o->value, sizeof(o->value), "XXXX-XX-%02d", (int)m->day);
		return;
	}
	tl_date d = {a.year, a.month, m->day};
	if (on_dct && m->tense == 2 && m->day > a.day)
		d = tl_date_add_months(d, -1);
	else if (on_dct && m->tense == 1 && m->day < a.day)
		d = tl_date_add_months(d, 1);
	d.day = m->day;
	if (d.day > tl_date_days_in_month(d.year, d.month)) {
		o->value[0] = '\0'; /* "the 31st" of a month of 30 days: no date */
		return;
	}
	tl_value_day(o, d);
	o->on_dct = on_dct;
}

/* last/next/this/that + unit, weekday, month or season. */
static void resolve_rel(const tl_rstate *st, const tl_ment *m, tl_rout *o)
{
	tl_date a;
	int on_dct = 0;
	o->type = TL_TIMEX_DATE;
	if (m->unit == U_MONTH && m->anchor == A_ANY && m->said == HAS_DAY && m->gran_only) {
		story_day(st, m, o);
		return;
	}
	if (!tl_resolve_anchor_of(st, m, &a, &on_dct)) {
		if (m->said & HAS_WEEKDAY)
			snprintf(o->value, sizeof(o->value), "XXXX-WXX-%d", (int)m->weekday);
		else if (m->said & HAS_MONTH)
			snprintf(o->value, sizeof(o->value), "XXXX-%02d", (int)m->month);
		else if (m->said & HAS_SEASON)
			snprintf(o->value, sizeof(o->value), "XXXX-%s", tl_season_code[m->season]);
		else if (m->gran_only)
			tl_value_unknown(o, m->unit);
		else
			snprintf(o->value, sizeof(o->value), "%s",
			         m->dir < 0 ? "PAST_REF" : "FUTURE_REF");
		return;
	}
	o->on_dct = on_dct;
	if (!m->gran_only) {
		if (m->vague) {
			snprintf(o->value, sizeof(o->value), "%s",
			         m->dir < 0 ? "PAST_REF" : "FUTURE_REF");
			return;
		}
		int64_t n = m->n;
		if (m->said & HAS_WEEKDAY) {
			/* "a week ago Friday": the latest Friday up to the anchor's
			 * day, n weeks back */
			tl_date d = shift(a, m->unit, -n);
			int64_t diff = m->weekday - tl_date_weekday(d);
			tl_value_day(o, tl_date_add_days(d, diff > 0 ? diff - 7 : diff));
			return;
		}
		unit_value(st, o, a, m->unit, m->dir < 0 ? -n : n);
		return;
	}
	char y[16];
	if (m->said & HAS_WEEKDAY) {
		int wd = tl_date_weekday(a);
		int64_t diff = m->weekday - wd;
		if (m->dir > 0 && diff <= 0)
			diff += 7;
		else if (m->dir < 0 && diff >= 0)
			diff -= 7;
		tl_value_day(o, tl_date_add_days(a, diff));
		return;
	}
	/* a narrative that knows only the year: "1860 ... the following spring"
	 * is a season of the next year, whatever the season */
	int year_only = !on_dct && st->narr_gran <= TL_GRAN_YEAR;
	if (m->said & HAS_MONTH) {
		int32_t yr = a.year;
		if (year_only)
			yr = tl_clamp_year((int64_t)a.year + m->dir);
		else if (m->dir < 0 && m->month >= a.month)
			yr--;
		else if (m->dir > 0 && m->month <= a.month)
			yr++;
		tl_value_year(y, sizeof(y), yr);
		if (!tl_resolve_year_tail(o->value, y, 0, m->month))
			snprintf(o->value, sizeof(o->value), "%s-%02d", y, (int)m->month);
		tl_value_months(o, yr, m->month, 1, TL_GRAN_MONTH);
		return;
	}
	if (m->said & HAS_SEASON) {
		int32_t yr = a.year;
		if (year_only)
			yr = tl_clamp_year((int64_t)a.year + m->dir);
		else if (m->season == S_WINTER) {
			/* the winter as the months of its year: December's and
			 * January's are both the year's own */
			int cur = a.month % 12 / 3;
			if (m->dir < 0 && cur == 0)
				yr--;
			else if (m->dir > 0)
				yr++;
		} else if (m->dir) {
			/* the other seasons in a row, four a year from spring:
			 * the winter of a year runs from its December into the
			 * next year, so December comes after the year's fall
			 * ("December 1777 ... the next spring" is 1778's) */
			int64_t at = (int64_t)a.year * 4 + (a.month == 12  ? 3
			                                    : a.month <= 2 ? -1
			                                                   : a.month / 3 - 1);
			int64_t q = at - (m->season - 1); /* the year is near q / 4 */
			int64_t fl = q >= 0 ? q / 4 : -((-q + 3) / 4);
			yr = tl_clamp_year(m->dir > 0 ? fl + 1 : (q % 4 == 0 ? fl - 1 : fl));
		}
		if (on_dct && !m->dir && m->tense == 1 && m->season != S_WINTER &&
		    m->season * 3 + 3 <= a.month)
			yr = tl_clamp_year((int64_t)yr + 1); /* "will ... this spring",
			                                         said in December: the coming one */
		tl_value_year(y, sizeof(y), yr);
		snprintf(o->value, sizeof(o->value), "%s-%s", y, tl_season_code[m->season]);
		tl_value_months(o, yr, m->season * 3, 3, TL_GRAN_SEASON);
		return;
	}
	int unit = m->unit;
	if (!unit) /* "the same period": the anchor's own granularity */
		unit = on_dct                             ? U_YEAR
		       : st->narr_gran >= TL_GRAN_DAY     ? U_DAY
		       : st->narr_gran == TL_GRAN_WEEK    ? U_WEEK
		       : st->narr_gran >= TL_GRAN_MONTH   ? U_MONTH
		       : st->narr_gran >= TL_GRAN_QUARTER ? U_QUARTER
		       : st->narr_gran == TL_GRAN_HALF    ? U_HALF
		                                          : U_YEAR;
	if (m->yshift)
		a = shift(a, U_YEAR, m->yshift);
	unit_value(st, o, a, unit, m->dir);
	if (m->unit == U_HOUR || m->unit == U_MINUTE || m->unit == U_SECOND)
		o->value[0] = '\0';
	if ((m->said & HAS_DAY) && o->has_interval &&
	    ((unit == U_MONTH && m->day <= tl_date_days_in_month(o->begin.year, o->begin.month)) ||
	     (unit == U_YEAR && m->day == 1))) {
		/* "the first of next month", "the first of next year": that
		 * day of the month or year */
		tl_date d = o->begin;
		d.day = m->day;
		tl_value_day(o, d);
	}
}

/* Durations: P30Y, PT2H, PXW (resolve_value.c). */
static void resolve_dur(const tl_ment *m, tl_rout *o)
{
	o->type = TL_TIMEX_DURATION;
	tl_resolve_duration(m, o->value, sizeof(o->value));
}

/* Sets: every Monday, weekly, twice a year (resolve_value.c). */
static void resolve_set(const tl_ment *m, tl_rout *o)
{
	o->type = TL_TIMEX_SET;
	tl_resolve_set(m, o->value, sizeof(o->value), o->freq, sizeof(o->freq));
}

/* Deictic words. */
static void resolve_deictic(const tl_rstate *st, const tl_ment *m, tl_rout *o)
{
	o->type = TL_TIMEX_DATE;
	int64_t off = 0;
	switch (m->deictic) {
	case D_NOW:
		snprintf(o->value, sizeof(o->value), "PRESENT_REF");
		o->on_dct = st->has_dct;
		return;
	case D_PAST:
		snprintf(o->value, sizeof(o->value), "PAST_REF");
		o->on_dct = st->has_dct;
		return;
	case D_FUTURE:
		snprintf(o->value, sizeof(o->value), "FUTURE_REF");
		o->on_dct = st->has_dct;
		return;
	case D_YESTERDAY:
		off = -1;
		break;
	case D_TOMORROW:
		off = 1;
		break;
	case D_OVERNIGHT:
		off = m->tense == 2 ? -1 : 0; /* "lost power overnight": last night */
		break;
	default:
		break;
	}
	if (!st->has_dct)
		snprintf(o->value, sizeof(o->value), "XXXX-XX-XX");
	else {
		tl_value_day(o, tl_date_add_days(st->dct, off));
		o->on_dct = 1;
	}
	if (m->deictic == D_TONIGHT || m->deictic == D_OVERNIGHT) {
		tl_ment t = *m;
		t.said |= HAS_POD;
		t.pod = POD_NIGHT;
		tl_value_time(&t, o);
	}
}

/* Resolve one mention. */
static void resolve_one(tl_rstate *st, const tl_ment *m, tl_rout *o)
{
	memset(o, 0, sizeof(*o));
	switch (m->kind) {
	case MK_DATE:
		tl_resolve_fields(st, m, o);
		break;
	case MK_TIME:
		if (m->said & (HAS_YEAR | HAS_MONTH | HAS_DAY | HAS_WEEKDAY | HAS_HOLIDAY))
			tl_resolve_fields(st, m, o);
		else if (m->unit == U_DAY && m->gran_only) { /* this morning, last night */
			resolve_rel(st, m, o);
		} else {
			tl_date a;
			int od = 0;
			tl_ment t = *m;
			t.anchor = A_ANY;
			t.unit = U_DAY; /* a clock time alone is on the day just named */
			if (tl_resolve_anchor_of(st, &t, &a, &od) &&
			    (od || st->narr_gran >= TL_GRAN_DAY || st->has_lastday)) {
				tl_value_day(o, a);
				o->on_dct = od;
			} else
				snprintf(o->value, sizeof(o->value), "XXXX-XX-XX");
		}
		break;
	case MK_REL:
		resolve_rel(st, m, o);
		break;
	case MK_DEICTIC:
		resolve_deictic(st, m, o);
		break;
	case MK_DUR:
		resolve_dur(m, o);
		return;
	case MK_SET:
		resolve_set(m, o);
		return;
	default:
		return;
	}
	if (m->said & (HAS_HOUR | HAS_POD))
		tl_value_time(m, o);
}

/* Latest explicit full date. */
int tl_resolve_latest_full(const tl_engine *e, tl_date *out)
{
	int found = 0;
	for (size_t i = 0; i < e->nm; i++) {
		const tl_ment *m = &e->m[i];
		if (!m->explicit_full || m->bc || m->vague == 2 || m->year < 1 || m->year > 9999 ||
		    m->day > tl_date_days_in_month(m->year, m->month))
			continue;
		tl_date d = {m->year, m->month, m->day};
		if (!found || tl_date_cmp(d, *out) > 0)
			*out = d;
		found = 1;
	}
	return found;
}

/* Resolve every mention of e into doc. */
int tl_resolve_all(tl_engine *e, tl_document *doc)
{
	tl_rstate st;
	struct tl_near_memo near = {0};
	struct tl_value_memo unit = {0}, day = {0};
	memset(&st, 0, sizeof(st));
	st.near = &near;
	st.unit = &unit;
	st.day = &day;
	st.has_dct = doc->dct_source != TL_DCT_NONE;
	st.dct = doc->dct;
	st.inferred = doc->dct_source == TL_DCT_INFERRED;
	st.history = tl_narrative_history(e, st.has_dct, st.dct.year);
	tl_narrative_weak_years(e, st.history, st.has_dct, st.dct.year);
	size_t first = doc->ntimex;
	/* about a timex a mention: room for them at once */
	if (tl_reserve((void **)&doc->timexes, &doc->cap_timex, doc->ntimex + e->nm,
	               sizeof(*doc->timexes)))
		return TL_ENOMEM;
	for (size_t i = 0; i < e->nm; i++)
		e->m[i].tok0 = TL_OFF_MAX; /* reused: the timex index of each mention */
	for (size_t i = 0; i < e->nm; i++) {
		const tl_ment *m = &e->m[i];
		tl_rout o;
		st.range_month = 0;
		if ((m->partner == (int)i + 1 || m->and_next) && i + 1 < e->nm &&
		    m->kind == MK_DATE && (m->said & HAS_MONTH) && !(m->said & HAS_YEAR) &&
		    (e->m[i + 1].said & HAS_MONTH) && !(e->m[i + 1].said & HAS_YEAR))
			st.range_month = e->m[i + 1].month;
		resolve_one(&st, m, &o);
		if (!o.value[0])
			continue;
		tl_timex t;
		memset(&t, 0, sizeof(t));
		t.byte_start = m->b;
		t.byte_end = m->e;
		t.char_start = m->cb;
		t.char_end = m->ce;
		t.type = o.type;
		t.value = o.value;
		t.mod = (tl_mod)m->mod;
		t.quant = m->kind == MK_SET ? m->quant : NULL;
		t.freq = o.freq[0] ? o.freq : NULL;
		char tz[8] = "";
		if (m->tz && o.type == TL_TIMEX_TIME) {
			size_t k = 0;
			for (; m->tz[k] && k < sizeof(tz) - 1; k++)
				tz[k] =
				    (char)(m->tz[k] - 32 * (m->tz[k] >= 'a' && m->tz[k] <= 'z'));
			tz[k] = '\0';
			t.tz = tz;
		}
		if (o.type == TL_TIMEX_TIME && !strchr(o.value, 'T'))
			t.type = o.type = TL_TIMEX_DATE; /* no time of day was resolved */
		if (o.has_interval && tl_date_cmp(o.end, o.begin) <= 0)
			o.has_interval = 0; /* at the end of the calendar's range */
		t.has_interval = o.has_interval;
		t.begin = o.begin;
		t.end = o.end;
		t.granularity = o.has_interval ? o.gran : TL_GRAN_NONE;
		t.anchored_on_dct = o.on_dct;
		t.range_partner = -1;
		t.sentence = m->sentence;
		e->m[i].tok0 = (tl_off)doc->ntimex;
		if (tl_document_push_timex(doc, &t))
			return TL_ENOMEM;
		if (o.has_interval && o.gran >= TL_GRAN_DAY && (!o.on_dct || !st.history)) {
			st.lastday = o.begin;
			st.has_lastday = 1;
			st.lastday_at = i;
			st.lastday_sentence = m->sentence;
		}
		/* the narrative moves with dates the text establishes; a date
		 * after "since" is a reference point ("lowest since 1997") */
		if (m->since || m->until)
			continue;
		if (st.narr_gran != TL_GRAN_NONE && m->kind == MK_DATE && m->said == HAS_YEAR &&
		    !m->vague && /* only a bare year is an aside: no call for the others */
		    tl_narrative_aside(
		        e, i, st.narr.year, st.narr_gran >= TL_GRAN_MONTH,
		        m->sentence < doc->nsentence ? doc->sentences[m->sentence].start : 0))
			continue; /* "documents found in 2004 proved ..." in a history */
		if (m->kind == MK_REL && m->dir < 0 &&
		    ((m->unit == U_YEAR && m->anchor == A_NARR) ||
		     (m->anchor == A_DOC && st.history)))
			continue; /* "the previous year", in a history "two years ago",
			           * look back; the story stays */
		if (m->attrib)
			continue; /* "the 1614 rules", "the May 2007 high" */
		if (m->paren && m->said == HAS_YEAR)
			continue; /* "the Civil Constitution of the Clergy (1790)" */
		if (m->kind == MK_DATE && m->said == HAS_YEAR && !m->vague && !m->mod &&
		    st.narr_gran > TL_GRAN_YEAR && st.narr_gran <= TL_GRAN_DAY &&
		    (int64_t)st.narr.year == (m->bc ? 1 - (int64_t)m->year : m->year)) {
			/* "On December 7 (December 8 in Asia), 1941": the story
			 * is still on the day it knows, now restated */
			st.narr_sentence = m->sentence;
			continue;
		}
		if (o.has_interval && !o.on_dct &&
		    (m->kind == MK_DATE || m->kind == MK_TIME || m->kind == MK_REL) &&
		    o.gran >= TL_GRAN_YEAR && (o.gran <= TL_GRAN_DAY || (m->said & HAS_DAY)) &&
		    !(m->said & HAS_WEEKDAY && m->kind == MK_DATE && !(m->said & HAS_DAY))) {
			/* a time on a named day ("the morning of 31 January
			 * 1965") sets the narrative to that day */
			st.narr = o.begin;
			st.narr_gran = o.gran > TL_GRAN_DAY ? TL_GRAN_DAY : o.gran;
			st.narr_sentence = m->sentence;
			st.narr_at = i;
		} else if (o.has_interval && m->kind == MK_DATE &&
		           (m->said & (HAS_MONTH | HAS_YEAR | HAS_QUARTER)) &&
		           o.gran >= TL_GRAN_YEAR && o.gran <= TL_GRAN_DAY) {
			st.narr = o.begin;
			st.narr_gran = o.gran;
			st.narr_sentence = m->sentence;
			st.narr_at = i;
		} else if (!st.history && o.has_interval && o.on_dct &&
		           (m->kind == MK_DEICTIC || (m->kind == MK_REL && m->dir <= 0) ||
		            (m->kind == MK_DATE && m->said == HAS_WEEKDAY)) &&
		           o.gran >= TL_GRAN_YEAR && o.gran <= TL_GRAN_DAY) {
			/* news back in the present ("last month", "this week",
			 * "yesterday", "on Friday"): a flashback's dates no longer
			 * anchor what follows ("next summer" may be said in the
			 * flashback) */
			st.narr = o.begin;
			st.narr_gran = o.gran;
			st.narr_sentence = m->sentence;
			st.narr_at = i;
		} else if (m->kind == MK_DUR && (m->said & HAS_YEAR)) {
			/* "the first ten months of 1915": the story is in 1915 */
			tl_ment d = *m;
			tl_rout p;
			d.kind = MK_DATE;
			memset(&p, 0, sizeof(p));
			tl_resolve_fields(&st, &d, &p);
			if (p.has_interval && p.gran >= TL_GRAN_YEAR && p.gran <= TL_GRAN_DAY) {
				st.narr = p.begin;
				st.narr_gran = p.gran;
				st.narr_sentence = m->sentence;
				st.narr_at = i;
			}
		}
	}
	/* ranges: both ends must have become timexes */
	for (size_t i = 0; i < e->nm; i++) {
		const tl_ment *m = &e->m[i];
		if (m->partner < 0 || m->tok0 == TL_OFF_MAX || (size_t)m->partner >= e->nm)
			continue;
		size_t other = e->m[m->partner].tok0;
		if (other != TL_OFF_MAX && other >= first && other <= INT32_MAX)
			doc->timexes[m->tok0].range_partner = (int)other;
	}
	return 0;
}
