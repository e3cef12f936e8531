/*
 * utf8_repair.c - make arbitrary bytes into valid UTF-8 text by replacing
 * what is not, each replacement counted and the first one located.
 *
 * Each maximal subpart of an ill-formed sequence becomes one U+FFFD (the
 * practice the Unicode Standard recommends, chapter 3, "U+FFFD Substitution
 * of Maximal Subparts"): a lead byte followed by the continuation bytes that
 * could still have completed it is one replacement; any other bad byte is
 * one replacement on its own.  NUL bytes are replaced as well, since C
 * strings (headlines, iCalendar text) cannot carry them.
 */
#include "utf8_repair.h"

#include <stdint.h>

/* Length of the maximal subpart of the ill-formed sequence at s[i]. */
static size_t bad_length(const unsigned char *s, size_t len, size_t i)
{
	unsigned c = s[i], lo = 0x80, hi = 0xBF;
	size_t n;
	if (c >= 0xC2 && c <= 0xDF)
		n = 1;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 2;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 3;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else
		return 1; /* a continuation byte, C0, C1, F5..FF */
	if (i + 1 >= len || s[i + 1] < lo || s[i + 1] > hi)
		return 1;
	size_t k = 2;
	while (k <= n && i + k < len && (s[i + k] & 0xC0) == 0x80)
		k++;
	return k; /* <= n: the whole sequence would have been valid */
}

/* Offset of the first invalid sequence in s[from..len), or len. */
static size_t next_bad(const char *s, size_t len, size_t from)
{
	size_t bad;
	return tl_utf8_valid(s + from, len - from, &bad) ? len : from + bad;
}

int tl_utf8_repair(char **out, size_t *out_len, size_t *count, size_t *first, const char *str,
                   size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	tl_buf b = {0};
	size_t i = 0, bad = next_bad(str, len, 0);
	*out = NULL;
	*out_len = *count = *first = 0;
	if (len > (SIZE_MAX - 1) / 3)
		return TL_ENOMEM;
	while (i < len) {
		/* bytes [i, bad) are valid UTF-8; stop at a NUL among them */
		const unsigned char *nul = memchr(s + i, 0, bad - i);
		size_t stop = nul ? (size_t)(nul - s) : bad;
		tl_buf_put(&b, str + i, stop - i);
		i = stop;
		if (i >= len)
			break;
		if (!*count)
			*first = i;
		(*count)++;
		tl_buf_put(&b, "\xEF\xBF\xBD", 3);
		if (nul)
			i++;
		else {
			i += bad_length(s, len, i);
			bad = next_bad(str, len, i);
		}
	}
	char *p = tl_buf_detach(&b, out_len);
	if (!p)
		return TL_ENOMEM;
	*out = p;
	return 0;
}
