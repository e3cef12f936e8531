/*
 * timeml.c - read a TimeML (.tml) document: the plain <TEXT> and the DCT.
 *
 * The plain text is what the TempEval-3 scorer (te3score.py) compares
 * offsets against: the region from the first <TEXT ...> to the last </TEXT>,
 * every tag removed and entities decoded, read with text-mode line ends.
 * This reader follows that definition byte for byte, and refuses what it
 * could not read the same way (an unknown entity, a stray '<', a CDATA
 * section, tags that do not nest), naming the byte offset of the problem.
 *
 * One left-to-right pass over the TEXT region; tags end at the first '>'
 * (as in the scorer), so an attribute value holding '>' is an error.
 */
#include "internal.h"

#include <ctype.h>

struct tl_timeml {
	char *text; /* NUL-terminated plain text */
	size_t len;
	char *dct_value; /* NULL when there is no DCT */
	char *dct_text;  /* the DCT element's own text ("February 03 , 2009"), or NULL */
	char *docid;     /* NULL when there is no DOCID */
};

/* Context of one parse: the input and the name for messages. */
typedef struct rd {
	const char *s;
	size_t n;
	const char *name;
} rd;

/* Record a format error at byte offset off; returns TL_EFORMAT. */
static int fail(const rd *r, size_t off, const char *what)
{
	return tl_seterr(TL_EFORMAT, "%s: byte offset %zu: %s", r->name, off, what);
}

static int is_name_start(int c)
{
	return isalpha(c) || c == '_';
}

static int is_name_char(int c)
{
	return isalnum(c) || c == '_' || c == '.' || c == ':' || c == '-';
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Does s[i..] start with word w (ASCII, case-insensitive)? */
static int starts_ci(const rd *r, size_t i, const char *w)
{
	size_t k = strlen(w);
	if (i > r->n || r->n - i < k)
		return 0;
	for (size_t j = 0; j < k; j++)
		if (tolower((unsigned char)r->s[i + j]) != tolower((unsigned char)w[j]))
			return 0;
	return 1;
}

/* Find the first occurrence of lit (case-sensitive) at or after i; n if none. */
static size_t find(const rd *r, size_t i, const char *lit)
{
	size_t k = strlen(lit);
	for (; i < r->n && r->n - i >= k; i++)
		if (memcmp(r->s + i, lit, k) == 0)
			return i;
	return r->n;
}

/*
 * Is there an opening tag <NAME\b[^>]*> at i (case-insensitive name)?  On
 * success *end is one past its '>'.
 */
static int open_tag_at(const rd *r, size_t i, const char *name, size_t *end)
{
	size_t k = strlen(name);
	if (r->s[i] != '<' || !starts_ci(r, i + 1, name))
		return 0;
	size_t j = i + 1 + k;
	if (j < r->n && is_name_char((unsigned char)r->s[j]) && r->s[j] != '.' && r->s[j] != ':' &&
	    r->s[j] != '-')
		return 0; /* \b: the name goes on */
	size_t gt = find(r, j, ">");
	if (gt == r->n)
		return 0;
	*end = gt + 1;
	return 1;
}

/* Is there a closing tag </NAME\s*> at i?  On success *end is past '>'. */
static int close_tag_at(const rd *r, size_t i, const char *name, size_t *end)
{
	size_t k = strlen(name);
	if (r->n - i < 2 || r->s[i] != '<' || r->s[i + 1] != '/' || !starts_ci(r, i + 2, name))
		return 0;
	size_t j = i + 2 + k;
	while (j < r->n && is_space((unsigned char)r->s[j]))
		j++;
	if (j >= r->n || r->s[j] != '>')
		return 0;
	*end = j + 1;
	return 1;
}

/* Append code point cp as UTF-8. */
static void put_utf8(tl_buf *b, uint32_t cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	tl_buf_put(b, u, n);
}

/*
 * Decode the entity or character reference at r->s[i] == '&' into b; *next
 * is the offset after its ';'.  Returns 0 or TL_EFORMAT.
 */
static int decode_entity(const rd *r, size_t i, size_t lim, tl_buf *b, size_t *next)
{
	static const struct {
		const char *name;
		char ch;
	} named[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
	size_t semi = i + 1;
	while (semi < lim && semi - i <= 12 && r->s[semi] != ';')
		semi++;
	if (semi >= lim || r->s[semi] != ';')
		return fail(r, i, "'&' starts no entity (write &amp;)");
	const char *e = r->s + i + 1;
	size_t elen = semi - i - 1;
	*next = semi + 1;
	if (elen >= 2 && e[0] == '#') {
		int hex = e[1] == 'x' || e[1] == 'X';
		size_t d = hex ? 2 : 1;
		uint32_t cp = 0;
		if (d == elen)
			return fail(r, i, "empty character reference");
		for (; d < elen; d++) {
			int c = (unsigned char)e[d], v;
			if (c >= '0' && c <= '9')
				v = c - '0';
			else if (hex && isxdigit(c))
				v = tolower(c) - 'a' + 10;
			else
				return fail(r, i, "bad digit in a character reference");
			cp = cp * (hex ? 16u : 10u) + (uint32_t)v;
			if (cp > 0x10FFFF)
				return fail(r, i, "character reference beyond U+10FFFF");
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
			return fail(r, i, "character reference to a character XML does not allow");
		put_utf8(b, cp);
		return 0;
	}
	for (size_t k = 0; k < sizeof(named) / sizeof(named[0]); k++)
		if (strlen(named[k].name) == elen && memcmp(named[k].name, e, elen) == 0) {
			tl_buf_put(b, &named[k].ch, 1);
			return 0;
		}
	return fail(r, i, "unknown entity (only &amp; &lt; &gt; &quot; &apos; and &#N; are read)");
}

/*
 * Append s[i..j) to b with entities decoded and line ends read in text mode
 * (CR LF and a lone CR become LF).  Returns 0 or TL_EFORMAT.
 */
static int put_chars(const rd *r, size_t i, size_t j, tl_buf *b)
{
	size_t run = i;
	while (i < j) {
		char c = r->s[i];
		if (c == '&') {
			size_t next = j;
			tl_buf_put(b, r->s + run, i - run);
			int rc = decode_entity(r, i, j, b, &next);
			if (rc)
				return rc;
			i = run = next;
		} else if (c == '\r') {
			tl_buf_put(b, r->s + run, i - run);
			tl_buf_put(b, "\n", 1);
			i += (i + 1 < j && r->s[i + 1] == '\n') ? 2 : 1;
			run = i;
		} else {
			i++;
		}
	}
	tl_buf_put(b, r->s + run, j - run);
	return 0;
}

/*
 * Check the attributes of a tag, s[i..j) (after the name, before '>' or
 * "/>"): ( space+ name space* = space* quoted-value )* space*.
 */
static int check_attrs(const rd *r, size_t i, size_t j)
{
	while (i < j) {
		size_t k = i;
		while (k < j && is_space((unsigned char)r->s[k]))
			k++;
		if (k == j)
			return 0;
		if (k == i || !is_name_start((unsigned char)r->s[k]))
			return fail(r, k, "bad attribute in a tag");
		while (k < j && is_name_char((unsigned char)r->s[k]))
			k++;
		while (k < j && is_space((unsigned char)r->s[k]))
			k++;
		if (k == j || r->s[k] != '=')
			return fail(r, k, "attribute without '=' and a quoted value");
		k++;
		while (k < j && is_space((unsigned char)r->s[k]))
			k++;
		if (k == j || (r->s[k] != '"' && r->s[k] != '\''))
			return fail(r, k, "attribute value is not quoted");
		char q = r->s[k];
		size_t close = k + 1;
		while (close < j && r->s[close] != q)
			close++;
		if (close == j)
			return fail(r, k, "unterminated attribute value (or a '>' inside it)");
		i = close + 1;
		if (i < j && !is_space((unsigned char)r->s[i]))
			return fail(r, i, "attributes must be separated by spaces");
	}
	return 0;
}

/* An open element inside TEXT: where its name is, for nesting checks. */
typedef struct open_el {
	size_t at, name, len;
} open_el;

/* Parse the TEXT region s[i..j) into b, checking that tags nest. */
static int read_text(const rd *r, size_t i, size_t j, tl_buf *b)
{
	open_el *stack = NULL;
	size_t depth = 0, cap = 0;
	int rc = 0;
	size_t run = i;
	while (i < j && !rc) {
		if (r->s[i] != '<') {
			i++;
			continue;
		}
		rc = put_chars(r, run, i, b);
		if (rc)
			break;
		size_t at = i, end;
		/* Comments and processing instructions end at their first '>', as in
		 * the scorer; one that holds a '>' earlier is refused. */
		if (j - i >= 4 && memcmp(r->s + i, "<!--", 4) == 0) {
			end = find(r, i + 4, ">");
			if (end >= j || memcmp(r->s + end - 2, "--", 2) != 0 || end < i + 6) {
				rc = fail(r, at, "unterminated comment, or a '>' inside it");
				break;
			}
			i = run = end + 1;
			continue;
		}
		if (j - i >= 2 && memcmp(r->s + i, "<?", 2) == 0) {
			end = find(r, i + 2, ">");
			if (end >= j || r->s[end - 1] != '?' || end < i + 3) {
				rc =
				    fail(r, at,
				         "unterminated processing instruction, or a '>' inside it");
				break;
			}
			i = run = end + 1;
			continue;
		}
		if (j - i >= 2 && r->s[i + 1] == '!') {
			rc = fail(r, at,
			          "CDATA sections and declarations are not read inside <TEXT>");
			break;
		}
		size_t gt = i + 1;
		while (gt < j && r->s[gt] != '>' && r->s[gt] != '<')
			gt++;
		if (gt >= j || r->s[gt] != '>') {
			rc = fail(r, at, "'<' starts no tag (write &lt;)");
			break;
		}
		int closing = r->s[i + 1] == '/';
		size_t nm = i + 1 + (size_t)closing, ne = nm;
		if (ne < gt && is_name_start((unsigned char)r->s[ne]))
			while (ne < gt && is_name_char((unsigned char)r->s[ne]))
				ne++;
		if (ne == nm) {
			rc = fail(r, at, "'<' starts no tag (write &lt;)");
			break;
		}
		int empty = !closing && r->s[gt - 1] == '/';
		size_t attr_end = empty ? gt - 1 : gt;
		if (closing) {
			size_t k = ne;
			while (k < gt && is_space((unsigned char)r->s[k]))
				k++;
			if (k != gt) {
				rc = fail(r, at, "a closing tag has no attributes");
				break;
			}
			if (depth == 0) {
				rc = tl_seterr(TL_EFORMAT,
				               "%s: byte offset %zu: </%.*s> closes no open tag",
				               r->name, at, (int)(ne - nm), r->s + nm);
				break;
			}
			open_el *top = &stack[depth - 1];
			if (top->len != ne - nm ||
			    memcmp(r->s + top->name, r->s + nm, top->len) != 0) {
				rc = tl_seterr(
				    TL_EFORMAT,
				    "%s: byte offset %zu: </%.*s> closes <%.*s> opened at byte "
				    "offset %zu",
				    r->name, at, (int)(ne - nm), r->s + nm, (int)top->len,
				    r->s + top->name, top->at);
				break;
			}
			depth--;
		} else {
			rc = check_attrs(r, ne, attr_end);
			if (rc)
				break;
			if (!empty) {
				open_el el = {at, nm, ne - nm};
				if (TL_VEC_PUSH(stack, depth, cap, el)) {
					rc = tl_seterr(TL_ENOMEM, "out of memory");
					break;
				}
			}
		}
		i = run = gt + 1;
	}
	if (!rc)
		rc = put_chars(r, run, j, b);
	if (!rc && depth > 0)
		rc = tl_seterr(TL_EFORMAT,
		               "%s: byte offset %zu: <%.*s> is never closed inside <TEXT>", r->name,
		               stack[depth - 1].at, (int)stack[depth - 1].len,
		               r->s + stack[depth - 1].name);
	free(stack);
	return rc;
}

/* Decode s[i..j) (entities, line ends) into a new string in *out. */
static int decode_range(const rd *r, size_t i, size_t j, char **out)
{
	tl_buf b = {0};
	int rc = put_chars(r, i, j, &b);
	if (rc) {
		tl_buf_free(&b);
		return rc;
	}
	*out = tl_buf_detach(&b, NULL);
	return *out ? 0 : tl_seterr(TL_ENOMEM, "out of memory");
}

/*
 * Find attribute `name` in the tag s[i..j) (lenient, as the scorer reads
 * it: name = "value" or name = 'value'); decode it into *out.  Returns 1
 * found, 0 not found, or a negative code.
 */
static int tag_attr(const rd *r, size_t i, size_t j, const char *name, char **out)
{
	size_t k = strlen(name);
	for (size_t p = i; p + k < j; p++) {
		if ((p > i && is_name_char((unsigned char)r->s[p - 1])) ||
		    memcmp(r->s + p, name, k) != 0)
			continue;
		size_t q = p + k;
		while (q < j && is_space((unsigned char)r->s[q]))
			q++;
		if (q >= j || r->s[q] != '=')
			continue;
		q++;
		while (q < j && is_space((unsigned char)r->s[q]))
			q++;
		if (q >= j || (r->s[q] != '"' && r->s[q] != '\''))
			continue;
		size_t close = q + 1;
		while (close < j && r->s[close] != r->s[q])
			close++;
		if (close >= j)
			return fail(r, q, "unterminated attribute value");
		int rc = decode_range(r, q + 1, close, out);
		return rc ? rc : 1;
	}
	return 0;
}

/* The text of the element whose open tag ends at end (up to the next '<'),
 * decoded, in *text; *text stays NULL when it is empty or on error. */
static void element_text(const rd *r, size_t end, char **text)
{
	size_t z = end;
	while (z < r->n && r->s[z] != '<')
		z++;
	if (z > end && decode_range(r, end, z, text) < 0)
		*text = NULL;
}

/* Find the DCT value, as the scorer does; *out stays NULL when none.  The
 * text of the DCT's <TIMEX3> goes to *text (NULL when none). */
static int find_dct(const rd *r, char **out, char **text)
{
	size_t end, tend;
	*out = NULL;
	*text = NULL;
	for (size_t i = 0; i < r->n; i++) {
		if (!open_tag_at(r, i, "DCT", &end))
			continue;
		size_t close = end;
		while (close < r->n && !close_tag_at(r, close, "DCT", &tend))
			close++;
		for (size_t t = end; t < close; t++)
			if (r->s[t] == '<' && open_tag_at(r, t, "TIMEX3", &tend)) {
				int rc = tag_attr(r, t, tend - 1, "value", out);
				if (rc >= 0)
					element_text(r, tend, text);
				return rc < 0 ? rc : 0;
			}
		break;
	}
	for (size_t t = 0; t < r->n; t++) {
		char *fn = NULL;
		if (r->s[t] != '<' || !open_tag_at(r, t, "TIMEX3", &tend))
			continue;
		int rc = tag_attr(r, t, tend - 1, "functionInDocument", &fn);
		if (rc < 0)
			return rc;
		rd v = {rc == 1 ? fn : "", rc == 1 ? strlen(fn) : 0, r->name};
		int creation = v.n == 13 && starts_ci(&v, 0, "CREATION_TIME");
		free(fn);
		if (creation) {
			rc = tag_attr(r, t, tend - 1, "value", out);
			if (rc >= 0)
				element_text(r, tend, text);
			return rc < 0 ? rc : 0;
		}
	}
	return 0;
}

/* Find <DOCID>...</DOCID>, trimmed and decoded; *out stays NULL when none. */
static int find_docid(const rd *r, char **out)
{
	size_t end, tend;
	*out = NULL;
	for (size_t i = 0; i < r->n; i++) {
		if (r->s[i] != '<' || !open_tag_at(r, i, "DOCID", &end))
			continue;
		for (size_t c = end; c < r->n; c++)
			if (r->s[c] == '<' && close_tag_at(r, c, "DOCID", &tend)) {
				size_t a = end, z = c;
				while (a < z && is_space((unsigned char)r->s[a]))
					a++;
				while (z > a && is_space((unsigned char)r->s[z - 1]))
					z--;
				return decode_range(r, a, z, out);
			}
		return 0;
	}
	return 0;
}

/* Read a TimeML document. */
int tl_timeml_parse(tl_timeml **out, const char *buf, size_t len, const char *name)
{
	size_t bad, text_start = 0, text_end = 0, end;
	if (!out)
		return tl_seterr(TL_EINVAL, "tl_timeml_parse: NULL out");
	*out = NULL;
	if (!buf && len)
		return tl_seterr(TL_EINVAL, "tl_timeml_parse: NULL buffer");
	rd r = {buf ? buf : "", len, name ? name : "TimeML"};
	const char *bom = len ? tl_utf8_foreign_bom(buf, len) : NULL;
	if (bom)
		return tl_seterr(TL_EUTF8,
		                 "%s: byte offset 0: the text is %s, not UTF-8: convert it first",
		                 r.name, bom);
	if (len && !tl_utf8_valid(buf, len, &bad))
		return tl_seterr(TL_EUTF8, "%s: byte offset %zu: invalid UTF-8", r.name, bad);
	const char *nul = len ? memchr(buf, '\0', len) : NULL;
	if (nul)
		return fail(&r, (size_t)(nul - buf), "NUL byte (XML does not allow it)");

	size_t open_at = r.n;
	for (size_t i = 0; i < r.n; i++)
		if (r.s[i] == '<' && open_tag_at(&r, i, "TEXT", &end)) {
			open_at = i;
			text_start = end;
			break;
		}
	if (open_at == r.n)
		return fail(&r, 0, "no <TEXT> element");
	int found = 0;
	for (size_t i = text_start; i < r.n; i++)
		if (r.s[i] == '<' && close_tag_at(&r, i, "TEXT", &end)) {
			text_end = i;
			found = 1;
		}
	if (!found)
		return fail(&r, open_at, "<TEXT> is never closed (no </TEXT>)");

	tl_timeml *t = calloc(1, sizeof(*t));
	if (!t)
		return tl_seterr(TL_ENOMEM, "out of memory");
	tl_buf b = {0};
	int rc = read_text(&r, text_start, text_end, &b);
	if (!rc) {
		t->text = tl_buf_detach(&b, &t->len);
		if (!t->text)
			rc = tl_seterr(TL_ENOMEM, "out of memory");
	}
	tl_buf_free(&b);
	if (!rc)
		rc = find_dct(&r, &t->dct_value, &t->dct_text);
	if (!rc)
		rc = find_docid(&r, &t->docid);
	if (rc) {
		tl_timeml_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* Free a TimeML handle; NULL is a no-op. */
void tl_timeml_free(tl_timeml *tml)
{
	if (!tml)
		return;
	free(tml->text);
	free(tml->dct_value);
	free(tml->dct_text);
	free(tml->docid);
	free(tml);
}

const char *tl_timeml_text(const tl_timeml *tml, size_t *len)
{
	if (len)
		*len = tml ? tml->len : 0;
	return tml ? tml->text : "";
}

/* The month (1..12) the first month name in s stands for ("February",
 * "Feb", "Sept"), or 0.  English month names and their abbreviations. */
static int text_month(const char *s)
{
	static const char *const names[] = {"january",   "february", "march",    "april",
	                                    "may",       "june",     "july",     "august",
	                                    "september", "october",  "november", "december"};
	for (const char *p = s; p && *p; p++) {
		if (!isalpha((unsigned char)*p) || (p > s && isalpha((unsigned char)p[-1])))
			continue;
		char w[10];
		size_t k = 0;
		for (; isalpha((unsigned char)p[k]); k++)
			if (k < sizeof(w))
				w[k] = (char)tolower((unsigned char)p[k]);
		for (int m = 0; k >= 3 && k < sizeof(w) && m < 12; m++)
			if (strncmp(names[m], w, k) == 0 &&
			    (names[m][k] == '\0' || k == 3 || (m == 8 && k == 4)))
				return m + 1;
		p += k - 1;
	}
	return 0;
}

/* A DCT value written "NN-NN-YYYY" (day and month in either order, as some
 * corpora do) in *d: the order is the one the DCT's text confirms by a
 * month name, else the only one a day above 12 allows.  Returns 0, or -1
 * when the value is not of that form or stays ambiguous. */
static int dct_dmy(tl_date *d, const char *v, const char *text)
{
	for (int i = 0; i < 10; i++)
		if ((i == 2 || i == 5) ? v[i] != '-' : !isdigit((unsigned char)v[i]))
			return -1;
	int a = (v[0] - '0') * 10 + (v[1] - '0'), b = (v[3] - '0') * 10 + (v[4] - '0');
	int y = atoi(v + 6), month = text_month(text), day;
	if (month && (month == a || month == b) && a != b)
		day = month == a ? b : a;
	else if (a > 12 && b <= 12)
		month = b, day = a;
	else if (b > 12 && a <= 12)
		month = a, day = b;
	else
		return -1;
	if (month < 1 || day < 1 || day > tl_date_days_in_month(y, month))
		return -1;
	d->year = y;
	d->month = month;
	d->day = day;
	return 0;
}

/* The DCT's date: the first ten characters of its value, when a full date
 * (ISO 8601, or day and month in an order the DCT's text confirms). */
int tl_timeml_dct(tl_date *out, const tl_timeml *tml)
{
	tl_date zero = {0, 0, 0}, d;
	char head[11];
	if (out)
		*out = zero;
	if (!tml || !tml->dct_value || strlen(tml->dct_value) < 10)
		return TL_ENOTFOUND;
	memcpy(head, tml->dct_value, 10);
	head[10] = '\0';
	if ((tl_date_parse(&d, head) != 0 || d.day == 0) && dct_dmy(&d, head, tml->dct_text) != 0)
		return TL_ENOTFOUND;
	if (out)
		*out = d;
	return 0;
}

const char *tl_timeml_dct_value(const tl_timeml *tml)
{
	return tml ? tml->dct_value : NULL;
}

const char *tl_timeml_docid(const tl_timeml *tml)
{
	return tml ? tml->docid : NULL;
}
