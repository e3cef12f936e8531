/*
 * export_html.c - the timeline as one self-contained HTML page.
 *
 * Inline CSS and SVG only: nothing is fetched, no script runs.  The page has
 * a time axis (SVG) with one lane per document, each event placed by date
 * (a dot, or a bar when it spans a visible stretch), numbered and labelled
 * with its headline where there is room (six rows a lane; beyond them, a
 * small dot in a strip below); below it the numbered list of events with
 * date, headline, sentence and source, in the document's colour; the
 * consistency warnings, if any, come first.
 *
 * The axis is linear in time, except that a gap longer than 30% of the whole
 * span is drawn as a fixed-width break (two slanted strokes), so that an
 * event of 1991 and four of 2020-2021 all stay readable.  The linear runs
 * between breaks share the width by weight: the square root of their days
 * plus 10 for each event starting in them (a crowded year gets more room
 * than an empty decade); within a run, time is linear.  Ticks fall on
 * years or months, at least 70 units apart (the SVG is 1000 units wide and
 * scrolls sideways below 860 px).  All text is HTML-escaped.
 */
#include "events_internal.h"
#include "export_internal.h"

#include <stdio.h>

#define AXIS_W 1000.0
#define PLOT_L 36.0
#define PLOT_R 964.0
#define BREAK_W 90.0
#define LANE_H 30.0
#define ROW_H 24.0
#define MAX_ROWS 6

/* Okabe-Ito colours: told apart by colour-blind readers. */
static const char *const colours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                      "#E69F00", "#56B4E9", "#000000"};
#define NCOLOURS (sizeof(colours) / sizeof(colours[0]))

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* The axis: key days (sorted, unique) and the x of each. */
typedef struct axis {
	int64_t *day;
	double *x;
	int *brk; /* brk[i]: the gap after day[i] is a break */
	size_t n;
} axis;

/* Square root by Newton's method (no libm): enough for axis weights. */
static double root(double x)
{
	if (x <= 0)
		return 0;
	double r = x > 1 ? x / 2 : 1;
	for (int i = 0; i < 60; i++)
		r = (r + x / r) / 2;
	return r;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* Build the axis from every event's start and end. */
static int axis_build(axis *ax, tl_timeline *tl)
{
	size_t n = tl_timeline_event_count(tl), k = 0;
	memset(ax, 0, sizeof(*ax));
	ax->day = malloc((2 * n + 2) * sizeof(*ax->day));
	ax->x = malloc((2 * n + 2) * sizeof(*ax->x));
	ax->brk = calloc(2 * n + 2, sizeof(*ax->brk));
	if (!ax->day || !ax->x || !ax->brk)
		return TL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		ax->day[k++] = tl_date_to_days(e->start);
		ax->day[k++] = tl_date_to_days(e->end);
	}
	if (k == 0) {
		ax->day[k++] = 0;
		ax->day[k++] = 1;
	}
	qsort(ax->day, k, sizeof(*ax->day), cmp_i64);
	size_t u = 1;
	for (size_t i = 1; i < k; i++)
		if (ax->day[i] != ax->day[u - 1])
			ax->day[u++] = ax->day[i];
	if (u == 1)
		ax->day[u++] = ax->day[0] + 1;
	ax->n = u;
	double span = (double)(ax->day[u - 1] - ax->day[0]);
	size_t nbreak = 0;
	for (size_t i = 0; i + 1 < u; i++)
		if ((double)(ax->day[i + 1] - ax->day[i]) > 0.3 * span &&
		    ax->day[i + 1] - ax->day[i] > 90) {
			ax->brk[i] = 1;
			nbreak++;
		}
	/* the weight of each linear run: the square root of its days plus 10
	 * per event that starts in it; runs share the width by weight */
	double total = 0, room = PLOT_R - PLOT_L - BREAK_W * (double)nbreak;
	for (int pass = 0; pass < 2; pass++) {
		size_t a = 0;
		if (pass == 1)
			ax->x[0] = PLOT_L;
		for (size_t i = 0; i < u; i++) {
			if (i + 1 < u && !ax->brk[i])
				continue;
			/* the run of key days a..i */
			double days = (double)(ax->day[i] - ax->day[a]), w = root(days);
			for (size_t k = 0; k < n; k++) {
				int64_t d = tl_date_to_days(tl_timeline_event(tl, k)->start);
				w += 10.0 * (d >= ax->day[a] && d <= ax->day[i]);
			}
			if (pass == 0) {
				total += w;
			} else {
				double width = total > 0 ? room * w / total : room;
				for (size_t k = a; k < i; k++)
					ax->x[k + 1] =
					    ax->x[k] +
					    (days > 0
					         ? width * (double)(ax->day[k + 1] - ax->day[k]) /
					               days
					         : 0);
				if (i + 1 < u)
					ax->x[i + 1] = ax->x[i] + BREAK_W;
			}
			a = i + 1;
		}
	}
	return 0;
}

static void axis_free(axis *ax)
{
	free(ax->day);
	free(ax->x);
	free(ax->brk);
}

/* x of day number d (inside the axis range). */
static double axis_x(const axis *ax, int64_t d)
{
	if (d <= ax->day[0])
		return ax->x[0];
	if (d >= ax->day[ax->n - 1])
		return ax->x[ax->n - 1];
	size_t lo = 0, hi = ax->n - 1; /* day[lo] < d <= day[hi] */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (ax->day[mid] < d)
			lo = mid;
		else
			hi = mid;
	}
	size_t i = lo;
	double f = (double)(d - ax->day[i]) / (double)(ax->day[i + 1] - ax->day[i]);
	return ax->x[i] + f * (ax->x[i + 1] - ax->x[i]);
}

/* a / b rounded down (b > 0). */
static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b < 0);
}

/* The first day of month m, counted in months since January of year 0. */
static tl_date month_date(int64_t m)
{
	int64_t y = floor_div(m, 12);
	tl_date t = {(int32_t)y, (int32_t)(m - y * 12 + 1), 1};
	return t;
}

static void put_date(tl_buf *b, tl_date d, tl_granularity g);

/* Ticks of the linear run of key days [a, b]: years or months, at least 70
 * units apart, labelled. */
static void axis_ticks(tl_buf *b, const axis *ax, size_t a, size_t z, double y)
{
	static const int steps[] = {1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 6000, 12000};
	int64_t d0 = ax->day[a], d1 = ax->day[z];
	double per_day = (ax->x[z] - ax->x[a]) / (double)(d1 > d0 ? d1 - d0 : 1);
	int step = steps[sizeof(steps) / sizeof(steps[0]) - 1];
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (per_day * 30.44 * steps[i] >= 70) {
			step = steps[i];
			break;
		}
	tl_date s = tl_date_from_days(d0);
	/* months since year 0, rounded up to the step (floor division: years
	 * before 1 are negative) */
	int64_t m = (int64_t)s.year * 12 + (s.month - 1) + (s.day > 1);
	if (step >= 12)
		m = -floor_div(-m, 12) * 12;
	m = -floor_div(-m, step) * step;
	tl_date t0 = month_date(m);
	int64_t first = tl_date_to_days(t0);
	if (first > d1 || axis_x(ax, first) - ax->x[a] > 60) {
		/* no tick near the start of the run: label its first month */
		tl_buf_printf(
		    b, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
		    ax->x[a], y, ax->x[a], y + 6);
		tl_buf_printf(b, "<text class=\"tl\" x=\"%.1f\" y=\"%.1f\">", ax->x[a], y + 20);
		put_date(b, s, TL_GRAN_MONTH);
		tl_buf_puts(b, "</text>\n");
	}
	for (int guard = 0; guard < 400; guard++, m += step) {
		tl_date t = month_date(m);
		int64_t d = tl_date_to_days(t);
		if (d > d1)
			break;
		double x = axis_x(ax, d);
		tl_buf_printf(
		    b, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x,
		    y, x, y + 6);
		tl_buf_printf(b, "<text class=\"tl\" x=\"%.1f\" y=\"%.1f\">", x, y + 20);
		if (step >= 12 || t.month == 1)
			put_date(b, t, TL_GRAN_YEAR);
		else
			tl_buf_puts(b, month_abbr[t.month - 1]);
		tl_buf_puts(b, "</text>\n");
	}
}

/* The axis line, its breaks and ticks at height y. */
static void axis_draw(tl_buf *b, const axis *ax, double y)
{
	size_t a = 0;
	for (size_t i = 0; i + 1 <= ax->n; i++) {
		if (i + 1 < ax->n && !ax->brk[i])
			continue;
		/* a linear run from key a to key i */
		tl_buf_printf(
		    b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
		    ax->x[a] - 6, y, ax->x[i] + (i + 1 < ax->n ? 6 : 6), y);
		axis_ticks(b, ax, a, i, y);
		if (i + 1 < ax->n) {
			double mx = (ax->x[i] + ax->x[i + 1]) / 2;
			tl_buf_printf(
			    b, "<path class=\"brk\" d=\"M%.1f %.1fl6 -12M%.1f %.1fl6 -12\"/>\n",
			    mx - 8, y + 6, mx, y + 6);
		}
		a = i + 1;
	}
}

/* One date at granularity g: "1991", "Nov 2020", "10 Nov 2020", "241 BC". */
static void put_date(tl_buf *b, tl_date d, tl_granularity g)
{
	/* astronomical year 0 is 1 BC, -240 is 241 BC */
	int y = d.year > 0 ? (int)d.year : 1 - (int)d.year;
	const char *era = d.year > 0 ? "" : " BC";
	if (g <= TL_GRAN_YEAR)
		tl_buf_printf(b, "%d%s", y, era);
	else if (g <= TL_GRAN_MONTH)
		tl_buf_printf(b, "%s %d%s", month_abbr[d.month - 1], y, era);
	else
		tl_buf_printf(b, "%d %s %d%s", (int)d.day, month_abbr[d.month - 1], y, era);
}

/* The offset of a clock time's zone as ISO 8601 writes it after the time,
 * "+05:30" or "-05:00", into out; zone: minutes east of UTC (tl_value_clock(),
 * neither 0 nor TL_ZONE_NONE). */
static void zone_offset(char out[16], int zone)
{
	int a = zone < 0 ? -zone : zone;
	snprintf(out, 16, "%c%02d:%02d", zone < 0 ? '-' : '+', a / 60, a % 60);
}

/* The date of an event for readers: "10 Nov 2020", "Nov 2020", "1991",
 * "1990s", "Q3 2021", "Winter 2021", "1991 – 2020" (a span: first and last
 * day at the event's granularity), or the value itself. */
static void date_label(tl_buf *b, const tl_event *e)
{
	static const struct {
		const char *code, *name;
	} parts[] = {{"SP", "Spring"}, {"SU", "Summer"}, {"FA", "Autumn"}, {"WI", "Winter"},
	             {"Q1", "Q1"},     {"Q2", "Q2"},     {"Q3", "Q3"},     {"Q4", "Q4"},
	             {"H1", "H1"},     {"H2", "H2"}};
	tl_date vb, ve;
	tl_granularity g;
	int plain = tl_value_interval(e->value, &vb, &ve, &g) && tl_date_cmp(vb, e->start) == 0 &&
	            tl_date_cmp(ve, e->end) == 0;
	if (!plain) {
		tl_date last = tl_date_from_days(tl_date_to_days(e->end) - 1);
		tl_buf one = {0}, two = {0};
		put_date(&one, e->start, e->granularity);
		put_date(&two, last, e->granularity);
		int same = one.data && two.data && one.len == two.len &&
		           memcmp(one.data, two.data, one.len) == 0;
		tl_buf_free(&one);
		tl_buf_free(&two);
		if (same) { /* a value we cannot read, one year (month, day) long */
			put_date(b, e->start, e->granularity);
			return;
		}
		put_date(b, e->start, e->granularity);
		tl_buf_puts(b, " \xe2\x80\x93 ");
		put_date(b, last, e->granularity);
		return;
	}
	switch (g) {
	case TL_GRAN_DECADE:
		tl_buf_printf(b, "%ds", (int)vb.year);
		return;
	case TL_GRAN_CENTURY:
	case TL_GRAN_MILLENNIUM:
		tl_buf_printf(b, "%d\xe2\x80\x93%d", (int)vb.year, (int)ve.year - 1);
		return;
	case TL_GRAN_HOUR:
	case TL_GRAN_MINUTE:
	case TL_GRAN_SECOND: {
		int hh, mm, ss, zone;
		put_date(b, vb, TL_GRAN_DAY);
		if (tl_value_clock(e->value, &hh, &mm, &ss, &zone)) {
			tl_buf_printf(b, ", %02d:%02d", hh, mm);
			char z[16] = "";
			if (zone != 0 && zone != TL_ZONE_NONE)
				zone_offset(z, zone);
			if (zone != TL_ZONE_NONE)
				tl_buf_printf(b, " UTC%s", z);
		}
		return;
	}
	case TL_GRAN_YEAR:
	case TL_GRAN_MONTH:
	case TL_GRAN_DAY:
	case TL_GRAN_PART_OF_DAY:
		put_date(b, vb, g);
		return;
	default:
		break;
	}
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (strlen(e->value) == 7 && strcmp(e->value + 5, parts[i].code) == 0) {
			tl_buf_printf(b, "%s %.4s", parts[i].name, e->value);
			return;
		}
	if (g == TL_GRAN_WEEK) {
		tl_buf_puts(b, "Week of ");
		put_date(b, vb, TL_GRAN_DAY);
		return;
	}
	tl_html_escape(b, e->value);
}

static const char css[] =
    "*{box-sizing:border-box}"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica "
    "Neue\",Arial,sans-serif;color:#1d2330;background:#f4f6f9}\n"
    "main{max-width:1100px;margin:0 auto;padding:24px 20px 48px}\n"
    "h1{font-size:1.6rem;margin:0 0 4px}\n"
    ".meta{color:#5b6475;margin:0 0 16px}\n"
    ".legend{list-style:none;margin:0 0 16px;padding:0;display:flex;flex-wrap:wrap;gap:6px "
    "18px}\n"
    ".legend li{display:flex;align-items:center;gap:8px;font-size:.9rem;overflow-wrap:anywhere}\n"
    ".sw{width:14px;height:14px;border-radius:3px;flex:none}\n"
    ".warn{background:#fff4e5;border:1px solid #f0b45b;border-radius:8px;padding:10px "
    "14px;margin:0 0 16px}\n"
    ".warn h2{font-size:1rem;margin:0 0 4px}.warn ul{margin:0;padding-left:20px}\n"
    ".axisbox{background:#fff;border-radius:10px;box-shadow:0 1px 3px "
    "rgba(0,0,0,.12);padding:8px 0;margin:0 0 20px;overflow-x:auto}\n"
    ".axisbox svg{display:block;width:100%;min-width:860px;height:auto}\n"
    ".lane{fill:#f7f8fb}.lanelabel{font-size:12px;fill:#5b6475}\n"
    ".axis{stroke:#5b6475;stroke-width:1.5}.tick{stroke:#5b6475}"
    ".brk{stroke:#5b6475;stroke-width:1.5;fill:none}\n"
    ".tl{font-size:12px;fill:#3a4252;text-anchor:middle}\n"
    ".mk text{font-size:11px;font-weight:700;fill:#fff;text-anchor:middle}\n"
    ".mk text.hl{font-size:12px;font-weight:500;fill:#1d2330;text-anchor:start}"
    ".mk text.hl.end{text-anchor:end}\n"
    "ol.events{list-style:none;margin:0;padding:0;display:grid;gap:12px}\n"
    ".ev{display:grid;grid-template-columns:2.2rem 9.5rem 1fr;gap:4px "
    "14px;align-items:start;background:#fff;border-radius:10px;border-left:6px solid "
    "var(--c);box-shadow:0 1px 3px rgba(0,0,0,.12);padding:12px 16px}\n"
    ".num{display:inline-flex;width:1.8rem;height:1.8rem;border-radius:50%;background:var(--c);"
    "color:#fff;font-weight:700;font-size:.85rem;align-items:center;justify-content:center}\n"
    ".when{font-weight:600;color:#3a4252;padding-top:2px}\n"
    ".ev h2{font-size:1.08rem;margin:0 0 4px;line-height:1.35}\n"
    ".ev p{margin:0;color:#3a4252;font-size:.95rem}\n"
    ".src{color:#6b7385;font-size:.8rem;margin-top:6px!important;overflow-wrap:anywhere}\n"
    "@media (max-width:640px){main{padding:16px 12px 32px}"
    ".ev{grid-template-columns:2.2rem 1fr}.ev .body{grid-column:1/-1}}\n";

/* Where one event sits in one lane: row, and its label (the headline cut
 * to lchars code points, drawn left of the dot when lleft). */
typedef struct place {
	int row; /* -1: not in this lane */
	size_t lchars;
	int lleft;
	int dense; /* no room left: a small dot in the strip below the rows */
} place;

#define CHAR_W 6.6   /* average width of a 12px character, in axis units */
#define LABEL_MAX 48 /* code points of a label at most */

/* Code points of s. */
static size_t cp_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Append the first n code points of s, escaped, with an ellipsis when cut. */
static void put_cut(tl_buf *b, const char *s, size_t n)
{
	size_t total = cp_len(s);
	if (n >= total) {
		tl_html_escape(b, s);
		return;
	}
	size_t i = 0, cps = 0;
	while (s[i] && cps < n) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		cps++;
	}
	tl_buf tmp = {0};
	tl_buf_put(&tmp, s, i);
	char *p = tl_buf_detach(&tmp, NULL);
	if (!p) {
		b->failed = 1;
		return;
	}
	tl_html_escape(b, p);
	free(p);
	tl_buf_puts(b, "\xe2\x80\xa6");
}

/* Place event i in lane d: the first row where its dot, bar and label fit
 * (labels shrink to fit before a row is given up). */
static place place_one(double *edge, size_t d, double x0, double x1, const char *headline)
{
	place p = {0, 0, 0, 0};
	size_t want = cp_len(headline);
	if (want > LABEL_MAX)
		want = LABEL_MAX;
	p.lleft = x0 > AXIS_W * 0.62;
	for (int pass = 0; pass < 2; pass++)
		for (int r = 0; r < MAX_ROWS; r++) {
			double room = p.lleft ? x0 - 16 - PLOT_L : PLOT_R - (x0 + 16);
			size_t n = room > 0 ? (size_t)(room / CHAR_W) : 0;
			if (n > want)
				n = want;
			if (pass == 0 && n < want && n < 24)
				continue; /* look for a row with a longer label first */
			double lo = p.lleft ? x0 - 16 - CHAR_W * (double)n : x0 - 12;
			double hi =
			    p.lleft ? (x1 > x0 + 12 ? x1 : x0 + 12) : x0 + 16 + CHAR_W * (double)n;
			if (x1 > hi)
				hi = x1;
			if (edge[d * MAX_ROWS + (size_t)r] > lo - 8)
				continue;
			edge[d * MAX_ROWS + (size_t)r] = hi;
			p.row = r;
			p.lchars = n;
			return p;
		}
	/* no room: a small dot without number or label in the strip below */
	p.row = MAX_ROWS;
	p.lchars = 0;
	p.dense = 1;
	return p;
}

/* The SVG: lanes, markers with their headlines, and the axis. */
static int draw_svg(tl_buf *b, tl_timeline *tl, const axis *ax)
{
	size_t ndoc = tl_timeline_document_count(tl), nev = tl_timeline_event_count(tl);
	if (ndoc == 0)
		ndoc = 1;
	double *edge = malloc(ndoc * MAX_ROWS * sizeof(*edge));
	double *top = malloc(ndoc * sizeof(*top));
	int *rows = calloc(ndoc, sizeof(*rows));
	place *pl = malloc((nev ? nev : 1) * ndoc * sizeof(*pl));
	int rc = 0;
	if (!edge || !rows || !pl || !top) {
		rc = TL_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < ndoc * MAX_ROWS; i++)
		edge[i] = -1e9;
	for (size_t i = 0; i < nev * ndoc; i++)
		pl[i].row = -1;
	for (size_t i = 0; i < nev; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		double x0 = axis_x(ax, tl_date_to_days(e->start));
		double x1 = axis_x(ax, tl_date_to_days(e->end));
		for (size_t j = 0; j < e->mention_count; j++) {
			size_t d = tl_timeline_event_mention(tl, i, j)->document;
			if (d >= ndoc || pl[i * ndoc + d].row >= 0)
				continue;
			pl[i * ndoc + d] = place_one(edge, d, x0, x1, e->headline);
			if (pl[i * ndoc + d].row + 1 > rows[d])
				rows[d] = pl[i * ndoc + d].row + 1;
		}
	}
	double y = 8;
	for (size_t d = 0; d < ndoc; d++) {
		top[d] = y;
		y += LANE_H + ROW_H * (rows[d] ? rows[d] : 1) + 6;
	}
	double axis_y = y + 4, h = axis_y + 30;
	tl_buf_printf(b,
	              "<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"Time axis: %zu "
	              "event%s\" xmlns=\"http://www.w3.org/2000/svg\">\n",
	              AXIS_W, h, nev, nev == 1 ? "" : "s");
	for (size_t d = 0; d < tl_timeline_document_count(tl); d++) {
		double lh = LANE_H + ROW_H * (rows[d] ? rows[d] : 1) - 8;
		tl_buf_printf(
		    b, "<rect class=\"lane\" x=\"0\" y=\"%.1f\" width=\"%.0f\" height=\"%.1f\"/>",
		    top[d], AXIS_W, lh);
		tl_buf_printf(b, "<text class=\"lanelabel\" x=\"%.1f\" y=\"%.1f\">", PLOT_L,
		              top[d] + 15);
		tl_html_escape(b, tl_document_id(tl_timeline_document(tl, d)));
		tl_buf_puts(b, "</text>\n");
	}
	for (size_t i = 0; i < nev; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		double x0 = axis_x(ax, tl_date_to_days(e->start));
		double x1 = axis_x(ax, tl_date_to_days(e->end));
		for (size_t d = 0; d < ndoc; d++) {
			const place *p = &pl[i * ndoc + d];
			if (p->row < 0)
				continue;
			const char *c = colours[d % NCOLOURS];
			double cy = top[d] + LANE_H + ROW_H * (double)p->row;
			tl_buf_puts(b, "<g class=\"mk\"><title>");
			date_label(b, e);
			tl_buf_puts(b, ": ");
			tl_html_escape(b, e->headline);
			tl_buf_puts(b, "</title>");
			if (p->dense) {
				if (x1 - x0 >= 10)
					tl_buf_printf(b,
					              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
					              "height=\"4\" rx=\"2\" fill=\"%s\" "
					              "fill-opacity=\".3\"/>",
					              x0, cy - 2, x1 - x0, c);
				tl_buf_printf(b,
				              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" "
				              "fill-opacity=\".7\"/></g>\n",
				              x0, cy, c);
				continue;
			}
			if (x1 - x0 >= 10)
				tl_buf_printf(
				    b,
				    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" "
				    "rx=\"6\" fill=\"%s\" fill-opacity=\".3\"/>",
				    x0, cy - 6, x1 - x0, c);
			tl_buf_printf(b,
			              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"10\" fill=\"%s\"/><text "
			              "x=\"%.1f\" y=\"%.1f\"%s>%zu</text>",
			              x0, cy, c, x0, cy + 4,
			              i + 1 >= 1000  ? " font-size=\"6\""
			              : i + 1 >= 100 ? " font-size=\"8\""
			                             : "",
			              i + 1);
			if (p->lchars) {
				tl_buf_printf(b, "<text class=\"hl%s\" x=\"%.1f\" y=\"%.1f\">",
				              p->lleft ? " end" : "", p->lleft ? x0 - 15 : x0 + 15,
				              cy + 4);
				put_cut(b, e->headline, p->lchars);
				tl_buf_puts(b, "</text>");
			}
			tl_buf_puts(b, "</g>\n");
		}
	}
	axis_draw(b, ax, axis_y);
	tl_buf_puts(b, "</svg>\n");
out:
	free(top);
	free(edge);
	free(rows);
	free(pl);
	return rc;
}

/* The colour of an event: that of its first mention's document. */
static const char *event_colour(tl_timeline *tl, size_t i)
{
	const tl_mention *m = tl_timeline_event_mention(tl, i, 0);
	return colours[(m ? m->document : 0) % NCOLOURS];
}

int tl_export_html(tl_buf *b, tl_timeline *tl, const tl_export_options *opts)
{
	(void)opts;
	size_t ndoc = tl_timeline_document_count(tl), nev = tl_timeline_event_count(tl);
	size_t nwarn = tl_timeline_warning_count(tl);
	tl_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	               "<title>Timeline");
	for (size_t d = 0; d < ndoc; d++) {
		tl_buf_puts(b, d ? ", " : ": ");
		tl_html_escape(b, tl_document_id(tl_timeline_document(tl, d)));
	}
	tl_buf_printf(
	    b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n<h1>Timeline</h1>\n", css);
	tl_buf_printf(b, "<p class=\"meta\">%zu event%s from %zu document%s</p>\n", nev,
	              nev == 1 ? "" : "s", ndoc, ndoc == 1 ? "" : "s");
	tl_buf_puts(b, "<ul class=\"legend\">\n");
	for (size_t d = 0; d < ndoc; d++) {
		tl_buf_printf(b, "<li><span class=\"sw\" style=\"background:%s\"></span>",
		              colours[d % NCOLOURS]);
		tl_html_escape(b, tl_document_id(tl_timeline_document(tl, d)));
		tl_buf_puts(b, "</li>\n");
	}
	tl_buf_puts(b, "</ul>\n");
	if (nwarn) {
		tl_buf_puts(
		    b, "<section class=\"warn\">\n<h2>The text contradicts itself</h2>\n<ul>\n");
		for (size_t i = 0; i < nwarn; i++) {
			tl_buf_puts(b, "<li>");
			tl_html_escape(b, tl_timeline_warning(tl, i));
			tl_buf_puts(b, "</li>\n");
		}
		tl_buf_puts(b, "</ul>\n</section>\n");
	}
	axis ax;
	int rc = axis_build(&ax, tl);
	if (!rc) {
		tl_buf_puts(b, "<div class=\"axisbox\">\n");
		rc = draw_svg(b, tl, &ax);
		tl_buf_puts(b, "</div>\n");
	}
	axis_free(&ax);
	if (rc)
		return tl_seterr(rc, "out of memory writing HTML");
	tl_buf_puts(b, "<ol class=\"events\">\n");
	for (size_t i = 0; i < nev; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		char s[48];
		int hh, mm, ss, zone;
		tl_date_format(s, sizeof(s), e->start);
		size_t n = strlen(s);
		/* a clock time is machine-readable with its time and zone too
		 * (HTML's local or global date and time string) */
		if (e->type == TL_TIMEX_TIME && n < 20 &&
		    tl_value_clock(e->value, &hh, &mm, &ss, &zone)) {
			n += (size_t)snprintf(s + n, sizeof(s) - n, "T%02d:%02d", hh, mm);
			char z[16] = "Z";
			if (zone != 0 && zone != TL_ZONE_NONE)
				zone_offset(z, zone);
			if (zone != TL_ZONE_NONE)
				snprintf(s + n, sizeof(s) - n, "%s", z);
		}
		tl_buf_printf(b, "<li class=\"ev\" style=\"--c:%s\"><span class=\"num\">%zu</span>",
		              event_colour(tl, i), i + 1);
		tl_buf_printf(b, "<time class=\"when\" datetime=\"%s\">", s);
		date_label(b, e);
		tl_buf_puts(b, "</time><div class=\"body\"><h2>");
		tl_html_escape(b, e->headline);
		tl_buf_puts(b, "</h2><p>");
		tl_html_escape(b, e->text);
		tl_buf_puts(b, "</p><p class=\"src\">");
		tl_html_escape(b, e->document);
		tl_buf_puts(b, " \xc2\xb7 ");
		tl_html_escape(b, e->value);
		if (e->mention_count > 1)
			tl_buf_printf(b, " \xc2\xb7 %zu mentions", e->mention_count);
		tl_buf_puts(b, "</p></div></li>\n");
	}
	tl_buf_puts(b, "</ol>\n</main>\n</body>\n</html>\n");
	return b->failed ? tl_seterr(TL_ENOMEM, "out of memory writing HTML") : 0;
}
