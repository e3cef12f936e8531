/*
 * fuzz_jsonl.c - the command's JSONL reader (cli/input.c) on arbitrary bytes.
 *
 * Input: byte 0 bit 0 chooses --on-error skip; the rest is the file.
 * Asserts: the reader ends (0) or fails (-1) with a message naming the file
 * and a line; with skip, every bad line is reported and counted, and the run
 * never fails; every document it hands out has an id and a text that are
 * valid UTF-8 without NUL bytes, no longer than the input, a DCT that is a
 * real date, and that the library takes without complaint (the readers
 * promise the workers never meet bad input); the first documents go
 * through the whole pipeline and keep every invariant.
 */
#include "cli_reader_stub.h"
#include "fuzz_common.h"

#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static tl_parser *parser;
	if (!parser)
		TL_FUZZ_ASSERT(tl_parser_new(&parser, NULL) == 0, "tl_parser_new");
	if (size < 1)
		return 0;
	cli_options o;
	memset(&o, 0, sizeof(o));
	o.input_format = CLI_IN_JSONL;
	o.skip_bad = data[0] & 1;
	o.segment_size = (size_t)1 << 20;
	o.jobs = 1;
	char path[64];
	int fd = tl_fuzz_memfile(data + 1, size - 1, path, sizeof(path));
	cli_stats st;
	memset(&st, 0, sizeof(st));
	tl_fuzz_nerrors = 0;
	cli_reader *r = NULL;
	TL_FUZZ_ASSERT(cli_reader_open(&r, path, &o, &st) == 0, "cli_reader_open: %s",
	               tl_fuzz_last_error);
	tl_timeline *tl = NULL;
	TL_FUZZ_ASSERT(tl_timeline_new(&tl, NULL) == 0, "tl_timeline_new");
	int rc;
	unsigned long ndoc = 0;
	for (;;) {
		cli_doc d;
		rc = cli_reader_next(r, &d);
		if (rc <= 0)
			break;
		ndoc++;
		TL_FUZZ_ASSERT(d.text && d.id && d.len <= size, "document %lu: no text or id",
		               ndoc);
		TL_FUZZ_ASSERT(tl_utf8_valid(d.text, d.len, NULL) && !memchr(d.text, 0, d.len),
		               "document %lu: text not clean UTF-8", ndoc);
		TL_FUZZ_ASSERT(tl_utf8_valid(d.id, strlen(d.id), NULL), "document %lu: id '%s'",
		               ndoc, d.id);
		tl_document_options opts = TL_DOCUMENT_OPTIONS_INIT;
		opts.id = d.id;
		opts.has_dct = d.has_dct;
		opts.dct = d.dct;
		tl_document *doc = NULL;
		int prc = tl_document_parse(&doc, parser, d.text, d.len, &opts);
		TL_FUZZ_ASSERT(prc == 0, "document %lu handed out, refused: %s", ndoc,
		               tl_error_last());
		if (ndoc <= 4)
			TL_FUZZ_ASSERT(tl_timeline_add(tl, doc) == 0, "tl_timeline_add");
		else
			tl_document_free(doc);
		cli_doc_free(&d);
	}
	if (rc < 0)
		TL_FUZZ_ASSERT(
		    !o.skip_bad && tl_fuzz_nerrors >= 1 && strstr(tl_fuzz_last_error, path),
		    "failure (skip %d) with message '%s'", o.skip_bad, tl_fuzz_last_error);
	else
		TL_FUZZ_ASSERT(tl_fuzz_nerrors == st.bad && (o.skip_bad || st.bad == 0),
		               "%lu messages for %llu bad lines", tl_fuzz_nerrors,
		               (unsigned long long)st.bad);
	TL_FUZZ_ASSERT(st.docs_in == ndoc, "%llu documents counted, %lu handed out",
	               (unsigned long long)st.docs_in, ndoc);
	cli_reader_close(r);
	close(fd);
	tl_fuzz_check_timeline(tl);
	return 0;
}
