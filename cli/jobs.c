/*
 * jobs.c - what a worker does with a job (see cli_job.h and docs/cli.md).
 *
 * Everything here runs on a worker thread (or inline with -j 1) and touches
 * only its own job, the shared read-only parser and options, and, in stream
 * mode with JSONL input, the run's turn counter under its own lock.
 */
#include "cli_job.h"

#include <json-c/json.h>

#include <stdlib.h>
#include <string.h>

/* Let go of what a job holds for its documents; keep its buffers. */
static void job_clear(cli_job *j)
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
void cli_job_free(cli_job *j)
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
cli_job *cli_job_get(cli_run *r)
{
	cli_job *j = r->spare;
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
void cli_job_recycle(cli_run *r, cli_job *j)
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
static void job_fail(cli_job *j, int rc, const char *id)
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
static int parse_doc(tl_document **out, const cli_run *r, cli_job *j, const cli_doc *d)
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
static int out_append(cli_job *j, const char *s, size_t n)
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
static int add_bad(cli_job *j, char *msg)
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
static int render_doc(cli_run *r, cli_job *j, const cli_doc *d)
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
static int hold_doc(cli_run *r, cli_job *j, const cli_doc *d)
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
static void work_hold(cli_run *r, cli_job *j)
{
	for (size_t i = 0; i < j->ndoc; i++) {
		if (hold_doc(r, j, &j->docs[i]) != 0)
			return;
		free(j->docs[i].text);
		j->docs[i].text = NULL;
	}
}

/* Add a parsed document to a job (it takes the doc over).  0 or -1. */
int cli_job_push(cli_job *j, cli_doc *d)
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
static void block_line(cli_run *r, cli_job *j, const char *s, size_t n, uint64_t line, uint64_t off)
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
		if (cli_job_push(j, &d) != 0) {
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
static void parse_block(cli_run *r, cli_job *j)
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
static void take_turn(cli_run *r, cli_job *j)
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
static void work_lines(cli_run *r, cli_job *j)
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

/* Stream mode: the job's documents as one batch timeline, exported. */
static void work_stream(cli_run *r, cli_job *j)
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
	if (j->split) {
		if ((rc = cli_merge_export(&j->part, r->merge, tl, &r->eo, j->doc_base)) != 0) {
			if (rc == TL_ENOMEM)
				j->rc = TL_ENOMEM;
			else
				job_fail(j, rc, j->ndoc ? j->docs[0].id : "batch");
			goto done;
		}
	} else {
		j->out_lib = 1;
		if ((rc = tl_export(&j->out, &j->outlen, tl, TL_FORMAT_JSON, &r->eo)) != 0) {
			job_fail(j, rc, j->ndoc ? j->docs[0].id : "batch");
			goto done;
		}
	}
done:
	tl_timeline_free(tl);
}

/* The worker function: run one job (see cli_job.h). */
void cli_job_run(void *jp, void *ctx)
{
	cli_run *r = ctx;
	cli_job *j = jp;
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
