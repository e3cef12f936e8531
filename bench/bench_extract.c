/*
 * bench_extract.c - library-only throughput: extraction and normalisation,
 * no output.
 *
 *   bench_extract [--whole] [--chunk BYTES] [--jobs N] [--dct YYYY-MM-DD] FILE
 *
 * Reads FILE in blocks and hands the library one document per chunk of about
 * BYTES (default 1 MiB), cut after the last blank line of the chunk (a
 * paragraph boundary; a chunk without one is cut at its last line break, or at
 * BYTES when it has none, backing off to a UTF-8 character boundary), so that
 * memory stays bounded whatever the size of the file.  --whole parses the
 * file as one document instead.  Each document is parsed against the DCT and
 * freed; nothing is exported.  --jobs N (1..64, default 1) parses the chunks
 * on N threads sharing one parser (the library's parser is read-only once
 * built): the main thread reads and cuts, the workers parse, at most 2N chunks
 * in memory at a time.  Totals do not depend on N.
 *
 * Prints one line to standard output:
 *   bytes=N documents=N timexes=N seconds=S MB/s=R
 * where seconds covers the parsing only (reading included), not the process
 * start.  Exit status: 0 ok, 1 input error, 2 usage error.
 */
#include "timeline.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Totals over all documents. */
struct totals {
	size_t bytes, documents, timexes;
};

/* Seconds on the monotonic clock. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Parse text[0..len) as one document and add to the totals; 0 or -1. */
static int parse_one(struct totals *t, const tl_parser *p, const tl_document_options *o,
                     const char *text, size_t len)
{
	tl_document *doc = NULL;
	if (tl_document_parse(&doc, p, text, len, o) != 0) {
		fprintf(stderr, "bench_extract: %s: byte %zu: %s\n", o->id, t->bytes,
		        tl_error_last());
		return -1;
	}
	t->bytes += len;
	t->documents++;
	t->timexes += tl_document_timex_count(doc);
	tl_document_free(doc);
	return 0;
}

/*
 * Where to cut buf[0..n) (n >= 4096): just after the last "\n\n", else after
 * the last '\n', else after the last ASCII byte, else before the lead byte of
 * the last UTF-8 character; so a cut never splits a character.
 */
static size_t cut_point(const char *buf, size_t n)
{
	const unsigned char *u = (const unsigned char *)buf;
	for (size_t i = n; i >= 2; i--)
		if (u[i - 1] == '\n' && u[i - 2] == '\n')
			return i;
	for (size_t i = n; i >= 1; i--)
		if (u[i - 1] == '\n')
			return i;
	for (size_t i = n; i >= 1; i--)
		if (u[i - 1] < 0x80)
			return i;
	size_t i = n - 1;
	while (i > n - 4 && (u[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/*
 * Read f in chunks of about `chunk` bytes, each cut at cut_point(), and hand
 * each to fn(ctx, text, len) (text is valid during the call only); stops at
 * the end of f, at a read error (reported) or when fn returns non-zero.
 * Returns 0 or -1.
 */
static int read_chunks(FILE *f, size_t chunk, const char *id,
                       int (*fn)(void *ctx, const char *text, size_t len), void *ctx)
{
	char *buf = malloc(chunk + 1);
	size_t have = 0;
	int rc = 0;
	if (!buf) {
		fprintf(stderr, "bench_extract: out of memory\n");
		return -1;
	}
	for (;;) {
		size_t r = fread(buf + have, 1, chunk - have, f);
		have += r;
		int eof = r == 0 || have < chunk;
		if (ferror(f)) {
			fprintf(stderr, "bench_extract: %s: %s\n", id, strerror(errno));
			rc = -1;
			break;
		}
		if (have == 0)
			break;
		size_t cut = eof ? have : cut_point(buf, have);
		if (fn(ctx, buf, cut) != 0) {
			rc = -1;
			break;
		}
		memmove(buf, buf + cut, have - cut);
		have -= cut;
		if (eof && have == 0)
			break;
	}
	free(buf);
	return rc;
}

/* What parse_chunk() needs: where to add, and how to parse. */
struct serial {
	struct totals *t;
	const tl_parser *p;
	const tl_document_options *o;
};

/* read_chunks() callback of the single-thread run: parse the chunk here. */
static int parse_chunk(void *ctx, const char *text, size_t len)
{
	struct serial *s = ctx;
	return parse_one(s->t, s->p, s->o, text, len);
}

/* Stream f in chunks of about `chunk` bytes; 0 or -1. */
static int parse_chunked(struct totals *t, const tl_parser *p, const tl_document_options *o,
                         FILE *f, size_t chunk)
{
	struct serial s = {t, p, o};
	return read_chunks(f, chunk, o->id, parse_chunk, &s);
}

/*
 * The chunk queue of --jobs: a ring of at most `cap` chunks, each owned by the
 * queue until a worker takes it (the worker frees it).  `done` is set by the
 * reader when no more chunks come; `failed` by a worker whose parse failed.
 */
struct queue {
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	char **buf;
	size_t *len, cap, head, count;
	int done, failed;
	const tl_parser *p;
	const tl_document_options *o;
};

/* One worker: parse chunks until the queue is empty and done; its totals. */
struct worker {
	pthread_t th;
	struct queue *q;
	struct totals t;
};

/* Worker thread body: take, parse, free, repeat. */
static void *work(void *arg)
{
	struct worker *w = arg;
	struct queue *q = w->q;
	for (;;) {
		pthread_mutex_lock(&q->mu);
		while (q->count == 0 && !q->done)
			pthread_cond_wait(&q->more, &q->mu);
		if (q->count == 0) {
			pthread_mutex_unlock(&q->mu);
			return NULL;
		}
		char *text = q->buf[q->head];
		size_t len = q->len[q->head];
		q->head = (q->head + 1) % q->cap;
		q->count--;
		pthread_cond_signal(&q->room);
		pthread_mutex_unlock(&q->mu);
		int rc = parse_one(&w->t, q->p, q->o, text, len);
		free(text);
		if (rc != 0) {
			pthread_mutex_lock(&q->mu);
			q->failed = 1;
			pthread_mutex_unlock(&q->mu);
		}
	}
}

/* Hand text (malloc'ed, ownership passes to the queue) to the workers,
 * waiting while the queue is full; 0, or -1 when a worker failed. */
static int enqueue(struct queue *q, char *text, size_t len)
{
	pthread_mutex_lock(&q->mu);
	while (q->count == q->cap && !q->failed)
		pthread_cond_wait(&q->room, &q->mu);
	int failed = q->failed;
	if (!failed) {
		size_t at = (q->head + q->count) % q->cap;
		q->buf[at] = text;
		q->len[at] = len;
		q->count++;
		pthread_cond_signal(&q->more);
	}
	pthread_mutex_unlock(&q->mu);
	if (failed)
		free(text);
	return failed ? -1 : 0;
}

/* read_chunks() callback of --jobs: queue a copy of the chunk; 0 or -1. */
static int enqueue_copy(void *ctx, const char *text, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy) {
		fprintf(stderr, "bench_extract: out of memory\n");
		return -1;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	return enqueue(ctx, copy, len);
}

/* Stream f in chunks of about `chunk` bytes, parsed on `jobs` threads; 0 or -1. */
static int parse_parallel(struct totals *t, const tl_parser *p, const tl_document_options *o,
                          FILE *f, size_t chunk, int jobs)
{
	struct queue q;
	struct worker *w = calloc((size_t)jobs, sizeof(*w));
	int rc = 0, started = 0;
	memset(&q, 0, sizeof(q));
	q.cap = 2 * (size_t)jobs;
	q.buf = calloc(q.cap, sizeof(*q.buf));
	q.len = calloc(q.cap, sizeof(*q.len));
	q.p = p;
	q.o = o;
	if (!w || !q.buf || !q.len) {
		fprintf(stderr, "bench_extract: out of memory\n");
		rc = -1;
		goto out;
	}
	pthread_mutex_init(&q.mu, NULL);
	pthread_cond_init(&q.more, NULL);
	pthread_cond_init(&q.room, NULL);
	for (; started < jobs; started++) {
		w[started].q = &q;
		if (pthread_create(&w[started].th, NULL, work, &w[started]) != 0) {
			fprintf(stderr, "bench_extract: cannot start a thread\n");
			rc = -1;
			break;
		}
	}
	if (rc == 0)
		rc = read_chunks(f, chunk, o->id, enqueue_copy, &q);
	pthread_mutex_lock(&q.mu);
	q.done = 1;
	pthread_cond_broadcast(&q.more);
	pthread_mutex_unlock(&q.mu);
	for (int i = 0; i < started; i++) {
		pthread_join(w[i].th, NULL);
		t->bytes += w[i].t.bytes;
		t->documents += w[i].t.documents;
		t->timexes += w[i].t.timexes;
	}
	while (q.count > 0) { /* left by a failure */
		free(q.buf[q.head]);
		q.head = (q.head + 1) % q.cap;
		q.count--;
	}
	if (q.failed)
		rc = -1;
	pthread_cond_destroy(&q.more);
	pthread_cond_destroy(&q.room);
	pthread_mutex_destroy(&q.mu);
out:
	free(q.buf);
	free(q.len);
	free(w);
	return rc;
}

/* Read the whole of f and parse it as one document; 0 or -1. */
static int parse_whole(struct totals *t, const tl_parser *p, const tl_document_options *o, FILE *f)
{
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (!buf) {
			fprintf(stderr, "bench_extract: out of memory\n");
			return -1;
		}
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		char *nb = cap > ((size_t)-1) / 2 ? NULL : realloc(buf, cap * 2);
		if (!nb)
			free(buf);
		buf = nb;
		cap *= 2;
	}
	int rc = ferror(f) ? -1 : parse_one(t, p, o, buf, n);
	if (ferror(f))
		fprintf(stderr, "bench_extract: %s: %s\n", o->id, strerror(errno));
	free(buf);
	return rc;
}

int main(int argc, char **argv)
{
	tl_document_options o = TL_DOCUMENT_OPTIONS_INIT;
	size_t chunk = 1 << 20;
	int whole = 0, jobs = 1, i;
	const char *dct = "2021-11-05";

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--whole") == 0) {
			whole = 1;
		} else if (strcmp(argv[i], "--chunk") == 0 && i + 1 < argc) {
			char *end;
			unsigned long long v = strtoull(argv[++i], &end, 10);
			if (*end || v < 4096 || v > (1ULL << 30)) {
				fprintf(stderr, "bench_extract: --chunk: 4096..2^30 bytes\n");
				return 2;
			}
			chunk = (size_t)v;
		} else if (strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
			char *end;
			long v = strtol(argv[++i], &end, 10);
			if (*end || v < 1 || v > 64) {
				fprintf(stderr, "bench_extract: --jobs: 1..64\n");
				return 2;
			}
			jobs = (int)v;
		} else if (strcmp(argv[i], "--dct") == 0 && i + 1 < argc) {
			dct = argv[++i];
		} else {
			break;
		}
	}
	if (i + 1 != argc) {
		fprintf(stderr, "usage: bench_extract [--whole] [--chunk BYTES] [--jobs N] "
		                "[--dct YYYY-MM-DD] FILE\n");
		return 2;
	}
	if (tl_date_parse(&o.dct, dct) != 0 || o.dct.day == 0) {
		fprintf(stderr, "bench_extract: --dct: '%s' is not a date\n", dct);
		return 2;
	}
	o.has_dct = 1;
	o.id = argv[i];

	FILE *f = fopen(argv[i], "rb");
	if (!f) {
		fprintf(stderr, "bench_extract: %s: %s\n", argv[i], strerror(errno));
		return 1;
	}
	tl_parser *p = NULL;
	if (tl_parser_new(&p, NULL) != 0) {
		fprintf(stderr, "bench_extract: %s\n", tl_error_last());
		fclose(f);
		return 1;
	}
	struct totals t = {0, 0, 0};
	double t0 = now();
	int rc = whole       ? parse_whole(&t, p, &o, f)
	         : jobs == 1 ? parse_chunked(&t, p, &o, f, chunk)
	                     : parse_parallel(&t, p, &o, f, chunk, jobs);
	double secs = now() - t0;
	fclose(f);
	tl_parser_free(p);
	if (rc != 0)
		return 1;
	printf("bytes=%zu documents=%zu timexes=%zu seconds=%.4f MB/s=%.1f\n", t.bytes, t.documents,
	       t.timexes, secs, secs > 0 ? (double)t.bytes / 1e6 / secs : 0.0);
	return 0;
}
