/*
 * event_words.c - the English word classes behind headlines and checks.
 *
 * Facts from ordinary English grammar: prepositions that introduce a date
 * ("on Nov. 5", "since 1991"), clause connectives, articles, verbs of
 * reporting ("said") and verbs that open or close a happening ("erupted",
 * "ended"), auxiliaries and modals ("will", "has", "was").  One row per
 * word, sorted by word (strcmp order) for the binary search; a word may
 * belong to several classes.
 */
#include "events_internal.h"

#define P TL_WORD_PREP
#define C TL_WORD_CONNECT
#define A TL_WORD_ARTICLE
#define S TL_WORD_SPEECH
#define B TL_WORD_BEGIN
#define E TL_WORD_END
#define F TL_WORD_STOP
#define T TL_WORD_TAIL
#define X TL_WORD_AUX

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
    {"be", F | T},
    {"because", C | F | T},
    {"been", F | T},
    {"before", P | C | F | T},
    {"began", B},
    {"begin", B},
    {"beginning", B},
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
    {"declared", S},
    {"during", P | F | T},
    {"end", E},
    {"ended", E},
    {"ending", E},
    {"ends", E},
    {"erupted", B},
    {"explained", S},
    {"finished", E},
    {"following", P | C | F | T},
    {"for", P | F | T},
    {"from", P | F | T},
    {"had", X | F | T},
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
    {"launched", B},
    {"may", X | F | T},
    {"meanwhile", C | F | T},
    {"might", X | F | T},
    {"must", X | F | T},
    {"nor", C | F | T},
    {"noted", S},
    {"of", P | F | T},
    {"on", P | F | T},
    {"or", C | F | T},
    {"over", P | F | T},
    {"reported", S},
    {"said", S},
    {"saying", C | S},
    {"says", S},
    {"shall", X | F | T},
    {"she", F},
    {"should", X | F | T},
    {"since", P | C | F | T},
    {"so", C | F | T},
    {"started", B},
    {"starting", B},
    {"starts", B},
    {"stated", S},
    {"that", F | T},
    {"the", A | F | T},
    {"their", F | T},
    {"them", F},
    {"then", C | F | T},
    {"they", F},
    {"this", F | T},
    {"though", C | F | T},
    {"through", P | F | T},
    {"throughout", P | F | T},
    {"till", P | F | T},
    {"to", P | F | T},
    {"told", S},
    {"until", P | C | F | T},
    {"was", X | F | T},
    {"we", F},
    {"were", X | F | T},
    {"when", C | F | T},
    {"where", C | F | T},
    {"whereas", C | F | T},
    {"which", C | F | T},
    {"while", C | F | T},
    {"who", C | F | T},
    {"whose", C | F | T},
    {"will", X | F | T},
    {"with", P | C | F | T},
    {"within", P | F | T},
    {"would", X | F | T},
    {"wrote", S},
    {"yet", C | F | T},
};

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

/* Binary search of words[] for w[0..n). */
unsigned tl_word_class(const char *w, size_t n)
{
	size_t lo = 0, hi = sizeof(words) / sizeof(words[0]);
	if (n == 0 || n > 16)
		return 0;
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
