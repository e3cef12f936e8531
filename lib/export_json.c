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

#include <json-c/json.h>

static const char *const dct_source_names[] = { "none", "given", "inferred" };

/* Add key: string (NULL skips the key). */
static int add_str(json_object *o, const char *key, const char *val)
{
	if (!val)
		return 0;
	json_object *s = json_object_new_string(val);
	if (!s || json_object_object_add(o, key, s) != 0) {
		json_object_put(s);
		return TL_ENOMEM;
	}
	return 0;
}

static int add_int(json_object *o, const char *key, int64_t val)
{
	json_object *v = json_object_new_int64(val);
	if (!v || json_object_object_add(o, key, v) != 0) {
		json_object_put(v);
		return TL_ENOMEM;
	}
	return 0;
}

static int add_date(json_object *o, const char *key, tl_date d)
{
	char buf[32];
	tl_date_format(buf, sizeof(buf), d);
	return add_str(o, key, buf);
}

static int append(json_object *arr, json_object *item)
{
	if (!item || json_object_array_add(arr, item) != 0) {
		json_object_put(item);
		return TL_ENOMEM;
	}
	return 0;
}

static json_object *document_json(const tl_document *doc)
{
	json_object *o = json_object_new_object();
	tl_date dct;
	tl_dct_source src = tl_document_dct(&dct, doc);
	int rc = !o || add_str(o, "id", tl_document_id(doc));
	if (!rc && src != TL_DCT_NONE)
		rc = add_date(o, "dct", dct);
	if (!rc)
		rc = add_str(o, "dct_source", dct_source_names[src]);
	if (rc) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

static json_object *timex_json(const tl_document *doc, size_t di, const tl_timex *t)
{
	json_object *o = json_object_new_object();
	int rc = !o || add_int(o, "document", (int64_t)di);
	if (!rc) {
		json_object *s = json_object_new_string_len(doc->text + t->byte_start,
		                                            (int)(t->byte_end - t->byte_start));
		rc = !s || json_object_object_add(o, "text", s) != 0;
	}
	rc = rc || add_str(o, "type", tl_type_name(t->type)) || add_str(o, "value", t->value) ||
	     add_str(o, "mod", tl_mod_name(t->mod)) || add_str(o, "quant", t->quant) ||
	     add_str(o, "freq", t->freq) || add_str(o, "tz", t->tz) ||
	     add_int(o, "start", (int64_t)t->char_start) || add_int(o, "end", (int64_t)t->char_end) ||
	     add_int(o, "byte_start", (int64_t)t->byte_start) ||
	     add_int(o, "byte_end", (int64_t)t->byte_end);
	if (rc) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

static json_object *event_json(tl_timeline *tl, size_t i)
{
	const tl_event *e = tl_timeline_event(tl, i);
	json_object *o = json_object_new_object(), *ms = json_object_new_array();
	int rc = !o || !ms;
	rc = rc || add_str(o, "value", e->value) || add_str(o, "type", tl_type_name(e->type)) ||
	     add_str(o, "mod", tl_mod_name(e->mod)) || add_date(o, "start", e->start) ||
	     add_date(o, "end", e->end) ||
	     add_str(o, "granularity", tl_granularity_name(e->granularity)) ||
	     add_str(o, "headline", e->headline) || add_str(o, "text", e->text) ||
	     add_str(o, "document", e->document);
	for (size_t j = 0; !rc && j < e->mention_count; j++) {
		const tl_mention *m = tl_timeline_event_mention(tl, i, j);
		json_object *mo = json_object_new_object();
		rc = !mo || add_int(mo, "document", (int64_t)m->document) ||
		     add_int(mo, "timex", (int64_t)m->timex);
		if (!rc)
			rc = append(ms, mo);
		else
			json_object_put(mo);
	}
	if (!rc) {
		rc = json_object_object_add(o, "mentions", ms) != 0;
		if (!rc)
			ms = NULL;
	}
	if (rc) {
		json_object_put(ms);
		json_object_put(o);
		return NULL;
	}
	return o;
}

int tl_export_json(tl_buf *b, tl_timeline *tl, const tl_export_options *opts)
{
	json_object *root = json_object_new_object();
	json_object *docs = json_object_new_array(), *events = json_object_new_array();
	json_object *timexes = json_object_new_array(), *warnings = json_object_new_array();
	int rc = !root || !docs || !events || !timexes || !warnings;
	if (!rc)
		rc = add_int(root, "schema_version", 1);
	for (size_t d = 0; !rc && d < tl_timeline_document_count(tl); d++) {
		const tl_document *doc = tl_timeline_document(tl, d);
		rc = append(docs, document_json(doc));
		for (size_t i = 0; !rc && i < doc->ntimex; i++)
			rc = append(timexes, timex_json(doc, d, &doc->timexes[i]));
	}
	for (size_t i = 0; !rc && i < tl_timeline_event_count(tl); i++)
		rc = append(events, event_json(tl, i));
	for (size_t i = 0; !rc && i < tl_timeline_warning_count(tl); i++)
		rc = append(warnings, json_object_new_string(tl_timeline_warning(tl, i)));
	/* object_add takes each array over, whatever happens to root later */
	if (!rc) {
		json_object_object_add(root, "documents", docs);
		json_object_object_add(root, "events", events);
		json_object_object_add(root, "timexes", timexes);
		json_object_object_add(root, "warnings", warnings);
		docs = events = timexes = warnings = NULL;
		int flags = JSON_C_TO_STRING_NOSLASHESCAPE |
		            (opts->pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
		                          : JSON_C_TO_STRING_PLAIN);
		const char *s = json_object_to_json_string_ext(root, flags);
		if (!s)
			rc = 1;
		else {
			tl_buf_puts(b, s);
			tl_buf_put(b, "\n", 1);
		}
	}
	json_object_put(docs);
	json_object_put(events);
	json_object_put(timexes);
	json_object_put(warnings);
	json_object_put(root);
	return rc || b->failed ? tl_seterr(TL_ENOMEM, "out of memory writing JSON") : 0;
}
