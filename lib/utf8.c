/*
 * utf8.c - UTF-8 validation and counting (RFC 3629).
 *
 * Valid: 1-byte ASCII; 2..4-byte sequences with the right continuation bytes,
 * no overlong forms, no surrogates (U+D800..DFFF), nothing above U+10FFFF.
 *
 * Speed: prose is mostly ASCII, so both functions look at 8 bytes at a time
 * (one load, one mask; validation at 32 while they are all ASCII) and fall back to the byte-by-byte
 * rules only around non-ASCII bytes.  The loads go through memcpy, which compilers turn into a
 * single unaligned load, so no alignment or aliasing rule is bent.
 */
#include "internal.h"

#include <stdint.h>

#define HIGH_BITS 0x8080808080808080ULL

/* The 8 bytes at p as one word (any alignment). */
static inline uint64_t load8(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, sizeof(w));
	return w;
}

/* 1 when s[0..len) is valid UTF-8, else 0 with the first bad offset. */
int tl_utf8_valid(const char *str, size_t len, size_t *bad_offset)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		/* skip ASCII 32 bytes at a time, then 8 */
		while (len - i >= 32 &&
		       ((load8(s + i) | load8(s + i + 8) | load8(s + i + 16) | load8(s + i + 24)) &
		        HIGH_BITS) == 0)
			i += 32;
		while (len - i >= 8 && (load8(s + i) & HIGH_BITS) == 0)
			i += 8;
		if (i >= len)
			break;
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		unsigned lo = 0x80, hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			n = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else
			goto bad;
		if (len - i <= n)
			goto bad;
		if (s[i + 1] < lo || s[i + 1] > hi)
			goto bad;
		for (size_t k = 2; k <= n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				goto bad;
		i += n + 1;
	}
	return 1;
bad:
	if (bad_offset)
		*bad_offset = i;
	return 0;
}

/* Code points in valid UTF-8: every byte that is not a continuation byte. */
size_t tl_utf8_count(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = 0, i = 0;
	for (; len - i >= 8; i += 8) {
		uint64_t w = load8(s + i);
		/* a continuation byte is 10xxxxxx: bit 7 set and bit 6 clear */
		uint64_t cont = w & ~(w << 1) & HIGH_BITS;
		/* one bit per byte at bit 0; the multiply adds the 8 bytes into the top one */
		n += 8 - (size_t)(((cont >> 7) * 0x0101010101010101ULL) >> 56);
	}
	for (; i < len; i++)
		n += (s[i] & 0xC0) != 0x80;
	return n;
}

/* The encoding a leading byte order mark names, when it is not UTF-8. */
const char *tl_utf8_foreign_bom(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	if (len >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0)
		return "UTF-32LE (byte order mark FF FE 00 00)";
	if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF)
		return "UTF-32BE (byte order mark 00 00 FE FF)";
	if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
		return "UTF-16LE (byte order mark FF FE)";
	if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
		return "UTF-16BE (byte order mark FE FF)";
	return NULL;
}

/* Public form of tl_utf8_valid(): 0, or TL_EUTF8 with the first bad offset. */
int tl_utf8_validate(size_t *bad_offset, const char *text, size_t len)
{
	if (!text)
		return len ? TL_EINVAL : 0;
	return tl_utf8_valid(text, len, bad_offset) ? 0 : TL_EUTF8;
}
