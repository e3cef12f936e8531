/*
 * headline.h - the headline of an event: the clause that carries its date.
 */
#ifndef TL_HEADLINE_H
#define TL_HEADLINE_H

#include "internal.h"

/** A token of a sentence: a word or one punctuation mark (byte range). */
typedef struct tl_hl_tok {
	size_t start, end;
	int word;     /* 1: word, 0: punctuation */
	int space;    /* 1: white space before it */
	unsigned cls; /* TL_WORD_* classes of a word, TL_HL_CLS_UNSET until looked up */
} tl_hl_tok;

#define TL_HL_CLS_UNSET 0x80000000u

/** Reusable work space for tl_headline(); zero-initialise, free with
 * tl_hl_scratch_free(). */
typedef struct tl_hl_scratch {
	tl_hl_tok *toks;
	size_t ntok, cap_tok;
	size_t *sel;
	size_t nsel, cap_sel;
	tl_buf out;
	/* toks hold the tokens of text[tok_start, tok_end) when tok_text is
	 * text: the events of one sentence share its tokens and word classes */
	const char *tok_text;
	size_t tok_start, tok_end;
} tl_hl_scratch;

/** 1 when byte c may be part of a word (letters, digits, UTF-8 bytes). */
static inline int tl_hl_is_word_byte(char c)
{
	unsigned char u = (unsigned char)c;
	return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80;
}

/**
 * The headline of the date text[a, z) inside sentence s: see events.c for
 * the rule.  Returns the headline (not NUL-terminated, *len bytes) in
 * scratch's buffer, valid until the next call; NULL when out of memory.
 * The tokens of s are kept in scratch for the next call on the same text
 * and sentence: text must not change between calls with one scratch.
 */
const char *tl_headline(tl_hl_scratch *scratch, const char *text, tl_sentence s, size_t a, size_t z,
                        size_t *len);

/** Free the work space.  The scratch may be used again afterwards. */
void tl_hl_scratch_free(tl_hl_scratch *scratch);

#endif
