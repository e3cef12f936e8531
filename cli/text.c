/*
 * text.c - what the library would refuse in a text, found before it is
 * handed over, so that the command can name the line and column: invalid
 * UTF-8, a NUL byte, a UTF-16 or UTF-32 byte order mark.  See cli.h.
 */
#include "cli.h"

#include <string.h>

/* The byte order mark of another encoding that s[0..n) starts with; see cli.h. */
const char *cli_foreign_bom(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
		return "UTF-32LE byte order mark FF FE 00 00 (convert the text to UTF-8)";
	if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
		return "UTF-32BE byte order mark 00 00 FE FF (convert the text to UTF-8)";
	if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return "UTF-16LE byte order mark FF FE (convert the text to UTF-8)";
	if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return "UTF-16BE byte order mark FE FF (convert the text to UTF-8)";
	return NULL;
}

/* What the library would refuse in s[0..n), and where; see cli.h. */
const char *cli_text_problem(const char *s, size_t n, int first, size_t *at, int replace,
                             size_t *repair)
{
	size_t bad = n;
	const char *why = NULL, *bom = first ? cli_foreign_bom(s, n) : NULL;
	if (bom) {
		*at = 0;
		return bom;
	}
	if (tl_utf8_validate(&bad, s, n) != 0)
		why = "invalid UTF-8";
	const char *nul = memchr(s, 0, bad);
	if (replace) {
		*repair = nul ? (size_t)(nul - s) : bad;
		return NULL; /* the library replaces it */
	}
	if (nul) {
		*at = (size_t)(nul - s);
		return "NUL byte (not UTF-8 text: UTF-16?)";
	}
	*at = bad;
	return why;
}
