/*
 * fuzz_common.c - the invariants the fuzz targets assert (fuzz_common.h).
 */
#include "fuzz_common.h"

#include <json-c/json.h>
#include <libical/ical.h>
#include <timeline/timeml.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void tl_fuzz_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:%d: invariant broken: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* Decode one sequence at s[i]; returns its length, or 0 when it is invalid. */
static size_t decode(const uint8_t *s, size_t len, size_t i)
{
	uint8_t c = s[i];
	size_t n;
	uint32_t cp, min;
	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0) {
		n = 2;
		cp = c & 0x1F;
		min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3;
		cp = c & 0x0F;
		min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4;
		cp = c & 0x07;
		min = 0x10000;
	} else
		return 0; /* continuation byte, or a 5- or 6-byte form */
	if (len - i < n)
		return 0;
	for (size_t k = 1; k < n; k++) {
		if ((s[i + k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i + k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

int tl_fuzz_utf8_valid(const uint8_t *s, size_t len, size_t *bad)
{
	for (size_t i = 0; i < len;) {
		size_t n = decode(s, len, i);
		if (!n) {
			*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

/* The JSON export parses and lists every timex and event. */
static void check_json(tl_timeline *tl, size_t ntimex, size_t nevent)
{
	char *out = NULL;
	size_t len = 0;
	tl_export_options opts = TL_EXPORT_OPTIONS_INIT;
	opts.pretty = 0;
	int rc = tl_export(&out, &len, tl, TL_FORMAT_JSON, &opts);
	TL_FUZZ_ASSERT(rc == 0, "JSON export failed: %s", tl_error_last());
	TL_FUZZ_ASSERT(out && strlen(out) == len, "JSON export has a NUL inside or a wrong length");
	json_tokener *tok = json_tokener_new();
	TL_FUZZ_ASSERT(tok, "out of memory");
	json_object *root = json_tokener_parse_ex(tok, out, (int)len);
	enum json_tokener_error err = json_tokener_get_error(tok);
	TL_FUZZ_ASSERT(root && err == json_tokener_success, "JSON export does not parse: %s",
	               json_tokener_error_desc(err));
	size_t used = json_tokener_get_parse_end(tok);
	while (used < len && (out[used] == '\n' || out[used] == ' '))
		used++;
	TL_FUZZ_ASSERT(used == len, "JSON export has bytes after the value (at %zu of %zu)", used,
	               len);
	json_object *timexes, *events;
	TL_FUZZ_ASSERT(json_object_object_get_ex(root, "timexes", &timexes) &&
	                   json_object_object_get_ex(root, "events", &events),
	               "JSON export lacks timexes or events");
	TL_FUZZ_ASSERT(json_object_array_length(timexes) == ntimex, "JSON lists %zu timexes of %zu",
	               json_object_array_length(timexes), ntimex);
	TL_FUZZ_ASSERT(json_object_array_length(events) == nevent, "JSON lists %zu events of %zu",
	               json_object_array_length(events), nevent);
	json_object_put(root);
	json_tokener_free(tok);
	tl_free(out);
}

/* The text of the first X-LIC-ERROR libical left in cal or its events. */
static const char *first_ics_error(icalcomponent *cal)
{
	icalproperty *p = icalcomponent_get_first_property(cal, ICAL_XLICERROR_PROPERTY);
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT); !p && c;
	     c = icalcomponent_get_next_component(cal, ICAL_ANY_COMPONENT))
		p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	return p ? icalproperty_get_xlicerror(p) : "(none)";
}

/* The iCalendar export parses without errors and has one VEVENT per event. */
static void check_ics(tl_timeline *tl, size_t nevent)
{
	char *out = NULL;
	size_t len = 0;
	int rc = tl_export(&out, &len, tl, TL_FORMAT_ICS, NULL);
	TL_FUZZ_ASSERT(rc == 0, "iCalendar export failed: %s", tl_error_last());
	TL_FUZZ_ASSERT(out && strlen(out) == len, "iCalendar export has a NUL inside");
	icalcomponent *cal = icalparser_parse_string(out);
	TL_FUZZ_ASSERT(cal && icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT,
	               "iCalendar export does not parse");
	TL_FUZZ_ASSERT(icalcomponent_count_errors(cal) == 0,
	               "iCalendar export has %d errors, the first: %s",
	               icalcomponent_count_errors(cal), first_ics_error(cal));
	/* events libical cannot write (years outside 1..3000) are left out and
	 * counted in X-LIBTIMELINE-OMITTED */
	size_t omitted = 0;
	for (size_t i = 0; i < nevent; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		omitted += e->start.year < 1 || e->end.year > 3000;
	}
	size_t n = (size_t)icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
	TL_FUZZ_ASSERT(n == nevent - omitted, "iCalendar export has %zu VEVENTs for %zu events", n,
	               nevent - omitted);
	TL_FUZZ_ASSERT(!omitted || strstr(out, "X-LIBTIMELINE-OMITTED:"),
	               "events left out of the iCalendar export without a word");
	icalcomponent_free(cal);
	tl_free(out);
}

/* 1 when XML 1.0 can carry the text as it is (no C0 control other than tab,
 * LF, CR; no U+FFFE or U+FFFF): the TimeML writer replaces the others. */
static int xml_clean(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
		     ((unsigned char)s[i + 2] & 0xFE) == 0xBE))
			return 0;
	}
	return 1;
}

/* The TimeML export reads back (tl_timeml_parse) as the same texts and DCTs. */
static void check_timeml(tl_timeline *tl)
{
	char *out = NULL;
	size_t len = 0;
	int rc = tl_export(&out, &len, tl, TL_FORMAT_TIMEML, NULL);
	TL_FUZZ_ASSERT(rc == 0, "TimeML export failed: %s", tl_error_last());
	const char *mark = "<?xml ";
	char *p = len ? out : NULL;
	for (size_t d = 0; d < tl_timeline_document_count(tl); d++) {
		const tl_document *doc = tl_timeline_document(tl, d);
		TL_FUZZ_ASSERT(p && strncmp(p, mark, strlen(mark)) == 0,
		               "TimeML export: document %zu does not start with '%s'", d, mark);
		char *next = strstr(p + 1, mark);
		size_t n = next ? (size_t)(next - p) : len - (size_t)(p - out);
		tl_timeml *tml = NULL;
		rc = tl_timeml_parse(&tml, p, n, "export.tml");
		TL_FUZZ_ASSERT(rc == 0, "TimeML export of document %zu does not read back: %s", d,
		               tl_error_last());
		size_t tlen, dlen;
		const char *text = tl_timeml_text(tml, &tlen);
		const char *dtext = tl_document_text(doc, &dlen);
		if (xml_clean(dtext, dlen))
			TL_FUZZ_ASSERT(tlen == dlen && memcmp(text, dtext, dlen) == 0,
			               "TimeML export of document %zu reads back as another text",
			               d);
		else
			TL_FUZZ_ASSERT(tl_utf8_valid(text, tlen, NULL),
			               "TimeML export reads back as invalid UTF-8");
		tl_date a, b;
		if (tl_document_dct(&a, doc) != TL_DCT_NONE)
			TL_FUZZ_ASSERT(tl_timeml_dct(&b, tml) == 0 && tl_date_cmp(a, b) == 0,
			               "TimeML export of document %zu loses its DCT", d);
		tl_timeml_free(tml);
		p = next;
	}
	TL_FUZZ_ASSERT(!p, "TimeML export has more documents than the timeline");
	tl_free(out);
}

void tl_fuzz_check_timeline(tl_timeline *tl)
{
	char why[512];
	size_t ntimex = 0;
	for (size_t i = 0; i < tl_timeline_document_count(tl); i++) {
		const tl_document *doc = tl_timeline_document(tl, i);
		TL_FUZZ_ASSERT(tl_check_document(doc, why, sizeof(why)) == 0, "document %zu: %s", i,
		               why);
		ntimex += tl_document_timex_count(doc);
	}
	int rc = tl_timeline_build(tl);
	TL_FUZZ_ASSERT(rc == 0, "timeline build failed: %s", tl_error_last());
	TL_FUZZ_ASSERT(tl_check_timeline(tl, why, sizeof(why)) == 0, "timeline: %s", why);
	size_t nevent = tl_timeline_event_count(tl);
	check_json(tl, ntimex, nevent);
	check_ics(tl, nevent);
	check_timeml(tl);
	tl_timeline_free(tl);
}
