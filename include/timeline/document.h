/*
 * timeline/document.h - analyse one document: its temporal expressions.
 *
 * tl_document_parse() runs the whole engine over a text (scan, match, refine,
 * resolve, events) against a document creation time (DCT) that the caller
 * gives, or that the library infers and reports as inferred.  The library
 * never reads the clock.
 */
#ifndef TIMELINE_DOCUMENT_H
#define TIMELINE_DOCUMENT_H

#include "types.h"

TL_BEGIN_DECLS

/** Where a document's DCT came from. */
typedef enum tl_dct_source {
	TL_DCT_NONE = 0,     /**< no DCT: relative expressions keep X's */
	TL_DCT_GIVEN = 1,    /**< given by the caller */
	TL_DCT_INFERRED = 2  /**< inferred from the text (latest explicit full date) */
} tl_dct_source;

#define TL_DOCUMENT_OPTIONS_VERSION 1

/** Per-document options.  Initialise with TL_DOCUMENT_OPTIONS_INIT. */
typedef struct tl_document_options {
	unsigned int version; /**< TL_DOCUMENT_OPTIONS_VERSION */
	const char *id;       /**< document id (file name, ...); copied; NULL gives "";
	                           an id that is not valid UTF-8 is copied with each
	                           ill-formed sequence replaced by U+FFFD */
	int has_dct;          /**< 1: dct holds the document creation time */
	tl_date dct;          /**< the DCT (a full date) when has_dct is 1 */
	int infer_dct;        /**< 1 (default): without a DCT, infer one */
	int replace_invalid;  /**< 1: replace invalid UTF-8 and NUL bytes by U+FFFD
	                           instead of failing; the replacements are counted
	                           (tl_document_repairs()) and offsets refer to the
	                           repaired text (tl_document_text()).  0 (default):
	                           such bytes are an error naming their offset. */
} tl_document_options;

#define TL_DOCUMENT_OPTIONS_INIT { TL_DOCUMENT_OPTIONS_VERSION, NULL, 0, { 0, 0, 0 }, 1, 0 }

/** The largest text tl_document_parse() accepts, in bytes (1 GiB). */
#define TL_DOCUMENT_MAX_BYTES ((size_t)1 << 30)

/** Fill opts with the defaults of the given version; TL_EINVAL if unknown. */
TL_EXTERN(int) tl_document_options_init(tl_document_options *opts, unsigned int version);

/**
 * Analyse text (len bytes of UTF-8, not necessarily NUL-terminated).
 * The text is copied.  On success *out is a new document that the caller owns
 * (free with tl_document_free(), or hand to tl_timeline_add()).
 * Fails with TL_EUTF8 (the message names the byte offset) when text is not
 * valid UTF-8 or holds a NUL byte (unless opts->replace_invalid), and always
 * when it starts with a UTF-16 or UTF-32 byte order mark (the message names
 * the encoding); a UTF-8 byte order mark is kept as part of the text.
 * TL_ERANGE when len exceeds TL_DOCUMENT_MAX_BYTES, TL_EINVAL on a NULL
 * argument or an invalid DCT, TL_ENOMEM.
 */
TL_EXTERN(int) tl_document_parse(tl_document **out, const tl_parser *parser,
                                 const char *text, size_t len,
                                 const tl_document_options *opts);

/**
 * How many invalid UTF-8 sequences and NUL bytes were replaced by U+FFFD
 * (only ever non-zero with tl_document_options.replace_invalid).  When first
 * is not NULL it gets the byte offset, in the text as given, of the first
 * replacement (0 when there was none).
 */
TL_EXTERN(size_t) tl_document_repairs(const tl_document *doc, size_t *first);

/** Free a document.  NULL is a no-op. */
TL_EXTERN(void) tl_document_free(tl_document *doc);

/** The document's id ("" when none was given).  Owned by the document. */
TL_EXTERN(const char *) tl_document_id(const tl_document *doc);

/** The document's text and its length in bytes.  Owned by the document. */
TL_EXTERN(const char *) tl_document_text(const tl_document *doc, size_t *len);

/**
 * The DCT the document was resolved against, in *out, and where it came from.
 * With TL_DCT_NONE, *out is all zeros.
 */
TL_EXTERN(tl_dct_source) tl_document_dct(tl_date *out, const tl_document *doc);

/** Number of temporal expressions found. */
TL_EXTERN(size_t) tl_document_timex_count(const tl_document *doc);

/** The i-th temporal expression in text order, or NULL when i is out of range. */
TL_EXTERN(const tl_timex *) tl_document_timex(const tl_document *doc, size_t i);

/** Number of sentences the text was split into. */
TL_EXTERN(size_t) tl_document_sentence_count(const tl_document *doc);

/**
 * Byte range [*start, *end) of the i-th sentence.  Returns 0, or
 * TL_ENOTFOUND when i is out of range.
 */
TL_EXTERN(int) tl_document_sentence(size_t *start, size_t *end,
                                    const tl_document *doc, size_t i);

/**
 * Parse an ISO 8601 calendar date "YYYY-MM-DD" (also "YYYY-MM" and "YYYY",
 * which leave the missing fields 0) into *out.  Returns 0, or TL_EINVAL when
 * s is not such a date or names a day that does not exist.
 */
TL_EXTERN(int) tl_date_parse(tl_date *out, const char *s);

/**
 * Check that text[0..len) is valid UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), the test tl_document_parse() applies
 * (a NUL byte is valid UTF-8 and passes here; tl_document_parse() refuses
 * it too).  text may be NULL when len is 0 (TL_EINVAL when it is not).
 * Returns 0 when it is; else TL_EUTF8 with *bad_offset (when not NULL) set to
 * the byte offset of the first invalid sequence.  Sets no error message.
 */
TL_EXTERN(int) tl_utf8_validate(size_t *bad_offset, const char *text, size_t len);

TL_END_DECLS

#endif
