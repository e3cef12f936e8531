/*
 * resolve.h - what the two halves of the resolver share (resolve.c,
 * resolve_fields.c).  Internal to the engine.
 *
 * resolve.c holds the resolver state of a document, the choice of an
 * anchor for each mention and the pass over all mentions; resolve_fields.c
 * resolves a date of calendar fields ("Nov. 5", "spring 1944", "Monday"),
 * picking the year of an underspecified one.
 */
#ifndef TL_RESOLVE_H
#define TL_RESOLVE_H

#include "engine.h"

/**
 * The resolver state of one document, set up and moved by tl_resolve_all()
 * (resolve.c); the resolvers of single mentions only read it.  The memos it
 * points to are owned by tl_resolve_all() (on its stack) and written through
 * these pointers even from a const state: they only keep the last answer.
 */
typedef struct tl_rstate {
	tl_date dct;
	int has_dct;
	tl_date narr;
	tl_granularity narr_gran; /* TL_GRAN_NONE: no narrative date yet */
	int history;              /* the document narrates a distant past */
	int inferred;             /* the DCT is a lower bound (inferred) */
	size_t narr_sentence;     /* sentence of the last narrative date */
	tl_date lastday;          /* the last day the text named, however resolved */
	int has_lastday;
	size_t lastday_at, narr_at; /* mention indices that set lastday and narr */
	size_t lastday_sentence;    /* the sentence of lastday's mention */
	int32_t range_month;        /* the month of the range's second end, when the
	                             * mention resolved is its first and neither
	                             * states a year ("from October to March",
	                             * "November and January"); else 0 */
	struct tl_near_memo *near;  /* the last answer of nearest_year() */
	struct tl_value_memo *unit; /* the last answer of unit_value() */
	struct tl_value_memo *day;  /* the last answer of day_value() */
} tl_rstate;

/* The arguments and answer of the last nearest_year() call
 * (resolve_fields.c): the dates of a text that names one date over and over
 * ("Nov. 5, Nov. 5, ...") ask the same question each time. */
struct tl_near_memo {
	tl_date a;
	int32_t month, day, year;
	int tense, inferred, valid;
};

/* The arguments and answer of the last unit_value() or day_value() call: a
 * text that says "last week" or "Nov. 5" over and over asks the same each
 * time.  The answer is o's value and interval, the fields that
 * tl_value_unit() and tl_value_day() set. */
struct tl_value_memo {
	tl_date a;
	int unit, valid;
	int64_t n;
	char value[sizeof(((tl_rout *)0)->value)];
	int has_interval;
	tl_date begin, end;
	tl_granularity gran;
};

/**
 * Whether memo u answers the question (a, unit, n); if so, its answer into
 * o.  Inline, with tl_resolve_memo_put(): asked for every "Nov. 5" and "last
 * week", where a call costs about as much as the answer.
 */
static inline int tl_resolve_memo_get(const struct tl_value_memo *u, tl_date a, int unit, int64_t n,
                                      tl_rout *o)
{
	if (!u->valid || u->unit != unit || u->n != n || tl_date_cmp(u->a, a) != 0)
		return 0;
	memcpy(o->value, u->value, sizeof(o->value));
	o->has_interval = u->has_interval;
	o->begin = u->begin;
	o->end = u->end;
	o->gran = u->gran;
	return 1;
}

/** Keep o's answer to (a, unit, n) in u. */
static inline void tl_resolve_memo_put(struct tl_value_memo *u, tl_date a, int unit, int64_t n,
                                       const tl_rout *o)
{
	u->valid = 1;
	u->a = a;
	u->unit = unit;
	u->n = n;
	memcpy(u->value, o->value, sizeof(u->value));
	u->has_interval = o->has_interval;
	u->begin = o->begin;
	u->end = o->end;
	u->gran = o->gran;
}

/* ---- anchoring (resolve.c) ---------------------------------------------- */

/**
 * The anchor date of mention m in *out, and in *on_dct whether it is the
 * DCT: the last day the text named (for a day named anaphorically, "the
 * same day", "the next day"), the narrative reference time, or the DCT.
 * Returns 1, or 0 when there is none (*out and *on_dct then untouched).
 */
int tl_resolve_anchor_of(const tl_rstate *st, const tl_ment *m, tl_date *out, int *on_dct);
/**
 * Whether underspecified dates of m follow the narrative: in a history;
 * without a DCT, once the text has set a date; else when m is at most four
 * sentences (a date of calendar fields; two for the others) after the text
 * set a date two or more years before the DCT.
 */
int tl_resolve_narrative_mode(const tl_rstate *st, const tl_ment *m);

/* ---- dates of calendar fields (resolve_fields.c) ------------------------ */

/**
 * A date of calendar fields (MK_DATE, and the date part of MK_TIME) into
 * o, which the caller has zeroed: type, value, interval and on_dct.  An
 * empty value means no date ("February 30").  Reads st; writes only its
 * memos.
 */
void tl_resolve_fields(const tl_rstate *st, const tl_ment *m, tl_rout *o);
/**
 * out = y "-" and a tail, as snprintf(out, 80, "%s-%02d", y, v) (tag 0) or
 * "%s-Q%d" (tag 'Q', v 0..9) would write it, for y of at most 15 characters
 * (out holds y and four more): by hand, as these values are written for
 * many mentions.  Returns 0 (nothing written) for v out of range (v < 0,
 * v > 99, or v > 9 with a tag), so that snprintf() does it.
 */
int tl_resolve_year_tail(char *out, const char *y, char tag, int v);

#endif
