/*
 * export_json.c - the JSON timeline (schema version 1, docs/timeline.schema.json).
 *
 * { "schema_version": 1,
 *   "documents": [ { "id", "dct", "dct_source" } ],
 *   "events":    [ { "value", "type", "mod"?, "start", "end", "granularity",
 *                    "headline", "text", "document", "mentions": [ {"document", "timex"} ] } ],
 *   "timexes":   [ { "document", "text", "type", "value", "mod"?, "start", "end",
 *                    "byte_start", "byte_end" } ],
 *   "warnings":  [ "..." ] }
 * Offsets "start"/"end" of a timex count Unicode code points; dates are ISO 8601.
 */
#include "export_internal.h"
#include "json_writer.h"

/*
 * Written straight into the buffer by the streaming writer (json_writer.c),
 * member by member, in the layout json-c gives (tests/test_json_writer.c
 * holds the writer to json-c's bytes): no tree of objects is built, so the
 * cost is one pass over the output.
 */

/* put_date() with a literal key (json_writer.h: TL_JW_MEMBER_STR). */
#define PUT_DATE(w, lit, d) put_date((w), lit TL_JW_PAD, sizeof(lit) - 1, (d))

static const char *const dct_source_names[] = {"none", "given", "inferred"};

/* key (padded, see PUT_DATE): "YYYY-MM-DD" (or YYYY-MM, YYYY), as tl_date_format() writes it; by
 * hand for years 0..9999, the common case, which saves a printf per date. */
static void put_date(tl_jw *w, const char *key, size_t kl, tl_date d)
{
	char buf[32];
	if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 12 && d.day >= 0 &&
	    d.day <= 31) {
		int y = (int)d.year, n = 4;
		buf[0] = (char)('0' + y / 1000);
		buf[1] = (char)('0' + y / 100 % 10);
		buf[2] = (char)('0' + y / 10 % 10);
		buf[3] = (char)('0' + y % 10);
		if (d.month) {
			buf[4] = '-';
			buf[5] = (char)('0' + d.month / 10);
			buf[6] = (char)('0' + d.month % 10);
			n = 7;
			if (d.day) {
				buf[7] = '-';
				buf[8] = (char)('0' + d.day / 10);
				buf[9] = (char)('0' + d.day % 10);
				n = 10;
			}
		}
		buf[n] = '\0';
	} else {
		tl_date_format(buf, sizeof(buf), d);
	}
	tl_jw_member_str_plain(w, key, kl, buf);
}

static void document_json(tl_jw *w, const tl_document *doc)
{
	tl_date dct;
	tl_dct_source src = tl_document_dct(&dct, doc);
	tl_jw_begin_object(w);
	TL_JW_MEMBER_STR(w, "id", tl_document_id(doc));
	if (src != TL_DCT_NONE)
		PUT_DATE(w, "dct", dct);
	TL_JW_MEMBER_STR(w, "dct_source", dct_source_names[src]);
	tl_jw_end_object(w);
}

static void timex_json(tl_jw *w, const tl_document *doc, uint64_t di, const tl_timex *t)
{
	tl_jw_begin_object(w);
	TL_JW_MEMBER_INT(w, "document", (int64_t)di);
	tl_jw_key(w, "text");
	tl_jw_strn(w, doc->text + t->byte_start, t->byte_end - t->byte_start);
	TL_JW_MEMBER_STR(w, "type", tl_type_name(t->type));
	TL_JW_MEMBER_STR(w, "value", t->value);
	TL_JW_MEMBER_STR(w, "mod", tl_mod_name(t->mod));
	TL_JW_MEMBER_STR(w, "quant", t->quant);
	TL_JW_MEMBER_STR(w, "freq", t->freq);
	TL_JW_MEMBER_STR(w, "tz", t->tz);
	TL_JW_MEMBER_INT(w, "start", (int64_t)t->char_start);
	TL_JW_MEMBER_INT(w, "end", (int64_t)t->char_end);
	TL_JW_MEMBER_INT(w, "byte_start", (int64_t)t->byte_start);
	TL_JW_MEMBER_INT(w, "byte_end", (int64_t)t->byte_end);
	tl_jw_end_object(w);
}

static void event_json(tl_jw *w, tl_timeline *tl, size_t i, uint64_t base)
{
	const tl_event *e = tl_timeline_event(tl, i);
	tl_jw_begin_object(w);
	TL_JW_MEMBER_STR(w, "value", e->value);
	TL_JW_MEMBER_STR(w, "type", tl_type_name(e->type));
	TL_JW_MEMBER_STR(w, "mod", tl_mod_name(e->mod));
	PUT_DATE(w, "start", e->start);
	PUT_DATE(w, "end", e->end);
	TL_JW_MEMBER_STR(w, "granularity", tl_granularity_name(e->granularity));
	TL_JW_MEMBER_STR(w, "headline", e->headline);
	TL_JW_MEMBER_STR(w, "text", e->text);
	TL_JW_MEMBER_STR(w, "document", e->document);
	tl_jw_key(w, "mentions");
	tl_jw_begin_array(w);
	for (size_t j = 0; j < e->mention_count; j++) {
		const tl_mention *m = tl_timeline_event_mention(tl, i, j);
		tl_jw_begin_object(w);
		TL_JW_MEMBER_INT(w, "document", (int64_t)(base + m->document));
		TL_JW_MEMBER_INT(w, "timex", (int64_t)m->timex);
		tl_jw_end_object(w);
	}
	tl_jw_end_array(w);
	tl_jw_end_object(w);
}

/* The element of root array `array` that began at `begin` is written: tell
 * opts->element.  0, or -1 when it asks to stop. */
static int told(const tl_export_options *opts, const char *array, size_t begin, const tl_jw *w)
{
	return opts->element && opts->element(opts->element_ctx, array, begin, w->b->len) != 0 ? -1
	                                                                                       : 0;
}

int tl_export_json(tl_buf *b, tl_timeline *tl, const tl_export_options *opts)
{
	tl_jw w;
	size_t ndoc = tl_timeline_document_count(tl), at;
	uint64_t base = opts->document_base;
	if (ndoc && (uint64_t)opts->document_base > (uint64_t)INT64_MAX - (ndoc - 1))
		return tl_seterr(TL_ERANGE, "JSON export: document_base %zu is too large",
		                 opts->document_base);
	tl_jw_init(&w, b, opts->pretty);
	tl_jw_begin_object(&w);
	TL_JW_MEMBER_INT(&w, "schema_version", 1);
	tl_jw_key(&w, "documents");
	tl_jw_begin_array(&w);
	for (size_t d = 0; d < ndoc; d++) {
		at = tl_jw_place(&w);
		document_json(&w, tl_timeline_document(tl, d));
		if (told(opts, "documents", at, &w))
			goto stop;
	}
	tl_jw_end_array(&w);
	tl_jw_key(&w, "events");
	tl_jw_begin_array(&w);
	for (size_t i = 0; i < tl_timeline_event_count(tl); i++) {
		at = tl_jw_place(&w);
		event_json(&w, tl, i, base);
		if (told(opts, "events", at, &w))
			goto stop;
	}
	tl_jw_end_array(&w);
	tl_jw_key(&w, "timexes");
	tl_jw_begin_array(&w);
	for (size_t d = 0; d < ndoc; d++) {
		const tl_document *doc = tl_timeline_document(tl, d);
		for (size_t i = 0; i < doc->ntimex; i++) {
			at = tl_jw_place(&w);
			timex_json(&w, doc, base + d, &doc->timexes[i]);
			if (told(opts, "timexes", at, &w))
				goto stop;
		}
	}
	tl_jw_end_array(&w);
	tl_jw_key(&w, "warnings");
	tl_jw_begin_array(&w);
	for (size_t i = 0; i < tl_timeline_warning_count(tl); i++) {
		at = tl_jw_place(&w);
		tl_jw_str(&w, tl_timeline_warning(tl, i));
		if (told(opts, "warnings", at, &w))
			goto stop;
	}
	tl_jw_end_array(&w);
	tl_jw_end_object(&w);
	tl_buf_put(b, "\n", 1);
	if (w.failed)
		return tl_seterr(TL_ERROR, "JSON writer misused (a bug)");
	return b->failed ? tl_seterr(TL_ENOMEM, "out of memory writing JSON") : 0;
stop:
	return tl_seterr(TL_ERROR, "JSON export stopped by the element callback");
}
