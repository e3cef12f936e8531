/*
 * resolve_value.c - how the resolver writes TIMEX3 values.
 *
 * First the values that need no anchor, of durations and sets: "30 years"
 * P30Y, "two hours" PT2H, "several weeks" PXW, "a year and a half" P1.5Y,
 * "every Monday" XXXX-WXX-1, "weekly" P1W, "twice a year" P1Y with freq
 * 2X.  Unit letters follow TimeML 1.2.1 (DE decade, CE century, ML
 * millennium, WE weekend, Q quarter).
 *
 * Then the value and interval of an anchored date once resolve.c has
 * chosen it (tl_value_*: a year, a day, an ISO week, the unit containing
 * a date, a decade or century BC, a time of day).  Years are astronomical
 * (1 BC is 0) and written as TimeML does: "BC0044" down to 9999 BC, the
 * signed ISO 8601 form ("-010000") beyond.  Values are written by hand,
 * not with snprintf(), on the paths every timex takes.
 */
#include "engine.h"

#include <stdio.h>

const char *const tl_season_code[5] = {"", "SP", "SU", "FA", "WI"};
static const char *const pod_code[] = {"", "MO", "AF", "EV", "NI", "12:00", "24:00", "DT"};

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

static int put_padded(char *out, int64_t v, int width);
static NOINLINE int put_padded_any(char *out, int64_t v, int width);

/* Durations: P30Y, PT2H, PXW, "a year and a half" P1.5Y. */
void tl_resolve_duration(const tl_ment *m, char *value, size_t size)
{
	static const char *const code[] = {"",  "S", "M", "H",  "D",  "W",  "W",  "M",
	                                   "Q", "H", "Y", "DE", "CE", "ML", "WE", ""};
	int timeu = m->unit == U_SECOND || m->unit == U_MINUTE || m->unit == U_HOUR;
	int unit = m->unit;
	int64_t n = m->n;
	if (unit == U_FORTNIGHT)
		n = n > INT64_MAX / 2 ? INT64_MAX / 2 : n * 2;
	if (m->vague) {
		snprintf(value, size, "P%sX%s", timeu ? "T" : "", code[unit]);
		return;
	}
	if (m->frac && n == 0) {
		/* "half an hour": the half in the next smaller unit (PT30M) */
		int64_t k = 0;
		int sub = 0;
		switch (unit) {
		case U_YEAR:
			k = 12;
			sub = U_MONTH;
			break;
		case U_DAY:
			k = 24;
			sub = U_HOUR;
			break;
		case U_HOUR:
			k = 60;
			sub = U_MINUTE;
			break;
		case U_MINUTE:
			k = 60;
			sub = U_SECOND;
			break;
		case U_DECADE:
			k = 10;
			sub = U_YEAR;
			break;
		case U_CENTURY:
			k = 100;
			sub = U_YEAR;
			break;
		case U_WEEK:
			k = 14;
			sub = U_DAY;
			n = n * 2 + 1;
			break;
		default:
			break;
		}
		if (sub && n < INT64_MAX / 128) {
			/* weeks: n counts half weeks here, so n * 7 / 2 days */
			int64_t v = unit == U_WEEK ? n * 7 / 2 : n * k + k / 2;
			int t2 = sub == U_SECOND || sub == U_MINUTE || sub == U_HOUR;
			snprintf(value, size, "P%s%lld%s", t2 ? "T" : "", (long long)v, code[sub]);
			return;
		}
	}
	if (m->frac) {
		/* "two and a half years": P2.5Y, as the TimeML corpora write it */
		if (unit == U_FORTNIGHT) { /* n counts weeks: "a fortnight and a half" P3W */
			snprintf(value, size, "P%lldW", (long long)(n < INT64_MAX ? n + 1 : n));
			return;
		}
		snprintf(value, size, "P%s%lld.5%s", timeu ? "T" : "", (long long)n, code[unit]);
		return;
	}
	if (n >= 0 && size >= 32) { /* room for "PT", 19 digits, "DE" and the NUL */
		size_t l = 0;
		value[l++] = 'P';
		if (timeu)
			value[l++] = 'T';
		l += (size_t)put_padded(value + l, n, 1);
		memcpy(value + l, code[unit], strlen(code[unit]) + 1);
		return;
	}
	snprintf(value, size, "P%s%lld%s", timeu ? "T" : "", (long long)n, code[unit]);
}

/* Sets: every Monday, weekly, twice a year. */
void tl_resolve_set(const tl_ment *m, char *value, size_t size, char *freq, size_t fsize)
{
	if (m->said & HAS_WEEKDAY)
		snprintf(value, size, "XXXX-WXX-%d%s%s", (int)m->weekday,
		         (m->said & HAS_POD) ? "T" : "",
		         (m->said & HAS_POD) ? pod_code[m->pod] : "");
	else if (m->said & HAS_MONTH)
		snprintf(value, size, "XXXX-%02d", (int)m->month);
	else if (m->said & HAS_SEASON)
		snprintf(value, size, "XXXX-%s", tl_season_code[m->season]);
	else if (m->said & HAS_POD)
		snprintf(value, size, "XXXX-XX-XXT%s", pod_code[m->pod]);
	else {
		tl_ment d = *m;
		d.frac = 0;
		d.vague = 0;
		if (!d.n)
			d.n = 1;
		tl_resolve_duration(&d, value, size);
	}
	if (m->kind == MK_SET && m->frac > 0)
		snprintf(freq, fsize, "%dX", (int)m->frac);
}

/* v >= 0 in decimal, zero-padded to `width` digits, at out, NUL-terminated
 * (out holds one byte more than the digits and width); its length.  By hand: values are written
 * for every timex, and snprintf() cost more than the rest of resolving. */
static int put_padded(char *out, int64_t v, int width)
{
	if (width == 2 && v >= 0 && v < 100) { /* months, days, hours, minutes */
		unsigned u = (unsigned)v;      /* unsigned 32-bit: cheaper divisions */
		out[0] = (char)('0' + u / 10);
		out[1] = (char)('0' + u % 10);
		out[2] = '\0';
		return 2;
	}
	if (width == 4 && v >= 1000 && v < 10000) { /* years */
		unsigned u = (unsigned)v, hi = u / 100, lo = u % 100;
		out[0] = (char)('0' + hi / 10);
		out[1] = (char)('0' + hi % 10);
		out[2] = (char)('0' + lo / 10);
		out[3] = (char)('0' + lo % 10);
		out[4] = '\0';
		return 4;
	}
	return put_padded_any(out, v, width);
}

/* put_padded() for any v >= 0 and width: digit by digit.  Apart, so that the
 * common cases above need no stack frame. */
static NOINLINE int put_padded_any(char *out, int64_t v, int width)
{
	char tmp[20];
	int k = 0;
	do {
		tmp[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && k < (int)sizeof(tmp));
	while (k < width && k < (int)sizeof(tmp))
		tmp[k++] = '0';
	for (int j = 0; j < k; j++)
		out[j] = tmp[k - 1 - j];
	out[k] = '\0';
	return k;
}

/* Year as a TIMEX3 value: "2021", "BC0238", "-0044" beyond. */
int tl_value_year(char *out, size_t n, int32_t y)
{
	if (n < 16) { /* short of room for the longest form ("-2147483648") */
		if (y <= 0 && 1 - (int64_t)y <= 9999)
			return snprintf(out, n, "BC%04d", (int)(1 - (int64_t)y));
		if (y < 0)
			return snprintf(out, n, "-%06d", (int)-(int64_t)y);
		return snprintf(out, n, "%04d", (int)y);
	}
	if (y <= 0 && 1 - (int64_t)y <= 9999) {
		out[0] = 'B';
		out[1] = 'C';
		return 2 + put_padded(out + 2, 1 - (int64_t)y, 4);
	}
	if (y < 0) { /* beyond 9999 BC: the signed ISO 8601 form */
		out[0] = '-';
		return 1 + put_padded(out + 1, -(int64_t)y, 6);
	}
	return put_padded(out, y, 4);
}

/* [begin, end) for a year range of k years from y. */
void tl_value_years(tl_rout *o, int64_t y, int64_t k, tl_granularity g)
{
	tl_date b = {tl_clamp_year(y), 1, 1}, e = {tl_clamp_year(y + k), 1, 1};
	o->has_interval = 1;
	o->begin = b;
	o->end = e;
	o->gran = g;
}

/* [begin, end) of a month range from (y, m), k months long. */
void tl_value_months(tl_rout *o, int32_t y, int32_t m, int k, tl_granularity g)
{
	tl_date b = {y, m, 1};
	o->has_interval = 1;
	o->begin = b;
	o->end = tl_date_add_months(b, k);
	o->gran = g;
}

/* A full day value and its one-day interval. */
void tl_value_day(tl_rout *o, tl_date d)
{
	int full = d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31;
	if (full && d.year >= 1000 && d.year <= 9999) { /* the common case, in one go */
		char *v = o->value;
		unsigned y = (unsigned)d.year, mo = (unsigned)d.month, dd = (unsigned)d.day;
		unsigned hi = y / 100, lo = y % 100;
		v[0] = (char)('0' + hi / 10);
		v[1] = (char)('0' + hi % 10);
		v[2] = (char)('0' + lo / 10);
		v[3] = (char)('0' + lo % 10);
		v[4] = '-';
		v[5] = (char)('0' + mo / 10);
		v[6] = (char)('0' + mo % 10);
		v[7] = '-';
		v[8] = (char)('0' + dd / 10);
		v[9] = (char)('0' + dd % 10);
		v[10] = '\0';
	} else if (full) {
		int l = tl_value_year(o->value, sizeof(o->value), d.year);
		o->value[l++] = '-';
		l += put_padded(o->value + l, d.month, 2);
		o->value[l++] = '-';
		put_padded(o->value + l, d.day, 2);
	} else { /* not a date: as it is */
		char y[16];
		tl_value_year(y, sizeof(y), d.year);
		snprintf(o->value, sizeof(o->value), "%s-%02d-%02d", y, (int)d.month, (int)d.day);
	}
	o->has_interval = 1;
	o->begin = d;
	if (d.year >= -999999 && d.year <= 999999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
	    d.day < tl_date_days_in_month(d.year, d.month))
		o->end = (tl_date){d.year, d.month, d.day + 1}; /* what tl_date_add_days() gives */
	else
		o->end = tl_date_add_days(d, 1);
	o->gran = TL_GRAN_DAY;
}

/* The ISO week value of d ("2021-W44"), and its interval. */
static void week_value(tl_rout *o, tl_date d, int weekend)
{
	int32_t wy, wk;
	tl_date_isoweek(d, &wy, &wk);
	int l = tl_value_year(o->value, sizeof(o->value), wy);
	if (wk >= 0 && wk <= 99) { /* always: ISO weeks run 1 to 53 */
		memcpy(o->value + l, "-W", 2);
		l += 2 + put_padded(o->value + l + 2, wk, 2);
		if (weekend)
			memcpy(o->value + l, "-WE", 4);
	} else {
		char y[16];
		tl_value_year(y, sizeof(y), wy);
		snprintf(o->value, sizeof(o->value), "%s-W%02d%s", y, (int)wk,
		         weekend ? "-WE" : "");
	}
	tl_date mon = tl_date_add_days(d, 1 - tl_date_weekday(d));
	o->has_interval = 1;
	o->begin = weekend ? tl_date_add_days(mon, 5) : mon;
	o->end = tl_date_add_days(mon, 7);
	o->gran = TL_GRAN_WEEK;
}

/* A decade or century before the common era as TIMEX3 writes it: the BC
 * year b divided by k (10 or 100), "BC048" the 480s BC (489-480 BC), "BC03"
 * the 300s BC; the interval runs from its earliest year. */
void tl_value_bc(tl_rout *o, int64_t b, int k)
{
	int64_t q = b / k;
	snprintf(o->value, sizeof(o->value), k == 10 ? "BC%03d" : "BC%02d", (int)q);
	tl_value_years(o, 1 - (q * k + k - 1), k, k == 10 ? TL_GRAN_DECADE : TL_GRAN_CENTURY);
}

/* Value of a unit shift at the unit's granularity ("a year ago" -> 2020). */
void tl_value_unit(tl_rout *o, tl_date d, int unit)
{
	char y[16];
	tl_value_year(y, sizeof(y), d.year);
	switch (unit) {
	case U_WEEK:
	case U_FORTNIGHT:
		week_value(o, d, 0);
		return;
	case U_WEEKEND:
		week_value(o, d, 1);
		return;
	case U_MONTH:
		snprintf(o->value, sizeof(o->value), "%s-%02d", y, (int)d.month);
		tl_value_months(o, d.year, d.month, 1, TL_GRAN_MONTH);
		return;
	case U_QUARTER:
		snprintf(o->value, sizeof(o->value), "%s-Q%d", y, (int)(d.month - 1) / 3 + 1);
		tl_value_months(o, d.year, (d.month - 1) / 3 * 3 + 1, 3, TL_GRAN_QUARTER);
		return;
	case U_HALF:
		snprintf(o->value, sizeof(o->value), "%s-H%d", y, d.month <= 6 ? 1 : 2);
		tl_value_months(o, d.year, d.month <= 6 ? 1 : 7, 6, TL_GRAN_HALF);
		return;
	case U_YEAR:
		snprintf(o->value, sizeof(o->value), "%s", y);
		tl_value_years(o, d.year, 1, TL_GRAN_YEAR);
		return;
	case U_DECADE:
	case U_CENTURY:
		if (d.year <= 0 && 1 - (int64_t)d.year <= 9999) { /* "BC048", "BC04" */
			tl_value_bc(o, 1 - d.year, unit == U_CENTURY ? 100 : 10);
			return;
		}
		if (d.year < 0 || d.year > 9999) { /* no decade or century form: the year */
			snprintf(o->value, sizeof(o->value), "%s", y);
			tl_value_years(o, d.year, 1, TL_GRAN_YEAR);
			return;
		}
		if (unit == U_CENTURY)
			goto century;
		snprintf(o->value, sizeof(o->value), "%03d", (int)(d.year / 10));
		tl_value_years(o, d.year / 10 * 10, 10, TL_GRAN_DECADE);
		return;
	century:
		snprintf(o->value, sizeof(o->value), "%02d", (int)(d.year / 100));
		tl_value_years(o, d.year / 100 * 100, 100, TL_GRAN_CENTURY);
		return;
	case U_HOUR:
	case U_MINUTE:
	case U_SECOND:
		tl_value_day(o, d); /* the hour of the anchor is not known */
		return;
	default:
		tl_value_day(o, d);
		return;
	}
}

/* X-filled value of a unit when no anchor exists. */
void tl_value_unknown(tl_rout *o, int unit)
{
	const char *v = "XXXX-XX-XX";
	switch (unit) {
	case U_WEEK:
	case U_FORTNIGHT:
		v = "XXXX-WXX";
		break;
	case U_WEEKEND:
		v = "XXXX-WXX-WE";
		break;
	case U_MONTH:
		v = "XXXX-XX";
		break;
	case U_QUARTER:
		v = "XXXX-QX";
		break;
	case U_YEAR:
		v = "XXXX";
		break;
	case U_DECADE:
		v = "XXX";
		break;
	case U_CENTURY:
		v = "XX";
		break;
	default:
		break;
	}
	snprintf(o->value, sizeof(o->value), "%s", v);
}

/* Append the time of day ("T17:00", "TMO") to a date value. */
void tl_value_time(const tl_ment *m, tl_rout *o)
{
	size_t l = strlen(o->value);
	if (!l)
		return;
	if (o->gran != TL_GRAN_DAY && o->has_interval)
		return; /* a time needs a day */
	if (!o->has_interval && strncmp(o->value, "XXXX-", 5) != 0 && !strchr(o->value, '-'))
		return;
	o->type = TL_TIMEX_TIME;
	if (m->said & HAS_HOUR && !(m->said & HAS_SECOND) && m->hour >= 0 && m->hour <= 99 &&
	    m->minute >= 0 && m->minute <= 99 && sizeof(o->value) - l >= 7) {
		char *v = o->value + l; /* "T%02d:%02d" by hand */
		v[0] = 'T';
		put_padded(v + 1, m->hour, 2);
		v[3] = ':';
		put_padded(v + 4, m->minute, 2);
		o->gran = (m->said & HAS_MINUTE) ? TL_GRAN_MINUTE : TL_GRAN_HOUR;
		if (m->tz && (strcmp(m->tz, "utc") == 0 || strcmp(m->tz, "gmt") == 0))
			strncat(o->value, "Z", sizeof(o->value) - strlen(o->value) - 1);
	} else if (m->said & HAS_HOUR) {
		if (m->said & HAS_SECOND)
			snprintf(o->value + l, sizeof(o->value) - l, "T%02d:%02d:%02d",
			         (int)m->hour, (int)m->minute, (int)m->second);
		else
			snprintf(o->value + l, sizeof(o->value) - l, "T%02d:%02d", (int)m->hour,
			         (int)m->minute);
		o->gran = (m->said & HAS_MINUTE) ? TL_GRAN_MINUTE : TL_GRAN_HOUR;
		if (m->tz && (strcmp(m->tz, "utc") == 0 || strcmp(m->tz, "gmt") == 0))
			strncat(o->value, "Z", sizeof(o->value) - strlen(o->value) - 1);
	} else if (m->said & HAS_POD) {
		size_t pl = strlen(pod_code[m->pod]);
		if (l + 1 + pl < sizeof(o->value)) { /* "T%s" by hand */
			o->value[l] = 'T';
			memcpy(o->value + l + 1, pod_code[m->pod], pl + 1);
		} else
			snprintf(o->value + l, sizeof(o->value) - l, "T%s", pod_code[m->pod]);
		o->gran = TL_GRAN_PART_OF_DAY;
	}
}
