/*
 * cli_job.h - a job of the `timeline` command and what runs it (jobs.c).
 *
 * A job is a piece of the input: documents, or a block of JSONL lines.  The
 * main thread (main.c) fills jobs and hands them to the pool; a worker runs
 * cli_job_run() on each: it parses the lines of a block, analyses the
 * documents, and renders them (lines mode), keeps them for the main thread
 * to add to one timeline (hold mode), or exports them as a batch timeline
 * split for the merge (stream mode).  The main thread takes the jobs back in
 * order (main.c) and reuses them with their buffers.
 */
#ifndef TL_CLI_JOB_H
#define TL_CLI_JOB_H

#include "cli_merge.h"

#include <pthread.h>

enum { MODE_LINES, MODE_STREAM, MODE_HOLD };

/* Lines mode: documents per job (text input) and bytes per job. */
#define LINES_JOB_DOCS 64
#define LINES_JOB_BYTES ((size_t)128 << 10)

/* Lines mode: a document that could not be written, and why. */
typedef struct bad_doc {
	size_t at; /* where its line would have been in the job's output */
	char *msg; /* the message, malloc'd (NULL: out of memory) */
} bad_doc;

typedef struct cli_job cli_job;

struct cli_job {
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
	cli_job *next_spare;      /* lines mode: the list of jobs to reuse */
};

typedef struct cli_run {
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
	cli_job *spare;    /* lines mode: finished jobs, kept with their buffers */
	/* stream mode, JSONL blocks: jobs number their documents in turn */
	pthread_mutex_t turn_mu;
	pthread_cond_t turn_cv;
	size_t turn_seq;  /* the job whose turn it is */
	size_t turn_docs; /* documents in the jobs before it */
} cli_run;

/** Free a job and everything it holds; NULL is a no-op. */
void cli_job_free(cli_job *j);

/** A job to fill: one kept for reuse, with its buffers, or a new one.  NULL when out of memory. */
cli_job *cli_job_get(cli_run *r);

/** Keep a finished job (lines and hold modes) for reuse; see jobs.c. */
void cli_job_recycle(cli_run *r, cli_job *j);

/** Add a document to a job, which takes it over.  0, or -1 when out of memory. */
int cli_job_push(cli_job *j, cli_doc *d);

/** The worker function of the pool: run job jp of run ctx (a cli_run). */
void cli_job_run(void *jp, void *ctx);

#endif
