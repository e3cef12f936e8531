/*
 * cli.h - what the parts of the `timeline` command share.
 *
 * The command is a small pipeline:
 *
 *   options.c   command line -> cli_options
 *   input.c     files -> cli_doc (text segments, JSONL lines, TimeML files)
 *   text.c      what the library would refuse in a text (UTF-8, NUL, BOM)
 *   workers.c   a pool of threads over an ordered, bounded window of jobs
 *   merge.c     the merged JSON timeline, streamed through spill files
 *   output.c    standard output or an atomic -o file; broken pipes
 *   progress.c  the progress line and the final summary on stderr
 *   main.c      wiring: read, hand out, collect in order, write
 *
 * Exit codes: CLI_EXIT_OK 0, CLI_EXIT_INPUT 1 (input or output error),
 * CLI_EXIT_USAGE 2.
 */
#ifndef TL_CLI_H
#define TL_CLI_H

#include "timeline.h"

#include <stdint.h>
#include <stdio.h>
#include <sys/uio.h>

enum { CLI_EXIT_OK = 0, CLI_EXIT_INPUT = 1, CLI_EXIT_USAGE = 2 };

/* ---- options (options.c) ------------------------------------------------ */

typedef enum cli_input_format { CLI_IN_TEXT, CLI_IN_TIMEML, CLI_IN_JSONL } cli_input_format;

typedef struct cli_options {
	cli_input_format input_format;
	int jsonl_out;      /* --format jsonl: one line per document */
	tl_format format;   /* the format otherwise */
	const char *output; /* -o FILE, or NULL for standard output */
	int has_dct;        /* --dct given */
	tl_date dct;
	int skip_bad;               /* --on-error skip (default: fail) */
	int jobs;                   /* -j N: worker threads (1: none) */
	int quiet;                  /* --quiet: no progress line, no summary */
	int stats;                  /* --stats: CPU time per thread on stderr */
	int replace_invalid;        /* --replace-invalid: bad bytes become U+FFFD */
	size_t segment_size;        /* --segment-size: text cut near this many bytes */
	tl_timeline_options tlopts; /* --from, --to, --min-granularity */
	char **files;               /* FILE... ("-" is standard input) */
	int nfiles;
} cli_options;

/**
 * Parse the command line into *o.  Returns -1 to go on, or an exit code when
 * the command is done (--help, --version: 0; a usage error, reported on
 * stderr: 2).
 */
int cli_options_parse(cli_options *o, int argc, char **argv);

/* ---- documents and readers (input.c) ------------------------------------ */

/**
 * The largest --segment-size: a text segment holds up to twice as many
 * bytes, and a document at most TL_DOCUMENT_MAX_BYTES.
 */
#define CLI_MAX_SEGMENT (TL_DOCUMENT_MAX_BYTES / 2)

/** The longest JSONL line accepted, in bytes (without its newline). */
#define CLI_MAX_LINE ((size_t)64 << 20)

/**
 * One document to analyse.  id and text are malloc'd and owned by the doc;
 * file and line say where it came from (file NULL: not from a JSONL line).
 */
typedef struct cli_doc {
	char *id;
	char *text;
	size_t len;
	int has_dct; /* a DCT of its own (JSONL "dct", TimeML DCT) */
	tl_date dct;
	const char *file; /* the reader's name: a static string or an argv entry */
	uint64_t line;
} cli_doc;

void cli_doc_free(cli_doc *d);

struct json_tokener;

/**
 * Parse one JSONL line s[0..n) (no newline), line `line` of file `name`
 * starting at byte `off`, into *doc (caller owns it).  Returns 1 for a
 * document, 0 for a blank line, -1 for a bad line with *err set to a
 * malloc'd message naming file, line, column and byte offset (or NULL when
 * out of memory), -2 when out of memory.  tok is the caller's tokener.
 */
int cli_jsonl_parse(cli_doc *doc, struct json_tokener *tok, const char *name, uint64_t line,
                    uint64_t off, const char *s, size_t n, char **err);

/* ---- text checks (text.c) ------------------------------------------------ */

/**
 * The byte order mark of another encoding (UTF-16 or UTF-32) that s[0..n)
 * starts with, as a message ("UTF-16LE byte order mark FF FE (convert the
 * text to UTF-8)"), or NULL.  A static string.
 */
const char *cli_foreign_bom(const char *s, size_t n);

/**
 * What the library would refuse in s[0..n): invalid UTF-8 or a NUL byte, and
 * at the start of a file (first) a UTF-16 or UTF-32 byte order mark.
 * Returns NULL when the text is fine, else the problem (a static string),
 * with *at its offset.  With replace (--replace-invalid) only a byte order
 * mark is a problem; *repair then gets the offset of the first byte the
 * library will replace, or n when there is none.
 */
const char *cli_text_problem(const char *s, size_t n, int first, size_t *at, int replace,
                             size_t *repair);

/** Counters shared by readers, main loop and progress line. */
typedef struct cli_stats {
	uint64_t bytes_in;    /* bytes read so far */
	uint64_t bytes_total; /* total size of the inputs when known, else 0 */
	uint64_t docs_in;     /* documents read */
	uint64_t docs_out;    /* documents written */
	uint64_t bad;         /* bad lines or documents skipped */
	uint64_t repaired;    /* --replace-invalid: sequences replaced by U+FFFD */
	char *first_repair;   /* ... and where the first was, malloc'd (or NULL) */
} cli_stats;

typedef struct cli_reader cli_reader;

/** 1 when the caller closed standard input (set by main()): "-" is refused. */
extern int cli_stdin_closed;

/**
 * Open path ("-": standard input) for reading documents in format fmt.
 * Text is cut into segments near o->segment_size bytes at paragraph
 * boundaries.  Returns 0, or CLI_EXIT_INPUT after reporting the error.
 */
int cli_reader_open(cli_reader **out, const char *path, const cli_options *o, cli_stats *st);

/**
 * The next document in *doc (the caller owns it).  Returns 1 for a document,
 * 0 at the end, or -1 on a fatal error, already reported on stderr.  Bad JSONL lines are reported
 * with file and line; with
 * --on-error skip they are counted in st->bad and passed over.
 */
int cli_reader_next(cli_reader *r, cli_doc *doc);

/**
 * A block of whole JSONL lines, for the workers to parse (--format jsonl).
 * buf belongs to the caller and is kept from block to block (the reader
 * grows it with realloc); after cli_reader_block() it holds len bytes of
 * whole lines, NUL-terminated, that start at line `line` and byte `offset`
 * of `file`.  A line too long to hold (over CLI_MAX_LINE) comes alone as a
 * block with len 0 and err the malloc'd message naming it (the caller frees
 * it), so that it is reported in its place among the other bad lines.
 */
typedef struct cli_block {
	char *buf;
	size_t len, cap;
	const char *file;
	uint64_t line, offset;
	char *err;
} cli_block;

/**
 * The next block of a JSONL reader: the whole lines that end within about
 * `target` bytes (at least one line, however long).  The reader does not
 * look into the lines: it only finds the last line end and counts the line
 * ends, so that the work of parsing is left to the threads.  Returns 1 for a
 * block, 0 at the end, -1 on a read error (reported).
 */
int cli_reader_block(cli_reader *r, cli_block *b, size_t target);

/** Close a reader; NULL is a no-op. */
void cli_reader_close(cli_reader *r);

/* ---- output (output.c) --------------------------------------------------- */

/**
 * Where the output goes: standard output, or a temporary file next to -o that
 * is renamed over it by cli_sink_commit() only when everything went well.
 */
typedef struct cli_sink {
	FILE *f;
	const char *path; /* -o FILE, or NULL */
	char *tmp;        /* the temporary file, or NULL */
	char *real;       /* what -o resolves to when it is a symbolic link */
	int direct;       /* -o names a device or FIFO: written directly */
	int no_sendfile;  /* sendfile() is refused: copies go through a buffer */
	int failed;       /* a write failed; errno_saved says why */
	int errno_saved;
} cli_sink;

/** Open the sink; 0, or CLI_EXIT_INPUT after reporting the error. */
int cli_sink_open(cli_sink *s, const char *path);
/** Write n bytes; 0 or -1 (the sink remembers the failure). */
int cli_sink_write(cli_sink *s, const void *p, size_t n);
/**
 * Write the n pieces of v (n <= IOV_MAX) in order, after what was written
 * before, past the stdio buffer (writev()); v may be changed.  0 or -1, as
 * with cli_sink_write().
 */
int cli_sink_writev(cli_sink *s, struct iovec *v, int n);
/**
 * Copy len bytes of the regular file fd, from offset off (its file position
 * is neither used nor moved), to the sink after what was written before: by
 * the kernel (sendfile()) when the output takes it, else through a buffer.
 * 0, or -1 when fd could not be read (errno set); a failed write is the
 * sink's, as with cli_sink_write().
 */
int cli_sink_copy(cli_sink *s, int fd, uint64_t off, uint64_t len);
/** Flush, close and (with -o) rename into place.  0 or CLI_EXIT_INPUT. */
int cli_sink_commit(cli_sink *s);
/** Drop everything written: with -o, remove the temporary file. */
void cli_sink_abort(cli_sink *s);
/** Report a failed write (nothing for a broken pipe, which is not news). */
void cli_sink_report(const cli_sink *s);

/* ---- workers (workers.c) ------------------------------------------------- */

/**
 * A pool of worker threads over an ordered window of jobs.  The main thread
 * pushes jobs (at most `window` in flight) and pops them back in the order it
 * pushed them, each once a worker has run fn on it.  With 0 threads, push
 * runs the job at once on the calling thread: the same work, in the same
 * order, so the output cannot depend on the number of threads.
 */
typedef struct cli_pool cli_pool;
typedef void (*cli_job_fn)(void *job, void *ctx);

/** Start nthreads workers (0: none).  0, or -1 (reported). */
int cli_pool_new(cli_pool **out, int nthreads, size_t window, cli_job_fn fn, void *ctx);
/** 1 when `window` jobs are in flight: pop one before pushing another. */
int cli_pool_full(const cli_pool *p);
/** Hand a job over (the pool must not be full). */
void cli_pool_push(cli_pool *p, void *job);
/** The oldest job: waits for it when wait is 1, else NULL if not done yet; NULL when empty. */
void *cli_pool_pop(cli_pool *p, int wait);
/** CPU time spent running jobs, in seconds: by the workers, or inline. */
typedef struct cli_cpu {
	int nworkers;      /* worker threads (0: jobs ran on the main thread) */
	double jobs;       /* CPU seconds in jobs, all threads together */
	double worker_min; /* the least and the most busy worker (nworkers > 0) */
	double worker_max;
} cli_cpu;

/**
 * Stop and join the workers (jobs still in flight are finished first); NULL is
 * a no-op.  When cpu is not NULL it receives the CPU time the jobs took.
 */
void cli_pool_free(cli_pool *p, cli_cpu *cpu);

/* ---- progress (progress.c) ----------------------------------------------- */

/** Set up the progress line: shown when stderr is a terminal and !quiet. */
void cli_progress_init(const cli_stats *st, int quiet);
/** Redraw the progress line when due (after the first second, a few times a second). */
void cli_progress_tick(void);
/** Erase the progress line. */
void cli_progress_done(void);
/** CPU seconds the calling thread has used so far. */
double cli_thread_cpu(void);
/**
 * --stats: print on stderr the CPU time of the main thread outside jobs
 * (reading, handing out, ordering, writing: the serial part) against the
 * time in jobs.  main_cpu is the main thread's whole CPU time.
 */
void cli_cpu_report(const cli_cpu *cpu, double main_cpu);

/* ---- messages ------------------------------------------------------------ */

/** Print "timeline: " and a formatted message on stderr (progress line erased first). */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#endif
