/*
 * json_writer.c - a streaming JSON writer in json-c's layout (json_writer.h).
 *
 * Strings are escaped as json-c 0.16 escapes them with NOSLASHESCAPE:
 * " \ and the controls \b \f \n \r \t by name, every other byte below 0x20 as
 * \u00xx (lower-case hex), everything else (0x7F and UTF-8 included) as is.
 * Runs of bytes that need no escape are copied in one piece, found 16 bytes
 * at a time with SSE2, else a word at a time (and with a 256-entry table).  A string is written
 * into room reserved for it at once: its length plus 2 when it needs no escape, else at most 6
 * bytes a byte (counted exactly for long strings).  The pieces of the objects written in one piece
 * are made by the same rules as the calls member by member (plain_key(), end()).
 */
#include "json_writer.h"

#include <assert.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* 0: copy as is; 1: needs an escape. */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00..0x0F */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10..0x1F */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* '\\' */
};

/* Append n bytes: a memcpy when they fit, else tl_buf_put() grows the buffer. */
static inline void put(tl_jw *w, const char *s, size_t n)
{
	tl_buf *b = w->b;
	if (n < b->cap - b->len && b->cap > b->len && !b->failed) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else {
		tl_buf_put(b, s, n);
	}
}

/* Room for n more bytes and the NUL after them (the buffer grows): where
 * they go, or NULL when the buffer has failed.  Write, then close(). */
static char *room(tl_jw *w, size_t n)
{
	tl_buf *b = w->b;
	if (b->failed)
		return NULL;
	if (n >= SIZE_MAX - 1 - b->len ||
	    (b->len + n + 1 > b->cap &&
	     tl_grow((void **)&b->data, &b->cap, b->len + n + 1, 1) != 0)) {
		b->failed = 1;
		return NULL;
	}
	return b->data + b->len;
}

/* The bytes written from room() on end at p. */
static void close_at(tl_jw *w, char *p)
{
	w->b->len = (size_t)(p - w->b->data);
	*p = '\0';
}

/* Write a line break and the indentation of `level` (two spaces each). */
static void indent(tl_jw *w, int level)
{
	size_t n = (size_t)level * 2;
	char *p = room(w, n + 1);
	if (!p)
		return;
	*p++ = '\n';
	memset(p, ' ', n);
	close_at(w, p + n);
}

void tl_jw_init(tl_jw *w, tl_buf *b, int pretty)
{
	memset(w, 0, sizeof(*w));
	w->b = b;
	w->pretty = pretty;
}

/* Spaces for indentation copied in one fixed-size piece. */
static const char spaces[32] = "                                ";

/* The room sep_at() may write into: 2 + 2 * depth, at least 2 + 32. */
static size_t sep_room(const tl_jw *w)
{
	size_t n = (size_t)w->depth * 2;
	return 2 + (n > sizeof(spaces) ? n : sizeof(spaces));
}

/* The separator and indentation the next value of an array asks for, at p
 * (room: sep_room()); returns the end.  Marks the place taken. */
static char *sep_at(tl_jw *w, char *p)
{
	if (w->count[w->depth - 1])
		*p++ = ',';
	w->count[w->depth - 1] = 1;
	if (w->pretty) {
		size_t n = (size_t)w->depth * 2;
		*p++ = '\n';
		if (n <= sizeof(spaces))
			memcpy(p, spaces, sizeof(spaces)); /* a fixed copy */
		else
			memset(p, ' ', n);
		p += n;
	}
	return p;
}

/* Before a value: the separator and indentation its place asks for, and
 * room for `extra` bytes after them (extra <= SIZE_MAX / 2): where the value
 * goes, or NULL (the buffer failed, or a misuse: w->failed). */
static char *value_at(tl_jw *w, size_t extra)
{
	if (w->after_key) {
		w->after_key = 0;
		return room(w, extra);
	}
	if (w->depth == 0)
		return room(w, extra);
	if (w->is_object[w->depth - 1]) {
		w->failed = 1; /* a value in an object needs a key */
		return NULL;
	}
	char *p = room(w, extra + sep_room(w));
	return p ? sep_at(w, p) : NULL;
}

/* Before a value written with put(): its separator and indentation. */
static void before_value(tl_jw *w)
{
	char *p = value_at(w, 0);
	if (p)
		close_at(w, p);
}

static void begin(tl_jw *w, int is_object)
{
	if (w->depth >= TL_JW_MAX_DEPTH) {
		before_value(w);
		w->failed = 1;
		return;
	}
	char *p = value_at(w, 1);
	if (p) {
		*p++ = is_object ? '{' : '[';
		close_at(w, p);
	}
	w->count[w->depth] = 0;
	w->is_object[w->depth] = (unsigned char)is_object;
	w->depth++;
}

static void end(tl_jw *w, int is_object)
{
	if (w->depth == 0 || w->is_object[w->depth - 1] != is_object || w->after_key) {
		w->failed = 1;
		return;
	}
	w->depth--;
	size_t n = w->pretty ? 1 + (size_t)w->depth * 2 : 0;
	char *p = room(w, n + 1);
	if (!p)
		return;
	if (n) {
		*p++ = '\n';
		memset(p, ' ', n - 1);
		p += n - 1;
	}
	*p++ = is_object ? '}' : ']';
	close_at(w, p);
}

void tl_jw_begin_object(tl_jw *w)
{
	begin(w, 1);
}

void tl_jw_end_object(tl_jw *w)
{
	end(w, 1);
}

void tl_jw_begin_array(tl_jw *w)
{
	begin(w, 0);
}

void tl_jw_end_array(tl_jw *w)
{
	end(w, 0);
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/*
 * Does any of the 8 bytes at p need an escape (below 0x20, '"' or '\\')?
 * Bit tricks on one word: (x - ONES * n) & ~x & HIGHS is non-zero exactly when
 * some byte of x is below n (n <= 0x80); a byte equal to c is a zero byte of
 * x ^ (ONES * c).
 */
static inline int word_needs_escape(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof(x));
	uint64_t q = x ^ (ONES * '"'), b = x ^ (ONES * '\\');
	uint64_t t = ((x - ONES * 0x20) & ~x) | ((q - ONES) & ~q) | ((b - ONES) & ~b);
	return (t & HIGHS) != 0;
}

#if defined(__SSE2__)
/* Which of the 16 bytes at p need an escape (below 0x20, '"' or '\\'): bit i
 * for byte i.  A byte is below 0x20 when its minimum with 0x1F is itself. */
static inline unsigned block_escapes(const unsigned char *p)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i c = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
	c = _mm_or_si128(c, _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
	c = _mm_or_si128(c, _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
	return (unsigned)_mm_movemask_epi8(c);
}
#endif

/* The 4 bytes at p as the low half of a word. */
static inline uint64_t load4(const unsigned char *p)
{
	uint32_t x;
	memcpy(&x, p, sizeof(x));
	return x;
}

/*
 * Does any byte of s[0..len) need an escape?  A word at a time, the last word
 * overlapping the one before; 4 to 7 bytes as one word made of the first and
 * the last 4 (the exporters' short values: types, dates, "Nov. 5").
 */
static inline int any_escape(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
#if defined(__SSE2__)
	if (len >= 16) {
		for (size_t i = 0; len - i > 16; i += 16)
			if (block_escapes(u + i))
				return 1;
		return block_escapes(u + len - 16) != 0;
	}
#endif
	if (len >= 8) {
		for (size_t i = 0; len - i > 8; i += 8)
			if (word_needs_escape(u + i))
				return 1;
		return word_needs_escape(u + len - 8);
	}
	if (len >= 4) {
		uint64_t x = load4(u) | load4(u + len - 4) << 32;
		unsigned char b[8];
		memcpy(b, &x, sizeof(b));
		return word_needs_escape(b);
	}
	for (size_t i = 0; i < len; i++)
		if (needs_escape[u[i]])
			return 1;
	return 0;
}

/* s[0..len) quoted and escaped at p (room: tl_jw_str_room()); returns the end. */
static char *escape_at(char *p, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	size_t run = 0, i = 0;
	*p++ = '"';
	for (; i < len; i++) {
		/* skip 16 (or 8) bytes at a time while none of them needs an escape */
#if defined(__SSE2__)
		while (len - i >= 16) {
			unsigned m = block_escapes(u + i);
			if (m) {
				i += (size_t)__builtin_ctz(m);
				break;
			}
			i += 16;
		}
#endif
		while (len - i >= 8 && !word_needs_escape(u + i))
			i += 8;
		if (i >= len)
			break;
		if (!needs_escape[u[i]])
			continue;
		memcpy(p, s + run, i - run);
		p += i - run;
		run = i + 1;
		*p++ = '\\';
		switch (u[i]) {
		case '"':
			*p++ = '"';
			break;
		case '\\':
			*p++ = '\\';
			break;
		case '\b':
			*p++ = 'b';
			break;
		case '\f':
			*p++ = 'f';
			break;
		case '\n':
			*p++ = 'n';
			break;
		case '\r':
			*p++ = 'r';
			break;
		case '\t':
			*p++ = 't';
			break;
		default:
			*p++ = 'u';
			*p++ = '0';
			*p++ = '0';
			*p++ = hex[u[i] >> 4];
			*p++ = hex[u[i] & 15];
		}
	}
	memcpy(p, s + run, len - run);
	p += len - run;
	*p++ = '"';
	return p;
}

/* Strings up to this long that need escapes reserve the most they can take
 * (6 bytes a byte) instead of counting. */
#define ESCAPE_GUESS 4096

size_t tl_jw_str_room(const char *s, size_t len, int *esc)
{
	const unsigned char *u = (const unsigned char *)s;
	*esc = any_escape(s, len);
	if (!*esc)
		return tl_jw_add(len, 2);
	if (len <= ESCAPE_GUESS)
		return 6 * len + 2;
	size_t n = 2;
	for (size_t i = 0; i < len; i++) {
		size_t k = !needs_escape[u[i]] ? 1 : memchr("\"\\\b\f\n\r\t", u[i], 7) ? 2 : 6;
		n = tl_jw_add(n, k);
	}
	return n;
}

char *tl_jw_put_str(char *p, const char *s, size_t len, int esc)
{
	if (esc)
		return escape_at(p, s, len);
	*p++ = '"';
	memcpy(p, s, len);
	p += len;
	*p++ = '"';
	return p;
}

/* The quoted, escaped form of s[0..len). */
static void put_string(tl_jw *w, const char *s, size_t len)
{
	int esc;
	char *p = room(w, tl_jw_str_room(s, len, &esc));
	if (p)
		close_at(w, tl_jw_put_str(p, s, len, esc));
}

/* Can a key go in now?  Sets w->failed when not. */
static int key_ok(tl_jw *w)
{
	if (w->depth == 0 || !w->is_object[w->depth - 1] || w->after_key) {
		w->failed = 1;
		return 0;
	}
	return 1;
}

/*
 * The common case of a key, one that needs no escape: ",\n    \"key\": " in
 * one piece, with room for `extra` bytes of value after it.  Where the value
 * goes, or NULL when the buffer failed.  The member is counted.
 */
static char *plain_key(tl_jw *w, const char *key, size_t kl, size_t extra)
{
	size_t ind = w->pretty ? (size_t)w->depth * 2 : 0;
	char *p = room(w, kl + ind + 6 + extra);
	if (p) {
		if (w->count[w->depth - 1])
			*p++ = ',';
		if (w->pretty) {
			*p++ = '\n';
			memset(p, ' ', ind);
			p += ind;
		}
		*p++ = '"';
		memcpy(p, key, kl);
		p += kl;
		*p++ = '"';
		*p++ = ':';
		if (w->pretty)
			*p++ = ' ';
	}
	w->count[w->depth - 1] = 1;
	return p;
}

/*
 * plain_key() for a padded key (16 bytes readable, see TL_JW_PAD): fixed-size
 * copies of the indentation and the key, which room() leaves slack for.
 */
static char *padded_key(tl_jw *w, const char *key, size_t kl, size_t extra)
{
	size_t ind = w->pretty ? (size_t)w->depth * 2 : 0;
	if (kl > 16 || ind > sizeof(spaces) || extra > SIZE_MAX / 2)
		return plain_key(w, key, kl, extra);
	char *p = room(w, kl + ind + 6 + extra + 48); /* slack for the fixed copies */
	if (p) {
		if (w->count[w->depth - 1])
			*p++ = ',';
		if (w->pretty) {
			*p++ = '\n';
			memcpy(p, spaces, sizeof(spaces));
			p += ind;
		}
		*p++ = '"';
		memcpy(p, key, 16);
		p += kl;
		*p++ = '"';
		*p++ = ':';
		if (w->pretty)
			*p++ = ' ';
	}
	w->count[w->depth - 1] = 1;
	return p;
}

void tl_jw_key(tl_jw *w, const char *key)
{
	if (!key_ok(w))
		return;
	size_t kl = strlen(key);
	if (!any_escape(key, kl)) {
		char *p = plain_key(w, key, kl, 0);
		if (p)
			close_at(w, p);
		w->after_key = 1;
		return;
	}
	if (w->count[w->depth - 1])
		put(w, ",", 1);
	w->count[w->depth - 1] = 1;
	if (w->pretty)
		indent(w, w->depth);
	put_string(w, key, kl);
	if (w->pretty)
		put(w, ": ", 2);
	else
		put(w, ":", 1);
	w->after_key = 1;
}

size_t tl_jw_place(tl_jw *w)
{
	if (w->depth == 0 || w->is_object[w->depth - 1] || w->after_key) {
		w->failed = 1; /* only a value of an array has a place of its own */
		return w->b->len;
	}
	before_value(w);
	w->after_key = 1;
	return w->b->len;
}

void tl_jw_strn(tl_jw *w, const char *s, size_t len)
{
	int esc;
	size_t n = tl_jw_str_room(s, len, &esc);
	char *p = n <= SIZE_MAX / 2 ? value_at(w, n) : NULL;
	if (n > SIZE_MAX / 2)
		w->b->failed = 1;
	if (p)
		close_at(w, tl_jw_put_str(p, s, len, esc));
}

void tl_jw_str(tl_jw *w, const char *s)
{
	tl_jw_strn(w, s, strlen(s));
}

/* The pairs of digits 00..99, for writing two digits a step. */
static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                            "25262728293031323334353637383940414243444546474849"
                            "50515253545556575859606162636465666768697071727374"
                            "75767778798081828384858687888990919293949596979899";

/* v in decimal at p (at most 20 bytes; all 20 may be written over, the
 * value's bytes first): the digits are made from the last, two a step (in 32
 * bits once they fit), right-aligned in a scratch buffer that is then copied
 * whole, so that neither the number of digits nor the copy's length need be
 * known beforehand. */
char *tl_jw_put_int(char *p, int64_t v)
{
	/* the magnitude as unsigned, so that INT64_MIN needs no special case */
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	if (m < 10) { /* the commonest: one digit */
		*p = '-';
		p += v < 0;
		*p = (char)('0' + m);
		return p + 1;
	}
	char buf[40] = {0}, *q = buf + 20; /* digits end at buf + 20; 20 more to copy */
	while (m > UINT32_MAX) {
		q -= 2;
		memcpy(q, pairs + m % 100 * 2, 2);
		m /= 100;
	}
	uint32_t k = (uint32_t)m;
	while (k >= 100) {
		q -= 2;
		memcpy(q, pairs + k % 100 * 2, 2);
		k /= 100;
	}
	if (k >= 10) {
		q -= 2;
		memcpy(q, pairs + k * 2, 2);
	} else
		*--q = (char)('0' + k);
	if (v < 0)
		*--q = '-';
	memcpy(p, q, 20);
	return p + (buf + 20 - q);
}

void tl_jw_int(tl_jw *w, int64_t v)
{
	char *p = value_at(w, 20);
	if (p)
		close_at(w, tl_jw_put_int(p, v));
}

/*
 * Write the member `"key": "s"` (key[0..kl) needs no escape, key_ok() has
 * passed): in one piece through padded_key() when `padded` (the key is a
 * literal followed by TL_JW_PAD) or plain_key(); a value that needs escapes
 * takes the general path.
 */
static void member_str(tl_jw *w, const char *key, size_t kl, const char *s, int padded)
{
	size_t len = strlen(s);
	if (any_escape(s, len)) {
		tl_jw_key(w, key);
		tl_jw_strn(w, s, len);
		return;
	}
	char *p = padded ? padded_key(w, key, kl, len + 2) : plain_key(w, key, kl, len + 2);
	if (!p)
		return;
	*p++ = '"';
	memcpy(p, s, len);
	p += len;
	*p++ = '"';
	close_at(w, p);
}

void tl_jw_member_str(tl_jw *w, const char *key, const char *s)
{
	if (!s || !key_ok(w))
		return;
	size_t kl = strlen(key);
	if (any_escape(key, kl)) {
		tl_jw_key(w, key);
		tl_jw_str(w, s);
		return;
	}
	member_str(w, key, kl, s, 0);
}

void tl_jw_member_int(tl_jw *w, const char *key, int64_t v)
{
	if (!key_ok(w))
		return;
	size_t kl = strlen(key);
	if (any_escape(key, kl)) {
		tl_jw_key(w, key);
		tl_jw_int(w, v);
		return;
	}
	char *p = plain_key(w, key, kl, 20);
	if (p)
		close_at(w, tl_jw_put_int(p, v));
}

void tl_jw_member_str_plain(tl_jw *w, const char *key, size_t kl, const char *s)
{
	assert(!any_escape(key, kl));
	if (!s || !key_ok(w))
		return;
	member_str(w, key, kl, s, 1);
}

void tl_jw_member_int_plain(tl_jw *w, const char *key, size_t kl, int64_t v)
{
	assert(!any_escape(key, kl));
	if (!key_ok(w))
		return;
	char *p = padded_key(w, key, kl, 20);
	if (p)
		close_at(w, tl_jw_put_int(p, v));
}

/* ---- objects written in one piece (json_writer.h) ----------------------- */

/* The piece ",\n<indentation>" (or "," plain) of depth `depth` into k; 0, or -1
 * with w->failed set when the depth is out of range. */
static int prep_sep(tl_jw *w, tl_jw_piece *k, int depth)
{
	memset(k, 0, sizeof(*k));
	k->depth = depth;
	if (depth < 1 || depth > TL_JW_MAX_DEPTH) {
		w->failed = 1;
		return -1;
	}
	k->s[k->len++] = ',';
	if (w->pretty) {
		k->s[k->len++] = '\n';
		memset(k->s + k->len, ' ', (size_t)depth * 2);
		k->len += (size_t)depth * 2;
	}
	return 0;
}

void tl_jw_prep_key(tl_jw *w, tl_jw_piece *k, int depth, const char *key)
{
	size_t kl = strlen(key);
	if (prep_sep(w, k, depth) != 0)
		return;
	if (kl > 16 || any_escape(key, kl)) {
		w->failed = 1;
		k->len = 0;
		return;
	}
	char *p = k->s + k->len;
	*p++ = '"';
	memcpy(p, key, kl);
	p += kl;
	*p++ = '"';
	*p++ = ':';
	if (w->pretty)
		*p++ = ' ';
	k->len = (size_t)(p - k->s);
}

void tl_jw_prep_item(tl_jw *w, tl_jw_piece *k, int depth)
{
	prep_sep(w, k, depth);
}

void tl_jw_prep_end(tl_jw *w, tl_jw_piece *end, int depth, char bracket)
{
	if (prep_sep(w, end, depth) != 0)
		return;
	/* the line break and the indentation of the level below, then the bracket */
	end->len = w->pretty ? 2 + (size_t)(depth - 1) * 2 : 1;
	memmove(end->s, end->s + 1, end->len);
	end->s[end->len - 1] = bracket;
}

char *tl_jw_obj_begin(tl_jw *w, const tl_jw_piece *end, size_t max)
{
	if (end->depth != w->depth + 1 || end->len == 0) {
		w->failed = 1; /* prepared for another depth */
		return NULL;
	}
	size_t n = tl_jw_add(max, 1 + end->len + 32); /* '{', the end, slack for fixed copies */
	if (n > SIZE_MAX / 2) {
		w->b->failed = 1;
		return NULL;
	}
	char *p = value_at(w, n);
	if (!p)
		return NULL;
	*p++ = '{';
	w->count[w->depth] = 0;
	w->is_object[w->depth] = 1;
	w->depth++;
	return p;
}

void tl_jw_obj_end(tl_jw *w, const tl_jw_piece *end, char *p)
{
	if (!p)
		return; /* tl_jw_obj_begin() failed */
	if (end->depth != w->depth) {
		w->failed = 1;
		return;
	}
	memcpy(p, end->s, end->len);
	close_at(w, p + end->len);
	w->depth--;
}

void tl_jw_obj_resume(tl_jw *w, char *p, int members)
{
	if (!p)
		return; /* tl_jw_obj_begin() failed */
	close_at(w, p);
	w->count[w->depth - 1] = members ? 1 : 0;
}
