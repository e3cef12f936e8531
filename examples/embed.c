/*
 * embed.c - the smallest program that links libtimeline: it reads a built-in
 * paragraph dated 2024-03-15 and prints its timeline, one event a line.
 */
#include <timeline.h>

#include <stdio.h>
#include <string.h>

static const char paragraph[] =
	"The harbour bridge closed on March 3, 2024 for repairs. "
	"Engineers found cracks in 1998 and again on 12 February 2024. "
	"The council said yesterday that it will reopen on May 20, 2024.";

int main(void)
{
	tl_parser *parser = NULL;
	tl_document *doc = NULL;
	tl_timeline *tl = NULL;
	tl_document_options opts = TL_DOCUMENT_OPTIONS_INIT;
	int rc;

	opts.id = "built-in";
	opts.has_dct = 1;
	if ((rc = tl_date_parse(&opts.dct, "2024-03-15")) != 0 ||
	    (rc = tl_parser_new(&parser, NULL)) != 0 ||
	    (rc = tl_document_parse(&doc, parser, paragraph, strlen(paragraph), &opts)) != 0 ||
	    (rc = tl_timeline_new(&tl, NULL)) != 0 || (rc = tl_timeline_add(tl, doc)) != 0) {
		fprintf(stderr, "embed: %s: %s\n", tl_strerror(rc), tl_error_last());
		tl_document_free(doc);
		tl_timeline_free(tl);
		tl_parser_free(parser);
		return 1;
	}
	size_t n = tl_timeline_event_count(tl);
	for (size_t i = 0; i < n; i++) {
		const tl_event *e = tl_timeline_event(tl, i);
		printf("%-12s %s\n", e->value, e->headline);
	}
	tl_timeline_free(tl);
	tl_parser_free(parser);
	return 0;
}
