/*
 * engine.c - drives the engine stages over one document.
 *
 * (First slice: sentence splitting only; the stages scan.c, match.c,
 * refine.c and resolve.c plug in here.)
 */
#include "internal.h"

/* Split doc->text into sentences: a sentence ends after . ! ? followed by
 * space, or at a line break. */
static int split_sentences(tl_document *doc)
{
	const char *t = doc->text;
	size_t n = doc->len, start = 0;
	for (size_t i = 0; i < n; i++) {
		int end = t[i] == '\n' ||
		          ((t[i] == '.' || t[i] == '!' || t[i] == '?') && i + 1 < n &&
		           (t[i + 1] == ' ' || t[i + 1] == '\n'));
		if (end || i + 1 == n) {
			size_t e = t[i] == '\n' ? i : i + 1;
			while (start < e && (t[start] == ' ' || t[start] == '\t' || t[start] == '\r'))
				start++;
			if (e > start) {
				tl_sentence s = { start, e };
				if (TL_VEC_PUSH(doc->sentences, doc->nsentence, doc->cap_sentence, s))
					return TL_ENOMEM;
			}
			start = i + 1;
		}
	}
	return 0;
}

/* Run the engine over doc. */
int tl_engine_run(tl_document *doc, const tl_parser *parser, int infer_dct)
{
	(void)parser;
	(void)infer_dct;
	return split_sentences(doc);
}
