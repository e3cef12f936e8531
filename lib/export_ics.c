/*
 * export_ics.c - the timeline as iCalendar (RFC 5545), written with libical.
 *
 * One VEVENT per event.  Day-granular events are all-day (DTSTART;VALUE=DATE,
 * DTEND the day after); coarser ones span their month, season or year the
 * same way (DTEND is exclusive, RFC 5545 3.6.1).  A TIME event with a clock
 * time ("2021-11-06T17:00") is a point: DTSTART in floating local time (the
 * zone as written is not resolved) and no DTEND, which RFC 5545 3.6.1 reads
 * as ending when it starts; a part of the day ("TEV") stays all-day.  UIDs are a hash (FNV-1a,
 * 64 bits) of the document id, the value, the interval and the headline, so
 * the same input gives the same UIDs; an event that would repeat an earlier
 * UID of the same calendar gets "-2", "-3", ... appended.  DTSTAMP is the
 * caller's or midnight UTC of the latest DCT, never the clock.  SUMMARY is
 * the headline, DESCRIPTION the sentence (libical escapes , ; \ and line
 * breaks and folds lines at 75 octets without splitting a UTF-8 sequence;
 * the controls TEXT may not carry become U+FFFD, see ics_text()).
 * X-TIMEX3-VALUE keeps the TIMEX3 value, X-TIMEX3-MOD its mod; the events
 * are TRANSP:TRANSPARENT (they do not make anyone busy).  iCalendar dates
 * have four-digit years, and libical (3.0) writes none after 3000 (it puts
 * 00000000T000000 instead): events before year 1 or after 3000 (the Punic
 * Wars) are left out, and X-LIBTIMELINE-OMITTED on the calendar says how
 * many; a DTSTAMP after 3000 falls back to the latest DCT up to 3000.
 */
#include "events_internal.h"
#include "export_internal.h"

#include <libical/ical.h>
#include <stdio.h>

/* FNV-1a 64-bit over a string, continuing from h. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h ^ 0xff; /* separator */
}

/* s as an iCalendar TEXT value may carry it: the controls RFC 5545 3.3.11
 * leaves out (C0 but tab, and DEL; libical writes them as they are) become
 * U+FFFD, one for each, as in the TimeML export.  s itself when it has none
 * (the usual case), else a copy in *tmp, valid until the next call. */
static const char *ics_text(tl_buf *tmp, const char *s)
{
	const char *p = s;
	while (*p && ((unsigned char)*p >= 0x20 || *p == '\t') && *p != 0x7F)
		p++;
	if (!*p)
		return s;
	tmp->len = 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && c != '\t') || c == 0x7F)
			tl_buf_puts(tmp, "\xEF\xBF\xBD");
		else
			tl_buf_put(tmp, s, 1);
	}
	return tmp->failed ? "" : tmp->data;
}

static struct icaltimetype ical_date(tl_date d)
{
	struct icaltimetype t = icaltime_null_date();
	t.year = d.year;
	t.month = d.month ? d.month : 1;
	t.day = d.day ? d.day : 1;
	t.is_date = 1;
	return t;
}

/* The last year libical writes: later ones come out as 00000000T000000. */
#define ICS_MAX_YEAR 3000

/* The DTSTAMP: the caller's, or midnight UTC of the latest DCT (both up to
 * ICS_MAX_YEAR). */
static struct icaltimetype stamp(tl_timeline *tl, const tl_export_options *opts)
{
	if (opts->dtstamp) {
		struct icaltimetype t = icaltime_from_timet_with_zone(
		    (time_t)opts->dtstamp, 0, icaltimezone_get_utc_timezone());
		if (t.year >= 1 && t.year <= ICS_MAX_YEAR)
			return t;
	}
	tl_date best = {1970, 1, 1};
	for (size_t i = 0; i < tl_timeline_document_count(tl); i++) {
		tl_date d;
		if (tl_document_dct(&d, tl_timeline_document(tl, i)) != TL_DCT_NONE &&
		    tl_date_cmp(d, best) > 0 && d.year <= ICS_MAX_YEAR)
			best = d;
	}
	struct icaltimetype t = ical_date(best);
	t.is_date = 0;
	t.hour = t.minute = t.second = 0;
	t.zone = icaltimezone_get_utc_timezone();
	return t;
}

int tl_export_ics(tl_buf *b, tl_timeline *tl, const tl_export_options *opts)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	if (!cal)
		return tl_seterr(TL_ENOMEM, "out of memory writing iCalendar");
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(
	    cal, icalproperty_new_prodid("-//libtimeline//libtimeline " TL_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	struct icaltimetype dtstamp = stamp(tl, opts);
	size_t nev = tl_timeline_event_count(tl);
	size_t tsize = 2 * nev + 1;
	uint64_t *hashes = malloc(tsize * sizeof(*hashes));
	size_t *used = calloc(tsize, sizeof(*used));
	if (!hashes || !used) {
		free(hashes);
		free(used);
		icalcomponent_free(cal);
		return tl_seterr(TL_ENOMEM, "out of memory writing iCalendar");
	}

	size_t omitted = 0;
	tl_buf tmp = {NULL, 0, 0, 0}; /* ics_text()'s copies */
	for (size_t i = 0; i < nev; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		if (e->start.year < 1 || e->end.year > ICS_MAX_YEAR) {
			omitted++; /* see ICS_MAX_YEAR */
			continue;
		}
		char uid[80], span[64], d0[32], d1[32];
		uint64_t h = 14695981039346656037ULL;
		tl_date_format(d0, sizeof(d0), e->start);
		tl_date_format(d1, sizeof(d1), e->end);
		snprintf(span, sizeof(span), "%s/%s", d0, d1);
		h = fnv1a(h, e->document);
		h = fnv1a(h, e->value);
		h = fnv1a(h, span);
		h = fnv1a(h, e->headline);
		/* an earlier event with the same hash: count it (open addressing
		 * over a table of twice the events, so the lookup is O(1)) */
		size_t dup = 0, slot = (size_t)(h % tsize);
		while (used[slot] && hashes[slot] != h)
			slot = (slot + 1) % tsize;
		if (used[slot])
			dup = used[slot]++;
		else {
			used[slot] = 1;
			hashes[slot] = h;
		}
		if (dup)
			snprintf(uid, sizeof(uid), "%016llx-%zu@libtimeline", (unsigned long long)h,
			         dup + 1);
		else
			snprintf(uid, sizeof(uid), "%016llx@libtimeline", (unsigned long long)h);

		icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
		icalcomponent_add_property(ev, icalproperty_new_uid(uid));
		icalcomponent_add_property(ev, icalproperty_new_dtstamp(dtstamp));
		int hh, mm, ss, zone, um = 0;
		int clock = e->type == TL_TIMEX_TIME &&
		            tl_value_clock(e->value, &hh, &mm, &ss, &zone) &&
		            tl_date_to_days(e->end) - tl_date_to_days(e->start) == 1;
		tl_date ud = e->start;
		if (clock && zone != TL_ZONE_NONE)
			tl_clock_to_utc(&ud, &um, e->start, hh * 60 + mm, zone);
		if (clock && ud.year >= 1 && ud.year <= ICS_MAX_YEAR) {
			/* a clock time: a point, no DTEND; in floating local time,
			 * or in UTC when the value names its zone ("T09:30Z";
			 * "T16:00-05:00" is 21:00Z) */
			struct icaltimetype at = ical_date(ud);
			if (zone == TL_ZONE_NONE) {
				at.hour = hh;
				at.minute = mm;
			} else {
				at.hour = um / 60;
				at.minute = um % 60;
				at.zone = icaltimezone_get_utc_timezone();
			}
			at.is_date = 0;
			at.second = ss;
			icalcomponent_add_property(ev, icalproperty_new_dtstart(at));
		} else {
			icalcomponent_add_property(ev,
			                           icalproperty_new_dtstart(ical_date(e->start)));
			icalcomponent_add_property(ev, icalproperty_new_dtend(ical_date(e->end)));
		}
		/* a sentence that is nothing but its date has an empty headline;
		 * an empty SUMMARY is refused by libical's reader: use the sentence */
		icalcomponent_add_property(
		    ev, icalproperty_new_summary(ics_text(&tmp, *e->headline ? e->headline
		                                                : *e->text   ? e->text
		                                                             : e->value)));
		icalcomponent_add_property(ev,
		                           icalproperty_new_description(ics_text(&tmp, e->text)));
		icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
		icalproperty *x = icalproperty_new_x(e->value);
		icalproperty_set_x_name(x, "X-TIMEX3-VALUE");
		icalcomponent_add_property(ev, x);
		if (tl_mod_name(e->mod)) {
			x = icalproperty_new_x(tl_mod_name(e->mod));
			icalproperty_set_x_name(x, "X-TIMEX3-MOD");
			icalcomponent_add_property(ev, x);
		}
		icalcomponent_add_component(cal, ev);
	}
	free(hashes);
	free(used);
	int tmp_failed = tmp.failed;
	tl_buf_free(&tmp);
	if (omitted) {
		char note[160];
		snprintf(note, sizeof(note),
		         "%zu event%s outside the years 1-%d left out (iCalendar dates have "
		         "four-digit years; libical writes none after %d)",
		         omitted, omitted == 1 ? "" : "s", ICS_MAX_YEAR, ICS_MAX_YEAR);
		icalproperty *x = icalproperty_new_x(note);
		icalproperty_set_x_name(x, "X-LIBTIMELINE-OMITTED");
		icalcomponent_add_property(cal, x);
	}
	char *s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!s)
		return tl_seterr(TL_ENOMEM, "out of memory writing iCalendar");
	tl_buf_puts(b, s);
	free(s);
	return b->failed || tmp_failed ? tl_seterr(TL_ENOMEM, "out of memory writing iCalendar")
	                               : 0;
}
