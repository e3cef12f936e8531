/*
 * interval.c - the stretch of calendar a TIMEX3 value covers.
 *
 * Every span is a half-open interval of whole days [begin, end).  Facts from
 * the TimeML TIMEX3 guidelines and ISO 8601: "199" is the decade 1990-1999,
 * "19" the century 1900-1999, "2021-Q3" July-September, "2021-H2"
 * July-December, "2021-W44" the ISO week (Monday to Sunday; week 1 holds
 * January 4), "2021-W44-WE" its Saturday and Sunday.  Seasons are the
 * meteorological ones of the northern hemisphere: SP March-May, SU
 * June-August, FA September-November, WI December of the year to February of
 * the next.  A time of day ("2021-11-06T17:00", "2021-11-06TEV") covers its
 * day.
 */
#include "events_internal.h"

/* Read exactly n ASCII digits at s into *v; 1 on success. */
static int read_digits(const char *s, int n, int32_t *v)
{
	int32_t x = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 1;
}

/* Number of leading ASCII digits of s. */
static int count_digits(const char *s)
{
	int n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

static tl_date mkdate(int32_t y, int32_t m, int32_t d)
{
	tl_date r = {y, m, d};
	return r;
}

/* [first day of month m of y, first day of the month n months later). */
static void months(tl_date *b, tl_date *e, int32_t y, int32_t m, int32_t n)
{
	int32_t m2 = m - 1 + n;
	*b = mkdate(y, m, 1);
	*e = mkdate(y + m2 / 12, m2 % 12 + 1, 1);
}

/* Granularity of the time part after 'T' (s points past the T). */
static tl_granularity time_granularity(const char *s)
{
	if (s[0] >= 'A' && s[0] <= 'Z')
		return TL_GRAN_PART_OF_DAY;
	if (s[2] != ':')
		return TL_GRAN_HOUR;
	if (s[5] != ':')
		return TL_GRAN_MINUTE;
	return TL_GRAN_SECOND;
}

/* Monday of ISO week 1 of year y, as a day number. */
static int64_t iso_week1(int32_t y)
{
	int64_t jan4 = tl_date_to_days(mkdate(y, 1, 4));
	int64_t wd = ((jan4 + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday: Monday = 0 */
	return jan4 - wd;
}

/* Spans inside a year: "-MM...", "-Qn", "-Hn", "-SP", "-Wnn...". */
static int year_part(const char *r, int32_t y, tl_date *b, tl_date *e, tl_granularity *g)
{
	int32_t v;
	static const struct {
		const char *code;
		int32_t month;
	} seasons[] = {{"SP", 3}, {"SU", 6}, {"FA", 9}, {"WI", 12}};
	if (r[0] == 'Q' && read_digits(r + 1, 1, &v) && v >= 1 && v <= 4 && !r[2]) {
		months(b, e, y, 3 * v - 2, 3);
		*g = TL_GRAN_QUARTER;
		return 1;
	}
	if (r[0] == 'H' && read_digits(r + 1, 1, &v) && v >= 1 && v <= 2 && !r[2]) {
		months(b, e, y, 6 * v - 5, 6);
		*g = TL_GRAN_HALF;
		return 1;
	}
	for (size_t i = 0; i < sizeof(seasons) / sizeof(seasons[0]); i++)
		if (strcmp(r, seasons[i].code) == 0) {
			months(b, e, y, seasons[i].month, 3);
			*g = TL_GRAN_SEASON;
			return 1;
		}
	if (r[0] == 'W' && read_digits(r + 1, 2, &v) && v >= 1 && v <= 53) {
		int64_t mon = iso_week1(y) + 7 * (int64_t)(v - 1);
		if (v == 53 && iso_week1(y + 1) <= mon)
			return 0; /* the year has 52 weeks */
		if (!r[3]) {
			*b = tl_date_from_days(mon);
			*e = tl_date_from_days(mon + 7);
			*g = TL_GRAN_WEEK;
			return 1;
		}
		if (strcmp(r + 3, "-WE") == 0) {
			*b = tl_date_from_days(mon + 5);
			*e = tl_date_from_days(mon + 7);
			*g = TL_GRAN_WEEK;
			return 1;
		}
		if (r[3] == '-' && read_digits(r + 4, 1, &v) && v >= 1 && v <= 7 && !r[5]) {
			*b = tl_date_from_days(mon + v - 1);
			*e = tl_date_from_days(mon + v);
			*g = TL_GRAN_DAY;
			return 1;
		}
		return 0;
	}
	int32_t m, d;
	if (!read_digits(r, 2, &m) || m < 1 || m > 12)
		return 0;
	if (!r[2]) {
		months(b, e, y, m, 1);
		*g = TL_GRAN_MONTH;
		return 1;
	}
	if (r[2] != '-' || !read_digits(r + 3, 2, &d) || d < 1 || d > tl_date_days_in_month(y, m))
		return 0;
	if (r[5] && r[5] != 'T')
		return 0;
	int64_t day = tl_date_to_days(mkdate(y, m, d));
	*b = mkdate(y, m, d);
	*e = tl_date_from_days(day + 1);
	*g = r[5] == 'T' ? time_granularity(r + 6) : TL_GRAN_DAY;
	return 1;
}

int tl_value_interval(const char *value, tl_date *begin, tl_date *end, tl_granularity *gran)
{
	int32_t y;
	if (!value)
		return 0;
	int n = count_digits(value);
	if (n < 1 || n > 4 || !read_digits(value, n, &y))
		return 0;
	if (n < 4 && value[n])
		return 0;
	switch (n) {
	case 1: /* millennium */
		*begin = mkdate(y * 1000, 1, 1);
		*end = mkdate(y * 1000 + 1000, 1, 1);
		*gran = TL_GRAN_MILLENNIUM;
		return 1;
	case 2: /* century */
		*begin = mkdate(y * 100, 1, 1);
		*end = mkdate(y * 100 + 100, 1, 1);
		*gran = TL_GRAN_CENTURY;
		return 1;
	case 3: /* decade */
		*begin = mkdate(y * 10, 1, 1);
		*end = mkdate(y * 10 + 10, 1, 1);
		*gran = TL_GRAN_DECADE;
		return 1;
	default:
		break;
	}
	if (!value[4]) {
		*begin = mkdate(y, 1, 1);
		*end = mkdate(y + 1, 1, 1);
		*gran = TL_GRAN_YEAR;
		return 1;
	}
	if (value[4] != '-')
		return 0;
	return year_part(value + 5, y, begin, end, gran);
}

/* The zone after a clock time at t: "" (none: TL_ZONE_NONE), "Z" (0), or
 * "+hh", "+hh:mm", "+hhmm" and the same with '-' (minutes east of UTC, at
 * most 14 hours).  1 and *zone when t is one of these and nothing follows,
 * 0 otherwise. */
static int read_zone(const char *t, int *zone)
{
	int32_t h = 0, m = 0;
	if (!*t) {
		*zone = TL_ZONE_NONE;
		return 1;
	}
	if (t[0] == 'Z' && !t[1]) {
		*zone = 0;
		return 1;
	}
	if ((t[0] != '+' && t[0] != '-') || !read_digits(t + 1, 2, &h))
		return 0;
	const char *p = t + 3;
	if (*p == ':')
		p++;
	if (*p && (!read_digits(p, 2, &m) || p[2]))
		return 0;
	if (h > 14 || m > 59 || h * 60 + m > 14 * 60)
		return 0;
	*zone = (t[0] == '-' ? -1 : 1) * (int)(h * 60 + m);
	return 1;
}

int tl_value_clock(const char *value, int *hour, int *minute, int *second, int *zone)
{
	int32_t h = 0, m = 0, sec = 0;
	int z;
	const char *t = value ? strchr(value, 'T') : NULL;
	if (!t || t - value != 10 || !read_digits(t + 1, 2, &h) || h > 24)
		return 0;
	t += 3;
	if (*t == ':') {
		if (!read_digits(t + 1, 2, &m) || m > 59)
			return 0;
		t += 3;
		if (*t == ':') {
			if (!read_digits(t + 1, 2, &sec) || sec > 60)
				return 0;
			t += 3;
		}
	}
	if (!read_zone(t, &z) || h == 24)
		return 0;
	*hour = h;
	*minute = m;
	*second = sec;
	if (zone)
		*zone = z;
	return 1;
}

void tl_clock_to_utc(tl_date *utc_day, int *utc_minute, tl_date d, int minute, int zone)
{
	int m = minute - zone, shift = m < 0 ? -1 : m >= 24 * 60 ? 1 : 0;
	*utc_day = shift ? tl_date_from_days(tl_date_to_days(d) + shift) : d;
	*utc_minute = m - shift * 24 * 60;
}

int tl_duration_parse(const char *value, int64_t *amount, char *unit)
{
	int64_t n = 0;
	const char *p = value;
	if (!p || *p++ != 'P' || *p < '0' || *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > 100000000)
			return 0;
		n = n * 10 + (*p - '0');
	}
	if (p[0] == '.' && p[1] == '5' && p[2] == 'Y' && !p[3]) {
		*amount = n * 12 + 6; /* "two and a half years" P2.5Y: 30 months */
		*unit = 'M';
		return 1;
	}
	if (strcmp(p, "DE") == 0) {
		*amount = n * 10;
		*unit = 'Y';
	} else if (strcmp(p, "CE") == 0) {
		*amount = n * 100;
		*unit = 'Y';
	} else if ((*p == 'D' || *p == 'W' || *p == 'M' || *p == 'Y') && !p[1]) {
		*amount = n;
		*unit = *p;
	} else {
		return 0;
	}
	return n > 0;
}

int tl_date_add(tl_date *out, tl_date d, int64_t n, char unit)
{
	if (n > 100000000 || n < -100000000)
		return TL_EINVAL;
	if (unit == 'D' || unit == 'W') {
		*out = tl_date_from_days(tl_date_to_days(d) + (unit == 'W' ? 7 * n : n));
		return 0;
	}
	int64_t m = (int64_t)d.year * 12 + (d.month - 1) + (unit == 'Y' ? 12 * n : n);
	int64_t y = m >= 0 ? m / 12 : -((-m + 11) / 12);
	if (y < -999999 || y > 999999)
		return TL_EINVAL;
	tl_date r = {(int32_t)y, (int32_t)(m - y * 12 + 1), d.day};
	int dim = tl_date_days_in_month(r.year, r.month);
	if (r.day > dim)
		r.day = dim;
	*out = r;
	return 0;
}
