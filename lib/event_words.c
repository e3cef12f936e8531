/*
 * event_words.c - the English word classes behind headlines and checks.
 *
 * Facts from ordinary English grammar: prepositions that introduce a date
 * ("on Nov. 5", "since 1991"), clause connectives, articles, verbs of
 * reporting ("said") and verbs that open or close a happening ("erupted",
 * "ended"), auxiliaries and modals ("will", "has", "was"), and nouns of
 * a stretch of time that lead up to a date ("on the night of", "in the
 * first [winter]").  One row per
 * word, in lower-case ASCII letters, sorted by word (strcmp order) for the
 * binary search; a word may belong to several classes.
 */
#include "events_internal.h"

#include <stdatomic.h>
#include <stdint.h>

#define P TL_WORD_PREP
#define C TL_WORD_CONNECT
#define A TL_WORD_ARTICLE
#define S TL_WORD_SPEECH
#define B TL_WORD_BEGIN
#define E TL_WORD_END
#define F TL_WORD_STOP
#define T TL_WORD_TAIL
#define X TL_WORD_AUX
#define N TL_WORD_TIMENOUN
#define L TL_WORD_LEADIN

static const struct {
	const char *word;
	unsigned cls;
} words[] = {
    {"a", A | F | T},
    {"about", P | F | T},
    {"according", S | C},
    {"added", S},
    {"adding", C | S},
    {"adds", S},
    {"after", P | C | F | T},
    {"afternoon", N},
    {"against", F | T},
    {"all", F},
    {"also", C | F | T},
    {"although", C | F | T},
    {"amid", P | C | F | T},
    {"an", A | F | T},
    {"and", C | F | T},
    {"announced", S},
    {"are", X | F | T},
    {"around", P | F | T},
    {"as", C | F | T},
    {"at", P | F | T},
    {"autumn", N},
    {"be", F | T},
    {"because", C | F | T},
    {"been", F | T},
    {"before", P | C | F | T},
    {"began", B},
    {"begin", B},
    {"beginning", B | N},
    {"begins", B},
    {"between", P | F | T},
    {"broke", B},
    {"but", C | F | T},
    {"by", P | F | T},
    {"can", X | F | T},
    {"circa", P | F | T},
    {"closed", E},
    {"concluded", E},
    {"could", X | F | T},
    {"course", N},
    {"dawn", N},
    {"day", N},
    {"declared", S},
    {"during", P | F | T},
    {"dusk", N},
    {"earlier", L},
    {"early", L},
    {"end", E | N},
    {"ended", E},
    {"ending", E},
    {"ends", E},
    {"erupted", B},
    {"eve", N},
    {"evening", N},
    {"explained", S},
    {"fall", N},
    {"finished", E},
    {"first", L},
    {"following", P | C | F | T | L},
    {"for", P | F | T},
    {"from", P | F | T},
    {"had", X | F | T},
    {"half", N},
    {"has", X | F | T},
    {"have", X | F | T},
    {"he", F},
    {"however", C | F | T},
    {"in", P | F | T},
    {"including", C | F | T},
    {"into", P | F | T},
    {"is", X | F | T},
    {"it", F},
    {"its", F | T},
    {"last", L},
    {"late", L},
    {"launched", B},
    {"may", X | F | T},
    {"meanwhile", C | F | T},
    {"mid", L},
    {"middle", N},
    {"might", X | F | T},
    {"morning", N},
    {"must", X | F | T},
    {"next", L},
    {"night", N},
    {"nor", C | F | T},
    {"noted", S},
    {"of", P | F | T},
    {"on", P | F | T},
    {"or", C | F | T},
    {"over", P | F | T},
    {"part", N},
    {"previous", L},
    {"reported", S},
    {"said", S},
    {"same", L},
    {"saying", C | S},
    {"says", S},
    {"shall", X | F | T},
    {"she", F},
    {"should", X | F | T},
    {"since", P | C | F | T},
    {"so", C | F},
    {"spring", N},
    {"start", N},
    {"started", B},
    {"starting", B},
    {"starts", B},
    {"stated", S},
    {"summer", N},
    {"that", F | T | L},
    {"the", A | F | T},
    {"their", F | T},
    {"them", F},
    {"then", C | F | T},
    {"they", F},
    {"this", F | T | L},
    {"though", C | F | T},
    {"through", P | F | T},
    {"throughout", P | F | T},
    {"till", P | F | T},
    {"to", P | F | T},
    {"told", S},
    {"until", P | C | F | T},
    {"was", X | F | T},
    {"we", F},
    {"week", N},
    {"weekend", N},
    {"were", X | F | T},
    {"when", C | F | T},
    {"where", C | F | T},
    {"whereas", C | F | T},
    {"which", C | F | T},
    {"while", C | F | T},
    {"who", C | F | T},
    {"whose", C | F | T},
    {"will", X | F | T},
    {"winter", N},
    {"with", P | C | F | T},
    {"within", P | F | T},
    {"would", X | F | T},
    {"wrote", S},
    {"yet", C | F | T},
};

const char *tl_word_row(size_t i)
{
	return i < sizeof(words) / sizeof(words[0]) ? words[i].word : NULL;
}

/* Compare the lowercased w[0..n) with the table word k: <0, 0, >0. */
static int cmp_word(const char *w, size_t n, const char *k)
{
	for (size_t i = 0; i < n; i++, k++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (!*k)
			return 1;
		if (c != (unsigned char)*k)
			return c < (unsigned char)*k ? -1 : 1;
	}
	return *k ? -1 : 0;
}

unsigned tl_word_class_search(const char *w, size_t n)
{
	size_t lo = 0, hi = sizeof(words) / sizeof(words[0]);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_word(w, n, words[mid].word);
		if (c == 0)
			return words[mid].cls;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/*
 * The fast path: an open-addressing hash table of the rows, built by the
 * first caller, keyed by a word's length and its first, second and last
 * bytes folded to lower case (no pass over the word): a word of no row
 * mostly finds an empty slot or a slot of another key, and only a word
 * whose key matches is compared byte by byte.  Every row is lower-case
 * ASCII letters, and only ASCII letters fold (c | 0x20) to one, so the
 * folded comparison is the case-insensitive one of cmp_word().  Thread
 * safety without locks: the first caller to move `state` from 0 to 1 builds
 * the table and publishes it with a release store of 2; until a caller sees
 * 2 (acquire), it uses the binary search, which gives the same answer.
 */
#define SLOT_BITS 9
#define NSLOTS (1u << SLOT_BITS) /* a power of two, over three times the rows */

static uint8_t slots[NSLOTS];     /* row index + 1, 0 = empty */
static uint32_t slot_key[NSLOTS]; /* the key of each slot's row */
static atomic_int state;          /* 0: no table, 1: being built, 2: ready */

/* The key of w[0..n) (1 <= n <= 16): its length and its first, second
 * and last bytes, each folded with 0x20. */
static inline uint32_t word_key(const unsigned char *w, size_t n)
{
	return (uint32_t)n | (uint32_t)(w[0] | 0x20u) << 8 | (uint32_t)(w[n > 1] | 0x20u) << 16 |
	       (uint32_t)(w[n - 1] | 0x20u) << 24;
}

/* The first slot to probe for key. */
static inline uint32_t key_slot(uint32_t key)
{
	return (key * 0x9E3779B1u) >> (32 - SLOT_BITS);
}

/* Put every row in slots[]. */
static void build_slots(void)
{
	_Static_assert(sizeof(words) / sizeof(words[0]) < UINT8_MAX, "row + 1 fits slots[]");
	for (size_t r = 0; r < sizeof(words) / sizeof(words[0]); r++) {
		size_t n = strlen(words[r].word);
		if (n == 0 || n > 16)
			continue; /* never looked up: tl_word_class() takes up to 16 bytes */
		uint32_t key = word_key((const unsigned char *)words[r].word, n), h = key_slot(key);
		while (slots[h])
			h = (h + 1) & (NSLOTS - 1);
		slots[h] = (uint8_t)(r + 1);
		slot_key[h] = key;
	}
}

/* The classes of w[0..n) before the table is ready: the first caller
 * builds it, the others search the rows meanwhile.  Apart from
 * tl_word_class() so that its common path stays short. */
#if defined(__GNUC__)
#define COLD __attribute__((noinline, cold))
#else
#define COLD
#endif

static COLD unsigned class_cold(const char *w, size_t n, int st)
{
	int expect = 0;
	if (st == 0 && atomic_compare_exchange_strong(&state, &expect, 1)) {
		build_slots();
		atomic_store_explicit(&state, 2, memory_order_release);
		return tl_word_class(w, n);
	}
	return tl_word_class_search(w, n);
}

unsigned tl_word_class(const char *w, size_t n)
{
	if (n == 0 || n > 16)
		return 0;
	int st = atomic_load_explicit(&state, memory_order_acquire);
	if (st != 2)
		return class_cold(w, n, st);
	const unsigned char *u = (const unsigned char *)w;
	uint32_t key = word_key(u, n);
	for (uint32_t h = key_slot(key); slots[h]; h = (h + 1) & (NSLOTS - 1)) {
		if (slot_key[h] != key)
			continue; /* another word */
		const char *k = words[slots[h] - 1].word;
		size_t i = 1;
		while (i < n && (u[i] | 0x20u) == (unsigned char)k[i])
			i++;
		if (i == n && k[n] == '\0')
			return words[slots[h] - 1].cls;
	}
	return 0;
}
