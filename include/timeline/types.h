/*
 * timeline/types.h - the types every part of libtimeline speaks in.
 *
 * Handles (tl_parser, tl_document, tl_timeline) are opaque: create them with
 * their _new function, release them with their _free function (which accepts
 * NULL).  Read-only views (tl_timex, tl_event) are plain structs owned by the
 * handle they came from; new fields are only ever added at the end, so never
 * allocate or copy them yourself.
 */
#ifndef TIMELINE_TYPES_H
#define TIMELINE_TYPES_H

#include "common.h"

TL_BEGIN_DECLS

/** A parser: word tables and rules, built once, read-only, shareable by threads. */
typedef struct tl_parser tl_parser;
/** One analysed document: its text, DCT, temporal expressions and events. */
typedef struct tl_document tl_document;
/** Events of one or many documents, sorted and merged. */
typedef struct tl_timeline tl_timeline;

/**
 * A calendar date (proleptic Gregorian).  Fields that were not said are 0
 * (month 0 = unknown month, day 0 = unknown day).  year is astronomical
 * (0 = 1 BC); the library keeps years within -999999..999999.
 */
typedef struct tl_date {
	int32_t year;
	int32_t month; /**< 1..12, or 0 when unknown */
	int32_t day;   /**< 1..31, or 0 when unknown */
} tl_date;

/** TIMEX3 types. */
typedef enum tl_timex_type {
	TL_TIMEX_DATE = 0,
	TL_TIMEX_TIME = 1,
	TL_TIMEX_DURATION = 2,
	TL_TIMEX_SET = 3
} tl_timex_type;

/** TIMEX3 mod values (TL_MOD_NONE: no mod attribute). */
typedef enum tl_mod {
	TL_MOD_NONE = 0,
	TL_MOD_BEFORE,
	TL_MOD_AFTER,
	TL_MOD_ON_OR_BEFORE,
	TL_MOD_ON_OR_AFTER,
	TL_MOD_LESS_THAN,
	TL_MOD_MORE_THAN,
	TL_MOD_EQUAL_OR_LESS,
	TL_MOD_EQUAL_OR_MORE,
	TL_MOD_START,
	TL_MOD_MID,
	TL_MOD_END,
	TL_MOD_APPROX
} tl_mod;

/** How fine a date is, from coarsest to finest. */
typedef enum tl_granularity {
	TL_GRAN_NONE = 0, /**< not a point in time (duration, set, PRESENT_REF) */
	TL_GRAN_MILLENNIUM,
	TL_GRAN_CENTURY,
	TL_GRAN_DECADE,
	TL_GRAN_YEAR,
	TL_GRAN_HALF,
	TL_GRAN_QUARTER,
	TL_GRAN_SEASON,
	TL_GRAN_MONTH,
	TL_GRAN_WEEK,
	TL_GRAN_DAY,
	TL_GRAN_PART_OF_DAY,
	TL_GRAN_HOUR,
	TL_GRAN_MINUTE,
	TL_GRAN_SECOND
} tl_granularity;

/**
 * One temporal expression found in a document.  Owned by the document; valid
 * until the document is freed.  Offsets are into the document's text.
 */
typedef struct tl_timex {
	size_t byte_start;  /**< first byte of the extent */
	size_t byte_end;    /**< one past the last byte */
	size_t char_start;  /**< same, in Unicode code points */
	size_t char_end;
	tl_timex_type type;
	const char *value;  /**< TIMEX3 value ("2021-11-05", "P30Y", "XXXX-11-05") */
	tl_mod mod;
	const char *quant;  /**< SET quant ("EACH") or NULL */
	const char *freq;   /**< SET freq ("2X") or NULL */
	const char *tz;     /**< time zone as written ("EST"), or NULL */
	/** The interval the value covers, [begin, end), when it is anchored. */
	int has_interval;
	tl_date begin;
	tl_date end;
	tl_granularity granularity;
	int anchored_on_dct;    /**< 1: resolved against the DCT; 0: otherwise */
	int range_partner;      /**< index of the other end of a range, or -1 */
	size_t sentence;        /**< index of the sentence it lies in */
} tl_timex;

/** One entry of a timeline: something that happened, and when. */
typedef struct tl_event {
	const char *value;       /**< TIMEX3 value of the event's date */
	tl_timex_type type;
	tl_mod mod;
	tl_granularity granularity;
	tl_date start;           /**< first day */
	tl_date end;             /**< day after the last (exclusive) */
	const char *headline;    /**< short title: the clause without the date */
	const char *text;        /**< the whole sentence (a line break as a space) */
	const char *document;    /**< id of the document of the first mention */
	size_t mention_count;    /**< how many mentions were merged into it (>= 1) */
} tl_event;

/** One mention behind an event. */
typedef struct tl_mention {
	size_t document;  /**< index of the document in the timeline */
	size_t timex;     /**< index of the timex in that document */
} tl_mention;

TL_END_DECLS

#endif
