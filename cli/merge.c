/*
 * merge.c - one merged JSON timeline from many batches, without holding it.
 *
 * A long input is analysed in batches (text segments or groups of documents,
 * see input.c).  Each batch is a small tl_timeline that the library exports
 * as JSON, with the document indices already shifted by the batch's first
 * document index (tl_export_options.document_base), and tells where each
 * element of its root arrays (documents, events, timexes, warnings) lies
 * (tl_export_options.element): the export is cut, never parsed back.  The
 * main thread appends documents, timexes and warnings to spill files
 * (tmpfile(), on disk, not in memory) and events to an event spill, keeping
 * only a compact index entry per event (start date, granularity, batch,
 * position, place in the spill: 48 bytes, in blocks that are never moved).
 * Each batch's events come in the library's timeline order (start, then
 * coarser first, then document and position), so at the end the batches'
 * runs of the index are merged (a heap, no sort) into that order for the
 * whole run, and the output is assembled from the spills.
 *
 * Layout is json-c's, as the library writes it: the skeleton (root keys,
 * indentation, separators) is learnt at start-up from the library's export of
 * an empty timeline, and checked: rendering the skeleton with no elements
 * must give back exactly that export, or merging is refused and the caller
 * falls back to one in-memory timeline.  A single batch is written exactly as
 * the library exports it.  What differs from one in-memory timeline: mentions
 * of one happening in different batches are not merged into one event, and a
 * text segment is its own document (id "FILE@OFFSET", its own DCT).
 */
#include "cli_merge.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Flag sets json-c may have been asked for, tried in turn. */
static const int flag_sets[] = {
    JSON_C_TO_STRING_NOSLASHESCAPE | JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED,
    JSON_C_TO_STRING_NOSLASHESCAPE | JSON_C_TO_STRING_PLAIN,
    JSON_C_TO_STRING_NOSLASHESCAPE | JSON_C_TO_STRING_PRETTY,
    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED,
    JSON_C_TO_STRING_PLAIN,
    JSON_C_TO_STRING_NOSLASHESCAPE | JSON_C_TO_STRING_SPACED,
};

/* malloc'd copy of s[0..n) plus a NUL. */
static char *dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Render the skeleton with no elements into a malloc'd string. */
static char *render_empty(const cli_merge *m)
{
	size_t n = strlen(m->tail) + 1;
	for (size_t k = 0; k < m->narr; k++)
		n += strlen(m->arr[k].pre) + strlen(m->arr[k].trail) + 1;
	char *s = malloc(n), *p = s;
	if (!s)
		return NULL;
	for (size_t k = 0; k < m->narr; k++)
		p += sprintf(p, "%s%s]", m->arr[k].pre, m->arr[k].trail);
	strcpy(p, m->tail);
	return s;
}

/* Cut the skeleton text (placeholders "\u0001A", "\u0001B", ...) into pieces. */
static int cut_skeleton(cli_merge *m, const char *sk)
{
	const char *p = sk;
	for (size_t k = 0; k < m->narr; k++) {
		char ph[16];
		snprintf(ph, sizeof(ph), "\"\\u0001%c\"", (char)('A' + k));
		const char *at = strstr(p, ph);
		if (!at)
			return -1;
		const char *open = at;
		while (open > p && *open != '[')
			open--;
		const char *after = at + strlen(ph);
		const char *close = strchr(after, ']');
		if (*open != '[' || !close)
			return -1;
		m->arr[k].pre = dupn(p, (size_t)(open + 1 - p));
		m->arr[k].lead = dupn(open + 1, (size_t)(at - open - 1));
		m->arr[k].trail = dupn(after, (size_t)(close - after));
		if (!m->arr[k].pre || !m->arr[k].lead || !m->arr[k].trail)
			return -1;
		p = close + 1;
	}
	size_t n = strlen(p);
	if (!(m->tail = malloc(n + 2)))
		return -1;
	memcpy(m->tail, p, n);
	strcpy(m->tail + n, "\n");
	return 0;
}

/* Is key one of the root arrays whose elements the library's element
 * callback reports (tl_export_element_fn)? */
static int is_reported(const char *key)
{
	static const char *const names[] = {"documents", "events", "timexes", "warnings"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(key, names[i]) == 0)
			return 1;
	return 0;
}

/* Learn the layout from the library's export of an empty timeline. */
int cli_merge_new(cli_merge **out, const tl_export_options *eo)
{
	tl_timeline *tl = NULL;
	char *empty = NULL;
	size_t elen = 0;
	json_object *root = NULL, *sk = NULL;
	cli_merge *m = calloc(1, sizeof(*m));
	int rc = -1;

	*out = NULL;
	if (!m || tl_timeline_new(&tl, NULL) != 0 ||
	    tl_export(&empty, &elen, tl, TL_FORMAT_JSON, eo) != 0)
		goto done;
	if (elen == 0 || empty[elen - 1] != '\n' || !(root = json_tokener_parse(empty)) ||
	    !json_object_is_type(root, json_type_object))
		goto done;
	m->flags = -1;
	for (size_t i = 0; i < sizeof(flag_sets) / sizeof(flag_sets[0]); i++) {
		const char *s = json_object_to_json_string_ext(root, flag_sets[i]);
		if (s && strlen(s) == elen - 1 && memcmp(s, empty, elen - 1) == 0) {
			m->flags = flag_sets[i];
			break;
		}
	}
	if (m->flags < 0 || !(sk = json_object_new_object()))
		goto done;
	json_object_object_foreach(root, key, val)
	{
		json_object *v;
		if (json_object_is_type(val, json_type_array)) {
			char ph[3] = {'\x01', (char)('A' + m->narr), '\0'};
			if (m->narr == CLI_MERGE_MAX_ARRAYS)
				goto done;
			v = json_object_new_array();
			if (!v || json_object_array_add(v, json_object_new_string(ph)) != 0)
				goto done;
			m->arr[m->narr].key = dupn(key, strlen(key));
			if (!m->arr[m->narr].key)
				goto done;
			m->arr[m->narr].is_events = strcmp(key, "events") == 0;
			if (!is_reported(key))
				goto done; /* its elements would not be told */
			m->narr++;
		} else
			v = json_object_get(val);
		json_object_object_add(sk, key, v);
	}
	if (cut_skeleton(m, json_object_to_json_string_ext(sk, m->flags)) != 0)
		goto done;
	char *check = render_empty(m);
	rc = check && strcmp(check, empty) == 0 ? 0 : -1;
	free(check);
	m->empty = empty;
	m->empty_len = elen;
	empty = NULL;
done:
	json_object_put(sk);
	json_object_put(root);
	tl_free(empty);
	tl_timeline_free(tl);
	if (rc != 0) {
		cli_merge_free(m);
		return -1;
	}
	*out = m;
	return 0;
}

void cli_merge_free(cli_merge *m)
{
	if (!m)
		return;
	for (size_t k = 0; k < m->narr; k++) {
		free(m->arr[k].key);
		free(m->arr[k].pre);
		free(m->arr[k].lead);
		free(m->arr[k].trail);
		if (m->arr[k].spill)
			fclose(m->arr[k].spill);
	}
	if (m->evspill)
		fclose(m->evspill);
	for (size_t b = 0; b < m->nblocks; b++)
		free(m->blocks[b]);
	free(m->blocks);
	free(m->runs);
	free(m->tail);
	tl_free(m->empty);
	free(m);
}

void cli_part_free(cli_part *p)
{
	for (size_t k = 0; k < CLI_MERGE_MAX_ARRAYS; k++) {
		free(p->arr[k].offs);
		free(p->arr[k].lens);
	}
	free(p->keys);
	tl_free(p->json);
	memset(p, 0, sizeof(*p));
}

/* What the element callback of one export works with. */
typedef struct split_ctx {
	cli_part *part;
	const cli_merge *m;
	const char *last; /* the array name of the previous element */
	size_t k;         /* its index in m->arr */
	int nomem;
} split_ctx;

/* tl_export_element_fn: note where an element lies; 0, or -1 to stop. */
static int on_element(void *ctx, const char *array, size_t begin, size_t end)
{
	split_ctx *c = ctx;
	if (array != c->last) {
		size_t k = 0;
		while (k < c->m->narr && strcmp(c->m->arr[k].key, array) != 0)
			k++;
		if (k == c->m->narr)
			return -1; /* an array the skeleton does not have */
		c->last = array;
		c->k = k;
	}
	cli_part_array *a = &c->part->arr[c->k];
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 64;
		size_t *no =
		    cap <= SIZE_MAX / sizeof(*no) ? realloc(a->offs, cap * sizeof(*no)) : NULL;
		if (no)
			a->offs = no;
		size_t *nl = no ? realloc(a->lens, cap * sizeof(*nl)) : NULL;
		if (!nl) {
			c->nomem = 1;
			return -1;
		}
		a->lens = nl;
		a->cap = cap;
	}
	a->offs[a->n] = begin;
	a->lens[a->n++] = end - begin;
	return 0;
}

/*
 * Export one batch and note where its elements lie (runs on a worker).  The
 * library writes the document indices already shifted by doc_base and tells
 * where each element of a root array begins and ends: nothing is parsed back.
 */
int cli_merge_export(cli_part *part, const cli_merge *m, tl_timeline *tl,
                     const tl_export_options *eo, size_t doc_base)
{
	tl_export_options o = *eo;
	split_ctx c = {part, m, NULL, 0, 0};
	size_t len = 0;
	memset(part, 0, sizeof(*part));
	o.document_base = doc_base;
	o.element = on_element;
	o.element_ctx = &c;
	int rc = tl_export(&part->json, &len, tl, TL_FORMAT_JSON, &o);
	if (rc != 0) {
		cli_part_free(part);
		return c.nomem ? TL_ENOMEM : rc;
	}
	for (size_t k = 0; k < m->narr; k++) {
		if (!m->arr[k].is_events)
			continue;
		size_t ne = part->arr[k].n;
		if (ne != tl_timeline_event_count(tl)) {
			cli_part_free(part);
			return TL_ERROR; /* not an export this code understands */
		}
		if (ne && !(part->keys = calloc(ne, sizeof(*part->keys)))) {
			cli_part_free(part);
			return TL_ENOMEM;
		}
		for (size_t e = 0; e < ne; e++) {
			const tl_event *ev = tl_timeline_event(tl, e);
			part->keys[e].start = ev->start;
			part->keys[e].granularity = (int)ev->granularity;
		}
	}
	return 0;
}

/* Write n bytes to a spill file; 0 or -1. */
static int spill_write(FILE *f, const void *p, size_t n)
{
	return n && fwrite(p, 1, n, f) != n ? -1 : 0;
}

/* A spill file, made on first use; NULL on failure. */
static FILE *spill_open(FILE **f)
{
	if (!*f)
		*f = tmpfile();
	return *f;
}

/*
 * The number of elements of a, from the i-th on, that lie in json one after
 * the other with exactly "," and lead between them (how the library writes
 * them, and how the spills join them): they go out in one piece.  At least 1.
 */
static size_t run_length(const cli_part_array *a, const char *json, size_t i, const char *lead,
                         size_t llen)
{
	size_t j = i + 1;
	while (j < a->n) {
		size_t end = a->offs[j - 1] + a->lens[j - 1];
		if (a->offs[j] - end != llen + 1 || json[end] != ',' ||
		    memcmp(json + end + 1, lead, llen) != 0)
			break;
		j++;
	}
	return j - i;
}

/* Timeline order of two events: start, coarser first, batch, position. */
static int key_cmp(const void *pa, const void *pb)
{
	const cli_event_key *a = pa, *b = pb;
	if (a->start.year != b->start.year)
		return a->start.year < b->start.year ? -1 : 1;
	if (a->start.month != b->start.month)
		return a->start.month < b->start.month ? -1 : 1;
	if (a->start.day != b->start.day)
		return a->start.day < b->start.day ? -1 : 1;
	if (a->granularity != b->granularity)
		return a->granularity < b->granularity ? -1 : 1;
	if (a->batch != b->batch)
		return a->batch < b->batch ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* The i-th entry of the event index. */
static cli_event_key *key_at(const cli_merge *m, size_t i)
{
	return &m->blocks[i >> CLI_INDEX_SHIFT][i & (CLI_INDEX_BLOCK - 1)];
}

/*
 * Append *key to the event index; 0 or -1 when out of memory.  The index
 * grows a block at a time and is never moved or copied.  The start of each
 * batch's run is noted, and whether each run is in timeline order.
 */
static int index_push(cli_merge *m, const cli_event_key *key)
{
	if (m->nindex == m->nblocks << CLI_INDEX_SHIFT) {
		if (m->nblocks == m->cap_blocks) {
			size_t c = m->cap_blocks ? m->cap_blocks * 2 : 16;
			cli_event_key **nb = c <= SIZE_MAX / sizeof(*nb)
			                         ? realloc(m->blocks, c * sizeof(*nb))
			                         : NULL;
			if (!nb)
				return -1;
			m->blocks = nb;
			m->cap_blocks = c;
		}
		if (!(m->blocks[m->nblocks] = malloc(CLI_INDEX_BLOCK * sizeof(cli_event_key))))
			return -1;
		m->nblocks++;
	}
	if (m->nindex == 0 || key->batch != key_at(m, m->nindex - 1)->batch) {
		if (m->nruns == m->cap_runs) {
			size_t c = m->cap_runs ? m->cap_runs * 2 : 64;
			size_t *nr =
			    c <= SIZE_MAX / sizeof(*nr) ? realloc(m->runs, c * sizeof(*nr)) : NULL;
			if (!nr)
				return -1;
			m->runs = nr;
			m->cap_runs = c;
		}
		m->runs[m->nruns++] = m->nindex;
	} else if (key_cmp(key_at(m, m->nindex - 1), key) >= 0)
		m->unsorted = 1;
	*key_at(m, m->nindex++) = *key;
	return 0;
}

/* Take a batch's elements over into the spills (main thread, batch order). */
int cli_merge_add(cli_merge *m, const cli_part *part, size_t batch)
{
	for (size_t k = 0; k < m->narr; k++) {
		const cli_part_array *a = &part->arr[k];
		FILE **f = m->arr[k].is_events ? &m->evspill : &m->arr[k].spill;
		const char *lead = m->arr[k].lead;
		size_t llen = strlen(lead);
		if (a->n && !spill_open(f))
			return -1;
		for (size_t i = 0; i < a->n;) {
			size_t run = run_length(a, part->json, i, lead, llen);
			const char *first = part->json + a->offs[i];
			size_t span = a->offs[i + run - 1] + a->lens[i + run - 1] - a->offs[i];
			if (m->arr[k].is_events) {
				/* the run is spilled whole; each event is indexed in it */
				if (m->nindex > SIZE_MAX - run)
					return -1;
				for (size_t e = i; e < i + run; e++) {
					cli_event_key key = part->keys[e];
					key.batch = batch;
					key.pos = e;
					key.offset = m->evlen + (a->offs[e] - a->offs[i]);
					key.len = a->lens[e];
					if (index_push(m, &key) != 0)
						return -1;
				}
				m->evlen += span;
			} else if (m->arr[k].count && (spill_write(*f, ",", 1) != 0 ||
			                               spill_write(*f, lead, llen) != 0))
				return -1;
			if (spill_write(*f, first, span) != 0)
				return -1;
			m->arr[k].count += run;
			i += run;
		}
	}
	return 0;
}

/* A binary min-heap of batch runs of the index, by their next event. */
typedef struct run_heap {
	const cli_merge *m;
	cli_event_key *flat; /* NULL, or the whole index sorted (malloc'd) */
	size_t *at;          /* next event of each run in the heap */
	size_t *end;         /* one past its last */
	size_t n;
} run_heap;

/* The entry at position i of what the heap merges. */
static const cli_event_key *heap_key(const run_heap *h, size_t i)
{
	return h->flat ? &h->flat[i] : key_at(h->m, i);
}

/* Does run a's next event come before run b's? */
static int run_before(const run_heap *h, size_t a, size_t b)
{
	return key_cmp(heap_key(h, h->at[a]), heap_key(h, h->at[b])) < 0;
}

/* Swap runs a and b in the heap. */
static void run_swap(run_heap *h, size_t a, size_t b)
{
	size_t t = h->at[a];
	h->at[a] = h->at[b];
	h->at[b] = t;
	t = h->end[a];
	h->end[a] = h->end[b];
	h->end[b] = t;
}

/* Move run i down to its place in the heap. */
static void run_sift(run_heap *h, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, min = i;
		if (l < h->n && run_before(h, l, min))
			min = l;
		if (l + 1 < h->n && run_before(h, l + 1, min))
			min = l + 1;
		if (min == i)
			return;
		run_swap(h, i, min);
		i = min;
	}
}

/*
 * The events in timeline order, without sorting them: the index is a run of
 * events for each batch, in batch order, and each run is already in
 * timeline order (the library's order: start, coarser first, position), so
 * the runs are merged through a heap, O(n log batches).  Should some run
 * not be in order (never with the library's order), a sorted copy of the
 * index is merged instead, as one run.  0, or -1 when out of memory.
 */
static int order_events(const cli_merge *m, run_heap *h)
{
	size_t nrun = m->unsorted ? 1 : m->nruns;
	memset(h, 0, sizeof(*h));
	h->m = m;
	if (!m->nindex)
		return 0;
	if (m->unsorted) {
		if (m->nindex > SIZE_MAX / sizeof(*h->flat) ||
		    !(h->flat = malloc(m->nindex * sizeof(*h->flat))))
			return -1;
		for (size_t i = 0; i < m->nindex; i++)
			h->flat[i] = *key_at(m, i);
		qsort(h->flat, m->nindex, sizeof(*h->flat), key_cmp);
	}
	if (!(h->at = malloc(nrun * sizeof(*h->at))) ||
	    !(h->end = malloc(nrun * sizeof(*h->end)))) {
		free(h->flat);
		free(h->at);
		return -1;
	}
	for (size_t r = 0; r < nrun; r++) {
		h->at[r] = m->unsorted ? 0 : m->runs[r];
		h->end[r] = r + 1 < nrun ? m->runs[r + 1] : m->nindex;
	}
	h->n = nrun;
	for (size_t i = h->n / 2; i-- > 0;)
		run_sift(h, i);
	return 0;
}

/* Free what order_events() made. */
static void heap_free(run_heap *h)
{
	free(h->flat);
	free(h->at);
	free(h->end);
}

/* The next event of the merged runs (index position), or SIZE_MAX at the end. */
static size_t next_event(run_heap *h)
{
	if (!h->n)
		return SIZE_MAX;
	size_t e = h->at[0];
	if (++h->at[0] == h->end[0]) {
		h->n--;
		run_swap(h, 0, h->n);
	}
	run_sift(h, 0);
	return e;
}

/* Copy a spill file to the sink (by the kernel where it can); 0 or -1. */
static int copy_spill(FILE *f, cli_sink *s)
{
	off_t len;
	if (fflush(f) != 0 || (len = ftello(f)) < 0)
		return -1;
	return cli_sink_copy(s, fileno(f), 0, (uint64_t)len);
}

/* Read-ahead over the event spill: all buffers together hold at most this. */
#define EV_READAHEAD ((size_t)4 << 20)
/* An event at least this long is copied by the kernel (cli_sink_copy()), not
 * through its batch's window. */
#define EV_COPY ((size_t)64 << 10)

/* One batch's window on the event spill. */
typedef struct ev_stream {
	uint64_t at; /* spill offset of data[0] */
	size_t len, cap;
	char *data;
} ev_stream;

/* Whether the bytes [off, off + len) of the event spill are in st's window. */
static int ev_held(const ev_stream *st, uint64_t off, size_t len)
{
	return off >= st->at && off - st->at <= st->len && st->len - (off - st->at) >= len;
}

/*
 * Where the bytes [off, off + len) of the event spill are, read through the
 * window of their batch; NULL on a read error or out of memory.  A batch's
 * events are read in the order they were spilled (the index is merged in
 * timeline order, and each batch is in it already), so each window moves forward: a
 * window of `want` bytes costs one pread() per `want` bytes of the spill.
 */
static const char *ev_read(ev_stream *st, int fd, uint64_t off, size_t len, size_t want)
{
	if (ev_held(st, off, len))
		return st->data + (off - st->at);
	size_t n = len > want ? len : want;
	if (n > st->cap) {
		char *nd = realloc(st->data, n);
		if (!nd)
			return NULL;
		st->data = nd;
		st->cap = n;
	}
	ssize_t got = pread(fd, st->data, n, (off_t)off);
	if (got < 0 || (size_t)got < len)
		return NULL;
	st->at = off;
	st->len = (size_t)got;
	return st->data;
}

/* Pieces of events gathered before they go to the sink in one writev(). */
#define EV_PIECES 512

/* Events on their way to the sink: pieces that point into the batches'
 * windows (and the separators), written by the kernel straight from there,
 * not copied into a buffer first.  They must go out before a window they
 * point into is read again. */
typedef struct ev_gather {
	struct iovec v[EV_PIECES];
	int n;
} ev_gather;

/* Write what g holds to s and empty it. */
static void gather_flush(ev_gather *g, cli_sink *s)
{
	if (g->n)
		cli_sink_writev(s, g->v, g->n);
	g->n = 0;
}

/* Add p[0..n) to g, which must stay as it is until g is flushed. */
static void gather_put(ev_gather *g, cli_sink *s, const char *p, size_t n)
{
	if (g->n == EV_PIECES)
		gather_flush(g, s);
	g->v[g->n].iov_base = (void *)(uintptr_t)p;
	g->v[g->n].iov_len = n;
	g->n++;
}

/*
 * Write the events in timeline order from the event spill; 0 or -1.  Each
 * batch reads its part of the spill through a window of its own (the
 * batches' windows share EV_READAHEAD bytes, 4 KiB to 64 KiB each), so that
 * memory stays bounded and reads are few; an event of EV_COPY bytes or more
 * is copied by the kernel instead.
 */
static int write_events(cli_merge *m, size_t k, cli_sink *s)
{
	const char *lead = m->arr[k].lead;
	size_t llen = strlen(lead), nbatch = 0;
	int rc = 0;
	run_heap h;
	if (fflush(m->evspill) != 0 || order_events(m, &h) != 0)
		return -1;
	if (m->nindex)
		nbatch = key_at(m, m->nindex - 1)->batch + 1; /* batches come in order */
	size_t want = nbatch ? EV_READAHEAD / nbatch : 0;
	want = want < 4096 ? 4096 : want > 65536 ? 65536 : want;
	ev_stream *st = nbatch ? calloc(nbatch, sizeof(*st)) : NULL;
	if (nbatch && !st) {
		heap_free(&h);
		return -1;
	}
	static ev_gather g; /* the merge runs once, on the main thread */
	g.n = 0;
	int fd = fileno(m->evspill);
	for (size_t i = 0, x; (x = next_event(&h)) != SIZE_MAX; i++) {
		const cli_event_key *e = heap_key(&h, x);
		if (i) {
			gather_put(&g, s, ",", 1);
			gather_put(&g, s, lead, llen);
		}
		if (e->len >= EV_COPY) { /* a long list of mentions */
			gather_flush(&g, s);
			if (cli_sink_copy(s, fd, e->offset, e->len) != 0) {
				rc = -1;
				break;
			}
			continue;
		}
		if (!ev_held(&st[e->batch], e->offset, e->len))
			gather_flush(&g, s); /* the window is read again (and may move) */
		const char *data = ev_read(&st[e->batch], fd, e->offset, e->len, want);
		if (!data) {
			rc = -1;
			break;
		}
		gather_put(&g, s, data, e->len);
	}
	gather_flush(&g, s);
	for (size_t b = 0; b < nbatch; b++)
		free(st[b].data);
	free(st);
	heap_free(&h);
	return rc;
}

/* Assemble the output from the skeleton and the spills. */
int cli_merge_finish(cli_merge *m, cli_sink *s)
{
	for (size_t k = 0; k < m->narr; k++) {
		cli_sink_write(s, m->arr[k].pre, strlen(m->arr[k].pre));
		if (m->arr[k].count) {
			cli_sink_write(s, m->arr[k].lead, strlen(m->arr[k].lead));
			int rc = m->arr[k].is_events ? write_events(m, k, s)
			                             : copy_spill(m->arr[k].spill, s);
			if (rc != 0) {
				cli_error("temporary file: %s", strerror(errno ? errno : EIO));
				return -1;
			}
		}
		cli_sink_write(s, m->arr[k].trail, strlen(m->arr[k].trail));
		cli_sink_write(s, "]", 1);
	}
	cli_sink_write(s, m->tail, strlen(m->tail));
	return 0;
}
