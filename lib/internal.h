/*
 * internal.h - what every stage of the library shares, never installed.
 *
 * Errors: tl_seterr() records the message of a failure for tl_error_last().
 * Memory: tl_arena hands out strings that never move until the arena is
 * freed; TL_VEC_* grow plain arrays by doubling with overflow checks.
 * The handles (tl_document, tl_timeline) are defined here so that the stages
 * can fill them.
 */
#ifndef TL_INTERNAL_H
#define TL_INTERNAL_H

#include "timeline.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define TL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TL_PRINTF(a, b)
#endif

/* ---- errors (error.c) -------------------------------------------------- */

/** Record a failure message for this thread; returns code, for `return tl_seterr(...)`. */
int tl_seterr(int code, const char *fmt, ...) TL_PRINTF(2, 3);

/* ---- memory (util.c) --------------------------------------------------- */

/** An arena of strings: allocations never move; everything is freed at once. */
typedef struct tl_arena_block tl_arena_block;
typedef struct tl_arena {
	tl_arena_block *head;
} tl_arena;

/** Copy len bytes of s plus a NUL into the arena; NULL on out of memory. */
char *tl_arena_strndup(tl_arena *a, const char *s, size_t len);
/** Copy a NUL-terminated string into the arena; NULL on out of memory. */
char *tl_arena_strdup(tl_arena *a, const char *s);
/** Room for n bytes, aligned for any type; NULL on out of memory. */
void *tl_arena_alloc(tl_arena *a, size_t n);
/** Free every block.  The arena may be used again afterwards. */
void tl_arena_free(tl_arena *a);

/**
 * Make room for at least `need` elements of `size` bytes in *items (capacity
 * *cap), growing by doubling.  Returns 0 or TL_ENOMEM (overflow included).
 */
int tl_grow(void **items, size_t *cap, size_t need, size_t size);

/** Room for `want` elements of size bytes in *items (capacity *cap), made
 * at once instead of by doubling from a few: want is a guess (from the
 * text's length, say), capped at TL_RESERVE_MAX elements (a block that
 * large is grown by the system without copying).  Nothing is done when
 * *cap is enough already.  0 or TL_ENOMEM. */
int tl_reserve(void **items, size_t *cap, size_t want, size_t size);
#define TL_RESERVE_MAX ((size_t)1 << 16)

#define TL_VEC_PUSH(arr, n, cap, val)                                          \
	(((n) < (cap) || tl_grow((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr))) == 0) \
	     ? ((arr)[(n)++] = (val), 0)                                           \
	     : TL_ENOMEM)

/** A growable byte buffer for writers. */
typedef struct tl_buf {
	char *data;
	size_t len;
	size_t cap;
	int failed; /* set once an append ran out of memory */
} tl_buf;

void tl_buf_put(tl_buf *b, const char *s, size_t n);
void tl_buf_puts(tl_buf *b, const char *s);
void tl_buf_printf(tl_buf *b, const char *fmt, ...) TL_PRINTF(2, 3);
/** Hand the contents over (NUL-terminated) and reset b; NULL if any append failed. */
char *tl_buf_detach(tl_buf *b, size_t *len);
void tl_buf_free(tl_buf *b);

/* ---- dates (date.c) ---------------------------------------------------- */

int tl_date_is_leap(int32_t year);
int tl_date_days_in_month(int32_t year, int32_t month);
/** Days since 1970-01-01 of a full date (proleptic Gregorian). */
int64_t tl_date_to_days(tl_date d);
/** The full date of a day number since 1970-01-01, saturating at the
 * library's range of years (-999999..999999). */
tl_date tl_date_from_days(int64_t days);
/** Compare two dates field by field (0 fields sort first); <0, 0, >0.
 * Inline: the resolver asks it for every timex. */
static inline int tl_date_cmp(tl_date a, tl_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}
/** Write "YYYY-MM-DD" (or "YYYY-MM", "YYYY" when fields are 0) into out (>= 16 bytes). */
void tl_date_format(char *out, size_t outsz, tl_date d);

/* ---- utf-8 (utf8.c) ---------------------------------------------------- */

/**
 * Check that s[0..len) is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF).  Returns 1 when valid; else 0 with *bad_offset set to the
 * byte offset of the first invalid sequence.
 */
int tl_utf8_valid(const char *s, size_t len, size_t *bad_offset);
/**
 * The encoding that a byte order mark at the start of text[0..len) names
 * when it is not UTF-8 ("UTF-16LE (byte order mark FF FE)"), or NULL.  A
 * static string.
 */
const char *tl_utf8_foreign_bom(const char *text, size_t len);
/** Number of code points in valid UTF-8 s[0..len). */
size_t tl_utf8_count(const char *s, size_t len);

/* ---- handles ----------------------------------------------------------- */

/** A sentence: byte range of the document text. */
typedef struct tl_sentence {
	size_t start, end;
} tl_sentence;

/** An event before the timeline merges it: one dated timex and its clause. */
typedef struct tl_doc_event {
	size_t timex;          /* index into the document's timexes */
	const char *headline;  /* in the document's arena */
	const char *text;      /* the sentence, in the document's arena */
	size_t text_len;       /* strlen(text): events of different lengths differ */
	tl_date start, end;    /* [start, end) in days */
	tl_granularity granularity;
	const char *value;     /* a range's "1991/2020" (arena); NULL: the timex's value */
} tl_doc_event;

struct tl_document {
	char *id;
	char *text; /* copy followed by TL_SCAN_PAD bytes '\0' */
	size_t len;
	tl_dct_source dct_source;
	tl_date dct;
	tl_arena arena; /* timex values, headlines, ... */

	tl_timex *timexes;
	size_t ntimex, cap_timex;

	tl_sentence *sentences;
	size_t nsentence, cap_sentence;

	tl_doc_event *events;
	size_t nevent, cap_event;

	size_t nrepair;      /* bytes replaced by U+FFFD (replace_invalid) */
	size_t first_repair; /* input offset of the first one */
	int in_timeline;     /* 1 once a timeline owns it (tl_timeline_add()) */
};

/**
 * Append a timex (copied; t->value, quant, freq, tz copied into the document's
 * arena).  Returns 0 or TL_ENOMEM.
 */
int tl_document_push_timex(tl_document *doc, const tl_timex *t);

/* The '\0' bytes after a document's text (text[len] and on): the scanner
 * reads a word sixteen bytes at a time (scan.c). */
#define TL_SCAN_PAD 16

/** The key of a word of the tables (see engine.h, tl_wordkey_of). */
typedef struct tl_wordkey {
	uint64_t a, b;
} tl_wordkey;

/* Buckets of the word table: two entries each (a power of two), and the
 * bits of its filter. */
#define TL_WORDTAB_BUCKETS 1024
#define TL_WORDTAB_FILTER 8192

/**
 * The word tables hashed for lookup (tables.c); read-only once built.  A
 * word lives in bucket hash & (TL_WORDTAB_BUCKETS - 1), entry 0 or 1 (entry
 * 2b or 2b + 1 below); when both are taken it goes to the next bucket with
 * a free entry, and the home bucket says so in more[].  An empty entry has
 * the key {0, 0}, which no word has.  The filter has a bit set for each
 * word, so that most other words are told apart without reading a key.
 */
typedef struct tl_wordtab {
	const struct tl_word *words;             /* the word table (tables.c) */
	tl_wordkey key[2 * TL_WORDTAB_BUCKETS];  /* the entries' keys */
	uint16_t word[2 * TL_WORDTAB_BUCKETS];   /* index + 1 into words, 0 = empty */
	uint8_t more[TL_WORDTAB_BUCKETS];        /* 1: a word of the bucket lives further on */
	uint64_t filter[TL_WORDTAB_FILTER / 64]; /* bit of every word's hash (tl_wordtab_maybe) */
} tl_wordtab;

/* The filter bit of a word with hash h: bits 10..22 of the hash (the
 * bucket is bits 0..9). */
static inline uint32_t tl_wordtab_filter_bit(uint32_t h)
{
	return (h >> 10) & (TL_WORDTAB_FILTER - 1);
}

/* 1 when a word with hash h may be in tab, 0 when it is not: its filter
 * bit is set for every word of the table. */
static inline int tl_wordtab_maybe(const tl_wordtab *tab, uint32_t h)
{
	uint32_t f = tl_wordtab_filter_bit(h);
	return (int)(tab->filter[f >> 6] >> (f & 63)) & 1;
}

/** Hash the word tables into tab (called once by tl_parser_new). */
void tl_wordtab_build(tl_wordtab *tab);

/** The parser: options and the hashed word tables (tables.c). */
struct tl_parser {
	tl_parser_options opts;
	tl_wordtab words;
};

/* ---- stages ------------------------------------------------------------ */

/**
 * The engine: scan, match, refine, resolve (scan.c ... resolve.c, driven by
 * engine.c).  Fills doc->sentences and doc->timexes in text order, and
 * doc->dct / dct_source when the DCT is inferred.  Returns 0 or a negative code.
 */
int tl_engine_run(tl_document *doc, const tl_parser *parser, int infer_dct);

/** events.c: one tl_doc_event per anchored DATE/TIME timex, with headline. */
int tl_events_extract(tl_document *doc);

#endif
