/*
 * events_internal.h - what the events, timeline and consistency stages share.
 *
 * interval.c turns a TIMEX3 value into the interval it covers; event_words.c
 * holds the word classes the headline and consistency rules look up;
 * consistency.c finds dates a document contradicts itself on.
 */
#ifndef TL_EVENTS_INTERNAL_H
#define TL_EVENTS_INTERNAL_H

#include "internal.h"

#include <limits.h>

/* ---- intervals (interval.c) -------------------------------------------- */

/**
 * The interval [*begin, *end) (full dates) that a TIMEX3 DATE/TIME value
 * covers, and its granularity.  Understands YYYY, YYY (decade), YY (century),
 * Y (millennium), YYYY-MM, YYYY-MM-DD[Thh[:mm[:ss]] | TMO/TAF/TEV/TNI/TDT],
 * YYYY-Qn, YYYY-Hn, YYYY-SP/SU/FA/WI, YYYY-Wnn[-d | -WE].  Returns 1 when
 * value is one of these, 0 otherwise (X placeholders, PRESENT_REF, durations).
 */
int tl_value_interval(const char *value, tl_date *begin, tl_date *end, tl_granularity *gran);

/** What tl_value_clock() gives for a clock time with no zone: floating
 * local time. */
#define TL_ZONE_NONE INT_MIN

/** The clock time of a TIME value "YYYY-MM-DDThh[:mm[:ss]]" (fields not
 * said are 0), with an optional zone after it: "Z" (UTC), or an offset
 * "+hh", "+hh:mm", "+hhmm" ('-' west of UTC).  1 when there is one, 0
 * otherwise ("2021-11-06TEV", dates).  *zone (when zone is not NULL): the
 * zone's offset in minutes east of UTC (0 for "Z"), or TL_ZONE_NONE. */
int tl_value_clock(const char *value, int *hour, int *minute, int *second, int *zone);

/** The UTC day and minute of the day (0 to 1439) of clock time `minute`
 * (0 to 1439) on day d in a zone `zone` minutes east of UTC (at most 14
 * hours either way): "16:00-05:00" is 21:00 the same day, "00:30+02:00"
 * 22:30 the day before.  Out-parameters first. */
void tl_clock_to_utc(tl_date *utc_day, int *utc_minute, tl_date d, int minute, int zone);

/** Units of a duration value "P<n><unit>" (D, W, M, Y, DE, CE): 1 and the
 * amount and unit letter ('D', 'W', 'M', 'Y') when the value is a plain
 * count of days, weeks, months or years (decades and centuries become
 * years, "P2.5Y" 30 months), 0 otherwise ("PXY", "PT2H", "P1Y6M"). */
int tl_duration_parse(const char *value, int64_t *amount, char *unit);

/** d moved by n units ('D', 'W', 'M', 'Y'; months and years clamp the day
 * to the month's length).  Returns 0, or TL_EINVAL on overflow. */
int tl_date_add(tl_date *out, tl_date d, int64_t n, char unit);

/* ---- word classes (event_words.c) -------------------------------------- */

enum {
	TL_WORD_PREP = 1 << 0,    /* on, in, at, since: dropped next to the date */
	TL_WORD_CONNECT = 1 << 1, /* and, but, with, while: dropped at a clause start */
	TL_WORD_ARTICLE = 1 << 2, /* the, a, an: dropped at the headline start */
	TL_WORD_SPEECH = 1 << 3,  /* said, told: "..., X said on Nov. 5" */
	TL_WORD_BEGIN = 1 << 4,   /* began, erupted: the happening starts at the date */
	TL_WORD_END = 1 << 5,     /* ended, concluded: the happening ends at the date */
	TL_WORD_STOP = 1 << 6,    /* function words that say nothing about a happening */
	TL_WORD_TAIL = 1 << 7,    /* not a word to end a cut headline on */
	TL_WORD_AUX = 1 << 8, /* will, has, was: a clause that starts with one lacks its subject */
	TL_WORD_TIMENOUN = 1 << 9, /* night, end, spring: "on the night of" goes with the date */
	TL_WORD_LEADIN = 1 << 10   /* first, last, early, next: "in the first [winter]" */
};

/** The TL_WORD_* classes of the word w[0..n) (ASCII case-insensitive); 0 if none. */
unsigned tl_word_class(const char *w, size_t n);

/** The same answer as tl_word_class(), by a binary search of the rows: the
 * reference its hash table is checked against. */
unsigned tl_word_class_search(const char *w, size_t n);

/** The word of row i of the word classes (lower-case ASCII letters), NULL
 * past the last row: for checks that go over every row. */
const char *tl_word_row(size_t i);

/* ---- events (events.c) ------------------------------------------------ */

/** 1 when the duration d is said of a happening: a number, a hyphen and a
 * unit ("44-day", "10-year"), as in "the 44-day conflict". */
int tl_duration_attributive(const tl_document *doc, const tl_timex *d);

/** The index of the sentence that holds byte offset off: the first sentence
 * that ends after it (doc->nsentence when none); a binary search, the
 * sentences being sorted. */
size_t tl_sentence_at(const tl_document *doc, size_t off);

/** 1 when sentence s of doc holds a word of one of the classes cls. */
int tl_sentence_has_word(const tl_document *doc, tl_sentence s, unsigned cls);

/* ---- consistency (consistency.c) --------------------------------------- */

/**
 * Append to *msgs (malloc'd strings, *n of *cap) one message per place where
 * doc contradicts itself: a duration whose start and end dates, given in
 * nearby sentences, do not fit it (or end before they start).  Returns 0 or
 * TL_ENOMEM.
 */
int tl_consistency_check(char ***msgs, size_t *n, size_t *cap, const tl_document *doc);

#endif
