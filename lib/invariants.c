/*
 * invariants.c - the TIMEX3 value grammar and the invariants of documents and
 * timelines, checked rather than trusted.
 *
 * The value grammar follows the TimeML 1.2.1 annotation guidelines (TIMEX3
 * value attribute, itself ISO 8601 extended with X placeholders and the
 * TIMEX2 tokens for seasons, parts of day, decades and centuries):
 *
 *   value    := "PRESENT_REF" | "PAST_REF" | "FUTURE_REF" | duration
 *             | date [ "T" time ]          (time only after a full day)
 *   date     := year [ "-" MM [ "-" DD ]           month, day
 *                    | "-W" WW [ "-" D | "-WE" ]   ISO week, weekday, weekend
 *                    | "-Q" Q | "-H" H             quarter 1-4, half 1-2
 *                    | "-" ( SP | SU | FA | WI ) ] season
 *             | C | CC | CCC | bc                  millennium, century, decade
 *   year     := CCCC | [+-]?NNNNN[N] | [+-]NNNN | "BC" NNNN
 *   bc       := "BC" NN | "BC" NNN             century, decade before the era
 *   time     := ( hh [ ":" mm [ ":" ss [ "." N+ ] ] ] | MO | AF | EV | NI | DT ) [ zone ]
 *   zone     := "Z" | [+-] hh [ [":"] mm ]
 *   duration := "P" ( item+ [ "T" titem+ ] | "T" titem+ )
 *   item     := num ( "Y" | "M" | "W" | "D" | "Q" | "DE" | "CE" | "ML" | "WE" )
 *   titem    := num ( "H" | "M" | "S" | "MO" | "AF" | "EV" | "NI" )
 *   num      := N+ [ "." N+ ] | "X"
 * C is a digit or X, N a digit.  A field written in digits must exist:
 * month 01-12, day 01-31 and within its month (February 29 only in a leap
 * year, or when the year is unknown), week 01-53, weekday 1-7, hour 00-24,
 * minute 00-59, second 00-60.  SET values use the same forms (XXXX-WXX-1,
 * P1W, XXXX-XX-XXTMO).
 */
#include "invariants.h"

#include <stdio.h>

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Read exactly n characters, each a digit or (when allow_x) an X.  *num gets
 * the number, or -1 when any X was read.  Returns 1 and advances *p, or 0. */
static int field(const char **p, int n, int allow_x, int *num)
{
	const char *s = *p;
	int v = 0, unknown = 0;
	for (int i = 0; i < n; i++) {
		if (is_digit(s[i]))
			v = v * 10 + (s[i] - '0');
		else if (allow_x && s[i] == 'X')
			unknown = 1;
		else
			return 0; /* also stops at the NUL */
	}
	*num = unknown ? -1 : v;
	*p = s + n;
	return 1;
}

/* 1 when v is unknown (-1) or within [lo, hi]. */
static int in_range(int v, int lo, int hi)
{
	return v < 0 || (v >= lo && v <= hi);
}

/* 1 when s starts with the two characters of tok. */
static int starts2(const char *s, const char *tok)
{
	return s[0] == tok[0] && s[0] && s[1] == tok[1];
}

static int is_ref(const char *v)
{
	return strcmp(v, "PRESENT_REF") == 0 || strcmp(v, "PAST_REF") == 0 ||
	       strcmp(v, "FUTURE_REF") == 0;
}

/* The year: sets *year and *known (0 when written with X's) and *short_form
 * when it is a millennium, century or decade (nothing may follow). */
static int year_part(const char **p, int64_t *year, int *known, int *short_form)
{
	const char *s = *p;
	size_t k = 0;
	int x = 0;
	*year = 0;
	*known = 0;
	*short_form = 0;
	if (s[0] == 'B' && s[1] == 'C') {
		int y;
		s += 2;
		while (is_digit(s[k]))
			k++;
		if (k == 2 || k == 3) { /* "BC03" the 4th century BC, "BC048" */
			*short_form = 1;
			*p = s + k;
			return 1;
		}
		if (!field(&s, 4, 0, &y))
			return 0;
		*year = 1 - (int64_t)y; /* astronomical: 1 BC is year 0 */
		*known = 1;
		*p = s;
		return 1;
	}
	int sign = 0;
	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	while (is_digit(s[k]) || s[k] == 'X') {
		x |= s[k] == 'X';
		k++;
	}
	if (k < 4) {
		if (sign || k == 0)
			return 0;
		*short_form = 1;
		*p = s + k;
		return 1;
	}
	/* more than 4 digits (or a sign): an expanded year, digits only, at most
	 * six of them (the library keeps years within -999999..999999) */
	if ((k > 4 || sign) && (x || k > 6))
		return 0;
	if (!x) {
		int64_t y = 0;
		for (size_t i = 0; i < k; i++)
			y = y * 10 + (s[i] - '0');
		*year = sign < 0 ? -y : y;
		*known = 1;
	}
	*p = s + k;
	return 1;
}

/* A date; *has_day is set when it names one day (time may follow). */
static int date_part(const char **p, int *has_day)
{
	static const char *const seasons[] = {"SP", "SU", "FA", "WI"};
	const char *s = *p;
	int64_t year;
	int known, short_form, n;
	*has_day = 0;
	if (!year_part(&s, &year, &known, &short_form))
		return 0;
	if (short_form || *s != '-') {
		*p = s;
		return 1;
	}
	s++;
	if (*s == 'W') {
		s++;
		if (!field(&s, 2, 1, &n) || !in_range(n, 1, 53))
			return 0;
		if (*s == '-') {
			s++;
			if (starts2(s, "WE"))
				s += 2;
			else if (!field(&s, 1, 1, &n) || !in_range(n, 1, 7))
				return 0;
			else
				*has_day = 1;
		}
	} else if (*s == 'Q' || *s == 'H') {
		int hi = *s == 'Q' ? 4 : 2;
		s++;
		if (!field(&s, 1, 1, &n) || !in_range(n, 1, hi))
			return 0;
	} else {
		int season = 0;
		for (size_t i = 0; i < 4; i++)
			if (starts2(s, seasons[i]))
				season = 1;
		if (season)
			s += 2;
		else {
			int month, day;
			if (!field(&s, 2, 1, &month) || !in_range(month, 1, 12))
				return 0;
			if (*s == '-') {
				s++;
				if (!field(&s, 2, 1, &day) || !in_range(day, 1, 31))
					return 0;
				/* the day must exist; 2000 is a leap year, so an
				 * unknown year allows February 29 */
				if (day > 0 && month > 0 &&
				    day >
				        tl_date_days_in_month(known ? (int32_t)year : 2000, month))
					return 0;
				*has_day = 1;
			}
		}
	}
	*p = s;
	return 1;
}

/* A time of day after the T, with an optional zone. */
static int time_part(const char **p)
{
	static const char *const parts[] = {"MO", "AF", "EV", "NI", "DT"};
	const char *s = *p;
	int part = 0, n;
	for (size_t i = 0; i < 5; i++)
		if (starts2(s, parts[i]))
			part = 1;
	if (part)
		s += 2;
	else {
		if (!field(&s, 2, 1, &n) || !in_range(n, 0, 24))
			return 0;
		if (*s == ':') {
			s++;
			if (!field(&s, 2, 1, &n) || !in_range(n, 0, 59))
				return 0;
			if (*s == ':') {
				s++;
				if (!field(&s, 2, 1, &n) || !in_range(n, 0, 60))
					return 0;
				if (*s == '.') {
					s++;
					if (!is_digit(*s))
						return 0;
					while (is_digit(*s))
						s++;
				}
			}
		}
	}
	if (*s == 'Z')
		s++;
	else if (*s == '+' || *s == '-') {
		s++;
		if (!field(&s, 2, 0, &n) || n > 14)
			return 0;
		if (*s == ':')
			s++;
		if (is_digit(*s) && (!field(&s, 2, 0, &n) || n > 59))
			return 0;
	}
	*p = s;
	return 1;
}

/* A duration after the P. */
static int duration_part(const char *s)
{
	static const char *const date_units[] = {"DE", "CE", "ML", "WE", "Y", "M", "W", "D", "Q"};
	static const char *const time_units[] = {"MO", "AF", "EV", "NI", "H", "M", "S"};
	int in_time = 0, items = 0, titems = 0;
	while (*s) {
		if (*s == 'T') {
			if (in_time)
				return 0;
			in_time = 1;
			s++;
			continue;
		}
		if (*s == 'X')
			s++;
		else if (is_digit(*s)) {
			while (is_digit(*s))
				s++;
			if (*s == '.') {
				s++;
				if (!is_digit(*s))
					return 0;
				while (is_digit(*s))
					s++;
			}
		} else
			return 0;
		const char *const *units = in_time ? time_units : date_units;
		size_t nunits = in_time ? sizeof(time_units) / sizeof(time_units[0])
		                        : sizeof(date_units) / sizeof(date_units[0]);
		size_t len = 0;
		for (size_t i = 0; i < nunits && !len; i++) {
			size_t ul = strlen(units[i]);
			if (strncmp(s, units[i], ul) == 0)
				len = ul;
		}
		if (!len)
			return 0;
		s += len;
		items++;
		titems += in_time;
	}
	return items > 0 && (!in_time || titems > 0);
}

/* 1 when v is a TIMEX3 value. */
int tl_check_value(const char *v)
{
	if (!v || !*v)
		return 0;
	if (is_ref(v))
		return 1;
	if (*v == 'P')
		return duration_part(v + 1);
	const char *s = v;
	int has_day;
	if (!date_part(&s, &has_day))
		return 0;
	if (*s == 'T') {
		s++;
		if (!has_day || !time_part(&s))
			return 0;
	}
	return *s == '\0';
}

/* 1 when a timex of this type may carry the value v. */
int tl_check_value_type(const char *v, tl_timex_type type)
{
	int ref = is_ref(v), dur = !ref && v[0] == 'P', timed = !ref && !dur && strchr(v, 'T');
	switch (type) {
	case TL_TIMEX_DATE:
		return !dur && !timed;
	case TL_TIMEX_TIME:
		return ref || timed;
	case TL_TIMEX_DURATION:
		return dur;
	case TL_TIMEX_SET:
		return !ref;
	}
	return 0;
}

/* 1 when v is an event's value: a TIMEX3 value fit for the type, or for a
 * range two of them joined by a '/', ISO 8601 style ("1991/2020"). */
static int event_value(const char *v, tl_timex_type type)
{
	char a[64];
	const char *slash = v ? strchr(v, '/') : NULL;
	if (!slash)
		return tl_check_value(v) && tl_check_value_type(v, type);
	size_t n = (size_t)(slash - v);
	if (n >= sizeof(a))
		return 0;
	memcpy(a, v, n);
	a[n] = '\0';
	return event_value(a, type) && !strchr(slash + 1, '/') && event_value(slash + 1, type);
}

/* 1 when off is a code point boundary of the valid UTF-8 text t[0..len). */
static int boundary(const char *t, size_t len, size_t off)
{
	return off == len || (off < len && ((unsigned char)t[off] & 0xC0) != 0x80);
}

/* 1 when d is a real calendar date with every field set, in the library's range. */
static int full_date(tl_date d)
{
	return d.year >= -999999 && d.year <= 999999 && d.month >= 1 && d.month <= 12 &&
	       d.day >= 1 && d.day <= tl_date_days_in_month(d.year, d.month);
}

/* 1 when s is a non-NULL NUL-terminated valid UTF-8 string. */
static int good_string(const char *s)
{
	return s && tl_utf8_valid(s, strlen(s), NULL);
}

#define FAIL(...)                                                                                  \
	do {                                                                                       \
		if (whysz)                                                                         \
			snprintf(why, whysz, __VA_ARGS__);                                         \
		return -1;                                                                         \
	} while (0)

/* Check one timex; i is its index, chars the code points before it. */
static int check_timex(const tl_document *doc, size_t i, size_t chars, char *why, size_t whysz)
{
	const tl_timex *x = &doc->timexes[i];
	size_t in_span = tl_utf8_count(doc->text + x->byte_start, x->byte_end - x->byte_start);
	if (x->char_start != chars || x->char_end != chars + in_span)
		FAIL("timex %zu: char offsets [%zu,%zu) but bytes [%zu,%zu) are chars [%zu,%zu)", i,
		     x->char_start, x->char_end, x->byte_start, x->byte_end, chars,
		     chars + in_span);
	if ((unsigned)x->type > TL_TIMEX_SET || (unsigned)x->mod > TL_MOD_APPROX ||
	    (unsigned)x->granularity > TL_GRAN_SECOND)
		FAIL("timex %zu: type %d, mod %d or granularity %d out of range", i, (int)x->type,
		     (int)x->mod, (int)x->granularity);
	if (!tl_check_value(x->value))
		FAIL("timex %zu: '%.60s' is not a TIMEX3 value", i, x->value ? x->value : "(null)");
	if (!tl_check_value_type(x->value, x->type))
		FAIL("timex %zu: value '%.60s' does not fit type %d", i, x->value, (int)x->type);
	if ((x->quant && !*x->quant) || (x->freq && !*x->freq) || (x->tz && !*x->tz) ||
	    (x->quant && !good_string(x->quant)) || (x->freq && !good_string(x->freq)) ||
	    (x->tz && !good_string(x->tz)))
		FAIL("timex %zu: empty or invalid quant, freq or tz", i);
	if (x->has_interval &&
	    (!full_date(x->begin) || !full_date(x->end) || tl_date_cmp(x->begin, x->end) >= 0))
		FAIL("timex %zu ('%.60s'): bad interval [%d-%d-%d, %d-%d-%d)", i, x->value,
		     (int)x->begin.year, (int)x->begin.month, (int)x->begin.day, (int)x->end.year,
		     (int)x->end.month, (int)x->end.day);
	if (x->range_partner != -1) {
		size_t p = (size_t)x->range_partner;
		if (x->range_partner < 0 || p >= doc->ntimex || p == i ||
		    doc->timexes[p].range_partner != (int)i)
			FAIL("timex %zu: range partner %d does not point back", i,
			     x->range_partner);
	}
	if (x->sentence >= doc->nsentence)
		FAIL("timex %zu: sentence %zu of %zu", i, x->sentence, doc->nsentence);
	return 0;
}

/* Check a parsed document. */
int tl_check_document(const tl_document *doc, char *why, size_t whysz)
{
	if (!doc || !doc->text || doc->text[doc->len] != '\0')
		FAIL("document or its text missing");
	const char *t = doc->text;
	size_t len = doc->len, prev = 0;
	if (!tl_utf8_valid(t, len, NULL))
		FAIL("document text is not valid UTF-8");
	for (size_t i = 0; i < doc->nsentence; i++) {
		tl_sentence s = doc->sentences[i];
		if (s.start >= s.end || s.end > len || s.start < prev)
			FAIL("sentence %zu: [%zu,%zu) empty, past the end (%zu) or overlapping", i,
			     s.start, s.end, len);
		if (!boundary(t, len, s.start) || !boundary(t, len, s.end))
			FAIL("sentence %zu: [%zu,%zu) splits a UTF-8 sequence", i, s.start, s.end);
		prev = s.end;
	}
	size_t pos = 0, chars = 0;
	prev = 0;
	for (size_t i = 0; i < doc->ntimex; i++) {
		const tl_timex *x = &doc->timexes[i];
		if (x->byte_start >= x->byte_end || x->byte_end > len)
			FAIL("timex %zu: bytes [%zu,%zu) empty or past the end (%zu)", i,
			     x->byte_start, x->byte_end, len);
		if (x->byte_start < prev)
			FAIL("timex %zu: [%zu,%zu) out of order or overlapping the previous one", i,
			     x->byte_start, x->byte_end);
		if (!boundary(t, len, x->byte_start) || !boundary(t, len, x->byte_end))
			FAIL("timex %zu: [%zu,%zu) splits a UTF-8 sequence", i, x->byte_start,
			     x->byte_end);
		chars += tl_utf8_count(t + pos, x->byte_start - pos);
		pos = x->byte_start;
		if (check_timex(doc, i, chars, why, whysz))
			return -1;
		prev = x->byte_end;
	}
	for (size_t i = 0; i < doc->nevent; i++) {
		const tl_doc_event *e = &doc->events[i];
		if (e->timex >= doc->ntimex)
			FAIL("event %zu: timex %zu of %zu", i, e->timex, doc->ntimex);
		if (!good_string(e->headline) || !good_string(e->text))
			FAIL("event %zu: headline or text missing or not valid UTF-8", i);
		if (!full_date(e->start) || !full_date(e->end) ||
		    tl_date_cmp(e->start, e->end) >= 0)
			FAIL("event %zu: bad interval", i);
	}
	return 0;
}

/* Check a built timeline. */
int tl_check_timeline(tl_timeline *tl, char *why, size_t whysz)
{
	size_t ndoc = tl_timeline_document_count(tl), n = tl_timeline_event_count(tl);
	for (size_t i = 0; i < n; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		if (!e)
			FAIL("event %zu of %zu missing", i, n);
		if (!event_value(e->value, e->type))
			FAIL("event %zu: bad value '%.60s'", i, e->value ? e->value : "(null)");
		if ((unsigned)e->mod > TL_MOD_APPROX || (unsigned)e->granularity > TL_GRAN_SECOND)
			FAIL("event %zu: mod or granularity out of range", i);
		if (!full_date(e->start) || !full_date(e->end) ||
		    tl_date_cmp(e->start, e->end) >= 0)
			FAIL("event %zu ('%.60s'): bad interval", i, e->value);
		if (!good_string(e->headline) || !good_string(e->text) || !good_string(e->document))
			FAIL("event %zu: headline, text or document missing or not valid UTF-8", i);
		if (e->mention_count < 1)
			FAIL("event %zu: no mention", i);
		for (size_t j = 0; j < e->mention_count; j++) {
			const tl_mention *m = tl_timeline_event_mention(tl, i, j);
			if (!m || m->document >= ndoc ||
			    m->timex >=
			        tl_document_timex_count(tl_timeline_document(tl, m->document)))
				FAIL("event %zu: mention %zu points nowhere", i, j);
		}
	}
	for (size_t i = 0; i < tl_timeline_warning_count(tl); i++)
		if (!good_string(tl_timeline_warning(tl, i)))
			FAIL("warning %zu missing or not valid UTF-8", i);
	return 0;
}
