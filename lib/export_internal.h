/*
 * export_internal.h - the writers behind tl_export(), one file each.
 *
 * Each writer appends its whole output to b and returns 0 or a negative code
 * (with tl_seterr()).  The timeline is built before a writer is called.
 */
#ifndef TL_EXPORT_INTERNAL_H
#define TL_EXPORT_INTERNAL_H

#include "internal.h"

int tl_export_json(tl_buf *b, tl_timeline *tl, const tl_export_options *opts);
int tl_export_ics(tl_buf *b, tl_timeline *tl, const tl_export_options *opts);
int tl_export_timeml(tl_buf *b, tl_timeline *tl, const tl_export_options *opts);
int tl_export_timelinejs(tl_buf *b, tl_timeline *tl, const tl_export_options *opts);
int tl_export_tsv(tl_buf *b, tl_timeline *tl, const tl_export_options *opts);
int tl_export_html(tl_buf *b, tl_timeline *tl, const tl_export_options *opts);

/**
 * The mentions of event i of a built timeline, mention_count of them in a
 * row (timeline.c): the same as tl_timeline_event_mention(tl, i, 0 ..), at
 * one call for all.  NULL when i is out of range.
 */
const tl_mention *tl_timeline_mentions(tl_timeline *tl, size_t i);

/** Append s with & < > " ' written as HTML character references. */
void tl_html_escape(tl_buf *b, const char *s);

/** "DATE", "TIME", "DURATION", "SET". */
const char *tl_type_name(tl_timex_type t);
/** "START", ... or NULL for TL_MOD_NONE. */
const char *tl_mod_name(tl_mod m);
/** "day", "month", ... */
const char *tl_granularity_name(tl_granularity g);

#endif
