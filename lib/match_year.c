/*
 * match_year.c - rules for years written with digits: "1991", "238 BC",
 * "AD 79", "'82", and the decades and centuries they make ("1990s",
 * "'90s", "the 80s", "1800s").  Also the year written after a month or a
 * day (tl_m_year_after(), used by the rules of match_date.c), and the tests
 * that tell a year from a number that only looks like one: a product
 * ("Windows 2000", "PowerPoint '97"), a count after a possessive ("its
 * 1500 workers"), a code ("1-800-555-2020").
 */
#include "match.h"

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* A year written after a month or a day (see match.h): four digits, or
 * digits with BC/AD. */
size_t tl_m_year_after(const tl_mctx *c, size_t i, tl_ment *m)
{
	if (i >= c->n || c->t[i].kind != TK_NUM || c->t[i].ndig > 4)
		return 0;
	int64_t y = c->t[i].num;
	size_t j = i + 1;
	int bc = 0, era = 0;
	/* "b.c.", "a.d.": a one-letter word (two bytes with its period) */
	int letter = j < c->n && c->t[j].kind == TK_WORD && c->t[j].e - c->t[j].b <= 2;
	if (tl_m_is(c, j, W_FUNC, F_BC) ||
	    (letter && tl_m_lit(c, j, "b") && tl_m_lit(c, j + 1, "c"))) {
		bc = era = 1;
		j += tl_m_is(c, j, W_FUNC, F_BC) ? 1 : 2;
	} else if (tl_m_is(c, j, W_FUNC, F_AD) ||
	           (letter && tl_m_lit(c, j, "a") && tl_m_lit(c, j + 1, "d") &&
	            (c->t[j].flags & TF_PERIOD))) {
		era = 1;
		j += tl_m_is(c, j, W_FUNC, F_AD) ? 1 : 2;
	}
	if (!era && (c->t[i].ndig != 4 || y < 1000 || y > 2199))
		return 0;
	if (tl_m_glued(c, j) &&
	    (tl_m_punct(c, j, '%') ||
	     ((tl_m_punct(c, j, ',') || tl_m_punct(c, j, '.') || tl_m_punct(c, j, ':')) &&
	      j + 1 < c->n && c->t[j + 1].kind == TK_NUM && tl_m_glued(c, j + 1))))
		return 0; /* "1,991", "1299.59", "2000:1" ("1986: Abortive ..." is a year) */
	m->year = (int32_t)y;
	m->bc = (uint8_t)bc;
	m->said |= HAS_YEAR;
	return j;
}

/* A word with a capital after its first letter ("iLife", "PowerPoint"):
 * the name of a product, whose "'11" is a version. */
static int brand_like(const char *text, const tl_tok *t)
{
	for (size_t k = t->b + 1; k < t->e; k++)
		if (text[k] >= 'A' && text[k] <= 'Z')
			return !(t->flags & TF_UPPER);
	return 0;
}

/* A word at i that names an event held year by year, whose edition the
 * year after it dates ("Worldwide Developers Conference 2010", "the Summit
 * 2009", "WWDC 2005": an acronym in capitals), not a product ("Windows
 * 2000"). */
static int edition_name(const tl_mctx *c, size_t i)
{
	static const char *const events[] = {
	    "conference", "summit", "games",      "olympics",     "cup",           "expo",
	    "festival",   "fair",   "election",   "elections",    "census",        "congress",
	    "forum",      "awards", "convention", "championship", "championships", "show"};
	const tl_tok *t = &c->t[i];
	if ((t->flags & TF_UPPER) && t->e - t->b >= 2 && !(t->flags & TF_PERIOD))
		return 1;
	return TL_M_LIT_OF(c, i, events);
}

/* A possessive right before token i: "the company's", "the companies'",
 * "its", "their".  The number after it names the owner's year ("the
 * company's 1989 results") or a count ("its 1500 workers"). */
static int possessive_before(const tl_mctx *c, size_t i)
{
	static const char *const pron[] = {"its", "our", "their", "his",
	                                   "her", "my",  "your",  "whose"};
	if (i == 0 || tl_m_glued(c, i))
		return 0;
	size_t p = i - 1;
	if (p >= 2 && tl_m_lit(c, p, "s") && tl_m_glued(c, p) && tl_m_punct(c, p - 1, '\'') &&
	    tl_m_glued(c, p - 1) && c->t[p - 2].kind == TK_WORD)
		return 1; /* "company's" */
	if (p >= 1 && tl_m_punct(c, p, '\'') && tl_m_glued(c, p) && c->t[p - 1].kind == TK_WORD &&
	    (c->text[c->t[p - 1].e - 1] | 0x20) == 's')
		return 1; /* "companies'" */
	return TL_M_LIT_OF(c, p, pron);
}

/* "AD 79", "A.D. 1066": the index of the year's number (see match.h). */
size_t tl_m_era_prefix(const tl_mctx *c, size_t i)
{
	size_t j;
	const tl_tok *t = &c->t[i];
	if (i + 1 >= c->n || t->kind != TK_WORD || !(t->flags & TF_CAP))
		return 0;
	if (t->e - t->b == 2 && (t->flags & TF_UPPER) && tl_m_is(c, i, W_FUNC, F_AD))
		j = i + 1; /* "AD" */
	else if (t->e - t->b == 2 && (t->flags & TF_PERIOD) && c->text[t->b] == 'A' &&
	         c->t[i + 1].kind == TK_WORD && (c->t[i + 1].flags & TF_PERIOD) &&
	         c->t[i + 1].e - c->t[i + 1].b == 2 && c->text[c->t[i + 1].b] == 'D')
		j = i + 2; /* "A.D." */
	else
		return 0;
	if (j >= c->n || c->t[j].kind != TK_NUM || c->t[j].ndig > 4 || c->t[j].num < 1 ||
	    tl_m_glued(c, j))
		return 0;
	/* "AD 1,500", "AD 79.5", "AD 1990s", "AD 2021-11-05": not a year alone */
	if (tl_m_glued(c, j + 1) &&
	    ((c->t[j + 1].kind != TK_PUNCT || tl_m_punct(c, j + 1, '-') ||
	      tl_m_punct(c, j + 1, '/') || tl_m_punct(c, j + 1, '\'')) ||
	     ((tl_m_punct(c, j + 1, ',') || tl_m_punct(c, j + 1, '.') ||
	       tl_m_punct(c, j + 1, ':')) &&
	      j + 2 < c->n && c->t[j + 2].kind == TK_NUM && tl_m_glued(c, j + 2))))
		return 0;
	if (tl_m_word(c, j + 1, W_MONTH) || tl_m_word(c, j + 1, W_UNIT) ||
	    tl_m_is(c, j + 1, W_FUNC, F_BC))
		return 0; /* "AD 30 Nov.", "AD 30 minutes", "AD 31 BC" */
	return j;
}

/* Years ("1991", "238 BC", "'82") and decades ("1990s", "'90s"). */
/* The second end of "1995-98", "the 1998-99 season", "2007-08": two
 * digits glued by a dash to a year of four, read in that year's century
 * (or the next: "1999-00"), one to thirty years after it, the way
 * tl_r_year() reads the first end (a leading zero only for the year right
 * after: not the month of "2021-05").  Returns the end, or 0. */
static NOINLINE size_t second_year(const tl_mctx *c, size_t i, tl_ment *m)
{
	if (i < 2 || i >= c->n || c->t[i].kind != TK_NUM || c->t[i].ndig != 2 ||
	    !tl_m_glued(c, i) || !tl_m_punct(c, i - 1, '-') || !tl_m_glued(c, i - 1) ||
	    c->t[i - 2].kind != TK_NUM || c->t[i - 2].ndig != 4)
		return 0;
	if (i >= 3 && tl_m_glued(c, i - 2) && c->t[i - 3].kind == TK_PUNCT)
		return 0; /* a code: "4410-2021-77" */
	if (i + 1 < c->n && tl_m_glued(c, i + 1) &&
	    (c->t[i + 1].kind != TK_PUNCT || tl_m_punct(c, i + 1, '-') ||
	     tl_m_punct(c, i + 1, '/') || tl_m_punct(c, i + 1, ':') ||
	     (i + 2 < c->n && tl_m_glued(c, i + 2) && c->t[i + 2].kind == TK_NUM)))
		return 0; /* "2007-08-15", "1995-98s", "2001-02.5" */
	int64_t y0 = c->t[i - 2].num, v = c->t[i].num;
	if (y0 < 1000 || y0 > 2100)
		return 0;
	if (c->text[c->t[i].b] == '0' && v != (y0 + 1) % 100)
		return 0;
	int64_t y = y0 - y0 % 100 + v;
	if (y <= y0)
		y += 100;
	if (y - y0 > 30)
		return 0;
	m->kind = MK_DATE;
	m->year = (int32_t)y;
	m->said = HAS_YEAR;
	return i + 1;
}

size_t tl_r_year(const tl_mctx *c, size_t i, tl_ment *m)
{
	m->kind = MK_DATE;
	size_t era = tl_m_era_prefix(c, i);
	if (era) { /* "AD 79" */
		m->year = (int32_t)c->t[era].num;
		m->said = HAS_YEAR;
		return era + 1;
	}
	if (tl_m_punct(c, i, '\'') && i + 1 < c->n && c->t[i + 1].kind == TK_NUM &&
	    c->t[i + 1].ndig == 2 && tl_m_glued(c, i + 1)) {
		int64_t v = c->t[i + 1].num;
		if (tl_m_glued(c, i + 2) && tl_m_lit(c, i + 2, "s") && v % 10 == 0) {
			/* "'90s" is the 1990s; "'00s" and "'10s" this century's */
			m->decade = (int32_t)(v < 20 ? 200 + v / 10 : 190 + v / 10);
			m->said = HAS_DECADE;
			m->the_ok = 1;
			return i + 3;
		}
		if (tl_m_glued(c, i + 2) && (i + 2 < c->n && c->t[i + 2].kind != TK_PUNCT))
			return 0;
		m->year = (int32_t)(v + (v < 30 ? 2000 : 1900));
		m->vague = 3; /* the century is assumed: resolve picks the nearest */
		if (i > 0 && c->t[i - 1].kind == TK_WORD && !c->t[i - 1].w &&
		    brand_like(c->text, &c->t[i - 1]))
			m->latent = 1; /* "iLife '11", "PowerPoint '97": a version */
		m->said = HAS_YEAR;
		return i + 2;
	}
	/* "the 70s and 80s": the second end of a range of decades */
	if (i >= 3 && i < c->n && c->t[i].kind == TK_NUM && c->t[i].ndig == 2 &&
	    c->t[i].num % 10 == 0 && tl_m_glued(c, i + 1) && tl_m_lit(c, i + 1, "s") &&
	    (tl_m_is(c, i - 1, W_FUNC, F_AND) || tl_m_is(c, i - 1, W_FUNC, F_TO) ||
	     tl_m_is(c, i - 1, W_FUNC, F_OR)) &&
	    tl_m_lit(c, i - 2, "s") && tl_m_glued(c, i - 2) && c->t[i - 3].kind == TK_NUM) {
		m->decade = (int32_t)(190 + c->t[i].num / 10);
		m->said = HAS_DECADE;
		return i + 2;
	}
	if (i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE) && i < c->n && c->t[i].kind == TK_NUM &&
	    c->t[i].ndig == 2 && c->t[i].num % 10 == 0 && tl_m_glued(c, i + 1) &&
	    tl_m_lit(c, i + 1, "s")) {
		m->decade = (int32_t)(190 + c->t[i].num / 10); /* "the 80s" */
		m->said = HAS_DECADE;
		m->the_ok = 1;
		return i + 2;
	}
	if (i >= 2 && i < c->n && c->t[i].ndig == 2 && c->t[i - 1].kind == TK_PUNCT &&
	    c->t[i - 1].punct == '-') {
		size_t e2 = second_year(c, i, m);
		if (e2)
			return e2;
	}
	if (i >= c->n || c->t[i].kind != TK_NUM || c->t[i].ndig > 4 ||
	    (i > 0 && tl_m_glued(c, i) &&
	     (c->t[i - 1].kind == TK_WORD || tl_m_punct(c, i - 1, '$') ||
	      tl_m_punct(c, i - 1, '.') || tl_m_punct(c, i - 1, ','))))
		return 0;
	int64_t y = c->t[i].num;
	/* decades and centuries: 1990s, 1990's, 1800s */
	size_t k = i + 1;
	if (tl_m_glued(c, k) && tl_m_punct(c, k, '\'') && tl_m_glued(c, k + 1))
		k++;
	if (c->t[i].ndig == 4 && tl_m_glued(c, k) && tl_m_lit(c, k, "s") && y % 10 == 0) {
		if (y % 100 == 0 && y != 2000) { /* "the 2000s" is a decade, as a rule */
			m->century = (int32_t)(y / 100);
			m->said = HAS_CENTURY;
		} else {
			m->decade = (int32_t)(y / 10);
			m->said = HAS_DECADE;
		}
		m->the_ok = 1;
		return k + 1;
	}
	size_t j = tl_m_year_after(c, i, m);
	if (!j)
		return 0;
	/* part of a code: "1-800-555-2020", "4410-2021-77", "2021-0045" */
	int dash_before = i >= 2 && tl_m_glued(c, i) && tl_m_punct(c, i - 1, '-') &&
	                  tl_m_glued(c, i - 1) && c->t[i - 2].kind == TK_NUM;
	int dash_after = tl_m_glued(c, j) && tl_m_punct(c, j, '-') && j + 1 < c->n &&
	                 c->t[j + 1].kind == TK_NUM && tl_m_glued(c, j + 1);
	if (dash_before && dash_after)
		return 0;
	if (dash_before && i >= 3 && tl_m_glued(c, i - 2) && tl_m_punct(c, i - 3, '-'))
		return 0;
	if (dash_before && c->t[i - 2].ndig == 3 && !m->bc && c->t[i - 1].e - c->t[i - 1].b == 1)
		return 0; /* a telephone number: "555-2021" (not "499-449 BC", "499–1001") */
	if (dash_after && ((c->t[j + 1].ndig != 4 && c->t[j + 1].ndig != 2) ||
	                   (c->text[c->t[j + 1].b] == '0' && c->t[j + 1].num != (y + 1) % 100)))
		return 0; /* "2021-0045"; but "2007-08" is two years */
	/* a name or a number label before it: "Windows 2000", "PIN 1991".  A
	 * capitalised word that opens a sentence may be a preposition the
	 * tables do not know ("Throughout 2000, ..."): there only a verb right
	 * after the number makes the two a name ("Windows 2000 was popular") */
	if (i > 0 && c->t[i - 1].kind == TK_WORD && !c->t[i - 1].w && !m->bc &&
	    (c->t[i - 1].flags & TF_CAP) &&
	    (!tl_m_sentence_start(c, i - 1) ||
	     (tl_m_word(c, j, W_TENSE) && tl_m_word(c, j, W_TENSE)->val != 3)) &&
	    !edition_name(c, i - 1))
		m->latent = 1; /* (val 3: "forecast", mostly a noun there) */
	if (i > 0 && tl_m_is(c, i - 1, W_FUNC, F_NUMBER))
		m->latent = 1;
	if (tl_m_glued(c, j) && j < c->n &&
	    (c->t[j].kind == TK_WORD || c->t[j].kind == TK_NUM || tl_m_punct(c, j, '/')))
		return 0;
	if (tl_m_punct(c, j, '-') && j + 1 < c->n && tl_m_glued(c, j + 1) &&
	    c->t[j + 1].kind == TK_WORD && !tl_m_word(c, j + 1, W_MONTH))
		return 0; /* "2000-strong" */
	if (j < c->n && c->t[j].kind == TK_WORD && !c->t[j].w && !(c->t[j].flags & TF_CAP) &&
	    !m->bc &&
	    ((m->year < 1900 || m->year > 2100) ||
	     !(tl_m_date_support_before(c, i) || (i > 0 && tl_m_is(c, i - 1, W_FUNC, F_THE)))) &&
	    !m->latent)
		m->latent = 2; /* "1500 men", "1999 votes"; "the 1777 campaign" */
	if (m->latent == 2 && m->year >= 1900 && m->year <= 2100 && possessive_before(c, i))
		m->latent = 3; /* "the company's 1989 results", "its 2000 employees" */
	if (!m->bc && (m->year < 1900 || m->year > 2100) && !tl_m_date_support_before(c, i) &&
	    !m->latent)
		m->latent = 2; /* "as late as 1781" */
	if (m->year > 2100 && !m->bc)
		m->latent = 1;
	return j;
}
