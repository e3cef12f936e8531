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

#include <assert.h>

/*
 * Written straight into the buffer by the streaming writer (json_writer.c),
 * member by member, in the layout json-c gives (tests/test_json_writer.c
 * holds the writer to json-c's bytes): no tree of objects is built, so the
 * cost is one pass over the output.
 */

static const char *const dct_source_names[] = {"none", "given", "inferred"};

/* buf: "YYYY-MM-DD" (or YYYY-MM, YYYY; a '-' before a negative year, at least
 * four digits), as tl_date_format() writes it; by hand for the years the
 * library keeps (-999999..999999), which saves a printf per date.  Returns
 * the length. */
static size_t date_str(char buf[32], tl_date d)
{
	if (d.year < -999999 || d.year > 999999 || d.month < 0 || d.month > 12 || d.day < 0 ||
	    d.day > 31) {
		tl_date_format(buf, 32, d);
		return strlen(buf);
	}
	char *p = buf;
	int32_t y = d.year < 0 ? -d.year : d.year;
	if (d.year < 0)
		*p++ = '-';
	int n = y > 99999 ? 6 : y > 9999 ? 5 : 4;
	for (int i = n; i-- > 0; y /= 10)
		p[i] = (char)('0' + y % 10);
	p += n;
	if (d.month) {
		*p++ = '-';
		*p++ = (char)('0' + d.month / 10);
		*p++ = (char)('0' + d.month % 10);
		if (d.day) {
			*p++ = '-';
			*p++ = (char)('0' + d.day / 10);
			*p++ = (char)('0' + d.day % 10);
		}
	}
	*p = '\0';
	return (size_t)(p - buf);
}

static void document_json(tl_jw *w, const tl_document *doc)
{
	tl_date dct;
	char buf[32];
	tl_dct_source src = tl_document_dct(&dct, doc);
	tl_jw_begin_object(w);
	TL_JW_MEMBER_STR(w, "id", tl_document_id(doc));
	if (src != TL_DCT_NONE) {
		date_str(buf, dct);
		TL_JW_MEMBER_STR(w, "dct", buf);
	}
	TL_JW_MEMBER_STR(w, "dct_source", dct_source_names[src]);
	tl_jw_end_object(w);
}

/*
 * Timexes, events and their mentions are written in one piece each
 * (json_writer.h): the pieces around their values are prepared once per
 * export, for the depth they are written at.
 */
enum {
	TX_DOCUMENT,
	TX_TEXT,
	TX_TYPE,
	TX_VALUE,
	TX_MOD,
	TX_QUANT,
	TX_FREQ,
	TX_TZ,
	TX_START,
	TX_END,
	TX_BYTE_START,
	TX_BYTE_END,
	TX_NKEYS
};
static const char *const timex_keys[TX_NKEYS] = {"document", "text",  "type",       "value",
                                                 "mod",      "quant", "freq",       "tz",
                                                 "start",    "end",   "byte_start", "byte_end"};
enum {
	EV_VALUE,
	EV_TYPE,
	EV_MOD,
	EV_START,
	EV_END,
	EV_GRANULARITY,
	EV_HEADLINE,
	EV_TEXT,
	EV_DOCUMENT,
	EV_MENTIONS,
	EV_NKEYS
};
static const char *const event_keys[EV_NKEYS] = {"value",    "type",        "mod",      "start",
                                                 "end",      "granularity", "headline", "text",
                                                 "document", "mentions"};

/* A string member: value, then once measured its length, escapes and room
 * (tl_jw_str_room()); a NULL value is left out. */
typedef struct str_member {
	const char *s;
	int measured;
	size_t len, room;
	int esc;
} str_member;

/* The names the members take, measured once an export (by enum value). */
#define NTYPES 4
#define NMODS 13
#define NGRANS 15

typedef struct pieces {
	tl_jw_piece timex[TX_NKEYS], timex_end;
	tl_jw_piece event[EV_NKEYS], event_end;
	tl_jw_piece mention_item, mention_doc, mention_timex, mention_end, mentions_end;
	str_member type[NTYPES], mod[NMODS], gran[NGRANS];
} pieces;

/* s[0..len) measured. */
static str_member measured_n(const char *s, size_t len)
{
	str_member m = {s, 1, len, 0, 0};
	m.room = tl_jw_str_room(s, len, &m.esc);
	return m;
}

/* A date of date_str() as a member: digits and '-' only, no escape (checked
 * in debug builds). */
static str_member date_member(const char *s, size_t len)
{
	str_member m = {s, 1, len, len + 2, 0};
	assert(tl_jw_str_room(s, len, &m.esc) == len + 2 && !m.esc);
	return m;
}

/* s measured (NULL: left out). */
static str_member measured(const char *s)
{
	return s ? measured_n(s, strlen(s)) : (str_member){NULL, 1, 0, 0, 0};
}

/* The pieces of timexes and events, whose objects are at depth `depth`, and
 * the names. */
static void prep_pieces(tl_jw *w, pieces *k, int depth)
{
	for (size_t i = 0; i < TX_NKEYS; i++)
		tl_jw_prep_key(w, &k->timex[i], depth, timex_keys[i]);
	tl_jw_prep_end(w, &k->timex_end, depth, '}');
	for (size_t i = 0; i < EV_NKEYS; i++)
		tl_jw_prep_key(w, &k->event[i], depth, event_keys[i]);
	tl_jw_prep_end(w, &k->event_end, depth, '}');
	tl_jw_prep_item(w, &k->mention_item, depth + 1);
	tl_jw_prep_key(w, &k->mention_doc, depth + 2, "document");
	tl_jw_prep_key(w, &k->mention_timex, depth + 2, "timex");
	tl_jw_prep_end(w, &k->mention_end, depth + 2, '}');
	tl_jw_prep_end(w, &k->mentions_end, depth + 1, ']');
	for (int i = 0; i < NTYPES; i++)
		k->type[i] = measured(tl_type_name((tl_timex_type)i));
	for (int i = 0; i < NMODS; i++)
		k->mod[i] = measured(tl_mod_name((tl_mod)i));
	for (int i = 0; i < NGRANS; i++)
		k->gran[i] = measured(tl_granularity_name((tl_granularity)i));
}

/* The member for the name of a type, mod or granularity: from the table of n
 * measured ones, or measured now when v is past it. */
static str_member name_member(const str_member *table, size_t n, unsigned v, const char *name)
{
	if (v < n)
		return table[v];
	return measured(name);
}

/* Measure the n string members of m whose pieces are k[0..n): the room they
 * take, NULL ones left out. */
static size_t str_members_room(str_member *m, const tl_jw_piece *k, size_t n)
{
	size_t room = 0;
	for (size_t i = 0; i < n; i++) {
		if (!m[i].s)
			continue;
		if (!m[i].measured)
			m[i] = measured(m[i].s);
		room = tl_jw_add(room, tl_jw_add(k[i].len, m[i].room));
	}
	return room;
}

/* Put the string members measured by str_members_room(); *first as for tl_jw_put(). */
static char *put_str_members(char *p, const str_member *m, const tl_jw_piece *k, size_t n,
                             int *first)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].s) {
			p = tl_jw_put(p, &k[i], *first);
			*first = 0;
			p = tl_jw_put_str(p, m[i].s, m[i].len, m[i].esc);
		}
	return p;
}

/* One timex; returns where it begins in the buffer. */
static size_t timex_json(tl_jw *w, const pieces *k, const tl_document *doc, uint64_t di,
                         const tl_timex *t)
{
	const tl_jw_piece *kt = k->timex;
	str_member m[TX_START - TX_TEXT] = {
	    measured_n(doc->text + t->byte_start, t->byte_end - t->byte_start),
	    name_member(k->type, NTYPES, t->type, tl_type_name(t->type)),
	    {t->value, 0, 0, 0, 0},
	    name_member(k->mod, NMODS, t->mod, tl_mod_name(t->mod)),
	    {t->quant, 0, 0, 0, 0},
	    {t->freq, 0, 0, 0, 0},
	    {t->tz, 0, 0, 0, 0}};
	int first = 0;
	size_t max = str_members_room(m, kt + TX_TEXT, TX_START - TX_TEXT);
	for (size_t i = TX_DOCUMENT; i < TX_NKEYS; i++)
		max = tl_jw_add(max, kt[i].len + TL_JW_INT_MAX);
	char *p = tl_jw_obj_begin(w, &k->timex_end, max);
	if (!p)
		return w->b->len;
	size_t at = (size_t)(p - w->b->data) - 1;
	p = tl_jw_put(p, &kt[TX_DOCUMENT], 1);
	p = tl_jw_put_int(p, (int64_t)di);
	p = put_str_members(p, m, kt + TX_TEXT, TX_START - TX_TEXT, &first);
	p = tl_jw_put(p, &kt[TX_START], 0);
	char *cs = p;
	p = tl_jw_put_int(p, (int64_t)t->char_start);
	size_t ns = (size_t)(p - cs);
	p = tl_jw_put(p, &kt[TX_END], 0);
	char *ce = p;
	p = tl_jw_put_int(p, (int64_t)t->char_end);
	size_t ne = (size_t)(p - ce);
	/* before the first character past ASCII, byte and character offsets are
	 * equal: their digits are copied (TL_JW_INT_MAX bytes, as the integer
	 * would have written, from at least that far back) */
	p = tl_jw_put(p, &kt[TX_BYTE_START], 0);
	if (t->byte_start == t->char_start && (size_t)(p - cs) >= TL_JW_INT_MAX) {
		memcpy(p, cs, TL_JW_INT_MAX);
		p += ns;
	} else
		p = tl_jw_put_int(p, (int64_t)t->byte_start);
	p = tl_jw_put(p, &kt[TX_BYTE_END], 0);
	if (t->byte_end == t->char_end && (size_t)(p - ce) >= TL_JW_INT_MAX) {
		memcpy(p, ce, TL_JW_INT_MAX);
		p += ne;
	} else
		p = tl_jw_put_int(p, (int64_t)t->byte_end);
	tl_jw_obj_end(w, &k->timex_end, p);
	return at;
}

/* One event and its mentions; returns where it begins in the buffer.  *doc:
 * the event document name measured last (the events of a document share its
 * name: measured once a run of them). */
static size_t event_json(tl_jw *w, const pieces *k, tl_timeline *tl, size_t i, uint64_t base,
                         str_member *doc)
{
	const tl_event *e = tl_timeline_event(tl, i);
	if (doc->s != e->document || !doc->measured)
		*doc = measured(e->document);
	const tl_mention *mention = tl_timeline_mentions(tl, i);
	char start[32], end[32];
	size_t start_len = date_str(start, e->start), end_len = date_str(end, e->end);
	str_member m[EV_MENTIONS] = {
	    {e->value, 0, 0, 0, 0},
	    name_member(k->type, NTYPES, e->type, tl_type_name(e->type)),
	    name_member(k->mod, NMODS, e->mod, tl_mod_name(e->mod)),
	    date_member(start, start_len),
	    date_member(end, end_len),
	    name_member(k->gran, NGRANS, e->granularity, tl_granularity_name(e->granularity)),
	    {e->headline, 0, 0, 0, 0},
	    {e->text, 0, 0, 0, 0},
	    *doc};
	size_t max = str_members_room(m, k->event, EV_MENTIONS);
	size_t each = k->mention_item.len + 1 + k->mention_doc.len + k->mention_timex.len +
	              2 * TL_JW_INT_MAX + k->mention_end.len;
	size_t n = e->mention_count;
	max = tl_jw_add(max, n <= SIZE_MAX / each ? n * each : SIZE_MAX);
	max = tl_jw_add(max, k->event[EV_MENTIONS].len + 1 + k->mentions_end.len);
	char *p = tl_jw_obj_begin(w, &k->event_end, max);
	if (!p)
		return w->b->len;
	size_t at = (size_t)(p - w->b->data) - 1;
	int first = 1;
	p = put_str_members(p, m, k->event, EV_MENTIONS, &first);
	p = tl_jw_put(p, &k->event[EV_MENTIONS], first);
	*p++ = '[';
	for (size_t j = 0; j < n; j++) {
		p = tl_jw_put(p, &k->mention_item, j == 0);
		*p++ = '{';
		p = tl_jw_put(p, &k->mention_doc, 1);
		p = tl_jw_put_int(p, (int64_t)(base + mention[j].document));
		p = tl_jw_put(p, &k->mention_timex, 0);
		p = tl_jw_put_int(p, (int64_t)mention[j].timex);
		p = tl_jw_put(p, &k->mention_end, 0);
	}
	p = tl_jw_put(p, &k->mentions_end, 0);
	tl_jw_obj_end(w, &k->event_end, p);
	return at;
}

/* Decimal digits of v. */
static size_t digits(uint64_t v)
{
	size_t n = 1;
	for (; v >= 10; v /= 10)
		n++;
	return n;
}

/*
 * About the size of the export, so that the buffer is made once, at about
 * its size, and not grown (and copied) a dozen times: the pieces of the
 * members there are counted exactly, the values guessed from the lengths at
 * hand (a low guess costs a regrowth; a high one, address space never
 * touched).  Timexes and mentions, the bulk, are counted one by one.
 */
static size_t size_guess(tl_timeline *tl, const pieces *k, uint64_t base)
{
	static const int always[] = {TX_DOCUMENT, TX_TEXT, TX_TYPE,       TX_VALUE,
	                             TX_START,    TX_END,  TX_BYTE_START, TX_BYTE_END};
	const tl_jw_piece *kt = k->timex;
	size_t timex = k->mention_item.len + 1 + k->timex_end.len;
	for (size_t i = 0; i < sizeof(always) / sizeof(always[0]); i++)
		timex += kt[always[i]].len;
	size_t event = k->mention_item.len + 1 + k->event_end.len + k->mentions_end.len + 96;
	for (size_t i = 0; i < EV_NKEYS; i++)
		event += k->event[i].len;
	size_t mention = k->mention_item.len + 1 + k->mention_doc.len + k->mention_timex.len +
	                 k->mention_end.len;
	size_t n = 4096, ndoc = tl_timeline_document_count(tl), nev = tl_timeline_event_count(tl);
	for (size_t d = 0; d < ndoc; d++) {
		const tl_document *doc = tl_timeline_document(tl, d);
		/* the document index, four offsets within the text, type and value */
		size_t x = timex + digits(base + d) + 4 * digits(doc->len) + 20;
		n = tl_jw_add(n, doc->ntimex <= SIZE_MAX / x ? doc->ntimex * x : SIZE_MAX);
		for (size_t i = 0; i < doc->ntimex; i++) {
			const tl_timex *t = &doc->timexes[i];
			n = tl_jw_add(n, t->byte_end - t->byte_start);
			if (t->mod || t->quant || t->freq || t->tz) /* rare: room for all */
				n = tl_jw_add(n, kt[TX_MOD].len + kt[TX_QUANT].len +
				                     kt[TX_FREQ].len + kt[TX_TZ].len + 64);
		}
	}
	size_t mdigits = digits(base + ndoc) + 8;
	for (size_t i = 0; i < nev; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		size_t m = e->mention_count, each = mention + mdigits;
		n = tl_jw_add(n,
		              event + strlen(e->headline) + strlen(e->text) + strlen(e->document));
		n = tl_jw_add(n, m <= SIZE_MAX / each ? m * each : SIZE_MAX);
	}
	return tl_jw_add(n, n / 16);
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
	pieces k;
	size_t ndoc = tl_timeline_document_count(tl), at;
	uint64_t base = opts->document_base;
	if (ndoc && (uint64_t)opts->document_base > (uint64_t)INT64_MAX - (ndoc - 1))
		return tl_seterr(TL_ERANGE, "JSON export: document_base %zu is too large",
		                 opts->document_base);
	tl_jw_init(&w, b, opts->pretty);
	prep_pieces(&w, &k, 3); /* root object, array, the objects in it */
	size_t guess = size_guess(tl, &k, base);
	if (guess > b->cap) { /* that size, not the power of two tl_grow() would make */
		char *p = realloc(b->data, guess);
		if (p) {
			b->data = p;
			b->cap = guess;
		} else
			b->failed = 1;
	}
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
	str_member doc = {NULL, 0, 0, 0, 0};
	for (size_t i = 0; i < tl_timeline_event_count(tl); i++) {
		at = event_json(&w, &k, tl, i, base, &doc);
		if (told(opts, "events", at, &w))
			goto stop;
	}
	tl_jw_end_array(&w);
	tl_jw_key(&w, "timexes");
	tl_jw_begin_array(&w);
	for (size_t d = 0; d < ndoc; d++) {
		const tl_document *doc = tl_timeline_document(tl, d);
		for (size_t i = 0; i < doc->ntimex; i++) {
			at = timex_json(&w, &k, doc, base + d, &doc->timexes[i]);
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
