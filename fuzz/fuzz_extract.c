/*
 * fuzz_extract.c - extraction on arbitrary bytes against an arbitrary DCT.
 *
 * Input: byte 0 chooses the options (bit 0: a DCT is given; bit 1: infer one
 * otherwise; bits 2-3: numeric date order; bit 4: report ambiguous numeric
 * dates; bit 5: add the text a second time without a DCT; bit 6: replace
 * invalid UTF-8 and NUL bytes by U+FFFD; bit 7: a long text, below), bytes
 * 1-3 pick the DCT among the days of years 1..9999, the rest is the text.
 * A long text is the rest repeated, each copy followed by a space, until it
 * holds more than 2 * TL_SCAN_RUN tokens by a rough count (whole copies, at
 * most LONG_MAX_BYTES): libFuzzer's inputs stay short, and only a run that
 * long, without a line break or a sentence end, is cut into chunks by the
 * run rule of the scanner (engine.h, TL_SCAN_RUN).  The fuzz build sets
 * TL_SCAN_RUN to 64 (fuzz/CMakeLists.txt): a long text is then a few
 * kilobytes, and the cut is fuzzed at the speed of short inputs.
 * Asserts: the library and an independent decoder agree on whether the text
 * is UTF-8 and where it first goes wrong; invalid text is refused with
 * TL_EUTF8 and a message naming that offset, or repaired when asked (the
 * first repair at that offset, the result valid UTF-8 without NUL bytes);
 * text that is not refused gives a document and
 * timeline that keep every invariant, and exports that parse.  For a long
 * text besides, its document's text scanned chunk by chunk (tl_scan_chunk)
 * loses no byte and reads none twice (only white space between tokens, code
 * point offsets that agree with the bytes); the chunks are cut as the run rule
 * says: a token after white space lies past TL_SCAN_RUN tokens of its chunk
 * only when fewer than 2 * TL_SCAN_RUN come before it and the one before it
 * may start a date, and a chunk that ends elsewhere than at a line break, a
 * sentence end or the end of the text ends where the rule cuts; every timex
 * lies within one chunk.
 */
#include "fuzz_common.h"

#include "engine.h"

#include <stdio.h>
#include <stdlib.h>

#define HEADER 4
/* The most bytes of a long text: room for 2 * TL_SCAN_RUN tokens of seven
 * bytes and a space each, and some. */
#define LONG_MAX_BYTES (16u * TL_SCAN_RUN + 4096u)

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

/* A rough count of the tokens scan.c makes of s[0..n), at most the right
 * one for ASCII text: each run of digits, each run of letters and other
 * non-ASCII bytes (a period right after letters taken for an
 * abbreviation's), each dash or quote U+2000..U+203F, and each other
 * character but white space (no-break space included). */
static size_t rough_tokens(const uint8_t *s, size_t n)
{
	size_t k = 0;
	int prev = 0; /* 1: after a digit, 2: after a letter, 0: else */
	for (size_t i = 0; i < n; i++) {
		uint8_t c = s[i];
		int cls = c >= '0' && c <= '9'                             ? 1
		          : (unsigned)((c | 0x20) - 'a') < 26 || c >= 0x80 ? 2
		                                                           : 0;
		if ((c == 0xE2 || c == 0xC2) && i + 1 < n &&
		    s[i + 1] == (c == 0xE2 ? 0x80 : 0xA0)) {
			k += c == 0xE2;
			i += c == 0xE2 ? 2 : 1;
			prev = 0;
		} else if (cls == 0 && (c == ' ' || (c >= '\t' && c <= '\r')))
			prev = 0;
		else if (cls == 0 && c == '.' && prev == 2)
			prev = 0;
		else {
			k += cls == 0 || cls != prev;
			prev = cls;
		}
	}
	return k;
}

/* The code points of t[from..to): its bytes but UTF-8 continuation bytes. */
static size_t code_points(const unsigned char *t, size_t from, size_t to)
{
	size_t k = 0;
	for (size_t i = from; i < to; i++)
		k += (t[i] & 0xC0) != 0x80;
	return k;
}

/* 1 when t[from..to) is white space to the scanner: space, tab, line
 * break, CR, VT, FF, no-break space. */
static int white(const unsigned char *t, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (t[i] == 0xC2 && i + 1 < to && t[i + 1] == 0xA0)
			i++;
		else if (t[i] != ' ' && (t[i] < '\t' || t[i] > '\r'))
			return 0;
	}
	return 1;
}

/* The chunks of the text of doc (tl_scan_chunk, with a word table of its
 * own) keep what the header comment says of a long text. */
static void check_chunks(const tl_document *doc)
{
	static tl_wordtab tab;
	static int built;
	if (!built) {
		tl_wordtab_build(&tab);
		built = 1;
	}
	size_t n;
	const unsigned char *t = (const unsigned char *)tl_document_text(doc, &n);
	tl_scan s;
	memset(&s, 0, sizeof(s));
	s.text = (const char *)t;
	s.len = n;
	s.tab = &tab;
	size_t next = 0, cp = 0; /* the end of the last token, in bytes and code points */
	size_t *ends = NULL, nchunk = 0, cap = 0; /* [first byte, end) of each chunk */
	int rc;
	while ((rc = tl_scan_chunk(&s)) == 1) {
		if (s.ntok == 0)
			continue;
		size_t c = 0; /* s.cand[c]: the first candidate from token j - 1 on */
		for (size_t j = 0; j < s.ntok; j++) {
			const tl_tok *k = &s.toks[j];
			TL_FUZZ_ASSERT(k->b >= next && k->b < k->e && k->e <= n &&
			                   white(t, next, k->b),
			               "token %zu of a chunk at %u..%u: the text before it from "
			               "%zu is not white space",
			               j, (unsigned)k->b, (unsigned)k->e, next);
			cp += code_points(t, next, k->b);
			TL_FUZZ_ASSERT(k->cb == cp, "token at byte %u: code point %u, not %zu",
			               (unsigned)k->b, (unsigned)k->cb, cp);
			cp += code_points(t, k->b, k->e);
			TL_FUZZ_ASSERT(k->ce == cp,
			               "token ending at byte %u: code point %u, not %zu",
			               (unsigned)k->e, (unsigned)k->ce, cp);
			next = k->e;
			while (j > 0 && c < s.ncand && s.cand[c] < j - 1)
				c++;
			if (j >= TL_SCAN_RUN && (k->flags & TF_SPACE))
				TL_FUZZ_ASSERT(j < 2 * TL_SCAN_RUN && c < s.ncand &&
				                   s.cand[c] == j - 1,
				               "token %zu of a chunk (byte %u) was to be cut off",
				               j, (unsigned)k->b);
		}
		/* a chunk that ends neither at a line break, nor after a sentence
		 * end (which may also be a run cut), nor at the end of the text,
		 * was cut by the run rule, and no earlier than it lets */
		const tl_tok *last = &s.toks[s.ntok - 1];
		int stop = last->kind == TK_PUNCT &&
		           (last->punct == '.' || last->punct == '!' || last->punct == '?');
		if (s.pos < n && t[s.pos - 1] != '\n' && !stop)
			TL_FUZZ_ASSERT(s.pos == last->e &&
			                   white(t, s.pos, s.pos + 1 + (t[s.pos] == 0xC2)) &&
			                   s.ntok >= TL_SCAN_RUN &&
			                   (s.ntok >= 2 * TL_SCAN_RUN || s.ncand == 0 ||
			                    s.cand[s.ncand - 1] != s.ntok - 1),
			               "a chunk of %zu tokens ends at byte %zu, where the run rule "
			               "does not cut",
			               s.ntok, s.pos);
		if (nchunk == cap) {
			cap = cap ? 2 * cap : 16;
			ends = realloc(ends, 2 * cap * sizeof(*ends));
			TL_FUZZ_ASSERT(ends, "out of memory");
		}
		ends[2 * nchunk] = s.toks[0].b;
		ends[2 * nchunk + 1] = s.toks[s.ntok - 1].e;
		nchunk++;
	}
	TL_FUZZ_ASSERT(rc == 0, "tl_scan_chunk: %d", rc);
	TL_FUZZ_ASSERT(white(t, next, n),
	               "the text after the last token (byte %zu) is not white space", next);
	tl_scan_free(&s);
	/* every timex within one chunk: the last chunk that starts at or before it */
	for (size_t i = 0; i < tl_document_timex_count(doc); i++) {
		const tl_timex *x = tl_document_timex(doc, i);
		size_t lo = 0, hi = nchunk;
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (ends[2 * mid] <= x->byte_start)
				lo = mid;
			else
				hi = mid;
		}
		TL_FUZZ_ASSERT(
		    nchunk && ends[2 * lo] <= x->byte_start && x->byte_end <= ends[2 * lo + 1],
		    "timex %zu..%zu is not within one chunk", x->byte_start, x->byte_end);
	}
	free(ends);
}

/* Every check of the header comment on text[0..len) with the options of
 * header h. */
static void check_text(const uint8_t h[HEADER], const char *text, size_t len)
{
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
		return;
	}
	if (!valid && !opts.replace_invalid) {
		char want[64];
		snprintf(want, sizeof(want), "offset %zu", bad);
		TL_FUZZ_ASSERT(rc == TL_EUTF8 && !doc, "invalid UTF-8 accepted (rc %d)", rc);
		TL_FUZZ_ASSERT(strstr(tl_error_last(), want), "message '%s' does not say '%s'",
		               tl_error_last(), want);
		return;
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

	if (h[0] & 0x80)
		check_chunks(doc);

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
}

/* The text of a long input (header comment): unit[0..n) and a space,
 * repeated, in a new buffer (freed by the caller) of *len bytes. */
static char *long_text(const uint8_t *unit, size_t n, size_t *len)
{
	size_t each = rough_tokens(unit, n), copies = 1;
	if (each)
		copies = 2 * TL_SCAN_RUN / each + 1;
	if (copies > LONG_MAX_BYTES / (n + 1))
		copies = LONG_MAX_BYTES / (n + 1);
	if (copies == 0)
		copies = 1;
	*len = copies * (n + 1);
	char *t = malloc(*len);
	TL_FUZZ_ASSERT(t, "out of memory");
	for (size_t i = 0; i < copies; i++) {
		memcpy(t + i * (n + 1), unit, n);
		t[i * (n + 1) + n] = ' ';
	}
	return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t h[HEADER] = {0};
	memcpy(h, data, size < HEADER ? size : HEADER);
	const uint8_t *rest = data + (size < HEADER ? size : HEADER);
	size_t len = size < HEADER ? 0 : size - HEADER;
	if (!(h[0] & 0x80)) {
		check_text(h, (const char *)rest, len);
		return 0;
	}
	char *text = long_text(rest, len, &len);
	check_text(h, text, len);
	free(text);
	return 0;
}
