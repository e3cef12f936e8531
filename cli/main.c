/*
 * main.c - the `timeline` command: prose in, a dated timeline out.
 *
 *   timeline [OPTIONS] [FILE...]
 *
 * The main thread reads documents (input.c), packs them into jobs and hands
 * them to the worker pool (workers.c); it takes the finished jobs back in
 * input order and writes them out (output.c).  Three ways to finish a job:
 *
 *   lines   --format jsonl: each document its own one-line JSON timeline,
 *           written as soon as its job is back (memory stays flat).
 *   stream  --format json: each job is a batch timeline, split into elements
 *           and merged through spill files (merge.c); a run of one batch is
 *           written exactly as the library exports it.
 *   hold    the other formats: documents are added to one timeline, exported
 *           at the end (memory grows with the input).
 *
 * Exit codes: 0 ok, 1 input or output error, 2 usage error.
 */
#include "cli_merge.h"

#include <json-c/json.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MODE_LINES, MODE_STREAM, MODE_HOLD };

/* Lines mode: documents per job (text input) and bytes per job. */
#define LINES_JOB_DOCS 64
#define LINES_JOB_BYTES ((size_t)128 << 10)

/* Lines mode: a document that could not be written, and why. */
typedef struct bad_doc {
	size_t at; /* where its line would have been in the job's output */
	char *msg; /* the message, malloc'd (NULL: out of memory) */
} bad_doc;

typedef struct job job;
struct job {
	size_t seq;
	cli_doc *docs;
	size_t ndoc, cap;
	size_t bytes;
	size_t doc_base; /* index of docs[0] in the run */
	int split;       /* stream mode: split the export into elements */
	cli_block blk;   /* lines mode, JSONL input: whole lines, parsed by the worker */
	/* results */
	int rc;
	char *err;
	char *out;
	size_t outlen, outcap;
	int out_lib;          /* out comes from tl_export(): tl_free() it */
	tl_document **parsed; /* hold mode: the analysed documents, in order */
	size_t nparsed, parsedcap;
	bad_doc *bad; /* lines mode: the documents not written, in order */
	size_t nbad, badcap;
	size_t written;           /* lines mode: documents written */
	uint64_t repaired;        /* bytes replaced by U+FFFD (--replace-invalid) */
	struct json_tokener *tok; /* lines mode: the worker's JSON parser */
	cli_part part;            /* stream mode, when split */
	job *next_spare;          /* lines mode: the list of jobs to reuse */
};

typedef struct run {
	const cli_options *o;
	int mode;
	int blocks; /* JSONL input: jobs are blocks of lines, parsed by the workers */
	tl_parser *parser;
	tl_export_options eo;
	cli_merge *merge;
	cli_stats st;
	cli_sink sink;
	tl_timeline *held; /* hold mode */
	int split_seen;    /* stream mode: some batch was split */
	job *spare;        /* lines mode: finished jobs, kept with their buffers */
	/* stream mode, JSONL blocks: jobs number their documents in turn */
	pthread_mutex_t turn_mu;
	pthread_cond_t turn_cv;
	size_t turn_seq;  /* the job whose turn it is */
	size_t turn_docs; /* documents in the jobs before it */
} run;

/* Let go of what a job holds for its documents; keep its buffers. */
static void job_clear(job *j)
{
	for (size_t i = 0; i < j->ndoc; i++)
		cli_doc_free(&j->docs[i]);
	for (size_t i = 0; i < j->nparsed; i++)
		tl_document_free(j->parsed[i]);
	j->nparsed = 0;
	for (size_t i = 0; i < j->nbad; i++)
		free(j->bad[i].msg);
	free(j->blk.err);
	j->blk.err = NULL;
	free(j->err);
	j->err = NULL;
	j->ndoc = j->bytes = j->nbad = j->written = j->outlen = j->blk.len = 0;
	j->repaired = 0;
	j->rc = 0;
}

/* Free a job and everything it holds. */
static void job_free(job *j)
{
	if (!j)
		return;
	job_clear(j);
	free(j->docs);
	free(j->parsed);
	free(j->bad);
	free(j->blk.buf);
	if (j->out_lib)
		tl_free(j->out);
	else
		free(j->out);
	if (j->tok)
		json_tokener_free(j->tok);
	cli_part_free(&j->part);
	free(j);
}

/*
 * A job to fill: one taken back earlier, with its buffers (lines mode), or a
 * new one.  NULL when out of memory.
 */
static job *job_get(run *r)
{
	job *j = r->spare;
	if (j) {
		r->spare = j->next_spare;
		j->next_spare = NULL;
		return j;
	}
	return calloc(1, sizeof(*j));
}

/*
 * Keep a finished lines-mode job for reuse, so that the main thread neither
 * allocates nor frees on its way through a long input.  Buffers that grew
 * far past a job's usual size (a huge line) are let go, so that memory goes
 * back to what ordinary jobs need.
 */
static void job_recycle(run *r, job *j)
{
	job_clear(j);
	if (j->blk.cap > 4 * LINES_JOB_BYTES) {
		free(j->blk.buf);
		j->blk.buf = NULL;
		j->blk.cap = 0;
	}
	if (j->outcap > 16 * LINES_JOB_BYTES) {
		free(j->out);
		j->out = NULL;
		j->outcap = 0;
	}
	j->next_spare = r->spare;
	r->spare = j;
}

/* Record a failure of the library in a job: its message, with the document id. */
static void job_fail(job *j, int rc, const char *id)
{
	const char *msg = tl_error_last();
	size_t n = strlen(msg) + strlen(id) + 8;
	j->rc = rc ? rc : TL_ERROR;
	free(j->err);
	if ((j->err = malloc(n)) != NULL) {
		if (strncmp(msg, id, strlen(id)) == 0)
			snprintf(j->err, n, "%s", msg);
		else
			snprintf(j->err, n, "%s: %s", id, msg);
	}
}

/* Parse a document with the run's parser and DCT rules. */
static int parse_doc(tl_document **out, const run *r, job *j, const cli_doc *d)
{
	tl_document_options dopts = TL_DOCUMENT_OPTIONS_INIT;
	dopts.id = d->id;
	if (d->has_dct) {
		dopts.has_dct = 1;
		dopts.dct = d->dct;
	} else if (r->o->has_dct) {
		dopts.has_dct = 1;
		dopts.dct = r->o->dct;
	}
	dopts.replace_invalid = r->o->replace_invalid;
	int rc = tl_document_parse(out, r->parser, d->text, d->len, &dopts);
	if (rc != 0)
		job_fail(j, rc, d->id);
	else
		j->repaired += tl_document_repairs(*out, NULL);
	return rc;
}

/* Append s[0..n) to the job's output.  0 or TL_ENOMEM. */
static int out_append(job *j, const char *s, size_t n)
{
	if (j->outlen + n + 1 > j->outcap) {
		size_t c = j->outcap ? j->outcap : 4096;
		while (c < j->outlen + n + 1)
			c *= 2;
		char *p = realloc(j->out, c);
		if (!p)
			return TL_ENOMEM;
		j->out = p;
		j->outcap = c;
	}
	memcpy(j->out + j->outlen, s, n);
	j->outlen += n;
	j->out[j->outlen] = '\0';
	return 0;
}

/* Lines mode: note a document not written (msg malloc'd, or NULL).  0 or -1. */
static int add_bad(job *j, char *msg)
{
	if (j->nbad == j->badcap) {
		size_t c = j->badcap ? j->badcap * 2 : 8;
		bad_doc *nb = realloc(j->bad, c * sizeof(*nb));
		if (!nb) {
			free(msg);
			j->rc = TL_ENOMEM;
			return -1;
		}
		j->bad = nb;
		j->badcap = c;
	}
	j->bad[j->nbad].at = j->outlen;
	j->bad[j->nbad++].msg = msg;
	return 0;
}

/*
 * Lines mode: write one document's one-line JSON timeline into the job's
 * output.  A document the library refuses is noted as bad, with where it
 * came from.  0, or -1 when the job cannot go on (j->rc set).
 */
static int render_doc(run *r, job *j, const cli_doc *d)
{
	tl_document *doc = NULL;
	tl_timeline *tl = NULL;
	char *s = NULL;
	size_t n = 0;
	int rc = parse_doc(&doc, r, j, d);
	if (rc == 0 && (rc = tl_timeline_new(&tl, &r->o->tlopts)) == 0 &&
	    (rc = tl_timeline_add(tl, doc)) == 0)
		doc = NULL; /* the timeline has it */
	if (rc == 0)
		rc = tl_export(&s, &n, tl, TL_FORMAT_JSON, &r->eo);
	if (rc == 0 && out_append(j, s, n) != 0)
		rc = TL_ENOMEM;
	tl_document_free(doc);
	tl_free(s);
	tl_timeline_free(tl);
	if (rc == 0) {
		j->written++;
		return 0;
	}
	if (!j->err)
		job_fail(j, rc, d->id);
	if (rc == TL_ENOMEM) {
		j->rc = rc;
		return -1;
	}
	/* a document the library refuses: a bad document, not the end of the run */
	char *msg = j->err;
	j->err = NULL;
	j->rc = 0;
	if (d->file && msg) { /* say where it came from */
		size_t k = strlen(d->file) + strlen(msg) + 32;
		char *m = malloc(k);
		if (m)
			snprintf(m, k, "%s:%llu: %s", d->file, (unsigned long long)d->line, msg);
		free(msg);
		msg = m;
	}
	return add_bad(j, msg);
}

/*
 * Hold mode: analyse a document into j->parsed; the main thread adds them to
 * the timeline, in order.  0, or -1 when the job cannot go on (j->rc set).
 */
static int hold_doc(run *r, job *j, const cli_doc *d)
{
	if (j->nparsed == j->parsedcap) {
		size_t c = j->parsedcap ? j->parsedcap * 2 : 16;
		tl_document **np = realloc(j->parsed, c * sizeof(*np));
		if (!np) {
			j->rc = TL_ENOMEM;
			return -1;
		}
		j->parsed = np;
		j->parsedcap = c;
	}
	if (parse_doc(&j->parsed[j->nparsed], r, j, d) != 0)
		return -1;
	j->nparsed++;
	return 0;
}

/* Hold mode: analyse the job's documents. */
static void work_hold(run *r, job *j)
{
	for (size_t i = 0; i < j->ndoc; i++) {
		if (hold_doc(r, j, &j->docs[i]) != 0)
			return;
		free(j->docs[i].text);
		j->docs[i].text = NULL;
	}
}

/* Add a parsed document to a job (it takes the doc over).  0 or -1. */
static int job_push(job *j, cli_doc *d)
{
	if (j->ndoc == j->cap) {
		size_t c = j->cap ? j->cap * 2 : 8;
		cli_doc *nd = realloc(j->docs, c * sizeof(*nd));
		if (!nd)
			return -1;
		j->docs = nd;
		j->cap = c;
	}
	j->docs[j->ndoc++] = *d;
	j->bytes += d->len;
	return 0;
}

/*
 * Parse one JSONL line of a block, line `line` at byte `off`, and deal with
 * the document: render it (lines mode), analyse it (hold mode) or keep it
 * for the batch (stream mode).  A bad line is noted.
 */
static void block_line(run *r, job *j, const char *s, size_t n, uint64_t line, uint64_t off)
{
	const char *file = j->blk.file;
	char *err = NULL;
	cli_doc d;
	int rc;
	if (n > CLI_MAX_LINE) {
		size_t k = strlen(file) + 48;
		rc = -1;
		if ((err = malloc(k)) != NULL)
			snprintf(err, k, "%s:%llu: line longer than 64 MiB", file,
			         (unsigned long long)line);
	} else
		rc = cli_jsonl_parse(&d, j->tok, file, line, off, s, n, &err);
	if (rc == -2 || (rc == -1 && !err)) {
		j->rc = TL_ENOMEM;
		return;
	}
	if (rc == -1) {
		add_bad(j, err);
		return;
	}
	if (rc == 0)
		return; /* a blank line */
	d.file = file;
	d.line = line;
	if (r->mode == MODE_STREAM) {
		if (job_push(j, &d) != 0) {
			cli_doc_free(&d);
			j->rc = TL_ENOMEM;
		}
		return;
	}
	if (r->mode == MODE_LINES)
		render_doc(r, j, &d);
	else
		hold_doc(r, j, &d);
	cli_doc_free(&d);
}

/*
 * JSONL input: parse each line of the job's block and deal with it (see
 * block_line).  Bad lines are noted in order; under --on-error fail the
 * job stops at the first, since the run ends there.
 */
static void parse_block(run *r, job *j)
{
	const cli_block *b = &j->blk;
	uint64_t line = b->line;
	size_t pos = 0;
	if (b->err || b->len == 0)
		return; /* a line too long to read: the main thread reports it */
	if (!j->tok && !(j->tok = json_tokener_new())) {
		j->rc = TL_ENOMEM;
		return;
	}
	while (pos < b->len && j->rc == 0) {
		const char *s = b->buf + pos, *nl = memchr(s, '\n', b->len - pos);
		size_t n = nl ? (size_t)(nl - s) : b->len - pos;
		size_t bad0 = j->nbad;
		block_line(r, j, s, n, line, b->offset + pos);
		if (j->nbad > bad0 && !r->o->skip_bad)
			break;
		pos += n + 1;
		line++;
	}
}

/*
 * Stream mode, JSONL blocks: the number of the job's first document in the
 * run, once every earlier job has counted its own.  Jobs start in push
 * order and count their documents first thing, so the wait is short; every
 * job must come here exactly once, or the next would wait for ever.
 */
static void take_turn(run *r, job *j)
{
	pthread_mutex_lock(&r->turn_mu);
	while (r->turn_seq != j->seq)
		pthread_cond_wait(&r->turn_cv, &r->turn_mu);
	j->doc_base = r->turn_docs;
	r->turn_docs += j->ndoc;
	r->turn_seq++;
	pthread_cond_broadcast(&r->turn_cv);
	pthread_mutex_unlock(&r->turn_mu);
}

/* Lines mode, other inputs: render the job's documents. */
static void work_lines(run *r, job *j)
{
	for (size_t i = 0; i < j->ndoc && j->rc == 0; i++) {
		size_t bad0 = j->nbad;
		render_doc(r, j, &j->docs[i]);
		free(j->docs[i].text); /* done with it */
		j->docs[i].text = NULL;
		if (j->nbad > bad0 && !r->o->skip_bad)
			break;
	}
}

/*
 * Lines and hold modes: report a job's bad lines and documents in order on
 * stderr (under --on-error fail the run stops at the first); in lines mode
 * write the job's lines around them, so that the lines before the first bad
 * one are written.  0 or CLI_EXIT_INPUT.
 */
static int collect_lines(run *r, job *j)
{
	int lines = r->mode == MODE_LINES;
	size_t start = 0;
	if (j->blk.err) { /* a line too long to read */
		cli_error("%s", j->blk.err);
		if (!r->o->skip_bad)
			return CLI_EXIT_INPUT;
		r->st.bad++;
	}
	for (size_t i = 0; i < j->nbad; i++) {
		if (lines)
			cli_sink_write(&r->sink, j->out + start, j->bad[i].at - start);
		start = j->bad[i].at;
		cli_error("%s", j->bad[i].msg ? j->bad[i].msg : "out of memory");
		if (!r->o->skip_bad)
			return CLI_EXIT_INPUT;
		r->st.bad++;
	}
	if (lines)
		cli_sink_write(&r->sink, j->out + start, j->outlen - start);
	r->st.docs_out += j->written;
	return 0;
}

/* Stream mode: the job's documents as one batch timeline, exported. */
static void work_stream(run *r, job *j)
{
	tl_timeline *tl = NULL;
	int rc = tl_timeline_new(&tl, &r->o->tlopts);
	if (rc != 0) {
		job_fail(j, rc, "batch");
		return;
	}
	for (size_t i = 0; i < j->ndoc; i++) {
		tl_document *doc = NULL;
		if (parse_doc(&doc, r, j, &j->docs[i]) != 0)
			goto done;
		if ((rc = tl_timeline_add(tl, doc)) != 0) {
			tl_document_free(doc);
			job_fail(j, rc, j->docs[i].id);
			goto done;
		}
		/* the text is in the document now: let the input copy go */
		free(j->docs[i].text);
		j->docs[i].text = NULL;
	}
	j->out_lib = 1;
	if ((rc = tl_export(&j->out, &j->outlen, tl, TL_FORMAT_JSON, &r->eo)) != 0) {
		job_fail(j, rc, j->ndoc ? j->docs[0].id : "batch");
		goto done;
	}
	if (j->split) {
		if (cli_merge_split(&j->part, r->merge, tl, j->out, j->doc_base) != 0) {
			j->rc = TL_ENOMEM;
			goto done;
		}
		tl_free(j->out);
		j->out = NULL;
	}
done:
	tl_timeline_free(tl);
}

/* The worker function: run one job. */
static void work(void *jp, void *ctx)
{
	run *r = ctx;
	job *j = jp;
	if (r->blocks) {
		parse_block(r, j);
		if (r->mode != MODE_STREAM)
			return;
		take_turn(r, j);
		/* a batch with no documents, or one the run stops at, is not analysed */
		if (j->rc == 0 && j->ndoc && (j->nbad == 0 || r->o->skip_bad))
			work_stream(r, j);
	} else if (r->mode == MODE_LINES)
		work_lines(r, j);
	else if (r->mode == MODE_STREAM)
		work_stream(r, j);
	else
		work_hold(r, j);
}

/* Take a finished job back (main thread, input order).  0 or an exit code. */
static int collect(run *r, job *j)
{
	int status = 0;
	r->st.repaired += j->repaired;
	if (j->rc != 0) {
		cli_error("%s", j->err ? j->err : tl_strerror(j->rc));
		job_free(j);
		return CLI_EXIT_INPUT;
	}
	if (r->mode == MODE_LINES) {
		status = collect_lines(r, j);
		job_recycle(r, j);
		if (status == 0 && r->sink.failed)
			status = CLI_EXIT_INPUT;
		cli_progress_tick();
		return status;
	}
	if (r->mode == MODE_STREAM && r->blocks && (status = collect_lines(r, j)) != 0) {
		job_free(j); /* a bad line under --on-error fail */
		return status;
	}
	if (r->mode == MODE_STREAM && j->ndoc == 0) {
		/* a block of blank or bad lines: nothing to add */
	} else if (r->mode == MODE_STREAM && !j->split) {
		cli_sink_write(&r->sink, j->out, j->outlen);
	} else if (r->mode == MODE_STREAM) {
		if (cli_merge_add(r->merge, &j->part, j->seq) != 0) {
			cli_error("temporary file: %s", strerror(errno ? errno : ENOMEM));
			status = CLI_EXIT_INPUT;
		}
	} else {
		status = collect_lines(r, j); /* bad lines of a block */
		for (size_t i = 0; i < j->nparsed && status == 0; i++) {
			if (tl_timeline_add(r->held, j->parsed[i]) != 0) {
				cli_error("%s", tl_error_last());
				status = CLI_EXIT_INPUT;
			} else {
				j->parsed[i] = NULL;
				r->st.docs_out++;
			}
		}
		job_recycle(r, j);
		if (status == 0 && r->sink.failed)
			status = CLI_EXIT_INPUT;
		cli_progress_tick();
		return status;
	}
	r->st.docs_out += j->ndoc;
	job_free(j);
	if (status == 0 && r->sink.failed)
		status = CLI_EXIT_INPUT; /* reported at the end */
	cli_progress_tick();
	return status;
}

/* Hand a job to the pool, taking finished ones back first.  0 or an exit code. */
static int submit(run *r, cli_pool *pool, job *j)
{
	int status = 0;
	void *done;
	while (status == 0 && cli_pool_full(pool))
		status = collect(r, cli_pool_pop(pool, 1));
	if (status != 0) {
		job_free(j);
		return status;
	}
	cli_pool_push(pool, j);
	while (status == 0 && (done = cli_pool_pop(pool, 0)) != NULL)
		status = collect(r, done);
	return status;
}

/* Is the job under construction full? */
static int job_full(const run *r, const job *j)
{
	if (r->mode == MODE_LINES)
		return j->ndoc >= LINES_JOB_DOCS || j->bytes >= LINES_JOB_BYTES;
	return j->bytes >= r->o->segment_size;
}

/* Add a document to the job under construction (made when *jp is NULL).  0 or -1. */
static int job_add(run *r, job **jp, cli_doc *d, size_t ndocs)
{
	job *j = *jp;
	if (!j && !(j = *jp = job_get(r)))
		return -1;
	if (j->ndoc == 0)
		j->doc_base = ndocs;
	return job_push(j, d);
}

/*
 * Read every input, hand out jobs, take them back in order.  0 or an exit
 * code.  When the input goes wrong in lines mode, everything read before the
 * fault is still processed and written, so that what comes out before the
 * error does not depend on the number of threads.
 */
static int process(run *r, cli_pool *pool)
{
	int in_status = 0, status = 0, nfiles = r->o->nfiles ? r->o->nfiles : 1;
	size_t seq = 0, ndocs = 0;
	/* blocks of lines: about S bytes a batch of the merged timeline */
	size_t block = r->mode == MODE_STREAM ? r->o->segment_size : LINES_JOB_BYTES;
	job *j = NULL; /* the job being filled, or the block read last */
	for (int f = 0; f < nfiles && in_status == 0 && status == 0; f++) {
		cli_reader *rd = NULL;
		in_status = cli_reader_open(&rd, r->o->nfiles ? r->o->files[f] : "-", r->o, &r->st);
		while (in_status == 0 && status == 0 && r->blocks) {
			job *b = job_get(r);
			int got = b ? cli_reader_block(rd, &b->blk, block) : -2;
			if (got <= 0) {
				if (got == -2)
					cli_error("out of memory");
				if (got < 0)
					in_status = CLI_EXIT_INPUT;
				job_free(b);
				break;
			}
			if (r->mode != MODE_STREAM) {
				b->seq = seq++;
				status = submit(r, pool, b);
				continue;
			}
			/* stream mode: the block before this one is not the last, so
			 * its batch is split for the merge; hand it out */
			if (j) {
				j->seq = seq++;
				j->split = 1;
				r->split_seen = 1;
				status = submit(r, pool, j);
			}
			j = b;
		}
		while (in_status == 0 && status == 0 && !r->blocks) {
			cli_doc d;
			int got = cli_reader_next(rd, &d);
			if (got < 0)
				in_status = CLI_EXIT_INPUT;
			if (got <= 0)
				break;
			if (job_add(r, &j, &d, ndocs) != 0) {
				cli_doc_free(&d);
				cli_error("out of memory");
				in_status = CLI_EXIT_INPUT;
				break;
			}
			ndocs++;
			if (job_full(r, j)) {
				j->seq = seq++;
				j->split = 1;
				r->split_seen = 1;
				status = submit(r, pool, j);
				j = NULL;
			}
		}
		cli_reader_close(rd);
	}
	/* After an input error only lines mode writes what came before it: a
	 * merged timeline is written whole or not at all. */
	if (status == 0 && j && (in_status == 0 || r->mode == MODE_LINES)) {
		j->seq = seq++;
		j->split = r->split_seen;
		status = submit(r, pool, j);
		j = NULL;
	}
	job_free(j);
	/* take back what is still in flight, in order, even after a failure */
	void *done;
	while ((done = cli_pool_pop(pool, 1)) != NULL) {
		if (status == 0)
			status = collect(r, done);
		else
			job_free(done);
	}
	return status ? status : in_status;
}

/* Write what is left to write once all jobs are back.  0 or an exit code. */
static int finish(run *r)
{
	if (r->mode == MODE_STREAM) {
		if (r->split_seen)
			return cli_merge_finish(r->merge, &r->sink) == 0 ? 0 : CLI_EXIT_INPUT;
		if (r->st.docs_out == 0)
			cli_sink_write(&r->sink, r->merge->empty, r->merge->empty_len);
		return 0;
	}
	if (r->mode == MODE_HOLD) {
		char *s = NULL;
		size_t n = 0;
		if (tl_export(&s, &n, r->held, r->o->format, &r->eo) != 0) {
			cli_error("%s", tl_error_last());
			return CLI_EXIT_INPUT;
		}
		cli_sink_write(&r->sink, s, n);
		tl_free(s);
	}
	return 0;
}

/* Sum of the sizes of the inputs when all are regular files, else 0. */
static uint64_t total_size(const cli_options *o)
{
	uint64_t sum = 0;
	for (int i = 0; i < o->nfiles; i++) {
		struct stat sb;
		if (strcmp(o->files[i], "-") == 0 || stat(o->files[i], &sb) != 0 ||
		    !S_ISREG(sb.st_mode))
			return 0;
		sum += (uint64_t)sb.st_size;
	}
	return sum;
}

int main(int argc, char **argv)
{
	cli_options o;
	run r;
	cli_pool *pool = NULL;
	cli_cpu cpu;
	int status = cli_options_parse(&o, argc, argv);
	if (status >= 0)
		return status;

	memset(&r, 0, sizeof(r));
	memset(&cpu, 0, sizeof(cpu));
	r.o = &o;
	tl_export_options_init(&r.eo, TL_EXPORT_OPTIONS_VERSION);
	if (o.jsonl_out) {
		r.mode = MODE_LINES;
		r.eo.pretty = 0;
	} else if (o.format == TL_FORMAT_JSON && cli_merge_new(&r.merge, &r.eo) == 0) {
		r.mode = MODE_STREAM;
	} else
		r.mode = MODE_HOLD;
	r.blocks = o.input_format == CLI_IN_JSONL; /* the workers parse the lines */
	pthread_mutex_init(&r.turn_mu, NULL);
	pthread_cond_init(&r.turn_cv, NULL);
	r.st.bytes_total = total_size(&o);

	if (tl_parser_new(&r.parser, NULL) != 0 ||
	    (r.mode == MODE_HOLD && tl_timeline_new(&r.held, &o.tlopts) != 0)) {
		cli_error("%s", tl_error_last());
		status = CLI_EXIT_INPUT;
	} else if ((status = cli_sink_open(&r.sink, o.output)) == 0) {
		cli_progress_init(&r.st, o.quiet);
		/* 4N + 2 jobs in flight: while one worker is off its core (a busy
		 * machine) and the oldest job waits for it, the others find
		 * about three jobs each to go on with */
		if (cli_pool_new(&pool, o.jobs > 1 ? o.jobs : 0, (size_t)o.jobs * 4 + 2, work,
		                 &r) != 0)
			status = CLI_EXIT_INPUT;
		if (status == 0)
			status = process(&r, pool);
		cli_pool_free(pool, &cpu);
		if (status == 0)
			status = finish(&r);
		cli_progress_done();
		if (status == 0)
			status = cli_sink_commit(&r.sink);
		else {
			if (r.sink.failed)
				cli_sink_report(&r.sink);
			cli_sink_abort(&r.sink);
		}
	}
	if (r.st.bad && !o.quiet)
		fprintf(stderr, "timeline: %llu document%s written, %llu bad line%s skipped\n",
		        (unsigned long long)r.st.docs_out, r.st.docs_out == 1 ? "" : "s",
		        (unsigned long long)r.st.bad, r.st.bad == 1 ? "" : "s");
	if (r.st.repaired) /* even with --quiet: the text was changed */
		fprintf(stderr,
		        "timeline: %llu invalid UTF-8 sequence%s or NUL byte%s replaced by U+FFFD; "
		        "the first: %s\n",
		        (unsigned long long)r.st.repaired, r.st.repaired == 1 ? "" : "s",
		        r.st.repaired == 1 ? "" : "s",
		        r.st.first_repair ? r.st.first_repair : "(unknown)");
	free(r.st.first_repair);
	while (r.spare) {
		job *j = r.spare;
		r.spare = j->next_spare;
		job_free(j);
	}
	pthread_mutex_destroy(&r.turn_mu);
	pthread_cond_destroy(&r.turn_cv);
	tl_timeline_free(r.held);
	cli_merge_free(r.merge);
	tl_parser_free(r.parser);
	if (o.stats)
		cli_cpu_report(&cpu, cli_thread_cpu());
	return status;
}
