/*
 * export_timeml.c - TimeML: each document's text with inline <TIMEX3> tags.
 *
 * One complete TimeML document per document of the timeline, written one
 * after another in the order they were added (each starts with its own
 * <?xml?> declaration, so a reader splits the stream there):
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <TimeML>
 *   <DOCID>id</DOCID>
 *   <DCT><TIMEX3 tid="t0" type="DATE" value="2021-11-06" temporalFunction="false"
 *        functionInDocument="CREATION_TIME">2021-11-06</TIMEX3></DCT>
 *   <TEXT>... <TIMEX3 tid="t1" type="DATE" value="2021-11-05">Nov. 5</TIMEX3> ...</TEXT>
 *   </TimeML>
 *
 * The <TEXT> content is the document text byte for byte, XML-escaped, so
 * that a TimeML reader (lib/timeml.c, te3score.py) recovers the very same
 * text and offsets: & < > become entities; a carriage return becomes &#13;
 * (XML parsers would otherwise turn CR LF into LF).  Characters XML 1.0 cannot
 * carry (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) are written
 * as U+FFFD, the replacement character, one for each.  A DCT that was
 * inferred is marked with an XML comment; without a DCT the <DCT> element is
 * left out.  Timexes come in text order and never overlap; should one start
 * inside the previous one, it is left out (TimeML tags cannot cross).
 */
#include "export_internal.h"

/* Append s[0..n) as XML character data (attr: also escape the double quote). */
static void put_escaped(tl_buf *b, const char *s, size_t n, int attr)
{
	size_t run = 0; /* start of the pending run of bytes copied as they are */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;
		size_t skip = 1;
		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '>')
			rep = "&gt;";
		else if (c == '"' && attr)
			rep = "&quot;";
		else if (c == '\r')
			rep = "&#13;";
		else if (c < 0x20 && c != '\t' && c != '\n')
			rep = "\xEF\xBF\xBD";
		else if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
		         ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
			rep = "\xEF\xBF\xBD"; /* U+FFFE, U+FFFF */
			skip = 3;
		}
		if (!rep)
			continue;
		tl_buf_put(b, s + run, i - run);
		tl_buf_puts(b, rep);
		i += skip - 1;
		run = i + 1;
	}
	tl_buf_put(b, s + run, n - run);
}

/* Append ` name="value"` with the value escaped; NULL or "" skips it. */
static void put_attr(tl_buf *b, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	tl_buf_printf(b, " %s=\"", name);
	put_escaped(b, value, strlen(value), 1);
	tl_buf_put(b, "\"", 1);
}

/* Write one document as a TimeML document. */
static void write_document(tl_buf *b, const tl_document *doc)
{
	size_t len = 0;
	const char *text = tl_document_text(doc, &len);
	const char *id = tl_document_id(doc);
	tl_date dct;
	tl_dct_source src = tl_document_dct(&dct, doc);

	tl_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>");
	put_escaped(b, id, strlen(id), 0);
	tl_buf_puts(b, "</DOCID>\n");
	if (src != TL_DCT_NONE) {
		char d[32];
		tl_date_format(d, sizeof(d), dct);
		if (src == TL_DCT_INFERRED)
			tl_buf_puts(b, "<!-- DCT inferred from the text -->\n");
		tl_buf_printf(b,
		              "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"%s\" "
		              "temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">%s"
		              "</TIMEX3></DCT>\n",
		              d, d);
	}
	tl_buf_puts(b, "<TEXT>");
	size_t pos = 0, tid = 0;
	for (size_t i = 0; i < tl_document_timex_count(doc); i++) {
		const tl_timex *t = tl_document_timex(doc, i);
		if (t->byte_start < pos || t->byte_end <= t->byte_start || t->byte_end > len)
			continue; /* overlaps the previous tag, or empty: cannot be written */
		put_escaped(b, text + pos, t->byte_start - pos, 0);
		tl_buf_printf(b, "<TIMEX3 tid=\"t%zu\"", ++tid);
		put_attr(b, "type", tl_type_name(t->type));
		put_attr(b, "value", t->value);
		put_attr(b, "mod", tl_mod_name(t->mod));
		put_attr(b, "quant", t->quant);
		put_attr(b, "freq", t->freq);
		tl_buf_put(b, ">", 1);
		put_escaped(b, text + t->byte_start, t->byte_end - t->byte_start, 0);
		tl_buf_puts(b, "</TIMEX3>");
		pos = t->byte_end;
	}
	put_escaped(b, text + pos, len - pos, 0);
	tl_buf_puts(b, "</TEXT>\n</TimeML>\n");
}

/* The TimeML writer behind tl_export(). */
int tl_export_timeml(tl_buf *b, tl_timeline *tl, const tl_export_options *opts)
{
	(void)opts;
	for (size_t d = 0; d < tl_timeline_document_count(tl); d++)
		write_document(b, tl_timeline_document(tl, d));
	return b->failed ? tl_seterr(TL_ENOMEM, "out of memory writing TimeML") : 0;
}
