/*
 * date.c - calendar arithmetic on the proleptic Gregorian calendar.
 *
 * Day numbers count days since 1970-01-01 in 64 bits.  The conversion is the
 * well-known era-based algorithm (days in a 400-year era: 146097), exact for
 * every year the library accepts (-999999..999999).
 */
#include "internal.h"

#include <stdio.h>

/* 1 if year is a Gregorian leap year. */
int tl_date_is_leap(int32_t year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Days in month (1..12) of year; 0 for a month out of range. */
int tl_date_days_in_month(int32_t year, int32_t month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && tl_date_is_leap(year));
}

/* Days since 1970-01-01; a 0 month or day counts as 1. */
int64_t tl_date_to_days(tl_date d)
{
	int64_t y = d.year;
	int64_t m = d.month ? d.month : 1;
	int64_t dd = d.day ? d.day : 1;
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of a day number since 1970-01-01, saturating at the library's
 * range (-999999-01-01 .. 999999-12-31), so that no day number, however
 * large, overflows or wraps the year. */
tl_date tl_date_from_days(int64_t z)
{
	const int64_t lo = tl_date_to_days((tl_date){ -999999, 1, 1 });
	const int64_t hi = tl_date_to_days((tl_date){ 999999, 12, 31 });
	z = z < lo ? lo : z > hi ? hi : z;
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp + (mp < 10 ? 3 : -9);
	tl_date r = { (int32_t)(y + (m <= 2)), (int32_t)m, (int32_t)d };
	return r;
}

/* "YYYY-MM-DD", "YYYY-MM" or "YYYY"; a negative (astronomical) year as
 * "-YYYY", at least four digits after the sign, as ISO 8601 writes it. */
void tl_date_format(char *out, size_t outsz, tl_date d)
{
	const char *sign = d.year < 0 ? "-" : "";
	int y = d.year < 0 ? -(int)d.year : (int)d.year;
	if (d.month == 0)
		snprintf(out, outsz, "%s%04d", sign, y);
	else if (d.day == 0)
		snprintf(out, outsz, "%s%04d-%02d", sign, y, (int)d.month);
	else
		snprintf(out, outsz, "%s%04d-%02d-%02d", sign, y, (int)d.month, (int)d.day);
}

/* Read up to max digits; returns how many were read. */
static int digits(const char *s, int n, int32_t *v)
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

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
int tl_date_parse(tl_date *out, const char *s)
{
	tl_date d = { 0, 0, 0 };
	if (!out)
		return tl_seterr(TL_EINVAL, "tl_date_parse: NULL out");
	memset(out, 0, sizeof(*out));
	if (!s)
		return tl_seterr(TL_EINVAL, "tl_date_parse: NULL date");
	size_t n = strlen(s);
	if (!(n == 4 || n == 7 || n == 10) || !digits(s, 4, &d.year) ||
	    (n >= 7 && (s[4] != '-' || !digits(s + 5, 2, &d.month) || d.month < 1 || d.month > 12)) ||
	    (n == 10 && (s[7] != '-' || !digits(s + 8, 2, &d.day) || d.day < 1 ||
	                 d.day > tl_date_days_in_month(d.year, d.month))))
		return tl_seterr(TL_EINVAL, "not a date (YYYY-MM-DD): '%.40s'", s);
	*out = d;
	return 0;
}
