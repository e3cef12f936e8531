/*
 * json_writer.h - a streaming JSON writer into a tl_buf, never installed.
 *
 * Writes JSON as it goes, with no tree in between, in exactly the layout that
 * json-c 0.16 gives for JSON_C_TO_STRING_NOSLASHESCAPE with PRETTY|SPACED
 * (pretty = 1: two spaces a level, "key": value, an empty container as "[" or
 * "{", a line break and the closing bracket at its own level) or PLAIN
 * (pretty = 0: no spaces at all), so that the JSON exports keep their bytes
 * while json-c stays the reference (tests/test_json_writer.c compares both).
 *
 * Usage: tl_jw w; tl_jw_init(&w, buf, pretty); then begin/end objects and
 * arrays, a tl_jw_key() before each member of an object, and scalar values.
 * Errors land in the buffer (buf->failed); nesting is checked (depth <=
 * TL_JW_MAX_DEPTH, keys only in objects): a misuse sets w.failed.
 */
#ifndef TL_JSON_WRITER_H
#define TL_JSON_WRITER_H

#include "internal.h"

#define TL_JW_MAX_DEPTH 32

typedef struct tl_jw {
	tl_buf *b;
	int pretty;
	int depth;                            /* open containers */
	int failed;                           /* misuse: too deep, key outside an object */
	unsigned char count[TL_JW_MAX_DEPTH]; /* 0: no member yet at that level, else 1 */
	unsigned char is_object[TL_JW_MAX_DEPTH];
	int after_key; /* a key (or tl_jw_place()) was written: the value follows it */
} tl_jw;

/** Start writing into b (not owned); pretty 1 for json-c's PRETTY|SPACED layout. */
void tl_jw_init(tl_jw *w, tl_buf *b, int pretty);

void tl_jw_begin_object(tl_jw *w);
void tl_jw_end_object(tl_jw *w);
void tl_jw_begin_array(tl_jw *w);
void tl_jw_end_array(tl_jw *w);

/** The key of the next member of the current object (escaped like a string). */
void tl_jw_key(tl_jw *w, const char *key);

/**
 * In an array: write the separator and indentation of the next value now
 * (the value written next adds none), and return the offset in the buffer
 * at which that value will begin.
 */
size_t tl_jw_place(tl_jw *w);

/** A string value: s[0..len), bytes passed through except what JSON escapes. */
void tl_jw_strn(tl_jw *w, const char *s, size_t len);
/** A NUL-terminated string value. */
void tl_jw_str(tl_jw *w, const char *s);
/** An integer value. */
void tl_jw_int(tl_jw *w, int64_t v);

/** Shorthands for one object member: key then value; _str skips a NULL value. */
void tl_jw_member_str(tl_jw *w, const char *key, const char *s);
void tl_jw_member_int(tl_jw *w, const char *key, int64_t v);

/*
 * The same members for a key that is a string literal of characters JSON
 * needs no escape for (letters, digits, '_'), the exporters' case: its
 * length is known when compiling and it is neither measured nor scanned.
 * The macros pad the literal so that 16 bytes can always be read from it.
 * tl_jw_member_*_plain(): key[0, kl) needs no escape and key has at least
 * kl + 16 readable bytes.
 */
#define TL_JW_PAD "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
#define TL_JW_MEMBER_STR(w, lit, s) tl_jw_member_str_plain((w), lit TL_JW_PAD, sizeof(lit) - 1, (s))
#define TL_JW_MEMBER_INT(w, lit, v) tl_jw_member_int_plain((w), lit TL_JW_PAD, sizeof(lit) - 1, (v))
void tl_jw_member_str_plain(tl_jw *w, const char *key, size_t kl, const char *s);
void tl_jw_member_int_plain(tl_jw *w, const char *key, size_t kl, int64_t v);

#endif
