/*
 * fuzz_common.h - what every fuzz target asserts about the library's output.
 *
 * A failed check prints what broke and aborts, which libFuzzer reports as a
 * crash together with the input that caused it.
 */
#ifndef TL_FUZZ_COMMON_H
#define TL_FUZZ_COMMON_H

#include "invariants.h"

#include <stddef.h>
#include <stdint.h>

/** Abort with a message when cond is false. */
#define TL_FUZZ_ASSERT(cond, ...)                                                                  \
	do {                                                                                       \
		if (!(cond))                                                                       \
			tl_fuzz_fail(__FILE__, __LINE__, __VA_ARGS__);                             \
	} while (0)

/** Print where and what, then abort.  Never returns. */
void tl_fuzz_fail(const char *file, int line, const char *fmt, ...) TL_PRINTF(3, 4);

/**
 * Independent UTF-8 check (decodes each sequence and tests its code point),
 * to cross-check tl_utf8_valid().  Returns 1 when valid, else 0 with the
 * offset of the first bad sequence in *bad.
 */
int tl_fuzz_utf8_valid(const uint8_t *s, size_t len, size_t *bad);

/**
 * Every invariant of a document, its timeline and both exports: spans,
 * offsets, values (tl_check_document, tl_check_timeline); the JSON export
 * parses with json-c and lists every timex and event; the iCalendar export
 * parses with libical without errors and holds one VEVENT per event.
 * Takes tl over (frees it).
 */
void tl_fuzz_check_timeline(tl_timeline *tl);

#endif
