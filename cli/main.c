/*
 * main.c - the `timeline` command: prose in, a dated timeline out.
 *
 *   timeline [OPTIONS] [FILE...]
 *
 * The main thread reads documents (input.c), packs them into jobs and hands
 * them to the worker pool (workers.c), which runs them (jobs.c); it takes the
 * finished jobs back in input order and writes them out (output.c).  Three ways to finish a job:
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
#include "cli_job.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Freed memory malloc keeps for the next batches (see tune_malloc()). */
#define KEEP_FREE ((size_t)64 << 20)
/* Blocks at least this large come straight from the system and go back to it. */
#define MMAP_FROM ((size_t)32 << 20)

/*
 * Lines and hold modes: report a job's bad lines and documents in order on
 * stderr (under --on-error fail the run stops at the first); in lines mode
 * write the job's lines around them, so that the lines before the first bad
 * one are written.  0 or CLI_EXIT_INPUT.
 */
static int collect_lines(cli_run *r, cli_job *j)
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

/* Take a finished job back (main thread, input order).  0 or an exit code. */
static int collect(cli_run *r, cli_job *j)
{
	int status = 0;
	r->st.repaired += j->repaired;
	if (j->rc != 0) {
		cli_error("%s", j->err ? j->err : tl_strerror(j->rc));
		cli_job_free(j);
		return CLI_EXIT_INPUT;
	}
	if (r->mode == MODE_LINES) {
		status = collect_lines(r, j);
		cli_job_recycle(r, j);
		if (status == 0 && r->sink.failed)
			status = CLI_EXIT_INPUT;
		cli_progress_tick();
		return status;
	}
	if (r->mode == MODE_STREAM && r->blocks && (status = collect_lines(r, j)) != 0) {
		cli_job_free(j); /* a bad line under --on-error fail */
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
		cli_job_recycle(r, j);
		if (status == 0 && r->sink.failed)
			status = CLI_EXIT_INPUT;
		cli_progress_tick();
		return status;
	}
	r->st.docs_out += j->ndoc;
	cli_job_free(j);
	if (status == 0 && r->sink.failed)
		status = CLI_EXIT_INPUT; /* reported at the end */
	cli_progress_tick();
	return status;
}

/* Hand a job to the pool, taking finished ones back first.  0 or an exit code. */
static int submit(cli_run *r, cli_pool *pool, cli_job *j)
{
	int status = 0;
	void *done;
	while (status == 0 && cli_pool_full(pool))
		status = collect(r, cli_pool_pop(pool, 1));
	if (status != 0) {
		cli_job_free(j);
		return status;
	}
	cli_pool_push(pool, j);
	while (status == 0 && (done = cli_pool_pop(pool, 0)) != NULL)
		status = collect(r, done);
	return status;
}

/* Is the job under construction full? */
static int job_full(const cli_run *r, const cli_job *j)
{
	if (r->mode == MODE_LINES)
		return j->ndoc >= LINES_JOB_DOCS || j->bytes >= LINES_JOB_BYTES;
	return j->bytes >= r->o->segment_size;
}

/* Add a document to the job under construction (made when *jp is NULL).  0 or -1. */
static int job_add(cli_run *r, cli_job **jp, cli_doc *d, size_t ndocs)
{
	cli_job *j = *jp;
	if (!j && !(j = *jp = cli_job_get(r)))
		return -1;
	if (j->ndoc == 0)
		j->doc_base = ndocs;
	return cli_job_push(j, d);
}

/*
 * Read every input, hand out jobs, take them back in order.  0 or an exit
 * code.  When the input goes wrong in lines mode, everything read before the
 * fault is still processed and written, so that what comes out before the
 * error does not depend on the number of threads.
 */
static int process(cli_run *r, cli_pool *pool)
{
	int in_status = 0, status = 0, nfiles = r->o->nfiles ? r->o->nfiles : 1;
	size_t seq = 0, ndocs = 0;
	/* blocks of lines: about S bytes a batch of the merged timeline */
	size_t block = r->mode == MODE_STREAM ? r->o->segment_size : LINES_JOB_BYTES;
	cli_job *j = NULL; /* the job being filled, or the block read last */
	for (int f = 0; f < nfiles && in_status == 0 && status == 0; f++) {
		cli_reader *rd = NULL;
		in_status = cli_reader_open(&rd, r->o->nfiles ? r->o->files[f] : "-", r->o, &r->st);
		while (in_status == 0 && status == 0 && r->blocks) {
			cli_job *b = cli_job_get(r);
			int got = b ? cli_reader_block(rd, &b->blk, block) : -2;
			if (got <= 0) {
				if (got == -2)
					cli_error("out of memory");
				if (got < 0)
					in_status = CLI_EXIT_INPUT;
				cli_job_free(b);
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
	cli_job_free(j);
	/* take back what is still in flight, in order, even after a failure */
	void *done;
	while ((done = cli_pool_pop(pool, 1)) != NULL) {
		if (status == 0)
			status = collect(r, done);
		else
			cli_job_free(done);
	}
	return status ? status : in_status;
}

/* Write what is left to write once all jobs are back.  0 or an exit code. */
static int finish(cli_run *r)
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

/*
 * With glibc, keep the memory a batch frees for the next one.  By default
 * glibc gives the large blocks of a batch (the analysis's arrays, the
 * export) back to the system as they are freed, or trims them off the
 * heap, and the next batch faults the same amount in again, page by page:
 * on date-dense text most of the system time of a run.  Here blocks below
 * MMAP_FROM come from the heap, and up to KEEP_FREE bytes of free memory at
 * its top stay there; so a batch reuses what the one before it had, and a
 * giant batch (larger blocks, mapped on their own) does not pin its memory
 * for the rest of the run.  The peak is the same: it is what one batch
 * needs.  A user's own MALLOC_* or GLIBC_TUNABLES settings win.
 */
static void tune_malloc(void)
{
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
	if (getenv("GLIBC_TUNABLES") || getenv("MALLOC_TRIM_THRESHOLD_") ||
	    getenv("MALLOC_MMAP_THRESHOLD_") || getenv("MALLOC_TOP_PAD_"))
		return;
	mallopt(M_MMAP_THRESHOLD, (int)MMAP_FROM);
	mallopt(M_TRIM_THRESHOLD, (int)KEEP_FREE);
#endif
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

/*
 * Standard input, output or error closed by the caller (`timeline <&-`,
 * `2>&-`): hold the descriptor on the root directory, read-only, so that no
 * file of the run takes its number (an -o temporary file on descriptor 2
 * would get the error messages, on descriptor 0 it would be read as the
 * input), writing it fails with EBADF as it would have, and reopening it
 * (-o /dev/stdout, /dev/stdin) fails too, where /dev/null would take
 * everything silently.  Reading a closed standard input is refused by the
 * reader (cli_stdin_closed).  0, or -1 when a descriptor could not be held.
 */
static int hold_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		int held = open("/", O_RDONLY | O_DIRECTORY);
		if (held != fd) {
			if (held >= 0)
				close(held);
			return -1;
		}
		if (fd == 0)
			cli_stdin_closed = 1;
	}
	return 0;
}

/* The identity of a regular file (stat() of path, or fstat() of fd when path
 * is NULL); 0 when it is one, else -1. */
static int regular_id(struct stat *sb, const char *path, int fd)
{
	int rc = path ? stat(path, sb) : fstat(fd, sb);
	return rc == 0 && S_ISREG(sb->st_mode) ? 0 : -1;
}

/*
 * Refuse an input that is also the output (-o FILE, or standard output
 * redirected to a regular file): the run would replace it, or read what it
 * writes.  Symbolic and hard links are seen through (same device and inode).
 * 0, or CLI_EXIT_INPUT after reporting it.
 */
static int input_is_output(const cli_options *o)
{
	struct stat out, in;
	if (regular_id(&out, o->output, STDOUT_FILENO) != 0)
		return 0; /* a new file, a device, a pipe or a terminal */
	for (int i = 0; i < (o->nfiles ? o->nfiles : 1); i++) {
		const char *f = o->nfiles ? o->files[i] : "-";
		int is_stdin = strcmp(f, "-") == 0;
		if (regular_id(&in, is_stdin ? NULL : f, STDIN_FILENO) == 0 &&
		    in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
			cli_error(
			    "%s: the input is also the output (%s): write the output elsewhere",
			    is_stdin ? "stdin" : f, o->output ? o->output : "standard output");
			return CLI_EXIT_INPUT;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	cli_options o;
	cli_run r;
	cli_pool *pool = NULL;
	cli_cpu cpu;
	if (hold_std_fds() != 0) {
		cli_error("/: %s", strerror(errno ? errno : EBADF));
		return CLI_EXIT_INPUT;
	}
	int status = cli_options_parse(&o, argc, argv);
	if (status >= 0)
		return status;
	if ((status = input_is_output(&o)) != 0)
		return status;

	tune_malloc(); /* before any thread starts */
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
		if (cli_pool_new(&pool, o.jobs > 1 ? o.jobs : 0, (size_t)o.jobs * 4 + 2,
		                 cli_job_run, &r) != 0)
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
		cli_job *j = r.spare;
		r.spare = j->next_spare;
		cli_job_free(j);
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
