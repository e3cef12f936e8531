/*
 * test_cases.c - the table-driven corpus: tests/data/cases.tsv and
 * tests/data/negative.tsv, run through tl_document_parse().
 *
 * cases.tsv, one case a line, fields separated by tabs ('#' starts a comment
 * line, blank lines are skipped):
 *   text  DCT  extent  type  value  mod  [options]
 * - DCT: YYYY-MM-DD; "none" (no DCT, no inference); "infer" (no DCT, the
 *   library infers one).
 * - extent: the exact text of the expected timex; it must occur exactly once
 *   in text.  A timex passes when its byte extent is exactly that substring.
 * - type, value, mod: what that timex must carry; mod "-" means no mod.  A
 *   field may list accepted alternatives separated by '|' where the TIMEX3
 *   guidelines allow either ("APPROX|LESS_THAN").
 * - options (optional, space-separated): order=mdy|dmy|ymd (numeric dates),
 *   ambiguous=1 (report ambiguous numeric dates), quant=Q, freq=F (SETs).
 *
 * negative.tsv:
 *   text  DCT  forbidden  [options]
 * - forbidden: a substring of text that no timex may overlap, or "*" when
 *   the text must yield no timex at all.
 *
 * Every failing row is printed with its line number, what was expected and
 * what came out.  A malformed table row always fails the test.  Mismatches
 * fail the test when fewer rows pass than the floor in
 * tests/data/cases-floor.txt ("cases N" / "negative N"), or on any mismatch
 * when TL_CASES_STRICT=1 is set in the environment.
 */
#include "export_internal.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXF 8

/* Where the data files are: $TL_SOURCE_DIR/tests/data, else ./data. */
static void data_path(char *out, size_t n, const char *name)
{
	const char *src = getenv("TL_SOURCE_DIR");
	if (src && *src)
		snprintf(out, n, "%s/tests/data/%s", src, name);
	else
		snprintf(out, n, "data/%s", name);
}

/* The floor of passing rows for "cases" or "negative"; 0 when unset. */
static long read_floor(const char *key)
{
	char path[4096], line[256], k[64];
	long v = 0, found = 0;
	data_path(path, sizeof(path), "cases-floor.txt");
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (line[0] != '#' && sscanf(line, "%63s %ld", k, &v) == 2 && strcmp(k, key) == 0)
			found = v;
	fclose(f);
	return found;
}

/* Split line (modified in place) at tabs into at most MAXF fields. */
static int split_tabs(char *line, char **f)
{
	int n = 0;
	size_t len = strlen(line);
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	char *p = line;
	while (n < MAXF) {
		f[n++] = p;
		char *t = strchr(p, '\t');
		if (!t)
			break;
		*t = '\0';
		p = t + 1;
	}
	return n;
}

/* Does s equal one of the '|'-separated alternatives in alts? */
static int one_of(const char *s, const char *alts)
{
	size_t n = strlen(s);
	const char *p = alts;
	for (;;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == n && strncmp(p, s, n) == 0)
			return 1;
		if (!bar)
			return 0;
		p = bar + 1;
	}
}

/* Options of a row. */
typedef struct row_opts {
	tl_date_order order;
	int ambiguous;
	const char *quant, *freq;
} row_opts;

/* Parse the options field (modified in place); 0 or -1 on an unknown option. */
static int parse_opts(row_opts *o, char *s)
{
	o->order = TL_DATE_ORDER_MDY;
	o->ambiguous = 0;
	o->quant = o->freq = NULL;
	if (!s || !*s || strcmp(s, "-") == 0)
		return 0;
	for (char *tok = strtok(s, " "); tok; tok = strtok(NULL, " ")) {
		if (strcmp(tok, "order=mdy") == 0)
			o->order = TL_DATE_ORDER_MDY;
		else if (strcmp(tok, "order=dmy") == 0)
			o->order = TL_DATE_ORDER_DMY;
		else if (strcmp(tok, "order=ymd") == 0)
			o->order = TL_DATE_ORDER_YMD;
		else if (strcmp(tok, "ambiguous=1") == 0)
			o->ambiguous = 1;
		else if (strncmp(tok, "quant=", 6) == 0)
			o->quant = tok + 6;
		else if (strncmp(tok, "freq=", 5) == 0)
			o->freq = tok + 5;
		else
			return -1;
	}
	return 0;
}

/* Parse text with the row's DCT and options; NULL (and a message) on failure. */
static tl_document *run(const char *text, const char *dct, const row_opts *o, char *err,
                        size_t errsz)
{
	tl_parser_options po = TL_PARSER_OPTIONS_INIT;
	tl_document_options dopts = TL_DOCUMENT_OPTIONS_INIT;
	tl_parser *p = NULL;
	tl_document *doc = NULL;
	po.numeric_order = o->order;
	po.report_ambiguous = o->ambiguous;
	if (strcmp(dct, "none") == 0) {
		dopts.infer_dct = 0;
	} else if (strcmp(dct, "infer") != 0) {
		if (tl_date_parse(&dopts.dct, dct) != 0 || dopts.dct.day == 0) {
			snprintf(err, errsz, "bad DCT field '%s'", dct);
			return NULL;
		}
		dopts.has_dct = 1;
	}
	if (tl_parser_new(&p, &po) != 0 ||
	    tl_document_parse(&doc, p, text, strlen(text), &dopts) != 0) {
		snprintf(err, errsz, "parse failed: %s", tl_error_last());
		doc = NULL;
	}
	tl_parser_free(p);
	return doc;
}

/* Append a description of every timex of doc overlapping [s, e) to out. */
static void describe(char *out, size_t n, const tl_document *doc, size_t s, size_t e)
{
	size_t used = strlen(out);
	int any = 0;
	for (size_t i = 0; i < tl_document_timex_count(doc); i++) {
		const tl_timex *t = tl_document_timex(doc, i);
		if (t->byte_end <= s || t->byte_start >= e)
			continue;
		const char *mod = tl_mod_name(t->mod);
		int w = snprintf(out + used, n - used, "%s[%.*s] %s %s %s%s%s%s%s", any ? "; " : "",
		                 (int)(t->byte_end - t->byte_start), doc->text + t->byte_start,
		                 tl_type_name(t->type), t->value, mod ? mod : "-",
		                 t->quant ? " quant=" : "", t->quant ? t->quant : "",
		                 t->freq ? " freq=" : "", t->freq ? t->freq : "");
		if (w < 0 || (size_t)w >= n - used)
			return;
		used += (size_t)w;
		any = 1;
	}
	if (!any)
		snprintf(out + used, n - used, "nothing");
}

/* Tally of one table. */
typedef struct tally {
	long rows, pass, bad_rows;
} tally;

/* Check one cases.tsv row; returns 1 pass, 0 mismatch, -1 malformed row. */
static int check_case(char **f, int nf, const char *file, long ln)
{
	char err[4096] = "", got[4096] = "";
	char optbuf[256] = "";
	row_opts o;
	if (nf < 6 || nf > 7) {
		printf("%s:%ld: malformed row: %d fields, want 6 or 7\n", file, ln, nf);
		return -1;
	}
	if (nf == 7)
		snprintf(optbuf, sizeof(optbuf), "%s", f[6]);
	if (parse_opts(&o, optbuf) != 0) {
		printf("%s:%ld: malformed row: unknown option in '%s'\n", file, ln, f[6]);
		return -1;
	}
	const char *text = f[0], *ext = f[2];
	const char *at = *ext ? strstr(text, ext) : NULL;
	if (!at || strstr(at + 1, ext)) {
		printf("%s:%ld: malformed row: extent '%s' %s in the text\n", file, ln, ext,
		       at ? "occurs more than once" : "does not occur");
		return -1;
	}
	size_t s = (size_t)(at - text), e = s + strlen(ext);
	tl_document *doc = run(text, f[1], &o, err, sizeof(err));
	if (!doc) {
		printf("%s:%ld: %s\n", file, ln, err);
		return strncmp(err, "bad DCT", 7) == 0 ? -1 : 0;
	}
	int ok = 0;
	for (size_t i = 0; i < tl_document_timex_count(doc); i++) {
		const tl_timex *t = tl_document_timex(doc, i);
		if (t->byte_start != s || t->byte_end != e)
			continue;
		const char *mod = tl_mod_name(t->mod);
		ok = one_of(tl_type_name(t->type), f[3]) && one_of(t->value, f[4]) &&
		     one_of(mod ? mod : "-", f[5]) &&
		     (!o.quant || (t->quant && strcmp(t->quant, o.quant) == 0)) &&
		     (!o.freq || (t->freq && strcmp(t->freq, o.freq) == 0));
		break;
	}
	if (!ok) {
		describe(got, sizeof(got), doc, s, e);
		printf("%s:%ld: FAIL \"%s\" (DCT %s): expected [%s] %s %s %s%s%s%s%s, got %s\n",
		       file, ln, text, f[1], ext, f[3], f[4], f[5], o.quant ? " quant=" : "",
		       o.quant ? o.quant : "", o.freq ? " freq=" : "", o.freq ? o.freq : "", got);
	}
	tl_document_free(doc);
	return ok;
}

/* Check one negative.tsv row; returns 1 pass, 0 mismatch, -1 malformed row. */
static int check_negative(char **f, int nf, const char *file, long ln)
{
	char err[4096] = "", got[4096] = "";
	char optbuf[256] = "";
	row_opts o;
	if (nf < 3 || nf > 4) {
		printf("%s:%ld: malformed row: %d fields, want 3 or 4\n", file, ln, nf);
		return -1;
	}
	if (nf == 4)
		snprintf(optbuf, sizeof(optbuf), "%s", f[3]);
	if (parse_opts(&o, optbuf) != 0) {
		printf("%s:%ld: malformed row: unknown option in '%s'\n", file, ln, f[3]);
		return -1;
	}
	const char *text = f[0], *sub = f[2];
	size_t s = 0, e = strlen(text);
	if (strcmp(sub, "*") != 0) {
		const char *at = *sub ? strstr(text, sub) : NULL;
		if (!at || strstr(at + 1, sub)) {
			printf("%s:%ld: malformed row: '%s' %s in the text\n", file, ln, sub,
			       at ? "occurs more than once" : "does not occur");
			return -1;
		}
		s = (size_t)(at - text);
		e = s + strlen(sub);
	}
	tl_document *doc = run(text, f[1], &o, err, sizeof(err));
	if (!doc) {
		printf("%s:%ld: %s\n", file, ln, err);
		return strncmp(err, "bad DCT", 7) == 0 ? -1 : 0;
	}
	int ok = 1;
	for (size_t i = 0; i < tl_document_timex_count(doc); i++) {
		const tl_timex *t = tl_document_timex(doc, i);
		if (t->byte_end > s && t->byte_start < e)
			ok = 0;
	}
	if (!ok) {
		describe(got, sizeof(got), doc, s, e);
		printf("%s:%ld: FAIL \"%s\": no timex expected over [%s], got %s\n", file, ln, text,
		       sub, got);
	}
	tl_document_free(doc);
	return ok;
}

/* Run every row of a table through check. */
static tally run_table(const char *name, int (*check)(char **, int, const char *, long))
{
	char path[4096];
	tally t = {0, 0, 0};
	data_path(path, sizeof(path), name);
	FILE *fp = fopen(path, "r");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	char *line = NULL;
	size_t cap = 0;
	long ln = 0;
	while (getline(&line, &cap, fp) != -1) {
		char *f[MAXF];
		ln++;
		if (line[0] == '#' || line[strspn(line, " \t\r\n")] == '\0')
			continue;
		int nf = split_tabs(line, f);
		int r = check(f, nf, name, ln);
		t.rows++;
		if (r > 0)
			t.pass++;
		else if (r < 0)
			t.bad_rows++;
	}
	free(line);
	fclose(fp);
	return t;
}

/* Decide the outcome of one table. */
static void judge(const char *name, const char *key, tally t)
{
	long floor = read_floor(key);
	const char *strict = getenv("TL_CASES_STRICT");
	printf("%s: %ld of %ld rows pass (floor %ld)\n", name, t.pass, t.rows, floor);
	fflush(stdout);
	ck_assert_msg(t.bad_rows == 0, "%s: %ld malformed rows", name, t.bad_rows);
	ck_assert_msg(t.rows > 0, "%s: no rows", name);
	ck_assert_msg(t.pass >= floor, "%s: %ld rows pass, below the floor of %ld", name, t.pass,
	              floor);
	if (strict && strcmp(strict, "1") == 0)
		ck_assert_msg(t.pass == t.rows, "%s: %ld of %ld rows fail", name, t.rows - t.pass,
		              t.rows);
}

START_TEST(test_positive)
{
	judge("cases.tsv", "cases", run_table("cases.tsv", check_case));
}
END_TEST

START_TEST(test_negative)
{
	judge("negative.tsv", "negative", run_table("negative.tsv", check_negative));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cases");
	TCase *tc = tcase_create("tables");
	tcase_add_test(tc, test_positive);
	tcase_add_test(tc, test_negative);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
