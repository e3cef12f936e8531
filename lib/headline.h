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

/** The longest headline, in code points. */
#define TL_HL_MAX 100

/** The shape of a token in a cache: its length (low 32 bits), the bytes
 * between it and the token before (bits 32-62), and its space flag (bit
 * 63), each cut to its low bits.  Two runs of tokens lie alike in their bytes when
 * their first lengths and space flags, and all the later shapes, agree. */
typedef uint64_t tl_hl_shape;

/** The bits of a gap a token shape holds, and the longest span a memo
 * holds: the lengths of the tokens of a span, and the gaps between them,
 * are shorter than the span, so the shapes of a remembered span lose
 * nothing. */
#define TL_HL_SHAPE_GAP 0x7FFFFFFFu
/** The bits of the first token's shape that a memo compares: its length
 * and space flag, not its gap to a token outside the span. */
#define TL_HL_SHAPE_FIRST (0xFFFFFFFFu | (tl_hl_shape)1 << 63)

/** What is known of an array that repeats itself: element x equals
 * element x - d for every x in [lo, hi).  Zero-initialise: nothing known.
 * See tl_hl_same(). */
typedef struct tl_hl_repeat {
	size_t d, lo, hi;
} tl_hl_repeat;

/**
 * Are elements [a, a+n) and [b, b+n) (b < a) of an array equal?  The
 * elements are size bytes each, element x at base + (x - org) * size
 * (org <= b).  r keeps what the comparisons found: asked of the same
 * distance a - b with a moving on through the array (the spans of text
 * that repeats itself), each element is compared once, not once a span.
 * r must be asked only of one array, whose elements [org, ...) never
 * change while r is used.
 */
static inline int tl_hl_same(tl_hl_repeat *r, const void *base, size_t size, size_t org, size_t a,
                             size_t b, size_t n)
{
	const unsigned char *p = base;
	size_t d = a - b, end = a + n;
	if (r->d != d || a < r->lo || a > r->hi) {
		r->d = d; /* nothing known at this distance and place */
		r->lo = r->hi = a;
	}
	if (r->hi < end) {
		size_t k = r->hi;
		if (memcmp(p + (k - org) * size, p + (k - d - org) * size, (end - k) * size) != 0)
			return 0;
		r->hi = end;
	}
	return 1;
}

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
	size_t ta, tz;    /* the date's tokens [ta, tz) */
	size_t src;       /* the bytes equal memo_text[src, src + nbytes) of the
	                   * scratch; SIZE_MAX: not known */
	size_t tsrc;      /* the shapes after the first equal those of the cached tokens
	                   * from number tsrc + 1 on (see tl_hl_scratch.abs0) */
	char *out;        /* the headline, len bytes */
	const char *keep; /* the caller's copy of it, or NULL: see tl_hl_keep() */
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
	tl_hl_shape *shape; /* the shapes of base[0, nshaped): worked out when a
	                     * memo asks (see tl_hl_shapes()) */
	size_t cap_shape, nshaped;
	const char *text;     /* the text the cache belongs to */
	tl_sentence sentence; /* ... and the sentence */
	size_t cb, ce;        /* the span tokenised */
	size_t hint;          /* base[hint]: the last date's first token; SIZE_MAX: none */
	size_t abs0;          /* the number of base[0]: each token cut for one
	                       * scratch has its own number, never reused */
	int valid;            /* the cache may be reused */
	tl_hl_tok *toks;      /* the current window's tokens: a view into base */
	tl_hl_shape *shapes;  /* their shapes: a view into shape */
	size_t ntok;
	size_t *sel;
	size_t nsel, cap_sel;
	tl_buf out;
	tl_hl_memo *memo; /* TL_HL_MEMO headlines worked out before; NULL until the first */
	size_t misses;    /* dates since one found a headline remembered */
	tl_hl_memo *last; /* the memo of the last headline, or NULL */
	unsigned char memo_next[TL_HL_SETS]; /* per set: the way to fill next */
	const char *memo_text;               /* the text of the memos' src */
	tl_hl_repeat rep_bytes;              /* what repeats in memo_text ... */
	tl_hl_repeat rep_shapes;             /* ... and in the tokens' shapes */
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

/** Append the tokens of t[from, to) to the scratch's cached tokens
 * (base), growing them and the room for their shapes (shape: see
 * tl_hl_shapes()); space: white space comes just before from.  Reads t up
 * to the first byte after to that is no ASCII letter or digit (t must hold
 * one: a NUL).  See headline_tokens.c.  0, or TL_ENOMEM. */
int tl_hl_tokenize(tl_hl_scratch *sc, const char *t, size_t from, size_t to, int space);

/** Work out the shapes of the cached tokens base[nshaped, n) (n <= nbase),
 * in shape: see headline_tokens.c. */
void tl_hl_shapes_from(tl_hl_scratch *sc, size_t n);

/** Make the shapes of the cached tokens base[0, n) (n <= nbase) known;
 * those after them are left as they are.  Shapes are asked for only where
 * a memo is compared or stored: most dates of prose find no memo with
 * their token count and date place, and their tokens need no shapes. */
static inline void tl_hl_shapes(tl_hl_scratch *sc, size_t n)
{
	if (sc->nshaped < n)
		tl_hl_shapes_from(sc, n);
}

/** Where the caller may keep its own copy of the last headline
 * tl_headline() gave, for the next time it gives the same: the slot holds
 * a pointer the caller set for an equal headline before (the scratch only
 * keeps it, and never frees it), or NULL.  NULL when the headline is not
 * remembered.  A slot is cleared when its headline is forgotten; the
 * pointer must stay valid as long as the scratch may hand it back. */
static inline const char **tl_hl_keep(tl_hl_scratch *sc)
{
	return sc->last ? &sc->last->keep : NULL;
}

/** Free the work space.  The scratch may be used again afterwards. */
void tl_hl_scratch_free(tl_hl_scratch *scratch);

#endif
