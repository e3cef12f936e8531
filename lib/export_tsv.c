/*
 * export_tsv.c - the timeline as tab-separated values, one event a line.
 *
 * A header row, then one row per event in timeline order:
 *   start  end  value  granularity  headline  text  document  mentions
 * start/end are ISO dates (end exclusive), mentions the number of mentions
 * merged into the event.  Fields never contain a raw tab or line break: a
 * backslash is written as \\, a tab as \t, a line feed as \n, a carriage
 * return as \r (the "text" convention of PostgreSQL's COPY and of
 * linear TSV), so every line is one event.  Lines end with a line feed.
 */
#include "export_internal.h"

/* Append s with tabs, line breaks and backslashes escaped. */
static void put_field(tl_buf *b, const char *s)
{
	const char *run = s;
	for (; *s; s++) {
		const char *esc = NULL;
		switch (*s) {
		case '\\':
			esc = "\\\\";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		default:
			continue;
		}
		tl_buf_put(b, run, (size_t)(s - run));
		tl_buf_puts(b, esc);
		run = s + 1;
	}
	tl_buf_puts(b, run);
}

int tl_export_tsv(tl_buf *b, tl_timeline *tl, const tl_export_options *opts)
{
	(void)opts;
	tl_buf_puts(b, "start\tend\tvalue\tgranularity\theadline\ttext\tdocument\tmentions\n");
	for (size_t i = 0; i < tl_timeline_event_count(tl); i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		char s[32], z[32];
		tl_date_format(s, sizeof(s), e->start);
		tl_date_format(z, sizeof(z), e->end);
		tl_buf_printf(b, "%s\t%s\t", s, z);
		put_field(b, e->value);
		tl_buf_printf(b, "\t%s\t", tl_granularity_name(e->granularity));
		put_field(b, e->headline);
		tl_buf_put(b, "\t", 1);
		put_field(b, e->text);
		tl_buf_put(b, "\t", 1);
		put_field(b, e->document);
		tl_buf_printf(b, "\t%zu\n", e->mention_count);
	}
	return b->failed ? tl_seterr(TL_ENOMEM, "out of memory writing TSV") : 0;
}
