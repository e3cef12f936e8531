/*
 * fuzz_options.c - the command line (cli/options.c: getopt_long plus the
 * values it parses by hand: sizes, thread counts, dates, bounds, names).
 *
 * Input: the arguments, separated by NUL bytes.  Asserts: the parser returns
 * -1 (go on), 0 (--help, --version), 1 or 2 (usage error); when it goes on,
 * every option holds a value in its range: 1..256 threads, a segment size of
 * at least 16 bytes, real dates for --dct, --from and --to with from <= to,
 * a known format and granularity, and the file list is what is left of argv.
 */
#include "cli_reader_stub.h"
#include "fuzz_common.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 64

/* 1 when d is a full date of years 1..9999. */
static int real_date(tl_date d)
{
	return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
	       d.day <= tl_date_days_in_month(d.year, d.month);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int quiet;
	if (!quiet) {
		/* --help and --version print on stdout */
		TL_FUZZ_ASSERT(freopen("/dev/null", "w", stdout), "freopen");
		quiet = 1;
	}
	char *buf = malloc(size + 1);
	TL_FUZZ_ASSERT(buf, "out of memory");
	memcpy(buf, data, size);
	buf[size] = '\0';
	char *argv[MAX_ARGS + 2];
	int argc = 0;
	argv[argc++] = "timeline";
	for (size_t i = 0; i <= size && argc < MAX_ARGS;) {
		argv[argc++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	argv[argc] = NULL;

	cli_options o;
	optind = 0; /* glibc: start over */
	int rc = cli_options_parse(&o, argc, argv);
	TL_FUZZ_ASSERT(rc >= -1 && rc <= 2, "cli_options_parse returned %d", rc);
	if (rc == -1) {
		TL_FUZZ_ASSERT(o.jobs >= 1 && o.jobs <= 256, "jobs %d", o.jobs);
		TL_FUZZ_ASSERT(o.segment_size >= 16, "segment size %zu", o.segment_size);
		TL_FUZZ_ASSERT(!o.has_dct || real_date(o.dct), "--dct not a date");
		TL_FUZZ_ASSERT(!o.tlopts.has_from || real_date(o.tlopts.from), "--from not a date");
		TL_FUZZ_ASSERT(!o.tlopts.has_to || real_date(o.tlopts.to), "--to not a date");
		TL_FUZZ_ASSERT(!o.tlopts.has_from || !o.tlopts.has_to ||
		                   tl_date_cmp(o.tlopts.from, o.tlopts.to) <= 0,
		               "--from after --to");
		TL_FUZZ_ASSERT(o.jsonl_out || tl_format_name(o.format), "unknown format %d",
		               (int)o.format);
		TL_FUZZ_ASSERT((unsigned)o.tlopts.min_granularity <= TL_GRAN_SECOND,
		               "granularity %d", (int)o.tlopts.min_granularity);
		TL_FUZZ_ASSERT(o.input_format == CLI_IN_TEXT || o.input_format == CLI_IN_JSONL ||
		                   o.input_format == CLI_IN_TIMEML,
		               "input format %d", (int)o.input_format);
		TL_FUZZ_ASSERT(o.nfiles >= 0 && o.nfiles < argc &&
		                   o.files + o.nfiles == argv + argc,
		               "file list");
		TL_FUZZ_ASSERT(!o.output || *o.output, "empty output name");
	}
	free(buf);
	return 0;
}
