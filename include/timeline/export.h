/*
 * timeline/export.h - write a timeline out: JSON, iCalendar, TimeML and more.
 *
 * Each format lives in its own source file; none of their libraries (json-c,
 * libical) shows in this header.
 */
#ifndef TIMELINE_EXPORT_H
#define TIMELINE_EXPORT_H

#include "timeline.h"

TL_BEGIN_DECLS

/** Output formats. */
typedef enum tl_format {
	TL_FORMAT_JSON = 0,       /**< JSON, schema docs/timeline.schema.json */
	TL_FORMAT_ICS = 1,        /**< iCalendar (RFC 5545) */
	TL_FORMAT_TIMEML = 2,     /**< the text with inline <TIMEX3> tags */
	TL_FORMAT_TIMELINEJS = 3, /**< TimelineJS3 JSON */
	TL_FORMAT_TSV = 4,        /**< one event a line, tab-separated, header row */
	TL_FORMAT_HTML = 5        /**< one self-contained page drawing the timeline */
} tl_format;

/** Parse a format name ("json", "ics", ...) into *out; TL_ENOTFOUND if unknown. */
TL_EXTERN(int) tl_format_from_name(tl_format *out, const char *name);

/** The name of a format ("json"), or NULL for an unknown value. */
TL_EXTERN(const char *) tl_format_name(tl_format fmt);

#define TL_EXPORT_OPTIONS_VERSION 2

/**
 * Called by the JSON export for each element of its root arrays, in output
 * order: the element of root array `array` ("documents", "events",
 * "timexes" or "warnings", a static string) is the bytes [begin, end) of the
 * output that tl_export() returns (no separator, no indentation before it).
 * Return 0 to go on; anything else stops the export, which fails with
 * TL_ERROR.  Lets a caller cut the export into elements without parsing it.
 */
typedef int (*tl_export_element_fn)(void *ctx, const char *array, size_t begin, size_t end);

/** Export options.  Initialise with TL_EXPORT_OPTIONS_INIT. */
typedef struct tl_export_options {
	unsigned int version; /**< TL_EXPORT_OPTIONS_VERSION (1 is still accepted:
	                           the fields after dtstamp then keep their defaults) */
	int pretty;           /**< JSON: 1 to indent (default), 0 for one line */
	int64_t dtstamp;      /**< iCalendar DTSTAMP, seconds since 1970 UTC;
	                           0: midnight UTC of the latest DCT (or 1970-01-01),
	                           so that the same input gives the same bytes */
	/* since version 2 */
	size_t document_base;         /**< JSON: added to every document index written (the
	                                   "document" of a timex and of a mention), for a
	                                   timeline whose documents follow document_base
	                                   others; 0 (default) for none.  TL_ERANGE if an
	                                   index would overflow */
	tl_export_element_fn element; /**< JSON: NULL (default), or told where
	                                   each root array element lies */
	void *element_ctx;            /**< passed to element as is (not owned) */
} tl_export_options;

#define TL_EXPORT_OPTIONS_INIT                                                                     \
	{                                                                                          \
		TL_EXPORT_OPTIONS_VERSION, 1, 0, 0, NULL, NULL                                     \
	}

/**
 * Fill opts with the defaults of the given version (1 or 2; a version 1
 * struct only has the fields up to dtstamp, and only those are written);
 * TL_EINVAL if unknown.
 */
TL_EXTERN(int) tl_export_options_init(tl_export_options *opts, unsigned int version);

/**
 * Write tl in the given format into a new buffer.  On success *out holds
 * *out_len bytes plus a terminating NUL; the caller owns it and frees it with
 * tl_free().  On failure *out is NULL.  opts may be NULL for the defaults.
 */
TL_EXTERN(int)
tl_export(char **out, size_t *out_len, tl_timeline *tl, tl_format fmt,
          const tl_export_options *opts);

TL_END_DECLS

#endif
