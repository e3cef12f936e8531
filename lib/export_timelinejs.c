/*
 * export_timelinejs.c - the timeline as TimelineJS3 JSON.
 *
 * The format the TimelineJS3 viewer loads as is (Knight Lab, "JSON format"):
 *   { "title": { "text": { "headline", "text" } },
 *     "events": [ { "start_date": { "year", "month"?, "day"? },
 *                   "end_date"?: { ... }, "text": { "headline", "text" },
 *                   "group", "unique_id" } ] }
 * start_date carries as many fields as the event's value says (1991 gives
 * only a year; a decade or a quarter gives its first year and month; a clock
 * time adds hour and minute).
 * end_date, the last day (inclusive), is there when start_date alone does
 * not show the whole span: a range, a stretch given by a duration, and
 * decades, centuries, halves, quarters, seasons and weeks.  group is
 * the document id, so that each document gets its own row.  TimelineJS
 * renders headline and text as HTML: both are HTML-escaped.
 * Years before 1 AD: TimelineJS labels year -n "n BCE" and has no year 0
 * (it takes 0 for a missing year), so astronomical year y <= 0, which is
 * 1 - y BC, is written y - 1: 241 BC (-240) as -241, 1 BC (0) as -1.
 */
#include "events_internal.h"
#include "export_internal.h"

#include <json-c/json.h>
#include <stdio.h>

/* The year as TimelineJS numbers it (no year 0): y for y >= 1, else y - 1. */
static int64_t tjs_year(int32_t y)
{
	return y > 0 ? (int64_t)y : (int64_t)y - 1;
}

/* A TimelineJS date object with the fields of granularity g. */
static json_object *tjs_date(tl_date d, tl_granularity g)
{
	json_object *o = json_object_new_object();
	if (!o)
		return NULL;
	int rc = json_object_object_add(o, "year", json_object_new_int64(tjs_year(d.year)));
	if (!rc && g >= TL_GRAN_HALF)
		rc = json_object_object_add(o, "month", json_object_new_int(d.month));
	if (!rc && g >= TL_GRAN_WEEK)
		rc = json_object_object_add(o, "day", json_object_new_int(d.day));
	if (rc) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

/* A string object holding s, HTML-escaped. */
static json_object *html_string(const char *s)
{
	tl_buf b = {0};
	tl_html_escape(&b, s);
	size_t len = 0;
	char *p = tl_buf_detach(&b, &len);
	if (!p)
		return NULL;
	json_object *o = json_object_new_string_len(p, (int)len);
	free(p);
	return o;
}

/* { "headline": h, "text": t }, escaped. */
static json_object *tjs_text(const char *h, const char *t)
{
	json_object *o = json_object_new_object();
	if (!o)
		return NULL;
	json_object *hs = html_string(h), *ts = html_string(t);
	if (!hs || json_object_object_add(o, "headline", hs)) {
		json_object_put(hs);
		json_object_put(ts);
		json_object_put(o);
		return NULL;
	}
	if (!ts || json_object_object_add(o, "text", ts)) {
		json_object_put(ts);
		json_object_put(o);
		return NULL;
	}
	return o;
}

/* Add key: v to o, taking v over; 1 on failure. */
static int put(json_object *o, const char *key, json_object *v)
{
	if (!v)
		return 1;
	if (json_object_object_add(o, key, v)) {
		json_object_put(v);
		return 1;
	}
	return 0;
}

/* 1 when start_date as tjs_date writes it for e's granularity (a year, a
 * month or a day) already spans the whole event [start, end), so that no
 * end_date is needed. */
static int tjs_plain(const tl_event *e)
{
	tl_date s = e->start, n = e->end;
	if (e->granularity < TL_GRAN_HALF) /* the year alone */
		return s.month == 1 && s.day == 1 && (int64_t)n.year == (int64_t)s.year + 1 &&
		       n.month == 1 && n.day == 1;
	if (e->granularity < TL_GRAN_WEEK) /* year and month */
		return s.day == 1 && n.day == 1 &&
		       (s.month == 12 ? (int64_t)n.year == (int64_t)s.year + 1 && n.month == 1
		                      : n.year == s.year && n.month == s.month + 1);
	return tl_date_to_days(n) - tl_date_to_days(s) == 1; /* one day */
}

static json_object *tjs_event(tl_timeline *tl, size_t i)
{
	const tl_event *e = tl_timeline_event(tl, i);
	json_object *o = json_object_new_object();
	if (!o)
		return NULL;
	char uid[32];
	snprintf(uid, sizeof(uid), "event-%zu", i + 1);
	int rc = put(o, "start_date", tjs_date(e->start, e->granularity));
	int hh, mm, ss;
	if (!rc && e->type == TL_TIMEX_TIME && tl_value_clock(e->value, &hh, &mm, &ss, NULL)) {
		json_object *sd = json_object_object_get(o, "start_date");
		rc = put(sd, "hour", json_object_new_int(hh)) ||
		     put(sd, "minute", json_object_new_int(mm));
	}
	/* an end_date when start_date alone would not show the whole span */
	if (!rc && !tjs_plain(e)) {
		tl_date last = tl_date_from_days(tl_date_to_days(e->end) - 1);
		rc = put(o, "end_date", tjs_date(last, TL_GRAN_DAY));
	}
	rc = rc || put(o, "text", tjs_text(e->headline, e->text)) ||
	     put(o, "group", json_object_new_string(e->document)) ||
	     put(o, "unique_id", json_object_new_string(uid));
	if (rc) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

int tl_export_timelinejs(tl_buf *b, tl_timeline *tl, const tl_export_options *opts)
{
	json_object *root = json_object_new_object(), *events = json_object_new_array();
	int rc = !root || !events;
	tl_buf about = {0};
	size_t ndoc = tl_timeline_document_count(tl), nev = tl_timeline_event_count(tl);
	tl_buf_printf(&about, "%zu event%s from ", nev, nev == 1 ? "" : "s");
	for (size_t d = 0; d < ndoc; d++)
		tl_buf_printf(&about, "%s%s", d ? ", " : "",
		              tl_document_id(tl_timeline_document(tl, d)));
	char *ab = tl_buf_detach(&about, NULL);
	json_object *title = rc || !ab ? NULL : json_object_new_object();
	rc = rc || !title || put(title, "text", tjs_text("Timeline", ab));
	if (!rc) {
		rc = put(root, "title", title);
		title = NULL;
	}
	free(ab);
	json_object_put(title);
	for (size_t i = 0; !rc && i < nev; i++) {
		json_object *ev = tjs_event(tl, i);
		if (!ev || json_object_array_add(events, ev)) {
			json_object_put(ev);
			rc = 1;
		}
	}
	if (!rc) {
		rc = put(root, "events", events);
		events = NULL;
	}
	if (!rc) {
		int flags = JSON_C_TO_STRING_NOSLASHESCAPE |
		            (opts->pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
		                          : JSON_C_TO_STRING_PLAIN);
		const char *s = json_object_to_json_string_ext(root, flags);
		if (!s)
			rc = 1;
		else {
			tl_buf_puts(b, s);
			tl_buf_put(b, "\n", 1);
		}
	}
	json_object_put(events);
	json_object_put(root);
	return rc || b->failed ? tl_seterr(TL_ENOMEM, "out of memory writing TimelineJS JSON") : 0;
}
