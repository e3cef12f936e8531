/*
 * holidays.c - the holidays the engine knows, as data: how each one's date
 * is fixed, and the names it is written under.
 *
 * Where the facts come from:
 *  - US federal holidays: 5 U.S.C. 6103 (New Year's Day, Birthday of Martin
 *    Luther King Jr. = third Monday in January, Washington's Birthday
 *    (written "Presidents' Day") = third Monday in February, Memorial Day =
 *    last Monday in May, Independence Day, Labor Day = first Monday in
 *    September, Columbus Day = second Monday in October, Veterans Day,
 *    Thanksgiving Day = fourth Thursday in November, Christmas Day).  The
 *    Monday rules of the Uniform Monday Holiday Act apply from 1971; before
 *    that Washington's Birthday was February 22, Memorial Day May 30 and
 *    Columbus Day October 12.
 *  - Election Day of US federal elections: the Tuesday after the first
 *    Monday in November (2 U.S.C. 7), written as the first Monday plus one
 *    day (an H_NTH row's day is a shift in days from the nth weekday).
 *  - Mother's Day (second Sunday in May) and Father's Day (third Sunday in
 *    June) as the US observes them (36 U.S.C. 117 and 109).
 *  - Church feasts that move with Easter, by their distance from Easter
 *    Sunday (Gregorian computus, tl_easter()): Ash Wednesday 46 days before,
 *    Palm Sunday 7, Maundy Thursday 3, Good Friday 2 before; Easter Monday 1
 *    after, Ascension Day 39, Pentecost (Whit Sunday) 49 after.
 *  - Fixed feasts: Valentine's Day (Feb. 14), St. Patrick's Day (Mar. 17),
 *    Halloween (Oct. 31), Christmas Eve (Dec. 24), Boxing Day (Dec. 26),
 *    New Year's Eve (Dec. 31).
 *
 * The first word of every name is in the word table (tables.c) as a
 * W_HOLIDAY word, so the matcher only looks here at those words.  Each name
 * is one row: its tokens, space-separated, "'" and "." standing for the
 * apostrophe and the period; every word must be capitalised except the "s"
 * after an apostrophe.  The longest name that matches wins.
 */
#include "match.h"

enum { H_FIXED = 0, H_EASTER, H_NTH };

/* Index = the holiday number (tl_holiday_match, tl_holiday_date). */
/* clang-format off */
const tl_holiday tl_holidays[] = {
	/* name                   rule      month day  nth wd  since old_m old_d */
	{ "Christmas Day",        H_FIXED,  12, 25,   0, 0,    0,   0,  0 },
	{ "Easter Sunday",        H_EASTER,  0,  0,   0, 0,    0,   0,  0 },
	{ "Thanksgiving Day",     H_NTH,    11,  0,   4, 4,    0,   0,  0 },
	{ "Halloween",            H_FIXED,  10, 31,   0, 0,    0,   0,  0 },
	{ "Valentine's Day",      H_FIXED,   2, 14,   0, 0,    0,   0,  0 },
	{ "New Year's Day",       H_FIXED,   1,  1,   0, 0,    0,   0,  0 },
	{ "Independence Day",     H_FIXED,   7,  4,   0, 0,    0,   0,  0 },
	{ "Labor Day",            H_NTH,     9,  0,   1, 1,    0,   0,  0 },
	{ "Memorial Day",         H_NTH,     5,  0,  -1, 1, 1971,   5, 30 },
	{ "Veterans Day",         H_FIXED,  11, 11,   0, 0,    0,   0,  0 },
	{ "Boxing Day",           H_FIXED,  12, 26,   0, 0,    0,   0,  0 },
	{ "Good Friday",          H_EASTER,  0, -2,   0, 0,    0,   0,  0 },
	{ "Christmas Eve",        H_FIXED,  12, 24,   0, 0,    0,   0,  0 },
	{ "New Year's Eve",       H_FIXED,  12, 31,   0, 0,    0,   0,  0 },
	{ "Easter Monday",        H_EASTER,  0,  1,   0, 0,    0,   0,  0 },
	{ "Ash Wednesday",        H_EASTER,  0, -46,  0, 0,    0,   0,  0 },
	{ "St. Patrick's Day",    H_FIXED,   3, 17,   0, 0,    0,   0,  0 },
	{ "Martin Luther King Jr. Day", H_NTH, 1, 0,  3, 1,    0,   0,  0 },
	{ "Presidents' Day",      H_NTH,     2,  0,   3, 1, 1971,   2, 22 },
	{ "Mother's Day",         H_NTH,     5,  0,   2, 7,    0,   0,  0 },
	{ "Father's Day",         H_NTH,     6,  0,   3, 7,    0,   0,  0 },
	{ "Columbus Day",         H_NTH,    10,  0,   2, 1, 1971,  10, 12 },
	{ "Palm Sunday",          H_EASTER,  0, -7,   0, 0,    0,   0,  0 },
	{ "Maundy Thursday",      H_EASTER,  0, -3,   0, 0,    0,   0,  0 },
	{ "Ascension Day",        H_EASTER,  0, 39,   0, 0,    0,   0,  0 },
	{ "Pentecost",            H_EASTER,  0, 49,   0, 0,    0,   0,  0 },
	{ "Election Day",         H_NTH,    11,  1,   1, 1,    0,   0,  0 },
};

/** One written name of a holiday. */
typedef struct hname {
	const char *toks; /* lower case, space-separated tokens */
	int8_t holiday;   /* index into tl_holidays */
} hname;

static const hname names[] = {
	{ "christmas", 0 },                     { "christmas day", 0 },
	{ "christmas eve", 12 },
	{ "easter", 1 },                        { "easter sunday", 1 },
	{ "easter day", 1 },                    { "easter monday", 14 },
	{ "thanksgiving", 2 },                  { "thanksgiving day", 2 },
	{ "halloween", 3 },
	{ "valentine ' s day", 4 },             { "valentines day", 4 },
	{ "st valentine ' s day", 4 },          { "st . valentine ' s day", 4 },
	{ "saint valentine ' s day", 4 },
	{ "new year ' s day", 5 },              { "new years day", 5 },
	{ "new year ' s eve", 13 },             { "new years eve", 13 },
	{ "independence day", 6 },
	{ "labor day", 7 },                     { "labour day", 7 },
	{ "memorial day", 8 },
	{ "veterans day", 9 },                  { "veterans ' day", 9 },
	{ "boxing day", 10 },
	{ "good friday", 11 },
	{ "ash wednesday", 15 },
	{ "st patrick ' s day", 16 },           { "st . patrick ' s day", 16 },
	{ "saint patrick ' s day", 16 },        { "st patricks day", 16 },
	{ "st . patricks day", 16 },
	{ "martin luther king day", 17 },       { "martin luther king jr day", 17 },
	{ "martin luther king jr . day", 17 },  { "martin luther king , jr . day", 17 },
	{ "mlk day", 17 },
	{ "presidents ' day", 18 },             { "presidents day", 18 },
	{ "mother ' s day", 19 },               { "mothers day", 19 },
	{ "father ' s day", 20 },               { "fathers day", 20 },
	{ "columbus day", 21 },
	{ "palm sunday", 22 },
	{ "maundy thursday", 23 },
	{ "ascension day", 24 },
	{ "pentecost", 25 },                    { "whit sunday", 25 },
	{ "whitsunday", 25 },
	{ "election day", 26 },
};
/* clang-format on */

#define NNAMES (sizeof(names) / sizeof(names[0]))

/* Whether token i is the piece p[0..n) of a name: a punctuation piece is
 * that character; a word is compared without case and must be capitalised,
 * except an "s" after an apostrophe. */
static int piece_at(const tl_mctx *c, size_t i, const char *p, size_t n)
{
	if (i >= c->n)
		return 0;
	const tl_tok *t = &c->t[i];
	if (n == 1 && (p[0] == '\'' || p[0] == '.' || p[0] == ','))
		return tl_m_punct(c, i, p[0]);
	if (t->kind != TK_WORD)
		return 0;
	size_t len = t->e - t->b - ((t->flags & TF_PERIOD) ? 1 : 0);
	if (len != n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if ((c->text[t->b + k] | 0x20) != p[k])
			return 0;
	if (n == 1 && p[0] == 's')
		return i > 0 && tl_m_punct(c, i - 1, '\'') && tl_m_glued(c, i);
	return (t->flags & TF_CAP) != 0;
}

/* Match the name row r at token i; the index after it, or 0. */
static size_t name_at(const tl_mctx *c, size_t i, const hname *r)
{
	const char *p = r->toks;
	size_t j = i;
	while (*p) {
		size_t n = 0;
		while (p[n] && p[n] != ' ')
			n++;
		if (!piece_at(c, j, p, n))
			return 0;
		j++;
		p += n;
		if (*p == ' ')
			p++;
	}
	return j;
}

/* The longest holiday name at token i: its end (0: none), the holiday in *h.
 * Every name starts with a capitalised word of two letters or more
 * (piece_at()): only the names of its first letter are read on. */
size_t tl_holiday_match(const tl_mctx *c, size_t i, int *h)
{
	size_t best = 0;
	if (i >= c->n || c->t[i].kind != TK_WORD || !(c->t[i].flags & TF_CAP))
		return 0;
	char first = (char)(c->text[c->t[i].b] | 0x20);
	for (size_t r = 0; r < NNAMES; r++) {
		if (names[r].toks[0] != first)
			continue;
		size_t j = name_at(c, i, &names[r]);
		if (j > best) {
			best = j;
			*h = names[r].holiday;
		}
	}
	return best;
}

/* The date of holiday h in the given year. */
tl_date tl_holiday_date(int h, int32_t year)
{
	const tl_holiday *d = &tl_holidays[h];
	tl_date r = {year, d->month, d->day};
	if (d->since && year < d->since) {
		r.month = d->old_month;
		r.day = d->old_day;
		return r;
	}
	switch (d->rule) {
	case H_EASTER:
		return tl_date_add_days(tl_easter(year), d->day);
	case H_NTH:
		return tl_date_add_days(tl_nth_weekday(year, d->month, d->nth, d->weekday), d->day);
	default:
		return r;
	}
}

/* Whether holiday h falls on a date fixed in the calendar (month and day). */
int tl_holiday_fixed(int h)
{
	return tl_holidays[h].rule == H_FIXED;
}
