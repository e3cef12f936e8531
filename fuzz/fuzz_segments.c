/*
 * fuzz_segments.c - the command's text reader (cli/input.c), which cuts long
 * files into segments, on arbitrary bytes and segment sizes.
 *
 * Input: bytes 0-1 choose the segment size (16..4111 bytes); the rest is the
 * file.  Asserts: the segments, put end to end, are the file; each is at most
 * twice the segment size and is taken by the library as it is; a refusal
 * names the file and the byte offset of the first invalid UTF-8 sequence or
 * NUL byte of the whole file.
 */
#include "cli_reader_stub.h"
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static tl_parser *parser;
	if (!parser)
		TL_FUZZ_ASSERT(tl_parser_new(&parser, NULL) == 0, "tl_parser_new");
	if (size < 2)
		return 0;
	cli_options o;
	memset(&o, 0, sizeof(o));
	o.input_format = CLI_IN_TEXT;
	o.segment_size = 16 + (size_t)(data[0] | data[1] << 8) % 4096;
	o.jobs = 1;
	const char *text = (const char *)data + 2;
	size_t len = size - 2;

	/* where the whole file first goes wrong, if it does */
	size_t bad = len;
	int valid = tl_utf8_valid(text, len, &bad);
	const char *nul = memchr(text, 0, valid ? len : bad);
	if (nul)
		bad = (size_t)(nul - text);
	int clean = valid && !nul;

	char path[64];
	int fd = tl_fuzz_memfile((const uint8_t *)text, len, path, sizeof(path));
	cli_stats st;
	memset(&st, 0, sizeof(st));
	tl_fuzz_nerrors = 0;
	cli_reader *r = NULL;
	TL_FUZZ_ASSERT(cli_reader_open(&r, path, &o, &st) == 0, "cli_reader_open");
	size_t pos = 0;
	int rc;
	for (;;) {
		cli_doc d;
		rc = cli_reader_next(r, &d);
		if (rc <= 0)
			break;
		TL_FUZZ_ASSERT(d.len <= 2 * o.segment_size + 1 || d.len == len,
		               "segment of %zu bytes for a size of %zu", d.len, o.segment_size);
		TL_FUZZ_ASSERT(pos + d.len <= len && memcmp(d.text, text + pos, d.len) == 0,
		               "segment at %zu is not the file's bytes", pos);
		tl_document *doc = NULL;
		TL_FUZZ_ASSERT(tl_document_parse(&doc, parser, d.text, d.len, NULL) == 0,
		               "segment at %zu refused: %s", pos, tl_error_last());
		tl_document_free(doc);
		pos += d.len;
		cli_doc_free(&d);
	}
	if (rc == 0)
		TL_FUZZ_ASSERT(clean && pos == len,
		               "read %zu of %zu bytes (clean %d) without an error", pos, len,
		               clean);
	else {
		char want[64];
		snprintf(want, sizeof(want), "offset %zu", bad);
		TL_FUZZ_ASSERT(
		    !clean && strstr(tl_fuzz_last_error, path) && strstr(tl_fuzz_last_error, want),
		    "message '%s' should name the file and '%s'", tl_fuzz_last_error, want);
	}
	cli_reader_close(r);
	close(fd);
	return 0;
}
