/*
 * fuzz_timeml.c - the TimeML reader (tl_timeml_parse) on arbitrary bytes.
 *
 * Asserts: a refusal is TL_EFORMAT or TL_EUTF8 with a message naming the
 * file and a byte offset inside the input; an accepted document has valid
 * UTF-8 text no longer than the input, a DCT that is a real date, and its
 * text goes through the whole pipeline keeping every invariant, with a
 * TimeML export that reads back as the same text (fuzz_common.c).
 */
#include "fuzz_common.h"

#include <stdlib.h>
#include <timeline/timeml.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static tl_parser *parser;
	if (!parser)
		TL_FUZZ_ASSERT(tl_parser_new(&parser, NULL) == 0, "tl_parser_new");

	tl_timeml *tml = NULL;
	int rc = tl_timeml_parse(&tml, (const char *)data, size, "fuzz.tml");
	if (rc) {
		const char *msg = tl_error_last(), *off = strstr(msg, "offset ");
		TL_FUZZ_ASSERT(rc == TL_EFORMAT || rc == TL_EUTF8, "tl_timeml_parse returned %d",
		               rc);
		TL_FUZZ_ASSERT(!tml, "a handle on failure");
		TL_FUZZ_ASSERT(strstr(msg, "fuzz.tml") && off, "message '%s' lacks file or offset",
		               msg);
		TL_FUZZ_ASSERT(strtoull(off + 7, NULL, 10) <= size, "message '%s': offset past %zu",
		               msg, size);
		return 0;
	}
	TL_FUZZ_ASSERT(tml, "no handle on success");
	size_t len;
	const char *text = tl_timeml_text(tml, &len);
	TL_FUZZ_ASSERT(text && text[len] == '\0' && len <= size, "text of %zu bytes from %zu", len,
	               size);
	TL_FUZZ_ASSERT(tl_utf8_valid(text, len, NULL), "text is not valid UTF-8");
	const char *v = tl_timeml_dct_value(tml), *id = tl_timeml_docid(tml);
	TL_FUZZ_ASSERT(!v || tl_utf8_valid(v, strlen(v), NULL), "DCT value not valid UTF-8");
	TL_FUZZ_ASSERT(!id || tl_utf8_valid(id, strlen(id), NULL), "DOCID not valid UTF-8");

	tl_document_options opts = TL_DOCUMENT_OPTIONS_INIT;
	tl_date dct;
	if (tl_timeml_dct(&dct, tml) == 0) {
		TL_FUZZ_ASSERT(v, "a DCT date without a DCT value");
		TL_FUZZ_ASSERT(dct.month >= 1 && dct.month <= 12 && dct.day >= 1 &&
		                   dct.day <= tl_date_days_in_month(dct.year, dct.month),
		               "DCT %d-%d-%d is not a date", (int)dct.year, (int)dct.month,
		               (int)dct.day);
		opts.has_dct = dct.year >= 1; /* the library takes years 1..9999 */
		opts.dct = dct;
	} else
		TL_FUZZ_ASSERT(dct.year == 0 && dct.month == 0 && dct.day == 0,
		               "no DCT, but *out is not zeroed");
	opts.id = id;
	opts.replace_invalid = 1; /* &#0; may have put a NUL in the text */
	tl_document *doc = NULL;
	rc = tl_document_parse(&doc, parser, text, len, &opts);
	TL_FUZZ_ASSERT(rc == 0, "tl_document_parse of the TimeML text: %s", tl_error_last());
	tl_timeml_free(tml);
	tl_timeline *tl = NULL;
	TL_FUZZ_ASSERT(tl_timeline_new(&tl, NULL) == 0 && tl_timeline_add(tl, doc) == 0,
	               "timeline: %s", tl_error_last());
	tl_fuzz_check_timeline(tl);
	return 0;
}
