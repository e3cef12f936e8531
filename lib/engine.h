/*
 * engine.h - what the engine stages (scan, match, refine, resolve) share.
 *
 * Data flow, one document at a time:
 *   scan.c    text -> tokens (tl_tok) of one chunk (a line), in a buffer
 *             that is reused from chunk to chunk: no per-token allocation.
 *   match.c   tokens -> mentions (tl_ment): the fields that were said,
 *             each with a flag, kept apart from what will be assumed.
 *   refine.c  mentions of a chunk -> overlaps dropped, ranges linked,
 *             latent mentions without support dropped.
 *   resolve.c mentions -> TIMEX3 values against the DCT or the narrative
 *             reference time.
 * Word tables (tables.c) are hashed once into the parser (read-only).
 */
#ifndef TL_ENGINE_H
#define TL_ENGINE_H

#include "internal.h"

#include <stdint.h>

/* ---- word classes (tables.c) -------------------------------------------- */

enum tl_wclass {
	W_NONE = 0,
	W_MONTH,   /* val 1..12; flag WF_ABBR for "Nov", "Sept" */
	W_WEEKDAY, /* val 1..7 (Monday = 1) */
	W_UNIT,    /* val: enum tl_unit */
	W_NUMBER,  /* val: the number ("one" .. "ninety", "dozen") */
	W_ORDINAL, /* val: the ordinal ("first" .. "thirty-first" pieces) */
	W_SEASON,  /* val: enum tl_season */
	W_POD,     /* part of day, val: enum tl_pod */
	W_TZ,      /* time zone abbreviation */
	W_DEICTIC, /* today, yesterday, now, ...: val: enum tl_deictic */
	W_REL,     /* last, next, this, past, ...: val: enum tl_relword */
	W_DIR,     /* ago, later, earlier, before, after: val: enum tl_dirword */
	W_MOD,     /* modifiers: val: enum tl_modword */
	W_SETW,    /* every, each, daily, weekly, ...: val: enum tl_setword */
	W_HOLIDAY, /* first word of a holiday name (holidays.c); val unused */
	W_FUNC,    /* function words the rules test: val: enum tl_funcword */
	W_TENSE,   /* tense cues: val +1 future, -1 past, 0 a form of "be", 2 a
	            * modal that leans neither way ("would"), 3 a cue only before
	            * "for" or "to" ("forecast": also a past form and a noun) */
	W_DECADE   /* decade words: "twenties" .. "nineties", val 2..9 */
};

/* Flags of a word entry. */
#define WF_ABBR 1u   /* an abbreviation ("Nov", "Tues") */
#define WF_CAP 2u    /* only counts when capitalised ("May", "March") */
#define WF_PLURAL 4u /* a plural form ("days") */
#define WF_WEAK 8u   /* a weak reading ("second", "fall", "may") */
#define WF_TWO 16u   /* the next row is a second reading of the same word */

enum tl_unit {
	U_NONE = 0,
	U_SECOND,
	U_MINUTE,
	U_HOUR,
	U_DAY,
	U_WEEK,
	U_FORTNIGHT,
	U_MONTH,
	U_QUARTER,
	U_HALF,
	U_YEAR,
	U_DECADE,
	U_CENTURY,
	U_MILLENNIUM,
	U_WEEKEND,
	U_SEASON_U /* "season" as a unit */
};

enum tl_season { S_SPRING = 1, S_SUMMER, S_FALL, S_WINTER };
enum tl_pod {
	POD_MORNING = 1,
	POD_AFTERNOON,
	POD_EVENING,
	POD_NIGHT,
	POD_NOON,
	POD_MIDNIGHT,
	POD_DAY
};

enum tl_deictic {
	D_TODAY = 1,
	D_YESTERDAY,
	D_TOMORROW,
	D_TONIGHT,
	D_NOW,    /* now, currently, presently, nowadays, current, present */
	D_PAST,   /* recently, formerly, previously, recent, lately, once */
	D_FUTURE, /* soon, future, later (alone) */
	D_ONCE,
	D_OVERNIGHT /* "overnight" as an adverb: the night of the DCT, or the one
	               before it in a past-tense sentence */
};

enum tl_relword {
	R_LAST = 1, /* last, past, previous, preceding */
	R_NEXT,     /* next, coming, following, upcoming */
	R_THIS,     /* this, current */
	R_THAT,     /* that, same */
	R_PREVIOUS, /* previous, preceding (narrative) */
	R_FOLLOWING /* following, subsequent (narrative) */
};

enum tl_dirword { DIR_AGO = 1, DIR_LATER, DIR_EARLIER, DIR_BEFORE, DIR_AFTER, DIR_HENCE };

enum tl_modword {
	M_EARLY = 1,
	M_MID,
	M_LATE,
	M_APPROX, /* about, around, nearly, almost, roughly, some ... */
	M_LESS,   /* less, under, fewer, nearly?: "less than" */
	M_MORE,   /* more, over, longer: "more than" */
	M_AT,     /* "at least", "at most": needs the next word */
	M_LEAST,
	M_MOST,
	M_END,       /* end */
	M_BEGINNING, /* beginning, start, dawn */
	M_MIDDLE,    /* middle */
	M_EARLIER,   /* "earlier this year" */
	M_LATER,
	M_ALMOST, /* almost, nearly, just under */
	M_UP,     /* "up to" */
	M_NO      /* "no more than" */
};

enum tl_setword {
	SW_EVERY = 1, /* every, each, per */
	SW_DAILY,
	SW_WEEKLY,
	SW_MONTHLY,
	SW_YEARLY, /* yearly, annually, annual */
	SW_HOURLY,
	SW_QUARTERLY,
	SW_TIMES, /* times, twice, once (val2) */
	SW_NIGHTLY
};

enum tl_funcword {
	F_THE = 1,
	F_A,
	F_OF,
	F_IN,
	F_ON,
	F_AT,
	F_SINCE,
	F_FROM,
	F_TO,
	F_UNTIL,
	F_BETWEEN,
	F_AND,
	F_BY,
	F_DURING,
	F_FOR,
	F_FISCAL,
	F_AM,
	F_PM,
	F_BC,
	F_AD,
	F_THROUGH,
	F_THAN,
	F_HALF,
	F_SEVERAL, /* several, few, many, some (vague amounts) */
	F_DAY,     /* unused */
	F_O,       /* o'clock */
	F_CLOCK,
	F_WITHIN,
	F_AFTERWARDS,
	F_HISTORY,
	F_FIRST_HALF,
	F_OR,
	F_YEAR_OLD,
	F_NUMBER, /* "number", "PIN", "code": a label before a number */
	F_TERM,   /* "near", "long", "short": "the near term" */
	F_TIME    /* "time": "the time being" */
};

/** One word of the tables. */
typedef struct tl_word {
	const char *word; /* lower case, without trailing period */
	uint8_t cls;      /* enum tl_wclass */
	uint8_t flags;    /* WF_* */
	int16_t val;
} tl_word;

/** A holiday: fixed (month, day) or computed (rule); holidays.c. */
typedef struct tl_holiday {
	const char *name;
	int rule;               /* 0: fixed; 1: Easter + `day` days; 2: nth weekday of month */
	int month, day;         /* fixed date, or the day offset from Easter or the nth weekday */
	int nth, weekday;       /* rule 2: nth (-1 = last) weekday (Monday = 1) of month */
	int since;              /* the rule holds from this year on (0: always) */
	int old_month, old_day; /* the fixed date before `since` */
} tl_holiday;

extern const tl_holiday tl_holidays[];

/** The date of holiday h (an index into tl_holidays) in the given year. */
tl_date tl_holiday_date(int h, int32_t year);
/** 1 when holiday h falls on the same month and day every year. */
int tl_holiday_fixed(int h);

/*
 * The key of a word of n bytes, 1 <= n <= TL_WORDKEY_MAX: every byte with
 * bit 0x20 set (which lower-cases an ASCII letter), bytes 0..7 as a
 * little-endian number in a, bytes 8..15 in b, 0 past the word.  Two words
 * have the same key exactly when they are equal folded (a byte with bit
 * 0x20 set is never 0, so the key also tells the length).
 */
#define TL_WORDKEY_MAX 16

/** The key of s[0..n) (1 <= n <= TL_WORDKEY_MAX), read byte by byte. */
static inline tl_wordkey tl_wordkey_of(const char *s, size_t n)
{
	tl_wordkey k = {0, 0};
	for (size_t j = 0; j < n && j < 8; j++)
		k.a |= (uint64_t)((unsigned char)s[j] | 0x20) << (8 * j);
	for (size_t j = 8; j < n; j++)
		k.b |= (uint64_t)((unsigned char)s[j] | 0x20) << (8 * (j - 8));
	return k;
}

/** The hash of a word of n bytes with key k (the table masks it). */
static inline uint32_t tl_wordkey_hash(tl_wordkey k, size_t n)
{
	uint64_t x = (k.a ^ (k.b * 0x9E3779B97F4A7C15u) ^ n) * 0xFF51AFD7ED558CCDu;
	return (uint32_t)(x >> 40);
}

/**
 * Look up the lower-cased word s[0..n).  Returns the table entry or NULL
 * (always NULL when n is 0 or above TL_WORDKEY_MAX).  Never allocates.
 */
const tl_word *tl_wordtab_find(const tl_wordtab *tab, const char *s, size_t n);
/**
 * Look up the word whose key is k (any case: the key is folded) and whose
 * hash is h = tl_wordkey_hash(k, n) for its length n.  Returns the table
 * entry or NULL.  Never allocates.
 */
const tl_word *tl_wordtab_find_key(const tl_wordtab *tab, tl_wordkey k, uint32_t h);

/**
 * The same answer as tl_wordtab_find_key(tab, k, h), faster for the words
 * of prose: most words are not in the tables, and the filter (1 KiB, which
 * stays in the cache) says so for most of them; the others are compared
 * with the two entries of their bucket, and looked up further only when the
 * bucket sent words on and held neither.
 */
static inline const tl_word *tl_wordtab_lookup(const tl_wordtab *tab, tl_wordkey k, uint32_t h)
{
	if (!tl_wordtab_maybe(tab, h))
		return NULL;
	size_t e = 2 * (h & (TL_WORDTAB_BUCKETS - 1));
	if (tab->key[e].a == k.a && tab->key[e].b == k.b)
		return &tab->words[tab->word[e] - 1];
	if (tab->key[e + 1].a == k.a && tab->key[e + 1].b == k.b)
		return &tab->words[tab->word[e + 1] - 1];
	return tab->more[e / 2] ? tl_wordtab_find_key(tab, k, h) : NULL;
}
/** Second entry of a word with two readings ("second": ordinal + unit), or NULL. */
const tl_word *tl_wordtab_next(const tl_wordtab *tab, const tl_word *w);

/*
 * 0 when a token whose table entry is w can never start a match, whatever
 * surrounds it: tl_match_chunk (match.c, rule_mask and may_start) gives a
 * tense word, a time zone, a direction other than "earlier" and "later"
 * and most function words no rule, and takes none of them for a modifier
 * or a leading "the" or "at"; 1 for the other words.  The scanner lists
 * only the words of 1 as candidates.
 */
static inline int tl_word_may_start(const tl_word *w)
{
	/* the function words that a rule or a prefix may start at */
	const uint64_t func = (1ull << F_A) | (1ull << F_HALF) | (1ull << F_FISCAL) |
	                      (1ull << F_SEVERAL) | (1ull << F_TERM) | (1ull << F_TIME) |
	                      (1ull << F_THE) | (1ull << F_AT) | (1ull << F_AD);
	switch (w->cls) {
	case W_FUNC:
		return w->val >= 0 && w->val < 64 && ((func >> w->val) & 1);
	case W_DIR:
		return w->val == DIR_EARLIER || w->val == DIR_LATER;
	case W_TENSE:
	case W_TZ:
		return 0;
	default:
		return 1;
	}
}

/* ---- tokens (scan.c) ------------------------------------------------------ */

enum tl_tokkind { TK_WORD = 1, TK_NUM, TK_PUNCT };

#define TF_CAP 1u     /* word starts with an upper-case letter */
#define TF_UPPER 2u   /* word is all upper case */
#define TF_SPACE 4u   /* white space before the token */
#define TF_NL 8u      /* line break before the token */
#define TF_PERIOD 16u /* a word directly followed by '.' (an abbreviation) */

/*
 * An offset into the text of a document being read by the engine: a
 * document holds at most TL_DOCUMENT_MAX_BYTES (1 GiB), at most three times
 * that after its invalid bytes became U+FFFD, so 32 bits are enough
 * (tl_engine_run checks it).  Token indexes within a chunk fit too.
 */
typedef uint32_t tl_off;
#define TL_OFF_MAX UINT32_MAX

/** One token of the current chunk (40 bytes).  Offsets are into the document text. */
typedef struct tl_tok {
	tl_off b, e;      /* bytes [b, e) */
	tl_off cb, ce;    /* code points [cb, ce) */
	uint8_t kind;     /* enum tl_tokkind */
	uint8_t flags;    /* TF_* */
	uint8_t ndig;     /* number of digits (TK_NUM) */
	char punct;       /* the character (TK_PUNCT); '-' for dashes, '\'' for quotes */
	int64_t num;      /* value (TK_NUM; saturates) */
	const tl_word *w; /* table entry (TK_WORD) or NULL */
} tl_tok;

/**
 * The scanner state of one document; buffers reused from chunk to chunk,
 * owned by the state (tl_scan_free).  Besides the tokens, the scanner
 * lists three kinds of them, in text order, so that later passes need not
 * visit every token:
 *  - cand: the tokens that may start a temporal expression (tl_match_chunk):
 *    a word of the tables that tl_word_may_start() lets start one, a number,
 *    a quote ('90s), a one-letter word (Q3);
 *  - ends: the tokens that may end a sentence (engine.c): the punctuation
 *    . ! ? and a word that kept its period;
 *  - cues: the words that may be tense cues (engine.c, word_cue): a W_TENSE
 *    word, a lower-case "may", a word outside the tables of four bytes or
 *    more ending in "ed", and "set".
 */
typedef struct tl_scan {
	const char *text; /* text[len .. len + TL_SCAN_PAD) must be '\0' (internal.h) */
	size_t len;
	size_t pos;  /* next byte to scan */
	size_t cpos; /* code points before pos */
	tl_tok *toks;
	size_t ntok, cap;
	tl_off *cand; /* token indexes; cand, ends and cues hold capx entries */
	size_t ncand;
	tl_off *ends;
	size_t nends;
	tl_off *cues;
	size_t ncues;
	size_t capx;
	const tl_wordtab *tab;
	size_t line_cp; /* code points before the current line */
	size_t width;   /* longest line of the paragraph so far (code points) */
} tl_scan;

/*
 * A run of text with no line break and no sentence end (no prose has one)
 * is cut into chunks so that the tokens of a chunk, and the mentions
 * matched before refine.c drops some, take bounded memory: once a chunk
 * holds TL_SCAN_RUN tokens it ends after the next token that cannot start a
 * date (not a candidate: "," "and") and is followed by white space, and
 * after 2 * TL_SCAN_RUN tokens after any token followed by white space.  A
 * date written across such a cut is read as two pieces.  A build may set
 * it lower: the fuzz targets take 64 (fuzz/CMakeLists.txt), so that inputs
 * of a few hundred bytes reach the cut.
 */
#ifndef TL_SCAN_RUN
#define TL_SCAN_RUN 32768
#endif

/**
 * Tokenise the next chunk (up to and including the next hard line break,
 * see wrap.c; a very long chunk is cut at a sentence end or a line break) into
 * s->toks, and list its candidates in s->cand, s->ends and s->cues.  A soft line
 * break is white space.  Returns 1 when a chunk was read, 0 at the end of
 * the text, TL_ENOMEM.
 */
int tl_scan_chunk(tl_scan *s);

/** Free the buffers of s (not s itself); they are NULL afterwards. */
void tl_scan_free(tl_scan *s);

/* Lines longer than this (code points) are not wrapped text (wrap.c). */
#define TL_WRAP_MAXLINE 100

/**
 * Whether the line break just read, before byte i, is hard (1: it ends the
 * chunk) or soft (0: white space); the rule is in wrap.c.  The tokens of the
 * line before are s->toks[first, s->ntok); s->line_cp is the code point
 * where that line starts.  Updates s->width.
 */
int tl_wrap_break(tl_scan *s, size_t first, size_t i);

/**
 * Whether word token t, followed by a period, is an abbreviation after which
 * the period does not end a sentence: a period the scanner kept, an
 * initial, a title ("Dr", "Gen").  text: the scanned text (engine.c).
 */
int tl_is_abbrev(const char *text, const tl_tok *t);

/* ---- mentions (match.c, refine.c, resolve.c) ------------------------------ */

enum tl_mkind {
	MK_DATE = 1, /* calendar fields (year/month/day/week/season/...) */
	MK_REL,      /* offset from an anchor: n units, or last/next unit */
	MK_DEICTIC,  /* today, now, recently ... */
	MK_DUR,      /* a duration */
	MK_SET,      /* a recurrence */
	MK_TIME      /* a clock time (possibly with a date) */
};

/* What was said (validity flags). */
#define HAS_YEAR 0x1u
#define HAS_MONTH 0x2u
#define HAS_DAY 0x4u
#define HAS_WEEKDAY 0x8u
#define HAS_DECADE 0x10u
#define HAS_CENTURY 0x20u
#define HAS_SEASON 0x40u
#define HAS_QUARTER 0x80u
#define HAS_HALF 0x100u
#define HAS_HOUR 0x200u
#define HAS_MINUTE 0x400u
#define HAS_POD 0x800u
#define HAS_WEEKEND 0x1000u
#define HAS_SECOND 0x2000u
#define HAS_HOLIDAY 0x4000u
#define HAS_WEEK 0x8000u

/* Anchors a relative mention asks for. */
enum tl_anchor {
	A_DCT = 1, /* the DCT */
	A_NARR,    /* the narrative reference time (the DCT without one) */
	A_ANY,     /* the narrative when underspecified dates follow it */
	A_DOC      /* the narrative in a history, else the DCT ("this day") */
};

/**
 * One temporal expression as matched, before resolution (144 bytes: the
 * fields go by size, widest first after the offsets, with no padding
 * between them; a document may hold a mention every few bytes).
 */
typedef struct tl_ment {
	tl_off b, e, cb, ce; /* extent in bytes and code points */
	tl_off sentence;     /* index into the document's sentences */
	uint32_t said;       /* HAS_* */
	int32_t year, month, day, weekday, decade, century, season, quarter, half;
	int32_t hour, minute, second, pod, holiday;
	int32_t frac; /* extra amount in the next smaller unit ("a year and a half") */
	int partner;  /* index of the other end of a range, or -1 */
	/* relative: n units in direction dir (-1, 0, +1) from the anchor */
	int64_t n;      /* amount (saturated) */
	const char *tz; /* time zone, static string */
	const char *quant;
	tl_off tok0, tok1; /* token range in the chunk (match time; resolve.c reuses tok0:
	                    * the mention's timex, or TL_OFF_MAX) */
	uint8_t kind;      /* enum tl_mkind */
	uint8_t latent;    /* a weak match that needs support; 2: a number
	                    * that is a year only near the story's years;
	                    * 3: the same after a possessive, also a year
	                    * near the DCT */
	uint8_t tense;     /* 0 unknown, 1 future, 2 past, 3 neither (a modal) */
	uint8_t mod;       /* tl_mod */
	uint8_t bc;        /* year is BC */
	uint8_t unit;      /* enum tl_unit */
	int8_t dir;
	uint8_t anchor;        /* enum tl_anchor */
	uint8_t vague;         /* amount unknown ("several", "years") */
	uint8_t deictic;       /* enum tl_deictic */
	uint8_t gran_only;     /* MK_REL: the unit itself ("last week" -> 2021-W43) */
	uint8_t explicit_full; /* year, month and day all said: a narrative anchor */
	uint8_t the_ok;        /* a leading "the" belongs to the extent */
	uint8_t weak;          /* matched by a weak word alone ("May", "fall") */
	uint8_t paren;         /* the whole mention stands in brackets: "(1790)" */
	uint8_t since;         /* right after "since": a reference point, not the story's time */
	uint8_t until;         /* a limit, mostly ahead: 1 right after "until", "till";
	                        * 2 closing a phrase "until" opens; 3 a date with no
	                        * year after "by" past its sentence's second token */
	int8_t yshift;         /* years added after resolving ("the same month a year ago": -1) */
	uint8_t and_next;      /* a month joined by "and" to the next mention, a month
	                        * with no year either ("November and January") */
	uint8_t attrib;        /* a dated name between "the" and a small word ("the 1614
	                        * rules", "the May 2007 high"): not the story's time */
} tl_ment;

/** The engine's per-document state. */
typedef struct tl_engine {
	tl_scan scan;
	const tl_parser *parser;
	tl_ment *m;
	size_t nm, capm;
	size_t sentence_base; /* sentences pushed before this chunk */
} tl_engine;

/**
 * Match the tokens of the current chunk; append mentions to e->m in text
 * order.  Returns 0 or TL_ENOMEM.
 */
int tl_match_chunk(tl_engine *e);

/**
 * Refine the mentions e->m[from..nm): drop overlaps and unsupported latent
 * mentions, join date and time, link ranges.  Compacts e->m.
 */
void tl_refine_chunk(tl_engine *e, size_t from);

/**
 * Resolve every mention of e against doc->dct (when doc->dct_source is not
 * TL_DCT_NONE) and the narrative, pushing tl_timex values into doc.
 * Returns 0 or TL_ENOMEM.
 */
int tl_resolve_all(tl_engine *e, tl_document *doc);

/** What one mention resolves to (resolve.c), built by the tl_value_* helpers. */
typedef struct tl_rout {
	tl_timex_type type;
	char value[80]; /* the TIMEX3 value; "" drops the mention */
	int has_interval;
	tl_date begin, end; /* [begin, end) when has_interval */
	tl_granularity gran;
	int on_dct; /* anchored on the DCT */
	char freq[16];
} tl_rout;

/* ---- TIMEX3 values (resolve_value.c) ---------------------------------------- */

/** TIMEX3 season codes, indexed by enum tl_season ("SP" .. "WI"; [0] ""). */
extern const char *const tl_season_code[5];

/**
 * Year y (astronomical: 0 is 1 BC) as a TIMEX3 value into out[0..n):
 * "2021", "BC0238", "-009999" (10000 BC) beyond 9999 BC.  Returns its length.
 */
int tl_value_year(char *out, size_t n, int32_t y);
/** Set o's interval to the k years from y, at granularity g (value untouched). */
void tl_value_years(tl_rout *o, int64_t y, int64_t k, tl_granularity g);
/** Set o's interval to the k months from month m of year y, at granularity g. */
void tl_value_months(tl_rout *o, int32_t y, int32_t m, int k, tl_granularity g);
/** The day d as o's value ("2021-11-05") and its one-day interval. */
void tl_value_day(tl_rout *o, tl_date d);
/**
 * A decade (k 10) or century (k 100) before the common era: the BC year b
 * divided by k ("BC048", "BC03") as o's value, and its interval.
 */
void tl_value_bc(tl_rout *o, int64_t b, int k);
/**
 * The value of the unit (enum tl_unit) that contains d, at the unit's
 * granularity ("2021-W44", "2021-Q3", "198"), and its interval; a day
 * below U_DAY.
 */
void tl_value_unit(tl_rout *o, tl_date d, int unit);
/** The X-filled value of a unit when nothing anchors it ("XXXX-WXX"). */
void tl_value_unknown(tl_rout *o, int unit);
/**
 * Append m's time of day ("T17:00", "TMO", "Z" for UTC) to o's date value
 * and make o a TIME; nothing when o is not a day or a day pattern.
 */
void tl_value_time(const tl_ment *m, tl_rout *o);

/** The TIMEX3 value of a duration mention into value[0..size). */
void tl_resolve_duration(const tl_ment *m, char *value, size_t size);
/** The value of a set mention, and its freq ("2X") or "" into freq. */
void tl_resolve_set(const tl_ment *m, char *value, size_t size, char *freq, size_t fsize);

/**
 * 1 when mention i of e is a bare year said in passing, far from the
 * story's year (story_year, astronomical), that should not move the
 * narrative reference time (resolve_narrative.c); story_fine: the story
 * is told by months or days; sentence_start: the byte where the
 * mention's sentence starts.
 */
int tl_narrative_aside(const tl_engine *e, size_t i, int64_t story_year, int story_fine,
                       size_t sentence_start);

/**
 * In a history (history != 0) told from a distance (its last stated year
 * twenty years or more before the DCT, dct_year when has_dct), keep the
 * numbers that may be years (latent 2: "the 1777 campaign", "as late as
 * 1781") that lie within a few years of the last year the text stated
 * before them; drop the others ("1500 men") and, elsewhere, all of them.
 * A number after a possessive (latent 3: "the company's 1989 results") is
 * also kept when it lies within five years of the DCT ("its 2000
 * employees" with a DCT in 1989 is a count).  Compacts e->m
 * (resolve_narrative.c).
 */
void tl_narrative_weak_years(tl_engine *e, int history, int has_dct, int32_t dct_year);

/**
 * 1 when the document of e narrates a distant past (a history): most of
 * its stated years lie two or more years from the DCT (dct_year, when
 * has_dct) and its lead does not speak from the time of writing
 * ("yesterday", "this week"); resolve_narrative.c.
 */
int tl_narrative_history(const tl_engine *e, int has_dct, int32_t dct_year);

/**
 * The latest explicit full date among the mentions, in *out; 0 when there
 * is none.
 */
int tl_resolve_latest_full(const tl_engine *e, tl_date *out);

/* ---- calendar helpers (calendar.c) ----------------------------------------- */

/** Clamp a year into -999999..999999. */
int32_t tl_clamp_year(int64_t y);
/** Add n days to d, clamping at the year bounds (no overflow). */
tl_date tl_date_add_days(tl_date d, int64_t n);
/** Add n months to d (day clamped to the month's end; year clamped). */
tl_date tl_date_add_months(tl_date d, int64_t n);
/** Weekday of a full date, Monday = 1 .. Sunday = 7. */
int tl_date_weekday(tl_date d);
/** ISO 8601 week-numbering year and week of d. */
void tl_date_isoweek(tl_date d, int32_t *year, int32_t *week);
/** Easter Sunday of a Gregorian year (the computus). */
tl_date tl_easter(int32_t year);
/** The nth (1..5, or -1 for the last) weekday wd (Monday = 1) of a month. */
tl_date tl_nth_weekday(int32_t year, int32_t month, int nth, int wd);

#endif
