/*
 * timeline/timeline.h - events of one or many documents, sorted and merged.
 *
 * Add documents (the timeline takes them over), then read the events.  Events
 * are sorted by start date, then by how fine they are (coarser first:
 * 1991 comes before 1991-03-05), then by document and position.  Mentions of
 * the same date and the same happening are merged into one event.
 */
#ifndef TIMELINE_TIMELINE_H
#define TIMELINE_TIMELINE_H

#include "types.h"

TL_BEGIN_DECLS

#define TL_TIMELINE_OPTIONS_VERSION 1

/** Timeline options.  Initialise with TL_TIMELINE_OPTIONS_INIT. */
typedef struct tl_timeline_options {
	unsigned int version;          /**< TL_TIMELINE_OPTIONS_VERSION */
	int has_from;                  /**< 1: drop events that end on or before from */
	tl_date from;
	int has_to;                    /**< 1: drop events that start after to */
	tl_date to;
	tl_granularity min_granularity; /**< drop events coarser than this (TL_GRAN_NONE: keep all) */
	int merge;                     /**< 1 (default): merge mentions of one happening */
} tl_timeline_options;

#define TL_TIMELINE_OPTIONS_INIT { TL_TIMELINE_OPTIONS_VERSION, 0, { 0, 0, 0 }, 0, { 0, 0, 0 }, TL_GRAN_NONE, 1 }

/** Fill opts with the defaults of the given version; TL_EINVAL if unknown. */
TL_EXTERN(int) tl_timeline_options_init(tl_timeline_options *opts, unsigned int version);

/**
 * Make an empty timeline.  opts may be NULL for the defaults; it is copied.
 * On success the caller owns *out (free with tl_timeline_free()).
 * TL_EINVAL for a NULL out, an unknown version, a from or to (when has_from,
 * has_to) that is not a date (month 0..12, a day of that month, 0 for an
 * unknown month or day; years -999999..999999), or an unknown
 * min_granularity.
 */
TL_EXTERN(int) tl_timeline_new(tl_timeline **out, const tl_timeline_options *opts);

/** Free a timeline and every document it holds.  NULL is a no-op. */
TL_EXTERN(void) tl_timeline_free(tl_timeline *tl);

/**
 * Add a document.  On success the timeline owns doc (do not free it); on
 * failure the caller still does.  Events are rebuilt on the next read.
 * TL_EINVAL on a NULL argument, or when doc is already in a timeline (this
 * one or another: it would be freed twice).
 */
TL_EXTERN(int) tl_timeline_add(tl_timeline *tl, tl_document *doc);

/** Number of documents added. */
TL_EXTERN(size_t) tl_timeline_document_count(const tl_timeline *tl);

/** The i-th document added, or NULL.  Owned by the timeline. */
TL_EXTERN(const tl_document *) tl_timeline_document(const tl_timeline *tl, size_t i);

/**
 * Build the events (sort, merge, filter, check).  Called by the readers below
 * and by tl_export() when needed; call it yourself to see an error.
 */
TL_EXTERN(int) tl_timeline_build(tl_timeline *tl);

/** Number of events (builds the timeline when needed; 0 if that fails). */
TL_EXTERN(size_t) tl_timeline_event_count(tl_timeline *tl);

/** The i-th event in timeline order, or NULL.  Owned by the timeline. */
TL_EXTERN(const tl_event *) tl_timeline_event(tl_timeline *tl, size_t i);

/** The j-th mention of the i-th event, or NULL.  Owned by the timeline. */
TL_EXTERN(const tl_mention *) tl_timeline_event_mention(tl_timeline *tl, size_t i, size_t j);

/** Number of consistency warnings (dates the text contradicts itself on). */
TL_EXTERN(size_t) tl_timeline_warning_count(tl_timeline *tl);

/** The i-th warning message, or NULL.  Owned by the timeline. */
TL_EXTERN(const char *) tl_timeline_warning(tl_timeline *tl, size_t i);

TL_END_DECLS

#endif
