/*
 * invariants.h - self-checks: the TIMEX3 value grammar and the invariants every
 * document and timeline must keep (invariants.c).
 *
 * Used by the tests and the fuzz targets to assert what the engine promises,
 * and by readers of annotated input (JSONL, TimeML) to vet the values they
 * are handed.  Nothing here allocates.
 */
#ifndef TL_INVARIANTS_H
#define TL_INVARIANTS_H

#include "internal.h"

/**
 * 1 when v is a well-formed TIMEX3 value (grammar in invariants.c's header:
 * dates with X's, weeks, quarters, halves, seasons, decades, centuries,
 * times, parts of day, the *_REF values, durations), else 0.
 * Numeric months, days, weeks, hours, minutes and seconds must exist
 * (no month 13, no February 30 in a known year).
 */
int tl_check_value(const char *v);

/**
 * 1 when a timex of type `type` may carry value v: a DURATION is a "P..."
 * value, a DATE or TIME is not; a DATE has no time of day; a TIME has one
 * (or is a *_REF value).  Assumes tl_check_value(v).
 */
int tl_check_value_type(const char *v, tl_timex_type type);

/**
 * Check a parsed document: sentences and timex spans lie inside the text, on
 * UTF-8 boundaries, in order and without overlap; char offsets match byte
 * offsets; values follow the grammar and their type; intervals are real
 * dates with begin < end; range partners point at each other; events have
 * valid UTF-8 headlines and texts.  Returns 0, or -1 with a message in
 * why[0..whysz).  Linear in the text length plus the number of timexes.
 */
int tl_check_document(const tl_document *doc, char *why, size_t whysz);

/**
 * Check a built timeline: every event has a valid value (a range's value is
 * its two ends' values joined by a '/'), start < end, valid
 * UTF-8 headline and text, and mention indexes that exist.  Returns 0, or -1
 * with a message in why.
 */
int tl_check_timeline(tl_timeline *tl, char *why, size_t whysz);

#endif
