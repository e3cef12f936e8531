/*
 * input.c - readers: files in, documents out, one at a time.
 *
 * text   A file is one document, unless it is long: then it is cut into
 *        segments near --segment-size bytes (S).  The reader holds at most
 *        2S bytes; a file that ends within them is one document.  Otherwise
 *        the cut goes after the first paragraph break (a blank line) at or
 *        past S, else after the last one before S, else after the first line
 *        end past S (a forced cut), else at a space or a character boundary.
 *        A segment's id is "FILE@OFFSET", OFFSET the byte where it starts.
 * jsonl  One JSON object a line: {"id": ..., "dct": "YYYY-MM-DD", "text": ...},
 *        "id" and "dct" optional.  Blank lines are passed over.  A bad line
 *        (invalid UTF-8 or JSON, no "text", a bad "dct") is reported with
 *        file, line, column and byte offset; --on-error decides whether it
 *        ends the run or is counted and skipped.  With --format jsonl the
 *        reader only cuts the input into blocks of whole lines
 *        (cli_reader_block), read straight into the job's buffer; the
 *        workers parse the lines (cli_jsonl_parse).
 * timeml A TimeML file (see timeline/timeml.h), read whole: one document,
 *        its plain text and its DCT.
 *
 * Every document is checked for valid UTF-8 before the library sees it (here,
 * or by cli_jsonl_parse() on a worker), so that a bad byte is reported with
 * its line number.
 */
#include "cli.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK 65536

struct cli_reader {
	FILE *f;
	const char *name; /* as given; "stdin" for "-" */
	int is_stdin;
	const cli_options *o;
	cli_stats *st;
	int eof;
	int done;
	/* a regular file: its size and the bytes it had to read at the start,
	 * and the bytes read so far, so that a file cut short while it is read
	 * is not taken as whole */
	int sized;
	uint64_t size, expect, got;

	/* text: buf[0..len) starts at byte `offset` of the file, on line `line` */
	char *buf;
	size_t len, cap;
	uint64_t offset, line;
	unsigned long nseg;

	/* jsonl */
	json_tokener *tok;
	size_t rpos; /* next unread byte of buf (the read buffer) */
};

int cli_stdin_closed;

void cli_doc_free(cli_doc *d)
{
	if (!d)
		return;
	free(d->id);
	free(d->text);
	memset(d, 0, sizeof(*d));
}

/* malloc'd copy of s[0..n) plus a NUL; NULL on out of memory. */
static char *dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Open a reader. */
int cli_reader_open(cli_reader **out, const char *path, const cli_options *o, cli_stats *st)
{
	cli_reader *r = calloc(1, sizeof(*r));
	*out = NULL;
	if (!r) {
		cli_error("%s: %s", path, strerror(ENOMEM));
		return CLI_EXIT_INPUT;
	}
	r->o = o;
	r->st = st;
	r->is_stdin = strcmp(path, "-") == 0;
	r->name = r->is_stdin ? "stdin" : path;
	r->line = 1;
	r->f = r->is_stdin ? stdin : fopen(path, "rb");
	if (r->is_stdin && cli_stdin_closed) {
		cli_error("stdin: %s (standard input is closed)", strerror(EBADF));
		free(r);
		return CLI_EXIT_INPUT;
	}
	if (!r->f) {
		cli_error("%s: %s", path, strerror(errno));
		free(r);
		return CLI_EXIT_INPUT;
	}
	struct stat sb;
	off_t at = lseek(fileno(r->f), 0, SEEK_CUR); /* stdin may not start at 0 */
	if (fstat(fileno(r->f), &sb) == 0 && S_ISREG(sb.st_mode) && at >= 0 && at <= sb.st_size) {
		r->sized = 1;
		r->size = (uint64_t)sb.st_size;
		r->expect = (uint64_t)(sb.st_size - at);
	}
	if (o->input_format == CLI_IN_JSONL && !(r->tok = json_tokener_new())) {
		cli_error("%s: %s", path, strerror(ENOMEM));
		cli_reader_close(r);
		return CLI_EXIT_INPUT;
	}
	*out = r;
	return 0;
}

/* Close a reader. */
void cli_reader_close(cli_reader *r)
{
	if (!r)
		return;
	if (r->f && !r->is_stdin)
		fclose(r->f);
	if (r->tok)
		json_tokener_free(r->tok);
	free(r->buf);
	free(r);
}

/* Make room for `need` bytes in r->buf; 0 or -1 (reported). */
static int reserve(cli_reader *r, size_t need)
{
	if (need <= r->cap)
		return 0;
	size_t cap = r->cap ? r->cap : READ_CHUNK;
	while (cap < need)
		cap *= 2;
	char *nb = realloc(r->buf, cap + 1);
	if (!nb) {
		cli_error("%s: %s", r->name, strerror(ENOMEM));
		return -1;
	}
	r->buf = nb;
	r->cap = cap;
	return 0;
}

/* Has r's file become shorter than it was when it was opened?  (A short
 * read alone is no proof: a file of /sys says 4096 bytes and holds fewer.) */
static int shrank(const cli_reader *r)
{
	struct stat sb;
	return fstat(fileno(r->f), &sb) == 0 && (uint64_t)sb.st_size < r->size;
}

/* Read from r's file into buf[*len..want) until it is full or the input
 * ends (sets r->eof); buf has room for `want` bytes.  0 or -1 (reported). */
static int read_upto(cli_reader *r, char *buf, size_t *len, size_t want)
{
	while (!r->eof && *len < want) {
		size_t n = fread(buf + *len, 1, want - *len, r->f);
		*len += n;
		r->got += n;
		r->st->bytes_in += n;
		if (n == 0) {
			if (ferror(r->f)) {
				cli_error("%s: %s", r->name, strerror(errno ? errno : EIO));
				return -1;
			}
			r->eof = 1;
			if (r->sized && r->got < r->expect && shrank(r)) {
				cli_error(
				    "%s: the file shrank while it was read (%llu of %llu bytes)",
				    r->name, (unsigned long long)r->got,
				    (unsigned long long)r->expect);
				return -1;
			}
		}
	}
	return 0;
}

/* How many bytes a buffer holding len of cap bytes should hold after its
 * next read, towards `want`: twice as many (at least READ_CHUNK, at least
 * what it can already hold), at most want. */
static size_t grow_step(size_t len, size_t cap, size_t want)
{
	size_t step = len < READ_CHUNK ? READ_CHUNK : len * 2;
	if (step < cap)
		step = cap;
	return step < want ? step : want;
}

/* Read more bytes into r->buf up to `want` in all; 0 or -1 (reported).  The
 * buffer grows with what is read (doubling), not to `want` at once: a large
 * --segment-size costs no memory on a small file. */
static int fill(cli_reader *r, size_t want)
{
	while (!r->eof && r->len < want) {
		size_t step = grow_step(r->len, r->cap, want);
		if (reserve(r, step) != 0 || read_upto(r, r->buf, &r->len, step) != 0)
			return -1;
	}
	return 0;
}

/* Number of '\n' in s[0..n). */
static uint64_t count_lines(const char *s, size_t n)
{
	uint64_t c = 0;
	const char *end = s + n;
	while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		c++;
		s++;
	}
	return c;
}

/* If a blank line follows the '\n' at p, the offset just past it, else 0. */
static size_t blank_after(const char *s, size_t len, size_t p)
{
	size_t q = p + 1;
	while (q < len && (s[q] == ' ' || s[q] == '\t' || s[q] == '\r'))
		q++;
	return q < len && s[q] == '\n' ? q + 1 : 0;
}

/* Where to cut s[0..len) (len > target): see the file comment. */
static size_t find_cut(const char *s, size_t len, size_t target)
{
	size_t last_before = 0, first_nl = 0, p = 0, e;
	const char *q;
	while ((q = memchr(s + p, '\n', len - p)) != NULL) {
		p = (size_t)(q - s);
		if ((e = blank_after(s, len, p)) != 0) {
			if (p + 1 >= target)
				return e;
			last_before = e;
		}
		if (!first_nl && p + 1 >= target)
			first_nl = p + 1;
		p++;
	}
	if (last_before)
		return last_before;
	if (first_nl)
		return first_nl;
	for (p = len; p > target; p--)
		if (s[p - 1] == ' ')
			return p;
	/* no space either: cut before the last, maybe incomplete, character */
	p = len - 1;
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return p ? p : len;
}

/* "NAME:LINE:COL: why at byte offset N" into buf, for byte `bad` of a text
 * that starts at byte `base`, line `line`. */
static void format_at(char *buf, size_t size, const cli_reader *r, const char *s, size_t bad,
                      uint64_t base, uint64_t line, const char *why)
{
	const char *nl = NULL;
	for (size_t i = 0; i < bad; i++)
		if (s[i] == '\n') {
			line++;
			nl = s + i;
		}
	size_t col = nl ? (size_t)(s + bad - nl) : (size_t)bad + 1;
	snprintf(buf, size, "%s:%llu:%zu: %s at byte offset %llu", r->name,
	         (unsigned long long)line, col, why, (unsigned long long)(base + bad));
}

/* Report a problem at byte `bad` of a text that starts at byte `base`, line `line`. */
static void report_at(const cli_reader *r, const char *s, size_t bad, uint64_t base, uint64_t line,
                      const char *why)
{
	char buf[1024];
	format_at(buf, sizeof(buf), r, s, bad, base, line, why);
	cli_error("%s", buf);
}

/* The next segment of a text file. */
static int next_text(cli_reader *r, cli_doc *doc)
{
	size_t target = r->o->segment_size;
	/* one byte more than 2S: a file of exactly 2S bytes is seen to end */
	if (r->done || fill(r, target * 2 + 1) != 0)
		return r->done ? 0 : -1;
	if (r->len == 0 && r->eof && r->nseg > 0)
		return 0;
	size_t cut = r->eof ? r->len : find_cut(r->buf, r->len, target);
	/* Invalid bytes after a cut that read as a UTF-16 or UTF-32 byte order
	 * mark would have the library refuse the next segment as such: keep the
	 * first of them in this one (each is replaced on its own either way, so
	 * --replace-invalid gives what an uncut file gives). */
	while (cut + 1 < r->len && cli_foreign_bom(r->buf + cut, r->len - cut))
		cut++;
	size_t bad, repair = cut;
	const char *why =
	    cli_text_problem(r->buf, cut, r->offset == 0, &bad, r->o->replace_invalid, &repair);
	if (why) {
		report_at(r, r->buf, bad, r->offset, r->line, why);
		return -1;
	}
	if (repair < cut && !r->st->first_repair) { /* where the first replacement is */
		char buf[1024];
		format_at(buf, sizeof(buf), r, r->buf, repair, r->offset, r->line,
		          r->buf[repair] ? "invalid UTF-8" : "NUL byte");
		r->st->first_repair = dupn(buf, strlen(buf));
	}
	char idbuf[48];
	const char *id = r->name;
	int whole = r->nseg == 0 && r->eof;
	size_t rest = r->len - cut;
	/* the segment keeps the read buffer (cut to size); what follows it, if
	 * anything, moves to a new one: one copy of the rest, none of the text */
	char *next = rest ? malloc(r->cap + 1) : NULL;
	char *idc = NULL;
	if (!rest || next) {
		if (!whole) {
			size_t n = strlen(r->name) + sizeof(idbuf);
			if ((idc = malloc(n)) != NULL)
				snprintf(idc, n, "%s@%llu", r->name, (unsigned long long)r->offset);
		} else
			idc = dupn(id, strlen(id));
	}
	if ((rest && !next) || !idc) {
		free(next);
		free(idc);
		cli_error("%s: %s", r->name, strerror(ENOMEM));
		return -1;
	}
	r->line += count_lines(r->buf, cut);
	r->offset += cut;
	if (rest)
		memcpy(next, r->buf + cut, rest);
	char *text = r->buf;
	text[cut] = '\0';
	char *fit = realloc(text, cut + 1);
	if (fit)
		text = fit;
	r->buf = next;
	r->cap = next ? r->cap : 0;
	memset(doc, 0, sizeof(*doc));
	doc->id = idc;
	doc->text = text;
	doc->len = cut;
	r->len = rest;
	r->nseg++;
	if (r->eof && r->len == 0)
		r->done = 1;
	r->st->docs_in++;
	return 1;
}

/* Set *err to "NAME:LINE[:COL]: what[: detail][ (byte offset N)]"; returns -1. */
static int bad_msg(char **err, const char *name, uint64_t line, size_t col, uint64_t off,
                   const char *what, const char *detail)
{
	char buf[512];
	if (col)
		snprintf(buf, sizeof(buf), "%s:%llu:%zu: %s%s%s (byte offset %llu)", name,
		         (unsigned long long)line, col, what, detail ? ": " : "",
		         detail ? detail : "", (unsigned long long)off);
	else
		snprintf(buf, sizeof(buf), "%s:%llu: %s%s%s", name, (unsigned long long)line, what,
		         detail ? ": " : "", detail ? detail : "");
	*err = dupn(buf, strlen(buf));
	return -1;
}

/* Why a JSONL "id" cannot be the document's id as written, or NULL.  It is a
 * string or an integer; a NUL byte would cut the string short, and json-c
 * keeps an integer past 64 bits as the nearest bound (RFC 8259 6: beyond 2^53
 * an integer is not exact in most readers anyway). */
static const char *id_problem(json_object *id)
{
	const int64_t exact = (int64_t)1 << 53;
	if (!json_object_is_type(id, json_type_string) && !json_object_is_type(id, json_type_int))
		return "\"id\" is neither a string nor an integer";
	if (json_object_is_type(id, json_type_string))
		return memchr(json_object_get_string(id), 0, (size_t)json_object_get_string_len(id))
		           ? "\"id\" holds a NUL byte (\\u0000)"
		           : NULL;
	int64_t v = json_object_get_int64(id);
	return v > exact || v < -exact ? "\"id\" is an integer beyond 2^53 (write it as a string)"
	                               : NULL;
}

/* Parse one JSONL line; see cli.h. */
int cli_jsonl_parse(cli_doc *doc, struct json_tokener *tok, const char *name, uint64_t line,
                    uint64_t off, const char *s, size_t n, char **err)
{
	size_t i = 0, bad;
	*err = NULL;
	memset(doc, 0, sizeof(*doc));
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i == n)
		return 0;
	if (tl_utf8_validate(&bad, s, n) != 0)
		return bad_msg(err, name, line, bad + 1, off + bad, "invalid UTF-8", NULL);
	json_tokener_reset(tok);
	json_object *obj = json_tokener_parse_ex(tok, s, (int)n);
	enum json_tokener_error jerr = json_tokener_get_error(tok);
	size_t end = json_tokener_get_parse_end(tok);
	if (!obj) {
		const char *why = jerr == json_tokener_continue ? "the line ends inside the value"
		                                                : json_tokener_error_desc(jerr);
		size_t at = end < n ? end : n;
		return bad_msg(err, name, line, at + 1, off + at, "invalid JSON", why);
	}
	while (end < n && (s[end] == ' ' || s[end] == '\t' || s[end] == '\r'))
		end++;
	const char *what = NULL;
	json_object *text = NULL, *id = NULL, *dct = NULL;
	if (end < n) {
		json_object_put(obj);
		return bad_msg(err, name, line, end + 1, off + end, "invalid JSON",
		               "more after the object");
	}
	if (!json_object_is_type(obj, json_type_object))
		what = "not a JSON object";
	else if (!json_object_object_get_ex(obj, "text", &text) ||
	         !json_object_is_type(text, json_type_string))
		what = "no \"text\" string";
	else if (json_object_object_get_ex(obj, "id", &id) && id)
		what = id_problem(id);
	if (!what && json_object_object_get_ex(obj, "dct", &dct) && dct) {
		const char *ds = json_object_get_string(dct);
		if (!json_object_is_type(dct, json_type_string) ||
		    tl_date_parse(&doc->dct, ds) != 0 || doc->dct.day == 0 || doc->dct.year < 1 ||
		    doc->dct.year > 9999)
			what = "\"dct\" is not a date (YYYY-MM-DD, years 1 to 9999)";
		else
			doc->has_dct = 1;
	}
	if (what) {
		json_object_put(obj);
		return bad_msg(err, name, line, 0, off, what, NULL);
	}
	size_t tlen = (size_t)json_object_get_string_len(text);
	const char *ts = json_object_get_string(text);
	size_t repair;
	const char *why = cli_text_problem(ts, tlen, 1, &bad, 0, &repair);
	if (why) {
		json_object_put(obj);
		char detail[160];
		snprintf(detail, sizeof(detail), "%s at byte %zu of the decoded text", why, bad);
		return bad_msg(err, name, line, 0, off, "bad \"text\"", detail);
	}
	doc->text = dupn(ts, tlen);
	doc->len = tlen;
	if (id) {
		const char *is = json_object_get_string(id);
		doc->id = dupn(is, strlen(is));
	} else {
		size_t k = strlen(name) + 32;
		if ((doc->id = malloc(k)) != NULL)
			snprintf(doc->id, k, "%s:%llu", name, (unsigned long long)line);
	}
	json_object_put(obj);
	if (!doc->text || !doc->id) {
		cli_doc_free(doc);
		return -2;
	}
	return 1;
}

/* Report a bad line (err, from cli_jsonl_parse); 0 to go on (skip) or -1 (fail). */
static int bad_line(cli_reader *r, char *err)
{
	cli_error("%s", err ? err : "out of memory");
	free(err);
	if (!r->o->skip_bad)
		return -1;
	r->st->bad++;
	return 0;
}

/*
 * Turn one JSONL line (s[0..n), no newline) into *doc.  Returns 1 for a
 * document, 0 for a line to pass over (blank, or bad and skipped), -1 to stop.
 */
static int parse_line(cli_reader *r, const char *s, size_t n, uint64_t line, uint64_t off,
                      cli_doc *doc)
{
	char *err = NULL;
	if (n > CLI_MAX_LINE) { /* read whole, but over the limit all the same */
		bad_msg(&err, r->name, line, 0, 0, "line longer than 64 MiB", NULL);
		return bad_line(r, err);
	}
	int rc = cli_jsonl_parse(doc, r->tok, r->name, line, off, s, n, &err);
	if (rc == -2) {
		cli_error("%s: %s", r->name, strerror(ENOMEM));
		return -1;
	}
	if (rc < 0)
		return bad_line(r, err);
	if (rc > 0)
		r->st->docs_in++;
	return rc;
}

/* The next document of a JSONL file. */
static int next_jsonl(cli_reader *r, cli_doc *doc)
{
	for (;;) {
		/* find the end of the line that starts at rpos */
		size_t scan = r->rpos;
		char *nl = NULL;
		for (;;) {
			/* (no arithmetic on the NULL buffer before the first read) */
			nl = r->len > scan ? memchr(r->buf + scan, '\n', r->len - scan) : NULL;
			if (nl || r->eof)
				break;
			scan = r->len;
			if (r->len - r->rpos > CLI_MAX_LINE) {
				uint64_t line = r->line;
				/* discard the rest of the line */
				do {
					r->offset += r->len - r->rpos;
					r->rpos = r->len = 0;
					if (fill(r, READ_CHUNK) != 0)
						return -1;
					nl = memchr(r->buf, '\n', r->len);
				} while (!nl && !r->eof);
				size_t skip = nl ? (size_t)(nl - r->buf) + 1 : r->len;
				r->offset += skip;
				r->rpos = skip;
				r->line++;
				char *err = NULL;
				bad_msg(&err, r->name, line, 0, 0, "line longer than 64 MiB", NULL);
				if (bad_line(r, err) != 0)
					return -1;
				scan = r->rpos;
				continue;
			}
			/* keep the partial line, read more */
			if (r->rpos > 0) {
				memmove(r->buf, r->buf + r->rpos, r->len - r->rpos);
				r->len -= r->rpos;
				scan -= r->rpos;
				r->rpos = 0;
			}
			if (fill(r, r->len + READ_CHUNK) != 0)
				return -1;
		}
		size_t start = r->rpos;
		size_t end = nl ? (size_t)(nl - r->buf) : r->len;
		if (!nl && start == end)
			return 0;
		uint64_t line = r->line, off = r->offset;
		r->rpos = nl ? end + 1 : end;
		r->offset += r->rpos - start;
		r->line++;
		int rc = parse_line(r, r->buf + start, end - start, line, off, doc);
		if (rc != 0)
			return rc;
	}
}

/* The offset just past the last '\n' of s[from..to), or 0 if there is none. */
static size_t after_last_newline(const char *s, size_t from, size_t to)
{
	while (to > from)
		if (s[--to] == '\n')
			return to + 1;
	return 0;
}

/* Make room for `need` bytes (and a NUL) in a block's buffer; 0 or -1 (reported). */
static int block_reserve(cli_reader *r, cli_block *b, size_t need)
{
	if (need < b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : READ_CHUNK;
	while (cap <= need)
		cap *= 2;
	if (need > CLI_MAX_LINE / 2) /* a huge line: no room to spare */
		cap = need + 1;
	char *nb = realloc(b->buf, cap);
	if (!nb) {
		cli_error("%s: %s", r->name, strerror(ENOMEM));
		return -1;
	}
	b->buf = nb;
	b->cap = cap;
	return 0;
}

/* Read into b->buf[b->len..) until it holds `want` bytes or the input ends
 * (the buffer grows with what is read, as in fill()); 0 or -1. */
static int block_fill(cli_reader *r, cli_block *b, size_t want)
{
	if (block_reserve(r, b, b->len) != 0)
		return -1;
	while (!r->eof && b->len < want) {
		size_t step = grow_step(b->len, b->cap - 1, want);
		if (block_reserve(r, b, step) != 0 || read_upto(r, b->buf, &b->len, step) != 0)
			return -1;
	}
	return 0;
}

/*
 * A line that outgrew CLI_MAX_LINE before its newline: read on to the
 * newline, dropping the bytes, and make the block the message that says so.
 * b->buf[0..b->len) is the start of the line.  0 or -1.
 */
static int block_too_long(cli_reader *r, cli_block *b)
{
	uint64_t skipped = 0;
	const char *nl = NULL;
	for (;;) {
		if ((nl = memchr(b->buf, '\n', b->len)) != NULL || r->eof)
			break;
		skipped += b->len;
		b->len = 0;
		if (block_fill(r, b, READ_CHUNK) != 0)
			return -1;
	}
	size_t used = nl ? (size_t)(nl - b->buf) + 1 : b->len;
	/* keep what follows the newline for the next block */
	if (reserve(r, b->len - used) != 0)
		return -1;
	if (b->len > used)
		memcpy(r->buf, b->buf + used, b->len - used);
	r->len = b->len - used;
	r->rpos = 0;
	b->len = 0;
	bad_msg(&b->err, r->name, r->line, 0, 0, "line longer than 64 MiB", NULL);
	if (!b->err) {
		cli_error("%s: %s", r->name, strerror(ENOMEM));
		return -1;
	}
	r->line++;
	r->offset += skipped + used;
	return 0;
}

/*
 * The next block of whole JSONL lines; see cli.h.  The block ends with the
 * line that reaches `target` bytes.  To finish that line the reader reads on
 * in small steps (4 KiB, doubling), so that little is read past it: what is
 * read past it is copied back to the reader for the next block.
 */
int cli_reader_block(cli_reader *r, cli_block *b, size_t target)
{
	size_t carry = r->len - r->rpos, from, start, cut, step = 4096;
	b->len = 0;
	b->err = NULL;
	b->file = r->name;
	b->line = r->line;
	b->offset = r->offset;
	if (block_reserve(r, b, carry) != 0)
		return -1;
	/* the partial line left by the last block comes first */
	if (carry)
		memcpy(b->buf, r->buf + r->rpos, carry);
	b->len = carry;
	r->rpos = r->len = 0;
	if (block_fill(r, b, target) != 0)
		return -1;
	/* the line that reaches `target` starts at `start` */
	from = b->len < target ? b->len : target - 1;
	start = after_last_newline(b->buf, 0, from);
	for (;;) {
		const char *nl = b->len > from ? memchr(b->buf + from, '\n', b->len - from) : NULL;
		if (nl) {
			cut = (size_t)(nl - b->buf) + 1;
			break;
		}
		if (r->eof) {
			cut = b->len;
			break;
		}
		if (b->len - start > CLI_MAX_LINE) {
			if (start == 0) /* the block would be that line alone */
				return block_too_long(r, b) == 0 ? 1 : -1;
			cut = start; /* the lines before it; it starts the next block */
			break;
		}
		/* a line of CLI_MAX_LINE bytes has its newline within these */
		size_t want = b->len + step, most = start + CLI_MAX_LINE + 1;
		from = b->len;
		if (step < READ_CHUNK)
			step *= 2;
		else if (step < b->len - start)
			step = b->len - start;
		if (block_fill(r, b, want < most ? want : most) != 0)
			return -1;
	}
	if (cut == 0)
		return 0; /* the input has ended */
	/* keep the bytes after the cut for the next block */
	if (reserve(r, b->len - cut) != 0)
		return -1;
	if (b->len > cut)
		memcpy(r->buf, b->buf + cut, b->len - cut);
	r->len = b->len - cut;
	b->len = cut;
	b->buf[cut] = '\0';
	r->line += count_lines(b->buf, cut);
	r->offset += cut;
	return 1;
}

/* Line number (1-based) of byte `off` of s[0..len). */
static uint64_t line_of(const char *s, size_t len, size_t off)
{
	return 1 + count_lines(s, off < len ? off : len);
}

/* The one document of a TimeML file: its plain text and its DCT. */
static int next_timeml(cli_reader *r, cli_doc *doc)
{
	if (r->done)
		return 0;
	r->done = 1;
	while (!r->eof)
		if (fill(r, r->len + (r->len > READ_CHUNK ? r->len : READ_CHUNK)) != 0)
			return -1;
	tl_timeml *tml = NULL;
	int rc = tl_timeml_parse(&tml, r->buf ? r->buf : "", r->len, r->name);
	if (rc != 0) {
		/* the library names the byte offset; add its line */
		const char *msg = tl_error_last(), *at = strstr(msg, "offset ");
		size_t nlen = strlen(r->name);
		if (strncmp(msg, r->name, nlen) == 0 && msg[nlen] == ':')
			msg += nlen + (msg[nlen + 1] == ' ' ? 2 : 1);
		if (at && at[7] >= '0' && at[7] <= '9')
			cli_error("%s:%llu: %s", r->name,
			          (unsigned long long)line_of(r->buf, r->len,
			                                      (size_t)strtoull(at + 7, NULL, 10)),
			          msg);
		else
			cli_error("%s: %s", r->name, msg);
		return -1;
	}
	size_t n = 0;
	const char *text = tl_timeml_text(tml, &n);
	memset(doc, 0, sizeof(*doc));
	doc->has_dct =
	    tl_timeml_dct(&doc->dct, tml) == 0 && doc->dct.year >= 1 && doc->dct.year <= 9999;
	if (!doc->has_dct && tl_timeml_dct_value(tml)) /* never dropped silently */
		cli_error("%s: the DCT \"%s\" is not a date (YYYY-MM-DD, years 1 to 9999): "
		          "it is left out",
		          r->name, tl_timeml_dct_value(tml));
	doc->text = dupn(text, n);
	doc->len = n;
	doc->id = dupn(r->name, strlen(r->name));
	tl_timeml_free(tml);
	if (!doc->text || !doc->id) {
		cli_doc_free(doc);
		cli_error("%s: %s", r->name, strerror(ENOMEM));
		return -1;
	}
	r->st->docs_in++;
	return 1;
}

/* The next document. */
int cli_reader_next(cli_reader *r, cli_doc *doc)
{
	switch (r->o->input_format) {
	case CLI_IN_JSONL:
		return next_jsonl(r, doc);
	case CLI_IN_TIMEML:
		return next_timeml(r, doc);
	default:
		return next_text(r, doc);
	}
}
