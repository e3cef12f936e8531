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

#include <stdint.h>

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

/*
 * Objects written in one piece, for the objects an export writes by the
 * thousand (a timex, an event and its mentions).  The bytes around the
 * values (comma, line break, indentation, quoted key and colon before a
 * member; line break, indentation and bracket at the end) depend only on
 * the depth and the layout, so they are prepared once as pieces
 * (tl_jw_prep_*()); then for each object the room for all of it is reserved
 * at once and the pieces and values are put straight into it, with no
 * check between them:
 *
 *   tl_jw_piece k_a, k_b, end;                   // objects at depth d
 *   tl_jw_prep_key(w, &k_a, d, "a"); ...; tl_jw_prep_end(w, &end, d, '}');
 *   char *p = tl_jw_obj_begin(w, &end, max);      // in an array of depth d - 1
 *   if (!p) return;                               // the buffer failed
 *   p = tl_jw_put(p, &k_a, 1);                    // the first member: no comma
 *   p = tl_jw_put_int(p, 42);
 *   p = tl_jw_put(p, &k_b, 0);
 *   p = tl_jw_put_str(p, s, len, esc);
 *   tl_jw_obj_end(w, &end, p);                    // or tl_jw_obj_resume()
 *
 * max bounds the bytes put between begin and end: each piece's len, 20 for
 * an integer (TL_JW_INT_MAX), tl_jw_str_room() for a string, 1 for a bracket
 * put by hand; tl_jw_add() sums without overflow.  An array inside such an
 * object is put by hand too: its key, '[', for each element an item piece
 * (tl_jw_prep_item()) and the element, and an end piece made with ']'.  The
 * bytes are the same as the calls above give (tests/test_json_objects.c).
 */

/** The bytes before a member or an array element, or at the end of a container. */
typedef struct tl_jw_piece {
	char s[96]; /* a key or item piece starts with its comma; 32 bytes are readable */
	size_t len;
	int depth; /* of the members or elements */
} tl_jw_piece;

/** Room for an integer. */
#define TL_JW_INT_MAX 20

/**
 * Prepare the piece before member `key` of an object whose members are at
 * depth `depth` (the object's '{' opens level `depth`).  key: at most 16
 * bytes, none that JSON escapes; otherwise, or at a depth outside 1 ..
 * TL_JW_MAX_DEPTH, w->failed is set.
 */
void tl_jw_prep_key(tl_jw *w, tl_jw_piece *k, int depth, const char *key);
/** Prepare the piece before an element of an array whose elements are at depth `depth`. */
void tl_jw_prep_item(tl_jw *w, tl_jw_piece *k, int depth);
/** Prepare the end of a container (bracket '}' or ']') whose contents are at depth `depth`. */
void tl_jw_prep_end(tl_jw *w, tl_jw_piece *end, int depth, char bracket);

/**
 * Begin an object as the next value (in an array, or after a key) whose end
 * was prepared for depth w->depth + 1: its separator, indentation and '{',
 * and room for max more bytes.  Returns where its first member goes, or NULL
 * (the buffer failed, or a misuse: w->failed).  Until tl_jw_obj_end() or
 * tl_jw_obj_resume(), only tl_jw_put*() may write, and the buffer does not
 * move: p - w->b->data - 1 is where the object begins.
 */
char *tl_jw_obj_begin(tl_jw *w, const tl_jw_piece *end, size_t max);
/** The members put end at p: close the object.  p NULL (the begin failed): nothing. */
void tl_jw_obj_end(tl_jw *w, const tl_jw_piece *end, char *p);
/**
 * The members put end at p (`members`: 1 if there was any): the object stays
 * open, for more members through the calls above and tl_jw_end_object().
 * p NULL (the begin failed): nothing; the object was not opened.
 */
void tl_jw_obj_resume(tl_jw *w, char *p, int members);

/** Room for the string s[0..len) quoted and escaped; *esc: 1 if it needs escapes. */
size_t tl_jw_str_room(const char *s, size_t len, int *esc);
/** Put s[0..len) quoted (esc as tl_jw_str_room() set it); returns the end. */
char *tl_jw_put_str(char *p, const char *s, size_t len, int esc);
/** Put v in decimal; returns the end.  Writes TL_JW_INT_MAX bytes at p (the
 * value's first, then scratch that later writes cover). */
char *tl_jw_put_int(char *p, int64_t v);

/** a + b, or SIZE_MAX when that overflows (a reservation that then fails). */
static inline size_t tl_jw_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/** Put a prepared piece; first 1 leaves out the comma of a key or item piece
 * (the first member or element).  Returns the end. */
static inline char *tl_jw_put(char *p, const tl_jw_piece *k, int first)
{
	size_t n = k->len - (size_t)first;
	if (n <= 32)
		memcpy(p, k->s + first, 32); /* a fixed copy; the reservation has slack */
	else
		memcpy(p, k->s + first, n);
	return p + n;
}

#endif
