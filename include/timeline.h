/*
 * timeline.h - libtimeline: dated timelines from prose.
 *
 * The umbrella header: include this one.
 *
 *   tl_parser *p;  tl_document *doc;  tl_timeline *tl;  char *json;  size_t n;
 *   tl_parser_new(&p, NULL);
 *   tl_document_options o = TL_DOCUMENT_OPTIONS_INIT;
 *   o.has_dct = 1; tl_date_parse(&o.dct, "2021-11-06");
 *   tl_document_parse(&doc, p, text, strlen(text), &o);
 *   tl_timeline_new(&tl, NULL);
 *   tl_timeline_add(tl, doc);                  (tl now owns doc)
 *   tl_export(&json, &n, tl, TL_FORMAT_JSON, NULL);
 *   ...
 *   tl_free(json); tl_timeline_free(tl); tl_parser_free(p);
 */
#ifndef TIMELINE_H
#define TIMELINE_H

#include "timeline/common.h"
#include "timeline/types.h"
#include "timeline/parser.h"
#include "timeline/document.h"
#include "timeline/timeline.h"
#include "timeline/export.h"
#include "timeline/timeml.h"

#endif
