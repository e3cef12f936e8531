/*
 * resolve_narrative.c - which dates move the narrative reference time.
 *
 * A history tells its story in order, but it also steps out of it for a
 * moment: "Documents found in 2004 proved ...", "as Napoleon had learnt in
 * 1813".  Such a bare year, far from the story's year, is an aside when
 * the text comes back to the story's time before it says anything more
 * about the aside's: the dates after it ("On August 17, ...") still belong
 * to the story.  A year that the text goes on with, or that opens its
 * sentence ("In 1990, Germany was reunified."), is a real jump.
 *
 * Also here: whether a document is a history at all (its years mostly lie
 * far from the DCT, and its lead does not speak from the time of writing),
 * and which numbers that may be years are kept in a history.
 */
#include "engine.h"

#define FAR 20   /* years: a year this far from the story's may be an aside */
#define NEAR 10  /* years: a later year this near is "back to" one of them */
#define AHEAD 64 /* mentions looked at after the candidate */
#define FRONT 12 /* bytes: a year this near its sentence's start sets the scene */

/* The year of m as an astronomical year (1 BC = 0). */
static int64_t year_of(const tl_ment *m)
{
	return m->bc ? 1 - (int64_t)m->year : m->year;
}

/* Whether m, which states no year, points back at the year just named:
 * "that year", "August of that year", "later that year". */
static int that_year(const tl_ment *m)
{
	return m->unit == U_YEAR && m->anchor == A_NARR && m->dir == 0 &&
	       (m->kind == MK_DATE || m->kind == MK_REL);
}

/* Whether mention i is a bare year said in passing (see the file comment):
 * m[i] states a year and nothing finer, lies more than FAR years from the
 * story's year, and the next year the text states is within NEAR years of
 * the story's rather than of m[i]'s (the aside named again does not count),
 * with no "that year" before it.  A year nearer than FAR is an aside
 * in a story told by months or days when the next year stated is the
 * story's own. */
int tl_narrative_aside(const tl_engine *e, size_t i, int64_t story_year, int story_fine,
                       size_t sentence_start)
{
	const tl_ment *m = &e->m[i];
	if (m->b <= sentence_start + FRONT)
		return 0; /* "In 1990, Germany was reunified": the story moves on */
	if (m->kind != MK_DATE || (m->said & ~(uint32_t)HAS_YEAR) || !(m->said & HAS_YEAR) ||
	    m->vague)
		return 0;
	int64_t y = year_of(m);
	if (y == story_year)
		return 0;
	if (y - story_year <= FAR && story_year - y <= FAR) {
		/* a year near the story's ("a campaign planned for 1976" in
		 * March 1975) is an aside only when the story is told by
		 * months or days and the next year stated is the story's own */
		if (!story_fine)
			return 0;
		for (size_t k = i + 1; k < e->nm && k <= i + AHEAD; k++) {
			const tl_ment *n = &e->m[k];
			if (!(n->said & HAS_YEAR)) {
				if (that_year(n))
					return 0;
				continue;
			}
			if (n->vague || (n->kind != MK_DATE && n->kind != MK_TIME))
				continue;
			return year_of(n) == story_year;
		}
		return 0;
	}
	for (size_t k = i + 1; k < e->nm && k <= i + AHEAD; k++) {
		const tl_ment *n = &e->m[k];
		if (!(n->said & HAS_YEAR)) {
			if (that_year(n))
				return 0;
			continue;
		}
		if (n->vague || n->attrib || (n->kind != MK_DATE && n->kind != MK_TIME))
			continue;
		int64_t z = year_of(n);
		if (z == y && n->said == HAS_YEAR)
			continue; /* the aside named again: "as in 1614 ... the 1614 rules" */
		if (z - y <= NEAR && y - z <= NEAR)
			return 0;
		if (z - story_year <= NEAR && story_year - z <= NEAR)
			return 1;
	}
	/* no year decides: a story told day by day goes on after the aside */
	return story_fine;
}

#define WEAK_NEAR 10 /* years: a weak year this near the story's is a year */
#define OWNED_NEAR 5 /* years: a possessive's number this near the DCT is a year */

/* Keep or drop the weak years (latent 2 and 3) of e; see engine.h. */
void tl_narrative_weak_years(tl_engine *e, int history, int has_dct, int32_t dct_year)
{
	int have = 0;
	int64_t last = 0, before = has_dct ? (int64_t)dct_year - 20 : INT64_MAX;
	size_t w = 0;
	for (size_t i = 0; i < e->nm; i++) {
		tl_ment *m = &e->m[i];
		if (m->latent == 2 || m->latent == 3) {
			int64_t y = year_of(m);
			int owned = m->latent == 3 && has_dct && y - dct_year <= OWNED_NEAR &&
			            dct_year - y <= OWNED_NEAR;
			if (!owned && (!history || !have || last >= before ||
			               y - last > WEAK_NEAR || last - y > WEAK_NEAR))
				continue;
			m->latent = 0;
		}
		if ((m->said & HAS_YEAR) && !m->vague && !m->latent &&
		    (m->kind == MK_DATE || m->kind == MK_TIME)) {
			last = year_of(m);
			have = 1;
		}
		if (m->partner >= 0) /* the ends of a range are adjacent, never weak */
			m->partner = (int)w + (m->partner > (int)i ? 1 : -1);
		if (w != i) /* nothing dropped yet: the mention is in place */
			e->m[w] = *m;
		w++;
	}
	e->nm = w;
}

/* Whether m speaks from the time of writing: "today", "yesterday", "last
 * week", "this year", a bare weekday ("on Monday").  News is full of them; a
 * history has few. */
static int dct_cue(const tl_ment *m)
{
	switch (m->kind) {
	case MK_DEICTIC:
		return m->deictic == D_TODAY || m->deictic == D_YESTERDAY ||
		       m->deictic == D_TOMORROW || m->deictic == D_TONIGHT ||
		       m->deictic == D_OVERNIGHT;
	case MK_DATE:
		return (m->said & HAS_WEEKDAY) && !(m->said & (HAS_MONTH | HAS_DAY | HAS_YEAR));
	case MK_REL:
	case MK_TIME:
		return m->anchor == A_DCT && m->gran_only;
	default:
		return 0;
	}
}

/* Whether the document narrates a distant past; see engine.h. */
int tl_narrative_history(const tl_engine *e, int has_dct, int32_t dct_year)
{
	size_t far = 0, near = 0;
	for (size_t i = 0; i < e->nm; i++) {
		const tl_ment *m = &e->m[i];
		if (dct_cue(m)) {
			if (m->sentence < 3 && !(m->kind == MK_DEICTIC && m->deictic == D_TODAY))
				return 0; /* a lead that says "this week", "on Monday": news */
			near++;
			continue;
		}
		if (m->kind != MK_DATE || !(m->said & HAS_YEAR) || m->since || m->latent)
			continue;
		int64_t y = m->bc ? 1 - (int64_t)m->year : m->year;
		if (!has_dct || y <= dct_year - 2 || y >= dct_year + 2)
			far++;
		else
			near++;
	}
	return far >= 2 && far > 2 * near;
}
