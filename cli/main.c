/*
 * main.c - the `timeline` command: prose in, a dated timeline out.
 *
 *   timeline [OPTIONS] [FILE...]
 *
 * Exit codes: 0 ok, 1 input error, 2 usage error.
 */
#include "timeline.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
	"Usage: timeline [OPTIONS] [FILE...]\n"
	"Find dates, times, durations and recurrences in prose and write a timeline.\n"
	"With no FILE, or FILE '-', read standard input; several files make one timeline.\n"
	"\n"
	"  -d, --dct YYYY-MM-DD  document creation time (default: inferred from the text)\n"
	"  -f, --format FMT      json (default), ics, timeml, timelinejs, tsv, html\n"
	"  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
	"  -h, --help            show this help and exit\n"
	"  -V, --version         show the version and exit\n"
	"\n"
	"Exit status: 0 ok, 1 input or output error, 2 usage error.\n";

/* Read a whole stream; NULL with errno on failure. */
static char *slurp(FILE *f, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		return NULL;
	for (;;) {
		if (n == cap) {
			char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0) {
			if (ferror(f)) {
				free(buf);
				return NULL;
			}
			break;
		}
	}
	*len = n;
	return buf;
}

/* Write data to path through a temporary file and a rename. */
static int write_atomic(const char *path, const char *data, size_t len)
{
	size_t n = strlen(path) + 32;
	char *tmp = malloc(n);
	if (!tmp)
		return -1;
	snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		free(tmp);
		return -1;
	}
	int ok = fwrite(data, 1, len, f) == len;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		int e = errno;
		remove(tmp);
		free(tmp);
		errno = e;
		return -1;
	}
	free(tmp);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dct", required_argument, NULL, 'd' },    { "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },      { NULL, 0, NULL, 0 }
	};
	tl_document_options dopts = TL_DOCUMENT_OPTIONS_INIT;
	tl_format fmt = TL_FORMAT_JSON;
	const char *output = NULL;
	int c;

	while ((c = getopt_long(argc, argv, "d:f:o:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (tl_date_parse(&dopts.dct, optarg) != 0 || dopts.dct.day == 0) {
				fprintf(stderr, "timeline: --dct: '%s' is not a date (YYYY-MM-DD)\n", optarg);
				return 2;
			}
			dopts.has_dct = 1;
			break;
		case 'f':
			if (tl_format_from_name(&fmt, optarg) != 0) {
				fprintf(stderr, "timeline: --format: unknown format '%s'\n", optarg);
				return 2;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf("timeline %s\n", tl_version());
			return 0;
		default:
			fputs("Try 'timeline --help'.\n", stderr);
			return 2;
		}
	}

	tl_parser *parser = NULL;
	tl_timeline *tl = NULL;
	int status = 0;
	if (tl_parser_new(&parser, NULL) != 0 || tl_timeline_new(&tl, NULL) != 0) {
		fprintf(stderr, "timeline: %s\n", tl_error_last());
		tl_parser_free(parser);
		return 1;
	}
	int nfiles = argc - optind;
	for (int i = 0; i < (nfiles ? nfiles : 1) && status == 0; i++) {
		const char *name = nfiles ? argv[optind + i] : "-";
		int is_stdin = strcmp(name, "-") == 0;
		FILE *f = is_stdin ? stdin : fopen(name, "rb");
		if (!f) {
			fprintf(stderr, "timeline: %s: %s\n", name, strerror(errno));
			status = 1;
			break;
		}
		size_t len = 0;
		char *text = slurp(f, &len);
		if (!text)
			fprintf(stderr, "timeline: %s: %s\n", name, strerror(errno));
		if (!is_stdin)
			fclose(f);
		if (!text) {
			status = 1;
			break;
		}
		tl_document *doc = NULL;
		dopts.id = is_stdin ? "stdin" : name;
		if (tl_document_parse(&doc, parser, text, len, &dopts) != 0 ||
		    tl_timeline_add(tl, doc) != 0) {
			const char *msg = tl_error_last();
			if (strncmp(msg, name, strlen(name)) == 0)
				fprintf(stderr, "timeline: %s\n", msg);
			else
				fprintf(stderr, "timeline: %s: %s\n", name, msg);
			tl_document_free(doc);
			status = 1;
		}
		free(text);
	}
	char *out = NULL;
	size_t outlen = 0;
	if (status == 0 && tl_export(&out, &outlen, tl, fmt, NULL) != 0) {
		fprintf(stderr, "timeline: %s\n", tl_error_last());
		status = 1;
	}
	if (status == 0) {
		if (output) {
			if (write_atomic(output, out, outlen) != 0) {
				fprintf(stderr, "timeline: %s: %s\n", output, strerror(errno));
				status = 1;
			}
		} else if (fwrite(out, 1, outlen, stdout) != outlen || fflush(stdout) != 0) {
			fprintf(stderr, "timeline: standard output: %s\n", strerror(errno));
			status = 1;
		}
	}
	tl_free(out);
	tl_timeline_free(tl);
	tl_parser_free(parser);
	return status;
}
