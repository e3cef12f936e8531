/*
 * parser.c - the tl_parser handle: options and the read-only tables.
 */
#include "internal.h"

/* Defaults of tl_parser_options. */
int tl_parser_options_init(tl_parser_options *opts, unsigned int version)
{
	static const tl_parser_options init = TL_PARSER_OPTIONS_INIT;
	if (!opts || version != TL_PARSER_OPTIONS_VERSION)
		return tl_seterr(TL_EINVAL, "tl_parser_options_init: unknown version %u", version);
	*opts = init;
	return 0;
}

/* Build a parser. */
int tl_parser_new(tl_parser **out, const tl_parser_options *opts)
{
	static const tl_parser_options defaults = TL_PARSER_OPTIONS_INIT;
	if (!out)
		return tl_seterr(TL_EINVAL, "tl_parser_new: NULL out");
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->version != TL_PARSER_OPTIONS_VERSION)
		return tl_seterr(TL_EINVAL, "tl_parser_new: unknown options version %u", opts->version);
	if (opts->numeric_order < TL_DATE_ORDER_MDY || opts->numeric_order > TL_DATE_ORDER_YMD)
		return tl_seterr(TL_EINVAL, "tl_parser_new: unknown numeric date order");
	tl_parser *p = calloc(1, sizeof(*p));
	if (!p)
		return tl_seterr(TL_ENOMEM, "out of memory");
	p->opts = *opts;
	tl_wordtab_build(&p->words);
	*out = p;
	return 0;
}

/* Free a parser; NULL is a no-op. */
void tl_parser_free(tl_parser *parser)
{
	free(parser);
}
