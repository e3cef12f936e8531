/*
 * resolve_value.c - TIMEX3 values of durations and sets, which need no
 * anchor: "30 years" P30Y, "two hours" PT2H, "several weeks" PXW, "a year
 * and a half" P18M, "every Monday" XXXX-WXX-1, "weekly" P1W, "twice a
 * year" P1Y with freq 2X.  Unit letters follow TimeML 1.2.1 (DE decade,
 * CE century, ML millennium, WE weekend, Q quarter).
 */
#include "engine.h"

#include <stdio.h>

static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};
static const char *const pod_code[] = {"", "MO", "AF", "EV", "NI", "12:00", "24:00", "DT"};

/* Durations: P30Y, PT2H, PXW, "a year and a half" P18M. */
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
	if (m->frac) {
		/* the half goes into the next smaller unit */
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
			int64_t v = unit == U_WEEK ? n * 7 / 2 * 1 : n * k + k / 2;
			if (unit == U_WEEK)
				v = (n * 7) / 2;
			int t2 = sub == U_SECOND || sub == U_MINUTE || sub == U_HOUR;
			snprintf(value, size, "P%s%lld%s", t2 ? "T" : "", (long long)v, code[sub]);
			return;
		}
		snprintf(value, size, "P%s%lld.5%s", timeu ? "T" : "", (long long)n, code[unit]);
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
		snprintf(value, size, "XXXX-%s", season_code[m->season]);
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
