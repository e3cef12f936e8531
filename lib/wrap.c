/*
 * wrap.c - hard-wrapped text: which line breaks end a unit of text.
 *
 * E-mails, Project Gutenberg books and press releases saved at 72 columns
 * break their lines wherever the width runs out, in the middle of a
 * sentence or of a date ("on November\n5, 2021").  The scanner asks here,
 * at each line break, whether the break is hard (the chunk ends there, as
 * at a paragraph) or soft (white space, like a space).  The rule:
 *
 *  - a blank line (two or more line breaks, white space between) is always
 *    a paragraph boundary;
 *  - a single line break is soft, unless
 *    1. the line before is longer than TL_WRAP_MAXLINE code points: wrapped
 *       text is narrower, so such a text holds one paragraph per line;
 *    2. the line before ends a sentence: . ! ? or :, maybe followed by
 *       closing quotes or brackets (a period after an abbreviation, "Nov."
 *       or "Dr.", does not end one: the test of the sentence split);
 *    3. the next line starts (after indentation) with a list marker: a
 *       dash, asterisk, plus sign or bullet and a space, or a number of up
 *       to three digits, '.' or ')' and a space;
 *    4. the line before or the next line is written in capitals: two or more
 *       capital letters and no small letter (ASCII), as a dateline ("PORT
 *       ELLISON") or a heading is;
 *    5. the line before ended early: the next line starts with a capital
 *       letter and its first word would have fitted on the line before
 *       (the line, a space and the word are no longer than the longest line
 *       of the paragraph so far, the next line counted in).  A heading or a
 *       short line in a list ("Mill closes\nThe council voted ...") ends
 *       there; a line cut by the wrapping width cannot be that short.
 *
 * Lengths are counted in code points, trailing white space left out.  The
 * decision looks at the tokens of the line before and reads ahead into the
 * next line only as far as it needs (its first word; its length only when
 * rule 5 is in doubt, and then no further than the length that settles it).
 */
#include "engine.h"

/* ASCII white space other than the line feed. */
static int blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Is token k a closing quote or bracket: ) ] " ' (U+2019 is scanned as
 * '\'') or U+201D? */
static int closer(const char *text, const tl_tok *k)
{
	if (k->kind != TK_PUNCT)
		return 0;
	if (k->punct == ')' || k->punct == ']' || k->punct == '"' || k->punct == '\'')
		return 1;
	return k->punct == '*' && k->e - k->b == 3 && (unsigned char)text[k->b] == 0xE2 &&
	       (unsigned char)text[k->b + 1] == 0x80 && (unsigned char)text[k->b + 2] == 0x9D;
}

/* Does the line whose tokens end at toks[n - 1] (tokens from first on are
 * on that line) end a sentence (rule 2)? */
static int ends_sentence(const tl_scan *s, size_t first, size_t n)
{
	size_t k = n;
	while (k > first && closer(s->text, &s->toks[k - 1]))
		k--;
	if (k == first)
		return 0;
	const tl_tok *t = &s->toks[k - 1];
	if (t->kind != TK_PUNCT)
		return 0;
	if (t->punct == '!' || t->punct == '?' || t->punct == ':')
		return 1;
	if (t->punct != '.')
		return 0;
	return !(k - 1 > first && s->toks[k - 2].kind == TK_WORD && !(t->flags & TF_SPACE) &&
	         tl_is_abbrev(s->text, &s->toks[k - 2]));
}

/* Does the line at t[i..n) start with a list marker (rule 3)? */
static int list_marker(const unsigned char *t, size_t i, size_t n)
{
	while (i < n && blank(t[i]))
		i++;
	if (i < n && (t[i] == '-' || t[i] == '*' || t[i] == '+'))
		return i + 1 < n && blank(t[i + 1]);
	if (i + 3 < n && t[i] == 0xE2 && t[i + 1] == 0x80 &&
	    (t[i + 2] == 0xA2 || t[i + 2] == 0x93 || t[i + 2] == 0x94)) /* bullet, dashes */
		return blank(t[i + 3]);
	size_t d = 0;
	while (i + d < n && d < 4 && t[i + d] >= '0' && t[i + d] <= '9')
		d++;
	return d >= 1 && d <= 3 && i + d + 1 < n && (t[i + d] == '.' || t[i + d] == ')') &&
	       blank(t[i + d + 1]);
}

/* Is t[i, n) up to the next line break written in capitals (rule 4)? */
static int in_capitals(const unsigned char *t, size_t i, size_t n)
{
	size_t caps = 0;
	for (; i < n && t[i] != '\n'; i++) {
		if (t[i] >= 'a' && t[i] <= 'z')
			return 0;
		caps += t[i] >= 'A' && t[i] <= 'Z';
	}
	return caps >= 2;
}

int tl_wrap_break(tl_scan *s, size_t first, size_t i)
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t n = s->len, j = i;
	while (j < n && blank(t[j]))
		j++;
	if (j >= n || t[j] == '\n') {
		s->width = 0; /* a blank line (or the end): a new paragraph */
		return 1;
	}
	if (first >= s->ntok)
		return 1; /* nothing on the line before (cannot happen: see above) */
	size_t len = s->toks[s->ntok - 1].ce - s->line_cp;
	if (len > TL_WRAP_MAXLINE)
		return 1;
	if (len > s->width)
		s->width = len;
	if (ends_sentence(s, first, s->ntok) || list_marker(t, i, n) ||
	    in_capitals(t, s->toks[first].b, i - 1) || in_capitals(t, j, n))
		return 1;
	if (t[j] < 'A' || t[j] > 'Z')
		return 0;
	/* rule 5: the first word of the next line, then its length if need be */
	size_t need = len + 1, k = j;
	while (k < n && !blank(t[k]) && t[k] != '\n')
		need += (t[k++] & 0xC0) != 0x80;
	if (need <= s->width)
		return 1;
	size_t next = 0, upto = 0; /* code points so far, up to the last non-blank */
	for (k = i; k < n && t[k] != '\n' && upto < need; k++) {
		next += (t[k] & 0xC0) != 0x80;
		if (!blank(t[k]))
			upto = next;
	}
	return upto >= need;
}
