/*
 * options.c - the command line of `timeline`: parsing, checks and --help.
 *
 * Every option is checked here, before any input is read: a bad value is a
 * usage error (exit 2) named after its option.  The --help text must fit on
 * one screen (24 lines) and stay in step with docs/timeline.1.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "Usage: timeline [OPTIONS] [FILE...]\n"
    "Find dates, times, durations and recurrences in prose; write a timeline.\n"
    "With no FILE, or FILE '-', read standard input; several files make one timeline.\n"
    "\n"
    "  -i, --input-format F  text (default), jsonl ({\"id\",\"dct\",\"text\"}), timeml\n"
    "  -f, --format FMT      json (default), jsonl (a line a document), ics, timeml,\n"
    "                        timelinejs, tsv, html\n"
    "  -o, --output FILE     write FILE atomically instead of standard output\n"
    "  -d, --dct DATE        document creation time YYYY-MM-DD (default: a document's\n"
    "                        own, else inferred from the text)\n"
    "      --on-error ACT    bad JSONL line: fail (default), or skip (report, count)\n"
    "  -j, --jobs N          worker threads (default: number of cores)\n"
    "      --from DATE       drop events that end before DATE (YYYY[-MM[-DD]])\n"
    "      --to DATE         drop events that start after DATE\n"
    "      --min-granularity G  keep events at least as fine as G (year, month, day)\n"
    "      --segment-size N  cut long texts near N bytes at paragraphs (default 256K)\n"
    "      --replace-invalid  replace invalid UTF-8 and NUL bytes by U+FFFD (and say\n"
    "                        how many on stderr) instead of failing\n"
    "  -q, --quiet           no progress line and no summary\n"
    "      --stats           CPU time of the main thread and the workers, on stderr\n"
    "  -h, --help            show this help and exit\n"
    "  -V, --version         show the version and exit\n"
    "\n"
    "Exit status: 0 ok, 1 input or output error, 2 usage error.  See timeline(1).\n";

enum {
	OPT_ON_ERROR = 256,
	OPT_FROM,
	OPT_TO,
	OPT_MIN_GRAN,
	OPT_SEGMENT,
	OPT_STATS,
	OPT_REPLACE_INVALID
};

/* Granularity names accepted by --min-granularity, coarse to fine. */
static const struct {
	const char *name;
	tl_granularity gran;
} gran_names[] = {
    {"millennium", TL_GRAN_MILLENNIUM},
    {"century", TL_GRAN_CENTURY},
    {"decade", TL_GRAN_DECADE},
    {"year", TL_GRAN_YEAR},
    {"half", TL_GRAN_HALF},
    {"quarter", TL_GRAN_QUARTER},
    {"season", TL_GRAN_SEASON},
    {"month", TL_GRAN_MONTH},
    {"week", TL_GRAN_WEEK},
    {"day", TL_GRAN_DAY},
    {"partofday", TL_GRAN_PART_OF_DAY},
    {"hour", TL_GRAN_HOUR},
    {"minute", TL_GRAN_MINUTE},
    {"second", TL_GRAN_SECOND},
};

/* Report a usage error and give the exit code for it. */
static int usage_error(const char *opt, const char *what, const char *arg)
{
	fprintf(stderr, "timeline: %s: %s '%s'\nTry 'timeline --help'.\n", opt, what, arg);
	return CLI_EXIT_USAGE;
}

/* Days in a month of the proleptic Gregorian calendar. */
static int month_days(int32_t y, int32_t m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/*
 * Parse a --from/--to date: YYYY, YYYY-MM or YYYY-MM-DD.  A partial date
 * stands for its first day (--from) or its last day (--to, last = 1), so that
 * "--to 2020" keeps all of 2020.  Returns 0 or -1.
 */
static int parse_bound(tl_date *out, const char *s, int last)
{
	tl_date d;
	if (tl_date_parse(&d, s) != 0 || d.year < 1 || d.year > 9999)
		return -1;
	if (d.month == 0)
		d.month = last ? 12 : 1;
	if (d.day == 0)
		d.day = last ? month_days(d.year, d.month) : 1;
	*out = d;
	return 0;
}

/* Compare two full dates: <0, 0, >0. */
static int date_cmp(tl_date a, tl_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	return a.day < b.day ? -1 : a.day > b.day;
}

/* Parse a size with an optional K, M or G suffix (powers of 1024); 0 on error. */
static size_t parse_size(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return 0;
	unsigned shift = 0;
	if (*end == 'k' || *end == 'K')
		shift = 10;
	else if (*end == 'm' || *end == 'M')
		shift = 20;
	else if (*end == 'g' || *end == 'G')
		shift = 30;
	if (shift)
		end++;
	if (*end || v > (SIZE_MAX >> 2) >> shift)
		return 0;
	return (size_t)(v << shift);
}

/* The number of online processors, at least 1. */
static int cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

/* Parse the command line. */
int cli_options_parse(cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"input-format", required_argument, NULL, 'i'},
	    {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'},
	    {"dct", required_argument, NULL, 'd'},
	    {"on-error", required_argument, NULL, OPT_ON_ERROR},
	    {"jobs", required_argument, NULL, 'j'},
	    {"from", required_argument, NULL, OPT_FROM},
	    {"to", required_argument, NULL, OPT_TO},
	    {"min-granularity", required_argument, NULL, OPT_MIN_GRAN},
	    {"segment-size", required_argument, NULL, OPT_SEGMENT},
	    {"quiet", no_argument, NULL, 'q'},
	    {"stats", no_argument, NULL, OPT_STATS},
	    {"replace-invalid", no_argument, NULL, OPT_REPLACE_INVALID},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0}};
	static const tl_timeline_options tlinit = TL_TIMELINE_OPTIONS_INIT;
	int c;

	memset(o, 0, sizeof(*o));
	o->format = TL_FORMAT_JSON;
	o->jobs = cores();
	o->segment_size = (size_t)256 << 10;
	o->tlopts = tlinit;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":i:f:o:d:j:qhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (strcmp(optarg, "text") == 0)
				o->input_format = CLI_IN_TEXT;
			else if (strcmp(optarg, "jsonl") == 0)
				o->input_format = CLI_IN_JSONL;
			else if (strcmp(optarg, "timeml") == 0)
				o->input_format = CLI_IN_TIMEML;
			else
				return usage_error("--input-format", "unknown input format",
				                   optarg);
			break;
		case 'f':
			o->jsonl_out = strcmp(optarg, "jsonl") == 0;
			if (!o->jsonl_out && tl_format_from_name(&o->format, optarg) != 0)
				return usage_error("--format", "unknown format", optarg);
			break;
		case 'o':
			if (!*optarg)
				return usage_error("--output", "empty file name", optarg);
			o->output = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case 'd':
			if (tl_date_parse(&o->dct, optarg) != 0 || o->dct.day == 0 ||
			    o->dct.year < 1 || o->dct.year > 9999)
				return usage_error(
				    "--dct", "not a date (YYYY-MM-DD, years 1 to 9999)", optarg);
			o->has_dct = 1;
			break;
		case OPT_ON_ERROR:
			if (strcmp(optarg, "skip") != 0 && strcmp(optarg, "fail") != 0)
				return usage_error("--on-error", "want skip or fail, not", optarg);
			o->skip_bad = strcmp(optarg, "skip") == 0;
			break;
		case 'j': {
			char *end;
			long n;
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || n < 1 || n > 256)
				return usage_error("--jobs", "want a number from 1 to 256, not",
				                   optarg);
			o->jobs = (int)n;
			break;
		}
		case OPT_FROM:
			if (parse_bound(&o->tlopts.from, optarg, 0) != 0)
				return usage_error("--from",
				                   "not a date (YYYY[-MM[-DD]], years 1 to 9999)",
				                   optarg);
			o->tlopts.has_from = 1;
			break;
		case OPT_TO:
			if (parse_bound(&o->tlopts.to, optarg, 1) != 0)
				return usage_error(
				    "--to", "not a date (YYYY[-MM[-DD]], years 1 to 9999)", optarg);
			o->tlopts.has_to = 1;
			break;
		case OPT_MIN_GRAN: {
			size_t i, n = sizeof(gran_names) / sizeof(gran_names[0]);
			for (i = 0; i < n && strcmp(gran_names[i].name, optarg) != 0; i++)
				;
			if (i == n)
				return usage_error("--min-granularity", "unknown granularity",
				                   optarg);
			o->tlopts.min_granularity = gran_names[i].gran;
			break;
		}
		case OPT_SEGMENT:
			o->segment_size = parse_size(optarg);
			if (o->segment_size < 16 || o->segment_size > CLI_MAX_SEGMENT)
				return usage_error("--segment-size",
				                   "want a size from 16 bytes to 512M, not",
				                   optarg);
			break;
		case 'q':
			o->quiet = 1;
			break;
		case OPT_STATS:
			o->stats = 1;
			break;
		case OPT_REPLACE_INVALID:
			o->replace_invalid = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_INPUT;
		case 'V':
			printf("timeline %s\n", tl_version());
			return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_INPUT;
		case ':':
			fprintf(stderr, "timeline: option '%s' needs a value\n", argv[optind - 1]);
			fputs("Try 'timeline --help'.\n", stderr);
			return CLI_EXIT_USAGE;
		default:
			if (optopt)
				fprintf(stderr, "timeline: unknown option '-%c'\n", optopt);
			else
				fprintf(stderr, "timeline: unknown option '%s'\n",
				        argv[optind - 1]);
			fputs("Try 'timeline --help'.\n", stderr);
			return CLI_EXIT_USAGE;
		}
	}
	if (o->tlopts.has_from && o->tlopts.has_to && date_cmp(o->tlopts.from, o->tlopts.to) > 0) {
		fputs("timeline: --from is after --to\nTry 'timeline --help'.\n", stderr);
		return CLI_EXIT_USAGE;
	}
	o->files = argv + optind;
	o->nfiles = argc - optind;
	return -1;
}
