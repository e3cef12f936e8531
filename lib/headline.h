/*
 * headline.h - the headline of an event: the clause that carries its date.
 */
#ifndef TL_HEADLINE_H
#define TL_HEADLINE_H

#include "internal.h"

/** A token of a sentence: a word or one punctuation mark (byte range),
 * with the facts the headline rules ask of it, worked out once: a mark's
 * when it is cut, a word's (cls, content, lower, edge) when a rule first
 * asks, which sets facts. */
typedef struct tl_hl_tok {
	size_t start, end;
	unsigned cls;          /* TL_WORD_* classes of a word; 0 for a mark */
	unsigned char word;    /* 1: word, 0: punctuation */
	unsigned char space;   /* 1: white space before it */
	unsigned char content; /* a word with a letter that is no function word */
	char mark;             /* a one-byte mark: that byte; 0 otherwise */
	unsigned char strong;  /* a mark that always ends a clause */
	unsigned char lower;   /* a word that starts with an ASCII lowercase letter */
	unsigned char ascii;   /* ASCII bytes only: as many code points as bytes */
	unsigned char edge;    /* a strong mark, a comma or a verb of reporting:
	                        * where the search for a clause's edge stops */
	unsigned char facts;   /* 1: cls, content, lower and edge are worked out */
} tl_hl_tok;

/** The shape of a token in a cache: its length (low 32 bits), the bytes
 * between it and the token before (bits 32-62), and its space flag (bit
 * 63), each cut to its low bits.  Two runs of tokens lie alike in their bytes when
 * their first lengths and space flags, and all the later shapes, agree. */
typedef uint64_t tl_hl_shape;

/** A headline worked out before, with all the rules read to find it: the
 * bytes of the tokens it saw (from the first token's start to the last
 * token's end, and the byte after), the tokens' shapes (where each lies
 * among those bytes), and which tokens were the date.  A date whose tokens agree on all of these
 * gets the same headline.  Owns its arrays. */
typedef struct tl_hl_memo {
	char *bytes; /* nbytes: the span and the byte after it */
	size_t nbytes, cap_bytes;
	tl_hl_shape *shapes; /* nshape: one per token */
	size_t nshape, cap_shape;
	size_t ta, tz; /* the date's tokens [ta, tz) */
	char *out;     /* the headline, len bytes */
	size_t len, cap_out;
	int valid;
} tl_hl_memo;

/** Headlines remembered, in TL_HL_SETS sets of TL_HL_WAYS: a headline
 * goes to the set its token count, date place, span length and first bytes
 * pick, and replaces the oldest there.  Enough for text that repeats a few
 * dates over and over ("in 2020 and 1999 and last week and ..."), at the
 * starts and ends of its sentences too. */
#define TL_HL_SETS 64
#define TL_HL_WAYS 4
#define TL_HL_MEMO (TL_HL_SETS * TL_HL_WAYS)

/** Reusable work space for tl_headline(); zero-initialise, free with
 * tl_hl_scratch_free().  It keeps the tokens of the sentence text it was
 * last given (from the start of the last window on), so that the events of
 * one sentence, or the sliding windows of one long sentence, cut each byte
 * into tokens once. */
typedef struct tl_hl_scratch {
	tl_hl_tok *base; /* cached tokens of text[cb, ce), live from base[first] */
	size_t nbase, cap_base, first;
	tl_hl_shape *shape; /* the shapes of base[0, nbase) */
	size_t cap_shape;
	const char *text;     /* the text the cache belongs to */
	tl_sentence sentence; /* ... and the sentence */
	size_t cb, ce;        /* the span tokenised */
	size_t hint;          /* base[hint]: the last date's first token; SIZE_MAX: none */
	int valid;            /* the cache may be reused */
	tl_hl_tok *toks;      /* the current window's tokens: a view into base */
	tl_hl_shape *shapes;  /* their shapes: a view into shape */
	size_t ntok;
	size_t *sel;
	size_t nsel, cap_sel;
	tl_buf out;
	tl_hl_memo *memo; /* TL_HL_MEMO headlines worked out before; NULL until the first */
	unsigned char memo_next[TL_HL_SETS]; /* per set: the way to fill next */
} tl_hl_scratch;

/** 1 when byte c may be part of a word (letters, digits, UTF-8 bytes). */
static inline int tl_hl_is_word_byte(char c)
{
	unsigned char u = (unsigned char)c;
	return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80;
}

/**
 * The headline of the date text[a, z) inside the window w of sentence s (w
 * lies inside s; it is s itself unless s is long): see headline.c for the
 * rule.  Returns the headline (not NUL-terminated, *len bytes) in scratch's
 * buffer, valid until the next call; NULL when out of memory.  Calls for
 * the dates of one sentence in text order share the sentence's tokens:
 * text must not change between calls with one scratch.  text must hold
 * a NUL at or after s.end (a document's text is NUL-terminated): a word is
 * read on to the first byte that is no letter or digit.
 */
const char *tl_headline(tl_hl_scratch *scratch, const char *text, tl_sentence s, tl_sentence w,
                        size_t a, size_t z, size_t *len);

/** Free the work space.  The scratch may be used again afterwards. */
void tl_hl_scratch_free(tl_hl_scratch *scratch);

#endif
