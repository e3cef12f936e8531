/*
 * headline_tokens.c - the tokens of the sentence around a date, for its
 * headline (see headline.c): words and punctuation marks, cut once per
 * sentence and shared by the windows of its dates.
 */
#include "events_internal.h"
#include "headline.h"

/* 1 for the ASCII letters and digits, by table: the tokenizer asks it of
 * every byte of a word. */
#define ALNUM1(c)                                                                                  \
	(((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
#define ALNUM4(c) ALNUM1(c), ALNUM1((c) + 1), ALNUM1((c) + 2), ALNUM1((c) + 3)
#define ALNUM16(c) ALNUM4(c), ALNUM4((c) + 4), ALNUM4((c) + 8), ALNUM4((c) + 12)
#define ALNUM64(c) ALNUM16(c), ALNUM16((c) + 16), ALNUM16((c) + 32), ALNUM16((c) + 48)
static const unsigned char alnum_tab[256] = {ALNUM64(0), ALNUM64(64), ALNUM64(128), ALNUM64(192)};

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

/* 1 for the one-byte marks that always end a clause. */
static int strong_mark(char c)
{
	switch (c) {
	case ';':
	case ':':
	case '(':
	case ')':
	case '[':
	case ']':
	case '"':
	case '!':
	case '?':
	case '-':
	case '\0':
		return 1;
	default:
		return 0;
	}
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
	tl_hl_shape *shape = sc->shape;
	size_t nb = sc->nbase;
	size_t prev = nb ? base[nb - 1].end : SIZE_MAX; /* the last token's end */
	size_t i = from;
	while (i < to) {
		unsigned char c = u[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			space = 1;
			i++;
			continue;
		}
		/* each kind of token is written whole in its branch: the
		 * fields it leaves 0 are stored together */
		tl_hl_tok *k = &base[nb];
		size_t p = c >= 0xC2 ? utf8_punct(u + i, to - i) : 0;
		if (p) {
			/* every UTF-8 mark but the left quote ends a clause */
			unsigned char st = t[i + 2] != (char)0x98;
			*k = (tl_hl_tok){.start = i,
			                 .end = i + p,
			                 .space = (unsigned char)space,
			                 .strong = st,
			                 .edge = st,
			                 .facts = 1};
		} else if (alnum_tab[c] || c >= 0x80) {
			size_t j = i;
			unsigned char ascii = 1;
			for (;;) {
				/* the common case, before the general tests; the text
				 * is NUL-terminated, so the run may be read past to */
				const unsigned char *q = u + j;
				while (alnum_tab[*q])
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
			unsigned char st = (unsigned char)strong_mark((char)c);
			*k = (tl_hl_tok){.start = i,
			                 .end = i + 1,
			                 .space = (unsigned char)space,
			                 .mark = (char)c,
			                 .strong = st,
			                 .ascii = 1,
			                 .edge = st || c == ',',
			                 .facts = 1};
		}
		/* lengths and gaps cut to their low bits: a memo holds no span
		 * where that loses anything (see TL_HL_SHAPE_GAP) */
		size_t gap = prev == SIZE_MAX ? 0 : i - prev;
		shape[nb] = (uint32_t)(k->end - i) | (tl_hl_shape)(gap & TL_HL_SHAPE_GAP) << 32 |
		            (tl_hl_shape)space << 63;
		nb++;
		prev = i = k->end;
		space = 0;
	}
	sc->nbase = nb;
	return 0;
}
