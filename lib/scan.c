/*
 * scan.c - the scanner: UTF-8 text to tokens, one chunk at a time.
 *
 * A chunk ends at a hard line break: a blank line, or a single line break
 * that wrap.c does not take for the wrapping of a longer line; a soft line
 * break is white space, so a sentence or a date may run across it.
 * A token is a run of ASCII letters (a word), a run of digits (a number), or
 * one punctuation character.  Bytes of other UTF-8 letters join the word
 * they touch, so such a word never matches a table entry; the dashes U+2013
 * and U+2014 become '-' and the quotes U+2018/U+2019 become '\''.  The
 * letters of a word are read sixteen at a time, and the same sixteen bytes
 * give its case-folded key, which is looked up in the parser's word table
 * (tl_wordtab_lookup); a word longer than any table word is skipped without
 * a lookup.
 * Offsets are kept both in bytes and in code points.  The token buffer is
 * reused from chunk to chunk: nothing is allocated per token.
 */
#include "engine.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define MAXWORD 14 /* longest table word ("thanksgiving", "approximately") */
/* A chunk longer than MAXCHUNK bytes ends at its next line break or
 * sentence end.  A run with neither (no prose has one) is cut once it holds
 * TL_SCAN_RUN tokens (engine.h), see tl_scan_chunk(). */
#define MAXCHUNK 65536

/* Character classes of the bytes (C_HIGH: any byte of a multi-byte UTF-8 sequence). */
enum { C_OTHER = 0, C_SPACE, C_NL, C_DIGIT, C_UPPER, C_LOWER, C_HIGH };

#define O C_OTHER
#define S C_SPACE
#define N C_NL
#define D C_DIGIT
#define U C_UPPER
#define L C_LOWER
#define H C_HIGH
/* The class of every byte: one load per byte instead of a chain of tests. */
/* clang-format off */
static const unsigned char byte_class[256] = {
	O, O, O, O, O, O, O, O, O, S, N, S, S, S, O, O, /* 0x00 */
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, /* 0x10 */
	S, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, /* 0x20 */
	D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O, /* 0x30 */
	O, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* 0x40 */
	U, U, U, U, U, U, U, U, U, U, U, O, O, O, O, O, /* 0x50 */
	O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* 0x60 */
	L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O, /* 0x70 */
	H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, /* 0x80 */
	H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, /* 0x90 */
	H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, /* 0xA0 */
	H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, /* 0xB0 */
	H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, /* 0xC0 */
	H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, /* 0xD0 */
	H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, /* 0xE0 */
	H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, /* 0xF0 */
};
/* clang-format on */
#undef O
#undef S
#undef N
#undef D
#undef U
#undef L
#undef H

static inline unsigned char cclass(unsigned char c)
{
	return byte_class[c];
}

/* Length of the UTF-8 sequence that starts with byte c (valid input). */
static size_t seqlen(unsigned char c)
{
	return c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* 1 when the n ASCII letters at p are all upper case (a capitalised word
 * is tested once it is read, not every letter of every word). */
static int all_upper(const unsigned char *p, size_t n)
{
	for (size_t j = 0; j < n; j++)
		if (p[j] & 0x20)
			return 0;
	return 1;
}

/*
 * The number of ASCII letters at p, and when there are at most
 * TL_WORDKEY_MAX of them, their key (engine.h, tl_wordkey_of) in *k.  The
 * text is padded (see tl_scan): at least TL_SCAN_PAD bytes past its end
 * are readable and none is a letter, so the letters are read sixteen at a
 * time, and the key comes from the same sixteen bytes.
 */
static inline size_t letter_run(const unsigned char *p, tl_wordkey *k)
{
#if defined(__SSE2__)
	/* the first i bytes of a vector are kept by mask[16 - i .. 32 - i) */
	static const unsigned char mask[32] = {
	    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0,    0,    0,    0,    0,    0,
	    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
	};
	size_t r = 0;
	for (;;) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + r));
		/* with bit 0x20 set, exactly the letters lie in 0x61..0x7A, and
		 * bytes from 0x80 are negative as signed chars */
		__m128i x = _mm_or_si128(v, _mm_set1_epi8(0x20));
		__m128i m = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0x60)),
		                          _mm_cmplt_epi8(x, _mm_set1_epi8(0x7B)));
		unsigned other = (unsigned)_mm_movemask_epi8(m) ^ 0xFFFFu;
		if (other) {
			size_t run = (size_t)__builtin_ctz(other);
			if (r == 0) {
				x = _mm_and_si128(
				    x, _mm_loadu_si128(
				           (const __m128i *)(const void *)(mask + 16 - run)));
				k->a = (uint64_t)_mm_cvtsi128_si64(x);
				k->b = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(x, x));
			}
			return r + run;
		}
		if (r == 0) { /* sixteen letters: the key of all sixteen */
			k->a = (uint64_t)_mm_cvtsi128_si64(x);
			k->b = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(x, x));
		}
		r += 16;
	}
#else
	size_t r = 0;
	while ((unsigned char)((p[r] | 0x20) - 'a') < 26)
		r++;
	if (r && r <= TL_WORDKEY_MAX)
		*k = tl_wordkey_of((const char *)p, r);
	return r;
#endif
}

/* Grow the token buffer of s by one token at least, and the candidate
 * lists to the same capacity. */
static int grow(tl_scan *s)
{
	if (tl_grow((void **)&s->toks, &s->cap, s->ntok + 1, sizeof(tl_tok)))
		return TL_ENOMEM;
	size_t c = s->capx;
	if (tl_grow((void **)&s->cand, &c, s->cap, sizeof(tl_off)))
		return TL_ENOMEM;
	c = s->capx;
	if (tl_grow((void **)&s->ends, &c, s->cap, sizeof(tl_off)))
		return TL_ENOMEM;
	c = s->capx;
	if (tl_grow((void **)&s->cues, &c, s->cap, sizeof(tl_off)))
		return TL_ENOMEM;
	s->capx = c;
	return 0;
}

void tl_scan_free(tl_scan *s)
{
	free(s->toks);
	free(s->cand);
	free(s->ends);
	free(s->cues);
	s->toks = NULL;
	s->cand = s->ends = s->cues = NULL;
	s->ntok = s->cap = s->ncand = s->nends = s->ncues = s->capx = 0;
}

/* How many tokens the buffers of s hold (the token buffer and the lists). */
static size_t capacity(const tl_scan *s)
{
	return s->cap < s->capx ? s->cap : s->capx;
}

/* The count of tokens at which tl_scan_chunk(), with nt tokens so far,
 * stops to test and grow: the buffers' capacity, but at most TL_SCAN_RUN,
 * and past TL_SCAN_RUN (with room for one more) the next token, so that
 * the run test is made there and then at every token. */
static size_t room(const tl_scan *s, size_t nt)
{
	size_t c = capacity(s);
	return nt >= TL_SCAN_RUN ? nt + 1 : c < TL_SCAN_RUN ? c : TL_SCAN_RUN;
}

/* Tokenise the next chunk of s->text into s->toks.  Tokens are written in
 * place; a word's key for the table lookup comes from the bytes read to
 * find its end (letter_run).  Code points are not counted byte by byte: xb
 * counts the bytes past the first of each multi-byte character so far, and
 * the code point offset of byte i is i - xb. */
int tl_scan_chunk(tl_scan *s)
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t i = s->pos, n = s->len;
	size_t xb = s->pos - s->cpos; /* bytes before pos minus code points */
	size_t nt = 0, cap = room(s, 0);
	tl_tok *toks = s->toks;
	/* the next entries of s->cand, s->ends, s->cues */
	tl_off *pc = s->cand, *pe = s->ends, *pt = s->cues;
	unsigned pending = 0; /* TF_SPACE / TF_NL before the next token */
	s->ntok = s->ncand = s->nends = s->ncues = 0;
	if (i >= n)
		return 0;
	if (i == 0)
		pending = TF_NL;
	size_t start = i, line_tok = 0; /* line_tok: first token of the line */
	if (i == 0 || t[i - 1] == '\n')
		s->line_cp = i - xb;
	while (i < n) {
		unsigned char c = t[i];
		unsigned char k = cclass(c);
		if (k == C_SPACE) {
			pending |= TF_SPACE;
			i++;
			continue;
		}
		if (k == C_NL) {
			i++;
			if (nt == line_tok) {
				s->line_cp = i - xb;
				break; /* nothing on the line */
			}
			s->ntok = nt;
			int hard = tl_wrap_break(s, line_tok, i);
			s->line_cp = i - xb;
			line_tok = nt;
			/* a chunk ends at a hard line break, and a very long
			 * paragraph at any line break */
			if (hard || i - start > MAXCHUNK)
				break;
			pending |= TF_SPACE;
			continue;
		}
		if (nt == cap) {
			/* past TL_SCAN_RUN tokens, every token comes here: the run
			 * is cut after the last token (before the white space that
			 * follows it) when that token cannot start a date, or after
			 * 2 * TL_SCAN_RUN tokens anyway */
			if (nt >= TL_SCAN_RUN && (pending & TF_SPACE) &&
			    (nt >= 2 * TL_SCAN_RUN || pc == s->cand || pc[-1] != nt - 1)) {
				i = toks[nt - 1].e;
				xb = i - toks[nt - 1].ce;
				break;
			}
			s->ntok = nt;
			s->ncand = (size_t)(pc - s->cand);
			s->nends = (size_t)(pe - s->ends);
			s->ncues = (size_t)(pt - s->cues);
			if (nt == capacity(s)) { /* the buffers are full */
				if (grow(s))
					return TL_ENOMEM;
				toks = s->toks;
			}
			cap = room(s, nt);
			pc = s->cand + s->ncand;
			pe = s->ends + s->nends;
			pt = s->cues + s->ncues;
		}
		tl_tok *tok = &toks[nt];
		tok->b = (tl_off)i;
		tok->cb = (tl_off)(i - xb);
		tok->ndig = 0;
		tok->punct = 0;
		tok->num = 0;
		tok->w = NULL;
		if (k == C_DIGIT) {
			int64_t v = 0;
			size_t nd = 0;
			while (i < n && t[i] >= '0' && t[i] <= '9') {
				if (v < INT64_MAX / 10 - 10)
					v = v * 10 + (t[i] - '0');
				else
					v = INT64_MAX / 10;
				i++;
				nd++;
			}
			*pc++ = (tl_off)nt;
			tok->flags = (uint8_t)pending;
			tok->kind = TK_NUM;
			tok->num = v;
			tok->ndig = (uint8_t)(nd > 255 ? 255 : nd);
		} else if (k >= C_UPPER) { /* C_UPPER, C_LOWER, C_HIGH */
			if (k == C_HIGH) {
				/* dashes and quotes are punctuation, not letters */
				if (c == 0xE2 && i + 2 < n && t[i + 1] == 0x80) {
					/* general punctuation U+2000..203F: dashes, quotes, ... */
					unsigned char d = t[i + 2];
					tok->flags = (uint8_t)pending;
					tok->kind = TK_PUNCT;
					tok->punct = d == 0x93 || d == 0x94   ? '-'
					             : d == 0x98 || d == 0x99 ? '\''
					                                      : '*';
					if (tok->punct == '\'')
						*pc++ = (tl_off)nt;
					i += 3;
					xb += 2;
					goto push;
				}
				if (c == 0xC2 && i + 1 < n &&
				    t[i + 1] == 0xA0) { /* no-break space */
					pending |= TF_SPACE;
					i += 2;
					xb++;
					continue;
				}
			}
			size_t wb = i,
			       extra = 0; /* extra: bytes past the first of each code point */
			int high = 0;
			tl_wordkey key;
			i += letter_run(t + i, &key);
			for (;;) {
				unsigned char d = t[i];
				if (cclass(d) == C_HIGH &&
				    !(d == 0xE2 && i + 1 < n && t[i + 1] == 0x80) &&
				    !(d == 0xC2 && i + 1 < n && t[i + 1] == 0xA0)) {
					size_t l = seqlen(d);
					if (l > n - i)
						l = n - i;
					high = 1;
					i += l;
					extra += l - 1;
					i += letter_run(t + i, &key);
				} else
					break;
			}
			size_t wl = i - wb;
			unsigned flags = pending;
			xb += extra;
			tok->kind = TK_WORD;
			if (k == C_UPPER)
				flags |= TF_CAP;
			if (k == C_UPPER && !high && wl > 1 && all_upper(t + wb + 1, wl - 1))
				flags |= TF_UPPER;
			const tl_word *w = NULL;
			if (!high && wl <= MAXWORD) {
				w = tl_wordtab_lookup(s->tab, key, tl_wordkey_hash(key, wl));
				tok->w = w;
				if (t[i] == '.') { /* t[n] is '\0' */
					/* an abbreviation or a single letter keeps its period */
					int dotted = wl == 1 &&
					             ((i + 1 < n && cclass(t[i + 1]) >= C_UPPER) ||
					              (wb > 0 && t[wb - 1] == '.'));
					if (w ? (w->flags & WF_ABBR) || dotted : dotted) {
						i++;
						flags |= TF_PERIOD;
						*pe++ = (tl_off)nt;
					}
				}
			}
			tok->flags = (uint8_t)flags;
			/* the candidates, and the words in which word_cue()
			 * (engine.c) may find a tense cue, by the same tests; i - wb
			 * is the byte length, with a kept period ("set" is no table
			 * word) */
			if (w) {
				if (tl_word_may_start(w))
					*pc++ = (tl_off)nt;
				if (w->cls == W_TENSE ||
				    (w->cls == W_MONTH && w->val == 5 && !(flags & TF_CAP)))
					*pt++ = (tl_off)nt;
			} else if (i - wb == 1) { /* 2 for a letter that kept its period */
				*pc++ = (tl_off)nt;
			} else if (t[i - 1] == 'd'
			               ? i - wb >= 4 && t[i - 2] == 'e'
			               : t[i - 1] == 't' && i - wb == 3 && (t[wb] | 0x20) == 's' &&
			                     t[wb + 1] == 'e') {
				*pt++ = (tl_off)nt;
			}
		} else {
			tok->flags = (uint8_t)pending;
			tok->kind = TK_PUNCT;
			tok->punct = (char)c;
			i++;
			if (c == '\'')
				*pc++ = (tl_off)nt;
			else if (c == '.' || c == '!' || c == '?') {
				*pe++ = (tl_off)nt;
				/* a very long line is cut after a sentence end */
				if (i - start > MAXCHUNK && i < n && cclass(t[i]) == C_SPACE) {
					tok->e = (tl_off)i;
					tok->ce = (tl_off)(i - xb);
					nt++;
					break;
				}
			}
		}
	push:
		pending = 0;
		tok->e = (tl_off)i;
		tok->ce = (tl_off)(i - xb);
		nt++;
		if (t[i] == ' ') { /* the usual single space: one pass less */
			pending = TF_SPACE;
			i++;
		}
	}
	s->ntok = nt;
	s->ncand = (size_t)(pc - s->cand);
	s->nends = (size_t)(pe - s->ends);
	s->ncues = (size_t)(pt - s->cues);
	s->pos = i;
	s->cpos = i - xb;
	return 1;
}
