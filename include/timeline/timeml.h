/*
 * timeline/timeml.h - read TimeML (.tml) documents: their text and DCT.
 *
 * A TimeML file holds the document text inside <TEXT>...</TEXT>, possibly
 * with annotation tags in it (<TIMEX3>, <EVENT>, ...), and the document
 * creation time as the <TIMEX3> inside <DCT>.  tl_timeml_parse() recovers the
 * plain text (every tag removed, entities decoded: exactly the text a
 * TempEval-3 scorer scores against) and the DCT, so that the text can be
 * analysed again and written back with tl_export(..., TL_FORMAT_TIMEML, ...).
 * Annotations already in the text are ignored.
 *
 *   tl_timeml *tml;  tl_document_options o = TL_DOCUMENT_OPTIONS_INIT;
 *   if (tl_timeml_parse(&tml, buf, len, "file.tml") == 0) {
 *           size_t n;  const char *text = tl_timeml_text(tml, &n);
 *           o.has_dct = tl_timeml_dct(&o.dct, tml) == 0;
 *           tl_document_parse(&doc, parser, text, n, &o);   (copies the text)
 *           tl_timeml_free(tml);
 *   }
 */
#ifndef TIMELINE_TIMEML_H
#define TIMELINE_TIMEML_H

#include "types.h"

TL_BEGIN_DECLS

/** A TimeML document that was read: its plain text, DCT and id. */
typedef struct tl_timeml tl_timeml;

/**
 * Read a TimeML document from buf (len bytes of UTF-8, not necessarily
 * NUL-terminated).  name (a file name, or NULL) only prefixes error messages.
 *
 * The text is the content of the first <TEXT> element up to the last
 * </TEXT>, with every tag, comment and processing instruction removed, the
 * entities &amp; &lt; &gt; &quot; &apos; and character references (&#38;,
 * &#x26;) decoded, and line ends read as a text-mode reader does (CR LF and
 * a lone CR become LF; a CR written as &#13; stays a CR).  The tags inside
 * <TEXT> must nest properly.
 *
 * On success *out is a new handle that the caller owns (free it with
 * tl_timeml_free()).  On failure *out is NULL and the result is TL_EFORMAT
 * (no <TEXT>, an unclosed or crossing tag, an unknown entity, a bad character
 * reference, a '<' or '&' that starts no markup, a NUL byte), TL_EUTF8 (invalid UTF-8;
 * a UTF-16 or UTF-32 byte order mark is named as such),
 * TL_EINVAL (NULL argument) or TL_ENOMEM; tl_error_last() names the byte
 * offset into buf where the problem is.
 */
TL_EXTERN(int) tl_timeml_parse(tl_timeml **out, const char *buf, size_t len, const char *name);

/** Free a TimeML handle.  NULL is a no-op. */
TL_EXTERN(void) tl_timeml_free(tl_timeml *tml);

/**
 * The plain text (NUL-terminated; *len, when len is not NULL, is its length
 * in bytes, which may be 0).  Owned by tml, valid until it is freed.
 */
TL_EXTERN(const char *) tl_timeml_text(const tl_timeml *tml, size_t *len);

/**
 * The DCT as a calendar date in *out: the first ten characters of the DCT's
 * value ("2013-03-22" of "2013-03-22T10:30").  Returns 0; TL_ENOTFOUND when
 * the document has no DCT or its value does not start with a full date
 * (*out is then all zeros).
 */
TL_EXTERN(int) tl_timeml_dct(tl_date *out, const tl_timeml *tml);

/**
 * The DCT's value attribute as written (entities decoded), or NULL when the
 * document has none.  The DCT is the <TIMEX3> inside <DCT>, else the first
 * <TIMEX3> with functionInDocument="CREATION_TIME".  Owned by tml.
 */
TL_EXTERN(const char *) tl_timeml_dct_value(const tl_timeml *tml);

/** The content of <DOCID>, trimmed and decoded, or NULL.  Owned by tml. */
TL_EXTERN(const char *) tl_timeml_docid(const tl_timeml *tml);

TL_END_DECLS

#endif
