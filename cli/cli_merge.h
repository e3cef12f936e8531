/*
 * cli_merge.h - the merged JSON timeline streamed through spill files
 * (merge.c; the design is in its file comment and in docs/cli.md).
 */
#ifndef TL_CLI_MERGE_H
#define TL_CLI_MERGE_H

#include "cli.h"

#define CLI_MERGE_MAX_ARRAYS 8

/* Entries of the event index a block holds (a power of two: 768 KiB). */
#define CLI_INDEX_SHIFT 14
#define CLI_INDEX_BLOCK ((size_t)1 << CLI_INDEX_SHIFT)

/** What the final sort needs of one event, and where its JSON lies in the spill. */
typedef struct cli_event_key {
	tl_date start;
	int granularity;
	size_t batch;    /* batch number */
	size_t pos;      /* position in the batch's timeline */
	uint64_t offset; /* of its JSON in the event spill */
	size_t len;
} cli_event_key;

/** Where the elements of one array of one batch lie in its export. */
typedef struct cli_part_array {
	size_t *offs; /* offset of each element in cli_part.json */
	size_t *lens; /* length of each element */
	size_t n, cap;
} cli_part_array;

/** One batch's export and its elements, indexed like cli_merge.arr. */
typedef struct cli_part {
	char *json; /* the export (tl_free()) */
	cli_part_array arr[CLI_MERGE_MAX_ARRAYS];
	cli_event_key *keys; /* one per event: start and granularity */
} cli_part;

/** The skeleton of the output and the spills, in root key order. */
typedef struct cli_merge {
	int flags; /* json-c flags the library writes with */
	size_t narr;
	struct {
		char *key;
		char *pre;   /* text from the previous ']' to this array's '[' */
		char *lead;  /* between '[' and the first element */
		char *trail; /* between the last element and ']' */
		int is_events;
		FILE *spill;    /* elements so far, with separators (not events) */
		uint64_t count; /* elements so far */
	} arr[CLI_MERGE_MAX_ARRAYS];
	char *tail;  /* after the last ']', with the final newline */
	char *empty; /* the library's export of an empty timeline */
	size_t empty_len;
	FILE *evspill;
	uint64_t evlen;
	/* the event index: nindex entries in blocks of CLI_INDEX_BLOCK, never
	 * moved; runs[r] is where the r-th batch with events begins in it */
	cli_event_key **blocks;
	size_t nblocks, cap_blocks, nindex;
	size_t *runs;
	size_t nruns, cap_runs;
	int unsorted; /* some batch's events are not in timeline order */
} cli_merge;

/**
 * Learn the output layout for export options eo.  0, or -1 when the
 * library's JSON cannot be streamed this way (the caller holds the timeline
 * in memory instead).  Reports nothing.
 */
int cli_merge_new(cli_merge **out, const tl_export_options *eo);
/** Free; NULL is a no-op. */
void cli_merge_free(cli_merge *m);

/**
 * Export batch timeline tl, whose first document is the doc_base-th of the
 * run, with options eo (document_base and element are set here), into
 * *part.  Thread-safe: m is only read.  0, or a TL_E* code (TL_ENOMEM; or
 * the export's own failure, with tl_error_last(); or TL_ERROR for an export
 * this code does not understand).  *part is empty on failure.
 */
int cli_merge_export(cli_part *part, const cli_merge *m, tl_timeline *tl,
                     const tl_export_options *eo, size_t doc_base);
/** Free what *part holds and empty it. */
void cli_part_free(cli_part *p);

/** Take a batch's elements over into the spills, in batch order.  0 or -1. */
int cli_merge_add(cli_merge *m, const cli_part *part, size_t batch);

/** Write the whole merged timeline to s.  0, or -1 (reported). */
int cli_merge_finish(cli_merge *m, cli_sink *s);

#endif
