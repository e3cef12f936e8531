/*
 * export.c - format names and the dispatch to one writer per format.
 */
#include "export_internal.h"

/* Format names, indexed by tl_format. */
static const char *const format_names[] = {
    [TL_FORMAT_JSON] = "json",     [TL_FORMAT_ICS] = "ics",
    [TL_FORMAT_TIMEML] = "timeml", [TL_FORMAT_TIMELINEJS] = "timelinejs",
    [TL_FORMAT_TSV] = "tsv",       [TL_FORMAT_HTML] = "html",
};
#define NFORMATS (sizeof(format_names) / sizeof(format_names[0]))

int tl_format_from_name(tl_format *out, const char *name)
{
	if (!out || !name)
		return tl_seterr(TL_EINVAL, "tl_format_from_name: NULL argument");
	for (size_t i = 0; i < NFORMATS; i++)
		if (format_names[i] && strcmp(format_names[i], name) == 0) {
			*out = (tl_format)i;
			return 0;
		}
	if (strcmp(name, "ical") == 0 || strcmp(name, "icalendar") == 0) {
		*out = TL_FORMAT_ICS;
		return 0;
	}
	return tl_seterr(TL_ENOTFOUND, "unknown format '%s'", name);
}

const char *tl_format_name(tl_format fmt)
{
	return (size_t)fmt < NFORMATS ? format_names[fmt] : NULL;
}

int tl_export_options_init(tl_export_options *opts, unsigned int version)
{
	static const tl_export_options init = TL_EXPORT_OPTIONS_INIT;
	if (!opts || (version != 1 && version != TL_EXPORT_OPTIONS_VERSION))
		return tl_seterr(TL_EINVAL, "tl_export_options_init: unknown version %u", version);
	if (version == 1) { /* a version 1 struct ends after dtstamp */
		opts->version = 1;
		opts->pretty = init.pretty;
		opts->dtstamp = init.dtstamp;
		return 0;
	}
	*opts = init;
	return 0;
}

/* Names of the TIMEX3 types, mods and granularities shared by the writers. */
const char *tl_type_name(tl_timex_type t)
{
	static const char *const n[] = {"DATE", "TIME", "DURATION", "SET"};
	return (unsigned)t < 4 ? n[t] : "DATE";
}

const char *tl_mod_name(tl_mod m)
{
	static const char *const n[] = {
	    NULL,        "BEFORE",    "AFTER",         "ON_OR_BEFORE",  "ON_OR_AFTER",
	    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START",
	    "MID",       "END",       "APPROX"};
	return (unsigned)m < sizeof(n) / sizeof(n[0]) ? n[m] : NULL;
}

const char *tl_granularity_name(tl_granularity g)
{
	static const char *const n[] = {"none", "millennium", "century", "decade", "year",
	                                "half", "quarter",    "season",  "month",  "week",
	                                "day",  "partofday",  "hour",    "minute", "second"};
	return (unsigned)g < sizeof(n) / sizeof(n[0]) ? n[g] : "none";
}

/* Append s with & < > " ' as character references. */
void tl_html_escape(tl_buf *b, const char *s)
{
	const char *run = s;
	for (; *s; s++) {
		const char *ref;
		switch (*s) {
		case '&':
			ref = "&amp;";
			break;
		case '<':
			ref = "&lt;";
			break;
		case '>':
			ref = "&gt;";
			break;
		case '"':
			ref = "&quot;";
			break;
		case '\'':
			ref = "&#39;";
			break;
		default:
			continue;
		}
		tl_buf_put(b, run, (size_t)(s - run));
		tl_buf_puts(b, ref);
		run = s + 1;
	}
	tl_buf_puts(b, run);
}

int tl_export(char **out, size_t *out_len, tl_timeline *tl, tl_format fmt,
              const tl_export_options *opts)
{
	static const tl_export_options defaults = TL_EXPORT_OPTIONS_INIT;
	if (!out)
		return tl_seterr(TL_EINVAL, "tl_export: NULL out");
	*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!tl)
		return tl_seterr(TL_EINVAL, "tl_export: NULL timeline");
	tl_export_options v1 = defaults;
	if (!opts)
		opts = &defaults;
	if (opts->version == 1) { /* only the fields up to dtstamp are there */
		v1.pretty = opts->pretty;
		v1.dtstamp = opts->dtstamp;
		opts = &v1;
	} else if (opts->version != TL_EXPORT_OPTIONS_VERSION)
		return tl_seterr(TL_EINVAL, "tl_export: unknown options version %u", opts->version);
	int rc = tl_timeline_build(tl);
	if (rc)
		return rc;
	tl_buf b = {0};
	switch (fmt) {
	case TL_FORMAT_JSON:
		rc = tl_export_json(&b, tl, opts);
		break;
	case TL_FORMAT_ICS:
		rc = tl_export_ics(&b, tl, opts);
		break;
	case TL_FORMAT_TIMEML:
		rc = tl_export_timeml(&b, tl, opts);
		break;
	case TL_FORMAT_TIMELINEJS:
		rc = tl_export_timelinejs(&b, tl, opts);
		break;
	case TL_FORMAT_TSV:
		rc = tl_export_tsv(&b, tl, opts);
		break;
	case TL_FORMAT_HTML:
		rc = tl_export_html(&b, tl, opts);
		break;
	default:
		rc = tl_seterr(TL_ENOTFOUND, "format '%s' is not available",
		               tl_format_name(fmt) ? tl_format_name(fmt) : "?");
	}
	if (rc) {
		tl_buf_free(&b);
		return rc;
	}
	size_t len = 0;
	char *p = tl_buf_detach(&b, &len);
	if (!p)
		return tl_seterr(TL_ENOMEM, "out of memory");
	*out = p;
	if (out_len)
		*out_len = len;
	return 0;
}
