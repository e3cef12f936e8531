/*
 * resolve_fields.c - dates of calendar fields: what "Nov. 5", "Monday,
 * Nov. 8", "spring 1944", "the third quarter", "the 1990s", "Easter" and
 * "'99" resolve to.
 *
 * The fields the text said are kept; the year of an underspecified date
 * comes from the anchor resolve.c picks: the nearest year to the DCT
 * (leaning to the past in past-tense sentences and to the future in future
 * ones), the narrative's year (or the next one when the story has moved on
 * past the month), or, for a date that names its weekday, the year where
 * the weekday agrees.  The value and interval are written by the tl_value_*
 * helpers of resolve_value.c.
 */
#include "resolve.h"

#include <stdio.h>

/* The day d as o's value and interval (tl_value_day()); the last answer
 * reused when asked the same again. */
static void day_value(const tl_rstate *st, tl_rout *o, tl_date d)
{
	if (tl_resolve_memo_get(st->day, d, 0, 0, o))
		return;
	tl_value_day(o, d);
	tl_resolve_memo_put(st->day, d, 0, 0, o);
}

/* Pick the year for a month (and day) without one: nearest to the anchor,
 * leaning to the past (tense 2) or the future (tense 1); with no tense (0)
 * or a modal (3), the nearest. */
static int32_t nearest_year_of(tl_date a, int32_t month, int32_t day, int tense, int inferred)
{
	int best = 0;
	int64_t bestd = 0;
	int64_t az = tl_date_to_days(a);
	for (int k = -1; k <= 1; k++) {
		tl_date d = {tl_clamp_year((int64_t)a.year + k), month, day ? day : 15};
		if (d.day > tl_date_days_in_month(d.year, d.month))
			d.day = tl_date_days_in_month(d.year, d.month);
		int64_t diff = tl_date_to_days(d) - az;
		int64_t dist = diff < 0 ? -diff : diff;
		/* lean: a past-tense date after the anchor is last year's; a
		 * future-tense one before it is next year's (a month counts
		 * from its first day or to its last) */
		if (!inferred && tense == 2 && diff > (day ? 1 : 16))
			dist += 400;
		if (tense == 1 && diff < (day ? -1 : -16))
			dist += 400;
		if (k == -1 || dist < bestd) {
			bestd = dist;
			best = k;
		}
	}
	return tl_clamp_year((int64_t)a.year + best);
}

/* nearest_year_of(), the last answer reused when asked the same again. */
static int32_t nearest_year(const tl_rstate *st, tl_date a, int32_t month, int32_t day, int tense,
                            int inferred)
{
	struct tl_near_memo *n = st->near;
	if (n->valid && n->a.year == a.year && n->a.month == a.month && n->a.day == a.day &&
	    n->month == month && n->day == day && n->tense == tense && n->inferred == inferred)
		return n->year;
	*n = (struct tl_near_memo){
	    a, month, day, nearest_year_of(a, month, day, tense, inferred), tense, inferred, 1};
	return n->year;
}

/* The year of a month the narrative reaches: the narrative's year, or the
 * next one when the month lies well before the narrative's month (a story
 * told in order: "December 1941 ... January" is January 1942).  The first
 * end of a range whose second end comes earlier in the year ("from October
 * to March") is in the year before the second end's. */
static int32_t narrative_year(const tl_rstate *st, int32_t month)
{
	if (st->range_month && st->range_month < month) {
		/* "from October to March": the end is in the narrative's
		 * year (or the next), the start in the year before it */
		int32_t end = st->range_month;
		int64_t y = st->narr.year;
		if (st->narr_gran >= TL_GRAN_MONTH && st->narr.month && end < st->narr.month - 5)
			y++;
		return tl_clamp_year(y - 1);
	}
	if (st->narr_gran >= TL_GRAN_MONTH && st->narr.month && month < st->narr.month - 5)
		return tl_clamp_year((int64_t)st->narr.year + 1);
	return st->narr.year;
}

/* out = y "-" and a tail, as snprintf(out, 80, "%s-%02d", y, v) (tag 0) or
 * "%s-Q%d" (tag 'Q', v 0..9) would write it, for y of at most 15 characters
 * and 0 <= v <= 99: by hand, as these values are written for many mentions.
 * Returns 0 (nothing written) for v out of range, so that snprintf() does it. */
int tl_resolve_year_tail(char *out, const char *y, char tag, int v)
{
	if (v < 0 || v > (tag ? 9 : 99))
		return 0;
	size_t l = strlen(y);
	memcpy(out, y, l);
	out[l++] = '-';
	if (tag) {
		out[l++] = tag;
		out[l++] = (char)('0' + v);
	} else {
		out[l++] = (char)('0' + v / 10);
		out[l++] = (char)('0' + v % 10);
	}
	out[l] = '\0';
	return 1;
}

/* Whether month/day of year y falls on ISO weekday wd (1 Monday .. 7). */
static int on_weekday(int32_t y, int32_t month, int32_t day, int wd)
{
	return day <= tl_date_days_in_month(y, month) &&
	       tl_date_weekday((tl_date){y, month, day}) == wd;
}

/* The year of a date that names its weekday but no year ("Monday, Nov.
 * 8"): the year picked by the anchor when the weekday agrees, else the
 * nearest year around it where it does, else the DCT's year or one beside
 * it where it does (a narrative year that was wrong: the weekday says the
 * text speaks of its own days); else the year picked. */
static int32_t weekday_year(const tl_rstate *st, int32_t year, const tl_ment *m)
{
	static const int near[] = {0, -1, 1};
	for (size_t k = 0; k < 3; k++) {
		int32_t y = tl_clamp_year((int64_t)year + near[k]);
		if (on_weekday(y, m->month, m->day, m->weekday))
			return y;
	}
	for (size_t k = 0; st->has_dct && k < 3; k++) {
		int32_t y = tl_clamp_year((int64_t)st->dct.year + near[k]);
		if (on_weekday(y, m->month, m->day, m->weekday))
			return y;
	}
	return year;
}

/* A date of calendar fields (MK_DATE, and the date part of MK_TIME). */
void tl_resolve_fields(const tl_rstate *st, const tl_ment *m, tl_rout *o)
{
	char y[16] = "XXXX";
	int32_t year = 0;
	int yk = 0;
	tl_date a;
	int on_dct = 0;
	o->type = TL_TIMEX_DATE;
	if (m->said & HAS_CENTURY) {
		if (m->bc) /* "the 4th century BC": the 300s BC */
			tl_value_bc(o, (int64_t)m->century * 100, 100);
		else {
			snprintf(o->value, sizeof(o->value), "%02d", (int)m->century);
			tl_value_years(o, (int64_t)m->century * 100, 100, TL_GRAN_CENTURY);
		}
		return;
	}
	if (m->said & HAS_DECADE) {
		if (m->decade >= 0 && m->decade <= 999) { /* "%03d" */
			o->value[0] = (char)('0' + m->decade / 100);
			o->value[1] = (char)('0' + m->decade / 10 % 10);
			o->value[2] = (char)('0' + m->decade % 10);
			o->value[3] = '\0';
		} else
			snprintf(o->value, sizeof(o->value), "%03d", (int)m->decade);
		tl_value_years(o, (int64_t)m->decade * 10, 10, TL_GRAN_DECADE);
		return;
	}
	if (m->said & HAS_YEAR) {
		year = m->bc ? 1 - m->year : m->year;
		yk = 1;
		if (m->vague == 3 && tl_resolve_anchor_of(st, m, &a, &on_dct)) {
			/* "'99": the century that puts it nearest the anchor */
			int64_t base = (int64_t)a.year - ((int64_t)a.year % 100 + 100) % 100;
			int64_t best = base + m->year % 100;
			if (best - a.year > 50)
				best -= 100;
			else if (a.year - best > 50)
				best += 100;
			year = tl_clamp_year(best);
			on_dct = 0;
		}
	} else if (m->unit == U_YEAR) {
		tl_ment t = *m;
		if (t.anchor == A_ANY)
			t.anchor = A_NARR;
		if (tl_resolve_anchor_of(st, &t, &a, &on_dct)) {
			year = tl_clamp_year((int64_t)a.year + m->dir);
			yk = 1;
		}
	} else if (tl_resolve_anchor_of(st, m, &a, &on_dct)) {
		if (m->said & HAS_MONTH) {
			year = !on_dct ? narrative_year(st, m->month)
			               : nearest_year(st, a, m->month, m->day,
			                              m->until && m->tense == 2 ? 0 : m->tense,
			                              st->inferred); /* "gave it until Dec. 15":
			                                              * a deadline, not a past */
			if ((m->said & HAS_DAY) && (m->said & HAS_WEEKDAY) && m->weekday >= 1 &&
			    m->weekday <= 7)
				year = weekday_year(st, year, m);
		} else if (m->said & HAS_SEASON)
			year = !on_dct
			           ? a.year
			           : nearest_year(st, a, m->season * 3, 15, m->tense, st->inferred);
		else if (m->said & HAS_QUARTER) /* its first month in the past, its last
		                                   ahead: a quarter under way is either */
			year = !on_dct ? a.year
			               : nearest_year(st, a,
			                              m->quarter * 3 - (m->tense == 2   ? 2
			                                                : m->tense == 1 ? 0
			                                                                : 1),
			                              0, m->tense, st->inferred);
		else
			year = a.year;
		yk = 1;
		o->on_dct = on_dct;
	}
	if ((m->said & HAS_MONTH) && (m->said & HAS_WEEKDAY) && !(m->said & HAS_DAY) && m->n) {
		/* "the last Sunday of November": that day of the month */
		tl_date d = tl_nth_weekday(yk ? year : 2001, m->month, m->n < 0 ? -1 : (int)m->n,
		                           m->weekday);
		if (yk && d.month == m->month && d.day <= tl_date_days_in_month(year, m->month)) {
			tl_value_day(o, d); /* rare: not memoised as day_value() does */
			o->on_dct = on_dct;
		} else if (yk)
			o->value[0] = '\0'; /* "the fifth Monday of February 2021": none */
		else
			snprintf(o->value, sizeof(o->value), "XXXX-%02d-XX", (int)m->month);
		return;
	}
	int full = m->vague != 2 && (m->said & HAS_MONTH) && (m->said & HAS_DAY);
	if (yk && !full) /* a full date writes its year itself (tl_value_day()) */
		tl_value_year(y, sizeof(y), year);
	if (m->vague == 2) {
		snprintf(o->value, sizeof(o->value), "%s-XX-XX", y);
		if (yk)
			tl_value_years(o, year, 1, TL_GRAN_YEAR);
		return;
	}
	if (full) {
		if (m->day > tl_date_days_in_month(yk ? year : 2000, m->month)) {
			o->value[0] = '\0';
			return;
		}
		if (yk && (m->said & HAS_WEEK)) /* "the week of Nov. 15" */
			tl_value_unit(o, (tl_date){year, m->month, m->day}, U_WEEK);
		else if (yk) {
			tl_date d = {year, m->month, m->day};
			day_value(st, o, d);
		} else
			snprintf(o->value, sizeof(o->value), "XXXX-%02d-%02d", (int)m->month,
			         (int)m->day);
		return;
	}
	if ((m->said & HAS_MONTH) && (m->said & HAS_WEEK)) {
		/* "the first week of December": the ISO week of its first
		 * Thursday (the week most of whose days lie in the month) */
		tl_date th = tl_nth_weekday(year, m->month, m->n < 0 ? -1 : (int)m->n, 4);
		if (yk && th.day > tl_date_days_in_month(year, m->month))
			o->value[0] = '\0'; /* "the fifth week of February 2021": none */
		else if (yk)
			tl_value_unit(o, th, U_WEEK);
		else
			snprintf(o->value, sizeof(o->value), "XXXX-WXX");
		return;
	}
	if (m->said & HAS_MONTH) {
		if (!tl_resolve_year_tail(o->value, y, 0, m->month))
			snprintf(o->value, sizeof(o->value), "%s-%02d", y, (int)m->month);
		if (yk)
			tl_value_months(o, year, m->month, 1, TL_GRAN_MONTH);
		return;
	}
	if (m->said & HAS_SEASON) {
		snprintf(o->value, sizeof(o->value), "%s-%s", y, tl_season_code[m->season]);
		if (yk)
			tl_value_months(o, year, m->season * 3 == 12 ? 12 : m->season * 3, 3,
			                TL_GRAN_SEASON);
		return;
	}
	if (m->said & HAS_QUARTER) {
		if (!tl_resolve_year_tail(o->value, y, 'Q', m->quarter))
			snprintf(o->value, sizeof(o->value), "%s-Q%d", y, (int)m->quarter);
		if (yk)
			tl_value_months(o, year, m->quarter * 3 - 2, 3, TL_GRAN_QUARTER);
		return;
	}
	if (m->said & HAS_HALF) {
		snprintf(o->value, sizeof(o->value), "%s-H%d", y, (int)m->half);
		if (yk)
			tl_value_months(o, year, m->half == 1 ? 1 : 7, 6, TL_GRAN_HALF);
		return;
	}
	if (m->said & HAS_HOLIDAY) {
		if (!yk) {
			snprintf(o->value, sizeof(o->value), "XXXX-XX-XX");
			return;
		}
		tl_date d = tl_holiday_date(m->holiday, year);
		if (on_dct && !(m->said & HAS_YEAR)) {
			/* the year that puts it nearest the DCT, by the tense */
			year = nearest_year(st, a, d.month, d.day, m->tense, st->inferred);
			d = tl_holiday_date(m->holiday, year);
		}
		tl_value_day(o, d);
		return;
	}
	if (m->said & HAS_WEEKDAY) {
		tl_date b;
		int od = 0;
		tl_ment t = *m;
		/* outside a history, a weekday follows a flashback only when
		 * it named a day ("On April 12, 1861 ... on Monday") */
		t.anchor = tl_resolve_narrative_mode(st, m) &&
		                   (st->history || st->narr_gran >= TL_GRAN_DAY)
		               ? A_NARR
		               : A_DCT;
		if (!tl_resolve_anchor_of(st, &t, &b, &od) ||
		    (!od && st->narr_gran < TL_GRAN_DAY)) {
			snprintf(o->value, sizeof(o->value), "XXXX-WXX-%d", (int)m->weekday);
			return;
		}
		int wd = tl_date_weekday(b);
		int64_t diff = m->weekday - wd;
		if (od && m->until == 1) { /* "closed until Friday": the nearest one */
			if (diff > 3)
				diff -= 7;
			else if (diff < -3)
				diff += 7;
		} else if (od && m->tense == 1) { /* the coming one */
			if (diff < 0)
				diff += 7;
		} else if (od && m->tense == 2) { /* the last one */
			if (diff > 0)
				diff -= 7;
		} else if (od) { /* no tense: the nearest one */
			if (diff > 3)
				diff -= 7;
			else if (diff < -3)
				diff += 7;
		} else if (diff < 0) /* narrative: the one after the reference day */
			diff += 7;
		tl_value_day(o, tl_date_add_days(b, diff));
		o->on_dct = od;
		return;
	}
	if (m->said & HAS_YEAR || yk) {
		memcpy(o->value, y, strlen(y) + 1); /* y is shorter than value */
		if (yk)
			tl_value_years(o, year, 1, TL_GRAN_YEAR);
		return;
	}
	snprintf(o->value, sizeof(o->value), "XXXX");
}
