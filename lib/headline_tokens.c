/*
 * headline_tokens.c - the tokens of the sentence around a date, for its
 * headline (see headline.c): words and punctuation marks, cut once per
 * sentence and shared by the windows of its dates.
 */
#include "events_internal.h"
#include "headline.h"

/* What the tokenizer makes of a byte, by table: white space (' ', tab,
 * CR, LF), an ASCII letter or digit, a byte of 0x80 and above (a word
 * byte, or part of a UTF-8 mark), or any other byte (a mark). */
enum { KIND_SPACE, KIND_ALNUM, KIND_HIGH, KIND_MARK };
#define KIND1(c)                                                                                   \
	((c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\n' ? KIND_SPACE                      \
	 : ((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z')  \
	     ? KIND_ALNUM                                                                          \
	 : (c) >= 0x80 ? KIND_HIGH                                                                 \
	               : KIND_MARK)
#define KIND4(c) KIND1(c), KIND1((c) + 1), KIND1((c) + 2), KIND1((c) + 3)
#define KIND16(c) KIND4(c), KIND4((c) + 4), KIND4((c) + 8), KIND4((c) + 12)
#define KIND64(c) KIND16(c), KIND16((c) + 16), KIND16((c) + 32), KIND16((c) + 48)
static const unsigned char kind_tab[256] = {KIND64(0), KIND64(64), KIND64(128), KIND64(192)};

/* The one-byte marks that always end a clause (MARK_STRONG), and those
 * where the search for a clause's edge stops: these and the comma
 * (MARK_EDGE). */
#define MARK_STRONG 1u
#define MARK_EDGE 2u
#define STRONG1(c)                                                                                 \
	((c) == ';' || (c) == ':' || (c) == '(' || (c) == ')' || (c) == '[' || (c) == ']' ||       \
	 (c) == '"' || (c) == '!' || (c) == '?' || (c) == '-' || (c) == '\0')
#define MARK1(c) (STRONG1(c) ? MARK_STRONG | MARK_EDGE : (c) == ',' ? MARK_EDGE : 0u)
#define MARK4(c) MARK1(c), MARK1((c) + 1), MARK1((c) + 2), MARK1((c) + 3)
#define MARK16(c) MARK4(c), MARK4((c) + 4), MARK4((c) + 8), MARK4((c) + 12)
#define MARK64(c) MARK16(c), MARK16((c) + 16), MARK16((c) + 32), MARK16((c) + 48)
static const unsigned char mark_tab[128] = {MARK64(0), MARK64(64)};

/* Length of the UTF-8 punctuation mark at s[0..n) (dashes, curly quotes,
 * ellipsis), or 0. */
static size_t utf8_punct(const unsigned char *s, size_t n)
{
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x98 || s[2] == 0x9C || s[2] == 0x9D ||
	     s[2] == 0xA6))
		return 3;
	if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB)) /* guillemets */
		return 2;
	return 0;
}

/* Append the tokens of t[from, to) to the cache; space: white space comes
 * just before from.  A token is a word (letters, digits and UTF-8 bytes
 * other than the marks of utf8_punct(), its parts joined by ' - & before a
 * word byte), a UTF-8 mark, or any other byte.  A mark's facts are worked
 * out here, a word's when a rule asks (word_facts() in headline.c). */
int tl_hl_tokenize(tl_hl_scratch *sc, const char *t, size_t from, size_t to, int space)
{
	const unsigned char *u = (const unsigned char *)t;
	/* at most one token per byte: room for all of them at once */
	size_t most = sc->nbase + (to - from);
	if (most > sc->cap_base &&
	    tl_grow((void **)&sc->base, &sc->cap_base, most, sizeof(*sc->base)))
		return TL_ENOMEM;
	if (most > sc->cap_shape &&
	    tl_grow((void **)&sc->shape, &sc->cap_shape, most, sizeof(*sc->shape)))
		return TL_ENOMEM;
	tl_hl_tok *base = sc->base;
	size_t nb = sc->nbase;
	size_t i = from;
	while (i < to) {
		unsigned char c = u[i];
		unsigned kind = kind_tab[c];
		if (kind == KIND_SPACE) {
			space = 1;
			i++;
			continue;
		}
		/* each kind of token is written whole in its branch: the
		 * fields it leaves 0 are stored together */
		tl_hl_tok *k = &base[nb];
		size_t p = kind == KIND_HIGH ? utf8_punct(u + i, to - i) : 0, j;
		if (p) {
			/* every UTF-8 mark but the left quote ends a clause */
			unsigned char st = t[i + 2] != (char)0x98;
			j = i + p;
			*k = (tl_hl_tok){.start = i,
			                 .end = j,
			                 .space = (unsigned char)space,
			                 .strong = st,
			                 .edge = st,
			                 .facts = 1};
		} else if (kind != KIND_MARK) {
			unsigned char ascii = 1;
			j = kind == KIND_ALNUM ? i + 1 : i; /* u[i] is known */
			for (;;) {
				/* the common case, before the general tests; the text
				 * is NUL-terminated, so the run may be read past to */
				const unsigned char *q = u + j;
				while (kind_tab[*q] == KIND_ALNUM)
					q++;
				j = (size_t)(q - u);
				if (j >= to) {
					j = to;
					break;
				}
				unsigned char d = u[j];
				if (d >= 0x80) {
					if (utf8_punct(u + j, to - j))
						break;
					j++; /* the word bytes that are no ASCII letter or digit */
					ascii = 0;
				} else if ((d == '\'' || d == '-' || d == '&') && j + 1 < to &&
				           tl_hl_is_word_byte(t[j + 1]) &&
				           !utf8_punct(u + j + 1, to - j - 1)) {
					j++; /* a joiner between two word parts */
				} else {
					break;
				}
			}
			*k = (tl_hl_tok){.start = i,
			                 .end = j,
			                 .word = 1,
			                 .space = (unsigned char)space,
			                 .ascii = ascii};
		} else {
			unsigned m = mark_tab[c]; /* c < 0x80: a KIND_MARK byte */
			j = i + 1;
			*k = (tl_hl_tok){.start = i,
			                 .end = j,
			                 .space = (unsigned char)space,
			                 .mark = (char)c,
			                 .strong = (unsigned char)(m & MARK_STRONG),
			                 .ascii = 1,
			                 .edge = (unsigned char)((m & MARK_EDGE) != 0),
			                 .facts = 1};
		}
		nb++;
		i = j;
		space = 0;
	}
	sc->nbase = nb;
	return 0;
}

/* The shapes of base[nshaped, n): a token's length, its gap to the token
 * before (0 for base[0] when no shape is known: the first token cut), and
 * its space flag.  Lengths and gaps are cut to their low bits: a memo
 * holds no span where that loses anything (see TL_HL_SHAPE_GAP).  The
 * shape of base[0] after the tokens before it are dropped is the one
 * worked out while they were there (window_tokens() in headline.c works it
 * out before it drops them). */
void tl_hl_shapes_from(tl_hl_scratch *sc, size_t n)
{
	const tl_hl_tok *k = sc->base + sc->nshaped, *e = sc->base + n;
	tl_hl_shape *sh = sc->shape + sc->nshaped;
	size_t prev = sc->nshaped ? k[-1].end : k->start; /* the last token's end */
	for (; k < e; k++) {
		/* the gap's low 31 bits, at bits 32-62 */
		tl_hl_shape gap = (tl_hl_shape)(k->start - prev) << 33 >> 1;
		*sh++ = (uint32_t)(k->end - k->start) | gap | (tl_hl_shape)k->space << 63;
		prev = k->end;
	}
	sc->nshaped = n;
}
