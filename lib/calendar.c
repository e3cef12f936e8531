/*
 * calendar.c - date arithmetic the resolver needs, overflow-checked.
 *
 * Years are clamped to -999999..999999 (the library's range) before any
 * arithmetic, and every shift is done in 64 bits on clamped inputs, so that
 * "10^22 days later" saturates instead of wrapping.  Week numbers follow
 * ISO 8601 (weeks start on Monday; week 1 holds the year's first Thursday).
 * Easter is the Gregorian computus (the anonymous algorithm published by
 * Meeus, "Astronomical Algorithms", ch. 8).
 */
#include "engine.h"

#define YMAX 999999
#define DAYS_MAX ((int64_t)YMAX * 366)

/* Clamp a year into the library's range. */
int32_t tl_clamp_year(int64_t y)
{
	return (int32_t)(y > YMAX ? YMAX : y < -YMAX ? -YMAX : y);
}

/* 1 if d is a valid date whose year is far enough from the library's bounds
 * that a shift of up to SMALL_SHIFT days neither saturates nor leaves them. */
#define SMALL_SHIFT 62
static int small_shift_ok(tl_date d, int64_t n)
{
	return n >= -SMALL_SHIFT && n <= SMALL_SHIFT && d.year > -YMAX + 1 && d.year < YMAX - 1 &&
	       d.month >= 1 && d.month <= 12 && d.day >= 1 &&
	       (d.day <= 28 || d.day <= tl_date_days_in_month(d.year, d.month));
}

/* d plus n days for small_shift_ok(d, n), month by month: at most three
 * steps, where the day-number round trip costs several divisions. */
static tl_date small_shift(tl_date d, int64_t n)
{
	int32_t y = d.year, m = d.month, day = d.day + (int32_t)n;
	if (day >= 1 && day <= 28) /* every month has these days */
		return (tl_date){y, m, day};
	int dim;
	while (day > (dim = tl_date_days_in_month(y, m))) {
		day -= dim;
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	while (day < 1) {
		if (--m < 1) {
			m = 12;
			y--;
		}
		day += tl_date_days_in_month(y, m);
	}
	return (tl_date){y, m, day};
}

/* d plus n days; saturates at the year bounds. */
tl_date tl_date_add_days(tl_date d, int64_t n)
{
	if (small_shift_ok(d, n))
		return small_shift(d, n);
	int64_t z = tl_date_to_days(d);
	if (n > 2 * DAYS_MAX)
		n = 2 * DAYS_MAX;
	if (n < -2 * DAYS_MAX)
		n = -2 * DAYS_MAX;
	z += n;
	if (z > DAYS_MAX)
		z = DAYS_MAX;
	if (z < -DAYS_MAX - 719468)
		z = -DAYS_MAX - 719468;
	tl_date r = tl_date_from_days(z);
	if (r.year > YMAX || r.year < -YMAX) {
		r.year = tl_clamp_year(r.year);
		r.month = r.year > 0 ? 12 : 1;
		r.day = r.year > 0 ? 31 : 1;
	}
	return r;
}

/* d plus n months, the day clamped to the end of the month. */
tl_date tl_date_add_months(tl_date d, int64_t n)
{
	int64_t lim = (int64_t)YMAX * 12 * 2;
	if (n > lim)
		n = lim;
	if (n < -lim)
		n = -lim;
	int64_t mi = (int64_t)d.year * 12 + (d.month ? d.month - 1 : 0) + n;
	int64_t y = mi >= 0 ? mi / 12 : -((-mi + 11) / 12);
	int64_t mo = mi - y * 12 + 1;
	tl_date r = {tl_clamp_year(y), (int32_t)mo, d.day};
	if (y > YMAX || y < -YMAX) {
		r.month = y > 0 ? 12 : 1;
		r.day = d.day ? (y > 0 ? 31 : 1) : 0;
		return r;
	}
	if (r.day && r.day > tl_date_days_in_month(r.year, r.month))
		r.day = tl_date_days_in_month(r.year, r.month);
	return r;
}

/* Monday = 1 .. Sunday = 7; 1970-01-01 was a Thursday. */
int tl_date_weekday(tl_date d)
{
	int64_t z = tl_date_to_days(d);
	int64_t w = (z + 3) % 7; /* 0 = Monday */
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

/* ISO 8601 week-numbering year and week. */
void tl_date_isoweek(tl_date d, int32_t *year, int32_t *week)
{
	int wd = tl_date_weekday(d);
	tl_date thu = tl_date_add_days(d, 4 - wd); /* the Thursday of d's week */
	if (small_shift_ok(d, 4 - wd)) {           /* thu is a valid date: its day of the year */
		static const int before[12] = {0,   31,  59,  90,  120, 151,
		                               181, 212, 243, 273, 304, 334};
		int doy = before[thu.month - 1] + (thu.month > 2 && tl_date_is_leap(thu.year)) +
		          thu.day - 1;
		*year = thu.year;
		*week = doy / 7 + 1;
		return;
	}
	tl_date jan1 = {thu.year, 1, 1};
	int64_t doy = tl_date_to_days(thu) - tl_date_to_days(jan1);
	*year = thu.year;
	*week = (int32_t)(doy / 7 + 1);
}

/* Easter Sunday of a Gregorian year. */
tl_date tl_easter(int32_t year)
{
	int64_t y = year;
	int64_t a = ((y % 19) + 19) % 19;
	int64_t b = y >= 0 ? y / 100 : -((-y + 99) / 100);
	int64_t c = y - b * 100;
	int64_t d = b >= 0 ? b / 4 : -((-b + 3) / 4), e = b - d * 4;
	int64_t f = (b + 8) / 25;
	int64_t g = (b - f + 1) / 3;
	int64_t h = ((19 * a + b - d - g + 15) % 30 + 30) % 30;
	int64_t i = c / 4, k = c % 4;
	int64_t l = ((32 + 2 * e + 2 * i - h - k) % 7 + 7) % 7;
	int64_t m = (a + 11 * h + 22 * l) / 451;
	int64_t month = (h + l - 7 * m + 114) / 31;
	int64_t day = (h + l - 7 * m + 114) % 31 + 1;
	tl_date r = {year, (int32_t)month, (int32_t)day};
	return r;
}

/* The nth (1..5, or -1 for the last) weekday wd of a month. */
tl_date tl_nth_weekday(int32_t year, int32_t month, int nth, int wd)
{
	tl_date r = {year, month, 1};
	if (nth > 0) {
		int first = tl_date_weekday(r);
		r.day = 1 + (wd - first + 7) % 7 + 7 * (nth - 1);
	} else {
		r.day = tl_date_days_in_month(year, month);
		int last = tl_date_weekday(r);
		r.day -= (last - wd + 7) % 7;
	}
	return r;
}
