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
 *
 * Spreadsheets read a cell that starts with = + - or @ as a formula, and a
 * field that starts with a double quote as quoted (up to the next quote,
 * the rest is lost).  A field that starts with one of = + - @ " or ' is
 * therefore written with a leading apostrophe, which spreadsheets take as
 * "this cell is text" and do not show ('=SUM(A1)', '"We will," he said',
 * '-0240-01-01' for 241 BC, ''tis).  A program that reads the file as plain
 * TSV drops one apostrophe before one of those six characters.
 */
#include "export_internal.h"

/* Whether a field that starts with c needs the apostrophe in front. */
static int tl_tsv_guarded(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '"' || c == '\'';
}

/* Append s with tabs, line breaks and backslashes escaped, behind an
 * apostrophe when it starts with a character a spreadsheet would take for
 * a formula or a quote. */
static void put_field(tl_buf *b, const char *s)
{
	if (tl_tsv_guarded(*s))
		tl_buf_put(b, "'", 1);
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
		put_field(b, s);
		tl_buf_put(b, "\t", 1);
		put_field(b, z);
		tl_buf_put(b, "\t", 1);
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
