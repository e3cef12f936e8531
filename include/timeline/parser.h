/*
 * timeline/parser.h - the parser: word tables and rules, built once.
 *
 * A tl_parser is read-only once built: one parser may serve any number of
 * threads at the same time.  It holds no reference time; every document
 * brings its own.
 */
#ifndef TIMELINE_PARSER_H
#define TIMELINE_PARSER_H

#include "types.h"

TL_BEGIN_DECLS

/** How numeric dates such as 11/05/2021 are read. */
typedef enum tl_date_order {
	TL_DATE_ORDER_MDY = 0, /**< 11/05/2021 is November 5 (US, the default) */
	TL_DATE_ORDER_DMY = 1, /**< 11/05/2021 is 11 May */
	TL_DATE_ORDER_YMD = 2  /**< 2021/11/05 only */
} tl_date_order;

#define TL_PARSER_OPTIONS_VERSION 1

/** Parser options.  Initialise with TL_PARSER_OPTIONS_INIT or tl_parser_options_init(). */
typedef struct tl_parser_options {
	unsigned int version;        /**< TL_PARSER_OPTIONS_VERSION */
	tl_date_order numeric_order; /**< order of day and month in numeric dates */
	int report_ambiguous;        /**< 1: an ambiguous numeric date (both orders
	                                  valid) gets X's where it is unsure,
	                                  instead of following numeric_order */
} tl_parser_options;

#define TL_PARSER_OPTIONS_INIT { TL_PARSER_OPTIONS_VERSION, TL_DATE_ORDER_MDY, 0 }

/**
 * Fill opts with the defaults of the given version.
 * Returns 0, or TL_EINVAL when opts is NULL or version is unknown.
 */
TL_EXTERN(int) tl_parser_options_init(tl_parser_options *opts, unsigned int version);

/**
 * Build a parser.  opts may be NULL for the defaults.
 * On success *out is a new parser that the caller owns (free it with
 * tl_parser_free()); on failure *out is NULL and a negative code is returned.
 */
TL_EXTERN(int) tl_parser_new(tl_parser **out, const tl_parser_options *opts);

/** Free a parser.  NULL is a no-op.  No document may be parsed with it afterwards. */
TL_EXTERN(void) tl_parser_free(tl_parser *parser);

TL_END_DECLS

#endif
