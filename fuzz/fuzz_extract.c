/*
 * fuzz_extract.c - extraction on arbitrary bytes against an arbitrary DCT.
 *
 * Input: byte 0 chooses the options (bit 0: a DCT is given; bit 1: infer one
 * otherwise; bits 2-3: numeric date order; bit 4: report ambiguous numeric
 * dates; bit 5: add the text a second time without a DCT; bit 6: replace
 * invalid UTF-8 and NUL bytes by U+FFFD), bytes 1-3 pick the
 * DCT among the days of years 1..9999, the rest is the text.
 * Asserts: the library and an independent decoder agree on whether the text
 * is UTF-8 and where it first goes wrong; invalid text is refused with
 * TL_EUTF8 and a message naming that offset, or repaired when asked (the
 * first repair at that offset, the result valid UTF-8 without NUL bytes);
 * text that is not refused gives a document and
 * timeline that keep every invariant, and exports that parse.
 */
#include "fuzz_common.h"

#include <stdio.h>

#define HEADER 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One parser per (numeric order, report_ambiguous), built once. */
static tl_parser *parser_for(int order, int ambiguous)
{
	static tl_parser *parsers[3][2];
	if (!parsers[order][ambiguous]) {
		tl_parser_options po = TL_PARSER_OPTIONS_INIT;
		po.numeric_order = (tl_date_order)order;
		po.report_ambiguous = ambiguous;
		int rc = tl_parser_new(&parsers[order][ambiguous], &po);
		TL_FUZZ_ASSERT(rc == 0, "tl_parser_new: %s", tl_error_last());
	}
	return parsers[order][ambiguous];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t h[HEADER] = {0};
	memcpy(h, data, size < HEADER ? size : HEADER);
	const char *text = (const char *)data + (size < HEADER ? size : HEADER);
	size_t len = size < HEADER ? 0 : size - HEADER;

	tl_document_options opts = TL_DOCUMENT_OPTIONS_INIT;
	opts.id = "fuzz";
	opts.has_dct = h[0] & 1;
	opts.infer_dct = (h[0] >> 1) & 1;
	opts.replace_invalid = (h[0] >> 6) & 1;
	int64_t first = tl_date_to_days((tl_date){1, 1, 1});
	int64_t span = tl_date_to_days((tl_date){9999, 12, 31}) - first + 1;
	int64_t pick = ((int64_t)h[1] << 16 | (int64_t)h[2] << 8 | h[3]) % span;
	opts.dct = tl_date_from_days(first + pick);
	tl_parser *parser = parser_for(((h[0] >> 2) & 3) % 3, (h[0] >> 4) & 1);

	size_t bad = 0, bad_ref = 0;
	int valid = tl_utf8_valid(text, len, &bad);
	int valid_ref = tl_fuzz_utf8_valid((const uint8_t *)text, len, &bad_ref);
	TL_FUZZ_ASSERT(valid == valid_ref && (valid || bad == bad_ref),
	               "UTF-8 check says %d at %zu, reference %d at %zu", valid, bad, valid_ref,
	               bad_ref);

	/* the first byte that is not UTF-8 text: an invalid sequence or a NUL */
	const char *nul = memchr(text, 0, valid ? len : bad);
	if (nul) {
		valid = 0;
		bad = (size_t)(nul - text);
	}
	const uint8_t *b = (const uint8_t *)text;
	int utf16 = len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF));
	int utf32 = len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF;

	tl_document *doc = NULL;
	int rc = tl_document_parse(&doc, parser, text, len, &opts);
	if (utf16 || utf32) {
		TL_FUZZ_ASSERT(rc == TL_EUTF8 && !doc, "UTF-16/32 byte order mark accepted");
		TL_FUZZ_ASSERT(strstr(tl_error_last(), "UTF-"), "message '%s' names no encoding",
		               tl_error_last());
		return 0;
	}
	if (!valid && !opts.replace_invalid) {
		char want[64];
		snprintf(want, sizeof(want), "offset %zu", bad);
		TL_FUZZ_ASSERT(rc == TL_EUTF8 && !doc, "invalid UTF-8 accepted (rc %d)", rc);
		TL_FUZZ_ASSERT(strstr(tl_error_last(), want), "message '%s' does not say '%s'",
		               tl_error_last(), want);
		return 0;
	}
	TL_FUZZ_ASSERT(rc == 0 && doc, "tl_document_parse failed: %s", tl_error_last());
	size_t first_repair = 0, nrepair = tl_document_repairs(doc, &first_repair);
	size_t tlen;
	const char *copy = tl_document_text(doc, &tlen);
	if (valid)
		TL_FUZZ_ASSERT(nrepair == 0 && tlen == len && memcmp(copy, text, len) == 0,
		               "document text differs from the input");
	else {
		TL_FUZZ_ASSERT(nrepair > 0 && first_repair == bad,
		               "%zu repairs, first at %zu, expected %zu", nrepair, first_repair,
		               bad);
		TL_FUZZ_ASSERT(memcmp(copy, text, bad) == 0 && tlen <= len + 2 * nrepair &&
		                   memcmp(copy + bad, "\xEF\xBF\xBD", 3) == 0,
		               "repaired text does not start as the input does");
		TL_FUZZ_ASSERT(tl_utf8_valid(copy, tlen, NULL) && !memchr(copy, 0, tlen),
		               "repaired text is not clean UTF-8");
	}

	tl_date dct;
	tl_dct_source src = tl_document_dct(&dct, doc);
	if (opts.has_dct)
		TL_FUZZ_ASSERT(src == TL_DCT_GIVEN && tl_date_cmp(dct, opts.dct) == 0,
		               "given DCT not kept");
	else if (!opts.infer_dct)
		TL_FUZZ_ASSERT(src == TL_DCT_NONE, "a DCT was inferred though not asked for");
	else
		TL_FUZZ_ASSERT(src != TL_DCT_GIVEN, "an inferred DCT is reported as given");
	if (src != TL_DCT_NONE)
		TL_FUZZ_ASSERT(dct.month >= 1 && dct.month <= 12 && dct.day >= 1 &&
		                   dct.day <= tl_date_days_in_month(dct.year, dct.month),
		               "DCT %d-%d-%d is not a date", (int)dct.year, (int)dct.month,
		               (int)dct.day);

	tl_timeline *tl = NULL;
	rc = tl_timeline_new(&tl, NULL);
	TL_FUZZ_ASSERT(rc == 0, "tl_timeline_new: %s", tl_error_last());
	rc = tl_timeline_add(tl, doc);
	TL_FUZZ_ASSERT(rc == 0, "tl_timeline_add: %s", tl_error_last());
	if (h[0] & 0x20) {
		tl_document_options o2 = TL_DOCUMENT_OPTIONS_INIT;
		o2.id = "fuzz-2";
		o2.replace_invalid = opts.replace_invalid;
		rc = tl_document_parse(&doc, parser, text, len, &o2);
		TL_FUZZ_ASSERT(rc == 0, "second parse failed: %s", tl_error_last());
		rc = tl_timeline_add(tl, doc);
		TL_FUZZ_ASSERT(rc == 0, "tl_timeline_add: %s", tl_error_last());
	}
	tl_fuzz_check_timeline(tl);
	return 0;
}
