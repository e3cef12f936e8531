/*
 * match_time.c - rules for clock times: "14:30", "5 p.m. EST", "noon",
 * "0800 UTC", "3 o'clock", "21:45:10", and a part of the day on a named
 * day ("the night of April 18, 1775").
 */
#include "match.h"

/* "a.m." / "am" / "p.m." / "PM" at i: returns the end, *pm = 1 for p.m. */
static size_t ampm(const tl_mctx *c, size_t i, int *pm)
{
	if (tl_m_is(c, i, W_FUNC, F_AM) || tl_m_is(c, i, W_FUNC, F_PM)) {
		*pm = tl_m_is(c, i, W_FUNC, F_PM);
		return i + 1;
	}
	if ((tl_m_lit(c, i, "a") || tl_m_lit(c, i, "p")) && (c->t[i].flags & TF_PERIOD) &&
	    tl_m_lit(c, i + 1, "m") && tl_m_glued(c, i + 1)) {
		*pm = tl_m_lit(c, i, "p");
		return i + 2;
	}
	return 0;
}

/* 1 when token i is a word that starts with 'h' or 'H' (a quick test before
 * tl_m_lit() looks for "hours", "hrs", "h"). */
static int h_word(const tl_mctx *c, size_t i)
{
	return i < c->n && c->t[i].kind == TK_WORD && (c->text[c->t[i].b] | 0x20) == 'h';
}

/* The part of the day after a clock time at j: "in the morning", "in the
 * afternoon", "in the evening" or "at night", not followed by a word that
 * makes it a noun phrase ("in the evening news").  Returns its end (0 when
 * there is none) and its part of the day in *pod (pod may be NULL). */
static size_t pod_after(const tl_mctx *c, size_t j, int *pod)
{
	size_t k = tl_m_is(c, j, W_FUNC, F_IN) && tl_m_is(c, j + 1, W_FUNC, F_THE) ? j + 2
	           : tl_m_is(c, j, W_FUNC, F_AT)                                   ? j + 1
	                                                                           : 0;
	const tl_word *p = k ? tl_m_word(c, k, W_POD) : NULL;
	if (!p || (p->flags & WF_PLURAL) ||
	    (k == j + 1
	         ? p->val != POD_NIGHT
	         : p->val != POD_MORNING && p->val != POD_AFTERNOON && p->val != POD_EVENING))
		return 0;
	if (k + 1 < c->n && c->t[k + 1].kind == TK_WORD && !c->t[k + 1].w &&
	    !(c->t[k + 1].flags & TF_CAP))
		return 0;
	if (pod)
		*pod = p->val;
	return k + 1;
}

/* Clock times: "14:30", "5 p.m. EST", "noon", "0800 UTC", "3 o'clock". */
size_t tl_r_time(const tl_mctx *c, size_t i, tl_ment *m)
{
	size_t j;
	int pm = -1;
	m->kind = MK_TIME;
	/* "the night of April 18, 1775", "the morning hours of 31 January" */
	const tl_word *pw = tl_m_word(c, i, W_POD);
	if (pw && !(pw->flags & WF_PLURAL) && pw->val != POD_NOON && pw->val != POD_MIDNIGHT) {
		int pl = 0;
		size_t k = i + 1;
		if (tl_m_unit(c, k, &pl) == U_HOUR && pl)
			k++;
		if (tl_m_is(c, k, W_FUNC, F_OF)) {
			tl_ment d;
			memset(&d, 0, sizeof(d));
			j = tl_r_calendar(c, k + 1, &d);
			if (j && d.kind == MK_DATE && (d.said & HAS_DAY)) {
				*m = d;
				m->kind = MK_TIME;
				m->pod = pw->val;
				m->said |= HAS_POD;
				m->the_ok = 1;
				return j;
			}
		}
	}
	/* "overnight" as an adverb ("lost power overnight", "overnight in
	 * Kansas", "Overnight, rebels attacked"), not before a noun it describes
	 * ("overnight rates", "an overnight stay", "overnight-rate") */
	if (pw && (pw->flags & WF_WEAK) && pw->val == POD_NIGHT &&
	    !(i > 0 && (tl_m_is(c, i - 1, W_FUNC, F_THE) || tl_m_is(c, i - 1, W_FUNC, F_A))) &&
	    (i + 1 >= c->n || (c->t[i + 1].kind == TK_PUNCT && !tl_m_punct(c, i + 1, '-')) ||
	     tl_m_word(c, i + 1, W_FUNC))) {
		m->kind = MK_DEICTIC;
		m->deictic = D_OVERNIGHT;
		return i + 1;
	}
	if (tl_m_is(c, i, W_POD, POD_NOON) || tl_m_is(c, i, W_POD, POD_MIDNIGHT)) {
		m->hour = tl_m_is(c, i, W_POD, POD_NOON) ? 12 : 24;
		m->minute = 0;
		m->said = HAS_HOUR | HAS_MINUTE;
		j = i + 1;
		/* a capitalised "Noon" inside a name: "the restaurant Noon", "High
		 * Noon", "Midnight Oil" (a date or time beside it still joins it) */
		if ((c->t[i].flags & TF_CAP) && ((i > 0 && c->t[i - 1].kind == TK_WORD &&
		                                  !c->t[i - 1].w && !tl_m_sentence_start(c, i)) ||
		                                 (j < c->n && c->t[j].kind == TK_WORD &&
		                                  !c->t[j].w && (c->t[j].flags & TF_CAP))))
			m->latent = 1;
		goto zone;
	}
	if (i >= c->n || c->t[i].kind != TK_NUM)
		return 0;
	if (i > 0 && tl_m_glued(c, i) &&
	    (tl_m_punct(c, i - 1, ':') || tl_m_punct(c, i - 1, '.') || c->t[i - 1].kind == TK_NUM))
		return 0;
	const tl_tok *t = c->t;
	if (t[i].ndig <= 2 && t[i].num <= 24 &&
	    (tl_m_punct(c, i + 1, ':') || tl_m_punct(c, i + 1, '.')) && tl_m_glued(c, i + 1) &&
	    i + 2 < c->n && t[i + 2].kind == TK_NUM && t[i + 2].ndig == 2 && tl_m_glued(c, i + 2) &&
	    t[i + 2].num < 60) {
		m->hour = (int32_t)t[i].num;
		m->minute = (int32_t)t[i + 2].num;
		m->said = HAS_HOUR | HAS_MINUTE;
		j = i + 3;
		if (tl_m_punct(c, j, ':') && tl_m_glued(c, j) && j + 1 < c->n &&
		    t[j + 1].kind == TK_NUM && t[j + 1].ndig == 2 && t[j + 1].num < 61) {
			m->second = (int32_t)t[j + 1].num;
			m->said |= HAS_SECOND;
			j += 2;
		}
		size_t k = ampm(c, j, &pm);
		int dot = tl_m_punct(c, i + 1, '.');
		if (dot && !k)
			return 0; /* "3.50" is a number */
		if (k)
			j = k;
	} else if (t[i].ndig <= 2 && t[i].num >= 1 && t[i].num <= 12 &&
	           (j = ampm(c, i + 1, &pm)) != 0) {
		m->hour = (int32_t)t[i].num;
		m->said = HAS_HOUR;
	} else if (t[i].ndig <= 2 && t[i].num >= 1 && t[i].num <= 12 &&
	           tl_m_is(c, i + 1, W_FUNC, F_O) && tl_m_punct(c, i + 2, '\'') &&
	           tl_m_is(c, i + 3, W_FUNC, F_CLOCK)) {
		m->hour = (int32_t)t[i].num;
		m->said = HAS_HOUR;
		j = i + 4;
	} else if (t[i].ndig <= 2 && t[i].num >= 1 && t[i].num <= 12 && i > 0 &&
	           tl_m_is(c, i - 1, W_FUNC, F_AT) && pod_after(c, i + 1, NULL)) {
		m->hour = (int32_t)t[i].num; /* "at 6 in the morning" */
		m->said = HAS_HOUR;
		j = i + 1;
	} else if (t[i].ndig == 4 && t[i].num % 100 < 60 && t[i].num / 100 <= 24 &&
	           (tl_m_word(c, i + 1, W_TZ) ||
	            (tl_m_lit(c, i + 1, "local") && tl_m_is(c, i + 2, W_FUNC, F_TIME)) ||
	            (h_word(c, i + 1) &&
	             (tl_m_lit(c, i + 1, "hours") || tl_m_lit(c, i + 1, "hrs") ||
	              (tl_m_lit(c, i + 1, "h") && tl_m_glued(c, i + 1)))))) {
		m->hour = (int32_t)(t[i].num / 100);
		m->minute = (int32_t)(t[i].num % 100);
		m->said = HAS_HOUR | HAS_MINUTE;
		/* "0800 local time": the clock alone, as WikiWars annotates
		 * "11:30 a.m. local time" */
		j = i + 1;
		if (!tl_m_word(c, j, W_TZ) && !tl_m_lit(c, j, "local"))
			j++;
	} else
		return 0;
	int pod;
	size_t e;
	if (pm == -1 && m->hour >= 1 && m->hour <= 12 && (e = pod_after(c, j, &pod)) != 0) {
		/* "4:30 in the afternoon", "11 at night"; "2 at night" is 02:00 */
		pm = pod != POD_MORNING && !(pod == POD_NIGHT && m->hour < 5);
		if (pm == 0 && m->hour == 12)
			pm = -1; /* "12 in the morning": left as said */
		j = e;
	}
	if (pm == 1 && m->hour < 12)
		m->hour += 12;
	else if (pm == 0 && m->hour == 12)
		m->hour = 0;
	if (tl_m_glued(c, j) && (tl_m_lit(c, j, "hrs") || tl_m_lit(c, j, "h")))
		j++;
zone:
	if (tl_m_word(c, j, W_TZ) && (c->t[j].flags & TF_UPPER)) {
		m->tz = tl_m_word(c, j, W_TZ)->word;
		j++;
	} else if (tl_m_punct(c, j, '(') && tl_m_word(c, j + 1, W_TZ) &&
	           tl_m_punct(c, j + 2, ')')) {
		m->tz = tl_m_word(c, j + 1, W_TZ)->word;
		j += 3;
	}
	return j;
}
