/*
 * merge.c - one merged JSON timeline from many batches, without holding it.
 *
 * A long input is analysed in batches (text segments or groups of documents,
 * see input.c).  Each batch is a small tl_timeline that the library exports
 * as JSON; the worker scans that JSON (no parse tree) and cuts out the
 * elements of its arrays (documents, events, timexes, warnings) as they are,
 * adding the batch's first document index to the document indices.  The
 * main thread appends documents, timexes and warnings to spill files
 * (tmpfile(), on disk, not in memory) and events to an event spill, keeping
 * only a compact index entry per event (start date, granularity, batch,
 * position, place in the spill: 48 bytes).  At the end the index is sorted
 * in the library's timeline order (start, then coarser first, then document
 * and position) and the output is assembled from the spills.
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
			m->arr[m->narr].is_timexes = strcmp(key, "timexes") == 0;
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
	free(m->index);
	free(m->tail);
	tl_free(m->empty);
	free(m);
}

void cli_part_free(cli_part *p)
{
	for (size_t k = 0; k < CLI_MERGE_MAX_ARRAYS; k++) {
		free(p->arr[k].data);
		free(p->arr[k].lens);
	}
	free(p->keys);
	memset(p, 0, sizeof(*p));
}

/* Room for n more bytes and one more element in a; 0 or -1. */
static int part_reserve(cli_part_array *a, size_t n)
{
	if (a->n == a->cap_lens) {
		size_t c = a->cap_lens ? a->cap_lens * 2 : 16;
		size_t *nl = realloc(a->lens, c * sizeof(*nl));
		if (!nl)
			return -1;
		a->lens = nl;
		a->cap_lens = c;
	}
	if (a->len + n > a->cap) {
		size_t c = a->cap ? a->cap : 4096;
		while (c < a->len + n)
			c *= 2;
		char *nd = realloc(a->data, c);
		if (!nd)
			return -1;
		a->data = nd;
		a->cap = c;
	}
	return 0;
}

/* Index just past the JSON string that starts at s[i] ('"'); n + 1 if
 * unterminated.  The closing quote is found with memchr() (the sentences of
 * events make most of a batch): a quote closes the string unless an odd run
 * of backslashes stands before it. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
	size_t j = i + 1;
	while (j < n) {
		const char *q = memchr(s + j, '"', n - j);
		if (!q)
			break;
		size_t k = (size_t)(q - s), b = k;
		while (b > i + 1 && s[b - 1] == '\\')
			b--;
		if ((k - b) % 2 == 0)
			return k + 1;
		j = k + 1;
	}
	return n + 1;
}

/* Index just past the JSON value that starts at s[i]; n + 1 if it does not end. */
static size_t skip_value(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return n + 1;
	if (s[i] == '"')
		return skip_string(s, n, i);
	if (s[i] == '{' || s[i] == '[') {
		/* the bytes that matter between strings: " { } [ ] */
		static const unsigned char mark[256] = {
		    ['"'] = 1, ['{'] = 1, ['}'] = 1, ['['] = 1, [']'] = 1};
		size_t depth = 0;
		for (; i < n; i++) {
			while (i < n && !mark[(unsigned char)s[i]])
				i++;
			if (i >= n)
				break;
			char c = s[i];
			if (c == '"') {
				i = skip_string(s, n, i);
				if (i > n)
					return n + 1;
				i--;
			} else if (c == '{' || c == '[')
				depth++;
			else if ((c == '}' || c == ']') && --depth == 0)
				return i + 1;
		}
		return n + 1;
	}
	while (i < n && !strchr(",}] \t\r\n", s[i]))
		i++;
	return i;
}

/* Index of the first byte at or after i that is not JSON whitespace. */
static size_t skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return i;
}

/* Write v in decimal at p (up to 20 bytes, no NUL); its length. */
static size_t put_ull(char *p, unsigned long long v)
{
	char tmp[20];
	size_t k = 0;
	do {
		tmp[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && k < sizeof(tmp));
	for (size_t j = 0; j < k; j++)
		p[j] = tmp[k - 1 - j];
	return k;
}

/*
 * Append element s[0..n) to a, adding delta to the integer value of every
 * "document" key in it (the document index of a timex and of each mention of
 * an event; an event's "document" is its id, a string, and stays).  0 or -1.
 */
static int put_element(cli_part_array *a, const char *s, size_t n, size_t delta)
{
	if (part_reserve(a, n + 64) != 0)
		return -1;
	size_t start = a->len, i = 0, done = 0;
	static const char key[] = "\"document\"";
	while (delta && i < n) {
		if (s[i] != '"') {
			const char *q = memchr(s + i, '"', n - i);
			if (!q)
				break;
			i = (size_t)(q - s);
		}
		size_t e = skip_string(s, n, i);
		if (e > n)
			break;
		size_t v = skip_ws(s, n, e);
		if (e - i == sizeof(key) - 1 && memcmp(s + i, key, e - i) == 0 && v < n &&
		    s[v] == ':' && (v = skip_ws(s, n, v + 1)) < n && s[v] >= '0' && s[v] <= '9') {
			size_t d = v;
			unsigned long long x = 0;
			while (d < n && s[d] >= '0' && s[d] <= '9')
				x = x * 10 + (unsigned long long)(s[d++] - '0');
			if (part_reserve(a, (v - done) + 24 + (n - d)) != 0)
				return -1;
			memcpy(a->data + a->len, s + done, v - done);
			a->len += v - done;
			a->len += put_ull(a->data + a->len, x + (unsigned long long)delta);
			done = i = d;
			continue;
		}
		i = e;
	}
	if (part_reserve(a, n - done) != 0)
		return -1;
	memcpy(a->data + a->len, s + done, n - done);
	a->len += n - done;
	a->lens[a->n++] = a->len - start;
	return 0;
}

/*
 * Split one batch's export into elements (runs on a worker).  The export is
 * scanned, not parsed: its elements are cut out as they are, already at the
 * depth they have in the merged output, and only the document indices are
 * rewritten.
 */
int cli_merge_split(cli_part *part, const cli_merge *m, tl_timeline *tl, const char *json,
                    size_t doc_base)
{
	size_t n = strlen(json), i = skip_ws(json, n, 0);
	memset(part, 0, sizeof(*part));
	if (i >= n || json[i] != '{')
		goto bad;
	i++;
	for (;;) {
		i = skip_ws(json, n, i);
		if (i < n && json[i] == '}')
			break;
		if (i >= n || json[i] != '"')
			goto bad;
		size_t ke = skip_string(json, n, i);
		size_t k = 0;
		while (k < m->narr && !(strlen(m->arr[k].key) + 2 == ke - i &&
		                        memcmp(json + i + 1, m->arr[k].key, ke - i - 2) == 0))
			k++;
		i = skip_ws(json, n, ke);
		if (ke > n || i >= n || json[i] != ':')
			goto bad;
		i = skip_ws(json, n, i + 1);
		if (k == m->narr || i >= n || json[i] != '[') {
			i = skip_value(json, n, i);
			if (i > n)
				goto bad;
		} else {
			size_t delta = m->arr[k].is_events || m->arr[k].is_timexes ? doc_base : 0;
			i = skip_ws(json, n, i + 1);
			while (i < n && json[i] != ']') {
				size_t e = skip_value(json, n, i);
				if (e > n ||
				    put_element(&part->arr[k], json + i, e - i, delta) != 0)
					goto bad;
				i = skip_ws(json, n, e);
				if (i < n && json[i] == ',')
					i = skip_ws(json, n, i + 1);
			}
			if (i >= n)
				goto bad;
			i++;
			if (m->arr[k].is_events) {
				size_t ne = part->arr[k].n;
				if (ne != tl_timeline_event_count(tl))
					goto bad;
				if (ne && !(part->keys = calloc(ne, sizeof(*part->keys))))
					goto bad;
				for (size_t e = 0; e < ne; e++) {
					const tl_event *ev = tl_timeline_event(tl, e);
					part->keys[e].start = ev->start;
					part->keys[e].granularity = (int)ev->granularity;
				}
			}
		}
		i = skip_ws(json, n, i);
		if (i < n && json[i] == ',')
			i++;
	}
	return 0;
bad:
	cli_part_free(part);
	return -1;
}

/* Write n bytes to a spill file; 0 or -1. */
static int spill_write(FILE *f, const void *p, size_t n)
{
	return n && fwrite(p, 1, n, f) != n ? -1 : 0;
}

/* Take a batch's elements over into the spills (main thread, batch order). */
int cli_merge_add(cli_merge *m, const cli_part *part, size_t batch)
{
	for (size_t k = 0; k < m->narr; k++) {
		const cli_part_array *a = &part->arr[k];
		FILE **f = m->arr[k].is_events ? &m->evspill : &m->arr[k].spill;
		if (a->n && !*f && !(*f = tmpfile()))
			return -1;
		size_t off = 0;
		for (size_t i = 0; i < a->n; i++) {
			const char *e = a->data + off;
			if (m->arr[k].is_events) {
				cli_event_key key = part->keys[i];
				key.batch = batch;
				key.pos = i;
				key.offset = m->evlen;
				key.len = a->lens[i];
				if (m->nindex == m->cap_index) {
					size_t c = m->cap_index ? m->cap_index * 2 : 1024;
					cli_event_key *ni = realloc(m->index, c * sizeof(*ni));
					if (!ni)
						return -1;
					m->index = ni;
					m->cap_index = c;
				}
				m->index[m->nindex++] = key;
				m->evlen += a->lens[i];
			} else if (m->arr[k].count &&
			           (spill_write(*f, ",", 1) != 0 ||
			            spill_write(*f, m->arr[k].lead, strlen(m->arr[k].lead)) != 0))
				return -1;
			if (spill_write(*f, e, a->lens[i]) != 0)
				return -1;
			m->arr[k].count++;
			off += a->lens[i];
		}
	}
	return 0;
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

/* Copy a spill file to the sink; 0 or -1. */
static int copy_spill(FILE *f, cli_sink *s)
{
	char buf[65536];
	size_t n;
	if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (cli_sink_write(s, buf, n) != 0)
			return 0; /* the sink reports its own failure */
	return ferror(f) ? -1 : 0;
}

/* Write the events in timeline order from the event spill; 0 or -1. */
static int write_events(cli_merge *m, size_t k, cli_sink *s)
{
	char *buf = NULL;
	size_t cap = 0;
	int rc = 0;
	qsort(m->index, m->nindex, sizeof(*m->index), key_cmp);
	if (fflush(m->evspill) != 0)
		return -1;
	int fd = fileno(m->evspill);
	for (size_t i = 0; i < m->nindex && rc == 0; i++) {
		const cli_event_key *e = &m->index[i];
		if (e->len > cap) {
			char *nb = realloc(buf, e->len);
			if (!nb) {
				rc = -1;
				break;
			}
			buf = nb;
			cap = e->len;
		}
		ssize_t got = pread(fd, buf, e->len, (off_t)e->offset);
		if (got < 0 || (size_t)got != e->len) {
			rc = -1;
			break;
		}
		if (i)
			cli_sink_write(s, ",", 1);
		cli_sink_write(s, i ? m->arr[k].lead : "", i ? strlen(m->arr[k].lead) : 0);
		cli_sink_write(s, buf, e->len);
	}
	free(buf);
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
